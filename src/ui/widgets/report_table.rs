//! A table of the core's `Table` as the report and the fund-balance plan print it.

use leptos::prelude::*;

use crate::present::report::{Cell, Table};
use crate::ui::shell::state::t;
use crate::words::i18n::{fmt_number, fmt_pct, Text};

/// A table's running title: whose it is (a project, the plan, the report) and which table.
pub fn running_title(
    owner: impl Fn() -> String + Send + Sync + 'static,
    table: Text,
) -> Signal<String> {
    Signal::derive(move || format!("{} · {}", owner(), t(table)))
}

/// A report table: header repeated on every printed page, figures right-aligned. `running`,
/// the project or paper and the table's name, heads the header on paper only, so a page the
/// table continues on still says whose table it is.
#[component]
pub fn ReportTable(
    testid: &'static str,
    table: Signal<Table>,
    #[prop(optional, into)] running: Option<Signal<String>>,
    /// Each body row's test id, where a test counts them.
    #[prop(optional)]
    row_testid: Option<&'static str>,
) -> impl IntoView {
    let columns = move || table.with(|t| t.header.len().max(1));
    view! {
        <table class="report-table" data-testid=testid>
            <thead>
                {running.map(|r| view! {
                    <tr class="running-title"><th colspan=columns>{move || r.get()}</th></tr>
                })}
                <tr>{move || table.with(|t| t.header.iter().map(|h| view! { <th>{h.clone()}</th> }).collect_view())}</tr>
            </thead>
            <tbody>
                {move || table.with(|t| t.rows.iter().map(|row| view! {
                    <tr data-testid=row_testid>{row.iter().map(|c| {
                        let (text, number) = match c {
                            Cell::Text(s) => (s.clone(), false),
                            Cell::Year(y) => (y.to_string(), false),
                            Cell::Money(v) => (fmt_number(*v, 2), true),
                            Cell::Share(v) => (fmt_pct(*v), true),
                            Cell::Count(n) => (fmt_number(*n as f64, 0), true),
                            Cell::Points(v) => (fmt_number(*v, 2), true),
                        };
                        view! { <td class:num=number>{text}</td> }
                    }).collect_view()}</tr>
                }).collect_view())}
                // An empty table says so, on screen and on paper, rather than stop at its header.
                <Show when=move || table.with(|t| t.rows.is_empty())>
                    <tr class="none"><td colspan=columns>{move || t(Text::NoRows)}</td></tr>
                </Show>
            </tbody>
        </table>
    }
}
