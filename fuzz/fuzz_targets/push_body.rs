//! A push body as `quayside_server::push::check` reads it, on any bytes: the request, each
//! event's signature (`WireEvent::parts`), the readable header, and the signed body. No panic.
//! (The server crate itself is not linked: its TLS and SQLite C code would dwarf the target.)
#![no_main]

use ed25519_dalek::SigningKey;
use libfuzzer_sys::fuzz_target;
use quayside_domain::event::SignedEvent;
use quayside_protocol::PushRequest;
use serde::Deserialize;

/// What the server reads of a body that may not decode as a whole (`push::Header`).
#[derive(Default, Deserialize)]
#[allow(dead_code)]
struct Header {
    #[serde(default)]
    id: Option<uuid::Uuid>,
    #[serde(default)]
    device_id: Option<uuid::Uuid>,
    #[serde(default)]
    device_seq: Option<u64>,
}

fuzz_target!(|data: &[u8]| {
    let Ok(request) = serde_json::from_slice::<PushRequest>(data) else {
        return;
    };
    let key = SigningKey::from_bytes(&[7; 32]).verifying_key();
    for wire in &request.events {
        let _header: Header = serde_json::from_str(wire.body.get()).unwrap_or_default();
        if let Ok((bytes, signature)) = wire.parts() {
            assert_eq!(bytes, wire.body.get().as_bytes());
            let _ = SignedEvent::verify(&bytes, &signature, &key);
        }
    }
});
