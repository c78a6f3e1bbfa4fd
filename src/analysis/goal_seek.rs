//! Goal seek: the least change that meets every monetized target, the incentive that gets there,
//! the largest PPP share within the cap. Each answer is the edits of a new scenario.

use crate::calc::model::{CostDriver, Instrument, ResettlementWay};
use crate::calc::rules::year_group_name;
use crate::calc::simulate::{assessed_rates, monetized_rates, simulate, Group, MonetizedRate};
use crate::document::edit::Edit;
use crate::document::lever::{Lever, LeverAction, Scope};
use crate::document::plan::Plan;
use crate::words::i18n::{Lang, Text};

/// Shares are sought in steps of 0.1 percentage point: one step less does not do.
pub const STEP: f64 = 0.001;
const STEPS: u32 = 1000;

/// The questions goal seek answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// The smallest uniform monetized share per district (then over all) meeting every target.
    MonetizedShare,
    /// The smallest monetization incentive meeting every target, households responding to it as
    /// `Assumptions::incentive_response` says.
    Incentive,
    /// The largest uniform PPP share keeping every year within the cap (or the 5 % tier).
    PppShare { tier: bool },
}

impl Question {
    pub const ALL: [Question; 4] = [
        Question::MonetizedShare,
        Question::Incentive,
        Question::PppShare { tier: false },
        Question::PppShare { tier: true },
    ];

    /// The `goal-question` option value.
    pub fn key(self) -> &'static str {
        match self {
            Question::MonetizedShare => "monetized_share",
            Question::Incentive => "incentive",
            Question::PppShare { tier: false } => "ppp_cap",
            Question::PppShare { tier: true } => "ppp_tier",
        }
    }

    pub fn label(self) -> Text {
        match self {
            Question::MonetizedShare => Text::GoalMonetized,
            Question::Incentive => Text::GoalIncentive,
            Question::PppShare { tier: false } => Text::GoalPppCap,
            Question::PppShare { tier: true } => Text::GoalPppTier,
        }
    }
}

/// A proposal: the scenario's name and its edits.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub name: String,
    pub edits: Vec<Edit>,
}

/// Why no answer exists within the bounds.
#[derive(Debug, Clone, PartialEq)]
pub enum NoAnswer {
    /// Even at the bound (all households in money, the largest incentive) the group misses:
    /// over the window (`year` None) or in one planned year's list.
    Target {
        group: Group,
        year: Option<i32>,
        best: f64,
        target: f64,
    },
    /// Even with no new PPP the PPP spending of `year` is over the limit.
    PppOver { year: i32, share: f64, limit: f64 },
    /// Every target is already met (nothing to seek) — for the monetized questions.
    AlreadyMet,
}

impl NoAnswer {
    pub fn message(&self, lang: Lang) -> String {
        let pct = |v: f64| crate::words::display::plain_number(v * 100.0, 1);
        match self {
            NoAnswer::Target {
                group,
                year,
                best,
                target,
            } => Text::GoalUnmetTarget.fill(
                lang,
                &[
                    &year_group_name(*year, group, lang),
                    &pct(*target),
                    &pct(*best),
                ],
            ),
            NoAnswer::PppOver { year, share, limit } => {
                Text::GoalUnmetPpp.fill(lang, &[year, &pct(*share), &pct(*limit)])
            }
            NoAnswer::AlreadyMet => Text::GoalAlreadyMet.tr(lang).into(),
        }
    }
}

/// The least `k` in `0..=STEPS` with `ok(k)`, for `ok` false then true as `k` grows.
fn least(ok: impl Fn(u32) -> bool) -> Option<u32> {
    if !ok(STEPS) {
        return None;
    }
    let (mut lo, mut hi) = (0, STEPS);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if ok(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Some(lo)
}

/// `plan` with `edits` made (refused ones skipped, as a scenario would).
fn with(plan: &Plan, edits: &[Edit]) -> Plan {
    let mut p = plan.clone();
    for e in edits {
        let _ = p.apply(e);
    }
    p
}

fn rates(plan: &Plan) -> Vec<MonetizedRate> {
    monetized_rates(&plan.projects, &plan.assumptions)
}

/// A rate that misses its target: the window's (`year` None) or one planned year's.
struct Miss {
    year: Option<i32>,
    rate: MonetizedRate,
}

impl Miss {
    fn unmet(&self) -> NoAnswer {
        NoAnswer::Target {
            group: self.rate.group.clone(),
            year: self.year,
            best: self.rate.rate,
            target: self.rate.target,
        }
    }
}

/// Every target missed: the window's groups (districts too: goal seek meets each district's),
/// then each planned year's zones, which the province assesses year by year.
fn misses(plan: &Plan) -> Vec<Miss> {
    assessed(plan)
        .into_iter()
        .filter(|(year, r)| year.is_none() || !matches!(r.group, Group::District(_)))
        .filter(|(_, r)| !r.meets_target())
        .map(|(year, rate)| Miss { year, rate })
        .collect()
}

fn assessed(plan: &Plan) -> Vec<(Option<i32>, MonetizedRate)> {
    assessed_rates(&plan.projects, &plan.assumptions, plan.first_year)
}

fn lever(scope: Scope, action: LeverAction) -> Edit {
    Edit::Lever {
        lever: Lever { scope, action },
    }
}

fn monetized_min(scope: Scope, k: u32) -> Edit {
    lever(
        scope,
        LeverAction::MonetizedMin {
            share: f64::from(k) * STEP,
            into: ResettlementWay::Cash,
        },
    )
}

/// Answers `question` for `view` (the active scenario's plan).
pub fn seek(view: &Plan, question: Question, lang: Lang) -> Result<Answer, NoAnswer> {
    let edits = match question {
        Question::MonetizedShare => monetized_share(view)?,
        Question::Incentive => incentive(view)?,
        Question::PppShare { tier } => ppp_share(view, tier)?,
    };
    let name = match (question, edits.as_slice()) {
        (_, [Edit::Lever { lever }]) => lever.name(lang),
        (Question::MonetizedShare, _) => Text::GoalMonetizedName.tr(lang).into(),
        (Question::Incentive, [Edit::SetCostDefault { value, .. }, ..]) => Text::GoalIncentiveName
            .fill(
                lang,
                &[&crate::words::display::plain_number(value * 100.0, 1)],
            ),
        _ => question.label().tr(lang).into(),
    };
    Ok(Answer { name, edits })
}

/// Per district that misses its target, the smallest uniform share that meets it; then per
/// planned year whose list misses a zone's target, the smallest uniform share over that year's
/// projects; then, if the whole plan (or a zone) still misses, the smallest uniform share over
/// all projects on top.
fn monetized_share(view: &Plan) -> Result<Vec<Edit>, NoAnswer> {
    let missed = misses(view);
    if missed.is_empty() {
        return Err(NoAnswer::AlreadyMet);
    }
    let mut edits = Vec::new();
    for miss in missed.iter().filter(|m| m.year.is_none()) {
        let Group::District(name) = &miss.rate.group else {
            continue;
        };
        let scope = Scope::District { name: name.clone() };
        let meets = |k: u32| {
            let p = with(view, &[monetized_min(scope.clone(), k)]);
            rates(&p)
                .iter()
                .any(|r| r.group == miss.rate.group && r.meets_target())
        };
        let k = least(meets).ok_or_else(|| unmet(view, None, &miss.rate.group))?;
        edits.push(monetized_min(scope, k));
    }
    let after = with(view, &edits);
    let mut years: Vec<(i32, Group)> = misses(&after)
        .into_iter()
        .filter_map(|m| m.year.map(|y| (y, m.rate.group)))
        .collect();
    years.dedup_by_key(|(y, _)| *y);
    for (year, group) in years {
        let scope = Scope::Year { year };
        let base = with(view, &edits);
        let meets = |k: u32| {
            let p = with(&base, &[monetized_min(scope.clone(), k)]);
            !misses(&p).iter().any(|m| m.year == Some(year))
        };
        let k = least(meets).ok_or_else(|| unmet(&base, Some(year), &group))?;
        edits.push(monetized_min(scope, k));
    }
    let after = with(view, &edits);
    if let Some(still) = misses(&after).first() {
        let meets = |k: u32| misses(&with(&after, &[monetized_min(Scope::All, k)])).is_empty();
        let k = least(meets).ok_or_else(|| unmet(&after, still.year, &still.rate.group))?;
        edits.push(monetized_min(Scope::All, k));
    }
    Ok(edits)
}

/// The best a group can do (every household in money) against its target, over the window or
/// in one planned year.
fn unmet(view: &Plan, year: Option<i32>, group: &Group) -> NoAnswer {
    let all_in = with(view, &[monetized_min(Scope::All, STEPS)]);
    let (_, rate) = assessed(&all_in)
        .into_iter()
        .find(|(y, r)| *y == year && &r.group == group)
        .expect("the group exists");
    Miss { year, rate }.unmet()
}

/// The smallest incentive (in steps above today's, up to the driver's bound) whose response
/// meets every target: the new default incentive and the households it moves to cash.
fn incentive(view: &Plan) -> Result<Vec<Edit>, NoAnswer> {
    if misses(view).is_empty() {
        return Err(NoAnswer::AlreadyMet);
    }
    let driver = CostDriver::monetization_incentive;
    let today = driver.get(&view.assumptions.costs);
    let response = view.assumptions.incentive_response;
    let room = ((driver.bounds().max - today) / STEP).floor().max(0.0) as u32;
    let edits_at = |k: u32| {
        let raise = f64::from(k) * STEP;
        vec![
            Edit::SetCostDefault {
                driver,
                value: today + raise,
            },
            lever(
                Scope::All,
                LeverAction::MonetizedPlus {
                    points: raise * response,
                    into: ResettlementWay::Cash,
                },
            ),
        ]
    };
    let meets = |k: u32| misses(&with(view, &edits_at(k))).is_empty();
    match least(|k| meets(k.min(room))) {
        Some(k) => Ok(edits_at(k.min(room))),
        None => {
            let best = with(view, &edits_at(room));
            Err(misses(&best)[0].unmet())
        }
    }
}

/// The largest uniform PPP share (the policy loan taking up the difference) with every year's
/// PPP spending within the cap, or the 5 % tier.
fn ppp_share(view: &Plan, tier: bool) -> Result<Vec<Edit>, NoAnswer> {
    let a = &view.assumptions;
    let limit = if tier {
        a.ppp_new_project_threshold
    } else {
        a.ppp_cap
    };
    let at = |k: u32| {
        lever(
            Scope::All,
            LeverAction::FinancingShare {
                instrument: Instrument::Ppp,
                share: f64::from(k) * STEP,
            },
        )
    };
    let worst = |k: u32| {
        let p = with(view, &[at(k)]);
        let r = simulate(&p.assumptions, &p.projects, p.first_year);
        r.years
            .iter()
            .map(|y| (y.year, y.ppp_share))
            .fold((0, 0.0), |w, y| if y.1 > w.1 { y } else { w })
    };
    let within = |k: u32| worst(k).1 <= limit + 1e-12;
    let (year, share) = worst(0);
    if share > limit + 1e-12 {
        return Err(NoAnswer::PppOver { year, share, limit });
    }
    // The largest k within: the least k beyond, minus one.
    let k = least(|k| !within(k)).map_or(STEPS, |k| k - 1);
    Ok(vec![at(k)])
}
