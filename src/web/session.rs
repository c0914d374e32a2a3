//! The signed-in session on this device: sign-in and sign-out against the server's API, and the
//! session kept in localStorage (through gloo-storage) so the app opens signed in, offline too.
//!
//! The token is a bearer secret: it is stored only here and sent only to this origin.

use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::model::{Role, Section, ServerError, Subject};

const SESSION_KEY: &str = "partnero.session";

/// The user as the server describes them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionUser {
    /// The server's user id (absent in sessions kept by older versions).
    #[serde(default)]
    pub id: i64,
    pub email: String,
    pub name: String,
    pub is_admin: bool,
    /// The role's name (`crate::model::Role`); older sessions had none and were managers or
    /// administrators.
    #[serde(default)]
    pub role: Option<String>,
}

/// What `/api/sign-in` returns and this device keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredSession {
    pub token: String,
    /// The only peer id the server lets this session sync as.
    pub peer_id: String,
    /// The team's workspace document.
    pub workspace_id: String,
    pub user: SessionUser,
    /// Seconds since the Unix epoch.
    pub expires_at: i64,
    /// For a partner contact: the partner whose record they may see.
    #[serde(default)]
    pub portal_partner: Option<String>,
    /// Partners assigned to this user (sales reps write these).
    #[serde(default)]
    pub assigned: Vec<String>,
    /// Sections denied to this user's role.
    #[serde(default)]
    pub denied: Vec<Section>,
}

impl StoredSession {
    /// The user's role; sessions kept by versions before roles were administrators or
    /// managers.
    pub fn role(&self) -> Role {
        self.user
            .role
            .as_deref()
            .and_then(|text| text.parse().ok())
            .unwrap_or(if self.user.is_admin {
                Role::Admin
            } else {
                Role::Manager
            })
    }

    /// The user as the permission rule sees them (`crate::model::grant`).
    pub fn subject(&self) -> Subject {
        Subject {
            user_id: self.user.id,
            role: Some(self.role()),
            portal_partner: self
                .portal_partner
                .as_deref()
                .and_then(|text| text.parse().ok()),
            assigned: self
                .assigned
                .iter()
                .filter_map(|text| text.parse().ok())
                .collect(),
            denied: self.denied.iter().copied().collect(),
        }
    }
}

/// The session kept on this device, if any.
pub fn stored_session() -> Option<StoredSession> {
    LocalStorage::get(SESSION_KEY).ok()
}

/// Forgets the session on this device.
pub fn forget_session() {
    LocalStorage::delete(SESSION_KEY);
}

fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .unwrap_or_else(|| format!("{error:?}"))
}

fn browser(error: JsValue) -> ServerError {
    ServerError::Browser {
        detail: describe(error),
    }
}

/// POSTs JSON (or nothing) and returns the status and body text. A network failure is an error
/// saying the server cannot be reached.
async fn post(
    path: &str,
    body: Option<String>,
    token: Option<&str>,
) -> Result<(u16, String), ServerError> {
    send("POST", path, body, token).await
}

/// Sends a request with an optional JSON body and bearer token; returns the status and body.
async fn send(
    method: &str,
    path: &str,
    body: Option<String>,
    token: Option<&str>,
) -> Result<(u16, String), ServerError> {
    let window = web_sys::window().ok_or_else(|| browser("no window".into()))?;
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    let headers = web_sys::Headers::new().map_err(browser)?;
    if let Some(body) = &body {
        headers
            .set("Content-Type", "application/json")
            .map_err(browser)?;
        init.set_body(&JsValue::from_str(body));
    }
    if let Some(token) = token {
        headers
            .set("Authorization", &format!("Bearer {token}"))
            .map_err(browser)?;
    }
    init.set_headers(&headers);
    let request = web_sys::Request::new_with_str_and_init(path, &init).map_err(browser)?;
    let response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|_| ServerError::Unreachable)?;
    let response: web_sys::Response = response.dyn_into().map_err(browser)?;
    let text = JsFuture::from(response.text().map_err(browser)?)
        .await
        .map_err(browser)?;
    Ok((response.status(), text.as_string().unwrap_or_default()))
}

/// Signs in and keeps the session on this device.
pub async fn sign_in(email: &str, password: &str) -> Result<StoredSession, ServerError> {
    let body = serde_json::json!({ "email": email, "password": password }).to_string();
    let session: StoredSession = api("POST", "/api/sign-in", Some(body), None).await?;
    keep_session(&session).map_err(|detail| ServerError::Browser { detail })?;
    Ok(session)
}

/// Keeps a session on this device (after signing in, accepting an invitation, or refreshing).
pub fn keep_session(session: &StoredSession) -> Result<(), String> {
    LocalStorage::set(SESSION_KEY, session)
        .map_err(|error| format!("cannot keep the session on this device: {error}"))
}

/// Decodes a successful answer's body.
fn decode<T: serde::de::DeserializeOwned>(status: u16, text: &str) -> Result<T, ServerError> {
    let text = if text.is_empty() { "null" } else { text };
    serde_json::from_str(text).map_err(|error| ServerError::UnexpectedAnswer {
        status,
        detail: error.to_string(),
    })
}

/// Calls the server's JSON API and decodes a successful answer; an error answer becomes the
/// server's refusal (`ServerError::from_answer`), which the interface words.
pub async fn api<T: serde::de::DeserializeOwned>(
    method: &str,
    path: &str,
    body: Option<String>,
    token: Option<&str>,
) -> Result<T, ServerError> {
    let (status, text) = send(method, path, body, token).await?;
    if !(200..300).contains(&status) {
        return Err(ServerError::from_answer(status, &text));
    }
    decode(status, &text)
}

/// The session as the server sees it now (role, assignments and denials change while a device
/// is signed in). The token stays the one this device has. `Ok(None)` when the server says the
/// session is no longer valid (signed out elsewhere, revoked, deactivated).
pub async fn refresh_session(
    session: &StoredSession,
) -> Result<Option<StoredSession>, ServerError> {
    let (status, text) = send("GET", "/api/session", None, Some(&session.token)).await?;
    if status == 401 {
        return Ok(None);
    }
    if status != 200 {
        return Err(ServerError::from_answer(status, &text));
    }
    #[derive(Deserialize)]
    struct Current {
        peer_id: String,
        workspace_id: String,
        user: SessionUser,
        expires_at: i64,
        #[serde(default)]
        portal_partner: Option<String>,
        #[serde(default)]
        assigned: Vec<String>,
        #[serde(default)]
        denied: Vec<Section>,
    }
    let current: Current = decode(status, &text)?;
    let refreshed = StoredSession {
        token: session.token.clone(),
        peer_id: current.peer_id,
        workspace_id: current.workspace_id,
        user: current.user,
        expires_at: current.expires_at,
        portal_partner: current.portal_partner,
        assigned: current.assigned,
        denied: current.denied,
    };
    keep_session(&refreshed).map_err(|detail| ServerError::Browser { detail })?;
    Ok(Some(refreshed))
}

/// Revokes the session on the server (best effort: offline, it simply expires) and forgets it.
pub async fn sign_out(session: &StoredSession) {
    let _ = post("/api/sign-out", None, Some(&session.token)).await;
    forget_session();
}

/// What the change feed returns: its position and the documents changed since `since`.
#[derive(Debug, Clone, Deserialize)]
pub struct ChangeFeed {
    pub cursor: i64,
    pub documents: Vec<String>,
    /// The server's sync epoch (see `sync::session::FeedPosition`); empty from an older server.
    #[serde(default)]
    pub epoch: String,
}

/// Asks the server which documents changed since position `since` of its change feed.
pub async fn changes_since(token: &str, since: i64) -> Result<ChangeFeed, String> {
    let window = web_sys::window().ok_or("no window")?;
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    let headers = web_sys::Headers::new().map_err(describe)?;
    headers
        .set("Authorization", &format!("Bearer {token}"))
        .map_err(describe)?;
    init.set_headers(&headers);
    let request =
        web_sys::Request::new_with_str_and_init(&format!("/api/changes?since={since}"), &init)
            .map_err(describe)?;
    let response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|_| "the server cannot be reached".to_owned())?;
    let response: web_sys::Response = response.dyn_into().map_err(describe)?;
    if response.status() != 200 {
        return Err(format!("the change feed answered {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(describe)?)
        .await
        .map_err(describe)?;
    serde_json::from_str(&text.as_string().unwrap_or_default())
        .map_err(|error| format!("unexpected change feed: {error}"))
}
