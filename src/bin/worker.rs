//! The page's worker (wasm32 only): runs the long jobs off the page's thread (exchange::jobs).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    planner::ui::serve_worker();
}

/// Benchmark hooks, exported by this binary alone (an export in the library would be linked
/// into the page's module too, and with it the solver): called by `scripts/bench-browser.mjs`
/// on the worker's module loaded in a page, so the time is the work alone.
#[cfg(target_arch = "wasm32")]
mod bench {
    use wasm_bindgen::prelude::wasm_bindgen;

    fn plan(projects: usize) -> planner::plan::Plan {
        if projects == 0 {
            planner::demo::demo_plan()
        } else {
            planner::demo::generated_plan(projects)
        }
    }

    /// `draws` Monte Carlo draws of the demo (`projects == 0`) or of a generated plan of
    /// `projects` projects, with the default ranges; milliseconds for the run.
    #[wasm_bindgen]
    pub fn bench_risk(projects: usize, draws: u32) -> f64 {
        let plan = plan(projects);
        let settings = planner::risk_settings::RiskSettings {
            draws,
            ..Default::default()
        };
        let start = js_sys::Date::now();
        let summary = planner::risk::run(&plan, &settings);
        assert_eq!(summary.draws, draws as usize);
        js_sys::Date::now() - start
    }

    /// The optimizer on the demo (`projects == 0`) or on a generated plan of `projects`
    /// projects, default settings; milliseconds for the run (the worker takes the same steps,
    /// posting its progress between them).
    #[wasm_bindgen]
    pub fn bench_optimize(projects: usize) -> f64 {
        let plan = plan(projects);
        let start = js_sys::Date::now();
        let answer = planner::optimize::optimize(&plan, &Default::default());
        assert!(answer.after <= answer.before + 1e-6);
        js_sys::Date::now() - start
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "The worker runs in the browser beside the page; `plan-sim` runs the same jobs here."
    );
}
