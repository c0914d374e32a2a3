//! Alerts for the home screen and notifications: invoices due soon or overdue, verification
//! documents about to expire, reminders that are due, and partners missing required data.
//!
//! Every alert has a stable id built from what it is about ("invoice-due:<partner>:<invoice>"),
//! not from when it was computed, so the UI can remember per id that an alert was snoozed or
//! dismissed, and the same alert computed on another device or tomorrow has the same id.

use crate::model::{
    format_amount, parse_iso_date, AlertRules, InvoiceDirection, Partner, PartnerActivity,
    PartnerFinance, VerificationState, WorkspaceSettings,
};

use super::dates::iso_date_of_day;
use super::invoices::{invoice_status, InvoiceStatus};

/// What an alert is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum AlertKind {
    InvoiceDueSoon,
    InvoiceOverdue,
    DocumentExpiring,
    ReminderDue,
    RequiredDataMissing,
}

/// One alert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    /// Stable: the same thing alerted about gives the same id on every device and day.
    pub id: String,
    pub partner_id: String,
    pub kind: AlertKind,
    /// The day the alert is about (due day, expiry day, reminder day; today for missing data).
    pub due_day: i64,
    /// A sentence naming the partner, in English (notifications before the interface has a
    /// language, logs, tests).
    pub text: String,
    /// The partner's name, and what the alert is about: what the interface words in the
    /// person's language, with amounts and dates in their format.
    pub partner_name: String,
    pub subject: AlertSubject,
}

/// What an alert is about, as data rather than words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AlertSubject {
    /// An invoice due soon or overdue; `open_minor` is what is still open, in `currency`.
    Invoice {
        direction: InvoiceDirection,
        number: String,
        open_minor: i64,
        currency: String,
        due_date: String,
        days_overdue: i64,
    },
    /// A document expiring on `expires_on` (ISO date).
    Document {
        kind: crate::model::DocumentKind,
        expires_on: String,
    },
    /// A follow-up reminder's own text, as its author wrote it.
    Reminder { text: String },
    /// Required data missing: the items of `VerificationState::Incomplete`.
    Missing { items: Vec<String> },
}

/// One partner's documents, as the alerts read them; finance and activity are optional because
/// a user may not be allowed to open them, or they may not exist yet.
#[derive(Debug, Clone, Copy)]
pub struct AlertInput<'a> {
    pub partner_id: &'a str,
    pub partner: &'a Partner,
    pub finance: Option<&'a PartnerFinance>,
    pub activity: Option<&'a PartnerActivity>,
}

impl AlertKind {
    pub fn code(self) -> &'static str {
        match self {
            AlertKind::InvoiceDueSoon => "invoice-due",
            AlertKind::InvoiceOverdue => "invoice-overdue",
            AlertKind::DocumentExpiring => "document-expiring",
            AlertKind::ReminderDue => "reminder",
            AlertKind::RequiredDataMissing => "data-missing",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AlertKind::InvoiceDueSoon => "Invoice due soon",
            AlertKind::InvoiceOverdue => "Invoice overdue",
            AlertKind::DocumentExpiring => "Document expiring",
            AlertKind::ReminderDue => "Follow-up due",
            AlertKind::RequiredDataMissing => "Required data missing",
        }
    }
}

/// Every alert `rules` ask for on day `today`, soonest first (then by id). Partners merged into
/// another are skipped (their survivor carries the alerts); archived partners get no
/// missing-data alerts, since nobody completes an archived record, but their open invoices,
/// documents and reminders still alert.
pub fn alerts<'a>(
    inputs: impl IntoIterator<Item = AlertInput<'a>>,
    rules: &AlertRules,
    settings: &WorkspaceSettings,
    today: i64,
) -> Vec<Alert> {
    let mut found = Vec::new();
    for input in inputs {
        let partner = input.partner;
        if partner.merged_into.is_some() {
            continue;
        }
        let name = partner.display_name();
        let mut push = |kind: AlertKind,
                        object: Option<&str>,
                        due_day: i64,
                        text: String,
                        subject: AlertSubject| {
            let id = match object {
                Some(object) => format!("{}:{}:{object}", kind.code(), input.partner_id),
                None => format!("{}:{}", kind.code(), input.partner_id),
            };
            found.push(Alert {
                id,
                partner_id: input.partner_id.to_owned(),
                kind,
                due_day,
                text,
                partner_name: name.to_string(),
                subject,
            });
        };

        if let Some(finance) = input.finance {
            for (id, invoice) in &finance.invoices {
                let Some(due) = parse_iso_date(&invoice.due_date) else {
                    continue;
                };
                let state = invoice_status(id, invoice, &finance.payments, today);
                let what = match invoice.direction {
                    InvoiceDirection::Issued => format!("Invoice {} to {name}", invoice.number),
                    InvoiceDirection::Received => {
                        format!("Invoice {} from {name}", invoice.number)
                    }
                };
                let subject = AlertSubject::Invoice {
                    direction: invoice.direction,
                    number: invoice.number.clone(),
                    open_minor: state.open_minor,
                    currency: invoice.currency.clone(),
                    due_date: invoice.due_date.clone(),
                    days_overdue: state.days_overdue,
                };
                let open = format!(
                    "{} {}",
                    format_amount(state.open_minor, &invoice.currency),
                    invoice.currency
                );
                match state.status {
                    InvoiceStatus::Overdue if rules.invoice_overdue => push(
                        AlertKind::InvoiceOverdue,
                        Some(id),
                        due,
                        format!(
                            "{what} is {} overdue: {open} open since {}",
                            days(state.days_overdue),
                            invoice.due_date
                        ),
                        subject,
                    ),
                    InvoiceStatus::Open | InvoiceStatus::PartiallyPaid => {
                        if let Some(within) = rules.invoice_due_in_days {
                            if due >= today && due <= today + i64::from(within) {
                                push(
                                    AlertKind::InvoiceDueSoon,
                                    Some(id),
                                    due,
                                    format!("{what} is due on {}: {open} open", invoice.due_date),
                                    subject,
                                );
                            }
                        }
                    }
                    _ => {}
                }
            }
        }

        if let Some(within) = rules.document_expiring_in_days {
            for (id, document) in &partner.documents {
                if document.expires_soon(today, within) {
                    let expiry = parse_iso_date(&document.expires_on).unwrap_or(today);
                    push(
                        AlertKind::DocumentExpiring,
                        Some(id),
                        expiry,
                        format!(
                            "{} of {name} expires on {}",
                            document.kind.label(),
                            document.expires_on
                        ),
                        AlertSubject::Document {
                            kind: document.kind,
                            expires_on: document.expires_on.clone(),
                        },
                    );
                }
            }
        }

        if rules.follow_up_dates {
            if let Some(activity) = input.activity {
                for (id, reminder) in &activity.reminders {
                    if reminder.is_due(today) {
                        let due = parse_iso_date(&reminder.due_date).unwrap_or(today);
                        push(
                            AlertKind::ReminderDue,
                            Some(id),
                            due,
                            format!("Follow up with {name}: {}", reminder.text),
                            AlertSubject::Reminder {
                                text: reminder.text.clone(),
                            },
                        );
                    }
                }
            }
        }

        if rules.required_data_missing && partner.status == crate::model::PartnerStatus::Active {
            if let VerificationState::Incomplete(missing) =
                partner.verification_state(settings, today)
            {
                push(
                    AlertKind::RequiredDataMissing,
                    None,
                    today,
                    format!("{name} is missing {}", missing.join(", ")),
                    AlertSubject::Missing { items: missing },
                );
            }
        }
    }
    found.sort_by(|a, b| a.due_day.cmp(&b.due_day).then_with(|| a.id.cmp(&b.id)));
    found
}

fn days(count: i64) -> String {
    if count == 1 {
        "1 day".to_owned()
    } else {
        format!("{count} days")
    }
}

/// The day an alert is about as an ISO date, for display.
pub fn alert_date(alert: &Alert) -> String {
    iso_date_of_day(alert.due_day)
}
