//! The workspace document as the registry keeps it: its value from the start-up cache, and the
//! document itself loaded only when something writes to it or syncs it. At 100,000 partners the
//! workspace holds 100,000 index entries, and loading and reading its document takes longer
//! than everything else at start-up together; the cached value (`cache::CachedWorkspace`) is
//! one decode.
//!
//! Every write goes through [`Registry::edit_workspace`], which loads the document first and
//! applies the edit to the value read from it, never to the cached value: a cache that was
//! behind (a remote change not flushed before the tab closed) would otherwise be written back
//! over the newer document, and reconciling would remove what it lacked.

use automerge::ActorId;

use super::cache::{self, CachedWorkspace};
use super::document::{self, StoredDocument};
use super::{PartnerOpenError, Registry, RegistryError, UnreadableDocument};
use crate::model::{DocumentId, Workspace, WorkspaceSettings, WORKSPACE_SCHEMA_VERSION};
use crate::store::{Store, StoreError};

/// Loads and reads a workspace document; any problem makes the registry unusable, so it is a
/// `WorkspaceUnreadable` naming the document.
pub(super) async fn load_document<S: Store>(
    store: &S,
    id: &DocumentId,
    actor: &ActorId,
) -> Result<(Workspace, StoredDocument), RegistryError> {
    let unreadable = |reason: String| RegistryError::WorkspaceUnreadable {
        id: id.to_string(),
        reason,
    };
    let mut stored = StoredDocument::load(store, id, actor.clone())
        .await?
        .map_err(|problem| unreadable(problem.to_string()))?;
    let workspace: Workspace = autosurgeon::hydrate(&stored.doc).map_err(|error| {
        unreadable(format!(
            "it does not have the shape of a workspace ({error})"
        ))
    })?;
    if workspace.schema_version > WORKSPACE_SCHEMA_VERSION {
        return Err(unreadable(format!(
            "it was written by a newer Partnero (schema {}); update the app",
            workspace.schema_version
        )));
    }
    stored.doc.set_actor(actor.clone());
    Ok((workspace, stored))
}

impl<S: Store> Registry<S> {
    /// Loads the workspace document if only its cached value is known. When the cache was
    /// behind, the value read replaces it and the partners and companion documents it newly
    /// lists are opened (or fetched). Returns what changed: the workspace and those documents.
    pub(super) async fn ensure_workspace_loaded(
        &mut self,
    ) -> Result<Vec<DocumentId>, RegistryError> {
        if self.workspace_document.is_some() {
            return Ok(Vec::new());
        }
        let (mut workspace, stored) =
            load_document(&self.store, &self.workspace_id, &self.actor).await?;
        self.overlay_settings(&mut workspace);
        let fingerprint_changed = stored.fingerprint() != self.workspace_cached.0;
        self.workspace_document = Some(stored);
        if workspace == self.workspace {
            self.workspace_cache_dirty |= fingerprint_changed;
            return Ok(Vec::new());
        }
        self.workspace = workspace;
        self.workspace_cache_dirty = true;
        // It may name a settings document the cached value did not.
        self.open_settings_document().await?;
        let mut changed = vec![self.workspace_id];
        changed.extend(self.open_newly_listed().await?);
        Ok(changed)
    }

    /// Opens the partners and companion documents the workspace lists that this registry does
    /// not hold yet (from their stored documents, or fetched when not stored).
    async fn open_newly_listed(&mut self) -> Result<Vec<DocumentId>, RegistryError> {
        let mut opened = Vec::new();
        let known = |registry: &Self, id: &DocumentId| {
            registry.partners.contains_key(id)
                || registry.companions.contains_key(id)
                || registry.incoming.contains_key(id)
                || registry
                    .unreadable
                    .iter()
                    .any(|document| document.id == id.to_string())
        };
        let listed: Vec<String> = self.workspace.partners.keys().cloned().collect();
        for text in listed {
            let Ok(id) = text.parse::<DocumentId>() else {
                continue;
            };
            if known(self, &id) {
                continue;
            }
            match self.open_partner(&text).await {
                Ok((id, record)) => {
                    self.cache_dirty.insert(cache::bucket_of(&id));
                    self.partners.insert(id, record);
                    opened.push(id);
                }
                Err(PartnerOpenError::Store(error)) => return Err(error.into()),
                Err(PartnerOpenError::Missing(id)) => {
                    self.incoming
                        .insert(id, StoredDocument::new(self.actor.clone()));
                }
                Err(PartnerOpenError::Unreadable(reason)) => {
                    self.unreadable
                        .push(UnreadableDocument { id: text, reason });
                    opened.push(id);
                }
            }
        }
        let mut nothing_cached = cache::CachedEntries::default();
        let before: Vec<DocumentId> = self.companions.keys().copied().collect();
        self.open_companions(&mut nothing_cached).await?;
        opened.extend(
            self.companions
                .keys()
                .filter(|id| !before.contains(id))
                .copied(),
        );
        // Partners just opened hold their documents' own values; companions just opened are
        // part of their partners as shown (see `assemble.rs`).
        for id in &opened {
            if self.partners.contains_key(id) {
                self.adopt_own_value(id);
            }
        }
        for partner in self.reassemble_for(&opened) {
            if !opened.contains(&partner) {
                opened.push(partner);
            }
        }
        Ok(opened)
    }

    /// Applies `edit` to the workspace as its document says it is now, and stores the change.
    /// When the settings come from a settings document, `edit` sees the workspace document's
    /// own `settings` map (which it leaves alone), not the settings shown: writing those back
    /// would copy the settings document into the workspace with every partner registered.
    pub(super) async fn edit_workspace(
        &mut self,
        message: &str,
        now_ms: i64,
        edit: impl FnOnce(&mut Workspace),
    ) -> Result<(), RegistryError> {
        self.ensure_workspace_loaded().await?;
        let Some(stored) = &self.workspace_document else {
            return Err(RegistryError::Document(
                "the workspace document is not loaded".into(),
            ));
        };
        let mut workspace = self.workspace.clone();
        // Only the settings map is read from the document: hydrating the whole workspace (a
        // hundred thousand index entries) for every edit would cost more than the edit.
        let own_settings = match self.settings_document_id() {
            Some(_) => Some(
                autosurgeon::hydrate_prop::<_, Option<WorkspaceSettings>, _, _>(
                    &stored.doc,
                    automerge::ROOT,
                    "settings",
                )
                .map_err(|error| RegistryError::Document(error.to_string()))?
                .unwrap_or_default(),
            ),
            None => None,
        };
        if let Some(own) = &own_settings {
            workspace.settings = own.clone();
        }
        edit(&mut workspace);
        let unchanged = match &own_settings {
            Some(own) => {
                let edited =
                    std::mem::replace(&mut workspace.settings, self.workspace.settings.clone());
                let unchanged = workspace == self.workspace && edited == *own;
                workspace.settings = edited;
                unchanged
            }
            None => workspace == self.workspace,
        };
        if unchanged {
            return Ok(());
        }
        let mut stored = stored.clone();
        document::write_value(&mut stored.doc, &workspace, &self.stamped(message), now_ms)?;
        stored.save_changes(&self.store, &self.workspace_id).await?;
        let mut workspace = document::read_value(&stored.doc)?;
        self.overlay_settings(&mut workspace);
        self.workspace = workspace;
        self.workspace_document = Some(stored);
        self.workspace_cache_dirty = true;
        self.flush_workspace_cache().await?;
        Ok(())
    }

    /// The workspace's fingerprint and unsent flag, from its document when loaded.
    pub(super) fn workspace_state(&self) -> (u64, bool) {
        self.workspace_document
            .as_ref()
            .map_or(self.workspace_cached, |stored| {
                (stored.fingerprint(), stored.has_unsent())
            })
    }

    /// Writes the cached workspace when it is out of date.
    pub(super) async fn flush_workspace_cache(&mut self) -> Result<(), StoreError> {
        if !self.workspace_cache_dirty {
            return Ok(());
        }
        let (fingerprint, unsent) = self.workspace_state();
        let bytes = cache::encode_workspace(CachedWorkspace {
            id: *self.workspace_id.as_bytes(),
            fingerprint,
            unsent,
            workspace: self.workspace.clone(),
        });
        self.store.save(&cache::workspace_key(), &bytes).await?;
        self.workspace_cache_dirty = false;
        Ok(())
    }
}
