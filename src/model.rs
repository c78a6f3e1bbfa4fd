//! The plan's data: projects, their resettlement and financing mixes, city-wide assumptions and scenarios.
//!
//! Units, everywhere in the document: money in 万元, unit prices in 元 (per m², per person-month,
//! per household), areas in m², shares and rates as fractions (0.6 = 60 %), years as calendar years.

use serde::{Deserialize, Serialize};

use crate::fields::Bounds;
use crate::finance::bond::{BondRepayment, BondTerms};
use crate::finance::loan::{LoanTerms, Repayment};
use crate::finance::ppp::PppPaymentForm;
use crate::finance::service_purchase::ServicePurchaseTerms;
use crate::i18n::Text;

pub type ProjectId = String;

/// A planning document: the two-year project list with everything needed to simulate it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub id: String,
    pub name: String,
    pub city: String,
    /// First year of the two-year window (next year); the window is `first_year..=first_year + 1`.
    pub first_year: i32,
    pub assumptions: Assumptions,
    pub projects: Vec<Project>,
    #[serde(default)]
    pub scenarios: Vec<Scenario>,
}

impl Plan {
    /// Years a project may be planned in.
    pub fn window(&self) -> std::ops::RangeInclusive<i32> {
        self.first_year..=self.first_year + 1
    }

    /// The plan as a scenario sees it: its assumptions and its project list with overrides applied.
    /// `None` is the baseline (the plan itself).
    pub fn resolve(&self, scenario: Option<&Scenario>) -> (Assumptions, Vec<Project>) {
        let Some(s) = scenario else {
            return (self.assumptions.clone(), self.projects.clone());
        };
        let assumptions = s
            .assumptions
            .clone()
            .unwrap_or_else(|| self.assumptions.clone());
        let projects = self
            .projects
            .iter()
            .filter_map(|p| match s.overrides.iter().find(|o| o.project == p.id) {
                Some(o) if o.excluded => None,
                Some(o) => {
                    let mut p = p.clone();
                    if let Some(r) = o.resettlement {
                        p.resettlement = r;
                    }
                    if let Some(f) = o.financing {
                        p.financing = f;
                    }
                    Some(p)
                }
                None => Some(p.clone()),
            })
            .collect();
        (assumptions, projects)
    }
}

/// A named variant of the plan ("货币化60%"): other assumptions and/or other mixes for some projects.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub note: String,
    /// Replaces the plan's assumptions as a whole when present.
    #[serde(default)]
    pub assumptions: Option<Assumptions>,
    #[serde(default)]
    pub overrides: Vec<ProjectOverride>,
}

impl Scenario {
    /// A scenario in which every project with households is rehoused with money for at least
    /// `target` of its households, the extra households moving from new build to cash
    /// compensation (the usual "货币化60%" variant).
    pub fn raise_monetized(
        id: &str,
        name: &str,
        note: &str,
        projects: &[Project],
        target: f64,
    ) -> Self {
        let overrides = projects
            .iter()
            .filter(|p| {
                let h = u64::from(p.households);
                h > 0
                    && (p.resettlement.households(p.households).monetized() as f64)
                        < target * h as f64 - 1e-9
            })
            .map(|p| {
                let mut r = p.resettlement;
                // Whole households: at least ⌈target × households⌉ of them rehoused with money.
                let h = f64::from(p.households);
                let needed = (target * h - 1e-9).ceil() / h;
                let extra = (needed - r.monetized_share()).clamp(0.0, r.new_build);
                r.cash += extra;
                r.new_build = 1.0 - r.monetized_share();
                ProjectOverride {
                    project: p.id.clone(),
                    resettlement: Some(r),
                    financing: None,
                    excluded: false,
                }
            })
            .collect();
        Scenario {
            id: id.to_string(),
            name: name.to_string(),
            note: note.to_string(),
            assumptions: None,
            overrides,
        }
    }
}

/// What a scenario changes in one project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectOverride {
    pub project: ProjectId,
    #[serde(default)]
    pub resettlement: Option<ResettlementMix>,
    #[serde(default)]
    pub financing: Option<FinancingMix>,
    /// The scenario drops the project (e.g. postponed beyond the window).
    #[serde(default)]
    pub excluded: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectType {
    /// 城中村 (including 城郊村/城边村)
    UrbanVillage,
    /// 危旧房
    DilapidatedHousing,
    /// 旧住宅小区
    OldResidentialCompound,
    /// 配套基础设施
    Infrastructure,
}

impl ProjectType {
    pub const ALL: [ProjectType; 4] = [
        ProjectType::UrbanVillage,
        ProjectType::DilapidatedHousing,
        ProjectType::OldResidentialCompound,
        ProjectType::Infrastructure,
    ];
}

/// 谋划 -> 征收启动 -> 开工 -> 在建 -> 竣工
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Planning,
    ExpropriationStarted,
    Started,
    UnderConstruction,
    Completed,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Planning,
        Status::ExpropriationStarted,
        Status::Started,
        Status::UnderConstruction,
        Status::Completed,
    ];
}

/// One shantytown-renovation project (棚改项目).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Project {
    pub id: ProjectId,
    pub name: String,
    /// 区县 name; central-city projects name their district too.
    pub district: String,
    /// In the central city (中心城市) rather than a county (区县): decides which target applies.
    pub central_city: bool,
    pub kind: ProjectType,
    /// Planned year: expropriation and signing start in January of this year.
    pub year: i32,
    pub status: Status,
    /// Households whose homes are expropriated (征收户数).
    pub households: u32,
    /// Floor area expropriated, m².
    pub area_m2: f64,
    /// Water, power, gas, heating, schools… that go with the project, 万元.
    #[serde(default)]
    pub infrastructure_cost: f64,
    /// Expected central subsidy (中央补助资金), 万元; it pays part of the capital fund.
    #[serde(default)]
    pub central_subsidy: f64,
    /// Land-sale income from the cleared land, if any.
    #[serde(default)]
    pub land_revenue: Option<LandRevenue>,
    pub resettlement: ResettlementMix,
    pub financing: FinancingMix,
    /// Per-project cost drivers; `None` inherits the city-wide default.
    #[serde(default)]
    pub costs: CostOverrides,
    /// 牵头领导 or responsible unit, free text.
    #[serde(default)]
    pub lead: String,
}

impl Project {
    /// A hash of every field: equal projects have equal fingerprints (for keyed UI lists).
    pub fn fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        serde_json::to_string(self).unwrap_or_default().hash(&mut h);
        h.finish()
    }
}

/// Land-sale income (土地出让收入) that repays the project's debt.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LandRevenue {
    /// Total, 万元.
    pub amount: f64,
    /// First sale year, counted from the project's planned year (0 = same year).
    pub start_offset: u32,
    /// Sold in equal parts over this many years.
    pub years: u32,
}

crate::declare_mix! {
    /// How the expropriated households are rehoused: shares of households, summing to 1.
    mix ResettlementMix;
    /// Households by way of resettlement (whole households).
    amounts Rehousing: u64;
    /// A way of resettlement (安置方式).
    part ResettlementWay;
    /// 直接发放补偿资金
    cash => Cash, ResCash, "mix-cash";
    /// 群众自行选购商品房 (房票)
    self_purchase => SelfPurchase, ResSelfPurchase, "mix-self-purchase";
    /// 政府购买存量商品房
    government_purchase => GovernmentPurchase, ResGovPurchase, "mix-government-purchase";
    /// 新建安置房 (in kind)
    new_build => NewBuild, ResNewBuild, "mix-new-build";
}

impl ResettlementWay {
    /// The way that takes up what the others leave when one share is edited.
    pub const BALANCE: ResettlementWay = ResettlementWay::NewBuild;

    /// Rehoused with money (the three monetized ways) rather than in kind.
    pub fn monetized(self) -> bool {
        self != ResettlementWay::NewBuild
    }
}

impl ResettlementMix {
    /// Share of households rehoused with money (the three monetized ways).
    pub fn monetized_share(&self) -> f64 {
        ResettlementWay::ALL
            .iter()
            .filter(|w| w.monetized())
            .map(|w| w.get(self))
            .sum()
    }

    /// The project's `households` split by way in whole households: first the monetized count
    /// (the share rounded to the nearest household, since the rate is what is assessed), then
    /// each side split by largest remainder, so the ways always add up to `households`.
    pub fn households(&self, households: u32) -> Rehousing {
        let h = u64::from(households);
        let exact = |w: &ResettlementWay| w.get(self).max(0.0) * f64::from(households);
        let monetized =
            ((self.monetized_share().max(0.0) * f64::from(households)).round() as u64).min(h);
        let mut out = Rehousing::default();
        for (side, count) in [(true, monetized), (false, h - monetized)] {
            let ways: Vec<ResettlementWay> = ResettlementWay::ALL
                .iter()
                .copied()
                .filter(|w| w.monetized() == side)
                .collect();
            let shares: Vec<f64> = ways.iter().map(exact).collect();
            let sum: f64 = shares.iter().sum();
            // Scaled to the side's whole count (evenly when the shares are all zero).
            let scaled: Vec<f64> = shares
                .iter()
                .map(|v| {
                    if sum > 0.0 {
                        v / sum * count as f64
                    } else {
                        count as f64 / ways.len() as f64
                    }
                })
                .collect();
            for (w, n) in ways
                .iter()
                .zip(crate::display::largest_remainder(&scaled, count))
            {
                *w.amount_mut(&mut out) = n;
            }
        }
        out
    }
}

impl Rehousing {
    pub fn monetized(&self) -> u64 {
        ResettlementWay::ALL
            .iter()
            .filter(|w| w.monetized())
            .map(|w| w.amount(self))
            .sum()
    }
    pub fn in_kind(&self) -> u64 {
        self.total() - self.monetized()
    }
}

crate::declare_mix! {
    /// How the project's investment is paid for: shares of investment, summing to 1.
    mix FinancingMix;
    /// An amount per instrument, 万元: the money each raises (`YearResult::sources`), or what the
    /// budget pays for each (`FiscalBurden::by_instrument`).
    amounts Sources: f64;
    /// A financing instrument (融资方式).
    part Instrument;
    /// 项目资本金 (fiscal funds, central subsidies), at least 20 %.
    capital_fund => CapitalFund, SrcCapitalFund, "fin-capital-fund";
    /// 国开行/农发行 棚改专项贷款
    policy_loan => PolicyLoan, SrcPolicyLoan, "fin-policy-loan";
    /// 政府购买服务
    service_purchase => ServicePurchase, SrcServicePurchase, "fin-service-purchase";
    /// 政府和社会资本合作
    ppp => Ppp, SrcPpp, "fin-ppp";
    /// 棚改专项债
    special_bond => SpecialBond, SrcSpecialBond, "fin-special-bond";
}

impl Instrument {
    /// The instrument that takes up what the others leave when one share is edited.
    pub const BALANCE: Instrument = Instrument::PolicyLoan;

    /// What the budget pays for the instrument is not the money it raises (a loan is repaid with
    /// interest, PPP is paid for after completion), so the fiscal burden names it apart: its key
    /// in plan-sim's JSON and its catalogue label.
    pub fn burden(self) -> (&'static str, Text) {
        match self {
            Instrument::CapitalFund => ("capital_fund", Text::FiscCapitalFund),
            Instrument::PolicyLoan => ("loan_service", Text::FiscLoanService),
            Instrument::ServicePurchase => ("service_fees", Text::FiscServiceFees),
            Instrument::Ppp => ("ppp_payments", Text::FiscPpp),
            Instrument::SpecialBond => ("bond_service", Text::FiscBondService),
        }
    }
}

/// Declares the cost drivers once: the city-wide defaults, the per-project overrides and how they
/// resolve, so a new driver cannot be added to one and forgotten in the other.
macro_rules! cost_drivers {
    ($( $(#[$doc:meta])* $field:ident : $default:expr, $label:ident, $unit:ident, $bounds:expr ),* $(,)?) => {
        /// City-wide default cost drivers.
        #[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
        pub struct CostDefaults { $( $(#[$doc])* pub $field: f64, )* }

        impl Default for CostDefaults {
            fn default() -> Self { Self { $( $field: $default, )* } }
        }

        /// Per-project cost drivers; `None` inherits the city-wide default.
        #[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
        pub struct CostOverrides {
            $( #[serde(default, skip_serializing_if = "Option::is_none")] pub $field: Option<f64>, )*
        }

        impl CostOverrides {
            pub fn resolve(&self, defaults: &CostDefaults) -> CostDefaults {
                CostDefaults { $( $field: self.$field.unwrap_or(defaults.$field), )* }
            }
        }

        /// Every cost driver by key, for editors and validation.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[allow(non_camel_case_types)]
        pub enum CostDriver { $( $field, )* }

        impl CostDriver {
            pub const ALL: &'static [CostDriver] = &[ $( CostDriver::$field, )* ];
            pub fn key(self) -> &'static str {
                match self { $( CostDriver::$field => stringify!($field), )* }
            }
            pub fn label(self) -> crate::i18n::Text {
                match self { $( CostDriver::$field => crate::i18n::Text::$label, )* }
            }
            pub fn unit(self) -> crate::fields::Unit {
                match self { $( CostDriver::$field => crate::fields::Unit::$unit, )* }
            }
            pub fn bounds(self) -> crate::fields::Bounds {
                match self { $( CostDriver::$field => $bounds, )* }
            }
            pub fn get(self, c: &CostDefaults) -> f64 {
                match self { $( CostDriver::$field => c.$field, )* }
            }
            pub fn set(self, c: &mut CostDefaults, v: f64) {
                match self { $( CostDriver::$field => c.$field = v, )* }
            }
            pub fn get_override(self, c: &CostOverrides) -> Option<f64> {
                match self { $( CostDriver::$field => c.$field, )* }
            }
            pub fn set_override(self, c: &mut CostOverrides, v: Option<f64>) {
                match self { $( CostDriver::$field => c.$field = v, )* }
            }
        }
    };
}

cost_drivers! {
    /// Compensation price, 元/m² of expropriated area.
    compensation_price: 4_500.0, CostCompensationPrice, YuanPerM2, Bounds::new(0.0, 200_000.0),
    /// Monetization incentive (货币化安置奖励) on cash and self-purchase compensation, fraction.
    monetization_incentive: 0.10, CostIncentive, Percent, Bounds::SHARE,
    /// Price the government pays for existing commodity housing, 元/m².
    purchase_price: 4_200.0, CostPurchasePrice, YuanPerM2, Bounds::new(0.0, 200_000.0),
    /// Construction cost of resettlement housing, 元/m².
    construction_cost: 2_500.0, CostConstruction, YuanPerM2, Bounds::new(0.0, 50_000.0),
    /// Size of a resettlement (or purchased) flat, m².
    flat_area: 90.0, CostFlatArea, M2, Bounds::new(0.0, 500.0),
    /// Persons per household (transition fees are paid per person).
    persons_per_household: 3.0, CostPersons, Persons, Bounds::new(0.0, 20.0),
    /// Transition fee (过渡费), 元 per person per month.
    transition_fee: 300.0, CostTransitionFee, YuanPerPersonMonth, Bounds::new(0.0, 20_000.0),
    /// Months from signing until the new flat is handed over (at most ten years).
    construction_months: 30.0, CostConstructionMonths, Months, Bounds::new(0.0, 120.0),
    /// Transition fee months paid beyond handover (one real agreement: 4).
    transition_extra_months: 4.0, CostExtraMonths, Months, Bounds::new(0.0, 120.0),
    /// Relocation fee (搬迁费), 元 per household per move; in-kind households move twice.
    relocation_fee: 1_200.0, CostRelocation, YuanPerHousehold, Bounds::new(0.0, 1_000_000.0),
    /// Rewards to every household (early signing, vacating on time, moving allowance), 元.
    reward_per_household: 10_000.0, CostReward, YuanPerHousehold, Bounds::new(0.0, 10_000_000.0),
}

/// Monetized-resettlement targets (shares of households).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Targets {
    pub central_city: f64,
    pub counties: f64,
    /// Province-wide assessment floor, applied to the whole plan.
    pub overall: f64,
}

/// PPP terms shared by the plan's PPP projects; operating cost and user payments scale with C.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PppAssumptions {
    pub form: PppPaymentForm,
    /// r (MoF formula) or k (annuity form).
    pub profit_rate: f64,
    /// d in the MoF formula.
    pub discount_rate: f64,
    /// T (or n) years of availability payments, starting the year after construction ends.
    pub subsidy_years: u32,
    /// O as a fraction of construction cost C, per year.
    pub operating_cost_rate: f64,
    /// U (user payments / third-party income) as a fraction of C, per year.
    pub user_payment_rate: f64,
}

/// City-wide assumptions: targets, budget, rates, instrument terms and default costs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assumptions {
    pub targets: Targets,
    /// PPP fiscal spending cap, share of general public budget expenditure (财金〔2015〕21号: 0.10).
    pub ppp_cap: f64,
    /// Above this share no new government-pay PPP (财金〔2022〕119号: 0.05).
    pub ppp_new_project_threshold: f64,
    /// General public budget expenditure (一般公共预算支出) in the first plan year, 万元.
    pub budget_expenditure: f64,
    /// Its annual growth, fraction.
    pub budget_growth: f64,
    /// Yearly fiscal spending on the city's other PPP projects, 万元: the 10 % cap counts all of them.
    #[serde(default)]
    pub other_ppp_spending: f64,
    /// Discount rate for present values, fraction.
    pub discount_rate: f64,
    /// Minimum capital fund share (国发〔2015〕51号: 0.20 for affordable housing).
    pub min_capital_fund: f64,
    /// Special-bond appraisal threshold for PV(income)/PV(debt service); 1.0 is the legal floor.
    pub bond_balance_threshold: f64,
    pub loan: LoanTerms,
    pub service_purchase: ServicePurchaseTerms,
    pub ppp: PppAssumptions,
    pub bond: BondTerms,
    pub costs: CostDefaults,
}

impl Default for Assumptions {
    fn default() -> Self {
        Self {
            targets: Targets {
                central_city: 0.60,
                counties: 0.50,
                overall: 0.50,
            },
            ppp_cap: 0.10,
            ppp_new_project_threshold: 0.05,
            budget_expenditure: 2_300_000.0,
            budget_growth: 0.05,
            other_ppp_spending: 0.0,
            discount_rate: 0.049,
            min_capital_fund: 0.20,
            bond_balance_threshold: 1.2,
            // Benchmark 4.90 % with the usual 10 % discount (下浮10%).
            loan: LoanTerms {
                rate: 0.0441,
                term_years: 20,
                grace_years: 3,
                repayment: Repayment::EqualPrincipal,
            },
            service_purchase: ServicePurchaseTerms {
                financing_rate: 0.049,
                contract_years: 15,
                service_margin: 0.01,
            },
            ppp: PppAssumptions {
                form: PppPaymentForm::Mof21,
                profit_rate: 0.06,
                discount_rate: 0.049,
                subsidy_years: 10,
                operating_cost_rate: 0.005,
                user_payment_rate: 0.0,
            },
            bond: BondTerms {
                rate: 0.035,
                term_years: 10,
                repayment: BondRepayment::Bullet,
            },
            costs: CostDefaults::default(),
        }
    }
}

/// Editing operations on the plan's project list, kept here so the UI only calls them.
impl Plan {
    /// An id no project has yet ("p33" after "p32").
    pub fn next_project_id(&self) -> ProjectId {
        let max = self
            .projects
            .iter()
            .filter_map(|p| p.id.strip_prefix('p').and_then(|n| n.parse::<u64>().ok()))
            .max()
            .unwrap_or(0);
        format!("p{:02}", max + 1)
    }

    /// A new project in the first plan year, all in kind, 20 % capital fund and 80 % loan, so
    /// it is valid from the start; the planner fills in the rest.
    pub fn new_project(&self, name: &str) -> Project {
        let district = self
            .projects
            .first()
            .map(|p| p.district.clone())
            .unwrap_or_default();
        Project {
            id: self.next_project_id(),
            name: name.to_string(),
            central_city: self.projects.first().is_some_and(|p| p.central_city),
            district,
            kind: ProjectType::DilapidatedHousing,
            year: self.first_year,
            status: Status::Planning,
            households: 0,
            area_m2: 0.0,
            infrastructure_cost: 0.0,
            central_subsidy: 0.0,
            land_revenue: None,
            resettlement: ResettlementMix {
                cash: 0.0,
                self_purchase: 0.0,
                government_purchase: 0.0,
                new_build: 1.0,
            },
            financing: FinancingMix {
                capital_fund: self.assumptions.min_capital_fund.max(0.2),
                policy_loan: 1.0 - self.assumptions.min_capital_fund.max(0.2),
                service_purchase: 0.0,
                ppp: 0.0,
                special_bond: 0.0,
            },
            costs: CostOverrides::default(),
            lead: String::new(),
        }
    }

    /// A copy of a project to go right after it (where, and what), with a new id and `suffix`
    /// ("（副本）") on its name: added with `Edit::AddProject`.
    pub fn duplicate_of(&self, id: &str, suffix: &str) -> Option<(usize, Project)> {
        let i = self.projects.iter().position(|p| p.id == id)?;
        let mut copy = self.projects[i].clone();
        copy.id = self.next_project_id();
        copy.name = format!("{}{suffix}", copy.name);
        Some((i + 1, copy))
    }

    /// An id no scenario has yet.
    pub fn next_scenario_id(&self) -> String {
        (1..)
            .map(|n| format!("s{n}"))
            .find(|id| !self.scenarios.iter().any(|s| s.id == *id))
            .expect("some id is free")
    }

    /// Distinct district/county names, sorted.
    pub fn districts(&self) -> Vec<String> {
        let mut d: Vec<String> = self.projects.iter().map(|p| p.district.clone()).collect();
        d.sort();
        d.dedup();
        d
    }
}
