//! Plans that roll: the forecast from the actuals, the three-year window, rolling forward and
//! its carry-over (docs/model.md, 预测与滚动).

mod common;

use planner::costs::project_costs;
use planner::demo::demo_plan;
use planner::edit::{Edit, Scenario};
use planner::forecast::{costs_as_run, planned_to};
use planner::history::History;
use planner::model::{Forecast, Instrument, Month, MonthlyProgress, Project, Status};
use planner::plan::Plan;
use planner::rolling::{forecast_edits, forecast_step, roll_forward, with_refresh};
use planner::simulate::{simulate_plan, Results};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * (1.0 + a.abs().max(b.abs()))
}

/// Every yearly figure the pages show, as numbers: investment, sources, fiscal burden, debt,
/// PPP share, households rehoused.
fn yearly(r: &Results) -> Vec<(i32, Vec<f64>)> {
    r.years
        .iter()
        .map(|y| {
            let mut v = vec![
                y.investment.total(),
                y.sources.total(),
                y.fiscal.total(),
                y.debt.total(),
                y.ppp_share,
                y.rehoused.monetized as f64,
                y.rehoused.in_kind as f64,
            ];
            v.extend(Instrument::ALL.iter().map(|i| i.amount(&y.sources)));
            (y.year, v)
        })
        .collect()
}

fn assert_same(a: &Results, b: &Results) {
    let (ya, yb) = (yearly(a), yearly(b));
    assert_eq!(
        ya.iter().map(|y| y.0).collect::<Vec<_>>(),
        yb.iter().map(|y| y.0).collect::<Vec<_>>()
    );
    for ((year, x), (_, y)) in ya.iter().zip(&yb) {
        for (i, (u, v)) in x.iter().zip(y).enumerate() {
            assert!(close(*u, *v), "{year} figure {i}: {u} ≠ {v}");
        }
    }
    assert!(close(a.totals.fiscal_burden_pv, b.totals.fiscal_burden_pv));
}

/// The demo with every project reporting exactly its plan, month by month, to `through`.
fn on_plan(through: Month) -> Plan {
    let mut plan = demo_plan();
    let a = plan.assumptions.clone();
    for p in plan.projects.iter_mut() {
        let costs = project_costs(p, &a);
        let start = Month::january(p.year);
        // The demo's own example figures make way for the plan's.
        p.progress = Default::default();
        p.progress.expropriation_started = Some(start);
        p.progress.construction_started = Some(start);
        let mut m = start;
        while m <= through {
            let months = f64::from(m.since(start) + 1);
            let invested = planned_to(&costs, months).total();
            let mut r = MonthlyProgress::empty(m);
            r.invested = invested;
            for &i in Instrument::ALL {
                *i.amount_mut(&mut r.funds) = invested * i.get(&p.financing);
            }
            p.progress.months.push(r);
            m = m.next();
        }
    }
    plan
}

/// The forecast scenario's edits, its money drawn as planned: these tests are about the
/// actuals (tests/readiness.rs has the gates).
fn forecast_of(plan: &Plan, as_of: Month) -> Scenario {
    Scenario {
        id: "f".into(),
        name: "预测".into(),
        note: String::new(),
        edits: forecast_edits(plan, as_of),
        forecast: true,
        gated: None,
    }
}

#[test]
fn the_forecast_is_the_plan_when_the_actuals_are_the_plan() {
    for through in ["2027-06", "2027-12", "2028-03"] {
        let as_of = Month::parse(through).unwrap();
        let plan = on_plan(as_of);
        let s = forecast_of(&plan, as_of);
        // Every project of the first year reported, and none is late.
        assert!(s.edits.len() >= plan.projects.iter().filter(|p| p.year == 2027).count());
        for e in &s.edits {
            let Edit::SetForecast {
                forecast: Some(f), ..
            } = e
            else {
                panic!("{e:?}")
            };
            assert_eq!((f.signing_delay, f.construction_delay), (0, 0), "{through}");
        }
        let view = plan.resolve(Some(&s));
        assert!(view.stale.is_empty(), "{through}: {:?}", view.stale);
        assert_same(&simulate_plan(&plan, Some(&s)), &simulate_plan(&plan, None));
    }
}

/// One in-kind project of 2027, 30 months of construction, as the demo's first.
fn one_project(plan: &Plan) -> Project {
    plan.projects
        .iter()
        .find(|p| {
            p.year == 2027
                && p.resettlement.new_build > 0.0
                && project_costs(p, &plan.assumptions).total.compensation > 0.0
        })
        .unwrap()
        .clone()
}

#[test]
fn a_project_three_months_late_moves_its_flows_three_months() {
    let plan = demo_plan();
    let mut p = one_project(&plan);
    let months = p
        .costs
        .construction_months
        .unwrap_or(plan.assumptions.costs.construction_months);
    assert_eq!(months, 30.0);
    let on_time = project_costs(&p, &plan.assumptions);
    // Not started by the end of March: the earliest start is April, three months late.
    p.progress = Default::default();
    let f =
        planner::rolling::project_forecast(&p, &plan.assumptions, Month::parse("2027-03").unwrap())
            .expect("late");
    assert_eq!((f.signing_delay, f.construction_delay), (3, 3));
    p.forecast = Some(f);
    let late = costs_as_run(&p, &plan.assumptions);
    let c = on_time.total.construction;
    let by = |costs: &planner::costs::ProjectCosts| -> Vec<f64> {
        costs.by_year.iter().map(|y| y.construction).collect()
    };
    // 12 + 12 + 6 months on time; 9 + 12 + 9 late.
    let expected_on_time = [12.0, 12.0, 6.0].map(|m| c * m / 30.0);
    let expected_late = [9.0, 12.0, 9.0].map(|m| c * m / 30.0);
    for (a, b) in by(&on_time).iter().zip(expected_on_time) {
        assert!(close(*a, b));
    }
    for (a, b) in by(&late).iter().zip(expected_late) {
        assert!(close(*a, b), "{:?}", by(&late));
    }
    // The yearly schedule: what is paid at signing stays in the year signing falls in.
    assert!(close(
        late.by_year[0].compensation,
        on_time.total.compensation
    ));
    assert!(close(late.total.total(), on_time.total.total()));
    // The handover (month 33) is in the same year index 2 as before (month 30).
    assert_eq!(late.handover_offset, 2);

    // Twelve months late, signing is in the next year, and with it the compensation, the
    // households rehoused with money and the loan's first draw.
    p.forecast = Some(Forecast {
        as_of: Month::parse("2027-12").unwrap(),
        signing_delay: 12,
        construction_delay: 12,
    });
    let year_late = project_costs(&p, &plan.assumptions);
    assert_eq!(year_late.by_year[0].total(), 0.0);
    assert!(close(
        year_late.by_year[1].compensation,
        on_time.total.compensation
    ));
    assert_eq!(year_late.signing_offset, 1);
    assert_eq!(year_late.handover_offset, 3);
    let mut moved = plan.clone();
    let i = moved.projects.iter().position(|q| q.id == p.id).unwrap();
    moved.projects[i] = p.clone();
    let (before, after) = (simulate_plan(&plan, None), simulate_plan(&moved, None));
    let rehoused = |r: &Results, y: usize| r.years[y].rehoused.monetized;
    let monetized = on_time.households.monetized();
    assert_eq!(rehoused(&before, 0) - rehoused(&after, 0), monetized);
    assert_eq!(rehoused(&after, 1) - rehoused(&before, 1), monetized);
    // Every yuan borrowed is still repaid.
    assert!(close(after.totals.borrowed, after.totals.repaid));
}

#[test]
fn the_actuals_replace_the_months_to_date() {
    // A project that spent half its first year's plan by June, with its funds in place by the
    // policy loan alone: the year's investment to date is the actuals, the rest follows.
    let plan = demo_plan();
    let mut p = one_project(&plan);
    let costs = project_costs(&p, &plan.assumptions);
    let june = Month::parse("2027-06").unwrap();
    let planned_june = planned_to(&costs, 6.0).total();
    let mut r = MonthlyProgress::empty(june);
    r.invested = planned_june / 2.0;
    r.funds.policy_loan = planned_june / 2.0;
    p.progress.expropriation_started = Some(Month::january(2027));
    p.progress.construction_started = Some(Month::january(2027));
    p.progress.months = vec![r];
    p.forecast = planner::rolling::project_forecast(&p, &plan.assumptions, june);
    let f = costs_as_run(&p, &plan.assumptions);
    // What it costs is unchanged; the shortfall is spent later, in proportion to the plan.
    assert!(close(f.total.total(), costs.total.total()));
    let after_june = costs.total.total() - planned_june;
    let scale = (costs.total.total() - planned_june / 2.0) / after_june;
    let plan_rest_2027 = costs.by_year[0].total() - planned_june;
    assert!(close(
        f.by_year[0].total(),
        planned_june / 2.0 + plan_rest_2027 * scale
    ));
    // Funds to date are the loan's: the capital fund raised so far is none of 2027's first
    // half; over the project, each instrument still raises its share.
    let drawn = f.drawn.as_ref().unwrap();
    let capital: f64 = drawn.iter().map(|s| s.capital_fund).sum();
    assert!(close(
        capital,
        costs.total.total() * p.financing.capital_fund
    ));
    let loan: f64 = drawn.iter().map(|s| s.policy_loan).sum();
    assert!(close(loan, costs.total.total() * p.financing.policy_loan));
}

#[test]
fn rolling_the_window_and_undoing_it_restores_the_document_byte_for_byte() {
    let mut plan = on_plan(Month::parse("2027-12").unwrap());
    // One project of 2027 finished: it goes into the history; the rest are carried.
    let done = plan.projects.iter().position(|p| p.year == 2027).unwrap();
    plan.projects[done].status = Status::Completed;
    let done_id = plan.projects[done].id.clone();
    // A forecast scenario, kept in step with the roll.
    let step = forecast_step(&plan, "按实际进度预测", |_| String::new()).unwrap();
    plan.apply(&step).unwrap();
    let before = planner::format::encode(&plan);
    let mut history = History::default();
    let roll = roll_forward(&plan);
    history.apply(&mut plan, roll, 0.0).unwrap();
    assert_eq!(plan.first_year, 2028);
    assert_eq!(plan.window().collect::<Vec<_>>(), vec![2028, 2029]);
    // The name says the new years.
    assert_eq!(plan.name, "X市2028—2029年棚改项目计划（示例）");
    assert!(plan.projects.iter().all(|p| p.id != done_id));
    assert_eq!(plan.history.len(), 1);
    assert_eq!(plan.history[0].id, done_id);
    assert!(!plan.history[0].progress.months.is_empty());
    // The carried projects keep their year, on their actuals to December 2027.
    let carried: Vec<&Project> = plan.projects.iter().filter(|p| p.year == 2027).collect();
    assert!(!carried.is_empty());
    for p in &carried {
        assert_eq!(p.forecast.unwrap().as_of, Month::parse("2027-12").unwrap());
    }
    let issues = planner::validate::validate(&plan);
    assert!(
        issues.is_empty(),
        "{:?}",
        issues
            .iter()
            .map(|i| i.message(planner::i18n::Lang::Zh))
            .collect::<Vec<_>>()
    );
    // The simulation counts what is left: its years start with the new window, and the
    // 2027 projects' investment there is what they had left to spend.
    let r = simulate_plan(&plan, None);
    assert_eq!(r.first_year, 2028);
    let left: f64 = carried
        .iter()
        .map(|p| {
            let c = project_costs(p, &plan.assumptions);
            c.total.total() - p.progress.months.last().unwrap().invested
        })
        .sum();
    let new: f64 = plan
        .projects
        .iter()
        .filter(|p| p.year >= 2028)
        .map(|p| project_costs(p, &plan.assumptions).total.total())
        .sum();
    let counted: f64 = r.years.iter().map(|y| y.investment.total()).sum();
    assert!(close(counted, left + new), "{counted} vs {left} + {new}");
    // The totals are the sums of the yearly rows (docs/model.md): the window's investment, what
    // its years draw and what they repay — which repays the debt carried in as well, the carried
    // projects' debt outstanding at the end of 2027.
    assert!(close(r.totals.investment, counted));
    let owned: Vec<Project> = carried.iter().map(|p| (*p).clone()).collect();
    let before_window = planner::simulate::simulate(&plan.assumptions, &owned, 2027);
    let carried_in = before_window.years[0].debt.total();
    assert!(carried_in > 0.0);
    let drawn: f64 = r.years.iter().map(|y| y.sources.borrowed()).sum();
    assert!(
        close(r.totals.borrowed, drawn),
        "{} vs {drawn}",
        r.totals.borrowed
    );
    assert!(
        close(r.totals.repaid, r.totals.borrowed + carried_in),
        "{} vs {} + {carried_in}",
        r.totals.repaid,
        r.totals.borrowed
    );
    // The forecast scenario was made again in the same step: nothing of it names the finished
    // project any more, and every edit of it applies.
    let forecast = plan.scenarios.iter().find(|s| s.forecast).unwrap();
    assert!(forecast.edits.iter().all(|e| e.project() != Some(&done_id)));
    assert!(plan.resolve(Some(forecast)).stale.is_empty());

    assert!(history.undo(&mut plan));
    assert_eq!(planner::format::encode(&plan), before);
    assert!(history.redo(&mut plan));
    assert_eq!(plan.first_year, 2028);
}

#[test]
fn a_three_year_plan_has_targets_and_findings_per_year() {
    let mut plan = demo_plan();
    // Two-year: 2029 is outside the window.
    let moved = |plan: &mut Plan| {
        let i = plan.projects.iter().position(|p| p.year == 2028).unwrap();
        plan.apply(&Edit::SetProjectField {
            project: plan.projects[i].id.clone(),
            field: planner::fields::ProjectField::Year,
            value: planner::fields::Value::Number(2029.0),
        })
    };
    assert!(moved(&mut plan.clone()).is_err());
    plan.apply(&Edit::SetWindow {
        first_year: 2027,
        years: 3,
    })
    .unwrap();
    assert_eq!(plan.last_year(), 2029);
    // A project of 2029, all in kind: that year's list misses every zone's target.
    let i = plan.projects.iter().position(|p| p.year == 2028).unwrap();
    let id = plan.projects[i].id.clone();
    moved(&mut plan).unwrap();
    plan.apply(&Edit::SetResettlement {
        project: id.clone(),
        mix: planner::model::ResettlementMix {
            cash: 0.0,
            self_purchase: 0.0,
            government_purchase: 0.0,
            new_build: 1.0,
            voucher: 0.0,
        },
    })
    .unwrap();
    let r = simulate_plan(&plan, None);
    let years: Vec<i32> = r.monetized_by_year.iter().map(|y| y.year).collect();
    assert_eq!(years, vec![2027, 2028, 2029]);
    let y2029 = &r.monetized_by_year[2];
    let overall = y2029
        .rates
        .iter()
        .find(|m| m.group == planner::simulate::Group::Overall)
        .unwrap();
    assert_eq!(overall.monetized, 0);
    assert_eq!(overall.households, u64::from(plan.projects[i].households));
    // Each year's households add up to the plan's.
    let total: u64 = r
        .monetized_by_year
        .iter()
        .map(|y| {
            y.rates
                .iter()
                .find(|m| m.group == planner::simulate::Group::Overall)
                .unwrap()
                .households
        })
        .sum();
    assert_eq!(
        total,
        r.rate(&planner::simulate::Group::Overall)
            .unwrap()
            .households
    );
    let findings = planner::rules::findings(&plan.assumptions, &r);
    let of_2029: Vec<String> = findings
        .iter()
        .filter(|f| f.years == Some((2029, 2029)))
        .map(|f| f.message(planner::i18n::Lang::Zh))
        .collect();
    assert!(
        of_2029.iter().any(|m| m.starts_with("2029年全市")),
        "{of_2029:?}"
    );
    // Back to two years is refused while a project is planned in 2029.
    let back = plan.apply(&Edit::SetWindow {
        first_year: 2027,
        years: 2,
    });
    assert!(back
        .unwrap_err()
        .message(planner::i18n::Lang::Zh)
        .contains("2029"));
}

#[test]
fn old_documents_open_as_two_year_plans() {
    for fixture in [
        include_str!("fixtures/plan-v6.json"),
        include_str!("fixtures/plan-v2.json"),
    ] {
        let plan = planner::format::decode(fixture).unwrap();
        assert_eq!(plan.window_years, 2);
        assert_eq!(plan.window_span(), (plan.first_year, plan.first_year + 1));
        assert!(plan.history.is_empty());
        assert!(plan.projects.iter().all(|p| p.forecast.is_none()));
        // A two-year plan writes no window: what an older version reads is unchanged.
        assert!(!planner::format::encode(&plan).contains("window_years"));
    }
}

#[test]
fn the_forecast_scenario_follows_the_actuals_in_the_same_step() {
    let mut plan = on_plan(Month::parse("2027-03").unwrap());
    let step = forecast_step(&plan, "按实际进度预测", |m| m.key()).unwrap();
    plan.apply(&step).unwrap();
    let s = plan.scenarios.iter().find(|s| s.forecast).unwrap().clone();
    assert_eq!(s.note, "2027-03");
    // April reported for one project: the scenario's edits move to April in the same step.
    let p = plan.projects[0].clone();
    let mut april = p.progress.months.last().unwrap().clone();
    april.month = Month::parse("2027-04").unwrap();
    april.invested += 1.0;
    let edit = Edit::SetProgress {
        project: p.id.clone(),
        progress: p.progress.with(april),
    };
    let mut history = History::default();
    let step = with_refresh(&plan, edit);
    history.apply(&mut plan, step, 0.0).unwrap();
    let after = plan.scenarios.iter().find(|s| s.forecast).unwrap();
    let months: Vec<Month> = after
        .edits
        .iter()
        .filter_map(|e| match e {
            Edit::SetForecast {
                forecast: Some(f), ..
            } => Some(f.as_of),
            _ => None,
        })
        .collect();
    assert!(months.iter().all(|m| m.key() == "2027-04"), "{months:?}");
    // One undo takes both back.
    history.undo(&mut plan);
    assert_eq!(plan.scenarios.iter().find(|s| s.forecast).unwrap(), &s);
}

#[test]
fn a_forecast_out_of_bounds_or_a_carried_project_without_one_is_refused() {
    let mut plan = demo_plan();
    let id = plan.projects[0].id.clone();
    let late = |months| Edit::SetForecast {
        project: id.clone(),
        forecast: Some(Forecast {
            as_of: Month::parse("2027-03").unwrap(),
            signing_delay: months,
            construction_delay: 0,
        }),
    };
    let refused = plan.apply(&late(241)).unwrap_err();
    assert!(refused
        .message(planner::i18n::Lang::Zh)
        .contains("预测进度"));
    let before = plan.clone();
    let undo = plan.apply(&late(240)).unwrap();
    plan.apply(&undo).unwrap();
    assert_eq!(plan, before);
    // Rolled: a carried project's forecast keeps its 2027 in the window; taking it away would not.
    let roll = roll_forward(&plan);
    plan.apply(&roll).unwrap();
    let carried = plan
        .projects
        .iter()
        .find(|p| p.year == 2027)
        .unwrap()
        .id
        .clone();
    let cleared = plan.apply(&Edit::SetForecast {
        project: carried,
        forecast: None,
    });
    assert!(cleared
        .unwrap_err()
        .message(planner::i18n::Lang::Zh)
        .contains("2027"));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// Whatever the delays, the month and the actuals: the years add up to the total, the
    /// project costs what its plan costs or what it has already cost when more, the money
    /// raised is every instrument's share of that (or what it has raised, when more), and
    /// every yuan borrowed is repaid.
    #[test]
    fn a_forecast_adds_up_and_repays_what_it_borrows(
        i in 0usize..32,
        signing in 0u32..30,
        building in 0u32..30,
        months in 0i32..40,
        share in 0.0f64..1.3,
        funds_reported in proptest::bool::ANY,
    ) {
        let mut plan = demo_plan();
        let p = &mut plan.projects[i];
        let plan_total = project_costs(p, &plan.assumptions).total.total();
        let as_of = Month::january(p.year).plus(months);
        let mut r = MonthlyProgress::empty(as_of);
        r.invested = plan_total * share;
        if funds_reported {
            r.funds.policy_loan = r.invested;
        }
        p.progress = Default::default();
        p.progress.months = vec![r];
        p.forecast = Some(Forecast { as_of, signing_delay: signing, construction_delay: building });
        let c = costs_as_run(p, &plan.assumptions);
        let mut sum = planner::costs::Investment::default();
        for y in &c.by_year {
            sum.add(y);
        }
        for ((_, a), (_, b)) in sum.parts().iter().zip(c.total.parts()) {
            proptest::prop_assert!(close(*a, b));
        }
        let expected = if as_of.since(Month::january(p.year)) < 0 {
            plan_total
        } else {
            plan_total.max(plan_total * share)
        };
        proptest::prop_assert!(close(c.total.total(), expected), "{} vs {}", c.total.total(), expected);
        let drawn = c.drawn.clone().unwrap_or_default();
        proptest::prop_assert!(drawn.is_empty() || drawn.len() == c.by_year.len());
        if !drawn.is_empty() {
            for &inst in Instrument::ALL {
                let raised: f64 = drawn.iter().map(|s| inst.amount(s)).sum();
                let reported = if funds_reported && inst == Instrument::PolicyLoan { plan_total * share } else { 0.0 };
                let own = if funds_reported { reported } else { plan_total * share * inst.get(&p.financing) };
                let want = (c.total.total() * inst.get(&p.financing)).max(own);
                proptest::prop_assert!(close(raised, want), "{inst:?}: {raised} vs {want}");
            }
        }
        let r = simulate_plan(&plan, None);
        proptest::prop_assert!(close(r.totals.borrowed, r.totals.repaid));
    }
}

/// The version 7 fixture (the demo in a three-year window with its forecast scenario, rolled
/// on to 2028 with one project finished) reads and writes back byte for byte, and is what
/// rolling makes of the demo.
#[test]
fn the_version_7_fixture_round_trips() {
    const FIXTURE_V7: &str = include_str!("fixtures/plan-v7.json");
    let plan = planner::format::decode(FIXTURE_V7).unwrap();
    // Written back as the current version: the forecast scenario marked as waiting for its
    // gates as things stand (the version 8 migration), nothing else changed.
    let v8 = common::as_current(FIXTURE_V7).replacen(
        "\"forecast\": true",
        "\"forecast\": true,\n        \"gated\": \"actual\"",
        1,
    );
    assert_eq!(planner::format::encode(&plan), v8);
    assert_eq!((plan.first_year, plan.window_years), (2028, 3));
    assert_eq!(plan.history.len(), 1);
    assert!(plan.scenarios.iter().any(|s| s.forecast));
    assert!(plan.projects.iter().filter(|p| p.year == 2027).all(|p| p
        .forecast
        .is_some_and(|f| f.as_of == Month::parse("2027-12").unwrap())));
    assert!(planner::validate::validate(&plan).is_empty());
}

/// After a roll, the forecast from the latest actuals (March) does not take a carried project
/// back before December: what the roll counted from the new window stays counted, so a
/// forecast made then equals the rolled plan where nothing was reported since.
#[test]
fn a_forecast_after_a_roll_keeps_the_carried_projects_months() {
    let mut plan = demo_plan();
    let roll = roll_forward(&plan);
    plan.apply(&roll).unwrap();
    let s = forecast_of(&plan, Month::parse("2027-03").unwrap());
    // Every 2027 project is carried at December already, and no 2028 project has started or
    // is late in March 2027: the forecast changes nothing.
    assert_eq!(s.edits, vec![]);
    let (base, forecast) = (simulate_plan(&plan, None), simulate_plan(&plan, Some(&s)));
    assert_same(&forecast, &base);
}

/// A file's window is two years or three, as the page's choice and SetWindow hold it: a document
/// that says 5 is a problem of validation (named), not a plan that passes with five years.
#[test]
fn a_window_of_five_years_in_a_file_is_refused_by_name() {
    let mut plan = demo_plan();
    plan.window_years = 5;
    let issues = planner::validate::validate(&plan);
    assert_eq!(issues.len(), 1, "{issues:?}");
    let message = issues[0].message(planner::i18n::Lang::Zh);
    assert!(
        message.contains("规划年限") && message.contains('5'),
        "{message}"
    );
    plan.window_years = 3;
    assert!(planner::validate::validate(&plan).is_empty());
}
