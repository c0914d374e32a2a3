//! Browser tests, run in headless Chromium by wasm-bindgen-test: the same store contract as the
//! memory store, on the real IndexedDB, and the registry reopening from IndexedDB.
#![cfg(target_arch = "wasm32")]

use automerge::ActorId;
use partnero::model::{DocumentId, PartnerStatus};
use partnero::registry::Registry;
use partnero::store::contract::check_store_contract;
use partnero::store::{StorageKey, Store};
use partnero::validate::{validate_partner, PartnerDraft};
use partnero::web::IndexedDbStore;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn indexed_db_passes_the_store_contract() {
    IndexedDbStore::delete("contract-test").await.unwrap();
    let store = IndexedDbStore::open("contract-test").await.unwrap();
    check_store_contract(&store).await;
}

#[wasm_bindgen_test]
async fn the_registry_reopens_from_indexed_db_and_survives_a_corrupt_chunk() {
    IndexedDbStore::delete("registry-test").await.unwrap();
    let supplier = DocumentId::from_random_bytes([1; 16]);
    let client = DocumentId::from_random_bytes([2; 16]);
    let broken = DocumentId::from_random_bytes([3; 16]);
    {
        let store = IndexedDbStore::open("registry-test").await.unwrap();
        let mut registry = Registry::open(
            store,
            ActorId::from([1u8; 16]),
            DocumentId::from_random_bytes([9; 16]),
        )
        .await
        .unwrap();
        let draft = |kind: &str, name: &str| PartnerDraft {
            kind: kind.into(),
            legal_name: name.into(),
            ..Default::default()
        };
        registry
            .create_partner(
                supplier,
                validate_partner(&draft("supplier", "Aceites del Sur S.A.")).unwrap(),
                1,
            )
            .await
            .unwrap();
        registry
            .create_partner(
                client,
                validate_partner(&draft("client", "Hotel Miramar")).unwrap(),
                2,
            )
            .await
            .unwrap();
        registry
            .create_partner(
                broken,
                validate_partner(&draft("client", "Broken")).unwrap(),
                3,
            )
            .await
            .unwrap();
        registry.link(&supplier, &client, 4).await.unwrap();
        registry
            .set_status(&client, PartnerStatus::Archived, 5)
            .await
            .unwrap();
    }
    let store = IndexedDbStore::open("registry-test").await.unwrap();
    let chunks = store.load_range(&[broken.to_string()]).await.unwrap();
    let key: StorageKey = chunks[0].0.clone();
    store.save(&key, b"definitely not automerge").await.unwrap();

    let mut registry = Registry::open(
        store,
        ActorId::from([2u8; 16]),
        DocumentId::from_random_bytes([8; 16]),
    )
    .await
    .unwrap();
    // Every partner comes from the start-up cache in IndexedDB, without loading a document;
    // the damaged chunk kept its key, so it shows once the documents are loaded.
    assert_eq!(registry.loaded_count(), 0);
    assert!(registry.stale_documents().await.unwrap().is_empty());
    assert!(registry.unreadable().is_empty());
    assert_eq!(
        registry
            .ensure_loaded(&[supplier, client, broken])
            .await
            .unwrap(),
        vec![broken]
    );
    assert_eq!(
        registry.partner(&supplier).unwrap().profile.legal_name,
        "Aceites del Sur S.A."
    );
    assert_eq!(
        registry.partner(&client).unwrap().status,
        PartnerStatus::Archived
    );
    assert_eq!(registry.suppliers_of(&client), vec![supplier]);
    assert_eq!(registry.unreadable().len(), 1);
    assert_eq!(registry.unreadable()[0].id, broken.to_string());
}
