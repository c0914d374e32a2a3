//! The team API: the session's view of a user's access, user management (administrators),
//! invitations (staff by administrators, partner contacts by anyone who may write the
//! partner) and the sections denied to each role.
//!
//! Handlers check who is asking, validate the body (messages name the field), change the
//! database, then update the in-memory permissions (`permissions.rs`), which bumps the
//! version every share-policy stream watches: a change applies to live sync connections.
//! Tokens, passwords and invitation links are never logged.

use std::collections::{BTreeMap, BTreeSet};

use automerge::ReadDoc;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use partnero::model::{
    CompanionEntry, DocumentId, Grant, PartnerEntry, Role, Section, ServerError,
};
use rusqlite::params;
use samod::storage::{Storage, StorageKey};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::accounts::{check_new_account, Session, User, UserUpdate};
use crate::invites::NewInvite;
use crate::permissions::portal_document_id;
use crate::server::{authenticate, now_millis, now_seconds, ApiError, AppState, TokenQuery};
use partnero::registry::{new_companion_document, CompanionKind};

type JsonBody<T> = Result<Json<T>, axum::extract::rejection::JsonRejection>;

/// A request the interface does not make; the detail stays English.
fn bad_request(detail: impl Into<String>) -> ApiError {
    ApiError(
        StatusCode::BAD_REQUEST,
        ServerError::BadRequest {
            detail: detail.into(),
        },
    )
}

fn refused(refusal: ServerError) -> ApiError {
    ApiError(StatusCode::BAD_REQUEST, refusal)
}

fn forbidden(refusal: ServerError) -> ApiError {
    ApiError(StatusCode::FORBIDDEN, refusal)
}

fn internal(error: impl std::fmt::Display, what: &str) -> ApiError {
    tracing::error!(%error, what, "team operation failed");
    ApiError(StatusCode::INTERNAL_SERVER_ERROR, ServerError::ServerFailed)
}

/// The JSON body, or a 400 that says what was expected.
fn body<T>(body: JsonBody<T>, expected: &str) -> Result<T, ApiError> {
    body.map(|Json(value)| value).map_err(|rejection| {
        bad_request(format!(
            "expected {expected} as JSON: {}",
            rejection.body_text()
        ))
    })
}

fn parse_role(text: &str, field: &str) -> Result<Role, ApiError> {
    text.parse()
        .map_err(|error| bad_request(format!("{field}: {error}")))
}

fn parse_document(text: &str, field: &str) -> Result<DocumentId, ApiError> {
    text.parse()
        .map_err(|_| bad_request(format!("{field}: {text:?} is not a document id")))
}

fn parse_documents(texts: &[String], field: &str) -> Result<Vec<DocumentId>, ApiError> {
    texts
        .iter()
        .map(|text| parse_document(text, field))
        .collect()
}

async fn signed_in(state: &AppState, headers: &HeaderMap) -> Result<Session, ApiError> {
    Ok(authenticate(state, headers, &TokenQuery::default())
        .await?
        .1)
}

async fn administrator(state: &AppState, headers: &HeaderMap) -> Result<Session, ApiError> {
    let session = signed_in(state, headers).await?;
    if session.user.role != Role::Admin.as_str() {
        return Err(forbidden(ServerError::AdministratorsOnly));
    }
    Ok(session)
}

/// What sign-in, `GET /api/session` and an accepted invitation return.
pub(crate) fn session_json(
    state: &AppState,
    token: Option<&str>,
    peer_id: &str,
    user: &User,
    expires_at: i64,
) -> Result<Value, ApiError> {
    let access = state.permissions.access(user.id).ok_or(ApiError(
        StatusCode::UNAUTHORIZED,
        ServerError::AccountDisabled,
    ))?;
    let portal = access.role == Role::Portal;
    let workspace_id = if portal {
        access.portal_workspace.map(|document| document.to_string())
    } else {
        Some(state.workspace_id.clone())
    };
    let mut value = json!({
        "peer_id": peer_id,
        "user": user,
        "expires_at": expires_at,
        "workspace_id": workspace_id,
        "team_workspace_id": (!portal).then(|| state.workspace_id.clone()),
        "portal_partner": access.portal_partner.map(|partner| partner.to_string()),
        "assigned": access.assigned.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "denied": access.denied.iter().map(|section| section.as_str()).collect::<Vec<_>>(),
    });
    if let Some(token) = token {
        value["token"] = json!(token);
    }
    Ok(value)
}

/// `GET /api/users` (administrators).
pub(crate) async fn list_users(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    administrator(&state, &headers).await?;
    let users = state.database.list_users(now_seconds()).await?;
    Ok(Json(json!({ "users": users })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct UserPatch {
    role: Option<String>,
    assigned: Option<Vec<String>>,
    disabled: Option<bool>,
}

/// Closes the live sync connections of revoked sessions.
fn close_connections(state: &AppState, sessions: &[i64]) {
    for session in sessions {
        let _ = state.sync.revocations.send(*session);
    }
}

/// `PATCH /api/users/{id}` (administrators): role, assigned partners, disabled.
pub(crate) async fn update_user(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    patch: JsonBody<UserPatch>,
) -> Result<Json<Value>, ApiError> {
    let admin = administrator(&state, &headers).await?;
    let patch = body(
        patch,
        "{\"role\"?, \"assigned\"?: [partner ids], \"disabled\"?: bool}",
    )?;
    let update = UserUpdate {
        role: patch
            .role
            .as_deref()
            .map(|role| parse_role(role, "role"))
            .transpose()?,
        assigned: patch
            .assigned
            .as_deref()
            .map(|assigned| parse_documents(assigned, "assigned"))
            .transpose()?,
        disabled: patch.disabled,
    };
    let revoked = state
        .database
        .update_user(id, update, now_seconds())
        .await?;
    state.permissions.reload_user(id).await?;
    close_connections(&state, &revoked);
    tracing::info!(user = id, by = admin.user.id, "user updated");
    let users = state.database.list_users(now_seconds()).await?;
    let user = users.into_iter().find(|user| user.id == id);
    Ok(Json(json!({ "user": user })))
}

/// `POST /api/users/{id}/revoke-sessions` (administrators).
pub(crate) async fn revoke_sessions(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    let admin = administrator(&state, &headers).await?;
    let revoked = state
        .database
        .revoke_user_sessions(id, now_seconds())
        .await?;
    close_connections(&state, &revoked);
    tracing::info!(
        user = id,
        by = admin.user.id,
        sessions = revoked.len(),
        "sessions revoked"
    );
    Ok(Json(json!({ "revoked": revoked.len() })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct InviteRequest {
    email: String,
    #[serde(default)]
    name: String,
    role: String,
    partner_id: Option<String>,
    #[serde(default)]
    assigned: Vec<String>,
}

/// `POST /api/invites`: staff by administrators; a partner's contact by anyone who may write
/// that partner.
pub(crate) async fn create_invite(
    State(state): State<AppState>,
    headers: HeaderMap,
    request: JsonBody<InviteRequest>,
) -> Result<Json<Value>, ApiError> {
    let session = signed_in(&state, &headers).await?;
    let request = body(
        request,
        "{\"email\", \"name\", \"role\", \"partner_id\"?, \"assigned\"?}",
    )?;
    let role = parse_role(&request.role, "role")?;
    let assigned = parse_documents(&request.assigned, "assigned")?;
    let portal_partner = if role == Role::Portal {
        let partner = request
            .partner_id
            .as_deref()
            .ok_or_else(|| refused(ServerError::PartnerRequired))?;
        let partner = parse_document(partner, "partner_id")?;
        if !state.permissions.is_listed_partner(&partner) {
            return Err(refused(ServerError::NotAPartner {
                partner: partner.to_string(),
            }));
        }
        let grant = state.permissions.grant_for_user(session.user.id, &partner);
        if grant != Grant::Write {
            return Err(forbidden(ServerError::WritersInviteContacts));
        }
        Some(partner)
    } else {
        if session.user.role != Role::Admin.as_str() {
            return Err(forbidden(ServerError::AdministratorsInviteStaff));
        }
        if request.partner_id.is_some() {
            return Err(refused(ServerError::StaffHaveNoPartner));
        }
        None
    };
    let (token, expires_at) = state
        .database
        .create_invite(
            NewInvite {
                email: request.email,
                name: request.name,
                role,
                portal_partner,
                assigned,
                created_by: session.user.id,
            },
            now_seconds(),
        )
        .await?;
    tracing::info!(
        by = session.user.id,
        role = role.as_str(),
        "invitation created"
    );
    Ok(Json(json!({
        "token": token,
        "path": format!("/invite/{token}"),
        "expires_at": expires_at,
    })))
}

fn unusable() -> ApiError {
    ApiError(StatusCode::NOT_FOUND, ServerError::UnusableInvite)
}

/// `GET /api/invites/{token}` (no sign-in): what the invitation is for.
pub(crate) async fn show_invite(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let invite = state
        .database
        .find_invite(&token, now_seconds())
        .await?
        .ok_or_else(unusable)?;
    Ok(Json(json!({
        "email": invite.email,
        "name": invite.name,
        "role": invite.role.as_str(),
        "expires_at": invite.expires_at,
    })))
}

#[derive(Deserialize)]
pub(crate) struct AcceptRequest {
    #[serde(default)]
    name: String,
    password: String,
}

/// `POST /api/invites/{token}/accept`: creates the account and signs it in. For a partner
/// contact, first makes sure the partner's portal document exists and is listed, and creates
/// the contact's own workspace (listing only their partner).
pub(crate) async fn accept_invite(
    State(state): State<AppState>,
    Path(token): Path<String>,
    request: JsonBody<AcceptRequest>,
) -> Result<Json<Value>, ApiError> {
    let request = body(request, "{\"name\", \"password\"}")?;
    let now = now_seconds();
    let invite = state
        .database
        .find_invite(&token, now)
        .await?
        .ok_or_else(unusable)?;
    check_new_account(&invite.email, &request.password)?;
    let portal_workspace = match invite.portal_partner {
        Some(partner) => Some(set_up_portal(&state, &partner).await?),
        None => None,
    };
    let (invite, signed_in) = state
        .database
        .accept_invite(
            &token,
            &request.name,
            &request.password,
            portal_workspace,
            now,
        )
        .await?
        .ok_or_else(unusable)?;
    state.permissions.reload_user(signed_in.user.id).await?;
    if let Some(document) = portal_workspace {
        state
            .permissions
            .set_portal_workspace(signed_in.user.id, document);
    }
    tracing::info!(
        user = signed_in.user.id,
        role = invite.role.as_str(),
        "invitation accepted"
    );
    Ok(Json(session_json(
        &state,
        Some(&signed_in.token),
        &signed_in.peer_id,
        &signed_in.user,
        signed_in.expires_at,
    )?))
}

/// The partner's portal document (created and listed if missing) and a new portal workspace
/// for one contact; returns the workspace's id.
async fn set_up_portal(state: &AppState, partner: &DocumentId) -> Result<DocumentId, ApiError> {
    ensure_portal_document(state, partner).await?;
    let partner_key = partner.to_string();
    let now_ms = now_millis();
    let workspace = state.workspace.clone();
    let key = partner_key.clone();
    let listed = tokio::task::spawn_blocking(move || {
        workspace.with_document(|doc| list_portal(doc, &key, now_ms))
    })
    .await
    .map_err(|error| internal(error, "list a portal"))?
    .map_err(|error| internal(error, "list a portal"))?;
    if listed {
        // Read now rather than waiting for the change notification: the new contact's
        // first request for the portal document must find it classified.
        state.permissions.refresh_listing(&state.workspace).await;
    }
    let doc = new_portal_workspace(&partner_key, now_ms)
        .map_err(|error| internal(error, "build a portal workspace"))?;
    let handle = state
        .repo
        .create(doc)
        .await
        .map_err(|_| internal("the sync repo stopped", "create a portal workspace"))?;
    let id = handle.document_id().to_string();
    parse_document(&id, "portal workspace")
}

/// Adds `portals.<partner>` to the team workspace; `false` when it is already there.
fn list_portal(doc: &mut automerge::Automerge, partner: &str, now_ms: i64) -> anyhow::Result<bool> {
    let Some((automerge::Value::Object(_), portals)) = doc.get(automerge::ROOT, "portals")? else {
        anyhow::bail!("the workspace has no portals index");
    };
    if doc.get(&portals, partner)?.is_some() {
        return Ok(false);
    }
    let mut transaction = doc.transaction();
    autosurgeon::reconcile_prop(
        &mut transaction,
        &portals,
        partner,
        CompanionEntry {
            added_at_ms: now_ms,
        },
    )?;
    transaction.commit();
    Ok(true)
}

/// A portal contact's workspace: the model's empty workspace listing their one partner (and
/// its portal and banking documents, in `portals` and `banking`).
fn new_portal_workspace(partner: &str, now_ms: i64) -> anyhow::Result<automerge::Automerge> {
    let mut workspace = partnero::model::Workspace::new();
    workspace.partners.insert(
        partner.to_owned(),
        PartnerEntry {
            added_at_ms: now_ms,
        },
    );
    // The contact's app finds the portal document the way staff find it in the team's index.
    workspace.portals.insert(
        partner.to_owned(),
        CompanionEntry {
            added_at_ms: now_ms,
        },
    );
    // And its banking document (its bank accounts, which the contact may read to check them
    // and propose corrections). Listed even before it exists: a partner's first bank account
    // creates it later, and the contact's app keeps asking for a listed document until the
    // server has it.
    workspace.banking.insert(
        partner.to_owned(),
        CompanionEntry {
            added_at_ms: now_ms,
        },
    );
    let mut doc = automerge::AutoCommit::new();
    autosurgeon::reconcile(&mut doc, &workspace)?;
    doc.commit();
    Ok(doc.document().clone())
}

/// Writes the partner's portal document into storage under its derived id, unless some of it
/// is already stored. Written through samod's storage (not `Repo::create`, which picks a
/// random id); samod loads it from there when the document is first asked for.
async fn ensure_portal_document(state: &AppState, partner: &DocumentId) -> Result<(), ApiError> {
    let id = portal_document_id(partner);
    let text = id.to_string();
    let prefix = text.clone();
    let stored = state
        .database
        .run("look for a portal document", move |connection| {
            connection
                .prepare("SELECT 1 FROM chunks WHERE key >= ?1 || '/' AND key < ?1 || '0' LIMIT 1")?
                .exists(params![prefix])
        })
        .await?;
    if stored {
        return Ok(());
    }
    // Byte for byte the first change a device writes when it creates the document, so a
    // contact's offline proposal and this document merge as one.
    let doc = new_companion_document(partner, CompanionKind::Portal);
    for change in doc.get_changes(&[]) {
        let key =
            StorageKey::from_parts([text.as_str(), "incremental", &change.hash().to_string()])
                .map_err(|error| internal(error, "name a portal document chunk"))?;
        state.storage.put(key, change.raw_bytes().to_vec()).await;
    }
    tracing::info!(document = %id, "created a partner's portal document");
    Ok(())
}

/// `GET /api/access` (staff): sections denied per role.
pub(crate) async fn show_access(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    let session = signed_in(&state, &headers).await?;
    if session.user.role == Role::Portal.as_str() {
        return Err(forbidden(ServerError::PortalSeesNoSettings));
    }
    Ok(Json(access_json(&state.permissions.denials())))
}

fn access_json(denials: &BTreeMap<Role, BTreeSet<Section>>) -> Value {
    let denied: serde_json::Map<String, Value> = DENIABLE_ROLES
        .iter()
        .map(|role| {
            let sections: Vec<&str> = denials
                .get(role)
                .map(|sections| sections.iter().map(|section| section.as_str()).collect())
                .unwrap_or_default();
            (role.as_str().to_owned(), json!(sections))
        })
        .collect();
    json!({ "denied": denied })
}

/// The roles sections can be denied to: administrators never are, and partner contacts never
/// see finance or activity anyway (and always read their own bank accounts).
const DENIABLE_ROLES: [Role; 3] = [Role::Manager, Role::Sales, Role::Viewer];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AccessRequest {
    denied: BTreeMap<String, Vec<String>>,
}

/// `PUT /api/access` (administrators): replaces the sections denied per role.
pub(crate) async fn replace_access(
    State(state): State<AppState>,
    headers: HeaderMap,
    request: JsonBody<AccessRequest>,
) -> Result<Json<Value>, ApiError> {
    let admin = administrator(&state, &headers).await?;
    let request = body(request, "{\"denied\": {\"<role>\": [\"<section>\"]}}")?;
    let mut denials: BTreeMap<Role, BTreeSet<Section>> = BTreeMap::new();
    for (role, sections) in &request.denied {
        let field = format!("denied.{role}");
        let parsed = parse_role(role, "denied")?;
        if !DENIABLE_ROLES.contains(&parsed) {
            return Err(refused(ServerError::SectionsNotDeniable {
                role: role.clone(),
            }));
        }
        for section in sections {
            let section: Section = section
                .parse()
                .map_err(|error| bad_request(format!("{field}: {error}")))?;
            denials.entry(parsed).or_default().insert(section);
        }
    }
    let rows: Vec<(Role, Section)> = denials
        .iter()
        .flat_map(|(role, sections)| sections.iter().map(|section| (*role, *section)))
        .collect();
    state
        .database
        .run("store denied sections", move |connection| {
            let transaction = connection.transaction()?;
            transaction.execute("DELETE FROM role_denials", [])?;
            for (role, section) in &rows {
                transaction.execute(
                    "INSERT INTO role_denials (role, section) VALUES (?1, ?2)",
                    params![role.as_str(), section.as_str()],
                )?;
            }
            transaction.commit()
        })
        .await?;
    state.permissions.set_denials(denials.clone());
    tracing::info!(by = admin.user.id, "denied sections changed");
    Ok(Json(access_json(&denials)))
}
