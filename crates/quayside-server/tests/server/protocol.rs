//! The protocol's edges: error bodies for malformed requests, limits, the OpenAPI document, TLS.

use std::sync::Arc;

use quayside_domain::event::Role;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use quayside_protocol::{PushRequest, MAX_BATCH_EVENTS, MAX_BODY_BYTES};
use serde_json::Value;

use crate::common::*;

#[test]
fn malformed_requests_get_an_error_body_that_says_what_is_wrong() {
    let server = Server::start();
    server.add_user("ann", "inspector", "NLRTM");
    let mut ann = Device::enroll(&server, "ann", Role::Inspector);
    let token_text = ann.token.clone();
    let token = Some(token_text.as_str());

    let syntax = server.post("/v1/events", token, "{\"events\": [");
    assert!(syntax
        .error(400, "invalid_request")
        .contains("not valid JSON"));
    let types = server.post("/v1/events", token, r#"{"events": 5}"#);
    assert!(types
        .error(400, "invalid_request")
        .contains("events: invalid type"));
    let signature = server.post(
        "/v1/events",
        token,
        r#"{"events": [{"body": {}, "signature": 7}]}"#,
    );
    signature.error(400, "invalid_request");
    let enroll = server.post("/v1/devices", None, r#"{"username": "ann"}"#);
    assert!(enroll
        .error(400, "invalid_request")
        .contains("missing field"));
    let untyped = server
        .post("/v1/photos/missing", token, "{}")
        .error(400, "invalid_request");
    assert!(untyped.contains("sha256"));

    let no_token = server.get("/v1/sync", None);
    assert!(no_token
        .error(401, "unauthorized")
        .contains("Authorization: Bearer"));
    let bad_token = server.get("/v1/sync", Some("made-up"));
    bad_token.error(401, "unauthorized");
    let route = server.get("/v1/nowhere", None);
    assert!(route.error(404, "not_found").contains("/v1/openapi.json"));
    let method = server.put("/v1/sync", &ann.token, b"");
    assert!(method
        .error(405, "invalid_request")
        .contains("does not take PUT"));
    let limit = server.get("/v1/events?limit=many", token);
    limit.error(400, "invalid_request");

    // Events that are not the objects the document describes are refused whole, not kept; so
    // is a body that is not an object at all (serde would read a struct from an array).
    for events in [
        r#"[[]]"#,
        r#"[[{"body": {}, "signature": "AA=="}]]"#,
        r#"{"events": [null, null]}"#,
        r#"{"events": [{"body": [null, null], "signature": "AA=="}]}"#,
        r#"{"events": [{"body": null, "signature": "AA=="}]}"#,
        r#"{"events": [{"body": "text", "signature": "AA=="}]}"#,
    ] {
        let refused = server.post("/v1/events", token, events);
        assert_eq!(refused.status, 400, "{events}: {}", text(&refused.body));
    }
    let refused = server.post(
        "/v1/events",
        token,
        r#"{"events": [{"body": 7, "signature": "AA=="}]}"#,
    );
    assert!(refused
        .error(400, "invalid_request")
        .contains("events[0].body must be a JSON object"));

    // Over the batch limit: not the request the document describes (over the body limit: 413,
    // below, from the length alone).
    let case = ann.open_case("NLRTM");
    ann.edit(case, "EVER GIVEN");
    let one = ann.wire(0).remove(1);
    let many = PushRequest {
        events: vec![one; MAX_BATCH_EVENTS + 1],
    };
    let too_many = server.post_json("/v1/events", token, &many);
    assert!(too_many
        .error(400, "invalid_request")
        .contains("at most 1000"));
}

/// Send `head` (and nothing more) on a new connection and read until the server closes it or
/// `patience` passes: what came back and how long it took.
fn send_and_wait(server: &Server, head: &str, patience: Duration) -> (String, Duration) {
    let address = server.url.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).unwrap();
    stream.set_read_timeout(Some(patience)).unwrap();
    let started = Instant::now();
    stream.write_all(head.as_bytes()).unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    (
        String::from_utf8_lossy(&answer).into_owned(),
        started.elapsed(),
    )
}

#[test]
fn slow_or_oversized_requests_are_cut_off_instead_of_holding_the_server() {
    let server = Server::start();
    let patience = Duration::from_secs(30);
    let (headers, body, oversized) = std::thread::scope(|scope| {
        // Headers begun and never finished: dropped after the header timeout (20 s).
        let headers = scope.spawn(|| {
            send_and_wait(
                &server,
                "POST /v1/devices HTTP/1.1\r\nHost: x\r\n",
                patience,
            )
        });
        // A body of 200 bytes of which 10 come: answered 408 at its deadline (10 s and a second).
        let body = scope.spawn(|| {
            send_and_wait(
                &server,
                "POST /v1/devices HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
                 Content-Length: 200\r\n\r\n{\"username\"",
                patience,
            )
        });
        // Over the limit by its length: answered at once, nothing of it read.
        let oversized = scope.spawn(|| {
            send_and_wait(
                &server,
                &format!(
                    "POST /v1/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
                     Content-Length: {}\r\n\r\n",
                    MAX_BODY_BYTES + 1024
                ),
                patience,
            )
        });
        // A whole request, answered, then the connection left idle: closed after the same time.
        let idle = scope.spawn(|| {
            send_and_wait(
                &server,
                "GET /v1/checkpoint HTTP/1.1\r\nHost: x\r\n\r\n",
                patience,
            )
        });
        let idle = idle.join().unwrap();
        assert!(idle.0.starts_with("HTTP/1.1 200"), "{}", idle.0);
        assert!(
            (Duration::from_secs(19)..Duration::from_secs(25)).contains(&idle.1),
            "an idle connection was kept {:?}",
            idle.1
        );
        (
            headers.join().unwrap(),
            body.join().unwrap(),
            oversized.join().unwrap(),
        )
    });
    assert!(
        headers.1 < Duration::from_secs(25),
        "headers held the connection {:?}",
        headers.1
    );
    assert!(body.0.starts_with("HTTP/1.1 408"), "{}", body.0);
    assert!(body.0.contains("did not arrive within 11 s"), "{}", body.0);
    assert!(body.1 < Duration::from_secs(15), "{:?}", body.1);
    assert!(oversized.0.starts_with("HTTP/1.1 413"), "{}", oversized.0);
    assert!(oversized.0.contains("too_large"), "{}", oversized.0);
    assert!(oversized.1 < Duration::from_secs(3), "{:?}", oversized.1);
    // The server still serves.
    assert_eq!(server.get("/v1/openapi.json", None).status, 200);
}

/// Every route the server serves: the document must list each, and nothing else.
const ROUTES: &[(&str, &str)] = &[
    ("post", "/v1/devices"),
    ("get", "/v1/sync"),
    ("post", "/v1/devices/people"),
    ("post", "/v1/enrollments"),
    ("get", "/v1/control-lists"),
    ("post", "/v1/sign-out"),
    ("post", "/v1/devices/{device_id}/wipe-confirmation"),
    ("post", "/v1/events"),
    ("get", "/v1/events"),
    ("post", "/v1/checkpoint"),
    ("get", "/v1/checkpoint"),
    ("post", "/v1/photos/missing"),
    ("put", "/v1/photos/{sha256}"),
    ("get", "/v1/photos/{sha256}"),
    ("get", "/v1/photos/{sha256}/upload"),
    ("get", "/v1/admin/quarantine"),
    ("get", "/v1/openapi.json"),
    ("post", "/v1/entities/seen"),
    ("get", "/v1/summaries"),
];

#[test]
fn the_openapi_document_lists_every_route_and_every_listed_route_answers() {
    let server = Server::start();
    let reply = server.get("/v1/openapi.json", None);
    assert_eq!(
        reply.header("content-type").as_deref(),
        Some("application/json")
    );
    let document = reply.json();
    let mut listed = Vec::new();
    for (path, item) in document["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            listed.push((method.clone(), path.clone()));
        }
    }
    let mut expected: Vec<(String, String)> = ROUTES
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    listed.sort();
    expected.sort();
    assert_eq!(listed, expected);
    for schema in [
        "PushRequest",
        "PushResponse",
        "PullResponse",
        "ErrorBody",
        "ErrorCode",
        "UploadStatus",
        "CheckpointRequest",
        "CheckpointResponse",
        "SignedStatement",
        "EnrollmentsRequest",
        "EnrollmentsResponse",
        "WipeConfirmation",
        "ControlListsPage",
        "SeenRequest",
        "SeenResponse",
    ] {
        assert!(
            document["components"]["schemas"][schema].is_object(),
            "schema {schema} is in the document"
        );
    }

    // Each documented route is served (it answers, if only that a token is missing).
    let agent = agent();
    let hash = "0".repeat(64);
    for (method, path) in ROUTES {
        let path = path
            .replace("{sha256}", &hash)
            .replace("{device_id}", &uuid::Uuid::nil().to_string());
        let url = format!("{}{}", server.url, path);
        let response = match *method {
            "get" => agent.get(&url).call(),
            "post" => agent.post(&url).send_empty(),
            "put" => agent.put(&url).send_empty(),
            _ => unreachable!(),
        }
        .unwrap();
        let status = response.status().as_u16();
        assert!(
            status != 404 && status != 405,
            "{method} {path} answered {status}"
        );
    }
}

#[test]
fn the_server_speaks_https_with_the_given_certificate() {
    let certified = rcgen::generate_simple_self_signed(vec!["localhost".into()]).unwrap();
    let dir = tempfile::TempDir::new().unwrap();
    let cert = dir.path().join("cert.pem");
    let key = dir.path().join("key.pem");
    std::fs::write(&cert, certified.cert.pem()).unwrap();
    std::fs::write(&key, certified.signing_key.serialize_pem()).unwrap();
    let data = Arc::new(tempfile::TempDir::new().unwrap());
    let args = [
        "--tls-cert",
        cert.to_str().unwrap(),
        "--tls-key",
        key.to_str().unwrap(),
    ];
    let server = Server::start_with(data, &args, &[]);
    assert!(
        server.url.starts_with("https://127.0.0.1:"),
        "{}",
        server.url
    );

    let trusted = ureq::tls::Certificate::from_der(certified.cert.der()).to_owned();
    let tls = ureq::tls::TlsConfig::builder()
        .root_certs(ureq::tls::RootCerts::Specific(Arc::new(vec![trusted])))
        .build();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .tls_config(tls)
        .build()
        .into();
    let url = server.url.replace("127.0.0.1", "localhost");
    let mut server = server.with_agent(agent);
    server.url = url;
    let document: Value = server.get("/v1/openapi.json", None).json();
    assert_eq!(document["info"]["title"], "Quayside sync server");
    server.get("/v1/sync", None).error(401, "unauthorized");

    // A client that does not trust the certificate gets no answer.
    let untrusting = ureq::Agent::config_builder().build();
    let refused = ureq::Agent::from(untrusting)
        .get(format!("{}/v1/openapi.json", server.url))
        .call();
    assert!(refused.is_err());

    let bad = crate::common::cli(
        dir.path(),
        &[
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--tls-cert",
            "missing.pem",
            "--tls-key",
            "missing.pem",
        ],
        "",
    );
    assert!(!bad.status.success());
    assert!(
        text(&bad.stderr).contains("cannot use the TLS certificate"),
        "{}",
        text(&bad.stderr)
    );
}

#[test]
fn plain_http_off_loopback_is_refused_unless_insecure_http_is_given_and_then_warned_about() {
    let dir = tempfile::TempDir::new().unwrap();
    let refused = crate::common::cli(dir.path(), &["serve", "--listen", "0.0.0.0:0"], "");
    assert!(!refused.status.success());
    let stderr = text(&refused.stderr);
    assert!(stderr.contains("--insecure-http"), "{stderr}");
    assert!(stderr.contains("--tls-cert"), "{stderr}");

    // Twice: the warning comes at every start.
    for _ in 0..2 {
        let mut child = std::process::Command::new(BIN)
            .arg("--data-dir")
            .arg(dir.path())
            .args(backend_args(dir.path()))
            .args(["serve", "--listen", "0.0.0.0:0", "--insecure-http"])
            .env("RUST_LOG", "warn")
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let url = quayside_server::test_support::process::listening_url(&mut child);
        assert!(url.starts_with("http://0.0.0.0:"), "{url}");
        child.kill().unwrap();
        let output = child.wait_with_output().unwrap();
        let stderr = text(&output.stderr);
        assert!(
            stderr.contains("--insecure-http: serving plain HTTP"),
            "{stderr}"
        );
    }
}

#[test]
fn requests_without_a_token_are_limited_per_client_network_and_token_holders_are_not() {
    let server = Server::start_with(
        Arc::new(tempfile::TempDir::new().unwrap()),
        &["--unauthenticated-per-minute", "6"],
        &[],
    );
    server.add_user("ann", "inspector", "NLRTM");
    let ann = Device::enroll(&server, "ann", Role::Inspector);
    for n in 0..5 {
        let reply = server.get("/v1/openapi.json", None);
        assert_eq!(reply.status, 200, "request {n}");
    }
    let refused = server.get("/v1/openapi.json", None);
    assert!(refused
        .error(429, "too_many_attempts")
        .contains("without a token"));
    let wait: u64 = refused.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=10).contains(&wait), "Retry-After: {wait}");
    // Signing in is limited the same way, before any password is checked.
    let store_dir = tempfile::TempDir::new().unwrap();
    let store = quayside_store::Store::open(store_dir.path()).unwrap();
    server
        .enroll(&store, "ann", PASSWORD)
        .error(429, "too_many_attempts");
    // Another client is not held up by it.
    let (status, body) = post_json_from(
        "127.0.0.2",
        &server.url,
        "/v1/devices",
        &enroll_request(&store, "ann", "not her password"),
    );
    assert_eq!(status, 401, "{body}");
    // A device with a token syncs on.
    assert_eq!(server.get("/v1/sync", Some(&ann.token)).status, 200);
}

#[test]
fn connections_past_the_limit_are_closed_and_a_place_comes_back_when_one_closes() {
    let server = Server::start_with(
        Arc::new(tempfile::TempDir::new().unwrap()),
        &["--max-connections", "3"],
        &[],
    );
    let address = server.url.trim_start_matches("http://").to_string();
    let ask = |stream: &mut TcpStream| {
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let _ = stream
            .write_all(b"GET /v1/openapi.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        String::from_utf8_lossy(&answer).into_owned()
    };
    let idle: Vec<TcpStream> = (0..3)
        .map(|_| TcpStream::connect(&address).unwrap())
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    let mut one_more = TcpStream::connect(&address).unwrap();
    let started = Instant::now();
    let answer = ask(&mut one_more);
    assert!(
        answer.is_empty(),
        "a fourth connection was served: {answer}"
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    drop(one_more);
    drop(idle);
    std::thread::sleep(Duration::from_millis(300));
    let mut again = TcpStream::connect(&address).unwrap();
    let answer = ask(&mut again);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}
