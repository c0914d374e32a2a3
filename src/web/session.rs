//! The signed-in session on this device: sign-in and sign-out against the server's API, and the
//! session kept in localStorage (through gloo-storage) so the app opens signed in, offline too.
//!
//! The token is a bearer secret: it is stored only here and sent only to this origin.

use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

const SESSION_KEY: &str = "partnero.session";

/// The user as the server describes them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionUser {
    pub email: String,
    pub name: String,
    pub is_admin: bool,
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

/// POSTs JSON (or nothing) and returns the status and body text. A network failure is an error
/// saying the server cannot be reached.
async fn post(
    path: &str,
    body: Option<String>,
    token: Option<&str>,
) -> Result<(u16, String), String> {
    let window = web_sys::window().ok_or("no window")?;
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    let headers = web_sys::Headers::new().map_err(describe)?;
    if let Some(body) = &body {
        headers
            .set("Content-Type", "application/json")
            .map_err(describe)?;
        init.set_body(&JsValue::from_str(body));
    }
    if let Some(token) = token {
        headers
            .set("Authorization", &format!("Bearer {token}"))
            .map_err(describe)?;
    }
    init.set_headers(&headers);
    let request = web_sys::Request::new_with_str_and_init(path, &init).map_err(describe)?;
    let response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|_| {
            "the server cannot be reached; check the connection and try again".to_owned()
        })?;
    let response: web_sys::Response = response.dyn_into().map_err(describe)?;
    let text = JsFuture::from(response.text().map_err(describe)?)
        .await
        .map_err(describe)?;
    Ok((response.status(), text.as_string().unwrap_or_default()))
}

/// Signs in and keeps the session on this device.
pub async fn sign_in(email: &str, password: &str) -> Result<StoredSession, String> {
    let body = serde_json::json!({ "email": email, "password": password }).to_string();
    let (status, text) = post("/api/sign-in", Some(body), None).await?;
    if status != 200 {
        let message = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|value| {
                value
                    .get("error")
                    .and_then(|error| error.as_str())
                    .map(str::to_owned)
            })
            .unwrap_or_else(|| format!("the server answered {status}"));
        return Err(message);
    }
    let session: StoredSession = serde_json::from_str(&text)
        .map_err(|error| format!("unexpected answer from the server: {error}"))?;
    LocalStorage::set(SESSION_KEY, &session)
        .map_err(|error| format!("cannot keep the session on this device: {error}"))?;
    Ok(session)
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
