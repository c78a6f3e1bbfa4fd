//! Files in and out: the versioned plan document, the stored plan library, the project list as
//! CSV and Excel, a colleague's copy merged, the counties' submissions.
//! May import: words, calc, document, analysis, present.

pub mod format;
pub mod library;
pub mod merge;
pub mod project_csv;
pub mod submission;
pub mod workbook;
pub mod xlsx_formats;
