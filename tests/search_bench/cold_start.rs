//! The cold-start benchmark of the real app (`bash .ci/cold-start-bench [N...]`, or
//! `cargo run --example search_bench -- --cold-start [--seed S] [--dist DIR] [N...]`, default
//! 10000 100000 and `dist/`):
//! the time from page load to the first partner rows shown and to the first search answered,
//! with N partners stored.
//!
//! Per size, in a fresh headless Chromium with a throw-away profile:
//! 1. the seeding page (`/bench/seed.html`, the wasm module of `tests/search_bench/wasm.rs`)
//!    stores N generated partners in the app's IndexedDB database through the app's own
//!    `Registry::create_partners`; the server puts the built app (`dist/`) on the same origin,
//!    because IndexedDB is per origin;
//! 2. the first start of the app after seeding (`/`): it finds no search snapshot yet, builds
//!    and stores what it caches, and installs its service worker. It is reported apart, and a
//!    query is typed only once the first rows are shown;
//! 3. three measured cold loads of `/`, each a new document: the query is typed as soon as the
//!    search box exists (and again every 50 ms until answered), as an impatient user does.
//!
//! The times are the app's own User Timing marks (`partnero:first-rows`, `partnero:first-search`,
//! set by `src/ui/list.rs`), in ms since navigation start. The typing and an error hook are
//! injected before any page script runs (DevTools `Page.addScriptToEvaluateOnNewDocument`), so
//! they do not depend on WebDriver's round trips. Everything, with navigation and resource
//! timings and long tasks to explain where the time goes, is written to
//! `target/search-bench/cold-start.json`.

use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use serde_json::{json, Value};
use thirtyfour::prelude::*;

use crate::runner::{
    package_dir, root, start_server, wait_for_page_result, Browser, Site, APP_DIST,
};

/// Measured cold loads per size; the table shows their median.
const LOADS: usize = 3;

/// Seeding 100,000 partners takes minutes on a slow machine.
const SEED_TIMEOUT: Duration = Duration::from_secs(30 * 60);

/// Longest wait for one page load to answer its first search.
const LOAD_TIMEOUT: Duration = Duration::from_secs(10 * 60);

/// How often a slow load prints where it is.
const STATUS_EVERY: Duration = Duration::from_secs(10);

/// After the first start: the app writes its caches in the background once the list is shown.
const FIRST_START_SETTLE: Duration = Duration::from_secs(3);

/// After every measured load, so work a load leaves in the background (the cache check) ends
/// before the next load rather than inside it.
const LOAD_SETTLE: Duration = Duration::from_secs(3);

/// The script injected into every new document. `__QUERY__` and `__AFTER_ROWS__` are replaced
/// by JSON literals. It records errors (uncaught, rejected, `console.error`, where a Rust panic
/// lands), long tasks, and types the query into `#filter-text` with an `input` event, as the
/// app's `on:input` expects; until the app has answered it, the typing is repeated, because the
/// box can exist before the registry is loaded.
const INJECTED: &str = r#"(() => {
  if (location.pathname.startsWith('/bench/')) return;
  const QUERY = __QUERY__;
  const AFTER_ROWS = __AFTER_ROWS__;
  const state = window.__coldStart = {
    errors: [], long_tasks: [], filter_box_at: null, typed_at: null, dispatches: 0,
  };
  const note = (kind, text) => state.errors.push(`${kind}: ${text}`.slice(0, 4000));
  addEventListener('error', (event) =>
    note('error', `${event.message} ${event.error?.stack ?? ''}`));
  addEventListener('unhandledrejection', (event) =>
    note('unhandledrejection', String(event.reason?.stack ?? event.reason)));
  const consoleError = console.error;
  console.error = (...args) => {
    note('console.error', args.map(String).join(' '));
    consoleError.apply(console, args);
  };
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        state.long_tasks.push({ start: entry.startTime, duration: entry.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {
    note('longtask observer', error);
  }
  const marked = (name) => performance.getEntriesByName(name).length > 0;
  const type = () => {
    if (marked('partnero:first-search')) return true;
    const input = document.getElementById('filter-text');
    if (!input) return false;
    state.filter_box_at ??= performance.now();
    if (AFTER_ROWS && !marked('partnero:first-rows')) return false;
    state.typed_at ??= performance.now();
    input.value = QUERY;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    state.dispatches += 1;
    return false;
  };
  // The observer types the moment the box is inserted; the timer repeats until answered.
  const observer = new MutationObserver(() => {
    if (document.getElementById('filter-text')) {
      observer.disconnect();
      type();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  const timer = setInterval(() => {
    if (type()) clearInterval(timer);
  }, 50);
})();"#;

/// Read once a load has answered: the marks and what explains them.
const REPORT: &str = r#"
const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
const navigation = performance.getEntriesByType('navigation')[0]?.toJSON() ?? null;
const resources = performance.getEntriesByType('resource')
  .filter((entry) => /\.(wasm|js|css)$/.test(new URL(entry.name).pathname))
  .map((entry) => ({
    name: new URL(entry.name).pathname,
    start: entry.startTime,
    worker_start: entry.workerStart,
    response_end: entry.responseEnd,
    duration: entry.duration,
    transfer_size: entry.transferSize,
    encoded_size: entry.encodedBodySize,
    decoded_size: entry.decodedBodySize,
  }));
const marks = performance.getEntriesByType('mark')
  .map((entry) => ({ name: entry.name, start: entry.startTime }));
const state = window.__coldStart ?? {};
return {
  first_rows_ms: mark('partnero:first-rows'),
  first_search_ms: mark('partnero:first-search'),
  filter_box_ms: state.filter_box_at ?? null,
  typed_ms: state.typed_at ?? null,
  dispatches: state.dispatches ?? 0,
  errors: state.errors ?? [],
  long_tasks: state.long_tasks ?? [],
  long_task_total_ms: (state.long_tasks ?? []).reduce((sum, task) => sum + task.duration, 0),
  longest_task_ms: Math.max(0, ...(state.long_tasks ?? []).map((task) => task.duration)),
  marks,
  navigation,
  resources,
  service_worker_controlled: Boolean(navigator.serviceWorker?.controller),
  js_heap_bytes: performance.memory?.usedJSHeapSize ?? null,
  user_agent: navigator.userAgent,
};"#;

/// The target for the first rows: 1 s up to 10,000 partners, 3 s up to 100,000.
fn target_ms(count: usize) -> Option<f64> {
    match count {
        0..=10_000 => Some(1_000.0),
        10_001..=100_000 => Some(3_000.0),
        _ => None,
    }
}

/// Registers [`INJECTED`] for every following document of the tab; returns its DevTools id.
async fn inject(driver: &WebDriver, query: &str, after_rows: bool) -> Result<String> {
    let source = INJECTED
        .replace("__QUERY__", &serde_json::to_string(query)?)
        .replace("__AFTER_ROWS__", if after_rows { "true" } else { "false" });
    let reply = driver
        .cdp()
        .send_raw(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": source }),
        )
        .await?;
    reply["identifier"]
        .as_str()
        .map(str::to_owned)
        .context("Page.addScriptToEvaluateOnNewDocument returned no identifier")
}

async fn uninject(driver: &WebDriver, identifier: &str) -> Result<()> {
    driver
        .cdp()
        .send_raw(
            "Page.removeScriptToEvaluateOnNewDocument",
            json!({ "identifier": identifier }),
        )
        .await?;
    Ok(())
}

/// Loads the app as a new document and waits until it has answered the injected query;
/// returns [`REPORT`].
async fn load_app(driver: &WebDriver, base: &str, what: &str) -> Result<Value> {
    // Through about:blank, so every load is a new document even if the URL is the same.
    driver.goto("about:blank").await?;
    driver.goto(format!("{base}/")).await?;
    let deadline = Instant::now() + LOAD_TIMEOUT;
    let mut reported_errors = 0;
    let mut next_status = Instant::now() + STATUS_EVERY;
    loop {
        // While the app runs a long synchronous step the script waits for it or times out;
        // either way the marks are timestamps, so the polling's own delay does not count.
        let reply = driver
            .execute(
                "return [performance.getEntriesByName('partnero:first-search').length > 0, \
                 window.__coldStart?.errors ?? [], \
                 performance.getEntriesByName('partnero:first-rows')[0]?.startTime ?? null, \
                 window.__coldStart?.dispatches ?? 0, \
                 (document.body?.innerText ?? '').replace(/\\s+/g, ' ').slice(0, 160)];",
                Vec::new(),
            )
            .await;
        match reply {
            Ok(reply) => {
                let state = reply.json();
                let errors = state[1].as_array().cloned().unwrap_or_default();
                for error in errors.iter().skip(reported_errors) {
                    eprintln!(
                        "[cold-start] {what}: the app reported {}",
                        error.as_str().unwrap_or("?")
                    );
                }
                reported_errors = errors.len();
                if state[0].as_bool() == Some(true) {
                    break;
                }
                // A slow load shows what the page is at: the first rows' mark, how often the
                // query was typed, and the start of the page's text (a loading or error
                // message).
                if Instant::now() > next_status {
                    next_status = Instant::now() + STATUS_EVERY;
                    eprintln!(
                        "[cold-start] {what}: waiting; first rows {}, typed {} times, page: {}",
                        state[2],
                        state[3],
                        state[4].as_str().unwrap_or("")
                    );
                }
            }
            Err(error) => eprintln!("[cold-start] {what}: the page is busy ({error}); waiting"),
        }
        if Instant::now() > deadline {
            let report = driver.execute(REPORT, Vec::new()).await?.json().clone();
            bail!(
                "{what}: no first search after {LOAD_TIMEOUT:?}; marks and errors so far: \
                 {}",
                serde_json::to_string_pretty(&json!({
                    "first_rows_ms": report["first_rows_ms"],
                    "filter_box_ms": report["filter_box_ms"],
                    "typed_ms": report["typed_ms"],
                    "dispatches": report["dispatches"],
                    "errors": report["errors"],
                    "marks": report["marks"],
                }))?
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Ok(driver.execute(REPORT, Vec::new()).await?.json().clone())
}

fn median(mut values: Vec<f64>) -> f64 {
    values.retain(|value| value.is_finite());
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    if values.len() % 2 == 1 {
        values[middle]
    } else {
        (values[middle - 1] + values[middle]) / 2.0
    }
}

fn number(value: &Value) -> f64 {
    value.as_f64().unwrap_or(f64::NAN)
}

fn seconds(ms: f64) -> String {
    if ms.is_finite() {
        format!("{:.2} s", ms / 1000.0)
    } else {
        "n/a".into()
    }
}

/// When the app's wasm finished arriving, from a load's resource timings.
fn wasm_arrived_ms(load: &Value) -> f64 {
    load["resources"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|entry| {
            entry["name"]
                .as_str()
                .is_some_and(|name| name.ends_with(".wasm"))
        })
        .map_or(f64::NAN, |entry| number(&entry["response_end"]))
}

/// One size: seed, first start, [`LOADS`] measured loads.
async fn run_size(base: &str, count: usize, seed: u64) -> Result<Value> {
    let browser = Browser::launch().await?;
    let driver = browser.driver();

    eprintln!("[cold-start] {count} partners: seeding (seed {seed})");
    driver
        .goto(format!("{base}/bench/seed.html?n={count}&seed={seed}"))
        .await?;
    let seeding = wait_for_page_result(driver, &format!("seeding {count}"), SEED_TIMEOUT).await?;
    let query = seeding["query"]
        .as_str()
        .context("the seeding page returned no query")?
        .to_owned();
    eprintln!(
        "[cold-start] {count} partners stored in {}; query {query:?}",
        seconds(number(&seeding["total_ms"]))
    );

    eprintln!("[cold-start] {count} partners: first start after seeding");
    let script = inject(driver, &query, true).await?;
    let first_start = load_app(driver, base, &format!("{count}, first start")).await?;
    tokio::time::sleep(FIRST_START_SETTLE).await;
    uninject(driver, &script).await?;

    let script = inject(driver, &query, false).await?;
    let mut loads = Vec::new();
    for number in 1..=LOADS {
        let what = format!("{count}, cold load {number}");
        let load = load_app(driver, base, &what).await?;
        eprintln!(
            "[cold-start] {what}: first rows {:.0} ms, first search {:.0} ms",
            self::number(&load["first_rows_ms"]),
            self::number(&load["first_search_ms"])
        );
        loads.push(load);
        tokio::time::sleep(LOAD_SETTLE).await;
    }
    uninject(driver, &script).await?;
    browser.quit().await?;

    let median_of = |key: &str| median(loads.iter().map(|load| number(&load[key])).collect());
    Ok(json!({
        "partners": count,
        "seed": seed,
        "query": query,
        "seeding": seeding,
        "first_start": first_start,
        "loads": loads,
        "median": {
            "first_rows_ms": median_of("first_rows_ms"),
            "first_search_ms": median_of("first_search_ms"),
            "filter_box_ms": median_of("filter_box_ms"),
            "typed_ms": median_of("typed_ms"),
            "long_task_total_ms": median_of("long_task_total_ms"),
            "longest_task_ms": median_of("longest_task_ms"),
            "wasm_arrived_ms": median(loads.iter().map(wasm_arrived_ms).collect()),
        },
        "target_first_rows_ms": target_ms(count),
    }))
}

fn print_tables(results: &[Value]) {
    println!(
        "| partners | seed time | first start: first rows | first start: first search | \
         cold start (median of {LOADS}): first rows | cold start (median of {LOADS}): first \
         search | target first rows | met? |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for result in results {
        let median = &result["median"];
        let first_rows = number(&median["first_rows_ms"]);
        let (target, met) = match result["target_first_rows_ms"].as_f64() {
            Some(target) => (
                format!("≤ {}", seconds(target)),
                if first_rows <= target { "yes" } else { "no" },
            ),
            None => ("none".into(), "n/a"),
        };
        println!(
            "| {} | {} | {} | {} | {} | {} | {target} | {met} |",
            result["partners"],
            seconds(number(&result["seeding"]["total_ms"])),
            seconds(number(&result["first_start"]["first_rows_ms"])),
            seconds(number(&result["first_start"]["first_search_ms"])),
            seconds(first_rows),
            seconds(number(&median["first_search_ms"])),
        );
    }
    println!();
    println!(
        "Where the time goes (cold start, medians; ms since navigation start): the app's wasm \
         received, the search box present, first rows, first search; long tasks (> 50 ms) in \
         total and the longest."
    );
    println!();
    println!("| partners | query | wasm received | search box | first rows | first search | long tasks | longest task |");
    println!("|---|---|---|---|---|---|---|---|");
    for result in results {
        let median = &result["median"];
        println!(
            "| {} | {} | {:.0} | {:.0} | {:.0} | {:.0} | {:.0} | {:.0} |",
            result["partners"],
            result["query"].as_str().unwrap_or("?"),
            number(&median["wasm_arrived_ms"]),
            number(&median["filter_box_ms"]),
            number(&median["first_rows_ms"]),
            number(&median["first_search_ms"]),
            number(&median["long_task_total_ms"]),
            number(&median["longest_task_ms"]),
        );
    }
}

/// `--cold-start [--seed S] [--dist DIR] [N...]`.
pub async fn main(args: Vec<String>) -> Result<()> {
    let mut seed = 1u64;
    let mut dist = root().join("dist");
    let mut sizes = Vec::new();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--seed" => seed = args.next().context("--seed needs a number")?.parse()?,
            "--dist" => dist = root().join(args.next().context("--dist needs a directory")?),
            size => sizes.push(
                size.replace(['_', ','], "")
                    .parse::<usize>()
                    .with_context(|| format!("{size} is not a number of partners"))?,
            ),
        }
    }
    if sizes.is_empty() {
        sizes = vec![10_000, 100_000];
    }
    for needed in [
        package_dir().join("search_bench_wasm.js"),
        dist.join("index.html"),
    ] {
        if !needed.is_file() {
            bail!(
                "{} is missing: run bash .ci/cold-start-bench",
                needed.display()
            );
        }
    }
    APP_DIST
        .set(dist)
        .map_err(|_| anyhow::anyhow!("the app's directory is set once"))?;
    let base = start_server(Site::ColdStart).await?;
    let mut results = Vec::new();
    for count in sizes {
        results.push(run_size(&base, count, seed).await?);
        // Written after every size, so a later failure keeps what was measured.
        let out = root().join("target/search-bench/cold-start.json");
        std::fs::write(&out, serde_json::to_string_pretty(&results)?)?;
        eprintln!("[cold-start] full results in {}", out.display());
    }
    if let Some(agent) = results[0]["first_start"]["user_agent"].as_str() {
        println!("Chromium: {agent}; {} cores", num_cpus());
        println!();
    }
    print_tables(&results);
    Ok(())
}

fn num_cpus() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}
