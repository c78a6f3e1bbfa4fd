//! The scenario bar on every page: the base and each scenario as tabs, their edit lists, the
//! levers that make scenarios, and goal seek.

use leptos::prelude::*;

use crate::analysis::goal_seek::{seek, Question};
use crate::calc::fields::{
    status_from_key, status_key, type_from_key, type_key, AssumptionKey, Bounds, Unit,
};
use crate::calc::model::{status_text, type_text};
use crate::calc::model::{CostDriver, Instrument, ProjectType, ResettlementWay, Status};
use crate::document::edit::{Edit, Scenario};
use crate::document::lever::{Lever, LeverAction, Scope};
use crate::document::plan::simulate_plan;
use crate::ui::shell::state::{lang, t, Store};
use crate::ui::widgets::fields::{parse_number, show_number};
use crate::words::i18n::{fmt_pct, fmt_yi, Text};

/// Adds a scenario after the others and shows it, as one undoable step: the active scenario's
/// edits when `inherit` (none from the base), then `added`.
fn add_scenario(store: Store, name: String, inherit: bool, added: Vec<Edit>) -> Result<(), String> {
    let lang = store.lang.get_untracked();
    let mut edits = if inherit {
        store.active_edits()
    } else {
        Vec::new()
    };
    // `added` is checked against the plan it goes on, so a refusal names the problem.
    if !added.is_empty() {
        let mut trial = if inherit {
            store.view.get_untracked()
        } else {
            store.plan.with_untracked(|p| p.resolve(None).plan)
        };
        for e in &added {
            trial.apply(e).map_err(|r| r.message(lang))?;
        }
    }
    edits.extend(added);
    let id = store.plan.with_untracked(|p| p.next_scenario_id());
    let scenario = Scenario {
        id: id.clone(),
        name,
        note: String::new(),
        edits,
    };
    store
        .dispatch(Edit::AddScenario {
            index: usize::MAX,
            scenario: Box::new(scenario),
        })
        .map_err(|r| r.message(lang))?;
    store.active.set(Some(id));
    Ok(())
}

impl Store {
    /// The edits of the active scenario (none for the base).
    fn active_edits(&self) -> Vec<Edit> {
        let id = self.active_id();
        self.plan.with_untracked(|p| {
            id.and_then(|id| p.scenario(&id).map(|s| s.edits.clone()))
                .unwrap_or_default()
        })
    }
}

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
        let _ = add_scenario(store, name, false, Vec::new());
    };
    let copy_active = move |_| {
        let l = lang();
        let name = match store.active_scenario_name() {
            Some(n) => format!("{n}{}", Text::CopySuffix.tr(l)),
            None => Text::NewScenarioName.fill(l, &[&(store.plan.with(|p| p.scenarios.len()) + 1)]),
        };
        let _ = add_scenario(store, name, true, Vec::new());
    };
    let rename = move |_| {
        let (Some(id), Some(old)) = (store.active_id(), store.active_scenario_name()) else {
            return;
        };
        let answer = window()
            .prompt_with_message_and_default(t(Text::RenameScenarioPrompt), &old)
            .ok()
            .flatten();
        if let Some(name) = answer
            .map(|a| a.trim().to_string())
            .filter(|a| !a.is_empty())
        {
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
                <button type="button" data-testid="goal-seek" on:click=move |_| toggle(Panel::GoalSeek)>{move || t(Text::GoalSeekTitle)}</button>
                <button type="button" data-testid="optimize" on:click=move |_| {
                    open.set(Some(Panel::Optimize));
                    crate::ui::widgets::optimize::run(store);
                }>{move || t(Text::OptimizeButton)}</button>
            </div>
        </div>
        <Show when=move || active().is_some()>
            <p class="scenario-label" data-testid="scenario-label">
                {move || Text::ScenarioShowing.fill(lang(), &[&store.active_scenario_name().unwrap_or_default()])}
            </p>
        </Show>
        {move || match open.get() {
            Some(Panel::Edits) if active().is_some() => view! { <ScenarioEdits /> }.into_any(),
            Some(Panel::Lever) => view! { <LeverPanel /> }.into_any(),
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

/// The lever kinds offered, with the unit their value is entered in and its bounds.
const KINDS: [(&str, Text); 8] = [
    ("monetized_min", Text::LeverMonetizedMin),
    ("monetized_plus", Text::LeverMonetizedPlus),
    ("shift_financing", Text::LeverShift),
    ("financing_share", Text::LeverShare),
    ("scale_cost", Text::LeverScale),
    ("set_assumption", Text::LeverAssumption),
    ("move_year", Text::LeverMoveYear),
    ("exclude", Text::LeverExclude),
];

/// The lever's scope from the `lever-scope` value: `all`, `central`, `counties`, a year
/// (`year:2028`), a type (`type:urban_village`), a status (`status:planning`), or a district's
/// name.
fn scope_of(v: &str) -> Scope {
    let after = |prefix: &str| v.strip_prefix(prefix);
    match v {
        "all" => Scope::All,
        "central" => Scope::Central,
        "counties" => Scope::Counties,
        _ => {
            if let Some(year) = after("year:").and_then(|y| y.parse().ok()) {
                Scope::Year { year }
            } else if let Some(kind) = after("type:").and_then(type_from_key) {
                Scope::Type { kind }
            } else if let Some(status) = after("status:").and_then(status_from_key) {
                Scope::Status { status }
            } else {
                Scope::District {
                    name: v.to_string(),
                }
            }
        }
    }
}

/// What the lever's value means for `kind`: its unit and bounds (stored units).
fn value_rule(kind: &str, key: AssumptionKey) -> Option<(Unit, Bounds)> {
    match kind {
        "monetized_min" | "monetized_plus" | "shift_financing" | "financing_share" => {
            Some((Unit::Percent, Bounds::SHARE))
        }
        "scale_cost" => Some((Unit::Percent, Bounds::new(-0.9, 2.0))),
        "set_assumption" => Some((key.unit(), key.bounds())),
        _ => None,
    }
}

#[component]
fn LeverPanel() -> impl IntoView {
    let store = expect_context::<Store>();
    let scope = RwSignal::new("counties".to_string());
    let kind = RwSignal::new("monetized_min".to_string());
    let value = RwSignal::new(String::new());
    let from = RwSignal::new(Instrument::PolicyLoan);
    let to = RwSignal::new(Instrument::ServicePurchase);
    let instrument = RwSignal::new(Instrument::Ppp);
    let driver = RwSignal::new(CostDriver::ALL[0]);
    let key = RwSignal::new(AssumptionKey::LoanRate);
    let into_purchase = RwSignal::new(false);
    let new_scenario = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);

    let scopes = move || {
        let first = store.view.with(|p| p.first_year);
        let mut out = vec![
            ("all".to_string(), t(Text::ScopeAll).to_string()),
            ("central".into(), t(Text::CentralCity).into()),
            ("counties".into(), t(Text::ScopeCounties).into()),
            (
                format!("year:{first}"),
                Text::ScopeYear.fill(lang(), &[&first]),
            ),
            (
                format!("year:{}", first + 1),
                Text::ScopeYear.fill(lang(), &[&(first + 1)]),
            ),
        ];
        out.extend(
            store
                .view
                .with(|p| p.districts())
                .into_iter()
                .map(|d| (d.clone(), d)),
        );
        out.extend(ProjectType::ALL.iter().map(|k| {
            (
                format!("type:{}", type_key(*k)),
                t(type_text(*k)).to_string(),
            )
        }));
        out.extend(Status::ALL.iter().map(|s| {
            (
                format!("status:{}", status_key(*s)),
                t(status_text(*s)).to_string(),
            )
        }));
        out
    };
    let unit = move || {
        value_rule(&kind.get(), key.get())
            .map(|(u, _)| u.text(lang()).to_string())
            .unwrap_or_default()
    };
    let apply = move |_| {
        let l = lang();
        let k = kind.get_untracked();
        let typed = value.get_untracked();
        let v = match value_rule(&k, key.get_untracked()) {
            None => 0.0,
            Some((u, b)) => {
                let Some(n) = parse_number(&typed) else {
                    error.set(Some(Text::LeverNeedsNumber.tr(l).into()));
                    return;
                };
                let stored = n / u.scale();
                if b.check(stored).is_some() {
                    let show = |x: f64| format!("{}{}", show_number(x * u.scale(), 2), u.text(l));
                    error.set(Some(
                        Text::ErrOutOfRange.fill(l, &[&show(stored), &show(b.min), &show(b.max)]),
                    ));
                    return;
                }
                stored
            }
        };
        let into = if into_purchase.get_untracked() {
            ResettlementWay::GovernmentPurchase
        } else {
            ResettlementWay::Cash
        };
        let action = match k.as_str() {
            "monetized_min" => Some(LeverAction::MonetizedMin { share: v, into }),
            "monetized_plus" => Some(LeverAction::MonetizedPlus { points: v, into }),
            "shift_financing" => Some(LeverAction::ShiftFinancing {
                from: from.get_untracked(),
                to: to.get_untracked(),
                points: v,
            }),
            "financing_share" => Some(LeverAction::FinancingShare {
                instrument: instrument.get_untracked(),
                share: v,
            }),
            "scale_cost" => Some(LeverAction::ScaleCost {
                driver: driver.get_untracked(),
                percent: v,
            }),
            "move_year" => Some(LeverAction::MoveYear),
            "exclude" => Some(LeverAction::Exclude),
            _ => None,
        };
        let (edit, name) = match action {
            Some(action) => {
                let lever = Lever {
                    scope: scope_of(&scope.get_untracked()),
                    action,
                };
                let name = lever.name(l);
                (Edit::Lever { lever }, name)
            }
            None => {
                let key = key.get_untracked();
                let name = format!(
                    "{} {}{}",
                    key.label().tr(l),
                    show_number(v * key.unit().scale(), 2),
                    key.unit().text(l)
                );
                (Edit::SetAssumption { key, value: v }, name)
            }
        };
        // From the base, a lever always makes a scenario: the base is never changed by one.
        let outcome = if store.active_id().is_none() || new_scenario.get_untracked() {
            add_scenario(store, name, true, vec![edit])
        } else {
            store.dispatch(edit).map_err(|r| r.message(l))
        };
        error.set(outcome.err());
    };
    let instrument_select = move |testid: &'static str, sig: RwSignal<Instrument>| {
        view! {
            <select data-testid=testid on:change=move |ev| {
                let v = event_target_value(&ev);
                if let Some(i) = Instrument::ALL.iter().find(|i| i.key() == v) { sig.set(*i); }
            }>
                {Instrument::ALL.iter().map(|i| {
                    let i = *i;
                    view! { <option value=i.key() selected=move || sig.get() == i>{move || t(i.label())}</option> }
                }).collect_view()}
            </select>
        }
    };
    view! {
        <section class="panel lever-panel" data-testid="lever-panel">
            <h3>{move || t(Text::LeverTitle)}</h3>
            <div class="lever-row">
                <label class="field compact">
                    <span class="label">{move || t(Text::LeverScope)}</span>
                    <select data-testid="lever-scope" on:change=move |ev| scope.set(event_target_value(&ev))>
                        {move || scopes().into_iter().map(|(v, shown)| {
                            let sel = v.clone();
                            view! { <option value=v selected=move || scope.get() == sel>{shown}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label class="field compact">
                    <span class="label">{move || t(Text::LeverKind)}</span>
                    <select data-testid="lever-kind" on:change=move |ev| { kind.set(event_target_value(&ev)); error.set(None); }>
                        {KINDS.iter().map(|(v, label)| {
                            let (v, label) = (*v, *label);
                            view! { <option value=v selected=move || kind.get() == v>{move || t(label)}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <Show when=move || kind.get() == "shift_financing">
                    {instrument_select("lever-from", from)} "→" {instrument_select("lever-to", to)}
                </Show>
                <Show when=move || kind.get() == "financing_share">
                    {instrument_select("lever-instrument", instrument)}
                </Show>
                <Show when=move || kind.get() == "scale_cost">
                    <select data-testid="lever-driver" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(d) = CostDriver::ALL.iter().find(|d| d.key() == v) { driver.set(*d); }
                    }>
                        {CostDriver::ALL.iter().map(|d| {
                            let d = *d;
                            view! { <option value=d.key()>{move || t(d.label())}</option> }
                        }).collect_view()}
                    </select>
                </Show>
                <Show when=move || kind.get() == "set_assumption">
                    <select data-testid="lever-assumption" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(k) = AssumptionKey::ALL.iter().find(|k| k.key() == v) { key.set(*k); }
                    }>
                        {AssumptionKey::ALL.iter().map(|k| {
                            let k = *k;
                            view! { <option value=k.key() selected=move || key.get() == k>{move || t(k.label())}</option> }
                        }).collect_view()}
                    </select>
                </Show>
                <Show when=move || value_rule(&kind.get(), key.get()).is_some()>
                    <label class="field compact">
                        <span class="label">{move || t(Text::LeverValue)}</span>
                        <input
                            type="text"
                            inputmode="decimal"
                            data-testid="lever-value"
                            prop:value=move || value.get()
                            on:input=move |ev| value.set(event_target_value(&ev))
                        />
                        <span class="unit">{unit}</span>
                    </label>
                </Show>
                <Show when=move || kind.get().starts_with("monetized")>
                    <label class="check">
                        <input type="checkbox" data-testid="lever-into-purchase" on:change=move |ev| into_purchase.set(event_target_checked(&ev)) />
                        {move || t(Text::LeverIntoPurchase)}
                    </label>
                </Show>
                <Show when=move || store.active_id().is_some()>
                    <label class="check">
                        <input type="checkbox" data-testid="lever-new-scenario" on:change=move |ev| new_scenario.set(event_target_checked(&ev)) />
                        {move || t(Text::LeverNewScenario)}
                    </label>
                </Show>
                <button type="button" class="primary" data-testid="lever-apply" on:click=apply>{move || t(Text::LeverApply)}</button>
            </div>
            <p class="hint">{move || t(if store.active_id().is_some() { Text::LeverHintScenario } else { Text::LeverHintBase })}</p>
            {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="lever-error">{e}</p> })}
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
            let _ = add_scenario(store, a.name, true, a.edits);
        }
    };
    view! {
        <section class="panel goal-seek" data-testid="goal-seek-panel">
            <h3>{move || t(Text::GoalSeekTitle)}</h3>
            <select data-testid="goal-question" on:change=move |ev| {
                let v = event_target_value(&ev);
                if let Some(q) = Question::ALL.into_iter().find(|q| q.key() == v) { question.set(q); }
            }>
                {Question::ALL.into_iter().map(|q| view! {
                    <option value=q.key() selected=move || question.get() == q>{move || t(q.label())}</option>
                }).collect_view()}
            </select>
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
