//! Verification documents of a partner (business licence, contract, certificate, …) and the
//! partner's derived verification state.
//!
//! The document's metadata lives in the partner's Automerge document, keyed by a row id so that
//! two devices adding documents at once both keep theirs. The file itself (a photo or a PDF)
//! stays out of Automerge: the record names it by the SHA-256 of its content ([`FileRef`]), the
//! bytes live in the device's file store and on the sync server (see `crate::files`).

use std::collections::BTreeMap;

use autosurgeon::{Hydrate, Reconcile};
use serde::{Deserialize, Serialize};

use super::partner::Partner;
use super::settings::WorkspaceSettings;

/// What kind of document a verification document is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Reconcile, Hydrate, Serialize, Deserialize,
)]
pub enum DocumentKind {
    BusinessLicence,
    Contract,
    Certificate,
    Insurance,
    BankCertificate,
    Other,
}

/// Where a document stands in review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub enum ReviewStatus {
    Pending,
    Verified,
    Rejected,
}

/// A file named by its content.
#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct FileRef {
    /// SHA-256 of the content, 64 lower-case hex characters.
    pub sha256: String,
    pub size: u64,
    /// e.g. `image/jpeg` or `application/pdf`.
    pub media_type: String,
    /// The file name as picked or photographed, for display and download.
    pub name: String,
}

/// One verification document of a partner.
#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct VerificationDocument {
    pub kind: DocumentKind,
    pub number: String,
    /// ISO dates (`YYYY-MM-DD`), empty when unknown.
    pub issued_on: String,
    pub expires_on: String,
    pub file: Option<FileRef>,
    pub status: ReviewStatus,
    /// Who set the status and when (milliseconds since the Unix epoch).
    pub status_by: String,
    pub status_at_ms: i64,
    pub added_by: String,
    pub added_at_ms: i64,
}

/// A partner's verification state, derived from the settings, never typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VerificationState {
    /// Required data or documents are missing (or a required document was rejected or has
    /// expired); the list says what.
    Incomplete(Vec<String>),
    /// Everything required is there, but some required document is not verified yet.
    PendingReview,
    Verified,
}

impl VerificationState {
    pub fn code(&self) -> &'static str {
        match self {
            VerificationState::Incomplete(_) => "incomplete",
            VerificationState::PendingReview => "pending",
            VerificationState::Verified => "verified",
        }
    }

    pub fn label(&self) -> &'static str {
        match self {
            VerificationState::Incomplete(_) => "Incomplete",
            VerificationState::PendingReview => "Pending review",
            VerificationState::Verified => "Verified",
        }
    }

    pub const CODES: [(&'static str, &'static str); 3] = [
        ("incomplete", "Incomplete"),
        ("pending", "Pending review"),
        ("verified", "Verified"),
    ];
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 6] = [
        DocumentKind::BusinessLicence,
        DocumentKind::Contract,
        DocumentKind::Certificate,
        DocumentKind::Insurance,
        DocumentKind::BankCertificate,
        DocumentKind::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DocumentKind::BusinessLicence => "business_licence",
            DocumentKind::Contract => "contract",
            DocumentKind::Certificate => "certificate",
            DocumentKind::Insurance => "insurance",
            DocumentKind::BankCertificate => "bank_certificate",
            DocumentKind::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            DocumentKind::BusinessLicence => "Business licence",
            DocumentKind::Contract => "Contract",
            DocumentKind::Certificate => "Certificate",
            DocumentKind::Insurance => "Insurance",
            DocumentKind::BankCertificate => "Bank certificate",
            DocumentKind::Other => "Other",
        }
    }
}

impl ReviewStatus {
    pub fn code(self) -> &'static str {
        match self {
            ReviewStatus::Pending => "pending",
            ReviewStatus::Verified => "verified",
            ReviewStatus::Rejected => "rejected",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ReviewStatus::Pending => "Pending",
            ReviewStatus::Verified => "Verified",
            ReviewStatus::Rejected => "Rejected",
        }
    }
}

/// One item of what a partner is missing, as `VerificationState::Incomplete` words it in
/// English; the interface reads it back with [`missing_item`] to word it in its language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MissingItem {
    /// Data of the profile: `tax-id`, `email`, `phone`, `address`, `contact`, `bank-account`.
    Data(&'static str),
    /// A required document with no usable copy.
    Document(DocumentKind),
}

/// The English words of each missing piece of data, with its code.
const MISSING_DATA: [(&str, &str); 6] = [
    ("tax id", "tax-id"),
    ("email", "email"),
    ("phone", "phone"),
    ("address", "address"),
    ("contact", "contact"),
    ("bank account", "bank-account"),
];

/// What an item of `VerificationState::Incomplete` stands for; `None` for anything this
/// version did not write.
pub fn missing_item(item: &str) -> Option<MissingItem> {
    if let Some((_, code)) = MISSING_DATA.iter().find(|(words, _)| *words == item) {
        return Some(MissingItem::Data(code));
    }
    let kind = item.strip_suffix(" (valid)")?;
    DocumentKind::ALL
        .into_iter()
        .find(|candidate| candidate.label().to_lowercase() == kind)
        .map(MissingItem::Document)
}

/// Days since 1970-01-01 of an ISO date `YYYY-MM-DD`, or `None` if it is not a real date.
/// Hand-written (Howard Hinnant's days-from-civil) because the core needs only this one
/// conversion and a date crate would add to the wasm bundle.
pub fn parse_iso_date(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year: i64 = text[0..4].parse().ok()?;
    let month: i64 = text[5..7].parse().ok()?;
    let day: i64 = text[8..10].parse().ok()?;
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if !(1..=days_in_month).contains(&day) {
        return None;
    }
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let month_index = (month + 9) % 12;
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Some(era * 146_097 + day_of_era - 719_468)
}

/// Whole days since 1970-01-01 (UTC) of a time in milliseconds.
pub fn day_of(now_ms: i64) -> i64 {
    now_ms.div_euclid(86_400_000)
}

impl VerificationDocument {
    /// Expired on `today` (days since the epoch): the expiry date has passed.
    pub fn is_expired(&self, today: i64) -> bool {
        parse_iso_date(&self.expires_on).is_some_and(|expiry| expiry < today)
    }

    /// Expires within `days` days from `today` (and has not expired yet).
    pub fn expires_soon(&self, today: i64, days: u32) -> bool {
        parse_iso_date(&self.expires_on)
            .is_some_and(|expiry| expiry >= today && expiry <= today + i64::from(days))
    }
}

impl Partner {
    /// The partner's verification state under `settings` on day `today`.
    pub fn verification_state(
        &self,
        settings: &WorkspaceSettings,
        today: i64,
    ) -> VerificationState {
        let required = settings.required_for(self.profile.kind);
        let profile = &self.profile;
        let mut missing = Vec::new();
        if required.tax_id && profile.tax_id.number.trim().is_empty() {
            missing.push("tax id".to_owned());
        }
        if required.email
            && profile.emails.is_empty()
            && profile.contacts.iter().all(|c| c.email.is_empty())
        {
            missing.push("email".to_owned());
        }
        if required.phone
            && profile.phones.is_empty()
            && profile.contacts.iter().all(|c| c.phone.is_empty())
        {
            missing.push("phone".to_owned());
        }
        if required.address && profile.addresses.is_empty() {
            missing.push("address".to_owned());
        }
        if required.contact && profile.contacts.is_empty() {
            missing.push("contact".to_owned());
        }
        if required.bank_account && profile.bank_accounts.is_empty() {
            missing.push("bank account".to_owned());
        }
        let mut pending = false;
        for kind in &required.documents {
            let usable: Vec<&VerificationDocument> = self
                .documents
                .values()
                .filter(|document| document.kind == *kind)
                .filter(|document| document.status != ReviewStatus::Rejected)
                .filter(|document| !document.is_expired(today))
                .collect();
            if usable.is_empty() {
                missing.push(format!("{} (valid)", kind.label().to_lowercase()));
            } else if !usable
                .iter()
                .any(|document| document.status == ReviewStatus::Verified)
            {
                pending = true;
            }
        }
        if !missing.is_empty() {
            VerificationState::Incomplete(missing)
        } else if pending {
            VerificationState::PendingReview
        } else {
            VerificationState::Verified
        }
    }

    /// Documents expiring within the settings' warning period, soonest first.
    pub fn expiring_documents(
        &self,
        settings: &WorkspaceSettings,
        today: i64,
    ) -> Vec<(&String, &VerificationDocument)> {
        let mut found: Vec<(&String, &VerificationDocument)> = self
            .documents
            .iter()
            .filter(|(_, document)| document.expires_soon(today, settings.expiry_warning_days))
            .collect();
        found.sort_by(|a, b| a.1.expires_on.cmp(&b.1.expires_on));
        found
    }
}

/// Documents keyed by row id.
pub type Documents = BTreeMap<String, VerificationDocument>;
