//! The partner portal's pure core (src/model/portal.rs, src/registry/portal.rs): a contact's
//! proposal compared with the record in readable text, decided field by field, an accepted
//! field written into the record under the contact's name with the staff member as approver;
//! requests asked, answered and closed; the portal document's first change the same on every
//! device and on the server; and discarding local changes the server refused.

use automerge::{ActorId, AutoCommit};
use futures::executor::block_on;
use partnero::model::*;
use partnero::registry::history::approved_by;
use partnero::registry::{companion_id, new_companion_document, CompanionKind, Registry};
use partnero::store::{MemoryStore, Store};
use partnero::sync::SyncDocuments;
use partnero::validate::{validate_partner, AddressDraft, BankAccountDraft, PartnerDraft};

const NOW_MS: i64 = 1_780_000_000_000;
const STAFF: &str = "Ana Staff";
const CONTACT: &str = "Eva Contact";
const CONTACT_EMAIL: &str = "eva@iberia.example";
const NEW_IBAN: &str = "ES9121000418450200051332";

fn actor(byte: u8) -> ActorId {
    ActorId::from([byte; 16])
}

fn id(byte: u8) -> DocumentId {
    DocumentId::from_random_bytes([byte; 16])
}

fn profile() -> PartnerProfile {
    validate_partner(&PartnerDraft {
        kind: "supplier".into(),
        legal_name: "Iberia S.L.".into(),
        addresses: vec![AddressDraft {
            id: "a1".into(),
            kind: "billing".into(),
            street: "Calle Mayor 1".into(),
            city: "Zaragoza".into(),
            postal_code: "50001".into(),
            region: String::new(),
            country: "ES".into(),
        }],
        phones: "+34 976 000 000".into(),
        bank_accounts: vec![BankAccountDraft {
            id: "b1".into(),
            iban: "DE89 3704 0044 0532 0130 00".into(),
            bic: String::new(),
            holder: "Iberia S.L.".into(),
        }],
        ..PartnerDraft::default()
    })
    .expect("valid draft")
}

/// A staff member's registry with one partner, `id(10)`.
async fn staff_registry(store: &MemoryStore, actor_byte: u8) -> Registry<&MemoryStore> {
    let mut registry = Registry::open(store, actor(actor_byte), id(1))
        .await
        .unwrap();
    registry.set_attribution(Some(STAFF.into()), Some("Laptop".into()));
    registry
        .create_partner(id(10), profile(), NOW_MS)
        .await
        .unwrap();
    registry
}

/// The profile as the contact edits it: a new bank account (typed loosely) and another phone.
fn contact_edit(current: &PartnerProfile) -> PartnerProfile {
    let mut edited = current.clone();
    edited.bank_accounts.push(BankAccount {
        id: "b2".into(),
        iban: "es91 2100 0418 4502 0005 1332".into(),
        bic: String::new(),
        holder: "Iberia S.L.".into(),
    });
    edited.phones = vec!["+34600123456".into()];
    edited
}

fn workspace_of(registry: &Registry<&MemoryStore>) -> Workspace {
    autosurgeon::hydrate(registry.document(&registry.workspace_id()).unwrap()).unwrap()
}

#[test]
fn a_proposal_is_compared_decided_and_applied_under_the_contacts_name() {
    block_on(async {
        let store = MemoryStore::new();
        let mut registry = staff_registry(&store, 2).await;
        let partner = id(10);
        let workspace_heads = registry
            .document(&registry.workspace_id())
            .unwrap()
            .clone()
            .get_heads();

        let current = registry.partner(&partner).unwrap().profile.clone();
        let proposal = registry
            .propose_changes(
                &partner,
                &contact_edit(&current),
                CONTACT,
                CONTACT_EMAIL,
                "p1".into(),
                NOW_MS + 1000,
            )
            .await
            .unwrap();
        assert_eq!(proposal.as_deref(), Some("p1"));
        // Only the portal document was written: devices never list portal documents.
        let mut after = registry.document(&registry.workspace_id()).unwrap().clone();
        assert_eq!(after.get_heads(), workspace_heads);
        assert!(workspace_of(&registry).portals.is_empty());
        assert_eq!(
            registry.partner(&partner).unwrap().profile,
            current,
            "a proposal leaves the record alone"
        );

        let stored = registry.portal(&partner).unwrap().proposals["p1"].clone();
        assert_eq!(
            stored.fields.keys().collect::<Vec<_>>(),
            ["bank_accounts", "phones"]
        );
        // Stored in canonical form, so staff compare like with like.
        assert!(stored.fields["bank_accounts"].contains(NEW_IBAN));
        assert_eq!(pending(&stored), ["phones", "bank_accounts"]);
        assert_eq!(proposal_status(&stored), ProposalStatus::Open);

        let compared = comparison(&current, &stored);
        let summary: Vec<(&str, &str, bool, bool)> = compared
            .iter()
            .map(|row| {
                (
                    row.field.as_str(),
                    row.label.as_str(),
                    row.needs_explicit_approval,
                    row.base_changed,
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("phones", "Phones", false, false),
                ("bank_accounts", "Bank accounts", true, false),
            ]
        );
        assert_eq!(compared[0].current, "+34976000000");
        assert_eq!(compared[0].proposed, "+34600123456");
        assert_eq!(
            compared[1].current,
            "IBAN DE89 3704 0044 0532 0130 00 · Iberia S.L."
        );
        assert_eq!(
            compared[1].proposed,
            "IBAN DE89 3704 0044 0532 0130 00 · Iberia S.L.\n\
             IBAN ES91 2100 0418 4502 0005 1332 · Iberia S.L."
        );
        for row in &compared {
            assert!(
                !row.current.contains(['{', '"']) && !row.proposed.contains(['{', '"']),
                "{} is shown as JSON: {row:?}",
                row.field
            );
            assert_eq!(row.decision, None);
        }

        let changed = registry
            .decide_field(&partner, "p1", "bank_accounts", true, NOW_MS + 2000)
            .await
            .unwrap();
        let portal_id = companion_id(&partner, CompanionKind::Portal);
        // The bank accounts went to the partner's banking document (see `registry::assemble`).
        let banking_id = companion_id(&partner, CompanionKind::Banking);
        assert_eq!(changed, [partner, banking_id, portal_id]);
        let changed = registry
            .decide_field(&partner, "p1", "phones", false, NOW_MS + 3000)
            .await
            .unwrap();
        assert_eq!(changed, [portal_id], "a rejection leaves the record alone");

        let record = registry.partner(&partner).unwrap();
        let ibans: Vec<&str> = (record.profile.bank_accounts.iter())
            .map(|account| account.iban.as_str())
            .collect();
        assert_eq!(ibans, ["DE89370400440532013000", NEW_IBAN]);
        assert_eq!(record.profile.phones, ["+34976000000"]);

        let decided = registry.portal(&partner).unwrap().proposals["p1"].clone();
        assert_eq!(proposal_status(&decided), ProposalStatus::Decided);
        assert!(pending(&decided).is_empty());
        let decisions: Vec<(&str, bool, &str)> = (decided.decisions.iter())
            .map(|(field, decision)| (field.as_str(), decision.accepted, decision.by.as_str()))
            .collect();
        assert_eq!(
            decisions,
            [("bank_accounts", true, STAFF), ("phones", false, STAFF)]
        );

        // The history names the contact as author and the staff member as approver.
        let history = registry.partner_history(&partner).await.unwrap();
        let approved: Vec<_> = history
            .iter()
            .filter(|entry| entry.approved_by.is_some())
            .collect();
        assert_eq!(approved.len(), 1, "{history:#?}");
        let entry = approved[0];
        assert_eq!(entry.attribution.by.as_deref(), Some(CONTACT));
        assert_eq!(entry.approved_by.as_deref(), Some(STAFF));
        assert_eq!(entry.attribution.device.as_deref(), Some("Laptop"));
        assert_eq!(entry.attribution.action, "accept proposed bank_accounts");
        assert_eq!(entry.fields, ["profile.bank_accounts.b2"]);
        // A bank-account change is a change of the banking document.
        let message = registry
            .document(&banking_id)
            .unwrap()
            .clone()
            .get_change_by_hash(&entry.hash.parse().unwrap())
            .and_then(|change| change.message().map(str::to_owned))
            .unwrap();
        assert_eq!(approved_by(&message).as_deref(), Some(STAFF));

        // Deciding again, or deciding what was not proposed, is refused and changes nothing.
        let heads = registry
            .partner_document(&partner)
            .unwrap()
            .clone()
            .get_heads();
        let refusals: &[(&str, &str, bool, &str)] = &[
            ("p1", "bank_accounts", true, "already accepted by Ana Staff"),
            (
                "p1",
                "bank_accounts",
                false,
                "already accepted by Ana Staff",
            ),
            ("p1", "phones", true, "already rejected by Ana Staff"),
            (
                "p1",
                "legal_name",
                true,
                "does not propose a change to Legal name",
            ),
            ("p9", "phones", true, "there is no proposal p9"),
        ];
        for (proposal, field, accept, expected) in refusals {
            let error = registry
                .decide_field(&partner, proposal, field, *accept, NOW_MS + 4000)
                .await
                .expect_err("refused");
            assert!(
                error.to_string().contains(expected),
                "{proposal} {field}: {error}"
            );
        }
        assert_eq!(
            registry
                .partner_document(&partner)
                .unwrap()
                .clone()
                .get_heads(),
            heads
        );
        after = registry.document(&registry.workspace_id()).unwrap().clone();
        assert_eq!(after.get_heads(), workspace_heads, "nor the workspace");
    });
}

#[test]
fn a_proposal_on_a_record_changed_since_is_flagged() {
    block_on(async {
        let store = MemoryStore::new();
        let mut registry = staff_registry(&store, 2).await;
        let partner = id(10);
        let seen = registry.partner(&partner).unwrap().profile.clone();
        let mut edited = seen.clone();
        edited.trade_name = "Iberia".into();
        edited.website = "https://iberia.example".into();
        registry
            .propose_changes(
                &partner,
                &edited,
                CONTACT,
                CONTACT_EMAIL,
                "p1".into(),
                NOW_MS,
            )
            .await
            .unwrap();
        // Staff change the trade name before looking at the proposal.
        let mut now = seen.clone();
        now.trade_name = "Iberia Supplies".into();
        registry
            .update_profile(&partner, now, NOW_MS + 1000)
            .await
            .unwrap();

        let current = registry.partner(&partner).unwrap().profile.clone();
        let proposal = &registry.portal(&partner).unwrap().proposals["p1"];
        let flags: Vec<(String, String, String, bool)> = comparison(&current, proposal)
            .into_iter()
            .map(|row| (row.field, row.current, row.proposed, row.base_changed))
            .collect();
        assert_eq!(
            flags,
            [
                (
                    "trade_name".into(),
                    "Iberia Supplies".into(),
                    "Iberia".into(),
                    true
                ),
                (
                    "website".into(),
                    "(none)".into(),
                    "https://iberia.example".into(),
                    false
                ),
            ]
        );
    });
}

#[test]
fn proposing_no_change_writes_nothing() {
    block_on(async {
        let store = MemoryStore::new();
        let mut registry = staff_registry(&store, 2).await;
        let partner = id(10);
        let current = registry.partner(&partner).unwrap().profile.clone();
        let keys_before = store.load_keys(&[]).await.unwrap();

        // The same record; the same IBAN typed with spaces and in lower case (the same
        // account once canonical); a change only to fields contacts do not propose.
        let mut spaced = current.clone();
        spaced.bank_accounts[0].iban = "de89 3704 0044 0532 0130 00".into();
        let mut notes_only = current.clone();
        notes_only.notes = "call on Mondays".into();
        notes_only.kind = PartnerKind::Both;
        for (case, edited) in [
            ("unchanged", current.clone()),
            ("same IBAN, spaced", spaced),
            ("company-only fields", notes_only),
        ] {
            let outcome = registry
                .propose_changes(
                    &partner,
                    &edited,
                    CONTACT,
                    CONTACT_EMAIL,
                    "p1".into(),
                    NOW_MS,
                )
                .await
                .unwrap();
            assert_eq!(outcome, None, "{case}");
        }
        assert!(registry.portal(&partner).is_none());
        assert_eq!(store.load_keys(&[]).await.unwrap(), keys_before);
    });
}

#[test]
fn invalid_values_are_refused_naming_the_field() {
    let current = profile();
    // (field, JSON, expected in the error; None: accepted)
    let cases: &[(&str, &str, Option<&str>)] = &[
        ("legal_name", r#""""#, Some("Legal name")),
        ("legal_name", r#""Iberia Nueva S.L.""#, None),
        (
            "bank_accounts",
            r#"[{"id":"b2","iban":"ES00 1234","bic":"","holder":""}]"#,
            Some("Bank accounts: Bank account 1: IBAN"),
        ),
        ("phones", r#"["not a phone"]"#, Some("Phones")),
        ("emails", r#"["eva@iberia.example"]"#, None),
        ("emails", r#"["eva at iberia"]"#, Some("Emails")),
        (
            "website",
            "42",
            Some("Website: the proposed value does not fit"),
        ),
        (
            "tax_id",
            "{not json",
            Some("Tax id: the proposed value cannot be read"),
        ),
        (
            "notes",
            r#""hello""#,
            Some("not a field partner contacts may change"),
        ),
        (
            "kind",
            r#""Client""#,
            Some("not a field partner contacts may change"),
        ),
    ];
    for (field, json, expected) in cases {
        let outcome = apply_field(&current, field, json);
        match expected {
            None => assert!(outcome.is_ok(), "{field} {json}: {outcome:?}"),
            Some(expected) => {
                let error = outcome.expect_err("refused");
                assert!(error.contains(expected), "{field} {json}: {error}");
            }
        }
    }
    // Accepted values come back canonical, the other fields exactly as they were.
    let applied = apply_field(&current, "phones", r#"["+34 600 12 34 56"]"#).unwrap();
    assert_eq!(applied.phones, ["+34600123456"]);
    assert_eq!(
        PartnerProfile {
            phones: current.phones.clone(),
            ..applied
        },
        current
    );

    // The registry refuses an invalid proposal before writing anything.
    block_on(async {
        let store = MemoryStore::new();
        let mut registry = staff_registry(&store, 2).await;
        let mut edited = registry.partner(&id(10)).unwrap().profile.clone();
        edited.emails = vec!["eva at iberia".into()];
        let error = registry
            .propose_changes(
                &id(10),
                &edited,
                CONTACT,
                CONTACT_EMAIL,
                "p1".into(),
                NOW_MS,
            )
            .await
            .expect_err("refused");
        assert!(error.to_string().starts_with("Emails:"), "{error}");
        assert!(registry.portal(&id(10)).is_none());
    });
}

#[test]
fn the_portal_document_starts_the_same_on_every_device_and_the_server() {
    block_on(async {
        let partner = id(10);
        let portal_id = companion_id(&partner, CompanionKind::Portal);
        let mut server =
            AutoCommit::load(&new_companion_document(&partner, CompanionKind::Portal).save())
                .unwrap();
        let server_heads = server.get_heads();
        assert_eq!(server_heads.len(), 1);

        // A contact proposes on one device, staff ask on another, both before any sync.
        let (store_a, store_b) = (MemoryStore::new(), MemoryStore::new());
        let mut contact = staff_registry(&store_a, 2).await;
        let mut staff = staff_registry(&store_b, 3).await;
        let current = contact.partner(&partner).unwrap().profile.clone();
        contact
            .propose_changes(
                &partner,
                &contact_edit(&current),
                CONTACT,
                CONTACT_EMAIL,
                "p1".into(),
                NOW_MS,
            )
            .await
            .unwrap();
        staff
            .add_request(
                &partner,
                "Your insurance certificate",
                RequestKind::Question,
                "r1".into(),
                NOW_MS,
            )
            .await
            .unwrap();

        let mut a = contact.document(&portal_id).unwrap().clone();
        let mut b = staff.document(&portal_id).unwrap().clone();
        let first = |doc: &mut AutoCommit| {
            doc.get_changes(&[])
                .into_iter()
                .find(|change| change.deps().is_empty())
                .map(|change| change.hash())
        };
        assert_eq!(first(&mut a), Some(server_heads[0]));
        assert_eq!(first(&mut b), Some(server_heads[0]));

        // Merged (as the server would), nothing hides: the proposal and the request both show.
        server.merge(&mut a).unwrap();
        server.merge(&mut b).unwrap();
        let merged: PartnerPortal = autosurgeon::hydrate(&server).unwrap();
        assert_eq!(merged.partner, partner.to_string());
        assert_eq!(merged.proposals.keys().collect::<Vec<_>>(), ["p1"]);
        assert_eq!(merged.requests.keys().collect::<Vec<_>>(), ["r1"]);
    });
}

#[test]
fn a_request_is_asked_answered_and_closed() {
    block_on(async {
        let store = MemoryStore::new();
        let mut registry = staff_registry(&store, 2).await;
        let partner = id(10);
        let kind = RequestKind::Document {
            document_kind: "insurance".into(),
        };
        registry
            .add_request(
                &partner,
                " Insurance certificate ",
                kind.clone(),
                "r1".into(),
                NOW_MS,
            )
            .await
            .unwrap();
        let file = FileRef {
            sha256: "ab".repeat(32),
            size: 1234,
            media_type: "application/pdf".into(),
            name: "insurance.pdf".into(),
        };
        registry.set_attribution(Some(CONTACT.into()), Some("Phone".into()));
        registry
            .answer_request(
                &partner,
                "r1",
                "Valid until June",
                Some(file.clone()),
                NOW_MS + 1000,
            )
            .await
            .unwrap();
        let request = registry.portal(&partner).unwrap().requests["r1"].clone();
        assert_eq!(
            request,
            DataRequest {
                id: "r1".into(),
                text: "Insurance certificate".into(),
                kind,
                asked_by: STAFF.into(),
                asked_at_ms: NOW_MS,
                answer: "Valid until June".into(),
                file: Some(file),
                answered_by: CONTACT.into(),
                answered_at_ms: Some(NOW_MS + 1000),
                closed: false,
            }
        );
        assert!(request.is_answered());
        assert_eq!(registry.portal(&partner).unwrap().open_requests().len(), 1);

        registry.set_attribution(Some(STAFF.into()), None);
        registry
            .close_request(&partner, "r1", NOW_MS + 2000)
            .await
            .unwrap();
        assert!(registry.portal(&partner).unwrap().requests["r1"].closed);
        assert!(registry
            .portal(&partner)
            .unwrap()
            .open_requests()
            .is_empty());
        let again = registry
            .close_request(&partner, "r1", NOW_MS + 3000)
            .await
            .unwrap();
        assert!(again.is_empty(), "closing a closed request changes nothing");

        let refusals: Vec<(&str, String)> = vec![
            (
                "answer a closed request",
                registry
                    .answer_request(&partner, "r1", "late", None, NOW_MS)
                    .await
                    .unwrap_err()
                    .to_string(),
            ),
            (
                "answer nothing",
                registry
                    .answer_request(&partner, "r1", "  ", None, NOW_MS)
                    .await
                    .unwrap_err()
                    .to_string(),
            ),
            (
                "answer an unknown request",
                registry
                    .answer_request(&partner, "r9", "yes", None, NOW_MS)
                    .await
                    .unwrap_err()
                    .to_string(),
            ),
            (
                "ask twice under one id",
                registry
                    .add_request(
                        &partner,
                        "again",
                        RequestKind::Question,
                        "r1".into(),
                        NOW_MS,
                    )
                    .await
                    .unwrap_err()
                    .to_string(),
            ),
            (
                "ask nothing",
                registry
                    .add_request(&partner, " ", RequestKind::Question, "r2".into(), NOW_MS)
                    .await
                    .unwrap_err()
                    .to_string(),
            ),
        ];
        let expected = [
            "request r1 is closed",
            "write an answer or attach a file",
            "there is no request r9",
            "request r1 already exists",
            "say what you are asking for",
        ];
        for ((case, error), expected) in refusals.iter().zip(expected) {
            assert!(error.contains(expected), "{case}: {error}");
        }

        // Reopened from the store (the cache, then the document), the portal is all there.
        let reopened = Registry::open(&store, actor(9), id(1)).await.unwrap();
        assert!(
            reopened.portal(&partner).is_some(),
            "kept though nobody lists it"
        );
        assert_eq!(reopened.portal(&partner), registry.portal(&partner));
    });
}

#[test]
fn discarded_changes_are_gone_and_the_document_is_fetched_again() {
    block_on(async {
        let store = MemoryStore::new();
        let mut registry = staff_registry(&store, 2).await;
        let partner = id(10);
        registry
            .edit_activity(&partner, "log call", NOW_MS, |activity| {
                activity.reminders.insert(
                    "r1".into(),
                    Reminder {
                        due_date: "2026-12-01".into(),
                        text: "call back".into(),
                        done: false,
                        snoozed_until: None,
                        author: STAFF.into(),
                        created_at_ms: NOW_MS,
                    },
                );
                Ok(())
            })
            .await
            .unwrap();
        let activity = companion_id(&partner, CompanionKind::Activity);

        for (round, document) in [partner, activity].into_iter().enumerate() {
            // The server has the document as it is now.
            registry.ensure_loaded(&[document]).await.unwrap();
            let server_bytes = registry.document(&document).unwrap().clone().save();
            let shared = registry.document(&document).unwrap().clone().get_heads();
            registry
                .remember_server_heads(&document, shared)
                .await
                .unwrap();
            let server_value = registry
                .document(&document)
                .map(|doc| doc.clone().get_heads());
            assert!(!registry.has_unsent_changes(&document));

            if document == partner {
                let mut edited = registry.partner(&partner).unwrap().profile.clone();
                edited.legal_name = "Refused S.L.".into();
                registry
                    .update_profile(&partner, edited, NOW_MS + 1000)
                    .await
                    .unwrap();
            } else {
                registry
                    .edit_activity(&partner, "done", NOW_MS + 1000, |activity| {
                        activity.reminders.get_mut("r1").unwrap().done = true;
                        Ok(())
                    })
                    .await
                    .unwrap();
            }
            assert!(registry.has_unsent_changes(&document));

            registry.discard_local_changes(&document).await.unwrap();
            assert!(registry.document(&document).is_none());
            assert!(!registry.has_unsent_changes(&document));
            assert!(registry.waiting_for().contains(&document));
            assert!(
                store
                    .load_keys(&[document.to_string()])
                    .await
                    .unwrap()
                    .is_empty(),
                "chunks and sync state are gone"
            );

            // A registry opened on the store finds it missing and waits for it too.
            let mut fresh = Registry::open(&store, actor(7 + round as u8), id(1))
                .await
                .unwrap();
            assert!(fresh.document(&document).is_none());
            assert!(fresh.waiting_for().contains(&document));

            // The server's version arrives and is what the device has from now on.
            fresh.set_team_workspace(fresh.workspace_id());
            fresh
                .document_mut(&document)
                .unwrap()
                .load_incremental(&server_bytes)
                .unwrap();
            fresh
                .store_remote_change(&document, NOW_MS + 2000)
                .await
                .unwrap();
            assert_eq!(
                fresh.document(&document).map(|doc| doc.clone().get_heads()),
                server_value
            );
            if document == partner {
                assert_eq!(
                    fresh.partner(&partner).unwrap().profile.legal_name,
                    "Iberia S.L."
                );
            } else {
                assert!(!fresh.activity(&partner).unwrap().reminders["r1"].done);
            }
            // The first registry goes on the same way, for the next document of the loop.
            registry = fresh;
            registry.set_attribution(Some(STAFF.into()), None);
        }
    });
}

#[test]
fn a_refused_workspace_change_is_rolled_back_to_the_servers_version() {
    block_on(async {
        let store = MemoryStore::new();
        let mut registry = staff_registry(&store, 2).await;
        let workspace = registry.workspace_id();
        let error = registry
            .discard_local_changes(&workspace)
            .await
            .expect_err("never synced");
        assert!(error.to_string().contains("never synced"), "{error}");

        let shared = registry.document(&workspace).unwrap().clone().get_heads();
        registry
            .remember_server_heads(&workspace, shared.clone())
            .await
            .unwrap();
        registry
            .create_partner(id(11), profile(), NOW_MS + 1000)
            .await
            .unwrap();
        assert!(registry.has_unsent_changes(&workspace));

        registry.discard_local_changes(&workspace).await.unwrap();
        assert!(!registry.has_unsent_changes(&workspace));
        let listed: Vec<String> = workspace_of(&registry).partners.into_keys().collect();
        assert_eq!(listed, [id(10).to_string()]);
        assert_eq!(
            registry.document(&workspace).unwrap().clone().get_heads(),
            shared
        );

        let fresh = Registry::open(&store, actor(7), id(1)).await.unwrap();
        assert_eq!(fresh.workspace_id(), workspace);
        let ids: Vec<DocumentId> = fresh.partners().map(|(id, _)| id).collect();
        assert_eq!(ids, [id(10)]);
        assert!(!fresh.has_unsent_changes(&workspace));
    });
}

#[test]
fn a_portal_the_server_lists_is_fetched() {
    block_on(async {
        let store = MemoryStore::new();
        let mut registry = staff_registry(&store, 2).await;
        let partner = id(10);
        let portal_id = companion_id(&partner, CompanionKind::Portal);
        let workspace = registry.workspace_id();
        registry.set_team_workspace(workspace);

        // The server lists the portal when staff invite a contact.
        let mut server = registry.document(&workspace).unwrap().clone();
        server.set_actor(actor(50));
        let mut index: Workspace = autosurgeon::hydrate(&server).unwrap();
        index.portals.insert(
            partner.to_string(),
            CompanionEntry {
                added_at_ms: NOW_MS,
            },
        );
        autosurgeon::reconcile(&mut server, &index).unwrap();
        server.commit();
        registry
            .document_mut(&workspace)
            .unwrap()
            .merge(&mut server)
            .unwrap();
        let outcome = registry
            .store_remote_change(&workspace, NOW_MS)
            .await
            .unwrap();
        assert_eq!(outcome.fetch, [portal_id]);
        assert!(registry.waiting_for().contains(&portal_id));

        // The server's document arrives and reads as the partner's portal.
        let created = new_companion_document(&partner, CompanionKind::Portal).save();
        registry
            .document_mut(&portal_id)
            .unwrap()
            .load_incremental(&created)
            .unwrap();
        registry
            .store_remote_change(&portal_id, NOW_MS)
            .await
            .unwrap();
        assert_eq!(
            registry.portal(&partner),
            Some(&PartnerPortal::new(partner.to_string()))
        );
        assert!(!registry.waiting_for().contains(&portal_id));
    });
}

#[test]
fn a_field_reads_in_the_words_it_is_given() {
    let mut current = profile();
    current.payment_terms.days = Some(30);
    current.payment_terms.method = PaymentMethod::BankTransfer;
    assert_eq!(
        readable(&current, "payment_terms"),
        "30 days, Bank transfer"
    );
    assert_eq!(
        readable(&current, "addresses"),
        "Billing: Calle Mayor 1, 50001 Zaragoza, ES"
    );
    assert_eq!(readable(&current, "website"), "(none)");
    let spanish = ReadableWords {
        none: "(nada)".into(),
        address_kind: Box::new(|kind| match kind {
            AddressKind::Billing => "Facturación".into(),
            other => other.label().into(),
        }),
        payment_terms: Box::new(|days, _| format!("{} días", days.unwrap_or(0))),
    };
    assert_eq!(readable_in(&current, "payment_terms", &spanish), "30 días");
    assert_eq!(
        readable_in(&current, "addresses", &spanish),
        "Facturación: Calle Mayor 1, 50001 Zaragoza, ES"
    );
    assert_eq!(readable_in(&current, "website", &spanish), "(nada)");
    current.payment_terms.days = Some(1);
    assert_eq!(readable(&current, "payment_terms"), "1 day, Bank transfer");
}
