//! Levers: one change over a selection of projects ("区县货币化≥57%"), kept as a value so a
//! scenario re-reads its selection when the base plan changes.

use serde::{Deserialize, Serialize};

use crate::calc::fields::PppInput;
use crate::calc::model::{
    CostDriver, Instrument, Project, ProjectId, ProjectType, ResettlementWay, Status,
};
use crate::words::display::plain_number;
use crate::words::i18n::{Lang, Text};

/// Which projects a lever changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum Scope {
    All,
    Central,
    Counties,
    District {
        name: String,
    },
    Type {
        kind: ProjectType,
    },
    Year {
        year: i32,
    },
    Status {
        status: Status,
    },
    /// Rows the planner ticked, by id (never by position).
    Projects {
        ids: Vec<ProjectId>,
    },
}

impl Scope {
    pub fn selects(&self, p: &Project) -> bool {
        match self {
            Scope::All => true,
            Scope::Central => p.central_city,
            Scope::Counties => !p.central_city,
            Scope::District { name } => &p.district == name,
            Scope::Type { kind } => p.kind == *kind,
            Scope::Year { year } => p.year == *year,
            Scope::Status { status } => p.status == *status,
            Scope::Projects { ids } => ids.contains(&p.id),
        }
    }

    /// "区县", "中心城市", "东城区", "2027年", "勾选的 3 个项目".
    pub fn label(&self, lang: Lang) -> String {
        match self {
            Scope::All => Text::ScopeAll.tr(lang).into(),
            Scope::Central => Text::CentralCity.tr(lang).into(),
            Scope::Counties => Text::ScopeCounties.tr(lang).into(),
            Scope::District { name } => name.clone(),
            Scope::Type { kind } => crate::calc::model::type_text(*kind).tr(lang).into(),
            Scope::Year { year } => Text::ScopeYear.fill(lang, &[year]),
            Scope::Status { status } => crate::calc::model::status_text(*status).tr(lang).into(),
            Scope::Projects { ids } => Text::ScopeTicked.fill(lang, &[&ids.len()]),
        }
    }
}

/// What a lever does to each selected project. Shares and points are fractions (0.57 = 57 %).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LeverAction {
    /// At least `share` of each project's households rehoused with money, whole households,
    /// moved from new build into `into` (cash compensation unless the planner asks otherwise).
    MonetizedMin { share: f64, into: ResettlementWay },
    /// `points` more of each project's households rehoused with money (as far as new build
    /// allows), moved into `into`.
    MonetizedPlus { points: f64, into: ResettlementWay },
    /// `points` of each project's financing moved from one instrument to another (as far as
    /// `from` has them).
    ShiftFinancing {
        from: Instrument,
        to: Instrument,
        points: f64,
    },
    /// One instrument's share set in each project, the policy loan taking up the difference
    /// (never more than the loan and the instrument hold together).
    FinancingShare { instrument: Instrument, share: f64 },
    /// Each project's own value of a cost driver scaled by `1 + percent`.
    ScaleCost { driver: CostDriver, percent: f64 },
    /// One of each PPP project's own inputs to its fiscal spending set (the government's
    /// equity share, a 比例法 risk ratio); projects without PPP financing, and a ratio where the
    /// project uses 情景分析法, are left alone.
    PppInput { input: PppInput, value: f64 },
    /// Each project moved to the next year of the window, the last year back to the first (in a
    /// two-year window: the other year).
    MoveYear,
    /// The projects left out of the plan (postponed beyond the window).
    Exclude,
}

impl LeverAction {
    /// The `lever-kind` value of the control and of the document.
    pub fn kind(&self) -> &'static str {
        match self {
            LeverAction::MonetizedMin { .. } => "monetized_min",
            LeverAction::MonetizedPlus { .. } => "monetized_plus",
            LeverAction::ShiftFinancing { .. } => "shift_financing",
            LeverAction::FinancingShare { .. } => "financing_share",
            LeverAction::ScaleCost { .. } => "scale_cost",
            LeverAction::PppInput { .. } => "ppp_input",
            LeverAction::MoveYear => "move_year",
            LeverAction::Exclude => "exclude",
        }
    }
}

/// A change to every project of a scope.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lever {
    pub scope: Scope,
    pub action: LeverAction,
}

fn pct(v: f64) -> String {
    plain_number(v * 100.0, 2)
}

impl Lever {
    /// The lever's name, also the name of the scenario it creates: "区县货币化≥57%".
    pub fn name(&self, lang: Lang) -> String {
        let scope = self.scope.label(lang);
        match &self.action {
            LeverAction::MonetizedMin { share, .. } => {
                Text::LeverMonetizedMinName.fill(lang, &[&scope, &pct(*share)])
            }
            LeverAction::MonetizedPlus { points, .. } => {
                Text::LeverMonetizedPlusName.fill(lang, &[&scope, &pct(*points)])
            }
            LeverAction::ShiftFinancing { from, to, points } => Text::LeverShiftName.fill(
                lang,
                &[
                    &scope,
                    &from.label().tr(lang),
                    &to.label().tr(lang),
                    &pct(*points),
                ],
            ),
            LeverAction::FinancingShare { instrument, share } => Text::LeverShareName
                .fill(lang, &[&scope, &instrument.label().tr(lang), &pct(*share)]),
            LeverAction::ScaleCost { driver, percent } => {
                let signed = if *percent >= 0.0 {
                    format!("+{}", pct(*percent))
                } else {
                    pct(*percent)
                };
                Text::LeverScaleName.fill(lang, &[&scope, &driver.label().tr(lang), &signed])
            }
            LeverAction::PppInput { input, value } => {
                Text::LeverPppName.fill(lang, &[&scope, &input.label().tr(lang), &pct(*value)])
            }
            LeverAction::MoveYear => Text::LeverMoveYearName.fill(lang, &[&scope]),
            LeverAction::Exclude => Text::LeverExcludeName.fill(lang, &[&scope]),
        }
    }
}
