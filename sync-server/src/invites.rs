//! Invitations: how people join a team (staff, created by an administrator) or a partner's
//! portal (contacts, invited by anyone who may write that partner).
//!
//! An invitation is a link with a random token (32 bytes from the OS, base64url); like session
//! tokens only its SHA-256 is stored, so a copy of the database holds no usable link. It
//! expires after 7 days and works once: accepting it marks it used in the same transaction
//! that creates the account, so two concurrent acceptances cannot both succeed.

use rusqlite::{params, OptionalExtension};
use sha2::{Digest, Sha256};

use partnero::model::{DocumentId, Role, ServerError};

use crate::accounts::{
    check_new_account, hash_password_blocking, insert_user, new_token, open_session_in,
    set_assignments, AccountError, SignedIn,
};
use crate::database::Database;

/// How long an invitation link works.
pub const INVITE_LIFETIME_SECONDS: i64 = 7 * 24 * 3600;

/// What an invitation creates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewInvite {
    pub email: String,
    pub name: String,
    pub role: Role,
    /// For role portal: the partner whose portal the contact joins.
    pub portal_partner: Option<DocumentId>,
    /// For staff (sales reps): partners assigned from the start.
    pub assigned: Vec<DocumentId>,
    pub created_by: i64,
}

/// A pending invitation, found from its token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invite {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub portal_partner: Option<DocumentId>,
    pub assigned: Vec<DocumentId>,
    pub expires_at: i64,
}

fn token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

fn invite_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Option<Invite>> {
    let role: String = row.get(3)?;
    let portal_partner: Option<String> = row.get(4)?;
    let assigned: String = row.get(5)?;
    let Ok(role) = role.parse::<Role>() else {
        return Ok(None);
    };
    let assigned: Vec<String> = serde_json::from_str(&assigned).unwrap_or_default();
    Ok(Some(Invite {
        id: row.get(0)?,
        email: row.get(1)?,
        name: row.get(2)?,
        role,
        portal_partner: portal_partner.and_then(|text| text.parse().ok()),
        assigned: assigned
            .iter()
            .filter_map(|text| text.parse().ok())
            .collect(),
        expires_at: row.get(6)?,
    }))
}

const SELECT_PENDING: &str = "SELECT id, email, name, role, portal_partner, assigned, expires_at
     FROM invites WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2";

impl Database {
    /// Stores an invitation; returns its token (shown once) and expiry.
    pub async fn create_invite(
        &self,
        invite: NewInvite,
        now: i64,
    ) -> Result<(String, i64), AccountError> {
        let email = invite.email.trim().to_owned();
        if !email.contains('@') || email.starts_with('@') || email.ends_with('@') {
            return Err(AccountError::InvalidInput(ServerError::InvalidEmail {
                email: email.clone(),
            }));
        }
        let (token, hash) = new_token();
        let expires_at = now + INVITE_LIFETIME_SECONDS;
        let assigned: Vec<String> = invite.assigned.iter().map(ToString::to_string).collect();
        let assigned = serde_json::to_string(&assigned).unwrap_or_else(|_| "[]".into());
        let taken = email.clone();
        let created = self
            .run("store an invitation", move |connection| {
                let exists: Option<i64> = connection
                    .query_row("SELECT id FROM users WHERE email = ?1", [&email], |row| {
                        row.get(0)
                    })
                    .optional()?;
                if exists.is_some() {
                    return Ok(false);
                }
                connection.execute(
                    "INSERT INTO invites (token_hash, email, name, role, portal_partner, assigned, created_by, created_at, expires_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                    params![
                        hash,
                        email,
                        invite.name.trim(),
                        invite.role.as_str(),
                        invite.portal_partner.map(|partner| partner.to_string()),
                        assigned,
                        invite.created_by,
                        now,
                        expires_at
                    ],
                )?;
                Ok(true)
            })
            .await?;
        if !created {
            return Err(AccountError::EmailTaken(taken));
        }
        Ok((token, expires_at))
    }

    /// The pending invitation behind a token, if it is neither used nor expired.
    pub async fn find_invite(&self, token: &str, now: i64) -> Result<Option<Invite>, AccountError> {
        let hash = token_hash(token);
        Ok(self
            .run("read an invitation", move |connection| {
                connection
                    .query_row(SELECT_PENDING, params![hash, now], invite_from_row)
                    .optional()
                    .map(Option::flatten)
            })
            .await?)
    }

    /// Accepts an invitation: creates the account (email and role from the invitation), its
    /// assignments, `portal_workspace` for a portal contact, marks the invitation used and
    /// opens a session, all in one transaction. `Ok(None)` when the invitation is unusable.
    pub async fn accept_invite(
        &self,
        token: &str,
        name: &str,
        password: &str,
        portal_workspace: Option<DocumentId>,
        now: i64,
    ) -> Result<Option<(Invite, SignedIn)>, AccountError> {
        let Some(invite) = self.find_invite(token, now).await? else {
            return Ok(None);
        };
        check_new_account(&invite.email, password)?;
        let password_hash = hash_password_blocking(password).await?;
        let hash = token_hash(token);
        let name = name.trim().to_owned();
        self.run("accept an invitation", move |connection| {
            let transaction = connection.transaction()?;
            let Some(invite) = transaction
                .query_row(SELECT_PENDING, params![hash, now], invite_from_row)
                .optional()?
                .flatten()
            else {
                return Ok(Ok(None));
            };
            let name = if name.is_empty() {
                invite.name.clone()
            } else {
                name
            };
            let Some(user) = insert_user(
                &transaction,
                &invite.email,
                &name,
                &password_hash,
                invite.role,
                invite.portal_partner.as_ref(),
                now,
            )?
            else {
                return Ok(Err(AccountError::EmailTaken(invite.email.clone())));
            };
            set_assignments(&transaction, user.id, &invite.assigned)?;
            if let Some(document) = portal_workspace {
                transaction.execute(
                    "INSERT OR REPLACE INTO portal_workspaces (user_id, document) VALUES (?1, ?2)",
                    params![user.id, document.to_string()],
                )?;
            }
            transaction.execute(
                "UPDATE invites SET used_at = ?2, user_id = ?3 WHERE id = ?1",
                params![invite.id, now, user.id],
            )?;
            let signed_in = open_session_in(&transaction, &user, now)?;
            transaction.commit()?;
            Ok(Ok(Some((invite, signed_in))))
        })
        .await?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn invite(email: &str) -> NewInvite {
        NewInvite {
            email: email.into(),
            name: "Nora".into(),
            role: Role::Sales,
            portal_partner: None,
            assigned: vec![DocumentId::from_random_bytes([7; 16])],
            created_by: 1,
        }
    }

    #[tokio::test]
    async fn an_invitation_works_once() {
        let dir = tempfile::tempdir().unwrap();
        let database = Database::open(dir.path()).unwrap();
        let (token, expires_at) = database
            .create_invite(invite("nora@example.com"), 1_000)
            .await
            .unwrap();
        assert_eq!(expires_at, 1_000 + INVITE_LIFETIME_SECONDS);
        let found = database.find_invite(&token, 2_000).await.unwrap().unwrap();
        assert_eq!(found.email, "nora@example.com");
        assert_eq!(found.role, Role::Sales);
        let (accepted, signed_in) = database
            .accept_invite(&token, "Nora N.", "long enough password", None, 2_000)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(accepted.assigned, found.assigned);
        assert_eq!(signed_in.user.role, "sales");
        assert_eq!(signed_in.user.name, "Nora N.");
        assert!(database.find_invite(&token, 2_001).await.unwrap().is_none());
        assert!(database
            .accept_invite(&token, "", "long enough password", None, 2_001)
            .await
            .unwrap()
            .is_none());
        assert!(database
            .find_invite("not a token", 2_001)
            .await
            .unwrap()
            .is_none());
    }

    #[tokio::test]
    async fn an_invitation_expires_after_seven_days() {
        let dir = tempfile::tempdir().unwrap();
        let database = Database::open(dir.path()).unwrap();
        let (token, expires_at) = database
            .create_invite(invite("late@example.com"), 1_000)
            .await
            .unwrap();
        assert!(database
            .find_invite(&token, expires_at - 1)
            .await
            .unwrap()
            .is_some());
        assert!(database
            .find_invite(&token, expires_at)
            .await
            .unwrap()
            .is_none());
        assert!(database
            .accept_invite(&token, "", "long enough password", None, expires_at)
            .await
            .unwrap()
            .is_none());
    }

    #[tokio::test]
    async fn a_short_password_is_refused_and_the_invitation_stays_usable() {
        let dir = tempfile::tempdir().unwrap();
        let database = Database::open(dir.path()).unwrap();
        let (token, _) = database
            .create_invite(invite("short@example.com"), 1_000)
            .await
            .unwrap();
        assert!(matches!(
            database
                .accept_invite(&token, "", "short", None, 1_001)
                .await,
            Err(AccountError::InvalidInput(_))
        ));
        assert!(database.find_invite(&token, 1_002).await.unwrap().is_some());
    }
}
