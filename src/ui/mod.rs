//! The Leptos app: routes and screens. Components render the view and dispatch actions to
//! [`state::AppState`]; rules live in the pure core (validation, filtering, the registry).
//!
//! Routes: `/` the partner list, `/partners/new` registration, `/partners/:id` a partner's
//! page, `/partners/:id/edit` its form, `/partners/:id/merge` merging a duplicate into it, `/settings` the workspace settings, `/sign-in` and
//! `/account` (sign-out), `/alerts` the alert centre, `/reports` charts, aging and top partners with CSV export, and
//! `/invoices` open and overdue invoices and bills across partners.

mod account;
mod activity;
mod alerts;
mod chart;
mod detail;
mod documents;
mod fields;
mod finance;
mod form;
mod history;
mod invoices;
mod list;
mod merge;
mod reports;
mod settings;
mod settings_lists;
mod settings_templates;
mod state;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

pub use state::{use_app_state, AppState, LoadState, RegistryView};

/// The whole app: opens the registry, registers the service worker, routes.
#[component]
pub fn App() -> impl IntoView {
    crate::web::register_service_worker();
    let state = AppState::start();
    provide_context(state);
    view! {
        <Router>
            <header class="app-bar">
                <a class="brand" href="/">"Partnero"</a>
                <nav class="bar-nav" aria-label="Main">
                    <alerts::AlertsBadge/>
                    <a class="bar-link" href="/invoices" id="invoices-link">"Invoices"</a>
                    <a class="bar-link" href="/reports" id="reports-link">"Reports"</a>
                    <a class="bar-link" href="/settings" id="settings-link">"Settings"</a>
                </nav>
                <span class="bar-end">
                    <account::SyncIndicator/>
                </span>
            </header>
            <main class="page">
                {move || match state.load_state.get() {
                    LoadState::Opening => view! { <p class="loading" role="status">"Opening your partner registry…"</p> }.into_any(),
                    LoadState::Failed(reason) => view! {
                        <div class="banner error" role="alert">
                            <strong>"Partnero cannot open the registry stored on this device. "</strong>
                            {reason}
                        </div>
                    }.into_any(),
                    LoadState::Ready => view! {
                        <UnreadableBanner/>
                        <alerts::AlertNotifier/>
                        <Routes fallback=|| view! { <NotFound/> }>
                            <Route path=path!("/") view=list::PartnerList/>
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
                <strong>{move || match unreadable().len() {
                    1 => "One stored record could not be opened; the others are fine.".to_owned(),
                    count => format!("{count} stored records could not be opened; the others are fine."),
                }}</strong>
                <p>"Their stored data is left untouched so it can be recovered; they are not shown below."</p>
                <ul>
                    {move || unreadable().into_iter().map(|doc| view! {
                        <li><code>{doc.id}</code>": "{doc.reason}</li>
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <section class="empty-state">
            <h1>"Page not found"</h1>
            <p><a href="/">"Back to the partner list"</a></p>
        </section>
    }
}
