//! The shell's services: the store, autosave and other tabs (sync), local storage, files, the
//! URL, work in slices, bringing elements into view, imports and exports, the tools' outcomes.
//! May import: every layer below the UI; nothing of the widgets or pages.

pub mod exchange;
pub mod files;
pub mod outcomes;
pub mod reveal;
pub mod route;
pub mod slices;
pub mod state;
pub mod storage;
pub mod sync;
pub mod transfer;
