//! Making edits: `Plan::apply` checks an edit, makes it and returns the edit that undoes it;
//! levers are expanded into the project edits they stand for; a scenario is resolved by
//! applying its edits to a copy of the base plan.

use crate::calc::fields::{Problem, ProjectField, Value};
use crate::calc::model::{FinancingMix, Instrument, Project, ResettlementWay};
use crate::document::edit::{BatchKind, Edit, Scenario};
use crate::document::lever::{Lever, LeverAction};
use crate::document::plan::Plan;
use crate::document::validate::{progress_above_plan, validate, validate_project, Field, Issue};

/// Why an edit was refused: what it names does not exist, or the problems it would bring in.
#[derive(Debug, Clone, PartialEq)]
pub struct Refused(pub Vec<Issue>);

impl Refused {
    /// Every problem, named as validation names it, in one line.
    pub fn message(&self, lang: crate::words::i18n::Lang) -> String {
        let all: Vec<String> = self.0.iter().map(|i| i.message(lang)).collect();
        all.join(crate::words::i18n::Text::ListSeparator.tr(lang))
    }

    fn missing(id: &str) -> Self {
        Refused(vec![Issue {
            project: None,
            field: Field::Id,
            problem: Problem::NoSuchItem { id: id.to_string() },
        }])
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

/// An edit is refused with its problems, if it has any.
fn refused_if_any(problems: Vec<Issue>) -> Result<(), Refused> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Refused(problems))
    }
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

    /// Project `i`'s own problems. A single-project edit never changes the id it is found by,
    /// so it cannot bring in a duplicate id: only an added project is checked for one
    /// (`duplicate_id`), which keeps a lever over every project linear.
    fn project_issues(&self, i: usize) -> Vec<Issue> {
        let w = self.window_span();
        validate_project(&self.projects[i], &self.assumptions, w, i + 1)
    }

    fn duplicate_id(&self, i: usize) -> Option<Issue> {
        let id = &self.projects[i].id;
        (self.projects.iter().filter(|p| &p.id == id).count() > 1).then_some(Issue {
            project: None,
            field: Field::Id,
            problem: Problem::DuplicateId,
        })
    }

    /// Checks `edit`, makes it and returns the edit that undoes it. An edit that names what does
    /// not exist, or that would bring in a problem the plan did not have, changes nothing.
    pub fn apply(&mut self, edit: &Edit) -> Result<Edit, Refused> {
        self.apply_checking(edit, true)
    }

    /// `apply`; with `checked == false` only the values and names are checked, not whether the
    /// plan still keeps its rules (a batch checked as a whole checks its result once).
    fn apply_checking(&mut self, edit: &Edit, checked: bool) -> Result<Edit, Refused> {
        if let Edit::SetForecast { project, forecast } = edit {
            return self.set_forecast(project, *forecast, checked);
        }
        if let Some(id) = edit.project() {
            // Single-project edits: only that project can gain problems.
            let i = self.project_index(id)?;
            self.check_value(i, edit)?;
            let before = self.project_issues(i);
            let old = self.projects[i].clone();
            self.change_project(i, edit);
            let after = self.project_issues(i);
            // Figures entered above what the plan allows need their reason (a project with
            // problems of its own has no limits to read).
            let above = |p: &Project, issues: &[Issue]| match edit {
                Edit::SetProgress { .. } if issues.is_empty() => {
                    progress_above_plan(p, &self.assumptions, i + 1)
                }
                _ => Vec::new(),
            };
            let (above_before, above_after) =
                (above(&old, &before), above(&self.projects[i], &after));
            let mut added = brought_in(&before, after);
            added.extend(brought_in(&above_before, above_after));
            if checked && !added.is_empty() {
                self.projects[i] = old;
                return Err(Refused(added));
            }
            return Ok(Edit::ReplaceProject {
                project: Box::new(old),
            });
        }
        if let Edit::Lever { lever } = edit {
            let edits = lever_edits(self, lever);
            return self.apply(&Edit::Batch {
                kind: BatchKind::Changes,
                edits,
            });
        }
        if let Edit::Batch { kind, edits } = edit {
            let whole = kind.checked_as_whole();
            let before = if whole { validate(self) } else { Vec::new() };
            let mut trial = self.clone();
            let mut inverses = Vec::with_capacity(edits.len());
            for e in edits {
                inverses.push(trial.apply_checking(e, checked && !whole)?);
            }
            if whole && checked {
                refused_if_any(brought_in(&before, validate(&trial)))?;
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
            let mut added = if checked {
                self.project_issues(i)
            } else {
                Vec::new()
            };
            added.extend(self.duplicate_id(i));
            if !added.is_empty() {
                self.projects.remove(i);
                return Err(Refused(added));
            }
            return Ok(Edit::DeleteProject {
                project: project.id.clone(),
            });
        }
        if !checked {
            // Its errors (a missing name, a value out of bounds) come before any change.
            return self.change_plan(edit);
        }
        let before = validate(self);
        let mut trial = self.clone();
        let inverse = trial.change_plan(edit)?;
        refused_if_any(brought_in(&before, validate(&trial)))?;
        *self = trial;
        Ok(inverse)
    }

    /// A forecast set: only its own delays, and (cleared) a carried project's year, can bring
    /// in a problem, so the rest of the project is not checked again — the forecast scenario
    /// sets one per project, and a thousand projects' months would be read twice each.
    fn set_forecast(
        &mut self,
        id: &str,
        forecast: Option<crate::calc::model::Forecast>,
        checked: bool,
    ) -> Result<Edit, Refused> {
        let i = self.project_index(id)?;
        let problems = |plan: &Plan| -> Vec<Issue> {
            let p = &plan.projects[i];
            crate::document::validate::forecast_issues(p, plan.window_span(), i + 1)
        };
        let before = if checked { problems(self) } else { Vec::new() };
        let old = std::mem::replace(&mut self.projects[i].forecast, forecast);
        if checked {
            let added = brought_in(&before, problems(self));
            if !added.is_empty() {
                self.projects[i].forecast = old;
                return Err(Refused(added));
            }
        }
        Ok(Edit::SetForecast {
            project: id.to_string(),
            forecast: old,
        })
    }

    /// Refuses a value its field's declaration does not allow, naming the value as typed.
    fn check_value(&self, i: usize, edit: &Edit) -> Result<(), Refused> {
        let window = self.window_span();
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
                    project: Some(crate::document::validate::Place {
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
            Edit::SetPppInputs { inputs, .. } => p.ppp = *inputs,
            Edit::SetIncome { income, .. } => p.income = income.clone(),
            Edit::SetProgress { progress, .. } => p.progress = progress.clone(),
            Edit::SetForecast { forecast, .. } => p.forecast = *forecast,
            Edit::SetMilestone {
                milestone, record, ..
            } => {
                if record.is_empty() {
                    p.readiness.milestones.remove(milestone);
                } else {
                    p.readiness.milestones.insert(*milestone, record.clone());
                }
            }
            Edit::SetReadinessFacts {
                risk,
                opposition,
                presigned,
                ..
            } => {
                p.readiness.risk = *risk;
                p.readiness.opposition = *opposition;
                p.readiness.presigned = *presigned;
            }
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
            Edit::RenamePlan { .. }
            | Edit::SetPreparedBy { .. }
            | Edit::SetRisk { .. }
            | Edit::SetOptimize { .. }
            | Edit::SetSubmissions { .. }
            | Edit::SetReceipts { .. }
            | Edit::SetRankingWeights { .. }
            | Edit::SetGates { .. }
            | Edit::SetDeadlines { .. }
            | Edit::SetHousingStock { .. }
            | Edit::SetAssessment { .. } => self.change_document(edit)?,
            Edit::SetWindow { .. } | Edit::ArchiveProject { .. } | Edit::RestoreProject { .. } => {
                self.change_window(edit)?
            }
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
            Edit::AddScenario { .. }
            | Edit::DeleteScenario { .. }
            | Edit::RenameScenario { .. }
            | Edit::SetScenarioGated { .. }
            | Edit::MoveScenario { .. }
            | Edit::SpliceScenario { .. } => self.change_scenarios(edit)?,
            _ => unreachable!("project edits, levers, batches and additions are handled by apply"),
        })
    }

    /// Makes an edit of the window or of the history (a roll and its undo); returns its inverse.
    fn change_window(&mut self, edit: &Edit) -> Result<Edit, Refused> {
        Ok(match edit {
            Edit::SetWindow { first_year, years } => {
                if !crate::document::plan::WINDOW_YEARS.contains(years) {
                    return Err(Refused(vec![Issue {
                        project: None,
                        field: Field::Window,
                        problem: Problem::OutOfRange {
                            value: f64::from(*years),
                            min: 2.0,
                            max: 3.0,
                        },
                    }]));
                }
                let old = Edit::SetWindow {
                    first_year: self.first_year,
                    years: self.window_years,
                };
                self.first_year = *first_year;
                self.window_years = *years;
                old
            }
            Edit::ArchiveProject { project } => {
                let i = self.project_index(project)?;
                self.history.push(self.projects.remove(i));
                Edit::RestoreProject {
                    project: project.clone(),
                    index: i,
                }
            }
            Edit::RestoreProject { project, index } => {
                if self.history.last().is_none_or(|p| &p.id != project) {
                    return Err(Refused::missing(project));
                }
                let p = self.history.pop().expect("checked above");
                self.projects.insert((*index).min(self.projects.len()), p);
                Edit::ArchiveProject {
                    project: project.clone(),
                }
            }
            _ => unreachable!("only window and history edits reach change_window"),
        })
    }

    /// Makes an edit of what the document says about the plan (its name, who prepared it, the
    /// risk settings, the submissions); returns its inverse.
    fn change_document(&mut self, edit: &Edit) -> Result<Edit, Refused> {
        Ok(match edit {
            Edit::RenamePlan { name } => Edit::RenamePlan {
                name: std::mem::replace(&mut self.name, name.clone()),
            },
            Edit::SetPreparedBy { person } => Edit::SetPreparedBy {
                person: std::mem::replace(&mut self.provenance.prepared_by, person.clone()),
            },
            Edit::SetRisk { risk } => {
                refused_if_any(crate::document::validate::risk_issues(risk))?;
                Edit::SetRisk {
                    risk: Box::new(std::mem::replace(&mut self.risk, (**risk).clone())),
                }
            }
            Edit::SetOptimize { settings } => {
                refused_if_any(crate::document::validate::optimize_issues(settings))?;
                Edit::SetOptimize {
                    settings: Box::new(std::mem::replace(&mut self.optimize, (**settings).clone())),
                }
            }
            Edit::SetSubmissions { submissions } => Edit::SetSubmissions {
                submissions: std::mem::replace(&mut self.submissions, submissions.clone()),
            },
            Edit::SetReceipts { receipts } => Edit::SetReceipts {
                receipts: std::mem::replace(&mut self.reporting.receipts, receipts.clone()),
            },
            Edit::SetRankingWeights { weights } => {
                refused_if_any(crate::document::validate::weight_issues(weights))?;
                Edit::SetRankingWeights {
                    weights: std::mem::replace(&mut self.reporting.weights, weights.clone()),
                }
            }
            Edit::SetGates { gates } => {
                refused_if_any(crate::document::validate::gate_issues(gates))?;
                Edit::SetGates {
                    gates: Box::new(std::mem::replace(&mut self.gates, (**gates).clone())),
                }
            }
            Edit::SetDeadlines { deadlines } => {
                refused_if_any(crate::document::validate::deadline_issues(deadlines))?;
                Edit::SetDeadlines {
                    deadlines: std::mem::replace(&mut self.deadlines, deadlines.clone()),
                }
            }
            Edit::SetHousingStock { stock } => {
                refused_if_any(crate::document::validate::housing_issues(stock))?;
                Edit::SetHousingStock {
                    stock: Box::new(std::mem::replace(&mut self.housing, (**stock).clone())),
                }
            }
            Edit::SetAssessment { scheme } => {
                refused_if_any(crate::document::validate::assessment_issues(scheme))?;
                Edit::SetAssessment {
                    scheme: Box::new(std::mem::replace(&mut self.assessment, (**scheme).clone())),
                }
            }
            _ => unreachable!("only document edits reach change_document"),
        })
    }

    /// Makes an edit of the scenario list or of one scenario's edits; returns its inverse.
    fn change_scenarios(&mut self, edit: &Edit) -> Result<Edit, Refused> {
        Ok(match edit {
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
            Edit::SetScenarioGated { scenario, gated } => {
                let i = self.scenario_index(scenario)?;
                Edit::SetScenarioGated {
                    scenario: scenario.clone(),
                    gated: std::mem::replace(&mut self.scenarios[i].gated, *gated),
                }
            }
            Edit::MoveScenario { scenario, to } => {
                let i = self.scenario_index(scenario)?;
                let s = self.scenarios.remove(i);
                self.scenarios.insert((*to).min(self.scenarios.len()), s);
                Edit::MoveScenario {
                    scenario: scenario.clone(),
                    to: i,
                }
            }
            Edit::SpliceScenario {
                scenario,
                index,
                remove,
                insert,
            } => {
                let s = self.scenario_index(scenario)?;
                let edits = &mut self.scenarios[s].edits;
                if index.saturating_add(*remove) > edits.len() {
                    return Err(Refused::missing(&format!("{scenario}#{index}")));
                }
                let removed: Vec<Edit> = edits
                    .splice(*index..index + remove, insert.iter().cloned())
                    .collect();
                Edit::SpliceScenario {
                    scenario: scenario.clone(),
                    index: *index,
                    remove: insert.len(),
                    insert: removed,
                }
            }
            _ => unreachable!("only scenario edits reach change_scenarios"),
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

/// A scenario's view of the plan: the base with the scenario's edits made, and the positions
/// of the edits that no longer apply (their project is gone, or they would break a rule).
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub plan: Plan,
    pub stale: Vec<usize>,
}

impl Plan {
    pub fn scenario(&self, id: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    /// The plan as `scenario` sees it (`None`: the base itself). The view has no scenarios of
    /// its own. Stale edits are skipped, never fatal.
    pub fn resolve(&self, scenario: Option<&Scenario>) -> Resolved {
        // The view has no scenarios: they are not copied only to be dropped.
        let mut plan = Plan {
            id: self.id.clone(),
            name: self.name.clone(),
            city: self.city.clone(),
            first_year: self.first_year,
            window_years: self.window_years,
            assumptions: self.assumptions.clone(),
            projects: self.projects.clone(),
            scenarios: Vec::new(),
            provenance: Default::default(),
            submissions: Vec::new(),
            risk: Default::default(),
            optimize: Default::default(),
            // The ranking's weights are the plan's whatever the scenario: 进度 and plan-sim
            // rank the view by them (it had ranked by 开工率 alone).
            reporting: self.reporting.clone(),
            history: Vec::new(),
            gates: self.gates.clone(),
            deadlines: self.deadlines.clone(),
            housing: self.housing.clone(),
            assessment: self.assessment.clone(),
        };
        let mut stale = Vec::new();
        for (i, e) in scenario.map_or(&[][..], |s| &s.edits).iter().enumerate() {
            if plan.apply(e).is_err() {
                stale.push(i);
            }
        }
        if let Some(dates) = scenario.and_then(|s| s.gated) {
            for p in &mut plan.projects {
                crate::calc::gates::gate_schedule(p, &self.gates, dates);
            }
        }
        Resolved { plan, stale }
    }
}

/// The project edits a lever stands for in `plan`: one per selected project it changes.
pub fn lever_edits(plan: &Plan, lever: &Lever) -> Vec<Edit> {
    // The next year of the window, the last back to the first (two years: the other one).
    let other_year = |y: i32| {
        if y >= plan.last_year() || y < plan.first_year {
            plan.first_year
        } else {
            y + 1
        }
    };
    plan.projects
        .iter()
        .filter(|p| lever.scope.selects(p))
        .filter_map(|p| {
            let project = p.id.clone();
            match &lever.action {
                // Shares go through the same linked edit as the editor's: new build (or the
                // policy loan) takes up the difference.
                LeverAction::MonetizedMin { share, into } => {
                    monetized_min(p, *share, *into).map(|value| Edit::SetResettlementShare {
                        project,
                        way: *into,
                        value,
                    })
                }
                LeverAction::MonetizedPlus { points, into } => monetized_plus(p, *points, *into)
                    .map(|value| Edit::SetResettlementShare {
                        project,
                        way: *into,
                        value,
                    }),
                LeverAction::ShiftFinancing { from, to, points } => {
                    shift_financing(p, *from, *to, *points)
                        .map(|mix| Edit::SetFinancing { project, mix })
                }
                LeverAction::FinancingShare { instrument, share } => {
                    financing_share(p, *instrument, *share).map(|value| Edit::SetFinancingShare {
                        project,
                        instrument: *instrument,
                        value,
                    })
                }
                LeverAction::ScaleCost { driver, percent } => {
                    let own = driver
                        .get_override(&p.costs)
                        .unwrap_or_else(|| driver.get(&plan.assumptions.costs));
                    (*percent != 0.0).then(|| Edit::SetCostOverride {
                        project,
                        driver: *driver,
                        value: Some(own * (1.0 + percent)),
                    })
                }
                LeverAction::PppInput { input, value } => (p.financing.ppp > 0.0)
                    .then(|| input.with(&p.ppp, *value, &plan.assumptions.ppp))
                    .flatten()
                    .filter(|inputs| *inputs != p.ppp)
                    .map(|inputs| Edit::SetPppInputs { project, inputs }),
                LeverAction::MoveYear => Some(Edit::SetProjectField {
                    project,
                    field: ProjectField::Year,
                    value: Value::Number(f64::from(other_year(p.year))),
                }),
                LeverAction::Exclude => Some(Edit::DeleteProject { project }),
            }
        })
        .collect()
}

/// At least `share` of the households (whole households) rehoused with money, the extra ones
/// taken from new build into `into`: the new share of `into`, `None` when the project already is.
fn monetized_min(p: &Project, share: f64, into: ResettlementWay) -> Option<f64> {
    let h = p.households;
    if h == 0 {
        return None;
    }
    let needed = (share * f64::from(h) - 1e-9).ceil().min(f64::from(h));
    let has = p.resettlement.households(h).monetized() as f64;
    if has >= needed {
        return None;
    }
    let points = needed / f64::from(h) - p.resettlement.monetized_share();
    monetized_plus(p, points, into)
}

/// `points` more of the households rehoused with money, as far as new build allows: the new
/// share of `into`.
fn monetized_plus(p: &Project, points: f64, into: ResettlementWay) -> Option<f64> {
    let r = &p.resettlement;
    let moved = points.min(ResettlementWay::BALANCE.get(r));
    (moved > 0.0 && into != ResettlementWay::BALANCE).then(|| into.get(r) + moved)
}

fn shift_financing(
    p: &Project,
    from: Instrument,
    to: Instrument,
    points: f64,
) -> Option<FinancingMix> {
    let mut f = p.financing;
    let moved = points.min(from.get(&f));
    if moved <= 0.0 || from == to {
        return None;
    }
    let (lowered, raised) = (from.get(&f) - moved, to.get(&f) + moved);
    from.set(&mut f, lowered);
    to.set(&mut f, raised);
    Some(f)
}

/// `instrument` at `share`, never more than it and the policy loan hold together, so the other
/// instruments stay as they are: the share to set, `None` when nothing changes.
fn financing_share(p: &Project, instrument: Instrument, share: f64) -> Option<f64> {
    let (f, balance) = (&p.financing, Instrument::BALANCE);
    let v = share.clamp(0.0, instrument.get(f) + balance.get(f));
    (instrument != balance && v != instrument.get(f)).then_some(v)
}
