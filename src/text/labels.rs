//! Which core enums the interface names in the person's language: each gets a [`Labelled`]
//! implementation here, so the message keys (`label-<set>-<code>`, `locales/*/labels.ftl`) are
//! decided in one place and `tests/i18n.rs` can check every value of every set has a message
//! in every language. `english()` is the enum's own `label()`, so the English messages are
//! checked against the core's names too.

use super::locale::Labelled;
use crate::model::{
    AddressKind, AppliesTo, CustomFieldType, DocumentKind, InteractionKind, InvoiceDirection,
    OrphanReason, PartnerKind, PartnerStatus, PaymentMethod, PurchaseOrderStatus, ReviewStatus,
    Role, Section, TermList,
};
use crate::report::exchange::ExchangeKind;
use crate::report::view::{DirectionFilter, StatusFilter};
use crate::report::{AlertKind, InvoiceStatus};
use crate::search::saved::SortOrder;
use crate::search::SearchField;

/// For enums that already have `ALL`, `code()` and `label()`.
macro_rules! labelled {
    ($($type:ty => $set:literal),* $(,)?) => {$(
        impl Labelled for $type {
            const SET: &'static str = $set;
            const VALUES: &'static [Self] = &<$type>::ALL;
            fn label_code(self) -> &'static str {
                self.code()
            }
            fn english(self) -> &'static str {
                self.label()
            }
        }
    )*};
}

labelled! {
    PartnerKind => "partner-kind",
    AddressKind => "address-kind",
    DocumentKind => "document-kind",
    InvoiceDirection => "invoice-direction",
    PurchaseOrderStatus => "purchase-order-status",
    InteractionKind => "interaction-kind",
    TermList => "term-list",
    AppliesTo => "applies-to",
    CustomFieldType => "custom-field-type",
    ExchangeKind => "exchange-kind",
    DirectionFilter => "direction-filter",
    StatusFilter => "status-filter",
    SortOrder => "sort-order",
}

/// For enums whose codes are written here (no `ALL` or no text code in the core).
macro_rules! labelled_with {
    ($type:ty, $set:literal, [$($value:expr => $code:literal),* $(,)?]) => {
        impl Labelled for $type {
            const SET: &'static str = $set;
            const VALUES: &'static [Self] = &[$($value),*];
            fn label_code(self) -> &'static str {
                match self {
                    $(value if value == $value => $code,)*
                    _ => unreachable!("every value is listed"),
                }
            }
            fn english(self) -> &'static str {
                self.label()
            }
        }
    };
}

// The unspecified method's code is "", which is no message name.
labelled_with!(PaymentMethod, "payment-method", [
    PaymentMethod::Unspecified => "unspecified",
    PaymentMethod::BankTransfer => "bank_transfer",
    PaymentMethod::DirectDebit => "direct_debit",
    PaymentMethod::Card => "card",
    PaymentMethod::Cash => "cash",
    PaymentMethod::Cheque => "cheque",
]);
labelled_with!(PartnerStatus, "partner-status", [
    PartnerStatus::Active => "active",
    PartnerStatus::Archived => "archived",
]);
labelled_with!(ReviewStatus, "review-status", [
    ReviewStatus::Pending => "pending",
    ReviewStatus::Verified => "verified",
    ReviewStatus::Rejected => "rejected",
]);
labelled_with!(Role, "role", [
    Role::Admin => "admin",
    Role::Manager => "manager",
    Role::Sales => "sales",
    Role::Viewer => "viewer",
    Role::Portal => "portal",
]);
labelled_with!(Section, "section", [
    Section::Finance => "finance",
    Section::Banking => "banking",
    Section::Activity => "activity",
]);
labelled_with!(OrphanReason, "orphan-reason", [
    OrphanReason::Archived => "archived",
    OrphanReason::NotApplicable => "not_applicable",
    OrphanReason::Unknown => "unknown",
]);
labelled_with!(AlertKind, "alert-kind", [
    AlertKind::InvoiceDueSoon => "invoice-due",
    AlertKind::InvoiceOverdue => "invoice-overdue",
    AlertKind::DocumentExpiring => "document-expiring",
    AlertKind::ReminderDue => "reminder",
    AlertKind::RequiredDataMissing => "data-missing",
]);
labelled_with!(InvoiceStatus, "invoice-status", [
    InvoiceStatus::Open => "open",
    InvoiceStatus::PartiallyPaid => "partially_paid",
    InvoiceStatus::Paid => "paid",
    InvoiceStatus::Overdue => "overdue",
    InvoiceStatus::Cancelled => "cancelled",
]);
labelled_with!(SearchField, "search-field", [
    SearchField::Name => "name",
    SearchField::TradeName => "trade_name",
    SearchField::TaxId => "tax_id",
    SearchField::Email => "email",
    SearchField::Phone => "phone",
    SearchField::City => "city",
    SearchField::PostalCode => "postal_code",
    SearchField::Contact => "contact",
    SearchField::Notes => "notes",
    SearchField::Custom => "custom",
]);

/// The keys of a verification state (not `Copy`: it carries what is missing), by its code.
pub fn verification_key(code: &str) -> String {
    format!("label-verification-{code}")
}

/// Every label message the interface can ask for, with its English text: what `labels.ftl`
/// must define in every language.
pub fn all_label_messages() -> Vec<(String, &'static str)> {
    fn of<T: Labelled>(messages: &mut Vec<(String, &'static str)>) {
        for value in T::VALUES {
            messages.push((value.label_key(), value.english()));
        }
    }
    let mut messages = Vec::new();
    of::<PartnerKind>(&mut messages);
    of::<AddressKind>(&mut messages);
    of::<DocumentKind>(&mut messages);
    of::<InvoiceDirection>(&mut messages);
    of::<PurchaseOrderStatus>(&mut messages);
    of::<InteractionKind>(&mut messages);
    of::<TermList>(&mut messages);
    of::<AppliesTo>(&mut messages);
    of::<CustomFieldType>(&mut messages);
    of::<ExchangeKind>(&mut messages);
    of::<DirectionFilter>(&mut messages);
    of::<StatusFilter>(&mut messages);
    of::<SortOrder>(&mut messages);
    of::<PaymentMethod>(&mut messages);
    of::<PartnerStatus>(&mut messages);
    of::<ReviewStatus>(&mut messages);
    of::<Role>(&mut messages);
    of::<Section>(&mut messages);
    of::<OrphanReason>(&mut messages);
    of::<AlertKind>(&mut messages);
    of::<InvoiceStatus>(&mut messages);
    of::<SearchField>(&mut messages);
    for (code, english) in crate::model::VerificationState::CODES {
        messages.push((verification_key(code), english));
    }
    messages
}
