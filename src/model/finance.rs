//! The finance document of one partner: invoices (issued to a client or received from a
//! supplier), payments with their allocations to invoices, and purchase orders; and the path
//! from what a user typed on those forms to valid rows.
//!
//! Finance lives in its own Automerge document per partner, not in the partner document, so
//! that access can later be restricted per role along the document boundary (issue 7). Every
//! list is a map keyed by row id, so rows added or edited on two devices at once merge row by
//! row. Money is an integer count of the currency's minor units plus its ISO 4217 code, never a
//! float; dates are ISO `YYYY-MM-DD` strings, like everywhere else in the documents.
//!
//! Validation follows `crate::validate`: a draft holds raw strings as typed, and
//! [`validate_invoice`], [`validate_payment`] and [`validate_purchase_order`] return either a
//! row that cannot be invalid or every [`FieldError`] of the form at once, each naming its field.

use std::collections::BTreeMap;

use autosurgeon::{Hydrate, Reconcile};
use serde::{Deserialize, Serialize};

use super::partner::{PaymentMethod, PaymentTerms};
use super::verification::{parse_iso_date, FileRef};
use crate::report::dates::iso_date_of_day;
use crate::validate::formats::{currency_minor_units, is_currency};
use crate::validate::{FieldError, Problem};

/// Shape version of finance documents; bump it only together with a migration and a test that
/// opens documents of the old shape.
pub const FINANCE_SCHEMA_VERSION: u64 = 1;

/// Root of a partner's finance document.
#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct PartnerFinance {
    pub schema_version: u64,
    /// Document id of the partner this finance belongs to.
    pub partner_id: String,
    /// Invoices keyed by row id.
    #[autosurgeon(missing = "Default::default")]
    pub invoices: BTreeMap<String, Invoice>,
    /// Payments keyed by row id.
    #[autosurgeon(missing = "Default::default")]
    pub payments: BTreeMap<String, Payment>,
    /// Purchase orders keyed by row id.
    #[autosurgeon(missing = "Default::default")]
    pub purchase_orders: BTreeMap<String, PurchaseOrder>,
}

/// Which way an invoice goes.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Reconcile, Hydrate, Serialize, Deserialize,
)]
pub enum InvoiceDirection {
    /// We invoiced the partner (a client): money we are owed.
    Issued,
    /// The partner (a supplier) billed us: money we owe.
    Received,
}

/// One invoice.
#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct Invoice {
    pub direction: InvoiceDirection,
    /// The invoice number as printed on it (ours for issued invoices, the supplier's otherwise).
    pub number: String,
    /// ISO date.
    pub issue_date: String,
    /// ISO date, never before `issue_date`; computed from the payment terms unless typed.
    pub due_date: String,
    /// Total in minor units of `currency` (cents for EUR, yen for JPY, fils for KWD); positive.
    pub amount_minor: i64,
    /// ISO 4217 code, upper case.
    pub currency: String,
    /// Free reference (order number, project).
    pub reference: String,
    /// A scan or PDF of the invoice, named by its content (see `crate::files`).
    #[autosurgeon(missing = "Default::default")]
    pub attachment: Option<FileRef>,
    /// A cancelled invoice stays for the record but is owed by nobody.
    pub cancelled: bool,
    /// Milliseconds since the Unix epoch; passed in by the caller.
    pub created_at_ms: i64,
}

/// One payment, to or from the partner. Partial payments are allowed, and one payment may
/// settle several invoices of its own currency.
#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct Payment {
    /// ISO date the money moved.
    pub date: String,
    /// Positive, in minor units of `currency`.
    pub amount_minor: i64,
    pub currency: String,
    pub method: PaymentMethod,
    /// How much of the payment goes to which invoice (invoice row id -> minor units). A map so
    /// that allocations edited on two devices merge per invoice. The sum never exceeds
    /// `amount_minor`; what is left is a payment on account.
    #[autosurgeon(missing = "Default::default")]
    pub allocations: BTreeMap<String, i64>,
    pub note: String,
    pub created_at_ms: i64,
}

/// A purchase order we sent to a supplier.
#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct PurchaseOrder {
    pub number: String,
    /// ISO date.
    pub date: String,
    pub amount_minor: i64,
    pub currency: String,
    pub status: PurchaseOrderStatus,
    pub reference: String,
    pub created_at_ms: i64,
}

/// Where a purchase order stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub enum PurchaseOrderStatus {
    Draft,
    Sent,
    Received,
    Cancelled,
}

/// The invoice form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InvoiceDraft {
    /// `issued` or `received` (see [`InvoiceDirection::code`]).
    pub direction: String,
    pub number: String,
    pub issue_date: String,
    /// Empty: computed from the partner's payment terms.
    pub due_date: String,
    /// A decimal such as `1234.56` or `1.234,56`.
    pub amount: String,
    pub currency: String,
    pub reference: String,
    /// Already stored by the file picker; validation passes it through.
    pub attachment: Option<FileRef>,
    pub cancelled: bool,
}

/// The payment form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PaymentDraft {
    pub date: String,
    pub amount: String,
    pub currency: String,
    /// A [`PaymentMethod::code`]; empty for not stated.
    pub method: String,
    /// One row per invoice the payment settles, in form order.
    pub allocations: Vec<AllocationDraft>,
    pub note: String,
}

/// One allocation row of the payment form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AllocationDraft {
    /// Row id of the invoice, picked from a list.
    pub invoice_id: String,
    /// A decimal amount, as for the payment.
    pub amount: String,
}

/// The purchase order form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PurchaseOrderDraft {
    pub number: String,
    pub date: String,
    pub amount: String,
    pub currency: String,
    /// A [`PurchaseOrderStatus::code`]; empty means draft.
    pub status: String,
    pub reference: String,
}

impl PartnerFinance {
    /// An empty finance document for the partner with document id `partner_id`.
    pub fn new(partner_id: impl Into<String>) -> Self {
        Self {
            schema_version: FINANCE_SCHEMA_VERSION,
            partner_id: partner_id.into(),
            invoices: BTreeMap::new(),
            payments: BTreeMap::new(),
            purchase_orders: BTreeMap::new(),
        }
    }

    /// What is still owed on invoice `invoice_id` (0 for unknown or cancelled invoices).
    pub fn open_minor(&self, invoice_id: &str) -> i64 {
        match self.invoices.get(invoice_id) {
            Some(invoice) if !invoice.cancelled => {
                open_minor_of(invoice_id, invoice, &self.payments, None)
            }
            _ => 0,
        }
    }
}

/// The sum allocated to invoice `invoice_id` by `payments` in the invoice's `currency`, leaving
/// out the payment `excluding` (the one being edited). Allocations in another currency, which
/// validation refuses but a merge of two edits could still produce, are ignored rather than
/// converted: currencies are never added together.
pub fn allocated_minor(
    invoice_id: &str,
    currency: &str,
    payments: &BTreeMap<String, Payment>,
    excluding: Option<&str>,
) -> i64 {
    payments
        .iter()
        .filter(|(id, _)| Some(id.as_str()) != excluding)
        .filter(|(_, payment)| payment.currency == currency)
        .filter_map(|(_, payment)| payment.allocations.get(invoice_id))
        .fold(0i64, |sum, amount| sum.saturating_add(*amount))
}

/// What is still owed on `invoice`: its amount less what is allocated to it, never below zero
/// (two devices may each record the same payment; the invoice is then paid, not negative).
pub fn open_minor_of(
    invoice_id: &str,
    invoice: &Invoice,
    payments: &BTreeMap<String, Payment>,
    excluding: Option<&str>,
) -> i64 {
    let paid = allocated_minor(invoice_id, &invoice.currency, payments, excluding);
    invoice.amount_minor.saturating_sub(paid).max(0)
}

/// The due day under `terms` of an invoice issued on `issue_day`: the terms' days later, or the
/// issue day itself when no terms are agreed.
pub fn due_date_from_terms(issue_day: i64, terms: &PaymentTerms) -> i64 {
    issue_day + i64::from(terms.days.unwrap_or(0))
}

/// Parses an amount typed in `currency` into its minor units: `"1.234,56"`, `"1,234.56"`,
/// `"1234.56"`, `"1 234,56"` and `"1234"` are all 123456 cents in EUR. More decimals than the
/// currency has are refused, not rounded: nobody should lose a cent to a typo. The error is a
/// sentence without the field name, which the caller adds.
///
/// Separators: when both `.` and `,` appear, the last one is the decimal separator. When only
/// one appears once, it is the decimal separator, except in a currency without decimals where a
/// group of three digits after it can only be thousands (`"1,234"` yen). Read as decimals,
/// `"1.234"` in euros is then refused for its three decimals instead of silently becoming a
/// thousand times more.
pub fn parse_amount(text: &str, currency: &str) -> Result<i64, String> {
    amount_of(text, currency).map_err(String::from)
}

/// [`parse_amount`] with the problem also as a Fluent message (`validate-amount-*`).
fn amount_of(text: &str, currency: &str) -> Result<i64, Problem> {
    let decimals = currency_minor_units(currency).ok_or_else(|| {
        Problem::new(
            "validate-amount-currency",
            vec![("currency", format!("{currency:?}"))],
            format!("{currency:?} is not an ISO 4217 currency code"),
        )
    })?;
    // Spaces (plain, no-break, narrow no-break) and apostrophes only ever group thousands.
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    if cleaned.is_empty() {
        return Err(Problem::fixed("validate-amount-empty", "enter an amount"));
    }
    if cleaned.starts_with('-') {
        return Err(Problem::fixed(
            "validate-amount-negative",
            "enter a positive amount",
        ));
    }
    if !cleaned
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(Problem::fixed(
            "validate-amount-not-number",
            "enter a number such as 1234.56",
        ));
    }
    let last_dot = cleaned.rfind('.');
    let last_comma = cleaned.rfind(',');
    let decimal_at = match (last_dot, last_comma) {
        (Some(dot), Some(comma)) => Some(dot.max(comma)),
        (Some(at), None) | (None, Some(at)) => {
            let separator = cleaned.as_bytes()[at];
            let count = cleaned.bytes().filter(|b| *b == separator).count();
            let digits_after = cleaned.len() - at - 1;
            if count > 1 || (decimals == 0 && digits_after == 3) {
                None
            } else {
                Some(at)
            }
        }
        (None, None) => None,
    };
    let (whole, fraction) = match decimal_at {
        Some(at) => (&cleaned[..at], &cleaned[at + 1..]),
        None => (cleaned.as_str(), ""),
    };
    if fraction.contains(['.', ',']) {
        return Err(Problem::fixed(
            "validate-amount-separators",
            "use one decimal separator",
        ));
    }
    if decimal_at.is_some() && fraction.is_empty() {
        return Err(Problem::fixed(
            "validate-amount-fraction-empty",
            "enter digits after the decimal separator",
        ));
    }
    if fraction.len() > usize::from(decimals) {
        return Err(Problem::new(
            "validate-amount-decimals",
            vec![
                ("currency", currency.to_owned()),
                ("decimals", decimals.to_string()),
            ],
            match decimals {
                0 => format!("{currency} amounts have no decimals"),
                1 => format!("{currency} amounts have at most 1 decimal"),
                n => format!("{currency} amounts have at most {n} decimals"),
            },
        ));
    }
    let digits = whole_digits(whole).ok_or_else(|| {
        Problem::fixed(
            "validate-amount-groups",
            "thousands must come in groups of three digits, e.g. 1.234.567,89",
        )
    })?;
    let mut minor: i64 = 0;
    let padded = format!("{fraction:0<width$}", width = usize::from(decimals));
    for digit in digits.bytes().chain(padded.bytes()) {
        minor = minor
            .checked_mul(10)
            .and_then(|value| value.checked_add(i64::from(digit - b'0')))
            .ok_or_else(|| {
                Problem::fixed("validate-amount-too-large", "the amount is too large")
            })?;
    }
    Ok(minor)
}

/// The digits of the whole part, checking that any thousands separators group by three.
fn whole_digits(whole: &str) -> Option<String> {
    if whole.is_empty() {
        return Some("0".into());
    }
    let groups: Vec<&str> = whole.split(['.', ',']).collect();
    if groups.len() > 1 {
        let first_ok = (1..=3).contains(&groups[0].len());
        if !first_ok || groups[1..].iter().any(|group| group.len() != 3) {
            return None;
        }
    }
    Some(groups.concat())
}

/// An amount in minor units written with its currency's decimals and `.` as the separator:
/// `format_amount(123456, "EUR")` is `"1234.56"`, `format_amount(1234, "JPY")` is `"1234"`.
/// Unknown currencies are written with two decimals. Plain on purpose (no grouping), so CSV
/// exports read back into any spreadsheet.
pub fn format_amount(minor: i64, currency: &str) -> String {
    let decimals = u32::from(currency_minor_units(currency).unwrap_or(2));
    let sign = if minor < 0 { "-" } else { "" };
    let magnitude = minor.unsigned_abs();
    if decimals == 0 {
        return format!("{sign}{magnitude}");
    }
    let scale = 10u64.pow(decimals);
    format!(
        "{sign}{}.{:0width$}",
        magnitude / scale,
        magnitude % scale,
        width = decimals as usize
    )
}

/// Checks an invoice form and builds the invoice. `terms` are the partner's payment terms, used
/// for the due date when none is typed; `now_ms` becomes `created_at_ms`.
pub fn validate_invoice(
    draft: &InvoiceDraft,
    terms: &PaymentTerms,
    now_ms: i64,
) -> Result<Invoice, Vec<FieldError>> {
    let mut errors = Vec::new();
    let direction = InvoiceDirection::from_code(draft.direction.trim());
    if direction.is_none() {
        push(
            &mut errors,
            "direction",
            "Direction: choose issued or received",
            "validate-invoice-direction",
            Vec::new(),
        );
    }
    let number = draft.number.trim().to_owned();
    if number.is_empty() {
        push(
            &mut errors,
            "number",
            "Invoice number is required",
            "validate-invoice-number-required",
            Vec::new(),
        );
    }
    let issue_day = check_date(
        &mut errors,
        "issue_date",
        DateLabel::Issue,
        &draft.issue_date,
    );
    let due_text = draft.due_date.trim();
    let due_day = if due_text.is_empty() {
        issue_day.map(|day| due_date_from_terms(day, terms))
    } else {
        check_date(&mut errors, "due_date", DateLabel::Due, due_text)
    };
    if let (Some(issue), Some(due)) = (issue_day, due_day) {
        if due < issue {
            push(
                &mut errors,
                "due_date",
                "Due date cannot be before the issue date",
                "validate-due-before-issue",
                Vec::new(),
            );
        }
    }
    let currency = check_currency(&mut errors, "currency", &draft.currency);
    let amount = check_amount(
        &mut errors,
        "amount",
        None,
        &draft.amount,
        currency.as_deref(),
    );
    if !errors.is_empty() {
        return Err(errors);
    }
    match (direction, issue_day, due_day, currency, amount) {
        (Some(direction), Some(issue), Some(due), Some(currency), Some(amount_minor)) => {
            Ok(Invoice {
                direction,
                number,
                issue_date: iso_date_of_day(issue),
                due_date: iso_date_of_day(due),
                amount_minor,
                currency,
                reference: draft.reference.trim().to_owned(),
                attachment: draft.attachment.clone(),
                cancelled: draft.cancelled,
                created_at_ms: now_ms,
            })
        }
        _ => Err(errors),
    }
}

/// Checks a payment form against the partner's finance and builds the payment. `payment_id` is
/// the row id the payment will be stored under: when it replaces an existing payment, that
/// payment's own allocations do not count against the invoices' open amounts. Refused: an
/// allocation to an unknown or cancelled invoice, in another currency, over the invoice's open
/// amount, twice to one invoice, across issued and received invoices, or allocations adding up
/// to more than the payment.
pub fn validate_payment(
    draft: &PaymentDraft,
    payment_id: &str,
    finance: &PartnerFinance,
    now_ms: i64,
) -> Result<Payment, Vec<FieldError>> {
    let mut errors = Vec::new();
    let date = check_date(&mut errors, "date", DateLabel::Payment, &draft.date);
    let currency = check_currency(&mut errors, "currency", &draft.currency);
    let amount = check_amount(
        &mut errors,
        "amount",
        None,
        &draft.amount,
        currency.as_deref(),
    );
    let method = match PaymentMethod::from_code(draft.method.trim()) {
        Some(method) => method,
        None => {
            push(
                &mut errors,
                "method",
                "Payment method: choose one of the list",
                "validate-payment-method-choose",
                Vec::new(),
            );
            PaymentMethod::Unspecified
        }
    };

    let mut allocations = BTreeMap::new();
    let mut allocated_total: i64 = 0;
    let mut direction_seen: Option<InvoiceDirection> = None;
    for (index, row) in draft.allocations.iter().enumerate() {
        let invoice_id = row.invoice_id.trim();
        if invoice_id.is_empty() && row.amount.trim().is_empty() {
            continue;
        }
        let label = format!("Allocation {}", index + 1);
        let invoice_field = format!("allocations[{index}].invoice_id");
        let amount_field = format!("allocations[{index}].amount");
        let row_number = (index + 1).to_string();
        let Some(invoice) = finance.invoices.get(invoice_id) else {
            push(
                &mut errors,
                &invoice_field,
                &format!("{label}: choose an invoice of this partner"),
                "validate-allocation-invoice",
                vec![("index", row_number)],
            );
            continue;
        };
        let invoice_label = format!("{label}: invoice {}", invoice.number);
        let args = || {
            vec![
                ("index", row_number.clone()),
                ("invoice", invoice.number.clone()),
            ]
        };
        if invoice.cancelled {
            push(
                &mut errors,
                &invoice_field,
                &format!("{invoice_label} is cancelled"),
                "validate-allocation-cancelled",
                args(),
            );
            continue;
        }
        if allocations.contains_key(invoice_id) {
            push(
                &mut errors,
                &invoice_field,
                &format!("{invoice_label} is allocated twice; use one row per invoice"),
                "validate-allocation-twice",
                args(),
            );
            continue;
        }
        match direction_seen {
            Some(direction) if direction != invoice.direction => push(
                &mut errors,
                &invoice_field,
                &format!(
                    "{invoice_label}: one payment cannot settle both issued and received invoices"
                ),
                "validate-allocation-direction",
                args(),
            ),
            _ => direction_seen = Some(invoice.direction),
        }
        if let Some(currency) = currency.as_deref() {
            if invoice.currency != currency {
                let mut args = args();
                args.push(("invoice_currency", invoice.currency.clone()));
                args.push(("currency", currency.to_owned()));
                push(
                    &mut errors,
                    &invoice_field,
                    &format!(
                        "{invoice_label} is in {}, the payment in {currency}",
                        invoice.currency
                    ),
                    "validate-allocation-currency",
                    args,
                );
                continue;
            }
        }
        let Some(amount) = check_amount(
            &mut errors,
            &amount_field,
            Some(index),
            &row.amount,
            Some(&invoice.currency),
        ) else {
            continue;
        };
        let open = open_minor_of(invoice_id, invoice, &finance.payments, Some(payment_id));
        if amount > open {
            let amount = format_amount(amount, &invoice.currency);
            let open = format_amount(open, &invoice.currency);
            push(
                &mut errors,
                &amount_field,
                &format!(
                    "{label}: {amount} {} is more than the {open} {} still open on invoice {}",
                    invoice.currency, invoice.currency, invoice.number
                ),
                "validate-allocation-over-open",
                vec![
                    ("index", row_number.clone()),
                    ("amount", amount),
                    ("currency", invoice.currency.clone()),
                    ("open", open),
                    ("invoice", invoice.number.clone()),
                ],
            );
            continue;
        }
        allocated_total = allocated_total.saturating_add(amount);
        allocations.insert(invoice_id.to_owned(), amount);
    }
    if let (Some(amount), Some(currency)) = (amount, currency.as_deref()) {
        if allocated_total > amount {
            let allocated = format_amount(allocated_total, currency);
            let amount = format_amount(amount, currency);
            push(
                &mut errors,
                "allocations",
                &format!(
                    "Allocations: {allocated} {currency} allocated is more than the payment of \
                     {amount} {currency}"
                ),
                "validate-allocations-over",
                vec![
                    ("allocated", allocated.clone()),
                    ("currency", currency.to_owned()),
                    ("amount", amount.clone()),
                ],
            );
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    match (date, currency, amount) {
        (Some(date), Some(currency), Some(amount_minor)) => Ok(Payment {
            date: iso_date_of_day(date),
            amount_minor,
            currency,
            method,
            allocations,
            note: draft.note.trim().to_owned(),
            created_at_ms: now_ms,
        }),
        _ => Err(errors),
    }
}

/// Checks a purchase order form and builds the order.
pub fn validate_purchase_order(
    draft: &PurchaseOrderDraft,
    now_ms: i64,
) -> Result<PurchaseOrder, Vec<FieldError>> {
    let mut errors = Vec::new();
    let number = draft.number.trim().to_owned();
    if number.is_empty() {
        push(
            &mut errors,
            "number",
            "Order number is required",
            "validate-order-number-required",
            Vec::new(),
        );
    }
    let date = check_date(&mut errors, "date", DateLabel::Order, &draft.date);
    let currency = check_currency(&mut errors, "currency", &draft.currency);
    let amount = check_amount(
        &mut errors,
        "amount",
        None,
        &draft.amount,
        currency.as_deref(),
    );
    let status_code = draft.status.trim();
    let status = if status_code.is_empty() {
        Some(PurchaseOrderStatus::Draft)
    } else {
        PurchaseOrderStatus::from_code(status_code)
    };
    if status.is_none() {
        push(
            &mut errors,
            "status",
            "Status: choose draft, sent, received or cancelled",
            "validate-order-status",
            Vec::new(),
        );
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    match (date, currency, amount, status) {
        (Some(date), Some(currency), Some(amount_minor), Some(status)) => Ok(PurchaseOrder {
            number,
            date: iso_date_of_day(date),
            amount_minor,
            currency,
            status,
            reference: draft.reference.trim().to_owned(),
            created_at_ms: now_ms,
        }),
        _ => Err(errors),
    }
}

fn push(
    errors: &mut Vec<FieldError>,
    field: &str,
    message: &str,
    key: &'static str,
    args: Vec<(&'static str, String)>,
) {
    errors.push(FieldError::keyed(field, message, key, args));
}

/// Which date of a form an error names; `code` is the `date` argument of its messages.
#[derive(Clone, Copy)]
enum DateLabel {
    Issue,
    Due,
    Payment,
    Order,
}

impl DateLabel {
    fn text(self) -> &'static str {
        match self {
            DateLabel::Issue => "Issue date",
            DateLabel::Due => "Due date",
            DateLabel::Payment => "Payment date",
            DateLabel::Order => "Order date",
        }
    }

    fn code(self) -> &'static str {
        match self {
            DateLabel::Issue => "issue",
            DateLabel::Due => "due",
            DateLabel::Payment => "payment",
            DateLabel::Order => "order",
        }
    }
}

/// The day number of a required ISO date, or an error naming `label`.
fn check_date(
    errors: &mut Vec<FieldError>,
    field: &str,
    label: DateLabel,
    raw: &str,
) -> Option<i64> {
    let text = raw.trim();
    let args = || vec![("date", label.code().to_owned())];
    if text.is_empty() {
        push(
            errors,
            field,
            &format!("{} is required", label.text()),
            "validate-date-required",
            args(),
        );
        return None;
    }
    let day = parse_iso_date(text);
    if day.is_none() {
        push(
            errors,
            field,
            &format!("{}: enter a real date as YYYY-MM-DD", label.text()),
            "validate-date-invalid",
            args(),
        );
    }
    day
}

/// The upper-cased ISO 4217 code of the form's currency, or an error.
fn check_currency(errors: &mut Vec<FieldError>, field: &str, raw: &str) -> Option<String> {
    let code = raw.trim().to_ascii_uppercase();
    if code.is_empty() {
        push(
            errors,
            field,
            "Currency is required",
            "validate-currency-required",
            Vec::new(),
        );
        None
    } else if !is_currency(&code) {
        push(
            errors,
            field,
            &format!("Currency: {code:?} is not an ISO 4217 currency code such as EUR"),
            "validate-currency-unknown",
            vec![("code", format!("{code:?}"))],
        );
        None
    } else {
        Some(code)
    }
}

/// A positive amount in minor units of `currency`, or an error naming the form's amount or,
/// with `allocation`, that allocation row (0-based). Without a valid currency the decimals
/// cannot be checked, so only the currency error is reported.
fn check_amount(
    errors: &mut Vec<FieldError>,
    field: &str,
    allocation: Option<usize>,
    raw: &str,
    currency: Option<&str>,
) -> Option<i64> {
    let (label, args, [required, zero, framed]) = match allocation {
        None => (
            "Amount".to_owned(),
            Vec::new(),
            [
                "validate-amount-required",
                "validate-amount-zero",
                "validate-amount",
            ],
        ),
        Some(index) => (
            format!("Allocation {}", index + 1),
            vec![("index", (index + 1).to_string())],
            [
                "validate-allocation-amount-required",
                "validate-allocation-amount-zero",
                "validate-allocation-amount",
            ],
        ),
    };
    if raw.trim().is_empty() {
        push(
            errors,
            field,
            &format!("{label} is required"),
            required,
            args,
        );
        return None;
    }
    let currency = currency?;
    match amount_of(raw, currency) {
        Ok(0) => {
            push(
                errors,
                field,
                &format!("{label}: enter an amount greater than zero"),
                zero,
                args,
            );
            None
        }
        Ok(minor) => Some(minor),
        Err(problem) => {
            errors.push(FieldError::framed(
                field,
                format!("{label}: {problem}"),
                framed,
                args,
                &problem,
            ));
            None
        }
    }
}

impl InvoiceDirection {
    pub const ALL: [InvoiceDirection; 2] = [InvoiceDirection::Issued, InvoiceDirection::Received];

    /// Stable machine name, used in forms and URLs.
    pub fn code(self) -> &'static str {
        match self {
            InvoiceDirection::Issued => "issued",
            InvoiceDirection::Received => "received",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|direction| direction.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            InvoiceDirection::Issued => "Issued",
            InvoiceDirection::Received => "Received",
        }
    }
}

impl PurchaseOrderStatus {
    pub const ALL: [PurchaseOrderStatus; 4] = [
        PurchaseOrderStatus::Draft,
        PurchaseOrderStatus::Sent,
        PurchaseOrderStatus::Received,
        PurchaseOrderStatus::Cancelled,
    ];

    pub fn code(self) -> &'static str {
        match self {
            PurchaseOrderStatus::Draft => "draft",
            PurchaseOrderStatus::Sent => "sent",
            PurchaseOrderStatus::Received => "received",
            PurchaseOrderStatus::Cancelled => "cancelled",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            PurchaseOrderStatus::Draft => "Draft",
            PurchaseOrderStatus::Sent => "Sent",
            PurchaseOrderStatus::Received => "Received",
            PurchaseOrderStatus::Cancelled => "Cancelled",
        }
    }
}
