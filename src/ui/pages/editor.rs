//! The project editor panel: one project's fields on a draft that reaches the plan only while valid.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::calc::fields::{FieldKind, PppInput, ProjectField, RiskMethod, Value};
use crate::calc::model::{status_text, type_text};
use crate::calc::model::{
    CostDefaults, CostDriver, Instrument, LandRevenue, Project, ProjectType, ResettlementWay,
    Status,
};
use crate::document::validate::{validate_project, Field, Issue};
use crate::ui::shell::state::{lang, t, Store};
use crate::ui::widgets::fields::{field_error, Choice, NumberInput, RequiredNumber, TextInput};
use crate::words::i18n::{fmt_pct, Text};

/// Shares of a mix, one of which (`balance`) is the remainder of the others so that the sum is
/// 100 % whenever the others leave room; when they do not, the sum is shown and flagged.
#[component]
pub fn MixEditor(
    parts: Vec<(Text, &'static str)>,
    values: Signal<Vec<f64>>,
    balance: usize,
    on_change: Callback<Vec<f64>>,
    error: Signal<Option<String>>,
    #[prop(optional)] note: Option<Signal<String>>,
) -> impl IntoView {
    let n = parts.len();
    let sum = move || values.with(|v| v.iter().sum::<f64>());
    let fields = parts
        .into_iter()
        .enumerate()
        .map(|(i, (label, testid))| {
            let value = Signal::derive(move || values.with(|v| v.get(i).copied()));
            let set = Callback::new(move |x: Option<f64>| {
                let mut v = values.get_untracked();
                v[i] = x.unwrap_or(0.0);
                let others: f64 = (0..n).filter(|&k| k != balance).map(|k| v[k]).sum();
                v[balance] = (1.0 - others).max(0.0);
                on_change.run(v);
            });
            view! {
                <NumberInput
                    label=label
                    value=value
                    on_change=set
                    percent=true
                    readonly=i == balance
                    testid=testid
                    placeholder=Signal::derive(move || {
                        if i == balance { t(Text::AutoBalanced).to_string() } else { String::new() }
                    })
                />
            }
        })
        .collect_view();
    view! {
        <div class="mix" class:invalid=move || error.with(Option::is_some)>
            <div class="mix-fields">{fields}</div>
            <div class="mix-sum">
                {move || t(Text::MixSum)} " " <strong>{move || fmt_pct(sum())}</strong>
                {move || note.map(|n| n.get()).map(|n| view! { <span class="mix-note">{n}</span> })}
            </div>
            <div class="error" role="status">{move || error.get()}</div>
        </div>
    }
}

/// Closes the editor, handing the focus back to the 编辑 button of the row it was opened from.
fn close(store: Store) {
    let Some(id) = store.selected.get_untracked() else {
        return;
    };
    // A CSS string: backslashes and quotes escaped, whatever an imported id holds.
    let quoted = id.replace('\\', "\\\\").replace('"', "\\\"");
    let selector = format!("[data-project-id=\"{quoted}\"] [data-testid=edit-project]");
    let button = document().query_selector(&selector).ok().flatten();
    if let Some(b) = button.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = b.focus();
    }
    store.selected.set(None);
}

/// Focus moves into the panel when it opens (the keyboard follows the click) and Esc closes it.
fn follow_focus(store: Store, panel: NodeRef<leptos::html::Section>, id: String) {
    Effect::new(move |_| {
        let first = panel
            .get()
            .and_then(|el| el.query_selector("input, select, textarea").ok().flatten());
        if let Some(el) = first.and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
    let esc = window_event_listener(leptos::ev::keydown, move |e| {
        let open_here = store
            .selected
            .with_untracked(|s| s.as_deref() == Some(id.as_str()));
        // A paper over the editor takes Esc for itself.
        if e.key() == "Escape" && open_here && !store.paper_open() {
            close(store);
        }
    });
    on_cleanup(move || esc.remove());
}

/// Beside the list the panel is sticky: it starts where the work below the header starts and
/// reaches the bottom of the window whatever the scroll, its own height following (`--editor-top`,
/// read by style/main.css; as a drawer it is fixed to the whole window and ignores it).
fn fit_to_window(panel: NodeRef<leptos::html::Section>) {
    // The last top set: once the header has scrolled away every scroll finds 0 again, and the
    // panel is not restyled for it.
    let set = StoredValue::new(None::<f64>);
    let fit = move || {
        let Some(el) = panel.get_untracked() else {
            return;
        };
        let top = el
            .parent_element()
            .map(|w| w.get_bounding_client_rect().top().max(0.0).ceil())
            .unwrap_or(0.0);
        if set.get_value() != Some(top) {
            set.set_value(Some(top));
            let _ = el.style().set_property("--editor-top", &format!("{top}px"));
        }
    };
    Effect::new(move |_| {
        if panel.get().is_some() {
            fit();
        }
    });
    let scroll = window_event_listener(leptos::ev::scroll, move |_| fit());
    let resize = window_event_listener(leptos::ev::resize, move |_| fit());
    on_cleanup(move || {
        scroll.remove();
        resize.remove();
    });
}

/// The draft's issues, checked against the plan it belongs to (its row as the list numbers it).
fn draft_issues(store: Store, draft: RwSignal<Project>) -> Memo<Vec<Issue>> {
    Memo::new(move |_| {
        store.view.with(|plan| {
            draft.with(|d| {
                let row = plan.projects.iter().position(|p| p.id == d.id).unwrap_or(0) + 1;
                let mut issues = validate_project(d, &plan.assumptions, plan.window_span(), row);
                // An actual date after today is refused where today is known.
                let today = crate::ui::pages::readiness::today();
                issues.extend(crate::document::validate::future_actuals(d, today, row));
                issues
            })
        })
    })
}

/// Only a valid draft reaches the plan; an invalid one stays in the editor, marked.
fn keep_valid_draft(store: Store, draft: RwSignal<Project>, issues: Memo<Vec<Issue>>) {
    Effect::new(move |_| {
        let d = draft.get();
        if issues.with(Vec::is_empty) {
            // The change reaches the plan as the edit a planner would name (undoable).
            let edit = store.view.with_untracked(|p| {
                p.projects.iter().find(|x| x.id == d.id).and_then(|old| {
                    // The editor never sets a forecast: the view's may be the schedule a gated
                    // scenario gave the project, which the draft must not write back (it
                    // would fight the gates edit after edit).
                    let d = crate::calc::model::Project {
                        forecast: old.forecast,
                        ..d.clone()
                    };
                    crate::document::edit::project_edit(old, &d)
                })
            });
            if let Some(edit) = edit {
                let _ = store.dispatch(edit);
            }
        }
    });
}

#[component]
pub fn ProjectEditor(id: String) -> impl IntoView {
    let store = expect_context::<Store>();
    let Some(initial) = store
        .view
        .with_untracked(|p| p.projects.iter().find(|x| x.id == id).cloned())
    else {
        return view! { <p></p> }.into_any();
    };
    let draft = RwSignal::new(initial);
    let panel = NodeRef::<leptos::html::Section>::new();
    follow_focus(store, panel, id.clone());
    fit_to_window(panel);
    let issues = draft_issues(store, draft);
    keep_valid_draft(store, draft, issues);
    view! {
        <section
            class="editor"
            role="dialog"
            prop:inert=move || store.paper_open()
            data-testid="project-editor"
            aria-label=move || t(Text::EditorTitle)
            node_ref=panel
        >
            <header>
                <h2>{move || t(Text::EditorTitle)} " · " {move || draft.with(|d| d.name.clone())}</h2>
                <button type="button" data-testid="open-fund-balance" on:click=move |_| {
                    store.fund_balance.set(Some(draft.with_untracked(|d| d.id.clone())))
                }>
                    {move || t(Text::FbOpen)}
                </button>
                <button type="button" data-testid="close-editor" on:click=move |_| close(store)>
                    {move || t(Text::Close)}
                </button>
            </header>
            <Show when=move || !issues.with(Vec::is_empty)>
                <p class="banner error" role="alert" data-testid="editor-invalid">{move || t(Text::InvalidNotKept)}</p>
            </Show>
            <h3>{move || t(Text::SectionBasics)}</h3>
            <div class="grid">
                <IdentityFields draft=draft issues=issues />
                <SizeFields draft=draft issues=issues />
                <LandFields draft=draft issues=issues />
                <TextInput
                    label=Text::FieldComment
                    value=Signal::derive(move || draft.with(|d| d.comment.clone()))
                    on_change=Callback::new(move |v: String| draft.update(|d| d.comment = v))
                    testid="edit-comment"
                />
            </div>
            <h3>{move || t(Text::SectionResponsibility)}</h3>
            <div class="grid">
                <ResponsibilityFields draft=draft issues=issues />
            </div>
            <h3>{move || t(Text::NavResettlement)}</h3>
            <ResettlementShares draft=draft issues=issues />
            <h3>{move || t(Text::NavFinancing)}</h3>
            <FinancingShares draft=draft issues=issues />
            <IncomeFields draft=draft issues=issues />
            <PppSpendingFields draft=draft issues=issues />
            <h3>{move || t(Text::SectionCosts)}</h3>
            <table class="costs">
                <tbody><CostOverrides draft=draft issues=issues /></tbody>
            </table>
            <crate::ui::pages::readiness_editor::ReadinessFields draft=draft issues=issues />
            <crate::ui::pages::plan_window::ProjectHistoryPanel id=id.clone() />
        </section>
    }
    .into_any()
}

/// Who answers for the project: the 包抓领导, the post, the 责任单位 and the seven duties (a
/// duty left blank stays the leader's), each offering the names the plan already uses.
#[component]
fn ResponsibilityFields(draft: RwSignal<Project>, issues: Memo<Vec<Issue>>) -> impl IntoView {
    let store = expect_context::<Store>();
    ProjectField::responsibility()
        .map(|f| {
            let (list, placeholder) = match f {
                ProjectField::Lead => ("names-lead", None),
                ProjectField::Post => ("names-post", None),
                _ => ("names-unit", f.duty().map(|_| Text::DutyIsLeaders)),
            };
            // The names the plan already uses, so one leader or unit is spelled one way.
            let names: fn(&crate::document::plan::Plan) -> Vec<String> = match f {
                ProjectField::Lead => crate::document::plan::Plan::leads,
                ProjectField::Post => crate::document::plan::Plan::posts,
                _ => crate::document::plan::Plan::units,
            };
            let suggest = Signal::derive(move || store.view.with(names));
            view! {
                <TextInput
                    label=f.label()
                    value=Signal::derive(move || draft.with(|d| match f.get(d) { Value::Text(s) => s, _ => String::new() }))
                    on_change=Callback::new(move |v: String| draft.update(|d| f.set(d, Value::Text(v))))
                    testid=f.duty().map_or_else(
                        || format!("edit-{}", f.key().rsplit('.').next().unwrap_or_default()),
                        |d| format!("edit-duty-{}", d.key()),
                    )
                    error=field_error(issues, Field::Project(f))
                    placeholder=placeholder
                    suggest=(list, suggest)
                />
            }
        })
        .collect_view()
}

/// Name, district, central city or county, type, year and status.
#[component]
fn IdentityFields(draft: RwSignal<Project>, issues: Memo<Vec<Issue>>) -> impl IntoView {
    let store = expect_context::<Store>();
    let years: Vec<i32> = store.view.with_untracked(|p| p.window().collect());
    view! {
        <TextInput
            label=Text::FieldName
            value=Signal::derive(move || draft.with(|d| d.name.clone()))
            on_change=Callback::new(move |v: String| draft.update(|d| d.name = v))
            testid="edit-name"
            error=field_error(issues, Field::Project(ProjectField::Name))
        />
        <TextInput
            label=Text::FieldDistrict
            value=Signal::derive(move || draft.with(|d| d.district.clone()))
            on_change=Callback::new(move |v: String| draft.update(|d| d.district = v))
            testid="edit-district"
            error=field_error(issues, Field::Project(ProjectField::District))
        />
        <label class="field checkbox">
            <input
                type="checkbox"
                data-testid="edit-central"
                prop:checked=move || draft.with(|d| d.central_city)
                on:change=move |ev| draft.update(|d| d.central_city = event_target_checked(&ev))
            />
            <span class="label">{move || t(Text::InCentralCity)}</span>
        </label>
        <Choice
            label=Text::ColType
            options=ProjectType::ALL.to_vec()
            show=Callback::new(move |k| t(type_text(k)).to_string())
            value=Signal::derive(move || draft.with(|d| d.kind))
            on_change=Callback::new(move |k| draft.update(|d| d.kind = k))
            testid="edit-type"
        />
        <Choice
            label=Text::ColYear
            options=years
            show=Callback::new(move |y| crate::words::i18n::fmt_year(y, lang()))
            value=Signal::derive(move || draft.with(|d| d.year))
            on_change=Callback::new(move |y| draft.update(|d| d.year = y))
            testid="edit-year"
        />
        <Choice
            label=Text::ColStatus
            options=Status::ALL.to_vec()
            show=Callback::new(move |s| t(status_text(s)).to_string())
            value=Signal::derive(move || draft.with(|d| d.status))
            on_change=Callback::new(move |s| draft.update(|d| d.status = s))
            testid="edit-status"
        />
    }
}

/// Households (whole, checked as typed), area, infrastructure investment and the central subsidy.
#[component]
fn SizeFields(draft: RwSignal<Project>, issues: Memo<Vec<Issue>>) -> impl IntoView {
    // Households are whole and non-negative; anything else stays in the field, marked.
    let households_error = RwSignal::new(None::<f64>);
    view! {
        <RequiredNumber
            label=Text::FieldHouseholds
            value=Signal::derive(move || draft.with(|d| f64::from(d.households)))
            on_change=Callback::new(move |v: f64| {
                if v.is_finite() && v >= 0.0 && v.fract() == 0.0 && v <= f64::from(u32::MAX) {
                    households_error.set(None);
                    draft.update(|d| d.households = v as u32);
                } else {
                    households_error.set(Some(v));
                }
            })
            unit=crate::calc::fields::Unit::Households
            testid="edit-households"
            error=Signal::derive(move || {
                households_error
                    .get()
                    .map(|v| format!("{v}，{}", Text::ErrHouseholds.tr(lang())))
                    .or_else(|| field_error(issues, Field::Project(ProjectField::Households)).get())
            })
        />
        <DeclaredNumber field=ProjectField::Area testid="edit-area" draft=draft issues=issues />
        <DeclaredNumber field=ProjectField::Infrastructure testid="edit-infrastructure" draft=draft issues=issues />
        <DeclaredNumber field=ProjectField::CentralSubsidy testid="edit-subsidy" draft=draft issues=issues />
    }
}

/// A plain number field of the project, labelled, read and written through its declaration.
#[component]
fn DeclaredNumber(
    field: ProjectField,
    testid: &'static str,
    draft: RwSignal<Project>,
    issues: Memo<Vec<Issue>>,
) -> impl IntoView {
    let unit = match field.kind() {
        FieldKind::Number { unit, .. } => unit,
        _ => crate::calc::fields::Unit::None,
    };
    view! {
        <RequiredNumber
            label=field.label()
            value=Signal::derive(move || draft.with(|d| field.get(d).as_number().unwrap_or(0.0)))
            on_change=Callback::new(move |v: f64| draft.update(|d| field.set(d, Value::Number(v))))
            unit=unit
            testid=testid
            error=field_error(issues, Field::Project(field))
        />
    }
}

/// Land revenue: amount, the year it starts (after the project's) and over how many years.
#[component]
fn LandFields(draft: RwSignal<Project>, issues: Memo<Vec<Issue>>) -> impl IntoView {
    let land = move |f: fn(&LandRevenue) -> f64| {
        Signal::derive(move || draft.with(|p| p.land_revenue.as_ref().map_or(0.0, f)))
    };
    let set_land = move |f: fn(&mut LandRevenue, f64)| {
        Callback::new(move |v: f64| {
            draft.update(|p| {
                let l = p.land_revenue.get_or_insert(LandRevenue {
                    amount: 0.0,
                    start_offset: 2,
                    years: 3,
                });
                f(l, v);
            })
        })
    };
    view! {
        <RequiredNumber
            label=Text::LandAmount
            value=land(|l| l.amount)
            on_change=set_land(|l, v| l.amount = v)
            unit=crate::calc::fields::Unit::Wan
            testid="edit-land"
            error=field_error(issues, Field::Project(ProjectField::LandAmount))
        />
        <RequiredNumber
            label=Text::LandStart
            value=land(|l| f64::from(l.start_offset))
            on_change=set_land(|l, v| l.start_offset = v.clamp(0.0, 99.0) as u32)
            unit=crate::calc::fields::Unit::Years
            testid="edit-land-start"
        />
        <RequiredNumber
            label=Text::LandYears
            value=land(|l| f64::from(l.years))
            on_change=set_land(|l, v| l.years = v.clamp(0.0, 99.0) as u32)
            unit=crate::calc::fields::Unit::Years
            testid="edit-land-years"
        />
    }
}

/// The resettlement mix, read from its declaration; new build takes up the remainder.
#[component]
fn ResettlementShares(draft: RwSignal<Project>, issues: Memo<Vec<Issue>>) -> impl IntoView {
    let ways = ResettlementWay::ALL;
    view! {
        <MixEditor
            parts=ways.iter().map(|w| (w.label(), w.testid())).collect()
            values=Signal::derive(move || draft.with(|d| d.resettlement.shares()))
            balance=ways.iter().position(|&w| w == ResettlementWay::BALANCE).unwrap_or(0)
            on_change=Callback::new(move |v: Vec<f64>| draft.update(|d| {
                for (w, share) in ways.iter().zip(v) {
                    w.set(&mut d.resettlement, share);
                }
            }))
            error=field_error(issues, Field::Resettlement)
            note=Signal::derive(move || format!(
                "  {} {}",
                t(Text::MonetizedRate),
                fmt_pct(draft.with(|d| d.resettlement.monetized_share()))
            ))
        />
    }
}

/// The financing mix, read from its declaration; the policy loan takes up the remainder.
#[component]
fn FinancingShares(draft: RwSignal<Project>, issues: Memo<Vec<Issue>>) -> impl IntoView {
    let instruments = Instrument::ALL;
    view! {
        <MixEditor
            parts=instruments.iter().map(|i| (i.label(), i.testid())).collect()
            values=Signal::derive(move || draft.with(|d| d.financing.shares()))
            balance=instruments.iter().position(|&i| i == Instrument::BALANCE).unwrap_or(0)
            on_change=Callback::new(move |v: Vec<f64>| draft.update(|d| {
                for (i, share) in instruments.iter().zip(v) {
                    i.set(&mut d.financing, share);
                }
            }))
            error=Signal::derive(move || {
                field_error(issues, Field::Financing).get()
                    .or_else(|| field_error(issues, Field::CapitalFund).get())
            })
        />
    }
}

/// One row per cost driver: the project's own value, or empty for the city-wide default.
#[component]
fn CostOverrides(draft: RwSignal<Project>, issues: Memo<Vec<Issue>>) -> impl IntoView {
    let store = expect_context::<Store>();
    let defaults = Signal::derive(move || store.view.with(|p| p.assumptions.costs));
    CostDriver::ALL
        .iter()
        .map(
            |&d| view! { <CostOverrideRow driver=d draft=draft issues=issues defaults=defaults /> },
        )
        .collect_view()
}

/// A driver's override (empty inherits), the default it would inherit, and a reset button while
/// overridden.
#[component]
fn CostOverrideRow(
    driver: CostDriver,
    draft: RwSignal<Project>,
    issues: Memo<Vec<Issue>>,
    defaults: Signal<CostDefaults>,
) -> impl IntoView {
    let d = driver;
    let (label, percent) = (d.label(), d.unit() == crate::calc::fields::Unit::Percent);
    let unit = d.unit();
    let overridden = move || draft.with(|p| d.get_override(&p.costs).is_some());
    let scale = if percent { 100.0 } else { 1.0 };
    let default_text = move || {
        let v = d.get(&defaults.get()) * scale;
        format!(
            "{} {}",
            crate::ui::widgets::fields::show_number(v, 2),
            unit.text(lang())
        )
    };
    view! {
        <tr class:overridden=overridden data-testid=format!("cost-{}", d.key())>
            <td>
                <NumberInput
                    label=label
                    value=Signal::derive(move || draft.with(|p| d.get_override(&p.costs)))
                    on_change=Callback::new(move |v: Option<f64>| {
                        draft.update(|p| d.set_override(&mut p.costs, v))
                    })
                    optional=true
                    percent=percent
                    unit=unit
                    testid=format!("override-{}", d.key())
                    placeholder=Signal::derive(default_text)
                    error=field_error(issues, Field::Cost(d))
                />
            </td>
            <td class="default">{move || t(Text::CostDefault)} ": " {default_text}</td>
            <td>
                <Show when=overridden>
                    <span class="badge">{move || t(Text::Overridden)}</span>
                    <button
                        type="button"
                        data-testid=format!("reset-{}", d.key())
                        on:click=move |_| draft.update(|p| d.set_override(&mut p.costs, None))
                    >
                        {move || t(Text::ResetDefault)}
                    </button>
                </Show>
            </td>
        </tr>
    }
}

/// A PPP-financed project's own inputs to the government's spending (财金〔2015〕21号): its
/// equity share (empty: the city-wide one), how its risk is costed with the figures of that
/// method, and its supporting inputs.
#[component]
fn PppSpendingFields(draft: RwSignal<Project>, issues: Memo<Vec<Issue>>) -> impl IntoView {
    let store = expect_context::<Store>();
    let city = Signal::derive(move || store.view.with(|p| p.assumptions.ppp));
    let method = Memo::new(move |_| draft.with(|d| RiskMethod::of(d.ppp.risk)));
    let inputs = move || {
        let m = method.get();
        PppInput::ALL
            .iter()
            .filter(|i| i.applies(m))
            .map(|&i| view! { <PppInputField input=i draft=draft issues=issues city=city /> })
            .collect_view()
    };
    view! {
        <Show when=move || draft.with(|d| d.financing.ppp > 0.0)>
            <h3>{move || t(Text::PppInputsTitle)}</h3>
            <div class="grid" data-testid="ppp-inputs">
                <Choice
                    label=Text::PppRiskMethod
                    options=RiskMethod::ALL.to_vec()
                    value=Signal::derive(move || method.get())
                    on_change=Callback::new(move |m: RiskMethod| {
                        let start = m.start(&city.get_untracked());
                        draft.update(|d| d.ppp.risk = start);
                    })
                    show=Callback::new(|m: RiskMethod| t(m.label()).to_string())
                    testid="ppp-risk-method"
                />
                {inputs}
            </div>
        </Show>
    }
}

/// One PPP input, read and written through its declaration; the equity share may be left
/// empty for the city-wide value, shown as the placeholder.
#[component]
fn PppInputField(
    input: PppInput,
    draft: RwSignal<Project>,
    issues: Memo<Vec<Issue>>,
    city: Signal<crate::calc::model::PppAssumptions>,
) -> impl IntoView {
    let percent = input.unit() == crate::calc::fields::Unit::Percent;
    let optional = input == PppInput::EquityShare;
    let placeholder = move || {
        if optional {
            let v = city.get().equity_share * 100.0;
            format!("{} %", crate::ui::widgets::fields::show_number(v, 2))
        } else {
            String::new()
        }
    };
    view! {
        <NumberInput
            label=input.label()
            value=Signal::derive(move || draft.with(|d| input.get(&d.ppp)))
            on_change=Callback::new(move |v: Option<f64>| draft.update(|d| match v {
                Some(v) => input.set(&mut d.ppp, v),
                None if optional => d.ppp.equity_share = None,
                None => {}
            }))
            optional=optional
            percent=percent
            unit=input.unit()
            testid=format!("ppp-{}", input.key().trim_start_matches("ppp.").replace('.', "-"))
            placeholder=Signal::derive(placeholder)
            error=field_error(issues, Field::Ppp(input))
        />
    }
}

/// The project's income besides land sales: one row per kind, an empty amount for none.
#[component]
fn IncomeFields(draft: RwSignal<Project>, issues: Memo<Vec<Issue>>) -> impl IntoView {
    let rows = crate::calc::model::IncomeKind::ALL
        .iter()
        .map(|&kind| view! { <IncomeRow kind=kind draft=draft issues=issues /> })
        .collect_view();
    view! {
        <h3>{move || t(Text::IncomeTitle)}</h3>
        <div class="grid" data-testid="income-inputs">{rows}</div>
    }
}

/// One kind of income: its amount (empty: none), the year it starts and over how many years.
#[component]
fn IncomeRow(
    kind: crate::calc::model::IncomeKind,
    draft: RwSignal<Project>,
    issues: Memo<Vec<Issue>>,
) -> impl IntoView {
    use crate::calc::fields::{income_of, set_income, IncomePart};
    let part_field = move |part: IncomePart| {
        let value = Signal::derive(move || draft.with(|d| income_of(d, kind).map(|s| part.get(s))));
        let on_change = Callback::new(move |v: Option<f64>| {
            draft.update(|d| match (v, part) {
                // Emptying the amount removes the stream.
                (None, IncomePart::Amount) => d.income.retain(|s| s.kind != kind),
                (None, _) => {}
                (Some(v), _) => set_income(d, kind, part, v),
            })
        });
        let label = match part {
            IncomePart::Amount => kind.label(),
            IncomePart::Start => Text::LandStart,
            IncomePart::Years => Text::LandYears,
        };
        view! {
            <NumberInput
                label=label
                value=value
                on_change=on_change
                optional=true
                unit=part.unit()
                testid=format!("income-{}-{}", kind.key(), match part {
                    IncomePart::Amount => "amount",
                    IncomePart::Start => "start",
                    IncomePart::Years => "years",
                })
                error=if part == IncomePart::Amount { field_error(issues, Field::Income(kind)) } else { Signal::derive(|| None) }
            />
        }
    };
    IncomePart::ALL.into_iter().map(part_field).collect_view()
}
