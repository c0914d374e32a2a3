//! The alert centre (`/alerts`) and its count badge in the app bar: invoices due soon or
//! overdue, verification documents expiring, reminders due and partners missing required data,
//! computed on the device (`AppState::alerts`), so they show offline. An alert is opened (its
//! partner's page), snoozed until a day, or marked done; a reminder's done and snooze go into
//! the partner's activity document (shared), the others stay on this device. Where the person
//! allows it, new alerts also become system notifications through the service worker.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::activity::change_reminder;
use super::detail::Notice;
use super::state::{use_app_state, AppState};
use crate::model::{day_of, DocumentId};
use crate::report::{iso_date_of_day, Alert, AlertKind, AlertMark};
use crate::web::{device, now_ms, preferences};

/// At most this many system notifications at once; more alerts are summed up in one.
const MAX_NOTIFICATIONS: usize = 3;

/// The link to the alert centre, with how many alerts are open.
#[component]
pub fn AlertsBadge() -> impl IntoView {
    let state = use_app_state();
    let count = move || state.alerts.with(Vec::len);
    view! {
        <a class="bar-link" href="/alerts" id="alerts-link">
            {move_tr!("alerts-link")}
            <Show when=move || { count() > 0 }>
                <span class="badge" id="alert-count" aria-label=move || tr!("alerts-open-count", { "count" => count() })>{count}</span>
            </Show>
        </a>
    }
}

/// Shows new alerts as system notifications when the person allowed them on this device.
#[component]
pub fn AlertNotifier() -> impl IntoView {
    let state = use_app_state();
    // Captured here: the task below runs outside the component's context.
    let i18n = expect_context::<I18n>();
    Effect::new(move |_| {
        let alerts = state.alerts.get();
        if device::notification_permission().as_deref() != Some("granted") {
            return;
        }
        let mut notified = preferences::notified_alerts();
        let fresh: Vec<Alert> = alerts
            .into_iter()
            .filter(|alert| !notified.contains(&alert.id))
            .collect();
        if fresh.is_empty() {
            return;
        }
        for alert in &fresh {
            notified.insert(alert.id.clone());
        }
        preferences::store_notified_alerts(&notified);
        leptos::task::spawn_local(async move {
            for alert in fresh.iter().take(MAX_NOTIFICATIONS) {
                let _ = device::notify(
                    "Partnero",
                    &super::words::alert_text(i18n, alert),
                    &alert.id,
                )
                .await;
            }
            if fresh.len() > MAX_NOTIFICATIONS {
                let more = fresh.len() - MAX_NOTIFICATIONS;
                let _ = device::notify(
                    "Partnero",
                    &tr!(i18n, "alerts-more", { "more" => more }),
                    "partnero-more-alerts",
                )
                .await;
            }
        });
    });
}

/// The alert centre.
#[component]
pub fn AlertsPage() -> impl IntoView {
    let state = use_app_state();
    let notice = RwSignal::new(Notice::None);
    let busy = RwSignal::new(false);
    let permission = RwSignal::new(device::notification_permission());
    let ask = move |_| {
        leptos::task::spawn_local(async move {
            match device::request_notifications().await {
                Ok(answer) => permission.set(Some(answer)),
                Err(reason) => notice.set(Notice::Failed(reason)),
            }
        });
    };
    view! {
        <section class="alerts-screen">
            <h1>{move_tr!("alerts-title")}</h1>
            <p class="notice" role="status" id="alerts-notice">{move || match notice.get() {
                Notice::None => String::new(),
                Notice::Saved(text) | Notice::Failed(text) => text,
            }}</p>
            <div class="notifications-choice" id="notifications-choice">
                {move || match permission.get().as_deref() {
                    None => view! { <p class="muted">{move_tr!("alerts-no-notifications")}</p> }.into_any(),
                    Some("granted") => view! { <p class="muted">{move_tr!("alerts-notifications-on")}</p> }.into_any(),
                    Some("denied") => view! { <p class="muted">{move_tr!("alerts-notifications-blocked")}</p> }.into_any(),
                    Some(_) => view! { <button type="button" class="button" id="enable-notifications" on:click=ask>{move_tr!("alerts-notify-me")}</button> }.into_any(),
                }}
            </div>
            <Show
                when=move || state.alerts.with(|alerts| !alerts.is_empty())
                fallback=|| view! { <p class="empty-state" id="no-alerts">{move_tr!("alerts-nothing")}</p> }
            >
                <ul class="alerts" id="alert-list">
                    {move || state.alerts.get().into_iter().map(|alert| view! {
                        <AlertRow alert=alert state=state notice=notice busy=busy/>
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn AlertRow(
    alert: Alert,
    state: AppState,
    notice: RwSignal<Notice>,
    busy: RwSignal<bool>,
) -> impl IntoView {
    // Captured here: the event handlers below run outside the component's context.
    let i18n = expect_context::<I18n>();
    let tomorrow = iso_date_of_day(day_of(now_ms()) + 1);
    let until = RwSignal::new(tomorrow);
    let partner: Option<DocumentId> = alert.partner_id.parse().ok();
    // A reminder's row id is the last part of its alert id (`reminder:<partner>:<row>`).
    let reminder_row = (alert.kind == AlertKind::ReminderDue)
        .then(|| alert.id.rsplit(':').next().map(str::to_owned))
        .flatten();
    let mark = move |apply: Box<dyn Fn(&mut AlertMark)>, id: String| {
        state
            .alert_marks
            .update(|marks| apply(marks.entry(id).or_default()));
        if let Err(reason) = preferences::store_alert_marks(&state.alert_marks.get_untracked()) {
            notice.set(Notice::Failed(reason));
        }
    };
    let done = {
        let id = alert.id.clone();
        let row = reminder_row.clone();
        move |_| match (partner, row.clone()) {
            (Some(partner), Some(row)) => {
                change_reminder(i18n, state, notice, busy, partner, row, |reminder| {
                    reminder.done = true
                })
            }
            _ => mark(Box::new(|mark| mark.done = true), id.clone()),
        }
    };
    let snooze = {
        let id = alert.id.clone();
        let row = reminder_row.clone();
        move |_| {
            let day = until.get_untracked();
            if crate::model::parse_iso_date(&day).is_none() {
                notice.set(Notice::Failed(tr!(i18n, "alerts-snooze-bad-date")));
                return;
            }
            match (partner, row.clone()) {
                (Some(partner), Some(row)) => {
                    change_reminder(i18n, state, notice, busy, partner, row, {
                        let day = day.clone();
                        move |reminder| reminder.snoozed_until = Some(day)
                    })
                }
                _ => mark(
                    Box::new(move |mark| mark.snoozed_until = Some(day.clone())),
                    id.clone(),
                ),
            }
        }
    };
    let snooze_id = format!("snooze-{}", alert.id.replace(':', "-"));
    view! {
        <li class=format!("alert alert-{}", alert.kind.code()) data-alert=alert.id.clone()>
            <span class="alert-date">{let day = alert.due_day; move || super::i18n::day(i18n, day)}</span>
            <span class="alert-text">{let alert = alert.clone(); move || super::words::alert_text(i18n, &alert)}</span>
            <span class="alert-actions">
                {partner.map(|id| view! { <a class="button" href=format!("/partners/{id}")>{move_tr!("alerts-open")}</a> })}
                <button type="button" class="button small alert-done" on:click=done>{move_tr!("alerts-done")}</button>
                <label class="visually-hidden" for=snooze_id.clone()>{move_tr!("alerts-snooze-until")}</label>
                <input type="date" class="snooze-until" id=snooze_id prop:value=move || until.get() on:input=move |event| until.set(event_target_value(&event))/>
                <button type="button" class="button small alert-snooze" on:click=snooze>{move_tr!("alerts-snooze")}</button>
            </span>
        </li>
    }
}
