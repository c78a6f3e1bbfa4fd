//! Undo and redo: the steps applied to a plan this session, each with the edit that undoes it.

use crate::document::apply::Refused;
use crate::document::edit::Edit;
use crate::document::plan::Plan;
use crate::words::i18n::Lang;

/// One undoable step.
#[derive(Debug, Clone, PartialEq)]
struct Step {
    forward: Edit,
    inverse: Edit,
    /// When it was recorded, in milliseconds (the caller's clock).
    at: f64,
}

/// Keystrokes in the same field closer than this make one step ("1", "10", "106", "1066").
pub const COALESCE_MS: f64 = 1_500.0;

/// At least a hundred steps are kept (the issue asks for 100).
pub const CAPACITY: usize = 200;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl History {
    /// Applies `edit` to `plan` and records it; a refused edit changes neither.
    pub fn apply(&mut self, plan: &mut Plan, edit: Edit, now_ms: f64) -> Result<(), Refused> {
        let inverse = plan.apply(&edit)?;
        self.redo.clear();
        if let Some(top) = self.undo.last_mut() {
            let same = top.forward.target().is_some() && top.forward.target() == edit.target();
            if same && now_ms - top.at < COALESCE_MS {
                // Keep the older inverse: one undo goes back to before the first keystroke.
                top.forward = edit;
                top.at = now_ms;
                return Ok(());
            }
        }
        self.undo.push(Step {
            forward: edit,
            inverse,
            at: now_ms,
        });
        if self.undo.len() > CAPACITY {
            self.undo.remove(0);
        }
        Ok(())
    }

    /// Takes the last step back. The inverse of a step always applies to the plan it made.
    pub fn undo(&mut self, plan: &mut Plan) -> bool {
        self.step(plan, false)
    }

    pub fn redo(&mut self, plan: &mut Plan) -> bool {
        self.step(plan, true)
    }

    /// Moves one step from one stack to the other, applying the edit that does it.
    fn step(&mut self, plan: &mut Plan, forward: bool) -> bool {
        let (from, to) = if forward {
            (&mut self.redo, &mut self.undo)
        } else {
            (&mut self.undo, &mut self.redo)
        };
        let Some(step) = from.pop() else {
            return false;
        };
        let edit = if forward {
            &step.forward
        } else {
            &step.inverse
        };
        match plan.apply(edit) {
            // Undone, `back` redoes it; redone, `back` undoes it again.
            Ok(back) => {
                to.push(Step {
                    forward: step.forward,
                    inverse: back,
                    // A moved step never merges with the next keystroke.
                    at: f64::NEG_INFINITY,
                });
                true
            }
            // The plan was replaced under the history (another tab): nothing to step through.
            Err(_) => {
                self.clear();
                false
            }
        }
    }

    /// What undo would take back, described against the current plan.
    pub fn undo_description(&self, plan: &Plan, lang: Lang) -> Option<String> {
        self.undo
            .last()
            .map(|s| s.forward.describe_with(plan, Some(&s.inverse), lang))
    }

    pub fn redo_description(&self, plan: &Plan, lang: Lang) -> Option<String> {
        self.redo.last().map(|s| s.forward.describe(plan, lang))
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Forgets every step (another plan was opened).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}
