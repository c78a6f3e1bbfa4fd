//! The largest supported plan (5,000 projects × 36 months of actuals) exports within the import
//! limit and imports back identical; a small plan still exports indented for diffing.

use planner::demo::{demo_plan, largest_plan};
use planner::format::{encode, import, INDENTED_UP_TO, MAX_IMPORT_BYTES};
use planner::plan::{LARGEST_PLAN_MONTHS, LARGEST_PLAN_PROJECTS};

#[test]
fn the_largest_plan_exports_within_the_import_limit_and_reads_back_identical() {
    let plan = largest_plan();
    assert_eq!(plan.projects.len(), LARGEST_PLAN_PROJECTS);
    assert!(plan
        .projects
        .iter()
        .all(|p| p.progress.months.len() == LARGEST_PLAN_MONTHS as usize));
    let text = encode(&plan);
    // Compact: no line breaks between values.
    assert!(!text.contains('\n'));
    // With its milestones (the demo's, cycled); room for the housing stock still to come.
    assert!(
        text.len() * 3 / 2 < MAX_IMPORT_BYTES,
        "{} bytes against a limit of {MAX_IMPORT_BYTES}",
        text.len()
    );
    let back = import(text.as_bytes()).expect("its own export imports");
    assert!(back.unknown_fields.is_empty());
    assert_eq!(back.plan, plan);
}

#[test]
fn a_city_plan_exports_indented_one_value_per_line() {
    let text = encode(&demo_plan());
    assert!(text.len() < INDENTED_UP_TO * 3);
    assert!(text.lines().count() > 1000);
    assert_eq!(import(text.as_bytes()).unwrap().plan, demo_plan());
}
