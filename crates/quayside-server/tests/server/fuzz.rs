//! The OpenAPI document is the contract: a schema-driven fuzzer (schemathesis) sends what the
//! document allows and what it does not to the real server binary, with a valid token, and every
//! answer must be one the document lists, in the shape it gives, and never a 5xx. Ignored by a
//! plain `cargo test` (it needs schemathesis, which `scripts/test` installs in a venv and names in
//! `QUAYSIDE_SCHEMATHESIS`); it runs for `QUAYSIDE_FUZZ_SECONDS` (60 by default, 600 with
//! `QUAYSIDE_LONG=1`).

use std::process::Command;
use std::sync::Arc;

use quayside_domain::event::Role;

use crate::common::*;

#[test]
#[ignore = "needs schemathesis: QUAYSIDE_SCHEMATHESIS=path/to/st cargo test -p quayside-server --test server fuzz -- --ignored"]
fn the_server_answers_a_schema_fuzzer_only_as_its_openapi_document_says() {
    let st = std::env::var("QUAYSIDE_SCHEMATHESIS")
        .expect("QUAYSIDE_SCHEMATHESIS names the schemathesis command (st)");
    let long = std::env::var("QUAYSIDE_LONG").is_ok_and(|v| v == "1");
    let seconds: u64 = std::env::var("QUAYSIDE_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(if long { 600 } else { 60 });
    // The fuzzer sends thousands of requests without a token from one address: the limit per
    // address would answer most of them 429 and leave the routes behind it untried.
    let server = Server::start_with(
        Arc::new(tempfile::TempDir::new().unwrap()),
        &["--unauthenticated-per-minute", "1000000"],
        &[],
    );
    server.add_user("ann", "inspector", "NLRTM");
    server.add_user("sam", "supervisor", "NLRTM");
    let mut ann = Device::enroll(&server, "ann", Role::Inspector);
    let case = ann.open_case("NLRTM");
    ann.edit(case, "MSC ANNA");
    assert_eq!(ann.push(&server, 0).accepted, 2);

    let reports = tempfile::TempDir::new().unwrap();
    let report = reports.path().join("run.json");
    let output = Command::new(&st)
        .args(["run", &format!("{}/v1/openapi.json", server.url)])
        .args(["--url", &server.url])
        .args(["--header", &format!("Authorization: Bearer {}", ann.token)])
        .args(["--checks", "all"])
        // Signing out would end the token every later request carries.
        .args(["--exclude-path", "/v1/sign-out"])
        .args(["--max-time", &seconds.to_string()])
        .args(["--workers", "2"])
        // The short run is the same every time (a failure in CI is one to reproduce); the long one
        // goes where a fresh seed takes it.
        .args(if long { vec![] } else { vec!["--seed", "1"] })
        .args(["--request-timeout", "30"])
        .args(["--report", "ndjson", "--report-ndjson-path"])
        .arg(&report)
        .args(["--no-color", "--generation-database", "none"])
        // Whatever else it keeps (a cache of crashes) goes with the temporary folder.
        .current_dir(reports.path())
        .output()
        .expect("schemathesis runs");
    let printed = String::from_utf8_lossy(&output.stdout);
    // The summary for the closing note: operations, requests, failures.
    let summary: Vec<&str> = printed
        .lines()
        .filter(|l| {
            l.contains("API Operations")
                || l.contains("Test cases")
                || l.contains("passed")
                || l.contains("failed")
                || l.contains("Seed")
        })
        .collect();
    eprintln!("schemathesis for {seconds} s:\n{}", summary.join("\n"));
    assert!(
        output.status.success(),
        "schemathesis found failures:\n{printed}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
