//! 方案对比: the baseline and every scenario side by side, differences from the baseline, and
//! their fiscal burden per year in one chart.

use leptos::prelude::*;

use super::chart_host::ChartHost;
use super::{lang, t, Store};
use crate::compare::{compare, compare_chart, MetricKind, METRICS};
use crate::i18n::{fmt_pct, fmt_yi, Text};

fn show(kind: MetricKind, v: f64) -> String {
    match kind {
        MetricKind::Share => fmt_pct(v),
        MetricKind::Count => format!("{v:.0}"),
        MetricKind::Money => format!("{} {}", fmt_yi(v), t(Text::UnitYi)),
    }
}

fn show_diff(kind: MetricKind, d: f64) -> String {
    let sign = if d > 0.0 { "+" } else { "" };
    match kind {
        MetricKind::Share => format!("{sign}{:.1} {}", d * 100.0, t(Text::PercentagePoints)),
        _ => format!("{sign}{}", show(kind, d)),
    }
}

#[component]
pub fn ComparePage() -> impl IntoView {
    let store = expect_context::<Store>();
    let all = Memo::new(move |_| {
        let l = store.lang.get();
        store.plan.with(|p| {
            compare(p, l)
                .into_iter()
                .map(|c| {
                    (
                        c.name,
                        METRICS
                            .iter()
                            .map(|m| (m.value)(&c.results))
                            .collect::<Vec<f64>>(),
                        c.results,
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let chart = Memo::new(move |_| {
        let l = store.lang.get();
        store.plan.with(|p| compare_chart(&compare(p, l), l))
    });
    view! {
        <section class="compare">
            <Show
                when=move || all.with(|a| a.len() > 1)
                fallback=move || view! { <p class="placeholder" data-testid="no-scenarios">{move || t(Text::NoScenarios)}</p> }
            >
                <table class="data" data-testid="compare-table">
                    <caption>{move || t(Text::CompareTitle)}</caption>
                    <thead>
                        <tr>
                            <th scope="col"></th>
                            {move || all.with(|a| a.iter().enumerate().map(|(i, (name, _, _))| {
                                let name = name.clone();
                                view! {
                                    <th scope="col" class="num">{name}</th>
                                    {(i > 0).then(|| view! { <th scope="col" class="num">{t(Text::Difference)}</th> })}
                                }
                            }).collect_view())}
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let _ = lang();
                            all.with(|a| METRICS.iter().enumerate().map(|(m, metric)| {
                                let base = a[0].1[m];
                                view! {
                                    <tr data-testid="compare-row">
                                        <th scope="row">{t(metric.label)}</th>
                                        {a.iter().enumerate().map(|(i, (_, values, _))| {
                                            let v = values[m];
                                            view! {
                                                <td class="num">{show(metric.kind, v)}</td>
                                                {(i > 0).then(|| view! { <td class="num diff">{show_diff(metric.kind, v - base)}</td> })}
                                            }
                                        }).collect_view()}
                                    </tr>
                                }
                            }).collect_view())
                        }}
                    </tbody>
                </table>
                <div class="charts">
                    <ChartHost testid="chart-compare" chart=chart />
                </div>
            </Show>
        </section>
    }
}
