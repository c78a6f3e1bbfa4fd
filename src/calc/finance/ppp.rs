//! PPP availability payments (财金〔2015〕21号 formula or the annuity form) and PPP spending as a
//! share of general public budget expenditure.

use serde::{Deserialize, Serialize};

use super::annuity;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PppPaymentForm {
    /// 财金〔2015〕21号: C×(1+r)×(1+d)^n/T + O×(1+r) − U_n
    Mof21,
    /// P·k(1+k)^n/((1+k)^n−1) + O·(1+k) − third-party income
    Annuity,
    /// 特许经营 under 国办函〔2023〕115号: users pay; the government may subsidize operation only,
    /// O×(1+r) − U_n, never construction cost.
    Concession,
}

impl PppPaymentForm {
    /// Government payments cover construction cost (availability payments): since
    /// 国办函〔2023〕115号 only contracts signed before November 2023 may do so.
    pub fn pays_construction(self) -> bool {
        self != PppPaymentForm::Concession
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PppTerms {
    pub form: PppPaymentForm,
    /// r (reasonable profit rate), or k (agreed return) in the annuity form.
    pub profit_rate: f64,
    /// d (annual discount rate) of the MoF formula.
    pub discount_rate: f64,
    /// T (or n): years of availability payments.
    pub subsidy_years: u32,
    /// O: annual operating cost, 万元.
    pub annual_operating_cost: f64,
    /// U_n: user payments (or third-party income) per year, 万元.
    pub annual_user_payment: f64,
}

/// 财金〔2015〕21号: payment_n = C×(1+r)×(1+d)^n/T + O×(1+r) − U_n, n = 1..=T.
pub fn mof21_payment(c: f64, r: f64, d: f64, t: u32, n: u32, o: f64, u_n: f64) -> f64 {
    c * (1.0 + r) * (1.0 + d).powi(n as i32) / f64::from(t.max(1)) + o * (1.0 + r) - u_n
}

/// Annuity form: P·k(1+k)^n/((1+k)^n−1) + O·(1+k) − income (k = 0: P/n + O − income).
pub fn annuity_payment(p: f64, k: f64, n: u32, o: f64, income: f64) -> f64 {
    annuity(p, k, n.max(1)) + o * (1.0 + k) - income
}

/// The government's payments for subsidy years 1..=T (index 0 = year 1). A negative formula
/// result (user payments above cost) is 0: the government never receives money from it.
pub fn ppp_payments(construction_cost: f64, terms: &PppTerms) -> Vec<f64> {
    ppp_payment_years(construction_cost, terms).collect()
}

/// [`ppp_payments`] year by year, for a caller that places them in a longer schedule.
pub fn ppp_payment_years(
    construction_cost: f64,
    terms: &PppTerms,
) -> impl Iterator<Item = f64> + '_ {
    let t = terms.subsidy_years;
    (1..=t).map(move |n| {
        let p = match terms.form {
            PppPaymentForm::Mof21 => mof21_payment(
                construction_cost,
                terms.profit_rate,
                terms.discount_rate,
                t,
                n,
                terms.annual_operating_cost,
                terms.annual_user_payment,
            ),
            PppPaymentForm::Annuity => annuity_payment(
                construction_cost,
                terms.profit_rate,
                t,
                terms.annual_operating_cost,
                terms.annual_user_payment,
            ),
            PppPaymentForm::Concession => {
                terms.annual_operating_cost * (1.0 + terms.profit_rate) - terms.annual_user_payment
            }
        };
        p.max(0.0)
    })
}

/// PPP fiscal spending / general public budget expenditure. A budget ≤ 0 gives infinity when
/// anything is spent (every cap is then exceeded), else 0.
pub fn ppp_budget_share(ppp_spending: f64, budget_expenditure: f64) -> f64 {
    if budget_expenditure > 0.0 {
        ppp_spending / budget_expenditure
    } else if ppp_spending > 0.0 {
        f64::INFINITY
    } else {
        0.0
    }
}
