//! The browser's turns between pieces of work: what is waiting (clicks, paints) comes first, so
//! taking in a large result in pieces keeps each under the page's 100 ms.

use wasm_bindgen::JsValue;

/// Waits for the browser's next turn: a message to ourselves queues behind what is waiting,
/// without the 4 ms a zero timeout is held back by.
pub async fn next_turn() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Ok(channel) = web_sys::MessageChannel::new() else {
            let _ = resolve.call0(&JsValue::NULL);
            return;
        };
        channel.port1().set_onmessage(Some(&resolve));
        let _ = channel.port2().post_message(&JsValue::NULL);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
