//! The device side of the app state (issue 8): a complete backup of this device's data as one
//! file, and restoring one into an empty workspace. The checks and the file format are the pure
//! core's (`store::backup`); this only takes the registry's lock, names the file and reloads.

use leptos::prelude::*;

use super::AppState;
use crate::store::backup::{self, BackupSummary};
use crate::web::now_ms;

/// Media type of a backup file (binary, our own format).
pub const BACKUP_MEDIA_TYPE: &str = "application/octet-stream";

impl AppState {
    /// Writes a backup of everything on this device and offers it as a download named after
    /// today's date.
    pub async fn download_backup(&self) -> Result<BackupSummary, String> {
        let shared = self.registry()?;
        let registry = shared.lock().await;
        let (bytes, summary) = backup::create_backup(registry.store(), now_ms())
            .await
            .map_err(|error| error.to_string())?;
        drop(registry);
        let name = format!(
            "partnero-backup-{}.partnero",
            crate::ui::finance::today_iso()
        );
        crate::web::download::download_bytes(&name, BACKUP_MEDIA_TYPE, &bytes)?;
        Ok(summary)
    }

    /// What a picked backup file holds, checked completely, for the confirmation.
    pub fn inspect_backup(&self, bytes: &[u8]) -> Result<BackupSummary, String> {
        backup::read_backup(bytes)
            .map(|(_, summary)| summary)
            .map_err(|error| error.to_string())
    }

    /// Restores a backup into this device's empty workspace, then reloads so the app opens
    /// it. Syncing stops first: the restored documents are offered to the server after the
    /// reload, as any unsent change is.
    pub async fn restore_backup(&self, bytes: &[u8]) -> Result<BackupSummary, String> {
        let shared = self.registry()?;
        let registry = shared.lock().await;
        let partners = registry.partners().count();
        if partners == 0 {
            self.sync.with_value(|sync| {
                if let Some(sync) = sync {
                    sync.stop();
                }
            });
        }
        let summary = backup::restore_backup(registry.store(), bytes, partners)
            .await
            .map_err(|error| error.to_string())?;
        // Held until the reload: nothing may write the replaced workspace's cache now.
        std::mem::forget(registry);
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
        Ok(summary)
    }
}
