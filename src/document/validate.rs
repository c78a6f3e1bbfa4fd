//! Validation of a plan: every problem at once, as structured values, each field checked against
//! its declaration in `fields` and named by its label in messages.

use serde::Serialize;

pub use crate::calc::fields::Problem;
use crate::calc::fields::{AssumptionKey, Bounds, IncomePart, PppInput, ProjectField};
use crate::calc::finance::ppp::RiskCost;
use crate::calc::model::{
    Assumptions, CostDriver, Instrument, Project, ProjectId, ResettlementWay,
};
use crate::document::plan::Plan;
use crate::words::i18n::{fmt_pct, Lang, Text};

/// Which field a problem is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Project(ProjectField),
    Resettlement,
    Financing,
    CapitalFund,
    LoanTerm,
    Cost(CostDriver),
    Assumption(AssumptionKey),
    /// The project's id (duplicates).
    Id,
    /// Scenario names, ids.
    Scenario,
    /// A driver's risk range, or (`None`) the run's draws and ceiling.
    Risk(Option<crate::document::risk_settings::RiskDriver>),
    Optimize(crate::document::optimize_settings::Setting),
    /// One of a PPP project's own spending inputs.
    Ppp(crate::calc::fields::PppInput),
    /// A project income stream of this kind.
    Income(crate::calc::model::IncomeKind),
    /// A weight of the ranking's composite score (`None`: the weights as a whole).
    Weight(Option<crate::calc::progress::ProgressRate>),
    /// The plan's window (its years).
    Window,
    /// A project's forecast schedule.
    Forecast,
    /// One of a project's milestones (前期手续).
    Milestone(crate::calc::readiness::Milestone),
    /// The share of surveyed households opposed.
    Opposition,
    /// 预签约率.
    Presigned,
    /// A gate's threshold (coverage, rates) of a source of money.
    Gate(crate::calc::model::Instrument),
    /// One of the plan's deadlines.
    Deadline,
    /// A row of the housing stock (房源库).
    Housing(crate::calc::housing::StockRow),
    /// A part of the voucher scheme (房票).
    Voucher(crate::calc::voucher::VoucherField),
    /// A line of the 考核办法 (from 1), or (0) its grade bands.
    Assessment(usize),
    /// A figure of a month's progress.
    Progress(
        crate::calc::model::Month,
        crate::calc::progress::ProgressField,
    ),
}

impl Field {
    pub fn label(self) -> Text {
        match self {
            Field::Project(f) => f.label(),
            Field::Resettlement => Text::FieldResettlement,
            Field::Financing => Text::FieldFinancing,
            Field::CapitalFund => Text::FieldCapitalFund,
            Field::LoanTerm => Text::FieldLoanTerm,
            Field::Cost(d) => d.label(),
            Field::Assumption(k) => k.label(),
            Field::Id => Text::FieldId,
            Field::Scenario => Text::Scenario,
            Field::Risk(Some(d)) => d.label(),
            Field::Risk(None) => Text::RiskSettingsLabel,
            Field::Optimize(s) => s.label(),
            Field::Ppp(i) => i.label(),
            Field::Income(k) => k.label(),
            Field::Progress(..) => Text::ProgressTitle,
            Field::Weight(Some(r)) => r.label(),
            Field::Weight(None) => Text::RankingWeights,
            Field::Window => Text::FieldWindow,
            Field::Forecast => Text::FieldForecast,
            Field::Milestone(m) => m.label(),
            Field::Opposition => Text::FieldOpposition,
            Field::Presigned => Text::FieldPresigned,
            Field::Gate(i) => i.label(),
            Field::Deadline => Text::FieldDeadline,
            Field::Housing(_) => Text::FieldHousing,
            Field::Voucher(v) => v.part.label(),
            Field::Assessment(_) => Text::FieldAssessment,
        }
    }

    /// The field as a message names it: "2027年3月 签约户数" for a month's figure.
    pub fn name(self, lang: Lang) -> String {
        match self {
            Field::Progress(month, f) => format!("{} {}", month.label(lang), f.name(lang)),
            Field::Weight(Some(r)) => Text::WeightOf.fill(lang, &[&r.label().tr(lang)]),
            Field::Housing(row) => {
                use crate::calc::housing::StockRow;
                let (what, n) = match row {
                    StockRow::Listing(n) => (Text::StockListings, n),
                    StockRow::Offer(n) => (Text::StockOffers, n),
                    StockRow::Sales(n) => (Text::StockSales, n),
                };
                Text::StockRowName.fill(lang, &[&what.tr(lang), &n])
            }
            Field::Assessment(n) if n > 0 => Text::AssessmentRowName.fill(lang, &[&n]),
            Field::Voucher(v) if v.row > 0 => {
                Text::VoucherRowName.fill(lang, &[&v.part.label().tr(lang), &v.row])
            }
            _ => self.label().tr(lang).to_string(),
        }
    }

    /// Percent fields show their values ×100 in messages.
    fn percent(self) -> bool {
        match self {
            Field::Cost(d) => d.unit() == crate::calc::fields::Unit::Percent,
            Field::Assumption(k) => k.unit() == crate::calc::fields::Unit::Percent,
            Field::Voucher(v) => v.percent,
            Field::Resettlement
            | Field::Financing
            | Field::CapitalFund
            | Field::Opposition
            | Field::Presigned => true,
            Field::Risk(d) => d.is_some(),
            Field::Optimize(s) => s.percent(),
            Field::Ppp(i) => i.unit() == crate::calc::fields::Unit::Percent,
            _ => false,
        }
    }
}

/// Where a problem is: a project (by id, name and its row in the list) or the plan itself.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    pub id: ProjectId,
    pub name: String,
    /// 1-based position in the project list.
    pub row: usize,
}

/// One problem: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Issue {
    /// `None` for city-wide assumptions.
    pub project: Option<Place>,
    pub field: Field,
    pub problem: Problem,
}

/// A number as a message shows it: no float noise, percentages ×100.
pub fn show_value(v: f64, percent: bool) -> String {
    let v = if percent { v * 100.0 } else { v };
    // A hostile 1e300 is shown as such, not as three hundred digits.
    if v.abs() >= 1e15 {
        return format!("{v:e}{}", if percent { " %" } else { "" });
    }
    let s = crate::words::display::plain_number(v, 4);
    if percent {
        format!("{s} %")
    } else {
        s
    }
}

impl Problem {
    /// What is wrong, as one catalogue entry filled with its values.
    pub fn describe(&self, percent: bool, lang: Lang) -> String {
        let v = |x: f64| show_value(x, percent);
        match self {
            Problem::NotFinite => Text::ErrNotFinite.tr(lang).into(),
            Problem::Empty => Text::ErrEmpty.tr(lang).into(),
            Problem::TooLong { length, max } => Text::ErrTooLong.fill(lang, &[length, max]),
            Problem::OutOfRange { value, min, max } => {
                Text::ErrOutOfRange.fill(lang, &[&v(*value), &v(*min), &v(*max)])
            }
            Problem::NotWhole { value } => Text::ErrNotWhole.fill(lang, &[&v(*value)]),
            Problem::SharesSum { sum } => Text::ErrSum.fill(lang, &[&fmt_pct(*sum)]),
            Problem::GraceNotShorter { grace, term } => Text::ErrGrace.fill(lang, &[grace, term]),
            Problem::CapitalFundBelow { share, min } => {
                Text::ErrCapitalMin.fill(lang, &[&fmt_pct(*share), &fmt_pct(*min)])
            }
            Problem::YearOutside { year, first, last } => {
                Text::ErrYearOutside.fill(lang, &[year, first, last])
            }
            Problem::BudgetNeededForPpp => Text::ErrBudgetForPpp.tr(lang).into(),
            Problem::LandWithoutYears => Text::ErrLandWithoutYears.tr(lang).into(),
            Problem::IncomeTwice => Text::ErrIncomeTwice.tr(lang).into(),
            Problem::MonthOrder => Text::ErrMonthOrder.tr(lang).into(),
            Problem::MonthOutside { first, last } => {
                Text::ErrMonthOutside.fill(lang, &[first, last])
            }
            Problem::NoWeight => Text::ErrNoWeight.tr(lang).into(),
            Problem::AbovePlan { value, limit } => {
                Text::ErrAbovePlan.fill(lang, &[&v(*value), &v(*limit)])
            }
            Problem::BelowLastMonth { value, before } => {
                Text::ErrBelowLastMonth.fill(lang, &[&v(*value), &v(*before)])
            }
            Problem::DuplicateId => Text::ErrDuplicateId.tr(lang).into(),
            Problem::NoSuchItem { id } => Text::ErrNoSuchItem.fill(lang, &[id]),
            Problem::BeforeStep { step } => {
                Text::ErrBeforeStep.fill(lang, &[&step_label(step, lang)])
            }
            Problem::DoneBeforeStep { step } => {
                Text::ErrDoneBeforeStep.fill(lang, &[&step_label(step, lang)])
            }
            Problem::NumberForm { number_and_example } => {
                let (number, example) = &**number_and_example;
                Text::ErrNumberForm.fill(lang, &[number, example])
            }
            Problem::InFuture { date } => Text::ErrInFuture.fill(lang, &[date]),
            Problem::RangeOrder { low, mode, high } => {
                Text::ErrRangeOrder.fill(lang, &[&v(*low), &v(*mode), &v(*high)])
            }
        }
    }
}

/// A milestone named by its key, as a message names it.
fn step_label(key: &str, lang: Lang) -> String {
    crate::calc::readiness::Milestone::parse(key)
        .map_or_else(|| key.to_string(), |m| m.label().tr(lang).to_string())
}

impl Place {
    /// The project as a message names it: its name, or its row and id when it has none (or
    /// one too long to repeat).
    pub fn describe(&self, lang: Lang) -> String {
        let name_max = crate::calc::fields::PROJECT_NAME_MAX;
        if self.name.trim().is_empty() || self.name.chars().count() > name_max {
            Text::UnnamedProject.fill(lang, &[&self.row, &self.id])
        } else {
            self.name.clone()
        }
    }
}

impl Issue {
    /// "黄沙桥片区：征收户数 -5 应在 0 至 1000000 之间"
    pub fn message(&self, lang: Lang) -> String {
        let what = self.problem.describe(self.field.percent(), lang);
        let field = self.field.name(lang);
        match &self.project {
            Some(p) => Text::IssueInProject.fill(lang, &[&p.describe(lang), &field, &what]),
            // A row of the stock names itself (房源库「房源」第 3 行), not a city-wide setting.
            None if matches!(self.field, Field::Housing(_)) => {
                Text::IssueInStock.fill(lang, &[&field, &what])
            }
            None => Text::IssueInPlan.fill(lang, &[&field, &what]),
        }
    }
}

const SHARE_TOLERANCE: f64 = 1e-6;

struct Checker {
    project: Option<Place>,
    out: Vec<Issue>,
}

impl Checker {
    /// A checker of project `p`, the `row`-th of the list.
    fn of_project(p: &Project, row: usize) -> Self {
        Checker {
            project: Some(Place {
                id: p.id.clone(),
                name: p.name.clone(),
                row,
            }),
            out: Vec::new(),
        }
    }

    fn push(&mut self, field: Field, problem: Problem) {
        self.out.push(Issue {
            project: self.project.clone(),
            field,
            problem,
        });
    }

    fn bounded(&mut self, field: Field, bounds: Bounds, v: f64) {
        if let Some(p) = bounds.check(v) {
            self.push(field, p);
        }
    }

    /// Shares each within [0, 1] and summing to 1.
    fn shares(&mut self, field: Field, shares: &[f64]) {
        let range = Bounds::new(-SHARE_TOLERANCE, 1.0 + SHARE_TOLERANCE);
        if let Some(p) = shares.iter().find_map(|&s| range.check(s)) {
            let p = match p {
                Problem::OutOfRange { value, .. } => Problem::OutOfRange {
                    value,
                    min: 0.0,
                    max: 1.0,
                },
                p => p,
            };
            return self.push(field, p);
        }
        let sum: f64 = shares.iter().sum();
        if (sum - 1.0).abs() > SHARE_TOLERANCE {
            self.push(field, Problem::SharesSum { sum });
        }
    }
}

/// Does any project of `projects` raise money through PPP?
fn plans_ppp(projects: &[Project]) -> bool {
    projects.iter().any(|p| p.financing.ppp > 0.0)
}

pub fn validate_assumptions(a: &Assumptions, projects: &[Project]) -> Vec<Issue> {
    let mut c = Checker {
        project: None,
        out: Vec::new(),
    };
    for &k in AssumptionKey::ALL {
        c.bounded(Field::Assumption(k), k.bounds(), k.get(a));
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
    // A PPP share of a zero budget does not exist: every cap check would be meaningless.
    if a.budget_expenditure <= 0.0 && (plans_ppp(projects) || a.other_ppp_spending > 0.0) {
        c.push(
            Field::Assumption(AssumptionKey::BudgetExpenditure),
            Problem::BudgetNeededForPpp,
        );
    }
    for &d in CostDriver::ALL {
        c.bounded(Field::Cost(d), d.bounds(), d.get(&a.costs));
    }
    c.out
}

/// A forecast's delays: whole months, at most 20 years.
const MAX_DELAY: crate::calc::measure::Bounds = crate::calc::measure::Bounds::whole(0.0, 240.0);

/// The years a project may be planned in: a project carried into a rolled window (it has a
/// forecast) keeps its year before the window.
fn project_window(p: &Project, window: (i32, i32)) -> (i32, i32) {
    if p.is_carried(window.0) {
        (p.year, window.1)
    } else {
        window
    }
}

fn forecast_checks(c: &mut Checker, p: &Project) {
    if let Some(f) = p.forecast {
        for delay in [f.signing_delay, f.construction_delay] {
            if let Some(problem) = MAX_DELAY.check(f64::from(delay)) {
                c.push(Field::Forecast, problem);
            }
        }
    }
}

/// The problems a project's forecast can bring: its delays, and its year against the window
/// (which a forecast widens for a carried project).
pub fn forecast_issues(p: &Project, window: (i32, i32), row: usize) -> Vec<Issue> {
    let mut c = Checker::of_project(p, row);
    forecast_checks(&mut c, p);
    let year = ProjectField::Year;
    if let Some(problem) = year.check(&year.get(p), project_window(p, window)) {
        c.push(Field::Project(year), problem);
    }
    c.out
}

/// Problems of one project; `row` is its 1-based position in the list.
pub fn validate_project(
    p: &Project,
    a: &Assumptions,
    window: (i32, i32),
    row: usize,
) -> Vec<Issue> {
    let mut c = Checker::of_project(p, row);
    let window = project_window(p, window);
    forecast_checks(&mut c, p);
    for &f in ProjectField::ALL {
        let land = matches!(
            f,
            ProjectField::LandAmount | ProjectField::LandStart | ProjectField::LandYears
        );
        if land && p.land_revenue.is_none() {
            continue;
        }
        if let Some(problem) = f.check(&f.get(p), window) {
            c.push(Field::Project(f), problem);
        }
    }
    // An amount sold over 0 years is never received: refused, not dropped without a word.
    if p.land_revenue
        .is_some_and(|l| l.amount > 0.0 && l.years == 0)
    {
        c.push(
            Field::Project(ProjectField::LandYears),
            Problem::LandWithoutYears,
        );
    }
    c.shares(
        Field::Resettlement,
        &ResettlementWay::ALL
            .iter()
            .map(|w| w.get(&p.resettlement))
            .collect::<Vec<_>>(),
    );
    c.shares(
        Field::Financing,
        &Instrument::ALL
            .iter()
            .map(|i| i.get(&p.financing))
            .collect::<Vec<_>>(),
    );
    let capital = p.financing.capital_fund;
    if capital.is_finite() && capital + SHARE_TOLERANCE < a.min_capital_fund {
        c.push(
            Field::CapitalFund,
            Problem::CapitalFundBelow {
                share: capital,
                min: a.min_capital_fund,
            },
        );
    }
    for &d in CostDriver::ALL {
        if let Some(v) = d.get_override(&p.costs) {
            c.bounded(Field::Cost(d), d.bounds(), v);
        }
    }
    for &i in PppInput::ALL {
        if let Some(v) = i.get(&p.ppp) {
            c.bounded(Field::Ppp(i), i.bounds(), v);
        }
    }
    for (k, stream) in p.income.iter().enumerate() {
        let field = Field::Income(stream.kind);
        for part in IncomePart::ALL {
            c.bounded(field, part.bounds(), part.get(stream));
        }
        if p.income[..k].iter().any(|s| s.kind == stream.kind) {
            c.push(field, Problem::IncomeTwice);
        }
    }
    check_progress(p, window, &mut c);
    readiness_checks(p, &mut c);
    if matches!(p.ppp.risk, Some(RiskCost::Scenarios { .. })) {
        let probabilities = PppInput::PROBABILITIES.map(|i| i.get(&p.ppp).unwrap_or(0.0));
        c.shares(Field::Ppp(PppInput::RiskPBase), &probabilities);
    }
    c.out
}

/// The longest document number and milestone note kept (a pasted page is refused, named).
pub const MILESTONE_NUMBER_MAX: usize = 60;
pub const MILESTONE_NOTE_MAX: usize = 2_000;

/// A project's milestones: each dated no earlier than those it comes after (planned against
/// planned, actual against actual), none done before those it comes after are, each number of
/// its milestone's form, texts bounded; the shares its gates read within 0–100 %.
fn readiness_checks(p: &Project, c: &mut Checker) {
    let r = &p.readiness;
    for (&m, rec) in &r.milestones {
        let field = Field::Milestone(m);
        for &a in m.after() {
            let before = r.record(a);
            let step = a.key().to_string();
            let pairs = [
                (rec.planned, before.and_then(|b| b.planned)),
                (rec.actual, before.and_then(|b| b.actual)),
            ];
            if pairs
                .iter()
                .any(|&(d, b)| matches!((d, b), (Some(d), Some(b)) if d < b))
            {
                c.push(field, Problem::BeforeStep { step: step.clone() });
            } else if rec.actual.is_some() && before.and_then(|b| b.actual).is_none() {
                c.push(field, Problem::DoneBeforeStep { step });
            }
        }
        let number = rec.number.trim();
        let long = |s: &str, max: usize| {
            let length = s.chars().count();
            (length > max).then_some(Problem::TooLong { length, max })
        };
        if let Some(p) = long(number, MILESTONE_NUMBER_MAX).or(long(&rec.note, MILESTONE_NOTE_MAX))
        {
            c.push(field, p);
        } else if !number.is_empty() && !m.number_kind().accepts(number) {
            c.push(
                field,
                Problem::NumberForm {
                    number_and_example: Box::new((
                        number.to_string(),
                        m.number_kind().example().to_string(),
                    )),
                },
            );
        }
    }
    if let Some(v) = r.opposition {
        c.bounded(Field::Opposition, Bounds::SHARE, v);
    }
    if let Some(v) = r.presigned {
        c.bounded(Field::Presigned, Bounds::SHARE, v);
    }
}

/// Actual dates after `today` (a county's file, a date typed): refused where today is known.
pub fn future_actuals(p: &Project, today: crate::calc::readiness::Day, row: usize) -> Vec<Issue> {
    let mut c = Checker::of_project(p, row);
    for (&m, rec) in &p.readiness.milestones {
        if let Some(d) = rec.actual.filter(|&d| d > today) {
            c.push(Field::Milestone(m), Problem::InFuture { date: d.key() });
        }
    }
    c.out
}

/// The plan's deadlines: each named, within its length.
pub fn deadline_issues(deadlines: &[crate::calc::readiness::Deadline]) -> Vec<Issue> {
    let max = crate::calc::readiness::DEADLINE_LABEL_MAX;
    deadlines
        .iter()
        .filter_map(|d| {
            let length = d.label.chars().count();
            let problem = if d.label.trim().is_empty() {
                Problem::Empty
            } else if length > max {
                Problem::TooLong { length, max }
            } else {
                return None;
            };
            Some(Issue {
                project: None,
                field: Field::Deadline,
                problem,
            })
        })
        .collect()
}

/// The housing stock: each row's figures within bounds, names given, one sales figure per
/// district.
pub fn housing_issues(stock: &crate::calc::housing::HousingStock) -> Vec<Issue> {
    stock
        .problems()
        .into_iter()
        .map(|(row, problem)| Issue {
            project: None,
            field: Field::Housing(row),
            problem,
        })
        .collect()
}

/// A plan's gates: thresholds within their bounds, at most one gate per source.
pub fn gate_issues(gates: &crate::calc::readiness::Gates) -> Vec<Issue> {
    let mut c = Checker {
        project: None,
        out: Vec::new(),
    };
    for (k, g) in gates.gates.iter().enumerate() {
        let field = Field::Gate(g.instrument);
        if let Some(v) = g.min_coverage {
            c.bounded(field, Bounds::new(0.0, 10.0), v);
        }
        for v in [g.min_monetized, g.min_presigned].into_iter().flatten() {
            c.bounded(field, Bounds::SHARE, v);
        }
        if gates.gates[..k]
            .iter()
            .any(|o| o.instrument == g.instrument)
        {
            c.push(field, Problem::DuplicateId);
        }
    }
    c.out
}

/// A project's monthly figures: each within its bounds, never below the month before without
/// a correction note, one record per month in month order. (Above the plan is checked when the
/// figures are entered, `progress_above_plan`: a plan changed later does not make them wrong.)
fn check_progress(p: &Project, window: (i32, i32), c: &mut Checker) {
    use crate::calc::progress::ProgressField;
    let mut before: Option<&crate::calc::model::MonthlyProgress> = None;
    for r in &p.progress.months {
        // Reported within the project's years in the plan (a carried project's from its own).
        if !(window.0..=window.1).contains(&r.month.year) {
            c.push(
                Field::Progress(r.month, ProgressField::Signed),
                Problem::MonthOutside {
                    first: window.0,
                    last: window.1,
                },
            );
        }
        if before.is_some_and(|b| b.month >= r.month) {
            c.push(
                Field::Progress(r.month, ProgressField::Signed),
                Problem::MonthOrder,
            );
        }
        for f in ProgressField::all() {
            let field = Field::Progress(r.month, f);
            let v = f.get(r);
            if let Some(problem) = f.bounds().check(v) {
                c.push(field, problem);
                continue;
            }
            if let Some(was) = before.map(|b| f.get(b)) {
                if v < was - 1e-6 && r.correction.trim().is_empty() {
                    c.push(
                        field,
                        Problem::BelowLastMonth {
                            value: v,
                            before: was,
                        },
                    );
                }
            }
        }
        before = Some(r);
    }
}

/// The monthly figures of project `p` (row `row`) above what its plan allows, each without a
/// reason: households, the households of a way, its in-kind flats, its investment, and flats
/// completed above flats started. For a project without problems of its own (`validate_project`,
/// which the caller has run: its plan's limits mean nothing otherwise); read only when the
/// cost drivers it resolves to hold (a hostile city-wide construction period would make its
/// costs meaningless, and large).
pub fn progress_above_plan(p: &Project, a: &Assumptions, row: usize) -> Vec<Issue> {
    use crate::calc::progress::ProgressField;
    let resolved = p.costs.resolve(&a.costs);
    let costs_hold = CostDriver::ALL
        .iter()
        .all(|d| d.bounds().check(d.get(&resolved)).is_none());
    if p.progress.months.is_empty() || !costs_hold {
        return Vec::new();
    }
    let costs = crate::calc::costs::project_costs(p, a);
    let mut c = Checker::of_project(p, row);
    for r in p
        .progress
        .months
        .iter()
        .filter(|r| r.reason.trim().is_empty())
    {
        for f in ProgressField::all() {
            let (v, limit) = (f.get(r), f.plan_limit(p, &costs, r));
            if v > limit + 1e-6 {
                c.push(
                    Field::Progress(r.month, f),
                    Problem::AbovePlan { value: v, limit },
                );
            }
        }
    }
    c.out
}

/// Problems of every project, with duplicate ids.
fn validate_projects(projects: &[Project], a: &Assumptions, window: (i32, i32)) -> Vec<Issue> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, p) in projects.iter().enumerate() {
        if !seen.insert(p.id.as_str()) {
            out.push(Issue {
                project: Some(Place {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    row: i + 1,
                }),
                field: Field::Id,
                problem: Problem::DuplicateId,
            });
        }
        out.extend(validate_project(p, a, window, i + 1));
    }
    out
}

/// Every problem in the base plan (assumptions, each project). A scenario's edits are checked
/// as they are made and again whenever it is resolved: one that no longer applies is stale,
/// shown and skipped, never a problem of the plan.
pub fn validate(plan: &Plan) -> Vec<Issue> {
    let window = plan.window_span();
    let mut out = Vec::new();
    // A file may say any length; the plan's window is two years or three (as SetWindow holds).
    if !crate::document::plan::WINDOW_YEARS.contains(&plan.window_years) {
        out.push(Issue {
            project: None,
            field: Field::Window,
            problem: Problem::OutOfRange {
                value: f64::from(plan.window_years),
                min: 2.0,
                max: 3.0,
            },
        });
    }
    out.extend(validate_assumptions(&plan.assumptions, &plan.projects));
    out.extend(validate_projects(&plan.projects, &plan.assumptions, window));
    out.extend(risk_issues(&plan.risk));
    out.extend(optimize_issues(&plan.optimize));
    out.extend(gate_issues(&plan.gates));
    out.extend(deadline_issues(&plan.deadlines));
    out.extend(housing_issues(&plan.housing));
    out.extend(voucher_issues(&plan.assumptions.vouchers));
    out.extend(assessment_issues(&plan.assessment));
    out
}

/// The 考核办法's problems: each line's weight within 0–100 and its target within 0–200 %, its
/// section named; the bands within 0–100.
pub fn assessment_issues(scheme: &crate::calc::assessment::Scheme) -> Vec<Issue> {
    scheme
        .problems()
        .into_iter()
        .map(|(n, problem)| Issue {
            project: None,
            field: Field::Assessment(n),
            problem,
        })
        .collect()
}

/// The voucher scheme's problems, by tier, stage or figure.
pub fn voucher_issues(scheme: &crate::calc::voucher::VoucherScheme) -> Vec<Issue> {
    scheme
        .problems()
        .into_iter()
        .map(|(f, problem)| Issue {
            project: None,
            field: Field::Voucher(f),
            problem,
        })
        .collect()
}

/// The problems of the optimizer's settings, named by their setting.
pub fn optimize_issues(settings: &crate::document::optimize_settings::Settings) -> Vec<Issue> {
    settings
        .problems()
        .into_iter()
        .map(|(s, problem)| Issue {
            project: None,
            field: Field::Optimize(s),
            problem,
        })
        .collect()
}

/// The problems of the ranking's weights: each within 0 to 100, not all zero.
pub fn weight_issues(weights: &crate::document::reporting::RankingWeights) -> Vec<Issue> {
    let bounds = crate::calc::measure::Bounds::new(0.0, crate::document::reporting::MAX_WEIGHT);
    let issue = |field, problem| Issue {
        project: None,
        field,
        problem,
    };
    let mut out: Vec<Issue> = weights
        .0
        .iter()
        .filter_map(|(r, w)| bounds.check(*w).map(|p| issue(Field::Weight(Some(*r)), p)))
        .collect();
    if out.is_empty() && weights.0.values().all(|w| *w <= 0.0) {
        out.push(issue(Field::Weight(None), Problem::NoWeight));
    }
    out
}

/// The problems of the risk settings, named by their driver.
pub fn risk_issues(risk: &crate::document::risk_settings::RiskSettings) -> Vec<Issue> {
    risk.problems()
        .into_iter()
        .map(|(d, problem)| Issue {
            project: None,
            field: Field::Risk(d),
            problem,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::demo::demo_plan;

    #[test]
    fn the_demo_is_valid() {
        assert_eq!(validate(&demo_plan()), vec![]);
    }

    #[test]
    fn messages_name_the_project_field_and_bound() {
        let mut plan = demo_plan();
        plan.projects[2].households = 2_000_000;
        plan.projects[4].name = " ".into();
        plan.assumptions.loan.rate = 1e12;
        plan.assumptions.costs.construction_months = 1e12;
        let msgs: Vec<String> = validate(&plan)
            .iter()
            .map(|i| i.message(Lang::Zh))
            .collect();
        assert!(
            msgs.contains(&"杨峪河片区：征收户数 2000000 应在 0 至 1000000 之间".to_string()),
            "{msgs:?}"
        );
        assert!(
            msgs.contains(&"第 5 个项目（编号 p05）：项目名称 不能为空".to_string()),
            "{msgs:?}"
        );
        assert!(
            msgs.contains(&"全市参数：年利率 100000000000000 % 应在 0 % 至 30 % 之间".to_string()),
            "{msgs:?}"
        );
        assert!(
            msgs.contains(&"全市参数：签约至交房月数 1000000000000 应在 0 至 120 之间".to_string()),
            "{msgs:?}"
        );
        let en: Vec<String> = validate(&plan)
            .iter()
            .map(|i| i.message(Lang::En))
            .collect();
        assert!(
            en.iter().all(|m| !m.contains('：') && !m.contains('，')),
            "{en:?}"
        );
        assert!(
            en.contains(&"Row 5 (id p05): name must not be empty".to_string()),
            "{en:?}"
        );
    }

    /// A name fits a table cell and a paper's line; a remark a paragraph or two. A pasted page
    /// (or a hostile file's megabyte of text) is refused, naming its length and the limit.
    #[test]
    fn texts_are_bounded_by_their_declaration() {
        let mut plan = demo_plan();
        plan.projects[0].name = "长".repeat(101);
        plan.projects[1].comment = "注".repeat(2000);
        plan.projects[2].district = "区".repeat(41);
        let messages: Vec<String> = validate(&plan)
            .iter()
            .map(|i| i.message(Lang::Zh))
            .collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert_eq!(
            messages[0],
            "第 1 个项目（编号 p01）：项目名称 共 101 个字，超过 100 个字的上限"
        );
        assert!(
            messages[1].ends_with("区县 共 41 个字，超过 40 个字的上限"),
            "{messages:?}"
        );
    }

    #[test]
    fn huge_values_are_shown_short() {
        assert_eq!(show_value(1e300, false), "1e300");
        assert_eq!(show_value(0.3, true), "30 %");
        assert_eq!(show_value(-0.0, false), "0");
    }

    #[test]
    fn budget_must_be_positive_when_ppp_is_planned() {
        let mut plan = demo_plan();
        plan.assumptions.budget_expenditure = 0.0;
        assert!(validate(&plan)
            .iter()
            .any(|i| i.problem == Problem::BudgetNeededForPpp));
        plan.assumptions.other_ppp_spending = 0.0;
        for p in &mut plan.projects {
            p.financing.policy_loan += p.financing.ppp;
            p.financing.ppp = 0.0;
        }
        plan.scenarios.clear();
        assert_eq!(validate(&plan), vec![]);
    }

    #[test]
    fn budget_may_shrink_but_not_collapse() {
        let mut a = Assumptions {
            budget_growth: -0.2,
            ..Assumptions::default()
        };
        assert_eq!(validate_assumptions(&a, &[]), vec![]);
        a.budget_growth = -0.21;
        assert_eq!(validate_assumptions(&a, &[]).len(), 1);
    }
}
