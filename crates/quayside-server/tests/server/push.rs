//! Pushing: acceptance, idempotent replays, forged and foreign events, gaps, review permissions.

use quayside_domain::event::{Payload, Role};
use quayside_protocol::{PullResponse, PushRequest, SyncState, WireEvent};
use serde_json::Value;
use sha2::Digest;

use crate::common::*;

fn quarantine_of(server: &Server, admin: &Device) -> Vec<Value> {
    let list = server
        .get("/v1/admin/quarantine", Some(&admin.token))
        .json();
    list["events"].as_array().unwrap().clone()
}

#[test]
fn a_push_is_acknowledged_and_a_replay_stores_nothing_new() {
    let server = Server::start();
    let (mut ann, sup) = inspector_and_supervisor(&server);
    let case = ann.open_case("NLRTM");
    ann.edit(case, "EVER GIVEN");
    ann.edit(case, "EVER GREEN");

    let first = ann.push(&server, 0);
    assert_eq!(
        (first.accepted, first.duplicates, first.acked_seq),
        (3, 0, 3)
    );
    assert!(first.quarantined.is_empty() && first.deferred.is_empty());
    let state: SyncState = server.get("/v1/sync", Some(&ann.token)).parse();
    assert_eq!(state.device_seq, 3);

    let replay = ann.push(&server, 0);
    assert_eq!(
        (replay.accepted, replay.duplicates, replay.acked_seq),
        (0, 3, 3)
    );
    let (ids, _) = sup.pull_all(&server, 100);
    assert_eq!(ids, own_ids(&ann), "each event once, in order");

    // A batch that repeats an event inside itself stores it once too.
    ann.edit(case, "EVER GLORY");
    let mut events = ann.wire(3);
    events.push(events[0].clone());
    let response = ann.push_events(&server, events);
    assert_eq!(
        (response.accepted, response.duplicates, response.acked_seq),
        (1, 1, 4)
    );
}

#[test]
fn a_forged_event_is_quarantined_never_served_and_shown_to_an_admin() {
    let server = Server::start();
    server.add_user("ann", "inspector", "NLRTM");
    server.add_user("sup", "supervisor", "NLRTM");
    server.add_user("root", "admin", "NLRTM");
    let mut ann = Device::enroll(&server, "ann", Role::Inspector);
    let sup = Device::enroll(&server, "sup", Role::Supervisor);
    let root = Device::enroll(&server, "root", Role::Admin);
    let case = ann.open_case("NLRTM");
    ann.edit(case, "EVER GIVEN");
    let mut events = ann.wire(0);
    // Flip one byte of the signed body (a letter of the vessel name) and keep the signature.
    let forged_text = events[1].body.get().replace("EVER GIVEN", "EVER GIVEM");
    let forged = WireEvent {
        body: serde_json::value::RawValue::from_string(forged_text).unwrap(),
        signature: events[1].signature.clone(),
    };
    let forged_id = event_id(&forged);
    let forged_hash = hex::encode(sha2::Sha256::digest(forged.body.get().as_bytes()));
    let forged_bytes = forged.body.get().len();
    events[1] = forged;

    let response = ann.push_events(&server, events);
    assert_eq!((response.accepted, response.acked_seq), (1, 1));
    assert_eq!(response.quarantined.len(), 1);
    assert_eq!(response.quarantined[0].index, 1);
    assert!(response.quarantined[0]
        .reason
        .contains("signature does not verify"));

    let (ids, _) = sup.pull_all(&server, 100);
    assert!(
        !ids.contains(&forged_id),
        "a quarantined event is never served"
    );
    assert_eq!(ids.len(), 1);

    let held = quarantine_of(&server, &root);
    assert_eq!(held.len(), 1);
    assert!(held[0]["reason"].as_str().unwrap().contains("signature"));
    // Not signed by the device: kept as its hash and size, not as what the client chose to send.
    assert_eq!(held[0]["verified"], false);
    assert_eq!(held[0]["body"], "");
    assert_eq!(held[0]["hash"], forged_hash.as_str());
    assert_eq!(held[0]["body_bytes"], forged_bytes);
    let refused = server.get("/v1/admin/quarantine", Some(&sup.token));
    assert!(refused.error(403, "forbidden").contains("only admins"));
    let listed = text(&server.cli(&["quarantine"], "").stdout);
    assert!(listed.contains("signature does not verify"), "{listed}");

    // The real event still goes through, and the forged one pushed again is not set aside twice.
    let real = ann.push(&server, 1);
    assert_eq!((real.accepted, real.acked_seq), (1, 2));
    assert_eq!(quarantine_of(&server, &root).len(), 1);
}

#[test]
fn a_forged_event_in_the_middle_of_a_long_run_is_named_and_the_run_before_it_is_taken() {
    // 300 events are checked in batches, one per core: a batch that fails is checked one by one,
    // so the forgery is named alone and no other event is refused for it.
    let server = Server::start();
    server.add_user("ann", "inspector", "NLRTM");
    let mut ann = Device::enroll(&server, "ann", Role::Inspector);
    let case = ann.open_case("NLRTM");
    for n in 1..300 {
        ann.edit(case, &format!("VESSEL {n:03}"));
    }
    let mut events = ann.wire(0);
    assert_eq!(events.len(), 300);
    let forged_text = events[150].body.get().replace("VESSEL 150", "VESSEL 15O");
    events[150] = WireEvent {
        body: serde_json::value::RawValue::from_string(forged_text).unwrap(),
        signature: events[150].signature.clone(),
    };
    let response = ann.push_events(&server, events);
    let refused: Vec<(usize, bool)> = response
        .quarantined
        .iter()
        .map(|q| (q.index, q.reason.contains("signature does not verify")))
        .collect();
    assert_eq!(refused, vec![(150, true)], "{:?}", response.quarantined);
    assert_eq!(response.accepted, 150, "the run before the forgery");
    assert_eq!(response.acked_seq, 150);
}

#[test]
fn events_of_another_device_pushed_with_my_token_are_quarantined() {
    let server = Server::start();
    server.add_user("ann", "inspector", "NLRTM");
    server.add_user("ben", "inspector", "NLRTM");
    let mut ann = Device::enroll(&server, "ann", Role::Inspector);
    let ben = Device::enroll(&server, "ben", Role::Inspector);
    let case = ann.open_case("NLRTM");
    ann.edit(case, "EVER GIVEN");

    let response = ben.push_events(&server, ann.wire(0));
    assert_eq!((response.accepted, response.acked_seq), (0, 0));
    assert_eq!(response.quarantined.len(), 2);
    let reason = &response.quarantined[0].reason;
    assert!(reason.contains(&format!(
        "event of device {} pushed by device {}",
        ann.id(),
        ben.id()
    )));
    assert!(reason.contains("a device may only push its own chain"));
    // Ann's own push is not blocked by what Ben sent.
    assert_eq!(ann.push(&server, 0).accepted, 2);
}

#[test]
fn events_after_a_gap_are_deferred_until_the_gap_is_filled() {
    let server = Server::start();
    server.add_user("ann", "inspector", "NLRTM");
    let mut ann = Device::enroll(&server, "ann", Role::Inspector);
    let case = ann.open_case("NLRTM");
    for name in ["A", "B", "C", "D"] {
        ann.edit(case, name);
    }
    let events = ann.wire(0);
    let mut gapped = events[..2].to_vec();
    gapped.extend_from_slice(&events[3..]);
    let response = ann.push_events(&server, gapped);
    assert_eq!((response.accepted, response.acked_seq), (2, 2));
    assert_eq!(response.deferred.len(), 2);
    assert_eq!(response.deferred[0].device_seq, Some(4));
    assert!(response.deferred[0]
        .reason
        .contains("follows a gap: the server holds up to 2"));
    assert!(
        response.quarantined.is_empty(),
        "deferred events are not set aside"
    );

    let rest = ann.push(&server, response.acked_seq);
    assert_eq!((rest.accepted, rest.duplicates, rest.acked_seq), (3, 0, 5));
}

#[test]
fn only_supervisors_may_approve_and_a_refused_review_does_not_block_the_chain() {
    let server = Server::start();
    let (mut ann, mut sup) = inspector_and_supervisor(&server);
    let case = ann.open_case("NLRTM");
    ann.edit(case, "EVER GIVEN");
    // Ann's app refuses an inspector's approval (the fold does), so only a tampered app sends one,
    // and it has to claim a supervisor's role to get it past its own store.
    let claimed = quayside_domain::event::Author {
        name: "ann".into(),
        role: Role::Supervisor,
    };
    ann.store
        .append(
            &claimed,
            case,
            Payload::ReviewApproved {
                covers: vec![],
                comment: Some("self-approved".into()),
            },
        )
        .unwrap();
    ann.store
        .set_change_reason(case, Some("renamed after approval"))
        .unwrap();
    ann.edit(case, "EVER GREEN");
    let response = ann.push(&server, 0);
    assert_eq!((response.accepted, response.acked_seq), (3, 4));
    assert_eq!(response.quarantined.len(), 1);
    assert_eq!(response.quarantined[0].device_seq, Some(3));
    // The claimed role is what gives it away (a review by a user who claims none is refused as
    // "only supervisors may approve": see push.rs's unit tests).
    assert!(
        response.quarantined[0]
            .reason
            .contains("names its author as Supervisor, but the author's account is Inspector"),
        "{}",
        response.quarantined[0].reason
    );
    assert_eq!(
        ann.push(&server, 0).duplicates,
        4,
        "held in quarantine counts as held"
    );

    // The supervisor takes the case in from the server and approves it: accepted.
    let page: PullResponse = sup.pull(&server, "", 100).parse();
    assert_eq!(page.events.len(), 3);
    let report = sup.take_in(&page);
    assert_eq!(
        report.inserted, 3,
        "pulled events verify in a real store: {report:?}"
    );
    sup.append(
        case,
        Payload::ReviewApproved {
            covers: vec![],
            comment: None,
        },
    );
    let approved = sup.push(&server, 0);
    assert_eq!((approved.accepted, approved.acked_seq), (1, 1));
    assert!(approved.quarantined.is_empty());
}

#[test]
fn events_of_a_case_the_server_does_not_know_are_quarantined_in_the_chain() {
    let server = Server::start();
    server.add_user("ann", "inspector", "NLRTM");
    let mut ann = Device::enroll(&server, "ann", Role::Inspector);
    // A case Ann got from a device that never synced (a copy passed by hand): the server has no
    // case_opened of it.
    let elsewhere = tempfile::TempDir::new().unwrap();
    let mut other = quayside_store::Store::open(elsewhere.path()).unwrap();
    let case = other.open_case(&ann.author, "NLRTM").unwrap().id;
    let key = other.device().key.verifying_key().to_bytes();
    ann.store.add_device_key(other.device().id, key).unwrap();
    let copied: Vec<(Vec<u8>, [u8; 64])> = other
        .export_events()
        .unwrap()
        .into_iter()
        .map(|e| (e.bytes, e.signature))
        .collect();
    assert_eq!(ann.store.ingest(&copied).unwrap().inserted, 1);
    ann.edit(case, "EVER GIVEN");
    let own = ann.open_case("NLRTM");
    ann.edit(own, "EVER GREEN");

    let response = ann.push(&server, 0);
    assert_eq!((response.accepted, response.acked_seq), (2, 3));
    assert_eq!(response.quarantined.len(), 1);
    assert!(response.quarantined[0]
        .reason
        .contains("unknown to the server"));

    // A broken signature on a case_opened leaves that case unknown and the rest waiting.
    let third = ann.open_case("NLRTM");
    ann.edit(third, "EVER GLORY");
    let mut events = ann.wire(3);
    events[0].signature = events[1].signature.clone();
    let response = ann.push_events(&server, events);
    assert_eq!((response.accepted, response.acked_seq), (0, 3));
    assert!(response.quarantined[0].reason.contains("signature"));
    assert_eq!(response.deferred.len(), 1, "seq 5 waits for seq 4");
    let replay = ann.push(&server, 3);
    assert_eq!((replay.accepted, replay.acked_seq), (2, 5));
    let empty = server.post_json(
        "/v1/events",
        Some(&ann.token),
        &PushRequest { events: vec![] },
    );
    assert_eq!(
        empty.parse::<quayside_protocol::PushResponse>().acked_seq,
        5
    );
}

/// A push sent with `Content-Encoding: encoding`.
fn push_encoded(server: &Server, device: &Device, encoding: &str, body: Vec<u8>) -> Reply {
    let request = agent()
        .post(format!("{}/v1/events", server.url))
        .header("Authorization", format!("Bearer {}", device.token))
        .header("Content-Type", "application/json")
        .header("Content-Encoding", encoding);
    Reply::from(request.send(body).expect("the server answers"))
}

#[test]
fn a_gzipped_push_is_read_inflated_and_bombs_or_broken_gzip_are_refused_with_the_reason() {
    let server = Server::start();
    let (mut ann, sup) = inspector_and_supervisor(&server);
    let state: SyncState = server.get("/v1/sync", Some(&ann.token)).parse();
    assert!(state.accepts_gzip, "the server says it reads gzip");
    let case = ann.open_case("NLRTM");
    ann.edit(case, "EVER GIVEN");
    let plain = serde_json::to_vec(&PushRequest {
        events: ann.wire(0),
    })
    .unwrap();

    // A bomb: 256 MiB of spaces (valid JSON padding) in a quarter of a megabyte. The limit counts
    // inflated bytes, and reading stops there: 413, not the whole of it in memory.
    let mut padded = plain.clone();
    padded.resize(256 << 20, b' ');
    let bomb = gzip(&padded);
    drop(padded);
    assert!(bomb.len() < 1024 * 1024, "{} bytes", bomb.len());
    let message = push_encoded(&server, &ann, "gzip", bomb).error(413, "too_large");
    assert!(message.contains("send fewer events per push"), "{message}");

    // Not gzip at all, and gzip cut short: 400, saying what is wrong.
    let message = push_encoded(&server, &ann, "gzip", plain.clone()).error(400, "invalid_request");
    assert!(message.contains("does not inflate"), "{message}");
    assert!(
        message.contains("uncompressed without that header"),
        "{message}"
    );
    let packed = gzip(&plain);
    let message = push_encoded(&server, &ann, "gzip", packed[..packed.len() / 2].to_vec())
        .error(400, "invalid_request");
    assert!(message.contains("does not inflate"), "{message}");
    // An encoding the server does not read.
    let message = push_encoded(&server, &ann, "br", packed.clone()).error(415, "invalid_request");
    assert!(message.contains("zstd or gzip"), "{message}");
    // Nothing of the above was taken.
    assert!(sup.pull_all(&server, 100).0.is_empty());

    // The same push gzipped is taken as the plain one is.
    let pushed: quayside_protocol::PushResponse =
        push_encoded(&server, &ann, "gzip", packed).parse();
    assert_eq!((pushed.accepted, pushed.acked_seq), (2, 2));
    let (ids, _) = sup.pull_all(&server, 100);
    assert_eq!(ids, own_ids(&ann));

    // A pull has no body: a Content-Encoding on it is ignored, as on every other route.
    let pull = agent()
        .get(format!("{}/v1/events", server.url))
        .header("Authorization", format!("Bearer {}", sup.token))
        .header("Content-Encoding", "br");
    let pulled: quayside_protocol::PullResponse =
        Reply::from(pull.call().expect("the server answers")).parse();
    assert_eq!(pulled.events.len(), 2);
}

#[test]
fn a_zstd_push_is_read_inflated_and_bombs_or_broken_zstd_are_refused_with_the_reason() {
    let server = Server::start();
    let (mut ann, sup) = inspector_and_supervisor(&server);
    let state: SyncState = server.get("/v1/sync", Some(&ann.token)).parse();
    assert!(state.accepts_zstd, "the server says it reads zstd");
    let case = ann.open_case("NLRTM");
    ann.edit(case, "EVER GIVEN");
    let plain = serde_json::to_vec(&PushRequest {
        events: ann.wire(0),
    })
    .unwrap();
    // 256 MiB of spaces in a few kilobytes: the limit counts inflated bytes.
    let mut padded = plain.clone();
    padded.resize(256 << 20, b' ');
    let bomb = zstd::bulk::compress(&padded, 3).unwrap();
    drop(padded);
    assert!(bomb.len() < 1024 * 1024, "{} bytes", bomb.len());
    let message = push_encoded(&server, &ann, "zstd", bomb).error(413, "too_large");
    assert!(message.contains("send fewer events per push"), "{message}");
    let message = push_encoded(&server, &ann, "zstd", plain.clone()).error(400, "invalid_request");
    assert!(
        message.contains("Content-Encoding: zstd but does not inflate"),
        "{message}"
    );
    assert!(sup.pull_all(&server, 100).0.is_empty());

    let packed = zstd::bulk::compress(&plain, 3).unwrap();
    let pushed: quayside_protocol::PushResponse =
        push_encoded(&server, &ann, "zstd", packed).parse();
    assert_eq!((pushed.accepted, pushed.acked_seq), (2, 2));
    assert_eq!(sup.pull_all(&server, 100).0, own_ids(&ann));
}

#[test]
fn unsigned_junk_is_kept_as_hash_and_size_to_a_quota_and_an_admin_prunes_it() {
    let server = Server::start();
    server.add_user("ann", "inspector", "NLRTM");
    server.add_user("root", "admin", "NLRTM");
    let mut ann = Device::enroll(&server, "ann", Role::Inspector);
    let root = Device::enroll(&server, "root", Role::Admin);
    let case = ann.open_case("NLRTM");
    ann.edit(case, "EVER GIVEN");
    assert_eq!(ann.push(&server, 0).accepted, 2);
    // Junk: a thousand bodies that name this device but carry no valid signature, 2 KiB each.
    let device = ann.id();
    let junk = |n: usize| {
        let body = format!(
            r#"{{"device_id":"{device}","pad":"{}","n":{n}}}"#,
            "x".repeat(2048)
        );
        WireEvent {
            body: serde_json::value::RawValue::from_string(body).unwrap(),
            signature: "AAAA".into(),
        }
    };
    let first: Vec<WireEvent> = (0..1000).map(junk).collect();
    let pushed = ann.push_events(&server, first);
    assert_eq!(pushed.quarantined.len(), 1000);
    // The quota is full: the next push holding junk is refused whole, saying what to do.
    let over = server.post_json(
        "/v1/events",
        Some(&ann.token),
        &PushRequest {
            events: vec![junk(1000)],
        },
    );
    let said = over.error(429, "too_many_attempts");
    assert!(said.contains("quarantine prune"), "{said}");
    // A push of signed events still goes through.
    ann.edit(case, "EVER GREEN");
    assert_eq!(ann.push(&server, 2).accepted, 1);

    // Kept as hash and size, not the 2 MiB sent.
    let held = quarantine_of(&server, &root);
    assert_eq!(held.len(), 1000);
    assert!(held
        .iter()
        .all(|q| q["body"] == "" && q["verified"] == false));
    assert!(held
        .iter()
        .all(|q| q["body_bytes"].as_u64().unwrap() > 2048));

    // The admin exports and prunes it; then the device may push again.
    let pruned = server.cli(&["quarantine", "prune"], "");
    assert!(pruned.status.success(), "{}", text(&pruned.stderr));
    let lines: Vec<Value> = text(&pruned.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1000);
    assert!(lines[0]["sha256"].as_str().unwrap().len() == 64);
    assert!(quarantine_of(&server, &root).is_empty());
    let after = ann.push_events(&server, vec![junk(1001)]);
    assert_eq!(after.quarantined.len(), 1);
}
