//! The team's settings document: the company's rules (`WorkspaceSettings`) in a document of
//! their own, so that the server can let only administrators write them. Managers and sales
//! reps must write the workspace document (they register partners into its index), and the
//! server grants by document, so settings kept inside the workspace could not be protected.
//!
//! - **Who creates it.** The sync server, once, at start: it copies the workspace's settings
//!   into a new document and writes its id into `Workspace::settings_document`. Devices never
//!   create it or write that id (two devices doing so concurrently would make two documents).
//!   The workspace's own `settings` map stays as the server copied it, for older app versions.
//! - **How the registry shows it.** While the workspace names a settings document that is on
//!   this device, `Workspace::settings` as the registry holds it (and caches it) is the
//!   settings document's value, overlaid on the workspace's; everything that reads the
//!   settings keeps reading `registry.settings()`. A workspace write never writes the overlaid
//!   value back: `edit_workspace` edits the workspace document's own map (see `workspace.rs`).
//! - **Before it is known** (a device not signed in, or a workspace the server has not
//!   upgraded yet) the settings stay in the workspace document, as before.
//! - **Loading.** The document is small, so it is loaded whenever the workspace names it (at
//!   start, when the workspace changes); one not on the device yet waits in `incoming` and is
//!   fetched like a listed partner.

use automerge::{ActorId, AutoCommit};

use super::document::{self, LoadProblem, StoredDocument};
use super::{Registry, RegistryError, UnreadableDocument};
use crate::model::{
    ChangeRefusal, DocumentId, Workspace, WorkspaceSettings, SETTINGS_SCHEMA_VERSION,
};
use crate::store::Store;

/// The settings document as the registry holds it once loaded.
#[derive(Debug, Clone)]
pub(super) struct SettingsRecord {
    pub(super) id: DocumentId,
    pub(super) value: WorkspaceSettings,
    pub(super) stored: StoredDocument,
}

/// A new settings document holding `settings`, written by `actor`: what the sync server
/// creates. The root is the settings themselves plus `schema_version`.
pub fn new_settings_document(
    settings: &WorkspaceSettings,
    actor: ActorId,
) -> Result<automerge::Automerge, RegistryError> {
    let mut stored = StoredDocument::new(actor);
    write_settings(&mut stored.doc, settings, "create settings", 0)?;
    Ok(stored.doc.document().clone())
}

/// Writes the settings at the document's root, with the schema version next to them (a
/// struct reconciles its own keys only, so `schema_version` is left alone by later writes).
fn write_settings(
    doc: &mut AutoCommit,
    settings: &WorkspaceSettings,
    message: &str,
    now_ms: i64,
) -> Result<(), RegistryError> {
    autosurgeon::reconcile_prop(
        doc,
        automerge::ROOT,
        "schema_version",
        SETTINGS_SCHEMA_VERSION,
    )
    .map_err(|error| RegistryError::Document(error.to_string()))?;
    document::write_value(doc, settings, message, now_ms)
}

/// Reads a settings document, or says why it is not one (yet: an empty first message).
pub(super) fn read_settings(doc: &AutoCommit) -> Result<WorkspaceSettings, String> {
    let version: Option<u64> = autosurgeon::hydrate_prop(doc, automerge::ROOT, "schema_version")
        .map_err(|error| format!("it does not have the shape of a settings document ({error})"))?;
    let Some(version) = version else {
        return Err("it does not have the shape of a settings document (no schema_version)".into());
    };
    if version > SETTINGS_SCHEMA_VERSION {
        return Err(format!(
            "it was written by a newer Partnero (schema {version}); update the app"
        ));
    }
    autosurgeon::hydrate(doc)
        .map_err(|error| format!("it does not have the shape of a settings document ({error})"))
}

impl<S: Store> Registry<S> {
    /// The settings document the workspace names, if any.
    pub(super) fn named_settings_document(&self) -> Option<DocumentId> {
        self.workspace
            .settings_document
            .as_deref()
            .and_then(|text| text.parse().ok())
    }

    /// The settings document's id, when this registry holds it.
    pub fn settings_document_id(&self) -> Option<DocumentId> {
        self.settings.as_ref().map(|record| record.id)
    }

    /// Puts the settings document's value in place of a workspace value just read from the
    /// workspace document, when the workspace names that document and it is here.
    pub(super) fn overlay_settings(&self, workspace: &mut Workspace) {
        if let Some(record) = &self.settings {
            if workspace.settings_document.as_deref() == Some(&record.id.to_string()) {
                workspace.settings = record.value.clone();
            }
        }
    }

    /// Loads the settings document the workspace names if this registry does not hold it yet,
    /// and shows its value in the workspace. Returns whether the settings shown changed, and
    /// the document's id when it is not on this device (it then waits in `incoming`).
    pub(super) async fn open_settings_document(
        &mut self,
    ) -> Result<(bool, Option<DocumentId>), RegistryError> {
        let Some(id) = self.named_settings_document() else {
            return Ok((false, None));
        };
        let text = id.to_string();
        let known = self.settings_document_id() == Some(id)
            || self.incoming.contains_key(&id)
            || self.unreadable.iter().any(|document| document.id == text);
        if !known {
            match StoredDocument::load(&self.store, &id, self.actor.clone()).await? {
                Ok(mut stored) => match read_settings(&stored.doc) {
                    Ok(value) => {
                        stored.doc.set_actor(self.actor.clone());
                        self.settings = Some(SettingsRecord { id, value, stored });
                    }
                    Err(reason) => self
                        .unreadable
                        .push(UnreadableDocument { id: text, reason }),
                },
                Err(LoadProblem::Missing) => {
                    self.incoming
                        .insert(id, StoredDocument::new(self.actor.clone()));
                    return Ok((false, Some(id)));
                }
                Err(problem) => self.unreadable.push(UnreadableDocument {
                    id: text,
                    reason: problem.to_string(),
                }),
            }
        }
        Ok((self.show_settings(), None))
    }

    /// Shows the settings document's value in the workspace; returns whether it changed.
    fn show_settings(&mut self) -> bool {
        let mut workspace_settings = self.workspace.settings.clone();
        if let Some(record) = &self.settings {
            if self.workspace.settings_document.as_deref() == Some(&record.id.to_string()) {
                workspace_settings = record.value.clone();
            }
        }
        if workspace_settings == self.workspace.settings {
            return false;
        }
        self.workspace.settings = workspace_settings;
        self.workspace_cache_dirty = true;
        true
    }

    /// Stores what the sync client applied to the settings document (held, or arriving for
    /// the first time) and shows it. Returns `None` when `id` is not the settings document,
    /// else whether the settings shown changed.
    pub(super) async fn store_remote_settings(
        &mut self,
        id: &DocumentId,
    ) -> Result<Option<bool>, RegistryError> {
        if let Some(record) = self.settings.as_mut().filter(|record| record.id == *id) {
            record.stored.save_changes(&self.store, id).await?;
            record.value = read_settings(&record.stored.doc).map_err(RegistryError::Document)?;
            return Ok(Some(self.show_settings()));
        }
        if self.named_settings_document() != Some(*id) {
            return Ok(None);
        }
        let Some(stored) = self.incoming.get_mut(id) else {
            return Ok(None);
        };
        stored.save_changes(&self.store, id).await?;
        // Ready once it reads as settings; until then (an empty first message) it waits.
        let Ok(value) = read_settings(&stored.doc) else {
            return Ok(Some(false));
        };
        if let Some(stored) = self.incoming.remove(id) {
            self.settings = Some(SettingsRecord {
                id: *id,
                value,
                stored,
            });
        }
        Ok(Some(self.show_settings()))
    }

    /// Writes the settings into the settings document. `Ok(false)` when the workspace names
    /// none (the caller writes the workspace's own settings, as before there was one).
    pub(super) async fn write_settings_document(
        &mut self,
        settings: WorkspaceSettings,
        now_ms: i64,
    ) -> Result<bool, RegistryError> {
        let Some(named) = self.named_settings_document() else {
            return Ok(false);
        };
        let Some(record) = self.settings.as_ref().filter(|record| record.id == named) else {
            // Writing the workspace's old map instead would be lost: nobody reads it any more.
            return Err(ChangeRefusal::SettingsBeingFetched.into());
        };
        if settings == record.value {
            return Ok(true);
        }
        let mut stored = record.stored.clone();
        write_settings(
            &mut stored.doc,
            &settings,
            &self.stamped("change settings"),
            now_ms,
        )?;
        stored.save_changes(&self.store, &named).await?;
        let value = read_settings(&stored.doc).map_err(RegistryError::Document)?;
        self.settings = Some(SettingsRecord {
            id: named,
            value,
            stored,
        });
        self.show_settings();
        self.flush_workspace_cache().await?;
        Ok(true)
    }
}
