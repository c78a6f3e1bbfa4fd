//! A table of the core's `Table` as the report and the fund-balance plan print it.

use leptos::prelude::*;

use crate::present::report::{Cell, Table};
use crate::words::i18n::{fmt_number, fmt_pct};

/// A report table: header repeated on every printed page, figures right-aligned.
#[component]
pub fn ReportTable(testid: &'static str, table: Signal<Table>) -> impl IntoView {
    view! {
        <table class="report-table" data-testid=testid>
            <thead>
                <tr>{move || table.with(|t| t.header.iter().map(|h| view! { <th>{h.clone()}</th> }).collect_view())}</tr>
            </thead>
            <tbody>
                {move || table.with(|t| t.rows.iter().map(|row| view! {
                    <tr>{row.iter().map(|c| {
                        let (text, number) = match c {
                            Cell::Text(s) => (s.clone(), false),
                            Cell::Year(y) => (y.to_string(), false),
                            Cell::Money(v) => (fmt_number(*v, 2), true),
                            Cell::Share(v) => (fmt_pct(*v), true),
                            Cell::Count(n) => (fmt_number(*n as f64, 0), true),
                        };
                        view! { <td class:num=number>{text}</td> }
                    }).collect_view()}</tr>
                }).collect_view())}
            </tbody>
        </table>
    }
}
