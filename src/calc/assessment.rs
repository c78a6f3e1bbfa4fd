//! The assessment scheme (考核办法): indicators with weights, targets and scoring rules, veto
//! items, deductions and grade bands, its presets; and a score worked out line by line from the
//! indicators' values and the counts deducted for (the values come from `analysis::assessment`).

use serde::{Deserialize, Serialize};

use crate::calc::model::Month;
use crate::words::i18n::{Lang, Text};

/// What an item of the scheme measures, from what the plan already knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Indicator {
    /// 开工率: flats started and households resettled with money ÷ the year's households.
    Start,
    /// 签约率.
    Signing,
    /// 货币化安置率 (actual).
    Monetized,
    /// 投资完成率.
    Investment,
    /// 资金到位率.
    Funds,
    /// 贷款发放率: loans drawn ÷ loans contracted.
    LoanDrawn,
    /// Monthly reports sent on time ÷ reports due.
    ReportsOnTime,
    /// 前期手续 done by their planned day ÷ those planned by the period's end.
    MilestonesOnTime,
}

impl Indicator {
    pub const ALL: [Indicator; 8] = [
        Indicator::Start,
        Indicator::Signing,
        Indicator::Monetized,
        Indicator::Investment,
        Indicator::Funds,
        Indicator::LoanDrawn,
        Indicator::ReportsOnTime,
        Indicator::MilestonesOnTime,
    ];

    pub fn label(self) -> Text {
        match self {
            Indicator::Start => Text::ColStartRate,
            Indicator::Signing => Text::ColSigningRate,
            Indicator::Monetized => Text::ColMonetizedActual,
            Indicator::Investment => Text::ColInvestmentRate,
            Indicator::Funds => Text::ColFundsRate,
            Indicator::LoanDrawn => Text::AssessLoanDrawn,
            Indicator::ReportsOnTime => Text::AssessReportsOnTime,
            Indicator::MilestonesOnTime => Text::AssessMilestonesOnTime,
        }
    }

    /// A rate that grows through the year against the year's target (开工率, 签约率, 投资完成率,
    /// 资金到位率): in a period ending in month m its target is the year's × m / 12. The others
    /// are shares at any time.
    pub fn accumulates(self) -> bool {
        matches!(
            self,
            Indicator::Start | Indicator::Signing | Indicator::Investment | Indicator::Funds
        )
    }
}

/// How an item's value earns its weight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// The weight × value ÷ target, at most the weight.
    Linear,
    /// The share of the weight of the highest step whose `at` (a share of the target) the value
    /// reaches; none reached, nothing.
    Steps(Vec<Step>),
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub at: f64,
    pub share: f64,
}

/// One line of the scheme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub indicator: Indicator,
    /// The section it counts in (任务完成, 建设进度…): a veto zeroes its section.
    pub section: String,
    pub weight: f64,
    /// The year's target, a share (1.0: all of the year's households).
    pub target: f64,
    pub rule: Rule,
    /// Missing its target zeroes its section and bars the top grade.
    #[serde(default)]
    pub veto: bool,
}

/// What points are taken off for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeductionKind {
    /// Each milestone (前期手续) past its planned day and not done by the period's end.
    MissedDeadline,
    /// Each monthly report due in the period that came late or not at all.
    LateReport,
    /// Each day a report came after its month's end.
    DayLate,
}

impl DeductionKind {
    pub const ALL: [DeductionKind; 3] = [
        DeductionKind::MissedDeadline,
        DeductionKind::LateReport,
        DeductionKind::DayLate,
    ];

    pub fn label(self) -> Text {
        match self {
            DeductionKind::MissedDeadline => Text::AssessMissedDeadline,
            DeductionKind::LateReport => Text::AssessLateReport,
            DeductionKind::DayLate => Text::AssessDayLate,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Deduction {
    pub kind: DeductionKind,
    /// Points off per count.
    pub points: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    Excellent,
    Good,
    Pass,
    Fail,
}

impl Grade {
    pub fn label(self) -> Text {
        match self {
            Grade::Excellent => Text::GradeExcellent,
            Grade::Good => Text::GradeGood,
            Grade::Pass => Text::GradePass,
            Grade::Fail => Text::GradeFail,
        }
    }
}

/// A grade from `min` points up (the bands from the highest).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Band {
    pub min: f64,
    pub grade: Grade,
}

/// The plan's 考核办法.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scheme {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub preset: String,
    pub items: Vec<Item>,
    #[serde(default)]
    pub deductions: Vec<Deduction>,
    pub bands: Vec<Band>,
    /// The 约谈 rule: months in a row on the 督办清单 that make a project's leader a candidate
    /// (version 11; 3 when absent, and not written while 3).
    #[serde(
        default = "default_interview_months",
        skip_serializing_if = "is_default_interview"
    )]
    pub interview_months: u32,
}

/// Three months in a row on the 督办清单: a 约谈 candidate, in both presets.
pub const INTERVIEW_MONTHS: u32 = 3;

fn default_interview_months() -> u32 {
    INTERVIEW_MONTHS
}

fn is_default_interview(n: &u32) -> bool {
    *n == INTERVIEW_MONTHS
}

/// Published schemes to start from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemePreset {
    /// 陕西 住房保障工作评价考核 (2017): 责任制落实 5, 项目前期准备 30, 建设进度 50, 管理 15; a city
    /// that missed its target could not be rated 优秀.
    Shaanxi2017,
    /// One city's 安居工程考核 (2022): 任务完成 32, 项目管理与工程质量 32, 示范 4, 基础工作 32;
    /// 开工 a veto item; 1.5 points off per missed deadline; ≥ 95 优秀, ≥ 85 良好, ≥ 60 合格.
    City2022,
}

impl SchemePreset {
    pub const ALL: [SchemePreset; 2] = [SchemePreset::Shaanxi2017, SchemePreset::City2022];

    pub fn key(self) -> &'static str {
        match self {
            SchemePreset::Shaanxi2017 => "shaanxi_2017",
            SchemePreset::City2022 => "city_2022",
        }
    }

    pub fn from_key(key: &str) -> Option<SchemePreset> {
        SchemePreset::ALL.into_iter().find(|p| p.key() == key)
    }

    pub fn label(self) -> Text {
        match self {
            SchemePreset::Shaanxi2017 => Text::SchemeShaanxi,
            SchemePreset::City2022 => Text::SchemeCity2022,
        }
    }

    /// The published weights, with the plan's indicators standing in for what each section
    /// measured (docs/model.md, 考核); targets are the year's whole task.
    pub fn scheme(self) -> Scheme {
        let linear = |indicator, section: &str, weight, target| Item {
            indicator,
            section: section.into(),
            weight,
            target,
            rule: Rule::Linear,
            veto: false,
        };
        let bands = vec![
            Band {
                min: 95.0,
                grade: Grade::Excellent,
            },
            Band {
                min: 85.0,
                grade: Grade::Good,
            },
            Band {
                min: 60.0,
                grade: Grade::Pass,
            },
            Band {
                min: 0.0,
                grade: Grade::Fail,
            },
        ];
        let (items, deductions) = match self {
            SchemePreset::Shaanxi2017 => (
                vec![
                    linear(Indicator::ReportsOnTime, "责任制落实", 5.0, 1.0),
                    linear(Indicator::MilestonesOnTime, "项目前期准备", 30.0, 1.0),
                    Item {
                        veto: true,
                        ..linear(Indicator::Start, "建设进度", 30.0, 1.0)
                    },
                    linear(Indicator::Investment, "建设进度", 20.0, 1.0),
                    linear(Indicator::Funds, "管理", 10.0, 1.0),
                    linear(Indicator::LoanDrawn, "管理", 5.0, 1.0),
                ],
                Vec::new(),
            ),
            SchemePreset::City2022 => (
                vec![
                    Item {
                        veto: true,
                        ..linear(Indicator::Start, "任务完成", 20.0, 1.0)
                    },
                    linear(Indicator::Signing, "任务完成", 12.0, 1.0),
                    linear(Indicator::Investment, "项目管理与工程质量", 16.0, 1.0),
                    linear(Indicator::MilestonesOnTime, "项目管理与工程质量", 16.0, 1.0),
                    linear(Indicator::Monetized, "示范", 4.0, 0.5),
                    linear(Indicator::Funds, "基础工作", 16.0, 1.0),
                    linear(Indicator::ReportsOnTime, "基础工作", 16.0, 1.0),
                ],
                vec![Deduction {
                    kind: DeductionKind::MissedDeadline,
                    points: 1.5,
                }],
            ),
        };
        Scheme {
            preset: self.key().into(),
            items,
            deductions,
            bands,
            interview_months: INTERVIEW_MONTHS,
        }
    }
}

impl Default for Scheme {
    fn default() -> Self {
        SchemePreset::City2022.scheme()
    }
}

/// What a period is: a month (月检查), a quarter (季点评) or a year (年考核).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    Month(Month),
    Quarter(i32, u8),
    Year(i32),
}

impl Period {
    /// `2027-03`, `2027-Q1` or `2027`.
    pub fn parse(s: &str) -> Option<Period> {
        let s = s.trim();
        if let Some((y, q)) = s.split_once("-Q") {
            let q: u8 = q.parse().ok()?;
            return (1..=4)
                .contains(&q)
                .then_some(Period::Quarter(y.parse().ok()?, q));
        }
        if s.len() == 4 {
            return Some(Period::Year(s.parse().ok()?));
        }
        Month::parse(s).map(Period::Month)
    }

    /// Its months, in order.
    pub fn months(self) -> Vec<Month> {
        let (first, n) = match self {
            Period::Month(m) => (m, 1),
            Period::Quarter(y, q) => (Month::new(y, (q - 1) * 3 + 1).expect("a quarter"), 3),
            Period::Year(y) => (Month::january(y), 12),
        };
        (0..n).map(|k| first.plus(k)).collect()
    }

    /// The period of the same kind before it (the quarter before the first is the last of the
    /// year before): what a 点评 compares with.
    pub fn previous(self) -> Period {
        match self {
            Period::Month(m) => Period::Month(m.plus(-1)),
            Period::Quarter(y, 1) => Period::Quarter(y - 1, 4),
            Period::Quarter(y, q) => Period::Quarter(y, q - 1),
            Period::Year(y) => Period::Year(y - 1),
        }
    }

    /// The month it is scored as of: its last.
    pub fn end(self) -> Month {
        *self.months().last().expect("a period has months")
    }

    pub fn label(self, lang: Lang) -> String {
        match self {
            Period::Month(m) => m.label(lang),
            Period::Quarter(y, q) => Text::QuarterName.fill(lang, &[&y, &q]),
            Period::Year(y) => crate::words::i18n::fmt_year(y, lang),
        }
    }
}

/// One line of a score: an item with its value, its target as of the period, the points it
/// earned, and whether a veto took them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Line {
    pub indicator: Indicator,
    pub section: String,
    pub weight: f64,
    /// `None`: nothing to measure (no loans contracted, no report due): full points.
    pub value: Option<f64>,
    pub target: f64,
    pub points: f64,
    /// The item is a veto and missed its target.
    pub vetoed: bool,
    /// Another item's veto zeroed this one's section.
    pub zeroed: bool,
}

/// Points taken off: what for, how many times, how many points.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Taken {
    pub kind: DeductionKind,
    pub count: u64,
    pub points: f64,
}

/// A score, explained: every line, every deduction, the total and the grade.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    pub lines: Vec<Line>,
    pub deductions: Vec<Taken>,
    pub total: f64,
    pub grade: Grade,
}

/// The counts a period's deductions are taken for.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Counts {
    pub missed_deadlines: u64,
    pub late_reports: u64,
    pub days_late: u64,
}

impl Counts {
    fn of(&self, k: DeductionKind) -> u64 {
        match k {
            DeductionKind::MissedDeadline => self.missed_deadlines,
            DeductionKind::LateReport => self.late_reports,
            DeductionKind::DayLate => self.days_late,
        }
    }
}

/// The most lines a scheme has, and steps a line (docs/plan.schema.json says the same).
pub const MAX_ITEMS: usize = 30;
pub const MAX_STEPS: usize = 10;

impl Scheme {
    pub fn is_default(&self) -> bool {
        *self == Scheme::default()
    }

    /// What is wrong, by line (from 1; 0 for the bands and the deductions): a weight outside
    /// 0–100, a target outside 0–200 %, a section without a name, a step or a band outside its
    /// range; no line at all.
    pub fn problems(&self) -> Vec<(usize, crate::calc::measure::Problem)> {
        use crate::calc::measure::{Bounds, Problem};
        let mut out = Vec::new();
        if self.items.is_empty() {
            out.push((1, Problem::Empty));
        }
        // As many lines as a 考核办法 has (30), and steps as a line's table (10): a file's
        // scheme stays a page's.
        let many = |n: usize, max: usize| Bounds::whole(0.0, max as f64).check(n as f64);
        out.extend(many(self.items.len(), MAX_ITEMS).map(|p| (self.items.len(), p)));
        for (i, it) in self.items.iter().enumerate() {
            if let Rule::Steps(steps) = &it.rule {
                out.extend(many(steps.len(), MAX_STEPS).map(|p| (i + 1, p)));
            }
        }
        for (i, it) in self.items.iter().enumerate() {
            let checks = [
                Bounds::new(0.0, 100.0).check(it.weight),
                Bounds::new(0.0, 2.0).check(it.target),
                it.section.trim().is_empty().then_some(Problem::Empty),
            ];
            out.extend(checks.into_iter().flatten().map(|p| (i + 1, p)));
            if let Rule::Steps(steps) = &it.rule {
                for s in steps {
                    let checks = [
                        Bounds::new(0.0, 2.0).check(s.at),
                        Bounds::SHARE.check(s.share),
                    ];
                    out.extend(checks.into_iter().flatten().map(|p| (i + 1, p)));
                }
            }
        }
        for b in &self.bands {
            out.extend(Bounds::new(0.0, 100.0).check(b.min).map(|p| (0, p)));
        }
        for d in &self.deductions {
            out.extend(Bounds::new(0.0, 100.0).check(d.points).map(|p| (0, p)));
        }
        // The list counts back within the year: at most twelve months.
        out.extend(
            Bounds::whole(1.0, 12.0)
                .check(f64::from(self.interview_months))
                .map(|p| (0, p)),
        );
        out
    }

    /// The score of values `value_of` (each indicator's value as of the period's end, `None`
    /// when there is nothing to measure) with `counts` deducted, in a period ending in month
    /// `month_of_year` (1–12) of the year. Points are rounded to two decimals, line by line,
    /// and the total is their sum less the deductions, never below 0.
    pub fn score(
        &self,
        value_of: impl Fn(Indicator) -> Option<f64>,
        counts: &Counts,
        month_of_year: u8,
    ) -> Score {
        let gone = f64::from(month_of_year.clamp(1, 12)) / 12.0;
        let mut lines: Vec<Line> = self
            .items
            .iter()
            .map(|it| {
                let target = if it.indicator.accumulates() {
                    it.target * gone
                } else {
                    it.target
                };
                let value = value_of(it.indicator);
                let earned = match value {
                    None => 1.0,
                    Some(_) if target <= 0.0 => 1.0,
                    Some(v) => match &it.rule {
                        Rule::Linear => (v / target).clamp(0.0, 1.0),
                        Rule::Steps(steps) => steps
                            .iter()
                            .filter(|s| v >= s.at * target - 1e-12)
                            .map(|s| s.share)
                            .fold(0.0, f64::max),
                    },
                };
                let missed = value.is_some_and(|v| v < target - 1e-12);
                Line {
                    indicator: it.indicator,
                    section: it.section.clone(),
                    weight: it.weight,
                    value,
                    target,
                    points: round2(it.weight * earned),
                    vetoed: it.veto && missed,
                    zeroed: false,
                }
            })
            .collect();
        let vetoed: Vec<String> = lines
            .iter()
            .filter(|l| l.vetoed)
            .map(|l| l.section.clone())
            .collect();
        for l in lines.iter_mut().filter(|l| vetoed.contains(&l.section)) {
            l.zeroed = !l.vetoed;
            l.points = 0.0;
        }
        let deductions: Vec<Taken> = self
            .deductions
            .iter()
            .filter(|d| counts.of(d.kind) > 0)
            .map(|d| Taken {
                kind: d.kind,
                count: counts.of(d.kind),
                points: round2(d.points * counts.of(d.kind) as f64),
            })
            .collect();
        let earned: f64 = lines.iter().map(|l| l.points).sum();
        let off: f64 = deductions.iter().map(|d| d.points).sum();
        let total = round2((earned - off).max(0.0));
        Score {
            grade: self.grade(total, !vetoed.is_empty()),
            lines,
            deductions,
            total,
        }
    }

    /// The grade of `total`: the highest band it reaches, but never the top one after a veto.
    pub fn grade(&self, total: f64, vetoed: bool) -> Grade {
        let mut bands = self.bands.clone();
        crate::words::order::sort_by(&mut bands, |a, b| b.min.total_cmp(&a.min));
        let top = bands.first().map(|b| b.grade);
        bands
            .iter()
            .filter(|b| total >= b.min - 1e-9 && !(vetoed && Some(b.grade) == top))
            .map(|b| b.grade)
            .next()
            .unwrap_or(Grade::Fail)
    }
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}
