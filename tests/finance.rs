//! Finance math: reference cases worked by hand (the arithmetic is in the comments) and
//! property tests of the debt invariants.

use planner::finance::bond::{bond_schedule, self_balance_ratio, BondRepayment, BondTerms};
use planner::finance::discount::{present_value, Discount};
use planner::finance::loan::{loan_schedule, LoanTerms, Repayment};
use planner::finance::ppp::{
    annuity_payment, mof21_payment, ppp_budget_share, ppp_payments, PppPaymentForm, PppTerms,
};
use planner::finance::service_purchase::{service_schedule, ServicePurchaseTerms};
use proptest::prelude::*;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

macro_rules! assert_close {
    ($a:expr, $b:expr) => {{
        let (a, b) = ($a, $b);
        assert!(close(a, b), "{} = {a}, expected {b}", stringify!($a));
    }};
}

const TEN_YI: f64 = 100_000.0; // 10 亿元 in 万元

fn ten_yi_loan(repayment: Repayment) -> Vec<planner::finance::DebtYear> {
    loan_schedule(
        &[TEN_YI],
        &LoanTerms {
            rate: 0.0441,
            term_years: 20,
            grace_years: 3,
            repayment,
        },
    )
}

/// 10 亿元 drawn in year 0 at 4.41 %, 20 years, 3 grace years, equal principal:
/// grace years 0–2 pay 100,000 × 4.41 % = 4,410 interest only; years 3–19 repay
/// 100,000 / 17 = 5,882.352941… each, with interest 4.41 % × the opening balance.
/// Total interest = 3 × 4,410 + 0.0441 × (100,000/17) × (17 + 16 + … + 1)
///                = 13,230 + 0.0441 × 5,882.352941 × 153 = 13,230 + 39,690 = 52,920.
#[test]
fn ten_yi_loan_equal_principal() {
    let s = ten_yi_loan(Repayment::EqualPrincipal);
    assert_eq!(s.len(), 20);
    for y in &s[..3] {
        assert_close!(y.interest, 4_410.0);
        assert_eq!(y.principal, 0.0);
        assert_close!(y.outstanding, TEN_YI);
    }
    assert_close!(s[3].principal, TEN_YI / 17.0);
    assert_close!(s[3].interest, 4_410.0);
    // 4.41 % × (100,000 − 5,882.352941) = 4,150.588235…
    assert_close!(s[4].interest, 0.0441 * (TEN_YI - TEN_YI / 17.0));
    assert_close!(s[19].principal, TEN_YI / 17.0);
    let interest: f64 = s.iter().map(|y| y.interest).sum();
    assert_close!(interest, 52_920.0);
    assert_eq!(s[19].outstanding, 0.0);
    assert_close!(s.iter().map(|y| y.principal).sum::<f64>(), TEN_YI);
}

/// Equal instalments: from year 3 a level payment 100,000 × 0.0441 / (1 − 1.0441^−17)
/// = 8,483.350524 (python3 -c "print(1e5*0.0441/(1-1.0441**-17))").
/// Total interest = 3 × 4,410 + 17 × 8,483.350524 − 100,000 = 57,446.958912.
#[test]
fn ten_yi_loan_equal_instalments() {
    let s = ten_yi_loan(Repayment::EqualInstalment);
    for y in &s[..3] {
        assert_close!(y.debt_service(), 4_410.0);
    }
    for y in &s[3..] {
        assert!(
            (y.debt_service() - 8_483.350_524_260_78).abs() < 1e-6,
            "{y:?}"
        );
    }
    let interest: f64 = s.iter().map(|y| y.interest).sum();
    assert!((interest - 57_446.958_912_433).abs() < 1e-6, "{interest}");
    assert_eq!(s[19].outstanding, 0.0);
    assert_close!(s.iter().map(|y| y.principal).sum::<f64>(), TEN_YI);
}

#[test]
fn a_draw_after_the_grace_period_is_still_repaid() {
    let s = loan_schedule(
        &[1_000.0, 0.0, 0.0, 0.0, 500.0],
        &LoanTerms {
            rate: 0.05,
            term_years: 8,
            grace_years: 2,
            repayment: Repayment::EqualPrincipal,
        },
    );
    assert_close!(s.iter().map(|y| y.principal).sum::<f64>(), 1_500.0);
    assert_eq!(s.last().unwrap().outstanding, 0.0);
    // Years 2–3: 1,000 over 6 then 5 years left → 166.67 each; year 4 adds 500 to 666.67 over 4 years.
    assert_close!(s[2].principal, 1_000.0 / 6.0);
    assert_close!(
        s[4].principal,
        (1_000.0 - 2.0 * 1_000.0 / 6.0 + 500.0) / 4.0
    );
}

/// 财金〔2015〕21号 with C = 100,000, r = 6 %, d = 4.9 %, T = 10, O = 500, U = 200:
/// payment_1  = 100,000 × 1.06 × 1.049 / 10 + 500 × 1.06 − 200 = 11,119.4 + 530 − 200 = 11,449.4
/// payment_10 = 100,000 × 1.06 × 1.049^10 / 10 + 330 = 17,432.545212
/// Σ over 10 years = 142,507.549546.
#[test]
fn ppp_mof21_formula() {
    assert_close!(
        mof21_payment(TEN_YI, 0.06, 0.049, 10, 1, 500.0, 200.0),
        11_449.4
    );
    let terms = PppTerms {
        form: PppPaymentForm::Mof21,
        profit_rate: 0.06,
        discount_rate: 0.049,
        subsidy_years: 10,
        annual_operating_cost: 500.0,
        annual_user_payment: 200.0,
    };
    let p = ppp_payments(TEN_YI, &terms);
    assert_eq!(p.len(), 10);
    assert_close!(p[0], 11_449.4);
    assert!((p[9] - 17_432.545_212_341_74).abs() < 1e-6);
    assert!((p.iter().sum::<f64>() - 142_507.549_545_846_85).abs() < 1e-6);
}

/// Annuity form (one real contract: k = 7.99 %, n = 18), P = 100,000, O = 0, no income:
/// 100,000 × 0.0799 × 1.0799^18 / (1.0799^18 − 1) = 10,662.808702.
#[test]
fn ppp_annuity_form() {
    assert!((annuity_payment(TEN_YI, 0.0799, 18, 0.0, 0.0) - 10_662.808_702_304_5).abs() < 1e-6);
    // O is marked up by k; third-party income is subtracted.
    let base = annuity_payment(TEN_YI, 0.0799, 18, 0.0, 0.0);
    assert_close!(
        annuity_payment(TEN_YI, 0.0799, 18, 100.0, 50.0),
        base + 107.99 - 50.0
    );
    // User payments above cost: the government pays nothing, never a negative amount.
    let terms = PppTerms {
        form: PppPaymentForm::Annuity,
        profit_rate: 0.0799,
        discount_rate: 0.0,
        subsidy_years: 18,
        annual_operating_cost: 0.0,
        annual_user_payment: 1e9,
    };
    assert!(ppp_payments(TEN_YI, &terms).iter().all(|&p| p == 0.0));
    assert_close!(ppp_budget_share(11_200.0, 100_000.0), 0.112);
    assert_eq!(ppp_budget_share(1.0, 0.0), f64::INFINITY);
}

/// Service purchase: 50,000 built in year 0, entity borrows at 4.9 %, 15-year contract, 1 % margin.
/// Year 0 (building): fee = 50,000 × 4.9 % × 1.01 = 2,474.5.
/// Years 1–14: fee = 50,000 × 0.049 / (1 − 1.049^−14) × 1.01 = 5,069.144186.
#[test]
fn service_purchase_fee_schedule() {
    let s = service_schedule(
        &[50_000.0],
        &ServicePurchaseTerms {
            financing_rate: 0.049,
            contract_years: 15,
            service_margin: 0.01,
        },
        1,
    );
    assert_eq!(s.len(), 15);
    assert_close!(s[0].fee, 2_474.5);
    for y in &s[1..] {
        assert!((y.fee - 5_069.144_185_765_867).abs() < 1e-6, "{y:?}");
    }
    assert_close!(
        s.iter().map(|y| y.financing.principal).sum::<f64>(),
        50_000.0
    );
    assert_eq!(s[14].financing.outstanding, 0.0);
}

/// Issue 25's case: one draw of 7,775.36 in year 0 (an all-cash project), 2-year contract at
/// 4.9 %, margin 1 %, built in year 0, years 1 and 2 drawing nothing: the contract stays 2 years.
/// Year 0: 7,775.36 × 4.9 % × 1.01 = 384.80; year 1 repays it all: 7,775.36 × 1.049 × 1.01 =
/// 8,237.92.
#[test]
fn years_that_draw_nothing_do_not_stretch_the_contract() {
    let s = service_schedule(
        &[7_775.36, 0.0, 0.0],
        &ServicePurchaseTerms {
            financing_rate: 0.049,
            contract_years: 2,
            service_margin: 0.01,
        },
        1,
    );
    assert_eq!(s.len(), 2);
    assert!((s[0].fee - 384.80).abs() < 0.005, "{}", s[0].fee);
    assert!((s[1].fee - 8_237.92).abs() < 0.005, "{}", s[1].fee);
    assert_eq!(s[1].financing.outstanding, 0.0);
}

/// 20,000 of bonds issued in year 0 at 3.5 % for 10 years.
/// Bullet: 700 interest a year, year 9 pays 20,700.
/// Amortizing: 2,000 principal a year; interest 700, 630, 560, …
#[test]
fn special_bonds() {
    let bullet = bond_schedule(
        &[20_000.0],
        &BondTerms {
            rate: 0.035,
            term_years: 10,
            repayment: BondRepayment::Bullet,
        },
    );
    assert_eq!(bullet.len(), 10);
    for y in &bullet[..9] {
        assert_close!(y.debt_service(), 700.0);
        assert_close!(y.outstanding, 20_000.0);
    }
    assert_close!(bullet[9].debt_service(), 20_700.0);
    assert_eq!(bullet[9].outstanding, 0.0);

    let amort = bond_schedule(
        &[20_000.0],
        &BondTerms {
            rate: 0.035,
            term_years: 10,
            repayment: BondRepayment::Amortizing,
        },
    );
    assert_close!(amort[0].interest, 700.0);
    assert_close!(amort[1].interest, 630.0);
    assert_close!(amort[2].interest, 560.0);
    assert!(amort.iter().all(|y| close(y.principal, 2_000.0)));

    // Two tranches overlap: the second matures a year later.
    let two = bond_schedule(
        &[100.0, 100.0],
        &BondTerms {
            rate: 0.0,
            term_years: 3,
            repayment: BondRepayment::Bullet,
        },
    );
    assert_eq!(two.len(), 4);
    assert_eq!(
        two.iter().map(|y| y.principal).collect::<Vec<_>>(),
        vec![0.0, 0.0, 100.0, 100.0]
    );
    assert_eq!(two[1].outstanding, 200.0);
}

/// PV([110, 121]) at 10 % with year-end flows = 110/1.1 + 121/1.21 = 200;
/// self-balance of income [110, 121] against debt service [55, 60.5] = 200 / 100 = 2.
#[test]
fn present_values_and_self_balance() {
    assert_close!(present_value(&[110.0, 121.0], 0.10), 200.0);
    assert_close!(
        self_balance_ratio(&[110.0, 121.0], &[55.0, 60.5], 0.10),
        2.0
    );
    assert_eq!(self_balance_ratio(&[1.0], &[], 0.1), f64::INFINITY);
    assert_eq!(self_balance_ratio(&[], &[], 0.1), 0.0);
}

fn arb_loan() -> impl Strategy<Value = (Vec<f64>, LoanTerms)> {
    (
        proptest::collection::vec(0.0f64..1e6, 1..6),
        0.0f64..0.10,
        5u32..30,
        any::<bool>(),
        0u32..30,
    )
        .prop_map(|(draws, rate, term, equal_principal, grace)| {
            let repayment = if equal_principal {
                Repayment::EqualPrincipal
            } else {
                Repayment::EqualInstalment
            };
            (
                draws,
                LoanTerms {
                    rate,
                    term_years: term,
                    grace_years: grace % term,
                    repayment,
                },
            )
        })
}

/// Present value as it was always computed (one division per year, each from the last), the
/// reference the shared factors must equal to the last bit.
fn present_value_by_divisions(flows: &[f64], rate: f64) -> f64 {
    let mut factor = 1.0;
    flows
        .iter()
        .map(|f| {
            factor /= 1.0 + rate;
            f * factor
        })
        .sum()
}

proptest! {
    /// Factors computed ahead for some years (fewer, as many or more than the flows) give the
    /// same present value, bit for bit, as dividing year by year.
    #[test]
    fn shared_discount_factors_change_no_bit(
        flows in proptest::collection::vec(-1e6f64..1e6, 0..80),
        rate in 0.0f64..0.2,
        ahead in 0usize..100,
    ) {
        let reference = present_value_by_divisions(&flows, rate);
        let shared = Discount::new(rate, ahead).present_value(flows.iter().copied());
        prop_assert_eq!(shared.to_bits(), reference.to_bits());
        prop_assert_eq!(present_value(&flows, rate).to_bits(), reference.to_bits());
    }

    #[test]
    fn loans_repay_exactly_what_was_drawn((draws, terms) in arb_loan()) {
        let s = loan_schedule(&draws, &terms);
        let drawn: f64 = s.iter().map(|y| y.drawdown).sum();
        let repaid: f64 = s.iter().map(|y| y.principal).sum();
        prop_assert!((drawn - repaid).abs() <= 1e-9 * drawn.max(1.0));
        prop_assert_eq!(s.last().unwrap().outstanding, 0.0);
        for y in &s {
            prop_assert!(y.outstanding >= -1e-9 * drawn.max(1.0));
            prop_assert!(y.interest >= 0.0);
        }
    }

    #[test]
    fn bonds_repay_exactly_what_was_issued(
        issues in proptest::collection::vec(0.0f64..1e6, 1..6),
        rate in 0.0f64..0.08,
        term in 1u32..20,
        bullet in any::<bool>(),
    ) {
        let repayment = if bullet { BondRepayment::Bullet } else { BondRepayment::Amortizing };
        let s = bond_schedule(&issues, &BondTerms { rate, term_years: term, repayment });
        let issued: f64 = issues.iter().sum();
        let repaid: f64 = s.iter().map(|y| y.principal).sum();
        prop_assert!((issued - repaid).abs() <= 1e-9 * issued.max(1.0));
        prop_assert!(s.last().unwrap().outstanding.abs() <= 1e-9 * issued.max(1.0));
    }

    #[test]
    fn service_fees_cover_the_entity_debt_service(
        amounts in proptest::collection::vec(0.0f64..1e6, 1..4),
        rate in 0.0f64..0.08,
        years in 5u32..25,
        margin in 0.0f64..0.05,
    ) {
        let s = service_schedule(&amounts, &ServicePurchaseTerms { financing_rate: rate, contract_years: years, service_margin: margin }, amounts.len());
        for y in &s {
            prop_assert!(y.fee + 1e-9 >= y.financing.debt_service());
        }
        let built: f64 = amounts.iter().sum();
        let repaid: f64 = s.iter().map(|y| y.financing.principal).sum();
        prop_assert!((built - repaid).abs() <= 1e-9 * built.max(1.0));
    }
}

/// The four kinds of PPP spending (财金〔2015〕21号), worked by hand. C = 600 + 400 = 1,000 万元
/// invested in years 0 and 1, payments from year 2 for T = 10 years, O = 0.5 % × C = 5.
/// - 股权投资 = C_n × 20 % capital × 10 % government share: 12, 8;
/// - 运营补贴 (21号, n = 1) = 1,000 × 1.06 × 1.049 / 10 + 5 × 1.06 = 111.194 + 5.3 = 116.494;
/// - 风险承担, 比例法 2 % of construction with it (12, 8), 5 % of O in each payment year (0.25);
///   情景分析法 0.7 × 300 + 0.2 × 800 + 0.1 × 2,000 = 570 over 10 years: 57 a year;
/// - 配套投入, 300 net of what the partner pays, pro rata to C_n: 180, 120.
#[test]
fn ppp_spending_by_kind() {
    use planner::finance::ppp::{ppp_spending, PppStake, RiskCost};
    let terms = PppTerms {
        form: PppPaymentForm::Mof21,
        profit_rate: 0.06,
        discount_rate: 0.049,
        subsidy_years: 10,
        annual_operating_cost: 5.0,
        annual_user_payment: 0.0,
    };
    let stake = PppStake {
        capital_ratio: 0.2,
        equity_share: 0.1,
        risk: RiskCost::Ratio {
            construction: 0.02,
            operating: 0.05,
        },
        supporting_net: 300.0,
    };
    let s = ppp_spending(&[600.0, 400.0], 2, &terms, &stake);
    assert_eq!(s.len(), 12);
    assert_close!(s[0].equity, 12.0);
    assert_close!(s[1].equity, 8.0);
    assert_close!(s[0].risk, 12.0);
    assert_close!(s[1].risk, 8.0);
    assert_close!(s[0].supporting, 180.0);
    assert_close!(s[1].supporting, 120.0);
    assert_eq!(s[1].operating, 0.0);
    assert_close!(s[2].operating, 116.494);
    assert_close!(s[2].risk, 0.25);
    assert_close!(s[11].risk, 0.25);
    assert_eq!(s[2].equity + s[2].supporting, 0.0);
    assert_close!(s[2].total(), 116.744);

    let scenarios = PppStake {
        risk: RiskCost::Scenarios {
            base: 300.0,
            adverse: 800.0,
            worst: 2_000.0,
            p_base: 0.7,
            p_adverse: 0.2,
            p_worst: 0.1,
        },
        ..stake
    };
    let s = ppp_spending(&[600.0, 400.0], 2, &terms, &scenarios);
    assert_eq!(s[0].risk, 0.0);
    for y in &s[2..] {
        assert_close!(y.risk, 57.0);
    }
    let total_risk: f64 = s.iter().map(|y| y.risk).sum();
    assert_close!(total_risk, 570.0);
}
