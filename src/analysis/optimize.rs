//! The optimizer: the resettlement and financing mix, project by project, that costs the
//! government least while meeting every target and cap.
//!
//! Financing shares multiply investment, which the resettlement shares make: the joint problem
//! is bilinear. It is solved as two exact linear programs taken in turn (resettlement with the
//! financing fixed, then financing with the resettlement fixed) until neither improves: a
//! block-wise optimum, each step checked against the full simulation (see docs/model.md).
//! The coefficients come from the simulation itself, one project and one pure choice at a time.

use clarabel::algebra::CscMatrix;
use clarabel::solver::{
    DefaultSettingsBuilder, DefaultSolver, IPSolver, NonnegativeConeT, SolverStatus,
    SupportedConeT, ZeroConeT,
};

use crate::calc::finance::discount::present_value;
use crate::calc::model::{FinancingMix, Instrument, Project, ResettlementMix, ResettlementWay};
use crate::calc::rules::{findings, RuleId, Severity};
use crate::calc::simulate::{assessed_rates, simulate, Group, MonetizedRate, Results, Simulator};
use crate::document::plan::Plan;

pub use crate::document::optimize_settings::{Objective, Settings};

/// A limit the answer meets, as a row of the linear program.
#[derive(Debug, Clone, PartialEq)]
pub enum Limit {
    /// A group's monetized target over the window.
    Target(Group),
    /// A group's monetized target in one planned year: the province assesses each year's list.
    YearTarget(i32, Group),
    PppCap(i32),
    PppTier(i32),
    CreditLine,
    BurdenCeiling(i32),
    DebtCeiling(i32),
    HousingStock(String),
    /// The 房源库's homes and offers open to a district's households by the end of a planned
    /// year (`stock_rows`).
    MarketStock(i32, String),
    /// Every bond-financed project's coverage at least the settings' (the plan's appraisal
    /// threshold unless relaxed): one limit, one row per project.
    BondCoverage,
    /// Every project's new-build floor at once (the planner's 新建安置比例下限 and each
    /// project's own): a hard row, soft only when asked how far it alone must give.
    InKindFloor,
}

impl Limit {
    /// A monetized target's group, with its planned year when it is one year's.
    fn target(&self) -> Option<(Option<i32>, &Group)> {
        match self {
            Limit::Target(g) => Some((None, g)),
            Limit::YearTarget(y, g) => Some((Some(*y), g)),
            _ => None,
        }
    }
}

/// A limit at the answer: how much it costs (objective per unit of the limit, in the units
/// `Binding::per` names) and, when the limits cannot all hold, how far it had to give.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub limit: Limit,
    /// Change of the objective (万元) when the limit tightens by one unit of `per`.
    pub price: f64,
    /// What one unit is: one percentage point of a target, one 万元 of a cap.
    pub per: Unit,
    /// How far the limit had to give for the others to hold (0 when everything holds).
    pub relaxed: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    PercentagePoint,
    Wan,
    Households,
    /// A tenth of a coverage ratio (1.2 → 1.3).
    CoverageTenth,
    /// A hundred homes of the 房源库.
    HundredHomes,
}

/// The answer: the plan with its projects' mixes, the objective before and after (full
/// simulation), the limits that bind with their prices, and whether all limits could hold.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub plan: Plan,
    pub before: f64,
    pub after: f64,
    pub binding: Vec<Binding>,
    pub feasible: bool,
    pub rounds: usize,
}

// ---------------------------------------------------------------------------------------
// A small linear-program builder over clarabel.

/// A row's coefficients: (variable, coefficient).
type Row = Vec<(usize, f64)>;
/// Each limit row after a solve: the limit, its dual (the price) and its slack (how far it gave).
type Priced = Vec<(Limit, f64, f64)>;

#[derive(Default)]
struct Lp {
    cost: Vec<f64>,
    /// (coefficients, right-hand side): `a·x = b`.
    eq: Vec<(Row, f64)>,
    /// `a·x ≤ b`, with the limit it stands for (a soft limit's rows share one slack).
    le: Vec<(Row, f64, Option<Limit>)>,
    /// The one limit that may give, every other row hard; `None`: every limit but the floor.
    only: Option<Limit>,
}

/// Cost of giving a limit one unit, against the objective's 万元: far above any real price.
const PENALTY: f64 = 1.0e7;

struct Solved {
    x: Vec<f64>,
    /// Per `le` row: its dual (≥ 0) and its slack (how far a soft row gave).
    duals: Vec<f64>,
    slack: Vec<f64>,
}

impl Lp {
    fn var(&mut self, cost: f64) -> usize {
        self.cost.push(cost);
        self.cost.len() - 1
    }

    /// Whether a row standing for `limit` may give (at the penalty) in this program.
    fn soft(&self, limit: &Option<Limit>) -> bool {
        match (limit, &self.only) {
            (None, _) => false,
            (Some(l), Some(only)) => l == only,
            (Some(l), None) => *l != Limit::InKindFloor,
        }
    }

    /// Solves the program, scaled (see [`Scaled`]); duals and slacks come back in the rows' own
    /// units.
    fn solve(&self) -> Option<Solved> {
        let n = self.cost.len();
        let sc = Scaled::of(self);
        let total = sc.cost.len();
        let p = CscMatrix::zeros((total, total));
        let cones: [SupportedConeT<f64>; 2] = [
            ZeroConeT(self.eq.len()),
            NonnegativeConeT(sc.kept.len() + total),
        ];
        let settings = DefaultSettingsBuilder::default()
            .verbose(false)
            .max_iter(200)
            .build()
            .ok()?;
        let mut solver = DefaultSolver::new(&p, &sc.cost, &sc.a, &sc.b, &cones, settings).ok()?;
        solver.solve();
        if !matches!(
            solver.solution.status,
            SolverStatus::Solved | SolverStatus::AlmostSolved
        ) {
            return None;
        }
        let z = &solver.solution.z;
        let x = &solver.solution.x;
        let mut duals = vec![0.0; self.le.len()];
        let mut slack = vec![0.0; self.le.len()];
        for (r, &j) in sc.kept.iter().enumerate() {
            // Back to the row's own units: a dual per unit of the row, in 万元 of the objective.
            duals[j] = z[self.eq.len() + r].max(0.0) * sc.cost_scale / sc.row_scales[r];
            if let Some(k) = sc.slack_of[r] {
                // What the solver leaves in a slack that holds is noise of its tolerance.
                let given = x[n + k].max(0.0);
                slack[j] = if given < 1e-7 {
                    0.0
                } else {
                    given * sc.slack_scales[k]
                };
            }
        }
        Some(Solved {
            x: x[..n].iter().map(|v| v.max(0.0)).collect(),
            duals,
            slack,
        })
    }
}

/// The program as the solver gets it, scaled so that the answer does not depend on the plan's
/// size: each row divided by its largest coefficient, the costs by the largest cost (the penalty
/// with them, so every price keeps its ratio to the others). A row that names no variable and
/// holds as it is is left out. Columns: the variables, then one slack per soft limit, shared by
/// its rows (the floor gives by one amount in every project), in the units of its first row.
struct Scaled {
    /// The `le` rows kept, the factor each was divided by, and its slack column if soft.
    kept: Vec<usize>,
    row_scales: Vec<f64>,
    slack_of: Vec<Option<usize>>,
    /// Per slack column: the scale of its first row (a slack of 1 gives that many row units).
    slack_scales: Vec<f64>,
    cost_scale: f64,
    cost: Vec<f64>,
    /// Rows: equalities, kept inequalities, then every column ≥ 0.
    a: CscMatrix<f64>,
    b: Vec<f64>,
}

impl Scaled {
    fn of(lp: &Lp) -> Self {
        let n = lp.cost.len();
        let row_scale = |a: &Row| {
            let m = a.iter().fold(0.0_f64, |m, &(_, v)| m.max(v.abs()));
            if m > 0.0 {
                m
            } else {
                1.0
            }
        };
        let kept: Vec<usize> = (0..lp.le.len())
            .filter(|&j| !(lp.le[j].0.iter().all(|&(_, v)| v == 0.0) && lp.le[j].1 >= 0.0))
            .collect();
        let row_scales: Vec<f64> = kept.iter().map(|&j| row_scale(&lp.le[j].0)).collect();
        let mut limits: Vec<&Limit> = Vec::new();
        let mut slack_scales = Vec::new();
        let slack_of: Vec<Option<usize>> = kept
            .iter()
            .zip(&row_scales)
            .map(|(&j, &f)| {
                let limit = lp.le[j].2.as_ref().filter(|_| lp.soft(&lp.le[j].2))?;
                Some(limits.iter().position(|l| *l == limit).unwrap_or_else(|| {
                    limits.push(limit);
                    slack_scales.push(f);
                    limits.len() - 1
                }))
            })
            .collect();
        let total = n + limits.len();
        let cost_scale = lp
            .cost
            .iter()
            .fold(0.0_f64, |m, c| m.max(c.abs()))
            .max(1e-9);
        let mut cost: Vec<f64> = lp.cost.iter().map(|c| c / cost_scale).collect();
        cost.extend(std::iter::repeat_n(PENALTY / cost_scale, limits.len()));
        let mut triplets: Vec<(usize, usize, f64)> = Vec::new();
        let mut b = Vec::new();
        for (row, (a, rhs)) in lp.eq.iter().enumerate() {
            let f = row_scale(a);
            triplets.extend(a.iter().map(|&(c, v)| (row, c, v / f)));
            b.push(*rhs / f);
        }
        let base = lp.eq.len();
        for (r, &j) in kept.iter().enumerate() {
            let (a, rhs, _) = &lp.le[j];
            let f = row_scales[r];
            triplets.extend(a.iter().map(|&(c, v)| (base + r, c, v / f)));
            if let Some(k) = slack_of[r] {
                triplets.push((base + r, n + k, -slack_scales[k] / f));
            }
            b.push(*rhs / f);
        }
        let base = base + kept.len();
        for v in 0..total {
            triplets.push((base + v, v, -1.0));
            b.push(0.0);
        }
        Scaled {
            a: csc(base + total, total, triplets),
            b,
            kept,
            row_scales,
            slack_of,
            slack_scales,
            cost_scale,
            cost,
        }
    }
}

/// A compressed-column matrix from (row, column, value) triplets (duplicates added).
fn csc(m: usize, n: usize, mut t: Vec<(usize, usize, f64)>) -> CscMatrix<f64> {
    crate::words::order::sort_by_key(&mut t, |&(r, c, _)| (c, r));
    let mut colptr = vec![0usize; n + 1];
    let mut rowval = Vec::with_capacity(t.len());
    let mut nzval: Vec<f64> = Vec::with_capacity(t.len());
    let mut last: Option<(usize, usize)> = None;
    for (r, c, v) in t {
        if last == Some((r, c)) {
            *nzval.last_mut().expect("a previous entry") += v;
            continue;
        }
        rowval.push(r);
        nzval.push(v);
        colptr[c + 1] += 1;
        last = Some((r, c));
    }
    for c in 0..n {
        colptr[c + 1] += colptr[c];
    }
    CscMatrix::new(m, n, colptr, rowval, nzval)
}

// ---------------------------------------------------------------------------------------
// What one project costs per pure choice, read from the simulation.

/// One project simulated with one pure choice: its yearly flows from the plan's first year.
#[derive(Clone, Default)]
struct Flows {
    /// Fiscal burden without the land offset, per year.
    burden: Vec<f64>,
    ppp: Vec<f64>,
    debt: Vec<f64>,
    loan: f64,
    /// PV of bond debt service over PV of land revenue (the inverse of the bond balance).
    bond_load: f64,
}

fn flows(plan: &Plan, p: &Project) -> Flows {
    // The central subsidy pays part of the capital fund whatever the mix (it is less than the
    // 20 % floor): a constant, so it is left out of the per-choice flows.
    let p = Project {
        central_subsidy: 0.0,
        ..p.clone()
    };
    let r = simulate(&plan.assumptions, std::slice::from_ref(&p), plan.first_year);
    let pr = &r.projects[0];
    Flows {
        burden: r
            .years
            .iter()
            .map(|y| y.fiscal.total() - y.fiscal.land_offset)
            .collect(),
        ppp: r.years.iter().map(|y| y.fiscal.by_instrument.ppp).collect(),
        debt: r.years.iter().map(|y| y.debt.total()).collect(),
        loan: r.years.iter().map(|y| y.sources.policy_loan).sum(),
        bond_load: match pr.bond_balance {
            Some(b) if b > 0.0 => 1.0 / b,
            Some(_) => f64::INFINITY,
            None => 0.0,
        },
    }
}

/// The land offset per year at the current mixes (held fixed within one linear program).
fn land_offset(plan: &Plan) -> Vec<f64> {
    let r = simulate(&plan.assumptions, &plan.projects, plan.first_year);
    r.years.iter().map(|y| y.fiscal.land_offset).collect()
}

fn with_financing(p: &Project, i: Instrument) -> Project {
    let mut q = p.clone();
    let mut f = FinancingMix {
        capital_fund: 0.0,
        policy_loan: 0.0,
        service_purchase: 0.0,
        ppp: 0.0,
        special_bond: 0.0,
    };
    i.set(&mut f, 1.0);
    q.financing = f;
    q
}

fn with_way(p: &Project, w: ResettlementWay) -> Project {
    let mut q = p.clone();
    let mut r = ResettlementMix {
        cash: 0.0,
        self_purchase: 0.0,
        government_purchase: 0.0,
        new_build: 0.0,
        voucher: 0.0,
    };
    w.set(&mut r, 1.0);
    q.resettlement = r;
    q
}

/// Per-year limits shared by both programs: the PPP cap (and tier), the burden and debt
/// ceilings. `burden`, `ppp` and `debt` give a variable's yearly flows.
struct Years {
    first: i32,
    len: usize,
    budget: Vec<f64>,
    land: Vec<f64>,
}

impl Years {
    fn new(plan: &Plan, len: usize) -> Self {
        let a = &plan.assumptions;
        Years {
            first: plan.first_year,
            len,
            budget: (0..len)
                .map(|t| a.budget_expenditure * (1.0 + a.budget_growth).powi(t as i32))
                .collect(),
            land: {
                let mut l = land_offset(plan);
                l.resize(len, 0.0);
                l
            },
        }
    }
}

/// The rows every program has, over variables with known flows.
fn common_rows(lp: &mut Lp, plan: &Plan, s: &Settings, y: &Years, vars: &[(usize, &Flows)]) {
    let a = &plan.assumptions;
    let at = |f: &Vec<f64>, t: usize| f.get(t).copied().unwrap_or(0.0);
    let objective_peak = s.objective == Objective::PeakFiscal;
    let peak = objective_peak.then(|| lp.var(1.0));
    for t in 0..y.len {
        let year = y.first + t as i32;
        let row = |pick: &dyn Fn(&Flows) -> &Vec<f64>| -> Row {
            vars.iter()
                .map(|&(v, f)| (v, at(pick(f), t)))
                .filter(|(_, c)| *c != 0.0)
                .collect()
        };
        let ppp = row(&|f| &f.ppp);
        if !ppp.is_empty() {
            let room = a.ppp_cap * y.budget[t] - a.other_ppp_spending;
            lp.le.push((ppp.clone(), room, Some(Limit::PppCap(year))));
            if s.ppp_tier {
                let room = a.ppp_new_project_threshold * y.budget[t] - a.other_ppp_spending;
                lp.le.push((ppp, room.max(0.0), Some(Limit::PppTier(year))));
            }
        }
        let burden = row(&|f| &f.burden);
        if let Some(c) = s.burden_ceiling {
            lp.le.push((
                burden.clone(),
                c - y.land[t],
                Some(Limit::BurdenCeiling(year)),
            ));
        }
        if let Some(z) = peak {
            let mut r = burden;
            r.push((z, -1.0));
            lp.le.push((r, -y.land[t], None));
        }
        if let Some(c) = s.debt_ceiling {
            lp.le
                .push((row(&|f| &f.debt), c, Some(Limit::DebtCeiling(year))));
        }
    }
    if let Some(line) = s.credit_line {
        let r: Row = vars
            .iter()
            .map(|&(v, f)| (v, f.loan))
            .filter(|(_, c)| *c != 0.0)
            .collect();
        lp.le.push((r, line, Some(Limit::CreditLine)));
    }
}

/// The objective coefficient of a variable with these flows.
fn cost_of(plan: &Plan, s: &Settings, f: &Flows) -> f64 {
    match s.objective {
        Objective::FiscalPv => present_value(&f.burden, plan.assumptions.discount_rate),
        Objective::PeakFiscal => 0.0,
    }
}

/// Whether government-pay PPP is closed to the project (the new mechanism, 国办函〔2023〕115号).
fn ppp_closed(plan: &Plan, p: &Project) -> bool {
    plan.assumptions.ppp.form.pays_construction()
        && crate::calc::rules::in_force(RuleId::PppNewMechanism, p.year)
}

/// Whether government purchase of services is closed to the project: a new project under
/// 财政部令第102号, unless the planner allows it.
fn service_purchase_closed(p: &Project, s: &Settings) -> bool {
    !s.allow_service_purchase
        && p.status.is_new()
        && crate::calc::rules::in_force(RuleId::ServicePurchaseNewProject, p.year)
}

/// Each project simulated with each pure choice of one block (`pure(project, k)`, `n` choices),
/// and the years the flows span.
fn pure_choices(
    plan: &Plan,
    n: usize,
    pure: impl Fn(&Project, usize) -> Project,
) -> (Vec<Vec<Flows>>, Years) {
    let all: Vec<Vec<Flows>> = plan
        .projects
        .iter()
        .map(|p| (0..n).map(|k| flows(plan, &pure(p, k))).collect())
        .collect();
    let len = all
        .iter()
        .flatten()
        .map(|f| f.burden.len())
        .max()
        .unwrap_or(1);
    let years = Years::new(plan, len);
    (all, years)
}

/// A project's variables, one per pure choice, priced by its flows; its shares sum to one.
fn share_vars(lp: &mut Lp, plan: &Plan, s: &Settings, fl: &[Flows]) -> Vec<usize> {
    let v: Vec<usize> = fl.iter().map(|f| lp.var(cost_of(plan, s, f))).collect();
    lp.eq.push((v.iter().map(|&x| (x, 1.0)).collect(), 1.0));
    v
}

/// A project's shares as solved, normalized and cleaned of the solver's noise.
fn solved_shares(solved: &Solved, v: &[usize]) -> Vec<f64> {
    let shares: Vec<f64> = v.iter().map(|&x| solved.x[x]).collect();
    let sum: f64 = shares.iter().sum();
    shares.into_iter().map(|x| clean(x / sum)).collect()
}

/// Financing with the resettlement fixed: one share per project and instrument.
fn financing_step(plan: &Plan, s: &Settings) -> Option<(Plan, Priced)> {
    let (all, years) = pure_choices(plan, Instrument::ALL.len(), |p, k| {
        with_financing(p, Instrument::ALL[k])
    });
    let coverage = s.bond_coverage(plan.assumptions.bond_balance_threshold);
    let mut lp = Lp::default();
    let mut vars: Vec<(usize, &Flows)> = Vec::new();
    let mut ids = Vec::new();
    for (p, fl) in plan.projects.iter().zip(&all) {
        let v = share_vars(&mut lp, plan, s, fl);
        let k = |i: Instrument| {
            v[Instrument::ALL
                .iter()
                .position(|x| *x == i)
                .expect("declared")]
        };
        // Capital fund at least the minimum (国发〔2015〕51号: 20 %).
        let min_cf = plan.assumptions.min_capital_fund.max(0.2);
        lp.le
            .push((vec![(k(Instrument::CapitalFund), -1.0)], -min_cf, None));
        // A closed instrument is fixed at zero by an equality: as `x ≤ 0` beside `x ≥ 0` the
        // feasible set has no interior, and the interior-point solver can misread a one-project
        // program as unbounded (DualInfeasible) and refuse a plan that keeps every limit.
        if ppp_closed(plan, p) {
            lp.eq.push((vec![(k(Instrument::Ppp), 1.0)], 0.0));
        }
        if service_purchase_closed(p, s) {
            lp.eq
                .push((vec![(k(Instrument::ServicePurchase), 1.0)], 0.0));
        }
        // Bonds balance on their own land revenue (财预〔2018〕28号) with the appraisal's margin:
        // coverage = 1 / (share × load) ≥ c, so share × load ≤ 1 / c.
        let load = fl[Instrument::ALL
            .iter()
            .position(|x| *x == Instrument::SpecialBond)
            .expect("declared")]
        .bond_load;
        let bond = k(Instrument::SpecialBond);
        if load.is_finite() {
            lp.le.push((
                vec![(bond, load)],
                BOND_BALANCE / coverage,
                (load > 0.0).then_some(Limit::BondCoverage),
            ));
        } else {
            lp.eq.push((vec![(bond, 1.0)], 0.0));
        }
        vars.extend(v.iter().zip(fl).map(|(&x, f)| (x, f)));
        ids.push(v);
    }
    common_rows(&mut lp, plan, s, &years, &vars);
    let solved = lp.solve()?;
    let mut next = plan.clone();
    for (p, v) in next.projects.iter_mut().zip(&ids) {
        let mut f = p.financing;
        for (&i, share) in Instrument::ALL.iter().zip(solved_shares(&solved, v)) {
            i.set(&mut f, share);
        }
        // The policy loan takes up the rounding, as in the editor.
        let others: f64 = Instrument::ALL
            .iter()
            .filter(|&&i| i != Instrument::PolicyLoan)
            .map(|i| i.get(&f))
            .sum();
        f.policy_loan = (1.0 - others).max(0.0);
        p.financing = f;
    }
    Some((next, prices(&lp, &solved)))
}

/// Bond debt service at most this share of the land revenue (PV): balance ≥ 1 with a margin
/// for the shares' rounding.
const BOND_BALANCE: f64 = 0.9999;

/// A share as the answer gives it: the solver's interior noise (below 1e-5) is zero, the rest
/// rounded to 1e-6.
fn clean(v: f64) -> f64 {
    if v < 1e-5 {
        0.0
    } else {
        ((v * 1e6).round() / 1e6).min(1.0)
    }
}

/// A resettlement way's place among a project's variables.
fn way(w: ResettlementWay) -> usize {
    ResettlementWay::ALL
        .iter()
        .position(|x| *x == w)
        .expect("declared")
}

/// A monetized target's row: Σ h·(money shares) ≥ target·H, plus a margin of a household per
/// project, as the simulation rounds each project's households to whole ones. Over the window
/// (`year` None) or over one planned year's projects.
struct TargetRow {
    group: Group,
    year: Option<i32>,
    target: f64,
    row: Row,
    households: f64,
    margin: f64,
}

impl TargetRow {
    /// The targets that bind: overall, central city, counties, and each district's if asked —
    /// over the window and in each planned year.
    fn wanted(plan: &Plan, s: &Settings) -> Vec<TargetRow> {
        let binds = |m: &MonetizedRate| {
            let zone = !matches!(m.group, Group::District(_));
            (zone || s.district_targets) && m.households > 0
        };
        let row = |year: Option<i32>, m: MonetizedRate| TargetRow {
            households: m.households as f64,
            group: m.group,
            year,
            target: m.target,
            row: Vec::new(),
            margin: 0.0,
        };
        assessed_rates(&plan.projects, &plan.assumptions, plan.first_year)
            .into_iter()
            .filter(|(_, m)| binds(m))
            .map(|(year, m)| row(year, m))
            .collect()
    }

    /// A project's money shares join its groups' rows (a year's row: the year's projects,
    /// a carried project in none, as the results assess them).
    fn add(&mut self, p: &Project, v: &[usize], first_year: i32) {
        let in_group = match &self.group {
            Group::Overall => true,
            Group::CentralCity => p.central_city,
            Group::Counties => !p.central_city,
            Group::District(d) => *d == p.district,
        };
        let in_year = self
            .year
            .is_none_or(|y| p.year == y && !p.is_carried(first_year));
        if in_group && in_year && p.households > 0 {
            self.margin += 1.0;
            let h = f64::from(p.households);
            let money = ResettlementWay::ALL.iter().filter(|w| w.monetized());
            self.row.extend(money.map(|&w| (v[way(w)], -h)));
        }
    }

    fn push_into(self, lp: &mut Lp) {
        // In shares of the group's households: well scaled for the solver.
        let row = self
            .row
            .into_iter()
            .map(|(v, c)| (v, c / self.households))
            .collect();
        let wanted = (self.target + self.margin / self.households).min(1.0);
        let limit = match self.year {
            None => Limit::Target(self.group),
            Some(y) => Limit::YearTarget(y, self.group),
        };
        lp.le.push((row, -wanted, Some(limit)));
    }
}

/// A project's bounds: cash at most the planner's share, new build at least its floor, no
/// 房票 where its district issues none (`vouchers`: a city's voucher scheme is a policy it
/// adopts district by district, not a lever); a project without households (infrastructure)
/// keeps its mix.
fn mix_bounds(lp: &mut Lp, p: &Project, s: &Settings, v: &[usize], vouchers: bool) {
    if p.households > 0 {
        let (max_cash, min_new) = household_bounds(p, s);
        lp.le
            .push((vec![(v[way(ResettlementWay::Cash)], 1.0)], max_cash, None));
        if !vouchers {
            lp.eq
                .push((vec![(v[way(ResettlementWay::Voucher)], 1.0)], 0.0));
        }
        lp.le.push((
            vec![(v[way(ResettlementWay::NewBuild)], -1.0)],
            -min_new,
            Some(Limit::InKindFloor),
        ));
    } else {
        for (&x, &w) in v.iter().zip(ResettlementWay::ALL) {
            lp.eq.push((vec![(x, 1.0)], w.get(&p.resettlement)));
        }
    }
}

/// Resettlement with the financing fixed: one share per project and way.
fn resettlement_step(plan: &Plan, s: &Settings) -> Option<(Plan, Priced)> {
    let (lp, ids) = resettlement_program(plan, s);
    let solved = lp.solve()?;
    let mut next = plan.clone();
    for (p, v) in next.projects.iter_mut().zip(&ids) {
        if p.households == 0 {
            continue;
        }
        let mut r = p.resettlement;
        for (&w, share) in ResettlementWay::ALL.iter().zip(solved_shares(&solved, v)) {
            w.set(&mut r, share);
        }
        r.new_build = (1.0 - r.monetized_share()).max(0.0);
        p.resettlement = r;
    }
    Some((next, prices(&lp, &solved)))
}

/// How far `limit` alone must give for every other limit to hold, in its rows' units; `None`
/// when the others cannot hold whatever it gives. `lp` is `plan`'s resettlement program (with
/// the plan's financing), built once for every limit asked.
fn relaxation_alone(lp: &mut Lp, plan: &Plan, s: &Settings, limit: &Limit) -> Option<f64> {
    lp.only = Some(limit.clone());
    let solved = lp.solve()?;
    let given = lp
        .le
        .iter()
        .zip(&solved.slack)
        .filter(|((_, _, l), _)| l.as_ref() == Some(limit))
        .fold(0.0_f64, |m, (_, &g)| m.max(g));
    Some(match limit {
        Limit::InKindFloor => floor_relaxation(plan, s, given),
        _ => given,
    })
}

/// What the planner's floors must drop by (a share) for every project's floor, in whole
/// households again, to sit `t` below where it is: the largest drop any project needs.
fn floor_relaxation(plan: &Plan, s: &Settings, t: f64) -> f64 {
    if t <= 0.0 {
        return 0.0;
    }
    plan.projects
        .iter()
        .filter(|p| p.households > 0)
        .map(|p| {
            let n = f64::from(p.households);
            let room = ((household_bounds(p, s).1 - t) * n + 1e-9).floor().max(0.0) / n;
            (s.floor(&p.id) - room).max(0.0)
        })
        .fold(0.0, f64::max)
}

/// The resettlement program of `plan` and each project's variables.
fn resettlement_program(plan: &Plan, s: &Settings) -> (Lp, Vec<Vec<usize>>) {
    let (all, years) = pure_choices(plan, ResettlementWay::ALL.len(), |p, k| {
        with_way(p, ResettlementWay::ALL[k])
    });
    let mut lp = Lp::default();
    let mut vars: Vec<(usize, &Flows)> = Vec::new();
    let mut ids = Vec::new();
    let mut targets = TargetRow::wanted(plan, s);
    // Existing housing the government can buy, per district (households).
    let mut stock: Vec<(String, f64, Row)> = s
        .housing_stock
        .iter()
        .map(|(d, n)| (d.clone(), *n, Vec::new()))
        .collect();
    for (p, fl) in plan.projects.iter().zip(&all) {
        let v = share_vars(&mut lp, plan, s, fl);
        mix_bounds(&mut lp, p, s, &v, issues_vouchers(plan, &p.district));
        targets
            .iter_mut()
            .for_each(|t| t.add(p, &v, plan.first_year));
        for (d, _, row) in stock.iter_mut() {
            if *d == p.district {
                row.push((
                    v[way(ResettlementWay::GovernmentPurchase)],
                    f64::from(p.households),
                ));
            }
        }
        // No bond-balance row here: with the financing fixed it would freeze the mix at the
        // bonds' limit; the financing program that follows sets the bonds within it again.
        vars.extend(v.iter().zip(fl).map(|(&x, f)| (x, f)));
        ids.push(v);
    }
    targets.into_iter().for_each(|t| t.push_into(&mut lp));
    for (d, n, row) in stock {
        if !row.is_empty() {
            lp.le.push((row, n, Some(Limit::HousingStock(d))));
        }
    }
    stock_rows(&mut lp, plan, &ids);
    common_rows(&mut lp, plan, s, &years, &vars);
    (lp, ids)
}

/// The 房源库's rows, for each district with a stock entered and each planned year, over the
/// projects planned to that year (`analysis::housing::demand_vs_stock`): the households that need
/// a market home (self-purchase, and government purchase beyond the offers) within the homes
/// open to them. As two rows: self-purchase within the homes (hard), and self-purchase with
/// government purchase within the homes and the offers (priced: what 100 more homes are worth).
/// Each less a household per project, as the simulation rounds each project's households.
fn stock_rows(lp: &mut Lp, plan: &Plan, ids: &[Vec<usize>]) {
    use crate::analysis::housing::{entered, usable_by};
    let (own, voucher, bought) = (
        way(ResettlementWay::SelfPurchase),
        way(ResettlementWay::Voucher),
        way(ResettlementWay::GovernmentPurchase),
    );
    for district in plan.districts() {
        if !entered(&plan.housing, &district) {
            continue;
        }
        for year in plan.first_year..=plan.last_year() {
            let of: Vec<(&Project, &Vec<usize>)> = plan
                .projects
                .iter()
                .zip(ids)
                .filter(|(p, _)| p.district == district && p.year <= year && p.households > 0)
                .collect();
            if of.is_empty() {
                continue;
            }
            let (homes, offers) = usable_by(&plan.housing, &district, year);
            let margin = of.len() as f64;
            let h = |p: &Project| f64::from(p.households);
            let selfs: Row = of
                .iter()
                .flat_map(|(p, v)| [(v[own], h(p)), (v[voucher], h(p))])
                .collect();
            let both: Row = of
                .iter()
                .flat_map(|(p, v)| [(v[own], h(p)), (v[voucher], h(p)), (v[bought], h(p))])
                .collect();
            lp.le.push((selfs, (homes as f64 - margin).max(0.0), None));
            let limit = Limit::MarketStock(year, district.clone());
            lp.le.push((
                both,
                ((homes + offers) as f64 - margin).max(0.0),
                Some(limit),
            ));
        }
    }
}

/// Each soft row's limit with its dual (the price) and its slack (how far it gave).
fn prices(lp: &Lp, solved: &Solved) -> Priced {
    lp.le
        .iter()
        .enumerate()
        .filter(|(_, (_, _, l))| lp.soft(l))
        .filter_map(|(j, (_, _, l))| l.clone().map(|l| (l, solved.duals[j], solved.slack[j])))
        .collect()
}

/// The objective by the full simulation.
pub fn objective(plan: &Plan, s: &Settings) -> f64 {
    objective_with(&mut Simulator::new(), plan, s)
}

/// [`objective`] through `sim`, which re-simulates only the projects changed since its last plan.
fn objective_with(sim: &mut Simulator, plan: &Plan, s: &Settings) -> f64 {
    let r = sim.simulate(&plan.assumptions, &plan.projects, plan.first_year);
    objective_of(&r, s)
}

fn objective_of(r: &Results, s: &Settings) -> f64 {
    match s.objective {
        Objective::FiscalPv => r.totals.fiscal_burden_pv,
        Objective::PeakFiscal => r.totals.peak_fiscal_burden,
    }
}

/// Whether the full simulation of `plan` misses nothing binding that the settings ask for.
pub fn misses(plan: &Plan, s: &Settings) -> Vec<crate::calc::rules::Finding> {
    let r = simulate(&plan.assumptions, &plan.projects, plan.first_year);
    misses_in(plan, &r, s)
}

/// The binding findings the settings ask for that results `r` of `plan` miss.
fn misses_in(plan: &Plan, r: &Results, s: &Settings) -> Vec<crate::calc::rules::Finding> {
    let district = |f: &crate::calc::rules::Finding| {
        matches!(
            &f.subject,
            crate::calc::rules::Subject::Group(Group::District(_))
        )
    };
    findings(&plan.assumptions, r)
        .into_iter()
        // A district's rate is a warning on the page (never a miss), binding here when the
        // planner asks for districts' targets.
        .filter(|f| match district(f) {
            true => s.district_targets,
            false => f.severity == Severity::Miss,
        })
        .filter(|f| !(s.allow_service_purchase && f.rule == RuleId::ServicePurchaseNewProject))
        .collect()
}

/// The most rounds of the two programs; each is a full pass over every project.
pub const MAX_ROUNDS: usize = 8;

/// Minimizes the objective over the plan's mixes (the plan given is the view to optimize).
pub fn optimize(plan: &Plan, s: &Settings) -> Answer {
    let mut run = Run::new(plan, s);
    while !run.step() {}
    run.answer()
}

/// Where a run is, for the page's progress line.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Phase {
    /// Round `n` (from 1) of the two programs.
    Solving(usize),
    /// Polishing in steps of `delta`: `done` of `total` projects.
    Polishing {
        delta: f64,
        done: usize,
        total: usize,
    },
    /// Pricing the binding targets: `done` of `total`.
    Pricing {
        done: usize,
        total: usize,
    },
    Done,
}

/// An optimization in steps, each a bounded piece of work, so the page can show progress and
/// answer clicks between them; `optimize` runs it in one go and gives the same answer.
pub struct Run {
    plan: Plan,
    s: Settings,
    before: f64,
    stage: Stage,
    alternation: Alternation,
    polish: Option<Polish>,
    best: Option<Plan>,
    feasible: bool,
    binding: Vec<Binding>,
    priced: usize,
    /// The limits still to be asked how far each alone must give (a refusal only).
    unexplained: Vec<Limit>,
    /// The resettlement program they are asked in, built for the first of them.
    explaining: Option<Lp>,
}

enum Stage {
    Alternating,
    Polishing,
    Pricing,
    /// The limits cannot all hold: each one's least relaxation, one program per step.
    Explaining,
    Done,
}

/// Projects polished per step: a few milliseconds each in the browser.
const POLISH_CHUNK: usize = 4;

impl Run {
    pub fn new(plan: &Plan, s: &Settings) -> Self {
        Run {
            before: objective(plan, s),
            plan: plan.clone(),
            s: s.clone(),
            stage: Stage::Alternating,
            alternation: Alternation::default(),
            polish: None,
            best: None,
            feasible: false,
            binding: Vec::new(),
            priced: 0,
            unexplained: Vec::new(),
            explaining: None,
        }
    }

    /// Does the next piece of work; true when the run is done.
    pub fn step(&mut self) -> bool {
        match self.stage {
            Stage::Alternating => {
                if self.alternation.step(&self.plan, &self.s) {
                    self.alternated();
                }
            }
            Stage::Polishing => {
                let polish = self.polish.as_mut().expect("set when polishing begins");
                if polish.step(&self.s, POLISH_CHUNK) {
                    let polished = self.polish.take().expect("polishing").plan;
                    // Moves were checked one project at a time: the whole answer once more.
                    if feasible(&polished, &self.s) {
                        self.best = Some(polished);
                    }
                    self.stage = Stage::Pricing;
                }
            }
            Stage::Pricing => self.price_next(),
            Stage::Explaining => self.explain_next(),
            Stage::Done => {}
        }
        matches!(self.stage, Stage::Done)
    }

    /// The programs are done: their prices become bindings; a feasible answer is polished.
    fn alternated(&mut self) {
        let a = &self.alternation;
        // A program the solver could not finish answers nothing: the plan stays as it was.
        self.feasible = a.best.is_some() && a.prices.iter().all(|p| p.2 < 1e-6);
        let coverage = self
            .s
            .bond_coverage(self.plan.assumptions.bond_balance_threshold);
        self.binding = a
            .prices
            .iter()
            .filter(|(limit, ..)| *limit != Limit::BondCoverage)
            .map(|(limit, dual, slack)| binding(limit.clone(), *dual, *slack))
            .chain(coverage_binding(&a.prices, coverage))
            .filter(|b| b.relaxed > 1e-6 || b.price > 1e-3)
            .collect();
        self.best = a.best.clone();
        // A plan that keeps every limit as it stands is a feasible start whatever the programs
        // made of it: it is polished, never refused.
        let start = if self.feasible {
            a.best.clone()
        } else if feasible(&self.plan, &self.s) {
            self.feasible = true;
            self.binding.retain(|b| b.relaxed <= 1e-6);
            self.best = Some(self.plan.clone());
            Some(self.plan.clone())
        } else {
            None
        };
        self.stage = match start {
            Some(start) => {
                self.polish = Some(Polish::new(start, &self.s));
                Stage::Polishing
            }
            None => {
                self.unexplained = self.binding.iter().map(|b| b.limit.clone()).collect();
                let floored = self
                    .plan
                    .projects
                    .iter()
                    .any(|p| p.households > 0 && self.s.floor(&p.id) > 0.0);
                if floored {
                    self.unexplained.push(Limit::InKindFloor);
                }
                Stage::Explaining
            }
        };
    }

    /// The next limit's least relaxation with every other limit held: what the planner would
    /// have to give on it alone. The floor, hard in the programs, joins the list this way.
    fn explain_next(&mut self) {
        let Some(limit) = self.unexplained.pop() else {
            self.stage = Stage::Done;
            return;
        };
        let from = self.best.as_ref().unwrap_or(&self.plan);
        let lp = self
            .explaining
            .get_or_insert_with(|| resettlement_program(from, &self.s).0);
        let Some(given) = relaxation_alone(lp, from, &self.s, &limit) else {
            return;
        };
        let alone = binding(limit, 0.0, given);
        match self.binding.iter_mut().find(|b| b.limit == alone.limit) {
            Some(b) => b.relaxed = alone.relaxed,
            None if alone.relaxed > 1e-6 => self.binding.push(alone),
            None => {}
        }
    }

    /// A target's price with the financing free to follow: solved again one point up, against
    /// the programs' own answer (unpolished, so both are alike).
    fn price_next(&mut self) {
        let next = self.binding[self.priced..]
            .iter()
            .position(|b| matches!(b.limit, Limit::Target(_)))
            .map(|k| self.priced + k);
        let Some(k) = next else {
            self.stage = Stage::Done;
            return;
        };
        self.priced = k + 1;
        let base = self.alternation.best_value;
        if let Limit::Target(g) = &self.binding[k].limit {
            if let Some(price) = target_price(&self.plan, &self.s, g, base) {
                self.binding[k].price = price;
            }
        }
    }

    pub fn phase(&self) -> Phase {
        match (&self.stage, &self.polish) {
            (Stage::Alternating | Stage::Explaining, _) => {
                Phase::Solving(self.alternation.rounds.max(1))
            }
            (Stage::Polishing, Some(p)) => Phase::Polishing {
                delta: POLISH_STEPS[p.delta.min(POLISH_STEPS.len() - 1)],
                done: p.next,
                total: p.plan.projects.len(),
            },
            (Stage::Pricing, _) => Phase::Pricing {
                done: self.priced,
                total: self
                    .binding
                    .iter()
                    .filter(|b| matches!(b.limit, Limit::Target(_)))
                    .count(),
            },
            _ => Phase::Done,
        }
    }

    /// The answer (the plan unchanged when no feasible one was found).
    pub fn answer(self) -> Answer {
        let best = match self.best {
            Some(best) if self.feasible => best,
            _ => self.plan,
        };
        Answer {
            after: objective(&best, &self.s),
            plan: best,
            before: self.before,
            binding: self.binding,
            feasible: self.feasible,
            rounds: self.alternation.rounds,
        }
    }
}

/// The two programs in turn until neither improves, one program per step.
struct Alternation {
    best: Option<Plan>,
    best_value: f64,
    /// The last full round's rows: limit, price, slack.
    prices: Priced,
    rounds: usize,
    /// The resettlement program's answer of this round, waiting for the financing one.
    half: Option<(Plan, Priced)>,
}

impl Default for Alternation {
    fn default() -> Self {
        Alternation {
            best: None,
            best_value: f64::INFINITY,
            prices: Vec::new(),
            rounds: 0,
            half: None,
        }
    }
}

impl Alternation {
    /// Solves the next program; true when done (no improvement, infeasible, the solver gave up,
    /// or the last round).
    fn step(&mut self, plan: &Plan, s: &Settings) -> bool {
        let Some((after_r, prices_r)) = self.half.take() else {
            if self.rounds == MAX_ROUNDS {
                return true;
            }
            self.rounds += 1;
            let from = self.best.as_ref().unwrap_or(plan);
            return match resettlement_step(from, s) {
                Some(half) => {
                    self.half = Some(half);
                    false
                }
                None => true,
            };
        };
        let Some((after_f, prices_f)) = financing_step(&after_r, s) else {
            return true;
        };
        let value = objective(&after_f, s);
        if self.best.is_some() && value >= self.best_value - 1e-6 * self.best_value.abs().max(1.0) {
            return true;
        }
        let feasible_now = prices_r.iter().chain(&prices_f).all(|p| p.2 < 1e-6);
        self.best_value = value;
        self.best = Some(after_f);
        self.prices = prices_r;
        self.prices.extend(prices_f);
        !feasible_now
    }
}

/// What one more percentage point of a group's target costs: the programs solved again with
/// it raised, against `base` (the programs' own answer, unpolished, so both are alike).
fn target_price(plan: &Plan, s: &Settings, g: &Group, base: f64) -> Option<f64> {
    let mut raised = plan.clone();
    let t = &mut raised.assumptions.targets;
    match g {
        Group::Overall => t.overall += 0.01,
        Group::CentralCity => t.central_city += 0.01,
        Group::Counties => t.counties += 0.01,
        Group::District(_) => return None,
    }
    let mut a = Alternation::default();
    while !a.step(&raised, s) {}
    // `best_value` is the full simulation's objective of `best`: no need to simulate it again.
    let feasible = a.best.is_some() && a.prices.iter().all(|p| p.2 < 1e-6);
    feasible.then_some(a.best_value - base)
}

/// Whether `plan` keeps every limit, by the full simulation: valid, no binding finding missed,
/// and the planner's own limits (cash, in-kind floors, housing stock, credit line, ceilings,
/// the 5 % line).
pub fn feasible(plan: &Plan, s: &Settings) -> bool {
    feasible_with(&mut Simulator::new(), plan, s)
}

/// [`feasible`] through `sim`, which re-simulates only the projects changed since its last plan.
fn feasible_with(sim: &mut Simulator, plan: &Plan, s: &Settings) -> bool {
    if !crate::document::validate::validate(plan).is_empty() {
        return false;
    }
    let r = sim.simulate(&plan.assumptions, &plan.projects, plan.first_year);
    if !misses_in(plan, &r, s).is_empty() {
        return false;
    }
    let mixes_ok = plan.projects.iter().all(|p| mix_within_bounds(p, s));
    let stock_ok = s
        .housing_stock
        .iter()
        .all(|(d, n)| stock_within(&plan.projects, d, *n))
        && crate::analysis::housing::within_stock(plan, None);
    let a = &plan.assumptions;
    let years_ok = r.years.iter().all(|y| {
        s.burden_ceiling
            .is_none_or(|c| y.fiscal.total() <= c + 1e-6)
            && s.debt_ceiling.is_none_or(|c| y.debt.total() <= c + 1e-6)
            && (!s.ppp_tier
                || y.fiscal.by_instrument.ppp <= 1e-9
                || y.ppp_share <= a.ppp_new_project_threshold + 1e-12)
    });
    let loans: f64 = r.years.iter().map(|y| y.sources.policy_loan).sum();
    let credit_ok = s.credit_line.is_none_or(|c| loans <= c + 1e-6);
    let coverage = s.bond_coverage(a.bond_balance_threshold);
    let bonds_ok = r.projects.iter().all(|p| covered(p, coverage));
    mixes_ok && stock_ok && years_ok && credit_ok && bonds_ok
}

/// Whether a project's special bonds are covered `coverage` times by its income (a project
/// without bonds is).
fn covered(p: &crate::calc::simulate::ProjectResult, coverage: f64) -> bool {
    p.bond_balance.is_none_or(|b| b + 1e-9 >= coverage)
}

/// The planner's bounds on one project's mix: cash at most the cap, new build at least the
/// project's floor (a project without households has no mix to bound).
fn mix_within_bounds(p: &Project, s: &Settings) -> bool {
    if p.households == 0 {
        return true;
    }
    // In the whole households the results show, as the planner reads the limits.
    let h = p.resettlement.households(p.households);
    let (max_cash, min_new) = whole_households(p, s);
    h.cash <= max_cash && h.new_build >= min_new
}

/// The cash cap and the new-build floor of project `p` in whole households: a floor of 10 % on
/// 115 households is 12 of them (11.5 rounded up), a cap of 70 % on 115 is 80 (80.5 down).
fn whole_households(p: &Project, s: &Settings) -> (u64, u64) {
    let n = f64::from(p.households);
    // The tolerance keeps an exact product (10 % of 120 = 12) from rounding the wrong way.
    let max_cash = (s.max_cash * n + 1e-9).floor().max(0.0) as u64;
    let min_new = (s.floor(&p.id) * n - 1e-9).ceil().max(0.0) as u64;
    (max_cash, min_new)
}

/// The same bounds as shares of the project's households, for the programs: a share that
/// splits into at least (at most) that many whole households.
fn household_bounds(p: &Project, s: &Settings) -> (f64, f64) {
    let n = f64::from(p.households);
    let (max_cash, min_new) = whole_households(p, s);
    (max_cash as f64 / n, (min_new as f64 / n).min(1.0))
}

/// Whether `district` issues 房票 (a project of it has a voucher share): where it does not, the
/// optimizer moves no household into vouchers.
pub fn issues_vouchers(plan: &Plan, district: &str) -> bool {
    plan.projects
        .iter()
        .any(|q| q.district == district && q.resettlement.voucher > 0.0)
}

/// Whether the government buys no more existing housing in `district` than its `stock`
/// (households).
fn stock_within(projects: &[Project], district: &str, stock: f64) -> bool {
    let bought: f64 = projects
        .iter()
        .filter(|p| p.district == district)
        .map(|p| f64::from(p.households) * p.resettlement.government_purchase)
        .sum();
    bought <= stock + 1e-6
}

/// Moves `delta` of project `i`'s share from one part to another (resettlement ways when
/// `way`, else instruments); `None` when the part has less than that.
fn moved(p: &Project, way: bool, from: usize, to: usize, delta: f64) -> Option<Project> {
    let mut q = p.clone();
    if way {
        let (a, b) = (ResettlementWay::ALL[from], ResettlementWay::ALL[to]);
        let (va, vb) = (a.get(&q.resettlement), b.get(&q.resettlement));
        if va < delta {
            return None;
        }
        a.set(&mut q.resettlement, va - delta);
        b.set(&mut q.resettlement, vb + delta);
    } else {
        let (a, b) = (Instrument::ALL[from], Instrument::ALL[to]);
        let (va, vb) = (a.get(&q.financing), b.get(&q.financing));
        if va < delta {
            return None;
        }
        a.set(&mut q.financing, va - delta);
        b.set(&mut q.financing, vb + delta);
    }
    Some(q)
}

/// The share steps polishing tries, coarse to fine.
const POLISH_STEPS: [f64; 3] = [0.05, 0.01, 0.001];
/// The most passes over every project at one step.
const POLISH_PASSES: usize = 20;

/// The linear programs hold the land revenue's timing fixed; the full simulation does not.
/// Polishing tries every move of a share between two parts of a project, in steps from 5 % to
/// 0.1 %, and keeps a move when the full simulation finds it cheaper and still within every
/// limit: no such move of the answer is left.
struct Polish {
    plan: Plan,
    value: f64,
    /// Each project's own objective (the PV is the sum of the projects' own PVs, so a move is
    /// priced by its project alone).
    parts: Vec<f64>,
    /// Index into POLISH_STEPS, the pass at that step, the next project, whether this pass
    /// improved anything.
    delta: usize,
    pass: usize,
    next: usize,
    improved: bool,
    /// The whole plan's simulation, kept across moves: a move changes one project, so only
    /// that project is simulated again (with results identical to a full simulation).
    sim: Simulator,
}

impl Polish {
    fn new(plan: Plan, s: &Settings) -> Self {
        let parts = plan
            .projects
            .iter()
            .map(|p| own_objective(&plan, p, s))
            .collect();
        let mut sim = Simulator::new();
        Polish {
            value: objective_with(&mut sim, &plan, s),
            plan,
            parts,
            delta: 0,
            pass: 0,
            next: 0,
            improved: false,
            sim,
        }
    }

    /// Polishes up to `count` projects; true when no step has a move left.
    fn step(&mut self, s: &Settings, count: usize) -> bool {
        let end = self
            .next
            .saturating_add(count)
            .min(self.plan.projects.len());
        for i in self.next..end {
            self.polish_project(i, s);
        }
        self.next = end;
        if self.next < self.plan.projects.len() {
            return false;
        }
        // A pass is over: another at this step if it improved, else the next finer step.
        self.next = 0;
        self.pass += 1;
        if !self.improved || self.pass == POLISH_PASSES {
            self.delta += 1;
            self.pass = 0;
        }
        self.improved = false;
        self.delta == POLISH_STEPS.len()
    }

    fn polish_project(&mut self, i: usize, s: &Settings) {
        let delta = POLISH_STEPS[self.delta];
        let vouchers = issues_vouchers(&self.plan, &self.plan.projects[i].district);
        for (way, n) in [
            (true, ResettlementWay::ALL.len()),
            (false, Instrument::ALL.len()),
        ] {
            for (from, to) in (0..n).flat_map(|f| (0..n).map(move |t| (f, t))) {
                // A move that pays is made again while it pays: one step per pass would leave
                // a share short of its best after the passes run out (capital fund left above
                // its minimum where the loan is cheaper, issue 28).
                let most = (1.0 / delta).ceil() as usize;
                let opens =
                    way && !vouchers && ResettlementWay::ALL[to] == ResettlementWay::Voucher;
                for _ in 0..most {
                    if from == to || opens || !self.try_move(i, way, from, to, delta, s) {
                        break;
                    }
                }
                // The capital fund goes down to its minimum, not to within a step of it.
                if !way && Instrument::ALL[from] == Instrument::CapitalFund && from != to {
                    let min_cf = self.plan.assumptions.min_capital_fund.max(0.2);
                    let rest = self.plan.projects[i].financing.capital_fund - min_cf;
                    if rest > 1e-9 && rest < delta {
                        self.try_move(i, way, from, to, rest, s);
                    }
                }
            }
        }
    }

    /// Moves `delta` of project `i`'s share `from` → `to` when the full simulation finds it
    /// cheaper and every limit still holds; true when it did.
    fn try_move(
        &mut self,
        i: usize,
        way: bool,
        from: usize,
        to: usize,
        delta: f64,
        s: &Settings,
    ) -> bool {
        let Some(q) = moved(&self.plan.projects[i], way, from, to, delta) else {
            return false;
        };
        let part = own_objective(&self.plan, &q, s);
        // Only a move that rehouses fewer households with money can take a rate below its
        // target: the others leave every group's rate as it was or raise it.
        let money = |p: &Project| p.resettlement.households(p.households).monetized();
        let fewer = way && money(&q) < money(&self.plan.projects[i]);
        // Tried in place, put back when it does not pay or breaks a limit.
        let old = std::mem::replace(&mut self.plan.projects[i], q);
        let v = if s.objective == Objective::FiscalPv {
            self.value - self.parts[i] + part
        } else {
            objective_with(&mut self.sim, &self.plan, s)
        };
        if v < self.value - 1e-9 * self.value.abs().max(1.0)
            && move_keeps_limits(&self.plan, i, s, &mut self.sim, fewer)
        {
            self.value = v;
            self.parts[i] = part;
            self.improved = true;
            true
        } else {
            self.plan.projects[i] = old;
            false
        }
    }
}

/// One project's objective, simulated alone.
fn own_objective(plan: &Plan, p: &Project, s: &Settings) -> f64 {
    let r = simulate(&plan.assumptions, std::slice::from_ref(p), plan.first_year);
    objective_of(&r, s)
}

/// Whether a plan that differs from a feasible one only in project `i` still keeps every limit.
/// What one project can break is checked on that project alone (its rules, its bonds, its
/// mix bounds) and on the groups' monetized rates; the yearly limits (ceilings, the credit
/// line, the 5 % line, PPP) need the whole simulation, so only then is it run. The monetized
/// targets are checked only when the move rehoused `fewer` households with money.
fn move_keeps_limits(
    plan: &Plan,
    i: usize,
    s: &Settings,
    sim: &mut Simulator,
    fewer: bool,
) -> bool {
    let p = &plan.projects[i];
    let a = &plan.assumptions;
    let window = plan.window_span();
    if !crate::document::validate::validate_project(p, a, window, i + 1).is_empty() {
        return false;
    }
    let yearly = s.burden_ceiling.is_some()
        || s.debt_ceiling.is_some()
        || s.credit_line.is_some()
        || s.ppp_tier
        || p.financing.ppp > 0.0;
    if yearly {
        return feasible_with(sim, plan, s);
    }
    let r = simulate(a, std::slice::from_ref(p), plan.first_year);
    let local_misses = findings(a, &r).into_iter().any(|f| {
        f.severity == Severity::Miss
            && matches!(f.subject, crate::calc::rules::Subject::Project { .. })
    }) || !covered(&r.projects[0], s.bond_coverage(a.bond_balance_threshold));
    let mix_ok = mix_within_bounds(p, s);
    let stock_ok = s
        .housing_stock
        .iter()
        .all(|(d, n)| d != &p.district || stock_within(&plan.projects, d, *n))
        && crate::analysis::housing::within_stock(plan, Some(&p.district));
    if local_misses || !mix_ok || !stock_ok {
        return false;
    }
    !fewer || targets_met(plan, s)
}

/// Whether every monetized target the settings hold binds is met, over the window and in each
/// planned year, straight from the mixes.
fn targets_met(plan: &Plan, s: &Settings) -> bool {
    assessed_rates(&plan.projects, &plan.assumptions, plan.first_year)
        .iter()
        .filter(|(_, m)| s.district_targets || !matches!(m.group, Group::District(_)))
        .all(|(_, m)| m.meets_target())
}

/// The coverage rows (one per bond-financed project) as one limit: what a tenth more of the
/// coverage would cost, each row's dual times how far its right-hand side BOND_BALANCE / c
/// moves when c rises by 0.1.
fn coverage_binding(prices: &Priced, coverage: f64) -> Option<Binding> {
    let moved = BOND_BALANCE / coverage - BOND_BALANCE / (coverage + 0.1);
    let rows = prices.iter().filter(|(l, ..)| *l == Limit::BondCoverage);
    let price: f64 = rows.map(|(_, dual, _)| dual.min(PENALTY) * moved).sum();
    (price > 0.0).then_some(Binding {
        limit: Limit::BondCoverage,
        price,
        per: Unit::CoverageTenth,
        relaxed: 0.0,
    })
}

/// A row's dual in the planner's units: a target per percentage point of its households, the
/// others per 万元 (or per household of housing stock).
fn binding(limit: Limit, dual: f64, slack: f64) -> Binding {
    match &limit {
        // Target rows are in shares of the group's households.
        Limit::Target(_) | Limit::YearTarget(..) | Limit::InKindFloor => Binding {
            price: dual.min(PENALTY) / 100.0,
            per: Unit::PercentagePoint,
            relaxed: slack * 100.0,
            limit,
        },
        Limit::HousingStock(_) => Binding {
            price: dual.min(PENALTY),
            per: Unit::Households,
            relaxed: slack,
            limit,
        },
        Limit::MarketStock(..) => Binding {
            price: dual.min(PENALTY) * 100.0,
            per: Unit::HundredHomes,
            relaxed: slack,
            limit,
        },
        _ => Binding {
            price: dual.min(PENALTY),
            per: Unit::Wan,
            relaxed: slack,
            limit,
        },
    }
}

/// The edits that make the answer from `view`: each changed project's mixes.
pub fn edits(view: &Plan, answer: &Plan) -> Vec<crate::document::edit::Edit> {
    use crate::document::edit::Edit;
    let mut out = Vec::new();
    for (p, q) in view.projects.iter().zip(&answer.projects) {
        if p.resettlement != q.resettlement {
            out.push(Edit::SetResettlement {
                project: p.id.clone(),
                mix: q.resettlement,
            });
        }
        if p.financing != q.financing {
            out.push(Edit::SetFinancing {
                project: p.id.clone(),
                mix: q.financing,
            });
        }
    }
    out
}

impl Binding {
    /// The limit and what it costs, in the planner's words.
    pub fn describe(&self, objective: Objective, lang: crate::words::i18n::Lang) -> String {
        use crate::words::i18n::{fmt_wan, Text};
        let what = match &self.limit {
            Limit::Target(_) | Limit::YearTarget(..) => {
                let (year, g) = self.limit.target().expect("a target");
                Text::LimitTarget.fill(lang, &[&crate::calc::rules::year_group_name(year, g, lang)])
            }
            Limit::PppCap(y) => Text::LimitPppCap.fill(lang, &[y]),
            Limit::PppTier(y) => Text::LimitPppTier.fill(lang, &[y]),
            Limit::CreditLine => Text::LimitCredit.tr(lang).into(),
            Limit::BurdenCeiling(y) => Text::LimitBurden.fill(lang, &[y]),
            Limit::DebtCeiling(y) => Text::LimitDebt.fill(lang, &[y]),
            Limit::HousingStock(d) => Text::LimitStock.fill(lang, &[d]),
            Limit::MarketStock(y, d) => Text::LimitMarketStock.fill(lang, &[y, d]),
            Limit::InKindFloor => Text::LimitFloor.tr(lang).into(),
            Limit::BondCoverage => Text::LimitBondCoverage.tr(lang).into(),
        };
        let goal = objective.label().tr(lang);
        let unit = match self.per {
            Unit::PercentagePoint => Text::PerPoint,
            Unit::Wan => Text::PerWan,
            Unit::Households => Text::PerHousehold,
            Unit::CoverageTenth => Text::PerCoverageTenth,
            Unit::HundredHomes => Text::PerHundredHomes,
        }
        .tr(lang);
        if self.relaxed > 1e-6 {
            let by = match self.per {
                Unit::PercentagePoint => {
                    let points = crate::words::display::fixed(self.relaxed, 2);
                    format!("{points} {}", Text::PercentagePoints.tr(lang))
                }
                Unit::Households | Unit::HundredHomes => format!(
                    "{}{}",
                    crate::words::display::fixed(self.relaxed, 0),
                    Text::Households.tr(lang)
                ),
                _ => format!("{} {}", fmt_wan(self.relaxed), Text::Wan.tr(lang)),
            };
            Text::LimitRelaxed.fill(lang, &[&what, &by])
        } else if self.per == Unit::HundredHomes {
            Text::StockLimitPrice.fill(lang, &[&what, &goal, &fmt_wan(self.price)])
        } else if let Some((year, g)) = self.limit.target() {
            let group = crate::calc::rules::year_group_name(year, g, lang);
            Text::TargetPrice.fill(lang, &[&group, &goal, &fmt_wan(self.price)])
        } else {
            Text::LimitPrice.fill(lang, &[&what, &unit, &goal, &fmt_wan(self.price)])
        }
    }
}

/// The name an answer for `objective` takes ("最优方案（财政负担现值最小）").
pub fn answer_name(objective: Objective, lang: crate::words::i18n::Lang) -> String {
    crate::words::i18n::Text::OptimumName.fill(lang, &[&objective.label().tr(lang)])
}

/// The scenario of `doc` an answer named `name` replaces, and its place.
fn earlier<'d>(doc: &'d Plan, name: &str) -> Option<(usize, &'d crate::document::edit::Scenario)> {
    doc.scenarios
        .iter()
        .enumerate()
        .find(|(_, s)| s.name == name && !s.forecast)
}

/// The name of the scenario of `doc` that running for its objective now would replace.
pub fn replaced(doc: &Plan, lang: crate::words::i18n::Lang) -> Option<String> {
    let name = answer_name(doc.optimize.objective, lang);
    earlier(doc, &name).map(|_| name)
}

/// The step that puts answer `sc` into `doc`, and the id it has there: a new scenario, or —
/// when one of the same name is there (the optimizer run again with the same objective) — that
/// one replaced in its place and under its id, so running again never adds a second one.
pub fn answer_step(
    doc: &Plan,
    mut sc: crate::document::edit::Scenario,
) -> (crate::document::edit::Edit, String) {
    use crate::document::edit::{BatchKind, Edit};
    match earlier(doc, &sc.name) {
        Some((index, old)) => {
            sc.id = old.id.clone();
            let id = sc.id.clone();
            let step = Edit::Batch {
                kind: BatchKind::Changes,
                edits: vec![
                    Edit::DeleteScenario {
                        scenario: old.id.clone(),
                    },
                    Edit::AddScenario {
                        index,
                        scenario: Box::new(sc),
                    },
                ],
            };
            (step, id)
        }
        None => {
            let id = sc.id.clone();
            let step = Edit::AddScenario {
                index: usize::MAX,
                scenario: Box::new(sc),
            };
            (step, id)
        }
    }
}

/// The answer as a scenario of `doc` (after the edits of `inherited`, the scenario it was made
/// from), named "最优方案（…最小）" with an id no scenario has.
pub fn scenario(
    doc: &Plan,
    inherited: Option<&crate::document::edit::Scenario>,
    view: &Plan,
    answer: &Answer,
    s: &Settings,
    lang: crate::words::i18n::Lang,
) -> crate::document::edit::Scenario {
    let own = edits(view, &answer.plan);
    scenario_of(doc, inherited, own, (answer.before, answer.after), s, lang)
}

/// The scenario of an answer given by its edits (what the worker sends back: the edits, not
/// the whole plan) and its objective before and after.
pub fn scenario_of(
    doc: &Plan,
    inherited: Option<&crate::document::edit::Scenario>,
    own: Vec<crate::document::edit::Edit>,
    (before, after): (f64, f64),
    s: &Settings,
    lang: crate::words::i18n::Lang,
) -> crate::document::edit::Scenario {
    use crate::words::i18n::Text;
    let mut edits = inherited.map_or_else(Vec::new, |sc| sc.edits.clone());
    edits.extend(own);
    crate::document::edit::Scenario {
        id: doc.next_scenario_id(),
        forecast: false,
        gated: inherited.and_then(|sc| sc.gated),
        name: answer_name(s.objective, lang),
        note: Text::OptimumNote.fill(
            lang,
            &[
                &crate::words::i18n::fmt_wan(before),
                &crate::words::i18n::fmt_wan(after),
            ],
        ),
        edits,
    }
}
