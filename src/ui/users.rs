//! User management for administrators (`/users`): invite colleagues by a one-time link, change
//! roles and assigned partners, deactivate, sign someone out everywhere, and deny sections
//! (finance, activity) per role. Everything goes through the server's API, which enforces it;
//! this screen needs the network and says so when it has none.

use std::collections::{BTreeMap, BTreeSet};

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::i18n::label;
use super::state::{use_app_state, NewInvite, TeamUser};
use crate::model::{Role, Section};

/// Partners shown at once in a picker; the filter narrows them.
const PICKER_ROWS: usize = 12;

#[component]
pub fn UsersPage() -> impl IntoView {
    // Captured here: the tasks below run outside the component's context.
    let i18n = expect_context::<I18n>();
    let state = use_app_state();
    let users = RwSignal::new(Vec::<TeamUser>::new());
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    let reload = move || {
        leptos::task::spawn_local(async move {
            match state.team_users().await {
                Ok(list) => {
                    users.set(list);
                    error.set(None);
                }
                Err(message) => error.set(Some(tr!(i18n, "users-load-failed", {
                    "reason" => message
                }))),
            }
        });
    };
    if state.admin_refusal().is_none() && state.session.get_untracked().is_some() {
        reload();
    }
    let act = move |done: String,
                    action: std::pin::Pin<
        Box<dyn std::future::Future<Output = Result<(), String>>>,
    >| {
        leptos::task::spawn_local(async move {
            match action.await {
                Ok(()) => {
                    notice.set(Some(done));
                    error.set(None);
                    reload();
                }
                Err(message) => error.set(Some(message)),
            }
        });
    };
    view! {
        <section class="form-screen users">
            <h1>{move_tr!("users-title")}</h1>
            {move || match (state.session.get(), state.admin_refusal()) {
                (None, _) => view! { <p>{move_tr!("users-sign-in")}</p> }.into_any(),
                (_, Some(reason)) => view! { <p class="banner warning" id="users-refused">{reason}</p> }.into_any(),
                _ => view! {
                    <p class="muted">{move_tr!("users-intro")}</p>
                    <Show when=move || error.get().is_some()>
                        <p class="banner error" role="alert" id="users-error">{move || error.get()}</p>
                    </Show>
                    <Show when=move || notice.get().is_some()>
                        <p class="banner info" role="status" id="users-notice">{move || notice.get()}</p>
                    </Show>
                    <InviteCard/>
                    <div class="card">
                        <h2>{move_tr!("users-team")}</h2>
                        <div class="table-scroll">
                        <table class="data-table" id="users-table">
                            <thead><tr>
                                <th>{move_tr!("users-name")}</th>
                                <th>{move_tr!("users-role")}</th>
                                <th>{move_tr!("users-assigned")}</th>
                                <th>{move_tr!("users-status")}</th>
                                <th>{move_tr!("users-actions")}</th>
                            </tr></thead>
                            <tbody>
                                <For each=move || users.get() key=|user| (user.id, user.role.clone(), user.disabled, user.assigned.len(), user.active_sessions) let:user>
                                    <UserRow user=user act=act/>
                                </For>
                            </tbody>
                        </table>
                        </div>
                    </div>
                    <RoleSections/>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn UserRow(
    user: TeamUser,
    act: impl Fn(String, std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>>>>)
        + Copy
        + Send
        + Sync
        + 'static,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let state = use_app_state();
    let id = user.id;
    let editing = RwSignal::new(false);
    let assigned = RwSignal::new(user.assigned.iter().cloned().collect::<BTreeSet<String>>());
    let is_portal = user.role == Role::Portal.as_str();
    let role_options = if is_portal {
        vec![Role::Portal]
    } else {
        Role::STAFF.to_vec()
    };
    let current_role = user.role.clone();
    let on_role = move |event: leptos::ev::Event| {
        let role = event_target_value(&event);
        act(
            tr!(i18n, "users-role-changed"),
            Box::pin(async move {
                state
                    .update_user(id, serde_json::json!({ "role": role }))
                    .await
            }),
        );
    };
    let disabled = user.disabled;
    let sessions = user.active_sessions;
    let toggle = move |_| {
        act(
            if disabled {
                tr!(i18n, "users-reactivated")
            } else {
                tr!(i18n, "users-deactivated")
            },
            Box::pin(async move {
                state
                    .update_user(id, serde_json::json!({ "disabled": !disabled }))
                    .await
            }),
        );
    };
    let revoke = move |_| {
        act(
            tr!(i18n, "users-signed-out"),
            Box::pin(async move { state.revoke_sessions(id).await }),
        );
    };
    let save_assigned = move |_| {
        let list: Vec<String> = assigned.get_untracked().into_iter().collect();
        editing.set(false);
        act(
            tr!(i18n, "users-assigned-saved"),
            Box::pin(async move {
                state
                    .update_user(id, serde_json::json!({ "assigned": list }))
                    .await
            }),
        );
    };
    let portal_name = user
        .portal_partner
        .as_ref()
        .and_then(|text| text.parse().ok())
        .map(|partner| state.view.with_untracked(|view| view.name_of(&partner)));
    let names = move || {
        state.view.with(|view| {
            assigned
                .get()
                .iter()
                .filter_map(|text| text.parse().ok())
                .map(|partner| view.name_of(&partner))
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    let row_id = format!("user-{id}");
    view! {
        <tr id=row_id class:disabled=disabled>
            <td><strong>{user.name.clone()}</strong><br/><span class="muted">{user.email.clone()}</span></td>
            <td>
                <label class="visually-hidden" for=format!("user-{id}-role")>{move_tr!("users-role")}</label>
                <select id=format!("user-{id}-role") on:change=on_role disabled=is_portal
                    title=move || if is_portal { tr!(i18n, "users-portal-role-fixed") } else { String::new() }>
                    {role_options.into_iter().map(|role| {
                        let selected = role.as_str() == current_role;
                        view! { <option value=role.as_str() selected=selected>{move || label(i18n, role)}</option> }
                    }).collect_view()}
                </select>
                {portal_name.map(|name| view! { <p class="muted">{move || tr!(i18n, "users-contact-of", { "name" => name.clone() })}</p> })}
            </td>
            <td>
                {move || if editing.get() {
                    view! {
                        <PartnerPicker selected=assigned id_prefix=format!("user-{id}-assign")/>
                        <button type="button" class="button primary" on:click=save_assigned id=format!("user-{id}-assign-save")>{move_tr!("users-save")}</button>
                        <button type="button" class="button" on:click=move |_| editing.set(false)>{move_tr!("users-cancel")}</button>
                    }.into_any()
                } else {
                    view! {
                        <span>{move || { let text = names(); if text.is_empty() { "—".to_owned() } else { text } }}</span>
                        " "
                        <button type="button" class="button small" id=format!("user-{id}-assign-edit") on:click=move |_| editing.set(true)
                            disabled=is_portal
                            title=move || if is_portal { tr!(i18n, "users-portal-assigned-fixed") } else { tr!(i18n, "users-assigned-help") }>
                            {move_tr!("users-edit")}
                        </button>
                    }.into_any()
                }}
            </td>
            <td>{move || if disabled {
                tr!(i18n, "users-status-deactivated")
            } else {
                tr!(i18n, "users-status-active", { "count" => sessions })
            }}</td>
            <td class="actions">
                <button type="button" class="button small" id=format!("user-{id}-toggle") on:click=toggle>
                    {move || if disabled { tr!(i18n, "users-reactivate") } else { tr!(i18n, "users-deactivate") }}
                </button>
                <button type="button" class="button small" id=format!("user-{id}-revoke") on:click=revoke disabled=disabled || user.active_sessions == 0
                    title=move || tr!(i18n, "users-sign-out-everywhere-help")>{move_tr!("users-sign-out-everywhere")}</button>
            </td>
        </tr>
    }
}

/// Invite a colleague: the server returns a one-time link to pass on.
#[component]
fn InviteCard() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let state = use_app_state();
    let email = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(Role::Sales.as_str().to_owned());
    let assigned = RwSignal::new(BTreeSet::<String>::new());
    let link = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let invite = NewInvite {
            email: email.get_untracked().trim().to_owned(),
            name: name.get_untracked().trim().to_owned(),
            role: role.get_untracked(),
            partner_id: None,
            assigned: assigned.get_untracked().into_iter().collect(),
        };
        leptos::task::spawn_local(async move {
            match state.invite(invite).await {
                Ok(created) => {
                    link.set(Some(absolute(&created.path)));
                    error.set(None);
                    email.set(String::new());
                    name.set(String::new());
                    assigned.set(BTreeSet::new());
                }
                Err(message) => error.set(Some(message)),
            }
        });
    };
    view! {
        <form class="card" on:submit=submit novalidate id="invite-form">
            <h2>{move_tr!("users-invite-title")}</h2>
            <div class="field">
                <label for="invite-email">{move_tr!("users-email")}</label>
                <input id="invite-email" type="email" prop:value=move || email.get() on:input=move |event| email.set(event_target_value(&event))/>
            </div>
            <div class="field">
                <label for="invite-name">{move_tr!("users-name")}</label>
                <input id="invite-name" type="text" prop:value=move || name.get() on:input=move |event| name.set(event_target_value(&event))/>
            </div>
            <div class="field">
                <label for="invite-role">{move_tr!("users-role")}</label>
                <select id="invite-role" on:change=move |event| role.set(event_target_value(&event))>
                    {Role::STAFF.into_iter().map(|option| view! {
                        <option value=option.as_str() selected=move || role.get() == option.as_str()>{move || label(i18n, option)}</option>
                    }).collect_view()}
                </select>
            </div>
            <Show when=move || role.get() == Role::Sales.as_str()>
                <div class="field">
                    <span class="label">{move_tr!("users-assigned")}</span>
                    <PartnerPicker selected=assigned id_prefix="invite-assign".to_owned()/>
                </div>
            </Show>
            <Show when=move || error.get().is_some()>
                <p class="banner error" role="alert" id="invite-error">{move || error.get()}</p>
            </Show>
            <div class="form-actions">
                <button type="submit" class="button primary" id="invite-submit">{move_tr!("users-invite-submit")}</button>
            </div>
            {move || link.get().map(|link| view! { <InviteLink link=link/> })}
        </form>
    }
}

/// A one-time link just created, to copy and pass on.
#[component]
pub fn InviteLink(link: String) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let copied = RwSignal::new(false);
    let text = link.clone();
    let copy = move |_| {
        let text = text.clone();
        leptos::task::spawn_local(async move {
            copied.set(crate::web::device::copy_text(&text).await.is_ok());
        });
    };
    view! {
        <div class="banner info" role="status">
            <p>{move_tr!("users-invite-link-help")}</p>
            <p><input type="text" readonly class="invite-link" id="invite-link" prop:value=link.clone()/></p>
            <button type="button" class="button small" on:click=copy>{move || if copied.get() { tr!(i18n, "users-copied") } else { tr!(i18n, "users-copy-link") }}</button>
        </div>
    }
}

/// The full URL of an app path, for links people pass on.
pub fn absolute(path: &str) -> String {
    web_sys::window()
        .and_then(|window| window.location().origin().ok())
        .map(|origin| format!("{origin}{path}"))
        .unwrap_or_else(|| path.to_owned())
}

/// Picks partners by name: a filter box and the matching partners as checkboxes, the chosen
/// ones first.
#[component]
fn PartnerPicker(selected: RwSignal<BTreeSet<String>>, id_prefix: String) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let state = use_app_state();
    let filter = RwSignal::new(String::new());
    let rows = move || {
        let needle = filter.get().to_lowercase();
        let chosen = selected.get();
        state.view.with(|view| {
            let mut rows: Vec<(String, String, bool)> = view
                .partners
                .iter()
                .filter(|(_, partner)| partner.merged_into.is_none())
                .map(|(id, partner)| (id.to_string(), partner.display_name().to_owned()))
                .filter(|(id, name)| {
                    chosen.contains(id)
                        || (!needle.is_empty() && name.to_lowercase().contains(&needle))
                })
                .map(|(id, name)| {
                    let checked = chosen.contains(&id);
                    (id, name, checked)
                })
                .collect();
            rows.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
            rows.truncate(PICKER_ROWS.max(chosen.len()));
            rows
        })
    };
    let filter_id = format!("{id_prefix}-filter");
    view! {
        <div class="partner-picker">
            <input type="search" id=filter_id placeholder=move || tr!(i18n, "users-picker-placeholder") aria-label=move || tr!(i18n, "users-picker-label")
                prop:value=move || filter.get() on:input=move |event| filter.set(event_target_value(&event))/>
            <ul class="picker-list">
                {move || rows().into_iter().map(|(id, name, checked)| {
                    let toggle_id = id.clone();
                    view! {
                        <li>
                            <label>
                                <input type="checkbox" checked=checked on:change=move |_| selected.update(|set| {
                                    if !set.remove(&toggle_id) {
                                        set.insert(toggle_id.clone());
                                    }
                                })/>
                                " "{name}
                            </label>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}

/// Sections (finance, activity) denied per role. Administrators are never denied anything.
#[component]
fn RoleSections() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let state = use_app_state();
    let denied = RwSignal::new(BTreeMap::<String, Vec<Section>>::new());
    let message = RwSignal::new(None::<String>);
    leptos::task::spawn_local(async move {
        match state.role_denials().await {
            Ok(loaded) => denied.set(loaded),
            Err(error) => message.set(Some(error)),
        }
    });
    let save = move |_| {
        leptos::task::spawn_local(async move {
            let result = state.set_role_denials(&denied.get_untracked()).await;
            message.set(Some(match result {
                Ok(()) => tr!(i18n, "users-sections-saved"),
                Err(error) => error,
            }));
        });
    };
    let roles = [Role::Manager, Role::Sales, Role::Viewer];
    view! {
        <div class="card" id="role-sections">
            <h2>{move_tr!("users-sections-title")}</h2>
            <p class="muted">{move_tr!("users-sections-help")}</p>
            <div class="table-scroll">
            <table class="data-table">
                <thead><tr>
                    <th>{move_tr!("users-role")}</th>
                    {Section::ALL.map(|section| view! { <th>{move || label(i18n, section)}</th> }).collect_view()}
                </tr></thead>
                <tbody>
                    {roles.map(|role| view! {
                        <tr>
                            <th scope="row">{move || label(i18n, role)}</th>
                            {Section::ALL.map(|section| {
                                let key = role.as_str().to_owned();
                                let read_key = key.clone();
                                let allowed = move || denied.with(|denied| !denied.get(&read_key).is_some_and(|list| list.contains(&section)));
                                view! {
                                    <td>
                                        <label>
                                            <input type="checkbox" id=format!("allow-{}-{}", role.as_str(), section.as_str()) prop:checked=allowed
                                                on:change=move |event| {
                                                    let allow = event_target_checked(&event);
                                                    denied.update(|denied| {
                                                        let list = denied.entry(key.clone()).or_default();
                                                        list.retain(|denied| *denied != section);
                                                        if !allow {
                                                            list.push(section);
                                                        }
                                                    });
                                                }/>
                                            " "{move_tr!("users-may-see")}
                                        </label>
                                    </td>
                                }
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            </div>
            <button type="button" class="button primary" id="role-sections-save" on:click=save>{move_tr!("users-sections-save")}</button>
            {move || message.get().map(|text| view! { <p role="status">{text}</p> })}
        </div>
    }
}
