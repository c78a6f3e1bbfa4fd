//! The 前期手续 sheet of a county's progress workbook: a row per project and step that applies,
//! its planned and actual day and its paper, written with the county's projects and read back
//! all or nothing (a day before the step it follows, an actual day after today, a number not
//! of its form: refused, each naming its row).

use calamine::{Data, Range};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::analysis::readiness::applies;
use crate::calc::model::Project;
use crate::calc::readiness::{Day, Milestone, MilestoneRecord};
use crate::document::edit::Edit;
use crate::document::plan::Plan;
use crate::document::validate::{future_actuals, validate_project, Field};
use crate::words::i18n::{Lang, Text};

/// The sheet's columns, in order.
const COLUMNS: [Text; 6] = [
    Text::FieldId,
    Text::ColName,
    Text::MilestoneCol,
    Text::MsPlannedDate,
    Text::MsActualDate,
    Text::MilestoneNumber,
];

/// The county's projects' steps as a sheet after the progress sheet: what is known filled in.
pub fn write(wb: &mut Workbook, projects: &[&Project], lang: Lang) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet().set_name(Text::SheetReadiness.tr(lang))?;
    let bold = Format::new().set_bold();
    ws.write_string(0, 0, Text::ReadinessSheetHint.tr(lang))?;
    for (c, t) in COLUMNS.iter().enumerate() {
        ws.write_string_with_format(1, c as u16, t.tr(lang), &bold)?;
    }
    let mut r = 2;
    for p in projects {
        for &m in Milestone::ALL.iter().filter(|&&m| applies(p, m)) {
            let rec = p.readiness.record(m).cloned().unwrap_or_default();
            ws.write_string(r, 0, &p.id)?;
            ws.write_string(r, 1, &p.name)?;
            ws.write_string(r, 2, m.label().tr(lang))?;
            let day = |d: Option<Day>| d.map(Day::key).unwrap_or_default();
            ws.write_string(r, 3, day(rec.planned))?;
            ws.write_string(r, 4, day(rec.actual))?;
            ws.write_string(r, 5, &rec.number)?;
            r += 1;
        }
    }
    for (c, w) in [10.0, 24.0, 22.0, 12.0, 12.0, 28.0].into_iter().enumerate() {
        ws.set_column_width(c as u16, w)?;
    }
    ws.set_freeze_panes(2, 2)?;
    Ok(())
}

/// A day as a county's cell holds it: text "2026-10-28" (or "2026/10/28"), or a date Excel
/// stored as its serial number. `Err` with the text when it is neither.
pub(crate) fn day_of(d: &Data) -> Result<Option<Day>, String> {
    // Excel's serial of 1970-01-01 (its 1900 system).
    const UNIX_EPOCH_SERIAL: f64 = 25_569.0;
    let serial = |v: f64| {
        Ok(Some(Day::of_number(
            v.floor() as i64 - UNIX_EPOCH_SERIAL as i64,
        )))
    };
    match d {
        Data::Empty => Ok(None),
        Data::DateTime(e) => serial(e.as_f64()),
        Data::Float(v) if (1.0..2_958_466.0).contains(v) => serial(*v),
        other => {
            let t = other.to_string();
            let t = t.trim();
            if t.is_empty() {
                return Ok(None);
            }
            Day::parse(&t.replace('/', "-"))
                .map(Some)
                .ok_or_else(|| t.to_string())
        }
    }
}

/// The milestone a cell names, by its label in either language or its key.
fn milestone_of(s: &str) -> Option<Milestone> {
    let s = s.trim();
    Milestone::ALL
        .iter()
        .copied()
        .find(|m| m.key() == s || [Lang::Zh, Lang::En].iter().any(|&l| m.label().tr(l) == s))
}

/// Reads the sheet's rows against `plan` for `district`'s projects: the edits that put the
/// changed steps into the plan, or every refused row. `today` bounds the actual days.
pub fn read(
    range: &Range<Data>,
    plan: &Plan,
    district: &str,
    today: Day,
    lang: Lang,
) -> Result<Vec<Edit>, Vec<String>> {
    let (r0, _) = range.start().unwrap_or((0, 0));
    let rows: Vec<&[Data]> = range.rows().collect();
    let header = rows.iter().position(|r| {
        r.first().is_some_and(|d| {
            [Lang::Zh, Lang::En]
                .iter()
                .any(|&l| d.to_string().trim() == Text::FieldId.tr(l))
        })
    });
    let Some(h) = header else {
        return Ok(Vec::new());
    };
    let mut problems = Vec::new();
    let mut changed: Vec<Project> = Vec::new();
    // Each project's step's row, to name it when the project's steps are checked together.
    let mut lines: Vec<(String, Milestone, u64)> = Vec::new();
    for (i, row) in rows.iter().enumerate().skip(h + 1) {
        let line = u64::from(r0) + i as u64 + 1;
        let cell = |c: usize| row.get(c).unwrap_or(&Data::Empty);
        let id = cell(0).to_string().trim().to_string();
        if id.is_empty() {
            continue;
        }
        let mut refuse =
            |what: String| problems.push(Text::ErrProgressRow.fill(lang, &[&line, &what]));
        let Some(p) = plan.projects.iter().find(|p| p.id == id) else {
            refuse(Text::ErrProgressUnknownProject.fill(lang, &[&id]));
            continue;
        };
        if p.district.trim() != district {
            refuse(
                Text::ErrProgressOtherDistrict.fill(lang, &[&p.name, &id, &p.district, &district]),
            );
            continue;
        }
        let Some(m) = milestone_of(&cell(2).to_string()) else {
            refuse(Text::ErrUnknownMilestone.fill(lang, &[&cell(2).to_string()]));
            continue;
        };
        let (planned, actual) = match (day_of(cell(3)), day_of(cell(4))) {
            (Ok(a), Ok(b)) => (a, b),
            (Err(t), _) | (_, Err(t)) => {
                refuse(Text::ErrNotADay.fill(lang, &[&m.label().tr(lang), &t]));
                continue;
            }
        };
        let k = match changed.iter().position(|q| q.id == id) {
            Some(k) => k,
            None => {
                changed.push(p.clone());
                changed.len() - 1
            }
        };
        let q = &mut changed[k];
        let old = q.readiness.record(m).cloned().unwrap_or_default();
        let rec = MilestoneRecord {
            planned,
            actual,
            number: cell(5).to_string().trim().to_string(),
            note: old.note,
        };
        if rec.is_empty() {
            q.readiness.milestones.remove(&m);
        } else {
            q.readiness.milestones.insert(m, rec);
        }
        lines.push((id, m, line));
    }
    // Each changed project's steps checked together (order, numbers) and against today.
    let mut edits = Vec::new();
    for q in &changed {
        let row = plan.projects.iter().position(|p| p.id == q.id).unwrap_or(0) + 1;
        let mut issues: Vec<_> = validate_project(q, &plan.assumptions, plan.window_span(), row)
            .into_iter()
            .filter(|i| matches!(i.field, Field::Milestone(_)))
            .collect();
        issues.extend(future_actuals(q, today, row));
        for issue in issues {
            let Field::Milestone(m) = issue.field else {
                continue;
            };
            let line = lines
                .iter()
                .find(|(id, mm, _)| *id == q.id && *mm == m)
                .map_or(0, |&(_, _, l)| l);
            problems.push(Text::ErrProgressRow.fill(lang, &[&line, &issue.message(lang)]));
        }
        let old = plan
            .projects
            .iter()
            .find(|p| p.id == q.id)
            .expect("read from the plan");
        for &m in Milestone::ALL {
            if old.readiness.record(m) != q.readiness.record(m) {
                edits.push(Edit::SetMilestone {
                    project: q.id.clone(),
                    milestone: m,
                    record: q.readiness.record(m).cloned().unwrap_or_default(),
                });
            }
        }
    }
    if problems.is_empty() {
        Ok(edits)
    } else {
        Err(problems)
    }
}
