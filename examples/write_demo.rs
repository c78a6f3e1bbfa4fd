//! Prints the demo plan as a document (the golden fixture of the current format version).
fn main() {
    print!("{}", planner::format::encode(&planner::demo::demo_plan()));
}
