//! A project's costs and money raised as it actually runs: its actuals to a month, the rest of
//! its (late) plan after it (docs/model.md, 预测与滚动).

use crate::calc::costs::{project_costs, Investment, ProjectCosts};
use crate::calc::model::CostDefaults;
use crate::calc::model::{Instrument, Month, Project, Sources};

/// What a project costs as it runs: its plan's costs (late by its forecast's delays) with the
/// months to its forecast's month replaced by its actuals. The simulation reads this.
pub fn costs_as_run(p: &Project, defaults: &CostDefaults) -> ProjectCosts {
    let mut costs = project_costs(p, defaults);
    if p.forecast.is_some() {
        apply_actuals(p, &mut costs);
    }
    costs
}

/// What the plan spends in the first `months` months from January of the planned year (its
/// schedule's, before any actuals): the cumulative plan a month's actuals are set against.
pub fn planned_to(costs: &ProjectCosts, months: f64) -> Investment {
    costs.timing.planned(&costs.total, 0.0, months)
}

/// The categories of an investment as numbers, and back: the forecast splits each alike.
fn parts(i: &Investment) -> [f64; 7] {
    [
        i.compensation,
        i.purchase,
        i.construction,
        i.transition,
        i.relocation,
        i.rewards,
        i.infrastructure,
    ]
}

fn of_parts(v: [f64; 7]) -> Investment {
    Investment {
        compensation: v[0],
        purchase: v[1],
        construction: v[2],
        transition: v[3],
        relocation: v[4],
        rewards: v[5],
        infrastructure: v[6],
    }
}

/// `amount` split as `like` is (shares of its total), else as `fallback` is.
fn split_like(amount: f64, like: &Investment, fallback: &Investment) -> Investment {
    let basis = if like.total() > 0.0 { like } else { fallback };
    let t = basis.total();
    if t <= 0.0 {
        // Money spent where the plan has none: counted as construction.
        return Investment {
            construction: amount,
            ..Investment::default()
        };
    }
    of_parts(parts(basis).map(|x| amount * x / t))
}

/// The project's cumulative records at the end of month index `m` (from January of its year).
fn record_at(p: &Project, m: i32) -> (f64, Sources) {
    if m < 0 {
        return (0.0, Sources::default());
    }
    p.progress
        .as_of(Month::january(p.year).plus(m))
        .map_or((0.0, Sources::default()), |r| (r.invested, r.funds))
}

/// The difference of two cumulative amounts by instrument.
fn funds_between(later: &Sources, earlier: &Sources) -> Sources {
    let mut out = Sources::default();
    for &i in Instrument::ALL {
        *i.amount_mut(&mut out) = i.amount(later) - i.amount(earlier);
    }
    out
}

/// `amount` raised by the project's financing mix.
fn by_mix(p: &Project, amount: f64) -> Sources {
    let mut s = Sources::default();
    for &i in Instrument::ALL {
        *i.amount_mut(&mut s) = amount * i.get(&p.financing);
    }
    s
}

/// Replaces the months to the end of the forecast's `as_of` by the project's actuals: each
/// year's investment to date is what the records say was invested in it (split by category
/// as the plan's months to date are), the plan's months after are scaled so the project still
/// costs what it costs (or what it has already cost, when more), and the money raised to date
/// is the funds in place, the rest by the mix. Nothing changes when `as_of` is before the
/// project's start.
fn apply_actuals(p: &Project, costs: &mut ProjectCosts) {
    let Some(f) = p.forecast else { return };
    let timing = costs.timing;
    let t = f.as_of.since(Month::january(p.year));
    if t < 0 {
        return;
    }
    let end = f64::from(t + 1);
    let last_actual = (t / 12) as usize;
    let (invested, funds) = record_at(p, t);
    let years = costs.by_year.len().max(last_actual + 2);
    let month = |k: usize| 12.0 * k as f64;

    // The plan's months after the actuals, and what is left to spend in them.
    let after: Vec<Investment> = (0..years)
        .map(|k| timing.planned(&costs.total, month(k).max(end), month(k + 1)))
        .collect();
    let planned_after: f64 = after.iter().map(Investment::total).sum();
    let left = (costs.total.total() - invested).max(0.0);
    let scale = if planned_after > 0.0 {
        left / planned_after
    } else {
        0.0
    };
    let to_date_plan = timing.planned(&costs.total, 0.0, end);

    let mut by_year: Vec<Investment> = after
        .iter()
        .map(|a| of_parts(parts(a).map(|x| x * scale)))
        .collect();
    if planned_after <= 0.0 && left > 0.0 {
        // The plan had it all spent by now: what is left is spent the month after.
        let next = ((t + 1) / 12) as usize;
        by_year[next].add(&split_like(left, &costs.total, &costs.total));
    }
    let mut drawn = vec![Sources::default(); years];
    let reported = funds.total() > 0.0;
    for k in 0..=last_actual {
        let from = 12 * k as i32 - 1;
        let to = (12 * k as i32 + 11).min(t);
        let (before, funds_before) = record_at(p, from);
        let (now, funds_now) = record_at(p, to);
        let spent = now - before;
        let year_plan = timing.planned(&costs.total, month(k), month(k + 1).min(end));
        let fallback = if to_date_plan.total() > 0.0 {
            &to_date_plan
        } else {
            &costs.total
        };
        by_year[k].add(&split_like(spent, &year_plan, fallback));
        drawn[k] = if reported {
            funds_between(&funds_now, &funds_before)
        } else {
            by_mix(p, spent)
        };
    }
    // No year of nothing at the end (the plan's own years and the handover stay).
    let keep = costs.by_year.len().max(costs.handover_offset + 1);
    while by_year.len() > keep
        && by_year.last().is_some_and(|y| y.total() == 0.0)
        && drawn.last().is_some_and(|s| s.total() == 0.0)
    {
        by_year.pop();
        drawn.pop();
    }
    let mut total = Investment::default();
    for y in &by_year {
        total.add(y);
    }

    // What each instrument still raises, in proportion to the investment still to come.
    let raised = if reported { funds } else { by_mix(p, invested) };
    let to_come: Vec<f64> = (0..years).map(|k| after[k].total() * scale).collect();
    let to_come_total: f64 = to_come.iter().sum();
    for &i in Instrument::ALL {
        let rest = (total.total() * i.get(&p.financing) - i.amount(&raised)).max(0.0);
        if rest <= 0.0 {
            continue;
        }
        if to_come_total > 0.0 {
            for (k, c) in to_come.iter().enumerate() {
                *i.amount_mut(&mut drawn[k]) += rest * c / to_come_total;
            }
        } else {
            let next = ((t + 1) / 12) as usize;
            *i.amount_mut(&mut drawn[next]) += rest;
        }
    }
    costs.total = total;
    costs.by_year = by_year;
    costs.drawn = Some(drawn);
}
