//! The client state machine of the automerge-repo protocol, sans-IO in the style of samod-core
//! and quinn-proto: the caller reports events (connected, bytes received, a local change,
//! disconnected) and gets back [`Effect`]s (bytes to send, documents that changed). Documents
//! themselves stay with the caller, reached through [`SyncDocuments`]; this machine only keeps
//! the per-document automerge sync state for the one server it talks to.

use std::collections::{BTreeMap, BTreeSet};

use automerge::sync::{self, SyncDoc};
use automerge::{AutoCommit, ChangeHash};

use super::wire::{DecodeError, Message, PROTOCOL_VERSION};
use crate::model::DocumentId;

/// Where the caller keeps the documents being synced.
pub trait SyncDocuments {
    /// Every document this client should keep in sync with the server.
    fn document_ids(&self) -> Vec<DocumentId>;
    /// A document the caller has, if any.
    fn document_mut(&mut self, id: &DocumentId) -> Option<&mut AutoCommit>;
    /// Creates an empty document to receive a document this client does not have yet.
    fn create_empty(&mut self, id: &DocumentId) -> &mut AutoCommit;
    /// The heads this device last knew it shared with the server for a document, as stored
    /// with it: a document loaded after the session started (the caller loads documents
    /// lazily) picks its sync state up from here rather than counting every change unsent.
    fn stored_shared_heads(&mut self, _id: &DocumentId) -> Vec<ChangeHash> {
        Vec::new()
    }
}

/// What the caller must do after an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Send these bytes to the server, in order.
    Send(Vec<u8>),
    /// Changes from the server were applied to this document: store it and re-read it.
    DocumentChanged(DocumentId),
    /// The server does not have this document or will not share it.
    DocumentUnavailable(DocumentId),
    /// The server reported a protocol error; the connection should be closed and retried later.
    ServerError(String),
}

/// A protocol violation by the server; the connection must be closed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Decode(#[from] DecodeError),
    #[error("the server sent {0} before the handshake finished")]
    BeforeHandshake(String),
    #[error("the server chose protocol version {0:?}; this client speaks {PROTOCOL_VERSION:?}")]
    UnsupportedVersion(String),
    #[error("the sync data for document {document} is invalid: {reason}")]
    BadSyncData {
        document: DocumentId,
        reason: String,
    },
}

/// Where the connection stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phase {
    Disconnected,
    /// `join` sent, waiting for `peer`.
    Joining,
    /// Handshake done with this server peer.
    Ready {
        server_peer: String,
    },
}

/// A summary for the sync status indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SyncProgress {
    /// Documents whose exchange with the server is not finished.
    pub documents_syncing: usize,
    /// Local changes the server is not known to have.
    pub pending_changes: usize,
}

#[derive(Debug, Clone, Default)]
struct DocumentState {
    sync: sync::State,
    /// The server said it does not have the document.
    unavailable: bool,
    /// A message about this document was sent or received on the current connection.
    active: bool,
}

/// The client side of one connection to the sync server.
#[derive(Debug, Clone)]
pub struct SyncClient {
    peer_id: String,
    phase: Phase,
    documents: BTreeMap<DocumentId, DocumentState>,
    /// When set, the next handshake syncs only these documents, plus every document with
    /// unsent local changes and every document not received yet (see [`Self::select`]).
    selection: Option<BTreeSet<DocumentId>>,
}

impl SyncClient {
    /// A client that will identify itself as `peer_id` (assigned by the server at sign-in).
    pub fn new(peer_id: impl Into<String>) -> Self {
        Self {
            peer_id: peer_id.into(),
            phase: Phase::Disconnected,
            documents: BTreeMap::new(),
            selection: None,
        }
    }

    pub fn peer_id(&self) -> &str {
        &self.peer_id
    }

    pub fn phase(&self) -> &Phase {
        &self.phase
    }

    /// The transport is open: start the handshake.
    pub fn connected(&mut self) -> Vec<Effect> {
        self.phase = Phase::Joining;
        let join = Message::Join {
            sender_id: self.peer_id.clone(),
            supported_protocol_versions: vec![PROTOCOL_VERSION.into()],
            storage_id: None,
            is_ephemeral: true,
        };
        vec![Effect::Send(join.encode())]
    }

    /// The transport closed. What both sides are known to share is kept, so the next session
    /// sends only what changed; everything in flight is forgotten and will be resent.
    pub fn disconnected(&mut self) {
        self.phase = Phase::Disconnected;
        for state in self.documents.values_mut() {
            let shared = std::mem::take(&mut state.sync.shared_heads);
            state.sync = sync::State::new();
            state.sync.shared_heads = shared;
            state.unavailable = false;
            state.active = false;
        }
    }

    /// Handles one message from the server.
    pub fn receive(
        &mut self,
        bytes: &[u8],
        documents: &mut impl SyncDocuments,
    ) -> Result<Vec<Effect>, SyncError> {
        let message = Message::decode(bytes)?;
        let server_peer = match (&self.phase, &message) {
            (_, Message::Error { message }) => {
                return Ok(vec![Effect::ServerError(message.clone())])
            }
            (
                Phase::Joining,
                Message::Peer {
                    sender_id,
                    selected_protocol_version,
                    ..
                },
            ) => {
                if selected_protocol_version != PROTOCOL_VERSION {
                    return Err(SyncError::UnsupportedVersion(
                        selected_protocol_version.clone(),
                    ));
                }
                self.phase = Phase::Ready {
                    server_peer: sender_id.clone(),
                };
                return Ok(match self.selection.take() {
                    None => self.sync_all(documents),
                    Some(changed) => self.sync_selected(&changed, documents),
                });
            }
            (Phase::Ready { server_peer }, _) => server_peer.clone(),
            (_, other) => return Err(SyncError::BeforeHandshake(message_name(other))),
        };
        match message {
            Message::Sync {
                document_id, data, ..
            }
            | Message::Request {
                document_id, data, ..
            } => {
                let sync_message =
                    sync::Message::decode(&data).map_err(|error| SyncError::BadSyncData {
                        document: document_id,
                        reason: error.to_string(),
                    })?;
                self.adopt(&document_id, documents);
                let state = self.documents.entry(document_id).or_default();
                state.unavailable = false;
                state.active = true;
                let doc = match documents.document_mut(&document_id) {
                    Some(doc) => doc,
                    None => documents.create_empty(&document_id),
                };
                let heads_before = doc.get_heads();
                doc.sync()
                    .receive_sync_message(&mut state.sync, sync_message)
                    .map_err(|error| SyncError::BadSyncData {
                        document: document_id,
                        reason: error.to_string(),
                    })?;
                let changed = doc.get_heads() != heads_before;
                let mut effects = Vec::new();
                if changed {
                    effects.push(Effect::DocumentChanged(document_id));
                }
                if let Some(reply) = doc.sync().generate_sync_message(&mut state.sync) {
                    effects.push(Effect::Send(
                        Message::Sync {
                            sender_id: self.peer_id.clone(),
                            target_id: server_peer,
                            document_id,
                            data: reply.encode(),
                        }
                        .encode(),
                    ));
                }
                Ok(effects)
            }
            Message::DocUnavailable { document_id, .. } => {
                self.documents.entry(document_id).or_default().unavailable = true;
                Ok(vec![Effect::DocumentUnavailable(document_id)])
            }
            Message::Join { .. }
            | Message::Peer { .. }
            | Message::Other { .. }
            | Message::Error { .. } => Ok(Vec::new()),
        }
    }

    /// A document changed locally (or was just added): offer the change to the server.
    pub fn document_changed(
        &mut self,
        id: &DocumentId,
        documents: &mut impl SyncDocuments,
    ) -> Vec<Effect> {
        let Phase::Ready { server_peer } = &self.phase else {
            return Vec::new();
        };
        let server_peer = server_peer.clone();
        self.adopt(id, documents);
        let Some(doc) = documents.document_mut(id) else {
            return Vec::new();
        };
        let state = self.documents.entry(*id).or_default();
        let Some(message) = doc.sync().generate_sync_message(&mut state.sync) else {
            return Vec::new();
        };
        state.active = true;
        // A document we hold nothing of is asked for with `request`, so the server answers
        // `doc-unavailable` rather than waiting for changes that will never come.
        let data = message.encode();
        let message = if doc.get_heads().is_empty() {
            Message::Request {
                sender_id: self.peer_id.clone(),
                target_id: server_peer,
                document_id: *id,
                data,
            }
        } else {
            Message::Sync {
                sender_id: self.peer_id.clone(),
                target_id: server_peer,
                document_id: *id,
                data,
            }
        };
        vec![Effect::Send(message.encode())]
    }

    /// Limits the next handshake to `changed` (documents the server changed since this device
    /// last synced, from its change feed) plus what this device must send or fetch, so that a
    /// device holding thousands of documents does not exchange a message for each on reconnect.
    pub fn select(&mut self, changed: BTreeSet<DocumentId>) {
        self.selection = Some(changed);
    }

    fn sync_selected(
        &mut self,
        changed: &BTreeSet<DocumentId>,
        documents: &mut impl SyncDocuments,
    ) -> Vec<Effect> {
        let mut wanted = Vec::new();
        for id in documents.document_ids() {
            self.adopt(&id, documents);
            let Some(doc) = documents.document_mut(&id) else {
                continue;
            };
            if changed.contains(&id)
                || doc.get_heads().is_empty()
                || self.pending_changes(&id, doc) > 0
            {
                wanted.push(id);
            }
        }
        wanted
            .iter()
            .flat_map(|id| self.document_changed(id, documents))
            .collect()
    }

    /// The server's change feed says these documents changed. Those already exchanged on this
    /// connection get the change pushed by the server and are left alone (restarting their
    /// exchange on one side only leaves the two sync states disagreeing); the others start an
    /// exchange now.
    pub fn refresh_documents(
        &mut self,
        ids: &[DocumentId],
        documents: &mut impl SyncDocuments,
    ) -> Vec<Effect> {
        let quiet: Vec<DocumentId> = ids
            .iter()
            .copied()
            .filter(|id| !self.documents.get(id).is_some_and(|state| state.active))
            .collect();
        quiet
            .iter()
            .flat_map(|id| self.document_changed(id, documents))
            .collect()
    }

    /// Starts syncing every document (after the handshake, or when documents were added).
    pub fn sync_all(&mut self, documents: &mut impl SyncDocuments) -> Vec<Effect> {
        documents
            .document_ids()
            .iter()
            .flat_map(|id| self.document_changed(id, documents))
            .collect()
    }

    /// True once the server confirmed it has exactly what we have, for every document.
    pub fn is_document_synced(&self, id: &DocumentId, doc: &mut AutoCommit) -> bool {
        let Some(state) = self.documents.get(id).filter(|state| state.active) else {
            // Not exchanged on this connection (a selective handshake skipped it): in sync as
            // far as this device knows when it has it and nothing to send.
            return !doc.get_heads().is_empty() && self.pending_changes(id, doc) == 0;
        };
        state.unavailable && doc.get_heads().is_empty()
            || state
                .sync
                .their_heads
                .as_ref()
                .is_some_and(|theirs| same_heads(theirs, &doc.get_heads()))
    }

    /// Progress of the documents the caller holds.
    pub fn progress(&mut self, documents: &mut impl SyncDocuments) -> SyncProgress {
        self.progress_except(documents, |_| false)
    }

    /// Like [`Self::progress`], but a document for which `refused` is true (the server will
    /// not take this user's changes to it) does not count as syncing because of its own
    /// unsent changes: they will never be acknowledged, and "syncing" forever would hide that
    /// everything else is up to date. Its changes still count as pending.
    pub fn progress_except(
        &mut self,
        documents: &mut impl SyncDocuments,
        refused: impl Fn(&DocumentId) -> bool,
    ) -> SyncProgress {
        let mut progress = SyncProgress::default();
        for id in documents.document_ids() {
            self.adopt(&id, documents);
            let Some(doc) = documents.document_mut(&id) else {
                continue;
            };
            let pending = self.pending_changes(&id, doc);
            let held_back = pending > 0 && refused(&id);
            if !held_back && !self.is_document_synced(&id, doc) {
                progress.documents_syncing += 1;
            }
            progress.pending_changes += pending;
        }
        progress
    }

    /// Local changes of one document that the server is not known to have.
    pub fn pending_changes(&self, id: &DocumentId, doc: &mut AutoCommit) -> usize {
        let mut known: Vec<ChangeHash> = match self.documents.get(id) {
            Some(state) => state
                .sync
                .their_heads
                .iter()
                .flatten()
                .chain(state.sync.shared_heads.iter())
                .copied()
                .collect(),
            None => Vec::new(),
        };
        // The common case, and the cheap one: every head of the document is known to the
        // server, so all its changes are. Progress asks this of every document after every
        // message, so it must not build changes: `get_change_by_hash` and `get_changes`
        // encode each change they return (tens of microseconds a document), which made a
        // full exchange quadratic (40,000 documents: 155 s, most of it here).
        if doc.get_heads().iter().all(|head| known.contains(head)) {
            return 0;
        }
        // `get_changes` wants hashes the document has; these are the ones it lacks.
        let missing = doc.get_missing_deps(&known);
        known.retain(|hash| !missing.contains(hash));
        doc.get_changes(&known).len()
    }

    /// What both sides are known to share for a document, to persist between sessions.
    pub fn shared_heads(&self, id: &DocumentId) -> Vec<ChangeHash> {
        self.documents
            .get(id)
            .map(|state| state.sync.shared_heads.clone())
            .unwrap_or_default()
    }

    /// Restores what was persisted by [`Self::shared_heads`] in an earlier session.
    pub fn restore_shared_heads(&mut self, id: DocumentId, heads: Vec<ChangeHash>) {
        self.documents.entry(id).or_default().sync.shared_heads = heads;
    }

    /// Starts the sync state of a document the caller has but this client has not seen from
    /// the heads stored with it (see [`SyncDocuments::stored_shared_heads`]).
    fn adopt(&mut self, id: &DocumentId, documents: &mut impl SyncDocuments) {
        if !self.documents.contains_key(id) && documents.document_mut(id).is_some() {
            let heads = documents.stored_shared_heads(id);
            if !heads.is_empty() {
                self.restore_shared_heads(*id, heads);
            }
        }
    }
}

fn same_heads(left: &[ChangeHash], right: &[ChangeHash]) -> bool {
    let mut left = left.to_vec();
    let mut right = right.to_vec();
    left.sort();
    right.sort();
    left == right
}

fn message_name(message: &Message) -> String {
    match message {
        Message::Join { .. } => "join".into(),
        Message::Peer { .. } => "peer".into(),
        Message::Request { .. } => "request".into(),
        Message::Sync { .. } => "sync".into(),
        Message::DocUnavailable { .. } => "doc-unavailable".into(),
        Message::Error { .. } => "error".into(),
        Message::Other { message_type } => message_type.clone(),
    }
}
