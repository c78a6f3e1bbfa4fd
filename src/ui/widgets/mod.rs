//! Pieces of several pages; may import: every core layer and the shell, no page.

pub mod chart_host;
pub mod dialog;
pub mod fields;
pub mod findings;
pub mod kpi_strip;
pub mod lever_panel;
pub mod menu;
pub mod optimize;
pub mod plans;
pub mod report_table;
pub mod row_window;
pub mod scenarios;
