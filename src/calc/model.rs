//! The plan's data: projects, their resettlement and financing mixes, city-wide assumptions and scenarios.
//!
//! Units, everywhere in the document: money in 万元, unit prices in 元 (per m², per person-month,
//! per household), areas in m², shares and rates as fractions (0.6 = 60 %), years as calendar years.

use serde::{Deserialize, Serialize};

use crate::calc::finance::bond::{BondRepayment, BondTerms};
use crate::calc::finance::loan::{LoanTerms, Repayment};
use crate::calc::finance::ppp::{PppPaymentForm, PppStake, RiskCost};
use crate::calc::finance::service_purchase::ServicePurchaseTerms;
pub use crate::calc::instrument::{FinancingMix, Instrument, Sources};
use crate::calc::measure::Bounds;
use crate::words::i18n::{Lang, Text};

pub type ProjectId = String;

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
    /// Not yet started (谋划, 征收启动): a contract for it would be signed now, under the rules in
    /// force now.
    pub fn is_new(self) -> bool {
        matches!(self, Status::Planning | Status::ExpropriationStarted)
    }

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
    /// 包抓领导: the leader who answers for the project (a name, or a post where the plan keeps
    /// no names).
    #[serde(default)]
    pub lead: String,
    /// The leader's post, the 责任单位 and who holds each of the seven 包 duties (version 11).
    #[serde(default, skip_serializing_if = "Responsibility::is_empty")]
    pub responsibility: Responsibility,
    /// 备注/意见: a remark or a colleague's comment, shown in change lists and reports.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
    /// What the government puts into the project's PPP besides its payments (财承's equity,
    /// risk and supporting inputs).
    #[serde(default, skip_serializing_if = "PppInputs::is_default")]
    pub ppp: PppInputs,
    /// Project income besides land sales, at most one stream of each kind.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub income: Vec<IncomeStream>,
    /// What the project has actually done, month by month (进度).
    #[serde(default, skip_serializing_if = "ProjectProgress::is_empty")]
    pub progress: ProjectProgress,
    /// Runs on its actuals to a month and late by its delays after it (按实际进度预测, version
    /// 7): set by the forecast scenario, and in the base on a project carried into a rolled
    /// window. `None`: the plan's schedule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forecast: Option<Forecast>,
    /// Its approvals and each source of money's steps, with dates and papers (前期手续,
    /// version 8).
    #[serde(
        default,
        skip_serializing_if = "crate::calc::readiness::Readiness::is_empty"
    )]
    pub readiness: crate::calc::readiness::Readiness,
}

/// One of the seven duties (七包) a project's 包抓领导 answers for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Duty {
    /// 包进度
    Progress,
    /// 包协调
    Coordination,
    /// 包征收
    Expropriation,
    /// 包安置
    Resettlement,
    /// 包建设
    Construction,
    /// 包招商
    Investment,
    /// 包维稳
    Stability,
}

impl Duty {
    pub const ALL: [Duty; 7] = [
        Duty::Progress,
        Duty::Coordination,
        Duty::Expropriation,
        Duty::Resettlement,
        Duty::Construction,
        Duty::Investment,
        Duty::Stability,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Duty::Progress => "progress",
            Duty::Coordination => "coordination",
            Duty::Expropriation => "expropriation",
            Duty::Resettlement => "resettlement",
            Duty::Construction => "construction",
            Duty::Investment => "investment",
            Duty::Stability => "stability",
        }
    }

    pub fn label(self) -> Text {
        match self {
            Duty::Progress => Text::DutyProgress,
            Duty::Coordination => Text::DutyCoordination,
            Duty::Expropriation => Text::DutyExpropriation,
            Duty::Resettlement => Text::DutyResettlement,
            Duty::Construction => Text::DutyConstruction,
            Duty::Investment => Text::DutyInvestment,
            Duty::Stability => Text::DutyStability,
        }
    }
}

/// Who answers for a project besides its 包抓领导's name (包抓责任制): the leader's post, the
/// 责任单位, and who holds a duty the leader has handed on (a duty not listed is the leader's).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Responsibility {
    /// 职务, e.g. 市政府副市长.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub post: String,
    /// 责任单位: the unit that carries the project out.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    #[serde(default, skip_serializing_if = "Duties::is_empty")]
    pub duties: Duties,
}

/// Who holds each duty the 包抓领导 has handed on; blank: the leader's (and not written). A
/// field per duty, not a map: the document reads `{"expropriation": "…"}` either way, and the
/// page's module carries no map code for seven names.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Duties {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub progress: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub coordination: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub expropriation: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub resettlement: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub construction: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub investment: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub stability: String,
}

impl Duties {
    pub fn is_empty(&self) -> bool {
        self == &Duties::default()
    }

    pub fn get(&self, duty: Duty) -> &String {
        match duty {
            Duty::Progress => &self.progress,
            Duty::Coordination => &self.coordination,
            Duty::Expropriation => &self.expropriation,
            Duty::Resettlement => &self.resettlement,
            Duty::Construction => &self.construction,
            Duty::Investment => &self.investment,
            Duty::Stability => &self.stability,
        }
    }

    fn get_mut(&mut self, duty: Duty) -> &mut String {
        match duty {
            Duty::Progress => &mut self.progress,
            Duty::Coordination => &mut self.coordination,
            Duty::Expropriation => &mut self.expropriation,
            Duty::Resettlement => &mut self.resettlement,
            Duty::Construction => &mut self.construction,
            Duty::Investment => &mut self.investment,
            Duty::Stability => &mut self.stability,
        }
    }

    /// The holders named, in the duties' order.
    pub fn holders(&self) -> impl Iterator<Item = (Duty, &String)> {
        Duty::ALL
            .into_iter()
            .map(|d| (d, self.get(d)))
            .filter(|(_, h)| !h.is_empty())
    }
}

impl Responsibility {
    pub fn is_empty(&self) -> bool {
        self == &Responsibility::default()
    }

    /// Who holds `duty` as written: empty where it stays the 包抓领导's.
    pub fn duty(&self, duty: Duty) -> &str {
        self.duties.get(duty)
    }

    /// Hands `duty` to `holder`; blank gives it back to the 包抓领导.
    pub fn set_duty(&mut self, duty: Duty, holder: String) {
        *self.duties.get_mut(duty) = if holder.trim().is_empty() {
            String::new()
        } else {
            holder
        };
    }
}

/// Projects as answered for: by a 包抓领导, by a unit (its 责任单位 or the holder of one of its
/// duties), or both; `None` keeps every project. Every list that filters by who answers reads
/// this.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answering {
    pub lead: Option<String>,
    pub unit: Option<String>,
}

impl Answering {
    pub fn keeps(&self, p: &Project) -> bool {
        self.lead.as_ref().is_none_or(|l| &p.lead == l)
            && self.unit.as_ref().is_none_or(|u| p.answers_as_unit(u))
    }
}

impl Project {
    /// Whether `unit` answers for the project: its 责任单位, or the holder of one of its duties.
    pub fn answers_as_unit(&self, unit: &str) -> bool {
        self.responsibility.unit == unit
            || self.responsibility.duties.holders().any(|(_, h)| h == unit)
    }
}

/// A project's schedule as it actually runs (docs/model.md, 预测与滚动): its figures to the end
/// of `as_of` are its actuals (`progress`), the rest of its plan follows, its signing and its
/// building each started `…_delay` months after January of its planned year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Forecast {
    /// The last month of actuals: investment and funds in place to its end are the records'.
    pub as_of: Month,
    /// Months signing (expropriation: compensation, purchase, rewards, the move out) starts late.
    #[serde(default)]
    pub signing_delay: u32,
    /// Months construction (and infrastructure, the transition fees, the handover) starts late.
    #[serde(default)]
    pub construction_delay: u32,
}

impl Project {
    /// Carried into a window that starts in `first_year`: its year is before the window, and
    /// its forecast (set by the roll) holds its actuals to then. Its months before the window
    /// are history; it counts from the window's first year.
    pub fn is_carried(&self, first_year: i32) -> bool {
        self.forecast.is_some() && self.year < first_year
    }
}

/// A kind of project income besides land sales (资金平衡方案's 收益 by stream).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IncomeKind {
    /// 安置房/商业配套出售: surplus resettlement flats and commercial space sold.
    Sales,
    /// 车位: parking spaces sold or let.
    Parking,
    /// 租金: rents.
    Rent,
    /// 经营收入: operating income.
    Operation,
}

impl IncomeKind {
    pub const ALL: [IncomeKind; 4] = [
        IncomeKind::Sales,
        IncomeKind::Parking,
        IncomeKind::Rent,
        IncomeKind::Operation,
    ];

    pub fn key(self) -> &'static str {
        match self {
            IncomeKind::Sales => "sales",
            IncomeKind::Parking => "parking",
            IncomeKind::Rent => "rent",
            IncomeKind::Operation => "operation",
        }
    }

    pub fn label(self) -> Text {
        match self {
            IncomeKind::Sales => Text::IncomeSales,
            IncomeKind::Parking => Text::IncomeParking,
            IncomeKind::Rent => Text::IncomeRent,
            IncomeKind::Operation => Text::IncomeOperation,
        }
    }
}

/// Project income of one kind besides land sales: `amount` in equal parts over `years` years
/// from `start_offset` years after the planned year, like land revenue.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct IncomeStream {
    pub kind: IncomeKind,
    /// Total, 万元.
    pub amount: f64,
    pub start_offset: u32,
    pub years: u32,
}

impl IncomeStream {
    /// The stream per year from the planned year (index 0); nothing without years or amount.
    pub fn flows(&self) -> Vec<f64> {
        equal_parts(self.amount, self.start_offset, self.years)
    }
}

/// `amount` in `years` equal parts from year `start`, as a list from year 0 (empty when there
/// is nothing to spread): land sales and every other income stream alike.
pub fn equal_parts(amount: f64, start: u32, years: u32) -> Vec<f64> {
    if years == 0 || amount <= 0.0 {
        return Vec::new();
    }
    let mut v = vec![0.0; start as usize];
    v.extend(std::iter::repeat_n(
        amount / f64::from(years),
        years as usize,
    ));
    v
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
    /// 群众自行选购商品房 (with the compensation in cash)
    self_purchase => SelfPurchase, ResSelfPurchase, "mix-self-purchase";
    /// 政府购买存量商品房
    government_purchase => GovernmentPurchase, ResGovPurchase, "mix-government-purchase";
    /// 房票: the compensation as a voucher spent on listed flats (`calc::voucher`; version 10,
    /// absent before it)
    #[serde(default, skip_serializing_if = "crate::calc::model::is_zero")]
    voucher => Voucher, ResVoucher, "mix-voucher";
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

impl Sources {
    /// The money borrowed of these sources (the instruments that borrow).
    pub fn borrowed(&self) -> f64 {
        Instrument::ALL
            .iter()
            .filter(|i| i.borrows())
            .map(|i| i.amount(self))
            .sum()
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
    /// (the share rounded to the nearest household, a half household up, since the rate is what
    /// is assessed), then each side split by largest remainder, equal remainders in declaration
    /// order, so the ways always add up to `households`. The shares are read as the decimals a
    /// planner typed (to nine places, [`exact_share`]) and the arithmetic is in whole numbers:
    /// in binary, 50 % of 1 household at 30/15/5 % is 0.49999999999999994 and rounds down, and
    /// remainders that are equal in decimal differ in their last bit (docs/model.md).
    pub fn households(&self, households: u32) -> Rehousing {
        let h = u128::from(households);
        // Fixed-size room for the ways: this runs for every project on every simulation.
        const N: usize = ResettlementWay::ALL.len();
        let mut q = [0u128; N];
        for (x, w) in q.iter_mut().zip(ResettlementWay::ALL) {
            *x = exact_share(w.get(self));
        }
        let money: u128 = ResettlementWay::ALL
            .iter()
            .zip(&q)
            .filter(|(w, _)| w.monetized())
            .map(|(_, x)| x)
            .sum();
        // Half up: ⌊money × h / D + ½⌋ = ⌊(2 · money × h + D) / 2D⌋.
        let monetized = ((2 * money * h + SHARE_UNITS) / (2 * SHARE_UNITS)).min(h);
        let mut out = Rehousing::default();
        for (side, count) in [(true, monetized), (false, h - monetized)] {
            let (mut ways, mut parts, mut n) = ([0usize; N], [0u128; N], 0);
            for (i, w) in ResettlementWay::ALL.iter().enumerate() {
                if w.monetized() == side {
                    ways[n] = i;
                    parts[n] = q[i];
                    n += 1;
                }
            }
            let split = split_whole(&parts[..n], count);
            for (&i, k) in ways[..n].iter().zip(split) {
                *ResettlementWay::ALL[i].amount_mut(&mut out) = k as u64;
            }
        }
        out
    }
}

/// Shares are read in billionths: a share as typed (0.3, 12.5 %) is a whole number of them.
const SHARE_UNITS: u128 = 1_000_000_000;

/// `share` as a whole number of billionths: the decimal a planner typed, without the binary
/// noise of its nearest double (0.3 is 300,000,000, not 299,999,999.99999998).
pub fn exact_share(share: f64) -> u128 {
    if share.is_nan() || share <= 0.0 {
        return 0;
    }
    (share.min(1e6) * SHARE_UNITS as f64).round() as u128
}

/// Splits `count` whole units in proportion to `weights` (whole numbers), by the largest
/// remainder in exact arithmetic; equal remainders go to the earlier weight, and all-zero
/// weights share `count` evenly (the earlier ones first). At most four weights: the ways of one
/// side of a resettlement mix.
fn split_whole(weights: &[u128], count: u128) -> [u128; 4] {
    let n = weights.len();
    let mut parts = [0u128; 4];
    let sum: u128 = weights.iter().sum();
    if n == 0 {
        return parts;
    }
    let mut rem = [0u128; 4];
    for i in 0..n {
        let (num, den) = if sum == 0 {
            (count, n as u128)
        } else {
            (weights[i] * count, sum)
        };
        parts[i] = num / den;
        // Compared over the same denominator: the even split's remainders are all equal.
        rem[i] = if sum == 0 { 0 } else { num % den };
    }
    let mut order = [0usize, 1, 2, 3];
    crate::words::order::sort_positions(&mut order[..n], &|a, b| {
        rem[b].cmp(&rem[a]).then(a.cmp(&b))
    });
    let short = count - parts[..n].iter().sum::<u128>();
    for &i in order[..n].iter().take(short as usize) {
        parts[i] += 1;
    }
    parts
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

impl Instrument {
    /// The instrument that takes up what the others leave when one share is edited.
    pub const BALANCE: Instrument = Instrument::PolicyLoan;

    /// Whether the money it raises is borrowed and repaid (a loan, the implementing entity's
    /// financing of a service purchase, a bond): what `Totals::borrowed` adds up.
    pub fn borrows(self) -> bool {
        matches!(
            self,
            Instrument::PolicyLoan | Instrument::ServicePurchase | Instrument::SpecialBond
        )
    }

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
            pub fn label(self) -> crate::words::i18n::Text {
                match self { $( CostDriver::$field => crate::words::i18n::Text::$label, )* }
            }
            pub fn unit(self) -> crate::calc::measure::Unit {
                match self { $( CostDriver::$field => crate::calc::measure::Unit::$unit, )* }
            }
            pub fn bounds(self) -> crate::calc::measure::Bounds {
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

impl Targets {
    /// A district's target: the central city's when most of its households are there
    /// (`central` of `households`), the counties' otherwise — where its households are, not
    /// where its first project happens to be.
    pub fn of_district(&self, central: u64, households: u64) -> f64 {
        if central * 2 > households {
            self.central_city
        } else {
            self.counties
        }
    }
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
    /// Project capital (项目资本金) as a share of the PPP-financed investment.
    #[serde(default = "default_capital_ratio")]
    pub capital_ratio: f64,
    /// The government's share of the project company's equity (股权投资), unless a project has
    /// its own.
    #[serde(default)]
    pub equity_share: f64,
    /// 比例法 risk: a share of construction cost and a share of operating cost, unless a project
    /// costs its risk its own way.
    #[serde(default)]
    pub risk_construction_rate: f64,
    #[serde(default)]
    pub risk_operating_rate: f64,
}

fn default_capital_ratio() -> f64 {
    0.2
}

/// A PPP project's own inputs to the government's spending besides its payments; `None` takes
/// the city-wide value.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct PppInputs {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equity_share: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk: Option<RiskCost>,
    /// 配套投入: land, site preparation, connections, subsidies the government puts in, 万元.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub supporting: f64,
    /// What the partner pays the government for those inputs, 万元.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub partner_pays: f64,
}

pub(crate) fn is_zero(v: &f64) -> bool {
    *v == 0.0
}

impl PppInputs {
    pub fn is_default(&self) -> bool {
        *self == PppInputs::default()
    }

    /// The project's stake with the city-wide values filled in.
    pub fn stake(&self, a: &PppAssumptions) -> PppStake {
        PppStake {
            capital_ratio: a.capital_ratio,
            equity_share: self.equity_share.unwrap_or(a.equity_share),
            risk: self.risk.unwrap_or(RiskCost::Ratio {
                construction: a.risk_construction_rate,
                operating: a.risk_operating_rate,
            }),
            supporting_net: (self.supporting - self.partner_pays).max(0.0),
        }
    }
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
    /// Percentage points of households that switch from new build to money for each point of
    /// monetization incentive above today's (goal seek's stated response; see docs/model.md).
    #[serde(default = "default_incentive_response")]
    pub incentive_response: f64,
    /// How housing vouchers (房票) are rewarded, used and settled (version 10; before it the
    /// 厦门 2023 preset, which no project used).
    #[serde(
        default,
        skip_serializing_if = "crate::calc::voucher::VoucherScheme::is_default"
    )]
    pub vouchers: crate::calc::voucher::VoucherScheme,
}

fn default_incentive_response() -> f64 {
    1.0
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
                capital_ratio: 0.2,
                equity_share: 0.0,
                risk_construction_rate: 0.0,
                risk_operating_rate: 0.0,
            },
            bond: BondTerms {
                rate: 0.035,
                term_years: 10,
                repayment: BondRepayment::Bullet,
            },
            costs: CostDefaults::default(),
            incentive_response: default_incentive_response(),
            vouchers: Default::default(),
        }
    }
}

/// A project type as the planner reads it.
pub fn type_text(k: ProjectType) -> Text {
    match k {
        ProjectType::UrbanVillage => Text::TypeUrbanVillage,
        ProjectType::DilapidatedHousing => Text::TypeDilapidated,
        ProjectType::OldResidentialCompound => Text::TypeOldCompound,
        ProjectType::Infrastructure => Text::TypeInfrastructure,
    }
}

/// A status as the planner reads it.
pub fn status_text(s: Status) -> Text {
    match s {
        Status::Planning => Text::StatusPlanning,
        Status::ExpropriationStarted => Text::StatusExpropriation,
        Status::Started => Text::StatusStarted,
        Status::UnderConstruction => Text::StatusUnderConstruction,
        Status::Completed => Text::StatusCompleted,
    }
}

// ---------------------------------------------------------------------------------------
// 进度: what a project has actually done, month by month.

/// A calendar month, written "2027-03" in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Month {
    pub year: i32,
    /// 1 to 12.
    pub month: u8,
}

impl Month {
    pub fn new(year: i32, month: u8) -> Option<Month> {
        (1..=12).contains(&month).then_some(Month { year, month })
    }

    /// January of `year`: when a project planned for it starts expropriation and building.
    pub fn january(year: i32) -> Month {
        Month { year, month: 1 }
    }

    /// "2027-03" (a `<input type="month">` value) and nothing else.
    pub fn parse(s: &str) -> Option<Month> {
        let (y, m) = s.trim().split_once('-')?;
        if y.len() != 4 || m.len() != 2 {
            return None;
        }
        Month::new(y.parse().ok()?, m.parse().ok()?)
    }

    pub fn key(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// "2027年3月".
    pub fn label(self, lang: Lang) -> String {
        crate::words::i18n::fmt_month(self.year, u32::from(self.month), lang)
    }

    fn index(self) -> i32 {
        self.year * 12 + i32::from(self.month) - 1
    }

    fn of_index(i: i32) -> Month {
        Month {
            year: i.div_euclid(12),
            month: (i.rem_euclid(12) + 1) as u8,
        }
    }

    /// `months` months later (earlier when negative).
    pub fn plus(self, months: i32) -> Month {
        Month::of_index(self.index() + months)
    }

    pub fn previous(self) -> Month {
        Month::of_index(self.index() - 1)
    }

    pub fn next(self) -> Month {
        Month::of_index(self.index() + 1)
    }

    /// Months from `earlier` to `self` (negative when `self` is before it).
    pub fn since(self, earlier: Month) -> i32 {
        self.index() - earlier.index()
    }
}

impl TryFrom<String> for Month {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Month::parse(&s).ok_or_else(|| format!("“{s}” is not a month written YYYY-MM"))
    }
}

impl From<Month> for String {
    fn from(m: Month) -> String {
        m.key()
    }
}

/// A project's figures to the end of a month, each counted from the project's start. In the
/// document a record is one compact row (`calc::progress`, docs/format.md): two years of a
/// thousand projects' months stay small enough for the browser's storage.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthlyProgress {
    pub month: Month,
    /// 签约户数.
    pub signed: u64,
    /// 腾空/拆除户数.
    pub vacated: u64,
    /// 货币化安置户数 by way (the money ways only; `new_build` stays 0). Plain numbers, not a
    /// map: a plan's thousands of records are cloned with it on every edit.
    pub monetized: Rehousing,
    /// 安置房新开工套数.
    pub started_units: u64,
    /// 基本建成套数.
    pub completed_units: u64,
    /// 完成投资, 万元.
    pub invested: f64,
    /// 到位资金 by instrument, 万元.
    pub funds: Sources,
    /// Why a figure is above what the plan allows (households added, a project enlarged).
    pub reason: String,
    /// Why a figure is below last month's (a correction of an earlier report).
    pub correction: String,
    /// Why the project is behind schedule, in the county's words (滞后原因, version 6): the
    /// monthly report lists it beside the projects behind.
    pub delay: String,
}

impl MonthlyProgress {
    pub fn empty(month: Month) -> Self {
        MonthlyProgress {
            month,
            signed: 0,
            vacated: 0,
            monetized: Rehousing::default(),
            started_units: 0,
            completed_units: 0,
            invested: 0.0,
            funds: Sources::default(),
            reason: String::new(),
            correction: String::new(),
            delay: String::new(),
        }
    }

    /// Households resettled with money, all ways.
    pub fn monetized_total(&self) -> u64 {
        self.monetized.monetized()
    }
}

/// What a project has actually done: the months it started, and its figures month by month.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ProjectProgress {
    /// 征收启动 (the month expropriation actually started).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expropriation_started: Option<Month>,
    /// 开工 (the month construction actually started).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub construction_started: Option<Month>,
    /// One record per month reported, in month order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub months: Vec<MonthlyProgress>,
    /// 示例数据: the demo's example figures, shown so labelled.
    #[serde(default, skip_serializing_if = "is_false")]
    pub sample: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl ProjectProgress {
    pub fn is_empty(&self) -> bool {
        *self == ProjectProgress::default()
    }

    /// The record of `month` itself.
    pub fn at(&self, month: Month) -> Option<&MonthlyProgress> {
        self.months.iter().find(|r| r.month == month)
    }

    /// The figures as of the end of `month`: its record, else the latest before it (the
    /// figures are cumulative, so a month not reported stands where the last report left it).
    pub fn as_of(&self, month: Month) -> Option<&MonthlyProgress> {
        self.months.iter().rev().find(|r| r.month <= month)
    }

    /// With `record` in its month's place (a new month inserted in order).
    pub fn with(&self, record: MonthlyProgress) -> ProjectProgress {
        let mut out = self.clone();
        match out.months.iter().position(|r| r.month >= record.month) {
            Some(i) if out.months[i].month == record.month => out.months[i] = record,
            Some(i) => out.months.insert(i, record),
            None => out.months.push(record),
        }
        out
    }
}
