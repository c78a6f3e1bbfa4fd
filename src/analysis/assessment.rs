//! 考核: each district's and each 包抓领导's score for a month, quarter or year under the plan's
//! scheme (values from the progress report and 前期手续), the ranking, the month's 督办清单 and
//! the register of households past their promised return (逾期未回迁).

use serde::Serialize;

use crate::analysis::progress::report;
use crate::analysis::readiness::{month_end, project_month};
use crate::calc::assessment::{Counts, Indicator, Period, Score};
use crate::calc::costs::{project_costs, ProjectCosts};
use crate::calc::model::{Duty, Month, Project, ResettlementWay};
use crate::calc::readiness::Day;
use crate::calc::simulate::Group;
use crate::document::plan::Plan;

/// Who a score is of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Assessed {
    District(String),
    /// The 包抓领导 (a project's `lead`).
    Leader(String),
}

impl Assessed {
    pub fn name(&self) -> &str {
        match self {
            Assessed::District(d) | Assessed::Leader(d) => d,
        }
    }

    fn keeps(&self, p: &Project) -> bool {
        match self {
            Assessed::District(d) => p.district == *d,
            Assessed::Leader(l) => p.lead == *l,
        }
    }
}

/// One score in a period's ranking.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scored {
    pub who: Assessed,
    /// Equal totals share a place (1, 2, 2, 4); within it, by name.
    pub rank: usize,
    pub score: Score,
    pub counts: Counts,
}

/// The period's scores: the districts', then the leaders', each ranked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    pub period: Period,
    pub districts: Vec<Scored>,
    pub leaders: Vec<Scored>,
}

/// Scores every district and every 包抓领导 of `plan` for `period` (figures as of its last month,
/// deductions over its months) under the plan's scheme. Only those with a project of the
/// period's year or before are scored: one whose projects all start later has no task yet, and
/// would take every point as "nothing to measure".
pub fn assess(plan: &Plan, period: Period) -> Assessment {
    let year = period.end().year;
    let due = |w: &Assessed| plan.projects.iter().any(|p| p.year <= year && w.keeps(p));
    let districts = plan
        .districts()
        .into_iter()
        .map(Assessed::District)
        .filter(due);
    let leaders = plan.leads().into_iter().map(Assessed::Leader).filter(due);
    Assessment {
        period,
        districts: ranked(districts.map(|w| scored(plan, w, period)).collect()),
        leaders: ranked(leaders.map(|w| scored(plan, w, period)).collect()),
    }
}

/// The plan cut to `who`'s projects.
fn part_of(plan: &Plan, who: &Assessed) -> Plan {
    let mut sub = plan.clone();
    sub.projects.retain(|p| who.keeps(p));
    sub
}

fn scored(plan: &Plan, who: Assessed, period: Period) -> Scored {
    let sub = part_of(plan, &who);
    let end = period.end();
    // Each project's costs once, for its progress and its readiness alike.
    let costs: Vec<ProjectCosts> = sub
        .projects
        .iter()
        .map(|p| project_costs(p, &sub.assumptions))
        .collect();
    let tally = report(&sub, &costs, end)
        .zones
        .iter()
        .find(|z| z.group == Group::Overall)
        .map(|z| z.tally.clone())
        .unwrap_or_default();
    let mut ready = crate::analysis::readiness::MonthReadiness::default();
    for (p, c) in sub.projects.iter().zip(&costs) {
        ready.add(&project_month(p, &sub.gates, &c.total, end));
    }
    let reports = match &who {
        Assessed::District(d) => reports_in(plan, d, period),
        Assessed::Leader(_) => None,
    };
    let value_of = |i: Indicator| match i {
        Indicator::Start => tally.start_rate(),
        Indicator::Signing => tally.signing_rate(),
        Indicator::Monetized => tally.monetized_rate(),
        Indicator::Investment => tally.investment_rate(),
        Indicator::Funds => tally.funds_rate(),
        Indicator::LoanDrawn => ready.disbursement_rate(),
        Indicator::ReportsOnTime => reports.map(|r| r.on_time as f64 / r.due as f64),
        Indicator::MilestonesOnTime => {
            let due = ready.done + ready.late;
            (due > 0).then(|| ready.done as f64 / due as f64)
        }
    };
    let counts = Counts {
        missed_deadlines: ready.late as u64,
        late_reports: reports.map_or(0, |r| r.due - r.on_time),
        days_late: reports.map_or(0, |r| r.days_late),
    };
    Scored {
        score: plan.assessment.score(value_of, &counts, end.month),
        who,
        rank: 0,
        counts,
    }
}

/// A county's monthly reports in a period: due (each month of the period up to the plan's
/// reports, once the plan takes reports at all), on time, and the days the late ones came
/// after their month's end.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Reports {
    due: u64,
    on_time: u64,
    days_late: u64,
}

fn reports_in(plan: &Plan, district: &str, period: Period) -> Option<Reports> {
    if plan.reporting.receipts.is_empty() {
        return None;
    }
    // Months the plan has reports for at all (any county's): later months are not yet due.
    let last = plan.reporting.receipts.iter().map(|r| r.month).max()?;
    let mut out = Reports {
        due: 0,
        on_time: 0,
        days_late: 0,
    };
    for m in period.months().into_iter().filter(|&m| m <= last) {
        out.due += 1;
        // The first report of the month counts: a county that sends again is not late for it.
        let first = plan
            .reporting
            .receipts
            .iter()
            .find(|r| r.district == district && r.month == m);
        match first {
            Some(r) if !r.late() => out.on_time += 1,
            Some(r) => {
                let at = r.at.get(..10).and_then(Day::parse);
                out.days_late += at.map_or(0, |d| d.days_since(month_end(m)).max(0) as u64);
            }
            None => {}
        }
    }
    (out.due > 0).then_some(out)
}

/// Ranks by total, highest first; equal totals share a place and are listed by name.
fn ranked(mut v: Vec<Scored>) -> Vec<Scored> {
    crate::words::order::sort_by(&mut v, |a, b| {
        b.score
            .total
            .total_cmp(&a.score.total)
            .then_with(|| a.who.name().cmp(b.who.name()))
    });
    let mut prev: Option<f64> = None;
    let mut rank = 0;
    for (i, s) in v.iter_mut().enumerate() {
        if prev != Some(s.score.total) {
            rank = i + 1;
            prev = Some(s.score.total);
        }
        s.rank = rank;
    }
    v
}

/// Why a project is on the 督办清单.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    /// Behind its schedule (进度滞后: a start not made, or 开工率 far below the year gone).
    Behind,
    /// 前期手续 past their planned day and not done.
    PreWorkStalled,
    /// A loan contracted and nothing drawn.
    LoanUndrawn,
    /// Signing begun has not moved for two months though households are left to sign (a project
    /// that has signed no one is behind instead).
    SigningStuck,
    /// The county's report for the month is late or missing.
    ReportLate,
}

impl Problem {
    /// The one of the seven duties the problem falls under: its holder answers for it.
    pub fn duty(self) -> Duty {
        match self {
            Problem::Behind | Problem::ReportLate => Duty::Progress,
            Problem::PreWorkStalled | Problem::LoanUndrawn => Duty::Coordination,
            Problem::SigningStuck => Duty::Expropriation,
        }
    }
}

/// A project on the month's 督办清单.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Supervised {
    pub id: String,
    pub name: String,
    pub district: String,
    pub lead: String,
    /// 责任单位.
    pub unit: String,
    pub problems: Vec<Problem>,
    /// Who holds the duty each problem falls under, where not the 包抓领导 (in the order of
    /// `problems`, each duty once).
    pub holders: Vec<(Duty, String)>,
    /// Months in a row it has been on the list, this month included.
    pub months: u32,
    /// On the list for the scheme's `interview_months` or more: a 约谈 candidate.
    pub interview: bool,
}

/// A project's problems at the end of `month` (none for a project of a later year); `costs` are
/// its own, which do not depend on the month.
fn problems(plan: &Plan, p: &Project, costs: &ProjectCosts, month: Month) -> Vec<Problem> {
    if p.year > month.year {
        return Vec::new();
    }
    let mut out = Vec::new();
    let report = crate::analysis::progress::project_row(p, costs, month);
    if !report.behind.is_empty() {
        out.push(Problem::Behind);
    }
    let ready = project_month(p, &plan.gates, &costs.total, month);
    if ready.late > 0 {
        out.push(Problem::PreWorkStalled);
    }
    if ready.contracted > 0.0 && ready.drawn <= 0.0 {
        out.push(Problem::LoanUndrawn);
    }
    let signed = |m: Month| p.progress.as_of(m).map_or(0, |r| r.signed);
    if p.year == month.year
        && month.month >= 3
        && signed(month) > 0
        && signed(month) < u64::from(p.households)
        && signed(month) == signed(month.plus(-2))
    {
        out.push(Problem::SigningStuck);
    }
    let last = plan.reporting.receipts.iter().map(|r| r.month).max();
    if last.is_some_and(|l| l >= month) {
        let first = plan
            .reporting
            .receipts
            .iter()
            .find(|r| r.district == p.district && r.month == month);
        if first.is_none_or(|r| r.late()) {
            out.push(Problem::ReportLate);
        }
    }
    out
}

/// The 督办清单 at the end of `month`: every project with a problem, with how many months in a
/// row it has been on the list (counted back within the year), in the plan's order.
pub fn supervision_list(plan: &Plan, month: Month) -> Vec<Supervised> {
    plan.projects
        .iter()
        .filter_map(|p| {
            // Worked out once for the month and every month before it.
            let costs = project_costs(p, &plan.assumptions);
            let problems = problems(plan, p, &costs, month);
            if problems.is_empty() {
                return None;
            }
            let months = 1
                + (1..i32::from(month.month))
                    .take_while(|&k| !self::problems(plan, p, &costs, month.plus(-k)).is_empty())
                    .count() as u32;
            let mut holders: Vec<(Duty, String)> = Vec::new();
            for d in problems.iter().map(|x| x.duty()) {
                let holder = p.responsibility.duty(d);
                if !holder.is_empty() && !holders.iter().any(|(h, _)| *h == d) {
                    holders.push((d, holder.to_string()));
                }
            }
            Some(Supervised {
                id: p.id.to_string(),
                name: p.name.clone(),
                district: p.district.clone(),
                lead: p.lead.clone(),
                unit: p.responsibility.unit.clone(),
                problems,
                holders,
                months,
                interview: months >= plan.assessment.interview_months,
            })
        })
        .collect()
}

/// A project whose new flats are past their promised handover at the end of a month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overdue {
    pub id: String,
    pub name: String,
    pub district: String,
    pub lead: String,
    /// 责任单位.
    pub unit: String,
    /// Who holds 包安置, where not the 包抓领导.
    pub resettlement: String,
    /// The handover the plan promised: construction's last month (from its schedule).
    pub promised: Month,
    /// Households in kind not yet back: those in kind less the flats reported completed.
    pub households: u64,
    pub months: i32,
}

/// 逾期未回迁 at the end of `month`: each project whose promised handover month has passed while
/// fewer flats are completed (as reported) than it has households in kind.
pub fn overdue_register(plan: &Plan, month: Month) -> Vec<Overdue> {
    plan.projects
        .iter()
        .filter_map(|p| {
            let costs = project_costs(p, &plan.assumptions);
            let in_kind = ResettlementWay::NewBuild.amount(&costs.households);
            if in_kind == 0 {
                return None;
            }
            let t = &costs.timing;
            let last = (t.building + t.construction).ceil().max(1.0) as i32 - 1;
            let promised = Month::january(p.year).plus(last);
            let completed = p.progress.as_of(month).map_or(0, |r| r.completed_units);
            (month > promised && completed < in_kind).then(|| Overdue {
                id: p.id.to_string(),
                name: p.name.clone(),
                district: p.district.clone(),
                lead: p.lead.clone(),
                unit: p.responsibility.unit.clone(),
                resettlement: p.responsibility.duty(Duty::Resettlement).to_string(),
                promised,
                households: in_kind - completed,
                months: month.since(promised),
            })
        })
        .collect()
}
