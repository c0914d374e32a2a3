//! Export of partners for spreadsheets, other systems and address books: CSV and JSON that
//! `report::partner_import` reads back to the same profiles, and the contacts as vCard 3.0.
//!
//! Pure like the rest of `report`: the caller picks the partners (all of them, or the ids of the
//! current search, in the order to write) and turns the returned string into a download.
//!
//! **CSV** (RFC 4180, comma, CRLF; see `report::csv`), one row per partner. The columns are the
//! importer's target codes (`partner_import::Target::code`), so an exported file maps itself
//! column by column, in this order:
//! `id, kind, legal_name, trade_name, tax_country, tax_number, emails, phones, website,
//! payment_days, payment_method, industry, region, industry_id, region_id, categories, tags,
//! notes`, then numbered blocks `address1.kind, address1.street, address1.postal_code,
//! address1.city, address1.region, address1.country`, `contact1.name, contact1.role,
//! contact1.email, contact1.phone`, `bank1.iban, bank1.bic, bank1.holder` (as many blocks as the
//! partner with the most has, at least one, at most `partner_import::MAX_SLOTS`), then
//! `custom.<field id>` for every custom field of the settings or of the partners. Emails, phones,
//! categories and tags hold several values joined with "; " (no email, E.164 phone or id holds
//! a `;`); categories, tags, industry_id and region_id are the settings' term ids, not names,
//! since two categories under different parents may share a name. `id` is the partner's
//! document id: importing the file into the registry it came from finds every row a duplicate
//! of its original, rather than doubling the registry.
//!
//! **JSON**: `{"format":"partnero-partners","version":1,"partners":[…]}`, each partner an object
//! with `id`, `status` (`active` or `archived`), `kind`, `legal_name`, `trade_name`,
//! `tax_id` `{country, number}`, `addresses` `[{id, kind, street, city, postal_code, region,
//! country}]`, `contacts` `[{id, name, role, email, phone}]`, `emails` and `phones` (arrays),
//! `website`, `payment_days` (a number or null), `payment_method` (a `PaymentMethod::code`, ""
//! for none), `bank_accounts` `[{id, iban, bic, holder}]`, `industry`, `region`, `industry_id`,
//! `region_id`, `categories` and `tags` (arrays of ids), `notes`, `custom` (field id to value),
//! `created_at_ms` and `updated_at_ms`. Status and times are information: an import creates
//! active partners now. Readers ignore keys they do not know; a change that old readers would
//! misread bumps `version`.
//!
//! **vCard 3.0** (RFC 2426), one card per contact: `FN` and `N` (the first word as given name,
//! the rest as family name: a guess, since names are stored whole), `ORG` the partner's legal
//! name, `TITLE` the role, `EMAIL`, `TEL`, and a `UID` made of the partner and contact ids so an
//! address book updates rather than duplicates a card exported twice. Text is escaped (`\\`,
//! `\,`, `\;`, `\n`), lines end in CRLF and are folded at 75 octets, never inside a character.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::model::{
    Address, BankAccount, Contact, Partner, PartnerStatus, PaymentMethod, PaymentTerms,
    WorkspaceSettings,
};

use super::csv::to_csv;
use super::partner_import::{AddressPart, BankPart, ContactPart, Target, MAX_SLOTS};

/// Value of the `format` key of a partners JSON file.
pub const JSON_FORMAT: &str = "partnero-partners";
/// Value of the `version` key; bump it only with a documented change of the format.
pub const JSON_VERSION: u64 = 1;

/// The download name of an export made on `today` (ISO date), e.g.
/// `partnero-partners-2026-11-28.csv` or, for vCards, `partnero-contacts-2026-11-28.vcf`.
pub fn export_file_name(what: &str, today: &str, extension: &str) -> String {
    format!("partnero-{what}-{today}.{extension}")
}

/// Address parts in export order (no second street line: the street holds it all).
const ADDRESS_PARTS: [AddressPart; 6] = [
    AddressPart::Kind,
    AddressPart::Street,
    AddressPart::PostalCode,
    AddressPart::City,
    AddressPart::Region,
    AddressPart::Country,
];

/// The columns before the numbered blocks, in order.
const LEADING: [Target; 18] = [
    Target::ExternalId,
    Target::Kind,
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

/// The partners as CSV (see the module notes for the columns). `settings` adds a column for
/// each of its custom fields even when no exported partner has a value, so exports of one
/// workspace share their columns.
pub fn partners_csv<'a>(
    partners: impl IntoIterator<Item = (&'a str, &'a Partner)>,
    settings: &WorkspaceSettings,
) -> String {
    let partners: Vec<(&str, &Partner)> = partners.into_iter().collect();
    let slots = |count: fn(&Partner) -> usize| -> u8 {
        let most = partners
            .iter()
            .map(|(_, partner)| count(partner))
            .max()
            .unwrap_or(0)
            .max(1);
        u8::try_from(most).unwrap_or(MAX_SLOTS).min(MAX_SLOTS)
    };
    let addresses = slots(|partner| partner.profile.addresses.len());
    let contacts = slots(|partner| partner.profile.contacts.len());
    let banks = slots(|partner| partner.profile.bank_accounts.len());
    let custom: BTreeSet<&str> = settings
        .custom_fields
        .keys()
        .map(String::as_str)
        .chain(
            partners
                .iter()
                .flat_map(|(_, partner)| partner.profile.custom.keys().map(String::as_str)),
        )
        .collect();

    let mut columns: Vec<Target> = LEADING.to_vec();
    for slot in 0..addresses {
        columns.extend(ADDRESS_PARTS.map(|part| Target::Address(slot, part)));
    }
    for slot in 0..contacts {
        columns.extend(ContactPart::ALL.map(|part| Target::Contact(slot, part)));
    }
    for slot in 0..banks {
        columns.extend(BankPart::ALL.map(|part| Target::Bank(slot, part)));
    }
    columns.extend(custom.iter().map(|id| Target::Custom((*id).to_owned())));

    let headers: Vec<String> = columns.iter().map(Target::code).collect();
    let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    let rows: Vec<Vec<String>> = partners
        .iter()
        .map(|(id, partner)| {
            columns
                .iter()
                .map(|column| cell(id, partner, column))
                .collect()
        })
        .collect();
    to_csv(&header_refs, &rows)
}

/// One CSV cell.
fn cell(id: &str, partner: &Partner, column: &Target) -> String {
    fn joined<'s>(values: impl Iterator<Item = &'s String>) -> String {
        values.map(String::as_str).collect::<Vec<_>>().join("; ")
    }
    let profile = &partner.profile;
    match column {
        Target::ExternalId => id.to_owned(),
        Target::Kind => profile.kind.code().to_owned(),
        Target::CustomerFlag => profile.kind.is_client().to_string(),
        Target::SupplierFlag => profile.kind.is_supplier().to_string(),
        Target::LegalName => profile.legal_name.clone(),
        Target::TradeName => profile.trade_name.clone(),
        Target::TaxCountry => profile.tax_id.country.clone(),
        Target::TaxNumber => profile.tax_id.number.clone(),
        Target::Email => joined(profile.emails.iter()),
        Target::Phone => joined(profile.phones.iter()),
        Target::Website => profile.website.clone(),
        Target::PaymentDays => profile
            .payment_terms
            .days
            .map(|days| days.to_string())
            .unwrap_or_default(),
        Target::PaymentMethod => profile.payment_terms.method.code().to_owned(),
        Target::Industry => profile.industry.clone(),
        Target::Region => profile.region.clone(),
        Target::IndustryTerm => profile.industry_id.clone(),
        Target::RegionTerm => profile.region_id.clone(),
        Target::Categories => joined(profile.categories.keys()),
        Target::Tags => joined(profile.tags.keys()),
        Target::Notes => profile.notes.clone(),
        Target::Address(slot, part) => profile
            .addresses
            .get(usize::from(*slot))
            .map(|address| match part {
                AddressPart::Kind => address.kind.code().to_owned(),
                AddressPart::Street => address.street.clone(),
                AddressPart::Street2 => String::new(),
                AddressPart::City => address.city.clone(),
                AddressPart::PostalCode => address.postal_code.clone(),
                AddressPart::Region => address.region.clone(),
                AddressPart::Country => address.country.clone(),
            })
            .unwrap_or_default(),
        Target::Contact(slot, part) => profile
            .contacts
            .get(usize::from(*slot))
            .map(|contact| match part {
                ContactPart::Name => contact.name.clone(),
                ContactPart::Role => contact.role.clone(),
                ContactPart::Email => contact.email.clone(),
                ContactPart::Phone => contact.phone.clone(),
            })
            .unwrap_or_default(),
        Target::Bank(slot, part) => profile
            .bank_accounts
            .get(usize::from(*slot))
            .map(|account| match part {
                BankPart::Iban => account.iban.clone(),
                BankPart::Bic => account.bic.clone(),
                BankPart::Holder => account.holder.clone(),
            })
            .unwrap_or_default(),
        Target::Custom(field) => profile.custom.get(field).cloned().unwrap_or_default(),
    }
}

// ---------------------------------------------------------------------------------------------
// JSON

/// The JSON shape of one partner, shared by the export and `partner_import`'s reader. Every key
/// is optional when read.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct JsonPartner {
    pub id: String,
    pub status: String,
    pub kind: String,
    pub legal_name: String,
    pub trade_name: String,
    pub tax_id: JsonTaxId,
    pub addresses: Vec<JsonAddress>,
    pub contacts: Vec<JsonContact>,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub website: String,
    pub payment_days: Option<u32>,
    pub payment_method: String,
    pub bank_accounts: Vec<JsonBank>,
    pub industry: String,
    pub region: String,
    pub industry_id: String,
    pub region_id: String,
    pub categories: Vec<String>,
    pub tags: Vec<String>,
    pub notes: String,
    pub custom: BTreeMap<String, String>,
    pub created_at_ms: Option<i64>,
    pub updated_at_ms: Option<i64>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct JsonTaxId {
    pub country: String,
    pub number: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct JsonAddress {
    pub id: String,
    pub kind: String,
    pub street: String,
    pub city: String,
    pub postal_code: String,
    pub region: String,
    pub country: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct JsonContact {
    pub id: String,
    pub name: String,
    pub role: String,
    pub email: String,
    pub phone: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct JsonBank {
    pub id: String,
    pub iban: String,
    pub bic: String,
    pub holder: String,
}

impl JsonPartner {
    fn of(id: &str, partner: &Partner) -> Self {
        let profile = &partner.profile;
        let PaymentTerms { days, method } = profile.payment_terms;
        Self {
            id: id.to_owned(),
            status: match partner.status {
                PartnerStatus::Active => "active",
                PartnerStatus::Archived => "archived",
            }
            .into(),
            kind: profile.kind.code().into(),
            legal_name: profile.legal_name.clone(),
            trade_name: profile.trade_name.clone(),
            tax_id: JsonTaxId {
                country: profile.tax_id.country.clone(),
                number: profile.tax_id.number.clone(),
            },
            addresses: profile.addresses.iter().map(JsonAddress::of).collect(),
            contacts: profile.contacts.iter().map(JsonContact::of).collect(),
            emails: profile.emails.clone(),
            phones: profile.phones.clone(),
            website: profile.website.clone(),
            payment_days: days,
            payment_method: PaymentMethod::code(method).into(),
            bank_accounts: profile.bank_accounts.iter().map(JsonBank::of).collect(),
            industry: profile.industry.clone(),
            region: profile.region.clone(),
            industry_id: profile.industry_id.clone(),
            region_id: profile.region_id.clone(),
            categories: profile.categories.keys().cloned().collect(),
            tags: profile.tags.keys().cloned().collect(),
            notes: profile.notes.clone(),
            custom: profile.custom.clone(),
            created_at_ms: Some(partner.created_at_ms),
            updated_at_ms: Some(partner.updated_at_ms),
        }
    }
}

impl JsonAddress {
    fn of(address: &Address) -> Self {
        Self {
            id: address.id.clone(),
            kind: address.kind.code().into(),
            street: address.street.clone(),
            city: address.city.clone(),
            postal_code: address.postal_code.clone(),
            region: address.region.clone(),
            country: address.country.clone(),
        }
    }
}

impl JsonContact {
    fn of(contact: &Contact) -> Self {
        Self {
            id: contact.id.clone(),
            name: contact.name.clone(),
            role: contact.role.clone(),
            email: contact.email.clone(),
            phone: contact.phone.clone(),
        }
    }
}

impl JsonBank {
    fn of(account: &BankAccount) -> Self {
        Self {
            id: account.id.clone(),
            iban: account.iban.clone(),
            bic: account.bic.clone(),
            holder: account.holder.clone(),
        }
    }
}

#[derive(Serialize)]
struct JsonFileOut {
    format: &'static str,
    version: u64,
    partners: Vec<JsonPartner>,
}

/// The partners as a `partnero-partners` JSON file (see the module notes), pretty-printed so
/// that a diff of two exports is readable.
pub fn partners_json<'a>(partners: impl IntoIterator<Item = (&'a str, &'a Partner)>) -> String {
    let file = JsonFileOut {
        format: JSON_FORMAT,
        version: JSON_VERSION,
        partners: partners
            .into_iter()
            .map(|(id, partner)| JsonPartner::of(id, partner))
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
    text.push('\n');
    text
}

// ---------------------------------------------------------------------------------------------
// vCard

/// Every contact of the partners as vCard 3.0, one card per contact, in partner then contact
/// order (see the module notes). Partners without contacts give no card.
pub fn contacts_vcard<'a>(partners: impl IntoIterator<Item = (&'a str, &'a Partner)>) -> String {
    let mut out = String::new();
    for (partner_id, partner) in partners {
        for contact in &partner.profile.contacts {
            let name = contact.name.trim();
            let (given, family) = match name.split_once(' ') {
                Some((given, family)) => (given, family.trim()),
                None => (name, ""),
            };
            line(&mut out, "BEGIN:VCARD");
            line(&mut out, "VERSION:3.0");
            line(
                &mut out,
                &format!(
                    "UID:{}",
                    escape(&format!("urn:partnero:{partner_id}:{}", contact.id))
                ),
            );
            line(&mut out, &format!("FN:{}", escape(name)));
            line(
                &mut out,
                &format!("N:{};{};;;", escape(family), escape(given)),
            );
            line(
                &mut out,
                &format!("ORG:{}", escape(&partner.profile.legal_name)),
            );
            if !contact.role.trim().is_empty() {
                line(&mut out, &format!("TITLE:{}", escape(contact.role.trim())));
            }
            if !contact.email.trim().is_empty() {
                line(
                    &mut out,
                    &format!("EMAIL;TYPE=INTERNET:{}", escape(contact.email.trim())),
                );
            }
            if !contact.phone.trim().is_empty() {
                line(
                    &mut out,
                    &format!("TEL;TYPE=WORK,VOICE:{}", escape(contact.phone.trim())),
                );
            }
            line(&mut out, "END:VCARD");
        }
    }
    out
}

/// Escapes a vCard text value: backslash, comma, semicolon and line breaks (RFC 2426 §4).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            other => out.push(other),
        }
    }
    out
}

/// Appends a content line folded at 75 octets (continuations start with one space, which
/// counts), cut only between characters, each physical line ended by CRLF.
fn line(out: &mut String, content: &str) {
    const LIMIT: usize = 75;
    let mut used = 0;
    for c in content.chars() {
        if used + c.len_utf8() > LIMIT {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}
