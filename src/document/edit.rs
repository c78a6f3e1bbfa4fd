//! Every change a planner can make to a plan, as a value, and scenarios as named lists of them.
//! Undo, scenarios and merge are built on this one type; `apply` makes them.

use serde::{Deserialize, Serialize};

use crate::calc::fields::{AssumptionKey, ProjectField, Value};
use crate::calc::model::{
    Assumptions, CostDriver, FinancingMix, Instrument, Project, ProjectId, ResettlementMix,
    ResettlementWay,
};
use crate::document::lever::Lever;
use crate::document::provenance::{Person, Submission};
use crate::document::reporting::{RankingWeights, Receipt};
use crate::document::risk_settings::RiskSettings;

/// A named variant of the plan ("区县货币化≥57%"): the edits that make it from the base plan,
/// in order. An edit that no longer applies (its project was deleted) is stale, not an error.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub edits: Vec<Edit>,
    /// Made from the actuals by 按实际进度预测 (version 7): its forecast edits are made again
    /// when the actuals change; the planner's own edits in it stay.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub forecast: bool,
    /// Each project's money waits for its gates (version 8): moved to the day its milestones
    /// are reached, by the plan's dates or as things stand (`GateDates`). `None`: as planned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gated: Option<crate::calc::gates::GateDates>,
}

/// A change to a plan. Written externally tagged (`{"set_gates": {…}}`, version 9): read
/// with its tag first, it needs no buffering, where an internally tagged enum (`"op"`, before)
/// is read through serde's `Content`, a second reader of every type an edit carries (a whole
/// project, the stock) in the page's module.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Edit {
    RenamePlan {
        name: String,
    },
    SetProjectField {
        project: ProjectId,
        field: ProjectField,
        value: Value,
    },
    /// One share of the resettlement mix; new build takes up what the others leave.
    SetResettlementShare {
        project: ProjectId,
        way: ResettlementWay,
        value: f64,
    },
    /// One share of the financing mix; the policy loan takes up what the others leave.
    SetFinancingShare {
        project: ProjectId,
        instrument: Instrument,
        value: f64,
    },
    SetResettlement {
        project: ProjectId,
        mix: ResettlementMix,
    },
    SetFinancing {
        project: ProjectId,
        mix: FinancingMix,
    },
    /// A project's own cost driver; `None` goes back to the city-wide default.
    SetCostOverride {
        project: ProjectId,
        driver: CostDriver,
        value: Option<f64>,
    },
    /// A project's income streams besides land sales, all at once.
    SetIncome {
        project: ProjectId,
        income: Vec<crate::calc::model::IncomeStream>,
    },
    /// A project's actual progress (the months it started, its monthly figures), all at once.
    SetProgress {
        project: ProjectId,
        progress: crate::calc::model::ProjectProgress,
    },
    /// A project's forecast schedule (its actuals to a month, its delays); `None`: the plan's.
    SetForecast {
        project: ProjectId,
        forecast: Option<crate::calc::model::Forecast>,
    },
    /// One milestone of a project: its dates, number and note (an empty record clears it).
    SetMilestone {
        project: ProjectId,
        milestone: crate::calc::readiness::Milestone,
        record: crate::calc::readiness::MilestoneRecord,
    },
    /// What a project's gates read besides its milestones: the risk assessment's result, the
    /// opposition and pre-signing shares.
    SetReadinessFacts {
        project: ProjectId,
        risk: Option<crate::calc::readiness::RiskLevel>,
        opposition: Option<f64>,
        presigned: Option<f64>,
    },
    /// A PPP project's own spending inputs (equity share, risk, supporting inputs), all at once.
    SetPppInputs {
        project: ProjectId,
        inputs: crate::calc::model::PppInputs,
    },
    SetAssumption {
        key: AssumptionKey,
        value: f64,
    },
    SetCostDefault {
        driver: CostDriver,
        value: f64,
    },
    /// All assumptions at once (the choices: repayment methods, PPP formula).
    SetAssumptions {
        assumptions: Box<Assumptions>,
    },
    AddProject {
        index: usize,
        project: Box<Project>,
    },
    DeleteProject {
        project: ProjectId,
    },
    MoveProject {
        project: ProjectId,
        to: usize,
    },
    /// Puts a project back as it was (the inverse of every single-project edit).
    ReplaceProject {
        project: Box<Project>,
    },
    AddScenario {
        index: usize,
        scenario: Box<Scenario>,
    },
    DeleteScenario {
        scenario: String,
    },
    RenameScenario {
        scenario: String,
        name: String,
    },
    MoveScenario {
        scenario: String,
        to: usize,
    },
    /// Changes a scenario's edit list: `remove` edits from `index` on, `insert` put there.
    SpliceScenario {
        scenario: String,
        index: usize,
        remove: usize,
        insert: Vec<Edit>,
    },
    /// One change over a selection of projects, re-read against the plan it is applied to.
    Lever {
        lever: Lever,
    },
    /// Who prepared the document.
    SetPreparedBy {
        person: Person,
    },
    /// The risk page's ranges, draws, seed and ceiling.
    SetRisk {
        risk: Box<RiskSettings>,
    },
    /// The optimizer's settings.
    SetOptimize {
        settings: Box<crate::document::optimize_settings::Settings>,
    },
    /// The counties' submissions, all at once (a submission taken, or taken back).
    SetSubmissions {
        submissions: Vec<Submission>,
    },
    /// The counties' monthly progress reports received, all at once (one taken, or undone).
    SetReceipts {
        receipts: Vec<Receipt>,
    },
    /// What each source of money waits for (the plan's gates).
    SetGates {
        gates: Box<crate::calc::readiness::Gates>,
    },
    /// The plan's deadlines, all at once.
    SetDeadlines {
        deadlines: Vec<crate::calc::readiness::Deadline>,
    },
    /// The plan's housing stock (房源库), all at once.
    SetHousingStock {
        stock: Box<crate::calc::housing::HousingStock>,
    },
    /// The plan's 考核办法, all at once.
    SetAssessment {
        scheme: Box<crate::calc::assessment::Scheme>,
    },
    /// Whether a scenario's money waits for its gates, and by which dates.
    SetScenarioGated {
        scenario: String,
        gated: Option<crate::calc::gates::GateDates>,
    },
    /// The weights of the 进度 ranking's composite score.
    SetRankingWeights {
        weights: RankingWeights,
    },
    /// The plan's window: its first year and how many years (2 or 3).
    SetWindow {
        first_year: i32,
        years: u8,
    },
    /// A finished project out of the list into the plan's history (the window rolled past it).
    ArchiveProject {
        project: ProjectId,
    },
    /// The last project of the history back into the list at `index` (an archive undone).
    RestoreProject {
        project: ProjectId,
        index: usize,
    },
    /// Several edits as one step (an import, a lever over many projects, a merge).
    Batch {
        kind: BatchKind,
        edits: Vec<Edit>,
    },
}

/// What a compound step was, for its description.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BatchKind {
    ImportProjects,
    Changes,
    Undo,
    /// A colleague's changes taken into the document: checked as a whole, not edit by edit
    /// (both sides were valid; a half-merged plan need not be).
    Merge,
    /// A county's project list taken in place of its projects (checked as a whole too).
    Submission,
    /// A county's monthly progress file: its projects' records and the receipt.
    ProgressReport,
    /// The window moved one year on: finished projects into history, the rest carried.
    RollForward,
    /// The forecast scenario made again from the actuals.
    Forecast,
}

impl BatchKind {
    /// Whether the batch is checked once, on its result, rather than edit by edit.
    pub fn checked_as_whole(self) -> bool {
        matches!(self, BatchKind::Merge | BatchKind::Submission)
    }
}

/// The place an edit changes, for merging consecutive keystrokes into one undo step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Project(ProjectId, String),
    Assumption(String),
    Plan(&'static str),
    /// The same place inside a scenario.
    Scenario(String, Box<Target>),
}

impl Edit {
    /// The project a single-project edit changes.
    pub fn project(&self) -> Option<&ProjectId> {
        match self {
            Edit::SetProjectField { project, .. }
            | Edit::SetResettlementShare { project, .. }
            | Edit::SetFinancingShare { project, .. }
            | Edit::SetResettlement { project, .. }
            | Edit::SetFinancing { project, .. }
            | Edit::SetCostOverride { project, .. }
            | Edit::SetPppInputs { project, .. }
            | Edit::SetProgress { project, .. }
            | Edit::SetForecast { project, .. }
            | Edit::SetMilestone { project, .. }
            | Edit::SetReadinessFacts { project, .. }
            | Edit::SetIncome { project, .. } => Some(project),
            Edit::ReplaceProject { project } => Some(&project.id),
            _ => None,
        }
    }

    /// Whether the edit changes the plan's content (projects, assumptions) rather than its name,
    /// its scenario list or its history: only those go into the active scenario. A merge or a
    /// submission changes the document itself.
    pub fn changes_content(&self) -> bool {
        !matches!(
            self,
            Edit::RenamePlan { .. }
                | Edit::AddScenario { .. }
                | Edit::DeleteScenario { .. }
                | Edit::RenameScenario { .. }
                | Edit::MoveScenario { .. }
                | Edit::SpliceScenario { .. }
                | Edit::SetPreparedBy { .. }
                | Edit::SetSubmissions { .. }
                | Edit::SetReceipts { .. }
                | Edit::SetRankingWeights { .. }
                // The window and the history are the document's: every scenario shares them.
                | Edit::SetWindow { .. }
                | Edit::ArchiveProject { .. }
                | Edit::RestoreProject { .. }
                | Edit::SetRisk { .. }
                | Edit::SetOptimize { .. }
                // What actually happened is the base's: every scenario sees the same actuals.
                | Edit::SetProgress { .. }
                // So is a project's readiness and the gates: a scenario chooses only whether
                // its money waits for them.
                | Edit::SetMilestone { .. }
                | Edit::SetReadinessFacts { .. }
                | Edit::SetGates { .. }
                | Edit::SetDeadlines { .. }
                | Edit::SetHousingStock { .. }
                | Edit::SetAssessment { .. }
                | Edit::SetScenarioGated { .. }
        ) && match self {
            // A batch is the plan's content when any edit of it is (a pasted block of actuals
            // is the base's, as each of its edits is).
            Edit::Batch { kind, edits } => {
                !kind.checked_as_whole()
                    && *kind != BatchKind::RollForward
                    && edits.iter().any(Edit::changes_content)
            }
            _ => true,
        }
    }

    pub fn target(&self) -> Option<Target> {
        let p = |id: &ProjectId, what: String| Some(Target::Project(id.clone(), what));
        match self {
            Edit::SetProjectField { project, field, .. } => p(project, field.key().into()),
            Edit::SetResettlementShare { project, way, .. } => p(project, way.key().into()),
            Edit::SetFinancingShare {
                project,
                instrument,
                ..
            } => p(project, instrument.key().into()),
            Edit::SetCostOverride {
                project, driver, ..
            } => p(project, driver.key().into()),
            Edit::SetResettlement { project, .. } => p(project, "resettlement".into()),
            Edit::SetFinancing { project, .. } => p(project, "financing".into()),
            Edit::SetPppInputs { project, .. } => p(project, "ppp".into()),
            Edit::SetIncome { project, .. } => p(project, "income".into()),
            Edit::SetProgress { project, .. } => p(project, "progress".into()),
            Edit::SetForecast { project, .. } => p(project, "forecast".into()),
            Edit::SetMilestone {
                project, milestone, ..
            } => p(project, milestone.key().into()),
            Edit::SetReadinessFacts { project, .. } => p(project, "readiness".into()),
            Edit::SetGates { .. } => Some(Target::Plan("gates")),
            Edit::SetHousingStock { .. } => Some(Target::Plan("housing")),
            Edit::SetAssessment { .. } => Some(Target::Plan("assessment")),
            Edit::SetAssumption { key, .. } => Some(Target::Assumption(key.key().into())),
            Edit::SetCostDefault { driver, .. } => Some(Target::Assumption(driver.key().into())),
            Edit::RenamePlan { .. } => Some(Target::Plan("name")),
            Edit::SetPreparedBy { .. } => Some(Target::Plan("prepared_by")),
            Edit::SetRisk { .. } => Some(Target::Plan("risk")),
            Edit::SetOptimize { .. } => Some(Target::Plan("optimize")),
            // Typing in a scenario replaces its last edit: one step, like typing in the base.
            Edit::SpliceScenario {
                scenario, insert, ..
            } => match insert.as_slice() {
                [one] => one
                    .target()
                    .map(|t| Target::Scenario(scenario.clone(), Box::new(t))),
                _ => None,
            },
            _ => None,
        }
    }
}

/// The edit that turns project `old` into `new` (same id): the one field, mix or cost driver
/// that differs, or the whole project when several do. `None` when nothing differs. Editors that
/// work on a draft use it so every change reaches the plan as the edit a planner would name.
pub fn project_edit(old: &Project, new: &Project) -> Option<Edit> {
    if old == new {
        return None;
    }
    let project = new.id.clone();
    let mut changes: Vec<Edit> = ProjectField::ALL
        .iter()
        .filter(|f| f.get(old) != f.get(new))
        .map(|&field| Edit::SetProjectField {
            project: project.clone(),
            field,
            value: field.get(new),
        })
        .collect();
    if old.resettlement != new.resettlement {
        changes.push(Edit::SetResettlement {
            project: project.clone(),
            mix: new.resettlement,
        });
    }
    if old.financing != new.financing {
        changes.push(Edit::SetFinancing {
            project: project.clone(),
            mix: new.financing,
        });
    }
    changes.extend(
        CostDriver::ALL
            .iter()
            .filter(|d| d.get_override(&old.costs) != d.get_override(&new.costs))
            .map(|&driver| Edit::SetCostOverride {
                project: project.clone(),
                driver,
                value: driver.get_override(&new.costs),
            }),
    );
    if old.income != new.income {
        changes.push(Edit::SetIncome {
            project: project.clone(),
            income: new.income.clone(),
        });
    }
    if old.ppp != new.ppp {
        changes.push(Edit::SetPppInputs {
            project: project.clone(),
            inputs: new.ppp,
        });
    }
    if old.progress != new.progress {
        changes.push(Edit::SetProgress {
            project: project.clone(),
            progress: new.progress.clone(),
        });
    }
    if old.forecast != new.forecast {
        changes.push(Edit::SetForecast {
            project: project.clone(),
            forecast: new.forecast,
        });
    }
    let (a, b) = (&old.readiness, &new.readiness);
    for &m in crate::calc::readiness::Milestone::ALL {
        if a.record(m) != b.record(m) {
            changes.push(Edit::SetMilestone {
                project: project.clone(),
                milestone: m,
                record: b.record(m).cloned().unwrap_or_default(),
            });
        }
    }
    if (a.risk, a.opposition, a.presigned) != (b.risk, b.opposition, b.presigned) {
        changes.push(Edit::SetReadinessFacts {
            project: project.clone(),
            risk: b.risk,
            opposition: b.opposition,
            presigned: b.presigned,
        });
    }
    let mut probe = old.clone();
    // One edit only if making it gives exactly `new` (a land field also creates land revenue).
    let single = changes.len() == 1 && {
        if let Edit::SetProjectField { field, value, .. } = &changes[0] {
            field.set(&mut probe, value.clone());
            probe == *new
        } else {
            true
        }
    };
    if single {
        changes.pop()
    } else {
        Some(Edit::ReplaceProject {
            project: Box::new(new.clone()),
        })
    }
}

/// The edit that turns assumptions `old` into `new`: one numeric field or default cost when
/// only one differs, else all of them at once.
pub fn assumptions_edit(old: &Assumptions, new: &Assumptions) -> Option<Edit> {
    if old == new {
        return None;
    }
    let keys: Vec<AssumptionKey> = AssumptionKey::ALL
        .iter()
        .copied()
        .filter(|k| k.get(old) != k.get(new))
        .collect();
    let drivers: Vec<CostDriver> = CostDriver::ALL
        .iter()
        .copied()
        .filter(|d| d.get(&old.costs) != d.get(&new.costs))
        .collect();
    let mut probe = old.clone();
    let single = match (keys.as_slice(), drivers.as_slice()) {
        ([k], []) => {
            k.set(&mut probe, k.get(new));
            Some(Edit::SetAssumption {
                key: *k,
                value: k.get(new),
            })
        }
        ([], [d]) => {
            d.set(&mut probe.costs, d.get(&new.costs));
            Some(Edit::SetCostDefault {
                driver: *d,
                value: d.get(&new.costs),
            })
        }
        _ => None,
    };
    match single {
        Some(e) if probe == *new => Some(e),
        _ => Some(Edit::SetAssumptions {
            assumptions: Box::new(new.clone()),
        }),
    }
}
