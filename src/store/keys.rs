//! The storage key layout, the same as automerge-repo's so stored data stays familiar:
//! `[document id, "incremental", sha-256 of the chunk]` for changes saved one edit at a time and
//! `[document id, "snapshot", sha-256 of the heads]` for compacted documents.

use automerge::ChangeHash;
use sha2::{Digest, Sha256};

use super::StorageKey;
use crate::model::DocumentId;

/// The two kinds of stored chunk of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChunkKind {
    Incremental,
    Snapshot,
}

impl ChunkKind {
    fn name(self) -> &'static str {
        match self {
            ChunkKind::Incremental => "incremental",
            ChunkKind::Snapshot => "snapshot",
        }
    }
}

/// Key of an incremental chunk: named by the hash of its bytes, so saving the same chunk twice
/// is harmless.
pub fn chunk_key(document: &DocumentId, data: &[u8]) -> StorageKey {
    vec![
        document.to_string(),
        ChunkKind::Incremental.name().into(),
        hex(&Sha256::digest(data)),
    ]
}

/// Key of a compacted snapshot: named by the document heads it contains.
pub fn snapshot_key(document: &DocumentId, heads: &[ChangeHash]) -> StorageKey {
    let mut sorted: Vec<ChangeHash> = heads.to_vec();
    sorted.sort();
    let mut hasher = Sha256::new();
    for head in &sorted {
        hasher.update(head.0);
    }
    vec![
        document.to_string(),
        ChunkKind::Snapshot.name().into(),
        hex(&hasher.finalize()),
    ]
}

/// Where this device remembers its position in the server's change feed.
pub fn sync_cursor_key() -> StorageKey {
    vec!["partnero-meta".into(), "sync-cursor".into()]
}

/// Where the heads shared with the server are kept for a document (automerge-repo keeps sync
/// states under `[id, "sync-state", storage id]`).
pub fn sync_state_key(document: &DocumentId) -> StorageKey {
    vec![document.to_string(), "sync-state".into(), "server".into()]
}

pub fn is_sync_state_key(key: &[String]) -> bool {
    key.get(1).map(String::as_str) == Some("sync-state")
}

pub fn is_snapshot_key(key: &[String]) -> bool {
    key.get(1).map(String::as_str) == Some(ChunkKind::Snapshot.name())
}

/// Where this device remembers which document is its workspace. Outside the document-id
/// namespace (ids are bs58 and never contain a hyphen).
pub fn workspace_pointer_key() -> StorageKey {
    vec!["partnero-meta".into(), "workspace-id".into()]
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}
