//! A business partner (client, supplier or both) as stored in its own Automerge document.
//!
//! The document root is [`Partner`]: the editable [`PartnerProfile`], the status, the links from
//! a supplier to the clients it supplies, and timestamps. Lists whose rows users edit (addresses,
//! contacts, bank accounts) carry a row id marked `#[key]`, so that concurrent inserts and edits
//! on two devices merge row by row instead of by position.

use std::collections::BTreeMap;

use autosurgeon::{Hydrate, Reconcile};
use serde::{Deserialize, Serialize};

use super::verification::VerificationDocument;

/// Shape version of partner documents; bump it only together with a migration and a test that
/// opens documents of the old shape.
pub const PARTNER_SCHEMA_VERSION: u64 = 1;

/// Root of a partner document.
#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct Partner {
    pub schema_version: u64,
    pub profile: PartnerProfile,
    pub status: PartnerStatus,
    /// Only meaningful on suppliers: the clients this supplier supplies, keyed by the client's
    /// document id. A map so that concurrent links to different clients both survive a merge.
    pub clients: BTreeMap<String, ClientLink>,
    /// Milliseconds since the Unix epoch; passed in by the caller, never read from a clock here.
    pub created_at_ms: i64,
    pub updated_at_ms: i64,
    /// Verification documents keyed by row id (older documents have none).
    #[autosurgeon(missing = "Default::default")]
    pub documents: BTreeMap<String, VerificationDocument>,
    /// Set when this record was merged into another partner (its document id): the record
    /// stays, archived, so its history and links to it still resolve to the survivor.
    #[autosurgeon(missing = "Default::default")]
    pub merged_into: Option<String>,
}

/// Everything a user types on the registration form.
#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct PartnerProfile {
    pub kind: PartnerKind,
    pub legal_name: String,
    pub trade_name: String,
    pub tax_id: TaxId,
    pub addresses: Vec<Address>,
    pub contacts: Vec<Contact>,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub website: String,
    pub payment_terms: PaymentTerms,
    pub bank_accounts: Vec<BankAccount>,
    /// Free text, as typed before the workspace had industry and region lists (kept: older
    /// records have only these).
    pub industry: String,
    pub region: String,
    pub notes: String,
    /// Values of the company's custom fields, keyed by field id, in canonical form (see
    /// `validate::check_custom_value`). Keyed by id so a renamed field keeps its values and two
    /// devices filling different fields both keep theirs.
    #[autosurgeon(missing = "Default::default")]
    pub custom: BTreeMap<String, String>,
    /// Category ids of the settings' category tree; a map used as a set (the value is always
    /// `true`) so that categories added on two devices at once both survive the merge.
    #[autosurgeon(missing = "Default::default")]
    pub categories: BTreeMap<String, bool>,
    /// Tag ids, a set like `categories`.
    #[autosurgeon(missing = "Default::default")]
    pub tags: BTreeMap<String, bool>,
    /// Id of a term of the settings' industries; empty for none.
    #[autosurgeon(missing = "Default::default")]
    pub industry_id: String,
    /// Id of a term of the settings' regions; empty for none.
    #[autosurgeon(missing = "Default::default")]
    pub region_id: String,
}

/// Whether we sell to the partner, buy from it, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub enum PartnerKind {
    Client,
    Supplier,
    Both,
}

/// Archived partners stay in the registry (and in links) but leave the default list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub enum PartnerStatus {
    Active,
    Archived,
}

/// A tax identification: ISO 3166 alpha-2 country plus the number as typed (full validation and
/// canonical forms come with the data-quality work).
#[derive(Debug, Clone, Default, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct TaxId {
    pub country: String,
    pub number: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub enum AddressKind {
    Billing,
    Shipping,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct Address {
    /// Stable row id, so that concurrent edits merge per address.
    #[key]
    pub id: String,
    pub kind: AddressKind,
    pub street: String,
    pub city: String,
    pub postal_code: String,
    pub region: String,
    /// ISO 3166 alpha-2, upper case.
    pub country: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct Contact {
    #[key]
    pub id: String,
    pub name: String,
    pub role: String,
    pub email: String,
    pub phone: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct BankAccount {
    #[key]
    pub id: String,
    /// Upper case, without spaces.
    pub iban: String,
    pub bic: String,
    pub holder: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct PaymentTerms {
    /// Days after the invoice date; `None` when the partner has no agreed terms yet.
    pub days: Option<u32>,
    pub method: PaymentMethod,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub enum PaymentMethod {
    Unspecified,
    BankTransfer,
    DirectDebit,
    Card,
    Cash,
    Cheque,
}

/// The link from a supplier to one client it supplies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct ClientLink {
    pub linked_at_ms: i64,
}

impl PartnerKind {
    pub const ALL: [PartnerKind; 3] = [
        PartnerKind::Client,
        PartnerKind::Supplier,
        PartnerKind::Both,
    ];

    pub fn is_client(self) -> bool {
        matches!(self, PartnerKind::Client | PartnerKind::Both)
    }

    pub fn is_supplier(self) -> bool {
        matches!(self, PartnerKind::Supplier | PartnerKind::Both)
    }

    /// Stable machine name, used in forms and URLs.
    pub fn code(self) -> &'static str {
        match self {
            PartnerKind::Client => "client",
            PartnerKind::Supplier => "supplier",
            PartnerKind::Both => "both",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            PartnerKind::Client => "Client",
            PartnerKind::Supplier => "Supplier",
            PartnerKind::Both => "Client and supplier",
        }
    }
}

impl AddressKind {
    pub const ALL: [AddressKind; 3] = [
        AddressKind::Billing,
        AddressKind::Shipping,
        AddressKind::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AddressKind::Billing => "billing",
            AddressKind::Shipping => "shipping",
            AddressKind::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            AddressKind::Billing => "Billing",
            AddressKind::Shipping => "Shipping",
            AddressKind::Other => "Other",
        }
    }
}

impl PaymentMethod {
    pub const ALL: [PaymentMethod; 6] = [
        PaymentMethod::Unspecified,
        PaymentMethod::BankTransfer,
        PaymentMethod::DirectDebit,
        PaymentMethod::Card,
        PaymentMethod::Cash,
        PaymentMethod::Cheque,
    ];

    pub fn code(self) -> &'static str {
        match self {
            PaymentMethod::Unspecified => "",
            PaymentMethod::BankTransfer => "bank_transfer",
            PaymentMethod::DirectDebit => "direct_debit",
            PaymentMethod::Card => "card",
            PaymentMethod::Cash => "cash",
            PaymentMethod::Cheque => "cheque",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|method| method.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            PaymentMethod::Unspecified => "Not agreed",
            PaymentMethod::BankTransfer => "Bank transfer",
            PaymentMethod::DirectDebit => "Direct debit",
            PaymentMethod::Card => "Card",
            PaymentMethod::Cash => "Cash",
            PaymentMethod::Cheque => "Cheque",
        }
    }
}

impl PartnerStatus {
    pub fn label(self) -> &'static str {
        match self {
            PartnerStatus::Active => "Active",
            PartnerStatus::Archived => "Archived",
        }
    }
}

impl Partner {
    /// A newly registered, active partner with no links.
    pub fn new(profile: PartnerProfile, now_ms: i64) -> Self {
        Self {
            schema_version: PARTNER_SCHEMA_VERSION,
            profile,
            status: PartnerStatus::Active,
            clients: BTreeMap::new(),
            created_at_ms: now_ms,
            updated_at_ms: now_ms,
            documents: BTreeMap::new(),
            merged_into: None,
        }
    }

    /// The name to show in lists: the trade name when there is one, else the legal name.
    pub fn display_name(&self) -> &str {
        if self.profile.trade_name.trim().is_empty() {
            &self.profile.legal_name
        } else {
            &self.profile.trade_name
        }
    }

    /// The city of the first address, for list rows.
    pub fn main_city(&self) -> Option<&str> {
        self.profile
            .addresses
            .iter()
            .map(|address| address.city.as_str())
            .find(|city| !city.is_empty())
    }
}
