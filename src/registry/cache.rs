//! The start-up cache of the registry: every partner's current value (and that of its finance,
//! banking, activity and portal documents; a partner's cached value is its document's, the
//! bank accounts and notes shown with it come from the cached companions), kept next to the Automerge
//! documents so that a device with 100,000 partners shows its list without loading 100,000
//! documents. A partner's document is loaded when it is opened, edited or synced.
//!
//! - **Layout.** The cache is split into [`BUCKETS`] values under
//!   `["partnero-cache", "partners", "0a"]`, by the first byte of the (random) document id, so
//!   an edit rewrites one bucket (about 400 partners at 100,000) and start-up reads all of them
//!   in one range read. One value per partner would make start-up 100,000 IndexedDB records.
//! - **Format.** `postcard` (a compact serde format) of the hydrated [`Partner`]: no history, no
//!   operation log, about a tenth of the document. postcard is not self-describing, so the
//!   bucket starts with [`CACHE_FORMAT`]; a test pins the encoding of a sample partner, so a
//!   change of [`Partner`]'s shape fails it until the format number is raised. A bucket of
//!   another format, or one that does not decode, is ignored: its partners load from their
//!   documents and the bucket is written again.
//! - **Verification.** Each entry keeps a fingerprint of the document's stored chunk keys (they
//!   are content hashes, see `store::keys`), so listing the keys of the store, which reads no
//!   document, finds every entry that no longer matches its document (a crash between a
//!   document write and its bucket write, a remote change not yet flushed): those documents
//!   are loaded and their entries rewritten. A document is also compared with its entry
//!   whenever it is loaded.
//! - **Unsent changes.** Each entry says whether the document had changes the server was not
//!   known to have; the sync session loads those documents before it starts, so a document
//!   that was never loaded is one with nothing to send.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::companion::Companion;
use crate::model::{
    DocumentId, Partner, PartnerActivity, PartnerBanking, PartnerFinance, PartnerPortal, Workspace,
};
use crate::store::{is_sync_state_key, StorageKey};

/// How many buckets the cache is split into (one per first byte of a document id).
pub const BUCKETS: usize = 256;

/// The encoding's version: raise it whenever [`Partner`], [`Workspace`] (or anything in them)
/// changes shape.
pub const CACHE_FORMAT: u32 = 7;

const CACHE_ROOT: &str = "partnero-cache";

/// Where bucket `bucket` is stored. Outside the document-id namespace, like the other
/// `partnero-` keys.
pub fn bucket_key(bucket: u8) -> StorageKey {
    vec![
        CACHE_ROOT.into(),
        "partners".into(),
        format!("{bucket:02x}"),
    ]
}

/// Where the workspace's value is cached: its own key, since it changes with every partner
/// added and would otherwise rewrite a bucket of partners each time.
pub fn workspace_key() -> StorageKey {
    vec![CACHE_ROOT.into(), "workspace".into()]
}

/// The cached workspace: the value of its document and what is known of its stored form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CachedWorkspace {
    pub id: [u8; 16],
    pub fingerprint: u64,
    pub unsent: bool,
    pub workspace: Workspace,
}

#[derive(Serialize, Deserialize)]
struct WorkspaceRecord {
    format: u32,
    cached: CachedWorkspace,
}

/// Encodes the cached workspace.
pub fn encode_workspace(cached: CachedWorkspace) -> Vec<u8> {
    postcard::to_allocvec(&WorkspaceRecord {
        format: CACHE_FORMAT,
        cached,
    })
    .unwrap_or_default()
}

/// Decodes the cached workspace, or says why it cannot be used (its document is then loaded).
pub fn decode_workspace(bytes: &[u8]) -> Result<CachedWorkspace, String> {
    let (format, _) = postcard::take_from_bytes::<u32>(bytes)
        .map_err(|error| format!("the cached workspace is damaged ({error})"))?;
    if format != CACHE_FORMAT {
        return Err(format!(
            "the cached workspace has format {format}, this version reads {CACHE_FORMAT}"
        ));
    }
    let record: WorkspaceRecord = postcard::from_bytes(bytes)
        .map_err(|error| format!("the cached workspace is damaged ({error})"))?;
    Ok(record.cached)
}

/// The prefix of every bucket, for the one range read at start-up.
pub fn buckets_prefix() -> StorageKey {
    vec![CACHE_ROOT.into(), "partners".into()]
}

/// The bucket a document's entry lives in.
pub fn bucket_of(id: &DocumentId) -> u8 {
    id.as_bytes()[0]
}

/// The cache's entries by document id, as start-up takes them out one by one. A hash map, not
/// a B-tree: entries are large (a partner is over 500 bytes) and taking one out of a B-tree
/// node shifts its neighbours, which at 200,000 entries cost a noticeable part of the start.
pub type CachedEntries = std::collections::HashMap<DocumentId, CacheEntry>;

/// One cached document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CacheEntry {
    pub id: [u8; 16],
    /// [`fingerprint`] of the document's chunk keys when the value was read from it.
    pub fingerprint: u64,
    /// The document had changes the server was not known to have.
    pub unsent: bool,
    pub value: CachedValue,
}

/// The value of a cached document, by kind. Not boxed: entries are decoded once at start-up
/// and moved into the registry's records, so the size difference costs nothing that matters.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CachedValue {
    Partner(Partner),
    Finance(PartnerFinance),
    Activity(PartnerActivity),
    Banking(PartnerBanking),
    Portal(PartnerPortal),
}

impl From<Companion> for CachedValue {
    fn from(companion: Companion) -> Self {
        match companion {
            Companion::Finance(finance) => CachedValue::Finance(finance),
            Companion::Banking(banking) => CachedValue::Banking(banking),
            Companion::Activity(activity) => CachedValue::Activity(activity),
            Companion::Portal(portal) => CachedValue::Portal(portal),
        }
    }
}

#[derive(Serialize, Deserialize)]
struct Bucket {
    format: u32,
    entries: Vec<CacheEntry>,
}

/// Encodes one bucket's entries.
pub fn encode_bucket(entries: Vec<CacheEntry>) -> Vec<u8> {
    let bucket = Bucket {
        format: CACHE_FORMAT,
        entries,
    };
    // Encoding plain owned data into a Vec cannot fail.
    postcard::to_allocvec(&bucket).unwrap_or_default()
}

/// Decodes one bucket, or says why it cannot be used.
pub fn decode_bucket(bytes: &[u8]) -> Result<Vec<CacheEntry>, String> {
    // The format number comes first, so an old bucket is recognised before its entries are
    // decoded with the wrong shape.
    let (format, _) = postcard::take_from_bytes::<u32>(bytes)
        .map_err(|error| format!("the cache bucket is damaged ({error})"))?;
    if format != CACHE_FORMAT {
        return Err(format!(
            "the cache bucket has format {format}, this version reads {CACHE_FORMAT}"
        ));
    }
    let bucket: Bucket = postcard::from_bytes(bytes)
        .map_err(|error| format!("the cache bucket is damaged ({error})"))?;
    Ok(bucket.entries)
}

/// Decodes every stored bucket into entries by document id; unusable buckets are skipped
/// (their partners are then loaded from the documents).
pub fn decode_all(buckets: &[(StorageKey, Vec<u8>)]) -> CachedEntries {
    let mut entries = CachedEntries::default();
    for (key, bytes) in buckets {
        let Ok(decoded) = decode_bucket(bytes) else {
            continue;
        };
        let expected = key.get(2).cloned().unwrap_or_default();
        for entry in decoded {
            let id = DocumentId::from_random_bytes(entry.id);
            // An entry in the wrong bucket would never be rewritten; treat it as absent.
            if bucket_key(bucket_of(&id)).get(2) == Some(&expected) {
                entries.insert(id, entry);
            }
        }
    }
    entries
}

/// A fingerprint of a document's stored form: a hash of its chunk keys (sync states left
/// out, since they change without the document changing). Chunk keys are content hashes, so
/// the same keys mean the same stored changes.
pub fn fingerprint<'a>(keys: impl IntoIterator<Item = &'a StorageKey>) -> u64 {
    let mut names: Vec<String> = keys
        .into_iter()
        .filter(|key| !is_sync_state_key(key))
        .map(|key| key[1..].join("/"))
        .collect();
    names.sort();
    let mut hasher = Sha256::new();
    for name in &names {
        hasher.update(name.as_bytes());
        hasher.update([0]);
    }
    let digest = hasher.finalize();
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&digest[..8]);
    u64::from_le_bytes(bytes)
}

/// The stored documents' fingerprints, from a listing of every key in the store. Keys that do
/// not start with a document id (metadata, files, the cache) are left out.
pub fn fingerprints_of_listing(keys: &[StorageKey]) -> BTreeMap<DocumentId, u64> {
    let mut grouped: BTreeMap<&str, Vec<&StorageKey>> = BTreeMap::new();
    for key in keys {
        if let Some(first) = key.first() {
            grouped.entry(first.as_str()).or_default().push(key);
        }
    }
    grouped
        .into_iter()
        .filter_map(|(first, keys)| {
            let id: DocumentId = first.parse().ok()?;
            let chunks: Vec<&StorageKey> = keys
                .into_iter()
                .filter(|key| !is_sync_state_key(key))
                .collect();
            (!chunks.is_empty()).then(|| (id, fingerprint(chunks)))
        })
        .collect()
}
