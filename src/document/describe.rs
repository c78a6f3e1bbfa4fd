//! What an edit does, in the planner's words, for undo/redo tooltips and scenario edit lists.

use crate::calc::model::ProjectId;
use crate::document::edit::{BatchKind, Edit};
use crate::document::plan::Plan;
use crate::words::i18n::{Lang, Text};

impl Edit {
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

    /// What the edit does, named against `plan` as it is before the edit. One arm per kind of
    /// edit, each a line or two: long because `Edit` has that many kinds, and kept as one match so
    /// a new kind cannot be added without its description (the match is exhaustive).
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
            Edit::SetPppInputs { project, .. } => field(project, Text::DescPppInputs),
            Edit::SetIncome { project, .. } => field(project, Text::IncomeTitle),
            Edit::SetProgress { project, .. } => field(project, Text::ProgressTitle),
            Edit::SetForecast {
                project,
                forecast: Some(f),
            } => Text::DescForecast.fill(
                lang,
                &[
                    &name(project),
                    &f.as_of.label(lang),
                    &f.signing_delay,
                    &f.construction_delay,
                ],
            ),
            Edit::SetForecast {
                project,
                forecast: None,
            } => Text::DescForecastCleared.fill(lang, &[&name(project)]),
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
            Edit::MoveScenario { scenario: s, .. } => {
                Text::DescMoveScenario.fill(lang, &[&scenario_name(s)])
            }
            Edit::SpliceScenario {
                scenario: s,
                remove,
                insert,
                ..
            } => match (remove, insert.as_slice()) {
                (0 | 1, [one]) => {
                    Text::DescInScenario.fill(lang, &[&scenario_name(s), &one.describe(plan, lang)])
                }
                (_, []) => Text::DescScenarioRemove.fill(lang, &[&scenario_name(s), remove]),
                _ => Text::DescScenarioEdits.fill(lang, &[&scenario_name(s), &insert.len()]),
            },
            Edit::Lever { lever } => Text::DescLever.fill(lang, &[&lever.name(lang)]),
            Edit::SetPreparedBy { .. } => Text::DescPreparedBy.tr(lang).into(),
            Edit::SetSubmissions { .. } => Text::DescSubmissions.tr(lang).into(),
            Edit::SetReceipts { .. } => Text::DescReceipts.tr(lang).into(),
            Edit::SetRankingWeights { .. } => Text::DescRankingWeights.tr(lang).into(),
            Edit::SetMilestone {
                project, milestone, ..
            } => field(project, milestone.label()),
            Edit::SetReadinessFacts { project, .. } => field(project, Text::ReadinessFacts),
            Edit::SetGates { gates } => {
                Text::DescGates.fill(lang, &[&gates.preset.label().tr(lang)])
            }
            Edit::SetDeadlines { .. } => Text::DescDeadlines.tr(lang).into(),
            Edit::SetHousingStock { .. } => Text::DescHousingStock.tr(lang).into(),
            Edit::SetAssessment { .. } => Text::DescAssessment.tr(lang).into(),
            Edit::SetScenarioGated { scenario: s, gated } => {
                let how = match gated {
                    Some(d) => d.label().tr(lang),
                    None => Text::GatedOff.tr(lang),
                };
                Text::DescScenarioGated.fill(lang, &[&scenario_name(s), &how])
            }
            Edit::SetRisk { .. } => Text::DescRisk.tr(lang).into(),
            Edit::SetOptimize { .. } => Text::DescOptimize.tr(lang).into(),
            Edit::SetWindow { first_year, years } => Text::DescWindow.fill(
                lang,
                &[first_year, &(first_year + i32::from(*years) - 1), years],
            ),
            Edit::ArchiveProject { project } => Text::DescArchive.fill(lang, &[&name(project)]),
            Edit::RestoreProject { project, .. } => {
                let archived = plan.history.iter().find(|p| &p.id == project);
                Text::DescRestore.fill(lang, &[&archived.map_or(project, |p| &p.name)])
            }
            Edit::Batch { kind, edits } => match (kind, edits.as_slice()) {
                (BatchKind::ImportProjects, _) => {
                    Text::DescImportProjects.fill(lang, &[&edits.len()])
                }
                (BatchKind::Merge, _) => Text::DescMerge.fill(lang, &[&edits.len()]),
                (BatchKind::Submission, _) => Text::DescSubmission.tr(lang).into(),
                (BatchKind::RollForward, _) => {
                    let to = edits.iter().find_map(|e| match e {
                        Edit::SetWindow { first_year, years } => {
                            Some((*first_year, first_year + i32::from(*years) - 1))
                        }
                        _ => None,
                    });
                    let (first, last) = to.unwrap_or(plan.window_span());
                    Text::DescRollForward.fill(lang, &[&first, &last])
                }
                (BatchKind::Forecast, _) => Text::DescForecastRefresh.fill(lang, &[&edits.len()]),
                (BatchKind::ProgressReport, _) => receipt_of(edits).map_or_else(
                    || Text::DescBatch.fill(lang, &[&edits.len()]),
                    |r| Text::DescProgressReport.fill(lang, &[&r.district, &r.month.label(lang)]),
                ),
                (_, [one]) => one.describe(plan, lang),
                _ => Text::DescBatch.fill(lang, &[&edits.len()]),
            },
        }
    }
}

/// The receipt a county's progress file was taken with (its batch's last edit).
fn receipt_of(edits: &[Edit]) -> Option<&crate::document::reporting::Receipt> {
    edits.iter().rev().find_map(|e| match e {
        Edit::SetReceipts { receipts } => receipts.last(),
        _ => None,
    })
}
