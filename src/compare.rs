//! Scenarios side by side: the figures that matter for each, their differences from the
//! baseline, and the chart that compares their fiscal burden year by year.

use charming::series::Line;
use charming::Chart;

use crate::charts::category_base;
use crate::edit::Scenario;
use crate::i18n::{Lang, Text};
use crate::plan::Plan;
use crate::rules::{findings, Finding, Severity};
use crate::simulate::{simulate, Group, Results};

/// One scenario's results and findings; `None` id is the baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Compared {
    pub id: Option<String>,
    pub name: String,
    pub results: Results,
    pub findings: Vec<Finding>,
}

impl Compared {
    /// Simulates `plan` under `scenario` once and checks the results against the rules.
    pub fn of(plan: &Plan, scenario: Option<&Scenario>, id: Option<String>, name: String) -> Self {
        let view = plan.resolve(scenario).plan;
        let results = simulate(&view.assumptions, &view.projects, view.first_year);
        let findings = findings(&view.assumptions, &results);
        Compared {
            id,
            name,
            results,
            findings,
        }
    }
}

/// The baseline and every scenario of the plan, then the other plans chosen, each simulated once.
pub fn compare(plan: &Plan, others: &[Plan], lang: Lang) -> Vec<Compared> {
    std::iter::once(Compared::of(
        plan,
        None,
        None,
        Text::Baseline.tr(lang).to_string(),
    ))
    .chain(
        plan.scenarios
            .iter()
            .map(|s| Compared::of(plan, Some(s), Some(s.id.clone()), s.name.clone())),
    )
    .chain(
        others
            .iter()
            .map(|o| Compared::of(o, None, Some(o.id.clone()), o.name.clone())),
    )
    .collect()
}

/// A row of the comparison: what it measures and how to read it off the results.
#[derive(Clone, Copy)]
pub struct Metric {
    pub label: Text,
    pub value: fn(&Compared) -> f64,
    pub kind: MetricKind,
}

/// How a metric is shown: money in 亿元, a share as a percentage, or a count.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum MetricKind {
    Money,
    Share,
    Count,
}

pub const METRICS: &[Metric] = &[
    Metric {
        label: Text::KpiInvestment,
        value: |c| c.results.totals.investment,
        kind: MetricKind::Money,
    },
    Metric {
        label: Text::KpiMonetizedOverall,
        value: |c| c.results.rate(&Group::Overall).map_or(0.0, |m| m.rate),
        kind: MetricKind::Share,
    },
    Metric {
        label: Text::KpiMonetizedCentral,
        value: |c| c.results.rate(&Group::CentralCity).map_or(0.0, |m| m.rate),
        kind: MetricKind::Share,
    },
    Metric {
        label: Text::KpiMonetizedCounties,
        value: |c| c.results.rate(&Group::Counties).map_or(0.0, |m| m.rate),
        kind: MetricKind::Share,
    },
    Metric {
        label: Text::FiscalBurden,
        value: |c| c.results.totals.fiscal_burden,
        kind: MetricKind::Money,
    },
    Metric {
        label: Text::KpiPeakFiscal,
        value: |c| c.results.totals.peak_fiscal_burden,
        kind: MetricKind::Money,
    },
    Metric {
        label: Text::KpiFiscalPv,
        value: |c| c.results.totals.fiscal_burden_pv,
        kind: MetricKind::Money,
    },
    Metric {
        label: Text::KpiPppShare,
        value: |c| c.results.totals.max_ppp_share,
        kind: MetricKind::Share,
    },
    Metric {
        label: Text::MissCount,
        value: |c| {
            c.findings
                .iter()
                .filter(|f| f.severity == Severity::Miss)
                .count() as f64
        },
        kind: MetricKind::Count,
    },
];

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
    fn value(self, y: &crate::simulate::YearResult) -> f64 {
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
        chart = chart.series(crate::charts::dashed_line(
            Text::PppCapLine.tr(lang),
            crate::charts::pct(cap),
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
    use crate::demo::demo_plan;

    #[test]
    fn the_60_percent_scenario_raises_the_monetized_rate_and_changes_the_investment() {
        let all = compare(&demo_plan(), &[], Lang::Zh);
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].name, "基准方案");
        let rate = METRICS[1].value;
        assert!(rate(&all[1]) > rate(&all[0]));
        assert!((rate(&all[1]) - 0.6).abs() < 0.02, "{}", rate(&all[1]));
        // Money and new flats cost differently per household: the investment moves.
        assert_ne!(
            all[1].results.totals.investment,
            all[0].results.totals.investment
        );
        let misses = METRICS[8].value;
        assert!(misses(&all[1]) < misses(&all[0]));
        let chart: serde_json::Value = serde_json::from_str(
            &compare_chart(&all, Overlay::FiscalBurden, 0.1, Lang::Zh).to_string(),
        )
        .unwrap();
        let series = chart["series"].as_array().unwrap();
        assert_eq!(series.len(), 2);
        assert_eq!(series[1]["name"], "货币化60%");
        assert_eq!(series[1]["type"], "line");
        // Another plan joins as one more column.
        let mut other = demo_plan();
        other.name = "另一方案".into();
        other.projects.truncate(10);
        let all = compare(&demo_plan(), &[other], Lang::Zh);
        assert_eq!(all.len(), 3);
        assert_eq!(all[2].name, "另一方案");
        assert!(all[2].results.totals.investment < all[0].results.totals.investment);
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
