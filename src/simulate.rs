//! The year-by-year simulation: a scenario in, investment, sources, debt, fiscal burden,
//! monetized rates, rehousing and findings out.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::costs::{project_costs, Investment};
use crate::finance::bond::{bond_schedule, self_balance_ratio};
use crate::finance::discount::present_value;
use crate::finance::loan::loan_schedule;
use crate::finance::ppp::{ppp_budget_share, ppp_payments, PppTerms};
use crate::finance::service_purchase::service_schedule;
use crate::finance::DebtYear;
use crate::i18n::Text;
use crate::model::{Assumptions, Plan, Project, ProjectId, Scenario};
use crate::rules::{findings, Finding};

/// Money raised in a year, by instrument, 万元.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Sources {
    pub capital_fund: f64,
    pub policy_loan: f64,
    pub service_purchase: f64,
    pub ppp: f64,
    pub special_bond: f64,
}

impl Sources {
    pub fn total(&self) -> f64 {
        self.capital_fund + self.policy_loan + self.service_purchase + self.ppp + self.special_bond
    }

    /// The instruments in display order, with their catalogue keys.
    pub fn parts(&self) -> [(Text, f64); 5] {
        [
            (Text::SrcCapitalFund, self.capital_fund),
            (Text::SrcPolicyLoan, self.policy_loan),
            (Text::SrcServicePurchase, self.service_purchase),
            (Text::SrcPpp, self.ppp),
            (Text::SrcSpecialBond, self.special_bond),
        ]
    }
}

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

/// What the government's budget pays in a year, 万元.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct FiscalBurden {
    /// Capital fund from the city's own fiscal funds (after central subsidies).
    pub capital_fund: f64,
    /// Policy-bank loan interest and principal.
    pub loan_service: f64,
    /// Service-purchase fees.
    pub service_fees: f64,
    /// PPP availability payments.
    pub ppp_payments: f64,
    /// Special-bond interest and principal.
    pub bond_service: f64,
    /// Land revenue applied to that year's debt service (zero or negative).
    pub land_offset: f64,
}

impl FiscalBurden {
    /// The components in display order, with their catalogue keys.
    pub fn parts(&self) -> [(Text, f64); 6] {
        [
            (Text::FiscCapitalFund, self.capital_fund),
            (Text::FiscLoanService, self.loan_service),
            (Text::FiscServiceFees, self.service_fees),
            (Text::FiscPpp, self.ppp_payments),
            (Text::FiscBondService, self.bond_service),
            (Text::FiscLandOffset, self.land_offset),
        ]
    }

    pub fn total(&self) -> f64 {
        self.capital_fund
            + self.loan_service
            + self.service_fees
            + self.ppp_payments
            + self.bond_service
            + self.land_offset
    }
}

/// Households rehoused in a year.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Rehoused {
    pub monetized: f64,
    pub in_kind: f64,
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
    pub budget_expenditure: f64,
    /// (this plan's + the city's other PPP payments) / general public budget expenditure.
    pub ppp_share: f64,
    /// What the PPP cap leaves for this plan's PPP payments: cap × budget − other PPP spending.
    pub ppp_room: f64,
    pub rehoused: Rehoused,
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
    pub households: f64,
    pub monetized: f64,
    /// Monetized households / all households (0 when there are none).
    pub rate: f64,
    pub target: f64,
}

impl MonetizedRate {
    pub fn meets_target(&self) -> bool {
        self.households == 0.0 || self.rate + 1e-12 >= self.target
    }
}

/// Per-project results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectResult {
    pub id: ProjectId,
    pub name: String,
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
    /// Longest term of the project's bonds, years (0 without bonds).
    pub bond_term: u32,
}

/// Households by way of resettlement.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Rehousing {
    pub cash: f64,
    pub self_purchase: f64,
    pub government_purchase: f64,
    pub new_build: f64,
}

impl Rehousing {
    pub fn parts(&self) -> [(Text, f64); 4] {
        [
            (Text::ResCash, self.cash),
            (Text::ResSelfPurchase, self.self_purchase),
            (Text::ResGovPurchase, self.government_purchase),
            (Text::ResNewBuild, self.new_build),
        ]
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Totals {
    pub investment: f64,
    pub households: f64,
    pub monetized_households: f64,
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
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Results {
    pub first_year: i32,
    pub years: Vec<YearResult>,
    pub projects: Vec<ProjectResult>,
    pub monetized: Vec<MonetizedRate>,
    pub totals: Totals,
    pub findings: Vec<Finding>,
}

impl Results {
    pub fn rate(&self, group: &Group) -> Option<&MonetizedRate> {
        self.monetized.iter().find(|m| &m.group == group)
    }
}

/// Simulates a plan under a scenario (`None` = baseline).
pub fn simulate_plan(plan: &Plan, scenario: Option<&Scenario>) -> Results {
    match scenario {
        // The baseline needs no resolved copy of the plan.
        None => simulate(&plan.assumptions, &plan.projects, plan.first_year),
        Some(s) => {
            let (assumptions, projects) = plan.resolve(Some(s));
            simulate(&assumptions, &projects, plan.first_year)
        }
    }
}

/// Adds `flows[k]` into `acc[offset + k]` through `field`, growing `acc` as needed.
fn add_at<T: Default + Clone>(
    acc: &mut Vec<T>,
    offset: usize,
    flows: impl IntoIterator<Item = f64>,
    field: impl Fn(&mut T) -> &mut f64,
) {
    for (k, v) in flows.into_iter().enumerate() {
        if v == 0.0 {
            continue;
        }
        let i = offset + k;
        if acc.len() <= i {
            acc.resize(i + 1, T::default());
        }
        *field(&mut acc[i]) += v;
    }
}

fn pad(v: &[f64], len: usize) -> Vec<f64> {
    let mut out = v.to_vec();
    out.resize(len.max(v.len()), 0.0);
    out
}

pub fn simulate(a: &Assumptions, projects: &[Project], first_year: i32) -> Results {
    // Years before the plan window (mis-entered projects) still simulate; validation flags them.
    let start = projects
        .iter()
        .map(|p| p.year)
        .min()
        .unwrap_or(first_year)
        .min(first_year);
    let mut years: Vec<YearResult> = Vec::new();
    let mut project_results = Vec::with_capacity(projects.len());
    // (households, monetized households, central-city households) per district, and per total.
    let mut districts: BTreeMap<&str, (f64, f64, f64)> = BTreeMap::new();
    let mut totals_by_group: [(f64, f64, f64); 3] = Default::default();
    let mut has_group = [false, false, true];
    let (mut wait_weighted, mut in_kind_total) = (0.0, 0.0);
    let (mut borrowed, mut repaid) = (0.0, 0.0);
    let mut rehousing = Rehousing::default();

    // Sorted by id so floating-point sums do not depend on the order projects were entered.
    let mut order: Vec<&Project> = projects.iter().collect();
    order.sort_by(|x, y| x.id.cmp(&y.id));

    for p in order {
        let costs = project_costs(p, &a.costs);
        let off = (p.year - start) as usize;
        let inv: Vec<f64> = costs.by_year.iter().map(Investment::total).collect();
        let total_inv: f64 = inv.iter().sum();
        let f = &p.financing;

        if years.len() < off + inv.len() {
            years.resize(off + inv.len(), YearResult::default());
        }
        for (k, y) in costs.by_year.iter().enumerate() {
            years[off + k].investment.add(y);
        }
        let share = |s: f64| inv.iter().map(move |v| v * s).collect::<Vec<f64>>();
        let capital = share(f.capital_fund);
        let loan_draws = share(f.policy_loan);
        let sp_amounts = share(f.service_purchase);
        let ppp_amounts = share(f.ppp);
        let bond_issues = share(f.special_bond);
        add_at(&mut years, off, capital.iter().copied(), |r| {
            &mut r.sources.capital_fund
        });
        add_at(&mut years, off, loan_draws.iter().copied(), |r| {
            &mut r.sources.policy_loan
        });
        add_at(&mut years, off, sp_amounts.iter().copied(), |r| {
            &mut r.sources.service_purchase
        });
        add_at(&mut years, off, ppp_amounts.iter().copied(), |r| {
            &mut r.sources.ppp
        });
        add_at(&mut years, off, bond_issues.iter().copied(), |r| {
            &mut r.sources.special_bond
        });

        // Central subsidies pay the capital fund pro rata; the city's budget pays the rest.
        let capital_total: f64 = capital.iter().sum();
        let subsidy = p.central_subsidy.clamp(0.0, capital_total);
        let subsidy_flows: Vec<f64> = capital
            .iter()
            .map(|c| {
                if capital_total > 0.0 {
                    subsidy * c / capital_total
                } else {
                    0.0
                }
            })
            .collect();
        add_at(&mut years, off, subsidy_flows.iter().copied(), |r| {
            &mut r.central_subsidy
        });
        add_at(
            &mut years,
            off,
            capital.iter().zip(&subsidy_flows).map(|(c, s)| c - s),
            |r| &mut r.fiscal.capital_fund,
        );

        let loan = if f.policy_loan > 0.0 {
            loan_schedule(&loan_draws, &a.loan)
        } else {
            Vec::new()
        };
        let service = if f.service_purchase > 0.0 {
            service_schedule(&sp_amounts, &a.service_purchase)
        } else {
            Vec::new()
        };
        let bonds = if f.special_bond > 0.0 {
            bond_schedule(&bond_issues, &a.bond)
        } else {
            Vec::new()
        };
        for d in loan
            .iter()
            .chain(service.iter().map(|s| &s.financing))
            .chain(&bonds)
        {
            borrowed += d.drawdown;
            repaid += d.principal;
        }
        add_at(
            &mut years,
            off,
            loan.iter().map(DebtYear::debt_service),
            |r| &mut r.fiscal.loan_service,
        );
        add_at(&mut years, off, loan.iter().map(|d| d.outstanding), |r| {
            &mut r.debt.policy_loan
        });
        add_at(&mut years, off, service.iter().map(|s| s.fee), |r| {
            &mut r.fiscal.service_fees
        });
        add_at(
            &mut years,
            off,
            service.iter().map(|s| s.financing.outstanding),
            |r| &mut r.debt.service_purchase,
        );
        add_at(
            &mut years,
            off,
            bonds.iter().map(DebtYear::debt_service),
            |r| &mut r.fiscal.bond_service,
        );
        add_at(&mut years, off, bonds.iter().map(|d| d.outstanding), |r| {
            &mut r.debt.special_bond
        });

        // PPP: the partner builds; availability payments start the year after the last build year.
        let c: f64 = ppp_amounts.iter().sum();
        if c > 0.0 {
            let terms = PppTerms {
                form: a.ppp.form,
                profit_rate: a.ppp.profit_rate,
                discount_rate: a.ppp.discount_rate,
                subsidy_years: a.ppp.subsidy_years,
                annual_operating_cost: a.ppp.operating_cost_rate * c,
                annual_user_payment: a.ppp.user_payment_rate * c,
            };
            add_at(&mut years, off + inv.len(), ppp_payments(c, &terms), |r| {
                &mut r.fiscal.ppp_payments
            });
        }

        // Land revenue repays bonds first (they must balance on their own), then loans; what
        // is not yet needed is kept for later years' debt service.
        let land: Vec<f64> = match p.land_revenue {
            Some(l) if l.years > 0 && l.amount > 0.0 => {
                let mut v = vec![0.0; l.start_offset as usize];
                v.extend(std::iter::repeat_n(
                    l.amount / f64::from(l.years),
                    l.years as usize,
                ));
                v
            }
            _ => Vec::new(),
        };
        add_at(&mut years, off, land.iter().copied(), |r| {
            &mut r.land_revenue
        });
        let horizon = land.len().max(loan.len()).max(bonds.len());
        let (land_p, loan_ds, bond_ds) = (
            pad(&land, horizon),
            pad(
                &loan.iter().map(DebtYear::debt_service).collect::<Vec<_>>(),
                horizon,
            ),
            pad(
                &bonds.iter().map(DebtYear::debt_service).collect::<Vec<_>>(),
                horizon,
            ),
        );
        let mut reserve = 0.0;
        let applied: Vec<f64> = (0..horizon)
            .map(|k| {
                reserve += land_p[k];
                let used = reserve.min(loan_ds[k] + bond_ds[k]);
                reserve -= used;
                -used
            })
            .collect();
        add_at(&mut years, off, applied, |r| &mut r.fiscal.land_offset);

        let debt_ds: Vec<f64> = loan_ds.iter().zip(&bond_ds).map(|(x, y)| x + y).collect();
        let debt_service: f64 = debt_ds.iter().sum();
        let land_revenue: f64 = land.iter().sum();
        project_results.push(ProjectResult {
            id: p.id.clone(),
            name: p.name.clone(),
            investment: costs.total,
            monetized_rate: p.resettlement.monetized_share(),
            wait_months: costs.wait_months,
            land_cover: (debt_service > 0.0)
                .then(|| self_balance_ratio(&land_p, &debt_ds, a.discount_rate)),
            bond_balance: (!bonds.is_empty())
                .then(|| self_balance_ratio(&land_p, &bond_ds, a.discount_rate)),
            debt_service,
            land_revenue,
            bond_term: if bonds.is_empty() {
                0
            } else {
                a.bond.term_years
            },
        });
        debug_assert!((total_inv - costs.total.total()).abs() <= 1e-6 * total_inv.abs().max(1.0));

        add_at(&mut years, off, [costs.monetized_households], |r| {
            &mut r.rehoused.monetized
        });
        add_at(
            &mut years,
            off + costs.handover_offset,
            [costs.in_kind_households],
            |r| &mut r.rehoused.in_kind,
        );
        wait_weighted += costs.wait_months * costs.in_kind_households;
        in_kind_total += costs.in_kind_households;

        let h = f64::from(p.households);
        rehousing.cash += h * p.resettlement.cash;
        rehousing.self_purchase += h * p.resettlement.self_purchase;
        rehousing.government_purchase += h * p.resettlement.government_purchase;
        rehousing.new_build += h * p.resettlement.new_build;
        let central = if p.central_city { h } else { 0.0 };
        let group_index = if p.central_city { 0 } else { 1 };
        has_group[group_index] = true;
        for e in [
            districts.entry(p.district.as_str()).or_default(),
            &mut totals_by_group[group_index],
        ] {
            e.0 += h;
            e.1 += costs.monetized_households;
            e.2 += central;
        }
        let all = &mut totals_by_group[2];
        all.0 += h;
        all.1 += costs.monetized_households;
        all.2 += central;
    }

    if years.is_empty() {
        years.push(YearResult::default());
    }
    for (i, y) in years.iter_mut().enumerate() {
        y.year = start + i as i32;
        y.budget_expenditure =
            a.budget_expenditure * (1.0 + a.budget_growth).powi(y.year - first_year);
        // The cap counts every PPP project of the city, not only this plan's.
        y.ppp_share = ppp_budget_share(
            y.fiscal.ppp_payments + a.other_ppp_spending,
            y.budget_expenditure,
        );
        y.ppp_room = a.ppp_cap * y.budget_expenditure - a.other_ppp_spending;
    }

    let groups = districts
        .into_iter()
        .map(|(d, v)| (Group::District(d.to_string()), v))
        .chain(
            [Group::CentralCity, Group::Counties, Group::Overall]
                .into_iter()
                .zip(totals_by_group)
                .zip(has_group)
                .filter_map(|(g, present)| present.then_some(g)),
        );
    let monetized = groups
        .map(|(group, (households, monetized, central))| {
            let target = match &group {
                Group::CentralCity => a.targets.central_city,
                Group::Counties => a.targets.counties,
                Group::Overall => a.targets.overall,
                Group::District(_) if central * 2.0 > households => a.targets.central_city,
                Group::District(_) => a.targets.counties,
            };
            MonetizedRate {
                group,
                households,
                monetized,
                rate: if households > 0.0 {
                    monetized / households
                } else {
                    0.0
                },
                target,
            }
        })
        .collect();

    let fiscal: Vec<f64> = years.iter().map(|y| y.fiscal.total()).collect();
    let (peak_i, peak) = fiscal
        .iter()
        .enumerate()
        .fold(
            (0, f64::NEG_INFINITY),
            |acc, (i, &v)| if v > acc.1 { (i, v) } else { acc },
        );
    let (ppp_i, max_ppp) = years
        .iter()
        .enumerate()
        .fold((0, f64::NEG_INFINITY), |acc, (i, y)| {
            if y.ppp_share > acc.1 {
                (i, y.ppp_share)
            } else {
                acc
            }
        });
    let households = projects.iter().map(|p| f64::from(p.households)).sum();
    let totals = Totals {
        investment: project_results.iter().map(|p| p.investment.total()).sum(),
        households,
        monetized_households: years.iter().map(|y| y.rehoused.monetized).sum(),
        fiscal_burden: fiscal.iter().sum(),
        fiscal_burden_pv: present_value(&fiscal, a.discount_rate),
        peak_fiscal_burden: peak,
        peak_year: start + peak_i as i32,
        max_ppp_share: max_ppp,
        max_ppp_share_year: start + ppp_i as i32,
        avg_wait_months: if in_kind_total > 0.0 {
            wait_weighted / in_kind_total
        } else {
            0.0
        },
        borrowed,
        repaid,
        rehousing,
    };
    let mut results = Results {
        first_year: start,
        years,
        projects: project_results,
        monetized,
        totals,
        findings: Vec::new(),
    };
    results.findings = findings(a, &results);
    results
}
