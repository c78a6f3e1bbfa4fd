//! What one project costs, by category, and in which year each part is spent.
//!
//! Timing: signing (and with it compensation, purchase, rewards and the first move) happens in
//! January of the project's planned year; construction and infrastructure are spent evenly per
//! month from signing to handover; transition fees are paid monthly for the construction months
//! plus the extra months; the second move of in-kind households falls in the handover year.

use serde::{Deserialize, Serialize};

use crate::calc::model::{Assumptions, Project, ResettlementWay};
use crate::calc::voucher::Cohort;

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
    /// Housing vouchers (房票) paid: to developers as they are used and settled, in cash as they
    /// expire, with their rewards, deed tax relief and fees (`calc::voucher`).
    #[serde(default)]
    pub vouchers: f64,
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
            + self.vouchers
    }

    pub fn add(&mut self, o: &Investment) {
        self.compensation += o.compensation;
        self.purchase += o.purchase;
        self.construction += o.construction;
        self.transition += o.transition;
        self.relocation += o.relocation;
        self.rewards += o.rewards;
        self.infrastructure += o.infrastructure;
        self.vouchers += o.vouchers;
    }

    /// Whether there is anything to build (resettlement housing or infrastructure): such a
    /// project completes when its construction does, and is behind while it has not started.
    pub fn builds(&self) -> bool {
        self.construction + self.infrastructure > 0.0
    }

    /// Every category times `k` (a forecast's months after its actuals, scaled to what is left).
    pub fn scaled(&self, k: f64) -> Investment {
        Investment {
            compensation: self.compensation * k,
            purchase: self.purchase * k,
            construction: self.construction * k,
            transition: self.transition * k,
            relocation: self.relocation * k,
            rewards: self.rewards * k,
            infrastructure: self.infrastructure * k,
            vouchers: self.vouchers * k,
        }
    }

    /// The categories in display order, with their catalogue keys.
    pub fn parts(&self) -> [(crate::words::i18n::Text, f64); 8] {
        use crate::words::i18n::Text::*;
        [
            (InvCompensation, self.compensation),
            (InvPurchase, self.purchase),
            (InvConstruction, self.construction),
            (InvTransition, self.transition),
            (InvRelocation, self.relocation),
            (InvRewards, self.rewards),
            (InvInfrastructure, self.infrastructure),
            (InvVouchers, self.vouchers),
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
    /// Year index in which households sign and those rehoused with money are rehoused (0 but
    /// for a forecast of a project that started late).
    pub signing_offset: usize,
    /// Year index in which construction completes: month `construction_months` counted from
    /// January of the planned year; a project with nothing to build completes in year 0.
    /// Availability payments start the year after; transition months never delay it.
    pub completion_offset: usize,
    /// The money raised per year when a forecast's actuals set it (funds in place to date, the
    /// rest by the mix); `None`: each instrument its share of every year's investment.
    pub drawn: Option<Vec<crate::calc::model::Sources>>,
    /// When each category is spent, by month (what the forecast splits at its month).
    pub timing: Timing,
}

/// When each category of a project's investment is spent, in months from January of its
/// planned year: what the plan says falls in a stretch of months, so the months to date can
/// be told from the months after.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Timing {
    /// Signing: compensation, purchase, rewards and the move out, all at once.
    pub signing: f64,
    /// Construction starts; it and the infrastructure run `construction` months.
    pub building: f64,
    pub construction: f64,
    /// Transition fees run this many months from the start of construction.
    pub fee_months: f64,
    /// The move out (at signing) and the move into the new flat (at handover), 万元.
    pub relocation_out: f64,
    pub relocation_in: f64,
    /// The vouchers' payments, issued at signing.
    pub vouchers: Cohort,
}

/// The part of a period of `len` months from `start` that falls in months `[a, b)`; a period
/// of no months happens at its start.
fn share(start: f64, len: f64, a: f64, b: f64) -> f64 {
    if len > 0.0 {
        ((start + len).min(b) - start.max(a)).clamp(0.0, len) / len
    } else if a <= start && start < b {
        1.0
    } else {
        0.0
    }
}

impl Timing {
    /// What the plan spends in months `[a, b)` of each category of `total`.
    pub fn planned(&self, total: &Investment, a: f64, b: f64) -> Investment {
        let at_signing = share(self.signing, 0.0, a, b);
        let built = share(self.building, self.construction, a, b);
        // The move in happens at the end of the last month of construction.
        let handover = self.building + self.construction;
        let moved_in = if self.construction > 0.0 {
            f64::from(u8::from(a < handover && handover <= b))
        } else {
            share(self.building, 0.0, a, b)
        };
        Investment {
            compensation: total.compensation * at_signing,
            purchase: total.purchase * at_signing,
            construction: total.construction * built,
            transition: total.transition * share(self.building, self.fee_months, a, b),
            relocation: self.relocation_out * at_signing + self.relocation_in * moved_in,
            rewards: total.rewards * at_signing,
            infrastructure: total.infrastructure * built,
            vouchers: self.vouchers.paid_in(a, b),
        }
    }
}

const YUAN_PER_WAN: f64 = 10_000.0;

/// Months of a `total_months` period (starting in January of year 0) that fall in year `k`.
pub fn months_in_year(k: usize, total_months: f64) -> f64 {
    months_of(k, 0.0, total_months)
}

/// Months of a period of `len` months starting `start` months after January of year 0 that
/// fall in year `k` (with `start` = 0 the same arithmetic, to the bit, as `months_in_year`).
pub fn months_of(k: usize, start: f64, len: f64) -> f64 {
    let from = 12.0 * k as f64;
    ((start + len).min(from + 12.0) - start.max(from)).clamp(0.0, 12.0)
}

/// The year index of month `month` counted from January of year 0 (month 0).
fn year_of_month(month: f64) -> usize {
    (month.max(0.0) / 12.0).floor() as usize
}

/// Year index of the month in which a period of `months` from `start` ends: the year of
/// `start` itself for an empty period.
fn end_year(start: f64, months: f64) -> usize {
    if months > 0.0 {
        (((start + months) / 12.0).ceil() as usize)
            .saturating_sub(1)
            .max(year_of_month(start))
    } else {
        year_of_month(start)
    }
}

/// Years a period of `months` touches (at least one).
fn years_spanned(months: f64) -> usize {
    ((months / 12.0).ceil() as usize).max(1)
}

pub fn project_costs(p: &Project, a: &Assumptions) -> ProjectCosts {
    let c = p.costs.resolve(&a.costs);
    let counts = p.resettlement.households(p.households);
    let h = f64::from(p.households);
    let n = |w: ResettlementWay| w.amount(&counts) as f64;
    let in_kind = n(ResettlementWay::NewBuild);
    // Compensation follows the homes of the households paid in money for them.
    let per_household_area = if h > 0.0 { p.area_m2 / h } else { 0.0 };
    let compensated_area =
        per_household_area * (n(ResettlementWay::Cash) + n(ResettlementWay::SelfPurchase));
    let wait = c.construction_months.max(0.0);
    let fee_months = wait + c.transition_extra_months.max(0.0);
    // A forecast starts signing and building late (docs/model.md, 预测与滚动); the plan at 0.
    let (sign, build) = p.forecast.map_or((0.0, 0.0), |f| {
        (f64::from(f.signing_delay), f64::from(f.construction_delay))
    });
    let signing = year_of_month(sign);
    let handover = end_year(build, wait);
    // A voucher's face value is its household's compensation, without the monetization
    // incentive: its reward is the scheme's, by when it is used.
    let vouchers = a.vouchers.cohort(
        sign as u32,
        per_household_area * n(ResettlementWay::Voucher) * c.compensation_price / YUAN_PER_WAN,
        n(ResettlementWay::Voucher) * c.persons_per_household * c.transition_fee / YUAN_PER_WAN,
    );

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
        vouchers: vouchers.cost.total(),
    };

    let years = years_spanned(build + wait)
        .max(years_spanned(build + fee_months))
        .max(handover + 1)
        .max(signing + 1)
        .max(vouchers.last_year() + 1);
    let mut by_year = vec![Investment::default(); years];
    // Spread over the construction months; an instant build (0 months) lands in year 0.
    let build_share = |k: usize| {
        if wait > 0.0 {
            months_of(k, build, wait) / wait
        } else if k == year_of_month(build) {
            1.0
        } else {
            0.0
        }
    };
    for (k, y) in by_year.iter_mut().enumerate() {
        y.construction = total.construction * build_share(k);
        y.infrastructure = total.infrastructure * build_share(k);
        if fee_months > 0.0 {
            y.transition = total.transition * months_of(k, build, fee_months) / fee_months;
        }
        y.vouchers = vouchers.paid_in_year(k);
    }
    let first = &mut by_year[signing];
    first.compensation = total.compensation;
    first.purchase = total.purchase;
    first.rewards = total.rewards;
    // Everyone moves out at signing; in-kind households move again into the new flat.
    first.relocation = h * c.relocation_fee / YUAN_PER_WAN;
    by_year[handover].relocation += in_kind * c.relocation_fee / YUAN_PER_WAN;

    let builds = total.builds();
    ProjectCosts {
        total,
        by_year,
        households: counts,
        wait_months: wait,
        handover_offset: handover,
        signing_offset: signing,
        completion_offset: if builds { handover } else { signing },
        drawn: None,
        timing: Timing {
            signing: sign,
            building: build,
            construction: wait,
            fee_months,
            relocation_out: h * c.relocation_fee / YUAN_PER_WAN,
            relocation_in: in_kind * c.relocation_fee / YUAN_PER_WAN,
            vouchers,
        },
    }
}
