//! The native half of the search benchmark: serves the benchmark page, drives headless Chromium
//! through ChromeDriver (as `tests/e2e.rs` does), and prints a markdown table of Partnero's
//! engine against MiniSearch and FlexSearch for each registry size.
//!
//! Run through `bash .ci/search-bench [N...]`, which first builds the wasm module this page loads
//! (`tests/search_bench/wasm.rs`, the example `search_bench_wasm`, into
//! `target/search-bench/pkg`). Directly:
//! `cargo run --example search_bench -- [--seed S] [--queries Q] [N...]` (default 10000 100000).
//! Every size gets a fresh browser, so one run's garbage never lands in the next one's numbers.
//! The whole result is also written to `target/search-bench/results.json`.
//!
//! The page is served by a few lines of HTTP/1.1 on a loopback port rather than the sync server,
//! because it must be cross-origin isolated (COOP and COEP headers): only then does Chromium give
//! `performance.now()` 5 µs resolution instead of 100 µs, which matters for sub-millisecond
//! queries.
//!
//! `--cold-start [N...]` runs the cold-start benchmark of the real app instead
//! (`bash .ci/cold-start-bench`, `tests/search_bench/cold_start.rs`); it reuses this file's
//! server, browser and page polling.

#[cfg(not(target_arch = "wasm32"))]
mod cold_start;

#[cfg(not(target_arch = "wasm32"))]
mod runner {
    use std::path::{Path, PathBuf};
    use std::process::{Child, Command, Stdio};
    use std::time::{Duration, Instant};

    use anyhow::{bail, Context, Result};
    use serde_json::Value;
    use thirtyfour::prelude::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::{TcpListener, TcpStream};

    /// What the loopback server serves.
    #[derive(Clone, Copy, PartialEq, Eq)]
    pub(crate) enum Site {
        /// The search benchmark's page at `/`, cross-origin isolated.
        SearchBench,
        /// The built app (Trunk's dist directory, in `APP_DIST`) at `/`, as the sync server
        /// serves it, and the benchmark's pages and wasm module under `/bench/`: one origin, so
        /// the seeding page writes the IndexedDB database the app reads.
        ColdStart,
    }

    /// The app's build served in [`Site::ColdStart`], set once before the server starts.
    pub(crate) static APP_DIST: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

    /// Longest wait for one registry size: MiniSearch's fuzzy queries over 100,000 partners on
    /// a slow machine take minutes.
    const RUN_TIMEOUT: Duration = Duration::from_secs(45 * 60);

    pub(crate) fn root() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
    }

    pub(crate) fn package_dir() -> PathBuf {
        root().join("target/search-bench/pkg")
    }

    /// The file a request path names: `/pkg/…` from the wasm-bindgen output, everything else
    /// from `tests/search_bench/` (the page and its npm packages). In [`Site::ColdStart`] those
    /// move under `/bench/`, and the rest comes from the app's build ([`APP_DIST`]) with the
    /// sync server's SPA fallback: a path with no file extension is an app route and gets
    /// `index.html`.
    fn file_for(site: Site, path: &str) -> Option<PathBuf> {
        let path = path.split(['?', '#']).next()?;
        if path.split('/').any(|segment| segment == "..") {
            return None;
        }
        let bench_path = match site {
            Site::SearchBench => Some(path),
            Site::ColdStart => path
                .strip_prefix("/bench")
                .filter(|rest| rest.starts_with('/')),
        };
        if let Some(path) = bench_path {
            return Some(match path.strip_prefix("/pkg/") {
                Some(rest) => package_dir().join(rest),
                None if path == "/" => root().join("tests/search_bench/page.html"),
                None => root()
                    .join("tests/search_bench")
                    .join(path.trim_start_matches('/')),
            });
        }
        let dist = APP_DIST.get()?;
        let file = dist.join(path.trim_start_matches('/'));
        let last = path.rsplit('/').next().unwrap_or("");
        Some(if file.is_file() || last.contains('.') {
            file
        } else {
            dist.join("index.html")
        })
    }

    /// Extra response headers. The benchmark page must be cross-origin isolated (see the top of
    /// this file). The app gets what the sync server sends it (`cache_headers` in
    /// `sync-server/src/server.rs`): entry points revalidated, content-hashed assets cached for
    /// good; no COOP/COEP, which production does not send either.
    fn headers_for(site: Site, path: &str) -> &'static str {
        let path = path.split(['?', '#']).next().unwrap_or(path);
        match site {
            Site::SearchBench => {
                "Cross-Origin-Opener-Policy: same-origin\r\n\
                 Cross-Origin-Embedder-Policy: require-corp\r\n\
                 Cache-Control: no-store\r\n"
            }
            Site::ColdStart if path.starts_with("/bench/") => "Cache-Control: no-store\r\n",
            Site::ColdStart => {
                let last = path.rsplit('/').next().unwrap_or("");
                if path == "/sw.js"
                    || !last.contains('.')
                    || path.ends_with(".html")
                    || path.ends_with(".webmanifest")
                {
                    "Cache-Control: no-cache\r\n"
                } else {
                    "Cache-Control: public, max-age=31536000, immutable\r\n"
                }
            }
        }
    }

    fn content_type(path: &Path) -> &'static str {
        match path.extension().and_then(|extension| extension.to_str()) {
            Some("html") => "text/html; charset=utf-8",
            Some("js" | "mjs") => "text/javascript; charset=utf-8",
            Some("wasm") => "application/wasm",
            Some("json") => "application/json",
            Some("css") => "text/css; charset=utf-8",
            Some("webmanifest") => "application/manifest+json",
            Some("svg") => "image/svg+xml",
            Some("png") => "image/png",
            Some("ico") => "image/x-icon",
            _ => "application/octet-stream",
        }
    }

    /// Answers one GET and closes the connection.
    async fn serve_one(site: Site, mut stream: TcpStream) -> Result<()> {
        let mut request = Vec::new();
        let mut buffer = [0u8; 4096];
        while !request.windows(4).any(|window| window == b"\r\n\r\n") {
            let read = stream.read(&mut buffer).await?;
            if read == 0 || request.len() > 64 * 1024 {
                return Ok(());
            }
            request.extend_from_slice(&buffer[..read]);
        }
        let request = String::from_utf8_lossy(&request);
        let path = request.split(' ').nth(1).unwrap_or("/");
        let found = file_for(site, path).map(|file| (std::fs::read(&file), file));
        let (status, kind, body, extra) = match found {
            Some((Ok(body), file)) => {
                ("200 OK", content_type(&file), body, headers_for(site, path))
            }
            _ => ("404 Not Found", "text/plain", b"not found".to_vec(), ""),
        };
        let head = format!(
            "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n\
             {extra}Connection: close\r\n\r\n",
            body.len()
        );
        stream.write_all(head.as_bytes()).await?;
        stream.write_all(&body).await?;
        stream.shutdown().await?;
        Ok(())
    }

    pub(crate) async fn start_server(site: Site) -> Result<String> {
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let address = listener.local_addr()?;
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(async move {
                    let _ = serve_one(site, stream).await;
                });
            }
        });
        Ok(format!("http://{address}"))
    }

    /// ChromeDriver and one headless Chromium with a throw-away profile.
    pub(crate) struct Browser {
        driver: Option<WebDriver>,
        chromedriver: Child,
        _profile: tempfile::TempDir,
    }

    impl Browser {
        pub(crate) async fn launch() -> Result<Self> {
            let port = std::net::TcpListener::bind("127.0.0.1:0")?
                .local_addr()?
                .port();
            let chromedriver = Command::new("/usr/bin/chromedriver")
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .context("start /usr/bin/chromedriver (bash .ci/install-tools --browser)")?;
            let deadline = Instant::now() + Duration::from_secs(20);
            while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
                if Instant::now() > deadline {
                    bail!("chromedriver did not open port {port}");
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            let profile = tempfile::tempdir()?;
            let mut caps = DesiredCapabilities::chrome();
            caps.set_binary("/usr/bin/chromium")?;
            for arg in [
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                // Exact JS heap sizes (performance.memory is otherwise rounded to buckets) and
                // gc(), so heap growth is measured after collecting the garbage.
                "--enable-precise-memory-info",
                "--js-flags=--expose-gc",
            ] {
                caps.add_arg(arg)?;
            }
            caps.add_arg(&format!("--user-data-dir={}", profile.path().display()))?;
            let driver = WebDriver::new(format!("http://127.0.0.1:{port}"), caps).await?;
            Ok(Self {
                driver: Some(driver),
                chromedriver,
                _profile: profile,
            })
        }

        pub(crate) fn driver(&self) -> &WebDriver {
            self.driver.as_ref().expect("open until quit")
        }

        pub(crate) async fn quit(mut self) -> Result<()> {
            if let Some(driver) = self.driver.take() {
                driver.quit().await?;
            }
            Ok(())
        }
    }

    impl Drop for Browser {
        fn drop(&mut self) {
            let _ = self.chromedriver.kill();
            let _ = self.chromedriver.wait();
        }
    }

    /// Runs the page for `count` partners and returns its JSON result.
    async fn run_one(base: &str, count: usize, seed: u64, queries: usize) -> Result<Value> {
        let browser = Browser::launch().await?;
        let driver = browser.driver();
        driver
            .goto(format!(
                "{base}/page.html?n={count}&seed={seed}&queries={queries}"
            ))
            .await?;
        let what = format!("{count} partners");
        let result = wait_for_page_result(driver, &what, RUN_TIMEOUT).await?;
        browser.quit().await?;
        Ok(result)
    }

    /// Polls the open page until it leaves `window.benchResult` (returned) or
    /// `window.benchError` (an error naming `what`), printing `window.benchProgress` as it
    /// changes.
    pub(crate) async fn wait_for_page_result(
        driver: &WebDriver,
        what: &str,
        timeout: Duration,
    ) -> Result<Value> {
        let deadline = Instant::now() + timeout;
        let mut last_progress = String::new();
        let result = loop {
            let reply = driver
                .execute(
                    "return [window.benchResult ?? null, window.benchError ?? null, \
                     window.benchProgress ?? null];",
                    Vec::new(),
                )
                .await;
            // While the page runs a long synchronous step (building an index of 100,000
            // partners) the script cannot run and the call times out: ask again later.
            let state = match reply {
                Ok(reply) => reply.json().clone(),
                Err(error) if Instant::now() < deadline => {
                    eprintln!("[search-bench] the page is busy ({error}); waiting");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    continue;
                }
                Err(error) => return Err(error.into()),
            };
            if !state[0].is_null() {
                break state[0].clone();
            }
            if let Some(error) = state[1].as_str() {
                bail!("the page failed with {what}: {error}");
            }
            if let Some(progress) = state[2].as_str() {
                if progress != last_progress {
                    eprintln!("[search-bench] {progress}");
                    last_progress = progress.to_owned();
                }
            }
            if Instant::now() > deadline {
                bail!("no result after {timeout:?} with {what}");
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        };
        Ok(result)
    }

    fn mib(bytes: f64) -> String {
        format!("{:.1} MiB", bytes / (1024.0 * 1024.0))
    }

    fn number(value: &Value) -> f64 {
        value.as_f64().unwrap_or(f64::NAN)
    }

    fn percent(value: &Value) -> String {
        value
            .as_f64()
            .map_or_else(|| "n/a".into(), |share| format!("{:.1} %", share * 100.0))
    }

    /// The memory compared across engines: what the build left allocated, on the Rust heap for
    /// Partnero (its index lives in wasm memory; its JS heap does not grow), on the JS heap
    /// (after garbage collection) for the others.
    fn memory_bytes(engine: &Value) -> f64 {
        let memory = &engine["memory"];
        match memory.get("heap_growth_bytes") {
            Some(bytes) => number(bytes),
            None => number(&memory["js_heap_growth_bytes"]),
        }
    }

    fn print_tables(results: &[Value]) {
        println!(
            "| partners | engine | index build ms | memory | median ms | p99 ms | \
             recall@10 (typo) | recall@10 (unaccented) |"
        );
        println!("|---|---|---|---|---|---|---|---|");
        for result in results {
            for engine in result["engines"].as_array().into_iter().flatten() {
                let memory = &engine["memory"];
                let memory_text = match memory.get("index_estimate_bytes") {
                    Some(estimate) => format!(
                        "{} (Rust heap; own estimate {})",
                        mib(memory_bytes(engine)),
                        mib(number(estimate))
                    ),
                    None => format!("{} (JS heap)", mib(memory_bytes(engine))),
                };
                println!(
                    "| {} | {} | {:.0} | {} | {:.3} | {:.3} | {} | {} |",
                    result["partners"],
                    engine["engine"].as_str().unwrap_or("?"),
                    number(&engine["build_ms"]),
                    memory_text,
                    number(&engine["median_ms"]),
                    number(&engine["p99_ms"]),
                    percent(&engine["recall_typo"]),
                    percent(&engine["recall_unaccented"]),
                );
            }
        }
        println!();
        println!("| partners | ratio | index build | memory | median | p99 |");
        println!("|---|---|---|---|---|---|");
        for result in results {
            let engines = result["engines"].as_array().cloned().unwrap_or_default();
            let Some(ours) = engines.iter().find(|engine| engine["engine"] == "Partnero") else {
                continue;
            };
            for other in engines
                .iter()
                .filter(|engine| engine["engine"] != "Partnero")
            {
                let ratio = |key: &str| number(&ours[key]) / number(&other[key]);
                let name = other["engine"].as_str().unwrap_or("?");
                let short = name.split(' ').next().unwrap_or(name);
                println!(
                    "| {} | Partnero/{short} | {:.2}× | {:.2}× | {:.2}× | {:.2}× |",
                    result["partners"],
                    ratio("build_ms"),
                    memory_bytes(ours) / memory_bytes(other),
                    ratio("median_ms"),
                    ratio("p99_ms"),
                );
            }
        }
        println!();
        println!("recall@10 by query kind (queries with an intended partner):");
        println!();
        for result in results {
            for engine in result["engines"].as_array().into_iter().flatten() {
                let kinds: Vec<String> = engine["recall_by_kind"]
                    .as_object()
                    .into_iter()
                    .flatten()
                    .map(|(kind, tally)| format!("{kind} {}/{}", tally["found"], tally["total"]))
                    .collect();
                println!(
                    "- {} partners, {}: {}",
                    result["partners"],
                    engine["engine"].as_str().unwrap_or("?"),
                    kinds.join(", ")
                );
            }
        }
    }

    pub async fn main() -> Result<()> {
        let mut seed = 1u64;
        let mut queries = 1_000usize;
        let mut sizes = Vec::new();
        let mut args = std::env::args().skip(1).peekable();
        if args.peek().is_some_and(|arg| arg == "--cold-start") {
            return crate::cold_start::main(args.skip(1).collect()).await;
        }
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--seed" => seed = args.next().context("--seed needs a number")?.parse()?,
                "--queries" => {
                    queries = args.next().context("--queries needs a number")?.parse()?
                }
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
            root().join("tests/search_bench/node_modules/minisearch/package.json"),
            root().join("tests/search_bench/node_modules/flexsearch/package.json"),
        ] {
            if !needed.is_file() {
                bail!("{} is missing: run bash .ci/search-bench", needed.display());
            }
        }
        let base = start_server(Site::SearchBench).await?;
        let mut results = Vec::new();
        for count in sizes {
            eprintln!("[search-bench] {count} partners, {queries} queries, seed {seed}");
            results.push(run_one(&base, count, seed, queries).await?);
        }
        let out = root().join("target/search-bench/results.json");
        std::fs::write(&out, serde_json::to_string_pretty(&results)?)?;
        eprintln!("[search-bench] full results in {}", out.display());
        if let Some(first) = results.first() {
            println!(
                "Chromium: {}; cross-origin isolated: {}; precise memory: {}",
                first["user_agent"].as_str().unwrap_or("?"),
                first["cross_origin_isolated"],
                first["precise_memory"]
            );
            println!();
        }
        print_tables(&results);
        Ok(())
    }
}

#[cfg(not(target_arch = "wasm32"))]
#[tokio::main]
async fn main() -> anyhow::Result<()> {
    runner::main().await
}

#[cfg(target_arch = "wasm32")]
fn main() {}
