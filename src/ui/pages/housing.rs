//! 房源库: the housing stock monetized households can use (listings, the government's offers,
//! the market's sales), demand against it by district and year, and its findings; each change
//! to the stock is one `Edit`, refused with its row named.

use leptos::prelude::*;

use crate::analysis::housing::{cycle_months, demand_vs_stock, housing_findings, StockRow};
use crate::calc::housing::{
    district_list, whole_units, HousingStock, StockColumn, StockList, StockValue, UnitKind,
};
use crate::calc::model::Month;
use crate::document::edit::Edit;
use crate::present::charts::stock_chart;
use crate::ui::shell::state::{lang, t, Store, Tab};
use crate::ui::shell::sync::Session;
use crate::ui::shell::transfer;
use crate::ui::widgets::chart_host::ChartHost;
use crate::ui::widgets::fields::NumberInput;
use crate::ui::widgets::plans::{file_button, PROGRESS_FILES};
use crate::words::display::fixed;
use crate::words::i18n::Text;

#[component]
pub fn HousingPage() -> impl IntoView {
    let session = expect_context::<Session>();
    let store = expect_context::<Store>();
    // Demand against stock, once for the chart and the table.
    let rows = Memo::new(move |_| store.view.with(demand_vs_stock));
    // What the last import took (the plan's own message of a refusal shows as every import's).
    let taken = RwSignal::new(None::<String>);
    let import = move |session, file| {
        transfer::import_stock(session, file, move |said| taken.set(Some(said)))
    };
    view! {
        <section class="page housing-page" data-testid="housing-page">
            <h2>{move || t(Text::NavHousing)}</h2>
            <p class="hint">{move || t(Text::HousingIntro)}</p>
            <div class="board-actions">
                <button type="button" data-testid="stock-download" on:click=move |_| transfer::download_stock(session)>
                    {move || t(Text::StockDownload)}
                </button>
                {file_button(session, Text::StockImport, PROGRESS_FILES, "stock-import", import)}
            </div>
            {move || taken.get().map(|s| view! { <p class="notice" role="status" data-testid="stock-imported">{s}</p> })}
            <HousingNotes link=false />
            <StockChart rows=rows />
            <DemandTable rows=rows />
            <crate::ui::pages::vouchers::VoucherSection />
            <StockEditor />
        </section>
    }
}

/// The stock's findings (demand above stock, purchases above offers, a short 消化周期), or
/// that there are none; on 房源库, 安置方式 and 测算结果 alike (with a link to 房源库 when `link`).
/// Nothing while the plan has no stock.
#[component]
pub fn HousingNotes(link: bool) -> impl IntoView {
    let store = expect_context::<Store>();
    let notes = Memo::new(move |_| {
        store.view.with(|p| {
            (!p.housing.is_empty()).then(|| {
                store.results.with(|r| {
                    housing_findings(p, r)
                        .iter()
                        .map(|f| f.message(lang()))
                        .collect::<Vec<_>>()
                })
            })
        })
    });
    move || {
        notes.get().map(|notes| {
            let none = notes.is_empty();
            let count = notes.len();
            let list = view! {
                {none.then(|| view! { <p data-testid="housing-ok">{move || t(Text::HousingNoFinding)}</p> })}
                <ul>{notes.into_iter().map(|n| view! { <li class="finding miss" data-testid="housing-finding">{n}</li> }).collect_view()}</ul>
            };
            if !link {
                return view! {
                    <div class="housing-notes" data-testid="housing-notes">
                        <h3>{move || t(Text::HousingFindingsTitle)}</h3>
                        {list}
                    </div>
                }
                .into_any();
            }
            // Elsewhere one line, opened on request: a long plan's list stays where it was.
            view! {
                <details class="housing-notes" data-testid="housing-notes">
                    <summary class:miss=!none>{move || Text::HousingFindingsCount.fill(lang(), &[&t(Text::HousingFindingsTitle), &count])}</summary>
                    {list}
                    <button type="button" class="link" data-testid="housing-open"
                        on:click=move |_| store.tab.set(Tab::Housing)>{move || t(Text::NavHousing)}</button>
                </details>
            }
            .into_any()
        })
    }
}

/// The chart of demand against stock (nothing while no stock is entered).
#[component]
fn StockChart(rows: Memo<Vec<StockRow>>) -> impl IntoView {
    let chart = Memo::new(move |_| {
        rows.with(|r| crate::present::charts::ChartJson::from(stock_chart(r, lang())))
    });
    move || {
        rows.with(|r| !r.is_empty()).then(
            || view! { <div class="charts"><ChartHost testid="chart-stock" chart=chart /></div> },
        )
    }
}

/// Demand against stock, per district and year (cumulative to the year's end), with each
/// district's 消化周期.
#[component]
fn DemandTable(rows: Memo<Vec<StockRow>>) -> impl IntoView {
    let store = expect_context::<Store>();
    const HEADS: [Text; 10] = [
        Text::ColYear,
        Text::ColDistrict,
        Text::StockSelfPurchase,
        Text::StockVoucher,
        Text::StockGovPurchase,
        Text::StockOfferUnits,
        Text::StockDemand,
        Text::StockHomes,
        Text::StockShort,
        Text::StockCycle,
    ];
    let shown = Memo::new(move |_| {
        store.view.with(|p| {
            rows.get()
                .into_iter()
                .map(|r| {
                    let cycle = cycle_months(&p.housing, &r.district);
                    let cells = [
                        r.year.to_string(),
                        r.district.clone(),
                        r.self_purchase.to_string(),
                        r.voucher.to_string(),
                        r.government_purchase.to_string(),
                        r.offers.to_string(),
                        r.demand.to_string(),
                        r.stock.to_string(),
                        r.short().to_string(),
                        cycle.map_or("—".to_string(), |m| fixed(m, 1)),
                    ];
                    (r.year, r.short() > 0, r.district, cells)
                })
                .collect::<Vec<_>>()
        })
    });
    let body = move || {
        let rows = shown.get();
        if rows.is_empty() {
            return view! { <tr><td colspan="10" data-testid="stock-empty">{move || t(Text::StockEmpty)}</td></tr> }.into_any();
        }
        rows.into_iter()
            .map(|(year, short, district, cells)| view! {
                <tr data-testid="stock-row" data-district=district data-year=year class:miss=short>
                    {cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                </tr>
            })
            .collect_view()
            .into_any()
    };
    view! {
        <div class="table-scroll">
            <table class="data compact stock-demand" data-testid="stock-demand">
                <caption>{move || t(Text::StockDemandTitle)}</caption>
                <thead><tr>{HEADS.map(|h| view! { <th scope="col">{move || t(h)}</th> }).collect_view()}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

/// The three lists of the stock, each row editable, added and removed; one edit per change,
/// a refused one named with its row.
#[component]
fn StockEditor() -> impl IntoView {
    let store = expect_context::<Store>();
    let error = RwSignal::new(None::<String>);
    let stock = Memo::new(move |_| store.plan.with(|p| p.housing.clone()));
    let change = Callback::new(move |f: Box<dyn Fn(&mut HousingStock)>| {
        let mut s = stock.get_untracked();
        f(&mut s);
        store.dispatch_naming(Edit::SetHousingStock { stock: Box::new(s) }, error);
    });
    view! {
        <h3>{move || t(Text::StockEditTitle)}</h3>
        {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="stock-error">{e}</p> })}
        {StockList::ALL.map(|list| view! { <StockTable list=list stock=stock change=change /> }).collect_view()}
    }
}

type Change = Callback<Box<dyn Fn(&mut HousingStock)>>;

/// One list of the stock as a table of inputs, its columns as `StockList` declares them.
#[component]
fn StockTable(list: StockList, stock: Memo<HousingStock>, change: Change) -> impl IntoView {
    let store = expect_context::<Store>();
    let add = move |_| {
        let (district, from) = store.plan.with_untracked(|p| {
            // A district without a row yet (sales are one per district), else the first.
            let districts = p.districts();
            let taken = |d: &String| {
                (0..list.len(&p.housing)).any(|k| {
                    list.get(&p.housing, k, StockColumn::District)
                        == Some(StockValue::Text(d.clone()))
                })
            };
            let d = districts.iter().find(|d| !taken(d)).or(districts.first());
            (d.cloned().unwrap_or_default(), Month::january(p.first_year))
        });
        let name = Text::StockNewListing.tr(lang()).to_string();
        change.run(Box::new(move |s| {
            list.push(s, district.clone(), from, name.clone())
        }));
    };
    let row = move |k: usize| {
        let cells = stock.with(|s| {
            list.columns()
                .iter()
                .filter_map(|&c| Some((c, list.get(s, k, c)?)))
                .collect::<Vec<_>>()
        });
        view! {
            <tr data-testid=format!("{}-row", list.key())>
                {cells.into_iter().map(|(c, v)| stock_cell(list, k, c, v, change)).collect_view()}
                <td><button type="button" class="link" data-testid="stock-remove"
                    on:click=move |_| change.run(Box::new(move |s| list.remove(s, k)))>{move || t(Text::Remove)}</button></td>
            </tr>
        }
    };
    view! {
        <div class="table-scroll">
            <table class="data compact stock-table" data-testid=format!("{}-table", list.key())>
                <caption>{move || t(list.label())}</caption>
                <thead><tr>
                    {list.columns().iter().map(|&c| view! { <th scope="col">{move || t(c.label())}</th> }).collect_view()}
                    <th></th>
                </tr></thead>
                <tbody>{move || (0..stock.with(|s| list.len(s))).map(row).collect_view()}</tbody>
            </table>
        </div>
        <button type="button" data-testid=format!("{}-add", list.key()) on:click=add>
            {move || t(list.add_label())}
        </button>
    }
}

/// One cell's input, of its column's form; a change sets that cell (one edit).
fn stock_cell(list: StockList, k: usize, c: StockColumn, v: StockValue, change: Change) -> AnyView {
    let testid = format!("{}-{}", list.key(), c.key());
    let put = move |v: StockValue| {
        change.run(Box::new(move |s| {
            list.set(s, k, c, v.clone());
        }))
    };
    let label = move || t(c.label());
    match v {
        StockValue::Text(s) => view! {
            <td><input type="text" data-testid=testid aria-label=label prop:value=s
                on:change=move |ev| put(StockValue::Text(event_target_value(&ev).trim().to_string())) /></td>
        }
        .into_any(),
        StockValue::Districts(d) => view! {
            <td><input type="text" data-testid=testid aria-label=label prop:value=d.join("、")
                on:change=move |ev| put(StockValue::Districts(district_list(&event_target_value(&ev)))) /></td>
        }
        .into_any(),
        StockValue::Month(m) => view! {
            <td><input type="month" data-testid=testid aria-label=label prop:value=m.key()
                on:change=move |ev| if let Some(m) = Month::parse(&event_target_value(&ev)) { put(StockValue::Month(m)) } /></td>
        }
        .into_any(),
        StockValue::Kind(kind) => view! {
            <td><select data-testid=testid aria-label=label prop:value=kind.key()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(kind) = UnitKind::ALL.into_iter().find(|x| x.key() == v) {
                        put(StockValue::Kind(kind));
                    }
                }>
                {UnitKind::ALL.map(|x| view! { <option value=x.key()>{move || t(x.label())}</option> }).collect_view()}
            </select></td>
        }
        .into_any(),
        StockValue::Number(x) => view! {
            <td><NumberInput label=c.label() value=Signal::derive(move || Some(x)) testid=testid
                on_change=Callback::new(move |v: Option<f64>| if let Some(v) = v { put(StockValue::Number(v)) }) /></td>
        }
        .into_any(),
        StockValue::Units(n) => {
            // A fraction or a negative is named beside the field and not passed on.
            let error = RwSignal::new(None::<String>);
            let on_change = Callback::new(move |v: Option<f64>| {
                let whole = v.and_then(whole_units);
                error.set(whole.is_none().then(|| Text::ErrNotWhole.fill(lang(), &[&t(c.label())])));
                if let Some(n) = whole {
                    put(StockValue::Units(n))
                }
            });
            view! {
                <td><NumberInput label=c.label() value=Signal::derive(move || Some(f64::from(n)))
                    on_change=on_change testid=testid error=error /></td>
            }
            .into_any()
        }
    }
}
