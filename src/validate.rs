//! Validation of a plan: every problem at once, as structured values with a message in the catalogue.

use serde::Serialize;

use crate::i18n::{fmt_pct, Lang, Text};
use crate::model::{Assumptions, CostDriver, Plan, Project, ProjectId};

/// Which field a problem is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Name,
    District,
    Year,
    Households,
    Area,
    Infrastructure,
    CentralSubsidy,
    LandRevenue,
    Resettlement,
    Financing,
    CapitalFund,
    LoanTerm,
    /// A cost driver, by key (see `CostDriver::key`).
    Cost(&'static str),
    /// A city-wide assumption, by key.
    Assumption(&'static str),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Problem {
    Negative {
        value: f64,
    },
    NotFinite,
    Empty,
    /// Shares must sum to 1.
    SharesSum {
        sum: f64,
    },
    /// A share below 0 or above 1.
    ShareRange {
        value: f64,
    },
    GraceNotShorter {
        grace: u32,
        term: u32,
    },
    CapitalFundBelow {
        share: f64,
        min: f64,
    },
    YearOutside {
        year: i32,
        first: i32,
        last: i32,
    },
    TooLarge {
        value: f64,
        max: f64,
    },
    DuplicateId,
}

/// One problem: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Issue {
    /// `None` for city-wide assumptions.
    pub project: Option<ProjectId>,
    pub project_name: Option<String>,
    pub field: Field,
    pub problem: Problem,
}

impl Issue {
    /// "黄沙桥片区：安置方式比例合计 95.0 %，合计应为 100 %"
    pub fn message(&self, lang: Lang) -> String {
        let field = match self.field {
            Field::Name => Text::FieldName.tr(lang).to_string(),
            Field::District => Text::FieldDistrict.tr(lang).to_string(),
            Field::Year => Text::FieldYear.tr(lang).to_string(),
            Field::Households => Text::FieldHouseholds.tr(lang).to_string(),
            Field::Area => Text::FieldArea.tr(lang).to_string(),
            Field::Infrastructure => Text::FieldInfrastructure.tr(lang).to_string(),
            Field::CentralSubsidy => Text::FieldCentralSubsidy.tr(lang).to_string(),
            Field::LandRevenue => Text::FieldLandRevenue.tr(lang).to_string(),
            Field::Resettlement => Text::FieldResettlement.tr(lang).to_string(),
            Field::Financing => Text::FieldFinancing.tr(lang).to_string(),
            Field::CapitalFund => Text::FieldCapitalFund.tr(lang).to_string(),
            Field::LoanTerm => Text::FieldLoanTerm.tr(lang).to_string(),
            Field::Cost(k) => format!("{}「{k}」", Text::FieldCost.tr(lang)),
            Field::Assumption(k) => format!("{}「{k}」", Text::FieldAssumption.tr(lang)),
        };
        let what = match &self.problem {
            Problem::Negative { value } => format!("{value}，{}", Text::ErrNegative.tr(lang)),
            Problem::NotFinite => Text::ErrNotFinite.tr(lang).to_string(),
            Problem::Empty => Text::ErrEmpty.tr(lang).to_string(),
            Problem::SharesSum { sum } => format!("{}，{}", fmt_pct(*sum), Text::ErrSum.tr(lang)),
            Problem::ShareRange { value } => {
                format!("{}，{}", fmt_pct(*value), Text::ErrShareRange.tr(lang))
            }
            Problem::GraceNotShorter { grace, term } => {
                format!("{grace} / {term}，{}", Text::ErrGrace.tr(lang))
            }
            Problem::CapitalFundBelow { share, min } => format!(
                "{}，{} {}（国发〔2015〕51号）",
                fmt_pct(*share),
                Text::ErrCapitalMin.tr(lang),
                fmt_pct(*min)
            ),
            Problem::YearOutside { year, first, last } => {
                format!(
                    "{year}，{}（{first}–{last}）",
                    Text::ErrYearOutside.tr(lang)
                )
            }
            Problem::TooLarge { value, max } => {
                format!("{value}，{}（≤ {max}）", Text::ErrTooLarge.tr(lang))
            }
            Problem::DuplicateId => Text::ErrDuplicateId.tr(lang).to_string(),
        };
        let msg = match &self.project_name {
            Some(n) => format!("{n}：{field} {what}"),
            None => format!("{field} {what}"),
        };
        match lang {
            Lang::Zh => msg,
            Lang::En => msg.replace('：', ": ").replace('，', ", "),
        }
    }
}

/// Largest amount accepted anywhere (万元, m², households): far above any city, far below overflow.
pub const MAX_AMOUNT: f64 = 1e12;
const SHARE_TOLERANCE: f64 = 1e-6;

struct Checker {
    project: Option<(ProjectId, String)>,
    out: Vec<Issue>,
}

impl Checker {
    fn push(&mut self, field: Field, problem: Problem) {
        self.out.push(Issue {
            project: self.project.as_ref().map(|p| p.0.clone()),
            project_name: self.project.as_ref().map(|p| p.1.clone()),
            field,
            problem,
        });
    }

    /// A non-negative finite amount within range.
    fn amount(&mut self, field: Field, v: f64) -> bool {
        let problem = if !v.is_finite() {
            Problem::NotFinite
        } else if v < 0.0 {
            Problem::Negative { value: v }
        } else if v > MAX_AMOUNT {
            Problem::TooLarge {
                value: v,
                max: MAX_AMOUNT,
            }
        } else {
            return true;
        };
        self.push(field, problem);
        false
    }

    /// Shares each within [0, 1] and summing to 1.
    fn shares(&mut self, field: Field, shares: &[f64]) {
        for &s in shares {
            if !s.is_finite() {
                return self.push(field, Problem::NotFinite);
            }
            if !(0.0..=1.0 + SHARE_TOLERANCE).contains(&s) {
                return self.push(field, Problem::ShareRange { value: s });
            }
        }
        let sum: f64 = shares.iter().sum();
        if (sum - 1.0).abs() > SHARE_TOLERANCE {
            self.push(field, Problem::SharesSum { sum });
        }
    }
}

pub fn validate_assumptions(a: &Assumptions) -> Vec<Issue> {
    let mut c = Checker {
        project: None,
        out: Vec::new(),
    };
    let fractions = [
        ("targets.central_city", a.targets.central_city),
        ("targets.counties", a.targets.counties),
        ("targets.overall", a.targets.overall),
        ("ppp_cap", a.ppp_cap),
        ("ppp_new_project_threshold", a.ppp_new_project_threshold),
        ("min_capital_fund", a.min_capital_fund),
    ];
    for (k, v) in fractions {
        if c.amount(Field::Assumption(k), v) && v > 1.0 {
            c.push(
                Field::Assumption(k),
                Problem::TooLarge { value: v, max: 1.0 },
            );
        }
    }
    let rates = [
        ("budget_expenditure", a.budget_expenditure),
        ("budget_growth", a.budget_growth),
        ("other_ppp_spending", a.other_ppp_spending),
        ("discount_rate", a.discount_rate),
        ("bond_balance_threshold", a.bond_balance_threshold),
        ("loan.rate", a.loan.rate),
        (
            "service_purchase.financing_rate",
            a.service_purchase.financing_rate,
        ),
        (
            "service_purchase.service_margin",
            a.service_purchase.service_margin,
        ),
        ("ppp.profit_rate", a.ppp.profit_rate),
        ("ppp.discount_rate", a.ppp.discount_rate),
        ("ppp.operating_cost_rate", a.ppp.operating_cost_rate),
        ("ppp.user_payment_rate", a.ppp.user_payment_rate),
        ("bond.rate", a.bond.rate),
    ];
    for (k, v) in rates {
        c.amount(Field::Assumption(k), v);
    }
    for (k, v) in [
        ("loan.term_years", a.loan.term_years),
        (
            "service_purchase.contract_years",
            a.service_purchase.contract_years,
        ),
        ("ppp.subsidy_years", a.ppp.subsidy_years),
        ("bond.term_years", a.bond.term_years),
    ] {
        if v == 0 || v > 50 {
            c.push(
                Field::Assumption(k),
                Problem::TooLarge {
                    value: f64::from(v),
                    max: 50.0,
                },
            );
        }
    }
    if a.loan.grace_years >= a.loan.term_years {
        c.push(
            Field::LoanTerm,
            Problem::GraceNotShorter {
                grace: a.loan.grace_years,
                term: a.loan.term_years,
            },
        );
    }
    for d in CostDriver::ALL {
        c.amount(Field::Cost(d.key()), d.get(&a.costs));
    }
    c.out
}

pub fn validate_project(p: &Project, a: &Assumptions, window: (i32, i32)) -> Vec<Issue> {
    let mut c = Checker {
        project: Some((p.id.clone(), p.name.clone())),
        out: Vec::new(),
    };
    if p.name.trim().is_empty() {
        c.push(Field::Name, Problem::Empty);
    }
    if p.district.trim().is_empty() {
        c.push(Field::District, Problem::Empty);
    }
    if p.year < window.0 || p.year > window.1 {
        c.push(
            Field::Year,
            Problem::YearOutside {
                year: p.year,
                first: window.0,
                last: window.1,
            },
        );
    }
    c.amount(Field::Households, f64::from(p.households));
    c.amount(Field::Area, p.area_m2);
    c.amount(Field::Infrastructure, p.infrastructure_cost);
    c.amount(Field::CentralSubsidy, p.central_subsidy);
    if let Some(l) = &p.land_revenue {
        c.amount(Field::LandRevenue, l.amount);
        if l.start_offset > 50 || l.years > 50 {
            c.push(
                Field::LandRevenue,
                Problem::TooLarge {
                    value: 50.0,
                    max: 50.0,
                },
            );
        }
    }
    let r = &p.resettlement;
    c.shares(
        Field::Resettlement,
        &[r.cash, r.self_purchase, r.government_purchase, r.new_build],
    );
    let f = &p.financing;
    c.shares(
        Field::Financing,
        &[
            f.capital_fund,
            f.policy_loan,
            f.service_purchase,
            f.ppp,
            f.special_bond,
        ],
    );
    if f.capital_fund.is_finite() && f.capital_fund + SHARE_TOLERANCE < a.min_capital_fund {
        c.push(
            Field::CapitalFund,
            Problem::CapitalFundBelow {
                share: f.capital_fund,
                min: a.min_capital_fund,
            },
        );
    }
    for d in CostDriver::ALL {
        if let Some(v) = d.get_override(&p.costs) {
            c.amount(Field::Cost(d.key()), v);
        }
    }
    c.out
}

/// Every problem in the plan (assumptions, each project, each scenario's overrides).
pub fn validate(plan: &Plan) -> Vec<Issue> {
    let window = (plan.first_year, plan.first_year + 1);
    let mut out = validate_assumptions(&plan.assumptions);
    let mut seen = std::collections::HashSet::new();
    for p in &plan.projects {
        if !seen.insert(p.id.as_str()) {
            out.push(Issue {
                project: Some(p.id.clone()),
                project_name: Some(p.name.clone()),
                field: Field::Name,
                problem: Problem::DuplicateId,
            });
        }
        out.extend(validate_project(p, &plan.assumptions, window));
    }
    // A scenario adds only its own changes: other assumptions, other mixes.
    for s in &plan.scenarios {
        let (a, projects) = plan.resolve(Some(s));
        if s.assumptions.is_some() {
            out.extend(validate_assumptions(&a));
        }
        for p in &projects {
            let Some(o) = s.overrides.iter().find(|o| o.project == p.id) else {
                continue;
            };
            out.extend(
                validate_project(p, &a, window)
                    .into_iter()
                    .filter(|i| match i.field {
                        Field::Resettlement => o.resettlement.is_some(),
                        Field::Financing | Field::CapitalFund => o.financing.is_some(),
                        _ => false,
                    }),
            );
        }
    }
    out
}
