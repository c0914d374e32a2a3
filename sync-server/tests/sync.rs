//! Sync through the real server on a loopback port, with Partnero's own sans-IO client
//! (`partnero::sync::SyncClient`) driven over real WebSockets: devices that edit offline and
//! converge, a randomized run with disconnects, bad input of every kind, and durability across
//! a `kill -9` of the server process.

use std::collections::BTreeMap;
use std::time::Duration;

use automerge::transaction::Transactable;
use automerge::{ActorId, AutoCommit, ReadDoc, ROOT};
use futures::{SinkExt, StreamExt};
use partnero::model::{DocumentId, Partner, PartnerEntry, ServerError, Workspace};
use partnero::sync::{Effect, SyncClient, SyncDocuments};
use partnero::validate::{validate_partner, PartnerDraft};
use partnero_sync_server::database::Database;
use partnero_sync_server::server::{self, now_seconds, ServerConfig};
use tokio::net::TcpStream;
use tokio::sync::oneshot;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::Message as WsMessage;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

const PASSWORD: &str = "correct horse battery";

type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// A server running in this process on a free loopback port.
struct TestServer {
    base: String,
    stop: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<anyhow::Result<()>>>,
    _data: tempfile::TempDir,
    _dist: tempfile::TempDir,
}

impl TestServer {
    /// Starts a server with users `ana@example.com` and `ben@example.com`.
    async fn start(max_message_bytes: usize) -> Self {
        let data = tempfile::tempdir().unwrap();
        let dist = tempfile::tempdir().unwrap();
        let database = Database::open(data.path()).unwrap();
        for email in ["ana@example.com", "ben@example.com"] {
            database
                .add_user(email, "", PASSWORD, false, now_seconds())
                .await
                .unwrap();
        }
        drop(database);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let (stop, stopped) = oneshot::channel::<()>();
        let config = ServerConfig {
            dist: dist.path().to_owned(),
            data_dir: data.path().to_owned(),
            max_message_bytes,
            max_file_bytes: partnero_sync_server::files::DEFAULT_MAX_FILE_BYTES,
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
            _data: data,
            _dist: dist,
        }
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

/// What `/api/sign-in` returns.
#[derive(Debug, Clone, serde::Deserialize)]
struct SignedIn {
    token: String,
    peer_id: String,
    workspace_id: String,
}

async fn sign_in(base: &str, email: &str, password: &str) -> Result<SignedIn, (u16, String)> {
    let response = reqwest::Client::new()
        .post(format!("{base}/api/sign-in"))
        .json(&serde_json::json!({ "email": email, "password": password }))
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    if status == 200 {
        Ok(response.json().await.unwrap())
    } else {
        Err((status, response.text().await.unwrap()))
    }
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

/// One device: our sync client, its documents and (when online) its socket.
struct Device {
    session: SignedIn,
    ws_url: String,
    client: SyncClient,
    docs: Docs,
    socket: Option<Socket>,
}

impl Device {
    async fn sign_in(server: &TestServer, email: &str) -> Self {
        let session = sign_in(&server.base, email, PASSWORD)
            .await
            .expect("sign in");
        Self::with_session(&server.base, session)
    }

    fn with_session(base: &str, session: SignedIn) -> Self {
        let client = SyncClient::new(session.peer_id.clone());
        let docs = Docs {
            docs: BTreeMap::new(),
            actor: Some(ActorId::random()),
        };
        Self {
            ws_url: base.replace("http://", "ws://"),
            session,
            client,
            docs,
            socket: None,
        }
    }

    fn workspace_id(&self) -> DocumentId {
        self.session.workspace_id.parse().unwrap()
    }

    async fn connect(&mut self) {
        let url = format!("{}/sync?token={}", self.ws_url, self.session.token);
        let (socket, _) = tokio_tungstenite::connect_async(url)
            .await
            .expect("websocket connects");
        self.socket = Some(socket);
        let effects = self.client.connected();
        self.apply(effects).await;
    }

    fn disconnect(&mut self) {
        self.socket = None;
        self.client.disconnected();
    }

    async fn apply(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::Send(bytes) => {
                    if let Some(socket) = self.socket.as_mut() {
                        socket
                            .send(WsMessage::Binary(bytes.into()))
                            .await
                            .expect("send");
                    }
                }
                Effect::ServerError(message) => panic!("server error: {message}"),
                Effect::DocumentChanged(_) | Effect::DocumentUnavailable(_) => {}
            }
        }
    }

    /// Tell the client a document changed locally (or should be fetched).
    async fn changed(&mut self, id: DocumentId) {
        let effects = self.client.document_changed(&id, &mut self.docs);
        self.apply(effects).await;
    }

    /// Fetch a document this device does not have yet.
    async fn request(&mut self, id: DocumentId) {
        self.docs.create_empty(&id);
        self.changed(id).await;
    }

    /// Exchanges messages until every document is in sync with the server and nothing more
    /// arrives for a moment (the network is simulated by real sockets, so "quiet" is the end).
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
                    "{} did not get in sync in time: {:?}",
                    self.session.peer_id,
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

    fn partner(&self, id: &DocumentId) -> Partner {
        autosurgeon::hydrate(&self.docs.docs[id]).expect("a partner document")
    }

    async fn edit_partner(&mut self, id: DocumentId, edit: impl FnOnce(&mut Partner)) {
        let doc = self.docs.docs.get_mut(&id).unwrap();
        let mut partner: Partner = autosurgeon::hydrate(doc).unwrap();
        edit(&mut partner);
        autosurgeon::reconcile(doc, &partner).unwrap();
        doc.commit();
        self.changed(id).await;
    }
}

impl Device {
    /// Lists `id` in the team's workspace index as a partner, as the app does when it
    /// registers one, so every manager may read and write it.
    async fn list_as_partner(&mut self, id: DocumentId) {
        let workspace = self.workspace_id();
        self.request(workspace).await;
        self.sync().await;
        let doc = self.docs.docs.get_mut(&workspace).unwrap();
        let partners = doc.get(ROOT, "partners").unwrap().unwrap().1;
        let entry = doc
            .put_object(&partners, id.to_string(), automerge::ObjType::Map)
            .unwrap();
        doc.put(&entry, "added_at_ms", 1_i64).unwrap();
        doc.commit();
        self.changed(workspace).await;
        self.sync().await;
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_devices_edit_offline_and_converge_without_losing_an_edit() {
    let server = TestServer::start(1 << 20).await;
    let mut ana = Device::sign_in(&server, "ana@example.com").await;
    let mut ben = Device::sign_in(&server, "ben@example.com").await;
    let workspace = ana.workspace_id();
    assert_eq!(workspace, ben.workspace_id(), "one team, one workspace");

    // Ana registers a supplier while offline, then comes online and publishes it.
    let partner_id = random_document_id(1);
    let doc = ana.docs.create_empty(&partner_id);
    autosurgeon::reconcile(doc, new_partner("Aceites del Sur S.A.")).unwrap();
    doc.commit();
    ana.connect().await;
    ana.request(workspace).await;
    ana.changed(partner_id).await;
    ana.sync().await;
    let mut index: Workspace =
        autosurgeon::hydrate(&ana.docs.docs[&workspace]).expect("the server's workspace document");
    index
        .partners
        .insert(partner_id.to_string(), PartnerEntry { added_at_ms: 1 });
    autosurgeon::reconcile(ana.docs.docs.get_mut(&workspace).unwrap(), &index).unwrap();
    ana.docs.docs.get_mut(&workspace).unwrap().commit();
    ana.changed(workspace).await;
    ana.sync().await;
    assert_eq!(
        ana.client.progress(&mut ana.docs).pending_changes,
        0,
        "everything is on the server"
    );

    // Ben finds it through the workspace index.
    ben.connect().await;
    ben.request(workspace).await;
    ben.sync().await;
    let index: Workspace = autosurgeon::hydrate(&ben.docs.docs[&workspace]).unwrap();
    let listed: DocumentId = index
        .partners
        .keys()
        .next()
        .expect("the partner is listed")
        .parse()
        .unwrap();
    ben.request(listed).await;
    ben.sync().await;
    assert_eq!(ben.partner(&partner_id), ana.partner(&partner_id));

    // Both go offline and edit: different fields, and each adds a contact.
    ana.disconnect();
    ben.disconnect();
    ana.edit_partner(partner_id, |partner| {
        partner.profile.legal_name = "Aceites del Sur S.L.".into()
    })
    .await;
    ben.edit_partner(partner_id, |partner| {
        partner.profile.notes = "Delivers on Tuesdays".into()
    })
    .await;
    assert!(
        ana.client.progress(&mut ana.docs).pending_changes > 0,
        "ana has unsent changes"
    );

    // Back online, in either order, until both are quiet.
    ben.connect().await;
    ben.sync().await;
    ana.connect().await;
    ana.sync().await;
    ben.sync().await;
    let on_ana = ana.partner(&partner_id);
    assert_eq!(on_ana, ben.partner(&partner_id), "converged");
    assert_eq!(on_ana.profile.legal_name, "Aceites del Sur S.L.");
    assert_eq!(on_ana.profile.notes, "Delivers on Tuesdays");
    assert_eq!(
        ana.docs.docs.get_mut(&partner_id).unwrap().get_heads(),
        ben.docs.docs.get_mut(&partner_id).unwrap().get_heads()
    );
    assert_eq!(ana.client.progress(&mut ana.docs).pending_changes, 0);
    assert_eq!(ben.client.progress(&mut ben.docs).pending_changes, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_document_nobody_has_is_reported_unavailable() {
    let server = TestServer::start(1 << 20).await;
    let mut ana = Device::sign_in(&server, "ana@example.com").await;
    ana.connect().await;
    let missing = random_document_id(9);
    ana.request(missing).await;
    let socket = ana.socket.as_mut().unwrap();
    let reply = tokio::time::timeout(Duration::from_secs(10), socket.next())
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    let mut effects = ana
        .client
        .receive(&reply.into_data(), &mut ana.docs)
        .unwrap();
    // The first reply is the handshake, which releases the request; read until the answer.
    while !effects.contains(&Effect::DocumentUnavailable(missing)) {
        ana.apply(effects).await;
        let socket = ana.socket.as_mut().unwrap();
        let next = tokio::time::timeout(Duration::from_secs(10), socket.next())
            .await
            .expect("an answer")
            .unwrap()
            .unwrap();
        effects = ana
            .client
            .receive(&next.into_data(), &mut ana.docs)
            .unwrap();
    }
}

/// A simple deterministic generator, so a failing randomized run can be replayed by its seed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn randomized_edits_and_disconnects_converge_and_keep_every_edit() {
    let seed = std::env::var("PARTNERO_SYNC_SEED")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(20261127);
    let mut random = Lcg(seed);
    let server = TestServer::start(1 << 20).await;
    let shared = random_document_id(7);
    let mut devices = Vec::new();
    for index in 0..3 {
        let email = if index % 2 == 0 {
            "ana@example.com"
        } else {
            "ben@example.com"
        };
        devices.push(Device::sign_in(&server, email).await);
    }
    // The first device creates the shared document; the others fetch it.
    {
        let doc = devices[0].docs.create_empty(&shared);
        doc.put_object(ROOT, "edits", automerge::ObjType::Map)
            .unwrap();
        doc.commit();
        devices[0].connect().await;
        devices[0].changed(shared).await;
        devices[0].sync().await;
        // Listed in the team's index, so the other user may write it too (a document not
        // listed anywhere is its creator's alone).
        devices[0].list_as_partner(shared).await;
    }
    for device in devices.iter_mut().skip(1) {
        device.connect().await;
        device.request(shared).await;
        device.sync().await;
    }
    let mut made = Vec::new();
    for step in 0..60 {
        let index = random.next(3) as usize;
        let device = &mut devices[index];
        match random.next(4) {
            0 if device.socket.is_some() => device.disconnect(),
            0 => {
                device.connect().await;
                device.sync().await;
            }
            1 if device.socket.is_some() => device.sync().await,
            _ => {
                let key = format!("device{index}-step{step}");
                let doc = device.docs.docs.get_mut(&shared).unwrap();
                let edits = doc.get(ROOT, "edits").unwrap().unwrap().1;
                doc.put(&edits, key.as_str(), step as i64).unwrap();
                doc.commit();
                made.push(key);
                device.changed(shared).await;
            }
        }
    }
    // Everyone comes back; two rounds so each sees what the others sent.
    for _ in 0..2 {
        for device in devices.iter_mut() {
            if device.socket.is_none() {
                device.connect().await;
            }
            device.sync().await;
        }
    }
    let mut heads = Vec::new();
    for device in devices.iter_mut() {
        let doc = device.docs.docs.get_mut(&shared).unwrap();
        let edits = doc.get(ROOT, "edits").unwrap().unwrap().1;
        let keys: Vec<String> = doc.keys(&edits).collect();
        for key in &made {
            assert!(
                keys.contains(key),
                "seed {seed}: edit {key} is missing on {}",
                device.session.peer_id
            );
        }
        assert_eq!(keys.len(), made.len(), "seed {seed}: no unexpected keys");
        let mut device_heads = doc.get_heads();
        device_heads.sort();
        heads.push(device_heads);
    }
    assert!(
        heads.windows(2).all(|pair| pair[0] == pair[1]),
        "seed {seed}: all devices converge"
    );
}

/// Reads the close frame the server sends, if any.
async fn close_reason(socket: &mut Socket) -> Option<(u16, String)> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        match tokio::time::timeout_at(deadline, socket.next()).await {
            Ok(Some(Ok(WsMessage::Close(Some(frame))))) => {
                return Some((u16::from(frame.code), frame.reason.to_string()))
            }
            Ok(Some(Ok(WsMessage::Close(None)))) | Ok(None) | Ok(Some(Err(_))) | Err(_) => {
                return None
            }
            Ok(Some(Ok(_))) => {}
        }
    }
}

async fn upgrade_status(url: &str) -> u16 {
    match tokio_tungstenite::connect_async(url).await {
        Ok(_) => 101,
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => response.status().as_u16(),
        Err(error) => panic!("unexpected error {error}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_is_refused_clearly_and_hurts_nobody_else() {
    let server = TestServer::start(64 * 1024).await;
    let ws = server.base.replace("http://", "ws://");

    // Wrong password and unknown email: the same 401 and message.
    let (status, body) = sign_in(&server.base, "ana@example.com", "wrong password")
        .await
        .unwrap_err();
    assert_eq!(status, 401);
    // The English sentence for scripts, and the refusal the interface words in the person's
    // language.
    let error: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(error["error"], "wrong email or password", "{body}");
    assert_eq!(
        ServerError::from_answer(status, &body),
        ServerError::WrongCredentials
    );
    let (status, unknown) = sign_in(&server.base, "nobody@example.com", PASSWORD)
        .await
        .unwrap_err();
    assert_eq!((status, unknown), (401, body));
    let response = reqwest::Client::new()
        .post(format!("{}/api/sign-in", server.base))
        .body("not json")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 400);

    // No token, a made-up token, a revoked token, an expired token: 401 before any upgrade.
    assert_eq!(upgrade_status(&format!("{ws}/sync")).await, 401);
    assert_eq!(
        upgrade_status(&format!("{ws}/sync?token=made-up")).await,
        401
    );
    let revoked = sign_in(&server.base, "ana@example.com", PASSWORD)
        .await
        .unwrap();
    let mut live = Device::with_session(&server.base, revoked.clone());
    live.connect().await;
    live.sync().await;
    let signed_out = reqwest::Client::new()
        .post(format!("{}/api/sign-out", server.base))
        .bearer_auth(&revoked.token)
        .send()
        .await
        .unwrap();
    assert_eq!(signed_out.status().as_u16(), 204);
    assert_eq!(
        close_reason(live.socket.as_mut().unwrap()).await,
        Some((4001, "signed out".into())),
        "live connection closed"
    );
    assert_eq!(
        upgrade_status(&format!("{ws}/sync?token={}", revoked.token)).await,
        401
    );
    let expired = sign_in(&server.base, "ana@example.com", PASSWORD)
        .await
        .unwrap();
    let connection =
        rusqlite::Connection::open(server._data.path().join("partnero.sqlite3")).unwrap();
    connection
        .execute(
            "UPDATE sessions SET expires_at = 0 WHERE peer_id = ?1",
            [&expired.peer_id],
        )
        .unwrap();
    assert_eq!(
        upgrade_status(&format!("{ws}/sync?token={}", expired.token)).await,
        401
    );

    // A healthy device keeps working through all of the below.
    let mut healthy = Device::sign_in(&server, "ben@example.com").await;
    let doc_id = random_document_id(3);
    let doc = healthy.docs.create_empty(&doc_id);
    doc.put(ROOT, "name", "healthy").unwrap();
    doc.commit();
    healthy.connect().await;
    healthy.changed(doc_id).await;
    healthy.sync().await;

    // An oversized message: closed with 1009 and the limit in the reason.
    let mut big = Device::sign_in(&server, "ana@example.com").await;
    big.connect().await;
    big.sync().await;
    let socket = big.socket.as_mut().unwrap();
    socket
        .send(WsMessage::Binary(vec![0u8; 100 * 1024].into()))
        .await
        .unwrap();
    let (code, reason) = close_reason(socket).await.expect("a close frame");
    assert_eq!(code, u16::from(CloseCode::Size));
    assert!(reason.contains("65536"), "{reason}");

    // Garbage bytes after the handshake: that connection is closed, nothing else happens.
    let mut garbage = Device::sign_in(&server, "ana@example.com").await;
    garbage.connect().await;
    garbage.sync().await;
    let socket = garbage.socket.as_mut().unwrap();
    socket
        .send(WsMessage::Binary(
            b"\xff\x00 definitely not cbor".to_vec().into(),
        ))
        .await
        .unwrap();
    let ended = tokio::time::timeout(Duration::from_secs(10), async {
        loop {
            match socket.next().await {
                None | Some(Err(_)) | Some(Ok(WsMessage::Close(_))) => break,
                Some(Ok(_)) => {}
            }
        }
    })
    .await;
    assert!(ended.is_ok(), "the garbage connection is closed");

    // A client claiming another peer id is refused with an error message.
    let impostor = sign_in(&server.base, "ana@example.com", PASSWORD)
        .await
        .unwrap();
    let (mut socket, _) =
        tokio_tungstenite::connect_async(format!("{ws}/sync?token={}", impostor.token))
            .await
            .unwrap();
    let join = partnero::sync::Message::Join {
        sender_id: healthy.session.peer_id.clone(),
        supported_protocol_versions: vec!["1".into()],
        storage_id: None,
        is_ephemeral: true,
    };
    socket
        .send(WsMessage::Binary(join.encode().into()))
        .await
        .unwrap();
    let answer = tokio::time::timeout(Duration::from_secs(10), socket.next())
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    match partnero::sync::Message::decode(&answer.into_data()).unwrap() {
        partnero::sync::Message::Error { message } => {
            assert!(message.contains("peer ID mismatch"), "{message}")
        }
        other => panic!("expected an error, got {other:?}"),
    }

    // Text frames are not part of the protocol.
    let mut text = Device::sign_in(&server, "ana@example.com").await;
    text.connect().await;
    let socket = text.socket.as_mut().unwrap();
    socket.send(WsMessage::Text("hello".into())).await.unwrap();
    assert_eq!(close_reason(socket).await.map(|(code, _)| code), Some(1003));

    // The healthy device still syncs, and its data is intact for a new device.
    let healthy_doc = healthy.docs.docs.get_mut(&doc_id).unwrap();
    healthy_doc.put(ROOT, "name", "still healthy").unwrap();
    healthy_doc.commit();
    healthy.changed(doc_id).await;
    healthy.sync().await;
    // (Another device of the same user: the document is not listed, so it is its creator's.)
    let mut reader = Device::sign_in(&server, "ben@example.com").await;
    reader.connect().await;
    reader.request(doc_id).await;
    reader.sync().await;
    let (value, _) = reader.docs.docs[&doc_id]
        .get(ROOT, "name")
        .unwrap()
        .unwrap();
    assert_eq!(value.into_string().unwrap(), "still healthy");
}

/// The server binary as a child process, so it can be killed with SIGKILL; killed and reaped
/// on drop so a failing test leaves no process behind.
struct ServerProcess(std::process::Child);

impl ServerProcess {
    fn kill_9(&mut self) {
        self.0.kill().unwrap(); // SIGKILL on Unix
        self.0.wait().unwrap();
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn spawn_server_process(data: &std::path::Path, port: u16) -> ServerProcess {
    ServerProcess(
        std::process::Command::new(env!("CARGO_BIN_EXE_partnero-sync-server"))
            .args([
                "--listen",
                &format!("127.0.0.1:{port}"),
                "--data-dir",
                &data.display().to_string(),
                "--dist",
                &data.display().to_string(),
            ])
            .env("PARTNERO_LOG", "warn")
            // Slow writes widen the window in which samod has replied but not yet stored.
            .env("PARTNERO_FAULT_WRITE_DELAY_MS", "40")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start the server binary"),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_changes_survive_kill_9_of_the_server() {
    let data = tempfile::tempdir().unwrap();
    let added = std::process::Command::new(env!("CARGO_BIN_EXE_partnero-sync-server"))
        .args([
            "--data-dir",
            &data.path().display().to_string(),
            "user",
            "add",
            "--email",
            "ana@example.com",
        ])
        .env("PARTNERO_NEW_PASSWORD", PASSWORD)
        .env("PARTNERO_LOG", "warn")
        .output()
        .unwrap();
    assert!(
        added.status.success(),
        "user add: {}",
        String::from_utf8_lossy(&added.stderr)
    );
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let base = format!("http://127.0.0.1:{port}");
    let mut process = spawn_server_process(data.path(), port);
    wait_for_health(&base).await;

    let mut ana = Device::with_session(
        &base,
        sign_in(&base, "ana@example.com", PASSWORD).await.unwrap(),
    );
    let doc_id = random_document_id(4);
    let doc = ana.docs.create_empty(&doc_id);
    doc.put_object(ROOT, "burst", automerge::ObjType::Map)
        .unwrap();
    doc.commit();
    ana.connect().await;
    ana.changed(doc_id).await;
    ana.sync().await;

    // A burst of edits, each sent at once; the server is killed while they are in flight.
    let mut acknowledged = 0usize;
    let mut sent = 0usize;
    let kill_after = Duration::from_millis(400);
    let started = tokio::time::Instant::now();
    let mut killed = false;
    while !killed {
        if started.elapsed() >= kill_after {
            process.kill_9();
            killed = true;
            continue;
        }
        let doc = ana.docs.docs.get_mut(&doc_id).unwrap();
        let burst = doc.get(ROOT, "burst").unwrap().unwrap().1;
        doc.put(&burst, format!("edit-{sent}"), sent as i64)
            .unwrap();
        doc.commit();
        sent += 1;
        ana.changed(doc_id).await;
        // Read whatever the server has answered so far, without waiting long.
        while let Ok(Some(Ok(WsMessage::Binary(bytes)))) = tokio::time::timeout(
            Duration::from_millis(5),
            ana.socket.as_mut().unwrap().next(),
        )
        .await
        {
            let effects = ana.client.receive(&bytes, &mut ana.docs).unwrap();
            ana.apply(effects).await;
        }
        let doc = ana.docs.docs.get_mut(&doc_id).unwrap();
        // Edits are one linear chain from one actor, so the acknowledged ones are a prefix.
        let pending = ana.client.pending_changes(&doc_id, doc);
        acknowledged = acknowledged.max(sent.saturating_sub(pending));
    }
    assert!(
        acknowledged > 0,
        "some edits were acknowledged before the kill (sent {sent})"
    );

    // Restart on the same data; a fresh device must find every acknowledged edit.
    let mut process = spawn_server_process(data.path(), port);
    wait_for_health(&base).await;
    let mut reader = Device::with_session(
        &base,
        sign_in(&base, "ana@example.com", PASSWORD).await.unwrap(),
    );
    reader.connect().await;
    reader.request(doc_id).await;
    reader.sync().await;
    let doc = &reader.docs.docs[&doc_id];
    let burst = doc
        .get(ROOT, "burst")
        .unwrap()
        .expect("the document survived")
        .1;
    for index in 0..acknowledged {
        assert!(
            doc.get(&burst, format!("edit-{index}")).unwrap().is_some(),
            "acknowledged edit-{index} of {acknowledged} (sent {sent}) was lost"
        );
    }
    process.kill_9();
}

/// A device running the app's own registry (on a memory store) and sync session glue.
struct RegistryDevice {
    session: SignedIn,
    ws_url: String,
    client: SyncClient,
    registry: partnero::registry::Registry<std::rc::Rc<partnero::store::MemoryStore>>,
    socket: Option<Socket>,
}

impl RegistryDevice {
    async fn open(
        base: &str,
        session: SignedIn,
        store: std::rc::Rc<partnero::store::MemoryStore>,
    ) -> Self {
        let registry = partnero::registry::Registry::open(
            store.clone(),
            ActorId::random(),
            random_document_id(0),
        )
        .await
        .unwrap();
        let client = SyncClient::new(session.peer_id.clone());
        Self {
            ws_url: base.replace("http://", "ws://"),
            session,
            client,
            registry,
            socket: None,
        }
    }

    async fn send_all(&mut self, messages: Vec<Vec<u8>>) {
        for bytes in messages {
            if let Some(socket) = self.socket.as_mut() {
                socket.send(WsMessage::Binary(bytes.into())).await.unwrap();
            }
        }
    }

    async fn connect(&mut self) {
        let url = format!("{}/sync?token={}", self.ws_url, self.session.token);
        self.socket = Some(tokio_tungstenite::connect_async(url).await.unwrap().0);
        let team = self.session.workspace_id.parse().unwrap();
        let messages =
            partnero::sync::session::connected(&mut self.client, &mut self.registry, team);
        self.send_all(messages).await;
    }

    fn disconnect(&mut self) {
        self.socket = None;
        self.client.disconnected();
    }

    async fn local_change(&mut self, ids: &[DocumentId]) {
        let messages =
            partnero::sync::session::local_changes(&mut self.client, &mut self.registry, ids);
        self.send_all(messages).await;
    }

    async fn sync(&mut self) {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
        loop {
            let progress = self.client.progress(&mut self.registry);
            let synced = progress.documents_syncing == 0
                && self.registry.uses_team_workspace()
                && self.registry.waiting_for().is_empty();
            let wait = if synced {
                Duration::from_millis(150)
            } else {
                deadline.saturating_duration_since(tokio::time::Instant::now())
            };
            match tokio::time::timeout(wait, self.socket.as_mut().unwrap().next()).await {
                Err(_) if synced => {
                    // As the browser's pump does once nothing is syncing.
                    partnero::sync::session::idle(&mut self.registry)
                        .await
                        .unwrap();
                    return;
                }
                Err(_) => panic!(
                    "registry device not in sync: {progress:?}, waiting for {:?}",
                    self.registry.waiting_for()
                ),
                Ok(Some(Ok(WsMessage::Binary(bytes)))) => {
                    let step = partnero::sync::session::received(
                        &mut self.client,
                        &mut self.registry,
                        &bytes,
                        1,
                    )
                    .await
                    .unwrap();
                    assert_eq!(step.server_error, None);
                    self.send_all(step.send).await;
                }
                Ok(other) => panic!("unexpected {other:?}"),
            }
        }
    }
}

fn profile(kind: &str, name: &str) -> partnero::model::PartnerProfile {
    validate_partner(&PartnerDraft {
        kind: kind.into(),
        legal_name: name.into(),
        ..PartnerDraft::default()
    })
    .unwrap()
}

#[tokio::test(flavor = "current_thread")]
async fn registries_on_two_devices_share_partners_created_offline() {
    let server = TestServer::start(1 << 20).await;
    let ana_store = std::rc::Rc::new(partnero::store::MemoryStore::new());
    let ana_session = sign_in(&server.base, "ana@example.com", PASSWORD)
        .await
        .unwrap();
    let mut ana = RegistryDevice::open(&server.base, ana_session, ana_store.clone()).await;

    // Offline, before ever signing in: two partners and a link.
    let supplier = random_document_id(11);
    let client = random_document_id(12);
    ana.registry
        .create_partner(supplier, profile("supplier", "Aceites del Sur"), 1)
        .await
        .unwrap();
    ana.registry
        .create_partner(client, profile("client", "Hotel Miramar"), 2)
        .await
        .unwrap();
    ana.registry.link(&supplier, &client, 3).await.unwrap();

    // Online: the device joins the team's workspace and publishes its partners.
    ana.connect().await;
    ana.sync().await;
    assert!(ana.registry.uses_team_workspace());
    assert_eq!(
        ana.registry.workspace_id().to_string(),
        ana.session.workspace_id
    );
    assert_eq!(ana.client.progress(&mut ana.registry).pending_changes, 0);

    // Another device of another user gets everything, links included.
    let ben_session = sign_in(&server.base, "ben@example.com", PASSWORD)
        .await
        .unwrap();
    let mut ben = RegistryDevice::open(
        &server.base,
        ben_session,
        std::rc::Rc::new(partnero::store::MemoryStore::new()),
    )
    .await;
    ben.connect().await;
    ben.sync().await;
    assert_eq!(
        ben.registry.partner(&supplier).unwrap().profile.legal_name,
        "Aceites del Sur"
    );
    assert_eq!(ben.registry.suppliers_of(&client), vec![supplier]);

    // Live: a change on one connected device reaches the other without it asking.
    let mut renamed = ben.registry.partner(&client).unwrap().profile.clone();
    renamed.trade_name = "Miramar".into();
    ben.registry
        .update_profile(&client, renamed, 5)
        .await
        .unwrap();
    ben.local_change(&[client]).await;
    ben.sync().await;
    ana.sync().await;
    assert_eq!(
        ana.registry.partner(&client).unwrap().profile.trade_name,
        "Miramar",
        "pushed to ana"
    );

    // Both offline: different fields of the same partner.
    ana.disconnect();
    ben.disconnect();
    let mut on_ana = ana.registry.partner(&supplier).unwrap().profile.clone();
    on_ana.industry = "Olive oil".into();
    ana.registry
        .update_profile(&supplier, on_ana, 10)
        .await
        .unwrap();
    ben.registry
        .set_status(&supplier, partnero::model::PartnerStatus::Archived, 11)
        .await
        .unwrap();
    let new_from_ben = random_document_id(13);
    ben.registry
        .create_partner(new_from_ben, profile("client", "Bodega Norte"), 12)
        .await
        .unwrap();

    ana.connect().await;
    ana.sync().await;
    ben.connect().await;
    ben.local_change(&[supplier, new_from_ben, ben.registry.workspace_id()])
        .await;
    ben.sync().await;
    ana.sync().await;
    for device in [&ana, &ben] {
        let partner = device.registry.partner(&supplier).unwrap();
        assert_eq!(partner.profile.industry, "Olive oil");
        assert_eq!(partner.status, partnero::model::PartnerStatus::Archived);
        assert_eq!(
            device
                .registry
                .partner(&new_from_ben)
                .unwrap()
                .profile
                .legal_name,
            "Bodega Norte"
        );
    }

    // What arrived was stored: a new session on Ana's store opens it all without the network.
    drop(ana);
    let reopened =
        partnero::registry::Registry::open(ana_store, ActorId::random(), random_document_id(0))
            .await
            .unwrap();
    assert_eq!(
        reopened.partner(&new_from_ben).unwrap().profile.legal_name,
        "Bodega Norte"
    );
    assert_eq!(
        reopened.partner(&supplier).unwrap().status,
        partnero::model::PartnerStatus::Archived
    );
}

/// Reads a string whether it is stored as a scalar (Rust clients) or as Text (JS clients).
fn read_string(doc: &AutoCommit, key: &str) -> Option<String> {
    match doc.get(ROOT, key).ok()?? {
        (automerge::Value::Scalar(value), _) => value.as_str().map(str::to_owned),
        (automerge::Value::Object(automerge::ObjType::Text), id) => doc.text(&id).ok(),
        _ => None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Node 20 and npm packages in tests/interop; run by bash .ci/test"]
async fn the_javascript_automerge_repo_client_syncs_both_ways() {
    let interop = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/interop");
    assert!(
        interop
            .join("node_modules/@automerge/automerge-repo")
            .is_dir(),
        "run `bash .ci/install-tools --browser` to install the JavaScript client in tests/interop"
    );
    let server = TestServer::start(1 << 20).await;

    // Partnero's client creates a document.
    let mut rust = Device::sign_in(&server, "ana@example.com").await;
    let from_rust = random_document_id(21);
    let doc = rust.docs.create_empty(&from_rust);
    doc.put(ROOT, "name", "Written by Rust").unwrap();
    doc.put(ROOT, "count", 3_i64).unwrap();
    doc.commit();
    rust.connect().await;
    rust.changed(from_rust).await;
    rust.sync().await;

    // The JavaScript client signs in with its own token and peer id, reads it, writes one.
    // (The same user: a document not listed in the workspace is its creator's alone.)
    let js = sign_in(&server.base, "ana@example.com", PASSWORD)
        .await
        .unwrap();
    let mut node = tokio::process::Command::new("node")
        .arg("client.mjs")
        .current_dir(&interop)
        .env("PARTNERO_URL", server.base.replace("http://", "ws://"))
        .env("PARTNERO_TOKEN", &js.token)
        .env("PARTNERO_PEER_ID", &js.peer_id)
        .env("PARTNERO_RUST_DOC", from_rust.to_url())
        .stdout(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("node runs");
    let stdout = node.stdout.take().unwrap();
    let mut lines = tokio::io::AsyncBufReadExt::lines(tokio::io::BufReader::new(stdout));
    let line = tokio::time::timeout(Duration::from_secs(30), lines.next_line())
        .await
        .expect("node answers in time")
        .unwrap()
        .expect("a line");
    let answer: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert_eq!(answer["read"]["name"], "Written by Rust", "{answer}");
    assert_eq!(answer["read"]["count"], 3, "{answer}");
    let from_js: DocumentId = answer["created"].as_str().unwrap().parse().unwrap();

    // Partnero's client reads the JavaScript document (strings arrive as Text).
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        let mut reader = Device::sign_in(&server, "ana@example.com").await;
        reader.connect().await;
        reader.request(from_js).await;
        reader.sync().await;
        if let Some(name) = reader
            .docs
            .docs
            .get(&from_js)
            .and_then(|doc| read_string(doc, "legal_name"))
        {
            assert_eq!(name, "Written by JavaScript");
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the JavaScript document never reached the server"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    node.kill().await.unwrap();
}

impl RegistryDevice {
    /// The change feed since `since`: its position and the documents it lists.
    async fn feed(&self, base: &str, since: i64) -> (i64, std::collections::BTreeSet<DocumentId>) {
        let feed: serde_json::Value = reqwest::Client::new()
            .get(format!("{base}/api/changes?since={since}"))
            .bearer_auth(&self.session.token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let ids = feed["documents"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|id| id.as_str()?.parse().ok())
            .collect();
        (feed["cursor"].as_i64().unwrap(), ids)
    }
}

#[tokio::test(flavor = "current_thread")]
async fn selective_reconnects_through_the_change_feed_keep_devices_converging() {
    let server = TestServer::start(1 << 20).await;
    let session = |email: &'static str| {
        let base = server.base.clone();
        async move { sign_in(&base, email, PASSWORD).await.unwrap() }
    };
    let mut ana = RegistryDevice::open(
        &server.base,
        session("ana@example.com").await,
        std::rc::Rc::new(partnero::store::MemoryStore::new()),
    )
    .await;
    let mut ben = RegistryDevice::open(
        &server.base,
        session("ben@example.com").await,
        std::rc::Rc::new(partnero::store::MemoryStore::new()),
    )
    .await;
    let partner = random_document_id(31);
    ana.registry
        .create_partner(partner, profile("supplier", "Aceites del Sur"), 1)
        .await
        .unwrap();
    ana.connect().await;
    ana.sync().await;
    ben.connect().await;
    ben.sync().await;
    let (mut ana_cursor, _) = ana.feed(&server.base, 0).await;
    let (mut ben_cursor, _) = ben.feed(&server.base, 0).await;

    // Both offline: the same field changed on both.
    ana.disconnect();
    ben.disconnect();
    for (device, industry) in [(&mut ana, "Olive oil"), (&mut ben, "Oils and fats")] {
        let mut profile = device.registry.partner(&partner).unwrap().profile.clone();
        profile.industry = industry.into();
        device
            .registry
            .update_profile(&partner, profile, 2)
            .await
            .unwrap();
    }

    // Selective reconnects: each syncs only what the feed lists and its own changes.
    for (device, cursor) in [(&mut ana, &mut ana_cursor), (&mut ben, &mut ben_cursor)] {
        let (next, changed) = device.feed(&server.base, *cursor).await;
        device.client.select(changed);
        device.connect().await;
        device.sync().await;
        *cursor = next;
    }
    // Ana missed Ben's edit (she synced first): the feed tells her.
    let (next, changed) = ana.feed(&server.base, ana_cursor).await;
    assert!(
        changed.contains(&partner),
        "the feed lists the partner Ben changed"
    );
    let messages = partnero::sync::session::remote_changes(
        &mut ana.client,
        &mut ana.registry,
        &changed.into_iter().collect::<Vec<_>>(),
    )
    .await
    .unwrap()
    .0;
    ana.send_all(messages).await;
    ana.sync().await;
    ana_cursor = next;
    assert_eq!(
        ana.registry.conflicts(&partner).len(),
        1,
        "Ana sees the conflict"
    );

    // Ana keeps her value; Ben learns it through a push or the feed.
    let conflict = ana.registry.conflicts(&partner).remove(0);
    ana.registry
        .resolve_conflict(&partner, &conflict.path, "Olive oil".into(), 3)
        .await
        .unwrap();
    ana.local_change(&[partner]).await;
    ana.sync().await;
    ben.sync().await;
    let (_, changed) = ben.feed(&server.base, ben_cursor).await;
    let messages = partnero::sync::session::remote_changes(
        &mut ben.client,
        &mut ben.registry,
        &changed.into_iter().collect::<Vec<_>>(),
    )
    .await
    .unwrap()
    .0;
    ben.send_all(messages).await;
    ben.sync().await;
    let _ = ana_cursor;
    assert_eq!(
        ben.registry.partner(&partner).unwrap().profile.industry,
        "Olive oil"
    );
    assert!(
        ben.registry.conflicts(&partner).is_empty(),
        "resolved on Ben's device too"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn a_reloaded_device_gets_later_changes_through_the_change_feed() {
    let server = TestServer::start(1 << 20).await;
    let ana_session = sign_in(&server.base, "ana@example.com", PASSWORD)
        .await
        .unwrap();
    let ben_session = sign_in(&server.base, "ben@example.com", PASSWORD)
        .await
        .unwrap();
    let ben_store = std::rc::Rc::new(partnero::store::MemoryStore::new());
    let mut ana = RegistryDevice::open(
        &server.base,
        ana_session,
        std::rc::Rc::new(partnero::store::MemoryStore::new()),
    )
    .await;
    let mut ben = RegistryDevice::open(&server.base, ben_session.clone(), ben_store.clone()).await;
    let partner = random_document_id(41);
    ana.registry
        .create_partner(partner, profile("supplier", "Aceites del Sur"), 1)
        .await
        .unwrap();
    ana.connect().await;
    ana.sync().await;
    ben.connect().await;
    ben.sync().await;
    let (cursor, _) = ben.feed(&server.base, 0).await;
    ben.registry.save_sync_cursor(cursor).await.unwrap();
    assert_eq!(
        ben.registry.partner(&partner).unwrap().profile.legal_name,
        "Aceites del Sur"
    );

    // Ben reloads the app: a new client with the same session, restored from his store, and a
    // selective handshake that lists nothing (nothing changed, nothing unsent).
    drop(ben);
    let mut ben = RegistryDevice::open(&server.base, ben_session, ben_store).await;
    let team = ben.session.workspace_id.parse().unwrap();
    partnero::sync::session::restore(&mut ben.client, &mut ben.registry, team)
        .await
        .unwrap();
    assert_eq!(
        ben.registry.loaded_count(),
        0,
        "the reloaded device knows the partner from its cache and loads no document"
    );
    let saved = ben.registry.sync_cursor().await.unwrap();
    let (_, changed) = ben.feed(&server.base, saved).await;
    ben.client.select(changed);
    ben.connect().await;
    ben.sync().await;

    // Ana changes the partner; Ben's poll of the feed fetches it.
    let mut renamed = ana.registry.partner(&partner).unwrap().profile.clone();
    renamed.trade_name = "Aceites Sur".into();
    ana.registry
        .update_profile(&partner, renamed, 2)
        .await
        .unwrap();
    ana.local_change(&[partner]).await;
    ana.sync().await;
    ben.sync().await;
    let (_, changed) = ben.feed(&server.base, saved).await;
    assert!(changed.contains(&partner));
    let messages = partnero::sync::session::remote_changes(
        &mut ben.client,
        &mut ben.registry,
        &changed.into_iter().collect::<Vec<_>>(),
    )
    .await
    .unwrap()
    .0;
    ben.send_all(messages).await;
    ben.sync().await;
    assert_eq!(
        ben.registry.partner(&partner).unwrap().profile.trade_name,
        "Aceites Sur"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_change_feed_keeps_counting_after_a_restart() {
    let data = tempfile::tempdir().unwrap();
    let database = Database::open(data.path()).unwrap();
    database
        .add_user("ana@example.com", "", PASSWORD, false, now_seconds())
        .await
        .unwrap();
    drop(database);
    let start = |address: Option<std::net::SocketAddr>| {
        let data = data.path().to_owned();
        async move {
            let listener =
                tokio::net::TcpListener::bind(address.unwrap_or(([127, 0, 0, 1], 0).into()))
                    .await
                    .unwrap();
            let address = listener.local_addr().unwrap();
            let (stop, stopped) = oneshot::channel::<()>();
            let config = ServerConfig {
                dist: data.clone(),
                data_dir: data,
                max_message_bytes: 1 << 20,
                max_file_bytes: partnero_sync_server::files::DEFAULT_MAX_FILE_BYTES,
                fault_write_delay_ms: 0,
            };
            let task = tokio::spawn(server::run(listener, config, async {
                let _ = stopped.await;
            }));
            wait_for_health(&format!("http://{address}")).await;
            (address, stop, task)
        }
    };
    let feed = |base: String, token: String| async move {
        let feed: serde_json::Value = reqwest::Client::new()
            .get(format!("{base}/api/changes?since=0"))
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        feed["cursor"].as_i64().unwrap()
    };
    let (address, stop, task) = start(None).await;
    let base = format!("http://{address}");
    let mut ana = Device::with_session(
        &base,
        sign_in(&base, "ana@example.com", PASSWORD).await.unwrap(),
    );
    let doc_id = random_document_id(51);
    let doc = ana.docs.create_empty(&doc_id);
    doc.put(ROOT, "name", "first").unwrap();
    doc.commit();
    ana.connect().await;
    ana.changed(doc_id).await;
    ana.sync().await;
    let before = feed(base.clone(), ana.session.token.clone()).await;
    assert!(before > 0);
    ana.disconnect();
    stop.send(()).unwrap();
    task.await.unwrap().unwrap();

    let (_address, _stop, _task) = start(Some(address)).await;
    let doc = ana.docs.docs.get_mut(&doc_id).unwrap();
    doc.put(ROOT, "name", "second").unwrap();
    doc.commit();
    ana.connect().await;
    ana.sync().await;
    let after = feed(base.clone(), ana.session.token.clone()).await;
    assert!(
        after > before,
        "the feed moved on after the restart: {before} -> {after}"
    );
}

fn bill(number: &str, amount_minor: i64) -> partnero::model::Invoice {
    partnero::model::Invoice {
        direction: partnero::model::InvoiceDirection::Received,
        number: number.into(),
        issue_date: "2026-11-20".into(),
        due_date: "2026-11-30".into(),
        amount_minor,
        currency: "EUR".into(),
        reference: String::new(),
        attachment: None,
        cancelled: false,
        created_at_ms: 1,
    }
}

/// Finance documents have ids derived from the partner's and the same first change on every
/// device, so two devices that both record the first bill of a supplier offline end up with
/// one document holding both bills (not two documents, nor one bill hidden in a lost map).
#[tokio::test(flavor = "current_thread")]
async fn two_devices_start_a_partners_finance_offline_and_keep_both_bills() {
    let server = TestServer::start(1 << 20).await;
    let ana_store = std::rc::Rc::new(partnero::store::MemoryStore::new());
    let ana_session = sign_in(&server.base, "ana@example.com", PASSWORD)
        .await
        .unwrap();
    let ben_session = sign_in(&server.base, "ben@example.com", PASSWORD)
        .await
        .unwrap();
    let mut ana = RegistryDevice::open(&server.base, ana_session, ana_store.clone()).await;
    let mut ben = RegistryDevice::open(
        &server.base,
        ben_session,
        std::rc::Rc::new(partnero::store::MemoryStore::new()),
    )
    .await;
    let supplier = random_document_id(61);
    ana.registry
        .create_partner(supplier, profile("supplier", "Aceites del Sur"), 1)
        .await
        .unwrap();
    ana.connect().await;
    ana.sync().await;
    ben.connect().await;
    ben.sync().await;
    assert!(ben.registry.partner(&supplier).is_some());

    ana.disconnect();
    ben.disconnect();
    let on_ana = ana
        .registry
        .edit_finance(&supplier, "add bill", 10, |finance| {
            finance.invoices.insert("a1".into(), bill("F-100", 12_000));
            Ok(())
        })
        .await
        .unwrap();
    let on_ben = ben
        .registry
        .edit_finance(&supplier, "add bill", 11, |finance| {
            finance.invoices.insert("b1".into(), bill("F-200", 3_050));
            Ok(())
        })
        .await
        .unwrap();
    let finance_id =
        partnero::registry::companion_id(&supplier, partnero::registry::CompanionKind::Finance);
    assert_eq!(on_ana[0], finance_id);
    assert_eq!(on_ben[0], finance_id, "both devices name the same document");

    ana.connect().await;
    ana.local_change(&on_ana).await;
    ana.sync().await;
    ben.connect().await;
    ben.local_change(&on_ben).await;
    ben.sync().await;
    ana.sync().await;
    for device in [&ana, &ben] {
        let finance = device.registry.finance(&supplier).unwrap();
        let numbers: Vec<&str> = finance
            .invoices
            .values()
            .map(|invoice| invoice.number.as_str())
            .collect();
        assert_eq!(numbers, ["F-100", "F-200"]);
        let doc = device.registry.document(&finance_id).unwrap();
        assert!(
            partnero::registry::find_conflicts(doc).is_empty(),
            "no concurrent root maps"
        );
    }

    // Reopened offline, the finance comes from the start-up cache.
    drop(ana);
    let reopened =
        partnero::registry::Registry::open(ana_store, ActorId::random(), random_document_id(0))
            .await
            .unwrap();
    assert_eq!(reopened.finance(&supplier).unwrap().invoices.len(), 2);
    assert_eq!(reopened.loaded_count(), 0);
}

/// A device reopened from its start-up cache holds no documents, not even the workspace's. A
/// partner registered elsewhere reaches it through the change feed: the workspace document is
/// loaded when the feed names it, the new partner is fetched, and the cache remembers both.
#[tokio::test(flavor = "current_thread")]
async fn a_device_started_from_its_cache_receives_a_partner_registered_elsewhere() {
    let server = TestServer::start(1 << 20).await;
    let ana_session = sign_in(&server.base, "ana@example.com", PASSWORD)
        .await
        .unwrap();
    let ben_session = sign_in(&server.base, "ben@example.com", PASSWORD)
        .await
        .unwrap();
    let ben_store = std::rc::Rc::new(partnero::store::MemoryStore::new());
    let mut ana = RegistryDevice::open(
        &server.base,
        ana_session,
        std::rc::Rc::new(partnero::store::MemoryStore::new()),
    )
    .await;
    let mut ben = RegistryDevice::open(&server.base, ben_session.clone(), ben_store.clone()).await;
    let first = random_document_id(71);
    ana.registry
        .create_partner(first, profile("supplier", "Aceites del Sur"), 1)
        .await
        .unwrap();
    ana.connect().await;
    ana.sync().await;
    ben.connect().await;
    ben.sync().await;
    let (cursor, _) = ben.feed(&server.base, 0).await;
    ben.registry.save_sync_cursor(cursor).await.unwrap();
    drop(ben);

    // Ben's app starts again: everything from the cache, no document loaded.
    let mut ben = RegistryDevice::open(&server.base, ben_session.clone(), ben_store.clone()).await;
    let team = ben.session.workspace_id.parse().unwrap();
    partnero::sync::session::restore(&mut ben.client, &mut ben.registry, team)
        .await
        .unwrap();
    assert_eq!(ben.registry.loaded_count(), 0);
    assert!(ben.registry.document(&team).is_none(), "the workspace too");
    let saved = ben.registry.sync_cursor().await.unwrap();
    let (_, changed) = ben.feed(&server.base, saved).await;
    ben.client.select(changed);
    ben.connect().await;
    ben.sync().await;

    // Ana registers another partner; Ben's poll of the feed names the workspace and it.
    let second = random_document_id(72);
    ana.registry
        .create_partner(second, profile("client", "Hotel Miramar"), 2)
        .await
        .unwrap();
    ana.local_change(&[second, ana.registry.workspace_id()])
        .await;
    ana.sync().await;
    let (_, changed) = ben.feed(&server.base, saved).await;
    assert!(changed.contains(&team), "{changed:?}");
    let (messages, _) = partnero::sync::session::remote_changes(
        &mut ben.client,
        &mut ben.registry,
        &changed.into_iter().collect::<Vec<_>>(),
    )
    .await
    .unwrap();
    ben.send_all(messages).await;
    ben.sync().await;
    assert_eq!(
        ben.registry.partner(&second).unwrap().profile.legal_name,
        "Hotel Miramar"
    );
    assert!(ben.registry.document(&team).is_some(), "loaded when named");

    // The next start knows both partners from the cache alone.
    drop(ben);
    let reopened =
        partnero::registry::Registry::open(ben_store, ActorId::random(), random_document_id(0))
            .await
            .unwrap();
    assert_eq!(reopened.partners().count(), 2);
    assert_eq!(reopened.loaded_count(), 0);
    assert!(reopened.stale_documents().await.unwrap().is_empty());
}

impl RegistryDevice {
    /// Exchanges whatever arrives for `time`, whether or not the device ever counts as in
    /// sync (a device holding a refused change never does).
    async fn pump_for(&mut self, time: Duration) {
        let deadline = tokio::time::Instant::now() + time;
        while let Some(socket) = self.socket.as_mut() {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            let Ok(Some(Ok(WsMessage::Binary(bytes)))) =
                tokio::time::timeout(left, socket.next()).await
            else {
                return;
            };
            let step =
                partnero::sync::session::received(&mut self.client, &mut self.registry, &bytes, 1)
                    .await
                    .unwrap();
            self.send_all(step.send).await;
        }
    }
}

/// Issue 7: a viewer's device changes a record anyway (it does not know its rules yet). The
/// server ignores the change, so it never reaches a colleague's connected device and stays
/// "unsent" on the viewer's; discarding it deletes the local copy and a fresh connection
/// fetches the server's version, after which nothing is left unsent.
#[tokio::test(flavor = "current_thread")]
async fn a_refused_edit_stays_apart_until_discarded_and_the_servers_version_returns() {
    let server = TestServer::start(1 << 20).await;
    Database::open(server._data.path())
        .unwrap()
        .add_user_with_role(
            "vic@example.com",
            "Vic",
            PASSWORD,
            partnero::model::Role::Viewer,
            now_seconds(),
        )
        .await
        .unwrap();
    let store = || std::rc::Rc::new(partnero::store::MemoryStore::new());
    let ana_session = sign_in(&server.base, "ana@example.com", PASSWORD)
        .await
        .unwrap();
    let mut ana = RegistryDevice::open(&server.base, ana_session, store()).await;
    ana.connect().await;
    ana.sync().await;
    let partner = random_document_id(21);
    ana.registry
        .create_partner(partner, profile("supplier", "Forjas del Valle"), 1)
        .await
        .unwrap();
    ana.local_change(&[partner, ana.registry.workspace_id()])
        .await;
    ana.sync().await;

    let vic_session = sign_in(&server.base, "vic@example.com", PASSWORD)
        .await
        .unwrap();
    let mut vic = RegistryDevice::open(&server.base, vic_session, store()).await;
    vic.connect().await;
    vic.sync().await;
    let mut edited = vic.registry.partner(&partner).unwrap().profile.clone();
    assert_eq!(edited.legal_name, "Forjas del Valle");
    edited.trade_name = "Written by a viewer".into();
    vic.registry
        .update_profile(&partner, edited, 5)
        .await
        .unwrap();
    vic.local_change(&[partner]).await;
    vic.pump_for(Duration::from_millis(600)).await;
    ana.pump_for(Duration::from_millis(300)).await;

    assert_eq!(
        ana.registry.partner(&partner).unwrap().profile.trade_name,
        "",
        "the refused change reached another device"
    );
    assert!(vic.registry.has_unsent_changes(&partner));
    assert!(!vic
        .registry
        .has_unsent_changes(&vic.registry.workspace_id()));
    // It would keep the device "syncing" forever; told it is refused, the status can say
    // up to date (with the change still counted as not on the server).
    let stuck = vic.client.progress(&mut vic.registry);
    assert_eq!((stuck.documents_syncing, stuck.pending_changes), (1, 1));
    let told = vic
        .client
        .progress_except(&mut vic.registry, |id| *id == partner);
    assert_eq!((told.documents_syncing, told.pending_changes), (0, 1));

    // Discard: the copy goes, and a fresh connection fetches the server's version.
    vic.registry.discard_local_changes(&partner).await.unwrap();
    assert!(vic.registry.partner(&partner).is_none());
    vic.disconnect();
    vic.client = SyncClient::new(vic.session.peer_id.clone());
    let team = vic.session.workspace_id.parse().unwrap();
    partnero::sync::session::restore(&mut vic.client, &mut vic.registry, team)
        .await
        .unwrap();
    vic.connect().await;
    let (messages, _) =
        partnero::sync::session::remote_changes(&mut vic.client, &mut vic.registry, &[partner])
            .await
            .unwrap();
    vic.send_all(messages).await;
    vic.sync().await;
    let fetched = vic.registry.partner(&partner).expect("fetched again");
    assert_eq!(fetched.profile.legal_name, "Forjas del Valle");
    assert_eq!(fetched.profile.trade_name, "");
    assert!(!vic.registry.has_unsent_changes(&partner));
    assert_eq!(vic.client.progress(&mut vic.registry).pending_changes, 0);
}
