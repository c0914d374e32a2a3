//! Workspace settings: what the company requires of a partner record before it counts as
//! complete, and how early expiring documents are flagged.
//!
//! The settings live in the workspace document (key `settings`), so they sync to every device
//! like the partner index and apply offline. Older workspace documents without the key read as
//! [`WorkspaceSettings::default`]. Each rule is a separate map key, so two administrators
//! changing different rules at the same time both keep their change.

use autosurgeon::{Hydrate, Reconcile};

use super::partner::PartnerKind;
use super::verification::DocumentKind;

/// Days before expiry at which a document is flagged, unless the settings say otherwise.
pub const DEFAULT_EXPIRY_WARNING_DAYS: u32 = 30;

/// All workspace settings.
#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate)]
pub struct WorkspaceSettings {
    /// What a client record needs.
    pub client: RequiredData,
    /// What a supplier record needs. A partner that is both must satisfy both.
    pub supplier: RequiredData,
    /// Documents expiring within this many days are flagged.
    pub expiry_warning_days: u32,
}

/// The fields and documents a partner of one kind must have.
#[derive(Debug, Clone, Default, PartialEq, Eq, Reconcile, Hydrate)]
pub struct RequiredData {
    pub tax_id: bool,
    pub email: bool,
    pub phone: bool,
    pub address: bool,
    pub contact: bool,
    pub bank_account: bool,
    /// Verification documents this kind of partner must have, verified and in date.
    pub documents: Vec<DocumentKind>,
}

impl Default for WorkspaceSettings {
    fn default() -> Self {
        Self {
            client: RequiredData::default(),
            supplier: RequiredData::default(),
            expiry_warning_days: DEFAULT_EXPIRY_WARNING_DAYS,
        }
    }
}

impl WorkspaceSettings {
    /// The rules a partner of `kind` must satisfy: a partner that is both a client and a
    /// supplier needs everything either kind needs.
    pub fn required_for(&self, kind: PartnerKind) -> RequiredData {
        match kind {
            PartnerKind::Client => self.client.clone(),
            PartnerKind::Supplier => self.supplier.clone(),
            PartnerKind::Both => {
                let (a, b) = (&self.client, &self.supplier);
                let mut documents = a.documents.clone();
                for kind in &b.documents {
                    if !documents.contains(kind) {
                        documents.push(*kind);
                    }
                }
                RequiredData {
                    tax_id: a.tax_id || b.tax_id,
                    email: a.email || b.email,
                    phone: a.phone || b.phone,
                    address: a.address || b.address,
                    contact: a.contact || b.contact,
                    bank_account: a.bank_account || b.bank_account,
                    documents,
                }
            }
        }
    }
}
