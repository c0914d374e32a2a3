//! Native tests of the pure core: the partner model through Automerge, concurrent merges,
//! validation, list filtering, the store contract on the memory store, and the registry's
//! storage behaviour (reopen, compaction, a corrupt document, a failed write).

use automerge::{ActorId, AutoCommit};
use futures::executor::block_on;
use partnero::model::*;
use partnero::registry::{Registry, RegistryError, COMPACT_AFTER_CHUNKS};
use partnero::search::{filter_partners, KindFilter, ListFilter, StatusFilter};
use partnero::store::{contract::check_store_contract, MemoryStore, StorageKey, Store, StoreError};
use partnero::validate::{
    validate_partner, AddressDraft, BankAccountDraft, ContactDraft, PartnerDraft,
};

fn id(byte: u8) -> DocumentId {
    DocumentId::from_random_bytes([byte; 16])
}

fn actor(byte: u8) -> ActorId {
    ActorId::from([byte; 16])
}

fn draft(kind: &str, legal_name: &str) -> PartnerDraft {
    PartnerDraft {
        kind: kind.into(),
        legal_name: legal_name.into(),
        ..PartnerDraft::default()
    }
}

fn profile(kind: &str, legal_name: &str) -> PartnerProfile {
    validate_partner(&draft(kind, legal_name)).expect("valid draft")
}

/// A fully filled supplier, touching every field of the model.
fn full_draft() -> PartnerDraft {
    PartnerDraft {
        kind: "supplier".into(),
        legal_name: "  Suministros   Iberia S.L. ".into(),
        trade_name: "Iberia Supplies".into(),
        tax_country: "es".into(),
        tax_number: "B12345674".into(),
        addresses: vec![
            AddressDraft {
                id: "a1".into(),
                kind: "billing".into(),
                street: "Calle Mayor 1".into(),
                city: "Zaragoza".into(),
                postal_code: "50001".into(),
                region: "Aragón".into(),
                country: "es".into(),
            },
            AddressDraft::new("blank-row".into()),
        ],
        contacts: vec![ContactDraft {
            id: "c1".into(),
            name: "Núria Puig".into(),
            role: "Buyer".into(),
            email: "nuria@iberia.example".into(),
            phone: "+34 600 000 000".into(),
        }],
        emails: "info@iberia.example\n\n  sales@iberia.example ".into(),
        phones: "+34 976 000 000".into(),
        website: "https://iberia.example".into(),
        payment_days: "30".into(),
        payment_method: "bank_transfer".into(),
        bank_accounts: vec![BankAccountDraft {
            id: "b1".into(),
            iban: "es91 2100 0418 4502 0005 1332".into(),
            bic: "caixesbbxxx".into(),
            holder: "Suministros Iberia S.L.".into(),
        }],
        industry: "Wholesale".into(),
        region: "North-East".into(),
        notes: "Prefers calls in the morning.\n".into(),
        ..PartnerDraft::default()
    }
}

#[test]
fn a_full_partner_round_trips_through_automerge() {
    let partner = Partner::new(validate_partner(&full_draft()).unwrap(), 1_700_000_000_000);
    let mut doc = AutoCommit::new();
    autosurgeon::reconcile(&mut doc, &partner).unwrap();
    let bytes = doc.save();
    let loaded = AutoCommit::load(&bytes).unwrap();
    let hydrated: Partner = autosurgeon::hydrate(&loaded).unwrap();
    assert_eq!(hydrated, partner);
    assert_eq!(hydrated.schema_version, PARTNER_SCHEMA_VERSION);
    // Normalisation happened on the way in.
    assert_eq!(hydrated.profile.legal_name, "Suministros Iberia S.L.");
    assert_eq!(hydrated.profile.tax_id.country, "ES");
    assert_eq!(
        hydrated.profile.addresses.len(),
        1,
        "the blank address row is dropped"
    );
    assert_eq!(
        hydrated.profile.emails,
        vec!["info@iberia.example", "sales@iberia.example"]
    );
    assert_eq!(
        hydrated.profile.bank_accounts[0].iban,
        "ES9121000418450200051332"
    );
    assert_eq!(
        hydrated.profile.payment_terms,
        PaymentTerms {
            days: Some(30),
            method: PaymentMethod::BankTransfer
        }
    );
}

#[test]
fn concurrent_edits_of_one_partner_keep_both_edits() {
    let partner = Partner::new(validate_partner(&full_draft()).unwrap(), 1);
    let mut laptop = AutoCommit::new().with_actor(actor(1));
    autosurgeon::reconcile(&mut laptop, &partner).unwrap();
    laptop.commit();
    let mut phone = laptop.fork().with_actor(actor(2));

    // The laptop renames the partner and edits the first contact's role...
    let mut on_laptop: Partner = autosurgeon::hydrate(&laptop).unwrap();
    on_laptop.profile.legal_name = "Suministros Iberia S.A.".into();
    on_laptop.profile.contacts[0].role = "Head of purchasing".into();
    autosurgeon::reconcile(&mut laptop, &on_laptop).unwrap();
    laptop.commit();

    // ...while the phone, offline, adds a contact, a shipping address and archives it.
    let mut on_phone: Partner = autosurgeon::hydrate(&phone).unwrap();
    on_phone.profile.contacts.insert(
        0,
        Contact {
            id: "c2".into(),
            name: "Jordi Vila".into(),
            role: "Warehouse".into(),
            email: String::new(),
            phone: String::new(),
        },
    );
    on_phone.profile.addresses.push(Address {
        id: "a2".into(),
        kind: AddressKind::Shipping,
        street: "Polígono Norte 7".into(),
        city: "Huesca".into(),
        postal_code: "22001".into(),
        region: String::new(),
        country: "ES".into(),
    });
    on_phone.status = PartnerStatus::Archived;
    autosurgeon::reconcile(&mut phone, &on_phone).unwrap();
    phone.commit();

    laptop.merge(&mut phone).unwrap();
    phone.merge(&mut laptop).unwrap();
    let merged: Partner = autosurgeon::hydrate(&laptop).unwrap();
    assert_eq!(
        merged,
        autosurgeon::hydrate::<_, Partner>(&phone).unwrap(),
        "both devices converge"
    );
    assert_eq!(merged.profile.legal_name, "Suministros Iberia S.A.");
    assert_eq!(merged.status, PartnerStatus::Archived);
    assert_eq!(merged.profile.addresses.len(), 2);
    let contacts: Vec<(&str, &str)> = merged
        .profile
        .contacts
        .iter()
        .map(|c| (c.name.as_str(), c.role.as_str()))
        .collect();
    assert_eq!(
        contacts,
        vec![
            ("Jordi Vila", "Warehouse"),
            ("Núria Puig", "Head of purchasing")
        ]
    );
}

/// One validation case: a draft change and the fields expected to be reported.
fn check(change: impl FnOnce(&mut PartnerDraft), expected_fields: &[&str]) {
    let mut draft = full_draft();
    change(&mut draft);
    let fields: Vec<String> = match validate_partner(&draft) {
        Ok(_) => vec![],
        Err(errors) => {
            for error in &errors {
                assert!(!error.message.is_empty(), "every error has a message");
            }
            errors.into_iter().map(|error| error.field).collect()
        }
    };
    assert_eq!(fields, expected_fields, "fields reported");
}

#[test]
fn validation_reports_every_field_error_at_once() {
    check(|_| {}, &[]);
    check(|d| d.legal_name = "   ".into(), &["legal_name"]);
    check(|d| d.kind = String::new(), &["kind"]);
    check(|d| d.kind = "partner".into(), &["kind"]);
    check(|d| d.tax_country = String::new(), &["tax_country"]);
    check(|d| d.tax_country = "Spain".into(), &["tax_country"]);
    check(
        |d| {
            d.tax_country = String::new();
            d.tax_number = String::new();
        },
        &[],
    );
    check(
        |d| d.addresses[0].city = String::new(),
        &["addresses[0].city"],
    );
    check(
        |d| d.addresses[0].country = "ESP".into(),
        &["addresses[0].country"],
    );
    check(
        |d| d.addresses[1].city = "Teruel".into(),
        &["addresses[1].country"],
    );
    check(
        |d| d.contacts[0].name = String::new(),
        &["contacts[0].name"],
    );
    check(
        |d| d.contacts[0].email = "nuria at iberia".into(),
        &["contacts[0].email"],
    );
    check(|d| d.emails = "ok@example.com\nbroken@".into(), &["emails"]);
    check(|d| d.payment_days = "thirty".into(), &["payment_days"]);
    check(|d| d.payment_days = "366".into(), &["payment_days"]);
    check(|d| d.payment_days = String::new(), &[]);
    check(|d| d.payment_method = "barter".into(), &["payment_method"]);
    check(
        |d| d.bank_accounts[0].iban = " ".into(),
        &["bank_accounts[0].iban"],
    );
    check(
        |d| {
            d.legal_name = String::new();
            d.kind = String::new();
            d.addresses[0].city = String::new();
            d.payment_days = "-1".into();
        },
        &["kind", "legal_name", "addresses[0].city", "payment_days"],
    );
}

#[test]
fn a_draft_made_from_a_profile_validates_back_to_the_same_profile() {
    let profile = validate_partner(&full_draft()).unwrap();
    assert_eq!(
        validate_partner(&PartnerDraft::from_profile(&profile)),
        Ok(profile)
    );
}

#[test]
fn the_list_filters_by_kind_status_and_text() {
    let mut partners = [
        (
            id(1),
            Partner::new(validate_partner(&full_draft()).unwrap(), 1),
        ),
        (id(2), Partner::new(profile("client", "Zapatos Álvarez"), 1)),
        (id(3), Partner::new(profile("both", "acme trading"), 1)),
    ];
    partners[2].1.status = PartnerStatus::Archived;
    let run = |kind, status, text: &str| {
        let filter = ListFilter {
            kind,
            status,
            text: text.into(),
            ..ListFilter::default()
        };
        filter_partners(partners.iter().map(|(id, partner)| (*id, partner)), &filter)
    };
    assert_eq!(
        run(KindFilter::All, StatusFilter::Active, ""),
        vec![id(1), id(2)],
        "sorted by display name"
    );
    assert_eq!(
        run(KindFilter::All, StatusFilter::All, ""),
        vec![id(3), id(1), id(2)]
    );
    assert_eq!(
        run(KindFilter::Clients, StatusFilter::All, ""),
        vec![id(3), id(2)]
    );
    assert_eq!(
        run(KindFilter::Suppliers, StatusFilter::Active, ""),
        vec![id(1)]
    );
    assert_eq!(
        run(KindFilter::All, StatusFilter::Archived, ""),
        vec![id(3)]
    );
    assert_eq!(
        run(KindFilter::All, StatusFilter::All, "zaragoza"),
        vec![id(1)],
        "city"
    );
    assert_eq!(
        run(KindFilter::All, StatusFilter::All, "NÚRIA"),
        vec![id(1)],
        "contact, any case"
    );
    assert_eq!(
        run(KindFilter::All, StatusFilter::All, "b1234"),
        vec![id(1)],
        "tax id"
    );
    assert_eq!(
        run(KindFilter::All, StatusFilter::All, "iberia buyer"),
        Vec::<DocumentId>::new(),
        "role is not searched"
    );
    assert_eq!(
        run(KindFilter::All, StatusFilter::All, "zapatos álv"),
        vec![id(2)],
        "every word must match"
    );
}

#[test]
fn the_memory_store_passes_the_store_contract() {
    block_on(check_store_contract(&MemoryStore::new()));
}

#[test]
fn the_registry_stores_every_edit_and_reopens_with_it() {
    block_on(async {
        let store = MemoryStore::new();
        let mut registry = Registry::open(&store, actor(1), id(100)).await.unwrap();
        assert_eq!(registry.workspace_id(), id(100));
        registry
            .create_partner(id(1), validate_partner(&full_draft()).unwrap(), 10)
            .await
            .unwrap();
        registry
            .create_partner(id(2), profile("client", "Zapatos Álvarez"), 11)
            .await
            .unwrap();
        registry
            .create_partner(id(3), profile("client", "Hotel Miramar"), 12)
            .await
            .unwrap();
        registry.link(&id(1), &id(2), 13).await.unwrap();
        registry.link(&id(1), &id(3), 14).await.unwrap();
        registry.unlink(&id(1), &id(3), 15).await.unwrap();
        registry
            .set_status(&id(2), PartnerStatus::Archived, 16)
            .await
            .unwrap();
        let mut renamed = registry.partner(&id(3)).unwrap().profile.clone();
        renamed.legal_name = "Hotel Miramar S.A.".into();
        registry.update_profile(&id(3), renamed, 17).await.unwrap();
        let before: Vec<(DocumentId, Partner)> =
            registry.partners().map(|(id, p)| (id, p.clone())).collect();
        drop(registry);

        // A new session on the same device (new actor, workspace id offered is ignored).
        let reopened = Registry::open(&store, actor(2), id(200)).await.unwrap();
        assert_eq!(reopened.workspace_id(), id(100));
        assert!(reopened.unreadable().is_empty());
        let after: Vec<(DocumentId, Partner)> =
            reopened.partners().map(|(id, p)| (id, p.clone())).collect();
        assert_eq!(after, before);
        assert_eq!(
            reopened.suppliers_of(&id(2)),
            vec![id(1)],
            "the client sees its supplier"
        );
        assert!(reopened.suppliers_of(&id(3)).is_empty(), "unlinked");
        assert_eq!(
            reopened.partner(&id(2)).unwrap().status,
            PartnerStatus::Archived
        );
        assert_eq!(
            reopened.partner(&id(3)).unwrap().profile.legal_name,
            "Hotel Miramar S.A."
        );
        assert_eq!(reopened.partner(&id(3)).unwrap().updated_at_ms, 17);
    });
}

#[test]
fn links_must_go_from_a_supplier_to_a_client() {
    block_on(async {
        let store = MemoryStore::new();
        let mut registry = Registry::open(&store, actor(1), id(100)).await.unwrap();
        registry
            .create_partner(id(1), profile("supplier", "Supplier A"), 1)
            .await
            .unwrap();
        registry
            .create_partner(id(2), profile("client", "Client B"), 1)
            .await
            .unwrap();
        registry
            .create_partner(id(3), profile("supplier", "Supplier C"), 1)
            .await
            .unwrap();
        // Refused as data the interface words in the person's language; the English stays.
        let refused = registry.link(&id(2), &id(1), 2).await.unwrap_err();
        assert_eq!(
            refused,
            RegistryError::Refused(ChangeRefusal::NotAClient {
                name: "Supplier A".into()
            }),
            "client to supplier"
        );
        assert_eq!(
            refused.to_string(),
            "cannot link: Supplier A is not a client"
        );
        assert_eq!(
            registry.link(&id(1), &id(3), 2).await,
            Err(RegistryError::Refused(ChangeRefusal::NotAClient {
                name: "Supplier C".into()
            })),
            "supplier to supplier"
        );
        let refused = registry.link(&id(1), &id(1), 2).await.unwrap_err();
        assert_eq!(
            refused,
            RegistryError::Refused(ChangeRefusal::SupplyItself),
            "itself"
        );
        assert_eq!(
            refused.to_string(),
            "cannot link: a partner cannot supply itself"
        );
        assert_eq!(refused.key(), Some("registry-supply-itself"));
        assert_eq!(
            registry.link(&id(1), &id(9), 2).await,
            Err(RegistryError::PartnerNotFound(id(9)))
        );
        assert_eq!(
            registry
                .create_partner(id(1), profile("client", "Again"), 3)
                .await,
            Err(RegistryError::PartnerExists(id(1)))
        );
        assert!(
            registry.partner(&id(1)).unwrap().clients.is_empty(),
            "nothing half-done"
        );
    });
}

#[test]
fn many_edits_are_compacted_into_one_snapshot() {
    block_on(async {
        let store = MemoryStore::new();
        let mut registry = Registry::open(&store, actor(1), id(100)).await.unwrap();
        registry
            .create_partner(id(1), profile("client", "Name 0"), 0)
            .await
            .unwrap();
        for edit in 1..=(COMPACT_AFTER_CHUNKS as i64 * 2) {
            let mut changed = registry.partner(&id(1)).unwrap().profile.clone();
            changed.legal_name = format!("Name {edit}");
            registry
                .update_profile(&id(1), changed, edit)
                .await
                .unwrap();
        }
        let chunks = store.load_range(&[id(1).to_string()]).await.unwrap();
        assert!(
            chunks.len() <= COMPACT_AFTER_CHUNKS,
            "{} chunks left after compaction",
            chunks.len()
        );
        assert!(
            chunks.iter().any(|(key, _)| key[1] == "snapshot"),
            "a snapshot was written"
        );
        let reopened = Registry::open(&store, actor(2), id(200)).await.unwrap();
        assert_eq!(
            reopened.partner(&id(1)).unwrap().profile.legal_name,
            format!("Name {}", COMPACT_AFTER_CHUNKS * 2)
        );
    });
}

#[test]
fn a_corrupt_document_is_named_and_the_others_still_open() {
    block_on(async {
        let store = MemoryStore::new();
        let mut registry = Registry::open(&store, actor(1), id(100)).await.unwrap();
        registry
            .create_partner(id(1), profile("client", "Healthy"), 1)
            .await
            .unwrap();
        registry
            .create_partner(id(2), profile("client", "Broken"), 1)
            .await
            .unwrap();
        registry
            .create_partner(id(3), profile("client", "Not a partner"), 1)
            .await
            .unwrap();
        drop(registry);
        // Garbage bytes in one chunk of partner 2.
        let key: StorageKey = store
            .keys()
            .into_iter()
            .find(|key| key[0] == id(2).to_string())
            .unwrap();
        store.put_raw(key, b"\x85\x6f\x4a\x83 not automerge".to_vec());
        // A valid Automerge document of the wrong shape for partner 3.
        store.remove_range(&[id(3).to_string()]).await.unwrap();
        let mut wrong = AutoCommit::new();
        autosurgeon::reconcile(&mut wrong, Workspace::new()).unwrap();
        store
            .save(
                &[id(3).to_string(), "snapshot".into(), "x".into()],
                &wrong.save(),
            )
            .await
            .unwrap();

        // With the start-up cache, the damage is found by the cache check (partner 3's chunks
        // changed) and when the document is loaded (partner 2's chunk kept its key).
        let mut cached = Registry::open(&store, actor(3), id(250)).await.unwrap();
        assert_eq!(cached.partners().count(), 3, "all three from the cache");
        let stale = cached.stale_documents().await.unwrap();
        assert_eq!(stale, vec![id(3)]);
        assert_eq!(cached.ensure_loaded(&stale).await.unwrap(), vec![id(3)]);
        assert_eq!(
            cached.ensure_loaded(&[id(1), id(2)]).await.unwrap(),
            vec![id(2)]
        );
        let cached_ids: Vec<_> = cached.partners().map(|(id, _)| id).collect();
        assert_eq!(cached_ids, vec![id(1)]);
        assert_eq!(cached.unreadable().len(), 2);
        drop(cached);

        // Without it (a first start after an update, or a damaged cache), at start-up.
        store
            .remove_range(&["partnero-cache".into()])
            .await
            .unwrap();
        let reopened = Registry::open(&store, actor(2), id(200)).await.unwrap();
        assert_eq!(
            reopened.partners().map(|(id, _)| id).collect::<Vec<_>>(),
            vec![id(1)]
        );
        let unreadable: Vec<(String, String)> = reopened
            .unreadable()
            .iter()
            .map(|doc| (doc.id.clone(), doc.reason.clone()))
            .collect();
        assert_eq!(unreadable.len(), 2, "{unreadable:?}");
        assert_eq!(unreadable[0].0, id(2).to_string());
        assert!(unreadable[0].1.contains("damaged"), "{}", unreadable[0].1);
        assert_eq!(unreadable[1].0, id(3).to_string());
        assert!(
            unreadable[1].1.contains("shape of a partner"),
            "{}",
            unreadable[1].1
        );
    });
}

#[test]
fn a_corrupt_workspace_is_reported_not_replaced() {
    block_on(async {
        let store = MemoryStore::new();
        drop(Registry::open(&store, actor(1), id(100)).await.unwrap());
        store.remove_range(&[id(100).to_string()]).await.unwrap();
        store.put_raw(
            vec![id(100).to_string(), "snapshot".into(), "x".into()],
            b"junk".to_vec(),
        );
        // From the start-up cache the registry opens, but the key check finds the workspace
        // changed, and loading it reports the damage.
        let mut cached = Registry::open(&store, actor(3), id(250)).await.unwrap();
        assert_eq!(cached.stale_documents().await.unwrap(), vec![id(100)]);
        let error = cached.ensure_loaded(&[id(100)]).await.unwrap_err();
        assert!(
            matches!(error, RegistryError::WorkspaceUnreadable { .. }),
            "{error}"
        );
        drop(cached);
        // Without the cache, opening itself fails.
        store
            .remove_range(&["partnero-cache".into()])
            .await
            .unwrap();
        let error = Registry::open(&store, actor(2), id(200))
            .await
            .err()
            .expect("must fail");
        assert!(
            matches!(error, RegistryError::WorkspaceUnreadable { .. }),
            "{error}"
        );
        assert!(error.to_string().contains(&id(100).to_string()), "{error}");
        assert_eq!(
            store
                .load(&[id(100).to_string(), "snapshot".into(), "x".into()])
                .await
                .unwrap(),
            Some(b"junk".to_vec()),
            "left for recovery"
        );
    });
}

/// A store whose writes can be made to fail, to prove a failed save changes nothing.
struct FlakyStore {
    inner: MemoryStore,
    fail_writes: std::cell::Cell<bool>,
}

impl Store for FlakyStore {
    async fn load(&self, key: &[String]) -> Result<Option<Vec<u8>>, StoreError> {
        self.inner.load(key).await
    }
    async fn save(&self, key: &[String], data: &[u8]) -> Result<(), StoreError> {
        if self.fail_writes.get() {
            return Err(StoreError {
                action: "save".into(),
                reason: "quota exceeded".into(),
            });
        }
        self.inner.save(key, data).await
    }
    async fn remove(&self, key: &[String]) -> Result<(), StoreError> {
        self.inner.remove(key).await
    }
    async fn load_range(
        &self,
        prefix: &[String],
    ) -> Result<Vec<(StorageKey, Vec<u8>)>, StoreError> {
        self.inner.load_range(prefix).await
    }
    async fn remove_range(&self, prefix: &[String]) -> Result<(), StoreError> {
        self.inner.remove_range(prefix).await
    }
    async fn load_keys(&self, prefix: &[String]) -> Result<Vec<StorageKey>, StoreError> {
        self.inner.load_keys(prefix).await
    }
}

#[test]
fn a_failed_write_leaves_memory_and_storage_unchanged() {
    block_on(async {
        let store = FlakyStore {
            inner: MemoryStore::new(),
            fail_writes: false.into(),
        };
        let mut registry = Registry::open(&store, actor(1), id(100)).await.unwrap();
        registry
            .create_partner(id(1), profile("client", "Before"), 1)
            .await
            .unwrap();
        let keys_before = store.inner.keys();
        store.fail_writes.set(true);
        let mut changed = registry.partner(&id(1)).unwrap().profile.clone();
        changed.legal_name = "After".into();
        let error = registry
            .update_profile(&id(1), changed, 2)
            .await
            .unwrap_err();
        assert!(error.to_string().contains("quota exceeded"), "{error}");
        assert_eq!(
            registry.partner(&id(1)).unwrap().profile.legal_name,
            "Before"
        );
        assert!(registry
            .create_partner(id(2), profile("client", "New"), 3)
            .await
            .is_err());
        assert!(registry.partner(&id(2)).is_none());
        assert_eq!(store.inner.keys(), keys_before);
        // Once storage works again, the same edit goes through.
        store.fail_writes.set(false);
        let mut changed = registry.partner(&id(1)).unwrap().profile.clone();
        changed.legal_name = "After".into();
        registry.update_profile(&id(1), changed, 4).await.unwrap();
        let reopened = Registry::open(&store, actor(2), id(200)).await.unwrap();
        assert_eq!(
            reopened.partner(&id(1)).unwrap().profile.legal_name,
            "After"
        );
    });
}

#[test]
fn same_field_edits_on_two_devices_are_shown_and_resolved_by_a_choice() {
    use partnero::registry::{choose_value, display_value, find_conflicts};
    let partner = Partner::new(validate_partner(&full_draft()).unwrap(), 1);
    let mut laptop = AutoCommit::new().with_actor(actor(1));
    autosurgeon::reconcile(&mut laptop, &partner).unwrap();
    laptop.commit();
    let mut phone = laptop.fork().with_actor(actor(2));
    assert!(
        find_conflicts(&laptop).is_empty(),
        "no conflict before concurrent edits"
    );

    // The same field on both, plus a field only one of them changed, plus a contact's email.
    let mut on_laptop: Partner = autosurgeon::hydrate(&laptop).unwrap();
    on_laptop.profile.trade_name = "Iberia".into();
    on_laptop.updated_at_ms = 10; // bookkeeping: differs on both, never shown as a conflict
    on_laptop.profile.contacts[0].email = "n.puig@iberia.example".into();
    autosurgeon::reconcile(&mut laptop, &on_laptop).unwrap();
    laptop.commit();
    let mut on_phone: Partner = autosurgeon::hydrate(&phone).unwrap();
    on_phone.profile.trade_name = "Iberia Suministros".into();
    on_phone.updated_at_ms = 11;
    on_phone.profile.contacts[0].email = "nuria.puig@iberia.example".into();
    on_phone.profile.industry = "Food".into();
    autosurgeon::reconcile(&mut phone, &on_phone).unwrap();
    phone.commit();
    laptop.merge(&mut phone).unwrap();

    let conflicts = find_conflicts(&laptop);
    let summary: Vec<(String, String, Vec<String>)> = conflicts
        .iter()
        .map(|c| {
            let mut values: Vec<String> = c.values.iter().map(display_value).collect();
            values.sort();
            (c.key(), c.label.clone(), values)
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (
                "profile.contacts.0.email".into(),
                "Contact 1: email".into(),
                vec![
                    "n.puig@iberia.example".into(),
                    "nuria.puig@iberia.example".into()
                ]
            ),
            (
                "profile.trade_name".into(),
                "Trade name".into(),
                vec!["Iberia".into(), "Iberia Suministros".into()]
            ),
        ]
    );

    // Choosing a value writes a new change; the other device merges it and agrees.
    let trade = conflicts
        .iter()
        .find(|c| c.key() == "profile.trade_name")
        .unwrap();
    choose_value(&mut laptop, &trade.path, "Iberia Suministros".into()).unwrap();
    laptop.commit();
    phone.merge(&mut laptop).unwrap();
    for doc in [&laptop, &phone] {
        let keys: Vec<String> = find_conflicts(doc).iter().map(|c| c.key()).collect();
        assert_eq!(keys, vec!["profile.contacts.0.email".to_string()]);
        let merged: Partner = autosurgeon::hydrate(doc).unwrap();
        assert_eq!(merged.profile.trade_name, "Iberia Suministros");
        assert_eq!(
            merged.profile.industry, "Food",
            "the uncontested edit is kept"
        );
    }
}
