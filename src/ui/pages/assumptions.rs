//! 全市参数: the city-wide assumptions (targets, budget, instrument terms, default costs), edited
//! on a draft that reaches the plan only while the core finds nothing wrong with it.

use leptos::prelude::*;

use crate::calc::fields::{AssumptionKey, Bounds, Problem, Section, Unit};
use crate::calc::finance::bond::BondRepayment;
use crate::calc::finance::loan::Repayment;
use crate::calc::finance::ppp::PppPaymentForm;
use crate::calc::model::{Assumptions, CostDriver};
use crate::document::validate::{validate_assumptions, Field, Issue};
use crate::ui::shell::state::{lang, t, Store};
use crate::ui::widgets::fields::{Choice, RequiredNumber};
use crate::words::i18n::Text;

// One argument per part of a declaration: the two declarations (assumptions, cost drivers) share it.
#[allow(clippy::too_many_arguments)]
/// A number field of 全市参数, read off its declaration. A value outside the field's bounds
/// stays in the field with the bound named and never reaches the draft.
fn number_field(
    draft: RwSignal<Assumptions>,
    issues: Memo<Vec<Issue>>,
    label: Text,
    key: &'static str,
    unit: Unit,
    bounds: Bounds,
    get: impl Fn(&Assumptions) -> f64 + Copy + Send + Sync + 'static,
    set: impl Fn(&mut Assumptions, f64) + Copy + Send + Sync + 'static,
    testid: String,
) -> impl IntoView {
    let refused = RwSignal::new(None::<Problem>);
    let percent = unit == Unit::Percent;
    let field_error = error_for(issues, key);
    view! {
        <RequiredNumber
            label=label
            value=Signal::derive(move || draft.with(get))
            on_change=Callback::new(move |v: f64| match bounds.check(v) {
                None => {
                    refused.set(None);
                    draft.update(|a| set(a, v));
                }
                Some(p) => refused.set(Some(p)),
            })
            percent=percent
            unit=unit
            testid=testid
            error=Signal::derive(move || {
                refused
                    .get()
                    .map(|p| p.describe(percent, lang()))
                    .or_else(|| field_error.get())
            })
        />
    }
}

fn error_for(issues: Memo<Vec<Issue>>, key: &'static str) -> Signal<Option<String>> {
    Signal::derive(move || {
        let l = lang();
        issues.with(|v| {
            v.iter()
                .find(|i| match i.field {
                    Field::Assumption(k) => k.key() == key,
                    Field::Cost(d) => d.key() == key,
                    Field::LoanTerm => key == AssumptionKey::LoanGrace.key(),
                    _ => false,
                })
                .map(|i| i.message(l))
        })
    })
}

/// A choice of one enumerated assumption, each option with its catalogue label.
fn choice<T: Copy + PartialEq + Send + Sync + 'static>(
    draft: RwSignal<Assumptions>,
    label: Text,
    options: Vec<(T, Text)>,
    get: fn(&Assumptions) -> T,
    set: fn(&mut Assumptions, T),
    testid: &'static str,
) -> AnyView {
    let labels = options.clone();
    view! {
        <Choice
            label=label
            options=options.into_iter().map(|(v, _)| v).collect()
            value=Signal::derive(move || draft.with(get))
            on_change=Callback::new(move |v| draft.update(|a| set(a, v)))
            show=Callback::new(move |v| {
                labels.iter().find(|(o, _)| *o == v).map(|(_, l)| t(*l).to_string()).unwrap_or_default()
            })
            testid=testid
        />
    }
    .into_any()
}

#[component]
pub fn AssumptionsPage() -> impl IntoView {
    let store = expect_context::<Store>();
    let draft = RwSignal::new(store.view.with_untracked(|p| p.assumptions.clone()));
    let issues = Memo::new(move |_| {
        store
            .view
            .with(|p| draft.with(|d| validate_assumptions(d, &p.projects)))
    });
    // A valid draft reaches the plan as one named, undoable edit.
    Effect::new(move |_| {
        let d = draft.get();
        if issues.with(Vec::is_empty) {
            let edit = store
                .view
                .with_untracked(|p| crate::document::edit::assumptions_edit(&p.assumptions, &d));
            if let Some(edit) = edit {
                let _ = store.dispatch(edit);
            }
        }
    });
    let groups = Section::ALL
        .into_iter()
        .map(|section| {
            let title = section.label();
            let rows = AssumptionKey::ALL
                .iter()
                .filter(|k| k.section() == section)
                .map(|&k| {
                    number_field(
                        draft,
                        issues,
                        k.label(),
                        k.key(),
                        k.unit(),
                        k.bounds(),
                        move |a| k.get(a),
                        move |a, v| k.set(a, v),
                        format!("assumption-{}", k.key()),
                    )
                })
                .collect_view();
            let extra = match section {
                Section::Loan => Some(choice(
                    draft,
                    Text::RepaymentMethod,
                    vec![
                        (Repayment::EqualPrincipal, Text::EqualPrincipal),
                        (Repayment::EqualInstalment, Text::EqualInstalment),
                    ],
                    |a| a.loan.repayment,
                    |a, r| a.loan.repayment = r,
                    "assumption-loan.repayment",
                )),
                Section::Ppp => Some(choice(
                    draft,
                    Text::PppForm,
                    vec![
                        (PppPaymentForm::Mof21, Text::PppFormMof21),
                        (PppPaymentForm::Annuity, Text::PppFormAnnuity),
                        (PppPaymentForm::Concession, Text::PppFormConcession),
                    ],
                    |a| a.ppp.form,
                    |a, f| a.ppp.form = f,
                    "assumption-ppp.form",
                )),
                Section::Bond => Some(choice(
                    draft,
                    Text::RepaymentMethod,
                    vec![
                        (BondRepayment::Bullet, Text::BondBullet),
                        (BondRepayment::Amortizing, Text::BondAmortizing),
                    ],
                    |a| a.bond.repayment,
                    |a, r| a.bond.repayment = r,
                    "assumption-bond.repayment",
                )),
                _ => None,
            };
            view! {
                <fieldset>
                    <legend>{move || t(title)}</legend>
                    <div class="grid">{rows} {extra}</div>
                </fieldset>
            }
        })
        .collect_view();
    let costs = CostDriver::ALL
        .iter()
        .map(|&d| {
            number_field(
                draft,
                issues,
                d.label(),
                d.key(),
                d.unit(),
                d.bounds(),
                move |a| d.get(&a.costs),
                move |a, v| d.set(&mut a.costs, v),
                format!("default-{}", d.key()),
            )
        })
        .collect_view();
    view! {
        <section class="assumptions" data-testid="assumptions">
            <Show when=move || !issues.with(Vec::is_empty)>
                <p class="banner error" role="alert">{move || t(Text::InvalidNotKept)}</p>
            </Show>
            <crate::ui::pages::plan_window::PlanWindowPanel />
            {groups}
            <fieldset>
                <legend>{move || t(Text::SectionCosts)}</legend>
                <div class="grid">{costs}</div>
            </fieldset>
        </section>
    }
}
