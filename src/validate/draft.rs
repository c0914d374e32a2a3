//! The raw form state of a partner: strings exactly as typed, plus stable row ids.

use std::collections::BTreeMap;

use crate::model::{Address, BankAccount, Contact, PartnerProfile};

/// A partner form as typed. Every field is a raw string; [`super::validate_partner`] decides.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PartnerDraft {
    /// `client`, `supplier` or `both` (see `PartnerKind::code`).
    pub kind: String,
    pub legal_name: String,
    pub trade_name: String,
    pub tax_country: String,
    pub tax_number: String,
    pub addresses: Vec<AddressDraft>,
    pub contacts: Vec<ContactDraft>,
    /// One email per line.
    pub emails: String,
    /// One phone number per line.
    pub phones: String,
    pub website: String,
    pub payment_days: String,
    /// A `PaymentMethod::code`; empty means "not agreed".
    pub payment_method: String,
    pub bank_accounts: Vec<BankAccountDraft>,
    pub industry: String,
    pub region: String,
    pub notes: String,
    /// Custom field values as typed, keyed by field id (see `WorkspaceSettings::custom_fields`).
    pub custom: BTreeMap<String, String>,
    /// Category ids picked.
    pub categories: Vec<String>,
    /// Tag ids picked.
    pub tags: Vec<String>,
    /// Id of an industry of the settings; empty for none.
    pub industry_id: String,
    /// Id of a region of the settings; empty for none.
    pub region_id: String,
}

/// One address row of the form. `id` is a stable row id chosen when the row was added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AddressDraft {
    pub id: String,
    pub kind: String,
    pub street: String,
    pub city: String,
    pub postal_code: String,
    pub region: String,
    pub country: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactDraft {
    pub id: String,
    pub name: String,
    pub role: String,
    pub email: String,
    pub phone: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BankAccountDraft {
    pub id: String,
    pub iban: String,
    pub bic: String,
    pub holder: String,
}

impl AddressDraft {
    /// An empty row of kind billing: the first address of a partner usually is.
    pub fn new(id: String) -> Self {
        Self {
            id,
            kind: "billing".into(),
            ..Self::default()
        }
    }

    /// A row the user added but left empty is ignored rather than reported.
    pub fn is_blank(&self) -> bool {
        [
            &self.street,
            &self.city,
            &self.postal_code,
            &self.region,
            &self.country,
        ]
        .iter()
        .all(|text| text.trim().is_empty())
    }
}

impl ContactDraft {
    pub fn new(id: String) -> Self {
        Self {
            id,
            ..Self::default()
        }
    }

    pub fn is_blank(&self) -> bool {
        [&self.name, &self.role, &self.email, &self.phone]
            .iter()
            .all(|text| text.trim().is_empty())
    }
}

impl BankAccountDraft {
    pub fn new(id: String) -> Self {
        Self {
            id,
            ..Self::default()
        }
    }

    pub fn is_blank(&self) -> bool {
        [&self.iban, &self.bic, &self.holder]
            .iter()
            .all(|text| text.trim().is_empty())
    }
}

impl PartnerDraft {
    /// The form pre-filled with a stored profile, for editing.
    pub fn from_profile(profile: &PartnerProfile) -> Self {
        Self {
            kind: profile.kind.code().into(),
            legal_name: profile.legal_name.clone(),
            trade_name: profile.trade_name.clone(),
            tax_country: profile.tax_id.country.clone(),
            tax_number: profile.tax_id.number.clone(),
            addresses: profile.addresses.iter().map(AddressDraft::from).collect(),
            contacts: profile.contacts.iter().map(ContactDraft::from).collect(),
            emails: profile.emails.join("\n"),
            phones: profile.phones.join("\n"),
            website: profile.website.clone(),
            payment_days: profile
                .payment_terms
                .days
                .map(|days| days.to_string())
                .unwrap_or_default(),
            payment_method: profile.payment_terms.method.code().into(),
            bank_accounts: profile
                .bank_accounts
                .iter()
                .map(BankAccountDraft::from)
                .collect(),
            industry: profile.industry.clone(),
            region: profile.region.clone(),
            notes: profile.notes.clone(),
            custom: profile.custom.clone(),
            categories: profile.categories.keys().cloned().collect(),
            tags: profile.tags.keys().cloned().collect(),
            industry_id: profile.industry_id.clone(),
            region_id: profile.region_id.clone(),
        }
    }
}

impl From<&Address> for AddressDraft {
    fn from(address: &Address) -> Self {
        Self {
            id: address.id.clone(),
            kind: address.kind.code().into(),
            street: address.street.clone(),
            city: address.city.clone(),
            postal_code: address.postal_code.clone(),
            region: address.region.clone(),
            country: address.country.clone(),
        }
    }
}

impl From<&Contact> for ContactDraft {
    fn from(contact: &Contact) -> Self {
        Self {
            id: contact.id.clone(),
            name: contact.name.clone(),
            role: contact.role.clone(),
            email: contact.email.clone(),
            phone: contact.phone.clone(),
        }
    }
}

impl From<&BankAccount> for BankAccountDraft {
    fn from(account: &BankAccount) -> Self {
        Self {
            id: account.id.clone(),
            iban: account.iban.clone(),
            bic: account.bic.clone(),
            holder: account.holder.clone(),
        }
    }
}
