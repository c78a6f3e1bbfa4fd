//! Brings an element into view once it is drawn: a KPI strip figure's chart or finding, the row
//! the open editor belongs to.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Frames to wait for the element: a page switch draws within one or two.
const FRAMES: u32 = 10;

/// Where in the view the element lands.
#[derive(Clone, Copy)]
pub enum Place {
    /// At the top (below the sticky strip, by the element's `scroll-margin-top`).
    Start,
    /// Moved only as far as needed to be whole in view.
    Nearest,
}

/// Scrolls the first element matching `selector` into view once layout has settled, waiting up
/// to a few frames for it to be drawn; nothing happens if it never appears.
pub fn reveal(selector: String, place: Place) {
    reveal_after(selector, place, FRAMES);
}

fn reveal_after(selector: String, place: Place, frames_left: u32) {
    request_animation_frame(move || {
        let found = document()
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        match found {
            Some(el) => {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(match place {
                    Place::Start => web_sys::ScrollLogicalPosition::Start,
                    Place::Nearest => web_sys::ScrollLogicalPosition::Nearest,
                });
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
            None if frames_left > 0 => reveal_after(selector, place, frames_left - 1),
            None => {}
        }
    });
}
