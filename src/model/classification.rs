//! Maintenance of the classification lists (categories, industries, regions, tags) as pure
//! planning: rename a term, merge one into another, delete one with its partners reassigned.
//!
//! Partners reference terms by id, so a rename touches only the settings. A merge or a delete
//! changes the settings *and* every partner referencing the old id; this module says what each
//! changes ([`merge_terms_in_settings`], [`reassign_term`]) and the registry applies it
//! (`registry::classification`). References the settings no longer define, e.g. a tag a device
//! added offline while another deleted it, are found by [`dangling_references`] rather than
//! trusted to never happen.

use std::collections::BTreeMap;

use super::change_refusal::ChangeRefusal;
use super::partner::PartnerProfile;
use super::settings::{AppliesTo, Category, Term, WorkspaceSettings};

/// One of the classification lists of the settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TermList {
    Categories,
    Industries,
    Regions,
    Tags,
}

impl TermList {
    pub const ALL: [TermList; 4] = [
        TermList::Categories,
        TermList::Industries,
        TermList::Regions,
        TermList::Tags,
    ];

    pub fn code(self) -> &'static str {
        match self {
            TermList::Categories => "categories",
            TermList::Industries => "industries",
            TermList::Regions => "regions",
            TermList::Tags => "tags",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|list| list.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            TermList::Categories => "Categories",
            TermList::Industries => "Industries",
            TermList::Regions => "Regions",
            TermList::Tags => "Tags",
        }
    }

    /// The field of `PartnerDraft` and of validation errors that references this list.
    pub fn field(self) -> &'static str {
        match self {
            TermList::Categories => "categories",
            TermList::Industries => "industry_id",
            TermList::Regions => "region_id",
            TermList::Tags => "tags",
        }
    }
}

impl WorkspaceSettings {
    /// The flat lists; categories are a tree and kept apart.
    fn flat_terms(&self, list: TermList) -> Option<&BTreeMap<String, Term>> {
        match list {
            TermList::Categories => None,
            TermList::Industries => Some(&self.industries),
            TermList::Regions => Some(&self.regions),
            TermList::Tags => Some(&self.tags),
        }
    }

    fn flat_terms_mut(&mut self, list: TermList) -> Option<&mut BTreeMap<String, Term>> {
        match list {
            TermList::Categories => None,
            TermList::Industries => Some(&mut self.industries),
            TermList::Regions => Some(&mut self.regions),
            TermList::Tags => Some(&mut self.tags),
        }
    }

    /// Whether `id` is a term of `list`.
    pub fn has_term(&self, list: TermList, id: &str) -> bool {
        self.term_name(list, id).is_some()
    }

    /// The name of term `id` of `list`.
    pub fn term_name(&self, list: TermList, id: &str) -> Option<&str> {
        match self.flat_terms(list) {
            Some(terms) => terms.get(id).map(|term| term.name.as_str()),
            None => self
                .categories
                .get(id)
                .map(|category| category.name.as_str()),
        }
    }

    /// Every term of `list` as (id, name), by name (case-insensitive), for pickers.
    pub fn terms(&self, list: TermList) -> Vec<(&String, &str)> {
        let mut terms: Vec<(&String, &str)> = match self.flat_terms(list) {
            Some(terms) => terms
                .iter()
                .map(|(id, term)| (id, term.name.as_str()))
                .collect(),
            None => self
                .categories
                .iter()
                .map(|(id, category)| (id, category.name.as_str()))
                .collect(),
        };
        terms.sort_by_key(|(id, name)| (name.to_lowercase(), *id));
        terms
    }
}

/// Adds a term under a new `id` (fresh from the caller). A category is added at the top of the
/// tree, for clients and suppliers; `move_category` and the map entry refine it.
pub fn add_term(
    settings: &mut WorkspaceSettings,
    list: TermList,
    id: &str,
    name: &str,
) -> Result<(), ChangeRefusal> {
    let name = checked_name(name)?;
    if id.trim().is_empty() || settings.has_term(list, id) {
        return Err(ChangeRefusal::TermIdTaken {
            list,
            id: id.to_owned(),
        });
    }
    match settings.flat_terms_mut(list) {
        Some(terms) => {
            terms.insert(id.to_owned(), Term { name });
        }
        None => {
            settings.categories.insert(
                id.to_owned(),
                Category {
                    name,
                    parent: None,
                    applies_to: AppliesTo::Both,
                },
            );
        }
    }
    Ok(())
}

/// Renames a term. Only the settings change: partners reference the id.
pub fn rename_term(
    settings: &mut WorkspaceSettings,
    list: TermList,
    id: &str,
    name: &str,
) -> Result<(), ChangeRefusal> {
    let name = checked_name(name)?;
    match settings.flat_terms_mut(list) {
        Some(terms) => terms.get_mut(id).map(|term| term.name = name),
        None => settings
            .categories
            .get_mut(id)
            .map(|category| category.name = name),
    }
    .ok_or_else(|| unknown(list, id))
}

/// The settings side of merging term `from` into `into`, or of deleting `from` (`into` is
/// `None`): `from` disappears. Subcategories of a merged category move under `into`; those of a
/// deleted one move up to its parent. Merging a category into one of its own subcategories first
/// lifts that subcategory to `from`'s parent, so the tree never gets a cycle.
pub fn merge_terms_in_settings(
    settings: &mut WorkspaceSettings,
    list: TermList,
    from: &str,
    into: Option<&str>,
) -> Result<(), ChangeRefusal> {
    if !settings.has_term(list, from) {
        return Err(unknown(list, from));
    }
    if let Some(into) = into {
        if into == from {
            return Err(ChangeRefusal::TermMergedIntoItself { list });
        }
        if !settings.has_term(list, into) {
            return Err(unknown(list, into));
        }
    }
    if let Some(terms) = settings.flat_terms_mut(list) {
        terms.remove(from);
        return Ok(());
    }
    let old_parent = settings
        .categories
        .get(from)
        .and_then(|category| category.parent.clone());
    if let Some(into) = into {
        if settings.descendants(from).contains(into) {
            if let Some(category) = settings.categories.get_mut(into) {
                category.parent = old_parent.clone();
            }
        }
    }
    let new_parent = into.map(str::to_owned).or(old_parent);
    for category in settings.categories.values_mut() {
        if category.parent.as_deref() == Some(from) {
            category.parent = new_parent.clone();
        }
    }
    settings.categories.remove(from);
    Ok(())
}

/// Whether `profile` references term `id` of `list`.
pub fn references_term(profile: &PartnerProfile, list: TermList, id: &str) -> bool {
    match list {
        TermList::Categories => profile.categories.contains_key(id),
        TermList::Tags => profile.tags.contains_key(id),
        TermList::Industries => profile.industry_id == id,
        TermList::Regions => profile.region_id == id,
    }
}

/// The partner side of a merge or delete: references to `from` become references to `into`
/// (or are removed when `into` is `None`). Returns whether the profile changed.
pub fn reassign_term(
    profile: &mut PartnerProfile,
    list: TermList,
    from: &str,
    into: Option<&str>,
) -> bool {
    if from.is_empty() || !references_term(profile, list, from) {
        return false;
    }
    match list {
        TermList::Categories | TermList::Tags => {
            let set = if list == TermList::Categories {
                &mut profile.categories
            } else {
                &mut profile.tags
            };
            set.remove(from);
            if let Some(into) = into {
                set.insert(into.to_owned(), true);
            }
        }
        TermList::Industries => profile.industry_id = into.unwrap_or_default().to_owned(),
        TermList::Regions => profile.region_id = into.unwrap_or_default().to_owned(),
    }
    true
}

/// How many of `profiles` reference each term of `list` ("used by 12 partners" before a delete).
pub fn term_usage<'a>(
    profiles: impl IntoIterator<Item = &'a PartnerProfile>,
    list: TermList,
) -> BTreeMap<String, usize> {
    let mut usage = BTreeMap::new();
    for profile in profiles {
        let ids: Vec<&String> = match list {
            TermList::Categories => profile.categories.keys().collect(),
            TermList::Tags => profile.tags.keys().collect(),
            TermList::Industries => vec![&profile.industry_id],
            TermList::Regions => vec![&profile.region_id],
        };
        for id in ids.into_iter().filter(|id| !id.is_empty()) {
            *usage.entry(id.clone()).or_insert(0) += 1;
        }
    }
    usage
}

/// References of `profile` to terms the settings do not define (deleted on another device while
/// this partner was edited offline), so the UI can show and clear them.
pub fn dangling_references(
    profile: &PartnerProfile,
    settings: &WorkspaceSettings,
) -> Vec<(TermList, String)> {
    let mut dangling = Vec::new();
    let mut check = |list: TermList, id: &String| {
        if !id.is_empty() && !settings.has_term(list, id) {
            dangling.push((list, id.clone()));
        }
    };
    profile
        .categories
        .keys()
        .for_each(|id| check(TermList::Categories, id));
    check(TermList::Industries, &profile.industry_id);
    check(TermList::Regions, &profile.region_id);
    profile.tags.keys().for_each(|id| check(TermList::Tags, id));
    dangling
}

fn checked_name(name: &str) -> Result<String, ChangeRefusal> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        Err(ChangeRefusal::NameRequired)
    } else {
        Ok(name)
    }
}

fn unknown(list: TermList, id: &str) -> ChangeRefusal {
    ChangeRefusal::UnknownTerm {
        list,
        id: id.to_owned(),
    }
}
