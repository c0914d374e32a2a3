//! Content-addressed file storage for verification documents (photos of business licences,
//! PDFs): `PUT /api/files/{sha256}` and `GET /api/files/{sha256}`.
//!
//! Files stay out of the Automerge documents, which every device syncs in full and keeps
//! forever: a partner document stores only a file's SHA-256 (lower-case hex), size and media
//! type, and a device fetches the bytes when it needs them. Addressing by content makes an
//! upload idempotent (a retry after a lost answer stores nothing twice), lets the server refuse
//! bytes that do not match their name (so nothing is stored half-uploaded or under the wrong
//! address), and lets clients cache a file forever, because its name can never mean other bytes.
//!
//! The bytes live in the same SQLite file as everything else (table `files`), so one backup
//! holds the documents and the files they refer to; at the sizes allowed (10 MiB by default)
//! SQLite serves blobs about as fast as the file system.

use axum::body::Bytes;
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use partnero::model::ServerError;
use rusqlite::{params, OptionalExtension};
use sha2::{Digest, Sha256};

use crate::database::{Database, DatabaseError};
use crate::server::{authenticate, now_seconds, ApiError, AppState, TokenQuery};

/// Largest file accepted when `--max-file-bytes` is not given: a phone photo or a scanned
/// multi-page PDF fits, and the whole body is held in memory while it is hashed and stored.
pub const DEFAULT_MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

/// The media types a verification document may have. Anything else (HTML, SVG, scripts) is
/// refused, so the server never hands a browser active content under its own origin.
pub const ALLOWED_MEDIA_TYPES: [&str; 5] = [
    "image/jpeg",
    "image/png",
    "image/webp",
    "image/heic",
    "application/pdf",
];

/// How long clients may cache a file: its name is its content's hash, so it never changes.
const CACHE_FOREVER: &str = "private, max-age=31536000, immutable";

/// A stored file, as `GET` serves it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFile {
    pub media_type: String,
    pub data: Vec<u8>,
}

/// Whether `text` is a file id: a SHA-256 as 64 lower-case hex characters. Only one spelling is
/// accepted so that one file has one address (and one row).
pub fn is_file_id(text: &str) -> bool {
    text.len() == 64
        && text
            .bytes()
            .all(|byte| matches!(byte, b'0'..=b'9' | b'a'..=b'f'))
}

/// The file id of `data`: its SHA-256 in lower-case hex.
pub fn file_id(data: &[u8]) -> String {
    Sha256::digest(data)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

impl Database {
    /// Stores a file under its SHA-256 unless it is already there; `true` if it was new. The
    /// caller has checked that `sha256` is the hash of `data`. Durable when this returns (one
    /// autocommit statement on a `synchronous=FULL` connection).
    pub async fn store_file(
        &self,
        sha256: String,
        media_type: String,
        data: Vec<u8>,
        uploaded_by: i64,
        now: i64,
    ) -> Result<bool, DatabaseError> {
        self.run("store a file", move |connection| {
            // OR IGNORE: a second upload of the same bytes leaves the first row, its uploader
            // and its time as they were.
            let inserted = connection.execute(
                "INSERT OR IGNORE INTO files (sha256, media_type, size, data, uploaded_by, uploaded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![sha256, media_type, data.len() as i64, data, uploaded_by, now],
            )?;
            Ok(inserted == 1)
        })
        .await
    }

    /// A stored file, or `None` if no file has this SHA-256.
    pub async fn load_file(&self, sha256: String) -> Result<Option<StoredFile>, DatabaseError> {
        self.run("load a file", move |connection| {
            connection
                .query_row(
                    "SELECT media_type, data FROM files WHERE sha256 = ?1",
                    [sha256],
                    |row| {
                        Ok(StoredFile {
                            media_type: row.get(0)?,
                            data: row.get(1)?,
                        })
                    },
                )
                .optional()
        })
        .await
    }

    /// Whether a file with this SHA-256 is stored, without reading its bytes.
    pub async fn has_file(&self, sha256: String) -> Result<bool, DatabaseError> {
        self.run("look up a file", move |connection| {
            connection
                .query_row(
                    "SELECT 1 FROM files WHERE sha256 = ?1",
                    [sha256],
                    |_| Ok(()),
                )
                .optional()
                .map(|found| found.is_some())
        })
        .await
    }
}

fn internal_error(error: DatabaseError) -> ApiError {
    tracing::error!(%error, "file storage failed");
    ApiError(StatusCode::INTERNAL_SERVER_ERROR, ServerError::ServerFailed)
}

fn check_file_id(sha256: &str) -> Result<(), ApiError> {
    if is_file_id(sha256) {
        Ok(())
    } else {
        Err(ApiError(
            StatusCode::BAD_REQUEST,
            ServerError::FileIdInvalid,
        ))
    }
}

/// The media type of an upload, without parameters and in lower case, if it is allowed.
fn media_type(headers: &HeaderMap) -> Result<&'static str, ApiError> {
    let allowed = ALLOWED_MEDIA_TYPES.join(", ");
    let Some(value) = headers.get(header::CONTENT_TYPE) else {
        return Err(ApiError(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ServerError::FileTypeMissing { allowed },
        ));
    };
    let given = value.to_str().unwrap_or_default();
    let essence = given.split(';').next().unwrap_or_default().trim();
    ALLOWED_MEDIA_TYPES
        .into_iter()
        .find(|candidate| candidate.eq_ignore_ascii_case(essence))
        .ok_or_else(|| {
            ApiError(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                ServerError::FileTypeRefused {
                    given: given.to_owned(),
                    allowed,
                },
            )
        })
}

fn too_large(limit: usize) -> ApiError {
    ApiError(
        StatusCode::PAYLOAD_TOO_LARGE,
        ServerError::FileTooLarge { limit },
    )
}

/// `PUT /api/files/{sha256}`: stores the body under its SHA-256. 201 when new, 200 when the
/// file was already stored (nothing is rewritten). The answer comes after the commit.
pub(crate) async fn upload(
    State(state): State<AppState>,
    Path(sha256): Path<String>,
    headers: HeaderMap,
    request: Request,
) -> Result<Response, ApiError> {
    // Authentication first: the body is read only for a signed-in user, so nobody else can make
    // the server buffer megabytes.
    let (_, session) = authenticate(&state, &headers, &TokenQuery::default()).await?;
    check_file_id(&sha256)?;
    let media_type = media_type(&headers)?;
    let limit = state.max_file_bytes;
    // A declared length over the limit is refused before reading a byte; a body without one
    // (chunked) is cut off by axum's limit on this route once it passes `limit`.
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit as u64) {
        return Err(too_large(limit));
    }
    let body = Bytes::from_request(request, &state)
        .await
        .map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                too_large(limit)
            } else {
                ApiError(
                    StatusCode::BAD_REQUEST,
                    ServerError::FileUnreadable {
                        detail: rejection.body_text(),
                    },
                )
            }
        })?;
    // Hashing 10 MiB takes tens of milliseconds: off the async workers.
    let (actual, body) = tokio::task::spawn_blocking(move || (file_id(&body), body))
        .await
        .map_err(|_| ApiError(StatusCode::INTERNAL_SERVER_ERROR, ServerError::ServerFailed))?;
    if actual != sha256 {
        return Err(ApiError(
            StatusCode::BAD_REQUEST,
            ServerError::FileHashMismatch {
                actual,
                expected: sha256,
            },
        ));
    }
    let size = body.len();
    let created = state
        .database
        .store_file(
            sha256.clone(),
            media_type.to_owned(),
            Vec::from(body),
            session.user.id,
            now_seconds(),
        )
        .await
        .map_err(internal_error)?;
    if created {
        tracing::info!(user = session.user.id, %sha256, size, media_type, "file stored");
    }
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((
        status,
        Json(serde_json::json!({ "sha256": sha256, "size": size, "created": created })),
    )
        .into_response())
}

/// `GET /api/files/{sha256}` (and `HEAD`): the bytes with the media type they were uploaded
/// with, cacheable for good; 304 when the client already holds them (`If-None-Match`).
pub(crate) async fn download(
    State(state): State<AppState>,
    Path(sha256): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    authenticate(&state, &headers, &TokenQuery::default()).await?;
    check_file_id(&sha256)?;
    let etag = format!("\"{sha256}\"");
    let not_found = || {
        ApiError(
            StatusCode::NOT_FOUND,
            ServerError::FileNotFound {
                sha256: sha256.clone(),
            },
        )
    };
    let revalidating = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.split(',').any(|tag| tag.trim() == etag));
    if revalidating {
        if !state
            .database
            .has_file(sha256.clone())
            .await
            .map_err(internal_error)?
        {
            return Err(not_found());
        }
        return Ok((StatusCode::NOT_MODIFIED, cache_headers(&etag)).into_response());
    }
    let file = state
        .database
        .load_file(sha256.clone())
        .await
        .map_err(internal_error)?
        .ok_or_else(not_found)?;
    let content_type = HeaderValue::from_str(&file.media_type)
        .unwrap_or(HeaderValue::from_static("application/octet-stream"));
    let mut response = (cache_headers(&etag), file.data).into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, content_type);
    Ok(response)
}

fn cache_headers(etag: &str) -> [(header::HeaderName, HeaderValue); 3] {
    [
        (
            header::CACHE_CONTROL,
            HeaderValue::from_static(CACHE_FOREVER),
        ),
        (
            header::ETAG,
            HeaderValue::from_str(etag).expect("hex digits are a valid header value"),
        ),
        // The stored media type is one of the allowed ones, but a browser must not guess
        // another from the bytes.
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_ids_are_64_lower_case_hex_characters() {
        let id = file_id(b"hello");
        assert_eq!(
            id,
            "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
        );
        assert!(is_file_id(&id));
        assert!(!is_file_id(&id.to_uppercase()));
        assert!(!is_file_id(&id[1..]));
        assert!(!is_file_id(&format!("{id}0")));
        assert!(!is_file_id(&id.replace('2', "g")));
    }
}
