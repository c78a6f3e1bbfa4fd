//! Analyses of a plan: goal seek, the optimizer, risk (tornado, what-if, Monte Carlo) and the
//! comparison of scenarios. May import: words, calc, document.

pub mod compare;
pub mod goal_seek;
pub mod optimize;
pub mod risk;
