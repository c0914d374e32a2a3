//! From what a user typed to a valid partner profile: parse, don't validate.
//!
//! A [`PartnerDraft`] holds raw strings exactly as typed. [`validate_partner`] turns it into a
//! [`PartnerProfile`] or returns every [`FieldError`] of the form at once, each naming its field,
//! so the form can show them all next to the right inputs. For now the checks are the basic
//! required-field and shape checks; checksum rules (tax ids, IBAN, …) come with data quality.

mod draft;

pub use draft::{AddressDraft, BankAccountDraft, ContactDraft, PartnerDraft};

use crate::model::{
    Address, AddressKind, BankAccount, Contact, PartnerKind, PartnerProfile, PaymentMethod,
    PaymentTerms, TaxId,
};

/// One problem with one field of a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// Machine path of the field, e.g. `legal_name` or `addresses[1].city`; the UI uses it to
    /// put the message next to the right input.
    pub field: String,
    /// Human sentence that names the field, e.g. "Address 2: city is required".
    pub message: String,
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(&self.message)
    }
}

/// Longest number of payment days we accept; longer terms are almost certainly a typo.
pub const MAX_PAYMENT_DAYS: u32 = 365;

/// Checks a draft and builds the profile, or returns every error of the form.
pub fn validate_partner(draft: &PartnerDraft) -> Result<PartnerProfile, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut error = |field: String, message: String| errors.push(FieldError { field, message });

    let kind = match PartnerKind::from_code(draft.kind.trim()) {
        Some(kind) => Some(kind),
        None => {
            error(
                "kind".into(),
                "Kind: choose client, supplier or both".into(),
            );
            None
        }
    };

    let legal_name = collapse_spaces(&draft.legal_name);
    if legal_name.is_empty() {
        error("legal_name".into(), "Legal name is required".into());
    }

    let tax_number = draft.tax_number.trim().to_owned();
    let tax_country = draft.tax_country.trim().to_ascii_uppercase();
    if !tax_country.is_empty() && !is_country_code(&tax_country) {
        error(
            "tax_country".into(),
            "Tax id country: use a two-letter country code such as ES".into(),
        );
    } else if !tax_number.is_empty() && tax_country.is_empty() {
        error(
            "tax_country".into(),
            "Tax id country is required when a tax number is given".into(),
        );
    }

    let mut addresses = Vec::new();
    for (index, row) in draft
        .addresses
        .iter()
        .enumerate()
        .filter(|(_, row)| !row.is_blank())
    {
        let label = format!("Address {}", index + 1);
        let field = |name: &str| format!("addresses[{index}].{name}");
        let kind = AddressKind::from_code(row.kind.trim());
        if kind.is_none() {
            error(
                field("kind"),
                format!("{label}: choose billing, shipping or other"),
            );
        }
        let city = collapse_spaces(&row.city);
        if city.is_empty() {
            error(field("city"), format!("{label}: city is required"));
        }
        let country = row.country.trim().to_ascii_uppercase();
        if country.is_empty() {
            error(field("country"), format!("{label}: country is required"));
        } else if !is_country_code(&country) {
            error(
                field("country"),
                format!("{label}: country must be a two-letter code such as ES"),
            );
        }
        addresses.push(Address {
            id: row.id.clone(),
            kind: kind.unwrap_or(AddressKind::Other),
            street: row.street.trim().to_owned(),
            city,
            postal_code: row.postal_code.trim().to_owned(),
            region: row.region.trim().to_owned(),
            country,
        });
    }

    let mut contacts = Vec::new();
    for (index, row) in draft
        .contacts
        .iter()
        .enumerate()
        .filter(|(_, row)| !row.is_blank())
    {
        let label = format!("Contact {}", index + 1);
        let name = collapse_spaces(&row.name);
        if name.is_empty() {
            error(
                format!("contacts[{index}].name"),
                format!("{label}: name is required"),
            );
        }
        let email = row.email.trim().to_owned();
        if !email.is_empty() && !looks_like_email(&email) {
            error(
                format!("contacts[{index}].email"),
                format!("{label}: email {email:?} has no user@domain form"),
            );
        }
        contacts.push(Contact {
            id: row.id.clone(),
            name,
            role: row.role.trim().to_owned(),
            email,
            phone: row.phone.trim().to_owned(),
        });
    }

    let emails: Vec<String> = non_blank_lines(&draft.emails);
    for (index, email) in emails.iter().enumerate() {
        if !looks_like_email(email) {
            error(
                format!("emails[{index}]"),
                format!("Email {}: {email:?} has no user@domain form", index + 1),
            );
        }
    }
    let phones = non_blank_lines(&draft.phones);

    let payment_days = match draft.payment_days.trim() {
        "" => None,
        text => match text.parse::<u32>() {
            Ok(days) if days <= MAX_PAYMENT_DAYS => Some(days),
            _ => {
                error(
                    "payment_days".into(),
                    format!("Payment days must be a whole number from 0 to {MAX_PAYMENT_DAYS}"),
                );
                None
            }
        },
    };
    let payment_method =
        PaymentMethod::from_code(draft.payment_method.trim()).unwrap_or_else(|| {
            error(
                "payment_method".into(),
                "Payment method: choose one from the list".into(),
            );
            PaymentMethod::Unspecified
        });

    let mut bank_accounts = Vec::new();
    for (index, row) in draft
        .bank_accounts
        .iter()
        .enumerate()
        .filter(|(_, row)| !row.is_blank())
    {
        let iban: String = row
            .iban
            .split_whitespace()
            .collect::<String>()
            .to_ascii_uppercase();
        if iban.is_empty() {
            error(
                format!("bank_accounts[{index}].iban"),
                format!("Bank account {}: IBAN is required", index + 1),
            );
        }
        bank_accounts.push(BankAccount {
            id: row.id.clone(),
            iban,
            bic: row
                .bic
                .split_whitespace()
                .collect::<String>()
                .to_ascii_uppercase(),
            holder: collapse_spaces(&row.holder),
        });
    }

    match (errors.is_empty(), kind) {
        (true, Some(kind)) => Ok(PartnerProfile {
            kind,
            legal_name,
            trade_name: collapse_spaces(&draft.trade_name),
            tax_id: TaxId {
                country: tax_country,
                number: tax_number,
            },
            addresses,
            contacts,
            emails,
            phones,
            website: draft.website.trim().to_owned(),
            payment_terms: PaymentTerms {
                days: payment_days,
                method: payment_method,
            },
            bank_accounts,
            industry: collapse_spaces(&draft.industry),
            region: collapse_spaces(&draft.region),
            notes: draft.notes.trim_end().to_owned(),
        }),
        _ => Err(errors),
    }
}

/// Trims and turns inner runs of whitespace into one space ("ACME   S.L. " -> "ACME S.L.").
fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One entry per non-blank line, trimmed.
fn non_blank_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

fn is_country_code(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|byte| byte.is_ascii_uppercase())
}

/// The basic shape check of this slice; full email syntax comes with data quality.
fn looks_like_email(text: &str) -> bool {
    match text.split_once('@') {
        Some((user, domain)) => {
            !user.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !text.contains(char::is_whitespace)
        }
        None => false,
    }
}
