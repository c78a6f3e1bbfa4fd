//! The open plan kept in step with storage: autosave, other tabs, conflicts, opening and switching plans.

use std::time::Duration;

use leptos::prelude::*;

use crate::document::demo::demo_plan;
use crate::document::edit::BatchKind;
use crate::document::plan::Plan;
use crate::exchange::library::{
    self, distinct_name, load, plan_key, read_index, save, set_last_opened, unused_id, KeyValue,
    Loaded, PlanMeta, SaveError,
};
use crate::exchange::merge::{edit_towards, Comparison};
use crate::ui::shell::state::Store;
use crate::ui::shell::storage::{self, BrowserStore, Quota, StoreEvent};
use crate::words::i18n::Text;

/// What this tab knows about storage beyond the plan itself.
pub struct SessionState {
    kv: BrowserStore,
    /// The stored text as we last read or wrote it; a different stored text means another tab wrote.
    last_raw: Option<String>,
    /// Autosave is off: a newer-version plan, or a conflict with another tab.
    paused: bool,
    /// The last save failed (its message is in the banner until a save succeeds).
    save_failed: bool,
    pending: Option<TimeoutHandle>,
}

/// The session handle in Leptos context: the store plus this tab's storage state. Storage is
/// reached only through `storage::BrowserStore`, and only from here.
#[derive(Clone, Copy)]
pub struct Session {
    store: Store,
    state: StoredValue<SessionState, LocalStorage>,
    /// What the browser lets the app keep (shown on the 方案 menu).
    pub quota: RwSignal<Option<Quota>>,
}

/// What the app opens with.
pub struct Startup {
    pub plan: Plan,
    pub plans: Vec<PlanMeta>,
    pub read_only: bool,
    pub warnings: Vec<String>,
    pub state: SessionState,
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

/// The plan to open: the last opened one that can be read, in stored order after it.
fn open_stored(
    kv: &mut BrowserStore,
    warnings: &mut Vec<String>,
) -> Option<(Plan, Option<String>, bool)> {
    let lang = storage::load_lang();
    let index = read_index(kv).unwrap_or_default();
    let mut order: Vec<&PlanMeta> = index.plans.iter().collect();
    if let Some(last) = &index.last_opened {
        crate::words::order::sort_by_key(&mut order, |m| m.id != *last);
    }
    for meta in order {
        match load(kv, &meta.id) {
            Ok(Loaded::Ready { plan, raw }) => return Some((plan, Some(raw), false)),
            Ok(Loaded::ReadOnly { plan, version }) => {
                warnings.push(Text::WarnReadOnly.fill(lang, &[&meta.name, &version]));
                return Some((plan, None, true));
            }
            Ok(Loaded::Unreadable { error, backed_up }) => {
                let kept = if backed_up {
                    Text::BackedUp
                } else {
                    Text::KeptAsIs
                };
                warnings.push(
                    Text::WarnUnreadable
                        .fill(lang, &[&meta.name, &error.message(lang), &kept.tr(lang)]),
                )
            }
            Ok(Loaded::Missing) => {}
            Err(e) => warnings.push(e.message(lang)),
        }
    }
    None
}

/// The plan to start with in the opened storage (the demo, stored as a plan, when none can be
/// read); `problem` is why storage is not IndexedDB.
pub fn start(mut kv: BrowserStore, problem: Option<library::StoreError>) -> Startup {
    let lang = storage::load_lang();
    let mut warnings = Vec::new();
    match problem {
        Some(e @ library::StoreError::Unavailable) => warnings.push(e.message(lang)),
        Some(e) => warnings.push(Text::StoreFellBack.fill(lang, &[&e.message(lang)])),
        None => {}
    }
    let (plan, last_raw, read_only) = match open_stored(&mut kv, &mut warnings) {
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
    Startup {
        plan,
        plans,
        read_only,
        warnings,
        state: SessionState {
            kv,
            last_raw,
            paused: read_only,
            save_failed: false,
            pending: None,
        },
    }
}

impl Session {
    pub fn new(store: Store, state: SessionState) -> Self {
        let session = Session {
            store,
            state: StoredValue::new_local(state),
            quota: RwSignal::new(None),
        };
        session.with(|s| s.kv.on_event(move |e| session.on_store_event(e)));
        leptos::task::spawn_local(async move {
            storage::ask_to_persist().await;
            session.quota.set(storage::quota().await);
        });
        session
    }

    /// Whether this tab holds edits storage did not take (a refused write not yet retried).
    pub fn unsaved(&self) -> bool {
        self.with(|s| s.save_failed)
    }

    pub fn store(&self) -> Store {
        self.store
    }

    fn with<R>(&self, f: impl FnOnce(&mut SessionState) -> R) -> R {
        self.state
            .try_update_value(f)
            .expect("the session lives as long as the app")
    }

    fn lang(&self) -> crate::words::i18n::Lang {
        self.store.lang.get_untracked()
    }

    fn warn(&self, message: String) {
        self.store.storage_warning.set(Some(message));
    }

    /// Autosave on every plan change, a last save when the tab closes, and other tabs' writes.
    /// Lives as long as the calling component.
    pub fn watch(self) {
        Effect::new(move |prev: Option<()>| {
            self.store.plan.track();
            // The first run is the plan just loaded: nothing to save.
            if prev.is_some() {
                self.schedule_save();
            }
        });
        let unload = window_event_listener(leptos::ev::beforeunload, move |e| {
            self.flush();
            // A write under way may not outlive the page: kept where it does.
            self.with(|s| s.kv.rescue());
            // Edits storage refused are only in this page: the browser asks before closing.
            if self.unsaved() {
                e.prevent_default();
                e.set_return_value(Text::UnsavedLeave.tr(self.lang()));
            }
        });
        let other_tabs =
            window_event_listener(leptos::ev::storage, move |e: web_sys::StorageEvent| {
                self.on_storage_event(e.key(), e.new_value(), e.old_value())
            });
        on_cleanup(move || {
            unload.remove();
            other_tabs.remove();
        });
    }

    fn refresh_list(&self) {
        let plans = self.with(|s| read_index(&s.kv).map(|i| i.plans).unwrap_or_default());
        self.store.plans.set(plans);
        let quota = self.quota;
        leptos::task::spawn_local(async move { quota.set(storage::quota().await) });
    }

    /// What storage reported after the page went on.
    fn on_store_event(&self, event: StoreEvent) {
        match event {
            StoreEvent::Refused { key, error } => self.on_refused(&key, error),
            StoreEvent::Stored { key } => self.on_stored(&key),
            StoreEvent::Changed { key, value, base } => {
                self.on_storage_event(Some(key), value, base)
            }
        }
    }

    /// The open plan is stored again after a refusal: the banner goes.
    fn on_stored(&self, key: &str) {
        let id = self.store.plan.with_untracked(|p| p.id.clone());
        if key == plan_key(&id) && self.with(|s| std::mem::take(&mut s.save_failed)) {
            self.store.storage_warning.set(None);
        }
    }

    /// A write storage refused: the key reads as stored again; the planner is told what was
    /// not saved (the open plan's latest edits, a plan added, the plan list) and that what was
    /// saved before is unchanged.
    fn on_refused(&self, key: &str, error: library::StoreError) {
        let lang = self.lang();
        let (id, name) = self
            .store
            .plan
            .with_untracked(|p| (p.id.clone(), p.name.clone()));
        let reason = error.reason(lang);
        self.with(|s| {
            let _ = library::forget_refused(&mut s.kv, key);
        });
        if key == plan_key(&id) {
            let was_stored = self.with(|s| {
                s.last_raw = s.kv.get(key).ok().flatten();
                s.save_failed = true;
                s.last_raw.is_some()
            });
            let text = if was_stored {
                Text::EditsNotSaved
            } else {
                Text::PlanNotSaved
            };
            self.warn(text.fill(lang, &[&name, &reason]));
        } else if !self.with(|s| s.save_failed) {
            self.warn(reason);
        }
        self.refresh_list();
    }

    /// Saves now if autosave is on, reporting problems in the banner.
    pub fn flush(&self) {
        let plan = self.store.plan.get_untracked();
        let lang = self.lang();
        let outcome = self.with(|s| {
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
                    // Written behind, the save is known only when storage confirms it.
                    Ok(!s.kv.writes_behind() && std::mem::take(&mut s.save_failed))
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
                    self.store.storage_warning.set(None);
                }
                self.refresh_list();
            }
            Some(Err(None)) => self.store.conflict.set(true),
            Some(Err(Some(message))) => self.warn(message),
            None => {}
        }
    }

    /// Called on every plan change: saves 400 ms after the last change.
    fn schedule_save(self) {
        let paused = self.with(|s| {
            if let Some(h) = s.pending.take() {
                h.clear();
            }
            s.paused
        });
        if paused {
            return;
        }
        let handle = set_timeout_with_handle(move || self.flush(), Duration::from_millis(400)).ok();
        self.with(|s| s.pending = handle);
    }

    /// Another tab wrote to storage (`base`: what this tab had seen stored before). Changes to
    /// the open plan are merged three-way with this tab's edits: taken as one step (undoable)
    /// when they touch other things, shown for a choice on 协作 when both changed the same.
    fn on_storage_event(&self, key: Option<String>, value: Option<String>, base: Option<String>) {
        let current = self.store.plan.with_untracked(|p| p.id.clone());
        if key.as_deref() == Some(library::INDEX_KEY) {
            self.refresh_list();
        }
        if key.as_deref() != Some(plan_key(&current).as_str()) {
            return;
        }
        let (same, last) = self.with(|s| (s.last_raw == value, s.last_raw.clone()));
        if same || self.with(|s| s.paused) {
            return;
        }
        let decode =
            |t: Option<&str>| t.and_then(|t| crate::exchange::format::decode_stored(t).ok());
        let Some(theirs) = decode(value.as_deref()) else {
            // Deleted or unreadable there: nothing to merge; autosave waits for the planner.
            self.with(|s| s.paused = true);
            return self.store.conflict.set(true);
        };
        let base = decode(base.as_deref()).or_else(|| decode(last.as_deref()));
        let ours = self.store.plan.get_untracked();
        // This tab now builds on what is stored: its next save goes over theirs, merged.
        self.with(|s| {
            s.last_raw = value;
            s.save_failed = false;
        });
        if base.as_ref() == Some(&ours) {
            // Nothing of ours unsaved: theirs, as one step undo takes back.
            if let Some(edit) = edit_towards(&ours, &theirs, BatchKind::Merge) {
                let _ = self.store.dispatch_to_document(edit);
            }
            // Exactly theirs (the parts no edit carries too), so this tab has nothing to save.
            self.store.plan.set(theirs);
            return self.store.notice.set(Some(Text::ReloadedFromOtherTab));
        }
        let log = theirs.provenance.merged_log(&ours.provenance.log);
        let comparison = Comparison::new(base, ours, theirs);
        let all = vec![true; comparison.changes.len()];
        let clean = comparison.changes.iter().all(|c| !c.conflict);
        let taken = clean
            && comparison
                .edit(&all)
                .is_none_or(|edit| self.store.dispatch_to_document(edit).is_ok());
        if taken {
            // Both logs, in theirs' order first, so two tabs agree on one.
            self.store.plan.update(|p| p.provenance.log = log);
            self.store.notice.set(Some(Text::MergedFromOtherTab));
        } else {
            propose_from_other_tab(self.store, comparison);
        }
    }

    /// After a conflict: drop this tab's unsaved edits and load what is stored.
    pub fn reload_stored(&self) {
        let id = self.store.plan.with_untracked(|p| p.id.clone());
        self.open(&id);
    }

    /// Reads a stored plan without opening it (for comparison).
    pub fn peek(&self, id: &str) -> Option<Plan> {
        match self.with(|s| load(&mut s.kv, id)) {
            Ok(Loaded::Ready { plan, .. }) | Ok(Loaded::ReadOnly { plan, .. }) => Some(plan),
            _ => None,
        }
    }

    /// Keeps `plan` as a revision shared with a colleague (for later three-way merges) and
    /// returns it; a revision storage cannot hold is still named, only not kept.
    pub fn keep_revision(&self, plan: &Plan) -> String {
        self.with(|s| library::keep_revision(&mut s.kv, plan))
            .unwrap_or_else(|_| crate::document::plan::revision(plan))
    }

    /// A kept revision, if this browser still has it.
    pub fn revision(&self, rev: &str) -> Option<Plan> {
        self.with(|s| library::load_revision(&s.kv, rev))
    }

    /// Whether a plan with this id is in the plan list.
    pub fn is_listed(&self, id: &str) -> bool {
        self.with(|s| read_index(&s.kv).is_ok_and(|i| i.plans.iter().any(|m| m.id == id)))
    }

    /// Opens a stored plan (saving the current one first).
    pub fn open(&self, id: &str) {
        self.flush();
        let lang = self.lang();
        let (plan, raw, read_only) = match self.with(|s| load(&mut s.kv, id)) {
            Ok(Loaded::Ready { plan, raw }) => (plan, Some(raw), false),
            Ok(Loaded::ReadOnly { plan, .. }) => (plan, None, true),
            Ok(Loaded::Unreadable { error, .. }) => {
                return self.warn(Text::ErrOpen.fill(lang, &[&error.message(lang)]));
            }
            Ok(Loaded::Missing) => return,
            Err(e) => return self.warn(e.message(lang)),
        };
        self.with(|s| {
            s.last_raw = raw;
            s.paused = read_only;
            let _ = set_last_opened(&mut s.kv, id);
        });
        self.store.read_only.set(read_only);
        self.store.conflict.set(false);
        self.store.replace_plan(plan);
    }

    /// Stores `plan` as a new plan (fresh id if taken) and opens it.
    pub fn add_and_open(&self, mut plan: Plan) {
        self.flush();
        plan.name = self
            .store
            .plans
            .with_untracked(|taken| distinct_name(&plan.name, taken, self.lang()));
        let result = self.with(|s| {
            plan.id = fresh_id(&s.kv, &plan.id);
            save(&mut s.kv, &plan, None)
        });
        match result {
            Ok(raw) => {
                let id = plan.id.clone();
                self.with(|s| {
                    s.last_raw = Some(raw);
                    s.paused = false;
                    let _ = set_last_opened(&mut s.kv, &id);
                });
                self.store.read_only.set(false);
                self.store.conflict.set(false);
                self.store.replace_plan(plan);
                self.refresh_list();
            }
            Err(SaveError::Store(e)) => self.warn(e.message(self.lang())),
            Err(SaveError::Conflict) => {}
        }
    }

    /// Overwrites the stored plan with `plan`'s id by `plan` and opens it.
    pub fn replace_stored(&self, plan: Plan) {
        self.flush();
        let id = plan.id.clone();
        let result = self.with(|s| {
            let stored = s.kv.get(&plan_key(&id)).ok().flatten();
            save(&mut s.kv, &plan, stored.as_deref())
        });
        match result {
            Ok(_) => self.open(&id),
            Err(SaveError::Store(e)) => self.warn(e.message(self.lang())),
            Err(SaveError::Conflict) => self.store.conflict.set(true),
        }
    }

    /// A new empty plan with the demo city's assumptions.
    pub fn new_plan(&self) {
        let demo = demo_plan();
        let plan = Plan {
            id: "plan".into(),
            name: Text::NewPlanName.tr(self.lang()).into(),
            city: demo.city,
            first_year: demo.first_year,
            window_years: crate::document::plan::DEFAULT_WINDOW_YEARS,
            assumptions: demo.assumptions,
            projects: Vec::new(),
            scenarios: Vec::new(),
            provenance: Default::default(),
            submissions: Vec::new(),
            risk: Default::default(),
            optimize: Default::default(),
            reporting: Default::default(),
            history: Vec::new(),
            gates: Default::default(),
            deadlines: Vec::new(),
            housing: Default::default(),
            assessment: Default::default(),
        };
        self.add_and_open(plan);
    }

    pub fn duplicate_plan(&self) {
        let mut plan = self.store.plan.get_untracked();
        plan.name = format!("{}{}", plan.name, Text::CopySuffix.tr(self.lang()));
        self.add_and_open(plan);
    }

    /// Deletes the open plan and opens the first one left (the demo if none is).
    pub fn delete_current(&self) {
        let id = self.store.plan.with_untracked(|p| p.id.clone());
        let next = self.with(|s| {
            if let Some(h) = s.pending.take() {
                h.clear();
            }
            let _ = library::delete(&mut s.kv, &id);
            s.last_raw = None;
            read_index(&s.kv)
                .ok()
                .and_then(|i| i.plans.first().map(|m| m.id.clone()))
        });
        self.refresh_list();
        match next {
            Some(next) => {
                // The deleted plan must not be saved back on the way out.
                self.with(|s| s.paused = true);
                self.open(&next);
            }
            None => self.add_and_open(demo_plan()),
        }
    }
}

/// Another tab's save that changed what this tab changed too: shown on 协作 for a choice, row
/// by row, as a colleague's file is.
fn propose_from_other_tab(store: Store, comparison: Comparison) {
    use crate::ui::shell::state::{Proposal, ProposalKind, Tab};
    let lang = store.lang.get_untracked();
    store.proposal.set(Some(Proposal {
        base: None,
        relation: crate::exchange::merge::relation(&comparison.ours, &comparison.theirs),
        from: String::new(),
        file: Text::OtherTab.tr(lang).to_string(),
        kind: ProposalKind::Merge,
        comparison,
    }));
    store.tab.set(Tab::Team);
}
