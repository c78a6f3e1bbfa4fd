//! What planners read: charts, reports, lists, findings, KPIs; may import: words … analysis.

pub mod assessment;
pub mod charts;
pub mod compare_charts;
pub mod comparison;
pub mod finding_groups;
pub mod fund_balance;
pub mod headline;
pub mod history;
pub mod listing;
pub mod progress;
pub mod report;
pub mod risk_charts;
