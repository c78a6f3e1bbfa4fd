//! 考核: a county scored by hand for a quarter with a veto and a deduction, grade bands at
//! their edges, ties, the 督办清单 on a fixed month and the 逾期未回迁 register against a
//! hand-built plan.

use planner::analysis::assessment::{
    assess, overdue_register, supervision_list, Assessed, Problem,
};
use planner::calc::assessment::{Band, Counts, Grade, Indicator, Period, Scheme, SchemePreset};
use planner::calc::readiness::{Day, Milestone, MilestoneRecord};
use planner::demo::demo_plan;
use planner::model::{Month, MonthlyProgress, Project, ResettlementMix};
use planner::plan::Plan;

fn month(s: &str) -> Month {
    Month::parse(s).unwrap()
}

/// One county, 甲县, with one 2027 project of 100 households, half in cash and half in new
/// flats; its 可研 planned for 15 February 2027 and not done; by March 60 households signed, 20
/// paid in cash, no flat started, a fifth of the year's investment made and a quarter of the
/// year's money in place.
fn county_plan() -> (Plan, f64) {
    let mut plan = demo_plan();
    plan.scenarios.clear();
    plan.reporting = Default::default();
    plan.housing = Default::default();
    let mut p: Project = plan.new_project("甲县试点片区");
    p.district = "甲县".into();
    p.central_city = false;
    p.lead = "甲县县长".into();
    p.year = 2027;
    p.households = 100;
    p.area_m2 = 8_000.0;
    p.resettlement = ResettlementMix {
        cash: 0.5,
        self_purchase: 0.0,
        government_purchase: 0.0,
        voucher: 0.0,
        new_build: 0.5,
    };
    p.readiness.milestones.insert(
        Milestone::Feasibility,
        MilestoneRecord {
            planned: Some(Day::parse("2027-02-15").unwrap()),
            ..Default::default()
        },
    );
    let costs = planner::costs::project_costs(&p, &plan.assumptions);
    let year = costs.by_year[0].total();
    let mut r = MonthlyProgress::empty(month("2027-03"));
    r.signed = 60;
    r.monetized.cash = 20;
    r.invested = 0.2 * year;
    for &i in planner::model::Instrument::ALL {
        *i.amount_mut(&mut r.funds) = 0.25 * year * i.get(&p.financing);
    }
    p.progress.expropriation_started = Some(month("2027-01"));
    p.progress.months = vec![r];
    plan.projects = vec![p];
    (plan, year)
}

/// The 2022 city scheme for 2027年第1季度 (a quarter of the year gone: accumulating targets at
/// 25 %):
/// - 开工率 (20 / 20 flats started + 20 in cash) = 20 % < 25 %: the veto; 任务完成 (开工 20 and
///   签约 12) scores 0 though 签约率 60 % met its 25 %;
/// - 投资完成率 20 % of 25 %: 16 × 0.8 = 12.8;
/// - 前期手续按期 0 of 1: 0; 货币化 (actual) 20 / 20 = 100 % ≥ 50 %: 4;
/// - 资金到位率 25 % of 25 %: 16; reports: none taken in the plan, nothing to measure: 16;
/// - one milestone past its day: 1.5 off.
///
/// Total 12.8 + 4 + 16 + 16 − 1.5 = 47.3: 不合格.
#[test]
fn a_county_scored_by_hand_for_a_quarter_with_a_veto_and_a_deduction() {
    let (plan, _) = county_plan();
    let a = assess(&plan, Period::parse("2027-Q1").unwrap());
    assert_eq!(a.districts.len(), 1);
    let s = &a.districts[0];
    assert_eq!(s.who, Assessed::District("甲县".into()));
    let line = |i: Indicator| s.score.lines.iter().find(|l| l.indicator == i).unwrap();
    assert!((line(Indicator::Start).value.unwrap() - 0.2).abs() < 1e-12);
    assert!(line(Indicator::Start).vetoed);
    assert_eq!(line(Indicator::Start).points, 0.0);
    assert!(
        line(Indicator::Signing).zeroed,
        "its section zeroed by the veto"
    );
    assert_eq!(line(Indicator::Signing).points, 0.0);
    assert_eq!(line(Indicator::Investment).points, 12.8);
    assert_eq!(line(Indicator::MilestonesOnTime).points, 0.0);
    assert_eq!(line(Indicator::Monetized).points, 4.0);
    assert_eq!(line(Indicator::Funds).points, 16.0);
    assert_eq!(line(Indicator::ReportsOnTime).value, None);
    assert_eq!(line(Indicator::ReportsOnTime).points, 16.0);
    assert_eq!(s.counts.missed_deadlines, 1);
    assert_eq!(s.score.deductions.len(), 1);
    assert_eq!(s.score.deductions[0].points, 1.5);
    assert_eq!(s.score.total, 47.3);
    assert_eq!(s.score.grade, Grade::Fail);
    // The same as its leader's score: one project.
    assert_eq!(a.leaders[0].who, Assessed::Leader("甲县县长".into()));
    assert_eq!(a.leaders[0].score.total, 47.3);
}

/// Grade bands at their edges: 95 is 优秀, 94.99 良好, 85 良好, 60 合格, 59.99 不合格; a veto
/// bars 优秀 however high the total.
#[test]
fn grade_bands_at_their_edges() {
    let s = SchemePreset::City2022.scheme();
    assert_eq!(s.grade(95.0, false), Grade::Excellent);
    assert_eq!(s.grade(94.99, false), Grade::Good);
    assert_eq!(s.grade(85.0, false), Grade::Good);
    assert_eq!(s.grade(84.99, false), Grade::Pass);
    assert_eq!(s.grade(60.0, false), Grade::Pass);
    assert_eq!(s.grade(59.99, false), Grade::Fail);
    assert_eq!(s.grade(100.0, true), Grade::Good);
    // Bands in any order read the same.
    let mut shuffled = s.clone();
    shuffled.bands.reverse();
    assert_eq!(shuffled.grade(95.0, false), Grade::Excellent);
    let none = Scheme {
        bands: vec![Band {
            min: 50.0,
            grade: Grade::Pass,
        }],
        ..s
    };
    assert_eq!(none.grade(10.0, false), Grade::Fail);
}

/// Every indicator at its target scores the full 100 in either preset; nothing measured scores
/// full too; each line's points never exceed its weight.
#[test]
fn the_presets_weigh_a_hundred() {
    for p in SchemePreset::ALL {
        let s = p.scheme();
        let weights: f64 = s.items.iter().map(|i| i.weight).sum();
        assert_eq!(weights, 100.0, "{}", p.key());
        let full = s.score(|_| Some(1.0), &Counts::default(), 12);
        assert_eq!(full.total, 100.0);
        assert_eq!(full.grade, Grade::Excellent);
        let none = s.score(|_| None, &Counts::default(), 6);
        assert_eq!(none.total, 100.0);
        let half = s.score(|_| Some(0.3), &Counts::default(), 12);
        assert!(half.lines.iter().all(|l| l.points <= l.weight));
    }
}

/// Two districts with the same total share a place and are listed by name; the next is third.
#[test]
fn ties_share_a_place() {
    let (mut plan, _) = county_plan();
    let mut b = plan.projects[0].clone();
    b.id = "p2".into();
    b.district = "乙县".into();
    b.lead = "乙县县长".into();
    let mut c = plan.projects[0].clone();
    c.id = "p3".into();
    c.district = "丙县".into();
    c.lead = "丙县县长".into();
    c.progress.months[0].started_units = 30;
    plan.projects.extend([b, c]);
    let a = assess(&plan, Period::Quarter(2027, 1));
    let order: Vec<(&str, usize)> = a.districts.iter().map(|s| (s.who.name(), s.rank)).collect();
    assert_eq!(order, [("丙县", 1), ("乙县", 2), ("甲县", 2)]);
}

/// The 督办清单 for March 2027 of the county plan: behind (construction not started), 前期手续
/// past its day, signing stuck (60 in January and still 60 in March); three months on the list
/// (the project has been behind since January), so its leader is a 约谈 candidate.
#[test]
fn the_supervision_list_on_a_fixed_month() {
    let (mut plan, _) = county_plan();
    let p = &mut plan.projects[0];
    let mut jan = p.progress.months[0].clone();
    jan.month = month("2027-01");
    p.progress.months.insert(0, jan);
    let list = supervision_list(&plan, month("2027-03"));
    assert_eq!(list.len(), 1);
    let s = &list[0];
    assert_eq!(
        (s.name.as_str(), s.lead.as_str()),
        ("甲县试点片区", "甲县县长")
    );
    assert!(s.problems.contains(&Problem::Behind));
    assert!(s.problems.contains(&Problem::PreWorkStalled));
    assert!(s.problems.contains(&Problem::SigningStuck));
    assert!(
        !s.problems.contains(&Problem::ReportLate),
        "the plan takes no reports"
    );
    assert_eq!(s.months, 3);
    assert!(s.interview);
    // The scheme's 约谈 rule decides: four months, not yet; a rule past twelve is refused.
    plan.assessment.interview_months = 4;
    assert!(!supervision_list(&plan, month("2027-03"))[0].interview);
    plan.assessment.interview_months = 13;
    assert_eq!(plan.assessment.problems().len(), 1);
    plan.assessment.interview_months = 3;
    // Nothing of a later year is on the list.
    plan.projects[0].year = 2028;
    assert!(supervision_list(&plan, month("2027-03")).is_empty());
}

/// 逾期未回迁: the county project's 50 households in kind were promised their flats in June 2029
/// (30 months from January 2027); in December 2029, with 20 flats completed, 30 are six months
/// overdue; none before the promise; none once all 50 are completed.
#[test]
fn the_overdue_register_counts_by_hand() {
    let (mut plan, _) = county_plan();
    assert!(overdue_register(&plan, month("2029-06")).is_empty());
    let mut r = MonthlyProgress::empty(month("2029-12"));
    r.signed = 100;
    r.completed_units = 20;
    plan.projects[0].progress.months.push(r.clone());
    let o = overdue_register(&plan, month("2029-12"));
    assert_eq!(o.len(), 1);
    assert_eq!(o[0].promised, month("2029-06"));
    assert_eq!((o[0].households, o[0].months), (30, 6));
    r.completed_units = 50;
    *plan.projects[0].progress.months.last_mut().unwrap() = r;
    assert!(overdue_register(&plan, month("2029-12")).is_empty());
}

/// `plan-sim --assess 2027-Q1` prints the demo's scores, the 督办清单 and the register as the
/// library computes them.
#[test]
fn plan_sim_assess_prints_the_scores() {
    let plan = demo_plan();
    let dir = std::env::temp_dir().join(format!("assess-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("plan.json");
    std::fs::write(&file, planner::format::encode(&plan)).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plan-sim"))
        .args(["--assess", "2027-Q1", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let a = assess(&plan, Period::Quarter(2027, 1));
    let districts = v["assessment"]["districts"].as_array().unwrap();
    assert_eq!(districts.len(), a.districts.len());
    for (j, s) in districts.iter().zip(&a.districts) {
        assert_eq!(j["score"]["total"].as_f64().unwrap(), s.score.total);
        assert_eq!(j["rank"].as_u64().unwrap() as usize, s.rank);
    }
    assert_eq!(
        v["supervision"].as_array().unwrap().len(),
        supervision_list(&plan, month("2027-03")).len()
    );
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_plan-sim"))
        .args(["--assess", "2027-Q5", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--assess"));
}

/// The 督办清单 names who holds the duty each problem falls under where the leader has handed
/// it on (进度滞后 under 包进度, 签约停滞 under 包征收), and the project's 责任单位; the
/// register names the unit and the holder of 包安置.
#[test]
fn the_lists_name_the_unit_and_the_duties_holders() {
    use planner::model::Duty;
    let (mut plan, _) = county_plan();
    let p = &mut plan.projects[0];
    p.responsibility.unit = "甲县人民政府".into();
    p.responsibility
        .set_duty(Duty::Progress, "甲县城投公司".into());
    p.responsibility
        .set_duty(Duty::Expropriation, "甲县征收办".into());
    p.responsibility
        .set_duty(Duty::Resettlement, "甲县住建局".into());
    let list = supervision_list(&plan, month("2027-03"));
    assert_eq!(list[0].unit, "甲县人民政府");
    // Behind (包进度, handed on) and 前期手续 late (包协调, the leader's); signing is not stuck
    // with one month reported, so 包征收 is not named.
    assert_eq!(
        list[0].problems,
        vec![Problem::Behind, Problem::PreWorkStalled]
    );
    assert_eq!(
        list[0].holders,
        vec![(Duty::Progress, "甲县城投公司".to_string())]
    );
    let mut r = MonthlyProgress::empty(month("2029-12"));
    r.signed = 100;
    plan.projects[0].progress.months.push(r);
    let o = overdue_register(&plan, month("2029-12"));
    assert_eq!(
        (o[0].unit.as_str(), o[0].resettlement.as_str()),
        ("甲县人民政府", "甲县住建局")
    );
    // By district: 甲县, one project, its 50 households in kind, six months; then the city.
    use planner::report::Cell;
    let t = planner::present::assessment::overdue_by_district(
        &plan,
        month("2029-12"),
        &Default::default(),
        planner::i18n::Lang::Zh,
    );
    assert_eq!(
        t.rows,
        [
            vec![
                Cell::Text("甲县".into()),
                Cell::Count(1),
                Cell::Count(50),
                Cell::Count(6)
            ],
            vec![
                Cell::Text("全市".into()),
                Cell::Count(1),
                Cell::Count(50),
                Cell::Count(6)
            ],
        ]
    );
}

/// A leader whose projects all start in a later year has no task in the period: not scored,
/// not ranked (else every line would be "nothing to measure", full points, first place).
#[test]
fn no_task_no_score() {
    let (mut plan, _) = county_plan();
    let mut later = plan.projects[0].clone();
    later.id = "p99".into();
    later.lead = "甲县副县长".into();
    later.year = 2028;
    later.progress = Default::default();
    plan.projects.push(later);
    let a = assess(&plan, Period::Quarter(2027, 1));
    assert_eq!(
        a.leaders.iter().map(|s| s.who.name()).collect::<Vec<_>>(),
        ["甲县县长"]
    );
    let b = assess(&plan, Period::Year(2028));
    assert_eq!(b.leaders.len(), 2);
}

/// The period before: the month before, the quarter before (the fourth of the year before for
/// the first), the year before.
#[test]
fn each_period_has_the_one_before() {
    let p = |s: &str| Period::parse(s).unwrap();
    assert_eq!(p("2027-01").previous(), p("2026-12"));
    assert_eq!(p("2027-Q1").previous(), p("2026-Q4"));
    assert_eq!(p("2027-Q3").previous(), p("2027-Q2"));
    assert_eq!(p("2027").previous(), p("2026"));
}

/// The paper (季度点评) shows the scores the page shows: each district's and leader's total,
/// place and grade as `assess` gives them, each item's points under its column; the movers'
/// change is this quarter's total less last quarter's; the lists are the library's, kept to a
/// leader's projects when the page is filtered.
#[test]
fn the_paper_shows_the_scores_item_by_item() {
    use planner::calc::assessment::Grade;
    use planner::model::Answering;
    use planner::present::assessment::assessment_report;
    use planner::report::Cell;
    let plan = demo_plan();
    let period = Period::Quarter(2027, 1);
    let all = Answering::default();
    let paper = assessment_report(
        &plan,
        period,
        month("2027-03"),
        &all,
        planner::i18n::Lang::Zh,
    );
    assert_eq!(
        paper.title,
        format!("{} · 2027年第1季度棚改工作季度点评", plan.name)
    );
    let a = assess(&plan, period);
    let before = assess(&plan, Period::Quarter(2026, 4));
    let items = plan.assessment.items.len();
    assert_eq!(paper.districts.header.len(), 2 + items + 4);
    assert_eq!(
        paper.districts.header[2],
        format!("{}（{}分）", "开工率", plan.assessment.items[0].weight)
    );
    assert_eq!(paper.districts.rows.len(), a.districts.len());
    for (row, s) in paper.districts.rows.iter().zip(&a.districts) {
        assert_eq!(row[0], Cell::Count(s.rank as u64));
        assert_eq!(row[1], Cell::Text(s.who.name().into()));
        for (k, l) in s.score.lines.iter().enumerate() {
            assert_eq!(row[2 + k], Cell::Points((l.points * 100.0).round() / 100.0));
        }
        assert_eq!(
            row[2 + items + 1],
            Cell::Points((s.score.total * 100.0).round() / 100.0)
        );
        let grade = match s.score.grade {
            Grade::Excellent => "优秀",
            Grade::Good => "良好",
            Grade::Pass => "合格",
            Grade::Fail => "不合格",
        };
        assert_eq!(row[2 + items + 2], Cell::Text(grade.into()));
    }
    // Leaders with their posts: 市级领导甲 is the 常务副市长.
    let gan = paper
        .leaders
        .rows
        .iter()
        .find(|r| r[1] == Cell::Text("市级领导甲".into()))
        .expect("市级领导甲 is scored");
    assert_eq!(gan[2], Cell::Text("市政府常务副市长".into()));
    assert_eq!(paper.leaders.rows.len(), a.leaders.len());
    // 2026年第4季度 had no task: no score before, no change.
    assert_eq!(before.districts.len(), 0);
    assert!(paper
        .movers
        .rows
        .iter()
        .all(|r| r[2] == Cell::Text("—".into())));
    // The second quarter against the first.
    let q2 = assessment_report(
        &plan,
        Period::Quarter(2027, 2),
        month("2027-06"),
        &all,
        planner::i18n::Lang::Zh,
    );
    let now = assess(&plan, Period::Quarter(2027, 2));
    assert_eq!(q2.movers.rows.len(), now.districts.len());
    for row in &q2.movers.rows {
        let Cell::Text(name) = &row[0] else { panic!() };
        let now = now.districts.iter().find(|s| s.who.name() == name).unwrap();
        let then = a.districts.iter().find(|s| s.who.name() == name).unwrap();
        let r = |v: f64| (v * 100.0).round() / 100.0;
        assert_eq!(row[1], Cell::Points(r(now.score.total)));
        assert_eq!(row[2], Cell::Points(r(then.score.total)));
        assert_eq!(
            row[3],
            Cell::Points(r(r(now.score.total) - r(then.score.total)))
        );
        assert_eq!(row[5], Cell::Count(then.rank as u64));
    }
    assert_eq!(
        paper.supervision.rows.len(),
        supervision_list(&plan, month("2027-03")).len()
    );
    // Filtered to one leader: only their projects are listed.
    let one = Answering {
        lead: Some("市级领导甲".into()),
        unit: None,
    };
    let mine = assessment_report(
        &plan,
        period,
        month("2027-03"),
        &one,
        planner::i18n::Lang::Zh,
    );
    assert!(!mine.supervision.rows.is_empty());
    assert!(mine.supervision.rows.len() < paper.supervision.rows.len());
    assert!(mine
        .supervision
        .rows
        .iter()
        .all(|r| r[2] == Cell::Text("市级领导甲".into())));
}

/// The workbook holds the paper's tables, figure for figure: the districts' totals as numbers
/// equal to the scores, each sheet's rows the paper's.
#[test]
fn the_workbook_holds_the_papers_figures() {
    use calamine::{Data, Reader, Xlsx};
    use planner::model::Answering;
    use planner::present::assessment::assessment_report;
    use planner::report::Cell;
    let plan = demo_plan();
    let period = Period::Quarter(2027, 1);
    let who = Answering::default();
    let lang = planner::i18n::Lang::Zh;
    let bytes =
        planner::workbook::assessment_report(&plan, period, month("2027-03"), &who, lang).unwrap();
    let paper = assessment_report(&plan, period, month("2027-03"), &who, lang);
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "区县得分",
            "包抓领导得分",
            "升降情况",
            "督办清单",
            "逾期未回迁",
            "逾期未回迁（按区县）",
            "包抓责任分工"
        ]
    );
    for (sheet, table) in book.sheet_names().into_iter().zip([
        &paper.districts,
        &paper.leaders,
        &paper.movers,
        &paper.supervision,
        &paper.overdue,
        &paper.overdue_districts,
        &paper.duties,
    ]) {
        let range = book.worksheet_range(&sheet).unwrap();
        let rows: Vec<&[Data]> = range.rows().collect();
        // The title, then the header, then the table's rows.
        let at = rows
            .iter()
            .position(|r| r.first() == Some(&Data::String(table.header[0].clone())))
            .unwrap_or_else(|| panic!("{sheet}: no header"));
        assert_eq!(rows.len() - at - 1, table.rows.len(), "{sheet}");
        for (got, want) in rows[at + 1..].iter().zip(&table.rows) {
            for (g, w) in got.iter().zip(want) {
                match w {
                    Cell::Points(v) if *v == 0.0 => assert_eq!(g, &Data::Float(0.0), "{sheet}"),
                    Cell::Points(v) => assert_eq!(g, &Data::Float(*v), "{sheet}"),
                    Cell::Count(n) => assert_eq!(g, &Data::Float(*n as f64), "{sheet}"),
                    Cell::Text(t) if t.is_empty() => assert_eq!(g, &Data::Empty, "{sheet}"),
                    Cell::Text(t) => assert_eq!(g, &Data::String(t.clone()), "{sheet}"),
                    other => panic!("{sheet}: {other:?}"),
                }
            }
        }
    }
}

/// A scheme of more than 30 lines, or a line of more than 10 steps, is refused and named by
/// its line, as a file's is.
#[test]
fn a_scheme_too_long_is_refused_by_line() {
    use planner::calc::assessment::{Rule, Step, MAX_ITEMS, MAX_STEPS};
    let mut s = SchemePreset::City2022.scheme();
    let first = s.items[0].clone();
    while s.items.len() <= MAX_ITEMS {
        let mut it = first.clone();
        it.weight = 0.0;
        s.items.push(it);
    }
    assert!(
        s.problems().iter().any(|(line, _)| *line == MAX_ITEMS + 1),
        "{:?}",
        s.problems()
    );
    let mut s = SchemePreset::City2022.scheme();
    s.items[1].rule = Rule::Steps(
        (0..=MAX_STEPS)
            .map(|k| Step {
                at: k as f64 / 20.0,
                share: 0.5,
            })
            .collect(),
    );
    assert_eq!(s.problems().len(), 1, "{:?}", s.problems());
    assert_eq!(s.problems()[0].0, 2);
}

/// 包抓责任分工: every project once, grouped by leader in the order leaders first appear; a
/// duty kept by the leader reads 本人; filtered by a unit, only the projects it answers for.
#[test]
fn the_duties_table_lists_who_answers_for_each_project() {
    use planner::model::Answering;
    use planner::present::assessment::duties_table;
    use planner::report::Cell;
    let plan = demo_plan();
    let lang = planner::i18n::Lang::Zh;
    let t = duties_table(&plan, &Answering::default(), lang);
    assert_eq!(t.rows.len(), plan.projects.len());
    assert_eq!(t.header.len(), 5 + 7);
    assert_eq!(t.header[5], "包进度");
    let first = &t.rows[0];
    assert_eq!(
        first[..5],
        [
            Cell::Text("市级领导甲".into()),
            Cell::Text("市政府常务副市长".into()),
            Cell::Text("黄沙桥片区".into()),
            Cell::Text("城关区".into()),
            Cell::Text("城关区人民政府".into()),
        ]
    );
    assert_eq!(first[5], Cell::Text("本人".into()));
    assert_eq!(first[7], Cell::Text("城关区房屋征收办".into()));
    // A leader's projects sit together.
    let leaders: Vec<&Cell> = t.rows.iter().map(|r| &r[0]).collect();
    for (i, l) in leaders.iter().enumerate() {
        if let Some(j) = leaders[..i].iter().rposition(|m| m == l) {
            assert!(leaders[j..i].iter().all(|m| m == l), "{l:?} apart");
        }
    }
    let unit = Answering {
        lead: None,
        unit: Some("市招商局".into()),
    };
    assert_eq!(duties_table(&plan, &unit, lang).rows.len(), 10);
}
