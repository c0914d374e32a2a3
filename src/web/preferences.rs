//! Small per-device preferences in localStorage (through gloo-storage): the saved searches,
//! what the person did with each alert, and which alerts were already notified. They are a
//! person's own state, not team data, so they stay out of the synced documents.

use gloo_storage::{LocalStorage, Storage};

use std::collections::{BTreeMap, BTreeSet};

use crate::report::AlertMark;
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

const ALERT_MARKS: &str = "partnero.alert-marks";
const NOTIFIED: &str = "partnero.notified-alerts";

/// Done and snoozed marks of alerts on this device.
pub fn alert_marks() -> BTreeMap<String, AlertMark> {
    LocalStorage::get(ALERT_MARKS).unwrap_or_default()
}

pub fn store_alert_marks(marks: &BTreeMap<String, AlertMark>) -> Result<(), String> {
    LocalStorage::set(ALERT_MARKS, marks)
        .map_err(|error| format!("cannot keep the alert marks on this device: {error}"))
}

/// Alerts already shown as system notifications on this device.
pub fn notified_alerts() -> BTreeSet<String> {
    LocalStorage::get(NOTIFIED).unwrap_or_default()
}

pub fn store_notified_alerts(ids: &BTreeSet<String>) {
    // Best effort: losing this only means an alert may be notified once more.
    let _ = LocalStorage::set(NOTIFIED, ids);
}

const CREATED: &str = "partnero.created-partners";

/// Partners the signed-in user registered on this device: a sales rep may change them before
/// the server has them (the server records who sent a record first).
pub fn created_partners() -> BTreeSet<String> {
    LocalStorage::get(CREATED).unwrap_or_default()
}

pub fn set_created_partners(ids: &BTreeSet<String>) {
    // Best effort: losing this only hides edit controls until the server confirms.
    let _ = LocalStorage::set(CREATED, ids);
}
