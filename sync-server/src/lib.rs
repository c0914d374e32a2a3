//! Partnero's server, as a library so integration tests can run it in-process on a loopback
//! port. Code map, one noun per file in the style of tokio's mini-redis:
//!
//! - [`config`]: command-line flags with environment-variable fallbacks.
//! - [`server`]: [`server::run`] serves the built PWA (with an SPA fallback and cache headers
//!   that let the service worker pick up new versions) and the health endpoint until `shutdown`.
//! - [`shutdown`]: the Ctrl-C / SIGTERM future that triggers graceful shutdown.
//!
//! Sync (samod), sign-in and storage arrive with the sync issue.

pub mod accounts;
pub mod config;
pub mod database;
pub mod server;
pub mod shutdown;
