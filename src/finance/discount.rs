//! Present values: year-end flows discounted to the start of year 0.

/// Σ flows[t] / (1 + rate)^(t+1): flows fall at year end, valued at the start of the first year.
pub fn present_value(flows: &[f64], rate: f64) -> f64 {
    let mut factor = 1.0;
    flows
        .iter()
        .map(|f| {
            factor /= 1.0 + rate;
            f * factor
        })
        .sum()
}
