//! Every change a planner can make to a plan, as a value: `Plan::apply` checks an `Edit`, makes
//! it and returns the edit that undoes it. Undo, scenarios and merge are built on this one type.

use serde::{Deserialize, Serialize};

use crate::fields::{AssumptionKey, Problem, ProjectField, Value};
use crate::i18n::{Lang, Text};
use crate::model::{
    Assumptions, CostDriver, FinancingMix, Instrument, Plan, Project, ProjectId, ResettlementMix,
    ResettlementWay, Scenario,
};
use crate::validate::{validate, validate_project, Field, Issue};

/// A change to a plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
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
}

/// Why an edit was refused: what it names does not exist, or the problems it would bring in.
#[derive(Debug, Clone, PartialEq)]
pub struct Refused(pub Vec<Issue>);

impl Refused {
    fn missing(id: &str) -> Self {
        Refused(vec![Issue {
            project: None,
            field: Field::Id,
            problem: Problem::NoSuchItem { id: id.to_string() },
        }])
    }
}

/// The place an edit changes, for merging consecutive keystrokes into one undo step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Project(ProjectId, String),
    Assumption(String),
    Plan(&'static str),
}

impl Edit {
    /// The project a single-project edit changes.
    fn project(&self) -> Option<&ProjectId> {
        match self {
            Edit::SetProjectField { project, .. }
            | Edit::SetResettlementShare { project, .. }
            | Edit::SetFinancingShare { project, .. }
            | Edit::SetResettlement { project, .. }
            | Edit::SetFinancing { project, .. }
            | Edit::SetCostOverride { project, .. } => Some(project),
            Edit::ReplaceProject { project } => Some(&project.id),
            _ => None,
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
            Edit::SetAssumption { key, .. } => Some(Target::Assumption(key.key().into())),
            Edit::SetCostDefault { driver, .. } => Some(Target::Assumption(driver.key().into())),
            Edit::RenamePlan { .. } => Some(Target::Plan("name")),
            _ => None,
        }
    }

    /// What the edit does, for undo/redo tooltips ("修改 黄沙桥片区 征收户数"). `inverse`, when
    /// given, names what the edit removed (a deleted project is no longer in `plan`).
    pub fn describe_with(&self, plan: &Plan, inverse: Option<&Edit>, lang: Lang) -> String {
        match (self, inverse) {
            (Edit::DeleteProject { .. }, Some(Edit::AddProject { project, .. })) => {
                Text::DescDeleteProject.fill(lang, &[&project.name])
            }
            (Edit::DeleteScenario { .. }, Some(Edit::AddScenario { scenario, .. })) => {
                Text::DescDeleteScenario.fill(lang, &[&scenario.name])
            }
            _ => self.describe(plan, lang),
        }
    }

    /// What the edit does, named against `plan` as it is before the edit.
    pub fn describe(&self, plan: &Plan, lang: Lang) -> String {
        let name = |id: &ProjectId| {
            plan.projects
                .iter()
                .find(|p| &p.id == id)
                .map_or_else(|| id.clone(), |p| p.name.clone())
        };
        let scenario_name = |id: &String| {
            plan.scenarios
                .iter()
                .find(|s| &s.id == id)
                .map_or_else(|| id.clone(), |s| s.name.clone())
        };
        let field = |id: &ProjectId, label: Text| {
            Text::DescProjectField.fill(lang, &[&name(id), &label.tr(lang)])
        };
        match self {
            Edit::RenamePlan { .. } => Text::DescRenamePlan.tr(lang).into(),
            Edit::SetProjectField {
                project, field: f, ..
            } => field(project, f.label()),
            Edit::SetResettlementShare { project, way, .. } => field(project, way.label()),
            Edit::SetFinancingShare {
                project,
                instrument,
                ..
            } => field(project, instrument.label()),
            Edit::SetResettlement { project, .. } => field(project, Text::FieldResettlement),
            Edit::SetFinancing { project, .. } => field(project, Text::FieldFinancing),
            Edit::SetCostOverride {
                project, driver, ..
            } => field(project, driver.label()),
            Edit::ReplaceProject { project } => field(&project.id, Text::EditorTitle),
            Edit::SetAssumption { key, .. } => {
                Text::DescAssumption.fill(lang, &[&key.label().tr(lang)])
            }
            Edit::SetCostDefault { driver, .. } => {
                Text::DescAssumption.fill(lang, &[&driver.label().tr(lang)])
            }
            Edit::SetAssumptions { .. } => Text::DescAssumptions.tr(lang).into(),
            Edit::AddProject { project, .. } => Text::DescAddProject.fill(lang, &[&project.name]),
            Edit::DeleteProject { project } => {
                Text::DescDeleteProject.fill(lang, &[&name(project)])
            }
            Edit::MoveProject { project, .. } => {
                Text::DescMoveProject.fill(lang, &[&name(project)])
            }
            Edit::AddScenario { scenario, .. } => {
                Text::DescAddScenario.fill(lang, &[&scenario.name])
            }
            Edit::DeleteScenario { scenario } => {
                Text::DescDeleteScenario.fill(lang, &[&scenario_name(scenario)])
            }
            Edit::RenameScenario { scenario: s, .. } => {
                Text::DescRenameScenario.fill(lang, &[&scenario_name(s)])
            }
            Edit::Batch { kind, edits } => match (kind, edits.as_slice()) {
                (BatchKind::ImportProjects, _) => {
                    Text::DescImportProjects.fill(lang, &[&edits.len()])
                }
                (_, [one]) => one.describe(plan, lang),
                _ => Text::DescBatch.fill(lang, &[&edits.len()]),
            },
        }
    }
}

/// The problems of `issues` that `before` did not have (rows ignored: a move is not a problem).
fn brought_in(before: &[Issue], after: Vec<Issue>) -> Vec<Issue> {
    let same = |a: &Issue, b: &Issue| {
        a.field == b.field
            && a.problem == b.problem
            && a.project.as_ref().map(|p| &p.id) == b.project.as_ref().map(|p| &p.id)
    };
    after
        .into_iter()
        .filter(|a| !before.iter().any(|b| same(a, b)))
        .collect()
}

impl Plan {
    fn project_index(&self, id: &str) -> Result<usize, Refused> {
        self.projects
            .iter()
            .position(|p| p.id == id)
            .ok_or_else(|| Refused::missing(id))
    }

    fn scenario_index(&self, id: &str) -> Result<usize, Refused> {
        self.scenarios
            .iter()
            .position(|s| s.id == id)
            .ok_or_else(|| Refused::missing(id))
    }

    fn project_issues(&self, i: usize) -> Vec<Issue> {
        let w = (self.first_year, self.first_year + 1);
        let mut issues = validate_project(&self.projects[i], &self.assumptions, w, i + 1);
        if self
            .projects
            .iter()
            .filter(|p| p.id == self.projects[i].id)
            .count()
            > 1
        {
            issues.push(Issue {
                project: None,
                field: Field::Id,
                problem: Problem::DuplicateId,
            });
        }
        issues
    }

    /// Checks `edit`, makes it and returns the edit that undoes it. An edit that names what does
    /// not exist, or that would bring in a problem the plan did not have, changes nothing.
    pub fn apply(&mut self, edit: &Edit) -> Result<Edit, Refused> {
        if let Some(id) = edit.project() {
            // Single-project edits: only that project can gain problems.
            let i = self.project_index(id)?;
            self.check_value(i, edit)?;
            let before = self.project_issues(i);
            let old = self.projects[i].clone();
            self.change_project(i, edit);
            let added = brought_in(&before, self.project_issues(i));
            if !added.is_empty() {
                self.projects[i] = old;
                return Err(Refused(added));
            }
            return Ok(Edit::ReplaceProject {
                project: Box::new(old),
            });
        }
        if let Edit::Batch { kind, edits } = edit {
            let mut trial = self.clone();
            let mut inverses = Vec::with_capacity(edits.len());
            for e in edits {
                inverses.push(trial.apply(e)?);
            }
            *self = trial;
            inverses.reverse();
            return Ok(Edit::Batch {
                kind: *kind,
                edits: inverses,
            });
        }
        if let Edit::AddProject { index, project } = edit {
            let i = (*index).min(self.projects.len());
            self.projects.insert(i, (**project).clone());
            let added = self.project_issues(i);
            if !added.is_empty() {
                self.projects.remove(i);
                return Err(Refused(added));
            }
            return Ok(Edit::DeleteProject {
                project: project.id.clone(),
            });
        }
        let before = validate(self);
        let mut trial = self.clone();
        let inverse = trial.change_plan(edit)?;
        let added = brought_in(&before, validate(&trial));
        if !added.is_empty() {
            return Err(Refused(added));
        }
        *self = trial;
        Ok(inverse)
    }

    /// Refuses a value its field's declaration does not allow, naming the value as typed.
    fn check_value(&self, i: usize, edit: &Edit) -> Result<(), Refused> {
        let window = (self.first_year, self.first_year + 1);
        let (field, problem) = match edit {
            Edit::SetProjectField { field, value, .. } => {
                (Field::Project(*field), field.check(value, window))
            }
            Edit::SetCostOverride {
                driver,
                value: Some(v),
                ..
            } => (Field::Cost(*driver), driver.bounds().check(*v)),
            _ => return Ok(()),
        };
        match problem {
            None => Ok(()),
            Some(problem) => {
                let p = &self.projects[i];
                Err(Refused(vec![Issue {
                    project: Some(crate::validate::Place {
                        id: p.id.clone(),
                        name: p.name.clone(),
                        row: i + 1,
                    }),
                    field,
                    problem,
                }]))
            }
        }
    }

    /// Makes a single-project edit on project `i` (checked by `apply`).
    fn change_project(&mut self, i: usize, edit: &Edit) {
        let p = &mut self.projects[i];
        match edit {
            Edit::SetProjectField { field, value, .. } => field.set(p, value.clone()),
            Edit::SetResettlementShare { way, value, .. } => rebalance(
                &mut p.resettlement,
                *way,
                *value,
                ResettlementWay::ALL,
                ResettlementWay::BALANCE,
                ResettlementWay::get,
                ResettlementWay::set,
            ),
            Edit::SetFinancingShare {
                instrument, value, ..
            } => rebalance(
                &mut p.financing,
                *instrument,
                *value,
                Instrument::ALL,
                Instrument::BALANCE,
                Instrument::get,
                Instrument::set,
            ),
            Edit::SetResettlement { mix, .. } => p.resettlement = *mix,
            Edit::SetFinancing { mix, .. } => p.financing = *mix,
            Edit::SetCostOverride { driver, value, .. } => {
                driver.set_override(&mut p.costs, *value)
            }
            Edit::ReplaceProject { project } => *p = (**project).clone(),
            _ => unreachable!("only single-project edits reach change_project"),
        }
    }

    /// Makes a plan-level edit and returns its inverse (checked by `apply`).
    fn change_plan(&mut self, edit: &Edit) -> Result<Edit, Refused> {
        Ok(match edit {
            Edit::RenamePlan { name } => Edit::RenamePlan {
                name: std::mem::replace(&mut self.name, name.clone()),
            },
            Edit::SetAssumption { key, value } => {
                let old = key.get(&self.assumptions);
                if let Some(problem) = key.bounds().check(*value) {
                    return Err(Refused(vec![Issue {
                        project: None,
                        field: Field::Assumption(*key),
                        problem,
                    }]));
                }
                key.set(&mut self.assumptions, *value);
                Edit::SetAssumption {
                    key: *key,
                    value: old,
                }
            }
            Edit::SetCostDefault { driver, value } => {
                let old = driver.get(&self.assumptions.costs);
                if let Some(problem) = driver.bounds().check(*value) {
                    return Err(Refused(vec![Issue {
                        project: None,
                        field: Field::Cost(*driver),
                        problem,
                    }]));
                }
                driver.set(&mut self.assumptions.costs, *value);
                Edit::SetCostDefault {
                    driver: *driver,
                    value: old,
                }
            }
            Edit::SetAssumptions { assumptions } => Edit::SetAssumptions {
                assumptions: Box::new(std::mem::replace(
                    &mut self.assumptions,
                    (**assumptions).clone(),
                )),
            },
            Edit::DeleteProject { project } => {
                let i = self.project_index(project)?;
                let p = self.projects.remove(i);
                Edit::AddProject {
                    index: i,
                    project: Box::new(p),
                }
            }
            Edit::MoveProject { project, to } => {
                let i = self.project_index(project)?;
                let p = self.projects.remove(i);
                self.projects.insert((*to).min(self.projects.len()), p);
                Edit::MoveProject {
                    project: project.clone(),
                    to: i,
                }
            }
            Edit::AddScenario { index, scenario } => {
                if self.scenarios.iter().any(|s| s.id == scenario.id) {
                    return Err(Refused(vec![Issue {
                        project: None,
                        field: Field::Scenario,
                        problem: Problem::DuplicateId,
                    }]));
                }
                let i = (*index).min(self.scenarios.len());
                self.scenarios.insert(i, (**scenario).clone());
                Edit::DeleteScenario {
                    scenario: scenario.id.clone(),
                }
            }
            Edit::DeleteScenario { scenario } => {
                let i = self.scenario_index(scenario)?;
                Edit::AddScenario {
                    index: i,
                    scenario: Box::new(self.scenarios.remove(i)),
                }
            }
            Edit::RenameScenario { scenario, name } => {
                let i = self.scenario_index(scenario)?;
                Edit::RenameScenario {
                    scenario: scenario.clone(),
                    name: std::mem::replace(&mut self.scenarios[i].name, name.clone()),
                }
            }
            _ => unreachable!("project edits, batches and additions are handled by apply"),
        })
    }
}

/// Sets one share and lets the balancing part take up what the others leave (never below 0;
/// when the others exceed 100 % the sum is off and validation says so).
fn rebalance<M, P: Copy + PartialEq>(
    mix: &mut M,
    part: P,
    value: f64,
    all: &[P],
    balance: P,
    get: fn(P, &M) -> f64,
    set: fn(P, &mut M, f64),
) {
    set(part, mix, value);
    if part != balance {
        let others: f64 = all
            .iter()
            .filter(|&&p| p != balance)
            .map(|&p| get(p, mix))
            .sum();
        set(balance, mix, (1.0 - others).max(0.0));
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
