//! 项目清单: the project table with its totals row, drawn from the plan and the simulation.

use leptos::prelude::*;

use super::{t, Store};
use crate::display::{fmt_units, round_to_total};
use crate::i18n::{fmt_pct, fmt_year, Text};
use crate::model::{ProjectType, Status};

pub fn type_text(k: ProjectType) -> Text {
    match k {
        ProjectType::UrbanVillage => Text::TypeUrbanVillage,
        ProjectType::DilapidatedHousing => Text::TypeDilapidated,
        ProjectType::OldResidentialCompound => Text::TypeOldCompound,
        ProjectType::Infrastructure => Text::TypeInfrastructure,
    }
}

pub fn status_text(s: Status) -> Text {
    match s {
        Status::Planning => Text::StatusPlanning,
        Status::ExpropriationStarted => Text::StatusExpropriation,
        Status::Started => Text::StatusStarted,
        Status::UnderConstruction => Text::StatusUnderConstruction,
        Status::Completed => Text::StatusCompleted,
    }
}

/// One table row as displayed; amounts already rounded so the totals row adds up.
#[derive(Clone, PartialEq)]
struct Row {
    id: String,
    name: String,
    district: String,
    central_city: bool,
    kind: ProjectType,
    year: i32,
    status: Status,
    households: u32,
    area: i64,
    investment: i64,
    monetized: f64,
}

#[component]
pub fn ProjectTable() -> impl IntoView {
    let store = expect_context::<Store>();
    let table = Memo::new(move |_| {
        store.plan.with(|plan| {
            store.results.with(|r| {
                let invest: Vec<f64> = plan
                    .projects
                    .iter()
                    .map(|p| {
                        r.projects
                            .iter()
                            .find(|x| x.id == p.id)
                            .map_or(0.0, |x| x.investment.total())
                    })
                    .collect();
                let areas: Vec<f64> = plan.projects.iter().map(|p| p.area_m2).collect();
                let (inv_rows, inv_total) = round_to_total(&invest, 0);
                let (area_rows, area_total) = round_to_total(&areas, 0);
                let rows: Vec<Row> = plan
                    .projects
                    .iter()
                    .enumerate()
                    .map(|(i, p)| Row {
                        id: p.id.clone(),
                        name: p.name.clone(),
                        district: p.district.clone(),
                        central_city: p.central_city,
                        kind: p.kind,
                        year: p.year,
                        status: p.status,
                        households: p.households,
                        area: area_rows[i],
                        investment: inv_rows[i],
                        monetized: p.resettlement.monetized_share(),
                    })
                    .collect();
                let households: u64 = plan.projects.iter().map(|p| u64::from(p.households)).sum();
                let monetized: f64 = plan
                    .projects
                    .iter()
                    .map(|p| f64::from(p.households) * p.resettlement.monetized_share())
                    .sum();
                let rate = if households > 0 {
                    monetized / households as f64
                } else {
                    0.0
                };
                (rows, households, area_total, inv_total, rate)
            })
        })
    });

    view! {
        <section class="projects">
            <table class="data">
                <caption>{move || t(Text::NavProjects)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || t(Text::ColName)}</th>
                        <th scope="col">{move || t(Text::ColDistrict)}</th>
                        <th scope="col">{move || t(Text::ColLocation)}</th>
                        <th scope="col">{move || t(Text::ColType)}</th>
                        <th scope="col">{move || t(Text::ColYear)}</th>
                        <th scope="col">{move || t(Text::ColStatus)}</th>
                        <th scope="col" class="num">{move || t(Text::ColHouseholds)}</th>
                        <th scope="col" class="num">{move || t(Text::ColArea)}</th>
                        <th scope="col" class="num">{move || t(Text::ColInvestment)}</th>
                        <th scope="col" class="num">{move || t(Text::ColMonetized)}</th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || table.with(|t| t.0.clone())
                        key=|row| (row.id.clone(), row.investment, row.area, row.households, row.name.clone())
                        children=move |row| {
                            let loc = if row.central_city { Text::CentralCity } else { Text::County };
                            view! {
                                <tr data-testid="project-row" data-project-id=row.id.clone()>
                                    <th scope="row">{row.name.clone()}</th>
                                    <td>{row.district.clone()}</td>
                                    <td>{move || t(loc)}</td>
                                    <td>{move || t(type_text(row.kind))}</td>
                                    <td>{move || fmt_year(row.year, store.lang.get())}</td>
                                    <td>{move || t(status_text(row.status))}</td>
                                    <td class="num">{fmt_units(i64::from(row.households), 0)}</td>
                                    <td class="num">{fmt_units(row.area, 0)}</td>
                                    <td class="num">{fmt_units(row.investment, 0)}</td>
                                    <td class="num">{fmt_pct(row.monetized)}</td>
                                </tr>
                            }
                        }
                    />
                </tbody>
                <tfoot>
                    <tr data-testid="totals-row">
                        <th scope="row">{move || t(Text::TotalRow)}</th>
                        <td colspan="5"></td>
                        <td class="num" data-testid="total-households">
                            {move || table.with(|t| fmt_units(t.1 as i64, 0))}
                        </td>
                        <td class="num" data-testid="total-area">
                            {move || table.with(|t| fmt_units(t.2, 0))}
                        </td>
                        <td class="num" data-testid="total-investment">
                            {move || table.with(|t| fmt_units(t.3, 0))}
                        </td>
                        <td class="num" data-testid="total-monetized">
                            {move || table.with(|t| fmt_pct(t.4))}
                        </td>
                    </tr>
                </tfoot>
            </table>
        </section>
    }
}
