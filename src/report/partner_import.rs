//! Import of partners from the files people actually have: CSV exports of spreadsheets (Excel's
//! Windows-1252 with `;`, LibreOffice's UTF-8 with `,`, UTF-8 with a byte-order mark, UTF-16,
//! TSV) and of ERPs (Odoo's `res.partner`, Dolibarr's third parties, ERPNext's customers and
//! suppliers, with or without ERPNext's "Data Import Template" preamble), and our own CSV and
//! JSON exports (`report::partner_export`), which round-trip.
//!
//! Pure and in steps, like the finance exchange (`report::exchange`), so the UI can show what
//! will happen before anything is stored:
//!
//! 1. [`decode`]: bytes to text (UTF-8 with or without BOM, UTF-16 by BOM, else
//!    Windows-1252, named in the result so the preview can say "read as Windows-1252").
//! 2. [`parse_csv`]: text to a [`Table`] (delimiter sniffed among `,` `;` TAB `|`, RFC 4180
//!    quoting, header row found under a preamble), keeping each row's line number. A broken row
//!    is a row problem, never a file error; only limits and an empty file are file errors.
//! 3. [`ImportMapping::suggest`] / [`suggest_mapping`]: which partner field ([`Target`]) each
//!    column fills, from English, Spanish and Esperanto headers and ERP field names; the user
//!    may change it.
//! 4. [`plan_partner_import`]: every row becomes a `PartnerDraft`, goes through the form's own
//!    `validate_partner_with` under the workspace settings, and is checked for duplicates against
//!    the registry (through `dedupe::find_duplicates`) and earlier rows of the file. Each row is
//!    [`RowOutcome::Ready`], [`RowOutcome::Duplicate`] (the user skips or imports anyway) or
//!    [`RowOutcome::Invalid`] with every error naming the line and the column. Nothing is stored:
//!    the UI gives the ready profiles new ids and stores them in one `create_partners` call.
//! 5. [`skipped_rows_csv`]: the rows not imported, in their original columns plus an `error`
//!    column, to fix in a spreadsheet and import again.
//!
//! Decisions, documented here because the UI and the user depend on them:
//! - Kind: a kind column (`client`, `supplier`, `both`, and their Spanish, Esperanto and ERP
//!   spellings) wins; else customer/supplier flag columns (1/0, true/false, yes/no, sí/no,
//!   jes/ne, x, or a number such as Odoo's `customer_rank` or Dolibarr's client code: above 0 is
//!   yes); else [`ImportMapping::default_kind`], which is `client` unless the headers say the
//!   file is a supplier list (ERPNext's "Supplier Name"). A row whose flags are both "no" also
//!   gets the default kind, since Odoo exports contacts that are neither.
//! - Country: a VAT such as `ESB12345674` gives its country; otherwise the tax id, and an address
//!   without a country, take the row's address country, else the tax country, else
//!   [`ImportMapping::default_country`]. An address made only of a country is not an address
//!   (ERP exports fill the country of partners with no address); its country still counts.
//! - Several columns may map to one single-valued field: the first non-empty value counts.
//!   Emails and phones may come from several columns and several values in a cell, separated by
//!   `;`, `,` or line breaks (our export joins them with "; ").
//! - Placeholders that exports write for "nothing" (`NULL`, `N/A`, `-`, `None`, and Odoo's
//!   `False`) are empty, except in custom fields, where "false" may be meant.
//! - Categories, tags, industry and region terms are matched by id or by name (ignoring case and
//!   accents); a name the settings do not have is a row error (the planner never adds terms).
//! - External ids (an ERP's `ID`, our export's document `id`) are not stored (a profile has no
//!   such field; map the column to a custom field to keep it); they find duplicates: the same id
//!   twice in the file, or a registry partner with that document id.
//! - New address, contact and bank account rows get the ids `a1`, `c1`, `b1`, … (row ids only
//!   need to be unique within their partner), so a plan is a pure function of its inputs.
//! - In-file duplicates: the same tax id, the same external id, or a name scoring at least
//!   `dedupe::NAME_THRESHOLD` in the same city. Names are compared only within a block of the
//!   same city and the same first three letters of the name key, so a 50,000-row file plans in
//!   seconds; a typo in the first three letters of a name goes unnoticed within the file.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

use serde::Deserialize;

use super::partner_export::JsonPartner;

use crate::dedupe::{find_duplicates, name_similarity, NAME_THRESHOLD};
use crate::model::{
    Partner, PartnerKind, PartnerProfile, PaymentMethod, TermList, WorkspaceSettings,
};
use crate::text::{fold, name_key};
use crate::validate::formats::{countries, is_country, normalize_phone};
use crate::validate::tax_id::check_tax_id;
use crate::validate::{
    validate_partner_with, AddressDraft, BankAccountDraft, ContactDraft, FieldError, PartnerDraft,
    Problem,
};

/// Largest file accepted, in bytes (20 MiB): far above a real registry export (100,000 partners
/// of ours are about 25 MB only with every field filled), small enough for a phone's memory.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
/// Most data rows accepted in one file; more should be split, so that a preview stays readable
/// and one mistake in the mapping does not produce 100,000 errors.
pub const MAX_ROWS: usize = 50_000;
/// How many records the delimiter and header sniffing look at.
const SNIFF_RECORDS: usize = 30;
/// Most numbered address, contact and bank account blocks a file may have (`address1.` …).
pub const MAX_SLOTS: u8 = 9;

// ---------------------------------------------------------------------------------------------
// Step 1: bytes to text

/// A file's text and how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedText {
    pub text: String,
    /// `UTF-8`, `UTF-8 with BOM`, `UTF-16LE`, `UTF-16BE` or `Windows-1252`; the last is a
    /// guess (any bytes are valid Windows-1252), so the preview should say so.
    pub encoding: &'static str,
    /// Some bytes could not be decoded and became U+FFFD (only for broken UTF-16).
    pub lossy: bool,
}

/// A problem with the file as a whole: too big, too many rows, empty, not our JSON.
///
/// Like a form's [`FieldError`], it travels as data next to its English sentence: a Fluent
/// `key` (`validate-import-file-…`, `locales/*/import.ftl`) with its `args`, which the
/// interface formats in the chosen language. A counted limit comes as `count` (a number, for
/// plurals) and `shown` (the same written in English, "50,000"), so the interface can write it
/// as its language does. `tests/import_messages.rs` checks that the English message formats to
/// exactly `message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    /// The problem in English: what logs and tests read.
    pub message: String,
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl fmt::Display for FileError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.message)
    }
}

impl std::error::Error for FileError {}

fn file_error(
    key: &'static str,
    args: Vec<(&'static str, String)>,
    message: impl Into<String>,
) -> FileError {
    FileError {
        message: message.into(),
        key,
        args,
    }
}

/// A file over [`MAX_FILE_BYTES`] once read as text.
fn too_big() -> FileError {
    let max = MAX_FILE_BYTES / (1024 * 1024);
    file_error(
        "validate-import-file-over",
        vec![("max", max.to_string())],
        format!("the file is over {max} MB; split it into smaller files"),
    )
}

/// Windows-1252 at 0x80..=0x9F, where it differs from Latin-1; the five unassigned bytes map to
/// the C1 controls, as the WHATWG encoding standard does.
const WINDOWS_1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// Reads a file's bytes as text. UTF-8 (with or without a byte-order mark) when the bytes are
/// valid UTF-8; UTF-16 when a BOM says so, or when the NUL bytes of ASCII text in UTF-16 show
/// it without one; else Windows-1252, what Excel writes as "CSV" on Windows in Western Europe.
///
/// Hand-written rather than `encoding_rs`: the three decoders are a few lines (the standard
/// library decodes UTF-16), while `encoding_rs` links every encoding's tables into the wasm
/// bundle, most of them for scripts a CSV from these ERPs does not use.
pub fn decode(bytes: &[u8]) -> Result<DecodedText, FileError> {
    if bytes.len() > MAX_FILE_BYTES {
        let size = bytes.len().div_ceil(1024 * 1024);
        let max = MAX_FILE_BYTES / (1024 * 1024);
        return Err(file_error(
            "validate-import-file-too-big",
            vec![("size", size.to_string()), ("max", max.to_string())],
            format!(
                "the file is {size} MB; files up to {max} MB can be imported, split it into smaller files"
            ),
        ));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Ok(match std::str::from_utf8(rest) {
            Ok(text) => DecodedText {
                text: text.to_owned(),
                encoding: "UTF-8 with BOM",
                lossy: false,
            },
            Err(_) => DecodedText {
                text: String::from_utf8_lossy(rest).into_owned(),
                encoding: "UTF-8 with BOM",
                lossy: true,
            },
        });
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Ok(utf16(rest, true));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Ok(utf16(rest, false));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        // ASCII in UTF-16 without a BOM is valid UTF-8 full of NULs; no CSV has NULs.
        let sample = &bytes[..bytes.len().min(64)];
        if sample.len() >= 4 && sample.iter().filter(|byte| **byte == 0).count() * 3 >= sample.len()
        {
            let little = sample.iter().step_by(2).all(|byte| *byte != 0);
            return Ok(utf16(bytes, little));
        }
        return Ok(DecodedText {
            text: text.to_owned(),
            encoding: "UTF-8",
            lossy: false,
        });
    }
    let text = bytes
        .iter()
        .map(|&byte| match byte {
            0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(byte - 0x80)],
            other => char::from(other),
        })
        .collect();
    Ok(DecodedText {
        text,
        encoding: "Windows-1252",
        lossy: false,
    })
}

fn utf16(bytes: &[u8], little_endian: bool) -> DecodedText {
    let units = bytes.chunks(2).map(|pair| match (pair, little_endian) {
        ([low, high], true) => u16::from_le_bytes([*low, *high]),
        ([high, low], false) => u16::from_be_bytes([*high, *low]),
        // An odd trailing byte: broken, decoded as a replacement character.
        _ => 0xFFFD,
    });
    let mut lossy = bytes.len() % 2 == 1;
    let text = char::decode_utf16(units)
        .map(|unit| {
            unit.unwrap_or_else(|_| {
                lossy = true;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    DecodedText {
        text,
        encoding: if little_endian {
            "UTF-16LE"
        } else {
            "UTF-16BE"
        },
        lossy,
    }
}

// ---------------------------------------------------------------------------------------------
// Step 2: text to a table

/// A CSV file read into rows under its header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The delimiter found: `,`, `;`, `\t` or `|`.
    pub delimiter: char,
    /// 1-based line of the header row.
    pub header_line: usize,
    pub headers: Vec<String>,
    pub rows: Vec<TableRow>,
    /// Records above the header (an ERP's template notes), and ERPNext's description rows
    /// between its header and "Start entering data below this line": not imported.
    pub skipped_preamble: usize,
}

/// One data row of a [`Table`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    /// 1-based line where the record starts (a quoted field may span lines).
    pub line: usize,
    /// The fields as read; for a row with a broken quote, its line split at the delimiters.
    pub fields: Vec<String>,
    /// Why the row cannot be read (wrong number of fields, a quote never closed); such a row is
    /// reported as invalid and never imported.
    pub problem: Option<Problem>,
}

/// One record as read, before the header is known.
struct RawRecord {
    line: usize,
    fields: Vec<String>,
    problem: Option<Problem>,
}

const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// Reads CSV text into a [`Table`]: the delimiter is the one of `,` `;` TAB `|` that gives the
/// most records the same number of fields over the first lines (honouring quotes); fields follow
/// RFC 4180 (quoted fields may hold delimiters, doubled quotes and line breaks), lines end in
/// CRLF, LF or CR, and lines with only empty fields are skipped. The header is the first
/// record with the most recognised column names among the first lines, so preambles above it
/// are skipped. A quote inside an unquoted field is kept as a character, as spreadsheets do.
///
/// A record with a broken quote (never closed, or text after the closing quote) becomes a row
/// with a problem, and reading resumes on the next line, so one bad row does not swallow the
/// rest of the file. A row with a different number of fields than the header also has a
/// problem (extra fields that are all empty, from a trailing delimiter, are dropped).
pub fn parse_csv(text: &str) -> Result<Table, FileError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(too_big());
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = sniff_delimiter(text);
    // The header may sit under a preamble; read enough for the limit plus that preamble.
    let mut records = read_records(text, delimiter, MAX_ROWS + SNIFF_RECORDS + 2);
    if records.is_empty() {
        return Err(file_error(
            "validate-import-file-empty",
            Vec::new(),
            "the file is empty; the first line must name the columns",
        ));
    }
    let header_index = find_header(&records);
    let data_start = erpnext_data_start(&records, header_index);
    let skipped_preamble = header_index + (data_start - header_index - 1);
    let header = std::mem::replace(
        &mut records[header_index],
        RawRecord {
            line: 0,
            fields: Vec::new(),
            problem: None,
        },
    );
    let headers: Vec<String> = header
        .fields
        .iter()
        .map(|name| name.trim().to_owned())
        .collect();
    let body: Vec<RawRecord> = records.drain(data_start..).collect();
    if body.len() > MAX_ROWS {
        let shown = group_thousands(MAX_ROWS);
        return Err(file_error(
            "validate-import-file-rows",
            vec![("count", MAX_ROWS.to_string()), ("shown", shown.clone())],
            format!(
                "the file has more than {shown} rows; split it into files of at most {shown} rows"
            ),
        ));
    }
    let rows = body
        .into_iter()
        .map(|mut record| {
            if record.problem.is_none() {
                while record.fields.len() > headers.len()
                    && record
                        .fields
                        .last()
                        .is_some_and(|field| field.trim().is_empty())
                {
                    record.fields.pop();
                }
                if record.fields.len() != headers.len() {
                    record.problem = Some(Problem::new(
                        "validate-import-field-count",
                        vec![
                            ("expected", headers.len().to_string()),
                            ("header", header.line.to_string()),
                            ("found", record.fields.len().to_string()),
                        ],
                        format!(
                            "expected {} fields as in the header (line {}), found {}",
                            headers.len(),
                            header.line,
                            record.fields.len()
                        ),
                    ));
                }
            }
            TableRow {
                line: record.line,
                fields: record.fields,
                problem: record.problem,
            }
        })
        .collect();
    Ok(Table {
        delimiter: char::from(delimiter),
        header_line: header.line,
        headers,
        rows,
        skipped_preamble,
    })
}

/// "1,000": a count with thousands separators, for the plan's messages and the import screen.
pub fn group_thousands(number: usize) -> String {
    let digits = number.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// The delimiter under which the most of the first records share one field count above 1.
fn sniff_delimiter(text: &str) -> u8 {
    let mut best = (0, b',');
    for delimiter in DELIMITERS {
        let records = read_records(text, delimiter, SNIFF_RECORDS);
        let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
        for record in records.iter().filter(|record| record.problem.is_none()) {
            if record.fields.len() > 1 {
                *counts.entry(record.fields.len()).or_default() += 1;
            }
        }
        let score = counts.values().copied().max().unwrap_or(0);
        if score > best.0 {
            best = (score, delimiter);
        }
    }
    best.1
}

/// Index of the header among the first records: the most recognised fields (at least two),
/// the earliest on a tie; else the first record.
fn find_header(records: &[RawRecord]) -> usize {
    let mut best = (1, 0);
    for (index, record) in records.iter().take(SNIFF_RECORDS).enumerate() {
        if record.problem.is_some() {
            continue;
        }
        // Distinct targets, not columns: ERPNext's "Column Name:" row under its "Column
        // Labels:" row spells fields as `name` and `customer_name`, both a name.
        let known = suggest_mapping(&record.fields)
            .into_iter()
            .flatten()
            .collect::<BTreeSet<Target>>()
            .len();
        if known > best.0 {
            best = (known, index);
        }
    }
    best.1
}

/// Where data starts: after ERPNext's "Start entering data below this line" when its template
/// rows (column names, mandatory, type, info) follow the header, else right after the header.
fn erpnext_data_start(records: &[RawRecord], header: usize) -> usize {
    records
        .iter()
        .enumerate()
        .skip(header + 1)
        .take(SNIFF_RECORDS)
        .find(|(_, record)| {
            record
                .fields
                .iter()
                .any(|field| fold(field) == "start entering data below this line")
        })
        .map_or(header + 1, |(index, _)| index + 1)
}

/// Reads at most `limit` non-blank records.
fn read_records(text: &str, delimiter: u8, limit: usize) -> Vec<RawRecord> {
    let bytes = text.as_bytes();
    let mut records = Vec::new();
    let mut position = 0;
    let mut line = 1;
    while position < bytes.len() && records.len() < limit {
        let start = position;
        let start_line = line;
        match read_record(text, &mut position, &mut line, delimiter) {
            Ok(fields) => {
                if fields.iter().any(|field| !field.trim().is_empty()) {
                    records.push(RawRecord {
                        line: start_line,
                        fields,
                        problem: None,
                    });
                }
            }
            Err(problem) => {
                // Resume on the line after the record's first line: the quote is most likely
                // a typo on that line, and the following lines are rows of their own.
                let end = bytes[start..]
                    .iter()
                    .position(|byte| matches!(byte, b'\n' | b'\r'))
                    .map_or(bytes.len(), |offset| start + offset);
                let raw = &text[start..end];
                records.push(RawRecord {
                    line: start_line,
                    fields: raw
                        .split(char::from(delimiter))
                        .map(str::to_owned)
                        .collect(),
                    problem: Some(problem),
                });
                position = end;
                if bytes.get(position) == Some(&b'\r') {
                    position += 1;
                }
                if bytes.get(position) == Some(&b'\n') {
                    position += 1;
                }
                line = start_line + 1;
            }
        }
    }
    records
}

/// Reads one record starting at `position`, advancing it and the line count past its end.
/// Works on bytes: delimiters, quotes and line breaks are ASCII, which never occurs inside a
/// UTF-8 sequence, so every cut falls on a character boundary.
fn read_record(
    text: &str,
    position: &mut usize,
    line: &mut usize,
    delimiter: u8,
) -> Result<Vec<String>, Problem> {
    let bytes = text.as_bytes();
    let mut fields = Vec::new();
    loop {
        if bytes.get(*position) == Some(&b'"') {
            *position += 1;
            let mut field = String::new();
            let mut run = *position;
            loop {
                match bytes.get(*position) {
                    None => {
                        return Err(Problem::fixed(
                            "validate-import-quote-unclosed",
                            "a quoted field is never closed; add the closing \" or remove the \
                             opening one",
                        ))
                    }
                    Some(b'"') => {
                        field.push_str(&text[run..*position]);
                        if bytes.get(*position + 1) == Some(&b'"') {
                            field.push('"');
                            *position += 2;
                            run = *position;
                        } else {
                            *position += 1;
                            break;
                        }
                    }
                    Some(b'\r') => {
                        // Line breaks inside a field are stored as "\n".
                        field.push_str(&text[run..*position]);
                        *position += 1;
                        if bytes.get(*position) != Some(&b'\n') {
                            field.push('\n');
                            *line += 1;
                        }
                        run = *position;
                    }
                    Some(b'\n') => {
                        *line += 1;
                        *position += 1;
                    }
                    Some(_) => *position += 1,
                }
            }
            match bytes.get(*position) {
                None | Some(b'\r' | b'\n') => {}
                Some(&byte) if byte == delimiter => {}
                Some(_) => {
                    return Err(Problem::fixed(
                        "validate-import-quote-text-after",
                        "text after the closing quote of a field (or a quote never closed); \
                         quote the whole field and double the quotes inside it",
                    ))
                }
            }
            fields.push(field);
        } else {
            let start = *position;
            while let Some(&byte) = bytes.get(*position) {
                if byte == delimiter || byte == b'\r' || byte == b'\n' {
                    break;
                }
                *position += 1;
            }
            fields.push(text[start..*position].to_owned());
        }
        match bytes.get(*position) {
            Some(&byte) if byte == delimiter => *position += 1,
            Some(b'\r') => {
                *position += 1;
                if bytes.get(*position) == Some(&b'\n') {
                    *position += 1;
                }
                *line += 1;
                return Ok(fields);
            }
            Some(b'\n') => {
                *position += 1;
                *line += 1;
                return Ok(fields);
            }
            _ => return Ok(fields),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Step 3: columns to partner fields

/// A part of an address block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AddressPart {
    /// billing, shipping or other; without it the first address is billing, the second
    /// shipping, the others other.
    Kind,
    Street,
    /// A second street line, joined to the street with ", ".
    Street2,
    City,
    PostalCode,
    /// Province or state.
    Region,
    Country,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ContactPart {
    Name,
    Role,
    Email,
    Phone,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BankPart {
    Iban,
    Bic,
    Holder,
}

/// A partner field a column can fill. Address, contact and bank account parts carry a 0-based
/// slot: slot 0 is "address 1".
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    /// An id of the partner in the system the file comes from (see the module notes).
    ExternalId,
    /// client, supplier or both.
    Kind,
    /// Yes/no or a rank: the partner is a client.
    CustomerFlag,
    /// Yes/no or a rank: the partner is a supplier.
    SupplierFlag,
    LegalName,
    TradeName,
    TaxCountry,
    /// A national number, or a VAT with its country prefix ("ESB12345674").
    TaxNumber,
    Address(u8, AddressPart),
    Contact(u8, ContactPart),
    Bank(u8, BankPart),
    /// One or more emails.
    Email,
    /// One or more phone numbers.
    Phone,
    Website,
    PaymentDays,
    PaymentMethod,
    /// Free-text industry.
    Industry,
    /// Free-text region or sales territory.
    Region,
    /// A term of the settings' industries, by id or name.
    IndustryTerm,
    /// A term of the settings' regions, by id or name.
    RegionTerm,
    /// Categories of the settings, by id or name, several separated by `;`.
    Categories,
    /// Tags of the settings, by id or name, several separated by `;`.
    Tags,
    Notes,
    /// A custom field of the settings, by field id.
    Custom(String),
}

impl Target {
    /// Whether several columns may add values to this target (emails and phones); for the
    /// others the first non-empty column wins.
    pub fn is_multi_valued(&self) -> bool {
        matches!(
            self,
            Target::Email | Target::Phone | Target::Categories | Target::Tags
        )
    }

    /// The stable machine name: the select values of the mapping UI and the column names of
    /// our CSV export (`legal_name`, `address1.city`, `custom.<field id>`).
    pub fn code(&self) -> String {
        let slot = |name: &str, slot: u8, part: &str| format!("{name}{}.{part}", slot + 1);
        match self {
            Target::ExternalId => "id".into(),
            Target::Kind => "kind".into(),
            Target::CustomerFlag => "is_client".into(),
            Target::SupplierFlag => "is_supplier".into(),
            Target::LegalName => "legal_name".into(),
            Target::TradeName => "trade_name".into(),
            Target::TaxCountry => "tax_country".into(),
            Target::TaxNumber => "tax_number".into(),
            Target::Address(index, part) => slot("address", *index, part.code()),
            Target::Contact(index, part) => slot("contact", *index, part.code()),
            Target::Bank(index, part) => slot("bank", *index, part.code()),
            Target::Email => "emails".into(),
            Target::Phone => "phones".into(),
            Target::Website => "website".into(),
            Target::PaymentDays => "payment_days".into(),
            Target::PaymentMethod => "payment_method".into(),
            Target::Industry => "industry".into(),
            Target::Region => "region".into(),
            Target::IndustryTerm => "industry_id".into(),
            Target::RegionTerm => "region_id".into(),
            Target::Categories => "categories".into(),
            Target::Tags => "tags".into(),
            Target::Notes => "notes".into(),
            Target::Custom(id) => format!("custom.{id}"),
        }
    }

    /// The target of a [`Target::code`].
    pub fn from_code(code: &str) -> Option<Target> {
        let code = code.trim();
        if let Some(id) = code.strip_prefix("custom.") {
            return (!id.is_empty()).then(|| Target::Custom(id.to_owned()));
        }
        for prefix in ["address", "contact", "bank"] {
            if let Some(rest) = code.strip_prefix(prefix) {
                let (number, part) = rest.split_once('.')?;
                let number: u8 = number.parse().ok()?;
                if !(1..=MAX_SLOTS).contains(&number) {
                    return None;
                }
                return slot_target(prefix, number - 1, part);
            }
        }
        SIMPLE_TARGETS
            .iter()
            .find(|target| target.code() == code)
            .cloned()
    }

    /// A label for the mapping UI: "Legal name", "Address 1: city", "Custom: Supplier code".
    pub fn label(&self, settings: &WorkspaceSettings) -> String {
        match self {
            Target::ExternalId => "External id (finds duplicates, not stored)".into(),
            Target::Kind => "Kind (client, supplier, both)".into(),
            Target::CustomerFlag => "Is a client (yes/no)".into(),
            Target::SupplierFlag => "Is a supplier (yes/no)".into(),
            Target::LegalName => "Legal name".into(),
            Target::TradeName => "Trade name".into(),
            Target::TaxCountry => "Tax id country".into(),
            Target::TaxNumber => "Tax id (number or VAT)".into(),
            Target::Address(index, part) => format!("Address {}: {}", index + 1, part.label()),
            Target::Contact(index, part) => format!("Contact {}: {}", index + 1, part.label()),
            Target::Bank(index, part) => format!("Bank account {}: {}", index + 1, part.label()),
            Target::Email => "Emails".into(),
            Target::Phone => "Phones".into(),
            Target::Website => "Website".into(),
            Target::PaymentDays => "Payment days".into(),
            Target::PaymentMethod => "Payment method".into(),
            Target::Industry => "Industry (free text)".into(),
            Target::Region => "Region (free text)".into(),
            Target::IndustryTerm => "Industry (from the list)".into(),
            Target::RegionTerm => "Region (from the list)".into(),
            Target::Categories => "Categories".into(),
            Target::Tags => "Tags".into(),
            Target::Notes => "Notes".into(),
            Target::Custom(id) => match settings.custom_fields.get(id) {
                Some(def) => format!("Custom: {}", def.label),
                None => format!("Custom: {id}"),
            },
        }
    }

    /// Every target the mapping UI offers: the simple ones, the first `slots` blocks of
    /// addresses, contacts and bank accounts, and the settings' custom fields.
    pub fn choices(settings: &WorkspaceSettings, slots: u8) -> Vec<Target> {
        let mut all: Vec<Target> = SIMPLE_TARGETS.to_vec();
        for index in 0..slots.min(MAX_SLOTS) {
            all.extend(AddressPart::ALL.map(|part| Target::Address(index, part)));
            all.extend(ContactPart::ALL.map(|part| Target::Contact(index, part)));
            all.extend(BankPart::ALL.map(|part| Target::Bank(index, part)));
        }
        all.extend(
            settings
                .custom_fields
                .iter()
                .filter(|(_, def)| !def.archived)
                .map(|(id, _)| Target::Custom(id.clone())),
        );
        all
    }
}

fn slot_target(prefix: &str, index: u8, part: &str) -> Option<Target> {
    match prefix {
        "address" => AddressPart::ALL
            .into_iter()
            .find(|candidate| candidate.code() == part)
            .map(|part| Target::Address(index, part)),
        "contact" => ContactPart::ALL
            .into_iter()
            .find(|candidate| candidate.code() == part)
            .map(|part| Target::Contact(index, part)),
        _ => BankPart::ALL
            .into_iter()
            .find(|candidate| candidate.code() == part)
            .map(|part| Target::Bank(index, part)),
    }
}

const SIMPLE_TARGETS: [Target; 20] = [
    Target::ExternalId,
    Target::Kind,
    Target::CustomerFlag,
    Target::SupplierFlag,
    Target::LegalName,
    Target::TradeName,
    Target::TaxCountry,
    Target::TaxNumber,
    Target::Email,
    Target::Phone,
    Target::Website,
    Target::PaymentDays,
    Target::PaymentMethod,
    Target::Industry,
    Target::Region,
    Target::IndustryTerm,
    Target::RegionTerm,
    Target::Categories,
    Target::Tags,
    Target::Notes,
];

impl AddressPart {
    pub const ALL: [AddressPart; 7] = [
        AddressPart::Kind,
        AddressPart::Street,
        AddressPart::Street2,
        AddressPart::PostalCode,
        AddressPart::City,
        AddressPart::Region,
        AddressPart::Country,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AddressPart::Kind => "kind",
            AddressPart::Street => "street",
            AddressPart::Street2 => "street2",
            AddressPart::City => "city",
            AddressPart::PostalCode => "postal_code",
            AddressPart::Region => "region",
            AddressPart::Country => "country",
        }
    }

    fn label(self) -> &'static str {
        match self {
            AddressPart::Kind => "kind",
            AddressPart::Street => "street",
            AddressPart::Street2 => "street, second line",
            AddressPart::City => "city",
            AddressPart::PostalCode => "postal code",
            AddressPart::Region => "province or state",
            AddressPart::Country => "country",
        }
    }

    fn field(self) -> &'static str {
        match self {
            AddressPart::Street2 => "street",
            other => other.code(),
        }
    }
}

impl ContactPart {
    pub const ALL: [ContactPart; 4] = [
        ContactPart::Name,
        ContactPart::Role,
        ContactPart::Email,
        ContactPart::Phone,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ContactPart::Name => "name",
            ContactPart::Role => "role",
            ContactPart::Email => "email",
            ContactPart::Phone => "phone",
        }
    }

    fn label(self) -> &'static str {
        self.code()
    }
}

impl BankPart {
    pub const ALL: [BankPart; 3] = [BankPart::Iban, BankPart::Bic, BankPart::Holder];

    pub fn code(self) -> &'static str {
        match self {
            BankPart::Iban => "iban",
            BankPart::Bic => "bic",
            BankPart::Holder => "holder",
        }
    }

    fn label(self) -> &'static str {
        match self {
            BankPart::Iban => "IBAN",
            BankPart::Bic => "BIC",
            BankPart::Holder => "holder",
        }
    }
}

/// Header spellings, folded and without spaces (see [`header_key`]), separated by spaces, per
/// target code, with a rank: when two
/// columns fill one single-valued target, the first non-empty value of the lower rank wins
/// ("VAT ID" over Dolibarr's "Professional ID", "Name" over Odoo's "Display Name"). English names come from Odoo, Dolibarr and ERPNext exports, then Spanish
/// and Esperanto spreadsheet headings.
const ALIASES: &[(&str, u8, &str)] = &[
    (
        "id",
        0,
        "id externalid reference ref referencia customerid supplierid clientid partnerid \
         customercode suppliercode codigocliente codigoproveedor identigilo",
    ),
    (
        "kind",
        0,
        "kind partnerkind partnertype tipodetercero speco",
    ),
    (
        "is_client",
        0,
        "customer isacustomer iscustomer customerrank client isclient cliente escliente \
         kliento estaskliento",
    ),
    (
        "is_supplier",
        0,
        "supplier isavendor isvendor vendor supplierrank issupplier proveedor esproveedor \
         provider liveranto estasliveranto",
    ),
    (
        "legal_name",
        0,
        "name legalname companyname company customername suppliername partnername \
         organization organisation razonsocial nombre nombrefiscal nombrelegal \
         denominacion denominacionsocial empresa nomo firmanomo juranomo",
    ),
    ("legal_name", 2, "displayname fullname nombrecompleto"),
    (
        "trade_name",
        0,
        "tradename aliasname alias nombrecomercial marca brand komercanomo",
    ),
    (
        "tax_country",
        0,
        "taxcountry vatcountry paisfiscal paisnif impostlando",
    ),
    (
        "tax_number",
        0,
        "vat vatid vatnumber taxid taxnumber nif cif nifcif cifnif dni nie dninif nifiva \
         numeroidentificacionfiscal identificacionfiscal tva tvaintra ustidnr \
         impostnumero impostidentigilo",
    ),
    (
        "tax_number",
        1,
        "professionalid professionalid1 profid1 idprof1",
    ),
    (
        "address1.street",
        0,
        "street address addressline1 street1 direccion domicilio calle direccionpostal \
         adreso strato",
    ),
    ("address1.street2", 0, "street2 addressline2 direccion2"),
    (
        "address1.city",
        0,
        "city town ciudad poblacion localidad municipio urbo loko",
    ),
    (
        "address1.postal_code",
        0,
        "zip zipcode postalcode postcode codigopostal cp cpostal postkodo posxtkodo",
    ),
    (
        "address1.region",
        0,
        "state stateid province stateprovince county provincia estado provinco",
    ),
    (
        "address1.country",
        0,
        "country countrycode countrycountrycode countryname countryid pais codigopais \
         lando landokodo",
    ),
    (
        "emails",
        0,
        "email emails emailaddress emailid mail correo correoelectronico correos retposto \
         retposxto retadreso",
    ),
    (
        "phones",
        0,
        "phone phones telephone tel telefono telefonos mobile mobileno phoneno movil \
         celular telefonomovil posxtelefono portebla",
    ),
    (
        "website",
        0,
        "website web url homepage sitioweb paginaweb retejo retpagxo",
    ),
    (
        "payment_days",
        0,
        "paymentdays paymentterms customerpaymentterms paymentterm diasdepago plazodepago \
         diaspago pagtagoj",
    ),
    (
        "payment_method",
        0,
        "paymentmethod formadepago mediodepago metododepago pagmaniero pagmetodo",
    ),
    (
        "bank1.iban",
        0,
        "iban bankaccount bankaccounts bankaccountsaccountnumber bankidsaccnumber \
         accountnumber cuentabancaria numerodecuenta cuenta ccc bankkonto bankokonto",
    ),
    (
        "bank1.bic",
        0,
        "bic swift bicswift swiftbic bankidentifiercode \
         bankaccountsbankbankidentifiercode bankaccountsbankbic",
    ),
    (
        "bank1.holder",
        0,
        "accountholder accountholdername bankaccountsaccountholdername holder titular \
         titulardelacuenta kontoposedanto",
    ),
    (
        "contact1.name",
        0,
        "contact contactname contactperson personadecontacto contacto nombrecontacto \
         kontakto kontaktpersono kontaktulo",
    ),
    (
        "contact1.role",
        0,
        "contactrole role jobposition jobtitle position cargo puesto rolo ofico",
    ),
    (
        "contact1.email",
        0,
        "contactemail emailcontacto correocontacto kontaktaretposto",
    ),
    (
        "contact1.phone",
        0,
        "contactphone telefonocontacto kontaktatelefono",
    ),
    (
        "industry",
        0,
        "industry sector actividad industria customergroup suppliergroup branco industrio",
    ),
    (
        "region",
        0,
        "region territory zona zone territorio salesterritory regiono",
    ),
    (
        "notes",
        0,
        "notes note comment comments internalnotes notas observaciones comentarios \
         rimarkoj noto notoj noteprivate notepublic",
    ),
];

/// A header reduced for matching: folded (no case, accents or punctuation), without spaces.
/// Esperanto headers in the x-system ("Posxtkodo") are listed as spellings of their own.
fn header_key(header: &str) -> String {
    fold(header).replace(' ', "")
}

/// The target of one header and its rank, or `None`.
fn recognise(header: &str) -> Option<(Target, u8)> {
    if let Some(target) = Target::from_code(header) {
        return Some((target, 0));
    }
    let key = header_key(header);
    if key.is_empty() {
        return None;
    }
    ALIASES.iter().find_map(|(code, rank, spellings)| {
        spellings
            .split(' ')
            .any(|spelling| spelling == key)
            .then(|| Target::from_code(code).map(|target| (target, *rank)))
            .flatten()
    })
}

/// The suggested target of each header, in order: our own column codes, then the known
/// spellings (case, accents and punctuation ignored). Several columns may get one target (a
/// Dolibarr file has both "Professional ID" and "VAT ID"): the plan takes the first non-empty
/// value, from the best-known spelling first. Contact roles, emails and phones are only
/// suggested when a contact name column is, since a contact needs a name.
pub fn suggest_mapping<S: AsRef<str>>(headers: &[S]) -> Vec<Option<Target>> {
    suggest_with(headers, None)
}

fn suggest_with<S: AsRef<str>>(
    headers: &[S],
    settings: Option<&WorkspaceSettings>,
) -> Vec<Option<Target>> {
    let found: Vec<Option<(Target, u8)>> = headers
        .iter()
        .map(|header| {
            recognise(header.as_ref()).or_else(|| {
                // A custom field's label, when the settings are known.
                let key = header_key(header.as_ref());
                settings?
                    .custom_fields
                    .iter()
                    .filter(|(_, def)| !def.archived)
                    .find(|(_, def)| header_key(&def.label) == key)
                    .map(|(id, _)| (Target::Custom(id.clone()), 0))
            })
        })
        .collect();
    let mut targets: Vec<Option<Target>> = found
        .into_iter()
        .map(|entry| entry.map(|(target, _)| target))
        .collect();
    for slot in 0..MAX_SLOTS {
        let named = targets.contains(&Some(Target::Contact(slot, ContactPart::Name)));
        if !named {
            for target in targets.iter_mut() {
                if matches!(target, Some(Target::Contact(index, _)) if *index == slot) {
                    *target = None;
                }
            }
        }
    }
    targets
}

/// How the columns of a table become partner fields; built by [`ImportMapping::suggest`] and
/// changed by the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportMapping {
    /// The target of each column, in header order; `None` ignores the column.
    pub columns: Vec<Option<Target>>,
    /// The kind of rows that say nothing about theirs (see the module notes).
    pub default_kind: PartnerKind,
    /// ISO country of tax numbers and addresses that come without one; may be empty.
    pub default_country: String,
}

impl ImportMapping {
    /// The suggested mapping of a table: [`suggest_mapping`] plus the workspace's custom field
    /// labels, `supplier` as the default kind for supplier lists (ERPNext's "Supplier Name"),
    /// and Spain as the default country when the tax column is a NIF or CIF.
    pub fn suggest(table: &Table, settings: &WorkspaceSettings) -> Self {
        let columns = suggest_with(&table.headers, Some(settings));
        let keys: Vec<String> = table
            .headers
            .iter()
            .map(|header| header_key(header))
            .collect();
        let has = |names: &[&str]| keys.iter().any(|key| names.contains(&key.as_str()));
        let supplier_list = has(&["suppliername", "suppliergroup", "suppliertype"])
            && !has(&["customername", "customergroup", "customertype"]);
        let spanish = has(&["nif", "cif", "nifcif", "cifnif", "dni", "razonsocial"]);
        Self {
            columns,
            default_kind: if supplier_list {
                PartnerKind::Supplier
            } else {
                PartnerKind::Client
            },
            default_country: if spanish { "ES".into() } else { String::new() },
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Step 4: the plan

/// Where a duplicate's original is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DuplicateOf {
    /// A partner of the registry, by document id, with its legal name for the message.
    Existing { id: String, name: String },
    /// An earlier row of the same file, by line.
    Line(usize),
}

/// What the import would do with one row.
#[derive(Debug, Clone, PartialEq)]
pub enum RowOutcome {
    /// Valid and new: stored when the user confirms.
    Ready(PartnerProfile),
    /// Valid but probably already there; the user skips it (the default) or imports it anyway.
    Duplicate {
        profile: PartnerProfile,
        of: DuplicateOf,
        /// "same tax id", "similar name (93 %) in the same city", …
        reason: String,
    },
    /// Cannot be imported. Each error's `field` is the column header it is about (empty when it
    /// is about the row as a whole) and its message names the line and the column:
    /// `Line 14, column "VAT": Tax id: the NIF check letter is wrong (expected Z)`.
    Invalid(Vec<FieldError>),
}

/// One row of the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedRow {
    /// 1-based line of the row in the file (for JSON, the 1-based position in `partners`).
    pub line: usize,
    pub outcome: RowOutcome,
}

/// How many rows end up where.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PlanCounts {
    pub rows: usize,
    pub ready: usize,
    pub duplicates: usize,
    pub invalid: usize,
}

/// Every row of a file with what importing it would do. Nothing is stored by planning.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PartnerImportPlan {
    /// In file order.
    pub rows: Vec<PlannedRow>,
    pub counts: PlanCounts,
}

impl PartnerImportPlan {
    /// The profiles to store, in file order: every ready row and the duplicates whose lines the
    /// user chose to import anyway.
    pub fn profiles_to_create(&self, import_anyway: &[usize]) -> Vec<&PartnerProfile> {
        self.rows
            .iter()
            .filter_map(|row| match &row.outcome {
                RowOutcome::Ready(profile) => Some(profile),
                RowOutcome::Duplicate { profile, .. } if import_anyway.contains(&row.line) => {
                    Some(profile)
                }
                _ => None,
            })
            .collect()
    }

    /// Every error of the plan, by line.
    pub fn errors(&self) -> Vec<&FieldError> {
        self.rows
            .iter()
            .flat_map(|row| match &row.outcome {
                RowOutcome::Invalid(errors) => errors.as_slice(),
                _ => &[],
            })
            .collect()
    }
}

/// One sentence for the preview: "980 ready, 12 probable duplicates, 8 with errors (of 1,000
/// rows)."
pub fn plan_summary(counts: &PlanCounts) -> String {
    let plural = |count: usize, one: &str, many: &str| {
        format!(
            "{} {}",
            group_thousands(count),
            if count == 1 { one } else { many }
        )
    };
    if counts.rows == 0 {
        return "The file has no rows to import.".into();
    }
    format!(
        "{} ready, {}, {} (of {}).",
        group_thousands(counts.ready),
        plural(
            counts.duplicates,
            "probable duplicate",
            "probable duplicates"
        ),
        plural(counts.invalid, "with errors", "with errors"),
        plural(counts.rows, "row", "rows")
    )
}

/// A row turned into a form draft, with where each of its values came from.
struct Candidate {
    line: usize,
    /// "Line 14" or "Partner 3": how messages name the row.
    label: String,
    draft: PartnerDraft,
    external_id: String,
    /// Problems found while building the draft (unknown codes, a broken row).
    problems: Vec<FieldError>,
    /// Form field path (`tax_number`, `addresses[0].city`, `emails#2`) to the column name.
    sources: BTreeMap<String, String>,
}

impl Candidate {
    /// An error of this row: `error` (English, with its Fluent key and arguments) after the
    /// row's name and, when known, the column. The inner error's key travels as the argument
    /// `error` (`@` and the key, see [`FieldError`]), followed by its own arguments.
    fn message(
        &self,
        column: &str,
        error: &str,
        key: &'static str,
        error_args: &[(&'static str, String)],
    ) -> FieldError {
        let row = if self.label.starts_with("Partner ") {
            "partner"
        } else {
            "line"
        };
        let mut args = vec![("row", row.to_owned()), ("line", self.line.to_string())];
        let (message, frame) = if column.is_empty() {
            (format!("{}: {error}", self.label), "validate-import-row")
        } else {
            args.push(("column", column.to_owned()));
            (
                format!("{}, column \"{column}\": {error}", self.label),
                "validate-import-row-column",
            )
        };
        args.push((
            "error",
            if key.is_empty() {
                error.to_owned()
            } else {
                format!("@{key}")
            },
        ));
        args.extend(error_args.iter().cloned());
        FieldError::keyed(column, message, frame, args)
    }

    /// [`Self::message`] for a problem of the importer's own.
    fn problem(&self, column: &str, problem: &Problem) -> FieldError {
        self.message(column, &problem.message, problem.key, &problem.args)
    }

    /// The column a validation error is about.
    fn column_of(&self, error: &FieldError) -> String {
        // "Email 2 (x): …" and "Phone 2 (x): …" name the value's position in the list.
        for (field, noun) in [("emails", "Email "), ("phones", "Phone ")] {
            if error.field == field {
                let position: String = error
                    .message
                    .strip_prefix(noun)
                    .unwrap_or_default()
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                return self
                    .sources
                    .get(&format!("{field}#{position}"))
                    .or_else(|| self.sources.get(field))
                    .cloned()
                    .unwrap_or_default();
            }
        }
        let field = match error.field.as_str() {
            "add-address" | "add-contact" | "add-bank-account" => "",
            other => other,
        };
        // A tax country taken from elsewhere is reported at the tax number it belongs to.
        let fallback = match field {
            "tax_country" => "tax_number",
            other => other,
        };
        self.sources
            .get(field)
            .or_else(|| self.sources.get(fallback))
            .cloned()
            .unwrap_or_default()
    }
}

/// Text that exports write for "nothing".
fn is_placeholder(value: &str) -> bool {
    matches!(
        value.trim().to_lowercase().as_str(),
        "null" | "n/a" | "-" | "—" | "false" | "none"
    )
}

/// Yes (`Some(true)`), no, or not a flag.
fn parse_flag(value: &str) -> Option<bool> {
    let folded = fold(value);
    match folded.as_str() {
        "" | "0" | "false" | "no" | "n" | "ne" | "non" | "nein" | "f" => Some(false),
        "1" | "true" | "yes" | "y" | "si" | "s" | "jes" | "j" | "x" | "oui" | "ja" | "t" => {
            Some(true)
        }
        number => number.parse::<f64>().ok().map(|rank| rank > 0.0),
    }
}

/// A kind code from the spellings files use.
fn parse_kind(value: &str) -> Option<PartnerKind> {
    let key = header_key(value);
    let kind = match key.as_str() {
        "client" | "customer" | "cliente" | "kliento" | "c" => PartnerKind::Client,
        "supplier" | "vendor" | "proveedor" | "provider" | "liveranto" | "fournisseur" | "p" => {
            PartnerKind::Supplier
        }
        "both"
        | "ambos"
        | "ambau"
        | "clientandsupplier"
        | "customerandsupplier"
        | "clienteyproveedor"
        | "customersupplier"
        | "clientsupplier"
        | "klientokajliveranto" => PartnerKind::Both,
        _ => return None,
    };
    Some(kind)
}

fn parse_payment_method(value: &str) -> Option<PaymentMethod> {
    let key = header_key(value);
    let method = match key.as_str() {
        "" | "notagreed" | "unspecified" => PaymentMethod::Unspecified,
        "banktransfer"
        | "transfer"
        | "wiretransfer"
        | "transferencia"
        | "transferenciabancaria"
        | "bankatransigo"
        | "transigo" => PaymentMethod::BankTransfer,
        "directdebit"
        | "debit"
        | "sepadirectdebit"
        | "domiciliacion"
        | "domiciliacionbancaria"
        | "recibo"
        | "recibodomiciliado"
        | "debeto" => PaymentMethod::DirectDebit,
        "card" | "creditcard" | "tarjeta" | "karto" => PaymentMethod::Card,
        "cash" | "efectivo" | "contado" | "kontanto" | "kontante" => PaymentMethod::Cash,
        "cheque" | "check" | "talon" | "pagare" | "cxeko" | "ceko" => PaymentMethod::Cheque,
        other => PaymentMethod::ALL
            .into_iter()
            .find(|method| header_key(method.code()) == other)?,
    };
    Some(method)
}

/// Payment days from "30", "30 days", "30 días", Odoo's "30 Days"; "Immediate Payment" and
/// "contado" are 0. Anything else is left as written, for the validator to refuse.
fn parse_payment_days(value: &str) -> String {
    let folded = fold(value);
    if matches!(
        folded.as_str(),
        "immediate" | "immediate payment" | "al contado" | "contado" | "tuj"
    ) {
        return "0".into();
    }
    let numbers: Vec<&str> = folded
        .split(' ')
        .filter(|word| word.chars().all(|c| c.is_ascii_digit()) && !word.is_empty())
        .collect();
    let words_ok = folded.split(' ').all(|word| {
        word.chars().all(|c| c.is_ascii_digit())
            || matches!(
                word,
                "days" | "day" | "dias" | "dia" | "d" | "net" | "tagoj" | "neto"
            )
    });
    match numbers.as_slice() {
        [number] if words_ok => (*number).to_owned(),
        _ => value.trim().to_owned(),
    }
}

/// An ISO code from a code or a country name (English, or a few Spanish and Esperanto names of
/// the countries these files mostly hold); unknown text is returned as written for the
/// validator to refuse.
fn resolve_country(value: &str) -> String {
    let trimmed = value.trim();
    let upper = trimmed.to_ascii_uppercase();
    if upper.len() == 2 && (is_country(&upper) || upper == "EL") {
        return upper;
    }
    let key = header_key(trimmed);
    if let Some((code, _)) = countries().find(|(_, name)| header_key(name) == key) {
        return code.to_owned();
    }
    const LOCAL_NAMES: &[(&str, &str)] = &[
        ("espana", "ES"),
        ("hispanio", "ES"),
        ("hispanujo", "ES"),
        ("spanien", "ES"),
        ("francia", "FR"),
        ("francio", "FR"),
        ("alemania", "DE"),
        ("germanio", "DE"),
        ("deutschland", "DE"),
        ("portugalio", "PT"),
        ("italia", "IT"),
        ("italio", "IT"),
        ("reinounido", "GB"),
        ("grandabritio", "GB"),
        ("unitedkingdomofgreatbritainandnorthernireland", "GB"),
        ("uk", "GB"),
        ("estadosunidos", "US"),
        ("usono", "US"),
        ("unitedstatesofamerica", "US"),
        ("usa", "US"),
        ("mexico", "MX"),
        ("meksikio", "MX"),
        ("paisesbajos", "NL"),
        ("nederlando", "NL"),
        ("belgica", "BE"),
        ("belgio", "BE"),
        ("suiza", "CH"),
        ("svislando", "CH"),
        ("austria", "AT"),
        ("auxstrio", "AT"),
        ("irlanda", "IE"),
        ("irlando", "IE"),
        ("polonia", "PL"),
        ("pollando", "PL"),
        ("argentino", "AR"),
        ("cxilio", "CL"),
        ("kolombio", "CO"),
        ("brasil", "BR"),
        ("brazilo", "BR"),
    ];
    LOCAL_NAMES
        .iter()
        .find(|(name, _)| *name == key)
        .map_or_else(|| trimmed.to_owned(), |(_, code)| (*code).to_owned())
}

/// A VAT-style value split into its country and number, when it starts with a country prefix
/// and the rest is a valid number of that country ("ESB12345674" → ES). Italian fiscal codes
/// start with letters that are also country codes, hence the check rather than the letters.
fn split_vat(value: &str) -> Option<(String, String)> {
    let compact: String = value
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_uppercase();
    let prefix = compact.get(..2)?;
    if !prefix.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let country = if prefix == "EL" { "GR" } else { prefix };
    if !is_country(country) {
        return None;
    }
    check_tax_id(country, &compact[2..])
        .ok()
        .map(|_| (country.to_owned(), value.trim().to_owned()))
}

/// Values of a multi-valued cell.
fn split_values(value: &str) -> impl Iterator<Item = &str> {
    value
        .split([';', ',', '\n'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
}

/// A term of `list` by id, or by name ignoring case and accents; the text as written when the
/// settings have neither (validation then names it).
fn resolve_term(settings: &WorkspaceSettings, list: TermList, value: &str) -> String {
    let value = value.trim();
    if value.is_empty() || settings.has_term(list, value) {
        return value.to_owned();
    }
    let key = fold(value);
    settings
        .terms(list)
        .into_iter()
        .find(|(_, name)| fold(name) == key)
        .map_or_else(|| value.to_owned(), |(id, _)| id.clone())
}

/// Builds the draft of one table row.
fn candidate_of_row(
    table: &Table,
    row: &TableRow,
    mapping: &ImportMapping,
    order: &[usize],
    settings: &WorkspaceSettings,
) -> Candidate {
    let mut candidate = Candidate {
        line: row.line,
        label: format!("Line {}", row.line),
        draft: PartnerDraft::default(),
        external_id: String::new(),
        problems: Vec::new(),
        sources: BTreeMap::new(),
    };
    if let Some(problem) = &row.problem {
        let error = candidate.problem("", problem);
        candidate.problems.push(error);
        return candidate;
    }
    // Values per target, in column order, with their column name.
    let mut values: BTreeMap<Target, Vec<(String, String)>> = BTreeMap::new();
    for &index in order {
        let (Some(Some(target)), Some(raw)) = (mapping.columns.get(index), row.fields.get(index))
        else {
            continue;
        };
        let keeps_placeholders = matches!(target, Target::Custom(_));
        let value = if !keeps_placeholders && is_placeholder(raw) {
            ""
        } else if matches!(target, Target::Notes) {
            raw.trim_end()
        } else {
            raw.trim()
        };
        let column = table.headers.get(index).cloned().unwrap_or_default();
        values
            .entry(target.clone())
            .or_default()
            .push((value.to_owned(), column));
    }
    // The first non-empty value of a single-valued target, with its column.
    let first = |target: &Target| -> Option<(String, String)> {
        let entries = values.get(target)?;
        entries
            .iter()
            .find(|(value, _)| !value.is_empty())
            .or_else(|| entries.first())
            .cloned()
    };
    let take = |target: Target, field: &str, candidate: &mut Candidate| -> String {
        match first(&target) {
            Some((value, column)) => {
                candidate.sources.insert(field.to_owned(), column);
                value
            }
            None => String::new(),
        }
    };

    candidate.external_id = take(Target::ExternalId, "id", &mut candidate);
    candidate.draft.legal_name = take(Target::LegalName, "legal_name", &mut candidate);
    candidate.draft.trade_name = take(Target::TradeName, "trade_name", &mut candidate);

    // Kind: the kind column, else the flags, else the default.
    let kind_value = take(Target::Kind, "kind", &mut candidate);
    let customer = take(Target::CustomerFlag, "is_client", &mut candidate);
    let supplier = take(Target::SupplierFlag, "is_supplier", &mut candidate);
    let mut kind = None;
    if !kind_value.is_empty() {
        match parse_kind(&kind_value) {
            Some(parsed) => kind = Some(parsed),
            None => {
                let column = candidate.sources["kind"].clone();
                let error = candidate.problem(
                    &column,
                    &Problem::new(
                        "validate-import-kind",
                        vec![("value", format!("{kind_value:?}"))],
                        format!("unknown kind {kind_value:?}; use client, supplier or both"),
                    ),
                );
                candidate.problems.push(error);
            }
        }
    }
    if kind.is_none() && candidate.problems.is_empty() {
        let flag = |value: &str, field: &str, candidate: &mut Candidate| -> bool {
            match parse_flag(value) {
                Some(flag) => flag,
                None => {
                    let column = candidate.sources[field].clone();
                    let error = candidate.problem(
                        &column,
                        &Problem::new(
                            "validate-import-flag",
                            vec![("value", format!("{value:?}"))],
                            format!(
                                "{value:?} is neither yes nor no (use 1/0, true/false, yes/no)"
                            ),
                        ),
                    );
                    candidate.problems.push(error);
                    false
                }
            }
        };
        let is_client = flag(&customer, "is_client", &mut candidate);
        let is_supplier = flag(&supplier, "is_supplier", &mut candidate);
        kind = match (is_client, is_supplier) {
            (true, true) => Some(PartnerKind::Both),
            (true, false) => Some(PartnerKind::Client),
            (false, true) => Some(PartnerKind::Supplier),
            (false, false) => None,
        };
        if kind.is_some() {
            let column = candidate
                .sources
                .get("is_client")
                .or_else(|| candidate.sources.get("is_supplier"))
                .cloned()
                .unwrap_or_default();
            candidate.sources.insert("kind".into(), column);
        }
    }
    candidate.draft.kind = kind.unwrap_or(mapping.default_kind).code().to_owned();

    // Addresses, slot by slot; an address that is only a country is not an address.
    let mut address_country = String::new();
    for slot in 0..MAX_SLOTS {
        let part = |part: AddressPart| Target::Address(slot, part);
        if !values
            .keys()
            .any(|target| matches!(target, Target::Address(index, _) if *index == slot))
        {
            continue;
        }
        let index = candidate.draft.addresses.len();
        let path = |name: &str| format!("addresses[{index}].{name}");
        let mut address = AddressDraft::new(format!("a{}", index + 1));
        let mut street = String::new();
        for address_part in AddressPart::ALL {
            let Some((value, column)) = first(&part(address_part)) else {
                continue;
            };
            if value.is_empty() {
                continue;
            }
            candidate.sources.insert(path(address_part.field()), column);
            match address_part {
                AddressPart::Kind => address.kind = value.to_lowercase(),
                AddressPart::Street => street = value,
                AddressPart::Street2 => {
                    if !street.is_empty() {
                        street.push_str(", ");
                    }
                    street.push_str(&value);
                }
                AddressPart::City => address.city = value,
                AddressPart::PostalCode => address.postal_code = value,
                AddressPart::Region => address.region = value,
                AddressPart::Country => address.country = resolve_country(&value),
            }
        }
        address.street = street;
        if first(&part(AddressPart::Kind)).is_none_or(|(value, _)| value.is_empty()) {
            address.kind = match index {
                0 => "billing",
                1 => "shipping",
                _ => "other",
            }
            .into();
        } else {
            address.kind = match fold(&address.kind).as_str() {
                "facturacion" | "fiscal" | "invoice" | "fakturo" => "billing".into(),
                "envio" | "entrega" | "delivery" | "sendo" => "shipping".into(),
                "otra" | "otro" | "alia" => "other".into(),
                _ => address.kind.clone(),
            };
        }
        if address_country.is_empty() {
            address_country = address.country.clone();
        }
        let only_country = [
            &address.street,
            &address.city,
            &address.postal_code,
            &address.region,
        ]
        .iter()
        .all(|text| text.is_empty());
        if !only_country {
            candidate.draft.addresses.push(address);
        }
    }

    // Tax id: an explicit country, a VAT prefix, the address country, the default.
    let tax_number = take(Target::TaxNumber, "tax_number", &mut candidate);
    let tax_country = take(Target::TaxCountry, "tax_country", &mut candidate);
    if !tax_number.is_empty() {
        candidate.draft.tax_number = tax_number.clone();
        candidate.draft.tax_country = if !tax_country.is_empty() {
            resolve_country(&tax_country)
        } else if let Some((country, _)) = split_vat(&tax_number) {
            if let Some(column) = candidate.sources.get("tax_number").cloned() {
                candidate.sources.insert("tax_country".into(), column);
            }
            country
        } else if !address_country.is_empty() {
            address_country.clone()
        } else if !mapping.default_country.trim().is_empty() {
            mapping.default_country.trim().to_ascii_uppercase()
        } else {
            // A prefix whose number is wrong still says which country's rules to report.
            let prefix: String = tax_number
                .trim()
                .chars()
                .take(2)
                .collect::<String>()
                .to_ascii_uppercase();
            if is_country(&prefix) || prefix == "EL" {
                prefix
            } else {
                String::new()
            }
        };
    } else if !tax_country.is_empty() {
        candidate.draft.tax_country = resolve_country(&tax_country);
    }
    // Addresses without a country are where the partner is.
    let home = [
        address_country.as_str(),
        candidate.draft.tax_country.as_str(),
        mapping.default_country.trim(),
    ]
    .into_iter()
    .find(|country| !country.is_empty())
    .unwrap_or_default()
    .to_ascii_uppercase();
    for address in &mut candidate.draft.addresses {
        if address.country.is_empty() {
            address.country = home.clone();
        }
    }

    // Emails and phones: every value of every column, remembering each one's column.
    let list = |target: Target, field: &str, candidate: &mut Candidate| -> String {
        let mut all = Vec::new();
        let entries = values.get(&target).map(Vec::as_slice).unwrap_or_default();
        if let Some((_, column)) = entries.first() {
            // For "an email is required": the column where it would have been.
            candidate.sources.insert(field.to_owned(), column.clone());
        }
        for (value, column) in entries {
            for part in split_values(value) {
                all.push(part.to_owned());
                candidate
                    .sources
                    .insert(format!("{field}#{}", all.len()), column.clone());
            }
        }
        all.join("\n")
    };
    candidate.draft.emails = list(Target::Email, "emails", &mut candidate);
    candidate.draft.phones = list(Target::Phone, "phones", &mut candidate);
    candidate.draft.website = take(Target::Website, "website", &mut candidate);
    candidate.draft.payment_days =
        parse_payment_days(&take(Target::PaymentDays, "payment_days", &mut candidate));
    let method = take(Target::PaymentMethod, "payment_method", &mut candidate);
    match parse_payment_method(&method) {
        Some(parsed) => candidate.draft.payment_method = parsed.code().into(),
        None => {
            let column = candidate.sources["payment_method"].clone();
            let error = candidate.problem(
                &column,
                &Problem::new(
                    "validate-import-payment-method",
                    vec![("value", format!("{method:?}"))],
                    format!(
                        "unknown payment method {method:?}; use bank transfer, direct debit, \
                         card, cash, cheque or nothing"
                    ),
                ),
            );
            candidate.problems.push(error);
        }
    }

    // Contacts and bank accounts, slot by slot.
    for slot in 0..MAX_SLOTS {
        if !values
            .keys()
            .any(|target| matches!(target, Target::Contact(index, _) if *index == slot))
        {
            continue;
        }
        let index = candidate.draft.contacts.len();
        let mut contact = ContactDraft::new(format!("c{}", index + 1));
        for part in ContactPart::ALL {
            let Some((value, column)) = first(&Target::Contact(slot, part)) else {
                continue;
            };
            if value.is_empty() {
                continue;
            }
            candidate
                .sources
                .insert(format!("contacts[{index}].{}", part.code()), column);
            match part {
                ContactPart::Name => contact.name = value,
                ContactPart::Role => contact.role = value,
                ContactPart::Email => contact.email = value,
                ContactPart::Phone => contact.phone = value,
            }
        }
        if !contact.is_blank() {
            candidate.draft.contacts.push(contact);
        }
    }
    for slot in 0..MAX_SLOTS {
        if !values
            .keys()
            .any(|target| matches!(target, Target::Bank(index, _) if *index == slot))
        {
            continue;
        }
        let index = candidate.draft.bank_accounts.len();
        let mut account = BankAccountDraft::new(format!("b{}", index + 1));
        for part in BankPart::ALL {
            let Some((value, column)) = first(&Target::Bank(slot, part)) else {
                continue;
            };
            if value.is_empty() {
                continue;
            }
            candidate
                .sources
                .insert(format!("bank_accounts[{index}].{}", part.code()), column);
            match part {
                BankPart::Iban => account.iban = value,
                BankPart::Bic => account.bic = value,
                BankPart::Holder => account.holder = value,
            }
        }
        if !account.is_blank() {
            candidate.draft.bank_accounts.push(account);
        }
    }

    // Validation dials phones without a +country prefix in the tax or address country; a row
    // with neither (an ERP row whose address is only a country) is dialled here in its home.
    if candidate.draft.tax_country.is_empty()
        && candidate.draft.addresses.is_empty()
        && !home.is_empty()
    {
        let dial = |text: &str| normalize_phone(text, &home).unwrap_or_else(|_| text.to_owned());
        candidate.draft.phones = candidate
            .draft
            .phones
            .lines()
            .map(dial)
            .collect::<Vec<_>>()
            .join("\n");
        for contact in &mut candidate.draft.contacts {
            if !contact.phone.is_empty() {
                contact.phone = dial(&contact.phone);
            }
        }
    }

    candidate.draft.industry = take(Target::Industry, "industry", &mut candidate);
    candidate.draft.region = take(Target::Region, "region", &mut candidate);
    candidate.draft.notes = take(Target::Notes, "notes", &mut candidate);
    let industry = take(Target::IndustryTerm, "industry_id", &mut candidate);
    candidate.draft.industry_id = resolve_term(settings, TermList::Industries, &industry);
    let region = take(Target::RegionTerm, "region_id", &mut candidate);
    candidate.draft.region_id = resolve_term(settings, TermList::Regions, &region);
    for (target, list, field) in [
        (Target::Categories, TermList::Categories, "categories"),
        (Target::Tags, TermList::Tags, "tags"),
    ] {
        let mut ids = Vec::new();
        for (value, column) in values.get(&target).map(Vec::as_slice).unwrap_or_default() {
            for part in value
                .split([';', '\n'])
                .map(str::trim)
                .filter(|part| !part.is_empty())
            {
                ids.push(resolve_term(settings, list, part));
                candidate.sources.insert(field.to_owned(), column.clone());
            }
        }
        match target {
            Target::Categories => candidate.draft.categories = ids,
            _ => candidate.draft.tags = ids,
        }
    }
    let custom: Vec<(String, String)> = values
        .iter()
        .filter_map(|(target, entries)| match target {
            Target::Custom(id) => Some((id.clone(), entries)),
            _ => None,
        })
        .filter_map(|(id, entries)| {
            let (value, column) = entries
                .iter()
                .find(|(value, _)| !value.is_empty())
                .or_else(|| entries.first())?;
            candidate
                .sources
                .insert(format!("custom.{id}"), column.clone());
            Some((id, value.clone()))
        })
        .collect();
    for (id, value) in custom {
        if !value.is_empty() {
            candidate.draft.custom.insert(id, value);
        }
    }
    candidate
}

/// Plans the import of a table under a mapping: see the module notes for the rules.
/// `existing` is the registry as (document id, partner); merged-away records are ignored.
pub fn plan_partner_import<'a>(
    table: &Table,
    mapping: &ImportMapping,
    settings: &WorkspaceSettings,
    existing: impl IntoIterator<Item = (&'a str, &'a Partner)>,
) -> PartnerImportPlan {
    // Columns by the rank of their header's spelling, then in file order (see `ALIASES`).
    let mut order: Vec<usize> = (0..mapping.columns.len()).collect();
    order.sort_by_key(|&index| {
        let rank = table
            .headers
            .get(index)
            .and_then(|header| recognise(header))
            .map_or(0, |(_, rank)| rank);
        (rank, index)
    });
    let candidates = table
        .rows
        .iter()
        .map(|row| candidate_of_row(table, row, mapping, &order, settings))
        .collect();
    plan_candidates(candidates, settings, existing)
}

fn plan_candidates<'a>(
    candidates: Vec<Candidate>,
    settings: &WorkspaceSettings,
    existing: impl IntoIterator<Item = (&'a str, &'a Partner)>,
) -> PartnerImportPlan {
    let registry = RegistryIndex::new(existing);
    let mut in_file = FileIndex::default();
    let mut plan = PartnerImportPlan::default();
    for candidate in candidates {
        let outcome = plan_one(&candidate, settings, &registry, &mut in_file);
        plan.counts.rows += 1;
        match &outcome {
            RowOutcome::Ready(_) => plan.counts.ready += 1,
            RowOutcome::Duplicate { .. } => plan.counts.duplicates += 1,
            RowOutcome::Invalid(_) => plan.counts.invalid += 1,
        }
        plan.rows.push(PlannedRow {
            line: candidate.line,
            outcome,
        });
    }
    plan
}

fn plan_one(
    candidate: &Candidate,
    settings: &WorkspaceSettings,
    registry: &RegistryIndex<'_>,
    in_file: &mut FileIndex,
) -> RowOutcome {
    let mut errors = candidate.problems.clone();
    // A row that could not be read has no draft worth validating.
    let unreadable = !errors.is_empty() && candidate.draft == PartnerDraft::default();
    let profile = if unreadable {
        None
    } else {
        match validate_partner_with(&candidate.draft, settings) {
            Ok(profile) => Some(profile),
            Err(problems) => {
                for problem in problems {
                    let column = candidate.column_of(&problem);
                    errors.push(candidate.message(
                        &column,
                        &problem.message,
                        problem.key,
                        &problem.args,
                    ));
                }
                None
            }
        }
    };
    let profile = match profile {
        Some(profile) if errors.is_empty() => profile,
        _ => return RowOutcome::Invalid(errors),
    };
    let duplicate = registry
        .duplicate_of(&profile, &candidate.external_id)
        .or_else(|| in_file.duplicate_of(&profile, &candidate.external_id));
    in_file.add(candidate.line, &profile, &candidate.external_id);
    match duplicate {
        Some((of, reason)) => RowOutcome::Duplicate {
            profile,
            of,
            reason,
        },
        None => RowOutcome::Ready(profile),
    }
}

/// Letters and digits of a tax number, upper case, without a leading VAT prefix of its
/// country: the in-file comparison key.
fn tax_key(profile: &PartnerProfile) -> Option<String> {
    let number: String = profile
        .tax_id
        .number
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_uppercase();
    if number.len() < 4 {
        return None;
    }
    let country = profile.tax_id.country.to_ascii_uppercase();
    let prefix = if country == "GR" {
        "EL"
    } else {
        country.as_str()
    };
    let number = match number.strip_prefix(prefix) {
        Some(rest) if !prefix.is_empty() && rest.len() >= 4 => rest.to_owned(),
        _ => number,
    };
    Some(format!("{country}:{number}"))
}

/// The city block of a profile: its first city, folded.
fn city_key(profile: &PartnerProfile) -> String {
    profile
        .addresses
        .iter()
        .map(|address| fold(&address.city))
        .find(|city| !city.is_empty())
        .unwrap_or_default()
}

/// The first three characters of a name's key: names are compared only within such a block.
fn name_block(name: &str) -> Option<String> {
    let key = name_key(name).replace(' ', "");
    (!key.is_empty()).then(|| key.chars().take(3).collect())
}

/// Words that join or introduce names, dropped before names are compared; the same list as
/// `dedupe`'s (private there), which [`NameShape::may_match`] must follow to stay a true bound.
const CONNECTORS: &[&str] = &[
    "and", "und", "y", "e", "i", "et", "the", "of", "de", "del", "der", "la", "el", "le", "les",
    "di", "da", "do", "dos", "das", "van", "von",
];

/// A name with what `dedupe::name_similarity` compares of it, prepared once, so that the many
/// pairs of a large file that cannot reach [`NAME_THRESHOLD`] are ruled out without it (it
/// folds and strips both names on every call).
#[derive(Clone)]
struct NameShape {
    name: String,
    /// Significant words: (word, characters, has a digit).
    words: Vec<(String, usize, bool)>,
    joined: String,
}

impl NameShape {
    fn new(name: &str) -> Self {
        let key = name_key(name);
        let all: Vec<&str> = key.split(' ').filter(|word| !word.is_empty()).collect();
        let significant: Vec<&str> = all
            .iter()
            .copied()
            .filter(|word| !CONNECTORS.contains(word))
            .collect();
        let words = if significant.is_empty() {
            all
        } else {
            significant
        };
        Self {
            name: name.to_owned(),
            joined: words.concat(),
            words: words
                .into_iter()
                .map(|word| {
                    (
                        word.to_owned(),
                        word.chars().count(),
                        word.chars().any(char::is_numeric),
                    )
                })
                .collect(),
        }
    }

    /// The legal and trade names of a profile that are not empty.
    fn of(profile: &PartnerProfile) -> Vec<NameShape> {
        [&profile.legal_name, &profile.trade_name]
            .into_iter()
            .filter(|name| !name.trim().is_empty())
            .map(|name| NameShape::new(name))
            .collect()
    }

    /// Whether the two names could score [`NAME_THRESHOLD`]: the similarity is 0.8 × a word
    /// overlap + 0.2 × Jaro-Winkler, so the overlap must reach (threshold − 0.2) / 0.8; each word
    /// counts here as found when some word of the other name is within the edits the overlap
    /// allows (same length rules, digits exact), an upper bound of what it really scores.
    fn may_match(&self, other: &NameShape) -> bool {
        if self.words.is_empty() || other.words.is_empty() {
            return false;
        }
        if self.joined == other.joined {
            return true;
        }
        let needed = (NAME_THRESHOLD - 0.2) / 0.8;
        (reach(&self.words, &other.words) + reach(&other.words, &self.words)) / 2.0 >= needed - 1e-9
    }
}

/// The share of `from`'s letters in words that some word of `to` could match.
fn reach(from: &[(String, usize, bool)], to: &[(String, usize, bool)]) -> f64 {
    let mut total = 0;
    let mut found = 0;
    for (word, length, digits) in from {
        total += length;
        let possible = to.iter().any(|(other, other_length, other_digits)| {
            if *digits || *other_digits {
                return word == other;
            }
            let allowed = match (*length).max(*other_length) {
                0..=3 => 0,
                4..=8 => 1,
                _ => 2,
            };
            length.abs_diff(*other_length) <= allowed
        });
        if possible {
            found += length;
        }
    }
    if total == 0 {
        0.0
    } else {
        found as f64 / total as f64
    }
}

/// Earlier valid rows of the file.
#[derive(Default)]
struct FileIndex {
    by_tax: HashMap<String, usize>,
    by_external: HashMap<String, usize>,
    /// (city, name block) to the line and its names (legal, trade).
    by_name: HashMap<(String, String), Vec<NamedLine>>,
}

/// A line of the file and the shapes of its names.
type NamedLine = (usize, Vec<NameShape>);

impl FileIndex {
    fn duplicate_of(
        &self,
        profile: &PartnerProfile,
        external_id: &str,
    ) -> Option<(DuplicateOf, String)> {
        if let Some(line) = tax_key(profile).and_then(|key| self.by_tax.get(&key)) {
            return Some((DuplicateOf::Line(*line), "same tax id".into()));
        }
        if let Some(line) = self.by_external.get(external_id.trim()) {
            return Some((DuplicateOf::Line(*line), "same id".into()));
        }
        let city = city_key(profile);
        let mut best: Option<(f64, usize)> = None;
        for mine in NameShape::of(profile) {
            let Some(block) = name_block(&mine.name) else {
                continue;
            };
            for (line, theirs) in self
                .by_name
                .get(&(city.clone(), block))
                .into_iter()
                .flatten()
            {
                let score = theirs
                    .iter()
                    .filter(|other| mine.may_match(other))
                    .map(|other| name_similarity(&mine.name, &other.name))
                    .fold(0.0, f64::max);
                if score >= NAME_THRESHOLD && best.is_none_or(|(top, _)| score > top) {
                    best = Some((score, *line));
                }
            }
        }
        best.map(|(score, line)| {
            let percent = (score * 100.0 + 1e-9).floor() as u32;
            let place = if city.is_empty() {
                "and no city".to_owned()
            } else {
                "in the same city".to_owned()
            };
            (
                DuplicateOf::Line(line),
                format!("similar name ({percent} %) {place}"),
            )
        })
    }

    fn add(&mut self, line: usize, profile: &PartnerProfile, external_id: &str) {
        if let Some(key) = tax_key(profile) {
            self.by_tax.entry(key).or_insert(line);
        }
        if !external_id.trim().is_empty() {
            self.by_external
                .entry(external_id.trim().to_owned())
                .or_insert(line);
        }
        let city = city_key(profile);
        let blocks: BTreeSet<String> = [&profile.legal_name, &profile.trade_name]
            .into_iter()
            .filter_map(|name| name_block(name))
            .collect();
        let shapes = NameShape::of(profile);
        for block in blocks {
            self.by_name
                .entry((city.clone(), block))
                .or_default()
                .push((line, shapes.clone()));
        }
    }
}

/// The registry, indexed so each row is compared by `find_duplicates` with only the partners
/// that share a tax number, an email, a phone's last digits or a name block, not with all.
struct RegistryIndex<'a> {
    partners: HashMap<&'a str, &'a PartnerProfile>,
    keys: HashMap<String, Vec<&'a str>>,
    /// Name shapes of the partners met in a name block so far, made once per plan.
    shapes: RefCell<HashMap<&'a str, Vec<NameShape>>>,
}

impl<'a> RegistryIndex<'a> {
    fn new(existing: impl IntoIterator<Item = (&'a str, &'a Partner)>) -> Self {
        let mut index = RegistryIndex {
            partners: HashMap::new(),
            keys: HashMap::new(),
            shapes: RefCell::new(HashMap::new()),
        };
        for (id, partner) in existing {
            if partner.merged_into.is_some() {
                continue;
            }
            index.partners.insert(id, &partner.profile);
            for key in registry_keys(&partner.profile) {
                index.keys.entry(key).or_default().push(id);
            }
        }
        index
    }

    fn duplicate_of(
        &self,
        profile: &PartnerProfile,
        external_id: &str,
    ) -> Option<(DuplicateOf, String)> {
        if let Some((id, existing)) = self.partners.get_key_value(external_id.trim()) {
            return Some((
                DuplicateOf::Existing {
                    id: (*id).to_owned(),
                    name: existing.legal_name.clone(),
                },
                "same id (exported from this registry)".into(),
            ));
        }
        let mine = NameShape::of(profile);
        let mut ids: Vec<&str> = Vec::new();
        for key in registry_keys(profile) {
            let Some(found) = self.keys.get(&key) else {
                continue;
            };
            if !key.starts_with("name:") {
                ids.extend(found.iter().copied());
                continue;
            }
            // A name block is wide: only partners whose names could be similar go on.
            let mut shapes = self.shapes.borrow_mut();
            for id in found {
                let theirs = shapes
                    .entry(id)
                    .or_insert_with(|| NameShape::of(self.partners[id]));
                if mine
                    .iter()
                    .any(|mine| theirs.iter().any(|theirs| mine.may_match(theirs)))
                {
                    ids.push(id);
                }
            }
        }
        ids.sort_unstable();
        ids.dedup();
        let found = find_duplicates(
            profile,
            ids.iter().map(|id| (*id, self.partners[id])),
            None,
            1,
        );
        found.into_iter().next().map(|candidate| {
            let reason = candidate
                .reasons
                .iter()
                .map(|reason| reason.describe())
                .collect::<Vec<_>>()
                .join(", ");
            (
                DuplicateOf::Existing {
                    id: candidate.id,
                    name: candidate.legal_name,
                },
                reason,
            )
        })
    }
}

/// The blocking keys of a profile: a superset of what `find_duplicates` can match on.
fn registry_keys(profile: &PartnerProfile) -> Vec<String> {
    let mut keys = Vec::new();
    let number: String = profile
        .tax_id
        .number
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_uppercase();
    if number.len() >= 4 {
        // With and without a two-letter prefix, since either side may carry it.
        if number.len() >= 6 && number[..2].chars().all(|c| c.is_ascii_alphabetic()) {
            keys.push(format!("tax:{}", &number[2..]));
        }
        keys.push(format!("tax:{number}"));
    }
    for email in profile
        .emails
        .iter()
        .chain(profile.contacts.iter().map(|contact| &contact.email))
    {
        let email = email.trim().to_lowercase();
        if !email.is_empty() {
            keys.push(format!("email:{email}"));
        }
    }
    for phone in profile
        .phones
        .iter()
        .chain(profile.contacts.iter().map(|contact| &contact.phone))
    {
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        if digits.len() >= 7 {
            keys.push(format!("phone:{}", &digits[digits.len() - 7..]));
        }
    }
    for name in [&profile.legal_name, &profile.trade_name] {
        if let Some(block) = name_block(name) {
            keys.push(format!("name:{block}"));
        }
    }
    keys
}

// ---------------------------------------------------------------------------------------------
// Step 5: the rows not imported, to fix and import again

/// The rows of `plan` that are not imported, as CSV (comma-separated, CRLF, UTF-8) in the
/// table's original columns plus a last `error` column with every message of the row: the
/// invalid rows, and the duplicates except those whose lines are in `import_anyway`. A table
/// that already has an `error` column (a fixed file imported again) gets it overwritten rather
/// than a second one. Rows keep their fields as read: a short row is padded, a long one keeps
/// its extra fields after the error column, so that column lines up in every row.
pub fn skipped_rows_csv(
    table: &Table,
    plan: &PartnerImportPlan,
    import_anyway: &[usize],
) -> String {
    let error_column = table
        .headers
        .iter()
        .position(|header| header.trim().eq_ignore_ascii_case("error"));
    let mut headers: Vec<&str> = table.headers.iter().map(String::as_str).collect();
    if error_column.is_none() {
        headers.push("error");
    }
    let by_line: HashMap<usize, &TableRow> = table.rows.iter().map(|row| (row.line, row)).collect();
    let mut rows: Vec<Vec<String>> = Vec::new();
    for planned in &plan.rows {
        let message = match &planned.outcome {
            RowOutcome::Ready(_) => continue,
            RowOutcome::Duplicate { .. } if import_anyway.contains(&planned.line) => continue,
            RowOutcome::Duplicate { of, reason, .. } => match of {
                DuplicateOf::Existing { name, .. } => {
                    format!("Probably already registered as {name} ({reason})")
                }
                DuplicateOf::Line(line) => {
                    format!("Probably the same partner as line {line} ({reason})")
                }
            },
            RowOutcome::Invalid(errors) => errors
                .iter()
                .map(|error| error.message.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        };
        let Some(row) = by_line.get(&planned.line) else {
            continue;
        };
        let mut fields = row.fields.clone();
        if fields.len() < table.headers.len() {
            fields.resize(table.headers.len(), String::new());
        }
        match error_column {
            Some(index) => fields[index] = message,
            // Under the header's last column, before the extra fields of a long row.
            None => fields.insert(table.headers.len(), message),
        }
        rows.push(fields);
    }
    super::csv::to_csv(&headers, &rows)
}

// ---------------------------------------------------------------------------------------------
// Our JSON format

#[derive(Debug, Deserialize)]
struct JsonFile {
    format: String,
    version: u64,
    partners: Vec<serde_json::Value>,
}

/// Plans the import of a `partnero-partners` JSON file (our own export, see
/// `report::partner_export`) with the same validation and duplicate checks as a CSV; rows are
/// numbered by their 1-based position in `partners`, and errors name the JSON key. Row ids of
/// addresses, contacts and bank accounts are kept when the file has them.
pub fn plan_partner_json_import<'a>(
    text: &str,
    settings: &WorkspaceSettings,
    existing: impl IntoIterator<Item = (&'a str, &'a Partner)>,
) -> Result<PartnerImportPlan, FileError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(too_big());
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let format = super::partner_export::JSON_FORMAT;
    // serde_json's own description stays in English: it has no other.
    let file: JsonFile = serde_json::from_str(text).map_err(|problem| {
        file_error(
            "validate-import-file-not-json",
            vec![
                ("format", format.to_owned()),
                ("reason", problem.to_string()),
            ],
            format!("not a Partnero partners file (JSON with \"format\": \"{format}\"): {problem}"),
        )
    })?;
    if file.format != format {
        return Err(file_error(
            "validate-import-file-format",
            vec![
                ("format", format.to_owned()),
                ("found", format!("{:?}", file.format)),
            ],
            format!("expected \"format\": \"{format}\", found {:?}", file.format),
        ));
    }
    let supported = super::partner_export::JSON_VERSION;
    if file.version != supported {
        return Err(file_error(
            "validate-import-file-version",
            vec![
                ("version", file.version.to_string()),
                ("supported", supported.to_string()),
            ],
            format!(
                "version {} is not supported; this app reads version {supported}",
                file.version
            ),
        ));
    }
    if file.partners.len() > MAX_ROWS {
        let shown = group_thousands(MAX_ROWS);
        return Err(file_error(
            "validate-import-file-partners",
            vec![("count", MAX_ROWS.to_string()), ("shown", shown.clone())],
            format!("the file has more than {shown} partners; split it"),
        ));
    }
    let candidates = file
        .partners
        .into_iter()
        .enumerate()
        .map(|(index, value)| candidate_of_json(index + 1, value))
        .collect();
    Ok(plan_candidates(candidates, settings, existing))
}

fn candidate_of_json(position: usize, value: serde_json::Value) -> Candidate {
    let mut candidate = Candidate {
        line: position,
        label: format!("Partner {position}"),
        draft: PartnerDraft::default(),
        external_id: String::new(),
        problems: Vec::new(),
        sources: BTreeMap::new(),
    };
    let partner: JsonPartner = match serde_json::from_value(value) {
        Ok(partner) => partner,
        Err(problem) => {
            let error = candidate.problem(
                "",
                &Problem::new(
                    "validate-import-not-object",
                    vec![("reason", problem.to_string())],
                    format!("not a partner object: {problem}"),
                ),
            );
            candidate.problems.push(error);
            return candidate;
        }
    };
    let id_or = |id: String, fallback: String| if id.trim().is_empty() { fallback } else { id };
    candidate.external_id = partner.id;
    candidate.draft = PartnerDraft {
        kind: partner.kind,
        legal_name: partner.legal_name,
        trade_name: partner.trade_name,
        tax_country: partner.tax_id.country,
        tax_number: partner.tax_id.number,
        addresses: partner
            .addresses
            .into_iter()
            .enumerate()
            .map(|(index, address)| AddressDraft {
                id: id_or(address.id, format!("a{}", index + 1)),
                kind: address.kind,
                street: address.street,
                city: address.city,
                postal_code: address.postal_code,
                region: address.region,
                country: address.country,
            })
            .collect(),
        contacts: partner
            .contacts
            .into_iter()
            .enumerate()
            .map(|(index, contact)| ContactDraft {
                id: id_or(contact.id, format!("c{}", index + 1)),
                name: contact.name,
                role: contact.role,
                email: contact.email,
                phone: contact.phone,
            })
            .collect(),
        emails: partner.emails.join("\n"),
        phones: partner.phones.join("\n"),
        website: partner.website,
        payment_days: partner
            .payment_days
            .map(|days| days.to_string())
            .unwrap_or_default(),
        payment_method: partner.payment_method,
        bank_accounts: partner
            .bank_accounts
            .into_iter()
            .enumerate()
            .map(|(index, account)| BankAccountDraft {
                id: id_or(account.id, format!("b{}", index + 1)),
                iban: account.iban,
                bic: account.bic,
                holder: account.holder,
            })
            .collect(),
        industry: partner.industry,
        region: partner.region,
        notes: partner.notes,
        custom: partner.custom,
        categories: partner.categories,
        tags: partner.tags,
        industry_id: partner.industry_id,
        region_id: partner.region_id,
    };
    // Errors name the JSON key: the form's field path is the key path.
    for field in [
        "kind",
        "legal_name",
        "trade_name",
        "tax_country",
        "tax_number",
        "website",
        "payment_days",
        "payment_method",
        "industry_id",
        "region_id",
        "categories",
        "tags",
        "emails",
        "phones",
    ] {
        let key = match field {
            "tax_country" => "tax_id.country",
            "tax_number" => "tax_id.number",
            other => other,
        };
        candidate.sources.insert(field.into(), key.into());
    }
    for (field, count) in [
        ("emails", candidate.draft.emails.lines().count()),
        ("phones", candidate.draft.phones.lines().count()),
    ] {
        for position in 1..=count.max(1) {
            candidate.sources.insert(
                format!("{field}#{position}"),
                format!("{field}[{}]", position - 1),
            );
        }
    }
    for (index, _) in candidate.draft.addresses.iter().enumerate() {
        for part in ["kind", "street", "city", "postal_code", "region", "country"] {
            let path = format!("addresses[{index}].{part}");
            candidate.sources.insert(path.clone(), path);
        }
    }
    for (index, _) in candidate.draft.contacts.iter().enumerate() {
        for part in ["name", "role", "email", "phone"] {
            let path = format!("contacts[{index}].{part}");
            candidate.sources.insert(path.clone(), path);
        }
    }
    for (index, _) in candidate.draft.bank_accounts.iter().enumerate() {
        for part in ["iban", "bic", "holder"] {
            let path = format!("bank_accounts[{index}].{part}");
            candidate.sources.insert(path.clone(), path);
        }
    }
    for id in candidate.draft.custom.keys() {
        candidate
            .sources
            .insert(format!("custom.{id}"), format!("custom.{id}"));
    }
    candidate
}
