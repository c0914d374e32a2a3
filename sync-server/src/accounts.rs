//! User accounts and sign-in sessions.
//!
//! Passwords are hashed with Argon2id (memory-hard, the crate's default parameters) into PHC
//! strings. A sign-in returns a random opaque token (32 bytes from the OS, base64url); only its
//! SHA-256 is stored, with an expiry, so a copy of the database does not hold usable tokens.
//! Sign-out revokes the session. Each session gets its own peer id, the only one it may sync as.

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::Argon2;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use sha2::{Digest, Sha256};

use partnero::model::{DocumentId, Role, ServerError, MINIMUM_PASSWORD_CHARS};

use crate::database::{Database, DatabaseError};

/// How long a session stays valid without signing in again.
pub const SESSION_LIFETIME_SECONDS: i64 = 30 * 24 * 3600;

/// A user as the API shows it (never with the password hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub name: String,
    /// `partnero::model::Role::as_str`.
    pub role: String,
    /// Kept for older clients: the same as `role == "admin"`.
    pub is_admin: bool,
}

/// A user as the user management screen lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UserSummary {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: String,
    pub disabled: bool,
    /// Partner ids assigned to them (sales reps).
    pub assigned: Vec<String>,
    pub portal_partner: Option<String>,
    /// Sessions neither expired nor revoked.
    pub active_sessions: i64,
}

/// A change to a user by an administrator; `None` leaves that part as it is.
#[derive(Debug, Clone, Default)]
pub struct UserUpdate {
    pub role: Option<Role>,
    pub assigned: Option<Vec<DocumentId>>,
    pub disabled: Option<bool>,
}

/// A valid session, found from its token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub id: i64,
    pub user: User,
    /// The peer id this session must use in the sync protocol.
    pub peer_id: String,
    pub expires_at: i64,
}

/// What a successful sign-in returns to the client.
#[derive(Debug, Clone, Serialize)]
pub struct SignedIn {
    /// The bearer token; shown once, stored only as a hash.
    pub token: String,
    pub peer_id: String,
    pub user: User,
    pub expires_at: i64,
}

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// Deliberately the same message for an unknown email and a wrong password.
    #[error("wrong email or password")]
    WrongCredentials,
    #[error("the session token is unknown, expired or revoked")]
    InvalidToken,
    #[error("{0}")]
    InvalidInput(ServerError),
    #[error("a user with email {0} already exists")]
    EmailTaken(String),
    #[error("there is no user {0}")]
    NoSuchUser(i64),
    /// Refused because of the state of things (the last administrator).
    #[error("{0}")]
    Conflict(ServerError),
    #[error(transparent)]
    Database(#[from] DatabaseError),
    #[error("password hashing failed: {0}")]
    Hashing(String),
}

fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).expect("the operating system provides random bytes");
    bytes
}

fn token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

fn hash_password(password: &str) -> Result<String, AccountError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|hash| hash.to_string())
        .map_err(|error| AccountError::Hashing(error.to_string()))
}

fn password_matches(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// A valid hash of nothing in particular, verified when the email is unknown so that a wrong
/// email takes as long as a wrong password.
fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password("decoy password that no account has").unwrap_or_default())
}

/// A user from the columns `id, email, name, role` (in that order).
fn user_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<User> {
    let role: String = row.get(3)?;
    Ok(User {
        id: row.get(0)?,
        email: row.get(1)?,
        name: row.get(2)?,
        is_admin: role == Role::Admin.as_str(),
        role,
    })
}

/// Checks an email and a password the way every account creation does.
pub(crate) fn check_new_account(email: &str, password: &str) -> Result<(), AccountError> {
    if !email.contains('@') || email.starts_with('@') || email.ends_with('@') {
        return Err(AccountError::InvalidInput(ServerError::InvalidEmail {
            email: email.to_owned(),
        }));
    }
    if password.chars().count() < MINIMUM_PASSWORD_CHARS {
        return Err(AccountError::InvalidInput(ServerError::PasswordTooShort {
            minimum: MINIMUM_PASSWORD_CHARS,
        }));
    }
    Ok(())
}

/// Argon2id on the blocking pool (it takes tens of milliseconds and 19 MiB).
pub(crate) async fn hash_password_blocking(password: &str) -> Result<String, AccountError> {
    let password = password.to_owned();
    tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|error| AccountError::Hashing(error.to_string()))?
}

/// A new random token (32 bytes, base64url) and the SHA-256 stored in its place.
pub(crate) fn new_token() -> (String, Vec<u8>) {
    let token = URL_SAFE_NO_PAD.encode(random_bytes::<32>());
    let hash = token_hash(&token);
    (token, hash)
}

/// Opens a session for `user` inside an open transaction or connection.
fn insert_session(
    connection: &rusqlite::Connection,
    user: &User,
    now: i64,
) -> rusqlite::Result<SignedIn> {
    let (token, hash) = new_token();
    let peer_id = format!(
        "user-{}-{}",
        user.id,
        URL_SAFE_NO_PAD.encode(random_bytes::<9>())
    );
    let expires_at = now + SESSION_LIFETIME_SECONDS;
    connection.execute(
        "INSERT INTO sessions (token_hash, user_id, peer_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![hash, user.id, peer_id, now, expires_at],
    )?;
    Ok(SignedIn {
        token,
        peer_id,
        user: user.clone(),
        expires_at,
    })
}

impl Database {
    /// Creates a user, an administrator or a manager. The email must look like one and the
    /// password have at least 8 characters.
    pub async fn add_user(
        &self,
        email: &str,
        name: &str,
        password: &str,
        is_admin: bool,
        now: i64,
    ) -> Result<User, AccountError> {
        let role = if is_admin { Role::Admin } else { Role::Manager };
        self.add_user_with_role(email, name, password, role, now)
            .await
    }

    /// Creates a staff user with `role` (portal contacts are created by accepting an invite).
    pub async fn add_user_with_role(
        &self,
        email: &str,
        name: &str,
        password: &str,
        role: Role,
        now: i64,
    ) -> Result<User, AccountError> {
        let email = email.trim().to_owned();
        let name = name.trim().to_owned();
        check_new_account(&email, password)?;
        let hash = hash_password_blocking(password).await?;
        let taken_email = email.clone();
        let inserted = self
            .run("add a user", move |connection| {
                insert_user(connection, &email, &name, &hash, role, None, now)
            })
            .await?;
        inserted.ok_or(AccountError::EmailTaken(taken_email))
    }

    /// Number of accounts, to tell an empty server from a configured one.
    pub async fn user_count(&self) -> Result<i64, AccountError> {
        Ok(self
            .run("count users", |connection| {
                connection.query_row("SELECT COUNT(*) FROM users", [], |row| row.get(0))
            })
            .await?)
    }

    /// Checks the password and opens a session.
    pub async fn sign_in(
        &self,
        email: &str,
        password: &str,
        now: i64,
    ) -> Result<SignedIn, AccountError> {
        let lookup = email.trim().to_owned();
        let found = self
            .run("find a user", move |connection| {
                connection
                    .query_row(
                        "SELECT id, email, name, role, password_hash FROM users WHERE email = ?1 AND disabled = 0",
                        [lookup],
                        |row| Ok((user_from_row(row)?, row.get::<_, String>(4)?)),
                    )
                    .optional()
            })
            .await?;
        let password = password.to_owned();
        let (user, matches) = tokio::task::spawn_blocking(move || match found {
            Some((user, stored)) => {
                let matches = password_matches(&password, &stored);
                (Some(user), matches)
            }
            None => {
                let _ = password_matches(&password, decoy_hash());
                (None, false)
            }
        })
        .await
        .map_err(|error| AccountError::Hashing(error.to_string()))?;
        let user = match (user, matches) {
            (Some(user), true) => user,
            _ => return Err(AccountError::WrongCredentials),
        };
        Ok(self
            .run("open a session", move |connection| {
                insert_session(connection, &user, now)
            })
            .await?)
    }

    /// The live session behind a token, or `InvalidToken`.
    pub async fn authenticate(&self, token: &str, now: i64) -> Result<Session, AccountError> {
        let hash = token_hash(token);
        let found = self
            .run("check a session", move |connection| {
                connection
                    .query_row(
                        "SELECT users.id, users.email, users.name, users.role, sessions.id, sessions.peer_id, sessions.expires_at
                         FROM sessions JOIN users ON users.id = sessions.user_id
                         WHERE sessions.token_hash = ?1 AND sessions.revoked_at IS NULL
                           AND sessions.expires_at > ?2 AND users.disabled = 0",
                        params![hash, now],
                        |row| Ok(Session { user: user_from_row(row)?, id: row.get(4)?, peer_id: row.get(5)?, expires_at: row.get(6)? }),
                    )
                    .optional()
            })
            .await?;
        found.ok_or(AccountError::InvalidToken)
    }

    /// Revokes the session behind a token; revoking twice is fine.
    pub async fn sign_out(&self, token: &str, now: i64) -> Result<(), AccountError> {
        let hash = token_hash(token);
        self.run("revoke a session", move |connection| {
            connection.execute(
                "UPDATE sessions SET revoked_at = ?2 WHERE token_hash = ?1 AND revoked_at IS NULL",
                params![hash, now],
            )
        })
        .await?;
        Ok(())
    }
}

/// Inserts a user; `None` when the email is taken.
pub(crate) fn insert_user(
    connection: &rusqlite::Connection,
    email: &str,
    name: &str,
    password_hash: &str,
    role: Role,
    portal_partner: Option<&DocumentId>,
    now: i64,
) -> rusqlite::Result<Option<User>> {
    let display_name = if name.is_empty() { email } else { name };
    let changed = connection.execute(
        "INSERT OR IGNORE INTO users (email, name, password_hash, is_admin, role, portal_partner, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            email,
            display_name,
            password_hash,
            (role == Role::Admin) as i64,
            role.as_str(),
            portal_partner.map(ToString::to_string),
            now
        ],
    )?;
    if changed == 0 {
        return Ok(None);
    }
    Ok(Some(User {
        id: connection.last_insert_rowid(),
        email: email.to_owned(),
        name: display_name.to_owned(),
        role: role.as_str().to_owned(),
        is_admin: role == Role::Admin,
    }))
}

/// Opens a session for a user just created (an accepted invite), inside its transaction.
pub(crate) fn open_session_in(
    connection: &rusqlite::Connection,
    user: &User,
    now: i64,
) -> rusqlite::Result<SignedIn> {
    insert_session(connection, user, now)
}

/// Replaces a user's assigned partners.
pub(crate) fn set_assignments(
    connection: &rusqlite::Connection,
    user: i64,
    partners: &[DocumentId],
) -> rusqlite::Result<()> {
    connection.execute("DELETE FROM assignments WHERE user_id = ?1", [user])?;
    for partner in partners {
        connection.execute(
            "INSERT OR IGNORE INTO assignments (user_id, partner) VALUES (?1, ?2)",
            params![user, partner.to_string()],
        )?;
    }
    Ok(())
}

/// Revokes every live session of a user; returns their ids (to close their connections).
fn revoke_sessions_in(
    connection: &rusqlite::Connection,
    user: i64,
    now: i64,
) -> rusqlite::Result<Vec<i64>> {
    let ids = connection
        .prepare("SELECT id FROM sessions WHERE user_id = ?1 AND revoked_at IS NULL")?
        .query_map([user], |row| row.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    connection.execute(
        "UPDATE sessions SET revoked_at = ?2 WHERE user_id = ?1 AND revoked_at IS NULL",
        params![user, now],
    )?;
    Ok(ids)
}

impl Database {
    /// Every user, for the user management screen.
    pub async fn list_users(&self, now: i64) -> Result<Vec<UserSummary>, AccountError> {
        Ok(self
            .run("list users", move |connection| {
                let mut assigned: std::collections::HashMap<i64, Vec<String>> =
                    std::collections::HashMap::new();
                let mut statement = connection
                    .prepare("SELECT user_id, partner FROM assignments ORDER BY partner")?;
                for row in statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))? {
                    let (user, partner): (i64, String) = row?;
                    assigned.entry(user).or_default().push(partner);
                }
                let mut statement = connection.prepare(
                    "SELECT id, email, name, role, disabled, portal_partner,
                        (SELECT COUNT(*) FROM sessions WHERE sessions.user_id = users.id
                           AND revoked_at IS NULL AND expires_at > ?1)
                     FROM users ORDER BY id",
                )?;
                let users = statement
                    .query_map([now], |row| {
                        let id: i64 = row.get(0)?;
                        Ok(UserSummary {
                            id,
                            email: row.get(1)?,
                            name: row.get(2)?,
                            role: row.get(3)?,
                            disabled: row.get::<_, i64>(4)? != 0,
                            assigned: Vec::new(),
                            portal_partner: row.get(5)?,
                            active_sessions: row.get(6)?,
                        })
                    })?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                Ok(users
                    .into_iter()
                    .map(|mut user| {
                        user.assigned = assigned.remove(&user.id).unwrap_or_default();
                        user
                    })
                    .collect())
            })
            .await?)
    }

    /// Applies an administrator's change to a user, in one transaction. Refuses to leave the
    /// team without an active administrator. Disabling revokes their sessions: the ids
    /// revoked are returned so their live connections can be closed.
    pub async fn update_user(
        &self,
        id: i64,
        update: UserUpdate,
        now: i64,
    ) -> Result<Vec<i64>, AccountError> {
        self.run("update a user", move |connection| {
            let transaction = connection.transaction()?;
            let current: Option<(String, bool)> = transaction
                .query_row(
                    "SELECT role, disabled FROM users WHERE id = ?1",
                    [id],
                    |row| Ok((row.get(0)?, row.get::<_, i64>(1)? != 0)),
                )
                .optional()?;
            let Some((role, disabled)) = current else {
                return Ok(Err(AccountError::NoSuchUser(id)));
            };
            let is_portal = role == Role::Portal.as_str();
            if update
                .role
                .is_some_and(|new| (new == Role::Portal) != is_portal)
            {
                return Ok(Err(AccountError::InvalidInput(
                    ServerError::PortalRoleFixed,
                )));
            }
            let active_admin = role == Role::Admin.as_str() && !disabled;
            let stays_admin = update.role.is_none_or(|role| role == Role::Admin)
                && !update.disabled.unwrap_or(disabled);
            if active_admin && !stays_admin {
                let admins: i64 = transaction.query_row(
                    "SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = 0",
                    [],
                    |row| row.get(0),
                )?;
                if admins <= 1 {
                    return Ok(Err(AccountError::Conflict(ServerError::LastAdministrator)));
                }
            }
            if let Some(role) = update.role {
                transaction.execute(
                    "UPDATE users SET role = ?2, is_admin = ?3 WHERE id = ?1",
                    params![id, role.as_str(), (role == Role::Admin) as i64],
                )?;
            }
            if let Some(partners) = &update.assigned {
                set_assignments(&transaction, id, partners)?;
            }
            let mut revoked = Vec::new();
            if let Some(disable) = update.disabled {
                transaction.execute(
                    "UPDATE users SET disabled = ?2 WHERE id = ?1",
                    params![id, disable as i64],
                )?;
                if disable {
                    revoked = revoke_sessions_in(&transaction, id, now)?;
                }
            }
            transaction.commit()?;
            Ok(Ok(revoked))
        })
        .await?
    }

    /// Revokes every session of a user; returns the session ids revoked.
    pub async fn revoke_user_sessions(&self, id: i64, now: i64) -> Result<Vec<i64>, AccountError> {
        let revoked = self
            .run("revoke a user's sessions", move |connection| {
                let exists: Option<i64> = connection
                    .query_row("SELECT id FROM users WHERE id = ?1", [id], |row| row.get(0))
                    .optional()?;
                exists
                    .map(|_| revoke_sessions_in(connection, id, now))
                    .transpose()
            })
            .await?;
        revoked.ok_or(AccountError::NoSuchUser(id))
    }

    /// Whether a session is still neither revoked nor expired (for a connection that missed
    /// revocation notices).
    pub async fn session_is_live(&self, id: i64, now: i64) -> Result<bool, AccountError> {
        Ok(self
            .run("check a session", move |connection| {
                connection
                    .query_row(
                        "SELECT 1 FROM sessions JOIN users ON users.id = sessions.user_id
                         WHERE sessions.id = ?1 AND revoked_at IS NULL AND expires_at > ?2
                           AND users.disabled = 0",
                        params![id, now],
                        |_| Ok(()),
                    )
                    .optional()
            })
            .await?
            .is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A database written before roles: administrators become role admin, everyone else a
    /// manager (who, like before roles, reads and writes every partner). Opening it again
    /// changes nothing.
    #[tokio::test]
    async fn an_old_database_gains_roles_from_is_admin() {
        let dir = tempfile::tempdir().unwrap();
        {
            let connection =
                rusqlite::Connection::open(dir.path().join("partnero.sqlite3")).unwrap();
            connection
                .execute_batch(
                    "CREATE TABLE users (
                        id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE COLLATE NOCASE,
                        name TEXT NOT NULL, password_hash TEXT NOT NULL,
                        is_admin INTEGER NOT NULL DEFAULT 0, disabled INTEGER NOT NULL DEFAULT 0,
                        created_at INTEGER NOT NULL);
                     INSERT INTO users (email, name, password_hash, is_admin, created_at)
                        VALUES ('boss@example.com', 'Boss', 'x', 1, 1), ('rep@example.com', 'Rep', 'x', 0, 1);",
                )
                .unwrap();
        }
        for _ in 0..2 {
            let database = Database::open(dir.path()).unwrap();
            let users = database.list_users(0).await.unwrap();
            let roles: Vec<(&str, &str)> = users
                .iter()
                .map(|user| (user.email.as_str(), user.role.as_str()))
                .collect();
            assert_eq!(
                roles,
                [
                    ("boss@example.com", "admin"),
                    ("rep@example.com", "manager")
                ]
            );
            assert!(users.iter().all(|user| user.portal_partner.is_none()));
        }
    }

    #[tokio::test]
    async fn the_last_active_administrator_cannot_be_demoted_or_disabled() {
        let dir = tempfile::tempdir().unwrap();
        let database = Database::open(dir.path()).unwrap();
        let admin = database
            .add_user("a@example.com", "", "long password", true, 1)
            .await
            .unwrap();
        assert_eq!((admin.role.as_str(), admin.is_admin), ("admin", true));
        for update in [
            UserUpdate {
                role: Some(Role::Viewer),
                ..UserUpdate::default()
            },
            UserUpdate {
                disabled: Some(true),
                ..UserUpdate::default()
            },
        ] {
            assert!(matches!(
                database.update_user(admin.id, update, 2).await,
                Err(AccountError::Conflict(_))
            ));
        }
        let other = database
            .add_user_with_role("b@example.com", "", "long password", Role::Admin, 1)
            .await
            .unwrap();
        database
            .update_user(
                admin.id,
                UserUpdate {
                    role: Some(Role::Sales),
                    ..UserUpdate::default()
                },
                3,
            )
            .await
            .unwrap();
        assert!(matches!(
            database
                .update_user(
                    other.id,
                    UserUpdate {
                        disabled: Some(true),
                        ..UserUpdate::default()
                    },
                    4
                )
                .await,
            Err(AccountError::Conflict(_))
        ));
    }
}
