//! The planning document: the base plan (the window's project list and assumptions) and its
//! scenarios, with the operations the UI calls to name new projects and scenarios.

use serde::{Deserialize, Serialize};

use crate::calc::housing::HousingStock;

use crate::calc::model::{
    Assumptions, CostOverrides, FinancingMix, Project, ProjectId, ProjectType, ResettlementMix,
    Status,
};
use crate::calc::readiness::Gates;
use crate::calc::simulate::{simulate, Results};
use crate::document::edit::Scenario;
use crate::document::optimize_settings::Settings as OptimizeSettings;
use crate::document::provenance::{Provenance, Submission};
use crate::document::reporting::Reporting;
use crate::document::risk_settings::RiskSettings;

/// The largest plan the app supports: a province's three-year list, every project with three
/// years of monthly actuals. The import limit is derived from it, so whatever the app holds it
/// can also export and import back (`tests/largest_plan.rs`).
pub const LARGEST_PLAN_PROJECTS: usize = 5_000;
pub const LARGEST_PLAN_MONTHS: u32 = 36;

/// A planning document: the window's project list (two or three years) with everything needed
/// to simulate it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub id: String,
    pub name: String,
    pub city: String,
    /// First year of the plan's window (next year); the window is `window()`.
    pub first_year: i32,
    /// Years in the window: 2 (the default, every document before version 7) or 3 (the
    /// 三年规划 of 棚改及配套设施).
    #[serde(default = "two_years", skip_serializing_if = "is_two_years")]
    pub window_years: u8,
    pub assumptions: Assumptions,
    pub projects: Vec<Project>,
    #[serde(default)]
    pub scenarios: Vec<Scenario>,
    /// Who prepared it, what it shares with colleagues, what was done to it.
    #[serde(default, skip_serializing_if = "Provenance::is_empty")]
    pub provenance: Provenance,
    /// What each county sent (the latest per county is the one the board shows).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub submissions: Vec<Submission>,
    /// The ranges, draws, seed and ceiling of the risk page.
    #[serde(default, skip_serializing_if = "RiskSettings::is_default")]
    pub risk: RiskSettings,
    /// The optimizer's objective, bounds and limits.
    #[serde(default, skip_serializing_if = "OptimizeSettings::is_default")]
    pub optimize: OptimizeSettings,
    /// The counties' monthly progress reports received and the ranking's weights.
    #[serde(default, skip_serializing_if = "Reporting::is_empty")]
    pub reporting: Reporting,
    /// Projects finished in a year the window has rolled past, with their actuals: history,
    /// not simulated (version 7).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Project>,
    /// What each source of money waits for (version 8; the national preset when absent).
    #[serde(default, skip_serializing_if = "Gates::is_default")]
    pub gates: Gates,
    /// The dates the city set its projects ("风险评估10月底前完成", version 8).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deadlines: Vec<crate::calc::readiness::Deadline>,
    /// The housing stock monetized households can use (房源库, version 9).
    #[serde(default, skip_serializing_if = "HousingStock::is_empty")]
    pub housing: HousingStock,
    /// The 考核办法 its districts and leaders are scored by (version 10; the 2022 city scheme
    /// when absent, and not written while it is).
    #[serde(
        default,
        skip_serializing_if = "crate::calc::assessment::Scheme::is_default"
    )]
    pub assessment: crate::calc::assessment::Scheme,
}

/// The window of every document before version 7.
pub const DEFAULT_WINDOW_YEARS: u8 = 2;
/// The windows a plan may have: two years, or the three of a 三年规划.
pub const WINDOW_YEARS: [u8; 2] = [2, 3];

fn two_years() -> u8 {
    DEFAULT_WINDOW_YEARS
}

fn is_two_years(y: &u8) -> bool {
    *y == DEFAULT_WINDOW_YEARS
}

impl Plan {
    /// Years a project may be planned in.
    pub fn window(&self) -> std::ops::RangeInclusive<i32> {
        self.first_year..=self.last_year()
    }

    /// The window's last year.
    pub fn last_year(&self) -> i32 {
        self.first_year + i32::from(self.window_years.max(1)) - 1
    }

    /// The window's first and last year, as validation reads it.
    pub fn window_span(&self) -> (i32, i32) {
        (self.first_year, self.last_year())
    }

    /// The years a month's progress may be reported in: the window's, from the planned year of
    /// the earliest project carried into it.
    pub fn progress_years(&self) -> (i32, i32) {
        let first = self
            .projects
            .iter()
            .map(|p| p.year)
            .filter(|&y| y < self.first_year)
            .min()
            .unwrap_or(self.first_year);
        (first, self.last_year())
    }
}

/// Editing operations on the plan's project list, kept here so the UI only calls them.
impl Plan {
    /// An id no project has yet ("p33" after "p32").
    pub fn next_project_id(&self) -> ProjectId {
        let max = self
            .projects
            .iter()
            .filter_map(|p| p.id.strip_prefix('p').and_then(|n| n.parse::<u64>().ok()))
            .max()
            .unwrap_or(0);
        format!("p{:02}", max + 1)
    }

    /// A new project in the first plan year, all in kind, 20 % capital fund and 80 % loan, so
    /// it is valid from the start; the planner fills in the rest.
    pub fn new_project(&self, name: &str) -> Project {
        let district = self
            .projects
            .first()
            .map(|p| p.district.clone())
            .unwrap_or_default();
        Project {
            id: self.next_project_id(),
            name: name.to_string(),
            central_city: self.projects.first().is_some_and(|p| p.central_city),
            district,
            kind: ProjectType::DilapidatedHousing,
            year: self.first_year,
            status: Status::Planning,
            households: 0,
            area_m2: 0.0,
            infrastructure_cost: 0.0,
            central_subsidy: 0.0,
            land_revenue: None,
            resettlement: ResettlementMix {
                cash: 0.0,
                self_purchase: 0.0,
                government_purchase: 0.0,
                new_build: 1.0,
                voucher: 0.0,
            },
            financing: FinancingMix {
                capital_fund: self.assumptions.min_capital_fund.max(0.2),
                policy_loan: 1.0 - self.assumptions.min_capital_fund.max(0.2),
                service_purchase: 0.0,
                ppp: 0.0,
                special_bond: 0.0,
            },
            costs: CostOverrides::default(),
            lead: String::new(),
            responsibility: Default::default(),
            comment: String::new(),
            ppp: Default::default(),
            income: Vec::new(),
            progress: Default::default(),
            forecast: None,
            readiness: Default::default(),
        }
    }

    /// A copy of a project to go right after it (where, and what), with a new id and `suffix`
    /// ("（副本）") on its name: added with `Edit::AddProject`.
    pub fn duplicate_of(&self, id: &str, suffix: &str) -> Option<(usize, Project)> {
        let i = self.projects.iter().position(|p| p.id == id)?;
        let mut copy = self.projects[i].clone();
        copy.id = self.next_project_id();
        copy.name = format!("{}{suffix}", copy.name);
        Some((i + 1, copy))
    }

    /// An id no scenario has yet.
    pub fn next_scenario_id(&self) -> String {
        (1..)
            .map(|n| format!("s{n}"))
            .find(|id| !self.scenarios.iter().any(|s| s.id == *id))
            .expect("some id is free")
    }

    /// Distinct district/county names, sorted.
    pub fn districts(&self) -> Vec<String> {
        sorted_names(self.projects.iter().map(|p| p.district.clone()))
    }

    /// The plan's 包抓领导, sorted (projects without one left out).
    pub fn leads(&self) -> Vec<String> {
        sorted_names(self.projects.iter().map(|p| p.lead.clone()))
    }

    /// The posts the plan's leaders hold, sorted.
    pub fn posts(&self) -> Vec<String> {
        sorted_names(self.projects.iter().map(|p| p.responsibility.post.clone()))
    }

    /// The units that answer for any project (a 责任单位 or a duty's holder), sorted.
    pub fn units(&self) -> Vec<String> {
        sorted_names(self.projects.iter().flat_map(|p| {
            let r = &p.responsibility;
            std::iter::once(r.unit.clone()).chain(r.duties.holders().map(|(_, h)| h.clone()))
        }))
    }
}

/// Names in the UI's order, each once, blanks left out.
fn sorted_names(names: impl Iterator<Item = String>) -> Vec<String> {
    let mut v: Vec<String> = names.filter(|n| !n.trim().is_empty()).collect();
    crate::words::order::sort(&mut v);
    v.dedup();
    v
}

/// Simulates a plan under a scenario (`None` = baseline).
pub fn simulate_plan(plan: &Plan, scenario: Option<&Scenario>) -> Results {
    match scenario {
        // The baseline needs no resolved copy of the plan.
        None => simulate(&plan.assumptions, &plan.projects, plan.first_year),
        Some(s) => {
            let view = plan.resolve(Some(s)).plan;
            simulate(&view.assumptions, &view.projects, view.first_year)
        }
    }
}

/// The content of a plan (what is planned, not who planned it), as the revision hash reads it.
#[derive(Serialize)]
struct Content<'a> {
    id: &'a str,
    name: &'a str,
    city: &'a str,
    first_year: i32,
    assumptions: &'a Assumptions,
    projects: &'a [Project],
    scenarios: &'a [Scenario],
}

/// A short name for a plan's content: equal contents give the same revision on every machine
/// (serde_json writes fields in declaration order and floats exactly), different ones differ
/// but for a 1 in 2^64 chance. FNV-1a: identifying a revision needs no cryptography.
pub fn revision(plan: &Plan) -> String {
    let content = Content {
        id: &plan.id,
        name: &plan.name,
        city: &plan.city,
        first_year: plan.first_year,
        assumptions: &plan.assumptions,
        projects: &plan.projects,
        scenarios: &plan.scenarios,
    };
    let bytes = serde_json::to_vec(&content).expect("a plan always serializes");
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::demo::demo_plan;

    #[test]
    fn revision_reads_content_only() {
        let plan = demo_plan();
        let mut same = plan.clone();
        same.provenance.prepared_by.name = "张三".into();
        same.provenance
            .record("2026-11-25T10:00", "x".into(), false);
        assert_eq!(revision(&plan), revision(&same));
        let mut other = plan.clone();
        other.projects[0].households += 1;
        assert_ne!(revision(&plan), revision(&other));
        assert_eq!(revision(&plan).len(), 16);
    }
}
