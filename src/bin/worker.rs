//! The page's worker (wasm32 only): runs the long jobs off the page's thread (exchange::jobs).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    planner::ui::serve_worker();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "The worker runs in the browser beside the page; `plan-sim` runs the same jobs here."
    );
}
