//! Readiness across a plan: the gate findings (money planned before its gate can open), the
//! 前期手续 board's rows and deadlines, and the loan pipeline with its disbursement rate.

use serde::Serialize;

use crate::calc::costs::Investment;
use crate::calc::gates::{check_project, Blocker, GateCheck, GateDates, GateFigures};
use crate::calc::model::{Answering, Instrument, Month, Project, ProjectId};
use crate::calc::readiness::{Day, Milestone, MilestoneStatus, Stage};
use crate::calc::readiness::{Deadline, Gates};
use crate::calc::simulate::{ProjectResult, Results};
use crate::document::plan::Plan;
use crate::words::i18n::{Lang, Text};

/// What a gate reads of a project's simulated results.
pub fn gate_figures(r: &ProjectResult) -> GateFigures {
    GateFigures {
        land_cover: r.land_cover,
        bond_cover: r.bond_balance,
        monetized: r.monetized_rate,
    }
}

/// A source of one project's money planned before its gate can open.
#[derive(Debug, Clone, PartialEq)]
pub struct GateFinding {
    pub project: ProjectId,
    pub name: String,
    pub district: String,
    pub check: GateCheck,
}

impl GateFinding {
    /// "黄沙桥片区 — 政策性贷款：计划2027年1月起使用，「贷款合同签订」2027年4月15日，资金晚到 3 个月".
    pub fn message(&self, lang: Lang) -> String {
        Text::GateFindingLine.fill(lang, &[&self.name, &self.check.sentence(lang)])
    }
}

/// Every project's sources checked against the plan's gates, with the figures of `results`
/// (the plan's simulation): the findings, project by project in list order.
pub fn gate_findings(plan: &Plan, results: &Results, dates: GateDates) -> Vec<GateFinding> {
    project_checks(plan, results, dates)
        .flat_map(|(p, checks)| {
            checks
                .into_iter()
                .filter(GateCheck::is_finding)
                .map(move |check| GateFinding {
                    project: p.id.clone(),
                    name: p.name.clone(),
                    district: p.district.clone(),
                    check,
                })
        })
        .collect()
}

/// Each project with its sources' gate checks.
pub fn project_checks<'a>(
    plan: &'a Plan,
    results: &'a Results,
    dates: GateDates,
) -> impl Iterator<Item = (&'a Project, Vec<GateCheck>)> + 'a {
    let by_id = results_by_id(results);
    plan.projects.iter().map(move |p| {
        let figures = by_id
            .get(p.id.as_str())
            .map(|r| gate_figures(r))
            .unwrap_or_default();
        let as_of = p.forecast.map(|f| f.as_of);
        (p, check_project(p, &plan.gates, &figures, dates, as_of))
    })
}

/// The milestones that apply to a project: every approval, and the steps of each source of
/// money it draws on.
pub fn applies(p: &Project, m: Milestone) -> bool {
    match m.stage() {
        Stage::Approval => true,
        Stage::Money(i) => i.get(&p.financing) > 0.0,
    }
}

/// One project's row of the board on a day.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardRow {
    pub index: usize,
    /// Each milestone's status (`None` where it does not apply).
    pub statuses: Vec<Option<MilestoneStatus>>,
}

/// The board on `today`: one row per project, one status per milestone of `Milestone::ALL`.
pub fn board(plan: &Plan, today: Day) -> Vec<BoardRow> {
    plan.projects
        .iter()
        .enumerate()
        .map(|(index, p)| BoardRow {
            index,
            statuses: Milestone::ALL
                .iter()
                .map(|&m| applies(p, m).then(|| MilestoneStatus::of(p.readiness.record(m), today)))
                .collect(),
        })
        .collect()
}

/// How many rows' milestones are in each status (done, due, late, not started), for a
/// summary line.
pub fn status_counts(rows: &[BoardRow]) -> [usize; 4] {
    let mut n = [0; 4];
    for s in rows.iter().flat_map(|r| r.statuses.iter().flatten()) {
        n[*s as usize] += 1;
    }
    n
}

/// A deadline of the plan on a day: how many projects it applies to, how many met it.
#[derive(Debug, Clone, PartialEq)]
pub struct DeadlineState {
    pub deadline: Deadline,
    /// Projects whose milestone is done by the deadline (of `applies`).
    pub met: usize,
    pub applies: usize,
    /// Days left (negative: past).
    pub days_left: i64,
}

pub fn deadlines(plan: &Plan, today: Day) -> Vec<DeadlineState> {
    plan.deadlines
        .iter()
        .map(|d| {
            let projects = plan
                .projects
                .iter()
                .filter(|p| d.milestone.is_some_and(|m| applies(p, m)));
            let (mut met, mut applies) = (0, 0);
            for p in projects {
                applies += 1;
                let m = d.milestone.expect("filtered on a milestone");
                if p.readiness.done(m).is_some_and(|a| a <= d.day) {
                    met += 1;
                }
            }
            DeadlineState {
                deadline: d.clone(),
                met,
                applies,
                days_left: d.day.days_since(today),
            }
        })
        .collect()
}

/// A step of the loan pipeline: projects whose furthest loan milestone reached by a day is
/// this one (`None`: not yet applied), and their loans.
#[derive(Debug, Clone, PartialEq)]
pub struct PipelineStep {
    pub step: Option<Milestone>,
    pub projects: usize,
    /// The projects' policy loans, 万元 (investment × loan share).
    pub amount: f64,
}

/// A project's policy loan, 万元: its investment (`total`) times the loan's share.
pub fn loan_amount(p: &Project, total: &Investment) -> f64 {
    total.total() * p.financing.policy_loan
}

/// The loan pipeline on `today`: every project with a policy loan at its furthest step done.
pub fn loan_pipeline(plan: &Plan, results: &Results, today: Day) -> Vec<PipelineStep> {
    let steps: Vec<Milestone> = Milestone::of_source(Instrument::PolicyLoan).collect();
    let mut out: Vec<PipelineStep> = std::iter::once(None)
        .chain(steps.iter().copied().map(Some))
        .map(|step| PipelineStep {
            step,
            projects: 0,
            amount: 0.0,
        })
        .collect();
    for (p, r) in with_results(plan, results) {
        if p.financing.policy_loan <= 0.0 {
            continue;
        }
        let reached = steps
            .iter()
            .rposition(|&m| p.readiness.done(m).is_some_and(|d| d <= today))
            .map_or(0, |k| k + 1);
        out[reached].projects += 1;
        out[reached].amount += loan_amount(p, &r.investment);
    }
    out
}

fn with_results<'a>(
    plan: &'a Plan,
    results: &'a Results,
) -> impl Iterator<Item = (&'a Project, &'a ProjectResult)> + 'a {
    let by_id = results_by_id(results);
    plan.projects
        .iter()
        .filter_map(move |p| Some((p, *by_id.get(p.id.as_str())?)))
}

/// Each project's results by its id: one map per pass, not a scan of the results per project
/// (a thousand projects were half a million comparisons on every edit).
fn results_by_id(results: &Results) -> std::collections::HashMap<&str, &ProjectResult> {
    results
        .projects
        .iter()
        .map(|r| (r.id.as_str(), r))
        .collect()
}

/// 贷款发放率 of a district (or, `district == None`, the whole plan) at the end of a month:
/// loans drawn (funds in place from the policy loan, as reported) over loans contracted by
/// then.
#[derive(Debug, Clone, PartialEq)]
pub struct Disbursement {
    pub district: Option<String>,
    pub contracted: f64,
    pub drawn: f64,
}

impl Disbursement {
    /// Drawn ÷ contracted; `None` with nothing contracted.
    pub fn rate(&self) -> Option<f64> {
        (self.contracted > 0.0).then(|| self.drawn / self.contracted)
    }
}

/// 贷款发放率 by district at the end of `month`, then the plan's total: the monthly report's
/// figures with the simulated investment.
pub fn disbursement(plan: &Plan, results: &Results, month: Month) -> Vec<Disbursement> {
    let by_id = results_by_id(results);
    let totals: Vec<Investment> = plan
        .projects
        .iter()
        .map(|p| {
            by_id
                .get(p.id.as_str())
                .map(|r| r.investment)
                .unwrap_or_default()
        })
        .collect();
    month_readiness(plan, &totals, month)
        .into_iter()
        .map(|m| Disbursement {
            district: m.district,
            contracted: m.contracted,
            drawn: m.drawn,
        })
        .collect()
}

/// The month's last day: the day before the next month's first.
pub fn month_end(month: Month) -> Day {
    let next = month.plus(1);
    Day::new(next.year, next.month, 1)
        .expect("a month's first day")
        .plus_days(-1)
}

/// A district's (or, `district == None`, the plan's) readiness at the end of a month: the
/// monthly report's 前期手续 table.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct MonthReadiness {
    pub district: Option<String>,
    pub projects: usize,
    /// Steps that apply to its projects; done by the month's end; done within the month;
    /// planned by the month's end and not done by then.
    pub steps: usize,
    pub done: usize,
    pub done_in_month: usize,
    pub late: usize,
    /// Projects with their 征收决定 made by the month's end.
    pub decided: usize,
    /// Loan contracts signed by the month's end: projects and their loans (万元), and the loans
    /// drawn as reported (贷款发放率 = drawn ÷ contracted).
    pub contracts: usize,
    pub contracted: f64,
    pub drawn: f64,
    /// Projects of the month's year or before whose money still waits for a step at the month's
    /// end (as things stand, `calc::gates`).
    pub held: usize,
}

impl MonthReadiness {
    pub(crate) fn add(&mut self, o: &MonthReadiness) {
        self.projects += o.projects;
        self.steps += o.steps;
        self.done += o.done;
        self.done_in_month += o.done_in_month;
        self.late += o.late;
        self.decided += o.decided;
        self.contracts += o.contracts;
        self.contracted += o.contracted;
        self.drawn += o.drawn;
        self.held += o.held;
    }

    pub fn disbursement_rate(&self) -> Option<f64> {
        (self.contracted > 0.0).then(|| self.drawn / self.contracted)
    }
}

/// One project's readiness at the end of `month` (`total`: its investment).
pub(crate) fn project_month(
    p: &Project,
    gates: &Gates,
    total: &Investment,
    month: Month,
) -> MonthReadiness {
    let (end, start) = (month_end(month), month_end(month.previous()));
    let mut m = MonthReadiness {
        projects: 1,
        ..Default::default()
    };
    for &step in Milestone::ALL.iter().filter(|&&s| applies(p, s)) {
        let rec = p.readiness.record(step);
        let actual = rec.and_then(|r| r.actual).filter(|&d| d <= end);
        m.steps += 1;
        m.done += usize::from(actual.is_some());
        m.done_in_month += usize::from(actual.is_some_and(|d| d > start));
        let planned_by_end = rec.and_then(|r| r.planned).is_some_and(|d| d <= end);
        m.late += usize::from(actual.is_none() && planned_by_end);
    }
    let done_by_end = |s: Milestone| p.readiness.done(s).is_some_and(|d| d <= end);
    m.decided = usize::from(done_by_end(Milestone::ExpropriationDecision));
    if p.financing.policy_loan > 0.0 && done_by_end(Milestone::LoanContract) {
        m.contracts = 1;
        m.contracted = loan_amount(p, total);
    }
    m.drawn = p.progress.as_of(month).map_or(0.0, |r| r.funds.policy_loan);
    let waiting = |c: &GateCheck| {
        c.blockers.iter().any(|b| {
            matches!(b, Blocker::Milestone { expected, .. } if expected.is_none_or(|d| d > end))
        })
    };
    m.held = usize::from(
        p.year <= month.year
            && check_project(
                p,
                gates,
                &GateFigures::default(),
                GateDates::Actual,
                Some(month),
            )
            .iter()
            .any(waiting),
    );
    m
}

/// Readiness at the end of `month` by district (the plan's order), then the plan's total;
/// `totals[i]` is project `i`'s investment.
pub fn month_readiness(plan: &Plan, totals: &[Investment], month: Month) -> Vec<MonthReadiness> {
    let mut rows: Vec<MonthReadiness> = plan
        .districts()
        .into_iter()
        .map(|d| MonthReadiness {
            district: Some(d),
            ..Default::default()
        })
        .collect();
    let mut total = MonthReadiness::default();
    for (p, t) in plan.projects.iter().zip(totals) {
        let m = project_month(p, &plan.gates, t, month);
        if let Some(row) = rows
            .iter_mut()
            .find(|r| r.district.as_deref() == Some(&p.district))
        {
            row.add(&m);
        }
        total.add(&m);
    }
    rows.push(total);
    rows
}

/// The board's filters: district, zone (central city or counties), source of money and who
/// answers for the project; `None` keeps every project.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BoardFilter {
    pub district: Option<String>,
    pub central_city: Option<bool>,
    pub source: Option<Instrument>,
    pub answering: Answering,
}

impl BoardFilter {
    pub fn keeps(&self, p: &Project) -> bool {
        self.district.as_ref().is_none_or(|d| &p.district == d)
            && self.central_city.is_none_or(|c| p.central_city == c)
            && self.source.is_none_or(|i| i.get(&p.financing) > 0.0)
            && self.answering.keeps(p)
    }
}
