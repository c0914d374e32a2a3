//! A partner's companion documents: its finance (invoices, payments, purchase orders), its
//! activity (interactions, reminders) and its portal (its contacts' proposals, the company's
//! requests), each an Automerge document of its own so that a role can be denied finance by
//! document (issue 7), a partner's contacts can write their portal without writing anything
//! else, and a busy ledger does not weigh on the partner record every device loads.
//!
//! - **Ids are derived** from the partner's id (`companion_id`), so any device can name a
//!   partner's finance document without a lookup, and the server can tell what a document is.
//!   The workspace lists the partners that have one (`Workspace::finance`, `::activity`,
//!   `::portals`), which is how other devices learn to fetch it. Devices list the finance and
//!   activity documents they create; portal documents are listed by the sync server only,
//!   when staff invite a contact (a contact cannot write the workspace, and a staff device
//!   listing one would race the server's entry for nothing).
//! - **The first change is the same everywhere.** Two devices may create a partner's finance
//!   document while offline. Each writes the initial value with the same actor (derived from
//!   the document id), at time 0, with the same message: the two first changes are byte for
//!   byte the same change, so the documents merge as if one device had created it. Without
//!   this, both would create the root maps and, after the merge, one device's invoices would
//!   sit in a hidden map. Every later change uses the session's own actor. The server creates
//!   portal documents with the same first change ([`new_companion_document`]).

use std::collections::BTreeMap;

use automerge::ActorId;
use sha2::{Digest, Sha256};

use super::cache::{self, CachedEntries, CachedValue};
use super::document::{self, LoadProblem, StoredDocument};
use super::{
    settle_load, LoadSinks, PartnerOpenError, Record, Registry, RegistryError, UnreadableDocument,
};
use crate::model::{
    CompanionEntry, DocumentId, PartnerActivity, PartnerBanking, PartnerFinance, PartnerPortal,
    Workspace, ACTIVITY_SCHEMA_VERSION, BANKING_SCHEMA_VERSION, FINANCE_SCHEMA_VERSION,
    PORTAL_SCHEMA_VERSION,
};
use crate::store::Store;

/// Which companion document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CompanionKind {
    Finance,
    /// The partner's bank accounts (shown in `profile.bank_accounts`, see `assemble.rs`).
    Banking,
    Activity,
    Portal,
}

impl CompanionKind {
    /// Every kind, in the order they are listed.
    pub const ALL: [CompanionKind; 4] = [
        CompanionKind::Finance,
        CompanionKind::Banking,
        CompanionKind::Activity,
        CompanionKind::Portal,
    ];

    /// The stable name, part of the derived document id: never change it.
    pub fn name(self) -> &'static str {
        match self {
            CompanionKind::Finance => "finance",
            CompanionKind::Banking => "banking",
            CompanionKind::Activity => "activity",
            CompanionKind::Portal => "portal",
        }
    }

    /// The workspace's list of partners with this kind of document.
    pub fn listing(self, workspace: &Workspace) -> &BTreeMap<String, CompanionEntry> {
        match self {
            CompanionKind::Finance => &workspace.finance,
            CompanionKind::Banking => &workspace.banking,
            CompanionKind::Activity => &workspace.activity,
            CompanionKind::Portal => &workspace.portals,
        }
    }

    pub(super) fn listing_mut(
        self,
        workspace: &mut Workspace,
    ) -> &mut BTreeMap<String, CompanionEntry> {
        match self {
            CompanionKind::Finance => &mut workspace.finance,
            CompanionKind::Banking => &mut workspace.banking,
            CompanionKind::Activity => &mut workspace.activity,
            CompanionKind::Portal => &mut workspace.portals,
        }
    }

    /// Whether a device that creates this kind of document lists it in the workspace: not
    /// portal documents, which only the sync server lists (see the module header).
    pub fn listed_by_devices(self) -> bool {
        !matches!(self, CompanionKind::Portal)
    }
}

/// The value of a companion document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Companion {
    Finance(PartnerFinance),
    Banking(PartnerBanking),
    Activity(PartnerActivity),
    Portal(PartnerPortal),
}

impl Companion {
    pub(super) fn new(kind: CompanionKind, partner: &DocumentId) -> Self {
        match kind {
            CompanionKind::Finance => Companion::Finance(PartnerFinance::new(partner.to_string())),
            CompanionKind::Banking => Companion::Banking(PartnerBanking::new(partner.to_string())),
            CompanionKind::Activity => {
                Companion::Activity(PartnerActivity::new(partner.to_string()))
            }
            CompanionKind::Portal => Companion::Portal(PartnerPortal::new(partner.to_string())),
        }
    }

    pub fn kind(&self) -> CompanionKind {
        match self {
            Companion::Finance(_) => CompanionKind::Finance,
            Companion::Banking(_) => CompanionKind::Banking,
            Companion::Activity(_) => CompanionKind::Activity,
            Companion::Portal(_) => CompanionKind::Portal,
        }
    }

    fn from_cached(value: CachedValue) -> Option<Self> {
        match value {
            CachedValue::Finance(finance) => Some(Companion::Finance(finance)),
            CachedValue::Banking(banking) => Some(Companion::Banking(banking)),
            CachedValue::Activity(activity) => Some(Companion::Activity(activity)),
            CachedValue::Portal(portal) => Some(Companion::Portal(portal)),
            CachedValue::Partner(_) => None,
        }
    }

    /// Reads a document as this kind of companion, or says why it is not one.
    pub(super) fn hydrate_kind(
        kind: CompanionKind,
        doc: &automerge::AutoCommit,
    ) -> Result<Self, String> {
        let shape = |error: autosurgeon::HydrateError| {
            format!(
                "it does not have the shape of a {} document ({error})",
                kind.name()
            )
        };
        let (value, version, newest) = match kind {
            CompanionKind::Finance => {
                let finance: PartnerFinance = autosurgeon::hydrate(doc).map_err(shape)?;
                let version = finance.schema_version;
                (Companion::Finance(finance), version, FINANCE_SCHEMA_VERSION)
            }
            CompanionKind::Banking => {
                let banking: PartnerBanking = autosurgeon::hydrate(doc).map_err(shape)?;
                let version = banking.schema_version;
                (Companion::Banking(banking), version, BANKING_SCHEMA_VERSION)
            }
            CompanionKind::Activity => {
                let activity: PartnerActivity = autosurgeon::hydrate(doc).map_err(shape)?;
                let version = activity.schema_version;
                (
                    Companion::Activity(activity),
                    version,
                    ACTIVITY_SCHEMA_VERSION,
                )
            }
            CompanionKind::Portal => {
                let portal: PartnerPortal = autosurgeon::hydrate(doc).map_err(shape)?;
                let version = portal.schema_version;
                (Companion::Portal(portal), version, PORTAL_SCHEMA_VERSION)
            }
        };
        if version > newest {
            return Err(format!(
                "it was written by a newer Partnero (schema {version}); update the app"
            ));
        }
        Ok(value)
    }

    fn write(
        &self,
        doc: &mut automerge::AutoCommit,
        message: &str,
        now_ms: i64,
    ) -> Result<(), RegistryError> {
        match self {
            Companion::Finance(finance) => document::write_value(doc, finance, message, now_ms),
            Companion::Banking(banking) => document::write_value(doc, banking, message, now_ms),
            Companion::Activity(activity) => document::write_value(doc, activity, message, now_ms),
            Companion::Portal(portal) => document::write_value(doc, portal, message, now_ms),
        }
    }
}

fn hash16(parts: &[&[u8]]) -> [u8; 16] {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part);
    }
    let digest = hasher.finalize();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    bytes
}

/// The id of a partner's companion document of `kind`: the same on every device.
pub fn companion_id(partner: &DocumentId, kind: CompanionKind) -> DocumentId {
    DocumentId::from_random_bytes(hash16(&[
        b"partnero-companion\0",
        kind.name().as_bytes(),
        partner.as_bytes(),
    ]))
}

/// The actor of a companion document's first change (see the module header).
fn creation_actor(id: &DocumentId) -> ActorId {
    ActorId::from(hash16(&[b"partnero-companion-actor\0", id.as_bytes()]))
}

/// A companion document holding only its first change, the same on every device (see the
/// module header). Its actor is the creation actor: set the session's before writing more.
fn first_change(
    partner: &DocumentId,
    kind: CompanionKind,
) -> Result<(Companion, StoredDocument), RegistryError> {
    let id = companion_id(partner, kind);
    let value = Companion::new(kind, partner);
    let mut stored = StoredDocument::new(creation_actor(&id));
    value.write(&mut stored.doc, "create", 0)?;
    Ok((value, stored))
}

/// A new companion document of `kind` for a partner being registered: the first change, then
/// `value` written with `message` by `actor`, stored. Not listed yet: the caller lists a batch
/// of them in one workspace change (`Registry::create_partners`).
pub(super) async fn create_stored<S: Store>(
    store: &S,
    actor: &ActorId,
    partner: &DocumentId,
    value: Companion,
    message: &str,
    now_ms: i64,
) -> Result<(DocumentId, StoredDocument), RegistryError> {
    let kind = value.kind();
    let id = companion_id(partner, kind);
    let (_, mut stored) = first_change(partner, kind)?;
    stored.doc.set_actor(actor.clone());
    value.write(&mut stored.doc, message, now_ms)?;
    stored.save_changes(store, &id).await?;
    Ok((id, stored))
}

/// A partner's companion document of `kind` as its first change makes it, byte for byte what
/// a device writes when it creates the document: the sync server creates portal documents
/// with it, so a device's first proposal and the server's document merge as one.
pub fn new_companion_document(partner: &DocumentId, kind: CompanionKind) -> automerge::Automerge {
    match first_change(partner, kind) {
        Ok((_, mut stored)) => stored.doc.document().clone(),
        // Reconciling a new value into an empty document has nothing to conflict with; this
        // is unreachable, and an empty document is what a failed write would have left.
        Err(_) => automerge::Automerge::new(),
    }
}

impl<S: Store> Registry<S> {
    /// The kind of a companion document the workspace lists, if `id` is one.
    pub(super) fn listed_companion_kind(&self, id: &DocumentId) -> Option<CompanionKind> {
        self.listed_companions()
            .into_iter()
            .find(|(listed, _, _)| listed == id)
            .map(|(_, _, kind)| kind)
    }

    /// Companion documents the workspace lists: (document, partner, kind).
    pub(super) fn listed_companions(&self) -> Vec<(DocumentId, DocumentId, CompanionKind)> {
        CompanionKind::ALL
            .into_iter()
            .flat_map(|kind| {
                kind.listing(&self.workspace)
                    .keys()
                    .filter_map(|text| text.parse::<DocumentId>().ok())
                    .map(move |partner| (companion_id(&partner, kind), partner, kind))
            })
            .collect()
    }

    /// Opens the listed companions not held yet: from the cache where it has them, else from
    /// their documents; missing ones are fetched by sync.
    pub(super) async fn open_companions(
        &mut self,
        cached: &mut CachedEntries,
    ) -> Result<(), RegistryError> {
        // In id order, so each goes in at the end of the map (see the partners in `open`).
        let mut listed = self.listed_companions();
        listed.sort_unstable_by_key(|(id, _, _)| *id);
        for (id, _, kind) in listed {
            let known = self.companions.contains_key(&id)
                || self.incoming.contains_key(&id)
                || (self.unreadable.iter()).any(|document| document.id == id.to_string());
            if known {
                continue;
            }
            if let Some(entry) = cached.remove(&id) {
                if let Some(value) = Companion::from_cached(entry.value) {
                    if value.kind() == kind {
                        self.companions.insert(
                            id,
                            Record::from_cache(value, entry.fingerprint, entry.unsent),
                        );
                        continue;
                    }
                }
            }
            match self.open_companion(&id, kind).await {
                Ok(record) => {
                    self.cache_dirty.insert(cache::bucket_of(&id));
                    self.companions.insert(id, record);
                }
                Err(PartnerOpenError::Store(error)) => return Err(error.into()),
                Err(PartnerOpenError::Missing(_)) => {
                    self.incoming
                        .insert(id, StoredDocument::new(self.actor.clone()));
                }
                Err(PartnerOpenError::Unreadable(reason)) => {
                    self.unreadable.push(UnreadableDocument {
                        id: id.to_string(),
                        reason,
                    });
                }
            }
        }
        Ok(())
    }

    async fn open_companion(
        &self,
        id: &DocumentId,
        kind: CompanionKind,
    ) -> Result<Record<Companion>, PartnerOpenError> {
        let mut stored = match StoredDocument::load(&self.store, id, self.actor.clone())
            .await
            .map_err(PartnerOpenError::Store)?
        {
            Ok(stored) => stored,
            Err(LoadProblem::Missing) => return Err(PartnerOpenError::Missing(*id)),
            Err(problem) => return Err(PartnerOpenError::Unreadable(problem.to_string())),
        };
        let value =
            Companion::hydrate_kind(kind, &stored.doc).map_err(PartnerOpenError::Unreadable)?;
        stored.doc.set_actor(self.actor.clone());
        Ok(Record::loaded(value, stored))
    }

    /// Loads companion documents known only from the cache (see [`Registry::ensure_loaded`]).
    pub(super) async fn ensure_companions_loaded(
        &mut self,
        ids: &[DocumentId],
    ) -> Result<Vec<DocumentId>, RegistryError> {
        let mut changed = Vec::new();
        for id in ids {
            let Some(record) = self.companions.get(id) else {
                continue;
            };
            if record.stored.is_some() {
                continue;
            }
            let (kind, cached_fingerprint) = (record.value.kind(), record.cached_fingerprint);
            let outcome = self.open_companion(id, kind).await;
            let Self {
                companions,
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
            if settle_load(companions, id, cached_fingerprint, outcome, &mut sinks)? {
                changed.push(*id);
            }
        }
        Ok(changed)
    }

    /// A partner's finance (invoices, payments, purchase orders), if it has any.
    pub fn finance(&self, partner: &DocumentId) -> Option<&PartnerFinance> {
        match &self
            .companions
            .get(&companion_id(partner, CompanionKind::Finance))?
            .value
        {
            Companion::Finance(finance) => Some(finance),
            _ => None,
        }
    }

    /// A partner's banking document (its bank accounts), if this device holds one. The
    /// partner as [`Registry::partner`] shows it already carries these accounts.
    pub fn banking(&self, partner: &DocumentId) -> Option<&PartnerBanking> {
        match &self
            .companions
            .get(&companion_id(partner, CompanionKind::Banking))?
            .value
        {
            Companion::Banking(banking) => Some(banking),
            _ => None,
        }
    }

    /// A partner's activity (interactions, reminders), if it has any.
    pub fn activity(&self, partner: &DocumentId) -> Option<&PartnerActivity> {
        match &self
            .companions
            .get(&companion_id(partner, CompanionKind::Activity))?
            .value
        {
            Companion::Activity(activity) => Some(activity),
            _ => None,
        }
    }

    /// One companion document by its own id.
    pub fn companion(&self, id: &DocumentId) -> Option<&Companion> {
        self.companions.get(id).map(|record| &record.value)
    }

    /// Every companion document on this device, by document id.
    pub fn companions(&self) -> impl Iterator<Item = (DocumentId, &Companion)> {
        self.companions
            .iter()
            .map(|(id, record)| (*id, &record.value))
    }

    /// Applies `edit` to a partner's finance, creating the document on first use. Returns the
    /// documents changed (the finance document, and the workspace when it was listed there).
    pub async fn edit_finance(
        &mut self,
        partner: &DocumentId,
        message: &str,
        now_ms: i64,
        edit: impl FnOnce(&mut PartnerFinance) -> Result<(), RegistryError>,
    ) -> Result<Vec<DocumentId>, RegistryError> {
        self.edit_companion(
            partner,
            CompanionKind::Finance,
            message,
            now_ms,
            |value| match value {
                Companion::Finance(finance) => edit(finance),
                _ => Err(RegistryError::Document(
                    "a finance document holds something else".into(),
                )),
            },
        )
        .await
    }

    /// Applies `edit` to a partner's activity, creating the document on first use.
    pub async fn edit_activity(
        &mut self,
        partner: &DocumentId,
        message: &str,
        now_ms: i64,
        edit: impl FnOnce(&mut PartnerActivity) -> Result<(), RegistryError>,
    ) -> Result<Vec<DocumentId>, RegistryError> {
        self.edit_companion(
            partner,
            CompanionKind::Activity,
            message,
            now_ms,
            |value| match value {
                Companion::Activity(activity) => edit(activity),
                _ => Err(RegistryError::Document(
                    "an activity document holds something else".into(),
                )),
            },
        )
        .await
    }

    /// Applies `edit` to a partner's companion document of `kind`, creating it on first use
    /// (with the first change every device writes). Finance, banking and activity documents
    /// are then listed in the workspace; portal documents never are by a device (see the
    /// module header). A banking or activity change also changes the partner as shown; it is
    /// then among the documents returned.
    pub(super) async fn edit_companion(
        &mut self,
        partner: &DocumentId,
        kind: CompanionKind,
        message: &str,
        now_ms: i64,
        edit: impl FnOnce(&mut Companion) -> Result<(), RegistryError>,
    ) -> Result<Vec<DocumentId>, RegistryError> {
        let message = self.stamped(message);
        self.edit_companion_with_message(partner, kind, &message, now_ms, edit)
            .await
    }

    /// [`Registry::edit_companion`] with the whole commit message given (attribution
    /// included), for a change written as part of a partner's save (see `assemble.rs`).
    pub(super) async fn edit_companion_with_message(
        &mut self,
        partner: &DocumentId,
        kind: CompanionKind,
        message: &str,
        now_ms: i64,
        edit: impl FnOnce(&mut Companion) -> Result<(), RegistryError>,
    ) -> Result<Vec<DocumentId>, RegistryError> {
        if !self.partners.contains_key(partner) {
            return Err(RegistryError::PartnerNotFound(*partner));
        }
        let id = companion_id(partner, kind);
        let mut changed = vec![id];
        self.ensure_companions_loaded(&[id]).await?;
        let (mut value, mut stored) = match self.companions.get(&id) {
            Some(Record {
                value,
                stored: Some(stored),
                ..
            }) => (value.clone(), stored.clone()),
            _ => {
                // First use on this device (or listed but not arrived yet: the same first
                // change makes both merge).
                let (value, mut stored) = first_change(partner, kind)?;
                stored.doc.set_actor(self.actor.clone());
                (value, stored)
            }
        };
        let before = value.clone();
        edit(&mut value)?;
        if value == before && self.companions.contains_key(&id) {
            return Ok(Vec::new());
        }
        value.write(&mut stored.doc, message, now_ms)?;
        stored.save_changes(&self.store, &id).await?;
        let value = Companion::hydrate_kind(kind, &stored.doc).map_err(RegistryError::Document)?;
        self.incoming.remove(&id);
        self.companions.insert(id, Record::loaded(value, stored));
        self.cache_dirty.insert(cache::bucket_of(&id));
        if self.reassemble(partner) {
            changed.push(*partner);
        }

        // Listed in the workspace after the document is stored, as a new partner is.
        let key = partner.to_string();
        if kind.listed_by_devices() && !kind.listing(&self.workspace).contains_key(&key) {
            let message = format!("list {} document", kind.name());
            self.edit_workspace(&message, now_ms, |workspace| {
                kind.listing_mut(workspace)
                    .entry(key)
                    .or_insert(CompanionEntry {
                        added_at_ms: now_ms,
                    });
            })
            .await?;
            changed.push(self.workspace_id);
        }
        self.flush_cache().await?;
        Ok(changed)
    }
}
