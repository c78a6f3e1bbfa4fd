//! The worker's side of the page's jobs: takes a job from the page, runs it (`exchange::jobs`),
//! posts its progress and its outcome back. Runs in the worker binary, never on the page.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::exchange::jobs::{self, Job};

/// Progress is posted at most this often: the page redraws its progress line on each.
const REPORT_MS: f64 = 100.0;

/// Answers the page's jobs one at a time, after saying it is ready (a job posted before the
/// worker's module had started would be lost).
pub fn serve() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            answer(&replies, &e.data());
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&scope, "ready", "", &[]);
}

/// A message to the page: `{kind, json, bytes}`, the bytes transferred rather than copied.
fn post(scope: &web_sys::DedicatedWorkerGlobalScope, kind: &str, json: &str, bytes: &[u8]) {
    let message = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&message, &k.into(), v);
    let _ = set("kind", &kind.into());
    let _ = set("json", &json.into());
    let array = js_sys::Uint8Array::from(bytes);
    let _ = set("bytes", &array);
    let transfer = js_sys::Array::of1(&array.buffer());
    let _ = scope.post_message_with_transfer(&message, &transfer);
}

fn answer(scope: &web_sys::DedicatedWorkerGlobalScope, data: &JsValue) {
    let field = |k: &str| js_sys::Reflect::get(data, &k.into()).unwrap_or(JsValue::UNDEFINED);
    let bytes = field("bytes")
        .dyn_into::<js_sys::Uint8Array>()
        .map(|a| a.to_vec())
        .unwrap_or_default();
    let job: Job =
        match crate::exchange::format::read_job(&field("job").as_string().unwrap_or_default()) {
            Ok(job) => job,
            Err(e) => {
                return post(
                    scope,
                    "failed",
                    &e.message(crate::words::i18n::Lang::Zh),
                    &[],
                )
            }
        };
    let mut reported = js_sys::Date::now();
    let (outcome, made) = jobs::run(job, &bytes, &mut |p| {
        let now = js_sys::Date::now();
        if now - reported >= REPORT_MS {
            reported = now;
            post(
                scope,
                "progress",
                &serde_json::to_string(&p).unwrap_or_default(),
                &[],
            );
        }
    });
    match serde_json::to_string(&outcome) {
        Ok(json) => post(scope, "outcome", &json, &made),
        Err(e) => post(scope, "failed", &e.to_string(), &[]),
    }
}
