//! The HTTP side: one blocking agent per server, JSON in and out, every error body turned into a
//! [`SyncError`], and a count of the bytes that crossed (for the benchmark and the status).

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use quayside_protocol::{ErrorBody, ErrorCode, PREFIX};
use serde::de::DeserializeOwned;
use serde::Serialize;
use ureq::http::Response;
use ureq::Body;

use crate::error::SyncError;

/// Largest response read into memory: a photo original (100 MB) plus room.
const MAX_RESPONSE_BYTES: u64 = 110 * 1024 * 1024;

/// Which certificates a TLS server may present.
#[derive(Debug, Clone, Default)]
pub enum Trust {
    /// The operating system's trust store (where an organisation installs its CA).
    #[default]
    System,
    /// Only these CAs: the `server-ca.pem` beside the device's data.
    Only(Vec<ureq::tls::Certificate<'static>>),
}

pub struct Remote {
    base: String,
    token: Option<String>,
    agent: ureq::Agent,
    sent: AtomicU64,
    received: AtomicU64,
}

impl Remote {
    /// `server` is the address people type: `https://sync.example:8640` or `127.0.0.1:8640`.
    pub fn new(server: &str, token: Option<String>, trust: &Trust) -> Remote {
        let roots = match trust {
            Trust::System => ureq::tls::RootCerts::PlatformVerifier,
            Trust::Only(certs) => {
                ureq::tls::RootCerts::Specific(std::sync::Arc::new(certs.clone()))
            }
        };
        let config = ureq::Agent::config_builder()
            .tls_config(ureq::tls::TlsConfig::builder().root_certs(roots).build())
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(10)))
            .timeout_global(Some(Duration::from_secs(120)))
            .build();
        Remote {
            base: normalise(server),
            token,
            agent: ureq::Agent::new_with_config(config),
            sent: AtomicU64::new(0),
            received: AtomicU64::new(0),
        }
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    /// Request body bytes sent and response body bytes received so far.
    pub fn bytes(&self) -> (u64, u64) {
        (
            self.sent.load(Ordering::Relaxed),
            self.received.load(Ordering::Relaxed),
        )
    }

    fn url(&self, path: &str) -> String {
        format!("{}{PREFIX}{path}", self.base)
    }

    fn auth(&self) -> String {
        format!("Bearer {}", self.token.as_deref().unwrap_or(""))
    }

    pub fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, SyncError> {
        let response = self
            .agent
            .get(&self.url(path))
            .header("authorization", &self.auth())
            .call();
        self.json(response)
    }

    pub fn post<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T, SyncError> {
        let bytes = serde_json::to_vec(body).map_err(|e| SyncError::Protocol(e.to_string()))?;
        self.post_bytes(path, &bytes)
    }

    /// POST a JSON body already encoded (a push measures its batches before sending them).
    pub fn post_bytes<T: DeserializeOwned>(
        &self,
        path: &str,
        bytes: &[u8],
    ) -> Result<T, SyncError> {
        self.sent.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        let response = self
            .agent
            .post(&self.url(path))
            .header("authorization", &self.auth())
            .content_type("application/json")
            .send(bytes);
        self.json(response)
    }

    pub fn put_bytes<T: DeserializeOwned>(&self, path: &str, bytes: &[u8]) -> Result<T, SyncError> {
        self.sent.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        let response = self
            .agent
            .put(&self.url(path))
            .header("authorization", &self.auth())
            .content_type("application/octet-stream")
            .send(bytes);
        self.json(response)
    }

    /// GET raw bytes (a photo original of about `size` bytes): the time allowed grows with the
    /// size, at 50 KB/s at worst, so a large original finishes on a slow link.
    pub fn get_bytes(&self, path: &str, size: u64) -> Result<Vec<u8>, SyncError> {
        let allowed = Duration::from_secs(120).max(Duration::from_millis(size / 50));
        let response = self
            .agent
            .get(&self.url(path))
            .header("authorization", &self.auth())
            .config()
            .timeout_global(Some(allowed))
            .build()
            .call();
        self.body(response)
    }

    fn json<T: DeserializeOwned>(
        &self,
        response: Result<Response<Body>, ureq::Error>,
    ) -> Result<T, SyncError> {
        let bytes = self.body(response)?;
        serde_json::from_slice(&bytes).map_err(|e| SyncError::Protocol(e.to_string()))
    }

    /// The body of a successful answer, counted.
    fn body(&self, response: Result<Response<Body>, ureq::Error>) -> Result<Vec<u8>, SyncError> {
        let mut response = self.checked(response)?;
        let bytes = response
            .body_mut()
            .with_config()
            .limit(MAX_RESPONSE_BYTES)
            .read_to_vec()
            .map_err(|e| self.offline(e))?;
        self.received
            .fetch_add(bytes.len() as u64, Ordering::Relaxed);
        Ok(bytes)
    }

    /// A transport failure means offline; an error status becomes `Rejected` with the server's code.
    fn checked(
        &self,
        response: Result<Response<Body>, ureq::Error>,
    ) -> Result<Response<Body>, SyncError> {
        let mut response = response.map_err(|e| self.offline(e))?;
        let status = response.status().as_u16();
        if status < 400 {
            return Ok(response);
        }
        let text = response
            .body_mut()
            .with_config()
            .limit(64 * 1024)
            .read_to_string()
            .unwrap_or_default();
        Err(match serde_json::from_str::<ErrorBody>(&text) {
            Ok(body) => SyncError::Rejected {
                status,
                code: body.code,
                message: body.message,
            },
            // Not our server's error body: a proxy, or a server of another version.
            Err(_) if status >= 500 => SyncError::Offline {
                server: self.base.clone(),
                reason: format!("HTTP {status}"),
            },
            Err(_) => SyncError::Rejected {
                status,
                code: ErrorCode::InvalidRequest,
                message: format!(
                    "The server at {} answered HTTP {status}; is this the address of a Quayside sync server?",
                    self.base
                ),
            },
        })
    }

    fn offline(&self, e: ureq::Error) -> SyncError {
        // A certificate the device does not trust is no network trouble: it stays until fixed.
        let text = e.to_string();
        if matches!(e, ureq::Error::Rustls(_) | ureq::Error::Tls(_)) || text.contains("certificate")
        {
            return SyncError::Setup(format!(
                "The server at {} presented a certificate this device does not trust ({text}). Put \
                 the sync server's CA certificate in {} in the data folder, or install it in the \
                 system's certificate store.",
                self.base,
                crate::config::CA_FILE
            ));
        }
        SyncError::Offline {
            server: self.base.clone(),
            reason: e.to_string(),
        }
    }
}

/// Accept what people type: a missing scheme means http on a loopback or LAN address, a trailing
/// slash is dropped.
fn normalise(server: &str) -> String {
    let server = server.trim().trim_end_matches('/');
    if server.starts_with("http://") || server.starts_with("https://") {
        server.to_string()
    } else {
        format!("http://{server}")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn addresses_are_normalised() {
        assert_eq!(
            super::normalise(" 127.0.0.1:8640/ "),
            "http://127.0.0.1:8640"
        );
        assert_eq!(
            super::normalise("https://sync.example"),
            "https://sync.example"
        );
    }
}
