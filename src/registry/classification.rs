//! Registry operations of classification maintenance: rename, move, merge and delete terms of
//! the settings' lists, rewriting the partners that reference a merged or deleted term.
//!
//! The planning is pure (`model::classification`); this applies it with the registry's usual
//! rule, one document at a time: change a copy, store it, then swap it in. Partners are rewritten
//! *before* the term leaves the settings: if a write fails half-way, some partners already point
//! at the new term while the old one still exists, which is harmless, and running the same merge
//! again finishes the job. The other order would leave partners pointing at a term that no longer
//! exists.

use super::{Registry, RegistryError};
use crate::model::{
    merge_terms_in_settings, reassign_term, references_term, rename_term, DocumentId, TermList,
    WorkspaceSettings,
};
use crate::store::Store;

impl<S: Store> Registry<S> {
    /// Renames a term: only the settings change, partners keep referencing its id.
    pub async fn rename_term(
        &mut self,
        list: TermList,
        id: &str,
        name: &str,
        now_ms: i64,
    ) -> Result<(), RegistryError> {
        self.refine_settings(now_ms, |settings| rename_term(settings, list, id, name))
            .await
    }

    /// Moves a category under `new_parent` (`None`: to the top of the tree); refuses cycles.
    pub async fn move_category(
        &mut self,
        id: &str,
        new_parent: Option<&str>,
        now_ms: i64,
    ) -> Result<(), RegistryError> {
        self.refine_settings(now_ms, |settings| settings.move_category(id, new_parent))
            .await
    }

    /// Merges term `from` of `list` into `into`, or deletes it when `into` is `None`: every
    /// partner referencing `from` is rewritten to reference `into` (or nothing) and stored, then
    /// `from` leaves the settings (subcategories move under `into`, or up to the deleted
    /// category's parent). Returns the partners changed, in id order.
    pub async fn merge_terms(
        &mut self,
        list: TermList,
        from: &str,
        into: Option<&str>,
        now_ms: i64,
    ) -> Result<Vec<DocumentId>, RegistryError> {
        // Plan the settings first, so a refused merge (unknown term, into itself) changes nothing.
        let mut settings = self.workspace.settings.clone();
        merge_terms_in_settings(&mut settings, list, from, into)?;

        let referencing: Vec<DocumentId> = self
            .partners
            .iter()
            .filter(|(_, record)| references_term(&record.value.profile, list, from))
            .map(|(id, _)| *id)
            .collect();
        let message = match into {
            Some(_) => format!("merge {} term", list.code()),
            None => format!("remove deleted {} term", list.code()),
        };
        for id in &referencing {
            self.edit_partner(id, &message, now_ms, |partner| {
                reassign_term(&mut partner.profile, list, from, into);
                Ok(())
            })
            .await?;
        }
        self.update_settings(settings, now_ms).await?;
        Ok(referencing)
    }

    /// Applies a pure change to a copy of the settings and stores it; a refused change (its
    /// message says why, already in the person's language: it is shown as it is) stores
    /// nothing.
    pub async fn change_settings(
        &mut self,
        now_ms: i64,
        change: impl FnOnce(&mut WorkspaceSettings) -> Result<(), String>,
    ) -> Result<(), RegistryError> {
        self.refine_settings(now_ms, |settings| {
            change(settings).map_err(RegistryError::InvalidChange)
        })
        .await
    }

    /// [`Registry::change_settings`] for a change the core checks itself, refused with a
    /// [`ChangeRefusal`](crate::model::ChangeRefusal) or any other registry error.
    pub async fn refine_settings<E: Into<RegistryError>>(
        &mut self,
        now_ms: i64,
        change: impl FnOnce(&mut WorkspaceSettings) -> Result<(), E>,
    ) -> Result<(), RegistryError> {
        // The settings as the workspace document has them now, not as the start-up cache
        // remembered them.
        self.ensure_workspace_loaded().await?;
        let mut settings = self.workspace.settings.clone();
        change(&mut settings).map_err(Into::into)?;
        self.update_settings(settings, now_ms).await
    }
}
