//! The optimizer's settings as the plan document keeps them: the objective, which targets and
//! lines bind, the planner's bounds and limits, and their checks.

use serde::{Deserialize, Serialize};

use crate::calc::fields::{Bounds, Problem};
use crate::words::i18n::Text;

/// What is minimized.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Objective {
    /// Present value of the fiscal burden.
    #[default]
    FiscalPv,
    /// The peak year's fiscal burden.
    PeakFiscal,
}

impl Objective {
    /// What is minimized, as the answer's name and sentences say it.
    pub fn label(self) -> Text {
        match self {
            Objective::FiscalPv => Text::KpiFiscalPv,
            Objective::PeakFiscal => Text::KpiPeakFiscal,
        }
    }
}

/// The planner's choices and limits; the empty ones do not bind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub objective: Objective,
    /// Each district's own target too (else the central city, counties and overall ones).
    pub district_targets: bool,
    /// The 5 % line: no new government-pay PPP above it (财金〔2022〕119号).
    pub ppp_tier: bool,
    /// New projects may be financed by government purchase of services (else, as 财政部令第102号
    /// has it since 2020, the optimizer keeps them off it). Written only when set, so documents
    /// that never set it read and write as before.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub allow_service_purchase: bool,
    /// Cash compensation at most this share of a project's households.
    pub max_cash: f64,
    /// New build at least this share (residents who insist on a flat); per project below.
    pub min_in_kind: f64,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub in_kind_floor: Vec<(String, f64)>,
    /// Households' worth of existing commodity housing the government can buy, per district.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub housing_stock: Vec<(String, f64)>,
    /// Policy-bank credit line (授信额度), 万元 in total.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit_line: Option<f64>,
    /// Fiscal burden in any year, 万元.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub burden_ceiling: Option<f64>,
    /// Debt outstanding in any year, 万元.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub debt_ceiling: Option<f64>,
    /// Each bond-financed project's coverage PV(income) / PV(bond debt service) at least this
    /// (the planner's relaxation of the plan's appraisal threshold; `None`: the threshold,
    /// `Assumptions::bond_balance_threshold`). Never below 1.0, the legal floor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bond_coverage: Option<f64>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            objective: Objective::FiscalPv,
            district_targets: false,
            ppp_tier: false,
            allow_service_purchase: false,
            max_cash: 0.7,
            min_in_kind: 0.0,
            in_kind_floor: Vec::new(),
            housing_stock: Vec::new(),
            credit_line: None,
            burden_ceiling: None,
            debt_ceiling: None,
            bond_coverage: None,
        }
    }
}

/// A setting a problem can be named by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Setting {
    MaxCash,
    MinInKind,
    /// A project's own floor (by its id).
    InKindFloor,
    /// A district's housing stock.
    HousingStock,
    CreditLine,
    BurdenCeiling,
    DebtCeiling,
    BondCoverage,
}

impl Setting {
    pub fn label(self) -> Text {
        match self {
            Setting::MaxCash => Text::OptimizeMaxCash,
            Setting::MinInKind | Setting::InKindFloor => Text::OptimizeMinInKind,
            Setting::HousingStock => Text::OptimizeStock,
            Setting::CreditLine => Text::OptimizeCredit,
            Setting::BurdenCeiling => Text::OptimizeCeiling,
            Setting::DebtCeiling => Text::OptimizeDebt,
            Setting::BondCoverage => Text::OptimizeBondCoverage,
        }
    }

    /// Shares, shown ×100 in messages.
    pub fn percent(self) -> bool {
        matches!(
            self,
            Setting::MaxCash | Setting::MinInKind | Setting::InKindFloor
        )
    }
}

/// Households of housing stock: up to ten million, far above any city.
const HOUSEHOLDS: Bounds = Bounds::new(0.0, 1e7);
/// A bond coverage: from the legal floor (PV(income) = PV(debt service)) to three times it.
pub const COVERAGE: Bounds = Bounds::new(1.0, 3.0);

impl Settings {
    pub fn is_default(&self) -> bool {
        *self == Settings::default()
    }

    /// The coverage every bond-financed project keeps: the planner's, else the plan's threshold;
    /// never below the legal floor of 1.
    pub fn bond_coverage(&self, threshold: f64) -> f64 {
        self.bond_coverage.unwrap_or(threshold).max(1.0)
    }

    /// A project's floor of new build: its own, else the plan-wide one.
    pub fn floor(&self, project: &str) -> f64 {
        keyed(&self.in_kind_floor, project).unwrap_or(self.min_in_kind)
    }

    /// Every value out of its bounds, named by its setting.
    pub fn problems(&self) -> Vec<(Setting, Problem)> {
        let mut out = Vec::new();
        let mut check = |setting: Setting, bounds: Bounds, v: f64| {
            out.extend(bounds.check(v).map(|p| (setting, p)));
        };
        check(Setting::MaxCash, Bounds::SHARE, self.max_cash);
        check(Setting::MinInKind, Bounds::SHARE, self.min_in_kind);
        for (_, f) in &self.in_kind_floor {
            check(Setting::InKindFloor, Bounds::SHARE, *f);
        }
        for (_, n) in &self.housing_stock {
            check(Setting::HousingStock, HOUSEHOLDS, *n);
        }
        let limits = [
            (Setting::CreditLine, self.credit_line),
            (Setting::BurdenCeiling, self.burden_ceiling),
            (Setting::DebtCeiling, self.debt_ceiling),
        ];
        for (setting, v) in limits {
            if let Some(v) = v {
                check(setting, Bounds::MONEY, v);
            }
        }
        if let Some(c) = self.bond_coverage {
            check(Setting::BondCoverage, COVERAGE, c);
        }
        out
    }
}

/// A keyed list's value for `key` (a project's floor, a district's housing stock).
pub fn keyed(list: &[(String, f64)], key: &str) -> Option<f64> {
    list.iter().find(|(k, _)| k == key).map(|(_, v)| *v)
}

/// Sets `key`'s value in a keyed list (removed when `None`).
pub fn set_keyed(list: &mut Vec<(String, f64)>, key: &str, value: Option<f64>) {
    list.retain(|(k, _)| k != key);
    if let Some(v) = value {
        list.push((key.to_string(), v));
    }
}
