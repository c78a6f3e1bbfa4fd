//! The demo plan is the city of the on-site speech: 32 projects, 38.68 亿元, 9,373 households of
//! which 4,545 rehoused with money, 53.8 % in the central city and 40.3 % in the counties, the
//! named central-city projects and X县西街 with 1,066 households.

use planner::demo::demo_plan;
use planner::simulate::{simulate_plan, Group};
use planner::validate::validate;

/// A rate as the speech quotes it: per mille, i.e. percent rounded to one decimal, ×10.
fn per_mille(rate: f64) -> i64 {
    (rate * 1000.0).round() as i64
}

#[test]
fn the_demo_is_the_city_of_the_speech() {
    let plan = demo_plan();
    assert_eq!(validate(&plan), vec![]);
    assert_eq!(plan.projects.len(), 32);

    let r = simulate_plan(&plan, None);
    let t = &r.totals;
    // 38.67 亿元: 万元 / 10,000 rounded to two decimals (38.68 before 东岭县's self-purchase
    // households took 房票, whose 2–5 % reward is less than the 10 % monetization incentive).
    assert_eq!(
        (t.investment / 100.0).round() as i64,
        3_867,
        "{}",
        t.investment
    );
    assert_eq!(t.households, 9_373);
    assert_eq!(t.monetized_households, 4_545);

    let rate = |g: Group| r.rate(&g).unwrap().rate;
    assert_eq!(per_mille(rate(Group::CentralCity)), 538);
    assert_eq!(per_mille(rate(Group::Counties)), 403);
    assert_eq!(per_mille(rate(Group::Overall)), 485);
}

#[test]
fn the_named_projects_are_there() {
    let plan = demo_plan();
    let find = |name: &str| plan.projects.iter().find(|p| p.name == name);
    assert_eq!(find("X县西街").expect("X县西街").households, 1_066);
    for name in ["黄沙桥片区", "行政中心北侧", "杨峪河片区", "北新街东片区"] {
        let p = find(name).unwrap_or_else(|| panic!("{name} is in the demo"));
        assert!(p.central_city, "{name} is a central-city project");
    }
    assert_eq!(plan.projects.iter().filter(|p| p.central_city).count(), 10);
}

#[test]
fn the_60_percent_scenario_stays() {
    let plan = demo_plan();
    let s = plan
        .scenarios
        .iter()
        .find(|s| s.name == "货币化60%")
        .expect("the 货币化60% scenario");
    let r = simulate_plan(&plan, Some(s));
    assert!(r.rate(&Group::CentralCity).unwrap().meets_target());
    assert!(r.rate(&Group::Counties).unwrap().meets_target());
}

/// A part of an xlsx package (a zip of XML files) as text.
fn xlsx_part(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// No figure of the demo — findings, report tables as the page and the CSV write them, the
/// project list, the workbook's numbers — shows a negative zero, in either language, for the
/// baseline and each scenario.
#[test]
fn no_figure_of_the_demo_shows_a_negative_zero() {
    use planner::i18n::{fmt_number, fmt_pct, Lang};
    use planner::report::{
        affordability_table, projects_table, yearly_csv, yearly_summary_table, Cell, Table,
    };
    let plan = demo_plan();
    let shown = |t: &Table| -> String {
        let cells = t.rows.iter().flatten().map(|c| match c {
            Cell::Money(v) | Cell::Points(v) => fmt_number(*v, 2),
            Cell::Share(v) => fmt_pct(*v),
            Cell::Count(n) => fmt_number(*n as f64, 0),
            Cell::Text(s) => s.clone(),
            Cell::Year(y) => y.to_string(),
        });
        format!("{}\n{}", cells.collect::<Vec<_>>().join(" | "), t.csv())
    };
    let negative_zero = |text: &str| {
        let b = text.as_bytes();
        // "-0" not followed by a digit other than zeros and a point: -0, -0.0, -0.00, -0 %.
        (0..b.len()).any(|i| {
            b[i] == b'-'
                && b.get(i + 1) == Some(&b'0')
                && b[i + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit() || **c == b'.')
                    .all(|c| *c == b'0' || *c == b'.')
        })
    };
    let scenarios = std::iter::once(None).chain(plan.scenarios.iter().map(Some));
    for s in scenarios {
        let view = plan.resolve(s).plan;
        let r = simulate_plan(&plan, s);
        for lang in [Lang::Zh, Lang::En] {
            let findings = planner::rules::findings(&view.assumptions, &r);
            let mut texts: Vec<String> = findings.iter().map(|f| f.message(lang)).collect();
            texts.push(shown(&projects_table(&view, &r, lang)));
            texts.push(shown(&yearly_summary_table(&r, lang)));
            texts.push(shown(&affordability_table(
                &r,
                view.assumptions.other_ppp_spending,
                lang,
            )));
            texts.push(yearly_csv(&r, lang));
            texts.push(planner::project_csv::write(&view.projects, lang));
            for t in texts {
                assert!(!negative_zero(&t), "{s:?} {lang:?}: {t}");
            }
            let book = planner::workbook::export(&plan, s, lang).unwrap();
            for sheet in 1..=4 {
                let xml = xlsx_part(&book, &format!("xl/worksheets/sheet{sheet}.xml"));
                for v in xml
                    .split("<v>")
                    .skip(1)
                    .filter_map(|v| v.split("</v>").next())
                {
                    let n: f64 = v.parse().unwrap_or(1.0);
                    assert!(
                        !(v.starts_with('-') && n.abs() < 0.0005),
                        "sheet{sheet}: <v>{v}</v>"
                    );
                }
            }
        }
    }
}
