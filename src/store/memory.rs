//! An in-memory [`Store`]: the reference implementation for native tests.

use std::collections::BTreeMap;
use std::sync::Mutex;

use super::{key_has_prefix, StorageKey, Store, StoreError};

/// Keeps every value in a sorted map. Cloning shares nothing: each store is its own device.
#[derive(Debug, Default)]
pub struct MemoryStore {
    /// Sorted by key so range reads come back in key order, like IndexedDB.
    entries: Mutex<BTreeMap<StorageKey, Vec<u8>>>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// Overwrites raw bytes, bypassing any checks: tests use it to simulate a corrupt chunk.
    pub fn put_raw(&self, key: StorageKey, data: Vec<u8>) {
        self.lock().insert(key, data);
    }

    /// Every key currently stored, for tests that inspect the layout.
    pub fn keys(&self) -> Vec<StorageKey> {
        self.lock().keys().cloned().collect()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<StorageKey, Vec<u8>>> {
        // A panic while holding this lock can only come from a bug in a test; the map itself is
        // never left half-updated by any operation, so recovering the data is safe.
        self.entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Store for MemoryStore {
    async fn load(&self, key: &[String]) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.lock().get(key).cloned())
    }

    async fn save(&self, key: &[String], data: &[u8]) -> Result<(), StoreError> {
        self.lock().insert(key.to_vec(), data.to_vec());
        Ok(())
    }

    async fn remove(&self, key: &[String]) -> Result<(), StoreError> {
        self.lock().remove(key);
        Ok(())
    }

    async fn load_range(
        &self,
        prefix: &[String],
    ) -> Result<Vec<(StorageKey, Vec<u8>)>, StoreError> {
        Ok(self
            .lock()
            .iter()
            .filter(|(key, _)| key_has_prefix(key, prefix))
            .map(|(key, value)| (key.clone(), value.clone()))
            .collect())
    }

    async fn remove_range(&self, prefix: &[String]) -> Result<(), StoreError> {
        self.lock().retain(|key, _| !key_has_prefix(key, prefix));
        Ok(())
    }

    async fn load_keys(&self, prefix: &[String]) -> Result<Vec<StorageKey>, StoreError> {
        Ok(self
            .lock()
            .keys()
            .filter(|key| key_has_prefix(key, prefix))
            .cloned()
            .collect())
    }
}
