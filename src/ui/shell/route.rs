//! The only code touching the URL: the open tab lives in the hash (`#/results`), both ways.

use leptos::prelude::*;

use crate::ui::shell::state::Tab;

/// The tab a hash names: `#/results` (a bare `#results` is read too).
fn tab_in(hash: &str) -> Option<Tab> {
    let id = hash.trim_start_matches('#').trim_start_matches('/');
    Tab::from_id(id)
}

fn hash_of(tab: Tab) -> String {
    format!("#/{}", tab.id())
}

/// The tab the URL's hash names, if any.
pub fn tab_in_url() -> Option<Tab> {
    tab_in(&location().hash().unwrap_or_default())
}

/// Keeps `tab` and the hash in step, both ways, for the life of the calling component.
pub fn follow_hash(tab: RwSignal<Tab>) {
    Effect::new(move |prev: Option<()>| {
        let want = hash_of(tab.get());
        let loc = location();
        if loc.hash().ok().as_deref() == Some(want.as_str()) {
            return;
        }
        // Through the history, not `location.hash`: setting the hash scrolls to the fragment,
        // which lays out the page being drawn (15 ms of every switch to a long page). Back and
        // forward still fire `hashchange`, which the listener below follows.
        let Ok(history) = window().history() else {
            return;
        };
        if prev.is_none() {
            // Naming the opening tab is no navigation: back must not stop at the bare URL.
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&want));
        } else {
            let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&want));
        }
    });
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        if let Some(named) = tab_in_url() {
            // Setting an equal tab would redraw the page for nothing.
            if tab.get_untracked() != named {
                tab.set(named);
            }
        }
    });
    on_cleanup(move || handle.remove());
}
