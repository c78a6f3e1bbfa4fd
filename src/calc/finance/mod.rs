//! Finance math for each financing instrument: pure functions over 万元 amounts and yearly periods.
//!
//! Periods are whole years indexed from 0 (the instrument's first year). Draws are taken at the
//! start of a year; interest and principal are paid at its end.

use serde::{Deserialize, Serialize};

pub mod bond;
pub mod discount;
pub mod loan;
pub mod ppp;
pub mod service_purchase;

/// One year of a debt instrument's life (万元).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct DebtYear {
    pub drawdown: f64,
    pub interest: f64,
    pub principal: f64,
    /// Outstanding at year end.
    pub outstanding: f64,
}

impl DebtYear {
    pub fn debt_service(&self) -> f64 {
        self.interest + self.principal
    }
}

/// Payment per period that repays `balance` over `periods` at `rate` (level annuity).
pub fn annuity(balance: f64, rate: f64, periods: u32) -> f64 {
    if periods == 0 {
        return balance;
    }
    if rate == 0.0 {
        return balance / f64::from(periods);
    }
    balance * rate / (1.0 - (1.0 + rate).powi(-(periods as i32)))
}
