//! Native tests of the partner export (`report::partner_export`): CSV and JSON exports imported
//! back through `report::partner_import` give the same profiles (and, into the registry they
//! came from, duplicates of their originals by id); vCards escape text, fold long lines at 75
//! octets without cutting a character, and end lines with CRLF.

use std::collections::BTreeMap;

use partnero::model::*;
use partnero::report::partner_export::{
    contacts_vcard, escape, export_file_name, partners_csv, partners_json, JSON_FORMAT,
};
use partnero::report::partner_import::{
    decode, parse_csv, plan_partner_import, plan_partner_json_import, DuplicateOf, ImportMapping,
    PartnerImportPlan, RowOutcome,
};
use partnero::validate::{
    validate_partner_with, AddressDraft, BankAccountDraft, ContactDraft, PartnerDraft,
};

const NOW_MS: i64 = 1_780_000_000_000;

fn settings() -> WorkspaceSettings {
    let mut settings = WorkspaceSettings::default();
    settings.custom_fields.insert(
        "supplier-code".into(),
        CustomFieldDef {
            label: "Supplier code".into(),
            ..CustomFieldDef::default()
        },
    );
    settings.custom_fields.insert(
        "approved".into(),
        CustomFieldDef {
            label: "Approved".into(),
            field_type: CustomFieldType::YesNo,
            ..CustomFieldDef::default()
        },
    );
    settings.categories.insert(
        "cat-wholesale".into(),
        Category {
            name: "Wholesale".into(),
            ..Category::default()
        },
    );
    settings
        .tags
        .insert("tag-vip".into(), Term { name: "VIP".into() });
    settings.tags.insert(
        "tag-slow".into(),
        Term {
            name: "Slow payer".into(),
        },
    );
    settings.industries.insert(
        "ind-food".into(),
        Term {
            name: "Food".into(),
        },
    );
    settings.regions.insert(
        "reg-south".into(),
        Term {
            name: "South".into(),
        },
    );
    settings
}

/// Row ids as the importer gives them (`a1`, `c1`, `b1`, …), so profiles compare equal.
fn registry(settings: &WorkspaceSettings) -> Vec<(String, Partner)> {
    let full = PartnerDraft {
        kind: "both".into(),
        legal_name: "Construcciones García, S.L.".into(),
        trade_name: "García \"Obras\"".into(),
        tax_country: "ES".into(),
        tax_number: "B12345674".into(),
        addresses: vec![
            AddressDraft {
                id: "a1".into(),
                kind: "billing".into(),
                street: "Calle Mayor, 5; 2º B".into(),
                city: "Madrid".into(),
                postal_code: "28013".into(),
                region: "Madrid".into(),
                country: "ES".into(),
            },
            AddressDraft {
                id: "a2".into(),
                kind: "shipping".into(),
                street: "Polígono Sur, nave 3".into(),
                city: "Getafe".into(),
                postal_code: "28906".into(),
                region: String::new(),
                country: "ES".into(),
            },
        ],
        contacts: vec![
            ContactDraft {
                id: "c1".into(),
                name: "Ana María García".into(),
                role: "Compras, almacén".into(),
                email: "ana@garcia.es".into(),
                phone: "+34 600 111 222".into(),
            },
            ContactDraft {
                id: "c2".into(),
                name: "Luis".into(),
                role: String::new(),
                email: String::new(),
                phone: "+34 600 333 444".into(),
            },
        ],
        emails: "info@garcia.es\nfacturas@garcia.es".into(),
        phones: "+34 915 551 234".into(),
        website: "garcia.es".into(),
        payment_days: "30".into(),
        payment_method: "bank_transfer".into(),
        bank_accounts: vec![BankAccountDraft {
            id: "b1".into(),
            iban: "ES91 2100 0418 4502 0005 1332".into(),
            bic: "CAIXESBBXXX".into(),
            holder: "Construcciones García S.L.".into(),
        }],
        industry: "Construcción".into(),
        region: "Centro".into(),
        notes: "Line one, with a comma\nLine \"two\"; with a semicolon".into(),
        custom: BTreeMap::from([
            ("supplier-code".into(), "GAR-01".into()),
            ("approved".into(), "yes".into()),
        ]),
        categories: vec!["cat-wholesale".into()],
        tags: vec!["tag-vip".into(), "tag-slow".into()],
        industry_id: "ind-food".into(),
        region_id: "reg-south".into(),
    };
    let plain = PartnerDraft {
        kind: "supplier".into(),
        legal_name: "Ölwerk Müller GmbH".into(),
        tax_country: "DE".into(),
        tax_number: "DE136695976".into(),
        payment_method: String::new(),
        ..PartnerDraft::default()
    };
    let bare = PartnerDraft {
        kind: "client".into(),
        legal_name: "Jordi Puig".into(),
        ..PartnerDraft::default()
    };
    [
        ("partner-1", full),
        ("partner-2", plain),
        ("partner-3", bare),
    ]
    .into_iter()
    .map(|(id, draft)| {
        let profile = validate_partner_with(&draft, settings)
            .unwrap_or_else(|errors| panic!("{id}: {errors:#?}"));
        (id.to_owned(), Partner::new(profile, NOW_MS))
    })
    .collect()
}

fn ready_profiles(plan: &PartnerImportPlan) -> Vec<PartnerProfile> {
    plan.rows
        .iter()
        .map(|row| match &row.outcome {
            RowOutcome::Ready(profile) => profile.clone(),
            other => panic!("line {}: {other:#?}", row.line),
        })
        .collect()
}

#[test]
fn csv_export_imports_back_to_the_same_profiles() {
    let settings = settings();
    let partners = registry(&settings);
    let csv = partners_csv(
        partners.iter().map(|(id, partner)| (id.as_str(), partner)),
        &settings,
    );
    assert!(csv.starts_with("id,kind,legal_name,trade_name,tax_country,tax_number,emails,"));
    assert!(csv.contains("address2.city") && !csv.contains("address3."));
    assert!(csv.contains("custom.approved,custom.supplier-code"));
    let table = parse_csv(&decode(csv.as_bytes()).unwrap().text).unwrap();
    let mapping = ImportMapping::suggest(&table, &settings);
    assert!(
        mapping.columns.iter().all(Option::is_some),
        "every exported column maps itself: {:?}",
        table
            .headers
            .iter()
            .zip(&mapping.columns)
            .filter(|(_, target)| target.is_none())
            .collect::<Vec<_>>()
    );
    let plan = plan_partner_import(&table, &mapping, &settings, std::iter::empty());
    let imported = ready_profiles(&plan);
    let originals: Vec<PartnerProfile> = partners
        .iter()
        .map(|(_, partner)| partner.profile.clone())
        .collect();
    assert_eq!(imported, originals);

    // Into the registry it came from, every row is a duplicate of its original, by id.
    let plan = plan_partner_import(
        &table,
        &mapping,
        &settings,
        partners.iter().map(|(id, partner)| (id.as_str(), partner)),
    );
    assert_eq!(plan.counts.duplicates, 3);
    for (row, (id, _)) in plan.rows.iter().zip(&partners) {
        assert!(matches!(
            &row.outcome,
            RowOutcome::Duplicate { of: DuplicateOf::Existing { id: of, .. }, .. } if of == id
        ));
    }
}

#[test]
fn csv_export_of_a_selection_keeps_its_order() {
    let settings = settings();
    let partners = registry(&settings);
    let csv = partners_csv(
        [&partners[2], &partners[0]]
            .into_iter()
            .map(|(id, partner)| (id.as_str(), partner)),
        &settings,
    );
    let table = parse_csv(&csv).unwrap();
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.rows[0].fields[0], "partner-3");
    assert_eq!(table.rows[1].fields[0], "partner-1");
    assert_eq!(
        export_file_name("partners", "2026-11-28", "csv"),
        "partnero-partners-2026-11-28.csv"
    );
}

#[test]
fn json_export_imports_back_to_the_same_profiles() {
    let settings = settings();
    let partners = registry(&settings);
    let json = partners_json(partners.iter().map(|(id, partner)| (id.as_str(), partner)));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["format"], JSON_FORMAT);
    assert_eq!(value["version"], 1);
    assert_eq!(value["partners"][0]["tax_id"]["number"], "B12345674");
    assert_eq!(value["partners"][0]["payment_days"], 30);
    assert_eq!(
        value["partners"][1]["payment_days"],
        serde_json::Value::Null
    );
    assert_eq!(value["partners"][0]["status"], "active");
    let plan = plan_partner_json_import(&json, &settings, std::iter::empty()).unwrap();
    let imported = ready_profiles(&plan);
    let originals: Vec<PartnerProfile> = partners
        .iter()
        .map(|(_, partner)| partner.profile.clone())
        .collect();
    assert_eq!(imported, originals);
}

#[test]
fn json_import_reports_bad_partners_by_position_and_key() {
    let settings = settings();
    let text = r#"{"format":"partnero-partners","version":1,"partners":[
        {"kind":"client","legal_name":"Good S.L."},
        {"kind":"client","legal_name":"Bad email S.L.","emails":["ok@x.es","nope"]},
        "not an object"
    ]}"#;
    let plan = plan_partner_json_import(text, &settings, std::iter::empty()).unwrap();
    assert_eq!(plan.counts.ready, 1);
    assert_eq!(plan.counts.invalid, 2);
    let errors = plan.errors();
    assert_eq!(errors[0].field, "emails[1]");
    assert!(
        errors[0]
            .message
            .starts_with("Partner 2, column \"emails[1]\": Email 2 (nope)"),
        "{}",
        errors[0].message
    );
    assert!(errors[1]
        .message
        .starts_with("Partner 3: not a partner object"));
    let wrong = plan_partner_json_import(
        r#"{"format":"partnero-finance","version":1,"partners":[]}"#,
        &settings,
        std::iter::empty(),
    )
    .unwrap_err();
    assert!(wrong.message.contains("partnero-partners"), "{wrong}");
}

#[test]
fn vcards_escape_fold_and_end_lines_with_crlf() {
    let settings = settings();
    let partners = registry(&settings);
    let vcf = contacts_vcard(partners.iter().map(|(id, partner)| (id.as_str(), partner)));
    assert_eq!(
        vcf.matches("BEGIN:VCARD\r\n").count(),
        2,
        "one card per contact"
    );
    assert_eq!(vcf.matches("END:VCARD\r\n").count(), 2);
    assert!(
        !vcf.replace("\r\n", "").contains('\n'),
        "only CRLF line ends"
    );
    for line in vcf.split("\r\n") {
        assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
    }
    // Unfolding (a CRLF followed by a space) gives back the content lines.
    let unfolded = vcf.replace("\r\n ", "");
    assert!(unfolded.contains("\r\nORG:Construcciones García\\, S.L.\r\n"));
    assert!(unfolded.contains("\r\nTITLE:Compras\\, almacén\r\n"));
    assert!(unfolded.contains("\r\nFN:Ana María García\r\n"));
    assert!(unfolded.contains("\r\nN:María García;Ana;;;\r\n"));
    assert!(unfolded.contains("\r\nEMAIL;TYPE=INTERNET:ana@garcia.es\r\n"));
    assert!(unfolded.contains("\r\nTEL;TYPE=WORK,VOICE:+34600111222\r\n"));
    assert!(unfolded.contains("\r\nUID:urn:partnero:partner-1:c1\r\n"));

    assert_eq!(escape("a\\b,c;d\r\ne\nf"), "a\\\\b\\,c\\;d\\ne\\nf");

    // A long name of two-byte letters folds between characters, never inside one.
    let mut long = partners[0].1.clone();
    long.profile.legal_name = "Ñ".repeat(100);
    let vcf = contacts_vcard([("p", &long)]);
    let org: Vec<&str> = vcf
        .split("\r\n")
        .skip_while(|line| !line.starts_with("ORG:"))
        .take_while(|line| line.starts_with("ORG:") || line.starts_with(' '))
        .collect();
    assert!(org.len() >= 3, "{org:?}");
    assert!(org.iter().all(|line| line.len() <= 75));
    assert_eq!(
        org.concat().replacen("ORG:", "", 1).replace(' ', ""),
        "Ñ".repeat(100)
    );
}
