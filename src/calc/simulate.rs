//! The year-by-year simulation: a scenario in, investment, sources, debt, fiscal burden,
//! monetized rates and rehousing out, in named stages: each project's costs → its sources →
//! its debt service → its fiscal burden, then the years, the groups and the totals.

use std::collections::BTreeMap;

use serde::de::Error as _;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::calc::costs::{Investment, ProjectCosts};
use crate::calc::finance::bond::{balance_ratio, bond_schedule};
use crate::calc::finance::discount::{present_value, Discount};
use crate::calc::finance::loan::loan_schedule;
use crate::calc::finance::ppp::{ppp_budget_share, ppp_spending, PppSpending, PppTerms};
use crate::calc::finance::service_purchase::{service_schedule, ServiceYear};
use crate::calc::finance::DebtYear;
use crate::calc::model::{Assumptions, Instrument, Project, ProjectId};
use crate::words::i18n::Text;

/// Money raised in a year, by instrument, 万元 (declared with the financing mix).
pub use crate::calc::model::Sources;

/// Debt outstanding at year end, 万元 (PPP capital is the partner's, not listed).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Debt {
    pub policy_loan: f64,
    /// The implementing entity's borrowing under service-purchase contracts.
    pub service_purchase: f64,
    pub special_bond: f64,
}

impl Debt {
    pub fn total(&self) -> f64 {
        self.policy_loan + self.service_purchase + self.special_bond
    }
}

/// What the government's budget pays in a year, 万元: for each financing instrument (read from
/// its declaration, so a new instrument needs nothing here) and the land revenue applied.
///
/// Serialized flat under each instrument's burden key (`Instrument::burden`), the names
/// plan-sim's JSON has always used.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct FiscalBurden {
    /// Per instrument: the capital fund from the city's own funds (after central subsidies),
    /// loan and bond interest and principal, service-purchase fees, PPP availability payments.
    pub by_instrument: Sources,
    /// Land revenue applied to that year's debt service (zero or negative).
    pub land_offset: f64,
}

/// The key of `FiscalBurden::land_offset` in plan-sim's JSON.
const LAND_OFFSET_KEY: &str = "land_offset";

impl FiscalBurden {
    /// The components in display order, with their catalogue keys: the instruments in declaration
    /// order, then the land offset.
    pub fn parts(&self) -> Vec<(Text, f64)> {
        self.components().map(|(_, label, v)| (label, v)).collect()
    }

    /// Summed in display order.
    pub fn total(&self) -> f64 {
        self.components().map(|(.., v)| v).sum()
    }

    /// The components in display order: JSON key, catalogue key, amount.
    fn components(&self) -> impl Iterator<Item = (&'static str, Text, f64)> + '_ {
        Instrument::ALL
            .iter()
            .map(|&i| {
                let (key, label) = i.burden();
                (key, label, i.amount(&self.by_instrument))
            })
            .chain([(LAND_OFFSET_KEY, Text::FiscLandOffset, self.land_offset)])
    }
}

impl Serialize for FiscalBurden {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut fields = s.serialize_struct("FiscalBurden", Instrument::ALL.len() + 1)?;
        for (key, _, v) in self.components() {
            fields.serialize_field(key, &v)?;
        }
        fields.end()
    }
}

impl<'de> Deserialize<'de> for FiscalBurden {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut named: BTreeMap<String, f64> = BTreeMap::deserialize(d)?;
        let mut take = |key: &'static str| {
            named
                .remove(key)
                .ok_or_else(|| D::Error::missing_field(key))
        };
        let mut burden = FiscalBurden {
            land_offset: take(LAND_OFFSET_KEY)?,
            ..FiscalBurden::default()
        };
        for &i in Instrument::ALL {
            *i.amount_mut(&mut burden.by_instrument) = take(i.burden().0)?;
        }
        Ok(burden)
    }
}

/// Households rehoused in a year (whole households).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Rehoused {
    pub monetized: u64,
    pub in_kind: u64,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct YearResult {
    pub year: i32,
    pub investment: Investment,
    pub sources: Sources,
    /// Central subsidies received (part of the capital fund).
    pub central_subsidy: f64,
    pub debt: Debt,
    pub fiscal: FiscalBurden,
    pub land_revenue: f64,
    /// Project income besides land sales (sales, parking, rents, operation).
    #[serde(default)]
    pub other_income: f64,
    pub budget_expenditure: f64,
    /// (this plan's + the city's other PPP payments) / general public budget expenditure.
    pub ppp_share: f64,
    /// What the PPP cap leaves for this plan's PPP payments: cap × budget − other PPP spending.
    pub ppp_room: f64,
    /// This plan's PPP fiscal spending by kind (财金〔2015〕21号); their sum is the fiscal
    /// burden's PPP part.
    #[serde(default)]
    pub ppp_spending: PppSpending,
    pub rehoused: Rehoused,
    /// Housing vouchers (房票) owed at year end: issued and not yet used or expired, used and
    /// not yet settled with the developer (a liability beside the debt, not borrowed).
    #[serde(default)]
    pub vouchers_owed: f64,
}

/// A grouping that monetized rates are reported for.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    District(String),
    CentralCity,
    Counties,
    Overall,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonetizedRate {
    pub group: Group,
    pub households: u64,
    pub monetized: u64,
    /// Monetized households / all households (0 when there are none).
    pub rate: f64,
    pub target: f64,
}

impl MonetizedRate {
    pub fn meets_target(&self) -> bool {
        self.households == 0 || self.rate + 1e-12 >= self.target
    }
}

/// Per-project results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectResult {
    pub id: ProjectId,
    pub name: String,
    pub year: i32,
    #[serde(default = "planned")]
    pub status: crate::calc::model::Status,
    /// Investment financed through PPP (the C of 财金〔2015〕21号), 万元.
    pub ppp_investment: f64,
    /// Investment financed by government purchase of services, 万元.
    #[serde(default)]
    pub service_purchase_investment: f64,
    /// Households by way of resettlement.
    pub households: Rehousing,
    pub investment: Investment,
    pub monetized_rate: f64,
    pub wait_months: f64,
    /// PV(land revenue) / PV(loan + bond debt service); `None` without debt.
    pub land_cover: Option<f64>,
    /// PV(land revenue) / PV(bond debt service) (财预〔2018〕28号); `None` without bonds.
    pub bond_balance: Option<f64>,
    /// Total debt service of loans and bonds, 万元.
    pub debt_service: f64,
    pub land_revenue: f64,
    /// Project income besides land sales, 万元: it repays the debt with the land revenue.
    #[serde(default)]
    pub other_income: f64,
    /// Land revenue left after the last year of debt service (资金结余), 万元.
    pub land_surplus: f64,
    /// Longest term of the project's bonds, years (0 without bonds).
    pub bond_term: u32,
}

impl ProjectResult {
    /// How the project's debt is repaid, as far as land revenue goes.
    pub fn repayment(&self) -> Repayment {
        match self.land_cover {
            None => Repayment::NoDebt,
            // Special bonds must balance from the land they are raised on (财预〔2018〕28号);
            // land revenue, where there is any, goes to the debt first (`apply_land`).
            Some(cover)
                if self.bond_balance.is_some()
                    || self.land_revenue > 0.0
                    || self.other_income > 0.0 =>
            {
                Repayment::Land { cover }
            }
            // No land revenue and no bonds: the loans and service fees are repaid from the
            // budget by design (配套基础设施), and a land cover of 0 says nothing.
            Some(_) => Repayment::Budget,
        }
    }
}

/// A project result read without a status (results written before it had one).
fn planned() -> crate::calc::model::Status {
    crate::calc::model::Status::Planning
}

/// Whether the plan relies on land revenue to repay a project's debt.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Repayment {
    NoDebt,
    /// Land revenue repays it: PV(land revenue) / PV(loan + bond debt service).
    Land {
        cover: f64,
    },
    /// The budget repays it: no land revenue, no special bonds.
    Budget,
}

/// Households by way of resettlement (declared with the resettlement mix).
pub use crate::calc::model::Rehousing;

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Totals {
    pub investment: f64,
    pub households: u64,
    pub monetized_households: u64,
    pub fiscal_burden: f64,
    pub fiscal_burden_pv: f64,
    pub peak_fiscal_burden: f64,
    pub peak_year: i32,
    pub max_ppp_share: f64,
    pub max_ppp_share_year: i32,
    /// Household-weighted average wait of in-kind households, months.
    pub avg_wait_months: f64,
    pub borrowed: f64,
    pub repaid: f64,
    pub rehousing: Rehousing,
    /// Land revenue left over after all debt service, 万元.
    pub land_surplus: f64,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Results {
    pub first_year: i32,
    pub years: Vec<YearResult>,
    pub projects: Vec<ProjectResult>,
    pub monetized: Vec<MonetizedRate>,
    /// The zones' monetized rates of each planned year's projects: the province assesses a
    /// year's list against the targets (a 三年规划 has three).
    #[serde(default)]
    pub monetized_by_year: Vec<YearRates>,
    pub totals: Totals,
}

/// The central city's, the counties' and the whole list's monetized rates of the projects
/// planned in `year`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YearRates {
    pub year: i32,
    pub rates: Vec<MonetizedRate>,
}

impl Results {
    pub fn rate(&self, group: &Group) -> Option<&MonetizedRate> {
        self.monetized.iter().find(|m| &m.group == group)
    }
}

/// One project's flows by year from its planned year (index 0), every stage of the simulation.
struct ProjectFlows {
    costs: ProjectCosts,
    /// Money raised per instrument per year.
    sources: Vec<Sources>,
    /// Central subsidy received per year (it pays part of the capital fund).
    subsidy: Vec<f64>,
    loan: Vec<DebtYear>,
    service: Vec<ServiceYear>,
    bonds: Vec<DebtYear>,
    /// PPP fiscal spending by kind: equity and supporting inputs with the investment, payments
    /// from the year after construction completes.
    ppp: Vec<PppSpending>,
    /// Land revenue per year, and the part of it applied to debt service (≤ 0).
    land: Vec<f64>,
    /// Other project income per year (every stream).
    income: Vec<f64>,
    land_applied: Vec<f64>,
    land_surplus: f64,
    /// Loan and bond debt service per year (what land revenue may repay).
    debt_service: Vec<f64>,
}

/// Stage 1–2: costs, then the money raised for them by each instrument.
fn sources(p: &Project, costs: &ProjectCosts) -> (Vec<Sources>, Vec<f64>) {
    let sources: Vec<Sources> = match &costs.drawn {
        // A forecast's funds in place to date, the rest by the mix.
        Some(drawn) => drawn.clone(),
        None => costs
            .by_year
            .iter()
            .map(|y| {
                let inv = y.total();
                let mut s = Sources::default();
                for &i in Instrument::ALL {
                    *i.amount_mut(&mut s) = inv * i.get(&p.financing);
                }
                s
            })
            .collect(),
    };
    // Central subsidies pay the capital fund pro rata; the city's budget pays the rest.
    let capital_total: f64 = sources.iter().map(|s| s.capital_fund).sum();
    let subsidy = p.central_subsidy.clamp(0.0, capital_total);
    let subsidy_flows = sources
        .iter()
        .map(|s| {
            if capital_total > 0.0 {
                subsidy * s.capital_fund / capital_total
            } else {
                0.0
            }
        })
        .collect();
    (sources, subsidy_flows)
}

/// Land revenue per year: `years` equal parts from `start_offset`.
fn land_flows(p: &Project) -> Vec<f64> {
    match p.land_revenue {
        Some(l) => crate::calc::model::equal_parts(l.amount, l.start_offset, l.years),
        None => Vec::new(),
    }
}

/// The project's other income per year, every stream summed.
fn income_flows(p: &Project) -> Vec<f64> {
    p.income.iter().fold(Vec::new(), |total, s| {
        summed(&total, &s.flows()).into_owned()
    })
}

/// Land revenue repays bonds first (they must balance on their own), then loans; what is not
/// yet needed is kept for later years; what is left at the end is the surplus (资金结余).
fn apply_land(land: &[f64], debt_service: &[f64]) -> (Vec<f64>, f64) {
    if land.is_empty() {
        // Nothing to apply: no list of zeros for every project without land revenue.
        return (Vec::new(), 0.0);
    }
    let horizon = land.len().max(debt_service.len());
    let at = |v: &[f64], k: usize| v.get(k).copied().unwrap_or(0.0);
    let mut reserve = 0.0;
    let applied = (0..horizon)
        .map(|k| {
            reserve += at(land, k);
            let used = reserve.min(at(debt_service, k));
            reserve -= used;
            -used
        })
        .collect();
    (applied, reserve)
}

/// The money `instrument` raises in each year of `sources`, in `buf`.
fn amounts<'b>(buf: &'b mut Vec<f64>, sources: &[Sources], instrument: Instrument) -> &'b [f64] {
    buf.clear();
    buf.extend(sources.iter().map(|s| instrument.amount(s)));
    buf
}

/// Stages 3–4: a project's debt service and what its budget pays, from its sources.
fn project_flows(p: &Project, a: &Assumptions) -> ProjectFlows {
    let costs = crate::calc::forecast::costs_as_run(p, a);
    let (sources, subsidy) = sources(p, &costs);
    // One buffer for the money each instrument raises per year (this runs for every project).
    let mut buf = Vec::with_capacity(sources.len());
    let used = |i: Instrument| i.get(&p.financing) > 0.0;
    let build_years = costs.completion_offset + 1;
    let loan = if used(Instrument::PolicyLoan) {
        from_first_draw(
            amounts(&mut buf, &sources, Instrument::PolicyLoan),
            |draws, _| loan_schedule(draws, &a.loan),
        )
    } else {
        Vec::new()
    };
    let service = if used(Instrument::ServicePurchase) {
        from_first_draw(
            amounts(&mut buf, &sources, Instrument::ServicePurchase),
            |draws, late| {
                service_schedule(
                    draws,
                    &a.service_purchase,
                    build_years.saturating_sub(late).max(1),
                )
            },
        )
    } else {
        Vec::new()
    };
    let bonds = if used(Instrument::SpecialBond) {
        bond_schedule(
            amounts(&mut buf, &sources, Instrument::SpecialBond),
            &a.bond,
        )
    } else {
        Vec::new()
    };
    // C covers all of the project's PPP-financed investment.
    let invested = amounts(&mut buf, &sources, Instrument::Ppp);
    let c: f64 = invested.iter().sum();
    let ppp = if c > 0.0 {
        let terms = PppTerms {
            form: a.ppp.form,
            profit_rate: a.ppp.profit_rate,
            discount_rate: a.ppp.discount_rate,
            subsidy_years: a.ppp.subsidy_years,
            annual_operating_cost: a.ppp.operating_cost_rate * c,
            annual_user_payment: a.ppp.user_payment_rate * c,
        };
        // Nothing is paid while the partner builds: payments start after completion.
        ppp_spending(invested, build_years, &terms, &p.ppp.stake(&a.ppp))
    } else {
        Vec::new()
    };
    let land = land_flows(p);
    let income = income_flows(p);
    let debt_service = debt_service(&loan, &bonds);
    // The project's income repays its debt, land sales and the other streams alike.
    let (land_applied, land_surplus) = apply_land(&summed(&land, &income), &debt_service);
    ProjectFlows {
        costs,
        sources,
        subsidy,
        loan,
        service,
        bonds,
        ppp,
        land,
        income,
        land_applied,
        land_surplus,
        debt_service,
    }
}

/// A debt's schedule with its term counted from its first draw: a project that starts late (a
/// forecast) draws nothing in its first years, and its loan runs its term from the year it
/// does. `schedule` gets the draws from the first and how many years later that is.
fn from_first_draw<T: Default + Clone>(
    draws: &[f64],
    schedule: impl FnOnce(&[f64], usize) -> Vec<T>,
) -> Vec<T> {
    let late = draws.iter().position(|&d| d != 0.0).unwrap_or(0);
    if late == 0 {
        return schedule(draws, 0);
    }
    let mut out = vec![T::default(); late];
    out.extend(schedule(&draws[late..], late));
    out
}

/// Two yearly flows added year by year (the longer one's length); `a` itself, uncopied, when
/// `b` is empty (most projects have no income besides land sales).
fn summed<'a>(a: &'a [f64], b: &[f64]) -> std::borrow::Cow<'a, [f64]> {
    if b.is_empty() {
        return std::borrow::Cow::Borrowed(a);
    }
    let at = |v: &[f64], k: usize| v.get(k).copied().unwrap_or(0.0);
    (0..a.len().max(b.len()))
        .map(|k| at(a, k) + at(b, k))
        .collect::<Vec<_>>()
        .into()
}

/// Loan and bond debt service per year (what land revenue may repay).
fn debt_service(loan: &[DebtYear], bonds: &[DebtYear]) -> Vec<f64> {
    let n = loan.len().max(bonds.len());
    (0..n)
        .map(|k| {
            loan.get(k).map_or(0.0, DebtYear::debt_service)
                + bonds.get(k).map_or(0.0, DebtYear::debt_service)
        })
        .collect()
}

/// Adds a project's flows into the plan's years from `off` (its planned year's index), all but
/// the first `skip` years of them (a carried project's years before the window, already spent).
fn accumulate(years: &mut Vec<YearResult>, off: usize, skip: usize, f: &ProjectFlows) {
    ensure_len(
        years,
        off + f
            .costs
            .by_year
            .len()
            .max(f.costs.handover_offset + 1)
            .saturating_sub(skip)
            .max(1),
    );
    let spent = f.costs.by_year.iter().zip(&f.sources).skip(skip);
    for (k, (c, s)) in spent.enumerate() {
        years[off + k].investment.add(c);
        years[off + k].sources.add(s);
    }
    let mut at = YearsFrom { years, off, skip };
    let capital = f
        .sources
        .iter()
        .zip(&f.subsidy)
        .map(|(s, sub)| s.capital_fund - sub);
    at.add(f.subsidy.iter().copied(), |y| &mut y.central_subsidy);
    at.add(capital, |y| &mut y.fiscal.by_instrument.capital_fund);
    at.add(f.loan.iter().map(DebtYear::debt_service), |y| {
        &mut y.fiscal.by_instrument.policy_loan
    });
    at.add(f.loan.iter().map(|d| d.outstanding), |y| {
        &mut y.debt.policy_loan
    });
    at.add(f.service.iter().map(|s| s.fee), |y| {
        &mut y.fiscal.by_instrument.service_purchase
    });
    at.add(f.service.iter().map(|s| s.financing.outstanding), |y| {
        &mut y.debt.service_purchase
    });
    at.add(f.bonds.iter().map(DebtYear::debt_service), |y| {
        &mut y.fiscal.by_instrument.special_bond
    });
    at.add(f.bonds.iter().map(|d| d.outstanding), |y| {
        &mut y.debt.special_bond
    });
    at.add(f.ppp.iter().map(PppSpending::total), |y| {
        &mut y.fiscal.by_instrument.ppp
    });
    at.add(f.ppp.iter().map(|k| k.equity), |y| {
        &mut y.ppp_spending.equity
    });
    at.add(f.ppp.iter().map(|k| k.operating), |y| {
        &mut y.ppp_spending.operating
    });
    at.add(f.ppp.iter().map(|k| k.risk), |y| &mut y.ppp_spending.risk);
    at.add(f.ppp.iter().map(|k| k.supporting), |y| {
        &mut y.ppp_spending.supporting
    });
    let vouchers = &f.costs.timing.vouchers;
    at.add(
        (0..f.costs.by_year.len()).map(|k| vouchers.owed_at(12 * (k as u32 + 1))),
        |y| &mut y.vouchers_owed,
    );
    at.add(f.land.iter().copied(), |y| &mut y.land_revenue);
    at.add(f.income.iter().copied(), |y| &mut y.other_income);
    at.add(f.land_applied.iter().copied(), |y| {
        &mut y.fiscal.land_offset
    });
    let years = at.years;
    let h = &f.costs.households;
    // Households rehoused before the window were rehoused then.
    if let Some(k) = f.costs.signing_offset.checked_sub(skip) {
        years[off + k].rehoused.monetized += h.monetized();
    }
    if let Some(k) = f.costs.handover_offset.checked_sub(skip) {
        years[off + k].rehoused.in_kind += h.in_kind();
    }
}

/// Where a project's flows go: the plan's years from `off` (its first counted year's index),
/// its own first `skip` years left out.
struct YearsFrom<'y> {
    years: &'y mut Vec<YearResult>,
    off: usize,
    skip: usize,
}

impl YearsFrom<'_> {
    /// Adds one of the project's yearly flows into `total` of the years. Zeros are skipped: an
    /// untouched total stays +0.0, as it always was, and a schedule that has run down to zeros
    /// does not lengthen the plan.
    fn add<I>(&mut self, values: I, total: impl Fn(&mut YearResult) -> &mut f64)
    where
        I: DoubleEndedIterator<Item = f64> + ExactSizeIterator + Clone,
    {
        // Most projects count from their planned year: no adapter in their way.
        if self.skip == 0 {
            add_flow(self.years, self.off, values, total);
        } else {
            add_flow(self.years, self.off, values.skip(self.skip), total);
        }
    }
}

/// Adds one yearly flow into `total` of `years` from `off`.
fn add_flow<I>(
    years: &mut Vec<YearResult>,
    off: usize,
    values: I,
    total: impl Fn(&mut YearResult) -> &mut f64,
) where
    I: DoubleEndedIterator<Item = f64> + ExactSizeIterator + Clone,
{
    let Some(last) = values.clone().rposition(|v| v != 0.0) else {
        return;
    };
    ensure_len(years, off + last + 1);
    for (y, v) in years[off..=off + last].iter_mut().zip(values) {
        if v != 0.0 {
            *total(y) += v;
        }
    }
}

fn ensure_len(years: &mut Vec<YearResult>, len: usize) {
    if years.len() < len {
        years.resize(len, YearResult::default());
    }
}

/// The per-project row of the results.
fn project_result(p: &Project, f: &ProjectFlows, a: &Assumptions, d: &Discount) -> ProjectResult {
    let debt_ds = &f.debt_service;
    let bond_ds = || f.bonds.iter().map(DebtYear::debt_service);
    let debt_service: f64 = debt_ds.iter().sum();
    // The income's present value serves both ratios (nothing to add up without income).
    let pv_land = d.present_value(summed(&f.land, &f.income).iter().copied());
    ProjectResult {
        id: p.id.clone(),
        name: p.name.clone(),
        year: p.year,
        status: p.status,
        ppp_investment: f.sources.iter().map(|s| s.ppp).sum(),
        service_purchase_investment: f.sources.iter().map(|s| s.service_purchase).sum(),
        households: f.costs.households,
        investment: f.costs.total,
        monetized_rate: p.resettlement.monetized_share(),
        wait_months: f.costs.wait_months,
        land_cover: (debt_service > 0.0)
            .then(|| balance_ratio(pv_land, d.present_value(debt_ds.iter().copied()))),
        // Only where there is bond debt to service: a ratio over nothing is no ratio.
        bond_balance: (bond_ds().sum::<f64>() > 0.0)
            .then(|| balance_ratio(pv_land, d.present_value(bond_ds()))),
        debt_service,
        land_revenue: f.land.iter().sum(),
        other_income: f.income.iter().sum(),
        land_surplus: f.land_surplus,
        bond_term: if f.bonds.is_empty() {
            0
        } else {
            a.bond.term_years
        },
    }
}

/// Stage 5: the years' budget, PPP share and the room the cap leaves.
fn finish_years(years: &mut [YearResult], a: &Assumptions, start: i32, first_year: i32) {
    for (i, y) in years.iter_mut().enumerate() {
        y.year = start + i as i32;
        y.budget_expenditure =
            a.budget_expenditure * (1.0 + a.budget_growth).powi(y.year - first_year);
        // The cap counts every PPP project of the city, not only this plan's.
        y.ppp_share = ppp_budget_share(
            y.fiscal.by_instrument.ppp + a.other_ppp_spending,
            y.budget_expenditure,
        );
        y.ppp_room = a.ppp_cap * y.budget_expenditure - a.other_ppp_spending;
    }
}

/// Stage 6: monetized rates per district/county, central city, counties and overall.
/// The monetized rate of every district, the central city, the counties and the whole plan,
/// straight from the mixes (no simulation): goal seek asks this many times.
pub fn monetized_rates(projects: &[Project], a: &Assumptions) -> Vec<MonetizedRate> {
    group_rates(
        projects
            .iter()
            .map(|p| (p, p.resettlement.households(p.households))),
        a,
    )
}

fn group_rates<'p>(
    projects: impl Iterator<Item = (&'p Project, crate::calc::model::Rehousing)>,
    a: &Assumptions,
) -> Vec<MonetizedRate> {
    // (households, monetized, central-city households) per district, then per wider group;
    // districts are keyed by name first so no name is copied per project.
    let mut districts: BTreeMap<&str, (u64, u64, u64)> = BTreeMap::new();
    let mut groups: BTreeMap<Group, (u64, u64, u64)> = BTreeMap::new();
    for (p, counts) in projects {
        let (h, m) = (counts.total(), counts.monetized());
        let central = if p.central_city { h } else { 0 };
        let side = if p.central_city {
            Group::CentralCity
        } else {
            Group::Counties
        };
        let add = |e: &mut (u64, u64, u64)| {
            e.0 += h;
            e.1 += m;
            e.2 += central;
        };
        add(districts.entry(p.district.as_str()).or_default());
        add(groups.entry(side).or_default());
        add(groups.entry(Group::Overall).or_default());
    }
    for (name, counts) in districts {
        groups.insert(Group::District(name.to_string()), counts);
    }
    groups.entry(Group::Overall).or_default();
    groups
        .into_iter()
        .map(|(group, (households, monetized, central))| {
            rate_against_target(group, households, monetized, central, a)
        })
        .collect()
}

/// A group's rate and its target: a zone's own, a district its zone's (the central city's when
/// most of its households are there).
fn rate_against_target(
    group: Group,
    households: u64,
    monetized: u64,
    central: u64,
    a: &Assumptions,
) -> MonetizedRate {
    let target = match &group {
        Group::CentralCity => a.targets.central_city,
        Group::Counties => a.targets.counties,
        Group::Overall => a.targets.overall,
        Group::District(_) => a.targets.of_district(central, households),
    };
    MonetizedRate {
        group,
        households,
        monetized,
        rate: if households > 0 {
            monetized as f64 / households as f64
        } else {
            0.0
        },
        target,
    }
}

/// The index and value of the largest of `values` (the first on ties).
fn peak(values: impl Iterator<Item = f64>) -> (usize, f64) {
    values.enumerate().fold(
        (0, f64::NEG_INFINITY),
        |acc, (i, v)| if v > acc.1 { (i, v) } else { acc },
    )
}

/// Stage 7: the plan's totals.
fn totals(
    years: &[YearResult],
    projects: &[ProjectResult],
    [investment, borrowed, repaid]: [f64; 3],
    a: &Assumptions,
    start: i32,
) -> Totals {
    let fiscal: Vec<f64> = years.iter().map(|y| y.fiscal.total()).collect();
    let (peak_i, peak_burden) = peak(fiscal.iter().copied());
    let (ppp_i, max_ppp) = peak(years.iter().map(|y| y.ppp_share));
    let mut rehousing = Rehousing::default();
    for p in projects {
        rehousing.add(&p.households);
    }
    let in_kind: u64 = projects.iter().map(|p| p.households.in_kind()).sum();
    let wait: f64 = projects
        .iter()
        .map(|p| p.wait_months * p.households.in_kind() as f64)
        .sum();
    Totals {
        investment,
        households: rehousing.total(),
        monetized_households: rehousing.monetized(),
        fiscal_burden: fiscal.iter().sum(),
        fiscal_burden_pv: present_value(&fiscal, a.discount_rate),
        peak_fiscal_burden: peak_burden,
        peak_year: start + peak_i as i32,
        max_ppp_share: max_ppp,
        max_ppp_share_year: start + ppp_i as i32,
        avg_wait_months: if in_kind > 0 {
            wait / in_kind as f64
        } else {
            0.0
        },
        borrowed,
        repaid,
        rehousing,
        land_surplus: projects.iter().map(|p| p.land_surplus).sum(),
    }
}

/// One project's share of the results: its flows and its row. It depends on the project and
/// the assumptions only, which is what lets [`Simulator`] keep it while other projects change.
struct ProjectPart {
    flows: ProjectFlows,
    result: ProjectResult,
}

fn project_part(p: &Project, a: &Assumptions, d: &Discount) -> ProjectPart {
    let flows = project_flows(p, a);
    let result = project_result(p, &flows, a, d);
    ProjectPart { flows, result }
}

/// The plan's discount factors for the projects' present values: enough years for a project's
/// longest schedules (a longer one divides on, with the same result).
fn discount(a: &Assumptions) -> Discount {
    Discount::new(a.discount_rate, 64)
}

/// Projects sorted by id, so floating-point sums do not depend on the order they were entered.
fn by_id(projects: &[Project]) -> Vec<&Project> {
    let mut order: Vec<&Project> = projects.iter().collect();
    crate::words::order::sort_by(&mut order, |x, y| x.id.cmp(&y.id));
    order
}

/// The whole simulation: each project's flows, then the years, groups and totals.
pub fn simulate(a: &Assumptions, projects: &[Project], first_year: i32) -> Results {
    let order = by_id(projects);
    let discount = discount(a);
    let mut years = PlanYears::new(&order, first_year);
    // Each project's flows are added into the years and dropped before the next project's
    // are built: the rows move into the results, and the flows' memory is reused at once.
    let results = order
        .iter()
        .map(|p| {
            let part = project_part(p, a, &discount);
            years.add(p, &part.flows);
            part.result
        })
        .collect();
    years.finish(a, &order, results)
}

/// The first year a project's flows count in: a project carried into a rolled window (its
/// forecast in the base, its year before the window) counts from the window's first year, what
/// it spent before being history; every other project from its planned year.
fn counted_from(p: &Project, first_year: i32) -> i32 {
    if p.is_carried(first_year) {
        first_year
    } else {
        p.year
    }
}

/// Stages 5–7, one project at a time in id order: the plan's years and what was borrowed and
/// repaid, then the groups and totals. The full and the incremental simulation both go through
/// it, so they add the same numbers in the same order.
struct PlanYears {
    /// The first year of the results: the plan's first year, or an earlier project's.
    start: i32,
    first_year: i32,
    years: Vec<YearResult>,
    /// Investment of the years counted, 万元.
    investment: f64,
    borrowed: f64,
    repaid: f64,
}

impl PlanYears {
    fn new(order: &[&Project], first_year: i32) -> Self {
        // Years before the plan window (mis-entered projects) still simulate; validation flags them.
        let (start, last) = order
            .iter()
            .map(|p| counted_from(p, first_year))
            .fold((first_year, first_year), |(lo, hi), y| {
                (lo.min(y), hi.max(y))
            });
        Self {
            start,
            first_year,
            // Room for the plan's years of starts and a loan term beyond (capacity only: a year
            // is still added only where a project has money in it).
            years: Vec::with_capacity((last - start) as usize + 32),
            investment: 0.0,
            borrowed: 0.0,
            repaid: 0.0,
        }
    }

    fn add(&mut self, p: &Project, f: &ProjectFlows) {
        let from = counted_from(p, self.first_year);
        let skip = (from - p.year) as usize;
        accumulate(&mut self.years, (from - self.start) as usize, skip, f);
        // The totals are the sums of the yearly rows: a carried project's years before the
        // window are history, in no row and so in no total (docs/model.md, 预测与滚动).
        self.investment += if skip == 0 {
            f.costs.total.total()
        } else {
            f.costs.by_year.iter().skip(skip).map(|y| y.total()).sum()
        };
        let debts = f
            .loan
            .iter()
            .skip(skip)
            .chain(f.service.iter().skip(skip).map(|s| &s.financing))
            .chain(f.bonds.iter().skip(skip));
        for d in debts {
            self.borrowed += d.drawdown;
            self.repaid += d.principal;
        }
    }

    fn finish(
        mut self,
        a: &Assumptions,
        order: &[&Project],
        projects: Vec<ProjectResult>,
    ) -> Results {
        ensure_len(&mut self.years, 1);
        finish_years(&mut self.years, a, self.start, self.first_year);
        let monetized = group_rates(
            order
                .iter()
                .copied()
                .zip(projects.iter().map(|r| r.households)),
            a,
        );
        let monetized_by_year = year_rates(order, &projects, a, self.first_year);
        let totals = totals(
            &self.years,
            &projects,
            [self.investment, self.borrowed, self.repaid],
            a,
            self.start,
        );
        Results {
            first_year: self.start,
            years: self.years,
            projects,
            monetized,
            monetized_by_year,
            totals,
        }
    }
}

/// Each planned year's rates (a carried project's year is history: not assessed again).
fn year_rates(
    order: &[&Project],
    projects: &[ProjectResult],
    a: &Assumptions,
    first_year: i32,
) -> Vec<YearRates> {
    rates_by_year(
        order
            .iter()
            .copied()
            .zip(projects.iter().map(|r| r.households)),
        a,
        first_year,
    )
}

/// Every monetized rate the province assesses, straight from the mixes (no simulation), as the
/// results have them: the window's groups (`None`), then each planned year's (`monetized_by_year`).
/// What goal seek and the optimizer hold to their targets; each project's households are split
/// once for both.
pub fn assessed_rates(
    projects: &[Project],
    a: &Assumptions,
    first_year: i32,
) -> Vec<(Option<i32>, MonetizedRate)> {
    let counts: Vec<_> = projects
        .iter()
        .map(|p| p.resettlement.households(p.households))
        .collect();
    let both = || projects.iter().zip(counts.iter().copied());
    let window = group_rates(both(), a).into_iter().map(|m| (None, m));
    let years = rates_by_year(both(), a, first_year)
        .into_iter()
        .flat_map(|y| {
            let year = y.year;
            y.rates.into_iter().map(move |m| (Some(year), m))
        });
    window.chain(years).collect()
}

/// The rates of each planned year's projects, grouped as the window's are ([`group_rates`]):
/// the central city, the counties and the city first, then each district; a district's target
/// is by where its households of that year are.
fn rates_by_year<'p>(
    projects: impl Iterator<Item = (&'p Project, crate::calc::model::Rehousing)>,
    a: &Assumptions,
    first_year: i32,
) -> Vec<YearRates> {
    let mut by_year: BTreeMap<i32, Vec<(&Project, crate::calc::model::Rehousing)>> =
        BTreeMap::new();
    for (p, counts) in projects.filter(|(p, _)| !p.is_carried(first_year)) {
        by_year.entry(p.year).or_default().push((p, counts));
    }
    by_year
        .into_iter()
        .map(|(year, list)| {
            let (districts, zones): (Vec<_>, Vec<_>) = group_rates(list.into_iter(), a)
                .into_iter()
                .partition(|m| matches!(m.group, Group::District(_)));
            let mut rates = zones;
            rates.extend(districts);
            YearRates { year, rates }
        })
        .collect()
}

impl YearRates {
    /// The rates of the central city, the counties and the city (the zones the province
    /// assesses as binding); the districts follow them in `rates`.
    pub fn zones(&self) -> impl Iterator<Item = &MonetizedRate> {
        self.rates
            .iter()
            .filter(|m| !matches!(m.group, Group::District(_)))
    }
}

mod incremental;
pub use incremental::Simulator;
