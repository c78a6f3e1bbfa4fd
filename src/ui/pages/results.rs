//! 测算结果: KPI cards, the findings, the yearly table and the charts, all read from the core's results.

use leptos::prelude::*;

use crate::calc::model::Instrument;
use crate::calc::simulate::{Group, Results, YearResult};
use crate::present::charts;
use crate::ui::shell::state::{lang, t, Store};
use crate::ui::widgets::chart_host::ChartHost;
use crate::ui::widgets::findings::Findings;
use crate::words::display::{fmt_units, round_rows, WAN_DECIMALS};
use crate::words::i18n::{fmt_pct, fmt_year, fmt_yi, Text};

/// A KPI: label, value, and optionally whether its target is met.
#[component]
fn Kpi(
    label: Text,
    testid: &'static str,
    value: Signal<String>,
    #[prop(optional)] detail: Option<Signal<String>>,
    #[prop(optional)] ok: Option<Signal<bool>>,
) -> impl IntoView {
    view! {
        <div
            class="kpi"
            data-testid=testid
            class:pass=move || ok.map(|o| o.get()) == Some(true)
            class:miss=move || ok.map(|o| o.get()) == Some(false)
        >
            <div class="kpi-label">{move || t(label)}</div>
            <div class="kpi-value">{move || value.get()}</div>
            {move || detail.map(|d| view! { <div class="kpi-detail">{d.get()}</div> })}
            {move || {
                ok.map(|o| {
                    let pass = o.get();
                    view! {
                        <div class="kpi-status" data-status=if pass { "pass" } else { "miss" }>
                            {if pass { t(Text::Pass) } else { t(Text::Miss) }}
                        </div>
                    }
                })
            }}
        </div>
    }
}

/// Monetized-rate KPI of one group against its target.
fn rate_kpi(store: Store, group: Group, label: Text, testid: &'static str) -> impl IntoView {
    let (g1, g2, g3) = (group.clone(), group.clone(), group);
    let value = Signal::derive(move || {
        store.results.with(|r| {
            r.rate(&g1)
                .map(|m| fmt_pct(m.rate))
                .unwrap_or_else(|| "—".into())
        })
    });
    let detail = Signal::derive(move || {
        store.results.with(|r| {
            r.rate(&g2)
                .map(|m| format!("{} {}", t(Text::Target), fmt_pct(m.target)))
                .unwrap_or_default()
        })
    });
    let ok = Signal::derive(move || {
        store
            .results
            .with(|r| r.rate(&g3).is_none_or(|m| m.meets_target()))
    });
    view! { <Kpi label=label testid=testid value=value detail=detail ok=ok /> }
}

#[component]
pub fn Kpis() -> impl IntoView {
    let store = expect_context::<Store>();
    let r = store.results;
    let cap = Signal::derive(move || store.view.with(|p| p.assumptions.ppp_cap));
    view! {
        <div class="kpis">
            <Kpi
                label=Text::KpiInvestment
                testid="kpi-investment"
                value=Signal::derive(move || format!("{} {}", r.with(|r| fmt_yi(r.totals.investment)), t(Text::UnitYi)))
            />
            {rate_kpi(store, Group::Overall, Text::KpiMonetizedOverall, "kpi-monetized-rate")}
            {rate_kpi(store, Group::CentralCity, Text::KpiMonetizedCentral, "kpi-monetized-central")}
            {rate_kpi(store, Group::Counties, Text::KpiMonetizedCounties, "kpi-monetized-counties")}
            <Kpi
                label=Text::KpiPeakFiscal
                testid="kpi-peak-fiscal-burden"
                value=Signal::derive(move || format!("{} {}", r.with(|r| fmt_yi(r.totals.peak_fiscal_burden)), t(Text::UnitYi)))
                detail=Signal::derive(move || r.with(|r| fmt_year(r.totals.peak_year, lang())))
            />
            <Kpi
                label=Text::KpiFiscalPv
                testid="kpi-fiscal-pv"
                value=Signal::derive(move || format!("{} {}", r.with(|r| fmt_yi(r.totals.fiscal_burden_pv)), t(Text::UnitYi)))
            />
            <Kpi
                label=Text::KpiPppShare
                testid="kpi-ppp-share"
                value=Signal::derive(move || r.with(|r| fmt_pct(r.totals.max_ppp_share)))
                detail=Signal::derive(move || {
                    format!(
                        "{} · {} {}",
                        r.with(|r| fmt_year(r.totals.max_ppp_share_year, lang())),
                        t(Text::Cap),
                        fmt_pct(cap.get())
                    )
                })
                ok=Signal::derive(move || r.with(|r| r.totals.max_ppp_share <= cap.get()))
            />
            <Kpi
                label=Text::KpiWait
                testid="kpi-wait"
                value=Signal::derive(move || {
                    format!("{}{}", r.with(|r| crate::words::display::fixed(r.totals.avg_wait_months, 0)), t(Text::Months))
                })
            />
        </div>
    }
}

/// A column of the yearly table: its label and a year's value.
type YearColumn = (Text, Box<dyn Fn(&YearResult) -> f64 + Send + Sync>);

/// Investment, the money each instrument raises (from the financing declaration), the fiscal
/// burden with its PPP part, and debt outstanding (the last column: a stock, no total).
fn yearly_columns() -> Vec<YearColumn> {
    let mut cols: Vec<YearColumn> = vec![(
        Text::InvestmentTotal,
        Box::new(|y: &YearResult| y.investment.total()),
    )];
    cols.extend(Instrument::ALL.iter().map(|&i| -> YearColumn {
        (
            i.label(),
            Box::new(move |y: &YearResult| i.amount(&y.sources)),
        )
    }));
    cols.push((Text::FiscalBurden, Box::new(|y| y.fiscal.total())));
    cols.push((
        Instrument::Ppp.burden().1,
        Box::new(|y| y.fiscal.by_instrument.ppp),
    ));
    cols.push((Text::DebtOutstanding, Box::new(|y| y.debt.total())));
    cols
}

#[component]
pub fn YearlyTable() -> impl IntoView {
    let store = expect_context::<Store>();
    let cols = yearly_columns();
    let n = cols.len();
    let cols = StoredValue::new(cols);
    // Each year's figure rounded on its own, each column's total the sum of its rows as shown
    // (debt is a stock: no total).
    let table = Memo::new(move |_| {
        store.results.with(|r: &Results| {
            cols.with_value(|cols| {
                cols.iter()
                    .map(|(_, f)| {
                        round_rows(&r.years.iter().map(f).collect::<Vec<_>>(), WAN_DECIMALS)
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <div class="table-scroll">
            <table class="data yearly" data-testid="yearly-table">
                <caption>{move || t(Text::YearlyTable)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || t(Text::ColYearHeader)}</th>
                        {cols.with_value(|c| c.iter().map(|(label, _)| {
                            let label = *label;
                            view! { <th scope="col" class="num">{move || t(label)}</th> }
                        }).collect_view())}
                        <th scope="col" class="num">{move || t(Text::PppShare)}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let years: Vec<(i32, f64)> = store.results.with(|r| r.years.iter().map(|y| (y.year, y.ppp_share)).collect());
                        table.with(|cols| {
                            years
                                .iter()
                                .enumerate()
                                .map(|(i, (year, share))| {
                                    view! {
                                        <tr data-testid="year-row">
                                            <th scope="row">{fmt_year(*year, lang())}</th>
                                            {(0..n).map(|c| view! { <td class="num">{fmt_units(cols[c].0[i], WAN_DECIMALS)}</td> }).collect_view()}
                                            <td class="num">{fmt_pct(*share)}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        })
                    }}
                </tbody>
                <tfoot>
                    <tr data-testid="year-total">
                        <th scope="row">{move || t(Text::TotalRow)}</th>
                        {move || table.with(|cols| {
                            (0..n)
                                .map(|c| {
                                    // Debt outstanding is a year-end stock; summing years means nothing.
                                    let text = if c == n - 1 { String::new() } else { fmt_units(cols[c].1, WAN_DECIMALS) };
                                    view! { <td class="num">{text}</td> }
                                })
                                .collect_view()
                        })}
                        <td></td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}

/// Memoized chart options built by the pure builders.
#[derive(Clone, Copy)]
pub struct ChartMemos {
    pub funding: Memo<crate::present::charts::ChartJson>,
    pub fiscal: Memo<crate::present::charts::ChartJson>,
    pub monetized: Memo<crate::present::charts::ChartJson>,
    pub mix: Memo<crate::present::charts::ChartJson>,
    pub debt: Memo<crate::present::charts::ChartJson>,
    pub ppp: Memo<crate::present::charts::ChartJson>,
}

impl ChartMemos {
    pub fn new(store: Store) -> Self {
        let r = store.results;
        let l = store.lang;
        Self {
            funding: Memo::new(move |_| r.with(|r| charts::funding_chart(r, l.get()).into())),
            fiscal: Memo::new(move |_| r.with(|r| charts::fiscal_chart(r, l.get()).into())),
            monetized: Memo::new(move |_| r.with(|r| charts::monetized_chart(r, l.get()).into())),
            mix: Memo::new(move |_| r.with(|r| charts::mix_chart(r, l.get()).into())),
            debt: Memo::new(move |_| r.with(|r| charts::debt_chart(r, l.get()).into())),
            ppp: Memo::new(move |_| {
                let cap = store.view.with(|p| p.assumptions.ppp_cap);
                r.with(|r| charts::ppp_chart(r, cap, l.get()).into())
            }),
        }
    }
}

#[component]
pub fn ResultsPage() -> impl IntoView {
    let charts = expect_context::<ChartMemos>();
    view! {
        <section class="results">
            <Kpis />
            <Findings />
            <crate::ui::pages::housing::HousingNotes link=true />
            <div class="charts">
                <ChartHost testid="chart-funding" chart=charts.funding />
                <ChartHost testid="chart-fiscal" chart=charts.fiscal />
                <ChartHost testid="chart-ppp" chart=charts.ppp />
                <ChartHost testid="chart-monetized" chart=charts.monetized />
                <ChartHost testid="chart-mix" chart=charts.mix />
                <ChartHost testid="chart-debt" chart=charts.debt />
            </div>
            <YearlyTable />
            <YearTargets />
        </section>
    }
}

/// Each planned year's list against the targets (the central city, the counties, the city).
#[component]
fn YearTargets() -> impl IntoView {
    let store = expect_context::<Store>();
    let table = Signal::derive(move || {
        store
            .results
            .with(|r| crate::present::report::year_targets_table(r, lang()))
    });
    view! {
        <section class="year-targets">
            <h3>{move || t(Text::YearTargetsTitle)}</h3>
            <crate::ui::widgets::report_table::ReportTable testid="year-targets" table=table />
        </section>
    }
}
