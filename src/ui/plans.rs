//! The plan bar: the plan list (open, new, rename, duplicate, delete), export and import, and
//! the messages about storage, conflicts and imports.

use leptos::prelude::*;

use super::state::t;
use super::sync::Session;
use super::transfer::{self, ImportChoice};
use crate::i18n::Text;

/// What the project-list import accepts: CSV and Excel workbooks.
const PROJECT_LIST_FILES: &str =
    ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/// A county's submission: its plan JSON or its project list.
pub const SUBMISSION_FILES: &str = ".json,.csv,.xlsx,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

#[component]
pub fn PlanBar() -> impl IntoView {
    let session = expect_context::<Session>();
    let store = session.store();
    let rename = move |_| {
        let current = store.plan.with_untracked(|p| p.name.clone());
        let answer = window()
            .prompt_with_message_and_default(t(Text::RenamePrompt), &current)
            .ok()
            .flatten();
        if let Some(name) = answer
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty())
        {
            let _ = store.dispatch(crate::edit::Edit::RenamePlan { name });
        }
    };
    let delete = move |_| {
        let name = store.plan.with_untracked(|p| p.name.clone());
        let ok = window()
            .confirm_with_message(&format!("{}「{name}」？", t(Text::DeleteConfirm)))
            .unwrap_or(false);
        if ok {
            session.delete_current();
        }
    };
    view! {
        <div class="plan-bar">
            <label class="field compact">
                <span class="label">{move || t(Text::PlanLabel)}</span>
                <select
                    data-testid="plan-list"
                    on:change=move |ev| session.open(&event_target_value(&ev))
                >
                    {move || {
                        let current = store.plan.with(|p| p.id.clone());
                        store
                            .plans
                            .get()
                            .into_iter()
                            .map(|m| {
                                let selected = m.id == current;
                                view! { <option value=m.id.clone() selected=selected>{m.name}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
            <button type="button" data-testid="new-plan" on:click=move |_| session.new_plan()>
                {move || t(Text::NewPlan)}
            </button>
            <button type="button" data-testid="rename-plan" on:click=rename>{move || t(Text::RenamePlan)}</button>
            <button type="button" data-testid="duplicate-plan" on:click=move |_| session.duplicate_plan()>
                {move || t(Text::DuplicatePlan)}
            </button>
            <button type="button" data-testid="delete-plan" on:click=delete>{move || t(Text::DeletePlan)}</button>
            <span class="sep"></span>
            <button type="button" data-testid="export-plan" on:click=move |_| transfer::export_plan(session)>
                {move || t(Text::ExportPlan)}
            </button>
            {file_button(session, Text::ImportPlan, ".json,application/json", "import-plan", transfer::import_plan)}
            {file_button(session, Text::ImportCsv, PROJECT_LIST_FILES, "import-csv", transfer::import_csv)}
            <button type="button" data-testid="export-projects-csv" on:click=move |_| transfer::export_csv(session, false)>
                {move || t(Text::ExportProjectsCsv)}
            </button>
            <button type="button" data-testid="export-yearly-csv" on:click=move |_| transfer::export_csv(session, true)>
                {move || t(Text::ExportYearlyCsv)}
            </button>
            <button type="button" data-testid="export-xlsx" on:click=move |_| transfer::export_xlsx(session)>
                {move || t(Text::ExportXlsx)}
            </button>
            <button type="button" data-testid="download-template" on:click=move |_| transfer::download_template(session)>
                {move || t(Text::DownloadTemplate)}
            </button>
            <button type="button" data-testid="print-report" on:click=move |_| session.store().tab.set(super::state::Tab::Report)>
                {move || t(Text::PrintReport)}
            </button>
        </div>
        <Show when=move || store.import_error.with(Option::is_some)>
            <div class="banner error" role="alert" data-testid="import-error">
                {move || store.import_error.get().unwrap_or_default()}
                " "
                <button type="button" on:click=move |_| store.import_error.set(None)>{move || t(Text::Close)}</button>
            </div>
        </Show>
        <Show when=move || store.pending_import.with(Option::is_some)>
            <div class="banner info" role="alert" data-testid="import-choice">
                {move || t(Text::ImportSameId)} " "
                <button type="button" data-testid="import-merge" on:click=move |_| transfer::resolve_import(session, ImportChoice::Compare)>
                    {move || t(Text::ImportCompare)}
                </button>
                <button type="button" data-testid="import-replace" on:click=move |_| transfer::resolve_import(session, ImportChoice::Replace)>
                    {move || t(Text::ImportReplace)}
                </button>
                <button type="button" data-testid="import-keep-both" on:click=move |_| transfer::resolve_import(session, ImportChoice::KeepBoth)>
                    {move || t(Text::ImportKeepBoth)}
                </button>
            </div>
        </Show>
        <Show when=move || store.conflict.get()>
            <div class="banner warning" role="alert" data-testid="conflict-warning">
                {move || t(Text::ConflictWarning)} " "
                <button type="button" data-testid="reload-stored" on:click=move |_| session.reload_stored()>
                    {move || t(Text::ReloadStored)}
                </button>
            </div>
        </Show>
        <Show when=move || store.read_only.get()>
            <div class="banner warning" role="status" data-testid="read-only">{move || t(Text::ReadOnly)}</div>
        </Show>
        <Show when=move || store.notice.with(Option::is_some)>
            <div class="banner info" role="status" data-testid="notice">
                {move || store.notice.get().map(t)}
            </div>
        </Show>
    }
}

/// A button that picks a file and hands it to `on_file`.
pub fn file_button(
    session: Session,
    label: Text,
    accept: &'static str,
    testid: &'static str,
    on_file: impl Fn(Session, web_sys::File) + 'static,
) -> impl IntoView {
    view! {
        <label class="button">
            {move || t(label)}
            <input
                type="file"
                accept=accept
                data-testid=testid
                on:change=move |ev: leptos::ev::Event| {
                    let input: web_sys::HtmlInputElement = event_target(&ev);
                    if let Some(file) = input.files().and_then(|f| f.get(0)) {
                        on_file(session, file);
                    }
                    // The same file can be chosen again after fixing it.
                    input.set_value("");
                }
            />
        </label>
    }
}

/// Drop handler for the whole page: a dropped file is imported like a picked one.
pub fn on_drop(session: Session, ev: leptos::ev::DragEvent) {
    if let Some(file) = super::files::dropped(&ev) {
        transfer::import_plan(session, file);
    }
}
