//! 资金平衡方案: one project's fund-balance plan and expropriation summary (or every project of
//! its district's, one after another), on screen and on A4.

use leptos::prelude::*;

use crate::present::fund_balance::{fund_balance, FundBalance};
use crate::present::report::Table;
use crate::ui::shell::state::{lang, t, Store};
use crate::ui::widgets::report_table::{running_title, ReportTable};
use crate::words::i18n::Text;

/// The panel opened on project `id`; printing it prints this panel alone, one project per page
/// (style/main.css).
#[component]
pub fn FundBalancePanel(id: String) -> impl IntoView {
    let store = expect_context::<Store>();
    let paper = NodeRef::<leptos::html::Section>::new();
    crate::ui::widgets::dialog::modal(paper, move || store.fund_balance.set(None));
    let whole_district = RwSignal::new(false);
    let district = {
        let id = id.clone();
        Memo::new(move |_| {
            store.view.with(|plan| {
                plan.projects
                    .iter()
                    .find(|p| p.id == id)
                    .map(|p| p.district.clone())
                    .unwrap_or_default()
            })
        })
    };
    // The projects shown: this one, or every project of its district in the list's order.
    let ids = Memo::new(move |_| {
        if whole_district.get() {
            let d = district.get();
            store.view.with(|plan| {
                plan.projects
                    .iter()
                    .filter(|p| p.district == d)
                    .map(|p| p.id.clone())
                    .collect::<Vec<_>>()
            })
        } else {
            vec![id.clone()]
        }
    });
    view! {
        <section class="fund-balance paper report" role="dialog" aria-modal="true" tabindex="-1"
            node_ref=paper data-testid="fund-balance"
            aria-label=move || t(Text::FbTitle)>
            <div class="fb-actions no-print">
                <label>
                    <input type="checkbox" data-testid="fund-balance-district"
                        prop:checked=move || whole_district.get()
                        on:change=move |ev| whole_district.set(event_target_checked(&ev)) />
                    {move || Text::FbWholeDistrict.fill(lang(), &[&district.get()])}
                </label>
                <button type="button" data-testid="print-fund-balance" on:click=move |_| { let _ = window().print(); }>
                    {move || t(Text::PrintNow)}
                </button>
                <button type="button" data-testid="close-fund-balance" on:click=move |_| store.fund_balance.set(None)>
                    {move || t(Text::Close)}
                </button>
            </div>
            <For each=move || ids.get() key=|id| id.clone() let:id>
                <FundBalanceSheet id=id />
            </For>
        </section>
    }
}

/// One project's plan: the coverage line, then investment, the yearly money and the
/// compensation summary.
#[component]
fn FundBalanceSheet(id: String) -> impl IntoView {
    let store = expect_context::<Store>();
    let sheet = Memo::new(move |_| store.view.with(|plan| fund_balance(plan, &id, lang())));
    let table = move |pick: fn(&FundBalance) -> &Table| {
        Signal::derive(move || {
            sheet.with(|s| s.as_ref().map(|s| pick(s).clone()).unwrap_or_default())
        })
    };
    let coverage = move || sheet.with(|s| s.as_ref().map(|s| s.coverage_text(lang())));
    let below = move || sheet.with(|s| s.as_ref().is_some_and(FundBalance::below_threshold));
    let name = move || sheet.with(|s| s.as_ref().map(|s| s.name.clone()).unwrap_or_default());
    let running = move |section: Text| running_title(name, section);
    view! {
        <article class="fb-project" data-testid="fund-balance-project">
            <header class="report-head">
                <h1>{name} " · " {move || t(Text::FbTitle)}</h1>
            </header>
            <p class="coverage" class:miss=below data-testid="fund-balance-coverage">{coverage}</p>
            <h2>{move || t(Text::FbInvestment)}</h2>
            <ReportTable testid="fund-balance-investment" table=table(|s| &s.investment) running=running(Text::FbInvestment) />
            <h2>{move || t(Text::FbYearly)}</h2>
            <ReportTable testid="fund-balance-yearly" table=table(|s| &s.yearly) running=running(Text::FbYearly) />
            <h2>{move || t(Text::FbCompensation)}</h2>
            <ReportTable testid="fund-balance-compensation" table=table(|s| &s.compensation) running=running(Text::FbCompensation) />
            <h2>{move || t(Text::FbReadiness)}</h2>
            <ul class="fb-readiness" data-testid="fund-balance-readiness">
                {move || sheet.with(|s| s.as_ref().map(|s| s.readiness.clone()).unwrap_or_default())
                    .into_iter()
                    .map(|line| view! { <li>{line}</li> })
                    .collect_view()}
            </ul>
        </article>
    }
}
