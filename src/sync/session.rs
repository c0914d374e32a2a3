//! One sync session between a [`Registry`] and the server: the glue every transport shares (the
//! browser's WebSocket pump and the native tests), so the rules live in one tested place.
//!
//! Each function takes an event and returns the encoded messages to send, in order.

use super::client::{Effect, SyncClient, SyncDocuments, SyncError};
use super::wire::Message;
use crate::model::DocumentId;
use crate::registry::{Registry, RegistryError};
use crate::store::Store;

/// Cache buckets left dirty by received changes before they are written in one go: at
/// 100,000 partners a bucket is ~250 KB, too much to rewrite for every message of a download.
const CACHE_FLUSH_BUCKETS: usize = 32;

/// What one received message led to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Step {
    /// Messages to send to the server, in order.
    pub send: Vec<Vec<u8>>,
    /// Documents whose content changed (for refreshing what the user sees).
    pub changed: Vec<DocumentId>,
    /// Documents the server does not have (yet): worth asking again later.
    pub unavailable: Vec<DocumentId>,
    /// A protocol error the server reported; the connection should be closed and retried.
    pub server_error: Option<String>,
}

/// Why a session must end.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    #[error(transparent)]
    Protocol(#[from] SyncError),
    #[error(transparent)]
    Registry(#[from] RegistryError),
}

/// Where a device stands in the server's change feed: the position up to which it is in sync,
/// and the server's epoch that position belongs to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedPosition {
    pub cursor: i64,
    /// Empty when unknown (saved by an earlier version, or never synced).
    pub epoch: String,
}

impl FeedPosition {
    /// Whether the server's history is not the one this position belongs to: its database was
    /// restored from a backup. Then the feed's positions mean nothing to this device, and what
    /// it believes the server has may be gone, so the next handshake exchanges every document
    /// (automerge's sync then sends whatever the server lacks) and the feed is read from its
    /// start.
    pub fn server_was_restored(&self, served_epoch: &str) -> bool {
        !self.epoch.is_empty() && !served_epoch.is_empty() && self.epoch != served_epoch
    }
}

fn sends(effects: Vec<Effect>) -> Vec<Vec<u8>> {
    effects
        .into_iter()
        .filter_map(|effect| match effect {
            Effect::Send(bytes) => Some(bytes),
            _ => None,
        })
        .collect()
}

/// Before the first connection of an app run: join the team's workspace, load the documents
/// the start-up cache says have unsent changes, and restore what this device knew it shared
/// with the server, so unsent changes are counted even offline. Documents still known only
/// from the cache have nothing to send; they get their sync state when loaded.
pub async fn restore<S: Store>(
    client: &mut SyncClient,
    registry: &mut Registry<S>,
    team_workspace: DocumentId,
) -> Result<(), RegistryError> {
    registry.set_team_workspace(team_workspace);
    let unsent = registry.unsent_not_loaded();
    registry.ensure_loaded(&unsent).await?;
    for id in registry.document_ids() {
        if registry.document_mut(&id).is_some() {
            let heads = registry.server_heads(&id);
            client.restore_shared_heads(id, heads);
        }
    }
    Ok(())
}

/// The socket opened: join (the handshake answer starts syncing every document).
pub fn connected<S: Store>(
    client: &mut SyncClient,
    registry: &mut Registry<S>,
    team_workspace: DocumentId,
) -> Vec<Vec<u8>> {
    registry.set_team_workspace(team_workspace);
    sends(client.connected())
}

/// Nothing is left to exchange for now: write what the cache still lacks.
pub async fn idle<S: Store>(registry: &mut Registry<S>) -> Result<(), RegistryError> {
    registry.flush_cache().await
}

/// Documents changed on this device: offer them to the server.
pub fn local_changes<S: Store>(
    client: &mut SyncClient,
    registry: &mut Registry<S>,
    ids: &[DocumentId],
) -> Vec<Vec<u8>> {
    ids.iter()
        .flat_map(|id| sends(client.document_changed(id, registry)))
        .collect()
}

/// The server's change feed lists these documents as changed: fetch what this device lacks.
/// Their documents are loaded first. Returns the messages and the partners whose value changed
/// while loading (their cache entry was behind).
pub async fn remote_changes<S: Store>(
    client: &mut SyncClient,
    registry: &mut Registry<S>,
    ids: &[DocumentId],
) -> Result<(Vec<Vec<u8>>, Vec<DocumentId>), RegistryError> {
    let changed = registry.ensure_loaded(ids).await?;
    Ok((sends(client.refresh_documents(ids, registry)), changed))
}

/// One message from the server: apply it, store what changed, fetch what is newly listed.
pub async fn received<S: Store>(
    client: &mut SyncClient,
    registry: &mut Registry<S>,
    bytes: &[u8],
    now_ms: i64,
) -> Result<Step, SessionError> {
    let mut step = Step::default();
    let synced_document = match Message::decode(bytes) {
        Ok(Message::Sync { document_id, .. } | Message::Request { document_id, .. }) => {
            Some(document_id)
        }
        _ => None,
    };
    // A partner known only from the start-up cache is loaded before the client sees a
    // message about it (it would otherwise receive into an empty document).
    if let Some(id) = synced_document {
        step.changed.extend(registry.ensure_loaded(&[id]).await?);
    }
    let mut effects = client.receive(bytes, registry)?;
    while !effects.is_empty() {
        let mut follow_up = Vec::new();
        for effect in effects {
            match effect {
                Effect::Send(bytes) => step.send.push(bytes),
                Effect::DocumentChanged(id) => {
                    let outcome = registry.store_remote_change(&id, now_ms).await?;
                    step.changed.push(id);
                    step.changed.extend(outcome.changed.iter().copied());
                    for fetch in outcome.fetch.iter().chain(&outcome.local_changes) {
                        follow_up.extend(client.document_changed(fetch, registry));
                    }
                }
                Effect::DocumentUnavailable(id) => step.unavailable.push(id),
                Effect::ServerError(message) => step.server_error = Some(message),
            }
        }
        effects = follow_up;
    }
    if let Some(id) = synced_document {
        registry
            .remember_server_heads(&id, client.shared_heads(&id))
            .await?;
    }
    // The cache is written in batches: after a burst of messages here, and by the transport
    // once nothing is syncing (`idle`).
    if registry.cache_dirty_count() >= CACHE_FLUSH_BUCKETS {
        registry.flush_cache().await?;
    }
    Ok(step)
}
