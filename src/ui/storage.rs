//! The only code that touches localStorage: loads and saves the plan and the UI language.
//!
//! A stored plan that cannot be read is never overwritten: it is copied under a backup key
//! first, or (when written by a newer app) left alone and autosave is switched off.

use std::cell::Cell;

use gloo_storage::{LocalStorage, Storage};

use crate::demo::demo_plan;
use crate::format::{decode, encode, DocError};
use crate::i18n::Lang;
use crate::model::Plan;

const PLAN_KEY: &str = "shantytown-planner.plan";
const BACKUP_KEY: &str = "shantytown-planner.plan.unreadable";
const LANG_KEY: &str = "shantytown-planner.lang";

thread_local! {
    /// False when saving could destroy data we could not read (a newer version's plan).
    static SAVE_ALLOWED: Cell<bool> = const { Cell::new(true) };
}

pub struct Loaded {
    pub plan: Plan,
    pub warning: Option<String>,
}

/// `LocalStorage::raw()` panics when storage is unavailable (private mode, disabled cookies).
fn available() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some()
}

pub fn load_plan() -> Loaded {
    if !available() {
        SAVE_ALLOWED.with(|s| s.set(false));
        return Loaded {
            plan: demo_plan(),
            warning: Some("浏览器本地存储不可用：方案只保存在本页内存中，关闭前请导出。".into()),
        };
    }
    let raw = LocalStorage::raw().get_item(PLAN_KEY).ok().flatten();
    let Some(text) = raw else {
        return Loaded {
            plan: demo_plan(),
            warning: None,
        };
    };
    match decode(&text) {
        Ok(plan) => Loaded {
            plan,
            warning: None,
        },
        Err(e @ DocError::NewerVersion { .. }) => {
            SAVE_ALLOWED.with(|s| s.set(false));
            Loaded {
                plan: demo_plan(),
                warning: Some(format!(
                    "{}。已保存的方案保持不变，本页的修改不会覆盖它。",
                    e.message_zh()
                )),
            }
        }
        Err(e) => {
            let kept = LocalStorage::raw().set_item(BACKUP_KEY, &text).is_ok();
            if !kept {
                SAVE_ALLOWED.with(|s| s.set(false));
            }
            Loaded {
                plan: demo_plan(),
                warning: Some(format!(
                    "已保存的方案无法读取（{}）。{}",
                    e.message_zh(),
                    if kept {
                        "原内容已另存为备份，现显示示例方案。"
                    } else {
                        "原内容保持不变，本页的修改不会覆盖它。"
                    }
                )),
            }
        }
    }
}

/// Saves the plan; the error is the Chinese message for the banner.
pub fn save_plan(plan: &Plan) -> Result<(), String> {
    if !SAVE_ALLOWED.with(Cell::get) || !available() {
        return Ok(());
    }
    LocalStorage::raw()
        .set_item(PLAN_KEY, &encode(plan))
        .map_err(|e| {
            let quota = js_sys::Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .is_some_and(|n| n == "QuotaExceededError");
            if quota {
                "本地存储已满：最近的修改只保存在本页内存中，请导出方案以免丢失。".to_string()
            } else {
                "无法写入本地存储：最近的修改只保存在本页内存中，请导出方案以免丢失。".to_string()
            }
        })
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
