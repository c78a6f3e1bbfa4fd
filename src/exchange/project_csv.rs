//! The project list as a CSV file for Excel/WPS, in and out: one set of columns read off the
//! field declarations, so an exported list edited by a county office imports back unchanged.
//!
//! Export writes a UTF-8 BOM, the header in the UI language and one row per project; import
//! accepts either language's header in any column order, a BOM, CRLF, thousands separators
//! (also full-width), percentages written `45%` or `45`. Parsing and quoting are the `csv`
//! crate's. Import is all or nothing: one bad row and no project is taken.

use crate::calc::fields::{
    income_of, set_income, status_key, type_key, FieldKind, IncomePart, PppInput, Problem,
    ProjectField, RiskMethod, Value,
};
use crate::calc::model::{status_text, type_text};
use crate::calc::model::{CostDriver, IncomeKind, Instrument, Project, ResettlementWay};
use crate::document::plan::Plan;
use crate::document::validate::{validate_project, Issue};
use crate::words::i18n::{Lang, Text};

pub use crate::present::report::BOM;

/// A column of the project list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Id,
    Field(ProjectField),
    Way(ResettlementWay),
    Instrument(Instrument),
    /// A project's own cost driver; empty means the city-wide default.
    Cost(CostDriver),
    /// How the project's PPP risk is costed (its figures follow in `Ppp` columns).
    RiskMethod,
    /// A PPP project's own spending input; empty means none (the equity share: the city's).
    Ppp(PppInput),
    /// A part of the project's income stream of one kind; empty amount means none.
    Income(IncomeKind, IncomePart),
}

impl Column {
    /// Every column, in the order export writes them.
    pub fn all() -> Vec<Column> {
        std::iter::once(Column::Id)
            .chain(ProjectField::ALL.iter().map(|&f| Column::Field(f)))
            .chain(ResettlementWay::ALL.iter().map(|&w| Column::Way(w)))
            .chain(Instrument::ALL.iter().map(|&i| Column::Instrument(i)))
            .chain(CostDriver::ALL.iter().map(|&d| Column::Cost(d)))
            .chain(std::iter::once(Column::RiskMethod))
            .chain(PppInput::ALL.iter().map(|&i| Column::Ppp(i)))
            .chain(IncomeKind::ALL.iter().flat_map(|&k| {
                IncomePart::ALL
                    .iter()
                    .map(move |&part| Column::Income(k, part))
            }))
            .collect()
    }

    fn label(self) -> Text {
        match self {
            Column::Id => Text::FieldId,
            Column::Field(f) => f.label(),
            Column::Way(w) => w.label(),
            Column::Instrument(i) => i.label(),
            Column::Cost(d) => d.label(),
            Column::RiskMethod => Text::PppRiskMethod,
            Column::Ppp(i) => i.label(),
            Column::Income(_, part) => part.label(),
        }
    }

    /// The header cell: label and unit ("征收面积（m²）", "货币补偿（%）").
    pub fn header(self, lang: Lang) -> String {
        let unit = match self {
            Column::Way(_) | Column::Instrument(_) => "%",
            Column::Field(f) => match f.kind() {
                FieldKind::Number { unit, .. } => unit.text(lang),
                _ => "",
            },
            Column::Cost(d) => d.unit().text(lang),
            Column::Ppp(i) => i.unit().text(lang),
            Column::Income(_, part) => part.unit().text(lang),
            Column::Id | Column::RiskMethod => "",
        };
        let label = self.label().tr(lang);
        let label = match self {
            Column::Cost(_) => Text::CsvOwnCost.fill(lang, &[&label]),
            Column::Income(kind, part) => part.label().fill(lang, &[&kind.label().tr(lang)]),
            _ => label.to_string(),
        };
        match (unit, lang) {
            ("", _) => label,
            (u, Lang::Zh) => format!("{label}（{u}）"),
            (u, Lang::En) => format!("{label} ({u})"),
        }
    }

    /// Columns a file must have; the others take the new-project defaults when missing (房票,
    /// which lists written before it do not have, is none).
    pub(crate) fn required(self) -> bool {
        match self {
            Column::Way(w) => w != crate::calc::model::ResettlementWay::Voucher,
            _ => matches!(
                self,
                Column::Field(
                    ProjectField::Name
                        | ProjectField::District
                        | ProjectField::Year
                        | ProjectField::Households
                        | ProjectField::Area
                ) | Column::Instrument(_)
            ),
        }
    }

    /// The column's unit (a share's is `Percent`).
    pub fn unit(self) -> crate::calc::fields::Unit {
        match self {
            Column::Way(_) | Column::Instrument(_) => crate::calc::fields::Unit::Percent,
            Column::Field(f) => match f.kind() {
                FieldKind::Number { unit, .. } => unit,
                _ => crate::calc::fields::Unit::None,
            },
            Column::Cost(d) => d.unit(),
            Column::Ppp(i) => i.unit(),
            Column::Income(_, part) => part.unit(),
            Column::Id | Column::RiskMethod => crate::calc::fields::Unit::None,
        }
    }

    pub fn percent(self) -> bool {
        match self {
            Column::Way(_) | Column::Instrument(_) => true,
            Column::Cost(d) => d.unit() == crate::calc::fields::Unit::Percent,
            Column::Ppp(i) => i.unit() == crate::calc::fields::Unit::Percent,
            _ => false,
        }
    }
}

/// The shortest decimal that reads back as exactly `v` (Rust never writes an exponent here).
fn decimal(v: f64) -> String {
    let s = format!("{v}");
    if s == "-0" {
        "0".into()
    } else {
        s
    }
}

/// Moves the decimal point of a plain decimal string by `places` (+ right, − left), so that a
/// share written as a percentage reads back to the identical fraction.
fn shift_point(s: &str, places: i32) -> String {
    let (sign, digits) = s.strip_prefix('-').map_or(("", s), |d| ("-", d));
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let all: String = format!("{int}{frac}");
    let point = int.len() as i32 + places;
    let padded = if point <= 0 {
        format!("{}{all}", "0".repeat((1 - point) as usize))
    } else if point as usize > all.len() {
        format!("{all}{}", "0".repeat(point as usize - all.len()))
    } else {
        all
    };
    let point = point.max(1) as usize;
    let (i, f) = padded.split_at(point);
    let i = i.trim_start_matches('0');
    let f = f.trim_end_matches('0');
    let i = if i.is_empty() { "0" } else { i };
    if f.is_empty() {
        format!("{sign}{i}")
    } else {
        format!("{sign}{i}.{f}")
    }
}

fn yes_no(v: bool, lang: Lang) -> &'static str {
    if v { Text::Yes } else { Text::No }.tr(lang)
}

/// A cell as export writes it.
fn cell(p: &Project, c: Column, lang: Lang) -> String {
    let number = |v: f64, percent: bool| {
        if percent {
            shift_point(&decimal(v), 2)
        } else {
            decimal(v)
        }
    };
    match c {
        Column::Id => p.id.clone(),
        Column::Field(f) if f.key().starts_with("land_revenue.") && p.land_revenue.is_none() => {
            String::new()
        }
        Column::Field(f) => match (f, f.get(p)) {
            (ProjectField::Kind, _) => type_text(p.kind).tr(lang).into(),
            (ProjectField::Status, _) => status_text(p.status).tr(lang).into(),
            (_, Value::Bool(b)) => yes_no(b, lang).into(),
            (_, Value::Number(v)) => number(v, false),
            (_, Value::Text(s)) => s,
        },
        Column::Way(w) => number(w.get(&p.resettlement), true),
        Column::Instrument(i) => number(i.get(&p.financing), true),
        Column::Cost(d) => d
            .get_override(&p.costs)
            .map(|v| number(v, c.percent()))
            .unwrap_or_default(),
        Column::RiskMethod => RiskMethod::of(p.ppp.risk).label().tr(lang).into(),
        Column::Ppp(i) => ppp_cell(p, i)
            .map(|v| number(v, c.percent()))
            .unwrap_or_default(),
        Column::Income(kind, part) => income_of(p, kind)
            .map(|s| number(part.get(s), false))
            .unwrap_or_default(),
    }
}

/// A PPP input's cell: empty where the project has nothing of its own (the two amounts at 0).
fn ppp_cell(p: &Project, i: PppInput) -> Option<f64> {
    let v = i.get(&p.ppp)?;
    let amount = matches!(i, PppInput::Supporting | PppInput::PartnerPays);
    (!amount || v != 0.0).then_some(v)
}

/// A cell as a workbook stores it: numbers as numbers (a share as its fraction), the rest as
/// the CSV's text.
pub fn cell_value(p: &Project, c: Column, lang: Lang) -> Cell {
    let number = match c {
        Column::Way(w) => Some(w.get(&p.resettlement)),
        Column::Instrument(i) => Some(i.get(&p.financing)),
        Column::Cost(d) => d.get_override(&p.costs),
        Column::Ppp(i) => ppp_cell(p, i),
        Column::Income(kind, part) => income_of(p, kind).map(|s| part.get(s)),
        Column::RiskMethod => None,
        Column::Field(f) if f.key().starts_with("land_revenue.") && p.land_revenue.is_none() => {
            None
        }
        Column::Field(f) => match f.get(p) {
            Value::Number(v) => Some(v),
            _ => None,
        },
        Column::Id => None,
    };
    number.map_or_else(|| Cell::Text(cell(p, c, lang)), Cell::Number)
}

/// The values a coded column allows (是/否, the types, the statuses), for a workbook's
/// drop-down; `None` for the others.
pub fn choice_list(c: Column, lang: Lang) -> Option<Vec<String>> {
    let coded = matches!(
        c,
        Column::Field(ProjectField::CentralCity | ProjectField::Kind | ProjectField::Status)
            | Column::RiskMethod
    );
    coded.then(|| {
        choice_values(c, lang)
            .into_iter()
            .map(String::from)
            .collect()
    })
}

/// The project list as CSV (with BOM), header in `lang`.
pub fn write(projects: &[Project], lang: Lang) -> String {
    let columns = Column::all();
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let header: Vec<String> = columns.iter().map(|c| c.header(lang)).collect();
    // Writing to memory cannot fail.
    w.write_record(&header).expect("in memory");
    for p in projects {
        w.write_record(columns.iter().map(|&c| cell(p, c, lang)))
            .expect("in memory");
    }
    let bytes = w.into_inner().expect("in memory");
    format!(
        "{BOM}{}",
        String::from_utf8(bytes).expect("written from strings")
    )
}

/// What is wrong with an imported file, translated only when shown.
#[derive(Debug, Clone, PartialEq)]
pub enum CsvProblem {
    Empty,
    /// The CSV itself cannot be read (unbalanced quotes, not UTF-8) at `line`.
    Unreadable {
        line: u64,
    },
    MissingColumns(Vec<String>),
    UnknownColumns(Vec<String>),
    WrongCellCount {
        line: u64,
        expected: usize,
        found: usize,
    },
    NotNumber {
        line: u64,
        column: String,
        value: String,
    },
    NotChoice {
        line: u64,
        column: String,
        value: String,
        choices: String,
    },
    /// The row reads but breaks a rule (a share sum, a bound…).
    Invalid {
        line: u64,
        issue: Issue,
    },
    DuplicateId {
        line: u64,
        id: String,
    },
}

impl CsvProblem {
    pub fn message(&self, lang: Lang) -> String {
        let at = |line: &u64, what: String| Text::CsvRow.fill(lang, &[line, &what]);
        match self {
            CsvProblem::Empty => Text::CsvEmpty.tr(lang).into(),
            CsvProblem::Unreadable { line } => at(line, Text::CsvUnreadable.tr(lang).into()),
            CsvProblem::MissingColumns(c) => Text::CsvMissingColumns.fill(lang, &[&c.join("、")]),
            CsvProblem::UnknownColumns(c) => Text::CsvUnknownColumns.fill(lang, &[&c.join("、")]),
            CsvProblem::WrongCellCount {
                line,
                expected,
                found,
            } => at(line, Text::CsvColumns.fill(lang, &[expected, found])),
            CsvProblem::NotNumber {
                line,
                column,
                value,
            } => at(line, Text::CsvNotNumber.fill(lang, &[column, value])),
            CsvProblem::NotChoice {
                line,
                column,
                value,
                choices,
            } => at(
                line,
                Text::CsvNotChoice.fill(lang, &[column, value, choices]),
            ),
            CsvProblem::Invalid { line, issue } => at(line, issue.message(lang)),
            CsvProblem::DuplicateId { line, id } => {
                at(line, Text::CsvDuplicateId.fill(lang, &[id]))
            }
        }
    }
}

/// A header cell back to its column, in either language (spaces and case ignored).
pub fn column_of(header: &str) -> Option<Column> {
    let norm = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let h = norm(header.trim_start_matches('\u{feff}'));
    // Lists written before version 11 name the 包抓领导's column so.
    if ["牵头领导/单位", "lead"].iter().any(|old| norm(old) == h) {
        return Some(Column::Field(ProjectField::Lead));
    }
    // With or without its unit: "征收户数（户）" and "征收户数" are the same column.
    Column::all().into_iter().find(|c| {
        [Lang::Zh, Lang::En].iter().any(|&l| {
            let header = c.header(l);
            let bare = header.split(['（', '(']).next().unwrap_or_default();
            norm(&header) == h || norm(bare) == h
        })
    })
}

/// A number as planners type it: "1,200", "1，200", " 45% ", "45".
fn parse_number(s: &str, percent: bool) -> Option<f64> {
    let t: String = s
        .trim()
        .trim_end_matches(['%', '％'])
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | ' '))
        .collect();
    if t.is_empty()
        || !t
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'))
    {
        return None;
    }
    let t = t.trim_start_matches('+');
    let t = if percent {
        shift_point(t, -2)
    } else {
        t.to_string()
    };
    t.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Reads one choice cell (是/否, a type, a status) in either language or as its key.
fn parse_choice(c: Column, s: &str) -> Option<Value> {
    let s = s.trim();
    let both = |t: Text| {
        [Lang::Zh, Lang::En]
            .iter()
            .any(|&l| t.tr(l).eq_ignore_ascii_case(s))
    };
    match c {
        Column::Field(ProjectField::CentralCity) => {
            if both(Text::Yes) || both(Text::CentralCity) || matches!(s, "true" | "1") {
                Some(Value::Bool(true))
            } else if both(Text::No) || both(Text::County) || matches!(s, "false" | "0" | "") {
                Some(Value::Bool(false))
            } else {
                None
            }
        }
        Column::Field(ProjectField::Kind) => crate::calc::model::ProjectType::ALL
            .into_iter()
            .find(|&k| both(type_text(k)) || type_key(k) == s)
            .map(|k| Value::Text(type_key(k).into())),
        Column::Field(ProjectField::Status) => crate::calc::model::Status::ALL
            .into_iter()
            .find(|&k| both(status_text(k)) || status_key(k) == s)
            .or_else(|| s.is_empty().then_some(crate::calc::model::Status::Planning))
            .map(|k| Value::Text(status_key(k).into())),
        _ => None,
    }
}

/// The values a coded column takes, in `lang`.
fn choice_values(c: Column, lang: Lang) -> Vec<&'static str> {
    match c {
        Column::Field(ProjectField::CentralCity) => vec![Text::Yes.tr(lang), Text::No.tr(lang)],
        Column::Field(ProjectField::Kind) => crate::calc::model::ProjectType::ALL
            .iter()
            .map(|&k| type_text(k).tr(lang))
            .collect(),
        Column::RiskMethod => RiskMethod::ALL.iter().map(|m| m.label().tr(lang)).collect(),
        _ => crate::calc::model::Status::ALL
            .iter()
            .map(|&k| status_text(k).tr(lang))
            .collect(),
    }
}

fn choices(c: Column, lang: Lang) -> String {
    choice_values(c, lang).join("、")
}

/// Reads the project rows of `text` for `plan`: every project, or every problem found. Rows
/// keep their id when they have one (so an exported list comes back as the same projects);
/// rows without get a new one.
pub fn read(text: &str, plan: &Plan, lang: Lang) -> Result<Vec<Project>, Vec<CsvProblem>> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) if h.iter().any(|c| !c.trim().is_empty()) => h.iter().map(String::from).collect(),
        Ok(_) => return Err(vec![CsvProblem::Empty]),
        Err(_) => return Err(vec![CsvProblem::Unreadable { line: 1 }]),
    };
    let mut problems = Vec::new();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.record() + 1);
                problems.push(CsvProblem::Unreadable { line });
                break;
            }
        };
        // The row as Excel numbers it (header = row 1): a record with newlines inside quotes
        // is still one row, and CRLF files count the same as LF ones.
        let line = record.position().map_or(0, |p| p.record() + 1);
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if record.len() != header.len() {
            problems.push(CsvProblem::WrongCellCount {
                line,
                expected: header.len(),
                found: record.len(),
            });
            continue;
        }
        rows.push((
            line,
            record.iter().map(|c| Cell::Text(c.to_string())).collect(),
        ));
    }
    read_rows(&header, rows, problems, plan, lang)
}

/// A cell of a project table: text as typed (CSV, a text cell of a workbook) or a number a
/// workbook stores (a share as its fraction, whatever the cell's percent format).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
}

impl Cell {
    fn is_blank(&self) -> bool {
        matches!(self, Cell::Text(t) if t.trim().is_empty())
    }

    /// As text: a number as the shortest decimal that reads back to it.
    fn text(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Number(v) => decimal(*v),
        }
    }
}

/// Reads the rows of a project table (its header, then each row with the line it is on) for
/// `plan`, after `problems` found reading the file: every project, or every problem. The
/// same checks whatever the file was (CSV or a workbook's project sheet).
pub fn read_rows(
    header: &[String],
    rows: Vec<(u64, Vec<Cell>)>,
    mut problems: Vec<CsvProblem>,
    plan: &Plan,
    lang: Lang,
) -> Result<Vec<Project>, Vec<CsvProblem>> {
    let columns: Vec<Option<Column>> = header.iter().map(|h| column_of(h)).collect();
    let unknown: Vec<String> = header
        .iter()
        .zip(&columns)
        .filter(|(h, c)| c.is_none() && !h.trim().is_empty())
        .map(|(h, _)| h.to_string())
        .collect();
    let missing: Vec<String> = Column::all()
        .into_iter()
        .filter(|c| c.required() && !columns.contains(&Some(*c)))
        .map(|c| c.header(lang))
        .collect();
    match (missing.is_empty(), unknown.is_empty()) {
        (false, _) => return Err(vec![CsvProblem::MissingColumns(missing)]),
        (_, false) => return Err(vec![CsvProblem::UnknownColumns(unknown)]),
        _ => {}
    }
    let mut projects: Vec<Project> = Vec::new();
    let mut next = plan.clone();
    for (line, cells) in rows {
        if cells.iter().all(Cell::is_blank) {
            continue;
        }
        let (mut p, mut row_problems) = project_from_record(&cells, &columns, &next, line, lang);
        // The list does not carry actuals (the 进度 template does) nor milestones (the
        // 前期手续 sheet does): a project already in the plan keeps them when its row comes back.
        if let Some(existing) = plan.projects.iter().find(|q| q.id == p.id) {
            p.progress = existing.progress.clone();
            p.readiness = existing.readiness.clone();
        }
        let parsed = row_problems
            .iter()
            .all(|p| matches!(p, CsvProblem::Invalid { .. }));
        problems.append(&mut row_problems);
        // A row whose cells all read is checked as a whole too (share sums, minimum capital).
        if !parsed {
            continue;
        }
        if projects.iter().any(|q| q.id == p.id) {
            problems.push(CsvProblem::DuplicateId {
                line,
                id: p.id.clone(),
            });
            continue;
        }
        let window = plan.window_span();
        let issues = validate_project(&p, &plan.assumptions, window, projects.len() + 1);
        problems.extend(
            issues
                .into_iter()
                .map(|issue| CsvProblem::Invalid { line, issue }),
        );
        next.projects.push(p.clone());
        projects.push(p);
    }
    if problems.is_empty() {
        Ok(projects)
    } else {
        Err(problems)
    }
}

/// Reads one row into a new project of `plan`: the project as far as its cells read, and the
/// row's problems.
fn project_from_record(
    record: &[Cell],
    columns: &[Option<Column>],
    plan: &Plan,
    line: u64,
    lang: Lang,
) -> (Project, Vec<CsvProblem>) {
    let mut row = Row {
        plan,
        line,
        lang,
        project: plan.new_project(""),
        problems: Vec::new(),
        refused: Vec::new(),
    };
    for (cell, column) in record.iter().zip(columns) {
        if let Some(c) = *column {
            row.read_cell(c, cell);
        }
    }
    row.finish()
}

/// One row being read into a new project of `plan`.
struct Row<'a> {
    plan: &'a Plan,
    line: u64,
    lang: Lang,
    project: Project,
    /// Cells that do not read, in column order.
    problems: Vec<CsvProblem>,
    /// Numbers outside their field's bounds: reported after the row is read, so that the
    /// message can name the project wherever its name column stands.
    refused: Vec<(ProjectField, Problem)>,
}

impl Row<'_> {
    fn read_cell(&mut self, c: Column, cell: &Cell) {
        match c {
            Column::Id => {
                let id = cell.text();
                if !id.trim().is_empty() {
                    self.project.id = id.trim().to_string();
                }
            }
            Column::Field(f) => self.read_field(f, c, cell),
            Column::Way(w) => match self.number(c, cell) {
                Ok(v) => w.set(&mut self.project.resettlement, v.unwrap_or(0.0)),
                Err(e) => self.problems.push(e),
            },
            Column::Instrument(i) => match self.number(c, cell) {
                Ok(v) => i.set(&mut self.project.financing, v.unwrap_or(0.0)),
                Err(e) => self.problems.push(e),
            },
            Column::Cost(d) => match self.number(c, cell) {
                Ok(v) => d.set_override(&mut self.project.costs, v),
                Err(e) => self.problems.push(e),
            },
            Column::RiskMethod => self.read_risk_method(c, cell),
            Column::Income(kind, part) => match self.number(c, cell) {
                Ok(Some(v)) => set_income(&mut self.project, kind, part, v),
                Ok(None) => {}
                Err(e) => self.problems.push(e),
            },
            Column::Ppp(i) => match self.number(c, cell) {
                Ok(Some(v)) => i.set(&mut self.project.ppp, v),
                Ok(None) if i == PppInput::EquityShare => self.project.ppp.equity_share = None,
                Ok(None) => {}
                Err(e) => self.problems.push(e),
            },
        }
    }

    /// The risk method: empty is the city-wide ratios; the method's figures follow it.
    fn read_risk_method(&mut self, c: Column, cell: &Cell) {
        let text = cell.text();
        let text = text.trim();
        let method = if text.is_empty() {
            Some(RiskMethod::City)
        } else {
            RiskMethod::ALL
                .iter()
                .find(|m| {
                    [Lang::Zh, Lang::En]
                        .iter()
                        .any(|&l| m.label().tr(l) == text)
                })
                .copied()
        };
        match method {
            Some(m) => self.project.ppp.risk = m.start(&self.plan.assumptions.ppp),
            None => self.problems.push(CsvProblem::NotChoice {
                line: self.line,
                column: c.header(self.lang),
                value: text.to_string(),
                choices: choices(c, self.lang),
            }),
        }
    }

    /// A number cell; empty is `None` (a share of 0, the city-wide cost, the field's default).
    /// A workbook's number is taken as stored (a share as its fraction).
    fn number(&self, c: Column, cell: &Cell) -> Result<Option<f64>, CsvProblem> {
        let cell = match cell {
            Cell::Number(v) => return Ok(Some(*v)),
            Cell::Text(t) => t.as_str(),
        };
        if cell.trim().is_empty() {
            return Ok(None);
        }
        parse_number(cell, c.percent())
            .map(Some)
            .ok_or_else(|| CsvProblem::NotNumber {
                line: self.line,
                column: c.header(self.lang),
                value: cell.to_string(),
            })
    }

    fn read_field(&mut self, f: ProjectField, c: Column, cell: &Cell) {
        match f.kind() {
            // Text is kept exactly as written, so names survive the round trip unchanged.
            FieldKind::Text { .. } => f.set(&mut self.project, Value::Text(cell.text())),
            FieldKind::Flag | FieldKind::Kind | FieldKind::Status => {
                match parse_choice(c, &cell.text()) {
                    Some(v) => f.set(&mut self.project, v),
                    None => self.problems.push(CsvProblem::NotChoice {
                        line: self.line,
                        column: c.header(self.lang),
                        value: cell.text(),
                        choices: choices(c, self.lang),
                    }),
                }
            }
            FieldKind::Year | FieldKind::Number { .. } => match self.number(c, cell) {
                Ok(Some(v)) => self.set_number(f, v),
                Ok(None) => {}
                Err(e) => self.problems.push(e),
            },
        }
    }

    fn set_number(&mut self, f: ProjectField, v: f64) {
        let window = self.plan.window_span();
        match f.check(&Value::Number(v), window) {
            // Kept as typed for the message; the field keeps its default.
            Some(problem) => self.refused.push((f, problem)),
            None => {
                if f.key().starts_with("land_revenue.") {
                    // A land cell given means the project has land revenue.
                    self.project
                        .land_revenue
                        .get_or_insert(crate::calc::fields::LAND_DEFAULT);
                }
                f.set(&mut self.project, Value::Number(v));
            }
        }
    }

    /// The project, and the row's problems: unreadable cells first, then refused values.
    fn finish(self) -> (Project, Vec<CsvProblem>) {
        let Row {
            plan,
            line,
            project: p,
            mut problems,
            refused,
            ..
        } = self;
        problems.extend(refused.into_iter().map(|(f, problem)| CsvProblem::Invalid {
            line,
            issue: Issue {
                project: Some(crate::document::validate::Place {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    row: plan.projects.len() + 1,
                }),
                field: crate::document::validate::Field::Project(f),
                problem,
            },
        }));
        (p, problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::demo::demo_plan;

    #[test]
    fn export_then_import_gives_back_the_same_projects() {
        let plan = demo_plan();
        for lang in [Lang::Zh, Lang::En] {
            let text = write(&plan.projects, lang);
            assert!(text.starts_with(BOM));
            let back = read(&text, &plan, Lang::Zh).unwrap();
            assert_eq!(back, plan.projects, "{lang:?}");
        }
    }

    #[test]
    fn shares_survive_the_percent_round_trip_exactly() {
        for v in [
            0.15,
            0.3333333333333333,
            1e-9,
            0.07,
            1.0,
            0.0,
            0.123456789012345,
        ] {
            let s = shift_point(&decimal(v), 2);
            assert_eq!(parse_number(&s, true), Some(v), "{s}");
        }
        assert_eq!(shift_point("15", -2), "0.15");
        assert_eq!(shift_point("0.5", 2), "50");
        assert_eq!(shift_point("-1.25", 2), "-125");
    }

    #[test]
    fn tolerant_of_order_separators_and_percent_signs() {
        let plan = demo_plan();
        let text = "\u{feff}区县,项目名称,计划年度,征收户数,征收面积（m²）,货币补偿（%）,自行选购商品房（%）,政府购买存量房（%）,新建安置房（%）,项目资本金（%）,政策性银行贷款（%）,政府购买服务（%）,PPP（%）,棚改专项债（%）\r\n\
             城关区,\"南门片区, 一期\",2027,\"1，200\",108000,30%,15,10,45,25%,75,0,0,0\r\n";
        let ps = read(text, &plan, Lang::Zh).unwrap();
        assert_eq!(ps[0].name, "南门片区, 一期");
        assert_eq!(ps[0].households, 1_200);
        assert_eq!(ps[0].id, "p33");
        assert_eq!(ps[0].resettlement.cash, 0.3);
        assert_eq!(ps[0].financing.capital_fund, 0.25);
    }

    #[test]
    fn any_bad_row_refuses_the_file_with_row_messages() {
        let plan = demo_plan();
        let head = "项目名称,区县,计划年度,征收户数,征收面积（m²）,中心城市,类型,货币补偿（%）,自行选购商品房（%）,政府购买存量房（%）,新建安置房（%）,项目资本金（%）,政策性银行贷款（%）,政府购买服务（%）,PPP（%）,棚改专项债（%）";
        let text = format!(
            "{head}\n好项目,城关区,2027,100,9000,是,城中村,30,15,10,45,25,75,0,0,0\n坏项目,城关区,2027,abc,9000,也许,城堡,30,15,10,45,25,75,0,0,0\n比例错,城关区,2027,100,-9000,是,城中村,30,15,10,50,25,75,0,0,0\n"
        );
        let msgs: Vec<String> = read(&text, &plan, Lang::Zh)
            .unwrap_err()
            .iter()
            .map(|p| p.message(Lang::Zh))
            .collect();
        assert!(
            msgs.contains(&"第 3 行：征收户数（户）「abc」不是有效数字".to_string()),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("第 3 行：中心城市「也许」应为")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("第 3 行：类型「城堡」应为")),
            "{msgs:?}"
        );
        assert!(
            msgs.contains(&"第 4 行：比例错：征收面积 -9000 应在 0 至 1000000000 之间".to_string()),
            "{msgs:?}"
        );
        assert!(
            msgs.contains(&"第 4 行：比例错：安置方式比例 105.0 %，合计应为 100 %".to_string()),
            "{msgs:?}"
        );
        let missing = read("a,b\n1,2\n", &plan, Lang::Zh).unwrap_err();
        assert!(matches!(missing[0], CsvProblem::MissingColumns(_)));
        assert_eq!(
            read("", &plan, Lang::Zh).unwrap_err(),
            vec![CsvProblem::Empty]
        );
    }
}
