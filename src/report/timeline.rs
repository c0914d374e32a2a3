//! A partner's timeline: what was said (calls, visits, emails, meetings, notes) and what happened
//! to the record (registered, documents added and reviewed, invoices, payments, purchase orders)
//! in one stream, newest first; and the values a message template is filled with for a partner.

use super::invoices::invoice_status;
use crate::model::{
    format_amount, DocumentKind, Interaction, InvoiceDirection, Partner, PartnerActivity,
    PartnerFinance, ReviewStatus, TemplateValues,
};
use crate::text::locale::{format_iso_date, format_money, Locale};

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
    /// What happened, in an English sentence (for interactions, the kind; the summary is in
    /// the entry).
    pub text: String,
    /// What happened, as data, for events: the interface words it in the person's language.
    pub event: Option<TimelineEvent>,
}

/// Something that happened to a partner's records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimelineEvent {
    Registered,
    DocumentAdded {
        kind: DocumentKind,
        by: String,
    },
    DocumentReviewed {
        kind: DocumentKind,
        status: ReviewStatus,
        by: String,
    },
    InvoiceRecorded {
        direction: InvoiceDirection,
        number: String,
        amount_minor: i64,
        currency: String,
        due_date: String,
    },
    PaymentRecorded {
        amount_minor: i64,
        currency: String,
        date: String,
    },
    PurchaseOrderRecorded {
        number: String,
    },
}

/// The timeline of one partner, newest first; equal times keep a fixed order (interactions
/// first, then by text) so every device shows the same list.
pub fn timeline(
    partner: &Partner,
    finance: Option<&PartnerFinance>,
    activity: Option<&PartnerActivity>,
) -> Vec<TimelineEntry> {
    let mut entries = vec![event(
        partner.created_at_ms,
        "Registered".to_owned(),
        TimelineEvent::Registered,
    )];
    for document in partner.documents.values() {
        entries.push(event(
            document.added_at_ms,
            format!("{} added by {}", document.kind.label(), document.added_by),
            TimelineEvent::DocumentAdded {
                kind: document.kind,
                by: document.added_by.clone(),
            },
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
                TimelineEvent::DocumentReviewed {
                    kind: document.kind,
                    status: document.status,
                    by: document.status_by.clone(),
                },
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
                TimelineEvent::InvoiceRecorded {
                    direction: invoice.direction,
                    number: invoice.number.clone(),
                    amount_minor: invoice.amount_minor,
                    currency: invoice.currency.clone(),
                    due_date: invoice.due_date.clone(),
                },
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
                TimelineEvent::PaymentRecorded {
                    amount_minor: payment.amount_minor,
                    currency: payment.currency.clone(),
                    date: payment.date.clone(),
                },
            ));
        }
        for order in finance.purchase_orders.values() {
            entries.push(event(
                order.created_at_ms,
                format!("Purchase order {} recorded", order.number),
                TimelineEvent::PurchaseOrderRecorded {
                    number: order.number.clone(),
                },
            ));
        }
    }
    if let Some(activity) = activity {
        for (row, interaction) in &activity.interactions {
            entries.push(TimelineEntry {
                at_ms: interaction.at_ms,
                kind: TimelineKind::Interaction(row.clone(), interaction.clone()),
                text: interaction.kind.label().to_owned(),
                event: None,
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

fn event(at_ms: i64, text: String, event: TimelineEvent) -> TimelineEntry {
    TimelineEntry {
        at_ms,
        kind: TimelineKind::Event,
        text,
        event: Some(event),
    }
}

/// What a template's placeholders become for a partner: its name, its first contact, and the
/// open invoice or bill due first (number, open amount, due date). Unknown values stay `None`,
/// so the filled message lists them as missing instead of inventing them. The amount is written
/// plainly (`1234.56 EUR`) and the date as ISO; [`template_values_in`] writes them in a
/// language.
pub fn template_values(
    partner: &Partner,
    finance: Option<&PartnerFinance>,
    today: i64,
) -> TemplateValues {
    values_with(partner, finance, today, |minor, currency| {
        (
            format!("{} {currency}", format_amount(minor, currency)),
            None,
        )
    })
}

/// [`template_values`] with the amount and the due date written as `locale` writes them, for a
/// template in that language.
pub fn template_values_in(
    partner: &Partner,
    finance: Option<&PartnerFinance>,
    today: i64,
    locale: Locale,
) -> TemplateValues {
    values_with(partner, finance, today, |minor, currency| {
        (format_money(locale, minor, currency), Some(locale))
    })
}

fn values_with(
    partner: &Partner,
    finance: Option<&PartnerFinance>,
    today: i64,
    write_amount: impl Fn(i64, &str) -> (String, Option<Locale>),
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
            let (amount, locale) = write_amount(state.open_minor, &invoice.currency);
            values.invoice = Some(invoice.number.clone());
            values.amount = Some(amount);
            values.due_date = Some(match locale {
                Some(locale) => format_iso_date(locale, &invoice.due_date),
                None => invoice.due_date.clone(),
            });
        }
    }
    values
}
