//! The optimizer: its answer passes the full simulation, no feasible nudge of it is cheaper,
//! on a two-project plan it is at least as good as a brute-force grid, and limits that cannot
//! all hold are reported with the least relaxation, never crashed on.

use planner::demo::demo_plan;
use planner::i18n::Lang;
use planner::model::{Instrument, Project, ResettlementWay};
use planner::optimize::{misses, objective, optimize, Limit, Settings};
use planner::plan::Plan;
use planner::validate::validate;
use rand_core::{RngCore, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

/// Uniform in [lo, hi).
fn uniform(rng: &mut Xoshiro256PlusPlus, lo: f64, hi: f64) -> f64 {
    lo + (hi - lo) * ((rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64)
}

fn index(rng: &mut Xoshiro256PlusPlus, n: usize) -> usize {
    (rng.next_u64() % n as u64) as usize
}

#[test]
fn the_answer_for_the_demo_meets_every_target_and_rule_and_costs_less() {
    let plan = demo_plan();
    let s = Settings::default();
    assert!(
        !misses(&plan, &s).is_empty(),
        "the demo misses targets as it stands"
    );
    let a = optimize(&plan, &s);
    assert!(a.feasible);
    assert_eq!(validate(&a.plan), vec![]);
    assert_eq!(
        misses(&a.plan, &s),
        vec![],
        "the full simulation finds no miss"
    );
    assert_eq!(a.after, objective(&a.plan, &s));
    assert!(a.after < a.before, "{} < {}", a.after, a.before);
    // Cash stays within its bound; the targets that bind have a price.
    assert!(a
        .plan
        .projects
        .iter()
        .all(|p| p.resettlement.cash <= 0.7 + 1e-9));
    let target = a
        .binding
        .iter()
        .find(|b| matches!(b.limit, Limit::Target(_)))
        .expect("a target binds");
    assert!(target.price > 0.0);
    let text = target.describe(s.objective, Lang::Zh);
    assert!(
        text.contains("每提高 1 个百分点") && text.contains("财政负担现值增加"),
        "{text}"
    );
}

/// A random nudge of one project's mix: some share moved from one part to another.
fn nudge(plan: &Plan, rng: &mut Xoshiro256PlusPlus) -> Plan {
    let mut p = plan.clone();
    let i = index(rng, p.projects.len());
    let amount = uniform(rng, 0.001, 0.05);
    let q: &mut Project = &mut p.projects[i];
    let n = ResettlementWay::ALL.len();
    // No 房票 opened where the district has none (the optimizer's rule).
    let opens = |b: usize| {
        ResettlementWay::ALL[b] == ResettlementWay::Voucher
            && !planner::optimize::issues_vouchers(plan, &plan.projects[i].district)
    };
    if index(rng, 2) == 0 {
        let (a, b) = (index(rng, n), index(rng, n));
        let b = if opens(b) { a } else { b };
        let (wa, wb) = (ResettlementWay::ALL[a], ResettlementWay::ALL[b]);
        let moved = wa.get(&q.resettlement).min(amount);
        let (va, vb) = (wa.get(&q.resettlement), wb.get(&q.resettlement));
        wa.set(&mut q.resettlement, va - moved);
        wb.set(&mut q.resettlement, vb + if a == b { 0.0 } else { moved });
        if a == b {
            wa.set(&mut q.resettlement, va);
        }
    } else {
        let (a, b) = (
            index(rng, Instrument::ALL.len()),
            index(rng, Instrument::ALL.len()),
        );
        let (ia, ib) = (Instrument::ALL[a], Instrument::ALL[b]);
        let moved = ia.get(&q.financing).min(amount);
        let (va, vb) = (ia.get(&q.financing), ib.get(&q.financing));
        ia.set(&mut q.financing, va - moved);
        ib.set(&mut q.financing, vb + if a == b { 0.0 } else { moved });
        if a == b {
            ia.set(&mut q.financing, va);
        }
    }
    p
}

#[test]
fn no_feasible_nudge_of_the_answer_is_cheaper() {
    let plan = demo_plan();
    let s = Settings::default();
    let a = optimize(&plan, &s);
    let best = a.after;
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(7);
    let (mut tried, mut feasible) = (0, 0);
    while tried < 1000 {
        tried += 1;
        let p = nudge(&a.plan, &mut rng);
        let within = p
            .projects
            .iter()
            .all(|q| q.resettlement.cash <= s.max_cash + 1e-12);
        // Every limit the answer keeps: its findings, and the planner's own (the bonds'
        // coverage among them, which no finding binds).
        if !within || !validate(&p).is_empty() || !planner::optimize::feasible(&p, &s) {
            continue;
        }
        feasible += 1;
        let v = objective(&p, &s);
        if v < best - 1e-6 * best {
            for (x, y) in a.plan.projects.iter().zip(&p.projects) {
                if x != y {
                    eprintln!(
                        "{} {:?}\n -> {:?}\n {:?}\n -> {:?}",
                        x.name, x.resettlement, y.resettlement, x.financing, y.financing
                    );
                }
            }
        }
        assert!(v >= best - 1e-6 * best, "a nudge is cheaper: {v} < {best}");
    }
    assert!(
        feasible > 100,
        "{feasible} of the 1,000 nudges were feasible"
    );
}

/// Every mix of a project on a 25 % grid (cash at most 70 %, capital fund at least 25 %, no PPP).
fn grid(p: &Project) -> Vec<Project> {
    let steps = [0.0, 0.25, 0.5, 0.75, 1.0];
    let mut out = Vec::new();
    for &cash in &steps[..3] {
        for &own in &steps {
            for &gov in &steps {
                let nb = 1.0 - cash - own - gov;
                if nb < -1e-9 {
                    continue;
                }
                for &cf in &steps[1..] {
                    for &loan in &steps {
                        for &sp in &steps {
                            let bond = 1.0 - cf - loan - sp;
                            if bond < -1e-9 {
                                continue;
                            }
                            let mut q = p.clone();
                            q.resettlement = planner::model::ResettlementMix {
                                cash,
                                self_purchase: own,
                                government_purchase: gov,
                                new_build: nb.max(0.0),
                                voucher: 0.0,
                            };
                            q.financing = planner::model::FinancingMix {
                                capital_fund: cf,
                                policy_loan: loan,
                                service_purchase: sp,
                                ppp: 0.0,
                                special_bond: bond.max(0.0),
                            };
                            out.push(q);
                        }
                    }
                }
            }
        }
    }
    out
}

#[test]
fn on_two_projects_the_answer_is_at_least_as_good_as_a_brute_force_grid() {
    let demo = demo_plan();
    let mut plan = demo.clone();
    plan.scenarios.clear();
    plan.projects = vec![demo.projects[0].clone(), demo.projects[10].clone()];
    let s = Settings::default();
    // Each project's grid mixes, cheapest first; the first feasible pair is the grid's best
    // (the PV is the sum of the projects' own).
    let priced = |p: &Project| {
        let mut v: Vec<(f64, Project)> = grid(p)
            .into_iter()
            .map(|q| {
                let r = planner::simulate::simulate(
                    &plan.assumptions,
                    std::slice::from_ref(&q),
                    plan.first_year,
                );
                (r.totals.fiscal_burden_pv, q)
            })
            .collect();
        v.sort_by(|a, b| a.0.total_cmp(&b.0));
        v
    };
    let (a, b) = (priced(&plan.projects[0]), priced(&plan.projects[1]));
    let mut best = f64::INFINITY;
    for (va, pa) in &a {
        if va + b[0].0 >= best {
            break;
        }
        for (vb, pb) in &b {
            if va + vb >= best {
                break;
            }
            let mut pair = plan.clone();
            pair.projects = vec![pa.clone(), pb.clone()];
            if planner::optimize::feasible(&pair, &s) {
                best = objective(&pair, &s);
                break;
            }
        }
    }
    assert!(best.is_finite(), "the grid has a feasible pair");
    let answer = optimize(&plan, &s);
    assert!(answer.feasible && planner::optimize::feasible(&answer.plan, &s));
    assert!(
        answer.after <= best + 1e-6 * best,
        "optimizer {} vs grid {}",
        answer.after,
        best
    );
}

#[test]
fn limits_that_cannot_all_hold_are_reported_with_the_least_relaxation() {
    let plan = demo_plan();
    // Residents insist on 80 % new build everywhere, yet half must be monetized.
    let s = Settings {
        min_in_kind: 0.8,
        ..Settings::default()
    };
    let a = optimize(&plan, &s);
    assert!(!a.feasible);
    let relaxed: Vec<_> = a.binding.iter().filter(|b| b.relaxed > 0.0).collect();
    assert!(!relaxed.is_empty());
    let overall = relaxed
        .iter()
        .find(|b| matches!(&b.limit, Limit::Target(planner::simulate::Group::Overall)))
        .expect("the overall target gives");
    // At most 20 % can be monetized: the 50 % target gives about 30 points.
    assert!((overall.relaxed - 30.0).abs() < 1.0, "{}", overall.relaxed);
    let text = overall.describe(s.objective, Lang::Zh);
    assert!(
        text.contains("无法满足") && text.contains("个百分点"),
        "{text}"
    );
}

#[test]
fn a_floor_against_a_target_is_refused_naming_both_with_the_least_relaxation_of_each() {
    // New build at least half everywhere, yet the counties must monetize 60 %.
    let mut plan = demo_plan();
    plan.assumptions.targets.counties = 0.6;
    let s = Settings {
        min_in_kind: 0.5,
        ..Settings::default()
    };
    let a = optimize(&plan, &s);
    assert!(!a.feasible);
    let given = |limit: &Limit| {
        a.binding
            .iter()
            .find(|b| b.limit == *limit)
            .unwrap_or_else(|| panic!("{limit:?} is named: {:?}", a.binding))
            .relaxed
    };
    // Counties' projects can monetize at most half their households (a little less in whole
    // households), so their target gives a little over 10 points...
    let counties = given(&Limit::Target(planner::simulate::Group::Counties));
    assert!((10.0..11.0).contains(&counties), "{counties}");
    // ...and so must the floor, alone: to 40 % new build, the counties reach 60 %.
    // (a little more, as each project's floor holds in whole households).
    let floor = given(&Limit::InKindFloor);
    assert!((10.0..12.0).contains(&floor), "{floor}");
    // Either relaxation on its own is enough: the targets eased by theirs (the central city's
    // 60 % gives too), or the floor by its own, and the plan has an answer.
    // A zone's target is one figure for the window and every year: eased by the most any of
    // its rows gave.
    let mut eased = plan.clone();
    let mut by = [0.0_f64; 3];
    for b in &a.binding {
        use planner::simulate::Group;
        let zone = match &b.limit {
            Limit::Target(g) | Limit::YearTarget(_, g) => g,
            _ => continue,
        };
        let k = match zone {
            Group::Overall => 0,
            Group::CentralCity => 1,
            Group::Counties => 2,
            Group::District(_) => continue,
        };
        by[k] = by[k].max(b.relaxed / 100.0);
    }
    let t = &mut eased.assumptions.targets;
    t.overall -= by[0];
    t.central_city -= by[1];
    t.counties -= by[2];
    let eased_answer = optimize(&eased, &s);
    assert!(
        eased_answer.feasible,
        "targets eased: {:?}",
        eased_answer.binding
    );
    let lower = Settings {
        min_in_kind: 0.5 - floor / 100.0,
        ..s.clone()
    };
    assert!(
        optimize(&plan, &lower).feasible,
        "floor eased to {}",
        lower.min_in_kind
    );
    // And it is the least: a point less is not enough.
    let short = Settings {
        min_in_kind: 0.5 - (floor - 1.0) / 100.0,
        ..s.clone()
    };
    assert!(
        !optimize(&plan, &short).feasible,
        "floor eased to {}",
        short.min_in_kind
    );
    let text = a
        .binding
        .iter()
        .find(|b| b.limit == Limit::InKindFloor)
        .expect("named")
        .describe(s.objective, Lang::Zh);
    assert!(
        text.contains("新建安置比例下限") && text.contains("个百分点"),
        "{text}"
    );
}

#[test]
fn a_run_in_steps_shows_where_it_is_and_ends_as_the_one_go_answer() {
    use planner::optimize::{Phase, Run};
    let plan = planner::demo::generated_plan(60);
    let s = Settings::default();
    let mut run = Run::new(&plan, &s);
    let mut seen = Vec::new();
    let mut steps = 0;
    while !run.step() {
        steps += 1;
        let label = match run.phase() {
            Phase::Solving(_) => "solving",
            Phase::Polishing { done, total, .. } => {
                assert!(done <= total);
                "polishing"
            }
            Phase::Pricing { .. } => "pricing",
            Phase::Done => "done",
        };
        if seen.last() != Some(&label) {
            seen.push(label);
        }
    }
    assert_eq!(run.phase(), Phase::Done);
    assert_eq!(seen[..2], ["solving", "polishing"], "{seen:?}");
    // Polishing goes a few projects at a time: many more steps than rounds.
    assert!(steps > 60 / 4, "{steps} steps");
    let stepped = run.answer();
    let one_go = optimize(&plan, &s);
    assert!(stepped.feasible);
    assert_eq!(stepped.plan, one_go.plan);
    assert_eq!(stepped.after, one_go.after);
}

#[test]
fn settings_are_kept_in_the_document_and_a_value_out_of_bounds_is_refused_by_name() {
    use planner::edit::Edit;
    let mut plan = demo_plan();
    let mut s = Settings {
        credit_line: Some(1_500_000.0),
        ..Settings::default()
    };
    s.in_kind_floor.push(("p01".into(), 0.4));
    let undo = plan
        .apply(&Edit::SetOptimize {
            settings: Box::new(s.clone()),
        })
        .unwrap();
    assert_eq!(plan.optimize, s);
    assert_eq!(plan.optimize.floor("p01"), 0.4);
    let back = planner::format::decode(&planner::format::encode(&plan)).unwrap();
    assert_eq!(back.optimize, s);

    let bad = Settings {
        max_cash: 1.5,
        ..s.clone()
    };
    let refused = plan
        .apply(&Edit::SetOptimize {
            settings: Box::new(bad),
        })
        .unwrap_err();
    let message = refused.message(Lang::Zh);
    assert!(
        message.contains("货币补偿比例上限") && message.contains("150"),
        "{message}"
    );
    assert_eq!(plan.optimize, s, "a refused edit changes nothing");
    plan.apply(&undo).unwrap();
    assert!(plan.optimize.is_default());
}

/// The fixture's plan cut to `keep` (the optimizer settings of the other projects dropped), as a
/// county office optimizing its own projects would have it.
fn cut(full: &Plan, keep: &[usize]) -> Plan {
    let mut plan = full.clone();
    plan.projects = keep.iter().map(|&i| full.projects[i].clone()).collect();
    let ids: Vec<String> = plan.projects.iter().map(|p| p.id.clone()).collect();
    plan.optimize
        .in_kind_floor
        .retain(|(id, _)| ids.contains(id));
    plan
}

fn fixture() -> Plan {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/plan-v3.json"
    ))
    .unwrap();
    planner::format::decode(&text).expect("the v3 fixture reads")
}

/// A cut that keeps every limit as it stands, or whose limits can all hold, gets an answer:
/// the programs are scaled (each row by its largest coefficient, the costs by the largest) and
/// a closed instrument is an equality, so a one-project program is not misread as unbounded.
fn assert_answered(plan: &Plan, what: &str) {
    let a = optimize(plan, &plan.optimize);
    assert!(a.feasible, "{what}: refused ({:?})", a.binding);
    assert_eq!(misses(&a.plan, &plan.optimize), vec![], "{what}");
    assert!(
        a.after <= a.before + 1e-6,
        "{what}: {} > {}",
        a.after,
        a.before
    );
}

#[test]
fn every_one_and_two_project_cut_of_the_fixture_gets_an_answer() {
    let full = fixture();
    let n = full.projects.len();
    for i in 0..n {
        assert_answered(&cut(&full, &[i]), &full.projects[i].id);
        for j in i + 1..n {
            let what = format!("{} + {}", full.projects[i].id, full.projects[j].id);
            assert_answered(&cut(&full, &[i, j]), &what);
        }
    }
}

#[test]
fn fifty_random_cuts_of_three_to_twelve_projects_get_an_answer() {
    let full = fixture();
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(28);
    for k in 0..50 {
        let size = 3 + k % 10;
        let mut keep: Vec<usize> = Vec::new();
        while keep.len() < size {
            let i = index(&mut rng, full.projects.len());
            if !keep.contains(&i) {
                keep.push(i);
            }
        }
        assert_answered(&cut(&full, &keep), &format!("cut {keep:?}"));
    }
}

/// `plan` with `step` of project `i`'s share `from` moved to `to` (ways of resettlement when
/// `way`, else instruments); `None` when the share has less than `step` or `from == to`.
fn moved_share(
    plan: &Plan,
    i: usize,
    way: bool,
    from: usize,
    to: usize,
    step: f64,
) -> Option<Plan> {
    // The optimizer opens no 房票 scheme in a district that has none.
    let opens = way
        && ResettlementWay::ALL[to] == ResettlementWay::Voucher
        && !planner::optimize::issues_vouchers(plan, &plan.projects[i].district);
    if from == to || opens {
        return None;
    }
    let mut q = plan.clone();
    let p = &mut q.projects[i];
    if way {
        let (a, b) = (ResettlementWay::ALL[from], ResettlementWay::ALL[to]);
        let r = &mut p.resettlement;
        (a.get(r) >= step).then(|| {
            a.set(r, a.get(r) - step);
            b.set(r, b.get(r) + step);
        })?;
    } else {
        let (a, b) = (Instrument::ALL[from], Instrument::ALL[to]);
        let f = &mut p.financing;
        (a.get(f) >= step).then(|| {
            a.set(f, a.get(f) - step);
            b.set(f, b.get(f) + step);
        })?;
    }
    Some(q)
}

/// Every (way?, from, to) pair of one project's shares.
fn share_pairs() -> impl Iterator<Item = (bool, usize, usize)> {
    [
        (true, ResettlementWay::ALL.len()),
        (false, Instrument::ALL.len()),
    ]
    .into_iter()
    .flat_map(|(way, n)| (0..n).flat_map(move |f| (0..n).map(move |t| (way, f, t))))
}

/// Every move of 0.1 percentage point between two shares of one project (a way of resettlement
/// to another, an instrument to another) that keeps every limit: none is cheaper than `plan`.
fn assert_no_cheaper_move(plan: &Plan, s: &Settings, what: &str) {
    let base = objective(plan, s);
    for i in 0..plan.projects.len() {
        for (way, from, to) in share_pairs() {
            let Some(q) = moved_share(plan, i, way, from, to, 0.001) else {
                continue;
            };
            let v = objective(&q, s);
            assert!(
                v >= base - 1e-9 * base.abs() || !planner::optimize::feasible(&q, s),
                "{what}: {} share {from} → {to} (resettlement: {way}) lowers {base} to {v}",
                q.projects[i].id
            );
        }
    }
}

#[test]
fn after_the_polish_no_single_move_of_a_tenth_of_a_point_is_cheaper() {
    let s = Settings::default();
    let a = optimize(&demo_plan(), &s);
    assert_no_cheaper_move(&a.plan, &s, "demo");
    let full = fixture();
    let a = optimize(&full, &full.optimize);
    assert_no_cheaper_move(&a.plan, &full.optimize, "fixture");
    for keep in [vec![0, 1, 5, 11, 17], vec![3, 9, 21]] {
        let plan = cut(&full, &keep);
        let a = optimize(&plan, &plan.optimize);
        assert_no_cheaper_move(&a.plan, &plan.optimize, &format!("cut {keep:?}"));
    }
}

#[test]
fn capital_fund_stays_at_its_minimum_wherever_the_loan_is_cheaper() {
    let full = fixture();
    let s = full.optimize.clone();
    let a = optimize(&full, &s);
    let min = full.assumptions.min_capital_fund.max(0.2);
    for (i, p) in a.plan.projects.iter().enumerate() {
        let rest = p.financing.capital_fund - min;
        if rest <= 1e-9 {
            continue;
        }
        // The whole rest moved to the loan at once is not cheaper (or breaks a limit).
        let mut q = a.plan.clone();
        q.projects[i].financing.capital_fund = min;
        q.projects[i].financing.policy_loan += rest;
        assert!(
            objective(&q, &s) >= a.after - 1e-6 || !planner::optimize::feasible(&q, &s),
            "{}: capital fund {:.4} above its minimum though the loan is cheaper",
            p.id,
            p.financing.capital_fund
        );
    }
    // The fixture's answer with every such project down to 20 %: 117,291 万元. (116,853 when
    // only the window's rates were held to the targets, 117,096 with each year's too; the rest
    // is each bond's coverage held at the appraisal's 1.2.)
    assert!(a.after < 117_292.0, "{}", a.after);
}

#[test]
fn floors_and_caps_hold_in_the_whole_households_the_results_show() {
    let full = fixture();
    let s = full.optimize.clone();
    let a = optimize(&full, &s);
    assert!(a.feasible);
    for p in a.plan.projects.iter().filter(|p| p.households > 0) {
        let h = p.resettlement.households(p.households);
        let n = f64::from(p.households);
        let floor = (s.floor(&p.id) * n - 1e-9).ceil() as u64;
        let cap = (s.max_cash * n + 1e-9).floor() as u64;
        assert!(
            h.new_build >= floor,
            "{}: {} new-build households of {}, floor {floor}",
            p.id,
            h.new_build,
            p.households
        );
        assert!(
            h.cash <= cap,
            "{}: {} cash households of {}, cap {cap}",
            p.id,
            h.cash,
            p.households
        );
    }
    // The case that was read in shares: 10 % of 安平县化肥厂旧住宅小区's 115 households is 12.
    let p30 = a.plan.projects.iter().find(|p| p.id == "p30").unwrap();
    assert_eq!(p30.households, 115);
    assert!(p30.resettlement.households(115).new_build >= 12);
}

/// A start that meets the targets without the optimizer: each project monetized at its group's
/// target (or, `random`, anywhere up to what its new-build floor leaves) by cash up to the cap
/// and self-purchase, the rest new build; financed by capital fund alone (or, `random`, a random
/// share of it, the rest policy loan).
fn feasible_start(plan: &Plan, s: &Settings, rng: &mut Xoshiro256PlusPlus, random: bool) -> Plan {
    let mut q = plan.clone();
    let t = q.assumptions.targets;
    for p in q.projects.iter_mut() {
        let cf = if random { uniform(rng, 0.2, 1.0) } else { 1.0 };
        p.financing.capital_fund = cf;
        p.financing.policy_loan = 1.0 - cf;
        p.financing.service_purchase = 0.0;
        p.financing.ppp = 0.0;
        p.financing.special_bond = 0.0;
        if p.households == 0 {
            continue;
        }
        let n = f64::from(p.households);
        let target = if p.central_city {
            t.central_city
        } else {
            t.counties
        }
        .max(t.overall);
        let least = (target * n).ceil() / n + 1e-9;
        let most = 1.0 - (s.floor(&p.id) * n - 1e-9).ceil() / n;
        let m = if random {
            uniform(rng, least.min(most), most)
        } else {
            least.min(most)
        };
        let cash = m.min((s.max_cash * n).floor() / n);
        p.resettlement.cash = cash;
        p.resettlement.self_purchase = m - cash;
        p.resettlement.government_purchase = 0.0;
        p.resettlement.new_build = 1.0 - m;
    }
    q
}

/// A plain search, independent of the optimizer: from feasible starts of its own, moves between two shares of one project in steps of 5, 1 and 0.1
/// points, each kept when cheaper and within every limit, `budget` evaluations per start.
fn searched_best(
    plan: &Plan,
    s: &Settings,
    rng: &mut Xoshiro256PlusPlus,
    starts: usize,
    budget: usize,
) -> f64 {
    let mut best = f64::INFINITY;
    for start in 0..starts {
        let mut q = feasible_start(plan, s, rng, start > 0);
        if !planner::optimize::feasible(&q, s) {
            continue;
        }
        let mut value = objective(&q, s);
        let mut evaluations = 0;
        for step in [0.05, 0.01, 0.001] {
            let mut improved = true;
            while improved && evaluations < budget {
                improved = false;
                for i in 0..q.projects.len() {
                    for (way, from, to) in share_pairs() {
                        let Some(t) = moved_share(&q, i, way, from, to, step) else {
                            continue;
                        };
                        evaluations += 1;
                        let v = objective(&t, s);
                        if v < value - 1e-9 && planner::optimize::feasible(&t, s) {
                            q = t;
                            value = v;
                            improved = true;
                        }
                    }
                }
            }
        }
        if planner::optimize::feasible(&q, s) {
            best = best.min(value);
        }
    }
    best
}

#[test]
fn on_cuts_of_up_to_five_projects_the_answer_is_within_a_tenth_of_a_percent_of_a_plain_search() {
    let full = fixture();
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(2028);
    // The cut of the issue (p01, p02, p06, p12, p18) and two others.
    for keep in [vec![0, 1, 5, 11, 17], vec![2, 14], vec![7, 19, 26, 30]] {
        let plan = cut(&full, &keep);
        let s = plan.optimize.clone();
        let a = optimize(&plan, &s);
        let best = searched_best(&plan, &s, &mut rng, 8, 3000);
        assert!(
            best.is_finite(),
            "cut {keep:?}: the search found no feasible start"
        );
        assert!(
            a.after <= best * 1.001,
            "cut {keep:?}: the optimizer's {} against the search's {best}",
            a.after
        );
    }
}

#[test]
fn on_the_five_project_cut_of_the_issue_the_answer_is_within_a_tenth_of_a_percent_of_the_outside_search(
) {
    // p01, p02, p06, p12, p18: a plain random-plus-coordinate search calling plan-sim as a black
    // box found 27,064.81 万元 (issue 28) when only the window's rates were held to the targets;
    // the optimizer had answered 27,164.79, then 27,064.6. With each year's list held to its
    // targets (issue 35) it answers 27,124.94, and 27,135.13 with every bond covered 1.2 times.
    let plan = cut(&fixture(), &[0, 1, 5, 11, 17]);
    let a = optimize(&plan, &plan.optimize);
    assert!(a.feasible);
    assert!(a.after <= 27_135.13 * 1.0001, "{}", a.after);
    let relaxed = Settings {
        bond_coverage: Some(1.0),
        ..plan.optimize.clone()
    };
    let b = optimize(&plan, &relaxed);
    assert!(b.after <= 27_124.94 * 1.0001, "{}", b.after);
}

/// Government purchase of services is closed to new projects (财政部令第102号) unless the
/// planner allows it in the settings: the answer finances no new project by it, and the demo's
/// own service purchase in new projects counts as a miss only while it is not allowed.
#[test]
fn service_purchase_stays_off_new_projects_unless_allowed() {
    use planner::rules::RuleId;
    let plan = demo_plan();
    let s = Settings::default();
    let flagged = |s: &Settings| {
        misses(&plan, s)
            .iter()
            .filter(|f| f.rule == RuleId::ServicePurchaseNewProject)
            .count()
    };
    assert!(flagged(&s) > 0);
    let allowed = Settings {
        allow_service_purchase: true,
        ..s.clone()
    };
    assert_eq!(flagged(&allowed), 0);
    let a = optimize(&plan, &s);
    assert!(a.feasible);
    for p in a.plan.projects.iter().filter(|p| p.status.is_new()) {
        assert_eq!(p.financing.service_purchase, 0.0, "{}", p.name);
    }
    // Allowed, a plan that keeps service purchase in new projects can be an answer: the plan
    // with every other limit held by the optimizer's answer, and service purchase put back
    // into one new project, is feasible only when allowed.
    let mut with_service = a.plan.clone();
    let p = with_service
        .projects
        .iter_mut()
        .find(|p| p.status.is_new() && p.financing.policy_loan >= 0.05)
        .expect("a new project with a loan");
    p.financing.policy_loan -= 0.05;
    p.financing.service_purchase += 0.05;
    assert!(!planner::optimize::feasible(&with_service, &s));
    assert!(planner::optimize::feasible(&with_service, &allowed));
}

/// Each planned year's zones of `plan` against their targets: (year, zone, rate, target) of
/// every one that misses.
fn year_misses(plan: &Plan) -> Vec<(i32, String, f64, f64)> {
    let r = planner::simulate::simulate_plan(plan, None);
    r.monetized_by_year
        .iter()
        .flat_map(|y| {
            y.zones()
                .filter(|m| m.households > 0 && !m.meets_target())
                .map(|m| (y.year, format!("{:?}", m.group), m.rate, m.target))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The province assesses each year's list (issue 35): the optimizer had met the window's rates
/// by moving the money into 2028, leaving 2027 at 37–42 % in every zone, and had let the bonds'
/// coverage fall below the appraisal's 1.2 in 18 projects.
#[test]
fn the_answer_meets_every_year_s_targets_and_keeps_every_bond_covered() {
    let full = fixture();
    let v7 = planner::format::decode(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/plan-v7.json"
        ))
        .unwrap(),
    )
    .unwrap();
    for (name, plan, s) in [
        ("demo", demo_plan(), Settings::default()),
        ("fixture", full.clone(), full.optimize.clone()),
        ("v7", v7.clone(), v7.optimize.clone()),
    ] {
        let a = optimize(&plan, &s);
        assert!(a.feasible, "{name}: {:?}", a.binding);
        assert_eq!(year_misses(&a.plan), vec![], "{name}");
        // v7's carried projects drew service-purchase money before the roll (their actuals),
        // which no mix takes back: those misses are the plan's own; no target is missed.
        let before = misses(&plan, &s);
        for m in misses(&a.plan, &s) {
            assert!(
                m.rule != planner::rules::RuleId::MonetizedTarget,
                "{name}: {m:?}"
            );
            assert!(
                before.iter().any(|b| b.subject == m.subject),
                "{name}: {m:?}"
            );
        }
        let r = planner::simulate::simulate_plan(&a.plan, None);
        let threshold = plan.assumptions.bond_balance_threshold;
        for p in &r.projects {
            if let Some(b) = p.bond_balance {
                assert!(b >= threshold - 1e-9, "{name} {}: coverage {b}", p.id);
            }
        }
        let appraisal = |r: &planner::simulate::Results| {
            planner::rules::findings(&plan.assumptions, r)
                .iter()
                .filter(|f| f.rule == planner::rules::RuleId::BondAppraisal)
                .count()
        };
        assert_eq!(appraisal(&r), 0, "{name}: a coverage warning");
    }
}

#[test]
fn bond_coverage_is_a_limit_the_planner_may_relax_and_is_named_when_it_binds() {
    let full = fixture();
    let a = optimize(&full, &full.optimize);
    let coverage = a
        .binding
        .iter()
        .find(|b| b.limit == Limit::BondCoverage)
        .expect("the coverage binds on the fixture");
    assert!(coverage.price > 0.0);
    let text = coverage.describe(full.optimize.objective, Lang::Zh);
    assert!(
        text.contains("覆盖倍数下限") && text.contains("每提高 0.1 倍"),
        "{text}"
    );
    // Relaxed to the legal floor, the answer is cheaper and each bond still balances.
    let relaxed = Settings {
        bond_coverage: Some(1.0),
        ..full.optimize.clone()
    };
    let b = optimize(&full, &relaxed);
    assert!(b.feasible);
    assert!(b.after < a.after - 1.0, "{} vs {}", b.after, a.after);
    let r = planner::simulate::simulate_plan(&b.plan, None);
    assert!(r
        .projects
        .iter()
        .filter_map(|p| p.bond_balance)
        .all(|x| x >= 1.0 - 1e-9));
    assert!(r
        .projects
        .iter()
        .any(|p| p.bond_balance.is_some_and(|x| x < 1.2)));
    // Out of its bounds, the setting is refused by name.
    let bad = Settings {
        bond_coverage: Some(0.8),
        ..Settings::default()
    };
    assert_eq!(bad.problems().len(), 1);
}

#[test]
fn a_year_that_cannot_meet_its_target_is_named_with_its_least_relaxation() {
    // Every central-city project of 2027 keeps at least 90 % of its households in kind: 2027's
    // central-city list cannot reach 60 %, whatever the other year does.
    let plan = demo_plan();
    let first = plan.first_year;
    let mut s = Settings::default();
    for p in plan
        .projects
        .iter()
        .filter(|p| p.central_city && p.year == first)
    {
        s.in_kind_floor.push((p.id.clone(), 0.9));
    }
    let a = optimize(&plan, &s);
    assert!(!a.feasible);
    let year = a
        .binding
        .iter()
        .find(|b| {
            b.limit == Limit::YearTarget(first, planner::simulate::Group::CentralCity)
                && b.relaxed > 1e-6
        })
        .unwrap_or_else(|| panic!("2027's central city is named: {:?}", a.binding));
    // At most 10 % monetized (a little less in whole households) against 60 %: ~50 points.
    assert!((49.0..52.0).contains(&year.relaxed), "{}", year.relaxed);
    let text = year.describe(s.objective, Lang::Zh);
    assert!(
        text.starts_with(&format!(
            "{first}年中心城市货币化安置目标无法满足：至少需放宽"
        )),
        "{text}"
    );
    // The plan is not changed.
    assert_eq!(a.plan, plan);
}

#[test]
fn running_again_replaces_the_earlier_answer_of_the_same_name() {
    use planner::optimize::{answer_step, scenario_of};
    let mut doc = demo_plan();
    let s = Settings::default();
    let a = optimize(&doc.resolve(None).plan, &s);
    let edits = planner::optimize::edits(&doc.resolve(None).plan, &a.plan);
    let sc = scenario_of(&doc, None, edits.clone(), (a.before, a.after), &s, Lang::Zh);
    // What the panel says before the run: nothing to replace yet, then the answer's name.
    assert_eq!(planner::optimize::replaced(&doc, Lang::Zh), None);
    let (step, first) = answer_step(&doc, sc);
    doc.apply(&step).unwrap();
    let count = doc.scenarios.len();
    let name = doc.scenario(&first).unwrap().name.clone();
    assert_eq!(
        planner::optimize::replaced(&doc, Lang::Zh),
        Some(name.clone())
    );
    // Again, from the base: the same scenario, in the same place, under the same id.
    let sc = scenario_of(&doc, None, edits, (a.before, a.after + 1.0), &s, Lang::Zh);
    let (step, again) = answer_step(&doc, sc);
    let inverse = doc.apply(&step).unwrap();
    assert_eq!(again, first);
    assert_eq!(doc.scenarios.len(), count);
    assert_eq!(doc.scenarios.iter().filter(|x| x.name == name).count(), 1);
    // One step, undone as one.
    doc.apply(&inverse).unwrap();
    assert_eq!(doc.scenarios.len(), count);
    // Another objective is another scenario.
    let peak = Settings {
        objective: planner::optimize::Objective::PeakFiscal,
        ..s
    };
    let sc = scenario_of(&doc, None, vec![], (0.0, 0.0), &peak, Lang::Zh);
    let (_, other) = answer_step(&doc, sc);
    assert_ne!(other, first);
}

/// The 房源库 bounds the answer: with 新城区's stock cut to 150 homes from 2027 and no offers,
/// its self-purchase and government purchase stay within them in every planned year (as
/// 房源库 counts them), and the limit's price says what 100 more homes are worth.
#[test]
fn the_answer_stays_within_the_housing_stock_and_prices_it() {
    use planner::calc::housing::{HousingStock, Listing, MarketSales, UnitKind};
    let mut plan = demo_plan();
    plan.housing = HousingStock {
        listings: vec![Listing {
            district: "新城区".into(),
            name: "新城嘉苑".into(),
            kind: UnitKind::Home,
            units: 150,
            area_m2: 90.0,
            price: 6_200.0,
            from: planner::model::Month::january(2027),
            open_to: Vec::new(),
        }],
        offers: Vec::new(),
        sales: vec![MarketSales {
            district: "新城区".into(),
            units_per_month: 110.0,
        }],
    };
    let s = Settings::default();
    let a = optimize(&plan, &s);
    assert!(a.feasible);
    assert!(planner::analysis::housing::within_stock(&a.plan, None));
    let rows = planner::analysis::housing::demand_vs_stock(&a.plan);
    assert!(rows.iter().all(|r| r.demand <= 150), "{rows:?}");
    let priced = a
        .binding
        .iter()
        .find(|b| matches!(&b.limit, Limit::MarketStock(_, d) if d == "新城区"))
        .expect("the stock binds");
    assert!(priced.price > 0.0);
    let text = priced.describe(s.objective, Lang::Zh);
    assert!(
        text.contains("新城区房源库可用房源：每增加 100 套房源，财政负担现值减少"),
        "{text}"
    );
}
