//! Words: the string catalogue, dates, digits, display rounding and the order lists are sorted
//! in; imports nothing of the crate.

pub mod display;
pub mod i18n;
pub mod order;
