//! Binding and serving: plain HTTP, or HTTPS with rustls when a certificate is given. Prints one
//! line, `listening on http(s)://ADDR`, once the socket is bound (tests start the binary on port 0
//! and wait for it), and stops gracefully on Ctrl-C or SIGTERM.

use std::io::{self, Write};
use std::net::SocketAddr;
use std::time::Duration;

use axum::serve::ListenerExt;
use axum::Router;
use axum_server::tls_rustls::RustlsConfig;

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
    match tls {
        None => {
            // Responses go out as headers then body: with Nagle on, the body waits for the
            // client's delayed ACK (40 ms a photo download on loopback).
            let listener = tokio::net::TcpListener::from_std(listener)?.tap_io(|tcp| {
                let _ = tcp.set_nodelay(true);
            });
            announce("http", address)?;
            axum::serve(listener, app)
                .with_graceful_shutdown(shutdown_signal())
                .await
        }
        Some(config) => {
            let handle = axum_server::Handle::new();
            let stopper = handle.clone();
            tokio::spawn(async move {
                shutdown_signal().await;
                stopper.graceful_shutdown(Some(Duration::from_secs(10)));
            });
            let server = axum_server::from_tcp_rustls(listener, config)?.handle(handle);
            announce("https", address)?;
            server.serve(app.into_make_service()).await
        }
    }
}

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
