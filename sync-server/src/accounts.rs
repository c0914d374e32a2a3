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

use crate::database::{Database, DatabaseError};

/// How long a session stays valid without signing in again.
pub const SESSION_LIFETIME_SECONDS: i64 = 30 * 24 * 3600;

/// A user as the API shows it (never with the password hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub is_admin: bool,
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
    InvalidInput(String),
    #[error("a user with email {0} already exists")]
    EmailTaken(String),
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

fn user_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<User> {
    Ok(User {
        id: row.get(0)?,
        email: row.get(1)?,
        name: row.get(2)?,
        is_admin: row.get::<_, i64>(3)? != 0,
    })
}

impl Database {
    /// Creates a user. The email must look like one and the password have at least 8 characters.
    pub async fn add_user(
        &self,
        email: &str,
        name: &str,
        password: &str,
        is_admin: bool,
        now: i64,
    ) -> Result<User, AccountError> {
        let email = email.trim().to_owned();
        let name = name.trim().to_owned();
        if !email.contains('@') || email.starts_with('@') || email.ends_with('@') {
            return Err(AccountError::InvalidInput(format!(
                "email {email:?} is not an email address"
            )));
        }
        if password.chars().count() < 8 {
            return Err(AccountError::InvalidInput(
                "password must have at least 8 characters".into(),
            ));
        }
        let password = password.to_owned();
        let hash = tokio::task::spawn_blocking(move || hash_password(&password))
            .await
            .map_err(|error| AccountError::Hashing(error.to_string()))??;
        let display_name = if name.is_empty() { email.clone() } else { name };
        let taken_email = email.clone();
        let inserted = self
            .run("add a user", move |connection| {
                let changed = connection.execute(
                    "INSERT OR IGNORE INTO users (email, name, password_hash, is_admin, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![email, display_name, hash, is_admin as i64, now],
                )?;
                if changed == 0 {
                    return Ok(None);
                }
                Ok(Some(User { id: connection.last_insert_rowid(), email, name: display_name, is_admin }))
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
                        "SELECT id, email, name, is_admin, password_hash FROM users WHERE email = ?1 AND disabled = 0",
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
        let token = URL_SAFE_NO_PAD.encode(random_bytes::<32>());
        let peer_id = format!(
            "user-{}-{}",
            user.id,
            URL_SAFE_NO_PAD.encode(random_bytes::<9>())
        );
        let expires_at = now + SESSION_LIFETIME_SECONDS;
        let (hash, session_user, session_peer) = (token_hash(&token), user.id, peer_id.clone());
        self.run("open a session", move |connection| {
            connection.execute(
                "INSERT INTO sessions (token_hash, user_id, peer_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![hash, session_user, session_peer, now, expires_at],
            )
        })
        .await?;
        Ok(SignedIn {
            token,
            peer_id,
            user,
            expires_at,
        })
    }

    /// The live session behind a token, or `InvalidToken`.
    pub async fn authenticate(&self, token: &str, now: i64) -> Result<Session, AccountError> {
        let hash = token_hash(token);
        let found = self
            .run("check a session", move |connection| {
                connection
                    .query_row(
                        "SELECT users.id, users.email, users.name, users.is_admin, sessions.id, sessions.peer_id, sessions.expires_at
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
