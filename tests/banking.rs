//! Bank accounts and internal notes as documents of their own (issue 7, `registry::assemble`):
//! a save writes them to the partner's banking and activity documents and empties them in
//! the partner document; the partner as shown still carries them; a save that does not change
//! them writes neither companion; an old partner document with them inside reads as before
//! and moves them on its first save; a change to the banking document on another device
//! reaches this one's partner; the history names bank-account and notes changes under the
//! profile's paths and restores them into the right document; the cache gives the same
//! partner back.

use automerge::{ActorId, AutoCommit, ChangeHash};
use futures::executor::block_on;
use partnero::model::*;
use partnero::registry::{companion_id, CompanionKind, Registry};
use partnero::store::MemoryStore;
use partnero::sync::SyncDocuments;
use partnero::validate::{validate_partner, BankAccountDraft, PartnerDraft};

const NOW_MS: i64 = 1_780_000_000_000;
const IBAN: &str = "DE89370400440532013000";
const NEW_IBAN: &str = "ES9121000418450200051332";

fn actor(byte: u8) -> ActorId {
    ActorId::from([byte; 16])
}

fn id(byte: u8) -> DocumentId {
    DocumentId::from_random_bytes([byte; 16])
}

fn banking_id(partner: &DocumentId) -> DocumentId {
    companion_id(partner, CompanionKind::Banking)
}

fn activity_id(partner: &DocumentId) -> DocumentId {
    companion_id(partner, CompanionKind::Activity)
}

fn profile() -> PartnerProfile {
    validate_partner(&PartnerDraft {
        kind: "supplier".into(),
        legal_name: "Iberia S.L.".into(),
        bank_accounts: vec![BankAccountDraft {
            id: "b1".into(),
            iban: "DE89 3704 0044 0532 0130 00".into(),
            bic: String::new(),
            holder: "Iberia S.L.".into(),
        }],
        notes: "Pays late in August.".into(),
        ..PartnerDraft::default()
    })
    .expect("valid draft")
}

fn heads(registry: &Registry<&MemoryStore>, document: &DocumentId) -> Vec<ChangeHash> {
    registry.document(document).unwrap().clone().get_heads()
}

fn hydrated<T: autosurgeon::Hydrate>(
    registry: &Registry<&MemoryStore>,
    document: &DocumentId,
) -> T {
    autosurgeon::hydrate(registry.document(document).unwrap()).unwrap()
}

/// Delivers documents from `from` to `to` the way sync does; returns the partners `to`
/// reported as changed.
async fn deliver(
    from: &Registry<&MemoryStore>,
    to: &mut Registry<&MemoryStore>,
    documents: &[DocumentId],
) -> Vec<DocumentId> {
    let mut changed = Vec::new();
    for document in documents {
        let mut sent = from.document(document).unwrap().clone();
        match to.document_mut(document) {
            Some(doc) => {
                doc.merge(&mut sent).unwrap();
            }
            None => {
                to.create_empty(document).merge(&mut sent).unwrap();
            }
        }
        let outcome = to.store_remote_change(document, NOW_MS).await.unwrap();
        changed.extend(outcome.changed);
    }
    changed
}

#[test]
fn a_save_moves_bank_accounts_and_notes_into_their_documents() {
    block_on(async {
        let store = MemoryStore::new();
        let mut registry = Registry::open(&store, actor(1), id(1)).await.unwrap();
        let partner = id(10);
        registry
            .create_partner(partner, profile(), NOW_MS)
            .await
            .unwrap();

        let own: Partner = hydrated(&registry, &partner);
        assert!(
            own.profile.bank_accounts.is_empty(),
            "not in the partner document"
        );
        assert!(own.profile.notes.is_empty());
        let banking: PartnerBanking = hydrated(&registry, &banking_id(&partner));
        assert_eq!(banking.bank_accounts[0].iban, IBAN);
        assert_eq!(banking.partner_id, partner.to_string());
        let activity: PartnerActivity = hydrated(&registry, &activity_id(&partner));
        assert_eq!(activity.notes, "Pays late in August.");
        let workspace: Workspace = hydrated(&registry, &registry.workspace_id());
        assert!(workspace.banking.contains_key(&partner.to_string()));
        assert!(workspace.activity.contains_key(&partner.to_string()));

        let shown = registry.partner(&partner).unwrap().clone();
        assert_eq!(shown.profile, profile(), "shown as it was typed");

        // Only the name: neither companion is written.
        let (banking_heads, activity_heads) = (
            heads(&registry, &banking_id(&partner)),
            heads(&registry, &activity_id(&partner)),
        );
        let mut renamed = shown.profile.clone();
        renamed.legal_name = "Iberia Logística S.L.".into();
        registry
            .update_profile(&partner, renamed.clone(), NOW_MS + 1000)
            .await
            .unwrap();
        assert_eq!(heads(&registry, &banking_id(&partner)), banking_heads);
        assert_eq!(heads(&registry, &activity_id(&partner)), activity_heads);
        assert_eq!(registry.partner(&partner).unwrap().profile, renamed);

        // Only the bank accounts: the partner document is not written.
        let partner_heads = heads(&registry, &partner);
        let mut rebanked = renamed.clone();
        rebanked.bank_accounts[0].iban = NEW_IBAN.into();
        registry
            .update_profile(&partner, rebanked.clone(), NOW_MS + 2000)
            .await
            .unwrap();
        assert_eq!(heads(&registry, &partner), partner_heads);
        assert_eq!(heads(&registry, &activity_id(&partner)), activity_heads);
        assert_ne!(heads(&registry, &banking_id(&partner)), banking_heads);
        assert_eq!(registry.partner(&partner).unwrap().profile, rebanked);
        assert_eq!(
            registry.assembly_documents(&partner),
            [
                banking_id(&partner),
                activity_id(&partner),
                registry.workspace_id()
            ]
        );
    });
}

#[test]
fn an_old_partner_document_reads_as_before_and_moves_them_on_its_first_save() {
    block_on(async {
        let store = MemoryStore::new();
        let mut registry = Registry::open(&store, actor(1), id(1)).await.unwrap();
        let workspace = registry.workspace_id();
        registry.set_team_workspace(workspace);
        let partner = id(10);

        // Written by an earlier version: bank accounts and notes inside the partner record,
        // arriving by sync.
        let mut old = AutoCommit::new().with_actor(actor(40));
        autosurgeon::reconcile(&mut old, Partner::new(profile(), NOW_MS)).unwrap();
        old.commit();
        let mut index = registry.document(&workspace).unwrap().clone();
        index.set_actor(actor(41));
        let mut value: Workspace = autosurgeon::hydrate(&index).unwrap();
        value.partners.insert(
            partner.to_string(),
            PartnerEntry {
                added_at_ms: NOW_MS,
            },
        );
        autosurgeon::reconcile(&mut index, &value).unwrap();
        index.commit();
        registry
            .document_mut(&workspace)
            .unwrap()
            .merge(&mut index)
            .unwrap();
        let outcome = registry
            .store_remote_change(&workspace, NOW_MS)
            .await
            .unwrap();
        assert_eq!(outcome.fetch, [partner]);
        registry
            .document_mut(&partner)
            .unwrap()
            .merge(&mut old)
            .unwrap();
        registry
            .store_remote_change(&partner, NOW_MS)
            .await
            .unwrap();

        assert_eq!(registry.partner(&partner).unwrap().profile, profile());
        assert!(registry.banking(&partner).is_none());

        let mut renamed = profile();
        renamed.trade_name = "Iberia".into();
        registry
            .update_profile(&partner, renamed.clone(), NOW_MS + 1000)
            .await
            .unwrap();
        assert_eq!(registry.partner(&partner).unwrap().profile, renamed);
        let own: Partner = hydrated(&registry, &partner);
        assert!(own.profile.bank_accounts.is_empty(), "moved out");
        assert!(own.profile.notes.is_empty(), "moved out");
        let banking: PartnerBanking = hydrated(&registry, &banking_id(&partner));
        assert_eq!(banking.bank_accounts, profile().bank_accounts);
        let activity: PartnerActivity = hydrated(&registry, &activity_id(&partner));
        assert_eq!(activity.notes, profile().notes);
    });
}

#[test]
fn a_banking_change_on_another_device_reaches_the_partner_shown() {
    block_on(async {
        let (store_a, store_b) = (MemoryStore::new(), MemoryStore::new());
        let mut a = Registry::open(&store_a, actor(1), id(1)).await.unwrap();
        a.set_team_workspace(id(1));
        let partner = id(10);
        a.create_partner(partner, profile(), NOW_MS).await.unwrap();

        // Device B starts with a local workspace of its own and joins A's.
        let mut b = Registry::open(&store_b, actor(2), id(2)).await.unwrap();
        assert_eq!(b.set_team_workspace(id(1)), [id(1)]);
        deliver(&a, &mut b, &[id(1)]).await;
        let mut fetch = b.waiting_for();
        fetch.sort();
        let mut expected = vec![partner, banking_id(&partner), activity_id(&partner)];
        expected.sort();
        assert_eq!(fetch, expected);
        // The companions may arrive before the partner.
        deliver(
            &a,
            &mut b,
            &[banking_id(&partner), activity_id(&partner), partner],
        )
        .await;
        assert_eq!(b.partner(&partner).unwrap().profile, profile());

        let mut rebanked = profile();
        rebanked.bank_accounts[0].iban = NEW_IBAN.into();
        a.update_profile(&partner, rebanked.clone(), NOW_MS + 1000)
            .await
            .unwrap();
        let changed = deliver(&a, &mut b, &[banking_id(&partner)]).await;
        assert_eq!(changed, [partner], "the view refreshes the partner");
        assert_eq!(b.partner(&partner).unwrap().profile, rebanked);
    });
}

#[test]
fn the_history_names_bank_account_and_notes_changes_and_restores_them() {
    block_on(async {
        let store = MemoryStore::new();
        let mut registry = Registry::open(&store, actor(1), id(1)).await.unwrap();
        registry.set_attribution(Some("Ana".into()), Some("Laptop".into()));
        let partner = id(10);
        registry
            .create_partner(partner, profile(), NOW_MS)
            .await
            .unwrap();
        let mut edited = profile();
        edited.bank_accounts[0].iban = NEW_IBAN.into();
        edited.notes = "Pays on time now.".into();
        registry
            .update_profile(&partner, edited.clone(), NOW_MS + 5000)
            .await
            .unwrap();

        let history = registry.partner_history(&partner).await.unwrap();
        let fields: Vec<(&str, Vec<&str>)> = history
            .iter()
            .map(|entry| {
                (
                    entry.attribution.action.as_str(),
                    entry.fields.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert!(
            fields.contains(&("edit profile", vec!["profile.bank_accounts.b1.iban"])),
            "{fields:#?}"
        );
        assert!(
            fields.contains(&("edit profile", vec!["profile.notes"])),
            "{fields:#?}"
        );
        assert!(
            history
                .windows(2)
                .all(|pair| pair[0].at_ms >= pair[1].at_ms),
            "newest first"
        );
        let iban_change = history
            .iter()
            .find(|entry| entry.fields == ["profile.bank_accounts.b1.iban"])
            .unwrap();
        assert_eq!(iban_change.attribution.by.as_deref(), Some("Ana"));
        let shown = registry
            .partner_around_change(&partner, &iban_change.hash, true)
            .unwrap();
        assert_eq!(shown.profile.bank_accounts[0].iban, IBAN);

        let partner_heads = heads(&registry, &partner);
        let hash = iban_change.hash.clone();
        registry
            .restore_field(
                &partner,
                &hash,
                "profile.bank_accounts.b1.iban",
                NOW_MS + 9000,
            )
            .await
            .unwrap();
        assert_eq!(
            registry.partner(&partner).unwrap().profile.bank_accounts[0].iban,
            IBAN
        );
        let banking: PartnerBanking = hydrated(&registry, &banking_id(&partner));
        assert_eq!(
            banking.bank_accounts[0].iban, IBAN,
            "restored where it lives"
        );
        assert_eq!(heads(&registry, &partner), partner_heads);

        let notes_change = registry
            .partner_history(&partner)
            .await
            .unwrap()
            .into_iter()
            .find(|entry| entry.fields == ["profile.notes"] && entry.at_ms == NOW_MS + 5000)
            .unwrap();
        registry
            .restore_field(
                &partner,
                &notes_change.hash,
                "profile.notes",
                NOW_MS + 10_000,
            )
            .await
            .unwrap();
        assert_eq!(
            registry.partner(&partner).unwrap().profile.notes,
            "Pays late in August."
        );
    });
}

#[test]
fn reopening_from_the_cache_gives_the_same_partner() {
    block_on(async {
        let store = MemoryStore::new();
        let partner = id(10);
        let (shown, fingerprint) = {
            let mut registry = Registry::open(&store, actor(1), id(1)).await.unwrap();
            registry
                .create_partner(partner, profile(), NOW_MS)
                .await
                .unwrap();
            let mut edited = profile();
            edited.bank_accounts[0].iban = NEW_IBAN.into();
            registry
                .update_profile(&partner, edited, NOW_MS + 1000)
                .await
                .unwrap();
            let fingerprints: Vec<(DocumentId, u64)> = registry.partner_fingerprints().collect();
            let fingerprint = registry.partner_fingerprint(&partner).unwrap();
            assert_eq!(fingerprints, [(partner, fingerprint)], "the two agree");
            (registry.partner(&partner).unwrap().clone(), fingerprint)
        };
        let reopened = Registry::open(&store, actor(2), id(1)).await.unwrap();
        assert_eq!(reopened.loaded_count(), 0, "from the cache");
        assert_eq!(reopened.partner(&partner), Some(&shown));
        assert_eq!(reopened.partner_fingerprint(&partner), Some(fingerprint));
        assert!(reopened.stale_documents().await.unwrap().is_empty());
    });
}

#[test]
fn bank_account_changes_change_the_partners_fingerprint() {
    block_on(async {
        let store = MemoryStore::new();
        let mut registry = Registry::open(&store, actor(1), id(1)).await.unwrap();
        let partner = id(10);
        registry
            .create_partner(partner, profile(), NOW_MS)
            .await
            .unwrap();
        let before = registry.partner_fingerprint(&partner).unwrap();
        let mut edited = profile();
        edited.bank_accounts[0].iban = NEW_IBAN.into();
        registry
            .update_profile(&partner, edited, NOW_MS + 1000)
            .await
            .unwrap();
        // The stored search index is checked by fingerprint: it must index the partner again.
        assert_ne!(registry.partner_fingerprint(&partner).unwrap(), before);
    });
}
