//! The Leptos app: routes and screens. Components render the view and dispatch actions to
//! [`state::AppState`]; rules live in the pure core (validation, filtering, the registry).
//!
//! Routes: `/` the partner list, `/partners/new` registration, `/partners/:id` a partner's
//! page, `/partners/:id/edit` its form, `/partners/:id/merge` merging a duplicate into it, `/settings` the workspace settings, `/sign-in` and
//! `/account` (sign-out), `/alerts` the alert centre, `/reports` charts, aging and top partners with CSV export, and
//! `/invoices` open and overdue invoices and bills across partners, `/users` user management
//! (administrators), `/invite/:token` accepting an invitation, `/portal` the partner portal
//! (what a partner's contact sees instead of everything else), `/device` storage, backup and
//! restore, and `/import` importing and exporting partners. Everything is inside the
//! translations' provider (`i18n.rs`).

mod account;
mod activity;
mod alerts;
mod chart;
mod detail;
mod device;
mod documents;
mod fields;
mod finance;
mod form;
mod history;
mod i18n;
mod import;
mod invite;
mod invoices;
mod list;
mod merge;
mod portal;
mod reports;
mod settings;
mod settings_lists;
mod settings_templates;
mod state;
mod users;
mod words;

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

pub use state::{use_app_state, AppState, LoadState, RegistryView};

/// The whole app, in the person's language (see `i18n.rs`).
#[component]
pub fn App() -> impl IntoView {
    view! {
        <i18n::I18nProvider>
            <Shell/>
        </i18n::I18nProvider>
    }
}

/// The app inside its translations: opens the registry, registers the service worker, routes.
#[component]
fn Shell() -> impl IntoView {
    let update_available = RwSignal::new(false);
    provide_context(device::UpdateAvailable(update_available));
    crate::web::pwa::register_service_worker(move || update_available.set(true));
    provide_context(device::StorageState::start());
    let state = AppState::start();
    provide_context(state);
    view! {
        <Router>
            <header class="app-bar">
                <a class="brand" href="/">"Partnero"</a>
                <nav class="bar-nav" aria-label=move_tr!("nav-main")>
                    {move || if state.is_portal() {
                        view! { <a class="bar-link" href="/portal" id="portal-link">{move_tr!("nav-your-record")}</a> }.into_any()
                    } else {
                        view! {
                            <alerts::AlertsBadge/>
                            <a class="bar-link" href="/invoices" id="invoices-link">{move_tr!("nav-invoices")}</a>
                            <a class="bar-link" href="/reports" id="reports-link">{move_tr!("nav-reports")}</a>
                            <a class="bar-link" href="/settings" id="settings-link">{move_tr!("nav-settings")}</a>
                            {(state.role() == Some(crate::model::Role::Admin)).then(|| view! {
                                <a class="bar-link" href="/users" id="users-link">{move_tr!("nav-users")}</a>
                            })}
                        }.into_any()
                    }}
                </nav>
                <span class="bar-end">
                    <account::SyncIndicator/>
                </span>
            </header>
            <main class="page">
                {move || match state.load_state.get() {
                    LoadState::Opening => view! { <p class="loading" role="status">{move_tr!("app-opening")}</p> }.into_any(),
                    LoadState::Failed(reason) => view! {
                        <div class="banner error" role="alert">
                            <strong>{move_tr!("app-open-failed")}" "</strong>
                            {reason}
                        </div>
                    }.into_any(),
                    LoadState::Ready => view! {
                        <device::UpdateBanner/>
                        <account::SyncProgressBar/>
                        <device::StorageWarning/>
                        <UnreadableBanner/>
                        <RefusedBanner/>
                        <SessionEndedBanner/>
                        <Show when=move || !state.is_portal()>
                            <alerts::AlertNotifier/>
                        </Show>
                        <Routes fallback=|| view! { <NotFound/> }>
                            <Route path=path!("/") view=Home/>
                            <Route path=path!("/partners/new") view=form::NewPartner/>
                            <Route path=path!("/partners/:id") view=detail::PartnerDetail/>
                            <Route path=path!("/partners/:id/edit") view=form::EditPartner/>
                            <Route path=path!("/partners/:id/merge") view=merge::MergePartner/>
                            <Route path=path!("/alerts") view=alerts::AlertsPage/>
                            <Route path=path!("/sign-in") view=account::SignIn/>
                            <Route path=path!("/account") view=account::Account/>
                            <Route path=path!("/settings") view=settings::SettingsPage/>
                            <Route path=path!("/reports") view=reports::ReportsPage/>
                            <Route path=path!("/invoices") view=invoices::InvoicesPage/>
                            <Route path=path!("/users") view=users::UsersPage/>
                            <Route path=path!("/invite/:token") view=invite::AcceptInvite/>
                            <Route path=path!("/portal") view=portal::PortalHome/>
                            <Route path=path!("/device") view=device::DevicePage/>
                            <Route path=path!("/import") view=import::ImportPage/>
                        </Routes>
                    }.into_any(),
                }}
            </main>
        </Router>
    }
}

/// Names every stored document that could not be opened; the rest of the app keeps working.
#[component]
fn UnreadableBanner() -> impl IntoView {
    let state = use_app_state();
    let unreadable = move || state.view.with(|view| view.unreadable.clone());
    view! {
        <Show when=move || !unreadable().is_empty()>
            <div class="banner warning" role="alert" id="unreadable-banner">
                <strong>{move || tr!("app-unreadable", { "count" => unreadable().len() })}</strong>
                <p>{move_tr!("app-unreadable-kept")}</p>
                <ul>
                    {move || unreadable().into_iter().map(|doc| view! {
                        <li><code>{doc.id}</code>": "{doc.reason}</li>
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

/// The start page: the partner list, or for a partner's contact their portal.
#[component]
fn Home() -> impl IntoView {
    let state = use_app_state();
    // A memo, so that a refreshed session with the same role does not mount the list again.
    let portal = Memo::new(move |_| state.is_portal());
    move || {
        if portal.get() {
            view! { <portal::PortalHome/> }.into_any()
        } else {
            view! { <list::PartnerList/> }.into_any()
        }
    }
}

/// Changes this device made that the server refuses (the user may not write those documents,
/// or no longer may): they will never sync, so the user is told and can discard them and fetch
/// the server's version.
#[component]
fn RefusedBanner() -> impl IntoView {
    let state = use_app_state();
    let refused = RwSignal::new(Vec::<state::Refused>::new());
    let error = RwSignal::new(None::<String>);
    // Re-checked after every sync report and session change (a role may have changed). A
    // refused change is an unsent one, so with nothing pending there is nothing to scan.
    Effect::new(move || {
        state.session.track();
        let pending = state
            .sync_report
            .with(|report| report.map_or(0, |report| report.progress.pending_changes));
        if pending == 0 {
            if !refused.with_untracked(Vec::is_empty) {
                refused.set(Vec::new());
            }
            return;
        }
        leptos::task::spawn_local(async move {
            let found = state.refused_changes().await;
            if refused.get_untracked() != found {
                refused.set(found);
            }
        });
    });
    view! {
        <Show when=move || !refused.with(Vec::is_empty)>
            <div class="banner error" role="alert" id="refused-banner">
                <strong>{move_tr!("app-refused-title")}</strong>
                <p>{move_tr!("app-refused-why")}</p>
                <p>{move_tr!("app-refused-backup")}" "<a href="/device" id="refused-backup-link">{move_tr!("app-refused-backup-link")}</a>"."</p>
                <ul>
                    {move || refused.get().into_iter().map(|item| {
                        let id = item.id;
                        view! {
                            <li>
                                {item.label}" "
                                <button type="button" class="button small discard-refused" on:click=move |_| {
                                    leptos::task::spawn_local(async move {
                                        match state.discard_refused(id).await {
                                            Ok(()) => refused.update(|list| list.retain(|item| item.id != id)),
                                            Err(message) => error.set(Some(message)),
                                        }
                                    });
                                }>{move_tr!("app-refused-discard")}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                {move || error.get().map(|message| view! { <p>{message}</p> })}
            </div>
        </Show>
    }
}

/// The server no longer accepts this device's session: say so, and that the data stays
/// readable here.
#[component]
fn SessionEndedBanner() -> impl IntoView {
    let state = use_app_state();
    view! {
        <Show when=move || state.session_ended.get()>
            <div class="banner warning" role="alert" id="session-ended">
                {move_tr!("app-session-ended")}" "
                <a href="/account">{move_tr!("app-session-sign-out")}</a>" "{move_tr!("app-session-again")}
            </div>
        </Show>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <section class="empty-state">
            <h1>{move_tr!("app-not-found")}</h1>
            <p><a href="/">{move_tr!("app-back-to-list")}</a></p>
        </section>
    }
}
