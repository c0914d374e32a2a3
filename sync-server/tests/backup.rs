//! Backups against the real server on a loopback port and real database files: documents put
//! on the server through real sync and files uploaded over HTTP survive backup (the library
//! function and the binary's `backup` sub-command, taken while the server runs), a wiped data
//! directory and restore, with the same Automerge heads and file hashes served by a fresh server;
//! restore refuses truncated, corrupt and foreign files and a data directory that holds a
//! database (unless `--force`, which moves the old state aside) and changes nothing when it
//! refuses; scheduled snapshots keep exactly N and stop with the server.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use automerge::{ActorId, AutoCommit, ChangeHash};
use futures::{SinkExt, StreamExt};
use partnero::model::{DocumentId, Partner};
use partnero::sync::{Effect, SyncClient, SyncDocuments};
use partnero::validate::{validate_partner, PartnerDraft};
use partnero_sync_server::backup::{self, BackupError, Schedule};
use partnero_sync_server::database::Database;
use partnero_sync_server::files::{file_id, DEFAULT_MAX_FILE_BYTES};
use partnero_sync_server::server::{self, now_seconds, ServerConfig};
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE};
use tokio::net::TcpStream;
use tokio::sync::oneshot;
use tokio_tungstenite::tungstenite::Message as WsMessage;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

const PASSWORD: &str = "correct horse battery";

type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// A server running in this process on a free loopback port, over a data directory the test
/// owns (so it can be backed up, wiped and restored between servers).
struct TestServer {
    base: String,
    stop: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<anyhow::Result<()>>>,
}

impl TestServer {
    async fn start(data: &Path) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let (stop, stopped) = oneshot::channel::<()>();
        let config = ServerConfig {
            dist: data.to_owned(),
            data_dir: data.to_owned(),
            max_message_bytes: 1 << 20,
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            fault_write_delay_ms: 0,
        };
        let task = tokio::spawn(server::run(listener, config, async {
            let _ = stopped.await;
        }));
        wait_for_health(&base).await;
        Self {
            base,
            stop: Some(stop),
            task: Some(task),
        }
    }

    /// Graceful shutdown, as on SIGTERM: every pending write is flushed.
    async fn stop(mut self) {
        self.stop.take().unwrap().send(()).unwrap();
        tokio::time::timeout(Duration::from_secs(10), self.task.take().unwrap())
            .await
            .expect("stops in time")
            .unwrap()
            .unwrap();
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}

async fn wait_for_health(base: &str) {
    for _ in 0..200 {
        if reqwest::get(format!("{base}/health"))
            .await
            .is_ok_and(|response| response.status().is_success())
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("server at {base} never became healthy");
}

/// Creates the database in `data` with these users (managers).
async fn add_users(data: &Path, emails: &[&str]) {
    let database = Database::open(data).unwrap();
    for email in emails {
        database
            .add_user(email, "", PASSWORD, false, now_seconds())
            .await
            .unwrap();
    }
}

/// What `/api/sign-in` returns.
#[derive(Debug, Clone, serde::Deserialize)]
struct SignedIn {
    token: String,
    peer_id: String,
    workspace_id: String,
}

async fn sign_in(base: &str, email: &str) -> SignedIn {
    let response = reqwest::Client::new()
        .post(format!("{base}/api/sign-in"))
        .json(&serde_json::json!({ "email": email, "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200, "sign-in of {email}");
    response.json().await.unwrap()
}

/// The documents one test device holds.
#[derive(Default)]
struct Docs {
    docs: BTreeMap<DocumentId, AutoCommit>,
    actor: Option<ActorId>,
}

impl SyncDocuments for Docs {
    fn document_ids(&self) -> Vec<DocumentId> {
        self.docs.keys().copied().collect()
    }
    fn document_mut(&mut self, id: &DocumentId) -> Option<&mut AutoCommit> {
        self.docs.get_mut(id)
    }
    fn create_empty(&mut self, id: &DocumentId) -> &mut AutoCommit {
        let actor = self.actor.clone().unwrap_or_else(ActorId::random);
        self.docs
            .entry(*id)
            .or_insert_with(|| AutoCommit::new().with_actor(actor))
    }
}

/// One device: Partnero's own sans-IO sync client over a real WebSocket (as in `sync.rs`).
struct Device {
    session: SignedIn,
    ws_url: String,
    client: SyncClient,
    docs: Docs,
    socket: Option<Socket>,
}

impl Device {
    async fn connect(base: &str, session: SignedIn) -> Self {
        let docs = Docs {
            docs: BTreeMap::new(),
            actor: Some(ActorId::random()),
        };
        Self::connect_with(base, session, docs, |_| {}).await
    }

    /// A device holding `docs`, its new client prepared by `prepare` before the handshake (as
    /// a reloaded app restores what it shared and selects what to exchange).
    async fn connect_with(
        base: &str,
        session: SignedIn,
        docs: Docs,
        prepare: impl FnOnce(&mut SyncClient),
    ) -> Self {
        let mut client = SyncClient::new(session.peer_id.clone());
        prepare(&mut client);
        let mut device = Self {
            ws_url: base.replace("http://", "ws://"),
            client,
            session,
            docs,
            socket: None,
        };
        let url = format!("{}/sync?token={}", device.ws_url, device.session.token);
        let (socket, _) = tokio_tungstenite::connect_async(url)
            .await
            .expect("websocket connects");
        device.socket = Some(socket);
        let effects = device.client.connected();
        device.apply(effects).await;
        device
    }

    fn workspace_id(&self) -> DocumentId {
        self.session.workspace_id.parse().unwrap()
    }

    async fn apply(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::Send(bytes) => {
                    let socket = self.socket.as_mut().expect("connected");
                    socket
                        .send(WsMessage::Binary(bytes.into()))
                        .await
                        .expect("send");
                }
                Effect::ServerError(message) => panic!("server error: {message}"),
                Effect::DocumentChanged(_) | Effect::DocumentUnavailable(_) => {}
            }
        }
    }

    async fn changed(&mut self, id: DocumentId) {
        let effects = self.client.document_changed(&id, &mut self.docs);
        self.apply(effects).await;
    }

    /// Fetch a document this device does not have yet.
    async fn request(&mut self, id: DocumentId) {
        self.docs.create_empty(&id);
        self.changed(id).await;
    }

    /// Exchanges messages until every document is in sync and nothing more arrives for a
    /// moment. The server acknowledges a change only once it is committed, so "in sync" also
    /// means "in the database".
    async fn sync(&mut self) {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
        loop {
            let synced = self.client.progress(&mut self.docs).documents_syncing == 0;
            let wait = if synced {
                Duration::from_millis(150)
            } else {
                deadline.saturating_duration_since(tokio::time::Instant::now())
            };
            let socket = self.socket.as_mut().expect("connected");
            match tokio::time::timeout(wait, socket.next()).await {
                Err(_) if synced => return,
                Err(_) => panic!(
                    "did not get in sync in time: {:?}",
                    self.client.progress(&mut self.docs)
                ),
                Ok(Some(Ok(WsMessage::Binary(bytes)))) => {
                    let effects = self
                        .client
                        .receive(&bytes, &mut self.docs)
                        .expect("valid message from the server");
                    self.apply(effects).await;
                }
                Ok(Some(Ok(WsMessage::Close(frame)))) => {
                    panic!("server closed the connection: {frame:?}")
                }
                Ok(Some(Ok(_))) => {}
                Ok(Some(Err(error))) => panic!("socket error: {error}"),
                Ok(None) => panic!("socket ended"),
            }
        }
    }

    /// A document's heads, sorted so two devices' lists compare equal.
    fn heads(&mut self, id: &DocumentId) -> Vec<ChangeHash> {
        let mut heads = self.docs.docs.get_mut(id).expect("held").get_heads();
        heads.sort();
        heads
    }
}

fn new_partner(name: &str) -> Partner {
    let draft = PartnerDraft {
        kind: "supplier".into(),
        legal_name: name.into(),
        ..PartnerDraft::default()
    };
    Partner::new(validate_partner(&draft).unwrap(), 1)
}

fn random_document_id(seed: u8) -> DocumentId {
    let mut bytes = [seed; 16];
    getrandom::fill(&mut bytes[..8]).unwrap();
    DocumentId::from_random_bytes(bytes)
}

/// Some bytes with a media type's magic (the server does not inspect them).
fn file_bytes(magic: &[u8], seed: u8, len: usize) -> Vec<u8> {
    let mut bytes = magic.to_vec();
    bytes.extend((0..len).map(|index| (index as u8).wrapping_mul(31).wrapping_add(seed)));
    bytes
}

async fn upload(base: &str, token: &str, media_type: &str, bytes: Vec<u8>) -> String {
    let id = file_id(&bytes);
    let response = reqwest::Client::new()
        .put(format!("{base}/api/files/{id}"))
        .header(AUTHORIZATION, format!("Bearer {token}"))
        .header(CONTENT_TYPE, media_type)
        .body(bytes)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 201, "upload of {id}");
    id
}

/// What the round trip put on the server, to find again after the restore.
struct Expected {
    session: SignedIn,
    heads: BTreeMap<DocumentId, Vec<ChangeHash>>,
    files: Vec<String>,
}

/// Starts a fresh server on a restored data directory and checks, through a real client, that
/// it serves every document with the same heads and every file with the same SHA-256.
async fn check_restored(data: &Path, expected: &Expected) {
    let server = TestServer::start(data).await;
    // Sessions are part of the state: the token from before the backup still works.
    let response = reqwest::Client::new()
        .get(format!("{}/api/session", server.base))
        .header(AUTHORIZATION, format!("Bearer {}", expected.session.token))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200, "the old session is valid");
    // And so are accounts: the same password signs in.
    let session = sign_in(&server.base, "ana@example.com").await;
    assert_eq!(session.workspace_id, expected.session.workspace_id);
    let mut device = Device::connect(&server.base, session).await;
    for id in expected.heads.keys() {
        device.request(*id).await;
    }
    device.sync().await;
    for (id, heads) in &expected.heads {
        assert!(!heads.is_empty());
        assert_eq!(&device.heads(id), heads, "document {id} after the restore");
    }
    for id in &expected.files {
        let response = reqwest::Client::new()
            .get(format!("{}/api/files/{id}", server.base))
            .header(AUTHORIZATION, format!("Bearer {}", device.session.token))
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status().as_u16(),
            200,
            "file {id} after the restore"
        );
        assert_eq!(&file_id(&response.bytes().await.unwrap()), id);
    }
    server.stop().await;
}

fn run_binary(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_partnero-sync-server"))
        .args(args)
        .env("PARTNERO_LOG", "warn")
        .output()
        .expect("run the server binary")
}

fn text(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The names in a directory, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The emails of a database's users, read straight from the file.
fn emails_in(database: &Path) -> Vec<String> {
    let connection = rusqlite::Connection::open(database).unwrap();
    let mut statement = connection
        .prepare("SELECT email FROM users ORDER BY email")
        .unwrap();
    let emails = statement
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<rusqlite::Result<Vec<String>>>()
        .unwrap();
    emails
}

fn sha256_of(path: &Path) -> String {
    file_id(&std::fs::read(path).unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_serving_restores_the_same_documents_and_files_on_a_fresh_server() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    add_users(&data, &["ana@example.com", "ben@example.com"]).await;
    let server = TestServer::start(&data).await;
    let session = sign_in(&server.base, "ana@example.com").await;
    let mut ana = Device::connect(&server.base, session.clone()).await;

    // The team's workspace (created by the server) and three partners Ana registers, one of
    // them edited twice so it has more than one change.
    let workspace = ana.workspace_id();
    ana.request(workspace).await;
    let mut ids = vec![workspace];
    for (seed, name) in [
        (1, "Aceites del Sur S.A."),
        (2, "Harinas Castilla S.L."),
        (3, "Transportes Ebro"),
    ] {
        let id = random_document_id(seed);
        let doc = ana.docs.create_empty(&id);
        autosurgeon::reconcile(doc, new_partner(name)).unwrap();
        doc.commit();
        ana.changed(id).await;
        ids.push(id);
    }
    ana.sync().await;
    let edited = ids[1];
    let doc = ana.docs.docs.get_mut(&edited).unwrap();
    let mut partner: Partner = autosurgeon::hydrate(doc).unwrap();
    partner.profile.notes = "Delivers on Tuesdays".into();
    autosurgeon::reconcile(doc, &partner).unwrap();
    doc.commit();
    ana.changed(edited).await;
    ana.sync().await;
    let heads: BTreeMap<DocumentId, Vec<ChangeHash>> =
        ids.iter().map(|id| (*id, ana.heads(id))).collect();

    let files = vec![
        upload(
            &server.base,
            &session.token,
            "image/png",
            file_bytes(b"\x89PNG\r\n\x1a\n", 1, 200_000),
        )
        .await,
        upload(
            &server.base,
            &session.token,
            "application/pdf",
            file_bytes(b"%PDF-1.7\n", 2, 30_000),
        )
        .await,
    ];
    let expected = Expected {
        session,
        heads,
        files,
    };

    // Both backups while the server is running: the library function the sub-command and the
    // schedule call, and the binary's `backup` sub-command in its own process.
    let by_library = root.path().join("by-library.tar");
    let summary = {
        let (data, to) = (data.clone(), by_library.clone());
        tokio::task::spawn_blocking(move || backup::create_backup(&data, &to))
            .await
            .unwrap()
            .expect("backup")
    };
    assert_eq!(summary.contents.users, 2);
    assert_eq!(summary.contents.files, 2);
    assert!(
        summary.contents.documents >= ids.len() as u64,
        "{:?}",
        summary.contents
    );
    assert_eq!(summary.bytes, std::fs::metadata(&by_library).unwrap().len());
    let by_binary = root.path().join("by-binary.tar");
    let output = run_binary(&[
        "--data-dir",
        text(&data),
        "backup",
        "--to",
        text(&by_binary),
    ]);
    assert!(
        output.status.success(),
        "backup: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("2 files"));
    // A backup is never written over another file.
    let again = backup::create_backup(&data, &by_library).unwrap_err();
    assert!(matches!(again, BackupError::TargetExists(_)), "{again}");
    server.stop().await;

    // Disaster: the data directory is gone. Restore the library's backup with the library.
    std::fs::remove_dir_all(&data).unwrap();
    let restored = backup::restore(&by_library, &data, false).expect("restore");
    assert_eq!(restored.contents, summary.contents);
    assert!(restored.moved_aside.is_none());
    assert_eq!(
        listing(&data),
        ["partnero.sqlite3"],
        "no staging left behind"
    );
    check_restored(&data, &expected).await;

    // The binary's backup, restored by the binary onto another fresh directory.
    let second = root.path().join("second");
    let output = run_binary(&[
        "--data-dir",
        text(&second),
        "restore",
        "--from",
        text(&by_binary),
    ]);
    assert!(
        output.status.success(),
        "restore: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    check_restored(&second, &expected).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn restore_refuses_a_truncated_corrupt_or_foreign_file_and_changes_nothing() {
    let root = tempfile::tempdir().unwrap();
    let source = root.path().join("source");
    add_users(&source, &["ana@example.com"]).await;
    let good = root.path().join("good.tar");
    backup::create_backup(&source, &good).unwrap();
    let bytes = std::fs::read(&good).unwrap();

    // A data directory in use, which a forced restore of a bad file must leave as it is.
    let live = root.path().join("live");
    add_users(&live, &["ben@example.com"]).await;
    let live_listing = listing(&live);
    let live_hash = sha256_of(&live.join("partnero.sqlite3"));

    let mut flipped = bytes.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x55;
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "half.tar",
            bytes[..bytes.len() / 2].to_vec(),
            "is truncated",
        ),
        // Cut inside the second entry's header.
        (
            "cut-in-a-header.tar",
            bytes[..1100].to_vec(),
            "is truncated",
        ),
        ("empty.tar", Vec::new(), "is truncated: the file is empty"),
        (
            "flipped.tar",
            flipped,
            "is corrupt: the SHA-256 of partnero.sqlite3",
        ),
        (
            "notes.tar",
            b"these are not the droids you are looking for\n".repeat(40),
            "is not a Partnero backup",
        ),
    ];
    for (name, content, problem) in cases {
        let file = root.path().join(name);
        std::fs::write(&file, content).unwrap();

        let fresh = root.path().join(format!("fresh-{name}"));
        let error = backup::restore(&file, &fresh, false).unwrap_err();
        let message = error.to_string();
        assert!(message.contains(problem), "{name}: {message}");
        assert!(message.contains(name), "names the file: {message}");
        assert!(
            matches!(
                error,
                BackupError::Truncated { .. }
                    | BackupError::Corrupt { .. }
                    | BackupError::NotABackup { .. }
            ),
            "{error:?}"
        );
        assert!(!fresh.exists(), "{name}: nothing created");

        let error = backup::restore(&file, &live, true).unwrap_err();
        assert!(error.to_string().contains(problem), "{name}: {error}");
        assert_eq!(listing(&live), live_listing, "{name}: nothing moved");
        assert_eq!(sha256_of(&live.join("partnero.sqlite3")), live_hash);
    }

    // The binary says the same, and fails.
    let output = run_binary(&[
        "--data-dir",
        text(&root.path().join("fresh-binary")),
        "restore",
        "--from",
        text(&root.path().join("half.tar")),
    ]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("is truncated"), "{stderr}");
    assert_eq!(
        emails_in(&live.join("partnero.sqlite3")),
        ["ben@example.com"]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn restore_into_a_data_directory_with_a_database_needs_force_and_moves_the_old_state_aside() {
    let root = tempfile::tempdir().unwrap();
    let source = root.path().join("source");
    add_users(&source, &["ben@example.com"]).await;
    let backup_file = root.path().join("ben.tar");
    backup::create_backup(&source, &backup_file).unwrap();

    let live = root.path().join("live");
    add_users(&live, &["ana@example.com"]).await;
    std::fs::write(live.join("initial-admin-password.txt"), "secret\n").unwrap();
    let live_listing = listing(&live);
    let live_hash = sha256_of(&live.join("partnero.sqlite3"));

    let error = backup::restore(&backup_file, &live, false).unwrap_err();
    assert!(
        matches!(error, BackupError::DataDirHasDatabase { .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("--force"), "{error}");
    assert_eq!(listing(&live), live_listing);
    assert_eq!(sha256_of(&live.join("partnero.sqlite3")), live_hash);
    let output = run_binary(&[
        "--data-dir",
        text(&live),
        "restore",
        "--from",
        text(&backup_file),
    ]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("--force"));
    assert_eq!(listing(&live), live_listing);

    let restored = backup::restore(&backup_file, &live, true).expect("forced restore");
    let aside: PathBuf = restored.moved_aside.expect("the old state moved aside");
    assert_eq!(aside.parent(), Some(live.as_path()));
    assert!(aside
        .file_name()
        .unwrap()
        .to_string_lossy()
        .starts_with("before-restore-"));
    assert!(listing(&aside).contains(&"initial-admin-password.txt".to_owned()));
    assert_eq!(
        emails_in(&aside.join("partnero.sqlite3")),
        ["ana@example.com"]
    );
    assert_eq!(
        emails_in(&live.join("partnero.sqlite3")),
        ["ben@example.com"]
    );
    assert!(!live.join("initial-admin-password.txt").exists());
}

#[test]
fn retention_keeps_exactly_the_newest_snapshots_and_never_touches_other_files() {
    let snapshots = [
        "partnero-backup-20251101T000000.000Z.tar",
        "partnero-backup-20251103T000000.000Z.tar",
        "partnero-backup-20251102T000000.000Z.tar",
        "partnero-backup-20251104T120000.500Z.tar",
        "partnero-backup-20251104T120000.499Z.tar",
    ];
    let foreign = [
        "notes.txt",
        "partnero-backup-latest.tar",
        "partnero-backup-20200101T000000.000Z.tar.gz",
        "partnero-backup-20200101T000000.000Z.tar.bak",
        "my-partnero-backup-20200101T000000.000Z.tar",
        ".partnero-backup-20200101T000000.000Z.tar.1-2.partial",
        "partnero-backup-2020010T000000.000Z.tar",
    ];
    let names: Vec<String> = snapshots
        .iter()
        .chain(&foreign)
        .map(|name| name.to_string())
        .collect();
    assert_eq!(
        backup::snapshots_to_delete(&names, 3),
        [
            "partnero-backup-20251101T000000.000Z.tar",
            "partnero-backup-20251102T000000.000Z.tar"
        ]
    );
    assert_eq!(
        backup::snapshots_to_delete(&names, 1),
        [
            "partnero-backup-20251101T000000.000Z.tar",
            "partnero-backup-20251102T000000.000Z.tar",
            "partnero-backup-20251103T000000.000Z.tar",
            "partnero-backup-20251104T120000.499Z.tar",
        ]
    );
    assert!(backup::snapshots_to_delete(&names, 5).is_empty());
    assert!(backup::snapshots_to_delete(&names, 50).is_empty());

    // The same on a real directory.
    let dir = tempfile::tempdir().unwrap();
    for name in &names {
        std::fs::write(dir.path().join(name), name).unwrap();
    }
    let deleted = backup::prune(dir.path(), 2).unwrap();
    assert_eq!(deleted.len(), 3);
    let mut remaining: Vec<String> = foreign.iter().map(|name| name.to_string()).collect();
    remaining.push("partnero-backup-20251104T120000.499Z.tar".into());
    remaining.push("partnero-backup-20251104T120000.500Z.tar".into());
    remaining.sort();
    assert_eq!(listing(dir.path()), remaining);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn scheduled_snapshots_run_while_serving_keep_n_and_stop_with_the_shutdown() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    add_users(&data, &["ana@example.com", "ben@example.com"]).await;
    let server = TestServer::start(&data).await;
    let snapshots = root.path().join("snapshots");
    std::fs::create_dir(&snapshots).unwrap();
    std::fs::write(snapshots.join("keep-me.txt"), "not ours").unwrap();

    let (stop, stopped) = oneshot::channel::<()>();
    let schedule = Schedule {
        every: Duration::from_millis(200),
        keep: 2,
        dir: snapshots.clone(),
    };
    let task = tokio::spawn(backup::run_schedule(data.clone(), schedule, async {
        let _ = stopped.await;
    }));
    // Wait for more snapshots than are kept, so retention has deleted some.
    let mut taken = std::collections::BTreeSet::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    while taken.len() < 4 {
        assert!(
            tokio::time::Instant::now() < deadline,
            "snapshots: {taken:?}"
        );
        for name in listing(&snapshots) {
            if backup::is_snapshot_name(&name) {
                taken.insert(name);
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(10), task)
        .await
        .expect("the schedule stops with the shutdown")
        .unwrap();
    server.stop().await;
    // Snapshots written after the last look count too: the kept ones must be the newest of all.
    for name in listing(&snapshots) {
        if backup::is_snapshot_name(&name) {
            taken.insert(name);
        }
    }

    let names = listing(&snapshots);
    let kept: Vec<&String> = names
        .iter()
        .filter(|name| backup::is_snapshot_name(name))
        .collect();
    assert_eq!(kept.len(), 2, "{names:?}");
    assert!(names.contains(&"keep-me.txt".to_owned()));
    assert_eq!(names.len(), 3, "no temporary files left: {names:?}");
    // The newest are the ones kept, and each one restores.
    let newest: Vec<&String> = taken.iter().rev().take(2).collect();
    assert!(kept.iter().all(|name| newest.contains(name)), "{kept:?}");
    for (index, name) in kept.iter().enumerate() {
        let target = root.path().join(format!("restored-{index}"));
        let restored = backup::restore(&snapshots.join(name), &target, false).unwrap();
        assert_eq!(restored.contents.users, 2);
    }
}

/// The change feed's answer: position, changed documents and the server's sync epoch.
async fn feed(base: &str, token: &str, since: i64) -> (i64, Vec<String>, String) {
    let body: serde_json::Value = reqwest::Client::new()
        .get(format!("{base}/api/changes?since={since}"))
        .header(AUTHORIZATION, format!("Bearer {token}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let documents = (body["documents"].as_array().unwrap().iter())
        .map(|id| id.as_str().unwrap().to_owned())
        .collect();
    (
        body["cursor"].as_i64().unwrap(),
        documents,
        body["epoch"].as_str().unwrap().to_owned(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_device_sends_again_what_a_server_restored_from_an_older_backup_lost() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    add_users(&data, &["ana@example.com"]).await;
    let server = TestServer::start(&data).await;
    let session = sign_in(&server.base, "ana@example.com").await;
    let mut ana = Device::connect(&server.base, session.clone()).await;
    let workspace = ana.workspace_id();
    ana.request(workspace).await;
    let kept = random_document_id(21);
    let doc = ana.docs.create_empty(&kept);
    autosurgeon::reconcile(doc, new_partner("Aceites del Sur S.A.")).unwrap();
    doc.commit();
    ana.changed(kept).await;
    ana.sync().await;
    let (_, _, first_epoch) = feed(&server.base, &session.token, 0).await;
    assert_eq!(first_epoch.len(), 32, "a random epoch: {first_epoch:?}");

    let archive = root.path().join("nightly.tar");
    {
        let (data, to) = (data.clone(), archive.clone());
        tokio::task::spawn_blocking(move || backup::create_backup(&data, &to))
            .await
            .unwrap()
            .expect("backup");
    }

    // After the backup, Ana edits the partner and registers another; the server has both.
    let doc = ana.docs.docs.get_mut(&kept).unwrap();
    let mut partner: Partner = autosurgeon::hydrate(doc).unwrap();
    partner.profile.notes = "Delivers on Tuesdays".into();
    autosurgeon::reconcile(doc, &partner).unwrap();
    doc.commit();
    ana.changed(kept).await;
    let later = random_document_id(22);
    let doc = ana.docs.create_empty(&later);
    autosurgeon::reconcile(doc, new_partner("Harinas Castilla S.L.")).unwrap();
    doc.commit();
    ana.changed(later).await;
    ana.sync().await;
    let (cursor, _, _) = feed(&server.base, &session.token, 0).await;
    let saved = partnero::sync::session::FeedPosition {
        cursor,
        epoch: first_epoch.clone(),
    };
    let shared: Vec<(DocumentId, Vec<ChangeHash>)> = [workspace, kept, later]
        .into_iter()
        .map(|id| (id, ana.client.shared_heads(&id)))
        .collect();
    let wanted: BTreeMap<DocumentId, Vec<ChangeHash>> = [workspace, kept, later]
        .into_iter()
        .map(|id| (id, ana.heads(&id)))
        .collect();
    server.stop().await;

    // The server's disk is lost; last night's backup is restored onto a new one.
    std::fs::remove_dir_all(&data).unwrap();
    backup::restore(&archive, &data, false).expect("restore");
    let server = TestServer::start(&data).await;
    let session = sign_in(&server.base, "ana@example.com").await;
    let (_, listed, epoch) = feed(&server.base, &session.token, saved.cursor).await;
    assert_ne!(epoch, first_epoch, "a restored database starts a new epoch");
    assert!(
        listed.is_empty(),
        "the old position lists nothing the device would fetch: {listed:?}"
    );
    assert!(saved.server_was_restored(&epoch));

    // Ana's device reloads: a new client that remembers what it shared with the old server.
    // Seeing the new epoch, it exchanges every document instead of what the feed lists.
    let docs = std::mem::take(&mut ana.docs);
    let mut ana = Device::connect_with(&server.base, session.clone(), docs, |client| {
        for (id, heads) in shared {
            client.restore_shared_heads(id, heads);
        }
        client.select([workspace, kept, later].into_iter().collect());
    })
    .await;
    ana.sync().await;

    // A second device signs in to the restored server and finds everything Ana had.
    let ben_session = sign_in(&server.base, "ana@example.com").await;
    let mut other = Device::connect(&server.base, ben_session).await;
    for id in [workspace, kept, later] {
        other.request(id).await;
    }
    other.sync().await;
    for (id, heads) in wanted {
        assert_eq!(other.heads(&id), heads, "{id} after the restore");
    }
    let doc = other.docs.docs.get_mut(&kept).unwrap();
    let partner: Partner = autosurgeon::hydrate(doc).unwrap();
    assert_eq!(partner.profile.notes, "Delivers on Tuesdays");
    server.stop().await;
}
