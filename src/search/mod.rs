//! Filtering the partner list: by kind, by status, by classification (category with its
//! subcategories, tag, industry, region), by a custom field's value, and by text typed into a box.
//!
//! This is the simple contains-match of the first slice: case-insensitive, over the fields a rep
//! remembers (names, tax id, cities, emails, phones, contact names, industry, region, custom
//! values, and the names of the partner's categories, tags, industry and region). The real
//! search engine (prefixes, typos, accents, ranking) replaces it later behind the same function.
//!
//! Names of terms and the category tree live in the workspace settings, so the full filter is
//! [`filter_partners_with`]; [`filter_partners`] is the same under empty settings (classification
//! filters then match ids exactly, without subcategories or names).

pub mod engine;
pub mod generate;
pub mod saved;
pub mod stored;

pub use engine::{FieldMatch, SearchDoc, SearchField, SearchHit, SearchIndex};

use std::collections::BTreeSet;

use crate::model::{DocumentId, Partner, PartnerStatus, TermList, WorkspaceSettings};

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
    /// A category id: partners in it or in any of its subcategories.
    pub category: Option<String>,
    /// A tag id.
    pub tag: Option<String>,
    /// An industry term id.
    pub industry_id: Option<String>,
    /// A region term id.
    pub region_id: Option<String>,
    /// A custom field id and text its value must contain (case-insensitive); an empty text
    /// means "has any value".
    pub custom: Option<(String, String)>,
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

/// True when the partner passes every part of the filter, under empty settings.
pub fn matches(partner: &Partner, filter: &ListFilter) -> bool {
    matches_with(partner, filter, &WorkspaceSettings::default())
}

/// True when the partner passes every part of the filter, under the workspace's settings.
pub fn matches_with(partner: &Partner, filter: &ListFilter, settings: &WorkspaceSettings) -> bool {
    Prepared::new(filter, settings).matches(partner)
}

/// The ids of the partners that pass the filter, sorted by display name (case-insensitive),
/// under empty settings.
pub fn filter_partners<'a>(
    partners: impl IntoIterator<Item = (DocumentId, &'a Partner)>,
    filter: &ListFilter,
) -> Vec<DocumentId> {
    filter_partners_with(partners, filter, &WorkspaceSettings::default())
}

/// The ids of the partners that pass the filter under the workspace's settings, sorted by
/// display name (case-insensitive).
pub fn filter_partners_with<'a>(
    partners: impl IntoIterator<Item = (DocumentId, &'a Partner)>,
    filter: &ListFilter,
    settings: &WorkspaceSettings,
) -> Vec<DocumentId> {
    let prepared = Prepared::new(filter, settings);
    let mut hits: Vec<(String, DocumentId)> = partners
        .into_iter()
        .filter(|(_, partner)| prepared.matches(partner))
        .map(|(id, partner)| (partner.display_name().to_lowercase(), id))
        .collect();
    hits.sort();
    hits.into_iter().map(|(_, id)| id).collect()
}

/// A filter with what is the same for every partner worked out once: the category subtree,
/// the query words.
struct Prepared<'a> {
    filter: &'a ListFilter,
    settings: &'a WorkspaceSettings,
    categories: Option<BTreeSet<String>>,
    words: Vec<String>,
    custom_text: String,
}

impl<'a> Prepared<'a> {
    fn new(filter: &'a ListFilter, settings: &'a WorkspaceSettings) -> Self {
        Self {
            filter,
            settings,
            categories: filter
                .category
                .as_deref()
                .map(|category| settings.descendants(category)),
            words: filter
                .text
                .split_whitespace()
                .map(str::to_lowercase)
                .collect(),
            custom_text: filter
                .custom
                .as_ref()
                .map(|(_, text)| text.trim().to_lowercase())
                .unwrap_or_default(),
        }
    }

    fn matches(&self, partner: &Partner) -> bool {
        let filter = self.filter;
        let profile = &partner.profile;
        let kind = profile.kind;
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
        let category_ok = self.categories.as_ref().is_none_or(|wanted| {
            profile
                .categories
                .keys()
                .any(|category| wanted.contains(category))
        });
        let tag_ok = filter
            .tag
            .as_ref()
            .is_none_or(|tag| profile.tags.contains_key(tag));
        let industry_ok = filter
            .industry_id
            .as_ref()
            .is_none_or(|id| &profile.industry_id == id);
        let region_ok = filter
            .region_id
            .as_ref()
            .is_none_or(|id| &profile.region_id == id);
        let custom_ok = filter.custom.as_ref().is_none_or(|(field, _)| {
            profile.custom.get(field).is_some_and(|value| {
                !value.trim().is_empty() && value.to_lowercase().contains(&self.custom_text)
            })
        });
        kind_ok
            && status_ok
            && category_ok
            && tag_ok
            && industry_ok
            && region_ok
            && custom_ok
            && self.matches_text(partner)
    }

    /// Every word of the query must occur in some searchable field.
    fn matches_text(&self, partner: &Partner) -> bool {
        if self.words.is_empty() {
            return true;
        }
        let haystack = searchable_text(partner, self.settings);
        self.words
            .iter()
            .all(|word| haystack.contains(word.as_str()))
    }
}

fn searchable_text(partner: &Partner, settings: &WorkspaceSettings) -> String {
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
    parts.extend(profile.custom.values().map(String::as_str));
    parts.extend(
        profile
            .tags
            .keys()
            .filter_map(|id| settings.term_name(TermList::Tags, id)),
    );
    parts.extend(settings.term_name(TermList::Industries, &profile.industry_id));
    parts.extend(settings.term_name(TermList::Regions, &profile.region_id));
    // A category's whole path, so "raw materials" also finds partners filed under its "Steel".
    let paths: Vec<String> = profile
        .categories
        .keys()
        .map(|id| settings.category_path(id).join("\n"))
        .collect();
    parts.extend(paths.iter().map(String::as_str));
    parts.join("\n").to_lowercase()
}
