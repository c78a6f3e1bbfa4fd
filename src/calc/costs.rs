//! What one project costs, by category, and in which year each part is spent.
//!
//! Timing: signing (and with it compensation, purchase, rewards and the first move) happens in
//! January of the project's planned year; construction and infrastructure are spent evenly per
//! month from signing to handover; transition fees are paid monthly for the construction months
//! plus the extra months; the second move of in-kind households falls in the handover year.

use serde::{Deserialize, Serialize};

use crate::calc::model::{CostDefaults, Project, ResettlementWay};

/// Investment by category, 万元.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Investment {
    /// Cash compensation and self-purchase (房票) compensation, with the monetization incentive.
    pub compensation: f64,
    /// Government purchase of existing commodity housing.
    pub purchase: f64,
    /// Construction of new resettlement housing.
    pub construction: f64,
    /// Transition fees (过渡费) of in-kind households.
    pub transition: f64,
    /// Relocation fees (搬迁费).
    pub relocation: f64,
    /// Rewards to every household.
    pub rewards: f64,
    /// Ancillary infrastructure (配套基础设施).
    pub infrastructure: f64,
}

impl Investment {
    pub fn total(&self) -> f64 {
        self.compensation
            + self.purchase
            + self.construction
            + self.transition
            + self.relocation
            + self.rewards
            + self.infrastructure
    }

    pub fn add(&mut self, o: &Investment) {
        self.compensation += o.compensation;
        self.purchase += o.purchase;
        self.construction += o.construction;
        self.transition += o.transition;
        self.relocation += o.relocation;
        self.rewards += o.rewards;
        self.infrastructure += o.infrastructure;
    }

    /// The categories in display order, with their catalogue keys.
    pub fn parts(&self) -> [(crate::words::i18n::Text, f64); 7] {
        use crate::words::i18n::Text::*;
        [
            (InvCompensation, self.compensation),
            (InvPurchase, self.purchase),
            (InvConstruction, self.construction),
            (InvTransition, self.transition),
            (InvRelocation, self.relocation),
            (InvRewards, self.rewards),
            (InvInfrastructure, self.infrastructure),
        ]
    }
}

/// A project's costs over its life.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProjectCosts {
    pub total: Investment,
    /// Index 0 is the project's planned year.
    pub by_year: Vec<Investment>,
    /// Households by way, whole (largest-remainder split of the shares).
    pub households: crate::calc::model::Rehousing,
    /// Months from signing to handover of the new flats.
    pub wait_months: f64,
    /// Year index (from the planned year) in which in-kind households get their flats.
    pub handover_offset: usize,
    /// Year index in which construction completes: month `construction_months` counted from
    /// January of the planned year; a project with nothing to build completes in year 0.
    /// Availability payments start the year after; transition months never delay it.
    pub completion_offset: usize,
}

const YUAN_PER_WAN: f64 = 10_000.0;

/// Months of a `total_months` period (starting in January of year 0) that fall in year `k`.
pub fn months_in_year(k: usize, total_months: f64) -> f64 {
    (total_months - 12.0 * k as f64).clamp(0.0, 12.0)
}

/// Years a period of `months` touches (at least one).
fn years_spanned(months: f64) -> usize {
    ((months / 12.0).ceil() as usize).max(1)
}

/// Year index of the month in which a period of `months` ends (0 for an empty period).
pub fn end_year_offset(months: f64) -> usize {
    ((months / 12.0).ceil() as usize).saturating_sub(1)
}

pub fn project_costs(p: &Project, defaults: &CostDefaults) -> ProjectCosts {
    let c = p.costs.resolve(defaults);
    let counts = p.resettlement.households(p.households);
    let h = f64::from(p.households);
    let n = |w: ResettlementWay| w.amount(&counts) as f64;
    let in_kind = n(ResettlementWay::NewBuild);
    // Compensation follows the homes of the households paid in money for them.
    let compensated_area = if h > 0.0 {
        p.area_m2 * (n(ResettlementWay::Cash) + n(ResettlementWay::SelfPurchase)) / h
    } else {
        0.0
    };
    let wait = c.construction_months.max(0.0);
    let fee_months = wait + c.transition_extra_months.max(0.0);
    let handover = end_year_offset(wait);

    let total = Investment {
        compensation: compensated_area * c.compensation_price * (1.0 + c.monetization_incentive)
            / YUAN_PER_WAN,
        purchase: n(ResettlementWay::GovernmentPurchase) * c.flat_area * c.purchase_price
            / YUAN_PER_WAN,
        construction: in_kind * c.flat_area * c.construction_cost / YUAN_PER_WAN,
        transition: in_kind * c.persons_per_household * c.transition_fee * fee_months
            / YUAN_PER_WAN,
        relocation: (h + in_kind) * c.relocation_fee / YUAN_PER_WAN,
        rewards: h * c.reward_per_household / YUAN_PER_WAN,
        infrastructure: p.infrastructure_cost,
    };

    let years = years_spanned(wait)
        .max(years_spanned(fee_months))
        .max(handover + 1);
    let mut by_year = vec![Investment::default(); years];
    // Spread over the construction months; an instant build (0 months) lands in year 0.
    let build_share = |k: usize| {
        if wait > 0.0 {
            months_in_year(k, wait) / wait
        } else if k == 0 {
            1.0
        } else {
            0.0
        }
    };
    for (k, y) in by_year.iter_mut().enumerate() {
        y.construction = total.construction * build_share(k);
        y.infrastructure = total.infrastructure * build_share(k);
        if fee_months > 0.0 {
            y.transition = total.transition * months_in_year(k, fee_months) / fee_months;
        }
    }
    let first = &mut by_year[0];
    first.compensation = total.compensation;
    first.purchase = total.purchase;
    first.rewards = total.rewards;
    // Everyone moves out at signing; in-kind households move again into the new flat.
    first.relocation = h * c.relocation_fee / YUAN_PER_WAN;
    by_year[handover].relocation += in_kind * c.relocation_fee / YUAN_PER_WAN;

    let builds = total.construction + total.infrastructure > 0.0;
    ProjectCosts {
        total,
        by_year,
        households: counts,
        wait_months: wait,
        handover_offset: handover,
        completion_offset: if builds { handover } else { 0 },
    }
}
