//! Sync over HTTPS: a device trusts the server's certificate through the `server-ca.pem` beside its
//! data, and refuses a server it cannot verify with a message that says what to do.

use std::sync::Arc;

use quayside_domain::event::Role;
use quayside_sync::SyncError;
use quayside_testkit::replica::Replica;

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
