//! The calculation: the model and its field declarations, costs, finance, the simulation and the
//! rules it is checked against. May import: words.

pub mod costs;
pub mod fields;
pub mod finance;
pub mod measure;
pub mod model;
pub mod rules;
pub mod simulate;
