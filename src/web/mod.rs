//! Browser glue only: the IndexedDB store, the platform's clock and random source, and the
//! service worker. Thin on purpose: the decisions live in the pure core.

pub mod device;
pub mod download;
pub mod files;
mod idb_store;
mod platform;
pub mod preferences;
pub mod pwa;
pub mod session;
pub mod sync_socket;

pub use idb_store::{IndexedDbStore, DATABASE_NAME};
pub use platform::{device_label, mark_once, new_actor_id, new_document_id, new_row_id, now_ms};
