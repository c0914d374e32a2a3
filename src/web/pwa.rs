//! The installed app's relation with the browser (issue 8): registering the service worker and
//! noticing a new version waiting (`public/sw.js` explains the versions), moving to it when the
//! person accepts, and keeping local data safe from eviction (persistent storage, usage).
//!
//! Browser glue only: what to show is decided by the UI (`ui::device`).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// How often an open app asks whether a new version was deployed (the browser also checks on
/// every navigation).
const UPDATE_CHECK_MS: i32 = 30 * 60 * 1000;

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

fn log_error(what: &str, error: &JsValue) {
    let message = error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .unwrap_or_else(|| format!("{error:?}"));
    web_sys::console::error_1(&format!("{what}: {message}").into());
}

/// How many times a failed first installation is tried again in one page's life.
const INSTALL_ATTEMPTS: u32 = 5;
/// The pause before trying again, doubled each time (5 s, 10 s, 20 s, …).
const RETRY_AFTER_MS: i32 = 5_000;

/// Registers `/sw.js` and calls `on_update` once a new version is installed and waiting while
/// this page runs an older one (not on the first install, which has nothing to replace).
///
/// The first installation downloads the whole app shell (the wasm is megabytes). On a poor
/// connection that can fail, and the browser then drops the registration and only tries again
/// on the next page load, which for a single-page app may be days away. Until then the app
/// would not start offline, so a failed first install is tried again from here, a few times.
pub fn register_service_worker(on_update: impl Fn() + 'static) {
    let Some(container) = container() else {
        web_sys::console::warn_1(
            &"this browser has no service worker: Partnero will not start offline".into(),
        );
        return;
    };
    register(container, std::rc::Rc::new(on_update), 0);
}

fn register(container: ServiceWorkerContainer, on_update: std::rc::Rc<dyn Fn()>, attempt: u32) {
    let promise = container.register("/sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        let registration = match JsFuture::from(promise).await {
            Ok(value) => value.unchecked_into::<ServiceWorkerRegistration>(),
            Err(error) => {
                log_error("service worker registration failed", &error);
                retry_later(container, on_update, attempt);
                return;
            }
        };
        finish_requested_update(&container, &registration);
        let controlled = {
            let container = container.clone();
            move || container.controller().is_some()
        };
        if registration.waiting().is_some() && controlled() {
            on_update();
        }
        // Each worker found (the first one, or a new version) is followed: once installed
        // while an older version runs, it is an update to offer; if it fails before any
        // version is active, this page tries again.
        let follow = {
            let registration = registration.clone();
            let container = container.clone();
            move |worker: web_sys::ServiceWorker| {
                let watched = worker.clone();
                let registration = registration.clone();
                let container = container.clone();
                let on_update = on_update.clone();
                let controlled = controlled.clone();
                let on_state = Closure::<dyn Fn()>::new(move || match watched.state() {
                    ServiceWorkerState::Installed if controlled() => on_update(),
                    ServiceWorkerState::Redundant if registration.active().is_none() => {
                        retry_later(container.clone(), on_update.clone(), attempt)
                    }
                    _ => {}
                });
                worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
                // Lives as long as the page: one per version found, a handful at most.
                on_state.forget();
            }
        };
        let follow = std::rc::Rc::new(follow);
        if let Some(installing) = registration.installing() {
            follow(installing);
        }
        let watched = registration.clone();
        let found = follow.clone();
        let on_found = Closure::<dyn Fn()>::new(move || {
            if let Some(installing) = watched.installing() {
                found(installing);
            }
        });
        registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
        claim_when_ready(&container);
        let checked = registration.clone();
        let check = Closure::<dyn Fn()>::new(move || {
            let _ = checked.update();
        });
        if let Some(window) = web_sys::window() {
            let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(
                check.as_ref().unchecked_ref(),
                UPDATE_CHECK_MS,
            );
        }
        check.forget();
    });
}

/// Once a version is active, makes sure it controls this page: the claim at activation can miss
/// a page that was still starting, which would then go without the shell cache until the next
/// navigation (and, after a reload offline, the app would still start, but only then).
fn claim_when_ready(container: &ServiceWorkerContainer) {
    let Ok(ready) = container.ready() else {
        return;
    };
    let container = container.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = JsFuture::from(ready).await else {
            return;
        };
        let registration = registration.unchecked_into::<ServiceWorkerRegistration>();
        if container.controller().is_some() {
            return;
        }
        if let Some(active) = registration.active() {
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &"claim".into());
            let _ = active.post_message(&message);
        }
    });
}

/// Registers again after a pause, unless this page has tried [`INSTALL_ATTEMPTS`] times.
fn retry_later(container: ServiceWorkerContainer, on_update: std::rc::Rc<dyn Fn()>, attempt: u32) {
    let next = attempt + 1;
    if next >= INSTALL_ATTEMPTS {
        web_sys::console::error_1(
            &"the app could not be installed for offline use; it will try on the next visit".into(),
        );
        return;
    }
    web_sys::console::warn_1(
        &format!("installing the app for offline use failed; trying again ({next})").into(),
    );
    let Some(window) = web_sys::window() else {
        return;
    };
    let again = Closure::once_into_js(move || register(container, on_update, next));
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
        again.unchecked_ref(),
        RETRY_AFTER_MS << attempt,
    );
}

/// Set while an accepted update is under way, so the next page load finishes it.
const UPDATE_REQUESTED: &str = "partnero-update-requested";
/// How long to wait for the new version to take over before reloading anyway.
const TAKEOVER_WAIT_MS: i32 = 3_000;

/// Moves to the waiting version: asks it to take over, then reloads once it controls the
/// page. Everything typed is already in IndexedDB (the app saves before it says saved).
///
/// The browser activates the new version only once the running one has finished the requests
/// it is serving; should that not happen within [`TAKEOVER_WAIT_MS`] (seen in Chromium under
/// load), the page reloads anyway, which ends its requests, and the next load asks again
/// (`finish_requested_update`).
pub async fn apply_update() -> Result<(), String> {
    let container = container().ok_or("this browser has no service worker")?;
    let registration = JsFuture::from(container.get_registration())
        .await
        .map_err(|error| format!("{error:?}"))?;
    let registration = registration
        .dyn_into::<ServiceWorkerRegistration>()
        .map_err(|_| "no service worker is registered".to_owned())?;
    let Some(waiting) = registration.waiting() else {
        // Already active (another tab accepted it): a reload is enough.
        reload();
        return Ok(());
    };
    if let Ok(Some(storage)) = web_sys::window()
        .ok_or(())
        .and_then(|window| window.session_storage().map_err(|_| ()))
    {
        let _ = storage.set_item(UPDATE_REQUESTED, "1");
    }
    reload_on_takeover(&container);
    if let Some(window) = web_sys::window() {
        let fallback = Closure::once_into_js(reload);
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            fallback.unchecked_ref(),
            TAKEOVER_WAIT_MS,
        );
    }
    ask_to_take_over(&waiting)
}

/// Reloads once a new version controls the page.
fn reload_on_takeover(container: &ServiceWorkerContainer) {
    let on_change = Closure::<dyn Fn()>::new(reload);
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
}

fn ask_to_take_over(waiting: &web_sys::ServiceWorker) -> Result<(), String> {
    let message = js_sys::Object::new();
    js_sys::Reflect::set(&message, &"type".into(), &"skip-waiting".into())
        .map_err(|error| format!("{error:?}"))?;
    waiting
        .post_message(&message)
        .map_err(|error| format!("{error:?}"))
}

/// After [`apply_update`]'s fallback reload: asks the still-waiting version again, once.
fn finish_requested_update(
    container: &ServiceWorkerContainer,
    registration: &ServiceWorkerRegistration,
) {
    let Some(storage) =
        web_sys::window().and_then(|window| window.session_storage().ok().flatten())
    else {
        return;
    };
    if storage.get_item(UPDATE_REQUESTED).ok().flatten().is_none() {
        return;
    }
    let _ = storage.remove_item(UPDATE_REQUESTED);
    if let Some(waiting) = registration.waiting() {
        reload_on_takeover(container);
        let _ = ask_to_take_over(&waiting);
    }
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// What the browser says about this origin's storage.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct StorageStatus {
    /// Bytes used by this origin (IndexedDB, caches), as estimated by the browser.
    pub usage: f64,
    /// Bytes this origin may use before the browser refuses writes.
    pub quota: f64,
    /// The browser promised not to evict this origin's data under storage pressure.
    pub persisted: bool,
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::has(&navigator, &"storage".into())
        .unwrap_or(false)
        .then(|| navigator.storage())
}

/// The storage used and whether it is persistent; `None` where the browser cannot say.
pub async fn storage_status() -> Option<StorageStatus> {
    let manager = storage_manager()?;
    let estimate = JsFuture::from(manager.estimate().ok()?).await.ok()?;
    let number = |name: &str| {
        js_sys::Reflect::get(&estimate, &name.into())
            .ok()
            .and_then(|value| value.as_f64())
            .unwrap_or(0.0)
    };
    let persisted = JsFuture::from(manager.persisted().ok()?)
        .await
        .ok()
        .and_then(|value| value.as_bool())
        .unwrap_or(false);
    Some(StorageStatus {
        usage: number("usage"),
        quota: number("quota"),
        persisted,
    })
}

/// Asks the browser to keep this origin's data under storage pressure. Chromium grants it to
/// installed apps and to sites used often, without a prompt; it may also say no.
pub async fn request_persistence() -> bool {
    let Some(manager) = storage_manager() else {
        return false;
    };
    let Ok(promise) = manager.persist() else {
        return false;
    };
    JsFuture::from(promise)
        .await
        .ok()
        .and_then(|value| value.as_bool())
        .unwrap_or(false)
}
