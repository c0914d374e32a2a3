//! The follow-up part of a partner's page: the timeline of interactions and record events, the
//! form that logs a call, visit, email, meeting or note (optionally from a message template,
//! sent through the device's mail app or copied, and for visits with the device's position when
//! the user asks), and manual reminders ("call back on Tuesday") with done and snooze.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::detail::{dispatch, Notice};
use super::finance::today_iso;
use super::i18n::{date, integer, label, moment};
use super::state::AppState;
use super::words::timeline_event;
use crate::model::{
    day_of, fill_template, parse_iso_date, DocumentId, FilledMessage, Interaction, InteractionKind,
    Partner, Reminder,
};
use crate::report::{template_values_in, timeline, TimelineKind};
use crate::text::locale::Locale;
use crate::web::{device, new_row_id, now_ms};

/// The follow-up card of a partner's page.
#[component]
pub fn ActivityCard(
    id: DocumentId,
    partner: Partner,
    state: AppState,
    notice: RwSignal<Notice>,
    busy: RwSignal<bool>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let partner_for_timeline = partner.clone();
    let entries = move || {
        state.view.with(|view| {
            timeline(
                &partner_for_timeline,
                view.finances.get(&id),
                view.activities.get(&id),
            )
        })
    };
    view! {
        <section class="card activity" id="activity" aria-labelledby="activity-title">
            <h2 id="activity-title">{move_tr!("activity-title")}</h2>
            <LogInteraction id=id partner=partner.clone() state=state notice=notice busy=busy/>
            <Reminders id=id state=state notice=notice busy=busy/>
            <h3>{move_tr!("activity-timeline")}</h3>
            <ol class="timeline" id="timeline">
                {move || entries().into_iter().map(|entry| {
                    let when = moment(i18n, entry.at_ms);
                    match entry.kind {
                        TimelineKind::Interaction(row, interaction) => view! {
                            <li class="timeline-interaction" id=format!("interaction-{row}")>
                                <span class="when">{when}</span>
                                <strong>{label(i18n, interaction.kind)}</strong>
                                {(!interaction.author.is_empty()).then(|| format!(" · {}", interaction.author))}
                                {interaction.position.map(|position| view! {
                                    <a class="position" target="_blank" rel="noopener"
                                       href=format!("geo:{},{}", position.latitude_e7 as f64 / 1e7, position.longitude_e7 as f64 / 1e7)>
                                        " · "
                                        {tr!(i18n, "activity-position", {
                                            "latitude" => format!("{:.5}", position.latitude_e7 as f64 / 1e7),
                                            "longitude" => format!("{:.5}", position.longitude_e7 as f64 / 1e7),
                                            "accuracy" => integer(i18n, i64::from(position.accuracy_m)),
                                        })}
                                    </a>
                                })}
                                <p class="summary">{interaction.summary}</p>
                            </li>
                        }.into_any(),
                        TimelineKind::Event => {
                            let text = match &entry.event {
                                Some(event) => timeline_event(i18n, event),
                                None => entry.text,
                            };
                            view! {
                                <li class="timeline-event"><span class="when">{when}</span>{text}</li>
                            }.into_any()
                        }
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

/// Logs one interaction; a template fills the text and can be sent from the device.
#[component]
fn LogInteraction(
    id: DocumentId,
    partner: Partner,
    state: AppState,
    notice: RwSignal<Notice>,
    busy: RwSignal<bool>,
) -> impl IntoView {
    // Captured here: event handlers and tasks below run outside the component's context.
    let i18n = expect_context::<I18n>();
    let kind = RwSignal::new(InteractionKind::Call);
    let summary = RwSignal::new(String::new());
    let template = RwSignal::new(String::new());
    let filled = RwSignal::new(None::<FilledMessage>);
    let with_position = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let email = partner
        .profile
        .emails
        .iter()
        .chain(
            partner
                .profile
                .contacts
                .iter()
                .map(|contact| &contact.email),
        )
        .find(|email| !email.trim().is_empty())
        .cloned()
        .unwrap_or_default();
    let templates = move || {
        state.view.with(|view| {
            view.settings
                .templates
                .iter()
                .map(|(id, template)| (id.clone(), template.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    let partner_for_fill = partner.clone();
    let choose_template = move |chosen: String| {
        template.set(chosen.clone());
        let message = state.view.with_untracked(|view| {
            let template = view.settings.templates.get(&chosen)?;
            // Amounts and dates are written as the template's language writes them.
            let values = template_values_in(
                &partner_for_fill,
                view.finances.get(&id),
                day_of(now_ms()),
                Locale::from_code(&template.language),
            );
            Some(fill_template(template, &values))
        });
        if let Some(message) = &message {
            summary.set(format!("{}\n\n{}", message.subject, message.body));
        }
        filled.set(message);
    };
    let mailto = move || {
        filled.with(|filled| {
            filled.as_ref().map(|message| {
                format!(
                    "mailto:{}?subject={}&body={}",
                    email,
                    String::from(js_sys::encode_uri_component(&message.subject)),
                    String::from(js_sys::encode_uri_component(&message.body))
                )
            })
        })
    };
    let copy = move |_| {
        let text = summary.get_untracked();
        leptos::task::spawn_local(async move {
            if let Err(reason) = device::copy_text(&text).await {
                error.set(Some(reason));
            }
        });
    };
    let share = move |_| {
        let (title, text) = filled.with_untracked(|filled| {
            filled
                .as_ref()
                .map(|message| (message.subject.clone(), message.body.clone()))
                .unwrap_or_default()
        });
        leptos::task::spawn_local(async move {
            if let Err(reason) = device::share(&title, &text).await {
                error.set(Some(reason));
            }
        });
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let text = summary.get_untracked().trim().to_owned();
        if text.is_empty() {
            error.set(Some(tr!(i18n, "activity-summary-required")));
            return;
        }
        error.set(None);
        let kind_now = kind.get_untracked();
        let template_id = Some(template.get_untracked()).filter(|id| !id.is_empty());
        let locate = with_position.get_untracked() && kind_now == InteractionKind::Visit;
        let author = state.user_name();
        dispatch(notice, busy, tr!(i18n, "activity-logged"), async move {
            // The position is asked for only now, with the user's consent prompt; without it
            // the visit is logged anyway and the notice says why it has no position.
            let position = if locate {
                match device::current_position().await {
                    Ok(position) => Some(position),
                    Err(reason) => {
                        error.set(Some(
                            tr!(i18n, "activity-no-position", {"reason" => reason}),
                        ));
                        None
                    }
                }
            } else {
                None
            };
            let row = new_row_id();
            let interaction = Interaction {
                kind: kind_now,
                at_ms: now_ms(),
                author,
                summary: text,
                position,
                template_id,
            };
            state
                .edit_activity(id, "log interaction", move |activity| {
                    activity.interactions.insert(row, interaction);
                    Ok(())
                })
                .await?;
            summary.set(String::new());
            template.set(String::new());
            filled.set(None);
            Ok(())
        });
    };
    view! {
        <details class="subform" id="log-form">
            <summary>{move_tr!("activity-log-form")}</summary>
            <form on:submit=submit novalidate>
                <div class="field">
                    <label for="interaction-kind">{move_tr!("activity-kind")}</label>
                    <select id="interaction-kind" on:change=move |event| {
                        if let Some(chosen) = InteractionKind::from_code(&event_target_value(&event)) {
                            kind.set(chosen);
                        }
                    }>
                        {InteractionKind::ALL.into_iter().map(|option| view! {
                            <option value=option.code() selected=move || kind.get() == option>{move || label(i18n, option)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="interaction-template">{move_tr!("activity-template")}</label>
                    <select id="interaction-template" on:change=move |event| choose_template(event_target_value(&event))>
                        <option value="" selected=move || template.get().is_empty()>{move_tr!("activity-no-template")}</option>
                        {move || templates().into_iter().map(|(value, name)| {
                            let current = value.clone();
                            view! { <option value=value selected=move || template.get() == current>{name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field" class:has-error=move || error.get().is_some()>
                    <label for="interaction-summary">{move_tr!("activity-summary")}</label>
                    <textarea id="interaction-summary" rows="5"
                        prop:value=move || summary.get()
                        on:input=move |event| summary.set(event_target_value(&event))></textarea>
                    <span class="field-error" id="interaction-summary-error">{move || error.get()}</span>
                </div>
                {move || filled.get().map(|message| view! {
                    <div class="template-actions" id="template-actions">
                        {(!message.missing.is_empty()).then(|| view! {
                            <p class="warning" id="template-missing">{tr!(i18n, "activity-template-missing", {"fields" => message.missing.join(", ")})}</p>
                        })}
                        {mailto().map(|href| view! { <a class="button" id="send-mail" href=href>{move_tr!("activity-open-mail")}</a> })}
                        <button type="button" class="button" id="copy-message" on:click=copy>{move_tr!("activity-copy")}</button>
                        {device::can_share().then(|| view! {
                            <button type="button" class="button" id="share-message" on:click=share>{move_tr!("activity-share")}</button>
                        })}
                    </div>
                })}
                <Show when=move || kind.get() == InteractionKind::Visit>
                    <label class="checkbox">
                        <input type="checkbox" id="interaction-position"
                            prop:checked=move || with_position.get()
                            on:change=move |event| with_position.set(event_target_checked(&event))/>
                        " "{move_tr!("activity-record-position")}
                    </label>
                </Show>
                <button type="submit" class="button primary" id="log-interaction" disabled=move || busy.get()>{move_tr!("activity-save")}</button>
            </form>
        </details>
    }
}

/// Manual reminders of a partner: add, mark done, snooze.
#[component]
fn Reminders(
    id: DocumentId,
    state: AppState,
    notice: RwSignal<Notice>,
    busy: RwSignal<bool>,
) -> impl IntoView {
    // Captured here: event handlers and tasks below run outside the component's context.
    let i18n = expect_context::<I18n>();
    let due = RwSignal::new(today_iso());
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let reminders = move || {
        state.view.with(|view| {
            let mut reminders: Vec<(String, Reminder)> = view
                .activities
                .get(&id)
                .map(|activity| activity.reminders.clone().into_iter().collect())
                .unwrap_or_default();
            reminders.sort_by(|a, b| {
                a.1.done
                    .cmp(&b.1.done)
                    .then(a.1.due_date.cmp(&b.1.due_date))
            });
            reminders
        })
    };
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let due_text = due.get_untracked().trim().to_owned();
        let what = text.get_untracked().trim().to_owned();
        if parse_iso_date(&due_text).is_none() {
            error.set(Some(tr!(i18n, "activity-reminder-due-invalid")));
            return;
        }
        if what.is_empty() {
            error.set(Some(tr!(i18n, "activity-reminder-text-missing")));
            return;
        }
        error.set(None);
        let reminder = Reminder {
            due_date: due_text,
            text: what,
            done: false,
            snoozed_until: None,
            author: state.user_name(),
            created_at_ms: now_ms(),
        };
        let row = new_row_id();
        dispatch(
            notice,
            busy,
            tr!(i18n, "activity-reminder-saved"),
            async move {
                state
                    .edit_activity(id, "add reminder", move |activity| {
                        activity.reminders.insert(row, reminder);
                        Ok(())
                    })
                    .await?;
                text.set(String::new());
                Ok(())
            },
        );
    };
    view! {
        <h3>{move_tr!("activity-reminders")}</h3>
        <ul class="reminders" id="reminders">
            {move || reminders().into_iter().map(|(row, reminder)| {
                let done = reminder.done;
                let row_done = row.clone();
                view! {
                    <li class:done=done id=format!("reminder-{row}")>
                        <label class="checkbox">
                            <input type="checkbox" prop:checked=done on:change=move |event| {
                                let checked = event_target_checked(&event);
                                let row = row_done.clone();
                                change_reminder(i18n, state, notice, busy, id, row, move |reminder| reminder.done = checked);
                            }/>
                            " "{date(i18n, &reminder.due_date)}" · "{reminder.text.clone()}
                        </label>
                        {reminder.snoozed_until.clone().map(|until| view! {
                            <span class="muted">" "{tr!(i18n, "activity-snoozed", {"date" => date(i18n, &until)})}</span>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
        <form class="inline-form" id="reminder-form" on:submit=add novalidate>
            <label for="reminder-due">{move_tr!("activity-reminder-due")}</label>
            <input id="reminder-due" prop:value=move || due.get() on:input=move |event| due.set(event_target_value(&event))/>
            <label for="reminder-text">{move_tr!("activity-reminder-what")}</label>
            <input id="reminder-text" placeholder=move || tr!(i18n, "activity-reminder-placeholder") prop:value=move || text.get() on:input=move |event| text.set(event_target_value(&event))/>
            <button type="submit" class="button primary" id="add-reminder" disabled=move || busy.get()>{move_tr!("activity-add-reminder")}</button>
            <span class="field-error" id="reminder-error">{move || error.get()}</span>
        </form>
    }
}

/// Changes one reminder (done, snoozed) and stores it, the notice in the chosen language;
/// shared with the alert centre.
pub(super) fn change_reminder(
    i18n: I18n,
    state: AppState,
    notice: RwSignal<Notice>,
    busy: RwSignal<bool>,
    partner: DocumentId,
    row: String,
    change: impl FnOnce(&mut Reminder) + 'static,
) {
    let gone = tr!(i18n, "activity-reminder-gone");
    store_reminder(
        tr!(i18n, "activity-reminder-saved"),
        gone,
        state,
        notice,
        busy,
        partner,
        row,
        change,
    );
}

#[allow(clippy::too_many_arguments)]
fn store_reminder(
    saved: String,
    gone: String,
    state: AppState,
    notice: RwSignal<Notice>,
    busy: RwSignal<bool>,
    partner: DocumentId,
    row: String,
    change: impl FnOnce(&mut Reminder) + 'static,
) {
    dispatch(notice, busy, saved, async move {
        state
            .edit_activity(partner, "update reminder", move |activity| {
                let reminder = activity.reminders.get_mut(&row).ok_or(gone)?;
                change(reminder);
                Ok(())
            })
            .await
    });
}
