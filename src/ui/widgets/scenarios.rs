//! The scenario bar on every page: the base and each scenario as tabs, their edit lists, and
//! the panels it opens (levers in `lever_panel`, goal seek, the optimizer).

use leptos::prelude::*;

use crate::analysis::goal_seek::{seek, Question};
use crate::document::edit::Edit;
use crate::document::plan::simulate_plan;
use crate::ui::shell::state::{ask_name, lang, t, Store};
use crate::words::i18n::{fmt_pct, fmt_yi, Text};

#[component]
pub fn ScenarioBar() -> impl IntoView {
    let store = expect_context::<Store>();
    let open = RwSignal::new(None::<Panel>);
    let tabs = move || {
        store.plan.with(|p| {
            p.scenarios
                .iter()
                .map(|s| (s.id.clone(), s.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    let active = move || store.active_id();
    let new_empty = move |_| {
        let name =
            Text::NewScenarioName.fill(lang(), &[&(store.plan.with(|p| p.scenarios.len()) + 1)]);
        let _ = store.add_scenario(name, false, Vec::new());
    };
    let copy_active = move |_| {
        let l = lang();
        let name = match store.active_scenario_name() {
            Some(n) => format!("{n}{}", Text::CopySuffix.tr(l)),
            None => Text::NewScenarioName.fill(l, &[&(store.plan.with(|p| p.scenarios.len()) + 1)]),
        };
        let _ = store.add_scenario(name, true, Vec::new());
    };
    let rename = move |_| {
        let (Some(id), Some(old)) = (store.active_id(), store.active_scenario_name()) else {
            return;
        };
        if let Some(name) = ask_name(Text::RenameScenarioPrompt, &old) {
            let _ = store.dispatch(Edit::RenameScenario { scenario: id, name });
        }
    };
    let delete = move |_| {
        if let Some(id) = store.active_id() {
            // Undone with 撤销 like every other step; the base is shown meanwhile.
            if store
                .dispatch(Edit::DeleteScenario { scenario: id })
                .is_ok()
            {
                store.active.set(None);
            }
        }
    };
    let shift = move |by: isize| {
        if let Some(id) = store.active_id() {
            let at = store
                .plan
                .with_untracked(|p| p.scenarios.iter().position(|s| s.id == id))
                .unwrap_or(0);
            let to = at.saturating_add_signed(by);
            let _ = store.dispatch(Edit::MoveScenario { scenario: id, to });
        }
    };
    let toggle = move |panel: Panel| {
        open.update(|o| *o = if *o == Some(panel) { None } else { Some(panel) })
    };

    view! {
        <div class="scenario-bar" data-testid="scenario-bar">
            <div class="scenario-tabs" role="tablist" aria-label=move || t(Text::Scenario)>
                <button
                    type="button"
                    role="tab"
                    data-testid="scenario-tab"
                    data-scenario-id=""
                    aria-selected=move || active().is_none().to_string()
                    on:click=move |_| store.active.set(None)
                >
                    {move || t(Text::Baseline)}
                </button>
                <For
                    each=tabs
                    key=|s| s.clone()
                    children=move |(id, name)| {
                        let (sel, click) = (id.clone(), id.clone());
                        view! {
                            <button
                                type="button"
                                role="tab"
                                data-testid="scenario-tab"
                                data-scenario-id=id
                                aria-selected=move || (active().as_ref() == Some(&sel)).to_string()
                                on:click=move |_| store.active.set(Some(click.clone()))
                            >
                                {name}
                            </button>
                        }
                    }
                />
            </div>
            <div class="scenario-actions">
                <button type="button" data-testid="scenario-new" on:click=new_empty>{move || t(Text::ScenarioNew)}</button>
                <button type="button" data-testid="scenario-copy" on:click=copy_active>{move || t(Text::ScenarioCopy)}</button>
                <Show when=move || active().is_some()>
                    <button type="button" data-testid="scenario-rename" on:click=rename>{move || t(Text::ScenarioRename)}</button>
                    <button type="button" data-testid="scenario-left" title=move || t(Text::ScenarioLeft) on:click=move |_| shift(-1)>"◀"</button>
                    <button type="button" data-testid="scenario-right" title=move || t(Text::ScenarioRight) on:click=move |_| shift(1)>"▶"</button>
                    <button type="button" data-testid="scenario-delete" on:click=delete>{move || t(Text::DeleteScenario)}</button>
                    <button type="button" data-testid="scenario-edits-toggle" on:click=move |_| toggle(Panel::Edits)>
                        {move || t(Text::ScenarioEdits)}
                    </button>
                </Show>
                <button type="button" data-testid="lever-open" on:click=move |_| toggle(Panel::Lever)>{move || t(Text::LeverTitle)}</button>
                <button type="button" data-testid="forecast" title=move || t(Text::ForecastTip) on:click=move |_| {
                    store.notice.set(store.forecast().err());
                }>{move || t(Text::ForecastButton)}</button>
                <button type="button" data-testid="goal-seek" on:click=move |_| toggle(Panel::GoalSeek)>{move || t(Text::GoalSeekTitle)}</button>
                // The settings first: 开始求解 in the panel runs it.
                <button type="button" data-testid="optimize" on:click=move |_| toggle(Panel::Optimize)>{move || t(Text::OptimizeButton)}</button>
            </div>
        </div>
        <Show when=move || active().is_some()>
            <p class="scenario-label" data-testid="scenario-label">
                {move || Text::ScenarioShowing.fill(lang(), &[&store.active_scenario_name().unwrap_or_default()])}
            </p>
        </Show>
        {move || match open.get() {
            Some(Panel::Edits) if active().is_some() => view! { <ScenarioEdits /> }.into_any(),
            Some(Panel::Lever) => view! { <crate::ui::widgets::lever_panel::LeverPanel /> }.into_any(),
            Some(Panel::GoalSeek) => view! { <GoalSeekPanel /> }.into_any(),
            Some(Panel::Optimize) => view! { <crate::ui::widgets::optimize::OptimizePanel /> }.into_any(),
            _ => ().into_any(),
        }}
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Panel {
    Edits,
    Lever,
    GoalSeek,
    Optimize,
}

/// The active scenario's edits, one per row, each removable; stale ones marked.
#[component]
fn ScenarioEdits() -> impl IntoView {
    let store = expect_context::<Store>();
    let rows = Memo::new(move |_| {
        let l = store.lang.get();
        let id = store.active_id()?;
        store.plan.with(|p| {
            let s = p.scenario(&id)?;
            let stale = p.resolve(Some(s)).stale;
            Some((
                id.clone(),
                s.edits
                    .iter()
                    .enumerate()
                    .map(|(i, e)| (i, e.describe(p, l), stale.contains(&i)))
                    .collect::<Vec<_>>(),
                stale,
            ))
        })
    });
    let splice = move |id: String, index: usize, remove: usize| {
        let _ = store.dispatch(Edit::SpliceScenario {
            scenario: id,
            index,
            remove,
            insert: Vec::new(),
        });
    };
    view! {
        <section class="panel scenario-edits" data-testid="scenario-edits">
            <h3>{move || t(Text::ScenarioEdits)}</h3>
            {move || rows.get().map(|(id, rows, stale)| {
                let id_clean = id.clone();
                let clean = move |_| {
                    // From the end, so the earlier positions stay right; one step per edit.
                    let edits = stale
                        .iter()
                        .rev()
                        .map(|&i| Edit::SpliceScenario { scenario: id_clean.clone(), index: i, remove: 1, insert: Vec::new() })
                        .collect();
                    let _ = store.dispatch(Edit::Batch { kind: crate::document::edit::BatchKind::Changes, edits });
                };
                let any_stale = rows.iter().any(|r| r.2);
                let empty = rows.is_empty();
                view! {
                    {empty.then(|| view! { <p class="placeholder">{move || t(Text::ScenarioNoEdits)}</p> })}
                    <ol>
                        {rows.clone().into_iter().map(|(i, text, is_stale)| {
                            let id = id.clone();
                            view! {
                                <li data-testid="scenario-edit-row" class:stale=is_stale>
                                    <span>{text}</span>
                                    {is_stale.then(|| view! { <span class="badge warning">{move || t(Text::StaleEdit)}</span> })}
                                    <button type="button" data-testid="scenario-edit-remove" on:click=move |_| splice(id.clone(), i, 1)>
                                        {move || t(Text::Remove)}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                    {any_stale.then(|| view! {
                        <button type="button" data-testid="scenario-clean" on:click=clean>{move || t(Text::CleanStale)}</button>
                    })}
                }
            })}
        </section>
    }
}

#[component]
fn GoalSeekPanel() -> impl IntoView {
    let store = expect_context::<Store>();
    let question = RwSignal::new(Question::MonetizedShare);
    // Sought on the scenario the planner is looking at; costed by the full simulation.
    let answer = Memo::new(move |_| {
        let l = store.lang.get();
        let q = question.get();
        store.view.with(|v| {
            seek(v, q, l)
                .map(|a| {
                    let mut p = v.clone();
                    for e in &a.edits {
                        let _ = p.apply(e);
                    }
                    let r = simulate_plan(&p, None);
                    let lines: Vec<String> = a.edits.iter().map(|e| e.describe(v, l)).collect();
                    (
                        a,
                        lines,
                        r.totals.fiscal_burden_pv,
                        r.totals.peak_fiscal_burden,
                        r.totals.peak_year,
                        r.totals.max_ppp_share,
                    )
                })
                .map_err(|e| e.message(l))
        })
    });
    let apply = move |_| {
        if let Ok((a, ..)) = answer.get_untracked() {
            let _ = store.add_scenario(a.name, true, a.edits);
        }
    };
    view! {
        <section class="panel goal-seek" data-testid="goal-seek-panel">
            <h3>{move || t(Text::GoalSeekTitle)}</h3>
            <label class="field">
                <span class="label">{move || t(Text::GoalQuestion)}</span>
                <select data-testid="goal-question" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(q) = Question::ALL.into_iter().find(|q| q.key() == v) { question.set(q); }
                }>
                    {Question::ALL.into_iter().map(|q| view! {
                        <option value=q.key() selected=move || question.get() == q>{move || t(q.label())}</option>
                    }).collect_view()}
                </select>
            </label>
            {move || match answer.get() {
                Ok((a, lines, pv, peak, year, ppp)) => view! {
                    <div class="goal-answer" data-testid="goal-answer">
                        <p><strong>{a.name.clone()}</strong></p>
                        <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                        <p>{move || Text::GoalCost.fill(lang(), &[&fmt_yi(pv), &fmt_yi(peak), &year, &fmt_pct(ppp)])}</p>
                        <button type="button" class="primary" data-testid="goal-seek-apply" on:click=apply>{move || t(Text::GoalApply)}</button>
                    </div>
                }.into_any(),
                Err(message) => view! { <p class="error" role="alert" data-testid="goal-unmet">{message}</p> }.into_any(),
            }}
        </section>
    }
}
