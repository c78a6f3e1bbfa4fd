//! 棚改规划 core: plan model, finance math, simulation and chart builders (no web imports), plus the wasm UI shell.

pub mod charts;
pub mod compare;
pub mod costs;
pub mod csv_import;
pub mod demo;
pub mod display;
pub mod finance;
pub mod format;
pub mod i18n;
pub mod library;
pub mod listing;
pub mod model;
pub mod report;
pub mod rules;
pub mod simulate;
pub mod validate;

#[cfg(target_arch = "wasm32")]
pub mod ui;

/// Browser benchmark hook (called by `scripts/bench-browser.mjs` through trunk's `window.wasmBindings`):
/// simulates a generated plan of `projects` projects `reps` times and returns the milliseconds
/// per simulation, timed with the page's own clock.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_simulate(projects: usize, reps: u32) -> f64 {
    let plan = demo::generated_plan(projects);
    let start = js_sys::Date::now();
    let mut years = 0;
    for _ in 0..reps.max(1) {
        years += simulate::simulate_plan(&plan, None).years.len();
    }
    let elapsed = js_sys::Date::now() - start;
    assert!(years > 0);
    elapsed / f64::from(reps.max(1))
}
