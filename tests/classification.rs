//! Native tests of custom fields and classification: every custom field type checked and
//! stored canonically, required and archived fields, the category tree, merging and deleting
//! terms through a registry (partners rewritten, stored and reopened), and the list filters by
//! category (with subcategories), tag, industry, region and custom value.

use std::collections::{BTreeMap, BTreeSet};

use automerge::{transaction::Transactable, ActorId, AutoCommit, ReadDoc, ROOT};
use futures::executor::block_on;
use partnero::model::*;
use partnero::registry::{Registry, RegistryError};
use partnero::search::{filter_partners, filter_partners_with, ListFilter, StatusFilter};
use partnero::store::MemoryStore;
use partnero::validate::{
    check_custom_value, validate_partner, validate_partner_with, AddressDraft, PartnerDraft,
};

fn field(label: &str, field_type: CustomFieldType) -> CustomFieldDef {
    CustomFieldDef {
        label: label.into(),
        field_type,
        ..CustomFieldDef::default()
    }
}

fn term(name: &str) -> Term {
    Term { name: name.into() }
}

fn category(name: &str, parent: Option<&str>) -> Category {
    Category {
        name: name.into(),
        parent: parent.map(str::to_owned),
        applies_to: AppliesTo::Both,
    }
}

fn set(ids: &[&str]) -> BTreeMap<String, bool> {
    ids.iter().map(|id| (id.to_string(), true)).collect()
}

/// Suppliers › Raw materials › Steel, Suppliers › Services, and a lone Clients › Retail.
fn classified_settings() -> WorkspaceSettings {
    WorkspaceSettings {
        categories: BTreeMap::from([
            ("sup".into(), category("Suppliers", None)),
            ("raw".into(), category("Raw materials", Some("sup"))),
            ("steel".into(), category("Steel", Some("raw"))),
            ("serv".into(), category("Services", Some("sup"))),
            ("retail".into(), category("Retail", None)),
        ]),
        tags: BTreeMap::from([
            ("vip".into(), term("VIP")),
            ("key".into(), term("Key account")),
            ("slow".into(), term("Slow payer")),
        ]),
        industries: BTreeMap::from([
            ("metal".into(), term("Metalworking")),
            ("food".into(), term("Food")),
        ]),
        regions: BTreeMap::from([
            ("north".into(), term("North")),
            ("south".into(), term("South")),
        ]),
        custom_fields: BTreeMap::from([
            (
                "code".into(),
                CustomFieldDef {
                    required: true,
                    applies_to: AppliesTo::Suppliers,
                    order: 1,
                    ..field("Supplier code", CustomFieldType::Number)
                },
            ),
            (
                "since".into(),
                CustomFieldDef {
                    order: 2,
                    ..field("Partner since", CustomFieldType::Date)
                },
            ),
            (
                "old".into(),
                CustomFieldDef {
                    archived: true,
                    ..field("Old reference", CustomFieldType::Text)
                },
            ),
            (
                "segment".into(),
                CustomFieldDef {
                    applies_to: AppliesTo::Clients,
                    choices: vec!["Gold".into(), "Silver".into()],
                    ..field("Segment", CustomFieldType::Choice)
                },
            ),
        ]),
        ..WorkspaceSettings::default()
    }
}

fn supplier_draft() -> PartnerDraft {
    PartnerDraft {
        kind: "supplier".into(),
        legal_name: "Aceros del Norte S.A.".into(),
        addresses: vec![AddressDraft {
            id: "a1".into(),
            kind: "billing".into(),
            city: "Bilbao".into(),
            country: "ES".into(),
            ..AddressDraft::default()
        }],
        ..PartnerDraft::default()
    }
}

#[test]
fn custom_values_are_checked_and_stored_canonically_by_type() {
    use CustomFieldType::*;
    // (type, typed, Ok(stored) or Err(message))
    let cases: &[(CustomFieldType, &str, Result<&str, &str>)] = &[
        (Text, "  free text  ", Ok("free text")),
        (Text, "   ", Ok("")),
        (Number, "42", Ok("42")),
        (Number, "3,75", Ok("3.75")),
        (Number, " -0.5 ", Ok("-0.5")),
        (Number, "+7", Ok("7")),
        (Number, "1.234,5", Err("Field: enter a number")),
        (Number, "12a", Err("Field: enter a number")),
        (Number, ",5", Err("Field: enter a number")),
        (Number, "5.", Err("Field: enter a number")),
        (Date, "2026-02-28", Ok("2026-02-28")),
        (Date, "2026-02-29", Err("Field: enter a date as YYYY-MM-DD")),
        (Date, "28/02/2026", Err("Field: enter a date as YYYY-MM-DD")),
        (YesNo, "Yes", Ok("yes")),
        (YesNo, "sí", Ok("yes")),
        (YesNo, "SI", Ok("yes")),
        (YesNo, "true", Ok("yes")),
        (YesNo, "1", Ok("yes")),
        (YesNo, "no", Ok("no")),
        (YesNo, "False", Ok("no")),
        (YesNo, "0", Ok("no")),
        (YesNo, "maybe", Err("Field: answer yes or no")),
        (Choice, "gold", Ok("Gold")),
        (Choice, "Silver", Ok("Silver")),
        (Choice, "Bronze", Err("Field: choose one of Gold, Silver")),
        (Email, " Ana@Example.COM ", Ok("Ana@example.com")),
        (Phone, "612 345 678", Ok("+34612345678")),
        (Phone, "+44 20 7946 0958", Ok("+442079460958")),
        (
            Iban,
            "es91 2100 0418 4502 0005 1332",
            Ok("ES9121000418450200051332"),
        ),
        (Url, "Example.com/about", Ok("https://example.com/about")),
    ];
    for (field_type, typed, expected) in cases {
        let def = CustomFieldDef {
            choices: vec!["Gold".into(), "Silver".into()],
            ..field("Field", *field_type)
        };
        let got = check_custom_value(&def, typed, "ES");
        let expected = expected.map(str::to_owned).map_err(str::to_owned);
        assert_eq!(got, expected, "{field_type:?} {typed:?}");
    }

    // Failures of the shared format checkers are prefixed with the field's label.
    for (field_type, typed) in [
        (Email, "ana@localhost"),
        (Phone, "call me"),
        (Iban, "ES00 2100 0418 4502 0005 1332"),
        (Url, "ftp://example.com"),
    ] {
        let error = check_custom_value(&field("Billing contact", field_type), typed, "ES")
            .expect_err(typed);
        assert!(error.starts_with("Billing contact: "), "{error}");
    }

    let required = CustomFieldDef {
        required: true,
        ..field("Supplier code", Number)
    };
    assert_eq!(
        check_custom_value(&required, " ", ""),
        Err("Supplier code is required".into())
    );
    let no_choices = field("Segment", Choice);
    assert_eq!(
        check_custom_value(&no_choices, "Gold", ""),
        Err("Segment: this field has no choices yet (see Settings)".into())
    );
}

#[test]
fn enums_round_trip_through_their_codes() {
    for field_type in CustomFieldType::ALL {
        assert_eq!(
            CustomFieldType::from_code(field_type.code()),
            Some(field_type)
        );
        assert!(!field_type.label().is_empty());
    }
    for applies in AppliesTo::ALL {
        assert_eq!(AppliesTo::from_code(applies.code()), Some(applies));
    }
    for list in TermList::ALL {
        assert_eq!(TermList::from_code(list.code()), Some(list));
    }
    assert!(AppliesTo::Suppliers.includes(PartnerKind::Both));
    assert!(!AppliesTo::Suppliers.includes(PartnerKind::Client));
}

#[test]
fn required_custom_fields_apply_to_their_kind_and_values_are_canonical() {
    let settings = classified_settings();

    // A supplier without the required supplier code.
    let errors = validate_partner_with(&supplier_draft(), &settings).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].field, "custom.code");
    assert_eq!(errors[0].message, "Supplier code is required");

    // A badly typed value names the field by its label.
    let mut draft = supplier_draft();
    draft.custom.insert("code".into(), "12b".into());
    draft.custom.insert("since".into(), "yesterday".into());
    let errors = validate_partner_with(&draft, &settings).unwrap_err();
    let found: Vec<(&str, &str)> = errors
        .iter()
        .map(|error| (error.field.as_str(), error.message.as_str()))
        .collect();
    assert_eq!(
        found,
        vec![
            ("custom.code", "Supplier code: enter a number"),
            ("custom.since", "Partner since: enter a date as YYYY-MM-DD"),
        ]
    );

    // Filled in, the values are stored canonically; blank optional fields are not stored.
    draft.custom.insert("code".into(), "1234,50".into());
    draft.custom.insert("since".into(), " ".into());
    let profile = validate_partner_with(&draft, &settings).expect("valid");
    assert_eq!(
        profile.custom,
        BTreeMap::from([("code".to_string(), "1234.50".to_string())])
    );

    // A client needs no supplier code, but its segment must be one of the choices.
    let mut client = supplier_draft();
    client.kind = "client".into();
    client.custom.insert("segment".into(), "Platinum".into());
    let errors = validate_partner_with(&client, &settings).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field, "custom.segment");
    assert_eq!(errors[0].message, "Segment: choose one of Gold, Silver");

    // Without custom fields in the settings, validation behaves as before.
    assert!(validate_partner(&supplier_draft()).is_ok());
}

#[test]
fn archived_unknown_and_non_applicable_values_are_kept_and_listed() {
    let mut settings = classified_settings();
    settings.custom_fields.get_mut("code").unwrap().required = false;
    let mut draft = supplier_draft();
    draft.custom = BTreeMap::from([
        ("old".into(), "REF-9".into()),
        ("segment".into(), "not even a choice".into()),
        ("gone".into(), "from another device".into()),
        ("since".into(), "2020-01-15".into()),
    ]);
    let profile = validate_partner_with(&draft, &settings).expect("hidden values are not checked");
    assert_eq!(profile.custom, draft.custom, "nothing dropped or rewritten");

    // Renaming a field changes only the label; the value stays under the field id.
    settings.custom_fields.get_mut("since").unwrap().label = "Customer since".into();
    // Archiving a field keeps its values.
    settings.archive_custom_field("since").unwrap();
    assert!(settings.archive_custom_field("nope").is_err());
    let again =
        validate_partner_with(&PartnerDraft::from_profile(&profile), &settings).expect("valid");
    assert_eq!(again.custom, profile.custom);

    let orphans = settings.orphaned_custom_values(&again);
    let listed: Vec<(&str, &str, &str, OrphanReason)> = orphans
        .iter()
        .map(|orphan| {
            (
                orphan.field_id.as_str(),
                orphan.label.as_str(),
                orphan.value.as_str(),
                orphan.reason,
            )
        })
        .collect();
    assert_eq!(
        listed,
        vec![
            ("gone", "gone", "from another device", OrphanReason::Unknown),
            ("old", "Old reference", "REF-9", OrphanReason::Archived),
            (
                "segment",
                "Segment",
                "not even a choice",
                OrphanReason::NotApplicable
            ),
            (
                "since",
                "Customer since",
                "2020-01-15",
                OrphanReason::Archived
            ),
        ]
    );
    assert_eq!(OrphanReason::Archived.label(), "archived field");
}

#[test]
fn custom_fields_are_listed_in_form_order_for_each_kind() {
    let mut settings = classified_settings();
    settings.custom_fields.insert(
        "alpha".into(),
        CustomFieldDef {
            order: 2,
            ..field("Alpha", CustomFieldType::Text)
        },
    );
    let ids = |kind| -> Vec<String> {
        settings
            .sorted_custom_fields(kind)
            .into_iter()
            .map(|(id, _)| id.clone())
            .collect()
    };
    assert_eq!(ids(PartnerKind::Supplier), ["code", "alpha", "since"]);
    assert_eq!(ids(PartnerKind::Client), ["segment", "alpha", "since"]);
    assert_eq!(
        ids(PartnerKind::Both),
        ["segment", "code", "alpha", "since"]
    );
}

#[test]
fn classification_ids_are_validated_and_kept() {
    let settings = classified_settings();
    let mut draft = supplier_draft();
    draft.custom.insert("code".into(), "7".into());
    draft.categories = vec!["steel".into(), "nope".into()];
    draft.tags = vec!["vip".into(), "".into(), "ghost".into()];
    draft.industry_id = "metal".into();
    draft.region_id = "west".into();
    let errors = validate_partner_with(&draft, &settings).unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|error| error.field.as_str()).collect();
    assert_eq!(fields, ["categories", "tags", "region_id"], "{errors:?}");
    assert_eq!(
        errors[0].message,
        "Categories: nope is not in the workspace's list (see Settings)"
    );

    draft.categories = vec!["steel".into(), "serv".into()];
    draft.tags = vec!["vip".into()];
    draft.region_id = " north ".into();
    let profile = validate_partner_with(&draft, &settings).expect("valid");
    assert_eq!(profile.categories, set(&["serv", "steel"]));
    assert_eq!(profile.tags, set(&["vip"]));
    assert_eq!(profile.industry_id, "metal");
    assert_eq!(profile.region_id, "north");

    // The edit form starts from what is stored.
    let back = PartnerDraft::from_profile(&profile);
    assert_eq!(back.categories, ["serv", "steel"]);
    assert_eq!(back.tags, ["vip"]);
    assert_eq!(back.industry_id, "metal");
    assert_eq!(back.custom.get("code").map(String::as_str), Some("7"));
    assert!(dangling_references(&profile, &settings).is_empty());
    let mut without = settings.clone();
    without.tags.remove("vip");
    assert_eq!(
        dangling_references(&profile, &without),
        vec![(TermList::Tags, "vip".to_string())]
    );
}

#[test]
fn the_category_tree_has_paths_descendants_and_refuses_cycles() {
    let mut settings = classified_settings();
    assert_eq!(
        settings.category_path("steel"),
        ["Suppliers", "Raw materials", "Steel"]
    );
    assert!(settings.category_path("nope").is_empty());
    assert_eq!(
        settings.descendants("sup"),
        BTreeSet::from(["sup", "raw", "steel", "serv"].map(String::from))
    );
    assert_eq!(
        settings.descendants("steel"),
        BTreeSet::from(["steel".to_string()])
    );
    let top: Vec<&str> = settings
        .child_categories(None)
        .into_iter()
        .map(|(id, _)| id.as_str())
        .collect();
    assert_eq!(top, ["retail", "sup"], "by name");

    assert!(settings.move_category("sup", Some("steel")).is_err());
    assert!(settings.move_category("raw", Some("raw")).is_err());
    assert!(settings.move_category("raw", Some("nope")).is_err());
    assert!(settings.move_category("nope", None).is_err());
    settings.move_category("steel", Some("serv")).unwrap();
    assert_eq!(
        settings.category_path("steel"),
        ["Suppliers", "Services", "Steel"]
    );
    settings.move_category("raw", None).unwrap();
    assert_eq!(settings.category_path("raw"), ["Raw materials"]);

    // Two devices moving categories under each other at once can still produce a cycle: the
    // helpers stop instead of looping.
    settings.categories.get_mut("raw").unwrap().parent = Some("steel".into());
    settings.categories.get_mut("steel").unwrap().parent = Some("raw".into());
    assert_eq!(settings.category_path("steel").len(), 2);
    assert_eq!(settings.descendants("raw").len(), 2);
}

#[test]
fn terms_are_added_renamed_and_merged_in_the_settings() {
    let mut settings = classified_settings();
    add_term(&mut settings, TermList::Tags, "new", "  New   lead ").unwrap();
    assert_eq!(settings.term_name(TermList::Tags, "new"), Some("New lead"));
    assert!(add_term(&mut settings, TermList::Tags, "new", "Again").is_err());
    // Refusals are data the interface words; their English is the registry's as before.
    assert_eq!(
        add_term(&mut settings, TermList::Regions, "east", " "),
        Err(ChangeRefusal::NameRequired)
    );
    assert_eq!(
        ChangeRefusal::NameRequired.to_string(),
        "a name is required"
    );
    assert_eq!(
        add_term(&mut settings, TermList::Tags, "new", "Again")
            .unwrap_err()
            .english(),
        "Tags: the id \"new\" is taken or empty"
    );
    rename_term(&mut settings, TermList::Categories, "raw", "Raw material").unwrap();
    assert_eq!(
        settings.category_path("steel"),
        ["Suppliers", "Raw material", "Steel"]
    );
    assert!(rename_term(&mut settings, TermList::Industries, "nope", "X").is_err());
    let names: Vec<&str> = settings
        .terms(TermList::Tags)
        .into_iter()
        .map(|(_, name)| name)
        .collect();
    assert_eq!(names, ["Key account", "New lead", "Slow payer", "VIP"]);

    // Merging a category into its own subcategory lifts that subcategory first: no cycle.
    let mut tree = classified_settings();
    merge_terms_in_settings(&mut tree, TermList::Categories, "sup", Some("steel")).unwrap();
    assert!(!tree.categories.contains_key("sup"));
    assert_eq!(tree.category_path("serv"), ["Steel", "Services"]);
    assert_eq!(tree.category_path("raw"), ["Steel", "Raw materials"]);
    assert_eq!(tree.category_path("steel"), ["Steel"]);

    assert_eq!(
        merge_terms_in_settings(&mut tree, TermList::Tags, "vip", Some("vip")),
        Err(ChangeRefusal::TermMergedIntoItself {
            list: TermList::Tags
        })
    );
    assert!(merge_terms_in_settings(&mut tree, TermList::Tags, "vip", Some("nope")).is_err());
    assert!(merge_terms_in_settings(&mut tree, TermList::Tags, "nope", None).is_err());
}

fn id(byte: u8) -> DocumentId {
    DocumentId::from_random_bytes([byte; 16])
}

fn classified_profile(
    name: &str,
    categories: &[&str],
    tags: &[&str],
    industry: &str,
) -> PartnerProfile {
    let mut profile = validate_partner(&PartnerDraft {
        kind: "supplier".into(),
        legal_name: name.into(),
        ..PartnerDraft::default()
    })
    .unwrap();
    profile.categories = set(categories);
    profile.tags = set(tags);
    profile.industry_id = industry.into();
    profile
}

#[test]
fn merging_and_deleting_terms_rewrites_and_stores_the_partners() {
    block_on(async {
        let store = MemoryStore::new();
        let workspace = id(1);
        let mut registry = Registry::open(&store, ActorId::from([1; 16]), workspace)
            .await
            .unwrap();
        registry
            .update_settings(classified_settings(), 10)
            .await
            .unwrap();
        let partners = [
            (
                id(2),
                classified_profile("Acme", &["raw"], &["vip"], "metal"),
            ),
            (
                id(3),
                classified_profile("Beta", &["steel", "serv"], &["vip", "key"], ""),
            ),
            (
                id(4),
                classified_profile("Gamma", &["retail"], &["slow"], "food"),
            ),
        ];
        for (partner_id, profile) in &partners {
            registry
                .create_partner(*partner_id, profile.clone(), 20)
                .await
                .unwrap();
        }

        // Merge tag VIP into Key account: both VIPs now carry Key account, once.
        let changed = registry
            .merge_terms(TermList::Tags, "vip", Some("key"), 30)
            .await
            .unwrap();
        assert_eq!(changed, vec![id(2), id(3)]);
        assert!(!registry.settings().tags.contains_key("vip"));
        assert_eq!(
            registry.partner(&id(2)).unwrap().profile.tags,
            set(&["key"])
        );
        assert_eq!(
            registry.partner(&id(3)).unwrap().profile.tags,
            set(&["key"])
        );
        assert_eq!(registry.partner(&id(2)).unwrap().updated_at_ms, 30);
        assert_eq!(registry.partner(&id(4)).unwrap().updated_at_ms, 20);

        // Delete the category Raw materials, reassigning its partners to Suppliers; Steel moves
        // up under Suppliers.
        let changed = registry
            .merge_terms(TermList::Categories, "raw", Some("sup"), 40)
            .await
            .unwrap();
        assert_eq!(changed, vec![id(2)]);
        assert_eq!(
            registry.settings().category_path("steel"),
            ["Suppliers", "Steel"]
        );

        // Delete the industry Metalworking without a replacement.
        let changed = registry
            .merge_terms(TermList::Industries, "metal", None, 50)
            .await
            .unwrap();
        assert_eq!(changed, vec![id(2)]);
        assert_eq!(registry.partner(&id(2)).unwrap().profile.industry_id, "");

        // Delete the category Suppliers without replacement: its children move to the top.
        let changed = registry
            .merge_terms(TermList::Categories, "sup", None, 60)
            .await
            .unwrap();
        assert_eq!(changed, vec![id(2)]);
        assert_eq!(registry.settings().category_path("steel"), ["Steel"]);

        // Refused changes store nothing.
        let before = registry.settings().clone();
        assert_eq!(
            registry
                .merge_terms(TermList::Regions, "nope", None, 70)
                .await,
            Err(RegistryError::Refused(ChangeRefusal::UnknownTerm {
                list: TermList::Regions,
                id: "nope".into()
            }))
        );
        let refused = registry
            .move_category("steel", Some("steel"), 70)
            .await
            .unwrap_err();
        assert_eq!(
            refused,
            RegistryError::Refused(ChangeRefusal::CategoryUnderItself)
        );
        assert_eq!(
            refused.to_string(),
            "a category cannot be moved under itself or one of its subcategories"
        );
        assert_eq!(registry.settings(), &before);
        registry
            .rename_term(TermList::Tags, "key", "Key customer", 80)
            .await
            .unwrap();
        registry
            .move_category("serv", Some("steel"), 80)
            .await
            .unwrap();

        let profiles = |registry: &Registry<&MemoryStore>| -> Vec<PartnerProfile> {
            registry
                .partners()
                .map(|(_, partner)| partner.profile.clone())
                .collect()
        };
        let expected = profiles(&registry);
        assert_eq!(expected[0].categories, BTreeMap::new());
        assert_eq!(expected[1].categories, set(&["serv", "steel"]));
        let usage = term_usage(expected.iter(), TermList::Tags);
        assert_eq!(
            usage,
            BTreeMap::from([("key".into(), 2), ("slow".into(), 1)])
        );
        let settings = registry.settings().clone();
        drop(registry);

        // Everything was stored: a new session reads the same partners and settings.
        let reopened = Registry::open(&store, ActorId::from([2; 16]), workspace)
            .await
            .unwrap();
        assert_eq!(profiles(&reopened), expected);
        assert_eq!(reopened.settings(), &settings);
        assert_eq!(
            reopened.settings().term_name(TermList::Tags, "key"),
            Some("Key customer")
        );
        assert_eq!(
            reopened.settings().category_path("serv"),
            ["Steel", "Services"]
        );
    });
}

#[test]
fn the_list_filters_by_category_tag_classification_and_custom_values() {
    let settings = classified_settings();
    let partner = |name: &str, categories: &[&str], tags: &[&str], industry: &str| {
        let mut partner = Partner::new(classified_profile(name, categories, tags, industry), 1);
        partner.profile.region_id = "north".into();
        partner
    };
    let mut partners = [
        (id(1), partner("Acme", &["steel"], &["vip"], "metal")),
        (id(2), partner("Beta", &["serv"], &["key"], "")),
        (id(3), partner("Gamma", &["retail"], &[], "food")),
    ];
    partners[0]
        .1
        .profile
        .custom
        .insert("code".into(), "SUP-0042".into());
    partners[2]
        .1
        .profile
        .custom
        .insert("old".into(), "legacy ref 7".into());
    partners[2].1.profile.region_id = "south".into();
    let run = |filter: ListFilter| {
        filter_partners_with(
            partners.iter().map(|(id, partner)| (*id, partner)),
            &filter,
            &settings,
        )
    };
    let by = |change: fn(&mut ListFilter)| {
        let mut filter = ListFilter::default();
        change(&mut filter);
        run(filter)
    };

    assert_eq!(
        by(|f| f.category = Some("sup".into())),
        [id(1), id(2)],
        "a category includes its subcategories"
    );
    assert_eq!(by(|f| f.category = Some("raw".into())), [id(1)]);
    assert_eq!(by(|f| f.category = Some("retail".into())), [id(3)]);
    assert_eq!(by(|f| f.tag = Some("key".into())), [id(2)]);
    assert_eq!(by(|f| f.industry_id = Some("food".into())), [id(3)]);
    assert_eq!(by(|f| f.region_id = Some("north".into())), [id(1), id(2)]);
    assert_eq!(
        by(|f| f.custom = Some(("code".into(), "sup-00".into()))),
        [id(1)]
    );
    assert_eq!(
        by(|f| f.custom = Some(("code".into(), String::new()))),
        [id(1)],
        "an empty text: has any value"
    );
    assert!(by(|f| f.custom = Some(("code".into(), "9".into()))).is_empty());

    // Text search looks at custom values and at the names of categories (with their parents),
    // tags, industries and regions.
    let text = |query: &str| {
        run(ListFilter {
            text: query.into(),
            ..ListFilter::default()
        })
    };
    assert_eq!(text("legacy"), [id(3)], "an archived field's value too");
    assert_eq!(text("0042"), [id(1)]);
    assert_eq!(text("raw materials"), [id(1)]);
    assert_eq!(text("suppliers"), [id(1), id(2)]);
    assert_eq!(text("vip"), [id(1)]);
    assert_eq!(text("metalworking acme"), [id(1)]);
    assert_eq!(text("south"), [id(3)]);

    // Combined with the other filters; the settings-free function still works for old callers.
    assert_eq!(
        run(ListFilter {
            status: StatusFilter::Archived,
            category: Some("sup".into()),
            ..ListFilter::default()
        }),
        Vec::<DocumentId>::new()
    );
    let plain = filter_partners(
        partners.iter().map(|(id, partner)| (*id, partner)),
        &ListFilter {
            category: Some("sup".into()),
            ..ListFilter::default()
        },
    );
    assert!(
        plain.is_empty(),
        "without the settings a category matches only itself"
    );
}

#[test]
fn documents_written_before_custom_fields_still_open() {
    // A partner and a workspace as an older Partnero stored them: none of the new keys.
    let partner = Partner::new(classified_profile("Acme", &[], &[], ""), 1);
    let mut doc = AutoCommit::new().with_actor(ActorId::from([7; 16]));
    autosurgeon::reconcile(&mut doc, &partner).unwrap();
    let (_, profile) = doc.get(ROOT, "profile").unwrap().unwrap();
    for key in ["custom", "categories", "tags", "industry_id", "region_id"] {
        doc.delete(&profile, key).unwrap();
    }
    let read: Partner = autosurgeon::hydrate(&doc).unwrap();
    assert_eq!(read, partner);

    let workspace = Workspace::new();
    let mut doc = AutoCommit::new().with_actor(ActorId::from([7; 16]));
    autosurgeon::reconcile(&mut doc, &workspace).unwrap();
    let (_, settings) = doc.get(ROOT, "settings").unwrap().unwrap();
    for key in [
        "custom_fields",
        "categories",
        "industries",
        "regions",
        "tags",
        "payment_presets",
    ] {
        doc.delete(&settings, key).unwrap();
    }
    let read: Workspace = autosurgeon::hydrate(&doc).unwrap();
    assert_eq!(read, workspace);
}
