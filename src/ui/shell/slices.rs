//! Long work in slices: the browser gets the thread back between them, for clicks and paints.

/// Waits for the browser to handle what is waiting (clicks, paints) before the next slice: a
/// message to ourselves queues behind them, without the 4 ms a chain of zero timeouts is held
/// back by, so a short run is not stretched by its own slicing.
async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Ok(channel) = web_sys::MessageChannel::new() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            return;
        };
        channel.port1().set_onmessage(Some(&resolve));
        let _ = channel.port2().post_message(&wasm_bindgen::JsValue::NULL);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Milliseconds of work before the page gets the thread back.
const SLICE_MS: f64 = 12.0;

/// Progress is shown at most this often: redrawing it after every slice would cost the page
/// more than the work.
const REPORT_MS: f64 = 100.0;

/// Calls `step` on `work` (true when the work is done) for a slice at a time, `after_slice`
/// every `REPORT_MS` and at the end, until done or `cancelled`; true when the work was done.
pub async fn in_slices<W>(
    work: &mut W,
    step: impl Fn(&mut W) -> bool,
    after_slice: impl Fn(&W),
    cancelled: impl Fn() -> bool,
) -> bool {
    let mut reported = js_sys::Date::now();
    loop {
        let slice = js_sys::Date::now();
        let mut done = false;
        while !done && js_sys::Date::now() - slice < SLICE_MS {
            done = step(work);
        }
        if done || js_sys::Date::now() - reported >= REPORT_MS {
            after_slice(work);
            reported = js_sys::Date::now();
        }
        if done {
            return true;
        }
        if cancelled() {
            return false;
        }
        next_tick().await;
    }
}
