//! Sync over HTTPS: a device trusts the server's certificate through the `server-ca.pem` beside its
//! data, and refuses a server it cannot verify with a message that says what to do. It pins the
//! server's TLS key at sign-in and refuses another key later, even one its CA vouches for. Plain
//! HTTP is for loopback only.

use std::path::Path;
use std::sync::Arc;

use quayside_domain::event::Role;
use quayside_sync::SyncError;
use quayside_testkit::replica::Replica;
use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, IsCa, KeyPair};

use crate::common::{Server, PASSWORD};

#[test]
fn a_device_trusts_the_certificate_authority_beside_its_data_and_no_other() {
    let certified = rcgen::generate_simple_self_signed(vec!["localhost".into()]).unwrap();
    let files = tempfile::tempdir().unwrap();
    let (cert, key) = (files.path().join("cert.pem"), files.path().join("key.pem"));
    std::fs::write(&cert, certified.cert.pem()).unwrap();
    std::fs::write(&key, certified.signing_key.serialize_pem()).unwrap();
    let args = [
        "--tls-cert",
        cert.to_str().unwrap(),
        "--tls-key",
        key.to_str().unwrap(),
    ];
    let server = Server::start_with(Arc::new(tempfile::tempdir().unwrap()), &args, &[]);
    server.add_user("ines", "inspector", "NLRTM");
    let url = server.url.replace("127.0.0.1", "localhost");

    let trusting = Replica::new("ines", Role::Inspector);
    std::fs::write(
        trusting.dir().join(quayside_sync::CA_FILE),
        certified.cert.pem(),
    )
    .unwrap();
    quayside_sync::sign_in(&trusting.store, &url, "ines", PASSWORD, "laptop").unwrap();
    trusting.open_case("NLRTM");
    assert_eq!(trusting.sync().unwrap().pushed, 1);

    let untrusting = Replica::new("ines", Role::Inspector);
    let err =
        quayside_sync::sign_in(&untrusting.store, &url, "ines", PASSWORD, "laptop").unwrap_err();
    assert!(matches!(err, SyncError::Setup(_)), "{err:?}");
    assert!(err.to_string().contains("server-ca.pem"), "{err}");
    assert!(!err.retries());

    let misconfigured = Replica::new("ines", Role::Inspector);
    std::fs::write(
        misconfigured.dir().join(quayside_sync::CA_FILE),
        "not a certificate",
    )
    .unwrap();
    let err =
        quayside_sync::sign_in(&misconfigured.store, &url, "ines", PASSWORD, "laptop").unwrap_err();
    assert!(
        err.to_string().contains("holds no PEM certificate"),
        "{err}"
    );
}

/// A certificate for `localhost` with a key of its own, issued by `ca`: the PEM files written to
/// `dir` as `NAME.pem` and `NAME.key`, and the SHA-256 of its public key.
fn issue(ca: &CertifiedIssuer<'_, KeyPair>, dir: &Path, name: &str) -> (Vec<String>, String) {
    let key = KeyPair::generate().unwrap();
    let cert = CertificateParams::new(vec!["localhost".into()])
        .unwrap()
        .signed_by(&key, ca)
        .unwrap();
    let (cert_file, key_file) = (
        dir.join(format!("{name}.pem")),
        dir.join(format!("{name}.key")),
    );
    std::fs::write(&cert_file, cert.pem()).unwrap();
    std::fs::write(&key_file, key.serialize_pem()).unwrap();
    let spki = quayside_sync::spki_sha256(cert.der()).unwrap();
    let args = vec![
        "--tls-cert".to_string(),
        cert_file.to_str().unwrap().to_string(),
        "--tls-key".to_string(),
        key_file.to_str().unwrap().to_string(),
    ];
    (args, spki)
}

#[test]
fn the_tls_key_is_pinned_at_sign_in_and_another_key_is_refused_even_from_a_trusted_ca() {
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca = CertifiedIssuer::self_signed(params, KeyPair::generate().unwrap()).unwrap();
    let files = tempfile::tempdir().unwrap();
    let (first_args, first_key) = issue(&ca, files.path(), "first");
    let (other_args, other_key) = issue(&ca, files.path(), "other");

    let data = Arc::new(tempfile::tempdir().unwrap());
    let args: Vec<&str> = first_args.iter().map(String::as_str).collect();
    let server = Server::start_with(data.clone(), &args, &[]);
    server.add_user("ines", "inspector", "NLRTM");
    let url = server.url.replace("127.0.0.1", "localhost");
    assert!(url.starts_with("https://"), "{url}");
    let port = url.rsplit(':').next().unwrap().to_string();

    let ines = Replica::new("ines", Role::Inspector);
    std::fs::write(ines.dir().join(quayside_sync::CA_FILE), ca.pem()).unwrap();
    // Typed without a scheme: https.
    let typed = url.trim_start_matches("https://");
    quayside_sync::sign_in(&ines.store, typed, "ines", PASSWORD, "laptop").unwrap();
    assert_eq!(
        ines.store().setting("sync.tls_key").unwrap().as_deref(),
        Some(first_key.as_str())
    );
    ines.open_case("NLRTM");
    assert_eq!(ines.sync().unwrap().pushed, 1);

    // The same address, a certificate from the same CA, another key: an interception proxy with
    // a CA the device trusts looks like this.
    drop(server);
    let listen = format!("127.0.0.1:{port}");
    let mut args: Vec<&str> = other_args.iter().map(String::as_str).collect();
    args.extend(["--listen", listen.as_str()]);
    let _server = Server::start_with(data.clone(), &args, &[]);
    ines.open_case("NLRTM");
    let err = ines.sync().unwrap_err();
    assert!(matches!(err, SyncError::TlsKeyChanged(_)), "{err:?}");
    assert!(!err.retries());
    let text = err.to_string();
    let groups = |hex: &str| quayside_sync::fingerprint(hex);
    assert!(text.contains(&groups(&first_key)), "{text}");
    assert!(text.contains(&groups(&other_key)), "{text}");
    // Nothing was sent: the second case still waits.
    assert_eq!(
        quayside_sync::events_waiting(&ines.store()).unwrap(),
        1,
        "{text}"
    );
    // Signing in again to the same address is no way around the pin.
    let err = quayside_sync::sign_in(&ines.store, &url, "ines", PASSWORD, "laptop").unwrap_err();
    assert!(matches!(err, SyncError::TlsKeyChanged(_)), "{err:?}");

    // After signing out (the pin goes with the token), the person may sign in and pin anew, once
    // an admin has compared the fingerprints.
    quayside_sync::sign_out(&ines.store).unwrap();
    quayside_sync::sign_in(&ines.store, &url, "ines", PASSWORD, "laptop").unwrap();
    assert_eq!(
        ines.store().setting("sync.tls_key").unwrap().as_deref(),
        Some(other_key.as_str())
    );
    assert_eq!(ines.sync().unwrap().pushed, 1);
}

#[test]
fn plain_http_is_refused_off_loopback_and_has_no_pin_on_it() {
    let ines = Replica::new("ines", Role::Inspector);
    for address in [
        "http://10.0.0.5:8640",
        "http://0.0.0.0:8640",
        "http://sync.example",
    ] {
        let err =
            quayside_sync::sign_in(&ines.store, address, "ines", PASSWORD, "laptop").unwrap_err();
        assert!(matches!(err, SyncError::Setup(_)), "{err:?}");
        assert!(err.to_string().contains("Use https://"), "{err}");
    }

    let server = Server::start();
    server.add_user("ines", "inspector", "NLRTM");
    let localhost = server.url.replace("127.0.0.1", "localhost");
    quayside_sync::sign_in(&ines.store, &localhost, "ines", PASSWORD, "laptop").unwrap();
    assert_eq!(
        ines.store().setting("sync.tls_key").unwrap().as_deref(),
        Some("")
    );
    ines.open_case("NLRTM");
    assert_eq!(ines.sync().unwrap().pushed, 1);
}
