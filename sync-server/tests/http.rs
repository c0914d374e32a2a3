//! The server over real HTTP on a loopback port: health, the app's files, the SPA fallback, a
//! missing asset, cache headers, precompressed assets, and graceful shutdown.

use std::time::Duration;

use partnero_sync_server::server::{self, ServerConfig};
use tokio::sync::oneshot;

struct Running {
    base: String,
    stop: oneshot::Sender<()>,
    task: tokio::task::JoinHandle<anyhow::Result<()>>,
    _dist: tempfile::TempDir,
    _data: tempfile::TempDir,
}

async fn start() -> Running {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(
        dist.path().join("index.html"),
        "<!DOCTYPE html><title>Partnero</title>",
    )
    .unwrap();
    std::fs::write(dist.path().join("sw.js"), "// worker").unwrap();
    std::fs::write(dist.path().join("app-0123abcd.js"), "export default 1;").unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stopped) = oneshot::channel::<()>();
    let data = tempfile::tempdir().unwrap();
    let config = ServerConfig {
        dist: dist.path().to_owned(),
        data_dir: data.path().to_owned(),
        max_message_bytes: 1 << 20,
        max_file_bytes: partnero_sync_server::files::DEFAULT_MAX_FILE_BYTES,
        fault_write_delay_ms: 0,
    };
    let task = tokio::spawn(server::run(listener, config, async {
        let _ = stopped.await;
    }));
    Running {
        base,
        stop,
        task,
        _dist: dist,
        _data: data,
    }
}

async fn get(url: &str) -> (u16, String, String) {
    let response = reqwest::get(url).await.unwrap();
    let status = response.status().as_u16();
    let cache = response
        .headers()
        .get("cache-control")
        .map(|value| value.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, cache, response.text().await.unwrap())
}

#[tokio::test]
async fn serves_the_app_with_an_spa_fallback_and_the_right_cache_headers() {
    let server = start().await;
    let check = |path: &'static str, status: u16, cache: &'static str, body: &'static str| {
        let base = server.base.clone();
        async move {
            let (got_status, got_cache, got_body) = get(&format!("{base}{path}")).await;
            assert_eq!(got_status, status, "{path}: status");
            assert_eq!(got_cache, cache, "{path}: cache-control");
            assert!(
                got_body.contains(body),
                "{path}: body {got_body:?} lacks {body:?}"
            );
        }
    };
    check("/health", 200, "no-cache", "\"status\":\"ok\"").await;
    check("/", 200, "no-cache", "<title>Partnero</title>").await;
    check(
        "/partners/3heYyyPmGqBScdfStxY7JbvHE4Yc",
        200,
        "no-cache",
        "<title>Partnero</title>",
    )
    .await;
    check(
        "/partners/x/edit",
        200,
        "no-cache",
        "<title>Partnero</title>",
    )
    .await;
    check("/sw.js", 200, "no-cache", "worker").await;
    check(
        "/app-0123abcd.js",
        200,
        "public, max-age=31536000, immutable",
        "export default",
    )
    .await;
    check("/missing-0123.wasm", 404, "", "not found").await;
    server.stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(5), server.task)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
}

#[tokio::test]
async fn serves_the_gzip_copy_of_an_asset_to_a_client_that_accepts_it() {
    let server = start().await;
    let dist = server._dist.path();
    std::fs::write(dist.join("app-0123abcd_bg.wasm"), b"\0asm plain").unwrap();
    std::fs::write(dist.join("app-0123abcd_bg.wasm.gz"), b"gzipped bytes").unwrap();
    let url = format!("{}/app-0123abcd_bg.wasm", server.base);
    let client = reqwest::Client::new();
    let zipped = client
        .get(&url)
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(zipped.status().as_u16(), 200);
    let header = |response: &reqwest::Response, name: &str| {
        response
            .headers()
            .get(name)
            .map(|value| value.to_str().unwrap().to_owned())
            .unwrap_or_default()
    };
    assert_eq!(header(&zipped, "content-encoding"), "gzip");
    assert_eq!(header(&zipped, "content-type"), "application/wasm");
    assert_eq!(
        header(&zipped, "cache-control"),
        "public, max-age=31536000, immutable"
    );
    assert_eq!(zipped.bytes().await.unwrap().as_ref(), b"gzipped bytes");
    // A client that does not accept gzip gets the file itself.
    let plain = client.get(&url).send().await.unwrap();
    assert_eq!(header(&plain, "content-encoding"), "");
    assert_eq!(plain.bytes().await.unwrap().as_ref(), b"\0asm plain");
    server.stop.send(()).unwrap();
}

#[tokio::test]
async fn says_how_to_build_the_app_when_it_is_missing() {
    let empty = tempfile::tempdir().unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stopped) = oneshot::channel::<()>();
    let data = tempfile::tempdir().unwrap();
    let config = ServerConfig {
        dist: empty.path().to_owned(),
        data_dir: data.path().to_owned(),
        max_message_bytes: 1 << 20,
        max_file_bytes: partnero_sync_server::files::DEFAULT_MAX_FILE_BYTES,
        fault_write_delay_ms: 0,
    };
    let task = tokio::spawn(server::run(listener, config, async {
        let _ = stopped.await;
    }));
    let (status, _, body) = get(&format!("{base}/")).await;
    assert_eq!(status, 503);
    assert!(body.contains("trunk build --release"), "{body}");
    let (status, _, _) = get(&format!("{base}/health")).await;
    assert_eq!(status, 200, "health answers even without the app");
    stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(5), task)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
}

#[tokio::test]
async fn graceful_shutdown_closes_the_port() {
    let server = start().await;
    let address = server.base.trim_start_matches("http://").to_owned();
    assert_eq!(get(&format!("{}/health", server.base)).await.0, 200);
    server.stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(5), server.task)
        .await
        .expect("stops in time")
        .unwrap()
        .unwrap();
    assert!(
        tokio::net::TcpStream::connect(&address).await.is_err(),
        "nothing listens any more"
    );
}
