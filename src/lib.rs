//! Partnero: an offline-first registry of a company's business partners.
//!
//! Code map, in reading order. Everything above the line is the pure core: plain data and logic,
//! no IO, no clock, no randomness (time and random bytes come in as arguments), so `cargo test`
//! checks it natively in seconds. Below the line is browser glue, compiled only for wasm32.
//!
//! - [`model`]: partner and workspace records as plain Rust data, mapped onto Automerge documents
//!   with autosurgeon; document ids; the schema version; the workspace settings (required data,
//!   custom fields, the classification lists) and the pure planning of their maintenance.
//! - [`validate`]: a raw form draft becomes a valid partner, or every field error at once.
//! - [`search`]: filtering the partner list (kind, status, category with its subcategories, tag,
//!   industry, region, custom value, text).
//! - [`report`]: invoice status, balances, aging, partner counts and rankings, alerts and CSV
//!   export, from hydrated documents and a day number passed in.
//! - [`store`]: the `Store` trait (automerge-repo's storage layout), an in-memory store and the
//!   contract test every store must pass.
//! - [`registry`]: opens the workspace and partner documents from a store, applies edits and
//!   writes them back as incremental chunks and compacted snapshots.
//! - [`sync`]: the client side of the automerge-repo sync protocol, sans-IO: wire messages
//!   (CBOR) and a client state machine that turns received bytes into document changes and
//!   messages to send.
//! - ------------------------------------------------------------------------------------------
//! - `web` (wasm32): the IndexedDB store, service worker registration, clock and random bytes.
//! - `ui` (wasm32): Leptos components and routes; they render and dispatch, they decide nothing.

pub mod dedupe;
pub mod files;
pub mod model;
pub mod registry;
pub mod report;
pub mod search;
pub mod store;
pub mod sync;
pub mod text;
pub mod validate;

#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;
