//! `cargo bench -p quayside-evidence`: what evidence checks cost, each beside a baseline run in the
//! same process on the same data.
//! - `check_log` over N signed events (`QUAYSIDE_BENCH_EVENTS`, default 100,000) against bare
//!   ed25519 verification of the same events: the ratio is what chains, replays and approvals add.
//! - The server's Merkle tree over the same number of leaves (×10) against hashing the leaves alone,
//!   its memory, and inclusion and consistency proofs made and checked (median, p99).
//! - A case bundle (50 events, 5 photos of 2 MB) written and verified, against hashing its bytes.

use std::io::Cursor;
use std::time::{Duration, Instant};

use ed25519_dalek::{Signature, SigningKey, Verifier};
use quayside_domain::event::{Role, SignedEvent};
use quayside_domain::hlc::Hlc;
use quayside_domain::integrity::{check_log, Chains, Record};
use quayside_evidence::{verify_bundle, write_bundle, BundleInput, BundlePhoto};
use quayside_protocol::merkle::{verify_consistency, verify_inclusion, LogTree};
use quayside_testkit::events::{submitted, ChainDevice};
use sha2::{Digest, Sha256};
use uuid::Uuid;

const DEVICES: u64 = 12;

/// `n` events written in turn by `DEVICES` devices (numbered from 1), each a chain of its own; the
/// clock reads the event's place in the whole, so the devices interleave.
fn events(n: u64, case: impl Fn(u64) -> Uuid) -> (Vec<SignedEvent>, Vec<SigningKey>) {
    let mut devices: Vec<ChainDevice> = (0..DEVICES)
        .map(|d| {
            ChainDevice::new(d as u8 + 1).with_author(&format!("Inspector {d}"), Role::Inspector)
        })
        .collect();
    let out = (0..n)
        .map(|i| {
            let device = &mut devices[(i % DEVICES) as usize];
            device.write_at(case(i), Hlc(i + 1), submitted(&format!("note {i}")), vec![])
        })
        .collect();
    (out, devices.into_iter().map(|d| d.key).collect())
}

fn rss_mb() -> f64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: f64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0.0);
    pages * 4096.0 / 1e6
}

fn percentiles(mut times: Vec<Duration>) -> (Duration, Duration) {
    times.sort();
    (times[times.len() / 2], times[times.len() * 99 / 100])
}

fn main() {
    let n: u64 = std::env::var("QUAYSIDE_BENCH_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    println!("evidence benchmarks, {n} events from {DEVICES} devices");

    // check_log against bare signature checks.
    let (signed, keys) = events(n, |i| Uuid::from_u128(i as u128 / 15 + 1));
    let records: Vec<Record> = signed
        .iter()
        .map(|e| Record {
            bytes: e.bytes.clone(),
            signature: e.signature.to_vec(),
        })
        .collect();
    let verifying: Vec<_> = keys.iter().map(|k| k.verifying_key()).collect();
    let start = Instant::now();
    for e in &signed {
        let d = (e.body.device_id.as_u128() - 1) as usize;
        verifying[d]
            .verify(&e.bytes, &Signature::from_bytes(&e.signature))
            .unwrap();
    }
    let raw = start.elapsed();
    let start = Instant::now();
    let checked = check_log(
        records,
        &|id| {
            verifying
                .get((id.as_u128() as usize).wrapping_sub(1))
                .copied()
        },
        &[],
        Chains::Complete,
    );
    let full = start.elapsed();
    assert!(checked.findings.is_empty());
    println!(
        "check_log: {:.0} events/s ({:.2} s); bare ed25519 verify: {:.0} events/s; ratio {:.2}",
        n as f64 / full.as_secs_f64(),
        full.as_secs_f64(),
        n as f64 / raw.as_secs_f64(),
        full.as_secs_f64() / raw.as_secs_f64()
    );

    // The Merkle tree against hashing alone.
    let leaves_n = n * 10;
    let leaves: Vec<[u8; 32]> = (0..leaves_n)
        .map(|i| Sha256::digest(i.to_le_bytes()).into())
        .collect();
    let start = Instant::now();
    let mut sink = 0u8;
    for leaf in &leaves {
        sink ^= Sha256::digest([&[0u8][..], leaf].concat())[0];
    }
    let hashing = start.elapsed();
    let before = rss_mb();
    let start = Instant::now();
    let mut tree = LogTree::new();
    for leaf in &leaves {
        tree.push(*leaf);
    }
    let build = start.elapsed();
    let memory = rss_mb() - before;
    println!(
        "Merkle tree of {leaves_n} leaves: built in {:.2} s ({:.0} leaves/s), {:.0} MB ({:.0} bytes a leaf); \
         hashing the leaves alone {:.2} s; ratio {:.2} (sink {sink})",
        build.as_secs_f64(),
        leaves_n as f64 / build.as_secs_f64(),
        memory,
        memory * 1e6 / leaves_n as f64,
        hashing.as_secs_f64(),
        build.as_secs_f64() / hashing.as_secs_f64()
    );
    let root = tree.root();
    let (mut make, mut check) = (Vec::new(), Vec::new());
    for i in 0..1000u64 {
        let index = (i * 7919) % leaves_n;
        let start = Instant::now();
        let path = tree.inclusion(index);
        make.push(start.elapsed());
        let start = Instant::now();
        verify_inclusion(&root, leaves_n, &leaves[index as usize], index, &path).unwrap();
        check.push(start.elapsed());
    }
    let (m50, m99) = percentiles(make);
    let (c50, c99) = percentiles(check);
    println!("inclusion proof: made in {m50:?} median, {m99:?} p99; checked in {c50:?} median, {c99:?} p99");
    let old_size = leaves_n / 3;
    let mut old = LogTree::new();
    for leaf in &leaves[..old_size as usize] {
        old.push(*leaf);
    }
    let start = Instant::now();
    let path = tree.consistency(old_size);
    let made = start.elapsed();
    let start = Instant::now();
    verify_consistency(&old.root(), old_size, &root, leaves_n, &path).unwrap();
    println!(
        "consistency proof {old_size} -> {leaves_n}: {} hashes, made in {made:?}, checked in {:?}",
        path.len(),
        start.elapsed()
    );

    // A case bundle.
    let case = Uuid::from_u128(7);
    let (case_events, keys) = events(50, |_| case);
    let photos: Vec<BundlePhoto> = (0..5u8)
        .map(|p| {
            let bytes: Vec<u8> = (0..2_000_000u32).map(|i| (i as u8) ^ p).collect();
            BundlePhoto {
                sha256: hex::encode(Sha256::digest(&bytes)),
                bytes,
            }
        })
        .collect();
    let total: usize = photos.iter().map(|p| p.bytes.len()).sum();
    let start = Instant::now();
    let mut out = Cursor::new(Vec::new());
    write_bundle(
        BundleInput {
            case_id: case,
            case_number: "NLRTM-BENCH-0001".into(),
            exported_at: "2026-12-01T12:00:00Z".into(),
            exported_by: Uuid::from_u128(1),
            key: &keys[0],
            events: case_events
                .iter()
                .map(|e| (e.bytes.clone(), e.signature.to_vec()))
                .collect(),
            device_keys: keys
                .iter()
                .enumerate()
                .map(|(d, k)| (Uuid::from_u128(d as u128 + 1), k.verifying_key().to_bytes()))
                .collect(),
            photos,
            documents: vec![],
            renderings: vec![],
            statements: vec![],
            proofs: vec![],
            server_key: None,
        },
        &mut out,
    )
    .unwrap();
    let written = start.elapsed();
    let bytes = out.into_inner();
    let start = Instant::now();
    let report = verify_bundle(Cursor::new(&bytes), None).unwrap();
    let verified = start.elapsed();
    assert!(report.verified(), "{report}");
    let start = Instant::now();
    let baseline = Sha256::digest(&bytes);
    let hashed = start.elapsed();
    println!(
        "bundle of 50 events and 5 photos ({:.1} MB of photos, {:.1} MB in all): written in {written:?}, \
         verified in {verified:?}; SHA-256 of the file alone {hashed:?}; ratio {:.2} ({:x})",
        total as f64 / 1e6,
        bytes.len() as f64 / 1e6,
        verified.as_secs_f64() / hashed.as_secs_f64(),
        baseline[0]
    );
}
