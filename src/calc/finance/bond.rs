//! Shantytown special bonds (棚改专项债, 财预〔2018〕28号): yearly tranches, bullet or amortizing,
//! and the project's self-balance ratio PV(income) / PV(debt service).

use serde::{Deserialize, Serialize};

use super::discount::present_value;
use super::DebtYear;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BondRepayment {
    /// Interest only, principal at maturity.
    Bullet,
    /// Equal principal every year.
    Amortizing,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BondTerms {
    pub rate: f64,
    /// ≤ 15 years in principle.
    pub term_years: u32,
    pub repayment: BondRepayment,
}

/// Each year's issue is its own bond of `term_years`, issued at the start of its year with an
/// annual coupon at year end. The schedule runs to the last maturity.
pub fn bond_schedule(issues: &[f64], terms: &BondTerms) -> Vec<DebtYear> {
    let term = terms.term_years.max(1) as usize;
    if issues.is_empty() {
        return Vec::new();
    }
    let mut out = vec![DebtYear::default(); issues.len() - 1 + term];
    for (start, &amount) in issues.iter().enumerate() {
        out[start].drawdown += amount;
        let mut balance = amount;
        for k in 0..term {
            let y = &mut out[start + k];
            y.interest += balance * terms.rate;
            let principal = match terms.repayment {
                _ if k + 1 == term => balance,
                BondRepayment::Bullet => 0.0,
                BondRepayment::Amortizing => amount / term as f64,
            };
            y.principal += principal;
            balance -= principal;
            y.outstanding += if k + 1 == term { 0.0 } else { balance };
        }
    }
    out
}

/// PV(income) / PV(debt service) at `discount_rate` (`discount::present_value`). With no debt
/// service it is infinite when there is income and 0 when there is none.
pub fn self_balance_ratio(income: &[f64], debt_service: &[f64], discount_rate: f64) -> f64 {
    balance_ratio(
        present_value(income, discount_rate),
        present_value(debt_service, discount_rate),
    )
}

/// [`self_balance_ratio`] from the two present values.
pub fn balance_ratio(pv_income: f64, pv_debt: f64) -> f64 {
    if pv_debt > 0.0 {
        pv_income / pv_debt
    } else if pv_income > 0.0 {
        f64::INFINITY
    } else {
        0.0
    }
}
