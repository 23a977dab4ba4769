//! The command line's shape (clap): the global options, the commands and their arguments.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use quayside_domain::event::Role;
use quayside_server::config::{DATABASE_URL_ENV, DATA_DIR_ENV, DEFAULT_LISTEN};
use uuid::Uuid;

#[derive(Parser)]
#[command(
    name = "quayside-server",
    version,
    about = "The Quayside sync server and its admin commands"
)]
pub struct Cli {
    /// Folder of the server's photos, and of its database (server.sqlite3) unless --database is given.
    #[arg(long, env = DATA_DIR_ENV)]
    pub data_dir: PathBuf,
    /// PostgreSQL database instead of SQLite (postgres://USER:PASSWORD@HOST:PORT/DATABASE), which
    /// several server processes may share; photos stay in --data-dir.
    #[arg(long, global = true, env = DATABASE_URL_ENV, hide_env_values = true, value_name = "URL")]
    pub database: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
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
    /// Control lists: what needs an export licence. Devices fetch a published list at their next
    /// sync and open new cases under it.
    ControlList {
        #[command(subcommand)]
        command: ControlListCommand,
    },
    /// List the events set aside, with the reasons.
    Quarantine {
        #[command(subcommand)]
        command: Option<QuarantineCommand>,
    },
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
        /// Serve plain HTTP on a non-loopback --listen address (refused otherwise): only behind a
        /// TLS proxy on another machine. Warned about at every start.
        #[arg(long)]
        insecure_http: bool,
        /// Publish a signed checkpoint of the log to checkpoints.jsonl in the data folder (and
        /// to the log) every this many seconds in which the log grew; 0: never.
        #[arg(long, default_value_t = 300, value_name = "SECONDS")]
        checkpoint_every: u64,
        /// A device's token expires after this many days unused (each sync renews it); the
        /// person then signs in again.
        #[arg(long, default_value_t = 90, value_name = "DAYS",
              value_parser = clap::value_parser!(u32).range(1..=3650))]
        token_idle_days: u32,
        /// The same in seconds, for drills and tests; overrides --token-idle-days.
        #[arg(long, hide = true, value_name = "SECONDS",
              value_parser = clap::value_parser!(u64).range(1..))]
        token_idle_seconds: Option<u64>,
        /// Connections open at once; one more is closed at once.
        #[arg(long, default_value_t = quayside_server::connection_limit::DEFAULT_MAX_CONNECTIONS,
              value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=1_000_000))]
        max_connections: usize,
        /// Requests without a token (sign-ins, wipe confirmations, the OpenAPI document) one
        /// client network may send a minute, in a burst or spread out; more get 429.
        #[arg(long, default_value_t = quayside_server::rate_limit::DEFAULT_PER_MINUTE,
              value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
        unauthenticated_per_minute: u32,
        /// Bytes of unfinished uploads an account's devices may hold, for drills and tests.
        #[arg(long, hide = true, value_name = "BYTES",
              value_parser = clap::value_parser!(u64).range(1..))]
        upload_quota_bytes: Option<u64>,
    },
}

#[derive(Subcommand)]
pub enum QuarantineCommand {
    /// Print what devices pushed unsigned (unreadable, or another device's: kept as hash, size and
    /// reason) as JSON lines, then remove it. Events a device signed stay.
    Prune,
}

#[derive(Subcommand)]
pub enum UserCommand {
    /// Add a user; the password is read from standard input (one line).
    Add {
        name: String,
        #[arg(long)]
        role: RoleArg,
        /// UN/LOCODEs of the ports the user works, comma-separated (NLRTM,BEANR).
        #[arg(long, value_delimiter = ',')]
        ports: Vec<String>,
        /// An analyst's case summaries carry personal entities too (persons, their numbers,
        /// addresses, phones, emails): only for an analyst whose work needs them.
        #[arg(long)]
        personal_data: bool,
    },
    List,
    /// Revoke a user: every device of theirs stops syncing.
    Revoke {
        name: String,
    },
}

#[derive(Subcommand)]
pub enum DeviceCommand {
    List,
    /// Revoke a device (lost or stolen): it stops syncing and cannot enroll again.
    Revoke {
        device_id: Uuid,
    },
}

#[derive(Subcommand)]
pub enum ControlListCommand {
    /// Check, sign and publish a list (JSON as docs/domain.md describes it; its version above
    /// every one published).
    Publish { file: PathBuf },
    /// List the published versions.
    List,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum RoleArg {
    Inspector,
    Supervisor,
    Admin,
    /// Reads every port's cases as summaries, to link them.
    Analyst,
}

impl From<RoleArg> for Role {
    fn from(role: RoleArg) -> Role {
        match role {
            RoleArg::Inspector => Role::Inspector,
            RoleArg::Supervisor => Role::Supervisor,
            RoleArg::Admin => Role::Admin,
            RoleArg::Analyst => Role::Analyst,
        }
    }
}
