//! The import side of the app state (issue 8): storing the partners of a planned import
//! (`report::partner_import`) a chunk at a time, so the screen can show progress and, when a
//! chunk fails, say exactly which rows are stored. Planning and exporting need no lock (they
//! read the view), so they live in the screen (`ui::import`).

use leptos::prelude::*;

use super::AppState;
use crate::model::{DocumentId, PartnerProfile};
use crate::web::{new_document_id, now_ms};

/// What storing one chunk did: per profile given, its id if the registry holds it now (each is
/// checked, rather than assuming a failure stored nothing), and the error if it failed.
#[derive(Debug, Clone, Default)]
pub struct ChunkOutcome {
    /// For each profile given, its new id when the registry holds it now.
    pub stored: Vec<Option<DocumentId>>,
    pub error: Option<String>,
}

impl AppState {
    /// Registers `profiles` as new partners with fresh ids in one workspace change, then
    /// updates the list and search index and offers the documents to the server, as
    /// `create_partner` does. On a failure the registry is asked which of the new ids it holds,
    /// so the caller never reports a partner stored that is not, or the reverse.
    pub async fn import_partners(&self, profiles: Vec<PartnerProfile>) -> ChunkOutcome {
        let shared = match self.registry() {
            Ok(shared) => shared,
            Err(error) => {
                return ChunkOutcome {
                    stored: vec![None; profiles.len()],
                    error: Some(error),
                }
            }
        };
        let mut registry = shared.lock().await;
        let batch: Vec<(DocumentId, PartnerProfile)> = profiles
            .into_iter()
            .map(|profile| (new_document_id(), profile))
            .collect();
        let ids: Vec<DocumentId> = batch.iter().map(|(id, _)| *id).collect();
        let error = registry
            .create_partners(batch, now_ms())
            .await
            .err()
            .map(|error| crate::ui::words::registry_error(self.i18n, &error));
        // The workspace index is what makes a partner part of the registry: a document written
        // before a failed index change is not listed, hence not imported.
        let stored: Vec<Option<DocumentId>> = ids
            .iter()
            .map(|id| registry.partner(id).is_some().then_some(*id))
            .collect();
        let mut changed: Vec<DocumentId> = stored.iter().flatten().copied().collect();
        if !changed.is_empty() {
            self.remember_created_many(&changed);
            // The partners first, then the index that names them, so other devices can
            // fetch them (as `create_partner` offers them).
            changed.push(registry.workspace_id());
            self.refresh(&registry, &changed);
        }
        ChunkOutcome { stored, error }
    }

    /// `remember_created` for many partners, written to the device once rather than per id.
    fn remember_created_many(&self, ids: &[DocumentId]) {
        self.created_here.update(|created| {
            created.extend(ids.iter().map(DocumentId::to_string));
        });
        crate::web::preferences::set_created_partners(&self.created_here.get_untracked());
    }
}
