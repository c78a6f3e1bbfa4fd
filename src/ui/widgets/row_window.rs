//! Long tables drawn only where the window shows them: which rows of a table body are in
//! view, and the spacer rows that keep the scrollbar and every row's place as if all were drawn.

use leptos::html::Tbody;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Below this many rows every row is drawn (a plan of a city's two years is a few dozen).
pub const VIRTUAL_FROM: usize = 200;
/// Rows drawn above and below the window, so a scroll shows drawn rows before the next update.
const OVERSCAN: usize = 20;
/// A body whose top is more than this many window heights down draws no row yet.
const FAR_BELOW: f64 = 2.0;
/// A row's height until one is drawn to measure (px).
const ROW_PX: f64 = 40.0;

/// The rows in view: `start..end` of the body's `len` rows, and the height of one row (px).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct InView {
    pub start: usize,
    pub end: usize,
    pub len: usize,
    pub row_px: f64,
}

/// Which of `len` rows of `body` to draw, following the window's scroll and size.
pub fn rows_in_view(body: NodeRef<Tbody>, len: Signal<usize>) -> Memo<InView> {
    let moved = RwSignal::new(0u32);
    let scroll = window_event_listener(leptos::ev::scroll, move |_| moved.update(|m| *m += 1));
    let resize = window_event_listener(leptos::ev::resize, move |_| moved.update(|m| *m += 1));
    on_cleanup(move || {
        scroll.remove();
        resize.remove();
    });
    // Once the body is in the page, measure where it is (the first run cannot: it draws no row).
    Effect::new(move |_| {
        if body.get_untracked().is_some() {
            moved.update(|m| *m += 1);
        }
    });
    // Only a change of length (not every edit of the table's rows) moves the window: measuring
    // the rows forces a layout, which an edit must not pay for.
    let len = Memo::new(move |_| len.get());
    Memo::new(move |_| {
        moved.track();
        let n = len.get();
        if n <= VIRTUAL_FROM {
            return InView {
                start: 0,
                end: n,
                len: n,
                row_px: ROW_PX,
            };
        }
        // A body not yet in the document measures as if at the top of the window: it is not
        // known to be in view until the effect above measures it in place.
        let Some(el) = body.get_untracked().filter(|b| b.is_connected()) else {
            // Not in the page yet, so not known to be in view: no row until the effect above
            // measures it (drawing a screenful here, or 200 rows, only to remove them made a
            // page open slowly).
            return InView {
                start: 0,
                end: 0,
                len: n,
                row_px: ROW_PX,
            };
        };
        // Rows are one line each (cells do not wrap): the first drawn one gives their height.
        let row_px = el
            .query_selector("tr:not(.spacer)")
            .ok()
            .flatten()
            .and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok())
            .map(|r| f64::from(r.offset_height()))
            .filter(|h| *h > 0.0)
            .unwrap_or(ROW_PX);
        let top = el.get_bounding_client_rect().top();
        let height = window()
            .inner_height()
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(1000.0);
        // A body screens below the window draws no row until it is scrolled near: the 进度
        // grid, far down its page, cost three quarters of opening the page for rows nobody saw.
        // One just below the fold draws its overscan, ready for the first scroll.
        if top > FAR_BELOW * height {
            return InView {
                start: 0,
                end: 0,
                len: n,
                row_px,
            };
        }
        let first = ((-top) / row_px).floor().max(0.0) as usize;
        // Only the part of the window below the body's top can show rows.
        let shown = ((height - top.max(0.0)).max(0.0) / row_px).ceil() as usize;
        InView {
            start: first.saturating_sub(OVERSCAN).min(n),
            end: (first + shown + OVERSCAN).min(n),
            len: n,
            row_px,
        }
    })
}

/// An empty row standing for the rows not drawn above the window (`above`) or below it.
#[component]
pub fn Spacer(in_view: Memo<InView>, above: bool, columns: usize) -> impl IntoView {
    let height = move || {
        let v = in_view.get();
        let rows = if above {
            v.start
        } else {
            v.len - v.end.min(v.len)
        };
        format!("{}px", rows as f64 * v.row_px)
    };
    view! {
        <tr class="spacer" aria-hidden="true" style:height=height>
            <td colspan=columns></td>
        </tr>
    }
}
