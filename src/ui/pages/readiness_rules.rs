//! 前期手续's rules: the gates each source of money waits for (a preset labelled with place and
//! year, or the plan's own) and the city's deadlines; each change is an `Edit`, refused with
//! its reason named.

use leptos::prelude::*;

use crate::calc::model::Instrument;
use crate::calc::readiness::{Day, Deadline, Gate, GatePreset, Gates, Milestone, Stage};
use crate::document::edit::Edit;
use crate::ui::shell::state::{lang, t, Store};
use crate::ui::widgets::fields::NumberInput;
use crate::words::i18n::Text;

/// The steps a source's gate may wait for: every approval and the source's own steps.
fn choices(i: Instrument) -> impl Iterator<Item = Milestone> {
    Milestone::ALL
        .iter()
        .copied()
        .filter(move |m| match m.stage() {
            Stage::Approval => true,
            Stage::Money(s) => s == i,
        })
}

/// As the document names it.
fn preset_key(p: GatePreset) -> &'static str {
    match p {
        GatePreset::National2024 => "national2024",
        GatePreset::Shaanxi2016 => "shaanxi2016",
        GatePreset::Strict => "strict",
        GatePreset::Custom => "custom",
    }
}

/// The gates and the deadlines, folded away until the planner opens them (and only drawn
/// then: a hundred inputs are not built for every visit to the board).
#[component]
pub fn ReadinessRules() -> impl IntoView {
    // Whether the element is open, as it says after each toggle (mouse or keyboard).
    let open = RwSignal::new(false);
    view! {
        <details class="readiness-rules" data-testid="readiness-rules"
            on:toggle=move |ev| open.set(event_target::<web_sys::Element>(&ev).has_attribute("open"))>
            <summary>{move || t(Text::GateRulesTitle)}</summary>
            <Show when=move || open.get()>
                <GateTable />
                <DeadlineTable />
            </Show>
        </details>
    }
}

#[component]
fn GateTable() -> impl IntoView {
    let store = expect_context::<Store>();
    let error = RwSignal::new(None::<String>);
    let gates = Memo::new(move |_| store.plan.with(|p| p.gates.clone()));
    let set = move |g: Gates| {
        store.dispatch_naming(Edit::SetGates { gates: Box::new(g) }, error);
    };
    // One source's gate changed: the rules become the plan's own.
    let change = move |i: Instrument, f: &dyn Fn(&mut Gate)| {
        let mut g = gates.get_untracked();
        if let Some(gate) = g.gates.iter_mut().find(|x| x.instrument == i) {
            f(gate);
            g.preset = GatePreset::Custom;
            set(g);
        }
    };
    let row = move |i: Instrument| {
        let gate = move || gates.with(|g| g.of(i).cloned());
        let threshold = move |label: Text,
                              percent: bool,
                              get: fn(&Gate) -> Option<f64>,
                              put: fn(&mut Gate, Option<f64>),
                              key: &str| {
            view! {
                <td><NumberInput
                    label=label
                    percent=percent
                    optional=true
                    value=Signal::derive(move || gate().and_then(|g| get(&g)))
                    on_change=Callback::new(move |v: Option<f64>| change(i, &|g| put(g, v)))
                    testid=format!("gate-{key}-{}", i.key())
                /></td>
            }
        };
        view! {
            <tr data-testid="gate-row" data-source=i.key()>
                <th scope="row">{move || t(i.label())}</th>
                <td class="gate-steps">
                    {choices(i).map(|m| view! {
                        <label class="check">
                            <input type="checkbox" data-testid=format!("gate-{}-{}", i.key(), m.key())
                                prop:checked=move || gate().is_some_and(|g| g.requires.contains(&m))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    change(i, &|g| {
                                        g.requires.retain(|x| *x != m);
                                        if on {
                                            g.requires.push(m);
                                            crate::words::order::sort(&mut g.requires);
                                        }
                                    });
                                } />
                            {move || t(m.label())}
                        </label>
                    }).collect_view()}
                </td>
                {threshold(Text::GateMinCoverage, false, |g| g.min_coverage, |g, v| g.min_coverage = v, "coverage")}
                {threshold(Text::GateMinMonetized, true, |g| g.min_monetized, |g, v| g.min_monetized = v, "monetized")}
                <td><input type="checkbox" data-testid=format!("gate-risk-{}", i.key())
                    aria-label=move || t(Text::GateRiskNotHigh)
                    prop:checked=move || gate().is_some_and(|g| g.risk_not_high)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        change(i, &|g| g.risk_not_high = on);
                    } /></td>
                {threshold(Text::GateMinPresigned, true, |g| g.min_presigned, |g, v| g.min_presigned = v, "presigned")}
            </tr>
        }
    };
    let instruments =
        move || gates.with(|g| g.gates.iter().map(|x| x.instrument).collect::<Vec<_>>());
    view! {
        <label class="field compact">
            <span class="label">{move || t(Text::GatePresetLabel)}</span>
            <select data-testid="gate-preset"
                prop:value=move || preset_key(gates.with(|g| g.preset))
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(p) = GatePreset::ALL.into_iter().find(|p| preset_key(*p) == v) {
                        set(p.gates());
                    }
                }>
                {GatePreset::ALL.iter().map(|&p| view! { <option value=preset_key(p)>{move || t(p.label())}</option> }).collect_view()}
                <option value=preset_key(GatePreset::Custom) disabled=true>{move || t(GatePreset::Custom.label())}</option>
            </select>
        </label>
        {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="gate-error">{e}</p> })}
        <table class="data compact gate-table" data-testid="gate-table">
            <thead><tr>
                <th scope="col">{move || t(Text::ReadinessSource)}</th>
                <th scope="col">{move || t(Text::GateRequires)}</th>
                <th scope="col">{move || t(Text::GateMinCoverage)}</th>
                <th scope="col">{move || t(Text::GateMinMonetized)}</th>
                <th scope="col">{move || t(Text::GateRiskNotHigh)}</th>
                <th scope="col">{move || t(Text::GateMinPresigned)}</th>
            </tr></thead>
            <tbody>{move || instruments().into_iter().map(row).collect_view()}</tbody>
        </table>
    }
}

#[component]
fn DeadlineTable() -> impl IntoView {
    let store = expect_context::<Store>();
    let error = RwSignal::new(None::<String>);
    let list = Memo::new(move |_| store.plan.with(|p| p.deadlines.clone()));
    let change = move |f: &dyn Fn(&mut Vec<Deadline>)| {
        let mut all = list.get_untracked();
        f(&mut all);
        store.dispatch_naming(Edit::SetDeadlines { deadlines: all }, error);
    };
    let add = move |_| {
        let day = crate::ui::shell::state::today();
        change(&|all| {
            all.push(Deadline {
                label: Text::NewDeadline.tr(lang()).to_string(),
                milestone: None,
                day,
            })
        })
    };
    let row = move |(k, d): (usize, Deadline)| {
        view! {
            <tr data-testid="deadline-row">
                <td><input type="text" data-testid="deadline-label" aria-label=move || t(Text::DeadlineLabelCol)
                    prop:value=d.label.clone()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        change(&|all| all[k].label = v.clone());
                    } /></td>
                <td><select data-testid="deadline-milestone" aria-label=move || t(Text::MilestoneCol)
                    prop:value=d.milestone.map_or("", Milestone::key)
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        change(&|all| all[k].milestone = Milestone::ALL.iter().copied().find(|m| m.key() == v));
                    }>
                    <option value="">"—"</option>
                    {Milestone::ALL.iter().map(|&m| view! { <option value=m.key()>{move || t(m.label())}</option> }).collect_view()}
                </select></td>
                <td><input type="date" data-testid="deadline-day" aria-label=move || t(Text::DeadlineDayCol)
                    prop:value=d.day.key()
                    on:change=move |ev| {
                        if let Some(day) = Day::parse(&event_target_value(&ev)) {
                            change(&|all| all[k].day = day);
                        }
                    } /></td>
                <td><button type="button" class="link" data-testid="deadline-remove"
                    on:click=move |_| change(&|all| { all.remove(k); })>
                    {move || t(Text::Remove)}
                </button></td>
            </tr>
        }
    };
    view! {
        <h3>{move || t(Text::DeadlinesTitle)}</h3>
        {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="deadline-error">{e}</p> })}
        <table class="data compact deadline-table" data-testid="deadline-table">
            <thead><tr>
                <th scope="col">{move || t(Text::DeadlineLabelCol)}</th>
                <th scope="col">{move || t(Text::MilestoneCol)}</th>
                <th scope="col">{move || t(Text::DeadlineDayCol)}</th>
                <th></th>
            </tr></thead>
            <tbody>{move || list.get().into_iter().enumerate().map(row).collect_view()}</tbody>
        </table>
        <button type="button" data-testid="deadline-add" on:click=add>{move || t(Text::AddDeadline)}</button>
    }
}
