//! Writing a bundle: what `write_bundle` makes verifies as it is, and says what the server has
//! not received.

use std::io::Cursor;

use quayside_evidence::verify_bundle;

use crate::common::{bundle, check, scene};

#[test]
fn an_intact_bundle_verifies_and_says_what_the_server_has_not_received() {
    let s = scene();
    let report = check(&bundle(&s));
    assert!(report.verified(), "{report}");
    assert_eq!(
        (report.events, report.devices, report.photos, report.proven),
        (4, 2, 1, 3)
    );
    assert_eq!(
        report.unproven,
        vec![format!(
            "event {} (not yet received by the server)",
            s.events[3].body.id
        )]
    );
    let text = report.to_string();
    assert!(
        text.starts_with("verified: case NLRTM-ABC123-0001, 4 events from 2 devices, 1 photos"),
        "{text}"
    );
    // Checked only against the key the bundle names: said plainly.
    assert!(
        text.contains(
            "3 of 4 events proven in the server's log, by the server key the bundle itself names"
        ) && text.contains("NOT ANCHORED"),
        "{text}"
    );
    // Against the operator's key, given by the examiner.
    let given = verify_bundle(Cursor::new(bundle(&s)), Some(s.server.verifying_key())).unwrap();
    assert!(given.verified(), "{given}");
    assert!(given
        .to_string()
        .contains("3 of 4 events proven in the server's log (server key"));
    assert!(given.to_string().contains("as given)"));
}
