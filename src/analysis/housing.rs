//! Demand against the housing stock: for each planned year and district, the households that
//! need a flat on the market (self-purchase, and government purchase beyond the government's
//! offers) against the homes open to them, the government's purchases against its offers, the
//! months of sales the stock represents (消化周期), and the findings (docs/model.md, 房源库).

use serde::Serialize;

use crate::calc::housing::{HousingStock, UnitKind};
use crate::calc::model::{Month, ResettlementWay};
use crate::calc::simulate::{Group, Results};
use crate::document::plan::Plan;
use crate::words::i18n::{Lang, Text};

/// Where monetized resettlement should be held back: stock that sells out in under 15 months
/// (住房城乡建设部等 2017-08; 2018-07: little stock or rising prices → build).
pub const SHORT_CYCLE_MONTHS: f64 = 15.0;

/// One district in one planned year, cumulative to that year's end.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StockRow {
    pub year: i32,
    pub district: String,
    /// Households choosing self-purchase, 房票 and government purchase, in the years to this one.
    pub self_purchase: u64,
    pub voucher: u64,
    pub government_purchase: u64,
    /// Units the government offers in the district by the year's end.
    pub offers: u64,
    /// Homes on the market open to the district's households by the year's end.
    pub stock: u64,
    /// Households that need a market home: self-purchase, 房票, and government purchase beyond
    /// the offers.
    pub demand: u64,
}

impl StockRow {
    /// Homes short (0 when the stock covers the demand).
    pub fn short(&self) -> u64 {
        self.demand.saturating_sub(self.stock)
    }
}

/// What the stock says about the plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum HousingFinding {
    /// More households need a market home than the stock open to them by the year's end.
    DemandAboveStock {
        year: i32,
        district: String,
        demand: u64,
        stock: u64,
    },
    /// The government buys more flats than it has offers for.
    PurchaseAboveOffers {
        year: i32,
        district: String,
        purchase: u64,
        offers: u64,
    },
    /// Monetized above the district's target where the district's stock sells out in under 15
    /// months.
    ShortCycle {
        district: String,
        months: f64,
        rate: f64,
        target: f64,
    },
    /// The central city, the counties or the whole city: more households need market homes than
    /// the listings open to its districts hold, each listing counted once (a listing open to two
    /// districts is counted in each district's row).
    GroupAboveStock {
        year: i32,
        group: Group,
        demand: u64,
        stock: u64,
    },
    /// The price the plan pays for the flats the government buys in a district (its projects'
    /// purchase price, by households) differs from its offers' price (by units) by more than a
    /// tenth: the government's purchase is costed at a price it has not been offered.
    OfferPriceDiffers {
        district: String,
        offered: f64,
        costed: f64,
    },
}

/// How far the costed purchase price may be from the offers' before it is named.
pub const PRICE_TOLERANCE: f64 = 0.10;

impl HousingFinding {
    pub fn message(&self, lang: Lang) -> String {
        use crate::words::i18n::fmt_pct;
        match self {
            HousingFinding::DemandAboveStock {
                year,
                district,
                demand,
                stock,
            } => Text::FindStockShort.fill(lang, &[year, district, demand, stock]),
            HousingFinding::PurchaseAboveOffers {
                year,
                district,
                purchase,
                offers,
            } => Text::FindOffersShort.fill(lang, &[year, district, purchase, offers]),
            HousingFinding::ShortCycle {
                district,
                months,
                rate,
                target,
            } => Text::FindShortCycle.fill(
                lang,
                &[
                    district,
                    &crate::words::display::fixed(*months, 1),
                    &fmt_pct(*rate),
                    &fmt_pct(*target),
                ],
            ),
            HousingFinding::GroupAboveStock {
                year,
                group,
                demand,
                stock,
            } => Text::FindGroupStockShort.fill(
                lang,
                &[
                    year,
                    &crate::calc::rules::group_name(group, lang),
                    demand,
                    stock,
                ],
            ),
            HousingFinding::OfferPriceDiffers {
                district,
                offered,
                costed,
            } => Text::FindOfferPrice.fill(
                lang,
                &[
                    district,
                    &crate::words::i18n::fmt_number(*offered, 0),
                    &crate::words::i18n::fmt_number(*costed, 0),
                    &fmt_pct(costed / offered - 1.0),
                ],
            ),
        }
    }
}

/// A district's offers' price (元/m², by units) and the price its projects' government purchases
/// are costed at (by households choosing it); `None` without either.
pub fn offer_and_costed_price(plan: &Plan, district: &str) -> Option<(f64, f64)> {
    let (mut units, mut value) = (0.0, 0.0);
    for o in plan
        .housing
        .offers
        .iter()
        .filter(|o| o.district == district)
    {
        units += f64::from(o.units);
        value += f64::from(o.units) * o.price;
    }
    let (mut households, mut paid) = (0.0, 0.0);
    for p in plan.projects.iter().filter(|p| p.district == district) {
        let n =
            ResettlementWay::GovernmentPurchase.amount(&p.resettlement.households(p.households));
        let price = p.costs.resolve(&plan.assumptions.costs).purchase_price;
        households += n as f64;
        paid += n as f64 * price;
    }
    (units > 0.0 && households > 0.0).then(|| (value / units, paid / households))
}

/// Whether the plan says anything of `district`'s stock: a listing open to it, an offer in it or
/// its sales. A district with none is not checked (a stock not yet entered is not a shortage).
pub fn entered(s: &HousingStock, district: &str) -> bool {
    s.listings.iter().any(|l| l.open_to(district))
        || s.offers.iter().any(|o| o.district == district)
        || s.sales_of(district).is_some()
}

fn homes_by(
    s: &HousingStock,
    end: Month,
    open: impl Fn(&crate::calc::housing::Listing) -> bool,
) -> u64 {
    s.listings
        .iter()
        .filter(|l| l.kind == UnitKind::Home && l.from <= end && open(l))
        .map(|l| u64::from(l.units))
        .sum()
}

/// Every district with a stock entered, for each year of the window: demand against stock.
pub fn demand_vs_stock(plan: &Plan) -> Vec<StockRow> {
    plan.districts()
        .into_iter()
        .filter(|d| entered(&plan.housing, d))
        .flat_map(|d| district_rows(plan, &d))
        .collect()
}

/// One district's rows of `demand_vs_stock`, a year each.
fn district_rows(plan: &Plan, district: &str) -> Vec<StockRow> {
    let (mut own, mut voucher, mut bought) = (0u64, 0u64, 0u64);
    let mut out = Vec::new();
    for year in plan.first_year..=plan.last_year() {
        for p in plan
            .projects
            .iter()
            .filter(|p| p.year == year && p.district == district)
        {
            let n = p.resettlement.households(p.households);
            own += ResettlementWay::SelfPurchase.amount(&n);
            voucher += ResettlementWay::Voucher.amount(&n);
            bought += ResettlementWay::GovernmentPurchase.amount(&n);
        }
        let (stock, offers) = usable_by(&plan.housing, district, year);
        out.push(StockRow {
            year,
            district: district.to_string(),
            self_purchase: own,
            voucher,
            government_purchase: bought,
            offers,
            stock,
            demand: own + voucher + bought.saturating_sub(offers),
        });
    }
    out
}

/// What `district`'s households can use by the end of `year`: the market homes open to them and
/// the government's offers in the district (units).
pub fn usable_by(s: &HousingStock, district: &str, year: i32) -> (u64, u64) {
    let end = Month::january(year).plus(11);
    let offers = s
        .offers
        .iter()
        .filter(|o| o.district == district && o.month <= end)
        .map(|o| u64::from(o.units))
        .sum();
    (homes_by(s, end, |l| l.open_to(district)), offers)
}

/// Whether every district with a stock entered (or `district` alone) has its demand within its
/// stock in every planned year: what the optimizer's stock rows hold.
pub fn within_stock(plan: &Plan, district: Option<&str>) -> bool {
    let rows = match district {
        // The optimizer asks this of one district after each move: that district's rows alone.
        Some(d) if entered(&plan.housing, d) => district_rows(plan, d),
        Some(_) => return true,
        None => demand_vs_stock(plan),
    };
    rows.iter().all(|r| r.short() == 0)
}

/// The 消化周期 of a district: the homes listed in it (on the market by the window's start or
/// later) over its monthly sales; `None` without sales.
pub fn cycle_months(s: &HousingStock, district: &str) -> Option<f64> {
    let sales = s.sales_of(district).filter(|v| *v > 0.0)?;
    let homes: u64 = s
        .listings
        .iter()
        .filter(|l| l.kind == UnitKind::Home && l.district == district)
        .map(|l| u64::from(l.units))
        .sum();
    Some(homes as f64 / sales)
}

/// The findings: each district and year short of stock or of offers, the city short of stock,
/// and each district monetized above its target where its stock sells out in under 15 months.
pub fn housing_findings(plan: &Plan, results: &Results) -> Vec<HousingFinding> {
    let s = &plan.housing;
    if s.is_empty() {
        return Vec::new();
    }
    let rows = demand_vs_stock(plan);
    let mut out = Vec::new();
    for r in &rows {
        if r.demand > r.stock {
            out.push(HousingFinding::DemandAboveStock {
                year: r.year,
                district: r.district.clone(),
                demand: r.demand,
                stock: r.stock,
            });
        }
        if r.government_purchase > r.offers && s.offers.iter().any(|o| o.district == r.district) {
            out.push(HousingFinding::PurchaseAboveOffers {
                year: r.year,
                district: r.district.clone(),
                purchase: r.government_purchase,
                offers: r.offers,
            });
        }
    }
    let central = |d: &str| {
        plan.projects
            .iter()
            .any(|p| p.district == d && p.central_city)
    };
    for year in plan.first_year..=plan.last_year() {
        for group in [Group::CentralCity, Group::Counties, Group::Overall] {
            let of_group: Vec<&StockRow> = rows
                .iter()
                .filter(|r| r.year == year)
                .filter(|r| match group {
                    Group::CentralCity => central(&r.district),
                    Group::Counties => !central(&r.district),
                    _ => true,
                })
                .collect();
            let demand: u64 = of_group.iter().map(|r| r.demand).sum();
            let end = Month::january(year).plus(11);
            // Listings open to one of its districts, each once.
            let stock = homes_by(s, end, |l| of_group.iter().any(|r| l.open_to(&r.district)));
            // A group of one district says what its row says.
            if of_group.len() > 1 && demand > stock {
                out.push(HousingFinding::GroupAboveStock {
                    year,
                    group: group.clone(),
                    demand,
                    stock,
                });
            }
        }
    }
    for district in plan.districts() {
        if let Some((offered, costed)) = offer_and_costed_price(plan, &district) {
            if (costed / offered - 1.0).abs() > PRICE_TOLERANCE {
                out.push(HousingFinding::OfferPriceDiffers {
                    district: district.clone(),
                    offered,
                    costed,
                });
            }
        }
        let Some(months) = cycle_months(s, &district) else {
            continue;
        };
        let Some(m) = results.rate(&Group::District(district.clone())) else {
            continue;
        };
        if months < SHORT_CYCLE_MONTHS && m.households > 0 && m.rate > m.target + 1e-12 {
            out.push(HousingFinding::ShortCycle {
                district,
                months,
                rate: m.rate,
                target: m.target,
            });
        }
    }
    out
}

/// What the plan's vouchers come to over its projects (as the simulation costs them).
pub fn voucher_totals(plan: &Plan) -> crate::calc::voucher::VoucherTotals {
    let mut out = crate::calc::voucher::VoucherTotals::default();
    for p in plan
        .projects
        .iter()
        .filter(|p| p.resettlement.voucher > 0.0)
    {
        let c = crate::calc::costs::project_costs(p, &plan.assumptions);
        out.add(
            ResettlementWay::Voucher.amount(&c.households),
            &c.timing.vouchers,
        );
    }
    out
}
