//! The follow-up document of one partner (interactions, reminders and internal notes), and the follow-up
//! settings the workspace keeps: message templates and alert rules.
//!
//! Activity lives in its own Automerge document per partner, next to the partner and finance
//! documents, so a busy sales log never grows the partner record every device opens, and access
//! can be cut along the document boundary. Interactions and reminders are maps keyed by row id,
//! so entries logged on two phones at once both survive the merge. Positions are integers
//! (degrees × 10⁷, metres): no floats in documents, where they would not compare or merge
//! exactly.
//!
//! [`MessageTemplate`] and [`AlertRules`] are settings types; they belong in the workspace
//! settings and are defined here only to keep the follow-up vocabulary in one file.

use std::collections::BTreeMap;

use autosurgeon::{Hydrate, Reconcile};
use serde::{Deserialize, Serialize};

use super::verification::parse_iso_date;

/// Shape version of activity documents; bump it only together with a migration and a test that
/// opens documents of the old shape.
pub const ACTIVITY_SCHEMA_VERSION: u64 = 1;

/// Root of a partner's activity document.
#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct PartnerActivity {
    pub schema_version: u64,
    /// Document id of the partner.
    pub partner_id: String,
    /// Interactions keyed by row id.
    #[autosurgeon(missing = "Default::default")]
    pub interactions: BTreeMap<String, Interaction>,
    /// Reminders keyed by row id.
    #[autosurgeon(missing = "Default::default")]
    pub reminders: BTreeMap<String, Reminder>,
    /// The partner's internal notes: here rather than in the partner record so that a role
    /// denied activity is denied them too (the registry shows them as `profile.notes`).
    #[autosurgeon(missing = "Default::default")]
    #[serde(default)]
    pub notes: String,
}

/// How we were in touch with the partner.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Reconcile, Hydrate, Serialize, Deserialize,
)]
pub enum InteractionKind {
    Call,
    Visit,
    Email,
    Meeting,
    Note,
}

/// One logged contact with the partner.
#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct Interaction {
    pub kind: InteractionKind,
    /// When it happened, milliseconds since the Unix epoch (passed in by the caller).
    pub at_ms: i64,
    /// Who logged it (user id).
    pub author: String,
    pub summary: String,
    /// Where a visit was logged, when the device knew and the user allowed it.
    #[autosurgeon(missing = "Default::default")]
    pub position: Option<GeoPosition>,
    /// The message template the interaction was written from, if any.
    #[autosurgeon(missing = "Default::default")]
    pub template_id: Option<String>,
}

/// A position in integers: degrees × 10⁷ (about a centimetre, the precision of the browser's
/// geolocation and more) and an accuracy radius in metres.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct GeoPosition {
    pub latitude_e7: i64,
    pub longitude_e7: i64,
    pub accuracy_m: u32,
}

/// A follow-up someone set for themselves or a colleague.
#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct Reminder {
    /// ISO date the follow-up is due.
    pub due_date: String,
    pub text: String,
    pub done: bool,
    /// ISO date until which the reminder is hidden; it shows again on that day.
    #[autosurgeon(missing = "Default::default")]
    pub snoozed_until: Option<String>,
    pub author: String,
    pub created_at_ms: i64,
}

/// A message text with placeholders, kept in the workspace settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct MessageTemplate {
    pub name: String,
    /// The language the template is written in (`en`, `es`, `eo`): its amounts and dates are
    /// filled in that language's format. Empty in templates written before languages existed,
    /// which are read as English.
    #[autosurgeon(missing = "Default::default")]
    #[serde(default)]
    pub language: String,
    pub subject: String,
    /// May use `{partner}`, `{contact}`, `{invoice}`, `{amount}` and `{due_date}`.
    pub body: String,
}

/// The values placeholders are replaced with; `None` leaves the placeholder as written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TemplateValues {
    pub partner: Option<String>,
    pub contact: Option<String>,
    pub invoice: Option<String>,
    /// Already formatted with its currency, e.g. `1234.56 EUR`.
    pub amount: Option<String>,
    pub due_date: Option<String>,
}

/// A template with its placeholders filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilledMessage {
    pub subject: String,
    pub body: String,
    /// Placeholders left as written, with their braces, in order of first appearance: unknown
    /// ones (a typo such as `{parnter}`) and known ones without a value. The UI shows them so
    /// nobody sends "Dear {contact}".
    pub missing: Vec<String>,
}

/// Which alerts the workspace wants. Each rule is its own field (and map key in the document)
/// so two administrators changing different rules both keep their change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct AlertRules {
    /// Alert when an open invoice is due within this many days; `None`: never.
    #[autosurgeon(missing = "default_invoice_due_in_days")]
    pub invoice_due_in_days: Option<u32>,
    /// Alert for every overdue invoice.
    #[autosurgeon(missing = "default_true")]
    pub invoice_overdue: bool,
    /// Alert when a verification document expires within this many days; `None`: never.
    #[autosurgeon(missing = "default_document_expiring_in_days")]
    pub document_expiring_in_days: Option<u32>,
    /// Alert for reminders that are due.
    #[autosurgeon(missing = "default_true")]
    pub follow_up_dates: bool,
    /// Alert for partners missing data the settings require.
    #[autosurgeon(missing = "default_true")]
    pub required_data_missing: bool,
}

impl Default for AlertRules {
    fn default() -> Self {
        Self {
            invoice_due_in_days: default_invoice_due_in_days(),
            invoice_overdue: true,
            document_expiring_in_days: default_document_expiring_in_days(),
            follow_up_dates: true,
            required_data_missing: true,
        }
    }
}

// A rule missing from an older document reads as its default, not as "off": the rules shipped
// on before they were stored.
fn default_invoice_due_in_days() -> Option<u32> {
    Some(3)
}

fn default_document_expiring_in_days() -> Option<u32> {
    Some(super::settings::DEFAULT_EXPIRY_WARNING_DAYS)
}

fn default_true() -> bool {
    true
}

impl PartnerActivity {
    /// An empty activity document for the partner with document id `partner_id`.
    pub fn new(partner_id: impl Into<String>) -> Self {
        Self {
            schema_version: ACTIVITY_SCHEMA_VERSION,
            partner_id: partner_id.into(),
            interactions: BTreeMap::new(),
            reminders: BTreeMap::new(),
            notes: String::new(),
        }
    }

    /// The latest interaction's time, for "last contact" columns.
    pub fn last_interaction_ms(&self) -> Option<i64> {
        self.interactions.values().map(|i| i.at_ms).max()
    }
}

impl Reminder {
    /// Whether the reminder should show on day `today`: not done, due today or earlier, and not
    /// snoozed past today. A reminder whose due date is not a date shows (better seen than lost).
    pub fn is_due(&self, today: i64) -> bool {
        if self.done {
            return false;
        }
        let due = parse_iso_date(&self.due_date).unwrap_or(i64::MIN);
        let snoozed_past_today = self
            .snoozed_until
            .as_deref()
            .and_then(parse_iso_date)
            .is_some_and(|until| until > today);
        due <= today && !snoozed_past_today
    }
}

impl InteractionKind {
    pub const ALL: [InteractionKind; 5] = [
        InteractionKind::Call,
        InteractionKind::Visit,
        InteractionKind::Email,
        InteractionKind::Meeting,
        InteractionKind::Note,
    ];

    /// Stable machine name, used in forms and URLs.
    pub fn code(self) -> &'static str {
        match self {
            InteractionKind::Call => "call",
            InteractionKind::Visit => "visit",
            InteractionKind::Email => "email",
            InteractionKind::Meeting => "meeting",
            InteractionKind::Note => "note",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            InteractionKind::Call => "Call",
            InteractionKind::Visit => "Visit",
            InteractionKind::Email => "Email",
            InteractionKind::Meeting => "Meeting",
            InteractionKind::Note => "Note",
        }
    }
}

/// The placeholder names templates may use.
pub const TEMPLATE_PLACEHOLDERS: [&str; 5] =
    ["partner", "contact", "invoice", "amount", "due_date"];

/// Fills `template`'s subject and body from `values`. A placeholder is `{name}` with `name` made
/// of lower-case letters, digits and `_`; any other brace is plain text. Unknown placeholders and
/// known ones without a value are left as written and listed in `missing`.
pub fn fill_template(template: &MessageTemplate, values: &TemplateValues) -> FilledMessage {
    let mut missing = Vec::new();
    let subject = fill_text(&template.subject, values, &mut missing);
    let body = fill_text(&template.body, values, &mut missing);
    FilledMessage {
        subject,
        body,
        missing,
    }
}

fn fill_text(text: &str, values: &TemplateValues, missing: &mut Vec<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
            .unwrap_or(after.len());
        if name_len > 0 && after[name_len..].starts_with('}') {
            let name = &after[..name_len];
            let value = match name {
                "partner" => values.partner.as_deref(),
                "contact" => values.contact.as_deref(),
                "invoice" => values.invoice.as_deref(),
                "amount" => values.amount.as_deref(),
                "due_date" => values.due_date.as_deref(),
                _ => None,
            };
            match value {
                Some(value) => out.push_str(value),
                None => {
                    let written = format!("{{{name}}}");
                    out.push_str(&written);
                    if !missing.contains(&written) {
                        missing.push(written);
                    }
                }
            }
            rest = &after[name_len + 1..];
        } else {
            out.push('{');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}
