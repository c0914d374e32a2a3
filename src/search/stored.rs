//! The search index as kept on the device between runs, so that search answers within a second
//! of start-up with 100,000 partners instead of after rebuilding the index (about 5 s).
//!
//! The stored form is the engine's snapshot ([`SearchIndex::to_bytes`]) plus, for every partner
//! it reflects, the fingerprint of the partner's stored document (`registry::cache`): at start-up
//! [`IndexedPartners::changes`] compares those with the registry's, and only partners that
//! changed since (edited, synced, merged, removed) are indexed again. The snapshot is written
//! in the background some seconds after changes, not per edit: it is tens of megabytes at
//! 100,000 partners, and a snapshot left behind is corrected by that comparison.
//!
//! Layout: `PSIC`, a `u32` version, a `u64` count, then per partner 16 id bytes and an 8-byte
//! fingerprint (little-endian), then the engine snapshot.

use std::collections::BTreeMap;

use super::engine::SearchIndex;
use crate::model::DocumentId;

const MAGIC: &[u8; 4] = b"PSIC";
const VERSION: u32 = 1;

/// The storage key of the index (outside the document-id namespace, next to the registry cache).
pub fn index_key() -> Vec<String> {
    vec!["partnero-cache".into(), "search-index".into()]
}

/// Which partner documents (by fingerprint) an index reflects. Partners deliberately left out
/// of the index (merged-away records) are listed too, so they are not "new" at every start.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexedPartners {
    fingerprints: BTreeMap<DocumentId, u64>,
}

/// What start-up must redo: partners to index again (or to drop from the index, if they are
/// gone or merged: the caller decides per partner), and partners no longer on the device.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexChanges {
    pub reindex: Vec<DocumentId>,
    pub removed: Vec<DocumentId>,
}

impl IndexedPartners {
    /// Records that `id` is indexed as of its document's `fingerprint`.
    pub fn set(&mut self, id: DocumentId, fingerprint: u64) {
        self.fingerprints.insert(id, fingerprint);
    }

    /// Forgets a partner that left the device.
    pub fn remove(&mut self, id: &DocumentId) {
        self.fingerprints.remove(id);
    }

    pub fn len(&self) -> usize {
        self.fingerprints.len()
    }

    pub fn is_empty(&self) -> bool {
        self.fingerprints.is_empty()
    }

    /// Compares with the partners on the device now, as (id, fingerprint) in any order.
    pub fn changes(&self, current: impl Iterator<Item = (DocumentId, u64)>) -> IndexChanges {
        let mut changes = IndexChanges::default();
        let mut present = std::collections::BTreeSet::new();
        for (id, fingerprint) in current {
            present.insert(id);
            if self.fingerprints.get(&id) != Some(&fingerprint) {
                changes.reindex.push(id);
            }
        }
        changes.removed = self
            .fingerprints
            .keys()
            .filter(|id| !present.contains(id))
            .copied()
            .collect();
        changes
    }
}

/// Encodes an index and the partners it reflects.
pub fn encode(index: &SearchIndex, indexed: &IndexedPartners) -> Vec<u8> {
    let snapshot = index.to_bytes();
    let mut bytes = Vec::with_capacity(16 + indexed.len() * 24 + snapshot.len());
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&VERSION.to_le_bytes());
    bytes.extend_from_slice(&(indexed.len() as u64).to_le_bytes());
    for (id, fingerprint) in &indexed.fingerprints {
        bytes.extend_from_slice(id.as_bytes());
        bytes.extend_from_slice(&fingerprint.to_le_bytes());
    }
    bytes.extend_from_slice(&snapshot);
    bytes
}

/// Decodes what [`encode`] wrote, or says why it cannot be used (the caller then rebuilds).
pub fn decode(bytes: &[u8]) -> Result<(SearchIndex, IndexedPartners), String> {
    let damaged = || "the stored search index is damaged".to_owned();
    if bytes.len() < 16 || &bytes[..4] != MAGIC {
        return Err(damaged());
    }
    let version = u32::from_le_bytes(bytes[4..8].try_into().map_err(|_| damaged())?);
    if version != VERSION {
        return Err(format!(
            "the stored search index has version {version}, this app reads {VERSION}"
        ));
    }
    let count = u64::from_le_bytes(bytes[8..16].try_into().map_err(|_| damaged())?);
    let table_end = usize::try_from(count)
        .ok()
        .and_then(|count| count.checked_mul(24))
        .and_then(|length| length.checked_add(16))
        .filter(|end| *end <= bytes.len())
        .ok_or_else(damaged)?;
    let mut indexed = IndexedPartners::default();
    for entry in bytes[16..table_end].chunks_exact(24) {
        let id: [u8; 16] = entry[..16].try_into().map_err(|_| damaged())?;
        let fingerprint = u64::from_le_bytes(entry[16..].try_into().map_err(|_| damaged())?);
        indexed.set(DocumentId::from_random_bytes(id), fingerprint);
    }
    let index = SearchIndex::from_bytes(&bytes[table_end..]).map_err(|error| error.to_string())?;
    Ok((index, indexed))
}
