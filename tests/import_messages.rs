//! The import errors in English, Spanish and Esperanto, in the manner of
//! tests/validate_messages.rs: every kind of problem the finance import
//! (`report::exchange`, `validate-exchange-…` in `locales/*/finance.ftl`) and the partner
//! import's file checks (`report::partner_import`, `validate-import-file-…` in
//! `locales/*/import.ftl`) report, produced from real bad files through the public functions,
//! carries a Fluent key defined in all three languages; each language's message uses only
//! variables the error gives; the English message, formatted with the error's arguments the way
//! the interface does (`ui::i18n::field_error`, nested `@` messages included), is exactly the
//! error's English `message`; Spanish and Esperanto format without errors. The keys the two
//! source files name and the messages of the two groups match one to one.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use common::fluent::{check_samples, Sample, LANGUAGES};
use partnero::model::*;
use partnero::report::exchange::{
    parse_import, plan_import, ExchangeFormat, ExchangeKind, ImportError, ImportPartner,
    ImportRecord, ImportRow,
};
use partnero::report::partner_import::{
    decode, parse_csv, plan_partner_json_import, FileError, MAX_FILE_BYTES, MAX_ROWS,
};

/// The files whose messages import errors use: their own groups, the form errors the finance
/// import passes on (`validate.ftl`, which nests country names) and the kinds of file
/// (`labels.ftl`).
const FILES: [&str; 5] = [
    "finance.ftl",
    "import.ftl",
    "validate.ftl",
    "countries.ftl",
    "labels.ftl",
];
/// The message groups this test owns, and the source files that use them.
const GROUPS: [(&str, &str); 2] = [
    ("validate-exchange-", "src/report/exchange.rs"),
    ("validate-import-file-", "src/report/partner_import.rs"),
];
const NOW_MS: i64 = 1_780_000_000_000;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn variables(language: &str) -> BTreeMap<String, BTreeSet<String>> {
    common::fluent::variables(language, &FILES)
}

fn from_import(origin: &str, error: &ImportError) -> Sample {
    Sample {
        origin: format!("{origin} (line {}, {:?})", error.line, error.field),
        message: error.message.clone(),
        key: error.key,
        args: error.args.clone(),
    }
}

fn from_file(origin: &str, error: &FileError) -> Sample {
    Sample {
        origin: origin.to_owned(),
        message: error.message.clone(),
        key: error.key,
        args: error.args.clone(),
    }
}

// ---------------------------------------------------------------------------------------------
// Finance import errors from bad files.

const INVOICE_HEADER: &str =
    "partner_id,partner_tax_id,invoice_id,direction,number,issue_date,due_date,amount,currency";
const PAYMENT_HEADER: &str = "partner_id,payment_id,date,amount,currency,method,allocations";
const ORDER_HEADER: &str = "partner_id,order_id,number,date,amount,currency,status";

fn csv(header: &str, lines: &[&str]) -> String {
    let mut text = format!("{header}\r\n");
    for line in lines {
        text.push_str(line);
        text.push_str("\r\n");
    }
    text
}

fn json_file(kind: &str, rows: &str) -> String {
    format!(
        "{{\"format\":\"partnero-finance\",\"version\":1,\"kind\":\"{kind}\",\"rows\":[{rows}]}}"
    )
}

fn partner(id: &str, name: &str, country: &str, number: &str) -> ImportPartner {
    ImportPartner {
        id: id.into(),
        name: name.into(),
        tax_country: country.into(),
        tax_number: number.into(),
        terms: PaymentTerms {
            days: Some(30),
            method: PaymentMethod::BankTransfer,
        },
    }
}

/// Two partners sharing a tax number (an ambiguous tax id) and one with invoices.
fn partners() -> Vec<ImportPartner> {
    vec![
        partner("partner-a", "Ölwerk Müller", "DE", "123456789"),
        partner("partner-c", "Tre Srl", "IT", "999"),
        partner("partner-d", "Quatro Lda", "PT", "999"),
    ]
}

fn invoice(direction: InvoiceDirection, number: &str, amount: i64, currency: &str) -> Invoice {
    Invoice {
        direction,
        number: number.into(),
        issue_date: "2026-03-10".into(),
        due_date: "2026-04-09".into(),
        amount_minor: amount,
        currency: currency.into(),
        reference: String::new(),
        attachment: None,
        cancelled: false,
        created_at_ms: NOW_MS,
    }
}

/// Partner A's invoices: two numbered alike (an ambiguous allocation), one in another
/// currency, one cancelled, one received.
fn finances() -> BTreeMap<String, PartnerFinance> {
    let mut a = PartnerFinance::new("partner-a");
    a.invoices.insert(
        "inv-1".into(),
        invoice(InvoiceDirection::Issued, "2026/001", 10_000, "EUR"),
    );
    a.invoices.insert(
        "inv-2".into(),
        invoice(InvoiceDirection::Issued, "TWIN", 5_000, "EUR"),
    );
    a.invoices.insert(
        "inv-3".into(),
        invoice(InvoiceDirection::Received, "TWIN", 5_000, "EUR"),
    );
    a.invoices.insert(
        "inv-4".into(),
        invoice(InvoiceDirection::Issued, "USD-1", 5_000, "USD"),
    );
    let mut cancelled = invoice(InvoiceDirection::Issued, "GONE", 5_000, "EUR");
    cancelled.cancelled = true;
    a.invoices.insert("inv-5".into(), cancelled);
    BTreeMap::from([("partner-a".to_owned(), a)])
}

/// Every error of planning `rows`; planning must fail.
fn plan_errors(rows: &[ImportRow]) -> Vec<ImportError> {
    let mut next = 0;
    let mut new_row_id = || {
        next += 1;
        format!("new-{next}")
    };
    match plan_import(rows, &partners(), &finances(), NOW_MS, &mut new_row_id) {
        Ok(plan) => panic!("planned {plan:?}"),
        Err(errors) => errors,
    }
}

/// Every error of importing `text`: reading it, else planning it. The import must fail.
fn import_errors(kind: ExchangeKind, format: ExchangeFormat, text: &str) -> Vec<ImportError> {
    match parse_import(kind, text, format) {
        Ok(rows) => plan_errors(&rows),
        Err(errors) => errors,
    }
}

fn finance_samples() -> Vec<Sample> {
    use ExchangeFormat::{Csv, Json};
    use ExchangeKind::{Invoices, Payments, PurchaseOrders};
    let invoice_row = |direction: &str, number: &str, issue: &str, due: &str, amount: &str| {
        format!("partner-a,,,{direction},{number},{issue},{due},{amount},EUR")
    };
    let files: Vec<(&str, ExchangeKind, ExchangeFormat, String)> = vec![
        // Reading CSV.
        (
            "quote never closed",
            Invoices,
            Csv,
            csv(INVOICE_HEADER, &["partner-a,,,issued,\"X,2026-06-01,,12,EUR"]),
        ),
        (
            "text after a closing quote",
            Invoices,
            Csv,
            csv(INVOICE_HEADER, &["partner-a,,,issued,\"X\"1,2026-06-01,,12,EUR"]),
        ),
        (
            "quote inside an unquoted field",
            Invoices,
            Csv,
            csv(INVOICE_HEADER, &["partner-a,,,issued,X\"1,2026-06-01,,12,EUR"]),
        ),
        ("empty file", Payments, Csv, "\u{feff}\r\n".to_owned()),
        (
            "columns twice, unknown, missing",
            Invoices,
            Csv,
            "number,number,colour,amount\r\nA,A,red,1\r\n".to_owned(),
        ),
        (
            "unknown column of payments",
            Payments,
            Csv,
            format!("{PAYMENT_HEADER},colour\r\n"),
        ),
        (
            "unknown column of purchase orders",
            PurchaseOrders,
            Csv,
            format!("{ORDER_HEADER},colour\r\n"),
        ),
        (
            "wrong number of fields",
            Invoices,
            Csv,
            csv(INVOICE_HEADER, &["partner-a,,,issued,X,2026-06-01,12,EUR"]),
        ),
        // Codes, flags, ids and allocations as written.
        (
            "bad codes and ids",
            Invoices,
            Csv,
            format!(
                "{INVOICE_HEADER},cancelled\r\n,,i 1/2,sideways,X,2026-06-01,,12,EUR,maybe\r\n"
            ),
        ),
        (
            "unknown method and bad allocation",
            Payments,
            Csv,
            csv(PAYMENT_HEADER, &["partner-a,,2026-06-01,12,EUR,paypal,inv-1=12"]),
        ),
        (
            "unknown status",
            PurchaseOrders,
            Csv,
            csv(ORDER_HEADER, &["partner-a,,P,2026-06-01,12,EUR,shipped"]),
        ),
        // Partners and rows.
        (
            "unknown and ambiguous partners",
            Invoices,
            Csv,
            csv(
                INVOICE_HEADER,
                &[
                    "partner-z,,,issued,X,2026-06-01,,12,EUR",
                    ",NL000,,issued,X,2026-06-01,,12,EUR",
                    ",999,,issued,X,2026-06-01,,12,EUR",
                ],
            ),
        ),
        (
            "one row twice",
            PurchaseOrders,
            Csv,
            csv(
                ORDER_HEADER,
                &[
                    "partner-a,o-1,P,2026-06-01,12,EUR,sent",
                    "partner-a,o-1,Q,2026-06-01,12,EUR,sent",
                    "partner-a,,R,2026-06-01,12,EUR,sent",
                    "partner-a,,R,2026-06-01,12,EUR,sent",
                ],
            ),
        ),
        (
            "unknown and ambiguous allocations",
            Payments,
            Csv,
            csv(
                PAYMENT_HEADER,
                &[
                    "partner-a,,2026-06-01,12,EUR,cash,nope:12",
                    "partner-a,,2026-06-01,12,EUR,cash,TWIN:12",
                ],
            ),
        ),
        // The forms' errors, without the label the column names.
        (
            "invoice form errors",
            Invoices,
            Csv,
            csv(
                INVOICE_HEADER,
                &[
                    &invoice_row("issued", "", "", "", ""),
                    &invoice_row("issued", "A", "2026-02-30", "2026-13-01", "0"),
                    &invoice_row("issued", "B", "2026-06-01", "2026-05-01", "12.345"),
                    &invoice_row("issued", "C", "2026-06-01", "", "twelve"),
                    &invoice_row("issued", "D", "2026-06-01", "", "-5"),
                    &invoice_row("issued", "E", "2026-06-01", "", "\"1,2,3\""),
                    &invoice_row("issued", "F", "2026-06-01", "", "\"1.2345,67\""),
                    &invoice_row("issued", "G", "2026-06-01", "", "99999999999999999999"),
                    &invoice_row("issued", "H", "2026-06-01", "", "\"12,\""),
                    "partner-a,,,issued,I,2026-06-01,,12,EUX",
                    "partner-a,,,issued,J,2026-06-01,,12,",
                ],
            ),
        ),
        (
            "payment form errors",
            Payments,
            Csv,
            csv(
                PAYMENT_HEADER,
                &[
                    "partner-a,,,,,,",
                    "partner-a,,2026-06-01,200,EUR,cash,inv-1:150",
                    "partner-a,,2026-06-01,10,EUR,cash,inv-1:20",
                    "partner-a,,2026-06-01,10,EUR,cash,inv-1:5;inv-1:5",
                    "partner-a,,2026-06-01,10,EUR,cash,inv-5:5",
                    "partner-a,,2026-06-01,10,EUR,cash,inv-4:5",
                    "partner-a,,2026-06-01,10,EUR,cash,inv-2:5;inv-3:5",
                    "partner-a,,2026-06-01,10,EUR,cash,inv-1:;inv-2:0;inv-1:1.234",
                ],
            ),
        ),
        (
            "purchase order form errors",
            PurchaseOrders,
            Csv,
            csv(ORDER_HEADER, &["partner-a,,,,,,"]),
        ),
        // Reading JSON.
        (
            "invalid JSON",
            Invoices,
            Json,
            "{\"format\":\"partnero-finance\",\n\"rows\":[".to_owned(),
        ),
        ("JSON array", Payments, Json, "[]".to_owned()),
        ("JSON number", Payments, Json, "42".to_owned()),
        ("JSON null", Payments, Json, "null".to_owned()),
        ("JSON flag", Payments, Json, "true".to_owned()),
        ("JSON string", Payments, Json, "\"rows\"".to_owned()),
        ("empty JSON object", Invoices, Json, "{}".to_owned()),
        (
            "wrong format, version, kind and rows",
            Invoices,
            Json,
            "{\"format\":\"other\",\"version\":2,\"kind\":\"payments\",\"rows\":{}}".to_owned(),
        ),
        (
            "kind of purchase orders, rows a string",
            PurchaseOrders,
            Json,
            "{\"format\":\"partnero-finance\",\"version\":\"1\",\"kind\":\"invoices\",\"rows\":\"x\"}"
                .to_owned(),
        ),
        (
            "rows of every wrong type",
            Invoices,
            Json,
            json_file("invoices", "1, null, true, \"row\", []"),
        ),
        (
            "JSON keys and values",
            PurchaseOrders,
            Json,
            json_file(
                "purchase_orders",
                r#"{"number":"P","amount":12.5,"currency":"EUR","colour":"red"},
                   {"partner_id":"partner-a","number":true,"date":null,"amount":["1"],"currency":{}}"#,
            ),
        ),
        (
            "JSON allocation of the wrong shape",
            Payments,
            Json,
            json_file(
                "payments",
                r#"{"partner_id":"partner-a","date":"2026-06-01","amount":"5","currency":"EUR","allocations":[{"invoice":"inv-1","amount":5}]}"#,
            ),
        ),
    ];
    let mut samples = Vec::new();
    for (name, kind, format, text) in files {
        for error in import_errors(kind, format, &text) {
            samples.push(from_import(name, &error));
        }
    }
    // Codes no file reaches (reading refuses them first), from rows built by another program.
    let row = |record: ImportRecord| ImportRow {
        line: 7,
        partner_id: "partner-a".into(),
        partner_tax_id: String::new(),
        row_id: String::new(),
        record,
    };
    let rows = [
        row(ImportRecord::Invoice(InvoiceDraft {
            direction: "sideways".into(),
            number: "X".into(),
            issue_date: "2026-06-01".into(),
            amount: "1".into(),
            currency: "EUR".into(),
            ..InvoiceDraft::default()
        })),
        row(ImportRecord::Payment(PaymentDraft {
            date: "2026-06-01".into(),
            amount: "1".into(),
            currency: "EUR".into(),
            method: "barter".into(),
            ..PaymentDraft::default()
        })),
        row(ImportRecord::PurchaseOrder(PurchaseOrderDraft {
            number: "P".into(),
            date: "2026-06-01".into(),
            amount: "1".into(),
            currency: "EUR".into(),
            status: "lost".into(),
            ..PurchaseOrderDraft::default()
        })),
    ];
    for error in plan_errors(&rows) {
        samples.push(from_import("rows of another program", &error));
    }
    samples
}

// ---------------------------------------------------------------------------------------------
// Partner import errors about the whole file.

fn file_samples() -> Vec<Sample> {
    let settings = WorkspaceSettings::default();
    let json = |text: &str| {
        plan_partner_json_import(text, &settings, std::iter::empty())
            .map(|_| ())
            .expect_err(text)
    };
    let huge = "a".repeat(MAX_FILE_BYTES + 1);
    let many_rows = format!(
        "Name,Email\n{}",
        "Acme,a@example.com\n".repeat(MAX_ROWS + 1)
    );
    let many_partners = format!(
        "{{\"format\":\"partnero-partners\",\"version\":1,\"partners\":[{}{{}}]}}",
        "{},".repeat(MAX_ROWS)
    );
    vec![
        from_file("bytes too big", &decode(huge.as_bytes()).unwrap_err()),
        from_file("CSV too big", &parse_csv(&huge).unwrap_err()),
        from_file("JSON too big", &json(&huge)),
        from_file("empty CSV", &parse_csv("\u{feff}\r\n\r\n").unwrap_err()),
        from_file("too many rows", &parse_csv(&many_rows).unwrap_err()),
        from_file("not JSON", &json("{\"format\": ")),
        from_file(
            "another format",
            &json(r#"{"format": "partnero-finance", "version": 1, "partners": []}"#),
        ),
        from_file(
            "a newer version",
            &json(r#"{"format": "partnero-partners", "version": 2, "partners": []}"#),
        ),
        from_file("too many partners", &json(&many_partners)),
    ]
}

/// The `@key` arguments of a sample, without the `@`.
fn owned(key: &str) -> bool {
    GROUPS.iter().any(|(prefix, _)| key.starts_with(prefix))
}

#[test]
fn every_import_error_renders_its_english_message_and_exists_in_every_language() {
    let finance = finance_samples();
    let files = file_samples();
    assert!(finance.len() > 60, "only {} finance errors", finance.len());
    assert_eq!(files.len(), 9);
    let (problems, covered) = check_samples(finance.iter().chain(&files), &FILES, |text| {
        text.contains('@')
    });
    assert!(problems.is_empty(), "{problems:#?}");

    // Every message of the two groups is what some real error says.
    let english = variables("en");
    let uncovered: Vec<&String> = (english.keys())
        .filter(|key| owned(key) && !covered.contains(*key))
        .collect();
    assert!(
        uncovered.is_empty(),
        "messages no sample error renders: {uncovered:?}"
    );
    // Form errors pass on with the forms' messages, and kinds of file with their names.
    assert!(covered
        .iter()
        .any(|key| key.starts_with("validate-amount-")));
    assert!(covered
        .iter()
        .any(|key| key.starts_with("label-exchange-kind-")));
}

/// Every `"validate-…"` literal of a source file.
fn keys_in(file: &str) -> BTreeSet<String> {
    let text = std::fs::read_to_string(root().join(file)).unwrap();
    text.split("\"validate-")
        .skip(1)
        .map(|literal| {
            let rest: String = literal
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            format!("validate-{rest}")
        })
        .collect()
}

#[test]
fn the_source_keys_and_the_messages_of_every_language_match() {
    let english: BTreeSet<String> = variables("en").into_keys().collect();
    for language in LANGUAGES {
        let defined = variables(language);
        for (prefix, file) in GROUPS {
            let used = keys_in(file);
            assert!(
                used.iter().filter(|key| key.starts_with(prefix)).count() >= 8,
                "{file} uses few {prefix}… keys: {used:?}"
            );
            let undefined: Vec<&String> = (used.iter())
                .filter(|key| !defined.contains_key(*key))
                .collect();
            assert!(
                undefined.is_empty(),
                "{language} lacks {undefined:?} ({file})"
            );
            let unused: Vec<&String> = (defined.keys())
                .filter(|key| key.starts_with(prefix) && !used.contains(*key))
                .collect();
            assert!(unused.is_empty(), "{language}: no source uses {unused:?}");
        }
        let keys: BTreeSet<String> = defined.into_keys().collect();
        assert_eq!(
            keys, english,
            "{language} defines other messages than English"
        );
    }
}
