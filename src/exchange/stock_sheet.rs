//! The housing stock (房源库) as a workbook: one sheet per list with the columns `StockList`
//! declares, written filled in (the template a housing bureau completes) and read back all or
//! nothing (a cell not of its column's form, a sheet missing, a row the plan's checks refuse:
//! every problem named with its sheet and row, and nothing taken).

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::{Workbook, XlsxError};

use crate::calc::housing::{
    district_list, whole_units, HousingStock, StockColumn, StockList, StockValue, UnitKind,
};
use crate::calc::model::Month;
use crate::exchange::progress_sheet::text_of;
use crate::exchange::workbook::{
    check_unpacked_size, header_row_at, lay_out, value_problems, Formats,
};
use crate::words::i18n::{Lang, Text};

/// Rows above a sheet's header: the hint.
const HINT_ROWS: u32 = 1;

/// A cell as the sheet shows it.
fn shown(v: &StockValue, lang: Lang) -> String {
    match v {
        StockValue::Text(t) => t.clone(),
        StockValue::Number(x) => crate::words::display::plain_number(*x, 2),
        StockValue::Units(n) => n.to_string(),
        StockValue::Month(m) => m.key(),
        StockValue::Kind(k) => k.label().tr(lang).to_string(),
        StockValue::Districts(d) => d.join("、"),
    }
}

/// The stock as a workbook: a sheet per list, its rows filled in, numbers stored as numbers.
pub fn write(stock: &HousingStock, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let f = Formats::new();
    for list in StockList::ALL {
        let ws = wb.add_worksheet().set_name(list.sheet_name().tr(lang))?;
        ws.write_string(0, 0, Text::StockSheetHint.tr(lang))?;
        let header: Vec<String> = list
            .columns()
            .iter()
            .map(|c| c.label().tr(lang).to_string())
            .collect();
        let mut widths = header_row_at(ws, &f, &header, HINT_ROWS)?;
        for k in 0..list.len(stock) {
            let row = HINT_ROWS + 1 + k as u32;
            for (c, &col) in list.columns().iter().enumerate() {
                let Some(v) = list.get(stock, k, col) else {
                    continue;
                };
                match v {
                    StockValue::Number(x) => ws.write_number(row, c as u16, x)?,
                    StockValue::Units(n) => ws.write_number(row, c as u16, f64::from(n))?,
                    ref other => ws.write_string(row, c as u16, shown(other, lang))?,
                };
                let w = crate::exchange::workbook::text_width(&shown(&v, lang));
                widths[c] = widths[c].max(w + 2.0);
            }
        }
        lay_out(ws, &widths, HINT_ROWS, 1, lang)?;
        ws.set_freeze_panes(HINT_ROWS + 1, 0)?;
    }
    wb.save_to_buffer()
}

/// Reads one cell in its column's form, or says what is wrong with it.
fn value_of(col: StockColumn, d: &Data, lang: Lang) -> Result<StockValue, String> {
    let label = col.label().tr(lang);
    let text = text_of(d);
    let number = || match d {
        Data::Float(v) => Some(*v),
        Data::Int(v) => Some(*v as f64),
        _ => crate::words::display::read_number(&text),
    };
    let not_number = || format!("{label}「{text}」{}", Text::ErrNotFinite.tr(lang));
    match col {
        StockColumn::District | StockColumn::Name => Ok(StockValue::Text(text)),
        StockColumn::OpenTo => Ok(StockValue::Districts(district_list(&text))),
        StockColumn::Kind => UnitKind::ALL
            .into_iter()
            .find(|k| {
                k.key() == text
                    || [Lang::Zh, Lang::En]
                        .iter()
                        .any(|&l| k.label().tr(l) == text)
            })
            .map(StockValue::Kind)
            .ok_or_else(|| Text::ErrStockKind.fill(lang, &[&text])),
        StockColumn::Units => {
            let n = number().ok_or_else(not_number)?;
            whole_units(n)
                .map(StockValue::Units)
                .ok_or_else(|| Text::ErrNotWhole.fill(lang, &[&format!("{label}「{text}」")]))
        }
        StockColumn::Area | StockColumn::Price | StockColumn::SalesPerMonth => {
            number().map(StockValue::Number).ok_or_else(not_number)
        }
        StockColumn::From => month_of(d, &text)
            .map(StockValue::Month)
            .ok_or_else(|| Text::ErrStockMonth.fill(lang, &[&label, &text])),
    }
}

/// A month as a cell holds it: "2027-03" or "2027/3" as text, or a date (Excel's, or a day's
/// text, as the 前期手续 sheet reads it) whose month it is.
fn month_of(d: &Data, text: &str) -> Option<Month> {
    if let Ok(Some(day)) = crate::exchange::readiness_sheet::day_of(d) {
        return Month::new(day.year, day.month);
    }
    let (y, m) = text.split_once(['-', '/', '.'])?;
    let m = m.split(['-', '/', '.']).next()?;
    Month::new(y.trim().parse().ok()?, m.trim().parse().ok()?)
}

/// The sheet of `list`, by its name in either language.
fn sheet_of(names: &[String], list: StockList) -> Option<String> {
    names
        .iter()
        .find(|n| {
            [Lang::Zh, Lang::En]
                .iter()
                .any(|&l| list.sheet_name().tr(l) == n.trim())
        })
        .cloned()
}

/// Reads a stock workbook whole: the stock it holds, or every problem (its sheet and row named).
/// Nothing is taken from a file with any problem.
pub fn read(bytes: &[u8], lang: Lang) -> Result<HousingStock, Vec<String>> {
    let messages = |ps: Vec<crate::exchange::workbook::WorkbookProblem>| -> Vec<String> {
        ps.iter().map(|p| p.message(lang)).collect()
    };
    check_unpacked_size(bytes).map_err(messages)?;
    let unreadable =
        |e: calamine::XlsxError| vec![Text::XlsxNotWorkbook.fill(lang, &[&e.to_string()])];
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(unreadable)?;
    let names = wb.sheet_names();
    let mut stock = HousingStock::default();
    let mut problems = Vec::new();
    // Each list's sheet row of each of its rows, to name a row the plan's checks refuse.
    let mut lines: Vec<(StockList, u64)> = Vec::new();
    for list in StockList::ALL {
        let sheet_name = list.sheet_name().tr(lang);
        let Some(sheet) = sheet_of(&names, list) else {
            problems.push(Text::XlsxNoSheet.fill(lang, &[&sheet_name, &names.join("、")]));
            continue;
        };
        let at = |what: String| Text::XlsxAt.fill(lang, &[&sheet, &what]);
        let found = value_problems(&mut wb, &sheet);
        if !found.is_empty() {
            problems.extend(messages(found));
            continue;
        }
        let range = wb.worksheet_range(&sheet).map_err(unreadable)?;
        let (r0, _) = range.start().unwrap_or((0, 0));
        let rows: Vec<&[Data]> = range.rows().collect();
        let is_header = |r: &&[Data]| {
            r.first().is_some_and(|d| {
                [Lang::Zh, Lang::En]
                    .iter()
                    .any(|&l| text_of(d) == StockColumn::District.label().tr(l))
            })
        };
        let Some(h) = rows.iter().position(is_header) else {
            problems
                .push(at(Text::ErrProgressNoHeader
                    .fill(lang, &[&StockColumn::District.label().tr(lang)])));
            continue;
        };
        // The columns as the header names them; one the list does not have is refused.
        let mut columns = Vec::new();
        for d in rows[h].iter() {
            let head = text_of(d);
            if head.is_empty() {
                columns.push(None);
                continue;
            }
            let col = list.columns().iter().copied().find(|c| {
                [Lang::Zh, Lang::En]
                    .iter()
                    .any(|&l| c.label().tr(l) == head)
            });
            if col.is_none() {
                problems.push(at(Text::ErrStockColumn.fill(lang, &[&head])));
            }
            columns.push(col);
        }
        // Every column but the optional ones (kind: homes; open to: its own district).
        let missing: Vec<&str> = list
            .columns()
            .iter()
            .filter(|c| !matches!(c, StockColumn::Kind | StockColumn::OpenTo))
            .filter(|c| !columns.contains(&Some(**c)))
            .map(|c| c.label().tr(lang))
            .collect();
        if !missing.is_empty() {
            problems.push(at(Text::ErrStockMissing.fill(lang, &[&missing.join("、")])));
            continue;
        }
        for (i, row) in rows.iter().enumerate().skip(h + 1) {
            let line = u64::from(r0) + i as u64 + 1;
            if row.iter().all(|d| text_of(d).is_empty()) {
                continue;
            }
            let k = list.len(&stock);
            list.push(
                &mut stock,
                String::new(),
                Month::january(2000),
                String::new(),
            );
            lines.push((list, line));
            for (c, d) in row.iter().enumerate() {
                let Some(Some(col)) = columns.get(c) else {
                    continue;
                };
                match value_of(*col, d, lang) {
                    Ok(v) => {
                        list.set(&mut stock, k, *col, v);
                    }
                    Err(what) => {
                        problems.push(at(Text::ErrProgressRow.fill(lang, &[&line, &what])))
                    }
                }
            }
        }
    }
    // The plan's own checks, each named by its sheet and row.
    for (row, problem) in stock.problems() {
        use crate::calc::housing::StockRow;
        let (list, n) = match row {
            StockRow::Listing(n) => (StockList::Listings, n),
            StockRow::Offer(n) => (StockList::Offers, n),
            StockRow::Sales(n) => (StockList::Sales, n),
        };
        let line = lines
            .iter()
            .filter(|(l, _)| *l == list)
            .nth(n - 1)
            .map_or(0, |&(_, line)| line);
        let what = crate::document::validate::Issue {
            project: None,
            field: crate::document::validate::Field::Housing(row),
            problem,
        }
        .message(lang);
        let sheet = list.sheet_name().tr(lang);
        problems.push(Text::XlsxAt.fill(
            lang,
            &[&sheet, &Text::ErrProgressRow.fill(lang, &[&line, &what])],
        ));
    }
    if problems.is_empty() {
        Ok(stock)
    } else {
        Err(problems)
    }
}
