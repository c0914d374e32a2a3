//! The HTTP server: the built PWA with an SPA fallback, the sign-in API, the file store (handlers
//! in `files.rs`), the sync WebSocket and a health endpoint.
//!
//! Caching is part of offline correctness: `index.html` and `sw.js` must always be revalidated
//! so a new deployment is noticed, while Trunk's hashed assets never change under one name and
//! may be cached for good. Request logs carry the path only, never the query string, because a
//! WebSocket client may pass its token there.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::body::Body;
use axum::extract::ws::WebSocketUpgrade;
use axum::extract::{DefaultBodyLimit, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, patch, post};
use axum::{Json, Router};
use samod::Repo;
use serde::Deserialize;
use tokio::net::TcpListener;
use tower::ServiceExt;
use tower_http::services::ServeDir;
use tower_http::trace::TraceLayer;

use crate::accounts::{AccountError, Session};
use crate::connection::{self, SyncContext};
use crate::database::{Database, DurableChanges, SqliteStorage};
use crate::files;
use crate::permissions::Permissions;
use crate::team;
use partnero::model::ServerError;

/// What the server needs to run.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub dist: PathBuf,
    pub data_dir: PathBuf,
    pub max_message_bytes: usize,
    /// Largest file accepted by `PUT /api/files/{sha256}`, in bytes.
    pub max_file_bytes: usize,
    /// Fault injection for tests (see `ServeOptions::fault_write_delay_ms`); zero in production.
    pub fault_write_delay_ms: u64,
}

/// Shared state of the handlers.
#[derive(Clone)]
pub(crate) struct AppState {
    /// Directory of the built app; its `index.html` answers every route of the SPA.
    dist: PathBuf,
    pub(crate) database: Database,
    pub(crate) sync: SyncContext,
    /// The team's workspace document, created on first start and handed to every staff client.
    pub(crate) workspace_id: String,
    /// The same document, for the server's own edits (the portals index).
    pub(crate) workspace: samod::DocHandle,
    /// The sync repo, to create portal workspaces.
    pub(crate) repo: Repo,
    /// The repo's storage, to write a document under an id derived from a partner's.
    pub(crate) storage: SqliteStorage,
    /// Who may read and write what (shared with the share policy).
    pub(crate) permissions: Permissions,
    /// Largest file upload, in bytes (see `files.rs`).
    pub(crate) max_file_bytes: usize,
    /// Names this database's history (see `database::SYNC_EPOCH`): a restore from a backup
    /// gives it a new one, so devices learn that changes they sent after the backup are gone.
    pub(crate) sync_epoch: String,
}

/// One error type for every API answer: a status and a message fit to show, never internals.
pub(crate) struct ApiError(pub(crate) StatusCode, pub(crate) ServerError);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0, Json(self.1.to_json())).into_response()
    }
}

impl From<AccountError> for ApiError {
    fn from(error: AccountError) -> Self {
        match error {
            AccountError::WrongCredentials => {
                ApiError(StatusCode::UNAUTHORIZED, ServerError::WrongCredentials)
            }
            AccountError::InvalidToken => {
                ApiError(StatusCode::UNAUTHORIZED, ServerError::SessionEnded)
            }
            AccountError::InvalidInput(refusal) => ApiError(StatusCode::BAD_REQUEST, refusal),
            AccountError::EmailTaken(email) => {
                ApiError(StatusCode::BAD_REQUEST, ServerError::EmailTaken { email })
            }
            AccountError::NoSuchUser(id) => {
                ApiError(StatusCode::NOT_FOUND, ServerError::NoSuchUser { id })
            }
            AccountError::Conflict(refusal) => ApiError(StatusCode::CONFLICT, refusal),
            AccountError::Database(_) | AccountError::Hashing(_) => {
                tracing::error!(%error, "account operation failed");
                ApiError(StatusCode::INTERNAL_SERVER_ERROR, ServerError::ServerFailed)
            }
        }
    }
}

impl From<crate::database::DatabaseError> for ApiError {
    fn from(error: crate::database::DatabaseError) -> Self {
        AccountError::Database(error).into()
    }
}

/// Milliseconds since the Unix epoch, for index entries the server writes.
pub fn now_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| elapsed.as_millis() as i64)
        .unwrap_or(0)
}

/// Seconds since the Unix epoch, for session expiry.
pub fn now_seconds() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs() as i64)
        .unwrap_or(0)
}

/// The running pieces behind the router, so `run` can stop the repo after the last request.
pub struct Services {
    router: Router,
    repo: Repo,
}

/// Opens the database, the sync repo and the workspace document, and builds the router.
pub async fn build(config: &ServerConfig) -> anyhow::Result<Services> {
    let mut database = Database::open(&config.data_dir)?;
    database.set_fault_write_delay(std::time::Duration::from_millis(
        config.fault_write_delay_ms,
    ));
    let durable = Arc::new(DurableChanges::default());
    let permissions = Permissions::load(database.clone()).await?;
    let storage = database.storage(durable.clone())?;
    // Every document is shared according to the user behind the peer (permissions.rs); the
    // server never announces documents: a client asks for the ones it knows about.
    let policy = permissions.clone();
    let repo = Repo::build_tokio()
        .with_storage(storage.clone())
        .with_peer_id("partnero-server".into())
        .with_share_policy(move |document, peer| policy.share(document, peer))
        .load()
        .await;
    let workspace_id = match database.setting("workspace_id").await? {
        Some(id) => id,
        None => {
            let handle = repo
                .create(new_workspace_document()?)
                .await
                .map_err(|_| anyhow::anyhow!("the sync repo stopped"))?;
            database
                .setting_or_insert("workspace_id", handle.document_id().to_string())
                .await?
        }
    };
    let workspace = ensure_workspace_settings(&repo, &workspace_id).await?;
    ensure_settings_document(&repo, &workspace).await?;
    permissions.set_workspace(workspace_id.parse().map_err(|_| {
        anyhow::anyhow!("the stored workspace id {workspace_id} is not a document id")
    })?);
    permissions.refresh_listing(&workspace).await;
    permissions.watch_workspace(workspace.clone());
    let acceptor = repo
        .make_acceptor(samod::Url::parse("ws://partnero/sync")?)
        .map_err(|_| anyhow::anyhow!("the sync repo stopped"))?;
    let (revocations, _) = tokio::sync::broadcast::channel(64);
    let sync = SyncContext {
        acceptor,
        database: database.clone(),
        durable,
        max_message_bytes: config.max_message_bytes,
        revocations,
        permissions: permissions.clone(),
    };
    let sync_epoch = database
        .setting_or_insert(
            crate::database::SYNC_EPOCH,
            crate::database::new_sync_epoch(),
        )
        .await?;
    let state = AppState {
        sync_epoch,
        dist: config.dist.clone(),
        database,
        sync,
        workspace_id,
        workspace,
        repo: repo.clone(),
        storage,
        permissions,
        max_file_bytes: config.max_file_bytes,
    };
    let router = Router::new()
        .route("/health", get(health))
        .route("/api/sign-in", post(sign_in))
        .route("/api/sign-out", post(sign_out))
        .route("/api/session", get(current_session))
        .route("/api/changes", get(changes))
        .route("/api/users", get(team::list_users))
        .route("/api/users/{id}", patch(team::update_user))
        .route("/api/users/{id}/revoke-sessions", post(team::revoke_sessions))
        .route("/api/invites", post(team::create_invite))
        .route("/api/invites/{token}", get(team::show_invite))
        .route("/api/invites/{token}/accept", post(team::accept_invite))
        .route("/api/access", get(team::show_access).put(team::replace_access))
        // axum's body limit on this route is the file limit, so an upload is never buffered
        // beyond it (the default of 2 MB would refuse legitimate files).
        .route(
            "/api/files/{sha256}",
            get(files::download)
                .put(files::upload)
                .layer(DefaultBodyLimit::max(config.max_file_bytes)),
        )
        .route("/sync", get(sync_socket))
        .fallback(serve_app)
        .with_state(state)
        .layer(middleware::from_fn(cache_headers))
        .layer(TraceLayer::new_for_http().make_span_with(|request: &Request| {
            tracing::info_span!("request", method = %request.method(), path = %loggable_path(request.uri().path()))
        }));
    Ok(Services { router, repo })
}

/// The workspace document in the shape the app expects (`partnero::model::Workspace`), written
/// from the model itself so the two cannot drift apart.
fn new_workspace_document() -> anyhow::Result<automerge::Automerge> {
    let mut doc = automerge::AutoCommit::new();
    autosurgeon::reconcile(&mut doc, partnero::model::Workspace::new())?;
    doc.commit();
    Ok(doc.document().clone())
}

/// Gives a workspace document created before settings existed its `settings` map, written once
/// here on the server: if devices created it, two of them doing so concurrently would leave one
/// map (and the rules set in it) hidden behind the other after the merge.
async fn ensure_workspace_settings(repo: &Repo, id: &str) -> anyhow::Result<samod::DocHandle> {
    let document_id: samod::DocumentId = id
        .parse()
        .map_err(|_| anyhow::anyhow!("the stored workspace id {id} is not a document id"))?;
    let Some(handle) = repo
        .find(document_id)
        .await
        .map_err(|_| anyhow::anyhow!("the sync repo stopped"))?
    else {
        anyhow::bail!("the workspace document {id} is missing from the database");
    };
    handle.with_document(upgrade_workspace)?;
    Ok(handle)
}

/// Adds to a workspace document what later versions keep in it (the settings, settings
/// added since, the finance, banking and activity indexes), each created once, here, rather than by
/// devices that could create the same map concurrently and hide one of them.
fn upgrade_workspace(doc: &mut automerge::Automerge) -> anyhow::Result<()> {
    use automerge::ReadDoc;
    if doc.get(automerge::ROOT, "settings")?.is_none() {
        let mut transaction = doc.transaction();
        autosurgeon::reconcile_prop(
            &mut transaction,
            automerge::ROOT,
            "settings",
            partnero::model::WorkspaceSettings::default(),
        )?;
        transaction.commit();
        tracing::info!("added default settings to the workspace document");
    }
    // Settings added by later versions, created inside the settings map once, here.
    if let Some((automerge::Value::Object(_), settings)) = doc.get(automerge::ROOT, "settings")? {
        let defaults = partnero::model::WorkspaceSettings::default();
        for key in ["alert_rules", "templates"] {
            if doc.get(&settings, key)?.is_none() {
                let mut transaction = doc.transaction();
                match key {
                    "alert_rules" => autosurgeon::reconcile_prop(
                        &mut transaction,
                        &settings,
                        key,
                        defaults.alert_rules,
                    )?,
                    _ => autosurgeon::reconcile_prop(
                        &mut transaction,
                        &settings,
                        key,
                        &defaults.templates,
                    )?,
                }
                transaction.commit();
                tracing::info!(setting = key, "added a setting to the workspace document");
            }
        }
    }
    // The indexes of finance, activity and portal documents, created here once for the
    // same reason as the settings: two devices creating a map concurrently would hide one.
    for key in ["finance", "banking", "activity", "portals"] {
        if doc.get(automerge::ROOT, key)?.is_none() {
            let mut transaction = doc.transaction();
            autosurgeon::reconcile_prop(
                &mut transaction,
                automerge::ROOT,
                key,
                std::collections::BTreeMap::<String, partnero::model::CompanionEntry>::new(),
            )?;
            transaction.commit();
            tracing::info!(index = key, "added an index to the workspace document");
        }
    }
    Ok(())
}

/// Gives the team its settings document, once: a document of its own so that only
/// administrators can write the settings (managers and sales reps write the workspace to
/// register partners, and permissions are granted by document). It starts with the
/// workspace's current settings, so nothing set so far is lost, and its id is written into the
/// workspace (`settings_document`), which is how devices and `permissions.rs` learn it. The
/// workspace's own `settings` map is kept as it is: older app versions still read it.
///
/// Created here rather than by devices for the same reason as the maps above: two devices
/// creating it concurrently would make two settings documents. A crash between the creation
/// and the workspace write leaves an unnamed document nobody reads; the next start makes
/// another.
async fn ensure_settings_document(repo: &Repo, workspace: &samod::DocHandle) -> anyhow::Result<()> {
    let Some(settings) = workspace.with_document(|doc| settings_document_to_create(doc))? else {
        return Ok(());
    };
    let handle = repo
        .create(settings)
        .await
        .map_err(|_| anyhow::anyhow!("the sync repo stopped"))?;
    let id = handle.document_id().to_string();
    workspace.with_document(|doc| name_settings_document(doc, &id))?;
    tracing::info!(document = %id, "moved the settings into a settings document");
    Ok(())
}

/// The settings document to create for a workspace that names none yet, holding the
/// workspace's current settings; `None` when it names one.
fn settings_document_to_create(
    doc: &automerge::Automerge,
) -> anyhow::Result<Option<automerge::Automerge>> {
    use automerge::ReadDoc;
    if let Some((automerge::Value::Scalar(id), _)) =
        doc.get(automerge::ROOT, "settings_document")?
    {
        if id.as_str().is_some() {
            return Ok(None);
        }
    }
    let settings: Option<partnero::model::WorkspaceSettings> =
        autosurgeon::hydrate_prop(doc, automerge::ROOT, "settings")?;
    Ok(Some(partnero::registry::new_settings_document(
        &settings.unwrap_or_default(),
        automerge::ActorId::random(),
    )?))
}

/// Writes the settings document's id into the workspace (the server's edit, like the maps
/// `upgrade_workspace` adds).
fn name_settings_document(doc: &mut automerge::Automerge, id: &str) -> anyhow::Result<()> {
    use automerge::transaction::Transactable;
    let mut transaction = doc.transaction();
    transaction.put(automerge::ROOT, "settings_document", id)?;
    transaction.commit();
    Ok(())
}

/// Serves until `shutdown` resolves, finishes the requests in flight, then waits for every
/// pending storage write before returning.
pub async fn run(
    listener: TcpListener,
    config: ServerConfig,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    if !config.dist.join("index.html").is_file() {
        tracing::warn!(dist = %config.dist.display(), "no index.html in the app directory; build the app with `trunk build --release`");
    }
    let services = build(&config).await?;
    tracing::info!(address = %listener.local_addr()?, dist = %config.dist.display(), data = %config.data_dir.display(), "serving Partnero");
    axum::serve(listener, services.router)
        .with_graceful_shutdown(shutdown)
        .await?;
    services.repo.stop().await;
    Ok(())
}

async fn health() -> Json<serde_json::Value> {
    Json(serde_json::json!({ "status": "ok", "version": env!("CARGO_PKG_VERSION") }))
}

#[derive(Deserialize)]
struct SignInRequest {
    email: String,
    password: String,
}

async fn sign_in(
    State(state): State<AppState>,
    body: Result<Json<SignInRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(request) = body.map_err(|rejection| {
        ApiError(
            StatusCode::BAD_REQUEST,
            ServerError::BadRequest {
                detail: format!(
                    "expected {{\"email\", \"password\"}} as JSON: {}",
                    rejection.body_text()
                ),
            },
        )
    })?;
    let signed_in = state
        .database
        .sign_in(&request.email, &request.password, now_seconds())
        .await;
    match &signed_in {
        Ok(done) => tracing::info!(user = done.user.id, peer = %done.peer_id, "signed in"),
        Err(AccountError::WrongCredentials) => {
            tracing::info!("sign-in refused: wrong email or password")
        }
        Err(_) => {}
    }
    let signed_in = signed_in?;
    state.permissions.ensure_loaded(signed_in.user.id).await?;
    Ok(Json(team::session_json(
        &state,
        Some(&signed_in.token),
        &signed_in.peer_id,
        &signed_in.user,
        signed_in.expires_at,
    )?)
    .into_response())
}

/// The bearer token of a request: the `Authorization` header, or `?token=` for WebSocket
/// clients that cannot set headers.
fn bearer_token(headers: &HeaderMap, query: &TokenQuery) -> Option<String> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .map(str::to_owned)
        .or_else(|| query.token.clone())
}

#[derive(Deserialize, Default)]
pub(crate) struct TokenQuery {
    token: Option<String>,
}

pub(crate) async fn authenticate(
    state: &AppState,
    headers: &HeaderMap,
    query: &TokenQuery,
) -> Result<(String, Session), ApiError> {
    let token = bearer_token(headers, query)
        .ok_or(ApiError(StatusCode::UNAUTHORIZED, ServerError::NotSignedIn))?;
    let session = state.database.authenticate(&token, now_seconds()).await?;
    state.permissions.ensure_loaded(session.user.id).await?;
    Ok((token, session))
}

async fn sign_out(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<StatusCode, ApiError> {
    let (token, session) = authenticate(&state, &headers, &TokenQuery::default()).await?;
    state.database.sign_out(&token, now_seconds()).await?;
    let _ = state.sync.revocations.send(session.id);
    tracing::info!(user = session.user.id, "signed out");
    Ok(StatusCode::NO_CONTENT)
}

async fn current_session(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<TokenQuery>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let (_, session) = authenticate(&state, &headers, &query).await?;
    Ok(Json(team::session_json(
        &state,
        None,
        &session.peer_id,
        &session.user,
        session.expires_at,
    )?))
}

#[derive(Deserialize)]
struct ChangesQuery {
    #[serde(default)]
    since: i64,
}

/// The change feed: documents changed after position `since`, the current position, and the
/// epoch the positions belong to. A reconnecting client syncs those (and its own changes)
/// instead of every document it holds; a client that sees a new epoch syncs everything.
async fn changes(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<ChangesQuery>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let (_, session) = authenticate(&state, &headers, &TokenQuery::default()).await?;
    let (cursor, documents) = state
        .database
        .changes_since(query.since)
        .await
        .map_err(|error| {
            tracing::error!(%error, "change feed failed");
            ApiError(StatusCode::INTERNAL_SERVER_ERROR, ServerError::ServerFailed)
        })?;
    // Only documents this user may read: the feed would otherwise tell a portal contact
    // (or a role denied finance) which documents exist and when they change.
    let documents: Vec<String> = documents
        .into_iter()
        .filter(|document| {
            document
                .parse::<partnero::model::DocumentId>()
                .is_ok_and(|id| {
                    state
                        .permissions
                        .grant_for_user(session.user.id, &id)
                        .may_read()
                })
        })
        .collect();
    Ok(Json(
        serde_json::json!({ "cursor": cursor, "documents": documents, "epoch": state.sync_epoch }),
    ))
}

/// The sync endpoint: refused with 401 before the upgrade unless the token is valid.
async fn sync_socket(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<TokenQuery>,
    upgrade: WebSocketUpgrade,
) -> Result<Response, ApiError> {
    let (_, session) = authenticate(&state, &headers, &query).await?;
    let limit = state.sync.max_message_bytes;
    // axum's own limit sits well above ours so that our reader sees the size and closes with a
    // clear reason; anything far bigger is refused by axum while it reads.
    let context = state.sync.clone();
    let hard_limit = limit.saturating_mul(4);
    Ok(upgrade
        .max_message_size(hard_limit)
        .max_frame_size(hard_limit)
        .on_upgrade(move |socket| connection::serve(socket, session, context)))
}

/// A file from dist/ (its `.gz` copy to a client that accepts gzip) if it exists; otherwise `index.html` for app routes (no file extension), so
/// a reload on `/partners/…` works; a missing asset stays a 404 rather than HTML in disguise.
async fn serve_app(State(state): State<AppState>, request: Request) -> Response {
    let path = request.uri().path().to_owned();
    // Trunk's post-build hook writes a gzip copy of each asset (Trunk.toml): the wasm is a
    // quarter of its size that way, which is most of a first visit on a slow network.
    let served = ServeDir::new(&state.dist)
        .precompressed_gzip()
        .oneshot(request)
        .await;
    match served {
        Ok(response) if response.status() != StatusCode::NOT_FOUND => response.map(Body::new),
        _ if looks_like_app_route(&path) => index_html(&state.dist).await,
        _ => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

/// A request path fit for the log: an invitation's token (in `/api/invites/{token}` and the
/// app's `/invite/{token}` page) is as good as a password until it is used.
fn loggable_path(path: &str) -> std::borrow::Cow<'_, str> {
    for prefix in ["/api/invites/", "/invite/"] {
        if let Some(rest) = path.strip_prefix(prefix) {
            let after_token = rest.find('/').map_or("", |slash| &rest[slash..]);
            return format!("{prefix}…{after_token}").into();
        }
    }
    path.into()
}

fn looks_like_app_route(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or_default();
    !last.contains('.') && !path.starts_with("/api/")
}

async fn index_html(dist: &Path) -> Response {
    match tokio::fs::read(dist.join("index.html")).await {
        Ok(bytes) => ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], bytes).into_response(),
        Err(error) => {
            tracing::error!(%error, dist = %dist.display(), "cannot read index.html");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "Partnero is not built yet: run `trunk build --release` and restart the server",
            )
                .into_response()
        }
    }
}

/// Revalidate the entry points on every load; let hashed assets be cached. A handler that sets
/// its own policy keeps it (files under `/api/files/` are named by their hash and immutable).
async fn cache_headers(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    let policy = if path == "/sw.js"
        || path == "/health"
        || path.starts_with("/api/")
        || looks_like_app_route(&path)
        || path.ends_with(".html")
        || path.ends_with(".webmanifest")
    {
        "no-cache"
    } else {
        "public, max-age=31536000, immutable"
    };
    if response.status().is_success() && !response.headers().contains_key(header::CACHE_CONTROL) {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    }
    response
}

#[cfg(test)]
mod tests {
    use automerge::transaction::Transactable;
    use automerge::ReadDoc;

    use super::{
        loggable_path, name_settings_document, settings_document_to_create, upgrade_workspace,
    };

    #[test]
    fn invitation_tokens_stay_out_of_the_log() {
        assert_eq!(
            loggable_path("/api/invites/abc123/accept"),
            "/api/invites/…/accept"
        );
        assert_eq!(loggable_path("/api/invites/abc123"), "/api/invites/…");
        assert_eq!(loggable_path("/invite/abc123"), "/invite/…");
        assert_eq!(loggable_path("/api/invites"), "/api/invites");
        assert_eq!(loggable_path("/partners/x"), "/partners/x");
    }

    /// A workspace as the first version wrote it: a schema version and the partner index.
    fn first_version_workspace() -> automerge::Automerge {
        let mut doc = automerge::Automerge::new();
        let mut transaction = doc.transaction();
        transaction
            .put(automerge::ROOT, "schema_version", 1_u64)
            .unwrap();
        transaction
            .put_object(automerge::ROOT, "partners", automerge::ObjType::Map)
            .unwrap();
        transaction.commit();
        doc
    }

    /// A workspace written by the first version (partners only) gains settings with the
    /// newer ones, and the finance and activity indexes; a second pass changes nothing.
    #[test]
    fn an_old_workspace_gains_what_later_versions_keep_in_it() {
        let mut doc = first_version_workspace();
        upgrade_workspace(&mut doc).unwrap();
        let workspace: partnero::model::Workspace = autosurgeon::hydrate(&doc).unwrap();
        assert_eq!(
            workspace.settings,
            partnero::model::WorkspaceSettings::default()
        );
        assert!(!workspace.settings.templates.is_empty());
        for key in ["settings", "finance", "banking", "activity", "portals"] {
            assert!(doc.get(automerge::ROOT, key).unwrap().is_some(), "{key}");
        }
        let heads = doc.get_heads();
        upgrade_workspace(&mut doc).unwrap();
        assert_eq!(doc.get_heads(), heads, "nothing to add the second time");
    }

    /// Settings saved before alert rules and templates existed keep their values and gain
    /// the defaults of the new keys.
    #[test]
    fn older_settings_keep_their_values_and_gain_new_keys() {
        let mut doc = automerge::Automerge::new();
        let mut transaction = doc.transaction();
        let settings = transaction
            .put_object(automerge::ROOT, "settings", automerge::ObjType::Map)
            .unwrap();
        transaction
            .put(&settings, "expiry_warning_days", 45_u64)
            .unwrap();
        transaction.commit();
        upgrade_workspace(&mut doc).unwrap();
        let (_, settings) = doc.get(automerge::ROOT, "settings").unwrap().unwrap();
        for key in ["alert_rules", "templates"] {
            assert!(doc.get(&settings, key).unwrap().is_some(), "{key}");
        }
        assert_eq!(
            doc.get(&settings, "expiry_warning_days")
                .unwrap()
                .unwrap()
                .0
                .as_u64(),
            Some(45)
        );
    }

    /// A workspace without a settings document gets one holding its current settings (rules
    /// set so far carry over), named in the workspace; the workspace's own settings map stays
    /// for older clients; once named, nothing more is created.
    #[test]
    fn the_settings_move_into_a_document_named_in_the_workspace() {
        let mut doc = first_version_workspace();
        upgrade_workspace(&mut doc).unwrap();
        let mut settings: partnero::model::WorkspaceSettings =
            autosurgeon::hydrate_prop(&doc, automerge::ROOT, "settings").unwrap();
        settings.expiry_warning_days = 45;
        let mut transaction = doc.transaction();
        autosurgeon::reconcile_prop(&mut transaction, automerge::ROOT, "settings", &settings)
            .unwrap();
        transaction.commit();

        let created = settings_document_to_create(&doc).unwrap().expect("created");
        let moved: partnero::model::WorkspaceSettings = autosurgeon::hydrate(&created).unwrap();
        assert_eq!(moved, settings);
        let version: u64 =
            autosurgeon::hydrate_prop(&created, automerge::ROOT, "schema_version").unwrap();
        assert_eq!(version, partnero::model::SETTINGS_SCHEMA_VERSION);

        let id = partnero::model::DocumentId::from_random_bytes([7; 16]).to_string();
        name_settings_document(&mut doc, &id).unwrap();
        let workspace: partnero::model::Workspace = autosurgeon::hydrate(&doc).unwrap();
        assert_eq!(workspace.settings_document, Some(id));
        assert_eq!(
            workspace.settings, settings,
            "the old map stays for older clients"
        );
        assert!(settings_document_to_create(&doc).unwrap().is_none());
        let listing = crate::permissions::read_listing(&doc);
        assert_eq!(
            listing.settings,
            Some(partnero::model::DocumentId::from_random_bytes([7; 16]))
        );
    }
}
