//! Where documents are kept: one small async trait, an in-memory implementation, the storage key
//! layout and the contract test every implementation must pass.
//!
//! The trait mirrors automerge-repo's storage adapter: binary values under keys that are lists of
//! strings, with range reads and deletes by key prefix. The same contract test
//! ([`contract::check_store_contract`]) runs natively on [`MemoryStore`] and in Chromium on the
//! IndexedDB store, so both behave the same.

pub mod backup;
pub mod contract;
mod keys;
mod memory;

pub use keys::{
    chunk_key, is_snapshot_key, is_sync_state_key, snapshot_key, sync_cursor_key, sync_state_key,
    workspace_pointer_key, ChunkKind,
};
pub use memory::MemoryStore;

/// A storage key: a path of strings, such as `[document id, "incremental", hash]`.
pub type StorageKey = Vec<String>;

/// A storage failure, described for the person who has to act on it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("storage failed while trying to {action}: {reason}")]
pub struct StoreError {
    /// What we were doing, e.g. "save chunk abc/incremental/…".
    pub action: String,
    /// What the storage said.
    pub reason: String,
}

impl StoreError {
    /// Whether the browser refused the write because the device's storage (or the site's share
    /// of it) is full: the one storage failure the person can do something about.
    pub fn is_full(&self) -> bool {
        self.reason.contains("QuotaExceeded")
    }

    /// The Fluent message that frames this failure in the interface's language
    /// (`locales/*/registry.ftl`); the action and the storage's own words stay technical
    /// details, in English, as its arguments.
    pub fn key(&self) -> &'static str {
        if self.is_full() {
            "registry-storage-full"
        } else {
            "registry-storage-failed"
        }
    }

    /// The message's variables: `action` and `reason` as [`StoreError`] has them.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        vec![
            ("action", self.action.clone()),
            ("reason", self.reason.clone()),
        ]
    }
}

/// Binary storage by key, shaped like automerge-repo's storage adapter.
///
/// Futures are not required to be `Send`: the browser implementation lives on one thread.
#[allow(async_fn_in_trait)]
pub trait Store {
    /// The value under exactly this key, if any.
    async fn load(&self, key: &[String]) -> Result<Option<Vec<u8>>, StoreError>;
    /// Writes (or overwrites) one value; durable once the future resolves.
    async fn save(&self, key: &[String], data: &[u8]) -> Result<(), StoreError>;
    /// Removes one value; removing a missing key is not an error.
    async fn remove(&self, key: &[String]) -> Result<(), StoreError>;
    /// Every entry whose key starts with `prefix` (component-wise), in key order.
    async fn load_range(&self, prefix: &[String])
        -> Result<Vec<(StorageKey, Vec<u8>)>, StoreError>;
    /// Removes every entry whose key starts with `prefix`.
    async fn remove_range(&self, prefix: &[String]) -> Result<(), StoreError>;
    /// The keys of every entry whose key starts with `prefix`, in key order, without their
    /// values: how the start-up check compares the cached summaries with the stored documents
    /// without reading 100,000 documents.
    async fn load_keys(&self, prefix: &[String]) -> Result<Vec<StorageKey>, StoreError>;
}

/// True when `key` starts with `prefix`, component by component.
pub fn key_has_prefix(key: &[String], prefix: &[String]) -> bool {
    key.len() >= prefix.len() && key.iter().zip(prefix).all(|(part, wanted)| part == wanted)
}

/// A shared handle to a store is a store, so a test can reopen a registry on the same data.
macro_rules! delegate_store {
    ($($handle:ty),*) => {$(
        impl<S: Store> Store for $handle {
            async fn load(&self, key: &[String]) -> Result<Option<Vec<u8>>, StoreError> {
                (**self).load(key).await
            }
            async fn save(&self, key: &[String], data: &[u8]) -> Result<(), StoreError> {
                (**self).save(key, data).await
            }
            async fn remove(&self, key: &[String]) -> Result<(), StoreError> {
                (**self).remove(key).await
            }
            async fn load_range(&self, prefix: &[String]) -> Result<Vec<(StorageKey, Vec<u8>)>, StoreError> {
                (**self).load_range(prefix).await
            }
            async fn remove_range(&self, prefix: &[String]) -> Result<(), StoreError> {
                (**self).remove_range(prefix).await
            }
            async fn load_keys(&self, prefix: &[String]) -> Result<Vec<StorageKey>, StoreError> {
                (**self).load_keys(prefix).await
            }
        }
    )*};
}

delegate_store!(&S, std::rc::Rc<S>, std::sync::Arc<S>);
