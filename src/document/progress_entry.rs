//! What typing into the 进度 grid becomes: a month's figure, note or start month set for a
//! project (a new month carried forward from the last report), a block pasted from Excel, each
//! as one edit.

use crate::calc::model::{Month, MonthlyProgress, ProjectId, ProjectProgress};
use crate::calc::progress::ProgressField;
use crate::document::edit::{BatchKind, Edit};
use crate::document::plan::Plan;
use crate::words::i18n::{Lang, Text};

/// A note a month's record carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Note {
    /// 超计划说明.
    Reason,
    /// 更正说明.
    Correction,
    /// 滞后原因.
    Delay,
}

/// The month a project actually started something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    Expropriation,
    Construction,
}

impl Start {
    /// Its column's heading.
    pub fn label(self) -> crate::words::i18n::Text {
        use crate::words::i18n::Text;
        match self {
            Start::Expropriation => Text::ColExpropriationStarted,
            Start::Construction => Text::ColConstructionStarted,
        }
    }
}

impl Note {
    /// Its column's heading.
    pub fn label(self) -> crate::words::i18n::Text {
        use crate::words::i18n::Text;
        match self {
            Note::Reason => Text::ColReason,
            Note::Correction => Text::ColCorrection,
            Note::Delay => Text::ColDelay,
        }
    }
}

/// A project's actuals as the plan has them; `None` when the plan has no such project.
pub fn progress_of(plan: &Plan, project: &ProjectId) -> Option<ProjectProgress> {
    plan.projects
        .iter()
        .find(|p| &p.id == project)
        .map(|p| p.progress.clone())
}

/// The record of `month` as it is to be edited: its own, else the last report before it carried
/// forward (the figures are cumulative), its notes empty.
pub fn record_for(progress: &ProjectProgress, month: Month) -> MonthlyProgress {
    match progress.as_of(month) {
        Some(r) if r.month == month => r.clone(),
        Some(r) => MonthlyProgress {
            month,
            reason: String::new(),
            correction: String::new(),
            // The delay stands until the county says otherwise: the project is still behind.
            delay: r.delay.clone(),
            ..r.clone()
        },
        None => MonthlyProgress::empty(month),
    }
}

/// `progress` with `record` in its month. A month not reported whose record says nothing new
/// (last month's figures, no note) is not added: only months in which something changed are
/// kept, which keeps two years of a thousand projects' actuals small.
pub fn put(progress: &ProjectProgress, record: MonthlyProgress) -> ProjectProgress {
    if progress.at(record.month).is_none() && record == record_for(progress, record.month) {
        return progress.clone();
    }
    progress.with(record)
}

/// Figure `f` of `project` in `month` set to `v`; `None` when the project is not in the plan or
/// nothing changes.
pub fn set_figure(
    plan: &Plan,
    project: &ProjectId,
    month: Month,
    f: ProgressField,
    v: f64,
) -> Option<Edit> {
    let progress = progress_of(plan, project)?;
    let mut record = record_for(&progress, month);
    f.set(&mut record, v);
    changed(project, &progress, put(&progress, record))
}

/// A note of `project`'s record for `month`.
pub fn set_note(
    plan: &Plan,
    project: &ProjectId,
    month: Month,
    note: Note,
    text: &str,
) -> Option<Edit> {
    let progress = progress_of(plan, project)?;
    let mut record = record_for(&progress, month);
    match note {
        Note::Reason => record.reason = text.trim().to_string(),
        Note::Correction => record.correction = text.trim().to_string(),
        Note::Delay => record.delay = text.trim().to_string(),
    }
    changed(project, &progress, put(&progress, record))
}

/// The month `project` actually started expropriation or construction (`None`: not yet).
pub fn set_start(
    plan: &Plan,
    project: &ProjectId,
    start: Start,
    month: Option<Month>,
) -> Option<Edit> {
    let progress = progress_of(plan, project)?;
    let mut next = progress.clone();
    match start {
        Start::Expropriation => next.expropriation_started = month,
        Start::Construction => next.construction_started = month,
    }
    changed(project, &progress, next)
}

fn changed(project: &ProjectId, before: &ProjectProgress, after: ProjectProgress) -> Option<Edit> {
    (after != *before).then(|| Edit::SetProgress {
        project: project.clone(),
        progress: after,
    })
}

/// A block copied from a spreadsheet (rows of tab-separated cells) pasted with its first cell at
/// row `first_row` of `rows` and column `first_col` of `columns`, for `month`: one step for the
/// whole block. A cell that is not a number, or a block reaching past the grid, refuses it all,
/// naming the cell (rows and columns counted from the pasted cell, from 1).
pub fn paste_block(
    plan: &Plan,
    rows: &[ProjectId],
    columns: &[ProgressField],
    (first_row, first_col): (usize, usize),
    text: &str,
    month: Month,
    lang: Lang,
) -> Result<Edit, String> {
    let mut trial = plan.clone();
    let mut edits = Vec::new();
    let lines: Vec<&str> = text.trim_end_matches(['\r', '\n']).lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let project = rows
            .get(first_row + i)
            .ok_or_else(|| Text::ErrPastePastGrid.fill(lang, &[&(i + 1)]))?;
        for (j, cell) in line.split('\t').enumerate() {
            let f = *columns
                .get(first_col + j)
                .ok_or_else(|| Text::ErrPastePastGrid.fill(lang, &[&(i + 1)]))?;
            if cell.trim().is_empty() {
                continue;
            }
            let v = crate::words::display::read_number(cell).ok_or_else(|| {
                Text::ErrPasteCell.fill(lang, &[&(i + 1), &(j + 1), &cell.trim()])
            })?;
            if let Some(edit) = set_figure(&trial, project, month, f, v) {
                trial.apply(&edit).map_err(|r| r.message(lang))?;
                edits.push(edit);
            }
        }
    }
    // One edit per project: its progress as the whole block leaves it.
    let mut last: Vec<Edit> = Vec::new();
    for e in edits.into_iter().rev() {
        if !last.iter().any(|l| l.project() == e.project()) {
            last.push(e);
        }
    }
    last.reverse();
    Ok(Edit::Batch {
        kind: BatchKind::Changes,
        edits: last,
    })
}
