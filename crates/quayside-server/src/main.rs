//! The `quayside-server` command line: admin commands on the data folder or the `--database`
//! (users, devices, the quarantine, a new epoch after a restore, the server's public key, a check
//! of the whole log) and `serve`.

use std::io::{self, BufRead};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand, ValueEnum};
use quayside_domain::event::Role;
use quayside_domain::identifiers::parse_locode;
use quayside_server::auth::{hash_password, role_name, MAX_USERNAME_CHARS, MIN_PASSWORD_CHARS};
use quayside_server::config::{
    ServeOptions, TlsFiles, DATABASE_URL_ENV, DATA_DIR_ENV, DEFAULT_LISTEN,
};
use quayside_server::server_key::ServerKey;
use quayside_server::storage::postgres::redact;
use quayside_server::storage::NewUser;
use quayside_server::{audit, listen, now_text, open_backend, published, router_over, AppState};
use uuid::Uuid;

#[derive(Parser)]
#[command(
    name = "quayside-server",
    version,
    about = "The Quayside sync server and its admin commands"
)]
struct Cli {
    /// Folder of the server's photos, and of its database (server.sqlite3) unless --database is given.
    #[arg(long, env = DATA_DIR_ENV)]
    data_dir: PathBuf,
    /// PostgreSQL database instead of SQLite (postgres://USER:PASSWORD@HOST:PORT/DATABASE), which
    /// several server processes may share; photos stay in --data-dir.
    #[arg(long, global = true, env = DATABASE_URL_ENV, hide_env_values = true, value_name = "URL")]
    database: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// User accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Enrolled devices.
    Device {
        #[command(subcommand)]
        command: DeviceCommand,
    },
    /// List the events set aside, with the reasons.
    Quarantine,
    /// Give the log a new identity after restoring a backup: every client pulls again from the start.
    NewEpoch,
    /// Print the server's public key (hex), which signs receipts, checkpoints and revocations: hand
    /// it to auditors. Made on first use, like `serve` does.
    Key,
    /// Check the whole log (signatures, device chains, replays, revocations, approvals, forks) and
    /// every photo it references. Exit 0: all intact; 1: problems (one line each); 2: cannot run.
    Verify,
    /// Serve the sync protocol.
    Serve {
        /// Address to listen on (port 0: any free port; the line printed says which).
        #[arg(long, default_value = DEFAULT_LISTEN)]
        listen: SocketAddr,
        /// PEM certificate chain: serve HTTPS (with --tls-key).
        #[arg(long, requires = "tls_key")]
        tls_cert: Option<PathBuf>,
        /// PEM private key of --tls-cert.
        #[arg(long, requires = "tls_cert")]
        tls_key: Option<PathBuf>,
        /// Publish a signed checkpoint of the log to checkpoints.jsonl in the data folder (and
        /// to the log) every this many seconds in which the log grew; 0: never.
        #[arg(long, default_value_t = 300, value_name = "SECONDS")]
        checkpoint_every: u64,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add a user; the password is read from standard input (one line).
    Add {
        name: String,
        #[arg(long)]
        role: RoleArg,
        /// UN/LOCODEs of the ports the user works, comma-separated (NLRTM,BEANR).
        #[arg(long, value_delimiter = ',')]
        ports: Vec<String>,
    },
    List,
    /// Revoke a user: every device of theirs stops syncing.
    Revoke {
        name: String,
    },
}

#[derive(Subcommand)]
enum DeviceCommand {
    List,
    /// Revoke a device (lost or stolen): it stops syncing and cannot enroll again.
    Revoke {
        device_id: Uuid,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum RoleArg {
    Inspector,
    Supervisor,
    Admin,
}

impl From<RoleArg> for Role {
    fn from(role: RoleArg) -> Role {
        match role {
            RoleArg::Inspector => Role::Inspector,
            RoleArg::Supervisor => Role::Supervisor,
            RoleArg::Admin => Role::Admin,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_writer(io::stderr)
        .with_ansi(io::IsTerminal::is_terminal(&io::stderr()))
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    // `verify` keeps exit 1 for "problems found"; that it cannot run at all is 2.
    let cannot_run = match cli.command {
        Command::Verify => ExitCode::from(2),
        _ => ExitCode::FAILURE,
    };
    match runtime.block_on(run(cli)) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            cannot_run
        }
    }
}

async fn run(cli: Cli) -> Result<ExitCode, String> {
    // Read before anything else: a mistyped fault must stop the server, not be ignored.
    #[cfg(feature = "test-support")]
    let fault = quayside_server::test_support::fault::Fault::from_env()?;
    if let Command::Key = cli.command {
        // The key is a file in the data folder: no database needed.
        let key = ServerKey::load_or_create(&cli.data_dir)?;
        println!("{}", key.public_hex());
        return Ok(ExitCode::SUCCESS);
    }
    let (store, blobs) = open_backend(cli.database.as_deref(), &cli.data_dir).await?;
    let text = |e: quayside_server::storage::StoreError| e.to_string();
    match cli.command {
        Command::User { command } => match command {
            UserCommand::Add { name, role, ports } => {
                let user = new_user(name, role.into(), ports)?;
                let username = user.username.clone();
                store.add_user(user).await.map_err(text)?;
                println!("added user {username}");
            }
            UserCommand::List => {
                for user in store.users().await.map_err(text)? {
                    let revoked = user
                        .revoked_at
                        .map(|at| format!("\trevoked {at}"))
                        .unwrap_or_default();
                    println!(
                        "{}\t{}\t{}{revoked}",
                        user.username,
                        role_name(user.role),
                        user.ports.join(",")
                    );
                }
            }
            UserCommand::Revoke { name } => {
                store.revoke_user(&name, &now_text()).await.map_err(text)?;
                println!("revoked user {name}");
            }
        },
        Command::Device { command } => match command {
            DeviceCommand::List => {
                for device in store.devices().await.map_err(text)? {
                    let revoked = device
                        .revoked_at
                        .map(|at| format!("\trevoked {at}"))
                        .unwrap_or_default();
                    println!(
                        "{}\t{}\t{}\tenrolled {}\tseq {}{revoked}",
                        device.id,
                        device.name,
                        device.username,
                        device.enrolled_at,
                        device.head_seq
                    );
                }
            }
            DeviceCommand::Revoke { device_id } => {
                store
                    .revoke_device(device_id, &now_text())
                    .await
                    .map_err(text)?;
                println!("revoked device {device_id}");
            }
        },
        Command::Quarantine => {
            let events = store.quarantine().await.map_err(text)?;
            if events.is_empty() {
                println!("the quarantine is empty");
            }
            for q in events {
                let event = q.event_id.map(|id| id.to_string()).unwrap_or("?".into());
                let seq = q.device_seq.map(|s| s.to_string()).unwrap_or("?".into());
                println!(
                    "#{}\t{}\tpushed by {}\tevent {event}\tseq {seq}\t{}",
                    q.id, q.received_at, q.pushed_by, q.reason
                );
            }
        }
        Command::NewEpoch => {
            let epoch = store.new_epoch().await.map_err(text)?;
            println!("new epoch {epoch}: every client pulls again from the start");
        }
        Command::Key => unreachable!("answered before the backend is opened"),
        Command::Verify => {
            let report = audit::verify(store.as_ref(), &blobs).await?;
            for line in &report.problems {
                println!("{line}");
            }
            for line in &report.waiting {
                println!("{line}");
            }
            println!("{}", report.summary());
            if !report.problems.is_empty() {
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::Serve {
            listen,
            tls_cert,
            tls_key,
            checkpoint_every,
        } => {
            let tls = match (tls_cert, tls_key) {
                (Some(cert), Some(key)) => Some(TlsFiles { cert, key }),
                _ => None,
            };
            // Before listening: a key others may read stops the server here, with the fix.
            let key = ServerKey::load_or_create(&cli.data_dir)?;
            tracing::info!("data folder {}", cli.data_dir.display());
            tracing::info!("server public key {}", key.public_hex());
            match cli.database.as_deref().map(str::trim) {
                Some(url) if !url.is_empty() => tracing::info!("database {}", redact(url)),
                _ => {}
            }
            let state = AppState::new(store, Arc::new(blobs), Arc::new(key));
            #[cfg(feature = "test-support")]
            let state = {
                use quayside_server::test_support::fault::Fault;
                if fault != Fault::None {
                    tracing::warn!("test-only fault injection is armed: {fault:?}");
                }
                state.with_fault(fault)
            };
            if checkpoint_every > 0 {
                tokio::spawn(published::publish(
                    state.clone(),
                    published::path(&cli.data_dir),
                    std::time::Duration::from_secs(checkpoint_every),
                ));
            }
            let app = router_over(state);
            listen::serve(app, ServeOptions { listen, tls })
                .await
                .map_err(|e| e.to_string())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn new_user(name: String, role: Role, ports: Vec<String>) -> Result<NewUser, String> {
    let username = name.trim().to_string();
    if username.is_empty()
        || username.chars().count() > MAX_USERNAME_CHARS
        || username
            .chars()
            .any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(format!(
            "{name:?} is not a user name: use 1 to 64 characters without spaces"
        ));
    }
    let ports = ports
        .iter()
        .filter(|p| !p.trim().is_empty())
        .map(|p| parse_locode(p).map_err(|e| format!("--ports {p}: {e}")))
        .collect::<Result<Vec<_>, _>>()?;
    if ports.is_empty() && role != Role::Admin {
        return Err(
            "an inspector or supervisor works at least one port: add --ports NLRTM (comma-separate several)"
                .into(),
        );
    }
    let password = read_password()?;
    let password_hash =
        hash_password(&password).map_err(|e| format!("cannot hash the password: {e}"))?;
    Ok(NewUser {
        username,
        password_hash,
        role,
        ports,
        now: now_text(),
    })
}

/// One line of standard input, without its line ending.
fn read_password() -> Result<String, String> {
    let mut line = String::new();
    io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| format!("cannot read the password from standard input: {e}"))?;
    let password = line.trim_end_matches(['\n', '\r']).to_string();
    let length = password.chars().count();
    if length < MIN_PASSWORD_CHARS {
        return Err(format!(
            "the password is {length} characters long; it must have at least {MIN_PASSWORD_CHARS} \
             (a few words make one easy to remember): give it on standard input, one line"
        ));
    }
    Ok(password)
}
