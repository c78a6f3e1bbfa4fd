//! The calculation: model, fields, costs, finance, simulation and rules; may import: words.

pub mod assessment;
pub mod costs;
pub mod fields;
pub mod finance;
pub mod forecast;
pub mod gates;
pub mod housing;
pub mod instrument;
pub mod measure;
pub mod model;
pub mod progress;
pub mod readiness;
pub mod rules;
pub mod simulate;
pub mod voucher;
