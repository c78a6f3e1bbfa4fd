//! Numbers a finance bureau can sign: PPP and service-purchase timing, bounded inputs, unknown
//! fields, whole households (regression tests of the independent re-implementation's findings).

use planner::costs::project_costs;
use planner::demo::demo_plan;
use planner::fields::{AssumptionKey, FieldKind, ProjectField, Value};
use planner::format::{decode_reporting, encode, import};
use planner::model::*;
use planner::rules::{findings, RuleId, Severity};
use planner::simulate::{simulate, simulate_plan};
use planner::validate::validate;
use proptest::prelude::*;

/// The example: one infrastructure project, no households, 10,000 万元, planned 2027,
/// 20 % capital fund / 40 % service purchase / 40 % PPP.
fn infrastructure(months: f64, extra_months: f64) -> Project {
    let mut p = demo_plan().new_project("管网");
    p.kind = ProjectType::Infrastructure;
    p.infrastructure_cost = 10_000.0;
    p.financing = FinancingMix {
        capital_fund: 0.2,
        policy_loan: 0.0,
        service_purchase: 0.4,
        ppp: 0.4,
        special_bond: 0.0,
    };
    p.costs.construction_months = Some(months);
    p.costs.transition_extra_months = Some(extra_months);
    p
}

fn first_year_with(
    r: &planner::simulate::Results,
    f: impl Fn(&planner::simulate::YearResult) -> bool,
) -> i32 {
    r.years.iter().find(|y| f(y)).map(|y| y.year).unwrap()
}

#[test]
fn ppp_payments_start_the_year_after_construction_completes() {
    let a = Assumptions::default();
    for (months, completes) in [(12.0, 2027), (24.0, 2028), (30.0, 2029)] {
        for extra in [0.0, 4.0, 18.0] {
            let r = simulate(&a, &[infrastructure(months, extra)], 2027);
            let ppp = first_year_with(&r, |y| y.fiscal.by_instrument.ppp > 0.0);
            assert_eq!(ppp, completes + 1, "{months} months + {extra}");
            let last_investment = r
                .years
                .iter()
                .rev()
                .find(|y| y.investment.total() > 0.0)
                .unwrap();
            assert_eq!(last_investment.year, completes, "{months} months");
        }
    }
}

#[test]
fn transition_months_in_kind_never_delay_ppp_or_service_principal() {
    let a = Assumptions::default();
    // Households in kind: their transition fees run 18 months past handover, into a year
    // without construction; PPP still starts the year after completion.
    let mut p = infrastructure(24.0, 18.0);
    p.households = 100;
    p.area_m2 = 8_000.0;
    let c = project_costs(&p, &a);
    assert_eq!(c.by_year.len(), 4, "fees reach 2030");
    assert_eq!(c.completion_offset, 1);
    let r = simulate(&a, &[p], 2027);
    assert_eq!(
        first_year_with(&r, |y| y.fiscal.by_instrument.ppp > 0.0),
        2029
    );
    // Service purchase: interest only in 2027–2028, principal from 2029.
    let principal_years: Vec<i32> = r
        .years
        .iter()
        .filter(|y| y.debt.service_purchase > 0.0)
        .map(|y| y.year)
        .collect();
    let outstanding = |year: i32| {
        r.years
            .iter()
            .find(|y| y.year == year)
            .unwrap()
            .debt
            .service_purchase
    };
    assert!(outstanding(2029) < outstanding(2028), "{principal_years:?}");
}

#[test]
fn nothing_to_build_completes_in_its_first_year() {
    let mut p = infrastructure(24.0, 0.0);
    p.infrastructure_cost = 0.0;
    p.households = 10;
    p.area_m2 = 900.0;
    p.resettlement = ResettlementMix {
        cash: 1.0,
        self_purchase: 0.0,
        government_purchase: 0.0,
        new_build: 0.0,
        voucher: 0.0,
    };
    let a = Assumptions::default();
    assert_eq!(project_costs(&p, &a).completion_offset, 0);
    let r = simulate(&a, &[p], 2027);
    assert_eq!(
        first_year_with(&r, |y| y.fiscal.by_instrument.ppp > 0.0),
        2028
    );
}

#[test]
fn availability_payments_for_new_projects_are_flagged_under_the_new_mechanism() {
    let plan = demo_plan();
    let r = simulate_plan(&plan, None);
    let f = findings(&plan.assumptions, &r);
    let flagged: Vec<_> = f
        .iter()
        .filter(|f| f.rule == RuleId::PppNewMechanism)
        .collect();
    assert!(!flagged.is_empty());
    assert!(flagged.iter().all(|f| f.severity == Severity::Miss));
    let msg = flagged[0].message(planner::i18n::Lang::Zh);
    assert!(msg.contains("（国办函〔2023〕115号）"), "{msg}");
    // A concession (operating subsidy only) is what the rule allows.
    let mut a = plan.assumptions.clone();
    a.ppp.form = planner::finance::ppp::PppPaymentForm::Concession;
    let r = simulate(&a, &plan.projects, plan.first_year);
    assert!(!findings(&a, &r)
        .iter()
        .any(|f| f.rule == RuleId::PppNewMechanism));
}

#[test]
fn unknown_fields_are_reported_not_dropped_silently() {
    let text = encode(&demo_plan()).replacen(
        "\"costs\": {}",
        "\"costs\": {\"construction_month\": 12}",
        1,
    );
    assert_ne!(text, encode(&demo_plan()), "the fixture edit applied");
    let d = decode_reporting(&text).unwrap();
    assert_eq!(d.unknown_fields.len(), 1, "{:?}", d.unknown_fields);
    assert!(
        d.unknown_fields[0].ends_with("costs.construction_month"),
        "{:?}",
        d.unknown_fields
    );
    let imported = import(text.as_bytes()).unwrap();
    assert_eq!(imported.unknown_fields, d.unknown_fields);
    assert!(decode_reporting(&encode(&demo_plan()))
        .unwrap()
        .unknown_fields
        .is_empty());
}

#[test]
fn household_counts_are_whole_and_add_up() {
    let plan = demo_plan();
    let r = simulate_plan(&plan, None);
    let total: u64 = plan.projects.iter().map(|p| u64::from(p.households)).sum();
    assert_eq!(r.totals.households, total);
    assert_eq!(r.totals.rehousing.total(), total);
    let by_year: u64 = r
        .years
        .iter()
        .map(|y| y.rehoused.monetized + y.rehoused.in_kind)
        .sum();
    assert_eq!(by_year, total);
    let districts: u64 = r
        .monetized
        .iter()
        .filter(|m| matches!(m.group, planner::simulate::Group::District(_)))
        .map(|m| m.households)
        .sum();
    assert_eq!(districts, total);
    for p in &r.projects {
        assert_eq!(
            p.households.monetized() + p.households.in_kind(),
            p.households.total()
        );
    }
}

/// A value inside `bounds` from a unit draw (whole where the field is whole).
fn within(b: planner::fields::Bounds, u: f64) -> f64 {
    let v = b.min + (b.max - b.min) * u;
    if b.whole {
        v.round()
    } else {
        v
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any plan that passes validation, however extreme within the declared bounds, simulates
    /// to finite numbers over at most a century.
    #[test]
    fn nothing_that_validates_produces_non_finite_numbers_or_runs_past_a_century(
        draws in proptest::collection::vec(0.0f64..=1.0, 64),
        extremes in proptest::collection::vec(any::<bool>(), 64),
        project_index in 0usize..32,
    ) {
        let mut plan = demo_plan();
        plan.scenarios.clear();
        // Every numeric assumption and default cost at a draw within its bounds, half of the
        // time at one of its ends.
        let pick = |i: usize| if extremes[i] { draws[i].round() } else { draws[i] };
        for (i, k) in AssumptionKey::ALL.iter().enumerate() {
            k.set(&mut plan.assumptions, within(k.bounds(), pick(i)));
        }
        let n = AssumptionKey::ALL.len();
        for (i, d) in CostDriver::ALL.iter().enumerate() {
            d.set(&mut plan.assumptions.costs, within(d.bounds(), pick(n + i)));
        }
        plan.assumptions.loan.grace_years = plan.assumptions.loan.grace_years.min(plan.assumptions.loan.term_years - 1);
        let m = n + CostDriver::ALL.len();
        let p = &mut plan.projects[project_index];
        for (i, f) in ProjectField::ALL.iter().enumerate() {
            if let FieldKind::Number { bounds, .. } = f.kind() {
                p.land_revenue.get_or_insert(planner::fields::LAND_DEFAULT);
                f.set(p, Value::Number(within(bounds, pick((m + i) % 64))));
            }
        }
        prop_assume!(validate(&plan).is_empty());
        let r = simulate_plan(&plan, None);
        prop_assert!(r.years.len() <= 100, "{} years", r.years.len());
        // Ratios are absent (null) where there is no debt; where present they are finite.
        let mut r = r;
        for p in &mut r.projects {
            for v in [p.land_cover.take(), p.bond_balance.take()].into_iter().flatten() {
                prop_assert!(v.is_finite(), "{}", v);
            }
        }
        let mut value = serde_json::to_value(&r).unwrap();
        for p in value["projects"].as_array_mut().unwrap() {
            let p = p.as_object_mut().unwrap();
            p.remove("land_cover");
            p.remove("bond_balance");
        }
        let json = value.to_string();
        let at = json.find("null").map(|i| json[i.saturating_sub(80)..i].to_string());
        prop_assert!(at.is_none(), "a non-finite number in the results: {:?}", at);
        let t = &r.totals;
        for v in [t.investment, t.fiscal_burden, t.fiscal_burden_pv, t.peak_fiscal_burden, t.max_ppp_share] {
            prop_assert!(v.is_finite());
        }
    }
}

#[test]
fn findings_read_in_either_language_from_the_catalogue() {
    let plan = demo_plan();
    let r = simulate_plan(&plan, None);
    for f in findings(&plan.assumptions, &r) {
        let en = f.message(planner::i18n::Lang::En);
        assert!(!en.contains(['，', '（', '：']), "{en}");
        let zh = f.message(planner::i18n::Lang::Zh);
        assert!(zh.ends_with('）'), "{zh}");
    }
}

/// The first number in `s` ("+0.02 亿元（+0.5%）" → 0.02), thousands separators dropped.
fn number_in(s: &str) -> f64 {
    let n: String = s
        .chars()
        .skip_while(|c| !(c.is_ascii_digit() || *c == '-' || *c == '+'))
        .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+'))
        .filter(|c| *c != ',')
        .collect();
    n.parse().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Figures that agree (issue 35): on 方案对比 a difference never contradicts the two figures
    /// beside it — shown − shown = the difference shown, for amounts, shares and counts.
    #[test]
    fn a_difference_is_the_difference_of_the_figures_shown(
        v in -2.0e6f64..2.0e6,
        base in -2.0e6f64..2.0e6,
        share in 0.0f64..1.0,
        share_base in 0.0f64..1.0,
        count in 0u32..50,
        count_base in 0u32..50,
    ) {
        use planner::comparison::{difference, figure};
        use planner::compare::MetricKind;
        let lang = planner::i18n::Lang::Zh;
        for (kind, a, b, unit) in [
            (MetricKind::Money, v, base, 0.01),
            (MetricKind::Share, share, share_base, 0.1),
            (MetricKind::Count, f64::from(count), f64::from(count_base), 1.0),
        ] {
            let shown = number_in(&figure(kind, a, lang)) - number_in(&figure(kind, b, lang));
            let d = number_in(&difference(kind, a, b, lang));
            prop_assert!(
                ((shown - d) / unit).abs() < 1e-6,
                "{:?}: {} − {} ≠ {}",
                kind,
                figure(kind, a, lang),
                figure(kind, b, lang),
                difference(kind, a, b, lang)
            );
        }
    }

    /// One rounding rule per unit: a project's investment reads the same in the list's rows,
    /// the report's and alone, and the shown rows add up to the shown total.
    #[test]
    fn a_figure_reads_the_same_in_every_table(values in proptest::collection::vec(0.0f64..1.0e6, 1..40)) {
        use planner::display::{fmt_units, round_rows, fixed};
        let (rows, total) = round_rows(&values, 2);
        prop_assert_eq!(rows.iter().sum::<i64>(), total);
        for (v, r) in values.iter().zip(&rows) {
            prop_assert_eq!(fmt_units(*r, 2).replace(',', ""), fixed(*v, 2));
            prop_assert_eq!(planner::i18n::fmt_wan(*v).replace(',', ""), fixed(*v, 2));
        }
        let exact: f64 = values.iter().sum();
        prop_assert!((total as f64 / 100.0 - exact).abs() <= 0.005 * values.len() as f64 + 1e-6);
    }
}
