//! 考核: the period's scores of every district and every 包抓领导 under the plan's scheme (a
//! preset chosen as one edit), each score explained line by line; the month's 督办清单 and the
//! 逾期未回迁 register.

use leptos::prelude::*;

use crate::analysis::assessment::{assess, Assessed, Scored};
use crate::calc::assessment::{Period, SchemePreset};
use crate::calc::model::{Answering, Month};
use crate::document::edit::Edit;
use crate::present::assessment::{
    duties_table, explain, overdue_by_district, overdue_table, post_of, supervision_table,
};
use crate::ui::shell::state::{lang, t, AssessmentPaperOf, Store};
use crate::ui::widgets::fields::AnsweringFilter;
use crate::ui::widgets::report_table::ReportTable;
use crate::words::i18n::Text;

/// Which period the page scores, as of the progress page's month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Month,
    Quarter,
    Year,
}

impl Kind {
    const ALL: [Kind; 3] = [Kind::Month, Kind::Quarter, Kind::Year];

    fn key(self) -> &'static str {
        match self {
            Kind::Month => "month",
            Kind::Quarter => "quarter",
            Kind::Year => "year",
        }
    }

    fn label(self) -> Text {
        match self {
            Kind::Month => Text::AssessMonthly,
            Kind::Quarter => Text::AssessQuarterly,
            Kind::Year => Text::AssessYearly,
        }
    }

    fn period(self, m: Month) -> Period {
        match self {
            Kind::Month => Period::Month(m),
            Kind::Quarter => Period::Quarter(m.year, (m.month - 1) / 3 + 1),
            Kind::Year => Period::Year(m.year),
        }
    }
}

#[component]
pub fn AssessmentPage() -> impl IntoView {
    let store = expect_context::<Store>();
    let month = store.progress_month;
    let kind = RwSignal::new(Kind::Quarter);
    let error = RwSignal::new(None::<String>);
    let who = RwSignal::new(Answering::default());
    let period = Memo::new(move |_| kind.get().period(month.get()));
    let scores = Memo::new(move |_| store.view.with(|p| assess(p, period.get())));
    let preset = move |ev| {
        if let Some(p) = SchemePreset::from_key(&event_target_value(&ev)) {
            store.dispatch_naming(
                Edit::SetAssessment {
                    scheme: Box::new(p.scheme()),
                },
                error,
            );
        }
    };
    view! {
        <section class="page assessment-page" data-testid="assessment-page">
            <h2>{move || t(Text::NavAssessment)}</h2>
            <p class="hint">{move || t(Text::AssessIntro)}</p>
            <div class="toolbar">
                <label class="field compact">
                    <span class="label">{move || t(Text::ProgressMonth)}</span>
                    <input type="month" data-testid="assess-month" prop:value=move || month.get().key()
                        on:change=move |ev| if let Some(m) = Month::parse(&event_target_value(&ev)) { month.set(m); } />
                </label>
                <label class="field compact">
                    <span class="label">{move || t(Text::AssessPeriod)}</span>
                    <select data-testid="assess-period" prop:value=move || kind.get().key()
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if let Some(k) = Kind::ALL.into_iter().find(|k| k.key() == v) { kind.set(k); }
                        }>
                        {Kind::ALL.map(|k| view! { <option value=k.key()>{move || t(k.label())}</option> }).collect_view()}
                    </select>
                </label>
                <label class="field compact">
                    <span class="label">{move || t(Text::FieldAssessment)}</span>
                    <select data-testid="assess-preset" prop:value=move || store.plan.with(|p| p.assessment.preset.clone()) on:change=preset>
                        <option value="">{move || t(Text::VoucherOwnScheme)}</option>
                        {SchemePreset::ALL.map(|p| view! { <option value=p.key()>{move || t(p.label())}</option> }).collect_view()}
                    </select>
                </label>
            </div>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <h3 data-testid="assess-title">{move || period.get().label(lang())}</h3>
            <ScoreTable caption=Text::AssessDistricts testid="assess-districts"
                rows=Signal::derive(move || scores.with(|a| a.districts.clone())) />
            <ScoreTable caption=Text::AssessLeaders testid="assess-leaders"
                rows=Signal::derive(move || scores.with(|a| a.leaders.clone())) />
            <div class="toolbar">
                <AnsweringFilter testid="assess"
                    on_change=Callback::new(move |a| who.set(a)) />
                <button type="button" data-testid="assess-paper" on:click=move |_| store.assessment_paper.set(Some(AssessmentPaperOf {
                    period: period.get_untracked(),
                    month: month.get_untracked(),
                    who: who.get_untracked(),
                }))>{move || t(Text::AssessPaper)}</button>
            </div>
            <Lists who=who />
            <SchemeEditor error=error />
        </section>
    }
}

/// The plan's scheme, line by line: each item's indicator, section, weight, target and veto;
/// the points of each deduction; each band's minimum. Every change is the whole scheme, one
/// edit (its preset name dropped), refused with its line named.
#[component]
fn SchemeEditor(error: RwSignal<Option<String>>) -> impl IntoView {
    use crate::calc::assessment::{Deduction, DeductionKind, Indicator, Item, Rule, Scheme};
    use crate::ui::widgets::fields::RequiredNumber;
    let store = expect_context::<Store>();
    let scheme = Memo::new(move |_| store.plan.with(|p| p.assessment.clone()));
    let change = move |f: Box<dyn Fn(&mut Scheme)>| {
        let mut s = scheme.get_untracked();
        f(&mut s);
        s.preset.clear();
        store.dispatch_naming(
            Edit::SetAssessment {
                scheme: Box::new(s),
            },
            error,
        );
    };
    let item = move |k: usize| {
        let it = scheme.with(|s| s.items.get(k).cloned());
        it.map(|it| {
            let number = move |label: Text, percent: bool, testid: &'static str, get: fn(&Item) -> f64, set: fn(&mut Item, f64)| {
                view! {
                    <td title=move || t(label)><RequiredNumber label=label percent=percent testid=testid
                        value=Signal::derive(move || scheme.with(|s| s.items.get(k).map_or(0.0, get)))
                        on_change=Callback::new(move |v| change(Box::new(move |s| if let Some(i) = s.items.get_mut(k) { set(i, v) }))) /></td>
                }
            };
            view! {
                <tr data-testid="scheme-item">
                    <td><select data-testid="scheme-indicator" aria-label=move || t(Text::AssessIndicator)
                        prop:value=format!("{:?}", it.indicator)
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if let Some(ind) = Indicator::ALL.into_iter().find(|i| format!("{i:?}") == v) {
                                change(Box::new(move |s| if let Some(i) = s.items.get_mut(k) { i.indicator = ind }));
                            }
                        }>
                        {Indicator::ALL.map(|i| view! { <option value=format!("{i:?}")>{move || t(i.label())}</option> }).collect_view()}
                    </select></td>
                    <td><input type="text" data-testid="scheme-section" aria-label=move || t(Text::AssessSection) prop:value=it.section.clone()
                        on:change=move |ev| {
                            let v = event_target_value(&ev).trim().to_string();
                            change(Box::new(move |s| if let Some(i) = s.items.get_mut(k) { i.section = v.clone() }));
                        } /></td>
                    {number(Text::AssessWeight, false, "scheme-weight", |i| i.weight, |i, v| i.weight = v)}
                    {number(Text::AssessTarget, true, "scheme-target", |i| i.target, |i, v| i.target = v)}
                    <td><input type="checkbox" data-testid="scheme-veto" aria-label=move || t(Text::AssessVeto) prop:checked=it.veto
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            change(Box::new(move |s| if let Some(i) = s.items.get_mut(k) { i.veto = on }));
                        } /></td>
                    <td><button type="button" class="link" data-testid="scheme-remove"
                        on:click=move |_| change(Box::new(move |s| { if k < s.items.len() { s.items.remove(k); } }))>{move || t(Text::Remove)}</button></td>
                </tr>
            }
        })
    };
    let add = move |_| {
        change(Box::new(|s| {
            s.items.push(Item {
                indicator: Indicator::Start,
                section: t(Text::AssessNewSection).to_string(),
                weight: 0.0,
                target: 1.0,
                rule: Rule::Linear,
                veto: false,
            })
        }))
    };
    let heads = [
        Text::AssessIndicator,
        Text::AssessSection,
        Text::AssessWeight,
        Text::AssessTarget,
        Text::AssessVeto,
    ];
    let weights = move || scheme.with(|s| s.items.iter().map(|i| i.weight).sum::<f64>());
    let deduction = move |kind: DeductionKind| {
        let value = Signal::derive(move || {
            scheme.with(|s| {
                s.deductions
                    .iter()
                    .find(|d| d.kind == kind)
                    .map_or(0.0, |d| d.points)
            })
        });
        let on_change = Callback::new(move |v: f64| {
            change(Box::new(move |s| {
                s.deductions.retain(|d| d.kind != kind);
                if v > 0.0 {
                    s.deductions.push(Deduction { kind, points: v });
                }
            }))
        });
        view! { <RequiredNumber label=kind.label() value=value on_change=on_change testid=format!("scheme-deduct-{kind:?}") /> }
    };
    let band = move |k: usize| {
        let grade = scheme.with(|s| s.bands.get(k).map(|b| b.grade));
        grade.map(|g| {
            let value = Signal::derive(move || scheme.with(|s| s.bands.get(k).map_or(0.0, |b| b.min)));
            let on_change = Callback::new(move |v: f64| change(Box::new(move |s| if let Some(b) = s.bands.get_mut(k) { b.min = v })));
            view! { <RequiredNumber label=g.label() value=value on_change=on_change testid=format!("scheme-band-{g:?}") /> }
        })
    };
    view! {
        <details class="scheme-editor" data-testid="scheme-editor">
            <summary>{move || t(Text::AssessEditScheme)}</summary>
            <div class="table-scroll">
                <table class="data compact" data-testid="scheme-items">
                    <caption>{move || Text::AssessWeightsSum.fill(lang(), &[&crate::words::display::fixed(weights(), 1)])}</caption>
                    <thead><tr>{heads.map(|h| view! { <th scope="col">{move || t(h)}</th> }).collect_view()}<th></th></tr></thead>
                    <tbody>{move || (0..scheme.with(|s| s.items.len())).map(item).collect_view()}</tbody>
                </table>
            </div>
            <button type="button" data-testid="scheme-add" on:click=add>{move || t(Text::AssessAddItem)}</button>
            <div class="fields">
                {DeductionKind::ALL.map(deduction).collect_view()}
                <RequiredNumber label=Text::AssessInterviewMonths testid="scheme-interview"
                    value=Signal::derive(move || scheme.with(|s| f64::from(s.interview_months)))
                    on_change=Callback::new(move |v: f64| change(Box::new(move |s| {
                        s.interview_months = v.round().clamp(0.0, 99.0) as u32
                    }))) />
            </div>
            <div class="fields">{move || (0..scheme.with(|s| s.bands.len())).map(band).collect_view()}</div>
        </details>
    }
}

/// A ranking: place, name, total, grade, and the lines behind the total.
#[component]
fn ScoreTable(caption: Text, testid: &'static str, rows: Signal<Vec<Scored>>) -> impl IntoView {
    let store = expect_context::<Store>();
    let heads = [
        Text::ColRank,
        Text::AssessWho,
        Text::AssessTotal,
        Text::AssessGrade,
        Text::AssessLines,
    ];
    let body = move || {
        rows.get()
            .into_iter()
            .map(|s| {
                let name = s.who.name().to_string();
                let shown = name.clone();
                let post = match &s.who {
                    Assessed::Leader(l) => store.view.with(|p| post_of(p, l)),
                    Assessed::District(_) => String::new(),
                };
                let lines = explain(&s.score, lang());
                view! {
                    <tr data-testid="assess-row" data-name=name>
                        <td>{s.rank}</td>
                        <td>{shown}{(!post.is_empty()).then(|| view! { <br /><small>{post}</small> })}</td>
                        <td data-testid="assess-total">{crate::words::display::fixed(s.score.total, 2)}</td>
                        <td data-testid="assess-grade">{t(s.score.grade.label())}</td>
                        <td><details><summary>{t(Text::AssessLines)}</summary>
                            <ul>{lines.into_iter().map(|l| view! { <li data-testid="assess-line">{l}</li> }).collect_view()}</ul>
                        </details></td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <div class="table-scroll">
            <table class="data compact" data-testid=testid>
                <caption>{move || t(caption)}</caption>
                <thead><tr>{heads.map(|h| view! { <th scope="col">{move || t(h)}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {body}
                    <Show when=move || rows.with(Vec::is_empty)>
                        <tr><td colspan="5" data-testid="assess-none">{move || t(Text::AssessNone)}</td></tr>
                    </Show>
                </tbody>
            </table>
        </div>
    }
}

/// The month's 督办清单 and 逾期未回迁 register, kept to the projects `who` keeps: the paper's
/// tables.
#[component]
fn Lists(who: RwSignal<Answering>) -> impl IntoView {
    let store = expect_context::<Store>();
    let month = store.progress_month;
    let supervision = Signal::derive(move || {
        store
            .view
            .with(|p| supervision_table(p, month.get(), &who.get(), lang()))
    });
    let overdue = Signal::derive(move || {
        store
            .view
            .with(|p| overdue_table(p, month.get(), &who.get(), lang()))
    });
    let by_district = Signal::derive(move || {
        store
            .view
            .with(|p| overdue_by_district(p, month.get(), &who.get(), lang()))
    });
    let duties = Signal::derive(move || store.view.with(|p| duties_table(p, &who.get(), lang())));
    view! {
        <details class="duties" data-testid="duties">
            <summary>{move || t(Text::SheetDuties)}</summary>
            <div class="table-scroll">
                <ReportTable testid="duties-table" table=duties row_testid="duty-row" />
            </div>
        </details>
        <h3>{move || Text::SuperviseTitle.fill(lang(), &[&month.get().label(lang())])}</h3>
        <div class="table-scroll">
            <ReportTable testid="supervision" table=supervision row_testid="supervision-row" />
        </div>
        <h3>{move || t(Text::OverdueTitle)}</h3>
        <Show when=move || overdue.with(|t| !t.rows.is_empty())
            fallback=|| view! { <p class="hint" data-testid="overdue-none">{move || t(Text::OverdueNone)}</p> }>
            <div class="table-scroll">
                <ReportTable testid="overdue" table=overdue row_testid="overdue-row" />
                <ReportTable testid="overdue-districts" table=by_district />
            </div>
        </Show>
    }
}
