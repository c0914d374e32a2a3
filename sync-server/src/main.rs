//! The `partnero-sync-server` binary: read the configuration, set up logging, serve until
//! Ctrl-C or SIGTERM.

use anyhow::Context;
use clap::Parser;
use partnero_sync_server::{config::Config, server, shutdown};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let config = Config::parse();
    let filter = EnvFilter::try_new(&config.log)
        .with_context(|| format!("invalid --log filter {:?}", config.log))?;
    if config.log_json {
        tracing_subscriber::fmt()
            .json()
            .with_env_filter(filter)
            .init();
    } else {
        tracing_subscriber::fmt().with_env_filter(filter).init();
    }
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .with_context(|| format!("cannot listen on {}", config.listen))?;
    server::run(listener, config.dist, shutdown::signal())
        .await
        .context("server failed")?;
    tracing::info!("stopped");
    Ok(())
}
