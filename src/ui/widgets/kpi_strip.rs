//! The KPI strip under the tabs on every page: the headline figures of the active scenario
//! against their targets, each a link to the chart or finding that explains it.

use leptos::prelude::*;

use crate::present::headline::{headline, Verdict};
use crate::ui::shell::reveal::{reveal, Place};
use crate::ui::shell::state::{lang, t, Store, Tab};
use crate::ui::widgets::findings::FindingGroups;
use crate::words::i18n::Text;

#[component]
pub fn KpiStrip() -> impl IntoView {
    let store = expect_context::<Store>();
    let findings = expect_context::<FindingGroups>().findings;
    // Read from the same results and findings memos as 测算结果: an edit moves both in one frame.
    let figures = Memo::new(move |_| {
        store.view.with(|p| {
            store
                .results
                .with(|r| findings.with(|f| headline(&p.assumptions, r, f, store.lang.get())))
        })
    });
    let go = move |testid: &'static str| {
        store.tab.set(Tab::Results);
        reveal(format!("[data-testid=\"{testid}\"]"), Place::Start);
    };
    let nav = NodeRef::<leptos::html::Nav>::new();
    publish_height(nav);
    view! {
        <nav class="kpi-strip" data-testid="kpi-strip" node_ref=nav aria-label=move || t(Text::StripLabel)>
            <ul>
                {move || {
                    figures
                        .get()
                        .into_iter()
                        .map(|f| {
                            let target = f.explained_at;
                            let go_to = Text::StripGoTo.fill(lang(), &[&t(f.label)]);
                            let title = match &f.tip {
                                Some(tip) => format!("{tip}\n{go_to}"),
                                None => go_to,
                            };
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="strip-figure"
                                        class:pass=f.verdict == Verdict::Pass
                                        class:miss=f.verdict == Verdict::Miss
                                        data-testid=format!("kpi-strip-{}", f.id)
                                        data-status=match f.verdict {
                                            Verdict::Pass => "pass",
                                            Verdict::Miss => "miss",
                                            Verdict::Neutral => "none",
                                        }
                                        title=title
                                        on:click=move |_| go(target)
                                    >
                                        <span class="strip-label">{t(f.label)}</span>
                                        " "
                                        <strong class="strip-value">{f.value}</strong>
                                        " "
                                        <span class="strip-detail">{f.detail}</span>
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </nav>
    }
}

/// The strip wraps rather than scrolling sideways (a narrow window, the editor open, English):
/// its height, as it is now, is `--strip-h`, which the list's sticky header and the places a
/// link scrolls to sit below.
fn publish_height(nav: NodeRef<leptos::html::Nav>) {
    use wasm_bindgen::JsCast;
    let set = |h: f64| {
        let root = document()
            .document_element()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(root) = root {
            let _ = root.style().set_property("--strip-h", &format!("{h}px"));
        }
    };
    let observer: StoredValue<Option<web_sys::ResizeObserver>, LocalStorage> =
        StoredValue::new_local(None);
    Effect::new(move |_| {
        let Some(el) = nav.get() else {
            return;
        };
        let measured = el.clone();
        let on_resize = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(
            move |_: js_sys::Array| set(measured.get_bounding_client_rect().height()),
        );
        if let Ok(o) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            o.observe(&el);
            observer.set_value(Some(o));
        }
        // The strip lives as long as the page: its observer's callback too.
        on_resize.forget();
    });
    on_cleanup(move || {
        if let Some(o) = observer.get_value() {
            o.disconnect();
        }
    });
}
