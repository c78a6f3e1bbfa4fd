//! 房票方案: the plan's voucher scheme (a preset, its reward tiers with the assumed use, the
//! settlement with developers, deed tax and fee months), edited as one `Edit` per change, and
//! what the plan's vouchers come to.

use leptos::prelude::*;

use crate::analysis::housing::voucher_totals;
use crate::calc::voucher::{SchemeList, VoucherField, VoucherPreset, VoucherScheme};
use crate::document::edit::Edit;
use crate::document::validate::{Field, Issue};
use crate::ui::shell::state::{lang, t, Store};
use crate::ui::widgets::fields::NumberInput;
use crate::words::i18n::{fmt_pct, fmt_wan, Text};

type Change = Callback<Box<dyn Fn(&mut VoucherScheme)>>;

#[component]
pub fn VoucherSection() -> impl IntoView {
    let store = expect_context::<Store>();
    let error = RwSignal::new(None::<String>);
    let scheme = Memo::new(move |_| store.view.with(|p| p.assumptions.vouchers.clone()));
    // Every change is the whole assumptions with the scheme changed: one undoable edit.
    let change: Change = Callback::new(move |f: Box<dyn Fn(&mut VoucherScheme)>| {
        let mut a = store.view.with_untracked(|p| p.assumptions.clone());
        f(&mut a.vouchers);
        store.dispatch_naming(
            Edit::SetAssumptions {
                assumptions: Box::new(a),
            },
            error,
        );
    });
    let preset = move |ev| {
        let key = event_target_value(&ev);
        if let Some(p) = VoucherPreset::from_key(&key) {
            change.run(Box::new(move |s| *s = p.scheme()));
        }
    };
    let summary = move || {
        scheme.with(|s| {
            Text::VoucherSummary.fill(lang(), &[&s.validity(), &fmt_pct(1.0 - s.used_share())])
        })
    };
    let figure = |label: Text,
                  value: Signal<f64>,
                  percent: bool,
                  testid: &'static str,
                  set: fn(&mut VoucherScheme, f64)| {
        view! {
            <NumberInput label=label value=Signal::derive(move || Some(value.get())) percent=percent testid=testid
                on_change=Callback::new(move |v: Option<f64>| if let Some(v) = v {
                    change.run(Box::new(move |s| { set(s, v); s.preset.clear(); }))
                }) />
        }
    };
    view! {
        <div class="voucher-scheme" data-testid="voucher-scheme">
            <h3>{move || t(Text::VoucherTitle)}</h3>
            <p class="hint">{move || t(Text::VoucherIntro)}</p>
            {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="voucher-error">{e}</p> })}
            <label class="field">
                <span class="label">{move || t(Text::VoucherPreset)}</span>
                <select data-testid="voucher-preset" prop:value=move || scheme.with(|s| s.preset.clone()) on:change=preset>
                    <option value="">{move || t(Text::VoucherOwnScheme)}</option>
                    {VoucherPreset::ALL.map(|p| view! { <option value=p.key()>{move || t(p.label())}</option> }).collect_view()}
                </select>
            </label>
            <p data-testid="voucher-summary">{summary}</p>
            {SchemeList::ALL.map(|list| view! { <SchemeTable list=list scheme=scheme change=change error=error /> }).collect_view()}
            <div class="fields">
                {figure(Text::VoucherDeedTax, Signal::derive(move || scheme.with(|s| s.deed_tax_relief)), true, "voucher-deed-tax", |s, v| s.deed_tax_relief = v)}
                {figure(Text::VoucherTransitionMonths, Signal::derive(move || scheme.with(|s| s.transition_months)), false, "voucher-transition-months", |s, v| s.transition_months = v)}
            </div>
            <VoucherTotalsTable />
        </div>
    }
}

/// One list of the scheme (its tiers or its stages) as a table of inputs.
#[component]
fn SchemeTable(
    list: SchemeList,
    scheme: Memo<VoucherScheme>,
    change: Change,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let row = move |k: usize| {
        let cells = list.columns().iter().map(move |&c| {
            let value = Signal::derive(move || scheme.with(|s| list.get(s, k, c)));
            let on_change = Callback::new(move |v: Option<f64>| {
                let Some(v) = v else { return };
                // A month the column refuses (not whole, beyond 120) is named with its row and
                // never reaches the plan.
                if let Some(problem) = c.check(v) {
                    let field = VoucherField {
                        part: list.part(),
                        row: k + 1,
                        percent: false,
                    };
                    let issue = Issue {
                        project: None,
                        field: Field::Voucher(field),
                        problem,
                    };
                    error.set(Some(issue.message(lang())));
                    return;
                }
                change.run(Box::new(move |s| {
                    list.set(s, k, c, v);
                }));
            });
            view! {
                <td><NumberInput label=c.label() value=value percent=c.percent()
                    testid=format!("{}-{}", list.key(), c.key()) on_change=on_change /></td>
            }
        });
        view! {
            <tr data-testid=format!("{}-row", list.key())>
                {cells.collect_view()}
                <td><button type="button" class="link" data-testid=format!("{}-remove", list.key())
                    on:click=move |_| change.run(Box::new(move |s| list.remove(s, k)))>{move || t(Text::Remove)}</button></td>
            </tr>
        }
    };
    let add_label = match list {
        SchemeList::Tiers => Text::VoucherAddTier,
        SchemeList::Settlement => Text::VoucherAddStage,
    };
    view! {
        <div class="table-scroll">
            <table class="data compact stock-table" data-testid=format!("{}-table", list.key())>
                <caption>{move || t(list.part().label())}</caption>
                <thead><tr>
                    {list.columns().iter().map(|&c| view! { <th scope="col">{move || t(c.label())}</th> }).collect_view()}
                    <th></th>
                </tr></thead>
                <tbody>{move || (0..scheme.with(|s| list.len(s))).map(row).collect_view()}</tbody>
            </table>
        </div>
        <button type="button" data-testid=format!("{}-add", list.key())
            on:click=move |_| change.run(Box::new(move |s| list.push(s)))>{move || t(add_label)}</button>
    }
}

/// The plan's vouchers: households, face value, the cost by kind, and what is owed at each
/// year's end.
#[component]
fn VoucherTotalsTable() -> impl IntoView {
    let store = expect_context::<Store>();
    let totals = Memo::new(move |_| store.view.with(voucher_totals));
    let owed = Memo::new(move |_| {
        store.results.with(|r| {
            r.years
                .iter()
                .filter(|y| y.vouchers_owed > 0.005)
                .map(|y| (y.year, y.vouchers_owed))
                .collect::<Vec<_>>()
        })
    });
    let wan = fmt_wan;
    move || {
        let v = totals.get();
        if v.households == 0 {
            return view! { <p data-testid="voucher-none">{move || t(Text::VoucherNone)}</p> }
                .into_any();
        }
        let c = v.cost;
        let rows = [
            (Text::VoucherHouseholds, v.households.to_string()),
            (Text::VoucherFace, wan(v.face)),
            (Text::VoucherCostUsed, wan(c.used)),
            (Text::VoucherCostExpired, wan(c.expired)),
            (Text::VoucherCostReward, wan(c.reward)),
            (Text::VoucherDeedTax, wan(c.deed_tax)),
            (Text::VoucherCostInterest, wan(c.interest)),
            (Text::VoucherCostTransition, wan(c.transition)),
            (Text::InvVouchers, wan(c.total())),
        ];
        let owed_rows = owed
            .get()
            .into_iter()
            .map(|(year, o)| (Text::VouchersOwedIn.fill(lang(), &[&year]), wan(o)));
        view! {
            <table class="data compact" data-testid="voucher-totals">
                <caption>{move || format!("{}{}", t(Text::VoucherPlanTitle), t(Text::UnitWan))}</caption>
                <tbody>
                    {rows.into_iter().map(|(k, v)| view! { <tr><th scope="row">{t(k)}</th><td>{v}</td></tr> }).collect_view()}
                    {owed_rows.map(|(k, v)| view! { <tr data-testid="voucher-owed"><th scope="row">{k}</th><td>{v}</td></tr> }).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    }
}
