//! Signing in and out, and the sync status that is always visible in the app bar.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_router::hooks::use_navigate;

use super::state::use_app_state;
use crate::web::sync_socket::LinkState;

/// The sign-in screen. Signing in joins this device to the team; partners registered before
/// on this device are merged into the team's registry.
#[component]
pub fn SignIn() -> impl IntoView {
    let state = use_app_state();
    // Captured here: the submit handler runs outside the component's context.
    let i18n = expect_context::<I18n>();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let navigate = use_navigate();
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if email.get_untracked().trim().is_empty() || password.get_untracked().is_empty() {
            error.set(Some(tr!(i18n, "sign-in-missing")));
            return;
        }
        busy.set(true);
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let result = state
                .sign_in(email.get_untracked().trim(), &password.get_untracked())
                .await;
            busy.set(false);
            match result {
                Ok(()) => navigate("/", Default::default()),
                Err(message) => error.set(Some(message)),
            }
        });
    };
    view! {
        <section class="form-screen sign-in">
            <h1>{move_tr!("sign-in-title")}</h1>
            <p class="muted">{move_tr!("sign-in-intro")}</p>
            {move || state.session.get().map(|session| view! {
                <p class="banner warning">{tr!(i18n, "sign-in-already", {"email" => session.user.email})}</p>
            })}
            <form class="partner-form" on:submit=submit novalidate>
                <fieldset>
                    <div class="field">
                        <label for="sign-in-email">{move_tr!("sign-in-email")}</label>
                        <input id="sign-in-email" type="email" autocomplete="username" prop:value=move || email.get()
                            on:input=move |event| email.set(event_target_value(&event))/>
                    </div>
                    <div class="field">
                        <label for="sign-in-password">{move_tr!("sign-in-password")}</label>
                        <input id="sign-in-password" type="password" autocomplete="current-password" prop:value=move || password.get()
                            on:input=move |event| password.set(event_target_value(&event))/>
                    </div>
                    <Show when=move || error.get().is_some()>
                        <p class="banner error" role="alert" id="sign-in-error">{move || error.get()}</p>
                    </Show>
                    <div class="form-actions">
                        <button type="submit" class="button primary" id="sign-in-button" disabled=move || busy.get()>
                            {move || if busy.get() { tr!(i18n, "sign-in-signing-in") } else { tr!(i18n, "sign-in-button") }}
                        </button>
                    </div>
                </fieldset>
            </form>
        </section>
    }
}

/// The sync status in the app bar: offline, connecting, syncing, up to date (since when), and
/// how many local changes the server does not have yet; a sign-in link when signed out.
#[component]
pub fn SyncIndicator() -> impl IntoView {
    let state = use_app_state();
    let text = move || {
        let Some(report) = state.sync_report.get() else {
            return tr!("sync-local");
        };
        let pending = match (report.confirmed, report.progress.pending_changes) {
            (true, 0) => String::new(),
            (true, count) => format!(" · {}", tr!("sync-pending", { "count" => count })),
            (false, _) => String::new(),
        };
        let link = match report.link {
            LinkState::Connecting => tr!("sync-connecting"),
            LinkState::Offline => tr!("sync-offline"),
            LinkState::Syncing => {
                tr!("sync-syncing", { "count" => report.progress.documents_syncing })
            }
            LinkState::UpToDate { since_ms } => {
                tr!("sync-up-to-date", { "time" => clock_time(since_ms) })
            }
        };
        format!("{link}{pending}")
    };
    let class = move || match state.sync_report.get().map(|report| report.link) {
        Some(LinkState::UpToDate { .. }) => "sync-status up-to-date",
        Some(LinkState::Syncing | LinkState::Connecting) => "sync-status syncing",
        Some(LinkState::Offline) => "sync-status offline",
        None => "sync-status local",
    };
    view! {
        <span class=class role="status" aria-live="polite" id="sync-status">{text}</span>
        {move || match state.session.get() {
            None => view! { <a class="bar-link" href="/sign-in" id="sign-in-link">{move_tr!("account-sign-in")}</a> }.into_any(),
            Some(session) => view! { <a class="bar-link" href="/account" id="account-link" title=session.user.email.clone()>{move_tr!("account-account")}</a> }.into_any(),
        }}
    }
}

/// Documents in flight below this many get no bar: the status line says enough.
const PROGRESS_FROM: usize = 20;

/// A progress bar with counts while many documents sync at once (the first sync of a device,
/// or coming back after a long time offline). The total is the most documents seen in flight
/// since this run of syncing began, so the bar only moves forward.
#[component]
pub fn SyncProgressBar() -> impl IntoView {
    let state = use_app_state();
    let peak = RwSignal::new(0usize);
    Effect::new(move |_| {
        let syncing = state.sync_report.with(|report| match report {
            Some(report) if report.link == LinkState::Syncing => report.progress.documents_syncing,
            _ => 0,
        });
        if syncing == 0 {
            peak.set(0);
        } else if syncing > peak.get_untracked() {
            peak.set(syncing);
        }
    });
    let remaining = move || {
        state.sync_report.with(|report| match report {
            Some(report) if report.link == LinkState::Syncing => report.progress.documents_syncing,
            _ => 0,
        })
    };
    view! {
        <Show when=move || { peak.get() >= PROGRESS_FROM && remaining() > 0 }>
            {move || {
                let total = peak.get();
                let done = total.saturating_sub(remaining());
                let label = tr!("sync-progress", { "done" => done, "total" => total });
                view! {
                    <div class="banner info sync-progress" id="sync-progress">
                        <label for="sync-progress-bar">{label.clone()}</label>
                        <progress id="sync-progress-bar" max=total value=done aria-label=label></progress>
                    </div>
                }
            }}
        </Show>
    }
}

fn clock_time(ms: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

/// The account page: who is signed in, and signing out. Signing out erases this device's copy,
/// so it refuses while changes may not have reached the server, unless the user confirms.
#[component]
pub fn Account() -> impl IntoView {
    let state = use_app_state();
    let warning = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let sign_out = move |discard: bool| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = state.sign_out(discard).await;
            busy.set(false);
            if let Err(message) = result {
                warning.set(Some(message));
            }
        });
    };
    view! {
        <section class="form-screen account">
            <h1>{move_tr!("account-title")}</h1>
            <div class="language-select">
                <super::i18n::LanguageSelect/>
            </div>
            <p><a href="/device" id="device-link">{move_tr!("account-device-link")}</a></p>
            {move || match state.session.get() {
                None => view! { <p>{move_tr!("account-not-signed-in")}" "<a href="/sign-in">{move_tr!("account-sign-in")}</a>" "{move_tr!("account-to-sync")}</p> }.into_any(),
                Some(session) => view! {
                    <div class="card">
                        <p>{move_tr!("account-signed-in-as")}" "<strong id="account-email">{session.user.email.clone()}</strong></p>
                        <p class="muted">{move_tr!("account-sign-out-help")}</p>
                        <button type="button" class="button" id="sign-out-button" disabled=move || busy.get() on:click=move |_| sign_out(false)>{move_tr!("account-sign-out")}</button>
                    </div>
                }.into_any(),
            }}
            <Show when=move || warning.get().is_some()>
                <div class="banner error" role="alert" id="sign-out-warning">
                    <p><strong>{move_tr!("account-not-signed-out")}" "</strong>{move || warning.get()}</p>
                    <p>{move_tr!("account-stay-or-backup")}" "
                        <a href="/device" id="backup-before-sign-out">{move_tr!("app-refused-backup-link")}</a>
                        " "{move_tr!("account-then-discard")}</p>
                    <button type="button" class="button" id="sign-out-discard" disabled=move || busy.get() on:click=move |_| sign_out(true)>
                        {move_tr!("account-discard-and-sign-out")}
                    </button>
                </div>
            </Show>
        </section>
    }
}
