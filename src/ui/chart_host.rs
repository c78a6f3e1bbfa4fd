//! The only code that owns ECharts instances: creates one per chart element, replaces its option
//! in place (notMerge, so no stale series survive), resizes it with the window, disposes it.

use charming::Chart;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// An ECharts instance (the app's ECharts 5.5.1 build, `build/echarts.js`, shipped in dist/).
    type EchartsInstance;

    #[wasm_bindgen(js_namespace = echarts, js_name = init, catch)]
    fn echarts_init(el: &web_sys::HtmlElement) -> Result<EchartsInstance, JsValue>;

    // `catch`: an option ECharts rejects must not abort the wasm module.
    #[wasm_bindgen(method, js_name = setOption, catch)]
    fn set_option(this: &EchartsInstance, option: &JsValue, opts: &JsValue) -> Result<(), JsValue>;

    #[wasm_bindgen(method)]
    fn resize(this: &EchartsInstance);

    #[wasm_bindgen(method)]
    fn dispose(this: &EchartsInstance);
}

fn set_option_replacing(instance: &EchartsInstance, chart: &Chart) {
    let Ok(option) = js_sys::JSON::parse(&chart.to_string()) else {
        return;
    };
    // Every chart carries a text description of its data for screen readers (ECharts' aria).
    let aria = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&aria, &"enabled".into(), &JsValue::TRUE);
    let _ = js_sys::Reflect::set(&option, &"aria".into(), &aria);
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"notMerge".into(), &JsValue::TRUE);
    if let Err(e) = instance.set_option(&option, &opts) {
        web_sys::console::warn_2(&"ECharts rejected an option".into(), &e);
    }
}

/// Whether the ECharts script has run: it loads `async`, so the first page may come before it.
fn echarts_loaded() -> bool {
    js_sys::Reflect::get(&window(), &"echarts".into()).is_ok_and(|e| !e.is_undefined())
}

/// Hosts one chart; `chart` is built by a pure builder in `crate::charts`.
#[component]
pub fn ChartHost(testid: &'static str, chart: Memo<Chart>) -> impl IntoView {
    let node = NodeRef::<Div>::new();
    let instance = StoredValue::new_local(None::<EchartsInstance>);
    // Until ECharts is there, the chart waits for the event its script sends when it is.
    let loaded = RwSignal::new(echarts_loaded());
    if !loaded.get_untracked() {
        let ready = window_event_listener_untyped("echarts-ready", move |_| loaded.set(true));
        on_cleanup(move || ready.remove());
    }

    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        if !loaded.get() {
            return;
        }
        chart.with(|c| {
            instance.update_value(|slot| {
                if slot.is_none() {
                    *slot = echarts_init(&el).ok();
                }
                if let Some(i) = slot.as_ref() {
                    set_option_replacing(i, c);
                }
            })
        });
    });

    let resize = window_event_listener(leptos::ev::resize, move |_| {
        instance.with_value(|slot| {
            if let Some(i) = slot {
                i.resize();
            }
        })
    });
    on_cleanup(move || {
        resize.remove();
        instance.update_value(|slot| {
            if let Some(i) = slot.take() {
                i.dispose();
            }
        });
    });

    view! { <div class="chart" data-testid=testid node_ref=node></div> }
}
