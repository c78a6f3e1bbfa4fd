//! Housing vouchers (房票): the scheme a city pays them by (reward tiers, use, expiry, settlement
//! with developers, deed tax), its presets, and what one cohort of vouchers pays and owes by month.

use serde::{Deserialize, Serialize};

use crate::calc::measure::{Bounds, Problem};
use crate::words::i18n::Text;

/// The months after issue up to `until_month` (from the previous tier's end): a voucher used in
/// them earns `reward` of its face value; `used` is the assumed share of the cohort used in
/// them, evenly by month (the use curve).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct VoucherTier {
    pub until_month: u32,
    pub reward: f64,
    pub used: f64,
}

/// A developer is paid `share` of a used voucher's value `after_months` after its use, with
/// `yearly_rate` simple interest for those months (嵊州 2015: the last 10 % within a year at 7 %).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SettlementStage {
    pub after_months: u32,
    pub share: f64,
    #[serde(default)]
    pub yearly_rate: f64,
}

/// How the city's vouchers work. A voucher's face value is the household's compensation (the
/// compensated area at the compensation price); it is spent on listed flats within its validity
/// (the last tier's month); what is unused then is paid in cash, without the reward.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VoucherScheme {
    /// The preset it was taken from (its key), kept while the planner edits it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub preset: String,
    pub tiers: Vec<VoucherTier>,
    pub settlement: Vec<SettlementStage>,
    /// The deed tax (契税) the city bears, a share of the flat's price (face value and reward).
    #[serde(default)]
    pub deed_tax_relief: f64,
    /// Months of transition fee (过渡费) paid to a household when its voucher is used (郑州: 3).
    #[serde(default)]
    pub transition_months: f64,
}

/// A published scheme to start from: its city and year, and the source of each figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoucherPreset {
    Xiamen2023,
    Taizhou2023,
    Zhengzhou2022,
}

impl VoucherPreset {
    pub const ALL: [VoucherPreset; 3] = [
        VoucherPreset::Xiamen2023,
        VoucherPreset::Taizhou2023,
        VoucherPreset::Zhengzhou2022,
    ];

    pub fn key(self) -> &'static str {
        match self {
            VoucherPreset::Xiamen2023 => "xiamen_2023",
            VoucherPreset::Taizhou2023 => "taizhou_hailing_2023",
            VoucherPreset::Zhengzhou2022 => "zhengzhou_2022",
        }
    }

    pub fn from_key(key: &str) -> Option<VoucherPreset> {
        VoucherPreset::ALL.into_iter().find(|p| p.key() == key)
    }

    pub fn label(self) -> Text {
        match self {
            VoucherPreset::Xiamen2023 => Text::VoucherXiamen,
            VoucherPreset::Taizhou2023 => Text::VoucherTaizhou,
            VoucherPreset::Zhengzhou2022 => Text::VoucherZhengzhou,
        }
    }

    /// The published tiers and validity; the use curve is an assumption (most vouchers used
    /// while the reward is highest, a tenth left to expire), the settlement 嵊州 2015's stages
    /// (30 % at signing, 60 % at handover, taken as 6 months, the rest in 12 months at 7 %).
    pub fn scheme(self) -> VoucherScheme {
        let tier = |until_month, reward, used| VoucherTier {
            until_month,
            reward,
            used,
        };
        let (tiers, transition_months) = match self {
            // Up to 5 % within 12 months, 2 % in months 13–24, valid 24 months.
            VoucherPreset::Xiamen2023 => (vec![tier(12, 0.05, 0.6), tier(24, 0.02, 0.3)], 0.0),
            // +20 % within 3 months, +16 % in months 4–6, +12 % in months 7–18, valid 18 months.
            VoucherPreset::Taizhou2023 => (
                vec![
                    tier(3, 0.20, 0.5),
                    tier(6, 0.16, 0.25),
                    tier(18, 0.12, 0.15),
                ],
                0.0,
            ),
            // 8 % and three months' transition fee, valid 12 months.
            VoucherPreset::Zhengzhou2022 => (vec![tier(12, 0.08, 0.9)], 3.0),
        };
        VoucherScheme {
            preset: self.key().to_string(),
            tiers,
            settlement: vec![
                SettlementStage {
                    after_months: 0,
                    share: 0.3,
                    yearly_rate: 0.0,
                },
                SettlementStage {
                    after_months: 6,
                    share: 0.6,
                    yearly_rate: 0.0,
                },
                SettlementStage {
                    after_months: 12,
                    share: 0.1,
                    yearly_rate: 0.07,
                },
            ],
            deed_tax_relief: 0.0,
            transition_months,
        }
    }
}

impl Default for VoucherScheme {
    fn default() -> Self {
        VoucherPreset::Xiamen2023.scheme()
    }
}

/// What a cohort of vouchers costs, by kind, 万元.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct VoucherCost {
    /// Face value spent on flats (paid to developers).
    pub used: f64,
    /// Face value of vouchers that expired, paid in cash.
    pub expired: f64,
    pub reward: f64,
    pub deed_tax: f64,
    /// Interest on deferred settlement.
    pub interest: f64,
    pub transition: f64,
}

impl VoucherCost {
    pub fn total(&self) -> f64 {
        self.used + self.expired + self.reward + self.deed_tax + self.interest + self.transition
    }
}

/// One payment: `amount` 万元 paid in month `paid` (counted from January of the issue year,
/// month 0), owed since month `owed` (the face value from issue, the rest from use).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Payment {
    pub owed: u32,
    pub paid: u32,
    pub amount: f64,
}

/// A cohort of vouchers issued in month `issue` (from January of year 0), face value `face`
/// 万元 to `households` households: what it pays, when, and what that is for.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cohort {
    pub payments: Vec<Payment>,
    pub cost: VoucherCost,
}

impl VoucherScheme {
    /// The default (the 厦门 2023 preset) is not written: a plan without vouchers reads as it
    /// did before them.
    pub fn is_default(&self) -> bool {
        *self == VoucherScheme::default()
    }

    /// Months a voucher is valid: the last tier's end.
    pub fn validity(&self) -> u32 {
        self.tiers.iter().map(|t| t.until_month).max().unwrap_or(0)
    }

    /// The use curve sped up by `change` (0.2: a fifth of the use assumed in every tier after
    /// the first moves into the first) or slowed (−0.2: a fifth of every tier's before the last
    /// into the last), at most all of it; the share used in all stays (the risk driver 房票使用
    /// 进度). A scheme of one tier has no speed to change.
    pub fn shift_use(&mut self, change: f64) {
        let k = change.abs().min(1.0);
        let n = self.tiers.len();
        if n < 2 || k == 0.0 || change.is_nan() {
            return;
        }
        let (to, from) = if change > 0.0 {
            (0, 1..n)
        } else {
            (n - 1, 0..n - 1)
        };
        let mut moved = 0.0;
        for t in &mut self.tiers[from] {
            let m = t.used * k;
            t.used -= m;
            moved += m;
        }
        self.tiers[to].used += moved;
    }

    /// The share of vouchers assumed used before they expire.
    pub fn used_share(&self) -> f64 {
        self.tiers
            .iter()
            .map(|t| t.used.max(0.0))
            .sum::<f64>()
            .min(1.0)
    }

    /// The cohort's payments month by month: in the m-th month after issue (month index
    /// `issue + m − 1`) the month's share of its tier is used and settled in stages from then;
    /// what is never used is paid in cash in the month after the validity ends.
    /// `fee_per_month` is the transition fee of all its households for one month, 万元.
    pub fn cohort(&self, issue: u32, face: f64, fee_per_month: f64) -> Cohort {
        let mut out = Cohort::default();
        if face <= 0.0 {
            return out;
        }
        let mut from = 0u32;
        let settled: f64 = self.settlement.iter().map(|s| s.share.max(0.0)).sum();
        for t in &self.tiers {
            let months = t.until_month.saturating_sub(from);
            if months == 0 {
                continue;
            }
            let per_month = face * t.used.max(0.0) / f64::from(months);
            let transition =
                fee_per_month * self.transition_months * t.used.max(0.0) / f64::from(months);
            for m in from + 1..=t.until_month {
                let at = issue + m - 1;
                let reward = per_month * t.reward;
                let deed_tax = (per_month + reward) * self.deed_tax_relief;
                out.cost.used += per_month;
                out.cost.reward += reward;
                out.cost.deed_tax += deed_tax;
                out.cost.transition += transition;
                self.settle(&mut out, issue, at, per_month, reward, settled);
                // The household's deed tax and fee are paid when it buys.
                if deed_tax + transition > 0.0 {
                    out.payments.push(Payment {
                        owed: at,
                        paid: at,
                        amount: deed_tax + transition,
                    });
                }
            }
            from = t.until_month;
        }
        let expired = face * (1.0 - self.used_share());
        if expired > 0.0 {
            out.cost.expired = expired;
            out.payments.push(Payment {
                owed: issue,
                paid: issue + self.validity(),
                amount: expired,
            });
        }
        out
    }

    /// Pays a voucher's `face` value and its `reward`, used in month `at`, to the developer in
    /// the settlement's stages (shares scaled to a whole when they do not add up to one): the
    /// face value was owed since `issue`, the reward since its use, the interest when paid.
    fn settle(&self, out: &mut Cohort, issue: u32, at: u32, face: f64, reward: f64, settled: f64) {
        let immediate = [SettlementStage {
            after_months: 0,
            share: 1.0,
            yearly_rate: 0.0,
        }];
        let (stages, whole) = if settled > 0.0 {
            (&self.settlement[..], settled)
        } else {
            (&immediate[..], 1.0)
        };
        for s in stages {
            let k = s.share.max(0.0) / whole;
            let paid = at + s.after_months;
            let interest = (face + reward) * k * s.yearly_rate * f64::from(s.after_months) / 12.0;
            out.cost.interest += interest;
            out.payments.push(Payment {
                owed: issue,
                paid,
                amount: face * k,
            });
            out.payments.push(Payment {
                owed: at,
                paid,
                amount: reward * k,
            });
            // Interest is counted when it is paid, not as it accrues.
            out.payments.push(Payment {
                owed: paid,
                paid,
                amount: interest,
            });
        }
    }
}

impl Cohort {
    /// Paid in month indices `[a, b)`.
    pub fn paid_in(&self, a: f64, b: f64) -> f64 {
        self.payments
            .iter()
            .filter(|p| a <= f64::from(p.paid) && f64::from(p.paid) < b)
            .map(|p| p.amount)
            .sum()
    }

    /// Paid in year index `k` (months `12k` to `12k + 11`).
    pub fn paid_in_year(&self, k: usize) -> f64 {
        self.paid_in(12.0 * k as f64, 12.0 * (k + 1) as f64)
    }

    /// Owed at the end of month index `m − 1` and not yet paid: the vouchers outstanding and the
    /// settlements due to developers.
    pub fn owed_at(&self, m: u32) -> f64 {
        self.payments
            .iter()
            .filter(|p| p.owed < m && p.paid >= m)
            .map(|p| p.amount)
            .sum()
    }

    /// The last year index with a payment.
    pub fn last_year(&self) -> usize {
        self.payments
            .iter()
            .map(|p| p.paid as usize / 12)
            .max()
            .unwrap_or(0)
    }
}

/// Where in a scheme a problem is: a row of its tiers or its settlement (from 1), or one of its
/// figures; `percent` when the value is a share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct VoucherField {
    pub part: VoucherPart,
    pub row: usize,
    pub percent: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VoucherPart {
    Tiers,
    Settlement,
    DeedTax,
    TransitionMonths,
}

impl VoucherPart {
    pub fn label(self) -> Text {
        match self {
            VoucherPart::Tiers => Text::VoucherTiers,
            VoucherPart::Settlement => Text::VoucherSettlement,
            VoucherPart::DeedTax => Text::VoucherDeedTax,
            VoucherPart::TransitionMonths => Text::VoucherTransitionMonths,
        }
    }
}

/// The most rows a scheme's tiers (a month each for two years) and settlement stages have.
pub const MAX_TIERS: usize = 24;
pub const MAX_STAGES: usize = 12;
/// A month after issue or after use: whole, at most ten years.
const MONTH_BOUNDS: Bounds = Bounds::whole(0.0, 120.0);

impl VoucherScheme {
    /// What is wrong with the scheme, by where: tiers in order of their months (1 to 120), the
    /// shares used adding to at most 100 %, settlement shares adding to 100 %, every share and
    /// rate within 0–100 %, the deed tax within 0–10 %, the fee months within 0–60.
    pub fn problems(&self) -> Vec<(VoucherField, Problem)> {
        let mut out = Vec::new();
        let at = |part, row, percent| VoucherField { part, row, percent };
        let mut push = |f: VoucherField, p: Option<Problem>| out.extend(p.map(|p| (f, p)));
        if self.tiers.is_empty() {
            push(at(VoucherPart::Tiers, 1, false), Some(Problem::Empty));
        }
        if self.settlement.is_empty() {
            push(at(VoucherPart::Settlement, 1, false), Some(Problem::Empty));
        }
        for (n, b, part) in [
            (self.tiers.len(), MAX_TIERS, VoucherPart::Tiers),
            (self.settlement.len(), MAX_STAGES, VoucherPart::Settlement),
        ] {
            let many = Bounds::new(0.0, b as f64).check(n as f64);
            push(at(part, n, false), many);
        }
        let mut prev = 0u32;
        for (i, t) in self.tiers.iter().enumerate() {
            let f = |percent| at(VoucherPart::Tiers, i + 1, percent);
            let month = Bounds::new(f64::from(prev) + 1.0, 120.0).check(f64::from(t.until_month));
            push(f(false), month);
            push(f(true), Bounds::SHARE.check(t.reward));
            push(f(true), Bounds::SHARE.check(t.used));
            prev = prev.max(t.until_month);
        }
        let used: f64 = self.tiers.iter().map(|t| t.used).sum();
        if used > 1.0 + 1e-9 {
            let over = Problem::OutOfRange {
                value: used,
                min: 0.0,
                max: 1.0,
            };
            push(at(VoucherPart::Tiers, self.tiers.len(), true), Some(over));
        }
        for (i, s) in self.settlement.iter().enumerate() {
            let f = |percent| at(VoucherPart::Settlement, i + 1, percent);
            push(f(false), MONTH_BOUNDS.check(f64::from(s.after_months)));
            push(f(true), Bounds::SHARE.check(s.share));
            push(f(true), Bounds::SHARE.check(s.yearly_rate));
        }
        let settled: f64 = self.settlement.iter().map(|s| s.share).sum();
        if !self.settlement.is_empty() && (settled - 1.0).abs() > 1e-6 {
            let f = at(VoucherPart::Settlement, self.settlement.len(), true);
            push(f, Some(Problem::SharesSum { sum: settled }));
        }
        let deed = Bounds::new(0.0, 0.1).check(self.deed_tax_relief);
        push(at(VoucherPart::DeedTax, 0, true), deed);
        let months = Bounds::new(0.0, 60.0).check(self.transition_months);
        push(at(VoucherPart::TransitionMonths, 0, false), months);
        out
    }
}

/// The scheme's two lists as the page and its checks read them, declared once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemeList {
    Tiers,
    Settlement,
}

/// A column of one of the scheme's lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemeColumn {
    UntilMonth,
    Reward,
    Used,
    AfterMonths,
    Share,
    YearlyRate,
}

impl SchemeColumn {
    pub fn label(self) -> Text {
        match self {
            SchemeColumn::UntilMonth => Text::VoucherUntilMonth,
            SchemeColumn::Reward => Text::VoucherReward,
            SchemeColumn::Used => Text::VoucherUsed,
            SchemeColumn::AfterMonths => Text::VoucherAfterMonths,
            SchemeColumn::Share => Text::VoucherShare,
            SchemeColumn::YearlyRate => Text::VoucherYearlyRate,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            SchemeColumn::UntilMonth => "until_month",
            SchemeColumn::Reward => "reward",
            SchemeColumn::Used => "used",
            SchemeColumn::AfterMonths => "after_months",
            SchemeColumn::Share => "share",
            SchemeColumn::YearlyRate => "yearly_rate",
        }
    }

    /// Months are whole; the rest are shares.
    pub fn percent(self) -> bool {
        !matches!(self, SchemeColumn::UntilMonth | SchemeColumn::AfterMonths)
    }

    /// What is wrong with `v` in this column as it is typed: a month not whole or outside 0–120.
    /// Shares are checked with the whole scheme (`VoucherScheme::problems`).
    pub fn check(self, v: f64) -> Option<Problem> {
        if self.percent() {
            None
        } else {
            MONTH_BOUNDS.check(v)
        }
    }
}

impl SchemeList {
    pub const ALL: [SchemeList; 2] = [SchemeList::Tiers, SchemeList::Settlement];

    pub fn key(self) -> &'static str {
        match self {
            SchemeList::Tiers => "voucher-tiers",
            SchemeList::Settlement => "voucher-stages",
        }
    }

    pub fn part(self) -> VoucherPart {
        match self {
            SchemeList::Tiers => VoucherPart::Tiers,
            SchemeList::Settlement => VoucherPart::Settlement,
        }
    }

    pub fn columns(self) -> &'static [SchemeColumn] {
        use SchemeColumn::*;
        match self {
            SchemeList::Tiers => &[UntilMonth, Reward, Used],
            SchemeList::Settlement => &[AfterMonths, Share, YearlyRate],
        }
    }

    pub fn len(self, s: &VoucherScheme) -> usize {
        match self {
            SchemeList::Tiers => s.tiers.len(),
            SchemeList::Settlement => s.settlement.len(),
        }
    }

    pub fn get(self, s: &VoucherScheme, k: usize, c: SchemeColumn) -> Option<f64> {
        use SchemeColumn::*;
        match self {
            SchemeList::Tiers => s.tiers.get(k).and_then(|t| match c {
                UntilMonth => Some(f64::from(t.until_month)),
                Reward => Some(t.reward),
                Used => Some(t.used),
                _ => None,
            }),
            SchemeList::Settlement => s.settlement.get(k).and_then(|t| match c {
                AfterMonths => Some(f64::from(t.after_months)),
                Share => Some(t.share),
                YearlyRate => Some(t.yearly_rate),
                _ => None,
            }),
        }
    }

    /// Sets a cell; false (and nothing set) for a value its column refuses (`SchemeColumn::check`)
    /// or a cell the list does not have. Shares are checked with the scheme.
    pub fn set(self, s: &mut VoucherScheme, k: usize, c: SchemeColumn, v: f64) -> bool {
        use SchemeColumn::*;
        let month = c.check(v).is_none().then_some(v as u32);
        match (self, c) {
            (SchemeList::Tiers, UntilMonth) => match (s.tiers.get_mut(k), month) {
                (Some(t), Some(m)) => t.until_month = m,
                _ => return false,
            },
            (SchemeList::Tiers, Reward | Used) => match s.tiers.get_mut(k) {
                Some(t) if c == Reward => t.reward = v,
                Some(t) => t.used = v,
                None => return false,
            },
            (SchemeList::Settlement, AfterMonths) => match (s.settlement.get_mut(k), month) {
                (Some(t), Some(m)) => t.after_months = m,
                _ => return false,
            },
            (SchemeList::Settlement, Share | YearlyRate) => match s.settlement.get_mut(k) {
                Some(t) if c == Share => t.share = v,
                Some(t) => t.yearly_rate = v,
                None => return false,
            },
            _ => return false,
        }
        s.preset.clear();
        true
    }

    /// Adds a row after the last: a tier of 12 more months, a stage 6 months later, neither
    /// with a share yet.
    pub fn push(self, s: &mut VoucherScheme) {
        match self {
            SchemeList::Tiers => s.tiers.push(VoucherTier {
                until_month: (s.validity() + 12).min(120),
                reward: 0.0,
                used: 0.0,
            }),
            SchemeList::Settlement => s.settlement.push(SettlementStage {
                after_months: s
                    .settlement
                    .iter()
                    .map(|x| x.after_months + 6)
                    .max()
                    .unwrap_or(0)
                    .min(120),
                share: 0.0,
                yearly_rate: 0.0,
            }),
        }
        s.preset.clear();
    }

    pub fn remove(self, s: &mut VoucherScheme, k: usize) {
        match self {
            SchemeList::Tiers if k < s.tiers.len() => drop(s.tiers.remove(k)),
            SchemeList::Settlement if k < s.settlement.len() => drop(s.settlement.remove(k)),
            _ => return,
        }
        s.preset.clear();
    }
}

/// What the plan's vouchers come to: households, face value and the cost by kind over every
/// project, and what is owed at each year's end (from the simulation).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct VoucherTotals {
    pub households: u64,
    pub face: f64,
    pub cost: VoucherCost,
}

impl VoucherTotals {
    pub fn add(&mut self, households: u64, c: &Cohort) {
        self.households += households;
        self.face += c.cost.used + c.cost.expired;
        let (a, b) = (&mut self.cost, &c.cost);
        a.used += b.used;
        a.expired += b.expired;
        a.reward += b.reward;
        a.deed_tax += b.deed_tax;
        a.interest += b.interest;
        a.transition += b.transition;
    }
}
