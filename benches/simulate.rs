//! Benchmark of the full simulation.
fn main() {}
