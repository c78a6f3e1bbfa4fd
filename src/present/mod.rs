//! What the planner reads: chart options, report tables, the filtered project list, grouped
//! findings and the KPI strip's figures. May import: words, calc, document, analysis.

pub mod charts;
pub mod compare_charts;
pub mod finding_groups;
pub mod headline;
pub mod listing;
pub mod report;
pub mod risk_charts;
