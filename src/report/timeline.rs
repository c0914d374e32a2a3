//! A partner's timeline: what was said (calls, visits, emails, meetings, notes) and what happened
//! to the record (registered, documents added and reviewed, invoices, payments, purchase orders)
//! in one stream, newest first; and the values a message template is filled with for a partner.

use super::invoices::invoice_status;
use crate::model::{
    format_amount, Interaction, InvoiceDirection, Partner, PartnerActivity, PartnerFinance,
    ReviewStatus, TemplateValues,
};

/// What a timeline entry is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimelineKind {
    /// A logged interaction (the row id, and the interaction itself).
    Interaction(String, Interaction),
    /// Something that happened to the records.
    Event,
}

/// One entry of the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineEntry {
    pub at_ms: i64,
    pub kind: TimelineKind,
    /// What happened, in a sentence (for interactions, the kind; the summary is in the entry).
    pub text: String,
}

/// The timeline of one partner, newest first; equal times keep a fixed order (interactions
/// first, then by text) so every device shows the same list.
pub fn timeline(
    partner: &Partner,
    finance: Option<&PartnerFinance>,
    activity: Option<&PartnerActivity>,
) -> Vec<TimelineEntry> {
    let mut entries = vec![event(partner.created_at_ms, "Registered".to_owned())];
    for document in partner.documents.values() {
        entries.push(event(
            document.added_at_ms,
            format!("{} added by {}", document.kind.label(), document.added_by),
        ));
        if document.status != ReviewStatus::Pending && document.status_at_ms > 0 {
            entries.push(event(
                document.status_at_ms,
                format!(
                    "{} {} by {}",
                    document.kind.label(),
                    document.status.label().to_lowercase(),
                    document.status_by
                ),
            ));
        }
    }
    if let Some(finance) = finance {
        for invoice in finance.invoices.values() {
            let what = match invoice.direction {
                InvoiceDirection::Issued => "Invoice",
                InvoiceDirection::Received => "Bill",
            };
            entries.push(event(
                invoice.created_at_ms,
                format!(
                    "{what} {} recorded: {} {}, due {}",
                    invoice.number,
                    format_amount(invoice.amount_minor, &invoice.currency),
                    invoice.currency,
                    invoice.due_date
                ),
            ));
        }
        for payment in finance.payments.values() {
            entries.push(event(
                payment.created_at_ms,
                format!(
                    "Payment of {} {} recorded ({})",
                    format_amount(payment.amount_minor, &payment.currency),
                    payment.currency,
                    payment.date
                ),
            ));
        }
        for order in finance.purchase_orders.values() {
            entries.push(event(
                order.created_at_ms,
                format!("Purchase order {} recorded", order.number),
            ));
        }
    }
    if let Some(activity) = activity {
        for (row, interaction) in &activity.interactions {
            entries.push(TimelineEntry {
                at_ms: interaction.at_ms,
                kind: TimelineKind::Interaction(row.clone(), interaction.clone()),
                text: interaction.kind.label().to_owned(),
            });
        }
    }
    entries.sort_by(|a, b| {
        b.at_ms
            .cmp(&a.at_ms)
            .then_with(|| {
                matches!(b.kind, TimelineKind::Interaction(..))
                    .cmp(&matches!(a.kind, TimelineKind::Interaction(..)))
            })
            .then_with(|| a.text.cmp(&b.text))
    });
    entries
}

fn event(at_ms: i64, text: String) -> TimelineEntry {
    TimelineEntry {
        at_ms,
        kind: TimelineKind::Event,
        text,
    }
}

/// What a template's placeholders become for a partner: its name, its first contact, and the
/// open invoice or bill due first (number, open amount, due date). Unknown values stay `None`,
/// so the filled message lists them as missing instead of inventing them.
pub fn template_values(
    partner: &Partner,
    finance: Option<&PartnerFinance>,
    today: i64,
) -> TemplateValues {
    let contact = partner
        .profile
        .contacts
        .iter()
        .map(|contact| contact.name.trim())
        .find(|name| !name.is_empty())
        .map(str::to_owned);
    let mut values = TemplateValues {
        partner: Some(partner.display_name().to_owned()),
        contact,
        ..TemplateValues::default()
    };
    if let Some(finance) = finance {
        let first_open = finance
            .invoices
            .iter()
            .map(|(row, invoice)| {
                (
                    invoice_status(row, invoice, &finance.payments, today),
                    invoice,
                )
            })
            .filter(|(state, _)| state.open_minor > 0)
            .min_by(|a, b| {
                a.1.due_date
                    .cmp(&b.1.due_date)
                    .then(a.1.number.cmp(&b.1.number))
            });
        if let Some((state, invoice)) = first_open {
            values.invoice = Some(invoice.number.clone());
            values.amount = Some(format!(
                "{} {}",
                format_amount(state.open_minor, &invoice.currency),
                invoice.currency
            ));
            values.due_date = Some(invoice.due_date.clone());
        }
    }
    values
}
