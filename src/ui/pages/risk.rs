//! 风险: the tornado with a what-if slider per driver, the drivers' ranges, and the Monte Carlo
//! run made in the worker (progress, cancel) with its fan charts and breach probabilities.

use leptos::prelude::*;

use crate::analysis::risk::{
    tornado, what_if, Measure, Range, RiskDriver, RiskSettings, Summary, STEPS,
};
use crate::calc::measure::Unit;
use crate::calc::simulate::Group;
use crate::document::edit::Edit;
use crate::exchange::jobs::{Job, Outcome, Progress};
use crate::present::risk_charts::{fan_chart, fan_ppp_chart, tornado_chart};
use crate::ui::shell::outcomes::RiskOutcome;
use crate::ui::shell::state::{t, Store};
use crate::ui::shell::worker::{self, Running, Stopped};
use crate::ui::widgets::chart_host::ChartHost;
use crate::ui::widgets::fields::NumberInput;
use crate::words::i18n::{fmt_pct, fmt_yi, Text};

/// What a run depends on: the plan's content and the settings.
fn run_key(store: Store) -> String {
    let rev = store.view.with(crate::document::plan::revision);
    let settings = store
        .plan
        .with(|p| serde_json::to_string(&p.risk).unwrap_or_default());
    format!("{rev}{settings}")
}

fn money(v: f64) -> String {
    format!("{} {}", fmt_yi(v), t(Text::UnitYi))
}

fn measure_text(m: Measure, v: f64) -> String {
    match m {
        Measure::MaxPppShare => fmt_pct(v),
        _ => money(v),
    }
}

#[component]
pub fn RiskPage() -> impl IntoView {
    view! {
        <section class="risk" data-testid="risk-page">
            <Tornado />
            <Ranges />
            <MonteCarlo />
        </section>
    }
}

#[component]
fn Tornado() -> impl IntoView {
    let store = expect_context::<Store>();
    let measure = RwSignal::new(Measure::FiscalPv);
    let chosen = RwSignal::new(None::<RiskDriver>);
    let bars = Memo::new(move |_| store.view.with(|v| tornado(v, measure.get())));
    let chart = Memo::new(move |_| {
        bars.with(|(base, bars)| {
            crate::present::charts::ChartJson::from(tornado_chart(
                *base,
                bars,
                measure.get(),
                store.lang.get(),
            ))
        })
    });
    let pick = move |ev| {
        let i: usize = event_target_value(&ev).parse().unwrap_or(0);
        measure.set(Measure::ALL[i.min(2)]);
    };
    view! {
        <h2>{move || t(Text::RiskTornadoTitle)}</h2>
        <label class="field compact">
            <span class="label">{move || t(Text::RiskMeasure)}</span>
            <select data-testid="tornado-metric" on:change=pick>
                {Measure::ALL.iter().enumerate().map(|(i, m)| view! { <option value=i.to_string()>{move || t(m.label())}</option> }).collect_view()}
            </select>
        </label>
        <ChartHost testid="chart-tornado" chart=chart />
        <table class="data tornado-table" data-testid="tornado-table">
            <thead><tr>
                <th>{move || t(Text::RiskDriverCol)}</th>
                {STEPS.iter().map(|s| view! { <th class="num">{format!("{:+}%", s * 100.0)}</th> }).collect_view()}
                <th class="num">{move || t(Text::RiskSwing)}</th>
            </tr></thead>
            <tbody>
                {move || {
                    let m = measure.get();
                    bars.with(|(_, bars)| bars.iter().map(|b| {
                        let d = b.driver;
                        view! {
                            <tr data-testid="tornado-row" data-driver=d.key() class:selected=move || chosen.get() == Some(d)>
                                <th><button type="button" class="link" data-testid="tornado-driver" on:click=move |_| chosen.set(Some(d))>{move || t(d.label())}</button></th>
                                {b.values.iter().map(|v| view! { <td class="num">{measure_text(m, *v)}</td> }).collect_view()}
                                <td class="num">{measure_text(m, b.swing)}</td>
                            </tr>
                        }
                    }).collect_view())
                }}
            </tbody>
        </table>
        <p class="hint">{move || t(Text::TornadoSlipNote)}</p>
        {move || chosen.get().map(|d| view! { <WhatIf driver=d /> })}
    }
}

/// One driver moved by a slider, the KPIs following it live.
#[component]
fn WhatIf(driver: RiskDriver) -> impl IntoView {
    let store = expect_context::<Store>();
    // The slider's position: percent of the value (−50 to +100), or months for the approvals
    // (their range's bounds).
    let months = driver.unit() == Unit::Months;
    let (min, max, scale) = if months {
        let b = driver.bounds();
        (b.min as i32, b.max as i32, 1.0)
    } else {
        (-50, 100, 100.0)
    };
    let position = RwSignal::new(0i32);
    let base = Memo::new(move |_| store.results.get());
    let moved = Memo::new(move |_| {
        let change = f64::from(position.get()) / scale;
        store.view.with(|v| what_if(v, &[(driver, change)]))
    });
    let kpi = move |label: Text, m: Measure| {
        let value = move || {
            let (now, then) = (m.of(&moved.get()), m.of(&base.get()));
            let d = now - then;
            let sign = if d > 0.0 { "+" } else { "" };
            let diff = match m {
                Measure::MaxPppShare => {
                    format!(
                        "{sign}{} {}",
                        crate::words::display::fixed(d * 100.0, 1),
                        t(Text::PercentagePoints)
                    )
                }
                _ => format!("{sign}{}", money(d)),
            };
            Text::Parenthesized.fill(
                crate::ui::shell::state::lang(),
                &[&measure_text(m, now), &diff],
            )
        };
        view! { <div class="kpi" data-testid="whatif-kpi"><span class="kpi-label">{move || t(label)}</span><span class="kpi-value">{value}</span></div> }
    };
    let monetized = move || {
        moved.with(|r| {
            r.rate(&Group::Overall)
                .map(|m| fmt_pct(m.rate))
                .unwrap_or_default()
        })
    };
    view! {
        <div class="whatif" data-testid="whatif">
            <h3>{move || Text::WhatIfTitle.fill(store.lang.get(), &[&driver.label().tr(store.lang.get())])}</h3>
            <label class="field">
                <span class="label">{move || {
                    let text = if months { Text::WhatIfMonths } else { Text::WhatIfChange };
                    text.fill(store.lang.get(), &[&format!("{:+}", position.get())])
                }}</span>
                <input
                    type="range" min=min.to_string() max=max.to_string() step="1"
                    data-testid="whatif-slider"
                    prop:value=move || position.get().to_string()
                    on:input=move |ev| position.set(event_target_value(&ev).parse().unwrap_or(0))
                />
            </label>
            <div class="kpis">
                {kpi(Text::KpiFiscalPv, Measure::FiscalPv)}
                {kpi(Text::KpiPeakFiscal, Measure::PeakFiscal)}
                {kpi(Text::KpiPppShare, Measure::MaxPppShare)}
                <div class="kpi" data-testid="whatif-kpi"><span class="kpi-label">{move || t(Text::KpiMonetizedOverall)}</span><span class="kpi-value">{monetized}</span></div>
            </div>
        </div>
    }
}

/// Each driver's low / most likely / high change, the draws, the seed and the ceiling.
#[component]
fn Ranges() -> impl IntoView {
    let store = expect_context::<Store>();
    let settings = move || store.plan.with(|p| p.risk.clone());
    // A refused value is named at its field; the plan keeps the last good settings.
    let set = move |s: RiskSettings, error: RwSignal<Option<String>>| {
        store.dispatch_naming(Edit::SetRisk { risk: Box::new(s) }, error);
    };
    let row = move |d: RiskDriver| {
        let error = RwSignal::new(None::<String>);
        let part =
            move |label: Text, get: fn(&Range) -> f64, put: fn(&mut Range, f64), key: &str| {
                view! {
                    <td><NumberInput
                        label=label
                        percent=d.unit() == Unit::Percent
                        unit=if d.unit() == Unit::Months { Unit::Months } else { Unit::None }
                        value=Signal::derive(move || Some(get(&settings().range(d))))
                        on_change=Callback::new(move |v: Option<f64>| {
                            let s = settings();
                            let mut r = s.range(d);
                            put(&mut r, v.unwrap_or(0.0));
                            set(s.with_range(d, r), error);
                        })
                        testid=format!("range-{key}-{}", d.key())
                    /></td>
                }
            };
        view! {
            <tr data-testid="range-row" data-driver=d.key()>
                <th>{move || t(d.label())}<span class="error" role="status" data-testid="range-error">{move || error.get()}</span></th>
                {part(Text::RangeLow, |r| r.low, |r, v| r.low = v, "low")}
                {part(Text::RangeMode, |r| r.mode, |r, v| r.mode = v, "mode")}
                {part(Text::RangeHigh, |r| r.high, |r, v| r.high = v, "high")}
            </tr>
        }
    };
    let run_error = RwSignal::new(None::<String>);
    view! {
        <h2>{move || t(Text::RiskRangesTitle)}</h2>
        <p class="hint">{move || t(Text::RiskRangesHint)}</p>
        <table class="data compact risk-ranges" data-testid="risk-ranges">
            <tbody>{RiskDriver::ALL.into_iter().map(row).collect_view()}</tbody>
        </table>
        <div class="grid">
            <NumberInput
                label=Text::RiskDraws
                value=Signal::derive(move || Some(f64::from(settings().draws)))
                on_change=Callback::new(move |v: Option<f64>| {
                    let draws = v.unwrap_or(0.0).clamp(0.0, f64::from(u32::MAX)) as u32;
                    set(RiskSettings { draws, ..settings() }, run_error)
                })
                testid="risk-draws"
            />
            <NumberInput
                label=Text::RiskSeed
                value=Signal::derive(move || Some(settings().seed as f64))
                on_change=Callback::new(move |v: Option<f64>| {
                    let seed = v.unwrap_or(0.0).clamp(0.0, 9.0e15) as u64;
                    set(RiskSettings { seed, ..settings() }, run_error)
                })
                testid="risk-seed"
            />
            <NumberInput
                label=Text::RiskCeiling
                optional=true
                unit=crate::calc::fields::Unit::Wan
                value=Signal::derive(move || settings().ceiling)
                on_change=Callback::new(move |ceiling: Option<f64>| set(RiskSettings { ceiling, ..settings() }, run_error))
                testid="risk-ceiling"
            />
        </div>
        <Show when=move || run_error.with(Option::is_some)>
            <p class="banner error" role="alert">{move || run_error.get()}</p>
        </Show>
    }
}

#[component]
fn MonteCarlo() -> impl IntoView {
    let store = expect_context::<Store>();
    let progress = RwSignal::new(None::<(usize, usize)>);
    let running = StoredValue::new_local(None::<Running>);
    let failed = RwSignal::new(None::<String>);
    let start = move |_| {
        if progress.get_untracked().is_some() {
            return;
        }
        failed.set(None);
        let key = run_key(store);
        let settings = store.plan.with_untracked(|p| p.risk.clone());
        progress.set(Some((0, settings.draws as usize)));
        let job = Job::Draws {
            view: store.view.get_untracked(),
            settings,
        };
        let begun = js_sys::Date::now();
        let (run, finished) = worker::run(
            store.worker_loading,
            store.lang.get_untracked(),
            &job,
            Vec::new(),
            move |p| {
                if let Progress::Drawing { done, total } = p {
                    progress.set(Some((done, total)));
                }
            },
        );
        running.set_value(Some(run));
        leptos::task::spawn_local(async move {
            match finished.await {
                Ok((Outcome::Drawn { summary }, _)) => {
                    store.risk.set(Some(RiskOutcome {
                        summary: *summary,
                        key,
                    }));
                    store.risk_ms.set(Some(js_sys::Date::now() - begun));
                }
                Err(Stopped::Failed(message)) => failed.set(Some(message)),
                Ok(_) | Err(Stopped::Cancelled) => {}
            }
            running.set_value(None);
            progress.set(None);
        });
    };
    let cancel = move || {
        if let Some(r) = running.get_value() {
            r.cancel();
        }
    };
    view! {
        <h2>{move || t(Text::RiskRunTitle)}</h2>
        <div class="merge-actions">
            <button type="button" data-testid="risk-run" on:click=start disabled=move || progress.with(Option::is_some)>
                {move || t(Text::RiskRun)}
            </button>
            <Show when=move || progress.with(Option::is_some)>
                <progress data-testid="risk-progress" max=move || progress.get().map_or(1, |p| p.1).to_string() value=move || progress.get().map_or(0, |p| p.0).to_string()></progress>
                <span>{move || progress.get().map(|(d, n)| Text::RiskProgress.fill(store.lang.get(), &[&d, &n]))}</span>
                <button type="button" data-testid="risk-cancel" on:click=move |_| cancel()>{move || t(Text::Cancel)}</button>
            </Show>
        </div>
        <Show when=move || failed.with(Option::is_some)>
            <p class="banner error" role="alert" data-testid="risk-failed">{move || failed.get()}</p>
        </Show>
        <Show when=move || store.risk.with(Option::is_some)>
            <RiskResults />
        </Show>
    }
}

/// The last run: its seed and time, the fans, the odds, the percentiles, the influences.
#[component]
fn RiskResults() -> impl IntoView {
    let store = expect_context::<Store>();
    let stale = Memo::new(move |_| {
        store
            .risk
            .with(|o| o.as_ref().is_some_and(|o| o.key != run_key(store)))
    });
    let fan = Memo::new(move |_| {
        store.risk.with(|o| {
            o.as_ref()
                .map(|o| {
                    crate::present::charts::ChartJson::from(fan_chart(&o.summary, store.lang.get()))
                })
                .unwrap_or_default()
        })
    });
    let fan_ppp = Memo::new(move |_| {
        let a = store.view.with(|v| {
            (
                v.assumptions.ppp_cap,
                v.assumptions.ppp_new_project_threshold,
            )
        });
        store.risk.with(|o| {
            o.as_ref()
                .map(|o| {
                    crate::present::charts::ChartJson::from(fan_ppp_chart(
                        &o.summary,
                        a.0,
                        a.1,
                        store.lang.get(),
                    ))
                })
                .unwrap_or_default()
        })
    });
    move || {
        store.risk.get().map(|o| {
        let s = o.summary;
        let lang = store.lang.get();
        view! {
            <p class="hint" data-testid="risk-seed-shown">
                {Text::RiskRanWith.fill(lang, &[&s.draws, &s.seed, &format!("{:.0}", store.risk_ms.get().unwrap_or(0.0))])}
                {move || stale.get().then(|| t(Text::RiskStale))}
            </p>
            <ChartHost testid="chart-fan" chart=fan />
            <ChartHost testid="chart-fan-ppp" chart=fan_ppp />
            <Breaches summary=s.clone() />
            <LateStarts summary=s.clone() />
            <table class="data compact risk-percentiles" data-testid="risk-percentiles">
                <thead><tr><th></th><th class="num">"P10"</th><th class="num">"P50"</th><th class="num">"P90"</th></tr></thead>
                <tbody>
                    {[(Measure::FiscalPv, s.fiscal_pv), (Measure::PeakFiscal, s.peak_fiscal), (Measure::MaxPppShare, s.max_ppp_share)].into_iter().map(|(m, b)| view! {
                        <tr><th>{t(m.label())}</th><td class="num">{measure_text(m, b.p10)}</td><td class="num">{measure_text(m, b.p50)}</td><td class="num">{measure_text(m, b.p90)}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <h3>{t(Text::RiskInfluence)}</h3>
            <table class="data compact risk-influence" data-testid="risk-influence">
                <tbody>
                    {s.influence.iter().map(|(d, rho)| view! {
                        <tr><th>{t(d.label())}</th><td class="num">{format!("{rho:+.2}")}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
    })
    }
}

/// Odds above which a line is marked as likely.
const LIKELY: f64 = 0.1;

/// Per year: the households whose money comes too late for the year's starts.
#[component]
fn LateStarts(summary: Summary) -> impl IntoView {
    let lang = expect_context::<Store>().lang.get_untracked();
    let households = |v: f64| crate::words::display::fmt_number(v, 0);
    view! {
        <h3>{t(Text::LateStartTitle)}</h3>
        <p class="hint">{t(Text::LateStartHint)}</p>
        <table class="data compact late-start" data-testid="late-start">
            <thead><tr>
                <th>{t(Text::ColYearHeader)}</th>
                <th>{t(Text::LateStartDeadline)}</th>
                <th class="num">{t(Text::LateStartTask)}</th>
                <th class="num">{t(Text::LateStartNow)}</th>
                <th class="num">{t(Text::LateStartOdds)}</th>
                <th class="num">{t(Text::LateStartP50)}</th>
                <th class="num">{t(Text::LateStartP90)}</th>
            </tr></thead>
            <tbody>
                {summary.late_start.into_iter().map(|l| {
                    let likely = l.p_late > LIKELY;
                    view! {
                    <tr data-testid="late-start-row" data-year=l.year class:warn=likely>
                        <th>{l.year}</th>
                        <td>{l.deadline.label(lang)}</td>
                        <td class="num">{households(l.households as f64)}</td>
                        <td class="num">{households(l.now as f64)}</td>
                        <td class="num">{fmt_pct(l.p_late)}</td>
                        <td class="num">{households(l.late.p50)}</td>
                        <td class="num">{households(l.late.p90)}</td>
                    </tr>
                }}).collect_view()}
            </tbody>
        </table>
    }
}

/// The odds of crossing each line.
#[component]
fn Breaches(summary: Summary) -> impl IntoView {
    let lang = expect_context::<Store>().lang.get_untracked();
    let mut rows: Vec<(String, f64)> = vec![
        (Text::BreachPppCap.tr(lang).into(), summary.p_ppp_cap),
        (Text::BreachPppTier.tr(lang).into(), summary.p_ppp_tier),
    ];
    if let Some(p) = summary.p_ceiling {
        rows.push((Text::BreachCeiling.tr(lang).into(), p));
    }
    rows.extend(summary.p_missed.iter().map(|(g, target, p)| {
        let name = crate::calc::rules::group_name(g, lang);
        (
            Text::BreachMissed.fill(lang, &[&name, &fmt_pct(*target)]),
            *p,
        )
    }));
    view! {
        <table class="data compact breach" data-testid="breach-probability">
            <thead><tr><th>{t(Text::BreachWhat)}</th><th>{t(Text::BreachOdds)}</th></tr></thead>
            <tbody>
                {rows.into_iter().map(|(what, p)| {
                    let likely = p > LIKELY;
                    view! { <tr data-testid="breach-row" class:warn=likely><th>{what}</th><td>{fmt_pct(p)}</td></tr> }
                }).collect_view()}
            </tbody>
        </table>
    }
}
