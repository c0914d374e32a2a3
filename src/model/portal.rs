//! The portal document of one partner: what the partner's contacts propose to change in their
//! record, and what the company asks them for (documents, answers).
//!
//! A portal contact may read their partner's record but never write it (see `access.rs`): they
//! write only this document, and staff decide, field by field, what of a proposal goes into
//! the record. So the record stays the company's, and every change to it is one a staff member
//! approved (the history names both, see `registry::history`).
//!
//! - **Proposals carry values as JSON text**, one per top-level profile field, plus the value
//!   the contact saw when proposing (`base`). Text, not nested Automerge objects: a proposal is
//!   written once and never merged field by field, and staff must see exactly what was
//!   proposed even after the record changed. Comparing `base` with the record tells staff that
//!   someone else changed the field meanwhile.
//! - **Decisions are per field**, in a map keyed by field name, so two staff members deciding
//!   different fields at once both keep theirs.
//! - Only the fields in [`PROPOSABLE_FIELDS`] may be proposed: the identity, contact and payment
//!   data a contact knows best. Kind, status, notes, classification and custom fields are the
//!   company's own.
//! - Pure: no IO, clock or randomness; ids and times come in as arguments.

use std::collections::BTreeMap;

use autosurgeon::{Hydrate, Reconcile};
use serde::{Deserialize, Serialize};

use super::partner::{AddressKind, PartnerProfile, PaymentMethod};
use super::verification::FileRef;
use crate::validate::{validate_partner, PartnerDraft};

/// Shape version of portal documents; bump it only together with a migration and a test that
/// opens documents of the old shape.
pub const PORTAL_SCHEMA_VERSION: u64 = 1;

/// The profile fields a contact may propose, with the label staff see, in display order.
pub const PROPOSABLE_FIELDS: [(&str, &str); 10] = [
    ("legal_name", "Legal name"),
    ("trade_name", "Trade name"),
    ("tax_id", "Tax id"),
    ("addresses", "Addresses"),
    ("contacts", "Contacts"),
    ("emails", "Emails"),
    ("phones", "Phones"),
    ("website", "Website"),
    ("payment_terms", "Payment terms"),
    ("bank_accounts", "Bank accounts"),
];

/// Fields whose change could redirect money: staff must approve them one by one, never as
/// part of an "accept all".
pub const EXPLICIT_APPROVAL_FIELDS: [&str; 1] = ["bank_accounts"];

/// Root of a partner's portal document.
#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct PartnerPortal {
    pub schema_version: u64,
    /// Document id of the partner.
    pub partner: String,
    /// What the company asked the partner for, keyed by request id.
    #[autosurgeon(missing = "Default::default")]
    pub requests: BTreeMap<String, DataRequest>,
    /// Changes the partner's contacts proposed, keyed by proposal id.
    #[autosurgeon(missing = "Default::default")]
    pub proposals: BTreeMap<String, Proposal>,
}

/// What a request asks for.
#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub enum RequestKind {
    /// A file, e.g. a certificate; `document_kind` names it (a `DocumentKind` code or free text).
    Document { document_kind: String },
    /// A question answered in text.
    Question,
}

/// Something the company asked a partner's contacts for.
#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct DataRequest {
    pub id: String,
    pub text: String,
    pub kind: RequestKind,
    /// The staff member who asked.
    pub asked_by: String,
    pub asked_at_ms: i64,
    /// The contact's answer; empty until answered.
    pub answer: String,
    /// The file the contact sent (its bytes live in the file store).
    pub file: Option<FileRef>,
    pub answered_by: String,
    pub answered_at_ms: Option<i64>,
    /// Closed by staff: answered well enough, or no longer needed.
    pub closed: bool,
}

/// A change a contact proposed to the partner's record.
#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct Proposal {
    pub id: String,
    /// The contact's name, as the record's history will name them.
    pub author: String,
    pub author_email: String,
    pub created_at_ms: i64,
    /// Profile field name → the proposed value, as JSON text.
    pub fields: BTreeMap<String, String>,
    /// Profile field name → the value the contact saw when proposing, as JSON text.
    pub base: BTreeMap<String, String>,
    /// Profile field name → what staff decided.
    #[autosurgeon(missing = "Default::default")]
    pub decisions: BTreeMap<String, Decision>,
}

/// A staff member's decision on one proposed field.
#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct Decision {
    pub accepted: bool,
    /// The staff member who decided.
    pub by: String,
    pub at_ms: i64,
}

/// Where a proposal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProposalStatus {
    /// Nothing decided yet.
    Open,
    /// Some fields decided, some not.
    PartlyDecided,
    /// Every field decided.
    Decided,
}

/// One proposed field next to the record, for the staff's review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldComparison {
    pub field: String,
    pub label: String,
    /// The record's value now, as readable text (one line per row of a list).
    pub current: String,
    /// The proposed value, as readable text.
    pub proposed: String,
    /// The record's value changed since the contact saw it: the proposal may undo that change.
    pub base_changed: bool,
    pub decision: Option<Decision>,
    /// Must be approved on its own (see [`EXPLICIT_APPROVAL_FIELDS`]).
    pub needs_explicit_approval: bool,
}

impl PartnerPortal {
    /// An empty portal document for the partner with document id `partner`.
    pub fn new(partner: impl Into<String>) -> Self {
        Self {
            schema_version: PORTAL_SCHEMA_VERSION,
            partner: partner.into(),
            requests: BTreeMap::new(),
            proposals: BTreeMap::new(),
        }
    }

    /// Requests not closed, oldest first.
    pub fn open_requests(&self) -> Vec<&DataRequest> {
        let mut open: Vec<&DataRequest> = (self.requests.values())
            .filter(|request| !request.closed)
            .collect();
        open.sort_by_key(|request| (request.asked_at_ms, request.id.clone()));
        open
    }

    /// Proposals with fields still to decide, oldest first.
    pub fn open_proposals(&self) -> Vec<&Proposal> {
        let mut open: Vec<&Proposal> = (self.proposals.values())
            .filter(|proposal| proposal_status(proposal) != ProposalStatus::Decided)
            .collect();
        open.sort_by_key(|proposal| (proposal.created_at_ms, proposal.id.clone()));
        open
    }
}

impl DataRequest {
    /// Whether the contact answered (text or a file).
    pub fn is_answered(&self) -> bool {
        self.answered_at_ms.is_some()
    }
}

impl RequestKind {
    pub fn label(&self) -> &'static str {
        match self {
            RequestKind::Document { .. } => "Document",
            RequestKind::Question => "Question",
        }
    }
}

/// The label of a proposable field, or `None` when contacts may not propose it.
pub fn field_label(field: &str) -> Option<&'static str> {
    PROPOSABLE_FIELDS
        .iter()
        .find(|(name, _)| *name == field)
        .map(|(_, label)| *label)
}

/// The JSON of a profile's top-level field, `None` for a field the profile does not have.
fn field_value(profile: &PartnerProfile, field: &str) -> Option<serde_json::Value> {
    match serde_json::to_value(profile) {
        Ok(serde_json::Value::Object(mut map)) => map.remove(field),
        _ => None,
    }
}

/// The JSON text of a profile's top-level field (empty for one it does not have).
pub fn field_json(profile: &PartnerProfile, field: &str) -> String {
    field_value(profile, field)
        .map(|value| value.to_string())
        .unwrap_or_default()
}

/// The proposable fields that differ between `current` and `edited`, each with `edited`'s
/// value as JSON text.
pub fn proposed_fields(
    current: &PartnerProfile,
    edited: &PartnerProfile,
) -> BTreeMap<String, String> {
    PROPOSABLE_FIELDS
        .iter()
        .filter_map(|(field, _)| {
            let new = field_value(edited, field)?;
            (field_value(current, field).as_ref() != Some(&new))
                .then(|| ((*field).to_owned(), new.to_string()))
        })
        .collect()
}

/// `profile` with `field` set to the JSON value `json`, not validated.
fn with_field(profile: &PartnerProfile, field: &str, json: &str) -> Result<PartnerProfile, String> {
    let label = field_label(field)
        .ok_or_else(|| format!("{field} is not a field partner contacts may change"))?;
    let value: serde_json::Value = serde_json::from_str(json)
        .map_err(|error| format!("{label}: the proposed value cannot be read ({error})"))?;
    let mut whole = serde_json::to_value(profile).map_err(|error| error.to_string())?;
    if let serde_json::Value::Object(map) = &mut whole {
        map.insert(field.to_owned(), value);
    }
    serde_json::from_value(whole)
        .map_err(|error| format!("{label}: the proposed value does not fit the field ({error})"))
}

/// The profile field a validation error is about (its machine path's first segment, with the
/// form's split fields joined back).
fn profile_field_of_error(path: &str) -> &str {
    let head = path.split(['[', '.']).next().unwrap_or(path);
    match head {
        "tax_country" | "tax_number" => "tax_id",
        "payment_days" | "payment_method" => "payment_terms",
        other => other,
    }
}

/// `profile` with the proposed `json` value of `field`, checked with the registration form's
/// rules and in their canonical form (an IBAN without spaces, a phone with its country code).
/// Problems of other fields (older records may have some) are not this field's: they do not
/// block it. Every error names the field.
pub fn apply_field(
    profile: &PartnerProfile,
    field: &str,
    json: &str,
) -> Result<PartnerProfile, String> {
    let mut candidate = with_field(profile, field, json)?;
    let label = field_label(field).unwrap_or(field);
    match validate_partner(&PartnerDraft::from_profile(&candidate)) {
        Ok(valid) => {
            // Only this field is taken in canonical form; the others stay exactly as they are.
            if let Some(canonical) = field_value(&valid, field) {
                candidate = with_field(&candidate, field, &canonical.to_string())?;
            }
            Ok(candidate)
        }
        Err(errors) => {
            let own: Vec<String> = errors
                .iter()
                .filter(|error| profile_field_of_error(&error.field) == field)
                .map(|error| error.message.clone())
                .collect();
            if own.is_empty() {
                Ok(candidate)
            } else {
                Err(format!("{label}: {}", own.join("; ")))
            }
        }
    }
}

/// The proposed fields staff have not decided yet, in display order.
pub fn pending(proposal: &Proposal) -> Vec<String> {
    ordered_fields(proposal)
        .into_iter()
        .filter(|field| !proposal.decisions.contains_key(field))
        .collect()
}

/// Where a proposal stands.
pub fn proposal_status(proposal: &Proposal) -> ProposalStatus {
    let decided = (proposal.fields.keys())
        .filter(|field| proposal.decisions.contains_key(*field))
        .count();
    if decided == 0 && !proposal.fields.is_empty() {
        ProposalStatus::Open
    } else if decided < proposal.fields.len() {
        ProposalStatus::PartlyDecided
    } else {
        ProposalStatus::Decided
    }
}

/// The proposal's fields, known ones in [`PROPOSABLE_FIELDS`] order, then any others (from a
/// newer app) by name.
fn ordered_fields(proposal: &Proposal) -> Vec<String> {
    let known = PROPOSABLE_FIELDS
        .iter()
        .map(|(field, _)| (*field).to_owned())
        .filter(|field| proposal.fields.contains_key(field));
    let unknown = (proposal.fields.keys())
        .filter(|field| field_label(field).is_none())
        .cloned();
    known.chain(unknown).collect()
}

/// The few words a readable field needs beyond the data: what "nothing" is, the names of
/// address kinds, and payment terms. English by default; the interface passes its language's.
pub struct ReadableWords {
    pub none: String,
    pub address_kind: Box<dyn Fn(AddressKind) -> String>,
    pub payment_terms: Box<dyn Fn(Option<u32>, PaymentMethod) -> String>,
}

impl ReadableWords {
    /// The core's English words.
    pub fn english() -> Self {
        ReadableWords {
            none: NONE.to_owned(),
            address_kind: Box::new(|kind| kind.label().to_owned()),
            payment_terms: Box::new(|days, method| match days {
                Some(1) => format!("1 day, {}", method.label()),
                Some(days) => format!("{days} days, {}", method.label()),
                None => method.label().to_owned(),
            }),
        }
    }
}

/// Every proposed field next to the record's current value, for the staff's review.
pub fn comparison(current: &PartnerProfile, proposal: &Proposal) -> Vec<FieldComparison> {
    comparison_in(current, proposal, &ReadableWords::english())
}

/// [`comparison`] with the values written with `words` (the interface's language).
pub fn comparison_in(
    current: &PartnerProfile,
    proposal: &Proposal,
    words: &ReadableWords,
) -> Vec<FieldComparison> {
    ordered_fields(proposal)
        .into_iter()
        .map(|field| {
            let json = proposal.fields.get(&field).cloned().unwrap_or_default();
            let proposed = match with_field(current, &field, &json) {
                Ok(profile) => readable_in(&profile, &field, words),
                // Not readable as the field (a newer app's field): shown as written.
                Err(_) => json.clone(),
            };
            let now = field_value(current, &field);
            let seen = (proposal.base.get(&field))
                .and_then(|text| serde_json::from_str::<serde_json::Value>(text).ok());
            FieldComparison {
                label: field_label(&field).unwrap_or(&field).to_owned(),
                current: readable_in(current, &field, words),
                proposed,
                // No base recorded: nobody can say the record is as the contact saw it.
                base_changed: seen.is_none() || seen != now,
                decision: proposal.decisions.get(&field).cloned(),
                needs_explicit_approval: EXPLICIT_APPROVAL_FIELDS.contains(&field.as_str()),
                field,
            }
        })
        .collect()
}

const NONE: &str = "(none)";

/// A field of a profile as people read it: lists one row a line, no JSON.
pub fn readable(profile: &PartnerProfile, field: &str) -> String {
    readable_in(profile, field, &ReadableWords::english())
}

/// [`readable`] with `words` for "nothing", address kinds and payment terms.
pub fn readable_in(profile: &PartnerProfile, field: &str, words: &ReadableWords) -> String {
    let or_none = |text: String| {
        if text.trim().is_empty() {
            words.none.clone()
        } else {
            text
        }
    };
    let lines = |rows: Vec<String>| or_none(rows.join("\n"));
    let joined = |parts: &[&str], separator: &str| {
        parts
            .iter()
            .map(|part| part.trim())
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(separator)
    };
    match field {
        "legal_name" => or_none(profile.legal_name.clone()),
        "trade_name" => or_none(profile.trade_name.clone()),
        "website" => or_none(profile.website.clone()),
        "tax_id" => or_none(joined(
            &[&profile.tax_id.country, &profile.tax_id.number],
            " ",
        )),
        "addresses" => lines(
            (profile.addresses.iter())
                .map(|address| {
                    let place = joined(&[&address.postal_code, &address.city], " ");
                    format!(
                        "{}: {}",
                        (words.address_kind)(address.kind),
                        joined(
                            &[&address.street, &place, &address.region, &address.country],
                            ", "
                        )
                    )
                })
                .collect(),
        ),
        "contacts" => lines(
            (profile.contacts.iter())
                .map(|contact| {
                    let name = if contact.role.trim().is_empty() {
                        contact.name.clone()
                    } else {
                        format!("{} ({})", contact.name, contact.role)
                    };
                    joined(&[&name, &contact.email, &contact.phone], " · ")
                })
                .collect(),
        ),
        "emails" => lines(profile.emails.clone()),
        "phones" => lines(profile.phones.clone()),
        "payment_terms" => {
            let terms = profile.payment_terms;
            (words.payment_terms)(terms.days, terms.method)
        }
        "bank_accounts" => lines(
            (profile.bank_accounts.iter())
                .map(|account| {
                    let iban = format!("IBAN {}", grouped(&account.iban));
                    let bic = if account.bic.trim().is_empty() {
                        String::new()
                    } else {
                        format!("BIC {}", account.bic)
                    };
                    joined(&[&iban, &bic, &account.holder], " · ")
                })
                .collect(),
        ),
        other => field_json(profile, other),
    }
}

/// An IBAN in groups of four, as printed on statements, so a changed digit is easy to spot.
fn grouped(iban: &str) -> String {
    let compact: Vec<char> = iban.chars().filter(|c| !c.is_whitespace()).collect();
    compact
        .chunks(4)
        .map(|chunk| chunk.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}
