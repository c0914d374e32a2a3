//! From what a user typed to a valid partner profile: parse, don't validate.
//!
//! A [`PartnerDraft`] holds raw strings exactly as typed. [`validate_partner`] turns it into a
//! [`PartnerProfile`] or returns every [`FieldError`] of the form at once, each naming its field,
//! so the form can show them all next to the right inputs. Identifiers are checked with their
//! real rules ([`tax_id`], and IBAN, BIC, email, phone, website and postal codes in
//! [`formats`]) and stored in canonical form; the workspace settings add required fields, the
//! company's custom fields ([`check_custom_value`]) and the classification terms a partner may
//! reference.

mod custom;
mod draft;
pub mod formats;
pub mod tax_id;

pub use custom::{check_custom, check_custom_value};
pub use draft::{AddressDraft, BankAccountDraft, ContactDraft, PartnerDraft};

use std::collections::BTreeMap;

use crate::model::{
    Address, AddressKind, BankAccount, Contact, PartnerKind, PartnerProfile, PaymentMethod,
    PaymentTerms, TaxId, TermList, WorkspaceSettings,
};
use tax_id::TaxIdError;

/// One problem with one field of a form.
///
/// Every error the core produces carries a Fluent `key` (`locales/*/validate.ftl`) and its
/// `args`, and the English Fluent message renders exactly `message` for those args.
///
/// Framed problems: an error such as "Contact 1: email: the domain after the @ needs a dot" is
/// a framing ("Contact 1: email: …", key `validate-contact-email`) around a [`Problem`] of the
/// value. Fluent variables are values, not messages, so the problem travels as an argument
/// named `problem` whose value is the problem's own key prefixed with `@`
/// (`("problem", "@validate-email-domain-dot")`), followed by the problem's own arguments.
///
/// The interface (`ui::i18n::field_error`) resolves the `@key` arguments from the last to the
/// first, each translated with all the arguments as resolved so far, and then formats `key`.
/// That order lets a problem carry `@` arguments of its own after `problem` (a phone plan's
/// "a Spanish number", a tax identifier's name), and lets the import frame a whole error: its
/// `error` argument names the inner error's key, followed by the inner error's arguments. So
/// argument names are unique within one error: a problem never reuses a name of the framing
/// that carries it (framings use `index`, `typed`, `label`, `kind`, `list`, `id`, `row`,
/// `line`, `column`, …).
///
/// Arguments that are whole numbers written canonically ("2", "365", not "04" or "+34") are
/// meant as numbers, so plural selectors work; digits that are text (check digits "04", a
/// postal code "00184", a typed phone number "0612…") are meant as text and must keep their
/// leading zeros. `tests/validate_messages.rs` formats every kind of error exactly this way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// Machine path of the field, e.g. `legal_name` or `addresses[1].city`; the UI uses it to
    /// put the message next to the right input.
    pub field: String,
    /// Human sentence that names the field, e.g. "Address 2: city is required", in English:
    /// what logs, CSV error columns and tests read.
    pub message: String,
    /// The Fluent message that says the same in the interface's language (`locales/*/validate.ftl`),
    /// or "" while a message has none: the interface then shows `message`.
    pub key: &'static str,
    /// The message's variables, e.g. `("index", "2")`; see the type's documentation for the
    /// `problem` argument.
    pub args: Vec<(&'static str, String)>,
}

impl FieldError {
    /// An error whose message has no translation (the interface shows it as it is).
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            message: message.into(),
            key: "",
            args: Vec::new(),
        }
    }

    /// An error the interface translates with the Fluent message `key` and its `args`;
    /// `message` is the same text in English.
    pub fn keyed(
        field: impl Into<String>,
        message: impl Into<String>,
        key: &'static str,
        args: Vec<(&'static str, String)>,
    ) -> Self {
        FieldError {
            field: field.into(),
            message: message.into(),
            key,
            args,
        }
    }

    /// An error that frames `problem`: the Fluent message `key` with `args` and the argument
    /// `problem` = `@` + the problem's key, then the problem's own arguments. `message` is the
    /// whole English sentence, framing and problem.
    pub fn framed(
        field: impl Into<String>,
        message: impl Into<String>,
        key: &'static str,
        mut args: Vec<(&'static str, String)>,
        problem: &Problem,
    ) -> Self {
        args.push(("problem", format!("@{}", problem.key)));
        args.extend(problem.args.iter().cloned());
        FieldError::keyed(field, message, key, args)
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(&self.message)
    }
}

/// What is wrong with one value, without naming the form field ("an email address needs an @
/// between name and domain"): in English, and as a Fluent message with its variables, for a
/// [`FieldError`] that frames it (see [`FieldError::framed`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The English sentence.
    pub message: String,
    /// The Fluent message in `locales/*/validate.ftl` that renders `message` for `args`.
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Problem {
    pub fn new(
        key: &'static str,
        args: Vec<(&'static str, String)>,
        message: impl Into<String>,
    ) -> Self {
        Problem {
            message: message.into(),
            key,
            args,
        }
    }

    /// A problem whose message has no variables.
    pub fn fixed(key: &'static str, message: impl Into<String>) -> Self {
        Problem::new(key, Vec::new(), message)
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(&self.message)
    }
}

impl From<Problem> for String {
    fn from(problem: Problem) -> String {
        problem.message
    }
}

/// Longest number of payment days we accept; longer terms are almost certainly a typo.
pub const MAX_PAYMENT_DAYS: u32 = 365;

/// Checks a draft under the default settings (nothing beyond the basics required).
pub fn validate_partner(draft: &PartnerDraft) -> Result<PartnerProfile, Vec<FieldError>> {
    validate_partner_with(draft, &WorkspaceSettings::default())
}

/// Checks a draft under the workspace's settings and builds the profile, or returns every
/// error of the form.
pub fn validate_partner_with(
    draft: &PartnerDraft,
    settings: &WorkspaceSettings,
) -> Result<PartnerProfile, Vec<FieldError>> {
    let mut errors: Vec<FieldError> = Vec::new();
    let mut error = |error: FieldError| errors.push(error);
    let number = |index: usize| (index + 1).to_string();

    let kind = match PartnerKind::from_code(draft.kind.trim()) {
        Some(kind) => Some(kind),
        None => {
            error(FieldError::keyed(
                "kind",
                "Kind: choose client, supplier or both",
                "validate-kind-choose",
                Vec::new(),
            ));
            None
        }
    };

    let legal_name = collapse_spaces(&draft.legal_name);
    if legal_name.is_empty() {
        error(FieldError::keyed(
            "legal_name",
            "Legal name is required",
            "validate-legal-name-required",
            Vec::new(),
        ));
    }

    let mut tax_number = draft.tax_number.trim().to_owned();
    let tax_country = normalize_country(&draft.tax_country);
    if !tax_country.is_empty() && !is_country_code(&tax_country) {
        error(FieldError::keyed(
            "tax_country",
            "Tax id country: use a two-letter country code such as ES",
            "validate-tax-country-code",
            Vec::new(),
        ));
    } else if !tax_number.is_empty() && tax_country.is_empty() {
        error(FieldError::keyed(
            "tax_country",
            "Tax id country is required when a tax number is given",
            "validate-tax-country-required",
            Vec::new(),
        ));
    } else if !tax_number.is_empty() {
        match tax_id::check_tax_id(&tax_country, &tax_number) {
            Ok(canonical) => tax_number = canonical,
            // No rule for this country: kept as typed, without the separators.
            Err(TaxIdError::UnknownCountry(_)) => {
                tax_number = tax_number
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric())
                    .collect::<String>()
                    .to_ascii_uppercase()
            }
            Err(problem) => {
                let problem = problem.problem();
                error(FieldError::framed(
                    "tax_number",
                    format!("Tax id: {problem}"),
                    "validate-tax-id",
                    Vec::new(),
                    &problem,
                ))
            }
        }
    }
    // Where phone numbers without a +country prefix are dialled: the partner's country.
    let home_country = if tax_country.is_empty() {
        draft
            .addresses
            .iter()
            .map(|address| normalize_country(&address.country))
            .find(|country| !country.is_empty())
            .unwrap_or_default()
    } else {
        tax_country.clone()
    };

    let mut addresses = Vec::new();
    for (index, row) in draft
        .addresses
        .iter()
        .enumerate()
        .filter(|(_, row)| !row.is_blank())
    {
        let label = format!("Address {}", index + 1);
        let field = |name: &str| format!("addresses[{index}].{name}");
        let args = || vec![("index", number(index))];
        let kind = AddressKind::from_code(row.kind.trim());
        if kind.is_none() {
            error(FieldError::keyed(
                field("kind"),
                format!("{label}: choose billing, shipping or other"),
                "validate-address-kind",
                args(),
            ));
        }
        let city = collapse_spaces(&row.city);
        if city.is_empty() {
            error(FieldError::keyed(
                field("city"),
                format!("{label}: city is required"),
                "validate-address-city-required",
                args(),
            ));
        }
        let country = normalize_country(&row.country);
        if country.is_empty() {
            error(FieldError::keyed(
                field("country"),
                format!("{label}: country is required"),
                "validate-address-country-required",
                args(),
            ));
        } else if !is_country_code(&country) {
            error(FieldError::keyed(
                field("country"),
                format!("{label}: country must be a two-letter code such as ES"),
                "validate-address-country-code",
                args(),
            ));
        }
        let mut postal_code = row.postal_code.trim().to_owned();
        if !postal_code.is_empty() && is_country_code(&country) {
            match formats::check_postal_code(&country, &postal_code) {
                Ok(canonical) => postal_code = canonical,
                Err(problem) => error(FieldError::framed(
                    field("postal_code"),
                    format!("{label}: postal code: {problem}"),
                    "validate-address-postal-code",
                    args(),
                    &problem,
                )),
            }
        }
        addresses.push(Address {
            id: row.id.clone(),
            kind: kind.unwrap_or(AddressKind::Other),
            street: row.street.trim().to_owned(),
            city,
            postal_code,
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
        let args = || vec![("index", number(index))];
        let name = collapse_spaces(&row.name);
        if name.is_empty() {
            error(FieldError::keyed(
                format!("contacts[{index}].name"),
                format!("{label}: name is required"),
                "validate-contact-name-required",
                args(),
            ));
        }
        let mut email = row.email.trim().to_owned();
        if !email.is_empty() {
            match formats::check_email(&email) {
                Ok(canonical) => email = canonical,
                Err(problem) => error(FieldError::framed(
                    format!("contacts[{index}].email"),
                    format!("{label}: email: {problem}"),
                    "validate-contact-email",
                    args(),
                    &problem,
                )),
            }
        }
        let mut phone = row.phone.trim().to_owned();
        if !phone.is_empty() {
            match formats::check_phone(&phone, &home_country) {
                Ok(canonical) => phone = canonical,
                Err(problem) => error(FieldError::framed(
                    format!("contacts[{index}].phone"),
                    format!("{label}: phone: {problem}"),
                    "validate-contact-phone",
                    args(),
                    &problem,
                )),
            }
        }
        contacts.push(Contact {
            id: row.id.clone(),
            name,
            role: row.role.trim().to_owned(),
            email,
            phone,
        });
    }

    let mut emails: Vec<String> = non_blank_lines(&draft.emails);
    for (index, email) in emails.iter_mut().enumerate() {
        match formats::check_email(email) {
            Ok(canonical) => *email = canonical,
            Err(problem) => error(FieldError::framed(
                "emails",
                format!("Email {} ({email}): {problem}", index + 1),
                "validate-emails-line",
                vec![("index", number(index)), ("typed", email.clone())],
                &problem,
            )),
        }
    }
    let mut phones = non_blank_lines(&draft.phones);
    for (index, phone) in phones.iter_mut().enumerate() {
        match formats::check_phone(phone, &home_country) {
            Ok(canonical) => *phone = canonical,
            Err(problem) => error(FieldError::framed(
                "phones",
                format!("Phone {} ({phone}): {problem}", index + 1),
                "validate-phones-line",
                vec![("index", number(index)), ("typed", phone.clone())],
                &problem,
            )),
        }
    }
    let mut website = draft.website.trim().to_owned();
    if !website.is_empty() {
        match formats::check_url(&website) {
            Ok(canonical) => website = canonical,
            Err(problem) => error(FieldError::framed(
                "website",
                format!("Website: {problem}"),
                "validate-website",
                Vec::new(),
                &problem,
            )),
        }
    }

    let payment_days = match draft.payment_days.trim() {
        "" => None,
        text => match text.parse::<u32>() {
            Ok(days) if days <= MAX_PAYMENT_DAYS => Some(days),
            _ => {
                error(FieldError::keyed(
                    "payment_days",
                    format!("Payment days must be a whole number from 0 to {MAX_PAYMENT_DAYS}"),
                    "validate-payment-days",
                    vec![("max", MAX_PAYMENT_DAYS.to_string())],
                ));
                None
            }
        },
    };
    let payment_method =
        PaymentMethod::from_code(draft.payment_method.trim()).unwrap_or_else(|| {
            error(FieldError::keyed(
                "payment_method",
                "Payment method: choose one from the list",
                "validate-payment-method",
                Vec::new(),
            ));
            PaymentMethod::Unspecified
        });

    let mut bank_accounts = Vec::new();
    for (index, row) in draft
        .bank_accounts
        .iter()
        .enumerate()
        .filter(|(_, row)| !row.is_blank())
    {
        let label = format!("Bank account {}", index + 1);
        let args = || vec![("index", number(index))];
        let mut iban: String = row
            .iban
            .split_whitespace()
            .collect::<String>()
            .to_ascii_uppercase();
        if iban.is_empty() {
            error(FieldError::keyed(
                format!("bank_accounts[{index}].iban"),
                format!("{label}: IBAN is required"),
                "validate-bank-iban-required",
                args(),
            ));
        } else {
            match formats::check_iban(&iban) {
                Ok(canonical) => iban = canonical,
                Err(problem) => error(FieldError::framed(
                    format!("bank_accounts[{index}].iban"),
                    format!("{label}: IBAN: {problem}"),
                    "validate-bank-iban",
                    args(),
                    &problem,
                )),
            }
        }
        let mut bic = row.bic.trim().to_owned();
        if !bic.is_empty() {
            match formats::check_bic(&bic) {
                Ok(canonical) => bic = canonical,
                Err(problem) => error(FieldError::framed(
                    format!("bank_accounts[{index}].bic"),
                    format!("{label}: BIC: {problem}"),
                    "validate-bank-bic",
                    args(),
                    &problem,
                )),
            }
        }
        bank_accounts.push(BankAccount {
            id: row.id.clone(),
            iban,
            bic,
            holder: collapse_spaces(&row.holder),
        });
    }

    // What the company requires of this kind of partner (see Settings).
    if let Some(kind) = kind {
        let required = settings.required_for(kind);
        let who = match kind {
            PartnerKind::Client => "clients",
            PartnerKind::Supplier => "suppliers",
            PartnerKind::Both => "clients and suppliers",
        };
        let mut require = |missing: bool, field: &str, what: &str, key: &'static str| {
            if missing {
                error(FieldError::keyed(
                    field,
                    format!("{what} is required for {who} in this workspace (see Settings)"),
                    key,
                    vec![("kind", kind.code().to_owned())],
                ));
            }
        };
        require(
            required.tax_id && draft.tax_number.trim().is_empty(),
            "tax_number",
            "Tax id number",
            "validate-required-tax-id",
        );
        require(
            required.email
                && emails.is_empty()
                && contacts.iter().all(|contact| contact.email.is_empty()),
            "emails",
            "An email",
            "validate-required-email",
        );
        require(
            required.phone
                && phones.is_empty()
                && contacts.iter().all(|contact| contact.phone.is_empty()),
            "phones",
            "A phone number",
            "validate-required-phone",
        );
        require(
            required.address && addresses.is_empty(),
            "add-address",
            "An address",
            "validate-required-address",
        );
        require(
            required.contact && contacts.is_empty(),
            "add-contact",
            "A contact",
            "validate-required-contact",
        );
        require(
            required.bank_account && bank_accounts.is_empty(),
            "add-bank-account",
            "A bank account",
            "validate-required-bank-account",
        );
    }

    // The company's custom fields. Values the form does not show (archived fields, fields for
    // the other kind of partner, fields unknown here) are kept as they are: an edit never drops
    // data the user could not see.
    let mut custom: BTreeMap<String, String> = BTreeMap::new();
    for (id, raw) in &draft.custom {
        let shown = settings.custom_fields.get(id).is_some_and(|def| {
            !def.archived && kind.is_none_or(|kind| def.applies_to.includes(kind))
        });
        if !shown && !raw.is_empty() {
            custom.insert(id.clone(), raw.clone());
        }
    }
    for (id, def) in &settings.custom_fields {
        let applies = match kind {
            Some(kind) => def.applies_to.includes(kind),
            // Unknown kind: still report badly typed values, but not missing ones.
            None => draft
                .custom
                .get(id)
                .is_some_and(|raw| !raw.trim().is_empty()),
        };
        if def.archived || !applies {
            continue;
        }
        let raw = draft.custom.get(id).map(String::as_str).unwrap_or_default();
        match custom::check_custom(def, raw, &home_country) {
            Ok(value) if value.is_empty() => {}
            Ok(value) => {
                custom.insert(id.clone(), value);
            }
            Err(problem) => error(FieldError::keyed(
                format!("custom.{id}"),
                problem.message,
                problem.key,
                problem.args,
            )),
        }
    }

    // Classification: ids of the settings' lists, never free text.
    let mut pick = |list: TermList, ids: &[String]| -> BTreeMap<String, bool> {
        let mut picked = BTreeMap::new();
        for id in ids.iter().map(|id| id.trim()).filter(|id| !id.is_empty()) {
            if settings.has_term(list, id) {
                picked.insert(id.to_owned(), true);
            } else {
                error(FieldError::keyed(
                    list.field(),
                    format!(
                        "{}: {id} is not in the workspace's list (see Settings)",
                        list.label()
                    ),
                    "validate-term-unknown",
                    vec![("list", list.code().to_owned()), ("id", id.to_owned())],
                ));
            }
        }
        picked
    };
    let categories = pick(TermList::Categories, &draft.categories);
    let tags = pick(TermList::Tags, &draft.tags);
    let industry_id = draft.industry_id.trim().to_owned();
    pick(TermList::Industries, std::slice::from_ref(&industry_id));
    let region_id = draft.region_id.trim().to_owned();
    pick(TermList::Regions, std::slice::from_ref(&region_id));

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
            website,
            payment_terms: PaymentTerms {
                days: payment_days,
                method: payment_method,
            },
            bank_accounts,
            industry: collapse_spaces(&draft.industry),
            region: collapse_spaces(&draft.region),
            notes: draft.notes.trim_end().to_owned(),
            custom,
            categories,
            tags,
            industry_id,
            region_id,
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
    formats::is_country(code)
}

/// Upper case, trimmed; Greece's VAT prefix EL is accepted for GR.
fn normalize_country(text: &str) -> String {
    match text.trim().to_ascii_uppercase().as_str() {
        "EL" => "GR".to_owned(),
        other => other.to_owned(),
    }
}

/// A best-effort profile from a draft that may be incomplete or invalid, for checks made while
/// the user types (duplicate warnings): every field normalised where it can be, kept as typed
/// where it cannot, never an error.
pub fn loose_profile(draft: &PartnerDraft) -> PartnerProfile {
    let tax_country = normalize_country(&draft.tax_country);
    let raw_number = draft.tax_number.trim();
    let tax_number = if raw_number.is_empty() {
        String::new()
    } else {
        tax_id::check_tax_id(&tax_country, raw_number).unwrap_or_else(|_| {
            raw_number
                .chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_uppercase()
        })
    };
    let addresses: Vec<Address> = draft
        .addresses
        .iter()
        .filter(|row| !row.is_blank())
        .map(|row| Address {
            id: row.id.clone(),
            kind: AddressKind::from_code(row.kind.trim()).unwrap_or(AddressKind::Other),
            street: row.street.trim().to_owned(),
            city: collapse_spaces(&row.city),
            postal_code: row.postal_code.trim().to_owned(),
            region: row.region.trim().to_owned(),
            country: normalize_country(&row.country),
        })
        .collect();
    let home_country = if tax_country.is_empty() {
        addresses
            .iter()
            .map(|address| address.country.clone())
            .find(|country| !country.is_empty())
            .unwrap_or_default()
    } else {
        tax_country.clone()
    };
    let phone = |text: &str| {
        formats::normalize_phone(text, &home_country).unwrap_or_else(|_| text.trim().to_owned())
    };
    let email =
        |text: &str| formats::normalize_email(text).unwrap_or_else(|_| text.trim().to_lowercase());
    PartnerProfile {
        kind: PartnerKind::from_code(draft.kind.trim()).unwrap_or(PartnerKind::Both),
        legal_name: collapse_spaces(&draft.legal_name),
        trade_name: collapse_spaces(&draft.trade_name),
        tax_id: TaxId {
            country: tax_country.clone(),
            number: tax_number,
        },
        addresses,
        contacts: draft
            .contacts
            .iter()
            .filter(|row| !row.is_blank())
            .map(|row| Contact {
                id: row.id.clone(),
                name: collapse_spaces(&row.name),
                role: row.role.trim().to_owned(),
                email: if row.email.trim().is_empty() {
                    String::new()
                } else {
                    email(&row.email)
                },
                phone: if row.phone.trim().is_empty() {
                    String::new()
                } else {
                    phone(&row.phone)
                },
            })
            .collect(),
        emails: non_blank_lines(&draft.emails)
            .iter()
            .map(|text| email(text))
            .collect(),
        phones: non_blank_lines(&draft.phones)
            .iter()
            .map(|text| phone(text))
            .collect(),
        website: draft.website.trim().to_owned(),
        payment_terms: PaymentTerms {
            days: None,
            method: PaymentMethod::Unspecified,
        },
        bank_accounts: Vec::new(),
        industry: collapse_spaces(&draft.industry),
        region: collapse_spaces(&draft.region),
        notes: String::new(),
        custom: draft.custom.clone(),
        categories: set_of(&draft.categories),
        tags: set_of(&draft.tags),
        industry_id: draft.industry_id.trim().to_owned(),
        region_id: draft.region_id.trim().to_owned(),
    }
}

/// Non-blank ids as a set-like map.
fn set_of(ids: &[String]) -> BTreeMap<String, bool> {
    ids.iter()
        .map(|id| id.trim())
        .filter(|id| !id.is_empty())
        .map(|id| (id.to_owned(), true))
        .collect()
}
