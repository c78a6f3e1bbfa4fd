//! The financing instruments declared once: the financing mix (shares) and the amounts per
//! instrument. Below the model, so the readiness declarations can name a source of money.

use serde::{Deserialize, Serialize};

crate::declare_mix! {
    /// How the project's investment is paid for: shares of investment, summing to 1.
    mix FinancingMix;
    /// An amount per instrument, 万元: the money each raises (`YearResult::sources`), or what the
    /// budget pays for each (`FiscalBurden::by_instrument`).
    amounts Sources: f64;
    /// A financing instrument (融资方式).
    part Instrument;
    /// 项目资本金 (fiscal funds, central subsidies), at least 20 %.
    capital_fund => CapitalFund, SrcCapitalFund, "fin-capital-fund";
    /// 国开行/农发行 棚改专项贷款
    policy_loan => PolicyLoan, SrcPolicyLoan, "fin-policy-loan";
    /// 政府购买服务
    service_purchase => ServicePurchase, SrcServicePurchase, "fin-service-purchase";
    /// 政府和社会资本合作
    ppp => Ppp, SrcPpp, "fin-ppp";
    /// 棚改专项债
    special_bond => SpecialBond, SrcSpecialBond, "fin-special-bond";
}
