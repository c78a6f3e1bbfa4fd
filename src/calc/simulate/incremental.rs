//! The incremental simulation: each project's part kept until that project or the assumptions
//! change; the years, groups and totals re-aggregated from the parts on every call.

use std::collections::{BTreeMap, BTreeSet};

use super::{by_id, discount, project_part, PlanYears, ProjectPart, Results};
use crate::calc::model::{Assumptions, Project, ProjectId};

/// Simulates a plan again after an edit, re-simulating only the projects that changed. The
/// results are identical to [`simulate`](super::simulate)'s: the aggregation is the same code
/// over the same parts in the same order (a property test checks it after random edits).
#[derive(Default)]
pub struct Simulator {
    /// The assumptions the kept parts were simulated under: any change drops them all.
    assumptions: Option<Assumptions>,
    /// Each project as last simulated, with its part.
    parts: BTreeMap<ProjectId, (Project, ProjectPart)>,
    /// How many projects the last call simulated (the rest were reused).
    simulated: usize,
}

impl Simulator {
    pub fn new() -> Self {
        Self::default()
    }

    /// How many projects the last [`Simulator::simulate`] had to simulate.
    pub fn simulated(&self) -> usize {
        self.simulated
    }

    pub fn simulate(&mut self, a: &Assumptions, projects: &[Project], first_year: i32) -> Results {
        let order = by_id(projects);
        if order.windows(2).any(|w| w[0].id == w[1].id) {
            // Two projects under one id (validation flags it): there is no key to keep them by.
            self.parts.clear();
            self.simulated = projects.len();
            return super::simulate(a, projects, first_year);
        }
        if self.assumptions.as_ref() != Some(a) {
            self.parts.clear();
            self.assumptions = Some(a.clone());
        }
        self.simulated = 0;
        let discount = discount(a);
        for &p in &order {
            let kept = self.parts.get(&p.id).is_some_and(|(q, _)| q == p);
            if !kept {
                self.parts
                    .insert(p.id.clone(), (p.clone(), project_part(p, a, &discount)));
                self.simulated += 1;
            }
        }
        if self.parts.len() > order.len() {
            let ids: BTreeSet<&ProjectId> = order.iter().map(|p| &p.id).collect();
            self.parts.retain(|id, _| ids.contains(id));
        }
        let mut years = PlanYears::new(&order, first_year);
        let results = order
            .iter()
            .map(|p| {
                let part = &self.parts[&p.id].1;
                years.add(p, &part.flows);
                part.result.clone()
            })
            .collect();
        years.finish(a, &order, results)
    }
}
