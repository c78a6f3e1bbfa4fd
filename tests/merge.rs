//! Comparing and merging plan files: a plan against itself has no changes; taking every change
//! from A to B gives B; a three-way merge of changes to different things takes both; a conflict
//! is always reported; a county's submission replaces only its own projects.

use planner::demo::demo_plan;
use planner::edit::{BatchKind, Edit};
use planner::fields::{AssumptionKey, ProjectField, Value};
use planner::i18n::Lang;
use planner::merge::{relation, ChangeKind, Comparison, ProjectPart, Relation, Subject};
use planner::plan::Plan;
use planner::provenance::Tally;
use proptest::prelude::*;

mod common;
use common::{arb_addition, arb_edits};

/// The plan after the edits that apply (a refused edit is skipped, as in the app).
fn edited(mut plan: Plan, edits: &[Edit]) -> Plan {
    for e in edits {
        let _ = plan.apply(e);
    }
    plan
}

fn households(project: &str, value: f64) -> Edit {
    Edit::SetProjectField {
        project: project.into(),
        field: ProjectField::Households,
        value: Value::Number(value),
    }
}

fn all(c: &Comparison) -> Vec<bool> {
    vec![true; c.changes.len()]
}

/// The change rows' titles, as the merge panel shows them.
fn titles(c: &Comparison) -> Vec<String> {
    c.changes
        .iter()
        .map(|ch| c.describe(ch, Lang::Zh).title)
        .collect()
}

#[test]
fn a_plan_compared_with_itself_has_no_changes() {
    let plan = demo_plan();
    assert!(Comparison::new(None, plan.clone(), plan.clone())
        .changes
        .is_empty());
    let c = Comparison::new(Some(plan.clone()), plan.clone(), plan.clone());
    assert!(c.changes.is_empty());
    assert_eq!(c.edit(&[]), None);
}

/// The browser test's five changes: two households, one deleted, one added, the loan rate.
#[test]
fn a_colleagues_five_changes_are_five_rows_and_taking_them_gives_their_plan() {
    let ours = demo_plan();
    let mut added = ours.projects[4].clone();
    added.id = "p99".into();
    added.name = "新增棚改片区".into();
    let theirs = edited(
        ours.clone(),
        &[
            households("p01", 1200.0),
            households("p02", 345.0),
            Edit::DeleteProject {
                project: "p03".into(),
            },
            Edit::AddProject {
                index: 10,
                project: Box::new(added),
            },
            Edit::SetAssumption {
                key: AssumptionKey::LoanRate,
                value: 0.039,
            },
        ],
    );
    let c = Comparison::new(None, ours.clone(), theirs.clone());
    assert_eq!(c.changes.len(), 5, "{:#?}", c.changes);
    assert!(c.changes.iter().all(|c| !c.conflict));
    let kinds: Vec<ChangeKind> = c.changes.iter().map(|c| c.kind).collect();
    assert_eq!(kinds.iter().filter(|k| **k == ChangeKind::Added).count(), 1);
    assert_eq!(
        kinds.iter().filter(|k| **k == ChangeKind::Removed).count(),
        1
    );
    assert_eq!(
        c.tally(),
        Tally {
            added: 1,
            removed: 1,
            changed: 2
        }
    );
    // The rows read as the editor labels its fields, old → new.
    let row = c
        .changes
        .iter()
        .find(|ch| matches!(&ch.subject, Subject::Project { id, .. } if id == "p01"))
        .unwrap();
    let text = c.describe(row, Lang::Zh);
    assert_eq!(text.details[0].label, "征收户数");
    assert_eq!(text.details[0].theirs, "1200 户");
    let loan = c
        .changes
        .iter()
        .find(|ch| matches!(ch.subject, Subject::Plan(_)))
        .unwrap();
    assert_eq!(c.describe(loan, Lang::Zh).details[0].theirs, "3.9 %");

    let mut merged = ours.clone();
    let inverse = merged.apply(&c.edit(&all(&c)).unwrap()).unwrap();
    assert_eq!(merged, theirs);
    // One step: its inverse takes the whole merge back.
    merged.apply(&inverse).unwrap();
    assert_eq!(merged, ours);
    // Rejecting every row changes nothing.
    assert_eq!(c.edit(&[false; 5]), None);
}

/// The finance bureau's risk ranges and optimizer limits travel too: a row each, taken as edits.
#[test]
fn changed_risk_and_optimizer_settings_are_rows_of_their_own() {
    let ours = demo_plan();
    let mut theirs = ours.clone();
    theirs.risk.draws = 5000;
    theirs.optimize.credit_line = Some(760_000.0);
    let c = Comparison::new(None, ours.clone(), theirs.clone());
    let titles = titles(&c);
    assert_eq!(c.changes.len(), 2, "{titles:?}");
    assert!(
        titles.iter().any(|t| t.contains("风险模拟设置")),
        "{titles:?}"
    );
    assert!(
        titles.iter().any(|t| t.contains("最优方案设置")),
        "{titles:?}"
    );
    let mut merged = ours.clone();
    let inverse = merged.apply(&c.edit(&all(&c)).unwrap()).unwrap();
    assert_eq!(merged, theirs);
    merged.apply(&inverse).unwrap();
    assert_eq!(merged, ours);
    // Taking only the optimizer's row leaves our risk settings.
    let mut partly = ours.clone();
    let take: Vec<bool> = c
        .changes
        .iter()
        .map(|ch| c.describe(ch, Lang::Zh).title.contains("最优方案"))
        .collect();
    partly.apply(&c.edit(&take).unwrap()).unwrap();
    assert_eq!(
        (partly.risk.draws, partly.optimize.credit_line),
        (ours.risk.draws, Some(760_000.0))
    );
}

#[test]
fn both_sides_changing_one_field_differently_is_a_conflict_never_resolved_silently() {
    let base = demo_plan();
    let ours = edited(
        base.clone(),
        &[households("p01", 100.0), households("p05", 7.0)],
    );
    let theirs = edited(
        base.clone(),
        &[households("p01", 200.0), households("p02", 9.0)],
    );
    let c = Comparison::new(Some(base.clone()), ours.clone(), theirs.clone());
    let conflicts: Vec<_> = c.changes.iter().filter(|c| c.conflict).collect();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(
        conflicts[0].subject,
        Subject::Project {
            id: "p01".into(),
            parts: vec![ProjectPart::Field(ProjectField::Households)]
        }
    );
    // Our own change to p05 is not offered; theirs to p02 is, on its own.
    assert_eq!(c.changes.len(), 2);
    let text = c.describe(conflicts[0], Lang::Zh);
    assert_eq!(
        (
            text.details[0].ours.as_str(),
            text.details[0].theirs.as_str()
        ),
        ("100 户", "200 户")
    );
    let take_ours: Vec<bool> = c.changes.iter().map(|ch| !ch.conflict).collect();
    let kept = c.merged(&take_ours);
    assert_eq!(kept.projects[0].households, 100);
    assert_eq!(kept.projects[1].households, 9);
    assert_eq!(kept.projects[4].households, 7);
    assert_eq!(c.merged(&all(&c)).projects[0].households, 200);
}

#[test]
fn deleting_what_the_other_side_changed_is_a_conflict() {
    let base = demo_plan();
    let delete = Edit::DeleteProject {
        project: "p07".into(),
    };
    let ours = edited(base.clone(), std::slice::from_ref(&delete));
    let theirs = edited(base.clone(), &[households("p07", 5.0)]);
    let c = Comparison::new(Some(base.clone()), ours.clone(), theirs.clone());
    assert_eq!(c.changes.len(), 1);
    assert!(c.changes[0].conflict);
    assert_eq!(c.changes[0].kind, ChangeKind::Added);
    let restored = c.merged(&[true]);
    assert_eq!(restored.projects[6], theirs.projects[6]);
    // The other way round: they deleted what we changed.
    let c = Comparison::new(Some(base), theirs, ours);
    assert!(c.changes[0].conflict);
    assert_eq!(c.changes[0].kind, ChangeKind::Removed);
}

#[test]
fn a_reordered_list_is_one_row_and_taking_it_gives_their_order() {
    let ours = demo_plan();
    let theirs = edited(
        ours.clone(),
        &[Edit::MoveProject {
            project: "p01".into(),
            to: 31,
        }],
    );
    let c = Comparison::new(None, ours.clone(), theirs.clone());
    assert_eq!(c.changes.len(), 1);
    assert_eq!(c.changes[0].subject, Subject::ProjectOrder);
    assert_eq!(c.merged(&[true]), theirs);
    assert_eq!(c.merged(&[false]), ours);
}

#[test]
fn another_city_or_a_plan_with_no_project_in_common_is_flagged() {
    let ours = demo_plan();
    let mut other = ours.clone();
    other.city = "Y市".into();
    assert_eq!(relation(&ours, &other), Relation::OtherCity);
    let mut unrelated = ours.clone();
    for p in &mut unrelated.projects {
        p.id = format!("z{}", p.id);
    }
    assert_eq!(relation(&ours, &unrelated), Relation::Unrelated);
    let mut later = ours.clone();
    later.first_year += 2;
    assert_eq!(relation(&ours, &later), Relation::OtherYears);
    assert_eq!(relation(&ours, &ours), Relation::Copy);
}

#[test]
fn a_merge_that_breaks_a_rule_is_refused_whole() {
    let base = demo_plan();
    // Ours raises the capital-fund floor; theirs lowers a project's capital fund to 20 %.
    let ours = edited(
        base.clone(),
        &[Edit::SetAssumption {
            key: AssumptionKey::MinCapitalFund,
            value: 0.2,
        }],
    );
    let mut theirs = base.clone();
    theirs.assumptions.min_capital_fund = 0.1;
    let i = 0;
    theirs.projects[i].financing.capital_fund = 0.15;
    theirs.projects[i].financing.policy_loan += base.projects[i].financing.capital_fund - 0.15;
    let c = Comparison::new(Some(base), ours.clone(), theirs);
    let take: Vec<bool> = c
        .changes
        .iter()
        .map(|ch| matches!(ch.subject, Subject::Project { .. }))
        .collect();
    let mut plan = ours.clone();
    assert!(plan.apply(&c.edit(&take).unwrap()).is_err());
    assert_eq!(plan, ours, "nothing changed");
}

fn sorted(mut plan: Plan) -> Plan {
    plan.projects.sort_by(|a, b| a.id.cmp(&b.id));
    plan
}

/// Edits that touch only the first (`first == true`) or second half of the demo's projects,
/// or assumption keys of one parity: two colleagues working on different things.
fn disjoint(edits: Vec<Edit>, first: bool) -> Vec<Edit> {
    edits
        .into_iter()
        .filter_map(|e| {
            let project_half = |id: &str| {
                id.strip_prefix('p')
                    .and_then(|n| n.parse::<usize>().ok())
                    .map(|n| (n <= 16) == first)
            };
            match &e {
                Edit::AddProject { index, project } => {
                    let mut p = project.clone();
                    p.id = format!("{}{}", if first { "a" } else { "b" }, p.id);
                    Some(Edit::AddProject {
                        index: *index,
                        project: p,
                    })
                }
                Edit::SetAssumption { key, .. } => {
                    let k = AssumptionKey::ALL.iter().position(|x| x == key).unwrap();
                    ((k % 2 == 0) == first).then_some(e)
                }
                Edit::MoveProject { .. } | Edit::Lever { .. } | Edit::MoveScenario { .. } => None,
                Edit::RenamePlan { .. } if !first => None,
                Edit::DeleteScenario { .. } | Edit::SpliceScenario { .. } if first => None,
                _ => match e.project() {
                    Some(id) => project_half(id).unwrap_or(false).then_some(e.clone()),
                    None => match &e {
                        Edit::DeleteProject { project } => {
                            project_half(project).unwrap_or(false).then_some(e.clone())
                        }
                        _ => Some(e.clone()),
                    },
                },
            }
        })
        .collect()
}

fn arb_changes() -> impl Strategy<Value = Vec<Edit>> {
    (arb_edits(), proptest::collection::vec(arb_addition(), 0..3)).prop_map(|(mut e, a)| {
        e.extend(a);
        e
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn taking_every_change_from_a_to_b_gives_b(a in arb_changes(), b in arb_changes()) {
        let a = edited(demo_plan(), &a);
        let b = edited(demo_plan(), &b);
        let c = Comparison::new(None, a.clone(), b.clone());
        prop_assert!(c.changes.iter().all(|ch| !ch.conflict), "two-way has no conflicts");
        prop_assert_eq!(&c.merged(&all(&c)), &b);
        let mut merged = a.clone();
        if let Some(edit) = c.edit(&all(&c)) {
            let inverse = merged.apply(&edit).expect("their valid plan applies");
            prop_assert_eq!(&merged, &b);
            merged.apply(&inverse).unwrap();
        }
        prop_assert_eq!(&merged, &a);
        // And comparing the result with theirs finds nothing left.
        prop_assert!(Comparison::new(None, b.clone(), b.clone()).changes.is_empty());
    }

    #[test]
    fn a_three_way_merge_of_separate_changes_takes_both(ours in arb_changes(), theirs in arb_changes()) {
        let base = demo_plan();
        let ours_edits = disjoint(ours, true);
        let theirs_edits = disjoint(theirs, false);
        let ours = edited(base.clone(), &ours_edits);
        let theirs = edited(base.clone(), &theirs_edits);
        let c = Comparison::new(Some(base.clone()), ours.clone(), theirs.clone());
        prop_assert!(c.changes.iter().all(|ch| !ch.conflict), "{:#?}", c.changes);
        // Both sides' edits, made one after the other.
        let mut both = ours.clone();
        let theirs_applied: Vec<Edit> = {
            let mut plan = base.clone();
            theirs_edits.iter().filter(|e| plan.apply(e).is_ok()).cloned().collect()
        };
        for e in &theirs_applied {
            let _ = both.apply(&Edit::Batch { kind: BatchKind::Merge, edits: vec![e.clone()] });
        }
        let merged = c.merged(&all(&c));
        prop_assert_eq!(&merged.name, &both.name);
        prop_assert_eq!(&merged.assumptions, &both.assumptions);
        prop_assert_eq!(&merged.scenarios, &both.scenarios);
        prop_assert_eq!(sorted(merged).projects, sorted(both).projects);
    }

    #[test]
    fn nothing_ours_changed_is_overwritten_without_a_conflict_row(ours in arb_changes(), theirs in arb_changes()) {
        let base = demo_plan();
        let ours = edited(base.clone(), &ours);
        let theirs = edited(base.clone(), &theirs);
        let c = Comparison::new(Some(base.clone()), ours.clone(), theirs.clone());
        prop_assert_eq!(&c.merged(&vec![false; c.changes.len()]), &ours);
        // Taking every row but the conflicts keeps each project theirs left alone as ours has it.
        let safe: Vec<bool> = c.changes.iter().map(|ch| !ch.conflict).collect();
        let merged = c.merged(&safe);
        let find = |p: &Plan, id: &str| p.projects.iter().find(|x| x.id == id).cloned();
        for o in &ours.projects {
            if find(&theirs, &o.id) == find(&base, &o.id) {
                prop_assert_eq!(find(&merged, &o.id), Some(o.clone()));
            }
        }
        // A conflict row shows two different values side by side.
        for ch in c.changes.iter().filter(|ch| ch.conflict) {
            let text = c.describe(ch, Lang::Zh);
            prop_assert!(text.details.iter().any(|d| d.ours != d.theirs), "{:?}", text);
        }
    }
}

mod submissions {
    use super::*;
    use planner::submission::{board, submission, Received, SubmissionProblem};

    fn received() -> Received {
        Received {
            at: "2026-11-08T16:05".into(),
            by: "王五（A县住建局）".into(),
            file: "A县报送.csv".into(),
            stock: None,
        }
    }

    /// A county's plan document brings its stock: its own rows replace the city's rows of that
    /// county (listings, offers, sales), the others' stay; one change, 房源库, taken with the
    /// rest or left. A project list brings none and leaves the stock as it was.
    #[test]
    fn a_countys_document_brings_its_stock_rows() {
        use planner::calc::housing::{Listing, MarketSales};
        let plan = demo_plan();
        let county = "东岭县".to_string();
        let list: Vec<_> = plan
            .projects
            .iter()
            .filter(|p| p.district == county)
            .cloned()
            .collect();
        let mut theirs = plan.housing.clone();
        // The county's own file: its listing halved, a new one, its sales revised; a row of
        // another district in it is not the county's to send.
        for l in theirs.listings.iter_mut() {
            if l.district == county {
                l.units /= 2;
            } else {
                l.units += 1;
            }
        }
        theirs.listings.push(Listing {
            name: "东岭县城北安置房源".into(),
            ..theirs
                .listings
                .iter()
                .find(|l| l.district == county)
                .unwrap()
                .clone()
        });
        theirs.sales = vec![MarketSales {
            district: county.clone(),
            units_per_month: 30.0,
        }];
        let got = Received {
            stock: Some(theirs),
            ..received()
        };
        let c = submission(&plan, &county, list.clone(), got).unwrap();
        let mut taken = plan.clone();
        taken.apply(&c.submission_edit(&all(&c)).unwrap()).unwrap();
        let of = |p: &Plan, d: &str| -> Vec<Listing> {
            p.housing
                .listings
                .iter()
                .filter(|l| l.district == d)
                .cloned()
                .collect()
        };
        assert_eq!(of(&taken, &county).len(), 2);
        assert_eq!(
            of(&taken, &county)[0].units,
            of(&plan, &county)[0].units / 2
        );
        assert_eq!(
            of(&taken, "城关区"),
            of(&plan, "城关区"),
            "another district's rows stay"
        );
        let sales = |p: &Plan, d: &str| p.housing.sales.iter().find(|s| s.district == d).cloned();
        assert_eq!(sales(&taken, &county).unwrap().units_per_month, 30.0);
        assert_eq!(sales(&taken, "X县"), sales(&plan, "X县"));
        // Left: the stock stays as it was.
        let keep: Vec<bool> = c
            .changes
            .iter()
            .map(|ch| {
                !matches!(
                    ch.subject,
                    planner::merge::Subject::Plan(planner::merge::PlanPart::Housing)
                )
            })
            .collect();
        assert!(keep.iter().any(|k| !k), "房源库 is a change of its own");
        let mut left = plan.clone();
        if let Some(e) = c.submission_edit(&keep) {
            left.apply(&e).unwrap();
        }
        assert_eq!(left.housing, plan.housing);
        // A project list has no stock.
        let c = submission(&plan, &county, list, received()).unwrap();
        assert!(c.theirs.housing == plan.housing);
    }

    #[test]
    fn a_countys_list_replaces_only_its_projects_and_is_recorded() {
        let plan = demo_plan();
        let county = plan.projects.last().unwrap().district.clone();
        let mut list: Vec<_> = plan
            .projects
            .iter()
            .filter(|p| p.district == county)
            .cloned()
            .collect();
        let sent = list.len();
        assert!(sent >= 2, "the demo county has projects");
        list[0].households += 10;
        let removed = list.remove(1);
        let mut new = list[0].clone();
        new.id = "p90".into();
        new.name = "新报项目".into();
        list.push(new);
        // A project of another county in the file is not the county's to send.
        list.push(plan.projects[0].clone());
        let c = submission(&plan, &county, list, received()).unwrap();
        assert_eq!(
            c.tally(),
            Tally {
                added: 1,
                removed: 1,
                changed: 1
            }
        );
        let mut taken = plan.clone();
        let inverse = taken.apply(&c.submission_edit(&all(&c)).unwrap()).unwrap();
        assert!(!taken.projects.iter().any(|p| p.id == removed.id));
        assert!(taken.projects.iter().any(|p| p.id == "p90"));
        let others = |p: &Plan| -> Vec<_> {
            p.projects
                .iter()
                .filter(|x| x.district != county)
                .cloned()
                .collect()
        };
        assert_eq!(others(&taken), others(&plan));
        let record = &taken.submissions[0];
        assert_eq!(
            (record.district.as_str(), record.projects),
            (county.as_str(), sent)
        );
        let rows = board(&taken);
        let row = rows.iter().find(|r| r.district == county).unwrap();
        assert_eq!(row.latest, Some(record));
        assert!(
            rows.iter().any(|r| r.latest.is_none()),
            "others have not sent theirs"
        );
        taken.apply(&inverse).unwrap();
        assert_eq!(taken, plan, "one undo takes it back");
    }

    #[test]
    fn another_countys_file_or_a_taken_id_is_refused() {
        let plan = demo_plan();
        let county = plan.projects.last().unwrap().district.clone();
        let first = plan.projects[0].clone();
        assert_eq!(
            submission(&plan, &county, vec![first.clone()], received()),
            Err(vec![SubmissionProblem::NoProjects {
                district: county.clone()
            }])
        );
        let mut stolen = first;
        stolen.district = county.clone();
        let problems = submission(&plan, &county, vec![stolen], received()).unwrap_err();
        assert!(matches!(&problems[0], SubmissionProblem::IdTaken { id, .. } if id == "p01"));
        assert!(problems[0].message(Lang::Zh).contains("p01"));
    }
}

/// The golden version 3 document (a comment, provenance, a submission, risk and optimizer
/// settings): loads,
/// and writes back byte for byte.
#[test]
fn the_version_3_fixture_round_trips() {
    const FIXTURE_V3: &str = include_str!("fixtures/plan-v3.json");
    let plan = planner::format::decode(FIXTURE_V3).unwrap();
    assert_eq!(plan.provenance.prepared_by.name, "张三");
    assert_eq!(plan.submissions[0].tally.added, 1);
    assert!(plan.projects[0].comment.starts_with("户数待核实"));
    assert_eq!(
        (plan.risk.draws, plan.risk.seed, plan.risk.ceiling),
        (2000, 42, Some(45_000.0))
    );
    assert_eq!(plan.optimize.floor("p01"), 0.3);
    assert_eq!(plan.optimize.floor("p02"), 0.1);
    assert_eq!(plan.optimize.credit_line, Some(2_000_000.0));
    // Version 4 only added fields: they read with their defaults, and the plan written back
    // (as the current version) reads as the same plan.
    assert_eq!(plan.assumptions.ppp.capital_ratio, 0.2);
    assert!(plan.projects.iter().all(|p| p.ppp.is_default()));
    let written = planner::format::encode(&plan);
    assert!(written.contains(&format!("\"version\": {}", planner::format::VERSION)));
    assert_eq!(planner::format::decode(&written).unwrap(), plan);
}

/// The version 4 fixture (the PPP spending kinds: a city-wide equity share, one project's own
/// equity share and risk ratios, one costed by scenarios, one with supporting inputs; a
/// project's parking income) reads and writes back byte for byte but for its version number.
#[test]
fn the_version_4_fixture_round_trips() {
    const FIXTURE_V4: &str = include_str!("fixtures/plan-v4.json");
    let plan = planner::format::decode(FIXTURE_V4).unwrap();
    assert_eq!(plan.assumptions.ppp.equity_share, 0.05);
    let p22 = plan.projects.iter().find(|p| p.id == "p22").unwrap();
    assert!(matches!(
        p22.ppp.risk,
        Some(planner::finance::ppp::RiskCost::Scenarios { .. })
    ));
    let p05 = plan.projects.iter().find(|p| p.id == "p05").unwrap();
    assert_eq!(p05.income[0].kind, planner::model::IncomeKind::Parking);
    assert_eq!(
        planner::format::encode(&plan),
        common::as_current(FIXTURE_V4)
    );
}

/// Two financing mixes differing below the 0.1 % a change row shows (a case the property test
/// above found at random) are shown to more digits, so the row never reads alike on both sides.
#[test]
fn mixes_that_read_alike_are_shown_to_more_digits() {
    use planner::merge::Comparison;
    let ours = planner::demo::demo_plan();
    let mut theirs = ours.clone();
    theirs.projects[0].financing.capital_fund += 0.0004;
    theirs.projects[0].financing.policy_loan -= 0.0004;
    let c = Comparison::new(None, ours, theirs);
    assert_eq!(c.changes.len(), 1);
    let row = c.describe(&c.changes[0], planner::i18n::Lang::Zh);
    let d = &row.details[0];
    assert_ne!(d.ours, d.theirs, "{d:?}");
    assert!(d.theirs.contains("25.04 %"), "{d:?}");
}

/// A colleague's three-year window (with a project of its third year) is a row of its own;
/// taken, the window comes first so the 2029 project is read against it.
#[test]
fn a_colleagues_three_year_window_is_a_row_and_taking_it_gives_their_plan() {
    let ours = demo_plan();
    let mut theirs = ours.clone();
    theirs
        .apply(&Edit::SetWindow {
            first_year: 2027,
            years: 3,
        })
        .unwrap();
    let id = theirs
        .projects
        .iter()
        .find(|p| p.year == 2028)
        .unwrap()
        .id
        .clone();
    theirs
        .apply(&Edit::SetProjectField {
            project: id,
            field: ProjectField::Year,
            value: Value::Number(2029.0),
        })
        .unwrap();
    let c = Comparison::new(None, ours.clone(), theirs.clone());
    let titles = titles(&c);
    assert!(titles.iter().any(|t| t.contains("规划年限")), "{titles:?}");
    let mut merged = ours.clone();
    merged.apply(&c.edit(&all(&c)).unwrap()).unwrap();
    assert_eq!(merged, theirs);
}

/// A colleague's other 考核办法 is one change of its own, and a changed voucher scheme is among
/// the assumptions' choices: each offered, each taken whole.
#[test]
fn a_colleagues_scheme_and_voucher_terms_are_offered_whole() {
    use planner::calc::assessment::SchemePreset;
    use planner::merge::PlanPart;
    let ours = planner::demo::demo_plan();
    let mut theirs = ours.clone();
    theirs.assessment = SchemePreset::Shaanxi2017.scheme();
    theirs.assumptions.vouchers.deed_tax_relief = 0.03;
    let c = Comparison::new(None, ours.clone(), theirs.clone());
    let parts: Vec<_> = c.changes.iter().map(|ch| ch.subject.clone()).collect();
    assert_eq!(
        parts,
        [
            Subject::Plan(PlanPart::Choices),
            Subject::Plan(PlanPart::Assessment)
        ],
        "{parts:?}"
    );
    let merged = c.merged(&[false, true]);
    assert_eq!(merged.assessment, theirs.assessment);
    assert_eq!(merged.assumptions.vouchers, ours.assumptions.vouchers);
    let merged = c.merged(&[true, false]);
    assert_eq!(merged.assumptions.vouchers, theirs.assumptions.vouchers);
    assert_eq!(merged.assessment, ours.assessment);
}
