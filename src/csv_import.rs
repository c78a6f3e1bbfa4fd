//! Project lists from CSV (as Excel/WPS save them): the documented header, row-level messages,
//! and all-or-nothing: one bad row and no project is added.

use crate::i18n::{status_text, type_text, Lang, Text};
use crate::model::{
    CostOverrides, FinancingMix, LandRevenue, Plan, Project, ProjectType, ResettlementMix, Status,
};
use crate::validate::validate_project;

/// The header a project CSV must start with (percentages are 0–100).
pub const HEADER: [&str; 20] = [
    "项目名称",
    "区县",
    "中心城市",
    "类型",
    "计划年度",
    "状态",
    "征收户数",
    "征收面积",
    "配套基础设施投资",
    "中央补助资金",
    "土地出让收入",
    "货币补偿%",
    "自行选购%",
    "政府购买%",
    "新建安置%",
    "资本金%",
    "政策性贷款%",
    "购买服务%",
    "PPP%",
    "专项债%",
];

/// Splits CSV text into records (RFC 4180: quotes, doubled quotes, newlines inside quotes).
pub fn parse_records(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records.retain(|r| !(r.len() == 1 && r[0].trim().is_empty()));
    records
}

/// Reads the project rows of `text` into new projects for `plan`, or every problem found.
pub fn projects_from_csv(text: &str, plan: &Plan, lang: Lang) -> Result<Vec<Project>, Vec<String>> {
    let records = parse_records(text);
    let Some((header, rows)) = records.split_first() else {
        return Err(vec![Text::CsvEmpty.tr(lang).into()]);
    };
    let header: Vec<&str> = header.iter().map(|h| h.trim()).collect();
    if header != HEADER {
        return Err(vec![Text::CsvHeader.fill(lang, &[&HEADER.join(",")])]);
    }
    let mut errors = Vec::new();
    let mut projects = Vec::new();
    let mut next = plan.clone();
    for (i, row) in rows.iter().enumerate() {
        let line = i + 2;
        match project_from_row(row, &next, lang) {
            Ok(p) => {
                let issues = validate_project(
                    &p,
                    &plan.assumptions,
                    (plan.first_year, plan.first_year + 1),
                );
                if issues.is_empty() {
                    next.projects.push(p.clone());
                    projects.push(p);
                } else {
                    errors.extend(
                        issues
                            .iter()
                            .map(|is| Text::CsvRow.fill(lang, &[&line, &is.message(lang)])),
                    );
                }
            }
            Err(e) => errors.extend(e.into_iter().map(|m| Text::CsvRow.fill(lang, &[&line, &m]))),
        }
    }
    if errors.is_empty() {
        Ok(projects)
    } else {
        Err(errors)
    }
}

fn project_from_row(row: &[String], plan: &Plan, lang: Lang) -> Result<Project, Vec<String>> {
    if row.len() != HEADER.len() {
        return Err(vec![
            Text::CsvColumns.fill(lang, &[&HEADER.len(), &row.len()])
        ]);
    }
    let mut errors = Vec::new();
    let mut number = |i: usize| -> f64 {
        let s = row[i].trim().replace(',', "");
        if s.is_empty() {
            return 0.0;
        }
        match s.parse::<f64>() {
            Ok(v) if v.is_finite() => v,
            _ => {
                errors.push(Text::CsvNotNumber.fill(lang, &[&HEADER[i], &row[i]]));
                0.0
            }
        }
    };
    let households = number(6);
    let area = number(7);
    let infra = number(8);
    let subsidy = number(9);
    let land = number(10);
    let year = number(4);
    let shares: Vec<f64> = (11..20).map(|i| number(i) / 100.0).collect();
    let central = match row[2].trim() {
        "是" | "中心城市" | "true" | "1" => true,
        "否" | "区县" | "false" | "0" | "" => false,
        other => {
            errors.push(Text::CsvCentral.fill(lang, &[&other]));
            false
        }
    };
    let kind = ProjectType::ALL
        .iter()
        .copied()
        .find(|k| type_text(*k).tr(Lang::Zh) == row[3].trim())
        .unwrap_or_else(|| {
            errors.push(Text::CsvType.fill(lang, &[&row[3]]));
            ProjectType::DilapidatedHousing
        });
    let status = if row[5].trim().is_empty() {
        Status::Planning
    } else {
        Status::ALL
            .iter()
            .copied()
            .find(|s| status_text(*s).tr(Lang::Zh) == row[5].trim())
            .unwrap_or_else(|| {
                errors.push(Text::CsvStatus.fill(lang, &[&row[5]]));
                Status::Planning
            })
    };
    if households < 0.0 || households.fract() != 0.0 || households > f64::from(u32::MAX) {
        errors.push(Text::CsvHouseholds.fill(lang, &[&row[6]]));
    }
    if year.fract() != 0.0 {
        errors.push(Text::CsvYear.fill(lang, &[&row[4]]));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut p = plan.new_project(row[0].trim());
    p.district = row[1].trim().to_string();
    p.central_city = central;
    p.kind = kind;
    p.year = year as i32;
    p.status = status;
    p.households = households as u32;
    p.area_m2 = area;
    p.infrastructure_cost = infra;
    p.central_subsidy = subsidy;
    p.land_revenue = (land > 0.0).then_some(LandRevenue {
        amount: land,
        start_offset: 2,
        years: 3,
    });
    p.resettlement = ResettlementMix {
        cash: shares[0],
        self_purchase: shares[1],
        government_purchase: shares[2],
        new_build: shares[3],
    };
    p.financing = FinancingMix {
        capital_fund: shares[4],
        policy_loan: shares[5],
        service_purchase: shares[6],
        ppp: shares[7],
        special_bond: shares[8],
    };
    p.costs = CostOverrides::default();
    Ok(p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_plan;

    fn csv(rows: &[&str]) -> String {
        format!("\u{feff}{}\r\n{}\r\n", HEADER.join(","), rows.join("\r\n"))
    }

    #[test]
    fn good_rows_become_projects_with_new_ids() {
        let plan = demo_plan();
        let text = csv(&[
            "\"南门片区, 一期\",城关区,是,城中村,2027,谋划,\"1,200\",108000,1800,2400,50000,30,15,10,45,25,55,0,0,20",
            "西关危旧房,X县,否,危旧房,2028,,300,25500,450,600,,20,15,5,60,20,60,20,0,0",
        ]);
        let ps = projects_from_csv(&text, &plan, Lang::Zh).unwrap();
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[0].name, "南门片区, 一期");
        assert_eq!(ps[0].households, 1_200);
        assert_eq!(ps[0].id, "p33");
        assert_eq!(ps[1].id, "p34");
        assert!((ps[0].resettlement.monetized_share() - 0.55).abs() < 1e-12);
        assert_eq!(ps[1].land_revenue, None);
    }

    #[test]
    fn any_bad_row_refuses_the_whole_file_with_row_messages() {
        let plan = demo_plan();
        let text = csv(&[
            "好项目,城关区,是,城中村,2027,谋划,100,9000,0,0,0,30,15,10,45,25,75,0,0,0",
            "坏项目,城关区,也许,城堡,2027,谋划,abc,9000,0,0,0,30,15,10,45,25,75,0,0,0",
            "比例错,城关区,是,城中村,2027,谋划,100,-9000,0,0,0,30,15,10,50,25,75,0,0,0",
        ]);
        let errors = projects_from_csv(&text, &plan, Lang::Zh).unwrap_err();
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with("第 3 行：征收户数「abc」不是有效数字")),
            "{errors:?}"
        );
        assert!(errors
            .iter()
            .any(|e| e.starts_with("第 3 行：中心城市「也许」")));
        assert!(errors
            .iter()
            .any(|e| e.starts_with("第 3 行：类型「城堡」")));
        assert!(errors
            .iter()
            .any(|e| e.contains("第 4 行：比例错：征收面积 -9000")));
        assert!(errors
            .iter()
            .any(|e| e.contains("第 4 行：比例错：安置方式比例 105.0 %")));
        assert!(
            projects_from_csv("a,b\n1,2\n", &plan, Lang::Zh).unwrap_err()[0]
                .starts_with("第 1 行表头应为")
        );
    }
}
