//! Native benchmark: validating an events file and writing every `.ics`
//! for generated data of 1,000 and 10,000 events. A benchmark, not a test:
//! it prints medians and never fails on a slow machine.
//!
//! Run: `cargo bench --bench native` (release build).

use iguren_calendar::{generate, ics, load, publish};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time<T>(repeats: usize, mut f: impl FnMut() -> T) -> Duration {
    let runs = (0..repeats)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    median(runs)
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    println!(
        "| events | file size | validate (load) | feed of all (.ics) | every .ics file (publish) |"
    );
    println!("|---:|---:|---:|---:|---:|");
    for count in [1_000, 10_000] {
        let text = generate::events_json(count, 1);
        let loaded = load::load(&text);
        assert!(loaded.is_valid(), "generated data must be valid");
        let repeats = if count > 5_000 { 15 } else { 41 };
        let validate = time(repeats, || load::load(&text));
        let feed = time(repeats, || ics::feed(&loaded.catalog, None));
        let files = time(repeats, || publish::files(&loaded.catalog));
        println!(
            "| {count} | {:.1} MB | {} | {} | {} |",
            text.len() as f64 / 1e6,
            ms(validate),
            ms(feed),
            ms(files)
        );
    }
    println!("\nmedians of repeated runs (41 at 1,000 events, 15 at 10,000)");
}
