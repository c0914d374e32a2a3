//! Small per-device preferences in localStorage (through gloo-storage): the saved searches.
//! They are a person's own shortcuts, not team data, so they stay out of the synced documents.

use gloo_storage::{LocalStorage, Storage};

use crate::search::saved::SavedSearch;

const SAVED_SEARCHES: &str = "partnero.saved-searches";

/// The saved searches on this device (none if nothing or something unreadable is stored).
pub fn saved_searches() -> Vec<SavedSearch> {
    LocalStorage::get(SAVED_SEARCHES).unwrap_or_default()
}

/// Replaces the saved searches on this device.
pub fn store_saved_searches(searches: &[SavedSearch]) -> Result<(), String> {
    LocalStorage::set(SAVED_SEARCHES, searches)
        .map_err(|error| format!("cannot keep the saved searches on this device: {error}"))
}
