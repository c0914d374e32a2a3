//! Benchmark: a new device (a fresh Chromium profile) signs in to a team whose workspace lists N
//! partners, and gets all of them from the server. Timed in the page from the click on
//! "Sign in" to the sync status saying "Up to date" and to the partner list counting all N
//! partners; also the peak JS heap and wasm memory the page reached, and the WebSocket messages
//! and bytes each way (what the server sent and received).
//!
//! Run: `bash .ci/first-sync-bench [N ...]`, or after
//! `cargo build --profile server -p partnero-sync-server --example first_sync_bench`:
//! `target/server/examples/first_sync_bench --dist DIST [--timeout SECONDS] [N ...]`
//! (sizes default to 1000 and 5000; DIST is the built app, `trunk build --release`).
//!
//! Per size, the real server runs in this process on a loopback port with its SQLite database
//! in a fresh temporary directory. A native device, running the app's own `Registry` on a memory
//! store and the app's sync session glue (`partnero::sync::session`) over a real WebSocket,
//! signs in as the team's administrator, joins the team workspace, registers the N partners in
//! one batch (`Registry::create_partners`, as an import does) and uploads them and the
//! workspace index, exactly as the app would. Then headless Chromium (through ChromeDriver, as
//! tests/e2e.rs drives it) opens the app in a fresh profile, waits for it and its service worker
//! to be ready, and a second team member signs in on the sign-in screen.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::rc::Rc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use automerge::ActorId;
use futures::{SinkExt, StreamExt};
use partnero::model::{DocumentId, PartnerProfile};
use partnero::registry::Registry;
use partnero::report::partner_import::group_thousands;
use partnero::store::MemoryStore;
use partnero::sync::{session, SyncClient};
use partnero::validate::tax_id::check_tax_id;
use partnero::validate::{validate_partner, PartnerDraft};
use partnero_sync_server::database::Database;
use partnero_sync_server::server::{self, now_seconds, ServerConfig};
use serde_json::{json, Value};
use thirtyfour::prelude::*;
use tokio::sync::oneshot;
use tokio_tungstenite::tungstenite::Message as WsMessage;

const PASSWORD: &str = "benchmark password";
/// Registers the partners: the team's administrator, on another device.
const SEEDER: &str = "owner@example.com";
/// Signs in on the new device: a manager, who sees every partner of the team.
const NEW_DEVICE_USER: &str = "manager@example.com";
const POLL: Duration = Duration::from_millis(250);
const STATUS_EVERY: Duration = Duration::from_secs(10);
/// The seeding device gives up when the server says nothing for this long.
const SEED_SILENCE: Duration = Duration::from_secs(120);

/// Injected before the app's own scripts in every document. It stamps the click on
/// `#sign-in-button` and then watches, on every DOM mutation and every 50 ms, for the sync
/// status's `up-to-date` class (the class, so the language of the page does not matter) and for
/// `#result-count` saying "S of N partners" with N the team's size; it samples the JS heap
/// (precise with `--enable-precise-memory-info`) and the app's wasm memory (from Trunk's
/// `TrunkApplicationStarted` event), counts WebSocket traffic by wrapping the constructor the
/// app's wasm-bindgen glue looks up at call time, and records errors (a Rust panic lands in
/// `console.error`). Timestamps are `performance.now()` of one document (the app navigates
/// client-side after signing in), so the polling's latency does not count. A sampling timer
/// cannot run during a long task, so the peaks can miss a short spike inside one.
const INJECTED: &str = r#"(() => {
  const N = __N__;
  const s = window.__fsb = {
    errors: [], clicked_at: null, first_up_at: null, up_since: null, listed_at: null,
    done_at: null, up_at_done: null, status: '', count: '', shown: null, listed: null,
    peak_js_heap: 0, peak_wasm_memory: 0, js_heap_at_done: null, wasm_memory_at_done: null,
    ws: { opened: 0, sent: 0, sent_bytes: 0, received: 0, received_bytes: 0, last_received_at: null },
    long_tasks: 0, long_task_ms: 0, longest_task_ms: 0,
  };
  const note = (kind, text) => s.errors.push(`${kind}: ${text}`.slice(0, 2000));
  addEventListener('error', (event) => note('error', `${event.message} ${event.error?.stack ?? ''}`));
  addEventListener('unhandledrejection', (event) =>
    note('unhandledrejection', String(event.reason?.stack ?? event.reason)));
  const consoleError = console.error;
  console.error = (...args) => { note('console.error', args.map(String).join(' ')); consoleError.apply(console, args); };
  const size = (data) => data?.byteLength ?? data?.size ?? data?.length ?? 0;
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      s.ws.opened += 1;
      this.addEventListener('message', (event) => {
        s.ws.received += 1;
        s.ws.received_bytes += size(event.data);
        s.ws.last_received_at = performance.now();
      });
    }
    send(data) { s.ws.sent += 1; s.ws.sent_bytes += size(data); return super.send(data); }
  };
  // Where the time goes: main-thread work in tasks over 50 ms (the app's wasm runs there).
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (s.clicked_at === null || s.done_at !== null || entry.startTime < s.clicked_at) continue;
        s.long_tasks += 1;
        s.long_task_ms += entry.duration;
        s.longest_task_ms = Math.max(s.longest_task_ms, entry.duration);
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {
    note('longtask observer', error);
  }
  let memory = null;
  addEventListener('TrunkApplicationStarted', (event) => { memory = event.detail?.wasm?.memory ?? null; });
  const sample = () => {
    const heap = performance.memory?.usedJSHeapSize ?? 0;
    const wasm = memory?.buffer?.byteLength ?? 0;
    if (heap > s.peak_js_heap) s.peak_js_heap = heap;
    if (wasm > s.peak_wasm_memory) s.peak_wasm_memory = wasm;
    return [heap, wasm];
  };
  document.addEventListener('click', (event) => {
    if (s.clicked_at === null && event.target?.closest?.('#sign-in-button')) s.clicked_at = performance.now();
  }, true);
  const check = () => {
    const [heap, wasm] = sample();
    if (s.clicked_at === null || s.done_at !== null) return;
    const now = performance.now();
    const status = document.getElementById('sync-status');
    s.status = status?.textContent ?? '';
    const up = Boolean(status?.classList.contains('up-to-date'));
    if (up) {
      s.first_up_at ??= now;
      s.up_since ??= now;
    } else {
      s.up_since = null;
    }
    // Fluent wraps variables in isolation marks; numbers may be grouped.
    s.count = (document.getElementById('result-count')?.textContent ?? '')
      .replace(/[\u2068\u2069,.\u00a0\u202f ]/g, '');
    const numbers = s.count.match(/(\d+)of(\d+)/);
    s.shown = numbers ? Number(numbers[1]) : null;
    s.listed = numbers ? Number(numbers[2]) : null;
    if (s.listed === N && s.shown === N) s.listed_at ??= now;
    if (up && s.listed === N && s.shown === N) {
      s.done_at = now;
      s.up_at_done = s.up_since;
      s.js_heap_at_done = heap;
      s.wasm_memory_at_done = wasm;
    }
  };
  setInterval(check, 50);
  const watch = () => new MutationObserver(check)
    .observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', watch); else watch();
})();"#;

/// A valid Spanish CIF for partner `index` (as in reconnect_bench.rs): the control character
/// is found by asking the validator, so the partners cannot drift from the registration rules.
fn cif(index: usize) -> String {
    let stem = format!("B{:07}", index % 10_000_000);
    "0123456789ABCDEFGHIJ"
        .chars()
        .find_map(|control| check_tax_id("ES", &format!("{stem}{control}")).ok())
        .expect("some control character makes a valid CIF")
}

/// A partner validated like the registration form's.
fn profile(index: usize) -> PartnerProfile {
    validate_partner(&PartnerDraft {
        kind: if index % 2 == 0 { "client" } else { "supplier" }.into(),
        legal_name: format!("Empresa {index} S.L."),
        tax_country: "ES".into(),
        tax_number: cif(index),
        emails: format!("info{index}@example.com"),
        ..PartnerDraft::default()
    })
    .expect("the benchmark's partner is valid")
}

fn document_id(index: usize) -> DocumentId {
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&(index as u64).to_le_bytes());
    bytes[8] = 0xf5;
    getrandom::fill(&mut bytes[9..]).expect("random bytes");
    DocumentId::from_random_bytes(bytes)
}

/// What `/api/sign-in` returns.
#[derive(Debug, Clone, serde::Deserialize)]
struct SignedIn {
    token: String,
    peer_id: String,
    workspace_id: String,
}

/// The real server with its own database, on a free loopback port, serving `dist`.
struct BenchServer {
    base: String,
    stop: Option<oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<anyhow::Result<()>>,
    data: tempfile::TempDir,
}

impl BenchServer {
    async fn start(dist: &std::path::Path) -> Result<Self> {
        let data = tempfile::tempdir()?;
        let database = Database::open(data.path())?;
        for (email, admin) in [(SEEDER, true), (NEW_DEVICE_USER, false)] {
            database
                .add_user(email, "", PASSWORD, admin, now_seconds())
                .await?;
        }
        drop(database);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let base = format!("http://{}", listener.local_addr()?);
        let (stop, stopped) = oneshot::channel::<()>();
        let config = ServerConfig {
            dist: dist.to_owned(),
            data_dir: data.path().to_owned(),
            max_message_bytes: 8 << 20,
            max_file_bytes: partnero_sync_server::files::DEFAULT_MAX_FILE_BYTES,
            fault_write_delay_ms: 0,
        };
        let task = tokio::spawn(server::run(listener, config, async {
            let _ = stopped.await;
        }));
        Ok(Self {
            base,
            stop: Some(stop),
            task,
            data,
        })
    }

    async fn stop(mut self) -> Result<()> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        tokio::time::timeout(Duration::from_secs(30), self.task)
            .await
            .context("server did not shut down")???;
        drop(self.data);
        Ok(())
    }
}

async fn sign_in(base: &str, email: &str) -> Result<SignedIn> {
    Ok(reqwest::Client::new()
        .post(format!("{base}/api/sign-in"))
        .json(&json!({ "email": email, "password": PASSWORD }))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?)
}

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// The seeding device: the app's registry and session glue, as sync-server/tests/sync.rs's
/// `RegistryDevice` drives them.
struct Seeder {
    client: SyncClient,
    registry: Registry<Rc<MemoryStore>>,
    socket: Socket,
}

impl Seeder {
    async fn send_all(&mut self, messages: Vec<Vec<u8>>) -> Result<()> {
        for bytes in messages {
            self.socket.feed(WsMessage::Binary(bytes.into())).await?;
        }
        self.socket.flush().await?;
        Ok(())
    }

    /// Exchanges messages until nothing is syncing or pending and the server has been quiet a
    /// moment (checking the progress of every document after every message would dominate).
    async fn sync(&mut self) -> Result<()> {
        let mut last_message = Instant::now();
        loop {
            match tokio::time::timeout(Duration::from_millis(200), self.socket.next()).await {
                Err(_) => {
                    let progress = self.client.progress(&mut self.registry);
                    if progress.documents_syncing == 0
                        && progress.pending_changes == 0
                        && self.registry.uses_team_workspace()
                        && self.registry.waiting_for().is_empty()
                    {
                        session::idle(&mut self.registry).await?;
                        return Ok(());
                    }
                    if last_message.elapsed() > SEED_SILENCE {
                        bail!("seeding device not in sync: {progress:?}");
                    }
                }
                Ok(Some(Ok(WsMessage::Binary(bytes)))) => {
                    last_message = Instant::now();
                    let step =
                        session::received(&mut self.client, &mut self.registry, &bytes, 1).await?;
                    if let Some(error) = step.server_error {
                        bail!("the server refused the seeding device: {error}");
                    }
                    self.send_all(step.send).await?;
                }
                Ok(Some(Ok(_))) => {}
                Ok(other) => bail!("the seeding device's socket ended: {other:?}"),
            }
        }
    }
}

/// Registers `count` partners in the team's workspace through a native device; returns how
/// long it took.
async fn seed(base: &str, count: usize) -> Result<Duration> {
    let started = Instant::now();
    let signed_in = sign_in(base, SEEDER).await?;
    let registry = Registry::open(
        Rc::new(MemoryStore::new()),
        ActorId::random(),
        document_id(usize::MAX),
    )
    .await?;
    let url = format!(
        "{}/sync?token={}",
        base.replace("http://", "ws://"),
        signed_in.token
    );
    let socket = tokio_tungstenite::connect_async(url).await?.0;
    let mut seeder = Seeder {
        client: SyncClient::new(signed_in.peer_id.clone()),
        registry,
        socket,
    };
    // Join the team's (empty) workspace first, so the partners are registered straight into it.
    let team = signed_in.workspace_id.parse()?;
    let messages = session::connected(&mut seeder.client, &mut seeder.registry, team);
    seeder.send_all(messages).await?;
    seeder.sync().await?;

    let partners: Vec<_> = (0..count)
        .map(|index| (document_id(index), profile(index)))
        .collect();
    let mut ids: Vec<DocumentId> = partners.iter().map(|(id, _)| *id).collect();
    seeder
        .registry
        .create_partners(partners, 1_700_000_000_000)
        .await?;
    // `create_partners` keeps only the cached values; the sync client needs the documents.
    seeder.registry.ensure_loaded(&ids).await?;
    // The partners before the index that lists them, as the app's own order is.
    ids.push(seeder.registry.workspace_id());
    let messages = session::local_changes(&mut seeder.client, &mut seeder.registry, &ids);
    seeder.send_all(messages).await?;
    seeder.sync().await?;
    let listed = seeder.registry.partners().count();
    if listed != count {
        bail!("the seeding device lists {listed} partners, not {count}");
    }
    Ok(started.elapsed())
}

/// ChromeDriver and a headless Chromium with a fresh profile, as tests/e2e.rs launches them.
struct Browser {
    driver: Option<WebDriver>,
    chromedriver: Child,
    _profile: tempfile::TempDir,
}

impl Browser {
    async fn launch() -> Result<Self> {
        let chromedriver_path =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let chromium_path =
            std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let chromedriver = Command::new(&chromedriver_path)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .with_context(|| {
                format!("start {chromedriver_path} (bash .ci/install-tools --browser installs it)")
            })?;
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline {
                bail!("chromedriver did not open port {port}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let profile = tempfile::tempdir()?;
        let mut caps = DesiredCapabilities::chrome();
        caps.set_binary(&chromium_path)?;
        for arg in [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
            // performance.memory is otherwise quantised and delayed (a fingerprinting guard).
            "--enable-precise-memory-info",
            "--window-size=1280,900",
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

    fn driver(&self) -> &WebDriver {
        self.driver.as_ref().expect("driver is open until quit")
    }

    async fn quit(mut self) -> Result<()> {
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

/// One size's result.
struct Measured {
    partners: usize,
    /// Not up to date with every partner listed within the timeout.
    timed_out: Option<Duration>,
    seed: Duration,
    report: Value,
}

async fn type_into(driver: &WebDriver, id: &str, text: &str) -> Result<()> {
    let element = driver
        .query(By::Id(id))
        .wait(Duration::from_secs(60), Duration::from_millis(100))
        .first()
        .await
        .with_context(|| format!("waiting for #{id}"))?;
    element.send_keys(text).await?;
    Ok(())
}

/// Seeds a fresh server with `count` partners and measures a new device's first sync.
async fn measure(dist: &std::path::Path, count: usize, timeout: Duration) -> Result<Measured> {
    let server = BenchServer::start(dist).await?;
    eprintln!("[first-sync-bench] {count}: seeding the server through a native device");
    let seed_time = seed(&server.base, count).await?;
    eprintln!(
        "[first-sync-bench] {count}: seeded in {:.1} s; starting Chromium",
        seed_time.as_secs_f64()
    );

    let browser = Browser::launch().await?;
    let driver = browser.driver();
    driver
        .cdp()
        .send_raw(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": INJECTED.replace("__N__", &count.to_string()) }),
        )
        .await?;
    driver.goto(format!("{}/sign-in", server.base)).await?;
    // The app shell is loaded and its service worker has cached it before anyone types, so
    // the measurement is the sync rather than the first visit's downloads.
    let ready = driver
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             const timer = setTimeout(() => done(false), 60000); \
             navigator.serviceWorker.ready.then(() => { clearTimeout(timer); done(true); });",
            Vec::new(),
        )
        .await?;
    if ready.json().as_bool() != Some(true) {
        eprintln!(
            "[first-sync-bench] {count}: the service worker was not ready after 60 s; going on"
        );
    }
    type_into(driver, "sign-in-email", NEW_DEVICE_USER).await?;
    type_into(driver, "sign-in-password", PASSWORD).await?;
    driver.find(By::Id("sign-in-button")).await?.click().await?;

    let started = Instant::now();
    let mut next_status = Instant::now() + STATUS_EVERY;
    let mut reported_errors = 0;
    let report = loop {
        tokio::time::sleep(POLL).await;
        // While the app runs a long synchronous step this call waits; the marks are page
        // timestamps, so that delay does not count.
        let reply = match driver.execute("return window.__fsb;", Vec::new()).await {
            Ok(reply) => reply.json().clone(),
            Err(error) => {
                eprintln!("[first-sync-bench] {count}: the page is busy ({error})");
                continue;
            }
        };
        let errors = reply["errors"].as_array().cloned().unwrap_or_default();
        for error in errors.iter().skip(reported_errors) {
            eprintln!(
                "[first-sync-bench] {count}: the page reported {}",
                error.as_str().unwrap_or("?")
            );
        }
        reported_errors = errors.len();
        if !reply["done_at"].is_null() {
            break reply;
        }
        if Instant::now() > next_status {
            next_status = Instant::now() + STATUS_EVERY;
            eprintln!(
                "[first-sync-bench] {count}: {:.0} s: status {:?}, list {:?}, received {} messages",
                started.elapsed().as_secs_f64(),
                reply["status"].as_str().unwrap_or(""),
                reply["count"].as_str().unwrap_or(""),
                reply["ws"]["received"]
            );
        }
        if started.elapsed() > timeout {
            // Reported as a row of its own, so the sizes measured before still print.
            eprintln!("[first-sync-bench] {count}: not done after {timeout:?}: {reply}");
            break reply;
        }
    };
    let timed_out = report["done_at"].is_null();
    // Up to date, every partner listed: what happens next (the app writing its caches) is
    // not part of the first sync.
    browser.quit().await?;
    server.stop().await?;
    Ok(Measured {
        partners: count,
        timed_out: timed_out.then_some(timeout),
        seed: seed_time,
        report,
    })
}

fn seconds_since_click(report: &Value, mark: &str) -> String {
    match (report[mark].as_f64(), report["clicked_at"].as_f64()) {
        (Some(at), Some(clicked)) => format!("{:.2} s", (at - clicked) / 1000.0),
        _ => "–".into(),
    }
}

/// A mark's time, or for a size that timed out how far it got.
fn unfinished(measured: &Measured, mark: &str) -> String {
    match measured.timed_out {
        Some(timeout) if measured.report[mark].is_null() => format!(
            "not within {} s ({} of {} listed)",
            timeout.as_secs(),
            group_thousands(measured.report["listed"].as_u64().unwrap_or(0) as usize),
            group_thousands(measured.partners)
        ),
        _ => seconds_since_click(&measured.report, mark),
    }
}

fn mib(bytes: &Value) -> String {
    match bytes.as_f64() {
        Some(bytes) if bytes > 0.0 => format!("{:.1} MiB", bytes / (1024.0 * 1024.0)),
        _ => "–".into(),
    }
}

fn kib(bytes: &Value) -> String {
    format!("{:.1} KiB", bytes.as_f64().unwrap_or(0.0) / 1024.0)
}

#[tokio::main]
async fn main() -> Result<()> {
    let mut dist = std::env::var_os("PARTNERO_DIST").map(PathBuf::from);
    let mut timeout = Duration::from_secs(600);
    let mut sizes = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--dist" => dist = Some(args.next().context("--dist needs a path")?.into()),
            "--timeout" => {
                timeout =
                    Duration::from_secs(args.next().context("--timeout needs seconds")?.parse()?)
            }
            size => sizes.push(
                size.replace(['_', ','], "")
                    .parse::<usize>()
                    .with_context(|| format!("{size:?} is not a number of partners"))?,
            ),
        }
    }
    let dist = dist.context("give the built app with --dist PATH (or PARTNERO_DIST)")?;
    if !dist.join("index.html").is_file() {
        bail!(
            "{} has no index.html: run `trunk build --release` first",
            dist.display()
        );
    }
    if sizes.is_empty() {
        sizes = vec![1_000, 5_000];
    }

    let mut results = Vec::new();
    for count in sizes {
        let measured = measure(&dist, count, timeout).await?;
        let report = &measured.report;
        eprintln!(
            "[first-sync-bench] {count}: done; first \"up to date\" {} after the click, page errors: {}",
            seconds_since_click(report, "first_up_at"),
            report["errors"].as_array().map(Vec::len).unwrap_or(0)
        );
        results.push(measured);
    }

    println!(
        "First sync of a new device (headless Chromium, fresh profile), real server on loopback"
    );
    println!();
    println!(
        "| partners | sign-in to up to date | sign-in to all listed | messages | peak JS heap |"
    );
    println!("|---|---|---|---|---|");
    for measured in &results {
        let report = &measured.report;
        let ws = &report["ws"];
        println!(
            "| {} | {} | {} | {} received ({}), {} sent ({}) | {} |",
            group_thousands(measured.partners),
            unfinished(measured, "up_at_done"),
            unfinished(measured, "listed_at"),
            group_thousands(ws["received"].as_u64().unwrap_or(0) as usize),
            kib(&ws["received_bytes"]),
            group_thousands(ws["sent"].as_u64().unwrap_or(0) as usize),
            kib(&ws["sent_bytes"]),
            mib(&report["peak_js_heap"]),
        );
    }
    println!();
    println!("| partners | seeding (not counted) | first \"up to date\" | both at | last message received | long tasks | peak wasm memory | JS heap at the end | WebSocket connections |");
    println!("|---|---|---|---|---|---|---|---|---|");
    let mut by_size = BTreeMap::new();
    for measured in &results {
        let report = &measured.report;
        let last_received = json!({
            "clicked_at": report["clicked_at"],
            "at": report["ws"]["last_received_at"],
        });
        println!(
            "| {} | {:.1} s | {} | {} | {} | {} in {:.1} s (longest {:.0} ms) | {} | {} | {} |",
            group_thousands(measured.partners),
            measured.seed.as_secs_f64(),
            seconds_since_click(report, "first_up_at"),
            seconds_since_click(report, "done_at"),
            seconds_since_click(&last_received, "at"),
            report["long_tasks"],
            report["long_task_ms"].as_f64().unwrap_or(0.0) / 1000.0,
            report["longest_task_ms"].as_f64().unwrap_or(0.0),
            mib(&report["peak_wasm_memory"]),
            mib(&report["js_heap_at_done"]),
            report["ws"]["opened"],
        );
        by_size.insert(measured.partners, report.clone());
    }
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/first-sync-bench.json");
    if std::fs::write(&path, serde_json::to_string_pretty(&by_size)?).is_ok() {
        eprintln!("[first-sync-bench] everything measured: {}", path.display());
    }
    Ok(())
}
