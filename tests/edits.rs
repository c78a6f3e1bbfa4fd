//! Edits and the project-list file: every edit undone by its inverse gives back the identical
//! plan; the history coalesces keystrokes and keeps a hundred steps; CSV export then import
//! gives back the identical projects, whatever their names hold.

use planner::demo::demo_plan;
use planner::edit::{BatchKind, Edit};
use planner::fields::{ProjectField, Value};
use planner::history::History;
use planner::i18n::Lang;
use planner::model::*;
use planner::project_csv;
use proptest::prelude::*;

mod common;
use common::arb_edits;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn every_edit_is_undone_by_its_inverse(edits in arb_edits()) {
        let mut plan = demo_plan();
        for edit in &edits {
            let before = plan.clone();
            match plan.apply(edit) {
                Ok(inverse) => {
                    let mut back = plan.clone();
                    back.apply(&inverse).expect("an inverse always applies");
                    prop_assert_eq!(&back, &before, "{:?}", edit);
                }
                // A refused edit changes nothing.
                Err(_) => prop_assert_eq!(&plan, &before),
            }
        }
    }

    #[test]
    fn a_batch_is_one_step_and_all_or_nothing(edits in arb_edits()) {
        let mut plan = demo_plan();
        let before = plan.clone();
        let batch = Edit::Batch { kind: BatchKind::Changes, edits };
        match plan.apply(&batch) {
            Ok(inverse) => {
                plan.apply(&inverse).unwrap();
                prop_assert_eq!(plan, before);
            }
            Err(_) => prop_assert_eq!(plan, before),
        }
    }

    #[test]
    fn undo_everything_then_redo_everything(edits in arb_edits()) {
        let mut plan = demo_plan();
        let mut history = History::default();
        let mut states = vec![plan.clone()];
        for (i, e) in edits.into_iter().enumerate() {
            // Far apart in time: no coalescing.
            if history.apply(&mut plan, e, i as f64 * 10_000.0).is_ok() {
                states.push(plan.clone());
            }
        }
        let end = plan.clone();
        for s in states.iter().rev().skip(1) {
            prop_assert!(history.undo(&mut plan));
            prop_assert_eq!(&plan, s);
        }
        prop_assert!(!history.undo(&mut plan));
        while history.redo(&mut plan) {}
        prop_assert_eq!(plan, end);
    }

    /// Names with commas, quotes, newlines, Chinese and HTML survive Excel's round trip.
    #[test]
    fn project_csv_round_trips(
        names in proptest::collection::vec("[a-z,\"\\n\\r 黄沙桥<>&'=%]{1,16}", 1..6),
        leads in proptest::collection::vec("[A-Z,\"\\n <script>]{0,10}", 6),
        shares in proptest::collection::vec(0.0f64..1.0, 6),
    ) {
        let plan = demo_plan();
        let projects: Vec<Project> = names.iter().enumerate().map(|(i, n)| {
            let mut p = plan.projects[i * 5 % 32].clone();
            p.name = n.trim().to_string();
            if p.name.is_empty() { p.name = "x".into(); }
            p.lead = leads[i].clone();
            let s = shares[i];
            p.resettlement = ResettlementMix { cash: s * 0.5, self_purchase: s * 0.25, government_purchase: 0.0, new_build: 1.0 - s * 0.5 - s * 0.25, voucher: 0.0 };
            p.costs.flat_area = (s > 0.5).then_some(s * 100.0);
            p
        }).collect();
        for lang in [Lang::Zh, Lang::En] {
            let text = project_csv::write(&projects, lang);
            let back = project_csv::read(&text, &plan, lang);
            let back = match back {
                Ok(b) => b,
                Err(e) => return Err(TestCaseError::fail(format!("{:?}", e.iter().map(|p| p.message(Lang::Zh)).collect::<Vec<_>>()))),
            };
            prop_assert_eq!(&back, &projects);
        }
    }
}

#[test]
fn keystrokes_in_one_field_are_one_step_and_a_hundred_steps_are_kept() {
    let mut plan = demo_plan();
    let original = plan.clone();
    let mut h = History::default();
    for (i, v) in [1.0, 10.0, 106.0, 1066.0].into_iter().enumerate() {
        let e = Edit::SetProjectField {
            project: "p01".into(),
            field: ProjectField::Households,
            value: Value::Number(v),
        };
        h.apply(&mut plan, e, i as f64 * 300.0).unwrap();
    }
    assert_eq!(plan.projects[0].households, 1066);
    assert_eq!(
        h.undo_description(&plan, Lang::Zh).as_deref(),
        Some("修改 黄沙桥片区 征收户数")
    );
    assert!(h.undo(&mut plan));
    assert_eq!(plan, original);
    assert!(!h.can_undo());

    for i in 0..150 {
        let e = Edit::RenamePlan {
            name: format!("方案{i}"),
        };
        h.apply(&mut plan, e, f64::from(i) * 10_000.0).unwrap();
    }
    let mut steps = 0;
    while h.undo(&mut plan) {
        steps += 1;
    }
    assert!(steps >= 100, "{steps}");
}

#[test]
fn refused_edits_name_the_field_and_change_nothing() {
    let mut plan = demo_plan();
    let before = plan.clone();
    let e = Edit::SetProjectField {
        project: "p01".into(),
        field: ProjectField::Households,
        value: Value::Number(-5.0),
    };
    let refused = plan.apply(&e).unwrap_err();
    assert_eq!(plan, before);
    assert_eq!(
        refused.0[0].message(Lang::Zh),
        "黄沙桥片区：征收户数 -5 应在 0 至 1000000 之间"
    );
    // Raising the loan share past 100 % − capital fund is refused with the sum.
    let e = Edit::SetFinancingShare {
        project: "p01".into(),
        instrument: Instrument::CapitalFund,
        value: 0.1,
    };
    let refused = plan.apply(&e).unwrap_err();
    assert!(
        refused.0[0].message(Lang::Zh).contains("不得低于 20.0 %"),
        "{:?}",
        refused
    );
    assert!(plan
        .apply(&Edit::DeleteProject {
            project: "nope".into()
        })
        .is_err());
    // A project added under an id the plan has is refused, naming the duplicate.
    let before = plan.clone();
    let copy = plan.projects[3].clone();
    let refused = plan
        .apply(&Edit::AddProject {
            index: 0,
            project: Box::new(copy),
        })
        .unwrap_err();
    assert!(refused
        .0
        .iter()
        .any(|i| i.problem == planner::fields::Problem::DuplicateId));
    assert_eq!(plan, before);
}

#[test]
fn a_share_edit_rebalances_the_balancing_part() {
    let mut plan = demo_plan();
    plan.apply(&Edit::SetResettlementShare {
        project: "p01".into(),
        way: ResettlementWay::Cash,
        value: 0.6,
    })
    .unwrap();
    let r = plan.projects[0].resettlement;
    assert!((r.new_build - (1.0 - 0.6 - r.self_purchase - r.government_purchase)).abs() < 1e-12);
    assert!((r.sum() - 1.0).abs() < 1e-12);
}

#[test]
fn a_draft_becomes_the_edit_a_planner_would_name() {
    use planner::edit::project_edit;
    let plan = demo_plan();
    let old = &plan.projects[0];
    let mut new = old.clone();
    new.households = 1_000;
    assert_eq!(
        project_edit(old, &new),
        Some(Edit::SetProjectField {
            project: "p01".into(),
            field: ProjectField::Households,
            value: Value::Number(1_000.0),
        })
    );
    new.name = "新".into();
    assert!(matches!(
        project_edit(old, &new),
        Some(Edit::ReplaceProject { .. })
    ));
    assert_eq!(project_edit(old, old), None);
    let mut plan2 = plan.clone();
    let e = project_edit(old, &new).unwrap();
    plan2.apply(&e).unwrap();
    assert_eq!(plan2.projects[0], new);
}

/// A PPP project's own spending inputs are one undoable edit; a value out of bounds (an equity
/// share over 100 %, a negative risk ratio) or scenario probabilities not summing to 100 % are
/// refused naming the field, and the plan stays as it was.
#[test]
fn ppp_inputs_are_an_undoable_edit_checked_at_their_fields() {
    use planner::edit::Edit;
    use planner::finance::ppp::RiskCost;
    use planner::model::PppInputs;
    let plan = planner::demo::demo_plan();
    let id = plan
        .projects
        .iter()
        .find(|p| p.financing.ppp > 0.0)
        .unwrap()
        .id
        .clone();
    let mut doc = plan.clone();
    let good = PppInputs {
        equity_share: Some(0.1),
        risk: Some(RiskCost::Ratio {
            construction: 0.02,
            operating: 0.05,
        }),
        supporting: 500.0,
        partner_pays: 100.0,
    };
    let inverse = doc
        .apply(&Edit::SetPppInputs {
            project: id.clone(),
            inputs: good,
        })
        .expect("accepted");
    assert_eq!(doc.projects.iter().find(|p| p.id == id).unwrap().ppp, good);
    doc.apply(&inverse).unwrap();
    assert_eq!(doc, plan);
    let refused = |inputs: PppInputs, what: &str| {
        let mut d = plan.clone();
        let err = d
            .apply(&Edit::SetPppInputs {
                project: id.clone(),
                inputs,
            })
            .expect_err(what);
        assert_eq!(d, plan, "{what}: nothing changed");
        let text = err.message(planner::i18n::Lang::Zh);
        assert!(text.contains(what), "{text}");
    };
    refused(
        PppInputs {
            equity_share: Some(1.2),
            ..good
        },
        "政府出资占项目公司股权比例",
    );
    refused(
        PppInputs {
            risk: Some(RiskCost::Ratio {
                construction: -0.01,
                operating: 0.0,
            }),
            ..good
        },
        "占建设成本",
    );
    refused(
        PppInputs {
            risk: Some(RiskCost::Scenarios {
                base: 100.0,
                adverse: 200.0,
                worst: 300.0,
                p_base: 0.5,
                p_adverse: 0.2,
                p_worst: 0.1,
            }),
            ..good
        },
        "基本情景概率",
    );
}
