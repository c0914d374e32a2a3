//! Backups of the whole server state: `backup --to FILE`, `restore --from FILE` and the snapshots
//! taken on a schedule while serving (`--backup-every`, `--backup-keep`).
//!
//! Everything the server keeps lives in one SQLite file (`database.rs`): samod's document chunks,
//! users, sessions, invitations, settings, and the uploaded files (`files.rs` stores their bytes
//! in the same file). A backup is therefore one consistent copy of that database, taken with
//! `VACUUM INTO` on a connection of its own: a single read transaction, so it sees exactly the
//! committed state at one instant while the server keeps writing (WAL lets readers and the writer
//! run side by side), and it never takes the server's shared connection for the seconds a large
//! copy needs.
//!
//! The copy is packed into a tar archive with `manifest.json` (format version, creation time,
//! server version, size and SHA-256 of the database) and `SHA256SUMS`. Why tar (the `tar` crate,
//! maintained under the rust-lang umbrella, with its optional xattr support switched off): an
//! operator can unpack a backup with standard tools, check it with `sha256sum -c SHA256SUMS` and
//! open the database with `sqlite3`, and a format with named entries leaves room for more than one
//! file. The recorded SHA-256 is what lets `restore` refuse a truncated or damaged file before it
//! touches the data directory; SQLite's own `PRAGMA integrity_check` then checks the database.
//!
//! Files are written under a temporary name and renamed into place after `fsync`, so a crash or a
//! full disk never leaves a half-written backup (or a half-restored data directory) under the
//! real name.

use std::fs::{self, File, OpenOptions};
use std::future::Future;
use std::io::{self, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::database::{new_sync_epoch, DATABASE_FILE, SYNC_EPOCH};

/// The `format` field of every manifest.
const FORMAT: &str = "partnero-backup";
/// The manifest format this server writes and reads. A newer one is refused with a clear
/// message rather than half understood.
const FORMAT_VERSION: u32 = 1;
const MANIFEST_ENTRY: &str = "manifest.json";
const SUMS_ENTRY: &str = "SHA256SUMS";
/// The name of the first administrator's password file (`main.rs`): it belongs to the database
/// it was written for, so a forced restore moves it aside with that database.
const INITIAL_PASSWORD_FILE: &str = "initial-admin-password.txt";
/// Scheduled snapshots are named `partnero-backup-YYYYMMDDTHHMMSS.mmmZ.tar` (UTC); retention
/// deletes only names of exactly this shape, so nothing else in the directory is ever touched.
const SNAPSHOT_PREFIX: &str = "partnero-backup-";
const SNAPSHOT_SUFFIX: &str = ".tar";

/// Why a backup or a restore did not happen.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("no database to back up: {} does not exist", .0.display())]
    NoDatabase(PathBuf),
    #[error("{} already exists; a backup is never written over another file", .0.display())]
    TargetExists(PathBuf),
    #[error(
        "{} already holds a database ({}); nothing was changed. Pass --force to move the current \
         state aside into a `before-restore-…` directory and restore anyway",
        .data_dir.display(), .database.display()
    )]
    DataDirHasDatabase {
        data_dir: PathBuf,
        database: PathBuf,
    },
    #[error("{} is not a Partnero backup: {reason}; nothing was changed", .file.display())]
    NotABackup { file: PathBuf, reason: String },
    #[error("{} is truncated: {detail}; nothing was changed", .file.display())]
    Truncated { file: PathBuf, detail: String },
    #[error("{} is corrupt: {detail}; nothing was changed", .file.display())]
    Corrupt { file: PathBuf, detail: String },
    #[error("the snapshot of the live database failed its check: {0}")]
    SnapshotFailed(String),
    #[error("cannot {action}: {source}")]
    Io {
        action: String,
        #[source]
        source: io::Error,
    },
    #[error("database error while trying to {action}: {source}")]
    Database {
        action: String,
        #[source]
        source: rusqlite::Error,
    },
}

fn io_error(action: impl Into<String>) -> impl FnOnce(io::Error) -> BackupError {
    let action = action.into();
    move |source| BackupError::Io { action, source }
}

fn db_error(action: impl Into<String>) -> impl FnOnce(rusqlite::Error) -> BackupError {
    let action = action.into();
    move |source| BackupError::Database { action, source }
}

/// What `manifest.json` records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub version: u32,
    /// Unix seconds (UTC) when the snapshot was taken.
    pub created_at: u64,
    /// The version of the server that wrote it.
    pub server_version: String,
    pub database: ManifestFile,
}

/// One file of the archive and how to recognise it intact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestFile {
    pub path: String,
    pub bytes: u64,
    /// Lower-case hex SHA-256 of the file's bytes.
    pub sha256: String,
}

/// What a database holds, counted for the log and the command's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Contents {
    pub documents: u64,
    pub users: u64,
    pub files: u64,
}

/// A backup just written.
#[derive(Debug, Clone)]
pub struct BackupSummary {
    pub path: PathBuf,
    /// Size of the backup file.
    pub bytes: u64,
    pub manifest: Manifest,
    pub contents: Contents,
}

/// A restore just done.
#[derive(Debug, Clone)]
pub struct RestoreSummary {
    pub manifest: Manifest,
    pub contents: Contents,
    /// Where the state the restore replaced was moved (`--force` only).
    pub moved_aside: Option<PathBuf>,
}

/// Writes one consistent snapshot of the server state in `data_dir` to `to` (which must not
/// exist). Safe while the server runs. Blocking: call it on a blocking thread from async code.
pub fn create_backup(data_dir: &Path, to: &Path) -> Result<BackupSummary, BackupError> {
    let live = data_dir.join(DATABASE_FILE);
    if !live.is_file() {
        return Err(BackupError::NoDatabase(live));
    }
    if to.exists() {
        return Err(BackupError::TargetExists(to.to_owned()));
    }
    let name = to
        .file_name()
        .ok_or_else(|| BackupError::Io {
            action: format!("write a backup to {}", to.display()),
            source: io::Error::new(io::ErrorKind::InvalidInput, "not a file name"),
        })?
        .to_string_lossy()
        .into_owned();
    let parent = parent_dir(to);
    // Dot-names next to the target (same file system, so the last step is a rename); they never
    // match the snapshot pattern, so retention leaves a leftover of a crash alone.
    let unique = unique_suffix();
    let snapshot = parent.join(format!(".{name}.{unique}.sqlite3"));
    let partial = parent.join(format!(".{name}.{unique}.partial"));
    let result = write_backup(&live, &snapshot, &partial, to);
    let _ = fs::remove_file(&snapshot);
    if result.is_err() {
        let _ = fs::remove_file(&partial);
    }
    result
}

fn write_backup(
    live: &Path,
    snapshot: &Path,
    partial: &Path,
    to: &Path,
) -> Result<BackupSummary, BackupError> {
    let created_at = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs();
    // The snapshot holds password and session hashes: readable by the server's user only, from
    // the first byte (VACUUM INTO accepts an existing empty file).
    private_file(snapshot)
        .map_err(io_error(format!("create {}", snapshot.display())))?
        .sync_all()
        .map_err(io_error(format!("create {}", snapshot.display())))?;
    {
        let connection = Connection::open_with_flags(
            live,
            // No CREATE: backing up a data directory without a database must not make one.
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(db_error(format!("open {}", live.display())))?;
        connection
            .busy_timeout(Duration::from_secs(30))
            .map_err(db_error("configure the snapshot connection"))?;
        let target = snapshot.to_str().ok_or_else(|| BackupError::Io {
            action: format!("write {}", snapshot.display()),
            source: io::Error::new(io::ErrorKind::InvalidInput, "the path is not UTF-8"),
        })?;
        connection
            .execute("VACUUM INTO ?1", [target])
            .map_err(db_error("copy the database (VACUUM INTO)"))?;
    }
    // Checked when written, not only when restored: a backup of a damaged database is no backup.
    let contents = check_database(snapshot).map_err(BackupError::SnapshotFailed)?;
    let (bytes, sha256) = hash_file(snapshot)?;
    let manifest = Manifest {
        format: FORMAT.into(),
        version: FORMAT_VERSION,
        created_at,
        server_version: env!("CARGO_PKG_VERSION").into(),
        database: ManifestFile {
            path: DATABASE_FILE.into(),
            bytes,
            sha256: sha256.clone(),
        },
    };
    let manifest_json = serde_json::to_vec_pretty(&manifest).expect("a manifest serializes");
    let sums = format!("{sha256}  {DATABASE_FILE}\n");

    let file = private_file(partial).map_err(io_error(format!("create {}", partial.display())))?;
    let mut builder = tar::Builder::new(io::BufWriter::new(file));
    let write_error = io_error(format!("write {}", partial.display()));
    let archive = (|| -> io::Result<File> {
        append(&mut builder, MANIFEST_ENTRY, created_at, &manifest_json[..])?;
        append(&mut builder, SUMS_ENTRY, created_at, sums.as_bytes())?;
        let mut header = entry_header(bytes, created_at);
        builder.append_data(&mut header, DATABASE_FILE, File::open(snapshot)?)?;
        let file = builder
            .into_inner()?
            .into_inner()
            .map_err(|error| error.into_error())?;
        file.sync_all()?;
        Ok(file)
    })()
    .map_err(write_error)?;
    let size = archive
        .metadata()
        .map_err(io_error(format!("read {}", partial.display())))?
        .len();
    drop(archive);
    if to.exists() {
        return Err(BackupError::TargetExists(to.to_owned()));
    }
    fs::rename(partial, to).map_err(io_error(format!("rename into {}", to.display())))?;
    sync_dir(&parent_dir(to));
    Ok(BackupSummary {
        path: to.to_owned(),
        bytes: size,
        manifest,
        contents,
    })
}

fn entry_header(size: u64, mtime: u64) -> tar::Header {
    // GNU headers: their size field has no 8 GiB limit, and GNU tar and bsdtar both read them.
    let mut header = tar::Header::new_gnu();
    header.set_entry_type(tar::EntryType::Regular);
    header.set_size(size);
    header.set_mode(0o600);
    header.set_mtime(mtime);
    header
}

fn append(
    builder: &mut tar::Builder<impl Write>,
    name: &str,
    mtime: u64,
    data: &[u8],
) -> io::Result<()> {
    let mut header = entry_header(data.len() as u64, mtime);
    builder.append_data(&mut header, name, data)
}

/// Restores the backup `from` into `data_dir`. Refuses when `data_dir` already holds a database,
/// unless `force`, which first moves the current database (and its WAL files and the initial
/// password file) into `data_dir/before-restore-<time>/`; nothing is deleted. The server must be
/// stopped. Blocking.
///
/// The backup is unpacked into a staging directory inside `data_dir`, checked against its
/// manifest's SHA-256 and with `PRAGMA integrity_check`, and only then renamed into place, so a
/// bad file or a crash never leaves a half-restored data directory. The staging directory is
/// inside rather than beside `data_dir` so that it is always on the same file system and the
/// final step is a rename, even when `data_dir` is a mount point (a container volume), where a
/// sibling directory would be on another file system or not writable.
pub fn restore(from: &Path, data_dir: &Path, force: bool) -> Result<RestoreSummary, BackupError> {
    let live = data_dir.join(DATABASE_FILE);
    let live_wal = data_dir.join(format!("{DATABASE_FILE}-wal"));
    if (live.exists() || live_wal.exists()) && !force {
        return Err(BackupError::DataDirHasDatabase {
            data_dir: data_dir.to_owned(),
            database: live,
        });
    }
    let archive = File::open(from).map_err(io_error(format!("open {}", from.display())))?;
    // A data directory this call creates is removed again (if still empty) when the backup is
    // refused, so a refused restore leaves no trace.
    let created_data_dir = !data_dir.exists();
    fs::create_dir_all(data_dir).map_err(io_error(format!(
        "create the data directory {}",
        data_dir.display()
    )))?;
    let stamp = utc_stamp(SystemTime::now());
    let staging = data_dir.join(format!(".restore-{stamp}"));
    fs::create_dir(&staging).map_err(io_error(format!("create {}", staging.display())))?;
    let staged = staging.join(DATABASE_FILE);
    let checked = unpack(from, archive, &staged).and_then(|manifest| {
        let contents = check_database(&staged).map_err(|detail| BackupError::Corrupt {
            file: from.to_owned(),
            detail: format!("its database fails SQLite's integrity check: {detail}"),
        })?;
        Ok((manifest, contents))
    });
    // The restored database starts a new sync epoch: devices that sent changes after the
    // backup was taken see the epoch change and send them again (`database::SYNC_EPOCH`).
    let checked = checked.and_then(|checked| {
        new_epoch(&staged).map_err(|detail| BackupError::Corrupt {
            file: from.to_owned(),
            detail: format!("its database cannot take a new sync epoch: {detail}"),
        })?;
        Ok(checked)
    });
    let (manifest, contents) = match checked {
        Ok(checked) => checked,
        Err(error) => {
            // Only our own staging directory, created above, is removed.
            let _ = fs::remove_dir_all(&staging);
            if created_data_dir {
                let _ = fs::remove_dir(data_dir);
            }
            return Err(error);
        }
    };

    let mut moved_aside = None;
    if force {
        let aside = data_dir.join(format!("before-restore-{stamp}"));
        let mut created = false;
        for name in [
            DATABASE_FILE.to_owned(),
            format!("{DATABASE_FILE}-wal"),
            format!("{DATABASE_FILE}-shm"),
            format!("{DATABASE_FILE}-journal"),
            INITIAL_PASSWORD_FILE.to_owned(),
        ] {
            let path = data_dir.join(&name);
            if !path.exists() {
                continue;
            }
            if !created {
                fs::create_dir(&aside).map_err(io_error(format!("create {}", aside.display())))?;
                created = true;
            }
            // The database and its WAL move together: the WAL may hold committed changes the
            // main file does not have yet.
            fs::rename(&path, aside.join(&name)).map_err(io_error(format!(
                "move {} aside into {}",
                path.display(),
                aside.display()
            )))?;
        }
        if created {
            sync_dir(&aside);
            moved_aside = Some(aside);
        }
    }
    fs::rename(&staged, &live).map_err(io_error(format!(
        "move the restored database into {}",
        live.display()
    )))?;
    sync_dir(data_dir);
    let _ = fs::remove_dir(&staging);
    Ok(RestoreSummary {
        manifest,
        contents,
        moved_aside,
    })
}

/// Reads the archive, writes its database to `staged`, and checks it against the manifest.
fn unpack(from: &Path, archive: File, staged: &Path) -> Result<Manifest, BackupError> {
    let length = archive
        .metadata()
        .map_err(io_error(format!("read {}", from.display())))?
        .len();
    let truncated = |detail: String| BackupError::Truncated {
        file: from.to_owned(),
        detail,
    };
    let corrupt = |detail: String| BackupError::Corrupt {
        file: from.to_owned(),
        detail,
    };
    let not_a_backup = |reason: String| BackupError::NotABackup {
        file: from.to_owned(),
        reason,
    };
    if length == 0 {
        return Err(truncated("the file is empty".into()));
    }
    let read_error = |error: io::Error| {
        if error.kind() == io::ErrorKind::UnexpectedEof
            || error.to_string().contains("failed to read entire block")
        {
            truncated(format!(
                "the archive ends in the middle of an entry ({error})"
            ))
        } else {
            not_a_backup(format!("it is not a readable tar archive ({error})"))
        }
    };
    let mut archive = tar::Archive::new(BufReader::new(archive));
    let mut manifest: Option<Manifest> = None;
    let mut database: Option<(u64, String)> = None;
    for entry in archive.entries().map_err(read_error)? {
        let mut entry = entry.map_err(read_error)?;
        let path = entry
            .path()
            .map_err(read_error)?
            .to_string_lossy()
            .into_owned();
        let size = entry.header().size().map_err(read_error)?;
        match path.as_str() {
            MANIFEST_ENTRY => {
                let mut text = String::new();
                (&mut entry)
                    .take(1 << 20)
                    .read_to_string(&mut text)
                    .map_err(|error| {
                        not_a_backup(format!("its manifest is unreadable ({error})"))
                    })?;
                if (text.len() as u64) < size {
                    return Err(truncated(format!(
                        "the manifest holds {} of its {size} bytes",
                        text.len()
                    )));
                }
                let read: Manifest = serde_json::from_str(&text)
                    .map_err(|error| corrupt(format!("its manifest is not valid ({error})")))?;
                if read.format != FORMAT {
                    return Err(not_a_backup(format!(
                        "its manifest says format {:?}",
                        read.format
                    )));
                }
                if read.version != FORMAT_VERSION {
                    return Err(not_a_backup(format!(
                        "it is in backup format {}, and this server reads format {FORMAT_VERSION} \
                         (written by server {}; restore it with that version or newer)",
                        read.version, read.server_version
                    )));
                }
                manifest = Some(read);
            }
            DATABASE_FILE => {
                let file = private_file(staged)
                    .map_err(io_error(format!("create {}", staged.display())))?;
                let mut writer = HashingWriter {
                    inner: io::BufWriter::new(file),
                    hasher: Sha256::new(),
                };
                let copied = io::copy(&mut entry, &mut writer).map_err(read_error)?;
                if copied < size {
                    return Err(truncated(format!(
                        "{DATABASE_FILE} holds {copied} of its {size} bytes"
                    )));
                }
                let file = writer
                    .inner
                    .into_inner()
                    .map_err(|error| error.into_error())
                    .map_err(io_error(format!("write {}", staged.display())))?;
                file.sync_all()
                    .map_err(io_error(format!("write {}", staged.display())))?;
                database = Some((copied, hex(&writer.hasher.finalize())));
            }
            // A checksum list for people; the manifest carries the same hash.
            SUMS_ENTRY => {}
            other => {
                return Err(not_a_backup(format!(
                    "it holds an unexpected entry {other:?}"
                )))
            }
        }
    }
    let Some(manifest) = manifest else {
        return Err(not_a_backup(format!(
            "it has no {MANIFEST_ENTRY} (a Partnero backup starts with one)"
        )));
    };
    let Some((bytes, sha256)) = database else {
        return Err(truncated(format!(
            "the archive ends before {DATABASE_FILE}"
        )));
    };
    if bytes != manifest.database.bytes {
        return Err(truncated(format!(
            "{DATABASE_FILE} holds {bytes} bytes, the manifest says {}",
            manifest.database.bytes
        )));
    }
    if sha256 != manifest.database.sha256 {
        return Err(corrupt(format!(
            "the SHA-256 of {DATABASE_FILE} is {sha256}, the manifest says {}",
            manifest.database.sha256
        )));
    }
    Ok(manifest)
}

/// Opens a database file and runs `PRAGMA integrity_check`; checks it holds Partnero's tables and
/// counts what is in it. The error is the checker's own words.
fn check_database(path: &Path) -> Result<Contents, String> {
    let connection = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|error| format!("cannot open it: {error}"))?;
    let problems: Vec<String> = connection
        .prepare("PRAGMA integrity_check")
        .and_then(|mut statement| {
            let rows = statement
                .query_map([], |row| row.get::<_, String>(0))?
                .collect();
            rows
        })
        .map_err(|error| error.to_string())?;
    if problems != ["ok"] {
        let shown: Vec<&str> = problems.iter().take(5).map(String::as_str).collect();
        return Err(shown.join("; "));
    }
    let tables: i64 = connection
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table'
             AND name IN ('chunks', 'users', 'sessions', 'settings', 'files')",
            [],
            |row| row.get(0),
        )
        .map_err(|error| error.to_string())?;
    if tables != 5 {
        return Err("it is a SQLite database but not Partnero's (tables are missing)".into());
    }
    let count = |sql: &str| -> Result<u64, String> {
        connection
            .query_row(sql, [], |row| row.get::<_, i64>(0))
            .map(|count| count.max(0) as u64)
            .map_err(|error| error.to_string())
    };
    Ok(Contents {
        // A chunk's key starts with its document id.
        documents: count(
            "SELECT count(DISTINCT substr(key, 1, instr(key, '/') - 1)) FROM chunks
             WHERE instr(key, '/') > 0",
        )?,
        users: count("SELECT count(*) FROM users")?,
        files: count("SELECT count(*) FROM files")?,
    })
}

/// Gives the staged database a new sync epoch.
fn new_epoch(path: &Path) -> Result<(), String> {
    let connection = Connection::open(path).map_err(|error| error.to_string())?;
    connection
        .execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)",
            [SYNC_EPOCH, &new_sync_epoch()],
        )
        .map_err(|error| error.to_string())?;
    Ok(())
}

struct HashingWriter<W> {
    inner: W,
    hasher: Sha256,
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let written = self.inner.write(buf)?;
        self.hasher.update(&buf[..written]);
        Ok(written)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

fn hash_file(path: &Path) -> Result<(u64, String), BackupError> {
    let mut file = File::open(path).map_err(io_error(format!("read {}", path.display())))?;
    let mut writer = HashingWriter {
        inner: io::sink(),
        hasher: Sha256::new(),
    };
    let bytes =
        io::copy(&mut file, &mut writer).map_err(io_error(format!("read {}", path.display())))?;
    Ok((bytes, hex(&writer.hasher.finalize())))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// A new file readable and writable by the server's user only (it holds password hashes).
fn private_file(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// Makes a rename in `dir` durable. Best effort: some file systems cannot sync a directory.
fn sync_dir(dir: &Path) {
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    }
}

fn unique_suffix() -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos();
    format!("{}-{nanos}", std::process::id())
}

/// `YYYYMMDDTHHMMSS.mmmZ` in UTC: fixed width, so names sort in time order.
fn utc_stamp(time: SystemTime) -> String {
    let since = time.duration_since(UNIX_EPOCH).unwrap_or_default();
    let seconds = since.as_secs();
    let (year, month, day) = partnero::report::civil_of_day((seconds / 86_400) as i64);
    let of_day = seconds % 86_400;
    format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}.{:03}Z",
        of_day / 3600,
        of_day / 60 % 60,
        of_day % 60,
        since.subsec_millis()
    )
}

/// The file name of a scheduled snapshot taken at `time`.
pub fn snapshot_name(time: SystemTime) -> String {
    format!("{SNAPSHOT_PREFIX}{}{SNAPSHOT_SUFFIX}", utc_stamp(time))
}

/// Whether `name` is one of our scheduled snapshots (and so may be deleted by retention).
pub fn is_snapshot_name(name: &str) -> bool {
    let Some(stamp) = name
        .strip_prefix(SNAPSHOT_PREFIX)
        .and_then(|rest| rest.strip_suffix(SNAPSHOT_SUFFIX))
    else {
        return false;
    };
    let bytes = stamp.as_bytes();
    bytes.len() == 20
        && bytes.iter().enumerate().all(|(index, &byte)| match index {
            8 => byte == b'T',
            15 => byte == b'.',
            19 => byte == b'Z',
            _ => byte.is_ascii_digit(),
        })
}

/// Retention: of the names in a backup directory, the snapshots to delete so that the `keep`
/// newest remain. Names that are not ours are never listed. Oldest first.
pub fn snapshots_to_delete(names: &[String], keep: usize) -> Vec<String> {
    let mut ours: Vec<&String> = names.iter().filter(|name| is_snapshot_name(name)).collect();
    // Fixed-width UTC stamps: lexical order is time order.
    ours.sort();
    let excess = ours.len().saturating_sub(keep);
    ours.into_iter().take(excess).cloned().collect()
}

/// Deletes the snapshots in `dir` beyond the `keep` newest; returns what was deleted.
pub fn prune(dir: &Path, keep: usize) -> io::Result<Vec<PathBuf>> {
    let mut names = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            if let Some(name) = entry.file_name().to_str() {
                names.push(name.to_owned());
            }
        }
    }
    let mut deleted = Vec::new();
    for name in snapshots_to_delete(&names, keep) {
        let path = dir.join(name);
        fs::remove_file(&path)?;
        deleted.push(path);
    }
    Ok(deleted)
}

/// Parses `30m`, `24h`, `1h30m`, `7d`, `90s`: whole numbers with units s, m, h, d.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let invalid = || format!("{text:?} is not a duration like 30m, 24h, 1h30m or 7d");
    let mut total: u64 = 0;
    let mut digits = String::new();
    for character in text.trim().chars() {
        if character.is_ascii_digit() {
            digits.push(character);
            continue;
        }
        let unit: u64 = match character {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            _ => return Err(invalid()),
        };
        let number: u64 = digits.parse().map_err(|_| invalid())?;
        digits.clear();
        total = number
            .checked_mul(unit)
            .and_then(|seconds| total.checked_add(seconds))
            .ok_or_else(invalid)?;
    }
    if !digits.is_empty() || total == 0 {
        return Err(invalid());
    }
    Ok(Duration::from_secs(total))
}

/// Scheduled snapshots while serving.
#[derive(Debug, Clone)]
pub struct Schedule {
    pub every: Duration,
    /// How many snapshots to keep (at least one).
    pub keep: usize,
    pub dir: PathBuf,
}

/// Takes a snapshot of `data_dir` every `schedule.every` into `schedule.dir` and prunes the
/// oldest beyond `schedule.keep`, until `shutdown` resolves. A snapshot under way when shutdown
/// comes is finished (it is not cancelled half-written); the caller awaits this task.
pub async fn run_schedule(
    data_dir: PathBuf,
    schedule: Schedule,
    shutdown: impl Future<Output = ()> + Send,
) {
    // The first snapshot a little after start rather than a full period later: a server
    // restarted more often than `every` (daily deploys and a 24h schedule) would otherwise
    // never take one. Not at once, so it does not compete with start-up.
    let first = schedule.every.min(Duration::from_secs(60));
    let mut ticks = tokio::time::interval_at(tokio::time::Instant::now() + first, schedule.every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            () = &mut shutdown => break,
            _ = ticks.tick() => {}
        }
        // Failures are logged and the schedule goes on: the next attempt may succeed (a full
        // disk freed), and the server must keep serving either way.
        let _ = snapshot_once(&data_dir, &schedule).await;
    }
    tracing::info!("backup schedule stopped");
}

/// One scheduled snapshot and its retention pass, logged (path, size, duration; never contents).
pub async fn snapshot_once(
    data_dir: &Path,
    schedule: &Schedule,
) -> Result<BackupSummary, BackupError> {
    let data_dir = data_dir.to_owned();
    let dir = schedule.dir.clone();
    let keep = schedule.keep.max(1);
    let started = Instant::now();
    let outcome = tokio::task::spawn_blocking(move || {
        fs::create_dir_all(&dir).map_err(io_error(format!("create {}", dir.display())))?;
        let path = dir.join(snapshot_name(SystemTime::now()));
        let summary = create_backup(&data_dir, &path)?;
        let pruned = prune(&dir, keep);
        Ok::<_, BackupError>((summary, pruned))
    })
    .await;
    let outcome = match outcome {
        Ok(outcome) => outcome,
        Err(join_error) if join_error.is_panic() => {
            std::panic::resume_unwind(join_error.into_panic())
        }
        Err(join_error) => Err(BackupError::Io {
            action: "run the snapshot".into(),
            source: io::Error::other(join_error),
        }),
    };
    match outcome {
        Ok((summary, pruned)) => {
            tracing::info!(
                path = %summary.path.display(),
                bytes = summary.bytes,
                duration_ms = started.elapsed().as_millis() as u64,
                documents = summary.contents.documents,
                files = summary.contents.files,
                "backup snapshot written"
            );
            match pruned {
                Ok(deleted) => {
                    for path in deleted {
                        tracing::info!(path = %path.display(), "old backup snapshot deleted");
                    }
                }
                Err(error) => tracing::error!(%error, "cannot delete old backup snapshots"),
            }
            Ok(summary)
        }
        Err(error) => {
            tracing::error!(%error, "backup snapshot failed");
            Err(error)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_named_in_utc() {
        assert_eq!(partnero::report::civil_of_day(0), (1970, 1, 1));
        assert_eq!(partnero::report::civil_of_day(11_016), (2000, 2, 29));
        let time = UNIX_EPOCH + Duration::from_millis(1_764_293_445_007);
        assert_eq!(utc_stamp(time), "20251128T013045.007Z");
        assert_eq!(
            snapshot_name(time),
            "partnero-backup-20251128T013045.007Z.tar"
        );
        assert!(is_snapshot_name(&snapshot_name(time)));
        assert!(is_snapshot_name(&snapshot_name(SystemTime::now())));
    }

    #[test]
    fn durations_take_units() {
        assert_eq!(parse_duration("30m"), Ok(Duration::from_secs(1800)));
        assert_eq!(parse_duration("24h"), Ok(Duration::from_secs(86_400)));
        assert_eq!(parse_duration("1h30m"), Ok(Duration::from_secs(5400)));
        assert_eq!(parse_duration("7d"), Ok(Duration::from_secs(604_800)));
        for bad in [
            "",
            "30",
            "0m",
            "m",
            "1x",
            "1.5h",
            "-1h",
            "99999999999999999999d",
        ] {
            assert!(parse_duration(bad).is_err(), "{bad:?}");
        }
    }
}
