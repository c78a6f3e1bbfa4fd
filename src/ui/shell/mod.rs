//! The store and the browser services; may import: every core layer, no widget and no page.

pub mod exchange;
pub mod files;
pub mod in_worker;
pub mod outcomes;
pub mod reveal;
pub mod route;
pub mod state;
pub mod storage;
pub mod sync;
pub mod transfer;
pub mod turns;
pub mod worker;
