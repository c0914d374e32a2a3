//! Native tests of data quality in the core: required data from the workspace settings in
//! validation, identifiers stored in canonical form, the derived verification state and expiry
//! flags, the registry's settings and verification documents (stored, reopened), and the file
//! store (content addressing, upload queue, damaged and refused files).

use automerge::ActorId;
use futures::executor::block_on;
use partnero::files::{self, FileError};
use partnero::model::*;
use partnero::registry::Registry;
use partnero::store::{MemoryStore, Store};
use partnero::validate::{validate_partner_with, AddressDraft, PartnerDraft};

fn supplier_draft() -> PartnerDraft {
    PartnerDraft {
        kind: "supplier".into(),
        legal_name: "Suministros Norte S.L.".into(),
        addresses: vec![AddressDraft {
            id: "a1".into(),
            kind: "billing".into(),
            city: "Bilbao".into(),
            postal_code: "48001".into(),
            country: "es".into(),
            ..AddressDraft::default()
        }],
        ..PartnerDraft::default()
    }
}

fn requiring(change: impl FnOnce(&mut WorkspaceSettings)) -> WorkspaceSettings {
    let mut settings = WorkspaceSettings::default();
    change(&mut settings);
    settings
}

#[test]
fn required_data_follows_the_settings_for_each_kind() {
    let settings = requiring(|s| {
        s.supplier.tax_id = true;
        s.supplier.bank_account = true;
        s.client.email = true;
    });
    let errors = validate_partner_with(&supplier_draft(), &settings).unwrap_err();
    let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
    assert!(
        messages
            .contains(&"Tax id number is required for suppliers in this workspace (see Settings)"),
        "{messages:?}"
    );
    assert!(messages
        .iter()
        .any(|m| m.starts_with("A bank account is required")));
    assert_eq!(errors.len(), 2, "clients' rules do not apply: {messages:?}");

    // A client only needs an email; a partner that is both needs everything.
    let mut client = supplier_draft();
    client.kind = "client".into();
    let errors = validate_partner_with(&client, &settings).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field, "emails");
    client.kind = "both".into();
    assert_eq!(
        validate_partner_with(&client, &settings).unwrap_err().len(),
        3
    );

    // Filled in, it passes, with the identifiers in canonical form.
    let mut filled = supplier_draft();
    filled.tax_country = "es".into();
    filled.tax_number = "b-1234567.4".into();
    filled.bank_accounts = vec![partnero::validate::BankAccountDraft {
        id: "b1".into(),
        iban: "es91 2100 0418 4502 0005 1332".into(),
        bic: "caixesbbxxx".into(),
        holder: String::new(),
    }];
    let profile = validate_partner_with(&filled, &settings).expect("valid");
    assert_eq!(profile.tax_id.number, "B12345674");
    assert_eq!(profile.tax_id.country, "ES");
    assert_eq!(profile.bank_accounts[0].iban, "ES9121000418450200051332");
    assert_eq!(profile.bank_accounts[0].bic, "CAIXESBBXXX");
}

#[test]
fn a_wrong_nif_check_letter_is_named_in_the_message() {
    let mut draft = supplier_draft();
    draft.tax_country = "ES".into();
    draft.tax_number = "12345678A".into();
    let errors = validate_partner_with(&draft, &WorkspaceSettings::default()).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field, "tax_number");
    assert!(
        errors[0].message.contains("check letter") && errors[0].message.contains('Z'),
        "{}",
        errors[0].message
    );
}

fn document(kind: DocumentKind, status: ReviewStatus, expires_on: &str) -> VerificationDocument {
    VerificationDocument {
        kind,
        number: "N-1".into(),
        issued_on: String::new(),
        expires_on: expires_on.into(),
        file: None,
        status,
        status_by: String::new(),
        status_at_ms: 0,
        added_by: "ana".into(),
        added_at_ms: 1,
    }
}

#[test]
fn the_verification_state_is_derived_from_required_data_and_documents() {
    let today = parse_iso_date("2026-11-27").unwrap();
    assert_eq!(parse_iso_date("1970-01-01"), Some(0));
    assert_eq!(parse_iso_date("2026-02-29"), None, "not a leap year");
    assert_eq!(day_of(today * 86_400_000 + 5), today);

    let settings = requiring(|s| {
        s.supplier.tax_id = true;
        s.supplier.documents = vec![DocumentKind::BusinessLicence];
        s.expiry_warning_days = 30;
    });
    let profile = validate_partner_with(&supplier_draft(), &WorkspaceSettings::default()).unwrap();
    let mut partner = Partner::new(profile, 0);
    match partner.verification_state(&settings, today) {
        VerificationState::Incomplete(missing) => {
            assert_eq!(missing, vec!["tax id", "business licence (valid)"])
        }
        other => panic!("expected incomplete, got {other:?}"),
    }
    partner.profile.tax_id = TaxId {
        country: "ES".into(),
        number: "B12345674".into(),
    };
    // An expired or rejected licence does not count.
    partner.documents.insert(
        "d1".into(),
        document(
            DocumentKind::BusinessLicence,
            ReviewStatus::Verified,
            "2026-11-26",
        ),
    );
    partner.documents.insert(
        "d2".into(),
        document(DocumentKind::BusinessLicence, ReviewStatus::Rejected, ""),
    );
    assert_eq!(
        partner.verification_state(&settings, today).code(),
        "incomplete"
    );
    partner.documents.insert(
        "d3".into(),
        document(
            DocumentKind::BusinessLicence,
            ReviewStatus::Pending,
            "2026-12-10",
        ),
    );
    assert_eq!(
        partner.verification_state(&settings, today),
        VerificationState::PendingReview
    );
    partner.documents.get_mut("d3").unwrap().status = ReviewStatus::Verified;
    assert_eq!(
        partner.verification_state(&settings, today),
        VerificationState::Verified
    );
    // It expires in 13 days: flagged within a 30-day warning, not within 7.
    let expiring: Vec<&String> = partner
        .expiring_documents(&settings, today)
        .into_iter()
        .map(|(row, _)| row)
        .collect();
    assert_eq!(expiring, vec!["d3"]);
    let short = requiring(|s| s.expiry_warning_days = 7);
    assert!(partner.expiring_documents(&short, today).is_empty());
    // Not required for clients: a client with nothing is verified.
    partner.profile.kind = PartnerKind::Client;
    partner.documents.clear();
    assert_eq!(
        partner.verification_state(&settings, today),
        VerificationState::Verified
    );
}

#[test]
fn settings_and_documents_are_stored_and_reopen() {
    block_on(async {
        let store = MemoryStore::new();
        let workspace = DocumentId::from_random_bytes([1; 16]);
        let supplier = DocumentId::from_random_bytes([2; 16]);
        let mut registry = Registry::open(&store, ActorId::from([1; 16]), workspace)
            .await
            .unwrap();
        assert_eq!(registry.settings(), &WorkspaceSettings::default());
        let settings = requiring(|s| s.supplier.tax_id = true);
        registry
            .update_settings(settings.clone(), 10)
            .await
            .unwrap();
        let profile =
            validate_partner_with(&supplier_draft(), &WorkspaceSettings::default()).unwrap();
        registry
            .create_partner(supplier, profile, 20)
            .await
            .unwrap();
        let file = files::save_new_file(&store, b"\x89PNG fake", "image/png", "licence.png")
            .await
            .unwrap();
        let mut licence = document(DocumentKind::BusinessLicence, ReviewStatus::Pending, "");
        licence.file = Some(file.clone());
        registry
            .put_document(&supplier, "row-1".into(), licence, 30)
            .await
            .unwrap();
        registry
            .review_document(&supplier, "row-1", ReviewStatus::Verified, "Ana", 40)
            .await
            .unwrap();
        drop(registry);

        let reopened = Registry::open(&store, ActorId::from([2; 16]), workspace)
            .await
            .unwrap();
        assert_eq!(reopened.settings(), &settings);
        let stored = &reopened.partner(&supplier).unwrap().documents["row-1"];
        assert_eq!(stored.status, ReviewStatus::Verified);
        assert_eq!(stored.status_by, "Ana");
        assert_eq!(stored.status_at_ms, 40);
        assert_eq!(stored.file.as_ref(), Some(&file));
        assert_eq!(
            files::load_file(&store, &file.sha256)
                .await
                .unwrap()
                .as_deref(),
            Some(&b"\x89PNG fake"[..])
        );
    });
}

#[test]
fn files_are_content_addressed_queued_checked_and_refused_clearly() {
    block_on(async {
        let store = MemoryStore::new();
        let bytes = b"%PDF-1.7 contract";
        let file = files::save_new_file(&store, bytes, "Application/PDF", " contract.pdf ")
            .await
            .unwrap();
        assert_eq!(file.sha256, files::sha256_hex(bytes));
        assert_eq!(file.sha256.len(), 64);
        assert_eq!(file.media_type, "application/pdf");
        assert_eq!(file.name, "contract.pdf");
        assert_eq!(file.size, bytes.len() as u64);
        assert_eq!(
            files::pending_uploads(&store).await.unwrap(),
            vec![(file.sha256.clone(), "application/pdf".to_owned())]
        );
        files::mark_uploaded(&store, &file.sha256).await.unwrap();
        assert!(files::pending_uploads(&store).await.unwrap().is_empty());

        // Refused: empty, too large, wrong type; nothing is stored for them.
        assert_eq!(
            files::save_new_file(&store, b"", "image/png", "x").await,
            Err(FileError::Empty)
        );
        let big = vec![0u8; files::MAX_FILE_BYTES + 1];
        assert!(matches!(
            files::save_new_file(&store, &big, "image/png", "x").await,
            Err(FileError::TooLarge { .. })
        ));
        let refused = files::save_new_file(&store, b"<svg/>", "image/svg+xml", "x").await;
        assert!(refused.unwrap_err().to_string().contains("image/svg+xml"));
        assert_eq!(store.load_range(&[]).await.unwrap().len(), 1);

        // A downloaded copy must match its name; a damaged stored copy is reported, not shown.
        let other = files::sha256_hex(b"other");
        assert_eq!(
            files::save_downloaded(&store, &other, b"not other").await,
            Err(FileError::Damaged(other.clone()))
        );
        assert_eq!(files::load_file(&store, &other).await.unwrap(), None);
        store
            .save(&["partnero-files".into(), other.clone()], b"tampered")
            .await
            .unwrap();
        assert_eq!(
            files::load_file(&store, &other).await,
            Err(FileError::Damaged(other))
        );
    });
}

#[test]
fn merging_keeps_both_records_data_and_leaves_a_pointer_behind() {
    use partnero::registry::{differing_fields, MergeSide};
    use std::collections::BTreeMap;
    block_on(async {
        let store = MemoryStore::new();
        let mut registry = Registry::open(
            &store,
            ActorId::from([1; 16]),
            DocumentId::from_random_bytes([1; 16]),
        )
        .await
        .unwrap();
        let (keep, gone, client, other_supplier) = (
            DocumentId::from_random_bytes([2; 16]),
            DocumentId::from_random_bytes([3; 16]),
            DocumentId::from_random_bytes([4; 16]),
            DocumentId::from_random_bytes([5; 16]),
        );
        let settings = WorkspaceSettings::default();
        let mut first = supplier_draft();
        first.kind = "both".into();
        first.emails = "ventas@norte.example".into();
        first.notes = "Pays on time".into();
        let mut second = supplier_draft();
        second.kind = "both".into();
        second.legal_name = "Suministros del Norte SL".into();
        second.trade_name = "Norte".into();
        second.emails = "ventas@norte.example\nadmin@norte.example".into();
        second.addresses[0].id = "a2".into();
        second.addresses[0].city = "Getxo".into();
        second.addresses[0].postal_code = "48990".into();
        registry
            .create_partner(keep, validate_partner_with(&first, &settings).unwrap(), 1)
            .await
            .unwrap();
        registry
            .create_partner(gone, validate_partner_with(&second, &settings).unwrap(), 2)
            .await
            .unwrap();
        let mut client_draft = supplier_draft();
        client_draft.kind = "client".into();
        client_draft.legal_name = "Cliente Uno".into();
        registry
            .create_partner(
                client,
                validate_partner_with(&client_draft, &settings).unwrap(),
                3,
            )
            .await
            .unwrap();
        let mut supplier = supplier_draft();
        supplier.legal_name = "Otro Proveedor".into();
        registry
            .create_partner(
                other_supplier,
                validate_partner_with(&supplier, &settings).unwrap(),
                4,
            )
            .await
            .unwrap();
        registry.link(&gone, &client, 5).await.unwrap();
        registry.link(&other_supplier, &gone, 6).await.unwrap();
        let mut licence = document(DocumentKind::BusinessLicence, ReviewStatus::Verified, "");
        licence.number = "LIC-9".into();
        registry
            .put_document(&gone, "doc-1".into(), licence, 7)
            .await
            .unwrap();

        // Only fields filled differently on both sides are asked about.
        let asked: Vec<&str> = differing_fields(
            &registry.partner(&keep).unwrap().profile,
            &registry.partner(&gone).unwrap().profile,
        )
        .iter()
        .map(|field| field.field)
        .collect();
        assert_eq!(asked, vec!["legal_name"]);

        let choices = BTreeMap::from([("legal_name".to_owned(), MergeSide::Merged)]);
        let changed = registry
            .merge_partners(&keep, &gone, &choices, 10)
            .await
            .unwrap();
        assert_eq!(changed, vec![keep, other_supplier, gone]);
        drop(registry);

        let registry = Registry::open(
            &store,
            ActorId::from([2; 16]),
            DocumentId::from_random_bytes([1; 16]),
        )
        .await
        .unwrap();
        let survivor = registry.partner(&keep).unwrap();
        assert_eq!(survivor.profile.legal_name, "Suministros del Norte SL");
        assert_eq!(
            survivor.profile.trade_name, "Norte",
            "filled on one side only"
        );
        assert_eq!(
            survivor.profile.emails,
            vec!["ventas@norte.example", "admin@norte.example"]
        );
        let cities: Vec<&str> = survivor
            .profile
            .addresses
            .iter()
            .map(|a| a.city.as_str())
            .collect();
        assert_eq!(cities, vec!["Bilbao", "Getxo"]);
        assert_eq!(survivor.documents["doc-1"].number, "LIC-9");
        assert!(survivor.clients.contains_key(&client.to_string()));
        // The other supplier now supplies the survivor; the old record points to it.
        assert_eq!(registry.suppliers_of(&keep), vec![other_supplier]);
        assert!(registry.suppliers_of(&gone).is_empty());
        let old = registry.partner(&gone).unwrap();
        assert_eq!(old.merged_into, Some(keep.to_string()));
        assert_eq!(old.status, PartnerStatus::Archived);
        assert_eq!(registry.resolve_merged(&gone), keep);
        assert_eq!(registry.resolve_merged(&keep), keep);
    });
}
