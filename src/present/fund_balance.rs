//! A project's fund-balance plan (资金平衡方案) and its expropriation summary (征收补偿方案), as
//! the tables a policy bank or a bond reviewer reads, from the project's own simulation.

use crate::calc::model::{CostDriver, Instrument, Project, ResettlementWay};
use crate::calc::simulate::{simulate, ProjectResult, Results};
use crate::document::plan::Plan;
use crate::present::report::{rounded_cells, Cell, Table};
use crate::words::i18n::{Lang, Text};

/// 一项目两方案 for one project.
#[derive(Debug, Clone, PartialEq)]
pub struct FundBalance {
    pub name: String,
    /// Investment by item, then the total.
    pub investment: Table,
    /// Per year: sources by instrument, income, loan and bond debt service, the year's balance
    /// and the cumulative one; then a totals row.
    pub yearly: Table,
    /// PV(income) / PV(loan + bond debt service); `None` without debt.
    pub coverage: Option<f64>,
    /// The appraisal threshold the coverage is read against.
    pub threshold: f64,
    /// Households and area, households by way, the standards used, rewards and transition.
    pub compensation: Table,
    /// Each source of its money against its gate, a sentence each (前期手续: what it waits for,
    /// whether it can be drawn as planned).
    pub readiness: Vec<String>,
}

impl FundBalance {
    /// The coverage line: the ratio against the threshold, or that there is nothing to repay.
    pub fn coverage_text(&self, lang: Lang) -> String {
        match self.coverage {
            Some(c) => Text::FbCoverage.fill(
                lang,
                &[
                    &crate::words::display::fixed(c, 2),
                    &crate::words::display::fixed(self.threshold, 2),
                ],
            ),
            None => Text::FbNoDebt.tr(lang).to_string(),
        }
    }

    /// Whether the coverage falls short of the threshold.
    pub fn below_threshold(&self) -> bool {
        self.coverage.is_some_and(|c| c < self.threshold)
    }
}

/// The plan's project `id` simulated alone (its flows do not depend on the other projects).
fn alone(plan: &Plan, p: &Project) -> Results {
    simulate(&plan.assumptions, std::slice::from_ref(p), plan.first_year)
}

/// The fund-balance plan of project `id` of `plan` (the view of the active scenario).
pub fn fund_balance(plan: &Plan, id: &str, lang: Lang) -> Option<FundBalance> {
    let p = plan.projects.iter().find(|p| p.id == id)?;
    let r = alone(plan, p);
    let pr = r.projects.first()?;
    Some(FundBalance {
        name: p.name.clone(),
        investment: investment_table(pr, lang),
        yearly: yearly_table(&r, p, plan.first_year, lang),
        coverage: pr.land_cover,
        threshold: plan.assumptions.bond_balance_threshold,
        compensation: compensation_table(plan, p, pr, lang),
        readiness: crate::calc::gates::check_project(
            p,
            &plan.gates,
            &crate::analysis::readiness::gate_figures(pr),
            crate::calc::gates::GateDates::Planned,
            p.forecast.map(|f| f.as_of),
        )
        .iter()
        .map(|c| c.sentence(lang))
        .collect(),
    })
}

fn money(v: f64) -> Cell {
    Cell::Money((v * 100.0).round() / 100.0)
}

fn two_columns(lang: Lang, second: Text) -> Vec<String> {
    vec![Text::FbItem.tr(lang).into(), second.tr(lang).into()]
}

/// Investment by item, rounded so the items add up to the total as printed.
fn investment_table(pr: &ProjectResult, lang: Lang) -> Table {
    let parts = pr.investment.parts();
    let (cells, total) = rounded_cells(&parts.map(|(_, v)| v));
    let mut rows: Vec<Vec<Cell>> = parts
        .iter()
        .zip(cells)
        .map(|((t, _), c)| vec![Cell::Text(t.tr(lang).into()), c])
        .collect();
    rows.push(vec![Cell::Text(Text::TotalRow.tr(lang).into()), total]);
    Table {
        header: two_columns(lang, Text::FbAmount),
        rows,
    }
}

/// The yearly money of the project: what each instrument raises, what the project earns (land
/// sales and each of its other streams), what its loans and bonds cost, and the balance of the
/// two, year by year and cumulated.
fn yearly_table(r: &Results, p: &Project, first_year: i32, lang: Lang) -> Table {
    // Each stream by calendar year: its flows start with the project's planned year.
    let offset = (p.year - first_year).max(0) as usize;
    let streams: Vec<(Text, Vec<f64>)> = p
        .income
        .iter()
        .map(|s| {
            let mut v = vec![0.0; offset];
            v.extend(s.flows());
            (s.kind.label(), v)
        })
        .collect();
    let loan = Instrument::PolicyLoan;
    let bond = Instrument::SpecialBond;
    let mut header: Vec<String> = vec![Text::ColYearHeader.tr(lang).into()];
    header.extend(
        Instrument::ALL
            .iter()
            .map(|i| i.label().tr(lang).to_string()),
    );
    header.extend(
        [Text::FbSources, Text::LandRevenueCol]
            .iter()
            .map(|t| t.tr(lang).to_string()),
    );
    header.extend(streams.iter().map(|(t, _)| t.tr(lang).to_string()));
    header.extend(
        [
            Text::IncomeTotal,
            loan.burden().1,
            bond.burden().1,
            Text::FbDebtService,
            Text::FbBalance,
            Text::FbCumulative,
        ]
        .iter()
        .map(|t| t.tr(lang).to_string()),
    );
    // A project with vouchers owes them at each year's end beside its debt: a last column,
    // a balance at a date (its totals cell left empty).
    let vouchers = p.resettlement.voucher > 0.0;
    let width = header.len() - 1;
    if vouchers {
        header.push(Text::VouchersOwed.tr(lang).into());
    }
    let mut totals = vec![0.0; width];
    let mut cumulative = 0.0;
    let mut rows: Vec<Vec<Cell>> = r
        .years
        .iter()
        .enumerate()
        .map(|(k, y)| {
            let mut values: Vec<f64> = Instrument::ALL
                .iter()
                .map(|i| i.amount(&y.sources))
                .collect();
            values.push(y.sources.total());
            let service = [loan, bond].map(|i| i.amount(&y.fiscal.by_instrument));
            let debt_service = service[0] + service[1];
            let income = y.land_revenue + y.other_income;
            let balance = income - debt_service;
            cumulative += balance;
            values.push(y.land_revenue);
            values.extend(
                streams
                    .iter()
                    .map(|(_, v)| v.get(k).copied().unwrap_or(0.0)),
            );
            values.extend([income, service[0], service[1], debt_service, balance]);
            for (t, v) in totals.iter_mut().zip(&values) {
                *t += v;
            }
            values.push(cumulative);
            if vouchers {
                // Not added into the totals: `totals` stops at the cumulative balance.
                values.push(y.vouchers_owed);
            }
            let mut row = vec![Cell::Year(y.year)];
            row.extend(values.into_iter().map(money));
            row
        })
        .collect();
    // The cumulative balance's total is where it ends.
    totals[width - 1] = cumulative;
    let mut total = vec![Cell::Text(Text::TotalRow.tr(lang).into())];
    total.extend(totals.into_iter().map(money));
    if vouchers {
        total.push(Cell::Text(String::new()));
    }
    rows.push(total);
    Table { header, rows }
}

/// The expropriation and compensation plan in brief: how many households and how much area,
/// how they are rehoused, the standards the costs were reckoned with, rewards and transition.
fn compensation_table(plan: &Plan, p: &Project, pr: &ProjectResult, lang: Lang) -> Table {
    use crate::calc::fields::ProjectField;
    let c = p.costs.resolve(&plan.assumptions.costs);
    let text = |t: Text, v: String| vec![Cell::Text(t.tr(lang).into()), Cell::Text(v)];
    let mut rows = vec![
        text(ProjectField::Households.label(), p.households.to_string()),
        text(
            ProjectField::Area.label(),
            crate::words::i18n::fmt_number(p.area_m2, 0),
        ),
    ];
    for w in ResettlementWay::ALL {
        rows.push(vec![
            Cell::Text(w.label().tr(lang).into()),
            Cell::Count(w.amount(&pr.households)),
        ]);
    }
    for d in [
        CostDriver::compensation_price,
        CostDriver::monetization_incentive,
        CostDriver::purchase_price,
        CostDriver::construction_cost,
        CostDriver::reward_per_household,
        CostDriver::transition_fee,
    ] {
        rows.push(text(d.label(), d.unit().show(d.get(&c), lang)));
    }
    let months = c.construction_months + c.transition_extra_months;
    rows.push(text(
        Text::FbTransitionMonths,
        crate::words::i18n::fmt_number(months, 0),
    ));
    rows.push(vec![
        Cell::Text(Text::InvTransition.tr(lang).into()),
        money(pr.investment.transition),
    ]);
    rows.push(vec![
        Cell::Text(Text::InvRewards.tr(lang).into()),
        money(pr.investment.rewards),
    ]);
    if p.resettlement.voucher > 0.0 {
        let s = &plan.assumptions.vouchers;
        let name = crate::calc::voucher::VoucherPreset::from_key(&s.preset)
            .map_or(Text::VoucherOwnScheme, |p| p.label());
        let said = Text::VoucherSchemeLine.fill(
            lang,
            &[
                &name.tr(lang),
                &s.validity(),
                &crate::words::i18n::fmt_pct(s.used_share()),
            ],
        );
        rows.push(text(Text::VoucherTitle, said));
        rows.push(vec![
            Cell::Text(Text::InvVouchers.tr(lang).into()),
            money(pr.investment.vouchers),
        ]);
    }
    Table {
        header: two_columns(lang, Text::FbValue),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(c: &Cell) -> f64 {
        match c {
            Cell::Money(v) => *v,
            Cell::Count(n) => *n as f64,
            _ => f64::NAN,
        }
    }

    /// A project with vouchers (the demo's 东岭县) shows what it owes at each year's end as its
    /// own simulation does, and its scheme in the compensation plan; one without has neither.
    #[test]
    fn vouchers_owed_are_the_projects_own() {
        let plan = crate::document::demo::demo_plan();
        for p in &plan.projects {
            let fb = fund_balance(&plan, &p.id, Lang::Zh).unwrap();
            let owed = Text::VouchersOwed.tr(Lang::Zh);
            let k = fb.yearly.header.iter().position(|h| h == owed);
            let scheme =
                fb.compensation.rows.iter().any(
                    |r| matches!(&r[0], Cell::Text(t) if t == Text::VoucherTitle.tr(Lang::Zh)),
                );
            assert_eq!(k.is_some(), p.resettlement.voucher > 0.0, "{}", p.name);
            assert_eq!(scheme, k.is_some());
            let Some(k) = k else { continue };
            let r = alone(&plan, p);
            for (row, y) in fb.yearly.rows.iter().zip(&r.years) {
                assert!(
                    (number(&row[k]) - y.vouchers_owed).abs() < 0.006,
                    "{}",
                    p.name
                );
            }
            assert!(r.years.iter().any(|y| y.vouchers_owed > 0.0));
        }
        assert!(plan.projects.iter().any(|p| p.resettlement.voucher > 0.0));
    }

    /// Every project of the demo: the sheet's totals are the simulation's (investment, debt
    /// service, income), the yearly sources add up to the investment, the cumulative balance
    /// ends at income less debt service, and the households by way add up to the project's.
    #[test]
    fn the_fund_balance_totals_are_the_simulations() {
        let plan = crate::document::demo::demo_plan();
        let r = crate::document::plan::simulate_plan(&plan, None);
        for pr in &r.projects {
            let fb = fund_balance(&plan, &pr.id, Lang::Zh).expect("a project of the plan");
            let total = fb.investment.rows.last().unwrap();
            assert!(
                (number(&total[1]) - pr.investment.total()).abs() < 0.006,
                "{}",
                pr.name
            );
            let sum = fb.yearly.rows.last().unwrap();
            let col = |t: Text| {
                let k = fb
                    .yearly
                    .header
                    .iter()
                    .position(|h| h == t.tr(Lang::Zh))
                    .unwrap();
                number(&sum[k])
            };
            let close = |a: f64, b: f64| (a - b).abs() < 0.01 * (1.0 + b.abs() / 1e4);
            assert!(
                close(col(Text::FbSources), pr.investment.total()),
                "{}",
                pr.name
            );
            assert!(
                close(col(Text::LandRevenueCol), pr.land_revenue),
                "{}",
                pr.name
            );
            assert!(
                close(col(Text::FbDebtService), pr.debt_service),
                "{}",
                pr.name
            );
            assert!(
                close(col(Text::IncomeTotal), pr.land_revenue + pr.other_income),
                "{}",
                pr.name
            );
            assert!(
                close(
                    col(Text::FbCumulative),
                    pr.land_revenue + pr.other_income - pr.debt_service
                ),
                "{}",
                pr.name
            );
            assert_eq!(fb.coverage, pr.land_cover);
            let households: f64 = fb.compensation.rows[2..2 + ResettlementWay::ALL.len()]
                .iter()
                .map(|r| number(&r[1]))
                .sum();
            let p = plan.projects.iter().find(|p| p.id == pr.id).unwrap();
            assert_eq!(households, f64::from(p.households), "{}", pr.name);
        }
        assert_eq!(fund_balance(&plan, "no-such-project", Lang::Zh), None);
    }
}
