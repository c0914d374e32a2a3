//! The client side of the automerge-repo sync protocol, sans-IO: bytes and events in, messages
//! to send and document changes out. The browser's WebSocket and the native tests' sockets are
//! thin pumps around it.

pub mod client;
pub mod session;
pub mod wire;

pub use client::{Effect, Phase, SyncClient, SyncDocuments, SyncError, SyncProgress};
pub use wire::{DecodeError, Message, PROTOCOL_VERSION};
