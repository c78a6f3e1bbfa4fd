//! 报告: the plan as meeting papers, laid out for A4 — header, KPIs against targets and caps,
//! findings with their rules, charts as images, the project, yearly and 财政承受能力 tables.
//! The browser's print (or save as PDF) does the rest; style/main.css holds the print layout.

use leptos::prelude::*;

use crate::present::report::{
    affordability_table, projects_table, year_targets_table, yearly_summary_table,
};
use crate::ui::pages::results::{ChartMemos, Kpis};
use crate::ui::shell::state::{t, Store};
use crate::ui::widgets::chart_host::ChartImage;
use crate::ui::widgets::findings::Findings;
use crate::ui::widgets::report_table::{running_title, ReportTable};
use crate::words::i18n::{fmt_date, Text};

/// Today as the report's date ("2026年11月30日").
pub fn today(lang: crate::words::i18n::Lang) -> String {
    let d = js_sys::Date::new_0();
    fmt_date(
        d.get_full_year() as i32,
        d.get_month() + 1,
        d.get_date(),
        lang,
    )
}

/// The running header and the page numbers of the printed pages, as CSS page-margin boxes
/// (CSS strings: quotes and backslashes escaped).
pub fn page_style(header: &str, lang: crate::words::i18n::Lang) -> String {
    let quoted = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    let (before, middle, after) = match lang {
        crate::words::i18n::Lang::Zh => ("第 ", " 页，共 ", " 页"),
        crate::words::i18n::Lang::En => ("Page ", " of ", ""),
    };
    format!(
        "@page {{ size: A4; margin: 18mm 14mm 16mm; \
         @top-left {{ content: {}; font-size: 9pt; color: #555; }} \
         @bottom-center {{ content: {} counter(page) {} counter(pages) {}; font-size: 9pt; color: #555; }} }}",
        quoted(header),
        quoted(before),
        quoted(middle),
        quoted(after),
    )
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let store = expect_context::<Store>();
    let charts = expect_context::<ChartMemos>();
    let lang = move || store.lang.get();
    let scenario = move || {
        store
            .active_scenario_name()
            .unwrap_or_else(|| t(Text::Baseline).to_string())
    };
    let header = move || {
        let name = store.plan.with(|p| p.name.clone());
        format!("{name} · {} · {}", scenario(), today(lang()))
    };
    let projects = Signal::derive(move || {
        store
            .view
            .with(|p| store.results.with(|r| projects_table(p, r, lang())))
    });
    let yearly = Signal::derive(move || store.results.with(|r| yearly_summary_table(r, lang())));
    let affordability = Signal::derive(move || {
        let other = store.view.with(|p| p.assumptions.other_ppp_spending);
        store
            .results
            .with(|r| affordability_table(r, other, lang()))
    });
    let targets = Signal::derive(move || store.results.with(|r| year_targets_table(r, lang())));
    let print = move |_| {
        let _ = window().print();
    };
    let running =
        move |table: Text| running_title(move || store.plan.with(|p| p.name.clone()), table);
    view! {
        <article class="report" data-testid="report">
            <style>{move || page_style(&header(), lang())}</style>
            <header class="report-head">
                <h1 data-testid="report-title">{move || store.plan.with(|p| p.name.clone())}</h1>
                <p>{move || t(Text::Scenario)} {move || t(Text::Colon)} {scenario} " · " {move || today(lang())} " · " {move || t(Text::SheetUnit)}</p>
                <button type="button" class="primary no-print" data-testid="report-print" on:click=print>{move || t(Text::PrintNow)}</button>
            </header>
            <section class="report-section" data-testid="report-kpis">
                <h2>{move || t(Text::ReportKpis)}</h2>
                <Kpis />
            </section>
            <section class="report-section" data-testid="report-findings">
                <h2>{move || t(Text::ReportFindings)}</h2>
                <Findings />
            </section>
            <section class="report-section report-charts" data-testid="report-charts">
                <h2>{move || t(Text::ReportCharts)}</h2>
                <ChartImage testid="report-chart-funding" label=Text::ChartFunding chart=charts.funding />
                <ChartImage testid="report-chart-fiscal" label=Text::ChartFiscal chart=charts.fiscal />
                <ChartImage testid="report-chart-monetized" label=Text::ChartMonetized chart=charts.monetized />
            </section>
            <section class="report-section" data-testid="report-year-targets">
                <h2>{move || t(Text::YearTargetsTitle)}</h2>
                <ReportTable testid="report-year-targets-table" table=targets running=running(Text::YearTargetsTitle) />
            </section>
            <section class="report-section" data-testid="report-projects">
                <h2>{move || t(Text::SheetProjects)}</h2>
                <ReportTable testid="report-project-table" table=projects running=running(Text::SheetProjects) />
            </section>
            <section class="report-section" data-testid="report-yearly">
                <h2>{move || t(Text::SheetYearly)}</h2>
                <ReportTable testid="report-yearly-table" table=yearly running=running(Text::SheetYearly) />
            </section>
            <section class="report-section" data-testid="report-affordability">
                <h2>{move || t(Text::SheetAffordability)}</h2>
                <ReportTable testid="report-affordability-table" table=affordability running=running(Text::SheetAffordability) />
                <p class="hint">{move || t(Text::AffNote)}</p>
            </section>
        </article>
    }
}
