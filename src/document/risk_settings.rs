//! The risk settings a plan document stores: the uncertain drivers, each one's range, the
//! draws, the seed and the yearly ceiling; the analysis that runs on them is `risk`.

use serde::{Deserialize, Serialize};

use crate::calc::fields::{AssumptionKey, Bounds, Problem};
use crate::calc::measure::Unit;
use crate::calc::model::{Assumptions, CostDriver, Project, ResettlementWay};
use crate::calc::readiness::Gates;
use crate::words::i18n::Text;

/// What the tornado and the what-if move, and what a draw varies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskDriver {
    LoanRate,
    BondRate,
    ServiceRate,
    PppProfitRate,
    PppDiscountRate,
    CompensationPrice,
    ConstructionCost,
    TransitionFee,
    PurchasePrice,
    BudgetGrowth,
    LandRevenue,
    MonetizedShare,
    /// Project income besides land sales (sales, parking, rents, operation).
    OtherIncome,
    /// The PPP retained-risk cost (风险承担支出): ratios and scenario amounts alike.
    PppRisk,
    /// Approvals late: every step not yet done this many months after its planned day, the
    /// money waiting for its gates (the one driver in months, not a share of a value).
    ApprovalSlip,
    /// 房票 used faster or slower than the scheme assumes (`VoucherScheme::shift_use`).
    VoucherUse,
}

/// How a driver reaches the simulation's inputs.
enum Reach {
    Assumption(AssumptionKey),
    /// The city-wide default and every project's own value.
    Cost(CostDriver),
    Land,
    Monetized,
    Income,
    PppRisk,
    Approvals,
    Vouchers,
}

impl RiskDriver {
    pub const ALL: [RiskDriver; 16] = [
        RiskDriver::LoanRate,
        RiskDriver::BondRate,
        RiskDriver::ServiceRate,
        RiskDriver::PppProfitRate,
        RiskDriver::PppDiscountRate,
        RiskDriver::CompensationPrice,
        RiskDriver::ConstructionCost,
        RiskDriver::TransitionFee,
        RiskDriver::PurchasePrice,
        RiskDriver::BudgetGrowth,
        RiskDriver::LandRevenue,
        RiskDriver::MonetizedShare,
        RiskDriver::OtherIncome,
        RiskDriver::PppRisk,
        RiskDriver::ApprovalSlip,
        RiskDriver::VoucherUse,
    ];

    pub fn key(self) -> &'static str {
        match self {
            RiskDriver::LoanRate => "loan_rate",
            RiskDriver::BondRate => "bond_rate",
            RiskDriver::ServiceRate => "service_rate",
            RiskDriver::PppProfitRate => "ppp_profit_rate",
            RiskDriver::PppDiscountRate => "ppp_discount_rate",
            RiskDriver::CompensationPrice => "compensation_price",
            RiskDriver::ConstructionCost => "construction_cost",
            RiskDriver::TransitionFee => "transition_fee",
            RiskDriver::PurchasePrice => "purchase_price",
            RiskDriver::BudgetGrowth => "budget_growth",
            RiskDriver::LandRevenue => "land_revenue",
            RiskDriver::MonetizedShare => "monetized_share",
            RiskDriver::OtherIncome => "other_income",
            RiskDriver::PppRisk => "ppp_risk",
            RiskDriver::ApprovalSlip => "approval_slip",
            RiskDriver::VoucherUse => "voucher_use",
        }
    }

    pub fn label(self) -> Text {
        match self {
            RiskDriver::LoanRate => Text::RiskLoanRate,
            RiskDriver::BondRate => Text::RiskBondRate,
            RiskDriver::ServiceRate => Text::RiskServiceRate,
            RiskDriver::PppProfitRate => Text::RiskPppProfit,
            RiskDriver::PppDiscountRate => Text::RiskPppDiscount,
            RiskDriver::CompensationPrice => Text::RiskCompensation,
            RiskDriver::ConstructionCost => Text::RiskConstruction,
            RiskDriver::TransitionFee => Text::RiskTransition,
            RiskDriver::PurchasePrice => Text::RiskPurchase,
            RiskDriver::BudgetGrowth => Text::RiskBudgetGrowth,
            RiskDriver::LandRevenue => Text::RiskLand,
            RiskDriver::MonetizedShare => Text::RiskMonetized,
            RiskDriver::OtherIncome => Text::RiskOtherIncome,
            RiskDriver::PppRisk => Text::RiskPppRisk,
            RiskDriver::ApprovalSlip => Text::RiskApprovalSlip,
            RiskDriver::VoucherUse => Text::RiskVoucherUse,
        }
    }

    fn reach(self) -> Reach {
        match self {
            RiskDriver::LoanRate => Reach::Assumption(AssumptionKey::LoanRate),
            RiskDriver::BondRate => Reach::Assumption(AssumptionKey::BondRate),
            RiskDriver::ServiceRate => Reach::Assumption(AssumptionKey::ServiceRate),
            RiskDriver::PppProfitRate => Reach::Assumption(AssumptionKey::PppProfit),
            RiskDriver::PppDiscountRate => Reach::Assumption(AssumptionKey::PppDiscount),
            RiskDriver::BudgetGrowth => Reach::Assumption(AssumptionKey::BudgetGrowth),
            RiskDriver::CompensationPrice => Reach::Cost(CostDriver::compensation_price),
            RiskDriver::ConstructionCost => Reach::Cost(CostDriver::construction_cost),
            RiskDriver::TransitionFee => Reach::Cost(CostDriver::transition_fee),
            RiskDriver::PurchasePrice => Reach::Cost(CostDriver::purchase_price),
            RiskDriver::LandRevenue => Reach::Land,
            RiskDriver::MonetizedShare => Reach::Monetized,
            RiskDriver::OtherIncome => Reach::Income,
            RiskDriver::PppRisk => Reach::PppRisk,
            RiskDriver::ApprovalSlip => Reach::Approvals,
            RiskDriver::VoucherUse => Reach::Vouchers,
        }
    }

    /// What a change of the driver is counted in: a share of the plan's value, or months.
    pub fn unit(self) -> Unit {
        match self.reach() {
            Reach::Approvals => Unit::Months,
            _ => Unit::Percent,
        }
    }

    /// The bounds of its range: −90 % to +200 % of the plan's value; approvals 0 to 24 months
    /// late (a risk run asks how late, never how early).
    pub fn bounds(self) -> Bounds {
        match self.reach() {
            Reach::Approvals => SLIP_BOUNDS,
            _ => RANGE_BOUNDS,
        }
    }

    /// The tornado's four steps: −20 %, −10 %, +10 %, +20 % of the value; approvals −2, −1, +1,
    /// +2 months (earlier than planned moves nothing: the plan's days are its best case).
    pub fn steps(self) -> [f64; 4] {
        match self.reach() {
            Reach::Approvals => STEPS.map(|s| s * 10.0),
            _ => STEPS,
        }
    }

    /// The default range, as changes from the plan's value: rates, prices and costs are more
    /// likely to rise than fall, land sales and budget growth to disappoint.
    pub fn default_range(self) -> Range {
        let (low, high) = match self {
            RiskDriver::LoanRate | RiskDriver::BondRate | RiskDriver::ServiceRate => (-0.10, 0.20),
            RiskDriver::PppProfitRate => (-0.10, 0.15),
            RiskDriver::PppDiscountRate => (-0.10, 0.10),
            RiskDriver::CompensationPrice | RiskDriver::TransitionFee => (-0.05, 0.20),
            RiskDriver::ConstructionCost | RiskDriver::PurchasePrice => (-0.05, 0.15),
            RiskDriver::BudgetGrowth => (-0.50, 0.20),
            RiskDriver::LandRevenue => (-0.40, 0.10),
            RiskDriver::MonetizedShare => (-0.10, 0.10),
            // Sales and rents disappoint like land sales; retained risks turn out dearer.
            RiskDriver::OtherIncome => (-0.40, 0.10),
            RiskDriver::PppRisk => (-0.20, 0.50),
            // Vouchers are more likely used later than the scheme hopes than sooner.
            RiskDriver::VoucherUse => (-0.50, 0.20),
            // Approvals: on time at best, most likely a month late, half a year at worst.
            RiskDriver::ApprovalSlip => {
                return Range {
                    low: 0.0,
                    mode: 1.0,
                    high: 6.0,
                }
            }
        };
        Range {
            low,
            mode: 0.0,
            high,
        }
    }

    /// Moves the driver by `change` (0.1 = 10 % up; approvals: months late) in the simulation's
    /// inputs. No change leaves every input exactly as it was.
    pub fn apply(self, a: &mut Assumptions, projects: &mut [Project], gates: &Gates, change: f64) {
        if change == 0.0 {
            return;
        }
        let f = 1.0 + change;
        match self.reach() {
            Reach::Assumption(k) => k.set(a, k.get(a) * f),
            Reach::Cost(d) => {
                let v = d.get(&a.costs) * f;
                d.set(&mut a.costs, v);
                for p in projects {
                    if let Some(v) = d.get_override(&p.costs) {
                        d.set_override(&mut p.costs, Some(v * f));
                    }
                }
            }
            Reach::Land => {
                for l in projects.iter_mut().filter_map(|p| p.land_revenue.as_mut()) {
                    l.amount *= f;
                }
            }
            Reach::Income => {
                for s in projects.iter_mut().flat_map(|p| p.income.iter_mut()) {
                    s.amount *= f;
                }
            }
            Reach::PppRisk => {
                a.ppp.risk_construction_rate *= f;
                a.ppp.risk_operating_rate *= f;
                for r in projects.iter_mut().filter_map(|p| p.ppp.risk.as_mut()) {
                    r.scale(f);
                }
            }
            Reach::Vouchers => a.vouchers.shift_use(change),
            Reach::Approvals => {
                let days = slip_days(change);
                for p in projects {
                    crate::calc::gates::slip_approvals(p, gates, days);
                }
            }
            Reach::Monetized => {
                for p in projects {
                    let r = &mut p.resettlement;
                    let money = r.monetized_share().max(1e-12);
                    // The money shares grow together, never past 100 %; new build takes the rest.
                    let scale = f.min(1.0 / money).max(0.0);
                    for w in ResettlementWay::ALL.iter().filter(|w| w.monetized()) {
                        w.set(r, w.get(r) * scale);
                    }
                    r.new_build = (1.0 - r.monetized_share()).max(0.0);
                }
            }
        }
    }
}

/// A driver's uncertainty: low, most likely and high changes from the plan's value
/// (−0.1 = 10 % lower), drawn from the triangular distribution they span.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Range {
    pub low: f64,
    pub mode: f64,
    pub high: f64,
}

/// A range may run from −90 % to +200 % of the plan's value.
pub const RANGE_BOUNDS: Bounds = Bounds::new(-0.9, 2.0);

/// Approvals may run 0 to 24 months late.
pub const SLIP_BOUNDS: Bounds = Bounds::new(0.0, 24.0);

/// The tornado's steps as changes of a share of the value (approvals: ten times as many months).
pub const STEPS: [f64; 4] = [-0.2, -0.1, 0.1, 0.2];

/// Days in `months` of an average month (365.25 / 12), to the nearest day.
pub fn slip_days(months: f64) -> i64 {
    (months * 365.25 / 12.0).round() as i64
}

impl Range {
    /// What is wrong with the range, if anything: a value out of `bounds`, or not
    /// low ≤ mode ≤ high.
    pub fn problem(&self, bounds: Bounds) -> Option<Problem> {
        [self.low, self.mode, self.high]
            .iter()
            .find_map(|v| bounds.check(*v))
            .or_else(|| {
                (!(self.low <= self.mode && self.mode <= self.high)).then_some(
                    Problem::RangeOrder {
                        low: self.low,
                        mode: self.mode,
                        high: self.high,
                    },
                )
            })
    }

    /// The value at cumulative probability `u` (0 ≤ u < 1) of the triangular distribution.
    pub fn quantile(&self, u: f64) -> f64 {
        let Range { low, mode, high } = *self;
        let width = high - low;
        if width <= 0.0 {
            return mode;
        }
        let split = (mode - low) / width;
        if u < split {
            low + (u * width * (mode - low)).sqrt()
        } else {
            high - ((1.0 - u) * width * (high - mode)).sqrt()
        }
    }
}

/// The risk settings of a plan: each driver's range, the draws, the seed and the ceiling the
/// planner sets on the yearly fiscal burden. Saved in the plan document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RiskSettings {
    /// Ranges the planner changed; the others are their defaults.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ranges: Vec<(RiskDriver, Range)>,
    pub draws: u32,
    pub seed: u64,
    /// Yearly fiscal burden the city can carry, 万元 (`None`: not set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ceiling: Option<f64>,
}

/// Draws a run may have.
pub const DRAWS_BOUNDS: Bounds = Bounds::whole(1.0, 100_000.0);

impl Default for RiskSettings {
    fn default() -> Self {
        RiskSettings {
            ranges: Vec::new(),
            draws: 1_000,
            seed: 20_261_125,
            ceiling: None,
        }
    }
}

impl RiskSettings {
    pub fn is_default(&self) -> bool {
        *self == RiskSettings::default()
    }

    pub fn range(&self, d: RiskDriver) -> Range {
        self.ranges
            .iter()
            .find(|(x, _)| *x == d)
            .map_or_else(|| d.default_range(), |(_, r)| *r)
    }

    /// The settings with `d`'s range set (kept only when it differs from the default).
    pub fn with_range(&self, d: RiskDriver, r: Range) -> Self {
        let mut s = self.clone();
        s.ranges.retain(|(x, _)| *x != d);
        if r != d.default_range() {
            s.ranges.push((d, r));
            crate::words::order::sort_by_key(&mut s.ranges, |(x, _)| {
                RiskDriver::ALL.iter().position(|y| y == x)
            });
        }
        s
    }

    /// Every problem: a range out of order or bounds, draws out of bounds, a negative ceiling.
    pub fn problems(&self) -> Vec<(Option<RiskDriver>, Problem)> {
        let mut out: Vec<(Option<RiskDriver>, Problem)> = RiskDriver::ALL
            .iter()
            .filter_map(|&d| self.range(d).problem(d.bounds()).map(|p| (Some(d), p)))
            .collect();
        out.extend(DRAWS_BOUNDS.check(f64::from(self.draws)).map(|p| (None, p)));
        out.extend(
            self.ceiling
                .and_then(|c| Bounds::MONEY.check(c))
                .map(|p| (None, p)),
        );
        out
    }
}
