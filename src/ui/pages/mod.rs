//! One module per page, and the editor; may import: every core layer, the shell, the widgets.

pub mod assessment;
pub mod assessment_paper;
pub mod assumptions;
pub mod compare;
pub mod editor;
pub mod fund_balance;
pub mod housing;
pub mod mixes;
pub mod plan_window;
pub mod progress;
pub mod progress_board;
pub mod progress_report;
pub mod projects;
pub mod readiness;
pub mod readiness_editor;
pub mod readiness_rules;
pub mod report;
pub mod results;
pub mod risk;
pub mod team;
pub mod vouchers;
