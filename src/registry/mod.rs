//! The partner registry of one device: opens the workspace and partner documents from a
//! [`Store`], applies edits, and writes each edit back before reporting success.
//!
//! Every edit is made on a copy of the document and stored (as an incremental chunk, or a
//! compacted snapshot every [`COMPACT_AFTER_CHUNKS`] chunks) before the copy replaces the
//! in-memory state, so a failed write leaves both storage and memory as they were and the UI
//! never calls an unsaved edit saved. A document that cannot be loaded is listed in
//! [`Registry::unreadable`] instead of stopping the others from opening.
//!
//! Pure: time, the actor id and new document ids come in as arguments.

mod classification;
mod conflicts;
mod document;
mod merge;
mod quality;
mod remote;

use std::collections::BTreeMap;

use automerge::{ActorId, AutoCommit};

use crate::model::{
    ClientLink, DocumentId, Partner, PartnerEntry, PartnerProfile, PartnerStatus, Workspace,
    PARTNER_SCHEMA_VERSION, WORKSPACE_SCHEMA_VERSION,
};
use crate::store::{workspace_pointer_key, Store, StoreError};
use document::{LoadProblem, StoredDocument};

pub use conflicts::{choose_value, display_value, find_conflicts, FieldConflict, PathStep};
pub use document::COMPACT_AFTER_CHUNKS;
pub use merge::{differing_fields, merge_profiles, MergeField, MergeSide};
pub use remote::RemoteOutcome;

/// Why a registry operation failed; every message is fit to show to the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegistryError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the workspace document {id} cannot be opened: {reason}")]
    WorkspaceUnreadable { id: String, reason: String },
    #[error("no partner with id {0} is open on this device")]
    PartnerNotFound(DocumentId),
    #[error("a partner with id {0} already exists")]
    PartnerExists(DocumentId),
    #[error("cannot link: {0}")]
    InvalidLink(String),
    #[error("the document could not be updated: {0}")]
    Document(String),
    /// A settings change that was refused (unknown term, a category moved under itself, …).
    #[error("{0}")]
    InvalidChange(String),
}

/// A stored document that could not be opened, named so the user can report it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadableDocument {
    /// The document id as stored in the workspace index.
    pub id: String,
    /// What went wrong, in a sentence.
    pub reason: String,
}

/// One open partner: its hydrated value and the document it came from.
#[derive(Debug, Clone)]
struct PartnerRecord {
    partner: Partner,
    stored: StoredDocument,
}

/// The registry of one device, over any [`Store`].
pub struct Registry<S: Store> {
    store: S,
    /// The actor id this session writes changes with. One per session, never shared between two
    /// open registries, because two writers with one actor id would corrupt the change log.
    actor: ActorId,
    workspace_id: DocumentId,
    workspace: Workspace,
    workspace_document: StoredDocument,
    partners: BTreeMap<DocumentId, PartnerRecord>,
    unreadable: Vec<UnreadableDocument>,
    /// Documents being fetched from the server that are not (yet) a readable partner, or the
    /// team's workspace before this device adopted it. See `remote.rs`.
    incoming: BTreeMap<DocumentId, StoredDocument>,
    /// The team's workspace document, once signed in. While it differs from `workspace_id`
    /// this device still uses its local workspace and merges it in when the team's arrives.
    team_workspace: Option<DocumentId>,
}

impl<S: Store> Registry<S> {
    /// Opens the registry kept in `store`. On a device that has none yet, creates an empty
    /// workspace under `new_workspace_id`. `actor` must be fresh random bytes for this session.
    pub async fn open(
        store: S,
        actor: ActorId,
        new_workspace_id: DocumentId,
    ) -> Result<Self, RegistryError> {
        let pointer = store.load(&workspace_pointer_key()).await?;
        let (workspace_id, workspace, workspace_document) = match pointer {
            Some(bytes) => {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let id: DocumentId =
                    text.parse()
                        .map_err(|error| RegistryError::WorkspaceUnreadable {
                            id: text.clone(),
                            reason: format!("the stored workspace id is damaged ({error})"),
                        })?;
                let unreadable = |reason: String| RegistryError::WorkspaceUnreadable {
                    id: id.to_string(),
                    reason,
                };
                let mut stored = StoredDocument::load(&store, &id, actor.clone())
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
                (id, workspace, stored)
            }
            None => {
                let workspace = Workspace::new();
                let mut stored = StoredDocument::new(actor.clone());
                document::write_value(&mut stored.doc, &workspace, "create workspace", 0)?;
                stored.save_changes(&store, &new_workspace_id).await?;
                store
                    .save(
                        &workspace_pointer_key(),
                        new_workspace_id.to_string().as_bytes(),
                    )
                    .await?;
                (new_workspace_id, workspace, stored)
            }
        };

        let mut registry = Self {
            store,
            actor,
            workspace_id,
            workspace,
            workspace_document,
            partners: BTreeMap::new(),
            unreadable: Vec::new(),
            incoming: BTreeMap::new(),
            team_workspace: None,
        };
        let entries: Vec<String> = registry.workspace.partners.keys().cloned().collect();
        for text in entries {
            match registry.open_partner(&text).await {
                Ok((id, record)) => {
                    registry.partners.insert(id, record);
                }
                Err(PartnerOpenError::Store(error)) => return Err(error.into()),
                Err(PartnerOpenError::Missing(id)) => {
                    registry
                        .incoming
                        .insert(id, StoredDocument::new(registry.actor.clone()));
                }
                Err(PartnerOpenError::Unreadable(reason)) => {
                    registry
                        .unreadable
                        .push(UnreadableDocument { id: text, reason });
                }
            }
        }
        Ok(registry)
    }

    async fn open_partner(
        &self,
        text: &str,
    ) -> Result<(DocumentId, PartnerRecord), PartnerOpenError> {
        let id: DocumentId = text.parse().map_err(|error| {
            PartnerOpenError::Unreadable(format!(
                "the id in the workspace index is damaged ({error})"
            ))
        })?;
        let mut stored = match StoredDocument::load(&self.store, &id, self.actor.clone())
            .await
            .map_err(PartnerOpenError::Store)?
        {
            Ok(stored) => stored,
            Err(LoadProblem::Missing) => return Err(PartnerOpenError::Missing(id)),
            Err(problem) => return Err(PartnerOpenError::Unreadable(problem.to_string())),
        };
        let partner: Partner = autosurgeon::hydrate(&stored.doc).map_err(|error| {
            PartnerOpenError::Unreadable(format!(
                "it does not have the shape of a partner record ({error})"
            ))
        })?;
        if partner.schema_version > PARTNER_SCHEMA_VERSION {
            return Err(PartnerOpenError::Unreadable(format!(
                "it was written by a newer Partnero (schema {}); update the app",
                partner.schema_version
            )));
        }
        stored.doc.set_actor(self.actor.clone());
        Ok((id, PartnerRecord { partner, stored }))
    }

    /// The store behind the registry, shared with the file store (`crate::files`).
    pub fn store(&self) -> &S {
        &self.store
    }

    /// The id of this device's workspace document.
    pub fn workspace_id(&self) -> DocumentId {
        self.workspace_id
    }

    /// Documents listed in the workspace that could not be opened.
    pub fn unreadable(&self) -> &[UnreadableDocument] {
        &self.unreadable
    }

    /// One open partner.
    pub fn partner(&self, id: &DocumentId) -> Option<&Partner> {
        self.partners.get(id).map(|record| &record.partner)
    }

    /// Every open partner, in id order.
    pub fn partners(&self) -> impl Iterator<Item = (DocumentId, &Partner)> {
        self.partners
            .iter()
            .map(|(id, record)| (*id, &record.partner))
    }

    /// The Automerge document behind a partner, for tests and, later, sync.
    pub fn partner_document(&self, id: &DocumentId) -> Option<&AutoCommit> {
        self.partners.get(id).map(|record| &record.stored.doc)
    }

    /// The suppliers that list `client` among the clients they supply, in id order.
    pub fn suppliers_of(&self, client: &DocumentId) -> Vec<DocumentId> {
        let key = client.to_string();
        self.partners
            .iter()
            .filter(|(_, record)| record.partner.clients.contains_key(&key))
            .map(|(id, _)| *id)
            .collect()
    }

    /// Registers a new partner under `id` (fresh random bytes from the caller). The partner
    /// document is stored before the workspace index names it.
    pub async fn create_partner(
        &mut self,
        id: DocumentId,
        profile: PartnerProfile,
        now_ms: i64,
    ) -> Result<(), RegistryError> {
        if self.partners.contains_key(&id) || self.workspace.partners.contains_key(&id.to_string())
        {
            return Err(RegistryError::PartnerExists(id));
        }
        let partner = Partner::new(profile, now_ms);
        let mut stored = StoredDocument::new(self.actor.clone());
        document::write_value(&mut stored.doc, &partner, "register partner", now_ms)?;
        stored.save_changes(&self.store, &id).await?;

        let mut workspace = self.workspace.clone();
        workspace.partners.insert(
            id.to_string(),
            PartnerEntry {
                added_at_ms: now_ms,
            },
        );
        let mut workspace_document = self.workspace_document.clone();
        document::write_value(
            &mut workspace_document.doc,
            &workspace,
            "add partner to index",
            now_ms,
        )?;
        workspace_document
            .save_changes(&self.store, &self.workspace_id)
            .await?;

        self.workspace = workspace;
        self.workspace_document = workspace_document;
        let partner = document::read_value(&stored.doc)?;
        self.partners.insert(id, PartnerRecord { partner, stored });
        Ok(())
    }

    /// Replaces the editable profile of a partner; status, links and history stay.
    pub async fn update_profile(
        &mut self,
        id: &DocumentId,
        profile: PartnerProfile,
        now_ms: i64,
    ) -> Result<(), RegistryError> {
        self.edit_partner(id, "edit profile", now_ms, |partner| {
            partner.profile = profile;
            Ok(())
        })
        .await
    }

    /// Archives or restores a partner.
    pub async fn set_status(
        &mut self,
        id: &DocumentId,
        status: PartnerStatus,
        now_ms: i64,
    ) -> Result<(), RegistryError> {
        let message = match status {
            PartnerStatus::Active => "restore",
            PartnerStatus::Archived => "archive",
        };
        self.edit_partner(id, message, now_ms, |partner| {
            partner.status = status;
            Ok(())
        })
        .await
    }

    /// Records that `supplier` supplies `client`. Both must be open; the supplier must be a
    /// supplier (or both) and the client a client (or both).
    pub async fn link(
        &mut self,
        supplier: &DocumentId,
        client: &DocumentId,
        now_ms: i64,
    ) -> Result<(), RegistryError> {
        if supplier == client {
            return Err(RegistryError::InvalidLink(
                "a partner cannot supply itself".into(),
            ));
        }
        let client_partner = self
            .partner(client)
            .ok_or(RegistryError::PartnerNotFound(*client))?;
        if !client_partner.profile.kind.is_client() {
            return Err(RegistryError::InvalidLink(format!(
                "{} is not a client",
                client_partner.display_name()
            )));
        }
        let key = client.to_string();
        self.edit_partner(supplier, "link client", now_ms, |partner| {
            if !partner.profile.kind.is_supplier() {
                return Err(RegistryError::InvalidLink(format!(
                    "{} is not a supplier",
                    partner.display_name()
                )));
            }
            partner.clients.insert(
                key,
                ClientLink {
                    linked_at_ms: now_ms,
                },
            );
            Ok(())
        })
        .await
    }

    /// Removes the link from `supplier` to `client` (and to records merged into it); unlinking
    /// what is not linked is a no-op.
    pub async fn unlink(
        &mut self,
        supplier: &DocumentId,
        client: &DocumentId,
        now_ms: i64,
    ) -> Result<(), RegistryError> {
        let target = self.resolve_merged(client);
        let keys: Vec<String> = self
            .partner(supplier)
            .ok_or(RegistryError::PartnerNotFound(*supplier))?
            .clients
            .keys()
            .filter(|key| {
                key.parse::<DocumentId>()
                    .is_ok_and(|linked| linked == *client || self.resolve_merged(&linked) == target)
            })
            .cloned()
            .collect();
        if keys.is_empty() {
            return Ok(());
        }
        self.edit_partner(supplier, "unlink client", now_ms, |partner| {
            for key in &keys {
                partner.clients.remove(key);
            }
            Ok(())
        })
        .await
    }

    /// Fields of a partner changed concurrently on two devices, with all their values.
    pub fn conflicts(&self, id: &DocumentId) -> Vec<FieldConflict> {
        self.partners
            .get(id)
            .map(|record| find_conflicts(&record.stored.doc))
            .unwrap_or_default()
    }

    /// Keeps `value` for a conflicting field, written as a new change so every device sees the
    /// conflict resolved and history keeps both earlier values.
    pub async fn resolve_conflict(
        &mut self,
        id: &DocumentId,
        path: &[PathStep],
        value: automerge::ScalarValue,
        now_ms: i64,
    ) -> Result<(), RegistryError> {
        let record = self
            .partners
            .get(id)
            .ok_or(RegistryError::PartnerNotFound(*id))?;
        let mut stored = record.stored.clone();
        conflicts::choose_value(&mut stored.doc, path, value).map_err(RegistryError::Document)?;
        stored.doc.commit_with(
            automerge::transaction::CommitOptions::default()
                .with_message("resolve conflict")
                .with_time(now_ms / 1000),
        );
        stored.save_changes(&self.store, id).await?;
        let partner = document::read_value(&stored.doc)?;
        self.partners.insert(*id, PartnerRecord { partner, stored });
        Ok(())
    }

    /// Applies `edit` to a copy of the partner, stores the change, then swaps the copy in.
    async fn edit_partner(
        &mut self,
        id: &DocumentId,
        message: &str,
        now_ms: i64,
        edit: impl FnOnce(&mut Partner) -> Result<(), RegistryError>,
    ) -> Result<(), RegistryError> {
        let record = self
            .partners
            .get(id)
            .ok_or(RegistryError::PartnerNotFound(*id))?;
        let mut partner = record.partner.clone();
        edit(&mut partner)?;
        if partner == record.partner {
            return Ok(());
        }
        partner.updated_at_ms = now_ms;
        let mut stored = record.stored.clone();
        document::write_value(&mut stored.doc, &partner, message, now_ms)?;
        stored.save_changes(&self.store, id).await?;
        let partner = document::read_value(&stored.doc)?;
        self.partners.insert(*id, PartnerRecord { partner, stored });
        Ok(())
    }
}

/// Opening one partner either hits a storage failure (fatal: storage is unusable) or finds the
/// document unreadable (that document is listed, the others open).
enum PartnerOpenError {
    Store(StoreError),
    Unreadable(String),
    /// Listed in the index but not stored here yet: it is fetched from the server.
    Missing(DocumentId),
}
