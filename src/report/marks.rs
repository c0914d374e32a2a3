//! What a person did with an alert on their device: marked it done, or snoozed it until a day.
//! Reminders keep done and snoozed in the partner's activity document (shared by the team);
//! the other alerts are derived from the records, so their marks are personal and kept on the
//! device.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::alerts::Alert;
use crate::model::parse_iso_date;

/// One alert's mark.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertMark {
    pub done: bool,
    /// ISO date from which the alert shows again.
    pub snoozed_until: Option<String>,
}

impl AlertMark {
    /// Whether the alert is hidden on `today`.
    pub fn hides(&self, today: i64) -> bool {
        self.done
            || self
                .snoozed_until
                .as_deref()
                .and_then(parse_iso_date)
                .is_some_and(|until| until > today)
    }
}

/// The alerts still to show, soonest first (then by id, so every device orders them alike).
pub fn visible_alerts(
    mut alerts: Vec<Alert>,
    marks: &BTreeMap<String, AlertMark>,
    today: i64,
) -> Vec<Alert> {
    alerts.retain(|alert| !marks.get(&alert.id).is_some_and(|mark| mark.hides(today)));
    alerts.sort_by(|a, b| a.due_day.cmp(&b.due_day).then_with(|| a.id.cmp(&b.id)));
    alerts
}
