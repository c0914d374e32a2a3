//! The team side of the app state: what the signed-in user may do (from the same rule the
//! server enforces, `model::grant`), the session refreshed from the server, user management and
//! invitations through the server's API, the partner portal's proposals and requests, and
//! changes the server refused.
//!
//! The UI uses these grants only to hide or disable controls with a reason; the server is what
//! refuses (ARCHITECTURE.md, invariant 4).

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos_fluent::{tr, I18n};
use serde::{Deserialize, Serialize};

use super::{AppState, RegistryView};
use crate::model::{
    grant, DocumentClass, DocumentId, FileRef, Grant, PartnerProfile, RequestKind, Role, Section,
};
use crate::registry::{companion_id, Companion, CompanionKind, Registry};
use crate::sync::SyncDocuments;
use crate::ui::i18n::label;
use crate::web::session::{self as web_session, StoredSession};
use crate::web::IndexedDbStore;
use crate::web::{new_row_id, now_ms};

/// A user as the administrators' screen lists them (`GET /api/users`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct TeamUser {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: String,
    pub disabled: bool,
    #[serde(default)]
    pub assigned: Vec<String>,
    #[serde(default)]
    pub portal_partner: Option<String>,
    #[serde(default)]
    pub active_sessions: i64,
}

/// What creating an invitation returns: the one-time link's path.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CreatedInvite {
    pub token: String,
    pub path: String,
    pub expires_at: i64,
}

/// What an invitation link shows before it is accepted.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct InviteInfo {
    pub email: String,
    pub name: String,
    pub role: String,
    pub expires_at: i64,
}

/// An invitation to send (`POST /api/invites`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewInvite {
    pub email: String,
    pub name: String,
    pub role: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner_id: Option<String>,
    pub assigned: Vec<String>,
}

/// A document this device changed that the server will not accept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub id: DocumentId,
    /// What it is, for the banner ("Acme SL", "Acme SL's finance", "the workspace").
    pub label: String,
}

/// The class of a document as far as permissions go, from what the registry holds it as.
pub fn class_of(registry: &Registry<IndexedDbStore>, id: &DocumentId) -> DocumentClass {
    if *id == registry.workspace_id() {
        return DocumentClass::Workspace;
    }
    if registry.settings_document_id() == Some(*id) {
        return DocumentClass::Settings;
    }
    if registry.partner(id).is_some() {
        return DocumentClass::Partner(*id);
    }
    let partner_of = |text: &str| text.parse::<DocumentId>().ok();
    match registry.companion(id) {
        Some(Companion::Finance(finance)) => partner_of(&finance.partner_id).map_or(
            DocumentClass::Unlisted { creator: None },
            DocumentClass::Finance,
        ),
        Some(Companion::Banking(banking)) => partner_of(&banking.partner_id).map_or(
            DocumentClass::Unlisted { creator: None },
            DocumentClass::Banking,
        ),
        Some(Companion::Activity(activity)) => partner_of(&activity.partner_id).map_or(
            DocumentClass::Unlisted { creator: None },
            DocumentClass::Activity,
        ),
        Some(Companion::Portal(portal)) => partner_of(&portal.partner).map_or(
            DocumentClass::Unlisted { creator: None },
            DocumentClass::Portal,
        ),
        None => DocumentClass::Unlisted { creator: None },
    }
}

/// The grant of a session on a class of document; `created` are the partners the user
/// registered on this device (a sales rep writes those).
fn grant_for(
    session: Option<&StoredSession>,
    created: &BTreeSet<String>,
    class: DocumentClass,
) -> Grant {
    let Some(session) = session else {
        return Grant::Write;
    };
    let creator = match class {
        DocumentClass::Partner(partner)
        | DocumentClass::Finance(partner)
        | DocumentClass::Banking(partner)
        | DocumentClass::Activity(partner)
        | DocumentClass::Portal(partner) => created
            .contains(&partner.to_string())
            .then_some(session.user.id),
        _ => None,
    };
    grant(&session.subject(), &class, creator)
}

/// The documents with changes this device made that the server will not take from this user.
pub fn refused_ids(
    registry: &Registry<IndexedDbStore>,
    session: Option<&StoredSession>,
    created: &BTreeSet<String>,
) -> BTreeSet<DocumentId> {
    if session.is_none() {
        return BTreeSet::new();
    }
    registry
        .document_ids()
        .into_iter()
        .filter(|id| registry.has_unsent_changes(id))
        .filter(|id| !grant_for(session, created, class_of(registry, id)).may_write())
        .collect()
}

impl AppState {
    /// The signed-in user's role; `None` on a device that is not signed in (it may do
    /// everything to its own local registry).
    pub fn role(&self) -> Option<Role> {
        self.session
            .with(|session| session.as_ref().map(StoredSession::role))
    }

    /// Whether this device is signed in as a partner contact (the portal).
    pub fn is_portal(&self) -> bool {
        self.role() == Some(Role::Portal)
    }

    /// The grant on a class of document for the signed-in user (tracked). Partners registered
    /// on this device count as created by the user.
    pub fn grant_on(&self, class: DocumentClass) -> Grant {
        self.session.with(|session| {
            self.created_here
                .with(|created| grant_for(session.as_ref(), created, class))
        })
    }

    /// The grant on a partner's record.
    pub fn partner_grant(&self, partner: DocumentId) -> Grant {
        self.grant_on(DocumentClass::Partner(partner))
    }

    /// The grant on one of a partner's sections.
    pub fn section_grant(&self, partner: DocumentId, section: Section) -> Grant {
        self.grant_on(match section {
            Section::Finance => DocumentClass::Finance(partner),
            Section::Banking => DocumentClass::Banking(partner),
            Section::Activity => DocumentClass::Activity(partner),
        })
    }

    /// Why the user may not change a section (bank accounts, notes via activity) of a partner
    /// (`None`: one being registered), or `None` when they may.
    pub fn section_refusal(&self, partner: Option<DocumentId>, section: Section) -> Option<String> {
        match partner {
            Some(partner) => self.refusal_text(self.section_grant(partner, section)),
            None => self.session.with(|session| {
                let session = session.as_ref()?;
                let role = session.role();
                let i18n = self.i18n;
                (role != Role::Admin && session.denied.contains(&section)).then(
                    || tr!(i18n, "team-section-denied", { "section" => label(i18n, section) }),
                )
            }),
        }
    }

    /// Why the user may not change a partner's record, or `None` when they may.
    pub fn partner_refusal(&self, partner: DocumentId) -> Option<String> {
        self.refusal_text(self.partner_grant(partner))
    }

    /// Why the user may not register partners or change settings-like shared data.
    pub fn workspace_refusal(&self) -> Option<String> {
        self.refusal_text(self.grant_on(DocumentClass::Workspace))
    }

    /// Why the user may not write with `grant`, in the person's language; `None` when they may.
    fn refusal_text(&self, grant: Grant) -> Option<String> {
        crate::model::refusal_of(grant, self.role())
            .map(|refusal| crate::ui::words::refusal(self.i18n, refusal))
    }

    /// Only administrators change settings and manage users.
    pub fn admin_refusal(&self) -> Option<String> {
        match self.role() {
            None | Some(Role::Admin) => None,
            Some(_) => {
                let i18n = self.i18n;
                Some(tr!(i18n, "team-admin-only"))
            }
        }
    }

    /// Asks the server for the session as it is now (a role or assignment may have changed)
    /// and keeps it; a session the server no longer knows is kept too, so the user can still
    /// read and export offline, and the sign-in screen says why.
    pub(super) fn refresh_session(&self) {
        let Some(session) = self.session.get_untracked() else {
            return;
        };
        let state = *self;
        leptos::task::spawn_local(async move {
            match web_session::refresh_session(&session).await {
                Ok(Some(fresh)) if fresh != session => state.session.set(Some(fresh)),
                Ok(Some(_)) => {}
                Ok(None) => state.session_ended.set(true),
                // Offline: the kept session stays in force until the server can be asked.
                Err(_) => {}
            }
        });
    }

    /// Calls the server's API; a refusal comes back in the interface's language.
    async fn call<T: serde::de::DeserializeOwned>(
        &self,
        method: &str,
        path: &str,
        body: Option<String>,
        token: Option<&str>,
    ) -> Result<T, String> {
        web_session::api(method, path, body, token)
            .await
            .map_err(|error| crate::ui::words::server_error(self.i18n, &error))
    }

    fn token(&self) -> Result<String, String> {
        let i18n = self.i18n;
        self.session
            .get_untracked()
            .map(|session| session.token)
            .ok_or_else(|| tr!(i18n, "team-sign-in-first"))
    }

    /// Every user of the team (administrators only).
    pub async fn team_users(&self) -> Result<Vec<TeamUser>, String> {
        #[derive(Deserialize)]
        struct Listed {
            users: Vec<TeamUser>,
        }
        let listed: Listed = self
            .call("GET", "/api/users", None, Some(&self.token()?))
            .await?;
        Ok(listed.users)
    }

    /// Changes a user's role, assignments or whether they are active (administrators only).
    pub async fn update_user(&self, id: i64, change: serde_json::Value) -> Result<(), String> {
        let _: serde_json::Value = self
            .call(
                "PATCH",
                &format!("/api/users/{id}"),
                Some(change.to_string()),
                Some(&self.token()?),
            )
            .await?;
        Ok(())
    }

    /// Signs a user out everywhere: their sessions end and their live connections close.
    pub async fn revoke_sessions(&self, id: i64) -> Result<(), String> {
        let _: serde_json::Value = self
            .call(
                "POST",
                &format!("/api/users/{id}/revoke-sessions"),
                None,
                Some(&self.token()?),
            )
            .await?;
        Ok(())
    }

    /// Creates a one-time invitation link.
    pub async fn invite(&self, invite: NewInvite) -> Result<CreatedInvite, String> {
        let body = serde_json::to_string(&invite).map_err(|error| error.to_string())?;
        self.call("POST", "/api/invites", Some(body), Some(&self.token()?))
            .await
    }

    /// The sections denied per role (`{"sales": ["finance"]}`).
    pub async fn role_denials(
        &self,
    ) -> Result<std::collections::BTreeMap<String, Vec<Section>>, String> {
        #[derive(Deserialize)]
        struct Access {
            denied: std::collections::BTreeMap<String, Vec<Section>>,
        }
        let access: Access = self
            .call("GET", "/api/access", None, Some(&self.token()?))
            .await?;
        Ok(access.denied)
    }

    /// Replaces the sections denied per role (administrators only).
    pub async fn set_role_denials(
        &self,
        denied: &std::collections::BTreeMap<String, Vec<Section>>,
    ) -> Result<(), String> {
        let body = serde_json::json!({ "denied": denied }).to_string();
        let _: serde_json::Value = self
            .call("PUT", "/api/access", Some(body), Some(&self.token()?))
            .await?;
        Ok(())
    }

    /// Accepts an invitation: creates the account, keeps the session and starts syncing.
    pub async fn accept_invite(
        &self,
        token: &str,
        name: &str,
        password: &str,
    ) -> Result<StoredSession, String> {
        let body = serde_json::json!({ "name": name, "password": password }).to_string();
        let session: StoredSession = self
            .call(
                "POST",
                &format!("/api/invites/{token}/accept"),
                Some(body),
                None,
            )
            .await?;
        web_session::keep_session(&session)?;
        self.adopt_session(session.clone()).await;
        Ok(session)
    }

    /// A partner contact proposes their corrected profile; only changed fields are sent.
    /// Returns `None` when nothing differs from the record.
    pub async fn propose_changes(
        &self,
        partner: DocumentId,
        edited: PartnerProfile,
    ) -> Result<Option<String>, String> {
        let i18n = self.i18n;
        let session =
            (self.session.get_untracked()).ok_or_else(|| tr!(i18n, "team-sign-in-first"))?;
        let shared = self.registry()?;
        let mut registry = shared.lock().await;
        let author = if session.user.name.is_empty() {
            session.user.email.clone()
        } else {
            session.user.name.clone()
        };
        let proposal = registry
            .propose_changes(
                &partner,
                &edited,
                &author,
                &session.user.email,
                new_row_id(),
                now_ms(),
            )
            .await
            .map_err(|error| crate::ui::words::registry_error(self.i18n, &error))?;
        let portal = companion_id(&partner, CompanionKind::Portal);
        self.refresh(&registry, &[portal]);
        Ok(proposal)
    }

    /// Staff accept or reject one proposed field; an accepted field is written to the record
    /// with the partner contact as its author.
    pub async fn decide_field(
        &self,
        partner: DocumentId,
        proposal: &str,
        field: &str,
        accept: bool,
    ) -> Result<(), String> {
        let shared = self.registry()?;
        let mut registry = shared.lock().await;
        let changed = registry
            .decide_field(&partner, proposal, field, accept, now_ms())
            .await
            .map_err(|error| crate::ui::words::registry_error(self.i18n, &error))?;
        self.refresh(&registry, &changed);
        Ok(())
    }

    /// Staff ask the partner's contacts for a document or an answer.
    pub async fn add_request(
        &self,
        partner: DocumentId,
        text: String,
        kind: RequestKind,
    ) -> Result<(), String> {
        let shared = self.registry()?;
        let mut registry = shared.lock().await;
        let changed = registry
            .add_request(&partner, &text, kind, new_row_id(), now_ms())
            .await
            .map_err(|error| crate::ui::words::registry_error(self.i18n, &error))?;
        self.refresh(&registry, &changed);
        Ok(())
    }

    /// A partner contact answers a request, with a file when one was asked for.
    pub async fn answer_request(
        &self,
        partner: DocumentId,
        request: &str,
        answer: String,
        file: Option<FileRef>,
    ) -> Result<(), String> {
        let shared = self.registry()?;
        let mut registry = shared.lock().await;
        let changed = registry
            .answer_request(&partner, request, &answer, file, now_ms())
            .await
            .map_err(|error| crate::ui::words::registry_error(self.i18n, &error))?;
        self.refresh(&registry, &changed);
        Ok(())
    }

    /// The documents this device changed that the signed-in user may not write: the server
    /// ignores those changes, so they will never sync.
    pub async fn refused_changes(&self) -> Vec<Refused> {
        let Ok(shared) = self.registry() else {
            return Vec::new();
        };
        let session = self.session.get_untracked();
        let created = self.created_here.get_untracked();
        let registry = shared.lock().await;
        let refused = refused_ids(&registry, session.as_ref(), &created);
        self.view.with_untracked(|view| {
            refused
                .into_iter()
                .map(|id| {
                    let name = |partner: &DocumentId| view.name_of(partner);
                    let i18n = self.i18n;
                    let label = match class_of(&registry, &id) {
                        DocumentClass::Workspace => tr!(i18n, "team-refused-index"),
                        DocumentClass::Settings => tr!(i18n, "team-refused-settings"),
                        DocumentClass::Partner(partner) => name(&partner),
                        DocumentClass::Finance(partner) => {
                            tr!(i18n, "team-refused-finance", { "name" => name(&partner) })
                        }
                        DocumentClass::Banking(partner) => {
                            tr!(i18n, "team-refused-banking", { "name" => name(&partner) })
                        }
                        DocumentClass::Activity(partner) => {
                            tr!(i18n, "team-refused-activity", { "name" => name(&partner) })
                        }
                        DocumentClass::Portal(partner) => {
                            tr!(i18n, "team-refused-portal", { "name" => name(&partner) })
                        }
                        _ => tr!(i18n, "team-refused-document", { "id" => id.to_string() }),
                    };
                    Refused { id, label }
                })
                .collect()
        })
    }

    /// Throws away this device's refused changes to a document and fetches the server's
    /// version of it.
    pub async fn discard_refused(&self, id: DocumentId) -> Result<(), String> {
        let shared = self.registry()?;
        let mut registry = shared.lock().await;
        registry
            .discard_local_changes(&id)
            .await
            .map_err(|error| crate::ui::words::registry_error(self.i18n, &error))?;
        *self.view.write() = RegistryView::from_registry(&registry);
        drop(registry);
        // A fresh connection: the sync state this device kept for the document described
        // the discarded changes.
        self.restart_sync(vec![id]);
        Ok(())
    }

    /// Remembers that this user registered a partner on this device (a sales rep writes the
    /// partners they create; the server knows it from who sent the record first).
    pub(super) fn remember_created(&self, id: DocumentId) {
        self.created_here.update(|created| {
            created.insert(id.to_string());
        });
        crate::web::preferences::set_created_partners(&self.created_here.get_untracked());
    }
}

/// Kinds of data request staff can send, for the request form, each with its name in the
/// chosen language (call it in a reactive closure so the names follow the language).
pub fn request_kinds(i18n: I18n) -> [(&'static str, String); 2] {
    [
        ("question", tr!(i18n, "team-request-question")),
        ("document", tr!(i18n, "team-request-document")),
    ]
}

/// The request kind for a form choice.
pub fn request_kind(choice: &str, document_kind: &str) -> RequestKind {
    if choice == "document" {
        RequestKind::Document {
            document_kind: document_kind.to_owned(),
        }
    } else {
        RequestKind::Question
    }
}
