//! The plan document, every change to it, its checks and stored settings; may import: words, calc.

pub mod apply;
pub mod demo;
pub mod demo_steps;
pub mod describe;
pub mod edit;
pub mod history;
pub mod lever;
pub mod optimize_settings;
pub mod plan;
pub mod progress_entry;
pub mod provenance;
pub mod reporting;
pub mod risk_settings;
pub mod rolling;
pub mod validate;
