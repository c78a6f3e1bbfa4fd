//! 项目清单: the filterable, sortable project table with its totals row, and the actions on
//! projects (add, edit, duplicate, delete with undo).

use leptos::prelude::*;

use crate::calc::model::{status_text, type_text};
use crate::document::edit::Edit;

use crate::calc::model::{Project, ProjectType, Status};
use crate::present::listing::{totals, visible_rows, Filter, SortKey};
use crate::ui::shell::state::{lang, t, Store};
use crate::ui::widgets::fields::{AnsweringFilter, FilterSelect};
use crate::ui::widgets::row_window::{rows_in_view, Spacer};
use crate::words::display::{fmt_units, round_rows, WAN_DECIMALS};
use crate::words::i18n::{fmt_pct, fmt_year, Text};

/// One displayed row, amounts rounded so that the totals row adds up; `base` is the project as
/// the base plan has it when the active scenario changed it.
#[derive(Clone, PartialEq)]
struct ShownRow {
    project: Project,
    area: i64,
    investment: i64,
    base: Option<Project>,
}

/// A mark after the project's name when it has a 备注/意见, the text as its tooltip.
fn comment_mark(row: Memo<Option<ShownRow>>) -> Option<impl IntoView> {
    let comment = row.with(|r| r.as_ref().map(|r| r.project.comment.clone()))?;
    (!comment.is_empty()).then(|| {
        view! { <span class="comment-mark" data-testid="comment-mark" title=comment.clone() aria-label=comment>"✎"</span> }
    })
}

/// A cell that shows the scenario's value, marked with the base value on hover when they differ;
/// `class` is `num` for a figure, `opt`/`opt2` for a column a narrow list leaves out (style/main.css).
fn cell(
    row: Memo<Option<ShownRow>>,
    class: &'static str,
    show: impl Fn(&Project) -> String + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let value = move || row.with(|r| r.as_ref().map(|r| show(&r.project)).unwrap_or_default());
    let base = move || {
        row.with(|r| {
            r.as_ref()
                .and_then(|r| r.base.as_ref().map(|b| (show(&r.project), show(b))))
                .filter(|(now, was)| now != was)
                .map(|(_, was)| was)
        })
    };
    view! {
        <td
            class=class
            class:differs=move || base().is_some()
            title=move || base().map(|b| Text::BaseValue.fill(lang(), &[&b]))
        >
            {value}
        </td>
    }
}

/// The rows as shown (filtered, sorted, amounts rounded to add up) and the totals row's figures.
#[derive(Clone, PartialEq)]
struct Table {
    rows: Vec<ShownRow>,
    sums: crate::present::listing::ListTotals,
    area_total: i64,
    investment_total: i64,
}

/// The table of the view under `filter` and `sort`, recomputed when any of them changes.
fn table_memo(
    store: Store,
    filter: RwSignal<Filter>,
    sort: RwSignal<(SortKey, bool)>,
) -> Memo<Table> {
    Memo::new(move |_| {
        // In a scenario, the base's projects by id (one map, not a scan per row).
        let base: Option<std::collections::HashMap<String, Project>> =
            store.active_id().map(|_| {
                store.plan.with(|b| {
                    b.projects
                        .iter()
                        .map(|p| (p.id.clone(), p.clone()))
                        .collect()
                })
            });
        store.view.with(|plan| {
            store.results.with(|r| {
                let (key, desc) = sort.get();
                let rows = filter.with(|f| visible_rows(plan, r, f, key, desc));
                let sums = totals(plan, &rows);
                let (inv, investment_total) = round_rows(
                    &rows.iter().map(|x| x.investment).collect::<Vec<_>>(),
                    WAN_DECIMALS,
                );
                let areas: Vec<f64> = rows
                    .iter()
                    .map(|x| plan.projects[x.index].area_m2)
                    .collect();
                let (area, area_total) = round_rows(&areas, 0);
                let rows = rows
                    .iter()
                    .enumerate()
                    .map(|(i, x)| {
                        let project = plan.projects[x.index].clone();
                        let base = base
                            .as_ref()
                            .and_then(|m| m.get(&project.id))
                            .filter(|b| **b != project)
                            .cloned();
                        ShownRow {
                            project,
                            area: area[i],
                            investment: inv[i],
                            base,
                        }
                    })
                    .collect();
                Table {
                    rows,
                    sums,
                    area_total,
                    investment_total,
                }
            })
        })
    })
}

/// A column header that sorts by `key`: a click sorts ascending, a second click descending.
#[component]
fn SortHeader(
    sort: RwSignal<(SortKey, bool)>,
    key: SortKey,
    label: Text,
    numeric: bool,
    testid: &'static str,
    /// A column a narrow list leaves out.
    #[prop(optional)]
    optional: bool,
) -> impl IntoView {
    let set_sort = move |_| {
        sort.update(|(k, desc)| {
            if *k == key {
                *desc = !*desc;
            } else {
                *k = key;
                *desc = false;
            }
        })
    };
    let state = move || match sort.get() {
        (k, desc) if k == key => Some(desc),
        _ => None,
    };
    let mark = move || match state() {
        Some(false) => "▲",
        Some(true) => "▼",
        None => "",
    };
    let aria = move || match state() {
        Some(false) => "ascending",
        Some(true) => "descending",
        None => "none",
    };
    view! {
        <th scope="col" class:num=numeric class:opt=optional aria-sort=aria>
            <button type="button" class="sort" data-testid=testid on:click=set_sort>
                {move || t(label)} {mark}
            </button>
        </th>
    }
}

/// 新增项目 and the filters above the list.
#[component]
fn ListToolbar(filter: RwSignal<Filter>) -> impl IntoView {
    let store = expect_context::<Store>();
    let add = move |_| {
        let new = store
            .view
            .with_untracked(|p| p.new_project(Text::NewProjectName.tr(lang())));
        let id = new.id.clone();
        let add = Edit::AddProject {
            index: usize::MAX,
            project: Box::new(new),
        };
        if store.dispatch(add).is_ok() {
            store.selected.set(Some(id));
        }
    };
    let districts = Signal::derive(move || {
        store
            .view
            .with(|p| p.districts().into_iter().map(|d| (d.clone(), d)).collect())
    });
    let years = Signal::derive(move || {
        let first = store.view.with(|p| p.first_year);
        (first..=first + 1)
            .map(|y| (y.to_string(), fmt_year(y, lang())))
            .collect()
    });
    let locations = Signal::derive(move || {
        vec![
            ("central".to_string(), t(Text::CentralCity).to_string()),
            ("county".to_string(), t(Text::County).to_string()),
        ]
    });
    // Types and statuses are chosen by their place in the declaration.
    let listed = |names: Vec<Text>| {
        Signal::derive(move || {
            names
                .iter()
                .enumerate()
                .map(|(i, n)| (i.to_string(), t(*n).to_string()))
                .collect()
        })
    };
    let kinds = listed(ProjectType::ALL.iter().map(|k| type_text(*k)).collect());
    let statuses = listed(Status::ALL.iter().map(|s| status_text(*s)).collect());
    let set = move |f: fn(&mut Filter, String)| {
        Callback::new(move |v: String| filter.update(|x| f(x, v)))
    };
    view! {
        <div class="toolbar">
            <button type="button" class="primary" data-testid="add-project" on:click=add>
                {move || t(Text::AddProject)}
            </button>
            <div class="filters" role="group" aria-label=move || t(Text::Filters)>
                <FilterSelect label=Text::ColDistrict testid="filter-district" options=districts
                    on_change=set(|f, v| f.district = (!v.is_empty()).then_some(v)) />
                <FilterSelect label=Text::ColLocation testid="filter-location" options=locations
                    on_change=set(|f, v| f.central_city = match v.as_str() {
                        "central" => Some(true),
                        "county" => Some(false),
                        _ => None,
                    }) />
                <FilterSelect label=Text::ColYear testid="filter-year" options=years
                    on_change=set(|f, v| f.year = v.parse().ok()) />
                <FilterSelect label=Text::ColType testid="filter-type" options=kinds
                    on_change=set(|f, v| f.kind = v.parse::<usize>().ok().and_then(|i| ProjectType::ALL.get(i).copied())) />
                <FilterSelect label=Text::ColStatus testid="filter-status" options=statuses
                    on_change=set(|f, v| f.status = v.parse::<usize>().ok().and_then(|i| Status::ALL.get(i).copied())) />
                <AnsweringFilter testid="filter"
                    on_change=Callback::new(move |a| filter.update(|f| f.answering = a)) />
            </div>
        </div>
    }
}

/// 编辑, 复制, 删除 of one row.
#[component]
fn RowActions(id: String) -> impl IntoView {
    let store = expect_context::<Store>();
    let (id_edit, id_dup, id_del, id_balance) = (id.clone(), id.clone(), id.clone(), id);
    let duplicate = move |_| {
        let suffix = Text::CopySuffix.tr(store.lang.get_untracked());
        let copy = store
            .view
            .with_untracked(|plan| plan.duplicate_of(&id_dup, suffix));
        if let Some((index, project)) = copy {
            let id = project.id.clone();
            let add = Edit::AddProject {
                index,
                project: Box::new(project),
            };
            if store.dispatch(add).is_ok() {
                store.selected.set(Some(id));
            }
        }
    };
    let delete = move |_| {
        // Undone with 撤销 (or Ctrl+Z) like every other step.
        let _ = store.dispatch(Edit::DeleteProject {
            project: id_del.clone(),
        });
        if store
            .selected
            .with_untracked(|s| s.as_ref() == Some(&id_del))
        {
            store.selected.set(None);
        }
    };
    view! {
        <td class="row-actions">
            <button type="button" data-testid="edit-project" on:click=move |_| store.selected.set(Some(id_edit.clone()))>
                {move || t(Text::Edit)}
            </button>
            <button type="button" data-testid="open-fund-balance" on:click=move |_| store.fund_balance.set(Some(id_balance.clone()))>
                {move || t(Text::FbOpen)}
            </button>
            <button type="button" data-testid="duplicate-project" on:click=duplicate>
                {move || t(Text::Duplicate)}
            </button>
            <button type="button" data-testid="delete-project" on:click=delete>
                {move || t(Text::Delete)}
            </button>
        </td>
    }
}

/// One project's row, keyed by its id: the row stays and its cells follow the project.
#[component]
fn ProjectRow(
    id: String,
    by_id: Memo<std::collections::HashMap<String, ShownRow>>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let id_row = id.clone();
    let row = Memo::new(move |_| by_id.with(|m| m.get(&id_row).cloned()));
    let name = move || {
        row.with(|r| r.as_ref().map(|r| r.project.name.clone()))
            .unwrap_or_default()
    };
    let amount = move |pick: fn(&ShownRow) -> i64, decimals: u32| {
        move || {
            row.with(|r| {
                r.as_ref()
                    .map(|r| fmt_units(pick(r), decimals))
                    .unwrap_or_default()
            })
        }
    };
    let selected_id = id.clone();
    let row_id = id.clone();
    view! {
        <tr
            data-testid="project-row"
            data-project-id=row_id
            class:selected=move || store.selected.with(|s| s.as_ref() == Some(&selected_id))
        >
            <th scope="row">{name}{move || comment_mark(row)}</th>
            {cell(row, "", |p| p.district.clone())}
            {cell(row, "opt", |p| t(if p.central_city { Text::CentralCity } else { Text::County }).to_string())}
            {cell(row, "opt", |p| t(type_text(p.kind)).to_string())}
            <td>
                {move || row.with(|r| r.as_ref().map(|r| fmt_year(r.project.year, lang()))).unwrap_or_default()}
                {move || row.with(|r| r.as_ref().and_then(|r| {
                    // Carried into a rolled window: the history panel's note as its tip.
                    let tip = store.plan.with(|p| crate::present::history::carried_note(p, &r.project, lang()))?;
                    Some(view! { <span class="badge carried" data-testid="carried-badge" title=tip>{t(Text::CarriedBadge)}</span> })
                }))}
            </td>
            {cell(row, "opt2", |p| t(status_text(p.status)).to_string())}
            {cell(row, "num", |p| fmt_units(i64::from(p.households), 0))}
            <td class="num opt">{amount(|r| r.area, 0)}</td>
            <td class="num">{amount(|r| r.investment, WAN_DECIMALS)}</td>
            {cell(row, "num", |p| if p.households > 0 { fmt_pct(p.resettlement.monetized_share()) } else { "—".to_string() })}
            <RowActions id=id />
        </tr>
    }
}

/// The totals row: it adds up the rows shown.
#[component]
fn TotalsRow(table: Memo<Table>) -> impl IntoView {
    view! {
        <tr data-testid="totals-row">
            <th scope="row">{move || t(Text::TotalRow)}</th>
            <td></td><td class="opt"></td><td class="opt"></td><td></td><td class="opt2"></td>
            <td class="num" data-testid="total-households">
                {move || table.with(|t| fmt_units(t.sums.households as i64, 0))}
            </td>
            <td class="num opt" data-testid="total-area">
                {move || table.with(|t| fmt_units(t.area_total, 0))}
            </td>
            <td class="num" data-testid="total-investment">
                {move || table.with(|t| fmt_units(t.investment_total, WAN_DECIMALS))}
            </td>
            <td class="num" data-testid="total-monetized">
                {move || table.with(|t| fmt_pct(t.sums.monetized_rate))}
            </td>
            <td></td>
        </tr>
    }
}

#[component]
pub fn ProjectList() -> impl IntoView {
    let store = expect_context::<Store>();
    let filter = RwSignal::new(Filter::default());
    let sort = RwSignal::new((SortKey::Plan, false));
    let table = table_memo(store, filter, sort);
    // Each row looks itself up here: one map per change, not a scan per row.
    let by_id = Memo::new(move |_| {
        table.with(|t| {
            t.rows
                .iter()
                .map(|r| (r.project.id.clone(), r.clone()))
                .collect::<std::collections::HashMap<_, _>>()
        })
    });
    // A long list draws only the rows in the window (the totals and the sort cover all).
    let body = NodeRef::<leptos::html::Tbody>::new();
    let len = Signal::derive(move || table.with(|t| t.rows.len()));
    let in_view = rows_in_view(body, len);
    let in_window = move || {
        let v = in_view.get();
        table.with(|t| {
            let end = v.end.min(t.rows.len());
            t.rows[v.start.min(end)..end]
                .iter()
                .map(|r| r.project.id.clone())
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="projects">
            <ListToolbar filter=filter />
            <div class="list-scroll">
            <table class="data">
                <caption>{move || t(Text::NavProjects)}</caption>
                <thead>
                    <tr>
                        <SortHeader sort=sort key=SortKey::Name label=Text::ColName numeric=false testid="sort-name" />
                        <SortHeader sort=sort key=SortKey::District label=Text::ColDistrict numeric=false testid="sort-district" />
                        <th scope="col" class="opt">{move || t(Text::ColLocation)}</th>
                        <th scope="col" class="opt">{move || t(Text::ColType)}</th>
                        <SortHeader sort=sort key=SortKey::Year label=Text::ColYear numeric=false testid="sort-year" />
                        <th scope="col" class="opt2">{move || t(Text::ColStatus)}</th>
                        <SortHeader sort=sort key=SortKey::Households label=Text::ColHouseholds numeric=true testid="sort-households" />
                        <SortHeader sort=sort key=SortKey::Area label=Text::ColArea numeric=true testid="sort-area" optional=true />
                        <SortHeader sort=sort key=SortKey::Investment label=Text::ColInvestment numeric=true testid="sort-investment" />
                        <SortHeader sort=sort key=SortKey::Monetized label=Text::ColMonetized numeric=true testid="sort-monetized" />
                        <th scope="col">{move || t(Text::Actions)}</th>
                    </tr>
                </thead>
                <tbody node_ref=body>
                    <Spacer in_view=in_view above=true columns=11 />
                    <For
                        each=in_window
                        key=|id| id.clone()
                        children=move |id: String| view! { <ProjectRow id=id by_id=by_id /> }
                    />
                    <Spacer in_view=in_view above=false columns=11 />
                </tbody>
                <tfoot>
                    <TotalsRow table=table />
                </tfoot>
            </table>
            </div>
        </section>
    }
}
