//! Files attached to records (photos and PDFs of verification documents), kept out of Automerge
//! and named by the SHA-256 of their content.
//!
//! On the device they live in the same [`Store`] as the documents, under their own key prefixes:
//! `["partnero-files", sha256]` holds the bytes and `["partnero-uploads", sha256]` marks a file
//! the sync server does not have yet. Saving the bytes and the upload mark happens before the
//! record names the file, so a record never points at a file this device lost. Content
//! addressing makes uploads idempotent and lets the server and each device check what they got.
//!
//! Pure: the browser glue moves the bytes over HTTP (`web::files`).

use sha2::{Digest, Sha256};

use crate::model::FileRef;
use crate::store::{Store, StoreError};

const FILES: &str = "partnero-files";
const UPLOADS: &str = "partnero-uploads";

/// Largest file a device accepts from the user (the server's default limit is the same).
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

/// Media types a verification document may have; the server accepts the same list.
pub const ACCEPTED_MEDIA_TYPES: [&str; 5] = [
    "image/jpeg",
    "image/png",
    "image/webp",
    "image/heic",
    "application/pdf",
];

/// Why a file could not be kept or read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the file is empty")]
    Empty,
    #[error("the file has {size} bytes; the limit is {limit} bytes (10 MiB)")]
    TooLarge { size: usize, limit: usize },
    #[error("files of type {0} cannot be attached; use a photo (JPEG, PNG, WebP, HEIC) or a PDF")]
    MediaType(String),
    #[error("the stored copy of file {0} is damaged (its content does not match its name)")]
    Damaged(String),
}

/// SHA-256 of `bytes` as 64 lower-case hex characters.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

fn file_key(sha256: &str) -> Vec<String> {
    vec![FILES.to_owned(), sha256.to_owned()]
}

fn upload_key(sha256: &str) -> Vec<String> {
    vec![UPLOADS.to_owned(), sha256.to_owned()]
}

/// Checks and keeps a file the user picked or photographed, and queues it for upload.
pub async fn save_new_file<S: Store>(
    store: &S,
    bytes: &[u8],
    media_type: &str,
    name: &str,
) -> Result<FileRef, FileError> {
    if bytes.is_empty() {
        return Err(FileError::Empty);
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            size: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let media_type = media_type.trim().to_ascii_lowercase();
    if !ACCEPTED_MEDIA_TYPES.contains(&media_type.as_str()) {
        return Err(FileError::MediaType(if media_type.is_empty() {
            "unknown".into()
        } else {
            media_type
        }));
    }
    let sha256 = sha256_hex(bytes);
    store.save(&file_key(&sha256), bytes).await?;
    store
        .save(&upload_key(&sha256), media_type.as_bytes())
        .await?;
    Ok(FileRef {
        sha256,
        size: bytes.len() as u64,
        media_type,
        name: name.trim().to_owned(),
    })
}

/// The bytes of a file if this device has them, checked against their name.
pub async fn load_file<S: Store>(store: &S, sha256: &str) -> Result<Option<Vec<u8>>, FileError> {
    match store.load(&file_key(sha256)).await? {
        Some(bytes) if sha256_hex(&bytes) == sha256 => Ok(Some(bytes)),
        Some(_) => Err(FileError::Damaged(sha256.to_owned())),
        None => Ok(None),
    }
}

/// Keeps a file downloaded from the server, refusing bytes that do not match the name.
pub async fn save_downloaded<S: Store>(
    store: &S,
    sha256: &str,
    bytes: &[u8],
) -> Result<(), FileError> {
    if sha256_hex(bytes) != sha256 {
        return Err(FileError::Damaged(sha256.to_owned()));
    }
    store.save(&file_key(sha256), bytes).await?;
    Ok(())
}

/// Files waiting for upload, with their media type, in name order.
pub async fn pending_uploads<S: Store>(store: &S) -> Result<Vec<(String, String)>, FileError> {
    Ok(store
        .load_range(&[UPLOADS.to_owned()])
        .await?
        .into_iter()
        .filter_map(|(key, media_type)| {
            Some((
                key.get(1)?.clone(),
                String::from_utf8_lossy(&media_type).into_owned(),
            ))
        })
        .collect())
}

/// The server confirmed it has the file.
pub async fn mark_uploaded<S: Store>(store: &S, sha256: &str) -> Result<(), FileError> {
    store.remove(&upload_key(sha256)).await?;
    Ok(())
}
