//! Display rounding and digits: rows rounded so that they add up exactly to their rounded
//! total, numbers without float noise (never "-0") and with thousands separators, and read back
//! as a planner types them. Below the
//! catalogue: it reads nothing of the crate.

/// Decimals of every 万元 figure on every page, print and export (0.01 万元 = 100 元): one
/// rule for the unit, so a project's investment reads the same in the list, its 资金平衡, the
/// report, its history and the workbook.
pub const WAN_DECIMALS: u32 = 2;

/// A list of figures (each project's investment, each year's): every row rounded to whole
/// units of `10^-decimals` on its own, as [`fixed`] shows it, so a figure reads the same in
/// every table, print and export; the total is the sum of the rows shown, so the table adds up
/// as printed (the exact total may differ from it by half a unit per row at most: docs/model.md,
/// Rounding). Returns the rows and the total, in those units.
pub fn round_rows(values: &[f64], decimals: u32) -> (Vec<i64>, i64) {
    let rows: Vec<i64> = values
        .iter()
        .map(|&v| shown_units(v, decimals as usize))
        .collect();
    let total = rows.iter().sum();
    (rows, total)
}

/// The parts of one figure (a year's investment by category, its sources by instrument): the
/// total rounded on its own, as [`fixed`] shows it wherever else it appears, and the parts to
/// whole units of `10^-decimals` that add up to it (largest-remainder method). Returns the
/// parts and the total, in those units.
pub fn round_to_total(values: &[f64], decimals: u32) -> (Vec<i64>, i64) {
    let scale = 10f64.powi(decimals as i32);
    let scaled: Vec<f64> = values.iter().map(|v| v * scale).collect();
    let total = shown_units(values.iter().sum::<f64>(), decimals as usize);
    let mut rows: Vec<i64> = scaled.iter().map(|v| v.floor() as i64).collect();
    let mut short = total - rows.iter().sum::<i64>();
    // Hand the missing units to the rows that lost the most in flooring (stable for ties).
    let mut order: Vec<usize> = (0..values.len()).collect();
    crate::words::order::sort_positions(&mut order, &|a, b| {
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

/// `v` in whole units of `10^-decimals` exactly as [`fixed`] shows it (0 for what is not a
/// number): differences and totals made of these agree with the figures beside them.
pub fn shown_units(v: f64, decimals: usize) -> i64 {
    if !v.is_finite() {
        return 0;
    }
    fixed(v, decimals).replace('.', "").parse().unwrap_or(0)
}

/// `v − base` as the two are shown at `decimals`, in whole units: shown − shown = the
/// difference shown (3.76 − 3.74 is 0.02, whatever the unrounded figures were).
pub fn shown_difference(v: f64, base: f64, decimals: usize) -> i64 {
    shown_units(v, decimals) - shown_units(base, decimals)
}

/// `v` with exactly `decimals` decimals, and without a sign when it shows as zero: "-0.00" is
/// float noise (a sum that starts at -0.0, a difference of equals), never a figure a planner
/// should read. Every number the app, the report, CSV and Excel show is written through here.
/// A number as a planner types or pastes it: "1,066", " 3600 ", "53.8", full-width commas;
/// `None` when it is not one.
pub fn read_number(s: &str) -> Option<f64> {
    let cleaned: String = s
        .trim()
        .chars()
        .filter(|c| *c != ',' && *c != '，')
        .collect();
    cleaned.parse::<f64>().ok()
}

pub fn fixed(v: f64, decimals: usize) -> String {
    let s = format!("{v:.decimals$}");
    match s.strip_prefix('-') {
        Some(digits) if digits.bytes().all(|b| b == b'0' || b == b'.') => digits.to_string(),
        _ => s,
    }
}

/// `v` as a cell stores it when the cell shows `decimals` decimals: what shows as zero is 0.0,
/// since Excel and Calc print -0.0 or -0.004 as "-0.00".
pub fn shown_number(v: f64, decimals: i32) -> f64 {
    if (v * 10f64.powi(decimals)).round() == 0.0 {
        0.0
    } else {
        v
    }
}

/// A number without float noise: up to `decimals` decimals, trailing zeros dropped, never "-0".
pub fn plain_number(v: f64, decimals: usize) -> String {
    let s = fixed(v, decimals);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// Formats whole units of `10^-decimals` with thousands separators.
pub fn fmt_units(units: i64, decimals: u32) -> String {
    let v = units as f64 / 10f64.powi(decimals as i32);
    fmt_number(v, decimals as usize)
}

/// A number with thousands separators and `decimals` decimals.
pub fn fmt_number(v: f64, decimals: usize) -> String {
    let s = fixed(v, decimals);
    let (sign, s) = s.strip_prefix('-').map_or(("", s.as_str()), |d| ("-", d));
    let (int, frac) = s.split_once('.').map_or((s, ""), |(i, f)| (i, f));
    let mut out = sign.to_string();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_shows_as_zero_has_no_sign() {
        for v in [-0.0, -0.004, -1e-12, 0.0, 0.004] {
            assert_eq!(fixed(v, 2), "0.00", "{v}");
            assert_eq!(fixed(v, 0), "0", "{v}");
            assert_eq!(plain_number(v, 2), "0", "{v}");
            assert_eq!(shown_number(v, 2).to_bits(), 0.0f64.to_bits(), "{v}");
        }
        assert_eq!(fixed(-0.004, 3), "-0.004");
        assert_eq!(fixed(-0.005, 2), "-0.01");
        assert_eq!(fixed(-1.5, 0), "-2");
        assert_eq!(fixed(f64::NAN, 2), "NaN");
        assert_eq!(fixed(f64::NEG_INFINITY, 2), "-inf");
        assert_eq!(shown_number(-0.006, 2), -0.006);
        assert_eq!(plain_number(-0.25, 1), "-0.2");
    }

    #[test]
    fn parts_add_up_to_the_total() {
        let (rows, total) = round_to_total(&[0.4, 0.4, 0.4], 0);
        assert_eq!(total, 1);
        assert_eq!(rows.iter().sum::<i64>(), 1);
        assert_eq!(rows, vec![1, 0, 0]);
        let (rows, total) = round_to_total(&[1.25, 2.25, 3.5], 1);
        assert_eq!(total, 70);
        assert_eq!(rows.iter().sum::<i64>(), 70);
    }

    #[test]
    fn rows_add_up_to_the_total_and_each_reads_as_it_does_alone() {
        // Each row as it shows alone; the total is the rows' sum (1.2 exact, 0 shown).
        let (rows, total) = round_rows(&[0.4, 0.4, 0.4], 0);
        assert_eq!(rows, vec![0, 0, 0]);
        assert_eq!(total, 0);
        // X县西街: 32,850.5617 万元 reads 32,850.56 in every table.
        let (rows, total) = round_rows(&[32_850.561_7, 100.004], 2);
        assert_eq!(rows, vec![3_285_056, 10_000]);
        assert_eq!(total, 3_295_056);
        assert_eq!(fmt_units(rows[0], 2), "32,850.56");
    }

    #[test]
    fn a_difference_agrees_with_the_figures_shown() {
        // 方案对比: 3.76 and 3.74 亿元 whose unrounded figures differ by 0.0145.
        assert_eq!(shown_difference(3.7645, 3.75, 2), 1);
        assert_eq!(fixed(3.7645, 2), "3.76");
        assert_eq!(shown_difference(3.7649, 3.7404, 2), 2);
        assert_eq!(shown_difference(16.9111, 16.3449, 2), 57);
        assert_eq!(shown_units(-0.004, 2), 0);
        assert_eq!(shown_units(-1.5, 0), -2);
        assert_eq!(shown_units(f64::NAN, 2), 0);
    }
}

/// A size in bytes as a planner reads it: "850 KB", "14.2 MB", "2.1 GB" (binary units, one
/// decimal from MB on).
pub fn bytes_text(bytes: f64) -> String {
    const K: f64 = 1024.0;
    if bytes < K * K {
        format!("{} KB", (bytes / K).ceil())
    } else if bytes < K * K * K {
        format!("{} MB", fixed(bytes / K / K, 1))
    } else {
        format!("{} GB", fixed(bytes / K / K / K, 1))
    }
}

#[cfg(test)]
mod bytes_tests {
    use super::bytes_text;

    #[test]
    fn sizes_read_in_the_unit_that_fits() {
        assert_eq!(bytes_text(850.0 * 1024.0), "850 KB");
        assert_eq!(bytes_text(14_053_687.0), "13.4 MB");
        assert_eq!(bytes_text(2.0 * 1024.0 * 1024.0 * 1024.0), "2.0 GB");
    }
}
