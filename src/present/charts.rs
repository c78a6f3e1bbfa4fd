//! Chart builders: results in, a `charming::Chart` (an ECharts option) out. Pure functions,
//! tested natively through their JSON; the UI's chart host only hands them to ECharts.

use charming::component::{Axis, Grid, Legend, Title};
use charming::element::{AreaStyle, AxisLabel, AxisType, SplitLine, Tooltip, Trigger};
use charming::series::{Bar, Line, Pie};
use charming::Chart;

use crate::calc::rules::group_name;
use crate::calc::simulate::{Group, Results, YearResult};
use crate::words::i18n::{fmt_limit, Lang, Text};

/// A chart as ECharts reads it: its option's JSON, written once when the chart is built. The
/// page keeps this rather than the chart, so telling a redrawn chart from the last is comparing
/// text, and charming's deep equality stays out of the page's wasm (issue 38: the budget).
#[derive(Debug, Clone, PartialEq)]
pub struct ChartJson(pub String);

impl From<Chart> for ChartJson {
    fn from(chart: Chart) -> Self {
        ChartJson(chart.to_string())
    }
}

impl Default for ChartJson {
    fn default() -> Self {
        Chart::default().into()
    }
}

/// 万元 to 亿元, rounded to what a chart can show (keeps the option small).
pub fn yi(v_wan: f64) -> f64 {
    // `+ 0.0` turns -0.0 into 0.0: a tooltip must not read "-0 亿元".
    (v_wan / 100.0).round() / 100.0 + 0.0
}

pub fn pct(fraction: f64) -> f64 {
    (fraction * 1000.0).round() / 10.0 + 0.0
}

fn years(r: &Results) -> Vec<String> {
    r.years.iter().map(|y| y.year.to_string()).collect()
}

/// The frame every chart here shares: centred title, axis tooltip, legend below, a category
/// x axis and a value y axis named `y_name`.
pub fn category_base(title: Text, categories: Vec<String>, y_name: &str, lang: Lang) -> Chart {
    titled_base(title.tr(lang), categories, y_name)
}

/// The same with a title made for it ("X县进度…"). Every category is labelled (ECharts would
/// skip every other one where they crowd): turned when they would not fit side by side, with
/// room kept for them above the legend.
pub fn titled_base(title: &str, categories: Vec<String>, y_name: &str) -> Chart {
    let turned = crowded(&categories);
    let label = AxisLabel::new()
        .interval(0.0)
        .rotate(if turned { 40.0 } else { 0.0 });
    Chart::new()
        .title(Title::new().text(title).left("center"))
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .legend(Legend::new().bottom(0))
        .grid(
            Grid::new()
                .left("3%")
                .right("4%")
                .bottom(if turned { "14%" } else { "12%" })
                .contain_label(true),
        )
        .x_axis(
            Axis::new()
                .type_(AxisType::Category)
                .axis_label(label)
                .data(categories),
        )
        .y_axis(Axis::new().type_(AxisType::Value).name(y_name))
}

/// Whether `categories` crowd a chart of the page's narrowest width (about 520 px of plot at
/// 1366 × 768 with the editor open): a CJK character about 12 px, a digit or letter 7 px, and
/// a gap of 8 px between labels.
fn crowded(categories: &[String]) -> bool {
    const PLOT_PX: f64 = 520.0;
    let width = |s: &String| -> f64 {
        s.chars()
            .map(|c| if c.is_ascii() { 7.0 } else { 12.0 })
            .sum::<f64>()
            + 8.0
    };
    let widest = categories.iter().map(width).fold(0.0, f64::max);
    widest * categories.len() as f64 > PLOT_PX
}

/// A dashed horizontal line at `value` over `n` categories: a cap or a threshold.
pub fn dashed_line(name: &str, value: f64, n: usize) -> Line {
    Line::new()
        .name(name)
        .show_symbol(false)
        .line_style(
            charming::element::LineStyle::new().type_(charming::element::LineStyleType::Dashed),
        )
        .data(vec![value; n])
}

/// Category x axis of years, value y axis in `unit`.
fn yearly_base(r: &Results, title: Text, unit: Text, lang: Lang) -> Chart {
    category_base(title, years(r), unit.tr(lang), lang)
}

/// Stacked bars per year (亿元), one series per part `parts` gives a year: its label and amount.
fn stacked_bars(
    mut chart: Chart,
    r: &Results,
    stack: &str,
    parts: fn(&YearResult) -> Vec<(Text, f64)>,
    lang: Lang,
) -> Chart {
    let per_year: Vec<Vec<(Text, f64)>> = r.years.iter().map(parts).collect();
    let names = per_year
        .first()
        .map(|p| p.iter().map(|(t, _)| *t).collect::<Vec<_>>());
    for (i, name) in names.unwrap_or_default().into_iter().enumerate() {
        let data: Vec<f64> = per_year.iter().map(|p| yi(p[i].1)).collect();
        chart = chart.series(Bar::new().name(name.tr(lang)).stack(stack).data(data));
    }
    chart
}

/// Sources of funds per year by instrument, stacked bars (亿元).
pub fn funding_chart(r: &Results, lang: Lang) -> Chart {
    let chart = yearly_base(r, Text::ChartFunding, Text::UnitYi, lang);
    stacked_bars(chart, r, "sources", |y| y.sources.parts(), lang)
}

/// The fiscal burden per year by component, stacked bars (亿元). The room under the PPP cap is
/// read on the PPP chart: drawn here it climbs far above the bars and flattens them.
pub fn fiscal_chart(r: &Results, lang: Lang) -> Chart {
    let chart = yearly_base(r, Text::ChartFiscal, Text::UnitYi, lang);
    stacked_bars(chart, r, "fiscal", |y| y.fiscal.parts(), lang)
}

/// The PPP share of the budget per year (bars, %) against the cap (dashed, %), with the room the
/// cap leaves for this plan's PPP payments on an axis of its own (亿元, right), so neither
/// flattens the other.
pub fn ppp_chart(r: &Results, cap: f64, lang: Lang) -> Chart {
    let share: Vec<f64> = r.years.iter().map(|y| pct(y.ppp_share)).collect();
    let room: Vec<f64> = r.years.iter().map(|y| yi(y.ppp_room)).collect();
    yearly_base(r, Text::ChartPpp, Text::UnitPercent, lang)
        .y_axis(
            Axis::new()
                .type_(AxisType::Value)
                .name(Text::UnitYi.tr(lang))
                .split_line(SplitLine::new().show(false)),
        )
        .series(Bar::new().name(Text::PppShare.tr(lang)).data(share))
        .series(dashed_line(
            &format!("{} {}", Text::Cap.tr(lang), fmt_limit(cap)),
            pct(cap),
            r.years.len(),
        ))
        .series(
            Line::new()
                .name(Text::PppRoom.tr(lang))
                .y_axis_index(1)
                .data(room),
        )
}

/// Monetized rate per district/county, the central city, the counties and the whole city, with
/// each one's target (%).
pub fn monetized_chart(r: &Results, lang: Lang) -> Chart {
    // Districts first, then the assessed totals, as the findings read.
    let mut groups: Vec<_> = r.monetized.iter().filter(|m| m.households > 0).collect();
    crate::words::order::sort_by_key(&mut groups, |m| match &m.group {
        Group::District(_) => 0,
        Group::CentralCity => 1,
        Group::Counties => 2,
        Group::Overall => 3,
    });
    let names: Vec<String> = groups.iter().map(|m| group_name(&m.group, lang)).collect();
    category_base(
        Text::ChartMonetized,
        names,
        Text::UnitPercent.tr(lang),
        lang,
    )
    .series(
        Bar::new()
            .name(Text::MonetizedRate.tr(lang))
            .data(groups.iter().map(|m| pct(m.rate)).collect::<Vec<f64>>()),
    )
    .series(
        Line::new()
            .name(Text::Target.tr(lang))
            .data(groups.iter().map(|m| pct(m.target)).collect::<Vec<f64>>()),
    )
}

/// Demand against the 房源库, one pair of bars per district and planned year (cumulative to the
/// year's end): the households needing a market home, and the homes open to them.
pub fn stock_chart(rows: &[crate::analysis::housing::StockRow], lang: Lang) -> Chart {
    let names: Vec<String> = rows
        .iter()
        .map(|r| {
            format!(
                "{} {}",
                r.district,
                crate::words::i18n::fmt_year(r.year, lang)
            )
        })
        .collect();
    let counts = |f: fn(&crate::analysis::housing::StockRow) -> u64| -> Vec<f64> {
        rows.iter().map(|r| f(r) as f64).collect()
    };
    category_base(
        Text::StockDemandTitle,
        names,
        Text::StockChartUnit.tr(lang),
        lang,
    )
    .series(
        Bar::new()
            .name(Text::StockDemand.tr(lang))
            .data(counts(|r| r.demand)),
    )
    .series(
        Bar::new()
            .name(Text::StockHomes.tr(lang))
            .data(counts(|r| r.stock)),
    )
}

/// Households of the whole plan by way of resettlement.
pub fn mix_chart(r: &Results, lang: Lang) -> Chart {
    let data: Vec<(f64, &str)> = r
        .totals
        .rehousing
        .parts()
        .iter()
        .map(|(t, v)| (*v as f64, t.tr(lang)))
        .collect();
    Chart::new()
        .title(Title::new().text(Text::ChartMix.tr(lang)).left("center"))
        // Item tooltips take a template; the households' unit is written into it.
        .tooltip(
            Tooltip::new()
                .trigger(Trigger::Item)
                .formatter(Text::MixTooltip.tr(lang)),
        )
        .legend(Legend::new().bottom(0))
        .series(
            Pie::new()
                .name(Text::ChartMix.tr(lang))
                .radius(vec!["35%", "65%"])
                .data(data),
        )
}

/// Debt outstanding at year end by instrument (亿元).
pub fn debt_chart(r: &Results, lang: Lang) -> Chart {
    let parts = [
        (
            Text::SrcPolicyLoan,
            r.years
                .iter()
                .map(|y| yi(y.debt.policy_loan))
                .collect::<Vec<_>>(),
        ),
        (
            Text::SrcServicePurchase,
            r.years
                .iter()
                .map(|y| yi(y.debt.service_purchase))
                .collect(),
        ),
        (
            Text::SrcSpecialBond,
            r.years.iter().map(|y| yi(y.debt.special_bond)).collect(),
        ),
    ];
    let mut chart = yearly_base(r, Text::ChartDebt, Text::UnitYi, lang);
    // Stacked, so drawn as areas: each band's height is its own debt, the top edge the total.
    // Stacked plain lines would read as each instrument's value and show the total instead.
    for (name, data) in parts {
        chart = chart.series(
            Line::new()
                .name(name.tr(lang))
                .stack("debt")
                .area_style(AreaStyle::new())
                .data(data),
        );
    }
    // Vouchers owed are a liability, not borrowing: a line of their own over the bands, drawn
    // only for a plan that issues them.
    if r.years.iter().any(|y| y.vouchers_owed > 0.0) {
        chart = chart.series(
            Line::new()
                .name(Text::VouchersOwed.tr(lang))
                .data(r.years.iter().map(|y| yi(y.vouchers_owed)).collect()),
        );
    }
    chart
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::demo::demo_plan;
    use crate::document::plan::simulate_plan;
    use serde_json::Value;

    fn json(c: Chart) -> Value {
        serde_json::from_str(&c.to_string()).expect("a chart is JSON")
    }

    /// charming writes a single axis as an object, several as an array.
    fn x_data(c: &Value) -> &Vec<Value> {
        let axis = if c["xAxis"].is_array() {
            &c["xAxis"][0]
        } else {
            &c["xAxis"]
        };
        axis["data"].as_array().unwrap()
    }

    fn numbers(v: &Value) -> Vec<f64> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_f64().unwrap())
            .collect()
    }

    #[test]
    fn funding_chart_stacks_the_five_sources_per_year() {
        let r = simulate_plan(&demo_plan(), None);
        let c = json(funding_chart(&r, Lang::Zh));
        let series = c["series"].as_array().unwrap();
        assert_eq!(series.len(), 5);
        assert_eq!(series[0]["name"], "项目资本金");
        assert!(series
            .iter()
            .all(|s| s["type"] == "bar" && s["stack"] == "sources"));
        assert_eq!(x_data(&c).len(), r.years.len());
        // Bars of 2027 add up to that year's investment (亿元, to the chart's rounding).
        let sum: f64 = series.iter().map(|s| numbers(&s["data"])[0]).sum();
        assert!(
            (sum - r.years[0].investment.total() / 10_000.0).abs() < 0.03,
            "{sum}"
        );
    }

    #[test]
    fn fiscal_chart_has_six_stacked_components_and_nothing_else() {
        let r = simulate_plan(&demo_plan(), None);
        let c = json(fiscal_chart(&r, Lang::Zh));
        let series = c["series"].as_array().unwrap();
        assert_eq!(series.len(), 6);
        assert!(series
            .iter()
            .all(|s| s["type"] == "bar" && s["stack"] == "fiscal"));
        // The axis is scaled to the bars: its tallest stack is the peak burden.
        let peak = (0..r.years.len())
            .map(|i| series.iter().map(|s| numbers(&s["data"])[i]).sum::<f64>())
            .fold(0.0, f64::max);
        assert!((peak - r.totals.peak_fiscal_burden / 10_000.0).abs() < 0.03);
    }

    #[test]
    fn ppp_chart_reads_the_share_against_the_cap_and_the_room_on_its_own_axis() {
        let r = simulate_plan(&demo_plan(), None);
        let c = json(ppp_chart(&r, 0.10, Lang::Zh));
        let axes = c["yAxis"].as_array().expect("two value axes");
        assert_eq!(axes[0]["name"], "%");
        assert_eq!(axes[1]["name"], "亿元");
        let series = c["series"].as_array().unwrap();
        assert_eq!(series[0]["type"], "bar");
        let shares = numbers(&series[0]["data"]);
        assert_eq!(shares[0], pct(r.years[0].ppp_share));
        assert!(numbers(&series[1]["data"]).iter().all(|&v| v == 10.0));
        // The room is on the right axis: 10 % of 230亿 minus 15亿 of other PPP = 8亿 in 2027.
        assert_eq!(series[2]["yAxisIndex"], 1.0);
        assert_eq!(numbers(&series[2]["data"])[0], 8.0);
    }

    #[test]
    fn chart_values_are_never_negative_zero() {
        assert!(yi(-0.4).is_sign_positive());
        assert!(pct(-0.00001).is_sign_positive());
        assert_eq!(yi(-150.0), -0.02);
    }

    /// The demo's axis charts of 测算结果, as JSON.
    fn axis_charts() -> Vec<Value> {
        let plan = demo_plan();
        let r = simulate_plan(&plan, None);
        [
            funding_chart(&r, Lang::Zh),
            fiscal_chart(&r, Lang::Zh),
            debt_chart(&r, Lang::Zh),
            ppp_chart(&r, plan.assumptions.ppp_cap, Lang::Zh),
            monetized_chart(&r, Lang::Zh),
        ]
        .into_iter()
        .map(json)
        .collect()
    }

    #[test]
    fn stacked_series_are_bars_or_areas_never_plain_lines() {
        for c in axis_charts() {
            for s in c["series"].as_array().unwrap() {
                if s.get("stack").is_some() && s["type"] == "line" {
                    assert!(s.get("areaStyle").is_some(), "{}: stacked line", s["name"]);
                }
            }
        }
    }

    #[test]
    fn every_value_axis_names_its_unit_for_the_tooltips() {
        for c in axis_charts() {
            let axes = if c["yAxis"].is_array() {
                c["yAxis"].as_array().unwrap().clone()
            } else {
                vec![c["yAxis"].clone()]
            };
            for a in axes {
                let name = a["name"].as_str().unwrap_or_default();
                assert!(name == "亿元" || name == "%", "{name}");
            }
        }
        let r = simulate_plan(&demo_plan(), None);
        let mix = json(mix_chart(&r, Lang::Zh));
        assert!(mix["tooltip"]["formatter"].as_str().unwrap().contains('户'));
    }

    #[test]
    fn monetized_chart_shows_each_district_and_the_totals_with_targets() {
        let r = simulate_plan(&demo_plan(), None);
        let c = json(monetized_chart(&r, Lang::Zh));
        let names: Vec<&str> = x_data(&c).iter().map(|v| v.as_str().unwrap()).collect();
        assert!(names.contains(&"X县") && names.contains(&"城关区"));
        assert_eq!(&names[names.len() - 3..], ["中心城市", "区县合计", "全市"]);
        let rates = numbers(&c["series"][0]["data"]);
        let targets = numbers(&c["series"][1]["data"]);
        assert_eq!(rates[names.len() - 3], 53.8);
        assert_eq!(targets[names.len() - 3], 60.0);
        assert_eq!(targets[names.len() - 2], 50.0);
        // Every district labelled (ECharts had skipped every other one), turned to fit.
        let x = c["xAxis"].get(0).unwrap_or(&c["xAxis"]);
        assert_eq!(x["axisLabel"]["interval"], 0.0);
        assert_eq!(x["axisLabel"]["rotate"], 40.0);
        assert_eq!(c["grid"].get(0).unwrap_or(&c["grid"])["containLabel"], true);
        // Every category axis labels every category; a few short ones stand upright.
        for chart in [
            funding_chart(&r, Lang::Zh),
            fiscal_chart(&r, Lang::Zh),
            debt_chart(&r, Lang::Zh),
        ] {
            let c = json(chart);
            let x = c["xAxis"].get(0).unwrap_or(&c["xAxis"]);
            assert_eq!(x["axisLabel"]["interval"], 0.0);
        }
        assert!(!crowded(&["2027年".to_string(), "2028年".to_string()]));
    }

    #[test]
    fn mix_and_debt_charts() {
        let r = simulate_plan(&demo_plan(), None);
        let mix = json(mix_chart(&r, Lang::En));
        let data = mix["series"][0]["data"].as_array().unwrap();
        assert_eq!(data.len(), crate::calc::model::ResettlementWay::ALL.len());
        let total: f64 = data.iter().map(|d| d["value"].as_f64().unwrap()).sum();
        assert!((total - 9_373.0).abs() <= 2.0, "{total}");
        let debt = json(debt_chart(&r, Lang::Zh));
        // Three kinds of debt, and the demo's 东岭县 vouchers owed.
        assert_eq!(debt["series"].as_array().unwrap().len(), 4);
        let last: f64 = debt["series"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| *numbers(&s["data"]).last().unwrap())
            .sum();
        assert_eq!(last, 0.0, "everything is repaid by the last year");
    }
}
