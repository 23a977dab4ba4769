//! What the server signs with its own key: receipts for pushes, checkpoints of the log with their
//! proofs, revocations; and the key itself (private, kept across restarts).

use std::os::unix::fs::PermissionsExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use ed25519_dalek::VerifyingKey;
use quayside_domain::event::Role;
use quayside_protocol::merkle::{
    unhex32, verify_batch_inclusion, verify_consistency, verify_inclusion,
};
use quayside_protocol::statement::server_key;
use quayside_protocol::{
    Checkpoint, CheckpointRequest, CheckpointResponse, Enrollment, EnrollmentsRequest,
    EnrollmentsResponse, PullResponse, Receipt, Revocation, SignedStatement, Statement, SyncState,
    MAX_BATCH_EVENTS,
};
use serde_json::json;
use uuid::Uuid;

use crate::common::*;

fn key_of(device: &Device) -> VerifyingKey {
    server_key(&device.server_key).expect("the enrollment names the server's key")
}

fn receipt(statement: &SignedStatement, key: &VerifyingKey) -> Receipt {
    match statement.verify(key).unwrap() {
        Statement::Receipt(receipt) => receipt,
        other => panic!("not a receipt: {other:?}"),
    }
}

fn checkpoint_of(statement: &SignedStatement, key: &VerifyingKey) -> Checkpoint {
    match statement.verify(key).unwrap() {
        Statement::Checkpoint(checkpoint) => checkpoint,
        other => panic!("not a checkpoint: {other:?}"),
    }
}

/// Body hashes (hex) of this device's events, in its own order.
fn own_hashes(device: &Device) -> Vec<String> {
    device
        .store
        .outgoing(0, 10_000)
        .unwrap()
        .iter()
        .map(|e| e.hash())
        .collect()
}

fn ask(server: &Server, device: &Device, from_size: u64, hashes: &[String]) -> CheckpointResponse {
    server
        .post_json(
            "/v1/checkpoint",
            Some(&device.token),
            &CheckpointRequest {
                from_size,
                hashes: hashes.to_vec(),
                batch: false,
            },
        )
        .parse()
}

#[test]
fn a_push_answers_a_signed_receipt_naming_the_acked_seq_and_head_hash_even_when_retried() {
    let server = Server::start();
    let (mut ann, sup) = inspector_and_supervisor(&server);
    let key = key_of(&ann);
    assert_eq!(ann.server_key, sup.server_key, "one key for every device");
    let case = ann.open_case("NLRTM");
    ann.edit(case, "EVER GIVEN");
    ann.edit(case, "EVER GREEN");
    let state: SyncState = server.get("/v1/sync", Some(&ann.token)).parse();
    assert_eq!(state.server_key, ann.server_key);

    let pushed = ann.push(&server, 0);
    assert_eq!((pushed.accepted, pushed.acked_seq), (3, 3));
    let first = receipt(pushed.receipt.as_ref().expect("a receipt"), &key);
    assert_eq!(first.epoch, state.epoch);
    assert_eq!(first.device_id, ann.id());
    assert_eq!((first.acked_seq, first.accepted), (3, 3));
    assert_eq!(first.head_hash, own_hashes(&ann)[2], "the hash of event 3");
    assert!(first.received_at.starts_with("20"), "{}", first.received_at);
    // Signed by the server's key only: another key does not verify it.
    let stranger = ed25519_dalek::SigningKey::from_bytes(&[7; 32]).verifying_key();
    assert!(pushed.receipt.as_ref().unwrap().verify(&stranger).is_err());

    // A retried batch (its answer was lost) is answered with a receipt for the same head.
    let retried = ann.push(&server, 0);
    assert_eq!((retried.duplicates, retried.acked_seq), (3, 3));
    let again = receipt(retried.receipt.as_ref().expect("a receipt"), &key);
    assert_eq!((again.acked_seq, again.accepted), (3, 0));
    assert_eq!(again.head_hash, first.head_hash);

    // A device the server holds nothing of gets no receipt.
    let nothing = sup.push_events(&server, vec![]);
    assert_eq!(nothing.acked_seq, 0);
    assert!(nothing.receipt.is_none());
}

#[test]
fn checkpoints_prove_inclusion_and_consistency_and_bad_requests_are_named() {
    let server = Server::start();
    let (mut ann, mut sup) = inspector_and_supervisor(&server);
    let key = key_of(&ann);
    let case = ann.open_case("NLRTM");
    ann.edit(case, "EVER GIVEN");
    ann.edit(case, "EVER GREEN");
    ann.push(&server, 0);
    let hashes = own_hashes(&ann);
    let unknown = "ab".repeat(32);
    let mut asked = hashes.clone();
    asked.push(unknown.clone());

    let first = ask(&server, &ann, 0, &asked);
    let old = checkpoint_of(&first.checkpoint, &key);
    assert_eq!(old.size, 3);
    assert!(first.consistency.is_empty(), "nothing to prove from 0");
    assert_eq!(first.proofs.len(), 3, "the unknown hash is left out");
    for (i, proof) in first.proofs.iter().enumerate() {
        assert_eq!(proof.hash, hashes[i]);
        let leaf = unhex32(&proof.hash).unwrap();
        verify_inclusion(&old.root, old.size, &leaf, proof.index, &proof.path)
            .unwrap_or_else(|e| panic!("event {i}: {e}"));
    }

    // More events, from two devices; the new checkpoint extends the old one.
    for n in 0..4 {
        ann.edit(case, &format!("VESSEL {n}"));
    }
    ann.push(&server, 3);
    let sup_case = sup.open_case("NLRTM");
    sup.edit(sup_case, "MAERSK");
    sup.push(&server, 0);
    let later = ask(&server, &ann, old.size, &own_hashes(&sup));
    let new = checkpoint_of(&later.checkpoint, &key);
    assert_eq!(new.size, 9);
    assert_eq!(new.epoch, old.epoch);
    verify_consistency(&old.root, old.size, &new.root, new.size, &later.consistency).unwrap();
    assert_eq!(later.proofs.len(), 2);
    for proof in &later.proofs {
        let leaf = unhex32(&proof.hash).unwrap();
        verify_inclusion(&new.root, new.size, &leaf, proof.index, &proof.path).unwrap();
    }
    // The old root is no proof of the new tree.
    assert!(
        verify_consistency(&new.root, old.size, &new.root, new.size, &later.consistency).is_err()
    );
    // A user of another port gets no proof of these events: answered as for hashes not in the
    // log, so a hash read in a bundle does not tell that the event is held.
    server.add_user("bea", "inspector", "BEANR");
    let bea = Device::enroll(&server, "bea", Role::Inspector);
    let theirs = ask(&server, &bea, 0, &own_hashes(&ann));
    assert!(theirs.proofs.is_empty(), "{:?}", theirs.proofs);
    assert_eq!(checkpoint_of(&theirs.checkpoint, &key).size, new.size);
    // A client that saw more than the log holds gets the checkpoint and no proof: it names the
    // shrink itself.
    let beyond = ask(&server, &ann, new.size + 5, &[]);
    assert!(beyond.consistency.is_empty());
    assert_eq!(checkpoint_of(&beyond.checkpoint, &key).size, new.size);

    // Anyone (an auditor, a monitor) reads the current checkpoint without a token.
    let public: SignedStatement = server.get("/v1/checkpoint", None).parse();
    let public = checkpoint_of(&public, &key);
    assert_eq!((public.size, public.root), (new.size, new.root));
    // Proofs are for enrolled devices only.
    let body = json!({ "from_size": 0, "hashes": [] });
    server
        .post_json("/v1/checkpoint", None, &body)
        .error(401, "unauthorized");

    let bad = |hashes: Vec<String>| {
        server
            .post_json(
                "/v1/checkpoint",
                Some(&ann.token),
                &json!({ "from_size": 0, "hashes": hashes }),
            )
            .error(400, "invalid_request")
    };
    let short = bad(vec![hashes[0].clone(), "abc".into()]);
    assert!(short.contains("hashes[1]"), "{short}");
    assert!(short.contains("64 lower-case hex digits"), "{short}");
    let upper = bad(vec![hashes[0].to_uppercase()]);
    assert!(upper.contains("64 lower-case hex digits"), "{upper}");
    let many = bad(vec![unknown; MAX_BATCH_EVENTS + 1]);
    assert!(
        many.contains(&format!("at most {MAX_BATCH_EVENTS}")),
        "{many}"
    );

    let document = server.get("/v1/openapi.json", None).json();
    let route = &document["paths"]["/v1/checkpoint"];
    assert!(
        route["get"].is_object() && route["post"].is_object(),
        "{route}"
    );
}

#[test]
fn a_batch_proof_of_500_events_is_a_fraction_of_their_paths_and_gives_them_back() {
    let server = Server::start();
    let (mut ann, _sup) = inspector_and_supervisor(&server);
    let key = key_of(&ann);
    let case = ann.open_case("NLRTM");
    for n in 0..699 {
        ann.edit(case, &format!("VESSEL {n}"));
    }
    assert_eq!(ann.push(&server, 0).acked_seq, 700);
    // 500 events in the middle of the log, asked in no particular order.
    let mut asked = own_hashes(&ann)[100..600].to_vec();
    asked.reverse();
    let ask_with = |batch: bool| {
        server.post_json(
            "/v1/checkpoint",
            Some(&ann.token),
            &CheckpointRequest {
                from_size: 0,
                hashes: asked.clone(),
                batch,
            },
        )
    };
    let (paths, batch) = (ask_with(false), ask_with(true));
    let (paths_bytes, batch_bytes) = (paths.body.len(), batch.body.len());
    let (paths, batch): (CheckpointResponse, CheckpointResponse) = (paths.parse(), batch.parse());
    let checkpoint = checkpoint_of(&batch.checkpoint, &key);
    assert_eq!(checkpoint.size, 700);
    assert!(paths.batch_proof.is_empty(), "no batch unless asked");
    assert!(
        batch_bytes * 20 < paths_bytes,
        "batch {batch_bytes} bytes, paths {paths_bytes} bytes"
    );
    assert!(batch.batch_proof.len() <= 20, "{}", batch.batch_proof.len());
    // Where each asked hash is, in the request's order; no hash sent back, no path.
    assert!(batch.proofs.is_empty() && paths.indices.is_empty());
    assert_eq!(batch.indices.len(), asked.len());
    let leaves: Vec<(u64, [u8; 32])> = batch
        .indices
        .iter()
        .zip(&asked)
        .map(|(index, hash)| {
            (
                index.expect("every asked event is held"),
                unhex32(hash).unwrap(),
            )
        })
        .collect();
    let derived = verify_batch_inclusion(
        &checkpoint.root,
        checkpoint.size,
        &leaves,
        &batch.batch_proof,
    )
    .unwrap();
    for (((index, _), path), single) in leaves.iter().zip(&derived).zip(&paths.proofs) {
        assert_eq!((*index, path), (single.index, &single.path));
    }
    // A hash asked twice is placed twice, one the log lacks is null; the batch proof counts
    // the leaf once.
    let twice = ask(&server, &ann, 0, &[]);
    assert!(twice.batch_proof.is_empty() && twice.proofs.is_empty());
    let unknown = "ab".repeat(32);
    let twice: CheckpointResponse = server
        .post_json(
            "/v1/checkpoint",
            Some(&ann.token),
            &json!({ "from_size": 0, "hashes": [asked[0], unknown, asked[0]], "batch": true }),
        )
        .parse();
    assert_eq!(
        twice.indices,
        vec![Some(leaves[0].0), None, Some(leaves[0].0)]
    );
    verify_batch_inclusion(
        &checkpoint.root,
        checkpoint.size,
        &leaves[..1],
        &twice.batch_proof,
    )
    .unwrap();
    println!("500 proofs: {paths_bytes} bytes as paths, {batch_bytes} bytes as one batch proof");

    // The request may come gzipped, like a push: the same answer.
    let body = serde_json::to_vec(&CheckpointRequest {
        from_size: 0,
        hashes: asked.clone(),
        batch: true,
    })
    .unwrap();
    let gzipped: CheckpointResponse = Reply::from(
        agent()
            .post(format!("{}/v1/checkpoint", server.url))
            .header("Authorization", format!("Bearer {}", ann.token))
            .header("Content-Type", "application/json")
            .header("Content-Encoding", "gzip")
            .send(gzip(&body))
            .expect("the server answers"),
    )
    .parse();
    assert_eq!(
        (gzipped.indices, gzipped.batch_proof),
        (batch.indices, batch.batch_proof)
    );
    // A bomb stops at the body limit, counted inflated.
    let mut padded = body;
    padded.resize(256 << 20, b' ');
    let bomb = gzip(&padded);
    drop(padded);
    assert!(bomb.len() < 1024 * 1024, "{} bytes", bomb.len());
    Reply::from(
        agent()
            .post(format!("{}/v1/checkpoint", server.url))
            .header("Authorization", format!("Bearer {}", ann.token))
            .header("Content-Type", "application/json")
            .header("Content-Encoding", "gzip")
            .send(bomb)
            .expect("the server answers"),
    )
    .error(413, "too_large");
}

#[test]
fn revoked_devices_are_in_sync_state_signed_and_their_earlier_events_still_pulled() {
    let server = Server::start();
    let (mut ann, sup) = inspector_and_supervisor(&server);
    server.add_user("bob", "inspector", "NLRTM");
    let mut bob = Device::enroll(&server, "bob", Role::Inspector);
    let key = key_of(&sup);
    let case = ann.open_case("NLRTM");
    ann.edit(case, "EVER GIVEN");
    ann.edit(case, "EVER GREEN");
    assert_eq!(ann.push(&server, 0).acked_seq, 3);
    let bobs = bob.open_case("NLRTM");
    bob.edit(bobs, "MAERSK");
    assert_eq!(bob.push(&server, 0).acked_seq, 2);
    let state: SyncState = server.get("/v1/sync", Some(&sup.token)).parse();
    assert!(state.revocations.is_empty());

    let revoked = server.cli(&["device", "revoke", &ann.id().to_string()], "");
    assert!(revoked.status.success(), "{}", text(&revoked.stderr));
    let revoked = server.cli(&["user", "revoke", "bob"], "");
    assert!(revoked.status.success(), "{}", text(&revoked.stderr));
    let users = text(&server.cli(&["user", "list"], "").stdout);
    let bob_revoked_at = users
        .lines()
        .find(|l| l.starts_with("bob\t"))
        .and_then(|l| l.split("\trevoked ").nth(1))
        .expect("bob is listed as revoked")
        .to_string();

    let state: SyncState = server.get("/v1/sync", Some(&sup.token)).parse();
    let mut revocations: Vec<Revocation> = state
        .revocations
        .iter()
        .map(|s| match s.verify(&key).unwrap() {
            Statement::Revocation(r) => r,
            other => panic!("not a revocation: {other:?}"),
        })
        .collect();
    revocations.sort_by_key(|r| r.last_valid_seq);
    assert_eq!(revocations.len(), 2, "{revocations:?}");
    assert_eq!(
        (revocations[0].device_id, revocations[0].last_valid_seq),
        (bob.id(), 2)
    );
    assert_eq!(revocations[0].revoked_at, bob_revoked_at, "the user's time");
    assert_eq!(
        (revocations[1].device_id, revocations[1].last_valid_seq),
        (ann.id(), 3)
    );

    // Neither can push any more, and their heads stay where the revocations say.
    ann.edit(case, "AFTER REVOCATION");
    let refused = server.post_json(
        "/v1/events",
        Some(&ann.token),
        &quayside_protocol::PushRequest {
            events: ann.wire(3),
        },
    );
    assert!(refused.error(401, "device_revoked").contains("revoked"));
    let refused = server.post_json(
        "/v1/events",
        Some(&bob.token),
        &quayside_protocol::PushRequest {
            events: bob.wire(0),
        },
    );
    assert!(refused.error(401, "unauthorized").contains("revoked"));

    // What they pushed before stays in the log and is served.
    let (pulled, _) = sup.pull_all(&server, 2);
    let mut expected = own_ids(&ann)[..3].to_vec();
    expected.extend(own_ids(&bob));
    assert_eq!(pulled, expected);
    let page: PullResponse = sup.pull(&server, "", 100).parse();
    let signers: Vec<Uuid> = page.devices.iter().map(|d| d.device_id).collect();
    assert!(signers.contains(&ann.id()) && signers.contains(&bob.id()));
}

/// Run `serve` expecting it to stop at once; its standard error.
fn enrollments_of(server: &Server, device: &Device, ids: Vec<Uuid>) -> Vec<Enrollment> {
    let key = key_of(device);
    let answer: EnrollmentsResponse = server
        .post_json(
            "/v1/enrollments",
            Some(&device.token),
            &EnrollmentsRequest { device_ids: ids },
        )
        .parse();
    let mut enrollments: Vec<Enrollment> = answer
        .enrollments
        .iter()
        .map(|s| match s.verify(&key).unwrap() {
            Statement::Enrollment(e) => e,
            other => panic!("not an enrollment: {other:?}"),
        })
        .collect();
    enrollments.sort_by_key(|e| e.username.clone());
    enrollments
}

#[test]
fn enrollments_vouch_for_each_known_devices_key_revoked_ones_too_and_leave_unknown_ids_out() {
    let server = Server::start();
    let (ann, sup) = inspector_and_supervisor(&server);
    let revoked = server.cli(&["device", "revoke", &ann.id().to_string()], "");
    assert!(revoked.status.success(), "{}", text(&revoked.stderr));

    let unknown = Uuid::new_v4();
    let enrollments = enrollments_of(&server, &sup, vec![ann.id(), unknown, sup.id()]);
    assert_eq!(enrollments.len(), 2, "{enrollments:?}");
    for (enrollment, device) in enrollments.iter().zip([&ann, &sup]) {
        assert_eq!(enrollment.device_id, device.id());
        assert_eq!(
            enrollment.public_key,
            hex::encode(device.store.device().key.verifying_key().as_bytes())
        );
        assert_eq!(enrollment.username, device.author.name);
        assert!(!enrollment.enrolled_at.is_empty());
    }
    assert!(enrollments_of(&server, &sup, vec![unknown]).is_empty());

    // A user of another port learns nothing of these devices: they are left out as unknown ids
    // are; an admin (every port) is told of all.
    server.add_user("bea", "inspector", "BEANR");
    let bea = Device::enroll(&server, "bea", Role::Inspector);
    let seen = enrollments_of(&server, &bea, vec![ann.id(), sup.id(), bea.id()]);
    assert_eq!(
        seen.iter().map(|e| e.device_id).collect::<Vec<_>>(),
        vec![bea.id()]
    );
    server.add_user("ada", "admin", "NLRTM");
    let ada = Device::enroll(&server, "ada", Role::Admin);
    assert_eq!(
        enrollments_of(&server, &ada, vec![ann.id(), sup.id(), bea.id()]).len(),
        3
    );

    // Too many ids at once, and no token.
    let too_many = server.post_json(
        "/v1/enrollments",
        Some(&sup.token),
        &EnrollmentsRequest {
            device_ids: vec![unknown; MAX_BATCH_EVENTS + 1],
        },
    );
    assert!(too_many
        .error(400, "invalid_request")
        .contains("at most 1000 go in one request"));
    let anonymous = server.post_json(
        "/v1/enrollments",
        None,
        &EnrollmentsRequest {
            device_ids: vec![sup.id()],
        },
    );
    anonymous.error(401, "unauthorized");
}

fn serve_refused(server_dir: &std::path::Path) -> String {
    let mut child = Command::new(BIN)
        .arg("--data-dir")
        .arg(server_dir)
        .args(backend_args(server_dir))
        .args(["serve", "--listen", "127.0.0.1:0"])
        .env_remove("QUAYSIDE_SERVER_FAULT")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("the server started with a key others may read");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let output = child.wait_with_output().unwrap();
    assert!(!output.status.success());
    text(&output.stderr)
}

#[test]
fn the_server_key_is_private_kept_across_restarts_and_a_readable_one_is_refused() {
    let server = Server::start();
    server.add_user("ann", "inspector", "NLRTM");
    let ann = Device::enroll(&server, "ann", Role::Inspector);
    let file = server.dir().join("server.key");
    let meta = std::fs::metadata(&file).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    assert_eq!(meta.len(), 32);
    let printed = server.cli(&["key"], "");
    assert!(printed.status.success(), "{}", text(&printed.stderr));
    assert_eq!(text(&printed.stdout).trim(), ann.server_key);
    assert_eq!(ann.server_key.len(), 64);

    let data = server.data.clone();
    drop(server);
    let server = Server::start_with(data.clone(), &[], &[]);
    let state: SyncState = server.get("/v1/sync", Some(&ann.token)).parse();
    assert_eq!(
        state.server_key, ann.server_key,
        "the same key after a restart"
    );
    drop(server);

    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let refused = serve_refused(data.path());
    assert!(refused.contains("chmod 600"), "{refused}");
    assert!(refused.contains(&file.display().to_string()), "{refused}");
    assert!(
        !refused.contains(&hex::encode(std::fs::read(&file).unwrap())),
        "the secret is never printed"
    );
    let key = cli(data.path(), &["key"], "");
    assert!(!key.status.success());
    assert!(text(&key.stderr).contains("chmod 600"));

    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    let server = Server::start_with(data, &[], &[]);
    let state: SyncState = server.get("/v1/sync", Some(&ann.token)).parse();
    assert_eq!(state.server_key, ann.server_key);
}

#[test]
fn after_a_new_epoch_checkpoints_name_it_and_the_tree_is_rebuilt_from_the_log() {
    let server = Server::start();
    server.add_user("ann", "inspector", "NLRTM");
    let mut ann = Device::enroll(&server, "ann", Role::Inspector);
    let key = key_of(&ann);
    let case = ann.open_case("NLRTM");
    ann.edit(case, "EVER GIVEN");
    ann.push(&server, 0);
    let before: SignedStatement = server.get("/v1/checkpoint", None).parse();
    let before = checkpoint_of(&before, &key);
    assert_eq!(before.size, 2);

    let renewed = server.cli(&["new-epoch"], "");
    assert!(renewed.status.success(), "{}", text(&renewed.stderr));
    let state: SyncState = server.get("/v1/sync", Some(&ann.token)).parse();
    assert_ne!(state.epoch, before.epoch);
    let after = ask(&server, &ann, 0, &own_hashes(&ann));
    let checkpoint = checkpoint_of(&after.checkpoint, &key);
    assert_eq!(checkpoint.epoch, state.epoch);
    assert_eq!(
        (checkpoint.size, checkpoint.root),
        (before.size, before.root),
        "the same log gives the same tree"
    );
    assert_eq!(after.proofs.len(), 2);
}

#[test]
fn two_server_processes_on_one_data_folder_sign_with_one_key_and_build_one_tree() {
    let first = Server::start();
    let second = Server::start_with(first.data.clone(), &[], &[]);
    let (mut ann, sup) = inspector_and_supervisor(&first);
    let key = key_of(&ann);
    let via_second: SyncState = second.get("/v1/sync", Some(&sup.token)).parse();
    assert_eq!(via_second.server_key, ann.server_key);

    let case = ann.open_case("NLRTM");
    ann.edit(case, "EVER GIVEN");
    ann.push(&first, 0);
    let old = checkpoint_of(&ask(&first, &ann, 0, &[]).checkpoint, &key);
    for n in 0..3 {
        ann.edit(case, &format!("VESSEL {n}"));
    }
    ann.push(&second, 2);
    let hashes = own_hashes(&ann);
    let from_second = ask(&second, &sup, old.size, &hashes);
    let new = checkpoint_of(&from_second.checkpoint, &key);
    assert_eq!(new.size, 5);
    verify_consistency(
        &old.root,
        old.size,
        &new.root,
        new.size,
        &from_second.consistency,
    )
    .unwrap();
    let from_first = ask(&first, &ann, old.size, &hashes);
    let same = checkpoint_of(&from_first.checkpoint, &key);
    assert_eq!((same.size, &same.root), (new.size, &new.root));
    assert_eq!(from_first.proofs, from_second.proofs);
}

#[test]
fn checkpoints_are_published_at_intervals_each_signed_and_each_extended_by_the_next() {
    let server = Server::start_with(
        std::sync::Arc::new(tempfile::TempDir::new().unwrap()),
        &["--checkpoint-every", "1"],
        &[],
    );
    let (mut ann, _sup) = inspector_and_supervisor(&server);
    let key = key_of(&ann);
    let published = server.dir().join("checkpoints.jsonl");
    let lines = |at_least: u64| -> Vec<Checkpoint> {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let text = std::fs::read_to_string(&published).unwrap_or_default();
            let checkpoints: Vec<Checkpoint> = text
                .lines()
                .map(|l| checkpoint_of(&serde_json::from_str(l).unwrap(), &key))
                .collect();
            if checkpoints.last().is_some_and(|c| c.size >= at_least) {
                return checkpoints;
            }
            assert!(
                Instant::now() < deadline,
                "no checkpoint of {at_least} events in {text}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    };
    let case = ann.open_case("NLRTM");
    ann.edit(case, "EVER GIVEN");
    ann.push(&server, 0);
    let first = lines(2);
    ann.edit(case, "EVER GREEN");
    ann.push(&server, 2);
    let all = lines(3);
    assert!(all.len() > first.len());
    // One line per size: nothing is published while the log stands still.
    let sizes: Vec<u64> = all.iter().map(|c| c.size).collect();
    assert!(sizes.windows(2).all(|w| w[0] < w[1]), "{sizes:?}");
    // Each earlier checkpoint is a prefix of the log as it is now.
    let now = ask(&server, &ann, 0, &[]);
    let current = checkpoint_of(&now.checkpoint, &key);
    for c in &all {
        let proof = ask(&server, &ann, c.size, &[]);
        verify_consistency(
            &c.root,
            c.size,
            &current.root,
            current.size,
            &proof.consistency,
        )
        .unwrap_or_else(|e| panic!("{} -> {}: {e}", c.size, current.size));
    }
}
