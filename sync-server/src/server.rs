//! The HTTP server: the built PWA, an SPA fallback and a health endpoint.
//!
//! Caching is part of offline correctness: `index.html` and `sw.js` must always be revalidated
//! so a new deployment is noticed, while Trunk's hashed assets never change under one name and
//! may be cached for good.

use std::future::Future;
use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use tokio::net::TcpListener;
use tower::ServiceExt;
use tower_http::services::ServeDir;
use tower_http::trace::TraceLayer;

/// Shared, read-only state of the HTTP handlers.
#[derive(Debug, Clone)]
struct AppState {
    /// Directory of the built app; its `index.html` answers every route of the SPA.
    dist: PathBuf,
}

/// Builds the router: `/health`, then static files, then the SPA fallback.
pub fn router(dist: impl Into<PathBuf>) -> Router {
    let state = AppState { dist: dist.into() };
    Router::new()
        .route("/health", get(health))
        .fallback(serve_app)
        .with_state(state)
        .layer(middleware::from_fn(cache_headers))
        .layer(TraceLayer::new_for_http())
}

/// Serves until `shutdown` resolves, then finishes the requests in flight and returns.
pub async fn run(
    listener: TcpListener,
    dist: impl Into<PathBuf>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let dist = dist.into();
    if !dist.join("index.html").is_file() {
        tracing::warn!(dist = %dist.display(), "no index.html in the app directory; build the app with `trunk build --release`");
    }
    tracing::info!(address = %listener.local_addr()?, dist = %dist.display(), "serving Partnero");
    axum::serve(listener, router(dist))
        .with_graceful_shutdown(shutdown)
        .await
}

async fn health() -> Json<serde_json::Value> {
    Json(serde_json::json!({ "status": "ok", "version": env!("CARGO_PKG_VERSION") }))
}

/// A file from dist/ if it exists; otherwise `index.html` for app routes (no file extension), so
/// a reload on `/partners/…` works; a missing asset stays a 404 rather than HTML in disguise.
async fn serve_app(State(state): State<AppState>, request: Request) -> Response {
    let path = request.uri().path().to_owned();
    let served = ServeDir::new(&state.dist).oneshot(request).await;
    match served {
        Ok(response) if response.status() != StatusCode::NOT_FOUND => response.map(Body::new),
        _ if looks_like_app_route(&path) => index_html(&state.dist).await,
        _ => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

fn looks_like_app_route(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or_default();
    !last.contains('.')
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

/// Revalidate the entry points on every load; let hashed assets be cached.
async fn cache_headers(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    let policy = if path == "/sw.js"
        || path == "/health"
        || looks_like_app_route(&path)
        || path.ends_with(".html")
        || path.ends_with(".webmanifest")
    {
        "no-cache"
    } else {
        "public, max-age=31536000, immutable"
    };
    if response.status().is_success() {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    }
    response
}
