//! This device (issue 8): the "update available" banner, the warning when the browser may evict
//! local data, and the `/device` screen with the storage used, persistent storage, and the
//! complete backup (download, and restore into an empty workspace).

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::state::use_app_state;
use crate::store::backup::BackupSummary;
use crate::web::pwa::{self, StorageStatus};

/// Usage above this share of the quota warns that writes may soon fail or data be evicted.
const NEARLY_FULL: f64 = 0.8;

/// A new version is installed and waiting (set by `pwa::register_service_worker`).
#[derive(Clone, Copy)]
pub struct UpdateAvailable(pub RwSignal<bool>);

/// Offers the waiting version instead of switching to it under the person's fingers.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let UpdateAvailable(available) = expect_context::<UpdateAvailable>();
    let error = RwSignal::new(None::<String>);
    let update = move |_| {
        leptos::task::spawn_local(async move {
            if let Err(message) = pwa::apply_update().await {
                error.set(Some(message));
            }
        });
    };
    view! {
        <Show when=move || available.get()>
            <div class="banner info" role="status" id="update-banner">
                <strong>{move_tr!("device-update-ready")}" "</strong>
                {move_tr!("device-update-kept")}" "
                <button type="button" class="button primary" id="update-now" on:click=update>{move_tr!("device-update-now")}</button>
                {move || error.get().map(|message| view! { <p class="failed">{tr!("device-update-failed", { "reason" => message })}</p> })}
            </div>
        </Show>
    }
}

/// Storage status, shared by the banner and the device screen; asks for persistence once.
#[derive(Clone, Copy)]
pub struct StorageState(pub RwSignal<Option<StorageStatus>>);

impl StorageState {
    pub fn start() -> Self {
        let status = RwSignal::new(None);
        leptos::task::spawn_local(async move {
            // Chromium grants this without a prompt to installed apps and to sites in use; it
            // is what keeps a phone's only copy of unsent changes from being evicted.
            pwa::request_persistence().await;
            status.set(pwa::storage_status().await);
        });
        Self(status)
    }

    fn refresh(self) {
        leptos::task::spawn_local(async move {
            self.0.set(pwa::storage_status().await);
        });
    }
}

/// Warns before the browser could evict local data: when it has not promised to keep it and
/// space is running out.
#[component]
pub fn StorageWarning() -> impl IntoView {
    let StorageState(status) = expect_context::<StorageState>();
    let at_risk = move || {
        status
            .get()
            .is_some_and(|status| status.quota > 0.0 && status.usage / status.quota > NEARLY_FULL)
    };
    view! {
        <Show when=at_risk>
            <div class="banner warning" role="alert" id="storage-warning">
                <strong>{move_tr!("device-storage-low")}" "</strong>
                {move || if status.get().is_some_and(|status| status.persisted) {
                    tr!("device-storage-may-fail")
                } else {
                    tr!("device-storage-may-clear")
                }}" "
                <a href="/device">{move_tr!("device-storage-link")}</a>
            </div>
        </Show>
    }
}

/// "12.3 MB".
fn size_label(bytes: f64) -> String {
    const UNITS: [&str; 4] = ["B", "kB", "MB", "GB"];
    let mut value = bytes;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{value:.0} {}", UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

/// Takes the translations explicitly: it is also called from tasks and event handlers, which
/// run outside the component (and its context).
fn summary_label(i18n: I18n, summary: &BackupSummary) -> String {
    tr!(i18n, "device-backup-summary", {
        "documents" => summary.documents,
        "files" => summary.files,
        "size" => size_label(summary.bytes as f64),
    })
}

/// Where a long operation stands, shown as a progress bar with its counts.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    Idle,
    Working(String),
    Done(String),
    Failed(String),
}

/// The `/device` screen.
#[component]
pub fn DevicePage() -> impl IntoView {
    let state = use_app_state();
    // Captured here: tasks and event handlers below run outside the component's context.
    let i18n = expect_context::<I18n>();
    let StorageState(status) = expect_context::<StorageState>();
    let backup = RwSignal::new(Step::Idle);
    let restore = RwSignal::new(Step::Idle);
    let picked = RwSignal::new(None::<(Vec<u8>, BackupSummary)>);
    let partners = move || state.view.with(|view| view.partners.len());

    let keep = move |_| {
        leptos::task::spawn_local(async move {
            pwa::request_persistence().await;
            StorageState(status).refresh();
        });
    };
    let download = move |_| {
        backup.set(Step::Working(tr!(i18n, "device-backup-reading")));
        leptos::task::spawn_local(async move {
            backup.set(match state.download_backup().await {
                Ok(summary) => Step::Done(
                    tr!(i18n, "device-backup-done", { "summary" => summary_label(i18n, &summary) }),
                ),
                Err(message) => Step::Failed(message),
            });
        });
    };
    let pick = move |event: leptos::ev::Event| {
        picked.set(None);
        let Some(file) = crate::web::files::picked_file(&event) else {
            return;
        };
        restore.set(Step::Working(
            tr!(i18n, "device-restore-checking", { "name" => file.name() }),
        ));
        leptos::task::spawn_local(async move {
            match crate::web::files::read_picked(&file).await {
                Ok(bytes) => match state.inspect_backup(&bytes) {
                    Ok(summary) => {
                        restore.set(Step::Idle);
                        picked.set(Some((bytes, summary)));
                    }
                    Err(message) => restore.set(Step::Failed(message)),
                },
                Err(message) => restore.set(Step::Failed(message)),
            }
        });
    };
    let confirm = move |_| {
        let Some((bytes, summary)) = picked.get_untracked() else {
            return;
        };
        restore.set(Step::Working(
            tr!(i18n, "device-restore-working", { "summary" => summary_label(i18n, &summary) }),
        ));
        leptos::task::spawn_local(async move {
            if let Err(message) = state.restore_backup(&bytes).await {
                restore.set(Step::Failed(message));
            }
        });
    };
    let step_view = |step: Step, id: &'static str| match step {
        Step::Idle => view! { <span></span> }.into_any(),
        Step::Working(text) => view! {
            <span><progress aria-label=text.clone()></progress>" "{text}</span>
        }
        .into_any(),
        Step::Done(text) => view! { <span class="saved" id=id>{text}</span> }.into_any(),
        Step::Failed(text) => view! { <span class="failed" id=id>{text}</span> }.into_any(),
    };

    view! {
        <section class="form-screen" id="device-screen">
            <p class="back"><a href="/">{move_tr!("device-back")}</a></p>
            <h1>{move_tr!("device-title")}</h1>
            <h2>{move_tr!("device-storage")}</h2>
            {move || match status.get() {
                None => view! { <p class="muted">{move_tr!("device-storage-unknown")}</p> }.into_any(),
                Some(status) => {
                    let share = if status.quota > 0.0 { status.usage / status.quota } else { 0.0 };
                    view! {
                    <p id="storage-used">
                        {tr!("device-storage-used", { "used" => size_label(status.usage), "quota" => size_label(status.quota) })}
                    </p>
                    <meter min="0" max="1" high=NEARLY_FULL value=share
                        aria-label=tr!("device-storage-meter")></meter>
                    {if status.persisted {
                        view! { <p id="storage-persisted">{move_tr!("device-persisted")}</p> }.into_any()
                    } else {
                        view! {
                            <p id="storage-persisted">{move_tr!("device-not-persisted")}</p>
                            <button type="button" class="button" id="keep-data" on:click=keep>{move_tr!("device-keep")}</button>
                        }.into_any()
                    }}
                }.into_any()
                }
            }}
            <h2>{move_tr!("device-backup")}</h2>
            <p class="muted">{move_tr!("device-backup-help")}</p>
            <div class="form-actions">
                <button type="button" class="button primary" id="download-backup" on:click=download
                    disabled=move || matches!(backup.get(), Step::Working(_))>{move_tr!("device-backup-download")}</button>
            </div>
            <p role="status" aria-live="polite">{move || step_view(backup.get(), "backup-result")}</p>
            <h2>{move_tr!("device-restore")}</h2>
            {move || if partners() > 0 {
                view! {
                    <p class="muted" id="restore-needs-empty">{move_tr!("device-restore-needs-empty")}</p>
                }.into_any()
            } else {
                view! {
                    <label for="restore-file">{move_tr!("device-restore-file")}</label>
                    <input type="file" id="restore-file" accept=".partnero,application/octet-stream" on:change=pick/>
                    {move || picked.get().map(|(_, summary)| view! {
                        <p id="restore-summary">{tr!("device-restore-holds", { "summary" => summary_label(i18n, &summary) })}</p>
                        <button type="button" class="button primary" id="confirm-restore" on:click=confirm>{move_tr!("device-restore-confirm")}</button>
                    })}
                }.into_any()
            }}
            <p role="status" aria-live="polite">{move || step_view(restore.get(), "restore-result")}</p>
        </section>
    }
}
