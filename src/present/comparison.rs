//! The comparison's figures as a planner reads them: each metric in its unit, and its difference
//! from the baseline computed from the two figures shown, so shown − shown = the difference shown.

use crate::analysis::compare::MetricKind;
use crate::words::display::{fixed, fmt_units, shown_difference, shown_units};
use crate::words::i18n::{Lang, Text};

/// Decimals and scale of a kind as shown: 亿元 to 0.01, percentages to 0.1, counts whole.
fn shown_as(kind: MetricKind) -> (f64, usize) {
    match kind {
        MetricKind::Money => (1e-4, 2),
        MetricKind::Share => (100.0, 1),
        MetricKind::Count => (1.0, 0),
    }
}

/// A metric's value as shown ("3.76 亿元", "53.8 %", "4"); "—" where a column has none (a plan
/// without that year).
pub fn figure(kind: MetricKind, v: f64, lang: Lang) -> String {
    if !v.is_finite() {
        return "—".into();
    }
    let (scale, decimals) = shown_as(kind);
    let digits = fmt_units(shown_units(v * scale, decimals), decimals as u32);
    match kind {
        MetricKind::Share => format!("{digits} %"),
        _ => unit_of(kind, digits, lang),
    }
}

/// `v`'s difference from `base`, from the figures as shown: in the figures' unit (percentage
/// points for shares), with the change relative to the base for amounts and counts. Empty where
/// either has no figure.
pub fn difference(kind: MetricKind, v: f64, base: f64, lang: Lang) -> String {
    if !v.is_finite() || !base.is_finite() {
        return String::new();
    }
    let (scale, decimals) = shown_as(kind);
    let d = shown_difference(v * scale, base * scale, decimals);
    let sign = if d > 0 { "+" } else { "" };
    let digits = fmt_units(d, decimals as u32);
    let base_units = shown_units(base * scale, decimals);
    match kind {
        MetricKind::Share => format!("{sign}{digits} {}", Text::PercentagePoints.tr(lang)),
        _ if d != 0 && base_units != 0 => Text::Parenthesized.fill(
            lang,
            &[
                &format!("{sign}{}", unit_of(kind, digits, lang)),
                &format!(
                    "{sign}{}%",
                    fixed(d as f64 / base_units.abs() as f64 * 100.0, 1)
                ),
            ],
        ),
        _ => format!("{sign}{}", unit_of(kind, digits, lang)),
    }
}

fn unit_of(kind: MetricKind, digits: String, lang: Lang) -> String {
    match kind {
        MetricKind::Money => format!("{digits} {}", Text::UnitYi.tr(lang)),
        _ => digits,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_difference_is_that_of_the_figures_shown() {
        // 37,645 and 37,500 万元 show as 3.76 and 3.75 亿元 (0.0145 apart): +0.01.
        let z = Lang::Zh;
        assert_eq!(figure(MetricKind::Money, 37_645.0, z), "3.76 亿元");
        assert_eq!(figure(MetricKind::Money, 37_400.0, z), "3.74 亿元");
        assert_eq!(
            difference(MetricKind::Money, 37_645.0, 37_400.0, z),
            "+0.02 亿元（+0.5%）"
        );
        // 16.91 against 16.34: +0.57, not the unrounded +0.56.
        assert_eq!(
            difference(MetricKind::Money, 169_111.0, 163_449.0, z),
            "+0.57 亿元（+3.5%）"
        );
        assert_eq!(
            difference(MetricKind::Share, 0.5384, 0.5, z),
            "+3.8 个百分点"
        );
        assert_eq!(difference(MetricKind::Count, 2.0, 5.0, z), "-3（-60.0%）");
        assert_eq!(difference(MetricKind::Money, 1.0, 0.0, z), "0.00 亿元");
        assert_eq!(difference(MetricKind::Money, f64::NAN, 0.0, z), "");
        assert_eq!(figure(MetricKind::Share, f64::NAN, z), "—");
    }
}
