//! Native tests of the finance exchange format (`report::exchange`, documented in
//! `docs/finance-exchange.md`): export → import → apply gives back the same finance for every
//! kind in CSV and JSON, re-importing changes nothing, and every kind of bad input is refused
//! as a whole with the line and the field named.

use std::collections::BTreeMap;

use partnero::model::*;
use partnero::report::exchange::{
    apply_plan, export_csv, export_json, file_name, import_summary, parse_import, plan_import,
    tax_id_text, ExchangeFormat, ExchangeKind, ImportCounts, ImportError, ImportPartner,
    ImportPlan,
};

const NOW_MS: i64 = 1_780_000_000_000;
const FORMATS: [ExchangeFormat; 2] = [ExchangeFormat::Csv, ExchangeFormat::Json];

fn terms(days: Option<u32>) -> PaymentTerms {
    PaymentTerms {
        days,
        method: PaymentMethod::BankTransfer,
    }
}

fn partner(id: &str, name: &str, country: &str, number: &str) -> ImportPartner {
    ImportPartner {
        id: id.into(),
        name: name.into(),
        tax_country: country.into(),
        tax_number: number.into(),
        terms: terms(Some(30)),
    }
}

/// Two partners with finance, and two sharing the number 999 in different countries.
fn partners() -> Vec<ImportPartner> {
    vec![
        partner("partner-a", "Ölwerk Müller, \"Süd\"", "DE", "123456789"),
        partner("partner-b", "Café Ñandú", "FR", "FR12345678901"),
        partner("partner-c", "Tre Srl", "IT", "999"),
        partner("partner-d", "Quatro Lda", "PT", "999"),
    ]
}

fn invoice(
    direction: InvoiceDirection,
    number: &str,
    dates: (&str, &str),
    amount_minor: i64,
    currency: &str,
    reference: &str,
    cancelled: bool,
) -> Invoice {
    Invoice {
        direction,
        number: number.into(),
        issue_date: dates.0.into(),
        due_date: dates.1.into(),
        amount_minor,
        currency: currency.into(),
        reference: reference.into(),
        attachment: None,
        cancelled,
        created_at_ms: NOW_MS,
    }
}

fn payment(
    date: &str,
    amount_minor: i64,
    currency: &str,
    method: PaymentMethod,
    allocations: &[(&str, i64)],
    note: &str,
) -> Payment {
    Payment {
        date: date.into(),
        amount_minor,
        currency: currency.into(),
        method,
        allocations: allocations
            .iter()
            .map(|(id, minor)| ((*id).to_owned(), *minor))
            .collect(),
        note: note.into(),
        created_at_ms: NOW_MS,
    }
}

fn order(
    number: &str,
    date: &str,
    amount_minor: i64,
    currency: &str,
    status: PurchaseOrderStatus,
    reference: &str,
) -> PurchaseOrder {
    PurchaseOrder {
        number: number.into(),
        date: date.into(),
        amount_minor,
        currency: currency.into(),
        status,
        reference: reference.into(),
        created_at_ms: NOW_MS,
    }
}

/// The stored finances: accents, commas, quotes and line breaks in every text field, currencies
/// with 0, 2 and 3 decimals, a cancelled invoice, allocations and a payment on account.
fn finances() -> BTreeMap<String, PartnerFinance> {
    let mut a = PartnerFinance::new("partner-a");
    a.invoices.insert(
        "inv-1".into(),
        invoice(
            InvoiceDirection::Issued,
            "2026/001",
            ("2026-03-10", "2026-04-09"),
            123_456,
            "EUR",
            "Auftrag 7, \"eilig\"\nzweite Zeile",
            false,
        ),
    );
    a.invoices.insert(
        "inv-2".into(),
        invoice(
            InvoiceDirection::Issued,
            "2026/002",
            ("2026-03-12", "2026-03-12"),
            20_000,
            "EUR",
            "",
            false,
        ),
    );
    a.invoices.insert(
        "inv-3".into(),
        invoice(
            InvoiceDirection::Received,
            "R-88",
            ("2026-02-01", "2026-03-03"),
            5_000,
            "JPY",
            "Ölpreis; März",
            true,
        ),
    );
    a.payments.insert(
        "pay-1".into(),
        payment(
            "2026-03-20",
            60_000,
            "EUR",
            PaymentMethod::BankTransfer,
            &[("inv-1", 40_000), ("inv-2", 20_000)],
            "Teilzahlung, \"Anzahlung\"\nRest folgt",
        ),
    );
    a.payments.insert(
        "pay-2".into(),
        payment(
            "2026-03-21",
            1_500,
            "JPY",
            PaymentMethod::Unspecified,
            &[],
            "",
        ),
    );
    a.purchase_orders.insert(
        "po-1".into(),
        order(
            "PO-1",
            "2026-01-15",
            1_250,
            "KWD",
            PurchaseOrderStatus::Sent,
            "Ref, with comma",
        ),
    );
    let mut b = PartnerFinance::new("partner-b");
    b.invoices.insert(
        "inv-9".into(),
        invoice(
            InvoiceDirection::Issued,
            "F-9",
            ("2026-05-01", "2026-05-31"),
            99,
            "USD",
            "crème brûlée",
            false,
        ),
    );
    b.purchase_orders.insert(
        "po-2".into(),
        order(
            "BC-2",
            "2026-05-02",
            1_000_000,
            "EUR",
            PurchaseOrderStatus::Draft,
            "",
        ),
    );
    BTreeMap::from([("partner-a".to_owned(), a), ("partner-b".to_owned(), b)])
}

fn export(
    kind: ExchangeKind,
    format: ExchangeFormat,
    finances: &BTreeMap<String, PartnerFinance>,
) -> String {
    let partners = partners();
    let rows: Vec<(String, String, String, &PartnerFinance)> = finances
        .iter()
        .map(|(id, finance)| {
            let partner = partners.iter().find(|p| &p.id == id).unwrap();
            (
                id.clone(),
                tax_id_text(&partner.tax_country, &partner.tax_number),
                partner.name.clone(),
                finance,
            )
        })
        .collect();
    let rows = rows
        .iter()
        .map(|(id, tax, name, finance)| (id.as_str(), tax.as_str(), name.as_str(), *finance));
    match format {
        ExchangeFormat::Csv => export_csv(kind, rows),
        ExchangeFormat::Json => export_json(kind, rows),
    }
}

/// Parses and plans `text`; new row ids are `new-1`, `new-2`, …
fn import(
    kind: ExchangeKind,
    format: ExchangeFormat,
    text: &str,
    finances: &BTreeMap<String, PartnerFinance>,
) -> Result<ImportPlan, Vec<ImportError>> {
    let rows = parse_import(kind, text, format)?;
    let mut next = 0;
    let mut new_row_id = || {
        next += 1;
        format!("new-{next}")
    };
    plan_import(&rows, &partners(), finances, NOW_MS, &mut new_row_id)
}

fn applied(
    finances: &BTreeMap<String, PartnerFinance>,
    plan: &ImportPlan,
) -> BTreeMap<String, PartnerFinance> {
    let mut result = finances.clone();
    for (partner, changes) in &plan.per_partner {
        let finance = result
            .entry(partner.clone())
            .or_insert_with(|| PartnerFinance::new(partner.clone()));
        apply_plan(finance, changes);
    }
    result
}

/// `finances` without the rows of `kind` (and without partners left with nothing).
fn without(
    finances: &BTreeMap<String, PartnerFinance>,
    kind: ExchangeKind,
) -> BTreeMap<String, PartnerFinance> {
    finances
        .iter()
        .map(|(id, finance)| {
            let mut finance = finance.clone();
            match kind {
                ExchangeKind::Invoices => finance.invoices.clear(),
                ExchangeKind::Payments => finance.payments.clear(),
                ExchangeKind::PurchaseOrders => finance.purchase_orders.clear(),
            }
            (id.clone(), finance)
        })
        .filter(|(_, finance)| {
            !(finance.invoices.is_empty()
                && finance.payments.is_empty()
                && finance.purchase_orders.is_empty())
        })
        .collect()
}

fn row_count(finances: &BTreeMap<String, PartnerFinance>, kind: ExchangeKind) -> usize {
    finances
        .values()
        .map(|finance| match kind {
            ExchangeKind::Invoices => finance.invoices.len(),
            ExchangeKind::Payments => finance.payments.len(),
            ExchangeKind::PurchaseOrders => finance.purchase_orders.len(),
        })
        .sum()
}

#[test]
fn export_then_import_reproduces_the_same_finance_for_every_kind_and_format() {
    let original = finances();
    for kind in ExchangeKind::ALL {
        for format in FORMATS {
            let text = export(kind, format, &original);
            let base = without(&original, kind);
            let plan = import(kind, format, &text, &base)
                .unwrap_or_else(|errors| panic!("{kind:?} {format:?}: {errors:?}\n{text}"));
            assert_eq!(
                applied(&base, &plan),
                original,
                "{kind:?} {format:?} did not round trip:\n{text}"
            );
            let rows = row_count(&original, kind);
            assert_eq!(plan.counts.created, rows, "{kind:?} {format:?}");
            assert_eq!(plan.counts.updated + plan.counts.unchanged, 0);
            assert_eq!(plan.counts.partners, plan.per_partner.len());
        }
    }
}

#[test]
fn reimporting_the_same_file_changes_nothing() {
    let original = finances();
    for kind in ExchangeKind::ALL {
        for format in FORMATS {
            let text = export(kind, format, &original);
            let plan = import(kind, format, &text, &original).unwrap();
            assert!(plan.per_partner.is_empty(), "{kind:?} {format:?}: {plan:?}");
            assert_eq!(plan.counts.unchanged, row_count(&original, kind));
            assert_eq!(plan.counts.created + plan.counts.updated, 0);
            assert_eq!(applied(&original, &plan), original);
            assert!(import_summary(&plan.counts).starts_with("Nothing to import"));
        }
    }
}

#[test]
fn an_edited_row_replaces_the_stored_one_and_keeps_what_the_format_does_not_carry() {
    let mut original = finances();
    let file = FileRef {
        sha256: "a".repeat(64),
        name: "scan.pdf".into(),
        media_type: "application/pdf".into(),
        size: 10,
    };
    original
        .get_mut("partner-a")
        .unwrap()
        .invoices
        .get_mut("inv-2")
        .unwrap()
        .attachment = Some(file.clone());
    let text = export(ExchangeKind::Invoices, ExchangeFormat::Csv, &original).replace(
        "2026/002,2026-03-12,2026-03-12,200.00",
        "2026/002,2026-03-12,2026-03-12,250.00",
    );
    let plan = import(
        ExchangeKind::Invoices,
        ExchangeFormat::Csv,
        &text,
        &original,
    )
    .unwrap();
    assert_eq!(plan.counts.updated, 1);
    assert_eq!(plan.counts.unchanged, 3);
    let after = applied(&original, &plan);
    let edited = &after["partner-a"].invoices["inv-2"];
    assert_eq!(edited.amount_minor, 25_000);
    assert_eq!(edited.attachment, Some(file));
    assert_eq!(edited.created_at_ms, NOW_MS);
    assert_eq!(
        import_summary(&plan.counts),
        "Imported 1 invoice for 1 partner; 3 rows were already up to date."
    );
}

#[test]
fn rows_from_another_system_match_partners_by_tax_id_and_rows_by_number() {
    // No ids, tax ids written with spaces and dots, a UTF-8 BOM, LF line ends, a blank line, a
    // due date left to the payment terms (30 days) and a decimal comma.
    let text = "\u{feff}partner_tax_id,direction,number,issue_date,amount,currency\n\
                DE 123.456.789,issued,X-1,2026-06-01,\"1.234,50\",EUR\n\
                \n\
                fr12345678901,received,X-2,2026-06-02,10,USD\n";
    let empty = BTreeMap::new();
    let plan = import(ExchangeKind::Invoices, ExchangeFormat::Csv, text, &empty).unwrap();
    assert_eq!(
        import_summary(&plan.counts),
        "Imported 2 invoices for 2 partners."
    );
    let after = applied(&empty, &plan);
    let x1 = &after["partner-a"].invoices["new-1"];
    assert_eq!(
        (x1.amount_minor, x1.due_date.as_str()),
        (123_450, "2026-07-01")
    );
    assert_eq!(after["partner-b"].invoices["new-2"].number, "X-2");
    // The same file again: matched on direction and number, so nothing is duplicated.
    let again = import(ExchangeKind::Invoices, ExchangeFormat::Csv, text, &after).unwrap();
    assert!(again.per_partner.is_empty());
    assert_eq!(again.counts.unchanged, 2);
    // The number alone with its country (IT999) is unique even though 999 is not.
    let text = "partner_tax_id,number,date,amount,currency,status\nIT999,PO-7,2026-06-01,5,EUR,\n";
    let plan = import(
        ExchangeKind::PurchaseOrders,
        ExchangeFormat::Csv,
        text,
        &empty,
    )
    .unwrap();
    assert_eq!(
        plan.per_partner["partner-c"],
        vec![partnero::report::exchange::Change::PurchaseOrder {
            id: "new-1".into(),
            order: order(
                "PO-7",
                "2026-06-01",
                500,
                "EUR",
                PurchaseOrderStatus::Draft,
                ""
            ),
        }]
    );
}

#[test]
fn payments_may_settle_invoices_of_the_same_import_named_by_id_or_number() {
    let invoices = "partner_id,invoice_id,direction,number,issue_date,amount,currency\n\
                    partner-b,b-1,issued,N-1,2026-06-01,100,EUR\n\
                    partner-b,,issued,N-2,2026-06-01,50,EUR\n";
    let payments = "partner_id,date,amount,currency,method,allocations\n\
                    partner-b,2026-06-10,150,EUR,card,b-1:100;N-2:50\n";
    let mut rows = parse_import(ExchangeKind::Payments, payments, ExchangeFormat::Csv).unwrap();
    // Invoices listed after the payments: they are still planned first.
    rows.extend(parse_import(ExchangeKind::Invoices, invoices, ExchangeFormat::Csv).unwrap());
    let mut next = 0;
    let mut new_row_id = || {
        next += 1;
        format!("new-{next}")
    };
    let empty = BTreeMap::new();
    let plan = plan_import(&rows, &partners(), &empty, NOW_MS, &mut new_row_id).unwrap();
    let after = applied(&empty, &plan);
    let finance = &after["partner-b"];
    let payment = finance.payments.values().next().unwrap();
    assert_eq!(
        payment.allocations,
        BTreeMap::from([("b-1".to_owned(), 10_000), ("new-1".to_owned(), 5_000)])
    );
    assert_eq!(finance.open_minor("b-1"), 0);
    assert_eq!(
        import_summary(&plan.counts),
        "Imported 2 invoices, 1 payment for 1 partner."
    );
}

const INVOICE_HEADER: &str =
    "partner_id,partner_tax_id,invoice_id,direction,number,issue_date,due_date,amount,currency";
const GOOD_INVOICE: &str = "partner-a,,,issued,OK-1,2026-06-01,,10.00,EUR";
const PAYMENT_HEADER: &str = "partner_id,payment_id,date,amount,currency,method,allocations";
const ORDER_HEADER: &str = "partner_id,order_id,number,date,amount,currency,status";

fn json_file(kind: &str, rows: &str) -> String {
    format!(
        "{{\"format\":\"partnero-finance\",\"version\":1,\"kind\":\"{kind}\",\"rows\":[{rows}]}}"
    )
}

/// A named bad file of a kind and format, and the (line, field, message part) it must report.
type BadInput = (
    &'static str,
    ExchangeKind,
    ExchangeFormat,
    String,
    (usize, &'static str, &'static str),
);

/// Bad input, each in a file whose other rows are fine: the import is refused as a whole, and
/// one error names the expected line and field and says the expected thing.
#[test]
fn bad_input_is_refused_as_a_whole_with_line_and_field_named() {
    use ExchangeFormat::{Csv, Json};
    use ExchangeKind::{Invoices, Payments, PurchaseOrders};
    let csv = |header: &str, lines: &[&str]| {
        let mut text = format!("{header}\r\n");
        for line in lines {
            text.push_str(line);
            text.push_str("\r\n");
        }
        text
    };
    let cases: Vec<BadInput> = vec![
        (
            "amount with too many decimals",
            Invoices,
            Csv,
            csv(INVOICE_HEADER, &[GOOD_INVOICE, "partner-a,,,issued,X,2026-06-01,,12.345,EUR"]),
            (3, "amount", "EUR amounts have at most 2 decimals"),
        ),
        (
            "amount that is no number",
            PurchaseOrders,
            Csv,
            csv(ORDER_HEADER, &["partner-a,,P,2026-06-01,twelve,EUR,sent"]),
            (2, "amount", "enter a number such as 1234.56"),
        ),
        (
            "unknown currency",
            Invoices,
            Csv,
            csv(INVOICE_HEADER, &[GOOD_INVOICE, "partner-a,,,issued,X,2026-06-01,,12,EUX"]),
            (3, "currency", "\"EUX\" is not an ISO 4217 currency code"),
        ),
        (
            "due before issue",
            Invoices,
            Csv,
            csv(INVOICE_HEADER, &["partner-a,,,issued,X,2026-06-01,2026-05-01,12,EUR"]),
            (2, "due_date", "Due date cannot be before the issue date"),
        ),
        (
            "impossible date",
            Payments,
            Csv,
            csv(PAYMENT_HEADER, &["partner-a,,2026-02-30,12,EUR,,"]),
            (2, "date", "enter a real date as YYYY-MM-DD"),
        ),
        (
            "unknown partner tax id",
            Invoices,
            Csv,
            csv(INVOICE_HEADER, &[GOOD_INVOICE, ",NL000,,issued,X,2026-06-01,,12,EUR"]),
            (3, "partner_tax_id", "no partner has tax id \"NL000\""),
        ),
        (
            "unknown partner id without tax id",
            Invoices,
            Csv,
            csv(INVOICE_HEADER, &["partner-z,,,issued,X,2026-06-01,,12,EUR"]),
            (2, "partner_id", "no partner has id \"partner-z\""),
        ),
        (
            "ambiguous partner",
            Invoices,
            Csv,
            csv(INVOICE_HEADER, &[",999,,issued,X,2026-06-01,,12,EUR"]),
            (2, "partner_tax_id", "2 partners have tax id \"999\" (Tre Srl, Quatro Lda)"),
        ),
        (
            "missing column",
            Invoices,
            Csv,
            "partner_id,direction,number,issue_date,amount\r\npartner-a,issued,X,2026-06-01,1\r\n"
                .to_owned(),
            (1, "currency", "required column is missing"),
        ),
        (
            "no partner column",
            PurchaseOrders,
            Csv,
            "number,date,amount,currency\r\nP,2026-06-01,1,EUR\r\n".to_owned(),
            (1, "partner_id", "give partner_id or partner_tax_id"),
        ),
        (
            "unknown column",
            Invoices,
            Csv,
            format!("{INVOICE_HEADER},colour\r\n{GOOD_INVOICE},red\r\n"),
            (1, "colour", "unknown column"),
        ),
        (
            "wrong number of fields",
            Invoices,
            Csv,
            csv(INVOICE_HEADER, &[GOOD_INVOICE, "partner-a,,,issued,X,2026-06-01,12,EUR"]),
            (3, "", "expected 9 fields as in the header, found 8"),
        ),
        (
            "unknown direction",
            Invoices,
            Csv,
            csv(INVOICE_HEADER, &[GOOD_INVOICE, "partner-a,,,sent,X,2026-06-01,,12,EUR"]),
            (3, "direction", "unknown direction \"sent\"; use issued or received"),
        ),
        (
            "unknown status",
            PurchaseOrders,
            Csv,
            csv(ORDER_HEADER, &["partner-a,,P,2026-06-01,12,EUR,shipped"]),
            (2, "status", "unknown status \"shipped\""),
        ),
        (
            "unknown method",
            Payments,
            Csv,
            csv(PAYMENT_HEADER, &["partner-a,,2026-06-01,12,EUR,paypal,"]),
            (2, "method", "unknown method \"paypal\""),
        ),
        (
            "bad cancelled flag",
            Invoices,
            Csv,
            format!("{INVOICE_HEADER},cancelled\r\n{GOOD_INVOICE},maybe\r\n"),
            (2, "cancelled", "\"maybe\" is neither true nor false"),
        ),
        (
            "text after a closing quote",
            Invoices,
            Csv,
            csv(INVOICE_HEADER, &[GOOD_INVOICE, "partner-a,,,issued,\"X\"1,2026-06-01,,12,EUR"]),
            (3, "", "text after a closing quote"),
        ),
        (
            "quote inside an unquoted field",
            Invoices,
            Csv,
            csv(INVOICE_HEADER, &[GOOD_INVOICE, "partner-a,,,issued,X\"1,2026-06-01,,12,EUR"]),
            (3, "", "a quote inside an unquoted field"),
        ),
        (
            "quote never closed",
            Invoices,
            Csv,
            csv(INVOICE_HEADER, &[GOOD_INVOICE, "partner-a,,,issued,\"X,2026-06-01,,12,EUR", "x"]),
            (3, "", "a quoted field is never closed"),
        ),
        (
            "empty file",
            Invoices,
            Csv,
            "\u{feff}\r\n".to_owned(),
            (1, "", "the file is empty"),
        ),
        (
            "bad allocation syntax",
            Payments,
            Csv,
            csv(PAYMENT_HEADER, &["partner-a,,2026-06-01,12,EUR,,inv-1=12"]),
            (2, "allocations", "write invoice_id:amount"),
        ),
        (
            "allocation to an unknown invoice",
            Payments,
            Csv,
            csv(PAYMENT_HEADER, &["partner-a,,2026-06-01,12,EUR,cash,nope:12"]),
            (2, "allocations", "Allocation 1: no invoice \"nope\" of this partner"),
        ),
        (
            "allocation to another partner's invoice",
            Payments,
            Csv,
            csv(PAYMENT_HEADER, &["partner-b,,2026-06-01,12,EUR,cash,inv-1:12"]),
            (2, "allocations", "Allocation 1: no invoice \"inv-1\" of this partner"),
        ),
        (
            "allocation over the open amount",
            Payments,
            Csv,
            csv(PAYMENT_HEADER, &["partner-a,,2026-06-01,900,EUR,cash,inv-1:900"]),
            (
                2,
                "allocations",
                "Allocation 1: 900.00 EUR is more than the 834.56 EUR still open on invoice 2026/001",
            ),
        ),
        (
            "two payments of one import over the open amount",
            Payments,
            Csv,
            csv(
                PAYMENT_HEADER,
                &[
                    "partner-a,,2026-06-01,800,EUR,cash,inv-1:800",
                    "partner-a,,2026-06-02,100,EUR,cash,inv-1:100",
                ],
            ),
            (3, "allocations", "more than the 34.56 EUR still open"),
        ),
        (
            "allocations over the payment",
            Payments,
            Csv,
            csv(PAYMENT_HEADER, &["partner-a,,2026-06-01,10,EUR,cash,inv-1:20"]),
            (2, "allocations", "more than the payment of 10.00 EUR"),
        ),
        (
            "one row twice",
            PurchaseOrders,
            Csv,
            csv(
                ORDER_HEADER,
                &["partner-a,o-1,P,2026-06-01,12,EUR,sent", "partner-a,o-1,Q,2026-06-01,12,EUR,sent"],
            ),
            (3, "order_id", "the same row as on line 2"),
        ),
        (
            "bad row id",
            PurchaseOrders,
            Csv,
            csv(ORDER_HEADER, &["partner-a,o 1/2,P,2026-06-01,12,EUR,sent"]),
            (2, "order_id", "row ids use letters, digits"),
        ),
        (
            "invalid JSON",
            Invoices,
            Json,
            "{\"format\":\"partnero-finance\",\n\"rows\":[".to_owned(),
            (0, "", "not valid JSON at line 2"),
        ),
        (
            "wrong JSON format",
            Invoices,
            Json,
            "{\"format\":\"other\",\"version\":1,\"kind\":\"invoices\",\"rows\":[]}".to_owned(),
            (0, "format", "expected \"partnero-finance\", found \"other\""),
        ),
        (
            "wrong JSON version",
            Invoices,
            Json,
            "{\"format\":\"partnero-finance\",\"version\":2,\"kind\":\"invoices\",\"rows\":[]}"
                .to_owned(),
            (0, "version", "version 2 is not supported"),
        ),
        (
            "JSON of another kind",
            Invoices,
            Json,
            json_file("payments", ""),
            (0, "kind", "the file holds \"payments\", but invoices were chosen"),
        ),
        (
            "JSON that is not an object",
            Payments,
            Json,
            "[]".to_owned(),
            (0, "", "expected an object"),
        ),
        (
            "JSON amount as a number",
            PurchaseOrders,
            Json,
            json_file(
                "purchase_orders",
                r#"{"partner_id":"partner-a","number":"P","date":"2026-06-01","amount":12.5,"currency":"EUR"}"#,
            ),
            (1, "amount", "expected a string"),
        ),
        (
            "JSON row missing a key",
            PurchaseOrders,
            Json,
            json_file(
                "purchase_orders",
                r#"{"partner_id":"partner-a","number":"P","date":"2026-06-01","amount":"1","currency":"EUR"},
                   {"partner_id":"partner-a","number":"Q","amount":"1","currency":"EUR"}"#,
            ),
            (2, "date", "required key is missing"),
        ),
        (
            "JSON bad amount names the row",
            Invoices,
            Json,
            json_file(
                "invoices",
                r#"{"partner_id":"partner-a","direction":"issued","number":"A","issue_date":"2026-06-01","amount":"1","currency":"EUR"},
                   {"partner_id":"partner-a","direction":"issued","number":"B","issue_date":"2026-06-01","amount":"1.005","currency":"EUR"}"#,
            ),
            (2, "amount", "EUR amounts have at most 2 decimals"),
        ),
        (
            "JSON allocation to an unknown invoice",
            Payments,
            Json,
            json_file(
                "payments",
                r#"{"partner_id":"partner-a","date":"2026-06-01","amount":"5","currency":"EUR","allocations":[{"invoice_id":"ghost","amount":"5"}]}"#,
            ),
            (1, "allocations", "no invoice \"ghost\""),
        ),
        (
            "JSON allocation of the wrong shape",
            Payments,
            Json,
            json_file(
                "payments",
                r#"{"partner_id":"partner-a","date":"2026-06-01","amount":"5","currency":"EUR","allocations":[{"invoice":"inv-1","amount":5}]}"#,
            ),
            (1, "allocations", "allocation 1: expected"),
        ),
    ];
    let stored = finances();
    for (name, kind, format, text, (line, field, message)) in cases {
        let errors = match import(kind, format, &text, &stored) {
            Ok(plan) => panic!("{name}: accepted, planned {plan:?}"),
            Err(errors) => errors,
        };
        assert!(
            errors.iter().any(|error| error.line == line
                && error.field == field
                && error.message.contains(message)),
            "{name}: expected line {line}, {field}: …{message}…; got {errors:#?}"
        );
    }
}

#[test]
fn errors_read_as_line_field_and_sentence_and_all_are_reported() {
    let text = format!(
        "{INVOICE_HEADER}\n{GOOD_INVOICE}\npartner-a,,,issued,X,2026-06-01,,12.345,EUR\n\
         partner-a,,,issued,,2026-13-01,,1,EUR\n"
    );
    let errors = import(
        ExchangeKind::Invoices,
        ExchangeFormat::Csv,
        &text,
        &finances(),
    )
    .unwrap_err();
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "line 3, amount: EUR amounts have at most 2 decimals",
            "line 4, number: Invoice number is required",
            "line 4, issue_date: enter a real date as YYYY-MM-DD",
        ]
    );
    let file_level = ImportError {
        line: 0,
        field: "version".into(),
        message: "missing".into(),
        key: "validate-exchange-missing",
        args: Vec::new(),
    };
    assert_eq!(file_level.to_string(), "version: missing");
}

#[test]
fn csv_export_is_rfc_4180_with_the_documented_columns() {
    let text = export(ExchangeKind::Payments, ExchangeFormat::Csv, &finances());
    let mut lines = text.split("\r\n");
    assert_eq!(
        lines.next().unwrap(),
        "partner_id,partner_tax_id,partner_name,payment_id,date,amount,currency,method,allocations,note"
    );
    assert_eq!(
        lines.next().unwrap(),
        "partner-a,DE123456789,\"Ölwerk Müller, \"\"Süd\"\"\",pay-1,2026-03-20,600.00,EUR,\
         bank_transfer,inv-1:400.00;inv-2:200.00,\"Teilzahlung, \"\"Anzahlung\"\"\nRest folgt\""
    );
    let json = export(
        ExchangeKind::PurchaseOrders,
        ExchangeFormat::Json,
        &finances(),
    );
    assert!(json.starts_with(
        "{\"format\":\"partnero-finance\",\"version\":1,\"kind\":\"purchase_orders\",\"rows\":[\n\
         {\"partner_id\":\"partner-a\",\"partner_tax_id\":\"DE123456789\""
    ));
    assert!(json.contains("\"amount\":\"1.250\",\"currency\":\"KWD\",\"status\":\"sent\""));
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(parsed["rows"].as_array().unwrap().len(), 2);
}

#[test]
fn file_names_and_summaries() {
    assert_eq!(
        file_name(
            ExchangeKind::PurchaseOrders,
            ExchangeFormat::Json,
            "2026-11-27"
        ),
        "partnero-purchase-orders-2026-11-27.json"
    );
    assert_eq!(
        file_name(ExchangeKind::Invoices, ExchangeFormat::Csv, "2026-11-27"),
        "partnero-invoices-2026-11-27.csv"
    );
    let counts = ImportCounts {
        invoices: 12,
        created: 12,
        partners: 4,
        ..ImportCounts::default()
    };
    assert_eq!(
        import_summary(&counts),
        "Imported 12 invoices for 4 partners."
    );
    assert_eq!(
        ExchangeFormat::detect("export.txt", " {\"format\":1}"),
        ExchangeFormat::Json
    );
    assert_eq!(
        ExchangeFormat::detect("EXPORT.CSV", "{"),
        ExchangeFormat::Csv
    );
}
