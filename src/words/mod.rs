//! Words: the string catalogue, dates, digits and display rounding; imports nothing of the crate.

pub mod display;
pub mod i18n;
