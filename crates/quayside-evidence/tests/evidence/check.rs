//! Checking a bundle: damage at each place (an entry, an event, a photo, a document, the manifest, the
//! server's statements and proofs, a device key, a chain) is named.

use std::io::Cursor;

use ed25519_dalek::SigningKey;
use quayside_domain::event::{Payload, SignedEvent};
use quayside_evidence::{verify_bundle, BundlePhoto};
use quayside_protocol::{Receipt, Revocation, SignedStatement, Statement};

use crate::common::{
    bundle, bundle_with, check, flip, scene, sha, submitted, with_entry, ChainDevice, Scene, CASE,
    PHOTO,
};

#[test]
fn a_server_statement_taken_out_of_the_bundle_is_named() {
    // The revocation that makes ines's last event invalid is dropped from the file.
    let mut s = scene();
    let revocation = Statement::Revocation(Revocation {
        device_id: s.ines.id,
        last_valid_seq: 2,
        revoked_at: "2026-12-01T12:30:00Z".into(),
    });
    s.statements
        .push(SignedStatement::sign(&revocation, &s.server));
    let bytes = with_entry(&bundle(&s), "server/statements.jsonl", |content| {
        let text = String::from_utf8(content).unwrap();
        let kept: Vec<&str> = text.lines().filter(|l| !l.contains("revocation")).collect();
        format!("{}\n", kept.join("\n")).into_bytes()
    });
    let report = check(&bytes);
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains("server/statements.jsonl was changed after export")),
        "{report}"
    );
}

#[test]
fn a_device_key_the_server_did_not_enroll_is_named() {
    // Sam's events re-signed with another key, the manifest naming that key and re-signed by the
    // exporter: each signature checks against the bundle's key, but the server enrolled another.
    let mut s = scene();
    let impostor = SigningKey::from_bytes(&[77; 32]);
    for e in s.events.iter_mut().filter(|e| e.body.device_id == s.sam.id) {
        *e = SignedEvent::sign(e.body.clone(), &impostor);
    }
    s.sam.key = impostor;
    let report = verify_bundle(Cursor::new(bundle(&s)), Some(s.server.verifying_key())).unwrap();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains(&format!("device {}", s.sam.id))
                && p.contains("the server enrolled it with key")),
        "{report}"
    );
    // A device no enrollment vouches for (exported before its first full sync): not a failure,
    // but said.
    let mut s = scene();
    s.statements
        .retain(|st| !st.statement.get().contains("enrollment"));
    let report = verify_bundle(Cursor::new(bundle(&s)), Some(s.server.verifying_key())).unwrap();
    assert!(report.verified(), "{report}");
    assert_eq!(report.unanchored.len(), 2, "{report}");
    assert_eq!(
        report
            .to_string()
            .matches("not anchored: no enrollment signed by the server vouches for the key")
            .count(),
        2,
        "{report}"
    );
}

#[test]
fn a_flipped_byte_in_an_event_names_the_event() {
    let s = scene();
    let mut bytes = bundle(&s);
    flip(&mut bytes, b"three");
    let report = check(&bytes);
    assert!(!report.verified());
    let id = s.events[2].body.id.to_string();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains(&id) && p.contains("damaged")),
        "{report}"
    );
}

#[test]
fn a_flipped_byte_in_a_photo_names_the_photo() {
    let s = scene();
    let mut bytes = bundle(&s);
    flip(&mut bytes, b"pretend these are the bytes");
    let report = check(&bytes);
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains(&sha(PHOTO)) && p.contains("damaged")),
        "{report}"
    );
}

/// The scene with a bill of lading attached offline by Ines, and its bytes.
fn scene_with_a_document() -> (Scene, Vec<u8>) {
    let mut s = scene();
    let pdf = quayside_testkit::fixtures::small_pdf("Bill of lading MSCU1234567");
    let attached: Payload = serde_json::from_value(serde_json::json!({
        "kind": "document_attached", "sha256": sha(&pdf), "size": pdf.len(),
        "media_type": "application/pdf", "file_name": "bl.pdf",
        "document_type": "bill_of_lading", "number": "MSCU1234567"
    }))
    .unwrap();
    let last = s.events[3].body.id;
    let event = s.ines.write(CASE, attached, vec![last]);
    s.events.push(event);
    (s, pdf)
}

#[test]
fn a_document_is_checked_against_its_hash_like_a_photo() {
    let (s, pdf) = scene_with_a_document();
    let whole = bundle_with(
        &s,
        vec![BundlePhoto {
            sha256: sha(&pdf),
            bytes: pdf.clone(),
        }],
    );
    let report = check(&whole);
    assert!(report.problems.is_empty(), "{report}");
    assert_eq!(report.documents, 1);
    assert!(
        report.to_string().contains("1 photos, 1 documents"),
        "{report}"
    );

    // A byte swapped in the document's entry.
    let mut swapped = whole.clone();
    flip(&mut swapped, b"Bill of lading MSCU1234567");
    let report = check(&swapped);
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.starts_with(&format!("document {}", sha(&pdf))) && p.contains("damaged")),
        "{report}"
    );

    // Another file under the document's name, written by the exporting device itself.
    let mut other = pdf.clone();
    other[20] ^= 1;
    let report = check(&bundle_with(
        &s,
        vec![BundlePhoto {
            sha256: sha(&pdf),
            bytes: other,
        }],
    ));
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains(&sha(&pdf)) && p.contains("the document was altered")),
        "{report}"
    );

    // Left out: the event that attaches it names it.
    let report = check(&bundle_with(&s, Vec::new()));
    assert!(
        report.problems.iter().any(|p| p.contains(&format!(
            "attaches document {}, which is not in the bundle",
            sha(&pdf)
        ))),
        "{report}"
    );
}

#[test]
fn a_flipped_byte_in_the_manifest_is_named() {
    let s = scene();
    let mut bytes = bundle(&s);
    flip(&mut bytes, b"NLRTM-ABC123-0001");
    let err = verify_bundle(Cursor::new(&bytes), None).unwrap_err();
    assert!(
        err.to_string().contains("manifest.json is damaged"),
        "{err}"
    );
}

#[test]
fn an_event_taken_out_or_a_forged_one_put_in_is_named() {
    // Rebuilt without an event the others depend on: the manifest is signed again by the
    // exporting device, but what is named is missing.
    let mut s = scene();
    let dropped = s.events.remove(1);
    let report = check(&bundle(&s));
    assert!(
        report.problems.iter().any(|p| p.contains(&format!(
            "depends on event {}, which is missing",
            dropped.body.id
        ))),
        "{report}"
    );
    // An event forged with a key the server never saw: signed, but not in the server's log.
    let mut s = scene();
    let mut mallory = ChainDevice::new(66);
    s.events
        .push(mallory.write(CASE, submitted("forged"), vec![]));
    let report = check(&bundle(&s));
    assert!(!report.verified(), "{report}");
    assert!(
        report.problems.iter().any(|p| p.contains("no public key")),
        "{report}"
    );
}

#[test]
fn a_proof_that_does_not_match_the_signed_checkpoint_is_named() {
    let mut s = scene();
    s.proofs[0].index += 2;
    let report = check(&bundle(&s));
    let id = s.events[0].body.id.to_string();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains(&id) && p.contains("not in the server's log")),
        "{report}"
    );
    assert_eq!(report.proven, 2);
}

#[test]
fn statements_are_checked_against_the_examiners_key() {
    let s = scene();
    let other = SigningKey::from_bytes(&[10; 32]).verifying_key();
    let report = verify_bundle(Cursor::new(bundle(&s)), Some(other)).unwrap();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains("server's signature does not verify")),
        "{report}"
    );
    assert_eq!(report.proven, 0);
}

#[test]
fn an_event_signed_after_its_device_was_revoked_is_named() {
    let mut s = scene();
    let revocation = Statement::Revocation(Revocation {
        device_id: s.ines.id,
        last_valid_seq: 2,
        revoked_at: "2026-12-01T12:30:00Z".into(),
    });
    s.statements
        .push(SignedStatement::sign(&revocation, &s.server));
    let report = check(&bundle(&s));
    let late = s.events[3].body.id.to_string();
    assert_eq!(report.problems.len(), 1, "{report}");
    assert!(report.problems[0].contains(&late) && report.problems[0].contains("revoked"));
}

#[test]
fn a_file_that_is_not_a_bundle_is_refused_with_why() {
    let err = verify_bundle(Cursor::new(b"not a zip".to_vec()), None).unwrap_err();
    assert!(
        err.to_string().contains("not a readable zip archive"),
        "{err}"
    );
}

#[test]
fn an_event_where_the_servers_receipt_holds_another_is_a_fork() {
    let mut s = scene();
    // The server received sam's number 1 from the original device; this bundle's sam number 1
    // was written by a copy of its folder.
    let receipt = Statement::Receipt(Receipt {
        epoch: "e1".into(),
        device_id: s.sam.id,
        acked_seq: 1,
        head_hash: "ab".repeat(32),
        accepted: 1,
        received_at: "2026-12-01T11:00:00Z".into(),
    });
    s.statements
        .push(SignedStatement::sign(&receipt, &s.server));
    let report = check(&bundle(&s));
    let forked = s.events[2].body.id.to_string();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains(&forked) && p.contains("forked")),
        "{report}"
    );
}
