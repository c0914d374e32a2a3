//! Benchmark: a device holding N partner documents reconnects after working offline, with K of
//! them changed. Prints a table: time until everything is up to date, messages and bytes each
//! way (the change-feed request counts as one received message), for the first upload and for
//! the reconnect.
//!
//! Run: `cargo run --profile server -p partnero-sync-server --example reconnect_bench -- [N] [K] [full]`
//! (defaults 10000 and 10; `full` syncs every document on the handshake instead of only what
//! the server's change feed lists plus the device's own changes). The real server runs in this process on a loopback port, with its
//! SQLite database in a temporary directory; the client is Partnero's own `SyncClient` over a
//! real WebSocket.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use automerge::{ActorId, AutoCommit};
use futures::{SinkExt, StreamExt};
use partnero::model::{DocumentId, Partner};
use partnero::sync::{Effect, SyncClient, SyncDocuments};
use partnero::validate::tax_id::check_tax_id;
use partnero::validate::{validate_partner, PartnerDraft};
use partnero_sync_server::database::Database;
use partnero_sync_server::server::{self, now_seconds, ServerConfig};
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

/// Traffic of one phase.
#[derive(Default, Debug)]
struct Traffic {
    messages_sent: usize,
    bytes_sent: usize,
    messages_received: usize,
    bytes_received: usize,
    elapsed: Duration,
}

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

async fn send(socket: &mut Socket, effects: Vec<Effect>, traffic: &mut Traffic) {
    for effect in effects {
        if let Effect::Send(bytes) = effect {
            traffic.messages_sent += 1;
            traffic.bytes_sent += bytes.len();
            socket.feed(WsMessage::Binary(bytes.into())).await.unwrap();
        }
    }
    socket.flush().await.unwrap();
}

/// Connects and exchanges messages until every document is in sync and nothing is pending.
async fn sync_session(url: &str, client: &mut SyncClient, docs: &mut Docs) -> (Socket, Traffic) {
    let started = Instant::now();
    let mut traffic = Traffic::default();
    let (mut socket, _) = tokio_tungstenite::connect_async(url).await.unwrap();
    let effects = client.connected();
    send(&mut socket, effects, &mut traffic).await;
    loop {
        let message = tokio::time::timeout(Duration::from_secs(120), socket.next())
            .await
            .expect("server answers")
            .unwrap()
            .unwrap();
        let WsMessage::Binary(bytes) = message else {
            continue;
        };
        traffic.messages_received += 1;
        traffic.bytes_received += bytes.len();
        let effects = client.receive(&bytes, docs).unwrap();
        send(&mut socket, effects, &mut traffic).await;
        // Checking every document after every message would dominate; check when quiet.
        if traffic.messages_received % 256 == 0
            || traffic.messages_received >= traffic.messages_sent
        {
            let progress = client.progress(docs);
            if progress.documents_syncing == 0 && progress.pending_changes == 0 {
                break;
            }
        }
    }
    traffic.elapsed = started.elapsed();
    (socket, traffic)
}

/// A valid Spanish CIF for partner `index`: the control character is found by asking the
/// validator, so the benchmark's partners cannot drift from the registration rules.
fn cif(index: usize) -> String {
    let stem = format!("B{:07}", index % 10_000_000);
    "0123456789ABCDEFGHIJ"
        .chars()
        .find_map(|control| check_tax_id("ES", &format!("{stem}{control}")).ok())
        .expect("some control character makes a valid CIF")
}

fn partner(index: usize) -> Partner {
    let draft = PartnerDraft {
        kind: if index % 2 == 0 { "client" } else { "supplier" }.into(),
        legal_name: format!("Empresa {index} S.L."),
        tax_country: "ES".into(),
        tax_number: cif(index),
        emails: format!("info{index}@example.com"),
        ..PartnerDraft::default()
    };
    Partner::new(validate_partner(&draft).unwrap(), 1_700_000_000_000)
}

fn kib(bytes: usize) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let documents: usize = args
        .next()
        .map(|text| text.parse())
        .transpose()?
        .unwrap_or(10_000);
    let changed: usize = args
        .next()
        .map(|text| text.parse())
        .transpose()?
        .unwrap_or(10);
    // `full`: the handshake syncs every document (what the browser app does today) instead of
    // only what the change feed lists plus this device's own changes.
    let full = args.next().as_deref() == Some("full");

    let data = tempfile::tempdir()?;
    let database = Database::open(data.path())?;
    database
        .add_user(
            "bench@example.com",
            "",
            "benchmark password",
            false,
            now_seconds(),
        )
        .await?;
    drop(database);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?;
    let config = ServerConfig {
        dist: data.path().to_owned(),
        data_dir: data.path().to_owned(),
        max_message_bytes: 8 << 20,
        max_file_bytes: partnero_sync_server::files::DEFAULT_MAX_FILE_BYTES,
        fault_write_delay_ms: 0,
    };
    tokio::spawn(server::run(listener, config, std::future::pending()));
    let session: serde_json::Value = reqwest::Client::new()
        .post(format!("http://{address}/api/sign-in"))
        .json(
            &serde_json::json!({ "email": "bench@example.com", "password": "benchmark password" }),
        )
        .send()
        .await?
        .json()
        .await?;
    let url = format!(
        "ws://{address}/sync?token={}",
        session["token"].as_str().unwrap()
    );
    let mut client = SyncClient::new(session["peer_id"].as_str().unwrap());

    let actor = ActorId::random();
    let mut docs = Docs::default();
    for index in 0..documents {
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&(index as u64).to_le_bytes());
        bytes[8] = 0xbe;
        let mut doc = AutoCommit::new().with_actor(actor.clone());
        autosurgeon::reconcile(&mut doc, partner(index))?;
        doc.commit();
        docs.0.insert(DocumentId::from_random_bytes(bytes), doc);
    }

    // The device and the server already share every document from earlier sessions: write them
    // into the server's database and tell the client what both sides share, as a restart of
    // both would leave them. (Uploading 10,000 documents through samod one by one costs minutes:
    // its hub does work proportional to the open documents on every event.)
    let seeding = Instant::now();
    {
        let mut connection = rusqlite::Connection::open(data.path().join("partnero.sqlite3"))?;
        let transaction = connection.transaction()?;
        for (seq, (id, doc)) in docs.0.iter_mut().enumerate() {
            transaction.execute(
                "INSERT INTO chunks (key, data) VALUES (?1, ?2)",
                rusqlite::params![format!("{id}/snapshot/seeded"), doc.save()],
            )?;
            transaction.execute(
                "INSERT INTO changes (document, seq) VALUES (?1, ?2)",
                rusqlite::params![id.to_string(), seq as i64 + 1],
            )?;
            client.restore_shared_heads(*id, doc.get_heads());
        }
        transaction.commit()?;
    }
    let seeded = seeding.elapsed();
    let http = reqwest::Client::new();
    let token = session["token"].as_str().unwrap().to_owned();
    let feed: serde_json::Value = http
        .get(format!("http://{address}/api/changes?since=0"))
        .bearer_auth(&token)
        .send()
        .await?
        .json()
        .await?;
    let cursor = feed["cursor"].as_i64().unwrap_or(0);

    // Offline: change a few documents.
    for (index, doc) in docs
        .0
        .values_mut()
        .step_by((documents / changed.max(1)).max(1))
        .take(changed)
        .enumerate()
    {
        let mut partner: Partner = autosurgeon::hydrate(doc)?;
        partner.profile.notes = format!("Visited offline, note {index}");
        autosurgeon::reconcile(doc, &partner)?;
        doc.commit();
    }
    // Reconnect: ask the change feed what changed on the server since the last sync, then sync
    // only that and this device's own changes (what the app's pump does).
    let started = Instant::now();
    let response = http
        .get(format!("http://{address}/api/changes?since={cursor}"))
        .bearer_auth(&token)
        .send()
        .await?;
    let feed_bytes = response.content_length().unwrap_or(0) as usize;
    let feed: serde_json::Value = response.json().await?;
    let changed_on_server = feed["documents"].as_array().map(Vec::len).unwrap_or(0);
    let changed_ids = feed["documents"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|id| id.as_str()?.parse().ok())
        .collect();
    if !full {
        client.select(changed_ids);
    }
    let (_socket, mut reconnect) = sync_session(&url, &mut client, &mut docs).await;
    reconnect.elapsed = started.elapsed();
    reconnect.messages_received += 1;
    reconnect.bytes_received += feed_bytes;

    println!("Reconnect benchmark: {documents} partner documents on the device, {changed} changed offline, {changed_on_server} listed by the change feed");
    println!(
        "(seeding the server's database and the device took {:.2} s, not counted)",
        seeded.as_secs_f64()
    );
    println!();
    println!("| phase | time | messages sent | sent | messages received | received |");
    println!("|---|---|---|---|---|---|");
    let name = if full {
        "reconnect, full handshake"
    } else {
        "reconnect, change feed"
    };
    println!(
        "| {name} | {:.2} s | {} | {} | {} | {} |",
        reconnect.elapsed.as_secs_f64(),
        reconnect.messages_sent,
        kib(reconnect.bytes_sent),
        reconnect.messages_received,
        kib(reconnect.bytes_received)
    );
    Ok(())
}
