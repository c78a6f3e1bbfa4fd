//! Plan against actual for a month (进度): each project's figures to date against its plan, the
//! same summed per district, central city, counties and city against the year's targets, the
//! projects behind schedule, and the ranking of districts and counties by 开工率.

use serde::Serialize;

use crate::calc::costs::{project_costs, ProjectCosts};
use crate::calc::model::{Instrument, Month, Project, ResettlementWay, Sources, Targets};
use crate::calc::progress::ProgressRate;
use crate::calc::simulate::Group;
use crate::document::plan::Plan;
use crate::document::reporting::RankingWeights;

/// A share of the year's target far below the share of the year gone: less than half of it,
/// once at least a quarter of the year has gone (docs/model.md, 进度).
const FAR_BELOW: f64 = 0.5;
const FROM_MONTH: u8 = 3;
/// How many districts are marked at the top and at the bottom of the ranking.
const MARKED: usize = 3;

/// The figures to date of a set of projects and what they are measured against.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Tally {
    /// The year's target: households (one household is one unit: 套) of the projects planned
    /// for the month's year.
    pub target: u64,
    pub signed: u64,
    pub vacated: u64,
    /// Households resettled with money, all ways, and by way.
    pub monetized: u64,
    pub monetized_by_way: Vec<(ResettlementWay, u64)>,
    pub started_units: u64,
    pub completed_units: u64,
    /// 万元.
    pub invested: f64,
    /// The year's planned investment of these projects, 万元.
    pub planned_investment: f64,
    pub funds: Sources,
    /// The year's planned sources by instrument (investment × the project's share), 万元.
    pub planned_funds: Sources,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.target += o.target;
        self.signed += o.signed;
        self.vacated += o.vacated;
        self.monetized += o.monetized;
        for (w, n) in &o.monetized_by_way {
            match self.monetized_by_way.iter_mut().find(|(v, _)| v == w) {
                Some((_, m)) => *m += n,
                None => self.monetized_by_way.push((*w, *n)),
            }
        }
        self.started_units += o.started_units;
        self.completed_units += o.completed_units;
        self.invested += o.invested;
        self.planned_investment += o.planned_investment;
        self.funds.add(&o.funds);
        self.planned_funds.add(&o.planned_funds);
    }

    /// 签约率: households signed ÷ the target.
    pub fn signing_rate(&self) -> Option<f64> {
        ratio(self.signed as f64, self.target as f64)
    }

    /// 开工率: (flats started + households resettled with money) ÷ the target.
    pub fn start_rate(&self) -> Option<f64> {
        ratio(
            (self.started_units + self.monetized) as f64,
            self.target as f64,
        )
    }

    /// 货币化安置率 actual: households resettled with money ÷ (those + flats started).
    pub fn monetized_rate(&self) -> Option<f64> {
        ratio(
            self.monetized as f64,
            (self.monetized + self.started_units) as f64,
        )
    }

    /// 投资完成率: investment completed ÷ the year's planned investment.
    pub fn investment_rate(&self) -> Option<f64> {
        ratio(self.invested, self.planned_investment)
    }

    /// 资金到位率: all funds in place ÷ the year's planned sources.
    pub fn funds_rate(&self) -> Option<f64> {
        ratio(self.funds.total(), self.planned_funds.total())
    }

    /// One of the rates, by its declaration.
    pub fn rate(&self, r: ProgressRate) -> Option<f64> {
        match r {
            ProgressRate::Start => self.start_rate(),
            ProgressRate::Signing => self.signing_rate(),
            ProgressRate::Monetized => self.monetized_rate(),
            ProgressRate::Investment => self.investment_rate(),
            ProgressRate::Funds => self.funds_rate(),
        }
    }

    /// One instrument's funds in place ÷ its share of the year's planned sources (`None` when
    /// the plan has none of it).
    pub fn fund_rate(&self, i: Instrument) -> Option<f64> {
        ratio(i.amount(&self.funds), i.amount(&self.planned_funds))
    }
}

fn ratio(a: f64, b: f64) -> Option<f64> {
    (b > 0.0).then(|| a / b)
}

/// Why a project is behind schedule, and by how many months.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Behind {
    /// Expropriation not started by its planned month (January of the planned year), or
    /// started late.
    Expropriation { months: i32 },
    /// Construction not started by its planned month, or started late (projects that build).
    Construction { months: i32 },
    /// 开工率 far below the share of the year gone.
    Pace { rate: f64, year_gone: f64 },
}

/// One project's row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProjectRow {
    pub id: String,
    pub name: String,
    pub district: String,
    pub central_city: bool,
    pub year: i32,
    pub tally: Tally,
    /// Whether any month up to this one has been reported.
    pub reported: bool,
    pub behind: Vec<Behind>,
    /// Why it is behind, as the county last put it (滞后原因).
    pub delay: String,
}

/// A district's (or zone's) row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupRow {
    pub group: Group,
    pub tally: Tally,
    /// Its monetized target (central city or counties), as a share.
    pub monetized_target: f64,
}

/// A district's place in the ranking by its score: 开工率, or the planner's weighted composite.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranked {
    pub district: String,
    /// Equal scores share a place (1, 2, 2, 4).
    pub rank: usize,
    pub start_rate: f64,
    /// What it is ranked by: 开工率 itself unless the planner weighs other rates in.
    pub score: f64,
    pub top: bool,
    pub bottom: bool,
    /// Below the average of the districts ranked.
    pub below_average: bool,
    /// Places gained since last month (negative: lost); `None` when not ranked then.
    pub change: Option<i64>,
}

/// The month's plan against actual.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgressReport {
    pub month: Month,
    /// Share of the year gone at the month's end (March: 3/12).
    pub year_gone: f64,
    pub projects: Vec<ProjectRow>,
    pub districts: Vec<GroupRow>,
    /// Central city, counties, city.
    pub zones: Vec<GroupRow>,
    pub ranking: Vec<Ranked>,
    /// 前期手续 at the month's end by district, then the city.
    pub readiness: Vec<crate::analysis::readiness::MonthReadiness>,
}

/// One project's figures as of `month` against the plan of the month's year (its `costs`).
fn tally(p: &Project, costs: &ProjectCosts, month: Month) -> Tally {
    let of_year = p.year == month.year;
    let record = p.progress.as_of(month);
    let planned_investment = if of_year {
        costs.by_year.first().map_or(0.0, |y| y.total())
    } else {
        0.0
    };
    let mut planned_funds = Sources::default();
    for &i in Instrument::ALL {
        *i.amount_mut(&mut planned_funds) = planned_investment * i.get(&p.financing);
    }
    Tally {
        target: if of_year { u64::from(p.households) } else { 0 },
        signed: record.map_or(0, |r| r.signed),
        vacated: record.map_or(0, |r| r.vacated),
        monetized: record.map_or(0, |r| r.monetized_total()),
        monetized_by_way: record.map_or_else(Vec::new, |r| {
            ResettlementWay::ALL
                .iter()
                .filter(|w| w.monetized())
                .map(|&w| (w, w.amount(&r.monetized)))
                .filter(|(_, n)| *n > 0)
                .collect()
        }),
        started_units: record.map_or(0, |r| r.started_units),
        completed_units: record.map_or(0, |r| r.completed_units),
        invested: record.map_or(0.0, |r| r.invested),
        planned_investment,
        funds: record.map_or_else(Sources::default, |r| r.funds),
        planned_funds,
    }
}

/// One project's row as of `month`: its tally, whether it has reported, how far behind it is.
pub(crate) fn project_row(p: &Project, costs: &ProjectCosts, month: Month) -> ProjectRow {
    let record = p.progress.as_of(month);
    let tally = tally(p, costs, month);
    let builds = costs.total.builds();
    let behind = behind(p, month, &tally, builds);
    ProjectRow {
        id: p.id.to_string(),
        name: p.name.clone(),
        district: p.district.clone(),
        central_city: p.central_city,
        year: p.year,
        reported: record.is_some(),
        delay: record.map(|r| r.delay.clone()).unwrap_or_default(),
        tally,
        behind,
    }
}

/// How far a project is behind at the end of `month`: a start not made by its planned month
/// counts the months since (the planned month itself is one); a late start counts its delay.
fn behind(p: &Project, month: Month, tally: &Tally, builds: bool) -> Vec<Behind> {
    let planned = Month::january(p.year);
    // A start recorded after `month` had not happened by then: the months before it are
    // behind as if nothing were recorded.
    let late = |started: Option<Month>| match started.filter(|&s| s <= month) {
        Some(s) if s > planned => Some(s.since(planned)),
        None if month >= planned => Some(month.since(planned) + 1),
        _ => None,
    };
    let mut out = Vec::new();
    if p.households > 0 {
        if let Some(months) = late(p.progress.expropriation_started) {
            out.push(Behind::Expropriation { months });
        }
    }
    if builds {
        if let Some(months) = late(p.progress.construction_started) {
            out.push(Behind::Construction { months });
        }
    }
    let year_gone = f64::from(month.month) / 12.0;
    if p.year == month.year && month.month >= FROM_MONTH {
        if let Some(rate) = tally.start_rate() {
            if rate < FAR_BELOW * year_gone {
                out.push(Behind::Pace { rate, year_gone });
            }
        }
    }
    out
}

/// The month's plan against actual for `plan` (the view: a scenario sees the same actuals).
pub fn progress_report(plan: &Plan, month: Month) -> ProgressReport {
    let costs: Vec<ProjectCosts> = plan
        .projects
        .iter()
        .map(|p| project_costs(p, &plan.assumptions))
        .collect();
    report(plan, &costs, month)
}

/// Whether project `p` is in `scope` (the city, a zone, a district).
pub fn in_scope(p: &Project, scope: &Group) -> bool {
    match scope {
        Group::Overall => true,
        Group::CentralCity => p.central_city,
        Group::Counties => !p.central_city,
        Group::District(d) => p.district == *d,
    }
}

/// The figures of `scope`'s projects as of each of `months`, each project's costs worked out
/// once: what the pace chart draws, without the month's whole report for each month.
pub fn scope_tallies(plan: &Plan, months: &[Month], scope: &Group) -> Vec<Tally> {
    let projects: Vec<(&Project, ProjectCosts)> = plan
        .projects
        .iter()
        .filter(|p| in_scope(p, scope))
        .map(|p| (p, project_costs(p, &plan.assumptions)))
        .collect();
    months
        .iter()
        .map(|&m| {
            let mut t = Tally::default();
            for (p, c) in &projects {
                t.add(&tally(p, c, m));
            }
            t
        })
        .collect()
}

/// Every project's row as of `month`.
fn project_rows(plan: &Plan, costs: &[ProjectCosts], month: Month) -> Vec<ProjectRow> {
    plan.projects
        .iter()
        .zip(costs)
        .map(|(p, c)| project_row(p, c, month))
        .collect()
}

/// Tallies summed per district, in the order the districts first appear; each with its
/// monetized target, by where its households are (`Targets::of_district`, as the simulation
/// has it). An item is (district, central city, the project's households, its tally).
fn by_district<'a>(
    items: impl Iterator<Item = (&'a str, bool, u32, Tally)>,
    targets: &Targets,
) -> Vec<GroupRow> {
    let mut districts: Vec<(GroupRow, u64, u64)> = Vec::new();
    for (district, central, households, tally) in items {
        let at = match districts
            .iter()
            .position(|d| matches!(&d.0.group, Group::District(n) if n == district))
        {
            Some(i) => i,
            None => {
                districts.push((
                    GroupRow {
                        group: Group::District(district.to_string()),
                        tally: Tally::default(),
                        monetized_target: 0.0,
                    },
                    0,
                    0,
                ));
                districts.len() - 1
            }
        };
        let d = &mut districts[at];
        d.0.tally.add(&tally);
        d.1 += u64::from(households);
        if central {
            d.2 += u64::from(households);
        }
    }
    districts
        .into_iter()
        .map(|(mut row, households, central)| {
            row.monetized_target = targets.of_district(central, households);
            row
        })
        .collect()
}

pub(crate) fn report(plan: &Plan, costs: &[ProjectCosts], month: Month) -> ProgressReport {
    let projects = project_rows(plan, costs, month);
    let t = &plan.assumptions.targets;
    let districts = by_district(
        projects.iter().zip(&plan.projects).map(|(r, p)| {
            (
                r.district.as_str(),
                r.central_city,
                p.households,
                r.tally.clone(),
            )
        }),
        t,
    );
    let mut zones = [
        (Group::CentralCity, t.central_city),
        (Group::Counties, t.counties),
        (Group::Overall, t.overall),
    ]
    .map(|(group, monetized_target)| GroupRow {
        group,
        tally: Tally::default(),
        monetized_target,
    });
    for row in &projects {
        zones[if row.central_city { 0 } else { 1 }]
            .tally
            .add(&row.tally);
        zones[2].tally.add(&row.tally);
    }
    let weights = &plan.reporting.weights;
    let last = ranking_last_month(plan, costs, month);
    let ranking = rank(&districts, &last, weights);
    let totals: Vec<_> = costs.iter().map(|c| c.total).collect();
    ProgressReport {
        month,
        year_gone: f64::from(month.month) / 12.0,
        projects,
        districts,
        zones: zones.into(),
        ranking,
        readiness: crate::analysis::readiness::month_readiness(plan, &totals, month),
    }
}

/// Last month's places, by district (January's "last month" is in the year before, whose
/// targets are other projects': no change is shown then).
fn ranking_last_month(plan: &Plan, costs: &[ProjectCosts], month: Month) -> Vec<(String, usize)> {
    let before = month.previous();
    if before.year != month.year {
        return Vec::new();
    }
    let tallies = plan.projects.iter().zip(costs).map(|(p, c)| {
        (
            p.district.as_str(),
            p.central_city,
            p.households,
            tally(p, c, before),
        )
    });
    let districts = by_district(tallies, &plan.assumptions.targets);
    rank(&districts, &[], &plan.reporting.weights)
        .into_iter()
        .map(|r| (r.district, r.rank))
        .collect()
}

/// A score as the ranking compares it: to twelve decimals. Scores are ratios of whole numbers,
/// and two that are equal in decimal may differ in their last bits (2/3 against the mean of
/// 2/3, 1/3 and 1), which must not split a place or put a district at the average below it.
fn score_key(score: f64) -> i64 {
    (score * 1e12).round() as i64
}

/// Districts with a target this year, by score (equal scores share a place, listed by name),
/// the top and bottom three places marked (ties with the third from the bottom are bottom
/// too, never a district also at the top), those below the average score named.
fn rank(districts: &[GroupRow], last: &[(String, usize)], weights: &RankingWeights) -> Vec<Ranked> {
    let mut rated: Vec<(String, f64, f64)> = districts
        .iter()
        .filter_map(|d| match &d.group {
            Group::District(name) => {
                let start = d.tally.start_rate()?;
                let score = weights.score(|r| d.tally.rate(r)).unwrap_or(start);
                Some((name.clone(), start, score))
            }
            _ => None,
        })
        .collect();
    crate::words::order::sort_by(&mut rated, |a, b| {
        score_key(b.2)
            .cmp(&score_key(a.2))
            .then_with(|| a.0.cmp(&b.0))
    });
    let n = rated.len();
    let average = score_key(rated.iter().map(|r| r.2).sum::<f64>() / n.max(1) as f64);
    let cut = MARKED.max(n.saturating_sub(MARKED));
    let bottom_score = rated.get(cut).map(|r| score_key(r.2));
    let mut out: Vec<Ranked> = Vec::with_capacity(n);
    for (i, (district, start_rate, score)) in rated.into_iter().enumerate() {
        let rank = match out.last() {
            Some(before) if score_key(before.score) == score_key(score) => before.rank,
            _ => i + 1,
        };
        let change = last
            .iter()
            .find(|(d, _)| *d == district)
            .map(|(_, was)| *was as i64 - rank as i64);
        let top = rank <= MARKED;
        out.push(Ranked {
            top,
            bottom: !top && bottom_score.is_some_and(|b| score_key(score) <= b),
            below_average: score_key(score) < average,
            district,
            rank,
            start_rate,
            score,
            change,
        });
    }
    out
}
