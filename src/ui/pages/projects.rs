//! 项目清单: the filterable, sortable project table with its totals row, and the actions on
//! projects (add, edit, duplicate, delete with undo).

use leptos::prelude::*;

use crate::calc::model::{status_text, type_text};
use crate::document::edit::Edit;

use crate::calc::model::{Project, ProjectType, Status};
use crate::present::listing::{totals, visible_rows, Filter, SortKey};
use crate::ui::shell::state::{lang, t, Store};
use crate::ui::widgets::row_window::{rows_in_view, Spacer};
use crate::words::display::{fmt_units, round_to_total};
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

/// A cell that shows the scenario's value, marked with the base value on hover when they differ.
fn cell(
    row: Memo<Option<ShownRow>>,
    numeric: bool,
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
            class:num=numeric
            class:differs=move || base().is_some()
            title=move || base().map(|b| Text::BaseValue.fill(lang(), &[&b]))
        >
            {value}
        </td>
    }
}

/// A `<select>` filter over string values ("" = all).
#[component]
fn FilterSelect(
    label: Text,
    testid: &'static str,
    options: Signal<Vec<(String, String)>>,
    on_change: Callback<String>,
) -> impl IntoView {
    view! {
        <label class="field compact">
            <span class="label">{move || t(label)}</span>
            <select data-testid=testid on:change=move |ev| on_change.run(event_target_value(&ev))>
                <option value="">{move || t(Text::FilterAll)}</option>
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(v, shown)| view! { <option value=v>{shown}</option> })
                        .collect_view()
                }}
            </select>
        </label>
    }
}

#[component]
pub fn ProjectList() -> impl IntoView {
    let store = expect_context::<Store>();
    let filter = RwSignal::new(Filter::default());
    let sort = RwSignal::new((SortKey::Plan, false));

    let table = Memo::new(move |_| {
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
                let (inv, inv_total) =
                    round_to_total(&rows.iter().map(|x| x.investment).collect::<Vec<_>>(), 0);
                let areas: Vec<f64> = rows
                    .iter()
                    .map(|x| plan.projects[x.index].area_m2)
                    .collect();
                let (area, area_total) = round_to_total(&areas, 0);
                let shown: Vec<ShownRow> = rows
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
                (shown, sums, area_total, inv_total)
            })
        })
    });

    // Each row looks itself up here: one map per change, not a scan per row.
    let by_id = Memo::new(move |_| {
        table.with(|t| {
            t.0.iter()
                .map(|r| (r.project.id.clone(), r.clone()))
                .collect::<std::collections::HashMap<_, _>>()
        })
    });

    // A long list draws only the rows in the window (the totals and the sort cover all).
    let body = NodeRef::<leptos::html::Tbody>::new();
    let len = Signal::derive(move || table.with(|t| t.0.len()));
    let in_view = rows_in_view(body, len);

    let set_sort = move |key: SortKey| {
        sort.update(|(k, desc)| {
            if *k == key {
                *desc = !*desc;
            } else {
                *k = key;
                *desc = false;
            }
        })
    };
    let sort_mark = move |key: SortKey| {
        move || match sort.get() {
            (k, false) if k == key => "▲",
            (k, true) if k == key => "▼",
            _ => "",
        }
    };
    let aria_sort = move |key: SortKey| {
        move || match sort.get() {
            (k, false) if k == key => "ascending",
            (k, true) if k == key => "descending",
            _ => "none",
        }
    };
    let header = move |key: SortKey, label: Text, numeric: bool, testid: &'static str| {
        view! {
            <th scope="col" class:num=numeric aria-sort=aria_sort(key)>
                <button type="button" class="sort" data-testid=testid on:click=move |_| set_sort(key)>
                    {move || t(label)} {sort_mark(key)}
                </button>
            </th>
        }
    };

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
    let kinds = Signal::derive(move || {
        ProjectType::ALL
            .iter()
            .enumerate()
            .map(|(i, k)| (i.to_string(), t(type_text(*k)).to_string()))
            .collect()
    });
    let statuses = Signal::derive(move || {
        Status::ALL
            .iter()
            .enumerate()
            .map(|(i, s)| (i.to_string(), t(status_text(*s)).to_string()))
            .collect()
    });

    view! {
        <section class="projects">
            <div class="toolbar">
                <button type="button" class="primary" data-testid="add-project" on:click=add>
                    {move || t(Text::AddProject)}
                </button>
                <div class="filters" role="group" aria-label=move || t(Text::Filters)>
                    <FilterSelect
                        label=Text::ColDistrict
                        testid="filter-district"
                        options=districts
                        on_change=Callback::new(move |v: String| {
                            filter.update(|f| f.district = (!v.is_empty()).then_some(v))
                        })
                    />
                    <FilterSelect
                        label=Text::ColLocation
                        testid="filter-location"
                        options=locations
                        on_change=Callback::new(move |v: String| {
                            filter.update(|f| f.central_city = match v.as_str() {
                                "central" => Some(true),
                                "county" => Some(false),
                                _ => None,
                            })
                        })
                    />
                    <FilterSelect
                        label=Text::ColYear
                        testid="filter-year"
                        options=years
                        on_change=Callback::new(move |v: String| filter.update(|f| f.year = v.parse().ok()))
                    />
                    <FilterSelect
                        label=Text::ColType
                        testid="filter-type"
                        options=kinds
                        on_change=Callback::new(move |v: String| {
                            filter.update(|f| {
                                f.kind = v.parse::<usize>().ok().and_then(|i| ProjectType::ALL.get(i).copied())
                            })
                        })
                    />
                    <FilterSelect
                        label=Text::ColStatus
                        testid="filter-status"
                        options=statuses
                        on_change=Callback::new(move |v: String| {
                            filter.update(|f| {
                                f.status = v.parse::<usize>().ok().and_then(|i| Status::ALL.get(i).copied())
                            })
                        })
                    />
                </div>
            </div>
            <div class="list-scroll">
            <table class="data">
                <caption>{move || t(Text::NavProjects)}</caption>
                <thead>
                    <tr>
                        {header(SortKey::Name, Text::ColName, false, "sort-name")}
                        {header(SortKey::District, Text::ColDistrict, false, "sort-district")}
                        <th scope="col">{move || t(Text::ColLocation)}</th>
                        <th scope="col">{move || t(Text::ColType)}</th>
                        {header(SortKey::Year, Text::ColYear, false, "sort-year")}
                        <th scope="col">{move || t(Text::ColStatus)}</th>
                        {header(SortKey::Households, Text::ColHouseholds, true, "sort-households")}
                        {header(SortKey::Area, Text::ColArea, true, "sort-area")}
                        {header(SortKey::Investment, Text::ColInvestment, true, "sort-investment")}
                        {header(SortKey::Monetized, Text::ColMonetized, true, "sort-monetized")}
                        <th scope="col">{move || t(Text::Actions)}</th>
                    </tr>
                </thead>
                <tbody node_ref=body>
                    <Spacer in_view=in_view above=true columns=11 />
                    <For
                        each=move || {
                            let v = in_view.get();
                            table.with(|t| {
                                let end = v.end.min(t.0.len());
                                t.0[v.start.min(end)..end].iter().map(|r| r.project.id.clone()).collect::<Vec<_>>()
                            })
                        }
                        key=|id| id.clone()
                        children=move |id: String| {
                            // Keyed by id: the row stays and its cells follow the project.
                            let id_row = id.clone();
                            let row = Memo::new(move |_| by_id.with(|m| m.get(&id_row).cloned()));
                            let (id_edit, id_dup, id_del) = (id.clone(), id.clone(), id.clone());
                            let name = move || row.with(|r| r.as_ref().map(|r| r.project.name.clone()).unwrap_or_default());
                            view! {
                                <tr
                                    data-testid="project-row"
                                    data-project-id=id.clone()
                                    class:selected=move || store.selected.with(|s| s.as_ref() == Some(&id))
                                >
                                    <th scope="row">{name}{move || comment_mark(row)}</th>
                                    {cell(row, false, |p| p.district.clone())}
                                    {cell(row, false, |p| t(if p.central_city { Text::CentralCity } else { Text::County }).to_string())}
                                    {cell(row, false, |p| t(type_text(p.kind)).to_string())}
                                    {cell(row, false, |p| fmt_year(p.year, lang()))}
                                    {cell(row, false, |p| t(status_text(p.status)).to_string())}
                                    {cell(row, true, |p| fmt_units(i64::from(p.households), 0))}
                                    <td class="num">{move || row.with(|r| r.as_ref().map(|r| fmt_units(r.area, 0)).unwrap_or_default())}</td>
                                    <td class="num">{move || row.with(|r| r.as_ref().map(|r| fmt_units(r.investment, 0)).unwrap_or_default())}</td>
                                    {cell(row, true, |p| if p.households > 0 { fmt_pct(p.resettlement.monetized_share()) } else { "—".to_string() })}
                                    <td class="row-actions">
                                        <button
                                            type="button"
                                            data-testid="edit-project"
                                            on:click=move |_| store.selected.set(Some(id_edit.clone()))
                                        >
                                            {move || t(Text::Edit)}
                                        </button>
                                        <button
                                            type="button"
                                            data-testid="duplicate-project"
                                            on:click=move |_| {
                                                let suffix = Text::CopySuffix.tr(store.lang.get_untracked());
                                                let copy = store.view.with_untracked(|plan| plan.duplicate_of(&id_dup, suffix));
                                                if let Some((index, project)) = copy {
                                                    let id = project.id.clone();
                                                    let add = Edit::AddProject { index, project: Box::new(project) };
                                                    if store.dispatch(add).is_ok() {
                                                        store.selected.set(Some(id));
                                                    }
                                                }
                                            }
                                        >
                                            {move || t(Text::Duplicate)}
                                        </button>
                                        <button
                                            type="button"
                                            data-testid="delete-project"
                                            on:click=move |_| {
                                                // Undone with 撤销 (or Ctrl+Z) like every other step.
                                                let _ = store.dispatch(Edit::DeleteProject { project: id_del.clone() });
                                                if store.selected.with_untracked(|s| s.as_ref() == Some(&id_del)) {
                                                    store.selected.set(None);
                                                }
                                            }
                                        >
                                            {move || t(Text::Delete)}
                                        </button>
                                    </td>
                                </tr>
                            }
                        }
                    />
                    <Spacer in_view=in_view above=false columns=11 />
                </tbody>
                <tfoot>
                    <tr data-testid="totals-row">
                        <th scope="row">{move || t(Text::TotalRow)}</th>
                        <td colspan="5"></td>
                        <td class="num" data-testid="total-households">
                            {move || table.with(|t| fmt_units(t.1.households as i64, 0))}
                        </td>
                        <td class="num" data-testid="total-area">
                            {move || table.with(|t| fmt_units(t.2, 0))}
                        </td>
                        <td class="num" data-testid="total-investment">
                            {move || table.with(|t| fmt_units(t.3, 0))}
                        </td>
                        <td class="num" data-testid="total-monetized">
                            {move || table.with(|t| fmt_pct(t.1.monetized_rate))}
                        </td>
                        <td></td>
                    </tr>
                </tfoot>
            </table>
            </div>
        </section>
    }
}
