//! The app's complete backup (issue 8, `store::backup`): a round trip through one file gives a
//! store whose every document has the same Automerge heads and every file the same content
//! hash, and whose registry shows the same partners; a damaged, truncated, foreign or newer
//! file, or a device that already holds partners, is refused with a message saying so and
//! nothing is written.

use std::collections::BTreeMap;

use automerge::ActorId;
use futures::executor::block_on;
use partnero::files::{pending_uploads, save_new_file, sha256_hex};
use partnero::model::*;
use partnero::registry::Registry;
use partnero::search::generate::generate_partners;
use partnero::store::backup::{
    create_backup, document_heads, read_backup, restore_backup, BackupError, MAGIC,
};
use partnero::store::{MemoryStore, StorageKey, Store};

const NOW_MS: i64 = 1_780_000_000_000;
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n a tiny picture of a licence";

fn actor(byte: u8) -> ActorId {
    ActorId::from([byte; 16])
}

fn workspace(byte: u8) -> DocumentId {
    DocumentId::from_random_bytes([byte; 16])
}

/// A device with 40 generated partners (bank accounts and notes in their companions), an
/// interaction logged, and a file attached; returns the file's hash.
async fn seeded(store: &MemoryStore) -> String {
    let mut registry = Registry::open(store, actor(1), workspace(1)).await.unwrap();
    let partners: Vec<(DocumentId, PartnerProfile)> = generate_partners(3, 40)
        .into_iter()
        .map(|(id, profile)| (id.parse().unwrap(), profile))
        .collect();
    let first = partners[0].0;
    registry.create_partners(partners, NOW_MS).await.unwrap();
    registry
        .edit_activity(&first, "log a call", NOW_MS, |activity| {
            activity.notes = "Call back on Monday.".into();
            Ok(())
        })
        .await
        .unwrap();
    let file = save_new_file(store, PNG, "image/png", "licence.png")
        .await
        .unwrap();
    // As if it had been uploaded: the restored device must queue it again anyway.
    partnero::files::mark_uploaded(store, &file.sha256)
        .await
        .unwrap();
    file.sha256
}

/// Every stored document's heads and every file's content hash, as the store holds them.
async fn contents(
    store: &MemoryStore,
) -> (BTreeMap<String, Vec<automerge::ChangeHash>>, Vec<String>) {
    let (bytes, _) = create_backup(store, NOW_MS).await.unwrap();
    let (body, _) = read_backup(&bytes).unwrap();
    let heads = document_heads(&body).unwrap();
    let files = store
        .load_range(&["partnero-files".to_owned()])
        .await
        .unwrap()
        .into_iter()
        .map(|(_, bytes)| sha256_hex(&bytes))
        .collect();
    (heads, files)
}

fn shown(registry: &Registry<&MemoryStore>) -> Vec<(DocumentId, Partner)> {
    registry
        .partners()
        .map(|(id, partner)| (id, partner.clone()))
        .collect()
}

#[test]
fn a_backup_restored_into_an_empty_device_has_the_same_documents_and_files() {
    block_on(async {
        let original = MemoryStore::new();
        let file = seeded(&original).await;
        let (bytes, summary) = create_backup(&original, NOW_MS).await.unwrap();
        assert!(bytes.starts_with(MAGIC));
        // 40 partners, the workspace, and the banking and activity documents of those with
        // bank accounts or notes (one at least: the call note).
        assert!(summary.documents >= 42, "{summary:?}");
        assert_eq!(summary.files, 1);
        assert_eq!(summary.bytes, bytes.len());

        // A fresh device: the app has opened an empty workspace of its own.
        let fresh = MemoryStore::new();
        let empty = Registry::open(&fresh, actor(2), workspace(2))
            .await
            .unwrap();
        let restored = restore_backup(&fresh, &bytes, empty.partners().count())
            .await
            .unwrap();
        drop(empty);
        assert_eq!(restored.documents, summary.documents);

        let (heads_before, files_before) = contents(&original).await;
        let (heads_after, files_after) = contents(&fresh).await;
        assert_eq!(heads_before, heads_after);
        assert_eq!(files_before, files_after);
        assert_eq!(files_after, vec![file.clone()]);

        let before = Registry::open(&original, actor(3), workspace(3))
            .await
            .unwrap();
        let after = Registry::open(&fresh, actor(4), workspace(4))
            .await
            .unwrap();
        assert_eq!(after.workspace_id(), before.workspace_id());
        assert_eq!(shown(&after).len(), 40);
        assert_eq!(shown(&after), shown(&before));
        assert!(shown(&after)
            .iter()
            .any(|(_, partner)| partner.profile.notes == "Call back on Monday."));
        // The file is queued for upload again, with its media type.
        assert_eq!(
            pending_uploads(&fresh).await.unwrap(),
            vec![(file, "image/png".to_owned())]
        );
        // Nothing about the old device's server: no sync states, no change-feed cursor.
        let keys: Vec<StorageKey> = fresh.keys();
        assert!(!keys
            .iter()
            .any(|key| key.get(1).map(String::as_str) == Some("sync-state")));
    });
}

/// A restore that fails leaves the store exactly as it was.
async fn refused(bytes: &[u8]) -> BackupError {
    let fresh = MemoryStore::new();
    let registry = Registry::open(&fresh, actor(2), workspace(2))
        .await
        .unwrap();
    drop(registry);
    let before = fresh.load_range(&[]).await.unwrap();
    let error = restore_backup(&fresh, bytes, 0).await.unwrap_err();
    assert_eq!(fresh.load_range(&[]).await.unwrap(), before, "{error}");
    error
}

#[test]
fn a_damaged_truncated_foreign_or_newer_backup_is_refused_and_nothing_is_written() {
    block_on(async {
        let original = MemoryStore::new();
        seeded(&original).await;
        let (bytes, _) = create_backup(&original, NOW_MS).await.unwrap();

        let mut flipped = bytes.clone();
        let middle = flipped.len() / 2;
        flipped[middle] ^= 0x40;
        assert_eq!(refused(&flipped).await, BackupError::Damaged);

        let truncated = &bytes[..bytes.len() - 1000];
        assert_eq!(refused(truncated).await, BackupError::Damaged);

        let error = refused(b"name,tax id\nIberia,B12345674\n").await;
        assert_eq!(error, BackupError::NotABackup);
        assert!(error.to_string().contains("not a Partnero backup"));

        // A newer format: a body starting with version 99, correctly checksummed.
        let mut newer = MAGIC.to_vec();
        newer.extend(postcard::to_allocvec(&99u32).unwrap());
        newer.extend([0u8; 8]);
        let checksum = <sha2::Sha256 as sha2::Digest>::digest(&newer);
        newer.extend_from_slice(&checksum);
        let error = refused(&newer).await;
        assert_eq!(error, BackupError::NewerVersion(99));
        assert!(error.to_string().contains("newer version"));

        // A document whose chunk is garbage, correctly checksummed: named in the error.
        let (mut body, _) = read_backup(&bytes).unwrap();
        let damaged = body
            .entries
            .iter_mut()
            .find(|(key, _)| key.get(1).map(String::as_str) == Some("incremental"))
            .unwrap();
        let id = damaged.0[0].clone();
        damaged.1 = b"not automerge".to_vec();
        let mut forged = MAGIC.to_vec();
        forged.extend(postcard::to_allocvec(&body).unwrap());
        let checksum = <sha2::Sha256 as sha2::Digest>::digest(&forged);
        forged.extend_from_slice(&checksum);
        match refused(&forged).await {
            BackupError::BadDocument { id: named, .. } => assert_eq!(named, id),
            other => panic!("expected a bad document, got {other}"),
        }
    });
}

#[test]
fn a_device_that_holds_partners_is_not_overwritten() {
    block_on(async {
        let original = MemoryStore::new();
        seeded(&original).await;
        let (bytes, _) = create_backup(&original, NOW_MS).await.unwrap();
        let busy = MemoryStore::new();
        seeded(&busy).await;
        let before = busy.load_range(&[]).await.unwrap();
        let error = restore_backup(&busy, &bytes, 40).await.unwrap_err();
        assert_eq!(error, BackupError::NotEmpty);
        assert!(error.to_string().contains("empty workspace"));
        assert_eq!(busy.load_range(&[]).await.unwrap(), before);
    });
}
