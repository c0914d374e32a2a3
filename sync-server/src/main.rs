//! The `partnero-sync-server` binary: read the configuration, set up logging, then serve until
//! Ctrl-C or SIGTERM, or run a maintenance sub-command (`user add`).

use partnero::model::Role;
use std::io::BufRead;

use anyhow::Context;
use clap::Parser;
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
    }
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
    server::run(listener, config, shutdown::signal())
        .await
        .context("server failed")?;
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
