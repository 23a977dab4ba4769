//! Photo originals: missing, chunked resumable upload, hash check, download with Range.

use quayside_domain::event::{Payload, Role};
use quayside_domain::photo::Exif;
use quayside_protocol::{PhotoMissing, RefusalCode, UploadStatus, PHOTO_CHUNK_BYTES};
use serde_json::json;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::common::*;

fn bytes(len: usize, seed: u32) -> Vec<u8> {
    let mut state = seed;
    (0..len)
        .map(|_| {
            state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            (state >> 24) as u8
        })
        .collect()
}

fn sha(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

fn attach(device: &mut Device, case: Uuid, sha256: &str, size: u64) {
    device.append(
        case,
        Payload::PhotoAttached {
            sha256: sha256.to_string(),
            size,
            media_type: "image/jpeg".into(),
            file_name: format!("{}.jpg", &sha256[..8]),
            caption: None,
            exif: Exif::default(),
            captured: None,
        },
    );
}

#[test]
fn a_photo_uploads_in_chunks_resumes_and_downloads_with_a_range() {
    let server = Server::start();
    server.add_user("ann", "inspector", "NLRTM");
    server.add_user("sup", "supervisor", "NLRTM");
    server.add_user("bea", "inspector", "BEANR");
    let mut ann = Device::enroll(&server, "ann", Role::Inspector);
    let sup = Device::enroll(&server, "sup", Role::Supervisor);
    let bea = Device::enroll(&server, "bea", Role::Inspector);
    let photo = bytes(2 * PHOTO_CHUNK_BYTES + 12_345, 1);
    let hash = sha(&photo);
    let size = photo.len() as u64;
    let case = ann.open_case("NLRTM");
    attach(&mut ann, case, &hash, size);
    let unattached = sha(b"never attached");
    let path = format!("/v1/photos/{hash}");

    // Before the event is pushed the server refuses the bytes, and says why.
    let early = server.put(&format!("{path}?offset=0"), &ann.token, &photo[..10]);
    assert!(early
        .error(404, "not_found")
        .contains("push the event that attaches it first"));
    assert_eq!(ann.push(&server, 0).accepted, 2);

    let query = json!({ "sha256": [hash, unattached] });
    let missing: PhotoMissing = server
        .post_json("/v1/photos/missing", Some(&ann.token), &query)
        .parse();
    assert_eq!(missing.missing, [hash.clone(), unattached.clone()]);
    let bad = server.post_json(
        "/v1/photos/missing",
        Some(&ann.token),
        &json!({ "sha256": ["ABC"] }),
    );
    assert!(bad
        .error(400, "invalid_request")
        .contains("64 lower-case hex digits"));
    let not_yet = server.get(&path, Some(&sup.token));
    assert!(not_yet
        .error(404, "not_found")
        .contains("has not finished uploading"));

    let chunk = PHOTO_CHUNK_BYTES;
    let first: UploadStatus = server
        .put(&format!("{path}?offset=0"), &ann.token, &photo[..chunk])
        .parse();
    assert_eq!((first.received, first.complete), (chunk as u64, false));
    // A retried chunk (its answer was lost) is refused with where to resume.
    let retried = server.put(&format!("{path}?offset=0"), &ann.token, &photo[..chunk]);
    assert!(retried
        .error(409, "offset_mismatch")
        .contains(&format!("resume from {chunk}")));
    let status: UploadStatus = server
        .get(&format!("{path}/upload"), Some(&ann.token))
        .parse();
    assert_eq!((status.received, status.complete), (chunk as u64, false));
    // Ten wrong bytes at the right offset are taken; the hash check at the end catches them.
    let wrong: UploadStatus = server
        .put(
            &format!("{path}?offset={chunk}"),
            &ann.token,
            &[0u8; 10][..],
        )
        .parse();
    assert_eq!(wrong.received, chunk as u64 + 10);
    let rest = &photo[chunk + 10..];
    let over = server.put(
        &format!("{path}?offset={}", chunk + 10),
        &ann.token,
        &[rest, b"x"].concat(),
    );
    assert!(over
        .error(400, "invalid_request")
        .contains("past the file's size"));
    let end = server.put(
        &format!("{path}?offset={}", chunk + 10),
        &ann.token,
        &photo[chunk + 10..2 * chunk + 10],
    );
    assert_eq!(end.status, 200);
    let mismatch = server.put(
        &format!("{path}?offset={}", 2 * chunk + 10),
        &ann.token,
        &photo[2 * chunk + 10..],
    );
    assert!(mismatch.error(422, "hash_mismatch").contains("discarded"));
    let status: UploadStatus = server
        .get(&format!("{path}/upload"), Some(&ann.token))
        .parse();
    assert_eq!(
        (status.received, status.complete),
        (0, false),
        "the partial upload is gone"
    );

    // Now the right bytes, in three chunks.
    for start in (0..photo.len()).step_by(chunk) {
        let part = &photo[start..(start + chunk).min(photo.len())];
        let status: UploadStatus = server
            .put(&format!("{path}?offset={start}"), &ann.token, part)
            .parse();
        assert_eq!(status.complete, start + chunk >= photo.len());
    }
    let again: UploadStatus = server
        .put(&format!("{path}?offset=0"), &ann.token, &photo[..5])
        .parse();
    assert_eq!(
        (again.received, again.complete),
        (size, true),
        "a completed upload is idempotent"
    );
    let missing: PhotoMissing = server
        .post_json("/v1/photos/missing", Some(&ann.token), &query)
        .parse();
    assert_eq!(missing.missing, std::slice::from_ref(&unattached));

    let whole = server.get(&path, Some(&sup.token));
    assert_eq!(whole.status, 200);
    assert_eq!(whole.header("content-length"), Some(size.to_string()));
    assert!(whole.body == photo);
    let from = 1_500_000;
    let tail = server.get_with(&path, &sup.token, ("Range", &format!("bytes={from}-")));
    assert_eq!(tail.status, 206);
    assert_eq!(
        tail.header("content-range"),
        Some(format!("bytes {from}-{}/{size}", size - 1))
    );
    assert!(tail.body == photo[from..]);
    let beyond = server.get_with(&path, &sup.token, ("Range", &format!("bytes={size}-")));
    beyond.error(416, "invalid_request");

    // Another port's user learns nothing: answered as a hash no case references, which ports
    // hold it unsaid, and to them it is missing.
    let other_port = server.get(&path, Some(&bea.token));
    let said = other_port.error(404, "not_found");
    assert!(!said.contains("NLRTM"), "{said}");
    let unheld: PhotoMissing = server
        .post_json(
            "/v1/photos/missing",
            Some(&bea.token),
            &json!({ "sha256": [&hash] }),
        )
        .parse();
    assert_eq!(unheld.missing, vec![hash.clone()]);
    let held: PhotoMissing = server
        .post_json(
            "/v1/photos/missing",
            Some(&sup.token),
            &json!({ "sha256": [&hash] }),
        )
        .parse();
    assert!(held.missing.is_empty());
    let unknown = server.put(
        &format!("/v1/photos/{unattached}?offset=0"),
        &ann.token,
        b"x",
    );
    unknown.error(404, "not_found");
    let bad_hash = server.put("/v1/photos/..%2Fetc?offset=0", &ann.token, b"x");
    bad_hash.error(400, "invalid_request");
}

#[test]
fn a_hash_read_in_a_case_file_is_no_key_to_another_ports_photo() {
    let server = Server::start();
    server.add_user("ann", "inspector", "NLRTM");
    server.add_user("bea", "inspector", "BEANR");
    let mut ann = Device::enroll(&server, "ann", Role::Inspector);
    let mut bea = Device::enroll(&server, "bea", Role::Inspector);
    let photo = bytes(5_000, 7);
    let (hash, size) = (sha(&photo), photo.len() as u64);
    let case = ann.open_case("NLRTM");
    attach(&mut ann, case, &hash, size);
    assert_eq!(ann.push(&server, 0).accepted, 2);
    let done: UploadStatus = server
        .put(&format!("/v1/photos/{hash}?offset=0"), &ann.token, &photo)
        .parse();
    assert!(done.complete);

    // Bea read the hash in a printed case file and names it in a case of her own port.
    let theirs = bea.open_case("BEANR");
    attach(&mut bea, theirs, &hash, size);
    let pushed = bea.push(&server, 0);
    assert_eq!(pushed.accepted, 1);
    assert_eq!(pushed.quarantined.len(), 1, "{:?}", pushed.quarantined);
    let refusal = &pushed.quarantined[0];
    assert_eq!(refusal.code, RefusalCode::BlobOfAnotherPort);
    assert!(!refusal.reason.contains("NLRTM"), "{}", refusal.reason);
    assert_eq!(pushed.acked_seq, 2, "set aside in her chain, which goes on");
    let refused = server.get(&format!("/v1/photos/{hash}"), Some(&bea.token));
    assert!(!refused.error(404, "not_found").contains("NLRTM"));

    // Another case of Ann's port may name it, and is served it.
    let again = ann.open_case("NLRTM");
    attach(&mut ann, again, &hash, size);
    assert_eq!(ann.push(&server, 2).accepted, 2);
    assert!(
        server
            .get(&format!("/v1/photos/{hash}"), Some(&ann.token))
            .body
            == photo
    );
}

#[test]
fn another_device_naming_the_hash_uploads_on_its_own_and_cannot_spoil_one_in_progress() {
    let server = Server::start();
    server.add_user("ann", "inspector", "NLRTM");
    server.add_user("sup", "supervisor", "NLRTM");
    let mut ann = Device::enroll(&server, "ann", Role::Inspector);
    let sup = Device::enroll(&server, "sup", Role::Supervisor);
    let photo = bytes(5_000, 9);
    let (hash, size) = (sha(&photo), photo.len() as u64);
    let case = ann.open_case("NLRTM");
    attach(&mut ann, case, &hash, size);
    assert_eq!(ann.push(&server, 0).accepted, 2);
    let path = format!("/v1/photos/{hash}");
    let part: UploadStatus = server
        .put(&format!("{path}?offset=0"), &ann.token, &photo[..2_000])
        .parse();
    assert_eq!(part.received, 2_000);

    // Sup, of the same port, cannot add to Ann's upload: his own starts at 0.
    let mine = server
        .get(&format!("{path}/upload"), Some(&sup.token))
        .json();
    assert_eq!(mine["received"], 0);
    let onto = server.put(&format!("{path}?offset=2000"), &sup.token, &photo[2_000..]);
    assert!(onto.error(409, "offset_mismatch").contains("resume from 0"));
    // A whole wrong upload of his is discarded, and only his.
    let junk = vec![0u8; 5_000];
    server
        .put(&format!("{path}?offset=0"), &sup.token, &junk)
        .error(422, "hash_mismatch");
    let done: UploadStatus = server
        .put(&format!("{path}?offset=2000"), &ann.token, &photo[2_000..])
        .parse();
    assert!(done.complete);
    assert!(server.get(&path, Some(&sup.token)).body == photo);
}

#[test]
fn an_accounts_devices_share_one_quota_of_unfinished_uploads_and_a_finished_one_frees_it() {
    let server = Server::start_with(
        std::sync::Arc::new(tempfile::TempDir::new().unwrap()),
        &["--upload-quota-bytes", "6000"],
        &[],
    );
    server.add_user("ann", "inspector", "NLRTM");
    server.add_user("sup", "supervisor", "NLRTM");
    let mut laptop = Device::enroll(&server, "ann", Role::Inspector);
    let tablet = Device::enroll(&server, "ann", Role::Inspector);
    let sup = Device::enroll(&server, "sup", Role::Supervisor);
    let (first, second) = (bytes(5_000, 21), bytes(5_000, 22));
    let case = laptop.open_case("NLRTM");
    attach(&mut laptop, case, &sha(&first), 5_000);
    attach(&mut laptop, case, &sha(&second), 5_000);
    assert_eq!(laptop.push(&server, 0).accepted, 3);
    let put = |device: &Device, photo: &[u8], range: std::ops::Range<usize>| {
        server.put(
            &format!("/v1/photos/{}?offset={}", sha(photo), range.start),
            &device.token,
            &photo[range],
        )
    };
    put(&laptop, &first, 0..4_000).parse::<UploadStatus>();
    // Another device of the same account: the same room.
    let full = put(&tablet, &second, 0..4_000);
    let message = full.error(507, "too_large");
    assert!(
        message.contains("this account's devices hold 4000 bytes"),
        "{message}"
    );
    assert!(message.contains("at most 6000"), "{message}");
    // Another account has its own.
    put(&sup, &second, 0..4_000).parse::<UploadStatus>();
    // Finished, the first upload frees its room.
    let done: UploadStatus = put(&laptop, &first, 4_000..5_000).parse();
    assert!(done.complete);
    put(&tablet, &second, 0..4_000).parse::<UploadStatus>();
}

#[test]
fn a_chunk_over_the_limit_is_refused_as_too_large() {
    let server = Server::start();
    server.add_user("ann", "inspector", "NLRTM");
    let mut ann = Device::enroll(&server, "ann", Role::Inspector);
    let photo = bytes(3 * PHOTO_CHUNK_BYTES, 2);
    let hash = sha(&photo);
    let case = ann.open_case("NLRTM");
    attach(&mut ann, case, &hash, photo.len() as u64);
    ann.push(&server, 0);
    let big = server.put(
        &format!("/v1/photos/{hash}?offset=0"),
        &ann.token,
        &photo[..2 * PHOTO_CHUNK_BYTES],
    );
    assert!(big.error(413, "too_large").contains("smaller chunks"));
    let status: UploadStatus = server
        .get(&format!("/v1/photos/{hash}/upload"), Some(&ann.token))
        .parse();
    assert_eq!(status.received, 0);
}

#[test]
fn a_crash_after_upload_bytes_resumes_from_what_was_written() {
    let server = Server::start();
    server.add_user("ann", "inspector", "NLRTM");
    let mut ann = Device::enroll(&server, "ann", Role::Inspector);
    let photo = bytes(PHOTO_CHUNK_BYTES + 100, 3);
    let hash = sha(&photo);
    let case = ann.open_case("NLRTM");
    attach(&mut ann, case, &hash, photo.len() as u64);
    ann.push(&server, 0);
    let data = server.data.clone();
    drop(server);

    let fault = [("QUAYSIDE_SERVER_FAULT", "crash-after-upload-bytes=1000")];
    let crashing = Server::start_with(data.clone(), &[], &fault);
    let sent = agent()
        .put(format!("{}/v1/photos/{hash}?offset=0", crashing.url))
        .header("Authorization", format!("Bearer {}", ann.token))
        .send(&photo[..PHOTO_CHUNK_BYTES]);
    assert!(sent.is_err(), "the process aborts before answering");
    assert!(!crashing.wait_for_exit().success());

    let server = Server::start_with(data, &[], &[]);
    let path = format!("/v1/photos/{hash}");
    let status: UploadStatus = server
        .get(&format!("{path}/upload"), Some(&ann.token))
        .parse();
    assert_eq!(
        status.received, PHOTO_CHUNK_BYTES as u64,
        "the chunk was written durably"
    );
    let done: UploadStatus = server
        .put(
            &format!("{path}?offset={}", status.received),
            &ann.token,
            &photo[PHOTO_CHUNK_BYTES..],
        )
        .parse();
    assert!(done.complete);
    assert!(server.get(&path, Some(&ann.token)).body == photo);
}

#[test]
fn a_document_is_taken_and_served_like_a_photo_original_to_its_port_only() {
    let server = Server::start();
    server.add_user("ann", "inspector", "NLRTM");
    server.add_user("sup", "supervisor", "NLRTM");
    server.add_user("bea", "inspector", "BEANR");
    let mut ann = Device::enroll(&server, "ann", Role::Inspector);
    let sup = Device::enroll(&server, "sup", Role::Supervisor);
    let bea = Device::enroll(&server, "bea", Role::Inspector);
    let pdf = quayside_testkit::fixtures::small_pdf("Commercial invoice INV-2041");
    let hash = sha(&pdf);
    let path = format!("/v1/photos/{hash}");
    let case = ann.open_case("NLRTM");
    ann.append(
        case,
        Payload::DocumentAttached {
            sha256: hash.clone(),
            size: pdf.len() as u64,
            media_type: "application/pdf".into(),
            file_name: "invoice.pdf".into(),
            document_type: quayside_domain::document::DocumentType::CommercialInvoice,
            number: Some("INV-2041".into()),
        },
    );
    let early = server.put(&format!("{path}?offset=0"), &ann.token, &pdf);
    assert!(early
        .error(404, "not_found")
        .contains("push the event that attaches it first"));
    assert_eq!(ann.push(&server, 0).accepted, 2);
    let missing: PhotoMissing = server
        .post_json(
            "/v1/photos/missing",
            Some(&ann.token),
            &json!({ "sha256": [hash] }),
        )
        .parse();
    assert_eq!(missing.missing, std::slice::from_ref(&hash));
    let done: UploadStatus = server
        .put(&format!("{path}?offset=0"), &ann.token, &pdf)
        .parse();
    assert!(done.complete);
    let whole = server.get(&path, Some(&sup.token));
    assert_eq!(whole.status, 200);
    assert!(whole.body == pdf);
    let other_port = server.get(&path, Some(&bea.token));
    assert!(!other_port.error(404, "not_found").contains("NLRTM"));
}
