//! Registry operations of data quality: the workspace settings, and a partner's verification
//! documents (added, reviewed, removed). Same rule as every edit: change a copy, store it, then
//! swap it in.

use super::{Registry, RegistryError};
use crate::model::{
    ChangeRefusal, DocumentId, ReviewStatus, VerificationDocument, WorkspaceSettings,
};
use crate::store::Store;

impl<S: Store> Registry<S> {
    /// The company's rules: the team's settings document once the workspace names one (see
    /// `settings.rs`), else the workspace document's own.
    pub fn settings(&self) -> &WorkspaceSettings {
        &self.workspace.settings
    }

    /// Replaces the settings, in the settings document when the workspace names one (the
    /// workspace document is then left alone), else in the workspace. Only the rules that
    /// differ become changes, so two administrators editing different rules concurrently both
    /// keep theirs.
    pub async fn update_settings(
        &mut self,
        settings: WorkspaceSettings,
        now_ms: i64,
    ) -> Result<(), RegistryError> {
        // The workspace as its document says it is now: it may name a settings document the
        // start-up cache did not know of yet.
        self.ensure_workspace_loaded().await?;
        if self
            .write_settings_document(settings.clone(), now_ms)
            .await?
        {
            return Ok(());
        }
        self.edit_workspace("change settings", now_ms, |workspace| {
            workspace.settings = settings;
        })
        .await
    }

    /// Adds (or replaces) the verification document `row` of a partner.
    pub async fn put_document(
        &mut self,
        id: &DocumentId,
        row: String,
        verification: VerificationDocument,
        now_ms: i64,
    ) -> Result<(), RegistryError> {
        self.edit_partner(id, "add verification document", now_ms, |partner| {
            partner.documents.insert(row, verification);
            Ok(())
        })
        .await
        .map(drop)
    }

    /// Records a review decision on a document, with who made it and when.
    pub async fn review_document(
        &mut self,
        id: &DocumentId,
        row: &str,
        status: ReviewStatus,
        by: &str,
        now_ms: i64,
    ) -> Result<(), RegistryError> {
        self.edit_partner(id, "review verification document", now_ms, |partner| {
            let document = partner.documents.get_mut(row).ok_or_else(|| {
                ChangeRefusal::NoSuchVerificationDocument {
                    row: row.to_owned(),
                }
            })?;
            document.status = status;
            document.status_by = by.to_owned();
            document.status_at_ms = now_ms;
            Ok(())
        })
        .await
        .map(drop)
    }

    /// Removes a verification document from the record (its file stays in the file stores,
    /// where other records may name it too).
    pub async fn remove_document(
        &mut self,
        id: &DocumentId,
        row: &str,
        now_ms: i64,
    ) -> Result<(), RegistryError> {
        self.edit_partner(id, "remove verification document", now_ms, |partner| {
            partner.documents.remove(row);
            Ok(())
        })
        .await
        .map(drop)
    }
}
