//! The banking document of one partner: its bank accounts, kept apart from the partner record
//! so that a role can be denied them (issue 7). A permission boundary is a document boundary:
//! the server grants per document, so bank details readable by everyone who reads the record
//! could never be withheld from, say, sales reps.
//!
//! The registry still shows a partner with its bank accounts in `profile.bank_accounts`
//! (`registry::assemble`): this document's accounts replace those of the partner document once
//! it is held, and the partner document's (written by earlier versions) are read until the
//! first save moves them here.

use autosurgeon::{Hydrate, Reconcile};
use serde::{Deserialize, Serialize};

use super::partner::BankAccount;

/// Shape version of banking documents; bump it only together with a migration and a test that
/// opens documents of the old shape.
pub const BANKING_SCHEMA_VERSION: u64 = 1;

/// Root of a partner's banking document.
#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct PartnerBanking {
    pub schema_version: u64,
    /// Document id of the partner.
    pub partner_id: String,
    /// Rows carry an id marked `#[key]` (see `BankAccount`), so two devices editing different
    /// accounts merge row by row.
    #[autosurgeon(missing = "Default::default")]
    pub bank_accounts: Vec<BankAccount>,
}

impl PartnerBanking {
    /// An empty banking document for the partner with document id `partner_id`.
    pub fn new(partner_id: impl Into<String>) -> Self {
        Self {
            schema_version: BANKING_SCHEMA_VERSION,
            partner_id: partner_id.into(),
            bank_accounts: Vec::new(),
        }
    }
}
