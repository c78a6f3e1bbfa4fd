//! Which cells of an .xlsx sheet show a percentage: calamine reads values only, and a share is 0.45 under a percent format but 45 in a plain cell.

use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// The (row, column), 0-based, of every cell of the sheet named `sheet` whose number format is a
/// percentage. Empty when a part cannot be read: the cells then count as plain numbers, and the
/// rows' own checks (shares summing to 100 %) say what is wrong.
pub fn percent_cells(bytes: &[u8], sheet: &str) -> HashSet<(u32, u32)> {
    read(bytes, sheet).unwrap_or_default()
}

fn read(bytes: &[u8], sheet: &str) -> Option<HashSet<(u32, u32)>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut part = |path: &str| -> Option<String> {
        let mut s = String::new();
        zip.by_name(path).ok()?.read_to_string(&mut s).ok()?;
        Some(s)
    };
    let percent = percent_styles(&part("xl/styles.xml")?);
    if percent.is_empty() {
        return Some(HashSet::new());
    }
    let id = sheet_rel_id(&part("xl/workbook.xml")?, sheet)?;
    let target = rel_target(&part("xl/_rels/workbook.xml.rels")?, &id)?;
    // Targets are relative to xl/ (Excel, Calc, rust_xlsxwriter) or absolute (some writers).
    let path = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("xl/{target}"),
    };
    Some(cells_styled(&part(&path)?, &percent))
}

/// A tag of an XML part, by local name: writers differ in namespace prefixes.
enum Tag<'e, 'x> {
    /// An element opened, and whether it is also closed (`<x/>`).
    Open(&'e BytesStart<'x>, bool),
    Close(&'e [u8]),
}

/// Calls `f` for every tag of `xml`; stops at the first error (what was read so far counts).
fn walk(xml: &str, mut f: impl FnMut(Tag)) {
    let mut reader = Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => f(Tag::Open(&e, false)),
            Ok(Event::Empty(e)) => f(Tag::Open(&e, true)),
            Ok(Event::End(e)) => f(Tag::Close(e.local_name().as_ref())),
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
}

fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.decode_and_unescape_value(e.decoder()).ok())
        .map(|v| v.into_owned())
}

/// Whether a number format code shows a percentage: a '%' outside quotes and escapes.
fn is_percent_code(code: &str) -> bool {
    let (mut quoted, mut escaped) = (false, false);
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '%' if !quoted => return true,
            _ => {}
        }
    }
    false
}

/// The indices of the cell formats (`cellXfs`) whose number format is a percentage: the built-in
/// 9 ("0%") and 10 ("0.00%"), or a custom code with '%'.
fn percent_styles(styles: &str) -> HashSet<usize> {
    let mut codes: HashMap<String, bool> = HashMap::new();
    let mut xfs: Vec<String> = Vec::new();
    let mut in_cell_xfs = false;
    walk(styles, |tag| match tag {
        Tag::Open(e, empty) => match e.local_name().as_ref() {
            b"numFmt" => {
                if let (Some(id), Some(code)) = (attr(e, b"numFmtId"), attr(e, b"formatCode")) {
                    codes.insert(id, is_percent_code(&code));
                }
            }
            b"cellXfs" => in_cell_xfs = !empty,
            // cellStyleXfs holds xf elements too: only cellXfs are the cells' `s`.
            b"xf" if in_cell_xfs => xfs.push(attr(e, b"numFmtId").unwrap_or_default()),
            _ => {}
        },
        Tag::Close(b"cellXfs") => in_cell_xfs = false,
        Tag::Close(_) => {}
    });
    xfs.iter()
        .enumerate()
        .filter(|(_, id)| matches!(id.as_str(), "9" | "10") || codes.get(*id) == Some(&true))
        .map(|(i, _)| i)
        .collect()
}

/// The relationship id of the sheet named `name` in workbook.xml.
fn sheet_rel_id(workbook: &str, name: &str) -> Option<String> {
    let mut found = None;
    walk(workbook, |tag| {
        if let Tag::Open(e, _) = tag {
            if found.is_none()
                && e.local_name().as_ref() == b"sheet"
                && attr(e, b"name").as_deref() == Some(name)
            {
                found = attr(e, b"id");
            }
        }
    });
    found
}

fn rel_target(rels: &str, id: &str) -> Option<String> {
    let mut found = None;
    walk(rels, |tag| {
        if let Tag::Open(e, _) = tag {
            if found.is_none()
                && e.local_name().as_ref() == b"Relationship"
                && attr(e, b"Id").as_deref() == Some(id)
            {
                found = attr(e, b"Target");
            }
        }
    });
    found
}

/// "AB12" as (row 11, column 27), 0-based.
fn cell_ref(r: &str) -> Option<(u32, u32)> {
    let split = r.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = r.split_at(split);
    let col = letters.chars().try_fold(0u32, |acc, c| {
        let digit = c.is_ascii_uppercase().then(|| c as u32 - 'A' as u32 + 1)?;
        acc.checked_mul(26)?.checked_add(digit)
    })?;
    let row: u32 = digits.parse().ok()?;
    (col > 0 && row > 0).then(|| (row - 1, col - 1))
}

/// The cells of a sheet's XML whose format index is in `styles`. A cell or row without its
/// reference (allowed, rarely written) follows the one before it.
fn cells_styled(sheet: &str, styles: &HashSet<usize>) -> HashSet<(u32, u32)> {
    let mut out = HashSet::new();
    let (mut row, mut col): (Option<u32>, Option<u32>) = (None, None);
    walk(sheet, |tag| {
        let Tag::Open(e, _) = tag else { return };
        match e.local_name().as_ref() {
            b"row" => {
                let r = attr(e, b"r").and_then(|r| r.parse::<u32>().ok()?.checked_sub(1));
                row = r.or_else(|| Some(row.map_or(0, |r| r.saturating_add(1))));
                col = None;
            }
            b"c" => {
                let at = attr(e, b"r")
                    .and_then(|r| cell_ref(&r))
                    .unwrap_or_else(|| (row.unwrap_or(0), col.map_or(0, |c| c.saturating_add(1))));
                (row, col) = (Some(at.0), Some(at.1));
                let s = attr(e, b"s")
                    .and_then(|s| s.parse::<usize>().ok())
                    .unwrap_or(0);
                if styles.contains(&s) {
                    out.insert(at);
                }
            }
            _ => {}
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_codes_and_cell_references() {
        assert!(is_percent_code("0.0%"));
        assert!(is_percent_code("0%;-0%"));
        assert!(!is_percent_code("#,##0.00"));
        assert!(!is_percent_code(r#"0"%""#));
        assert!(!is_percent_code(r"0\%"));
        assert_eq!(cell_ref("A1"), Some((0, 0)));
        assert_eq!(cell_ref("AB12"), Some((11, 27)));
        assert_eq!(cell_ref("12"), None);
        assert_eq!(cell_ref("A0"), None);
        assert_eq!(cell_ref("ZZZZZZZZZ1"), None);
    }

    /// A workbook with a share under a percent format, the same share as a plain number, and a
    /// custom percent format: the cells are told apart by their formats.
    #[test]
    fn percent_formatted_cells_are_found() {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet().set_name("projects").unwrap();
        let pct = rust_xlsxwriter::Format::new().set_num_format("0%");
        let custom = rust_xlsxwriter::Format::new().set_num_format("0.0\" pct\"%");
        let money = rust_xlsxwriter::Format::new().set_num_format("#,##0.00");
        ws.write_number_with_format(1, 2, 0.45, &pct).unwrap();
        ws.write_number(1, 3, 45.0).unwrap();
        ws.write_number_with_format(2, 27, 0.1, &custom).unwrap();
        ws.write_number_with_format(3, 0, 12.5, &money).unwrap();
        let bytes = wb.save_to_buffer().unwrap();
        let cells = percent_cells(&bytes, "projects");
        assert_eq!(cells, HashSet::from([(1, 2), (2, 27)]));
        assert!(percent_cells(&bytes, "other").is_empty());
        assert!(percent_cells(b"not a zip", "projects").is_empty());
    }
}
