//! The file store over real HTTP on a loopback port with a real database file: upload and
//! download across devices, cache headers, tokens, wrong hashes, media types, the size limit
//! (declared and chunked), idempotent re-uploads, and files surviving a restart.

use std::path::Path;
use std::time::Duration;

use partnero_sync_server::database::Database;
use partnero_sync_server::files::{file_id, DEFAULT_MAX_FILE_BYTES};
use partnero_sync_server::server::{self, now_seconds, ServerConfig};
use reqwest::header::{AUTHORIZATION, CACHE_CONTROL, CONTENT_TYPE, ETAG, IF_NONE_MATCH};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::oneshot;

const PASSWORD: &str = "correct horse battery";

/// A server running in this process on a free loopback port, over a data directory the test
/// owns (so a second server can open the same one).
struct TestServer {
    base: String,
    stop: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<anyhow::Result<()>>>,
}

impl TestServer {
    async fn start(data: &Path, max_file_bytes: usize) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let (stop, stopped) = oneshot::channel::<()>();
        let config = ServerConfig {
            dist: data.to_owned(),
            data_dir: data.to_owned(),
            max_message_bytes: 1 << 20,
            max_file_bytes,
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

    /// Graceful shutdown, as on SIGTERM.
    async fn stop(mut self) {
        self.stop.take().unwrap().send(()).unwrap();
        tokio::time::timeout(Duration::from_secs(10), self.task.take().unwrap())
            .await
            .expect("stops in time")
            .unwrap()
            .unwrap();
    }

    fn url(&self, sha256: &str) -> String {
        format!("{}/api/files/{sha256}", self.base)
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

/// A data directory with users `ana@example.com` and `ben@example.com`.
async fn data_dir() -> tempfile::TempDir {
    let data = tempfile::tempdir().unwrap();
    let database = Database::open(data.path()).unwrap();
    for email in ["ana@example.com", "ben@example.com"] {
        database
            .add_user(email, "", PASSWORD, false, now_seconds())
            .await
            .unwrap();
    }
    data
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

/// Signs in and returns the session token.
async fn sign_in(base: &str, email: &str) -> String {
    let response = reqwest::Client::new()
        .post(format!("{base}/api/sign-in"))
        .json(&serde_json::json!({ "email": email, "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200, "sign-in of {email}");
    let body: serde_json::Value = response.json().await.unwrap();
    body["token"].as_str().unwrap().to_owned()
}

/// Some bytes that look like a PNG (the server does not inspect them).
fn png(seed: u8, len: usize) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend((0..len).map(|index| (index as u8).wrapping_mul(31).wrapping_add(seed)));
    bytes
}

/// `PUT` with an optional token and media type; the status and the JSON answer.
async fn put(
    url: &str,
    token: Option<&str>,
    media_type: Option<&str>,
    body: Vec<u8>,
) -> (u16, serde_json::Value) {
    let mut request = reqwest::Client::new().put(url).body(body);
    if let Some(token) = token {
        request = request.header(AUTHORIZATION, format!("Bearer {token}"));
    }
    if let Some(media_type) = media_type {
        request = request.header(CONTENT_TYPE, media_type);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}

async fn get(url: &str, token: Option<&str>) -> reqwest::Response {
    let mut request = reqwest::Client::new().get(url);
    if let Some(token) = token {
        request = request.header(AUTHORIZATION, format!("Bearer {token}"));
    }
    request.send().await.unwrap()
}

fn header(response: &reqwest::Response, name: reqwest::header::HeaderName) -> String {
    response
        .headers()
        .get(name)
        .map(|value| value.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

fn error_of(body: &serde_json::Value) -> &str {
    body["error"].as_str().unwrap_or_default()
}

#[tokio::test]
async fn a_file_uploaded_by_one_device_downloads_on_another_with_immutable_caching() {
    let data = data_dir().await;
    let server = TestServer::start(data.path(), DEFAULT_MAX_FILE_BYTES).await;
    let phone = sign_in(&server.base, "ana@example.com").await;
    let laptop = sign_in(&server.base, "ben@example.com").await;
    let bytes = png(1, 300_000);
    let id = file_id(&bytes);
    let url = server.url(&id);

    let (status, body) = put(&url, Some(&phone), Some("image/png"), bytes.clone()).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["sha256"], id.as_str());
    assert_eq!(body["size"], bytes.len());

    for token in [&phone, &laptop] {
        let response = get(&url, Some(token)).await;
        assert_eq!(response.status().as_u16(), 200);
        assert_eq!(header(&response, CONTENT_TYPE), "image/png");
        assert_eq!(
            header(&response, CACHE_CONTROL),
            "private, max-age=31536000, immutable"
        );
        assert_eq!(header(&response, ETAG), format!("\"{id}\""));
        assert_eq!(response.bytes().await.unwrap().as_ref(), bytes.as_slice());
    }

    // HEAD answers the same headers without the bytes.
    let response = reqwest::Client::new()
        .head(&url)
        .header(AUTHORIZATION, format!("Bearer {laptop}"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(header(&response, ETAG), format!("\"{id}\""));
    assert!(response.bytes().await.unwrap().is_empty());

    // A client revalidating what it holds gets 304 and no bytes.
    let response = reqwest::Client::new()
        .get(&url)
        .header(AUTHORIZATION, format!("Bearer {laptop}"))
        .header(IF_NONE_MATCH, format!("\"{id}\""))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 304);
    assert_eq!(header(&response, ETAG), format!("\"{id}\""));

    // A retry (say, after the answer was lost) is 200, from either device.
    let (status, body) = put(&url, Some(&laptop), Some("image/png"), bytes.clone()).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["sha256"], id.as_str());
    let response = get(&url, Some(&phone)).await;
    assert_eq!(response.bytes().await.unwrap().as_ref(), bytes.as_slice());

    // Each allowed type is accepted and served back as uploaded.
    for (seed, media_type) in ["image/jpeg", "image/webp", "image/heic", "application/pdf"]
        .into_iter()
        .enumerate()
    {
        let bytes = png(10 + seed as u8, 100);
        let url = server.url(&file_id(&bytes));
        assert_eq!(
            put(&url, Some(&phone), Some(media_type), bytes).await.0,
            201
        );
        assert_eq!(
            header(&get(&url, Some(&laptop)).await, CONTENT_TYPE),
            media_type
        );
    }
    server.stop().await;
}

#[tokio::test]
async fn files_need_a_valid_session_token() {
    let data = data_dir().await;
    let server = TestServer::start(data.path(), DEFAULT_MAX_FILE_BYTES).await;
    let bytes = png(2, 1000);
    let url = server.url(&file_id(&bytes));

    for token in [None, Some("made-up-token")] {
        let (status, body) = put(&url, token, Some("image/png"), bytes.clone()).await;
        assert_eq!(status, 401, "PUT with {token:?}");
        assert!(!error_of(&body).is_empty(), "{body}");
        let response = get(&url, token).await;
        assert_eq!(response.status().as_u16(), 401, "GET with {token:?}");
        let body: serde_json::Value = response.json().await.unwrap();
        assert!(!error_of(&body).is_empty(), "{body}");
    }

    // Nothing was stored by the refused uploads.
    let token = sign_in(&server.base, "ana@example.com").await;
    assert_eq!(get(&url, Some(&token)).await.status().as_u16(), 404);
    server.stop().await;
}

#[tokio::test]
async fn a_wrong_hash_or_a_malformed_id_stores_nothing() {
    let data = data_dir().await;
    let server = TestServer::start(data.path(), DEFAULT_MAX_FILE_BYTES).await;
    let token = sign_in(&server.base, "ana@example.com").await;
    let bytes = png(3, 5000);
    let actual = file_id(&bytes);
    let claimed = file_id(b"other bytes");

    let (status, body) = put(
        &server.url(&claimed),
        Some(&token),
        Some("image/png"),
        bytes.clone(),
    )
    .await;
    assert_eq!(status, 400);
    let message = error_of(&body);
    assert!(
        message.contains(&actual) && message.contains(&claimed),
        "names both hashes: {message}"
    );
    for id in [&claimed, &actual] {
        let response = get(&server.url(id), Some(&token)).await;
        assert_eq!(response.status().as_u16(), 404, "{id} is not stored");
        let body: serde_json::Value = response.json().await.unwrap();
        assert!(error_of(&body).contains(id.as_str()), "{body}");
    }

    let expected = "file id must be the SHA-256 of the content, 64 lower-case hex characters";
    for id in [
        actual.to_uppercase(),
        actual[..63].to_owned(),
        format!("{actual}0"),
        "not-a-hash".to_owned(),
    ] {
        let (status, body) = put(
            &server.url(&id),
            Some(&token),
            Some("image/png"),
            bytes.clone(),
        )
        .await;
        assert_eq!((status, error_of(&body)), (400, expected), "PUT {id}");
        let response = get(&server.url(&id), Some(&token)).await;
        assert_eq!(response.status().as_u16(), 400, "GET {id}");
    }
    server.stop().await;
}

#[tokio::test]
async fn only_document_media_types_are_accepted() {
    let data = data_dir().await;
    let server = TestServer::start(data.path(), DEFAULT_MAX_FILE_BYTES).await;
    let token = sign_in(&server.base, "ana@example.com").await;
    let bytes = b"<script>alert(1)</script>".to_vec();
    let url = server.url(&file_id(&bytes));

    for media_type in [
        Some("text/html"),
        Some("image/svg+xml"),
        Some("application/octet-stream"),
        None,
    ] {
        let (status, body) = put(&url, Some(&token), media_type, bytes.clone()).await;
        assert_eq!(status, 415, "{media_type:?}");
        let message = error_of(&body);
        assert!(
            message.contains("image/jpeg") && message.contains("application/pdf"),
            "lists the allowed types: {message}"
        );
    }
    assert_eq!(get(&url, Some(&token)).await.status().as_u16(), 404);

    // Parameters and case do not matter; the type is stored in its plain form.
    let (status, _) = put(
        &url,
        Some(&token),
        Some("Application/PDF; name=licence.pdf"),
        bytes,
    )
    .await;
    assert_eq!(status, 201);
    assert_eq!(
        header(&get(&url, Some(&token)).await, CONTENT_TYPE),
        "application/pdf"
    );
    server.stop().await;
}

#[tokio::test]
async fn files_over_the_limit_are_refused_with_413_naming_the_limit() {
    let data = data_dir().await;
    let limit = 1000;
    let server = TestServer::start(data.path(), limit).await;
    let token = sign_in(&server.base, "ana@example.com").await;

    let too_big = png(4, limit + 1 - 8);
    assert_eq!(too_big.len(), limit + 1);
    let url = server.url(&file_id(&too_big));
    let (status, body) = put(&url, Some(&token), Some("image/png"), too_big).await;
    assert_eq!(status, 413);
    assert!(error_of(&body).contains("1000 bytes"), "{body}");
    assert_eq!(get(&url, Some(&token)).await.status().as_u16(), 404);

    // Without a declared length (chunked), axum's limit on the route cuts the body off.
    let chunked = png(5, 3000);
    let id = file_id(&chunked);
    let address = server.base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    let mut request = format!(
        "PUT /api/files/{id} HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: image/png\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n{:x}\r\n",
        chunked.len()
    )
    .into_bytes();
    request.extend_from_slice(&chunked);
    request.extend_from_slice(b"\r\n0\r\n\r\n");
    stream.write_all(&request).await.unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer).await;
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(answer.contains("1000 bytes"), "{answer}");
    assert_eq!(
        get(&server.url(&id), Some(&token)).await.status().as_u16(),
        404
    );

    // Exactly the limit is fine.
    let fits = png(6, limit - 8);
    let (status, body) = put(
        &server.url(&file_id(&fits)),
        Some(&token),
        Some("image/png"),
        fits,
    )
    .await;
    assert_eq!(status, 201, "{body}");
    server.stop().await;
}

#[tokio::test]
async fn stored_files_survive_a_restart() {
    let data = data_dir().await;
    let server = TestServer::start(data.path(), DEFAULT_MAX_FILE_BYTES).await;
    let token = sign_in(&server.base, "ana@example.com").await;
    let bytes = png(7, 50_000);
    let id = file_id(&bytes);
    let (status, _) = put(
        &server.url(&id),
        Some(&token),
        Some("image/webp"),
        bytes.clone(),
    )
    .await;
    assert_eq!(status, 201);
    server.stop().await;

    let server = TestServer::start(data.path(), DEFAULT_MAX_FILE_BYTES).await;
    let other = sign_in(&server.base, "ben@example.com").await;
    for token in [&token, &other] {
        let response = get(&server.url(&id), Some(token)).await;
        assert_eq!(response.status().as_u16(), 200);
        assert_eq!(header(&response, CONTENT_TYPE), "image/webp");
        assert_eq!(response.bytes().await.unwrap().as_ref(), bytes.as_slice());
    }
    // Still the same file: uploading it again changes nothing.
    let (status, _) = put(&server.url(&id), Some(&other), Some("image/webp"), bytes).await;
    assert_eq!(status, 200);
    server.stop().await;
}
