//! plan-sim and the document format: golden fixtures, errors, the command line's contract.

use std::process::Command;

use planner::demo::demo_plan;
use planner::format::{decode, encode, DocError};
use planner::i18n::Lang;

const FIXTURE_V1: &str = include_str!("fixtures/plan-v1.json");

fn plan_sim(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_plan-sim"))
        .args(args)
        .output()
        .expect("plan-sim runs")
}

#[test]
fn the_v1_golden_fixture_still_reads() {
    let plan = decode(FIXTURE_V1).expect("v1 fixture decodes");
    assert_eq!(plan.projects.len(), 32);
    assert_eq!(
        plan.projects
            .iter()
            .find(|p| p.name == "X县西街")
            .unwrap()
            .households,
        1_066
    );
    // Round trip: what we write we read back identically.
    assert!(decode(&encode(&plan)).unwrap() == plan);
}

#[test]
fn the_demo_round_trips() {
    let plan = demo_plan();
    assert!(
        decode(&encode(&plan)).unwrap() == plan,
        "export then import changes nothing"
    );
}

#[test]
fn bad_documents_say_what_is_wrong() {
    match decode("{\n  \"format\": \"shantytown-plan\",\n  \"version\": 1,\n  oops\n}") {
        Err(DocError::Syntax {
            line: 4, column, ..
        }) => assert!(column > 0),
        other => panic!("{other:?}"),
    }
    assert_eq!(decode("[1, 2]"), Err(DocError::NotAPlan));
    assert_eq!(decode(r#"{"name": "x"}"#), Err(DocError::NotAPlan));
    let newer = FIXTURE_V1.replacen("\"version\": 1", "\"version\": 99", 1);
    assert_eq!(decode(&newer), Err(DocError::NewerVersion { version: 99 }));
    assert!(DocError::NewerVersion { version: 99 }
        .message(Lang::Zh)
        .contains("更新版本"));
    let missing = FIXTURE_V1.replacen("\"households\": 1066", "\"households\": \"many\"", 1);
    match decode(&missing) {
        Err(e @ DocError::Shape { .. }) => {
            assert!(
                e.message(Lang::Zh)
                    .contains("字段 plan.projects[10].households"),
                "{}",
                e.message(Lang::Zh)
            )
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn plan_sim_prints_results_as_json() {
    let out = plan_sim(&["tests/fixtures/plan-v1.json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let expected = planner::simulate::simulate_plan(&decode(FIXTURE_V1).unwrap(), None);
    assert_eq!(
        v["totals"]["investment"].as_f64().unwrap(),
        expected.totals.investment
    );
    assert_eq!(v["years"].as_array().unwrap().len(), expected.years.len());
}

/// The fiscal burden is read from the instrument declaration but keeps the JSON names plan-sim
/// has always printed, and reads back to the same value.
#[test]
fn fiscal_burden_keeps_its_json_names() {
    let r = planner::simulate::simulate_plan(&demo_plan(), None);
    let burden = r.years[3].fiscal;
    let v = serde_json::to_value(burden).unwrap();
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "bond_service",
            "capital_fund",
            "land_offset",
            "loan_service",
            "ppp_payments",
            "service_fees"
        ]
    );
    assert_eq!(v["ppp_payments"], burden.by_instrument.ppp);
    assert_eq!(v["loan_service"], burden.by_instrument.policy_loan);
    let back: planner::simulate::FiscalBurden = serde_json::from_value(v).unwrap();
    assert_eq!(back, burden);
    let missing = serde_json::json!({ "capital_fund": 1.0 });
    assert!(serde_json::from_value::<planner::simulate::FiscalBurden>(missing).is_err());
}

#[test]
fn plan_sim_csv_and_scenarios() {
    let out = plan_sim(&["--csv", "tests/fixtures/plan-v1.json"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert!(lines.next().unwrap().starts_with("年度,货币补偿,"));
    assert!(lines.next().unwrap().starts_with("2027,"));
    let base = plan_sim(&["tests/fixtures/plan-v1.json"]);
    let s60 = plan_sim(&["--scenario", "货币化60%", "tests/fixtures/plan-v1.json"]);
    assert!(s60.status.success());
    assert_ne!(base.stdout, s60.stdout);
    let missing = plan_sim(&["--scenario", "不存在", "tests/fixtures/plan-v1.json"]);
    assert!(!missing.status.success());
    assert!(missing.stdout.is_empty());
}

#[test]
fn plan_sim_rejects_invalid_plans_with_messages_and_empty_stdout() {
    let dir = std::env::temp_dir().join(format!("plan-sim-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut plan = demo_plan();
    plan.projects[0].area_m2 = -1.0;
    plan.projects[1].resettlement.cash = 0.9;
    let bad = dir.join("bad.json");
    std::fs::write(&bad, encode(&plan)).unwrap();
    let out = plan_sim(&[bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("黄沙桥片区：征收面积 -1 应在 0 至 1000000000 之间"),
        "{err}"
    );
    assert!(err.contains("行政中心北侧：安置方式比例"), "{err}");

    let broken = dir.join("broken.json");
    std::fs::write(&broken, "{ not json").unwrap();
    let out = plan_sim(&[broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8(out.stderr).unwrap().contains("第 1 行"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn import_checks_the_whole_file_first() {
    use planner::format::{import, ImportError, MAX_IMPORT_BYTES};
    // A BOM from a Windows editor is fine.
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), FIXTURE_V1.as_bytes()].concat();
    assert_eq!(import(&with_bom).unwrap().plan.projects.len(), 32);
    assert_eq!(
        import(&vec![b' '; MAX_IMPORT_BYTES + 1]),
        Err(ImportError::TooLarge {
            bytes: MAX_IMPORT_BYTES + 1
        })
    );
    let negative = FIXTURE_V1.replacen("\"area_m2\": 88065.0", "\"area_m2\": -5.0", 1);
    match import(negative.as_bytes()) {
        Err(e @ ImportError::Invalid(_)) => {
            assert!(
                e.message(Lang::Zh)
                    .contains("黄沙桥片区：征收面积 -5 应在 0 至 1000000000 之间"),
                "{}",
                e.message(Lang::Zh)
            )
        }
        other => panic!("{other:?}"),
    }
    let huge = FIXTURE_V1.replacen("\"area_m2\": 88065.0", "\"area_m2\": 1e400", 1);
    // Out of a double's range: refused, naming where.
    let err = import(huge.as_bytes()).unwrap_err();
    assert!(
        err.message(Lang::Zh).contains("plan.projects[0].area_m2"),
        "{}",
        err.message(Lang::Zh)
    );
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    assert!(import(deep.as_bytes()).is_err());
    assert!(import(&[0xff, 0xfe, 0, 1]).is_err());
}

#[test]
fn the_schema_file_names_every_project_field() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../docs/plan.schema.json")).unwrap();
    let fields = schema["$defs"]["project"]["properties"]
        .as_object()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_str(FIXTURE_V1).unwrap();
    for key in doc["plan"]["projects"][0].as_object().unwrap().keys() {
        assert!(fields.contains_key(key), "schema lacks project field {key}");
    }
    // Whole-number project fields: the schema's bounds are the declaration's (one bound, in the
    // schema, in validation and in plan-sim alike).
    use planner::fields::{FieldKind, ProjectField};
    for f in ProjectField::ALL {
        let FieldKind::Number { bounds, .. } = f.kind() else {
            continue;
        };
        if !bounds.whole {
            continue;
        }
        let mut path = f.key().split('.');
        let mut property = &fields[path.next().unwrap()];
        for k in path {
            // An optional object (land revenue) is `oneOf` null or the object.
            if let Some(object) = property["oneOf"].as_array().and_then(|a| a.last()) {
                property = object;
            }
            property = &property["properties"][k];
        }
        assert_eq!(property["minimum"], bounds.min as u64, "{}", f.key());
        assert_eq!(property["maximum"], bounds.max as u64, "{}", f.key());
    }
    let costs = schema["$defs"]["costs"]["properties"].as_object().unwrap();
    for d in planner::model::CostDriver::ALL {
        assert!(
            costs.contains_key(d.key()),
            "schema lacks cost driver {}",
            d.key()
        );
    }
}

mod round_trip {
    use super::*;
    use proptest::prelude::*;

    /// Plans with arbitrary text (any Unicode, HTML, quotes) and arbitrary finite numbers.
    fn arb_plan() -> impl Strategy<Value = planner::plan::Plan> {
        (
            any::<String>(),
            proptest::collection::vec(
                (
                    any::<String>(),
                    any::<String>(),
                    any::<u32>(),
                    proptest::num::f64::NORMAL,
                    proptest::array::uniform4(0.0f64..1.0),
                    any::<bool>(),
                    proptest::option::of(0.0f64..1e9),
                ),
                0..12,
            ),
            proptest::num::f64::POSITIVE,
        )
            .prop_map(|(name, rows, budget)| {
                let mut plan = demo_plan();
                plan.name = name;
                plan.assumptions.budget_expenditure = budget;
                plan.projects = rows
                    .into_iter()
                    .enumerate()
                    .map(|(i, (n, d, h, area, mix, central, over))| {
                        let mut p = plan.projects[i % 32].clone();
                        p.id = format!("r{i}");
                        p.name = n;
                        p.district = d;
                        p.households = h;
                        p.area_m2 = area;
                        p.central_city = central;
                        p.resettlement.cash = mix[0];
                        p.resettlement.self_purchase = mix[1];
                        p.resettlement.government_purchase = mix[2];
                        p.resettlement.new_build = mix[3];
                        p.costs.flat_area = over;
                        p
                    })
                    .collect();
                plan
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]
        #[test]
        fn export_then_import_gives_back_the_identical_plan(plan in arb_plan()) {
            let text = encode(&plan);
            prop_assert!(decode(&text).unwrap() == plan);
            // The bytes a colleague receives decode the same way.
            prop_assert!(decode(std::str::from_utf8(text.as_bytes()).unwrap()).unwrap() == plan);
        }
    }
}

/// `--optimize` writes the document with the optimum as its last scenario (which `--scenario`
/// then runs) and the summary on stderr; `--risk N` prints the run's summary.
#[test]
fn plan_sim_optimizes_and_runs_risk() {
    let out = plan_sim(&["--optimize", "tests/fixtures/plan-v3.json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = decode(std::str::from_utf8(&out.stdout).unwrap()).expect("a plan document");
    let last = doc
        .scenarios
        .last()
        .expect("the optimum is the last scenario");
    assert!(last.name.starts_with("最优方案"));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("优化前") && err.contains("每提高 1 个百分点"),
        "{err}"
    );
    let view = doc.resolve(Some(last)).plan;
    // The document's own settings bind: p01's residents keep 30 % new build.
    let s = &doc.optimize;
    assert!(planner::optimize::feasible(&view, s));
    let p01 = view.projects.iter().find(|p| p.id == "p01").unwrap();
    assert!(
        p01.resettlement.new_build >= 0.3 - 1e-9,
        "{:?}",
        p01.resettlement
    );
    let risk = plan_sim(&["--risk", "50", "tests/fixtures/plan-v3.json"]);
    let v: serde_json::Value = serde_json::from_slice(&risk.stdout).unwrap();
    assert_eq!(v["draws"], 50);
    assert_eq!(v["seed"], 42);
}

/// A refusal prints what must give, each limit with its least relaxation (the new-build floor
/// included), and no before/after: nothing was optimized; stdout stays empty.
#[test]
fn plan_sim_refuses_limits_that_cannot_all_hold_naming_each() {
    let mut plan = decode(include_str!("fixtures/plan-v3.json")).unwrap();
    plan.assumptions.targets.counties = 0.6;
    plan.optimize.min_in_kind = 0.5;
    plan.optimize.in_kind_floor.clear();
    let path = std::env::temp_dir().join("plan-sim-refusal.json");
    std::fs::write(&path, encode(&plan)).unwrap();
    let out = plan_sim(&["--optimize", path.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("各项目标与上限无法同时满足。需放宽的限制："),
        "{err}"
    );
    for named in [
        "区县合计货币化安置目标无法满足",
        "各项目新建安置比例下限无法满足",
    ] {
        assert!(err.contains(named), "{named}: {err}");
    }
    assert!(!err.contains("优化前"), "{err}");
}

/// `--progress 2027-03`: the month's plan against actual as JSON, the ranking first.
#[test]
fn plan_sim_prints_a_month_s_progress_and_ranking() {
    let out = plan_sim(&["--progress", "2027-03", "tests/fixtures/plan-v5.json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["month"], "2027-03");
    assert_eq!(report["ranking"][0]["rank"], 1);
    assert_eq!(report["ranking"][0]["top"], true);
    let rows = report["projects"].as_array().unwrap();
    assert!(rows
        .iter()
        .any(|p| !p["behind"].as_array().unwrap().is_empty()));
    let bad = plan_sim(&["--progress", "2027-13", "tests/fixtures/plan-v5.json"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--progress 后应为月份"));
    assert!(bad.stdout.is_empty());
}

/// `--forecast 2027-03`: the forecast scenario's results as JSON, the same as the app's
/// scenario made from the actuals to that month; late projects move investment out of 2027,
/// and the plan still costs what it costs.
#[test]
fn plan_sim_prints_the_forecast_from_the_actuals() {
    let out = plan_sim(&["--forecast", "2027-03", "tests/fixtures/plan-v6.json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let forecast: planner::simulate::Results = serde_json::from_slice(&out.stdout).unwrap();
    let plan = planner::format::decode(include_str!("fixtures/plan-v6.json")).unwrap();
    let scenario = planner::edit::Scenario {
        id: "f".into(),
        name: "预测".into(),
        note: String::new(),
        edits: planner::rolling::forecast_edits(
            &plan,
            planner::model::Month::parse("2027-03").unwrap(),
        ),
        forecast: true,
        gated: Some(planner::gates::GateDates::Actual),
    };
    let expected = planner::simulate::simulate_plan(&plan, Some(&scenario));
    assert_eq!(
        serde_json::to_value(&forecast).unwrap(),
        serde_json::to_value(&expected).unwrap()
    );
    let base = planner::simulate::simulate_plan(&plan, None);
    assert!(forecast.years[0].investment.total() < base.years[0].investment.total());
    let (a, b) = (forecast.totals.investment, base.totals.investment);
    assert!((a - b).abs() < 1e-6 * b, "{a} vs {b}");
    let bad = plan_sim(&["--forecast", "六月", "tests/fixtures/plan-v6.json"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--forecast 后应为月份"));
}
