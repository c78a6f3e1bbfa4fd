//! The charts of 方案对比: the per-year overlays (fiscal burden, PPP share against the cap, debt)
//! and each district's monetized rate, one series per scenario compared.

use charming::series::Line;
use charming::Chart;

use crate::analysis::compare::Compared;
use crate::calc::simulate::{Group, Results};
use crate::present::charts::category_base;
use crate::words::i18n::{Lang, Text};

/// The per-year overlays of 方案对比: one line per scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// Fiscal burden, 亿元.
    FiscalBurden,
    /// PPP spending as a share of the budget (%), against the cap.
    PppShare,
    /// Debt outstanding at year end, 亿元.
    Debt,
}

impl Overlay {
    pub const ALL: [Overlay; 3] = [Overlay::FiscalBurden, Overlay::PppShare, Overlay::Debt];

    pub fn testid(self) -> &'static str {
        match self {
            Overlay::FiscalBurden => "chart-compare",
            Overlay::PppShare => "chart-compare-ppp",
            Overlay::Debt => "chart-compare-debt",
        }
    }

    fn title(self) -> Text {
        match self {
            Overlay::FiscalBurden => Text::ChartCompare,
            Overlay::PppShare => Text::ChartComparePpp,
            Overlay::Debt => Text::ChartCompareDebt,
        }
    }

    /// The year's value as drawn (亿元 or %), rounded to what the chart shows.
    fn value(self, y: &crate::calc::simulate::YearResult) -> f64 {
        let round2 = |v: f64| (v * 100.0).round() / 100.0;
        match self {
            Overlay::FiscalBurden => round2(y.fiscal.total() / 10_000.0),
            Overlay::PppShare => round2(y.ppp_share * 100.0),
            Overlay::Debt => round2(y.debt.total() / 10_000.0),
        }
    }
}

/// One overlay over the union of the scenarios' years; the PPP chart carries the cap of the
/// base as a dashed line.
pub fn compare_chart(all: &[Compared], overlay: Overlay, cap: f64, lang: Lang) -> Chart {
    let years =
        |pick: fn(&Results) -> Option<i32>| all.iter().filter_map(move |c| pick(&c.results));
    let first = years(|r| r.years.first().map(|y| y.year))
        .min()
        .unwrap_or(0);
    let last = years(|r| r.years.last().map(|y| y.year)).max().unwrap_or(0);
    let labels: Vec<String> = (first..=last).map(|y| y.to_string()).collect();
    let unit = match overlay {
        Overlay::PppShare => "%",
        _ => Text::UnitYi.tr(lang),
    };
    let mut chart = category_base(overlay.title(), labels, unit, lang);
    for c in all {
        let data: Vec<f64> = (first..=last)
            .map(|y| {
                c.results
                    .years
                    .iter()
                    .find(|r| r.year == y)
                    .map_or(0.0, |r| overlay.value(r))
            })
            .collect();
        chart = chart.series(Line::new().name(c.name.as_str()).data(data));
    }
    if overlay == Overlay::PppShare {
        let n = (last - first + 1).max(0) as usize;
        chart = chart.series(crate::present::charts::dashed_line(
            Text::PppCapLine.tr(lang),
            crate::present::charts::pct(cap),
            n,
        ));
    }
    chart
}

/// Each district's monetized rate per scenario (%), with its target.
pub fn district_chart(all: &[Compared], lang: Lang) -> Chart {
    let districts: Vec<String> = all
        .first()
        .map(|c| {
            c.results
                .monetized
                .iter()
                .filter_map(|m| match &m.group {
                    Group::District(d) => Some(d.clone()),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    let rate = |c: &Compared, d: &str, target: bool| {
        c.results
            .monetized
            .iter()
            .find(|m| matches!(&m.group, Group::District(x) if x == d))
            .map_or(0.0, |m| {
                let v = if target { m.target } else { m.rate };
                (v * 1000.0).round() / 10.0
            })
    };
    let mut chart = category_base(Text::ChartCompareDistricts, districts.clone(), "%", lang);
    for c in all {
        let data: Vec<f64> = districts.iter().map(|d| rate(c, d, false)).collect();
        chart = chart.series(
            charming::series::Bar::new()
                .name(c.name.as_str())
                .data(data),
        );
    }
    if let Some(base) = all.first() {
        let data: Vec<f64> = districts.iter().map(|d| rate(base, d, true)).collect();
        chart = chart.series(Line::new().name(Text::TargetLine.tr(lang)).data(data));
    }
    chart
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::compare::compare;
    use crate::document::demo::demo_plan;

    #[test]
    fn the_fiscal_overlay_draws_the_base_and_the_60_percent_scenario() {
        let all = compare(&demo_plan(), &[], Lang::Zh);
        let chart: serde_json::Value = serde_json::from_str(
            &compare_chart(&all, Overlay::FiscalBurden, 0.1, Lang::Zh).to_string(),
        )
        .unwrap();
        let series = chart["series"].as_array().unwrap();
        assert_eq!(series.len(), 2);
        assert_eq!(series[1]["name"], "货币化60%");
        assert_eq!(series[1]["type"], "line");
    }

    #[test]
    fn overlays_draw_every_scenario_with_the_cap_and_the_targets() {
        let all = compare(&demo_plan(), &[], Lang::Zh);
        let json = |c: Chart| serde_json::from_str::<serde_json::Value>(&c.to_string()).unwrap();
        let ppp = json(compare_chart(&all, Overlay::PppShare, 0.1, Lang::Zh));
        let series = ppp["series"].as_array().unwrap();
        // One line per scenario, then the cap.
        assert_eq!(series.len(), all.len() + 1);
        assert_eq!(series[2]["name"], "10%红线");
        assert!(series[2]["data"]
            .as_array()
            .unwrap()
            .iter()
            .all(|v| v == 10.0));
        let first = all[0].results.years[0].year;
        // Over the union of the scenarios' years, from the first.
        let years = ppp["xAxis"]["data"].as_array().unwrap().len();
        assert!(years >= all[0].results.years.len());
        assert_eq!(series[0]["data"].as_array().unwrap().len(), years);
        assert_eq!(ppp["xAxis"]["data"][0], first.to_string());

        let debt = json(compare_chart(&all, Overlay::Debt, 0.1, Lang::Zh));
        let y0 = &all[1].results.years[0];
        let drawn = debt["series"][1]["data"][0].as_f64().unwrap();
        assert!(
            (drawn - y0.debt.total() / 10_000.0).abs() < 0.005,
            "{drawn}"
        );

        let districts = json(district_chart(&all, Lang::Zh));
        let names = districts["xAxis"]["data"].as_array().unwrap();
        assert_eq!(names.len(), demo_plan().districts().len());
        let series = districts["series"].as_array().unwrap();
        assert_eq!(series.len(), all.len() + 1);
        assert_eq!(series[0]["type"], "bar");
        assert_eq!(series[2]["name"], "目标");
    }
}
