//! Native tests of a partner's history (src/registry/history.rs): attribution in commit
//! messages, the fields each change touched (including a concurrent edit merged in), filters,
//! the record at a past moment, and restoring an earlier value of a field.

use automerge::transaction::CommitOptions;
use automerge::{ActorId, AutoCommit, ChangeHash};
use partnero::model::*;
use partnero::registry::history::{
    filter, heads_at, history, parse_message, partner_at, restore_field, stamp, Attribution,
    HistoryEntry,
};
use partnero::validate::{validate_partner, AddressDraft, PartnerDraft};

const ANA: &str = "ana@example.com";
const BO: &str = "bo@example.com";

fn actor(byte: u8) -> ActorId {
    ActorId::from([byte; 16])
}

fn address(id: &str, city: &str) -> AddressDraft {
    AddressDraft {
        id: id.into(),
        kind: "billing".into(),
        street: "Calle Mayor 1".into(),
        city: city.into(),
        postal_code: "50001".into(),
        region: String::new(),
        country: "es".into(),
    }
}

fn profile() -> PartnerProfile {
    validate_partner(&PartnerDraft {
        kind: "supplier".into(),
        legal_name: "Iberia S.L.".into(),
        addresses: vec![address("a1", "Zaragoza")],
        ..PartnerDraft::default()
    })
    .expect("valid draft")
}

/// Reconciles `partner` into `doc` and commits it as one change at `secs`.
fn write(doc: &mut AutoCommit, partner: &mut Partner, secs: i64, message: String) {
    partner.updated_at_ms = secs * 1000;
    autosurgeon::reconcile(doc, &*partner).unwrap();
    doc.commit_with(
        CommitOptions::default()
            .with_message(message)
            .with_time(secs),
    );
}

fn current(doc: &AutoCommit) -> Partner {
    autosurgeon::hydrate(doc).unwrap()
}

fn hash(entry: &HistoryEntry) -> ChangeHash {
    entry.hash.parse().expect("a hex change hash")
}

/// A record edited on a laptop (Ana) and a phone (Bo), with one concurrent pair of edits:
/// - 1000 s register (Ana, Chrome on Android)
/// - 2000 s legal name (Ana)
/// - 3000 s address a1 city, on the phone (Bo, Firefox on Linux), concurrent with
/// - 3001 s archive, on the laptop, written without trailers
/// - 4000 s client link + new address a2, after merging the phone (Ana)
/// - 5000 s only `updated_at_ms` touched (Ana)
fn build() -> AutoCommit {
    let chrome = Some("Chrome on Android");
    let mut laptop = AutoCommit::new().with_actor(actor(1));
    let mut partner = Partner::new(profile(), 1_000_000);
    write(
        &mut laptop,
        &mut partner,
        1000,
        stamp("register", Some(ANA), chrome),
    );

    partner.profile.legal_name = "Iberia Supplies S.L.".into();
    write(
        &mut laptop,
        &mut partner,
        2000,
        stamp("edit profile", Some(ANA), chrome),
    );

    let mut phone = laptop.fork().with_actor(actor(2));
    let mut on_phone = current(&phone);
    on_phone.profile.addresses[0].city = "Huesca".into();
    write(
        &mut phone,
        &mut on_phone,
        3000,
        stamp("edit address", Some(BO), Some("Firefox on Linux")),
    );

    partner.status = PartnerStatus::Archived;
    write(&mut laptop, &mut partner, 3001, "archive".into());

    laptop.merge(&mut phone).unwrap();
    let mut partner = current(&laptop);
    assert_eq!(partner.profile.addresses[0].city, "Huesca");
    assert_eq!(partner.status, PartnerStatus::Archived);
    partner.clients.insert(
        "client-1".into(),
        ClientLink {
            linked_at_ms: 4_000_000,
        },
    );
    let mut second = profile();
    second.addresses = validate_partner(&PartnerDraft {
        kind: "supplier".into(),
        legal_name: "x".into(),
        addresses: vec![address("a2", "Teruel")],
        ..PartnerDraft::default()
    })
    .unwrap()
    .addresses;
    partner.profile.addresses.push(second.addresses[0].clone());
    write(
        &mut laptop,
        &mut partner,
        4000,
        stamp("link client", Some(ANA), chrome),
    );

    write(
        &mut laptop,
        &mut partner,
        5000,
        stamp("touch", Some(ANA), chrome),
    );
    laptop
}

#[test]
fn stamp_and_parse_round_trip() {
    let message = stamp("edit profile", Some(ANA), Some("Chrome on Android"));
    assert_eq!(
        message,
        "edit profile\nby: ana@example.com\ndevice: Chrome on Android"
    );
    assert_eq!(
        parse_message(&message),
        Attribution {
            action: "edit profile".into(),
            by: Some(ANA.into()),
            device: Some("Chrome on Android".into()),
        }
    );
    // Newlines in the person or device cannot break the trailers.
    let odd = stamp("merge", Some("a\nb"), Some("x\r\ny"));
    let parsed = parse_message(&odd);
    assert_eq!(parsed.action, "merge");
    assert_eq!(parsed.by.as_deref(), Some("a b"));
    assert_eq!(parsed.device.as_deref(), Some("x  y"));
    // Only a device, only a person, none.
    assert_eq!(
        parse_message(&stamp("a", None, Some("d"))),
        Attribution {
            action: "a".into(),
            by: None,
            device: Some("d".into())
        }
    );
    assert_eq!(
        parse_message(&stamp("a", Some("p"), None)).by.as_deref(),
        Some("p")
    );
    assert_eq!(
        parse_message("old change"),
        Attribution {
            action: "old change".into(),
            by: None,
            device: None
        }
    );
    // A message that is only a trailer-looking line is an action, not a person.
    assert_eq!(parse_message("by: x").action, "by: x");
    assert_eq!(parse_message("by: x").by, None);
}

#[test]
fn history_lists_each_change_with_its_fields_and_attribution() {
    let mut doc = build();
    let entries = history(&mut doc);
    let summary: Vec<(i64, &str, Vec<&str>)> = entries
        .iter()
        .map(|entry| {
            (
                entry.at_ms,
                entry.attribution.action.as_str(),
                entry.fields.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (5_000_000, "touch", vec![]),
            (
                4_000_000,
                "link client",
                vec!["clients.client-1", "profile.addresses.a2"]
            ),
            (3_001_000, "archive", vec!["status"]),
            (3_000_000, "edit address", vec!["profile.addresses.a1.city"]),
            (2_000_000, "edit profile", vec!["profile.legal_name"]),
            (
                1_000_000,
                "register",
                vec![
                    "clients",
                    "created_at_ms",
                    "documents",
                    "merged_into",
                    "profile",
                    "status"
                ]
            ),
        ]
    );

    let address_edit = &entries[3];
    assert_eq!(address_edit.attribution.by.as_deref(), Some(BO));
    assert_eq!(
        address_edit.attribution.device.as_deref(),
        Some("Firefox on Linux")
    );
    assert_eq!(address_edit.actor, actor(2).to_hex_string());
    let archive = &entries[2];
    assert_eq!(archive.attribution.by, None);
    assert_eq!(archive.attribution.device, None);
    assert_eq!(archive.actor, actor(1).to_hex_string());
    assert_eq!(entries[4].attribution.by.as_deref(), Some(ANA));
    assert_eq!(
        entries[4].attribution.device.as_deref(),
        Some("Chrome on Android")
    );
    // Every hash is the hex of a real change.
    for entry in &entries {
        assert!(doc.get_change_by_hash(&hash(entry)).is_some());
    }
    // Same document, same history.
    assert_eq!(history(&mut doc), entries);
}

#[test]
fn filters_by_field_and_person() {
    let mut doc = build();
    let entries = history(&mut doc);
    let actions = |list: Vec<HistoryEntry>| -> Vec<String> {
        list.into_iter().map(|e| e.attribution.action).collect()
    };
    assert_eq!(
        actions(filter(&entries, Some("profile.addresses"), None)),
        vec!["link client", "edit address"]
    );
    assert_eq!(
        actions(filter(&entries, Some("profile.addresses.a1"), None)),
        vec!["edit address"]
    );
    assert_eq!(
        actions(filter(&entries, Some("profile"), None)),
        vec!["link client", "edit address", "edit profile", "register"]
    );
    // Segment-wise: a partial segment name matches nothing.
    assert!(filter(&entries, Some("profile.address"), None).is_empty());
    assert_eq!(
        actions(filter(&entries, None, Some(BO))),
        vec!["edit address"]
    );
    assert_eq!(
        actions(filter(&entries, Some("profile"), Some(ANA))),
        vec!["link client", "edit profile", "register"]
    );
    // The archive had no trailers, so of Ana's changes only the registration set the status.
    assert_eq!(
        actions(filter(&entries, Some("status"), Some(ANA))),
        vec!["register"]
    );
    assert_eq!(
        actions(filter(&entries, Some("status"), None)),
        vec!["archive", "register"]
    );
    assert_eq!(filter(&entries, None, None), entries);
}

#[test]
fn the_record_as_it_was() {
    let mut doc = build();
    let entries = history(&mut doc);
    let register = entries.last().unwrap();
    let first = partner_at(&doc, &[hash(register)]).unwrap();
    assert_eq!(first.profile.legal_name, "Iberia S.L.");
    assert_eq!(first.status, PartnerStatus::Active);

    // Before anything: no record yet.
    assert!(heads_at(&mut doc, 999_999).is_empty());
    assert!(partner_at(&doc, &[]).is_err());

    // At exactly a change's time, the change is in.
    let at_register = heads_at(&mut doc, 1_000_000);
    assert_eq!(at_register, vec![hash(register)]);

    let heads = heads_at(&mut doc, 2_500_000);
    let mid = partner_at(&doc, &heads).unwrap();
    assert_eq!(mid.profile.legal_name, "Iberia Supplies S.L.");
    assert_eq!(mid.profile.addresses[0].city, "Zaragoza");

    // Between the two concurrent edits: the phone's is in, the laptop's is not.
    let heads = heads_at(&mut doc, 3_000_500);
    assert_eq!(heads, vec![hash(&entries[3])]);
    let between = partner_at(&doc, &heads).unwrap();
    assert_eq!(between.profile.addresses[0].city, "Huesca");
    assert_eq!(between.status, PartnerStatus::Active);

    // After both, before the merge commit: two heads.
    let mut both = heads_at(&mut doc, 3_500_000);
    both.sort();
    let mut expected = vec![hash(&entries[2]), hash(&entries[3])];
    expected.sort();
    assert_eq!(both, expected);
    let merged = partner_at(&doc, &both).unwrap();
    assert_eq!(merged.status, PartnerStatus::Archived);
    assert_eq!(merged.profile.addresses[0].city, "Huesca");
    assert!(merged.clients.is_empty());

    // Far in the future: the current heads.
    assert_eq!(heads_at(&mut doc, i64::MAX), {
        let mut heads = doc.get_heads();
        heads.sort();
        heads
    });
}

#[test]
fn restores_an_earlier_value_of_one_field() {
    let mut doc = build();
    let entries = history(&mut doc);
    let now = current(&doc);
    let then = partner_at(&doc, &[hash(entries.last().unwrap())]).unwrap();

    let restored = restore_field(&now, &then, "profile.legal_name").unwrap();
    assert_eq!(restored.profile.legal_name, "Iberia S.L.");
    assert_eq!(restored.status, PartnerStatus::Archived, "only that field");
    assert_eq!(restored.profile.addresses, now.profile.addresses);

    let restored = restore_field(&now, &then, "profile.addresses.a1.city").unwrap();
    assert_eq!(restored.profile.addresses[0].city, "Zaragoza");
    assert_eq!(restored.profile.addresses.len(), 2);

    // A row that did not exist then goes away; one that exists only then comes back.
    let restored = restore_field(&now, &then, "profile.addresses.a2").unwrap();
    let ids: Vec<&str> = restored
        .profile
        .addresses
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(ids, vec!["a1"]);
    let back = restore_field(&restored, &now, "profile.addresses.a2").unwrap();
    assert_eq!(back.profile.addresses, now.profile.addresses);

    let restored = restore_field(&now, &then, "clients.client-1").unwrap();
    assert!(restored.clients.is_empty());
    let restored = restore_field(&now, &then, "status").unwrap();
    assert_eq!(restored.status, PartnerStatus::Active);

    assert!(restore_field(&now, &then, "").is_err());
    assert!(restore_field(&now, &then, "nope.deeper").is_err());

    // Committing the restore is an ordinary, attributed change naming the field.
    let mut restored = restore_field(&now, &then, "profile.legal_name").unwrap();
    write(
        &mut doc,
        &mut restored,
        6000,
        stamp("restore legal name", Some(BO), None),
    );
    let latest = &history(&mut doc)[0];
    assert_eq!(latest.fields, vec!["profile.legal_name"]);
    assert_eq!(latest.attribution.by.as_deref(), Some(BO));
}

/// Through the registry: each change names the session's person and device, the history of a
/// record lists them, and restoring a field's earlier value is a new, attributed change.
#[test]
fn the_registry_attributes_changes_and_restores_an_earlier_value() {
    futures::executor::block_on(async {
        let store = partnero::store::MemoryStore::new();
        let mut registry = partnero::registry::Registry::open(
            &store,
            automerge::ActorId::from([1; 16]),
            partnero::model::DocumentId::from_random_bytes([1; 16]),
        )
        .await
        .unwrap();
        registry.set_attribution(
            Some("ana@example.com".into()),
            Some("Chrome on Android".into()),
        );
        let id = partnero::model::DocumentId::from_random_bytes([5; 16]);
        let profile = partnero::validate::validate_partner(&partnero::validate::PartnerDraft {
            kind: "supplier".into(),
            legal_name: "Aceites del Sur".into(),
            ..Default::default()
        })
        .unwrap();
        registry
            .create_partner(id, profile.clone(), 1_000)
            .await
            .unwrap();
        registry.set_attribution(
            Some("ben@example.com".into()),
            Some("Firefox on Linux".into()),
        );
        let mut renamed = profile;
        renamed.legal_name = "Aceites del Norte".into();
        registry.update_profile(&id, renamed, 2_000).await.unwrap();

        let history = registry.partner_history(&id).await.unwrap();
        assert_eq!(history.len(), 2);
        assert_eq!(
            history[0].attribution.by.as_deref(),
            Some("ben@example.com")
        );
        assert_eq!(
            history[0].attribution.device.as_deref(),
            Some("Firefox on Linux")
        );
        assert_eq!(history[0].attribution.action, "edit profile");
        assert_eq!(history[0].fields, ["profile.legal_name"]);
        assert_eq!(
            history[1].attribution.by.as_deref(),
            Some("ana@example.com")
        );

        let before = registry
            .partner_around_change(&id, &history[0].hash, true)
            .unwrap();
        assert_eq!(before.profile.legal_name, "Aceites del Sur");
        registry
            .restore_field(&id, &history[0].hash, "profile.legal_name", 3_000)
            .await
            .unwrap();
        assert_eq!(
            registry.partner(&id).unwrap().profile.legal_name,
            "Aceites del Sur"
        );
        let history = registry.partner_history(&id).await.unwrap();
        assert_eq!(history.len(), 3, "the restore is a change of its own");
        assert_eq!(history[0].attribution.action, "restore profile.legal_name");
        assert_eq!(history[0].fields, ["profile.legal_name"]);
    });
}
