//! The reactive store every page reads, the tabs, and the catalogue lookups `t()` and `lang()`.

use leptos::prelude::*;

use crate::calc::model::ProjectId;
use crate::calc::simulate::Results;
use crate::document::apply::Refused;
use crate::document::edit::{Edit, Scenario};
use crate::document::history::History;
use crate::document::plan::Plan;
use crate::exchange::library::PlanMeta;
use crate::words::i18n::{Lang, Text};

/// The app's state, shared through context: the plan being edited and what the core makes of it.
#[derive(Clone, Copy)]
pub struct Store {
    /// The plan document: the base plan and its scenarios.
    pub plan: RwSignal<Plan>,
    /// The scenario every page shows and edits go into (`None`: the base plan).
    pub active: RwSignal<Option<String>>,
    /// The plan as the active scenario sees it: what every page shows.
    pub view: Memo<Plan>,
    pub results: Memo<Results>,
    pub lang: RwSignal<Lang>,
    /// A storage problem the planner must know about (Chinese message), if any.
    pub storage_warning: RwSignal<Option<String>>,
    /// The worker's module is loading (its first job): the page says 正在加载….
    pub worker_loading: RwSignal<bool>,
    /// The file a long read is reading (shown after 300 ms, with 取消).
    pub reading: RwSignal<Option<String>>,
    /// The month 进度 shows and takes figures for.
    pub progress_month: RwSignal<crate::calc::model::Month>,
    /// The project open in the editor.
    pub selected: RwSignal<Option<ProjectId>>,
    /// The project whose fund-balance plan (资金平衡方案) is open.
    pub fund_balance: RwSignal<Option<ProjectId>>,
    /// Whether the month's progress report (进度 → 月度报告) is open over the app.
    pub progress_report: RwSignal<bool>,
    /// The 考核 paper open over the app: its period, its lists' month and whose projects.
    pub assessment_paper: RwSignal<Option<AssessmentPaperOf>>,
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
    /// An imported plan whose id exists, waiting for replace / keep both / compare.
    pub pending_import: RwSignal<Option<Plan>>,
    /// A colleague's file or a county's submission being compared, waiting for accept/reject.
    pub proposal: RwSignal<Option<Proposal>>,
    /// The last Monte Carlo run (kept across pages) and how long it took, ms.
    pub risk: RwSignal<Option<crate::ui::shell::outcomes::RiskOutcome>>,
    pub risk_ms: RwSignal<Option<f64>>,
    /// The optimizer's settings, its run in progress and its last run explained.
    pub optimizer: crate::ui::shell::outcomes::Optimizer,
    /// Every step applied to the open plan this session, for undo and redo.
    pub history: StoredValue<History>,
    /// Bumped on every step and undo/redo, so the undo buttons follow the history.
    pub history_version: RwSignal<u32>,
    /// Bumped on undo/redo: editors drop their drafts and read the plan again.
    pub rewound: RwSignal<u32>,
}

/// What the 考核 paper shows: the page's period, month and filter when it was opened.
#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentPaperOf {
    pub period: crate::calc::assessment::Period,
    pub month: crate::calc::model::Month,
    pub who: crate::calc::model::Answering,
}

impl Store {
    /// Replaces the whole plan (demo, import, another plan): closes editors and their drafts
    /// and forgets the history, which belongs to the plan it was made on.
    pub fn replace_plan(&self, plan: Plan) {
        self.selected.set(None);
        self.fund_balance.set(None);
        self.progress_report.set(false);
        self.assessment_paper.set(None);
        self.active.set(None);
        self.plan.set(plan);
        self.history.update_value(History::clear);
        self.history_version.update(|v| *v += 1);
        self.generation.update(|g| *g += 1);
    }

    /// The one way the UI changes the plan: the core checks and applies `edit` and records it
    /// for undo. A refused edit changes nothing and notifies nobody.
    pub fn dispatch(&self, edit: Edit) -> Result<(), Refused> {
        let edit = match self.active_id() {
            Some(id) if edit.changes_content() => self.routed_to_scenario(id, edit)?,
            // New actuals make the forecast scenario again, in the same step.
            _ => self
                .plan
                .with_untracked(|p| crate::document::rolling::with_refresh(p, edit)),
        };
        self.record(edit, true)
    }

    /// `dispatch`, with its refusal named in `error` and `error` cleared when the edit is taken
    /// (what a field or a panel shows beside itself). Whether it was taken.
    pub fn dispatch_naming(&self, edit: Edit, error: RwSignal<Option<String>>) -> bool {
        let refused = self.dispatch(edit).err();
        let taken = refused.is_none();
        error.set(refused.map(|r| r.message(self.lang.get_untracked())));
        taken
    }

    /// Another tab's changes to the document itself (whatever scenario is shown here), undone
    /// as one step and not logged again (that tab logged them).
    pub fn dispatch_to_document(&self, edit: Edit) -> Result<(), Refused> {
        self.record(edit, false)
    }

    fn record(&self, edit: Edit, log: bool) -> Result<(), Refused> {
        let now = js_sys::Date::now();
        let lang = self.lang.get_untracked();
        let mut outcome = Ok(());
        self.plan.update_untracked(|p| {
            let summary = edit.describe(p, lang);
            let fresh = matches!(&edit, Edit::Batch { kind, .. } if kind.checked_as_whole());
            self.history
                .update_value(|h| outcome = h.apply(p, edit, now));
            if outcome.is_ok() && log {
                p.provenance.record(&local_minute(), summary, fresh);
            }
        });
        if outcome.is_ok() {
            self.plan.notify();
            self.history_version.update(|v| *v += 1);
        }
        outcome
    }

    /// Whether a paper (资金平衡方案, 月度报告) is open over the app: it is modal, so the app and
    /// the editor behind it are inert and leave Esc to it.
    pub fn paper_open(&self) -> bool {
        self.fund_balance.with(Option::is_some)
            || self.progress_report.get()
            || self.assessment_paper.with(Option::is_some)
    }

    /// The active scenario's id, if it still exists (undo may have taken it away).
    pub fn active_id(&self) -> Option<String> {
        let id = self.active.get()?;
        self.plan.with(|p| p.scenario(&id).is_some()).then_some(id)
    }

    pub fn active_scenario_name(&self) -> Option<String> {
        let id = self.active_id()?;
        self.plan.with(|p| p.scenario(&id).map(|s| s.name.clone()))
    }

    /// An edit made while a scenario is active goes into it: checked against the scenario's
    /// view, then added to its list, or replacing its last edit when that changed the same
    /// field (typing 5, 57 leaves one edit).
    fn routed_to_scenario(&self, id: String, edit: Edit) -> Result<Edit, Refused> {
        self.view.with_untracked(|v| v.clone()).apply(&edit)?;
        let (len, replace) = self.plan.with_untracked(|p| {
            let edits = p.scenario(&id).map_or(&[][..], |s| &s.edits);
            let same = edits
                .last()
                .is_some_and(|last| last.target().is_some() && last.target() == edit.target());
            (edits.len(), same)
        });
        Ok(Edit::SpliceScenario {
            scenario: id,
            index: len - usize::from(replace),
            remove: usize::from(replace),
            insert: vec![edit],
        })
    }

    /// Undo (`forward == false`) or redo the last step.
    pub fn step(&self, forward: bool) {
        let mut moved = false;
        self.plan.update_untracked(|p| {
            self.history.update_value(|h| {
                moved = if forward { h.redo(p) } else { h.undo(p) };
            });
        });
        if moved {
            self.plan.notify();
            self.history_version.update(|v| *v += 1);
            self.rewound.update(|v| *v += 1);
        }
    }

    /// The tooltip of the undo (or redo) button: what it would do, or that there is nothing.
    pub fn step_title(&self, forward: bool) -> String {
        self.history_version.track();
        let lang = self.lang.get();
        let what = self.plan.with(|p| {
            self.history.with_value(|h| {
                if forward {
                    h.redo_description(p, lang)
                } else {
                    h.undo_description(p, lang)
                }
            })
        });
        match (what, forward) {
            (Some(w), false) => Text::UndoTip.fill(lang, &[&w]),
            (Some(w), true) => Text::RedoTip.fill(lang, &[&w]),
            (None, false) => Text::NothingToUndo.tr(lang).into(),
            (None, true) => Text::NothingToRedo.tr(lang).into(),
        }
    }

    pub fn can_step(&self, forward: bool) -> bool {
        self.history_version.track();
        self.history
            .with_value(|h| if forward { h.can_redo() } else { h.can_undo() })
    }
}

/// Today, as the browser's clock has it.
pub fn today() -> crate::calc::readiness::Day {
    crate::calc::readiness::Day::parse(&local_minute()[..10])
        .unwrap_or(crate::calc::readiness::Day::of_number(0))
}

/// Local time to the minute, `2026-11-25T10:30`, for the change log and submissions.
pub fn local_minute() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// A colleague's file, or a county's list, compared with the open plan: what the planner is
/// asked to accept or reject, row by row.
#[derive(Clone, PartialEq)]
pub struct Proposal {
    pub comparison: crate::exchange::merge::Comparison,
    pub kind: ProposalKind,
    pub relation: crate::exchange::merge::Relation,
    /// The revision the file names as shared, and whether this browser still has it.
    pub base: Option<(String, bool)>,
    /// The file's name and who prepared it.
    pub file: String,
    pub from: String,
}

#[derive(Clone, PartialEq)]
pub enum ProposalKind {
    Merge,
    Submission { district: String },
}

/// The current UI language (reactive when called in a closure).
pub fn lang() -> Lang {
    expect_context::<Store>().lang.get()
}

/// A name asked for in the browser's prompt, starting from `current`: the trimmed answer, or
/// `None` when the planner cancels or leaves it empty.
pub fn ask_name(prompt: Text, current: &str) -> Option<String> {
    window()
        .prompt_with_message_and_default(t(prompt), current)
        .ok()
        .flatten()
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
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
    Housing,
    Financing,
    Results,
    Compare,
    Assumptions,
    Risk,
    Progress,
    Readiness,
    Assessment,
    Team,
    Report,
}

/// The groups of the navigation bar, in the order of the office's year: the plan drawn up, its
/// figures weighed, the year followed, the plan shared and reported. Each group's pages sit
/// under its name; a page added to a group takes its place there.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Section {
    Plan,
    Weigh,
    Follow,
    Share,
}

impl Section {
    pub const ALL: [Section; 4] = [
        Section::Plan,
        Section::Weigh,
        Section::Follow,
        Section::Share,
    ];

    pub fn label(self) -> Text {
        match self {
            Section::Plan => Text::SectionPlan,
            Section::Weigh => Text::SectionWeigh,
            Section::Follow => Text::SectionFollow,
            Section::Share => Text::SectionShare,
        }
    }

    /// The group's pages, in the bar's order.
    pub fn tabs(self) -> impl Iterator<Item = Tab> {
        Tab::ALL.into_iter().filter(move |t| t.section() == self)
    }
}

impl Tab {
    /// Every page, grouped by section in the bar's order.
    pub const ALL: [Tab; 13] = [
        Tab::Projects,
        Tab::Resettlement,
        Tab::Housing,
        Tab::Financing,
        Tab::Assumptions,
        Tab::Results,
        Tab::Compare,
        Tab::Risk,
        Tab::Progress,
        Tab::Readiness,
        Tab::Assessment,
        Tab::Team,
        Tab::Report,
    ];

    /// The group the page belongs to.
    pub fn section(self) -> Section {
        match self {
            Tab::Projects
            | Tab::Resettlement
            | Tab::Housing
            | Tab::Financing
            | Tab::Assumptions => Section::Plan,
            Tab::Results | Tab::Compare | Tab::Risk => Section::Weigh,
            Tab::Progress | Tab::Readiness | Tab::Assessment => Section::Follow,
            Tab::Team | Tab::Report => Section::Share,
        }
    }

    pub fn label(self) -> Text {
        match self {
            Tab::Projects => Text::NavProjects,
            Tab::Resettlement => Text::NavResettlement,
            Tab::Housing => Text::NavHousing,
            Tab::Financing => Text::NavFinancing,
            Tab::Results => Text::NavResults,
            Tab::Compare => Text::NavCompare,
            Tab::Assumptions => Text::NavAssumptions,
            Tab::Risk => Text::NavRisk,
            Tab::Progress => Text::NavProgress,
            Tab::Readiness => Text::NavReadiness,
            Tab::Assessment => Text::NavAssessment,
            Tab::Team => Text::NavTeam,
            Tab::Report => Text::NavReport,
        }
    }

    /// The tab's name in test ids (`nav-…`) and in the URL (`#/…`).
    pub fn id(self) -> &'static str {
        match self {
            Tab::Projects => "projects",
            Tab::Resettlement => "resettlement",
            Tab::Housing => "housing",
            Tab::Financing => "financing",
            Tab::Results => "results",
            Tab::Compare => "compare",
            Tab::Assumptions => "assumptions",
            Tab::Risk => "risk",
            Tab::Progress => "progress",
            Tab::Readiness => "readiness",
            Tab::Assessment => "assessment",
            Tab::Team => "team",
            Tab::Report => "report",
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

impl Store {
    /// Adds a scenario after the others and shows it, as one undoable step: the active scenario's
    /// edits when `inherit` (none from the base), then `added`.
    pub fn add_scenario(self, name: String, inherit: bool, added: Vec<Edit>) -> Result<(), String> {
        let store = self;
        let lang = store.lang.get_untracked();
        let mut edits = if inherit {
            store.active_edits()
        } else {
            Vec::new()
        };
        // `added` is checked against the plan it goes on, so a refusal names the problem.
        if !added.is_empty() {
            let mut trial = if inherit {
                store.view.get_untracked()
            } else {
                store.plan.with_untracked(|p| p.resolve(None).plan)
            };
            for e in &added {
                trial.apply(e).map_err(|r| r.message(lang))?;
            }
        }
        edits.extend(added);
        let id = store.plan.with_untracked(|p| p.next_scenario_id());
        let scenario = Scenario {
            id: id.clone(),
            forecast: false,
            gated: None,
            name,
            note: String::new(),
            edits,
        };
        store
            .dispatch(Edit::AddScenario {
                index: usize::MAX,
                scenario: Box::new(scenario),
            })
            .map_err(|r| r.message(lang))?;
        store.active.set(Some(id));
        Ok(())
    }

    /// Whether the active scenario's money waits for its gates: set on the scenario shown, or
    /// (from the base) in a new scenario that waits, shown at once — one undoable step each.
    pub fn gate_active(self, dates: Option<crate::calc::gates::GateDates>) -> Result<(), String> {
        let lang = self.lang.get_untracked();
        if let Some(id) = self.active_id() {
            return self
                .dispatch(Edit::SetScenarioGated {
                    scenario: id,
                    gated: dates,
                })
                .map_err(|r| r.message(lang));
        }
        let Some(dates) = dates else {
            return Ok(());
        };
        let id = self.plan.with_untracked(|p| p.next_scenario_id());
        let scenario = Scenario {
            id: id.clone(),
            forecast: false,
            gated: Some(dates),
            name: dates.label().tr(lang).to_string(),
            note: String::new(),
            edits: Vec::new(),
        };
        self.dispatch(Edit::AddScenario {
            index: usize::MAX,
            scenario: Box::new(scenario),
        })
        .map_err(|r| r.message(lang))?;
        self.active.set(Some(id));
        Ok(())
    }

    /// 按实际进度预测: makes the forecast scenario from the actuals (or makes it again) and
    /// shows it. Refused, with what to do, when no project has reported.
    pub fn forecast(self) -> Result<(), Text> {
        let lang = self.lang.get_untracked();
        let step = self.plan.with_untracked(|p| {
            crate::document::rolling::forecast_step(p, Text::ForecastScenarioName.tr(lang), |m| {
                Text::ForecastScenarioNote.fill(lang, &[&m.label(lang)])
            })
        });
        let step = step.ok_or(Text::ForecastNoActuals)?;
        self.dispatch(step).map_err(|_| Text::ForecastNoActuals)?;
        let id = self.plan.with_untracked(|p| {
            crate::document::rolling::forecast_scenario(p).map(|s| s.id.clone())
        });
        self.active.set(id);
        Ok(())
    }

    /// The edits of the active scenario (none for the base).
    pub fn active_edits(&self) -> Vec<Edit> {
        let id = self.active_id();
        self.plan.with_untracked(|p| {
            id.and_then(|id| p.scenario(&id).map(|s| s.edits.clone()))
                .unwrap_or_default()
        })
    }
}
