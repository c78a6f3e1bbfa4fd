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
    // 38.68 亿元: 万元 / 10,000 rounded to two decimals.
    assert_eq!(
        (t.investment / 100.0).round() as i64,
        3_868,
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
