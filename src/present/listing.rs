//! The project list as the planner sees it: filters, sort order, and the totals of what is shown.

use crate::calc::model::{Answering, ProjectType, Status};
use crate::calc::simulate::Results;
use crate::document::plan::Plan;

/// Which projects to show; `None` shows all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub district: Option<String>,
    /// `Some(true)`: central city only; `Some(false)`: counties only.
    pub central_city: Option<bool>,
    pub year: Option<i32>,
    pub kind: Option<ProjectType>,
    pub status: Option<Status>,
    pub answering: Answering,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// The order of the plan.
    #[default]
    Plan,
    Name,
    District,
    Year,
    Households,
    Area,
    Investment,
    Monetized,
}

/// One displayed row (amounts exact; rounding happens with the totals).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub index: usize,
    pub investment: f64,
    pub monetized: f64,
}

/// Indices of the visible projects in display order, with their investment from the results.
pub fn visible_rows(
    plan: &Plan,
    results: &Results,
    filter: &Filter,
    sort: SortKey,
    descending: bool,
) -> Vec<Row> {
    let mut rows: Vec<Row> = plan
        .projects
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            filter.district.as_ref().is_none_or(|d| &p.district == d)
                && filter.central_city.is_none_or(|c| p.central_city == c)
                && filter.year.is_none_or(|y| p.year == y)
                && filter.kind.is_none_or(|k| p.kind == k)
                && filter.status.is_none_or(|s| p.status == s)
                && filter.answering.keeps(p)
        })
        .map(|(index, p)| Row {
            index,
            investment: results
                .projects
                .iter()
                .find(|r| r.id == p.id)
                .map_or(0.0, |r| r.investment.total()),
            monetized: p.resettlement.monetized_share(),
        })
        .collect();
    let key = |r: &Row| -> (f64, String) {
        let p = &plan.projects[r.index];
        match sort {
            SortKey::Plan => (r.index as f64, String::new()),
            SortKey::Name => (0.0, p.name.clone()),
            SortKey::District => (0.0, p.district.clone()),
            SortKey::Year => (f64::from(p.year), String::new()),
            SortKey::Households => (f64::from(p.households), String::new()),
            SortKey::Area => (p.area_m2, String::new()),
            SortKey::Investment => (r.investment, String::new()),
            SortKey::Monetized => (r.monetized, String::new()),
        }
    };
    // Stable: equal keys keep the plan's order.
    crate::words::order::sort_by(&mut rows, |a, b| {
        let (ka, kb) = (key(a), key(b));
        let o = ka.0.total_cmp(&kb.0).then_with(|| ka.1.cmp(&kb.1));
        if descending {
            o.reverse()
        } else {
            o
        }
    });
    rows
}

/// Totals of the visible rows: households, area, investment and the household-weighted
/// monetized rate.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ListTotals {
    pub households: u64,
    pub area: f64,
    pub investment: f64,
    pub monetized_rate: f64,
}

pub fn totals(plan: &Plan, rows: &[Row]) -> ListTotals {
    let households: u64 = rows
        .iter()
        .map(|r| u64::from(plan.projects[r.index].households))
        .sum();
    let monetized: f64 = rows
        .iter()
        .map(|r| f64::from(plan.projects[r.index].households) * r.monetized)
        .sum();
    ListTotals {
        households,
        area: rows.iter().map(|r| plan.projects[r.index].area_m2).sum(),
        investment: rows.iter().map(|r| r.investment).sum(),
        monetized_rate: if households > 0 {
            monetized / households as f64
        } else {
            0.0
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::demo::demo_plan;
    use crate::document::plan::simulate_plan;

    #[test]
    fn filters_sorts_and_totals_follow_the_visible_rows() {
        let plan = demo_plan();
        let r = simulate_plan(&plan, None);
        let all = visible_rows(&plan, &r, &Filter::default(), SortKey::Plan, false);
        assert_eq!(all.len(), 32);
        let f = Filter {
            district: Some("X县".into()),
            ..Default::default()
        };
        let x = visible_rows(&plan, &r, &f, SortKey::Households, true);
        assert_eq!(x.len(), 4);
        assert_eq!(plan.projects[x[0].index].name, "X县西街");
        let t = totals(&plan, &x);
        assert_eq!(t.households, 1_066 + 180 + 140 + 110);
        let sum: f64 = x.iter().map(|r| r.investment).sum();
        assert_eq!(t.investment, sum);
        let central = Filter {
            central_city: Some(true),
            year: Some(2027),
            ..Default::default()
        };
        let c = visible_rows(&plan, &r, &central, SortKey::Name, false);
        assert!(c
            .iter()
            .all(|r| plan.projects[r.index].central_city && plan.projects[r.index].year == 2027));
        assert_eq!(c.len(), 6);
    }

    #[test]
    fn editing_operations_keep_ids_unique_and_undo_restores() {
        use crate::document::edit::Edit;
        let mut plan = demo_plan();
        let (index, copy) = plan.duplicate_of("p11", "（副本）").unwrap();
        assert_eq!(copy.id, "p33");
        plan.apply(&Edit::AddProject {
            index,
            project: Box::new(copy),
        })
        .unwrap();
        assert_eq!(plan.projects[11].name, "X县西街（副本）");
        let undo = plan
            .apply(&Edit::DeleteProject {
                project: "p05".into(),
            })
            .unwrap();
        assert_eq!(plan.projects.len(), 32);
        plan.apply(&undo).unwrap();
        assert_eq!(plan.projects[4].id, "p05");
        let n = plan.new_project("新项目");
        assert_eq!(n.id, "p34");
        assert!(crate::document::validate::validate_project(
            &n,
            &plan.assumptions,
            (2027, 2028),
            1
        )
        .is_empty());
    }
}
