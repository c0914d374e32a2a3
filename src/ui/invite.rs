//! Accepting an invitation (`/invite/:token`): the one-time link an administrator (a
//! colleague) or a member of staff (a partner contact) created. The person chooses their name
//! and password; the server creates the account, marks the link used and signs them in.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_router::hooks::{use_navigate, use_params_map};

use super::state::{use_app_state, InviteInfo};
use crate::model::Role;
use crate::web::session as web_session;

#[component]
pub fn AcceptInvite() -> impl IntoView {
    let state = use_app_state();
    // Captured here: the event handler and tasks below run outside the component's context.
    let i18n = expect_context::<I18n>();
    let params = use_params_map();
    let token = params.with_untracked(|params| params.get("token").unwrap_or_default());
    let info = RwSignal::new(None::<Result<InviteInfo, String>>);
    let name = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let navigate = use_navigate();
    {
        let token = token.clone();
        leptos::task::spawn_local(async move {
            let loaded: Result<InviteInfo, String> =
                web_session::api("GET", &format!("/api/invites/{token}"), None, None)
                    .await
                    .map_err(|error| super::words::server_error(i18n, &error));
            if let Ok(invite) = &loaded {
                name.set(invite.name.clone());
            }
            info.set(Some(loaded));
        });
    }
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if name.get_untracked().trim().is_empty() {
            error.set(Some(tr!(i18n, "invite-name-missing")));
            return;
        }
        if password.get_untracked().chars().count() < 8 {
            error.set(Some(tr!(i18n, "invite-password-short")));
            return;
        }
        busy.set(true);
        let token = token.clone();
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let result = state
                .accept_invite(
                    &token,
                    name.get_untracked().trim(),
                    &password.get_untracked(),
                )
                .await;
            busy.set(false);
            match result {
                Ok(session) if session.role() == Role::Portal => {
                    navigate("/portal", Default::default())
                }
                Ok(_) => navigate("/", Default::default()),
                Err(message) => error.set(Some(message)),
            }
        });
    };
    view! {
        <section class="form-screen invite">
            <h1>{move_tr!("invite-title")}</h1>
            {move || match info.get() {
                None => view! { <p role="status">{move_tr!("invite-checking")}</p> }.into_any(),
                Some(Err(message)) => view! { <p class="banner error" role="alert" id="invite-unusable">{message}</p> }.into_any(),
                Some(Ok(invite)) => {
                    let role = invite
                        .role
                        .parse::<Role>()
                        .map(|role| super::i18n::label(i18n, role))
                        .unwrap_or_else(|_| tr!("invite-member"));
                    view! {
                        <p>{move_tr!("invite-invited-as")}" "<strong>{role}</strong>" "{move_tr!("invite-with-email")}" "<strong id="invite-email-shown">{invite.email.clone()}</strong>"."</p>
                        {move || state.session.get().map(|session| view! {
                            <p class="banner warning">{move || tr!("invite-signed-in-as", { "email" => session.user.email.clone() })}</p>
                        })}
                        <form class="partner-form" on:submit=submit.clone() novalidate>
                            <fieldset>
                                <div class="field">
                                    <label for="invite-accept-name">{move_tr!("invite-your-name")}</label>
                                    <input id="invite-accept-name" type="text" autocomplete="name" prop:value=move || name.get()
                                        on:input=move |event| name.set(event_target_value(&event))/>
                                </div>
                                <div class="field">
                                    <label for="invite-accept-password">{move_tr!("invite-password")}</label>
                                    <input id="invite-accept-password" type="password" autocomplete="new-password" prop:value=move || password.get()
                                        on:input=move |event| password.set(event_target_value(&event))/>
                                    <p class="hint">{move_tr!("invite-password-hint")}</p>
                                </div>
                                <Show when=move || error.get().is_some()>
                                    <p class="banner error" role="alert" id="invite-accept-error">{move || error.get()}</p>
                                </Show>
                                <div class="form-actions">
                                    <button type="submit" class="button primary" id="invite-accept-button" disabled=move || busy.get() || state.session.get().is_some()>
                                        {move || if busy.get() { tr!("invite-creating") } else { tr!("invite-create") }}
                                    </button>
                                </div>
                            </fieldset>
                        </form>
                    }.into_any()
                }
            }}
        </section>
    }
}
