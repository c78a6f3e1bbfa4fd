//! Words: the string catalogue and the number and date formats. Imports nothing of the crate.

pub mod display;
pub mod i18n;
