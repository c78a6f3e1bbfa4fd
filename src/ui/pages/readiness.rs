//! 前期手续: the plan's deadlines, every project's milestones on today's date (filtered by
//! district, zone, source of money and responsible unit), what blocks each project's money, the
//! loan pipeline and 贷款发放率, and whether the scenario shown waits for the gates.

use leptos::prelude::*;

use crate::analysis::readiness::{
    board, deadlines, disbursement, loan_pipeline, project_checks, status_counts, BoardFilter,
};
use crate::calc::gates::{GateCheck, GateDates};
use crate::calc::model::Instrument;
use crate::calc::readiness::{Day, Milestone, MilestoneStatus};
use crate::ui::pages::progress::district_options;
pub use crate::ui::shell::state::today;
use crate::ui::shell::state::{lang, t, Store};
use crate::ui::widgets::row_window::{rows_in_view, Spacer};
use crate::words::i18n::{fmt_pct, fmt_yi, Text};

#[component]
pub fn ReadinessPage() -> impl IntoView {
    let today = today();
    let filter = RwSignal::new(BoardFilter::default());
    view! {
        <section class="readiness" data-testid="readiness-page">
            <h2>{move || t(Text::NavReadiness)}</h2>
            <p class="hint">{move || Text::ReadinessHint.fill(lang(), &[&today.label(lang())])}</p>
            <Deadlines today=today />
            <GatedChoice />
            <crate::ui::pages::readiness_rules::ReadinessRules />
            <Filters filter=filter />
            <Board today=today filter=filter />
            <Blocking filter=filter />
            <Pipeline today=today />
        </section>
    }
}

#[component]
fn Deadlines(today: Day) -> impl IntoView {
    let store = expect_context::<Store>();
    let states = Memo::new(move |_| store.plan.with(|p| deadlines(p, today)));
    view! {
        <ul class="deadlines" data-testid="deadlines">
            {move || states.get().into_iter().map(|s| {
                let l = lang();
                let when = s.deadline.day.label(l);
                let left = if s.days_left < 0 {
                    Text::DeadlinePassed.fill(l, &[&-s.days_left])
                } else {
                    Text::DeadlineLeft.fill(l, &[&s.days_left])
                };
                let met = if s.deadline.milestone.is_some() {
                    Text::DeadlineMet.fill(l, &[&s.met, &s.applies])
                } else {
                    String::new()
                };
                let late = s.days_left < 0 && s.met < s.applies;
                view! {
                    <li data-testid="deadline" class:late=late>
                        <strong>{s.deadline.label.clone()}</strong>
                        {Text::DeadlineLine.fill(l, &[&when, &left, &met])}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// Whether the scenario shown draws its money as planned or waits for the gates.
#[component]
fn GatedChoice() -> impl IntoView {
    let store = expect_context::<Store>();
    let error = RwSignal::new(None::<String>);
    let current = Memo::new(move |_| {
        let id = store.active.get();
        store
            .plan
            .with(|p| id.and_then(|id| p.scenario(&id).and_then(|s| s.gated)))
    });
    let key = |d: Option<GateDates>| match d {
        None => "",
        Some(GateDates::Planned) => "planned",
        Some(GateDates::Actual) => "actual",
    };
    view! {
        <label class="field compact gated-choice">
            <span class="label">{move || t(Text::GatedLabel)}</span>
            <select data-testid="gated-choice"
                prop:value=move || key(current.get())
                on:change=move |ev| {
                    let chosen = match event_target_value(&ev).as_str() {
                        "planned" => Some(GateDates::Planned),
                        "actual" => Some(GateDates::Actual),
                        _ => None,
                    };
                    error.set(store.gate_active(chosen).err());
                }>
                <option value="">{move || t(Text::GatedOff)}</option>
                {GateDates::ALL.iter().map(|&d| view! {
                    <option value=key(Some(d))>{move || t(d.label())}</option>
                }).collect_view()}
            </select>
        </label>
        <p class="hint">{move || t(Text::GatedHint)}</p>
        {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
    }
}

#[component]
fn Filters(filter: RwSignal<BoardFilter>) -> impl IntoView {
    let store = expect_context::<Store>();
    let opt = |s: String| (!s.is_empty()).then_some(s);
    view! {
        <div class="board-filters" data-testid="readiness-filters">
            <label class="field compact">
                <span class="label">{move || t(Text::ColDistrict)}</span>
                <select data-testid="readiness-district"
                    on:change=move |ev| filter.update(|f| f.district = opt(event_target_value(&ev)))>
                    <option value="">{move || t(Text::ScopeAll)}</option>
                    {district_options(store)}
                </select>
            </label>
            <label class="field compact">
                <span class="label">{move || t(Text::ReadinessZone)}</span>
                <select data-testid="readiness-zone"
                    on:change=move |ev| filter.update(|f| f.central_city = match event_target_value(&ev).as_str() {
                        "central" => Some(true),
                        "counties" => Some(false),
                        _ => None,
                    })>
                    <option value="">{move || t(Text::ScopeAll)}</option>
                    <option value="central">{move || t(Text::CentralCity)}</option>
                    <option value="counties">{move || t(Text::Counties)}</option>
                </select>
            </label>
            <label class="field compact">
                <span class="label">{move || t(Text::ReadinessSource)}</span>
                <select data-testid="readiness-source"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        filter.update(|f| f.source = Instrument::ALL.iter().copied().find(|i| i.key() == v));
                    }>
                    <option value="">{move || t(Text::ScopeAll)}</option>
                    {Instrument::ALL.iter().map(|&i| view! {
                        <option value=i.key()>{move || t(i.label())}</option>
                    }).collect_view()}
                </select>
            </label>
            <crate::ui::widgets::fields::AnsweringFilter testid="readiness"
                on_change=Callback::new(move |a| filter.update(|f| f.answering = a)) />
        </div>
    }
}

/// A milestone's cell: its status, and the day (actual when done, else planned) as "10-28".
fn cell_text(status: MilestoneStatus, day: Option<Day>) -> String {
    let d = day.map_or_else(String::new, |d| format!("{:02}-{:02}", d.month, d.day));
    match status {
        MilestoneStatus::Done => format!("✓{d}"),
        MilestoneStatus::Late => format!("!{d}"),
        MilestoneStatus::DueSoon => format!("…{d}"),
        MilestoneStatus::NotStarted if d.is_empty() => "·".into(),
        MilestoneStatus::NotStarted => d,
    }
}

#[component]
fn Board(today: Day, filter: RwSignal<BoardFilter>) -> impl IntoView {
    let store = expect_context::<Store>();
    // The rows kept by the filters, each with its statuses.
    let rows = Memo::new(move |_| {
        let f = filter.get();
        store.plan.with(|p| {
            board(p, today)
                .into_iter()
                .filter(|r| f.keeps(&p.projects[r.index]))
                .collect::<Vec<_>>()
        })
    });
    let counts = Memo::new(move |_| rows.with(|r| status_counts(r)));
    let body = NodeRef::<leptos::html::Tbody>::new();
    let len = Signal::derive(move || rows.with(Vec::len));
    let in_view = rows_in_view(body, len);
    let columns = 3 + Milestone::ALL.len();
    view! {
        <h3>{move || t(Text::ReadinessBoard)}</h3>
        <p class="board-summary" data-testid="readiness-counts">{move || {
            let [done, due, late, none] = counts.get();
            Text::ReadinessCounts.fill(lang(), &[&len.get(), &done, &due, &late, &none])
        }}</p>
        <div class="table-scroll">
        <table class="data readiness-board" data-testid="readiness-board">
            <thead><tr>
                <th scope="col">{move || t(Text::ColName)}</th>
                <th scope="col">{move || t(Text::ColDistrict)}</th>
                <th scope="col">{move || t(Text::FieldLead)}</th>
                {Milestone::ALL.iter().map(|&m| view! {
                    <th scope="col" class="ms-head" data-milestone=m.key()>{move || t(m.label())}</th>
                }).collect_view()}
            </tr></thead>
            <tbody node_ref=body>
                <Spacer in_view=in_view above=true columns=columns />
                {move || {
                    let v = in_view.get();
                    let l = lang();
                    rows.with(|rows| store.plan.with(|p| {
                        let end = v.end.min(rows.len());
                        rows[v.start.min(end)..end].iter().map(|r| {
                            let project = &p.projects[r.index];
                            let cells = Milestone::ALL.iter().zip(&r.statuses).map(|(&m, s)| {
                                let Some(s) = *s else {
                                    return view! { <td class="ms-na" data-milestone=m.key()>"—"</td> }.into_any();
                                };
                                let rec = project.readiness.record(m);
                                let day = rec.and_then(|r| r.expected());
                                let mut parts = vec![s.label().tr(l).to_string()];
                                if let Some(rec) = rec {
                                    if let Some(d) = rec.planned { parts.push(format!("{} {}", t(Text::MsPlanned), d.label(l))); }
                                    if let Some(d) = rec.actual { parts.push(format!("{} {}", t(Text::MsActual), d.label(l))); }
                                    if !rec.number.is_empty() { parts.push(rec.number.clone()); }
                                }
                                let title = Text::MsTitle.fill(l, &[&m.label().tr(l), &parts.join(t(Text::ListSeparator))]);
                                view! {
                                    <td class=s.class() title=title data-milestone=m.key()>{cell_text(s, day)}</td>
                                }.into_any()
                            }).collect_view();
                            view! {
                                <tr data-testid="readiness-row" data-project=project.id.clone()>
                                    <th scope="row" title=project.name.clone()>{project.name.clone()}</th>
                                    <td>{project.district.clone()}</td>
                                    <td>{project.lead.clone()}</td>
                                    {cells}
                                </tr>
                            }
                        }).collect_view()
                    }))
                }}
                <Spacer in_view=in_view above=false columns=columns />
            </tbody>
        </table>
        </div>
        <p class="hint">{move || t(Text::ReadinessLegend)}</p>
    }
}

/// Lines of 资金受阻 shown before the planner asks for the rest.
const BLOCKING_SHOWN: usize = 40;

/// What blocks each project's money, a sentence per source planned before its gate.
#[component]
fn Blocking(filter: RwSignal<BoardFilter>) -> impl IntoView {
    let store = expect_context::<Store>();
    let lines = Memo::new(move |_| {
        let f = filter.get();
        let l = lang();
        store.view.with(|p| {
            store.results.with(|r| {
                project_checks(p, r, GateDates::Planned)
                    .filter(|(project, _)| f.keeps(project))
                    .flat_map(|(project, checks)| {
                        checks
                            .into_iter()
                            .filter(GateCheck::is_finding)
                            .map(|c| (project.id.clone(), project.name.clone(), c.sentence(l)))
                            .collect::<Vec<_>>()
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    // The first lines, the rest on request: a thousand projects' sentences are not read at
    // once, and drawing them all held the page's opening up.
    let all = RwSignal::new(false);
    let more = move || lines.with(Vec::len).saturating_sub(BLOCKING_SHOWN);
    let hidden = move || !all.get() && more() > 0;
    view! {
        <h3>{move || Text::ReadinessBlocking.fill(lang(), &[&lines.with(Vec::len)])}</h3>
        <ul class="findings blocking" data-testid="readiness-blocking">
            {move || {
                let n = if all.get() { usize::MAX } else { BLOCKING_SHOWN };
                lines.with(|v| v.iter().take(n).map(|(id, name, sentence)| view! {
                    <li data-testid="blocking" data-project=id.clone()><strong>{name.clone()}</strong>" — "{sentence.clone()}</li>
                }).collect_view())
            }}
        </ul>
        <Show when=hidden>
            <button type="button" class="link" data-testid="blocking-all" on:click=move |_| all.set(true)>
                {move || Text::ShowAllMore.fill(lang(), &[&more()])}
            </button>
        </Show>
    }
}

#[component]
fn Pipeline(today: Day) -> impl IntoView {
    let store = expect_context::<Store>();
    let steps = Memo::new(move |_| {
        store
            .view
            .with(|p| store.results.with(|r| loan_pipeline(p, r, today)))
    });
    let month = store.progress_month;
    let drawn = Memo::new(move |_| {
        store
            .view
            .with(|p| store.results.with(|r| disbursement(p, r, month.get())))
    });
    view! {
        <h3>{move || t(Text::PipelineTitle)}</h3>
        <table class="data" data-testid="loan-pipeline">
            <thead><tr>
                <th scope="col">{move || t(Text::PipelineStep)}</th>
                <th scope="col" class="num">{move || t(Text::PipelineProjects)}</th>
                <th scope="col" class="num">{move || t(Text::PipelineAmount)}</th>
            </tr></thead>
            <tbody>
                {move || steps.get().into_iter().map(|s| {
                    let name = s.step.map_or(t(Text::PipelineNotApplied), |m| t(m.label()));
                    view! {
                        <tr data-testid="pipeline-step" data-step=s.step.map_or("none", Milestone::key)>
                            <th scope="row">{name}</th>
                            <td class="num">{s.projects}</td>
                            <td class="num">{fmt_yi(s.amount)}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
            <tfoot>{move || {
                let (n, amount) = steps.with(|s| (s.iter().map(|x| x.projects).sum::<usize>(), s.iter().map(|x| x.amount).sum::<f64>()));
                view! { <tr><th scope="row">{t(Text::TotalRow)}</th><td class="num">{n}</td><td class="num">{fmt_yi(amount)}</td></tr> }
            }}</tfoot>
        </table>
        <h3>{move || Text::DisbursementTitle.fill(lang(), &[&month.get().label(lang())])}</h3>
        <table class="data" data-testid="disbursement">
            <thead><tr>
                <th scope="col">{move || t(Text::ColDistrict)}</th>
                <th scope="col" class="num">{move || t(Text::DisbursementContracted)}</th>
                <th scope="col" class="num">{move || t(Text::DisbursementDrawn)}</th>
                <th scope="col" class="num">{move || t(Text::DisbursementRate)}</th>
            </tr></thead>
            <tbody>
                {move || drawn.get().into_iter().map(|d| {
                    let rate = d.rate().map_or_else(|| "—".to_string(), fmt_pct);
                    let name = d.district.clone().unwrap_or_else(|| t(Text::TotalRow).to_string());
                    view! {
                        <tr data-testid="disbursement-row">
                            <th scope="row">{name}</th>
                            <td class="num">{fmt_yi(d.contracted)}</td>
                            <td class="num">{fmt_yi(d.drawn)}</td>
                            <td class="num">{rate}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
