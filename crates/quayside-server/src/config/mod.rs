//! What the server is started with: where its data lives (a data folder, and optionally a
//! PostgreSQL database instead of the SQLite file in it), where it listens and its TLS files.

use std::net::SocketAddr;
use std::path::PathBuf;

/// Environment variable naming the data folder when `--data-dir` is not given.
pub const DATA_DIR_ENV: &str = "QUAYSIDE_SERVER_DATA";
/// Environment variable naming the PostgreSQL database when `--database` is not given.
pub const DATABASE_URL_ENV: &str = "QUAYSIDE_DATABASE_URL";
/// The database file in the data folder.
pub const DATABASE_FILE: &str = "server.sqlite3";
/// Default address: loopback, so a server is never exposed by accident.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8640";

#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub listen: SocketAddr,
    pub tls: Option<TlsFiles>,
}

/// PEM files of the certificate chain and its private key.
#[derive(Debug, Clone)]
pub struct TlsFiles {
    pub cert: PathBuf,
    pub key: PathBuf,
}
