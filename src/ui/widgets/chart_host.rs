//! The only code that owns ECharts instances: creates one per chart element, replaces its option
//! in place (notMerge, so no stale series survive), resizes it with the window, disposes it.

use crate::present::charts::ChartJson as Chart;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::words::i18n::Lang;

#[wasm_bindgen]
extern "C" {
    /// An ECharts instance (the app's ECharts 5.5.1 build, `build/echarts.js`, shipped in dist/).
    type EchartsInstance;

    // `catch`: an option ECharts rejects must not abort the wasm module.
    #[wasm_bindgen(method, js_name = setOption, catch)]
    fn set_option(this: &EchartsInstance, option: &JsValue, opts: &JsValue) -> Result<(), JsValue>;

    /// `init(el, theme, {width, height})`: a chart of a fixed size on an element of its own.
    #[wasm_bindgen(js_namespace = echarts, js_name = init, catch)]
    fn echarts_init_sized(
        el: &web_sys::HtmlElement,
        theme: &JsValue,
        opts: &JsValue,
    ) -> Result<EchartsInstance, JsValue>;

    #[wasm_bindgen(method, js_name = getDataURL)]
    fn get_data_url(this: &EchartsInstance, opts: &JsValue) -> String;

    #[wasm_bindgen(method)]
    fn resize(this: &EchartsInstance);

    #[wasm_bindgen(method)]
    fn dispose(this: &EchartsInstance);
}

/// How an option is drawn.
#[derive(Clone, Copy, PartialEq)]
enum Drawing {
    /// A chart's first option: drawn at once, growing in.
    First,
    /// The chart after an edit: drawn with the next frame, without a transition, so a planner
    /// typing a figure does not pay for 300 ms of redrawn frames per keystroke.
    Update,
    /// An image taken at once: drawn now, no animation.
    Still,
}

/// Sets the chart's option in place of the last.
fn set_option_with(instance: &EchartsInstance, chart: &Chart, drawing: Drawing) {
    let Ok(option) = js_sys::JSON::parse(&chart.0) else {
        return;
    };
    if drawing != Drawing::First {
        let _ = js_sys::Reflect::set(&option, &"animation".into(), &JsValue::FALSE);
    }
    with_units(&option);
    // Every chart carries a text description of its data for screen readers (ECharts' aria).
    let aria = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&aria, &"enabled".into(), &JsValue::TRUE);
    let _ = js_sys::Reflect::set(&option, &"aria".into(), &aria);
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"notMerge".into(), &JsValue::TRUE);
    // After an edit the option takes effect at once (getOption reads it back) and ECharts draws
    // it with the next frame instead of inside the edit's input handler, so the numbers beside
    // it appear without waiting for the drawing, and several edits in one frame are drawn once.
    // A first drawing and an image are drawn at once.
    if drawing == Drawing::Update {
        let _ = js_sys::Reflect::set(&opts, &"lazyUpdate".into(), &JsValue::TRUE);
    }
    if let Err(e) = instance.set_option(&option, &opts) {
        web_sys::console::warn_2(&"ECharts rejected an option".into(), &e);
    }
}

thread_local! {
    /// One tooltip formatter per unit, made once: a new closure per drawing would never be freed.
    static FORMATTERS: std::cell::RefCell<Vec<(String, js_sys::Function)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// A tooltip value formatter that writes `unit` after the value ("3.85 亿元", "53.8 %").
fn formatter(unit: &str) -> js_sys::Function {
    FORMATTERS.with(|f| {
        let mut f = f.borrow_mut();
        if let Some((_, func)) = f.iter().find(|(u, _)| u == unit) {
            return func.clone();
        }
        let suffix = format!(" {unit}");
        let func: js_sys::Function =
            Closure::<dyn Fn(JsValue) -> JsValue>::new(move |v: JsValue| match v.as_f64() {
                Some(n) => JsValue::from_str(&format!("{n}{suffix}")),
                None => JsValue::from_str("-"),
            })
            .into_js_value()
            .unchecked_into();
        f.push((unit.to_string(), func.clone()));
        func
    })
}

/// Hover shows each value with its unit: every series of an axis chart gets the formatter of the
/// value axis it is drawn on (the builders name each value axis by its unit). ECharts takes
/// formatters as functions, which an option built as JSON cannot carry.
fn with_units(option: &JsValue) {
    let get =
        |o: &JsValue, k: &str| js_sys::Reflect::get(o, &k.into()).unwrap_or(JsValue::UNDEFINED);
    let nth = |axes: JsValue, i: u32| {
        if js_sys::Array::is_array(&axes) {
            js_sys::Array::from(&axes).get(i)
        } else {
            axes
        }
    };
    let series = get(option, "series");
    if !js_sys::Array::is_array(&series) {
        return;
    }
    for s in js_sys::Array::from(&series).iter() {
        let index = |k: &str| get(&s, k).as_f64().unwrap_or(0.0) as u32;
        let y = nth(get(option, "yAxis"), index("yAxisIndex"));
        let x = nth(get(option, "xAxis"), index("xAxisIndex"));
        // The value axis is y, except in a horizontal bar chart (the tornado).
        let value_axis = if get(&x, "type").as_string().as_deref() == Some("value") {
            x
        } else {
            y
        };
        let Some(unit) = get(&value_axis, "name").as_string() else {
            continue;
        };
        let tooltip = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&tooltip, &"valueFormatter".into(), &formatter(&unit));
        let _ = js_sys::Reflect::set(&s, &"tooltip".into(), &tooltip);
    }
}

/// The chart's title, the name a screen reader gives it until ECharts writes its description.
fn title_of(chart: &Chart) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(&chart.0).ok()?;
    let title = if v["title"].is_array() {
        &v["title"][0]
    } else {
        &v["title"]
    };
    title["text"].as_str().map(str::to_string)
}

/// Whether the ECharts script has run: it loads `async`, so the first page may come before it.
fn echarts_loaded() -> bool {
    js_sys::Reflect::get(&window(), &"echarts".into()).is_ok_and(|e| !e.is_undefined())
}

#[wasm_bindgen]
extern "C" {
    /// Asks the page for ECharts (index.html fetches `echarts.js`; the one-file app unpacks its
    /// copy); once only, whoever asks first. Missing in a page that has no loader: then a no-op.
    #[wasm_bindgen(js_name = plannerLoadEcharts, catch)]
    fn planner_load_echarts() -> Result<(), JsValue>;
}

/// Fetches ECharts unless it is there or on its way: when a chart is first to be drawn, and
/// when the page is idle after its first rows (`ui::mod`), never ahead of the project list.
pub fn request_echarts() {
    if !echarts_loaded() {
        let _ = planner_load_echarts();
    }
}

/// Whether ECharts is there, and whether its script failed to load (then the chart says so
/// instead of staying blank; the next chart to come into view asks again).
fn echarts_state() -> (RwSignal<bool>, RwSignal<bool>) {
    let loaded = RwSignal::new(echarts_loaded());
    let failed = RwSignal::new(false);
    if !loaded.get_untracked() {
        let ready = window_event_listener_untyped("echarts-ready", move |_| {
            failed.set(false);
            loaded.set(true);
        });
        let fail = window_event_listener_untyped("echarts-failed", move |_| failed.set(true));
        on_cleanup(move || {
            ready.remove();
            fail.remove();
        });
    }
    (loaded, failed)
}

/// The chart drawn once, off the page, at `width`×`height` CSS pixels (twice as fine), as a
/// PNG data URL: what a printed report shows, since a canvas may not print.
fn chart_png(chart: &Chart, width: u32, height: u32) -> Option<String> {
    let el: web_sys::HtmlElement = document().create_element("div").ok()?.unchecked_into();
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"width".into(), &width.into());
    let _ = js_sys::Reflect::set(&opts, &"height".into(), &height.into());
    let instance = echarts_init_sized(&el, &JsValue::NULL, &opts).ok()?;
    set_option_with(&instance, chart, Drawing::Still);
    let image = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&image, &"type".into(), &"png".into());
    let _ = js_sys::Reflect::set(&image, &"pixelRatio".into(), &2.into());
    let _ = js_sys::Reflect::set(&image, &"backgroundColor".into(), &"#fff".into());
    let url = instance.get_data_url(&image);
    instance.dispose();
    Some(url)
}

/// A chart as an image (for the printed report), redrawn when its data changes.
#[component]
pub fn ChartImage(
    testid: &'static str,
    label: crate::words::i18n::Text,
    chart: Memo<Chart>,
) -> impl IntoView {
    let (loaded, _) = echarts_state();
    request_echarts();
    let url = Memo::new(move |_| {
        loaded
            .get()
            .then(|| chart.with(|c| chart_png(c, 720, 340)))
            .flatten()
    });
    view! {
        <figure class="report-chart">
            {move || url.get().map(|src| view! { <img data-testid=testid src=src alt=move || crate::ui::shell::state::t(label) /> })}
            <figcaption>{move || crate::ui::shell::state::t(label)}</figcaption>
        </figure>
    }
}

/// Becomes true once the element is within a screen of the view, or the page is printed (and
/// stays true).
fn seen_once(node: NodeRef<Div>) -> RwSignal<bool> {
    let seen = RwSignal::new(false);
    // A page printed as it is shows every chart, scrolled to or not.
    let print = window_event_listener_untyped("beforeprint", move |_| seen.set(true));
    type Callback = Closure<dyn FnMut(js_sys::Array)>;
    // The observer and its callback live as long as the chart, and go with it.
    let observer = StoredValue::new_local(None::<(web_sys::IntersectionObserver, Callback)>);
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        let callback = Callback::new(move |entries: js_sys::Array| {
            let near = entries.iter().any(|e| {
                e.unchecked_into::<web_sys::IntersectionObserverEntry>()
                    .is_intersecting()
            });
            if near && !seen.get_untracked() {
                seen.set(true);
                observer.with_value(|o| o.as_ref().map(|(o, _)| o.disconnect()));
            }
        });
        let init = web_sys::IntersectionObserverInit::new();
        init.set_root_margin("100% 0px");
        match web_sys::IntersectionObserver::new_with_options(
            callback.as_ref().unchecked_ref(),
            &init,
        ) {
            Ok(o) => {
                o.observe(&el);
                observer.set_value(Some((o, callback)));
            }
            // No observer (a very old browser): draw at once.
            Err(_) => seen.set(true),
        }
    });
    on_cleanup(move || {
        print.remove();
        observer.update_value(|o| {
            if let Some((o, _)) = o.take() {
                o.disconnect();
            }
        })
    });
    seen
}

/// ECharts' init options naming its locale (both are in the build): its own words in `lang`.
fn locale(lang: Lang) -> js_sys::Object {
    let opts = js_sys::Object::new();
    let name = if lang == Lang::Zh { "ZH" } else { "EN" };
    let _ = js_sys::Reflect::set(&opts, &"locale".into(), &name.into());
    opts
}

/// Hosts one chart; `chart` is built by a pure builder in `crate::present::charts`.
#[component]
pub fn ChartHost(testid: &'static str, chart: Memo<Chart>) -> impl IntoView {
    let node = NodeRef::<Div>::new();
    // The instance and the language it was made in: ECharts' own words (the aria description
    // read to a screen reader) come from its locale, fixed when the instance is made.
    let instance = StoredValue::new_local(None::<(EchartsInstance, Lang)>);
    let (loaded, failed) = echarts_state();
    let seen = seen_once(node);

    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        // Named from the start (role="img" needs a name); ECharts' aria description replaces it.
        if el.get_attribute("aria-label").is_none() {
            if let Some(title) = chart.with_untracked(title_of) {
                let _ = el.set_attribute("aria-label", &title);
            }
        }
        // A chart is first drawn when it comes near the view: a page opens without drawing
        // the charts below its fold (the costliest part of opening 测算结果).
        if !seen.get() {
            return;
        }
        if !loaded.get() {
            return request_echarts();
        }
        let lang = crate::ui::shell::state::lang();
        chart.with(|c| {
            instance.update_value(|slot| {
                if slot.as_ref().is_some_and(|(_, made)| *made != lang) {
                    if let Some((i, _)) = slot.take() {
                        i.dispose();
                    }
                }
                let first = slot.is_none();
                if first {
                    *slot = echarts_init_sized(&el, &JsValue::NULL, &locale(lang))
                        .ok()
                        .map(|i| (i, lang));
                }
                if let Some((i, _)) = slot.as_ref() {
                    let drawing = if first {
                        Drawing::First
                    } else {
                        Drawing::Update
                    };
                    set_option_with(i, c, drawing);
                }
            })
        });
    });

    let resize = window_event_listener(leptos::ev::resize, move |_| {
        instance.with_value(|slot| {
            if let Some((i, _)) = slot {
                i.resize();
            }
        })
    });
    on_cleanup(move || {
        resize.remove();
        instance.update_value(|slot| {
            if let Some((i, _)) = slot.take() {
                i.dispose();
            }
        });
    });

    // role="img": ECharts' aria labels the div, and a label needs a role (axe: aria-prohibited-attr).
    view! {
        <div class="chart" role="img" data-testid=testid node_ref=node>
            {move || failed.get().then(|| view! {
                <p class="chart-failed" data-testid="chart-failed">{crate::ui::shell::state::t(crate::words::i18n::Text::ChartsFailed)}</p>
            })}
        </div>
    }
}
