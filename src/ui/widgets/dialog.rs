//! A paper over the app (资金平衡方案, 月度报告) as a modal dialog: focus moved into it when it
//! opens, Esc closes it. The app behind it is inert while it is open (`ui::mount`'s frame) and
//! dimmed (style/main.css, `.paper`), so nothing behind it takes a click or the keyboard.
//!
//! ```ignore
//! let paper = NodeRef::<leptos::html::Section>::new();
//! modal(paper, move || store.fund_balance.set(None));
//! view! { <section class="paper" role="dialog" aria-modal="true" tabindex="-1" node_ref=paper>…</section> }
//! ```

use leptos::prelude::*;

/// Makes the dialog `paper` modal: focused once it is on the page, closed by Esc.
pub fn modal(paper: NodeRef<leptos::html::Section>, close: impl Fn() + 'static) {
    Effect::new(move |_| {
        if let Some(el) = paper.get() {
            let _ = el.focus();
        }
    });
    let esc = window_event_listener(leptos::ev::keydown, move |e| {
        if e.key() == "Escape" {
            e.prevent_default();
            close();
        }
    });
    on_cleanup(move || esc.remove());
}
