//! 协作: who prepared the plan, a colleague's file compared row by row, the counties'
//! submissions board, and the change log.

use leptos::prelude::*;

use crate::analysis::compare::{Compared, METRICS};
use crate::document::edit::Edit;
use crate::document::provenance::Person;
use crate::exchange::merge::Relation;
use crate::ui::pages::compare::{show, show_diff};
use crate::ui::shell::exchange;
use crate::ui::shell::state::{t, ProposalKind, Store};
use crate::ui::shell::sync::Session;
use crate::ui::widgets::fields::TextInput;
use crate::ui::widgets::plans::file_button;
use crate::words::i18n::{fmt_number, fmt_yi, Text};

/// Rows drawn at first and per 显示更多: a change list of thousands stays responsive.
const PAGE: usize = 200;

#[component]
pub fn TeamPage() -> impl IntoView {
    let session = expect_context::<Session>();
    let store = session.store();
    let drop = move |ev: leptos::ev::DragEvent| {
        // Offered for comparison here, not imported as the rest of the page would.
        ev.stop_propagation();
        if let Some(file) = crate::ui::shell::files::dropped(&ev) {
            exchange::compare_file(session, file);
        }
    };
    view! {
        <section class="team" data-testid="team-page">
            <Show when=move || store.proposal.with(Option::is_some)>
                <MergePanel />
            </Show>
            <h2>{move || t(Text::TeamPreparedBy)}</h2>
            <PreparedBy />
            <h2>{move || t(Text::TeamCompareTitle)}</h2>
            <p class="hint">{move || t(Text::TeamCompareHint)}</p>
            <div
                class="drop-zone"
                data-testid="merge-drop"
                on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default()
                on:drop=drop
            >
                {file_button(session, Text::TeamCompareFile, ".json,application/json", "merge-plan", exchange::compare_file)}
                <span>{move || t(Text::TeamDropHere)}</span>
            </div>
            <h2>{move || t(Text::TeamSubmissions)}</h2>
            <SubmissionBoard />
            <h2>{move || t(Text::TeamLog)}</h2>
            <ChangeLog />
        </section>
    }
}

#[component]
fn PreparedBy() -> impl IntoView {
    let store = expect_context::<Store>();
    let person = move || store.plan.with(|p| p.provenance.prepared_by.clone());
    let set = move |f: fn(&mut Person, String)| {
        Callback::new(move |v: String| {
            let mut p = person();
            f(&mut p, v);
            let _ = store.dispatch(Edit::SetPreparedBy { person: p });
        })
    };
    view! {
        <div class="grid">
            <TextInput
                label=Text::PreparedName
                value=Signal::derive(move || person().name)
                on_change=set(|p, v| p.name = v)
                testid="prepared-name"
            />
            <TextInput
                label=Text::PreparedOffice
                value=Signal::derive(move || person().office)
                on_change=set(|p, v| p.office = v)
                testid="prepared-office"
            />
        </div>
    }
}

/// The change list of the proposal: the effect on the KPIs, then one row per change.
#[component]
fn MergePanel() -> impl IntoView {
    let session = expect_context::<Session>();
    let store = session.store();
    let proposal = store.proposal;
    let rows = move || proposal.with(|p| p.as_ref().map_or(0, |p| p.comparison.changes.len()));
    // Plain rows are taken unless rejected; a conflict waits for a choice.
    let choices = RwSignal::new(proposal.with_untracked(|p| {
        p.as_ref().map_or(Vec::new(), |p| {
            p.comparison
                .changes
                .iter()
                .map(|c| (!c.conflict).then_some(true))
                .collect::<Vec<Option<bool>>>()
        })
    }));
    let shown = RwSignal::new(PAGE);
    let error = RwSignal::new(None::<String>);
    let flagged = RwSignal::new(proposal.with_untracked(|p| {
        p.as_ref()
            .map(|p| p.relation)
            .filter(|r| *r != Relation::Copy)
    }));
    let finish = move |take: Vec<bool>| match exchange::accept(session, &take) {
        Ok(()) => error.set(None),
        Err(e) => error.set(Some(e)),
    };
    let accept_all = move |_| finish(vec![true; rows()]);
    let apply_chosen = move |_| {
        let undecided = choices.with(|c| c.iter().filter(|c| c.is_none()).count());
        if undecided > 0 {
            error.set(Some(
                Text::MergeUndecided.fill(store.lang.get_untracked(), &[&undecided]),
            ));
        } else {
            finish(choices.with(|c| c.iter().map(|c| c.unwrap_or(false)).collect()));
        }
    };
    let import_as_new = move |_| {
        if let Some(p) = proposal.get_untracked() {
            store.proposal.set(None);
            let mut plan = p.comparison.theirs;
            plan.provenance.derived_from = Some(session.keep_revision(&plan));
            session.add_and_open(plan);
        }
    };
    view! {
        <div class="merge-panel" data-testid="merge-panel">
            <h2>{move || proposal.with(|p| p.as_ref().map(|p| match &p.kind {
                ProposalKind::Merge => Text::MergeTitle.fill(store.lang.get(), &[&p.file, &p.from]),
                ProposalKind::Submission { district } => Text::SubmissionTitle.fill(store.lang.get(), &[district, &p.file]),
            }))}</h2>
            <Show when=move || flagged.with(Option::is_some)>
                <div class="banner warning" role="alert" data-testid="unrelated-warning">
                    {move || flagged.get().map(|r| relation_text(r).tr(store.lang.get()))} " "
                    {move || t(Text::NotACopy)} " "
                    <button type="button" data-testid="import-as-new" on:click=import_as_new>{move || t(Text::ImportAsNew)}</button>
                    <button type="button" data-testid="compare-anyway" on:click=move |_| flagged.set(None)>{move || t(Text::CompareAnyway)}</button>
                </div>
            </Show>
            <Show when=move || flagged.with(Option::is_none)>
                <p class="hint" data-testid="merge-base">{move || base_note(store)}</p>
                <MergeEffect />
                <div class="merge-actions">
                    <button type="button" data-testid="accept-all" on:click=accept_all>{move || t(Text::AcceptAll)}</button>
                    <button type="button" data-testid="reject-all" on:click=move |_| store.proposal.set(None)>{move || t(Text::RejectAll)}</button>
                    <button type="button" data-testid="merge-apply" on:click=apply_chosen>{move || t(Text::ApplyChosen)}</button>
                    <span data-testid="diff-count">{move || Text::DiffCount.fill(store.lang.get(), &[&rows()])}</span>
                </div>
                <Show when=move || error.with(Option::is_some)>
                    <p class="banner error" role="alert" data-testid="merge-error">{move || error.get()}</p>
                </Show>
                <ol class="diff-list">
                    {move || (0..rows().min(shown.get())).map(|i| view! { <DiffRow index=i choices=choices /> }).collect_view()}
                </ol>
                <Show when=move || { rows() > shown.get() }>
                    <button type="button" data-testid="diff-more" on:click=move |_| shown.update(|n| *n += PAGE)>
                        {move || Text::ShowMore.fill(store.lang.get(), &[&(rows() - shown.get())])}
                    </button>
                </Show>
            </Show>
        </div>
    }
}

fn relation_text(r: Relation) -> Text {
    match r {
        Relation::OtherCity => Text::RelationOtherCity,
        Relation::OtherYears => Text::RelationOtherYears,
        Relation::Unrelated | Relation::Copy => Text::RelationUnrelated,
    }
}

/// Whether the comparison is three-way, and against which revision.
fn base_note(store: Store) -> String {
    let lang = store.lang.get();
    store
        .proposal
        .with(|p| match p.as_ref().and_then(|p| p.base.clone()) {
            Some((rev, true)) => Text::MergeThreeWay.fill(lang, &[&rev]),
            Some((rev, false)) => Text::MergeBaseMissing.fill(lang, &[&rev]),
            None => Text::MergeTwoWay.tr(lang).into(),
        })
}

/// The KPIs now and after taking every row.
#[component]
fn MergeEffect() -> impl IntoView {
    let store = expect_context::<Store>();
    let effect = Memo::new(move |_| {
        store.proposal.with(|p| {
            p.as_ref().map(|p| {
                let c = &p.comparison;
                let all = c.merged(&vec![true; c.changes.len()]);
                let now = Compared::of(&c.ours, None, None, String::new());
                let after = Compared::of(&all, None, None, String::new());
                METRICS
                    .iter()
                    .map(|m| (m.label, m.kind, (m.value)(&now), (m.value)(&after)))
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <table class="merge-effect" data-testid="merge-effect">
            <thead><tr>
                <th>{move || t(Text::MergeMetric)}</th>
                <th>{move || t(Text::MergeNow)}</th>
                <th>{move || t(Text::MergeAfterAll)}</th>
                <th>{move || t(Text::MergeDifference)}</th>
            </tr></thead>
            <tbody>
                {move || effect.get().unwrap_or_default().into_iter().map(|(label, kind, now, after)| view! {
                    <tr class:differs=now != after>
                        <th>{move || t(label)}</th>
                        <td>{show(kind, now)}</td>
                        <td>{show(kind, after)}</td>
                        <td>{show_diff(kind, after, now)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// One change: what, ours against theirs, the project's comment, and the choice.
#[component]
fn DiffRow(index: usize, choices: RwSignal<Vec<Option<bool>>>) -> impl IntoView {
    let store = expect_context::<Store>();
    let row = store.proposal.with_untracked(|p| {
        p.as_ref().map(|p| {
            let c = &p.comparison.changes[index];
            (
                c.kind.key(),
                c.conflict,
                p.comparison.describe(c, store.lang.get_untracked()),
            )
        })
    });
    let Some((kind, conflict, text)) = row else {
        return ().into_any();
    };
    let choice = move || choices.with(|c| c.get(index).copied().flatten());
    let choose = move |v: bool| choices.update(|c| c[index] = Some(v));
    let (take_label, keep_label) = if conflict {
        (Text::TakeTheirs, Text::KeepOurs)
    } else {
        (Text::Accept, Text::Reject)
    };
    view! {
        <li class="diff-row" class:conflict=conflict data-testid="diff-row" data-kind=kind data-conflict=conflict.to_string()>
            <div class="diff-title">
                {conflict.then(|| view! { <span class="badge">{move || t(Text::Conflict)}</span> })}
                <strong>{text.title}</strong>
            </div>
            <table class="diff-details">
                <thead><tr><th></th><th>{move || t(Text::Ours)}</th><th>{move || t(Text::Theirs)}</th></tr></thead>
                <tbody>
                    {text.details.into_iter().map(|d| view! {
                        <tr><th>{d.label}</th><td class="ours">{d.ours}</td><td class="theirs">{d.theirs}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            {text.comment.map(|c| view! { <p class="comment" data-testid="diff-comment">{move || t(Text::FieldComment)} {move || t(Text::Colon)} {c}</p> })}
            <div class="diff-choice" role="group">
                <button type="button" data-testid="diff-accept" aria-pressed=move || (choice() == Some(true)).to_string() on:click=move |_| choose(true)>
                    {move || t(take_label)}
                </button>
                <button type="button" data-testid="diff-reject" aria-pressed=move || (choice() == Some(false)).to_string() on:click=move |_| choose(false)>
                    {move || t(keep_label)}
                </button>
            </div>
        </li>
    }
    .into_any()
}

/// Every county: submitted or not, when, by whom, its totals and what changed since the last.
#[component]
fn SubmissionBoard() -> impl IntoView {
    let session = expect_context::<Session>();
    let store = session.store();
    let rows = Memo::new(move |_| {
        store.plan.with(|p| {
            crate::exchange::submission::board(p)
                .into_iter()
                .map(|r| (r.district, r.latest.cloned(), r.times))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <table class="data submission-board" data-testid="submission-board">
            <thead><tr>
                <th>{move || t(Text::ColDistrict)}</th>
                <th>{move || t(Text::SubmissionStatus)}</th>
                <th>{move || t(Text::SubmissionAt)}</th>
                <th>{move || t(Text::SubmissionBy)}</th>
                <th>{move || t(Text::SubmissionProjects)}</th>
                <th>{move || t(Text::ColHouseholds)}</th>
                <th>{move || t(Text::SubmissionInvestment)}</th>
                <th>{move || t(Text::SubmissionChanges)}</th>
                <th></th>
            </tr></thead>
            <tbody>
                {move || rows.get().into_iter().map(|(district, latest, times)| {
                    let lang = store.lang.get();
                    let d = district.clone();
                    let take = move |session: Session, file: web_sys::File| exchange::submission_file(session, d.clone(), file);
                    let cells = match latest {
                        Some(s) => view! {
                            <td data-testid="submission-status">{Text::Submitted.fill(lang, &[&times])}</td>
                            <td>{s.at.replace('T', " ")}</td>
                            <td>{s.by}</td>
                            <td>{s.projects}</td>
                            <td>{fmt_number(s.households as f64, 0)}</td>
                            <td>{format!("{} {}", fmt_yi(s.investment), Text::UnitYi.tr(lang))}</td>
                            <td>{Text::TallyText.fill(lang, &[&s.tally.added, &s.tally.removed, &s.tally.changed])}</td>
                        }.into_any(),
                        None => view! {
                            <td data-testid="submission-status">{Text::NotSubmitted.tr(lang)}</td>
                            <td></td><td></td><td></td><td></td><td></td><td></td>
                        }.into_any(),
                    };
                    view! {
                        <tr data-district=district.clone()>
                            <th>{district.clone()}</th>
                            {cells}
                            <td>{file_button(session, Text::TakeSubmission, crate::ui::widgets::plans::SUBMISSION_FILES, "submission-file", take)}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// The most recent change sets first.
#[component]
fn ChangeLog() -> impl IntoView {
    let store = expect_context::<Store>();
    view! {
        <ol class="change-log" data-testid="change-log">
            {move || {
                let lang = store.lang.get();
                store.plan.with(|p| p.provenance.log.iter().rev().take(100).map(|e| {
                    let what = if e.changes > 1 {
                        Text::LogMore.fill(lang, &[&e.summary, &e.changes])
                    } else {
                        e.summary.clone()
                    };
                    view! {
                        <li data-testid="log-entry">
                            <span class="when">{e.at.replace('T', " ")}</span> " "
                            <span class="who">{e.by.clone()}</span> " "
                            <span class="what">{what}</span>
                        </li>
                    }
                }).collect_view())
            }}
        </ol>
    }
}
