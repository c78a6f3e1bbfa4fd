//! 棚改规划: a plan's calculation in layers that import only downwards — words, calc, document,
//! analysis, present, exchange — with no web code, and the browser shell (`ui`, wasm only) on top.
//! `docs/architecture.md` draws the layers; `tests/architecture.rs` holds the code to them.

pub mod analysis;
pub mod calc;
pub mod document;
pub mod exchange;
pub mod present;
pub mod words;

#[cfg(target_arch = "wasm32")]
pub mod ui;

// The crate's public paths, as the tests, the benches and plan-sim name them: one flat name per
// module, whatever layer it lives in. Inside the crate every path names its layer.
pub use analysis::{compare, goal_seek, optimize, progress, risk};
pub use calc::{
    costs, fields, finance, forecast, gates, measure, model, readiness, rules, voucher,
};
pub use document::{
    apply, demo, describe, edit, history, lever, optimize_settings, plan, progress_entry,
    provenance, reporting, risk_settings, rolling, validate,
};
pub use exchange::{
    format, jobs, library, merge, progress_sheet, project_csv, submission, workbook, xlsx_formats,
};
pub use present::{
    charts, compare_charts, comparison, finding_groups, fund_balance, headline, listing, report,
    risk_charts,
};
pub use words::{display, i18n};

/// The simulation under its public name, with `simulate_plan` (a document and one of its
/// scenarios), which lives with the document since the calculation knows no documents.
pub mod simulate {
    pub use crate::calc::simulate::*;
    pub use crate::document::plan::simulate_plan;
}
