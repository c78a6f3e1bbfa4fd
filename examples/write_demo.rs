//! Prints the demo plan as a document (the golden fixture of the current format version), or
//! with a number N a generated plan of N projects (for the browser benchmark).
fn main() {
    let plan = match std::env::args().nth(1).and_then(|n| n.parse().ok()) {
        Some(n) => planner::demo::generated_plan(n),
        None => planner::demo::demo_plan(),
    };
    print!("{}", planner::format::encode(&plan));
}
