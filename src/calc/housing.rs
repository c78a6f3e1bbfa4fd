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
