//! Partnero's server, as a library so integration tests can run it in-process on a loopback
//! port. Code map, one noun per file in the style of tokio's mini-redis:
//!
//! - [`backup`]: `backup`, `restore` and scheduled snapshots: a verified tar of one consistent
//!   copy of the database (which also holds the uploaded files).
//! - [`config`]: command-line flags with environment-variable fallbacks, and sub-commands.
//! - [`server`]: [`server::run`] serves the built PWA (SPA fallback, cache headers), the
//!   sign-in API, the sync WebSocket and `/health` until `shutdown`, then flushes storage.
//! - [`connection`]: one authenticated sync WebSocket between axum and samod: message limits,
//!   and acknowledgements held back until the changes are committed.
//! - [`database`]: the embedded SQLite file: samod's `Storage`, and which changes are durable.
//! - [`files`]: content-addressed storage of verification documents (`/api/files/{sha256}`):
//!   hash check, allowed media types, size limit, immutable caching.
//! - [`accounts`]: users (Argon2id, roles), sessions (random tokens stored hashed, expiry,
//!   sign-out, revocation), user management.
//! - [`permissions`]: who may read and write which document, enforced through samod's share
//!   policy with the core's `partnero::model::grant`.
//! - [`invites`]: invitation links (hashed, one-time, 7 days) for staff and partner contacts.
//! - [`team`]: the team API: users, invitations (and the portal documents they create),
//!   which sections each role is denied.
//! - [`shutdown`]: the Ctrl-C / SIGTERM future that triggers graceful shutdown.

pub mod accounts;
pub mod backup;
pub mod config;
pub mod connection;
pub mod database;
pub mod files;
pub mod invites;
pub mod permissions;
pub mod server;
pub mod shutdown;
pub mod team;
