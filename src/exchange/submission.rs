//! The counties' submissions: a county's project list taken in place of its projects in the
//! city plan (shown first as a change list), and the board of who has sent theirs.

use std::collections::HashSet;

use crate::calc::model::Project;
use crate::document::edit::{BatchKind, Edit};
use crate::document::plan::Plan;
use crate::document::provenance::Submission;
use crate::exchange::merge::{edit_towards, Comparison};
use crate::words::i18n::{Lang, Text};

/// Why a county's file cannot be its submission.
#[derive(Debug, Clone, PartialEq)]
pub enum SubmissionProblem {
    /// The file has no project of that county (another county's file?).
    NoProjects { district: String },
    /// A project id the city plan already uses for another county's project.
    IdTaken {
        id: String,
        name: String,
        owner: String,
    },
}

impl SubmissionProblem {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SubmissionProblem::NoProjects { district } => {
                Text::ErrNoDistrictProjects.fill(lang, &[district])
            }
            SubmissionProblem::IdTaken { id, name, owner } => {
                Text::ErrIdOfOtherDistrict.fill(lang, &[name, id, owner])
            }
        }
    }
}

/// When, by whom and in which file a submission came, and the county's housing stock when the
/// file is a plan document (a project list has none).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Received {
    pub at: String,
    pub by: String,
    pub file: String,
    pub stock: Option<crate::calc::housing::HousingStock>,
}

/// The city plan against the plan with `district`'s projects replaced by the file's projects of
/// that county (its other projects are not the county's to send), in the place the county's
/// projects held, and the county's rows of the 房源库 by the file's when it has a stock (one
/// change, 房源库, to take or leave). Theirs carries the submission record, taken with the rows
/// by `take`.
pub fn submission(
    plan: &Plan,
    district: &str,
    projects: Vec<Project>,
    received: Received,
) -> Result<Comparison, Vec<SubmissionProblem>> {
    let mine: Vec<Project> = projects
        .into_iter()
        .filter(|p| p.district.trim() == district)
        .collect();
    if mine.is_empty() {
        return Err(vec![SubmissionProblem::NoProjects {
            district: district.to_string(),
        }]);
    }
    let taken: Vec<SubmissionProblem> = mine
        .iter()
        .filter_map(|p| {
            let other = plan
                .projects
                .iter()
                .find(|o| o.id == p.id && o.district != district)?;
            Some(SubmissionProblem::IdTaken {
                id: p.id.clone(),
                name: p.name.clone(),
                owner: other.district.clone(),
            })
        })
        .collect();
    if !taken.is_empty() {
        return Err(taken);
    }
    let mut theirs = plan.clone();
    let at = plan
        .projects
        .iter()
        .position(|p| p.district == district)
        .unwrap_or(plan.projects.len());
    theirs.projects.retain(|p| p.district != district);
    let at = at.min(theirs.projects.len());
    let results = crate::calc::simulate::simulate(&plan.assumptions, &mine, plan.first_year);
    theirs.projects.splice(at..at, mine.iter().cloned());
    if let Some(stock) = &received.stock {
        theirs.housing = plan.housing.with_district_of(district, stock);
    }
    let tally = Comparison::new(None, plan.clone(), theirs.clone()).tally();
    theirs.submissions.push(Submission {
        district: district.to_string(),
        at: received.at,
        by: received.by,
        file: received.file,
        projects: mine.len(),
        households: results.totals.households,
        investment: results.totals.investment,
        tally,
    });
    Ok(Comparison::new(None, plan.clone(), theirs))
}

impl Comparison {
    /// The one step that takes the chosen rows of a submission and records it.
    pub fn submission_edit(&self, take: &[bool]) -> Option<Edit> {
        let mut target = self.merged(take);
        target.submissions = self.theirs.submissions.clone();
        edit_towards(&self.ours, &target, BatchKind::Submission)
    }
}

/// One county on the board: its latest submission, if any, and the one before.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardRow<'a> {
    pub district: String,
    pub latest: Option<&'a Submission>,
    pub times: usize,
}

/// Every county of the plan (and any that sent a list), in name order.
pub fn board(plan: &Plan) -> Vec<BoardRow<'_>> {
    let mut names: Vec<String> = plan.districts();
    let known: HashSet<String> = names.iter().cloned().collect();
    let mut extra: Vec<String> = plan
        .submissions
        .iter()
        .map(|s| s.district.clone())
        .filter(|d| !known.contains(d))
        .collect();
    crate::words::order::sort(&mut extra);
    extra.dedup();
    names.extend(extra);
    crate::words::order::sort(&mut names);
    names
        .into_iter()
        .map(|district| {
            let mine = plan.submissions.iter().filter(|s| s.district == district);
            BoardRow {
                latest: mine.clone().next_back(),
                times: mine.count(),
                district,
            }
        })
        .collect()
}
