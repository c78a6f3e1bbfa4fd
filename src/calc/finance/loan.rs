//! Policy-bank loans (国开行/农发行 棚改专项贷款): drawdown with construction, interest-only grace
//! years, then equal principal or equal instalments.

use serde::{Deserialize, Serialize};

use super::{annuity, DebtYear};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Repayment {
    /// 等额本金
    EqualPrincipal,
    /// 等额本息
    EqualInstalment,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LoanTerms {
    /// Annual rate, fraction (4.90 % benchmark, often 下浮10% = 4.41 %).
    pub rate: f64,
    /// Years from the first draw to the last repayment, grace included.
    pub term_years: u32,
    /// Interest-only years at the start.
    pub grace_years: u32,
    pub repayment: Repayment,
}

/// The loan's yearly schedule for draws `draws[t]` taken at the start of year t.
///
/// The schedule lasts `max(term_years, years with a draw)` years, counted to the last year
/// that draws something: years at the end that draw nothing (a project's transition years
/// without transition fees) do not stretch the term. Each year pays interest on the
/// opening balance plus that year's draw. From year `grace_years` on, with R years left
/// (this one included), equal principal repays balance / R and equal instalments pay
/// `annuity(balance, rate, R)` in all; recomputing each year keeps both exactly level when
/// nothing is drawn after the grace period, and still repays late draws in full. The last year
/// repays whatever is left. A grace period not shorter than the term is treated as term − 1
/// (validation reports it).
pub fn loan_schedule(draws: &[f64], terms: &LoanTerms) -> Vec<DebtYear> {
    loan_years(draws, terms).collect()
}

/// [`loan_schedule`]'s years one by one, for a caller that builds its own schedule from them
/// (the service-purchase fees) without a second list.
pub fn loan_years<'d>(
    draws: &'d [f64],
    terms: &'d LoanTerms,
) -> impl Iterator<Item = DebtYear> + 'd {
    let drawn = draws.iter().rposition(|&d| d != 0.0).map_or(0, |k| k + 1);
    let term = (terms.term_years as usize).max(drawn).max(1);
    let grace = (terms.grace_years as usize).min(term - 1);
    let mut balance = 0.0;
    (0..term).map(move |t| {
        let drawdown = draws.get(t).copied().unwrap_or(0.0);
        balance += drawdown;
        let interest = balance * terms.rate;
        let remaining = (term - t) as u32;
        let principal = if t + 1 == term {
            balance
        } else if t < grace {
            0.0
        } else {
            match terms.repayment {
                Repayment::EqualPrincipal => balance / f64::from(remaining),
                Repayment::EqualInstalment => annuity(balance, terms.rate, remaining) - interest,
            }
        };
        balance -= principal;
        if t + 1 == term {
            // No float dust left on the books.
            balance = 0.0;
        }
        DebtYear {
            drawdown,
            interest,
            principal,
            outstanding: balance,
        }
    })
}
