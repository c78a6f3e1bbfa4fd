//! The only code that owns ECharts instances: creates one per chart element, replaces its option
//! in place (notMerge, so no stale series survive), resizes it with the window, disposes it.

use charming::Chart;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// An ECharts instance (echarts.min.js 5.5.1, shipped in dist/).
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
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"notMerge".into(), &JsValue::TRUE);
    if let Err(e) = instance.set_option(&option, &opts) {
        web_sys::console::warn_2(&"ECharts rejected an option".into(), &e);
    }
}

/// Hosts one chart; `chart` is built by a pure builder in `crate::charts`.
#[component]
pub fn ChartHost(testid: &'static str, chart: Memo<Chart>) -> impl IntoView {
    let node = NodeRef::<Div>::new();
    let instance = StoredValue::new_local(None::<EchartsInstance>);

    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
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
