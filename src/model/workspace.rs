//! The workspace document: the index of the partner documents a team shares.

use std::collections::BTreeMap;

use autosurgeon::{Hydrate, Reconcile};
use serde::{Deserialize, Serialize};

use super::settings::WorkspaceSettings;

/// Shape version of the workspace document; bump it only together with a migration.
pub const WORKSPACE_SCHEMA_VERSION: u64 = 1;

/// Shape version of the team's settings document, whose root is [`WorkspaceSettings`] plus
/// this number under `schema_version` (as every other document of the app carries one).
pub const SETTINGS_SCHEMA_VERSION: u64 = 1;

/// Root of the workspace document.
#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct Workspace {
    pub schema_version: u64,
    /// Partner documents of this workspace, keyed by their bs58check document id. A map rather
    /// than a list so that two devices adding partners concurrently both keep theirs.
    pub partners: BTreeMap<String, PartnerEntry>,
    /// The company's rules for partner records (older workspaces have none yet). Once the
    /// workspace names a [`Workspace::settings_document`], the settings live there and this map
    /// is left as the server copied it (older app versions still read it); the registry then
    /// shows the settings document's value here (`registry::settings`).
    #[autosurgeon(missing = "Default::default")]
    pub settings: WorkspaceSettings,
    /// The id of the team's settings document: a document of its own so that only
    /// administrators can write the settings (managers and sales reps must write this
    /// workspace to register partners, and the server grants by document). Written once, by
    /// the sync server; a device never writes it (see [`reconcile_settings_document`]).
    #[autosurgeon(
        missing = "Default::default",
        reconcile = "reconcile_settings_document"
    )]
    #[serde(default)]
    pub settings_document: Option<String>,
    /// Partners that have a finance document (invoices, payments, purchase orders), keyed by
    /// the partner's id; the document's id is derived from it (`registry::companion_id`).
    /// Separate documents so that finance can be withheld from a role by document.
    #[autosurgeon(missing = "Default::default")]
    pub finance: BTreeMap<String, CompanionEntry>,
    /// Partners that have an activity document (interactions, reminders), likewise.
    #[autosurgeon(missing = "Default::default")]
    pub activity: BTreeMap<String, CompanionEntry>,
    /// Partners that have a banking document (bank accounts), likewise.
    #[autosurgeon(missing = "Default::default")]
    #[serde(default)]
    pub banking: BTreeMap<String, CompanionEntry>,
    /// Partners that have a portal document (their contacts' proposals, the company's
    /// requests), likewise. Written by the sync server when staff invite a partner's contact,
    /// never by devices: a portal contact cannot write the workspace, and a device writing
    /// into a portal document must not list it.
    #[autosurgeon(missing = "Default::default")]
    #[serde(default)]
    pub portals: BTreeMap<String, CompanionEntry>,
}

/// A partner's finance, banking, activity or portal document listed in the workspace.
#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct CompanionEntry {
    /// When the document was first written, in milliseconds since the Unix epoch.
    pub added_at_ms: i64,
}

/// One partner document listed in the workspace.
#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct PartnerEntry {
    /// When the partner was registered, in milliseconds since the Unix epoch.
    pub added_at_ms: i64,
}

impl Workspace {
    /// An empty workspace of the current shape.
    pub fn new() -> Self {
        Self {
            schema_version: WORKSPACE_SCHEMA_VERSION,
            partners: BTreeMap::new(),
            settings: WorkspaceSettings::default(),
            finance: BTreeMap::new(),
            activity: BTreeMap::new(),
            banking: BTreeMap::new(),
            portals: BTreeMap::new(),
            settings_document: None,
        }
    }
}

/// Writes the settings document's id only when there is one: a device that does not know it
/// yet must not write `null` over the server's id (two concurrent values of one key leave
/// only one visible, and it could be the `null`).
fn reconcile_settings_document<R: autosurgeon::Reconciler>(
    value: &Option<String>,
    mut reconciler: R,
) -> Result<(), R::Error> {
    match value {
        Some(id) => reconciler.str(id),
        None => Ok(()),
    }
}

impl Default for Workspace {
    fn default() -> Self {
        Self::new()
    }
}
