//! 方案对比: the baseline and every scenario side by side, differences from the baseline, and
//! their fiscal burden per year in one chart.

use leptos::prelude::*;

use crate::analysis::compare::{compare, rows as compare_rows, MetricKind, Row};
use crate::calc::model::ResettlementWay;
use crate::document::edit::{Edit, Scenario};
use crate::document::lever::{Lever, LeverAction, Scope};
use crate::present::compare_charts::{compare_chart, district_chart, Overlay};
use crate::ui::shell::state::{lang, t, Store};
use crate::ui::shell::sync::Session;
use crate::ui::widgets::chart_host::ChartHost;
use crate::ui::widgets::fields::{parse_number, show_number};
use crate::words::i18n::Text;

pub(super) fn show(kind: MetricKind, v: f64) -> String {
    crate::present::comparison::figure(kind, v, lang())
}

/// The difference from the base, from the figures shown (absolute, and relative for amounts
/// and counts).
pub(super) fn show_diff(kind: MetricKind, v: f64, base: f64) -> String {
    crate::present::comparison::difference(kind, v, base, lang())
}

/// 新建货币化情景: every project at least X % monetized, as a scenario of its own.
fn add_monetized_scenario(store: Store) {
    let l = store.lang.get_untracked();
    let answer = window()
        .prompt_with_message_and_default(Text::ScenarioTargetPrompt.tr(l), "60")
        .ok()
        .flatten();
    let Some(pct) = answer.and_then(|a| parse_number(&a)) else {
        return;
    };
    if !(0.0..=100.0).contains(&pct) {
        return;
    }
    let shown = show_number(pct, 1);
    let scenario = store.plan.with_untracked(|p| Scenario {
        id: p.next_scenario_id(),
        forecast: false,
        gated: None,
        name: Text::ScenarioName.fill(l, &[&shown]),
        note: Text::ScenarioNote.fill(l, &[&shown]),
        edits: vec![Edit::Lever {
            lever: Lever {
                scope: Scope::All,
                action: LeverAction::MonetizedMin {
                    share: pct / 100.0,
                    into: ResettlementWay::Cash,
                },
            },
        }],
    });
    let _ = store.dispatch(Edit::AddScenario {
        index: usize::MAX,
        scenario: Box::new(scenario),
    });
}

/// 新建货币化情景 and a 删除 button per scenario.
#[component]
fn CompareToolbar() -> impl IntoView {
    let store = expect_context::<Store>();
    let scenarios = move || {
        store.plan.with(|p| {
            p.scenarios
                .iter()
                .map(|s| (s.id.clone(), s.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="toolbar">
            <button type="button" class="primary" data-testid="new-scenario" on:click=move |_| add_monetized_scenario(store)>
                {move || t(Text::NewScenario)}
            </button>
            {move || scenarios().into_iter().map(|(id, name)| {
                let label = Text::NamedThing.fill(lang(), &[&t(Text::DeleteScenario), &name]);
                let shown = label.clone();
                let delete = move |_| {
                    let ok = window().confirm_with_message(&format!("{label}？")).unwrap_or(false);
                    if ok {
                        let _ = store.dispatch(Edit::DeleteScenario { scenario: id.clone() });
                    }
                };
                view! { <button type="button" data-testid="delete-scenario" on:click=delete>{shown}</button> }
            }).collect_view()}
        </div>
    }
}

/// The other stored plans, each a tick that adds it to the comparison.
#[component]
fn OtherPlans(chosen: RwSignal<Vec<String>>) -> impl IntoView {
    let store = expect_context::<Store>();
    let other_plans = move || {
        let current = store.plan.with(|p| p.id.clone());
        store
            .plans
            .get()
            .into_iter()
            .filter(|m| m.id != current)
            .collect::<Vec<_>>()
    };
    view! {
        <fieldset data-testid="compare-plans">
            <legend>{move || t(Text::CompareWithPlans)}</legend>
            {move || other_plans().into_iter().map(|m| {
                let (id, id2) = (m.id.clone(), m.id.clone());
                view! {
                    <label class="field checkbox">
                        <input
                            type="checkbox"
                            data-testid="compare-plan"
                            prop:checked=move || chosen.with(|c| c.contains(&id))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                chosen.update(|c| {
                                    c.retain(|x| *x != id2);
                                    if on {
                                        c.push(id2.clone());
                                    }
                                });
                            }
                        />
                        <span>{m.name}</span>
                    </label>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// Every metric per column, each after the first with its difference from the base.
#[component]
fn CompareTable(names: Memo<Vec<String>>, rows: Memo<Vec<Row>>) -> impl IntoView {
    view! {
        <table class="data" data-testid="compare-table">
            <caption>{move || t(Text::CompareTitle)}</caption>
            <thead>
                <tr>
                    <th scope="col"></th>
                    {move || names.with(|a| a.iter().enumerate().map(|(i, name)| {
                        let name = name.clone();
                        view! {
                            <th scope="col" class="num">{name}</th>
                            {(i > 0).then(|| view! { <th scope="col" class="num">{t(Text::Difference)}</th> })}
                        }
                    }).collect_view())}
                </tr>
            </thead>
            <tbody>
                {move || {
                    rows.with(|rs| rs.iter().map(|row| {
                        let base = row.values[0];
                        let kind = row.kind;
                        view! {
                            <tr data-testid="compare-row">
                                <th scope="row">{row.label.clone()}</th>
                                {row.values.iter().enumerate().map(|(i, &v)| {
                                    view! {
                                        <td class="num">{show(kind, v)}</td>
                                        {(i > 0).then(|| view! { <td class="num diff">{show_diff(kind, v, base)}</td> })}
                                    }
                                }).collect_view()}
                            </tr>
                        }
                    }).collect_view())
                }}
            </tbody>
        </table>
    }
}

#[component]
pub fn ComparePage() -> impl IntoView {
    let store = expect_context::<Store>();
    let session = expect_context::<Session>();
    // Other stored plans the planner ticked to compare with (e.g. a copy with other mixes).
    let chosen = RwSignal::new(Vec::<String>::new());
    let others = Memo::new(move |_| {
        let current = store.plan.with(|p| p.id.clone());
        store.plans.track();
        chosen.with(|ids| {
            ids.iter()
                .filter(|id| **id != current)
                .filter_map(|id| session.peek(id))
                .collect::<Vec<_>>()
        })
    });
    // Every scenario simulated once per change; the table and the chart read the same results.
    let compared = Memo::new(move |_| {
        let l = store.lang.get();
        store.plan.with(|p| compare(p, &others.get(), l))
    });
    // The columns' names (the base first), and the rows the table shows.
    let names = Memo::new(move |_| {
        compared.with(|cs| cs.iter().map(|c| c.name.clone()).collect::<Vec<_>>())
    });
    let rows = Memo::new(move |_| {
        let l = store.lang.get();
        compared.with(|cs| compare_rows(cs, l))
    });
    let cap = Signal::derive(move || store.plan.with(|p| p.assumptions.ppp_cap));
    let overlay = move |o: Overlay| {
        Memo::new(move |_| {
            let l = store.lang.get();
            compared.with(|cs| {
                crate::present::charts::ChartJson::from(compare_chart(cs, o, cap.get(), l))
            })
        })
    };
    let districts = Memo::new(move |_| {
        let l = store.lang.get();
        compared.with(|cs| crate::present::charts::ChartJson::from(district_chart(cs, l)))
    });
    view! {
        <section class="compare">
            <CompareToolbar />
            <OtherPlans chosen=chosen />
            <Show
                when=move || names.with(|a| a.len() > 1)
                fallback=move || view! { <p class="placeholder" data-testid="no-scenarios">{move || t(Text::NoScenarios)}</p> }
            >
                <CompareTable names=names rows=rows />
                <div class="charts">
                    {Overlay::ALL.into_iter().map(|o| view! { <ChartHost testid=o.testid() chart=overlay(o) /> }).collect_view()}
                    <ChartHost testid="chart-compare-districts" chart=districts />
                </div>
            </Show>
        </section>
    }
}
