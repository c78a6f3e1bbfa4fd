//! Every field set of a plan declared once: the city-wide assumption fields and the project's
//! own fields (key, label, unit, bounds, get/set); units, bounds and the mix macro are in
//! `measure`, below the model.
//!
//! Validation, edits, the CSV columns, the editors and the catalogue read these declarations;
//! nothing else spells a field set out.

use serde::{Deserialize, Serialize};

pub use crate::calc::measure::{Bounds, Problem, Unit};
use crate::calc::model::{
    Assumptions, Duty, IncomeKind, IncomeStream, LandRevenue, PppInputs, Project, ProjectType,
    Status,
};
use crate::words::i18n::Text;

/// The most households a project (and so any monthly count of it) can have.
pub const MAX_HOUSEHOLDS: f64 = 1_000_000.0;
/// Which section of 全市参数 an assumption belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Targets,
    Budget,
    Loan,
    Service,
    Ppp,
    Bond,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Targets,
        Section::Budget,
        Section::Loan,
        Section::Service,
        Section::Ppp,
        Section::Bond,
    ];
    pub fn label(self) -> Text {
        match self {
            Section::Targets => Text::SectionTargets,
            Section::Budget => Text::SectionBudget,
            Section::Loan => Text::SectionLoan,
            Section::Service => Text::SectionService,
            Section::Ppp => Text::SectionPpp,
            Section::Bond => Text::SectionBond,
        }
    }
}

/// Declares the numeric city-wide assumptions once: key (the JSON path), label, section, unit,
/// bounds and where the value lives.
macro_rules! assumption_fields {
    (|$a:ident| $( $variant:ident = $key:literal, $label:ident, $section:ident, $unit:ident,
        $bounds:expr, $path:expr; )*) => {
        /// A numeric city-wide assumption.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum AssumptionKey { $( #[serde(rename = $key)] $variant, )* }

        impl AssumptionKey {
            pub const ALL: &'static [AssumptionKey] = &[ $( AssumptionKey::$variant, )* ];
            pub fn key(self) -> &'static str {
                match self { $( AssumptionKey::$variant => $key, )* }
            }
            pub fn label(self) -> Text {
                match self { $( AssumptionKey::$variant => Text::$label, )* }
            }
            pub fn section(self) -> Section {
                match self { $( AssumptionKey::$variant => Section::$section, )* }
            }
            pub fn unit(self) -> Unit {
                match self { $( AssumptionKey::$variant => Unit::$unit, )* }
            }
            pub fn bounds(self) -> Bounds {
                match self { $( AssumptionKey::$variant => $bounds, )* }
            }
            pub fn get(self, $a: &Assumptions) -> f64 {
                match self { $( AssumptionKey::$variant => ($path) as f64, )* }
            }
            /// Sets the value; whole-number fields take the value rounded (bounds are checked
            /// before, so nothing is lost).
            pub fn set(self, $a: &mut Assumptions, v: f64) {
                match self { $( AssumptionKey::$variant => assign(&mut $path, v), )* }
            }
        }
    };
}

/// Assigns an f64 to an f64 or whole-number field.
trait Assign {
    fn assign_from(&mut self, v: f64);
}
impl Assign for f64 {
    fn assign_from(&mut self, v: f64) {
        *self = v;
    }
}
impl Assign for u32 {
    fn assign_from(&mut self, v: f64) {
        *self = v.round().clamp(0.0, f64::from(u32::MAX)) as u32;
    }
}
fn assign<T: Assign>(slot: &mut T, v: f64) {
    slot.assign_from(v);
}

assumption_fields! { |a|
    TargetCentral = "targets.central_city", TargetCentral, Targets, Percent, Bounds::SHARE, a.targets.central_city;
    TargetCounties = "targets.counties", TargetCounties, Targets, Percent, Bounds::SHARE, a.targets.counties;
    TargetOverall = "targets.overall", TargetOverall, Targets, Percent, Bounds::SHARE, a.targets.overall;
    PppCap = "ppp_cap", PppCapLabel, Targets, Percent, Bounds::SHARE, a.ppp_cap;
    PppNewThreshold = "ppp_new_project_threshold", PppNewThreshold, Targets, Percent, Bounds::SHARE, a.ppp_new_project_threshold;
    MinCapitalFund = "min_capital_fund", MinCapital, Targets, Percent, Bounds::SHARE, a.min_capital_fund;
    IncentiveResponse = "incentive_response", IncentiveResponse, Targets, Times, Bounds::new(0.0, 10.0), a.incentive_response;
    BudgetExpenditure = "budget_expenditure", BudgetFirstYear, Budget, Wan, Bounds::new(0.0, 1e9), a.budget_expenditure;
    // Some city budgets shrink: down to −20 % a year.
    BudgetGrowth = "budget_growth", BudgetGrowth, Budget, Percent, Bounds::new(-0.20, 0.30), a.budget_growth;
    OtherPppSpending = "other_ppp_spending", OtherPpp, Budget, Wan, Bounds::MONEY, a.other_ppp_spending;
    DiscountRate = "discount_rate", DiscountRate, Budget, Percent, Bounds::RATE, a.discount_rate;
    BondThreshold = "bond_balance_threshold", BondThreshold, Budget, Times, Bounds::new(0.0, 10.0), a.bond_balance_threshold;
    LoanRate = "loan.rate", Rate, Loan, Percent, Bounds::RATE, a.loan.rate;
    LoanTerm = "loan.term_years", TermYears, Loan, Years, Bounds::TERM, a.loan.term_years;
    LoanGrace = "loan.grace_years", GraceYears, Loan, Years, Bounds::whole(0.0, 49.0), a.loan.grace_years;
    ServiceRate = "service_purchase.financing_rate", Rate, Service, Percent, Bounds::RATE, a.service_purchase.financing_rate;
    ServiceYears = "service_purchase.contract_years", ContractYears, Service, Years, Bounds::TERM, a.service_purchase.contract_years;
    ServiceMargin = "service_purchase.service_margin", ServiceMargin, Service, Percent, Bounds::RATE, a.service_purchase.service_margin;
    PppProfit = "ppp.profit_rate", PppProfit, Ppp, Percent, Bounds::RATE, a.ppp.profit_rate;
    PppDiscount = "ppp.discount_rate", PppDiscount, Ppp, Percent, Bounds::RATE, a.ppp.discount_rate;
    PppYears = "ppp.subsidy_years", PppYears, Ppp, Years, Bounds::TERM, a.ppp.subsidy_years;
    PppOperating = "ppp.operating_cost_rate", PppOpRate, Ppp, Percent, Bounds::RATE, a.ppp.operating_cost_rate;
    PppUserPayments = "ppp.user_payment_rate", PppUserRate, Ppp, Percent, Bounds::SHARE, a.ppp.user_payment_rate;
    PppCapitalRatio = "ppp.capital_ratio", PppCapitalRatio, Ppp, Percent, Bounds::SHARE, a.ppp.capital_ratio;
    PppEquityShare = "ppp.equity_share", PppEquityShare, Ppp, Percent, Bounds::SHARE, a.ppp.equity_share;
    PppRiskConstruction = "ppp.risk_construction_rate", PppRiskConstruction, Ppp, Percent, Bounds::SHARE, a.ppp.risk_construction_rate;
    PppRiskOperating = "ppp.risk_operating_rate", PppRiskOperating, Ppp, Percent, Bounds::SHARE, a.ppp.risk_operating_rate;
    BondRate = "bond.rate", Rate, Bond, Percent, Bounds::RATE, a.bond.rate;
    BondTerm = "bond.term_years", TermYears, Bond, Years, Bounds::TERM, a.bond.term_years;
}

/// A value of a project field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Bool(bool),
    Number(f64),
    Text(String),
}

impl Value {
    pub fn as_number(&self) -> Option<f64> {
        match self {
            Value::Number(v) => Some(*v),
            _ => None,
        }
    }
}

/// Land revenue's default timing when the planner first enters an amount.
pub const LAND_DEFAULT: LandRevenue = LandRevenue {
    amount: 0.0,
    start_offset: 2,
    years: 3,
};

/// The project's own fields (the mixes and cost drivers have declarations of their own).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectField {
    Name,
    District,
    CentralCity,
    Kind,
    Year,
    Status,
    Households,
    Area,
    Infrastructure,
    CentralSubsidy,
    LandAmount,
    LandStart,
    LandYears,
    Lead,
    /// The 包抓领导's post.
    Post,
    /// 责任单位.
    Unit,
    DutyProgress,
    DutyCoordination,
    DutyExpropriation,
    DutyResettlement,
    DutyConstruction,
    DutyInvestment,
    DutyStability,
    Comment,
}

/// The most characters a project's name may have.
pub const PROJECT_NAME_MAX: usize = 100;

/// How a project field is entered.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FieldKind {
    Text {
        required: bool,
        /// The most characters it may hold (a name fits a table cell and a paper's line).
        max_chars: usize,
    },
    Flag,
    /// One of the project types, by its zh-CN label.
    Kind,
    Status,
    /// A year inside the plan window.
    Year,
    Number {
        unit: Unit,
        bounds: Bounds,
    },
}

impl ProjectField {
    pub const ALL: &'static [ProjectField] = &[
        ProjectField::Name,
        ProjectField::District,
        ProjectField::CentralCity,
        ProjectField::Kind,
        ProjectField::Year,
        ProjectField::Status,
        ProjectField::Households,
        ProjectField::Area,
        ProjectField::Infrastructure,
        ProjectField::CentralSubsidy,
        ProjectField::LandAmount,
        ProjectField::LandStart,
        ProjectField::LandYears,
        ProjectField::Lead,
        ProjectField::Post,
        ProjectField::Unit,
        ProjectField::DutyProgress,
        ProjectField::DutyCoordination,
        ProjectField::DutyExpropriation,
        ProjectField::DutyResettlement,
        ProjectField::DutyConstruction,
        ProjectField::DutyInvestment,
        ProjectField::DutyStability,
        ProjectField::Comment,
    ];

    /// The duty a field holds, for the seven 包 duties.
    pub fn duty(self) -> Option<Duty> {
        match self {
            ProjectField::DutyProgress => Some(Duty::Progress),
            ProjectField::DutyCoordination => Some(Duty::Coordination),
            ProjectField::DutyExpropriation => Some(Duty::Expropriation),
            ProjectField::DutyResettlement => Some(Duty::Resettlement),
            ProjectField::DutyConstruction => Some(Duty::Construction),
            ProjectField::DutyInvestment => Some(Duty::Investment),
            ProjectField::DutyStability => Some(Duty::Stability),
            _ => None,
        }
    }

    /// The fields of who answers for a project: the 包抓领导, the post, the unit and the seven
    /// duties.
    pub fn responsibility() -> impl Iterator<Item = ProjectField> {
        Self::ALL.iter().copied().filter(|f| {
            matches!(
                f,
                ProjectField::Lead | ProjectField::Post | ProjectField::Unit
            ) || f.duty().is_some()
        })
    }

    pub fn key(self) -> &'static str {
        match self {
            ProjectField::Name => "name",
            ProjectField::District => "district",
            ProjectField::CentralCity => "central_city",
            ProjectField::Kind => "kind",
            ProjectField::Year => "year",
            ProjectField::Status => "status",
            ProjectField::Households => "households",
            ProjectField::Area => "area_m2",
            ProjectField::Infrastructure => "infrastructure_cost",
            ProjectField::CentralSubsidy => "central_subsidy",
            ProjectField::LandAmount => "land_revenue.amount",
            ProjectField::LandStart => "land_revenue.start_offset",
            ProjectField::LandYears => "land_revenue.years",
            ProjectField::Lead => "lead",
            ProjectField::Post => "responsibility.post",
            ProjectField::Unit => "responsibility.unit",
            ProjectField::DutyProgress => "responsibility.duties.progress",
            ProjectField::DutyCoordination => "responsibility.duties.coordination",
            ProjectField::DutyExpropriation => "responsibility.duties.expropriation",
            ProjectField::DutyResettlement => "responsibility.duties.resettlement",
            ProjectField::DutyConstruction => "responsibility.duties.construction",
            ProjectField::DutyInvestment => "responsibility.duties.investment",
            ProjectField::DutyStability => "responsibility.duties.stability",
            ProjectField::Comment => "comment",
        }
    }

    pub fn label(self) -> Text {
        match self {
            ProjectField::Name => Text::FieldName,
            ProjectField::District => Text::FieldDistrict,
            ProjectField::CentralCity => Text::CentralCity,
            ProjectField::Kind => Text::ColType,
            ProjectField::Year => Text::FieldYear,
            ProjectField::Status => Text::ColStatus,
            ProjectField::Households => Text::FieldHouseholds,
            ProjectField::Area => Text::FieldArea,
            ProjectField::Infrastructure => Text::FieldInfrastructure,
            ProjectField::CentralSubsidy => Text::FieldCentralSubsidy,
            ProjectField::LandAmount => Text::LandAmount,
            ProjectField::LandStart => Text::LandStart,
            ProjectField::LandYears => Text::LandYears,
            ProjectField::Lead => Text::FieldLead,
            ProjectField::Post => Text::FieldPost,
            ProjectField::Unit => Text::FieldUnit,
            ProjectField::Comment => Text::FieldComment,
            f => f.duty().map_or(Text::FieldLead, Duty::label),
        }
    }

    pub fn kind(self) -> FieldKind {
        use FieldKind::Number;
        match self {
            ProjectField::Name => FieldKind::Text {
                required: true,
                max_chars: PROJECT_NAME_MAX,
            },
            ProjectField::District => FieldKind::Text {
                required: true,
                max_chars: 40,
            },
            ProjectField::Lead => FieldKind::Text {
                required: false,
                max_chars: 100,
            },
            // A post, a unit or a duty's holder: a line of a table.
            ProjectField::Post
            | ProjectField::Unit
            | ProjectField::DutyProgress
            | ProjectField::DutyCoordination
            | ProjectField::DutyExpropriation
            | ProjectField::DutyResettlement
            | ProjectField::DutyConstruction
            | ProjectField::DutyInvestment
            | ProjectField::DutyStability => FieldKind::Text {
                required: false,
                max_chars: 100,
            },
            // A colleague's or county's remarks: a paragraph or two.
            ProjectField::Comment => FieldKind::Text {
                required: false,
                max_chars: 2000,
            },
            ProjectField::CentralCity => FieldKind::Flag,
            ProjectField::Kind => FieldKind::Kind,
            ProjectField::Status => FieldKind::Status,
            ProjectField::Year => FieldKind::Year,
            ProjectField::Households => Number {
                unit: Unit::Households,
                bounds: Bounds::whole(0.0, MAX_HOUSEHOLDS),
            },
            ProjectField::Area => Number {
                unit: Unit::M2,
                bounds: Bounds::new(0.0, 1e9),
            },
            ProjectField::Infrastructure
            | ProjectField::CentralSubsidy
            | ProjectField::LandAmount => Number {
                unit: Unit::Wan,
                bounds: Bounds::MONEY,
            },
            // Land sales start within 20 years and last at most 30: a run stays under a century.
            ProjectField::LandStart => Number {
                unit: Unit::Years,
                bounds: Bounds::whole(0.0, 20.0),
            },
            ProjectField::LandYears => Number {
                unit: Unit::Years,
                bounds: Bounds::whole(0.0, 30.0),
            },
        }
    }

    pub fn get(self, p: &Project) -> Value {
        let land = p.land_revenue.unwrap_or(LAND_DEFAULT);
        match self {
            ProjectField::Name => Value::Text(p.name.clone()),
            ProjectField::District => Value::Text(p.district.clone()),
            ProjectField::Lead => Value::Text(p.lead.clone()),
            ProjectField::Post => Value::Text(p.responsibility.post.clone()),
            ProjectField::Unit => Value::Text(p.responsibility.unit.clone()),
            ProjectField::Comment => Value::Text(p.comment.clone()),
            ProjectField::CentralCity => Value::Bool(p.central_city),
            ProjectField::Kind => Value::Text(type_key(p.kind).into()),
            ProjectField::Status => Value::Text(status_key(p.status).into()),
            ProjectField::Year => Value::Number(f64::from(p.year)),
            ProjectField::Households => Value::Number(f64::from(p.households)),
            ProjectField::Area => Value::Number(p.area_m2),
            ProjectField::Infrastructure => Value::Number(p.infrastructure_cost),
            ProjectField::CentralSubsidy => Value::Number(p.central_subsidy),
            ProjectField::LandAmount => Value::Number(land.amount),
            ProjectField::LandStart => Value::Number(f64::from(land.start_offset)),
            ProjectField::LandYears => Value::Number(f64::from(land.years)),
            // The seven duties.
            duty => Value::Text(
                duty.duty()
                    .map_or("", |d| p.responsibility.duty(d))
                    .to_string(),
            ),
        }
    }

    /// Checks `v` against the field's declaration (the year against `window`).
    pub fn check(self, v: &Value, window: (i32, i32)) -> Option<Problem> {
        match (self.kind(), v) {
            (
                FieldKind::Text {
                    required,
                    max_chars,
                },
                Value::Text(s),
            ) => {
                let length = s.chars().count();
                if required && s.trim().is_empty() {
                    Some(Problem::Empty)
                } else {
                    (length > max_chars).then_some(Problem::TooLong {
                        length,
                        max: max_chars,
                    })
                }
            }
            (FieldKind::Flag, Value::Bool(_)) => None,
            (FieldKind::Kind, Value::Text(s)) => {
                type_from_key(s).is_none().then_some(Problem::Empty)
            }
            (FieldKind::Status, Value::Text(s)) => {
                status_from_key(s).is_none().then_some(Problem::Empty)
            }
            (FieldKind::Year, Value::Number(y)) => {
                if y.fract() != 0.0 || *y < f64::from(window.0) || *y > f64::from(window.1) {
                    Some(Problem::YearOutside {
                        year: y.clamp(f64::from(i32::MIN), f64::from(i32::MAX)) as i32,
                        first: window.0,
                        last: window.1,
                    })
                } else {
                    None
                }
            }
            (FieldKind::Number { bounds, .. }, Value::Number(x)) => bounds.check(*x),
            _ => Some(Problem::NotFinite),
        }
    }

    /// Sets the field; the value must have passed `check` (else the field keeps its value).
    pub fn set(self, p: &mut Project, v: Value) {
        let text = |v: &Value| match v {
            Value::Text(s) => Some(s.clone()),
            _ => None,
        };
        let num = v.as_number().unwrap_or(0.0);
        let whole = num.round().clamp(0.0, f64::from(u32::MAX)) as u32;
        let land = |p: &mut Project, f: &dyn Fn(&mut LandRevenue)| {
            let mut l = p.land_revenue.unwrap_or(LAND_DEFAULT);
            f(&mut l);
            // A project without land revenue stays without it until something is entered.
            if p.land_revenue.is_some() || l != LAND_DEFAULT {
                p.land_revenue = Some(l);
            }
        };
        match self {
            ProjectField::Name => p.name = text(&v).unwrap_or_default(),
            ProjectField::District => p.district = text(&v).unwrap_or_default(),
            ProjectField::Lead => p.lead = text(&v).unwrap_or_default(),
            ProjectField::Post => p.responsibility.post = text(&v).unwrap_or_default(),
            ProjectField::Unit => p.responsibility.unit = text(&v).unwrap_or_default(),
            ProjectField::Comment => p.comment = text(&v).unwrap_or_default(),
            ProjectField::CentralCity => p.central_city = matches!(v, Value::Bool(true)),
            ProjectField::Kind => {
                if let Some(k) = text(&v).as_deref().and_then(type_from_key) {
                    p.kind = k;
                }
            }
            ProjectField::Status => {
                if let Some(s) = text(&v).as_deref().and_then(status_from_key) {
                    p.status = s;
                }
            }
            ProjectField::Year => p.year = num as i32,
            ProjectField::Households => p.households = whole,
            ProjectField::Area => p.area_m2 = num,
            ProjectField::Infrastructure => p.infrastructure_cost = num,
            ProjectField::CentralSubsidy => p.central_subsidy = num,
            ProjectField::LandAmount => land(p, &|l| l.amount = num),
            ProjectField::LandStart => land(p, &|l| l.start_offset = whole),
            ProjectField::LandYears => land(p, &|l| l.years = whole),
            // The seven duties.
            duty => {
                if let Some(d) = duty.duty() {
                    p.responsibility.set_duty(d, text(&v).unwrap_or_default());
                }
            }
        }
    }
}

/// A PPP project's own inputs to its fiscal spending (财金〔2015〕21号), declared once: the
/// editor, validation and merge read these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PppInput {
    EquityShare,
    RiskConstruction,
    RiskOperating,
    RiskBase,
    RiskAdverse,
    RiskWorst,
    RiskPBase,
    RiskPAdverse,
    RiskPWorst,
    Supporting,
    PartnerPays,
}

impl PppInput {
    pub const ALL: &'static [PppInput] = &[
        PppInput::EquityShare,
        PppInput::RiskConstruction,
        PppInput::RiskOperating,
        PppInput::RiskBase,
        PppInput::RiskAdverse,
        PppInput::RiskWorst,
        PppInput::RiskPBase,
        PppInput::RiskPAdverse,
        PppInput::RiskPWorst,
        PppInput::Supporting,
        PppInput::PartnerPays,
    ];
    /// The inputs a lever sets across projects: shares, not one project's own amounts.
    pub const LEVERS: [PppInput; 3] = [
        PppInput::EquityShare,
        PppInput::RiskConstruction,
        PppInput::RiskOperating,
    ];
    /// The scenario method's probabilities, which sum to 100 %.
    pub const PROBABILITIES: [PppInput; 3] = [
        PppInput::RiskPBase,
        PppInput::RiskPAdverse,
        PppInput::RiskPWorst,
    ];

    pub fn key(self) -> &'static str {
        match self {
            PppInput::EquityShare => "ppp.equity_share",
            PppInput::RiskConstruction => "ppp.risk.construction",
            PppInput::RiskOperating => "ppp.risk.operating",
            PppInput::RiskBase => "ppp.risk.base",
            PppInput::RiskAdverse => "ppp.risk.adverse",
            PppInput::RiskWorst => "ppp.risk.worst",
            PppInput::RiskPBase => "ppp.risk.p_base",
            PppInput::RiskPAdverse => "ppp.risk.p_adverse",
            PppInput::RiskPWorst => "ppp.risk.p_worst",
            PppInput::Supporting => "ppp.supporting",
            PppInput::PartnerPays => "ppp.partner_pays",
        }
    }

    pub fn label(self) -> Text {
        match self {
            PppInput::EquityShare => Text::PppEquityShare,
            PppInput::RiskConstruction => Text::PppRiskConstruction,
            PppInput::RiskOperating => Text::PppRiskOperating,
            PppInput::RiskBase => Text::PppRiskBase,
            PppInput::RiskAdverse => Text::PppRiskAdverse,
            PppInput::RiskWorst => Text::PppRiskWorst,
            PppInput::RiskPBase => Text::PppRiskPBase,
            PppInput::RiskPAdverse => Text::PppRiskPAdverse,
            PppInput::RiskPWorst => Text::PppRiskPWorst,
            PppInput::Supporting => Text::PppSupporting,
            PppInput::PartnerPays => Text::PppPartnerPays,
        }
    }

    pub fn unit(self) -> Unit {
        match self {
            PppInput::RiskBase
            | PppInput::RiskAdverse
            | PppInput::RiskWorst
            | PppInput::Supporting
            | PppInput::PartnerPays => Unit::Wan,
            _ => Unit::Percent,
        }
    }

    pub fn bounds(self) -> Bounds {
        match self.unit() {
            Unit::Wan => Bounds::MONEY,
            _ => Bounds::SHARE,
        }
    }

    /// The value the project holds (`None`: the city-wide one, or a figure of the risk method
    /// the project does not use).
    pub fn get(self, i: &PppInputs) -> Option<f64> {
        use crate::calc::finance::ppp::RiskCost::{Ratio, Scenarios};
        match (self, i.risk) {
            (PppInput::EquityShare, _) => i.equity_share,
            (PppInput::Supporting, _) => Some(i.supporting),
            (PppInput::PartnerPays, _) => Some(i.partner_pays),
            (PppInput::RiskConstruction, Some(Ratio { construction, .. })) => Some(construction),
            (PppInput::RiskOperating, Some(Ratio { operating, .. })) => Some(operating),
            (PppInput::RiskBase, Some(Scenarios { base, .. })) => Some(base),
            (PppInput::RiskAdverse, Some(Scenarios { adverse, .. })) => Some(adverse),
            (PppInput::RiskWorst, Some(Scenarios { worst, .. })) => Some(worst),
            (PppInput::RiskPBase, Some(Scenarios { p_base, .. })) => Some(p_base),
            (PppInput::RiskPAdverse, Some(Scenarios { p_adverse, .. })) => Some(p_adverse),
            (PppInput::RiskPWorst, Some(Scenarios { p_worst, .. })) => Some(p_worst),
            _ => None,
        }
    }

    /// `inputs` with this input at `v`; a project on the city-wide risk ratios gets them
    /// written out first, so setting one ratio keeps the other. `None` where the input does not
    /// apply (a 比例法 ratio of a project using 情景分析法, or the reverse).
    pub fn with(
        self,
        inputs: &PppInputs,
        v: f64,
        a: &crate::calc::model::PppAssumptions,
    ) -> Option<PppInputs> {
        let mut out = *inputs;
        if matches!(self, PppInput::RiskConstruction | PppInput::RiskOperating)
            && out.risk.is_none()
        {
            out.risk = Some(crate::calc::finance::ppp::RiskCost::Ratio {
                construction: a.risk_construction_rate,
                operating: a.risk_operating_rate,
            });
        }
        // The equity share is always the project's to set (`None` there is the city-wide one).
        if self != PppInput::EquityShare {
            self.get(&out)?;
        }
        self.set(&mut out, v);
        Some(out)
    }

    /// Sets the value; a figure of a risk method the project does not use changes nothing.
    pub fn set(self, i: &mut PppInputs, v: f64) {
        use crate::calc::finance::ppp::RiskCost::{Ratio, Scenarios};
        match (self, i.risk.as_mut()) {
            (PppInput::EquityShare, _) => i.equity_share = Some(v),
            (PppInput::Supporting, _) => i.supporting = v,
            (PppInput::PartnerPays, _) => i.partner_pays = v,
            (PppInput::RiskConstruction, Some(Ratio { construction, .. })) => *construction = v,
            (PppInput::RiskOperating, Some(Ratio { operating, .. })) => *operating = v,
            (PppInput::RiskBase, Some(Scenarios { base, .. })) => *base = v,
            (PppInput::RiskAdverse, Some(Scenarios { adverse, .. })) => *adverse = v,
            (PppInput::RiskWorst, Some(Scenarios { worst, .. })) => *worst = v,
            (PppInput::RiskPBase, Some(Scenarios { p_base, .. })) => *p_base = v,
            (PppInput::RiskPAdverse, Some(Scenarios { p_adverse, .. })) => *p_adverse = v,
            (PppInput::RiskPWorst, Some(Scenarios { p_worst, .. })) => *p_worst = v,
            _ => {}
        }
    }
}

/// A part of a project's income stream, declared once: the editor, validation and the project
/// list's columns (one set per kind of income) read these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IncomePart {
    Amount,
    Start,
    Years,
}

impl IncomePart {
    pub const ALL: [IncomePart; 3] = [IncomePart::Amount, IncomePart::Start, IncomePart::Years];

    /// "{kind}（合计）", "{kind}起始…", "{kind}年限".
    pub fn label(self) -> Text {
        match self {
            IncomePart::Amount => Text::IncomeAmount,
            IncomePart::Start => Text::IncomeStart,
            IncomePart::Years => Text::IncomeYears,
        }
    }

    pub fn unit(self) -> Unit {
        match self {
            IncomePart::Amount => Unit::Wan,
            _ => Unit::Years,
        }
    }

    /// Like land sales: within 20 years of the planned year, over 1 to 30 years.
    pub fn bounds(self) -> Bounds {
        match self {
            IncomePart::Amount => Bounds::MONEY,
            IncomePart::Start => Bounds::whole(0.0, 20.0),
            IncomePart::Years => Bounds::whole(1.0, 30.0),
        }
    }

    pub fn get(self, s: &IncomeStream) -> f64 {
        match self {
            IncomePart::Amount => s.amount,
            IncomePart::Start => f64::from(s.start_offset),
            IncomePart::Years => f64::from(s.years),
        }
    }

    /// Sets the part (a whole number for the years, as checked before).
    pub fn set(self, s: &mut IncomeStream, v: f64) {
        let whole = v.round().clamp(0.0, f64::from(u32::MAX)) as u32;
        match self {
            IncomePart::Amount => s.amount = v,
            IncomePart::Start => s.start_offset = whole,
            IncomePart::Years => s.years = whole,
        }
    }
}

/// A new stream's timing before the planner gives one: as land sales' default.
pub fn new_income(kind: IncomeKind) -> IncomeStream {
    IncomeStream {
        kind,
        amount: 0.0,
        start_offset: LAND_DEFAULT.start_offset,
        years: LAND_DEFAULT.years,
    }
}

/// The project's stream of `kind`, if it has one.
pub fn income_of(p: &Project, kind: IncomeKind) -> Option<&IncomeStream> {
    p.income.iter().find(|s| s.kind == kind)
}

/// Sets one part of the project's stream of `kind`, adding the stream (with land sales'
/// timing) where the project has none, in the kinds' declared order as the project list
/// writes them.
pub fn set_income(p: &mut Project, kind: IncomeKind, part: IncomePart, v: f64) {
    let order = |k: IncomeKind| IncomeKind::ALL.iter().position(|x| *x == k);
    let k = match p.income.iter().position(|s| s.kind == kind) {
        Some(k) => k,
        None => {
            let at = p.income.partition_point(|s| order(s.kind) < order(kind));
            p.income.insert(at, new_income(kind));
            at
        }
    };
    part.set(&mut p.income[k], v);
}

/// How a project's retained risk is costed, as the editor offers it: the city-wide ratios, its
/// own ratios, or scenario analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RiskMethod {
    City,
    Ratio,
    Scenarios,
}

impl RiskMethod {
    pub const ALL: [RiskMethod; 3] = [RiskMethod::City, RiskMethod::Ratio, RiskMethod::Scenarios];

    pub fn of(risk: Option<crate::calc::finance::ppp::RiskCost>) -> Self {
        use crate::calc::finance::ppp::RiskCost;
        match risk {
            None => RiskMethod::City,
            Some(RiskCost::Ratio { .. }) => RiskMethod::Ratio,
            Some(RiskCost::Scenarios { .. }) => RiskMethod::Scenarios,
        }
    }

    pub fn label(self) -> Text {
        match self {
            RiskMethod::City => Text::PppRiskCity,
            RiskMethod::Ratio => Text::PppRiskRatio,
            RiskMethod::Scenarios => Text::PppRiskScenarios,
        }
    }

    /// The risk a project gets when the planner picks this method: the ratios start from the
    /// city-wide ones, the scenarios from nothing at all in the base case.
    pub fn start(
        self,
        a: &crate::calc::model::PppAssumptions,
    ) -> Option<crate::calc::finance::ppp::RiskCost> {
        use crate::calc::finance::ppp::RiskCost;
        match self {
            RiskMethod::City => None,
            RiskMethod::Ratio => Some(RiskCost::Ratio {
                construction: a.risk_construction_rate,
                operating: a.risk_operating_rate,
            }),
            RiskMethod::Scenarios => Some(RiskCost::Scenarios {
                base: 0.0,
                adverse: 0.0,
                worst: 0.0,
                p_base: 1.0,
                p_adverse: 0.0,
                p_worst: 0.0,
            }),
        }
    }
}

impl PppInput {
    /// Whether the input is asked for under `method` (the equity share and supporting inputs
    /// always are).
    pub fn applies(self, method: RiskMethod) -> bool {
        match self {
            PppInput::EquityShare | PppInput::Supporting | PppInput::PartnerPays => true,
            PppInput::RiskConstruction | PppInput::RiskOperating => method == RiskMethod::Ratio,
            _ => method == RiskMethod::Scenarios,
        }
    }
}

/// The document key of a project type (as serde writes it).
pub fn type_key(k: ProjectType) -> &'static str {
    match k {
        ProjectType::UrbanVillage => "urban_village",
        ProjectType::DilapidatedHousing => "dilapidated_housing",
        ProjectType::OldResidentialCompound => "old_residential_compound",
        ProjectType::Infrastructure => "infrastructure",
    }
}

pub fn type_from_key(s: &str) -> Option<ProjectType> {
    ProjectType::ALL.into_iter().find(|k| type_key(*k) == s)
}

pub fn status_key(s: Status) -> &'static str {
    match s {
        Status::Planning => "planning",
        Status::ExpropriationStarted => "expropriation_started",
        Status::Started => "started",
        Status::UnderConstruction => "under_construction",
        Status::Completed => "completed",
    }
}

pub fn status_from_key(s: &str) -> Option<Status> {
    Status::ALL.into_iter().find(|k| status_key(*k) == s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::demo::demo_plan;

    #[test]
    fn every_assumption_reads_back_what_was_set() {
        let mut a = Assumptions::default();
        for k in AssumptionKey::ALL {
            let b = k.bounds();
            let v = if b.whole { b.max.min(7.0) } else { b.max / 2.0 };
            k.set(&mut a, v);
            assert_eq!(k.get(&a), v, "{}", k.key());
        }
    }

    #[test]
    fn keys_round_trip_through_serde() {
        for k in AssumptionKey::ALL {
            let json = serde_json::to_string(k).unwrap();
            assert_eq!(json, format!("\"{}\"", k.key()));
            assert_eq!(serde_json::from_str::<AssumptionKey>(&json).unwrap(), *k);
        }
        for k in ProjectType::ALL {
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", type_key(k))
            );
        }
        for s in Status::ALL {
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", status_key(s))
            );
        }
    }

    #[test]
    fn project_fields_read_back_what_was_set() {
        let plan = demo_plan();
        let mut p = plan.projects[0].clone();
        for f in ProjectField::ALL {
            let v = f.get(&p);
            assert_eq!(f.check(&v, (2027, 2028)), None, "{f:?}");
            let before = p.clone();
            f.set(&mut p, v);
            assert_eq!(p, before, "{f:?}");
        }
    }

    /// Streams are added in the kinds' declared order whatever order they are set in (a CSV's
    /// columns may come in any order), and setting a part of an existing one changes only it.
    #[test]
    fn income_streams_keep_the_declared_order() {
        let mut p = demo_plan().projects[0].clone();
        p.income.clear();
        set_income(&mut p, IncomeKind::Rent, IncomePart::Amount, 100.0);
        set_income(&mut p, IncomeKind::Sales, IncomePart::Years, 4.0);
        set_income(&mut p, IncomeKind::Rent, IncomePart::Start, 1.0);
        let kinds: Vec<IncomeKind> = p.income.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [IncomeKind::Sales, IncomeKind::Rent]);
        assert_eq!((p.income[1].amount, p.income[1].start_offset), (100.0, 1));
        assert_eq!((p.income[0].amount, p.income[0].years), (0.0, 4));
    }

    #[test]
    fn bounds_name_the_problem() {
        assert_eq!(
            Bounds::RATE.check(0.5),
            Some(Problem::OutOfRange {
                value: 0.5,
                min: 0.0,
                max: 0.3
            })
        );
        assert_eq!(
            Bounds::TERM.check(2.5),
            Some(Problem::NotWhole { value: 2.5 })
        );
        assert_eq!(Bounds::TERM.check(f64::NAN), Some(Problem::NotFinite));
        assert_eq!(Bounds::SHARE.check(0.4), None);
    }
}
