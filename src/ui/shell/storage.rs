//! The only code that touches localStorage: the `KeyValue` adapter for the core's plan library,
//! the fallback to memory when storage is unavailable, and the UI language.

use gloo_storage::{LocalStorage, Storage};

use crate::exchange::library::{KeyValue, MemoryStore, StoreError};
use crate::words::i18n::Lang;

const LANG_KEY: &str = "shantytown-planner.lang";

/// localStorage when the browser allows it, otherwise memory (the planner is warned).
pub enum BrowserStore {
    Local,
    Memory(MemoryStore),
}

/// `LocalStorage::raw()` panics when storage is unavailable (private mode, disabled cookies).
fn available() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some()
}

impl BrowserStore {
    pub fn open() -> Self {
        if available() {
            BrowserStore::Local
        } else {
            BrowserStore::Memory(MemoryStore::default())
        }
    }

    pub fn is_memory(&self) -> bool {
        matches!(self, BrowserStore::Memory(_))
    }
}

fn store_error(e: wasm_bindgen::JsValue) -> StoreError {
    let name = js_sys::Reflect::get(&e, &"name".into())
        .ok()
        .and_then(|n| n.as_string());
    match name.as_deref() {
        Some("QuotaExceededError") | Some("NS_ERROR_DOM_QUOTA_REACHED") => StoreError::Quota,
        Some(n) => StoreError::Other(n.to_string()),
        None => StoreError::Other(format!("{e:?}")),
    }
}

impl KeyValue for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        match self {
            BrowserStore::Local => LocalStorage::raw().get_item(key).map_err(store_error),
            BrowserStore::Memory(m) => m.get(key),
        }
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        match self {
            BrowserStore::Local => LocalStorage::raw()
                .set_item(key, value)
                .map_err(store_error),
            BrowserStore::Memory(m) => m.set(key, value),
        }
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        match self {
            BrowserStore::Local => LocalStorage::raw().remove_item(key).map_err(store_error),
            BrowserStore::Memory(m) => m.remove(key),
        }
    }
}

pub fn load_lang() -> Lang {
    if !available() {
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
    if available() {
        let _ = LocalStorage::raw().set_item(LANG_KEY, if lang == Lang::En { "en" } else { "zh" });
    }
}
