//! Server benchmark: many simulated clients create and edit documents at once, against
//! Partnero's server and against the Node automerge-repo sync server (network-websocket and
//! nodefs storage, `tests/interop/server.mjs`), one after the other on the same machine with the
//! same workload. Prints throughput (acknowledged edits per second) and the server process's
//! peak memory during the workload (sign-ins excluded), side by side with ratios.
//!
//! Run (after `cargo build --profile server -p partnero-sync-server` and `bash .ci/install-tools --browser`):
//! `cargo run --profile server -p partnero-sync-server --example server_bench -- [CLIENTS] [DOCS] [EDITS]`
//! (defaults 200 clients, 5 documents each, 10 edits per document). Every edit waits for the
//! server's acknowledgement before the next, as a device that shows "up to date" would.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ROOT};
use futures::{SinkExt, StreamExt};
use partnero::model::DocumentId;
use partnero::sync::{Effect, SyncClient, SyncDocuments};
use tokio_tungstenite::tungstenite::Message as WsMessage;

#[derive(Default)]
struct Docs(BTreeMap<DocumentId, AutoCommit>);

impl SyncDocuments for Docs {
    fn document_ids(&self) -> Vec<DocumentId> {
        self.0.keys().copied().collect()
    }
    fn document_mut(&mut self, id: &DocumentId) -> Option<&mut AutoCommit> {
        self.0.get_mut(id)
    }
    fn create_empty(&mut self, id: &DocumentId) -> &mut AutoCommit {
        self.0.entry(*id).or_default()
    }
}

/// A server process under test; killed on drop.
struct ServerProcess(Child);

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl ServerProcess {
    /// Resets the peak-memory mark (Linux `clear_refs`), so set-up such as the Argon2 sign-ins
    /// (19 MiB each) does not count as the workload's peak.
    fn reset_peak(&self) {
        let _ = std::fs::write(format!("/proc/{}/clear_refs", self.0.id()), "5");
    }

    /// Peak resident memory so far, from /proc (Linux).
    fn peak_rss_kib(&self) -> u64 {
        let status =
            std::fs::read_to_string(format!("/proc/{}/status", self.0.id())).unwrap_or_default();
        status
            .lines()
            .find(|line| line.starts_with("VmHWM:"))
            .and_then(|line| line.split_whitespace().nth(1))
            .and_then(|value| value.parse().ok())
            .unwrap_or(0)
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn wait_for_port(port: u16) {
    for _ in 0..400 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("nothing listens on port {port}");
}

/// One simulated client: connect, then create documents and edit each, waiting for every ack.
async fn run_client(
    url: String,
    peer_id: String,
    documents: usize,
    edits: usize,
    seed: u64,
) -> usize {
    let (mut socket, _) = tokio_tungstenite::connect_async(&url)
        .await
        .expect("connects");
    let mut client = SyncClient::new(peer_id);
    let mut docs = Docs::default();
    let mut acknowledged = 0;
    let send = |effects: Vec<Effect>| {
        effects
            .into_iter()
            .filter_map(|effect| match effect {
                Effect::Send(bytes) => Some(WsMessage::Binary(bytes.into())),
                _ => None,
            })
            .collect::<Vec<_>>()
    };
    for message in send(client.connected()) {
        socket.send(message).await.unwrap();
    }
    // Wait for the handshake.
    while !matches!(client.phase(), partnero::sync::Phase::Ready { .. }) {
        let bytes = match socket.next().await {
            Some(Ok(WsMessage::Binary(bytes))) => bytes,
            Some(Ok(_)) => continue,
            other => panic!("handshake failed: {other:?}"),
        };
        let effects = client.receive(&bytes, &mut docs).unwrap();
        for message in send(effects) {
            socket.send(message).await.unwrap();
        }
    }
    for document in 0..documents {
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&seed.to_le_bytes());
        bytes[8..16].copy_from_slice(&(document as u64).to_le_bytes());
        let id = DocumentId::from_random_bytes(bytes);
        docs.0.insert(id, AutoCommit::new());
        for edit in 0..edits {
            let doc = docs.0.get_mut(&id).unwrap();
            doc.put(
                ROOT,
                "legal_name",
                format!("Partner {seed}-{document} edit {edit}"),
            )
            .unwrap();
            doc.put(ROOT, "edits", edit as i64).unwrap();
            doc.commit();
            for message in send(client.document_changed(&id, &mut docs)) {
                socket.send(message).await.unwrap();
            }
            loop {
                let doc = docs.0.get_mut(&id).unwrap();
                if client.pending_changes(&id, doc) == 0 && client.is_document_synced(&id, doc) {
                    break;
                }
                let next = tokio::time::timeout(Duration::from_secs(60), socket.next())
                    .await
                    .expect("server answers");
                let bytes = match next {
                    Some(Ok(WsMessage::Binary(bytes))) => bytes,
                    // Keep-alive pings are answered by tungstenite itself.
                    Some(Ok(WsMessage::Ping(_) | WsMessage::Pong(_))) => continue,
                    other => panic!("connection lost: {other:?}"),
                };
                let effects = client.receive(&bytes, &mut docs).unwrap();
                for message in send(effects) {
                    socket.send(message).await.unwrap();
                }
            }
            acknowledged += 1;
        }
    }
    acknowledged
}

struct Outcome {
    edits: usize,
    elapsed: Duration,
    peak_rss_kib: u64,
}

async fn run_workload(
    server: &ServerProcess,
    targets: Vec<(String, String)>,
    documents: usize,
    edits: usize,
) -> Outcome {
    server.reset_peak();
    let started = Instant::now();
    let tasks: Vec<_> = targets
        .into_iter()
        .enumerate()
        .map(|(index, (url, peer))| {
            tokio::spawn(run_client(url, peer, documents, edits, index as u64 + 1))
        })
        .collect();
    let mut total = 0;
    for task in tasks {
        total += task.await.unwrap();
    }
    Outcome {
        edits: total,
        elapsed: started.elapsed(),
        peak_rss_kib: server.peak_rss_kib(),
    }
}

async fn partnero(
    binary: &Path,
    clients: usize,
    documents: usize,
    edits: usize,
) -> anyhow::Result<Outcome> {
    let data = tempfile::tempdir()?;
    let added = Command::new(binary)
        .args([
            "--data-dir",
            &data.path().display().to_string(),
            "user",
            "add",
            "--email",
            "bench@example.com",
        ])
        .env("PARTNERO_NEW_PASSWORD", "benchmark password")
        .env("PARTNERO_LOG", "warn")
        .output()?;
    anyhow::ensure!(added.status.success(), "user add failed");
    let port = free_port();
    let server = ServerProcess(
        Command::new(binary)
            .args([
                "--listen",
                &format!("127.0.0.1:{port}"),
                "--data-dir",
                &data.path().display().to_string(),
            ])
            .env("PARTNERO_LOG", "warn")
            .stdout(Stdio::null())
            // Warnings (closed connections and why) go to a file to read after a run.
            .stderr(std::fs::File::create(
                std::env::temp_dir().join("partnero-server-bench.log"),
            )?)
            .spawn()?,
    );
    wait_for_port(port).await;
    let http = reqwest::Client::new();
    let mut targets = Vec::new();
    for _ in 0..clients {
        let session: serde_json::Value = http
            .post(format!("http://127.0.0.1:{port}/api/sign-in"))
            .json(&serde_json::json!({ "email": "bench@example.com", "password": "benchmark password" }))
            .send()
            .await?
            .json()
            .await?;
        targets.push((
            format!(
                "ws://127.0.0.1:{port}/sync?token={}",
                session["token"].as_str().unwrap()
            ),
            session["peer_id"].as_str().unwrap().to_owned(),
        ));
    }
    Ok(run_workload(&server, targets, documents, edits).await)
}

async fn node(
    interop: &Path,
    clients: usize,
    documents: usize,
    edits: usize,
) -> anyhow::Result<Outcome> {
    let data = tempfile::tempdir()?;
    let port = free_port();
    let server = ServerProcess(
        Command::new("node")
            .arg("server.mjs")
            .current_dir(interop)
            .env("PORT", port.to_string())
            .env("DATA_DIR", data.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?,
    );
    wait_for_port(port).await;
    let targets = (0..clients)
        .map(|index| {
            (
                format!("ws://127.0.0.1:{port}"),
                format!("bench-client-{index}"),
            )
        })
        .collect();
    Ok(run_workload(&server, targets, documents, edits).await)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1).map(|text| text.parse::<usize>());
    let clients = args.next().transpose()?.unwrap_or(200);
    let documents = args.next().transpose()?.unwrap_or(5);
    let edits = args.next().transpose()?.unwrap_or(10);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let binary = root.join("target/server/partnero-sync-server");
    anyhow::ensure!(
        binary.is_file(),
        "build it first: cargo build --profile server -p partnero-sync-server"
    );
    let interop = root.join("tests/interop");
    anyhow::ensure!(
        interop
            .join("node_modules/@automerge/automerge-repo-storage-nodefs")
            .is_dir(),
        "run bash .ci/install-tools --browser first"
    );

    let ours = partnero(&binary, clients, documents, edits).await?;
    let theirs = node(&interop, clients, documents, edits).await?;

    println!("Server benchmark: {clients} clients × {documents} documents × {edits} acknowledged edits each");
    println!();
    println!("| server | edits | time | edits/s | peak server memory |");
    println!("|---|---|---|---|---|");
    for (name, outcome) in [
        ("Partnero (Rust, samod, SQLite)", &ours),
        ("automerge-repo on Node (nodefs)", &theirs),
    ] {
        println!(
            "| {name} | {} | {:.2} s | {:.0} | {:.1} MiB |",
            outcome.edits,
            outcome.elapsed.as_secs_f64(),
            outcome.edits as f64 / outcome.elapsed.as_secs_f64(),
            outcome.peak_rss_kib as f64 / 1024.0
        );
    }
    let rate = |outcome: &Outcome| outcome.edits as f64 / outcome.elapsed.as_secs_f64();
    println!();
    println!(
        "Ratios, Partnero / Node: throughput {:.2}×, peak memory {:.2}×",
        rate(&ours) / rate(&theirs),
        ours.peak_rss_kib as f64 / theirs.peak_rss_kib.max(1) as f64
    );
    Ok(())
}
