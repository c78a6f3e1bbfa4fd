//! Risk: the tornado, the what-if and the Monte Carlo run — zero-width ranges give the
//! deterministic figures exactly, a seed gives the same run, a driver with nothing to move has
//! no swing, and a linear driver's effect grows monotonely with its step.

use planner::demo::demo_plan;
use planner::model::FinancingMix;
use planner::plan::Plan;
use planner::risk::{
    percentile, run, spearman, tornado, what_if, Measure, Range, RiskDriver, RiskSettings, Run,
};
use planner::simulate::simulate_plan;

fn zero_width(plan: &Plan) -> RiskSettings {
    let mut s = RiskSettings {
        draws: 200,
        ..Default::default()
    };
    for d in RiskDriver::ALL {
        s = s.with_range(
            d,
            Range {
                low: 0.0,
                mode: 0.0,
                high: 0.0,
            },
        );
    }
    let _ = plan;
    s
}

#[test]
fn zero_width_ranges_give_the_deterministic_result_exactly() {
    let plan = demo_plan();
    let s = run(&plan, &zero_width(&plan));
    let r = simulate_plan(&plan, None);
    assert_eq!(s.fiscal_pv.p50, r.totals.fiscal_burden_pv);
    assert_eq!(s.fiscal_pv.p10, r.totals.fiscal_burden_pv);
    assert_eq!(s.fiscal_pv.p90, r.totals.fiscal_burden_pv);
    assert_eq!(s.peak_fiscal.p50, r.totals.peak_fiscal_burden);
    assert_eq!(s.max_ppp_share.p50, r.totals.max_ppp_share);
    for (band, year) in s.fiscal.iter().zip(&r.years) {
        assert_eq!(band.p50, year.fiscal.total());
    }
    // A certain outcome has probability 0 or 1.
    let breached = r
        .years
        .iter()
        .any(|y| y.ppp_share > plan.assumptions.ppp_cap);
    assert_eq!(s.p_ppp_cap, if breached { 1.0 } else { 0.0 });
    assert!(s.influence.iter().all(|(_, rho)| *rho == 0.0));
}

#[test]
fn the_same_seed_gives_the_same_run_however_it_is_cut() {
    let plan = demo_plan();
    let settings = RiskSettings {
        draws: 300,
        ..Default::default()
    };
    let whole = run(&plan, &settings);
    assert_eq!(whole, run(&plan, &settings));
    let mut chunked = Run::new(&plan, &settings);
    while !chunked.step(7) {}
    assert_eq!(chunked.summary(), whole);
    let other = run(
        &plan,
        &RiskSettings {
            seed: 1,
            ..settings.clone()
        },
    );
    assert_ne!(other.fiscal_pv, whole.fiscal_pv);
    // Uncertain drivers spread the outcome; the bands are ordered.
    assert!(whole.fiscal_pv.p10 < whole.fiscal_pv.p50 && whole.fiscal_pv.p50 < whole.fiscal_pv.p90);
    for b in &whole.fiscal {
        assert!(b.p10 <= b.p50 && b.p50 <= b.p90);
    }
    assert!((0.0..=1.0).contains(&whole.p_ppp_cap));
}

#[test]
fn a_driver_with_nothing_to_move_has_no_swing() {
    let mut plan = demo_plan();
    // No bonds anywhere: the bond rate moves nothing.
    for p in &mut plan.projects {
        let f = p.financing;
        p.financing = FinancingMix {
            policy_loan: f.policy_loan + f.special_bond,
            special_bond: 0.0,
            ..f
        };
    }
    for m in Measure::ALL {
        let (_, bars) = tornado(&plan, m);
        assert_eq!(bars.len(), RiskDriver::ALL.len());
        let bond = bars
            .iter()
            .find(|b| b.driver == RiskDriver::BondRate)
            .unwrap();
        assert_eq!(bond.swing, 0.0, "{m:?}");
    }
    // Sorted by swing, widest first.
    let (_, bars) = tornado(&plan, Measure::FiscalPv);
    assert!(bars.windows(2).all(|w| w[0].swing >= w[1].swing));
    assert!(bars[0].swing > 0.0);
}

#[test]
fn a_linear_drivers_effect_grows_with_its_step() {
    let plan = demo_plan();
    let (base, bars) = tornado(&plan, Measure::FiscalPv);
    for d in [
        RiskDriver::CompensationPrice,
        RiskDriver::ConstructionCost,
        RiskDriver::TransitionFee,
    ] {
        let bar = bars.iter().find(|b| b.driver == d).unwrap();
        let [m20, m10, p10, p20] = bar.values;
        // Costs raise the burden: −20 % < −10 % < base < +10 % < +20 %, evenly.
        assert!(
            m20 < m10 && m10 < base && base < p10 && p10 < p20,
            "{d:?}: {:?} {base}",
            bar.values
        );
        // Roughly even steps (land revenue offsets and caps bend it a little).
        let step = p10 - base;
        assert!(
            ((p20 - p10) - step).abs() < 0.1 * step.abs(),
            "{d:?} is near linear"
        );
        assert!(
            ((base - m10) - step).abs() < 0.1 * step.abs(),
            "{d:?} is near linear"
        );
    }
    // The what-if at +10 % is the tornado's +10 % value.
    let r = what_if(&plan, &[(RiskDriver::CompensationPrice, 0.1)]);
    let bar = bars
        .iter()
        .find(|b| b.driver == RiskDriver::CompensationPrice)
        .unwrap();
    assert_eq!(r.totals.fiscal_burden_pv, bar.values[2]);
}

#[test]
fn ranges_out_of_order_or_bounds_are_refused_and_a_plan_keeps_them() {
    let mut plan = demo_plan();
    let bad = plan.risk.with_range(
        RiskDriver::LoanRate,
        Range {
            low: 0.2,
            mode: 0.0,
            high: 0.1,
        },
    );
    let refused = plan
        .apply(&planner::edit::Edit::SetRisk {
            risk: Box::new(bad),
        })
        .unwrap_err();
    let msg = refused.message(planner::i18n::Lang::Zh);
    assert!(
        msg.contains("政策性银行贷款利率") && msg.contains("最低 ≤ 最可能 ≤ 最高"),
        "{msg}"
    );
    let far = plan.risk.with_range(
        RiskDriver::LandRevenue,
        Range {
            low: -5.0,
            mode: 0.0,
            high: 0.1,
        },
    );
    assert!(plan
        .apply(&planner::edit::Edit::SetRisk {
            risk: Box::new(far)
        })
        .is_err());
    assert_eq!(plan.risk, RiskSettings::default());
    let good = plan.risk.with_range(
        RiskDriver::LandRevenue,
        Range {
            low: -0.6,
            mode: -0.1,
            high: 0.0,
        },
    );
    plan.apply(&planner::edit::Edit::SetRisk {
        risk: Box::new(good.clone()),
    })
    .unwrap();
    let back = planner::format::decode(&planner::format::encode(&plan)).unwrap();
    assert_eq!(back.risk, good);
    // A file with a hostile range is refused on import, naming the driver.
    let mut hostile = plan.clone();
    hostile.risk.ranges = vec![(
        RiskDriver::BondRate,
        Range {
            low: 0.5,
            mode: 0.0,
            high: -0.5,
        },
    )];
    let text = planner::format::encode(&hostile);
    let err = planner::format::import(text.as_bytes()).unwrap_err();
    assert!(err.message(planner::i18n::Lang::Zh).contains("专项债利率"));
}

#[test]
fn statistics_by_hand() {
    assert_eq!(percentile(&[1.0, 2.0, 3.0, 4.0, 5.0], 0.5), 3.0);
    assert_eq!(percentile(&[1.0, 2.0, 3.0, 4.0, 5.0], 0.1), 1.4);
    assert_eq!(percentile(&[7.0; 9], 0.9), 7.0);
    assert_eq!(spearman(&[1.0, 2.0, 3.0], &[10.0, 20.0, 30.0]), 1.0);
    assert_eq!(spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]), -1.0);
    assert_eq!(spearman(&[1.0, 1.0, 1.0], &[3.0, 2.0, 1.0]), 0.0);
    let t = Range {
        low: -0.1,
        mode: 0.0,
        high: 0.2,
    };
    assert_eq!(t.quantile(0.0), -0.1);
    assert!(
        (t.quantile(1.0 / 3.0) - 0.0).abs() < 1e-12,
        "the mode at F(mode) = 1/3"
    );
    assert!((t.quantile(0.999_999_999) - 0.2).abs() < 1e-4);
}

/// The two drivers of issue 25's inputs: the PPP retained-risk cost (city-wide ratios and every
/// project's own, ratios or scenario amounts) and the project income besides land sales, each
/// moved by its change and nothing else.
#[test]
fn ppp_risk_and_other_income_move_by_their_change() {
    use planner::risk_settings::RiskDriver;
    let plan = planner::demo::demo_plan();
    let run = |driver: RiskDriver, change: f64| {
        let (mut a, mut projects) = (plan.assumptions.clone(), plan.projects.clone());
        driver.apply(&mut a, &mut projects, &plan.gates, change);
        planner::simulate::simulate(&a, &projects, plan.first_year)
    };
    let base = run(RiskDriver::PppRisk, 0.0);
    let sum = |r: &planner::simulate::Results, f: fn(&planner::simulate::YearResult) -> f64| {
        r.years.iter().map(f).sum::<f64>()
    };
    let risk = |r: &planner::simulate::Results| sum(r, |y| y.ppp_spending.risk);
    assert!(risk(&base) > 0.0);
    let dearer = run(RiskDriver::PppRisk, 0.5);
    assert!((risk(&dearer) - 1.5 * risk(&base)).abs() < 1e-6 * risk(&base));
    let equity = |r: &planner::simulate::Results| sum(r, |y| y.ppp_spending.equity);
    assert_eq!(equity(&dearer), equity(&base));
    let income = |r: &planner::simulate::Results| sum(r, |y| y.other_income);
    let less = run(RiskDriver::OtherIncome, -0.4);
    assert!((income(&less) - 0.6 * income(&base)).abs() < 1e-6 * income(&base));
    assert_eq!(
        sum(&less, |y| y.land_revenue),
        sum(&base, |y| y.land_revenue)
    );
}

/// The tornado names every driver on its axis: ECharts skipped every other one where they crowd.
#[test]
fn the_tornado_names_every_driver() {
    let (base, bars) = tornado(&demo_plan(), Measure::FiscalPv);
    let chart = planner::risk_charts::tornado_chart(
        base,
        &bars,
        Measure::FiscalPv,
        planner::i18n::Lang::Zh,
    );
    let json: serde_json::Value = serde_json::from_str(&chart.to_string()).unwrap();
    let y = json["yAxis"].get(0).unwrap_or(&json["yAxis"]);
    assert_eq!(y["axisLabel"]["interval"], 0.0);
    assert_eq!(y["data"].as_array().unwrap().len(), bars.len());
}
