//! Pulling: who sees what, cursor paging, stale cursors.

use quayside_domain::event::Role;
use quayside_protocol::{PullResponse, SyncState};
use quayside_server::cursor::Cursor;

use crate::common::*;

#[test]
fn a_pull_serves_cases_of_the_callers_ports_from_other_devices_only() {
    let server = Server::start();
    server.add_user("ann", "inspector", "NLRTM");
    server.add_user("bea", "inspector", "BEANR");
    server.add_user("sup", "supervisor", "NLRTM");
    server.add_user("root", "admin", "NLRTM");
    let mut ann = Device::enroll(&server, "ann", Role::Inspector);
    let mut bea = Device::enroll(&server, "bea", Role::Inspector);
    let sup = Device::enroll(&server, "sup", Role::Supervisor);
    let root = Device::enroll(&server, "root", Role::Admin);
    let rotterdam = ann.open_case("NLRTM");
    ann.edit(rotterdam, "EVER GIVEN");
    let antwerp = bea.open_case("BEANR");
    bea.edit(antwerp, "MSC ZOE");
    assert_eq!(ann.push(&server, 0).accepted, 2);
    assert_eq!(bea.push(&server, 0).accepted, 2);

    let (seen_by_bea, _) = bea.pull_all(&server, 10);
    assert!(
        seen_by_bea.is_empty(),
        "another port's cases and her own events are not served"
    );
    let (seen_by_ann, _) = ann.pull_all(&server, 10);
    assert!(seen_by_ann.is_empty());

    let page: PullResponse = sup.pull(&server, "", 10).parse();
    let ids: Vec<_> = page.events.iter().map(event_id).collect();
    assert_eq!(ids, own_ids(&ann));
    assert_eq!(page.devices.len(), 1);
    assert_eq!(page.devices[0].device_id, ann.id());
    assert_eq!(
        page.devices[0].public_key,
        hex::encode(ann.store.device().key.verifying_key().as_bytes())
    );
    assert!(!page.more);

    let (all, _) = root.pull_all(&server, 10);
    let mut expected = own_ids(&ann);
    expected.extend(own_ids(&bea));
    assert_eq!(all, expected, "an admin sees every port, in log order");
}

#[test]
fn paging_with_the_cursor_never_skips_or_repeats() {
    let server = Server::start();
    server.add_user("ann", "inspector", "NLRTM");
    server.add_user("amy", "inspector", "NLRTM,BEANR");
    server.add_user("bea", "inspector", "BEANR");
    server.add_user("sup", "supervisor", "NLRTM");
    let mut ann = Device::enroll(&server, "ann", Role::Inspector);
    let mut amy = Device::enroll(&server, "amy", Role::Inspector);
    let mut bea = Device::enroll(&server, "bea", Role::Inspector);
    let sup = Device::enroll(&server, "sup", Role::Supervisor);
    let a = ann.open_case("NLRTM");
    let m = amy.open_case("NLRTM");
    let b = bea.open_case("BEANR");
    let mut expected = Vec::new();
    let (mut ann_at, mut amy_at, mut bea_at) = (0, 0, 0);
    // Interleave pushes so visible events are spread between filtered ones.
    for round in 0..5 {
        ann.edit(a, &format!("A{round}"));
        amy.edit(m, &format!("M{round}"));
        bea.edit(b, &format!("B{round}"));
        for (device, at) in [
            (&ann, &mut ann_at),
            (&bea, &mut bea_at),
            (&amy, &mut amy_at),
        ] {
            let events = device.wire(*at);
            if !std::ptr::eq(device, &bea) {
                expected.extend(events.iter().map(event_id));
            }
            *at = device.push_events(&server, events).acked_seq;
        }
    }
    for limit in [1, 3, 4, 100] {
        let (ids, _) = sup.pull_all(&server, limit);
        assert_eq!(ids, expected, "page size {limit}");
    }

    // From the last cursor, only what came after: new events, then nothing.
    let (_, cursor) = sup.pull_all(&server, 4);
    let page: PullResponse = sup.pull(&server, &cursor, 4).parse();
    assert!(page.events.is_empty() && !page.more);
    assert_eq!(page.cursor, cursor, "nothing examined, the cursor stays");
    bea.edit(b, "filtered");
    bea.push(&server, bea_at);
    ann.edit(a, "later");
    ann.push(&server, ann_at);
    let page: PullResponse = sup.pull(&server, &cursor, 4).parse();
    assert_eq!(page.events.len(), 1);
    assert_eq!(event_id(&page.events[0]), *own_ids(&ann).last().unwrap());
    let after: PullResponse = sup.pull(&server, &page.cursor, 4).parse();
    assert!(after.events.is_empty());
}

#[test]
fn a_cursor_of_another_epoch_past_the_end_or_never_given_out_is_stale_and_a_bad_limit_refused() {
    let server = Server::start();
    let (mut ann, sup) = inspector_and_supervisor(&server);
    let case = ann.open_case("NLRTM");
    ann.edit(case, "EVER GIVEN");
    ann.push(&server, 0);
    let (_, cursor) = sup.pull_all(&server, 10);
    let epoch = server
        .get("/v1/sync", Some(&sup.token))
        .parse::<SyncState>()
        .epoch;
    assert_eq!(Cursor::decode(&cursor).unwrap().epoch, epoch);

    let beyond = Cursor {
        epoch: epoch.clone(),
        seq: 1000,
        mark: None,
        xid: 0,
    }
    .encode();
    let stale = sup.pull(&server, &beyond, 10);
    assert!(stale.error(409, "stale_cursor").contains("past the end"));
    // One this server never gave out: the client starts again from the beginning, as after a
    // restore.
    let garbage = sup.pull(&server, "not-a-cursor", 10);
    assert!(garbage
        .error(409, "stale_cursor")
        .contains("not one this server gave out"));
    for limit in [0, 1001] {
        let refused = sup.pull(&server, "", limit);
        assert!(refused
            .error(400, "invalid_request")
            .contains("limit must be 1 to 1000"));
    }

    // A restored server gets a new epoch (the CLI works beside the running server).
    let renewed = server.cli(&["new-epoch"], "");
    assert!(renewed.status.success(), "{}", text(&renewed.stderr));
    let stale = sup.pull(&server, &cursor, 10);
    assert!(stale
        .error(409, "stale_cursor")
        .contains("pull again from the start"));
    let new_epoch = server
        .get("/v1/sync", Some(&sup.token))
        .parse::<SyncState>()
        .epoch;
    assert_ne!(new_epoch, epoch);
    let (ids, cursor) = sup.pull_all(&server, 10);
    assert_eq!(ids, own_ids(&ann), "from the start again");
    assert_eq!(Cursor::decode(&cursor).unwrap().epoch, new_epoch);
}

/// Copy the server's database files (not the running process's memory: the server is stopped).
fn backup(from: &std::path::Path) -> tempfile::TempDir {
    let to = tempfile::TempDir::new().unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), to.path().join(entry.file_name())).unwrap();
        }
    }
    to
}

#[test]
fn a_restore_nobody_declared_is_caught_once_the_log_grows_back_past_a_cursor() {
    if on_postgres() {
        // Restoring here means copying the SQLite files; a PostgreSQL restore is pg_restore's job.
        eprintln!("skipped on PostgreSQL: this test restores the server's files");
        return;
    }
    let server = Server::start();
    let (mut ann, sup) = inspector_and_supervisor(&server);
    server.add_user("bob", "inspector", "NLRTM");
    let mut bob = Device::enroll(&server, "bob", Role::Inspector);
    let case = ann.open_case("NLRTM");
    ann.push(&server, 0);
    let data = server.data.clone();
    drop(server);
    let old = backup(data.path());

    let server = Server::start_with(data.clone(), &[], &[]);
    ann.edit(case, "EVER GIVEN");
    ann.push(&server, 1);
    let (seen, cursor) = sup.pull_all(&server, 10);
    assert_eq!(seen.len(), 2);
    drop(server);

    // The operator restores the older backup and forgets `new-epoch`; Bob's new event then
    // takes the place in the log that Ann's second event had.
    for stale in ["server.sqlite3-wal", "server.sqlite3-shm"] {
        let _ = std::fs::remove_file(data.path().join(stale));
    }
    for entry in std::fs::read_dir(old.path()).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), data.path().join(entry.file_name())).unwrap();
    }
    let server = Server::start_with(data, &[], &[]);
    let theirs = bob.open_case("NLRTM");
    assert_eq!(bob.push(&server, 0).accepted, 1);
    let stale = sup.pull(&server, &cursor, 10);
    assert!(
        stale
            .error(409, "stale_cursor")
            .contains("another event stands"),
        "without the check Bob's case would be skipped"
    );
    let (ids, _) = sup.pull_all(&server, 10);
    assert!(
        ids.len() == 2 && ids.contains(&own_ids(&bob)[0]),
        "{ids:?} {theirs}"
    );
}

/// A pull page goes compressed to a client that accepts it (zstd where it names zstd, as the sync
/// client does; else gzip) and plain to one that does not, with the same JSON inside.
#[test]
fn a_pull_page_is_gzipped_for_a_client_that_accepts_it() {
    use std::io::{Read, Write};
    let server = Server::start();
    server.add_user("ann", "inspector", "NLRTM");
    server.add_user("sup", "supervisor", "NLRTM");
    let mut ann = Device::enroll(&server, "ann", Role::Inspector);
    let sup = Device::enroll(&server, "sup", Role::Supervisor);
    for n in 0..20 {
        let case = ann.open_case("NLRTM");
        ann.edit(case, &format!("VESSEL {n}"));
    }
    assert_eq!(ann.push(&server, 0).accepted, 40);

    let get = |accept: &str| -> (String, Vec<u8>) {
        let address = server.url.trim_start_matches("http://");
        let mut stream = std::net::TcpStream::connect(address).unwrap();
        let encoding = if accept.is_empty() {
            String::new()
        } else {
            format!("Accept-Encoding: {accept}\r\n")
        };
        write!(
            stream,
            "GET /v1/events?cursor=&limit=100 HTTP/1.1\r\nHost: {address}\r\nAuthorization: \
             Bearer {}\r\n{encoding}Connection: close\r\n\r\n",
            sup.token
        )
        .unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let split = response.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8_lossy(&response[..split]).to_ascii_lowercase();
        (head, response[split + 4..].to_vec())
    };
    let (plain_head, plain) = get("");
    assert!(plain_head.starts_with("http/1.1 200"), "{plain_head}");
    assert!(!plain_head.contains("content-encoding"), "{plain_head}");
    let (gzip_head, gzipped) = get("gzip");
    assert!(gzip_head.contains("content-encoding: gzip"), "{gzip_head}");
    // The plain answer may be chunked; its JSON is what the gzipped one inflates to.
    let page: PullResponse = agent()
        .get(format!("{}/v1/events?cursor=&limit=100", server.url))
        .header("Authorization", format!("Bearer {}", sup.token))
        .call()
        .unwrap()
        .body_mut()
        .read_json()
        .unwrap();
    assert_eq!(page.events.len(), 40);
    assert!(
        gzipped.len() * 2 < plain.len(),
        "gzip {} bytes against {} plain",
        gzipped.len(),
        plain.len()
    );
    // A client that names zstd first (the sync client does) gets zstd, which inflates to the page.
    let (zstd_head, _) = get("zstd, gzip");
    assert!(zstd_head.contains("content-encoding: zstd"), "{zstd_head}");
    let mut answer = agent()
        .get(format!("{}/v1/events?cursor=&limit=100", server.url))
        .header("Authorization", format!("Bearer {}", sup.token))
        .header("Accept-Encoding", "zstd, gzip")
        .call()
        .unwrap();
    assert_eq!(answer.headers()["content-encoding"], "zstd");
    let packed = answer.body_mut().read_to_vec().unwrap();
    let inflated: PullResponse =
        serde_json::from_slice(&zstd::stream::decode_all(&packed[..]).unwrap()).unwrap();
    assert_eq!(inflated.events.len(), 40);
    assert!(
        packed.len() * 2 < plain.len(),
        "zstd {} bytes",
        packed.len()
    );
}
