//! Saved searches: a name plus everything the list was filtered and sorted by, so a rep can
//! reuse "suppliers in Andalucía with an expiring licence" with one tap, offline too. Pure data
//! and list rules; the browser glue keeps the list in localStorage (`web::preferences`).

use serde::{Deserialize, Serialize};

/// How the list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SortOrder {
    /// Best match first when there is text; by name otherwise.
    #[default]
    Relevance,
    Name,
    RecentlyChanged,
}

impl SortOrder {
    pub const ALL: [SortOrder; 3] = [
        SortOrder::Relevance,
        SortOrder::Name,
        SortOrder::RecentlyChanged,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SortOrder::Relevance => "relevance",
            SortOrder::Name => "name",
            SortOrder::RecentlyChanged => "recent",
        }
    }

    pub fn from_code(code: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|order| order.code() == code)
            .unwrap_or_default()
    }

    pub fn label(self) -> &'static str {
        match self {
            SortOrder::Relevance => "Best match",
            SortOrder::Name => "Name",
            SortOrder::RecentlyChanged => "Recently changed",
        }
    }
}

/// One saved search. Filter values are stored as the list's codes ("" = any).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedSearch {
    pub name: String,
    pub text: String,
    pub kind: String,
    pub status: String,
    pub verification: String,
    pub category: String,
    pub tag: String,
    pub industry: String,
    pub region: String,
    pub custom_field: String,
    pub custom_text: String,
    pub sort: SortOrder,
}

/// Adds `search` to `saved`, replacing one with the same name (case-insensitive); names are
/// trimmed and required. Returns the saved list sorted by name.
pub fn save_search(
    mut saved: Vec<SavedSearch>,
    mut search: SavedSearch,
) -> Result<Vec<SavedSearch>, String> {
    search.name = search.name.trim().to_owned();
    if search.name.is_empty() {
        return Err("Saved search: give it a name".into());
    }
    saved.retain(|other| !other.name.eq_ignore_ascii_case(&search.name));
    saved.push(search);
    saved.sort_by_key(|search| search.name.to_lowercase());
    Ok(saved)
}

/// Removes the saved search called `name`.
pub fn delete_search(mut saved: Vec<SavedSearch>, name: &str) -> Vec<SavedSearch> {
    saved.retain(|other| !other.name.eq_ignore_ascii_case(name));
    saved
}
