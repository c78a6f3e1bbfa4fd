//! The project editor's 前期手续 section: each milestone that applies (every approval, the steps
//! of each source of money the project draws on) with its planned and actual day and its
//! paper, and the risk assessment and pre-signing the gates read.

use leptos::prelude::*;

use crate::analysis::readiness::applies;
use crate::calc::model::Project;
use crate::calc::readiness::{Day, Milestone, MilestoneRecord, RiskLevel};
use crate::document::validate::{Field, Issue};
use crate::ui::shell::state::t;
use crate::ui::widgets::fields::{field_error, NumberInput};
use crate::words::i18n::Text;

#[component]
pub fn ReadinessFields(draft: RwSignal<Project>, issues: Memo<Vec<Issue>>) -> impl IntoView {
    let shown = Memo::new(move |_| {
        draft.with(|d| {
            Milestone::ALL
                .iter()
                .copied()
                .filter(|&m| applies(d, m))
                .collect::<Vec<_>>()
        })
    });
    let risk = move || draft.with(|d| d.readiness.risk);
    view! {
        <h3>{move || t(Text::NavReadiness)}</h3>
        <div class="grid">
            <label class="field">
                <span class="label">{move || t(Text::RiskLevelLabel)}</span>
                <select data-testid="edit-risk-level"
                    prop:value=move || risk().map_or("", risk_key)
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        draft.update(|d| d.readiness.risk = RiskLevel::ALL.into_iter().find(|r| risk_key(*r) == v));
                    }>
                    <option value="">{move || t(Text::RiskFromOpposition)}</option>
                    {RiskLevel::ALL.iter().map(|&r| view! {
                        <option value=risk_key(r)>{move || t(r.label())}</option>
                    }).collect_view()}
                </select>
            </label>
            <NumberInput
                label=Text::FieldOpposition
                value=Signal::derive(move || draft.with(|d| d.readiness.opposition))
                on_change=Callback::new(move |v| draft.update(|d| d.readiness.opposition = v))
                percent=true
                optional=true
                testid="edit-opposition"
                error=field_error(issues, Field::Opposition)
            />
            <NumberInput
                label=Text::FieldPresigned
                value=Signal::derive(move || draft.with(|d| d.readiness.presigned))
                on_change=Callback::new(move |v| draft.update(|d| d.readiness.presigned = v))
                percent=true
                optional=true
                testid="edit-presigned"
                error=field_error(issues, Field::Presigned)
            />
        </div>
        <table class="milestones" data-testid="milestone-inputs">
            <thead><tr>
                <th scope="col">{move || t(Text::MilestoneCol)}</th>
                <th scope="col">{move || t(Text::MsPlanned)}</th>
                <th scope="col">{move || t(Text::MsActual)}</th>
                <th scope="col">{move || t(Text::MilestoneNumber)}</th>
            </tr></thead>
            <tbody>
                {move || shown.get().into_iter().map(|m| view! { <MilestoneRow m=m draft=draft issues=issues /> }).collect_view()}
            </tbody>
        </table>
    }
}

fn risk_key(r: RiskLevel) -> &'static str {
    match r {
        RiskLevel::Low => "low",
        RiskLevel::Medium => "medium",
        RiskLevel::High => "high",
    }
}

/// Which part of a milestone's record an input sets.
#[derive(Clone, Copy)]
enum Part {
    Planned,
    Actual,
    Number,
}

fn set(draft: RwSignal<Project>, m: Milestone, part: Part, text: String) {
    draft.update(|d| {
        let mut rec = d.readiness.record(m).cloned().unwrap_or_default();
        let day = Day::parse(&text);
        match part {
            Part::Planned => rec.planned = day,
            Part::Actual => rec.actual = day,
            Part::Number => rec.number = text.trim().to_string(),
        }
        if rec == MilestoneRecord::default() {
            d.readiness.milestones.remove(&m);
        } else {
            d.readiness.milestones.insert(m, rec);
        }
    });
}

#[component]
fn MilestoneRow(m: Milestone, draft: RwSignal<Project>, issues: Memo<Vec<Issue>>) -> impl IntoView {
    let rec = move || draft.with(|d| d.readiness.record(m).cloned().unwrap_or_default());
    let day_key = |d: Option<Day>| d.map(Day::key).unwrap_or_default();
    let error = field_error(issues, Field::Milestone(m));
    let id = |part: &str| format!("ms-{}-{part}", m.key());
    view! {
        <tr data-testid="milestone-row" data-milestone=m.key() class:invalid=move || error.get().is_some()>
            <th scope="row">{move || t(m.label())}</th>
            <td><input type="date" data-testid=id("planned") aria-label=move || format!("{} {}", t(m.label()), t(Text::MsPlanned))
                prop:value=move || day_key(rec().planned)
                on:change=move |ev| set(draft, m, Part::Planned, event_target_value(&ev)) /></td>
            <td><input type="date" data-testid=id("actual") aria-label=move || format!("{} {}", t(m.label()), t(Text::MsActual))
                prop:value=move || day_key(rec().actual)
                on:change=move |ev| set(draft, m, Part::Actual, event_target_value(&ev)) /></td>
            <td><input type="text" data-testid=id("number") aria-label=move || format!("{} {}", t(m.label()), t(Text::MilestoneNumber))
                placeholder=move || t(match m.number_kind() {
                    crate::calc::readiness::NumberKind::Document => Text::ExampleDocNumber,
                    crate::calc::readiness::NumberKind::Certificate => Text::ExampleCertNumber,
                })
                prop:value=move || rec().number
                on:change=move |ev| set(draft, m, Part::Number, event_target_value(&ev)) /></td>
        </tr>
        {move || error.get().map(|e| view! { <tr class="row-error"><td colspan="4" class="error" role="alert">{e}</td></tr> })}
    }
}
