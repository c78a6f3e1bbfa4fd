//! The risk page's charts: the tornado of one-at-a-time swings and the fan charts of a Monte
//! Carlo run. Pure builders, like `charts`.

use charming::component::{Axis, Grid, Legend, Title};
use charming::element::{AxisType, Tooltip, Trigger};
use charming::series::{Bar as BarSeries, Line};
use charming::Chart;

use crate::analysis::risk::{Band, Bar, Measure, Summary};
use crate::present::charts::{category_base, dashed_line, pct, yi};
use crate::words::i18n::{Lang, Text};

/// A measure's value as the chart shows it: 亿元, or % for the PPP share.
fn shown(measure: Measure, v: f64) -> f64 {
    match measure {
        Measure::MaxPppShare => pct(v),
        _ => yi(v),
    }
}

/// One horizontal bar per driver (widest swing on top): the change of the measure from the
/// plan's value at −20 % and at +20 % of the driver.
pub fn tornado_chart(base: f64, bars: &[Bar], measure: Measure, lang: Lang) -> Chart {
    let names: Vec<String> = bars
        .iter()
        .map(|b| b.driver.label().tr(lang).to_string())
        .collect();
    let delta = |i: usize| -> Vec<f64> {
        bars.iter()
            .map(|b| shown(measure, b.values[i]) - shown(measure, base))
            .map(|d| (d * 100.0).round() / 100.0)
            .collect()
    };
    let unit = match measure {
        Measure::MaxPppShare => Text::PercentagePoints.tr(lang),
        _ => Text::UnitYi.tr(lang),
    };
    Chart::new()
        .title(
            Title::new()
                .text(Text::ChartTornado.fill(lang, &[&measure.label().tr(lang)]))
                .left("center"),
        )
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .legend(Legend::new().bottom(0))
        .grid(Grid::new().left("22%").right("6%"))
        .x_axis(Axis::new().type_(AxisType::Value).name(unit))
        .y_axis(
            Axis::new()
                .type_(AxisType::Category)
                .inverse(true)
                // Every driver named (ECharts skips every other one where they crowd).
                .axis_label(charming::element::AxisLabel::new().interval(0.0))
                .data(names),
        )
        .series(
            BarSeries::new()
                .name(Text::StepDown20.tr(lang))
                .bar_gap("-100%")
                .data(delta(0)),
        )
        .series(
            BarSeries::new()
                .name(Text::StepUp20.tr(lang))
                .bar_gap("-100%")
                .data(delta(3)),
        )
}

fn fan(mut chart: Chart, bands: &[Band], value: fn(f64) -> f64, lang: Lang) -> Chart {
    for (name, pick) in [
        (Text::P10, (|b: &Band| b.p10) as fn(&Band) -> f64),
        (Text::P50, |b: &Band| b.p50),
        (Text::P90, |b: &Band| b.p90),
    ] {
        let data: Vec<f64> = bands.iter().map(|b| value(pick(b))).collect();
        chart = chart.series(
            Line::new()
                .name(name.tr(lang))
                .show_symbol(false)
                .data(data),
        );
    }
    chart
}

fn years(s: &Summary) -> Vec<String> {
    s.years.iter().map(|y| y.to_string()).collect()
}

/// The fiscal burden per year: P10, P50 and P90 of the draws (亿元).
pub fn fan_chart(s: &Summary, lang: Lang) -> Chart {
    let chart = category_base(Text::ChartFan, years(s), Text::UnitYi.tr(lang), lang);
    fan(chart, &s.fiscal, yi, lang)
}

/// The PPP share per year, P10/P50/P90, against the 10 % cap and the 5 % line (%).
pub fn fan_ppp_chart(s: &Summary, cap: f64, tier: f64, lang: Lang) -> Chart {
    let chart = category_base(Text::ChartFanPpp, years(s), "%", lang);
    let n = s.years.len();
    fan(chart, &s.ppp_share, pct, lang)
        .series(dashed_line(Text::PppCapLine.tr(lang), pct(cap), n))
        .series(dashed_line(Text::PppTierLine.tr(lang), pct(tier), n))
}
