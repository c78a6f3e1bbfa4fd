//! A drop-down menu with the WAI-ARIA menu-button pattern: the button opens it (click, Enter,
//! Space, ↓), arrows move between items, Home/End jump, Esc and Tab close it, a click outside
//! closes it; an item runs its action and closes the menu.

use leptos::context::Provider;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The open/closed state of one menu, shared with its items so they can close it.
#[derive(Clone, Copy)]
pub struct MenuState {
    open: RwSignal<bool>,
    root: NodeRef<Div>,
}

const ITEMS: &str = "[role=menuitem],[role=menuitemradio]";

impl MenuState {
    fn items(&self) -> Vec<web_sys::HtmlElement> {
        let Some(root) = self.root.get_untracked() else {
            return Vec::new();
        };
        let Ok(list) = root.query_selector_all(ITEMS) else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.get(i)?.dyn_into::<web_sys::HtmlElement>().ok())
            .collect()
    }

    /// Focuses item `index` (negative: from the end), wrapping.
    fn focus_now(self, index: isize) {
        let items = self.items();
        let n = items.len() as isize;
        if n > 0 {
            let _ = items[index.rem_euclid(n) as usize].focus();
        }
    }

    /// Focuses item `index` once the list just opened is drawn (a hidden item takes no focus).
    fn focus_item(self, index: isize) {
        request_animation_frame(move || self.focus_now(index));
    }

    fn open_at(self, index: isize) {
        self.open.set(true);
        self.focus_item(index);
    }

    /// Closes the menu; `refocus` puts focus back on its button (Esc, or an item chosen).
    pub fn close(self, refocus: bool) {
        self.open.set(false);
        if refocus {
            if let Some(button) = self
                .root
                .get_untracked()
                .and_then(|r| r.query_selector("[aria-haspopup]").ok().flatten())
                .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = button.focus();
            }
        }
    }

    /// Arrow keys inside the open list: the item after or before the focused one, wrapping.
    fn on_list_key(self, ev: web_sys::KeyboardEvent) {
        let items = self.items();
        let active = document().active_element();
        let at = items
            .iter()
            .position(|i| {
                active
                    .as_ref()
                    .is_some_and(|a| a == i.unchecked_ref::<web_sys::Element>())
            })
            .map_or(-1, |p| p as isize);
        let to = match ev.key().as_str() {
            "ArrowDown" => at + 1,
            "ArrowUp" => at - 1,
            "Home" => 0,
            "End" => -1,
            "Escape" => {
                ev.prevent_default();
                return self.close(true);
            }
            "Tab" => return self.close(false),
            _ => return,
        };
        ev.prevent_default();
        self.focus_now(to);
    }
}

/// A menu button and its list. `children` are [`MenuItem`]s (and [`MenuGroup`]s of radio items);
/// they read the menu's state from context to close it.
#[component]
pub fn Menu(testid: &'static str, label: Signal<String>, children: ChildrenFn) -> impl IntoView {
    let state = MenuState {
        open: RwSignal::new(false),
        root: NodeRef::new(),
    };
    let list_id = format!("{testid}-list");
    // A click anywhere outside the menu closes it, as a native menu does.
    let outside = window_event_listener(leptos::ev::mousedown, move |ev| {
        let inside = state.root.get_untracked().is_some_and(|root| {
            ev.target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                .is_some_and(|t| root.contains(Some(&t)))
        });
        if !inside && state.open.get_untracked() {
            state.close(false);
        }
    });
    on_cleanup(move || outside.remove());
    let children = StoredValue::new(children);
    view! {
        <div class="menu" node_ref=state.root data-menu=testid>
            <button
                type="button"
                data-testid=testid
                aria-haspopup="menu"
                aria-controls=list_id.clone()
                aria-expanded=move || state.open.get().to_string()
                on:click=move |ev: leptos::ev::MouseEvent| {
                    if state.open.get_untracked() {
                        state.close(false);
                    } else {
                        state.open.set(true);
                        // Opened by Enter or Space (a click with no pointer), focus goes in.
                        if ev.detail() == 0 {
                            state.focus_item(0);
                        }
                    }
                }
                on:keydown=move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
                    "ArrowDown" => {
                        ev.prevent_default();
                        state.open_at(0);
                    }
                    "ArrowUp" => {
                        ev.prevent_default();
                        state.open_at(-1);
                    }
                    "Escape" => state.close(true),
                    _ => {}
                }
            >
                {move || label.get()} " ▾"
            </button>
            <div
                class="menu-list"
                role="menu"
                id=list_id
                aria-label=move || label.get()
                hidden=move || !state.open.get()
                on:keydown=move |ev: web_sys::KeyboardEvent| state.on_list_key(ev)
            >
                <Provider value=state>{move || children.with_value(|c| c())}</Provider>
            </div>
        </div>
    }
}

/// One action of a menu: runs `on_select`, then closes the menu with focus back on its button.
#[component]
pub fn MenuItem(
    testid: &'static str,
    label: Signal<String>,
    on_select: Callback<()>,
) -> impl IntoView {
    item_button("menuitem", Some(testid), None, label, on_select)
}

/// An item's button: `role` menuitem or menuitemradio (with `checked`); a click closes the menu
/// and runs the item.
fn item_button(
    role: &'static str,
    testid: Option<&'static str>,
    checked: Option<Signal<bool>>,
    label: Signal<String>,
    on_select: Callback<()>,
) -> impl IntoView {
    let state = expect_context::<MenuState>();
    view! {
        <button
            type="button"
            role=role
            tabindex="-1"
            data-testid=testid
            aria-checked=move || checked.map(|c| c.get().to_string())
            on:click=move |_| {
                state.close(true);
                on_select.run(());
            }
        >
            {move || label.get()}
        </button>
    }
}

/// A menu item that picks a file: the item opens the file picker of a hidden input, which keeps
/// the `data-testid` a test (or a script) sets files on.
#[component]
pub fn FileMenuItem(
    testid: &'static str,
    label: Signal<String>,
    accept: &'static str,
    on_file: Callback<web_sys::File>,
) -> impl IntoView {
    let state = expect_context::<MenuState>();
    let input = NodeRef::<leptos::html::Input>::new();
    view! {
        <button
            type="button"
            role="menuitem"
            tabindex="-1"
            data-testid=format!("{testid}-item")
            on:click=move |_| {
                state.close(true);
                if let Some(i) = input.get_untracked() {
                    i.click();
                }
            }
        >
            {move || label.get()}
        </button>
        <input
            type="file"
            class="menu-file"
            hidden=true
            tabindex="-1"
            aria-hidden="true"
            accept=accept
            data-testid=testid
            node_ref=input
            on:change=move |ev: leptos::ev::Event| {
                let input: web_sys::HtmlInputElement = event_target(&ev);
                if let Some(file) = input.files().and_then(|f| f.get(0)) {
                    on_file.run(file);
                }
                // The same file can be chosen again after fixing it.
                input.set_value("");
            }
        />
    }
}

/// A labelled group of a menu's items, set apart by a line (the plan list in 方案).
#[component]
pub fn MenuGroup(
    #[prop(optional)] testid: &'static str,
    label: Signal<String>,
    children: Children,
) -> impl IntoView {
    view! {
        <div role="group" class="menu-group" data-testid=testid aria-label=move || label.get()>
            {children()}
        </div>
    }
}

/// A line between groups of items.
#[component]
pub fn MenuSeparator() -> impl IntoView {
    view! { <div role="separator" class="menu-sep"></div> }
}

/// A radio item of a group (the open plan among the plans).
#[component]
pub fn MenuRadio(label: String, checked: Signal<bool>, on_select: Callback<()>) -> impl IntoView {
    let label = Signal::derive(move || label.clone());
    item_button("menuitemradio", None, Some(checked), label, on_select)
}
