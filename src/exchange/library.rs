//! The plan library as stored: an index of plans and one document per plan, over any key-value
//! store (localStorage in the browser, a map in tests). Nothing here ever overwrites data it
//! could not read or that changed since it was read.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::document::plan::Plan;
use crate::exchange::format::{decode_lenient, decode_stored as decode, encode_stored, DocError};
use crate::words::i18n::{Lang, Text};

pub const INDEX_KEY: &str = "shantytown-planner.index";
const PLAN_PREFIX: &str = "shantytown-planner.plan.";
const BACKUP_PREFIX: &str = "shantytown-planner.backup.";

pub fn plan_key(id: &str) -> String {
    format!("{PLAN_PREFIX}{id}")
}

pub fn backup_key(id: &str) -> String {
    format!("{BACKUP_PREFIX}{id}")
}

#[derive(Debug, Clone, PartialEq)]
pub enum StoreError {
    /// The quota is full (QuotaExceededError).
    Quota,
    /// Storage cannot be used at all (private mode, disabled).
    Unavailable,
    Other(String),
}

impl StoreError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            StoreError::Quota => Text::StoreQuota.tr(lang).to_string(),
            StoreError::Unavailable => Text::StoreUnavailable.tr(lang).to_string(),
            StoreError::Other(e) => Text::StoreOther.fill(lang, &[e]),
        }
    }

    /// The reason alone, to begin a sentence that says what was and was not saved.
    pub fn reason(&self, lang: Lang) -> String {
        match self {
            StoreError::Quota => Text::StoreFullShort.tr(lang).to_string(),
            StoreError::Unavailable => Text::StoreUnavailableShort.tr(lang).to_string(),
            StoreError::Other(e) => Text::StoreOtherShort.fill(lang, &[e]),
        }
    }
}

/// What the library needs of a store.
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
}

/// An in-memory store: tests, and the app when localStorage is unavailable.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MemoryStore {
    pub map: BTreeMap<String, String>,
    /// Total characters allowed (simulates the browser quota); `None` = unlimited.
    pub quota: Option<usize>,
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.map.get(key).cloned())
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(q) = self.quota {
            let used: usize = self
                .map
                .iter()
                .filter(|(k, _)| *k != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if used + key.len() + value.len() > q {
                return Err(StoreError::Quota);
            }
        }
        self.map.insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.map.remove(key);
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanMeta {
    pub id: String,
    pub name: String,
}

/// `name`, or, when a stored plan already has it, `name` numbered after the ones taken
/// ("…（2）", "…（3）"): two plans in the 方案 menu never read alike.
pub fn distinct_name(name: &str, taken: &[PlanMeta], lang: Lang) -> String {
    let used = |n: &str| taken.iter().any(|p| p.name == n);
    if !used(name) {
        return name.to_string();
    }
    (2u32..)
        .map(|n| Text::Parenthesized.fill(lang, &[&name, &n]))
        .find(|candidate| !used(candidate))
        .expect("some number is free")
}

/// The list of stored plans and which one was open last.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Index {
    pub plans: Vec<PlanMeta>,
    #[serde(default)]
    pub last_opened: Option<String>,
}

/// A stored plan as it was found.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// Read and editable; `raw` is the stored text (to detect later changes by others).
    Ready {
        plan: Plan,
        raw: String,
    },
    /// Written by a newer app: shown as far as it can be read, never written back.
    ReadOnly {
        plan: Plan,
        version: u32,
    },
    /// Could not be read; the text was copied under `backup_key`.
    Unreadable {
        error: DocError,
        backed_up: bool,
    },
    Missing,
}

/// Reads the index; a missing or unreadable index is rebuilt from the plan keys it can find.
pub fn read_index(kv: &impl KeyValue) -> Result<Index, StoreError> {
    let raw = kv.get(INDEX_KEY)?;
    Ok(raw
        .and_then(|r| serde_json::from_str(&r).ok())
        .unwrap_or_default())
}

pub fn write_index(kv: &mut impl KeyValue, index: &Index) -> Result<(), StoreError> {
    kv.set(
        INDEX_KEY,
        &serde_json::to_string(index).expect("index serializes"),
    )
}

pub fn load(kv: &mut impl KeyValue, id: &str) -> Result<Loaded, StoreError> {
    let Some(raw) = kv.get(&plan_key(id))? else {
        return Ok(Loaded::Missing);
    };
    Ok(match decode(&raw) {
        Ok(plan) => Loaded::Ready { plan, raw },
        Err(DocError::NewerVersion { version }) => match decode_lenient(&raw) {
            Some(plan) => Loaded::ReadOnly { plan, version },
            None => Loaded::Unreadable {
                error: DocError::NewerVersion { version },
                backed_up: false,
            },
        },
        Err(error) => {
            // Keep the text aside before anything else can happen to the key.
            let backed_up = match kv.get(&backup_key(id))? {
                Some(existing) if existing == raw => true,
                _ => kv.set(&backup_key(id), &raw).is_ok(),
            };
            Loaded::Unreadable { error, backed_up }
        }
    })
}

#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    /// Someone else (another tab) changed the stored plan since we read it; nothing written.
    Conflict,
    Store(StoreError),
}

/// Writes a plan if the stored text is still `expected` (what we last read or wrote; `None` for
/// a plan not stored yet). Returns the new stored text. Updates the index's name entry.
pub fn save(
    kv: &mut impl KeyValue,
    plan: &Plan,
    expected: Option<&str>,
) -> Result<String, SaveError> {
    let key = plan_key(&plan.id);
    let current = kv.get(&key).map_err(SaveError::Store)?;
    if current.as_deref() != expected {
        return Err(SaveError::Conflict);
    }
    let text = encode_stored(plan);
    if current.as_deref() != Some(text.as_str()) {
        match kv.set(&key, &text) {
            // Kept revisions only help later merges: a plan comes first.
            Err(StoreError::Quota) if drop_revisions(kv) => {
                kv.set(&key, &text).map_err(SaveError::Store)?
            }
            other => other.map_err(SaveError::Store)?,
        }
    }
    let mut index = read_index(kv).map_err(SaveError::Store)?;
    let meta = PlanMeta {
        id: plan.id.clone(),
        name: plan.name.clone(),
    };
    match index.plans.iter_mut().find(|m| m.id == plan.id) {
        Some(m) if *m == meta => return Ok(text),
        Some(m) => *m = meta,
        None => index.plans.push(meta),
    }
    write_index(kv, &index).map_err(SaveError::Store)?;
    Ok(text)
}

pub fn set_last_opened(kv: &mut impl KeyValue, id: &str) -> Result<(), StoreError> {
    let mut index = read_index(kv)?;
    if index.last_opened.as_deref() != Some(id) {
        index.last_opened = Some(id.to_string());
        write_index(kv, &index)?;
    }
    Ok(())
}

/// Removes a plan and its index entry (its backup, if any, stays).
pub fn delete(kv: &mut impl KeyValue, id: &str) -> Result<(), StoreError> {
    let mut index = read_index(kv)?;
    index.plans.retain(|m| m.id != id);
    if index.last_opened.as_deref() == Some(id) {
        index.last_opened = index.plans.first().map(|m| m.id.clone());
    }
    write_index(kv, &index)?;
    kv.remove(&plan_key(id))
}

const REVISION_PREFIX: &str = "shantytown-planner.revision.";
const REVISIONS_KEY: &str = "shantytown-planner.revisions";

/// Revisions kept for three-way merges. Each is a whole plan, so few: the plans come first.
pub const REVISIONS_KEPT: usize = 6;

/// Keeps `plan` as the revision it is (sent to or taken from a colleague), so that a file
/// derived from it can be merged three-way later. The oldest kept revisions make room; when
/// even then there is none, the revision is not kept (merges of it fall back to two-way).
pub fn keep_revision(kv: &mut impl KeyValue, plan: &Plan) -> Result<String, StoreError> {
    let rev = crate::document::plan::revision(plan);
    let mut kept: Vec<String> = kv
        .get(REVISIONS_KEY)?
        .and_then(|r| serde_json::from_str(&r).ok())
        .unwrap_or_default();
    kept.retain(|r| *r != rev);
    let text = encode_stored(plan);
    loop {
        match kv.set(&format!("{REVISION_PREFIX}{rev}"), &text) {
            Ok(()) => break,
            Err(StoreError::Quota) if !kept.is_empty() => {
                kv.remove(&format!("{REVISION_PREFIX}{}", kept.remove(0)))?;
            }
            Err(e) => return Err(e),
        }
    }
    kept.push(rev.clone());
    while kept.len() > REVISIONS_KEPT {
        kv.remove(&format!("{REVISION_PREFIX}{}", kept.remove(0)))?;
    }
    kv.set(
        REVISIONS_KEY,
        &serde_json::to_string(&kept).expect("ids serialize"),
    )?;
    Ok(rev)
}

/// After storage refused to write `key` (the browser's store writes behind, so a refusal comes
/// later): what points at it is put back as it was — a plan never stored leaves the plan list,
/// a revision leaves the kept ones — so nothing stored names what is not there.
pub fn forget_refused(kv: &mut impl KeyValue, key: &str) -> Result<(), StoreError> {
    if let Some(rev) = key.strip_prefix(REVISION_PREFIX) {
        let mut kept: Vec<String> = kv
            .get(REVISIONS_KEY)?
            .and_then(|r| serde_json::from_str(&r).ok())
            .unwrap_or_default();
        if kept.iter().any(|r| r == rev) {
            kept.retain(|r| r != rev);
            if kept.is_empty() {
                kv.remove(REVISIONS_KEY)?;
            } else {
                let text = serde_json::to_string(&kept).expect("ids serialize");
                kv.set(REVISIONS_KEY, &text)?;
            }
        }
    } else if let Some(id) = key.strip_prefix(PLAN_PREFIX) {
        if kv.get(key)?.is_none() {
            delete(kv, id)?;
        }
    }
    Ok(())
}

/// Removes every kept revision; whether there was any.
fn drop_revisions(kv: &mut impl KeyValue) -> bool {
    let kept: Vec<String> = kv
        .get(REVISIONS_KEY)
        .ok()
        .flatten()
        .and_then(|r| serde_json::from_str(&r).ok())
        .unwrap_or_default();
    for rev in &kept {
        let _ = kv.remove(&format!("{REVISION_PREFIX}{rev}"));
    }
    let _ = kv.remove(REVISIONS_KEY);
    !kept.is_empty()
}

/// A kept revision, if it is still here and still reads as what it was kept as.
pub fn load_revision(kv: &impl KeyValue, rev: &str) -> Option<Plan> {
    let raw = kv.get(&format!("{REVISION_PREFIX}{rev}")).ok()??;
    decode(&raw)
        .ok()
        .filter(|p| crate::document::plan::revision(p) == rev)
}

/// An id not used by any plan in the index, derived from `base`.
pub fn unused_id(index: &Index, base: &str) -> String {
    if !index.plans.iter().any(|m| m.id == base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !index.plans.iter().any(|m| m.id == *id))
        .expect("some suffix is free")
}

#[cfg(test)]
mod refused_tests {
    use super::*;
    use crate::document::demo::demo_plan;

    /// What a write-behind store does when the browser refuses a write: the key reads as before.
    fn refuse(kv: &mut MemoryStore, key: &str, before: Option<String>) {
        match before {
            Some(v) => kv.map.insert(key.to_string(), v),
            None => kv.map.remove(key),
        };
        forget_refused(kv, key).unwrap();
    }

    #[test]
    fn a_plan_or_revision_storage_refused_leaves_nothing_pointing_at_it() {
        let mut kv = MemoryStore::default();
        let demo = demo_plan();
        save(&mut kv, &demo, None).unwrap();
        set_last_opened(&mut kv, &demo.id).unwrap();
        let before = kv.clone();
        let mut other = demo_plan();
        other.id = "county-copy".into();
        other.name = "县里的方案".into();
        let rev = keep_revision(&mut kv, &other).unwrap();
        save(&mut kv, &other, None).unwrap();
        set_last_opened(&mut kv, "county-copy").unwrap();
        refuse(&mut kv, &format!("{REVISION_PREFIX}{rev}"), None);
        refuse(&mut kv, &plan_key("county-copy"), None);
        assert_eq!(kv, before);
        // A plan stored before keeps its place in the list (only its latest text was refused).
        refuse(
            &mut kv,
            &plan_key(&demo.id),
            before.map.get(&plan_key(&demo.id)).cloned(),
        );
        assert_eq!(kv, before);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::demo::demo_plan;

    #[test]
    fn a_plan_added_under_a_name_taken_is_numbered() {
        let meta = |name: &str| PlanMeta {
            id: name.into(),
            name: name.into(),
        };
        let taken = vec![meta("示例"), meta("示例（2）"), meta("其他")];
        assert_eq!(distinct_name("新方案", &taken, Lang::Zh), "新方案");
        assert_eq!(distinct_name("示例", &taken, Lang::Zh), "示例（3）");
        assert_eq!(distinct_name("其他", &taken, Lang::En), "其他 (2)");
    }

    #[test]
    fn revisions_are_kept_up_to_a_limit_and_make_room_under_quota() {
        let mut kv = MemoryStore::default();
        let mut plan = demo_plan();
        let first = keep_revision(&mut kv, &plan).unwrap();
        assert_eq!(load_revision(&kv, &first), Some(plan.clone()));
        for n in 0..REVISIONS_KEPT {
            plan.projects[0].households += 1;
            keep_revision(&mut kv, &plan).unwrap();
            assert!(n + 2 <= REVISIONS_KEPT || load_revision(&kv, &first).is_none());
        }
        assert_eq!(load_revision(&kv, &first), None, "the oldest made room");
        assert_eq!(load_revision(&kv, "0000000000000000"), None);
        // Under a quota that holds about two plans, keeping a third drops the oldest.
        let size = encode_stored(&plan).len();
        let mut small = MemoryStore {
            quota: Some(size * 2 + size / 2),
            ..Default::default()
        };
        let mut revs = Vec::new();
        for _ in 0..3 {
            plan.projects[0].households += 1;
            revs.push(keep_revision(&mut small, &plan).unwrap());
        }
        assert_eq!(load_revision(&small, &revs[0]), None);
        assert!(load_revision(&small, &revs[2]).is_some());
        // A plan saved into a store the revisions filled: they make way, the plan is saved.
        let raw = save(&mut small, &plan, None).expect("the plan comes first");
        assert!(matches!(load(&mut small, &plan.id), Ok(Loaded::Ready { raw: r, .. }) if r == raw));
        assert!(load_revision(&small, &revs[2]).is_none());
    }

    #[test]
    fn save_then_load_gives_back_the_plan_and_the_index_lists_it() {
        let mut kv = MemoryStore::default();
        let plan = demo_plan();
        let raw = save(&mut kv, &plan, None).unwrap();
        assert_eq!(read_index(&kv).unwrap().plans[0].name, plan.name);
        match load(&mut kv, &plan.id).unwrap() {
            Loaded::Ready { plan: p, raw: r } => {
                assert!(p == plan);
                assert_eq!(r, raw);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_change_by_another_tab_is_never_overwritten() {
        let mut kv = MemoryStore::default();
        let plan = demo_plan();
        let raw = save(&mut kv, &plan, None).unwrap();
        let mut theirs = plan.clone();
        theirs.name = "另一窗口的修改".into();
        save(&mut kv, &theirs, Some(&raw)).unwrap();
        let before = kv.clone();
        assert_eq!(save(&mut kv, &plan, Some(&raw)), Err(SaveError::Conflict));
        assert_eq!(kv, before);
    }

    #[test]
    fn an_unreadable_plan_is_backed_up_and_left_alone() {
        let mut kv = MemoryStore::default();
        kv.set(&plan_key("x"), "{ broken").unwrap();
        match load(&mut kv, "x").unwrap() {
            Loaded::Unreadable {
                backed_up: true,
                error: DocError::Syntax { .. },
            } => {}
            other => panic!("{other:?}"),
        }
        assert_eq!(
            kv.get(&backup_key("x")).unwrap().as_deref(),
            Some("{ broken")
        );
        assert_eq!(kv.get(&plan_key("x")).unwrap().as_deref(), Some("{ broken"));
        // Saving over it is refused: the stored text is not what we read as a plan.
        let mut p = demo_plan();
        p.id = "x".into();
        assert_eq!(save(&mut kv, &p, None), Err(SaveError::Conflict));
    }

    #[test]
    fn a_newer_plan_opens_read_only() {
        let mut kv = MemoryStore::default();
        let newer = crate::exchange::format::VERSION + 1;
        let text = crate::exchange::format::encode(&demo_plan()).replacen(
            &format!("\"version\": {}", crate::exchange::format::VERSION),
            &format!("\"version\": {newer}"),
            1,
        );
        kv.set(&plan_key("demo-x-city"), &text).unwrap();
        match load(&mut kv, "demo-x-city").unwrap() {
            Loaded::ReadOnly { version, plan } if version == newer => {
                assert_eq!(plan.projects.len(), 32)
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn quota_errors_leave_the_store_as_it_was() {
        let mut kv = MemoryStore {
            quota: Some(1_000),
            ..Default::default()
        };
        let before = kv.clone();
        assert_eq!(
            save(&mut kv, &demo_plan(), None),
            Err(SaveError::Store(StoreError::Quota))
        );
        assert_eq!(kv, before);
    }

    #[test]
    fn delete_and_unused_ids() {
        let mut kv = MemoryStore::default();
        let plan = demo_plan();
        save(&mut kv, &plan, None).unwrap();
        let index = read_index(&kv).unwrap();
        assert_eq!(unused_id(&index, "demo-x-city"), "demo-x-city-2");
        assert_eq!(unused_id(&index, "other"), "other");
        set_last_opened(&mut kv, "demo-x-city").unwrap();
        delete(&mut kv, "demo-x-city").unwrap();
        assert!(read_index(&kv).unwrap().plans.is_empty());
        assert_eq!(kv.get(&plan_key("demo-x-city")).unwrap(), None);
    }
}
