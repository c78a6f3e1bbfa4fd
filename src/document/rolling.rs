//! Plans that roll, as edits: the forecast scenario from the actuals (按实际进度预测), kept in step
//! with them, and the window moved one year on (滚动到下一年) with its carry-over.

use crate::calc::costs::project_costs;
use crate::calc::model::{Assumptions, Forecast, Month, Project, Status};
use crate::document::edit::{BatchKind, Edit, Scenario};
use crate::document::plan::Plan;

/// The last month any project has reported: the forecast's actuals run to its end.
pub fn latest_month(plan: &Plan) -> Option<Month> {
    plan.projects
        .iter()
        .filter_map(|p| p.progress.months.last().map(|r| r.month))
        .max()
}

/// How late a start is at the end of `as_of`: a start reported after its planned January is
/// late by the months between; one not reported by then cannot come before the month after.
fn delay(started: Option<Month>, planned: Month, as_of: Month, needed: bool) -> u32 {
    let months = match started {
        Some(s) => s.since(planned),
        None if needed && as_of >= planned => as_of.since(planned) + 1,
        None => 0,
    };
    months.max(0) as u32
}

/// A project's schedule as of the end of `as_of` (docs/model.md, 预测与滚动): its actuals to
/// then, its signing late by its expropriation's delay, its building by its construction's.
/// `None` when it has neither reported nor is late: the plan stands for it.
pub fn project_forecast(p: &Project, a: &Assumptions, as_of: Month) -> Option<Forecast> {
    // A carried project's actuals run at least to where the roll put them: its months before
    // the window are history, and a forecast from earlier would drop what it spent after.
    let as_of = p.forecast.map_or(as_of, |f| as_of.max(f.as_of));
    let planned = Month::january(p.year);
    // What it costs does not depend on its forecast (which only moves it in time).
    let builds = project_costs(p, a).total.builds();
    let progress = &p.progress;
    let f = Forecast {
        as_of,
        signing_delay: delay(
            progress.expropriation_started,
            planned,
            as_of,
            p.households > 0,
        ),
        construction_delay: delay(progress.construction_started, planned, as_of, builds),
    };
    let reported = progress.as_of(as_of).is_some();
    (reported || f.signing_delay > 0 || f.construction_delay > 0).then_some(f)
}

/// The forecast's edit of every project that has reported or is late, as of `as_of` (none
/// for a carried project whose forecast in the base is already that).
pub fn forecast_edits(plan: &Plan, as_of: Month) -> Vec<Edit> {
    plan.projects
        .iter()
        .filter_map(|p| {
            let f = project_forecast(p, &plan.assumptions, as_of)?;
            (p.forecast != Some(f)).then(|| Edit::SetForecast {
                project: p.id.clone(),
                forecast: Some(f),
            })
        })
        .collect()
}

/// The forecast scenario's edits made again from the actuals, the planner's own edits in it
/// kept after them.
fn remade(plan: &Plan, scenario: &Scenario, as_of: Month) -> Vec<Edit> {
    let mut edits = forecast_edits(plan, as_of);
    edits.extend(
        scenario
            .edits
            .iter()
            .filter(|e| !matches!(e, Edit::SetForecast { .. }))
            .cloned(),
    );
    edits
}

/// The plan's forecast scenario, if it has one.
pub fn forecast_scenario(plan: &Plan) -> Option<&Scenario> {
    plan.scenarios.iter().find(|s| s.forecast)
}

/// The step that makes the forecast scenario (`name`, `note` with the month filled in by the
/// caller's language), or makes it again from the actuals when there is one. `None` when no
/// project has reported anything.
pub fn forecast_step(plan: &Plan, name: &str, note: impl Fn(Month) -> String) -> Option<Edit> {
    let as_of = latest_month(plan)?;
    Some(match forecast_scenario(plan) {
        Some(s) => Edit::SpliceScenario {
            scenario: s.id.clone(),
            index: 0,
            remove: s.edits.len(),
            insert: remade(plan, s, as_of),
        },
        None => Edit::AddScenario {
            index: usize::MAX,
            scenario: Box::new(Scenario {
                id: plan.next_scenario_id(),
                forecast: true,
                // As things stand: money waits for milestones by their actual dates.
                gated: Some(crate::calc::gates::GateDates::Actual),
                name: name.to_string(),
                note: note(as_of),
                edits: forecast_edits(plan, as_of),
            }),
        },
    })
}

/// The forecast scenario made again, when the actuals of `plan` no longer give its edits.
pub fn refresh(plan: &Plan) -> Option<Edit> {
    let s = forecast_scenario(plan)?;
    let as_of = latest_month(plan)?;
    let edits = remade(plan, s, as_of);
    (edits != s.edits).then(|| Edit::SpliceScenario {
        scenario: s.id.clone(),
        index: 0,
        remove: s.edits.len(),
        insert: edits,
    })
}

/// Whether an edit changes what actually happened (a project's records).
fn touches_actuals(edit: &Edit) -> bool {
    match edit {
        Edit::SetProgress { .. } | Edit::ReplaceProject { .. } => true,
        Edit::Batch { edits, .. } => edits.iter().any(touches_actuals),
        _ => false,
    }
}

/// `edit`, with the forecast scenario's refresh in the same step when it changes the actuals
/// the scenario was made from (one undo takes both back).
pub fn with_refresh(plan: &Plan, edit: Edit) -> Edit {
    if forecast_scenario(plan).is_none() || !touches_actuals(&edit) {
        return edit;
    }
    let mut trial = plan.clone();
    if trial.apply(&edit).is_err() {
        // Refused: it is refused again as it is, with its own message.
        return edit;
    }
    match (refresh(&trial), edit) {
        (None, edit) => edit,
        (Some(r), Edit::Batch { kind, mut edits }) => {
            edits.push(r);
            Edit::Batch { kind, edits }
        }
        (Some(r), edit) => Edit::Batch {
            kind: BatchKind::Forecast,
            edits: vec![edit, r],
        },
    }
}

/// What rolling the window one year on does to each project of the year leaving it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Roll {
    /// Finished (竣工): into the history.
    pub archived: Vec<String>,
    /// Not finished: carried, on their actuals to the end of the year.
    pub carried: Vec<String>,
}

/// The projects the window leaves behind when it rolls, and what becomes of each.
pub fn roll_preview(plan: &Plan) -> Roll {
    let mut roll = Roll::default();
    for p in plan.projects.iter().filter(|p| p.year <= plan.first_year) {
        if p.status == Status::Completed {
            roll.archived.push(p.id.clone());
        } else {
            roll.carried.push(p.id.clone());
        }
    }
    roll
}

/// The plan's name with its window's years moved on a year ("X市2027—2028年棚改项目计划" →
/// "X市2028—2029年…"), when it names them.
fn renamed(plan: &Plan) -> Option<String> {
    let (first, last) = plan.window_span();
    ["—", "–", "-", "至"].iter().find_map(|dash| {
        let span = format!("{first}{dash}{last}");
        plan.name.contains(&span).then(|| {
            plan.name
                .replacen(&span, &format!("{}{dash}{}", first + 1, last + 1), 1)
        })
    })
}

/// 滚动到下一年 as one step: the finished projects of the first year (and of any year before)
/// into the history; the others carried, each on its actuals to December of the first year and
/// late by its delays after (what was drawn stays drawn, the simulation counts what is left);
/// the window one year on, as long as before (and the plan's name with it, when it names the
/// years); the forecast scenario made again.
pub fn roll_forward(plan: &Plan) -> Edit {
    let year_end = Month {
        year: plan.first_year,
        month: 12,
    };
    let roll = roll_preview(plan);
    let mut edits: Vec<Edit> = roll
        .archived
        .iter()
        .map(|id| Edit::ArchiveProject {
            project: id.clone(),
        })
        .collect();
    for id in &roll.carried {
        let p = plan.projects.iter().find(|p| &p.id == id).expect("listed");
        let forecast = project_forecast(p, &plan.assumptions, year_end).unwrap_or(Forecast {
            as_of: year_end,
            signing_delay: 0,
            construction_delay: 0,
        });
        edits.push(Edit::SetForecast {
            project: id.clone(),
            forecast: Some(forecast),
        });
    }
    edits.push(Edit::SetWindow {
        first_year: plan.first_year + 1,
        years: plan.window_years,
    });
    edits.extend(renamed(plan).map(|name| Edit::RenamePlan { name }));
    let mut trial = plan.clone();
    let rolled = edits.iter().all(|e| trial.apply(e).is_ok());
    if let Some(r) = rolled.then(|| refresh(&trial)).flatten() {
        edits.push(r);
    }
    Edit::Batch {
        kind: BatchKind::RollForward,
        edits,
    }
}
