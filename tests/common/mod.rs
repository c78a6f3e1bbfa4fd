//! Generators shared by the property tests: edits a planner could make to the demo plan.
#![allow(dead_code)]

use planner::demo::demo_plan;
use planner::edit::Edit;
use planner::fields::{AssumptionKey, ProjectField, Value};
use planner::model::*;
use planner::plan::Plan;
use proptest::prelude::*;

pub fn arb_edit(plan: &Plan) -> impl Strategy<Value = Edit> {
    let ids: Vec<String> = plan.projects.iter().map(|p| p.id.clone()).collect();
    let id = proptest::sample::select(ids);
    let field = proptest::sample::select(ProjectField::ALL.to_vec());
    let way = proptest::sample::select(ResettlementWay::ALL.to_vec());
    let instrument = proptest::sample::select(Instrument::ALL.to_vec());
    let driver = proptest::sample::select(CostDriver::ALL.to_vec());
    let key = proptest::sample::select(AssumptionKey::ALL.to_vec());
    let number = prop_oneof![0.0f64..1.0, 0.0f64..5_000.0, -10.0f64..10.0];
    prop_oneof![
        (id.clone(), field, number.clone(), ".{0,12}").prop_map(|(project, field, n, s)| {
            let value = match field {
                ProjectField::Name
                | ProjectField::District
                | ProjectField::Lead
                | ProjectField::Comment => Value::Text(s),
                ProjectField::CentralCity => Value::Bool(n > 0.5),
                ProjectField::Kind => Value::Text("infrastructure".into()),
                ProjectField::Status => Value::Text("started".into()),
                ProjectField::Year => Value::Number(2027.0 + (n > 0.5) as u8 as f64),
                _ => Value::Number(n.round()),
            };
            Edit::SetProjectField {
                project,
                field,
                value,
            }
        }),
        (id.clone(), way, 0.0f64..0.5).prop_map(|(project, way, value)| {
            Edit::SetResettlementShare {
                project,
                way,
                value,
            }
        }),
        (id.clone(), instrument, 0.0f64..0.5).prop_map(|(project, instrument, value)| {
            Edit::SetFinancingShare {
                project,
                instrument,
                value,
            }
        }),
        (id.clone(), driver, proptest::option::of(0.0f64..100.0)).prop_map(
            |(project, driver, value)| Edit::SetCostOverride {
                project,
                driver,
                value
            }
        ),
        (key, 0.0f64..1.0).prop_map(|(key, u)| {
            let b = key.bounds();
            let v = b.min + (b.max - b.min) * u;
            Edit::SetAssumption {
                key,
                value: if b.whole { v.round() } else { v },
            }
        }),
        id.clone()
            .prop_map(|project| Edit::DeleteProject { project }),
        (id.clone(), 0usize..40).prop_map(|(project, to)| Edit::MoveProject { project, to }),
        ".{0,20}".prop_map(|name| Edit::RenamePlan { name }),
        Just(Edit::DeleteScenario {
            scenario: "s-monetized-60".into()
        }),
    ]
}

/// Levers and the scenario list's own edits.
pub fn arb_scenario_edit() -> impl Strategy<Value = Edit> {
    use planner::lever::{Lever, LeverAction, Scope};
    let scope = prop_oneof![
        Just(Scope::All),
        Just(Scope::Central),
        Just(Scope::Counties),
        Just(Scope::Year { year: 2028 }),
        Just(Scope::Projects {
            ids: vec!["p03".into(), "p20".into()]
        }),
    ];
    let action = prop_oneof![
        (0.0f64..1.0).prop_map(|share| LeverAction::MonetizedMin {
            share,
            into: ResettlementWay::Cash
        }),
        (0.0f64..0.3).prop_map(|points| LeverAction::ShiftFinancing {
            from: Instrument::PolicyLoan,
            to: Instrument::ServicePurchase,
            points
        }),
        (0.0f64..0.3).prop_map(|share| LeverAction::FinancingShare {
            instrument: Instrument::Ppp,
            share
        }),
        (-0.3f64..0.3).prop_map(|percent| LeverAction::ScaleCost {
            driver: CostDriver::ALL[0],
            percent
        }),
        (0.0f64..0.5).prop_map(|value| LeverAction::PppInput {
            input: planner::fields::PppInput::RiskConstruction,
            value
        }),
        Just(LeverAction::MoveYear),
        Just(LeverAction::Exclude),
    ];
    prop_oneof![
        (scope, action).prop_map(|(scope, action)| Edit::Lever {
            lever: Lever { scope, action }
        }),
        (0usize..2, 0usize..2).prop_map(|(index, remove)| Edit::SpliceScenario {
            scenario: "s-monetized-60".into(),
            index,
            remove,
            insert: vec![Edit::SetAssumption {
                key: AssumptionKey::LoanRate,
                value: 0.05
            }],
        }),
        (0usize..3).prop_map(|to| Edit::MoveScenario {
            scenario: "s-monetized-60".into(),
            to
        }),
    ]
}

pub fn arb_edits() -> impl Strategy<Value = Vec<Edit>> {
    proptest::collection::vec(
        prop_oneof![3 => arb_edit(&demo_plan()), 1 => arb_scenario_edit()],
        1..12,
    )
}

/// A project added: a copy of a demo project under a new id, somewhere in the list.
pub fn arb_addition() -> impl Strategy<Value = Edit> {
    (0usize..32, 0usize..40, 0u32..1000, 0u32..5000).prop_map(|(from, index, n, households)| {
        let mut project = demo_plan().projects[from].clone();
        project.id = format!("x{n:03}");
        project.name = format!("新增{n}");
        project.households = households;
        Edit::AddProject {
            index,
            project: Box::new(project),
        }
    })
}

/// A fixture's text as the current version writes it when nothing else changed: its version
/// number, and (from version 9) each scenario edit keyed by its kind instead of an `op` field.
pub fn as_current(fixture: &str) -> String {
    fn keyed(edit: &mut serde_json::Value) {
        let fields = edit.as_object_mut().expect("an edit is an object");
        let Some(serde_json::Value::String(kind)) = fields.remove("op") else {
            return;
        };
        for inner in ["edits", "insert"] {
            if let Some(serde_json::Value::Array(list)) = fields.get_mut(inner) {
                list.iter_mut().for_each(keyed);
            }
        }
        *edit = serde_json::json!({ kind: edit.take() });
    }
    let mut doc: serde_json::Value = serde_json::from_str(fixture).unwrap();
    doc["version"] = planner::format::VERSION.into();
    if let Some(scenarios) = doc["plan"]["scenarios"].as_array_mut() {
        for s in scenarios {
            if let Some(edits) = s["edits"].as_array_mut() {
                edits.iter_mut().for_each(keyed);
            }
        }
    }
    serde_json::to_string_pretty(&doc).unwrap()
}
