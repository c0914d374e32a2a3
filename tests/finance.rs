//! Native tests of the finance document's validation: amounts parsed per currency (JPY without
//! decimals, BHD and KWD with three), currency codes, due dates from payment terms, and payment
//! allocations refused over the open amount, in another currency or over the payment.

use std::collections::BTreeMap;

use automerge::{ActorId, AutoCommit};
use autosurgeon::{hydrate, reconcile};
use partnero::model::*;
use partnero::validate::FieldError;

const NOW_MS: i64 = 1_780_000_000_000;

fn day(iso: &str) -> i64 {
    parse_iso_date(iso).unwrap()
}

fn terms(days: Option<u32>) -> PaymentTerms {
    PaymentTerms {
        days,
        method: PaymentMethod::BankTransfer,
    }
}

fn fields(errors: &[FieldError]) -> Vec<&str> {
    errors.iter().map(|error| error.field.as_str()).collect()
}

fn invoice_draft(amount: &str, currency: &str) -> InvoiceDraft {
    InvoiceDraft {
        direction: "issued".into(),
        number: "2026-001".into(),
        issue_date: "2026-03-10".into(),
        amount: amount.into(),
        currency: currency.into(),
        ..InvoiceDraft::default()
    }
}

#[test]
fn amounts_parse_in_the_currency_minor_units() {
    let cases: &[(&str, &str, Result<i64, &str>)] = &[
        ("1234.56", "EUR", Ok(123_456)),
        ("1.234,56", "EUR", Ok(123_456)),
        ("1,234.56", "EUR", Ok(123_456)),
        ("1 234,56", "EUR", Ok(123_456)),
        ("1\u{a0}234,56", "EUR", Ok(123_456)),
        ("1'234.56", "CHF", Ok(123_456)),
        ("1234", "EUR", Ok(123_400)),
        ("1234,5", "EUR", Ok(123_450)),
        (".5", "EUR", Ok(50)),
        ("1.234.567,89", "EUR", Ok(123_456_789)),
        ("1,234,567", "USD", Ok(123_456_700)),
        ("0.01", "USD", Ok(1)),
        // Yen have no minor unit: a group of three after one separator is thousands.
        ("1234", "JPY", Ok(1234)),
        ("1,234", "JPY", Ok(1234)),
        ("1.234.567", "JPY", Ok(1_234_567)),
        ("1.5", "JPY", Err("JPY amounts have no decimals")),
        ("1,50", "JPY", Err("JPY amounts have no decimals")),
        // Three decimals: the dinars of Bahrain and Kuwait.
        ("1.234", "BHD", Ok(1234)),
        ("12,345", "KWD", Ok(12_345)),
        ("1.234,567", "KWD", Ok(1_234_567)),
        ("0.5", "KWD", Ok(500)),
        ("1.2345", "KWD", Err("KWD amounts have at most 3 decimals")),
        // Read as decimals, one separator with three digits is refused in euros rather than
        // silently taken as thousands.
        ("1.234", "EUR", Err("EUR amounts have at most 2 decimals")),
        ("12.345", "EUR", Err("EUR amounts have at most 2 decimals")),
        ("10.001", "USD", Err("USD amounts have at most 2 decimals")),
        ("", "EUR", Err("enter an amount")),
        ("-5", "EUR", Err("enter a positive amount")),
        ("12a", "EUR", Err("enter a number such as 1234.56")),
        ("1e5", "EUR", Err("enter a number such as 1234.56")),
        (
            "12.",
            "EUR",
            Err("enter digits after the decimal separator"),
        ),
        (
            "12,34.56",
            "EUR",
            Err("thousands must come in groups of three digits, e.g. 1.234.567,89"),
        ),
        (
            "99999999999999999999",
            "EUR",
            Err("the amount is too large"),
        ),
        (
            "10",
            "EURO",
            Err("\"EURO\" is not an ISO 4217 currency code"),
        ),
    ];
    for (text, currency, expected) in cases {
        let got = parse_amount(text, currency);
        let expected = expected.map_err(str::to_owned);
        assert_eq!(got, expected, "{text:?} in {currency}");
    }
}

#[test]
fn amounts_format_back_with_the_currency_decimals() {
    let cases = [
        (123_456, "EUR", "1234.56"),
        (5, "EUR", "0.05"),
        (1234, "JPY", "1234"),
        (1_234_567, "KWD", "1234.567"),
        (-250, "USD", "-2.50"),
        (0, "BHD", "0.000"),
    ];
    for (minor, currency, expected) in cases {
        assert_eq!(
            format_amount(minor, currency),
            expected,
            "{minor} {currency}"
        );
        assert_eq!(
            parse_amount(expected.trim_start_matches('-'), currency).unwrap(),
            minor.abs()
        );
    }
}

#[test]
fn due_date_comes_from_the_payment_terms_when_not_typed() {
    let cases = [
        (Some(30), "2026-03-10", "2026-04-09"),
        (Some(60), "2026-12-15", "2027-02-13"),
        (None, "2026-03-10", "2026-03-10"),
        (Some(0), "2026-03-10", "2026-03-10"),
        (Some(1), "2028-02-28", "2028-02-29"),
        (Some(1), "2027-02-28", "2027-03-01"),
    ];
    for (days, issue, expected) in cases {
        assert_eq!(due_date_from_terms(day(issue), &terms(days)), day(expected));
        let mut draft = invoice_draft("100", "EUR");
        draft.issue_date = issue.into();
        let invoice = validate_invoice(&draft, &terms(days), NOW_MS).unwrap();
        assert_eq!(invoice.due_date, expected, "{days:?} days from {issue}");
    }
}

#[test]
fn a_valid_invoice_is_built_in_canonical_form() {
    let mut draft = invoice_draft(" 1.234,56 ", " eur ");
    draft.direction = "received".into();
    draft.number = "  F-77 ".into();
    draft.due_date = "2026-05-01".into();
    draft.reference = " PO 12 ".into();
    let invoice = validate_invoice(&draft, &terms(Some(30)), NOW_MS).unwrap();
    assert_eq!(
        invoice,
        Invoice {
            direction: InvoiceDirection::Received,
            number: "F-77".into(),
            issue_date: "2026-03-10".into(),
            due_date: "2026-05-01".into(),
            amount_minor: 123_456,
            currency: "EUR".into(),
            reference: "PO 12".into(),
            attachment: None,
            cancelled: false,
            created_at_ms: NOW_MS,
        }
    );
}

#[test]
fn invoice_errors_name_their_fields() {
    // (change to a valid draft, expected field, expected message)
    type Edit = fn(&mut InvoiceDraft);
    let cases: &[(Edit, &str, &str)] = &[
        (
            |d| d.direction = "sideways".into(),
            "direction",
            "Direction: choose issued or received",
        ),
        (
            |d| d.number = "  ".into(),
            "number",
            "Invoice number is required",
        ),
        (
            |d| d.issue_date = "2026-02-30".into(),
            "issue_date",
            "Issue date: enter a real date as YYYY-MM-DD",
        ),
        (
            |d| d.issue_date = "".into(),
            "issue_date",
            "Issue date is required",
        ),
        (
            |d| d.due_date = "10/04/2026".into(),
            "due_date",
            "Due date: enter a real date as YYYY-MM-DD",
        ),
        (
            |d| d.due_date = "2026-03-09".into(),
            "due_date",
            "Due date cannot be before the issue date",
        ),
        (
            |d| d.currency = "XYZ".into(),
            "currency",
            "Currency: \"XYZ\" is not an ISO 4217 currency code such as EUR",
        ),
        (
            |d| d.currency = "".into(),
            "currency",
            "Currency is required",
        ),
        (|d| d.amount = "".into(), "amount", "Amount is required"),
        (
            |d| d.amount = "0,00".into(),
            "amount",
            "Amount: enter an amount greater than zero",
        ),
        (
            |d| d.amount = "10.999".into(),
            "amount",
            "Amount: EUR amounts have at most 2 decimals",
        ),
    ];
    for (edit, field, message) in cases {
        let mut draft = invoice_draft("100", "EUR");
        edit(&mut draft);
        let errors = validate_invoice(&draft, &terms(Some(30)), NOW_MS).unwrap_err();
        assert_eq!(
            errors
                .iter()
                .map(|error| (error.field.as_str(), error.message.as_str()))
                .collect::<Vec<_>>(),
            vec![(*field, *message)],
            "{draft:?}"
        );
    }
    // Due on the issue day is fine.
    let mut draft = invoice_draft("100", "EUR");
    draft.due_date = "2026-03-10".into();
    assert_eq!(
        validate_invoice(&draft, &terms(None), NOW_MS)
            .unwrap()
            .due_date,
        "2026-03-10"
    );
    // Every error at once.
    let draft = InvoiceDraft::default();
    let errors = validate_invoice(&draft, &terms(None), NOW_MS).unwrap_err();
    assert_eq!(
        fields(&errors),
        ["direction", "number", "issue_date", "currency", "amount"]
    );
}

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

/// Three issued invoices (EUR 100.00 with 40.00 already paid, EUR 50.00, USD 70.00), a received
/// one (EUR 30.00) and a cancelled one.
fn finance() -> PartnerFinance {
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
    finance.payments.insert(
        "pay-1".into(),
        Payment {
            date: "2026-03-05".into(),
            amount_minor: 4_000,
            currency: "EUR".into(),
            method: PaymentMethod::BankTransfer,
            allocations: BTreeMap::from([("inv-a".into(), 4_000)]),
            note: String::new(),
            created_at_ms: NOW_MS,
        },
    );
    finance
}

fn payment_draft(amount: &str, currency: &str, allocations: &[(&str, &str)]) -> PaymentDraft {
    PaymentDraft {
        date: "2026-03-20".into(),
        amount: amount.into(),
        currency: currency.into(),
        method: "bank_transfer".into(),
        allocations: allocations
            .iter()
            .map(|(invoice_id, amount)| AllocationDraft {
                invoice_id: invoice_id.to_string(),
                amount: amount.to_string(),
            })
            .collect(),
        note: String::new(),
    }
}

#[test]
fn one_payment_settles_several_invoices_in_part() {
    let finance = finance();
    assert_eq!(finance.open_minor("inv-a"), 6_000);
    let draft = payment_draft("100,00", "EUR", &[("inv-a", "60"), ("inv-b", "20,5")]);
    let payment = validate_payment(&draft, "pay-2", &finance, NOW_MS).unwrap();
    assert_eq!(payment.amount_minor, 10_000);
    assert_eq!(payment.date, "2026-03-20");
    assert_eq!(payment.method, PaymentMethod::BankTransfer);
    assert_eq!(
        payment.allocations,
        BTreeMap::from([("inv-a".into(), 6_000), ("inv-b".into(), 2_050)])
    );
    // Blank allocation rows are ignored; a payment on account has no allocation at all.
    let draft = payment_draft("5", "EUR", &[("", "")]);
    let payment = validate_payment(&draft, "pay-3", &finance, NOW_MS).unwrap();
    assert!(payment.allocations.is_empty());
}

#[test]
fn payment_allocations_are_refused_with_the_field_named() {
    let finance = finance();
    let cases: &[(PaymentDraft, &str, &str)] = &[
        (
            payment_draft("100", "EUR", &[("inv-a", "60.01")]),
            "allocations[0].amount",
            "Allocation 1: 60.01 EUR is more than the 60.00 EUR still open on invoice A",
        ),
        (
            payment_draft("70", "USD", &[("inv-b", "10")]),
            "allocations[0].invoice_id",
            "Allocation 1: invoice B is in EUR, the payment in USD",
        ),
        (
            payment_draft("50", "EUR", &[("inv-a", "30"), ("inv-b", "30")]),
            "allocations",
            "Allocations: 60.00 EUR allocated is more than the payment of 50.00 EUR",
        ),
        (
            payment_draft("50", "EUR", &[("nope", "30")]),
            "allocations[0].invoice_id",
            "Allocation 1: choose an invoice of this partner",
        ),
        (
            payment_draft("50", "EUR", &[("void", "5")]),
            "allocations[0].invoice_id",
            "Allocation 1: invoice V is cancelled",
        ),
        (
            payment_draft("50", "EUR", &[("inv-b", "5"), ("inv-b", "5")]),
            "allocations[1].invoice_id",
            "Allocation 2: invoice B is allocated twice; use one row per invoice",
        ),
        (
            payment_draft("50", "EUR", &[("inv-b", "5"), ("bill", "5")]),
            "allocations[1].invoice_id",
            "Allocation 2: invoice S-1: one payment cannot settle both issued and received invoices",
        ),
        (
            payment_draft("50", "EUR", &[("inv-b", "5,001")]),
            "allocations[0].amount",
            "Allocation 1: EUR amounts have at most 2 decimals",
        ),
        (
            payment_draft("50", "EUR", &[("inv-b", "0")]),
            "allocations[0].amount",
            "Allocation 1: enter an amount greater than zero",
        ),
        (
            payment_draft("5.5", "JPY", &[]),
            "amount",
            "Amount: JPY amounts have no decimals",
        ),
        (
            payment_draft("5", "ZZZ", &[]),
            "currency",
            "Currency: \"ZZZ\" is not an ISO 4217 currency code such as EUR",
        ),
        (
            PaymentDraft {
                method: "barter".into(),
                ..payment_draft("5", "EUR", &[])
            },
            "method",
            "Payment method: choose one of the list",
        ),
        (
            PaymentDraft {
                date: "2026-13-01".into(),
                ..payment_draft("5", "EUR", &[])
            },
            "date",
            "Payment date: enter a real date as YYYY-MM-DD",
        ),
    ];
    for (draft, field, message) in cases {
        let errors = validate_payment(draft, "pay-2", &finance, NOW_MS).unwrap_err();
        assert_eq!(
            errors
                .iter()
                .map(|error| (error.field.as_str(), error.message.as_str()))
                .collect::<Vec<_>>(),
            vec![(*field, *message)],
            "{draft:?}"
        );
    }
}

#[test]
fn editing_a_payment_does_not_count_its_own_allocation_against_the_invoice() {
    let finance = finance();
    // pay-1 already gives 40.00 to invoice A; raising it to the full 100.00 is allowed when
    // the edited payment replaces pay-1, refused when it would be a second payment.
    let draft = payment_draft("100", "EUR", &[("inv-a", "100")]);
    let payment = validate_payment(&draft, "pay-1", &finance, NOW_MS).unwrap();
    assert_eq!(payment.allocations["inv-a"], 10_000);
    let errors = validate_payment(&draft, "pay-new", &finance, NOW_MS).unwrap_err();
    assert_eq!(fields(&errors), ["allocations[0].amount"]);
}

#[test]
fn purchase_orders_validate_like_invoices() {
    let draft = PurchaseOrderDraft {
        number: " PO-9 ".into(),
        date: "2026-01-31".into(),
        amount: "1.500".into(),
        currency: "jpy".into(),
        status: "".into(),
        reference: "".into(),
    };
    let order = validate_purchase_order(&draft, NOW_MS).unwrap();
    assert_eq!(
        (
            order.number.as_str(),
            order.amount_minor,
            order.currency.as_str(),
            order.status
        ),
        ("PO-9", 1_500, "JPY", PurchaseOrderStatus::Draft)
    );
    let draft = PurchaseOrderDraft {
        number: "".into(),
        date: "31/01/2026".into(),
        amount: "1".into(),
        currency: "EUR".into(),
        status: "lost".into(),
        reference: "".into(),
    };
    let errors = validate_purchase_order(&draft, NOW_MS).unwrap_err();
    assert_eq!(fields(&errors), ["number", "date", "status"]);
    assert_eq!(
        errors[2].message,
        "Status: choose draft, sent, received or cancelled"
    );
    for status in PurchaseOrderStatus::ALL {
        assert_eq!(PurchaseOrderStatus::from_code(status.code()), Some(status));
    }
}

#[test]
fn finance_and_activity_documents_round_trip_through_automerge() {
    let mut finance = finance();
    finance.invoices.get_mut("inv-a").unwrap().attachment = Some(FileRef {
        sha256: "ab".repeat(32),
        size: 1234,
        media_type: "application/pdf".into(),
        name: "A.pdf".into(),
    });
    let mut doc = AutoCommit::new().with_actor(ActorId::from(b"finance-test".as_slice()));
    reconcile(&mut doc, &finance).unwrap();
    let back: PartnerFinance = hydrate(&doc).unwrap();
    assert_eq!(back, finance);
    assert_eq!(back.schema_version, FINANCE_SCHEMA_VERSION);

    let mut activity = PartnerActivity::new("partner-1");
    activity.interactions.insert(
        "i1".into(),
        Interaction {
            kind: InteractionKind::Visit,
            at_ms: NOW_MS,
            author: "ana".into(),
            summary: "Showed the new range".into(),
            position: Some(GeoPosition {
                latitude_e7: 404_167_754,
                longitude_e7: -37_037_902,
                accuracy_m: 12,
            }),
            template_id: None,
        },
    );
    let mut doc = AutoCommit::new().with_actor(ActorId::from(b"activity-test".as_slice()));
    reconcile(&mut doc, &activity).unwrap();
    let back: PartnerActivity = hydrate(&doc).unwrap();
    assert_eq!(back, activity);
    assert_eq!(back.schema_version, ACTIVITY_SCHEMA_VERSION);
}
