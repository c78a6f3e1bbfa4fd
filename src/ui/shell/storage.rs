//! The only code that touches browser storage: the plan library's `KeyValue` over IndexedDB
//! (read into memory at start, written through), the move from localStorage, the quota, other
//! tabs' writes, and the UI language (a small setting, kept in localStorage).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use gloo_storage::{LocalStorage, Storage};
use idb::{Database, DatabaseEvent, ObjectStoreParams, TransactionMode, TransactionResult};
use wasm_bindgen::{JsCast, JsValue};

use crate::exchange::library::{KeyValue, MemoryStore, StoreError};
use crate::words::i18n::Lang;

const LANG_KEY: &str = "shantytown-planner.lang";
/// Every key the plan library writes starts so (`library::INDEX_KEY`, plans, backups, revisions).
const LIBRARY_PREFIX: &str = "shantytown-planner.";
const PLAN_PREFIX: &str = "shantytown-planner.plan.";
const DB_NAME: &str = "shantytown-planner";
const DB_STORE: &str = "library";
/// A plan whose write was still under way when the page unloaded, kept synchronously in
/// localStorage (IndexedDB's commit may not outlive the page) and written on the next start.
const RESCUE_PREFIX: &str = "shantytown-planner-rescue.";
/// Tabs of this app tell each other which key they wrote (IndexedDB has no `storage` event).
const CHANNEL: &str = "shantytown-planner";

/// IndexedDB when the browser allows it; localStorage when only that works (a browser that
/// refuses IndexedDB, or the move from it failed); otherwise memory (the planner is warned).
pub enum BrowserStore {
    Indexed(Indexed),
    Local,
    Memory(MemoryStore),
}

/// What storage tells the session after the page went on.
pub enum StoreEvent {
    /// A write was refused: the key reads again as it is stored, nothing else changed.
    Refused { key: String, error: StoreError },
    /// A write is committed: `key` holds what this tab wrote.
    Stored { key: String },
    /// The stored value changed under this tab (another tab wrote it): `value` is what is
    /// stored, `base` what this tab had seen before.
    Changed {
        key: String,
        value: Option<String>,
        base: Option<String>,
    },
}

type Listener = Rc<RefCell<Option<Rc<dyn Fn(StoreEvent)>>>>;

/// The library in IndexedDB, mirrored in memory so the core's synchronous `KeyValue` works
/// unchanged: a read is the mirror, a write updates the mirror at once and is committed in
/// order; a refused write puts the mirror back and is reported.
pub struct Indexed {
    db: Rc<Database>,
    mirror: Rc<RefCell<Mirror>>,
    listener: Listener,
    channel: Option<web_sys::BroadcastChannel>,
}

#[derive(Default)]
struct Mirror {
    /// What IndexedDB holds, as this tab last saw it.
    committed: BTreeMap<String, String>,
    /// The latest write of each key not yet committed (`None`: a removal), with its number.
    pending: BTreeMap<String, (u64, Option<String>)>,
    written: u64,
}

impl Mirror {
    fn get(&self, key: &str) -> Option<String> {
        match self.pending.get(key) {
            Some((_, v)) => v.clone(),
            None => self.committed.get(key).cloned(),
        }
    }

    fn settle(&mut self, key: &str, n: u64, stored: Option<Option<String>>) {
        if self.pending.get(key).is_some_and(|(m, _)| *m == n) {
            self.pending.remove(key);
        }
        if let Some(stored) = stored {
            match stored {
                Some(v) => self.committed.insert(key.to_string(), v),
                None => self.committed.remove(key),
            };
        }
    }
}

/// Why a write did not land.
enum Refusal {
    Store(StoreError),
    /// Another tab wrote the key since this tab read it: what is stored now.
    Changed(Option<String>),
}

/// `LocalStorage::raw()` panics when storage is unavailable (private mode, disabled cookies).
fn local_available() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some()
}

fn error_named(name: Option<String>, fallback: String) -> StoreError {
    match name.as_deref() {
        Some("QuotaExceededError") | Some("NS_ERROR_DOM_QUOTA_REACHED") => StoreError::Quota,
        Some(n) => StoreError::Other(n.to_string()),
        None => StoreError::Other(fallback),
    }
}

fn store_error(e: JsValue) -> StoreError {
    let name = js_sys::Reflect::get(&e, &"name".into())
        .ok()
        .and_then(|n| n.as_string());
    error_named(name, format!("{e:?}"))
}

fn idb_error(e: idb::Error) -> StoreError {
    match e {
        idb::Error::DomException(d) => error_named(Some(d.name()), d.message()),
        other => StoreError::Other(other.to_string()),
    }
}

async fn open_db() -> Result<Database, idb::Error> {
    let factory = idb::Factory::new()?;
    let mut request = factory.open(DB_NAME, Some(1))?;
    request.on_upgrade_needed(|event| {
        if let Ok(db) = event.database() {
            if !db.store_names().iter().any(|n| n == DB_STORE) {
                let _ = db.create_object_store(DB_STORE, ObjectStoreParams::new());
            }
        }
    });
    request.await
}

/// Everything stored, read in one transaction.
async fn read_all(db: &Database) -> Result<BTreeMap<String, String>, idb::Error> {
    let tx = db.transaction(&[DB_STORE], TransactionMode::ReadOnly)?;
    let store = tx.object_store(DB_STORE)?;
    let keys = store.get_all_keys(None, None)?.await?;
    let values = store.get_all(None, None)?.await?;
    Ok(keys
        .into_iter()
        .zip(values)
        .filter_map(|(k, v)| Some((k.as_string()?, v.as_string()?)))
        .collect())
}

async fn read_one(db: &Database, key: &str) -> Result<Option<String>, idb::Error> {
    let tx = db.transaction(&[DB_STORE], TransactionMode::ReadOnly)?;
    let store = tx.object_store(DB_STORE)?;
    Ok(store
        .get(JsValue::from_str(key))?
        .await?
        .and_then(|v| v.as_string()))
}

/// A read-write transaction on the library, with its raw handle kept: the reason a commit
/// failed (QuotaExceededError) is on the transaction, which awaiting it consumes.
fn read_write(
    db: &Database,
) -> Result<(web_sys::IdbTransaction, idb::Transaction, idb::ObjectStore), idb::Error> {
    let tx = db.transaction(&[DB_STORE], TransactionMode::ReadWrite)?;
    let raw: web_sys::IdbTransaction = tx.into();
    let tx = idb::Transaction::from(raw.clone());
    let store = tx.object_store(DB_STORE)?;
    Ok((raw, tx, store))
}

/// Writes (or, `None`, removes) `key`; with `expected`, only if what is stored is still that
/// (read and written in one transaction, so two tabs never overwrite each other unseen).
async fn write(
    db: &Database,
    key: &str,
    value: Option<&str>,
    expected: Option<Option<String>>,
) -> Result<(), Refusal> {
    let store_err = |e| Refusal::Store(idb_error(e));
    let (raw, tx, store) = read_write(db).map_err(store_err)?;
    let js_key = JsValue::from_str(key);
    if let Some(expected) = expected {
        let stored = store
            .get(js_key.clone())
            .map_err(store_err)?
            .await
            .map_err(store_err)?
            .and_then(|v| v.as_string());
        if stored != expected {
            let _ = tx.abort();
            return Err(Refusal::Changed(stored));
        }
    }
    let request = match value {
        Some(v) => store
            .put(&JsValue::from_str(v), Some(&js_key))
            .map_err(store_err)?
            .await
            .map(|_| ()),
        None => store.delete(js_key).map_err(store_err)?.await,
    };
    let refused = |raw: &web_sys::IdbTransaction, fallback: String| {
        Refusal::Store(match raw.error() {
            Some(d) => error_named(Some(d.name()), d.message()),
            None => StoreError::Other(fallback),
        })
    };
    if let Err(e) = request {
        return Err(refused(&raw, e.to_string()));
    }
    match tx.commit().map_err(store_err)?.await {
        Ok(TransactionResult::Committed) => Ok(()),
        Ok(TransactionResult::Aborted) => Err(refused(&raw, "AbortError".into())),
        Err(e) => Err(refused(&raw, e.to_string())),
    }
}

/// A plan's write the page unloaded before IndexedDB committed: what it was written over.
#[derive(serde::Serialize, serde::Deserialize)]
struct Rescue {
    base: Option<String>,
    value: String,
}

/// Finishes the writes the last page left in localStorage (`BrowserStore::rescue`): each is
/// written where IndexedDB still holds what it was written over (another tab's later save
/// wins), then removed from localStorage.
async fn finish_rescued(db: &Database, stored: &mut BTreeMap<String, String>) {
    if !local_available() {
        return;
    }
    let raw = LocalStorage::raw();
    for rescue_key in local_keys(RESCUE_PREFIX) {
        let rescued = raw
            .get_item(&rescue_key)
            .ok()
            .flatten()
            .and_then(|t| serde_json::from_str::<Rescue>(&t).ok());
        let key = &rescue_key[RESCUE_PREFIX.len()..];
        if let Some(r) = rescued.filter(|r| stored.get(key) == r.base.as_ref()) {
            if write(db, key, Some(&r.value), Some(r.base.clone()))
                .await
                .is_ok()
            {
                stored.insert(key.to_string(), r.value);
            } else {
                // Not written: kept for the next start.
                continue;
            }
        }
        let _ = raw.remove_item(&rescue_key);
    }
}

/// The library's keys in localStorage (what the app kept there before IndexedDB).
fn local_library() -> Vec<(String, String)> {
    if !local_available() {
        return Vec::new();
    }
    let raw = LocalStorage::raw();
    local_keys(LIBRARY_PREFIX)
        .into_iter()
        .filter(|k| k != LANG_KEY)
        .filter_map(|k| Some((k.clone(), raw.get_item(&k).ok().flatten()?)))
        .collect()
}

/// localStorage's keys that start with `prefix` (storage known to be available).
fn local_keys(prefix: &str) -> Vec<String> {
    let raw = LocalStorage::raw();
    (0..raw.length().unwrap_or(0))
        .filter_map(|i| raw.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect()
}

/// Moves the plans localStorage holds into IndexedDB (all in one transaction) and, once that is
/// committed and read back, removes them from localStorage. Any failure leaves localStorage as
/// it was. Keys IndexedDB already holds are kept as they are there (a move done before).
async fn migrate(db: &Database, stored: &mut BTreeMap<String, String>) -> Result<(), StoreError> {
    let old: Vec<(String, String)> = local_library()
        .into_iter()
        .filter(|(k, _)| !stored.contains_key(k))
        .collect();
    if old.is_empty() {
        return Ok(());
    }
    let (raw, tx, store) = read_write(db).map_err(idb_error)?;
    for (k, v) in &old {
        store
            .put(&JsValue::from_str(v), Some(&JsValue::from_str(k)))
            .map_err(idb_error)?;
    }
    let result = tx.commit().map_err(idb_error)?.await;
    if !matches!(result, Ok(TransactionResult::Committed)) {
        return Err(raw
            .error()
            .map(|d| error_named(Some(d.name()), d.message()))
            .unwrap_or(StoreError::Other("AbortError".into())));
    }
    let back = read_all(db).await.map_err(idb_error)?;
    if old.iter().any(|(k, v)| back.get(k) != Some(v)) {
        return Err(StoreError::Other("IndexedDB".into()));
    }
    for (k, _) in &old {
        let _ = LocalStorage::raw().remove_item(k);
    }
    *stored = back;
    Ok(())
}

impl BrowserStore {
    /// Opens IndexedDB (moving what localStorage held into it); falls back to localStorage, and
    /// to memory, saying why in the returned warnings.
    pub async fn open() -> (Self, Option<StoreError>) {
        let db = match open_db().await {
            Ok(db) => db,
            Err(_) if local_available() => return (BrowserStore::Local, None),
            Err(_) => {
                return (
                    BrowserStore::Memory(MemoryStore::default()),
                    Some(StoreError::Unavailable),
                )
            }
        };
        let mut committed = match read_all(&db).await {
            Ok(m) => m,
            Err(e) => return (BrowserStore::Local, Some(idb_error(e))),
        };
        if let Err(e) = migrate(&db, &mut committed).await {
            // The plans stay where they are, and this session keeps using them there.
            return (BrowserStore::Local, Some(e));
        }
        finish_rescued(&db, &mut committed).await;
        let store = Indexed {
            db: Rc::new(db),
            mirror: Rc::new(RefCell::new(Mirror {
                committed,
                ..Default::default()
            })),
            listener: Rc::default(),
            channel: web_sys::BroadcastChannel::new(CHANNEL).ok(),
        };
        store.listen_to_other_tabs();
        (BrowserStore::Indexed(store), None)
    }

    /// Where storage reports what happened after the page went on (refused writes, other tabs).
    pub fn on_event(&self, f: impl Fn(StoreEvent) + 'static) {
        if let BrowserStore::Indexed(s) = self {
            *s.listener.borrow_mut() = Some(Rc::new(f));
        }
    }
}

impl Indexed {
    fn tell(listener: &Listener, event: StoreEvent) {
        let f = listener.borrow().clone();
        if let Some(f) = f {
            f(event);
        }
    }

    /// Another tab's message names a key it committed: read it and pass it on.
    fn listen_to_other_tabs(&self) {
        let Some(channel) = &self.channel else { return };
        let db = self.db.clone();
        let mirror = self.mirror.clone();
        let listener = self.listener.clone();
        let on_message = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MessageEvent)>::new(
            move |e: web_sys::MessageEvent| {
                let Some(key) = e.data().as_string() else {
                    return;
                };
                let (db, mirror, listener) = (db.clone(), mirror.clone(), listener.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let Ok(value) = read_one(&db, &key).await else {
                        return;
                    };
                    let seen = mirror.borrow().committed.get(&key).cloned();
                    if seen == value {
                        return;
                    }
                    mirror
                        .borrow_mut()
                        .settle(&key, u64::MAX, Some(value.clone()));
                    Self::tell(
                        &listener,
                        StoreEvent::Changed {
                            key,
                            value,
                            base: seen,
                        },
                    );
                });
            },
        );
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // Lives as long as the page.
        on_message.forget();
    }

    fn write_behind(&mut self, key: &str, value: Option<&str>) {
        if self.mirror.borrow().get(key).as_deref() == value {
            return;
        }
        // A plan is written only over what this tab last saw of it (another tab may have saved
        // since): what it holds before this write, its own earlier writes still under way
        // included (they commit first); the index and revisions are written as they are.
        let expected = key
            .starts_with(PLAN_PREFIX)
            .then(|| self.mirror.borrow().get(key));
        let n = {
            let mut m = self.mirror.borrow_mut();
            m.written += 1;
            let n = m.written;
            m.pending
                .insert(key.to_string(), (n, value.map(str::to_string)));
            n
        };
        let base = expected.clone();
        let (db, mirror, listener) = (self.db.clone(), self.mirror.clone(), self.listener.clone());
        let channel = self.channel.clone();
        let (key, value) = (key.to_string(), value.map(str::to_string));
        wasm_bindgen_futures::spawn_local(async move {
            match write(&db, &key, value.as_deref(), expected).await {
                Ok(()) => {
                    mirror.borrow_mut().settle(&key, n, Some(value));
                    if let Some(c) = channel {
                        let _ = c.post_message(&JsValue::from_str(&key));
                    }
                    Self::tell(&listener, StoreEvent::Stored { key });
                }
                Err(Refusal::Changed(stored)) => {
                    mirror.borrow_mut().settle(&key, n, Some(stored.clone()));
                    Self::tell(
                        &listener,
                        StoreEvent::Changed {
                            key,
                            value: stored,
                            base: base.flatten(),
                        },
                    );
                }
                Err(Refusal::Store(error)) => {
                    mirror.borrow_mut().settle(&key, n, None);
                    Self::tell(&listener, StoreEvent::Refused { key, error });
                }
            }
        });
    }
}

impl BrowserStore {
    /// Keeps every plan write still under way in localStorage (synchronous: it outlives the
    /// page) with what it was written over; the next start finishes it. Called as the page
    /// unloads.
    pub fn rescue(&self) {
        let BrowserStore::Indexed(s) = self else {
            return;
        };
        if !local_available() {
            return;
        }
        let m = s.mirror.borrow();
        for (key, (_, value)) in m.pending.iter().filter(|(k, _)| k.starts_with(PLAN_PREFIX)) {
            let Some(value) = value else { continue };
            let kept = Rescue {
                base: m.committed.get(key).cloned(),
                value: value.clone(),
            };
            if let Ok(text) = serde_json::to_string(&kept) {
                let _ = LocalStorage::raw().set_item(&format!("{RESCUE_PREFIX}{key}"), &text);
            }
        }
    }

    /// Whether a write that returned is only under way (IndexedDB): it is stored once
    /// `StoreEvent::Stored` says so.
    pub fn writes_behind(&self) -> bool {
        matches!(self, BrowserStore::Indexed(_))
    }
}

impl KeyValue for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        match self {
            BrowserStore::Indexed(s) => Ok(s.mirror.borrow().get(key)),
            BrowserStore::Local => LocalStorage::raw().get_item(key).map_err(store_error),
            BrowserStore::Memory(m) => m.get(key),
        }
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        match self {
            BrowserStore::Indexed(s) => {
                s.write_behind(key, Some(value));
                Ok(())
            }
            BrowserStore::Local => LocalStorage::raw()
                .set_item(key, value)
                .map_err(store_error),
            BrowserStore::Memory(m) => m.set(key, value),
        }
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        match self {
            BrowserStore::Indexed(s) => {
                s.write_behind(key, None);
                Ok(())
            }
            BrowserStore::Local => LocalStorage::raw().remove_item(key).map_err(store_error),
            BrowserStore::Memory(m) => m.remove(key),
        }
    }
}

/// How much the browser lets this app keep: bytes used and allowed, and whether it promised
/// to keep them (`navigator.storage.persist()`, asked once at start).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Quota {
    pub used: f64,
    pub allowed: f64,
    pub persisted: bool,
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Older browsers have no `navigator.storage`.
    js_sys::Reflect::get(&navigator, &"storage".into())
        .ok()
        .filter(|s| !s.is_undefined())
        .map(|_| navigator.storage())
}

async fn promised<T: JsCast>(p: Result<js_sys::Promise, JsValue>) -> Option<T> {
    wasm_bindgen_futures::JsFuture::from(p.ok()?)
        .await
        .ok()?
        .dyn_into()
        .ok()
}

/// Asks the browser to keep the plans (not to clear them under storage pressure).
pub async fn ask_to_persist() -> bool {
    let Some(manager) = storage_manager() else {
        return false;
    };
    promised::<js_sys::Boolean>(manager.persist())
        .await
        .is_some_and(|b| b.value_of())
}

pub async fn quota() -> Option<Quota> {
    let manager = storage_manager()?;
    let estimate: js_sys::Object = promised(manager.estimate()).await?;
    let number = |name: &str| {
        js_sys::Reflect::get(&estimate, &name.into())
            .ok()
            .and_then(|v| v.as_f64())
    };
    let persisted = promised::<js_sys::Boolean>(manager.persisted())
        .await
        .is_some_and(|b| b.value_of());
    Some(Quota {
        used: number("usage")?,
        allowed: number("quota")?,
        persisted,
    })
}

pub fn load_lang() -> Lang {
    if !local_available() {
        return Lang::Zh;
    }
    match LocalStorage::raw()
        .get_item(LANG_KEY)
        .ok()
        .flatten()
        .as_deref()
    {
        Some("en") => Lang::En,
        _ => Lang::Zh,
    }
}

pub fn save_lang(lang: Lang) {
    if local_available() {
        let _ = LocalStorage::raw().set_item(LANG_KEY, if lang == Lang::En { "en" } else { "zh" });
    }
}
