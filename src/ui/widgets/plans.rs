//! The plan and file menus (open, new, rename, duplicate, delete; export and import), and the
//! messages about storage, conflicts and imports.

use leptos::prelude::*;

use crate::ui::shell::state::{ask_name, t};
use crate::ui::shell::sync::Session;
use crate::ui::shell::transfer::{self, ImportChoice};
use crate::ui::widgets::menu::{FileMenuItem, Menu, MenuGroup, MenuItem, MenuRadio, MenuSeparator};
use crate::words::i18n::{Lang, Text};

/// What the project-list import accepts: CSV and Excel workbooks.
const PROJECT_LIST_FILES: &str =
    ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/// A county's submission: its plan JSON or its project list.
/// What a county's progress file is: the template, filled in.
pub const PROGRESS_FILES: &str =
    ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
pub const SUBMISSION_FILES: &str = ".json,.csv,.xlsx,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// What the browser keeps for the app: used and allowed, and whether it promised to keep it.
fn quota_line(session: Session) -> String {
    let lang = session.store().lang.get();
    let Some(q) = session.quota.get() else {
        return String::new();
    };
    let size = crate::words::display::bytes_text;
    let kept = if q.persisted {
        Text::StoragePersisted
    } else {
        Text::StorageBestEffort
    };
    format!(
        "{}{}",
        Text::StorageUsage.fill(lang, &[&size(q.used), &size(q.allowed)]),
        kept.tr(lang)
    )
}

/// The plan and file actions as two menus (方案, 文件), so the header keeps a few buttons.
#[component]
pub fn PlanMenus() -> impl IntoView {
    let session = expect_context::<Session>();
    let store = session.store();
    let rename = move || {
        let current = store.plan.with_untracked(|p| p.name.clone());
        if let Some(name) = ask_name(Text::RenamePrompt, &current) {
            let _ = store.dispatch(crate::document::edit::Edit::RenamePlan { name });
        }
    };
    let delete = move || {
        let name = store.plan.with_untracked(|p| p.name.clone());
        let ok = window()
            .confirm_with_message(&format!("{}「{name}」？", t(Text::DeleteConfirm)))
            .unwrap_or(false);
        if ok {
            session.delete_current();
        }
    };
    let text = |key: Text| Signal::derive(move || t(key).to_string());
    let act = move |f: fn(Session)| Callback::new(move |()| f(session));
    // A new or copied plan replaces the open one in this page: asked first when it has edits
    // storage refused.
    let leaving = move |f: fn(Session), to: fn(&str, Lang) -> String| {
        Callback::new(move |()| {
            let open = store.plan.with_untracked(|p| p.name.clone());
            if transfer::may_leave(session, &to(&open, store.lang.get_untracked())) {
                f(session)
            }
        })
    };
    view! {
        <Menu testid="menu-plan" label=text(Text::PlanMenu)>
            <MenuItem testid="new-plan" label=text(Text::NewPlan) on_select=leaving(|s| s.new_plan(), |_, l| Text::NewPlanName.tr(l).into()) />
            <MenuItem testid="rename-plan" label=text(Text::RenamePlan) on_select=Callback::new(move |()| rename()) />
            <MenuItem testid="duplicate-plan" label=text(Text::DuplicatePlan) on_select=leaving(|s| s.duplicate_plan(), |n, l| format!("{n}{}", Text::CopySuffix.tr(l))) />
            <MenuItem testid="delete-plan" label=text(Text::DeletePlan) on_select=Callback::new(move |()| delete()) />
            <MenuSeparator />
            <MenuGroup testid="plan-list" label=text(Text::PlanListLabel)>
                {move || {
                    store
                        .plans
                        .get()
                        .into_iter()
                        .map(|m| {
                            let id = m.id.clone();
                            let name = m.name.clone();
                            let checked = Signal::derive(move || store.plan.with(|p| p.id == m.id));
                            let open = move |()| {
                                let here = store.plan.with_untracked(|p| p.id == id);
                                if here || transfer::may_leave(session, &name) {
                                    session.open(&id)
                                }
                            };
                            view! {
                                <MenuRadio label=m.name checked=checked on_select=Callback::new(open) />
                            }
                        })
                        .collect_view()
                }}
            </MenuGroup>
            <MenuSeparator />
            <div role="menuitem" aria-disabled="true" tabindex="-1" class="menu-note" data-testid="storage-quota">{move || quota_line(session)}</div>
        </Menu>
        <Menu testid="menu-file" label=text(Text::FileMenu)>
            <MenuItem testid="export-plan" label=text(Text::ExportPlan) on_select=act(transfer::export_plan) />
            <FileMenuItem testid="import-plan" label=text(Text::ImportPlan) accept=".json,application/json"
                on_file=Callback::new(move |f| transfer::import_plan(session, f)) />
            <MenuSeparator />
            <FileMenuItem testid="import-csv" label=text(Text::ImportCsv) accept=PROJECT_LIST_FILES
                on_file=Callback::new(move |f| transfer::import_csv(session, f)) />
            <MenuItem testid="export-projects-csv" label=text(Text::ExportProjectsCsv) on_select=act(|s| transfer::export_csv(s, false)) />
            <MenuItem testid="export-yearly-csv" label=text(Text::ExportYearlyCsv) on_select=act(|s| transfer::export_csv(s, true)) />
            <MenuItem testid="export-xlsx" label=text(Text::ExportXlsx) on_select=act(transfer::export_xlsx) />
            <MenuItem testid="download-template" label=text(Text::DownloadTemplate) on_select=act(transfer::download_template) />
            <MenuSeparator />
            <MenuItem testid="print-report" label=text(Text::PrintReport)
                on_select=act(|s| s.store().tab.set(crate::ui::shell::state::Tab::Report)) />
        </Menu>
    }
}

/// The messages about imports, conflicts, read-only plans and notices, under the header.
#[component]
pub fn PlanBanners() -> impl IntoView {
    let session = expect_context::<Session>();
    let store = session.store();
    view! {
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
        <Show when=move || store.worker_loading.get()>
            <div class="banner info" role="status" data-testid="worker-loading">{move || t(Text::WorkerLoading)}</div>
        </Show>
        <Show when=move || store.reading.with(Option::is_some)>
            <div class="banner info" role="status" data-testid="reading-file">
                {move || Text::ReadingFile.fill(store.lang.get(), &[&store.reading.get().unwrap_or_default()])}
                " "
                <button type="button" data-testid="reading-cancel"
                    on:click=move |_| crate::ui::shell::worker::cancel_read()>{move || t(Text::Cancel)}</button>
            </div>
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
    if let Some(file) = crate::ui::shell::files::dropped(&ev) {
        transfer::import_plan(session, file);
    }
}
