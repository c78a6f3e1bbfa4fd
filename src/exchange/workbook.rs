//! Excel workbooks in and out: the plan's sheets written with rust_xlsxwriter (numbers stored as
//! numbers with their formats, bold frozen headers, laid out to print on A4), the blank template
//! for county offices, and a county's project sheet read with calamine under the CSV's checks.

use std::collections::HashSet;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::{
    Color, DataValidation, Format, FormatBorder, Workbook, Worksheet, XlsxError,
};

use crate::analysis::compare::{compare, rows, MetricKind};
use crate::calc::fields::Unit;
use crate::calc::model::Month;
use crate::calc::model::Project;
use crate::calc::simulate::simulate;
use crate::document::edit::Scenario;
use crate::document::plan::Plan;
use crate::exchange::project_csv::{self, cell_value, choice_list, read_rows, Column, CsvProblem};
use crate::present::progress::monthly_report;
use crate::present::report::{affordability_table, yearly_table, Cell, Table};
use crate::words::display::shown_number;
use crate::words::i18n::{Lang, Text};

/// Rows above a sheet's table: the title (plan, scenario, sheet) and the unit.
pub(crate) const TITLE_ROWS: u32 = 1;

/// The formats every sheet shares.
pub(crate) struct Formats {
    pub title: Format,
    /// A banner's (see `Banner`): wrapped in its merged cells.
    pub banner: Format,
    pub banner_title: Format,
    pub header: Format,
    pub money: Format,
    pub share: Format,
    pub count: Format,
    pub year: Format,
    pub plain: Format,
}

impl Formats {
    pub fn new() -> Self {
        let header = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_background_color(Color::RGB(0xE8EEF5))
            .set_border(FormatBorder::Thin);
        let banner = Format::new()
            .set_text_wrap()
            .set_align(rust_xlsxwriter::FormatAlign::Top);
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            banner_title: banner.clone().set_bold().set_font_size(14),
            banner,
            header,
            money: Format::new().set_num_format("#,##0.00"),
            share: Format::new().set_num_format("0.0%"),
            count: Format::new().set_num_format("#,##0"),
            year: Format::new().set_num_format("0"),
            plain: Format::new(),
        }
    }

    /// The format of a project-list column's numbers.
    pub fn of_unit(&self, unit: Unit) -> &Format {
        match unit {
            Unit::Percent => &self.share,
            Unit::Wan
            | Unit::M2
            | Unit::YuanPerM2
            | Unit::YuanPerHousehold
            | Unit::YuanPerPersonMonth => &self.money,
            Unit::Households | Unit::Persons => &self.count,
            _ => &self.plain,
        }
    }
}

/// Display width of a text as Excel measures columns: a CJK character counts two.
pub(crate) fn text_width(s: &str) -> f64 {
    s.chars()
        .map(|c| if c.is_ascii() { 1.0 } else { 2.0 })
        .sum()
}

/// Lays a sheet out for print (see `lay_out`) over its columns as measured (the header wrapped
/// over two lines at most, the widest cell), padded, then writes its banners across them.
fn finish_sheet(
    ws: &mut Worksheet,
    f: &Formats,
    measured: &[f64],
    (repeat_to, keys): (u32, u16),
    banners: &[Banner],
    lang: Lang,
) -> Result<(), XlsxError> {
    let widths: Vec<f64> = measured
        .iter()
        .map(|w| (w + 2.0).clamp(8.0, 48.0))
        .collect();
    lay_out(ws, &widths, repeat_to, keys, lang)?;
    write_banners(ws, f, banners, &widths)
}

/// The printable width of an A4 page in portrait at the default margins (8.27 in less twice
/// 0.7 in), in Excel's pixels (96 per inch).
const A4_PORTRAIT_PX: f64 = 659.0;
/// The same in landscape (11.69 in less twice 0.7 in).
const A4_LANDSCAPE_PX: f64 = 988.0;
/// The smallest print scale (%) that keeps the body's 11 pt at 8 pt or more (11 × 0.73 =
/// 8.03): a sheet wider than a landscape page at this scale prints in column groups instead of
/// shrinking further.
const LEGIBLE_SCALE: u16 = 73;

/// The printed width of columns `widths` (Excel's characters) in Excel's pixels: a column of
/// width w is drawn w characters of the default font, 7 px each, plus 5 px of padding.
fn width_px(widths: &[f64]) -> f64 {
    widths.iter().map(|w| (w * 7.0 + 5.0).trunc()).sum()
}

/// How a sheet of columns `px` wide prints on A4: the orientation and the scale (%) that fits
/// it one page wide, at most full size and at least `LEGIBLE_SCALE`; wider than that at
/// `LEGIBLE_SCALE`, it prints in column groups.
#[derive(Debug, Clone, Copy, PartialEq)]
struct PageFit {
    pub landscape: bool,
    pub scale: u16,
    pub column_groups: bool,
}

/// How much wider than Excel's pixels the widest spreadsheet we know draws a column:
/// LibreOffice (with Calibri's metric twin Carlito) prints a column of width w about 1.2 times
/// `w × 7 + 5` px wide, measured from its PDF of the 资金平衡 sheet. A sheet laid out for it
/// prints one page wide in Excel and WPS too.
const WIDEST_DRAWING: f64 = 1.2;

fn page_fit(px: f64) -> PageFit {
    let px = px * WIDEST_DRAWING;
    let scale_in = |room: f64| ((room / px * 100.0).floor() as u16).min(100);
    if scale_in(A4_PORTRAIT_PX) >= 100 {
        return PageFit {
            landscape: false,
            scale: 100,
            column_groups: false,
        };
    }
    let scale = scale_in(A4_LANDSCAPE_PX);
    PageFit {
        landscape: true,
        scale: scale.max(LEGIBLE_SCALE),
        column_groups: scale < LEGIBLE_SCALE,
    }
}

/// Sets the column widths (Excel's characters) and lays the sheet out for printing, as finance
/// bureaus print these sheets: A4, the columns of the table and nothing beside them (a long
/// note wraps inside the table's width rather than widening the page); portrait when the
/// columns fit at full size, else landscape, one page wide while the body stays 8 pt or more,
/// else in column groups over pages that each repeat the first `keys` columns (the row's
/// name), a group's rows before the next group's; rows `0..=repeat_to` (the title and the
/// header) on every page; the sheet's name and the page number in the footer. The scale is
/// set, not left to "fit to page", so Excel and LibreOffice print the same. Every sheet this
/// app writes sets its columns here.
pub(crate) fn lay_out(
    ws: &mut Worksheet,
    widths: &[f64],
    repeat_to: u32,
    keys: u16,
    lang: Lang,
) -> Result<(), XlsxError> {
    for (c, &w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, w)?;
    }
    ws.set_paper_size(9);
    let fit = page_fit(width_px(widths));
    if fit.landscape {
        ws.set_landscape();
    } else {
        ws.set_portrait();
    }
    ws.set_print_scale(fit.scale);
    if fit.column_groups {
        ws.set_page_order(false);
        ws.set_repeat_columns(0, keys.max(1) - 1)?;
    }
    let last = widths.len().max(1) as u16 - 1;
    ws.set_print_area(0, 0, ROW_LAST, last)?;
    ws.set_repeat_rows(0, repeat_to)?;
    ws.set_footer(Text::SheetFooter.tr(lang));
    Ok(())
}

/// The last row of a sheet: a print area to it is whole columns.
const ROW_LAST: u32 = 1_048_575;

/// A line of text across a sheet's table (its title, a note, a project's name over its block):
/// merged over the table's columns and wrapped in them, its row as high as its lines, so it
/// is never cut by the next cell nor widens the printed page.
struct Banner {
    pub row: u32,
    pub text: String,
    /// The title's size and weight, else the body's.
    pub heading: bool,
}

/// Writes `banners` over columns `widths` (set already): see `Banner`.
fn write_banners(
    ws: &mut Worksheet,
    f: &Formats,
    banners: &[Banner],
    widths: &[f64],
) -> Result<(), XlsxError> {
    let last = widths.len().max(1) as u16 - 1;
    let room: f64 = widths.iter().sum::<f64>().max(1.0);
    for b in banners {
        let (format, size, pt) = if b.heading {
            (&f.banner_title, 14.0, 20.0)
        } else {
            (&f.banner, 11.0, 15.0)
        };
        // Widths are in characters of the 11 pt font; a larger font takes more of them.
        let lines = (text_width(&b.text) * size / 11.0 / room).ceil().max(1.0);
        if last == 0 {
            ws.write_string_with_format(b.row, 0, &b.text, format)?;
        } else {
            ws.merge_range(b.row, 0, b.row, last, &b.text, format)?;
        }
        ws.set_row_height(b.row, lines * pt)?;
    }
    Ok(())
}

/// The title row: "plan（scenario）· sheet" bold, the unit over the table's last column; the
/// header row below it frozen.
pub(crate) fn title(
    ws: &mut Worksheet,
    f: &Formats,
    title: &str,
    unit: &str,
    columns: usize,
) -> Result<(), XlsxError> {
    ws.write_string_with_format(0, 0, title, &f.title)?;
    ws.write_string(0, columns.saturating_sub(1).max(1) as u16, unit)?;
    ws.set_freeze_panes(TITLE_ROWS + 1, 0)?;
    Ok(())
}

fn header_row(ws: &mut Worksheet, f: &Formats, header: &[String]) -> Result<Vec<f64>, XlsxError> {
    header_row_at(ws, f, header, TITLE_ROWS)
}

/// A header row at row `at`.
pub(crate) fn header_row_at(
    ws: &mut Worksheet,
    f: &Formats,
    header: &[String],
    at: u32,
) -> Result<Vec<f64>, XlsxError> {
    let mut widths = Vec::with_capacity(header.len());
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(at, c as u16, h, &f.header)?;
        // Wrapped headers take up to two lines; a short value column stays narrow.
        widths.push((text_width(h) / 2.0).max(6.0));
    }
    ws.set_row_height(at, 32)?;
    Ok(widths)
}

/// A sheet's title with its unit, if it has one: "…· 年度测算（单位：万元）".
fn headed(title: &str, unit: &str, lang: Lang) -> String {
    if unit.is_empty() {
        title.to_string()
    } else {
        Text::Parenthesized.fill(lang, &[&title, &unit])
    }
}

/// A report sheet: the title (with the unit) across the table, the table below it with its
/// header frozen, and `notes` under the table, each across it.
fn report_sheet(
    ws: &mut Worksheet,
    f: &Formats,
    (title, unit): (&str, &str),
    table: &Table,
    notes: &[&str],
    lang: Lang,
) -> Result<(), XlsxError> {
    let mut widths = Vec::new();
    let end = write_block(ws, f, table, TITLE_ROWS, &mut widths)?;
    ws.set_freeze_panes(TITLE_ROWS + 1, 0)?;
    let mut banners = vec![Banner {
        row: 0,
        text: headed(title, unit, lang),
        heading: true,
    }];
    banners.extend(notes.iter().enumerate().map(|(i, n)| Banner {
        row: end + 1 + i as u32,
        text: n.to_string(),
        heading: false,
    }));
    finish_sheet(ws, f, &widths, (TITLE_ROWS, 1), &banners, lang)
}

/// Writes `table` with its header at row `at`, widening `widths` to fit; the row after it.
pub(crate) fn write_block(
    ws: &mut Worksheet,
    f: &Formats,
    table: &Table,
    at: u32,
    all_widths: &mut Vec<f64>,
) -> Result<u32, XlsxError> {
    let mut widths = header_row_at(ws, f, &table.header, at)?;
    for (r, row) in table.rows.iter().enumerate() {
        let r = at + 1 + r as u32;
        for (c, cell) in row.iter().enumerate() {
            let (v, format, width) = match *cell {
                Cell::Text(ref t) => {
                    ws.write_string(r, c as u16, t)?;
                    widths[c] = widths[c].max(text_width(t));
                    continue;
                }
                Cell::Year(y) => (f64::from(y), &f.year, 4.0),
                Cell::Money(v) => (
                    shown_number(v, 2),
                    &f.money,
                    crate::words::i18n::fmt_number(v, 2).len() as f64,
                ),
                // "0.0%": three decimals of the fraction show.
                Cell::Share(v) => (shown_number(v, 3), &f.share, 6.0),
                Cell::Count(n) => (n as f64, &f.count, n.to_string().len() as f64 + 1.0),
                Cell::Points(v) => (shown_number(v, 2), &f.money, 7.0),
            };
            ws.write_number_with_format(r, c as u16, v, format)?;
            widths[c] = widths[c].max(width);
        }
    }
    if all_widths.len() < widths.len() {
        all_widths.resize(widths.len(), 0.0);
    }
    for (a, w) in all_widths.iter_mut().zip(widths) {
        *a = a.max(w);
    }
    Ok(at + 1 + table.rows.len() as u32)
}

/// 资金平衡: every project's fund-balance plan, one block each (its name and coverage, then its
/// yearly table of sources, income, debt service and balance), as a policy bank reads them.
fn write_fund_balances(
    ws: &mut Worksheet,
    f: &Formats,
    view: &Plan,
    title: &str,
    lang: Lang,
) -> Result<(), XlsxError> {
    let mut widths = Vec::new();
    let mut banners = vec![
        Banner {
            row: 0,
            text: title.to_string(),
            heading: true,
        },
        Banner {
            row: TITLE_ROWS,
            text: Text::SheetFundBalanceNote.tr(lang).to_string(),
            heading: false,
        },
    ];
    let mut at = TITLE_ROWS + 1;
    for p in &view.projects {
        let Some(fb) = crate::present::fund_balance::fund_balance(view, &p.id, lang) else {
            continue;
        };
        // The project's name and coverage over its block, one line, never cut by a cell.
        banners.push(Banner {
            row: at,
            text: format!("{} · {}", fb.name, fb.coverage_text(lang)),
            heading: true,
        });
        at = write_block(ws, f, &fb.yearly, at + 1, &mut widths)? + 1;
    }
    finish_sheet(ws, f, &widths, (0, 1), &banners, lang)
}

/// The project list sheet: the CSV's columns (so it imports back), numbers as numbers.
fn write_projects(
    ws: &mut Worksheet,
    f: &Formats,
    projects: &[Project],
    lang: Lang,
) -> Result<(), XlsxError> {
    let columns = Column::all();
    let header: Vec<String> = columns.iter().map(|c| c.header(lang)).collect();
    let mut widths = header_row(ws, f, &header)?;
    for (r, p) in projects.iter().enumerate() {
        let r = TITLE_ROWS + 1 + r as u32;
        for (c, &column) in columns.iter().enumerate() {
            let width = match cell_value(p, column, lang) {
                project_csv::Cell::Number(v) => {
                    // Exact, so that the list reads back identically; only -0.0 becomes 0.0.
                    let v = v + 0.0;
                    ws.write_number_with_format(r, c as u16, v, f.of_unit(column.unit()))?;
                    crate::words::i18n::fmt_number(v, 2).len() as f64
                }
                project_csv::Cell::Text(t) if t.is_empty() => 0.0,
                project_csv::Cell::Text(t) => {
                    ws.write_string(r, c as u16, &t)?;
                    text_width(&t)
                }
            };
            widths[c] = widths[c].max(width);
        }
    }
    // The project's number and name stand on every page of a split sheet.
    finish_sheet(ws, f, &widths, (TITLE_ROWS, 2), &[], lang)
}

/// 方案对比: every comparison measure for the base and each scenario.
fn write_compare(
    ws: &mut Worksheet,
    f: &Formats,
    doc: &Plan,
    title: &str,
    lang: Lang,
) -> Result<(), XlsxError> {
    let all = compare(doc, &[], lang);
    let mut header = vec![Text::SheetMetric.tr(lang).to_string()];
    header.extend(all.iter().map(|c| c.name.clone()));
    let mut widths = header_row(ws, f, &header)?;
    for (r, m) in rows(&all, lang).iter().enumerate() {
        let r = TITLE_ROWS + 1 + r as u32;
        ws.write_string(r, 0, &m.label)?;
        widths[0] = widths[0].max(text_width(&m.label));
        for (c, value) in m.values.iter().enumerate() {
            let (format, decimals) = match m.kind {
                MetricKind::Money => (&f.money, 2),
                MetricKind::Share => (&f.share, 3),
                MetricKind::Count => (&f.count, 0),
            };
            if !value.is_finite() {
                // A plan without that year: the cell stays empty.
                continue;
            }
            let v = shown_number(*value, decimals);
            ws.write_number_with_format(r, c as u16 + 1, v, format)?;
            widths[c + 1] = widths[c + 1].max(crate::words::i18n::fmt_number(v, 2).len() as f64);
        }
    }
    ws.set_freeze_panes(TITLE_ROWS + 1, 0)?;
    let banner = Banner {
        row: 0,
        text: title.to_string(),
        heading: true,
    };
    finish_sheet(ws, f, &widths, (TITLE_ROWS, 1), &[banner], lang)
}

fn sheet(wb: &mut Workbook, name: Text, lang: Lang) -> Result<&mut Worksheet, XlsxError> {
    wb.add_worksheet().set_name(name.tr(lang))
}

/// The open plan as a workbook: 项目清单 and 年度测算 and 财政承受能力 of the active scenario's
/// view, and 方案对比 when the plan has scenarios.
pub fn export(doc: &Plan, active: Option<&Scenario>, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let view = doc.resolve(active).plan;
    let r = simulate(&view.assumptions, &view.projects, view.first_year);
    let f = Formats::new();
    let scenario = active.map_or_else(|| Text::Baseline.tr(lang).to_string(), |s| s.name.clone());
    let named = |sheet: Text| format!("{}（{}）· {}", doc.name, scenario, sheet.tr(lang));
    let unit = Text::SheetUnit.tr(lang);
    let mut wb = Workbook::new();

    let columns = Column::all().len();
    let ws = sheet(&mut wb, Text::SheetProjects, lang)?;
    title(ws, &f, &named(Text::SheetProjects), unit, columns)?;
    write_projects(ws, &f, &view.projects, lang)?;

    let ws = sheet(&mut wb, Text::SheetYearly, lang)?;
    let table = yearly_table(&r, lang);
    report_sheet(ws, &f, (&named(Text::SheetYearly), unit), &table, &[], lang)?;

    let ws = sheet(&mut wb, Text::SheetYearTargets, lang)?;
    let table = crate::present::report::year_targets_table(&r, lang);
    report_sheet(
        ws,
        &f,
        (&named(Text::SheetYearTargets), ""),
        &table,
        &[],
        lang,
    )?;

    let ws = sheet(&mut wb, Text::SheetAffordability, lang)?;
    let table = affordability_table(&r, view.assumptions.other_ppp_spending, lang);
    let note = [Text::AffNote.tr(lang)];
    report_sheet(
        ws,
        &f,
        (&named(Text::SheetAffordability), unit),
        &table,
        &note,
        lang,
    )?;

    let ws = sheet(&mut wb, Text::SheetFundBalance, lang)?;
    let title_text = headed(&named(Text::SheetFundBalance), unit, lang);
    write_fund_balances(ws, &f, &view, &title_text, lang)?;

    let ws = sheet(&mut wb, Text::SheetReadiness, lang)?;
    let (table, blocking) = crate::present::report::readiness_table(&view, &r, lang);
    let notes: Vec<&str> = blocking.iter().map(String::as_str).collect();
    report_sheet(
        ws,
        &f,
        (&named(Text::SheetReadiness), ""),
        &table,
        &notes,
        lang,
    )?;

    if !doc.scenarios.is_empty() {
        let ws = sheet(&mut wb, Text::SheetCompare, lang)?;
        let title_text = format!("{} · {}", doc.name, Text::SheetCompare.tr(lang));
        write_compare(ws, &f, doc, &headed(&title_text, unit, lang), lang)?;
    }
    wb.save_to_buffer()
}

/// The month's progress report to the province as a workbook: the summary, the districts, the
/// projects, the ranking and the projects behind, each a sheet, the same tables the screen and
/// the A4 page show.
pub fn progress_report(view: &Plan, month: Month, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let report = crate::analysis::progress::progress_report(view, month);
    let tables = monthly_report(&report, &view.reporting.weights, lang);
    let heading = Text::MonthlyReportTitle.fill(lang, &[&view.name, &month.label(lang)]);
    let sheets = [
        (Text::SheetProgressSummary, &tables.summary),
        (Text::SheetProgressDistricts, &tables.districts),
        (Text::SheetProgressProjects, &tables.projects),
        (Text::SheetProgressRanking, &tables.ranking),
        (Text::SheetProgressBehind, &tables.behind),
        (Text::SheetProgressFunds, &tables.funds),
        (Text::SheetProgressReadiness, &tables.readiness),
    ];
    tables_book((&heading, Text::SheetUnit.tr(lang)), &sheets, lang)
}

/// A paper's tables, each a report sheet titled "{heading} · {its name}" with `unit`.
fn tables_book(
    (heading, unit): (&str, &str),
    sheets: &[(Text, &Table)],
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new();
    let mut wb = Workbook::new();
    for &(name, table) in sheets {
        let ws = sheet(&mut wb, name, lang)?;
        let title_text = format!("{heading} · {}", name.tr(lang));
        report_sheet(ws, &f, (&title_text, unit), table, &[], lang)?;
    }
    wb.save_to_buffer()
}

/// The 考核 paper of `period` as a workbook: the districts' and the leaders' scores, the movers,
/// the 督办清单 and the 逾期未回迁 register as of `month` (kept to `who`'s projects), each a
/// sheet, the same tables the page and its A4 paper show.
pub fn assessment_report(
    view: &Plan,
    period: crate::calc::assessment::Period,
    month: Month,
    who: &crate::calc::model::Answering,
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let paper = crate::present::assessment::assessment_report(view, period, month, who, lang);
    let sheets = [
        (Text::AssessDistricts, &paper.districts),
        (Text::AssessLeaders, &paper.leaders),
        (Text::AssessMovers, &paper.movers),
        (Text::SheetSupervision, &paper.supervision),
        (Text::OverdueTitle, &paper.overdue),
        (Text::OverdueByDistrict, &paper.overdue_districts),
        (Text::SheetDuties, &paper.duties),
    ];
    tables_book((&paper.title, ""), &sheets, lang)
}

/// A blank project list for a county office: the header, one filled-in example row (a new
/// project of the plan), each coded column a drop-down of its allowed values, and a sheet
/// that lists them.
pub fn template(plan: &Plan, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new();
    let mut wb = Workbook::new();
    let ws = sheet(&mut wb, Text::SheetProjects, lang)?;
    let title_text = format!("{} · {}", plan.name, Text::SheetProjects.tr(lang));
    title(
        ws,
        &f,
        &title_text,
        Text::SheetUnit.tr(lang),
        Column::all().len(),
    )?;
    let mut example = plan.new_project(Text::NewProjectName.tr(lang));
    example.id = String::new();
    write_projects(ws, &f, std::slice::from_ref(&example), lang)?;
    let mut guide = vec![Text::GuideIntro.tr(lang).to_string()];
    for (c, column) in Column::all().into_iter().enumerate() {
        if let Some(list) = choice_list(column, lang) {
            let validation = DataValidation::new().allow_list_strings(&list)?;
            // The whole column below the header, so every row a county adds is checked.
            ws.add_data_validation(TITLE_ROWS + 1, c as u16, 5000, c as u16, &validation)?;
            guide.push(format!(
                "{}{}{}",
                column.header(lang),
                Text::Colon.tr(lang),
                list.join(" / ")
            ));
        }
    }
    guide.push(Text::GuideExample.tr(lang).to_string());
    let ws = sheet(&mut wb, Text::SheetGuide, lang)?;
    let widths = [90.0];
    // The guide's first line says what the sheet is: it stands over every printed page.
    lay_out(ws, &widths, 0, 1, lang)?;
    let lines: Vec<Banner> = guide
        .into_iter()
        .enumerate()
        .map(|(r, text)| Banner {
            row: r as u32,
            text,
            heading: false,
        })
        .collect();
    write_banners(ws, &f, &lines, &widths)?;
    wb.save_to_buffer()
}

/// What is wrong with a workbook, translated only when shown.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkbookProblem {
    NotWorkbook(String),
    /// It would unpack to this many bytes.
    TooLarge {
        bytes: u64,
    },
    /// Its entries inflate to more than the limit though its directory declares less (a
    /// decompression bomb that lies about its sizes): stopped at the limit.
    UnpacksOver,
    /// Several sheets, none named 项目清单 and none with the project list's header.
    NoProjectSheet {
        sheets: Vec<String>,
    },
    /// Several sheets with the project list's header, none named 项目清单.
    SeveralProjectSheets(Vec<String>),
    NoHeader {
        sheet: String,
    },
    Formula {
        sheet: String,
        cell: String,
        formula: String,
    },
    Merged {
        sheet: String,
        range: String,
    },
    /// A row or column problem, as for a CSV.
    Rows {
        sheet: String,
        problem: CsvProblem,
    },
}

impl WorkbookProblem {
    pub fn message(&self, lang: Lang) -> String {
        let projects = Text::SheetProjects.tr(lang);
        match self {
            WorkbookProblem::NotWorkbook(e) => Text::XlsxNotWorkbook.fill(lang, &[e]),
            WorkbookProblem::TooLarge { bytes } => Text::XlsxTooLarge.fill(
                lang,
                &[&(bytes / 1_048_576), &(MAX_UNPACKED_BYTES / 1_048_576)],
            ),
            WorkbookProblem::UnpacksOver => {
                Text::XlsxUnpacksOver.fill(lang, &[&(MAX_UNPACKED_BYTES / 1_048_576)])
            }
            WorkbookProblem::NoProjectSheet { sheets } => {
                Text::XlsxNoSheet.fill(lang, &[&projects, &sheets.join("、")])
            }
            WorkbookProblem::SeveralProjectSheets(s) => {
                Text::XlsxSeveralSheets.fill(lang, &[&s.join("、"), &projects])
            }
            WorkbookProblem::NoHeader { sheet } => Text::XlsxNoHeader.fill(
                lang,
                &[
                    sheet,
                    &Column::Field(crate::calc::fields::ProjectField::Name).header(lang),
                ],
            ),
            WorkbookProblem::Formula {
                sheet,
                cell,
                formula,
            } => Text::XlsxFormula.fill(lang, &[sheet, cell, formula]),
            WorkbookProblem::Merged { sheet, range } => {
                Text::XlsxMerged.fill(lang, &[sheet, range])
            }
            WorkbookProblem::Rows { sheet, problem } => {
                Text::XlsxAt.fill(lang, &[sheet, &problem.message(lang)])
            }
        }
    }
}

/// "A1"-style name of a cell (0-based row and column).
pub(crate) fn cell_name(row: u32, col: u32) -> String {
    let mut letters = String::new();
    let mut c = col + 1;
    while c > 0 {
        let rem = (c - 1) % 26;
        letters.insert(0, char::from(b'A' + rem as u8));
        c = (c - 1) / 26;
    }
    format!("{letters}{}", row + 1)
}

/// Whether a sheet is named 项目清单, in either language.
fn is_project_sheet_name(name: &str) -> bool {
    [Lang::Zh, Lang::En]
        .iter()
        .any(|&l| Text::SheetProjects.tr(l) == name.trim())
}

/// Whether a header row is the project list's: every required column, no column it does not
/// know (the checks a CSV's header gets).
fn is_project_header(header: &[String]) -> bool {
    let columns: Vec<Option<Column>> = header.iter().map(|h| project_csv::column_of(h)).collect();
    let unknown = header
        .iter()
        .zip(&columns)
        .any(|(h, c)| c.is_none() && !h.trim().is_empty());
    let complete = Column::all()
        .into_iter()
        .filter(|c| c.required())
        .all(|c| columns.contains(&Some(c)));
    complete && !unknown
}

/// A workbook unpacks to at most this much: a county's list is well under a megabyte; a file that
/// claims more is refused before anything is unpacked (a decompression bomb would take the tab).
pub const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;

pub(crate) fn check_unpacked_size(bytes: &[u8]) -> Result<(), Vec<WorkbookProblem>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| vec![WorkbookProblem::NotWorkbook(e.to_string())])?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip
            .by_index_raw(i)
            .map_err(|e| vec![WorkbookProblem::NotWorkbook(e.to_string())])?;
        total = total.saturating_add(entry.size());
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(vec![WorkbookProblem::TooLarge { bytes: total }]);
    }
    // The directory may lie: every entry is inflated as a stream, counting what actually comes
    // out, and stopped at the limit (a bomb declaring a few KB is refused after 64 MB, well under
    // a second, instead of being read to its end).
    let mut left = MAX_UNPACKED_BYTES;
    for i in 0..zip.len() {
        let entry = zip
            .by_index(i)
            .map_err(|e| vec![WorkbookProblem::NotWorkbook(e.to_string())])?;
        let mut capped = std::io::Read::take(entry, left + 1);
        let inflated = std::io::copy(&mut capped, &mut std::io::sink())
            .map_err(|e| vec![WorkbookProblem::NotWorkbook(e.to_string())])?;
        if inflated > left {
            return Err(vec![WorkbookProblem::UnpacksOver]);
        }
        left -= inflated;
    }
    Ok(())
}

/// Formulas and merged cells on the project sheet: a county's list must hold plain values.
pub(crate) fn value_problems(wb: &mut Xlsx<Cursor<&[u8]>>, sheet: &str) -> Vec<WorkbookProblem> {
    let mut problems = Vec::new();
    if let Ok(formulas) = wb.worksheet_formula(sheet) {
        let (r0, c0) = formulas.start().unwrap_or((0, 0));
        for (row, col, formula) in formulas.used_cells() {
            if !formula.is_empty() {
                problems.push(WorkbookProblem::Formula {
                    sheet: sheet.to_string(),
                    cell: cell_name(r0 + row as u32, c0 + col as u32),
                    formula: formula.clone(),
                });
            }
        }
    }
    if wb.load_merged_regions().is_ok() {
        for (_, _, d) in wb.merged_regions_by_sheet(sheet) {
            problems.push(WorkbookProblem::Merged {
                sheet: sheet.to_string(),
                range: format!(
                    "{}:{}",
                    cell_name(d.start.0, d.start.1),
                    cell_name(d.end.0, d.end.1)
                ),
            });
        }
    }
    problems
}

/// A sheet's cells as the project table reads them: numbers as stored, the rest as text.
pub(crate) fn table_cell(d: &Data) -> project_csv::Cell {
    match d {
        Data::Float(v) => project_csv::Cell::Number(*v),
        Data::Int(v) => project_csv::Cell::Number(*v as f64),
        Data::Empty => project_csv::Cell::Text(String::new()),
        other => project_csv::Cell::Text(other.to_string()),
    }
}

/// The header row (the first naming the project's name column: a title may stand above it)
/// and the rows below it, each with its line as Excel numbers it.
type SheetTable = (Vec<String>, Vec<(u64, Vec<project_csv::Cell>)>);

/// The project table of a sheet. In a share column (its header says %), a number under a
/// percent format is the fraction it stores (45 % is 0.45, as this app writes it); a plain
/// number is in percent, as the header and the CSV have it: the CSV saved as a workbook by
/// Calc (or typed into Excel) holds 45 for 45 %. `percent` holds the percent-formatted cells.
fn sheet_table(range: &calamine::Range<Data>, percent: &HashSet<(u32, u32)>) -> Option<SheetTable> {
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let mut rows: Vec<Vec<project_csv::Cell>> = range
        .rows()
        .map(|r| r.iter().map(table_cell).collect())
        .collect();
    let name = Column::Field(crate::calc::fields::ProjectField::Name);
    let is_name = |c: &project_csv::Cell| matches!(c, project_csv::Cell::Text(t) if project_csv::column_of(t) == Some(name));
    let h = rows.iter().position(|r| r.iter().any(is_name))?;
    let header: Vec<String> = rows[h]
        .iter()
        .map(|c| match c {
            project_csv::Cell::Text(t) => t.clone(),
            project_csv::Cell::Number(v) => v.to_string(),
        })
        .collect();
    let shares: Vec<bool> = header
        .iter()
        .map(|h| project_csv::column_of(h).is_some_and(|c| c.percent()))
        .collect();
    for (i, row) in rows.iter_mut().enumerate().skip(h + 1) {
        for (j, cell) in row.iter_mut().enumerate() {
            let at = (r0 + i as u32, c0 + j as u32);
            if let project_csv::Cell::Number(v) = *cell {
                if shares.get(j) == Some(&true) && !percent.contains(&at) {
                    // As the CSV's text, so the share reads back exactly as from the CSV.
                    *cell = project_csv::Cell::Text(format!("{}", v + 0.0));
                }
            }
        }
    }
    let body = rows
        .into_iter()
        .enumerate()
        .skip(h + 1)
        .map(|(i, r)| (u64::from(r0) + i as u64 + 1, r))
        .collect();
    Some((header, body))
}

/// The sheet to import: the only one, whatever its name (Calc, Excel and WPS name a CSV's sheet
/// after the file); of several, the one named 项目清单, else the one whose header is the
/// project list's.
fn project_sheet(wb: &mut Xlsx<Cursor<&[u8]>>) -> Result<String, Vec<WorkbookProblem>> {
    let names = wb.sheet_names();
    if let [only] = names.as_slice() {
        return Ok(only.clone());
    }
    if let Some(named) = names.iter().find(|n| is_project_sheet_name(n)) {
        return Ok(named.clone());
    }
    let none = HashSet::new();
    let matching: Vec<String> = names
        .iter()
        .filter(|n| {
            wb.worksheet_range(n)
                .ok()
                .and_then(|range| sheet_table(&range, &none))
                .is_some_and(|(header, _)| is_project_header(&header))
        })
        .cloned()
        .collect();
    match matching.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(vec![WorkbookProblem::NoProjectSheet { sheets: names }]),
        _ => Err(vec![WorkbookProblem::SeveralProjectSheets(matching)]),
    }
}

/// Reads the project sheet of a workbook for `plan` (see `project_sheet`): every project, or
/// every problem (the workbook's own first: not a workbook, no project sheet, formulas, merged
/// cells; then the rows', as for a CSV). All or nothing; other sheets are not read.
pub fn read_projects(
    bytes: &[u8],
    plan: &Plan,
    lang: Lang,
) -> Result<Vec<Project>, Vec<WorkbookProblem>> {
    check_unpacked_size(bytes)?;
    let unreadable = |e: calamine::XlsxError| vec![WorkbookProblem::NotWorkbook(e.to_string())];
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(unreadable)?;
    let sheet = project_sheet(&mut wb)?;
    let problems = value_problems(&mut wb, &sheet);
    if !problems.is_empty() {
        return Err(problems);
    }
    let range = wb.worksheet_range(&sheet).map_err(unreadable)?;
    let percent = crate::exchange::xlsx_formats::percent_cells(bytes, &sheet);
    let Some((header, body)) = sheet_table(&range, &percent) else {
        return Err(vec![WorkbookProblem::NoHeader { sheet }]);
    };
    read_rows(&header, body, Vec::new(), plan, lang).map_err(|problems| {
        problems
            .into_iter()
            .map(|problem| WorkbookProblem::Rows {
                sheet: sheet.clone(),
                problem,
            })
            .collect()
    })
}

/// Whether a file is (meant to be) a workbook: an .xlsx name, or a zip's content.
pub fn is_workbook(bytes: &[u8], file_name: &str) -> bool {
    file_name.to_lowercase().ends_with(".xlsx") || bytes.starts_with(b"PK\x03\x04")
}

/// The projects of a project-list file, a workbook or a CSV, for `plan`: every project, or
/// every problem in the planner's words. The same checks either way; all or nothing.
pub fn read_project_list(
    bytes: &[u8],
    file_name: &str,
    plan: &Plan,
    lang: Lang,
) -> Result<Vec<Project>, Vec<String>> {
    if is_workbook(bytes, file_name) {
        return read_projects(bytes, plan, lang)
            .map_err(|ps| ps.iter().map(|p| p.message(lang)).collect());
    }
    let text =
        std::str::from_utf8(bytes).map_err(|_| vec![Text::ErrCsvNotUtf8.tr(lang).to_string()])?;
    project_csv::read(text, plan, lang).map_err(|ps| ps.iter().map(|p| p.message(lang)).collect())
}

/// The message of a refused project-list import: its problems (the first ten) under a
/// heading that names the file's kind, "工作簿中有错误…" or "CSV 中有错误…". For the problems
/// of `read_project_list` and those of taking its projects into the plan.
pub fn refusal_message(bytes: &[u8], file_name: &str, problems: Vec<String>, lang: Lang) -> String {
    let heading = if is_workbook(bytes, file_name) {
        Text::ErrWorkbookRows
    } else {
        Text::ErrCsvRows
    };
    heading.fill(
        lang,
        &[&crate::exchange::format::summarize(
            problems.into_iter(),
            lang,
        )],
    )
}
