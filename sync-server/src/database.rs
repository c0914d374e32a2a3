//! The embedded database: one SQLite file in the data directory holding the Automerge chunks
//! samod stores, the user accounts, the sign-in sessions and uploaded files (`files.rs`).
//!
//! Why SQLite (through rusqlite, bundled): one file and no service to run, transactions that are
//! durable once `COMMIT` returns (WAL with `synchronous=FULL`), a format every operator can
//! inspect and back up with standard tools, and accounts and documents in the same file. Document
//! storage is reached only through samod's `Storage` trait ([`SqliteStorage`]), so a PostgreSQL
//! backend for a multi-instance deployment implements that same trait.
//!
//! rusqlite is blocking, so every call runs on tokio's blocking pool; the connection sits behind
//! a `std::sync::Mutex` that is held only for one statement or transaction, never across an
//! `.await`.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use automerge::ChangeHash;

use rusqlite::{params, Connection, OptionalExtension};
use samod::storage::{Storage, StorageKey};

/// A failure of the database, with what we were doing.
#[derive(Debug, thiserror::Error)]
#[error("database error while trying to {action}: {source}")]
pub struct DatabaseError {
    pub action: &'static str,
    #[source]
    pub source: rusqlite::Error,
}

/// The database's file name inside the data directory (also what `backup.rs` snapshots and
/// restores).
pub const DATABASE_FILE: &str = "partnero.sqlite3";

/// The shared handle to the database file.
#[derive(Clone)]
pub struct Database {
    /// Held only for the duration of one statement or transaction.
    connection: Arc<Mutex<Connection>>,
    /// Fault injection for tests: chunk writes sleep this long first. Zero in production.
    fault_write_delay: Duration,
    /// The database file, for the chunk writer's own connection.
    path: std::path::PathBuf,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS chunks (
    key  TEXT PRIMARY KEY,          -- samod storage key, parts joined by '/' (parts never hold '/')
    data BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS users (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name          TEXT NOT NULL,
    password_hash TEXT NOT NULL,    -- Argon2id PHC string
    is_admin      INTEGER NOT NULL DEFAULT 0, -- kept equal to role = 'admin' for older tools
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL,
    role          TEXT NOT NULL DEFAULT 'manager', -- partnero::model::Role::as_str
    portal_partner TEXT             -- for role portal: bs58check id of their partner's document
);
CREATE TABLE IF NOT EXISTS sessions (
    id         INTEGER PRIMARY KEY,
    token_hash BLOB NOT NULL UNIQUE, -- SHA-256 of the token; the token itself is never stored
    user_id    INTEGER NOT NULL REFERENCES users(id),
    peer_id    TEXT NOT NULL UNIQUE,  -- the only peer id this session may sync as
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER
);
CREATE TABLE IF NOT EXISTS changes (
    document TEXT PRIMARY KEY,      -- bs58check document id
    seq      INTEGER NOT NULL       -- position in the change feed; larger is newer
);
CREATE INDEX IF NOT EXISTS changes_by_seq ON changes (seq);
CREATE TABLE IF NOT EXISTS files (
    sha256      TEXT PRIMARY KEY,   -- lower-case hex SHA-256 of data, checked before insert
    media_type  TEXT NOT NULL,
    size        INTEGER NOT NULL,
    data        BLOB NOT NULL,
    uploaded_by INTEGER NOT NULL,   -- users.id (no foreign key: a file outlives its uploader)
    uploaded_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS assignments (
    user_id INTEGER NOT NULL REFERENCES users(id),
    partner TEXT NOT NULL,          -- bs58check id of a partner document assigned to the user
    PRIMARY KEY (user_id, partner)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS document_creators (
    document TEXT PRIMARY KEY,      -- first user who sent or asked for a document not listed yet
    user_id  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS role_denials (
    role    TEXT NOT NULL,
    section TEXT NOT NULL,          -- partnero::model::Section::as_str
    PRIMARY KEY (role, section)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS invites (
    id             INTEGER PRIMARY KEY,
    token_hash     BLOB NOT NULL UNIQUE, -- SHA-256 of the token; the token itself is never stored
    email          TEXT NOT NULL,
    name           TEXT NOT NULL,
    role           TEXT NOT NULL,
    portal_partner TEXT,
    assigned       TEXT NOT NULL DEFAULT '[]', -- JSON list of partner ids
    created_by     INTEGER NOT NULL,
    created_at     INTEGER NOT NULL,
    expires_at     INTEGER NOT NULL,
    used_at        INTEGER,
    user_id        INTEGER              -- the account created by accepting it
);
CREATE TABLE IF NOT EXISTS portal_workspaces (
    user_id  INTEGER PRIMARY KEY,   -- a portal contact
    document TEXT NOT NULL          -- the workspace document they sync instead of the team's
);
";

/// Brings a database created by an earlier version to the current schema: columns that
/// `CREATE TABLE IF NOT EXISTS` cannot add to an existing table. Idempotent.
fn migrate(connection: &Connection) -> rusqlite::Result<()> {
    let columns: Vec<String> = connection
        .prepare("SELECT name FROM pragma_table_info('users')")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if !columns.iter().any(|column| column == "role") {
        // Before roles every user could do everything: administrators stay administrators,
        // everyone else becomes a manager (reads and writes every partner), as before.
        connection.execute_batch(
            "ALTER TABLE users ADD COLUMN role TEXT NOT NULL DEFAULT 'manager';
             UPDATE users SET role = 'admin' WHERE is_admin = 1;",
        )?;
    }
    if !columns.iter().any(|column| column == "portal_partner") {
        connection.execute_batch("ALTER TABLE users ADD COLUMN portal_partner TEXT;")?;
    }
    Ok(())
}

/// The setting naming this database's sync history. Change-feed positions and what a device
/// believes the server has are only meaningful within one epoch: a restore from a backup starts
/// a new one (`backup::restore`), and a device that sees it change exchanges every document,
/// sending again what the server lost.
pub const SYNC_EPOCH: &str = "sync_epoch";

/// A fresh random epoch: 16 bytes as hex.
pub fn new_sync_epoch() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the operating system provides random bytes");
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

impl Database {
    /// Opens (creating if needed) `partnero.sqlite3` in `data_dir`.
    pub fn open(data_dir: &Path) -> Result<Self, anyhow::Error> {
        std::fs::create_dir_all(data_dir).map_err(|error| {
            anyhow::anyhow!(
                "cannot create data directory {}: {error}",
                data_dir.display()
            )
        })?;
        let path = data_dir.join(DATABASE_FILE);
        let connection = Connection::open(&path)
            .map_err(|error| anyhow::anyhow!("cannot open {}: {error}", path.display()))?;
        connection
            .execute_batch("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;")
            .map_err(|error| anyhow::anyhow!("cannot configure {}: {error}", path.display()))?;
        connection
            .execute_batch(SCHEMA)
            .and_then(|()| migrate(&connection))
            .map_err(|error| {
                anyhow::anyhow!("cannot create the schema in {}: {error}", path.display())
            })?;
        Ok(Self {
            connection: Arc::new(Mutex::new(connection)),
            fault_write_delay: Duration::ZERO,
            path,
        })
    }

    /// Makes every chunk write wait first (tests only, to widen the crash window).
    pub fn set_fault_write_delay(&mut self, delay: Duration) {
        self.fault_write_delay = delay;
    }

    /// Runs `operation` on the blocking pool with the connection locked.
    pub async fn run<T: Send + 'static>(
        &self,
        action: &'static str,
        operation: impl FnOnce(&mut Connection) -> rusqlite::Result<T> + Send + 'static,
    ) -> Result<T, DatabaseError> {
        let connection = self.connection.clone();
        let result = tokio::task::spawn_blocking(move || {
            // A panic inside an earlier operation cannot leave SQLite half-written (it rolls back
            // the open transaction), so a poisoned lock is safe to reuse.
            let mut guard = connection
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            operation(&mut guard)
        })
        .await;
        match result {
            Ok(result) => result.map_err(|source| DatabaseError { action, source }),
            Err(join_error) => std::panic::resume_unwind(join_error.into_panic()),
        }
    }

    /// A setting, such as the workspace document id.
    pub async fn setting(&self, key: &'static str) -> Result<Option<String>, DatabaseError> {
        self.run("read a setting", move |connection| {
            connection
                .query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| {
                    row.get(0)
                })
                .optional()
        })
        .await
    }

    /// Stores a setting only if it is not set yet; returns the value in force.
    pub async fn setting_or_insert(
        &self,
        key: &'static str,
        value: String,
    ) -> Result<String, DatabaseError> {
        self.run("write a setting", move |connection| {
            connection.execute(
                "INSERT OR IGNORE INTO settings (key, value) VALUES (?1, ?2)",
                params![key, value],
            )?;
            connection.query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| {
                row.get(0)
            })
        })
        .await
    }

    /// Documents changed after position `since` of the change feed, and the feed's position.
    pub async fn changes_since(&self, since: i64) -> Result<(i64, Vec<String>), DatabaseError> {
        self.run("read the change feed", move |connection| {
            let cursor: i64 =
                connection.query_row("SELECT COALESCE(MAX(seq), 0) FROM changes", [], |row| {
                    row.get(0)
                })?;
            let mut statement = connection.prepare(
                "SELECT document FROM changes WHERE seq > ?1 AND seq <= ?2 ORDER BY seq",
            )?;
            let documents = statement
                .query_map([since, cursor], |row| row.get(0))?
                .collect::<rusqlite::Result<Vec<String>>>()?;
            Ok((cursor, documents))
        })
        .await
    }

    /// The samod storage over this database, sharing `durable` with the connections.
    pub fn storage(&self, durable: Arc<DurableChanges>) -> Result<SqliteStorage, anyhow::Error> {
        let writer = ChunkWriter::start(&self.path, self.fault_write_delay)?;
        Ok(SqliteStorage {
            database: self.clone(),
            durable,
            writer,
        })
    }
}

/// Which changes of which documents are known to be committed to the database.
///
/// samod sends its sync reply before the storage write of the same step has finished (its IO
/// loop runs them concurrently), so a client could see its change acknowledged and then lose it
/// to a crash. Each connection therefore holds back an outgoing sync message until every head it
/// announces is committed here. See `connection.rs`.
#[derive(Default)]
pub struct DurableChanges {
    /// Change hashes committed, per document id (bs58check text). Held briefly, never across
    /// an `.await`.
    known: Mutex<HashMap<String, HashSet<ChangeHash>>>,
    /// Woken after every commit, so waiting connections re-check.
    committed: tokio::sync::Notify,
}

impl DurableChanges {
    fn record(&self, document: &str, hashes: impl IntoIterator<Item = ChangeHash>) {
        let mut known = self
            .known
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        known.entry(document.to_owned()).or_default().extend(hashes);
        drop(known);
        self.committed.notify_waiters();
    }

    fn all_known(&self, document: &str, heads: &[ChangeHash]) -> bool {
        let known = self
            .known
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        heads.iter().all(|head| {
            known
                .get(document)
                .is_some_and(|hashes| hashes.contains(head))
        })
    }

    /// Waits until every head is committed, reading the database once for documents stored
    /// before this process started. `false` after `timeout`.
    pub async fn wait_until_durable(
        &self,
        database: &Database,
        document: &str,
        heads: &[ChangeHash],
        timeout: Duration,
    ) -> bool {
        if heads.is_empty() || self.all_known(document, heads) {
            return true;
        }
        let deadline = tokio::time::Instant::now() + timeout;
        if let Ok(hashes) = committed_hashes(database, document.to_owned()).await {
            self.record(document, hashes);
        }
        loop {
            let woken = self.committed.notified();
            if self.all_known(document, heads) {
                return true;
            }
            if tokio::time::timeout_at(deadline, woken).await.is_err() {
                return self.all_known(document, heads);
            }
        }
    }
}

/// Every change hash stored for a document, read back from its chunks.
async fn committed_hashes(
    database: &Database,
    document: String,
) -> Result<Vec<ChangeHash>, DatabaseError> {
    let chunks = database
        .run("read a document's chunks", move |connection| {
            let mut statement = connection.prepare(
                "SELECT key, data FROM chunks WHERE key >= ?1 || '/' AND key < ?1 || '0'",
            )?;
            let rows = statement.query_map([&document], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, Vec<u8>>(1)?))
            })?;
            rows.collect::<rusqlite::Result<Vec<_>>>()
        })
        .await?;
    Ok(chunks
        .iter()
        .flat_map(|(key, data)| hashes_in_chunk(key, data))
        .collect())
}

/// The change hashes a stored chunk holds: named in the key for incremental chunks, read from
/// the document for snapshots.
fn hashes_in_chunk(key: &str, data: &[u8]) -> Vec<ChangeHash> {
    let parts: Vec<&str> = key.split('/').collect();
    match parts.as_slice() {
        [_, "incremental", hash] => hash.parse().map(|hash| vec![hash]).unwrap_or_default(),
        [_, "snapshot", _] => match automerge::Automerge::load(data) {
            Ok(doc) => doc
                .get_changes(&[])
                .iter()
                .map(|change| change.hash())
                .collect(),
            Err(error) => {
                tracing::error!(%error, key, "a stored snapshot does not load");
                Vec::new()
            }
        },
        _ => Vec::new(),
    }
}

/// samod's `Storage` over the `chunks` table. samod's trait has no error channel, so a failed
/// write is logged loudly; reads that fail behave as "not stored".
#[derive(Clone)]
pub struct SqliteStorage {
    database: Database,
    durable: Arc<DurableChanges>,
    writer: std::sync::mpsc::Sender<WriteJob>,
}

/// One chunk to store, and where to report the outcome.
struct WriteJob {
    key: String,
    data: Vec<u8>,
    done: tokio::sync::oneshot::Sender<Result<Vec<ChangeHash>, String>>,
}

/// Most chunks committed in one transaction.
const MAX_BATCH: usize = 512;

/// The single thread that writes chunks, with its own connection. Writes that arrive while a
/// commit is in progress are committed together in the next transaction (group commit): one
/// fsync for many clients' changes, instead of one each, and no pile of blocked threads.
struct ChunkWriter;

impl ChunkWriter {
    fn start(
        path: &Path,
        fault_delay: Duration,
    ) -> Result<std::sync::mpsc::Sender<WriteJob>, anyhow::Error> {
        let mut connection = Connection::open(path)
            .map_err(|error| anyhow::anyhow!("cannot open {}: {error}", path.display()))?;
        connection
            .execute_batch("PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;")
            .map_err(|error| anyhow::anyhow!("cannot configure {}: {error}", path.display()))?;
        let (sender, receiver) = std::sync::mpsc::channel::<WriteJob>();
        std::thread::Builder::new()
            .name("chunk-writer".into())
            .spawn(move || {
                while let Ok(first) = receiver.recv() {
                    let mut batch = vec![first];
                    while batch.len() < MAX_BATCH {
                        match receiver.try_recv() {
                            Ok(job) => batch.push(job),
                            Err(_) => break,
                        }
                    }
                    std::thread::sleep(fault_delay);
                    let hashes: Vec<Vec<ChangeHash>> = batch
                        .iter()
                        .map(|job| hashes_in_chunk(&job.key, &job.data))
                        .collect();
                    let outcome =
                        write_batch(&mut connection, &batch).map_err(|error| error.to_string());
                    for (job, hashes) in batch.into_iter().zip(hashes) {
                        let _ = job.done.send(outcome.clone().map(|()| hashes));
                    }
                }
            })?;
        Ok(sender)
    }
}

fn write_batch(connection: &mut Connection, batch: &[WriteJob]) -> rusqlite::Result<()> {
    let transaction = connection.transaction()?;
    for job in batch {
        transaction.execute(
            "INSERT OR REPLACE INTO chunks (key, data) VALUES (?1, ?2)",
            params![job.key, job.data],
        )?;
        // The change feed: this document moves to the end, so clients that reconnect ask the
        // server only about what changed since they last synced.
        if let Some(document) = job.key.split('/').next().filter(|_| job.key.contains('/')) {
            transaction.execute(
                "INSERT INTO changes (document, seq) VALUES (?1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM changes))
                 ON CONFLICT (document) DO UPDATE SET seq = excluded.seq",
                [document],
            )?;
        }
    }
    transaction.commit()
}

fn key_text(key: &StorageKey) -> String {
    key.to_string()
}

fn parse_key(text: &str) -> Option<StorageKey> {
    StorageKey::from_parts(text.split('/')).ok()
}

impl Storage for SqliteStorage {
    async fn load(&self, key: StorageKey) -> Option<Vec<u8>> {
        let text = key_text(&key);
        let loaded = self
            .database
            .run("load a chunk", move |connection| {
                connection
                    .query_row("SELECT data FROM chunks WHERE key = ?1", [text], |row| {
                        row.get(0)
                    })
                    .optional()
            })
            .await;
        loaded.unwrap_or_else(|error| {
            tracing::error!(%error, %key, "storage load failed");
            None
        })
    }

    async fn load_range(&self, prefix: StorageKey) -> HashMap<StorageKey, Vec<u8>> {
        let text = key_text(&prefix);
        let loaded = self
            .database
            .run("load a range of chunks", move |connection| {
                // Keys under `a/b` are `a/b` itself and everything from `a/b/` up to `a/b0`
                // ('0' follows '/' in ASCII), which an index range scan answers directly.
                let mut statement = if text.is_empty() {
                    connection.prepare("SELECT key, data FROM chunks WHERE ?1 = ?1")?
                } else {
                    connection.prepare("SELECT key, data FROM chunks WHERE key = ?1 OR (key >= ?1 || '/' AND key < ?1 || '0')")?
                };
                let rows = statement.query_map([&text], |row| Ok((row.get::<_, String>(0)?, row.get::<_, Vec<u8>>(1)?)))?;
                rows.collect::<rusqlite::Result<Vec<_>>>()
            })
            .await;
        match loaded {
            Ok(rows) => rows
                .into_iter()
                .filter_map(|(key, data)| parse_key(&key).map(|key| (key, data)))
                .collect(),
            Err(error) => {
                tracing::error!(%error, %prefix, "storage range load failed");
                HashMap::new()
            }
        }
    }

    async fn put(&self, key: StorageKey, data: Vec<u8>) {
        let (done, outcome) = tokio::sync::oneshot::channel();
        let text = key_text(&key);
        if self
            .writer
            .send(WriteJob {
                key: text.clone(),
                data,
                done,
            })
            .is_err()
        {
            tracing::error!(%key, "the chunk writer has stopped: this change is not durable");
            return;
        }
        match outcome.await {
            Ok(Ok(hashes)) => {
                if let Some(document) = text.split('/').next() {
                    self.durable.record(document, hashes);
                }
            }
            Ok(Err(error)) => {
                tracing::error!(%error, %key, "storage write failed: this change is not durable")
            }
            Err(_) => {
                tracing::error!(%key, "the chunk writer stopped before committing: this change is not durable")
            }
        }
    }

    async fn delete(&self, key: StorageKey) {
        let text = key_text(&key);
        let deleted = self
            .database
            .run("delete a chunk", move |connection| {
                connection.execute("DELETE FROM chunks WHERE key = ?1", [text])
            })
            .await;
        if let Err(error) = deleted {
            tracing::error!(%error, %key, "storage delete failed");
        }
    }
}
