//! The embedded demo plan: X市's 2027–2028 shantytown-renovation list, built from the on-site
//! meeting's figures (ten central-city major projects, county projects including X县西街).

use crate::model::{
    Assumptions, CostOverrides, FinancingMix, LandRevenue, Plan, Project, ProjectType,
    ResettlementMix, Scenario, Status,
};

/// (name, district, central city, type, year, status, households, lead)
type Row = (
    &'static str,
    &'static str,
    bool,
    ProjectType,
    i32,
    Status,
    u32,
    &'static str,
);

/// Monetized mix in percent of households: (cash, self-purchase, government purchase); the rest is new build.
type Mix = (u32, u32, u32);

/// Financing in percent of investment: (capital fund, policy loan, service purchase, PPP, special bond).
type Fin = (u32, u32, u32, u32, u32);

use ProjectType::*;
use Status::*;

#[rustfmt::skip]
const CENTRAL: &[(Row, Mix, Fin)] = &[
    (("黄沙桥片区", "城关区", true, UrbanVillage, 2027, Planning, 927, "市政府常务副市长"), (30, 15, 10), (25, 45, 0, 0, 30)),
    (("行政中心北侧", "城关区", true, OldResidentialCompound, 2027, Planning, 640, "市政府副市长"), (25, 20, 10), (25, 50, 0, 0, 25)),
    (("杨峪河片区", "新城区", true, UrbanVillage, 2028, Planning, 900, "市人大副主任"), (25, 13, 10), (25, 55, 0, 0, 20)),
    (("北新街东片区", "城关区", true, DilapidatedHousing, 2027, Planning, 560, "市政协副主席"), (35, 15, 10), (25, 50, 0, 0, 25)),
    (("老城东关片区", "城关区", true, DilapidatedHousing, 2027, ExpropriationStarted, 480, "城关区区长"), (30, 15, 5), (25, 55, 20, 0, 0)),
    (("火车站南片区", "新城区", true, UrbanVillage, 2028, Planning, 520, "市政府副市长"), (30, 20, 5), (20, 40, 0, 30, 10)),
    (("江北城中村", "新城区", true, UrbanVillage, 2027, ExpropriationStarted, 430, "新城区区长"), (25, 15, 10), (25, 55, 20, 0, 0)),
    (("西城门片区", "城关区", true, OldResidentialCompound, 2027, Started, 380, "市住建局局长"), (35, 15, 10), (25, 60, 15, 0, 0)),
    (("张滩村城中村", "新城区", true, UrbanVillage, 2028, Planning, 300, "市自然资源局局长"), (25, 15, 10), (25, 50, 25, 0, 0)),
    (("新城北门片区", "新城区", true, OldResidentialCompound, 2028, ExpropriationStarted, 270, "新城区区长"), (30, 20, 10), (25, 55, 20, 0, 0)),
];

#[rustfmt::skip]
const COUNTY: &[(Row, Mix, Fin)] = &[
    (("X县西街", "X县", false, DilapidatedHousing, 2027, Started, 1066, "X县县长"), (20, 10, 5), (20, 50, 30, 0, 0)),
    (("X县东关危旧房", "X县", false, DilapidatedHousing, 2027, ExpropriationStarted, 180, "X县副县长"), (25, 15, 5), (20, 60, 20, 0, 0)),
    (("X县城南旧住宅小区", "X县", false, OldResidentialCompound, 2028, Planning, 140, "X县住建局"), (20, 15, 5), (20, 60, 20, 0, 0)),
    (("X县北门城边村", "X县", false, UrbanVillage, 2028, Planning, 110, "X县住建局"), (20, 15, 5), (20, 60, 20, 0, 0)),
    (("东岭县老街片区", "东岭县", false, DilapidatedHousing, 2027, ExpropriationStarted, 260, "东岭县县长"), (20, 15, 5), (20, 60, 20, 0, 0)),
    (("东岭县河坝城中村", "东岭县", false, UrbanVillage, 2027, Planning, 210, "东岭县副县长"), (25, 15, 5), (20, 60, 20, 0, 0)),
    (("东岭县粮油公司宿舍", "东岭县", false, OldResidentialCompound, 2028, Planning, 90, "东岭县住建局"), (25, 15, 5), (20, 80, 0, 0, 0)),
    (("东岭县县医院配套", "东岭县", false, Infrastructure, 2028, Planning, 0, "东岭县卫健局"), (0, 0, 0), (30, 30, 0, 40, 0)),
    (("南河县南关危旧房", "南河县", false, DilapidatedHousing, 2027, ExpropriationStarted, 150, "南河县县长"), (20, 15, 5), (20, 60, 20, 0, 0)),
    (("南河县纺织厂旧住宅小区", "南河县", false, OldResidentialCompound, 2027, Planning, 170, "南河县副县长"), (25, 15, 5), (20, 60, 20, 0, 0)),
    (("南河县河街片区", "南河县", false, DilapidatedHousing, 2028, Planning, 190, "南河县住建局"), (20, 15, 5), (20, 60, 20, 0, 0)),
    (("南河县自来水配套", "南河县", false, Infrastructure, 2028, Planning, 0, "南河县水务局"), (0, 0, 0), (30, 30, 0, 40, 0)),
    (("西坪县城关城郊村", "西坪县", false, UrbanVillage, 2027, ExpropriationStarted, 220, "西坪县县长"), (25, 15, 5), (20, 60, 20, 0, 0)),
    (("西坪县老粮站片区", "西坪县", false, DilapidatedHousing, 2028, Planning, 120, "西坪县副县长"), (20, 15, 5), (20, 60, 20, 0, 0)),
    (("西坪县西坪中学配套", "西坪县", false, Infrastructure, 2028, Planning, 0, "西坪县教育局"), (0, 0, 0), (30, 70, 0, 0, 0)),
    (("石门县石门老街", "石门县", false, DilapidatedHousing, 2027, Planning, 200, "石门县县长"), (25, 15, 5), (20, 60, 20, 0, 0)),
    (("石门县矿区危旧房", "石门县", false, DilapidatedHousing, 2028, Planning, 160, "石门县副县长"), (20, 15, 5), (20, 60, 20, 0, 0)),
    (("石门县供热管网配套", "石门县", false, Infrastructure, 2027, Planning, 0, "石门县住建局"), (0, 0, 0), (30, 30, 0, 40, 0)),
    (("安平县北关城中村", "安平县", false, UrbanVillage, 2027, ExpropriationStarted, 240, "安平县县长"), (25, 15, 5), (20, 60, 20, 0, 0)),
    (("安平县化肥厂旧住宅小区", "安平县", false, OldResidentialCompound, 2028, Planning, 130, "安平县副县长"), (20, 15, 5), (20, 60, 20, 0, 0)),
    (("安平县东街片区", "安平县", false, DilapidatedHousing, 2027, Planning, 150, "安平县住建局"), (25, 15, 5), (20, 60, 20, 0, 0)),
    (("安平县西河城郊村", "安平县", false, UrbanVillage, 2028, Planning, 180, "安平县住建局"), (20, 15, 5), (20, 60, 20, 0, 0)),
];

/// Infrastructure projects' own cost, 万元 (they rehouse nobody).
const INFRASTRUCTURE_ONLY: f64 = 6_000.0;

fn project(i: usize, &(row, mix, fin): &(Row, Mix, Fin)) -> Project {
    let (name, district, central_city, kind, year, status, households, lead) = row;
    let pct = |v: u32| f64::from(v) / 100.0;
    let h = f64::from(households);
    let monetized = mix.0 + mix.1 + mix.2;
    // Infrastructure projects rehouse nobody; their mix is nominally all in kind.
    let new_build = if households == 0 {
        100
    } else {
        100 - monetized
    };
    Project {
        id: format!("p{:02}", i + 1),
        name: name.to_string(),
        district: district.to_string(),
        central_city,
        kind,
        year,
        status,
        households,
        // Larger homes in the central city than in the county towns.
        area_m2: h * if central_city { 95.0 } else { 85.0 },
        infrastructure_cost: if households == 0 {
            INFRASTRUCTURE_ONLY
        } else {
            h * 1.5
        },
        // About 2万元 per household expected from the central subsidy.
        central_subsidy: h * 2.0,
        // Central-city land sells for far more than county land; sales start two years in.
        land_revenue: (households > 0).then_some(LandRevenue {
            amount: h * if central_city { 60.0 } else { 18.0 },
            start_offset: 2,
            years: 3,
        }),
        resettlement: ResettlementMix {
            cash: pct(mix.0),
            self_purchase: pct(mix.1),
            government_purchase: pct(mix.2),
            new_build: pct(new_build),
        },
        financing: FinancingMix {
            capital_fund: pct(fin.0),
            policy_loan: pct(fin.1),
            service_purchase: pct(fin.2),
            ppp: pct(fin.3),
            special_bond: pct(fin.4),
        },
        // County towns compensate at a lower price than the city-wide default.
        costs: if central_city {
            CostOverrides::default()
        } else {
            CostOverrides {
                compensation_price: Some(2_900.0),
                ..Default::default()
            }
        },
        lead: lead.to_string(),
    }
}

/// The demo plan: 32 projects, 9,373 households, over 2027 and 2028.
pub fn demo_plan() -> Plan {
    let projects: Vec<Project> = CENTRAL
        .iter()
        .chain(COUNTY)
        .enumerate()
        .map(|(i, r)| project(i, r))
        .collect();
    let assumptions = Assumptions {
        // A prefecture-level city's general public budget expenditure, about 230亿元.
        budget_expenditure: 2_300_000.0,
        // PPP payments of the city's other projects already run at about 6.5 % of the budget.
        other_ppp_spending: 150_000.0,
        ..Assumptions::default()
    };
    Plan {
        id: "demo-x-city".to_string(),
        name: "X市2027—2028年棚改项目计划（示例）".to_string(),
        city: "X市".to_string(),
        first_year: 2027,
        assumptions,
        scenarios: vec![Scenario::raise_monetized(
            "s-monetized-60",
            "货币化60%",
            "所有项目货币化安置率提高到60%，新建安置房相应减少",
            &projects,
            0.6,
        )],
        projects,
    }
}

/// A large plan for benchmarks: `n` projects cycled from the demo (distinct ids and names), with
/// a 29-year loan term so the simulation spans 30 years (2027–2056).
pub fn generated_plan(n: usize) -> Plan {
    let demo = demo_plan();
    let mut plan = demo.clone();
    plan.id = format!("generated-{n}");
    plan.name = format!("生成方案（{n}个项目）");
    plan.assumptions.loan.term_years = 29;
    plan.scenarios.clear();
    plan.projects = (0..n)
        .map(|i| {
            let mut p = demo.projects[i % demo.projects.len()].clone();
            p.id = format!("g{i:05}");
            p.name = format!("{}-{}", p.name, i / demo.projects.len() + 1);
            p
        })
        .collect();
    plan
}
