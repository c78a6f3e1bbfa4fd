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

/// The four kinds of PPP fiscal spending of a year (财金〔2015〕21号, 第四章), 万元; the 10 % cap
/// counts their sum.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct PppSpending {
    /// 股权投资支出: the government's share of the project company's capital, paid in.
    pub equity: f64,
    /// 运营补贴支出: the availability or operating payments.
    pub operating: f64,
    /// 风险承担支出: the retained risks' cost.
    pub risk: f64,
    /// 配套投入支出: the government's other inputs less what the partner pays for them.
    pub supporting: f64,
}

impl PppSpending {
    pub fn total(&self) -> f64 {
        self.equity + self.operating + self.risk + self.supporting
    }
}

/// How a project's retained risk is costed (财金〔2015〕21号 第二十一条).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum RiskCost {
    /// 比例法: a share of the construction cost, spent with it, plus a share of the yearly
    /// operating cost in every year of payments.
    Ratio { construction: f64, operating: f64 },
    /// 情景分析法: the expenditure (万元, over the whole term) in the base, adverse and worst
    /// case with their probabilities; the expected value spread evenly over the payment years.
    Scenarios {
        base: f64,
        adverse: f64,
        worst: f64,
        p_base: f64,
        p_adverse: f64,
        p_worst: f64,
    },
}

impl RiskCost {
    /// The same risk `f` times as dear: the ratios, or each case's expenditure.
    pub fn scale(&mut self, f: f64) {
        match self {
            RiskCost::Ratio {
                construction,
                operating,
            } => {
                *construction *= f;
                *operating *= f;
            }
            RiskCost::Scenarios {
                base,
                adverse,
                worst,
                ..
            } => {
                *base *= f;
                *adverse *= f;
                *worst *= f;
            }
        }
    }

    /// The expected expenditure of the scenario method: Σ probability × expenditure.
    pub fn expected(&self) -> Option<f64> {
        match *self {
            RiskCost::Scenarios {
                base,
                adverse,
                worst,
                p_base,
                p_adverse,
                p_worst,
            } => Some(p_base * base + p_adverse * adverse + p_worst * worst),
            RiskCost::Ratio { .. } => None,
        }
    }
}

/// What the government puts into one PPP project besides its payments.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PppStake {
    /// Project capital (项目资本金) as a share of the PPP-financed investment.
    pub capital_ratio: f64,
    /// The government's share of the project company's equity.
    pub equity_share: f64,
    pub risk: RiskCost,
    /// 配套投入 net of what the partner pays for it, 万元 (never below 0).
    pub supporting_net: f64,
}

/// One PPP project's fiscal spending by kind, year by year from its first year of investment:
/// `invested[n]` is the PPP-financed investment of year n (C = Σ), payments start after
/// `build_years`. Equity (C_n × capital ratio × equity share), the construction part of the
/// risk ratio (C_n × ratio) and the net supporting inputs (pro rata to C_n) follow the
/// investment; the operating payments, the operating part of the risk ratio (ratio × O) and the
/// scenario method's expected value (÷ T) fall in the payment years.
pub fn ppp_spending(
    invested: &[f64],
    build_years: usize,
    terms: &PppTerms,
    stake: &PppStake,
) -> Vec<PppSpending> {
    let c: f64 = invested.iter().sum();
    if c <= 0.0 {
        return Vec::new();
    }
    let t = terms.subsidy_years as usize;
    let len = invested.len().max(build_years + t);
    let mut out = vec![PppSpending::default(); len];
    let (construction_risk, operating_risk) = match stake.risk {
        RiskCost::Ratio {
            construction,
            operating,
        } => (construction, operating * terms.annual_operating_cost),
        RiskCost::Scenarios { .. } => (0.0, stake.risk.expected().unwrap_or(0.0) / t.max(1) as f64),
    };
    for (y, &c_n) in out.iter_mut().zip(invested) {
        y.equity = c_n * stake.capital_ratio * stake.equity_share;
        y.risk = c_n * construction_risk;
        y.supporting = stake.supporting_net.max(0.0) * c_n / c;
    }
    for (y, payment) in out[build_years..]
        .iter_mut()
        .zip(ppp_payment_years(c, terms))
    {
        y.operating = payment;
        y.risk += operating_risk;
    }
    out
}
