//! Binding and serving: plain HTTP, or HTTPS with rustls when a certificate is given. Prints one
//! line, `listening on http(s)://ADDR`, once the socket is bound (tests start the binary on port 0
//! and wait for it), and stops gracefully on Ctrl-C or SIGTERM.

use std::io::{self, Write};
use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use axum_server::tls_rustls::{RustlsAcceptor, RustlsConfig};

use crate::config::ServeOptions;

pub async fn serve(app: Router, options: ServeOptions) -> io::Result<()> {
    // Load the certificate before binding, so a bad file fails before "listening" is announced.
    let tls = match &options.tls {
        Some(files) => {
            // ring is the only provider compiled in; installing it twice is harmless.
            let _ = rustls::crypto::ring::default_provider().install_default();
            let config = RustlsConfig::from_pem_file(&files.cert, &files.key)
                .await
                .map_err(|e| {
                    io::Error::new(
                        e.kind(),
                        format!(
                            "cannot use the TLS certificate {} and key {}: {e}",
                            files.cert.display(),
                            files.key.display()
                        ),
                    )
                })?;
            Some(config)
        }
        None => None,
    };
    let listener = std::net::TcpListener::bind(options.listen).map_err(|e| {
        io::Error::new(
            e.kind(),
            format!("cannot listen on {}: {e}", options.listen),
        )
    })?;
    listener.set_nonblocking(true)?;
    let address = listener.local_addr()?;
    let handle = axum_server::Handle::new();
    let stopper = handle.clone();
    tokio::spawn(async move {
        shutdown_signal().await;
        stopper.graceful_shutdown(Some(Duration::from_secs(10)));
    });
    // The client's address reaches the handlers (sign-in failures count per client).
    let app = app.into_make_service_with_connect_info::<SocketAddr>();
    // Responses go out as headers then body: with Nagle on, the body waits for the client's
    // delayed ACK (40 ms a photo download on loopback).
    let no_delay = crate::connection_limit::LimitConnections::new(
        axum_server::accept::NoDelayAcceptor::new(),
        options.max_connections,
    );
    match tls {
        None => {
            let mut server = axum_server::from_tcp(listener)?
                .acceptor(no_delay)
                .handle(handle);
            server
                .http_builder()
                .http1()
                .header_read_timeout(HEADER_READ_TIMEOUT);
            announce("http", address)?;
            server.serve(app).await
        }
        Some(config) => {
            // rustls' handshake has its own limit (10 s in axum-server).
            let acceptor = RustlsAcceptor::new(config).acceptor(no_delay);
            let mut server = axum_server::from_tcp(listener)?
                .acceptor(acceptor)
                .handle(handle);
            server
                .http_builder()
                .http1()
                .header_read_timeout(HEADER_READ_TIMEOUT);
            announce("https", address)?;
            server.serve(app).await
        }
    }
}

/// A client that sends its request line and headers slower than this is cut off: connections
/// held open a byte at a time would otherwise pile up. An idle kept-alive connection is closed
/// after it too, so it is longer than the app's client keeps an idle connection (15 s): the
/// client drops one before the server does, and never sends a request on a connection the
/// server is closing. Bodies have their limit in `router`.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(20);

fn announce(scheme: &str, address: SocketAddr) -> io::Result<()> {
    let mut out = io::stdout().lock();
    writeln!(out, "listening on {scheme}://{address}")?;
    out.flush()
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}
