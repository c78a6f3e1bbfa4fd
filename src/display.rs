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

/// Formats whole units of `10^-decimals` with thousands separators.
pub fn fmt_units(units: i64, decimals: u32) -> String {
    let v = units as f64 / 10f64.powi(decimals as i32);
    crate::i18n::fmt_number(v, decimals as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

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
