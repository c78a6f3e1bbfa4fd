//! The policy rules a plan is checked against, each with its source document and years in force,
//! and the findings (which target or cap is missed, where, by how much) they produce.

use serde::{Deserialize, Serialize};

use crate::calc::model::{Assumptions, ProjectId};
use crate::calc::simulate::{Group, Results};
use crate::words::i18n::{fmt_pct, Lang, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleId {
    /// Monetized rate of a group against its target.
    MonetizedTarget,
    /// PPP fiscal spending ≤ 10 % of general public budget expenditure.
    PppCap,
    /// No new government-pay PPP above 5 %.
    PppNewGovPay,
    /// New PPP projects are user-pays concessions; payments may not cover construction.
    PppNewMechanism,
    /// Works and financing may not be bought as government services: a new project financed by
    /// 政府购买服务.
    ServicePurchaseNewProject,
    /// Special bonds: PV(income) ≥ PV(debt service).
    BondSelfBalance,
    /// Special bonds: the common appraisal threshold (1.2).
    BondAppraisal,
    /// Special bonds: term ≤ 15 years.
    BondTerm,
    /// Land revenue covers loan and bond debt service.
    LandCover,
}

/// A rule with the document it comes from and the years it applies to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub id: RuleId,
    /// The document, as cited in the page's language.
    pub source: Text,
    pub from: i32,
    pub until: Option<i32>,
}

impl Rule {
    pub fn applies(&self, year: i32) -> bool {
        year >= self.from && self.until.is_none_or(|u| year <= u)
    }
}

pub const RULES: &[Rule] = &[
    // Province-wide ≥ 50 % "from next year", 60 % central city, 50 % counties (on-site meeting).
    Rule {
        id: RuleId::MonetizedTarget,
        source: Text::RuleMonetizedSource,
        from: 2027,
        until: None,
    },
    Rule {
        id: RuleId::PppCap,
        source: Text::CiteMof2015No21,
        from: 2015,
        until: None,
    },
    Rule {
        id: RuleId::PppNewGovPay,
        source: Text::CiteMof2022No119,
        from: 2022,
        until: None,
    },
    // Issued November 2023: projects planned from 2024 on are new projects under it.
    Rule {
        id: RuleId::PppNewMechanism,
        source: Text::CiteGov2023No115,
        from: 2024,
        until: None,
    },
    // 《政府购买服务管理办法》 in force 1 March 2020, article 10: no works (工程), no works
    // bundled with services, no financing; the 棚改 exemption of 财预〔2017〕87号 went with the
    // old programme.
    Rule {
        id: RuleId::ServicePurchaseNewProject,
        source: Text::CiteMofOrder102,
        from: 2020,
        until: None,
    },
    Rule {
        id: RuleId::BondSelfBalance,
        source: Text::CiteMofBudget2018No28,
        from: 2018,
        until: None,
    },
    Rule {
        id: RuleId::BondAppraisal,
        source: Text::CiteBondAppraisal,
        from: 2018,
        until: None,
    },
    Rule {
        id: RuleId::BondTerm,
        source: Text::CiteMofBudget2018No28,
        from: 2018,
        until: None,
    },
    Rule {
        id: RuleId::LandCover,
        source: Text::LandBalance,
        from: 2014,
        until: None,
    },
];

impl RuleId {
    pub fn rule(self) -> &'static Rule {
        RULES
            .iter()
            .find(|r| r.id == self)
            .expect("every RuleId is in RULES")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// A binding target or cap is missed.
    Miss,
    /// A softer threshold is crossed.
    Warning,
}

/// What a finding is about, so the UI can link to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    Group(Group),
    Project { id: ProjectId, name: String },
    Year(i32),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub rule: RuleId,
    pub severity: Severity,
    pub subject: Subject,
    pub actual: f64,
    pub limit: f64,
    /// For yearly checks: the first and last year over the limit (`actual` is the peak,
    /// in the year the subject names).
    #[serde(default)]
    pub years: Option<(i32, i32)>,
}

/// How a finding words its comparison: the measure, its actual value, the operator, the limit,
/// and a note after them.
struct Comparison {
    what: Text,
    actual: String,
    op: &'static str,
    limit: String,
    note: Option<Text>,
}

impl Finding {
    /// "2029年 PPP支出占比 11.2 % > 10 %（财金〔2015〕21号）"
    pub fn message(&self, lang: Lang) -> String {
        if matches!(
            self.rule,
            RuleId::PppNewMechanism | RuleId::ServicePurchaseNewProject
        ) {
            return self.new_project_message(lang);
        }
        let c = self.comparison(lang);
        let note = c
            .note
            .map(|t| Text::FindingExtra.fill(lang, &[&t.tr(lang)]))
            .unwrap_or_default();
        Text::FindingLine.fill(
            lang,
            &[
                &self.subject_name(lang),
                &c.what.tr(lang),
                &c.actual,
                &c.op,
                &c.limit,
                &note,
                &self.source_name(lang),
            ],
        )
    }

    /// A new project financed in a way its rule closes to new projects compares no measure with
    /// a limit: it names the project and the investment so financed.
    fn new_project_message(&self, lang: Lang) -> String {
        let who = match &self.subject {
            Subject::Project { name, .. } => name.clone(),
            _ => String::new(),
        };
        let text = if self.rule == RuleId::PppNewMechanism {
            Text::FindingPppNewMechanism
        } else {
            Text::FindingServicePurchaseNew
        };
        text.fill(
            lang,
            &[
                &who,
                &crate::words::i18n::fmt_wan(self.actual),
                &self.rule.rule().source.tr(lang),
            ],
        )
    }

    /// The group, the project, or the year (a span of years with its peak).
    fn subject_name(&self, lang: Lang) -> String {
        match &self.subject {
            // One planned year's list, or the window's.
            Subject::Group(g) => year_group_name(self.years.map(|(y, _)| y), g, lang),
            Subject::Project { name, .. } => name.clone(),
            Subject::Year(y) => match self.years {
                Some((a, b)) if a != b => match lang {
                    Lang::Zh => format!("{a}—{b}年（最高 {y}年）"),
                    Lang::En => format!("{a}–{b} (peak {y})"),
                },
                _ => crate::words::i18n::fmt_year(*y, lang),
            },
        }
    }

    /// Shares as percentages (a whole limit without ".0"), ratios with two decimals, terms in
    /// years.
    fn comparison(&self, lang: Lang) -> Comparison {
        let pct = crate::words::i18n::fmt_limit;
        let ratio = |v: f64| crate::words::display::fixed(v, 2);
        let share = |what, op, note| Comparison {
            what,
            actual: fmt_pct(self.actual),
            op,
            limit: pct(self.limit),
            note,
        };
        let ratio_below = |what| Comparison {
            what,
            actual: ratio(self.actual),
            op: "<",
            limit: ratio(self.limit),
            note: None,
        };
        match self.rule {
            RuleId::MonetizedTarget => share(Text::MonetizedRate, "<", None),
            RuleId::PppCap => share(Text::PppShare, ">", None),
            RuleId::PppNewGovPay => share(Text::PppShare, ">", Some(Text::NoNewGovPayPpp)),
            RuleId::BondSelfBalance | RuleId::BondAppraisal => ratio_below(Text::BondBalance),
            RuleId::LandCover => ratio_below(Text::LandCover),
            RuleId::BondTerm => {
                let y = Text::YearsUnit.tr(lang);
                Comparison {
                    what: Text::BondTerm,
                    actual: format!("{}{y}", self.actual),
                    op: ">",
                    limit: format!("{}{y}", self.limit),
                    note: None,
                }
            }
            RuleId::PppNewMechanism | RuleId::ServicePurchaseNewProject => {
                unreachable!("worded by new_project_message")
            }
        }
    }

    /// The rule's document, or for rules without one what the limit is.
    fn source_name(&self, lang: Lang) -> &'static str {
        match self.rule {
            RuleId::BondAppraisal => Text::AppraisalThreshold.tr(lang),
            _ => self.rule.rule().source.tr(lang),
        }
    }
}

pub fn group_name(g: &Group, lang: Lang) -> String {
    match g {
        Group::District(d) => d.clone(),
        Group::CentralCity => Text::CentralCity.tr(lang).to_string(),
        Group::Counties => Text::Counties.tr(lang).to_string(),
        Group::Overall => Text::Overall.tr(lang).to_string(),
    }
}

/// A group's name, with its planned year when it is one year's list ("2027年中心城市").
pub fn year_group_name(year: Option<i32>, g: &Group, lang: Lang) -> String {
    match (year, lang) {
        (Some(y), Lang::Zh) => format!(
            "{}{}",
            crate::words::i18n::fmt_year(y, lang),
            group_name(g, lang)
        ),
        (Some(y), Lang::En) => format!(
            "{} {}",
            crate::words::i18n::fmt_year(y, lang),
            group_name(g, lang)
        ),
        (None, _) => group_name(g, lang),
    }
}

/// Maximum special-bond term in principle (财预〔2018〕28号).
pub const MAX_BOND_TERM: u32 = 15;

/// Checks the simulated results against every rule in force in the plan's years.
pub fn findings(a: &Assumptions, r: &Results) -> Vec<Finding> {
    let mut out = monetized_findings(r);
    out.extend(ppp_findings(a, r));
    out.extend(project_findings(a, r));
    // Binding misses first; within a severity, the order of the checks above.
    crate::words::order::sort_by_key(&mut out, |f| f.severity == Severity::Warning);
    out
}

pub(crate) fn in_force(id: RuleId, year: i32) -> bool {
    id.rule().applies(year)
}

/// Monetized rates against their targets, per group.
fn monetized_findings(r: &Results) -> Vec<Finding> {
    let mut out = Vec::new();
    let first = r.first_year;
    if in_force(RuleId::MonetizedTarget, first) {
        for m in r.monetized.iter().filter(|m| !m.meets_target()) {
            // A single district missing is a warning; the assessed totals are misses.
            let severity = match m.group {
                Group::District(_) => Severity::Warning,
                _ => Severity::Miss,
            };
            out.push(Finding {
                rule: RuleId::MonetizedTarget,
                severity,
                subject: Subject::Group(m.group.clone()),
                actual: m.rate,
                limit: m.target,
                years: None,
            });
        }
    }
    // Each planned year's list against the targets: the province assesses year by year, so a
    // zone's year that misses is a miss of its own, even when the window's rate passes; a
    // district's year is a warning, as the district's window rate is.
    for y in r
        .monetized_by_year
        .iter()
        .filter(|y| in_force(RuleId::MonetizedTarget, y.year))
    {
        for m in y
            .rates
            .iter()
            .filter(|m| m.households > 0 && !m.meets_target())
        {
            out.push(Finding {
                rule: RuleId::MonetizedTarget,
                severity: match m.group {
                    Group::District(_) => Severity::Warning,
                    _ => Severity::Miss,
                },
                subject: Subject::Group(m.group.clone()),
                actual: m.rate,
                limit: m.target,
                years: Some((y.year, y.year)),
            });
        }
    }

    out
}

/// The PPP caps, one finding per rule with its span of years and peak.
fn ppp_findings(a: &Assumptions, r: &Results) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::new();
    // One finding per PPP rule: the years over the limit and the peak, not one line per year.
    for (rule, limit, severity) in [
        (RuleId::PppCap, a.ppp_cap, Severity::Miss),
        (
            RuleId::PppNewGovPay,
            a.ppp_new_project_threshold,
            Severity::Warning,
        ),
    ] {
        let over: Vec<_> = r
            .years
            .iter()
            .filter(|y| in_force(rule, y.year) && y.ppp_share > limit)
            .collect();
        // Above the cap, the 5 % warning says nothing more.
        let capped = rule == RuleId::PppNewGovPay && out.iter().any(|f| f.rule == RuleId::PppCap);
        if let (Some(first), Some(last), false) = (over.first(), over.last(), capped) {
            let peak = over
                .iter()
                .max_by(|x, y| x.ppp_share.total_cmp(&y.ppp_share))
                .unwrap();
            out.push(Finding {
                rule,
                severity,
                subject: Subject::Year(peak.year),
                actual: peak.ppp_share,
                limit,
                years: Some((first.year, last.year)),
            });
        }
    }

    out
}

/// Financing a rule in force closes to a new contract: availability payments that cover
/// construction (a project planned now would sign under the new PPP mechanism), and government
/// purchase of services for a project not yet started (财政部令第102号).
fn closed_financing(a: &Assumptions, p: &crate::calc::simulate::ProjectResult) -> Vec<Finding> {
    let closed = [
        (
            RuleId::PppNewMechanism,
            p.ppp_investment,
            a.ppp.form.pays_construction(),
        ),
        (
            RuleId::ServicePurchaseNewProject,
            p.service_purchase_investment,
            p.status.is_new(),
        ),
    ];
    closed
        .into_iter()
        .filter(|&(rule, financed, applies)| financed > 0.0 && applies && in_force(rule, p.year))
        .map(|(rule, financed, _)| Finding {
            rule,
            severity: Severity::Miss,
            subject: Subject::Project {
                id: p.id.clone(),
                name: p.name.clone(),
            },
            actual: financed,
            limit: 0.0,
            years: None,
        })
        .collect()
}

/// Per-project checks: financing closed to new projects, special-bond balance and term, land
/// cover where land revenue repays the debt.
fn project_findings(a: &Assumptions, r: &Results) -> Vec<Finding> {
    let mut out = Vec::new();
    let first = r.first_year;
    for p in &r.projects {
        let subject = || Subject::Project {
            id: p.id.clone(),
            name: p.name.clone(),
        };
        out.extend(closed_financing(a, p));
        if let Some(b) = p.bond_balance {
            if in_force(RuleId::BondSelfBalance, first) && b < 1.0 {
                out.push(Finding {
                    rule: RuleId::BondSelfBalance,
                    severity: Severity::Miss,
                    subject: subject(),
                    actual: b,
                    limit: 1.0,
                    years: None,
                });
            } else if in_force(RuleId::BondAppraisal, first) && b < a.bond_balance_threshold {
                out.push(Finding {
                    rule: RuleId::BondAppraisal,
                    severity: Severity::Warning,
                    subject: subject(),
                    actual: b,
                    limit: a.bond_balance_threshold,
                    years: None,
                });
            }
            if in_force(RuleId::BondTerm, first) && p.bond_term > MAX_BOND_TERM {
                out.push(Finding {
                    rule: RuleId::BondTerm,
                    severity: Severity::Miss,
                    subject: subject(),
                    actual: f64::from(p.bond_term),
                    limit: f64::from(MAX_BOND_TERM),
                    years: None,
                });
            }
        }
        // Only where the plan relies on land revenue: a budget-repaid project's cover is no
        // shortfall but its design.
        if let crate::calc::simulate::Repayment::Land { cover: c } = p.repayment() {
            if in_force(RuleId::LandCover, first) && c < 1.0 {
                out.push(Finding {
                    rule: RuleId::LandCover,
                    severity: Severity::Warning,
                    subject: subject(),
                    actual: c,
                    limit: 1.0,
                    years: None,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// docs/model.md lists every rule with its source and the year it is in force from, as
    /// `RULES` holds them: the table cannot fall behind the code.
    #[test]
    fn the_model_document_lists_every_rule_with_its_source_and_years() {
        let doc = include_str!("../../docs/model.md");
        for r in RULES {
            let years = match r.until {
                Some(u) => format!("{}–{u}", r.from),
                None => format!("{}–", r.from),
            };
            let cell = format!("| {} | {years} |", r.source.tr(Lang::Zh));
            assert!(
                doc.contains(&cell),
                "{:?}: docs/model.md lacks {cell}",
                r.id
            );
        }
    }

    /// A ratio of nothing over a debt is -0.0 when the nothing is an empty sum: the finding
    /// shows it as 0.00.
    #[test]
    fn a_negative_zero_ratio_reads_as_zero() {
        let f = Finding {
            rule: RuleId::LandCover,
            severity: Severity::Warning,
            subject: Subject::Project {
                id: "p1".into(),
                name: "县医院配套".into(),
            },
            actual: -0.0,
            limit: 1.0,
            years: None,
        };
        for lang in [Lang::Zh, Lang::En] {
            let m = f.message(lang);
            assert!(m.contains(" 0.00 < 1.00") && !m.contains("-0"), "{m}");
        }
    }

    fn land_cover_findings(plan: &crate::document::plan::Plan) -> Vec<Finding> {
        let r = crate::document::plan::simulate_plan(plan, None);
        findings(&plan.assumptions, &r)
            .into_iter()
            .filter(|f| f.rule == RuleId::LandCover)
            .collect()
    }

    /// The demo's four 配套基础设施 projects have no land revenue and no special bonds: the
    /// budget repays their loans and service fees, and they get no land-cover warning. The
    /// demo's 28 resettlement projects all have land revenue; 17 of them cover less than their
    /// debt service (the 21 projects under 1 less those four).
    #[test]
    fn land_cover_is_checked_only_where_land_revenue_repays_the_debt() {
        use crate::calc::simulate::Repayment;
        let plan = crate::document::demo::demo_plan();
        let r = crate::document::plan::simulate_plan(&plan, None);
        let infrastructure: Vec<&str> = plan
            .projects
            .iter()
            .filter(|p| p.kind == crate::calc::model::ProjectType::Infrastructure)
            .map(|p| p.id.as_str())
            .collect();
        assert_eq!(infrastructure.len(), 4);
        for p in &r.projects {
            let budget = infrastructure.contains(&p.id.as_str());
            assert_eq!(p.repayment() == Repayment::Budget, budget, "{}", p.name);
        }
        let under_one = r
            .projects
            .iter()
            .filter(|p| p.land_cover.is_some_and(|c| c < 1.0))
            .count();
        assert_eq!(under_one, 21);
        let land = land_cover_findings(&plan);
        assert_eq!(land.len(), 17);
        assert!(land.iter().all(|f| match &f.subject {
            Subject::Project { id, .. } => !infrastructure.contains(&id.as_str()),
            _ => false,
        }));

        // Land revenue applied to the hospital's loans: the plan now relies on it, and too
        // little of it is warned about.
        let mut plan = plan;
        let hospital = plan
            .projects
            .iter_mut()
            .find(|p| p.name == "东岭县县医院配套")
            .unwrap();
        hospital.land_revenue = Some(crate::calc::model::LandRevenue {
            amount: 500.0,
            start_offset: 0,
            years: 1,
        });
        let land = land_cover_findings(&plan);
        assert_eq!(land.len(), 18);
        assert!(land.iter().any(|f| matches!(&f.subject,
            Subject::Project { name, .. } if name == "东岭县县医院配套")
            && f.actual > 0.0
            && f.actual < 1.0));
    }
}
