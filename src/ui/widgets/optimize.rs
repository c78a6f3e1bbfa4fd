//! 求最优方案: the optimizer's settings, its run (the answer becomes the active scenario) and
//! the explanation: the objective before and after, what binds and what it costs, what changed.

use leptos::prelude::*;

use crate::analysis::optimize::{answer_step, scenario_of, Objective, Phase, Settings};
use crate::document::edit::Edit;
use crate::document::optimize_settings::{keyed, set_keyed};
use crate::document::plan::Plan;
use crate::exchange::jobs::{Job, Outcome, Progress, Solved};
use crate::ui::shell::outcomes::Explained;
use crate::ui::shell::state::{t, Store};
use crate::ui::shell::turns;
use crate::ui::shell::worker::{self, Stopped};
use crate::ui::widgets::fields::NumberInput;
use crate::words::i18n::{fmt_pct, fmt_wan, Text};

/// Decimals of 万元 as every page shows them.
const WAN: usize = crate::words::display::WAN_DECIMALS as usize;

/// Runs the optimizer on the view in the worker, with progress; a feasible answer is added as
/// a scenario and made active.
pub fn run(store: Store) {
    let o = store.optimizer;
    if o.phase.get_untracked().is_some() {
        return;
    }
    o.failed.set(None);
    let s = store.plan.with_untracked(|p| p.optimize.clone());
    let view = store.view.get_untracked();
    let job = Job::Optimize {
        view: view.clone(),
        settings: s.clone(),
        lang: store.lang.get_untracked(),
    };
    o.phase.set(Some(Phase::Solving(1)));
    let started = js_sys::Date::now();
    let (running, finished) = worker::run(
        store.worker_loading,
        store.lang.get_untracked(),
        &job,
        Vec::new(),
        move |p| {
            if let Progress::Optimizing { phase } = p {
                o.phase.set(Some(phase));
            }
        },
    );
    o.running.set_value(Some(running));
    leptos::task::spawn_local(async move {
        let finished = finished.await;
        o.phase.set(None);
        o.running.set_value(None);
        match finished {
            Ok((Outcome::Optimized { solved }, _)) => {
                let ms = js_sys::Date::now() - started;
                // Adding the scenario and showing it are each a turn of their own: on a large
                // plan both at once would hold the page past 100 ms.
                turns::next_turn().await;
                let (explained, made) = explain(store, &view, &s, *solved, ms);
                o.last.set(Some(explained));
                if let Some(id) = made {
                    turns::next_turn().await;
                    store.active.set(Some(id));
                }
            }
            Err(Stopped::Failed(message)) => o.failed.set(Some(message)),
            Ok(_) | Err(Stopped::Cancelled) => {}
        }
    });
}

/// Ends the run under way (its worker with it); the plan is as it was.
pub fn cancel(store: Store) {
    let running = store.optimizer.running.get_value();
    if let Some(r) = running {
        r.cancel();
    }
}

/// Adds a feasible answer as a scenario (its id, to be made active) and says what it did.
fn explain(
    store: Store,
    view: &Plan,
    s: &Settings,
    solved: Solved,
    ms: f64,
) -> (Explained, Option<String>) {
    let lang = store.lang.get_untracked();
    let mut error = None;
    let mut made = None;
    if solved.feasible && store.view.with_untracked(|v| v != view) {
        // The plan moved on while the run took its turns: its answer is for another plan.
        error = Some(Text::OptimizeStale.tr(lang).to_string());
    } else if solved.feasible {
        let sc = store.plan.with_untracked(|doc| {
            let active = store.active_id().and_then(|id| doc.scenario(&id).cloned());
            let edits = solved.edits.clone();
            scenario_of(
                doc,
                active.as_ref(),
                edits,
                (solved.before, solved.after),
                s,
                lang,
            )
        });
        // Run again, the answer replaces the earlier one of the same name.
        let (step, id) = store.plan.with_untracked(|doc| answer_step(doc, sc));
        match store.dispatch(step) {
            Ok(()) => made = Some(id),
            Err(e) => error = Some(e.message(lang)),
        }
    }
    let explained = Explained {
        before: solved.before,
        after: solved.after,
        feasible: solved.feasible,
        binding: solved.binding,
        changes: solved.changes,
        ms,
        error,
    };
    (explained, made)
}

/// Where the run is, in words.
fn phase_text(phase: Phase, lang: crate::words::i18n::Lang) -> String {
    match phase {
        Phase::Solving(round) => Text::OptimizeSolving.fill(lang, &[&round]),
        Phase::Polishing { delta, done, total } => {
            Text::OptimizePolishing.fill(lang, &[&fmt_pct(delta), &done, &total])
        }
        Phase::Pricing { done, total } => Text::OptimizePricing.fill(lang, &[&done, &total]),
        Phase::Done => String::new(),
    }
}

/// The document's optimizer settings with `change` made, as one undoable edit; a refusal
/// (a value out of its bounds) is shown and changes nothing.
fn change_settings(
    store: Store,
    error: RwSignal<Option<String>>,
    change: impl FnOnce(&mut Settings),
) {
    let mut settings = store.plan.with_untracked(|p| p.optimize.clone());
    change(&mut settings);
    store.dispatch_naming(
        Edit::SetOptimize {
            settings: Box::new(settings),
        },
        error,
    );
}

#[component]
pub fn OptimizePanel() -> impl IntoView {
    let store = expect_context::<Store>();
    let settings = move || store.plan.with(|p| p.optimize.clone());
    let phase = store.optimizer.phase;
    let error = RwSignal::new(None::<String>);
    let number = move |label: Text,
                       testid: &'static str,
                       percent: bool,
                       get: fn(&Settings) -> Option<f64>,
                       put: fn(&mut Settings, Option<f64>)| {
        view! {
            <NumberInput
                label=label
                percent=percent
                optional=!percent
                unit=if percent { crate::calc::fields::Unit::None } else { crate::calc::fields::Unit::Wan }
                value=Signal::derive(move || get(&settings()))
                on_change=Callback::new(move |v: Option<f64>| change_settings(store, error, |s| put(s, v)))
                testid=testid
            />
        }
    };
    let check = move |testid: &'static str,
                      label: Text,
                      get: fn(&Settings) -> bool,
                      put: fn(&mut Settings, bool)| {
        view! {
            <label class="field checkbox">
                <input type="checkbox" data-testid=testid prop:checked=move || get(&settings())
                    on:change=move |ev| { let on = event_target_checked(&ev); change_settings(store, error, |s| put(s, on)) } />
                <span>{move || t(label)}</span>
            </label>
        }
    };
    view! {
        <section class="panel optimize" data-testid="optimize-panel">
            <h3>{move || t(Text::OptimizeTitle)}</h3>
            <p class="hint">{move || t(Text::OptimizeHint)}</p>
            <div class="grid">
                <label class="field">
                    <span class="label">{move || t(Text::OptimizeObjective)}</span>
                    <select data-testid="optimize-objective" prop:value=move || if settings().objective == Objective::PeakFiscal { "peak" } else { "pv" } on:change=move |ev| {
                        let objective = if event_target_value(&ev) == "peak" { Objective::PeakFiscal } else { Objective::FiscalPv };
                        change_settings(store, error, |s| s.objective = objective);
                    }>
                        <option value="pv">{move || t(Text::KpiFiscalPv)}</option>
                        <option value="peak">{move || t(Text::KpiPeakFiscal)}</option>
                    </select>
                </label>
                {check("optimize-districts", Text::OptimizeDistricts, |s| s.district_targets, |s, on| s.district_targets = on)}
                {check("optimize-tier", Text::OptimizeTier, |s| s.ppp_tier, |s, on| s.ppp_tier = on)}
                {check("optimize-service-purchase", Text::OptimizeServicePurchase, |s| s.allow_service_purchase, |s, on| s.allow_service_purchase = on)}
                {number(Text::OptimizeMaxCash, "optimize-max-cash", true, |s| Some(s.max_cash), |s, v| s.max_cash = v.unwrap_or(Settings::default().max_cash))}
                {number(Text::OptimizeMinInKind, "optimize-min-in-kind", true, |s| Some(s.min_in_kind), |s, v| s.min_in_kind = v.unwrap_or(0.0))}
                {number(Text::OptimizeCredit, "optimize-credit", false, |s| s.credit_line, |s, v| s.credit_line = v)}
                {number(Text::OptimizeCeiling, "optimize-ceiling", false, |s| s.burden_ceiling, |s, v| s.burden_ceiling = v)}
                {number(Text::OptimizeDebt, "optimize-debt", false, |s| s.debt_ceiling, |s, v| s.debt_ceiling = v)}
                <NumberInput
                    label=Text::OptimizeBondCoverage
                    optional=true
                    unit=crate::calc::fields::Unit::Times
                    value=Signal::derive(move || settings().bond_coverage)
                    placeholder=Signal::derive(move || store.plan.with(|p| crate::words::display::fixed(p.assumptions.bond_balance_threshold, 2)))
                    on_change=Callback::new(move |v: Option<f64>| change_settings(store, error, |s| s.bond_coverage = v))
                    testid="optimize-bond-coverage"
                />
            </div>
            <p class="hint" data-testid="optimize-bond-coverage-hint">{move || Text::OptimizeBondCoverageHint.fill(store.lang.get(), &[&store.plan.with(|p| crate::words::display::fixed(p.assumptions.bond_balance_threshold, 2))])}</p>
            <PerDistrictAndProject error=error />
            <Show when=move || error.with(Option::is_some)>
                <p class="banner error" role="alert" data-testid="optimize-error">{move || error.get()}</p>
            </Show>
            <Show when=move || store.optimizer.failed.with(Option::is_some)>
                <p class="banner error" role="alert" data-testid="optimize-failed">{move || store.optimizer.failed.get()}</p>
            </Show>
            <div class="merge-actions">
                <button type="button" class="primary" data-testid="optimize-run" disabled=move || phase.with(Option::is_some) on:click=move |_| run(store)>{move || t(Text::OptimizeRun)}</button>
                {move || earlier_answer(store).map(|name| view! {
                    <span class="hint" data-testid="optimize-replaces">{Text::OptimizeReplaces.fill(store.lang.get(), &[&name])}</span>
                })}
                <Show when=move || phase.with(Option::is_some)>
                    <span data-testid="optimize-progress" role="status">{move || phase.get().map(|p| phase_text(p, store.lang.get()))}</span>
                    <button type="button" data-testid="optimize-cancel" on:click=move |_| cancel(store)>{move || t(Text::Cancel)}</button>
                </Show>
            </div>
            <Explanation />
        </section>
    }
}

/// The name of an earlier answer that running now would replace (same objective, same name).
fn earlier_answer(store: Store) -> Option<String> {
    let lang = store.lang.get();
    store
        .plan
        .with(|p| crate::analysis::optimize::replaced(p, lang))
}

/// The settings kept per district or per project.
#[derive(Clone, Copy)]
enum KeyedList {
    /// Households of existing housing the government can buy, per district.
    Stock,
    /// A project's floor of new build.
    Floor,
}

impl KeyedList {
    fn of(self, s: &Settings) -> &[(String, f64)] {
        match self {
            KeyedList::Stock => &s.housing_stock,
            KeyedList::Floor => &s.in_kind_floor,
        }
    }

    fn of_mut(self, s: &mut Settings) -> &mut Vec<(String, f64)> {
        match self {
            KeyedList::Stock => &mut s.housing_stock,
            KeyedList::Floor => &mut s.in_kind_floor,
        }
    }
}

/// One district's or project's value of a keyed setting, empty when it has none.
#[component]
fn KeyedInput(
    list: KeyedList,
    key: String,
    name: String,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let (label, percent, unit, testid) = match list {
        KeyedList::Stock => (
            Text::OptimizeStock,
            false,
            crate::calc::fields::Unit::Households,
            format!("optimize-stock-{key}"),
        ),
        KeyedList::Floor => (
            Text::OptimizeFloorCol,
            true,
            crate::calc::fields::Unit::None,
            format!("optimize-floor-{key}"),
        ),
    };
    let get = key.clone();
    view! {
        <div class="keyed">
            <span class="keyed-name">{name}</span>
            <NumberInput
                label=label
                percent=percent
                optional=true
                unit=unit
                value=Signal::derive(move || store.plan.with(|p| keyed(list.of(&p.optimize), &get)))
                on_change=Callback::new(move |v: Option<f64>| change_settings(store, error, |s| set_keyed(list.of_mut(s), &key, v)))
                testid=testid
            />
        </div>
    }
}

/// The limits per district (housing stock the government can buy) and per project (its floor
/// of new build), folded away until opened: a long plan has many rows.
#[component]
fn PerDistrictAndProject(error: RwSignal<Option<String>>) -> impl IntoView {
    let store = expect_context::<Store>();
    let open = RwSignal::new(false);
    let districts = Memo::new(move |_| store.view.with(Plan::districts));
    let projects = Memo::new(move |_| {
        store.view.with(|v| {
            v.projects
                .iter()
                .filter(|p| p.households > 0)
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <details class="optimize-keyed">
            <summary data-testid="optimize-keyed" on:click=move |_| open.update(|o| *o = !*o)>{move || t(Text::OptimizeStock)} " · " {move || t(Text::OptimizeFloorCol)}</summary>
            <Show when=move || open.get()>
                <div class="grid">
                    <For each=move || districts.get() key=|d| d.clone() let:district>
                        <KeyedInput list=KeyedList::Stock key=district.clone() name=district error=error />
                    </For>
                </div>
                <div class="grid">
                    <For each=move || projects.get() key=|p| p.0.clone() let:project>
                        <KeyedInput list=KeyedList::Floor key=project.0 name=project.1 error=error />
                    </For>
                </div>
            </Show>
        </details>
    }
}

/// The last run explained.
#[component]
fn Explanation() -> impl IntoView {
    let store = expect_context::<Store>();
    move || {
        store.optimizer.last.get().map(|e| {
            let lang = store.lang.get();
            let headline = if e.feasible {
                // 万元 as everywhere, the saving from the two figures shown.
                let saving = crate::words::display::shown_difference(e.before, e.after, WAN);
                Text::OptimizeFound.fill(lang, &[&fmt_wan(e.before), &fmt_wan(e.after), &crate::words::display::fmt_units(saving, WAN as u32), &format!("{:.0}", e.ms)])
            } else {
                Text::OptimizeInfeasible.tr(lang).to_string()
            };
            view! {
                <div class="optimize-result" data-testid="optimize-result" data-feasible=e.feasible.to_string()>
                    <p><strong>{headline}</strong></p>
                    {e.error.map(|m| view! { <p class="error" role="alert">{m}</p> })}
                    <ul data-testid="optimize-binding">
                        {e.binding.into_iter().map(|b| view! { <li>{b}</li> }).collect_view()}
                    </ul>
                    <details>
                        <summary>{Text::OptimizeChanges.fill(lang, &[&e.changes.len()])}</summary>
                        <ul class="optimize-changes">
                            {e.changes.into_iter().map(|(title, details)| view! {
                                <li><strong>{title}</strong>
                                    {details.into_iter().map(|(l, o, n)| view! { <div>{l} {move || t(Text::Colon)} {o} " → " {n}</div> }).collect_view()}
                                </li>
                            }).collect_view()}
                        </ul>
                    </details>
                </div>
            }
        })
    }
}
