//! 棚改规划 core: plan model, finance math, simulation and chart builders (no web imports), plus the wasm UI shell.

pub mod apply;
pub mod charts;
pub mod compare;
pub mod costs;
pub mod demo;
pub mod describe;
pub mod display;
pub mod edit;
pub mod fields;
pub mod finance;
pub mod finding_groups;
pub mod format;
pub mod goal_seek;
pub mod history;
pub mod i18n;
pub mod lever;
pub mod library;
pub mod listing;
pub mod merge;
pub mod model;
pub mod optimize;
pub mod optimize_settings;
pub mod plan;
pub mod project_csv;
pub mod provenance;
pub mod report;
pub mod risk;
pub mod risk_charts;
pub mod rules;
pub mod simulate;
pub mod submission;
pub mod validate;
pub mod workbook;

#[cfg(target_arch = "wasm32")]
pub mod ui;
