//! 考核's paper: the period's 月检查通报, 季度点评 or 年度考核 — the districts' and the leaders'
//! scores item by item, the movers, the 督办清单 and the 逾期未回迁 register — printed alone on
//! A4 or made a workbook; every table is `present::assessment::assessment_report`'s.

use leptos::prelude::*;

use crate::present::assessment::{assessment_report, AssessmentReport};
use crate::present::report::Table;
use crate::ui::pages::report::{page_style, today};
use crate::ui::shell::state::{lang, t, AssessmentPaperOf};
use crate::ui::shell::sync::Session;
use crate::ui::shell::transfer;
use crate::ui::widgets::report_table::{running_title, ReportTable};
use crate::words::i18n::Text;

/// One of the paper's tables.
type Pick = fn(&AssessmentReport) -> &Table;

#[component]
pub fn AssessmentPaper(of: AssessmentPaperOf) -> impl IntoView {
    let session = expect_context::<Session>();
    let store = session.store();
    let paper = NodeRef::<leptos::html::Section>::new();
    crate::ui::widgets::dialog::modal(paper, move || store.assessment_paper.set(None));
    let shown = of.clone();
    let report = Memo::new(move |_| {
        store
            .view
            .with(|p| assessment_report(p, shown.period, shown.month, &shown.who, lang()))
    });
    let title = move || report.with(|r| r.title.clone());
    let table = |pick: Pick| Signal::derive(move || report.with(|r| pick(r).clone()));
    let sections: [(Text, &'static str, Pick); 7] = [
        (Text::AssessDistricts, "assess-paper-districts", |r| {
            &r.districts
        }),
        (Text::AssessLeaders, "assess-paper-leaders", |r| &r.leaders),
        (Text::AssessMovers, "assess-paper-movers", |r| &r.movers),
        (Text::SheetSupervision, "assess-paper-supervision", |r| {
            &r.supervision
        }),
        (Text::OverdueTitle, "assess-paper-overdue", |r| &r.overdue),
        (
            Text::OverdueByDistrict,
            "assess-paper-overdue-districts",
            |r| &r.overdue_districts,
        ),
        (Text::SheetDuties, "assess-paper-duties", |r| &r.duties),
    ];
    let month = of.month;
    view! {
        <section class="assessment-paper paper report" role="dialog" aria-modal="true" tabindex="-1"
            node_ref=paper data-testid="assessment-paper" aria-label=title>
            <style>{move || page_style(&format!("{} · {}", title(), today(lang())), lang())}</style>
            <div class="fb-actions no-print">
                <button type="button" class="primary" data-testid="assess-paper-print" on:click=move |_| { let _ = window().print(); }>
                    {move || t(Text::PrintNow)}
                </button>
                <button type="button" data-testid="assess-paper-excel" on:click=move |_| transfer::export_assessment(session, of.clone())>
                    {move || t(Text::ExportXlsx)}
                </button>
                <button type="button" data-testid="assess-paper-close" on:click=move |_| store.assessment_paper.set(None)>
                    {move || t(Text::Close)}
                </button>
            </div>
            <header class="report-head">
                <h1 data-testid="assess-paper-title">{title}</h1>
                <p>{move || today(lang())} " · " {move || Text::AssessListsAsOf.fill(lang(), &[&month.label(lang())])}</p>
            </header>
            {sections.into_iter().map(|(heading, testid, pick)| view! {
                <section class="report-section">
                    <h2>{move || t(heading)}</h2>
                    <ReportTable testid=testid table=table(pick) running=running_title(title, heading) />
                </section>
            }).collect_view()}
        </section>
    }
}
