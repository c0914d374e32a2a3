//! The history of a partner's record, on its page: who changed which field, when, from which
//! device (read from the Automerge change log, `registry::history`), filtered by field or
//! person; the record as it was after any change; and restoring a field's earlier value as a
//! new change, so the history stays whole.

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

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
    // Captured here: the restore buttons' handlers run outside the component's context.
    let i18n = expect_context::<I18n>();
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
        dispatch(notice, busy, tr!(i18n, "history-restored"), async move {
            state.restore_field(id, hash, path).await
        });
    };
    view! {
        <section class="card history" id="history" aria-labelledby="history-title">
            <h2 id="history-title">{move_tr!("history-title")}</h2>
            <Show
                when=move || entries.with(Option::is_some)
                fallback=move || view! {
                    <button type="button" class="button" id="show-history" on:click=move |_| load()>{move_tr!("history-show")}</button>
                }
            >
                <div class="history-filters">
                    <label for="history-field">{move_tr!("history-field")}</label>
                    <select id="history-field" on:change=move |event| field.set(event_target_value(&event))>
                        <option value="">{move_tr!("history-all-fields")}</option>
                        {move || choices(|entry| entry.fields.clone()).into_iter().map(|name| {
                            let current = name.clone();
                            view! { <option value=name.clone() selected=move || field.get() == current>{name.clone()}</option> }
                        }).collect_view()}
                    </select>
                    <label for="history-person">{move_tr!("history-person")}</label>
                    <select id="history-person" on:change=move |event| person.set(event_target_value(&event))>
                        <option value="">{move_tr!("history-everyone")}</option>
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
                                        <span class="when">{super::i18n::moment(i18n, entry.at_ms)}</span>
                                        <strong>{entry.attribution.by.clone().unwrap_or_else(|| tr!(i18n, "history-someone"))}</strong>
                                        {entry.attribution.device.clone().map(|device| format!(" · {device}"))}
                                        {entry.approved_by.clone().map(|staff| format!(" · {}", tr!(i18n, "history-approved-by", { "staff" => staff })))}
                                        " · "{entry.attribution.action.clone()}
                                        <ul class="history-fields">
                                            {entry.fields.iter().map(|path| {
                                                let (hash, path_for_restore) = (hash.clone(), path.clone());
                                                view! {
                                                    <li>
                                                        <code>{path.clone()}</code>
                                                        <button type="button" class="link-button restore-field"
                                                            on:click=move |_| restore(hash.clone(), path_for_restore.clone())>
                                                            {move_tr!("history-restore-field")}
                                                        </button>
                                                    </li>
                                                }
                                            }).collect_view()}
                                        </ul>
                                        <button type="button" class="link-button view-as-of" on:click=move |_| view_as_of(hash_for_view.clone())>
                                            {move_tr!("history-view-as-of")}
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    }.into_any(),
                }}
                {move || as_of.get().map(|(hash, partner)| view! {
                    <div class="as-of" id="as-of" role="region" aria-label=move_tr!("history-as-of-label")>
                        <h3>{move || tr!(i18n, "history-as-of-title", { "change" => hash.chars().take(8).collect::<String>() })}</h3>
                        <p class="muted">{move_tr!("history-as-of-help")}</p>
                        {match partner {
                            Ok(partner) => view! { <AsOf partner=partner/> }.into_any(),
                            Err(reason) => view! { <p class="failed">{reason}</p> }.into_any(),
                        }}
                        <button type="button" class="button small" on:click=move |_| as_of.set(None)>{move_tr!("history-close")}</button>
                    </div>
                })}
            </Show>
        </section>
    }
}

/// The main fields of a record as it was.
#[component]
fn AsOf(partner: Partner) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let profile = &partner.profile;
    let rows: Vec<(String, String)> = vec![
        (tr!(i18n, "history-legal-name"), profile.legal_name.clone()),
        (tr!(i18n, "history-trade-name"), profile.trade_name.clone()),
        (
            tr!(i18n, "history-tax-id"),
            format!("{} {}", profile.tax_id.country, profile.tax_id.number)
                .trim()
                .to_owned(),
        ),
        (tr!(i18n, "history-status"), format!("{:?}", partner.status)),
        (tr!(i18n, "history-emails"), profile.emails.join(", ")),
        (tr!(i18n, "history-phones"), profile.phones.join(", ")),
        (
            tr!(i18n, "history-addresses"),
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
            tr!(i18n, "history-bank-accounts"),
            profile
                .bank_accounts
                .iter()
                .map(|account| account.iban.clone())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        (tr!(i18n, "history-notes"), profile.notes.clone()),
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
