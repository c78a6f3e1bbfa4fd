//! What the 进度 page keeps besides the projects' actuals: the counties' monthly reports
//! received (区县报送) and the planner's weights of the ranking's composite score.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::calc::model::Month;
use crate::calc::progress::ProgressRate;

/// The document's monthly reporting.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Reporting {
    /// Every county report taken in, in the order taken (a county may send a month again).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub receipts: Vec<Receipt>,
    #[serde(default, skip_serializing_if = "RankingWeights::is_default")]
    pub weights: RankingWeights,
}

impl Reporting {
    pub fn is_empty(&self) -> bool {
        *self == Reporting::default()
    }

    /// The latest report of `district` for `month`, and how many it sent for that month.
    pub fn latest(&self, district: &str, month: Month) -> Option<(&Receipt, usize)> {
        let of: Vec<&Receipt> = self
            .receipts
            .iter()
            .filter(|r| r.district == district && r.month == month)
            .collect();
        of.last().map(|r| (*r, of.len()))
    }
}

/// One county's monthly report taken from its file: which month, when, by whom, which file,
/// how many of its projects' records it changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Receipt {
    pub district: String,
    pub month: Month,
    /// Local time to the minute it was taken in, `2027-03-28T16:05`.
    pub at: String,
    /// 填报人 as the file names them.
    #[serde(default)]
    pub by: String,
    #[serde(default)]
    pub file: String,
    /// The county's projects in the file.
    pub projects: usize,
}

impl Receipt {
    /// Whether it came after the last day of its month.
    pub fn late(&self) -> bool {
        is_after_month(&self.at, self.month)
    }
}

/// Whether a `YYYY-MM-DD…` local time is after the last day of `month`.
pub fn is_after_month(at: &str, month: Month) -> bool {
    at.get(..7)
        .and_then(Month::parse)
        .is_some_and(|m| m > month)
}

/// How much each rate counts in the ranking's composite score (relative weights, 0 to 100).
/// By default 开工率 alone, the rate the province ranks by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RankingWeights(pub BTreeMap<ProgressRate, f64>);

/// A weight is at most this.
pub const MAX_WEIGHT: f64 = 100.0;

impl Default for RankingWeights {
    fn default() -> Self {
        RankingWeights(BTreeMap::from([(ProgressRate::Start, MAX_WEIGHT)]))
    }
}

impl RankingWeights {
    pub fn is_default(&self) -> bool {
        *self == RankingWeights::default()
    }

    pub fn weight(&self, r: ProgressRate) -> f64 {
        self.0.get(&r).copied().unwrap_or(0.0)
    }

    /// With `r` weighing `w` (a zero weight is left out).
    pub fn with(&self, r: ProgressRate, w: f64) -> RankingWeights {
        let mut out = self.clone();
        if w == 0.0 {
            out.0.remove(&r);
        } else {
            out.0.insert(r, w);
        }
        out
    }

    /// Whether the score is 开工率 itself (only it weighs).
    pub fn start_only(&self) -> bool {
        self.0
            .iter()
            .all(|(r, w)| *r == ProgressRate::Start || *w == 0.0)
            && self.weight(ProgressRate::Start) > 0.0
    }

    /// The weighted mean of the rates `rate_of` gives; a rate a district has none of (no
    /// planned funds) is left out and the others weigh the more. `None` when none has weight.
    pub fn score(&self, rate_of: impl Fn(ProgressRate) -> Option<f64>) -> Option<f64> {
        let (sum, weight) = self
            .0
            .iter()
            .filter(|(_, w)| **w > 0.0)
            .filter_map(|(r, w)| rate_of(*r).map(|v| (v * w, *w)))
            .fold((0.0, 0.0), |(s, t), (v, w)| (s + v, t + w));
        (weight > 0.0).then(|| sum / weight)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_is_late_after_its_month_s_last_day() {
        let march = Month::new(2027, 3).unwrap();
        assert!(!is_after_month("2027-03-31T23:59", march));
        assert!(is_after_month("2027-04-01T00:00", march));
        assert!(!is_after_month("2027-02-27T10:00", march));
        assert!(!is_after_month("", march));
    }

    #[test]
    fn the_score_is_the_weighted_mean_of_the_rates_it_has() {
        let w = RankingWeights::default()
            .with(ProgressRate::Start, 60.0)
            .with(ProgressRate::Funds, 40.0);
        let rates = |r| match r {
            ProgressRate::Start => Some(0.5),
            ProgressRate::Funds => Some(1.0),
            _ => Some(0.0),
        };
        assert!((w.score(rates).unwrap() - 0.7).abs() < 1e-12);
        // No planned funds: 开工率 alone.
        let no_funds = |r| (r == ProgressRate::Start).then_some(0.5);
        assert_eq!(w.score(no_funds), Some(0.5));
        assert!(!w.start_only());
        assert!(RankingWeights::default().start_only());
        let none = RankingWeights(BTreeMap::new());
        assert_eq!(none.score(rates), None);
    }
}
