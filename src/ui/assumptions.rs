//! 全市参数: the city-wide assumptions (targets, budget, instrument terms, default costs), edited
//! on a draft that reaches the plan only while the core finds nothing wrong with it.

use leptos::prelude::*;

use super::fields::{Choice, RequiredNumber};
use super::state::{lang, t, Store};
use crate::finance::bond::BondRepayment;
use crate::finance::loan::Repayment;
use crate::finance::ppp::PppPaymentForm;
use crate::i18n::{cost_driver_text, Text};
use crate::model::{Assumptions, CostDriver};
use crate::validate::{validate_assumptions, Field, Issue};

type Getter = fn(&Assumptions) -> f64;
type Setter = fn(&mut Assumptions, f64);

/// (label, key as validation names it, percent?, unit, get, set)
type Row = (Text, &'static str, bool, &'static str, Getter, Setter);

fn sections() -> Vec<(Text, Vec<Row>)> {
    vec![
        (
            Text::SectionTargets,
            vec![
                (
                    Text::TargetCentral,
                    "targets.central_city",
                    true,
                    "",
                    |a| a.targets.central_city,
                    |a, v| a.targets.central_city = v,
                ),
                (
                    Text::TargetCounties,
                    "targets.counties",
                    true,
                    "",
                    |a| a.targets.counties,
                    |a, v| a.targets.counties = v,
                ),
                (
                    Text::TargetOverall,
                    "targets.overall",
                    true,
                    "",
                    |a| a.targets.overall,
                    |a, v| a.targets.overall = v,
                ),
                (
                    Text::PppCapLabel,
                    "ppp_cap",
                    true,
                    "",
                    |a| a.ppp_cap,
                    |a, v| a.ppp_cap = v,
                ),
                (
                    Text::PppNewThreshold,
                    "ppp_new_project_threshold",
                    true,
                    "",
                    |a| a.ppp_new_project_threshold,
                    |a, v| a.ppp_new_project_threshold = v,
                ),
                (
                    Text::MinCapital,
                    "min_capital_fund",
                    true,
                    "",
                    |a| a.min_capital_fund,
                    |a, v| a.min_capital_fund = v,
                ),
                (
                    Text::BondThreshold,
                    "bond_balance_threshold",
                    false,
                    "倍",
                    |a| a.bond_balance_threshold,
                    |a, v| a.bond_balance_threshold = v,
                ),
            ],
        ),
        (
            Text::SectionBudget,
            vec![
                (
                    Text::BudgetFirstYear,
                    "budget_expenditure",
                    false,
                    "万元",
                    |a| a.budget_expenditure,
                    |a, v| a.budget_expenditure = v,
                ),
                (
                    Text::BudgetGrowth,
                    "budget_growth",
                    true,
                    "",
                    |a| a.budget_growth,
                    |a, v| a.budget_growth = v,
                ),
                (
                    Text::OtherPpp,
                    "other_ppp_spending",
                    false,
                    "万元",
                    |a| a.other_ppp_spending,
                    |a, v| a.other_ppp_spending = v,
                ),
                (
                    Text::DiscountRate,
                    "discount_rate",
                    true,
                    "",
                    |a| a.discount_rate,
                    |a, v| a.discount_rate = v,
                ),
            ],
        ),
        (
            Text::SectionLoan,
            vec![
                (
                    Text::Rate,
                    "loan.rate",
                    true,
                    "",
                    |a| a.loan.rate,
                    |a, v| a.loan.rate = v,
                ),
                (
                    Text::TermYears,
                    "loan.term_years",
                    false,
                    "年",
                    |a| f64::from(a.loan.term_years),
                    |a, v| a.loan.term_years = years(v),
                ),
                (
                    Text::GraceYears,
                    "loan.grace_years",
                    false,
                    "年",
                    |a| f64::from(a.loan.grace_years),
                    |a, v| a.loan.grace_years = years(v),
                ),
            ],
        ),
        (
            Text::SectionService,
            vec![
                (
                    Text::Rate,
                    "service_purchase.financing_rate",
                    true,
                    "",
                    |a| a.service_purchase.financing_rate,
                    |a, v| a.service_purchase.financing_rate = v,
                ),
                (
                    Text::ContractYears,
                    "service_purchase.contract_years",
                    false,
                    "年",
                    |a| f64::from(a.service_purchase.contract_years),
                    |a, v| a.service_purchase.contract_years = years(v),
                ),
                (
                    Text::ServiceMargin,
                    "service_purchase.service_margin",
                    true,
                    "",
                    |a| a.service_purchase.service_margin,
                    |a, v| a.service_purchase.service_margin = v,
                ),
            ],
        ),
        (
            Text::SectionPpp,
            vec![
                (
                    Text::PppProfit,
                    "ppp.profit_rate",
                    true,
                    "",
                    |a| a.ppp.profit_rate,
                    |a, v| a.ppp.profit_rate = v,
                ),
                (
                    Text::PppDiscount,
                    "ppp.discount_rate",
                    true,
                    "",
                    |a| a.ppp.discount_rate,
                    |a, v| a.ppp.discount_rate = v,
                ),
                (
                    Text::PppYears,
                    "ppp.subsidy_years",
                    false,
                    "年",
                    |a| f64::from(a.ppp.subsidy_years),
                    |a, v| a.ppp.subsidy_years = years(v),
                ),
                (
                    Text::PppOpRate,
                    "ppp.operating_cost_rate",
                    true,
                    "",
                    |a| a.ppp.operating_cost_rate,
                    |a, v| a.ppp.operating_cost_rate = v,
                ),
                (
                    Text::PppUserRate,
                    "ppp.user_payment_rate",
                    true,
                    "",
                    |a| a.ppp.user_payment_rate,
                    |a, v| a.ppp.user_payment_rate = v,
                ),
            ],
        ),
        (
            Text::SectionBond,
            vec![
                (
                    Text::Rate,
                    "bond.rate",
                    true,
                    "",
                    |a| a.bond.rate,
                    |a, v| a.bond.rate = v,
                ),
                (
                    Text::TermYears,
                    "bond.term_years",
                    false,
                    "年",
                    |a| f64::from(a.bond.term_years),
                    |a, v| a.bond.term_years = years(v),
                ),
            ],
        ),
    ]
}

/// Whole years; anything else becomes 0, which validation reports as out of range.
fn years(v: f64) -> u32 {
    if v.is_finite() && v >= 0.0 && v.fract() == 0.0 && v <= 1000.0 {
        v as u32
    } else {
        0
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
                    Field::LoanTerm => key == "loan.grace_years",
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
    let draft = RwSignal::new(store.plan.with_untracked(|p| p.assumptions.clone()));
    let issues = Memo::new(move |_| {
        store
            .plan
            .with(|p| draft.with(|d| validate_assumptions(d, &p.projects)))
    });
    // A valid draft reaches the plan as one named, undoable edit.
    Effect::new(move |_| {
        let d = draft.get();
        if issues.with(Vec::is_empty) {
            let edit = store
                .plan
                .with_untracked(|p| crate::edit::assumptions_edit(&p.assumptions, &d));
            if let Some(edit) = edit {
                let _ = store.dispatch(edit);
            }
        }
    });
    let field = move |(label, key, percent, unit, get, set): Row| {
        view! {
            <RequiredNumber
                label=label
                value=Signal::derive(move || draft.with(get))
                on_change=Callback::new(move |v: f64| draft.update(|a| set(a, v)))
                percent=percent
                unit=unit
                testid=format!("assumption-{key}")
                error=error_for(issues, key)
            />
        }
    };
    let groups = sections()
        .into_iter()
        .map(|(title, rows)| {
            let extra = match title {
                Text::SectionLoan => Some(choice(
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
                Text::SectionPpp => Some(choice(
                    draft,
                    Text::PppForm,
                    vec![
                        (PppPaymentForm::Mof21, Text::PppFormMof21),
                        (PppPaymentForm::Annuity, Text::PppFormAnnuity),
                    ],
                    |a| a.ppp.form,
                    |a, f| a.ppp.form = f,
                    "assumption-ppp.form",
                )),
                Text::SectionBond => Some(choice(
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
                    <div class="grid">{rows.into_iter().map(field).collect_view()} {extra}</div>
                </fieldset>
            }
        })
        .collect_view();
    let costs = CostDriver::ALL
        .iter()
        .map(|&d| {
            let (label, unit, percent) = cost_driver_text(d);
            view! {
                <RequiredNumber
                    label=label
                    value=Signal::derive(move || draft.with(|a| d.get(&a.costs)))
                    on_change=Callback::new(move |v: f64| draft.update(|a| d.set(&mut a.costs, v)))
                    percent=percent
                    unit=unit
                    testid=format!("default-{}", d.key())
                    error=error_for(issues, d.key())
                />
            }
        })
        .collect_view();
    view! {
        <section class="assumptions" data-testid="assumptions">
            <Show when=move || !issues.with(Vec::is_empty)>
                <p class="banner error" role="alert">{move || t(Text::InvalidNotKept)}</p>
            </Show>
            {groups}
            <fieldset>
                <legend>{move || t(Text::SectionCosts)}</legend>
                <div class="grid">{costs}</div>
            </fieldset>
        </section>
    }
}
