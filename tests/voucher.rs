//! Housing vouchers (房票): a cohort checked by hand, year by year, and the simulation carrying
//! its timing, its liability and its households.

use planner::model::{Assumptions, ResettlementWay};
use planner::voucher::{SettlementStage, VoucherPreset, VoucherScheme, VoucherTier};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9 * b.abs().max(1.0)
}

fn tier(until_month: u32, reward: f64, used: f64) -> VoucherTier {
    VoucherTier {
        until_month,
        reward,
        used,
    }
}

fn stage(after_months: u32, share: f64, yearly_rate: f64) -> SettlementStage {
    SettlementStage {
        after_months,
        share,
        yearly_rate,
    }
}

/// 1,000 万元 of vouchers issued in January, 厦门's tiers (5 % to month 12, 2 % to month 24),
/// 60 % used in the first tier and 30 % in the second, settled at once:
/// - year 0: 600 × 1.05 = 630 (50 a month, 12 months);
/// - year 1: 300 × 1.02 = 306;
/// - year 2: the 100 left expires and is paid in cash in month 24, without a reward.
///
/// Owed at each year's end: 400 (the unused face value), then 100, then nothing.
#[test]
fn a_cohort_settled_at_once_by_hand() {
    let s = VoucherScheme {
        preset: String::new(),
        tiers: vec![tier(12, 0.05, 0.6), tier(24, 0.02, 0.3)],
        settlement: vec![stage(0, 1.0, 0.0)],
        deed_tax_relief: 0.0,
        transition_months: 0.0,
    };
    let c = s.cohort(0, 1_000.0, 0.0);
    let by_year: Vec<f64> = (0..3).map(|k| c.paid_in_year(k)).collect();
    assert!(close(by_year[0], 630.0), "{by_year:?}");
    assert!(close(by_year[1], 306.0), "{by_year:?}");
    assert!(close(by_year[2], 100.0), "{by_year:?}");
    assert_eq!(c.last_year(), 2);
    assert!(close(c.cost.used, 900.0) && close(c.cost.expired, 100.0));
    assert!(close(c.cost.reward, 36.0), "{:?}", c.cost);
    assert!(close(c.cost.total(), 1_036.0));
    let owed: Vec<f64> = (1..4).map(|k| c.owed_at(12 * k)).collect();
    assert!(
        close(owed[0], 400.0) && close(owed[1], 100.0) && owed[2] == 0.0,
        "{owed:?}"
    );
    // Every yuan issued is paid.
    let paid: f64 = c.payments.iter().map(|p| p.amount).sum();
    assert!(close(paid, c.cost.total()));
}

/// The same 1,000 万元 issued in July (month 6) on one tier of 8 % to month 12, 90 % used, three
/// months' fee of 10 万元 a month for all households, a 1 % deed tax borne, settled in 嵊州's
/// stages (30 % at once, 60 % after 6 months, 10 % after 12 months at 7 % a year):
/// - each month of use (months 6–17): 75 of face value, 6 of reward; 81 to the developer;
///   deed tax 0.81; fee 3 × 10 × 0.9 / 12 = 2.25.
/// - paid at use: 30 % of 81 = 24.3, with 0.81 + 2.25 → 27.36 a month;
/// - after 6 months: 48.6; after 12 months: 8.1 × 1.07 = 8.667;
/// - year 0 (months 6–11): 6 × 27.36 = 164.16 at use; nothing else yet;
/// - year 1 (months 12–23): 6 × 27.36 at use (months 12–17), 12 × 48.6 (uses of months 6–17,
///   paid 12–23), 6 × 8.667 (uses of 6–11, paid 18–23) and the 100 expired in month 18:
///   164.16 + 583.2 + 52.002 + 100 = 899.362;
/// - year 2: the last 6 × 8.667 = 52.002.
#[test]
fn a_cohort_in_stages_with_deed_tax_and_fees_by_hand() {
    let s = VoucherScheme {
        preset: String::new(),
        tiers: vec![tier(12, 0.08, 0.9)],
        settlement: vec![stage(0, 0.3, 0.0), stage(6, 0.6, 0.0), stage(12, 0.1, 0.07)],
        deed_tax_relief: 0.01,
        transition_months: 3.0,
    };
    let c = s.cohort(6, 1_000.0, 10.0);
    let by_year: Vec<f64> = (0..3).map(|k| c.paid_in_year(k)).collect();
    assert!(close(by_year[0], 164.16), "{by_year:?}");
    assert!(close(by_year[1], 899.362), "{by_year:?}");
    assert!(close(by_year[2], 52.002), "{by_year:?}");
    assert!(close(c.cost.reward, 72.0));
    assert!(close(c.cost.deed_tax, 9.72));
    assert!(close(c.cost.transition, 27.0));
    assert!(close(c.cost.interest, 12.0 * 8.1 * 0.07));
    assert!(close(by_year.iter().sum::<f64>(), c.cost.total()));
    // At the end of year 0: the face value not yet used (1,000 − 6 × 75 = 550) and what the
    // developers are owed for the six months of use (70 % of 6 × 81 = 340.2).
    assert!(close(c.owed_at(12), 550.0 + 340.2), "{}", c.owed_at(12));
}

/// The presets carry their published tiers and validity.
#[test]
fn the_presets_are_the_published_schemes() {
    let x = VoucherPreset::Xiamen2023.scheme();
    assert_eq!(x.validity(), 24);
    assert_eq!(x.tiers[0].reward, 0.05);
    let t = VoucherPreset::Taizhou2023.scheme();
    assert_eq!(t.validity(), 18);
    let rewards: Vec<f64> = t.tiers.iter().map(|t| t.reward).collect();
    assert_eq!(rewards, [0.20, 0.16, 0.12]);
    let z = VoucherPreset::Zhengzhou2022.scheme();
    assert_eq!(
        (z.validity(), z.tiers[0].reward, z.transition_months),
        (12, 0.08, 3.0)
    );
    for p in VoucherPreset::ALL {
        assert_eq!(VoucherPreset::from_key(p.key()), Some(p));
        let shares: f64 = p.scheme().settlement.iter().map(|s| s.share).sum();
        assert!(close(shares, 1.0));
        assert!(p.scheme().used_share() <= 1.0);
    }
}

/// A project's voucher households: their face value is their compensation, paid as the
/// scheme pays it; they count as monetized; what is owed shows at each year's end; and the
/// project's total is the cohort's.
#[test]
fn a_project_with_vouchers_carries_the_cohort() {
    let plan = planner::demo::demo_plan();
    let mut p = plan.projects[0].clone();
    p.resettlement.cash = 0.0;
    p.resettlement.self_purchase = 0.0;
    p.resettlement.government_purchase = 0.0;
    p.resettlement.voucher = 0.5;
    p.resettlement.new_build = 0.5;
    let a = Assumptions::default();
    let c = planner::costs::project_costs(&p, &a);
    let n = ResettlementWay::Voucher.amount(&c.households) as f64;
    assert_eq!(n, f64::from(p.households) / 2.0);
    let face = p.area_m2 * n / f64::from(p.households) * a.costs.compensation_price / 1e4;
    let cohort = a.vouchers.cohort(0, face, 0.0);
    assert!(close(c.total.vouchers, cohort.cost.total()));
    assert_eq!(
        c.total.compensation, 0.0,
        "no cash compensation and no incentive"
    );
    for (k, y) in c.by_year.iter().enumerate() {
        assert!(close(y.vouchers, cohort.paid_in_year(k)), "year {k}");
    }
    let r = planner::simulate::simulate(&a, std::slice::from_ref(&p), p.year);
    assert_eq!(r.totals.monetized_households, n as u64);
    let owed: Vec<f64> = r.years.iter().map(|y| y.vouchers_owed).collect();
    for (k, o) in owed.iter().enumerate() {
        assert!(close(*o, cohort.owed_at(12 * (k as u32 + 1))), "{owed:?}");
    }
    assert!(owed[0] > 0.0 && *owed.last().unwrap() == 0.0);
}

/// A scheme out of order or over 100 % is refused with its row named, and the plan stays.
#[test]
fn a_bad_scheme_names_its_rows() {
    use planner::i18n::Lang;
    let mut plan = planner::demo::demo_plan();
    plan.assumptions.vouchers.tiers = vec![tier(12, 0.05, 0.8), tier(6, 0.02, 0.3)];
    plan.assumptions.vouchers.settlement[0].share = 0.5;
    let issues = planner::validate::validate(&plan);
    let said: Vec<String> = issues.iter().map(|i| i.message(Lang::Zh)).collect();
    assert_eq!(said.len(), 3, "{said:?}");
    assert!(
        said[0].contains("房票方案「房票奖励档」第 2 行"),
        "{said:?}"
    );
    assert!(said[1].contains("110"), "the shares used, 110 %: {said:?}");
    assert!(said[2].contains("房票方案「房票结算」第 3 行"), "{said:?}");
}

/// The risk driver 房票使用进度: faster use moves a share of the later tiers' use into the
/// first, slower into the last; the share used stays, and the demo's cost and what it owes
/// move the way a planner expects (slower: more owed at the end of the first year).
#[test]
fn voucher_use_speed_is_a_risk_driver() {
    use planner::risk_settings::RiskDriver;
    let mut s = VoucherPreset::Xiamen2023.scheme();
    s.shift_use(0.5);
    assert!(close(s.tiers[0].used, 0.75) && close(s.tiers[1].used, 0.15));
    assert!(close(s.used_share(), 0.9));
    let mut s = VoucherPreset::Xiamen2023.scheme();
    s.shift_use(-0.5);
    assert!(close(s.tiers[0].used, 0.3) && close(s.tiers[1].used, 0.6));
    let plan = planner::demo::demo_plan();
    let owed_2027 = |change: f64| {
        let (mut a, mut projects) = (plan.assumptions.clone(), plan.projects.clone());
        RiskDriver::VoucherUse.apply(&mut a, &mut projects, &plan.gates, change);
        let r = planner::simulate::simulate(&a, &projects, plan.first_year);
        r.years[0].vouchers_owed
    };
    assert!(owed_2027(-0.5) > owed_2027(0.0) && owed_2027(0.0) > owed_2027(0.5));
    assert_eq!(RiskDriver::VoucherUse.key(), "voucher_use");
}

/// A month typed in a tier or a stage is whole and within ten years, or nothing is set.
#[test]
fn a_month_not_whole_or_beyond_ten_years_is_refused_by_its_column() {
    use planner::voucher::{SchemeColumn, SchemeList};
    let mut s = VoucherPreset::Xiamen2023.scheme();
    let before = s.clone();
    for v in [12.5, 121.0, -1.0] {
        assert!(SchemeColumn::UntilMonth.check(v).is_some(), "{v}");
        assert!(!SchemeList::Tiers.set(&mut s, 0, SchemeColumn::UntilMonth, v));
        assert!(!SchemeList::Settlement.set(&mut s, 1, SchemeColumn::AfterMonths, v));
    }
    assert_eq!(s, before);
    assert!(
        SchemeColumn::Reward.check(12.5).is_none(),
        "shares are checked with the scheme"
    );
    assert!(SchemeList::Tiers.set(&mut s, 0, SchemeColumn::UntilMonth, 10.0));
    assert_eq!((s.tiers[0].until_month, s.preset.as_str()), (10, ""));
}
