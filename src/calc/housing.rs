//! The housing stock (房源库) monetized households can use: the market's listings per district,
//! the government's group-purchase and 收储 offers, and the market's monthly sales (for the
//! 消化周期); declared here, read by validation and `analysis::housing`.

use serde::{Deserialize, Serialize};

use crate::calc::measure::{Bounds, Problem};
use crate::calc::model::Month;
use crate::words::i18n::Text;

/// What a listing sells: homes count for households; parking and shops are listed for the
/// record (a household is not rehoused in a parking space).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    #[default]
    Home,
    Parking,
    Shop,
}

impl UnitKind {
    pub const ALL: [UnitKind; 3] = [UnitKind::Home, UnitKind::Parking, UnitKind::Shop];

    /// As the document names it.
    pub fn key(self) -> &'static str {
        match self {
            UnitKind::Home => "home",
            UnitKind::Parking => "parking",
            UnitKind::Shop => "shop",
        }
    }

    pub fn label(self) -> Text {
        match self {
            UnitKind::Home => Text::UnitKindHome,
            UnitKind::Parking => Text::UnitKindParking,
            UnitKind::Shop => Text::UnitKindShop,
        }
    }
}

/// A 楼盘 or a batch of it on the market: where, how many units of what, their size and price,
/// from which month, and which districts' households may buy there (none named: its own).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Listing {
    pub district: String,
    pub name: String,
    #[serde(default)]
    pub kind: UnitKind,
    pub units: u32,
    /// Average floor area of a unit, m².
    pub area_m2: f64,
    /// 元/m².
    pub price: f64,
    pub from: Month,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub open_to: Vec<String>,
}

impl Listing {
    /// Whether households of `district` may buy here.
    pub fn open_to(&self, district: &str) -> bool {
        if self.open_to.is_empty() {
            self.district == district
        } else {
            self.open_to.iter().any(|d| d == district)
        }
    }
}

/// The government's group purchase or 收储 offer in a district: units at a price from a month
/// (what its 政府购买 households can be given).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PurchaseOffer {
    pub district: String,
    pub units: u32,
    /// 元/m².
    pub price: f64,
    pub month: Month,
}

/// A district's commodity-housing sales, units a month (the 消化周期 divides the stock by it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MarketSales {
    pub district: String,
    pub units_per_month: f64,
}

/// The plan's housing stock.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct HousingStock {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub listings: Vec<Listing>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offers: Vec<PurchaseOffer>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sales: Vec<MarketSales>,
}

/// Prices up to 200,000 元/m², areas 1–2,000 m² a unit, sales up to 100,000 units a month.
pub const PRICE_BOUNDS: Bounds = Bounds::new(0.0, 200_000.0);
pub const AREA_BOUNDS: Bounds = Bounds::new(1.0, 2_000.0);
pub const SALES_BOUNDS: Bounds = Bounds::new(0.0, 100_000.0);
/// The longest name or district kept.
pub const NAME_MAX: usize = 60;

impl HousingStock {
    pub fn is_empty(&self) -> bool {
        *self == HousingStock::default()
    }

    /// A district's monthly sales, if the plan has them.
    pub fn sales_of(&self, district: &str) -> Option<f64> {
        self.sales
            .iter()
            .find(|s| s.district == district)
            .map(|s| s.units_per_month)
    }

    /// This stock with `district`'s own rows (its listings, the offers in it, its sales)
    /// replaced by `from`'s rows of that district: a county's submission of its stock.
    pub fn with_district_of(&self, district: &str, from: &HousingStock) -> HousingStock {
        fn swap<T: Clone>(ours: &[T], theirs: &[T], of: impl Fn(&T) -> bool) -> Vec<T> {
            let mut out: Vec<T> = ours.iter().filter(|x| !of(x)).cloned().collect();
            out.extend(theirs.iter().filter(|x| of(x)).cloned());
            out
        }
        HousingStock {
            listings: swap(&self.listings, &from.listings, |l| l.district == district),
            offers: swap(&self.offers, &from.offers, |o| o.district == district),
            sales: swap(&self.sales, &from.sales, |s| s.district == district),
        }
    }

    /// Every problem, with the row it is in (listings, then offers, then sales, each counted
    /// from 1 in its list): a figure out of bounds, an empty or overlong name, a district's
    /// sales given twice.
    pub fn problems(&self) -> Vec<(StockRow, Problem)> {
        let mut out = Vec::new();
        let text = |s: &str| {
            let n = s.chars().count();
            if s.trim().is_empty() {
                Some(Problem::Empty)
            } else if n > NAME_MAX {
                Some(Problem::TooLong {
                    length: n,
                    max: NAME_MAX,
                })
            } else {
                None
            }
        };
        for (i, l) in self.listings.iter().enumerate() {
            let row = StockRow::Listing(i + 1);
            let checks = [
                text(&l.district),
                text(&l.name),
                AREA_BOUNDS.check(l.area_m2),
                PRICE_BOUNDS.check(l.price),
            ];
            let named = l.open_to.iter().map(|d| text(d));
            out.extend(checks.into_iter().chain(named).flatten().map(|p| (row, p)));
        }
        for (i, o) in self.offers.iter().enumerate() {
            let row = StockRow::Offer(i + 1);
            let checks = [text(&o.district), PRICE_BOUNDS.check(o.price)];
            out.extend(checks.into_iter().flatten().map(|p| (row, p)));
        }
        for (i, s) in self.sales.iter().enumerate() {
            let row = StockRow::Sales(i + 1);
            let twice = self.sales[..i]
                .iter()
                .any(|o| o.district == s.district)
                .then_some(Problem::DuplicateId);
            let checks = [
                text(&s.district),
                SALES_BOUNDS.check(s.units_per_month),
                twice,
            ];
            out.extend(checks.into_iter().flatten().map(|p| (row, p)));
        }
        out
    }
}

/// A row of the stock, counted from 1 in its list (what a message names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StockRow {
    Listing(usize),
    Offer(usize),
    Sales(usize),
}

/// A count of units as typed or read: whole and not negative, else `None`.
pub fn whole_units(v: f64) -> Option<u32> {
    (v >= 0.0 && v.fract() == 0.0 && v <= f64::from(u32::MAX)).then_some(v as u32)
}

/// Districts as a planner lists them (a listing's `open_to`): separated by 、 , ， ; or ；.
pub fn district_list(text: &str) -> Vec<String> {
    text.split(['、', ',', '，', ';', '；'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// The stock's three lists, as the page's tables and the stock workbook show them: one
/// declaration of their columns, read and written by column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StockList {
    Listings,
    Offers,
    Sales,
}

/// A column of one of the lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StockColumn {
    District,
    Name,
    Kind,
    Units,
    Area,
    Price,
    From,
    OpenTo,
    SalesPerMonth,
}

/// A cell's value, in the form its column takes.
#[derive(Debug, Clone, PartialEq)]
pub enum StockValue {
    Text(String),
    Number(f64),
    Units(u32),
    Month(Month),
    Kind(UnitKind),
    Districts(Vec<String>),
}

impl StockColumn {
    pub fn label(self) -> Text {
        match self {
            StockColumn::District => Text::ColDistrict,
            StockColumn::Name => Text::StockListingName,
            StockColumn::Kind => Text::StockKind,
            StockColumn::Units => Text::StockUnits,
            StockColumn::Area => Text::StockArea,
            StockColumn::Price => Text::StockPrice,
            StockColumn::From => Text::StockFrom,
            StockColumn::OpenTo => Text::StockOpenTo,
            StockColumn::SalesPerMonth => Text::StockSalesPerMonth,
        }
    }

    /// Its name in test ids.
    pub fn key(self) -> &'static str {
        match self {
            StockColumn::District => "district",
            StockColumn::Name => "name",
            StockColumn::Kind => "kind",
            StockColumn::Units => "units",
            StockColumn::Area => "area",
            StockColumn::Price => "price",
            StockColumn::From => "from",
            StockColumn::OpenTo => "open-to",
            StockColumn::SalesPerMonth => "per-month",
        }
    }
}

impl StockList {
    pub const ALL: [StockList; 3] = [StockList::Listings, StockList::Offers, StockList::Sales];

    pub fn label(self) -> Text {
        match self {
            StockList::Listings => Text::StockListings,
            StockList::Offers => Text::StockOffers,
            StockList::Sales => Text::StockSales,
        }
    }

    /// Its sheet in the stock workbook (a sheet's name cannot hold "/").
    pub fn sheet_name(self) -> Text {
        match self {
            StockList::Listings => Text::SheetStockListings,
            StockList::Offers => Text::SheetStockOffers,
            StockList::Sales => Text::SheetStockSales,
        }
    }

    /// The label of its 添加 button.
    pub fn add_label(self) -> Text {
        match self {
            StockList::Listings => Text::StockAddListing,
            StockList::Offers => Text::StockAddOffer,
            StockList::Sales => Text::StockAddSales,
        }
    }

    /// Its name in test ids (`listing-row`, `offer-units`).
    pub fn key(self) -> &'static str {
        match self {
            StockList::Listings => "listing",
            StockList::Offers => "offer",
            StockList::Sales => "sales",
        }
    }

    pub fn columns(self) -> &'static [StockColumn] {
        use StockColumn::*;
        match self {
            StockList::Listings => &[District, Name, Kind, Units, Area, Price, From, OpenTo],
            StockList::Offers => &[District, Units, Price, From],
            StockList::Sales => &[District, SalesPerMonth],
        }
    }

    pub fn len(self, s: &HousingStock) -> usize {
        match self {
            StockList::Listings => s.listings.len(),
            StockList::Offers => s.offers.len(),
            StockList::Sales => s.sales.len(),
        }
    }

    pub fn remove(self, s: &mut HousingStock, k: usize) {
        if k < self.len(s) {
            match self {
                StockList::Listings => drop(s.listings.remove(k)),
                StockList::Offers => drop(s.offers.remove(k)),
                StockList::Sales => drop(s.sales.remove(k)),
            }
        }
    }

    /// Adds a row for `district` from `from`, with no units yet (a listing named `name`).
    pub fn push(self, s: &mut HousingStock, district: String, from: Month, name: String) {
        match self {
            StockList::Listings => s.listings.push(Listing {
                district,
                name,
                kind: UnitKind::Home,
                units: 0,
                area_m2: 90.0,
                price: 6_000.0,
                from,
                open_to: Vec::new(),
            }),
            StockList::Offers => s.offers.push(PurchaseOffer {
                district,
                units: 0,
                price: 6_000.0,
                month: from,
            }),
            StockList::Sales => s.sales.push(MarketSales {
                district,
                units_per_month: 0.0,
            }),
        }
    }

    /// Row `k`'s value in column `c`; `None` for a row or column the list does not have.
    pub fn get(self, s: &HousingStock, k: usize, c: StockColumn) -> Option<StockValue> {
        use StockColumn as C;
        use StockValue as V;
        Some(match self {
            StockList::Listings => {
                let l = s.listings.get(k)?;
                match c {
                    C::District => V::Text(l.district.clone()),
                    C::Name => V::Text(l.name.clone()),
                    C::Kind => V::Kind(l.kind),
                    C::Units => V::Units(l.units),
                    C::Area => V::Number(l.area_m2),
                    C::Price => V::Number(l.price),
                    C::From => V::Month(l.from),
                    C::OpenTo => V::Districts(l.open_to.clone()),
                    C::SalesPerMonth => return None,
                }
            }
            StockList::Offers => {
                let o = s.offers.get(k)?;
                match c {
                    C::District => V::Text(o.district.clone()),
                    C::Units => V::Units(o.units),
                    C::Price => V::Number(o.price),
                    C::From => V::Month(o.month),
                    _ => return None,
                }
            }
            StockList::Sales => {
                let x = s.sales.get(k)?;
                match c {
                    C::District => V::Text(x.district.clone()),
                    C::SalesPerMonth => V::Number(x.units_per_month),
                    _ => return None,
                }
            }
        })
    }

    /// Sets row `k`'s column `c`; false (and nothing changed) when the value is not of the
    /// column's form or the row is not there.
    pub fn set(self, s: &mut HousingStock, k: usize, c: StockColumn, v: StockValue) -> bool {
        use StockColumn as C;
        use StockValue as V;
        match self {
            StockList::Listings => {
                let Some(l) = s.listings.get_mut(k) else {
                    return false;
                };
                match (c, v) {
                    (C::District, V::Text(t)) => l.district = t,
                    (C::Name, V::Text(t)) => l.name = t,
                    (C::Kind, V::Kind(x)) => l.kind = x,
                    (C::Units, V::Units(n)) => l.units = n,
                    (C::Area, V::Number(x)) => l.area_m2 = x,
                    (C::Price, V::Number(x)) => l.price = x,
                    (C::From, V::Month(m)) => l.from = m,
                    (C::OpenTo, V::Districts(d)) => l.open_to = d,
                    _ => return false,
                }
            }
            StockList::Offers => {
                let Some(o) = s.offers.get_mut(k) else {
                    return false;
                };
                match (c, v) {
                    (C::District, V::Text(t)) => o.district = t,
                    (C::Units, V::Units(n)) => o.units = n,
                    (C::Price, V::Number(x)) => o.price = x,
                    (C::From, V::Month(m)) => o.month = m,
                    _ => return false,
                }
            }
            StockList::Sales => {
                let Some(x) = s.sales.get_mut(k) else {
                    return false;
                };
                match (c, v) {
                    (C::District, V::Text(t)) => x.district = t,
                    (C::SalesPerMonth, V::Number(n)) => x.units_per_month = n,
                    _ => return false,
                }
            }
        }
        true
    }
}
