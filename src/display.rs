//! Display rounding: rows rounded so that they add up exactly to their rounded total.

/// Rounds `values` to whole units of `10^-decimals` so that the rounded rows sum to the rounded
/// total (largest-remainder method). Returns the rows and the total, in those units.
pub fn round_to_total(values: &[f64], decimals: u32) -> (Vec<i64>, i64) {
    let scale = 10f64.powi(decimals as i32);
    let scaled: Vec<f64> = values.iter().map(|v| v * scale).collect();
    let total = scaled.iter().sum::<f64>().round() as i64;
    let mut rows: Vec<i64> = scaled.iter().map(|v| v.floor() as i64).collect();
    let mut short = total - rows.iter().sum::<i64>();
    // Hand the missing units to the rows that lost the most in flooring (stable for ties).
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| {
        let ra = scaled[a] - scaled[a].floor();
        let rb = scaled[b] - scaled[b].floor();
        rb.total_cmp(&ra).then(a.cmp(&b))
    });
    let mut i = 0;
    while short != 0 && !order.is_empty() {
        let k = order[i % order.len()];
        if short > 0 {
            rows[k] += 1;
            short -= 1;
        } else {
            rows[k] -= 1;
            short += 1;
        }
        i += 1;
    }
    (rows, total)
}

/// Splits `total` whole units in proportion to `exact` (largest-remainder method): the parts
/// are whole, differ from `exact` by less than one unit when `exact` sums to `total`, and always
/// sum to `total`.
pub fn largest_remainder(exact: &[f64], total: u64) -> Vec<u64> {
    let mut parts = vec![0; exact.len()];
    largest_remainder_into(exact, total, &mut parts, &mut vec![0; exact.len()]);
    parts
}

/// [`largest_remainder`] into `parts`, with `order` as room to sort in (both as long as
/// `exact`): the simulation splits every project's households this way without allocating.
pub fn largest_remainder_into(exact: &[f64], total: u64, parts: &mut [u64], order: &mut [usize]) {
    for (p, v) in parts.iter_mut().zip(exact) {
        *p = v.max(0.0).floor() as u64;
    }
    for (i, o) in order.iter_mut().enumerate() {
        *o = i;
    }
    let rem = |i: usize| exact[i].max(0.0) - exact[i].max(0.0).floor();
    order.sort_by(|&a, &b| rem(b).total_cmp(&rem(a)).then(a.cmp(&b)));
    let mut sum: u64 = parts.iter().sum();
    // Units still to hand out go to the largest remainders; an excess (shares summing a hair
    // over 1) is taken back from the smallest.
    for &i in order.iter().cycle().take(exact.len() * 2) {
        if sum >= total {
            break;
        }
        parts[i] += 1;
        sum += 1;
    }
    for &i in order.iter().rev().cycle().take(exact.len() * 2) {
        if sum <= total {
            break;
        }
        if parts[i] > 0 {
            parts[i] -= 1;
            sum -= 1;
        }
    }
}

/// A number without float noise: up to `decimals` decimals, trailing zeros dropped, never "-0".
pub fn plain_number(v: f64, decimals: usize) -> String {
    let s = format!("{v:.decimals$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s.as_str()
    };
    if s == "-0" { "0" } else { s }.to_string()
}

/// Formats whole units of `10^-decimals` with thousands separators.
pub fn fmt_units(units: i64, decimals: u32) -> String {
    let v = units as f64 / 10f64.powi(decimals as i32);
    crate::i18n::fmt_number(v, decimals as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn households_split_into_whole_parts_that_add_up() {
        assert_eq!(
            largest_remainder(&[300.3, 150.15, 100.1, 450.45], 1001),
            vec![300, 150, 100, 451]
        );
        assert_eq!(largest_remainder(&[0.5, 0.5], 1), vec![1, 0]);
        assert_eq!(largest_remainder(&[10.0000001, 0.0], 10), vec![10, 0]);
        assert_eq!(largest_remainder(&[], 0), Vec::<u64>::new());
    }

    #[test]
    fn rows_add_up_to_the_total() {
        let (rows, total) = round_to_total(&[0.4, 0.4, 0.4], 0);
        assert_eq!(total, 1);
        assert_eq!(rows.iter().sum::<i64>(), 1);
        assert_eq!(rows, vec![1, 0, 0]);
        let (rows, total) = round_to_total(&[1.25, 2.25, 3.5], 1);
        assert_eq!(total, 70);
        assert_eq!(rows.iter().sum::<i64>(), 70);
    }
}
