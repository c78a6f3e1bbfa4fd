//! Who prepared a plan document, the revision it shares with colleagues, its change log and the
//! counties' submissions: the document's history, kept apart from the plan content it describes
//! (the revision hash of that content is `plan::revision`).

use serde::{Deserialize, Serialize};

/// A planner, as typed by the planner (there are no accounts).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    #[serde(default)]
    pub name: String,
    /// Office or unit (市棚改办, 区财政局).
    #[serde(default)]
    pub office: String,
}

impl Person {
    pub fn is_empty(&self) -> bool {
        self.name.trim().is_empty() && self.office.trim().is_empty()
    }

    /// "张三（市棚改办）", or whichever part is given.
    pub fn label(&self) -> String {
        match (self.name.trim(), self.office.trim()) {
            (n, "") => n.to_string(),
            ("", o) => o.to_string(),
            (n, o) => format!("{n}（{o}）"),
        }
    }
}

/// One saved change set: when, by whom, what (the first change's description) and how many.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogEntry {
    /// Local time to the minute, `2026-11-25T10:30`.
    pub at: String,
    #[serde(default)]
    pub by: String,
    pub summary: String,
    /// Changes in the set (keystrokes coalesced by undo count as one each step).
    #[serde(default = "one")]
    pub changes: u32,
}

fn one() -> u32 {
    1
}

/// Keep the log to its most recent entries: it travels in every exported file.
pub const LOG_CAPACITY: usize = 300;

/// Changes by one person less than this many minutes apart make one change set.
pub const CHANGE_SET_MINUTES: i64 = 30;

/// The document's history, kept out of the plan content (and of its revision hash).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    #[serde(default, skip_serializing_if = "Person::is_empty")]
    pub prepared_by: Person,
    /// The revision (see `revision`) of the last content this copy shared with a colleague:
    /// what it sent or took. A colleague's file naming the same revision can be merged three-way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derived_from: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub log: Vec<LogEntry>,
}

impl Provenance {
    pub fn is_empty(&self) -> bool {
        self.prepared_by.is_empty() && self.derived_from.is_none() && self.log.is_empty()
    }

    /// Records a change: joins the last change set when the same person made it within
    /// `CHANGE_SET_MINUTES`, unless `fresh` (a merge, a submission: always their own line).
    pub fn record(&mut self, at: &str, summary: String, fresh: bool) {
        let by = self.prepared_by.label();
        if let Some(last) = self.log.last_mut() {
            let close = minutes(at)
                .zip(minutes(&last.at))
                .is_some_and(|(now, then)| (0..CHANGE_SET_MINUTES).contains(&(now - then)));
            if !fresh && close && last.by == by && !last.summary.is_empty() {
                last.changes += 1;
                return;
            }
        }
        self.log.push(LogEntry {
            at: at.to_string(),
            by,
            summary,
            changes: 1,
        });
        let over = self.log.len().saturating_sub(LOG_CAPACITY);
        self.log.drain(..over);
    }

    /// Both logs in time order, each entry once (a colleague's file repeats the shared past).
    pub fn merged_log(&self, theirs: &[LogEntry]) -> Vec<LogEntry> {
        let mut all = self.log.clone();
        for e in theirs {
            if !all.contains(e) {
                all.push(e.clone());
            }
        }
        crate::words::order::sort_by(&mut all, |a, b| a.at.cmp(&b.at));
        let over = all.len().saturating_sub(LOG_CAPACITY);
        all.drain(..over);
        all
    }
}

/// Minutes since the year 0 of a `YYYY-MM-DDTHH:MM` time (months taken as 31 days: only
/// differences under an hour matter, within one day).
fn minutes(at: &str) -> Option<i64> {
    let n = |r: std::ops::Range<usize>| at.get(r).and_then(|s| s.parse::<i64>().ok());
    let day = (n(0..4)? * 12 + n(5..7)?) * 31 + n(8..10)?;
    Some((day * 24 + n(11..13)?) * 60 + n(14..16)?)
}

/// What one county sent: when, by whom, and its totals, with what changed since its last one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Submission {
    pub district: String,
    /// Local time to the minute, `2026-11-08T16:05`.
    pub at: String,
    #[serde(default)]
    pub by: String,
    /// The file it came in.
    #[serde(default)]
    pub file: String,
    pub projects: usize,
    pub households: u64,
    /// Total investment of the submitted projects, 万元.
    pub investment: f64,
    /// Against the county's projects before it was taken.
    pub tally: Tally,
}

/// How many projects a change list adds, removes and changes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_set_is_one_person_within_half_an_hour() {
        let mut p = Provenance::default();
        p.prepared_by.name = "张三".into();
        p.record("2026-11-25T10:00", "a".into(), false);
        p.record("2026-11-25T10:29", "b".into(), false);
        assert_eq!(p.log.len(), 1);
        assert_eq!(p.log[0].changes, 2);
        p.record("2026-11-25T11:00", "c".into(), false);
        p.record("2026-11-25T11:01", "merge".into(), true);
        p.prepared_by.name = "李四".into();
        p.record("2026-11-25T11:02", "d".into(), false);
        let summaries: Vec<&str> = p.log.iter().map(|e| e.summary.as_str()).collect();
        assert_eq!(summaries, ["a", "c", "merge", "d"]);
        assert_eq!(p.log[3].by, "李四");
    }

    #[test]
    fn the_log_is_capped_and_merges_without_repeats() {
        let mut p = Provenance::default();
        for i in 0..LOG_CAPACITY + 5 {
            p.record(
                &format!("2026-11-{:02}T10:00", i % 28 + 1),
                i.to_string(),
                true,
            );
        }
        assert_eq!(p.log.len(), LOG_CAPACITY);
        let theirs = vec![p.log[0].clone(), p.log[1].clone()];
        assert_eq!(p.merged_log(&theirs).len(), LOG_CAPACITY);
    }
}
