//! One module per page (and the project editor beside the lists): each reads the store, calls
//! the core and draws. May import: every layer below the UI, the shell, the widgets.

pub mod assumptions;
pub mod compare;
pub mod editor;
pub mod mixes;
pub mod projects;
pub mod report;
pub mod results;
pub mod risk;
pub mod team;
