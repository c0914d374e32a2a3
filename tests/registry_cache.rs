//! The registry's start-up cache (`registry::cache`): a reopened registry lists every partner
//! without loading documents, loads a document when it is edited or opened, and finds and
//! repairs entries that fell behind their documents (a crash between the two writes, a damaged
//! or outdated cache), so the cache never hides a change.

use automerge::ActorId;
use futures::executor::block_on;
use partnero::model::{
    BankAccount, CompanionEntry, DataRequest, Decision, DocumentId, FileRef, GeoPosition,
    Interaction, InteractionKind, Invoice, InvoiceDirection, Partner, PartnerActivity,
    PartnerBanking, PartnerEntry, PartnerFinance, PartnerPortal, PartnerStatus, Payment,
    PaymentMethod, Proposal, PurchaseOrder, PurchaseOrderStatus, Reminder, RequestKind, Workspace,
};
use partnero::registry::cache::{
    bucket_key, bucket_of, decode_bucket, decode_workspace, encode_bucket, encode_workspace,
    CacheEntry, CachedValue, CachedWorkspace,
};
use partnero::registry::Registry;
use partnero::search::generate::generate_partners;
use partnero::store::{MemoryStore, Store};
use sha2::{Digest, Sha256};

fn actor(byte: u8) -> ActorId {
    ActorId::from([byte; 16])
}

fn workspace_id(byte: u8) -> DocumentId {
    DocumentId::from_random_bytes([byte; 16])
}

/// A registry of `count` generated partners on `store`; returns their ids.
async fn seeded(store: &MemoryStore, count: usize) -> Vec<DocumentId> {
    let mut registry = Registry::open(store, actor(1), workspace_id(1))
        .await
        .unwrap();
    let mut ids = Vec::new();
    for (index, (id, profile)) in generate_partners(7, count).into_iter().enumerate() {
        let id: DocumentId = id.parse().unwrap();
        registry
            .create_partner(id, profile, index as i64)
            .await
            .unwrap();
        ids.push(id);
    }
    ids
}

fn values(registry: &Registry<&MemoryStore>) -> Vec<(DocumentId, Partner)> {
    registry
        .partners()
        .map(|(id, partner)| (id, partner.clone()))
        .collect()
}

#[test]
fn a_reopened_registry_lists_every_partner_without_loading_documents() {
    block_on(async {
        let store = MemoryStore::new();
        let ids = seeded(&store, 150).await;
        let first = Registry::open(&store, actor(2), workspace_id(2))
            .await
            .unwrap();
        assert_eq!(first.partners().count(), 150);
        assert_eq!(first.loaded_count(), 0, "every partner came from the cache");
        assert!(first.stale_documents().await.unwrap().is_empty());

        // The same values as reading every document (the cache dropped, then rebuilt).
        let from_cache = values(&first);
        drop(first);
        store
            .remove_range(&["partnero-cache".into()])
            .await
            .unwrap();
        let rebuilt = Registry::open(&store, actor(3), workspace_id(3))
            .await
            .unwrap();
        assert_eq!(
            rebuilt.loaded_count(),
            150,
            "no cache: every document loaded"
        );
        assert_eq!(values(&rebuilt), from_cache);
        drop(rebuilt);
        let again = Registry::open(&store, actor(4), workspace_id(4))
            .await
            .unwrap();
        assert_eq!(again.loaded_count(), 0, "the cache was written again");

        // Every bucket holds only its own partners.
        for id in &ids {
            let bytes = store
                .load(&bucket_key(bucket_of(id)))
                .await
                .unwrap()
                .unwrap();
            let entries = decode_bucket(&bytes).unwrap();
            assert!(entries.iter().any(|entry| entry.id == *id.as_bytes()));
            assert!(entries.iter().all(|entry| entry.id[0] == bucket_of(id)));
        }
    });
}

#[test]
fn an_edit_loads_the_document_and_updates_the_cache() {
    block_on(async {
        let store = MemoryStore::new();
        let ids = seeded(&store, 40).await;
        let mut registry = Registry::open(&store, actor(2), workspace_id(2))
            .await
            .unwrap();
        let id = ids[7];
        let mut profile = registry.partner(&id).unwrap().profile.clone();
        profile.trade_name = "Renamed on the road".into();
        registry.update_profile(&id, profile, 1_000).await.unwrap();
        assert!(registry.is_loaded(&id));
        assert_eq!(
            registry.loaded_count(),
            1,
            "only the edited document was loaded"
        );
        registry
            .set_status(&ids[8], PartnerStatus::Archived, 1_001)
            .await
            .unwrap();
        drop(registry);

        let reopened = Registry::open(&store, actor(3), workspace_id(3))
            .await
            .unwrap();
        assert_eq!(reopened.loaded_count(), 0);
        assert_eq!(
            reopened.partner(&id).unwrap().profile.trade_name,
            "Renamed on the road"
        );
        assert_eq!(
            reopened.partner(&ids[8]).unwrap().status,
            PartnerStatus::Archived
        );
        assert!(reopened.stale_documents().await.unwrap().is_empty());
    });
}

#[test]
fn an_entry_behind_its_document_is_found_and_repaired() {
    block_on(async {
        let store = MemoryStore::new();
        let ids = seeded(&store, 60).await;
        let id = ids[11];
        let bucket = bucket_key(bucket_of(&id));
        let before = store.load(&bucket).await.unwrap().unwrap();

        // An edit whose bucket write never happened (the tab was closed between the two).
        let mut registry = Registry::open(&store, actor(2), workspace_id(2))
            .await
            .unwrap();
        let mut profile = registry.partner(&id).unwrap().profile.clone();
        // The trade name: a field of the partner document itself (notes and bank accounts
        // live in companion documents with buckets of their own).
        let old_name = profile.trade_name.clone();
        profile.trade_name = "Changed just before the crash".into();
        registry.update_profile(&id, profile, 5).await.unwrap();
        drop(registry);
        store.put_raw(bucket.clone(), before);

        let mut reopened = Registry::open(&store, actor(3), workspace_id(3))
            .await
            .unwrap();
        assert_eq!(
            reopened.partner(&id).unwrap().profile.trade_name,
            old_name,
            "the stale value, until checked"
        );
        let stale = reopened.stale_documents().await.unwrap();
        assert_eq!(stale, vec![id], "the check names exactly the stale entry");
        assert_eq!(reopened.ensure_loaded(&stale).await.unwrap(), vec![id]);
        assert_eq!(
            reopened.partner(&id).unwrap().profile.trade_name,
            "Changed just before the crash"
        );
        reopened.flush_cache().await.unwrap();
        drop(reopened);
        let repaired = Registry::open(&store, actor(4), workspace_id(4))
            .await
            .unwrap();
        assert_eq!(
            repaired.partner(&id).unwrap().profile.trade_name,
            "Changed just before the crash"
        );
        assert!(repaired.stale_documents().await.unwrap().is_empty());
    });
}

#[test]
fn a_damaged_or_foreign_bucket_is_ignored_and_rewritten() {
    block_on(async {
        let store = MemoryStore::new();
        let ids = seeded(&store, 80).await;
        let expected = {
            let registry = Registry::open(&store, actor(2), workspace_id(2))
                .await
                .unwrap();
            values(&registry)
        };
        let damaged = bucket_key(bucket_of(&ids[0]));
        store.put_raw(damaged.clone(), b"\x01\x02 not a bucket".to_vec());
        // A bucket of a future format: its entries must not be decoded with today's shape.
        let future = bucket_key(bucket_of(&ids[1]));
        let mut bytes = store.load(&future).await.unwrap().unwrap();
        bytes[0] = 99;
        store.put_raw(future.clone(), bytes);
        assert!(decode_bucket(&store.load(&future).await.unwrap().unwrap())
            .unwrap_err()
            .contains("format 99"));

        let registry = Registry::open(&store, actor(3), workspace_id(3))
            .await
            .unwrap();
        assert_eq!(
            values(&registry),
            expected,
            "nothing lost, nothing invented"
        );
        assert!(
            registry.loaded_count() >= 2,
            "those buckets' partners were loaded"
        );
        drop(registry);
        for key in [damaged, future] {
            assert!(decode_bucket(&store.load(&key).await.unwrap().unwrap()).is_ok());
        }
    });
}

#[test]
fn partners_never_synced_are_loaded_for_the_first_sync() {
    block_on(async {
        let store = MemoryStore::new();
        let ids = seeded(&store, 20).await;
        let registry = Registry::open(&store, actor(2), workspace_id(2))
            .await
            .unwrap();
        let mut unsent = registry.unsent_not_loaded();
        unsent.sort();
        let mut all = ids.clone();
        all.push(registry.workspace_id());
        // The banking and activity documents holding the partners' bank accounts and notes.
        all.extend(registry.companions().map(|(id, _)| id));
        all.sort();
        assert_eq!(
            unsent, all,
            "nothing was ever sent, so every partner, companion and the workspace are unsent"
        );
    });
}

/// postcard is not self-describing: if `Partner` changes shape, old buckets would decode into
/// nonsense. This pins the encoding of a sample entry; when it fails, raise
/// `registry::cache::CACHE_FORMAT` and update the hash.
#[test]
fn the_cache_format_is_pinned() {
    let (id, profile) = generate_partners(3, 1).remove(0);
    let id: DocumentId = id.parse().unwrap();
    let entry = CacheEntry {
        id: *id.as_bytes(),
        fingerprint: 42,
        unsent: true,
        value: CachedValue::Partner(Partner::new(profile, 1_700_000_000_000)),
    };
    let mut finance = PartnerFinance::new(id.to_string());
    finance.invoices.insert(
        "i1".into(),
        Invoice {
            direction: InvoiceDirection::Received,
            number: "F-1".into(),
            issue_date: "2026-11-01".into(),
            due_date: "2026-12-01".into(),
            amount_minor: 12_345,
            currency: "EUR".into(),
            reference: "PO-7".into(),
            attachment: None,
            cancelled: false,
            created_at_ms: 5,
        },
    );
    finance.payments.insert(
        "p1".into(),
        Payment {
            date: "2026-11-15".into(),
            amount_minor: 5_000,
            currency: "EUR".into(),
            method: PaymentMethod::BankTransfer,
            allocations: [("i1".to_owned(), 5_000)].into(),
            note: String::new(),
            created_at_ms: 6,
        },
    );
    finance.purchase_orders.insert(
        "o1".into(),
        PurchaseOrder {
            number: "PO-7".into(),
            date: "2026-10-30".into(),
            amount_minor: 12_345,
            currency: "EUR".into(),
            status: PurchaseOrderStatus::Received,
            reference: String::new(),
            created_at_ms: 4,
        },
    );
    let mut activity = PartnerActivity::new(id.to_string());
    activity.interactions.insert(
        "c1".into(),
        Interaction {
            kind: InteractionKind::Visit,
            at_ms: 7,
            author: "ana".into(),
            summary: "Visited the mill".into(),
            position: Some(GeoPosition {
                latitude_e7: 374_000_000,
                longitude_e7: -59_000_000,
                accuracy_m: 20,
            }),
            template_id: None,
        },
    );
    activity.reminders.insert(
        "r1".into(),
        Reminder {
            due_date: "2026-12-02".into(),
            text: "Call back".into(),
            done: false,
            snoozed_until: None,
            author: "ana".into(),
            created_at_ms: 8,
        },
    );
    let mut portal = PartnerPortal::new(id.to_string());
    portal.proposals.insert(
        "q1".into(),
        Proposal {
            id: "q1".into(),
            author: "Eva".into(),
            author_email: "eva@example.com".into(),
            created_at_ms: 9,
            fields: [("phones".to_owned(), r#"["+34600000000"]"#.to_owned())].into(),
            base: [("phones".to_owned(), "[]".to_owned())].into(),
            decisions: [(
                "phones".to_owned(),
                Decision {
                    accepted: false,
                    by: "ana".into(),
                    at_ms: 10,
                },
            )]
            .into(),
        },
    );
    portal.requests.insert(
        "d1".into(),
        DataRequest {
            id: "d1".into(),
            text: "Insurance certificate".into(),
            kind: RequestKind::Document {
                document_kind: "insurance".into(),
            },
            asked_by: "ana".into(),
            asked_at_ms: 11,
            answer: "Attached".into(),
            file: Some(FileRef {
                sha256: "ab".repeat(32),
                size: 3,
                media_type: "application/pdf".into(),
                name: "cert.pdf".into(),
            }),
            answered_by: "Eva".into(),
            answered_at_ms: Some(12),
            closed: true,
        },
    );
    let mut banking = PartnerBanking::new(id.to_string());
    banking.bank_accounts.push(BankAccount {
        id: "b1".into(),
        iban: "DE89370400440532013000".into(),
        bic: "COBADEFFXXX".into(),
        holder: "Sample GmbH".into(),
    });
    let entries = vec![
        entry,
        CacheEntry {
            id: [1; 16],
            fingerprint: 1,
            unsent: false,
            value: CachedValue::Finance(finance),
        },
        CacheEntry {
            id: [2; 16],
            fingerprint: 2,
            unsent: false,
            value: CachedValue::Activity(activity),
        },
        CacheEntry {
            id: [3; 16],
            fingerprint: 3,
            unsent: true,
            value: CachedValue::Portal(portal),
        },
        CacheEntry {
            id: [4; 16],
            fingerprint: 4,
            unsent: false,
            value: CachedValue::Banking(banking),
        },
    ];
    let bytes = encode_bucket(entries.clone());
    assert_eq!(decode_bucket(&bytes).unwrap(), entries);
    let mut workspace = Workspace::new();
    workspace
        .partners
        .insert(id.to_string(), PartnerEntry { added_at_ms: 3 });
    workspace
        .finance
        .insert(id.to_string(), CompanionEntry { added_at_ms: 4 });
    workspace
        .portals
        .insert(id.to_string(), CompanionEntry { added_at_ms: 6 });
    workspace
        .banking
        .insert(id.to_string(), CompanionEntry { added_at_ms: 7 });
    workspace.settings_document = Some(id.to_string());
    let cached_workspace = CachedWorkspace {
        id: [9; 16],
        fingerprint: 5,
        unsent: true,
        workspace,
    };
    let workspace_bytes = encode_workspace(cached_workspace.clone());
    assert_eq!(
        decode_workspace(&workspace_bytes).unwrap(),
        cached_workspace
    );
    let hash: String = Sha256::digest([bytes, workspace_bytes].concat())
        .iter()
        .take(8)
        .map(|byte| format!("{byte:02x}"))
        .collect();
    assert_eq!(
        hash, "5945b995b064e9ca",
        "the cache encoding changed: raise CACHE_FORMAT and update this hash"
    );
}

#[test]
fn a_bulk_registration_is_stored_and_cached_without_keeping_documents() {
    block_on(async {
        let store = MemoryStore::new();
        let mut registry = Registry::open(&store, actor(1), workspace_id(1))
            .await
            .unwrap();
        let partners: Vec<(DocumentId, _)> = generate_partners(11, 120)
            .into_iter()
            .map(|(id, profile)| (id.parse().unwrap(), profile))
            .collect();
        registry.create_partners(partners.clone(), 9).await.unwrap();
        assert_eq!(registry.partners().count(), 120);
        assert_eq!(
            registry.loaded_count(),
            0,
            "documents were not kept in memory"
        );
        // The same ids again are refused as a whole.
        assert!(registry
            .create_partners(partners[..2].to_vec(), 10)
            .await
            .is_err());
        let expected = values(&registry);
        drop(registry);

        store
            .remove_range(&["partnero-cache".into()])
            .await
            .unwrap();
        let from_documents = Registry::open(&store, actor(2), workspace_id(2))
            .await
            .unwrap();
        assert_eq!(values(&from_documents), expected);
        assert_eq!(from_documents.partners().count(), 120);
    });
}

#[test]
fn a_workspace_behind_its_document_is_repaired_and_never_written_back() {
    block_on(async {
        let store = MemoryStore::new();
        let ids = seeded(&store, 3).await;
        let before = store
            .load(&partnero::registry::cache::workspace_key())
            .await
            .unwrap()
            .unwrap();
        // A partner added, then the cached workspace put back as it was before (a tab closed
        // between the document write and the cache write).
        let newcomer = DocumentId::from_random_bytes([0xAB; 16]);
        {
            let mut registry = Registry::open(&store, actor(2), workspace_id(2))
                .await
                .unwrap();
            let profile = generate_partners(99, 1).remove(0).1;
            registry
                .create_partner(newcomer, profile, 50)
                .await
                .unwrap();
        }
        store.put_raw(partnero::registry::cache::workspace_key(), before);

        let mut registry = Registry::open(&store, actor(3), workspace_id(3))
            .await
            .unwrap();
        assert_eq!(
            registry.partners().count(),
            3,
            "the stale cache does not list it"
        );
        let stale = registry.stale_documents().await.unwrap();
        assert_eq!(stale, vec![registry.workspace_id()]);
        let changed = registry.ensure_loaded(&stale).await.unwrap();
        assert!(changed.contains(&newcomer), "{changed:?}");
        assert_eq!(registry.partners().count(), 4);

        // A settings change goes onto the document's workspace: the newcomer stays listed.
        registry
            .change_settings(60, |settings| {
                settings.expiry_warning_days = 10;
                Ok(())
            })
            .await
            .unwrap();
        drop(registry);
        store
            .remove_range(&["partnero-cache".into()])
            .await
            .unwrap();
        let reread = Registry::open(&store, actor(4), workspace_id(4))
            .await
            .unwrap();
        assert_eq!(reread.partners().count(), 4);
        assert_eq!(reread.settings().expiry_warning_days, 10);
        assert!(ids.iter().all(|id| reread.partner(id).is_some()));
    });
}
