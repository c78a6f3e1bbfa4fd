//! Government purchase of services (政府购买服务): the implementing entity borrows to build and the
//! budget pays it a yearly service fee over the contract.

use serde::{Deserialize, Serialize};

use super::loan::{loan_years, LoanTerms, Repayment};
use super::DebtYear;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ServicePurchaseTerms {
    /// The entity's borrowing rate, fraction.
    pub financing_rate: f64,
    /// Contract years, from the first year of investment.
    pub contract_years: u32,
    /// The entity's margin on top of its debt service, fraction.
    pub service_margin: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ServiceYear {
    /// What the budget pays the entity this year, 万元.
    pub fee: f64,
    /// The entity's own borrowing that the fee services.
    pub financing: DebtYear,
}

/// Fee schedule for `amounts[t]` spent in year t. The entity's debt is an equal-instalment loan
/// over the contract, interest-only for the `build_years` of construction (transition fees paid
/// later never extend it); the fee is that debt service plus margin.
pub fn service_schedule(
    amounts: &[f64],
    terms: &ServicePurchaseTerms,
    build_years: usize,
) -> Vec<ServiceYear> {
    let loan = LoanTerms {
        rate: terms.financing_rate,
        term_years: terms.contract_years,
        grace_years: build_years as u32,
        repayment: Repayment::EqualInstalment,
    };
    loan_years(amounts, &loan)
        .map(|d| ServiceYear {
            fee: d.debt_service() * (1.0 + terms.service_margin),
            financing: d,
        })
        .collect()
}
