//! The embedded demo plan: X市's 2027–2028 shantytown-renovation list, built from the on-site
//! meeting's figures: 32 projects, 38.68 亿元, 9,373 households of which 4,545 rehoused with
//! money (central city 3,061 of 5,690 = 53.8 %, counties 1,484 of 3,683 = 40.3 %), the ten
//! central-city major projects and X县西街 (1,066 households).
//!
//! Every figure is a static number in the tables below. The mixes are whole percents; with the
//! households chosen here the whole-household split (`ResettlementMix::households`) gives the
//! speech's counts. Investment at the default cost drivers (city-wide defaults, counties at
//! 3,000 元/m² compensation) comes to 386,800 万元 through the old homes' areas and each
//! project's infrastructure cost, set by hand per project.

use crate::calc::model::{
    Assumptions, CostOverrides, Duties, FinancingMix, LandRevenue, Project, ProjectType,
    ResettlementMix, ResettlementWay, Responsibility, Status,
};
use crate::document::edit::{Edit, Scenario};
use crate::document::lever::{Lever, LeverAction, Scope};
use crate::document::plan::Plan;

/// (name, district, central city, type, year, status, households, area expropriated m²,
/// infrastructure 万元, the 包抓领导's post or, for a county bureau's project, the bureau)
type Row = (
    &'static str,
    &'static str,
    bool,
    ProjectType,
    i32,
    Status,
    u32,
    u32,
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
    (("黄沙桥片区", "城关区", true, UrbanVillage, 2027, Planning, 980, 107800, 4371, "市政府常务副市长"), (30, 15, 10), (25, 45, 0, 0, 30)),
    (("行政中心北侧", "城关区", true, OldResidentialCompound, 2027, Planning, 680, 53040, 1700, "市政府副市长"), (25, 20, 10), (25, 50, 0, 0, 25)),
    (("杨峪河片区", "新城区", true, UrbanVillage, 2028, Planning, 950, 104500, 4275, "市人大常委会副主任"), (25, 13, 10), (25, 55, 0, 0, 20)),
    (("北新街东片区", "城关区", true, DilapidatedHousing, 2027, Planning, 600, 51000, 1800, "市政协副主席"), (35, 15, 10), (25, 50, 0, 0, 25)),
    (("老城东关片区", "城关区", true, DilapidatedHousing, 2027, ExpropriationStarted, 500, 42500, 1500, "市委常委"), (30, 15, 5), (25, 55, 20, 0, 0)),
    (("火车站南片区", "新城区", true, UrbanVillage, 2028, Planning, 540, 59400, 2430, "市政府副市长"), (30, 20, 5), (20, 40, 0, 30, 10)),
    (("江北城中村", "新城区", true, UrbanVillage, 2027, ExpropriationStarted, 450, 49500, 2025, "市政府秘书长"), (25, 15, 10), (25, 55, 20, 0, 0)),
    (("西城门片区", "城关区", true, OldResidentialCompound, 2027, Started, 400, 31200, 1000, "市委常委"), (35, 15, 10), (25, 60, 15, 0, 0)),
    (("张滩村城中村", "新城区", true, UrbanVillage, 2028, Planning, 310, 34100, 1395, "市人大常委会副主任"), (25, 14, 10), (25, 50, 25, 0, 0)),
    (("新城北门片区", "新城区", true, OldResidentialCompound, 2028, ExpropriationStarted, 280, 21840, 700, "市政协副主席"), (30, 20, 10), (25, 55, 20, 0, 0)),
];

#[rustfmt::skip]
const COUNTY: &[(Row, Mix, Fin)] = &[
    (("X县西街", "X县", false, DilapidatedHousing, 2027, Started, 1066, 87410, 3198, "X县县长"), (20, 10, 5), (20, 50, 30, 0, 0)),
    (("X县东关危旧房", "X县", false, DilapidatedHousing, 2027, ExpropriationStarted, 180, 14760, 540, "X县副县长"), (25, 15, 5), (20, 60, 20, 0, 0)),
    (("X县城南旧住宅小区", "X县", false, OldResidentialCompound, 2028, Planning, 140, 10080, 350, "X县住建局"), (20, 15, 5), (20, 60, 20, 0, 0)),
    (("X县北门城边村", "X县", false, UrbanVillage, 2028, Planning, 110, 11000, 495, "X县住建局"), (20, 15, 5), (20, 60, 20, 0, 0)),
    (("东岭县老街片区", "东岭县", false, DilapidatedHousing, 2027, ExpropriationStarted, 230, 18860, 690, "东岭县县长"), (20, 15, 5), (20, 60, 20, 0, 0)),
    (("东岭县河坝城中村", "东岭县", false, UrbanVillage, 2027, Planning, 185, 18500, 832, "东岭县副县长"), (25, 15, 5), (20, 25, 10, 0, 45)),
    (("东岭县粮油公司宿舍", "东岭县", false, OldResidentialCompound, 2028, Planning, 80, 5760, 200, "东岭县住建局"), (25, 15, 5), (20, 80, 0, 0, 0)),
    (("东岭县县医院配套", "东岭县", false, Infrastructure, 2028, Planning, 0, 0, 11000, "东岭县卫健局"), (0, 0, 0), (30, 30, 0, 40, 0)),
    (("南河县南关危旧房", "南河县", false, DilapidatedHousing, 2027, ExpropriationStarted, 135, 11070, 405, "南河县县长"), (20, 15, 5), (20, 60, 20, 0, 0)),
    (("南河县纺织厂旧住宅小区", "南河县", false, OldResidentialCompound, 2027, Planning, 150, 10800, 375, "南河县副县长"), (25, 15, 5), (20, 60, 20, 0, 0)),
    (("南河县河街片区", "南河县", false, DilapidatedHousing, 2028, Planning, 170, 13940, 510, "南河县住建局"), (20, 15, 5), (20, 60, 20, 0, 0)),
    (("南河县自来水配套", "南河县", false, Infrastructure, 2028, Planning, 0, 0, 8000, "南河县水务局"), (0, 0, 0), (30, 30, 0, 40, 0)),
    (("西坪县城关城郊村", "西坪县", false, UrbanVillage, 2027, ExpropriationStarted, 195, 19500, 878, "西坪县县长"), (25, 15, 5), (20, 60, 20, 0, 0)),
    (("西坪县老粮站片区", "西坪县", false, DilapidatedHousing, 2028, Planning, 105, 8610, 315, "西坪县副县长"), (20, 15, 5), (20, 60, 20, 0, 0)),
    (("西坪县西坪中学配套", "西坪县", false, Infrastructure, 2028, Planning, 0, 0, 9000, "西坪县教育局"), (0, 0, 0), (30, 70, 0, 0, 0)),
    (("石门县石门老街", "石门县", false, DilapidatedHousing, 2027, Planning, 175, 14350, 525, "石门县县长"), (25, 15, 5), (20, 60, 20, 0, 0)),
    (("石门县矿区危旧房", "石门县", false, DilapidatedHousing, 2028, Planning, 140, 11480, 420, "石门县副县长"), (20, 15, 5), (20, 60, 20, 0, 0)),
    (("石门县供热管网配套", "石门县", false, Infrastructure, 2027, Planning, 0, 0, 6200, "石门县住建局"), (0, 0, 0), (30, 30, 0, 40, 0)),
    (("安平县北关城中村", "安平县", false, UrbanVillage, 2027, ExpropriationStarted, 212, 21200, 954, "安平县县长"), (25, 15, 5), (20, 60, 20, 0, 0)),
    (("安平县化肥厂旧住宅小区", "安平县", false, OldResidentialCompound, 2028, Planning, 115, 8280, 288, "安平县副县长"), (20, 13, 5), (20, 60, 20, 0, 0)),
    (("安平县东街片区", "安平县", false, DilapidatedHousing, 2027, Planning, 135, 11070, 405, "安平县住建局"), (25, 15, 5), (20, 60, 20, 0, 0)),
    (("安平县西河城郊村", "安平县", false, UrbanVillage, 2028, Planning, 160, 16000, 720, "安平县住建局"), (20, 15, 5), (20, 60, 20, 0, 0)),
];

/// The ten central-city projects' leaders, one each (市级领导甲…癸), in the order of `CENTRAL`.
const CITY_LEADERS: [&str; 10] = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"];

/// Who answers for the `i`th demo project (包抓责任制): in the central city, a city leader of
/// its own with the district government as 责任单位, the district's 征收办 holding 包征收, the
/// city's investment company 包建设 and its 招商局 包招商; in a county, the county head
/// (领导甲) or a deputy (领导乙), who also leads a county bureau's project, that bureau being
/// its unit.
fn responsibility(
    i: usize,
    district: &str,
    central_city: bool,
    post: &str,
) -> (String, Responsibility) {
    let government = format!("{district}人民政府");
    if central_city {
        let duties = Duties {
            expropriation: format!("{district}房屋征收办"),
            construction: "市城投公司".to_string(),
            investment: "市招商局".to_string(),
            ..Duties::default()
        };
        let leader = format!("市级领导{}", CITY_LEADERS[i % CITY_LEADERS.len()]);
        return (
            leader,
            Responsibility {
                post: post.to_string(),
                unit: government,
                duties,
            },
        );
    }
    let head = post.ends_with("县县长") && !post.ends_with("副县长");
    let (leader, post, unit) = if head {
        ("甲", post.to_string(), government)
    } else if post.ends_with("副县长") {
        ("乙", post.to_string(), government)
    } else {
        ("乙", format!("{district}副县长"), post.to_string())
    };
    (
        format!("{district}领导{leader}"),
        Responsibility {
            post,
            unit,
            duties: Default::default(),
        },
    )
}

/// Compensation price in the county towns, 元/m² (the city-wide default is the central city's).
const COUNTY_COMPENSATION_PRICE: f64 = 3_000.0;

fn project(i: usize, &(row, mix, fin): &(Row, Mix, Fin)) -> Project {
    let (name, district, central_city, kind, year, status, households, area, infrastructure, post) =
        row;
    let (lead, responsibility) = responsibility(i, district, central_city, post);
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
        // Old homes: 100–110 m² per household in urban villages (self-built houses), 80–85 m² in
        // dilapidated housing, 72–78 m² in old compounds.
        area_m2: f64::from(area),
        // Roads, water, power, gas and heating: 2.5–4.5 万元 per household by type; the four
        // infrastructure-only projects (hospital, water works, school, heating) are costed alone.
        infrastructure_cost: f64::from(infrastructure),
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
            voucher: 0.0,
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
                compensation_price: Some(COUNTY_COMPENSATION_PRICE),
                ..Default::default()
            }
        },
        lead,
        responsibility,
        comment: String::new(),
        ppp: Default::default(),
        income: Vec::new(),
        progress: Default::default(),
        forecast: None,
        readiness: Default::default(),
    }
}

/// The demo plan: 32 projects, 9,373 households, over 2027 and 2028.
pub fn demo_plan() -> Plan {
    let mut projects: Vec<Project> = CENTRAL
        .iter()
        .chain(COUNTY)
        .enumerate()
        .map(|(i, r)| project(i, r))
        .collect();
    ppp_stakes(&mut projects);
    project_income(&mut projects);
    // 东岭县, whose market has homes to spare, gives its self-purchase households 房票 on the
    // plan's scheme (the 厦门 2023 preset).
    for p in projects.iter_mut().filter(|p| p.district == "东岭县") {
        p.resettlement.voucher = p.resettlement.self_purchase;
        p.resettlement.self_purchase = 0.0;
    }
    example_progress(&mut projects);
    crate::document::demo_steps::demo_readiness(&mut projects);
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
        window_years: crate::document::plan::DEFAULT_WINDOW_YEARS,
        assumptions,
        scenarios: vec![Scenario {
            id: "s-monetized-60".into(),
            forecast: false,
            gated: None,
            name: "货币化60%".into(),
            note: "所有项目货币化安置率提高到60%，新建安置房相应减少".into(),
            edits: vec![Edit::Lever {
                lever: Lever {
                    scope: Scope::All,
                    action: LeverAction::MonetizedMin {
                        share: 0.6,
                        into: ResettlementWay::Cash,
                    },
                },
            }],
        }],
        projects,
        provenance: Default::default(),
        submissions: Vec::new(),
        risk: Default::default(),
        optimize: Default::default(),
        reporting: Default::default(),
        history: Vec::new(),
        gates: Default::default(),
        deadlines: crate::document::demo_steps::demo_deadlines(),
        housing: crate::document::demo_steps::demo_housing(),
        assessment: Default::default(),
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

/// `plan` with every project's actuals month by month from January of its year to `through`
/// (the benchmark's two years of reports): households signed over six months, vacated a month
/// behind, resettled with money by the project's mix as they are vacated, flats started from
/// the fourth month and completed a year on, investment and funds in place spread evenly over
/// the year; a month in which nothing changed is not kept.
pub fn with_actuals(plan: Plan, through: crate::calc::model::Month) -> Plan {
    with_actuals_paced(plan, through, 1.0)
}

/// `with_actuals` with every duration `pace` times as long (3.0: investment spread over three
/// years, so each of 36 months has its own record).
fn with_actuals_paced(mut plan: Plan, through: crate::calc::model::Month, pace: f64) -> Plan {
    use crate::calc::model::Month;
    use crate::document::progress_entry::put;
    let a = plan.assumptions.clone();
    for p in plan.projects.iter_mut() {
        let c = crate::calc::costs::project_costs(p, &a);
        let total = c.total.total();
        let start = Month::january(p.year);
        let mut m = start;
        let mut progress = crate::calc::model::ProjectProgress {
            expropriation_started: Some(start),
            construction_started: (f64::from(through.since(start) as i16) >= 3.0 * pace)
                .then(|| Month::new(p.year, 4 + (3.0 * (pace - 1.0)) as u8))
                .flatten(),
            ..Default::default()
        };
        while m <= through {
            let k = f64::from(m.since(start) as i16 + 1);
            let share =
                |months: f64, lag: f64| ((k - lag * pace) / (months * pace)).clamp(0.0, 1.0);
            let mut r = crate::document::progress_entry::record_for(&progress, m);
            let households = f64::from(p.households);
            r.signed = (households * share(6.0, 0.0)).round() as u64;
            r.vacated = (households * share(6.0, 1.0)).round() as u64;
            for &w in ResettlementWay::ALL.iter().filter(|w| w.monetized()) {
                *w.amount_mut(&mut r.monetized) =
                    (w.amount(&c.households) as f64 * share(6.0, 1.0)).round() as u64;
            }
            let units = ResettlementWay::NewBuild.amount(&c.households) as f64;
            r.started_units = (units * share(3.0, 3.0)).round() as u64;
            r.completed_units = (units * share(3.0, 15.0)).round() as u64;
            r.invested = (total * share(12.0, 0.0)).round();
            for &i in crate::calc::model::Instrument::ALL {
                *i.amount_mut(&mut r.funds) = (r.invested * i.get(&p.financing)).round();
            }
            progress = put(&progress, r);
            m = m.next();
        }
        p.progress = progress;
    }
    plan
}

/// The largest plan the app supports (`plan::LARGEST_PLAN_PROJECTS` projects, each in the
/// plan's first year with `LARGEST_PLAN_MONTHS` months of actuals): what the round-trip test,
/// the benchmarks and the browser's size tests load.
pub fn largest_plan() -> Plan {
    use crate::calc::model::Month;
    use crate::document::plan::{LARGEST_PLAN_MONTHS, LARGEST_PLAN_PROJECTS};
    let mut plan = generated_plan(LARGEST_PLAN_PROJECTS);
    plan.id = "largest".into();
    plan.name = format!("最大方案（{LARGEST_PLAN_PROJECTS}个项目）");
    // A province's three-year list: the months of actuals stay within the plan's window.
    plan.window_years = 3;
    let first = plan.first_year;
    for p in plan.projects.iter_mut() {
        p.year = first;
    }
    let mut through = Month::january(first);
    for _ in 1..LARGEST_PLAN_MONTHS {
        through = through.next();
    }
    with_actuals_paced(plan, through, 3.0)
}

/// What a real city puts into its PPP projects besides the payments (财金〔2015〕21号): the
/// station-area project's company is 10 % the government's, with retained risk at 2 % of
/// construction and 5 % of operating cost; the county water works costs its risk by scenarios
/// (300, 800 or 2,000 万元 at 70 / 20 / 10 %); the heating network gets 600 万元 of
/// connections, 150 of them paid back by the partner.
fn ppp_stakes(projects: &mut [Project]) {
    use crate::calc::finance::ppp::RiskCost;
    for p in projects.iter_mut() {
        match p.name.as_str() {
            "火车站南片区" => {
                p.ppp.equity_share = Some(0.1);
                p.ppp.risk = Some(RiskCost::Ratio {
                    construction: 0.02,
                    operating: 0.05,
                });
            }
            "南河县自来水配套" => {
                p.ppp.equity_share = Some(0.1);
                p.ppp.risk = Some(RiskCost::Scenarios {
                    base: 300.0,
                    adverse: 800.0,
                    worst: 2_000.0,
                    p_base: 0.7,
                    p_adverse: 0.2,
                    p_worst: 0.1,
                });
            }
            "石门县供热管网配套" => {
                p.ppp.supporting = 600.0;
                p.ppp.partner_pays = 150.0;
            }
            _ => {}
        }
    }
}

/// Income besides land sales, as 资金平衡方案 of real projects list it: the station area sells
/// surplus flats and shops, the old town lets its parking, the county west street rents out its
/// shop fronts.
fn project_income(projects: &mut [Project]) {
    use crate::calc::model::{IncomeKind, IncomeStream};
    let stream = |kind, amount, start_offset, years| IncomeStream {
        kind,
        amount,
        start_offset,
        years,
    };
    for p in projects.iter_mut() {
        p.income = match p.name.as_str() {
            "火车站南片区" => vec![stream(IncomeKind::Sales, 6_000.0, 3, 2)],
            "老城东关片区" => vec![stream(IncomeKind::Parking, 900.0, 3, 6)],
            "X县西街" => vec![
                stream(IncomeKind::Parking, 400.0, 3, 4),
                stream(IncomeKind::Rent, 1_200.0, 3, 10),
            ],
            _ => continue,
        };
    }
}

/// 示例数据: the first three months of 2027 as the speech describes them. X县西街 signs and
/// clears all 1,066 households in January and starts building in March; the counties' other
/// projects sign slowly and resettle few households with money; none of the six central-city
/// projects of 2027 has started.
fn example_progress(projects: &mut [Project]) {
    use crate::calc::model::{Month, MonthlyProgress, ProjectProgress};
    let month = |m| Month::new(2027, m).expect("a month");
    // (signed, vacated, cash, self-purchase, government purchase, started, invested) by month.
    type Figures = (u64, u64, u64, u64, u64, u64, f64);
    let records = |p: &Project, by_month: &[Figures]| -> Vec<MonthlyProgress> {
        by_month
            .iter()
            .enumerate()
            .map(
                |(i, &(signed, vacated, cash, own, bought, started, invested))| {
                    let mut r = MonthlyProgress::empty(month(i as u8 + 1));
                    r.signed = signed;
                    r.vacated = vacated;
                    // A district with vouchers buys with them.
                    let own_way = if p.resettlement.voucher > 0.0 {
                        ResettlementWay::Voucher
                    } else {
                        ResettlementWay::SelfPurchase
                    };
                    for (way, n) in [
                        (ResettlementWay::Cash, cash),
                        (own_way, own),
                        (ResettlementWay::GovernmentPurchase, bought),
                    ] {
                        *way.amount_mut(&mut r.monetized) = n;
                    }
                    r.started_units = started;
                    r.invested = invested;
                    // Funds in place follow the project's mix of what it has spent.
                    for &i in crate::calc::model::Instrument::ALL {
                        *i.amount_mut(&mut r.funds) = (invested * i.get(&p.financing)).round();
                    }
                    r
                },
            )
            .collect()
    };
    for p in projects.iter_mut() {
        let (started, by_month): (Option<(u8, Option<u8>)>, &[Figures]) = match p.name.as_str() {
            "X县西街" => (
                Some((1, Some(3))),
                &[
                    (1066, 1066, 120, 50, 20, 0, 9_000.0),
                    (1066, 1066, 160, 70, 30, 0, 13_500.0),
                    (1066, 1066, 190, 90, 40, 300, 18_000.0),
                ],
            ),
            "X县东关危旧房" => (
                Some((2, None)),
                &[
                    (0, 0, 0, 0, 0, 0, 0.0),
                    (40, 20, 5, 0, 0, 0, 400.0),
                    (90, 60, 10, 5, 0, 0, 900.0),
                ],
            ),
            "东岭县老街片区" => (
                Some((1, None)),
                &[
                    (30, 10, 2, 0, 0, 0, 300.0),
                    (70, 40, 5, 2, 0, 0, 700.0),
                    (120, 80, 8, 3, 0, 0, 1_200.0),
                ],
            ),
            "南河县南关危旧房" => (
                Some((2, None)),
                &[
                    (0, 0, 0, 0, 0, 0, 0.0),
                    (25, 10, 2, 0, 0, 0, 250.0),
                    (60, 30, 4, 1, 0, 0, 600.0),
                ],
            ),
            "西坪县城关城郊村" => (
                Some((1, None)),
                &[
                    (20, 0, 1, 0, 0, 0, 200.0),
                    (50, 20, 4, 1, 0, 0, 500.0),
                    (80, 45, 7, 2, 1, 0, 800.0),
                ],
            ),
            "安平县北关城中村" => (
                Some((1, None)),
                &[
                    (40, 20, 5, 2, 0, 0, 500.0),
                    (70, 40, 10, 4, 0, 0, 900.0),
                    (100, 70, 14, 5, 1, 0, 1_300.0),
                ],
            ),
            _ => continue,
        };
        let months = records(p, by_month);
        p.progress = ProjectProgress {
            expropriation_started: started.map(|(m, _)| month(m)),
            construction_started: started.and_then(|(_, c)| c.map(month)),
            months,
            sample: true,
        };
    }
}
