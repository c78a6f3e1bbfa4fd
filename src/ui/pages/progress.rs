//! 进度: the month's actual figures entered project by project (a keyboard grid: Tab moves on,
//! Enter moves down, a block pasted from Excel goes in as one step), the month's plan against
//! actual, the projects behind schedule and the ranking of the districts and counties.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::analysis::progress::{progress_report, ProgressReport, Tally};
use crate::calc::model::{Month, ProjectId};
use crate::calc::progress::ProgressField;
use crate::calc::rules::group_name;
use crate::calc::simulate::Group;
use crate::document::edit::Edit;
use crate::document::progress_entry::{
    paste_block, progress_of, record_for, set_figure, set_note, set_start, Note, Start,
};
use crate::present::progress::{behind_text, change_text, marks, pace_chart, ranking_chart};
use crate::ui::pages::progress_board::{RankingWeightsEditor, ReportBoard};
use crate::ui::shell::state::{lang, t, Store};
use crate::ui::widgets::chart_host::ChartHost;
use crate::ui::widgets::fields::{parse_number, show_number};
use crate::ui::widgets::row_window::{rows_in_view, Spacer};
use crate::words::i18n::{fmt_pct, Text};

/// The grid's rows: each one's place, project and month. A row stays drawn while its figures
/// change (its cells follow them): replacing a row of twenty inputs relaid and repainted the
/// whole grid on every figure typed.
fn keyed_rows(
    store: Store,
    month: Month,
    scope: &GridScope,
    window: std::ops::Range<usize>,
) -> Vec<(usize, ProjectId, Month)> {
    store.view.with(|p| {
        listed(p, month, scope)
            .enumerate()
            .skip(window.start)
            .take(window.len())
            .map(|(i, q)| (i, q.id.clone(), month))
            .collect()
    })
}

/// Which projects the grid lists: one district (`""`: all), and who answers for them.
#[derive(Debug, Clone, Default, PartialEq)]
struct GridScope {
    district: String,
    who: crate::calc::model::Answering,
}

/// The projects the month's grid lists: those planned for its year or before (still running),
/// kept by `scope`.
fn listed<'p>(
    plan: &'p crate::document::plan::Plan,
    month: Month,
    scope: &'p GridScope,
) -> impl Iterator<Item = &'p crate::calc::model::Project> {
    plan.projects.iter().filter(move |q| {
        q.year <= month.year
            && (scope.district.is_empty() || q.district == scope.district)
            && scope.who.keeps(q)
    })
}

fn grid_rows(store: Store, month: Month, scope: &GridScope) -> Vec<ProjectId> {
    store
        .view
        .with(|p| listed(p, month, scope).map(|q| q.id.clone()).collect())
}

/// The grid's column widths (em): the project, the two start months, each figure, each note.
/// Fixed, so a figure typed lays out its own row only (style/main.css).
const WIDTHS: (f64, f64, f64, f64) = (12.0, 9.8, 7.2, 9.0);
const NOTES: usize = 3;

/// The grid's `<colgroup>` and the table's width, from the columns it has.
fn grid_columns(figures: usize) -> (impl IntoView, String) {
    let (name, month, figure, note) = WIDTHS;
    let col = |w: f64| view! { <col style=format!("width: {w}em") /> };
    let cols = std::iter::once(col(name))
        .chain([col(month), col(month)])
        .chain((0..figures).map(move |_| col(figure)))
        .chain((0..NOTES).map(move |_| col(note)))
        .collect_view();
    let total = name + 2.0 * month + figures as f64 * figure + NOTES as f64 * note;
    (
        view! { <colgroup>{cols}</colgroup> },
        format!("width: {total}em"),
    )
}

/// The plan's districts as a select's options, redrawn only when the list of districts changes
/// (not on every figure typed).
pub(crate) fn district_options(store: Store) -> impl IntoView {
    let districts = Memo::new(move |_| store.view.with(|p| p.districts()));
    move || {
        districts
            .get()
            .into_iter()
            .map(|d| view! { <option value=d.clone()>{d.clone()}</option> })
            .collect_view()
    }
}

#[component]
pub fn ProgressPage() -> impl IntoView {
    let store = expect_context::<Store>();
    let month = store.progress_month;
    let report = Memo::new(move |_| store.view.with(|p| progress_report(p, month.get())));
    let error = RwSignal::new(None::<String>);
    let sample = move || {
        store
            .view
            .with(|p| p.projects.iter().any(|q| q.progress.sample))
    };
    view! {
        <section class="progress" data-testid="progress-page">
            <h2>{move || t(Text::NavProgress)}</h2>
            <div class="toolbar">
                <label class="field compact">
                    <span class="label">{move || t(Text::ProgressMonth)}</span>
                    <input type="month" data-testid="progress-month"
                        prop:value=move || month.get().key()
                        on:change=move |ev| {
                            if let Some(m) = Month::parse(&event_target_value(&ev)) { month.set(m); }
                        } />
                </label>
                <button type="button" class="primary" data-testid="progress-report" on:click=move |_| store.progress_report.set(true)>
                    {move || t(Text::OpenMonthlyReport)}
                </button>
            </div>
            <Show when=sample>
                <p class="banner info" role="note" data-testid="progress-sample">{move || t(Text::ProgressSample)}</p>
            </Show>
            <Show when=move || error.with(Option::is_some)>
                <p class="banner error" role="alert" data-testid="progress-error">{move || error.get()}</p>
            </Show>
            <Summary report=report />
            <Ranking report=report />
            <RankingWeightsEditor error=error />
            <Charts report=report />
            <BehindList report=report />
            <ReportBoard />
            <Grid />
        </section>
    }
}

/// One row of rates: the year's target, 签约率, 开工率, 货币化安置率 against its target, 投资完成率.
fn rate_cells(tally: &Tally, target: f64) -> impl IntoView {
    let pct = |r: Option<f64>| r.map_or_else(|| "—".to_string(), fmt_pct);
    let monetized = tally.monetized_rate().map_or_else(
        || "—".to_string(),
        |r| format!("{} / {}", fmt_pct(r), fmt_pct(target)),
    );
    view! {
        <td class="num">{show_number(tally.target as f64, 0)}</td>
        <td class="num">{pct(tally.signing_rate())}</td>
        <td class="num">{pct(tally.start_rate())}</td>
        <td class="num">{monetized}</td>
        <td class="num">{pct(tally.investment_rate())}</td>
    }
}

fn rate_heads() -> impl IntoView {
    view! {
        <th>{move || t(Text::ColTarget)}</th>
        <th>{move || t(Text::ColSigningRate)}</th>
        <th>{move || t(Text::ColStartRate)}</th>
        <th>{move || t(Text::ColMonetizedActual)}</th>
        <th>{move || t(Text::ColInvestmentRate)}</th>
    }
}

/// The city, central city, counties, then each district.
#[component]
fn Summary(report: Memo<ProgressReport>) -> impl IntoView {
    view! {
        <h3>{move || t(Text::ProgressSummaryTitle)}</h3>
        <table class="data" data-testid="progress-summary">
            <thead><tr><th></th>{rate_heads()}</tr></thead>
            <tbody>
                {move || report.with(|r| {
                    let l = lang();
                    r.zones.iter().rev().chain(&r.districts).map(|g| view! {
                        <tr data-testid="progress-summary-row">
                            <th scope="row">{group_name(&g.group, l)}</th>
                            {rate_cells(&g.tally, g.monetized_target)}
                        </tr>
                    }).collect_view()
                })}
            </tbody>
        </table>
    }
}

#[component]
fn Ranking(report: Memo<ProgressReport>) -> impl IntoView {
    let store = expect_context::<Store>();
    let composite = Memo::new(move |_| store.plan.with(|p| !p.reporting.weights.start_only()));
    let title = move || {
        if composite.get() {
            t(Text::ProgressRankingComposite)
        } else {
            t(Text::ProgressRankingTitle)
        }
    };
    view! {
        <h3>{title}</h3>
        <table class="data" data-testid="progress-ranking">
            <thead><tr>
                <th>{move || t(Text::ColRank)}</th>
                <th>{move || t(Text::ColDistrict)}</th>
                <th>{move || t(Text::ColStartRate)}</th>
                <Show when=move || composite.get()><th>{move || t(Text::ColScore)}</th></Show>
                <th>{move || t(Text::ColMarks)}</th>
                <th>{move || t(Text::ColChange)}</th>
            </tr></thead>
            <tbody>
                {move || report.with(|r| {
                    let l = lang();
                    r.ranking.iter().map(|k| {
                        let class = if k.top { "top" } else if k.bottom { "bottom" } else { "" };
                        view! {
                            <tr data-testid="ranking-row" class=class>
                                <td class="num">{k.rank}</td>
                                <th scope="row">{k.district.clone()}</th>
                                <td class="num">{fmt_pct(k.start_rate)}</td>
                                {composite.get().then(|| view! { <td class="num" data-testid="ranking-score">{fmt_pct(k.score)}</td> })}
                                <td>{marks(k, l)}</td>
                                <td>{change_text(k.change, l)}</td>
                            </tr>
                        }
                    }).collect_view()
                })}
            </tbody>
        </table>
    }
}

/// The ranking's bars and the city's months, plan against actual.
#[component]
fn Charts(report: Memo<ProgressReport>) -> impl IntoView {
    let store = expect_context::<Store>();
    let ranking = Memo::new(move |_| {
        report.with(|r| crate::present::charts::ChartJson::from(ranking_chart(r, lang())))
    });
    let month = store.progress_month;
    // The city, a zone or one district: "" is the city.
    let scope = RwSignal::new(String::new());
    let group = move || match scope.get().as_str() {
        "" => Group::Overall,
        "central" => Group::CentralCity,
        "counties" => Group::Counties,
        d => Group::District(d.to_string()),
    };
    let pace = Memo::new(move |_| {
        store.view.with(|p| {
            crate::present::charts::ChartJson::from(pace_chart(p, month.get(), &group(), lang()))
        })
    });
    view! {
        <label class="field compact">
            <span class="label">{move || t(Text::PaceScope)}</span>
            <select data-testid="progress-pace-scope" on:change=move |ev| scope.set(event_target_value(&ev))>
                <option value="">{move || t(Text::Overall)}</option>
                <option value="central">{move || t(Text::CentralCity)}</option>
                <option value="counties">{move || t(Text::Counties)}</option>
                {district_options(store)}
            </select>
        </label>
        <div class="charts">
            <ChartHost testid="chart-progress-ranking" chart=ranking />
            <ChartHost testid="chart-progress-pace" chart=pace />
        </div>
    }
}

/// Projects behind listed at first: a large plan's hundreds are shown a page at a time.
const BEHIND_SHOWN: usize = 50;

#[component]
fn BehindList(report: Memo<ProgressReport>) -> impl IntoView {
    let shown = RwSignal::new(BEHIND_SHOWN);
    // A memo: a figure typed that moves no project in or out leaves the list as it is.
    let behind = Memo::new(move |_| {
        report.with(|r| {
            let l = lang();
            r.projects
                .iter()
                .filter(|p| !p.behind.is_empty())
                .map(|p| {
                    let why: Vec<String> = p.behind.iter().map(|b| behind_text(b, l)).collect();
                    (p.name.clone(), why.join(Text::ListSeparator.tr(l)))
                })
                .collect::<Vec<_>>()
        })
    });
    let more = move || behind.with(Vec::len).saturating_sub(shown.get());
    view! {
        <h3>{move || t(Text::ProgressBehindTitle)}</h3>
        <ul data-testid="progress-behind">
            <Show when=move || behind.with(Vec::is_empty)>
                <li>{move || t(Text::ProgressNoneBehind)}</li>
            </Show>
            <For
                each=move || behind.with(|rows| rows.iter().take(shown.get()).cloned().collect::<Vec<_>>())
                key=|row| row.clone()
                children=|(name, why)| view! {
                    <li data-testid="behind-row"><strong>{name}</strong>{move || t(Text::Colon)} {why}</li>
                }
            />
        </ul>
        <Show when=move || { more() > 0 }>
            <button type="button" data-testid="behind-more" on:click=move |_| shown.update(|n| *n += BEHIND_SHOWN)>
                {move || Text::ShowMore.fill(lang(), &[&more()])}
            </button>
        </Show>
    }
}

/// The grid's refusal: which cell (its key, [`cell_key`]) and why. It is shown beside that
/// cell, in view and announced, never at the top of a page thousands of pixels away.
#[derive(Clone, Copy)]
struct GridError(RwSignal<Option<(String, String)>>);

impl GridError {
    fn set(self, at: &str, message: String) {
        self.0.set(Some((at.to_string(), message)));
    }

    fn clear(self) {
        if self.0.with_untracked(Option::is_some) {
            self.0.set(None);
        }
    }

    /// The message of the cell `key`, if it is the one refused.
    fn at(self, key: &str) -> Option<String> {
        self.0
            .with(|e| e.as_ref().filter(|(k, _)| k == key).map(|(_, m)| m.clone()))
    }
}

/// A cell's key: its project and what it holds (the input's test id).
fn cell_key(id: &ProjectId, testid: &str) -> String {
    format!("{id}/{testid}")
}

/// The element id of a cell's message, which the input names as its description.
fn message_id(key: &str) -> String {
    format!("grid-error-{}", key.replace(['/', ' '], "-"))
}

/// What an editable cell of the grid carries for a refusal: its key, and from it whether it is
/// the cell refused (marked, its input invalid and described by the message) and the message.
#[derive(Clone)]
struct CellMark {
    key: String,
    error: GridError,
}

impl CellMark {
    fn new(error: GridError, key: String) -> Self {
        CellMark { key, error }
    }

    fn refused(&self) -> impl Fn() -> bool + 'static {
        let (key, error) = (self.key.clone(), self.error);
        move || error.at(&key).is_some()
    }

    fn invalid(&self) -> impl Fn() -> Option<&'static str> + 'static {
        let refused = self.refused();
        move || refused().then_some("true")
    }

    fn described(&self) -> String {
        message_id(&self.key)
    }

    /// The message, when this is the cell refused: beside the input, announced (role=alert).
    fn message(&self) -> impl IntoView {
        let (key, error) = (self.key.clone(), self.error);
        let id = message_id(&key);
        move || {
            error.at(&key).map(|m| {
                view! { <span class="cell-error" role="alert" id=id.clone() data-testid="progress-cell-error">{m}</span> }
            })
        }
    }
}

/// Dispatches `edit` (if any); a refusal is shown at the cell `at` and the cell shows the plan's
/// value again.
fn commit(
    store: Store,
    error: GridError,
    at: &str,
    edit: Option<Edit>,
    input: &web_sys::HtmlInputElement,
    shown: String,
) {
    let Some(edit) = edit else {
        return;
    };
    match store.dispatch(edit) {
        Ok(()) => error.clear(),
        Err(refused) => {
            error.set(at, refused.message(lang()));
            input.set_value(&shown);
        }
    }
}

/// Enter moves to the same column one row down, as in a spreadsheet.
fn enter_moves_down(ev: &web_sys::KeyboardEvent, row: usize, col: usize) {
    if ev.key() != "Enter" {
        return;
    }
    ev.prevent_default();
    let next = document().query_selector(&format!(
        "[data-grid=\"progress\"][data-row=\"{}\"][data-col=\"{col}\"]",
        row + 1
    ));
    if let Ok(Some(el)) = next {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

#[component]
fn Grid() -> impl IntoView {
    let store = expect_context::<Store>();
    let error = GridError(RwSignal::new(None));
    let month = store.progress_month;
    let scope = RwSignal::new(GridScope::default());
    let columns = ProgressField::all();
    let heads = columns.clone();
    let (colgroup, width) = grid_columns(columns.len());
    // A large plan's grid draws only the rows in the window: a thousand rows of twenty inputs
    // would be laid out and painted again for every figure typed.
    let body = NodeRef::<leptos::html::Tbody>::new();
    let len = Signal::derive(move || {
        store
            .view
            .with(|p| listed(p, month.get(), &scope.get()).count())
    });
    let in_view = rows_in_view(body, len);
    let spanned = 3 + columns.len() + NOTES;
    // Every listed row, in order: where a pasted block lands.
    let rows = Memo::new(move |_| grid_rows(store, month.get(), &scope.get()));
    view! {
        <h3>{move || t(Text::ProgressGridTitle)}</h3>
        <div class="toolbar">
            <label class="field compact">
                <span class="label">{move || t(Text::ColDistrict)}</span>
                <select data-testid="progress-district" on:change=move |ev| scope.update(|s| s.district = event_target_value(&ev))>
                    <option value="">{move || t(Text::ScopeAll)}</option>
                    {district_options(store)}
                </select>
            </label>
            <crate::ui::widgets::fields::AnsweringFilter testid="progress"
                on_change=Callback::new(move |a| scope.update(|s| s.who = a)) />
        </div>
        <div class="table-scroll">
        <table class="data progress-grid" data-testid="progress-grid" style=width>
            {colgroup}
            <thead><tr>
                <th>{move || t(Text::ColName)}</th>
                <th>{move || t(Text::ColExpropriationStarted)}</th>
                <th>{move || t(Text::ColConstructionStarted)}</th>
                {heads.into_iter().map(|f| view! { <th>{move || f.name(lang())}</th> }).collect_view()}
                <th>{move || t(Text::ColReason)}</th>
                <th>{move || t(Text::ColCorrection)}</th>
                <th>{move || t(Text::ColDelay)}</th>
            </tr></thead>
            <tbody node_ref=body>
                <Spacer in_view=in_view above=true columns=spanned />
                <For
                    each=move || {
                        let v = in_view.get();
                        keyed_rows(store, month.get(), &scope.get(), v.start..v.end)
                    }
                    key=|row| row.clone()
                    children=move |(i, id, m)| {
                        view! { <GridRow id=id row=i month=m rows=rows columns=columns.clone() error=error /> }
                    }
                />
                <Spacer in_view=in_view above=false columns=spanned />
            </tbody>
        </table>
        </div>
    }
}

#[component]
fn GridRow(
    id: ProjectId,
    row: usize,
    month: Month,
    rows: Memo<Vec<ProjectId>>,
    columns: Vec<ProgressField>,
    error: GridError,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let Some((name, district)) = store.view.with_untracked(|p| {
        p.projects
            .iter()
            .find(|q| q.id == id)
            .map(|q| (q.name.clone(), q.district.clone()))
    }) else {
        return ().into_any();
    };
    // Each input is labelled "project figure" for screen readers (the grid has no <label>s).
    let name_of = name.clone();
    // The row's figures as the plan has them now: its cells follow this, nothing else.
    let progress = {
        let id = id.clone();
        Memo::new(move |_| store.view.with(|p| progress_of(p, &id).unwrap_or_default()))
    };
    let record = Memo::new(move |_| progress.with(|p| record_for(p, month)));
    let reported = Signal::derive(move || progress.with(|p| p.at(month).is_some()));
    let start_cell = |start: Start, testid: &'static str| {
        let id = id.clone();
        let shown = Signal::derive(move || {
            progress
                .with(|p| match start {
                    Start::Expropriation => p.expropriation_started,
                    Start::Construction => p.construction_started,
                })
                .map(Month::key)
                .unwrap_or_default()
        });
        let mark = CellMark::new(error, cell_key(&id, testid));
        let at = mark.key.clone();
        let label = format!("{name_of} {}", t(start.label()));
        view! {
            <td class="cell" class:refused=mark.refused()><input type="month" data-testid=testid prop:value=shown aria-label=label
                aria-invalid=mark.invalid() aria-describedby=mark.described()
                on:change=move |ev| {
                let m = Month::parse(&event_target_value(&ev));
                let edit = store.view.with_untracked(|plan| set_start(plan, &id, start, m));
                commit(store, error, &at, edit, &event_target::<web_sys::HtmlInputElement>(&ev), shown.get_untracked());
            } />{mark.message()}</td>
        }
    };
    let note_cell = |note: Note, testid: &'static str| {
        let id = id.clone();
        let shown = Signal::derive(move || {
            record.with(|r| match note {
                Note::Reason => r.reason.clone(),
                Note::Correction => r.correction.clone(),
                Note::Delay => r.delay.clone(),
            })
        });
        let mark = CellMark::new(error, cell_key(&id, testid));
        let at = mark.key.clone();
        let label = format!("{name_of} {}", t(note.label()));
        view! {
            <td class="note cell" class:refused=mark.refused()><input type="text" data-testid=testid prop:value=shown aria-label=label
                aria-invalid=mark.invalid() aria-describedby=mark.described()
                on:change=move |ev| {
                let v = event_target_value(&ev);
                let edit = store.view.with_untracked(|plan| set_note(plan, &id, month, note, &v));
                commit(store, error, &at, edit, &event_target::<web_sys::HtmlInputElement>(&ev), shown.get_untracked());
            } />{mark.message()}</td>
        }
    };
    let figures = columns
        .iter()
        .enumerate()
        .map(|(col, &f)| {
            let cell = Cell { id: id.clone(), f, at: (row, col), month, name: name.clone() };
            let shown = Signal::derive(move || record.with(|r| show_number(f.get(r), 2)));
            view! { <FigureCell cell=cell shown=shown reported=reported rows=rows columns=columns.clone() error=error /> }
        })
        .collect_view();
    view! {
        <tr data-testid="progress-row" data-project=id.to_string()>
            <th scope="row" title=format!("{name} · {district}")>{name.clone()}<br /><small>{district.clone()}</small></th>
            {start_cell(Start::Expropriation, "progress-expropriation-started")}
            {start_cell(Start::Construction, "progress-construction-started")}
            {figures}
            {note_cell(Note::Reason, "progress-reason")}
            {note_cell(Note::Correction, "progress-correction")}
            {note_cell(Note::Delay, "progress-delay")}
        </tr>
    }
    .into_any()
}

/// Where a figure cell is: its project, figure, place in the grid and month.
#[derive(Clone)]
struct Cell {
    id: ProjectId,
    f: ProgressField,
    at: (usize, usize),
    month: Month,
    /// The project's name, for the input's label.
    name: String,
}

impl Cell {
    fn key(&self) -> String {
        cell_key(&self.id, &format!("progress-{}", self.f.key()))
    }
}

/// A block pasted into the cell (tab- or line-separated): one step from this cell on; a single
/// value is left to the input as typing.
fn paste_into(
    store: Store,
    error: GridError,
    cell: &Cell,
    rows: &[ProjectId],
    columns: &[ProgressField],
    ev: &leptos::ev::ClipboardEvent,
) {
    let Some(text) = ev.clipboard_data().and_then(|d| d.get_data("text").ok()) else {
        return;
    };
    if !text.contains('\t') && !text.trim_end().contains('\n') {
        return;
    }
    ev.prevent_default();
    let block = store.view.with_untracked(|plan| {
        paste_block(plan, rows, columns, cell.at, &text, cell.month, lang())
    });
    match block.and_then(|edit| store.dispatch(edit).map_err(|r| r.message(lang()))) {
        Ok(()) => error.clear(),
        Err(message) => error.set(&cell.key(), message),
    }
}

/// A figure typed into the cell: committed, or refused with the cell back to `shown`.
fn type_into(
    store: Store,
    error: GridError,
    cell: &Cell,
    input: &web_sys::HtmlInputElement,
    shown: &str,
) {
    let typed = input.value();
    match parse_number(&typed) {
        None if typed.trim().is_empty() => input.set_value(shown),
        None => {
            error.set(
                &cell.key(),
                Text::ErrNotANumber.fill(lang(), &[&typed.trim()]),
            );
            input.set_value(shown);
        }
        Some(v) => {
            let edit = store
                .view
                .with_untracked(|plan| set_figure(plan, &cell.id, cell.month, cell.f, v));
            commit(store, error, &cell.key(), edit, input, shown.to_string());
        }
    }
}

#[component]
fn FigureCell(
    cell: Cell,
    shown: Signal<String>,
    reported: Signal<bool>,
    rows: Memo<Vec<ProjectId>>,
    columns: Vec<ProgressField>,
    error: GridError,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let (row, col) = cell.at;
    let pasted = cell.clone();
    let mark = CellMark::new(error, cell.key());
    let label = format!("{} {}", cell.name, cell.f.name(lang()));
    view! {
        <td class="cell" class:carried=move || !reported.get() class:refused=mark.refused()>
            <input type="text" inputmode="decimal" class="num"
                aria-label=label
                aria-invalid=mark.invalid() aria-describedby=mark.described()
                data-testid=format!("progress-{}", cell.f.key())
                data-grid="progress" data-row=row.to_string() data-col=col.to_string()
                prop:value=shown
                on:keydown=move |ev| enter_moves_down(&ev, row, col)
                on:paste=move |ev| rows.with_untracked(|rows| paste_into(store, error, &pasted, rows, &columns, &ev))
                on:change=move |ev| type_into(store, error, &cell, &event_target(&ev), &shown.get_untracked()) />
            {mark.message()}
        </td>
    }
}
