//! 进度: months read and written as "2027-03"; monthly figures checked against the plan and the
//! month before; the demo's example months (示例数据) measured against the year's targets by
//! hand; the ranking by 开工率; a progress edit undone exactly.

use planner::demo::demo_plan;
use planner::edit::Edit;
use planner::i18n::Lang;
use planner::model::{Month, MonthlyProgress, Project};
use planner::plan::Plan;
use planner::progress::{progress_report, Behind};
use planner::simulate::Group;
use planner::validate::validate;

fn month(s: &str) -> Month {
    Month::parse(s).unwrap()
}

fn project<'a>(plan: &'a Plan, name: &str) -> &'a Project {
    plan.projects.iter().find(|p| p.name == name).unwrap()
}

#[test]
fn a_month_is_written_yyyy_mm_and_counts_across_years() {
    let m = month("2027-03");
    assert_eq!((m.year, m.month), (2027, 3));
    assert_eq!(m.key(), "2027-03");
    assert_eq!(m.label(Lang::Zh), "2027年3月");
    assert_eq!(month("2027-01").previous(), month("2026-12"));
    assert_eq!(month("2026-12").next(), month("2027-01"));
    assert_eq!(month("2028-02").since(month("2027-11")), 3);
    for bad in ["2027-13", "2027-00", "2027-3", "27-03", "2027/03", ""] {
        assert_eq!(Month::parse(bad), None, "{bad}");
    }
    assert_eq!(serde_json::to_string(&m).unwrap(), "\"2027-03\"");
    assert!(serde_json::from_str::<Month>("\"2027-13\"").is_err());
}

#[test]
fn the_demo_s_example_months_are_valid_and_labelled() {
    let plan = demo_plan();
    assert!(validate(&plan).is_empty(), "{:?}", validate(&plan));
    let west = project(&plan, "X县西街");
    assert!(west.progress.sample);
    assert_eq!(west.progress.months.len(), 3);
    assert_eq!(west.progress.at(month("2027-01")).unwrap().vacated, 1066);
    // A month not reported stands where the last report left it.
    assert_eq!(
        west.progress.as_of(month("2027-06")).unwrap().month,
        month("2027-03")
    );
    assert_eq!(west.progress.as_of(month("2026-12")), None);
}

/// The figure as a message shows it, for the checks below.
fn messages(plan: &Plan) -> Vec<String> {
    validate(plan).iter().map(|i| i.message(Lang::Zh)).collect()
}

fn with_record(plan: &mut Plan, name: &str, change: impl Fn(&mut MonthlyProgress)) {
    let p = plan.projects.iter_mut().find(|p| p.name == name).unwrap();
    let last = p.progress.months.last_mut().unwrap();
    change(last);
}

/// The planner enters `change` to the last month of `name`, as the 进度 grid does.
fn enter(
    plan: &mut Plan,
    name: &str,
    change: impl Fn(&mut MonthlyProgress),
) -> Result<(), Vec<String>> {
    let p = plan.projects.iter().find(|p| p.name == name).unwrap();
    let mut progress = p.progress.clone();
    change(progress.months.last_mut().unwrap());
    let edit = Edit::SetProgress {
        project: p.id.clone(),
        progress,
    };
    plan.apply(&edit)
        .map(|_| ())
        .map_err(|r| r.0.iter().map(|i| i.message(Lang::Zh)).collect())
}

#[test]
fn a_figure_entered_above_the_plan_needs_a_reason() {
    let mut plan = demo_plan();
    let before = plan.clone();
    assert_eq!(
        enter(&mut plan, "X县西街", |r| r.signed = 1100),
        Err(vec![
            "X县西街：2027年3月 签约户数 1100 超过计划的 1066，请在“超计划说明”中写明原因"
                .to_string()
        ])
    );
    assert_eq!(plan, before, "refused: nothing changed");
    assert_eq!(
        enter(&mut plan, "X县西街", |r| {
            r.signed = 1100;
            r.reason = "新增34户".into();
        }),
        Ok(())
    );
    // Flats completed never exceed flats started.
    let mut plan = demo_plan();
    let refused = enter(&mut plan, "X县西街", |r| r.completed_units = 301).unwrap_err();
    assert_eq!(refused.len(), 1);
    assert!(
        refused[0].contains("基本建成套数 301 超过计划的 300"),
        "{refused:?}"
    );
    // A plan changed after the figures came in does not refuse its own change: fewer households
    // paid in cash than the county has already paid is the planner's to decide.
    let mut plan = demo_plan();
    let west = project(&plan, "X县西街").id.clone();
    let cut = Edit::SetResettlementShare {
        project: west,
        way: planner::model::ResettlementWay::Cash,
        value: 0.05,
    };
    assert!(plan.apply(&cut).is_ok());
}

#[test]
fn a_figure_below_last_month_needs_a_correction_note_and_months_keep_their_order() {
    let mut plan = demo_plan();
    with_record(&mut plan, "东岭县老街片区", |r| r.signed = 50);
    assert_eq!(
        messages(&plan),
        ["东岭县老街片区：2027年3月 签约户数 50 低于上月的 70，累计数不应减少；如为更正，请填写“更正说明”"]
    );
    with_record(&mut plan, "东岭县老街片区", |r| {
        r.correction = "2月误报".into()
    });
    assert!(messages(&plan).is_empty());
    let mut plan = demo_plan();
    let west = plan
        .projects
        .iter_mut()
        .find(|p| p.name == "X县西街")
        .unwrap();
    west.progress.months.swap(0, 1);
    assert!(messages(&plan)
        .iter()
        .any(|m| m.contains("同一月份出现两次，或月份未按先后排列")));
}

/// X县 in March 2027 (its two 2027 projects: 西街 1,066 and 东关危旧房 180 households):
/// signed 1,066 + 90 = 1,156 of 1,246 (92.78 %); with money 320 + 15 = 335, flats started 300:
/// 开工率 (300 + 335) / 1,246 = 50.96 %, 货币化安置率 335 / 635 = 52.76 %.
#[test]
fn a_county_s_march_measured_by_hand() {
    let plan = demo_plan();
    let r = progress_report(&plan, month("2027-03"));
    assert_eq!(r.year_gone, 0.25);
    let x = r
        .districts
        .iter()
        .find(|d| d.group == Group::District("X县".into()))
        .unwrap();
    let t = &x.tally;
    assert_eq!(
        (t.target, t.signed, t.monetized, t.started_units),
        (1246, 1156, 335, 300)
    );
    assert!((t.signing_rate().unwrap() - 1156.0 / 1246.0).abs() < 1e-12);
    assert!((t.start_rate().unwrap() - 635.0 / 1246.0).abs() < 1e-12);
    assert!((t.monetized_rate().unwrap() - 335.0 / 635.0).abs() < 1e-12);
    assert_eq!(x.monetized_target, plan.assumptions.targets.counties);
    // The city sums every project's figures.
    let city = r.zones.iter().find(|z| z.group == Group::Overall).unwrap();
    let signed: u64 = r.projects.iter().map(|p| p.tally.signed).sum();
    assert_eq!(city.tally.signed, signed);
    let targets: u64 = r.districts.iter().map(|d| d.tally.target).sum();
    assert_eq!(city.tally.target, targets);
}

/// March 2027's ranking: X县 50.96 %, 安平县 20 / 347 = 5.76 %, 西坪县 10 / 195 = 5.13 %,
/// 东岭县 11 / 415 = 2.65 %, 南河县 5 / 285 = 1.75 %, then 城关区, 新城区 and 石门县 at 0,
/// tied: they share sixth place (listed by name); the first three and the last three marked;
/// all but X县 below the average (8.28 %); the same places as in February.
#[test]
fn the_districts_ranked_by_start_rate() {
    let r = progress_report(&demo_plan(), month("2027-03"));
    let order: Vec<&str> = r.ranking.iter().map(|k| k.district.as_str()).collect();
    assert_eq!(
        order,
        [
            "X县",
            "安平县",
            "西坪县",
            "东岭县",
            "南河县",
            "城关区",
            "新城区",
            "石门县"
        ]
    );
    assert!((r.ranking[1].start_rate - 20.0 / 347.0).abs() < 1e-12);
    let top: Vec<_> = r.ranking.iter().filter(|k| k.top).map(|k| k.rank).collect();
    let bottom: Vec<_> = r
        .ranking
        .iter()
        .filter(|k| k.bottom)
        .map(|k| k.rank)
        .collect();
    assert_eq!((top, bottom), (vec![1, 2, 3], vec![6, 6, 6]));
    assert_eq!(r.ranking.iter().filter(|k| k.below_average).count(), 7);
    assert!(r.ranking.iter().all(|k| k.change == Some(0)));
    // January has no month before it in the same year: no change shown.
    let january = progress_report(&demo_plan(), month("2027-01"));
    assert!(january.ranking.iter().all(|k| k.change.is_none()));
}

#[test]
fn projects_behind_schedule_say_by_how_much() {
    let r = progress_report(&demo_plan(), month("2027-03"));
    let row = |name: &str| r.projects.iter().find(|p| p.name == name).unwrap();
    // Not started by January: three months behind in March, on both counts, and on pace.
    let huang = &row("黄沙桥片区").behind;
    assert!(huang.contains(&Behind::Expropriation { months: 3 }));
    assert!(huang.contains(&Behind::Construction { months: 3 }));
    assert!(huang
        .iter()
        .any(|b| matches!(b, Behind::Pace { rate, .. } if *rate == 0.0)));
    // 西街 cleared in January, started building two months late, and is on pace.
    assert_eq!(
        row("X县西街").behind,
        vec![Behind::Construction { months: 2 }]
    );
    // A 2028 project is not behind in 2027.
    assert!(row("杨峪河片区").behind.is_empty());
}

#[test]
fn a_progress_edit_is_undone_exactly() {
    let mut plan = demo_plan();
    let before = plan.clone();
    let id = project(&plan, "黄沙桥片区").id.clone();
    let mut progress = project(&plan, "黄沙桥片区").progress.clone();
    progress.expropriation_started = Some(month("2027-04"));
    let mut april = MonthlyProgress::empty(month("2027-04"));
    april.signed = 200;
    progress = progress.with(april);
    let inverse = plan
        .apply(&Edit::SetProgress {
            project: id.clone(),
            progress,
        })
        .unwrap();
    assert_eq!(project(&plan, "黄沙桥片区").progress.months.len(), 1);
    let r = progress_report(&plan, month("2027-04"));
    let huang = r.projects.iter().find(|p| p.id == id.as_str()).unwrap();
    assert!(huang.behind.contains(&Behind::Expropriation { months: 3 }));
    plan.apply(&inverse).unwrap();
    assert_eq!(plan, before);
}

/// The version 5 fixture (six projects' first three months, one with a reason, each month an
/// object of named figures) reads, and written as the current version (each month one compact
/// row) reads back as the same plan; every older fixture still reads (tests/scenarios.rs,
/// merge.rs).
#[test]
fn the_version_5_fixture_reads_and_writes_as_compact_rows() {
    const FIXTURE_V5: &str = include_str!("fixtures/plan-v5.json");
    let plan = planner::format::decode(FIXTURE_V5).unwrap();
    let reported: usize = plan.projects.iter().map(|p| p.progress.months.len()).sum();
    assert_eq!(reported, 18);
    let west = project(&plan, "X县西街");
    let march = west.progress.at(month("2027-03")).unwrap();
    assert_eq!(march.reason, "追加安置户");
    assert_eq!(
        (march.signed, march.started_units, march.invested),
        (1066, 300, 18_000.0)
    );
    let written = planner::format::encode(&plan);
    assert_eq!(planner::format::decode(&written).unwrap(), plan);
    // March as a row: the month, the figures in their declared order to the last that is not
    // zero, the notes.
    let doc: serde_json::Value = serde_json::from_str(&written).unwrap();
    let row = &doc["plan"]["projects"][10]["progress"]["months"][2];
    assert_eq!(
        row,
        &serde_json::json!([
            "2027-03", 1066, 1066, 190, 90, 40, 300, 0, 18000.0, 3600.0, 9000.0, 5400.0,
            {"reason": "追加安置户"}
        ])
    );
}

/// A hostile record is refused where it is, not rounded: a fractional or negative count, more
/// figures than a record has.
#[test]
fn a_record_with_a_fractional_count_or_too_many_figures_is_refused() {
    use planner::model::MonthlyProgress;
    let read = |s: &str| serde_json::from_str::<MonthlyProgress>(s);
    assert_eq!(read(r#"["2027-03", 5, 2]"#).unwrap().vacated, 2);
    let half = read(r#"["2027-03", 5.5]"#).unwrap_err().to_string();
    assert!(half.contains("signed is 5.5"), "{half}");
    assert!(read(r#"["2027-03", -1]"#).is_err());
    let long = format!(
        r#"["2027-03"{}]"#,
        ", 0".repeat(planner::calc::progress::ProgressField::all().len() + 1)
    );
    assert!(read(&long)
        .unwrap_err()
        .to_string()
        .contains("more figures"));
    assert!(read(r#"["2027-13"]"#).is_err());
    assert!(read(r#"["2027-03", {"why": "x"}]"#).is_err());
}

/// Typing a figure into a month not yet reported starts from the last report (cumulative); a
/// block pasted from Excel is one step over every project it reaches, refused whole when one
/// cell is not a number.
#[test]
fn the_grid_s_typing_and_pasting_become_one_edit_each() {
    use planner::progress_entry::{paste_block, set_figure, set_start, Start};
    let mut plan = demo_plan();
    let id = project(&plan, "东岭县老街片区").id.clone();
    let april = month("2027-04");
    let edit = set_figure(
        &plan,
        &id,
        april,
        planner::calc::progress::ProgressField::Signed,
        150.0,
    )
    .unwrap();
    plan.apply(&edit).unwrap();
    let r = project(&plan, "东岭县老街片区")
        .progress
        .at(april)
        .unwrap()
        .clone();
    assert_eq!(
        (r.signed, r.vacated, r.monetized_total()),
        (150, 80, 11),
        "March carried forward"
    );
    assert_eq!(
        set_figure(
            &plan,
            &id,
            april,
            planner::calc::progress::ProgressField::Signed,
            150.0
        ),
        None
    );

    let rows: Vec<_> = ["东岭县老街片区", "南河县南关危旧房"]
        .iter()
        .map(|n| project(&plan, n).id.clone())
        .collect();
    let cols = planner::calc::progress::ProgressField::all();
    let before = plan.clone();
    let block = paste_block(
        &plan,
        &rows,
        &cols,
        (0, 0),
        "160\t90\n70\t40\r\n",
        april,
        Lang::Zh,
    )
    .unwrap();
    let Edit::Batch { edits, .. } = &block else {
        panic!()
    };
    // A pasted block is the base's, as each of its edits is: never routed into a scenario.
    assert!(!block.changes_content());
    assert_eq!(edits.len(), 2, "one edit per project");
    plan.apply(&block).unwrap();
    assert_eq!(
        project(&plan, "南河县南关危旧房")
            .progress
            .at(april)
            .unwrap()
            .vacated,
        40
    );
    let bad = paste_block(
        &before,
        &rows,
        &cols,
        (0, 0),
        "160\t九十\n",
        april,
        Lang::Zh,
    );
    assert_eq!(
        bad,
        Err("粘贴的第 1 行第 2 列“九十”不是数字：未粘贴任何数据".to_string())
    );
    let past = paste_block(&before, &rows, &cols, (1, 0), "100\n120\n", april, Lang::Zh);
    assert!(past.unwrap_err().contains("第 2 行超出了表格"));

    let start = set_start(&plan, &id, Start::Construction, Some(april)).unwrap();
    plan.apply(&start).unwrap();
    assert_eq!(
        project(&plan, "东岭县老街片区")
            .progress
            .construction_started,
        Some(april)
    );
}

/// Ties share a place and the next place after them skips (1, 2, 3, 4, 4, …); ties with the
/// third from the bottom are all bottom. With 西坪县's and 安平县's actuals taken away, five
/// districts stand at 0 % behind X县, 东岭县 and 南河县.
#[test]
fn equal_scores_share_a_place() {
    let mut plan = demo_plan();
    for p in plan.projects.iter_mut() {
        if p.district == "西坪县" || p.district == "安平县" {
            p.progress = Default::default();
        }
    }
    let r = progress_report(&plan, month("2027-03"));
    let places: Vec<(&str, usize)> = r
        .ranking
        .iter()
        .map(|k| (k.district.as_str(), k.rank))
        .collect();
    assert_eq!(
        places,
        [
            ("X县", 1),
            ("东岭县", 2),
            ("南河县", 3),
            ("城关区", 4),
            ("安平县", 4),
            ("新城区", 4),
            ("石门县", 4),
            ("西坪县", 4),
        ]
    );
    // Five tied at the bottom: all five are bottom, none of them top.
    assert_eq!(r.ranking.iter().filter(|k| k.bottom).count(), 5);
    assert_eq!(r.ranking.iter().filter(|k| k.top).count(), 3);
}

/// The composite the planner sets: 60 % 开工率 and 40 % 签约率. X县: 0.6 × 635/1,246 + 0.4 ×
/// 1,156/1,246 = 0.6638; 东岭县: 0.6 × 11/415 + 0.4 × its signed/415; the order follows the
/// score, 开工率 still shown; the weights are an edit (undone exactly) and refused when all zero.
#[test]
fn the_ranking_by_a_weighted_composite() {
    use planner::calc::progress::ProgressRate;
    use planner::reporting::RankingWeights;
    let mut plan = demo_plan();
    let weights = RankingWeights::default()
        .with(ProgressRate::Start, 60.0)
        .with(ProgressRate::Signing, 40.0);
    let inverse = plan
        .apply(&Edit::SetRankingWeights {
            weights: weights.clone(),
        })
        .unwrap();
    let r = progress_report(&plan, month("2027-03"));
    let x = r.ranking.iter().find(|k| k.district == "X县").unwrap();
    assert!((x.score - (0.6 * 635.0 + 0.4 * 1156.0) / 1246.0).abs() < 1e-12);
    assert!((x.start_rate - 635.0 / 1246.0).abs() < 1e-12);
    for k in &r.ranking {
        let d = r
            .districts
            .iter()
            .find(|d| d.group == Group::District(k.district.clone()))
            .unwrap();
        let by_hand = 0.6 * d.tally.start_rate().unwrap() + 0.4 * d.tally.signing_rate().unwrap();
        assert!((k.score - by_hand).abs() < 1e-12, "{}", k.district);
    }
    assert!(r.ranking.windows(2).all(|w| w[0].score >= w[1].score));
    plan.apply(&inverse).unwrap();
    assert_eq!(plan, demo_plan());
    let zero = RankingWeights::default().with(ProgressRate::Start, 0.0);
    let refused = plan
        .apply(&Edit::SetRankingWeights { weights: zero })
        .unwrap_err();
    assert!(
        refused.message(Lang::Zh).contains("权重"),
        "{}",
        refused.message(Lang::Zh)
    );
    let over = RankingWeights::default().with(ProgressRate::Funds, 150.0);
    assert!(plan
        .apply(&Edit::SetRankingWeights { weights: over })
        .is_err());
}

/// A plan file whose actuals lie outside the plan's years — a record dated 2099-12, or ten
/// thousand monthly records on one project — is refused whole, naming the month and the years.
#[test]
fn actuals_outside_the_plan_years_are_refused() {
    let mut plan = planner::demo::demo_plan();
    let k = plan
        .projects
        .iter()
        .position(|p| !p.progress.months.is_empty())
        .expect("the demo has actuals");
    let p = &mut plan.projects[k];
    let mut late = p.progress.months.last().cloned().unwrap();
    late.month = planner::model::Month::parse("2099-12").unwrap();
    p.progress.months.push(late.clone());
    let e = planner::format::import(planner::format::encode(&plan).as_bytes()).unwrap_err();
    let said = e.message(planner::i18n::Lang::Zh);
    assert!(
        said.contains("2099") && said.contains("2027–2028"),
        "{said}"
    );
    // Ten thousand months from 2027 on: all but the window's 24 refused.
    let mut plan = planner::demo::demo_plan();
    let p = &mut plan.projects[k];
    p.progress.months = (0..10_000)
        .map(|i| {
            let mut r = late.clone();
            r.month = planner::model::Month::new(2027 + i / 12, (i % 12) as u8 + 1).unwrap();
            r
        })
        .collect();
    assert!(planner::format::import(planner::format::encode(&plan).as_bytes()).is_err());
}
