//! The contract every [`Store`] must honour, as one async check that panics with a message on
//! the first broken rule. Native tests run it on `MemoryStore`; wasm tests run it in Chromium on
//! the IndexedDB store.

use super::{StorageKey, Store};

fn key(parts: &[&str]) -> StorageKey {
    parts.iter().map(|part| part.to_string()).collect()
}

/// Runs every rule against an empty store.
pub async fn check_store_contract<S: Store>(store: &S) {
    // A missing key is `None`, not an error.
    assert_eq!(
        store.load(&key(&["doc-a", "snapshot", "1"])).await.unwrap(),
        None,
        "missing key"
    );

    // Save then load returns the same bytes, including an empty value and arbitrary bytes.
    let all_bytes: Vec<u8> = (0..=255).collect();
    store
        .save(&key(&["doc-a", "snapshot", "1"]), &all_bytes)
        .await
        .unwrap();
    store
        .save(&key(&["doc-a", "incremental", "2"]), &[])
        .await
        .unwrap();
    assert_eq!(
        store.load(&key(&["doc-a", "snapshot", "1"])).await.unwrap(),
        Some(all_bytes.clone())
    );
    assert_eq!(
        store
            .load(&key(&["doc-a", "incremental", "2"]))
            .await
            .unwrap(),
        Some(vec![])
    );

    // Saving again under the same key overwrites.
    store
        .save(&key(&["doc-a", "snapshot", "1"]), b"second")
        .await
        .unwrap();
    assert_eq!(
        store.load(&key(&["doc-a", "snapshot", "1"])).await.unwrap(),
        Some(b"second".to_vec())
    );

    // Range reads match whole components, in key order, and never leak a neighbour whose id
    // merely starts with the same characters ("doc-a" vs "doc-ab").
    store
        .save(&key(&["doc-ab", "snapshot", "9"]), b"neighbour")
        .await
        .unwrap();
    store
        .save(&key(&["doc-a", "incremental", "1"]), b"first")
        .await
        .unwrap();
    store
        .save(&key(&["doc-b", "incremental", "1"]), b"other")
        .await
        .unwrap();
    let range = store.load_range(&key(&["doc-a"])).await.unwrap();
    assert_eq!(
        range,
        vec![
            (key(&["doc-a", "incremental", "1"]), b"first".to_vec()),
            (key(&["doc-a", "incremental", "2"]), vec![]),
            (key(&["doc-a", "snapshot", "1"]), b"second".to_vec()),
        ],
        "range of doc-a"
    );
    assert_eq!(
        store.load_keys(&key(&["doc-a"])).await.unwrap(),
        range.iter().map(|(key, _)| key.clone()).collect::<Vec<_>>(),
        "keys of doc-a, without their values"
    );
    let incremental = store
        .load_range(&key(&["doc-a", "incremental"]))
        .await
        .unwrap();
    assert_eq!(incremental.len(), 2, "range of doc-a/incremental");
    assert!(
        store
            .load_range(&key(&["nothing"]))
            .await
            .unwrap()
            .is_empty(),
        "empty range"
    );

    // Keys with characters outside ASCII round-trip too.
    store
        .save(&key(&["doc-ñ", "snapshot", "ü"]), b"accents")
        .await
        .unwrap();
    assert_eq!(
        store.load(&key(&["doc-ñ", "snapshot", "ü"])).await.unwrap(),
        Some(b"accents".to_vec())
    );

    // Remove deletes one key; removing a missing key is fine.
    store
        .remove(&key(&["doc-a", "incremental", "1"]))
        .await
        .unwrap();
    store
        .remove(&key(&["doc-a", "incremental", "1"]))
        .await
        .unwrap();
    assert_eq!(
        store
            .load(&key(&["doc-a", "incremental", "1"]))
            .await
            .unwrap(),
        None
    );

    // Remove by range deletes exactly the prefix.
    store.remove_range(&key(&["doc-a"])).await.unwrap();
    assert!(
        store.load_range(&key(&["doc-a"])).await.unwrap().is_empty(),
        "doc-a removed"
    );
    assert_eq!(
        store
            .load(&key(&["doc-ab", "snapshot", "9"]))
            .await
            .unwrap(),
        Some(b"neighbour".to_vec())
    );
    assert_eq!(
        store
            .load(&key(&["doc-b", "incremental", "1"]))
            .await
            .unwrap(),
        Some(b"other".to_vec())
    );

    // A large value (a document with many attachments' worth of changes) survives intact.
    let large: Vec<u8> = (0..2_000_000u32).map(|index| (index % 251) as u8).collect();
    store
        .save(&key(&["doc-large", "snapshot", "1"]), &large)
        .await
        .unwrap();
    assert_eq!(
        store
            .load(&key(&["doc-large", "snapshot", "1"]))
            .await
            .unwrap(),
        Some(large)
    );
}
