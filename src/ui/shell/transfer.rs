//! Plans in and out as files: the plan as JSON, the project list and yearly results as CSV, the
//! workbooks (made and read by the worker).

// Files are reached only through `files`, storage only through the session.

use leptos::prelude::*;

use crate::document::edit::{BatchKind, Edit};
use crate::exchange::format::{encode, ImportError, MAX_IMPORT_BYTES};
use crate::exchange::jobs::{Job, Outcome};
use crate::present::report::export_file_name;
use crate::ui::shell::files;
use crate::ui::shell::sync::Session;
use crate::ui::shell::worker::{self, Stopped};
use crate::words::i18n::Text;

/// The plan as a file. The file names the revision it was derived from (the last one shared);
/// from now on the open plan shares this content with whoever gets the file, so it is kept and
/// named as the plan's revision: a file they send back can then be merged three-way.
pub fn export_plan(session: Session) {
    let store = session.store();
    let plan = store.plan.get_untracked();
    let name = export_file_name(&plan.name, &files::today(), "json");
    if let Err(e) = files::download(&name, "application/json", &encode(&plan)) {
        store.storage_warning.set(Some(
            Text::ErrExport.fill(store.lang.get_untracked(), &[&e]),
        ));
        return;
    }
    let rev = session.keep_revision(&plan);
    if plan.provenance.derived_from.as_deref() != Some(rev.as_str()) {
        store.plan.update(|p| p.provenance.derived_from = Some(rev));
    }
}

/// Whether the open plan may give way to `to` in this page: when storage refused its latest
/// edits the planner is asked first — export it (then go on), discard them, or stay.
pub fn may_leave(session: Session, to: &str) -> bool {
    if !session.unsaved() {
        return true;
    }
    let lang = session.store().lang.get_untracked();
    let name = session.store().plan.with_untracked(|p| p.name.clone());
    let ask = |text: String| window().confirm_with_message(&text).unwrap_or(false);
    if ask(Text::UnsavedExportFirst.fill(lang, &[&name])) {
        export_plan(session);
        return true;
    }
    ask(Text::UnsavedDiscard.fill(lang, &[&name, &to]))
}

/// A plan taken from a file shares its content with the sender: kept, and named as its revision.
fn rebased(session: Session, mut plan: crate::document::plan::Plan) -> crate::document::plan::Plan {
    plan.provenance.derived_from = Some(session.keep_revision(&plan));
    plan
}

/// The project list (`yearly == false`, written by the worker) or the yearly results as a CSV
/// download.
pub fn export_csv(session: Session, yearly: bool) {
    let store = session.store();
    let lang = store.lang.get_untracked();
    if !yearly {
        let job = Job::ProjectCsv {
            view: store.view.get_untracked(),
            lang,
        };
        let name = table_file_name(store, Text::ProjectsFileName, "csv");
        return download_made(store, job, name, CSV_MIME);
    }
    let text = store.results.with_untracked(|r| {
        format!(
            "{}{}",
            crate::present::report::BOM,
            crate::present::report::yearly_csv(r, lang)
        )
    });
    let name = table_file_name(store, Text::YearlyFileName, "csv");
    let _ = files::download(&name, CSV_MIME, &text);
}

const CSV_MIME: &str = "text/csv;charset=utf-8";

/// Checks the whole file first; on any problem nothing is stored and the message says why.
pub fn import_plan(session: Session, file: web_sys::File) {
    let store = session.store();
    store.import_error.set(None);
    leptos::task::spawn_local(async move {
        let lang = store.lang.get_untracked();
        let name = file.name();
        let result = match files::read_bytes(file, MAX_IMPORT_BYTES).await {
            Ok(bytes) => crate::ui::shell::exchange::read_plan_file(store, &bytes, &name).await,
            Err(size) => Err(ImportError::TooLarge { bytes: size }.message(lang)),
        };
        let plan = match result {
            // Cancelled while the worker read it: nothing to say.
            Err(e) if e.is_empty() => return,
            Err(e) => return store.import_error.set(Some(e)),
            Ok(imported) => {
                // Fields this version does not know are dropped: the planner acknowledges it.
                if !imported.unknown_fields.is_empty() {
                    let message = Text::WarnUnknownFields.fill(
                        lang,
                        &[&imported.unknown_fields.join(Text::ListSeparator.tr(lang))],
                    );
                    let ok = window().confirm_with_message(&message).unwrap_or(false);
                    if !ok {
                        return;
                    }
                }
                imported.plan
            }
        };
        if session.is_listed(&plan.id) {
            store.pending_import.set(Some(plan));
        } else if may_leave(session, &plan.name) {
            session.add_and_open(rebased(session, plan));
        }
    });
}

/// What to do with an imported plan whose id exists.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ImportChoice {
    Replace,
    KeepBoth,
    /// Compare it with the open plan and take its changes row by row.
    Compare,
}

pub fn resolve_import(session: Session, choice: ImportChoice) {
    let store = session.store();
    let Some(mut plan) = store.pending_import.get_untracked() else {
        return;
    };
    store.pending_import.set(None);
    match choice {
        ImportChoice::Replace => session.replace_stored(rebased(session, plan)),
        ImportChoice::KeepBoth => {
            let suffix = Text::ImportedSuffix.tr(store.lang.get_untracked());
            plan.name = format!("{}{suffix}", plan.name);
            session.add_and_open(rebased(session, plan));
        }
        ImportChoice::Compare => {
            crate::ui::shell::exchange::propose_merge(session, plan, String::new())
        }
    }
}

/// Takes the projects of a project-list file (CSV or Excel) into the open plan, all or none,
/// as one undoable step: a row with the id of a project in the plan replaces it (an exported
/// list edited and sent back), the others are added. The worker reads the file.
pub fn import_csv(session: Session, file: web_sys::File) {
    let store = session.store();
    let file_name = file.name();
    leptos::task::spawn_local(async move {
        let lang = store.lang.get_untracked();
        let Some(bytes) = crate::ui::shell::exchange::read(session, &file).await else {
            return;
        };
        let view = store.view.get_untracked();
        let read = worker::read_project_list(
            store.worker_loading,
            store.reading,
            lang,
            view,
            &bytes,
            &file_name,
        )
        .await;
        let outcome = read.and_then(|projects| {
            let edit = store.view.with_untracked(|p| import_edit(p, projects));
            store.dispatch(edit).map_err(|refused| {
                // The message names the file's kind: a workbook is not called a CSV.
                crate::exchange::workbook::refusal_message(
                    &bytes,
                    &file_name,
                    refused.0.iter().map(|i| i.message(lang)).collect(),
                    lang,
                )
            })
        });
        if let Err(message) = outcome {
            store.import_error.set(Some(message));
        }
    });
}

/// A file name for a table of the open plan: the plan, the active scenario if any, `what`.
fn table_file_name(store: crate::ui::shell::state::Store, what: Text, extension: &str) -> String {
    let lang = store.lang.get_untracked();
    let name = store.plan.with_untracked(|p| p.name.clone());
    let base = match store.active_scenario_name() {
        Some(s) => format!("{name}-{s}-{}", what.tr(lang)),
        None => format!("{name}-{}", what.tr(lang)),
    };
    export_file_name(&base, &files::today(), extension)
}

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The open plan as an Excel workbook (the active scenario's tables, and 方案对比), made by
/// the worker.
pub fn export_xlsx(session: Session) {
    let store = session.store();
    let lang = store.lang.get_untracked();
    let job = Job::Workbook {
        doc: store.plan.get_untracked(),
        active: store.active_id(),
        lang,
    };
    let name = table_file_name(store, Text::WorkbookFileName, "xlsx");
    download_made(store, job, name, XLSX_MIME);
}

/// The blank project list a county office fills in, made by the worker.
pub fn download_template(session: Session) {
    let store = session.store();
    let lang = store.lang.get_untracked();
    let job = Job::Template {
        doc: store.plan.get_untracked(),
        lang,
    };
    let name = export_file_name(Text::TemplateFileName.tr(lang), &files::today(), "xlsx");
    download_made(store, job, name, XLSX_MIME);
}

/// `district`'s progress template for the month on the 进度 page, made by the worker from the
/// document's base (the actuals are the base's).
pub fn download_progress_template(session: Session, district: String) {
    let store = session.store();
    let lang = store.lang.get_untracked();
    let month = store.progress_month.get_untracked();
    let what = Text::ProgressTemplateFile.fill(lang, &[&district, &month.label(lang)]);
    let job = Job::ProgressTemplate {
        doc: store.plan.get_untracked(),
        district,
        month,
        lang,
    };
    download_workbook(store, job, &what);
}

/// The housing stock (房源库) as a workbook, filled in: the template a housing bureau completes.
pub fn download_stock(session: Session) {
    let store = session.store();
    let lang = store.lang.get_untracked();
    let job = Job::StockWorkbook {
        stock: store.plan.with_untracked(|p| p.housing.clone()),
        lang,
    };
    let name = export_file_name(Text::NavHousing.tr(lang), &files::today(), "xlsx");
    download_made(store, job, name, XLSX_MIME);
}

/// A stock workbook taken as the plan's stock in one undoable step, or refused whole with
/// every problem named (the plan unchanged). `done` hears what was taken.
pub fn import_stock(session: Session, file: web_sys::File, done: impl Fn(String) + 'static) {
    let store = session.store();
    let file_name = file.name();
    leptos::task::spawn_local(async move {
        let lang = store.lang.get_untracked();
        let Some(bytes) = crate::ui::shell::exchange::read(session, &file).await else {
            return;
        };
        let outcome = worker::read_stock(
            store.worker_loading,
            store.reading,
            lang,
            &bytes,
            &file_name,
        )
        .await
        .and_then(|stock| {
            let said = Text::StockImported.fill(
                lang,
                &[
                    &stock.listings.len(),
                    &stock.offers.len(),
                    &stock.sales.len(),
                ],
            );
            store
                .dispatch(crate::document::edit::Edit::SetHousingStock {
                    stock: Box::new(stock),
                })
                .map_err(|r| r.message(lang))?;
            Ok(said)
        });
        match outcome {
            Ok(said) => done(said),
            Err(message) if message.is_empty() => {}
            Err(message) => store.import_error.set(Some(message)),
        }
    });
}

/// The month's progress report as a workbook.
pub fn export_progress_report(session: Session) {
    let store = session.store();
    let lang = store.lang.get_untracked();
    let month = store.progress_month.get_untracked();
    let name = store.plan.with_untracked(|p| p.name.clone());
    let what = Text::MonthlyReportTitle.fill(lang, &[&name, &month.label(lang)]);
    let job = Job::ProgressWorkbook {
        view: store.view.get_untracked(),
        month,
        lang,
    };
    download_workbook(store, job, &what);
}

/// The 考核 paper as a workbook.
pub fn export_assessment(session: Session, of: crate::ui::shell::state::AssessmentPaperOf) {
    let store = session.store();
    let lang = store.lang.get_untracked();
    let name = store.plan.with_untracked(|p| p.name.clone());
    let what = crate::present::assessment::title(&name, of.period, lang);
    let job = Job::AssessmentWorkbook {
        view: store.view.get_untracked(),
        period: of.period,
        month: of.month,
        who: of.who,
        lang,
    };
    download_workbook(store, job, &what);
}

/// A county's filled-in progress file taken into the plan as one undoable step with its
/// receipt, or refused whole with every bad row named (the plan unchanged). The worker reads
/// it; the 进度 page then shows the file's month.
pub fn import_progress(session: Session, file: web_sys::File) {
    let store = session.store();
    let file_name = file.name();
    leptos::task::spawn_local(async move {
        let lang = store.lang.get_untracked();
        let Some(bytes) = crate::ui::shell::exchange::read(session, &file).await else {
            return;
        };
        let doc = store.plan.get_untracked();
        let outcome = worker::read_progress(
            store.worker_loading,
            store.reading,
            lang,
            doc,
            crate::ui::shell::state::today(),
            &bytes,
            &file_name,
        )
        .await
        .and_then(|read| {
            let at = crate::ui::shell::state::local_minute();
            let edit = store.plan.with_untracked(|p| read.edit(p, &at, &file_name));
            store.dispatch(edit).map_err(|refused| {
                let listed = crate::exchange::format::summarize(
                    refused.0.iter().map(|i| i.message(lang)),
                    lang,
                );
                Text::ErrProgressFile.fill(lang, &[&listed])
            })?;
            Ok(read.month)
        });
        match outcome {
            Ok(month) => store.progress_month.set(month),
            Err(message) if message.is_empty() => {}
            Err(message) => store.import_error.set(Some(message)),
        }
    });
}

/// Downloads the file `job` makes (a workbook, a CSV) as `name`; what went wrong is shown,
/// nothing changes.
/// A workbook made by the worker, saved as `what` and today's date.
fn download_workbook(store: crate::ui::shell::state::Store, job: Job, what: &str) {
    download_made(
        store,
        job,
        export_file_name(what, &files::today(), "xlsx"),
        XLSX_MIME,
    );
}

fn download_made(
    store: crate::ui::shell::state::Store,
    job: Job,
    name: String,
    mime: &'static str,
) {
    let lang = store.lang.get_untracked();
    let (_, finished) = worker::run(store.worker_loading, lang, &job, Vec::new(), |_| {});
    leptos::task::spawn_local(async move {
        let result = match finished.await {
            Ok((Outcome::File { error: None }, bytes)) => {
                files::download_bytes(&name, mime, &bytes)
            }
            Ok((Outcome::File { error: Some(e) }, _)) => Err(e),
            Ok(_) | Err(Stopped::Cancelled) => Ok(()),
            Err(Stopped::Failed(message)) => {
                store.storage_warning.set(Some(message));
                Ok(())
            }
        };
        if let Err(e) = result {
            store
                .storage_warning
                .set(Some(Text::ErrExport.fill(lang, &[&e])));
        }
    });
}

/// The one step that takes `projects` into `plan`.
fn import_edit(
    plan: &crate::document::plan::Plan,
    projects: Vec<crate::calc::model::Project>,
) -> Edit {
    let edits = projects
        .into_iter()
        .map(|p| {
            if plan.projects.iter().any(|x| x.id == p.id) {
                Edit::ReplaceProject {
                    project: Box::new(p),
                }
            } else {
                Edit::AddProject {
                    index: usize::MAX,
                    project: Box::new(p),
                }
            }
        })
        .collect();
    Edit::Batch {
        kind: BatchKind::ImportProjects,
        edits,
    }
}
