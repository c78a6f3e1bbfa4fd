//! The month's progress in words: why a project is behind, a district's marks in the ranking,
//! its change of place since last month.

use charming::series::{Bar, Line};
use charming::Chart;

use crate::analysis::progress::{progress_reports, Behind, ProgressReport, Ranked};
use crate::calc::model::Month;
use crate::calc::simulate::Group;
use crate::document::plan::Plan;
use crate::present::charts::{category_base, dashed_line, pct};
use crate::words::i18n::{fmt_pct, Lang, Text};

/// The districts' 开工率 in rank order (bars), the average of them and the share of the year
/// gone (dashed lines), in %.
pub fn ranking_chart(r: &ProgressReport, lang: Lang) -> Chart {
    let names: Vec<String> = r.ranking.iter().map(|k| k.district.clone()).collect();
    let rates: Vec<f64> = r.ranking.iter().map(|k| pct(k.start_rate)).collect();
    let n = rates.len();
    let average = r.ranking.iter().map(|k| k.start_rate).sum::<f64>() / n.max(1) as f64;
    category_base(Text::ChartRanking, names, Text::UnitPercent.tr(lang), lang)
        .series(Bar::new().name(Text::ColStartRate.tr(lang)).data(rates))
        .series(dashed_line(Text::RankAverage.tr(lang), pct(average), n))
        .series(dashed_line(Text::YearGone.tr(lang), pct(r.year_gone), n))
}

/// The city month by month from January to `month`: households signed and units started
/// (flats started + households resettled with money) against the year's target taken evenly
/// over the months (the plan to date), cumulative.
pub fn pace_chart(plan: &Plan, month: Month, lang: Lang) -> Chart {
    let months: Vec<Month> = (1..=month.month)
        .filter_map(|m| Month::new(month.year, m))
        .collect();
    let tallies: Vec<_> = progress_reports(plan, &months)
        .into_iter()
        .map(|r| {
            let city = r.zones.into_iter().find(|z| z.group == Group::Overall);
            (r.month, city.map(|z| z.tally).unwrap_or_default())
        })
        .collect();
    let labels = months.iter().map(|m| m.label(lang)).collect();
    let planned: Vec<f64> = tallies
        .iter()
        .map(|(m, t)| (t.target as f64 * f64::from(m.month) / 12.0).round())
        .collect();
    let started: Vec<f64> = tallies
        .iter()
        .map(|(_, t)| (t.started_units + t.monetized) as f64)
        .collect();
    let signed: Vec<f64> = tallies.iter().map(|(_, t)| t.signed as f64).collect();
    category_base(Text::ChartPace, labels, Text::Households.tr(lang), lang)
        .series(Line::new().name(Text::PlanToDate.tr(lang)).data(planned))
        .series(Bar::new().name(Text::ColStartRate.tr(lang)).data(started))
        .series(Bar::new().name(Text::ProgressSigned.tr(lang)).data(signed))
}

/// "征收未按期启动，滞后 3 个月", "开工率 5.0%，低于时序进度 25.0% 的一半".
pub fn behind_text(b: &Behind, lang: Lang) -> String {
    match b {
        Behind::Expropriation { months } => Text::BehindExpropriation.fill(lang, &[months]),
        Behind::Construction { months } => Text::BehindConstruction.fill(lang, &[months]),
        Behind::Pace { rate, year_gone } => {
            Text::BehindPace.fill(lang, &[&fmt_pct(*rate), &fmt_pct(*year_gone)])
        }
    }
}

/// "前三", "后三", "低于平均", joined.
pub fn marks(r: &Ranked, lang: Lang) -> String {
    let mut out = Vec::new();
    if r.top {
        out.push(Text::RankTop.tr(lang));
    }
    if r.bottom {
        out.push(Text::RankBottom.tr(lang));
    }
    if r.below_average {
        out.push(Text::RankBelowAverage.tr(lang));
    }
    out.join(Text::ListSeparator.tr(lang))
}

/// "↑2", "↓1", "持平", "—" (not ranked last month).
pub fn change_text(change: Option<i64>, lang: Lang) -> String {
    match change {
        None => "—".into(),
        Some(0) => Text::RankSame.tr(lang).into(),
        Some(n) if n > 0 => format!("↑{n}"),
        Some(n) => format!("↓{}", -n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_charts_read_the_report() {
        let plan = crate::document::demo::demo_plan();
        let march = Month::new(2027, 3).unwrap();
        let json = |c: Chart| serde_json::from_str::<serde_json::Value>(&c.to_string()).unwrap();
        let report = crate::analysis::progress::progress_report(&plan, march);
        let ranking = json(ranking_chart(&report, Lang::Zh));
        let x = |c: &serde_json::Value| c["xAxis"].get(0).unwrap_or(&c["xAxis"]).clone();
        assert_eq!(x(&ranking)["data"][0], "X县");
        assert_eq!(ranking["series"][0]["data"][0], 51.0);
        let pace = json(pace_chart(&plan, march, Lang::Zh));
        assert_eq!(x(&pace)["data"].as_array().unwrap().len(), 3);
        // March: every 2027 project's households over the year, a quarter of it to date.
        let target: u64 = plan
            .projects
            .iter()
            .filter(|p| p.year == 2027)
            .map(|p| u64::from(p.households))
            .sum();
        assert_eq!(pace["series"][0]["data"][2], (target as f64 / 4.0).round());
    }

    #[test]
    fn words_for_behind_and_ranks() {
        assert_eq!(
            behind_text(&Behind::Expropriation { months: 3 }, Lang::Zh),
            "征收未按期启动，滞后 3 个月"
        );
        assert_eq!(change_text(Some(2), Lang::Zh), "↑2");
        assert_eq!(change_text(Some(-1), Lang::Zh), "↓1");
        assert_eq!(change_text(Some(0), Lang::Zh), "持平");
        assert_eq!(change_text(None, Lang::Zh), "—");
    }
}
