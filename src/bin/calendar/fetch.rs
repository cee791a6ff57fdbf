//! `calendar fetch`: the network edge of [`iguren_calendar::sources`].
//! It reads each source declared in `sources.json` over HTTPS and stores
//! what the core made of it, with the status of each source, where
//! `sources.rs` says (which `check` and `publish` then read). What it
//! prints, one line a source, is [`iguren_calendar::sources::report`]'s.
//!
//! HTTP is `ureq` (rustls, no OpenSSL): a time limit for the whole
//! exchange including redirects and body, a 10 MB body limit, redirects
//! followed one by one here and only to `https://`. Plain `http://` is
//! refused, except on the loopback address with
//! `--allow-insecure-localhost`, which the tests use against the local
//! servers they start (an `https://127.0.0.1…` source is then fetched
//! over `http://`). Never use that flag for a real build.

use crate::sources::{check, read_status, statuses, store_path};
use crate::tool::{build_now, wrong_arguments};
use iguren_calendar::load::{self, escape_controls};
use iguren_calendar::sources::json::Normalised;
use iguren_calendar::sources::report::{self, Outcome, Warning};
use iguren_calendar::sources::status;
use iguren_calendar::sources::{self as core, normal, Format, Source, MAX_BYTES};
use std::process::ExitCode;
use std::time::{Duration, Instant};

struct Options {
    strict: bool,
    timeout: Duration,
    insecure_localhost: bool,
    now: Option<chrono::NaiveDateTime>,
}

/// `calendar fetch EVENTS [--strict] [--timeout SECONDS] [--now INSTANT]
/// [--allow-insecure-localhost]`.
pub fn run(args: &[String]) -> ExitCode {
    let mut events = None;
    let mut o = Options {
        strict: false,
        timeout: Duration::from_secs(30),
        insecure_localhost: false,
        now: None,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--strict" => o.strict = true,
            "--allow-insecure-localhost" => o.insecure_localhost = true,
            "--timeout" => match it.next().and_then(|s| s.parse::<f64>().ok()) {
                Some(s) if s > 0.0 && s < 3600.0 => o.timeout = Duration::from_secs_f64(s),
                _ => return wrong_arguments("fetch"),
            },
            "--now" => match it.next().and_then(|s| load::parse_instant(s).ok()) {
                Some(t) => o.now = Some(t),
                None => return wrong_arguments("fetch"),
            },
            s if !s.starts_with("--") && events.is_none() => events = Some(s.to_string()),
            _ => return wrong_arguments("fetch"),
        }
    }
    let events = events.unwrap_or_else(|| "public/events.json".into());
    let ours = match std::fs::read(&events).map(load::utf8) {
        Ok(Ok(text)) => load::load(&text).catalog,
        _ => {
            eprintln!("{}: 読めません / cannot read", escape_controls(&events));
            return ExitCode::from(2);
        }
    };
    let (sources, valid) = match check(&events, &ours) {
        Err(code) => return code,
        Ok(None) => {
            println!("情報源の宣言（sources.json）はありません / no sources declared");
            return ExitCode::SUCCESS;
        }
        Ok(Some(found)) => found,
    };
    let store = store_path(&events);
    if let Err(e) = std::fs::create_dir_all(&store) {
        eprintln!("{}: 作れません / cannot create: {e}", store.display());
        return ExitCode::from(2);
    }
    let mut list = statuses(&sources, &read_status(&store));
    let mut outcomes = Vec::new();
    for s in &mut list {
        let now = match o.now {
            Some(now) => now,
            None => match build_now() {
                Ok(secs) => iguren_calendar::jp::tokyo::utc(secs),
                Err(code) => return code,
            },
        };
        s.last_attempt = Some(now);
        let id = s.source.id.clone();
        let outcome = match fetch_one(&s.source, &ours.site.domain, now, &o) {
            Ok((text, normalised)) => {
                let path = store.join(format!("{id}.json"));
                if let Err(e) = std::fs::write(&path, text) {
                    eprintln!("{}: 書き込めません / cannot write: {e}", path.display());
                    return ExitCode::from(2);
                }
                s.ok = true;
                s.last_success = Some(now);
                s.events = normalised.events.len();
                normalised.outcome()
            }
            Err(why) => {
                s.ok = false;
                Outcome::Failed(why)
            }
        };
        s.problems = outcome.problems();
        println!("{}", report::line(&id, &outcome, s.last_success));
        outcomes.push(outcome);
    }
    let path = store.join("status.json");
    if let Err(e) = std::fs::write(&path, status::write(&list)) {
        eprintln!("{}: 書き込めません / cannot write: {e}", path.display());
        return ExitCode::from(2);
    }
    println!("{}", report::totals(&outcomes));
    let troubled = outcomes
        .iter()
        .any(|o| matches!(o, Outcome::Failed(_)) || !o.problems().is_empty());
    if !valid || (o.strict && troubled) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Fetches and normalises one source: the file's text and what the core
/// made of it; or why it failed.
fn fetch_one(
    source: &Source,
    our_domain: &str,
    now: chrono::NaiveDateTime,
    o: &Options,
) -> Result<(String, Normalised), Vec<Warning>> {
    let failed = |p: String| vec![Warning::source(p)];
    let bytes = get(&source.url, o).map_err(failed)?;
    let text = load::utf8(bytes).map_err(failed)?;
    let normalised = match source.format {
        Format::EventsJson => core::json::normalise(source, &text, our_domain)?,
        Format::Ics => core::ics::normalise(source, &text, now, our_domain)?,
    };
    let domain = if load::check_domain(&normalised.domain).is_ok() {
        normalised.domain.clone()
    } else {
        normal::host(&source.url)
    };
    let file = normal::to_json(source, &domain, now, &normalised.events);
    // What we write, we must be able to read: checked by the page's loader.
    let back = load::load(&file);
    if !back.is_valid() {
        let mut problems = normalised.problems;
        problems.extend(back.diagnostics.iter().take(5).map(|d| {
            Warning::loaded(
                format!("sources/{}.json:{}", source.id, d.place()),
                &d.message,
            )
        }));
        return Err(problems);
    }
    Ok((file, normalised))
}

/// Whether `url` may be fetched.
fn allowed(url: &str, o: &Options) -> Result<String, String> {
    let lower = url.to_ascii_lowercase();
    let loopback = |rest: &str| {
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = host.rsplit_once(':').map_or(host, |(h, _)| h);
        matches!(host, "127.0.0.1" | "localhost" | "[::1]")
    };
    if let Some(rest) = lower.strip_prefix("https://") {
        if o.insecure_localhost && loopback(rest) {
            return Ok(format!("http://{}", &url[8..]));
        }
        return Ok(url.to_string());
    }
    if let Some(rest) = lower.strip_prefix("http://") {
        if o.insecure_localhost && loopback(rest) {
            return Ok(url.to_string());
        }
    }
    let shown = escape_controls(&core::limit(url, 80).0);
    Err(format!(
        "https でないアドレス「{shown}」へは行きません / refused a non-https address \"{shown}\""
    ))
}

/// `location` resolved against `base`.
fn join(base: &str, location: &str) -> String {
    if location.contains("://") {
        return location.to_string();
    }
    let (scheme, rest) = base.split_once("://").unwrap_or(("https", base));
    let authority = rest.split('/').next().unwrap_or("");
    if let Some(path) = location.strip_prefix("//") {
        return format!("{scheme}://{path}");
    }
    if location.starts_with('/') {
        return format!("{scheme}://{authority}{location}");
    }
    let dir = match rest.rfind('/') {
        Some(i) if i >= authority.len() => &rest[..=i],
        _ => "",
    };
    if dir.is_empty() {
        format!("{scheme}://{authority}/{location}")
    } else {
        format!("{scheme}://{dir}{location}")
    }
}

/// GETs `url` within the time limit, following at most 5 redirects, each
/// to an allowed address; the body, at most [`MAX_BYTES`].
fn get(url: &str, o: &Options) -> Result<Vec<u8>, String> {
    let deadline = Instant::now() + o.timeout;
    let limit_s = o.timeout.as_secs_f64();
    let timed_out = || {
        format!(
            "{limit_s} 秒以内に応答が終わりませんでした / no complete answer within {limit_s} s"
        )
    };
    let mut url = url.to_string();
    for _ in 0..=5 {
        let target = allowed(&url, o)?;
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(timed_out());
        }
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(left))
            .max_redirects(0)
            .http_status_as_error(false)
            .user_agent("iguren-calendar-fetch/0.1")
            .build()
            .into();
        let describe = |e: ureq::Error| match e {
            ureq::Error::Timeout(_) => timed_out(),
            ureq::Error::BodyExceedsLimit(_) => too_big(),
            e => {
                let e = escape_controls(&e.to_string());
                format!("接続できませんでした / cannot connect: {e}")
            }
        };
        let mut answer = agent.get(&target).call().map_err(describe)?;
        let code = answer.status().as_u16();
        if (300..400).contains(&code) {
            let Some(location) = answer
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok())
            else {
                return Err(format!(
                    "転送 {code} に行き先がありません / redirect {code} without a location"
                ));
            };
            url = join(&target, location);
            continue;
        }
        if code != 200 {
            return Err(format!("サーバーの応答 {code} / server answered {code}"));
        }
        let length = answer
            .headers()
            .get("content-length")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        if length.is_some_and(|n| n > MAX_BYTES) {
            return Err(too_big());
        }
        return answer
            .body_mut()
            .with_config()
            .limit(MAX_BYTES)
            .read_to_vec()
            .map_err(describe);
    }
    Err("転送が多すぎます（5 回まで） / too many redirects (at most 5)".into())
}

fn too_big() -> String {
    format!(
        "{} MB を超えるため読みません / larger than {} MB, not read",
        MAX_BYTES / 1024 / 1024,
        MAX_BYTES / 1024 / 1024
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_locations() {
        assert_eq!(
            join("https://a.jp/x/y.ics", "z.ics"),
            "https://a.jp/x/z.ics"
        );
        assert_eq!(join("https://a.jp/x/y.ics", "/z.ics"), "https://a.jp/z.ics");
        assert_eq!(join("https://a.jp", "z.ics"), "https://a.jp/z.ics");
        assert_eq!(join("https://a.jp/x", "http://b.jp/"), "http://b.jp/");
        assert_eq!(join("https://a.jp/x", "//b.jp/c"), "https://b.jp/c");
    }
}
