//! Readiness: the gated schedule checked by hand, gate findings before and after a gate opens,
//! the board's statuses on a fixed day, the loan pipeline's sums, and the milestone checks.

mod common;

use planner::analysis::readiness::{board, disbursement, gate_findings, loan_pipeline};
use planner::calc::gates::{Blocker, GateDates};
use planner::calc::readiness::{Day, Milestone, MilestoneRecord, MilestoneStatus, RiskLevel};
use planner::demo::demo_plan;
use planner::edit::{Edit, Scenario};
use planner::model::{CostOverrides, Instrument, Project};
use planner::plan::{simulate_plan, Plan};

fn day(s: &str) -> Day {
    Day::parse(s).unwrap()
}

fn done(on: &str) -> MilestoneRecord {
    MilestoneRecord {
        planned: Some(day(on)),
        actual: Some(day(on)),
        ..Default::default()
    }
}

fn planned(on: &str) -> MilestoneRecord {
    MilestoneRecord {
        planned: Some(day(on)),
        ..Default::default()
    }
}

/// One 2027 project of 100 households all rehoused in new flats (90 m² at 2,500 元/m²: 2,250
/// 万元 of construction over 30 months, nothing else costed), 20 % capital fund, 80 % policy
/// loan; its approvals done in 2026, its loan contract planned for 15 April 2027.
fn one_project_plan() -> Plan {
    let mut plan = demo_plan();
    plan.scenarios.clear();
    let mut p: Project = plan.new_project("试点片区");
    p.households = 100;
    p.area_m2 = 8_000.0;
    p.central_city = true;
    p.costs = CostOverrides {
        transition_fee: Some(0.0),
        relocation_fee: Some(0.0),
        reward_per_household: Some(0.0),
        ..Default::default()
    };
    let r = &mut p.readiness;
    for m in [
        Milestone::Feasibility,
        Milestone::CompensationPlan,
        Milestone::FundBalancePlan,
        Milestone::LoanApplication,
        Milestone::LoanReview,
        Milestone::LoanCredit,
    ] {
        r.milestones.insert(m, done("2026-09-30"));
    }
    r.milestones
        .insert(Milestone::LoanContract, planned("2027-04-15"));
    r.risk = Some(RiskLevel::Low);
    plan.projects = vec![p];
    plan
}

fn gated(dates: GateDates) -> Scenario {
    Scenario {
        id: "g".into(),
        name: "等手续".into(),
        note: String::new(),
        edits: Vec::new(),
        forecast: false,
        gated: Some(dates),
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

/// A loan whose contract is signed in April moves the project three months: 2027 builds 9 of
/// its 30 months (675 万元, not 900), 2029 the last 9 (675, not 450); the loan draws 80 % of
/// each (540 and 540 for 720 and 360), its 2027 interest is 4.41 % of the year's draw (23.814
/// for 31.752: interest on the opening balance plus the year's draw), and 2027's fiscal burden
/// falls by the capital fund's 45 and the interest's 7.938.
#[test]
fn a_loan_gated_three_months_later_moves_draws_interest_and_burden_by_hand() {
    let plan = one_project_plan();
    let base = simulate_plan(&plan, None);
    let late = simulate_plan(&plan, Some(&gated(GateDates::Planned)));
    let inv = |r: &planner::simulate::Results, k: usize| r.years[k].investment.total();
    let loan = |r: &planner::simulate::Results, k: usize| r.years[k].sources.policy_loan;
    let (y0, y1, y2) = (0, 1, 2);
    assert!(close(inv(&base, y0), 900.0), "{}", inv(&base, y0));
    assert!(close(inv(&base, y1), 900.0));
    assert!(close(inv(&base, y2), 450.0));
    assert!(close(inv(&late, y0), 675.0), "{}", inv(&late, y0));
    assert!(close(inv(&late, y1), 900.0));
    assert!(close(inv(&late, y2), 675.0));
    assert!(close(loan(&base, y0), 720.0));
    assert!(close(loan(&late, y0), 540.0));
    assert!(close(loan(&late, y2), 540.0));
    let rate = plan.assumptions.loan.rate;
    assert!(close(rate, 0.0441));
    let interest = |r: &planner::simulate::Results| r.years[0].fiscal.by_instrument.policy_loan;
    assert!(close(interest(&base), 31.752), "{}", interest(&base));
    assert!(close(interest(&late), 23.814), "{}", interest(&late));
    let burden = |r: &planner::simulate::Results| r.years[0].fiscal.total();
    assert!(
        close(burden(&base) - burden(&late), 45.0 + 7.938),
        "{} vs {}",
        burden(&base),
        burden(&late)
    );
    // Every yuan borrowed is still repaid, and the project costs what it costs.
    assert!(close(late.totals.borrowed, late.totals.repaid));
    assert!(close(late.totals.investment, base.totals.investment));
}

/// The same project gated by its actual dates as things stand: a contract not yet signed
/// opens no earlier than the month after the forecast's month.
#[test]
fn as_things_stand_a_milestone_not_done_opens_after_the_forecast_month() {
    let mut plan = one_project_plan();
    plan.projects[0].forecast = Some(planner::model::Forecast {
        as_of: planner::model::Month::parse("2027-05").unwrap(),
        signing_delay: 0,
        construction_delay: 0,
    });
    let view = plan.resolve(Some(&gated(GateDates::Actual))).plan;
    let f = view.projects[0].forecast.unwrap();
    // Planned April, not signed by May: June, five months after January.
    assert_eq!((f.signing_delay, f.construction_delay), (5, 5));
    let view = plan.resolve(Some(&gated(GateDates::Planned))).plan;
    assert_eq!(view.projects[0].forecast.unwrap().signing_delay, 3);
}

/// Money planned before its gate is a finding naming the project, the source, the milestone
/// and the months; once the contract is dated before January, none.
#[test]
fn a_finding_before_the_gate_and_none_after_it_opens() {
    let mut plan = one_project_plan();
    // Land revenue enough to cover the loan (the national gate asks coverage ≥ 1).
    plan.projects[0].land_revenue = Some(planner::model::LandRevenue {
        amount: 6_000.0,
        start_offset: 2,
        years: 3,
    });
    let results = simulate_plan(&plan, None);
    let found = gate_findings(&plan, &results, GateDates::Planned);
    assert_eq!(found.len(), 1, "{found:?}");
    let f = &found[0];
    assert_eq!(f.check.instrument, Instrument::PolicyLoan);
    assert_eq!(f.check.late_months, 3);
    assert_eq!(
        f.check.blockers,
        vec![Blocker::Milestone {
            milestone: Milestone::LoanContract,
            expected: Some(day("2027-04-15"))
        }]
    );
    let message = f.message(planner::i18n::Lang::Zh);
    for part in [
        "试点片区",
        "政策性银行贷款",
        "贷款合同签订",
        "2027年4月15日",
        "3 个月",
    ] {
        assert!(message.contains(part), "{message} lacks {part}");
    }
    plan.projects[0]
        .readiness
        .milestones
        .insert(Milestone::LoanContract, done("2026-12-20"));
    let results = simulate_plan(&plan, None);
    assert_eq!(gate_findings(&plan, &results, GateDates::Planned), vec![]);
    // A high risk keeps the loan's gate shut however early its papers: a finding, no move.
    plan.projects[0].readiness.risk = Some(RiskLevel::High);
    let found = gate_findings(&plan, &results, GateDates::Planned);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].check.opens, None);
    assert_eq!(found[0].check.blockers, vec![Blocker::RiskHigh]);
    let view = plan.resolve(Some(&gated(GateDates::Planned))).plan;
    assert_eq!(view.projects[0].forecast, None);
}

/// The board's statuses on 15 November 2026: done, late, due within 30 days, not started;
/// steps of sources the project does not draw on do not apply.
#[test]
fn the_board_on_a_fixed_day() {
    let mut plan = one_project_plan();
    let r = &mut plan.projects[0].readiness;
    r.milestones
        .insert(Milestone::RiskAssessment, planned("2026-10-31"));
    r.milestones.insert(Milestone::Eia, planned("2026-12-10"));
    let rows = board(&plan, day("2026-11-15"));
    let status =
        |m: Milestone| rows[0].statuses[Milestone::ALL.iter().position(|&x| x == m).unwrap()];
    assert_eq!(status(Milestone::Feasibility), Some(MilestoneStatus::Done));
    assert_eq!(
        status(Milestone::RiskAssessment),
        Some(MilestoneStatus::Late)
    );
    assert_eq!(status(Milestone::Eia), Some(MilestoneStatus::DueSoon));
    assert_eq!(
        status(Milestone::LoanContract),
        Some(MilestoneStatus::NotStarted)
    );
    assert_eq!(
        status(Milestone::BondIssue),
        None,
        "no bond in this project"
    );
}

/// The pipeline's steps add up to the projects with a loan and to their loans; the
/// disbursement rate is drawn over contracted.
#[test]
fn the_pipeline_sums_to_the_projects() {
    let plan = demo_plan();
    let results = simulate_plan(&plan, None);
    let steps = loan_pipeline(&plan, &results, day("2026-11-15"));
    let with_loan: Vec<_> = plan
        .projects
        .iter()
        .filter(|p| p.financing.policy_loan > 0.0)
        .collect();
    assert_eq!(
        steps.iter().map(|s| s.projects).sum::<usize>(),
        with_loan.len()
    );
    let loans: f64 = with_loan
        .iter()
        .map(|p| {
            let r = results.projects.iter().find(|r| r.id == p.id).unwrap();
            r.investment.total() * p.financing.policy_loan
        })
        .sum();
    assert!(close(steps.iter().map(|s| s.amount).sum::<f64>(), loans));
    let rows = disbursement(
        &plan,
        &results,
        planner::model::Month::parse("2027-03").unwrap(),
    );
    let total = rows.last().unwrap();
    assert_eq!(total.district, None);
    let sum = |f: fn(&planner::analysis::readiness::Disbursement) -> f64| {
        rows[..rows.len() - 1].iter().map(f).sum::<f64>()
    };
    assert!(close(sum(|d| d.contracted), total.contracted));
    assert!(close(sum(|d| d.drawn), total.drawn));
}

/// A milestone dated before the one it comes after, done before it, or with a number not of
/// its form is refused by name; the plan stays as it was.
#[test]
fn milestones_out_of_order_or_misnumbered_are_refused() {
    let mut plan = one_project_plan();
    let before = plan.clone();
    let id = plan.projects[0].id.clone();
    let set = |m: Milestone, record: MilestoneRecord| Edit::SetMilestone {
        project: id.clone(),
        milestone: m,
        record,
    };
    // First draw before the contract (planned April): refused.
    let refused = plan
        .apply(&set(Milestone::LoanFirstDraw, planned("2027-03-01")))
        .unwrap_err();
    let message = refused.message(planner::i18n::Lang::Zh);
    assert!(
        message.contains("首笔放款") && message.contains("贷款合同签订"),
        "{message}"
    );
    // Done while the contract is not.
    assert!(plan
        .apply(&set(Milestone::LoanFirstDraw, done("2027-05-01")))
        .is_err());
    let bad = MilestoneRecord {
        number: "2026年第5号".into(),
        ..done("2026-08-01")
    };
    let message = plan
        .apply(&set(Milestone::Eia, bad))
        .unwrap_err()
        .message(planner::i18n::Lang::Zh);
    assert!(
        message.contains("2026年第5号") && message.contains("〔2026〕"),
        "{message}"
    );
    assert_eq!(plan, before);
    // In order and well numbered: taken, and undone exactly.
    let good = MilestoneRecord {
        number: "西环批复〔2026〕88号".into(),
        ..done("2026-08-01")
    };
    let undo = plan.apply(&set(Milestone::Eia, good)).unwrap();
    assert_eq!(
        plan.projects[0]
            .readiness
            .record(Milestone::Eia)
            .unwrap()
            .number,
        "西环批复〔2026〕88号"
    );
    plan.apply(&undo).unwrap();
    assert_eq!(plan, before);
}

/// An actual date after today is named where today is known (a county's file, a date typed).
#[test]
fn an_actual_date_in_the_future_is_named() {
    let mut plan = one_project_plan();
    plan.projects[0]
        .readiness
        .milestones
        .insert(Milestone::Eia, done("2026-12-20"));
    let issues = planner::validate::future_actuals(&plan.projects[0], day("2026-12-07"), 1);
    assert_eq!(issues.len(), 1);
    let m = issues[0].message(planner::i18n::Lang::Zh);
    assert!(m.contains("环评批复") && m.contains("2026-12-20"), "{m}");
}

/// The demo after the speech: X县西街 through every milestone that applies to it, six
/// central-city projects without their 征收决定, most loan contracts unsigned, one project's
/// bond coverage under 1.2 (a gate finding), and the city's three deadlines.
#[test]
fn the_demo_is_shaped_after_the_speech() {
    let plan = demo_plan();
    assert_eq!(planner::validate::validate(&plan), vec![]);
    let find = |name: &str| plan.projects.iter().find(|p| p.name == name).unwrap();
    let west = find("X县西街");
    for &m in Milestone::ALL {
        if planner::analysis::readiness::applies(west, m) {
            let r = west.readiness.record(m).unwrap_or_else(|| panic!("{m:?}"));
            assert!(r.actual.is_some() && !r.number.is_empty(), "{m:?}");
        }
    }
    let central_without: Vec<&str> = plan
        .projects
        .iter()
        .filter(|p| p.central_city && p.readiness.done(Milestone::ExpropriationDecision).is_none())
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(central_without.len(), 6, "{central_without:?}");
    for name in ["黄沙桥片区", "行政中心北侧", "杨峪河片区", "北新街东片区"] {
        assert!(central_without.contains(&name), "{name}");
    }
    let with_loan = plan
        .projects
        .iter()
        .filter(|p| p.financing.policy_loan > 0.0);
    let (signed, unsigned): (Vec<_>, Vec<_>) =
        with_loan.partition(|p| p.readiness.done(Milestone::LoanContract).is_some());
    assert!(unsigned.len() > 4 * signed.len(), "{} signed", signed.len());
    let results = simulate_plan(&plan, None);
    let found = gate_findings(&plan, &results, GateDates::Planned);
    let short: Vec<_> = found
        .iter()
        .filter(|f| {
            f.check
                .blockers
                .iter()
                .any(|b| matches!(b, Blocker::Coverage { need, .. } if *need == 1.2))
        })
        .collect();
    assert_eq!(short.len(), 1, "{short:?}");
    assert_eq!(short[0].name, "东岭县河坝城中村");
    assert_eq!(plan.deadlines.len(), 3);
    // The board's first deadline: risk assessments by the end of October, not all met.
    let states = planner::analysis::readiness::deadlines(&plan, day("2026-12-07"));
    assert!(
        states[0].met > 0 && states[0].met < states[0].applies,
        "{:?}",
        states[0]
    );
}

/// The version 8 fixture (the demo with its milestones, gates' default and deadlines) reads
/// and writes back byte for byte but for its version and its edits keyed by kind (version 9
/// also added the housing stock, empty here).
#[test]
fn the_version_8_fixture_round_trips() {
    const FIXTURE_V8: &str = include_str!("fixtures/plan-v8.json");
    let plan = planner::format::decode(FIXTURE_V8).unwrap();
    assert!(plan.housing.is_empty());
    assert_eq!(
        planner::format::encode(&plan),
        common::as_current(FIXTURE_V8)
    );
    assert!(plan.projects.iter().all(|p| !p.readiness.is_empty()));
    assert_eq!(plan.deadlines.len(), 3);
}

fn plan_sim(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_plan-sim"))
        .args(args)
        .output()
        .expect("plan-sim runs")
}

/// `--gates` prints the findings as JSON; `--gated` the results with money waiting (less
/// invested in 2027 than planned, the same in all), the findings on stderr.
#[test]
fn plan_sim_prints_the_gate_findings_and_the_gated_simulation() {
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/plan-v8.json");
    let out = plan_sim(&["--gates", fixture]);
    assert!(out.status.success());
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let plan = planner::format::decode(&std::fs::read_to_string(fixture).unwrap()).unwrap();
    let results = simulate_plan(&plan, None);
    assert_eq!(
        rows.len(),
        gate_findings(&plan, &results, GateDates::Planned).len()
    );
    assert!(rows.iter().any(|r| r["name"] == "东岭县河坝城中村"
        && r["source"] == "special_bond"
        && r["opens"].is_null()));
    let out = plan_sim(&["--gated", fixture]);
    assert!(out.status.success());
    let gated: planner::simulate::Results = serde_json::from_slice(&out.stdout).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("资金晚到"), "{stderr}");
    assert!(gated.years[0].investment.total() < results.years[0].investment.total() - 1.0);
    assert!(close(gated.totals.investment, results.totals.investment));
    assert!(close(gated.totals.borrowed, gated.totals.repaid));
}

/// A county's loan steps and the city's approvals of one project merge without conflict: each
/// milestone is a part of its own; the same milestone dated differently is a conflict.
#[test]
fn milestones_merge_step_by_step() {
    use planner::merge::Comparison;
    let base = demo_plan();
    let set = |plan: &Plan, m: Milestone, record: MilestoneRecord| {
        let mut p = plan.clone();
        p.apply(&Edit::SetMilestone {
            project: "p01".into(),
            milestone: m,
            record,
        })
        .unwrap();
        p
    };
    let ours = set(&base, Milestone::RiskAssessment, done("2026-11-20"));
    let theirs = set(&base, Milestone::LoanReview, done("2026-11-25"));
    let c = Comparison::new(Some(base.clone()), ours.clone(), theirs.clone());
    assert!(c.changes.iter().all(|ch| !ch.conflict), "{:?}", c.changes);
    let merged = c.merged(&vec![true; c.changes.len()]);
    let r = &merged.projects[0].readiness;
    assert_eq!(r.done(Milestone::RiskAssessment), Some(day("2026-11-20")));
    assert_eq!(r.done(Milestone::LoanReview), Some(day("2026-11-25")));
    let other = set(&base, Milestone::RiskAssessment, done("2026-11-21"));
    let c = Comparison::new(Some(base), ours, other);
    assert_eq!(c.changes.iter().filter(|ch| ch.conflict).count(), 1);
    let text = c.describe(&c.changes[0], planner::i18n::Lang::Zh);
    assert!(
        text.details[0].theirs.contains("2026年11月21日"),
        "{:?}",
        text.details
    );
}

/// X县's progress template carries a 前期手续 sheet of its projects' steps; filled in, its days
/// and numbers come back as milestone edits with the figures; a day before the step it
/// follows, an actual day after today or a number of no known form refuses the whole file,
/// naming the row.
#[test]
fn the_county_workbook_carries_milestones_all_or_nothing() {
    use calamine::{Data, Reader, Xlsx};
    use planner::progress_sheet::{read, template};
    let plan = demo_plan();
    let month = planner::model::Month::parse("2027-04").unwrap();
    let today = day("2027-05-03");
    let bytes = template(&plan, "X县", month, planner::i18n::Lang::Zh).unwrap();
    let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes.clone())).unwrap();
    assert!(wb.sheet_names().contains(&"前期手续".to_string()));
    let steps = wb.worksheet_range("前期手续").unwrap();
    let rows: Vec<Vec<String>> = steps
        .rows()
        .map(|r| r.iter().map(Data::to_string).collect())
        .collect();
    let west = rows
        .iter()
        .find(|r| r[1] == "X县西街" && r[2] == "贷款合同签订")
        .unwrap();
    assert_eq!(
        (west[4].as_str(), west[5].as_str()),
        ("2026-10-28", "GKH-HT-2026-011")
    );
    // Read back untouched: the steps change nothing.
    let file = read(&bytes, &plan, today, planner::i18n::Lang::Zh).unwrap();
    assert!(!file
        .edits
        .iter()
        .any(|e| matches!(e, Edit::SetMilestone { .. })));

    // The same sheet with 城南's loan applied for on 2027-04-20 (its paper), written again.
    let south = plan
        .projects
        .iter()
        .find(|p| p.name == "X县城南旧住宅小区")
        .unwrap()
        .id
        .clone();
    let progress = wb.worksheet_range("进度").unwrap();
    let write = |changes: &[(&str, &str, usize, &str)]| {
        let mut out = rust_xlsxwriter::Workbook::new();
        for (name, range) in [("进度", &progress), ("前期手续", &steps)] {
            let ws = out.add_worksheet().set_name(name).unwrap();
            for (r, row) in range.rows().enumerate() {
                for (c, d) in row.iter().enumerate() {
                    let mut text = d.to_string();
                    for &(id, step, col, v) in changes {
                        let here = row[0] == id && row.get(2).is_some_and(|s| *s == step);
                        if name == "前期手续" && here && c == col {
                            text = v.to_string();
                        }
                    }
                    match d {
                        Data::Float(v) if text == d.to_string() => {
                            ws.write_number(r as u32, c as u16, *v)
                        }
                        _ => ws.write_string(r as u32, c as u16, &text),
                    }
                    .unwrap();
                }
            }
        }
        out.save_to_buffer().unwrap()
    };
    let read_zh = |bytes: &[u8]| read(bytes, &plan, today, planner::i18n::Lang::Zh);
    let filled = write(&[
        (&south, "贷款申请", 4, "2027-04-20"),
        (&south, "贷款申请", 5, "GKH-SQ-2027-013"),
    ]);
    let file = read_zh(&filled).unwrap();
    let applied = file.edits.iter().find_map(|e| match e {
        Edit::SetMilestone {
            project,
            milestone: Milestone::LoanApplication,
            record,
        } if *project == south => Some(record.clone()),
        _ => None,
    });
    let applied = applied.expect("the application's edit");
    assert_eq!(
        (applied.actual, applied.number.as_str()),
        (Some(day("2027-04-20")), "GKH-SQ-2027-013")
    );
    // Reviewed before it was applied for: refused, naming the review's row; the whole file.
    let line = rows
        .iter()
        .position(|r| r[0] == south && r[2] == "贷款评审")
        .unwrap()
        + 1;
    let bad = write(&[
        (&south, "贷款申请", 4, "2027-04-20"),
        (&south, "贷款评审", 4, "2027-04-10"),
    ]);
    let problems = read_zh(&bad).unwrap_err();
    assert!(
        problems
            .iter()
            .any(|p| p.contains(&format!("第 {line} 行")) && p.contains("早于「贷款申请」")),
        "{problems:?}"
    );
    // Done after today, and a number of no form.
    let problems = read_zh(&write(&[(&south, "贷款申请", 4, "2027-06-01")])).unwrap_err();
    assert!(
        problems.iter().any(|p| p.contains("晚于今天")),
        "{problems:?}"
    );
    let problems = read_zh(&write(&[(&south, "环评批复", 5, "已批")])).unwrap_err();
    assert!(
        problems.iter().any(|p| p.contains("「已批」格式不对")),
        "{problems:?}"
    );
}

/// The 资金平衡方案 says, source by source, what the project's money waits for.
#[test]
fn the_fund_balance_plan_shows_readiness() {
    let plan = demo_plan();
    let hsq = plan
        .projects
        .iter()
        .find(|p| p.name == "黄沙桥片区")
        .unwrap();
    let fb = planner::fund_balance::fund_balance(&plan, &hsq.id, planner::i18n::Lang::Zh).unwrap();
    assert_eq!(fb.readiness.len(), 3, "{:?}", fb.readiness);
    assert!(fb
        .readiness
        .iter()
        .any(|l| l.starts_with("政策性银行贷款：")
            && l.contains("「贷款合同签订」预计2027年3月31日")));
    let west = plan.projects.iter().find(|p| p.name == "X县西街").unwrap();
    let fb = planner::fund_balance::fund_balance(&plan, &west.id, planner::i18n::Lang::Zh).unwrap();
    assert!(
        fb.readiness.iter().all(|l| l.ends_with("可按计划使用")),
        "{:?}",
        fb.readiness
    );
}

/// Before its risk assessment a project's loan waits for the assessment's day (its result read
/// as not high); with no day at all the loan cannot be planned.
#[test]
fn a_loan_waits_for_a_risk_assessment_not_yet_made() {
    let mut plan = one_project_plan();
    let r = &mut plan.projects[0].readiness;
    r.risk = None;
    r.milestones
        .insert(Milestone::LoanContract, done("2026-12-20"));
    r.milestones
        .insert(Milestone::RiskAssessment, planned("2027-05-10"));
    let results = simulate_plan(&plan, None);
    let found = gate_findings(&plan, &results, GateDates::Planned);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].check.late_months, 4);
    assert_eq!(
        found[0].check.blockers,
        vec![Blocker::Milestone {
            milestone: Milestone::RiskAssessment,
            expected: Some(day("2027-05-10"))
        }]
    );
    plan.projects[0]
        .readiness
        .milestones
        .remove(&Milestone::RiskAssessment);
    let found = gate_findings(&plan, &results, GateDates::Planned);
    assert_eq!(found[0].check.opens, None);
}

/// Approvals two months late (61 days): the contract of 15 April comes 15 June, the money five
/// months after January instead of three. A gated view builds 7 of its 30 months in 2027
/// (525 万元, not 675); a view that does not wait for gates moves by the two months the slip
/// adds (750, not 900). Earlier than planned moves nothing.
#[test]
fn approvals_late_move_the_schedule_by_the_months_the_money_comes_later() {
    use planner::risk::{what_if, RiskDriver};
    let plan = one_project_plan();
    let inv = |r: &planner::simulate::Results| r.years[0].investment.total();
    let gated_view = plan.resolve(Some(&gated(GateDates::Planned))).plan;
    let slip = |v: &Plan, months: f64| inv(&what_if(v, &[(RiskDriver::ApprovalSlip, months)]));
    assert!(close(slip(&gated_view, 0.0), 675.0));
    assert!(
        close(slip(&gated_view, 2.0), 525.0),
        "{}",
        slip(&gated_view, 2.0)
    );
    assert!(close(slip(&gated_view, -2.0), 675.0));
    assert!(close(slip(&plan, 2.0), 750.0), "{}", slip(&plan, 2.0));
    // A project whose contract is signed does not move however late the rest would come.
    let mut signed = plan.clone();
    signed.projects[0]
        .readiness
        .milestones
        .insert(Milestone::LoanContract, done("2026-12-20"));
    assert!(close(slip(&signed, 6.0), 900.0));
}

/// The odds that money comes too late for the year's starts, by hand: the contract of 15 April
/// opens the money after the 2027 deadline of 30 November only from 1 December, 230 days on;
/// approvals drawn from the triangle (0, 0, 12 months) are that late (≥ 229.5 / 30.4375 =
/// 7.540 months) with probability ((12 − 7.540) / 12)² = 0.1381.
#[test]
fn the_odds_that_money_comes_too_late_for_the_years_starts() {
    use planner::calc::readiness::Deadline;
    use planner::risk::{run, start_deadline, Range, RiskDriver, RiskSettings};
    let mut plan = one_project_plan();
    plan.deadlines = vec![Deadline {
        label: "项目开工".into(),
        milestone: Some(Milestone::ConstructionPermit),
        day: day("2027-11-30"),
    }];
    assert_eq!(
        start_deadline(&plan, 2027),
        planner::model::Month::parse("2027-11").unwrap()
    );
    assert_eq!(
        start_deadline(&plan, 2028),
        planner::model::Month::parse("2028-12").unwrap()
    );
    // `draws` draws with approvals late by the triangle (0, 0, `high`) months.
    let slipping = |draws: u32, high: f64| {
        RiskSettings {
            draws,
            ..Default::default()
        }
        .with_range(
            RiskDriver::ApprovalSlip,
            Range {
                low: 0.0,
                mode: 0.0,
                high,
            },
        )
    };
    let s = run(&plan, &slipping(4_000, 12.0));
    let y = s.late_start.iter().find(|l| l.year == 2027).unwrap();
    assert_eq!((y.households, y.now), (100, 0));
    let expected = ((12.0 - 229.5 / 30.4375) / 12.0_f64).powi(2);
    assert!((expected - 0.1381).abs() < 1e-4, "{expected}");
    assert!((y.p_late - expected).abs() < 0.02, "{}", y.p_late);
    assert_eq!((y.late.p50, y.late.p90), (0.0, 100.0));
    // No slip at all: never late.
    let y = run(&plan, &slipping(50, 0.0)).late_start[0].clone();
    assert_eq!((y.year, y.p_late), (2027, 0.0));
}

/// A slip's range is in months from 0 to 24: earlier is refused, named.
#[test]
fn an_approval_slip_range_is_months_late() {
    use planner::risk::{Range, RiskDriver, RiskSettings};
    let bad = RiskSettings::default().with_range(
        RiskDriver::ApprovalSlip,
        Range {
            low: -1.0,
            mode: 1.0,
            high: 6.0,
        },
    );
    assert_eq!(bad.problems().len(), 1);
    let fine = RiskSettings::default().with_range(
        RiskDriver::ApprovalSlip,
        Range {
            low: 0.0,
            mode: 3.0,
            high: 24.0,
        },
    );
    assert!(fine.problems().is_empty());
}

/// The monthly report's 前期手续 by hand for the one project: six steps done on 30 September
/// 2026, the loan contract planned 15 April 2027. At the end of May 2027 the contract is late
/// and the money waits for it; once signed on 10 May it is done in the month, 1,800 万元 of loan
/// (80 % of 2,250) contracted and nothing waits.
#[test]
fn the_monthly_report_shows_readiness_at_the_months_end() {
    use planner::analysis::readiness::month_readiness;
    use planner::model::Month;
    let mut plan = one_project_plan();
    let totals: Vec<_> = plan
        .projects
        .iter()
        .map(|p| planner::costs::project_costs(p, &plan.assumptions).total)
        .collect();
    let applicable = Milestone::ALL
        .iter()
        .filter(|&&m| planner::analysis::readiness::applies(&plan.projects[0], m))
        .count();
    let may = Month::parse("2027-05").unwrap();
    let city = |plan: &Plan, month| month_readiness(plan, &totals, month).pop().unwrap();
    let m = city(&plan, may);
    assert_eq!(m.district, None);
    assert_eq!(
        (m.projects, m.steps, m.done, m.done_in_month, m.late),
        (1, applicable, 6, 0, 1)
    );
    assert_eq!((m.decided, m.contracts, m.held), (0, 0, 1));
    let september = city(&plan, Month::parse("2026-09").unwrap());
    assert_eq!(
        (september.done, september.done_in_month, september.held),
        (6, 6, 0)
    );

    plan.projects[0]
        .readiness
        .milestones
        .insert(Milestone::LoanContract, done("2027-05-10"));
    let m = city(&plan, may);
    assert_eq!((m.done, m.done_in_month, m.late, m.contracts), (7, 1, 0, 1));
    assert!(close(m.contracted, 1_800.0), "{}", m.contracted);
    assert_eq!(m.held, 0);
    assert_eq!(m.disbursement_rate(), Some(0.0));
    // April: not yet signed, so not contracted.
    assert_eq!(city(&plan, Month::parse("2027-04").unwrap()).contracts, 0);
}
