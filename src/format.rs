//! The plan document on disk and in storage: a versioned envelope around the plan.
//!
//! `{"format": "shantytown-plan", "version": 1, "plan": {...}}`. The version is read before the
//! plan, so a document from a newer app is refused with a clear message instead of misread.

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Text};
use crate::model::Plan;

pub const FORMAT: &str = "shantytown-plan";
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'static str,
    version: u32,
    plan: &'a Plan,
}

#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    version: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct EnvelopeIn {
    plan: Plan,
}

/// Why a document could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum DocError {
    /// JSON syntax error at line, column.
    Syntax {
        line: usize,
        column: usize,
        detail: String,
    },
    /// Valid JSON that is not a plan document.
    NotAPlan,
    /// Written by a newer version of the app.
    NewerVersion { version: u32 },
    /// A field is missing or has the wrong type; `path` is where (e.g. `plan.projects[3].households`).
    Shape { path: String, detail: String },
}

impl DocError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DocError::Syntax {
                line,
                column,
                detail,
            } => Text::ErrJsonSyntax.fill(lang, &[line, column, detail]),
            DocError::NotAPlan => Text::ErrNotAPlan.tr(lang).to_string(),
            DocError::NewerVersion { version } => {
                Text::ErrNewerVersion.fill(lang, &[version, &VERSION])
            }
            DocError::Shape { path, detail } => Text::ErrShape.fill(lang, &[path, detail]),
        }
    }
}

/// Reads the plan of a document from a newer version as far as this version understands it
/// (unknown fields are ignored), for showing it read-only. `None` if even that fails.
pub fn decode_lenient(text: &str) -> Option<Plan> {
    serde_json::from_str::<EnvelopeIn>(text)
        .ok()
        .map(|d| d.plan)
}

/// Largest file accepted for import.
pub const MAX_IMPORT_BYTES: usize = 10 * 1024 * 1024;

/// Why an imported file was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
    },
    Doc(DocError),
    /// The plan reads but breaks the rules: every problem, with its project.
    Invalid(Vec<crate::validate::Issue>),
}

impl ImportError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ImportError::TooLarge { bytes } => Text::ErrFileTooLarge.fill(
                lang,
                &[
                    &format!("{:.1}", *bytes as f64 / 1_048_576.0),
                    &(MAX_IMPORT_BYTES / 1_048_576),
                ],
            ),
            ImportError::Doc(e) => Text::NotImported.fill(lang, &[&e.message(lang)]),
            ImportError::Invalid(issues) => Text::ErrInvalidPlan.fill(
                lang,
                &[&summarize(issues.iter().map(|i| i.message(lang)), lang)],
            ),
        }
    }
}

/// The first ten problems joined for one message, and how many there are in all.
pub fn summarize(problems: impl ExactSizeIterator<Item = String>, lang: Lang) -> String {
    let n = problems.len();
    let shown: Vec<String> = problems.take(10).collect();
    let more = if n > 10 {
        Text::MoreProblems.fill(lang, &[&n])
    } else {
        String::new()
    };
    format!("{}{more}", shown.join(Text::ListSeparator.tr(lang)))
}

/// Checks a whole file before anything is touched: size, JSON, format, version, shape, rules.
pub fn import(bytes: &[u8]) -> Result<Plan, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    // A UTF-8 BOM (Windows editors add one) is not part of the JSON.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| {
        ImportError::Doc(DocError::Syntax {
            line: 1,
            column: 1,
            detail: Text::ErrNotUtf8.tr(Lang::Zh).into(),
        })
    })?;
    let plan = decode(text).map_err(ImportError::Doc)?;
    let issues = crate::validate::validate(&plan);
    if issues.is_empty() {
        Ok(plan)
    } else {
        Err(ImportError::Invalid(issues))
    }
}

/// Serializes a plan as a pretty-printed UTF-8 document.
pub fn encode(plan: &Plan) -> String {
    serde_json::to_string_pretty(&EnvelopeOut {
        format: FORMAT,
        version: VERSION,
        plan,
    })
    .expect("a plan always serializes")
}

/// Reads a document of any supported version into the current plan type.
pub fn decode(text: &str) -> Result<Plan, DocError> {
    let header: Header = serde_json::from_str(text).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            DocError::Syntax {
                line: e.line(),
                column: e.column(),
                detail: e.to_string(),
            }
        } else {
            DocError::NotAPlan
        }
    })?;
    if header.format.as_deref() != Some(FORMAT) {
        return Err(DocError::NotAPlan);
    }
    let version = header
        .version
        .as_ref()
        .and_then(serde_json::Value::as_u64)
        .ok_or(DocError::NotAPlan)?;
    if version > u64::from(VERSION) {
        return Err(DocError::NewerVersion {
            version: version.min(u64::from(u32::MAX)) as u32,
        });
    }
    if version == 0 {
        return Err(DocError::NotAPlan);
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let doc: EnvelopeIn = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        DocError::Shape {
            path,
            detail: inner.to_string(),
        }
    })?;
    Ok(doc.plan)
}
