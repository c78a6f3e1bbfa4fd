//! 区县报送 on the 进度 page: for the chosen month, who has reported, when, by whom, in which
//! file, and who is late; each county's template to download, a county's file to take in; and
//! the weights the ranking's composite score is made of.

use leptos::prelude::*;

use crate::calc::progress::ProgressRate;
use crate::document::edit::Edit;
use crate::exchange::progress_sheet::{board, ReportStatus};
use crate::ui::shell::state::{lang, local_minute, t, Store};
use crate::ui::shell::sync::Session;
use crate::ui::shell::transfer;
use crate::ui::widgets::fields::{parse_number, show_number};
use crate::ui::widgets::plans::{file_button, PROGRESS_FILES};
use crate::words::i18n::Text;

#[component]
pub fn ReportBoard() -> impl IntoView {
    let session = expect_context::<Session>();
    let store = session.store();
    let month = store.progress_month;
    let rows = Memo::new(move |_| store.plan.with(|p| board(p, month.get(), &local_minute())));
    view! {
        <h3>{move || Text::BoardTitle.fill(lang(), &[&month.get().label(lang())])}</h3>
        <p class="hint">{move || t(Text::BoardHint)}</p>
        <div class="board-actions">
            {file_button(session, Text::ImportProgress, PROGRESS_FILES, "import-progress", transfer::import_progress)}
        </div>
        <table class="data" data-testid="progress-board">
            <thead><tr>
                <th>{move || t(Text::ColDistrict)}</th>
                <th>{move || t(Text::SubmissionStatus)}</th>
                <th>{move || t(Text::SubmissionAt)}</th>
                <th>{move || t(Text::SubmissionBy)}</th>
                <th>{move || t(Text::BoardFile)}</th>
                <th></th>
            </tr></thead>
            <tbody>
                {move || rows.get().into_iter().map(|row| {
                    let l = lang();
                    let status = row.status;
                    let class = match status {
                        ReportStatus::Late | ReportStatus::Overdue => "late",
                        ReportStatus::OnTime => "done",
                        ReportStatus::Due => "",
                    };
                    let mut shown = status.label().tr(l).to_string();
                    if row.times > 1 {
                        shown = Text::BoardTimes.fill(l, &[&shown, &row.times]);
                    }
                    let (at, by, file) = row.latest.map_or_else(Default::default, |r| {
                        (r.at.replace('T', " "), r.by, r.file)
                    });
                    let district = row.district.clone();
                    view! {
                        <tr data-testid="board-row" data-district=row.district.clone() class=class>
                            <th scope="row">{row.district.clone()}</th>
                            <td data-testid="board-status">{shown}</td>
                            <td>{at}</td>
                            <td>{by}</td>
                            <td>{file}</td>
                            <td>
                                <button type="button" data-testid="download-progress-template" data-district=row.district.clone()
                                    on:click=move |_| transfer::download_progress_template(session, district.clone())>
                                    {move || t(Text::DownloadProgressTemplate)}
                                </button>
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// The weight of each rate in the ranking's score; a refused set of weights is named in `error`.
#[component]
pub fn RankingWeightsEditor(error: RwSignal<Option<String>>) -> impl IntoView {
    let store = expect_context::<Store>();
    let weights = Memo::new(move |_| store.plan.with(|p| p.reporting.weights.clone()));
    view! {
        <fieldset class="ranking-weights" data-testid="ranking-weights">
            <legend>{move || t(Text::RankingWeights)}</legend>
            {ProgressRate::ALL.iter().map(|&r| {
                let testid = format!("ranking-weight-{}", r.key());
                view! {
                    <label class="field compact">
                        <span class="label">{move || t(r.label())}</span>
                        <input type="text" inputmode="decimal" data-testid=testid
                            prop:value=move || show_number(weights.with(|w| w.weight(r)), 0)
                            on:change=move |ev| {
                                let input: web_sys::HtmlInputElement = event_target(&ev);
                                let Some(v) = parse_number(&input.value()) else {
                                    error.set(Some(Text::ErrNotANumber.fill(lang(), &[&input.value()])));
                                    input.set_value(&show_number(weights.with_untracked(|w| w.weight(r)), 0));
                                    return;
                                };
                                let next = weights.with_untracked(|w| w.with(r, v));
                                match store.dispatch(Edit::SetRankingWeights { weights: next }) {
                                    Ok(()) => error.set(None),
                                    Err(refused) => {
                                        error.set(Some(refused.message(lang())));
                                        input.set_value(&show_number(weights.with_untracked(|w| w.weight(r)), 0));
                                    }
                                }
                            } />
                    </label>
                }
            }).collect_view()}
            <p class="hint">{move || t(Text::RankingWeightsHint)}</p>
        </fieldset>
    }
}
