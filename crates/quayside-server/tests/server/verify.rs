//! `quayside-server verify`: the whole log and its photos, checked through the store. A clean log
//! passes on both backends, and so is the tampering (a body changed under the append-only trigger,
//! as an attacker with the disk could) named on both (`tamper`).

use std::os::unix::fs::PermissionsExt;
use std::process::{Command, Output};

use quayside_domain::event::{Author, EventBody, Payload, Role, SignedEvent};
use quayside_domain::fields::Field;
use quayside_domain::photo::Exif;
use quayside_protocol::{PullResponse, WireEvent};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::common::*;
use crate::tamper::{Param, ServerDatabase};

fn verify(server: &Server) -> (Output, String) {
    let output = server.cli(&["verify"], "");
    let stdout = text(&output.stdout);
    (output, stdout)
}

/// A log with something of everything: two devices, a photo uploaded, an approval covering the
/// inspector's events, and an event held in quarantine that continues its chain.
fn busy_log(server: &Server) -> (Device, Device, Uuid, String) {
    let (mut ann, mut sup) = inspector_and_supervisor(server);
    let case = ann.open_case("NLRTM");
    ann.edit(case, "EVER GIVEN");
    let photo = b"the bytes of a photo of a container seal".to_vec();
    let sha256 = hex::encode(Sha256::digest(&photo));
    ann.append(
        case,
        Payload::PhotoAttached {
            sha256: sha256.clone(),
            size: photo.len() as u64,
            media_type: "image/jpeg".into(),
            file_name: "seal.jpg".into(),
            caption: None,
            exif: Exif::default(),
            captured: None,
        },
    );
    // An event the server holds in quarantine but in the chain: it names a role Ann lacks.
    let claimed = Author {
        name: "ann".into(),
        role: Role::Supervisor,
    };
    ann.store
        .append(
            &claimed,
            case,
            Payload::FieldSet {
                item: None,
                field: Field::VesselName,
                value: Some("CLAIMED".into()),
            },
        )
        .unwrap();
    ann.edit(case, "EVER GREEN");
    let pushed = ann.push(server, 0);
    assert_eq!((pushed.accepted, pushed.acked_seq), (4, 5));
    assert_eq!(pushed.quarantined.len(), 1);
    let upload = server.put(&format!("/v1/photos/{sha256}?offset=0"), &ann.token, &photo);
    assert_eq!(upload.status, 200, "{}", text(&upload.body));

    let page: PullResponse = sup.pull(server, "", 100).parse();
    sup.take_in(&page);
    let covers: Vec<Uuid> = page.events.iter().map(event_id).collect();
    sup.append(
        case,
        Payload::ReviewApproved {
            covers,
            comment: None,
        },
    );
    assert_eq!(sup.push(server, 0).accepted, 1);
    (ann, sup, case, sha256)
}

#[test]
fn a_clean_log_verifies_and_a_fork_in_quarantine_is_named() {
    let server = Server::start();
    let (ann, _sup, case, _) = busy_log(&server);
    let (output, stdout) = verify(&server);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{stdout}{}",
        text(&output.stderr)
    );
    assert_eq!(
        stdout.trim(),
        "verified: 5 events from 2 devices; 1 photos",
        "4 of Ann's in the log, her quarantined one in the chain, Sup's approval"
    );

    // A second event as Ann's seq 2, signed with her key: a copy of her device wrote it.
    let first = ann.store.outgoing(0, 1).unwrap().remove(0);
    let forged = SignedEvent::sign(
        EventBody {
            id: Uuid::now_v7(),
            case_id: case,
            device_id: ann.id(),
            device_seq: 2,
            author: ann.author.clone(),
            hlc: first.body.hlc,
            wall_time: first.body.wall_time.clone(),
            deps: vec![],
            prev_hash: first.hash(),
            payload: Payload::FieldSet {
                item: None,
                field: Field::VesselName,
                value: Some("CLONED".into()),
            },
            reason: None,
        },
        &ann.store.device().key,
    );
    let wire = WireEvent::new(&forged.bytes, &forged.signature).unwrap();
    let pushed = ann.push_events(&server, vec![wire]);
    assert!(pushed.quarantined[0].reason.starts_with("fork"));
    let (output, stdout) = verify(&server);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    let line = stdout
        .lines()
        .find(|l| l.contains(&forged.body.id.to_string()))
        .unwrap_or_else(|| panic!("the fork is named: {stdout}"));
    assert!(
        line.contains(&ann.id().to_string()) && line.contains("seq 2"),
        "{line}"
    );
    assert!(line.contains("cloned"), "{line}");
    assert!(
        stdout
            .lines()
            .last()
            .unwrap()
            .starts_with("FAILED: 1 problem in 5 events"),
        "{stdout}"
    );
}

#[test]
fn verify_names_a_tampered_event_and_an_altered_or_missing_photo() {
    let server = Server::start();
    let (ann, _sup, _case, sha256) = busy_log(&server);
    let (output, _) = verify(&server);
    assert_eq!(output.status.code(), Some(0));

    // An attacker with the disk drops the append-only trigger and renames the vessel.
    let target = ann.store.outgoing(0, 10).unwrap().remove(1);
    let db = ServerDatabase::open(server.dir());
    let id = target.body.id.to_string();
    let body: Vec<u8> = db.value(
        "SELECT body FROM events WHERE id = ?1",
        &[Param::Text(id.clone())],
    );
    let text_body = String::from_utf8(body).unwrap();
    assert!(text_body.contains("EVER GIVEN"));
    let altered = text_body.replace("EVER GIVEN", "EVER GIVEM");
    db.drop_trigger("events_are_never_updated", "events");
    db.execute(
        "UPDATE events SET body = ?1 WHERE id = ?2",
        &[Param::Bytes(altered.into_bytes()), Param::Text(id)],
    );
    drop(db);

    let (output, stdout) = verify(&server);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    let named: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with(&format!("event {}\t", target.body.id)))
        .collect();
    assert!(
        named.iter().any(|l| l.contains("signature")),
        "the signature fails: {stdout}"
    );
    assert!(
        named.iter().any(|l| l.contains("hashes to")),
        "the stored hash does not match: {stdout}"
    );
    assert!(named
        .iter()
        .all(|l| l.contains(&ann.id().to_string()) && l.contains("seq 2")));
    assert!(
        stdout.lines().last().unwrap().starts_with("FAILED: "),
        "{stdout}"
    );

    // The photo's bytes altered on disk, then gone.
    let file = server.dir().join("photos").join(&sha256[..2]).join(&sha256);
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    std::fs::write(&file, b"another photo altogether").unwrap();
    let (_, stdout) = verify(&server);
    let line = stdout
        .lines()
        .find(|l| l.starts_with(&format!("photo {sha256}")))
        .unwrap_or_else(|| panic!("the photo is named: {stdout}"));
    assert!(line.contains("altered"), "{line}");
    std::fs::remove_file(&file).unwrap();
    let (_, stdout) = verify(&server);
    let line = stdout
        .lines()
        .find(|l| l.starts_with(&format!("photo {sha256}")))
        .unwrap();
    assert!(line.contains("missing"), "{line}");
}

#[test]
fn verify_that_cannot_reach_its_database_exits_2() {
    let dir = tempfile::TempDir::new().unwrap();
    let output = Command::new(BIN)
        .arg("--data-dir")
        .arg(dir.path())
        .args([
            "--database",
            "postgres://quayside@127.0.0.1:1/nowhere",
            "verify",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stderr));
    assert!(text(&output.stderr).contains("127.0.0.1:1"));
}

#[test]
fn a_photo_whose_upload_has_not_finished_is_waiting_not_a_failure() {
    let server = Server::start();
    let (mut ann, _sup) = inspector_and_supervisor(&server);
    let case = ann.open_case("NLRTM");
    let photo = b"a photo still on its way to the server, in two chunks".to_vec();
    let sha256 = hex::encode(Sha256::digest(&photo));
    ann.append(
        case,
        Payload::PhotoAttached {
            sha256: sha256.clone(),
            size: photo.len() as u64,
            media_type: "image/jpeg".into(),
            file_name: "seal.jpg".into(),
            caption: None,
            exif: Exif::default(),
            captured: None,
        },
    );
    assert_eq!(ann.push(&server, 0).acked_seq, 2);
    let first = server.put(
        &format!("/v1/photos/{sha256}?offset=0"),
        &ann.token,
        &photo[..10],
    );
    assert_eq!(first.status, 200, "{}", text(&first.body));

    let (output, stdout) = verify(&server);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    let line = stdout
        .lines()
        .find(|l| l.starts_with(&format!("photo {sha256}")))
        .unwrap_or_else(|| panic!("the photo is named: {stdout}"));
    assert!(
        line.contains(&format!("waiting for upload: 10 of {} bytes", photo.len())),
        "{line}"
    );
    assert_eq!(
        stdout.lines().last().unwrap(),
        "verified: 2 events from 1 devices; 1 photos (1 of them waiting for upload, not checked)"
    );

    // Once the rest arrives it is checked like any other.
    let rest = server.put(
        &format!("/v1/photos/{sha256}?offset=10"),
        &ann.token,
        &photo[10..],
    );
    assert_eq!(rest.status, 200, "{}", text(&rest.body));
    let (output, stdout) = verify(&server);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert_eq!(stdout.trim(), "verified: 2 events from 1 devices; 1 photos");
}

/// Regression: on PostgreSQL `verify` once read no event at all ("verified: 0 events from 0
/// devices") while another test's database, on the same cluster, held a transaction open: the
/// pull fence is the cluster's oldest running transaction, and the check read only below it. The
/// check reads every committed row, whatever runs in other databases. (On SQLite there is no
/// other database; the check simply runs.)
#[test]
fn verify_reads_every_committed_event_while_another_database_holds_a_transaction_open() {
    let other = tempfile::tempdir().unwrap();
    backend_args(other.path());
    let held = on_postgres().then(|| {
        let db = ServerDatabase::open(other.path());
        db.execute("BEGIN", &[]);
        // An id of its own, taken now: every later push's is above it, and the fence stays below.
        db.value::<i64>("SELECT pg_current_xact_id()::text::bigint", &[]);
        db
    });

    let server = Server::start();
    let (mut ann, _sup) = inspector_and_supervisor(&server);
    let case = ann.open_case("NLRTM");
    ann.edit(case, "EVER GIVEN");
    assert_eq!(ann.push(&server, 0).acked_seq, 2);

    let (output, stdout) = verify(&server);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert_eq!(stdout.trim(), "verified: 2 events from 1 devices; 0 photos");
    drop(held);
}
