//! The core's data worded in the person's language: alerts, what a partner is missing, why a
//! control is refused, the events of a partner's timeline and the fields a partner contact may
//! propose. The core keeps the same things as data (`AlertSubject`, `MissingItem`, `Refusal`,
//! `TimelineEvent`) next to its English sentences; the only words read back are the missing
//! items, through the core's own `missing_item`. The messages are in `locales/*/core.ftl`, the
//! names of countries in `locales/*/countries.ftl`.

use leptos_fluent::{tr, I18n};

use super::i18n::{date, label, money};
use crate::dedupe::DuplicateReason;
use crate::model::{InvoiceDirection, MissingItem, Refusal};
use crate::report::{Alert, AlertKind, AlertSubject, TimelineEvent};

/// An alert's sentence in the chosen language, with its amount and dates in that language's
/// format (the core's `Alert::text` is the same sentence in English).
pub fn alert_text(i18n: I18n, alert: &Alert) -> String {
    let name = alert.partner_name.clone();
    match &alert.subject {
        AlertSubject::Invoice {
            direction,
            number,
            open_minor,
            currency,
            due_date,
            days_overdue,
        } => {
            let what = match direction {
                InvoiceDirection::Issued => {
                    tr!(i18n, "core-alert-invoice-issued", { "number" => number.clone(), "name" => name })
                }
                InvoiceDirection::Received => {
                    tr!(i18n, "core-alert-invoice-received", { "number" => number.clone(), "name" => name })
                }
            };
            let open = money(i18n, *open_minor, currency);
            let date = date(i18n, due_date);
            if alert.kind == AlertKind::InvoiceOverdue {
                tr!(i18n, "core-alert-overdue", { "what" => what, "days" => *days_overdue, "open" => open, "date" => date })
            } else {
                tr!(i18n, "core-alert-due", { "what" => what, "open" => open, "date" => date })
            }
        }
        AlertSubject::Document { kind, expires_on } => tr!(i18n, "core-alert-document", {
            "kind" => label(i18n, *kind),
            "name" => name,
            "date" => date(i18n, expires_on)
        }),
        AlertSubject::Reminder { text } => {
            tr!(i18n, "core-alert-reminder", { "name" => name, "text" => text.clone() })
        }
        AlertSubject::Missing { items } => {
            let items: Vec<String> = items.iter().map(|item| missing_item(i18n, item)).collect();
            tr!(i18n, "core-alert-missing", { "name" => name, "items" => items.join(", ") })
        }
    }
}

/// One item of what a partner is missing ("tax id", "contract (valid)"), in the chosen language.
pub fn missing_item(i18n: I18n, item: &str) -> String {
    match crate::model::missing_item(item) {
        Some(MissingItem::Data(code)) => match code {
            "tax-id" => tr!(i18n, "core-missing-tax-id"),
            "email" => tr!(i18n, "core-missing-email"),
            "phone" => tr!(i18n, "core-missing-phone"),
            "address" => tr!(i18n, "core-missing-address"),
            "contact" => tr!(i18n, "core-missing-contact"),
            "bank-account" => tr!(i18n, "core-missing-bank-account"),
            _ => item.to_owned(),
        },
        Some(MissingItem::Document(kind)) => tr!(i18n, "core-missing-document", {
            "kind" => label(i18n, kind).to_lowercase()
        }),
        None => item.to_owned(),
    }
}

/// Why the person may not change something, in the chosen language.
pub fn refusal(i18n: I18n, refusal: crate::model::Refusal) -> String {
    match refusal {
        Refusal::ViewerReadsOnly => tr!(i18n, "core-refusal-viewer"),
        Refusal::SalesOwnPartnersOnly => tr!(i18n, "core-refusal-sales"),
        Refusal::PortalProposes => tr!(i18n, "core-refusal-portal"),
        Refusal::NotForRole(role) => {
            tr!(i18n, "core-refusal-role", { "role" => label(i18n, role) })
        }
        Refusal::SignedOut => tr!(i18n, "core-refusal-signed-out"),
    }
}

/// A profile field a partner contact may propose (`model::PROPOSABLE_FIELDS`), named in the
/// chosen language; any other field by its machine name.
pub fn proposable_field(i18n: I18n, field: &str) -> String {
    match field {
        "legal_name" => tr!(i18n, "core-field-legal_name"),
        "trade_name" => tr!(i18n, "core-field-trade_name"),
        "tax_id" => tr!(i18n, "core-field-tax_id"),
        "addresses" => tr!(i18n, "core-field-addresses"),
        "contacts" => tr!(i18n, "core-field-contacts"),
        "emails" => tr!(i18n, "core-field-emails"),
        "phones" => tr!(i18n, "core-field-phones"),
        "website" => tr!(i18n, "core-field-website"),
        "payment_terms" => tr!(i18n, "core-field-payment_terms"),
        "bank_accounts" => tr!(i18n, "core-field-bank_accounts"),
        other => other.to_owned(),
    }
}

/// An event of a partner's timeline in the chosen language, amounts and dates in its format.
pub fn timeline_event(i18n: I18n, event: &TimelineEvent) -> String {
    match event {
        TimelineEvent::Registered => tr!(i18n, "core-event-registered"),
        TimelineEvent::DocumentAdded { kind, by } => tr!(i18n, "core-event-document-added", {
            "kind" => label(i18n, *kind),
            "person" => by.clone()
        }),
        TimelineEvent::DocumentReviewed { kind, status, by } => {
            tr!(i18n, "core-event-document-reviewed", {
                "kind" => label(i18n, *kind),
                "status" => label(i18n, *status).to_lowercase(),
                "person" => by.clone()
            })
        }
        TimelineEvent::InvoiceRecorded {
            direction,
            number,
            amount_minor,
            currency,
            due_date,
        } => {
            let args_amount = money(i18n, *amount_minor, currency);
            let due = date(i18n, due_date);
            match direction {
                InvoiceDirection::Issued => tr!(i18n, "core-event-invoice-recorded", {
                    "number" => number.clone(), "amount" => args_amount, "date" => due
                }),
                InvoiceDirection::Received => tr!(i18n, "core-event-bill-recorded", {
                    "number" => number.clone(), "amount" => args_amount, "date" => due
                }),
            }
        }
        TimelineEvent::PaymentRecorded {
            amount_minor,
            currency,
            date: paid_on,
        } => tr!(i18n, "core-event-payment-recorded", {
            "amount" => money(i18n, *amount_minor, currency),
            "date" => date(i18n, paid_on)
        }),
        TimelineEvent::PurchaseOrderRecorded { number } => {
            tr!(i18n, "core-event-order-recorded", { "number" => number.clone() })
        }
    }
}

/// Why two partners look like duplicates, in the chosen language: "same tax id, similar name
/// (93 %)".
pub fn duplicate_reasons(i18n: I18n, reasons: &[DuplicateReason]) -> String {
    let words: Vec<String> = (reasons.iter())
        .map(|reason| match reason {
            DuplicateReason::SameTaxId => tr!(i18n, "core-duplicate-tax-id"),
            DuplicateReason::SameEmail(email) => {
                tr!(i18n, "core-duplicate-email", { "email" => email.clone() })
            }
            DuplicateReason::SamePhone(phone) => {
                tr!(i18n, "core-duplicate-phone", { "phone" => phone.clone() })
            }
            DuplicateReason::SimilarName { .. } => {
                tr!(i18n, "core-duplicate-name", { "percent" => reason.percent().to_string() })
            }
        })
        .collect();
    words.join(", ")
}

/// Why a request to the server failed, in the chosen language (`server-<code>` in
/// `locales/*/core.ftl`); the server's English where a language lacks the message.
pub fn server_error(i18n: I18n, error: &crate::model::ServerError) -> String {
    use crate::model::ServerArg;
    use fluent_bundle::FluentValue;
    let args: std::collections::HashMap<std::borrow::Cow<'static, str>, FluentValue> = error
        .args()
        .into_iter()
        .map(|(name, value)| {
            let value = match value {
                ServerArg::Text(text) => FluentValue::from(text),
                ServerArg::Number(number) => FluentValue::from(number),
            };
            (std::borrow::Cow::Borrowed(name), value)
        })
        .collect();
    or_english(i18n.tr_with_args(error.key(), &args), || error.english())
}

/// A worded message, or `english` where the language lacks it: leptos-fluent answers a missing
/// message with an "Unknown localization" sentence instead of failing.
fn or_english(worded: String, english: impl FnOnce() -> String) -> String {
    if worded.starts_with("Unknown localization ") {
        english()
    } else {
        worded
    }
}

/// The words a partner contact's proposal is shown with ("(none)", address kinds, payment
/// terms), in the chosen language.
pub fn readable_words(i18n: I18n) -> crate::model::ReadableWords {
    crate::model::ReadableWords {
        none: tr!(i18n, "core-readable-none"),
        address_kind: Box::new(move |kind| label(i18n, kind)),
        payment_terms: Box::new(move |days, method| match days {
            Some(days) => tr!(i18n, "core-readable-payment-terms", {
                "days" => days,
                "method" => label(i18n, method)
            }),
            None => label(i18n, method),
        }),
    }
}

/// A country's name in the chosen language (`country-<code>`, `locales/*/countries.ftl`) from
/// its ISO 3166-1 alpha-2 code, in either case. The core's English name if the language lacks
/// the message, and the code as given when it is not a country.
pub fn country(i18n: I18n, code: &str) -> String {
    let upper = code.trim().to_ascii_uppercase();
    let Some(english) = crate::validate::formats::country_name(&upper) else {
        return code.to_owned();
    };
    let name = i18n.tr(&format!("country-{}", upper.to_ascii_lowercase()));
    or_english(name, || english.to_owned())
}

/// Why the registry or the device's storage refused or failed a change, in the chosen language
/// (`registry-…` in `locales/*/registry.ftl`): a full device, a settings term with no name, a
/// link to a partner that is not a client… Technical details (what the storage or Automerge
/// said) stay as arguments, as written. A sentence the interface wrote itself
/// (`RegistryError::InvalidChange`, already in the person's language) is shown as it is, and
/// the core's English where a language lacks the message.
pub fn registry_error(i18n: I18n, error: &crate::registry::RegistryError) -> String {
    use crate::model::RefusalArg;
    use fluent_bundle::FluentValue;
    let Some(key) = error.key() else {
        return error.to_string();
    };
    let args: std::collections::HashMap<std::borrow::Cow<'static, str>, FluentValue> = error
        .args()
        .into_iter()
        .map(|(name, value)| {
            let value = match value {
                RefusalArg::Text(text) => text,
                RefusalArg::List(list) => label(i18n, list),
                RefusalArg::Field(field) => proposable_field(i18n, &field),
            };
            (std::borrow::Cow::Borrowed(name), FluentValue::from(value))
        })
        .collect();
    or_english(i18n.tr_with_args(key, &args), || error.to_string())
}
