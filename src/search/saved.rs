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

/// The query-string names of a search's parts (`/import?q=…&kind=…`), in order.
const QUERY_NAMES: [&str; 11] = [
    "q",
    "kind",
    "status",
    "verification",
    "category",
    "tag",
    "industry",
    "region",
    "field",
    "value",
    "sort",
];

impl SavedSearch {
    /// What the list filters by (everything but the text, the verification state and the
    /// order, which the list applies around it).
    pub fn list_filter(&self) -> super::ListFilter {
        let some = |value: &str| Some(value.to_owned()).filter(|value| !value.is_empty());
        super::ListFilter {
            kind: super::KindFilter::from_code(&self.kind),
            status: super::StatusFilter::from_code(&self.status),
            category: some(&self.category),
            tag: some(&self.tag),
            industry_id: some(&self.industry),
            region_id: some(&self.region),
            custom: some(&self.custom_field).map(|field| (field, self.custom_text.clone())),
            ..super::ListFilter::default()
        }
    }

    /// The search as query-string pairs, for a link that carries it to another screen (the
    /// export of "the current search"); parts left at their default are left out.
    pub fn query_pairs(&self) -> Vec<(&'static str, String)> {
        let default_status = super::StatusFilter::default().code();
        let values = [
            self.text.trim().to_owned(),
            Some(self.kind.clone())
                .filter(|kind| kind != "all")
                .unwrap_or_default(),
            Some(self.status.clone())
                .filter(|status| status != default_status)
                .unwrap_or_default(),
            self.verification.clone(),
            self.category.clone(),
            self.tag.clone(),
            self.industry.clone(),
            self.region.clone(),
            self.custom_field.clone(),
            self.custom_text.clone(),
            Some(self.sort.code().to_owned())
                .filter(|sort| *sort != SortOrder::default().code())
                .unwrap_or_default(),
        ];
        QUERY_NAMES
            .into_iter()
            .zip(values)
            .filter(|(_, value)| !value.is_empty())
            .collect()
    }

    /// The search a link's query string carries (`get` reads one parameter); the inverse of
    /// [`SavedSearch::query_pairs`].
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> SavedSearch {
        let read = |name: &str| get(name).unwrap_or_default();
        SavedSearch {
            name: String::new(),
            text: read("q").trim().to_owned(),
            kind: Some(read("kind"))
                .filter(|kind| !kind.is_empty())
                .unwrap_or_else(|| "all".into()),
            status: Some(read("status"))
                .filter(|status| !status.is_empty())
                .unwrap_or_else(|| super::StatusFilter::default().code().to_owned()),
            verification: read("verification"),
            category: read("category"),
            tag: read("tag"),
            industry: read("industry"),
            region: read("region"),
            custom_field: read("field"),
            custom_text: read("value"),
            sort: SortOrder::from_code(&read("sort")),
        }
    }

    /// Whether the search narrows the list at all (text or a filter beyond the defaults).
    pub fn narrows(&self) -> bool {
        self.query_pairs().iter().any(|(name, _)| *name != "sort")
    }
}
