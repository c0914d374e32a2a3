//! Server configuration: every setting is a command-line flag with an environment fallback, so
//! the same binary runs from a terminal, a service unit or a test.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Parser;

/// Partnero's sync server: serves the app and (soon) syncs partner documents.
#[derive(Debug, Clone, Parser)]
#[command(name = "partnero-sync-server", version)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "PARTNERO_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,

    /// Directory of the built app (Trunk's dist/), served at the root with an SPA fallback.
    #[arg(long, env = "PARTNERO_DIST", default_value = "dist")]
    pub dist: PathBuf,

    /// Log filter, e.g. `info` or `partnero_sync_server=debug,tower_http=info`.
    #[arg(long, env = "PARTNERO_LOG", default_value = "info")]
    pub log: String,

    /// Write logs as JSON lines instead of human-readable text.
    #[arg(long, env = "PARTNERO_LOG_JSON", default_value_t = false)]
    pub log_json: bool,
}
