//! Native benchmarks: the full simulation of a 1,000-project plan over 30 years (target ≤ 1 ms),
//! the incremental one after a one-project edit,
//! 1,000 risk draws and the optimizer, of the demo and of the 1,000-project plan; the month's
//! plan against actual and its pace chart on 1,000 projects with 24 months of actuals, and the
//! forecast from those actuals (its edits and its simulation).

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use planner::demo::{demo_plan, generated_plan};
use planner::risk::{self, RiskSettings};
use planner::simulate::{simulate_plan, Simulator};

fn bench(c: &mut Criterion) {
    let big = generated_plan(1_000);
    let r = simulate_plan(&big, None);
    assert_eq!(r.years.len(), 30, "the generated plan spans 30 years");
    c.bench_function("simulate 1000 projects x 30 years", |b| {
        b.iter(|| simulate_plan(black_box(&big), None))
    });
    // What an edit costs in the app: one project changed, the rest kept, the totals re-aggregated.
    let mut edited = big.clone();
    let mut sim = Simulator::new();
    sim.simulate(&edited.assumptions, &edited.projects, edited.first_year);
    let mut n = 0u32;
    c.bench_function(
        "simulate 1000 projects x 30 years after a one-project edit (incremental)",
        |b| {
            b.iter(|| {
                n += 1;
                edited.projects[0].households = 100 + n % 2;
                sim.simulate(
                    &edited.assumptions,
                    black_box(&edited.projects),
                    edited.first_year,
                )
            })
        },
    );
    let demo = demo_plan();
    c.bench_function("simulate demo plan (32 projects)", |b| {
        b.iter(|| simulate_plan(black_box(&demo), None))
    });
    let settings = RiskSettings::default();
    c.bench_function("risk: 1000 draws of the demo", |b| {
        b.iter(|| risk::run(black_box(&demo), &settings))
    });
    let month = planner::model::Month::new(2027, 6).expect("a month");
    let through = planner::model::Month::new(2028, 12).expect("a month");
    let actuals = planner::demo::with_actuals(big.clone(), through);
    c.bench_function(
        "progress: the month's report, 1000 projects x 24 months",
        |b| b.iter(|| planner::progress::progress_report(black_box(&actuals), month)),
    );
    c.bench_function(
        "progress: cloning the plan, 1000 projects x 24 months",
        |b| b.iter(|| black_box(&actuals).clone()),
    );
    c.bench_function("progress: the pace chart (6 months), 1000 projects", |b| {
        let city = planner::simulate::Group::Overall;
        b.iter(|| {
            planner::present::progress::pace_chart(
                black_box(&actuals),
                month,
                &city,
                planner::i18n::Lang::Zh,
            )
        })
    });
    // 按实际进度预测 on the same plan: its edits made from the actuals, and its simulation.
    let forecast = planner::edit::Scenario {
        id: "f".into(),
        name: "预测".into(),
        note: String::new(),
        edits: planner::rolling::forecast_edits(&actuals, through),
        forecast: true,
        gated: Some(planner::gates::GateDates::Actual),
    };
    c.bench_function("forecast: its edits, 1000 projects x 24 months", |b| {
        b.iter(|| planner::rolling::forecast_edits(black_box(&actuals), through))
    });
    c.bench_function(
        "forecast: its view (resolved), 1000 projects x 24 months",
        |b| b.iter(|| black_box(&actuals).resolve(Some(&forecast))),
    );
    c.bench_function("forecast: its simulation, 1000 projects x 24 months", |b| {
        b.iter(|| simulate_plan(black_box(&actuals), Some(&forecast)))
    });
    let mut slow = c.benchmark_group("slow");
    slow.sample_size(10);
    slow.bench_function("optimize the demo", |b| {
        b.iter(|| planner::optimize::optimize(black_box(&demo), &Default::default()))
    });
    slow.bench_function("optimize 1000 projects", |b| {
        b.iter(|| planner::optimize::optimize(black_box(&big), &Default::default()))
    });
    slow.bench_function("risk: 1000 draws of 1000 projects", |b| {
        b.iter(|| risk::run(black_box(&big), &settings))
    });
    slow.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
