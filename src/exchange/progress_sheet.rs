//! A county's monthly progress as a workbook, out and back: the template (its projects with
//! their plan figures locked and last month's actuals to carry on from) and the filled file read
//! under the 进度 grid's checks, all or nothing, every refused row named.

use std::collections::HashSet;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationRule, Format, Formula, Workbook, Worksheet, XlsxError,
};
use serde::{Deserialize, Serialize};

use crate::calc::costs::project_costs;
use crate::calc::fields::Unit;
use crate::calc::model::{Month, Project, ProjectProgress, ResettlementWay};
use crate::calc::progress::ProgressField;
use crate::document::edit::{BatchKind, Edit};
use crate::document::plan::Plan;
use crate::document::progress_entry::{put, record_for};
use crate::document::reporting::Receipt;
use crate::exchange::workbook::{
    cell_name, check_unpacked_size, header_row_at, lay_out, text_width, value_problems, Formats,
};
use crate::words::i18n::{Lang, Text};

/// A column of the progress sheet, declared once: the template writes them, the reader finds
/// them by their header in either language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetColumn {
    Id,
    Name,
    Year,
    /// The plan's figures (locked): households, households resettled with money, flats to
    /// build, investment.
    PlanHouseholds,
    PlanMonetized,
    PlanUnits,
    PlanInvestment,
    Figure(ProgressField),
    ExpropriationStarted,
    ConstructionStarted,
    Reason,
    Correction,
    Delay,
}

impl SheetColumn {
    pub fn all() -> Vec<SheetColumn> {
        let mut out = vec![
            SheetColumn::Id,
            SheetColumn::Name,
            SheetColumn::Year,
            SheetColumn::PlanHouseholds,
            SheetColumn::PlanMonetized,
            SheetColumn::PlanUnits,
            SheetColumn::PlanInvestment,
        ];
        out.extend(ProgressField::all().into_iter().map(SheetColumn::Figure));
        out.extend([
            SheetColumn::ExpropriationStarted,
            SheetColumn::ConstructionStarted,
            SheetColumn::Reason,
            SheetColumn::Correction,
            SheetColumn::Delay,
        ]);
        out
    }

    /// The plan's columns: the county reads them, cannot change them.
    fn locked(self) -> bool {
        matches!(
            self,
            SheetColumn::Id
                | SheetColumn::Name
                | SheetColumn::Year
                | SheetColumn::PlanHouseholds
                | SheetColumn::PlanMonetized
                | SheetColumn::PlanUnits
                | SheetColumn::PlanInvestment
        )
    }

    pub fn header(self, lang: Lang) -> String {
        let text = |t: Text| t.tr(lang).to_string();
        let label = match self {
            SheetColumn::Id => text(Text::FieldId),
            SheetColumn::Name => text(Text::ColName),
            SheetColumn::Year => text(Text::ColYear),
            SheetColumn::PlanHouseholds => text(Text::PlanHouseholds),
            SheetColumn::PlanMonetized => text(Text::PlanMonetized),
            SheetColumn::PlanUnits => text(Text::PlanUnits),
            SheetColumn::PlanInvestment => text(Text::PlanInvestment),
            SheetColumn::Figure(f) => f.name(lang),
            SheetColumn::ExpropriationStarted => text(Text::ColExpropriationStarted),
            SheetColumn::ConstructionStarted => text(Text::ColConstructionStarted),
            SheetColumn::Reason => text(Text::ColReason),
            SheetColumn::Correction => text(Text::ColCorrection),
            SheetColumn::Delay => text(Text::ColDelay),
        };
        let money = match self {
            SheetColumn::PlanInvestment => true,
            SheetColumn::Figure(f) => f.unit() == Unit::Wan,
            _ => false,
        };
        match (money, lang) {
            (false, _) => label,
            (true, Lang::Zh) => format!("{label}（万元）"),
            (true, Lang::En) => format!("{label} (10k yuan)"),
        }
    }

    fn of_header(h: &str) -> Option<SheetColumn> {
        let h = h.trim();
        SheetColumn::all()
            .into_iter()
            .find(|c| [Lang::Zh, Lang::En].iter().any(|&l| c.header(l) == h))
    }
}

/// The labels of the cells above the table, each with its value to the right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Meta {
    District,
    Month,
    By,
}

impl Meta {
    const ALL: [Meta; 3] = [Meta::District, Meta::Month, Meta::By];

    fn label(self) -> Text {
        match self {
            Meta::District => Text::ColDistrict,
            Meta::Month => Text::ReportMonth,
            Meta::By => Text::ReportBy,
        }
    }

    fn of_label(s: &str) -> Option<Meta> {
        let s = s.trim().trim_end_matches(['：', ':']);
        Meta::ALL
            .into_iter()
            .find(|m| [Lang::Zh, Lang::En].iter().any(|&l| m.label().tr(l) == s))
    }
}

/// Rows of the sheet: the title, the meta cells, a blank, then the header.
const META_ROW: u32 = 1;
const HEADER_ROW: u32 = 3;

/// The months a start may be given as: from the year before the plan to its last year.
fn start_months(plan: &Plan) -> Vec<Month> {
    let (first, last) = (*plan.window().start() - 1, *plan.window().end());
    (first..=last)
        .flat_map(|y| (1..=12).filter_map(move |m| Month::new(y, m)))
        .collect()
}

/// `district`'s projects, in the plan's order.
fn projects_of<'p>(plan: &'p Plan, district: &'p str) -> impl Iterator<Item = &'p Project> {
    plan.projects
        .iter()
        .filter(move |p| p.district.trim() == district)
}

/// The template's cell formats: the plan's (grey; the sheet's protection locks them) and the
/// county's (unlocked).
struct SheetFormats {
    base: Formats,
    open: Format,
    open_count: Format,
    open_money: Format,
    open_text: Format,
    plan_text: Format,
    plan_year: Format,
    plan_count: Format,
    plan_money: Format,
    plan_header: Format,
}

impl SheetFormats {
    fn new() -> Self {
        let base = Formats::new();
        let grey = |f: &Format| f.clone().set_background_color(Color::RGB(0xEEEEEE));
        SheetFormats {
            open: Format::new().set_unlocked(),
            open_count: base.count.clone().set_unlocked(),
            open_money: base.money.clone().set_unlocked(),
            open_text: Format::new().set_unlocked().set_num_format("@"),
            plan_text: grey(&base.plain),
            plan_year: grey(&base.year),
            plan_count: grey(&base.count),
            plan_money: grey(&base.money),
            plan_header: grey(&base.header),
            base,
        }
    }
}

/// The progress template of `district` for `month`: its projects with their plan figures (locked)
/// and their figures as of last month carried into the month (to be overwritten), each month
/// column a drop-down, each figure checked as a number not below 0; the sheet protected so only
/// the month's cells can be typed into.
pub fn template(
    plan: &Plan,
    district: &str,
    month: Month,
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let f = SheetFormats::new();
    let mut wb = Workbook::new();
    let months = start_months(plan);
    let ws = wb.add_worksheet().set_name(Text::SheetProgress.tr(lang))?;
    head(ws, &f, plan, district, month, lang)?;
    let columns = SheetColumn::all();
    let header: Vec<String> = columns.iter().map(|c| c.header(lang)).collect();
    let mut widths = header_row_at(ws, &f.base, &header, HEADER_ROW)?;
    for (c, column) in columns.iter().enumerate() {
        if column.locked() {
            ws.write_string_with_format(HEADER_ROW, c as u16, &header[c], &f.plan_header)?;
        }
    }
    let mine: Vec<&Project> = projects_of(plan, district).collect();
    for (r, p) in mine.iter().enumerate() {
        let at = HEADER_ROW + 1 + r as u32;
        let row = ProjectRow {
            p,
            costs: project_costs(p, &plan.assumptions),
            record: record_for(&p.progress, month),
        };
        for (c, &column) in columns.iter().enumerate() {
            let width = row.write(ws, &f, (at, c as u16), column)?;
            widths[c] = widths[c].max(width);
        }
    }
    validations(ws, &columns, mine.len(), months.len(), lang)?;
    ws.protect();
    ws.set_freeze_panes(HEADER_ROW + 1, 2)?;
    let widths: Vec<f64> = widths.iter().map(|w| (w + 2.0).clamp(8.0, 40.0)).collect();
    lay_out(ws, &widths, HEADER_ROW, 2, lang)?;
    crate::exchange::readiness_sheet::write(&mut wb, &mine, lang)?;
    // The months of the drop-downs: a list over 255 characters must stand in cells.
    let list = wb.add_worksheet().set_name(Text::SheetChoices.tr(lang))?;
    for (i, m) in months.iter().enumerate() {
        list.write_string(i as u32, 0, m.key())?;
    }
    list.set_hidden(true);
    wb.save_to_buffer()
}

/// The title, the 区县 / 报送月份 / 填报人 cells (only 填报人 open) and the hint above the table.
fn head(
    ws: &mut Worksheet,
    f: &SheetFormats,
    plan: &Plan,
    district: &str,
    month: Month,
    lang: Lang,
) -> Result<(), XlsxError> {
    let title =
        Text::ProgressTemplateTitle.fill(lang, &[&plan.name, &district, &month.label(lang)]);
    ws.write_string_with_format(0, 0, &title, &f.base.title)?;
    let meta_values = [district.to_string(), month.key(), String::new()];
    for (i, (m, v)) in Meta::ALL.iter().zip(meta_values).enumerate() {
        let c = (i * 2) as u16;
        ws.write_string_with_format(META_ROW, c, m.label().tr(lang), &f.base.header)?;
        match m {
            Meta::By => ws.write_string_with_format(META_ROW, c + 1, &v, &f.open)?,
            _ => ws.write_string(META_ROW, c + 1, &v)?,
        };
    }
    ws.write_string(META_ROW + 1, 0, Text::ProgressTemplateHint.tr(lang))?;
    Ok(())
}

/// A project's row of the template: the project, its plan's figures, its record for the month.
struct ProjectRow<'p> {
    p: &'p Project,
    costs: crate::calc::costs::ProjectCosts,
    record: crate::calc::model::MonthlyProgress,
}

impl ProjectRow<'_> {
    /// Writes `column`'s cell at `(row, col)`; the width it needs.
    fn write(
        &self,
        ws: &mut Worksheet,
        f: &SheetFormats,
        (row, col): (u32, u16),
        column: SheetColumn,
    ) -> Result<f64, XlsxError> {
        let (p, households) = (self.p, &self.costs.households);
        let mut number = |v: f64, format: &Format, width: f64| {
            ws.write_number_with_format(row, col, v, format)
                .map(|_| width)
        };
        match column {
            SheetColumn::Id => plan_text(ws, (row, col), &p.id, &f.plan_text),
            SheetColumn::Name => plan_text(ws, (row, col), &p.name, &f.plan_text),
            SheetColumn::Year => number(f64::from(p.year), &f.plan_year, 4.0),
            SheetColumn::PlanHouseholds => number(f64::from(p.households), &f.plan_count, 8.0),
            SheetColumn::PlanMonetized => {
                let n: u64 = ResettlementWay::ALL
                    .iter()
                    .filter(|w| w.monetized())
                    .map(|w| w.amount(households))
                    .sum();
                number(n as f64, &f.plan_count, 8.0)
            }
            SheetColumn::PlanUnits => {
                let n = ResettlementWay::NewBuild.amount(households);
                number(n as f64, &f.plan_count, 8.0)
            }
            SheetColumn::PlanInvestment => number(self.costs.total.total(), &f.plan_money, 12.0),
            SheetColumn::Figure(fig) if fig.unit() == Unit::Wan => {
                number(fig.get(&self.record), &f.open_money, 10.0)
            }
            SheetColumn::Figure(fig) => number(fig.get(&self.record), &f.open_count, 10.0),
            SheetColumn::ExpropriationStarted | SheetColumn::ConstructionStarted => {
                let started = if column == SheetColumn::ExpropriationStarted {
                    p.progress.expropriation_started
                } else {
                    p.progress.construction_started
                };
                let key = started.map(Month::key).unwrap_or_default();
                ws.write_string_with_format(row, col, &key, &f.open_text)?;
                Ok(9.0)
            }
            SheetColumn::Reason | SheetColumn::Correction => {
                ws.write_string_with_format(row, col, "", &f.open)?;
                Ok(16.0)
            }
            SheetColumn::Delay => {
                ws.write_string_with_format(row, col, &self.record.delay, &f.open)?;
                Ok(16.0)
            }
        }
    }
}

/// A text cell of the plan's; the width it needs.
fn plan_text(
    ws: &mut Worksheet,
    (row, col): (u32, u16),
    t: &str,
    format: &Format,
) -> Result<f64, XlsxError> {
    ws.write_string_with_format(row, col, t, format)?;
    Ok(text_width(t))
}

/// Each figure column: a number not below 0 (whole for counts); each month column: the list.
fn validations(
    ws: &mut Worksheet,
    columns: &[SheetColumn],
    rows: usize,
    months: usize,
    lang: Lang,
) -> Result<(), XlsxError> {
    if rows == 0 {
        return Ok(());
    }
    let (first, last) = (HEADER_ROW + 1, HEADER_ROW + rows as u32);
    let list = format!(
        "='{}'!$A$1:$A${}",
        Text::SheetChoices.tr(lang),
        months.max(1)
    );
    for (c, &column) in columns.iter().enumerate() {
        let c = c as u16;
        let rule = match column {
            SheetColumn::Figure(f) if f.unit() == Unit::Wan => DataValidation::new()
                .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0)),
            SheetColumn::Figure(_) => DataValidation::new()
                .allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0)),
            SheetColumn::ExpropriationStarted | SheetColumn::ConstructionStarted => {
                DataValidation::new().allow_list_formula(Formula::new(&list))
            }
            _ => continue,
        };
        let rule = rule.set_error_message(Text::ProgressCellRule.tr(lang))?;
        ws.add_data_validation(first, c, last, c, &rule)?;
    }
    Ok(())
}

/// A county's progress file as read: its month, who filled it in, its projects, and the edits
/// that put its figures into the plan (one per project whose record changed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgressFile {
    pub district: String,
    pub month: Month,
    pub by: String,
    pub projects: usize,
    pub edits: Vec<Edit>,
}

impl ProgressFile {
    /// The step that takes it into `plan`: its edits and its receipt (taken at `at`, from the
    /// file named `file`), one undo step.
    pub fn edit(&self, plan: &Plan, at: &str, file: &str) -> Edit {
        let mut receipts = plan.reporting.receipts.clone();
        receipts.push(Receipt {
            district: self.district.clone(),
            month: self.month,
            at: at.to_string(),
            by: self.by.clone(),
            file: file.to_string(),
            projects: self.projects,
        });
        let mut edits = self.edits.clone();
        edits.push(Edit::SetReceipts { receipts });
        Edit::Batch {
            kind: BatchKind::ProgressReport,
            edits,
        }
    }
}

/// A cell as text (a number as Excel shows it plainly).
pub(crate) fn text_of(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::Float(v) => format!("{}", v + 0.0),
        other => other.to_string().trim().to_string(),
    }
}

fn number_of(d: &Data) -> Option<Result<f64, String>> {
    match d {
        Data::Empty => None,
        Data::Float(v) => Some(Ok(*v)),
        Data::Int(v) => Some(Ok(*v as f64)),
        other => {
            let t = text_of(other);
            (!t.is_empty()).then(|| crate::words::display::read_number(&t).ok_or(t))
        }
    }
}

/// The sheet to read: the one named 进度 (either language), else the only one.
fn progress_sheet(names: &[String], lang: Lang) -> Result<String, String> {
    let named = names.iter().find(|n| {
        [Lang::Zh, Lang::En]
            .iter()
            .any(|&l| Text::SheetProgress.tr(l) == n.trim())
    });
    match (named, names) {
        (Some(n), _) => Ok(n.clone()),
        (None, [only]) => Ok(only.clone()),
        _ => Err(Text::ErrProgressNoSheet
            .fill(lang, &[&Text::SheetProgress.tr(lang), &names.join("、")])),
    }
}

/// Reads a county's filled-in progress workbook against `plan` (the document's base): every
/// project's record for the file's month, checked as the grid checks it, or every problem,
/// each naming its row. All or nothing.
pub fn read(
    bytes: &[u8],
    plan: &Plan,
    today: crate::calc::readiness::Day,
    lang: Lang,
) -> Result<ProgressFile, Vec<String>> {
    let workbook = |ps: Vec<crate::exchange::workbook::WorkbookProblem>| -> Vec<String> {
        ps.iter().map(|p| p.message(lang)).collect()
    };
    check_unpacked_size(bytes).map_err(workbook)?;
    let unreadable =
        |e: calamine::XlsxError| vec![Text::XlsxNotWorkbook.fill(lang, &[&e.to_string()])];
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(unreadable)?;
    let sheet = progress_sheet(&wb.sheet_names(), lang).map_err(|e| vec![e])?;
    let problems = value_problems(&mut wb, &sheet);
    if !problems.is_empty() {
        return Err(workbook(problems));
    }
    let range = wb.worksheet_range(&sheet).map_err(unreadable)?;
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let rows: Vec<&[Data]> = range.rows().collect();
    let Some(h) = rows.iter().position(|r| {
        r.iter()
            .any(|d| SheetColumn::of_header(&text_of(d)) == Some(SheetColumn::Id))
    }) else {
        return Err(vec![
            Text::ErrProgressNoHeader.fill(lang, &[&SheetColumn::Id.header(lang)])
        ]);
    };
    let meta = read_meta(&rows[..h]);
    let Some(district) = meta(Meta::District).filter(|d| !d.is_empty()) else {
        return Err(vec![Text::ErrProgressNoDistrict.tr(lang).to_string()]);
    };
    if projects_of(plan, &district).next().is_none() {
        return Err(vec![Text::ErrNoDistrictProjects.fill(lang, &[&district])]);
    }
    let Some(month) = meta(Meta::Month).as_deref().and_then(Month::parse) else {
        let found = meta(Meta::Month).unwrap_or_default();
        return Err(vec![Text::ErrProgressNoMonth.fill(lang, &[&found])]);
    };
    // A month the plan reports on: its window's years, or a carried project's from its own.
    let (first, last) = plan.progress_years();
    if !(first..=last).contains(&month.year) {
        let said = [&month.label(lang) as &dyn std::fmt::Display, &first, &last];
        return Err(vec![Text::ErrProgressMonthOutside.fill(lang, &said)]);
    }
    let columns: Vec<Option<SheetColumn>> = rows[h]
        .iter()
        .map(|d| SheetColumn::of_header(&text_of(d)))
        .collect();
    let mut reader = Rows {
        trial: plan.clone(),
        district: &district,
        month,
        columns: &columns,
        lang,
        seen: HashSet::new(),
        edits: Vec::new(),
        problems: Vec::new(),
        projects: 0,
    };
    for (i, row) in rows.iter().enumerate().skip(h + 1) {
        let line = u64::from(r0) + i as u64 + 1;
        reader.row(line, c0, row);
    }
    if reader.problems.is_empty() && reader.projects == 0 {
        reader
            .problems
            .push(Text::ErrProgressNoRows.fill(lang, &[&district]));
    }
    // The 前期手续 sheet, when the file has one: its steps checked with the figures, all or
    // nothing together.
    let steps_sheet = wb.sheet_names().into_iter().find(|n| {
        [Lang::Zh, Lang::En]
            .iter()
            .any(|&l| Text::SheetReadiness.tr(l) == n.trim())
    });
    let mut edits = reader.edits;
    let mut problems = reader.problems;
    if let Some(name) = steps_sheet {
        let range = wb.worksheet_range(&name).map_err(unreadable)?;
        match crate::exchange::readiness_sheet::read(&range, plan, &district, today, lang) {
            Ok(steps) => edits.extend(steps),
            Err(refused) => problems.extend(refused),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(ProgressFile {
        by: meta(Meta::By).unwrap_or_default(),
        projects: reader.projects,
        edits,
        district,
        month,
    })
}

/// The value beside each meta label above the header.
fn read_meta(rows: &[&[Data]]) -> impl Fn(Meta) -> Option<String> {
    let mut found: Vec<(Meta, String)> = Vec::new();
    for row in rows {
        for (j, d) in row.iter().enumerate() {
            if let Some(m) = Meta::of_label(&text_of(d)) {
                let v = row.get(j + 1).map(text_of).unwrap_or_default();
                if !found.iter().any(|(f, _)| *f == m) {
                    found.push((m, v));
                }
            }
        }
    }
    move |m| found.iter().find(|(f, _)| *f == m).map(|(_, v)| v.clone())
}

/// The body rows as they are read: each applied to a trial plan, so a row is checked against
/// what the rows before it left.
struct Rows<'a> {
    trial: Plan,
    district: &'a str,
    month: Month,
    columns: &'a [Option<SheetColumn>],
    lang: Lang,
    seen: HashSet<String>,
    edits: Vec<Edit>,
    problems: Vec<String>,
    projects: usize,
}

impl Rows<'_> {
    fn refuse(&mut self, line: u64, what: String) {
        self.problems
            .push(Text::ErrProgressRow.fill(self.lang, &[&line, &what]));
    }

    fn row(&mut self, line: u64, c0: u32, row: &[Data]) {
        let lang = self.lang;
        let cell = |c: SheetColumn| {
            self.columns
                .iter()
                .position(|k| *k == Some(c))
                .and_then(|j| row.get(j))
        };
        let id = cell(SheetColumn::Id).map(text_of).unwrap_or_default();
        if id.is_empty() {
            if row.iter().any(|d| !text_of(d).is_empty()) {
                self.refuse(line, Text::ErrProgressNoId.tr(lang).to_string());
            }
            return;
        }
        let Some(p) = self.trial.projects.iter().find(|p| p.id == id.as_str()) else {
            self.refuse(line, Text::ErrProgressUnknownProject.fill(lang, &[&id]));
            return;
        };
        if p.district.trim() != self.district {
            let what = Text::ErrProgressOtherDistrict
                .fill(lang, &[&p.name, &id, &p.district, &self.district]);
            self.refuse(line, what);
            return;
        }
        if !self.seen.insert(id.clone()) {
            self.refuse(line, Text::ErrProgressTwice.fill(lang, &[&p.name, &id]));
            return;
        }
        self.projects += 1;
        let mut progress = p.progress.clone();
        let mut record = record_for(&progress, self.month);
        let at = |j: usize| cell_name(line as u32 - 1, c0 + j as u32);
        let bad = read_cells(self.columns, row, at, &mut progress, &mut record, lang);
        if !bad.is_empty() {
            for b in bad {
                self.refuse(line, b);
            }
            return;
        }
        self.take(line, id, put(&progress, record));
    }

    /// Puts the row's record into the trial plan, or names why it is refused.
    fn take(&mut self, line: u64, id: String, next: ProjectProgress) {
        let Some(p) = self.trial.projects.iter().find(|p| p.id == id.as_str()) else {
            return;
        };
        if next == p.progress {
            return;
        }
        let edit = Edit::SetProgress {
            project: p.id.clone(),
            progress: next,
        };
        match self.trial.apply(&edit) {
            Ok(_) => self.edits.push(edit),
            Err(refused) => {
                let message = refused.message(self.lang);
                self.refuse(line, message);
            }
        }
    }
}

/// A row's cells into the project's start months and the month's record (an empty figure
/// keeps last month's); what cannot be read, named by its cell (`at` of its column).
fn read_cells(
    columns: &[Option<SheetColumn>],
    row: &[Data],
    at: impl Fn(usize) -> String,
    progress: &mut ProjectProgress,
    record: &mut crate::calc::model::MonthlyProgress,
    lang: Lang,
) -> Vec<String> {
    let mut bad = Vec::new();
    for (j, column) in columns.iter().enumerate() {
        let (Some(column), Some(d)) = (column, row.get(j)) else {
            continue;
        };
        match column {
            SheetColumn::Figure(f) => match number_of(d) {
                Some(Ok(v)) if !(v.is_finite() && v >= 0.0) => {
                    bad.push(Text::ErrProgressCell.fill(lang, &[&at(j), &f.name(lang), &v]))
                }
                // Counts whole: 90.5 households is refused with its cell, never rounded.
                Some(Ok(v)) if !f.takes(v) => {
                    bad.push(Text::ErrProgressNotWhole.fill(lang, &[&at(j), &f.name(lang), &v]))
                }
                Some(Ok(v)) => f.set(record, v),
                Some(Err(t)) => {
                    bad.push(Text::ErrProgressCell.fill(lang, &[&at(j), &f.name(lang), &t]))
                }
                None => {}
            },
            SheetColumn::ExpropriationStarted | SheetColumn::ConstructionStarted => {
                let t = text_of(d);
                let started = match Month::parse(&t) {
                    _ if t.is_empty() => None,
                    Some(m) => Some(m),
                    None => {
                        let what = [&at(j) as &dyn std::fmt::Display, &column.header(lang), &t];
                        bad.push(Text::ErrProgressMonthCell.fill(lang, &what));
                        continue;
                    }
                };
                if *column == SheetColumn::ExpropriationStarted {
                    progress.expropriation_started = started;
                } else {
                    progress.construction_started = started;
                }
            }
            SheetColumn::Reason => record.reason = text_of(d),
            SheetColumn::Correction => record.correction = text_of(d),
            SheetColumn::Delay => record.delay = text_of(d),
            _ => {}
        }
    }
    bad
}

/// Where a district stands with its report of a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportStatus {
    /// Reported by the month's last day.
    OnTime,
    /// Reported after it.
    Late,
    /// Not reported, the month not yet over.
    Due,
    /// Not reported, the month over.
    Overdue,
}

impl ReportStatus {
    pub fn label(self) -> Text {
        match self {
            ReportStatus::OnTime => Text::ReportOnTime,
            ReportStatus::Late => Text::ReportLate,
            ReportStatus::Due => Text::ReportDue,
            ReportStatus::Overdue => Text::ReportOverdue,
        }
    }
}

/// A row of the 区县报送 board: a district's latest report of the month, if any.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BoardRow {
    pub district: String,
    pub status: ReportStatus,
    pub latest: Option<Receipt>,
    /// How many reports of the month it sent.
    pub times: usize,
}

/// Every district and county of the plan, in the order they first appear, with where its report
/// of `month` stands at `now` (local time, `2027-04-02T09:00`).
pub fn board(plan: &Plan, month: Month, now: &str) -> Vec<BoardRow> {
    let mut districts: Vec<&str> = Vec::new();
    for p in &plan.projects {
        let d = p.district.trim();
        if !districts.contains(&d) {
            districts.push(d);
        }
    }
    let over = crate::document::reporting::is_after_month(now, month);
    districts
        .into_iter()
        .map(|d| {
            let latest = plan.reporting.latest(d, month);
            let status = match (latest, over) {
                (Some((r, _)), _) if r.late() => ReportStatus::Late,
                (Some(_), _) => ReportStatus::OnTime,
                (None, true) => ReportStatus::Overdue,
                (None, false) => ReportStatus::Due,
            };
            BoardRow {
                district: d.to_string(),
                status,
                times: latest.map_or(0, |(_, n)| n),
                latest: latest.map(|(r, _)| r.clone()),
            }
        })
        .collect()
}
