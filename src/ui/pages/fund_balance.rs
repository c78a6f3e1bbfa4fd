//! 资金平衡方案: one project's fund-balance plan and expropriation summary, on screen and on A4.

use leptos::prelude::*;

use crate::present::fund_balance::fund_balance;
use crate::ui::shell::state::{lang, t, Store};
use crate::ui::widgets::report_table::ReportTable;
use crate::words::i18n::Text;

/// The panel of project `id`'s fund-balance plan, from the active scenario's view; printing it
/// prints this panel alone (style/main.css).
#[component]
pub fn FundBalancePanel(id: String) -> impl IntoView {
    let store = expect_context::<Store>();
    let sheet = Memo::new(move |_| store.view.with(|plan| fund_balance(plan, &id, lang())));
    let table = move |pick: fn(
        &crate::present::fund_balance::FundBalance,
    ) -> crate::present::report::Table| {
        Signal::derive(move || sheet.with(|s| s.as_ref().map(pick).unwrap_or_default()))
    };
    let coverage = move || {
        sheet.with(|s| {
            s.as_ref().map(|s| match s.coverage {
                Some(c) => Text::FbCoverage.fill(
                    lang(),
                    &[
                        &crate::words::display::fixed(c, 2),
                        &crate::words::display::fixed(s.threshold, 2),
                    ],
                ),
                None => t(Text::FbNoDebt).to_string(),
            })
        })
    };
    let below = move || {
        sheet.with(|s| {
            s.as_ref()
                .is_some_and(|s| s.coverage.is_some_and(|c| c < s.threshold))
        })
    };
    view! {
        <section class="fund-balance report" role="dialog" data-testid="fund-balance"
            aria-label=move || t(Text::FbTitle)>
            <header class="report-head">
                <h1>{move || sheet.with(|s| s.as_ref().map(|s| s.name.clone()).unwrap_or_default())}
                    " · " {move || t(Text::FbTitle)}</h1>
                <div class="no-print">
                    <button type="button" data-testid="print-fund-balance" on:click=move |_| { let _ = window().print(); }>
                        {move || t(Text::PrintNow)}
                    </button>
                    <button type="button" data-testid="close-fund-balance" on:click=move |_| store.fund_balance.set(None)>
                        {move || t(Text::Close)}
                    </button>
                </div>
            </header>
            <p class="coverage" class:miss=below data-testid="fund-balance-coverage">{coverage}</p>
            <h2>{move || t(Text::FbInvestment)}</h2>
            <ReportTable testid="fund-balance-investment" table=table(|s| s.investment.clone()) />
            <h2>{move || t(Text::FbYearly)}</h2>
            <ReportTable testid="fund-balance-yearly" table=table(|s| s.yearly.clone()) />
            <h2>{move || t(Text::FbCompensation)}</h2>
            <ReportTable testid="fund-balance-compensation" table=table(|s| s.compensation.clone()) />
        </section>
    }
}
