//! The demo plan's readiness, shaped after the speech (late 2026): X县西街 through every
//! milestone, six central-city projects without their 征收决定, most loan contracts not yet
//! signed, and the city's deadlines (风险评估 by 10月底, 开工 by 11月底, next year's list by
//! 11月10日).

use crate::calc::model::{Project, Status};
use crate::calc::readiness::{Day, Deadline, Milestone, MilestoneRecord, RiskLevel};

use Milestone as M;

fn day(s: &str) -> Day {
    Day::parse(s).expect("the demo's dates are valid")
}

/// A step done on `on` (planned for the same day), with its paper.
fn done(on: &str, number: String) -> MilestoneRecord {
    MilestoneRecord {
        planned: Some(day(on)),
        actual: Some(day(on)),
        number,
        note: String::new(),
    }
}

fn planned(on: &str) -> MilestoneRecord {
    MilestoneRecord {
        planned: Some(day(on)),
        ..Default::default()
    }
}

/// A 文号 of the district (its name is the issuer's prefix): "X县发改投资〔2026〕21号".
fn doc(district: &str, office: &str, n: usize) -> String {
    format!("{district}{office}〔2026〕{n}号")
}

/// A loan paper's number: "GKH-HT-2026-011".
fn loan_no(kind: &str, n: usize) -> String {
    format!("GKH-{kind}-2026-{n:03}")
}

/// The six central-city projects still without their 征收决定 (the speech's "务必在10月底前完成项目
/// 风险评估等工作，并签订补偿协议，启动房屋征收").
pub const WITHOUT_DECISION: [&str; 6] = [
    "黄沙桥片区",
    "行政中心北侧",
    "杨峪河片区",
    "北新街东片区",
    "火车站南片区",
    "张滩村城中村",
];

/// Every project's milestones and facts as of early December 2026.
pub fn demo_readiness(projects: &mut [Project]) {
    for (k, p) in projects.iter_mut().enumerate() {
        let n = k + 1;
        if p.name == "X县西街" {
            every_step(p, n);
        } else if WITHOUT_DECISION.contains(&p.name.as_str()) {
            before_decision(p, n);
        } else if p.status != Status::Planning {
            under_way(p, n);
        } else if p.year == 2027 {
            starting(p, n);
        } else {
            next_year(p, n);
        }
        sources_of_money(p, n);
    }
}

/// X县西街: every approval and every loan step done in 2026, each with its paper.
fn every_step(p: &mut Project, n: usize) {
    let d = p.district.clone();
    let steps = [
        (M::Feasibility, "2026-03-15", doc(&d, "发改投资", 21)),
        (M::LandUse, "2026-04-20", doc(&d, "自然资预", 9)),
        (
            M::PlanningPermit,
            "2026-05-18",
            "地字第610000202600031号".into(),
        ),
        (M::Eia, "2026-05-06", doc(&d, "环批", 14)),
        (M::RiskAssessment, "2026-06-10", doc(&d, "稳评", 6)),
        (M::CompensationPlan, "2026-06-25", doc(&d, "政征", 3)),
        (M::Presigning, "2026-08-20", doc(&d, "征办", 11)),
        (M::FundBalancePlan, "2026-07-15", doc(&d, "财建", 40)),
        (M::ExpropriationDecision, "2026-09-05", doc(&d, "政发", 27)),
        (
            M::ConstructionPermit,
            "2026-11-20",
            "610000202611200101".into(),
        ),
        (M::LoanApplication, "2026-07-01", loan_no("SQ", n)),
        (M::LoanReview, "2026-08-15", loan_no("PS", n)),
        (M::LoanCredit, "2026-09-20", loan_no("SX", n)),
        (M::LoanContract, "2026-10-28", loan_no("HT", n)),
        (M::LoanFirstDraw, "2026-11-25", loan_no("FK", n)),
    ];
    for (m, on, number) in steps {
        p.readiness.milestones.insert(m, done(on, number));
    }
    p.readiness.opposition = Some(0.03);
    p.readiness.risk = Some(RiskLevel::Low);
    p.readiness.presigned = Some(0.93);
}

/// A central-city project before its 征收决定: approved and its land settled, its risk
/// assessment due by the end of October (two done, one late), its compensation plan and
/// decision still to come.
fn before_decision(p: &mut Project, n: usize) {
    let d = p.district.clone();
    let r = &mut p.readiness.milestones;
    r.insert(
        M::Feasibility,
        done("2026-06-12", doc(&d, "发改投资", 30 + n)),
    );
    r.insert(M::LandUse, done("2026-07-08", doc(&d, "自然资预", 10 + n)));
    r.insert(M::Eia, planned("2026-12-18"));
    r.insert(M::PlanningPermit, planned("2027-02-26"));
    let assessed = match p.name.as_str() {
        "行政中心北侧" => Some(("2026-10-28", 0.04)),
        "北新街东片区" => Some(("2026-11-05", 0.12)),
        _ => None,
    };
    match assessed {
        Some((on, opposition)) => {
            r.insert(M::RiskAssessment, done(on, doc(&d, "稳评", n)));
            p.readiness.opposition = Some(opposition);
        }
        None => {
            r.insert(M::RiskAssessment, planned("2026-10-31"));
        }
    }
    let r = &mut p.readiness.milestones;
    r.insert(M::CompensationPlan, planned("2026-12-25"));
    r.insert(M::FundBalancePlan, planned("2026-12-31"));
    r.insert(M::Presigning, planned("2027-02-10"));
    r.insert(M::ExpropriationDecision, planned("2027-03-15"));
    r.insert(M::ConstructionPermit, planned("2027-05-20"));
}

/// A project already expropriating or building: its approvals and decision done.
fn under_way(p: &mut Project, n: usize) {
    let d = p.district.clone();
    let r = &mut p.readiness.milestones;
    r.insert(
        M::Feasibility,
        done("2026-04-10", doc(&d, "发改投资", 50 + n)),
    );
    r.insert(M::LandUse, done("2026-05-12", doc(&d, "自然资预", 30 + n)));
    r.insert(M::Eia, done("2026-05-28", doc(&d, "环批", 20 + n)));
    r.insert(
        M::RiskAssessment,
        done("2026-06-30", doc(&d, "稳评", 20 + n)),
    );
    r.insert(
        M::CompensationPlan,
        done("2026-07-20", doc(&d, "政征", 10 + n)),
    );
    r.insert(
        M::FundBalancePlan,
        done("2026-08-25", doc(&d, "财建", 50 + n)),
    );
    r.insert(
        M::ExpropriationDecision,
        done("2026-09-28", doc(&d, "政发", 30 + n)),
    );
    r.insert(M::PlanningPermit, planned("2026-12-30"));
    r.insert(M::ConstructionPermit, planned("2027-03-31"));
    p.readiness.opposition = Some(0.02);
    p.readiness.presigned = Some(0.91);
}

/// A 2027 project still being planned: approved, its risk assessment due by October's end.
fn starting(p: &mut Project, n: usize) {
    let d = p.district.clone();
    let r = &mut p.readiness.milestones;
    r.insert(
        M::Feasibility,
        done("2026-08-18", doc(&d, "发改投资", 70 + n)),
    );
    r.insert(M::LandUse, planned("2026-12-20"));
    r.insert(M::Eia, planned("2026-12-28"));
    r.insert(M::PlanningPermit, planned("2027-03-10"));
    if n % 2 == 0 {
        r.insert(
            M::RiskAssessment,
            done("2026-10-26", doc(&d, "稳评", 40 + n)),
        );
        p.readiness.opposition = Some(0.06);
    } else {
        r.insert(M::RiskAssessment, planned("2026-10-31"));
    }
    let r = &mut p.readiness.milestones;
    r.insert(M::CompensationPlan, planned("2027-01-20"));
    r.insert(M::FundBalancePlan, planned("2027-01-31"));
    r.insert(M::ExpropriationDecision, planned("2027-03-31"));
}

/// A 2028 project: its approvals planned through 2027.
fn next_year(p: &mut Project, _n: usize) {
    let r = &mut p.readiness.milestones;
    r.insert(M::Feasibility, planned("2027-04-30"));
    r.insert(M::LandUse, planned("2027-06-30"));
    r.insert(M::RiskAssessment, planned("2027-08-31"));
    r.insert(M::CompensationPlan, planned("2027-09-30"));
    r.insert(M::FundBalancePlan, planned("2027-10-31"));
    r.insert(M::ExpropriationDecision, planned("2027-11-30"));
}

/// Each source of money's steps: loans applied for in 2026 and mostly still before their
/// contracts (西城门片区's signed), bonds registered in both libraries, PPP in procurement.
fn sources_of_money(p: &mut Project, n: usize) {
    let r = &mut p.readiness.milestones;
    let next = p.year > 2027;
    if p.financing.policy_loan > 0.0 && !r.contains_key(&M::LoanContract) {
        if next {
            r.insert(M::LoanApplication, planned("2027-06-30"));
            r.insert(M::LoanContract, planned("2027-12-15"));
        } else {
            r.insert(M::LoanApplication, done("2026-09-15", loan_no("SQ", n)));
            let signed = p.name == "西城门片区";
            if p.status != Status::Planning || signed {
                r.insert(M::LoanReview, done("2026-10-20", loan_no("PS", n)));
                r.insert(M::LoanCredit, done("2026-11-18", loan_no("SX", n)));
            } else {
                r.insert(M::LoanReview, planned("2026-12-20"));
                r.insert(M::LoanCredit, planned("2027-01-25"));
            }
            if signed {
                r.insert(M::LoanContract, done("2026-11-30", loan_no("HT", n)));
            } else if p.status != Status::Planning {
                r.insert(M::LoanContract, planned("2027-01-15"));
            } else {
                r.insert(M::LoanContract, planned("2027-03-31"));
            }
        }
    }
    if p.financing.special_bond > 0.0 {
        let on = if next { "2027-09-30" } else { "2026-11-28" };
        if next {
            r.insert(M::BondLibrary, planned(on));
        } else {
            r.insert(
                M::BondLibrary,
                done(on, format!("ZXZ-{}-2026-{n:03}", p.year)),
            );
        }
        r.insert(
            M::BondIssue,
            planned(if next { "2028-03-31" } else { "2027-04-30" }),
        );
    }
    if p.financing.ppp > 0.0 {
        if next {
            r.insert(M::PppLibrary, planned("2027-05-31"));
        } else {
            r.insert(
                M::PppLibrary,
                done("2026-08-30", format!("PPP-2026-{n:03}")),
            );
            r.insert(M::PppProcurement, planned("2027-01-31"));
        }
        r.insert(
            M::PppContract,
            planned(if next { "2027-11-30" } else { "2027-03-31" }),
        );
    }
}

/// The city's deadlines of the speech.
pub fn demo_deadlines() -> Vec<Deadline> {
    vec![
        Deadline {
            label: "项目社会稳定风险评估完成".into(),
            milestone: Some(M::RiskAssessment),
            day: day("2026-10-31"),
        },
        Deadline {
            label: "下年度项目清单报省".into(),
            milestone: None,
            day: day("2026-11-10"),
        },
        Deadline {
            label: "项目开工（取得施工许可）".into(),
            milestone: Some(M::ConstructionPermit),
            day: day("2026-11-30"),
        },
    ]
}

/// The demo's housing stock after the speech: the central city short (the reason for its
/// 回购安置商品房储备库 and 选购中心), X县 and 东岭县 with ample unsold homes.
pub fn demo_housing() -> crate::calc::housing::HousingStock {
    use crate::calc::housing::{HousingStock, Listing, MarketSales, PurchaseOffer, UnitKind};
    let month = |s: &str| crate::calc::model::Month::parse(s).expect("a demo month");
    let listing = |district: &str, name: &str, units: u32, price: f64, from: &str| Listing {
        district: district.into(),
        name: name.into(),
        kind: UnitKind::Home,
        units,
        area_m2: 90.0,
        price,
        from: month(from),
        open_to: Vec::new(),
    };
    let central = vec!["城关区".to_string(), "新城区".to_string()];
    HousingStock {
        listings: vec![
            Listing {
                open_to: central.clone(),
                ..listing("城关区", "滨江花园二期", 420, 6_800.0, "2027-01")
            },
            Listing {
                open_to: central,
                ..listing("新城区", "新城嘉苑", 360, 6_200.0, "2027-03")
            },
            listing("城关区", "北关小区（回购储备）", 180, 6_500.0, "2027-06"),
            Listing {
                kind: UnitKind::Parking,
                area_m2: 13.0,
                ..listing("城关区", "滨江花园二期车位", 300, 5_000.0, "2027-01")
            },
            listing("X县", "县城新区楼盘（三个）", 2_400, 3_900.0, "2027-01"),
            listing("东岭县", "东岭新城", 1_800, 3_600.0, "2027-01"),
        ],
        offers: vec![PurchaseOffer {
            district: "城关区".into(),
            units: 200,
            price: 6_300.0,
            month: month("2027-06"),
        }],
        sales: vec![
            MarketSales {
                district: "城关区".into(),
                units_per_month: 160.0,
            },
            MarketSales {
                district: "新城区".into(),
                units_per_month: 110.0,
            },
            MarketSales {
                district: "X县".into(),
                units_per_month: 55.0,
            },
            MarketSales {
                district: "东岭县".into(),
                units_per_month: 40.0,
            },
        ],
    }
}
