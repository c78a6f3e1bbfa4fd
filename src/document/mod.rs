//! The plan document: the plan and its scenarios, every change to it (`Edit`, apply, undo), its
//! validation, levers, history and provenance, the settings it stores, the demo plan.
//! May import: words, calc.

pub mod apply;
pub mod demo;
pub mod describe;
pub mod edit;
pub mod history;
pub mod lever;
pub mod optimize_settings;
pub mod plan;
pub mod provenance;
pub mod risk_settings;
pub mod validate;
