//! Exchange of invoices, payments and purchase orders with inventory and purchasing systems:
//! export as CSV or JSON, and import of the same formats with every problem reported by line
//! and field before anything is stored. The format is documented in `docs/finance-exchange.md`;
//! change the two together.
//!
//! Pure, like the rest of `report`: the caller passes the clock (`now_ms`) and the source of new
//! row ids, and turns strings into files and back. Importing is three steps so that nothing is
//! half stored: [`parse_import`] reads the text into rows (syntax, columns, codes),
//! [`plan_import`] resolves partners and validates every row through the same
//! `validate_invoice`, `validate_payment` and `validate_purchase_order` as the forms, returning
//! either the complete list of changes or every error; only then does the caller store the plan
//! with [`apply_plan`], partner by partner.
//!
//! Re-importing an exported file is idempotent: exported rows carry their row id, an imported
//! row with a known id replaces that row (keeping its creation time and attachment), and a row
//! identical to the stored one is not a change at all. Invoices and purchase orders without an
//! id are matched on their number, so a system that never saw our ids does not duplicate them
//! either; payments have no natural key and are added.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde_json::Value;

use crate::model::{
    format_amount, validate_invoice, validate_payment, validate_purchase_order, AllocationDraft,
    InvoiceDirection, InvoiceDraft, PartnerFinance, PaymentDraft, PaymentMethod, PaymentTerms,
    PurchaseOrderDraft, PurchaseOrderStatus,
};
use crate::model::{Invoice, Payment, PurchaseOrder};
use crate::text::locale::Labelled;
use crate::validate::FieldError;

use super::csv::to_csv;

/// Value of the `format` key of a JSON exchange file.
pub const JSON_FORMAT: &str = "partnero-finance";
/// Value of the `version` key; bump it only with a documented change of the format.
pub const JSON_VERSION: u64 = 1;
/// Longest row id accepted on import; ours are 16 hex digits.
const MAX_ROW_ID_LEN: usize = 64;

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ExchangeKind {
    Invoices,
    Payments,
    PurchaseOrders,
}

/// How a file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExchangeFormat {
    Csv,
    Json,
}

impl ExchangeKind {
    pub const ALL: [ExchangeKind; 3] = [
        ExchangeKind::Invoices,
        ExchangeKind::Payments,
        ExchangeKind::PurchaseOrders,
    ];

    /// Stable machine name: the JSON `kind`, file names and the UI's select values.
    pub fn code(self) -> &'static str {
        match self {
            ExchangeKind::Invoices => "invoices",
            ExchangeKind::Payments => "payments",
            ExchangeKind::PurchaseOrders => "purchase_orders",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.code() == code)
    }

    /// Plural noun for sentences ("12 purchase orders").
    pub fn label(self) -> &'static str {
        match self {
            ExchangeKind::Invoices => "invoices",
            ExchangeKind::Payments => "payments",
            ExchangeKind::PurchaseOrders => "purchase orders",
        }
    }

    /// Every column, in file order.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            ExchangeKind::Invoices => &[
                "partner_id",
                "partner_tax_id",
                "partner_name",
                "invoice_id",
                "direction",
                "number",
                "issue_date",
                "due_date",
                "amount",
                "currency",
                "reference",
                "cancelled",
            ],
            ExchangeKind::Payments => &[
                "partner_id",
                "partner_tax_id",
                "partner_name",
                "payment_id",
                "date",
                "amount",
                "currency",
                "method",
                "allocations",
                "note",
            ],
            ExchangeKind::PurchaseOrders => &[
                "partner_id",
                "partner_tax_id",
                "partner_name",
                "order_id",
                "number",
                "date",
                "amount",
                "currency",
                "status",
                "reference",
            ],
        }
    }

    /// Columns an imported file must have (besides `partner_id` or `partner_tax_id`); the others
    /// may be left out and are then empty.
    pub fn required_columns(self) -> &'static [&'static str] {
        match self {
            ExchangeKind::Invoices => &["direction", "number", "issue_date", "amount", "currency"],
            ExchangeKind::Payments => &["date", "amount", "currency"],
            ExchangeKind::PurchaseOrders => &["number", "date", "amount", "currency"],
        }
    }

    /// The column holding the row id.
    pub fn id_column(self) -> &'static str {
        match self {
            ExchangeKind::Invoices => "invoice_id",
            ExchangeKind::Payments => "payment_id",
            ExchangeKind::PurchaseOrders => "order_id",
        }
    }
}

impl ExchangeFormat {
    /// File name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExchangeFormat::Csv => "csv",
            ExchangeFormat::Json => "json",
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            ExchangeFormat::Csv => "text/csv;charset=utf-8",
            ExchangeFormat::Json => "application/json",
        }
    }

    /// The format of a picked file: by its name's extension, else by its first character (a
    /// JSON file opens with `{`).
    pub fn detect(file_name: &str, text: &str) -> Self {
        let lower = file_name.to_ascii_lowercase();
        if lower.ends_with(".json") {
            ExchangeFormat::Json
        } else if lower.ends_with(".csv") {
            ExchangeFormat::Csv
        } else if text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with('{')
        {
            ExchangeFormat::Json
        } else {
            ExchangeFormat::Csv
        }
    }
}

/// The download name of an export made on `today` (ISO date): `partnero-invoices-2026-11-27.csv`.
pub fn file_name(kind: ExchangeKind, format: ExchangeFormat, today: &str) -> String {
    format!(
        "partnero-{}-{today}.{}",
        kind.code().replace('_', "-"),
        format.extension()
    )
}

/// One problem of an imported file. `line` is the 1-based CSV line where the record starts, or
/// the 1-based index of the row in the JSON `rows` array; 0 for the file as a whole. `field` is
/// the column (or JSON key); empty when the problem is the line itself.
///
/// Like a form's [`FieldError`], the problem travels as data next to its English sentence: a
/// Fluent `key` with its `args`, which the interface formats in the chosen language (the line
/// and column around it are the interface's own words). The keys are `validate-exchange-…`
/// (`locales/*/finance.ftl`); a form error the planner passes on keeps the form's own key
/// (`locales/*/validate.ftl`). An argument whose value is `@` and a key is a nested message,
/// resolved as [`FieldError`] explains: a JSON type ("an array"), the kind of file (its name in
/// `labels.ftl`), or the problem inside a form error whose label the column already names.
/// `tests/import_messages.rs` checks that the English message formats to exactly `message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub line: usize,
    pub field: String,
    /// The problem in English: what logs, CSV error columns and tests read.
    pub message: String,
    /// The Fluent message that says `message` in the interface's language; "" for none, and
    /// the interface then shows `message`.
    pub key: &'static str,
    /// The message's variables; whole numbers written canonically are numbers (plurals).
    pub args: Vec<(&'static str, String)>,
}

impl fmt::Display for ImportError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.field.is_empty()) {
            (0, true) => write!(formatter, "{}", self.message),
            (0, false) => write!(formatter, "{}: {}", self.field, self.message),
            (line, true) => write!(formatter, "line {line}: {}", self.message),
            (line, false) => write!(formatter, "line {line}, {}: {}", self.field, self.message),
        }
    }
}

/// An import error: where, the Fluent message with its arguments, and the same in English.
fn error(
    line: usize,
    field: &str,
    key: &'static str,
    args: Vec<(&'static str, String)>,
    message: impl Into<String>,
) -> ImportError {
    ImportError {
        line,
        field: field.to_owned(),
        message: message.into(),
        key,
        args,
    }
}

/// One parsed row, not yet validated: the form draft as the file spelled it, plus whom and which
/// stored row it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    /// Where it came from, for error messages (see [`ImportError::line`]).
    pub line: usize,
    pub partner_id: String,
    pub partner_tax_id: String,
    /// The exported row id; empty for a new row (or one matched by number).
    pub row_id: String,
    pub record: ImportRecord,
}

/// The draft of one imported row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportRecord {
    Invoice(InvoiceDraft),
    /// Allocation `invoice_id`s are as written: an invoice row id or an invoice number.
    Payment(PaymentDraft),
    PurchaseOrder(PurchaseOrderDraft),
}

impl ImportRecord {
    fn kind(&self) -> ExchangeKind {
        match self {
            ImportRecord::Invoice(_) => ExchangeKind::Invoices,
            ImportRecord::Payment(_) => ExchangeKind::Payments,
            ImportRecord::PurchaseOrder(_) => ExchangeKind::PurchaseOrders,
        }
    }
}

/// A partner as the import matches it: by document id, or by tax id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportPartner {
    pub id: String,
    /// For messages about ambiguous tax ids.
    pub name: String,
    pub tax_country: String,
    pub tax_number: String,
    /// Used for the due date of invoices imported without one.
    pub terms: PaymentTerms,
}

/// One stored row to insert or replace, under its row id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Invoice { id: String, invoice: Invoice },
    Payment { id: String, payment: Payment },
    PurchaseOrder { id: String, order: PurchaseOrder },
}

/// How many rows an import writes, per kind and in total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportCounts {
    pub invoices: usize,
    pub payments: usize,
    pub purchase_orders: usize,
    /// Rows that are new.
    pub created: usize,
    /// Rows that replace a stored row with different values.
    pub updated: usize,
    /// Rows identical to what is stored: no change.
    pub unchanged: usize,
    /// Partners with at least one change.
    pub partners: usize,
}

/// A fully validated import: the changes per partner document id, in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportPlan {
    pub per_partner: BTreeMap<String, Vec<Change>>,
    pub counts: ImportCounts,
}

/// How a partner's tax id is written in exports: the country code followed by the number,
/// unless the number already starts with it (`DE123456789`); empty without a number.
pub fn tax_id_text(country: &str, number: &str) -> String {
    let number = number.trim();
    let country = country.trim().to_ascii_uppercase();
    if number.is_empty() {
        String::new()
    } else if number.to_ascii_uppercase().starts_with(&country) {
        number.to_owned()
    } else {
        format!("{country}{number}")
    }
}

// ---------------------------------------------------------------------------------------------
// Export

/// A value of an exported row: most are text; allocations and the cancelled flag are written
/// differently in CSV and JSON.
enum Cell {
    Text(String),
    Flag(bool),
    Allocations(Vec<(String, String)>),
}

type ExportRow<'a> = (&'a str, &'a str, &'a str, &'a PartnerFinance);

/// The rows of `kind`, each as its cells in column order. Partners in the order given, rows in
/// row id order (the maps' order), so an export of the same data is the same file.
fn export_cells<'a>(
    kind: ExchangeKind,
    rows: impl IntoIterator<Item = ExportRow<'a>>,
) -> Vec<Vec<Cell>> {
    let text = |value: &str| Cell::Text(value.to_owned());
    let mut out = Vec::new();
    for (partner_id, tax_id, name, finance) in rows {
        let partner = || vec![text(partner_id), text(tax_id), text(name)];
        match kind {
            ExchangeKind::Invoices => {
                for (id, invoice) in &finance.invoices {
                    let mut cells = partner();
                    cells.extend([
                        text(id),
                        text(invoice.direction.code()),
                        text(&invoice.number),
                        text(&invoice.issue_date),
                        text(&invoice.due_date),
                        Cell::Text(format_amount(invoice.amount_minor, &invoice.currency)),
                        text(&invoice.currency),
                        text(&invoice.reference),
                        Cell::Flag(invoice.cancelled),
                    ]);
                    out.push(cells);
                }
            }
            ExchangeKind::Payments => {
                for (id, payment) in &finance.payments {
                    let allocations = payment
                        .allocations
                        .iter()
                        .map(|(invoice, minor)| {
                            (invoice.clone(), format_amount(*minor, &payment.currency))
                        })
                        .collect();
                    let mut cells = partner();
                    cells.extend([
                        text(id),
                        text(&payment.date),
                        Cell::Text(format_amount(payment.amount_minor, &payment.currency)),
                        text(&payment.currency),
                        text(payment.method.code()),
                        Cell::Allocations(allocations),
                        text(&payment.note),
                    ]);
                    out.push(cells);
                }
            }
            ExchangeKind::PurchaseOrders => {
                for (id, order) in &finance.purchase_orders {
                    let mut cells = partner();
                    cells.extend([
                        text(id),
                        text(&order.number),
                        text(&order.date),
                        Cell::Text(format_amount(order.amount_minor, &order.currency)),
                        text(&order.currency),
                        text(order.status.code()),
                        text(&order.reference),
                    ]);
                    out.push(cells);
                }
            }
        }
    }
    out
}

/// The rows of `kind` as CSV (RFC 4180, CRLF, header line first). Each item of `rows` is a
/// partner's document id, tax id (see [`tax_id_text`]), display name and finance.
pub fn export_csv<'a>(kind: ExchangeKind, rows: impl IntoIterator<Item = ExportRow<'a>>) -> String {
    let lines: Vec<Vec<String>> = export_cells(kind, rows)
        .into_iter()
        .map(|cells| {
            cells
                .into_iter()
                .map(|cell| match cell {
                    Cell::Text(text) => text,
                    Cell::Flag(flag) => flag.to_string(),
                    Cell::Allocations(allocations) => allocations
                        .iter()
                        .map(|(invoice, amount)| format!("{invoice}:{amount}"))
                        .collect::<Vec<_>>()
                        .join(";"),
                })
                .collect()
        })
        .collect();
    to_csv(kind.columns(), &lines)
}

/// The rows of `kind` as JSON: `{"format":"partnero-finance","version":1,"kind":…,"rows":[…]}`
/// with one row object per line and its keys in column order. Amounts are decimal strings,
/// never numbers, so no reader turns cents into binary fractions.
pub fn export_json<'a>(
    kind: ExchangeKind,
    rows: impl IntoIterator<Item = ExportRow<'a>>,
) -> String {
    let quoted = |text: &str| Value::String(text.to_owned()).to_string();
    let mut out = format!(
        "{{\"format\":{},\"version\":{JSON_VERSION},\"kind\":{},\"rows\":[",
        quoted(JSON_FORMAT),
        quoted(kind.code())
    );
    for (index, cells) in export_cells(kind, rows).into_iter().enumerate() {
        out.push_str(if index == 0 { "\n{" } else { ",\n{" });
        for (column_index, (column, cell)) in kind.columns().iter().zip(cells).enumerate() {
            if column_index > 0 {
                out.push(',');
            }
            out.push_str(&quoted(column));
            out.push(':');
            match cell {
                Cell::Text(text) => out.push_str(&quoted(&text)),
                Cell::Flag(flag) => out.push_str(&flag.to_string()),
                Cell::Allocations(allocations) => {
                    out.push('[');
                    for (allocation_index, (invoice, amount)) in allocations.iter().enumerate() {
                        if allocation_index > 0 {
                            out.push(',');
                        }
                        out.push_str(&format!(
                            "{{\"invoice_id\":{},\"amount\":{}}}",
                            quoted(invoice),
                            quoted(amount)
                        ));
                    }
                    out.push(']');
                }
            }
        }
        out.push('}');
    }
    out.push_str("\n]}\n");
    out
}

// ---------------------------------------------------------------------------------------------
// Reading files

/// One CSV record and the line it starts on.
struct CsvRecord {
    line: usize,
    fields: Vec<String>,
}

/// Reads RFC 4180 CSV: fields separated by commas, records by CRLF or LF, a field quoted when it
/// holds commas, quotes or line breaks, with inner quotes doubled; a UTF-8 byte-order mark at the
/// start is skipped (our own downloads carry one for spreadsheets), and so are blank lines.
/// Hand-written like the writer in `report::csv` (a few dozen lines, and no dependency in the
/// browser bundle). Stops at the first malformed quote, since everything after it would be
/// misread.
fn read_csv(text: &str) -> Result<Vec<CsvRecord>, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut chars = text.chars().peekable();
    let mut records = Vec::new();
    let mut line = 1;
    while chars.peek().is_some() {
        let start = line;
        let mut fields = Vec::new();
        let mut any_quoted = false;
        loop {
            let mut field = String::new();
            if chars.peek() == Some(&'"') {
                any_quoted = true;
                chars.next();
                let opened_on = line;
                loop {
                    match chars.next() {
                        None => {
                            return Err(error(
                                opened_on,
                                "",
                                "validate-exchange-quote-unclosed",
                                Vec::new(),
                                "a quoted field is never closed; add the closing \"",
                            ))
                        }
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        Some('"') => break,
                        Some('\n') => {
                            line += 1;
                            field.push('\n');
                        }
                        Some(other) => field.push(other),
                    }
                }
                if !matches!(chars.peek(), None | Some(',' | '\r' | '\n')) {
                    return Err(error(
                        line,
                        "",
                        "validate-exchange-quote-text-after",
                        Vec::new(),
                        "text after a closing quote; quote the whole field and double the quotes inside it",
                    ));
                }
            } else {
                while let Some(&next) = chars.peek() {
                    match next {
                        ',' | '\r' | '\n' => break,
                        '"' => {
                            return Err(error(
                                line,
                                "",
                                "validate-exchange-quote-inside",
                                Vec::new(),
                                "a quote inside an unquoted field; quote the whole field and double the quotes inside it",
                            ))
                        }
                        other => {
                            field.push(other);
                            chars.next();
                        }
                    }
                }
            }
            fields.push(field);
            match chars.next() {
                Some(',') => continue,
                Some('\r') => {
                    if chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    line += 1;
                    break;
                }
                Some('\n') => {
                    line += 1;
                    break;
                }
                _ => break,
            }
        }
        let blank = !any_quoted && fields.len() == 1 && fields[0].trim().is_empty();
        if !blank {
            records.push(CsvRecord {
                line: start,
                fields,
            });
        }
    }
    Ok(records)
}

/// A row as read from either format, before its codes are checked.
struct RawRow {
    line: usize,
    values: BTreeMap<&'static str, String>,
    /// Allocations given as a JSON array (in CSV they are text in `values`).
    allocations: Option<Vec<AllocationDraft>>,
}

/// Checks a header (CSV) or a row's keys (JSON): no unknown or repeated column, every required
/// one present, and a way to find the partner. Returns the known column of each name. `what` is
/// "column" or "key", also the `what` argument the messages select on.
fn check_columns<'n>(
    kind: ExchangeKind,
    line: usize,
    names: impl IntoIterator<Item = &'n str>,
    errors: &mut Vec<ImportError>,
    what: &str,
) -> Vec<Option<&'static str>> {
    let mut seen = BTreeSet::new();
    let mut known = Vec::new();
    for name in names {
        let name = name.trim();
        match kind.columns().iter().find(|column| **column == name) {
            Some(column) => {
                if !seen.insert(*column) {
                    errors.push(error(
                        line,
                        column,
                        "validate-exchange-column-twice",
                        vec![("what", what.to_owned())],
                        format!("the {what} appears twice"),
                    ));
                }
                known.push(Some(*column));
            }
            None => {
                errors.push(error(
                    line,
                    name,
                    "validate-exchange-column-unknown",
                    vec![
                        ("what", what.to_owned()),
                        ("kind", format!("@{}", kind.label_key())),
                        ("columns", kind.columns().join(", ")),
                    ],
                    format!(
                        "unknown {what}; {} files have {}",
                        kind.label(),
                        kind.columns().join(", ")
                    ),
                ));
                known.push(None);
            }
        }
    }
    for column in kind.required_columns() {
        if !seen.contains(column) {
            errors.push(error(
                line,
                column,
                "validate-exchange-column-required",
                vec![("what", what.to_owned())],
                format!("required {what} is missing"),
            ));
        }
    }
    if !seen.contains("partner_id") && !seen.contains("partner_tax_id") {
        errors.push(error(
            line,
            "partner_id",
            "validate-exchange-column-partner",
            vec![("what", what.to_owned())],
            format!("required {what} is missing: give partner_id or partner_tax_id"),
        ));
    }
    known
}

fn csv_rows(kind: ExchangeKind, text: &str) -> Result<Vec<RawRow>, Vec<ImportError>> {
    let records = read_csv(text).map_err(|problem| vec![problem])?;
    let Some((header, body)) = records.split_first() else {
        return Err(vec![error(
            1,
            "",
            "validate-exchange-empty",
            vec![("columns", kind.columns().join(","))],
            format!(
                "the file is empty; the first line must name the columns: {}",
                kind.columns().join(",")
            ),
        )]);
    };
    let mut errors = Vec::new();
    let columns = check_columns(
        kind,
        header.line,
        header.fields.iter().map(String::as_str),
        &mut errors,
        "column",
    );
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut rows = Vec::new();
    for record in body {
        if record.fields.len() != columns.len() {
            let expected = columns.len();
            // A header has at least the required columns, but the sentence stays right anyway.
            let noun = if expected == 1 { "field" } else { "fields" };
            errors.push(error(
                record.line,
                "",
                "validate-exchange-field-count",
                vec![
                    ("expected", expected.to_string()),
                    ("found", record.fields.len().to_string()),
                ],
                format!(
                    "expected {expected} {noun} as in the header, found {}",
                    record.fields.len()
                ),
            ));
            continue;
        }
        let values = columns
            .iter()
            .zip(&record.fields)
            .filter_map(|(column, value)| column.map(|column| (column, value.clone())))
            .collect();
        rows.push(RawRow {
            line: record.line,
            values,
            allocations: None,
        });
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

/// The description of a JSON value's type, for messages: in English, and the key of the same
/// words (`validate-exchange-json-…`).
fn json_type(value: &Value) -> (&'static str, &'static str) {
    match value {
        Value::Null => ("null", "validate-exchange-json-null"),
        Value::Bool(_) => ("true or false", "validate-exchange-json-bool"),
        Value::Number(_) => ("a number", "validate-exchange-json-number"),
        Value::String(_) => ("a string", "validate-exchange-json-string"),
        Value::Array(_) => ("an array", "validate-exchange-json-array"),
        Value::Object(_) => ("an object", "validate-exchange-json-object"),
    }
}

/// A "found …" error about a JSON value of the wrong type: `key` with the value's type as the
/// nested argument `found`, and `english` with `{}` replaced by the type in English.
fn wrong_type(
    line: usize,
    field: &str,
    key: &'static str,
    english: &str,
    value: &Value,
) -> ImportError {
    let (words, words_key) = json_type(value);
    error(
        line,
        field,
        key,
        vec![("found", format!("@{words_key}"))],
        english.replace("{}", words),
    )
}

/// A key of the JSON file's top level that is not there.
fn missing(field: &str) -> ImportError {
    error(0, field, "validate-exchange-missing", Vec::new(), "missing")
}

fn json_rows(kind: ExchangeKind, text: &str) -> Result<Vec<RawRow>, Vec<ImportError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let root: Value = serde_json::from_str(text).map_err(|problem| {
        // serde_json's own description stays in English: it has no other.
        vec![error(
            0,
            "",
            "validate-exchange-json-invalid",
            vec![
                ("line", problem.line().to_string()),
                ("column", problem.column().to_string()),
                ("reason", problem.to_string()),
            ],
            format!(
                "not valid JSON at line {}, column {}: {problem}",
                problem.line(),
                problem.column()
            ),
        )]
    })?;
    let Value::Object(root) = root else {
        let (words, words_key) = json_type(&root);
        return Err(vec![error(
            0,
            "",
            "validate-exchange-json-not-object",
            vec![
                ("format", JSON_FORMAT.to_owned()),
                ("found", format!("@{words_key}")),
            ],
            format!("expected an object with \"format\": \"{JSON_FORMAT}\", found {words}"),
        )]);
    };
    let mut errors = Vec::new();
    match root.get("format") {
        Some(Value::String(format)) if format == JSON_FORMAT => {}
        Some(other) => errors.push(error(
            0,
            "format",
            "validate-exchange-format-wrong",
            vec![
                ("format", JSON_FORMAT.to_owned()),
                ("found", other.to_string()),
            ],
            format!("expected \"{JSON_FORMAT}\", found {other}"),
        )),
        None => errors.push(error(
            0,
            "format",
            "validate-exchange-format-missing",
            vec![("format", JSON_FORMAT.to_owned())],
            format!("missing; a Partnero finance file has \"format\": \"{JSON_FORMAT}\""),
        )),
    }
    match root.get("version") {
        Some(version) if version.as_u64() == Some(JSON_VERSION) => {}
        Some(other) => errors.push(error(
            0,
            "version",
            "validate-exchange-version",
            vec![
                ("version", other.to_string()),
                ("supported", JSON_VERSION.to_string()),
            ],
            format!("version {other} is not supported; this app reads version {JSON_VERSION}"),
        )),
        None => errors.push(missing("version")),
    }
    match root.get("kind") {
        Some(Value::String(code)) if code == kind.code() => {}
        Some(other) => errors.push(error(
            0,
            "kind",
            "validate-exchange-kind-wrong",
            vec![
                ("found", other.to_string()),
                ("kind", format!("@{}", kind.label_key())),
            ],
            format!("the file holds {other}, but {} were chosen", kind.label()),
        )),
        None => errors.push(missing("kind")),
    }
    let rows = match root.get("rows") {
        Some(Value::Array(rows)) => rows.as_slice(),
        Some(other) => {
            errors.push(wrong_type(
                0,
                "rows",
                "validate-exchange-rows-not-array",
                "expected an array, found {}",
                other,
            ));
            &[]
        }
        None => {
            errors.push(missing("rows"));
            &[]
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut raw_rows = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        let line = index + 1;
        let Value::Object(object) = row else {
            errors.push(wrong_type(
                line,
                "",
                "validate-exchange-row-not-object",
                "expected an object, found {}",
                row,
            ));
            continue;
        };
        let columns = check_columns(
            kind,
            line,
            object.keys().map(String::as_str),
            &mut errors,
            "key",
        );
        let mut values = BTreeMap::new();
        let mut allocations = None;
        for (column, value) in columns.iter().zip(object.values()) {
            let Some(column) = *column else { continue };
            match (column, value) {
                (_, Value::String(text)) => {
                    values.insert(column, text.clone());
                }
                (_, Value::Null) => {
                    values.insert(column, String::new());
                }
                ("cancelled", Value::Bool(flag)) => {
                    values.insert(column, flag.to_string());
                }
                ("allocations", Value::Array(items)) => {
                    allocations = Some(json_allocations(line, items, &mut errors));
                }
                (_, other) => errors.push(wrong_type(
                    line,
                    column,
                    "validate-exchange-value-not-string",
                    "expected a string (amounts too, such as \"12.50\"), found {}",
                    other,
                )),
            }
        }
        raw_rows.push(RawRow {
            line,
            values,
            allocations,
        });
    }
    if errors.is_empty() {
        Ok(raw_rows)
    } else {
        Err(errors)
    }
}

fn json_allocations(
    line: usize,
    items: &[Value],
    errors: &mut Vec<ImportError>,
) -> Vec<AllocationDraft> {
    let mut allocations = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let invoice_id = item.get("invoice_id").and_then(Value::as_str);
        let amount = item.get("amount").and_then(Value::as_str);
        let extra = item.as_object().is_some_and(|object| object.len() != 2);
        match (invoice_id, amount) {
            (Some(invoice_id), Some(amount)) if !extra => allocations.push(AllocationDraft {
                invoice_id: invoice_id.to_owned(),
                amount: amount.to_owned(),
            }),
            _ => errors.push(error(
                line,
                "allocations",
                "validate-exchange-allocation-json",
                vec![("index", (index + 1).to_string())],
                format!(
                    "allocation {}: expected {{\"invoice_id\": \"…\", \"amount\": \"12.50\"}} with both as strings",
                    index + 1
                ),
            )),
        }
    }
    allocations
}

/// `invoice_id:amount;invoice_id:amount` as written in CSV.
fn csv_allocations(line: usize, text: &str, errors: &mut Vec<ImportError>) -> Vec<AllocationDraft> {
    let mut allocations = Vec::new();
    for (index, part) in text
        .split(';')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .enumerate()
    {
        match part.rsplit_once(':') {
            Some((invoice_id, amount)) if !invoice_id.trim().is_empty() => {
                allocations.push(AllocationDraft {
                    invoice_id: invoice_id.trim().to_owned(),
                    amount: amount.trim().to_owned(),
                })
            }
            _ => errors.push(error(
                line,
                "allocations",
                "validate-exchange-allocation-csv",
                vec![
                    ("index", (index + 1).to_string()),
                    ("value", format!("{part:?}")),
                ],
                format!(
                    "allocation {} {part:?}: write invoice_id:amount, several separated by ;",
                    index + 1
                ),
            )),
        }
    }
    allocations
}

/// Accepts `true`, `false` (any case) or nothing (false).
fn parse_flag(line: usize, field: &str, text: &str, errors: &mut Vec<ImportError>) -> bool {
    match text.trim().to_ascii_lowercase().as_str() {
        "" | "false" => false,
        "true" => true,
        other => {
            errors.push(error(
                line,
                field,
                "validate-exchange-flag",
                vec![("value", format!("{other:?}"))],
                format!("{other:?} is neither true nor false"),
            ));
            false
        }
    }
}

/// A code column, lower-cased, or an error listing the codes: `allowed` in English, and the
/// column's own message `key` (the codes are the file's, so every language lists them as
/// they are).
fn parse_code<T>(
    line: usize,
    field: &str,
    text: &str,
    parse: impl Fn(&str) -> Option<T>,
    (allowed, key): (&str, &'static str),
    errors: &mut Vec<ImportError>,
) -> String {
    let code = text.trim().to_ascii_lowercase();
    if parse(&code).is_none() {
        errors.push(error(
            line,
            field,
            key,
            vec![("value", format!("{code:?}"))],
            format!("unknown {field} {code:?}; use {allowed}"),
        ));
    }
    code
}

fn build_row(kind: ExchangeKind, raw: RawRow, errors: &mut Vec<ImportError>) -> ImportRow {
    let line = raw.line;
    let mut values = raw.values;
    let mut take = |column: &str| values.remove(column).unwrap_or_default();
    let partner_id = take("partner_id").trim().to_owned();
    let partner_tax_id = take("partner_tax_id").trim().to_owned();
    // Informational only: partners are matched by id or tax id, never by name.
    let _ = take("partner_name");
    let row_id = take(kind.id_column()).trim().to_owned();
    if partner_id.is_empty() && partner_tax_id.is_empty() {
        errors.push(error(
            line,
            "partner_id",
            "validate-exchange-partner-missing",
            Vec::new(),
            "give the partner's partner_id or partner_tax_id",
        ));
    }
    let id_ok = row_id.len() <= MAX_ROW_ID_LEN
        && row_id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if !id_ok {
        errors.push(error(
            line,
            kind.id_column(),
            "validate-exchange-row-id",
            vec![("max", MAX_ROW_ID_LEN.to_string())],
            format!("row ids use letters, digits, '-', '_' and '.', at most {MAX_ROW_ID_LEN}"),
        ));
    }
    let record = match kind {
        ExchangeKind::Invoices => {
            let direction = parse_code(
                line,
                "direction",
                &take("direction"),
                InvoiceDirection::from_code,
                ("issued or received", "validate-exchange-direction-unknown"),
                errors,
            );
            let cancelled = parse_flag(line, "cancelled", &take("cancelled"), errors);
            ImportRecord::Invoice(InvoiceDraft {
                direction,
                number: take("number"),
                issue_date: take("issue_date"),
                due_date: take("due_date"),
                amount: take("amount"),
                currency: take("currency"),
                reference: take("reference"),
                attachment: None,
                cancelled,
            })
        }
        ExchangeKind::Payments => {
            let method = parse_code(
                line,
                "method",
                &take("method"),
                PaymentMethod::from_code,
                (
                    "bank_transfer, direct_debit, card, cash, cheque or nothing",
                    "validate-exchange-method-unknown",
                ),
                errors,
            );
            let allocations = match raw.allocations {
                Some(allocations) => allocations,
                None => csv_allocations(line, &take("allocations"), errors),
            };
            ImportRecord::Payment(PaymentDraft {
                date: take("date"),
                amount: take("amount"),
                currency: take("currency"),
                method,
                allocations,
                note: take("note"),
            })
        }
        ExchangeKind::PurchaseOrders => {
            let status = parse_code(
                line,
                "status",
                &take("status"),
                |code| {
                    if code.is_empty() {
                        Some(PurchaseOrderStatus::Draft)
                    } else {
                        PurchaseOrderStatus::from_code(code)
                    }
                },
                (
                    "draft, sent, received or cancelled",
                    "validate-exchange-status-unknown",
                ),
                errors,
            );
            ImportRecord::PurchaseOrder(PurchaseOrderDraft {
                number: take("number"),
                date: take("date"),
                amount: take("amount"),
                currency: take("currency"),
                status,
                reference: take("reference"),
            })
        }
    };
    ImportRow {
        line,
        partner_id,
        partner_tax_id,
        row_id,
        record,
    }
}

/// Reads an exchange file of `kind`: columns, syntax and codes. Values that need the partner or
/// the stored finance (amounts in their currency, dates, allocations) are checked by
/// [`plan_import`]. Returns every row, or every error found.
pub fn parse_import(
    kind: ExchangeKind,
    text: &str,
    format: ExchangeFormat,
) -> Result<Vec<ImportRow>, Vec<ImportError>> {
    let raw_rows = match format {
        ExchangeFormat::Csv => csv_rows(kind, text)?,
        ExchangeFormat::Json => json_rows(kind, text)?,
    };
    let mut errors = Vec::new();
    let rows: Vec<ImportRow> = raw_rows
        .into_iter()
        .map(|raw| build_row(kind, raw, &mut errors))
        .collect();
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

// ---------------------------------------------------------------------------------------------
// Planning

/// A tax id reduced to upper-case letters and digits, so `DE 123.456.789` matches `DE123456789`.
fn tax_key(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Finds partners by document id or tax id.
struct PartnerIndex<'a> {
    by_id: BTreeMap<&'a str, &'a ImportPartner>,
    by_tax: BTreeMap<String, Vec<&'a ImportPartner>>,
}

impl<'a> PartnerIndex<'a> {
    fn new(partners: &'a [ImportPartner]) -> Self {
        let mut by_id = BTreeMap::new();
        let mut by_tax: BTreeMap<String, Vec<&ImportPartner>> = BTreeMap::new();
        for partner in partners {
            by_id.insert(partner.id.as_str(), partner);
            let number = tax_key(&partner.tax_number);
            if number.is_empty() {
                continue;
            }
            let full = tax_key(&tax_id_text(&partner.tax_country, &partner.tax_number));
            let keys: BTreeSet<String> = [number, full].into_iter().collect();
            for key in keys {
                by_tax.entry(key).or_default().push(partner);
            }
        }
        Self { by_id, by_tax }
    }

    /// The row's partner: by id when the id is one of ours, else by tax id (a file from another
    /// system or workspace carries ids we do not know but tax ids we do).
    fn resolve(&self, row: &ImportRow) -> Result<&'a ImportPartner, ImportError> {
        if let Some(partner) = self.by_id.get(row.partner_id.as_str()) {
            return Ok(partner);
        }
        if row.partner_tax_id.is_empty() {
            return Err(error(
                row.line,
                "partner_id",
                "validate-exchange-partner-unknown-id",
                vec![("id", format!("{:?}", row.partner_id))],
                format!(
                    "no partner has id {:?}; give an existing partner_id or the partner_tax_id",
                    row.partner_id
                ),
            ));
        }
        match self
            .by_tax
            .get(&tax_key(&row.partner_tax_id))
            .map(Vec::as_slice)
        {
            Some([partner]) => Ok(partner),
            Some(several) if several.len() > 1 => {
                let names = several
                    .iter()
                    .map(|partner| partner.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                Err(error(
                    row.line,
                    "partner_tax_id",
                    "validate-exchange-partner-ambiguous",
                    vec![
                        ("count", several.len().to_string()),
                        ("tax_id", format!("{:?}", row.partner_tax_id)),
                        ("names", names.clone()),
                    ],
                    format!(
                        "{} partners have tax id {:?} ({names}); give the partner_id",
                        several.len(),
                        row.partner_tax_id,
                    ),
                ))
            }
            _ => Err(error(
                row.line,
                "partner_tax_id",
                "validate-exchange-partner-unknown-tax-id",
                vec![("tax_id", format!("{:?}", row.partner_tax_id))],
                format!("no partner has tax id {:?}", row.partner_tax_id),
            )),
        }
    }
}

/// A form error as an import error: the form's field path (`allocations[1].amount`) becomes the
/// column (`allocations`), and the form label in front of the message (`Amount: …`) goes, since
/// the column already names it. Allocation messages keep theirs ("Allocation 2: …").
///
/// An error kept whole keeps the form's key and arguments (`validate.ftl`); one without its
/// label needs a message without it (see [`unlabelled_key`]), with the same arguments.
fn from_field_error(line: usize, field_error: FieldError) -> ImportError {
    let field = field_error
        .field
        .split(['[', '.'])
        .next()
        .unwrap_or_default()
        .to_owned();
    let (message, key) = match field_error.message.split_once(": ") {
        Some((label, rest))
            if field != "allocations" && label.chars().all(|c| c.is_alphabetic() || c == ' ') =>
        {
            (rest.to_owned(), unlabelled_key(&field_error))
        }
        _ => (field_error.message, field_error.key),
    };
    ImportError {
        line,
        field,
        message,
        key,
        args: field_error.args,
    }
}

/// The message that says a labelled form error ("Amount: …") without its label. A framed error
/// is its problem, which it carries as the nested argument `problem` (see [`FieldError`]), so
/// `validate-exchange-problem` shows just that argument; the others have a message of their own
/// in `finance.ftl`. "" for an error this list misses: the interface then shows the English,
/// and `tests/import_messages.rs` fails.
fn unlabelled_key(error: &FieldError) -> &'static str {
    let framed =
        (error.args.iter()).any(|(name, value)| *name == "problem" && value.starts_with('@'));
    if framed {
        return "validate-exchange-problem";
    }
    match error.key {
        "validate-invoice-direction" => "validate-exchange-direction-choose",
        "validate-payment-method-choose" => "validate-exchange-method-choose",
        "validate-order-status" => "validate-exchange-status-choose",
        "validate-date-invalid" => "validate-exchange-date-invalid",
        "validate-currency-unknown" => "validate-exchange-currency-unknown",
        "validate-amount-zero" => "validate-exchange-amount-zero",
        _ => "",
    }
}

/// Where a row goes: its partner's working finance and the plan.
struct Planner<'a> {
    finances: &'a BTreeMap<String, PartnerFinance>,
    /// Each touched partner's finance with the changes planned so far, so later rows (payments
    /// allocated to invoices of the same import, two payments to one invoice) see them.
    working: BTreeMap<String, PartnerFinance>,
    plan: ImportPlan,
    /// (partner, kind, row id) -> line, to refuse one row twice in an import.
    seen: BTreeMap<(String, ExchangeKind, String), usize>,
}

impl Planner<'_> {
    fn finance(&mut self, partner: &str) -> &mut PartnerFinance {
        let stored = self.finances;
        self.working.entry(partner.to_owned()).or_insert_with(|| {
            stored
                .get(partner)
                .cloned()
                .unwrap_or_else(|| PartnerFinance::new(partner))
        })
    }

    /// Records that `row` writes row `id`; an error if the import already wrote it.
    fn claim(&mut self, partner: &str, row: &ImportRow, id: &str) -> Result<(), ImportError> {
        let kind = row.record.kind();
        let key = (partner.to_owned(), kind, id.to_owned());
        if let Some(first) = self.seen.insert(key, row.line) {
            let field = if row.row_id.is_empty() {
                "number"
            } else {
                kind.id_column()
            };
            return Err(error(
                row.line,
                field,
                "validate-exchange-row-twice",
                vec![("first", first.to_string())],
                format!("the same row as on line {first}; each row may appear once"),
            ));
        }
        Ok(())
    }

    /// Adds the change unless the stored row is already identical.
    fn record(&mut self, partner: &str, existed: bool, same: bool, change: Change) {
        if same {
            self.plan.counts.unchanged += 1;
            return;
        }
        if existed {
            self.plan.counts.updated += 1;
        } else {
            self.plan.counts.created += 1;
        }
        match &change {
            Change::Invoice { .. } => self.plan.counts.invoices += 1,
            Change::Payment { .. } => self.plan.counts.payments += 1,
            Change::PurchaseOrder { .. } => self.plan.counts.purchase_orders += 1,
        }
        apply_plan(self.finance(partner), std::slice::from_ref(&change));
        self.plan
            .per_partner
            .entry(partner.to_owned())
            .or_default()
            .push(change);
    }
}

/// Resolves, validates and plans imported rows. `partners` are the partners rows may name;
/// `finances` the stored finance per partner id (absent: none yet); `now_ms` becomes the creation
/// time of new rows; `new_row_id` names rows that neither carry an id nor match a stored row by
/// number. Rows may mix kinds (say the rows of an invoices file and of a payments file): invoices
/// are planned first, so payments can be allocated to invoices of the same import.
///
/// All or nothing: any error and the result is every error, sorted by line, with no plan.
pub fn plan_import(
    rows: &[ImportRow],
    partners: &[ImportPartner],
    finances: &BTreeMap<String, PartnerFinance>,
    now_ms: i64,
    new_row_id: &mut dyn FnMut() -> String,
) -> Result<ImportPlan, Vec<ImportError>> {
    let index = PartnerIndex::new(partners);
    let mut planner = Planner {
        finances,
        working: BTreeMap::new(),
        plan: ImportPlan::default(),
        seen: BTreeMap::new(),
    };
    let mut errors = Vec::new();
    let mut ordered: Vec<&ImportRow> = rows.iter().collect();
    ordered.sort_by_key(|row| row.record.kind());
    for row in ordered {
        let partner = match index.resolve(row) {
            Ok(partner) => partner,
            Err(problem) => {
                errors.push(problem);
                continue;
            }
        };
        let result = match &row.record {
            ImportRecord::Invoice(draft) => {
                plan_invoice(&mut planner, partner, row, draft, now_ms, new_row_id)
            }
            ImportRecord::Payment(draft) => {
                plan_payment(&mut planner, partner, row, draft, now_ms, new_row_id)
            }
            ImportRecord::PurchaseOrder(draft) => {
                plan_order(&mut planner, partner, row, draft, now_ms, new_row_id)
            }
        };
        if let Err(mut problems) = result {
            errors.append(&mut problems);
        }
    }
    if errors.is_empty() {
        planner.plan.counts.partners = planner.plan.per_partner.len();
        Ok(planner.plan)
    } else {
        errors.sort_by_key(|problem| problem.line);
        Err(errors)
    }
}

fn field_errors(line: usize, errors: Vec<FieldError>) -> Vec<ImportError> {
    errors
        .into_iter()
        .map(|field_error| from_field_error(line, field_error))
        .collect()
}

fn plan_invoice(
    planner: &mut Planner<'_>,
    partner: &ImportPartner,
    row: &ImportRow,
    draft: &InvoiceDraft,
    now_ms: i64,
    new_row_id: &mut dyn FnMut() -> String,
) -> Result<(), Vec<ImportError>> {
    let mut invoice = validate_invoice(draft, &partner.terms, now_ms)
        .map_err(|errors| field_errors(row.line, errors))?;
    let finance = planner.finance(&partner.id);
    let id = if row.row_id.is_empty() {
        finance
            .invoices
            .iter()
            .find(|(_, stored)| {
                stored.direction == invoice.direction && stored.number == invoice.number
            })
            .map(|(id, _)| id.clone())
            .unwrap_or_else(&mut *new_row_id)
    } else {
        row.row_id.clone()
    };
    let stored = finance.invoices.get(&id).cloned();
    planner
        .claim(&partner.id, row, &id)
        .map_err(|problem| vec![problem])?;
    if let Some(stored) = &stored {
        // What the format does not carry stays as stored.
        invoice.created_at_ms = stored.created_at_ms;
        invoice.attachment.clone_from(&stored.attachment);
    }
    let same = stored.as_ref() == Some(&invoice);
    planner.record(
        &partner.id,
        stored.is_some(),
        same,
        Change::Invoice { id, invoice },
    );
    Ok(())
}

fn plan_payment(
    planner: &mut Planner<'_>,
    partner: &ImportPartner,
    row: &ImportRow,
    draft: &PaymentDraft,
    now_ms: i64,
    new_row_id: &mut dyn FnMut() -> String,
) -> Result<(), Vec<ImportError>> {
    let finance = planner.finance(&partner.id);
    let mut errors = Vec::new();
    let mut resolved = draft.clone();
    // An allocation names an invoice by row id or, for files from other systems, by number.
    for (index, allocation) in resolved.allocations.iter_mut().enumerate() {
        let reference = allocation.invoice_id.trim().to_owned();
        if reference.is_empty() || finance.invoices.contains_key(&reference) {
            continue;
        }
        let numbered: Vec<&String> = finance
            .invoices
            .iter()
            .filter(|(_, invoice)| invoice.number == reference)
            .map(|(id, _)| id)
            .collect();
        match numbered.as_slice() {
            [id] => allocation.invoice_id = (*id).clone(),
            found => {
                let mut args = vec![
                    ("index", (index + 1).to_string()),
                    ("invoice", format!("{reference:?}")),
                ];
                errors.push(if found.is_empty() {
                    error(
                        row.line,
                        "allocations",
                        "validate-exchange-allocation-unknown",
                        args,
                        format!(
                            "Allocation {}: no invoice {reference:?} of this partner, stored or in this import",
                            index + 1
                        ),
                    )
                } else {
                    args.push(("count", found.len().to_string()));
                    error(
                        row.line,
                        "allocations",
                        "validate-exchange-allocation-ambiguous",
                        args,
                        format!(
                            "Allocation {}: {} invoices are numbered {reference:?}; use the invoice_id",
                            index + 1,
                            found.len()
                        ),
                    )
                });
                // Blanked rather than removed, so validation still numbers the others right.
                *allocation = AllocationDraft::default();
            }
        }
    }
    let id = if row.row_id.is_empty() {
        new_row_id()
    } else {
        row.row_id.clone()
    };
    let payment = match validate_payment(&resolved, &id, finance, now_ms) {
        Ok(payment) => Some(payment),
        Err(problems) => {
            errors.extend(field_errors(row.line, problems));
            None
        }
    };
    let stored = finance.payments.get(&id).cloned();
    if let Err(problem) = planner.claim(&partner.id, row, &id) {
        errors.push(problem);
    }
    let Some(mut payment) = payment.filter(|_| errors.is_empty()) else {
        return Err(errors);
    };
    if let Some(stored) = &stored {
        payment.created_at_ms = stored.created_at_ms;
    }
    let same = stored.as_ref() == Some(&payment);
    planner.record(
        &partner.id,
        stored.is_some(),
        same,
        Change::Payment { id, payment },
    );
    Ok(())
}

fn plan_order(
    planner: &mut Planner<'_>,
    partner: &ImportPartner,
    row: &ImportRow,
    draft: &PurchaseOrderDraft,
    now_ms: i64,
    new_row_id: &mut dyn FnMut() -> String,
) -> Result<(), Vec<ImportError>> {
    let mut order =
        validate_purchase_order(draft, now_ms).map_err(|errors| field_errors(row.line, errors))?;
    let finance = planner.finance(&partner.id);
    let id = if row.row_id.is_empty() {
        finance
            .purchase_orders
            .iter()
            .find(|(_, stored)| stored.number == order.number)
            .map(|(id, _)| id.clone())
            .unwrap_or_else(&mut *new_row_id)
    } else {
        row.row_id.clone()
    };
    let stored = finance.purchase_orders.get(&id).cloned();
    planner
        .claim(&partner.id, row, &id)
        .map_err(|problem| vec![problem])?;
    if let Some(stored) = &stored {
        order.created_at_ms = stored.created_at_ms;
    }
    let same = stored.as_ref() == Some(&order);
    planner.record(
        &partner.id,
        stored.is_some(),
        same,
        Change::PurchaseOrder { id, order },
    );
    Ok(())
}

/// Stores planned changes in a partner's finance: each inserts or replaces one row.
pub fn apply_plan(finance: &mut PartnerFinance, changes: &[Change]) {
    for change in changes {
        match change {
            Change::Invoice { id, invoice } => {
                finance.invoices.insert(id.clone(), invoice.clone());
            }
            Change::Payment { id, payment } => {
                finance.payments.insert(id.clone(), payment.clone());
            }
            Change::PurchaseOrder { id, order } => {
                finance.purchase_orders.insert(id.clone(), order.clone());
            }
        }
    }
}

/// One sentence on what an import did: "Imported 12 invoices for 4 partners", with how many
/// rows were already up to date, or that there was nothing to change.
pub fn import_summary(counts: &ImportCounts) -> String {
    let plural = |count: usize, one: &str, many: &str| {
        if count == 1 {
            format!("1 {one}")
        } else {
            format!("{count} {many}")
        }
    };
    let parts: Vec<String> = [
        (counts.invoices, "invoice", "invoices"),
        (counts.payments, "payment", "payments"),
        (counts.purchase_orders, "purchase order", "purchase orders"),
    ]
    .into_iter()
    .filter(|(count, _, _)| *count > 0)
    .map(|(count, one, many)| plural(count, one, many))
    .collect();
    let unchanged = match counts.unchanged {
        0 => String::new(),
        1 => "1 row was already up to date".to_owned(),
        count => format!("{count} rows were already up to date"),
    };
    if parts.is_empty() {
        return if counts.unchanged == 0 {
            "Nothing to import: the file has no rows.".to_owned()
        } else {
            format!("Nothing to import: {unchanged}.")
        };
    }
    let mut sentence = format!(
        "Imported {} for {}",
        parts.join(", "),
        plural(counts.partners, "partner", "partners")
    );
    if !unchanged.is_empty() {
        sentence.push_str("; ");
        sentence.push_str(&unchanged);
    }
    sentence.push('.');
    sentence
}
