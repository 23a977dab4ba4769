//! TLS with a pinned server key. The certificate is checked as usual (the operating system's
//! store, or only the CAs of `server-ca.pem`), and then the SHA-256 of its public key (SPKI) is
//! compared with the one pinned at sign-in: a certificate from a CA that was tricked or
//! compromised, or a proxy that intercepts TLS with a CA installed on the device, still presents
//! another key and is refused. A certificate renewed with the same key passes.
//!
//! ureq offers no hook into its rustls setup, so this module is a ureq connector of its own (TCP
//! below it, then rustls with the verifier here), built from ureq's public transport parts.

use std::fmt;
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, ClientConnection, DigitallySignedStruct, SignatureScheme, StreamOwned};
use sha2::{Digest, Sha256};
use ureq::unversioned::transport::{
    Buffers, ConnectionDetails, Connector, Either, LazyBuffers, NextTimeout, Transport,
    TransportAdapter,
};

/// The first 16 hex digits of a key in groups of four, to read out over the phone.
pub fn fingerprint(hex_key: &str) -> String {
    let digits: Vec<char> = hex_key.chars().take(16).collect();
    digits
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The SHA-256 of a certificate's public key (SPKI), in hex: what is pinned.
pub fn spki_sha256(certificate: &[u8]) -> Result<String, String> {
    let der = CertificateDer::from(certificate);
    let cert = webpki::EndEntityCert::try_from(&der).map_err(|e| e.to_string())?;
    Ok(hex::encode(Sha256::digest(
        cert.subject_public_key_info().as_ref(),
    )))
}

/// What the verifier saw of the server's key on the last handshake, and whether it was refused.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Seen {
    /// SPKI SHA-256 of the last certificate that passed the usual checks.
    pub key: Option<String>,
    /// The last handshake was refused for presenting another key than the pinned one.
    pub refused: bool,
}

/// The usual verifier, then the pin.
pub(crate) struct PinningVerifier {
    inner: Arc<dyn ServerCertVerifier>,
    pinned: Option<String>,
    seen: Mutex<Seen>,
}

impl fmt::Debug for PinningVerifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PinningVerifier")
            .field("pinned", &self.pinned)
            .finish_non_exhaustive()
    }
}

impl PinningVerifier {
    pub(crate) fn new(inner: Arc<dyn ServerCertVerifier>, pinned: Option<String>) -> Self {
        PinningVerifier {
            inner,
            pinned: pinned.map(|p| p.trim().to_ascii_lowercase()),
            seen: Mutex::new(Seen::default()),
        }
    }

    pub(crate) fn pinned(&self) -> Option<&str> {
        self.pinned.as_deref()
    }

    pub(crate) fn seen(&self) -> Seen {
        self.seen.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

impl ServerCertVerifier for PinningVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        // A certificate the device does not trust fails as before, whatever its key.
        let verified = self.inner.verify_server_cert(
            end_entity,
            intermediates,
            server_name,
            ocsp_response,
            now,
        )?;
        let key = spki_sha256(end_entity).map_err(rustls::Error::General)?;
        let refused = self.pinned.as_ref().is_some_and(|pinned| *pinned != key);
        *self.seen.lock().unwrap_or_else(|p| p.into_inner()) = Seen {
            key: Some(key),
            refused,
        };
        if refused {
            return Err(rustls::Error::General(
                "the server's TLS key is not the pinned one".into(),
            ));
        }
        Ok(verified)
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }

    fn requires_raw_public_keys(&self) -> bool {
        self.inner.requires_raw_public_keys()
    }

    fn root_hint_subjects(&self) -> Option<&[rustls::DistinguishedName]> {
        self.inner.root_hint_subjects()
    }
}

/// The rustls client configuration over a verifier.
pub(crate) fn client_config(verifier: Arc<PinningVerifier>) -> Arc<ClientConfig> {
    let config = ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .expect("ring supports the default TLS versions")
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth();
    Arc::new(config)
}

pub(crate) fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// Wraps the connection below in TLS for `https` addresses, with the pinning verifier.
pub(crate) struct PinnedTls {
    pub(crate) config: Arc<ClientConfig>,
}

impl fmt::Debug for PinnedTls {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PinnedTls").finish_non_exhaustive()
    }
}

impl<In: Transport> Connector<In> for PinnedTls {
    type Out = Either<In, TlsTransport>;

    fn connect(
        &self,
        details: &ConnectionDetails,
        chained: Option<In>,
    ) -> Result<Option<Self::Out>, ureq::Error> {
        let Some(transport) = chained else {
            return Ok(None);
        };
        if !details.needs_tls() || transport.is_tls() {
            return Ok(Some(Either::A(transport)));
        }
        let host = details
            .uri
            .host()
            .ok_or(ureq::Error::Tls("the address names no host"))?;
        let host = host.trim_start_matches('[').trim_end_matches(']');
        let name = ServerName::try_from(host.to_string())
            .map_err(|_| ureq::Error::Tls("the server's host name is not valid for TLS"))?;
        let mut conn = ClientConnection::new(self.config.clone(), name)?;
        let mut sock = TransportAdapter::new(transport.boxed(), details.current_time.clone());
        sock.set_timeout(details.timeout);
        conn.complete_io(&mut sock)?;
        let buffers = LazyBuffers::new(
            details.config.input_buffer_size(),
            details.config.output_buffer_size(),
        );
        Ok(Some(Either::B(TlsTransport {
            buffers,
            stream: StreamOwned { conn, sock },
        })))
    }
}

pub(crate) struct TlsTransport {
    buffers: LazyBuffers,
    stream: StreamOwned<ClientConnection, TransportAdapter>,
}

impl fmt::Debug for TlsTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TlsTransport").finish_non_exhaustive()
    }
}

impl Transport for TlsTransport {
    fn buffers(&mut self) -> &mut dyn Buffers {
        &mut self.buffers
    }

    fn transmit_output(&mut self, amount: usize, timeout: NextTimeout) -> Result<(), ureq::Error> {
        self.stream.get_mut().set_timeout(timeout);
        let output = &self.buffers.output()[..amount];
        self.stream.write_all(output)?;
        Ok(())
    }

    fn await_input(&mut self, timeout: NextTimeout) -> Result<bool, ureq::Error> {
        self.stream.get_mut().set_timeout(timeout);
        let input = self.buffers.input_append_buf();
        let amount = self.stream.read(input)?;
        self.buffers.input_appended(amount);
        Ok(amount > 0)
    }

    fn is_open(&mut self) -> bool {
        self.stream.get_mut().get_mut().is_open()
    }

    fn is_tls(&self) -> bool {
        true
    }
}

/// A verifier that could not be built (the system's certificate store cannot be read): every
/// handshake fails with the reason, which the sync shows as a certificate problem.
#[derive(Debug)]
pub(crate) struct Unavailable(pub(crate) String);

impl ServerCertVerifier for Unavailable {
    fn verify_server_cert(
        &self,
        _: &CertificateDer<'_>,
        _: &[CertificateDer<'_>],
        _: &ServerName<'_>,
        _: &[u8],
        _: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Err(rustls::Error::General(format!(
            "no certificate can be checked: {}",
            self.0
        )))
    }

    fn verify_tls12_signature(
        &self,
        _: &[u8],
        _: &CertificateDer<'_>,
        _: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        Err(rustls::Error::General(self.0.clone()))
    }

    fn verify_tls13_signature(
        &self,
        _: &[u8],
        _: &CertificateDer<'_>,
        _: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        Err(rustls::Error::General(self.0.clone()))
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        provider()
            .signature_verification_algorithms
            .supported_schemes()
    }
}
