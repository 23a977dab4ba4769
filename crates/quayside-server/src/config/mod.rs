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
    /// Connections open at once, past which a new one is closed (`connection_limit`).
    pub max_connections: usize,
}

/// PEM files of the certificate chain and its private key.
#[derive(Debug, Clone)]
pub struct TlsFiles {
    pub cert: PathBuf,
    pub key: PathBuf,
}

/// Whether `serve` may start: plain HTTP off loopback would carry passwords and tokens in clear,
/// so it needs TLS files or `--insecure-http` (a TLS proxy in front, on a network of its own).
pub fn check_plain_http(listen: SocketAddr, tls: bool, insecure_http: bool) -> Result<(), String> {
    if tls || insecure_http || listen.ip().is_loopback() {
        return Ok(());
    }
    Err(format!(
        "--listen {listen} is not a loopback address and no --tls-cert/--tls-key was given: \
         passwords and tokens would cross the network in clear. Give --tls-cert and --tls-key, or \
         listen on 127.0.0.1 behind a TLS proxy, or pass --insecure-http if a proxy on another \
         machine ends TLS for this server"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_http_off_loopback_needs_the_insecure_flag() {
        let any: SocketAddr = "0.0.0.0:8640".parse().unwrap();
        let lan: SocketAddr = "10.0.0.5:8640".parse().unwrap();
        let local: SocketAddr = "127.0.0.1:8640".parse().unwrap();
        let local6: SocketAddr = "[::1]:8640".parse().unwrap();
        assert!(check_plain_http(any, false, false)
            .unwrap_err()
            .contains("--insecure-http"));
        assert!(check_plain_http(lan, false, false).is_err());
        assert!(check_plain_http(any, true, false).is_ok());
        assert!(check_plain_http(lan, false, true).is_ok());
        assert!(check_plain_http(local, false, false).is_ok());
        assert!(check_plain_http(local6, false, false).is_ok());
    }
}
