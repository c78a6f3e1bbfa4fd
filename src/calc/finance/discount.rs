//! Present values: year-end flows discounted to the start of year 0.

/// Σ flows[t] / (1 + rate)^(t+1): flows fall at year end, valued at the start of the first year.
pub fn present_value(flows: &[f64], rate: f64) -> f64 {
    Discount::new(rate, 0).present_value(flows.iter().copied())
}

/// The discount factors 1 / (1 + rate)^(t+1) of one rate, computed once for many present values
/// (a simulation takes two or three per project, all at the plan's rate). Each factor is the one
/// before divided by 1 + rate, so a present value is the same to the last bit with or without
/// them; the divisions, one waiting for the other, are what a present value costs.
pub struct Discount {
    rate: f64,
    factors: Vec<f64>,
}

impl Discount {
    /// The factors of the first `years` years; later years are divided on when asked for.
    pub fn new(rate: f64, years: usize) -> Self {
        let factors = std::iter::successors(Some(1.0 / (1.0 + rate)), |f| Some(f / (1.0 + rate)))
            .take(years)
            .collect();
        Self { rate, factors }
    }

    /// The present value of `flows`, year 0 first.
    pub fn present_value(&self, flows: impl IntoIterator<Item = f64>) -> f64 {
        let mut factor = 1.0;
        flows
            .into_iter()
            .enumerate()
            .map(|(t, f)| {
                factor = match self.factors.get(t) {
                    Some(&known) => known,
                    None => factor / (1.0 + self.rate),
                };
                f * factor
            })
            .sum()
    }
}
