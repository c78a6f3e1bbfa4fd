//! Pieces shown on several pages: inputs, charts, findings, the KPI strip, the menus, the row
//! window, the scenario bar and its panels. May import: every layer below the UI, the shell.

pub mod chart_host;
pub mod fields;
pub mod findings;
pub mod kpi_strip;
pub mod lever_panel;
pub mod menu;
pub mod optimize;
pub mod plans;
pub mod row_window;
pub mod scenarios;
