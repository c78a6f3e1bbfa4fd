//! 调节杆: one change over a selection of projects (a monetized floor, financing moved between
//! instruments, a cost scaled, an assumption set, a year moved), made into a scenario from the
//! base or added to the active one.

use leptos::prelude::*;

use crate::calc::fields::{
    status_from_key, status_key, type_from_key, type_key, AssumptionKey, Bounds, PppInput, Unit,
};
use crate::calc::model::{status_text, type_text};
use crate::calc::model::{CostDriver, Instrument, ProjectType, ResettlementWay, Status};
use crate::document::edit::Edit;
use crate::document::lever::{Lever, LeverAction, Scope};
use crate::ui::shell::state::{lang, t, Store};
use crate::ui::widgets::fields::{parse_number, show_number};
use crate::words::i18n::Text;

/// The lever kinds offered, with the unit their value is entered in and its bounds.
const KINDS: [(&str, Text); 9] = [
    ("monetized_min", Text::LeverMonetizedMin),
    ("monetized_plus", Text::LeverMonetizedPlus),
    ("shift_financing", Text::LeverShift),
    ("financing_share", Text::LeverShare),
    ("scale_cost", Text::LeverScale),
    ("ppp_input", Text::LeverPpp),
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
fn value_rule(kind: &str, key: AssumptionKey, input: PppInput) -> Option<(Unit, Bounds)> {
    match kind {
        "monetized_min" | "monetized_plus" | "shift_financing" | "financing_share" => {
            Some((Unit::Percent, Bounds::SHARE))
        }
        "scale_cost" => Some((Unit::Percent, Bounds::new(-0.9, 2.0))),
        "set_assumption" => Some((key.unit(), key.bounds())),
        "ppp_input" => Some((input.unit(), input.bounds())),
        _ => None,
    }
}

/// What the planner has chosen in the panel, read when 应用 is pressed.
#[derive(Clone, Copy)]
struct LeverForm {
    scope: RwSignal<String>,
    kind: RwSignal<String>,
    value: RwSignal<String>,
    from: RwSignal<Instrument>,
    to: RwSignal<Instrument>,
    instrument: RwSignal<Instrument>,
    driver: RwSignal<CostDriver>,
    key: RwSignal<AssumptionKey>,
    ppp_input: RwSignal<PppInput>,
    into_purchase: RwSignal<bool>,
    new_scenario: RwSignal<bool>,
}

impl LeverForm {
    fn new() -> Self {
        LeverForm {
            scope: RwSignal::new("counties".to_string()),
            kind: RwSignal::new("monetized_min".to_string()),
            value: RwSignal::new(String::new()),
            from: RwSignal::new(Instrument::PolicyLoan),
            to: RwSignal::new(Instrument::ServicePurchase),
            instrument: RwSignal::new(Instrument::Ppp),
            driver: RwSignal::new(CostDriver::ALL[0]),
            key: RwSignal::new(AssumptionKey::LoanRate),
            ppp_input: RwSignal::new(PppInput::LEVERS[0]),
            into_purchase: RwSignal::new(false),
            new_scenario: RwSignal::new(false),
        }
    }

    fn is(self, kind: &'static str) -> impl Fn() -> bool + Copy {
        move || self.kind.get() == kind
    }

    /// The typed value in stored units (0 for the kinds that take none), or why it is refused.
    fn stored_value(self) -> Result<f64, String> {
        let l = lang();
        let Some((u, b)) = value_rule(
            &self.kind.get_untracked(),
            self.key.get_untracked(),
            self.ppp_input.get_untracked(),
        ) else {
            return Ok(0.0);
        };
        let n = parse_number(&self.value.get_untracked())
            .ok_or_else(|| Text::LeverNeedsNumber.tr(l).to_string())?;
        let stored = n / u.scale();
        if b.check(stored).is_some() {
            let show = |x: f64| format!("{}{}", show_number(x * u.scale(), 2), u.text(l));
            return Err(Text::ErrOutOfRange.fill(l, &[&show(stored), &show(b.min), &show(b.max)]));
        }
        Ok(stored)
    }

    /// The lever's action for value `v`; `None` for an assumption, which is a plain edit.
    fn action(self, v: f64) -> Option<LeverAction> {
        let into = if self.into_purchase.get_untracked() {
            ResettlementWay::GovernmentPurchase
        } else {
            ResettlementWay::Cash
        };
        Some(match self.kind.get_untracked().as_str() {
            "monetized_min" => LeverAction::MonetizedMin { share: v, into },
            "monetized_plus" => LeverAction::MonetizedPlus { points: v, into },
            "shift_financing" => LeverAction::ShiftFinancing {
                from: self.from.get_untracked(),
                to: self.to.get_untracked(),
                points: v,
            },
            "financing_share" => LeverAction::FinancingShare {
                instrument: self.instrument.get_untracked(),
                share: v,
            },
            "scale_cost" => LeverAction::ScaleCost {
                driver: self.driver.get_untracked(),
                percent: v,
            },
            "ppp_input" => LeverAction::PppInput {
                input: self.ppp_input.get_untracked(),
                value: v,
            },
            "move_year" => LeverAction::MoveYear,
            "exclude" => LeverAction::Exclude,
            _ => return None,
        })
    }

    /// The edit the form makes, and the name of the scenario it would make.
    fn edit(self) -> Result<(Edit, String), String> {
        let l = lang();
        let v = self.stored_value()?;
        Ok(match self.action(v) {
            Some(action) => {
                let lever = Lever {
                    scope: scope_of(&self.scope.get_untracked()),
                    action,
                };
                let name = lever.name(l);
                (Edit::Lever { lever }, name)
            }
            None => {
                let key = self.key.get_untracked();
                let name = format!(
                    "{} {}{}",
                    key.label().tr(l),
                    show_number(v * key.unit().scale(), 2),
                    key.unit().text(l)
                );
                (Edit::SetAssumption { key, value: v }, name)
            }
        })
    }
}

/// The selections a lever can act on: all, central city, counties, each year, each district,
/// each type, each status.
fn scopes(store: Store) -> Vec<(String, String)> {
    let first = store.view.with(|p| p.first_year);
    let mut out = vec![
        ("all".to_string(), t(Text::ScopeAll).to_string()),
        ("central".into(), t(Text::CentralCity).into()),
        ("counties".into(), t(Text::ScopeCounties).into()),
    ];
    out.extend(
        (first..=first + 1).map(|y| (format!("year:{y}"), Text::ScopeYear.fill(lang(), &[&y]))),
    );
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
}

/// A `<select>` over declared items, each with a key and a label, setting `chosen`.
fn declared_select<T: Copy + PartialEq + Send + Sync + 'static>(
    testid: &'static str,
    items: &'static [T],
    key: fn(T) -> &'static str,
    label: fn(T) -> Text,
    chosen: RwSignal<T>,
) -> impl IntoView {
    view! {
        <select data-testid=testid on:change=move |ev| {
            let v = event_target_value(&ev);
            if let Some(i) = items.iter().find(|i| key(**i) == v) { chosen.set(*i); }
        }>
            {items.iter().map(|&i| {
                view! { <option value=key(i) selected=move || chosen.get() == i>{move || t(label(i))}</option> }
            }).collect_view()}
        </select>
    }
}

/// The selection and the kind of lever.
#[component]
fn ScopeAndKind(form: LeverForm, error: RwSignal<Option<String>>) -> impl IntoView {
    let store = expect_context::<Store>();
    view! {
        <label class="field compact">
            <span class="label">{move || t(Text::LeverScope)}</span>
            <select data-testid="lever-scope" on:change=move |ev| form.scope.set(event_target_value(&ev))>
                {move || scopes(store).into_iter().map(|(v, shown)| {
                    let sel = v.clone();
                    view! { <option value=v selected=move || form.scope.get() == sel>{shown}</option> }
                }).collect_view()}
            </select>
        </label>
        <label class="field compact">
            <span class="label">{move || t(Text::LeverKind)}</span>
            <select data-testid="lever-kind" on:change=move |ev| { form.kind.set(event_target_value(&ev)); error.set(None); }>
                {KINDS.iter().map(|(v, label)| {
                    let (v, label) = (*v, *label);
                    view! { <option value=v selected=move || form.kind.get() == v>{move || t(label)}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

/// What the kind acts on: instruments, a cost driver or an assumption.
#[component]
fn Targets(form: LeverForm) -> impl IntoView {
    let instruments = |testid, sig| {
        declared_select(
            testid,
            Instrument::ALL,
            Instrument::key,
            Instrument::label,
            sig,
        )
    };
    view! {
        <Show when=form.is("shift_financing")>
            {instruments("lever-from", form.from)} "→" {instruments("lever-to", form.to)}
        </Show>
        <Show when=form.is("financing_share")>
            {instruments("lever-instrument", form.instrument)}
        </Show>
        <Show when=form.is("scale_cost")>
            {declared_select("lever-driver", CostDriver::ALL, CostDriver::key, CostDriver::label, form.driver)}
        </Show>
        <Show when=form.is("ppp_input")>
            {declared_select("lever-ppp-input", &PppInput::LEVERS, PppInput::key, PppInput::label, form.ppp_input)}
        </Show>
        <Show when=form.is("set_assumption")>
            {declared_select("lever-assumption", AssumptionKey::ALL, AssumptionKey::key, AssumptionKey::label, form.key)}
        </Show>
    }
}

/// The value with its unit, and the options that go with the kind.
#[component]
fn ValueAndOptions(form: LeverForm) -> impl IntoView {
    let store = expect_context::<Store>();
    let unit = move || {
        value_rule(&form.kind.get(), form.key.get(), form.ppp_input.get())
            .map(|(u, _)| u.text(lang()).to_string())
            .unwrap_or_default()
    };
    view! {
        <Show when=move || value_rule(&form.kind.get(), form.key.get(), form.ppp_input.get()).is_some()>
            <label class="field compact">
                <span class="label">{move || t(Text::LeverValue)}</span>
                <input
                    type="text"
                    inputmode="decimal"
                    data-testid="lever-value"
                    prop:value=move || form.value.get()
                    on:input=move |ev| form.value.set(event_target_value(&ev))
                />
                <span class="unit">{unit}</span>
            </label>
        </Show>
        <Show when=move || form.kind.get().starts_with("monetized")>
            <label class="check">
                <input type="checkbox" data-testid="lever-into-purchase" on:change=move |ev| form.into_purchase.set(event_target_checked(&ev)) />
                {move || t(Text::LeverIntoPurchase)}
            </label>
        </Show>
        <Show when=move || store.active_id().is_some()>
            <label class="check">
                <input type="checkbox" data-testid="lever-new-scenario" on:change=move |ev| form.new_scenario.set(event_target_checked(&ev)) />
                {move || t(Text::LeverNewScenario)}
            </label>
        </Show>
    }
}

#[component]
pub fn LeverPanel() -> impl IntoView {
    let store = expect_context::<Store>();
    let form = LeverForm::new();
    let error = RwSignal::new(None::<String>);
    let apply = move |_| {
        let outcome = form.edit().and_then(|(edit, name)| {
            // From the base, a lever always makes a scenario: the base is never changed by one.
            if store.active_id().is_none() || form.new_scenario.get_untracked() {
                store.add_scenario(name, true, vec![edit])
            } else {
                store.dispatch(edit).map_err(|r| r.message(lang()))
            }
        });
        error.set(outcome.err());
    };
    view! {
        <section class="panel lever-panel" data-testid="lever-panel">
            <h3>{move || t(Text::LeverTitle)}</h3>
            <div class="lever-row">
                <ScopeAndKind form=form error=error />
                <Targets form=form />
                <ValueAndOptions form=form />
                <button type="button" class="primary" data-testid="lever-apply" on:click=apply>{move || t(Text::LeverApply)}</button>
            </div>
            <p class="hint">{move || t(if store.active_id().is_some() { Text::LeverHintScenario } else { Text::LeverHintBase })}</p>
            {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="lever-error">{e}</p> })}
        </section>
    }
}
