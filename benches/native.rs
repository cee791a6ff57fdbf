//! Native benchmark: validating an events file and writing every `.ics`
//! for generated data of 1,000 and 10,000 events, reading the largest
//! month file of the 10,000 with the checker and with the member page's
//! lean decoder, then checking hostile
//! files (an object of 100,000 keys, minified files of 5 and 10 MB full of
//! problems) that must each take well under a second. A benchmark, not a
//! test: it prints medians and never fails on a slow machine.
//!
//! Run: `cargo bench --bench native` (release build).

use iguren_calendar::{ics, load, load::generate, load::lean, site};
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
        let files = time(repeats, || site::publish::files(&loaded.catalog));
        println!(
            "| {count} | {:.1} MB | {} | {} | {} |",
            text.len() as f64 / 1e6,
            ms(validate),
            ms(feed),
            ms(files)
        );
    }
    println!("\nmedians of repeated runs (41 at 1,000 events, 15 at 10,000)\n");
    month_file();
    hostile();
}

/// The head of a file whose one event is `members`.
fn one_event(members: &str) -> String {
    format!(
        r##"{{"site": {{"name": "例", "domain": "example.jp"}},
"projects": [{{"id": "p", "name": "P", "color": "#123456"}}],
"events": [{{"id": "a", "project": "p", "title": "会", "start": "2004-02-25"{members}}}]}}"##
    )
}

/// A generated file of at least `bytes`, on one line (as a minifier writes
/// it), every event with a misspelt title: two problems each.
fn minified_with_problems(bytes: usize) -> String {
    let mut count = 1_000;
    loop {
        let text = generate::events_json(count, 1);
        if text.len() >= bytes {
            // Raw line breaks are only ever whitespace between tokens in
            // JSON, so trimming each line keeps every string intact.
            return text
                .lines()
                .map(str::trim)
                .collect::<String>()
                .replace("\"title\": ", "\"titel\": ");
        }
        count = count * bytes / text.len() + 100;
    }
}

/// The largest month file of 10,000 generated events (as the build writes
/// it), read as the page read it before (`load`) and as it reads it now.
fn month_file() {
    let catalog = load::load(&generate::events_json(10_000, 1)).catalog;
    let files = site::months::files(&catalog);
    // Month files only: not the month index nor the search index.
    let (path, text) = files
        .iter()
        .filter(|(p, _)| p.ends_with(".json") && !p.ends_with("index.json"))
        .max_by_key(|(_, t)| t.len())
        .expect("month files");
    let events = lean::decode(text).catalog.events.len();
    let checker = time(41, || load::load(text));
    let decoder = time(41, || lean::decode(text));
    println!("| month file | size | events | checker (load) | lean decoder (lean::decode) |");
    println!("|---|---:|---:|---:|---:|");
    println!(
        "| {path} | {:.0} kB | {events} | {} | {} |",
        text.len() as f64 / 1e3,
        ms(checker),
        ms(decoder)
    );
    println!("\nmedians of 41 runs\n");
}

fn hostile() {
    let distinct: String = (0..100_000).map(|i| format!(", \"k{i}\": {i}")).collect();
    let repeated = ", \"fee\": \"無料\"".repeat(100_000);
    let cases = [
        ("one object of 100,000 unknown keys", one_event(&distinct)),
        ("one object of 100,000 repeated keys", one_event(&repeated)),
        (
            "5 MB on one line, every event faulty",
            minified_with_problems(5_000_000),
        ),
        (
            "10 MB on one line, every event faulty",
            minified_with_problems(10_000_000),
        ),
    ];
    println!("| hostile file | size | problems | check (load) |");
    println!("|---|---:|---:|---:|");
    for (name, text) in cases {
        let problems = load::load(&text).diagnostics.len();
        let check = time(7, || load::load(&text));
        println!(
            "| {name} | {:.1} MB | {problems} | {} |",
            text.len() as f64 / 1e6,
            ms(check)
        );
    }
    println!("\nmedians of 7 runs; each must stay well under 1 s");
}
