//! The partner registry of one device: opens the workspace and partner documents from a
//! [`Store`], applies edits, and writes each edit back before reporting success.
//!
//! Every edit is made on a copy of the document and stored (as an incremental chunk, or a
//! compacted snapshot every [`COMPACT_AFTER_CHUNKS`] chunks) before the copy replaces the
//! in-memory state, so a failed write leaves both storage and memory as they were and the UI
//! never calls an unsaved edit saved. A document that cannot be loaded is listed in
//! [`Registry::unreadable`] instead of stopping the others from opening.
//!
//! Start-up reads partners from a cache of their values (see `cache.rs`) and loads a partner's
//! document only when it is opened, edited or synced ([`Registry::ensure_loaded`]); the cache is
//! checked against the stored documents by [`Registry::stale_documents`].
//!
//! Pure: time, the actor id and new document ids come in as arguments.

mod assemble;
pub mod cache;
mod classification;
mod companion;
mod conflicts;
mod document;
pub mod history;
mod merge;
mod portal;
mod quality;
mod remote;
mod settings;
mod workspace;

use std::collections::{BTreeMap, BTreeSet};

use automerge::{ActorId, AutoCommit};

use crate::model::{
    ChangeRefusal, ClientLink, DocumentId, Partner, PartnerEntry, PartnerProfile, PartnerStatus,
    RefusalArg, Workspace, PARTNER_SCHEMA_VERSION, WORKSPACE_SCHEMA_VERSION,
};
use crate::store::{workspace_pointer_key, Store, StoreError};
use document::{LoadProblem, StoredDocument};

pub use assemble::assemble;
pub use companion::{companion_id, new_companion_document, Companion, CompanionKind};
pub use conflicts::{choose_value, display_value, find_conflicts, FieldConflict, PathStep};
pub use document::COMPACT_AFTER_CHUNKS;
pub use merge::{differing_fields, merge_profiles, MergeField, MergeSide};
pub use remote::RemoteOutcome;
pub use settings::new_settings_document;

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
    #[error("the document could not be updated: {0}")]
    Document(String),
    /// A change the core refused (unknown term, a category moved under itself, a link to a
    /// partner that is not a client, …), worded by the interface from its data.
    #[error("{0}")]
    Refused(#[from] ChangeRefusal),
    /// A change refused with a sentence the caller wrote: the interface's own checks, passed
    /// in closures to `change_settings`, `edit_finance` and `edit_activity`, already in the
    /// person's language, so shown as they are.
    #[error("{0}")]
    InvalidChange(String),
}

impl RegistryError {
    /// The Fluent message that words this error in the interface's language
    /// (`locales/*/registry.ftl`), or `None` for [`RegistryError::InvalidChange`], whose
    /// sentence is shown as it is.
    pub fn key(&self) -> Option<&'static str> {
        Some(match self {
            RegistryError::Store(error) => error.key(),
            RegistryError::WorkspaceUnreadable { .. } => "registry-workspace-unreadable",
            RegistryError::PartnerNotFound(_) => "registry-partner-not-found",
            RegistryError::PartnerExists(_) => "registry-partner-exists",
            RegistryError::Document(_) => "registry-document",
            RegistryError::Refused(refusal) => refusal.key(),
            RegistryError::InvalidChange(_) => return None,
        })
    }

    /// The message's variables. Technical details (the storage's or Automerge's own words, a
    /// document id) are arguments, as they were written.
    pub fn args(&self) -> Vec<(&'static str, RefusalArg)> {
        let text = |value: &str| RefusalArg::Text(value.to_owned());
        match self {
            RegistryError::Store(error) => (error.args().into_iter())
                .map(|(name, value)| (name, RefusalArg::Text(value)))
                .collect(),
            RegistryError::WorkspaceUnreadable { id, reason } => {
                vec![("id", text(id)), ("reason", text(reason))]
            }
            RegistryError::PartnerNotFound(id) | RegistryError::PartnerExists(id) => {
                vec![("id", text(&id.to_string()))]
            }
            RegistryError::Document(detail) => vec![("detail", text(detail))],
            RegistryError::Refused(refusal) => refusal.args(),
            RegistryError::InvalidChange(_) => Vec::new(),
        }
    }

    /// One of every kind whose message is not a [`ChangeRefusal`]'s (those are in
    /// [`ChangeRefusal::examples`]), for the i18n tests.
    pub fn examples() -> Vec<RegistryError> {
        let id = DocumentId::from_random_bytes([7; 16]);
        vec![
            RegistryError::Store(StoreError {
                action: "save chunk 3vQ8b2/incremental/ab12".into(),
                reason: "UnknownError: the database connection is closing".into(),
            }),
            RegistryError::Store(StoreError {
                action: "save chunk 3vQ8b2/incremental/ab12".into(),
                reason: "QuotaExceededError: the quota has been exceeded".into(),
            }),
            RegistryError::WorkspaceUnreadable {
                id: "3vQ8b2".into(),
                reason: "the stored workspace id is damaged".into(),
            },
            RegistryError::PartnerNotFound(id),
            RegistryError::PartnerExists(id),
            RegistryError::Document("a portal document holds something else".into()),
        ]
    }
}

/// A stored document that could not be opened, named so the user can report it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadableDocument {
    /// The document id as stored in the workspace index.
    pub id: String,
    /// What went wrong, in a sentence.
    pub reason: String,
}

/// One document the registry holds: its hydrated value and, once loaded, the document.
#[derive(Debug, Clone)]
struct Record<T> {
    value: T,
    /// `None` while the value is known only from the start-up cache.
    stored: Option<StoredDocument>,
    /// The cache entry's fingerprint and unsent flag, for a record not loaded yet.
    cached_fingerprint: u64,
    cached_unsent: bool,
}

/// A partner's record.
type PartnerRecord = Record<Partner>;

impl<T: Clone> Record<T> {
    fn loaded(value: T, stored: StoredDocument) -> Self {
        Self {
            value,
            stored: Some(stored),
            cached_fingerprint: 0,
            cached_unsent: false,
        }
    }

    fn from_cache(value: T, entry_fingerprint: u64, entry_unsent: bool) -> Self {
        Self {
            value,
            stored: None,
            cached_fingerprint: entry_fingerprint,
            cached_unsent: entry_unsent,
        }
    }

    fn fingerprint(&self) -> u64 {
        self.stored
            .as_ref()
            .map_or(self.cached_fingerprint, StoredDocument::fingerprint)
    }

    fn unsent(&self) -> bool {
        self.stored
            .as_ref()
            .map_or(self.cached_unsent, StoredDocument::has_unsent)
    }

    fn cache_entry(&self, id: &DocumentId, value: cache::CachedValue) -> cache::CacheEntry {
        cache::CacheEntry {
            id: *id.as_bytes(),
            fingerprint: self.fingerprint(),
            unsent: self.unsent(),
            value,
        }
    }
}

/// The registry of one device, over any [`Store`].
pub struct Registry<S: Store> {
    store: S,
    /// The actor id this session writes changes with. One per session, never shared between two
    /// open registries, because two writers with one actor id would corrupt the change log.
    actor: ActorId,
    workspace_id: DocumentId,
    workspace: Workspace,
    /// `None` while the workspace is known only from the start-up cache (see `workspace.rs`).
    workspace_document: Option<StoredDocument>,
    /// The cached workspace's fingerprint and unsent flag, while its document is not loaded.
    workspace_cached: (u64, bool),
    /// The cached workspace is out of date.
    workspace_cache_dirty: bool,
    partners: BTreeMap<DocumentId, PartnerRecord>,
    /// The bank accounts and notes partner documents hold themselves, where an earlier version
    /// left them: each record's value shows its companions' instead (see `assemble.rs`).
    own_parts: BTreeMap<DocumentId, assemble::OwnParts>,
    unreadable: Vec<UnreadableDocument>,
    /// Documents being fetched from the server that are not (yet) a readable partner, or the
    /// team's workspace before this device adopted it. See `remote.rs`.
    incoming: BTreeMap<DocumentId, StoredDocument>,
    /// Cache buckets whose stored copy is out of date (see `cache.rs`).
    cache_dirty: BTreeSet<u8>,
    /// Partners' finance, activity and portal documents (see `companion.rs`).
    companions: BTreeMap<DocumentId, Record<Companion>>,
    /// The team's settings document once the workspace names it and it is on this device
    /// (see `settings.rs`); its value is shown as `workspace.settings`.
    settings: Option<settings::SettingsRecord>,
    /// The team's workspace document, once signed in. While it differs from `workspace_id`
    /// this device still uses its local workspace and merges it in when the team's arrives.
    team_workspace: Option<DocumentId>,
    /// Who makes this session's changes and on which device, written into each change's
    /// message so the record's history can name them (see `history.rs`).
    by: Option<String>,
    device: Option<String>,
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
        let (workspace_id, workspace, workspace_document, workspace_cached) = match pointer {
            Some(bytes) => {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let id: DocumentId =
                    text.parse()
                        .map_err(|error| RegistryError::WorkspaceUnreadable {
                            id: text.clone(),
                            reason: format!("the stored workspace id is damaged ({error})"),
                        })?;
                // From the cache when it has this workspace (its document, a hundred thousand
                // index entries at 100,000 partners, then loads when first needed).
                match store.load(&cache::workspace_key()).await? {
                    Some(bytes) => match cache::decode_workspace(&bytes) {
                        Ok(cached)
                            if cached.id == *id.as_bytes()
                                && cached.workspace.schema_version <= WORKSPACE_SCHEMA_VERSION =>
                        {
                            (
                                id,
                                cached.workspace,
                                None,
                                (cached.fingerprint, cached.unsent),
                            )
                        }
                        _ => {
                            let (workspace, stored) =
                                workspace::load_document(&store, &id, &actor).await?;
                            (id, workspace, Some(stored), (0, true))
                        }
                    },
                    None => {
                        let (workspace, stored) =
                            workspace::load_document(&store, &id, &actor).await?;
                        (id, workspace, Some(stored), (0, true))
                    }
                }
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
                (new_workspace_id, workspace, Some(stored), (0, true))
            }
        };
        let write_workspace_cache = workspace_document.is_some();

        let mut registry = Self {
            store,
            actor,
            workspace_id,
            workspace,
            workspace_document,
            workspace_cached,
            workspace_cache_dirty: write_workspace_cache,
            partners: BTreeMap::new(),
            own_parts: BTreeMap::new(),
            unreadable: Vec::new(),
            incoming: BTreeMap::new(),
            cache_dirty: BTreeSet::new(),
            companions: BTreeMap::new(),
            settings: None,
            team_workspace: None,
            by: None,
            device: None,
        };
        let mut cached =
            cache::decode_all(&registry.store.load_range(&cache::buckets_prefix()).await?);
        // Cached partners go in in id order: appending to a B-tree moves nothing, while
        // inserting in the index's (text) order shifted large values within its nodes.
        let mut listed = Vec::with_capacity(registry.workspace.partners.len());
        let mut to_open = Vec::new();
        for text in registry.workspace.partners.keys() {
            match text.parse::<DocumentId>() {
                Ok(id) => listed.push(id),
                Err(_) => to_open.push(text.clone()),
            }
        }
        listed.sort_unstable();
        for id in listed {
            match cached.remove(&id) {
                Some(cache::CacheEntry {
                    fingerprint,
                    unsent,
                    value: cache::CachedValue::Partner(partner),
                    ..
                }) => {
                    (registry.partners)
                        .insert(id, Record::from_cache(partner, fingerprint, unsent));
                }
                _ => to_open.push(id.to_string()),
            }
        }
        for text in to_open {
            match registry.open_partner(&text).await {
                Ok((id, record)) => {
                    registry.cache_dirty.insert(cache::bucket_of(&id));
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
        registry.open_companions(&mut cached).await?;
        registry.keep_cached_portals(&mut cached);
        registry.assemble_all();
        // Small, so always loaded: the cached workspace already shows its value, this only
        // makes it ready to sync and to write (and corrects a cache that was behind).
        registry.open_settings_document().await?;
        // Entries of documents no longer in the index (a sign-out, a test) are dropped.
        for id in cached.keys() {
            registry.cache_dirty.insert(cache::bucket_of(id));
        }
        registry.flush_cache().await?;
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
        Ok((id, PartnerRecord::loaded(partner, stored)))
    }

    /// Loads the documents of these partners where only their cached value is known, so they
    /// can be edited, synced or checked for conflicts. Returns the partners whose value changed
    /// on the way (the cache was behind their document) or that turned out unreadable.
    pub async fn ensure_loaded(
        &mut self,
        ids: &[DocumentId],
    ) -> Result<Vec<DocumentId>, RegistryError> {
        let mut changed = Vec::new();
        for id in ids {
            let Some(record) = self.partners.get(id) else {
                continue;
            };
            if record.stored.is_some() {
                continue;
            }
            let cached_fingerprint = record.cached_fingerprint;
            // Compared with the value shown, so assembled the same way (see `assemble.rs`).
            let mut own = None;
            let outcome = self
                .open_partner(&id.to_string())
                .await
                .map(|(_, mut loaded)| {
                    own = self.shown_from_own(id, &mut loaded.value);
                    loaded
                });
            let Self {
                partners,
                cache_dirty,
                incoming,
                unreadable,
                actor,
                ..
            } = self;
            let mut sinks = LoadSinks {
                cache_dirty,
                incoming,
                unreadable,
                actor,
            };
            if settle_load(partners, id, cached_fingerprint, outcome, &mut sinks)? {
                changed.push(*id);
            }
            match own {
                Some(own) if self.partners.contains_key(id) => self.own_parts.insert(*id, own),
                _ => self.own_parts.remove(id),
            };
        }
        changed.extend(self.ensure_companions_loaded(ids).await?);
        for partner in self.reassemble_for(ids) {
            if !changed.contains(&partner) {
                changed.push(partner);
            }
        }
        if ids.contains(&self.workspace_id) {
            changed.extend(self.ensure_workspace_loaded().await?);
        }
        Ok(changed)
    }

    /// The fingerprint of a partner's stored document as this registry knows it (see
    /// `cache.rs`), mixed with those of its banking and activity documents (which hold part
    /// of the partner as shown): what the stored search index is checked against.
    pub fn partner_fingerprint(&self, id: &DocumentId) -> Option<u64> {
        let record = self.partners.get(id)?;
        Some(self.assembled_fingerprint(id, record.fingerprint()))
    }

    /// Any loaded document of this registry (a partner, a finance or activity document, the
    /// workspace), for tests and diagnostics.
    pub fn document(&self, id: &DocumentId) -> Option<&AutoCommit> {
        if *id == self.workspace_id {
            return self.workspace_document.as_ref().map(|stored| &stored.doc);
        }
        if let Some(record) = self.settings.as_ref().filter(|record| record.id == *id) {
            return Some(&record.stored.doc);
        }
        self.partner_document(id).or_else(|| {
            self.companions
                .get(id)
                .and_then(|record| record.stored.as_ref())
                .map(|stored| &stored.doc)
        })
    }

    /// Every partner with its fingerprint (as [`Registry::partner_fingerprint`]), in id order.
    pub fn partner_fingerprints(&self) -> impl Iterator<Item = (DocumentId, u64)> + '_ {
        let mixed = self.companion_fingerprints();
        self.partners.iter().map(move |(id, record)| {
            let base = record.fingerprint();
            let fingerprint = match mixed.get(id) {
                // Already mixed (`companion_fingerprints`): XOR keeps it equal to
                // `partner_fingerprint`'s, in any order.
                Some(companions) => base ^ companions,
                None => base,
            };
            (*id, fingerprint)
        })
    }

    /// Whether a partner's document is loaded (for tests and the UI's "opening" state).
    pub fn is_loaded(&self, id: &DocumentId) -> bool {
        self.partners
            .get(id)
            .is_some_and(|record| record.stored.is_some())
    }

    /// How many partner documents are loaded.
    pub fn loaded_count(&self) -> usize {
        self.partners
            .values()
            .filter(|record| record.stored.is_some())
            .count()
    }

    /// Partners known from the cache whose entry no longer matches the stored document (its
    /// chunks changed since the entry was written), found from a listing of the store's keys
    /// without reading any document. Load them with [`Registry::ensure_loaded`].
    pub async fn stale_documents(&self) -> Result<Vec<DocumentId>, RegistryError> {
        let stored = cache::fingerprints_of_listing(&self.store.load_keys(&[]).await?);
        let stale = |(id, loaded, fingerprint): (&DocumentId, bool, u64)| {
            (!loaded && stored.get(id) != Some(&fingerprint)).then_some(*id)
        };
        Ok((self.partners.iter())
            .map(|(id, record)| (id, record.stored.is_some(), record.cached_fingerprint))
            .chain(
                (self.companions.iter())
                    .map(|(id, record)| (id, record.stored.is_some(), record.cached_fingerprint)),
            )
            .chain([(
                &self.workspace_id,
                self.workspace_document.is_some(),
                self.workspace_cached.0,
            )])
            .filter_map(stale)
            .collect())
    }

    /// Partners known from the cache whose documents had changes the server was not known to
    /// have: the sync session loads them before it starts.
    pub fn unsent_not_loaded(&self) -> Vec<DocumentId> {
        (self.partners.iter())
            .map(|(id, record)| (id, record.stored.is_none() && record.cached_unsent))
            .chain(
                (self.companions.iter())
                    .map(|(id, record)| (id, record.stored.is_none() && record.cached_unsent)),
            )
            .chain([(
                &self.workspace_id,
                self.workspace_document.is_none() && self.workspace_cached.1,
            )])
            .filter_map(|(id, waiting)| waiting.then_some(*id))
            .collect()
    }

    /// Whether this device changed a document (a partner, a companion, the workspace) in ways
    /// the server is not known to have. A document still being fetched has none.
    pub fn has_unsent_changes(&self, id: &DocumentId) -> bool {
        if *id == self.workspace_id {
            return self.workspace_state().1;
        }
        if let Some(record) = self.partners.get(id) {
            return record.unsent();
        }
        if let Some(record) = self.settings.as_ref().filter(|record| record.id == *id) {
            return record.stored.has_unsent();
        }
        self.companions.get(id).is_some_and(Record::unsent)
    }

    /// Gives up this device's changes to a document that the server refused (and always will:
    /// the user may not write it), so that it stops being offered and the server's version
    /// comes back.
    ///
    /// A partner or companion document is removed from the store (its chunks and sync state)
    /// and from memory, and waits in `incoming` like a listed document not fetched yet: the
    /// next sync session fetches it whole. A registry opened on the store afterwards finds it
    /// missing and fetches it too.
    ///
    /// The workspace cannot be missing (everything hangs off it), so it is put back to the
    /// state this device last shared with the server and stored as that; the next sync brings
    /// what the server has beyond it. This needs the workspace to have been synced once.
    ///
    /// The sync session's in-memory state for the document must be dropped too (a new session
    /// starts from the store), or it would go on believing it had sent the changes.
    pub async fn discard_local_changes(&mut self, id: &DocumentId) -> Result<(), RegistryError> {
        if *id == self.workspace_id {
            return self.rewind_workspace_to_server().await;
        }
        let text = id.to_string();
        let settings = self.settings_document_id() == Some(*id);
        let known = settings
            || self.partners.contains_key(id)
            || self.companions.contains_key(id)
            || self.incoming.contains_key(id)
            || self.unreadable.iter().any(|document| document.id == text);
        if !known {
            return Err(ChangeRefusal::NoSuchDocument { id: text }.into());
        }
        // Storage first: if it fails, memory still says what is stored.
        self.store.remove_range(std::slice::from_ref(&text)).await?;
        let assembled_partner = self.assembled_partner_of(id);
        self.partners.remove(id);
        self.companions.remove(id);
        self.own_parts.remove(id);
        if let Some(partner) = assembled_partner {
            // Its bank accounts or notes are shown from the partner document until the
            // server's version of the companion arrives.
            self.reassemble(&partner);
        }
        if settings {
            // The settings shown stay as they were until the server's version arrives.
            self.settings = None;
        }
        self.unreadable.retain(|document| document.id != text);
        self.incoming
            .insert(*id, StoredDocument::new(self.actor.clone()));
        self.cache_dirty.insert(cache::bucket_of(id));
        self.flush_cache().await
    }

    /// The workspace as it was when last shared with the server, stored in place of the
    /// document with this device's later changes (see [`Registry::discard_local_changes`]).
    async fn rewind_workspace_to_server(&mut self) -> Result<(), RegistryError> {
        self.ensure_workspace_loaded().await?;
        let Some(stored) = &self.workspace_document else {
            return Err(RegistryError::Document(
                "the workspace document is not loaded".into(),
            ));
        };
        let shared = stored.server_heads.clone();
        if shared.is_empty() {
            return Err(ChangeRefusal::WorkspaceNeverSynced.into());
        }
        let mut past = stored
            .doc
            .clone()
            .fork_at(&shared)
            .map_err(|error| RegistryError::Document(error.to_string()))?;
        let mut workspace: Workspace = document::read_value(&past)?;
        self.overlay_settings(&mut workspace);
        past.set_actor(self.actor.clone());
        let mut rewound = StoredDocument::new(self.actor.clone());
        rewound.doc = past;
        rewound.server_heads = shared;
        // The new chunk (the whole document, as the first save of a document is) is written
        // before the old ones go: a crash in between leaves the old document, changes and
        // all, readable, never nothing. The sync state stays as it is.
        let new_key = crate::store::chunk_key(&self.workspace_id, &rewound.doc.save_after(&[]));
        let old_keys = self
            .store
            .load_keys(&[self.workspace_id.to_string()])
            .await?;
        rewound
            .save_changes(&self.store, &self.workspace_id)
            .await?;
        for key in old_keys {
            if key != new_key && !crate::store::is_sync_state_key(&key) {
                self.store.remove(&key).await?;
            }
        }
        self.workspace = workspace;
        self.workspace_document = Some(rewound);
        self.workspace_cache_dirty = true;
        self.flush_workspace_cache().await?;
        Ok(())
    }

    /// How many cache buckets wait to be written.
    pub fn cache_dirty_count(&self) -> usize {
        self.cache_dirty.len() + usize::from(self.workspace_cache_dirty)
    }

    /// Writes the cache buckets that are out of date.
    pub async fn flush_cache(&mut self) -> Result<(), RegistryError> {
        while let Some(&bucket) = self.cache_dirty.first() {
            // Ids sort by their bytes, so a bucket (first byte) is one range of the map.
            let mut low = [0u8; 16];
            let mut high = [0xffu8; 16];
            low[0] = bucket;
            high[0] = bucket;
            let range = DocumentId::from_random_bytes(low)..=DocumentId::from_random_bytes(high);
            // Partners are cached as their documents' own values (see `assemble.rs`).
            let entries: Vec<cache::CacheEntry> = (self.partners.range(range.clone()))
                .map(|(id, record)| {
                    let own = assemble::own_value_of(&record.value, self.own_parts.get(id));
                    record.cache_entry(id, cache::CachedValue::Partner(own))
                })
                .chain(self.companions.range(range).map(|(id, record)| {
                    record.cache_entry(id, cache::CachedValue::from(record.value.clone()))
                }))
                .collect();
            let key = cache::bucket_key(bucket);
            if entries.is_empty() {
                self.store.remove(&key).await?;
            } else {
                self.store
                    .save(&key, &cache::encode_bucket(entries))
                    .await?;
            }
            self.cache_dirty.remove(&bucket);
        }
        self.flush_workspace_cache().await?;
        Ok(())
    }

    /// Names who makes this session's changes and on which device (a user's name or email and,
    /// say, "Chrome on Android"); `None` before sign-in or when unknown.
    pub fn set_attribution(&mut self, by: Option<String>, device: Option<String>) {
        self.by = by;
        self.device = device;
    }

    /// A change message with this session's attribution.
    fn stamped(&self, action: &str) -> String {
        history::stamp(action, self.by.as_deref(), self.device.as_deref())
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

    /// One open partner, as shown: with the bank accounts and notes of its banking and
    /// activity documents (see `assemble.rs`).
    pub fn partner(&self, id: &DocumentId) -> Option<&Partner> {
        self.partners.get(id).map(|record| &record.value)
    }

    /// Every open partner as shown, in id order.
    pub fn partners(&self) -> impl Iterator<Item = (DocumentId, &Partner)> {
        (self.partners.iter()).map(|(id, record)| (*id, &record.value))
    }

    /// The Automerge document behind a partner, once loaded (see [`Registry::ensure_loaded`]).
    pub fn partner_document(&self, id: &DocumentId) -> Option<&AutoCommit> {
        self.partners
            .get(id)
            .and_then(|record| record.stored.as_ref())
            .map(|stored| &stored.doc)
    }

    /// The suppliers that list `client` among the clients they supply, in id order.
    pub fn suppliers_of(&self, client: &DocumentId) -> Vec<DocumentId> {
        let key = client.to_string();
        self.partners
            .iter()
            .filter(|(_, record)| record.value.clients.contains_key(&key))
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
        // The partner document without bank accounts and notes; they go to the banking and
        // activity documents below, once the partner is listed (see `assemble.rs`).
        let assembled = Partner::new(profile, now_ms);
        let mut partner = assembled.clone();
        partner.profile.bank_accounts.clear();
        partner.profile.notes.clear();
        let mut stored = StoredDocument::new(self.actor.clone());
        document::write_value(
            &mut stored.doc,
            &partner,
            &self.stamped("register partner"),
            now_ms,
        )?;
        stored.save_changes(&self.store, &id).await?;

        self.edit_workspace("add partner to index", now_ms, |workspace| {
            workspace.partners.insert(
                id.to_string(),
                PartnerEntry {
                    added_at_ms: now_ms,
                },
            );
        })
        .await?;
        let partner = document::read_value(&stored.doc)?;
        self.partners
            .insert(id, PartnerRecord::loaded(partner, stored));
        self.adopt_own_value(&id);
        self.cache_dirty.insert(cache::bucket_of(&id));
        self.flush_cache().await?;
        if assembled != self.partners[&id].value {
            let message = self.stamped("register partner");
            self.save_assembled(&id, &message, now_ms, assembled)
                .await?;
        }
        Ok(())
    }

    /// Registers many partners at once (an import, a benchmark's seed): each document is
    /// stored, then the workspace index names them all in one change. Their documents are not
    /// kept in memory (the cache holds their values), so 100,000 partners fit. Ids already in
    /// the registry are refused before anything is written.
    pub async fn create_partners(
        &mut self,
        partners: Vec<(DocumentId, PartnerProfile)>,
        now_ms: i64,
    ) -> Result<(), RegistryError> {
        for (id, _) in &partners {
            if self.partners.contains_key(id)
                || self.workspace.partners.contains_key(&id.to_string())
            {
                return Err(RegistryError::PartnerExists(*id));
            }
        }
        let message = self.stamped("register partner");
        let mut records = Vec::with_capacity(partners.len());
        // Banking and activity documents of the partners that have bank accounts or notes
        // (see `assemble.rs`), listed with the partners in the one workspace change.
        let mut companions = Vec::new();
        for (id, mut profile) in partners {
            let accounts = std::mem::take(&mut profile.bank_accounts);
            let notes = std::mem::take(&mut profile.notes);
            let partner = Partner::new(profile, now_ms);
            let mut stored = StoredDocument::new(self.actor.clone());
            document::write_value(&mut stored.doc, &partner, &message, now_ms)?;
            stored.save_changes(&self.store, &id).await?;
            let partner = document::read_value(&stored.doc)?;
            records.push((
                id,
                Record::from_cache(partner, stored.fingerprint(), stored.has_unsent()),
            ));
            let mut values = Vec::new();
            if !accounts.is_empty() {
                let mut banking = crate::model::PartnerBanking::new(id.to_string());
                banking.bank_accounts = accounts;
                values.push(Companion::Banking(banking));
            }
            if !notes.is_empty() {
                let mut activity = crate::model::PartnerActivity::new(id.to_string());
                activity.notes = notes;
                values.push(Companion::Activity(activity));
            }
            for value in values {
                let kind = value.kind();
                let (companion, stored) = companion::create_stored(
                    &self.store,
                    &self.actor,
                    &id,
                    value,
                    &message,
                    now_ms,
                )
                .await?;
                let value =
                    Companion::hydrate_kind(kind, &stored.doc).map_err(RegistryError::Document)?;
                companions.push((
                    id,
                    kind,
                    companion,
                    Record::from_cache(value, stored.fingerprint(), stored.has_unsent()),
                ));
            }
        }
        self.edit_workspace("add partners to index", now_ms, |workspace| {
            for (id, _) in &records {
                workspace.partners.insert(
                    id.to_string(),
                    PartnerEntry {
                        added_at_ms: now_ms,
                    },
                );
            }
            for (partner, kind, _, _) in &companions {
                kind.listing_mut(workspace)
                    .entry(partner.to_string())
                    .or_insert(crate::model::CompanionEntry {
                        added_at_ms: now_ms,
                    });
            }
        })
        .await?;
        for (id, record) in records {
            self.cache_dirty.insert(cache::bucket_of(&id));
            self.partners.insert(id, record);
        }
        for (partner, _, id, record) in companions {
            self.cache_dirty.insert(cache::bucket_of(&id));
            self.incoming.remove(&id);
            self.companions.insert(id, record);
            self.reassemble(&partner);
        }
        self.flush_cache().await
    }

    /// Replaces the editable profile of a partner; status, links and history stay. The bank
    /// accounts go to its banking document and the notes to its activity document, each only
    /// when they changed (see `assemble.rs`; [`Registry::assembly_documents`] names them).
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
        .map(drop)
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
        .map(drop)
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
            return Err(ChangeRefusal::SupplyItself.into());
        }
        let client_partner = self
            .partner(client)
            .ok_or(RegistryError::PartnerNotFound(*client))?;
        if !client_partner.profile.kind.is_client() {
            return Err(ChangeRefusal::NotAClient {
                name: client_partner.display_name().to_owned(),
            }
            .into());
        }
        let key = client.to_string();
        self.edit_partner(supplier, "link client", now_ms, |partner| {
            if !partner.profile.kind.is_supplier() {
                return Err(ChangeRefusal::NotASupplier {
                    name: partner.display_name().to_owned(),
                }
                .into());
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
        .map(drop)
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
        .map(drop)
    }

    /// The ids of the documents that make up a partner as shown: its own, then its banking
    /// and activity documents.
    fn shown_documents(id: &DocumentId) -> [DocumentId; 3] {
        [
            *id,
            companion_id(id, CompanionKind::Banking),
            companion_id(id, CompanionKind::Activity),
        ]
    }

    /// The history of a partner's record, newest first (its documents are loaded for it): the
    /// partner document's changes, and those of its banking document (as
    /// `profile.bank_accounts…`) and of the notes in its activity document (as
    /// `profile.notes`).
    pub async fn partner_history(
        &mut self,
        id: &DocumentId,
    ) -> Result<Vec<history::HistoryEntry>, RegistryError> {
        self.ensure_loaded(&Self::shown_documents(id)).await?;
        let mut doc = self
            .partner_document(id)
            .ok_or(RegistryError::PartnerNotFound(*id))?
            .clone();
        let mut entries = history::history(&mut doc);
        entries.extend(self.companion_history(id));
        // Stable: entries of one second keep each document's own order.
        entries.sort_by_key(|entry| std::cmp::Reverse(entry.at_ms));
        Ok(entries)
    }

    /// The record as it was just before change `hash` (`before`) or just after it: a change of
    /// its partner document (shown with today's bank accounts and notes) or of its banking or
    /// activity document (today's record with that document's values then).
    pub fn partner_around_change(
        &mut self,
        id: &DocumentId,
        hash: &str,
        before: bool,
    ) -> Result<Partner, RegistryError> {
        self.shown_around_change(id, hash, before, false)
    }

    /// Puts field `path` back to its value from just before change `hash`, as a new change:
    /// the history keeps both the change and its undoing.
    pub async fn restore_field(
        &mut self,
        id: &DocumentId,
        hash: &str,
        path: &str,
        now_ms: i64,
    ) -> Result<(), RegistryError> {
        self.ensure_loaded(&Self::shown_documents(id)).await?;
        // The partner document as it was (bank accounts and notes included, for a change made
        // before they moved), or today's record with the companion's values then: either way
        // the field is put back into the document that holds it now (`save_assembled`).
        let past = self.shown_around_change(id, hash, true, true)?;
        self.edit_partner(id, &format!("restore {path}"), now_ms, |partner| {
            *partner = history::restore_field(partner, &past, path)?;
            Ok(())
        })
        .await
        .map(drop)
    }

    /// Fields of a partner changed concurrently on two devices, with all their values. Known
    /// once its document is loaded: the cache keeps one value a field.
    pub fn conflicts(&self, id: &DocumentId) -> Vec<FieldConflict> {
        self.partner_document(id)
            .map(find_conflicts)
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
        let mut stored = self.loaded_document(id).await?.clone();
        conflicts::choose_value(&mut stored.doc, path, value).map_err(RegistryError::Document)?;
        stored.doc.commit_with(
            automerge::transaction::CommitOptions::default()
                .with_message(self.stamped("resolve conflict"))
                .with_time(now_ms / 1000),
        );
        self.store_edited(id, stored).await
    }

    /// Loads a partner's document if needed and returns it.
    async fn loaded_document(&mut self, id: &DocumentId) -> Result<&StoredDocument, RegistryError> {
        self.ensure_loaded(&[*id]).await?;
        self.partners
            .get(id)
            .and_then(|record| record.stored.as_ref())
            .ok_or(RegistryError::PartnerNotFound(*id))
    }

    /// Stores an edited copy of a partner's document, then swaps it in and rewrites its cache
    /// bucket. A failed document write changes nothing; a failed bucket write only leaves the
    /// cache behind, which start-up notices (`stale_documents`).
    async fn store_edited(
        &mut self,
        id: &DocumentId,
        mut stored: StoredDocument,
    ) -> Result<(), RegistryError> {
        stored.save_changes(&self.store, id).await?;
        let partner = document::read_value(&stored.doc)?;
        self.partners
            .insert(*id, PartnerRecord::loaded(partner, stored));
        self.adopt_own_value(id);
        self.cache_dirty.insert(cache::bucket_of(id));
        self.flush_cache().await
    }

    /// Applies `edit` to a copy of the partner as shown, stores the change (bank accounts and
    /// notes in their own documents, see `assemble.rs`), then swaps the copy in. Returns the
    /// documents written.
    async fn edit_partner(
        &mut self,
        id: &DocumentId,
        message: &str,
        now_ms: i64,
        edit: impl FnOnce(&mut Partner) -> Result<(), RegistryError>,
    ) -> Result<Vec<DocumentId>, RegistryError> {
        let message = self.stamped(message);
        self.edit_partner_with_message(id, &message, now_ms, edit)
            .await
    }

    /// [`Registry::edit_partner`] with the whole commit message given (attribution included),
    /// for a change this session makes on someone else's behalf (see `portal.rs`).
    async fn edit_partner_with_message(
        &mut self,
        id: &DocumentId,
        message: &str,
        now_ms: i64,
        edit: impl FnOnce(&mut Partner) -> Result<(), RegistryError>,
    ) -> Result<Vec<DocumentId>, RegistryError> {
        self.ensure_loaded(&Self::shown_documents(id)).await?;
        let loaded = (self.partners.get(id)).is_some_and(|record| record.stored.is_some());
        let Some(shown) = self.partner(id).filter(|_| loaded) else {
            return Err(RegistryError::PartnerNotFound(*id));
        };
        let mut partner = shown.clone();
        edit(&mut partner)?;
        if partner == *shown {
            return Ok(Vec::new());
        }
        partner.updated_at_ms = now_ms;
        self.save_assembled(id, message, now_ms, partner).await
    }
}

/// Where loading a cached record's document puts what it finds, besides the record itself.
struct LoadSinks<'a> {
    cache_dirty: &'a mut BTreeSet<u8>,
    incoming: &'a mut BTreeMap<DocumentId, StoredDocument>,
    unreadable: &'a mut Vec<UnreadableDocument>,
    actor: &'a ActorId,
}

/// Applies the outcome of loading the document of a record known from the cache (a partner or
/// a companion): the loaded record replaces it, and its cache bucket is rewritten when the
/// value or the stored form differ; a document no longer stored is fetched again; an
/// unreadable one is listed. Returns whether the value the UI shows changed.
fn settle_load<T: PartialEq + Clone>(
    records: &mut BTreeMap<DocumentId, Record<T>>,
    id: &DocumentId,
    cached_fingerprint: u64,
    outcome: Result<Record<T>, PartnerOpenError>,
    sinks: &mut LoadSinks<'_>,
) -> Result<bool, RegistryError> {
    match outcome {
        Ok(loaded) => {
            let Some(record) = records.get_mut(id) else {
                return Ok(false);
            };
            let changed = loaded.value != record.value;
            if changed || loaded.fingerprint() != cached_fingerprint {
                sinks.cache_dirty.insert(cache::bucket_of(id));
            }
            *record = loaded;
            Ok(changed)
        }
        Err(PartnerOpenError::Store(error)) => Err(error.into()),
        Err(PartnerOpenError::Missing(_)) => {
            // The cache named a document that is not stored (any more): fetch it.
            records.remove(id);
            sinks.cache_dirty.insert(cache::bucket_of(id));
            sinks
                .incoming
                .insert(*id, StoredDocument::new(sinks.actor.clone()));
            Ok(true)
        }
        Err(PartnerOpenError::Unreadable(reason)) => {
            records.remove(id);
            sinks.cache_dirty.insert(cache::bucket_of(id));
            sinks.unreadable.push(UnreadableDocument {
                id: id.to_string(),
                reason,
            });
            Ok(true)
        }
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
