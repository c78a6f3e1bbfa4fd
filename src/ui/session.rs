//! The open plan's life in this tab: which plan is open, debounced autosave with conflict
//! detection, other tabs' changes, switching, creating, renaming, duplicating, deleting,
//! importing and exporting plans. Storage itself is reached only through `storage::BrowserStore`.

use std::cell::RefCell;
use std::time::Duration;

use leptos::prelude::*;

use super::storage::BrowserStore;
use super::{files, Store};
use crate::demo::demo_plan;
use crate::format::{encode, import, ImportError, MAX_IMPORT_BYTES};
use crate::i18n::Text;
use crate::library::{
    self, load, plan_key, read_index, save, set_last_opened, unused_id, KeyValue, Loaded, PlanMeta,
    SaveError,
};
use crate::model::Plan;
use crate::report::export_file_name;

struct Session {
    kv: BrowserStore,
    /// The stored text as we last read or wrote it; a different stored text means another tab wrote.
    last_raw: Option<String>,
    /// Autosave is off: a newer-version plan, or a conflict with another tab.
    paused: bool,
    /// The last save failed (its message is in the banner until a save succeeds).
    save_failed: bool,
    pending: Option<TimeoutHandle>,
}

thread_local! {
    static SESSION: RefCell<Option<Session>> = const { RefCell::new(None) };
}

fn with_session<R>(f: impl FnOnce(&mut Session) -> R) -> R {
    SESSION.with(|s| f(s.borrow_mut().as_mut().expect("session started")))
}

/// What the app opens with.
pub struct Startup {
    pub plan: Plan,
    pub plans: Vec<PlanMeta>,
    pub read_only: bool,
    pub warnings: Vec<String>,
}

fn fresh_id(kv: &BrowserStore, base: &str) -> String {
    let index = read_index(kv).unwrap_or_default();
    let mut id = unused_id(&index, base);
    let mut n = 2;
    // A key holding an unreadable plan is not free either.
    while kv.get(&plan_key(&id)).ok().flatten().is_some() {
        id = format!("{base}-x{n}");
        n += 1;
    }
    id
}

pub fn start() -> Startup {
    let lang = super::storage::load_lang();
    let mut kv = BrowserStore::open();
    let mut warnings = Vec::new();
    if kv.is_memory() {
        warnings.push(crate::library::StoreError::Unavailable.message(lang));
    }
    let index = read_index(&kv).unwrap_or_default();
    let mut order: Vec<&PlanMeta> = index.plans.iter().collect();
    if let Some(last) = &index.last_opened {
        order.sort_by_key(|m| m.id != *last);
    }
    let mut opened = None;
    for meta in order {
        match load(&mut kv, &meta.id) {
            Ok(Loaded::Ready { plan, raw }) => {
                opened = Some((plan, Some(raw), false));
                break;
            }
            Ok(Loaded::ReadOnly { plan, version }) => {
                warnings.push(Text::WarnReadOnly.fill(lang, &[&meta.name, &version]));
                opened = Some((plan, None, true));
                break;
            }
            Ok(Loaded::Unreadable { error, backed_up }) => warnings.push(
                Text::WarnUnreadable.fill(
                    lang,
                    &[
                        &meta.name,
                        &error.message(lang),
                        &if backed_up {
                            Text::BackedUp
                        } else {
                            Text::KeptAsIs
                        }
                        .tr(lang),
                    ],
                ),
            ),
            Ok(Loaded::Missing) => {}
            Err(e) => warnings.push(e.message(lang)),
        }
    }
    let (plan, last_raw, read_only) = match opened {
        Some(o) => o,
        None => {
            let mut plan = demo_plan();
            plan.id = fresh_id(&kv, &plan.id);
            let raw = match save(&mut kv, &plan, None) {
                Ok(raw) => Some(raw),
                Err(SaveError::Store(e)) => {
                    warnings.push(e.message(lang));
                    None
                }
                Err(SaveError::Conflict) => None,
            };
            (plan, raw, false)
        }
    };
    let _ = set_last_opened(&mut kv, &plan.id);
    let plans = read_index(&kv).map(|i| i.plans).unwrap_or_default();
    SESSION.with(|s| {
        *s.borrow_mut() = Some(Session {
            kv,
            last_raw,
            paused: read_only,
            save_failed: false,
            pending: None,
        })
    });
    Startup {
        plan,
        plans,
        read_only,
        warnings,
    }
}

fn refresh_list(store: &Store) {
    let plans = with_session(|s| read_index(&s.kv).map(|i| i.plans).unwrap_or_default());
    store.plans.set(plans);
}

/// Saves now (if anything is pending or `force`), reporting problems in the banner.
pub fn flush(store: &Store) {
    let plan = store.plan.get_untracked();
    let lang = store.lang.get_untracked();
    let outcome = with_session(|s| {
        if let Some(h) = s.pending.take() {
            h.clear();
        }
        if s.paused {
            return None;
        }
        let expected = s.last_raw.clone();
        Some(match save(&mut s.kv, &plan, expected.as_deref()) {
            Ok(raw) => {
                s.last_raw = Some(raw);
                Ok(std::mem::take(&mut s.save_failed))
            }
            Err(SaveError::Conflict) => {
                s.paused = true;
                Err(None)
            }
            Err(SaveError::Store(e)) => {
                s.save_failed = true;
                Err(Some(e.message(lang)))
            }
        })
    });
    match outcome {
        Some(Ok(recovered)) => {
            if recovered {
                store.storage_warning.set(None);
            }
            refresh_list(store);
        }
        Some(Err(None)) => store.conflict.set(true),
        Some(Err(Some(message))) => store.storage_warning.set(Some(message)),
        None => {}
    }
}

/// Called on every plan change: saves 400 ms after the last change.
pub fn schedule_save(store: Store) {
    let paused = with_session(|s| {
        if let Some(h) = s.pending.take() {
            h.clear();
        }
        s.paused
    });
    if paused {
        return;
    }
    let handle = set_timeout_with_handle(move || flush(&store), Duration::from_millis(400)).ok();
    with_session(|s| s.pending = handle);
}

/// Another tab wrote to storage.
pub fn on_storage_event(store: Store, key: Option<String>, new_value: Option<String>) {
    let current = store.plan.with_untracked(|p| p.id.clone());
    if key.as_deref() == Some(library::INDEX_KEY) {
        refresh_list(&store);
    }
    if key.as_deref() != Some(plan_key(&current).as_str()) {
        return;
    }
    let (pending, same) = with_session(|s| (s.pending.is_some(), s.last_raw == new_value));
    if same {
        return;
    }
    let theirs = new_value
        .as_deref()
        .and_then(|t| crate::format::decode(t).ok());
    match theirs {
        // No unsaved edit here: take theirs, so neither tab overwrites the other.
        Some(plan) if !pending => {
            with_session(|s| s.last_raw = new_value.clone());
            store.replace_plan(plan);
            store.notice.set(Some(Text::ReloadedFromOtherTab));
        }
        _ => {
            with_session(|s| s.paused = true);
            store.conflict.set(true);
        }
    }
}

/// After a conflict: drop this tab's unsaved edits and load what is stored.
pub fn reload_stored(store: Store) {
    let id = store.plan.with_untracked(|p| p.id.clone());
    open(store, &id);
}

/// Reads a stored plan without opening it (for comparison).
pub fn peek(id: &str) -> Option<Plan> {
    match with_session(|s| load(&mut s.kv, id)) {
        Ok(Loaded::Ready { plan, .. }) | Ok(Loaded::ReadOnly { plan, .. }) => Some(plan),
        _ => None,
    }
}

/// Opens a stored plan (saving the current one first).
pub fn open(store: Store, id: &str) {
    flush(&store);
    let loaded = with_session(|s| load(&mut s.kv, id));
    let (plan, raw, read_only) = match loaded {
        Ok(Loaded::Ready { plan, raw }) => (plan, Some(raw), false),
        Ok(Loaded::ReadOnly { plan, .. }) => (plan, None, true),
        Ok(Loaded::Unreadable { error, .. }) => {
            store.storage_warning.set(Some(Text::ErrOpen.fill(
                store.lang.get_untracked(),
                &[&error.message(store.lang.get_untracked())],
            )));
            return;
        }
        Ok(Loaded::Missing) => return,
        Err(e) => {
            store
                .storage_warning
                .set(Some(e.message(store.lang.get_untracked())));
            return;
        }
    };
    with_session(|s| {
        s.last_raw = raw;
        s.paused = read_only;
        let _ = set_last_opened(&mut s.kv, id);
    });
    store.read_only.set(read_only);
    store.conflict.set(false);
    store.replace_plan(plan);
}

/// Stores `plan` as a new plan (fresh id if taken) and opens it.
pub fn add_and_open(store: Store, mut plan: Plan) {
    flush(&store);
    let result = with_session(|s| {
        plan.id = fresh_id(&s.kv, &plan.id);
        save(&mut s.kv, &plan, None)
    });
    match result {
        Ok(raw) => {
            let id = plan.id.clone();
            with_session(|s| {
                s.last_raw = Some(raw);
                s.paused = false;
                let _ = set_last_opened(&mut s.kv, &id);
            });
            store.read_only.set(false);
            store.conflict.set(false);
            store.replace_plan(plan);
            refresh_list(&store);
        }
        Err(SaveError::Store(e)) => store
            .storage_warning
            .set(Some(e.message(store.lang.get_untracked()))),
        Err(SaveError::Conflict) => {}
    }
}

pub fn new_plan(store: Store) {
    let demo = demo_plan();
    let plan = Plan {
        id: "plan".into(),
        name: Text::NewPlanName.tr(store.lang.get_untracked()).into(),
        city: demo.city,
        first_year: demo.first_year,
        assumptions: demo.assumptions,
        projects: Vec::new(),
        scenarios: Vec::new(),
    };
    add_and_open(store, plan);
}

pub fn duplicate_plan(store: Store) {
    let mut plan = store.plan.get_untracked();
    plan.name = format!(
        "{}{}",
        plan.name,
        Text::CopySuffix.tr(store.lang.get_untracked())
    );
    add_and_open(store, plan);
}

pub fn delete_current(store: Store) {
    let id = store.plan.with_untracked(|p| p.id.clone());
    let next = with_session(|s| {
        if let Some(h) = s.pending.take() {
            h.clear();
        }
        let _ = library::delete(&mut s.kv, &id);
        s.last_raw = None;
        read_index(&s.kv)
            .ok()
            .and_then(|i| i.plans.first().map(|m| m.id.clone()))
    });
    refresh_list(&store);
    match next {
        Some(next) => {
            with_session(|s| s.paused = true);
            open(store, &next);
        }
        None => add_and_open(store, demo_plan()),
    }
}

pub fn export_current(store: Store) {
    let plan = store.plan.get_untracked();
    let name = export_file_name(&plan.name, &files::today(), "json");
    if let Err(e) = files::download(&name, "application/json", &encode(&plan)) {
        store.storage_warning.set(Some(
            Text::ErrExport.fill(store.lang.get_untracked(), &[&e]),
        ));
    }
}

pub fn export_csv(store: Store, yearly: bool) {
    let (name, text) = store.plan.with_untracked(|plan| {
        store.results.with_untracked(|r| {
            let lang = store.lang.get_untracked();
            if yearly {
                (
                    export_file_name(
                        &format!("{}-{}", plan.name, Text::YearlyFileName.tr(lang)),
                        &files::today(),
                        "csv",
                    ),
                    format!(
                        "{}{}",
                        crate::report::BOM,
                        crate::report::yearly_csv(r, lang)
                    ),
                )
            } else {
                (
                    export_file_name(
                        &format!("{}-{}", plan.name, Text::ProjectsFileName.tr(lang)),
                        &files::today(),
                        "csv",
                    ),
                    crate::report::projects_csv(plan, r, lang),
                )
            }
        })
    });
    let _ = files::download(&name, "text/csv;charset=utf-8", &text);
}

/// Checks the whole file first; on any problem nothing is stored and the message says why.
pub fn import_file(store: Store, file: web_sys::File) {
    store.import_error.set(None);
    leptos::task::spawn_local(async move {
        let result = match files::read_bytes(file, MAX_IMPORT_BYTES).await {
            Ok(bytes) => import(&bytes),
            Err(size) => Err(ImportError::TooLarge { bytes: size }),
        };
        match result {
            Err(e) => store
                .import_error
                .set(Some(e.message(store.lang.get_untracked()))),
            Ok(plan) => {
                let taken = with_session(|s| {
                    read_index(&s.kv).is_ok_and(|i| i.plans.iter().any(|m| m.id == plan.id))
                });
                if taken {
                    store.pending_import.set(Some(plan));
                } else {
                    add_and_open(store, plan);
                }
            }
        }
    });
}

/// The planner chose, for an imported plan whose id exists: replace it, or keep both.
pub fn resolve_import(store: Store, replace: bool) {
    let Some(mut plan) = store.pending_import.get_untracked() else {
        return;
    };
    store.pending_import.set(None);
    if !replace {
        plan.name = format!(
            "{}{}",
            plan.name,
            Text::ImportedSuffix.tr(store.lang.get_untracked())
        );
        add_and_open(store, plan);
        return;
    }
    flush(&store);
    let id = plan.id.clone();
    let result = with_session(|s| {
        let stored = s.kv.get(&plan_key(&id)).ok().flatten();
        save(&mut s.kv, &plan, stored.as_deref())
    });
    match result {
        Ok(_) => open(store, &id),
        Err(SaveError::Store(e)) => store
            .storage_warning
            .set(Some(e.message(store.lang.get_untracked()))),
        Err(SaveError::Conflict) => store.conflict.set(true),
    }
}

/// Adds the projects of a CSV file to the open plan, all or none.
pub fn import_csv(store: Store, file: web_sys::File) {
    store.import_error.set(None);
    leptos::task::spawn_local(async move {
        let text = match files::read_bytes(file, MAX_IMPORT_BYTES).await {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(_) => {
                    store.import_error.set(Some(
                        Text::ErrCsvNotUtf8.tr(store.lang.get_untracked()).into(),
                    ));
                    return;
                }
            },
            Err(size) => {
                store.import_error.set(Some(
                    ImportError::TooLarge { bytes: size }.message(store.lang.get_untracked()),
                ));
                return;
            }
        };
        let lang = store.lang.get_untracked();
        let result = store
            .plan
            .with_untracked(|p| crate::csv_import::projects_from_csv(&text, p, lang));
        match result {
            Ok(projects) => store.plan.update(|p| p.projects.extend(projects)),
            Err(errors) => store.import_error.set(Some(
                Text::ErrCsvRows.fill(lang, &[&crate::format::summarize(errors.into_iter(), lang)]),
            )),
        }
    });
}
