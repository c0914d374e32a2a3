//! Roles and permissions against the real server over real WebSockets, with Partnero's own
//! sync client: one expected-grant table (role × document), checked against the core's
//! `partnero::model::grant` and against what the server actually does — whether the document
//! arrives or is reported unavailable, and whether a write reaches an observer (an allowed
//! write must, so a denied write not arriving proves something). Also: an impostor peer id,
//! the portal contact's change feed, and a permission change on a live connection.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::time::Duration;

use automerge::transaction::Transactable;
use automerge::{ActorId, AutoCommit, ReadDoc, ROOT};
use futures::{SinkExt, StreamExt};
use partnero::model::{grant, DocumentClass, DocumentId, Grant, Role, Section, Subject};
use partnero::registry::{companion_id, CompanionKind};
use partnero::sync::{Effect, SyncClient, SyncDocuments};
use partnero_sync_server::database::Database;
use partnero_sync_server::permissions::portal_document_id;
use partnero_sync_server::server::{self, now_seconds, ServerConfig};
use serde_json::{json, Value};
use tokio::net::TcpStream;
use tokio::sync::oneshot;
use tokio_tungstenite::tungstenite::Message as WsMessage;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

const PASSWORD: &str = "correct horse battery";

type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// A server in this process on a free loopback port.
struct TestServer {
    base: String,
    stop: Option<oneshot::Sender<()>>,
    _data: tempfile::TempDir,
    _dist: tempfile::TempDir,
}

impl TestServer {
    async fn start(users: &[(&str, Role)]) -> Self {
        let data = tempfile::tempdir().unwrap();
        let dist = tempfile::tempdir().unwrap();
        let database = Database::open(data.path()).unwrap();
        for (email, role) in users {
            database
                .add_user_with_role(email, "", PASSWORD, *role, now_seconds())
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
            max_message_bytes: 1 << 20,
            max_file_bytes: partnero_sync_server::files::DEFAULT_MAX_FILE_BYTES,
            fault_write_delay_ms: 0,
        };
        tokio::spawn(server::run(listener, config, async {
            let _ = stopped.await;
        }));
        for _ in 0..200 {
            if reqwest::get(format!("{base}/health")).await.is_ok() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        Self {
            base,
            stop: Some(stop),
            _data: data,
            _dist: dist,
        }
    }

    async fn call(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Value,
    ) -> (u16, Value) {
        let client = reqwest::Client::new();
        let url = format!("{}{path}", self.base);
        let mut request = match method {
            "GET" => client.get(url),
            "POST" => client.post(url).json(&body),
            "PATCH" => client.patch(url).json(&body),
            "PUT" => client.put(url).json(&body),
            _ => unreachable!(),
        };
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    async fn sign_in(&self, email: &str) -> Value {
        let (status, session) = self
            .call(
                "POST",
                "/api/sign-in",
                None,
                json!({ "email": email, "password": PASSWORD }),
            )
            .await;
        assert_eq!(status, 200, "{session}");
        session
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

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

/// One signed-in device that remembers what the server refused.
struct Device {
    session: Value,
    client: SyncClient,
    docs: Docs,
    socket: Socket,
    unavailable: HashSet<DocumentId>,
}

impl Device {
    async fn connect(server: &TestServer, session: Value) -> Self {
        let url = format!(
            "{}/sync?token={}",
            server.base.replace("http://", "ws://"),
            session["token"].as_str().unwrap()
        );
        let (socket, _) = tokio_tungstenite::connect_async(url).await.unwrap();
        let mut device = Self {
            client: SyncClient::new(session["peer_id"].as_str().unwrap().to_owned()),
            session,
            docs: Docs {
                docs: BTreeMap::new(),
                actor: Some(ActorId::random()),
            },
            socket,
            unavailable: HashSet::new(),
        };
        let effects = device.client.connected();
        device.apply(effects).await;
        device
    }

    async fn sign_in(server: &TestServer, email: &str) -> Self {
        let session = server.sign_in(email).await;
        Self::connect(server, session).await
    }

    fn token(&self) -> &str {
        self.session["token"].as_str().unwrap()
    }

    async fn apply(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::Send(bytes) => self
                    .socket
                    .send(WsMessage::Binary(bytes.into()))
                    .await
                    .unwrap(),
                Effect::DocumentUnavailable(id) => {
                    self.unavailable.insert(id);
                }
                Effect::ServerError(message) => panic!("server error: {message}"),
                Effect::DocumentChanged(_) => {}
            }
        }
    }

    async fn changed(&mut self, id: DocumentId) {
        let effects = self.client.document_changed(&id, &mut self.docs);
        self.apply(effects).await;
    }

    async fn request(&mut self, id: DocumentId) {
        self.docs.create_empty(&id);
        self.changed(id).await;
    }

    /// Exchanges messages until nothing arrives for a moment. Never waits for "in sync": a
    /// read-only peer's own changes stay unsent for good.
    async fn settle(&mut self) {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
        while tokio::time::Instant::now() < deadline {
            match tokio::time::timeout(Duration::from_millis(150), self.socket.next()).await {
                Err(_) => return,
                Ok(Some(Ok(WsMessage::Binary(bytes)))) => {
                    let effects = self.client.receive(&bytes, &mut self.docs).unwrap();
                    self.apply(effects).await;
                }
                Ok(Some(Ok(WsMessage::Close(frame)))) => panic!("closed: {frame:?}"),
                Ok(Some(Ok(_))) => {}
                Ok(other) => panic!("socket ended: {other:?}"),
            }
        }
    }

    fn has(&mut self, id: &DocumentId) -> bool {
        self.docs
            .docs
            .get_mut(id)
            .is_some_and(|doc| !doc.get_heads().is_empty())
    }

    async fn write(&mut self, id: DocumentId, key: &str) {
        let doc = self.docs.docs.get_mut(&id).unwrap();
        doc.put(ROOT, key, "probe").unwrap();
        doc.commit();
        self.changed(id).await;
    }

    fn sees(&self, id: &DocumentId, key: &str) -> bool {
        self.docs
            .docs
            .get(id)
            .is_some_and(|doc| doc.get(ROOT, key).unwrap().is_some())
    }

    /// Creates a document (as the app does for a new partner) and sends it.
    async fn create(&mut self, id: DocumentId, name: &str) {
        self.docs.create_empty(&id).put(ROOT, "name", name).unwrap();
        self.docs.docs.get_mut(&id).unwrap().commit();
        self.changed(id).await;
        self.settle().await;
    }
}

fn new_id(seed: u8) -> DocumentId {
    let mut bytes = [seed; 16];
    getrandom::fill(&mut bytes[..8]).unwrap();
    DocumentId::from_random_bytes(bytes)
}

fn id_of(value: &Value) -> DocumentId {
    value.as_str().unwrap().parse().unwrap()
}

/// Adds entries to the team workspace's `partners` and `finance` maps.
async fn list(device: &mut Device, workspace: DocumentId, map: &str, partner: DocumentId) {
    let doc = device.docs.docs.get_mut(&workspace).unwrap();
    let index = doc.get(ROOT, map).unwrap().unwrap().1;
    let entry = doc
        .put_object(&index, partner.to_string(), automerge::ObjType::Map)
        .unwrap();
    doc.put(&entry, "added_at_ms", 1_i64).unwrap();
    doc.commit();
    device.changed(workspace).await;
    device.settle().await;
}

const STAFF: [(&str, Role); 5] = [
    ("admin@example.com", Role::Admin),
    ("manager@example.com", Role::Manager),
    ("sales@example.com", Role::Sales),
    ("viewer@example.com", Role::Viewer),
    ("observer@example.com", Role::Admin),
];

/// The documents of the matrix, in table order.
const DOCUMENTS: [&str; 6] = [
    "workspace",
    "partner A",
    "partner B",
    "B finance",
    "A portal",
    "portal workspace",
];

use Grant::{None as N, Read as R, Write as W};

/// The expected grants: rows admin, manager, sales (assigned A), viewer (finance denied),
/// portal contact of A; columns as `DOCUMENTS`.
const EXPECTED: [(&str, [Grant; 6]); 5] = [
    ("admin", [W, W, W, W, W, N]),
    ("manager", [W, W, W, W, W, N]),
    ("sales", [W, W, R, R, W, N]),
    ("viewer", [R, R, R, N, R, N]),
    ("portal", [N, R, N, N, W, R]),
];

/// Everything the scenario set up.
struct World {
    server: TestServer,
    admin: Device,
    observer: Device,
    documents: [DocumentId; 6],
    users: BTreeMap<String, i64>,
    portal_session: Value,
    partner_a: DocumentId,
    partner_b: DocumentId,
}

async fn set_up() -> World {
    let server = TestServer::start(&STAFF).await;
    let mut admin = Device::sign_in(&server, "admin@example.com").await;
    let workspace = id_of(&admin.session["workspace_id"]);
    assert_eq!(admin.session["user"]["role"], "admin");
    assert_eq!(
        admin.session["team_workspace_id"],
        admin.session["workspace_id"]
    );
    admin.request(workspace).await;
    admin.settle().await;
    assert!(admin.has(&workspace));

    // Partners A and B, and B's finance document, created and listed as the app does.
    let (partner_a, partner_b) = (new_id(1), new_id(2));
    let finance_b = companion_id(&partner_b, CompanionKind::Finance);
    admin.create(partner_a, "Partner A").await;
    admin.create(partner_b, "Partner B").await;
    list(&mut admin, workspace, "partners", partner_a).await;
    list(&mut admin, workspace, "partners", partner_b).await;
    admin.create(finance_b, "B's bills").await;
    list(&mut admin, workspace, "finance", partner_b).await;

    let (_, users) = server
        .call("GET", "/api/users", Some(admin.token()), json!(null))
        .await;
    let mut ids = BTreeMap::new();
    for user in users["users"].as_array().unwrap() {
        let name = user["email"].as_str().unwrap().split('@').next().unwrap();
        ids.insert(name.to_owned(), user["id"].as_i64().unwrap());
    }
    let (status, patched) = server
        .call(
            "PATCH",
            &format!("/api/users/{}", ids["sales"]),
            Some(admin.token()),
            json!({ "assigned": [partner_a.to_string()] }),
        )
        .await;
    assert_eq!(status, 200, "{patched}");
    assert_eq!(patched["user"]["assigned"], json!([partner_a.to_string()]));
    let (status, access) = server
        .call(
            "PUT",
            "/api/access",
            Some(admin.token()),
            json!({ "denied": { "viewer": ["finance"] } }),
        )
        .await;
    assert_eq!(status, 200, "{access}");
    assert_eq!(access["denied"]["viewer"], json!(["finance"]));

    // A partner contact of A, through a real invitation from a manager, who may write A.
    let manager = server.sign_in("manager@example.com").await;
    let manager_token = manager["token"].as_str().unwrap();
    let (status, invite) = server
        .call(
            "POST",
            "/api/invites",
            Some(manager_token),
            json!({ "email": "contact@a.example", "name": "Carla", "role": "portal", "partner_id": partner_a.to_string() }),
        )
        .await;
    assert_eq!(status, 200, "{invite}");
    let token = invite["token"].as_str().unwrap();
    assert_eq!(invite["path"], format!("/invite/{token}"));
    let (status, shown) = server
        .call("GET", &format!("/api/invites/{token}"), None, json!(null))
        .await;
    assert_eq!(
        (status, shown["email"].as_str(), shown["role"].as_str()),
        (200, Some("contact@a.example"), Some("portal"))
    );
    let (status, portal_session) = server
        .call(
            "POST",
            &format!("/api/invites/{token}/accept"),
            None,
            json!({ "name": "Carla", "password": PASSWORD }),
        )
        .await;
    assert_eq!(status, 200, "{portal_session}");
    assert_eq!(portal_session["user"]["role"], "portal");
    assert_eq!(portal_session["portal_partner"], partner_a.to_string());
    assert_eq!(portal_session["team_workspace_id"], Value::Null);
    let (status, again) = server
        .call(
            "POST",
            &format!("/api/invites/{token}/accept"),
            None,
            json!({ "name": "Carla", "password": PASSWORD }),
        )
        .await;
    assert_eq!(status, 404, "one-time: {again}");
    ids.insert(
        "portal".to_owned(),
        portal_session["user"]["id"].as_i64().unwrap(),
    );
    let portal_workspace = id_of(&portal_session["workspace_id"]);
    assert_ne!(portal_workspace, workspace);

    // The observer (an administrator) holds every document staff can read.
    let mut observer = Device::sign_in(&server, "observer@example.com").await;
    let documents = [
        workspace,
        partner_a,
        partner_b,
        finance_b,
        portal_document_id(&partner_a),
        portal_workspace,
    ];
    for document in &documents[..5] {
        observer.request(*document).await;
    }
    observer.settle().await;
    for document in &documents[..5] {
        assert!(observer.has(document), "the observer reads {document}");
    }
    World {
        server,
        admin,
        observer,
        documents,
        users: ids,
        portal_session,
        partner_a,
        partner_b,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_role_reads_and_writes_exactly_what_the_table_says() {
    let mut world = set_up().await;
    let docs = world.documents;

    // The table is the core's rule.
    let admin_id = world.users["admin"];
    let subject = |name: &str, role: Role| Subject {
        user_id: world.users[name],
        role: Some(role),
        portal_partner: (role == Role::Portal).then_some(world.partner_a),
        assigned: if role == Role::Sales {
            BTreeSet::from([world.partner_a])
        } else {
            BTreeSet::new()
        },
        denied: if role == Role::Viewer {
            BTreeSet::from([Section::Finance])
        } else {
            BTreeSet::new()
        },
    };
    let classes = [
        DocumentClass::Workspace,
        DocumentClass::Partner(world.partner_a),
        DocumentClass::Partner(world.partner_b),
        DocumentClass::Finance(world.partner_b),
        DocumentClass::Portal(world.partner_a),
        DocumentClass::PortalWorkspace(world.users["portal"]),
    ];
    let roles = [
        Role::Admin,
        Role::Manager,
        Role::Sales,
        Role::Viewer,
        Role::Portal,
    ];
    for ((name, expected), role) in EXPECTED.iter().zip(roles) {
        for (column, class) in classes.iter().enumerate() {
            assert_eq!(
                grant(&subject(name, role), class, Some(admin_id)),
                expected[column],
                "core rule: {name} on {}",
                DOCUMENTS[column]
            );
        }
    }

    // The portal contact's second device observes their portal workspace.
    let mut portal_observer = Device::sign_in(&world.server, "contact@a.example").await;
    portal_observer.request(docs[5]).await;
    portal_observer.settle().await;
    assert!(portal_observer.has(&docs[5]));

    // Each role: ask for every document, then write every one that arrived.
    let mut writes = Vec::new();
    for (name, expected) in EXPECTED {
        let mut device = if name == "portal" {
            Device::connect(&world.server, world.portal_session.clone()).await
        } else {
            Device::sign_in(&world.server, &format!("{name}@example.com")).await
        };
        for document in docs {
            device.request(document).await;
        }
        device.settle().await;
        for (column, document) in docs.iter().enumerate() {
            let readable = expected[column].may_read();
            assert_eq!(
                device.has(document),
                readable,
                "{name} reads {}",
                DOCUMENTS[column]
            );
            assert_eq!(
                device.unavailable.contains(document),
                !readable,
                "{name} is told {} is unavailable",
                DOCUMENTS[column]
            );
            if readable {
                let key = format!("written-by-{name}");
                device.write(*document, &key).await;
                writes.push((name, column, key));
            }
        }
        device.settle().await;
    }

    // Allowed writes reach the observers; denied ones do not.
    world.observer.settle().await;
    portal_observer.settle().await;
    let mut allowed = 0;
    for (name, column, key) in writes {
        let observer = if column == 5 {
            &portal_observer
        } else {
            &world.observer
        };
        let expected = EXPECTED.iter().find(|(row, _)| *row == name).unwrap().1[column];
        assert_eq!(
            observer.sees(&docs[column], &key),
            expected.may_write(),
            "{name}'s write to {} (granted {expected:?})",
            DOCUMENTS[column]
        );
        allowed += usize::from(expected.may_write());
    }
    assert!(allowed >= 10, "the observers received the allowed writes");
    drop(world.admin);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_portal_contact_sees_only_their_partner_and_a_change_of_assignment_applies_live() {
    let mut world = set_up().await;
    let docs = world.documents;
    let server = &world.server;
    let portal_token = world.portal_session["token"].as_str().unwrap().to_owned();

    // The change feed lists only what the contact may read.
    let (status, feed) = server
        .call(
            "GET",
            "/api/changes?since=0",
            Some(&portal_token),
            json!(null),
        )
        .await;
    assert_eq!(status, 200);
    let listed: BTreeSet<DocumentId> = feed["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(id_of)
        .collect();
    assert_eq!(
        listed,
        BTreeSet::from([docs[1], docs[4], docs[5]]),
        "{feed}"
    );
    // Partner contacts cannot manage users, see the team's access settings or invite staff.
    for (method, path) in [("GET", "/api/users"), ("GET", "/api/access")] {
        let (status, _) = server
            .call(method, path, Some(&portal_token), json!(null))
            .await;
        assert_eq!(status, 403, "{path}");
    }
    // A sales rep may not invite a contact for a partner they only read.
    let sales = server.sign_in("sales@example.com").await;
    let (status, refused) = server
        .call(
            "POST",
            "/api/invites",
            sales["token"].as_str(),
            json!({ "email": "b@b.example", "name": "", "role": "portal", "partner_id": world.partner_b.to_string() }),
        )
        .await;
    assert_eq!(status, 403, "{refused}");
    assert_eq!(sales["assigned"], json!([world.partner_a.to_string()]));

    // A token of one user with another user's peer id: refused.
    let (mut socket, _) = tokio_tungstenite::connect_async(format!(
        "{}/sync?token={}",
        server.base.replace("http://", "ws://"),
        sales["token"].as_str().unwrap()
    ))
    .await
    .unwrap();
    let join = partnero::sync::Message::Join {
        sender_id: world.portal_session["peer_id"].as_str().unwrap().to_owned(),
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

    // The sales rep reads B; once B is assigned to them, their next write on the same
    // connection is accepted.
    let mut rep = Device::connect(server, sales.clone()).await;
    rep.request(docs[2]).await;
    rep.settle().await;
    assert!(rep.has(&docs[2]));
    rep.write(docs[2], "before-assignment").await;
    rep.settle().await;
    world.observer.settle().await;
    assert!(!world.observer.sees(&docs[2], "before-assignment"));
    let (status, patched) = server
        .call(
            "PATCH",
            &format!("/api/users/{}", world.users["sales"]),
            world.admin.session["token"].as_str(),
            json!({ "assigned": [world.partner_a.to_string(), world.partner_b.to_string()] }),
        )
        .await;
    assert_eq!(status, 200, "{patched}");
    rep.write(docs[2], "after-assignment").await;
    rep.settle().await;
    world.observer.settle().await;
    assert!(world.observer.sees(&docs[2], "after-assignment"));

    // Deactivating the rep closes their live connection.
    let (status, _) = server
        .call(
            "PATCH",
            &format!("/api/users/{}", world.users["sales"]),
            world.admin.session["token"].as_str(),
            json!({ "disabled": true }),
        )
        .await;
    assert_eq!(status, 200);
    let closed = tokio::time::timeout(Duration::from_secs(5), async {
        loop {
            match rep.socket.next().await {
                Some(Ok(WsMessage::Close(frame))) => {
                    return frame.map(|frame| u16::from(frame.code))
                }
                Some(Ok(_)) => {}
                _ => return None,
            }
        }
    })
    .await
    .unwrap();
    assert_eq!(closed, Some(4001));
    let (status, _) = server
        .call("GET", "/api/session", sales["token"].as_str(), json!(null))
        .await;
    assert_eq!(status, 401);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn user_management_validates_and_keeps_an_administrator() {
    let server = TestServer::start(&STAFF[..2]).await;
    let admin = server.sign_in("admin@example.com").await;
    let token = admin["token"].as_str();
    let admin_id = admin["user"]["id"].as_i64().unwrap();
    let (status, body) = server
        .call(
            "PATCH",
            &format!("/api/users/{admin_id}"),
            token,
            json!({ "role": "boss" }),
        )
        .await;
    assert_eq!(status, 400);
    assert!(
        body["error"].as_str().unwrap().starts_with("role:"),
        "{body}"
    );
    let (status, body) = server
        .call(
            "PATCH",
            &format!("/api/users/{admin_id}"),
            token,
            json!({ "assigned": ["nope"] }),
        )
        .await;
    assert_eq!(status, 400);
    assert!(
        body["error"].as_str().unwrap().starts_with("assigned:"),
        "{body}"
    );
    for change in [json!({ "role": "viewer" }), json!({ "disabled": true })] {
        let (status, body) = server
            .call("PATCH", &format!("/api/users/{admin_id}"), token, change)
            .await;
        assert_eq!(status, 409, "{body}");
        assert!(body["error"]
            .as_str()
            .unwrap()
            .contains("last active administrator"));
        // What the interface words in the administrator's language.
        assert_eq!(body["refusal"]["code"], "last-administrator", "{body}");
    }
    let (status, body) = server
        .call(
            "PUT",
            "/api/access",
            token,
            json!({ "denied": { "sales": ["salaries"] } }),
        )
        .await;
    assert_eq!(status, 400);
    assert!(
        body["error"].as_str().unwrap().starts_with("denied.sales:"),
        "{body}"
    );
    let manager = server.sign_in("manager@example.com").await;
    let (status, body) = server
        .call("GET", "/api/users", manager["token"].as_str(), json!(null))
        .await;
    assert_eq!(status, 403);
    assert_eq!(
        partnero::model::ServerError::from_answer(status, &body.to_string()),
        partnero::model::ServerError::AdministratorsOnly
    );
    let (status, access) = server
        .call("GET", "/api/access", manager["token"].as_str(), json!(null))
        .await;
    assert_eq!(
        (status, access["denied"]["sales"].clone()),
        (200, json!([]))
    );
    let (status, _) = server
        .call(
            "POST",
            "/api/invites",
            manager["token"].as_str(),
            json!({ "email": "new@example.com", "name": "", "role": "sales" }),
        )
        .await;
    assert_eq!(status, 403, "only administrators invite staff");
    let (status, listed) = server.call("GET", "/api/users", token, json!(null)).await;
    assert_eq!(status, 200);
    let me = listed["users"]
        .as_array()
        .unwrap()
        .iter()
        .find(|user| user["id"] == admin_id)
        .unwrap()
        .clone();
    assert_eq!(me["active_sessions"], 1);
    // A user added by `user add` while the server runs (straight into the database).
    Database::open(server._data.path())
        .unwrap()
        .add_user_with_role(
            "late@example.com",
            "",
            PASSWORD,
            Role::Viewer,
            now_seconds(),
        )
        .await
        .unwrap();
    let late = server.sign_in("late@example.com").await;
    assert_eq!(late["user"]["role"], "viewer");
    let (status, revoked) = server
        .call(
            "POST",
            &format!("/api/users/{admin_id}/revoke-sessions"),
            token,
            json!(null),
        )
        .await;
    assert_eq!((status, revoked["revoked"].clone()), (200, json!(1)));
    let (status, _) = server.call("GET", "/api/session", token, json!(null)).await;
    assert_eq!(status, 401);
}

/// The settings document the server creates at start (named in the workspace) is written by
/// administrators only: a manager's write never reaches an observer, an administrator's does.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_an_administrators_settings_change_reaches_others() {
    let server = TestServer::start(&STAFF).await;
    let mut admin = Device::sign_in(&server, "admin@example.com").await;
    let workspace = id_of(&admin.session["workspace_id"]);
    admin.request(workspace).await;
    admin.settle().await;
    let settings: DocumentId = {
        let doc = &admin.docs.docs[&workspace];
        let (value, _) = doc.get(ROOT, "settings_document").unwrap().unwrap();
        value.as_str().unwrap().parse().unwrap()
    };
    let mut observer = Device::sign_in(&server, "observer@example.com").await;
    let mut manager = Device::sign_in(&server, "manager@example.com").await;
    for device in [&mut admin, &mut observer, &mut manager] {
        device.request(settings).await;
        device.settle().await;
        assert!(device.has(&settings), "staff read the settings");
    }
    manager.write(settings, "manager_probe").await;
    manager.settle().await;
    admin.write(settings, "admin_probe").await;
    admin.settle().await;
    observer.settle().await;
    assert!(observer.sees(&settings, "admin_probe"));
    assert!(!observer.sees(&settings, "manager_probe"));
}
