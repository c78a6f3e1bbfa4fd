//! The reactive store every page reads, the tabs, and the catalogue lookups `t()` and `lang()`.

use leptos::prelude::*;

use crate::i18n::{Lang, Text};
use crate::library::PlanMeta;
use crate::model::{Plan, ProjectId};
use crate::simulate::Results;

/// The app's state, shared through context: the plan being edited and what the core makes of it.
#[derive(Clone, Copy)]
pub struct Store {
    pub plan: RwSignal<Plan>,
    pub results: Memo<Results>,
    pub lang: RwSignal<Lang>,
    /// A storage problem the planner must know about (Chinese message), if any.
    pub storage_warning: RwSignal<Option<String>>,
    /// The project open in the editor.
    pub selected: RwSignal<Option<ProjectId>>,
    pub tab: RwSignal<Tab>,
    /// Bumped when the whole plan is replaced, so drafts of the old plan are dropped.
    pub generation: RwSignal<u32>,
    /// The stored plans (id, name).
    pub plans: RwSignal<Vec<PlanMeta>>,
    /// The open plan is from a newer version: never saved.
    pub read_only: RwSignal<bool>,
    /// Another tab saved this plan while this tab had unsaved edits: autosave paused.
    pub conflict: RwSignal<bool>,
    pub notice: RwSignal<Option<Text>>,
    pub import_error: RwSignal<Option<String>>,
    /// An imported plan whose id exists, waiting for replace / keep both.
    pub pending_import: RwSignal<Option<Plan>>,
}

impl Store {
    /// Replaces the whole plan (demo, import): closes editors and their drafts first.
    pub fn replace_plan(&self, plan: Plan) {
        self.selected.set(None);
        self.plan.set(plan);
        self.generation.update(|g| *g += 1);
    }
}

/// The current UI language (reactive when called in a closure).
pub fn lang() -> Lang {
    expect_context::<Store>().lang.get()
}

/// The catalogue string for `key` in the current language (reactive when called in a closure).
pub fn t(key: Text) -> &'static str {
    let store = expect_context::<Store>();
    key.tr(store.lang.get())
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Tab {
    Projects,
    Resettlement,
    Financing,
    Results,
    Compare,
    Assumptions,
}

impl Tab {
    pub const ALL: [Tab; 6] = [
        Tab::Projects,
        Tab::Resettlement,
        Tab::Financing,
        Tab::Results,
        Tab::Compare,
        Tab::Assumptions,
    ];

    pub fn label(self) -> Text {
        match self {
            Tab::Projects => Text::NavProjects,
            Tab::Resettlement => Text::NavResettlement,
            Tab::Financing => Text::NavFinancing,
            Tab::Results => Text::NavResults,
            Tab::Compare => Text::NavCompare,
            Tab::Assumptions => Text::NavAssumptions,
        }
    }

    /// The tab's name in test ids (`nav-…`) and in the URL (`#/…`).
    pub fn id(self) -> &'static str {
        match self {
            Tab::Projects => "projects",
            Tab::Resettlement => "resettlement",
            Tab::Financing => "financing",
            Tab::Results => "results",
            Tab::Compare => "compare",
            Tab::Assumptions => "assumptions",
        }
    }

    pub fn from_id(id: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|t| t.id() == id)
    }

    /// The tabs that list projects with an 编辑 button, so the editor panel can stay open there.
    pub fn edits_projects(self) -> bool {
        matches!(self, Tab::Projects | Tab::Resettlement | Tab::Financing)
    }
}
