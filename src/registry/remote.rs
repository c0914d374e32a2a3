//! The registry as the sync client sees it: the set of documents to keep in sync, and what to do
//! when changes arrive from the server.
//!
//! The sync client applies a server's changes to the in-memory document directly (through
//! [`SyncDocuments`]); [`Registry::store_remote_change`] then writes them to the store and reads
//! the document again. Documents listed in the workspace but not here yet wait in `incoming`
//! until the server sends them.
//!
//! Joining a team: a device that worked offline before its first sign-in has its own local
//! workspace. It keeps using it until the team's workspace document has arrived, then adds its
//! partners to the team's index as a normal change and drops the local one. Writing into the
//! team's document only after it arrived matters: two devices creating the `partners` map
//! concurrently would leave one of the two maps hidden after the merge.

use automerge::{AutoCommit, ChangeHash};

use super::companion::{companion_id, Companion, CompanionKind};
use super::document::{encode_heads, read_value, write_value, StoredDocument};
use super::{PartnerRecord, Record, Registry, RegistryError};
use crate::model::{DocumentId, Partner, Workspace, PARTNER_SCHEMA_VERSION};
use crate::store::{sync_cursor_key, sync_state_key, workspace_pointer_key, Store};
use crate::sync::session::FeedPosition;
use crate::sync::SyncDocuments;

/// What the caller must do after [`Registry::store_remote_change`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RemoteOutcome {
    /// Documents now listed in the workspace that this device does not have: request them.
    pub fetch: Vec<DocumentId>,
    /// Documents this device changed while handling the remote change (the workspace when it
    /// merged its local index into the team's): offer them to the server.
    pub local_changes: Vec<DocumentId>,
    /// Documents whose value as the registry shows it changed along with the one stored: the
    /// workspace, when its settings document changed (its settings are shown in the
    /// workspace), and a partner, when its banking or activity document changed its bank
    /// accounts or notes (see `assemble.rs`), so that the view refreshes them.
    pub changed: Vec<DocumentId>,
}

impl<S: Store> Registry<S> {
    /// Signs this device into a team whose workspace document is `team_workspace`. Returns the
    /// documents to request (the team's workspace, if this device does not use it yet).
    pub fn set_team_workspace(&mut self, team_workspace: DocumentId) -> Vec<DocumentId> {
        self.team_workspace = Some(team_workspace);
        if team_workspace == self.workspace_id {
            return Vec::new();
        }
        self.incoming
            .entry(team_workspace)
            .or_insert_with(|| StoredDocument::new(self.actor.clone()));
        vec![team_workspace]
    }

    /// Partners listed in the workspace that are not on this device yet.
    pub fn waiting_for(&self) -> Vec<DocumentId> {
        let settings = self.named_settings_document();
        self.incoming
            .keys()
            .copied()
            .filter(|id| Some(*id) != self.team_workspace && Some(*id) != settings)
            .collect()
    }

    /// Stores what the sync client applied to document `id` and reads it again.
    pub async fn store_remote_change(
        &mut self,
        id: &DocumentId,
        now_ms: i64,
    ) -> Result<RemoteOutcome, RegistryError> {
        let mut outcome = RemoteOutcome::default();
        if *id == self.workspace_id {
            // The sync client only changes a workspace document it was given, so it is loaded.
            if let Some(stored) = self.workspace_document.as_mut() {
                stored.save_changes(&self.store, id).await?;
                let mut workspace = read_value(&stored.doc)?;
                self.overlay_settings(&mut workspace);
                let before = std::mem::replace(&mut self.workspace, workspace);
                // A companion that arrived before the change listing it waits in `incoming`;
                // with nothing more to receive it would stay there (and a partner's notes or
                // bank accounts would never show).
                outcome
                    .changed
                    .extend(self.promote_newly_listed_companions(&before));
                self.workspace_cache_dirty = true;
                // The server may just have named the settings document: from the store if an
                // earlier session fetched it, else `listed_but_missing` fetches it.
                if let (_, Some(missing)) = self.open_settings_document().await? {
                    self.incoming.remove(&missing);
                }
            }
        } else if let Some(settings_changed) = self.store_remote_settings(id).await? {
            if settings_changed {
                outcome.changed.push(self.workspace_id);
            }
        } else if let Some(record) = self.partners.get_mut(id) {
            // The sync client only changes documents it was given, so this one is loaded.
            if let Some(stored) = record.stored.as_mut() {
                stored.save_changes(&self.store, id).await?;
                record.value = read_value(&stored.doc)?;
                // Written in batches by the session (`flush_cache`), not per message: a
                // bucket left behind by a crash is found stale at the next start.
                self.cache_dirty.insert(super::cache::bucket_of(id));
                self.adopt_own_value(id);
            }
        } else if let Some(record) = self.companions.get_mut(id) {
            if let Some(stored) = record.stored.as_mut() {
                stored.save_changes(&self.store, id).await?;
                record.value = Companion::hydrate_kind(record.value.kind(), &stored.doc)
                    .map_err(RegistryError::Document)?;
                self.cache_dirty.insert(super::cache::bucket_of(id));
                // A banking or activity document is part of its partner as shown.
                outcome.changed.extend(self.reassemble_for(&[*id]));
            }
        } else if Some(*id) == self.team_workspace {
            self.adopt_team_workspace(*id, now_ms, &mut outcome).await?;
        } else if let Some(kind) = (!self.workspace.partners.contains_key(&id.to_string()))
            .then(|| self.listed_companion_kind(id))
            .flatten()
        {
            // Only for ids that are not listed partners: finding a companion's kind hashes
            // every listed companion, which a download of thousands of partners would repeat
            // for each of their messages.
            if let Some(stored) = self.incoming.get_mut(id) {
                stored.save_changes(&self.store, id).await?;
                if let Ok(value) = Companion::hydrate_kind(kind, &stored.doc) {
                    if let Some(stored) = self.incoming.remove(id) {
                        self.companions.insert(*id, Record::loaded(value, stored));
                        self.cache_dirty.insert(super::cache::bucket_of(id));
                        outcome.changed.extend(self.reassemble_for(&[*id]));
                    }
                }
            }
        } else if let Some(stored) = self.incoming.get_mut(id) {
            stored.save_changes(&self.store, id).await?;
            // A partner is ready once it reads as one; until then (an empty or partial first
            // message) it stays incoming.
            if let Ok(partner) = autosurgeon::hydrate::<_, Partner>(&stored.doc) {
                if partner.schema_version <= PARTNER_SCHEMA_VERSION {
                    if let Some(stored) = self.incoming.remove(id) {
                        self.partners
                            .insert(*id, PartnerRecord::loaded(partner, stored));
                        self.cache_dirty.insert(super::cache::bucket_of(id));
                        // Its banking or activity document may have arrived first.
                        self.adopt_own_value(id);
                    }
                }
            }
        }
        outcome.fetch = self.listed_but_missing();
        Ok(outcome)
    }

    /// Documents the workspace lists or names (partners, companions, the settings document)
    /// that are neither open nor being fetched: start fetching.
    fn listed_but_missing(&mut self) -> Vec<DocumentId> {
        let listed: Vec<DocumentId> = (self.workspace.partners.keys())
            .filter_map(|text| text.parse().ok())
            .chain(self.listed_companions().into_iter().map(|(id, _, _)| id))
            .chain(self.named_settings_document())
            .collect();
        let settings = self.settings_document_id();
        let mut fetch = Vec::new();
        for id in listed {
            if !self.partners.contains_key(&id)
                && !self.companions.contains_key(&id)
                && !self.incoming.contains_key(&id)
                && settings != Some(id)
                && !self
                    .unreadable
                    .iter()
                    .any(|document| document.id == id.to_string())
            {
                self.incoming
                    .insert(id, StoredDocument::new(self.actor.clone()));
                fetch.push(id);
            }
        }
        fetch
    }

    /// The team's workspace arrived: merge this device's index into it and use it from now on.
    async fn adopt_team_workspace(
        &mut self,
        id: DocumentId,
        now_ms: i64,
        outcome: &mut RemoteOutcome,
    ) -> Result<(), RegistryError> {
        let Some(mut team) = self.incoming.get(&id).cloned() else {
            return Ok(());
        };
        team.save_changes(&self.store, &id).await?;
        let Ok(mut index) = autosurgeon::hydrate::<_, Workspace>(&team.doc) else {
            // Not complete yet; keep waiting for more of it.
            self.incoming.insert(id, team);
            return Ok(());
        };
        let mut merged_any = false;
        for (partner, entry) in &self.workspace.partners {
            if !index.partners.contains_key(partner) {
                index.partners.insert(partner.clone(), entry.clone());
                merged_any = true;
            }
        }
        if merged_any {
            write_value(
                &mut team.doc,
                &index,
                &self.stamped("join team workspace"),
                now_ms,
            )?;
            team.save_changes(&self.store, &id).await?;
            outcome.local_changes.push(id);
        }
        self.store
            .save(&workspace_pointer_key(), id.to_string().as_bytes())
            .await?;
        let old = self.workspace_id;
        self.incoming.remove(&id);
        self.workspace_id = id;
        self.workspace = index;
        self.workspace_document = Some(team);
        self.workspace_cache_dirty = true;
        // The team's settings document, from the store if an earlier session fetched it
        // (else `listed_but_missing` fetches it).
        if let (_, Some(missing)) = self.open_settings_document().await? {
            self.incoming.remove(&missing);
        }
        // The local index lives on inside the team's; its document is no longer needed.
        self.store.remove_range(&[old.to_string()]).await?;
        Ok(())
    }

    /// Companions the workspace lists now but did not in `before` whose documents already
    /// arrived (they wait in `incoming`): read them as companions, and return them with the
    /// partners whose value shown changed. Only the newly listed are hashed, so a workspace
    /// change costs what it adds, not the size of the registry.
    fn promote_newly_listed_companions(&mut self, before: &Workspace) -> Vec<DocumentId> {
        if self.incoming.is_empty() {
            return Vec::new();
        }
        let mut promoted = Vec::new();
        for kind in CompanionKind::ALL {
            let was = kind.listing(before);
            let newly: Vec<DocumentId> = (kind.listing(&self.workspace).keys())
                .filter(|partner| !was.contains_key(*partner))
                .filter_map(|partner| partner.parse::<DocumentId>().ok())
                .map(|partner| companion_id(&partner, kind))
                .filter(|id| self.incoming.contains_key(id))
                .collect();
            for id in newly {
                let Some(stored) = self.incoming.get(&id) else {
                    continue;
                };
                if let Ok(value) = Companion::hydrate_kind(kind, &stored.doc) {
                    if let Some(stored) = self.incoming.remove(&id) {
                        self.companions.insert(id, Record::loaded(value, stored));
                        self.cache_dirty.insert(super::cache::bucket_of(&id));
                        promoted.push(id);
                    }
                }
            }
        }
        let mut changed = self.reassemble_for(&promoted);
        changed.extend(promoted);
        changed
    }

    fn stored_mut(&mut self, id: &DocumentId) -> Option<&mut StoredDocument> {
        if *id == self.workspace_id {
            return self.workspace_document.as_mut();
        }
        if let Some(record) = self.partners.get_mut(id) {
            return record.stored.as_mut();
        }
        if let Some(record) = self.companions.get_mut(id) {
            return record.stored.as_mut();
        }
        if let Some(record) = self.settings.as_mut().filter(|record| record.id == *id) {
            return Some(&mut record.stored);
        }
        self.incoming.get_mut(id)
    }

    /// The heads this device last knew it shared with the server for a document.
    pub fn server_heads(&mut self, id: &DocumentId) -> Vec<ChangeHash> {
        self.stored_mut(id)
            .map(|stored| stored.server_heads.clone())
            .unwrap_or_default()
    }

    /// Keeps the heads shared with the server, so that unsent changes can be counted after a
    /// restart with no network. Written only when they changed.
    pub async fn remember_server_heads(
        &mut self,
        id: &DocumentId,
        heads: Vec<ChangeHash>,
    ) -> Result<(), RegistryError> {
        let store = &self.store;
        let Some(stored) = (if *id == self.workspace_id {
            self.workspace_document.as_mut()
        } else if let Some(record) = self.partners.get_mut(id) {
            record.stored.as_mut()
        } else if let Some(record) = self.companions.get_mut(id) {
            record.stored.as_mut()
        } else if let Some(record) = self.settings.as_mut().filter(|record| record.id == *id) {
            Some(&mut record.stored)
        } else {
            self.incoming.get_mut(id)
        }) else {
            return Ok(());
        };
        if stored.server_heads == heads || heads.is_empty() {
            return Ok(());
        }
        store
            .save(&sync_state_key(id), &encode_heads(&heads))
            .await?;
        let was_unsent = stored.has_unsent();
        stored.server_heads = heads;
        // The settings document's state is not cached: it is loaded at every start.
        if was_unsent != stored.has_unsent() && *id == self.workspace_id {
            self.workspace_cache_dirty = true;
        } else if was_unsent != stored.has_unsent()
            && (self.partners.contains_key(id) || self.companions.contains_key(id))
        {
            self.cache_dirty.insert(super::cache::bucket_of(id));
        }
        Ok(())
    }

    /// The position in the server's change feed up to which this device is in sync.
    pub async fn sync_cursor(&self) -> Result<i64, RegistryError> {
        Ok(self.sync_position().await?.cursor)
    }

    /// Remembers the change-feed position once everything up to it is synced (in the epoch
    /// already saved).
    pub async fn save_sync_cursor(&self, cursor: i64) -> Result<(), RegistryError> {
        let epoch = self.sync_position().await?.epoch;
        self.save_sync_position(&FeedPosition { cursor, epoch })
            .await
    }

    /// Where this device stands in the server's change feed: the position and the server's
    /// epoch it belongs to (empty when saved by a version that did not know epochs).
    pub async fn sync_position(&self) -> Result<FeedPosition, RegistryError> {
        let stored = self.store.load(&sync_cursor_key()).await?;
        let text = stored
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .unwrap_or_default();
        let mut parts = text.split_whitespace();
        Ok(FeedPosition {
            cursor: parts
                .next()
                .and_then(|cursor| cursor.parse().ok())
                .unwrap_or(0),
            epoch: parts.next().unwrap_or_default().to_owned(),
        })
    }

    /// Remembers the change-feed position and its epoch once everything up to it is synced.
    pub async fn save_sync_position(&self, position: &FeedPosition) -> Result<(), RegistryError> {
        let text = format!("{} {}", position.cursor, position.epoch);
        self.store
            .save(&sync_cursor_key(), text.trim_end().as_bytes())
            .await?;
        Ok(())
    }

    /// Removes everything this registry stored on the device (sign-out on a shared device).
    /// The registry must not be used afterwards; the app reloads.
    pub async fn erase_all(&mut self) -> Result<(), RegistryError> {
        self.store.remove_range(&[]).await?;
        Ok(())
    }

    /// Whether this device already uses the team's workspace.
    pub fn uses_team_workspace(&self) -> bool {
        self.team_workspace == Some(self.workspace_id)
    }
}

impl<S: Store> SyncDocuments for Registry<S> {
    /// Before joining a team nothing syncs; after, the team's workspace, every partner and
    /// everything being fetched. The local workspace of a device that has not merged yet is
    /// never sent.
    fn document_ids(&self) -> Vec<DocumentId> {
        if self.team_workspace.is_none() {
            return Vec::new();
        }
        let mut ids: Vec<DocumentId> = self
            .partners
            .keys()
            .chain(self.companions.keys())
            .chain(self.incoming.keys())
            .copied()
            .collect();
        if self.uses_team_workspace() {
            ids.push(self.workspace_id);
            ids.extend(self.settings_document_id());
        }
        ids
    }

    fn document_mut(&mut self, id: &DocumentId) -> Option<&mut AutoCommit> {
        if *id == self.workspace_id && self.uses_team_workspace() {
            return self
                .workspace_document
                .as_mut()
                .map(|stored| &mut stored.doc);
        }
        if let Some(record) = self.partners.get_mut(id) {
            // `None` for a partner known only from the cache: the session loads a document
            // before handing the client a message about it (`Registry::ensure_loaded`).
            return record.stored.as_mut().map(|stored| &mut stored.doc);
        }
        if let Some(record) = self.companions.get_mut(id) {
            return record.stored.as_mut().map(|stored| &mut stored.doc);
        }
        if let Some(record) = self.settings.as_mut().filter(|record| record.id == *id) {
            return Some(&mut record.stored.doc);
        }
        self.incoming.get_mut(id).map(|stored| &mut stored.doc)
    }

    fn stored_shared_heads(&mut self, id: &DocumentId) -> Vec<ChangeHash> {
        self.server_heads(id)
    }

    fn create_empty(&mut self, id: &DocumentId) -> &mut AutoCommit {
        let actor = self.actor.clone();
        &mut self
            .incoming
            .entry(*id)
            .or_insert_with(|| StoredDocument::new(actor))
            .doc
    }
}
