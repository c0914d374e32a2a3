//! A complete backup of this device's data as one file, and its restore into an empty store
//! (issue 8): every document's stored chunks, every attached file and the workspace pointer.
//!
//! Left out, because they are derived or describe this device's relation with a server rather
//! than the data: the start-up cache and the search index (`partnero-cache`, rebuilt at the next
//! start), sync states and the change-feed cursor (a restored device may talk to a fresh server;
//! claiming it shares changes with it would keep them from being sent).
//!
//! The file: the [`MAGIC`] line, then a postcard-encoded [`BackupBody`], then the SHA-256 of
//! everything before it. Restoring checks, before writing anything, that the checksum matches,
//! that every document's chunks load as one Automerge document and that every file's bytes
//! hash to its name; only then are the entries written, and every file is queued for upload
//! (the server the restored device talks to may never have seen it). A damaged file
//! therefore changes nothing.
//!
//! Pure: the caller turns the bytes into a download and reads the chosen file.

use std::collections::BTreeMap;

use automerge::{AutoCommit, ChangeHash};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::keys::hex;
use super::{is_sync_state_key, workspace_pointer_key, StorageKey, Store, StoreError};

/// First bytes of a backup file.
pub const MAGIC: &[u8] = b"PARTNERO-BACKUP\n";
/// Version of the body's shape; a newer one is refused with a message saying so.
pub const BACKUP_VERSION: u32 = 1;

const CACHE_ROOT: &str = "partnero-cache";
const META_ROOT: &str = "partnero-meta";
const FILES_ROOT: &str = "partnero-files";
const UPLOADS_ROOT: &str = "partnero-uploads";

/// What a backup file holds after its magic line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupBody {
    pub version: u32,
    /// When it was taken (milliseconds since the epoch, from the caller's clock).
    pub created_at_ms: i64,
    /// Every stored entry kept (see the module header), in key order.
    pub entries: Vec<(StorageKey, Vec<u8>)>,
}

/// What a backup holds, for the confirmation before a restore and for the report after it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BackupSummary {
    pub created_at_ms: i64,
    /// Documents (the workspace, partners and their companions, settings).
    pub documents: usize,
    /// Attached files.
    pub files: usize,
    /// Size of the backup file.
    pub bytes: usize,
}

/// Why a backup could not be taken or restored. Each message says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BackupError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("this is not a Partnero backup (it does not start with the backup header)")]
    NotABackup,
    #[error(
        "the backup is damaged or incomplete (its checksum does not match); nothing was restored"
    )]
    Damaged,
    #[error("the backup is damaged ({0}); nothing was restored")]
    Unreadable(String),
    #[error("this backup was written by a newer version of Partnero (format {0}); update the app, then restore it")]
    NewerVersion(u32),
    #[error("document {id} in the backup does not load ({reason}); nothing was restored")]
    BadDocument { id: String, reason: String },
    #[error("file {name} in the backup does not match its checksum; nothing was restored")]
    BadFile { name: String },
    #[error("the backup holds no workspace; nothing was restored")]
    NoWorkspace,
    #[error("this device already holds partners; a backup is restored only into an empty workspace (sign out or use a fresh browser profile first)")]
    NotEmpty,
}

/// True for the entries a backup keeps (see the module header).
pub fn kept_in_backup(key: &[String]) -> bool {
    match key.first().map(String::as_str) {
        None => false,
        Some(CACHE_ROOT) => false,
        Some(META_ROOT) => key == workspace_pointer_key().as_slice(),
        Some(_) => !is_sync_state_key(key),
    }
}

/// Reads every entry a backup keeps from `store` and writes the backup file.
pub async fn create_backup<S: Store>(
    store: &S,
    created_at_ms: i64,
) -> Result<(Vec<u8>, BackupSummary), BackupError> {
    let entries: Vec<(StorageKey, Vec<u8>)> = (store.load_range(&[]).await?)
        .into_iter()
        .filter(|(key, _)| kept_in_backup(key))
        .collect();
    let body = BackupBody {
        version: BACKUP_VERSION,
        created_at_ms,
        entries,
    };
    let mut bytes = MAGIC.to_vec();
    bytes.extend(
        postcard::to_allocvec(&body).map_err(|error| BackupError::Unreadable(error.to_string()))?,
    );
    let checksum = Sha256::digest(&bytes);
    bytes.extend_from_slice(&checksum);
    let mut summary = summarize(&body.entries);
    summary.created_at_ms = created_at_ms;
    summary.bytes = bytes.len();
    Ok((bytes, summary))
}

/// Checks a backup file completely (see the module header) without writing anything.
pub fn read_backup(bytes: &[u8]) -> Result<(BackupBody, BackupSummary), BackupError> {
    if !bytes.starts_with(MAGIC) {
        return Err(BackupError::NotABackup);
    }
    if bytes.len() < MAGIC.len() + 32 {
        return Err(BackupError::Damaged);
    }
    let (content, checksum) = bytes.split_at(bytes.len() - 32);
    if Sha256::digest(content).as_slice() != checksum {
        return Err(BackupError::Damaged);
    }
    let body_bytes = &content[MAGIC.len()..];
    // The version comes first in the body, so a newer format is named before its shape is.
    let (version, _) = postcard::take_from_bytes::<u32>(body_bytes)
        .map_err(|error| BackupError::Unreadable(error.to_string()))?;
    if version > BACKUP_VERSION {
        return Err(BackupError::NewerVersion(version));
    }
    let body: BackupBody = postcard::from_bytes(body_bytes)
        .map_err(|error| BackupError::Unreadable(error.to_string()))?;
    if !(body.entries.iter()).any(|(key, _)| key.as_slice() == workspace_pointer_key().as_slice()) {
        return Err(BackupError::NoWorkspace);
    }
    let mut documents: BTreeMap<&str, Vec<&[u8]>> = BTreeMap::new();
    for (key, value) in &body.entries {
        match key.first().map(String::as_str) {
            Some(FILES_ROOT) => {
                let name = key.get(1).cloned().unwrap_or_default();
                if hex(&Sha256::digest(value)) != name {
                    return Err(BackupError::BadFile { name });
                }
            }
            Some(META_ROOT) | Some(UPLOADS_ROOT) | None => {}
            Some(id) => documents.entry(id).or_default().push(value),
        }
    }
    for (id, chunks) in documents {
        let joined: Vec<u8> = chunks.concat();
        AutoCommit::load(&joined).map_err(|error| BackupError::BadDocument {
            id: id.to_owned(),
            reason: error.to_string(),
        })?;
    }
    let mut summary = summarize(&body.entries);
    summary.created_at_ms = body.created_at_ms;
    summary.bytes = bytes.len();
    Ok((body, summary))
}

/// Restores a backup into `store`, which must hold no partners: `workspace_partners` is how
/// many partners the registry open on it lists (a fresh device has an empty workspace of its
/// own, which the backup's pointer replaces). Everything is checked before the first write.
pub async fn restore_backup<S: Store>(
    store: &S,
    bytes: &[u8],
    workspace_partners: usize,
) -> Result<BackupSummary, BackupError> {
    if workspace_partners > 0 {
        return Err(BackupError::NotEmpty);
    }
    let (body, summary) = read_backup(bytes)?;
    // The pointer last: until it is written, the device still opens its own (empty)
    // workspace, so a failure part-way leaves nothing that looks restored.
    let pointer = workspace_pointer_key();
    for (key, value) in body.entries.iter().filter(|(key, _)| *key != pointer) {
        store.save(key, value).await?;
    }
    // Files the backed-up device had uploaded carry no upload mark; the server this device
    // talks to now may not have them, so they are queued again (uploads are idempotent).
    let marked: std::collections::BTreeSet<&String> = (body.entries.iter())
        .filter(|(key, _)| key.first().map(String::as_str) == Some(UPLOADS_ROOT))
        .filter_map(|(key, _)| key.get(1))
        .collect();
    for (key, value) in &body.entries {
        if key.first().map(String::as_str) != Some(FILES_ROOT) {
            continue;
        }
        let Some(name) = key.get(1).filter(|name| !marked.contains(name)) else {
            continue;
        };
        if let Some(media_type) = sniff_media_type(value) {
            let mark = [UPLOADS_ROOT.to_owned(), name.clone()];
            store.save(&mark, media_type.as_bytes()).await?;
        }
    }
    // The start-up cache describes the workspace being replaced.
    store.remove_range(&[CACHE_ROOT.to_owned()]).await?;
    let replaced = store.load(&pointer).await?;
    if let Some((key, value)) = body.entries.iter().find(|(key, _)| *key == pointer) {
        store.save(key, value).await?;
        // The empty workspace this device made for itself is no longer named by anything.
        if let Some(old) = replaced.filter(|old| old != value) {
            let old = String::from_utf8_lossy(&old).into_owned();
            let in_backup = (body.entries.iter()).any(|(key, _)| key.first() == Some(&old));
            if !in_backup && !old.is_empty() {
                store.remove_range(&[old]).await?;
            }
        }
    }
    Ok(summary)
}

/// The heads of every document in a backup, by document id: what the round-trip test compares.
pub fn document_heads(body: &BackupBody) -> Result<BTreeMap<String, Vec<ChangeHash>>, BackupError> {
    let mut chunks: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for (key, value) in &body.entries {
        match key.first().map(String::as_str) {
            Some(FILES_ROOT) | Some(META_ROOT) | Some(UPLOADS_ROOT) | None => {}
            Some(id) => chunks.entry(id.to_owned()).or_default().extend(value),
        }
    }
    chunks
        .into_iter()
        .map(|(id, joined)| {
            let mut doc = AutoCommit::load(&joined).map_err(|error| BackupError::BadDocument {
                id: id.clone(),
                reason: error.to_string(),
            })?;
            Ok((id, doc.get_heads()))
        })
        .collect()
}

/// The media type of a file's bytes, among those a verification document may have (upload
/// marks carry it, and the documents that name a file are not read here).
fn sniff_media_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(b"\x89PNG") {
        Some("image/png")
    } else if bytes.starts_with(b"%PDF") {
        Some("application/pdf")
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" && bytes[8..12].starts_with(b"hei") {
        Some("image/heic")
    } else {
        None
    }
}

fn summarize(entries: &[(StorageKey, Vec<u8>)]) -> BackupSummary {
    let mut documents = std::collections::BTreeSet::new();
    let mut files = 0;
    for (key, _) in entries {
        match key.first().map(String::as_str) {
            Some(FILES_ROOT) => files += 1,
            Some(META_ROOT) | Some(UPLOADS_ROOT) | None => {}
            Some(id) => {
                documents.insert(id);
            }
        }
    }
    BackupSummary {
        documents: documents.len(),
        files,
        ..BackupSummary::default()
    }
}
