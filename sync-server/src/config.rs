//! Server configuration: every setting is a command-line flag with an environment fallback, so
//! the same binary runs from a terminal, a service unit or a test.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};

/// Partnero's sync server: serves the app, signs users in and syncs partner documents.
#[derive(Debug, Clone, Parser)]
#[command(name = "partnero-sync-server", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub serve: ServeOptions,
}

#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// Serve the app and the sync endpoint (the default).
    Serve,
    /// Manage user accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Write one consistent snapshot of the whole server state (documents, users, sessions,
    /// invitations, settings, uploaded files) to a single file. Safe while the server runs.
    Backup {
        /// The backup file to write; it must not exist yet.
        #[arg(long)]
        to: PathBuf,
    },
    /// Restore a backup into the data directory. Stop the server first.
    Restore {
        /// The backup file, as written by `backup` or a scheduled snapshot.
        #[arg(long)]
        from: PathBuf,
        /// Restore even though the data directory holds a database: it is first moved aside
        /// into `<data-dir>/before-restore-<time>/`, never deleted.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Clone, Subcommand)]
pub enum UserCommand {
    /// Add a user. The password is read from PARTNERO_NEW_PASSWORD or from standard input.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "")]
        name: String,
        /// Make the user an administrator (the same as `--role admin`).
        #[arg(long)]
        admin: bool,
        /// The user's role: admin, manager (the default), sales or viewer. Partner contacts
        /// are invited from a partner's page instead.
        #[arg(long, value_parser = parse_staff_role)]
        role: Option<partnero::model::Role>,
    },
}

/// Settings of the running server.
#[derive(Debug, Clone, Args)]
pub struct ServeOptions {
    /// Address to listen on.
    #[arg(
        long,
        env = "PARTNERO_LISTEN",
        default_value = "127.0.0.1:8080",
        global = true
    )]
    pub listen: SocketAddr,

    /// Directory of the built app (Trunk's dist/), served at the root with an SPA fallback.
    #[arg(long, env = "PARTNERO_DIST", default_value = "dist", global = true)]
    pub dist: PathBuf,

    /// Directory of the embedded database (created if missing).
    #[arg(long, env = "PARTNERO_DATA_DIR", default_value = "data", global = true)]
    pub data_dir: PathBuf,

    /// Largest sync message accepted, in bytes; a bigger one closes the connection (code 1009).
    #[arg(long, env = "PARTNERO_MAX_MESSAGE_BYTES", default_value_t = 8 * 1024 * 1024, global = true)]
    pub max_message_bytes: usize,

    /// Largest file upload (`PUT /api/files/…`) accepted, in bytes; a bigger one is refused with
    /// 413 before it is buffered. At most about 1 GB, SQLite's limit for one value.
    #[arg(long, env = "PARTNERO_MAX_FILE_BYTES", default_value_t = crate::files::DEFAULT_MAX_FILE_BYTES, global = true)]
    pub max_file_bytes: usize,

    /// Fault injection for tests: delay every storage write by this many milliseconds, to widen
    /// the window between a change arriving and it being committed.
    #[arg(
        long,
        env = "PARTNERO_FAULT_WRITE_DELAY_MS",
        default_value_t = 0,
        hide = true,
        global = true
    )]
    pub fault_write_delay_ms: u64,

    /// Take a snapshot of the server state this often while serving, e.g. `24h`, `6h`, `30m`,
    /// `1h30m` (units s, m, h, d). Off unless given.
    #[arg(long, env = "PARTNERO_BACKUP_EVERY", value_parser = crate::backup::parse_duration, global = true)]
    pub backup_every: Option<Duration>,

    /// How many scheduled snapshots to keep; older ones (named by us) are deleted.
    #[arg(long, env = "PARTNERO_BACKUP_KEEP", default_value_t = 7, value_parser = clap::value_parser!(u32).range(1..), global = true)]
    pub backup_keep: u32,

    /// Directory of the scheduled snapshots (default: `backups/` in the data directory).
    #[arg(long, env = "PARTNERO_BACKUP_DIR", global = true)]
    pub backup_dir: Option<PathBuf>,

    /// Log filter, e.g. `info` or `partnero_sync_server=debug,tower_http=info`.
    #[arg(long, env = "PARTNERO_LOG", default_value = "info", global = true)]
    pub log: String,

    /// Write logs as JSON lines instead of human-readable text.
    #[arg(
        long,
        env = "PARTNERO_LOG_JSON",
        default_value_t = false,
        global = true
    )]
    pub log_json: bool,
}

/// A staff role named on the command line (`partnero::model::Role`), with the same message
/// as the API when it is not one.
fn parse_staff_role(text: &str) -> Result<partnero::model::Role, String> {
    let role: partnero::model::Role = text.parse()?;
    if role == partnero::model::Role::Portal {
        return Err("partner contacts are invited from a partner's page, not added here".into());
    }
    Ok(role)
}
