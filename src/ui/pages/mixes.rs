//! 安置方式 and 融资方式: every project's resettlement or financing mix side by side, with the
//! charts that summarise them; a project opens in the editor panel to change its mix.

use leptos::prelude::*;

use crate::calc::model::{Instrument, Project, ResettlementWay};
use crate::calc::rules::group_name;
use crate::ui::pages::results::ChartMemos;
use crate::ui::shell::state::{t, Store};
use crate::ui::widgets::chart_host::ChartHost;
use crate::ui::widgets::row_window::{rows_in_view, Spacer};
use crate::words::i18n::{fmt_pct, Text};

/// A column of a mix table: its label and the project's share.
type MixColumn = (Text, Box<dyn Fn(&Project) -> f64 + Send + Sync>);

/// One column per way of resettlement, from the mix declaration, then the monetized rate.
fn resettlement_columns() -> Vec<MixColumn> {
    let mut cols: Vec<MixColumn> = ResettlementWay::ALL
        .iter()
        .map(|&w| -> MixColumn {
            (
                w.label(),
                Box::new(move |p: &Project| w.get(&p.resettlement)),
            )
        })
        .collect();
    cols.push((
        Text::MonetizedRate,
        Box::new(|p: &Project| p.resettlement.monetized_share()),
    ));
    cols
}

/// One column per instrument, from the financing declaration.
fn financing_columns() -> Vec<MixColumn> {
    Instrument::ALL
        .iter()
        .map(|&i| -> MixColumn { (i.label(), Box::new(move |p: &Project| i.get(&p.financing))) })
        .collect()
}

/// A table of one mix per project: columns are (label, share of the project).
#[component]
fn MixTable(caption: Text, columns: Vec<MixColumn>, testid: &'static str) -> impl IntoView {
    let store = expect_context::<Store>();
    let cols = StoredValue::new(columns);
    let span = cols.with_value(Vec::len) + 3;
    // A long list draws only the rows in the window.
    let body = NodeRef::<leptos::html::Tbody>::new();
    let len = Signal::derive(move || store.view.with(|p| p.projects.len()));
    let in_view = rows_in_view(body, len);
    view! {
        <div class="table-scroll">
            <table class="data" data-testid=testid>
                <caption>{move || t(caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || t(Text::ColName)}</th>
                        <th scope="col">{move || t(Text::ColDistrict)}</th>
                        {cols.with_value(|c| c.iter().map(|(label, _)| {
                            let label = *label;
                            view! { <th scope="col" class="num">{move || t(label)}</th> }
                        }).collect_view())}
                        <th scope="col">{move || t(Text::Actions)}</th>
                    </tr>
                </thead>
                <tbody node_ref=body>
                    <Spacer in_view=in_view above=true columns=span />
                    {move || store.view.with(|plan| {
                        let v = in_view.get();
                        let end = v.end.min(plan.projects.len());
                        plan.projects[v.start.min(end)..end].iter().map(|p| {
                            let id = p.id.clone();
                            let (row_id, attr_id) = (id.clone(), id.clone());
                            let cells = cols.with_value(|c| c.iter().map(|(_, f)| {
                                view! { <td class="num">{fmt_pct(f(p))}</td> }
                            }).collect_view());
                            view! {
                                <tr
                                    data-testid="mix-row"
                                    data-project-id=attr_id
                                    class:selected=move || store.selected.with(|s| s.as_ref() == Some(&row_id))
                                >
                                    <th scope="row">{p.name.clone()}</th>
                                    <td>{p.district.clone()}</td>
                                    {cells}
                                    <td>
                                        <button type="button" data-testid="edit-project" on:click=move |_| {
                                            store.selected.set(Some(id.clone()));
                                        }>{move || t(Text::Edit)}</button>
                                    </td>
                                </tr>
                            }
                        }).collect_view()
                    })}
                    <Spacer in_view=in_view above=false columns=span />
                </tbody>
            </table>
        </div>
    }
}

#[component]
pub fn ResettlementPage() -> impl IntoView {
    let store = expect_context::<Store>();
    let charts = expect_context::<ChartMemos>();
    view! {
        <section>
            <div class="charts two">
                <ChartHost testid="chart-monetized" chart=charts.monetized />
                <ChartHost testid="chart-mix" chart=charts.mix />
            </div>
            <table class="data" data-testid="rates-table">
                <caption>{move || t(Text::RatesByDistrict)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || t(Text::ColDistrict)}</th>
                        <th scope="col" class="num">{move || t(Text::ColHouseholds)}</th>
                        <th scope="col" class="num">{move || t(Text::RehousedMonetized)}</th>
                        <th scope="col" class="num">{move || t(Text::MonetizedRate)}</th>
                        <th scope="col" class="num">{move || t(Text::Target)}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || store.results.with(|r| r.monetized.iter().map(|m| {
                        let ok = m.meets_target();
                        view! {
                            <tr class:miss=!ok>
                                <th scope="row">{group_name(&m.group, store.lang.get())}</th>
                                <td class="num">{format!("{:.0}", m.households)}</td>
                                <td class="num">{format!("{:.0}", m.monetized)}</td>
                                <td class="num">{fmt_pct(m.rate)}</td>
                                <td class="num">{fmt_pct(m.target)} " " {if ok { t(Text::Pass) } else { t(Text::Miss) }}</td>
                            </tr>
                        }
                    }).collect_view())}
                </tbody>
            </table>
            <crate::ui::pages::housing::HousingNotes link=true />
            <MixTable
                caption=Text::MixTableResettlement
                testid="resettlement-table"
                columns=resettlement_columns()
            />
        </section>
    }
}

#[component]
pub fn FinancingPage() -> impl IntoView {
    let charts = expect_context::<ChartMemos>();
    view! {
        <section>
            <div class="charts two">
                <ChartHost testid="chart-funding" chart=charts.funding />
                <ChartHost testid="chart-debt" chart=charts.debt />
            </div>
            <MixTable
                caption=Text::MixTableFinancing
                testid="financing-table"
                columns=financing_columns()
            />
        </section>
    }
}
