//! Plain domain data of Partnero and its mapping onto Automerge documents.
//!
//! Each partner is its own Automerge document, with companion documents for its finance, its
//! bank accounts, its activity and its portal (what its contacts propose, what the company asks them); a workspace
//! document holds the index of them. Types here carry no signals and no IO: reactivity and
//! storage wrap them from the outside. The Automerge shape is a compatibility boundary, so every
//! document carries a schema version (see [`PARTNER_SCHEMA_VERSION`] and
//! [`WORKSPACE_SCHEMA_VERSION`]).

mod access;
mod activity;
mod banking;
mod change_refusal;
mod classification;
mod document_id;
mod finance;
mod partner;
mod portal;
mod server_error;
mod settings;
mod verification;
mod workspace;

pub use access::{
    grant, refusal, refusal_of, DocumentClass, Grant, Refusal, Role, Section, Subject,
};
pub use activity::{
    fill_template, AlertRules, FilledMessage, GeoPosition, Interaction, InteractionKind,
    MessageTemplate, PartnerActivity, Reminder, TemplateValues, ACTIVITY_SCHEMA_VERSION,
    TEMPLATE_PLACEHOLDERS,
};
pub use banking::{PartnerBanking, BANKING_SCHEMA_VERSION};
pub use change_refusal::{ChangeRefusal, RefusalArg};
pub use classification::{
    add_term, dangling_references, merge_terms_in_settings, reassign_term, references_term,
    rename_term, term_usage, TermList,
};
pub use document_id::{DocumentId, DocumentIdError};
pub use finance::{
    allocated_minor, due_date_from_terms, format_amount, open_minor_of, parse_amount,
    validate_invoice, validate_payment, validate_purchase_order, AllocationDraft, Invoice,
    InvoiceDirection, InvoiceDraft, PartnerFinance, Payment, PaymentDraft, PurchaseOrder,
    PurchaseOrderDraft, PurchaseOrderStatus, FINANCE_SCHEMA_VERSION,
};
pub use partner::{
    Address, AddressKind, BankAccount, ClientLink, Contact, Partner, PartnerKind, PartnerProfile,
    PartnerStatus, PaymentMethod, PaymentTerms, TaxId, PARTNER_SCHEMA_VERSION,
};
pub use portal::{
    apply_field, comparison, comparison_in, field_json, field_label, pending, proposal_status,
    proposed_fields, readable, readable_in, DataRequest, Decision, FieldComparison, PartnerPortal,
    Proposal, ProposalStatus, ReadableWords, RequestKind, EXPLICIT_APPROVAL_FIELDS,
    PORTAL_SCHEMA_VERSION, PROPOSABLE_FIELDS,
};
pub use server_error::{ServerArg, ServerError, MINIMUM_PASSWORD_CHARS};
pub use settings::{
    default_templates, AppliesTo, Category, CustomFieldDef, CustomFieldType, OrphanReason,
    OrphanedValue, PaymentPreset, RequiredData, Term, WorkspaceSettings,
    DEFAULT_EXPIRY_WARNING_DAYS,
};
pub use verification::{
    day_of, missing_item, parse_iso_date, DocumentKind, Documents, FileRef, MissingItem,
    ReviewStatus, VerificationDocument, VerificationState,
};
pub use workspace::{
    CompanionEntry, PartnerEntry, Workspace, SETTINGS_SCHEMA_VERSION, WORKSPACE_SCHEMA_VERSION,
};
