//! 房源库: the housing stock monetized households can use (listings, the government's offers,
//! the market's sales), demand against it by district and year, and its findings; each change
//! to the stock is one `Edit`, refused with its row named.

use leptos::prelude::*;

use crate::analysis::housing::{cycle_months, demand_vs_stock, housing_findings};
use crate::calc::housing::{HousingStock, Listing, MarketSales, PurchaseOffer, UnitKind};
use crate::calc::model::Month;
use crate::document::edit::Edit;
use crate::ui::shell::state::{lang, t, Store, Tab};
use crate::ui::widgets::fields::NumberInput;
use crate::words::display::fixed;
use crate::words::i18n::Text;

#[component]
pub fn HousingPage() -> impl IntoView {
    view! {
        <section class="page housing-page" data-testid="housing-page">
            <h2>{move || t(Text::NavHousing)}</h2>
            <p class="hint">{move || t(Text::HousingIntro)}</p>
            <HousingNotes link=false />
            <DemandTable />
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
            view! {
                <div class="housing-notes" data-testid="housing-notes">
                    <h3>{move || t(Text::HousingFindingsTitle)}
                        {link.then(|| view! {
                            " " <button type="button" class="link" data-testid="housing-open"
                                on:click=move |_| store.tab.set(Tab::Housing)>{move || t(Text::NavHousing)}</button>
                        })}
                    </h3>
                    {none.then(|| view! { <p data-testid="housing-ok">{move || t(Text::HousingNoFinding)}</p> })}
                    <ul>{notes.into_iter().map(|n| view! { <li class="finding miss" data-testid="housing-finding">{n}</li> }).collect_view()}</ul>
                </div>
            }
        })
    }
}

/// Demand against stock, per district and year (cumulative to the year's end), with each
/// district's 消化周期.
#[component]
fn DemandTable() -> impl IntoView {
    let store = expect_context::<Store>();
    let rows = Memo::new(move |_| {
        store.view.with(|p| {
            demand_vs_stock(p)
                .into_iter()
                .map(|r| {
                    let cycle = cycle_months(&p.housing, &r.district);
                    (r, cycle)
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div class="table-scroll">
            <table class="data compact" data-testid="stock-demand">
                <caption>{move || t(Text::StockDemandTitle)}</caption>
                <thead><tr>
                    <th scope="col">{move || t(Text::ColYear)}</th>
                    <th scope="col">{move || t(Text::ColDistrict)}</th>
                    <th scope="col" class="num">{move || t(Text::StockSelfPurchase)}</th>
                    <th scope="col" class="num">{move || t(Text::StockGovPurchase)}</th>
                    <th scope="col" class="num">{move || t(Text::StockOfferUnits)}</th>
                    <th scope="col" class="num">{move || t(Text::StockDemand)}</th>
                    <th scope="col" class="num">{move || t(Text::StockHomes)}</th>
                    <th scope="col" class="num">{move || t(Text::StockShort)}</th>
                    <th scope="col" class="num">{move || t(Text::StockCycle)}</th>
                </tr></thead>
                <tbody>
                    {move || {
                        let rows = rows.get();
                        if rows.is_empty() {
                            return view! { <tr><td colspan="9" data-testid="stock-empty">{move || t(Text::StockEmpty)}</td></tr> }.into_any();
                        }
                        rows.into_iter().map(|(r, cycle)| {
                            let short = r.short();
                            view! {
                                <tr data-testid="stock-row" data-district=r.district.clone() data-year=r.year class:miss={short > 0}>
                                    <td>{r.year}</td>
                                    <td>{r.district.clone()}</td>
                                    <td class="num">{r.self_purchase}</td>
                                    <td class="num">{r.government_purchase}</td>
                                    <td class="num">{r.offers}</td>
                                    <td class="num" data-testid="stock-demand-cell">{r.demand}</td>
                                    <td class="num" data-testid="stock-homes-cell">{r.stock}</td>
                                    <td class="num" data-testid="stock-short-cell">{short}</td>
                                    <td class="num">{cycle.map_or("—".to_string(), |m| fixed(m, 1))}</td>
                                </tr>
                            }
                        }).collect_view().into_any()
                    }}
                </tbody>
            </table>
        </div>
    }
}

/// The three lists of the stock, each row editable, added and removed; one edit per change.
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
        <ListingTable stock=stock change=change />
        <OfferTable stock=stock change=change />
        <SalesTable stock=stock change=change />
    }
}

type Change = Callback<Box<dyn Fn(&mut HousingStock)>>;

/// A text cell that commits on change.
fn text_cell(
    testid: &'static str,
    label: Text,
    value: String,
    put: impl Fn(String) + 'static,
) -> impl IntoView {
    view! {
        <td><input type="text" data-testid=testid aria-label=move || t(label) prop:value=value
            on:change=move |ev| put(event_target_value(&ev)) /></td>
    }
}

/// A number cell.
fn number_cell(
    testid: &'static str,
    label: Text,
    value: f64,
    put: impl Fn(f64) + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <td><NumberInput label=label value=Signal::derive(move || Some(value))
            on_change=Callback::new(move |v: Option<f64>| if let Some(v) = v { put(v) })
            testid=testid /></td>
    }
}

/// A count of units: a fraction or a negative is named beside the field and not passed on.
fn units_cell(
    testid: &'static str,
    value: u32,
    put: impl Fn(u32) + Send + Sync + 'static,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let on_change = Callback::new(move |v: Option<f64>| {
        let whole = v.filter(|v| *v >= 0.0 && v.fract() == 0.0 && *v <= f64::from(u32::MAX));
        error.set(
            whole
                .is_none()
                .then(|| Text::ErrNotWhole.fill(lang(), &[&Text::StockUnits.tr(lang())])),
        );
        if let Some(n) = whole {
            put(n as u32)
        }
    });
    view! {
        <td><NumberInput label=Text::StockUnits value=Signal::derive(move || Some(f64::from(value)))
            on_change=on_change testid=testid error=error /></td>
    }
}

fn month_cell(
    testid: &'static str,
    label: Text,
    value: Month,
    put: impl Fn(Month) + 'static,
) -> impl IntoView {
    view! {
        <td><input type="month" data-testid=testid aria-label=move || t(label) prop:value=value.key()
            on:change=move |ev| if let Some(m) = Month::parse(&event_target_value(&ev)) { put(m) } /></td>
    }
}

fn remove_cell(change: Change, f: impl Fn(&mut HousingStock) + Clone + 'static) -> impl IntoView {
    view! {
        <td><button type="button" class="link" data-testid="stock-remove"
            on:click=move |_| change.run(Box::new(f.clone()))>{move || t(Text::Remove)}</button></td>
    }
}

/// The first district of the plan, for a new row.
fn first_district(store: Store) -> String {
    store
        .plan
        .with_untracked(|p| p.districts().into_iter().next())
        .unwrap_or_default()
}

fn first_month(store: Store) -> Month {
    Month::january(store.plan.with_untracked(|p| p.first_year))
}

#[component]
fn ListingTable(stock: Memo<HousingStock>, change: Change) -> impl IntoView {
    let store = expect_context::<Store>();
    let set = move |k: usize, f: Box<dyn Fn(&mut Listing)>| {
        change.run(Box::new(move |s| {
            if let Some(l) = s.listings.get_mut(k) {
                f(l)
            }
        }))
    };
    let add = move |_| {
        let (district, from) = (first_district(store), first_month(store));
        let name = Text::StockNewListing.tr(lang()).to_string();
        change.run(Box::new(move |s| {
            s.listings.push(Listing {
                district: district.clone(),
                name: name.clone(),
                kind: UnitKind::Home,
                units: 0,
                area_m2: 90.0,
                price: 6000.0,
                from,
                open_to: Vec::new(),
            })
        }))
    };
    let row = move |(k, l): (usize, Listing)| {
        let open_to = l.open_to.join("、");
        view! {
            <tr data-testid="listing-row">
                {text_cell("listing-district", Text::ColDistrict, l.district.clone(), move |v| set(k, Box::new(move |l| l.district = v.trim().to_string())))}
                {text_cell("listing-name", Text::StockListingName, l.name.clone(), move |v| set(k, Box::new(move |l| l.name = v.trim().to_string())))}
                <td><select data-testid="listing-kind" aria-label=move || t(Text::StockKind)
                    prop:value=format!("{:?}", l.kind)
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(kind) = UnitKind::ALL.into_iter().find(|x| format!("{x:?}") == v) {
                            set(k, Box::new(move |l| l.kind = kind));
                        }
                    }>
                    {UnitKind::ALL.map(|x| view! { <option value=format!("{x:?}")>{move || t(x.label())}</option> }).collect_view()}
                </select></td>
                {units_cell("listing-units", l.units, move |n| set(k, Box::new(move |l| l.units = n)))}
                {number_cell("listing-area", Text::StockArea, l.area_m2, move |v| set(k, Box::new(move |l| l.area_m2 = v)))}
                {number_cell("listing-price", Text::StockPrice, l.price, move |v| set(k, Box::new(move |l| l.price = v)))}
                {month_cell("listing-from", Text::StockFrom, l.from, move |m| set(k, Box::new(move |l| l.from = m)))}
                {text_cell("listing-open-to", Text::StockOpenTo, open_to, move |v| {
                    let named: Vec<String> = v.split(['、', ',', '，', ';', '；']).map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect();
                    set(k, Box::new(move |l| l.open_to = named.clone()))
                })}
                {remove_cell(change, move |s| { s.listings.remove(k); })}
            </tr>
        }
    };
    view! {
        <div class="table-scroll">
            <table class="data compact stock-table" data-testid="listing-table">
                <caption>{move || t(Text::StockListings)}</caption>
                <thead><tr>
                    <th scope="col">{move || t(Text::ColDistrict)}</th>
                    <th scope="col">{move || t(Text::StockListingName)}</th>
                    <th scope="col">{move || t(Text::StockKind)}</th>
                    <th scope="col">{move || t(Text::StockUnits)}</th>
                    <th scope="col">{move || t(Text::StockArea)}</th>
                    <th scope="col">{move || t(Text::StockPrice)}</th>
                    <th scope="col">{move || t(Text::StockFrom)}</th>
                    <th scope="col">{move || t(Text::StockOpenTo)}</th>
                    <th></th>
                </tr></thead>
                <tbody>{move || stock.get().listings.into_iter().enumerate().map(row).collect_view()}</tbody>
            </table>
        </div>
        <button type="button" data-testid="listing-add" on:click=add>{move || t(Text::StockAddListing)}</button>
    }
}

#[component]
fn OfferTable(stock: Memo<HousingStock>, change: Change) -> impl IntoView {
    let store = expect_context::<Store>();
    let set = move |k: usize, f: Box<dyn Fn(&mut PurchaseOffer)>| {
        change.run(Box::new(move |s| {
            if let Some(o) = s.offers.get_mut(k) {
                f(o)
            }
        }))
    };
    let add = move |_| {
        let (district, month) = (first_district(store), first_month(store));
        change.run(Box::new(move |s| {
            s.offers.push(PurchaseOffer {
                district: district.clone(),
                units: 0,
                price: 6000.0,
                month,
            })
        }))
    };
    let row = move |(k, o): (usize, PurchaseOffer)| {
        view! {
            <tr data-testid="offer-row">
                {text_cell("offer-district", Text::ColDistrict, o.district.clone(), move |v| set(k, Box::new(move |o| o.district = v.trim().to_string())))}
                {units_cell("offer-units", o.units, move |n| set(k, Box::new(move |o| o.units = n)))}
                {number_cell("offer-price", Text::StockPrice, o.price, move |v| set(k, Box::new(move |o| o.price = v)))}
                {month_cell("offer-month", Text::StockFrom, o.month, move |m| set(k, Box::new(move |o| o.month = m)))}
                {remove_cell(change, move |s| { s.offers.remove(k); })}
            </tr>
        }
    };
    view! {
        <div class="table-scroll">
            <table class="data compact stock-table" data-testid="offer-table">
                <caption>{move || t(Text::StockOffers)}</caption>
                <thead><tr>
                    <th scope="col">{move || t(Text::ColDistrict)}</th>
                    <th scope="col">{move || t(Text::StockUnits)}</th>
                    <th scope="col">{move || t(Text::StockPrice)}</th>
                    <th scope="col">{move || t(Text::StockFrom)}</th>
                    <th></th>
                </tr></thead>
                <tbody>{move || stock.get().offers.into_iter().enumerate().map(row).collect_view()}</tbody>
            </table>
        </div>
        <button type="button" data-testid="offer-add" on:click=add>{move || t(Text::StockAddOffer)}</button>
    }
}

#[component]
fn SalesTable(stock: Memo<HousingStock>, change: Change) -> impl IntoView {
    let store = expect_context::<Store>();
    let set = move |k: usize, f: Box<dyn Fn(&mut MarketSales)>| {
        change.run(Box::new(move |s| {
            if let Some(x) = s.sales.get_mut(k) {
                f(x)
            }
        }))
    };
    let add = move |_| {
        // The first district without a sales figure.
        let taken = stock.with_untracked(|s| {
            s.sales
                .iter()
                .map(|x| x.district.clone())
                .collect::<Vec<_>>()
        });
        let district = store
            .plan
            .with_untracked(|p| p.districts().into_iter().find(|d| !taken.contains(d)))
            .unwrap_or_default();
        change.run(Box::new(move |s| {
            s.sales.push(MarketSales {
                district: district.clone(),
                units_per_month: 0.0,
            })
        }))
    };
    let row = move |(k, x): (usize, MarketSales)| {
        view! {
            <tr data-testid="sales-row">
                {text_cell("sales-district", Text::ColDistrict, x.district.clone(), move |v| set(k, Box::new(move |x| x.district = v.trim().to_string())))}
                {number_cell("sales-units", Text::StockSalesPerMonth, x.units_per_month, move |v| set(k, Box::new(move |x| x.units_per_month = v)))}
                {remove_cell(change, move |s| { s.sales.remove(k); })}
            </tr>
        }
    };
    view! {
        <div class="table-scroll">
            <table class="data compact stock-table" data-testid="sales-table">
                <caption>{move || t(Text::StockSales)}</caption>
                <thead><tr>
                    <th scope="col">{move || t(Text::ColDistrict)}</th>
                    <th scope="col">{move || t(Text::StockSalesPerMonth)}</th>
                    <th></th>
                </tr></thead>
                <tbody>{move || stock.get().sales.into_iter().enumerate().map(row).collect_view()}</tbody>
            </table>
        </div>
        <button type="button" data-testid="sales-add" on:click=add>{move || t(Text::StockAddSales)}</button>
    }
}
