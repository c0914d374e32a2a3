//! Validation errors in English, Spanish and Esperanto (`locales/*/validate.ftl`, with the
//! country names of `countries.ftl` that errors naming a country nest): every error
//! the core produces (the partner form with its custom fields, classification and required
//! data, every format and tax id problem, invoices, payments and purchase orders, and the
//! import's rows) carries a Fluent key defined in all three languages; each language's message
//! uses only variables the error gives; the English message, formatted with the error's
//! arguments the way the interface does (`ui::i18n::field_error`), is exactly the error's English
//! `message`; and the `"validate-…"` keys of the source and the messages of the files match one
//! to one.
#![cfg(not(target_arch = "wasm32"))]

mod common;

/// The messages validation errors use: their own, and the country names they nest.
const FTL_FILES: [&str; 2] = ["validate.ftl", "countries.ftl"];

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use common::fluent::{check_samples, Sample, LANGUAGES};
use partnero::model::*;
use partnero::report::partner_import::{
    parse_csv, plan_partner_import, plan_partner_json_import, ContactPart, ImportMapping, Target,
};
use partnero::validate::formats::{
    check_bic, check_email, check_iban, check_phone, check_postal_code, check_url,
};
use partnero::validate::tax_id::{check_tax_id, supported_countries, TaxIdError};
use partnero::validate::{
    check_custom, validate_partner_with, AddressDraft, BankAccountDraft, ContactDraft, FieldError,
    PartnerDraft, Problem,
};

/// Messages no input can reach through the forms (the problem is caught earlier, or the
/// underlying crate never reports it); they are still checked for definitions and variables.
const UNREACHABLE: [&str; 7] = [
    // `check_amount` reports a blank amount as required, and only parses valid currencies.
    "validate-amount-empty",
    "validate-amount-currency",
    // The last separator is always the decimal one, so the decimals never hold another.
    "validate-amount-separators",
    // Every error `iban_validate` reports after the length check has its own message, and
    // `email_address` 0.2 defines but never returns its unbalanced-quotes error.
    "validate-iban-invalid",
    "validate-email-quotes",
    // A tax id shape description or impossible part without its own message (none today).
    "validate-tax-id-format",
    "validate-tax-id-invalid",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn variables(language: &str) -> BTreeMap<String, BTreeSet<String>> {
    common::fluent::variables(language, &FTL_FILES)
}

fn from_error(origin: &str, error: &FieldError) -> Sample {
    Sample {
        origin: format!("{origin} ({})", error.field),
        message: error.message.clone(),
        key: error.key,
        args: error.args.clone(),
    }
}

fn from_problem(origin: &str, problem: &Problem) -> Sample {
    Sample {
        origin: origin.to_owned(),
        message: problem.message.clone(),
        key: problem.key,
        args: problem.args.clone(),
    }
}

// ---------------------------------------------------------------------------------------------
// Errors from bad input.

fn custom_field(label: &str, field_type: CustomFieldType) -> CustomFieldDef {
    CustomFieldDef {
        label: label.into(),
        field_type,
        ..CustomFieldDef::default()
    }
}

/// A workspace that requires everything of clients, with custom fields of every type and one
/// term in each classification list.
fn demanding_settings() -> WorkspaceSettings {
    use CustomFieldType::*;
    let everything = RequiredData {
        tax_id: true,
        email: true,
        phone: true,
        address: true,
        contact: true,
        bank_account: true,
        documents: Vec::new(),
    };
    let fields = [
        ("code", custom_field("Supplier code", Number)),
        ("since", custom_field("Partner since", Date)),
        ("vat", custom_field("VAT registered", YesNo)),
        ("segment", custom_field("Segment", Choice)),
        (
            "tier",
            CustomFieldDef {
                choices: vec!["Gold".into(), "Silver".into()],
                ..custom_field("Tier", Choice)
            },
        ),
        ("billing", custom_field("Billing email", Email)),
        ("hotline", custom_field("Hotline", Phone)),
        ("iban", custom_field("Escrow IBAN", Iban)),
        ("portal", custom_field("Portal", Url)),
        (
            "ref",
            CustomFieldDef {
                required: true,
                ..custom_field("Reference", Text)
            },
        ),
    ];
    WorkspaceSettings {
        client: everything.clone(),
        supplier: everything,
        categories: BTreeMap::from([(
            "retail".into(),
            Category {
                name: "Retail".into(),
                parent: None,
                applies_to: AppliesTo::Both,
            },
        )]),
        tags: BTreeMap::from([("vip".into(), Term { name: "VIP".into() })]),
        industries: BTreeMap::from([(
            "food".into(),
            Term {
                name: "Food".into(),
            },
        )]),
        regions: BTreeMap::from([(
            "north".into(),
            Term {
                name: "North".into(),
            },
        )]),
        custom_fields: fields
            .into_iter()
            .map(|(id, def)| (id.to_owned(), def))
            .collect(),
        ..WorkspaceSettings::default()
    }
}

fn partner_errors() -> Vec<Sample> {
    let settings = demanding_settings();
    let mut drafts = vec![
        PartnerDraft {
            kind: "alien".into(),
            tax_country: "ESP".into(),
            custom: BTreeMap::from([("code".to_owned(), "twelve".to_owned())]),
            ..PartnerDraft::default()
        },
        PartnerDraft {
            kind: "client".into(),
            legal_name: "Acme".into(),
            tax_number: "B58378431".into(),
            ..PartnerDraft::default()
        },
        PartnerDraft {
            kind: "supplier".into(),
            legal_name: "Acme".into(),
            tax_country: "ES".into(),
            tax_number: "12345678A".into(),
            addresses: vec![
                AddressDraft {
                    kind: "home".into(),
                    street: "Gran Vía 1".into(),
                    ..AddressDraft::default()
                },
                AddressDraft {
                    city: "Madrid".into(),
                    country: "Spain".into(),
                    ..AddressDraft::new("a2".into())
                },
                AddressDraft {
                    city: "Madrid".into(),
                    country: "ES".into(),
                    postal_code: "99001".into(),
                    ..AddressDraft::new("a3".into())
                },
            ],
            contacts: vec![ContactDraft {
                role: "Buyer".into(),
                email: "ana@localhost".into(),
                phone: "+34 61234".into(),
                ..ContactDraft::default()
            }],
            emails: "ana.example.com\nok@example.com".into(),
            phones: "+49 12\n0612".into(),
            website: "ftp://example.com".into(),
            payment_days: "400".into(),
            payment_method: "barter".into(),
            bank_accounts: vec![
                BankAccountDraft {
                    bic: "DEUT".into(),
                    holder: "Acme".into(),
                    ..BankAccountDraft::default()
                },
                BankAccountDraft {
                    iban: "ES00 2100 0418 4502 0005 1332".into(),
                    ..BankAccountDraft::default()
                },
            ],
            custom: BTreeMap::from([
                ("code".to_owned(), "12a".to_owned()),
                ("since".to_owned(), "yesterday".to_owned()),
                ("vat".to_owned(), "perhaps".to_owned()),
                ("segment".to_owned(), "Gold".to_owned()),
                ("tier".to_owned(), "Bronze".to_owned()),
                ("billing".to_owned(), "billing@".to_owned()),
                ("hotline".to_owned(), "+34 1".to_owned()),
                ("iban".to_owned(), "XX00".to_owned()),
                ("portal".to_owned(), "localhost".to_owned()),
            ]),
            categories: vec!["wholesale".into()],
            tags: vec!["gold".into()],
            industry_id: "steel".into(),
            region_id: "south".into(),
            ..PartnerDraft::default()
        },
    ];
    // Each kind of partner missing everything the workspace requires.
    for kind in ["client", "supplier", "both"] {
        drafts.push(PartnerDraft {
            kind: kind.into(),
            legal_name: "Empty".into(),
            ..PartnerDraft::default()
        });
    }
    // A tax id problem of each kind the form reports.
    for (country, number) in [
        ("ES", "B1234567X"),
        ("DE", "136695977"),
        ("IT", "00000000000"),
    ] {
        drafts.push(PartnerDraft {
            kind: "client".into(),
            legal_name: "Tax".into(),
            tax_country: country.into(),
            tax_number: number.into(),
            ..PartnerDraft::default()
        });
    }
    let mut samples = Vec::new();
    for (index, draft) in drafts.iter().enumerate() {
        let errors = validate_partner_with(draft, &settings).expect_err("a bad draft");
        for error in &errors {
            samples.push(from_error(&format!("partner draft {index}"), error));
        }
    }
    samples
}

fn custom_errors() -> Vec<Sample> {
    use CustomFieldType::*;
    let mut samples = Vec::new();
    let required = CustomFieldDef {
        required: true,
        ..custom_field("Supplier code", Number)
    };
    let cases: [(&CustomFieldDef, &str); 2] = [(&required, " "), (&required, "x")];
    for (def, typed) in cases {
        let problem = check_custom(def, typed, "ES").expect_err(typed);
        samples.push(from_problem(&format!("custom {typed:?}"), &problem));
    }
    for (field_type, typed) in [
        (Email, "Ana <ana@example.com>"),
        (Phone, "call me"),
        (Iban, "ES00 2100 0418 4502 0005 1332"),
        (Url, "https://exa mple.com"),
    ] {
        let problem =
            check_custom(&custom_field("Billing contact", field_type), typed, "").expect_err(typed);
        samples.push(from_problem(&format!("custom {typed:?}"), &problem));
    }
    samples
}

/// An IBAN with its check digits computed (ISO 7064 MOD 97-10), from country and BBAN.
fn iban_with_check_digits(country: &str, bban: &str) -> String {
    let rearranged = format!("{bban}{country}00");
    let remainder = rearranged.chars().fold(0u32, |remainder, c| {
        let value = c.to_digit(36).unwrap();
        if value < 10 {
            (remainder * 10 + value) % 97
        } else {
            (remainder * 100 + value) % 97
        }
    });
    format!("{country}{:02}{bban}", 98 - remainder)
}

fn format_errors() -> Vec<Sample> {
    let mut samples = Vec::new();
    let mut add = |origin: String, result: Result<String, Problem>| {
        if let Err(problem) = result {
            samples.push(from_problem(&origin, &problem));
        }
    };
    let long_name = "a".repeat(65);
    let long_label = "a".repeat(64);
    // Five labels of 60 letters and .com: 308 characters, over the 254 a domain may have.
    let long_domain = format!("{}com", ["b".repeat(60), ".".into()].concat().repeat(5));
    for email in [
        "",
        "Ana <ana@example.com>",
        "ana maría@example.com",
        "ana@localhost",
        "ana@exa_mple.com",
        "ana.example.com",
        "@example.com",
        &format!("{long_name}@example.com"),
        "ana@",
        &format!("ana@{long_domain}"),
        "ana@example..com",
        &format!("ana@{long_label}.com"),
        "\"ana@example.com",
        "ana@[192.168.0.1]",
        "an(a@example.com",
        "ana@.example.com",
    ] {
        add(format!("email {email:?}"), check_email(email));
    }
    let long_url = format!("https://example.com/{}", "a".repeat(2100));
    for url in [
        "",
        "exa mple.com",
        "example.com/\u{7}",
        &long_url,
        "mailto:ana@example.com",
        "ftp://example.com",
        "https://user@example.com",
        "example.com:99999",
        "https:///about",
        "localhost",
        "example..com",
        &format!("{long_label}.com"),
        "exa_mple.com",
        "-example.com",
        "192.168.0.1",
    ] {
        add(format!("url {url:?}"), check_url(url));
    }
    for (phone, country) in [
        ("", "ES"),
        ("612 34a", "ES"),
        ("()", "ES"),
        ("+012345678", ""),
        ("+99912", ""),
        ("612345678", ""),
        ("612345678", "JP"),
        ("612345678", "AE"),
        ("612345678", "ZZ"),
        ("+1 123 456 7890", ""),
    ] {
        add(format!("phone {phone:?}"), check_phone(phone, country));
    }
    // Every numbering plan's length message (and with it its "a Spanish number").
    for code in [
        34, 351, 33, 49, 39, 44, 353, 31, 32, 352, 43, 41, 47, 46, 45, 358, 48, 420, 421, 36, 40,
        359, 30, 385, 386, 372, 371, 370, 357, 356, 1, 52, 54, 55, 56, 57,
    ] {
        let phone = format!("+{code} 2");
        add(format!("phone {phone:?}"), check_phone(&phone, ""));
    }
    // Every country named in a message, in the form the English sentences give it ("the
    // Netherlands (NL)"): a national number where no plan is known, a four-character IBAN.
    for (code, _) in partnero::validate::formats::countries() {
        add(format!("phone in {code}"), check_phone("612345678", code));
        add(format!("iban {code}00"), check_iban(&format!("{code}00")));
    }
    let bad_bban = iban_with_check_digits("ES", "21000418450200051A32");
    for iban in [
        "",
        "ES91-2100",
        "1234",
        "ESAB1234",
        "AQ12 3456",
        "ZZ12 3456",
        "NL12 3456",
        "ES91 2100",
        "ES00 2100 0418 4502 0005 1332",
        &bad_bban,
    ] {
        add(format!("iban {iban:?}"), check_iban(iban));
    }
    for bic in ["", "DEUT-DE", "DEUT", "1234DEFF", "DEUTQQFF"] {
        add(format!("bic {bic:?}"), check_bic(bic));
    }
    for (country, code) in [
        ("ES", ""),
        ("JP", "1234567890123"),
        ("ES", "123"),
        ("US", "1"),
        ("GB", "1"),
        ("ES", "99001"),
        ("NL", "0123 AB"),
        ("NL", "1234 SA"),
        ("BE", "0123"),
        ("CA", "D1A 0B1"),
        ("CA", "W1A 0B1"),
        ("GB", "SW1A 1AC"),
        ("IE", "A6B F4E2"),
        ("IE", "A65 B4E2"),
    ] {
        add(
            format!("postal code {country} {code:?}"),
            check_postal_code(country, code),
        );
    }
    // Every country with a postal code format, named in its message.
    for country in [
        "ES", "PT", "FR", "DE", "IT", "GB", "IE", "NL", "BE", "LU", "AT", "CH", "NO", "SE", "DK",
        "FI", "PL", "CZ", "SK", "HU", "RO", "BG", "GR", "HR", "SI", "EE", "LV", "LT", "CY", "MT",
        "US", "CA", "MX", "AR", "BR", "CL", "CO",
    ] {
        add(
            format!("postal code {country} \"!\""),
            check_postal_code(country, "!"),
        );
    }
    samples
}

/// The check-digit kinds the tax id rules name, read from their source.
fn check_kinds() -> BTreeSet<String> {
    const PARTS: [&str; 6] = [
        " check digit (the first digit)",
        " check digits",
        " check digit",
        " check letter",
        " control character",
        " key",
    ];
    let mut kinds = BTreeSet::new();
    for file in ["americas", "eu", "europe", "spain"] {
        let path = root().join(format!("src/validate/tax_id/{file}.rs"));
        let text = std::fs::read_to_string(path).unwrap();
        for literal in text.split('"').skip(1).step_by(2) {
            if PARTS.iter().any(|part| literal.ends_with(part)) && !literal.contains('{') {
                kinds.insert(literal.to_owned());
            }
        }
    }
    kinds
}

fn tax_id_errors() -> Vec<Sample> {
    let mut errors = vec![
        TaxIdError::Empty,
        TaxIdError::UnknownCountry(String::new()),
        TaxIdError::UnknownCountry("JP".into()),
    ];
    // The shape of every country's numbers, the Spanish ones each.
    for country in supported_countries() {
        errors.extend(check_tax_id(country, "1").err());
    }
    for number in ["X1", "K1", "B1", "I1"] {
        errors.extend(check_tax_id("ES", number).err());
    }
    // Every check digit the rules name, with and without the expected value.
    let kinds = check_kinds();
    assert!(kinds.len() > 40, "check kinds found: {kinds:?}");
    for kind in kinds {
        let kind: &'static str = Box::leak(kind.into_boxed_str());
        errors.push(TaxIdError::CheckDigit {
            kind,
            expected: None,
        });
        errors.push(TaxIdError::CheckDigit {
            kind,
            expected: Some("07".into()),
        });
    }
    errors.push(TaxIdError::CheckDigit {
        kind: "CIF control character",
        expected: Some("4 or D".into()),
    });
    // Every impossible part the rules report.
    for (kind, reason) in [
        ("US EIN", "the IRS does not assign the prefix 07"),
        (
            "Mexican RFC",
            "the SAT never issues an RFC starting with BUEI",
        ),
        ("Mexican RFC", "the date in it does not exist"),
        (
            "Mexican RFC",
            "the homoclave (last 3 characters) cannot exist",
        ),
        ("Argentine CUIT", "21 is not a CUIT type"),
        ("Brazilian CNPJ", "all its digits are the same"),
        ("Brazilian CPF", "all its digits are the same"),
        ("Cypriot VAT number", "no number starts with 12"),
        ("Czech VAT number", "no 8-digit number starts with 9"),
        (
            "Czech birth number",
            "9-digit numbers were only issued until 1953",
        ),
        (
            "Slovak birth number",
            "9-digit numbers were only issued until 1953",
        ),
        ("Czech birth number", "the birth date in it does not exist"),
        ("Slovak birth number", "the birth date in it does not exist"),
        (
            "Latvian personal code",
            "the birth date in it does not exist",
        ),
        (
            "Romanian personal code (CNP)",
            "the birth date in it does not exist",
        ),
        ("Romanian personal code (CNP)", "it cannot start with 0"),
        (
            "Italian VAT number",
            "the company number in it is all zeros",
        ),
        ("Italian VAT number", "007 is not an office code"),
        (
            "UK VAT number",
            "GD numbers go from 000 to 499 and HA numbers from 500 to 999",
        ),
    ] {
        errors.push(TaxIdError::Invalid {
            kind,
            reason: reason.into(),
        });
    }
    let samples: Vec<Sample> = errors
        .iter()
        .map(|error| from_problem(&format!("{error:?}"), &error.problem()))
        .collect();
    // Names with words to translate go through their own message; acronyms stay as they are.
    for sample in &samples {
        for (name, value) in &sample.args {
            let acronym = value.chars().all(|c| c.is_ascii_uppercase());
            assert!(
                *name != "name" || value.starts_with('@') || acronym,
                "{}: the name {value:?} has no message",
                sample.origin
            );
        }
    }
    samples
}

const NOW_MS: i64 = 1_780_000_000_000;

fn invoice(direction: InvoiceDirection, number: &str, amount: i64, currency: &str) -> Invoice {
    Invoice {
        direction,
        number: number.into(),
        issue_date: "2026-03-01".into(),
        due_date: "2026-03-31".into(),
        amount_minor: amount,
        currency: currency.into(),
        reference: String::new(),
        attachment: None,
        cancelled: false,
        created_at_ms: NOW_MS,
    }
}

fn finance_errors() -> Vec<Sample> {
    let mut samples = Vec::new();
    let terms = PaymentTerms {
        days: Some(30),
        method: PaymentMethod::BankTransfer,
    };
    let invoice_draft = |amount: &str, currency: &str| InvoiceDraft {
        direction: "issued".into(),
        number: "2026-001".into(),
        issue_date: "2026-03-10".into(),
        amount: amount.into(),
        currency: currency.into(),
        ..InvoiceDraft::default()
    };
    let mut drafts = vec![
        InvoiceDraft {
            direction: "sideways".into(),
            due_date: "soon".into(),
            ..InvoiceDraft::default()
        },
        InvoiceDraft {
            issue_date: "2026-02-30".into(),
            ..invoice_draft("10", "XYZ")
        },
        InvoiceDraft {
            due_date: "2026-03-01".into(),
            ..invoice_draft("0", "EUR")
        },
    ];
    for (amount, currency) in [
        ("-1", "EUR"),
        ("ten", "EUR"),
        ("1.", "EUR"),
        ("1.234", "EUR"),
        ("1.5", "JPY"),
        ("1,2,3.45", "EUR"),
        ("99999999999999999999", "EUR"),
    ] {
        drafts.push(invoice_draft(amount, currency));
    }
    for (index, draft) in drafts.iter().enumerate() {
        for error in validate_invoice(draft, &terms, NOW_MS).expect_err("a bad invoice") {
            samples.push(from_error(&format!("invoice {index}"), &error));
        }
    }

    let mut finance = PartnerFinance::new("partner-1");
    use InvoiceDirection::*;
    finance.invoices = BTreeMap::from([
        ("inv-a".into(), invoice(Issued, "A", 10_000, "EUR")),
        ("inv-b".into(), invoice(Issued, "B", 5_000, "EUR")),
        ("inv-u".into(), invoice(Issued, "U", 7_000, "USD")),
        ("bill".into(), invoice(Received, "S-1", 3_000, "EUR")),
        (
            "void".into(),
            Invoice {
                cancelled: true,
                ..invoice(Issued, "V", 1_000, "EUR")
            },
        ),
    ]);
    let payment = |amount: &str, allocations: &[(&str, &str)]| PaymentDraft {
        date: "2026-03-20".into(),
        amount: amount.into(),
        currency: "EUR".into(),
        method: "bank_transfer".into(),
        allocations: allocations
            .iter()
            .map(|(invoice_id, amount)| AllocationDraft {
                invoice_id: invoice_id.to_string(),
                amount: amount.to_string(),
            })
            .collect(),
        note: String::new(),
    };
    let payments = [
        PaymentDraft {
            date: String::new(),
            method: "barter".into(),
            ..payment(
                "500",
                &[
                    ("nope", "1"),
                    ("void", "1"),
                    ("inv-b", "1"),
                    ("inv-b", "1"),
                    ("bill", "1"),
                    ("inv-u", "1"),
                    ("inv-a", "170.00"),
                    ("inv-a", ""),
                ],
            )
        },
        payment("500", &[("inv-a", "0")]),
        payment("500", &[("inv-a", "1.234")]),
        payment("10.00", &[("inv-b", "20")]),
        PaymentDraft {
            date: "2026-13-01".into(),
            ..payment("", &[])
        },
    ];
    for (index, draft) in payments.iter().enumerate() {
        for error in validate_payment(draft, "pay-new", &finance, NOW_MS).expect_err("bad") {
            samples.push(from_error(&format!("payment {index}"), &error));
        }
    }

    let orders = [
        PurchaseOrderDraft {
            status: "lost".into(),
            ..PurchaseOrderDraft::default()
        },
        PurchaseOrderDraft {
            number: "PO-1".into(),
            date: "2026-03-01".into(),
            amount: "5".into(),
            currency: "ZZZ".into(),
            ..PurchaseOrderDraft::default()
        },
    ];
    for (index, draft) in orders.iter().enumerate() {
        for error in validate_purchase_order(draft, NOW_MS).expect_err("a bad order") {
            samples.push(from_error(&format!("purchase order {index}"), &error));
        }
    }
    samples
}

fn import_errors() -> Vec<Sample> {
    let csv = "Name,Kind,Email,Payment,Client,Supplier\n\
               Acme,alien,,,,\n\
               Beta,client,bad-email,,,\n\
               Gamma,client,,barter,,\n\
               Delta,,,,maybe,no\n\
               \"Eps\"x,client,,,,\n\
               Zeta,client\n\
               \"Eta,client,,,,\n";
    let table = parse_csv(csv).unwrap();
    let mapping = ImportMapping {
        columns: vec![
            Some(Target::LegalName),
            Some(Target::Kind),
            Some(Target::Contact(0, ContactPart::Email)),
            Some(Target::PaymentMethod),
            Some(Target::CustomerFlag),
            Some(Target::SupplierFlag),
        ],
        default_kind: PartnerKind::Client,
        default_country: "ES".into(),
    };
    let settings = WorkspaceSettings::default();
    let plan = plan_partner_import(&table, &mapping, &settings, std::iter::empty());
    let mut samples: Vec<Sample> = plan
        .errors()
        .into_iter()
        .map(|error| from_error("csv import", error))
        .collect();
    let json = r#"{"format": "partnero-partners", "version": 1, "partners": [42]}"#;
    let plan = plan_partner_json_import(json, &settings, std::iter::empty()).unwrap();
    samples.extend(
        plan.errors()
            .into_iter()
            .map(|error| from_error("json import", error)),
    );
    samples
}

fn all_samples() -> Vec<Sample> {
    let mut samples = partner_errors();
    samples.extend(custom_errors());
    samples.extend(format_errors());
    samples.extend(tax_id_errors());
    samples.extend(finance_errors());
    samples.extend(import_errors());
    samples
}

/// The `@key` arguments of a sample, without the `@`.
#[test]
fn every_error_renders_its_english_message_and_exists_in_every_language() {
    let samples = all_samples();
    assert!(samples.len() > 300, "only {} errors", samples.len());
    let (problems, covered) = check_samples(&samples, &FTL_FILES, |text| {
        text.contains("@validate") || text.contains("@country")
    });
    assert!(problems.is_empty(), "{problems:#?}");

    let english = variables("en");
    let uncovered: Vec<&String> = english
        .keys()
        .filter(|key| key.starts_with("validate-"))
        .filter(|key| !covered.contains(*key) && !UNREACHABLE.contains(&key.as_str()))
        .collect();
    assert!(
        uncovered.is_empty(),
        "messages no sample error renders: {uncovered:?}"
    );
}

/// Every `"validate-…"` literal in the files that make validation errors, but the partner
/// import's problems with a whole file (`validate-import-file-…`): those are in `import.ftl`,
/// checked by tests/import_messages.rs.
fn keys_in_source() -> BTreeMap<String, String> {
    fn walk(path: &Path, found: &mut BTreeMap<String, String>) {
        if path.is_dir() {
            for entry in std::fs::read_dir(path).unwrap() {
                walk(&entry.unwrap().path(), found);
            }
            return;
        }
        if path.extension().is_none_or(|extension| extension != "rs") {
            return;
        }
        let text = std::fs::read_to_string(path).unwrap();
        for literal in text.split("\"validate-").skip(1) {
            let rest: String = literal
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            if rest.starts_with("import-file-") {
                continue;
            }
            found
                .entry(format!("validate-{rest}"))
                .or_insert_with(|| path.display().to_string());
        }
    }
    let mut found = BTreeMap::new();
    for path in [
        "src/validate",
        "src/model/finance.rs",
        "src/report/partner_import.rs",
    ] {
        walk(&root().join(path), &mut found);
    }
    found
}

#[test]
fn the_source_keys_and_the_messages_of_every_language_match() {
    let used = keys_in_source();
    assert!(used.len() > 200, "only {} keys in the source", used.len());
    let english: BTreeSet<String> = variables("en").into_keys().collect();
    for language in LANGUAGES {
        let defined = variables(language);
        let undefined: Vec<String> = used
            .iter()
            .filter(|(key, _)| !defined.contains_key(*key))
            .map(|(key, file)| format!("{key} ({file})"))
            .collect();
        assert!(undefined.is_empty(), "{language} lacks {undefined:#?}");
        let keys: BTreeSet<String> = defined.into_keys().collect();
        assert_eq!(
            keys, english,
            "{language} defines other messages than English"
        );
    }
    // The country names are checked in tests/countries.rs.
    let unused: Vec<&String> = english
        .iter()
        .filter(|key| key.starts_with("validate-") && !used.contains_key(*key))
        .collect();
    assert!(
        unused.is_empty(),
        "messages no source file uses: {unused:?}"
    );
}
