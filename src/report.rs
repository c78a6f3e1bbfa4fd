//! Tabular reports of the results: the yearly table as CSV (for plan-sim and Excel/WPS).

use crate::i18n::{Lang, Text};
use crate::simulate::Results;

/// Quotes a CSV field when it needs it (RFC 4180).
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The yearly results table, one row per year, amounts in 万元 with two decimals.
pub fn yearly_csv(r: &Results, lang: Lang) -> String {
    let mut header: Vec<String> = vec![Text::ColYearHeader.tr(lang).into()];
    let first = crate::simulate::YearResult::default();
    header.extend(
        first
            .investment
            .parts()
            .iter()
            .map(|(t, _)| t.tr(lang).to_string()),
    );
    header.push(format!(
        "{}{}",
        Text::InvestmentTotal.tr(lang),
        Text::UnitWan.tr(lang)
    ));
    header.extend(
        first
            .sources
            .parts()
            .iter()
            .map(|(t, _)| t.tr(lang).to_string()),
    );
    header.push(Text::DebtOutstanding.tr(lang).into());
    header.extend(
        first
            .fiscal
            .parts()
            .iter()
            .map(|(t, _)| t.tr(lang).to_string()),
    );
    header.push(Text::FiscalBurden.tr(lang).into());
    header.push(Text::BudgetExpenditure.tr(lang).into());
    header.push(Text::PppShare.tr(lang).into());
    header.push(Text::LandRevenueCol.tr(lang).into());
    header.push(Text::RehousedMonetized.tr(lang).into());
    header.push(Text::RehousedInKind.tr(lang).into());
    let mut out = header
        .iter()
        .map(|h| csv_field(h))
        .collect::<Vec<_>>()
        .join(",");
    out.push('\n');
    let money = |v: f64| format!("{v:.2}");
    for y in &r.years {
        let mut row: Vec<String> = vec![y.year.to_string()];
        row.extend(y.investment.parts().iter().map(|(_, v)| money(*v)));
        row.push(money(y.investment.total()));
        row.extend(y.sources.parts().iter().map(|(_, v)| money(*v)));
        row.push(money(y.debt.total()));
        row.extend(y.fiscal.parts().iter().map(|(_, v)| money(*v)));
        row.push(money(y.fiscal.total()));
        row.push(money(y.budget_expenditure));
        row.push(format!("{:.4}", y.ppp_share));
        row.push(money(y.land_revenue));
        row.push(format!("{:.1}", y.rehoused.monetized));
        row.push(format!("{:.1}", y.rehoused.in_kind));
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

pub use crate::project_csv::BOM;

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

#[cfg(test)]
mod tests {
    use super::*;

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
