//! The plan's headline: the few figures every page shows (the KPI strip), each against its target
//! or cap, with where on 测算结果 it is explained.

use crate::calc::model::Assumptions;
use crate::calc::rules::{Finding, RuleId, Severity};
use crate::calc::simulate::{Group, Results};
use crate::words::i18n::{fmt_limit, fmt_pct, fmt_year, fmt_yi, Lang, Text};

/// Whether a figure meets its target or cap; `Neutral` where it has none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    Miss,
    Neutral,
}

/// One figure of the strip.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// `kpi-strip-…` in the page: stable for tests and planners' bookmarks.
    pub id: &'static str,
    pub label: Text,
    pub value: String,
    /// The target, cap or year it is read against.
    pub detail: String,
    pub verdict: Verdict,
    /// The `data-testid` on 测算结果 that explains it: its finding group when it misses, else
    /// its chart.
    pub explained_at: &'static str,
    /// Said on hover when the figure stands for a list (every district that misses).
    pub tip: Option<String>,
}

/// Where the findings are on 测算结果.
pub const FINDINGS: &str = "findings";

/// The three monetized rates against their targets, the highest PPP share against the cap, the
/// peak fiscal burden and its year, and how many binding targets or caps the plan misses.
pub fn headline(a: &Assumptions, r: &Results, findings: &[Finding], lang: Lang) -> Vec<Figure> {
    vec![
        monetized(
            "overall",
            r,
            Group::Overall,
            Text::StripMonetizedOverall,
            lang,
        ),
        monetized(
            "central",
            r,
            Group::CentralCity,
            Text::StripMonetizedCentral,
            lang,
        ),
        monetized(
            "counties",
            r,
            Group::Counties,
            Text::StripMonetizedCounties,
            lang,
        ),
        districts(r, lang),
        ppp(a, r, findings, lang),
        peak(r, lang),
        missed(findings, lang),
    ]
}

/// A district below its target over the window: by how many points, and how many more of its
/// households would have to take money for it to meet it.
#[derive(Debug, Clone, PartialEq)]
pub struct DistrictGap {
    pub district: String,
    pub points: f64,
    pub households: u64,
}

/// The districts below their targets over the window, the largest gap first.
pub fn district_gaps(r: &Results) -> Vec<DistrictGap> {
    let mut gaps: Vec<DistrictGap> = r
        .monetized
        .iter()
        .filter(|m| !m.meets_target())
        .filter_map(|m| match &m.group {
            Group::District(d) => Some(DistrictGap {
                district: d.clone(),
                points: (m.target - m.rate) * 100.0,
                // The fewest households whose taking money lifts the rate to the target.
                households: ((m.target * m.households as f64 - 1e-9).ceil() as u64)
                    .saturating_sub(m.monetized),
            }),
            _ => None,
        })
        .collect();
    crate::words::order::sort_by(&mut gaps, |a, b| b.points.total_cmp(&a.points));
    gaps
}

/// How many districts miss their targets, the worst named with its gap (all on hover): the
/// question a newcomer asks first, answered on every page.
fn districts(r: &Results, lang: Lang) -> Figure {
    let gaps = district_gaps(r);
    let said = |g: &DistrictGap| {
        Text::StripDistrictGap.fill(
            lang,
            &[
                &g.district,
                &crate::words::display::fixed(g.points, 1),
                &g.households,
            ],
        )
    };
    let detail = match gaps.as_slice() {
        [] => Text::StripAllMet.tr(lang).to_string(),
        [only] => said(only),
        [worst, ..] => format!("{}{}", said(worst), Text::StripMore.tr(lang)),
    };
    let all: Vec<String> = gaps.iter().map(said).collect();
    Figure {
        id: "districts",
        label: Text::StripDistricts,
        value: gaps.len().to_string(),
        detail,
        verdict: if gaps.is_empty() {
            Verdict::Pass
        } else {
            Verdict::Miss
        },
        explained_at: if gaps.is_empty() {
            "chart-monetized"
        } else {
            FINDINGS
        },
        tip: (!gaps.is_empty()).then(|| {
            Text::StripDistrictsTip.fill(lang, &[&all.join(Text::ListSeparator.tr(lang))])
        }),
    }
}

fn monetized(id: &'static str, r: &Results, group: Group, label: Text, lang: Lang) -> Figure {
    // A group without households has no rate to assess.
    let rate = r.rate(&group).filter(|m| m.households > 0);
    // The province assesses each planned year's list: the year that misses by most, if any.
    let worst_year = r
        .monetized_by_year
        .iter()
        .filter_map(|y| {
            y.zones()
                .find(|m| m.group == group && m.households > 0 && !m.meets_target())
                .map(|m| (y.year, m))
        })
        .min_by(|a, b| (a.1.rate - a.1.target).total_cmp(&(b.1.rate - b.1.target)));
    let verdict = match rate {
        Some(m) if !m.meets_target() || worst_year.is_some() => Verdict::Miss,
        Some(_) => Verdict::Pass,
        None => Verdict::Neutral,
    };
    let mut detail = rate
        .map(|m| format!("{} {}", Text::Target.tr(lang), fmt_limit(m.target)))
        .unwrap_or_default();
    if let Some((year, m)) = worst_year {
        detail.push_str(&format!(" · {} {}", fmt_year(year, lang), fmt_pct(m.rate)));
    }
    Figure {
        id,
        label,
        value: rate.map_or_else(|| "—".into(), |m| fmt_pct(m.rate)),
        detail,
        verdict,
        explained_at: if verdict == Verdict::Miss {
            FINDINGS
        } else {
            "chart-monetized"
        },
        tip: None,
    }
}

fn ppp(a: &Assumptions, r: &Results, findings: &[Finding], lang: Lang) -> Figure {
    let over = r.totals.max_ppp_share > a.ppp_cap;
    let tier_missed = findings
        .iter()
        .any(|f| f.rule == RuleId::PppNewGovPay && f.severity == Severity::Miss);
    Figure {
        id: "ppp",
        label: Text::KpiPppShare,
        value: if r.years.is_empty() {
            "—".into()
        } else {
            Text::Parenthesized.fill(
                lang,
                &[
                    &fmt_pct(r.totals.max_ppp_share),
                    &fmt_year(r.totals.max_ppp_share_year, lang),
                ],
            )
        },
        detail: format!("{} {}", Text::Cap.tr(lang), fmt_limit(a.ppp_cap)),
        verdict: if over { Verdict::Miss } else { Verdict::Pass },
        explained_at: if over || tier_missed {
            FINDINGS
        } else {
            "chart-ppp"
        },
        tip: None,
    }
}

fn peak(r: &Results, lang: Lang) -> Figure {
    Figure {
        id: "peak",
        label: Text::KpiPeakFiscal,
        value: format!(
            "{} {}",
            fmt_yi(r.totals.peak_fiscal_burden),
            Text::UnitYi.tr(lang)
        ),
        detail: if r.years.is_empty() {
            String::new()
        } else {
            fmt_year(r.totals.peak_year, lang)
        },
        // No target: a ceiling, when the planner sets one, is the risk page's.
        verdict: Verdict::Neutral,
        explained_at: "chart-fiscal",
        tip: None,
    }
}

fn missed(findings: &[Finding], lang: Lang) -> Figure {
    let n = findings
        .iter()
        .filter(|f| f.severity == Severity::Miss)
        .count();
    let (detail, verdict) = if n == 0 {
        (Text::StripAllMet, Verdict::Pass)
    } else {
        (Text::StripSeeFindings, Verdict::Miss)
    };
    Figure {
        id: "missed",
        label: Text::MissCount,
        value: n.to_string(),
        detail: detail.tr(lang).to_string(),
        verdict,
        explained_at: FINDINGS,
        tip: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::rules::findings;
    use crate::document::demo::demo_plan;
    use crate::document::plan::simulate_plan;

    fn demo_headline() -> (Results, Vec<Finding>, Vec<Figure>) {
        let plan = demo_plan();
        let r = simulate_plan(&plan, None);
        let f = findings(&plan.assumptions, &r);
        let h = headline(&plan.assumptions, &r, &f, Lang::Zh);
        (r, f, h)
    }

    fn figure<'a>(h: &'a [Figure], id: &str) -> &'a Figure {
        h.iter().find(|f| f.id == id).unwrap()
    }

    #[test]
    fn the_demo_headline_reads_the_results_and_their_targets() {
        let (r, f, h) = demo_headline();
        assert_eq!(h.len(), 7);
        // Every district of the demo misses its target; the worst first, by hand: X县 554 of
        // 1,496 households take money, 37.0 % against 50 %: 13.0 points, 748 − 554 = 194.
        let districts = figure(&h, "districts");
        assert_eq!(districts.value, "8");
        assert_eq!(districts.detail, "X县 差13.0个百分点（194户）等");
        assert_eq!(districts.verdict, Verdict::Miss);
        // 城关区: 60 % of 3,160 is 1,896, less the 1,763 that take money: 133.
        assert!(districts
            .tip
            .as_deref()
            .unwrap()
            .ends_with("城关区 差4.2个百分点（133户）"));
        // The speech's rates: 53.8 % in the central city against 60 %, a miss.
        let central = figure(&h, "central");
        assert_eq!(central.value, "53.8 %");
        // The worst planned year of the central city's list is named beside its target.
        assert_eq!(central.detail, "目标 60 % · 2028年 51.6 %");
        assert_eq!(central.verdict, Verdict::Miss);
        assert_eq!(central.explained_at, FINDINGS);
        let overall = figure(&h, "overall");
        assert_eq!(
            overall.value,
            fmt_pct(r.rate(&Group::Overall).unwrap().rate)
        );
        let peak = figure(&h, "peak");
        assert_eq!(
            peak.value,
            format!("{} 亿元", fmt_yi(r.totals.peak_fiscal_burden))
        );
        assert_eq!(peak.detail, format!("{}年", r.totals.peak_year));
        assert_eq!(peak.verdict, Verdict::Neutral);
        let ppp = figure(&h, "ppp");
        assert!(ppp.value.starts_with(&fmt_pct(r.totals.max_ppp_share)));
        assert_eq!(ppp.detail, "上限 10 %");
        let missed = f.iter().filter(|x| x.severity == Severity::Miss).count();
        assert!(missed > 0);
        assert_eq!(figure(&h, "missed").value, missed.to_string());
        assert_eq!(figure(&h, "missed").verdict, Verdict::Miss);
    }

    #[test]
    fn a_plan_meeting_every_target_reads_all_met() {
        let mut plan = demo_plan();
        for p in &mut plan.projects {
            p.resettlement = crate::calc::model::ResettlementMix {
                cash: 0.7,
                self_purchase: 0.0,
                government_purchase: 0.0,
                new_build: 0.3,
                voucher: 0.0,
            };
        }
        let r = simulate_plan(&plan, None);
        let h = headline(&plan.assumptions, &r, &[], Lang::Zh);
        for id in ["overall", "central", "counties"] {
            assert_eq!(figure(&h, id).verdict, Verdict::Pass, "{id}");
            assert_eq!(figure(&h, id).explained_at, "chart-monetized");
        }
        assert_eq!(figure(&h, "missed").value, "0");
        assert_eq!(figure(&h, "missed").detail, "全部达标");
        assert_eq!(figure(&h, "missed").verdict, Verdict::Pass);
    }

    #[test]
    fn a_year_that_misses_is_a_miss_even_when_the_window_passes() {
        // Every project at 70 % money but 2027's central-city projects all in kind: the window
        // may pass on 2028's households, 2027's list does not.
        let mut plan = demo_plan();
        let first = plan.first_year;
        for p in &mut plan.projects {
            let money = if p.central_city && p.year == first {
                0.0
            } else {
                0.7
            };
            p.resettlement = crate::calc::model::ResettlementMix {
                cash: money,
                self_purchase: 0.0,
                government_purchase: 0.0,
                new_build: 1.0 - money,
                voucher: 0.0,
            };
        }
        let r = simulate_plan(&plan, None);
        let f = findings(&plan.assumptions, &r);
        let h = headline(&plan.assumptions, &r, &f, Lang::Zh);
        let central = figure(&h, "central");
        assert_eq!(central.verdict, Verdict::Miss);
        assert!(
            central.detail.ends_with(&format!("{first}年 0.0 %")),
            "{}",
            central.detail
        );
        let year_misses = f
            .iter()
            .filter(|x| x.severity == Severity::Miss && x.years == Some((first, first)))
            .count();
        assert!(year_misses > 0);
        let misses = f.iter().filter(|x| x.severity == Severity::Miss).count();
        assert_eq!(figure(&h, "missed").value, misses.to_string());
    }

    #[test]
    fn an_empty_plan_has_no_figure_to_show_but_does_not_fail() {
        let mut plan = demo_plan();
        plan.projects.clear();
        let r = simulate_plan(&plan, None);
        let h = headline(&plan.assumptions, &r, &[], Lang::En);
        assert_eq!(figure(&h, "overall").value, "—");
        assert_eq!(figure(&h, "overall").verdict, Verdict::Neutral);
    }
}
