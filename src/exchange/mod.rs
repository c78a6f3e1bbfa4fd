//! Files in and out: document, library, CSV, Excel, merge, submissions; may import: words … present.

pub mod format;
pub mod jobs;
pub mod library;
pub mod merge;
pub mod progress_sheet;
pub mod project_csv;
pub mod readiness_sheet;
pub mod stock_sheet;
pub mod submission;
pub mod workbook;
pub mod xlsx_formats;
