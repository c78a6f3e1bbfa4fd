//! Risk: how the fiscal burden and the caps move with the uncertain drivers of a plan —
//! one driver at a time (tornado, what-if) and all together (seeded Monte Carlo draws).

use serde::{Deserialize, Serialize};

use crate::calc::gates::{money_delay, month_of};
use crate::calc::model::{Assumptions, Month, Project};
use crate::calc::readiness::Milestone;
use crate::calc::simulate::{simulate, Results};
use crate::document::plan::Plan;
/// The settings the document stores, read here and by the risk page under this module's name.
pub use crate::document::risk_settings::{
    slip_days, Range, RiskDriver, RiskSettings, DRAWS_BOUNDS, RANGE_BOUNDS, SLIP_BOUNDS, STEPS,
};
use crate::words::i18n::Text;

/// The plan's inputs with `changes` made (one per driver, in `RiskDriver::ALL` order).
fn moved(plan: &Plan, changes: &[(RiskDriver, f64)]) -> (Assumptions, Vec<Project>) {
    let mut a = plan.assumptions.clone();
    let mut projects = plan.projects.clone();
    for &(d, c) in changes {
        d.apply(&mut a, &mut projects, &plan.gates, c);
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
            let values = driver
                .steps()
                .map(|s| measure.of(&what_if(plan, &[(driver, s)])));
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
    crate::words::order::sort_by(&mut bars, |a, b| b.swing.total_cmp(&a.swing));
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

/// The month by which a year's projects must start (开工): that of a deadline in the year asking
/// for the construction permit (the demo: 11月底), else December.
pub fn start_deadline(plan: &Plan, year: i32) -> Month {
    plan.deadlines
        .iter()
        .filter(|d| d.milestone == Some(Milestone::ConstructionPermit) && d.day.year == year)
        .map(|d| month_of(d.day))
        .min()
        .unwrap_or_else(|| Month::january(year).plus(11))
}

/// Per year of the window, the households of the year's projects not yet started that start
/// after the year's deadline: a project starts when its schedule says (`moved`: a forecast's
/// delays, the approvals' slip among them) or when its money opens (its gates, the steps not yet
/// done `slip_days` late), whichever is later.
fn late_households(plan: &Plan, moved: &[Project], slip_days: i64) -> Vec<u64> {
    let years = plan.first_year..=plan.last_year();
    let deadlines: Vec<Month> = years.clone().map(|y| start_deadline(plan, y)).collect();
    let mut late = vec![0u64; deadlines.len()];
    for (p, m) in plan.projects.iter().zip(moved) {
        let Some(i) = years.clone().position(|y| y == p.year) else {
            continue;
        };
        if !p.status.is_new() {
            continue;
        }
        let scheduled = m.forecast.map_or(0, |f| f.construction_delay);
        let start = scheduled.max(money_delay(p, &plan.gates, slip_days));
        if Month::january(p.year).plus(start as i32) > deadlines[i] {
            late[i] += u64::from(p.households);
        }
    }
    late
}

/// One draw's outcome.
#[derive(Debug, Clone, PartialEq)]
struct Outcome {
    changes: [f64; RiskDriver::ALL.len()],
    fiscal: Vec<f64>,
    ppp_share: Vec<f64>,
    pv: f64,
    peak: f64,
    max_ppp: f64,
    /// Per monetized group, whether it missed its target.
    missed: Vec<bool>,
    /// Per year of the window, households whose start comes after the year's deadline.
    late: Vec<u64>,
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
            let (a, projects) = moved(&self.plan, &pairs);
            let r = simulate(&a, &projects, self.plan.first_year);
            let slip = pairs
                .iter()
                .find(|(d, _)| *d == RiskDriver::ApprovalSlip)
                .map_or(0, |(_, c)| slip_days(*c));
            self.outcomes.push(Outcome {
                changes,
                fiscal: r.years.iter().map(|y| y.fiscal.total()).collect(),
                ppp_share: r.years.iter().map(|y| y.ppp_share).collect(),
                pv: r.totals.fiscal_burden_pv,
                peak: r.totals.peak_fiscal_burden,
                max_ppp: r.totals.max_ppp_share,
                missed: r.monetized.iter().map(|m| !m.meets_target()).collect(),
                late: late_households(&self.plan, &projects, slip),
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
        crate::words::order::sort_by(&mut influence, |x, y| y.1.abs().total_cmp(&x.1.abs()));
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
            late_start: self.late_start(),
            influence,
        }
    }

    /// Per year of the window: the task, the deadline, the households late as things stand,
    /// and the odds and spread of the households late in the draws.
    fn late_start(&self) -> Vec<LateStart> {
        let n = self.outcomes.len().max(1) as f64;
        let now = late_households(&self.plan, &self.plan.projects, 0);
        (self.plan.first_year..=self.plan.last_year())
            .enumerate()
            .map(|(i, year)| {
                let late = |o: &Outcome| o.late.get(i).copied().unwrap_or(0);
                LateStart {
                    year,
                    deadline: start_deadline(&self.plan, year),
                    households: self
                        .plan
                        .projects
                        .iter()
                        .filter(|p| p.year == year && p.status.is_new())
                        .map(|p| u64::from(p.households))
                        .sum(),
                    now: now.get(i).copied().unwrap_or(0),
                    p_late: self.outcomes.iter().filter(|o| late(o) > 0).count() as f64 / n,
                    late: band(self.outcomes.iter().map(|o| late(o) as f64)),
                }
            })
            .collect()
    }
}

/// A year's 开工 task against money that comes too late: the households of its projects not yet
/// started, the deadline, those late as things stand, the probability that some are late in a
/// draw and the spread of how many.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LateStart {
    pub year: i32,
    pub deadline: Month,
    pub households: u64,
    pub now: u64,
    pub p_late: f64,
    pub late: Band,
}

/// P10, P50 and P90.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Band {
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

fn band(values: impl Iterator<Item = f64>) -> Band {
    let mut v: Vec<f64> = values.collect();
    crate::words::order::sort_by(&mut v, f64::total_cmp);
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
    crate::words::order::sort_positions(&mut order, &|a, b| v[a].total_cmp(&v[b]));
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    pub p_missed: Vec<(crate::calc::simulate::Group, f64, f64)>,
    /// Per year of the window: the odds that money comes too late for its 开工 task.
    #[serde(default)]
    pub late_start: Vec<LateStart>,
    /// Spearman's rank correlation of each driver with the fiscal-burden PV, strongest first.
    pub influence: Vec<(RiskDriver, f64)>,
}

/// A whole run at once (plan-sim, tests).
pub fn run(plan: &Plan, settings: &RiskSettings) -> Summary {
    let mut r = Run::new(plan, settings);
    r.step(usize::MAX);
    r.summary()
}
