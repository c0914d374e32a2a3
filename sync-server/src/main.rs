//! The `partnero-sync-server` binary: read the configuration, set up logging, then serve until
//! Ctrl-C or SIGTERM (taking scheduled backup snapshots if asked), or run a maintenance
//! sub-command (`user add`, `backup`, `restore`).

use partnero::model::Role;
use std::io::BufRead;

use anyhow::Context;
use clap::Parser;
use partnero_sync_server::backup::{self, Schedule};
use partnero_sync_server::config::{Cli, Command, ServeOptions, UserCommand};
use partnero_sync_server::database::Database;
use partnero_sync_server::server::{self, now_seconds, ServerConfig};
use partnero_sync_server::shutdown;
use tracing_subscriber::EnvFilter;

/// mimalloc rather than the system allocator, for two measured reasons (see the README's server
/// benchmark): glibc kept the 19 MiB Argon2id work area of every sign-in in its per-thread
/// arenas (50 sign-ins left the idle server at 350 MiB resident), and the sync hub's many small
/// short-lived allocations spent a quarter of the server's CPU time in malloc and free.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let options = cli.serve;
    let filter = EnvFilter::try_new(&options.log)
        .with_context(|| format!("invalid --log filter {:?}", options.log))?;
    if options.log_json {
        tracing_subscriber::fmt()
            .json()
            .with_env_filter(filter)
            .init();
    } else {
        tracing_subscriber::fmt().with_env_filter(filter).init();
    }
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(options).await,
        Command::User(UserCommand::Add {
            email,
            name,
            admin,
            role,
        }) => {
            let role = match (admin, role) {
                (true, _) => Role::Admin,
                (false, role) => role.unwrap_or(Role::Manager),
            };
            add_user(&options, &email, &name, role).await
        }
        Command::Backup { to } => backup_to(&options, to).await,
        Command::Restore { from, force } => restore_from(&options, from, force).await,
    }
}

/// `backup --to FILE`: the same code as the scheduled snapshots, once.
async fn backup_to(options: &ServeOptions, to: std::path::PathBuf) -> anyhow::Result<()> {
    let data_dir = options.data_dir.clone();
    let started = std::time::Instant::now();
    let summary = tokio::task::spawn_blocking(move || backup::create_backup(&data_dir, &to))
        .await
        .context("the backup task failed")??;
    println!(
        "wrote {} ({} bytes in {} ms): {} documents, {} users, {} files",
        summary.path.display(),
        summary.bytes,
        started.elapsed().as_millis(),
        summary.contents.documents,
        summary.contents.users,
        summary.contents.files
    );
    Ok(())
}

/// `restore --from FILE [--force]`.
async fn restore_from(
    options: &ServeOptions,
    from: std::path::PathBuf,
    force: bool,
) -> anyhow::Result<()> {
    let data_dir = options.data_dir.clone();
    let summary = tokio::task::spawn_blocking(move || backup::restore(&from, &data_dir, force))
        .await
        .context("the restore task failed")??;
    if let Some(aside) = &summary.moved_aside {
        println!("the previous state was moved to {}", aside.display());
    }
    println!(
        "restored into {}: {} documents, {} users, {} files (backup taken at Unix time {} by server {})",
        options.data_dir.display(),
        summary.contents.documents,
        summary.contents.users,
        summary.contents.files,
        summary.manifest.created_at,
        summary.manifest.server_version
    );
    Ok(())
}

async fn serve(options: ServeOptions) -> anyhow::Result<()> {
    create_first_administrator(&options).await?;
    let listener = tokio::net::TcpListener::bind(options.listen)
        .await
        .with_context(|| format!("cannot listen on {}", options.listen))?;
    let config = ServerConfig {
        dist: options.dist,
        data_dir: options.data_dir,
        max_message_bytes: options.max_message_bytes,
        max_file_bytes: options.max_file_bytes,
        fault_write_delay_ms: options.fault_write_delay_ms,
    };
    // One shutdown for the server and the backup schedule: the sender is dropped when the signal
    // comes (or when the server stops for any other reason), which ends the schedule's wait.
    let (stopping, stopped) = tokio::sync::watch::channel(());
    let scheduler = options.backup_every.map(|every| {
        let schedule = Schedule {
            every,
            keep: options.backup_keep as usize,
            dir: options
                .backup_dir
                .clone()
                .unwrap_or_else(|| config.data_dir.join("backups")),
        };
        tracing::info!(every_seconds = every.as_secs(), keep = schedule.keep, dir = %schedule.dir.display(), "backup schedule on");
        let mut stopped = stopped.clone();
        tokio::spawn(backup::run_schedule(
            config.data_dir.clone(),
            schedule,
            async move {
                let _ = stopped.changed().await;
            },
        ))
    });
    let served = server::run(listener, config, async move {
        shutdown::signal().await;
        drop(stopping);
    })
    .await;
    // The sender is gone by now either way; a snapshot under way finishes before we exit.
    if let Some(scheduler) = scheduler {
        let _ = scheduler.await;
    }
    served.context("server failed")?;
    tracing::info!("stopped");
    Ok(())
}

/// On an empty server, creates `admin@localhost` with a random password written to a file only
/// the server's user can read, and tells the person at the terminal (not the log) where it is.
async fn create_first_administrator(options: &ServeOptions) -> anyhow::Result<()> {
    let database = Database::open(&options.data_dir)?;
    if database.user_count().await? > 0 {
        return Ok(());
    }
    let mut bytes = [0u8; 12];
    getrandom::fill(&mut bytes).context("no random source")?;
    let password: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
    let path = options.data_dir.join("initial-admin-password.txt");
    write_private_file(&path, &format!("{password}\n"))?;
    database
        .add_user(
            "admin@localhost",
            "Administrator",
            &password,
            true,
            now_seconds(),
        )
        .await?;
    eprintln!(
        "\nFirst start: sign in at http://{} as admin@localhost with the password in {}\n",
        options.listen,
        path.display()
    );
    Ok(())
}

fn write_private_file(path: &std::path::Path, contents: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    file.write_all(contents.as_bytes())?;
    Ok(())
}

async fn add_user(
    options: &ServeOptions,
    email: &str,
    name: &str,
    role: Role,
) -> anyhow::Result<()> {
    let password = match std::env::var("PARTNERO_NEW_PASSWORD") {
        Ok(password) => password,
        Err(_) => {
            eprintln!("Password for {email} (one line on standard input):");
            let mut line = String::new();
            std::io::stdin().lock().read_line(&mut line)?;
            line.trim_end_matches(['\r', '\n']).to_owned()
        }
    };
    let database = Database::open(&options.data_dir)?;
    let user = database
        .add_user_with_role(email, name, &password, role, now_seconds())
        .await?;
    println!("added {} ({}), {}", user.email, user.name, role.label());
    Ok(())
}
