//! A project's history as planners read it (plan, what is left, actuals by month, the changes
//! that name it), and the window's roll before it is made.

use crate::calc::costs::project_costs;
use crate::calc::model::Project;
use crate::calc::progress::ProgressField;
use crate::document::plan::Plan;
use crate::document::rolling::roll_preview;
use crate::present::report::{Cell, Table};
use crate::words::i18n::{fmt_wan, fmt_year, Lang, Text};

/// What the project history panel shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProjectHistory {
    pub plan: String,
    /// Households and investment still to do, after the latest record.
    pub remaining: String,
    /// For a project carried into a rolled window: from which year, on its actuals to when.
    pub carried: Option<String>,
    /// One row per month reported.
    pub months: Table,
    /// The document's change log lines that name the project, latest first.
    pub changes: Vec<String>,
}

/// The history of `p` in `plan` (a project of the list, or of the history).
pub fn project_history(plan: &Plan, p: &Project, lang: Lang) -> ProjectHistory {
    // The plan's costs: a forecast moves them in time, the actuals are the records below.
    let costs = project_costs(p, &plan.assumptions);
    let last = p.progress.months.last();
    let signed = last.map_or(0, |r| r.signed);
    let invested = last.map_or(0.0, |r| r.invested);
    let fields = [
        ProgressField::Signed,
        ProgressField::Vacated,
        ProgressField::StartedUnits,
        ProgressField::CompletedUnits,
        ProgressField::Invested,
    ];
    let mut header = vec![Text::ProgressMonth.tr(lang).to_string()];
    header.extend(fields.iter().map(|f| f.name(lang)));
    header.push(Text::ColFundsToDate.tr(lang).into());
    let rows = p
        .progress
        .months
        .iter()
        .map(|r| {
            let mut row = vec![Cell::Text(r.month.label(lang))];
            row.extend(fields.iter().map(|f| match f.unit() {
                crate::calc::measure::Unit::Wan => Cell::Money(f.get(r)),
                _ => Cell::Count(f.get(r) as u64),
            }));
            row.push(Cell::Money(r.funds.total()));
            row
        })
        .collect();
    let changes = plan
        .provenance
        .log
        .iter()
        .rev()
        .filter(|e| e.summary.contains(&p.name))
        .map(|e| format!("{} {} {}", e.at.replace('T', " "), e.by, e.summary))
        .collect();
    ProjectHistory {
        plan: Text::HistoryPlan.fill(
            lang,
            &[
                &fmt_year(p.year, lang),
                &p.households,
                &fmt_wan(costs.total.total()),
            ],
        ),
        remaining: Text::HistoryRemaining.fill(
            lang,
            &[
                &u64::from(p.households).saturating_sub(signed),
                &fmt_wan((costs.total.total() - invested).max(0.0)),
            ],
        ),
        carried: carried_note(plan, p, lang),
        months: Table { header, rows },
        changes,
    }
}

/// "2027年项目结转：截至2027年12月的实际已计入…" for a carried project.
pub fn carried_note(plan: &Plan, p: &Project, lang: Lang) -> Option<String> {
    let f = p.forecast.filter(|_| p.is_carried(plan.first_year))?;
    Some(Text::CarriedTip.fill(lang, &[&p.year, &f.as_of.label(lang)]))
}

/// What 滚动到下一年 would do, in a sentence.
pub fn roll_sentence(plan: &Plan, lang: Lang) -> String {
    let roll = roll_preview(plan);
    Text::RollPreview.fill(
        lang,
        &[
            &plan.first_year,
            &roll.archived.len(),
            &roll.carried.len(),
            &(plan.first_year + 1),
            &(plan.last_year() + 1),
        ],
    )
}
