//! The network side: [`Remote`] speaks the protocol (JSON in and out, every error body turned into
//! a [`SyncError`], a count of the bytes that crossed) over a [`Transport`]: HTTP with one blocking
//! agent in the app, the server's router in the same process in the simulation test.

use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use quayside_protocol::{ErrorBody, ErrorCode, PREFIX};
use serde::de::DeserializeOwned;
use serde::Serialize;

use rustls::client::danger::ServerCertVerifier;
use ureq::unversioned::transport::Connector;

use crate::error::SyncError;
use crate::settings::CA_FILE;
use crate::tls::{self, fingerprint, PinnedTls, PinningVerifier};

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

/// One request as the sync client makes it: the transport adds nothing but the connection.
#[derive(Clone, Copy)]
pub struct Request<'a> {
    pub method: Method,
    /// The server's address as normalised (`http://host:port`).
    pub base: &'a str,
    /// The path with the protocol prefix and any query (`/v1/events?cursor=…`).
    pub path: &'a str,
    /// The bearer token, or empty before enrollment.
    pub token: &'a str,
    pub content_type: Option<&'static str>,
    /// `gzip` when `body` is gzip-compressed (only for a server that said it reads that).
    pub content_encoding: Option<&'static str>,
    pub body: &'a [u8],
    /// How long the whole exchange may take.
    pub timeout: Duration,
}

/// Never the token or the body: a request may end up in a log.
impl std::fmt::Debug for Request<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Request")
            .field("method", &self.method)
            .field("base", &self.base)
            .field("path", &self.path)
            .field("body_bytes", &self.body.len())
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
}

/// What came back: a status and the body (a success's up to the response limit, an error's up to
/// 64 KiB).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    pub body: Vec<u8>,
}

/// Why nothing (whole) came back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// Connection refused, cut, timed out: try again later.
    Network(String),
    /// The server's certificate is not trusted: a person must fix the trust file first.
    Untrusted(String),
    /// The certificate is trusted but its public key is not the one pinned at sign-in (SHA-256
    /// of each, hex).
    TlsKeyChanged { pinned: String, seen: String },
}

/// How requests reach the server. The app uses HTTP ([`Http`]); the simulation test passes one that
/// drives the server's router in the same process and loses, repeats or cuts requests on purpose.
pub trait Transport: Send + Sync {
    fn exchange(&self, request: &Request<'_>) -> Result<Answer, Failure>;

    /// The SHA-256 (hex) of the public key the server presented over TLS on the last exchange;
    /// None over plain HTTP and for transports without TLS.
    fn tls_key(&self) -> Option<String> {
        None
    }
}

/// HTTP and HTTPS with one blocking agent. HTTPS checks the certificate as usual and then the
/// server's public key against the pin (`sync.tls_key`), when there is one.
pub struct Http {
    agent: ureq::Agent,
    verifier: std::sync::Arc<PinningVerifier>,
}

impl Http {
    /// No TLS key pinned yet: the first sign-in, or a server that speaks plain HTTP on loopback.
    pub fn new(trust: &Trust) -> Http {
        Http::pinned(trust, None)
    }

    /// `tls_key`: the SHA-256 (hex) of the server's public key, as pinned at sign-in.
    pub fn pinned(trust: &Trust, tls_key: Option<String>) -> Http {
        let verifier = std::sync::Arc::new(PinningVerifier::new(usual_verifier(trust), tls_key));
        let connector =
            ().chain(ureq::unversioned::transport::ConnectProxyConnector::default())
                .chain(ureq::unversioned::transport::TcpConnector::default())
                .chain(PinnedTls {
                    config: tls::client_config(verifier.clone()),
                });
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(10)))
            .build();
        Http {
            agent: ureq::Agent::with_parts(
                config,
                connector,
                ureq::unversioned::resolver::DefaultResolver::default(),
            ),
            verifier,
        }
    }
}

/// The certificate checks before the pin: the system's store, or only the CAs of the trust file.
fn usual_verifier(trust: &Trust) -> std::sync::Arc<dyn ServerCertVerifier> {
    let built: Result<std::sync::Arc<dyn ServerCertVerifier>, String> = match trust {
        Trust::System => rustls_platform_verifier::Verifier::new(tls::provider())
            .map(|v| std::sync::Arc::new(v) as std::sync::Arc<dyn ServerCertVerifier>)
            .map_err(|e| e.to_string()),
        Trust::Only(certs) => {
            let mut roots = rustls::RootCertStore::empty();
            roots.add_parsable_certificates(
                certs
                    .iter()
                    .map(|c| rustls::pki_types::CertificateDer::from(c.der().to_vec())),
            );
            rustls::client::WebPkiServerVerifier::builder_with_provider(
                std::sync::Arc::new(roots),
                tls::provider(),
            )
            .build()
            .map(|v| v as std::sync::Arc<dyn ServerCertVerifier>)
            .map_err(|e| e.to_string())
        }
    };
    built.unwrap_or_else(|reason| std::sync::Arc::new(tls::Unavailable(reason)))
}

impl Transport for Http {
    fn tls_key(&self) -> Option<String> {
        self.verifier.seen().key
    }

    fn exchange(&self, request: &Request<'_>) -> Result<Answer, Failure> {
        let url = format!("{}{}", request.base, request.path);
        let authorization = format!("Bearer {}", request.token);
        let timeout = Some(request.timeout);
        let response = match request.method {
            Method::Get => self
                .agent
                .get(&url)
                .header("authorization", &authorization)
                .header("accept-encoding", ACCEPT_ENCODING)
                .config()
                .timeout_global(timeout)
                .build()
                .call(),
            method => {
                let builder = if method == Method::Put {
                    self.agent.put(&url)
                } else {
                    self.agent.post(&url)
                };
                let builder = match request.content_encoding {
                    Some(encoding) => builder.header("content-encoding", encoding),
                    None => builder,
                };
                builder
                    .header("authorization", &authorization)
                    .header("accept-encoding", ACCEPT_ENCODING)
                    .content_type(request.content_type.unwrap_or("application/json"))
                    .config()
                    .timeout_global(timeout)
                    .build()
                    .send(request.body)
            }
        };
        let seen = self.verifier.seen();
        if let (true, Some(pinned), Some(key)) = (seen.refused, self.verifier.pinned(), seen.key) {
            if response.is_err() {
                return Err(Failure::TlsKeyChanged {
                    pinned: pinned.to_string(),
                    seen: key,
                });
            }
        }
        let mut response = response.map_err(failure)?;
        let status = response.status().as_u16();
        let limit = if status < 400 {
            MAX_RESPONSE_BYTES
        } else {
            64 * 1024
        };
        // ureq inflates gzip itself; zstd is inflated here, within the same limit.
        let zstd = response
            .headers()
            .get("content-encoding")
            .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"zstd"));
        let body = response
            .body_mut()
            .with_config()
            .limit(limit)
            .read_to_vec()
            .map_err(failure)
            .and_then(|body| if zstd { unzstd(&body, limit) } else { Ok(body) });
        match body {
            Ok(body) => Ok(Answer { status, body }),
            Err(e) if status < 400 => Err(e),
            // An error whose body cannot be read is still that error.
            Err(_) => Ok(Answer {
                status,
                body: Vec::new(),
            }),
        }
    }
}

fn failure(e: ureq::Error) -> Failure {
    // A certificate the device does not trust is no network trouble: it stays until fixed.
    let text = e.to_string();
    if matches!(e, ureq::Error::Rustls(_) | ureq::Error::Tls(_)) || text.contains("certificate") {
        Failure::Untrusted(text)
    } else {
        Failure::Network(text)
    }
}

pub struct Remote {
    base: String,
    token: Option<String>,
    transport: std::sync::Arc<dyn Transport>,
    sent: AtomicU64,
    received: AtomicU64,
    /// The server said it reads gzipped push bodies (`SyncState::accepts_gzip`).
    gzip: AtomicBool,
    /// The server said it reads zstd push bodies (`SyncState::accepts_zstd`): preferred.
    zstd: AtomicBool,
}

impl Remote {
    /// `server` is the address people type: `https://sync.example:8640` or `127.0.0.1:8640`.
    pub fn new(server: &str, token: Option<String>, trust: &Trust) -> Remote {
        Remote::over(server, token, std::sync::Arc::new(Http::new(trust)))
    }

    /// The same over another transport.
    pub fn over(
        server: &str,
        token: Option<String>,
        transport: std::sync::Arc<dyn Transport>,
    ) -> Remote {
        Remote {
            base: normalise(server),
            token,
            transport,
            sent: AtomicU64::new(0),
            received: AtomicU64::new(0),
            gzip: AtomicBool::new(false),
            zstd: AtomicBool::new(false),
        }
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    /// How [`Remote::post_bytes_compressed`] compresses, as the server's `SyncState` said: zstd
    /// where it reads that, else gzip where it reads that, else not at all.
    pub fn set_compression(&self, gzip: bool, zstd: bool) {
        self.gzip.store(gzip, Ordering::Relaxed);
        self.zstd.store(zstd, Ordering::Relaxed);
    }

    /// Request body bytes sent (compressed, when they were) and response body bytes received.
    pub fn bytes(&self) -> (u64, u64) {
        (
            self.sent.load(Ordering::Relaxed),
            self.received.load(Ordering::Relaxed),
        )
    }

    fn send(
        &self,
        method: Method,
        path: &str,
        (content_type, content_encoding): (Option<&'static str>, Option<&'static str>),
        body: &[u8],
        timeout: Duration,
    ) -> Result<Vec<u8>, SyncError> {
        self.sent.fetch_add(body.len() as u64, Ordering::Relaxed);
        let path = format!("{PREFIX}{path}");
        let answer = self
            .transport
            .exchange(&Request {
                method,
                base: &self.base,
                path: &path,
                token: self.token.as_deref().unwrap_or(""),
                content_type,
                content_encoding,
                body,
                timeout,
            })
            .map_err(|failure| self.offline(failure))?;
        let body = self.checked(answer)?;
        self.received
            .fetch_add(body.len() as u64, Ordering::Relaxed);
        Ok(body)
    }

    pub fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, SyncError> {
        let bytes = self.send(Method::Get, path, (None, None), &[], TIMEOUT)?;
        parse(&bytes)
    }

    pub fn post<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T, SyncError> {
        let bytes = serde_json::to_vec(body).map_err(|e| SyncError::Protocol(e.to_string()))?;
        self.post_bytes(path, &bytes)
    }

    /// [`Remote::post`], compressed as the server said it reads (the hex hashes of a checkpoint
    /// request shrink by half).
    pub fn post_compressed<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T, SyncError> {
        let bytes = serde_json::to_vec(body).map_err(|e| SyncError::Protocol(e.to_string()))?;
        self.post_bytes_compressed(path, &bytes)
    }

    /// POST a JSON body already encoded (a push measures its batches before sending them).
    pub fn post_bytes<T: DeserializeOwned>(
        &self,
        path: &str,
        bytes: &[u8],
    ) -> Result<T, SyncError> {
        let answer = self.send(Method::Post, path, JSON, bytes, TIMEOUT)?;
        parse(&answer)
    }

    /// [`Remote::post_bytes`], compressed when the server said it reads that (a push: JSON of
    /// events shrinks to about a quarter): zstd, else gzip. Fast levels: a device's CPU is slow too.
    pub fn post_bytes_compressed<T: DeserializeOwned>(
        &self,
        path: &str,
        bytes: &[u8],
    ) -> Result<T, SyncError> {
        let (encoding, compressed) = if self.zstd.load(Ordering::Relaxed) {
            (
                "zstd",
                zstd::bulk::compress(bytes, 3).expect("zstd into memory"),
            )
        } else if self.gzip.load(Ordering::Relaxed) {
            ("gzip", gzip(bytes))
        } else {
            return self.post_bytes(path, bytes);
        };
        let answer = self.send(
            Method::Post,
            path,
            (Some("application/json"), Some(encoding)),
            &compressed,
            TIMEOUT,
        )?;
        parse(&answer)
    }

    /// POST without a body, for an answer without one (`POST /v1/sign-out`: 204).
    pub fn post_empty(&self, path: &str) -> Result<(), SyncError> {
        self.send(Method::Post, path, JSON, &[], TIMEOUT).map(drop)
    }

    /// POST a JSON body already encoded, for an answer without one.
    pub fn post_bytes_empty(&self, path: &str, bytes: &[u8]) -> Result<(), SyncError> {
        self.send(Method::Post, path, JSON, bytes, TIMEOUT)
            .map(drop)
    }

    pub fn put_bytes<T: DeserializeOwned>(&self, path: &str, bytes: &[u8]) -> Result<T, SyncError> {
        let answer = self.send(
            Method::Put,
            path,
            (Some("application/octet-stream"), None),
            bytes,
            TIMEOUT,
        )?;
        parse(&answer)
    }

    /// GET raw bytes (a photo original of about `size` bytes): the time allowed grows with the
    /// size, at 50 KB/s at worst, so a large original finishes on a slow link.
    pub fn get_bytes(&self, path: &str, size: u64) -> Result<Vec<u8>, SyncError> {
        let allowed = TIMEOUT.max(Duration::from_millis(size / 50));
        self.send(Method::Get, path, (None, None), &[], allowed)
    }

    /// An error status becomes `Rejected` with the server's code.
    fn checked(&self, answer: Answer) -> Result<Vec<u8>, SyncError> {
        let status = answer.status;
        if status < 400 {
            return Ok(answer.body);
        }
        Err(match serde_json::from_slice::<ErrorBody>(&answer.body) {
            Ok(body) if body.code == ErrorCode::DeviceRevoked => SyncError::Revoked(format!(
                "The sync server says this device was revoked ({}). It no longer syncs; its keys \
                 are destroyed on this device.",
                body.message
            )),
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
            Err(_) => SyncError::NotASyncServer {
                server: self.base.clone(),
                status,
            },
        })
    }

    fn offline(&self, failure: Failure) -> SyncError {
        match failure {
            Failure::Untrusted(text) => SyncError::Setup(format!(
                "The server at {} presented a certificate this device does not trust ({text}). Put \
                 the sync server's CA certificate in {} in the data folder, or install it in the \
                 system's certificate store.",
                self.base,
                CA_FILE
            )),
            Failure::Network(reason) => SyncError::Offline {
                server: self.base.clone(),
                reason,
            },
            Failure::TlsKeyChanged { pinned, seen } => tls_key_changed(&self.base, &pinned, &seen),
        }
    }
}

const JSON: (Option<&str>, Option<&str>) = (Some("application/json"), None);

/// What answers may come compressed with: zstd first (less of the server's CPU for as few bytes),
/// gzip for a server that does not write zstd.
const ACCEPT_ENCODING: &str = "zstd, gzip";

/// A zstd answer inflated, refused past `limit` bytes (a bomb stops there).
fn unzstd(body: &[u8], limit: u64) -> Result<Vec<u8>, Failure> {
    let mut inflated = Vec::new();
    zstd::stream::read::Decoder::new(body)
        .and_then(|decoder| decoder.take(limit + 1).read_to_end(&mut inflated))
        .map_err(|e| Failure::Network(format!("the answer is zstd that does not inflate: {e}")))?;
    if inflated.len() as u64 > limit {
        return Err(Failure::Network(format!(
            "the answer inflates past {limit} bytes: it is not one of this server's"
        )));
    }
    Ok(inflated)
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(bytes.len() / 4),
        // Level 2, not 1: zlib-rs's level 1 codes with fixed Huffman tables, which leave the hex
        // hashes of a checkpoint request as they are (0.86 of the size, against 0.54 at level 2).
        flate2::Compression::new(2),
    );
    // Writing to memory cannot fail.
    encoder.write_all(bytes).expect("gzip into memory");
    encoder.finish().expect("gzip into memory")
}

/// Time allowed for an exchange of events or statements.
const TIMEOUT: Duration = Duration::from_secs(120);

fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, SyncError> {
    serde_json::from_slice(bytes).map_err(|e| SyncError::Protocol(e.to_string()))
}

/// Accept what people type: a missing scheme means https, a trailing slash is dropped.
fn normalise(server: &str) -> String {
    let server = server.trim().trim_end_matches('/');
    if server.starts_with("http://") || server.starts_with("https://") {
        server.to_string()
    } else {
        format!("https://{server}")
    }
}

/// The address people typed, normalised, or why it may not be used: plain HTTP would carry the
/// password and the token in clear, so it is for this machine only (a test server, a tunnel).
pub fn server_address(server: &str) -> Result<String, SyncError> {
    let base = normalise(server);
    if let Some(rest) = base.strip_prefix("http://") {
        if !is_loopback(host_of(rest)) {
            return Err(SyncError::Setup(format!(
                "{base} is plain HTTP: passwords and tokens would cross the network in clear. Use \
                 https://{rest} (plain http:// is only for a server on this machine: localhost, \
                 127.0.0.1 or ::1)."
            )));
        }
    }
    Ok(base)
}

/// The host of `host[:port][/path]`, IPv6 brackets removed.
fn host_of(authority_and_path: &str) -> &str {
    let authority = authority_and_path
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    let authority = authority.rsplit('@').next().unwrap_or(authority);
    if let Some(rest) = authority.strip_prefix('[') {
        return rest.split(']').next().unwrap_or_default();
    }
    authority.split(':').next().unwrap_or_default()
}

/// 127.0.0.0/8, ::1 and `localhost`: addresses that never leave this machine.
fn is_loopback(host: &str) -> bool {
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    host.parse::<std::net::IpAddr>()
        .is_ok_and(|ip| ip.is_loopback())
}

/// The error for a server whose TLS key is not the pinned one, with both fingerprints.
pub(crate) fn tls_key_changed(server: &str, pinned: &str, seen: &str) -> SyncError {
    SyncError::TlsKeyChanged(format!(
        "The sync server at {server} now presents another TLS key (fingerprint {}; this device \
         pinned {} at sign-in). Someone may be intercepting the connection, or the server's key \
         was replaced. Nothing was sent or taken: ask an admin to compare the fingerprints, then \
         sign out and in again if the new key is the server's.",
        fingerprint(seen),
        fingerprint(pinned)
    ))
}

#[cfg(test)]
mod tests {
    use std::io::Read;
    use std::sync::{Arc, Mutex};

    use super::*;

    /// Keeps each request's encoding and body, answers `{}`.
    #[derive(Default)]
    struct Kept(Mutex<Vec<(Option<&'static str>, Vec<u8>)>>);

    impl Transport for Kept {
        fn exchange(&self, request: &Request<'_>) -> Result<Answer, Failure> {
            let kept = (request.content_encoding, request.body.to_vec());
            self.0.lock().unwrap().push(kept);
            Ok(Answer {
                status: 200,
                body: b"{}".to_vec(),
            })
        }
    }

    #[test]
    fn a_push_body_is_gzipped_only_for_a_server_that_said_it_reads_gzip() {
        let kept = Arc::new(Kept::default());
        let remote = Remote::over("http://127.0.0.1:1", None, kept.clone());
        let body = br#"{"events":[]}"#.repeat(1000);
        let _: serde_json::Value = remote.post_bytes_compressed("/events", &body).unwrap();
        remote.set_compression(true, false);
        let _: serde_json::Value = remote.post_bytes_compressed("/events", &body).unwrap();
        // Other requests stay as they are.
        let _: serde_json::Value = remote.post_bytes("/checkpoint", &body).unwrap();
        let kept = kept.0.lock().unwrap();
        assert_eq!(kept[0], (None, body.clone()));
        assert_eq!(kept[1].0, Some("gzip"));
        let mut inflated = Vec::new();
        flate2::read::GzDecoder::new(&kept[1].1[..])
            .read_to_end(&mut inflated)
            .unwrap();
        assert_eq!(inflated, body);
        assert!(
            kept[1].1.len() * 20 < body.len(),
            "{} bytes",
            kept[1].1.len()
        );
        assert_eq!(kept[2], (None, body.clone()));
        // What crossed: the compressed bytes.
        assert_eq!(remote.bytes().0, (2 * body.len() + kept[1].1.len()) as u64);
    }

    #[test]
    fn plain_http_is_for_this_machine_only() {
        for ok in [
            "http://127.0.0.1:8640",
            "http://127.1.2.3",
            "http://localhost:8640/",
            "http://LOCALHOST",
            "http://[::1]:8640",
            "https://sync.example",
            "sync.example:8640",
            "10.0.0.5:8640",
        ] {
            assert!(server_address(ok).is_ok(), "{ok}");
        }
        for refused in [
            "http://10.0.0.5:8640",
            "http://sync.example",
            "http://localhost.example.com",
            "http://127.0.0.1.example.com",
            "http://[::2]:8640",
            "http://0.0.0.0:8640",
            "http://user@sync.example",
        ] {
            let err = server_address(refused).unwrap_err();
            assert!(!err.retries());
            assert!(err.to_string().contains("Use https://"), "{err}");
        }
        assert_eq!(
            server_address("10.0.0.5:8640").unwrap(),
            "https://10.0.0.5:8640"
        );
    }

    #[test]
    fn addresses_are_normalised() {
        assert_eq!(
            super::normalise(" sync.example:8640/ "),
            "https://sync.example:8640"
        );
        assert_eq!(
            super::normalise("http://127.0.0.1:8640/"),
            "http://127.0.0.1:8640"
        );
        assert_eq!(
            super::normalise("https://sync.example"),
            "https://sync.example"
        );
    }

    #[test]
    fn a_push_body_goes_in_zstd_to_a_server_that_reads_it() {
        let kept = Arc::new(Kept::default());
        let remote = Remote::over("http://127.0.0.1:1", None, kept.clone());
        remote.set_compression(true, true);
        let body = br#"{"events":[]}"#.repeat(1000);
        let _: serde_json::Value = remote.post_bytes_compressed("/events", &body).unwrap();
        let kept = kept.0.lock().unwrap();
        assert_eq!(kept[0].0, Some("zstd"));
        assert_eq!(zstd::stream::decode_all(&kept[0].1[..]).unwrap(), body);
        assert!(
            kept[0].1.len() * 20 < body.len(),
            "{} bytes",
            kept[0].1.len()
        );
    }

    #[test]
    fn a_zstd_answer_inflates_within_the_limit_and_a_bomb_is_refused() {
        let page = br#"{"events":[]}"#.repeat(100);
        let packed = zstd::bulk::compress(&page, 3).unwrap();
        assert_eq!(unzstd(&packed, 10_000).unwrap(), page);
        let bomb = zstd::bulk::compress(&vec![b' '; 1 << 20], 3).unwrap();
        let refused = unzstd(&bomb, 64 * 1024).unwrap_err();
        assert!(matches!(refused, Failure::Network(ref why) if why.contains("inflates past")));
        let broken = unzstd(&page, 10_000).unwrap_err();
        assert!(matches!(broken, Failure::Network(ref why) if why.contains("does not inflate")));
    }
}
