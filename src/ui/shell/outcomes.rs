//! What the store keeps of the long-running tools between pages: the optimizer's run in
//! progress and its last answer explained, the last Monte Carlo run. Here, not in their pages,
//! so the store owns them without importing a page.

use leptos::prelude::*;

use crate::analysis::optimize::Phase;
use crate::analysis::risk::Summary;

use crate::exchange::jobs::Changed;
use crate::ui::shell::worker::Running;

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
    /// The run under way in the worker, for 取消.
    pub running: StoredValue<Option<Running>, LocalStorage>,
    /// Why the last run gave no answer (the worker could not load or broke down).
    pub failed: RwSignal<Option<String>>,
    pub last: RwSignal<Option<Explained>>,
}

impl Optimizer {
    pub fn new() -> Self {
        Optimizer {
            phase: RwSignal::new(None),
            running: StoredValue::new_local(None),
            failed: RwSignal::new(None),
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
