//! Filtering the partner list: by kind, by status, and by text typed into a box.
//!
//! This is the simple contains-match of the first slice: case-insensitive, over the fields a rep
//! remembers (names, tax id, cities, emails, phones, contact names, industry, region). The real
//! search engine (prefixes, typos, accents, ranking) replaces it later behind the same function.

use crate::model::{DocumentId, Partner, PartnerStatus};

/// Which kinds of partner the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KindFilter {
    #[default]
    All,
    /// Clients, including partners that are both.
    Clients,
    /// Suppliers, including partners that are both.
    Suppliers,
}

/// Which statuses the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusFilter {
    #[default]
    Active,
    Archived,
    All,
}

/// What the list is filtered by.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListFilter {
    pub kind: KindFilter,
    pub status: StatusFilter,
    pub text: String,
}

impl KindFilter {
    pub fn code(self) -> &'static str {
        match self {
            KindFilter::All => "all",
            KindFilter::Clients => "clients",
            KindFilter::Suppliers => "suppliers",
        }
    }

    pub fn from_code(code: &str) -> Self {
        match code {
            "clients" => KindFilter::Clients,
            "suppliers" => KindFilter::Suppliers,
            _ => KindFilter::All,
        }
    }
}

impl StatusFilter {
    pub fn code(self) -> &'static str {
        match self {
            StatusFilter::Active => "active",
            StatusFilter::Archived => "archived",
            StatusFilter::All => "all",
        }
    }

    pub fn from_code(code: &str) -> Self {
        match code {
            "archived" => StatusFilter::Archived,
            "all" => StatusFilter::All,
            _ => StatusFilter::Active,
        }
    }
}

/// True when the partner passes every part of the filter.
pub fn matches(partner: &Partner, filter: &ListFilter) -> bool {
    let kind = partner.profile.kind;
    let kind_ok = match filter.kind {
        KindFilter::All => true,
        KindFilter::Clients => kind.is_client(),
        KindFilter::Suppliers => kind.is_supplier(),
    };
    let status_ok = match filter.status {
        StatusFilter::All => true,
        StatusFilter::Active => partner.status == PartnerStatus::Active,
        StatusFilter::Archived => partner.status == PartnerStatus::Archived,
    };
    kind_ok && status_ok && matches_text(partner, &filter.text)
}

/// The ids of the partners that pass the filter, sorted by display name (case-insensitive).
pub fn filter_partners<'a>(
    partners: impl IntoIterator<Item = (DocumentId, &'a Partner)>,
    filter: &ListFilter,
) -> Vec<DocumentId> {
    let mut hits: Vec<(String, DocumentId)> = partners
        .into_iter()
        .filter(|(_, partner)| matches(partner, filter))
        .map(|(id, partner)| (partner.display_name().to_lowercase(), id))
        .collect();
    hits.sort();
    hits.into_iter().map(|(_, id)| id).collect()
}

/// Every word of the query must occur in some searchable field.
fn matches_text(partner: &Partner, query: &str) -> bool {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return true;
    }
    let haystack = searchable_text(partner);
    words.iter().all(|word| haystack.contains(word.as_str()))
}

fn searchable_text(partner: &Partner) -> String {
    let profile = &partner.profile;
    let mut parts: Vec<&str> = vec![
        &profile.legal_name,
        &profile.trade_name,
        &profile.tax_id.number,
        &profile.website,
        &profile.industry,
        &profile.region,
    ];
    for address in &profile.addresses {
        parts.extend([
            address.city.as_str(),
            address.postal_code.as_str(),
            address.street.as_str(),
        ]);
    }
    for contact in &profile.contacts {
        parts.extend([
            contact.name.as_str(),
            contact.email.as_str(),
            contact.phone.as_str(),
        ]);
    }
    parts.extend(profile.emails.iter().map(String::as_str));
    parts.extend(profile.phones.iter().map(String::as_str));
    parts.join("\n").to_lowercase()
}
