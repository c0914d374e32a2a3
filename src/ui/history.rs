//! The history of a partner's record, on its page: who changed which field, when, from which
//! device (read from the Automerge change log, `registry::history`), filtered by field or
//! person; the record as it was after any change; and restoring a field's earlier value as a
//! new change, so the history stays whole.

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::activity::time_label;
use super::detail::{dispatch, Notice};
use super::state::AppState;
use crate::model::{DocumentId, Partner};
use crate::registry::history::{filter, HistoryEntry};

/// The history card of a partner's page, loaded when asked for (it reads the whole change log).
#[component]
pub fn HistoryCard(
    id: DocumentId,
    state: AppState,
    notice: RwSignal<Notice>,
    busy: RwSignal<bool>,
) -> impl IntoView {
    let entries = RwSignal::new(None::<Result<Vec<HistoryEntry>, String>>);
    let field = RwSignal::new(String::new());
    let person = RwSignal::new(String::new());
    let as_of = RwSignal::new(None::<(String, Result<Partner, String>)>);
    let load = move || {
        leptos::task::spawn_local(async move {
            entries.set(Some(state.partner_history(id).await));
        });
    };
    // Reloaded after every stored change of the record, once shown.
    Effect::new(move |_| {
        state
            .view
            .with(|view| view.partners.get(&id).map(|partner| partner.updated_at_ms));
        if entries.with_untracked(Option::is_some) {
            load();
        }
    });
    let shown = move || {
        entries.with(|entries| match entries {
            Some(Ok(all)) => {
                let field = field.get();
                let person = person.get();
                Ok(filter(
                    all,
                    (!field.is_empty()).then_some(field.as_str()),
                    (!person.is_empty()).then_some(person.as_str()),
                ))
            }
            Some(Err(reason)) => Err(reason.clone()),
            None => Ok(Vec::new()),
        })
    };
    let choices = move |pick: fn(&HistoryEntry) -> Vec<String>| {
        entries.with(|entries| {
            let mut found = BTreeSet::new();
            if let Some(Ok(all)) = entries {
                for entry in all {
                    found.extend(pick(entry));
                }
            }
            found.into_iter().collect::<Vec<_>>()
        })
    };
    let view_as_of = move |hash: String| {
        let partner = state.partner_after_change(id, &hash);
        as_of.set(Some((hash, partner)));
    };
    let restore = move |hash: String, path: String| {
        dispatch(
            notice,
            busy,
            "Earlier value restored and saved on this device.",
            async move { state.restore_field(id, hash, path).await },
        );
    };
    view! {
        <section class="card history" id="history" aria-labelledby="history-title">
            <h2 id="history-title">"History"</h2>
            <Show
                when=move || entries.with(Option::is_some)
                fallback=move || view! {
                    <button type="button" class="button" id="show-history" on:click=move |_| load()>"Show the history of this record"</button>
                }
            >
                <div class="history-filters">
                    <label for="history-field">"Field"</label>
                    <select id="history-field" on:change=move |event| field.set(event_target_value(&event))>
                        <option value="">"All fields"</option>
                        {move || choices(|entry| entry.fields.clone()).into_iter().map(|name| {
                            let current = name.clone();
                            view! { <option value=name.clone() selected=move || field.get() == current>{name.clone()}</option> }
                        }).collect_view()}
                    </select>
                    <label for="history-person">"Person"</label>
                    <select id="history-person" on:change=move |event| person.set(event_target_value(&event))>
                        <option value="">"Everyone"</option>
                        {move || choices(|entry| entry.attribution.by.clone().into_iter().collect()).into_iter().map(|name| {
                            let current = name.clone();
                            view! { <option value=name.clone() selected=move || person.get() == current>{name.clone()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                {move || match shown() {
                    Err(reason) => view! { <p class="failed">{reason}</p> }.into_any(),
                    Ok(list) => view! {
                        <ol class="history-list" id="history-list">
                            {list.into_iter().map(|entry| {
                                let hash = entry.hash.clone();
                                let short = hash.chars().take(8).collect::<String>();
                                let hash_for_view = hash.clone();
                                view! {
                                    <li id=format!("change-{short}")>
                                        <span class="when">{time_label(entry.at_ms)}</span>
                                        <strong>{entry.attribution.by.clone().unwrap_or_else(|| "someone (not recorded)".into())}</strong>
                                        {entry.attribution.device.clone().map(|device| format!(" · {device}"))}
                                        {entry.approved_by.clone().map(|staff| format!(" · approved by {staff}"))}
                                        " · "{entry.attribution.action.clone()}
                                        <ul class="history-fields">
                                            {entry.fields.iter().map(|path| {
                                                let (hash, path_for_restore) = (hash.clone(), path.clone());
                                                view! {
                                                    <li>
                                                        <code>{path.clone()}</code>
                                                        <button type="button" class="link-button restore-field"
                                                            on:click=move |_| restore(hash.clone(), path_for_restore.clone())>
                                                            "Restore the earlier value"
                                                        </button>
                                                    </li>
                                                }
                                            }).collect_view()}
                                        </ul>
                                        <button type="button" class="link-button view-as-of" on:click=move |_| view_as_of(hash_for_view.clone())>
                                            "View the record as it was then"
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    }.into_any(),
                }}
                {move || as_of.get().map(|(hash, partner)| view! {
                    <div class="as-of" id="as-of" role="region" aria-label="The record as it was">
                        <h3>"As it was after change "{hash.chars().take(8).collect::<String>()}</h3>
                        <p class="muted">"Bank accounts and internal notes are kept in documents of their own; for a change to the rest of the record they are shown as they are today."</p>
                        {match partner {
                            Ok(partner) => view! { <AsOf partner=partner/> }.into_any(),
                            Err(reason) => view! { <p class="failed">{reason}</p> }.into_any(),
                        }}
                        <button type="button" class="button small" on:click=move |_| as_of.set(None)>"Close"</button>
                    </div>
                })}
            </Show>
        </section>
    }
}

/// The main fields of a record as it was.
#[component]
fn AsOf(partner: Partner) -> impl IntoView {
    let profile = &partner.profile;
    let rows: Vec<(&'static str, String)> = vec![
        ("Legal name", profile.legal_name.clone()),
        ("Trade name", profile.trade_name.clone()),
        (
            "Tax id",
            format!("{} {}", profile.tax_id.country, profile.tax_id.number)
                .trim()
                .to_owned(),
        ),
        ("Status", format!("{:?}", partner.status)),
        ("Emails", profile.emails.join(", ")),
        ("Phones", profile.phones.join(", ")),
        (
            "Addresses",
            profile
                .addresses
                .iter()
                .map(|address| {
                    format!(
                        "{} {} {}",
                        address.street, address.postal_code, address.city
                    )
                })
                .collect::<Vec<_>>()
                .join("; "),
        ),
        (
            "Bank accounts",
            profile
                .bank_accounts
                .iter()
                .map(|account| account.iban.clone())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ("Notes", profile.notes.clone()),
    ];
    view! {
        <dl class="as-of-fields">
            {rows.into_iter().map(|(label, value)| view! {
                <dt>{label}</dt>
                <dd>{if value.is_empty() { "—".to_owned() } else { value }}</dd>
            }).collect_view()}
        </dl>
    }
}
