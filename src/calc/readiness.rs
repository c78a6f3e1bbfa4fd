//! A project's readiness before its money: its milestones (approvals and each source of money's
//! own steps) declared once with their dates, and the gates (rules and presets) each source of
//! money waits for; `gates` checks a project against them.
//!
//! docs/model.md (前期手续与资金闸门) gives the rules and their sources; validation, edits, the
//! board, the workbook and the gated simulation read the declarations here.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::calc::instrument::Instrument;
use crate::words::i18n::{Lang, Text};

/// A calendar day, written "2026-10-31" in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Day {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Day {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Day> {
        let d = Day { year, month, day };
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(d)
    }

    /// "2026-10-31" (an `<input type="date">` value) and nothing else.
    pub fn parse(s: &str) -> Option<Day> {
        let mut parts = s.trim().split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Day::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    pub fn key(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// "2026年10月31日".
    pub fn label(self, lang: Lang) -> String {
        crate::words::i18n::fmt_date(self.year, u32::from(self.month), u32::from(self.day), lang)
    }

    /// Days since 1970-01-01 (negative before): H. Hinnant's days-from-civil.
    pub fn number(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day `n` days from 1970-01-01 (the inverse of `number`).
    pub fn of_number(n: i64) -> Day {
        let z = n + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Day { year, month, day }
    }

    pub fn plus_days(self, n: i64) -> Day {
        Day::of_number(self.number() + n)
    }

    /// Days from `earlier` to this day (negative when it is later).
    pub fn days_since(self, earlier: Day) -> i64 {
        self.number() - earlier.number()
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl TryFrom<String> for Day {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Day::parse(&s).ok_or_else(|| format!("“{s}” is not a date written YYYY-MM-DD"))
    }
}

impl From<Day> for String {
    fn from(d: Day) -> String {
        d.key()
    }
}

/// Where a milestone belongs: the project's own approvals, or one source of money's steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Approval,
    Money(Instrument),
}

/// What a milestone's document number looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    /// An official document's number (文号): issuer, year in 〔〕 (or [ ]), serial, 号 —
    /// "西发改投资〔2026〕112号".
    Document,
    /// A certificate's or contract's number (证号/合同号): six to forty letters, digits,
    /// hyphens, or Chinese around them, with at least four digits — "建字第610102202600017号".
    Certificate,
}

impl NumberKind {
    /// Whether `number` has this kind's form (an empty number is checked as absent, not here).
    pub fn accepts(self, number: &str) -> bool {
        let n = number.trim();
        let chars = n.chars().count();
        match self {
            NumberKind::Document => {
                let Some(open) = n.find(['〔', '[', '［']) else {
                    return false;
                };
                let rest = &n[open..];
                let mut it = rest.char_indices().skip(1);
                let year: String = it
                    .by_ref()
                    .take(4)
                    .map(|(_, c)| c)
                    .filter(char::is_ascii_digit)
                    .collect();
                let close = rest.chars().nth(5);
                let tail: String = rest.chars().skip(6).collect();
                let serial = tail.strip_suffix('号').unwrap_or("");
                open > 0
                    && year.len() == 4
                    && matches!(close, Some('〕' | ']' | '］'))
                    && !serial.is_empty()
                    && serial.chars().all(|c| c.is_ascii_digit())
                    && chars <= 60
            }
            NumberKind::Certificate => {
                (6..=40).contains(&chars)
                    && n.chars().filter(char::is_ascii_digit).count() >= 4
                    && n.chars().all(|c| {
                        c.is_ascii_alphanumeric() || c == '-' || c == '（' || c == '）' || {
                            let u = c as u32;
                            (0x4E00..=0x9FFF).contains(&u)
                        }
                    })
            }
        }
    }

    pub fn example(self) -> &'static str {
        match self {
            NumberKind::Document => "西发改投资〔2026〕112号",
            NumberKind::Certificate => "建字第610102202600017号",
        }
    }
}

/// Declares the milestones once: key (in the document and the workbook), label, stage, the
/// milestones it comes after, and its number's form.
macro_rules! milestones {
    ($( $(#[$doc:meta])* $variant:ident = $key:literal, $label:ident, $stage:expr,
        [$($after:ident),*], $number:ident; )*) => {
        /// A step a project goes through before (and as) its money flows.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum Milestone { $( $(#[$doc])* #[serde(rename = $key)] $variant, )* }

        impl Milestone {
            pub const ALL: &'static [Milestone] = &[ $( Milestone::$variant, )* ];
            pub fn key(self) -> &'static str {
                match self { $( Milestone::$variant => $key, )* }
            }
            pub fn label(self) -> Text {
                match self { $( Milestone::$variant => Text::$label, )* }
            }
            pub fn stage(self) -> Stage {
                match self { $( Milestone::$variant => $stage, )* }
            }
            /// The milestones that must be reached before this one.
            pub fn after(self) -> &'static [Milestone] {
                match self { $( Milestone::$variant => &[$(Milestone::$after),*], )* }
            }
            pub fn number_kind(self) -> NumberKind {
                match self { $( Milestone::$variant => NumberKind::$number, )* }
            }
        }
    };
}

use Instrument as I;
milestones! {
    /// 立项/可研批复
    Feasibility = "feasibility", MsFeasibility, Stage::Approval, [], Document;
    /// 用地预审与选址意见书 / 建设用地批准
    LandUse = "land_use", MsLandUse, Stage::Approval, [], Document;
    /// 建设用地规划许可证 (and 工程规划许可)
    PlanningPermit = "planning_permit", MsPlanningPermit, Stage::Approval, [LandUse], Certificate;
    /// 环评批复
    Eia = "eia", MsEia, Stage::Approval, [], Document;
    /// 社会稳定风险评估 (its result is in `Readiness::risk`)
    RiskAssessment = "risk_assessment", MsRiskAssessment, Stage::Approval, [], Document;
    /// 征收补偿方案 公示
    CompensationPlan = "compensation_plan", MsCompensationPlan, Stage::Approval, [], Document;
    /// 预签约 reaching its threshold (the rate is in `Readiness::presigned`)
    Presigning = "presigning", MsPresigning, Stage::Approval, [CompensationPlan], Document;
    /// 征收决定/公告: after the risk assessment and the compensation plan
    ExpropriationDecision = "expropriation_decision", MsExpropriationDecision, Stage::Approval, [RiskAssessment, CompensationPlan], Document;
    /// 资金平衡方案 approved (its coverage comes from the project's own 资金平衡方案)
    FundBalancePlan = "fund_balance_plan", MsFundBalancePlan, Stage::Approval, [], Document;
    /// 施工许可证
    ConstructionPermit = "construction_permit", MsConstructionPermit, Stage::Approval, [PlanningPermit], Certificate;
    /// Policy loan: 申请
    LoanApplication = "loan_application", MsLoanApplication, Stage::Money(I::PolicyLoan), [], Certificate;
    /// Policy loan: 评审
    LoanReview = "loan_review", MsLoanReview, Stage::Money(I::PolicyLoan), [LoanApplication], Certificate;
    /// Policy loan: 授信
    LoanCredit = "loan_credit", MsLoanCredit, Stage::Money(I::PolicyLoan), [LoanReview], Certificate;
    /// Policy loan: 合同签订
    LoanContract = "loan_contract", MsLoanContract, Stage::Money(I::PolicyLoan), [LoanCredit], Certificate;
    /// Policy loan: 首笔放款
    LoanFirstDraw = "loan_first_draw", MsLoanFirstDraw, Stage::Money(I::PolicyLoan), [LoanContract], Certificate;
    /// Special bond: 入库 (国家重大建设项目库 and 地方政府债务管理系统)
    BondLibrary = "bond_library", MsBondLibrary, Stage::Money(I::SpecialBond), [Feasibility], Certificate;
    /// Special bond: 发行
    BondIssue = "bond_issue", MsBondIssue, Stage::Money(I::SpecialBond), [BondLibrary], Certificate;
    /// PPP: 入库 (财政部PPP综合信息平台)
    PppLibrary = "ppp_library", MsPppLibrary, Stage::Money(I::Ppp), [Feasibility], Certificate;
    /// PPP: 采购
    PppProcurement = "ppp_procurement", MsPppProcurement, Stage::Money(I::Ppp), [PppLibrary], Certificate;
    /// PPP: 合同
    PppContract = "ppp_contract", MsPppContract, Stage::Money(I::Ppp), [PppProcurement], Certificate;
}

impl Milestone {
    pub fn parse(key: &str) -> Option<Milestone> {
        Milestone::ALL.iter().copied().find(|m| m.key() == key)
    }

    /// The milestones of one source of money, in their order.
    pub fn of_source(instrument: Instrument) -> impl Iterator<Item = Milestone> {
        Milestone::ALL
            .iter()
            .copied()
            .filter(move |m| m.stage() == Stage::Money(instrument))
    }
}

/// One milestone of one project: when it is planned, when it happened, its paper.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MilestoneRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned: Option<Day>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<Day>,
    /// 文号 or 证号.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub number: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl MilestoneRecord {
    pub fn is_empty(&self) -> bool {
        *self == MilestoneRecord::default()
    }

    /// When it is reached: the actual day, else the planned one.
    pub fn expected(&self) -> Option<Day> {
        self.actual.or(self.planned)
    }
}

/// 社会稳定风险评估's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskLevel {
    Low,
    Medium,
    High,
}

impl RiskLevel {
    pub const ALL: [RiskLevel; 3] = [RiskLevel::Low, RiskLevel::Medium, RiskLevel::High];

    /// 西安's bands: opposition over 33 % is high, 5–33 % medium, under 5 % low.
    pub fn of_opposition(share: f64) -> RiskLevel {
        if share > 0.33 {
            RiskLevel::High
        } else if share >= 0.05 {
            RiskLevel::Medium
        } else {
            RiskLevel::Low
        }
    }

    pub fn label(self) -> Text {
        match self {
            RiskLevel::Low => Text::RiskLow,
            RiskLevel::Medium => Text::RiskMedium,
            RiskLevel::High => Text::RiskHigh,
        }
    }
}

/// A project's milestone records, shared by a plan and its views until one of them changes a
/// record: a view of a thousand projects is cloned and compared on every edit, and copying and
/// comparing the maps was a third of a date's typing (equal when shared, without a look inside).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Milestones(Arc<BTreeMap<Milestone, MilestoneRecord>>);

impl Milestones {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn insert(&mut self, m: Milestone, record: MilestoneRecord) -> Option<MilestoneRecord> {
        Arc::make_mut(&mut self.0).insert(m, record)
    }

    pub fn remove(&mut self, m: &Milestone) -> Option<MilestoneRecord> {
        if self.0.contains_key(m) {
            Arc::make_mut(&mut self.0).remove(m)
        } else {
            None
        }
    }
}

impl std::ops::Deref for Milestones {
    type Target = BTreeMap<Milestone, MilestoneRecord>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl<'a> IntoIterator for &'a Milestones {
    type Item = (&'a Milestone, &'a MilestoneRecord);
    type IntoIter = std::collections::btree_map::Iter<'a, Milestone, MilestoneRecord>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl FromIterator<(Milestone, MilestoneRecord)> for Milestones {
    fn from_iter<I: IntoIterator<Item = (Milestone, MilestoneRecord)>>(iter: I) -> Self {
        Milestones(Arc::new(iter.into_iter().collect()))
    }
}

/// A project's readiness: its milestones and the figures its gates read.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Readiness {
    #[serde(default, skip_serializing_if = "Milestones::is_empty")]
    pub milestones: Milestones,
    /// 社会稳定风险评估's result; `None` before it (or read from the opposition).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk: Option<RiskLevel>,
    /// Share of surveyed households opposed (0.12 = 12 %).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opposition: Option<f64>,
    /// 预签约率: share of households that signed in advance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presigned: Option<f64>,
}

impl Readiness {
    pub fn is_empty(&self) -> bool {
        *self == Readiness::default()
    }

    pub fn record(&self, m: Milestone) -> Option<&MilestoneRecord> {
        self.milestones.get(&m)
    }

    /// The assessment's level: as entered, else from the opposition share.
    pub fn risk_level(&self) -> Option<RiskLevel> {
        self.risk
            .or_else(|| self.opposition.map(RiskLevel::of_opposition))
    }

    /// The day a milestone is reached (actual, else planned).
    pub fn expected(&self, m: Milestone) -> Option<Day> {
        self.record(m).and_then(MilestoneRecord::expected)
    }

    pub fn done(&self, m: Milestone) -> Option<Day> {
        self.record(m).and_then(|r| r.actual)
    }
}

/// A date the city set for its projects: what (in its words), the milestone it asks for when
/// it is one (the board counts the projects that met it), and the day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deadline {
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub milestone: Option<Milestone>,
    pub day: Day,
}

/// The longest deadline label kept.
pub const DEADLINE_LABEL_MAX: usize = 100;

/// A milestone's place on a given day (the board's colours).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MilestoneStatus {
    Done,
    /// Planned within the next 30 days.
    DueSoon,
    /// Planned before today and not done.
    Late,
    /// Planned later, or no date yet.
    NotStarted,
}

/// Days ahead a planned milestone counts as due soon.
pub const DUE_SOON_DAYS: i64 = 30;

impl MilestoneStatus {
    pub fn of(record: Option<&MilestoneRecord>, today: Day) -> MilestoneStatus {
        let Some(r) = record else {
            return MilestoneStatus::NotStarted;
        };
        if r.actual.is_some() {
            return MilestoneStatus::Done;
        }
        match r.planned {
            Some(p) if p < today => MilestoneStatus::Late,
            Some(p) if p.days_since(today) <= DUE_SOON_DAYS => MilestoneStatus::DueSoon,
            _ => MilestoneStatus::NotStarted,
        }
    }

    pub fn label(self) -> Text {
        match self {
            MilestoneStatus::Done => Text::MsDone,
            MilestoneStatus::DueSoon => Text::MsDueSoon,
            MilestoneStatus::Late => Text::MsLate,
            MilestoneStatus::NotStarted => Text::MsNotStarted,
        }
    }

    pub fn class(self) -> &'static str {
        match self {
            MilestoneStatus::Done => "ms-done",
            MilestoneStatus::DueSoon => "ms-due",
            MilestoneStatus::Late => "ms-late",
            MilestoneStatus::NotStarted => "ms-none",
        }
    }
}

// ---------------------------------------------------------------------------------------
// Gates: what each source of money waits for.

/// What one source of money waits for before it is drawn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Gate {
    pub instrument: Instrument,
    /// Milestones that must be reached.
    #[serde(default)]
    pub requires: Vec<Milestone>,
    /// The project's own coverage (PV income ÷ PV debt service: the bond's for a bond, land's
    /// for a loan) at least this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_coverage: Option<f64>,
    /// The project's monetized rate at least this (a province tying loans to it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_monetized: Option<f64>,
    /// The social-stability risk assessment not high.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub risk_not_high: bool,
    /// 预签约率 at least this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_presigned: Option<f64>,
}

/// A plan's gates: which preset they started from and each source's gate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Gates {
    pub preset: GatePreset,
    pub gates: Vec<Gate>,
}

impl Default for Gates {
    fn default() -> Self {
        GatePreset::National2024.gates()
    }
}

impl Gates {
    pub fn is_default(&self) -> bool {
        *self == Gates::default()
    }

    pub fn of(&self, instrument: Instrument) -> Option<&Gate> {
        self.gates.iter().find(|g| g.instrument == instrument)
    }
}

/// The gate rules as published somewhere, labelled with place and year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GatePreset {
    /// 建保〔2023〕80号 and the 2024 city-village special loans (一项目两方案), special bonds
    /// under 财预〔2018〕28号 with the common 1.2 appraisal threshold.
    National2024,
    /// 陕西 2016: policy loans only where the monetized rate reaches 50 %.
    Shaanxi2016,
    /// Stricter cities: bonds covered 1.3 times, 征收 only after 90 % 预签约.
    Strict,
    /// Edited by the planner.
    Custom,
}

impl GatePreset {
    pub const ALL: [GatePreset; 3] = [
        GatePreset::National2024,
        GatePreset::Shaanxi2016,
        GatePreset::Strict,
    ];

    pub fn label(self) -> Text {
        match self {
            GatePreset::National2024 => Text::GateNational2024,
            GatePreset::Shaanxi2016 => Text::GateShaanxi2016,
            GatePreset::Strict => Text::GateStrict,
            GatePreset::Custom => Text::GateCustom,
        }
    }

    pub fn gates(self) -> Gates {
        use Milestone as M;
        let gate = |instrument, requires: &[Milestone]| Gate {
            instrument,
            requires: requires.to_vec(),
            min_coverage: None,
            min_monetized: None,
            risk_not_high: false,
            min_presigned: None,
        };
        let mut gates = vec![
            gate(I::CapitalFund, &[M::Feasibility]),
            Gate {
                risk_not_high: true,
                ..gate(
                    I::PolicyLoan,
                    &[M::CompensationPlan, M::FundBalancePlan, M::LoanContract],
                )
            },
            gate(I::ServicePurchase, &[M::Feasibility, M::CompensationPlan]),
            gate(
                I::Ppp,
                &[
                    M::Feasibility,
                    M::PppLibrary,
                    M::PppProcurement,
                    M::PppContract,
                ],
            ),
            Gate {
                min_coverage: Some(1.2),
                ..gate(
                    I::SpecialBond,
                    &[
                        M::Feasibility,
                        M::LandUse,
                        M::PlanningPermit,
                        M::Eia,
                        M::BondLibrary,
                    ],
                )
            },
        ];
        match self {
            GatePreset::Shaanxi2016 => gates[1].min_monetized = Some(0.5),
            GatePreset::Strict => {
                gates[1].min_presigned = Some(0.9);
                gates[1].min_coverage = Some(1.0);
                gates[4].min_coverage = Some(1.3);
            }
            GatePreset::National2024 | GatePreset::Custom => {}
        }
        Gates {
            preset: self,
            gates,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_count_across_months_and_leap_years() {
        let d = Day::new(2026, 10, 31).unwrap();
        assert_eq!(d.key(), "2026-10-31");
        assert_eq!(Day::parse("2026-10-31"), Some(d));
        assert_eq!(Day::parse("2026-02-29"), None);
        assert_eq!(Day::parse("2028-02-29").map(|d| d.day), Some(29));
        assert_eq!(Day::parse("2026-1-31"), None);
        assert_eq!(Day::new(1970, 1, 1).unwrap().number(), 0);
        assert_eq!(d.plus_days(30).key(), "2026-11-30");
        assert_eq!(
            Day::new(2028, 3, 1)
                .unwrap()
                .days_since(Day::new(2028, 2, 1).unwrap()),
            29
        );
        for n in [-800_000, -1, 0, 1, 20_000, 25_000] {
            assert_eq!(Day::of_number(n).number(), n);
        }
    }

    #[test]
    fn numbers_have_their_form() {
        let doc = NumberKind::Document;
        assert!(doc.accepts("西发改投资〔2026〕112号"));
        assert!(doc.accepts("市政发[2026]7号"));
        assert!(!doc.accepts("〔2026〕7号"), "an issuer first");
        assert!(!doc.accepts("西发改投资2026年112号"));
        assert!(!doc.accepts("西发改〔26〕1号"));
        assert!(!doc.accepts("西发改〔2026〕号"));
        let cert = NumberKind::Certificate;
        assert!(cert.accepts("建字第610102202600017号"));
        assert!(cert.accepts("GKH-2027-0033"));
        assert!(!cert.accepts("待定"));
        assert!(!cert.accepts("<script>1234</script>"));
    }

    #[test]
    fn risk_bands_follow_xian() {
        assert_eq!(RiskLevel::of_opposition(0.04), RiskLevel::Low);
        assert_eq!(RiskLevel::of_opposition(0.05), RiskLevel::Medium);
        assert_eq!(RiskLevel::of_opposition(0.33), RiskLevel::Medium);
        assert_eq!(RiskLevel::of_opposition(0.34), RiskLevel::High);
    }

    #[test]
    fn statuses_on_a_fixed_day() {
        let today = Day::new(2026, 11, 15).unwrap();
        let rec = |planned: &str, actual: Option<&str>| MilestoneRecord {
            planned: Day::parse(planned),
            actual: actual.and_then(Day::parse),
            ..Default::default()
        };
        let s = |r: MilestoneRecord| MilestoneStatus::of(Some(&r), today);
        assert_eq!(
            s(rec("2026-10-31", Some("2026-11-02"))),
            MilestoneStatus::Done
        );
        assert_eq!(s(rec("2026-10-31", None)), MilestoneStatus::Late);
        assert_eq!(s(rec("2026-12-15", None)), MilestoneStatus::DueSoon);
        assert_eq!(s(rec("2026-12-16", None)), MilestoneStatus::NotStarted);
        assert_eq!(
            MilestoneStatus::of(None, today),
            MilestoneStatus::NotStarted
        );
    }

    #[test]
    fn every_predecessor_is_declared_before() {
        for (i, m) in Milestone::ALL.iter().enumerate() {
            for a in m.after() {
                assert!(Milestone::ALL[..i].contains(a), "{m:?} after {a:?}");
            }
            assert_eq!(Milestone::parse(m.key()), Some(*m));
        }
    }
}
