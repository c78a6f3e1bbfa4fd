//! Writes a county's progress file as the county sends it back: the template of DISTRICT for
//! MONTH from PLAN.json, with figures changed as given (`ID:KEY=VALUE`, `*` for every project of
//! the county, `+N` added to the figure), for the browser tests and the import benchmark.
//!
//! `county_progress PLAN.json X县 2027-04 p12:signed=120 '*:invested=+1' > x.xlsx`
use planner::calc::progress::ProgressField;
use planner::progress_entry::{put, record_for};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path, district, month, changes @ ..] = args.as_slice() else {
        eprintln!("usage: county_progress PLAN.json DISTRICT YYYY-MM [ID:KEY=VALUE ...]");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(path).expect("the plan file");
    let mut plan = planner::format::decode(&text).expect("a plan document");
    let month = planner::model::Month::parse(month).expect("a month YYYY-MM");
    for change in changes {
        let (who, rest) = change.split_once(':').expect("ID:KEY=VALUE");
        let (key, value) = rest.split_once('=').expect("ID:KEY=VALUE");
        let field = ProgressField::all()
            .into_iter()
            .find(|f| f.key() == key)
            .expect("a figure's key, e.g. signed");
        for p in plan.projects.iter_mut() {
            if p.district != *district || (who != "*" && p.id != who) {
                continue;
            }
            let mut r = record_for(&p.progress, month);
            let v = match value.strip_prefix('+') {
                Some(n) => field.get(&r) + n.parse::<f64>().expect("a number"),
                None => value.parse().expect("a number"),
            };
            field.set(&mut r, v);
            p.progress = put(&p.progress, r);
        }
    }
    let bytes = planner::progress_sheet::template(&plan, district, month, planner::i18n::Lang::Zh)
        .expect("a workbook");
    use std::io::Write;
    std::io::stdout().write_all(&bytes).expect("written");
}
