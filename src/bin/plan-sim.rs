//! plan-sim: reads a plan document (the JSON the app exports) and prints the simulation results,
//! the reference for checking figures outside the browser.
//!
//! Usage: plan-sim [--csv] [--scenario NAME] [--risk N] [--optimize] [--progress YYYY-MM] PLAN.json
//! `--progress YYYY-MM`: the month's plan against actual (per project, district, zone and city)
//! and the ranking by 开工率, as JSON (the figures of the 进度 page).
//! `--forecast YYYY-MM`: the results of the forecast scenario from the actuals to that month
//! (按实际进度预测: the plan's scenario made fresh, docs/model.md), as JSON.
//! `--risk N`: N Monte Carlo draws with the plan's ranges and seed; the percentiles and
//! probabilities as JSON (the same figures as the browser's 风险 page).
//! `--optimize`: the plan document with the cheapest mix that meets every target and cap added
//! as its last scenario, on stdout; the summary (objective before and after, what binds) on
//! stderr.
//! `--gates`: every source of money planned before its gate can open (前期手续), as JSON: the
//! project, the source, the months late, what blocks it and the sentence the board shows.
//! `--gated`: the results with each project's money waiting for its gates (by the plan's
//! dates, or by actual dates as things stand with `--gated actual`), as JSON; the findings as
//! lines on stderr.
//! `--housing`: demand against the housing stock (房源库) per planned year and district, each
//! district's 消化周期, and the findings with their messages, as JSON.
//! `--assess YYYY-MM|YYYY-Qn|YYYY`: the period's scores (考核) of every district and every
//! 包抓领导 under the plan's scheme, line by line, ranked; the 督办清单 and the 逾期未回迁
//! register at the period's last month, as JSON.
//! `--sheets BOOK.xlsx`: every sheet of a workbook (one the app made) as its rows of cells,
//! numbers as numbers, as JSON: what Excel reads from the file, for checking it against the page.
//! Invalid input: exit code 1, the messages on stderr, nothing on stdout.

use std::process::ExitCode;

use planner::edit::Scenario;
use planner::format::decode_reporting;
use planner::i18n::Lang;
use planner::i18n::Text;
use planner::plan::Plan;
use planner::report::{results_json, yearly_csv};
use planner::simulate::simulate_plan;
use planner::validate::validate;

fn main() -> ExitCode {
    let mut csv = false;
    let mut scenario: Option<String> = None;
    let mut path: Option<String> = None;
    let mut risk: Option<u32> = None;
    let mut optimize = false;
    let mut progress: Option<planner::model::Month> = None;
    let mut forecast: Option<planner::model::Month> = None;
    let mut gates = false;
    let mut housing = false;
    let mut gated: Option<planner::gates::GateDates> = None;
    let mut assess: Option<planner::calc::assessment::Period> = None;
    let mut args = std::env::args().skip(1).peekable();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--csv" => csv = true,
            "--scenario" => scenario = args.next(),
            "--optimize" => optimize = true,
            "--gates" => gates = true,
            "--housing" => housing = true,
            "--gated" => {
                use planner::gates::GateDates;
                gated = Some(match args.peek().map(String::as_str) {
                    Some("actual") => {
                        args.next();
                        GateDates::Actual
                    }
                    Some("planned") => {
                        args.next();
                        GateDates::Planned
                    }
                    _ => GateDates::Planned,
                });
            }
            "--progress" | "--forecast" => {
                let Some(m) = args
                    .next()
                    .as_deref()
                    .and_then(planner::model::Month::parse)
                else {
                    return fail(&format!("{a} 后应为月份，如 2027-03"));
                };
                if a == "--progress" {
                    progress = Some(m);
                } else {
                    forecast = Some(m);
                }
            }
            "--assess" => {
                match args
                    .next()
                    .as_deref()
                    .and_then(planner::calc::assessment::Period::parse)
                {
                    Some(p) => assess = Some(p),
                    None => {
                        return fail("--assess 后应为月份、季度或年份，如 2027-03、2027-Q1、2027")
                    }
                }
            }
            "--risk" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) => risk = Some(n),
                None => return fail("--risk 后应为模拟次数（正整数）"),
            },
            "--sheets" => {
                return match args.next() {
                    Some(book) => sheets_run(&book),
                    None => fail("--sheets 后应为 Excel 工作簿文件"),
                };
            }
            "-h" | "--help" => {
                println!("usage: plan-sim [--csv] [--scenario NAME] [--risk N] [--progress YYYY-MM] [--forecast YYYY-MM] [--gates] [--gated [planned|actual]] [--housing] [--assess PERIOD] PLAN.json | --sheets BOOK.xlsx");
                return ExitCode::SUCCESS;
            }
            _ if path.is_none() => path = Some(a),
            _ => return fail(&format!("多余的参数：{a}")),
        }
    }
    let Some(path) = path else {
        return fail("用法：plan-sim [--csv] [--scenario 情景名称] [--risk 模拟次数] 方案.json");
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => return fail(&format!("无法读取文件 {path}：{e}")),
    };
    let plan = match decode_reporting(&text) {
        Ok(d) => {
            // Unknown fields are not an error, but their values are not used: say so.
            for path in &d.unknown_fields {
                eprintln!("{}", Text::WarnUnknownField.fill(Lang::Zh, &[path]));
            }
            d.plan
        }
        Err(e) => return fail(&e.message(Lang::Zh)),
    };
    let issues = validate(&plan);
    if !issues.is_empty() {
        for i in &issues {
            eprintln!("{}", i.message(Lang::Zh));
        }
        return ExitCode::FAILURE;
    }
    let chosen = match scenario.as_deref() {
        None => None,
        Some(name) => match plan
            .scenarios
            .iter()
            .find(|s| s.name == name || s.id == name)
        {
            Some(s) => Some(s),
            None => return fail(&format!("方案中没有名为「{name}」的情景")),
        },
    };
    if let Some(draws) = risk {
        return risk_run(&plan, chosen, draws);
    }
    if let Some(month) = progress {
        let view = plan.resolve(chosen).plan;
        let report = planner::progress::progress_report(&view, month);
        println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("a report serializes")
        );
        return ExitCode::SUCCESS;
    }
    if let Some(month) = forecast {
        return forecast_run(&plan, month);
    }
    if optimize {
        let chosen = chosen.cloned();
        return optimize_run(plan.clone(), chosen);
    }
    if gates || gated.is_some() {
        return gates_run(&plan, chosen, gated);
    }
    if housing {
        return housing_run(&plan, chosen);
    }
    if let Some(period) = assess {
        use planner::analysis::assessment::{assess, overdue_register, supervision_list};
        let view = plan.resolve(chosen).plan;
        let end = period.end();
        let out = serde_json::json!({
            "assessment": assess(&view, period),
            "supervision": supervision_list(&view, end),
            "overdue": overdue_register(&view, end),
        });
        println!("{}", serde_json::to_string_pretty(&out).expect("JSON"));
        return ExitCode::SUCCESS;
    }
    let results = simulate_plan(&plan, chosen);
    if csv {
        print!("{}", yearly_csv(&results, Lang::Zh));
    } else {
        println!("{}", results_json(&results));
    }
    ExitCode::SUCCESS
}

/// `--sheets BOOK.xlsx`: each sheet's name and rows, numbers as numbers, empty cells as null.
fn sheets_run(path: &str) -> ExitCode {
    use calamine::{Data, Reader};
    let mut book = match calamine::open_workbook_auto(path) {
        Ok(b) => b,
        Err(e) => return fail(&format!("无法读取工作簿 {path}：{e}")),
    };
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let Ok(range) = book.worksheet_range(&name) else {
            return fail(&format!("无法读取工作表 {name}"));
        };
        let rows: Vec<Vec<serde_json::Value>> = range
            .rows()
            .map(|r| {
                r.iter()
                    .map(|c| match c {
                        Data::Empty => serde_json::Value::Null,
                        Data::Float(v) => serde_json::json!(v),
                        Data::Int(v) => serde_json::json!(v),
                        Data::Bool(v) => serde_json::json!(v),
                        other => serde_json::json!(other.to_string()),
                    })
                    .collect()
            })
            .collect();
        out.push(serde_json::json!({ "name": name, "rows": rows }));
    }
    println!("{}", serde_json::to_string_pretty(&out).expect("JSON"));
    ExitCode::SUCCESS
}

/// `--forecast YYYY-MM`: the results of the forecast scenario from the actuals to that month,
/// made as the app's 按实际进度预测 makes it, as JSON.
fn forecast_run(plan: &Plan, month: planner::model::Month) -> ExitCode {
    let scenario = Scenario {
        id: "forecast".into(),
        name: Text::ForecastScenarioName.tr(Lang::Zh).into(),
        note: String::new(),
        edits: planner::rolling::forecast_edits(plan, month),
        forecast: true,
        gated: Some(planner::gates::GateDates::Actual),
    };
    println!("{}", results_json(&simulate_plan(plan, Some(&scenario))));
    ExitCode::SUCCESS
}

/// `--gates`: the gate findings as JSON; `--gated`: the gated results as JSON, the findings on
/// stderr. The findings read the chosen scenario's figures (coverage, monetized rate).
fn gates_run(
    plan: &Plan,
    chosen: Option<&Scenario>,
    gated: Option<planner::gates::GateDates>,
) -> ExitCode {
    use planner::analysis::readiness::gate_findings;
    use planner::gates::GateDates;
    let view = plan.resolve(chosen).plan;
    let results = simulate_plan(&view, None);
    let dates = gated.unwrap_or(GateDates::Planned);
    let findings = gate_findings(&view, &results, dates);
    let Some(dates) = gated else {
        let rows: Vec<serde_json::Value> = findings
            .iter()
            .map(|f| {
                serde_json::json!({
                    "project": f.project,
                    "name": f.name,
                    "district": f.district,
                    "source": f.check.instrument.key(),
                    "planned_from": f.check.planned_from.key(),
                    "opens": f.check.opens.map(|m| m.key()),
                    "late_months": f.check.late_months,
                    "blockers": f.check.blockers.iter().map(|b| b.message(Lang::Zh)).collect::<Vec<_>>(),
                    "message": f.message(Lang::Zh),
                })
            })
            .collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&rows).expect("findings serialize")
        );
        return ExitCode::SUCCESS;
    };
    for f in &findings {
        eprintln!("{}", f.message(Lang::Zh));
    }
    let scenario = Scenario {
        gated: Some(dates),
        ..chosen.cloned().unwrap_or_else(|| Scenario {
            id: "gated".into(),
            name: dates.label().tr(Lang::Zh).into(),
            note: String::new(),
            edits: Vec::new(),
            forecast: false,
            gated: None,
        })
    };
    println!("{}", results_json(&simulate_plan(plan, Some(&scenario))));
    ExitCode::SUCCESS
}

/// `--housing`: demand against stock, the 消化周期 of each district with sales, the findings.
fn housing_run(plan: &Plan, chosen: Option<&Scenario>) -> ExitCode {
    use planner::analysis::housing::{cycle_months, demand_vs_stock, housing_findings};
    let view = plan.resolve(chosen).plan;
    let results = simulate_plan(&view, None);
    let cycles: Vec<serde_json::Value> = view
        .districts()
        .into_iter()
        .filter_map(|d| {
            let months = cycle_months(&view.housing, &d)?;
            Some(serde_json::json!({ "district": d, "months": months }))
        })
        .collect();
    let findings: Vec<serde_json::Value> = housing_findings(&view, &results)
        .iter()
        .map(|f| {
            let mut v = serde_json::to_value(f).expect("a finding serializes");
            v["message"] = f.message(Lang::Zh).into();
            v
        })
        .collect();
    let out = serde_json::json!({
        "rows": demand_vs_stock(&view),
        "cycles": cycles,
        "findings": findings,
    });
    println!(
        "{}",
        serde_json::to_string_pretty(&out).expect("serializes")
    );
    ExitCode::SUCCESS
}

/// `--risk N`: the plan's (or the scenario's) Monte Carlo summary with N draws, as JSON.
fn risk_run(plan: &Plan, chosen: Option<&Scenario>, draws: u32) -> ExitCode {
    if planner::risk::DRAWS_BOUNDS
        .check(f64::from(draws))
        .is_some()
    {
        return fail("模拟次数应在 1 至 100000 之间");
    }
    let view = plan.resolve(chosen).plan;
    let settings = planner::risk::RiskSettings {
        draws,
        ..plan.risk.clone()
    };
    let summary = planner::risk::run(&view, &settings);
    println!(
        "{}",
        serde_json::to_string_pretty(&summary).expect("a summary serializes")
    );
    ExitCode::SUCCESS
}

/// `--optimize`: the document with the optimum as its last scenario; the summary on stderr.
fn optimize_run(mut plan: Plan, chosen: Option<Scenario>) -> ExitCode {
    use planner::optimize::{optimize, scenario};
    let settings = plan.optimize.clone();
    let view = plan.resolve(chosen.as_ref()).plan;
    let answer = optimize(&view, &settings);
    if !answer.feasible {
        // A refusal: what must give, each limit with its least relaxation; no objective.
        eprintln!("{}", Text::OptimizeInfeasible.tr(Lang::Zh));
        for b in answer.binding.iter().filter(|b| b.relaxed > 1e-6) {
            eprintln!("{}", b.describe(settings.objective, Lang::Zh));
        }
        return fail(Text::OptimumInfeasible.tr(Lang::Zh));
    }
    eprintln!(
        "{}",
        Text::OptimumNote.fill(
            Lang::Zh,
            &[
                &planner::i18n::fmt_wan(answer.before),
                &planner::i18n::fmt_wan(answer.after)
            ]
        )
    );
    for b in &answer.binding {
        eprintln!("{}", b.describe(settings.objective, Lang::Zh));
    }
    let s = scenario(&plan, chosen.as_ref(), &view, &answer, &settings, Lang::Zh);
    plan.scenarios.push(s);
    print!("{}", planner::format::encode(&plan));
    ExitCode::SUCCESS
}

fn fail(message: &str) -> ExitCode {
    eprintln!("{message}");
    ExitCode::FAILURE
}
