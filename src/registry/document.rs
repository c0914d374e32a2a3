//! One Automerge document and how it is written to a [`Store`]: incremental chunks after each
//! edit, folded into one snapshot every [`COMPACT_AFTER_CHUNKS`] chunks, the automerge-repo way.

use automerge::transaction::CommitOptions;
use automerge::{ActorId, AutoCommit, ChangeHash};
use autosurgeon::{Hydrate, Reconcile};

use super::RegistryError;
use crate::model::DocumentId;
use crate::store::{
    chunk_key, is_snapshot_key, is_sync_state_key, snapshot_key, StorageKey, Store, StoreError,
};

/// After this many stored chunks the next save writes one snapshot and removes them, so loading
/// stays one read of a compact document.
pub const COMPACT_AFTER_CHUNKS: usize = 16;

/// Why stored bytes do not make a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum LoadProblem {
    /// Nothing is stored under the id (yet: it may still be on its way from the server).
    Missing,
    /// Something is stored but does not load; the text says what.
    Damaged(String),
}

impl std::fmt::Display for LoadProblem {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadProblem::Missing => formatter.write_str("nothing is stored for it on this device"),
            LoadProblem::Damaged(reason) => formatter.write_str(reason),
        }
    }
}

/// A document plus what is known about its stored form.
#[derive(Debug, Clone)]
pub(super) struct StoredDocument {
    pub doc: AutoCommit,
    /// Heads at the last successful save; changes after them are not stored yet.
    saved_heads: Vec<ChangeHash>,
    /// Keys of every chunk that currently holds part of this document.
    chunk_keys: Vec<StorageKey>,
    /// The heads this device and the server were last known to share, as stored under
    /// `[id, "sync-state", "server"]`, so unsent changes can be counted offline after a restart.
    pub server_heads: Vec<ChangeHash>,
}

impl StoredDocument {
    /// A new empty document written by `actor`.
    pub fn new(actor: ActorId) -> Self {
        Self {
            doc: AutoCommit::new().with_actor(actor),
            saved_heads: Vec::new(),
            chunk_keys: Vec::new(),
            server_heads: Vec::new(),
        }
    }

    /// Loads every chunk of a document. The outer result is a storage failure; the inner one
    /// says why the stored bytes do not make a document.
    pub async fn load<S: Store>(
        store: &S,
        id: &DocumentId,
        actor: ActorId,
    ) -> Result<Result<Self, LoadProblem>, StoreError> {
        let chunks = store.load_range(&[id.to_string()]).await?;
        if chunks.is_empty() {
            return Ok(Err(LoadProblem::Missing));
        }
        let mut doc = AutoCommit::new().with_actor(actor);
        let mut server_heads = Vec::new();
        let (state, chunks): (Vec<_>, Vec<_>) = chunks
            .into_iter()
            .partition(|(key, _)| is_sync_state_key(key));
        for (_, bytes) in &state {
            server_heads = decode_heads(bytes);
        }
        if chunks.is_empty() {
            return Ok(Err(LoadProblem::Missing));
        }
        for (key, bytes) in &chunks {
            if let Err(error) = doc.load_incremental(bytes) {
                return Ok(Err(LoadProblem::Damaged(format!(
                    "its stored chunk {} is damaged ({error})",
                    key[1..].join("/")
                ))));
            }
        }
        if !doc.get_missing_deps(&[]).is_empty() {
            return Ok(Err(LoadProblem::Damaged(
                "some of its stored changes are missing".into(),
            )));
        }
        let saved_heads = doc.get_heads();
        Ok(Ok(Self {
            doc,
            saved_heads,
            chunk_keys: chunks.into_iter().map(|(key, _)| key).collect(),
            server_heads,
        }))
    }

    /// Writes what changed since the last save. Memory is only updated once the write succeeded.
    pub async fn save_changes<S: Store>(
        &mut self,
        store: &S,
        id: &DocumentId,
    ) -> Result<(), StoreError> {
        let heads = self.doc.get_heads();
        if heads == self.saved_heads {
            return Ok(());
        }
        if self.chunk_keys.len() >= COMPACT_AFTER_CHUNKS {
            let key = snapshot_key(id, &heads);
            store.save(&key, &self.doc.save()).await?;
            // The snapshot holds everything, so the chunks it replaces can go. If removing one
            // fails it is merely redundant: loading applies it again harmlessly.
            for old in self.chunk_keys.iter().filter(|old| **old != key) {
                store.remove(old).await?;
            }
            self.chunk_keys = vec![key];
        } else {
            let bytes = self.doc.save_after(&self.saved_heads);
            let key = chunk_key(id, &bytes);
            store.save(&key, &bytes).await?;
            self.chunk_keys.push(key);
        }
        self.saved_heads = heads;
        Ok(())
    }

    /// The fingerprint of the chunks that hold this document (see `cache::fingerprint`).
    pub fn fingerprint(&self) -> u64 {
        super::cache::fingerprint(&self.chunk_keys)
    }

    /// Whether the document has changes the server is not known to have: its stored heads
    /// differ from the heads last shared with the server (always, before the first sync).
    pub fn has_unsent(&self) -> bool {
        let mut saved = self.saved_heads.clone();
        let mut shared = self.server_heads.clone();
        saved.sort();
        shared.sort();
        saved != shared
    }

    /// How many chunks hold this document, and whether one is a snapshot (for tests).
    #[allow(dead_code)]
    pub fn chunk_summary(&self) -> (usize, bool) {
        (
            self.chunk_keys.len(),
            self.chunk_keys.iter().any(|key| is_snapshot_key(key)),
        )
    }
}

/// Reconciles `value` into the document root and commits it as one change with a time and
/// message, so history can later say what happened when.
pub(super) fn write_value<T: Reconcile>(
    doc: &mut AutoCommit,
    value: &T,
    message: &str,
    now_ms: i64,
) -> Result<(), RegistryError> {
    autosurgeon::reconcile(doc, value)
        .map_err(|error| RegistryError::Document(error.to_string()))?;
    doc.commit_with(
        CommitOptions::default()
            .with_message(message)
            .with_time(now_ms / 1000),
    );
    Ok(())
}

/// Reads the document root back as a value.
pub(super) fn read_value<T: Hydrate>(doc: &AutoCommit) -> Result<T, RegistryError> {
    autosurgeon::hydrate(doc).map_err(|error| RegistryError::Document(error.to_string()))
}

/// Heads as stored: 32-byte hashes one after the other. Anything malformed reads as "none
/// known", which only makes more changes count as unsent.
pub(super) fn decode_heads(bytes: &[u8]) -> Vec<ChangeHash> {
    if bytes.len() % 32 != 0 {
        return Vec::new();
    }
    bytes
        .chunks(32)
        .filter_map(|chunk| ChangeHash::try_from(chunk).ok())
        .collect()
}

pub(super) fn encode_heads(heads: &[ChangeHash]) -> Vec<u8> {
    heads.iter().flat_map(|head| head.0).collect()
}
