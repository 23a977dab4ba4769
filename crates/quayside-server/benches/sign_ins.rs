//! Sign-in flood benchmark (not a test): the release server's peak resident memory (VmHWM) while
//! 128 clients send sign-ins at once, each for another name no account has, against the same
//! server's peak after one real sign-in: the baseline is what checking a password costs at all,
//! on the same binary, data folder and machine, so the ratio is what the flood adds. Before password
//! checks had workers of their own, 128 such sign-ins took a server to 3.7 GiB.
//!
//! `cargo bench -p quayside-server --bench sign_ins` (Linux: reads /proc).

mod harness;

use std::time::Instant;

use base64::Engine;
use ed25519_dalek::Signer;
use harness::{admin, serve, PASSWORD};
use uuid::Uuid;

const CLIENTS: usize = 128;

fn peak_bytes(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    line.split_whitespace()
        .nth(1)
        .unwrap()
        .parse::<u64>()
        .unwrap()
        * 1024
}

fn sign_in(agent: &ureq::Agent, url: &str, n: usize, username: &str, password: &str) -> u16 {
    let key = ed25519_dalek::SigningKey::from_bytes(&[(n % 251) as u8 + 1; 32]);
    let device_id = Uuid::from_u128(n as u128 + 1);
    let proof = key.sign(&quayside_protocol::enrollment_message(username, device_id));
    let body = serde_json::json!({
        "username": username, "password": password, "device_id": device_id,
        "public_key": hex::encode(key.verifying_key().as_bytes()),
        "device_name": format!("flood {n}"),
        "proof": base64::engine::general_purpose::STANDARD.encode(proof.to_bytes()),
    });
    agent
        .post(format!("{url}/v1/devices"))
        .send_json(&body)
        .map(|r| r.status().as_u16())
        .unwrap_or(0)
}

fn main() {
    let data = tempfile::TempDir::new().unwrap();
    admin(
        data.path(),
        &[],
        &[
            "user",
            "add",
            "ines",
            "--role",
            "inspector",
            "--ports",
            "NLRTM",
        ],
    );
    // All 128 come from one address, which the per-address limit would turn away after 60: what is
    // measured here is what the password checks cost, so the limit is lifted.
    let (mut server, url) = serve(
        data.path(),
        &[],
        &["--unauthenticated-per-minute", "1000000"],
    );
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let started_peak = peak_bytes(server.id());
    // The baseline: Ines signs in, once.
    assert_eq!(sign_in(&agent, &url, 0, "ines", PASSWORD), 200);
    let one = peak_bytes(server.id());

    let started = Instant::now();
    let statuses: Vec<u16> = std::thread::scope(|scope| {
        let running: Vec<_> = (1..=CLIENTS)
            .map(|n| {
                let (agent, url) = (&agent, &url);
                scope.spawn(move || {
                    sign_in(agent, url, n, &format!("nobody{n}"), "not the password")
                })
            })
            .collect();
        running.into_iter().map(|t| t.join().unwrap()).collect()
    });
    let took = started.elapsed();
    let flood = peak_bytes(server.id());
    let count = |code: u16| statuses.iter().filter(|s| **s == code).count();
    let mib = |bytes: u64| bytes as f64 / (1024.0 * 1024.0);
    println!(
        "{CLIENTS} sign-ins at once: {} checked (401), {} told to wait (503), {} other, in {:.2} s",
        count(401),
        count(503),
        CLIENTS - count(401) - count(503),
        took.as_secs_f64()
    );
    println!(
        "server peak memory: {:.0} MiB at start, {:.0} MiB after one sign-in, {:.0} MiB under the \
         flood: {:.2}x the one-sign-in baseline (aim: under 150 MB, against 3.7 GiB before)",
        mib(started_peak),
        mib(one),
        mib(flood),
        flood as f64 / one as f64
    );
    for (name, value, unit) in [
        ("peak memory after one sign-in", one as f64, "B"),
        (
            "peak memory under 128 concurrent sign-ins",
            flood as f64,
            "B",
        ),
        ("flood against one sign-in", flood as f64 / one as f64, "x"),
    ] {
        println!(
            "BENCH {}",
            serde_json::json!({ "group": "sign-ins", "name": name, "value": value, "unit": unit })
        );
    }
    let _ = server.kill();
    let _ = server.wait();
}
