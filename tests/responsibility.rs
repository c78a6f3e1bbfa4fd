//! Who answers for a project (包抓责任制): the 包抓领导, the post, the 责任单位 and the seven 包
//! duties, set by edits, kept in the document, the project list and merge, and the filters by
//! leader and unit.

use planner::calc::fields::{ProjectField, Value};
use planner::demo::demo_plan;
use planner::edit::Edit;
use planner::i18n::Lang;
use planner::model::{Answering, Duty};

fn set(field: ProjectField, value: &str) -> Edit {
    Edit::SetProjectField {
        project: "p01".into(),
        field,
        value: Value::Text(value.into()),
    }
}

/// Each duty is a project field of its own: set by one edit, given back to the leader when
/// blanked; the fields' keys are the document's paths.
#[test]
fn a_duty_is_handed_on_and_given_back_by_edits() {
    let mut plan = demo_plan();
    assert_eq!(ProjectField::responsibility().count(), 10);
    assert_eq!(
        Duty::ALL
            .iter()
            .map(|d| d.label().tr(Lang::Zh))
            .collect::<Vec<_>>(),
        [
            "包进度",
            "包协调",
            "包征收",
            "包安置",
            "包建设",
            "包招商",
            "包维稳"
        ]
    );
    plan.apply(&set(ProjectField::DutyStability, "城关区信访局"))
        .unwrap();
    let p = &plan.projects[0];
    assert_eq!(p.responsibility.duty(Duty::Stability), "城关区信访局");
    assert_eq!(
        ProjectField::DutyStability.key(),
        "responsibility.duties.stability"
    );
    plan.apply(&set(ProjectField::DutyStability, "  ")).unwrap();
    assert_eq!(plan.projects[0].responsibility.duty(Duty::Stability), "");
    assert!(
        plan.projects[0].responsibility.duties.is_empty()
            || plan.projects[0].responsibility.duties.stability.is_empty()
    );
    // A unit's name longer than a table's line is refused, named.
    let long = "单".repeat(101);
    let err = plan.apply(&set(ProjectField::Unit, &long)).unwrap_err();
    assert!(format!("{err:?}").contains("TooLong"), "{err:?}");
}

/// The document keeps who answers: written only where set, read back the same.
#[test]
fn the_document_keeps_who_answers() {
    let mut plan = demo_plan();
    plan.projects[1].responsibility = Default::default();
    let text = planner::format::encode(&plan);
    let back = planner::format::decode(&text).unwrap();
    assert_eq!(back.projects, plan.projects);
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let first = &doc["plan"]["projects"][0];
    assert_eq!(first["lead"], "市级领导甲");
    assert_eq!(first["responsibility"]["post"], "市政府常务副市长");
    assert_eq!(first["responsibility"]["unit"], "城关区人民政府");
    assert_eq!(
        first["responsibility"]["duties"]["expropriation"],
        "城关区房屋征收办"
    );
    assert!(doc["plan"]["projects"][1].get("responsibility").is_none());
}

/// The project list carries a column for each: the CSV written and read back gives the same
/// projects, and a 10 → 11 list whose only column was 牵头领导/单位 reads it as the leader.
#[test]
fn the_project_list_carries_the_duties() {
    use planner::project_csv::{read, write};
    let plan = demo_plan();
    let csv = write(&plan.projects, Lang::Zh);
    let header = csv.lines().next().unwrap();
    for name in ["包抓领导", "领导职务", "责任单位", "包进度", "包维稳"] {
        assert!(header.contains(name), "{header}");
    }
    let back = read(&csv, &plan, Lang::Zh).unwrap();
    assert_eq!(
        back.iter().map(|p| &p.responsibility).collect::<Vec<_>>(),
        plan.projects
            .iter()
            .map(|p| &p.responsibility)
            .collect::<Vec<_>>()
    );
    let old = csv.replacen("包抓领导", "牵头领导/单位", 1);
    let back = read(&old, &plan, Lang::Zh).unwrap();
    assert_eq!(back[0].lead, "市级领导甲");
}

/// A colleague who handed 包建设 to another unit: merge offers it as one change of that
/// project's field, and taking it hands the duty on.
#[test]
fn merge_offers_a_changed_duty() {
    use planner::merge::{Comparison, ProjectPart, Subject};
    let ours = demo_plan();
    let mut theirs = ours.clone();
    theirs.projects[0]
        .responsibility
        .set_duty(Duty::Construction, "城关区城投公司".into());
    let c = Comparison::new(None, ours, theirs);
    assert_eq!(c.changes.len(), 1, "{:?}", c.changes);
    assert_eq!(
        c.changes[0].subject,
        Subject::Project {
            id: "p01".into(),
            parts: vec![ProjectPart::Field(ProjectField::DutyConstruction)],
        }
    );
}

/// The filters: by leader, by unit (its 责任单位 or a duty's holder), or both; the plan's
/// leaders and units listed once each, sorted.
#[test]
fn filters_by_leader_and_unit() {
    let plan = demo_plan();
    let keep = |a: &Answering| {
        plan.projects
            .iter()
            .filter(|p| a.keeps(p))
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
    };
    let by = |lead: Option<&str>, unit: Option<&str>| Answering {
        lead: lead.map(Into::into),
        unit: unit.map(Into::into),
    };
    assert_eq!(keep(&by(Some("市级领导甲"), None)), ["黄沙桥片区"]);
    // 市城投公司 holds 包建设 of every central project.
    assert_eq!(keep(&by(None, Some("市城投公司"))).len(), 10);
    assert_eq!(
        keep(&by(Some("X县领导乙"), Some("X县住建局"))),
        ["X县城南旧住宅小区", "X县北门城边村"]
    );
    assert_eq!(keep(&Answering::default()).len(), plan.projects.len());
    let leads = plan.leads();
    assert!(leads.contains(&"市级领导癸".to_string()));
    assert_eq!(
        leads.len(),
        leads
            .iter()
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    );
    let units = plan.units();
    assert!(units.contains(&"市招商局".to_string()) && units.contains(&"东岭县卫健局".to_string()));
}
