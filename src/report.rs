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

/// UTF-8 byte order mark: Excel and WPS need it to read Chinese in a CSV as UTF-8.
pub const BOM: &str = "\u{feff}";

/// The project table as CSV (with BOM): one row per project, amounts in 万元.
pub fn projects_csv(plan: &crate::model::Plan, r: &Results, lang: Lang) -> String {
    use crate::costs::Investment;
    let header = [
        Text::ColName,
        Text::ColDistrict,
        Text::ColLocation,
        Text::ColType,
        Text::ColYear,
        Text::ColStatus,
        Text::ColHouseholds,
        Text::ColArea,
        Text::ColInvestment,
        Text::ColMonetized,
    ];
    let mut out = String::from(BOM);
    out.push_str(
        &header
            .iter()
            .map(|t| csv_field(t.tr(lang)))
            .collect::<Vec<_>>()
            .join(","),
    );
    out.push('\n');
    for p in &plan.projects {
        let inv = r
            .projects
            .iter()
            .find(|x| x.id == p.id)
            .map_or(0.0, |x| Investment::total(&x.investment));
        let row = [
            csv_field(&p.name),
            csv_field(&p.district),
            csv_field(if p.central_city {
                Text::CentralCity.tr(lang)
            } else {
                Text::County.tr(lang)
            }),
            csv_field(crate::i18n::type_text(p.kind).tr(lang)),
            p.year.to_string(),
            csv_field(crate::i18n::status_text(p.status).tr(lang)),
            p.households.to_string(),
            format!("{:.2}", p.area_m2),
            format!("{inv:.2}"),
            format!("{:.4}", p.resettlement.monetized_share()),
        ];
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

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
    use crate::demo::demo_plan;
    use crate::simulate::simulate_plan;

    #[test]
    fn project_csv_has_a_bom_a_header_and_one_row_per_project() {
        let plan = demo_plan();
        let csv = projects_csv(&plan, &simulate_plan(&plan, None), Lang::Zh);
        assert!(csv.starts_with("\u{feff}项目名称,区县,"));
        assert_eq!(csv.lines().count(), 33);
        assert!(csv
            .lines()
            .any(|l| l.starts_with("X县西街,X县,区县,危旧房,2027,开工,1066,")));
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
