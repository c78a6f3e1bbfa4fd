//! Long work in slices: the browser gets the thread back between them, for clicks and paints.

/// Waits for the browser to handle what is waiting (clicks, paints) before the next slice.
async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Milliseconds of work before the page gets the thread back.
const SLICE_MS: f64 = 12.0;

/// Calls `step` on `work` (true when the work is done) for a slice at a time, `after_slice`
/// after each, until done or `cancelled`; true when the work was done.
pub async fn in_slices<W>(
    work: &mut W,
    step: impl Fn(&mut W) -> bool,
    after_slice: impl Fn(&W),
    cancelled: impl Fn() -> bool,
) -> bool {
    loop {
        let slice = js_sys::Date::now();
        let mut done = false;
        while !done && js_sys::Date::now() - slice < SLICE_MS {
            done = step(work);
        }
        after_slice(work);
        if done {
            return true;
        }
        if cancelled() {
            return false;
        }
        next_tick().await;
    }
}
