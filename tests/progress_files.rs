//! A county's monthly progress through files: the template carries its projects, plan figures
//! and last month's actuals and reads back as no change; a filled-in file is taken under the
//! grid's checks, all or nothing, each refused row named; the 区县报送 board says who reported,
//! when, by whom and who is late.

mod common;

use calamine::{Data, Reader, Xlsx};
use planner::calc::progress::ProgressField;
use planner::demo::demo_plan;
use planner::edit::Edit;
use planner::i18n::Lang;
use planner::model::{Month, ResettlementWay};
use planner::plan::Plan;
use planner::progress_sheet::{board, read, template, ReportStatus, SheetColumn};
use rust_xlsxwriter::Workbook;

/// The day the files are read: after every actual day of the demo's steps.
const TODAY: planner::readiness::Day = planner::readiness::Day {
    year: 2027,
    month: 5,
    day: 3,
};

fn month(s: &str) -> Month {
    Month::parse(s).unwrap()
}

fn id_of(plan: &Plan, name: &str) -> String {
    plan.projects
        .iter()
        .find(|p| p.name == name)
        .unwrap()
        .id
        .to_string()
}

/// A cell a test writes into a county's file.
enum V {
    N(f64),
    T(&'static str),
}

/// A county's filled-in file as the template lays it out (title, 区县/报送月份/填报人, a blank
/// row, the header at line 4, projects from line 5), each row `(project id, cells)`.
fn county_file(district: &str, month: &str, rows: &[(String, Vec<(SheetColumn, V)>)]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("进度").unwrap();
    ws.write_string(0, 0, "某市 · 进度报送").unwrap();
    for (c, (label, value)) in [("区县", district), ("报送月份", month), ("填报人", "王五")]
        .iter()
        .enumerate()
    {
        ws.write_string(1, (c * 2) as u16, *label).unwrap();
        ws.write_string(1, (c * 2 + 1) as u16, *value).unwrap();
    }
    let columns = SheetColumn::all();
    for (c, column) in columns.iter().enumerate() {
        ws.write_string(3, c as u16, column.header(Lang::Zh))
            .unwrap();
    }
    for (r, (id, cells)) in rows.iter().enumerate() {
        let r = 4 + r as u32;
        ws.write_string(r, 0, id).unwrap();
        for (column, v) in cells {
            let c = columns.iter().position(|k| k == column).unwrap() as u16;
            match v {
                V::N(n) => ws.write_number(r, c, *n).unwrap(),
                V::T(t) => ws.write_string(r, c, *t).unwrap(),
            };
        }
    }
    wb.save_to_buffer().unwrap()
}

fn signed(v: f64) -> (SheetColumn, V) {
    (SheetColumn::Figure(ProgressField::Signed), V::N(v))
}

/// X县's template for April: its four projects in plan order, the plan's figures in grey, March's
/// figures carried into April, the month and district above; read back untouched, it changes
/// nothing.
#[test]
fn the_template_carries_last_month_and_reads_back_as_no_change() {
    let plan = demo_plan();
    let bytes = template(&plan, "X县", month("2027-04"), Lang::Zh).unwrap();
    let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes.clone())).unwrap();
    assert_eq!(wb.sheet_names()[0], "进度");
    let range = wb.worksheet_range("进度").unwrap();
    assert_eq!(range.get_value((1, 1)), Some(&Data::String("X县".into())));
    assert_eq!(
        range.get_value((1, 3)),
        Some(&Data::String("2027-04".into()))
    );
    let header: Vec<String> = (0..SheetColumn::all().len() as u32)
        .map(|c| range.get_value((3, c)).unwrap().to_string())
        .collect();
    let signed_col = header.iter().position(|h| h == "签约户数").unwrap() as u32;
    let names: Vec<String> = (4..8)
        .map(|r| range.get_value((r, 1)).unwrap().to_string())
        .collect();
    assert_eq!(
        names,
        [
            "X县西街",
            "X县东关危旧房",
            "X县城南旧住宅小区",
            "X县北门城边村"
        ]
    );
    // X县西街 signed all 1,066 by March; X县东关危旧房 90.
    assert_eq!(range.get_value((4, signed_col)), Some(&Data::Float(1066.0)));
    assert_eq!(range.get_value((5, signed_col)), Some(&Data::Float(90.0)));
    assert_eq!(
        range.get_value((4, 3)),
        Some(&Data::Float(1066.0)),
        "plan households"
    );
    let sheet_xml = {
        use std::io::Read;
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.clone())).unwrap();
        let mut s = String::new();
        zip.by_name("xl/worksheets/sheet1.xml")
            .unwrap()
            .read_to_string(&mut s)
            .unwrap();
        s
    };
    assert!(
        sheet_xml.contains("<sheetProtection"),
        "the plan columns are locked"
    );
    assert!(
        sheet_xml.contains("type=\"list\""),
        "the month columns are drop-downs"
    );
    let file = read(&bytes, &plan, TODAY, Lang::Zh).unwrap();
    assert_eq!(
        (file.district.as_str(), file.month),
        ("X县", month("2027-04"))
    );
    assert_eq!(file.projects, 4);
    assert!(file.edits.is_empty(), "{:?}", file.edits);
}

/// A filled-in April: 东关危旧房 signs 120 and starts construction; one step takes it, with its
/// receipt (who, when, which file); undone, the plan is as it was.
#[test]
fn a_filled_in_month_is_one_step_with_its_receipt() {
    let mut plan = demo_plan();
    let east = id_of(&plan, "X县东关危旧房");
    let bytes = county_file(
        "X县",
        "2027-04",
        &[(
            east.clone(),
            vec![
                signed(120.0),
                (SheetColumn::ConstructionStarted, V::T("2027-04")),
                (
                    SheetColumn::Figure(ProgressField::Monetized(ResettlementWay::Cash)),
                    V::N(12.0),
                ),
            ],
        )],
    );
    let file = read(&bytes, &plan, TODAY, Lang::Zh).unwrap();
    assert_eq!(file.by, "王五");
    assert_eq!(file.edits.len(), 1);
    let step = file.edit(&plan, "2027-04-28T10:00", "X县4月进度.xlsx");
    let before = plan.clone();
    let inverse = plan.apply(&step).unwrap();
    let p = plan
        .projects
        .iter()
        .find(|p| p.id == east.as_str())
        .unwrap();
    let april = p.progress.at(month("2027-04")).unwrap();
    assert_eq!(
        (april.signed, april.vacated),
        (120, 60),
        "vacated carried from March"
    );
    assert_eq!(april.monetized.cash, 12);
    assert_eq!(p.progress.construction_started, Some(month("2027-04")));
    let receipt = plan.reporting.receipts.last().unwrap();
    assert_eq!(
        (receipt.by.as_str(), receipt.file.as_str(), receipt.projects),
        ("王五", "X县4月进度.xlsx", 1)
    );
    assert!(!step.changes_content(), "actuals are the base's");
    plan.apply(&inverse).unwrap();
    assert_eq!(plan, before);
}

/// Another county's project, a figure below last month's without a correction note, an unknown
/// id, text in a figure cell and a project twice: each refused with its row, and nothing taken, not even the
/// good row.
#[test]
fn a_bad_row_refuses_the_whole_file_naming_it() {
    let plan = demo_plan();
    let east = id_of(&plan, "X县东关危旧房");
    let west = id_of(&plan, "X县西街");
    let other = id_of(&plan, "东岭县老街片区");
    let south = id_of(&plan, "X县城南旧住宅小区");
    let bytes = county_file(
        "X县",
        "2027-04",
        &[
            (east.clone(), vec![signed(100.0)]),
            (other, vec![signed(10.0)]),
            (west.clone(), vec![signed(1000.0)]),
            ("p999".into(), vec![signed(1.0)]),
            (
                south,
                vec![(SheetColumn::Figure(ProgressField::Invested), V::T("很多"))],
            ),
            (east.clone(), vec![signed(110.0)]),
        ],
    );
    let problems = read(&bytes, &plan, TODAY, Lang::Zh).unwrap_err();
    let joined = problems.join("\n");
    assert!(
        problems[0].starts_with("第 6 行：") && joined.contains("东岭县老街片区"),
        "{joined}"
    );
    assert!(problems[0].contains("属于东岭县"), "{joined}");
    for (problem, (row, names)) in problems[1..].iter().zip([
        ("第 7 行：", "更正说明"),
        ("第 8 行：", "p999"),
        ("第 9 行：", "很多"),
        ("第 10 行：", "两次"),
    ]) {
        assert!(
            problem.starts_with(row) && problem.contains(names),
            "{joined}"
        );
    }
    assert_eq!(problems.len(), 5, "{joined}");
    // With a correction note the lower figure is taken.
    let corrected = county_file(
        "X县",
        "2027-04",
        &[(
            west,
            vec![
                signed(1000.0),
                (SheetColumn::Correction, V::T("3月多报66户")),
            ],
        )],
    );
    let file = read(&corrected, &plan, TODAY, Lang::Zh).unwrap();
    let Edit::SetProgress { progress, .. } = &file.edits[0] else {
        panic!("{:?}", file.edits)
    };
    assert_eq!(progress.at(month("2027-04")).unwrap().signed, 1000);
}

/// A file that is not the template: no month, another district's name, no rows.
#[test]
fn a_file_without_its_month_or_district_is_refused() {
    let plan = demo_plan();
    let no_month = county_file("X县", "四月", &[]);
    let e = read(&no_month, &plan, TODAY, Lang::Zh).unwrap_err();
    assert!(e[0].contains("四月"), "{e:?}");
    let unknown = county_file("Y县", "2027-04", &[]);
    let e = read(&unknown, &plan, TODAY, Lang::Zh).unwrap_err();
    assert!(e[0].contains("Y县"), "{e:?}");
    let empty = county_file("X县", "2027-04", &[]);
    let e = read(&empty, &plan, TODAY, Lang::Zh).unwrap_err();
    assert!(e[0].contains("X县"), "{e:?}");
    assert!(read(b"not a workbook", &plan, TODAY, Lang::Zh).is_err());
}

/// The board for April: X县 reported on the 28th by 王五, 东岭县 on 3 May (late), the others not
/// yet while April lasts and overdue once it is over.
#[test]
fn the_board_says_who_reported_when_and_who_is_late() {
    let mut plan = demo_plan();
    for (district, at) in [("X县", "2027-04-28T10:00"), ("东岭县", "2027-05-03T09:00")] {
        let id = plan
            .projects
            .iter()
            .find(|p| p.district == district)
            .unwrap()
            .id
            .to_string();
        let bytes = county_file(district, "2027-04", &[(id, vec![])]);
        let step = read(&bytes, &plan, TODAY, Lang::Zh)
            .unwrap()
            .edit(&plan, at, "f.xlsx");
        plan.apply(&step).unwrap();
    }
    let rows = board(&plan, month("2027-04"), "2027-04-29T12:00");
    let status = |rows: &[planner::progress_sheet::BoardRow], d: &str| {
        rows.iter().find(|r| r.district == d).unwrap().status
    };
    assert_eq!(status(&rows, "X县"), ReportStatus::OnTime);
    assert_eq!(status(&rows, "城关区"), ReportStatus::Due);
    let x = rows.iter().find(|r| r.district == "X县").unwrap();
    assert_eq!(
        (x.latest.as_ref().unwrap().by.as_str(), x.times),
        ("王五", 1)
    );
    let later = board(&plan, month("2027-04"), "2027-05-04T08:00");
    assert_eq!(status(&later, "东岭县"), ReportStatus::Late);
    assert_eq!(status(&later, "城关区"), ReportStatus::Overdue);
    assert_eq!(later.len(), 8, "every district and county");
    // March: nobody has reported through a file.
    assert!(board(&plan, month("2027-03"), "2027-05-04T08:00")
        .iter()
        .all(|r| r.status == ReportStatus::Overdue));
}

/// The version 6 fixture (the demo with X县's April report taken and a composite weighting)
/// reads and writes back byte for byte; every older fixture still reads.
#[test]
fn the_version_6_fixture_round_trips() {
    const FIXTURE_V6: &str = include_str!("fixtures/plan-v6.json");
    let plan = planner::format::decode(FIXTURE_V6).unwrap();
    let receipt = &plan.reporting.receipts[0];
    assert_eq!(
        (receipt.district.as_str(), receipt.by.as_str()),
        ("X县", "王五")
    );
    assert_eq!(
        plan.reporting
            .weights
            .weight(planner::calc::progress::ProgressRate::Signing),
        40.0
    );
    // Written back as the current version, with nothing else changed (versions 7 and 8 only
    // added; 9 keys each edit by its kind).
    assert_eq!(
        planner::format::encode(&plan),
        common::as_current(FIXTURE_V6)
    );
}

/// March's report to the province: the districts' counts add up to the city's row (central
/// city + counties = city), X县's row is the hand-computed one, and the workbook's sheets hold
/// the same rows as the tables the screen draws.
#[test]
fn the_monthly_report_adds_up_and_its_workbook_holds_the_same_figures() {
    use planner::present::progress::monthly_report;
    use planner::report::Cell;
    let plan = demo_plan();
    let march = month("2027-03");
    let r = planner::progress::progress_report(&plan, march);
    let m = monthly_report(&r, &plan.reporting.weights, Lang::Zh);
    let count = |row: &[Cell], c: usize| match row[c] {
        Cell::Count(n) => n,
        ref other => panic!("{other:?}"),
    };
    let city = m
        .summary
        .rows
        .iter()
        .find(|r| r[0] == Cell::Text("全市".into()))
        .unwrap();
    for c in [1, 2, 4] {
        let districts: u64 = m.districts.rows.iter().map(|r| count(r, c)).sum();
        let zones: u64 = m.summary.rows[..2].iter().map(|r| count(r, c)).sum();
        assert_eq!(districts, count(city, c), "{}", m.districts.header[c]);
        assert_eq!(zones, count(city, c), "{}", m.summary.header[c]);
    }
    let x = m
        .districts
        .rows
        .iter()
        .find(|r| r[0] == Cell::Text("X县".into()))
        .unwrap();
    assert_eq!((count(x, 1), count(x, 2), count(x, 4)), (1246, 1156, 635));
    assert_eq!(x[5], Cell::Share(635.0 / 1246.0));
    assert_eq!(m.ranking.rows[0][1], Cell::Text("X县".into()));
    assert_eq!(
        m.ranking.header.len(),
        5,
        "no composite column while 开工率 alone ranks"
    );
    assert!(!m.behind.rows.is_empty());
    // Funds by source: X县's amounts add up to its total in the districts table, and each
    // rate is its amount over its share of the year's plan.
    let money = |c: &Cell| match c {
        Cell::Money(v) => *v,
        other => panic!("{other:?}"),
    };
    let xf = m
        .funds
        .rows
        .iter()
        .find(|r| r[0] == Cell::Text("X县".into()))
        .unwrap();
    let by_source: f64 = xf[1..].iter().step_by(2).map(money).sum();
    assert!(
        (by_source - money(&x[10])).abs() < 0.01 * 5.0,
        "{by_source} vs {:?}",
        x[9]
    );
    let tally = &r
        .districts
        .iter()
        .find(|d| d.group == planner::simulate::Group::District("X县".into()))
        .unwrap()
        .tally;
    let loan = planner::model::Instrument::PolicyLoan;
    assert_eq!(
        xf[4],
        Cell::Share(loan.amount(&tally.funds) / loan.amount(&tally.planned_funds))
    );

    let header_at = 1;
    let bytes = planner::workbook::progress_report(&plan, march, Lang::Zh).unwrap();
    let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(
        wb.sheet_names(),
        [
            "汇总",
            "分区县",
            "分项目",
            "排名",
            "滞后项目",
            "资金到位",
            "前期手续（月末）"
        ]
    );
    // 前期手续 at March's end: the districts add up to the city, and the sheet holds the rows.
    let ready = &m.readiness;
    let (city_row, district_rows) = ready.rows.split_last().unwrap();
    assert_eq!(city_row[0], Cell::Text("全市".into()));
    for c in [1, 2, 3, 4, 5, 6, 7, 10] {
        let sum: u64 = district_rows.iter().map(|r| count(r, c)).sum();
        assert_eq!(sum, count(city_row, c), "{}", ready.header[c]);
    }
    assert!(count(city_row, 3) > 0 && count(city_row, 10) > 0);
    let sheet = wb.worksheet_range("前期手续（月末）").unwrap();
    for (i, row) in ready.rows.iter().enumerate() {
        let r = (header_at + 1 + i) as u32;
        assert_eq!(
            Cell::Text(sheet.get_value((r, 0)).unwrap().to_string()),
            row[0]
        );
        assert_eq!(
            sheet.get_value((r, 3)),
            Some(&Data::Float(count(row, 3) as f64))
        );
    }
    let districts = wb.worksheet_range("分区县").unwrap();
    for (i, row) in m.districts.rows.iter().enumerate() {
        let r = (header_at + 1 + i) as u32;
        assert_eq!(
            Cell::Text(districts.get_value((r, 0)).unwrap().to_string()),
            row[0]
        );
        assert_eq!(
            districts.get_value((r, 4)),
            Some(&Data::Float(count(row, 4) as f64))
        );
    }
}

/// A thousand projects with two years of actuals (every month each changes, ~13,500 records)
/// keep under the 2 MB the browser's storage is given for a plan; each month one compact row.
#[test]
fn two_years_of_a_thousand_projects_actuals_stay_under_two_megabytes() {
    let mut plan =
        planner::demo::with_actuals(planner::demo::generated_plan(1000), month("2028-12"));
    // The actuals alone: the demo's milestones cycled are another 270 KB (tests/largest_plan.rs
    // bounds the whole document).
    for p in &mut plan.projects {
        p.readiness = Default::default();
    }
    let records: usize = plan.projects.iter().map(|p| p.progress.months.len()).sum();
    assert!(records > 12_000, "{records}");
    let stored = planner::format::encode_stored(&plan);
    assert!(stored.len() < 2_000_000, "{} bytes", stored.len());
    assert_eq!(planner::format::decode(&stored).unwrap(), plan);
}

/// A county's file for a month outside the plan's years (2027–2028) is refused, naming the
/// month; a count with a fraction is refused with its cell, never rounded.
#[test]
fn a_month_outside_the_plan_or_a_fractional_count_is_refused() {
    let plan = demo_plan();
    let west = id_of(&plan, "X县西街");
    for (m, said) in [("2035-06", "2035年6月"), ("2020-01", "2020年1月")] {
        let bytes = county_file("X县", m, &[(west.clone(), vec![signed(1000.0)])]);
        let e = read(&bytes, &plan, TODAY, Lang::Zh).unwrap_err();
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].contains(said) && e[0].contains("2027–2028"), "{e:?}");
    }
    let bytes = county_file("X县", "2027-04", &[(west.clone(), vec![signed(1065.5)])]);
    let e = read(&bytes, &plan, TODAY, Lang::Zh).unwrap_err();
    assert!(
        e.iter()
            .any(|p| p.contains("1065.5") && p.contains("应为整数")),
        "{e:?}"
    );
    // The same figure whole is taken.
    let bytes = county_file("X县", "2027-04", &[(west, vec![signed(1066.0)])]);
    assert!(read(&bytes, &plan, TODAY, Lang::Zh).is_ok());
}
