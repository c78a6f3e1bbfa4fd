//! Risk: how the fiscal burden and the caps move with the uncertain drivers of a plan —
//! one driver at a time (tornado, what-if) and all together (seeded Monte Carlo draws).

use serde::{Deserialize, Serialize};

use crate::fields::{AssumptionKey, Bounds, Problem};
use crate::i18n::Text;
use crate::model::{Assumptions, CostDriver, Project};
use crate::plan::Plan;
use crate::simulate::{simulate, Results};

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
}

/// How a driver reaches the simulation's inputs.
enum Reach {
    Assumption(AssumptionKey),
    /// The city-wide default and every project's own value.
    Cost(CostDriver),
    Land,
    Monetized,
}

impl RiskDriver {
    pub const ALL: [RiskDriver; 12] = [
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
        };
        Range {
            low,
            mode: 0.0,
            high,
        }
    }

    /// Moves the driver by `change` (0.1 = 10 % up) in the simulation's inputs. No change
    /// leaves every input exactly as it was.
    pub fn apply(self, a: &mut Assumptions, projects: &mut [Project], change: f64) {
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
            Reach::Monetized => {
                for p in projects {
                    let r = &mut p.resettlement;
                    let money = (r.cash + r.self_purchase + r.government_purchase).max(1e-12);
                    // The money shares grow together, never past 100 %; new build takes the rest.
                    let scale = f.min(1.0 / money).max(0.0);
                    r.cash *= scale;
                    r.self_purchase *= scale;
                    r.government_purchase *= scale;
                    r.new_build = (1.0 - r.cash - r.self_purchase - r.government_purchase).max(0.0);
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

impl Range {
    /// What is wrong with the range, if anything: a value out of bounds, or not low ≤ mode ≤ high.
    pub fn problem(&self) -> Option<Problem> {
        [self.low, self.mode, self.high]
            .iter()
            .find_map(|v| RANGE_BOUNDS.check(*v))
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
            s.ranges
                .sort_by_key(|(x, _)| RiskDriver::ALL.iter().position(|y| y == x));
        }
        s
    }

    /// Every problem: a range out of order or bounds, draws out of bounds, a negative ceiling.
    pub fn problems(&self) -> Vec<(Option<RiskDriver>, Problem)> {
        let mut out: Vec<(Option<RiskDriver>, Problem)> = RiskDriver::ALL
            .iter()
            .filter_map(|&d| self.range(d).problem().map(|p| (Some(d), p)))
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

/// The plan's inputs with `changes` made (one per driver, in `RiskDriver::ALL` order).
fn moved(plan: &Plan, changes: &[(RiskDriver, f64)]) -> (Assumptions, Vec<Project>) {
    let mut a = plan.assumptions.clone();
    let mut projects = plan.projects.clone();
    for &(d, c) in changes {
        d.apply(&mut a, &mut projects, c);
    }
    (a, projects)
}

/// The results with `changes` made.
pub fn what_if(plan: &Plan, changes: &[(RiskDriver, f64)]) -> Results {
    let (a, projects) = moved(plan, changes);
    simulate(&a, &projects, plan.first_year)
}

/// What the tornado ranks the drivers by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    FiscalPv,
    PeakFiscal,
    MaxPppShare,
}

impl Measure {
    pub const ALL: [Measure; 3] = [Measure::FiscalPv, Measure::PeakFiscal, Measure::MaxPppShare];

    pub fn of(self, r: &Results) -> f64 {
        match self {
            Measure::FiscalPv => r.totals.fiscal_burden_pv,
            Measure::PeakFiscal => r.totals.peak_fiscal_burden,
            Measure::MaxPppShare => r.totals.max_ppp_share,
        }
    }

    pub fn label(self) -> Text {
        match self {
            Measure::FiscalPv => Text::KpiFiscalPv,
            Measure::PeakFiscal => Text::KpiPeakFiscal,
            Measure::MaxPppShare => Text::KpiPppShare,
        }
    }
}

/// The tornado's steps: −20 %, −10 %, +10 %, +20 % of each driver's value.
pub const STEPS: [f64; 4] = [-0.2, -0.1, 0.1, 0.2];

/// One tornado bar: the measure at each step, and its swing (largest minus smallest, the
/// plan's own value included).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bar {
    pub driver: RiskDriver,
    pub values: [f64; 4],
    pub swing: f64,
}

/// The plan's value of the measure and one bar per driver, the widest swing first.
pub fn tornado(plan: &Plan, measure: Measure) -> (f64, Vec<Bar>) {
    let base = measure.of(&what_if(plan, &[]));
    let mut bars: Vec<Bar> = RiskDriver::ALL
        .iter()
        .map(|&driver| {
            let values = STEPS.map(|s| measure.of(&what_if(plan, &[(driver, s)])));
            let (lo, hi) = values
                .iter()
                .fold((base, base), |(lo, hi), &v| (lo.min(v), hi.max(v)));
            Bar {
                driver,
                values,
                swing: hi - lo,
            }
        })
        .collect();
    bars.sort_by(|a, b| b.swing.total_cmp(&a.swing));
    (base, bars)
}

/// The seeded random numbers of the draws: xoshiro256++ (a published generator, the same
/// sequence on every machine), each draw a fixed number of numbers so a draw does not depend on
/// how the run was cut into chunks.
struct Draws(rand_xoshiro::Xoshiro256PlusPlus);

impl Draws {
    fn new(seed: u64) -> Self {
        use rand_core::SeedableRng;
        Draws(rand_xoshiro::Xoshiro256PlusPlus::seed_from_u64(seed))
    }

    /// Uniform in [0, 1) with 53 random bits.
    fn uniform(&mut self) -> f64 {
        use rand_core::RngCore;
        (self.0.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

/// One draw's outcome.
#[derive(Debug, Clone, PartialEq)]
struct Outcome {
    changes: [f64; 12],
    fiscal: Vec<f64>,
    ppp_share: Vec<f64>,
    pv: f64,
    peak: f64,
    max_ppp: f64,
    /// Per monetized group, whether it missed its target.
    missed: Vec<bool>,
}

/// A Monte Carlo run in progress: made a chunk of draws at a time, so the page can show
/// progress and stay responsive, then summed up.
pub struct Run {
    plan: Plan,
    settings: RiskSettings,
    draws: Draws,
    outcomes: Vec<Outcome>,
    base: Results,
}

impl Run {
    pub fn new(plan: &Plan, settings: &RiskSettings) -> Self {
        Run {
            // The scenarios are not drawn: the plan given is the view to run.
            plan: Plan {
                scenarios: Vec::new(),
                ..plan.clone()
            },
            settings: settings.clone(),
            draws: Draws::new(settings.seed),
            outcomes: Vec::with_capacity(settings.draws as usize),
            base: what_if(plan, &[]),
        }
    }

    pub fn done(&self) -> usize {
        self.outcomes.len()
    }

    pub fn total(&self) -> usize {
        self.settings.draws as usize
    }

    /// Makes up to `n` more draws; whether the run is complete.
    pub fn step(&mut self, n: usize) -> bool {
        let ranges = RiskDriver::ALL.map(|d| self.settings.range(d));
        for _ in 0..n.min(self.total() - self.done()) {
            let changes = ranges.map(|r| r.quantile(self.draws.uniform()));
            let pairs: Vec<(RiskDriver, f64)> = RiskDriver::ALL.into_iter().zip(changes).collect();
            let r = what_if(&self.plan, &pairs);
            self.outcomes.push(Outcome {
                changes,
                fiscal: r.years.iter().map(|y| y.fiscal.total()).collect(),
                ppp_share: r.years.iter().map(|y| y.ppp_share).collect(),
                pv: r.totals.fiscal_burden_pv,
                peak: r.totals.peak_fiscal_burden,
                max_ppp: r.totals.max_ppp_share,
                missed: r.monetized.iter().map(|m| !m.meets_target()).collect(),
            });
        }
        self.done() == self.total()
    }

    /// The percentiles, probabilities and influences of the draws made.
    pub fn summary(&self) -> Summary {
        let n = self.outcomes.len().max(1) as f64;
        let share =
            |f: &dyn Fn(&Outcome) -> bool| self.outcomes.iter().filter(|o| f(o)).count() as f64 / n;
        let a = &self.plan.assumptions;
        let years: Vec<i32> = self.base.years.iter().map(|y| y.year).collect();
        let per_year = |f: fn(&Outcome) -> &Vec<f64>| -> Vec<Band> {
            (0..years.len())
                .map(|i| {
                    band(
                        self.outcomes
                            .iter()
                            .map(|o| f(o).get(i).copied().unwrap_or(0.0)),
                    )
                })
                .collect()
        };
        let pvs: Vec<f64> = self.outcomes.iter().map(|o| o.pv).collect();
        let mut influence: Vec<(RiskDriver, f64)> = RiskDriver::ALL
            .iter()
            .enumerate()
            .map(|(i, &d)| {
                let xs: Vec<f64> = self.outcomes.iter().map(|o| o.changes[i]).collect();
                (d, spearman(&xs, &pvs))
            })
            .collect();
        influence.sort_by(|x, y| y.1.abs().total_cmp(&x.1.abs()));
        Summary {
            seed: self.settings.seed,
            draws: self.outcomes.len(),
            fiscal: per_year(|o| &o.fiscal),
            ppp_share: per_year(|o| &o.ppp_share),
            years,
            fiscal_pv: band(self.outcomes.iter().map(|o| o.pv)),
            peak_fiscal: band(self.outcomes.iter().map(|o| o.peak)),
            max_ppp_share: band(self.outcomes.iter().map(|o| o.max_ppp)),
            p_ppp_cap: share(&|o| o.ppp_share.iter().any(|s| *s > a.ppp_cap + 1e-12)),
            p_ppp_tier: share(&|o| {
                o.ppp_share
                    .iter()
                    .any(|s| *s > a.ppp_new_project_threshold + 1e-12)
            }),
            p_ceiling: self
                .settings
                .ceiling
                .map(|c| share(&|o| o.fiscal.iter().any(|f| *f > c))),
            p_missed: self
                .base
                .monetized
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    let p = share(&|o| o.missed.get(i).copied().unwrap_or(false));
                    (m.group.clone(), m.target, p)
                })
                .collect(),
            influence,
        }
    }
}

/// P10, P50 and P90.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Band {
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

fn band(values: impl Iterator<Item = f64>) -> Band {
    let mut v: Vec<f64> = values.collect();
    v.sort_by(f64::total_cmp);
    Band {
        p10: percentile(&v, 0.1),
        p50: percentile(&v, 0.5),
        p90: percentile(&v, 0.9),
    }
}

/// The `q` quantile of sorted values, linear between the two nearest ranks (equal values give
/// that value exactly).
pub fn percentile(sorted: &[f64], q: f64) -> f64 {
    match sorted {
        [] => 0.0,
        [one] => *one,
        _ => {
            let pos = q * (sorted.len() - 1) as f64;
            let (i, t) = (pos.floor() as usize, pos.fract());
            let (a, b) = (sorted[i], sorted[(i + 1).min(sorted.len() - 1)]);
            if t == 0.0 || a == b {
                a
            } else {
                a + (b - a) * t
            }
        }
    }
}

/// Spearman's rank correlation (ties share their mean rank); 0 when either side is constant.
pub fn spearman(x: &[f64], y: &[f64]) -> f64 {
    let (rx, ry) = (ranks(x), ranks(y));
    let n = rx.len() as f64;
    let mean = (n + 1.0) / 2.0;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in rx.iter().zip(&ry) {
        sxy += (a - mean) * (b - mean);
        sxx += (a - mean) * (a - mean);
        syy += (b - mean) * (b - mean);
    }
    if sxx == 0.0 || syy == 0.0 {
        0.0
    } else {
        sxy / (sxx * syy).sqrt()
    }
}

fn ranks(v: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..v.len()).collect();
    order.sort_by(|&a, &b| v[a].total_cmp(&v[b]));
    let mut out = vec![0.0; v.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && v[order[j + 1]] == v[order[i]] {
            j += 1;
        }
        let rank = (i + j) as f64 / 2.0 + 1.0;
        for &k in &order[i..=j] {
            out[k] = rank;
        }
        i = j + 1;
    }
    out
}

/// What a run found: percentiles per year and overall, the odds of breaching each line, and
/// how strongly each driver moves the fiscal-burden PV.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub seed: u64,
    pub draws: usize,
    pub years: Vec<i32>,
    pub fiscal: Vec<Band>,
    pub ppp_share: Vec<Band>,
    pub fiscal_pv: Band,
    pub peak_fiscal: Band,
    pub max_ppp_share: Band,
    /// Probability that the PPP share exceeds the 10 % cap in some year.
    pub p_ppp_cap: f64,
    /// … and the 5 % line for new government-pay PPP.
    pub p_ppp_tier: f64,
    /// … that the fiscal burden exceeds the planner's ceiling in some year.
    pub p_ceiling: Option<f64>,
    /// Per monetized group: its target and the probability of missing it.
    pub p_missed: Vec<(crate::simulate::Group, f64, f64)>,
    /// Spearman's rank correlation of each driver with the fiscal-burden PV, strongest first.
    pub influence: Vec<(RiskDriver, f64)>,
}

/// A whole run at once (plan-sim, tests).
pub fn run(plan: &Plan, settings: &RiskSettings) -> Summary {
    let mut r = Run::new(plan, settings);
    r.step(usize::MAX);
    r.summary()
}
