//! A project's costs and money raised as it actually runs: its actuals to a month, the rest of
//! its (late) plan after it (docs/model.md, 预测与滚动).

use crate::calc::costs::{project_costs, Investment, ProjectCosts};
use crate::calc::model::Assumptions;
use crate::calc::model::{Instrument, Month, Project, Sources};

/// What a project costs as it runs: its plan's costs (late by its forecast's delays) with the
/// months to its forecast's month replaced by its actuals. The simulation reads this.
pub fn costs_as_run(p: &Project, a: &Assumptions) -> ProjectCosts {
    let mut costs = project_costs(p, a);
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
    basis.scaled(amount / t)
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
    let t = f.as_of.since(Month::january(p.year));
    if t < 0 {
        return;
    }
    let (invested, funds) = record_at(p, t);
    let years = costs.by_year.len().max((t / 12) as usize + 2);
    // The month after the actuals, where what the plan had spent by then but is not yet spent
    // goes when the plan has no month after it.
    let next = ((t + 1) / 12) as usize;

    // The plan's months after the actuals, scaled to what is left to spend in them.
    let after: Vec<Investment> = (0..years)
        .map(|k| {
            let from = (12.0 * k as f64).max(f64::from(t + 1));
            costs
                .timing
                .planned(&costs.total, from, 12.0 * (k + 1) as f64)
        })
        .collect();
    let planned_after: f64 = after.iter().map(Investment::total).sum();
    let left = (costs.total.total() - invested).max(0.0);
    let scale = if planned_after > 0.0 {
        left / planned_after
    } else {
        0.0
    };
    let mut by_year: Vec<Investment> = after.iter().map(|a| a.scaled(scale)).collect();
    let to_come: Vec<f64> = by_year.iter().map(Investment::total).collect();
    if planned_after <= 0.0 && left > 0.0 {
        by_year[next].add(&split_like(left, &costs.total, &costs.total));
    }
    let reported = funds.total() > 0.0;
    let mut drawn = actual_years(p, costs, t, reported, &mut by_year);
    let mut total = Investment::default();
    for y in &by_year {
        total.add(y);
    }
    let raised = if reported { funds } else { by_mix(p, invested) };
    raise_the_rest(p, &total, &raised, &to_come, next, &mut drawn);

    // No year of nothing at the end (the plan's own years and the handover stay).
    let keep = costs.by_year.len().max(costs.handover_offset + 1);
    while by_year.len() > keep
        && by_year.last().is_some_and(|y| y.total() == 0.0)
        && drawn.last().is_some_and(|s| s.total() == 0.0)
    {
        by_year.pop();
        drawn.pop();
    }
    costs.total = total;
    costs.by_year = by_year;
    costs.drawn = Some(drawn);
}

/// Adds each year's actual investment to date into `by_year` (split as the plan's months to
/// date of that year are) and gives the money raised in it: the funds in place when the
/// project reports them, else the mix's shares of what was invested.
fn actual_years(
    p: &Project,
    costs: &ProjectCosts,
    t: i32,
    reported: bool,
    by_year: &mut [Investment],
) -> Vec<Sources> {
    let end = f64::from(t + 1);
    let to_date_plan = costs.timing.planned(&costs.total, 0.0, end);
    let fallback = if to_date_plan.total() > 0.0 {
        &to_date_plan
    } else {
        &costs.total
    };
    let mut drawn = vec![Sources::default(); by_year.len()];
    for k in 0..=(t / 12) as usize {
        let (before, funds_before) = record_at(p, 12 * k as i32 - 1);
        let (now, funds_now) = record_at(p, (12 * k as i32 + 11).min(t));
        let spent = now - before;
        let from = 12.0 * k as f64;
        let year_plan = costs
            .timing
            .planned(&costs.total, from, (from + 12.0).min(end));
        by_year[k].add(&split_like(spent, &year_plan, fallback));
        drawn[k] = if reported {
            funds_between(&funds_now, &funds_before)
        } else {
            by_mix(p, spent)
        };
    }
    drawn
}

/// What each instrument still raises — its share of the total less what it has raised, never
/// below 0 — in proportion to the investment still to come (`to_come` per year), or in the
/// year `next` when none is.
fn raise_the_rest(
    p: &Project,
    total: &Investment,
    raised: &Sources,
    to_come: &[f64],
    next: usize,
    drawn: &mut [Sources],
) {
    let to_come_total: f64 = to_come.iter().sum();
    for &i in Instrument::ALL {
        let rest = (total.total() * i.get(&p.financing) - i.amount(raised)).max(0.0);
        if rest <= 0.0 {
            continue;
        }
        if to_come_total > 0.0 {
            for (k, c) in to_come.iter().enumerate() {
                *i.amount_mut(&mut drawn[k]) += rest * c / to_come_total;
            }
        } else {
            *i.amount_mut(&mut drawn[next]) += rest;
        }
    }
}
