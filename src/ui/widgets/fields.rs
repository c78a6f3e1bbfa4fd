//! Labelled form fields: numbers (plain or percent, optionally empty = inherit), text and choices,
//! each showing its own error next to it.

use leptos::prelude::*;

use crate::calc::fields::Unit;
use crate::ui::shell::state::t;
use crate::words::i18n::Text;

pub use crate::words::display::plain_number as show_number;

/// The message of the first issue in `field`, for showing next to it.
pub fn field_error(
    issues: Memo<Vec<crate::document::validate::Issue>>,
    field: crate::document::validate::Field,
) -> Signal<Option<String>> {
    Signal::derive(move || {
        let l = crate::ui::shell::state::lang();
        issues.with(|v| v.iter().find(|i| i.field == field).map(|i| i.message(l)))
    })
}
pub use crate::words::display::read_number as parse_number;

/// A number input. With `percent`, the value is a fraction shown as a percentage. With
/// `optional`, an empty field means `None` (inherit the default). What cannot be read as a
/// number stays in the field, marked, and is never passed on.
#[component]
pub fn NumberInput(
    label: Text,
    value: Signal<Option<f64>>,
    on_change: Callback<Option<f64>>,
    #[prop(optional)] percent: bool,
    #[prop(optional)] optional: bool,
    #[prop(optional)] readonly: bool,
    /// Shown after the field in the page's language.
    #[prop(optional)]
    unit: Unit,
    #[prop(optional, into)] testid: String,
    #[prop(optional, into)] placeholder: Signal<String>,
    #[prop(optional, into)] error: Signal<Option<String>>,
) -> impl IntoView {
    // The text being typed, while it differs from the committed value's rendering.
    let raw = RwSignal::new(None::<String>);
    let parse_error = RwSignal::new(false);
    let scale = if percent { 100.0 } else { 1.0 };
    let shown = move || {
        raw.get().unwrap_or_else(|| {
            value
                .get()
                .map(|v| show_number(v * scale, 4))
                .unwrap_or_default()
        })
    };
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        raw.set(Some(text.clone()));
        if text.trim().is_empty() && optional {
            parse_error.set(false);
            on_change.run(None);
        } else if let Some(v) = parse_number(&text) {
            parse_error.set(false);
            on_change.run(Some(v / scale));
        } else {
            parse_error.set(true);
        }
    };
    let on_blur = move |_| {
        if !parse_error.get_untracked() {
            raw.set(None);
        }
    };
    let message = move || {
        if parse_error.get() {
            Some(
                Text::ErrNotFinite
                    .tr(crate::ui::shell::state::lang())
                    .to_string(),
            )
        } else {
            error.get()
        }
    };
    let unit = if percent { Unit::Percent } else { unit };
    view! {
        <label class="field" class:invalid=move || message().is_some() class:readonly=readonly>
            <span class="label">{move || t(label)}</span>
            <span class="input-wrap">
                <input
                    type="text"
                    inputmode="decimal"
                    data-testid=testid
                    prop:value=shown
                    placeholder=move || placeholder.get()
                    readonly=readonly
                    aria-invalid=move || message().is_some().to_string()
                    on:input=on_input
                    on:blur=on_blur
                />
                <span class="unit">{move || unit.text(crate::ui::shell::state::lang())}</span>
            </span>
            <span class="error" role="status">{message}</span>
        </label>
    }
}

/// A required number: `NumberInput` without the empty case.
#[component]
pub fn RequiredNumber(
    label: Text,
    value: Signal<f64>,
    on_change: Callback<f64>,
    #[prop(optional)] percent: bool,
    #[prop(optional)] unit: Unit,
    #[prop(optional, into)] testid: String,
    #[prop(optional, into)] error: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <NumberInput
            label=label
            value=Signal::derive(move || Some(value.get()))
            on_change=Callback::new(move |v: Option<f64>| {
                if let Some(v) = v {
                    on_change.run(v)
                }
            })
            percent=percent
            unit=unit
            testid=testid
            error=error
        />
    }
}

#[component]
pub fn TextInput(
    label: Text,
    value: Signal<String>,
    on_change: Callback<String>,
    #[prop(optional, into)] testid: String,
    #[prop(optional, into)] error: Signal<Option<String>>,
    /// Shown while empty: what an empty value means.
    #[prop(default = None)]
    placeholder: Option<Text>,
    /// Values offered as the planner types (names already in the plan), under this id.
    #[prop(optional)]
    suggest: Option<(&'static str, Signal<Vec<String>>)>,
) -> impl IntoView {
    let list = suggest.map(|(id, _)| id);
    view! {
        <label class="field" class:invalid=move || error.with(Option::is_some)>
            <span class="label">{move || t(label)}</span>
            <input
                type="text"
                data-testid=testid
                list=list
                placeholder=move || placeholder.map(t)
                prop:value=move || value.get()
                on:input=move |ev| on_change.run(event_target_value(&ev))
            />
            {suggest.map(|(id, values)| view! {
                <datalist id=id>{move || values.get().into_iter().map(|v| view! { <option value=v></option> }).collect_view()}</datalist>
            })}
            <span class="error" role="status">{move || error.get()}</span>
        </label>
    }
}

/// A choice among `options`, each shown as `show` renders it (in the current language).
#[component]
pub fn Choice<T>(
    label: Text,
    options: Vec<T>,
    value: Signal<T>,
    on_change: Callback<T>,
    show: Callback<T, String>,
    #[prop(optional, into)] testid: String,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let opts = StoredValue::new(options);
    view! {
        <label class="field">
            <span class="label">{move || t(label)}</span>
            <select
                data-testid=testid
                on:change=move |ev| {
                    let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                    if let Some(v) = opts.with_value(|o| o.get(i).copied()) {
                        on_change.run(v);
                    }
                }
            >
                {move || {
                    opts.with_value(|o| {
                        o.iter()
                            .enumerate()
                            .map(|(i, v)| {
                                view! {
                                    <option value=i.to_string() selected=value.get() == *v>
                                        {show.run(*v)}
                                    </option>
                                }
                            })
                            .collect_view()
                    })
                }}
            </select>
        </label>
    }
}

/// A `<select>` filter over string values ("" = all).
#[component]
pub fn FilterSelect(
    label: Text,
    #[prop(into)] testid: String,
    options: Signal<Vec<(String, String)>>,
    on_change: Callback<String>,
) -> impl IntoView {
    view! {
        <label class="field compact">
            <span class="label">{move || t(label)}</span>
            <select data-testid=testid on:change=move |ev| on_change.run(event_target_value(&ev))>
                <option value="">{move || t(Text::FilterAll)}</option>
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(v, shown)| view! { <option value=v>{shown}</option> })
                        .collect_view()
                }}
            </select>
        </label>
    }
}

/// Who answers for the projects of a list: a 包抓领导 and a unit (its 责任单位 or a duty's
/// holder), each one of the plan's names; `on_change` gets both as they stand.
#[component]
pub fn AnsweringFilter(
    #[prop(into)] testid: String,
    on_change: Callback<crate::calc::model::Answering>,
) -> impl IntoView {
    let store = expect_context::<crate::ui::shell::state::Store>();
    let chosen = RwSignal::new(crate::calc::model::Answering::default());
    let names = |list: fn(&crate::document::plan::Plan) -> Vec<String>| {
        Signal::derive(move || {
            store
                .view
                .with(|p| list(p).into_iter().map(|n| (n.clone(), n)).collect())
        })
    };
    let set = move |unit: bool| {
        Callback::new(move |v: String| {
            let v = (!v.is_empty()).then_some(v);
            chosen.update(|a| if unit { a.unit = v } else { a.lead = v });
            on_change.run(chosen.get_untracked());
        })
    };
    view! {
        <FilterSelect label=Text::FieldLead testid=format!("{testid}-lead")
            options=names(crate::document::plan::Plan::leads) on_change=set(false) />
        <FilterSelect label=Text::FieldUnit testid=format!("{testid}-unit")
            options=names(crate::document::plan::Plan::units) on_change=set(true) />
    }
}
