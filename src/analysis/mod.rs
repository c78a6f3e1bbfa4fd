//! Analyses: goal seek, optimizer, risk, scenario comparison; may import: words, calc, document.

pub mod assessment;
pub mod compare;
pub mod goal_seek;
pub mod housing;
pub mod optimize;
pub mod progress;
pub mod readiness;
pub mod risk;
