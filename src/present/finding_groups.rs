//! Findings grouped by rule and severity (reach, worst case), binding misses first: what a planner reads first.

use std::collections::BTreeSet;

use crate::calc::model::ProjectId;
use crate::calc::rules::{Finding, RuleId, Severity, Subject};
use crate::calc::simulate::Group;

/// Every finding of one rule at one severity.
#[derive(Debug, Clone, PartialEq)]
pub struct FindingGroup {
    pub rule: RuleId,
    pub severity: Severity,
    /// Worst first: the first is the case farthest past its limit.
    pub findings: Vec<Finding>,
    /// Distinct projects concerned.
    pub projects: usize,
    /// Distinct districts or totals (全市, 中心城区, 区县合计) concerned.
    pub groups: usize,
    /// Distinct years concerned (a yearly finding covers every year of its span).
    pub years: usize,
}

impl FindingGroup {
    /// The case farthest past its limit.
    pub fn worst(&self) -> &Finding {
        &self.findings[0]
    }
}

/// How far a finding is past its limit, relative to the limit. It does not depend on the rule's
/// direction (a floor or a cap), so new rules need no entry here.
fn excess(f: &Finding) -> f64 {
    let gap = (f.actual - f.limit).abs();
    let x = if f.limit != 0.0 {
        gap / f.limit.abs()
    } else {
        gap
    };
    // An unreadable number must not pass for the worst case.
    if x.is_nan() {
        f64::NEG_INFINITY
    } else {
        x
    }
}

/// Groups findings by (rule, severity): binding misses first, then in the order the rules
/// first appear in `findings`; within a group, the worst case first.
pub fn group_findings(findings: &[Finding]) -> Vec<FindingGroup> {
    let mut keys: Vec<(RuleId, Severity)> = Vec::new();
    for f in findings {
        if !keys.contains(&(f.rule, f.severity)) {
            keys.push((f.rule, f.severity));
        }
    }
    // Stable: the order of first appearance survives within each severity.
    crate::words::order::sort_by_key(&mut keys, |(_, s)| *s != Severity::Miss);
    keys.into_iter()
        .map(|(rule, severity)| {
            let mut members: Vec<Finding> = findings
                .iter()
                .filter(|f| f.rule == rule && f.severity == severity)
                .cloned()
                .collect();
            crate::words::order::sort_by(&mut members, |a, b| excess(b).total_cmp(&excess(a)));
            reach(rule, severity, members)
        })
        .collect()
}

/// Counts the distinct projects, groups and years a group of findings concerns.
fn reach(rule: RuleId, severity: Severity, findings: Vec<Finding>) -> FindingGroup {
    let mut projects: BTreeSet<&ProjectId> = BTreeSet::new();
    let mut groups: BTreeSet<&Group> = BTreeSet::new();
    let mut years: BTreeSet<i32> = BTreeSet::new();
    for f in &findings {
        match &f.subject {
            Subject::Project { id, .. } => {
                projects.insert(id);
            }
            Subject::Group(g) => {
                groups.insert(g);
            }
            Subject::Year(y) => match f.years {
                Some((a, b)) => years.extend(a.min(b)..=a.max(b)),
                None => {
                    years.insert(*y);
                }
            },
        }
    }
    let (projects, groups, years) = (projects.len(), groups.len(), years.len());
    FindingGroup {
        rule,
        severity,
        findings,
        projects,
        groups,
        years,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(rule: RuleId, severity: Severity, id: &str, actual: f64, limit: f64) -> Finding {
        Finding {
            rule,
            severity,
            subject: Subject::Project {
                id: id.into(),
                name: format!("项目{id}"),
            },
            actual,
            limit,
            years: None,
        }
    }

    #[test]
    fn the_demo_land_cover_warnings_become_one_group() {
        let plan = crate::document::demo::demo_plan();
        let results = crate::document::plan::simulate_plan(&plan, None);
        let all = crate::calc::rules::findings(&plan.assumptions, &results);
        let land: Vec<&Finding> = all.iter().filter(|f| f.rule == RuleId::LandCover).collect();
        // The 28 projects with land revenue, less the 11 it covers (see rules' tests).
        assert_eq!(land.len(), 17, "the demo's land-cover warnings");
        let groups = group_findings(&all);
        let land_groups: Vec<&FindingGroup> = groups
            .iter()
            .filter(|g| g.rule == RuleId::LandCover)
            .collect();
        assert_eq!(land_groups.len(), 1);
        let g = land_groups[0];
        assert_eq!(g.severity, Severity::Warning);
        assert_eq!(g.findings.len(), land.len());
        assert_eq!(g.projects, land.len());
        assert_eq!((g.groups, g.years), (0, 0));
        let lowest = land.iter().map(|f| f.actual).fold(f64::INFINITY, f64::min);
        assert_eq!(g.worst().actual, lowest);
        // Far fewer lines than findings, and every finding is kept.
        assert!(groups.len() * 3 < all.len());
        let kept: usize = groups.iter().map(|g| g.findings.len()).sum();
        assert_eq!(kept, all.len());
    }

    #[test]
    fn binding_misses_come_first_then_first_appearance() {
        let findings = vec![
            project(RuleId::LandCover, Severity::Warning, "a", 0.5, 1.0),
            project(RuleId::BondAppraisal, Severity::Warning, "b", 1.1, 1.2),
            project(RuleId::BondSelfBalance, Severity::Miss, "c", 0.9, 1.0),
            project(RuleId::LandCover, Severity::Warning, "d", 0.2, 1.0),
        ];
        let groups = group_findings(&findings);
        let order: Vec<(RuleId, Severity)> = groups.iter().map(|g| (g.rule, g.severity)).collect();
        assert_eq!(
            order,
            [
                (RuleId::BondSelfBalance, Severity::Miss),
                (RuleId::LandCover, Severity::Warning),
                (RuleId::BondAppraisal, Severity::Warning),
            ]
        );
        assert_eq!(groups[1].findings.len(), 2);
    }

    #[test]
    fn the_worst_case_is_the_farthest_past_its_limit_for_floors_and_caps() {
        let floors = vec![
            project(RuleId::LandCover, Severity::Warning, "a", 0.8, 1.0),
            project(RuleId::LandCover, Severity::Warning, "b", 0.1, 1.0),
            project(RuleId::LandCover, Severity::Warning, "c", 0.5, 1.0),
        ];
        assert_eq!(group_findings(&floors)[0].worst().actual, 0.1);
        let caps = vec![
            project(RuleId::BondTerm, Severity::Miss, "a", 18.0, 15.0),
            project(RuleId::BondTerm, Severity::Miss, "b", 30.0, 15.0),
        ];
        let g = &group_findings(&caps)[0];
        assert_eq!(g.worst().actual, 30.0);
        assert_eq!(g.findings[1].actual, 18.0);
        // NaN never passes for the worst case.
        let odd = vec![
            project(RuleId::LandCover, Severity::Warning, "a", f64::NAN, 1.0),
            project(RuleId::LandCover, Severity::Warning, "b", 0.9, 1.0),
        ];
        assert_eq!(group_findings(&odd)[0].worst().actual, 0.9);
    }

    #[test]
    fn reach_counts_distinct_projects_groups_and_years() {
        let same_rule = |subject: Subject, years: Option<(i32, i32)>| Finding {
            rule: RuleId::MonetizedTarget,
            severity: Severity::Miss,
            subject,
            actual: 0.4,
            limit: 0.5,
            years,
        };
        let findings = vec![
            same_rule(Subject::Group(Group::Counties), None),
            same_rule(Subject::Group(Group::Overall), None),
            same_rule(Subject::Group(Group::Counties), None),
            same_rule(Subject::Year(2029), Some((2028, 2030))),
            same_rule(Subject::Year(2030), None),
            same_rule(
                Subject::Project {
                    id: "p1".into(),
                    name: "甲".into(),
                },
                None,
            ),
        ];
        let g = &group_findings(&findings)[0];
        assert_eq!((g.projects, g.groups, g.years), (1, 2, 3));
        assert_eq!(g.findings.len(), 6);
    }

    #[test]
    fn no_findings_no_groups() {
        assert!(group_findings(&[]).is_empty());
    }
}
