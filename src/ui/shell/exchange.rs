//! A colleague's plan file or a county's list compared with the open plan, and the rows the
//! planner accepts taken in as one undoable step.

use leptos::prelude::*;

use crate::calc::model::Project;
use crate::document::plan::Plan;
use crate::exchange::format::{ImportError, Imported, MAX_IMPORT_BYTES};
use crate::exchange::merge::{relation, Comparison};
use crate::exchange::submission::{submission, Received};
use crate::ui::shell::files;
use crate::ui::shell::state::{local_minute, Proposal, ProposalKind, Tab};
use crate::ui::shell::sync::Session;

/// Reads a whole file to import, or says why not in the import banner (which it clears first).
pub(crate) async fn read(session: Session, file: &web_sys::File) -> Option<Vec<u8>> {
    let store = session.store();
    store.import_error.set(None);
    match files::read_bytes(file.clone(), MAX_IMPORT_BYTES).await {
        Ok(bytes) => Some(bytes),
        Err(size) => {
            let lang = store.lang.get_untracked();
            store
                .import_error
                .set(Some(ImportError::TooLarge { bytes: size }.message(lang)));
            None
        }
    }
}

/// A plan file read and checked by the worker as an import is: the plan with its unknown
/// fields, or the message saying why not (empty when the planner cancelled the reading).
pub(crate) async fn read_plan_file(
    store: crate::ui::shell::state::Store,
    bytes: &[u8],
    name: &str,
) -> Result<Imported, String> {
    crate::ui::shell::worker::read_plan(
        store.worker_loading,
        store.reading,
        store.lang.get_untracked(),
        bytes,
        name,
    )
    .await
}

/// A colleague's plan file, checked as an import is, then compared with the open plan.
pub fn compare_file(session: Session, file: web_sys::File) {
    leptos::task::spawn_local(async move {
        let Some(bytes) = read(session, &file).await else {
            return;
        };
        let store = session.store();
        match read_plan_file(store, &bytes, &file.name()).await {
            Ok(imported) => propose_merge(session, imported.plan, file.name()),
            Err(e) if e.is_empty() => {}
            Err(e) => store.import_error.set(Some(e)),
        }
    });
}

/// Compares `theirs` with the open plan: three-way when the revision it was derived from is
/// kept here, else two-way. Nothing changes until the planner accepts.
pub fn propose_merge(session: Session, theirs: Plan, file: String) {
    let store = session.store();
    let ours = store.plan.get_untracked();
    let named = theirs.provenance.derived_from.clone();
    let base = named.as_deref().and_then(|rev| session.revision(rev));
    let proposal = Proposal {
        base: named.map(|rev| (rev, base.is_some())),
        relation: relation(&ours, &theirs),
        from: theirs.provenance.prepared_by.label(),
        file,
        kind: ProposalKind::Merge,
        comparison: Comparison::new(base, ours, theirs),
    };
    // Shown in the next turn: reading and comparing a large file, and drawing its change list,
    // are each a task of their own (together they held the page over 100 ms).
    leptos::task::spawn_local(async move {
        crate::ui::shell::turns::next_turn().await;
        store.proposal.set(Some(proposal));
        store.tab.set(Tab::Team);
    });
}

/// A county's file (a plan document or a project-list CSV) as that county's submission.
pub fn submission_file(session: Session, district: String, file: web_sys::File) {
    leptos::task::spawn_local(async move {
        let Some(bytes) = read(session, &file).await else {
            return;
        };
        let store = session.store();
        let lang = store.lang.get_untracked();
        let ours = store.plan.get_untracked();
        let name = file.name();
        let (projects, by, stock) = match projects_in(store, ours.clone(), &bytes, &name).await {
            Ok(read) => read,
            Err(message) => return store.import_error.set(Some(message)),
        };
        let received = Received {
            at: local_minute(),
            by,
            file: name.clone(),
            stock,
        };
        match submission(&ours, &district, projects, received) {
            Ok(comparison) => store.proposal.set(Some(Proposal {
                base: None,
                relation: crate::exchange::merge::Relation::Copy,
                from: district.clone(),
                file: name,
                kind: ProposalKind::Submission { district },
                comparison,
            })),
            Err(problems) => store
                .import_error
                .set(Some(crate::exchange::format::summarize(
                    problems.iter().map(|p| p.message(lang)),
                    lang,
                ))),
        }
    });
}

/// The projects of a county's file, who prepared it and its housing stock: a plan document by
/// its content, else a project list (CSV or Excel, read by the worker; no stock); the same
/// checks and messages as importing either.
async fn projects_in(
    store: crate::ui::shell::state::Store,
    ours: Plan,
    bytes: &[u8],
    name: &str,
) -> Result<
    (
        Vec<Project>,
        String,
        Option<crate::calc::housing::HousingStock>,
    ),
    String,
> {
    let json = name.to_lowercase().ends_with(".json") || bytes.trim_ascii_start().starts_with(b"{");
    let lang = store.lang.get_untracked();
    if json {
        let imported = read_plan_file(store, bytes, name).await?;
        let by = imported.plan.provenance.prepared_by.label();
        return Ok((imported.plan.projects, by, Some(imported.plan.housing)));
    }
    crate::ui::shell::worker::read_project_list(
        store.worker_loading,
        store.reading,
        lang,
        ours,
        bytes,
        name,
    )
    .await
    .map(|projects| (projects, String::new(), None))
}

/// Takes the rows where `take[i]` holds as one step (undone as one). Refused (a rule the
/// merged plan would break): the message says which, and nothing changes.
pub fn accept(session: Session, take: &[bool]) -> Result<(), String> {
    let store = session.store();
    let lang = store.lang.get_untracked();
    let Some(p) = store.proposal.get_untracked() else {
        return Ok(());
    };
    let edit = match &p.kind {
        ProposalKind::Merge => p.comparison.edit(take),
        ProposalKind::Submission { .. } => p.comparison.submission_edit(take),
    };
    if let Some(edit) = edit {
        store.dispatch(edit).map_err(|r| r.message(lang))?;
    }
    if p.kind == ProposalKind::Merge {
        // What was taken is now shared with the sender: their next file can merge three-way.
        let theirs = &p.comparison.theirs;
        let rev = session.keep_revision(theirs);
        store.plan.update(|plan| {
            plan.provenance.log = plan.provenance.merged_log(&theirs.provenance.log);
            plan.provenance.derived_from = Some(rev);
        });
    }
    store.proposal.set(None);
    Ok(())
}
