//! The month's progress as it is shown and sent: its charts, why a project is behind, a
//! district's marks and change of place, and the monthly report's tables (the screen, the A4
//! page and the workbook all draw these, so their figures are one).

use charming::series::{Bar, Line};
use charming::Chart;

use crate::analysis::progress::{
    scope_tallies, Behind, GroupRow, ProgressReport, ProjectRow, Ranked, Tally,
};
use crate::calc::model::{Instrument, Month};
use crate::calc::rules::group_name;
use crate::calc::simulate::Group;
use crate::document::plan::Plan;
use crate::document::reporting::RankingWeights;
use crate::present::charts::{category_base, dashed_line, pct, titled_base};
use crate::present::report::{Cell, Table};
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

/// The city (or a zone, or a district: `scope`) month by month from January to `month`: households signed and units started
/// (flats started + households resettled with money) against the year's target taken evenly
/// over the months (the plan to date), cumulative.
pub fn pace_chart(plan: &Plan, month: Month, scope: &Group, lang: Lang) -> Chart {
    let months: Vec<Month> = (1..=month.month)
        .filter_map(|m| Month::new(month.year, m))
        .collect();
    let tallies: Vec<_> = months
        .iter()
        .copied()
        .zip(scope_tallies(plan, &months, scope))
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
    let title = Text::ChartPace.fill(lang, &[&crate::calc::rules::group_name(scope, lang)]);
    titled_base(&title, labels, Text::Households.tr(lang))
        .series(Line::new().name(Text::PlanToDate.tr(lang)).data(planned))
        // Counts, as the axis says: households and units, never the rate they make.
        .series(Bar::new().name(Text::PaceStarted.tr(lang)).data(started))
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

/// The monthly report to the province: the month's figures as tables, in the order they are
/// printed.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthlyReport {
    /// Central city, counties, city.
    pub summary: Table,
    pub districts: Table,
    pub projects: Table,
    pub ranking: Table,
    pub behind: Table,
    /// 资金到位 by source: the zones, then each district.
    pub funds: Table,
    /// 前期手续 at the month's end: each district, then the city.
    pub readiness: Table,
}

/// The columns every plan-against-actual row has after its name.
fn rate_header(lang: Lang) -> Vec<String> {
    [
        Text::ColTarget,
        Text::ProgressSigned,
        Text::ColSigningRate,
        Text::ColStartedTotal,
        Text::ColStartRate,
        Text::ColMonetizedActual,
        Text::ColMonetizedTarget,
        Text::ColInvestedWan,
        Text::ColInvestmentRate,
        Text::ColFundsWan,
        Text::ColFundsRate,
    ]
    .iter()
    .map(|t| t.tr(lang).to_string())
    .collect()
}

/// A rate as a cell: a share, or "—" where there is nothing to measure against.
fn share(r: Option<f64>) -> Cell {
    r.map_or_else(|| Cell::Text("—".into()), Cell::Share)
}

fn rate_cells(t: &Tally, monetized_target: f64) -> Vec<Cell> {
    let money = |v: f64| Cell::Money((v * 100.0).round() / 100.0);
    vec![
        Cell::Count(t.target),
        Cell::Count(t.signed),
        share(t.signing_rate()),
        Cell::Count(t.started_units + t.monetized),
        share(t.start_rate()),
        share(t.monetized_rate()),
        Cell::Share(monetized_target),
        money(t.invested),
        share(t.investment_rate()),
        money(t.funds.total()),
        share(t.funds_rate()),
    ]
}

fn group_table(first: Text, groups: &[GroupRow], lang: Lang) -> Table {
    let mut header = vec![first.tr(lang).to_string()];
    header.extend(rate_header(lang));
    let rows = groups
        .iter()
        .map(|g| {
            let mut row = vec![Cell::Text(group_name(&g.group, lang))];
            row.extend(rate_cells(&g.tally, g.monetized_target));
            row
        })
        .collect();
    Table { header, rows }
}

/// Why each behind project is behind, in words.
fn behind_words(p: &ProjectRow, lang: Lang) -> String {
    let why: Vec<String> = p.behind.iter().map(|b| behind_text(b, lang)).collect();
    why.join(Text::ListSeparator.tr(lang))
}

/// The month's report: the zones, the districts, the projects of the month's year (and those
/// still running from before), the ranking, the projects behind with why and what the county
/// says of it.
pub fn monthly_report(r: &ProgressReport, weights: &RankingWeights, lang: Lang) -> MonthlyReport {
    MonthlyReport {
        summary: group_table(Text::ColZone, &r.zones, lang),
        districts: group_table(Text::ColDistrict, &r.districts, lang),
        projects: projects_table(r, lang),
        ranking: ranking_table(r, weights, lang),
        behind: behind_table(r, lang),
        funds: funds_table(r, lang),
        readiness: readiness_table(r, lang),
    }
}

/// 前期手续 at the month's end: steps done (in the month), late, 征收决定, loan contracts and
/// 贷款发放率, and the projects whose money still waits for a step.
fn readiness_table(r: &ProgressReport, lang: Lang) -> Table {
    let header = headers(
        &[
            Text::ColDistrict,
            Text::PipelineProjects,
            Text::MrSteps,
            Text::MrDone,
            Text::MrDoneInMonth,
            Text::MrLate,
            Text::MrDecided,
            Text::MrContracts,
            Text::MrContracted,
            Text::MrDisbursement,
            Text::MrHeld,
        ],
        lang,
    );
    let count = |n: usize| Cell::Count(n as u64);
    let rows = r
        .readiness
        .iter()
        .map(|m| {
            vec![
                Cell::Text(
                    m.district
                        .clone()
                        .unwrap_or_else(|| Text::Overall.tr(lang).to_string()),
                ),
                count(m.projects),
                count(m.steps),
                count(m.done),
                count(m.done_in_month),
                count(m.late),
                count(m.decided),
                count(m.contracts),
                Cell::Money((m.contracted * 100.0).round() / 100.0),
                share(m.disbursement_rate()),
                count(m.held),
            ]
        })
        .collect();
    Table { header, rows }
}

/// Funds in place by instrument against the year's plan of it: each zone and district, one
/// amount and one rate per instrument ("—" where the plan has none of it).
fn funds_table(r: &ProgressReport, lang: Lang) -> Table {
    let mut header = vec![Text::ColZone.tr(lang).to_string()];
    for &i in Instrument::ALL {
        let name = i.label().tr(lang);
        header.push(Text::ColFundsOfWan.fill(lang, &[&name]));
        header.push(Text::ColFundsRateOf.fill(lang, &[&name]));
    }
    let rows = r
        .zones
        .iter()
        .chain(&r.districts)
        .map(|g| {
            let mut row = vec![Cell::Text(group_name(&g.group, lang))];
            for &i in Instrument::ALL {
                row.push(Cell::Money(
                    (i.amount(&g.tally.funds) * 100.0).round() / 100.0,
                ));
                row.push(share(g.tally.fund_rate(i)));
            }
            row
        })
        .collect();
    Table { header, rows }
}

fn headers(texts: &[Text], lang: Lang) -> Vec<String> {
    texts.iter().map(|t| t.tr(lang).to_string()).collect()
}

/// Every project of the month's year and before, against its side's monetized target.
fn projects_table(r: &ProgressReport, lang: Lang) -> Table {
    let target_of = |central: bool| {
        let side = if central {
            Group::CentralCity
        } else {
            Group::Counties
        };
        r.zones
            .iter()
            .find(|z| z.group == side)
            .map_or(0.0, |z| z.monetized_target)
    };
    let mut header = headers(&[Text::ColName, Text::ColDistrict, Text::ColYear], lang);
    header.extend(rate_header(lang));
    let rows = r
        .projects
        .iter()
        .filter(|p| p.year <= r.month.year)
        .map(|p| {
            let mut row = vec![
                Cell::Text(p.name.clone()),
                Cell::Text(p.district.clone()),
                Cell::Year(p.year),
            ];
            row.extend(rate_cells(&p.tally, target_of(p.central_city)));
            row
        })
        .collect();
    Table { header, rows }
}

/// The ranking: place, district, 开工率, the composite score when other rates weigh, marks,
/// change since last month.
fn ranking_table(r: &ProgressReport, weights: &RankingWeights, lang: Lang) -> Table {
    let composite = !weights.start_only();
    let mut header = headers(
        &[Text::ColRank, Text::ColDistrict, Text::ColStartRate],
        lang,
    );
    if composite {
        header.push(Text::ColScore.tr(lang).to_string());
    }
    header.extend(headers(&[Text::ColMarks, Text::ColChange], lang));
    let rows = r
        .ranking
        .iter()
        .map(|k| {
            let mut row = vec![
                Cell::Count(k.rank as u64),
                Cell::Text(k.district.clone()),
                Cell::Share(k.start_rate),
            ];
            if composite {
                row.push(Cell::Share(k.score));
            }
            row.push(Cell::Text(marks(k, lang)));
            row.push(Cell::Text(change_text(k.change, lang)));
            row
        })
        .collect();
    Table { header, rows }
}

/// The projects behind: how far, and why in the county's words.
fn behind_table(r: &ProgressReport, lang: Lang) -> Table {
    let header = headers(
        &[
            Text::ColName,
            Text::ColDistrict,
            Text::ColBehind,
            Text::ColDelay,
        ],
        lang,
    );
    let rows = r
        .projects
        .iter()
        .filter(|p| !p.behind.is_empty())
        .map(|p| {
            vec![
                Cell::Text(p.name.clone()),
                Cell::Text(p.district.clone()),
                Cell::Text(behind_words(p, lang)),
                Cell::Text(p.delay.clone()),
            ]
        })
        .collect();
    Table { header, rows }
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
        let pace = json(pace_chart(&plan, march, &Group::Overall, Lang::Zh));
        assert_eq!(x(&pace)["data"].as_array().unwrap().len(), 3);
        // March: every 2027 project's households over the year, a quarter of it to date.
        let target: u64 = plan
            .projects
            .iter()
            .filter(|p| p.year == 2027)
            .map(|p| u64::from(p.households))
            .sum();
        assert_eq!(pace["series"][0]["data"][2], (target as f64 / 4.0).round());
        // The legend names what each series plots: counts in 户, never a rate.
        let names: Vec<&str> = pace["series"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["name"].as_str().unwrap())
            .collect();
        assert_eq!(
            names,
            vec![
                "计划开工（按月均摊）",
                "已开工（新开工套数＋货币化安置户数）",
                "签约户数"
            ]
        );
        assert!(names.iter().all(|n| !n.contains('率')));
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
