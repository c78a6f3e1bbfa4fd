//! 月度进度报告: the month's report to the province over the app — summary, districts,
//! projects, ranking, projects behind with the counties' reasons — printed alone on A4 or made a
//! workbook; every table is `present::progress::monthly_report`'s.

use leptos::prelude::*;

use crate::analysis::progress::progress_report;
use crate::present::progress::{monthly_report, MonthlyReport};
use crate::present::report::Table;
use crate::ui::pages::report::{page_style, today};
use crate::ui::shell::state::{lang, t};
use crate::ui::shell::sync::Session;
use crate::ui::shell::transfer;
use crate::ui::widgets::report_table::{running_title, ReportTable};
use crate::words::i18n::Text;

/// One of the report's tables.
type Pick = fn(&MonthlyReport) -> &Table;

#[component]
pub fn MonthlyReportPanel() -> impl IntoView {
    let session = expect_context::<Session>();
    let store = session.store();
    let paper = NodeRef::<leptos::html::Section>::new();
    crate::ui::widgets::dialog::modal(paper, move || store.progress_report.set(false));
    let month = store.progress_month;
    let tables = Memo::new(move |_| {
        store.view.with(|p| {
            let r = progress_report(p, month.get());
            monthly_report(&r, &p.reporting.weights, lang())
        })
    });
    let title = move || {
        let name = store.plan.with(|p| p.name.clone());
        Text::MonthlyReportTitle.fill(lang(), &[&name, &month.get().label(lang())])
    };
    let table = |pick: Pick| Signal::derive(move || tables.with(|m| pick(m).clone()));
    let sections: [(Text, &'static str, Pick); 7] = [
        (Text::SheetProgressSummary, "progress-report-summary", |m| {
            &m.summary
        }),
        (
            Text::SheetProgressDistricts,
            "progress-report-districts",
            |m| &m.districts,
        ),
        (Text::SheetProgressRanking, "progress-report-ranking", |m| {
            &m.ranking
        }),
        (Text::SheetProgressBehind, "progress-report-behind", |m| {
            &m.behind
        }),
        (Text::SheetProgressFunds, "progress-report-funds", |m| {
            &m.funds
        }),
        (
            Text::SheetProgressReadiness,
            "progress-report-readiness",
            |m| &m.readiness,
        ),
        (
            Text::SheetProgressProjects,
            "progress-report-projects",
            |m| &m.projects,
        ),
    ];
    view! {
        <section class="monthly-report paper report" role="dialog" aria-modal="true" tabindex="-1"
            node_ref=paper data-testid="monthly-report"
            aria-label=title>
            <style>{move || page_style(&format!("{} · {}", title(), today(lang())), lang())}</style>
            <div class="fb-actions no-print">
                <button type="button" class="primary" data-testid="progress-report-print" on:click=move |_| { let _ = window().print(); }>
                    {move || t(Text::PrintNow)}
                </button>
                <button type="button" data-testid="progress-report-excel" on:click=move |_| transfer::export_progress_report(session)>
                    {move || t(Text::ExportXlsx)}
                </button>
                <button type="button" data-testid="progress-report-close" on:click=move |_| store.progress_report.set(false)>
                    {move || t(Text::Close)}
                </button>
            </div>
            <header class="report-head">
                <h1 data-testid="progress-report-title">{title}</h1>
                <p>{move || today(lang())} " · " {move || t(Text::SheetUnit)}</p>
            </header>
            {sections.into_iter().map(|(heading, testid, pick)| view! {
                <section class="report-section">
                    <h2>{move || t(heading)}</h2>
                    <ReportTable testid=testid table=table(pick)
                        running=running_title(title, heading) />
                </section>
            }).collect_view()}
        </section>
    }
}
