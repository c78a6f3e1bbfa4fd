//! A project's sources of money checked against their gates: when each can open, what blocks
//! it, and how many months late the money comes (docs/model.md, 前期手续与资金闸门).

use serde::{Deserialize, Serialize};

use crate::calc::instrument::Instrument as I;
use crate::calc::model::{Forecast, Instrument, Month, Project};
use crate::calc::readiness::{Day, Gate, Gates, Milestone, Readiness, RiskLevel};
use crate::words::i18n::{Lang, Text};

/// The month a day falls in.
pub fn month_of(d: Day) -> Month {
    Month::new(d.year, d.month).expect("a day's month is valid")
}

/// What keeps a gate shut.
#[derive(Debug, Clone, PartialEq)]
pub enum Blocker {
    /// A required milestone not reached by the month the plan draws; `expected` is its actual
    /// or planned day (`None`: no date at all).
    Milestone {
        milestone: Milestone,
        expected: Option<Day>,
    },
    Coverage {
        have: Option<f64>,
        need: f64,
    },
    Monetized {
        have: f64,
        need: f64,
    },
    RiskHigh,
    Presigned {
        have: Option<f64>,
        need: f64,
    },
}

/// What a gate reads of a project besides its milestones (from its simulated results).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct GateFigures {
    /// PV(land revenue) / PV(loan + bond debt service).
    pub land_cover: Option<f64>,
    /// PV(land revenue) / PV(bond debt service).
    pub bond_cover: Option<f64>,
    pub monetized: f64,
}

/// Which dates open a gate: the plan's (actual, else planned), or as things stand (actual,
/// else planned but not before the month after `as_of`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GateDates {
    Planned,
    Actual,
}

impl GateDates {
    pub const ALL: [GateDates; 2] = [GateDates::Planned, GateDates::Actual];

    pub fn label(self) -> Text {
        match self {
            GateDates::Planned => Text::GatedPlanned,
            GateDates::Actual => Text::GatedActual,
        }
    }
}

/// One source of one project against its gate.
#[derive(Debug, Clone, PartialEq)]
pub struct GateCheck {
    pub instrument: Instrument,
    /// The month the money is first planned (January of the project's year).
    pub planned_from: Month,
    /// The month its last required milestone is reached; `None` while one has no date.
    pub ready: Option<Month>,
    /// The month the gate opens: `ready`, when every condition (coverage, rates, risk) is met.
    pub opens: Option<Month>,
    /// Months the money comes later than planned by its dated milestones (0 when they are in
    /// time): what the gated simulation moves it by.
    pub late_months: u32,
    /// Every reason the gate is not open by `planned_from`.
    pub blockers: Vec<Blocker>,
}

impl GateCheck {
    /// Money planned before its gate can open: a finding.
    pub fn is_finding(&self) -> bool {
        self.opens.is_none_or(|o| o > self.planned_from)
    }
}

/// The day a milestone counts as reached under `dates`, a step not yet done `slip_days` later
/// than planned (the risk run's approval slippage; 0 elsewhere).
fn reached(
    r: &Readiness,
    m: Milestone,
    dates: GateDates,
    as_of: Option<Month>,
    slip_days: i64,
) -> Option<Day> {
    let rec = r.record(m)?;
    if let Some(a) = rec.actual {
        return Some(a);
    }
    let planned = rec.planned.map(|p| p.plus_days(slip_days));
    match (dates, as_of) {
        (GateDates::Actual, Some(now)) => {
            let next = now.plus(1);
            let first = Day::new(next.year, next.month, 1).expect("first of a month");
            planned.map(|p| p.max(first))
        }
        _ => planned,
    }
}

/// Checks every source the project draws on against its gate.
pub fn check_project(
    p: &Project,
    gates: &Gates,
    figures: &GateFigures,
    dates: GateDates,
    as_of: Option<Month>,
) -> Vec<GateCheck> {
    check_project_slipped(p, gates, figures, dates, as_of, 0)
}

/// `check_project` with every step not yet done `slip_days` later than planned.
fn check_project_slipped(
    p: &Project,
    gates: &Gates,
    figures: &GateFigures,
    dates: GateDates,
    as_of: Option<Month>,
    slip_days: i64,
) -> Vec<GateCheck> {
    Instrument::ALL
        .iter()
        .filter(|&&i| i.get(&p.financing) > 0.0)
        .filter_map(|&i| gates.of(i))
        .map(|g| check_gate_slipped(p, g, figures, dates, as_of, slip_days))
        .collect()
}

/// One gate: the day it opens is the last of its milestones; a condition not met, or a
/// milestone with no date, keeps it shut.
pub fn check_gate(
    p: &Project,
    gate: &Gate,
    figures: &GateFigures,
    dates: GateDates,
    as_of: Option<Month>,
) -> GateCheck {
    check_gate_slipped(p, gate, figures, dates, as_of, 0)
}

/// `check_gate` with every step not yet done `slip_days` later than planned.
fn check_gate_slipped(
    p: &Project,
    gate: &Gate,
    figures: &GateFigures,
    dates: GateDates,
    as_of: Option<Month>,
    slip_days: i64,
) -> GateCheck {
    let r = &p.readiness;
    let planned_from = Month::january(p.year);
    let first_day = Day::new(p.year, 1, 1).expect("January 1st");
    let mut blockers = Vec::new();
    // A gate asking for a risk assessment not high waits, before the assessment, for its day
    // (its result then read as not high): a project assessed next year is not held up today.
    let assessed_later = gate.risk_not_high
        && r.risk_level().is_none()
        && !gate.requires.contains(&Milestone::RiskAssessment);
    let required = gate
        .requires
        .iter()
        .copied()
        .chain(assessed_later.then_some(Milestone::RiskAssessment));
    // The latest dated milestone, and whether any has no date at all.
    let (mut latest, mut undated) = (planned_from, false);
    for m in required {
        let day = reached(r, m, dates, as_of, slip_days);
        match day {
            Some(d) if d <= first_day => continue,
            Some(d) => latest = latest.max(month_of(d)),
            None => undated = true,
        }
        blockers.push(Blocker::Milestone {
            milestone: m,
            expected: day,
        });
    }
    let opens = (!undated).then_some(latest);
    let mut shut = |b: Blocker| {
        blockers.push(b);
        false
    };
    let mut conditions_met = true;
    if let Some(need) = gate.min_coverage {
        let have = if gate.instrument == I::SpecialBond {
            figures.bond_cover
        } else {
            figures.land_cover
        };
        // No debt to cover (no ratio) is no shortfall.
        if have.is_some_and(|h| h + 1e-9 < need) {
            conditions_met &= shut(Blocker::Coverage { have, need });
        }
    }
    if let Some(need) = gate.min_monetized {
        if figures.monetized + 1e-9 < need {
            conditions_met &= shut(Blocker::Monetized {
                have: figures.monetized,
                need,
            });
        }
    }
    if gate.risk_not_high && r.risk_level() == Some(RiskLevel::High) {
        conditions_met &= shut(Blocker::RiskHigh);
    }
    if let Some(need) = gate.min_presigned {
        if r.presigned.is_none_or(|h| h + 1e-9 < need) {
            conditions_met &= shut(Blocker::Presigned {
                have: r.presigned,
                need,
            });
        }
    }
    GateCheck {
        instrument: gate.instrument,
        planned_from,
        ready: opens,
        opens: opens.filter(|_| conditions_met),
        late_months: latest.since(planned_from).max(0) as u32,
        blockers,
    }
}

/// Months the project's money comes late under its gates: the latest milestone date of the
/// sources it draws on (a milestone without a date, or a condition not met, moves nothing:
/// there is no date to move to; each stays a finding).
pub fn gated_delay(checks: &[GateCheck]) -> u32 {
    checks.iter().map(|c| c.late_months).max().unwrap_or(0)
}

/// The project as it runs when its money waits for its gates: signing and building start
/// `gated_delay` months late (a forecast's own delays kept where longer). The conditions do
/// not move money, so the figures they read are not needed here.
pub fn gate_schedule(p: &mut Project, gates: &Gates, dates: GateDates) {
    let as_of = p.forecast.map(|f| f.as_of);
    let checks = check_project(p, gates, &GateFigures::default(), dates, as_of);
    let delay = gated_delay(&checks);
    if delay > 0 {
        let f = forecast_mut(p);
        f.signing_delay = f.signing_delay.max(delay);
        f.construction_delay = f.construction_delay.max(delay);
    }
}

/// The project's forecast, made when it has none: before the project's start, so no actuals
/// replace any month of its plan.
fn forecast_mut(p: &mut Project) -> &mut Forecast {
    p.forecast.get_or_insert(Forecast {
        as_of: Month::january(p.year).previous(),
        signing_delay: 0,
        construction_delay: 0,
    })
}

/// Months the project's money comes late as things stand (actual days, else planned but not
/// before the month after its forecast's), every step not yet done `slip_days` later than
/// planned: what the risk run's approval slippage reads (docs/model.md, 风险).
pub fn money_delay(p: &Project, gates: &Gates, slip_days: i64) -> u32 {
    let as_of = p.forecast.map(|f| f.as_of);
    gated_delay(&check_project_slipped(
        p,
        gates,
        &GateFigures::default(),
        GateDates::Actual,
        as_of,
        slip_days,
    ))
}

/// Approvals `slip_days` later than planned: the project signs and builds as many more months
/// late as its money now comes later (nothing moves for a project whose gates are passed, or
/// whose money does not wait for the steps that slip).
pub fn slip_approvals(p: &mut Project, gates: &Gates, slip_days: i64) {
    if slip_days <= 0 {
        return;
    }
    let more = money_delay(p, gates, slip_days).saturating_sub(money_delay(p, gates, 0));
    if more > 0 {
        let f = forecast_mut(p);
        f.signing_delay += more;
        f.construction_delay += more;
    }
}

impl Blocker {
    /// "「贷款合同签订」计划于2027年4月15日" / "无资金平衡方案覆盖倍数 0.95 < 1.2".
    pub fn message(&self, lang: Lang) -> String {
        use crate::words::display::fixed;
        let pct = crate::words::i18n::fmt_pct;
        match self {
            Blocker::Milestone {
                milestone,
                expected: Some(d),
            } => Text::BlockMilestoneAt.fill(lang, &[&milestone.label().tr(lang), &d.label(lang)]),
            Blocker::Milestone {
                milestone,
                expected: None,
            } => Text::BlockMilestoneUndated.fill(lang, &[&milestone.label().tr(lang)]),
            Blocker::Coverage { have, need } => Text::BlockCoverage.fill(
                lang,
                &[
                    &have.map_or_else(|| "—".to_string(), |h| fixed(h, 2)),
                    &fixed(*need, 2),
                ],
            ),
            Blocker::Monetized { have, need } => {
                Text::BlockMonetized.fill(lang, &[&pct(*have), &pct(*need)])
            }
            Blocker::RiskHigh => Text::BlockRiskHigh.tr(lang).to_string(),
            Blocker::Presigned { have, need } => Text::BlockPresigned.fill(
                lang,
                &[&have.map_or_else(|| "—".to_string(), pct), &pct(*need)],
            ),
        }
    }
}

impl GateCheck {
    /// What blocks the project's money from this source, in a sentence: "政策性贷款：计划2027年1月
    /// 起使用，「贷款合同签订」计划于2027年4月15日，资金晚到 3 个月".
    pub fn sentence(&self, lang: Lang) -> String {
        let reasons = self
            .blockers
            .iter()
            .map(|b| b.message(lang))
            .collect::<Vec<_>>()
            .join(Text::ListSeparator.tr(lang));
        let consequence = match self.opens {
            Some(_) if self.late_months > 0 => Text::GateLate.fill(lang, &[&self.late_months]),
            Some(_) => Text::GateOpen.tr(lang).to_string(),
            None => Text::GateShut.tr(lang).to_string(),
        };
        let source = self.instrument.label().tr(lang);
        let from = self.planned_from.label(lang);
        if reasons.is_empty() {
            return Text::GateSentenceClear.fill(lang, &[&source, &from, &consequence]);
        }
        Text::GateSentence.fill(lang, &[&source, &from, &reasons, &consequence])
    }
}
