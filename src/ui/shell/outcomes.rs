//! What the store keeps of the long-running tools between pages: the optimizer's run in
//! progress and its last answer explained, the last Monte Carlo run. Here, not in their pages,
//! so the store owns them without importing a page.

use leptos::prelude::*;

use crate::analysis::optimize::Phase;
use crate::analysis::risk::Summary;

/// A changed project: its name and its mixes, ours → the answer's.
type Changed = (String, Vec<(String, String, String)>);

/// The last run, as the panel shows it.
#[derive(Clone, PartialEq)]
pub struct Explained {
    pub before: f64,
    pub after: f64,
    pub feasible: bool,
    pub binding: Vec<String>,
    pub changes: Vec<Changed>,
    pub ms: f64,
    pub error: Option<String>,
}

/// The optimizer's run on the page (its settings are the document's): the run in progress,
/// the last run explained.
#[derive(Clone, Copy)]
pub struct Optimizer {
    pub phase: RwSignal<Option<Phase>>,
    pub cancel: RwSignal<bool>,
    pub last: RwSignal<Option<Explained>>,
}

impl Optimizer {
    pub fn new() -> Self {
        Optimizer {
            phase: RwSignal::new(None),
            cancel: RwSignal::new(false),
            last: RwSignal::new(None),
        }
    }
}

/// A finished run and what it was run on (so a later change of the plan marks it as old).
#[derive(Clone, PartialEq)]
pub struct RiskOutcome {
    pub summary: Summary,
    pub key: String,
}
