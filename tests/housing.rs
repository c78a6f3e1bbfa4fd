//! The housing stock (房源库): demand against stock checked by hand, the findings, the checks
//! that refuse a bad row by name, and documents before version 9 reading with no stock.

use planner::analysis::housing::{cycle_months, demand_vs_stock, housing_findings, HousingFinding};
use planner::calc::housing::{HousingStock, Listing, MarketSales, PurchaseOffer, UnitKind};
use planner::demo::demo_plan;
use planner::edit::Edit;
use planner::model::{Month, Project, ResettlementMix};
use planner::plan::{simulate_plan, Plan};
use planner::simulate::Group;

fn month(s: &str) -> Month {
    Month::parse(s).unwrap()
}

/// A 2027 project of 100 households in `district`: 20 % cash, 50 % self-purchase, 20 %
/// government purchase, 10 % new flats (50 and 20 households).
fn project(plan: &Plan, name: &str, district: &str, central: bool) -> Project {
    let mut p = plan.new_project(name);
    p.district = district.into();
    p.central_city = central;
    p.year = 2027;
    p.households = 100;
    p.resettlement = ResettlementMix {
        cash: 0.2,
        self_purchase: 0.5,
        government_purchase: 0.2,
        new_build: 0.1,
        voucher: 0.0,
    };
    p
}

fn homes(district: &str, units: u32, from: &str, open_to: &[&str]) -> Listing {
    Listing {
        district: district.into(),
        name: format!("{district}楼盘"),
        kind: UnitKind::Home,
        units,
        area_m2: 90.0,
        price: 6_000.0,
        from: month(from),
        open_to: open_to.iter().map(|d| d.to_string()).collect(),
    }
}

fn plan_with(projects: impl Fn(&Plan) -> Vec<Project>, stock: HousingStock) -> Plan {
    let mut plan = demo_plan();
    plan.scenarios.clear();
    plan.projects = projects(&plan);
    plan.housing = stock;
    plan
}

/// 甲区 by hand: 50 self-purchase and 20 government-purchase households in 2027; 40 homes on
/// the market from January 2027 (and 300 parking spaces, which house nobody), 10 flats offered
/// by the government in June: 50 + (20 − 10) = 60 need a market home against 40. In 2028 30
/// more homes come: 70 ≥ 60, no shortage; the government still buys 20 against 10 offered.
#[test]
fn demand_against_stock_by_hand() {
    let plan = plan_with(
        |plan| vec![project(plan, "甲一", "甲区", true)],
        HousingStock {
            listings: vec![
                homes("甲区", 40, "2027-01", &[]),
                homes("甲区", 30, "2028-03", &[]),
                Listing {
                    kind: UnitKind::Parking,
                    units: 300,
                    ..homes("甲区", 0, "2027-01", &[])
                },
            ],
            // Offered at the plan's purchase price: a price it was not offered is a finding of
            // its own (`purchases_costed_below_the_offers_are_named`).
            offers: vec![PurchaseOffer {
                district: "甲区".into(),
                units: 10,
                price: 4_200.0,
                month: month("2027-06"),
            }],
            sales: Vec::new(),
        },
    );
    let rows = demand_vs_stock(&plan);
    assert_eq!(rows.len(), 2);
    let (y27, y28) = (&rows[0], &rows[1]);
    assert_eq!(
        (
            y27.year,
            y27.self_purchase,
            y27.government_purchase,
            y27.offers
        ),
        (2027, 50, 20, 10)
    );
    assert_eq!((y27.demand, y27.stock, y27.short()), (60, 40, 20));
    assert_eq!(
        (y28.year, y28.demand, y28.stock, y28.short()),
        (2028, 60, 70, 0)
    );
    let findings = housing_findings(&plan, &simulate_plan(&plan, None));
    assert_eq!(
        findings,
        vec![
            HousingFinding::DemandAboveStock {
                year: 2027,
                district: "甲区".into(),
                demand: 60,
                stock: 40
            },
            HousingFinding::PurchaseAboveOffers {
                year: 2027,
                district: "甲区".into(),
                purchase: 20,
                offers: 10
            },
            HousingFinding::PurchaseAboveOffers {
                year: 2028,
                district: "甲区".into(),
                purchase: 20,
                offers: 10
            },
        ]
    );
    assert_eq!(
        findings[0].message(planner::i18n::Lang::Zh),
        "2027年底前甲区需在市场购房的安置户 60 户，可用房源仅 40 套（房源库）"
    );
}

/// Two central districts share one listing of 80 homes: each district's 50 fit in it, the
/// central city's 100 do not; a district with nothing entered (丙县) is not checked.
#[test]
fn a_shared_listing_is_counted_once_for_the_central_city() {
    let plan = plan_with(
        |plan| {
            vec![
                project(plan, "甲一", "甲区", true),
                project(plan, "乙一", "乙区", true),
                project(plan, "丙一", "丙县", false),
            ]
        },
        HousingStock {
            listings: vec![homes("甲区", 80, "2027-01", &["甲区", "乙区"])],
            ..Default::default()
        },
    );
    let rows = demand_vs_stock(&plan);
    assert!(rows.iter().all(|r| r.district != "丙县"));
    // No offers: all 70 of each district need a market home.
    assert!(rows
        .iter()
        .filter(|r| r.year == 2027)
        .all(|r| (r.demand, r.stock) == (70, 80)));
    let findings = housing_findings(&plan, &simulate_plan(&plan, None));
    assert!(findings.contains(&HousingFinding::GroupAboveStock {
        year: 2027,
        group: Group::CentralCity,
        demand: 140,
        stock: 80
    }));
    assert!(!findings
        .iter()
        .any(|f| matches!(f, HousingFinding::DemandAboveStock { .. })));
}

/// 消化周期: 100 homes listed over 10 sold a month is 10 months, under 15: a district monetized
/// above its target there is a finding; at 5 a month (20 months) it is not.
#[test]
fn monetized_above_target_where_stock_sells_out_in_under_fifteen_months() {
    let stock = |sales: f64| HousingStock {
        listings: vec![homes("甲区", 100, "2027-01", &[])],
        offers: Vec::new(),
        sales: vec![MarketSales {
            district: "甲区".into(),
            units_per_month: sales,
        }],
    };
    let plan = plan_with(
        |plan| vec![project(plan, "甲一", "甲区", true)],
        stock(10.0),
    );
    assert_eq!(cycle_months(&plan.housing, "甲区"), Some(10.0));
    let findings = housing_findings(&plan, &simulate_plan(&plan, None));
    let short = findings
        .iter()
        .find(|f| matches!(f, HousingFinding::ShortCycle { .. }))
        .expect("a short-cycle finding");
    let HousingFinding::ShortCycle { months, rate, .. } = short else {
        unreachable!()
    };
    assert_eq!((*months, *rate), (10.0, 0.9));
    let slow = plan_with(|plan| vec![project(plan, "甲一", "甲区", true)], stock(5.0));
    assert!(!housing_findings(&slow, &simulate_plan(&slow, None))
        .iter()
        .any(|f| matches!(f, HousingFinding::ShortCycle { .. })));
}

/// No stock entered: nothing to say, whatever the plan monetizes.
#[test]
fn no_stock_no_finding() {
    let plan = plan_with(
        |plan| vec![project(plan, "甲一", "甲区", true)],
        HousingStock::default(),
    );
    assert!(demand_vs_stock(&plan).is_empty());
    assert!(housing_findings(&plan, &simulate_plan(&plan, None)).is_empty());
}

/// A negative price and a district's sales given twice are refused, each row named; the plan
/// keeps its stock.
#[test]
fn a_bad_row_is_refused_by_name_and_the_stock_kept() {
    let mut plan = demo_plan();
    let before = plan.housing.clone();
    let mut bad = before.clone();
    bad.listings[0].price = -1.0;
    bad.sales.push(bad.sales[0].clone());
    let refused = plan
        .apply(&Edit::SetHousingStock {
            stock: Box::new(bad),
        })
        .unwrap_err();
    let message = refused.message(planner::i18n::Lang::Zh);
    assert!(message.contains("房源库「房源」第 1 行"), "{message}");
    assert!(message.contains("房源库「月均销售」第 5 行"), "{message}");
    assert_eq!(plan.housing, before);
    // A good change is one step, undone by its inverse.
    let mut more = before.clone();
    more.listings[0].units += 100;
    let inverse = plan
        .apply(&Edit::SetHousingStock {
            stock: Box::new(more.clone()),
        })
        .unwrap();
    assert_eq!(plan.housing, more);
    plan.apply(&inverse).unwrap();
    assert_eq!(plan.housing, before);
}

/// The demo after the speech: the central city short of homes for its market households, the
/// counties' stock ample; the stock round-trips through the document.
#[test]
fn the_demo_stock_is_short_in_the_central_city() {
    let plan = demo_plan();
    let findings = housing_findings(&plan, &simulate_plan(&plan, None));
    assert!(findings.iter().any(|f| matches!(
        f,
        HousingFinding::GroupAboveStock {
            group: Group::CentralCity,
            ..
        }
    )));
    assert!(!findings.iter().any(|f| matches!(
        f,
        HousingFinding::DemandAboveStock { district, .. } if district.ends_with('县')
    )));
    let text = planner::format::encode(&plan);
    assert_eq!(
        planner::format::decode(&text).unwrap().housing,
        plan.housing
    );
}

/// `plan-sim --housing` prints the rows, the cycles and the findings of the demo as JSON.
#[test]
fn plan_sim_prints_demand_against_stock() {
    let dir = std::env::temp_dir().join(format!("housing-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("demo.json");
    std::fs::write(&file, planner::format::encode(&demo_plan())).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plan-sim"))
        .args(["--housing", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = v["rows"].as_array().unwrap();
    let x = rows
        .iter()
        .find(|r| r["district"] == "X县" && r["year"] == 2028)
        .unwrap();
    assert_eq!(
        (x["stock"].as_u64(), x["demand"].as_u64()),
        (Some(2400), Some(246))
    );
    let cycles = v["cycles"].as_array().unwrap();
    assert!(cycles
        .iter()
        .any(|c| c["district"] == "城关区" && (c["months"].as_f64().unwrap() - 3.75).abs() < 1e-9));
    let findings = v["findings"].as_array().unwrap();
    assert!(findings.iter().any(|f| f["kind"] == "group_above_stock"
        && f["message"]
            .as_str()
            .unwrap()
            .contains("2028年底前中心城市需在市场购房的安置户 1222 户")));
}

#[test]
fn the_stock_workbook_round_trips() {
    use planner::words::i18n::Lang;
    let stock = planner::document::demo_steps::demo_housing();
    for lang in [Lang::Zh, Lang::En] {
        let bytes = planner::exchange::stock_sheet::write(&stock, lang).unwrap();
        let read = planner::exchange::stock_sheet::read(&bytes, lang).unwrap();
        assert_eq!(read, stock);
    }
}

#[test]
fn a_stock_workbook_with_a_bad_row_is_refused_whole_with_each_row_named() {
    use planner::words::i18n::Lang;
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("房源").unwrap();
    let head = [
        "区县",
        "楼盘/批次",
        "类型",
        "套数",
        "套均面积（m²）",
        "均价（元/m²）",
        "起始月份",
    ];
    for (c, h) in head.iter().enumerate() {
        ws.write_string(1, c as u16, *h).unwrap();
    }
    // Row 3 fine; row 4 half a flat; row 5 a negative price and a month that is not one.
    let rows: [(&str, f64, f64, &str); 3] = [
        ("城关区", 100.0, 6_000.0, "2027-01"),
        ("城关区", 12.5, 6_000.0, "2027-02"),
        ("新城区", 10.0, -5.0, "明年"),
    ];
    for (i, (d, units, price, from)) in rows.iter().enumerate() {
        let r = 2 + i as u32;
        ws.write_string(r, 0, *d).unwrap();
        ws.write_string(r, 1, "某楼盘").unwrap();
        ws.write_string(r, 2, "住宅").unwrap();
        ws.write_number(r, 3, *units).unwrap();
        ws.write_number(r, 4, 90.0).unwrap();
        ws.write_number(r, 5, *price).unwrap();
        ws.write_string(r, 6, *from).unwrap();
    }
    let ws = wb.add_worksheet().set_name("政府团购与收储").unwrap();
    for (c, h) in ["区县", "套数", "均价（元/m²）", "起始月份"]
        .iter()
        .enumerate()
    {
        ws.write_string(1, c as u16, *h).unwrap();
    }
    // No 月均销售 sheet at all.
    let bytes = wb.save_to_buffer().unwrap();
    let problems = planner::exchange::stock_sheet::read(&bytes, Lang::Zh).unwrap_err();
    let all = problems.join("\n");
    assert!(all.contains("第 4 行：套数「12.5」 应为整数"), "{all}");
    assert!(all.contains("第 5 行：起始月份「明年」不是 年-月"), "{all}");
    assert!(
        all.contains("第 5 行：房源库「房源」第 3 行：-5 应在 0 至 200000 之间"),
        "{all}"
    );
    assert!(all.contains("没有“月均销售”工作表"), "{all}");
    assert_eq!(problems.len(), 4, "{all}");
}

#[test]
fn the_stock_chart_draws_each_rows_demand_and_homes() {
    use planner::words::i18n::Lang;
    let plan = demo_plan();
    let rows = demand_vs_stock(&plan);
    let chart: serde_json::Value =
        serde_json::from_str(&planner::present::charts::stock_chart(&rows, Lang::Zh).to_string())
            .unwrap();
    let series = chart["series"].as_array().unwrap();
    assert_eq!(series.len(), 2);
    assert_eq!(series[0]["name"], "需在市场购房（户）");
    let data = |k: usize| -> Vec<f64> {
        series[k]["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_f64().unwrap())
            .collect()
    };
    assert_eq!(
        data(0),
        rows.iter().map(|r| r.demand as f64).collect::<Vec<_>>()
    );
    assert_eq!(
        data(1),
        rows.iter().map(|r| r.stock as f64).collect::<Vec<_>>()
    );
    assert_eq!(chart["xAxis"]["data"][4], "城关区 2027年");
}

/// The government's purchases costed at a price it has not been offered are named: the demo's
/// 城关区 is offered flats at 6,300 元/m² and costs its purchases at the city's 4,200; a
/// project's own price at the offer's clears it.
#[test]
fn purchases_costed_below_the_offers_are_named() {
    let mut plan = planner::demo::demo_plan();
    let found = |plan: &planner::plan::Plan| {
        housing_findings(plan, &simulate_plan(plan, None))
            .into_iter()
            .filter(|f| matches!(f, HousingFinding::OfferPriceDiffers { .. }))
            .collect::<Vec<_>>()
    };
    let f = found(&plan);
    assert_eq!(
        f,
        vec![HousingFinding::OfferPriceDiffers {
            district: "城关区".into(),
            offered: 6_300.0,
            costed: 4_200.0
        }]
    );
    assert_eq!(
        f[0].message(planner::i18n::Lang::Zh),
        "城关区政府团购/收储报价均价 6,300 元/m²，测算按 4,200 元/m² 计（相差 -33.3 %）：请按报价调整项目或全市的购房单价（房源库）"
    );
    // Within a tenth of the offers: 5,700 is 9.5 % below.
    for p in plan.projects.iter_mut().filter(|p| p.district == "城关区") {
        p.costs.purchase_price = Some(5_700.0);
    }
    assert!(found(&plan).is_empty());
}
