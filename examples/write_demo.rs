//! Prints the demo plan as a document (the golden fixture of the current format version), or
//! with a number N a generated plan of N projects (for the browser benchmark), and with a month
//! after it (`1000 2028-12`) every project's actuals to that month; `largest` prints the
//! largest supported plan (5,000 projects × 36 months).
fn main() {
    if std::env::args().nth(1).as_deref() == Some("largest") {
        print!(
            "{}",
            planner::format::encode(&planner::demo::largest_plan())
        );
        return;
    }
    let mut args = std::env::args().skip(1);
    let plan = match args.next().and_then(|n| n.parse().ok()) {
        Some(n) => planner::demo::generated_plan(n),
        None => planner::demo::demo_plan(),
    };
    let plan = match args
        .next()
        .as_deref()
        .and_then(planner::model::Month::parse)
    {
        Some(through) => planner::demo::with_actuals(plan, through),
        None => plan,
    };
    print!("{}", planner::format::encode(&plan));
}
