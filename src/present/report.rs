//! Tabular reports of the results: the yearly table and the fiscal-affordability table, as
//! typed tables that CSV (plan-sim) and the workbook both write.

use crate::calc::simulate::{Repayment, Results};
use crate::words::display::round_to_total;
use crate::words::i18n::{Lang, Text};

/// Quotes a CSV field when it needs it (RFC 4180).
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Whole units of 0.01 as text, never "-0.00".
fn cents(units: i64) -> String {
    let sign = if units < 0 { "-" } else { "" };
    let u = units.unsigned_abs();
    format!("{sign}{}.{:02}", u / 100, u % 100)
}

/// One cell of a report table, typed so that CSV writes it as text and a workbook as a number
/// with its format.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Year(i32),
    /// 万元, already rounded to cents.
    Money(f64),
    /// A fraction (0.1 = 10 %).
    Share(f64),
    Count(u64),
    /// An assessment's points, two decimals.
    Points(f64),
}

/// A report table: its header and its rows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// As CSV text (no BOM): money with two decimals, shares with four.
    pub fn csv(&self) -> String {
        let mut out = self
            .header
            .iter()
            .map(|h| csv_field(h))
            .collect::<Vec<_>>()
            .join(",");
        out.push('\n');
        for row in &self.rows {
            let cells: Vec<String> = row
                .iter()
                .map(|c| match c {
                    Cell::Text(t) => csv_field(t),
                    Cell::Year(y) => y.to_string(),
                    Cell::Money(v) => cents((v * 100.0).round() as i64),
                    Cell::Share(v) => crate::words::display::fixed(*v, 4),
                    Cell::Count(n) => n.to_string(),
                    Cell::Points(v) => crate::words::display::fixed(*v, 2),
                })
                .collect();
            out.push_str(&cells.join(","));
            out.push('\n');
        }
        out
    }
}

/// Parts of one amount rounded to cents that add up to it as rounded on its own, and it.
pub(crate) fn rounded_cells(parts: &[f64]) -> (Vec<Cell>, Cell) {
    cells(round_to_total(parts, crate::words::display::WAN_DECIMALS))
}

/// A list of amounts (each project's), each rounded to cents on its own as it reads everywhere
/// else, and their total as printed: the sum of the rows.
pub(crate) fn rounded_rows(rows: &[f64]) -> (Vec<Cell>, Cell) {
    cells(crate::words::display::round_rows(
        rows,
        crate::words::display::WAN_DECIMALS,
    ))
}

fn cells((rows, total): (Vec<i64>, i64)) -> (Vec<Cell>, Cell) {
    let money = |units: i64| Cell::Money(units as f64 / 100.0);
    (rows.into_iter().map(money).collect(), money(total))
}

/// The yearly results table, one row per year, amounts in 万元 rounded to cents. Each group of
/// a row (investment by category, sources, fiscal burden by component) is rounded so that it
/// adds up to its total as printed; household counts are whole.
pub fn yearly_table(r: &Results, lang: Lang) -> Table {
    let first = crate::calc::simulate::YearResult::default();
    let labels = |parts: Vec<(Text, f64)>| parts.into_iter().map(|(t, _)| t.tr(lang).to_string());
    let mut header: Vec<String> = vec![Text::ColYearHeader.tr(lang).into()];
    header.extend(labels(first.investment.parts().to_vec()));
    header.push(format!(
        "{}{}",
        Text::InvestmentTotal.tr(lang),
        Text::UnitWan.tr(lang)
    ));
    header.extend(labels(first.sources.parts()));
    header.push(Text::DebtOutstanding.tr(lang).into());
    header.push(Text::VouchersOwed.tr(lang).into());
    header.extend(labels(first.fiscal.parts()));
    header.push(Text::FiscalBurden.tr(lang).into());
    header.push(Text::BudgetExpenditure.tr(lang).into());
    header.push(Text::PppShare.tr(lang).into());
    header.push(Text::LandRevenueCol.tr(lang).into());
    header.push(Text::RehousedMonetized.tr(lang).into());
    header.push(Text::RehousedInKind.tr(lang).into());
    let money = |v: f64| Cell::Money((v * 100.0).round() / 100.0);
    let rows = r
        .years
        .iter()
        .map(|y| {
            let values =
                |parts: Vec<(Text, f64)>| parts.into_iter().map(|(_, v)| v).collect::<Vec<_>>();
            let (inv, inv_total) = rounded_cells(&values(y.investment.parts().to_vec()));
            // Sources add up to the same investment total.
            let (src, _) = rounded_cells(&values(y.sources.parts()));
            let (fisc, fisc_total) = rounded_cells(&values(y.fiscal.parts()));
            let mut row = vec![Cell::Year(y.year)];
            row.extend(inv);
            row.push(inv_total);
            row.extend(src);
            row.push(money(y.debt.total()));
            row.push(money(y.vouchers_owed));
            row.extend(fisc);
            row.push(fisc_total);
            row.push(money(y.budget_expenditure));
            row.push(Cell::Share(y.ppp_share));
            row.push(money(y.land_revenue));
            row.push(Cell::Count(y.rehoused.monetized));
            row.push(Cell::Count(y.rehoused.in_kind));
            row
        })
        .collect();
    Table { header, rows }
}

/// The yearly table as a printed page holds it (A4 portrait): investment, the money each
/// instrument raises (adding up to it), debt outstanding, fiscal burden, budget and the PPP
/// share. The full table is in the CSV and the workbook.
pub fn yearly_summary_table(r: &Results, lang: Lang) -> Table {
    let first = crate::calc::simulate::YearResult::default();
    let mut header: Vec<String> = vec![
        Text::ColYearHeader.tr(lang).into(),
        Text::InvestmentTotal.tr(lang).into(),
    ];
    header.extend(
        first
            .sources
            .parts()
            .into_iter()
            .map(|(t, _)| t.tr(lang).to_string()),
    );
    header.extend(
        [
            Text::DebtOutstanding,
            Text::FiscalBurden,
            Text::BudgetExpenditure,
            Text::PppShare,
        ]
        .iter()
        .map(|t| t.tr(lang).to_string()),
    );
    let money = |v: f64| Cell::Money((v * 100.0).round() / 100.0);
    let rows = r
        .years
        .iter()
        .map(|y| {
            let sources: Vec<f64> = y.sources.parts().into_iter().map(|(_, v)| v).collect();
            let (src, total) = rounded_cells(&sources);
            let mut row = vec![Cell::Year(y.year), total];
            row.extend(src);
            row.push(money(y.debt.total()));
            row.push(money(y.fiscal.total()));
            row.push(money(y.budget_expenditure));
            row.push(Cell::Share(y.ppp_share));
            row
        })
        .collect();
    Table { header, rows }
}

/// The yearly results table as CSV (see `yearly_table`).
pub fn yearly_csv(r: &Results, lang: Lang) -> String {
    yearly_table(r, lang).csv()
}

/// The fiscal-affordability table (财政承受能力论证, 财金〔2015〕21号) in the guideline's layout:
/// one row per year, PPP spending by kind — 股权投资, 运营补贴, 风险承担, 配套投入 — then the
/// spending of the city's other PPP projects (the cap counts all of them), their sum, the
/// general public budget expenditure and the share, each kind as the simulation counts it
/// (`YearResult::ppp_spending`). Rounded so each row adds up as printed.
pub fn affordability_table(r: &Results, other_ppp: f64, lang: Lang) -> Table {
    let header = [
        Text::ColYearHeader,
        Text::AffEquity,
        Text::AffSubsidy,
        Text::AffRisk,
        Text::AffSupporting,
        Text::AffOther,
        Text::AffTotal,
        Text::BudgetExpenditure,
        Text::PppShare,
    ]
    .iter()
    .map(|t| t.tr(lang).to_string())
    .collect();
    let rows = r
        .years
        .iter()
        .map(|y| {
            let k = &y.ppp_spending;
            let parts = [k.equity, k.operating, k.risk, k.supporting, other_ppp];
            let (cells, total) = rounded_cells(&parts);
            let mut row = vec![Cell::Year(y.year)];
            row.extend(cells);
            row.push(total);
            row.push(Cell::Money((y.budget_expenditure * 100.0).round() / 100.0));
            row.push(Cell::Share(y.ppp_share));
            row
        })
        .collect();
    Table { header, rows }
}

/// Each planned year's list against the targets (省棚改年度考核): one row per year and zone
/// (the central city, the counties, the city) with its households, those rehoused with money,
/// the rate, the target and whether it is met — the 测算结果 page, the report and the workbook.
/// Its 未达标 rows are the findings' misses of those years (a district's year is a warning among
/// the findings, as its window rate is), so the table and the strip's count cannot disagree.
pub fn year_targets_table(r: &Results, lang: Lang) -> Table {
    let header = [
        Text::ColYearHeader,
        Text::ColZone,
        Text::ColHouseholds,
        Text::ColMonetizedHouseholds,
        Text::ColMonetized,
        Text::ColRateTarget,
        Text::ColMet,
    ]
    .iter()
    .map(|t| t.tr(lang).to_string())
    .collect();
    let rows = r
        .monetized_by_year
        .iter()
        .flat_map(|y| {
            y.zones().filter(|m| m.households > 0).map(move |m| {
                let met = if m.meets_target() {
                    Text::TargetMet
                } else {
                    Text::TargetMissed
                };
                vec![
                    Cell::Year(y.year),
                    Cell::Text(crate::calc::rules::group_name(&m.group, lang)),
                    Cell::Count(m.households),
                    Cell::Count(m.monetized),
                    Cell::Share(m.rate),
                    Cell::Share(m.target),
                    Cell::Text(met.tr(lang).into()),
                ]
            })
        })
        .collect();
    Table { header, rows }
}

/// The project table of the report: each project's place, year, households (and how many are
/// rehoused with money), investment, how its debt is repaid (the land cover where land revenue
/// repays it, "由财政预算偿还" where the budget does) and the colleagues' comment, then a
/// totals row that adds up the rows as printed.
pub fn projects_table(plan: &crate::document::plan::Plan, r: &Results, lang: Lang) -> Table {
    use crate::calc::fields::ProjectField;
    // Each heading says what its column is: the project's own rate (not the city's), its
    // investment in 万元, how its debt is repaid.
    let header = [
        ProjectField::Name.label(),
        ProjectField::District.label(),
        ProjectField::Year.label(),
        ProjectField::Households.label(),
        Text::RehousedMonetized,
        Text::ColProjectMonetized,
        Text::ColInvestmentWan,
        Text::ColRepayment,
        ProjectField::Comment.label(),
    ]
    .iter()
    .map(|t| t.tr(lang).to_string())
    .collect();
    let investments: Vec<f64> = r.projects.iter().map(|p| p.investment.total()).collect();
    let (inv, inv_total) = rounded_rows(&investments);
    let mut rows: Vec<Vec<Cell>> = plan
        .projects
        .iter()
        .zip(&r.projects)
        .zip(inv)
        .map(|((p, pr), inv)| {
            vec![
                Cell::Text(p.name.clone()),
                Cell::Text(p.district.clone()),
                Cell::Year(p.year),
                Cell::Count(u64::from(p.households)),
                Cell::Count(pr.households.monetized()),
                Cell::Share(pr.monetized_rate),
                inv,
                Cell::Text(match pr.repayment() {
                    Repayment::Land { cover } => crate::words::display::fixed(cover, 2),
                    Repayment::Budget => Text::RepaidByBudget.tr(lang).into(),
                    Repayment::NoDebt => String::new(),
                }),
                Cell::Text(p.comment.clone()),
            ]
        })
        .collect();
    rows.push(vec![
        Cell::Text(Text::AffTotal.tr(lang).into()),
        Cell::Text(String::new()),
        Cell::Text(String::new()),
        Cell::Count(r.totals.households),
        Cell::Count(r.totals.monetized_households),
        Cell::Share(
            r.rate(&crate::calc::simulate::Group::Overall)
                .map_or(0.0, |m| m.rate),
        ),
        inv_total,
        Cell::Text(String::new()),
        Cell::Text(String::new()),
    ]);
    Table { header, rows }
}

/// The results as JSON for plan-sim, with every negative zero written as 0.
pub fn results_json(r: &Results) -> String {
    fn positive_zero(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Number(n) if n.as_f64() == Some(0.0) && n.is_f64() => {
                *v = serde_json::json!(0.0);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(positive_zero),
            serde_json::Value::Object(o) => o.values_mut().for_each(positive_zero),
            _ => {}
        }
    }
    let mut value = serde_json::to_value(r).expect("results serialize");
    positive_zero(&mut value);
    serde_json::to_string_pretty(&value).expect("values serialize")
}

/// UTF-8 byte order mark: Excel and WPS need it to read Chinese in a CSV as UTF-8. Every CSV
/// the app writes (these tables, the project list) starts with it.
pub const BOM: &str = "\u{feff}";

/// A file name for an export: the plan's name (without characters file systems refuse), a date.
pub fn export_file_name(plan_name: &str, yyyymmdd: &str, extension: &str) -> String {
    let safe: String = plan_name
        .chars()
        .map(|c| {
            if "/\\:*?\"<>|".contains(c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let safe = safe.trim();
    let safe = if safe.is_empty() { "方案" } else { safe };
    format!("{safe}-{yyyymmdd}.{extension}")
}

/// 前期手续 as a table: one row per project (name, district, responsible unit), one column per
/// milestone — "✓ 2026-10-28" done, "计划 2026-12-20" planned, "—" where it does not apply —
/// then what holds each project's money back, a line per source (the workbook's notes).
pub fn readiness_table(
    plan: &crate::document::plan::Plan,
    r: &Results,
    lang: Lang,
) -> (Table, Vec<String>) {
    use crate::analysis::readiness::{applies, gate_findings};
    use crate::calc::gates::GateDates;
    use crate::calc::readiness::Milestone;
    let header = [Text::ColName, Text::ColDistrict, Text::FieldLead]
        .into_iter()
        .chain(Milestone::ALL.iter().map(|m| m.label()))
        .map(|t| t.tr(lang).to_string())
        .collect();
    let rows = plan
        .projects
        .iter()
        .map(|p| {
            let mut row = vec![
                Cell::Text(p.name.clone()),
                Cell::Text(p.district.clone()),
                Cell::Text(p.lead.clone()),
            ];
            row.extend(Milestone::ALL.iter().map(|&m| {
                let rec = p.readiness.record(m);
                let (actual, planned) = (rec.and_then(|r| r.actual), rec.and_then(|r| r.planned));
                Cell::Text(match (applies(p, m), actual, planned) {
                    (false, ..) => "—".into(),
                    (true, Some(a), _) => format!("✓ {}", a.key()),
                    (true, None, Some(d)) => format!("{} {}", Text::MsPlanned.tr(lang), d.key()),
                    (true, None, None) => String::new(),
                })
            }));
            row
        })
        .collect();
    let notes = gate_findings(plan, r, GateDates::Planned)
        .iter()
        .map(|f| f.message(lang))
        .collect();
    (Table { header, rows }, notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yearly_rows_add_up_as_printed_and_never_show_minus_zero() {
        let plan = crate::document::demo::demo_plan();
        let r = crate::document::plan::simulate_plan(&plan, None);
        let csv = yearly_csv(&r, Lang::Zh);
        let cents = |s: &str| (s.parse::<f64>().unwrap() * 100.0).round() as i64;
        for line in csv.lines().skip(1) {
            let cells: Vec<&str> = line.split(',').collect();
            // Year, 8 categories and their total, 5 sources, debt, vouchers owed, 6 fiscal
            // parts and their total.
            let inv: i64 = cells[1..9].iter().map(|c| cents(c)).sum();
            assert_eq!(inv, cents(cells[9]), "{line}");
            let src: i64 = cells[10..15].iter().map(|c| cents(c)).sum();
            assert_eq!(src, cents(cells[9]), "{line}");
            let fisc: i64 = cells[17..23].iter().map(|c| cents(c)).sum();
            assert_eq!(fisc, cents(cells[23]), "{line}");
            assert!(!line.contains("-0.00"), "{line}");
        }
        let empty = crate::calc::simulate::simulate(&plan.assumptions, &[], 2027);
        let json = results_json(&empty);
        assert!(!json.contains("-0.0"), "{json}");
        assert!(!yearly_csv(&empty, Lang::Zh).contains("-0"));
    }

    #[test]
    fn the_project_table_s_headings_say_what_each_column_is() {
        let plan = crate::document::demo::demo_plan();
        let r = crate::document::plan::simulate_plan(&plan, None);
        let t = projects_table(&plan, &r, Lang::Zh);
        assert_eq!(t.header[5], "本项目货币化安置率");
        assert_eq!(t.header[6], "总投资（万元）");
        assert!(
            t.header.iter().all(|h| !h.starts_with("全市")),
            "{:?}",
            t.header
        );
        // Each project's own rate under it, not the city's.
        let west = plan
            .projects
            .iter()
            .position(|p| p.name == "X县西街")
            .unwrap();
        assert_eq!(
            t.rows[west][5],
            Cell::Share(r.projects[west].monetized_rate)
        );
        assert_eq!(t.rows[west][6], Cell::Money(32_850.56));
    }

    /// The report's tables add up as printed: each year's sources to its investment, the
    /// projects to their totals row, each 财政承受能力 row to its total and share.
    #[test]
    fn report_tables_add_up_as_printed() {
        let plan = crate::document::demo::demo_plan();
        let r = crate::document::plan::simulate_plan(&plan, None);
        let cents = |c: &Cell| match c {
            Cell::Money(v) => (v * 100.0).round() as i64,
            other => panic!("not money: {other:?}"),
        };
        let full = yearly_table(&r, Lang::Zh);
        for (row, full_row) in yearly_summary_table(&r, Lang::Zh)
            .rows
            .iter()
            .zip(&full.rows)
        {
            let sources: i64 = row[2..7].iter().map(cents).sum();
            assert_eq!(sources, cents(&row[1]));
            let total = 1 + crate::calc::costs::Investment::default().parts().len();
            assert_eq!(
                row[1], full_row[total],
                "the same investment as the full table"
            );
        }
        let projects = projects_table(&plan, &r, Lang::Zh);
        let (total, rows) = projects.rows.split_last().unwrap();
        assert_eq!(rows.len(), plan.projects.len());
        let households: u64 = rows
            .iter()
            .map(|row| match row[3] {
                Cell::Count(n) => n,
                _ => 0,
            })
            .sum();
        assert_eq!(total[3], Cell::Count(households));
        assert_eq!(
            rows.iter().map(|row| cents(&row[6])).sum::<i64>(),
            cents(&total[6])
        );
        let afford = affordability_table(&r, 150_000.0, Lang::Zh);
        for (row, y) in afford.rows.iter().zip(&r.years) {
            assert_eq!(row[1..6].iter().map(cents).sum::<i64>(), cents(&row[6]));
            assert_eq!(row[5], Cell::Money(150_000.0));
            assert_eq!(row[8], Cell::Share(y.ppp_share));
        }
    }

    /// Where the budget repays a project's debt the table says so instead of a land cover of 0.
    #[test]
    fn the_project_table_says_who_repays_the_debt() {
        let plan = crate::document::demo::demo_plan();
        let r = crate::document::plan::simulate_plan(&plan, None);
        for lang in [Lang::Zh, Lang::En] {
            let t = projects_table(&plan, &r, lang);
            let col = t
                .header
                .iter()
                .position(|h| h == Text::ColRepayment.tr(lang))
                .unwrap();
            let cover = |name: &str| {
                let row = t
                    .rows
                    .iter()
                    .find(|row| row[0] == Cell::Text(name.into()))
                    .unwrap();
                row[col].clone()
            };
            let budget = Cell::Text(Text::RepaidByBudget.tr(lang).into());
            assert_eq!(cover("东岭县县医院配套"), budget);
            assert_eq!(cover("西坪县西坪中学配套"), budget);
            let p = r.projects.iter().find(|p| p.name == "黄沙桥片区").unwrap();
            let ratio = crate::words::display::fixed(p.land_cover.unwrap(), 2);
            assert_eq!(cover("黄沙桥片区"), Cell::Text(ratio));
            assert_eq!(t.rows.last().unwrap()[col], Cell::Text(String::new()));
        }
        assert_eq!(Text::RepaidByBudget.tr(Lang::Zh), "由财政预算偿还");
    }

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("plain"), "plain");
    }

    #[test]
    fn export_names_are_safe() {
        assert_eq!(
            export_file_name("X市/方案:1", "20261124", "json"),
            "X市_方案_1-20261124.json"
        );
        assert_eq!(
            export_file_name("  ", "20261124", "csv"),
            "方案-20261124.csv"
        );
    }
}
