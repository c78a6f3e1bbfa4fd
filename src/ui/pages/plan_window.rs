//! The plan's window (two or three years), rolling it one year on, the history of finished
//! projects, and one project's history (plan, actuals, changes).

use leptos::prelude::*;

use crate::document::edit::Edit;
use crate::document::plan::WINDOW_YEARS;
use crate::present::history::{project_history, roll_sentence};
use crate::ui::shell::state::{lang, t, Store};
use crate::ui::widgets::report_table::ReportTable;
use crate::words::i18n::Text;

/// 规划期与滚动: the window's length, the roll with what it will do, and the history.
#[component]
pub fn PlanWindowPanel() -> impl IntoView {
    let store = expect_context::<Store>();
    let error = RwSignal::new(None::<String>);
    let years = move || store.plan.with(|p| p.window_years);
    let first = move || store.plan.with(|p| p.first_year);
    let select = NodeRef::<leptos::html::Select>::new();
    let set_years = move |y: u8| {
        let edit = Edit::SetWindow {
            first_year: first(),
            years: y,
        };
        let refused = store.dispatch(edit).err();
        if refused.is_some() {
            // The plan kept its window: the choice shows it again, not what was refused.
            if let Some(el) = select.get_untracked() {
                el.set_value(&years().to_string());
            }
        }
        error.set(refused.map(|r| r.message(lang())));
    };
    let roll = move |_| {
        let edit = store
            .plan
            .with_untracked(crate::document::rolling::roll_forward);
        if store.dispatch_naming(edit, error) {
            store.notice.set(None);
        }
    };
    view! {
        <fieldset class="plan-window" data-testid="plan-window-panel">
            <legend>{move || t(Text::WindowTitle)}</legend>
            <label class="field">
                <span class="label">{move || t(Text::WindowLabel)}</span>
                <select data-testid="plan-window" node_ref=select on:change=move |ev| {
                    if let Ok(y) = event_target_value(&ev).parse::<u8>() {
                        set_years(y);
                    }
                }>
                    {move || WINDOW_YEARS.iter().map(|&y| {
                        let label = Text::WindowOption.fill(
                            lang(),
                            &[&y, &first(), &(first() + i32::from(y) - 1)],
                        );
                        view! { <option value=y.to_string() selected=years() == y>{label}</option> }
                    }).collect_view()}
                </select>
            </label>
            <p class="roll-preview" data-testid="roll-preview">
                {move || store.plan.with(|p| roll_sentence(p, lang()))}
            </p>
            <button type="button" data-testid="roll-forward" on:click=roll>
                {move || t(Text::RollForward)}
            </button>
            <Show when=move || error.with(Option::is_some)>
                <p class="error" role="alert" data-testid="plan-window-error">{move || error.get()}</p>
            </Show>
            <HistoryList />
        </fieldset>
    }
}

/// The finished projects the window has rolled past, each with its history on a click.
#[component]
fn HistoryList() -> impl IntoView {
    let store = expect_context::<Store>();
    let open = RwSignal::new(None::<String>);
    let rows = move || {
        store.plan.with(|p| {
            p.history
                .iter()
                .map(|h| (h.id.clone(), h.name.clone(), h.district.clone(), h.year))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <h4>{move || t(Text::HistoryTitle)}</h4>
        <Show
            when=move || store.plan.with(|p| !p.history.is_empty())
            fallback=move || view! { <p class="muted" data-testid="history-empty">{move || t(Text::HistoryEmpty)}</p> }
        >
            <ul class="history-list" data-testid="history-list">
                {move || rows().into_iter().map(|(id, name, district, year)| {
                    let shown = id.clone();
                    view! {
                        <li data-testid="history-row">
                            <button type="button" class="link" on:click=move |_| {
                                open.update(|o| *o = if o.as_deref() == Some(&shown) { None } else { Some(shown.clone()) })
                            }>
                                {format!("{name} · {district} · {}", crate::words::i18n::fmt_year(year, lang()))}
                            </button>
                            <Show when={ let id = id.clone(); move || open.get().as_deref() == Some(id.as_str()) }>
                                <ProjectHistoryPanel id=id.clone() archived=true />
                            </Show>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </Show>
    }
}

/// One project's plan, what is left of it, its actuals by month and the changes naming it.
#[component]
pub fn ProjectHistoryPanel(id: String, #[prop(optional)] archived: bool) -> impl IntoView {
    let store = expect_context::<Store>();
    let history = Memo::new(move |_| {
        store.plan.with(|plan| {
            let list = if archived {
                &plan.history
            } else {
                &plan.projects
            };
            list.iter()
                .find(|p| p.id == id)
                .map(|p| project_history(plan, p, lang()))
                .unwrap_or_default()
        })
    });
    let months = Signal::derive(move || history.with(|h| h.months.clone()));
    let has_months = move || {
        history.with(|h: &crate::present::history::ProjectHistory| !h.months.rows.is_empty())
    };
    view! {
        <section class="project-history" data-testid="project-history">
            <h3>{move || t(Text::ProjectHistoryTitle)}</h3>
            <p data-testid="project-history-plan">{move || history.with(|h| h.plan.clone())}</p>
            <p data-testid="project-history-remaining">{move || history.with(|h| h.remaining.clone())}</p>
            {move || history.with(|h| h.carried.clone()).map(|c| view! { <p class="carried" data-testid="project-history-carried">{c}</p> })}
            <Show when=has_months fallback=move || view! { <p class="muted">{move || t(Text::HistoryNoActuals)}</p> }>
                <ReportTable testid="project-history-months" table=months />
            </Show>
            <h4>{move || t(Text::HistoryChanges)}</h4>
            <ul data-testid="project-history-changes">
                {move || {
                    let changes = history.with(|h| h.changes.clone());
                    if changes.is_empty() {
                        view! { <li class="muted">{t(Text::HistoryNoChanges)}</li> }.into_any()
                    } else {
                        changes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view().into_any()
                    }
                }}
            </ul>
        </section>
    }
}
