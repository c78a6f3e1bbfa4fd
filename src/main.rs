//! Entry point of the browser app: mounts the Leptos shell (wasm32 only).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    planner::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("棚改规划 runs in the browser: use `bash scripts/run.sh`. For the command line, see `plan-sim`.");
}
