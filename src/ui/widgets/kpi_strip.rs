//! The KPI strip under the tabs on every page: the headline figures of the active scenario
//! against their targets, each a link to the chart or finding that explains it.

use leptos::prelude::*;

use crate::present::headline::{headline, Verdict};
use crate::ui::shell::reveal::{reveal, Place};
use crate::ui::shell::state::{lang, t, Store, Tab};
use crate::ui::widgets::findings::FindingGroups;
use crate::words::i18n::Text;

#[component]
pub fn KpiStrip() -> impl IntoView {
    let store = expect_context::<Store>();
    let findings = expect_context::<FindingGroups>().findings;
    // Read from the same results and findings memos as 测算结果: an edit moves both in one frame.
    let figures = Memo::new(move |_| {
        store.view.with(|p| {
            store
                .results
                .with(|r| findings.with(|f| headline(&p.assumptions, r, f, store.lang.get())))
        })
    });
    let go = move |testid: &'static str| {
        store.tab.set(Tab::Results);
        reveal(format!("[data-testid=\"{testid}\"]"), Place::Start);
    };
    view! {
        <nav class="kpi-strip" data-testid="kpi-strip" aria-label=move || t(Text::StripLabel)>
            <ul>
                {move || {
                    figures
                        .get()
                        .into_iter()
                        .map(|f| {
                            let target = f.explained_at;
                            let title = Text::StripGoTo.fill(lang(), &[&t(f.label)]);
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="strip-figure"
                                        class:pass=f.verdict == Verdict::Pass
                                        class:miss=f.verdict == Verdict::Miss
                                        data-testid=format!("kpi-strip-{}", f.id)
                                        data-status=match f.verdict {
                                            Verdict::Pass => "pass",
                                            Verdict::Miss => "miss",
                                            Verdict::Neutral => "none",
                                        }
                                        title=title
                                        on:click=move |_| go(target)
                                    >
                                        <span class="strip-label">{t(f.label)}</span>
                                        " "
                                        <strong class="strip-value">{f.value}</strong>
                                        " "
                                        <span class="strip-detail">{f.detail}</span>
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </nav>
    }
}
