//! The figures of a month's progress (`model::MonthlyProgress`), declared once: the 进度 grid,
//! validation, the county template and the report read these.

use serde::Serialize;

use crate::calc::costs::ProjectCosts;
use crate::calc::measure::{Bounds, Unit};
use crate::calc::model::{Instrument, MonthlyProgress, Project, ResettlementWay};
use crate::words::i18n::Lang;
use crate::words::i18n::Text;

/// A figure of a monthly record, declared once: the 进度 grid's columns, validation, the
/// county template and the report read these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProgressField {
    Signed,
    Vacated,
    Monetized(ResettlementWay),
    StartedUnits,
    CompletedUnits,
    Invested,
    Funds(Instrument),
}

impl ProgressField {
    /// Every figure, in the report's order.
    pub fn all() -> Vec<ProgressField> {
        let mut out = vec![ProgressField::Signed, ProgressField::Vacated];
        out.extend(
            ResettlementWay::ALL
                .iter()
                .filter(|w| w.monetized())
                .map(|&w| ProgressField::Monetized(w)),
        );
        out.extend([
            ProgressField::StartedUnits,
            ProgressField::CompletedUnits,
            ProgressField::Invested,
        ]);
        out.extend(Instrument::ALL.iter().map(|&i| ProgressField::Funds(i)));
        out
    }

    /// "signed", "monetized.cash", "funds.policy_loan": the grid's test ids and the template's
    /// column keys.
    pub fn key(self) -> String {
        match self {
            ProgressField::Signed => "signed".into(),
            ProgressField::Vacated => "vacated".into(),
            ProgressField::Monetized(w) => format!("monetized.{}", w.key()),
            ProgressField::StartedUnits => "started_units".into(),
            ProgressField::CompletedUnits => "completed_units".into(),
            ProgressField::Invested => "invested".into(),
            ProgressField::Funds(i) => format!("funds.{}", i.key()),
        }
    }

    /// "签约户数", "货币化安置·直接发放补偿资金（户）", "到位资金·国开行/农发行贷款".
    pub fn name(self, lang: Lang) -> String {
        match self {
            ProgressField::Signed => Text::ProgressSigned.tr(lang).into(),
            ProgressField::Vacated => Text::ProgressVacated.tr(lang).into(),
            ProgressField::Monetized(w) => {
                Text::ProgressMonetizedWay.fill(lang, &[&w.label().tr(lang)])
            }
            ProgressField::StartedUnits => Text::ProgressStarted.tr(lang).into(),
            ProgressField::CompletedUnits => Text::ProgressCompleted.tr(lang).into(),
            ProgressField::Invested => Text::ProgressInvested.tr(lang).into(),
            ProgressField::Funds(i) => Text::ProgressFundsOf.fill(lang, &[&i.label().tr(lang)]),
        }
    }

    pub fn unit(self) -> Unit {
        match self {
            ProgressField::Invested | ProgressField::Funds(_) => Unit::Wan,
            _ => Unit::Households,
        }
    }

    /// Counts are whole and at most the plan document's household bound; amounts are money.
    pub fn bounds(self) -> Bounds {
        match self.unit() {
            Unit::Wan => Bounds::MONEY,
            _ => Bounds::whole(0.0, crate::calc::fields::MAX_HOUSEHOLDS),
        }
    }

    pub fn get(self, r: &MonthlyProgress) -> f64 {
        match self {
            ProgressField::Signed => r.signed as f64,
            ProgressField::Vacated => r.vacated as f64,
            ProgressField::Monetized(w) => r.monetized.get(&w).copied().unwrap_or(0) as f64,
            ProgressField::StartedUnits => r.started_units as f64,
            ProgressField::CompletedUnits => r.completed_units as f64,
            ProgressField::Invested => r.invested,
            ProgressField::Funds(i) => i.amount(&r.funds),
        }
    }

    /// Sets the figure (a count is rounded to whole households; bounds are validation's).
    pub fn set(self, r: &mut MonthlyProgress, v: f64) {
        let count = v.max(0.0).round() as u64;
        match self {
            ProgressField::Signed => r.signed = count,
            ProgressField::Vacated => r.vacated = count,
            ProgressField::Monetized(w) if count == 0 => {
                r.monetized.remove(&w);
            }
            ProgressField::Monetized(w) => {
                r.monetized.insert(w, count);
            }
            ProgressField::StartedUnits => r.started_units = count,
            ProgressField::CompletedUnits => r.completed_units = count,
            ProgressField::Invested => r.invested = v,
            ProgressField::Funds(i) => *i.amount_mut(&mut r.funds) = v,
        }
    }

    /// The most the plan allows over the project's life: its households, the households of a
    /// way, its in-kind flats, its investment; flats completed never exceed flats started.
    pub fn plan_limit(self, p: &Project, costs: &ProjectCosts, r: &MonthlyProgress) -> f64 {
        let households = costs.households;
        match self {
            ProgressField::Signed | ProgressField::Vacated => f64::from(p.households),
            ProgressField::Monetized(w) => w.amount(&households) as f64,
            ProgressField::StartedUnits => ResettlementWay::NewBuild.amount(&households) as f64,
            ProgressField::CompletedUnits => r.started_units as f64,
            ProgressField::Invested | ProgressField::Funds(_) => costs.total.total(),
        }
    }
}

/// A rate of the month's plan against actual, declared once: the ranking's composite weighs
/// these, the report and the grid's summary show them (docs/model.md, 进度).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ProgressRate {
    /// 开工率: (flats started + households resettled with money) ÷ the year's target.
    Start,
    /// 签约率.
    Signing,
    /// 货币化安置率 (actual).
    Monetized,
    /// 投资完成率.
    Investment,
    /// 资金到位率: all funds in place ÷ the year's planned sources.
    Funds,
}

impl ProgressRate {
    pub const ALL: &'static [ProgressRate] = &[
        ProgressRate::Start,
        ProgressRate::Signing,
        ProgressRate::Monetized,
        ProgressRate::Investment,
        ProgressRate::Funds,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ProgressRate::Start => "start",
            ProgressRate::Signing => "signing",
            ProgressRate::Monetized => "monetized",
            ProgressRate::Investment => "investment",
            ProgressRate::Funds => "funds",
        }
    }

    pub fn label(self) -> Text {
        match self {
            ProgressRate::Start => Text::ColStartRate,
            ProgressRate::Signing => Text::ColSigningRate,
            ProgressRate::Monetized => Text::ColMonetizedActual,
            ProgressRate::Investment => Text::ColInvestmentRate,
            ProgressRate::Funds => Text::ColFundsRate,
        }
    }
}
