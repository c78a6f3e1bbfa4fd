//! The plan document on disk and in storage: a versioned envelope around the plan.
//!
//! `{"format": "shantytown-plan", "version": 8, "plan": {...}}`. The version is read before the
//! plan, so a document from a newer app is refused with a clear message instead of misread, and
//! a document from an earlier one is migrated step by step (`migrate`) before it is read.

use serde::{Deserialize, Serialize};

use crate::document::plan::Plan;
use crate::words::i18n::{Lang, Text};

pub const FORMAT: &str = "shantytown-plan";
pub const VERSION: u32 = 11;

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
    // The envelope's own header (checked before), read here so it is not reported as unknown.
    #[allow(dead_code)]
    format: String,
    #[allow(dead_code)]
    version: serde_json::Value,
}

/// What serde_json found wrong, in words the catalogue can say in either language.
#[derive(Debug, Clone, PartialEq)]
pub enum JsonProblem {
    WrongType {
        found: String,
        expected: String,
    },
    MissingField(String),
    /// A number outside what the field can hold (a negative count, 1e400).
    OutOfRange(String),
    UnknownChoice(String),
    TrailingCharacters,
    UnexpectedEnd,
    Syntax,
    Other,
}

impl JsonProblem {
    /// Classifies serde_json's English message (its only description of the problem).
    fn of(message: &str) -> Self {
        let msg = message.split(" at line ").next().unwrap_or(message);
        let quoted = |s: &str| s.split('`').nth(1).unwrap_or_default().to_string();
        if let Some(rest) = msg.strip_prefix("invalid type: ") {
            let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
            JsonProblem::WrongType {
                found: found.split(' ').next().unwrap_or_default().to_string(),
                expected: expected.to_string(),
            }
        } else if msg.starts_with("missing field") {
            JsonProblem::MissingField(quoted(msg))
        } else if msg.starts_with("invalid value") || msg.starts_with("number out of range") {
            JsonProblem::OutOfRange(quoted(msg))
        } else if msg.starts_with("unknown variant") {
            JsonProblem::UnknownChoice(quoted(msg))
        } else if msg.starts_with("trailing characters") {
            JsonProblem::TrailingCharacters
        } else if msg.starts_with("EOF while parsing") {
            JsonProblem::UnexpectedEnd
        } else if msg.starts_with("expected")
            || msg.starts_with("key must")
            || msg.contains("escape")
        {
            JsonProblem::Syntax
        } else {
            JsonProblem::Other
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        let kind = |k: &str| -> &'static str {
            let t = match k {
                "string" | "a string" => Text::JsonText,
                "integer" | "u32" | "u64" | "i32" => Text::JsonWhole,
                "floating" | "f64" => Text::JsonNumber,
                "boolean" | "a boolean" => Text::JsonBool,
                "null" => Text::JsonNull,
                "map" => Text::JsonObject,
                "sequence" | "a sequence" => Text::JsonList,
                _ => Text::JsonOtherValue,
            };
            t.tr(lang)
        };
        match self {
            JsonProblem::WrongType { found, expected } => {
                let expected = if expected.starts_with("struct") {
                    "map"
                } else {
                    expected
                };
                Text::JsonWrongType.fill(lang, &[&kind(expected), &kind(found)])
            }
            JsonProblem::MissingField(f) => Text::JsonMissingField.fill(lang, &[f]),
            JsonProblem::OutOfRange(v) => Text::JsonOutOfRange.fill(lang, &[v]),
            JsonProblem::UnknownChoice(v) => Text::JsonUnknownChoice.fill(lang, &[v]),
            JsonProblem::TrailingCharacters => Text::JsonTrailing.tr(lang).into(),
            JsonProblem::UnexpectedEnd => Text::JsonEof.tr(lang).into(),
            JsonProblem::Syntax => Text::JsonSyntax.tr(lang).into(),
            JsonProblem::Other => Text::JsonOther.tr(lang).into(),
        }
    }
}

/// Why a document could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum DocError {
    /// JSON syntax error at line, column.
    Syntax {
        line: usize,
        column: usize,
        problem: JsonProblem,
    },
    /// Valid JSON that is not a plan document.
    NotAPlan,
    NotUtf8,
    /// Written by a newer version of the app.
    NewerVersion {
        version: u32,
    },
    /// A field is missing or has the wrong type; `path` is where (e.g. `plan.projects[3].households`).
    Shape {
        path: String,
        problem: JsonProblem,
    },
}

impl DocError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DocError::Syntax {
                line,
                column,
                problem,
            } => Text::ErrJsonSyntax.fill(lang, &[line, column, &problem.message(lang)]),
            DocError::NotAPlan => Text::ErrNotAPlan.tr(lang).to_string(),
            DocError::NotUtf8 => Text::ErrNotUtf8.tr(lang).to_string(),
            DocError::NewerVersion { version } => {
                Text::ErrNewerVersion.fill(lang, &[version, &VERSION])
            }
            DocError::Shape { path, problem } => {
                Text::ErrShape.fill(lang, &[path, &problem.message(lang)])
            }
        }
    }
}

/// Reads the plan of a document from a newer version as far as this version understands it
/// (unknown fields are ignored), for showing it read-only. `None` if even that fails.
pub fn decode_lenient(text: &str) -> Option<Plan> {
    read_plain::<EnvelopeIn>(text).ok().map(|d| d.plan)
}

/// Reads what the worker sends back (projects, edits, summaries, a plan file it read) through
/// the same reader as a stored plan, so the page's wasm carries the reader of each type once.
pub fn read_reply<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, DocError> {
    read_plain(text)
}

/// The page's reader (what it stored, what the worker wrote): serde_json alone, a problem
/// placed by line and column. A file is read with `read_tracked`, in the worker, which names a
/// field's path and every unknown field; the app's own text has neither to name. Keeping both
/// wrappers out of the page keeps a second reader of every type out of the first visit.
fn read_plain<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, DocError> {
    serde_json::from_str(text).map_err(trailing)
}

/// `read_plain`, naming the path of a field it cannot read (`plan.projects[3].households`).
fn read_pathed<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, DocError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(shape_error)?;
    de.end().map_err(trailing)?;
    Ok(value)
}

/// A file's reader: `read_plain`, also noting every field it does not know in
/// `unknown_fields` (a typo such as `costs.construction_month` is otherwise dropped unseen).
fn read_tracked<T: serde::de::DeserializeOwned>(
    text: &str,
    unknown_fields: &mut Vec<String>,
) -> Result<T, DocError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let mut note = |path: serde_ignored::Path<'_>| unknown_fields.push(path.to_string());
    let mut note: &mut dyn FnMut(serde_ignored::Path<'_>) = &mut note;
    let reporting = serde_ignored::Deserializer::new(&mut de, &mut note);
    let value: T = serde_path_to_error::deserialize(reporting).map_err(shape_error)?;
    de.end().map_err(trailing)?;
    Ok(value)
}

fn trailing(e: serde_json::Error) -> DocError {
    DocError::Syntax {
        line: e.line(),
        column: e.column(),
        problem: JsonProblem::of(&e.to_string()),
    }
}

/// Writes what the page sends the worker with the writer of `encode_stored` (compact), so the
/// page's wasm carries each type's writer once.
pub fn write_request<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("a request always serializes")
}

/// The worker's reader of its jobs: the tracking reader it has for files anyway (`import`),
/// so the worker's wasm carries one reader of each type too. The page's jobs have no unknown
/// fields to note.
pub fn read_job<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, DocError> {
    read_tracked(text, &mut Vec::new())
}

/// Largest file accepted for import: the largest supported plan's export
/// (`plan::LARGEST_PLAN_PROJECTS`, 18 MB today with its milestones) with room for half as much
/// again per project (the housing stock) — an import a planner can still wait
/// for, and a bound on what a hostile file can make the page parse.
pub const MAX_IMPORT_BYTES: usize = 32 * 1024 * 1024;

/// Up to this size (without indentation) an export is indented, one value per line, so
/// colleagues can compare two versions of a city's plan line by line; above it the file is
/// written compact (an indented province list is 3.2 times as large and would not import back).
pub const INDENTED_UP_TO: usize = 512 * 1024;

/// Why an imported file was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
    },
    Doc(DocError),
    /// The plan reads but breaks the rules: every problem, with its project.
    Invalid(Vec<crate::document::validate::Issue>),
}

impl ImportError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ImportError::TooLarge { bytes } => Text::ErrFileTooLarge.fill(
                lang,
                &[&megabytes_over(*bytes), &(MAX_IMPORT_BYTES / 1_048_576)],
            ),
            ImportError::Doc(e) => Text::NotImported.fill(lang, &[&e.message(lang)]),
            ImportError::Invalid(issues) => Text::ErrInvalidPlan.fill(
                lang,
                &[&summarize(issues.iter().map(|i| i.message(lang)), lang)],
            ),
        }
    }
}

/// A file's size in MB (MiB) with two decimals, rounded up: a file over the limit never reads
/// as the limit itself ("10.01", not "10.0" beside "10").
fn megabytes_over(bytes: usize) -> String {
    let hundredths = (bytes as f64 / 1_048_576.0 * 100.0).ceil();
    crate::words::display::fixed(hundredths / 100.0, 2)
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

/// A plan read from a file, with the fields this version does not know (JSON paths): they are
/// not kept, so the planner must see them before the plan is taken.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Imported {
    pub plan: Plan,
    pub unknown_fields: Vec<String>,
}

/// Checks a whole file before anything is touched: size, JSON, format, version, shape, rules.
pub fn import(bytes: &[u8]) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    // A UTF-8 BOM (Windows editors add one) is not part of the JSON.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::Doc(DocError::NotUtf8))?;
    let Imported {
        plan,
        unknown_fields,
    } = decode_reporting(text).map_err(ImportError::Doc)?;
    let issues = crate::document::validate::validate(&plan);
    if issues.is_empty() {
        Ok(Imported {
            plan,
            unknown_fields,
        })
    } else {
        Err(ImportError::Invalid(issues))
    }
}

/// Serializes a plan as the UTF-8 document a planner exports: indented while small
/// (`INDENTED_UP_TO`), compact beyond, always within `MAX_IMPORT_BYTES` for a supported plan.
pub fn encode(plan: &Plan) -> String {
    let compact = encode_stored(plan);
    if compact.len() > INDENTED_UP_TO {
        return compact;
    }
    // Indented from the compact text as JSON values (fields in their order: serde_json's
    // `preserve_order`; floats exact: `float_roundtrip`), so the plan's types have one writer
    // in the page's wasm, the compact one.
    let value: serde_json::Value =
        serde_json::from_str(&compact).expect("its own compact text reads back");
    serde_json::to_string_pretty(&value).expect("a plan always serializes")
}

/// The document as the browser keeps it: the same JSON without indentation (a third of the
/// size of the indented file for a plan with two years of actuals; storage holds about 5 MB).
pub fn encode_stored(plan: &Plan) -> String {
    serde_json::to_string(&EnvelopeOut {
        format: FORMAT,
        version: VERSION,
        plan,
    })
    .expect("a plan always serializes")
}

/// Reads a document of any supported version into the current plan type, naming the path of a
/// field it cannot read (its unknown fields are not looked for).
pub fn decode(text: &str) -> Result<Plan, DocError> {
    decode_as::<PATHED>(text).map(|d| d.plan)
}

/// `decode` for what the app itself stored: a problem placed by line and column, not by path
/// (the page's reader, `read_plain`).
pub fn decode_stored(text: &str) -> Result<Plan, DocError> {
    decode_as::<PLAIN>(text).map(|d| d.plan)
}

/// `decode`, also naming every field the reader does not know (a typo such as
/// `costs.construction_month` is otherwise silently dropped).
pub fn decode_reporting(text: &str) -> Result<Imported, DocError> {
    decode_as::<TRACKED>(text)
}

/// The readers `decode_as` chooses from at compile time: the page (which only decodes what it
/// stored) carries the plain one alone.
const PLAIN: u8 = 0;
const PATHED: u8 = 1;
const TRACKED: u8 = 2;

/// The one decoder of a document, with the reader `READER` names.
fn decode_as<const READER: u8>(text: &str) -> Result<Imported, DocError> {
    let header: Header = serde_json::from_str(text).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            DocError::Syntax {
                line: e.line(),
                column: e.column(),
                problem: JsonProblem::of(&e.to_string()),
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
    let mut unknown_fields = Vec::new();
    // An earlier document is rewritten as a current one first, then read by the one reader
    // below (one reader of the plan type keeps the wasm small). One that does not even read as
    // JSON values (a number out of range) goes on to the reader as it is, which names where.
    let migrated = (version < u64::from(VERSION))
        .then(|| serde_json::from_str::<serde_json::Value>(text).ok())
        .flatten()
        .map(|mut doc| {
            migrate(&mut doc, version);
            doc.to_string()
        });
    let text = migrated.as_deref().unwrap_or(text);
    let doc: EnvelopeIn = match READER {
        PLAIN => read_plain(text)?,
        PATHED => read_pathed(text)?,
        _ => read_tracked(text, &mut unknown_fields)?,
    };
    Ok(Imported {
        plan: doc.plan,
        unknown_fields,
    })
}

fn shape_error(e: serde_path_to_error::Error<serde_json::Error>) -> DocError {
    DocError::Shape {
        path: e.path().to_string(),
        problem: JsonProblem::of(&e.into_inner().to_string()),
    }
}

/// Rewrites a document of `version` as the current version, one step per version.
fn migrate(doc: &mut serde_json::Value, version: u64) {
    if version < 2 {
        v1_scenarios_as_edits(doc);
    }
    // Version 3 added what version 2 reads as absent: provenance, submissions and project
    // comments (all optional), and two edits. A version 2 app would drop them unseen.
    // Version 4 added the PPP spending kinds: city-wide capital ratio, equity share and risk
    // ratios (read with their defaults when absent), a project's own PPP inputs (optional) and
    // the optimizer's service-purchase setting. A version 3 app would drop them unseen.
    // Version 5 added a project's actual progress (optional) and the edit that sets it. A
    // version 4 app would drop the actuals unseen.
    // Version 6 added the counties' monthly reports received and the ranking's weights
    // (`reporting`, optional) and their two edits. A version 5 app would drop them unseen.
    // Version 7 added the plan's window (`window_years`, 2 when absent: an older document is a
    // two-year plan), its history of finished projects, a project's forecast, the forecast
    // scenario's mark and their edits. A version 6 app would drop them unseen.
    // Version 8 added a project's readiness (milestones with dates and numbers, the risk
    // assessment, pre-signing; optional), the plan's gates (the national preset when absent),
    // a scenario's gated choice and their edits. A version 7 app would drop them unseen.
    if version < 8 {
        v7_forecast_waits_for_gates(doc);
    }
    // Version 9 added the housing stock (`housing`: listings, offers, sales; optional) and its
    // edit. A version 8 app would drop it unseen. It also writes a scenario's edits with their
    // kind as the key (`{"set_gates": {…}}`) instead of an `op` field.
    if version < 9 {
        v8_edits_keyed_by_kind(doc);
    }
    // Version 10 added 房票 as a way of resettlement (a mix's `voucher`, 0 when absent; a
    // record's voucher households after its funds) and the city's voucher scheme
    // (`assumptions.vouchers`, the 厦门 2023 preset when absent). Nothing to rewrite: a version 9
    // document has no vouchers. A version 9 app would drop them unseen.
    // Version 11 added who answers for a project (`responsibility`: the 包抓领导's post, the
    // 责任单位 and the holders of the seven 包 duties; optional) and their project fields.
    // Nothing to rewrite; a version 10 app would drop them unseen.
}

/// Before version 9 an edit named its kind in an `op` field (`{"op": "set_gates", …}`); from 9
/// the kind is the edit's one key (`{"set_gates": {…}}`). Edits inside edits (a batch, a
/// splice's inserts) too.
fn v8_edits_keyed_by_kind(doc: &mut serde_json::Value) {
    use serde_json::Value;
    fn keyed(edit: &mut Value) {
        let Some(fields) = edit.as_object_mut() else {
            return;
        };
        let Some(Value::String(kind)) = fields.remove("op") else {
            return;
        };
        for inner in ["edits", "insert"] {
            if let Some(Value::Array(list)) = fields.get_mut(inner) {
                list.iter_mut().for_each(keyed);
            }
        }
        let fields = std::mem::take(fields);
        *edit = Value::Object([(kind, Value::Object(fields))].into_iter().collect());
    }
    for s in scenarios_of(doc) {
        if let Some(Value::Array(edits)) = s.get_mut("edits") {
            edits.iter_mut().for_each(keyed);
        }
    }
}

/// A document's scenarios as JSON objects (none when it has no list of them), for a migration
/// step to rewrite.
fn scenarios_of(
    doc: &mut serde_json::Value,
) -> impl Iterator<Item = &mut serde_json::Map<String, serde_json::Value>> {
    doc.pointer_mut("/plan/scenarios")
        .and_then(serde_json::Value::as_array_mut)
        .into_iter()
        .flatten()
        .filter_map(serde_json::Value::as_object_mut)
}

/// From version 8 the forecast scenario's money waits for each project's milestones as things
/// stand (`gated: actual`), as 按实际进度预测 now makes it: an earlier forecast scenario is
/// marked so, and stays what it computed (an earlier plan has no milestones to wait for).
fn v7_forecast_waits_for_gates(doc: &mut serde_json::Value) {
    use serde_json::Value;
    for s in scenarios_of(doc) {
        if s.get("forecast").and_then(Value::as_bool) == Some(true) && !s.contains_key("gated") {
            s.insert("gated".into(), Value::String("actual".into()));
        }
    }
}

/// Version 1 stored a scenario as replacement assumptions and per-project overrides; version 2
/// stores the edits that make it. Each override becomes the edits it stood for, in the same
/// order, so the scenario resolves to exactly what version 1 computed.
fn v1_scenarios_as_edits(doc: &mut serde_json::Value) {
    use serde_json::{json, Value};
    for s in scenarios_of(doc) {
        let mut edits = Vec::new();
        if let Some(a) = s.remove("assumptions").filter(|a| !a.is_null()) {
            edits.push(json!({"op": "set_assumptions", "assumptions": a}));
        }
        let overrides = s.remove("overrides");
        for o in overrides.iter().filter_map(Value::as_array).flatten() {
            let project = o.get("project").cloned().unwrap_or(Value::Null);
            if o.get("excluded").and_then(Value::as_bool) == Some(true) {
                edits.push(json!({"op": "delete_project", "project": project}));
                continue;
            }
            for (key, op) in [
                ("resettlement", "set_resettlement"),
                ("financing", "set_financing"),
            ] {
                if let Some(mix) = o.get(key).filter(|m| !m.is_null()) {
                    edits.push(json!({"op": op, "project": project, "mix": mix}));
                }
            }
        }
        s.insert("edits".into(), Value::Array(edits));
    }
}

#[cfg(test)]
mod size_tests {
    use super::*;

    /// A file a little over the limit read "10.0 MB" beside a 10 MB limit.
    #[test]
    fn a_file_over_the_limit_never_reads_as_the_limit() {
        let e = ImportError::TooLarge { bytes: 33_575_000 };
        assert_eq!(
            e.message(Lang::Zh),
            "文件太大：32.02 MB，上限 32 MB，未导入"
        );
        let just = ImportError::TooLarge {
            bytes: MAX_IMPORT_BYTES + 1,
        };
        assert_eq!(
            just.message(Lang::En),
            "File too large: 32.01 MB, limit 32 MB; nothing imported"
        );
    }
}
