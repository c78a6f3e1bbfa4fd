//! Scenarios side by side: the figures that matter for each and their differences from the
//! baseline (their charts are `compare_charts`).

use crate::calc::rules::{findings, Finding, Severity};
use crate::calc::simulate::{simulate, Group, Results};
use crate::document::edit::Scenario;
use crate::document::plan::Plan;
use crate::words::i18n::{Lang, Text};

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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
        label: Text::KpiPeakDebt,
        value: |c| {
            c.results
                .years
                .iter()
                .map(|y| y.debt.total())
                .fold(0.0, f64::max)
        },
        kind: MetricKind::Money,
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

/// A row of the comparison as shown: the metrics, then each planned year's city-wide monetized
/// rate (each year's list is assessed on its own). A value a column does not have (a plan
/// without that year) is NaN.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub label: String,
    pub kind: MetricKind,
    pub values: Vec<f64>,
}

/// Every row of the comparison of `all`, in order.
pub fn rows(all: &[Compared], lang: Lang) -> Vec<Row> {
    let mut out: Vec<Row> = METRICS
        .iter()
        .map(|m| Row {
            label: m.label.tr(lang).into(),
            kind: m.kind,
            values: all.iter().map(m.value).collect(),
        })
        .collect();
    let mut years: Vec<i32> = all
        .iter()
        .flat_map(|c| c.results.monetized_by_year.iter().map(|y| y.year))
        .collect();
    crate::words::order::sort(&mut years);
    years.dedup();
    out.extend(years.into_iter().map(|year| {
        Row {
            label: Text::YearOverallRate.fill(lang, &[&crate::words::i18n::fmt_year(year, lang)]),
            kind: MetricKind::Share,
            values: all
                .iter()
                .map(|c| {
                    c.results
                        .monetized_by_year
                        .iter()
                        .find(|y| y.year == year)
                        .and_then(|y| y.rates.iter().find(|m| m.group == Group::Overall))
                        .filter(|m| m.households > 0)
                        .map_or(f64::NAN, |m| m.rate)
                })
                .collect(),
        }
    }));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::demo::demo_plan;

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
        // Each planned year's list has its own row after the metrics.
        let shown = rows(&all, Lang::Zh);
        assert_eq!(shown.len(), METRICS.len() + 2);
        assert_eq!(shown[METRICS.len()].label, "2027年全市货币化安置率");
        assert!(shown[METRICS.len() + 1].values[1] > shown[METRICS.len() + 1].values[0]);
        let misses = METRICS[9].value;
        assert!(misses(&all[1]) < misses(&all[0]));
        // Another plan joins as one more column.
        let mut other = demo_plan();
        other.name = "另一方案".into();
        other.projects.truncate(10);
        let all = compare(&demo_plan(), &[other], Lang::Zh);
        assert_eq!(all.len(), 3);
        assert_eq!(all[2].name, "另一方案");
        assert!(all[2].results.totals.investment < all[0].results.totals.investment);
    }
}
