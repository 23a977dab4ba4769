//! The endpoints to attack, read from the server's own OpenAPI document, so a route added later is
//! attacked too (and the run fails if one gets no requests). Each gets a plausible body to damage.

use axum::http::Method;
use base64::Engine;
use serde_json::{json, Value};

use super::world::World;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    None,
    Json,
    Bytes,
}

#[derive(Debug, Clone)]
pub struct Operation {
    pub method: Method,
    /// As documented, e.g. `/v1/photos/{sha256}`.
    pub template: String,
    pub secured: bool,
    pub body: BodyKind,
    pub query: Vec<String>,
    /// Methods the document lists for this path (the others are wrong methods).
    pub path_methods: Vec<Method>,
}

impl Operation {
    pub fn name(&self) -> String {
        format!("{} {}", self.method, self.template)
    }

    pub fn is(&self, method: &Method, template: &str) -> bool {
        self.method == method && self.template == template
    }
}

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "patch", "head", "options", "trace",
];

/// Every operation of the document, in its order.
pub fn operations() -> Vec<Operation> {
    let document = serde_json::to_value(quayside_server::openapi()).unwrap();
    let paths = document["paths"]
        .as_object()
        .expect("the document has paths");
    let mut operations = Vec::new();
    for (template, item) in paths {
        let item = item.as_object().unwrap();
        let path_methods: Vec<Method> = METHODS
            .iter()
            .filter(|m| item.contains_key(**m))
            .map(|m| m.to_uppercase().parse().unwrap())
            .collect();
        for method in METHODS.iter().filter(|m| item.contains_key(**m)) {
            let op = &item[*method];
            let content = &op["requestBody"]["content"];
            let body = if content.get("application/json").is_some() {
                BodyKind::Json
            } else if content.is_object() {
                BodyKind::Bytes
            } else {
                BodyKind::None
            };
            let query = op["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|p| p["in"] == "query")
                .map(|p| p["name"].as_str().unwrap().to_string())
                .collect();
            operations.push(Operation {
                method: method.to_uppercase().parse().unwrap(),
                template: template.clone(),
                secured: op["security"].as_array().is_some_and(|s| !s.is_empty()),
                body,
                query,
                path_methods: path_methods.clone(),
            });
        }
    }
    assert!(
        operations.len() >= 10,
        "the OpenAPI document lists {} operations: is it complete?",
        operations.len()
    );
    operations
}

/// A body of the shape the operation takes, to damage. Not one that changes anything: a push of
/// an event the server holds already, an enrollment with a wrong password. An operation this table
/// does not know yet (a new route) gets an empty object, and the generic attacks.
pub fn example(operation: &Operation, world: &World) -> Value {
    match (operation.method.as_str(), operation.template.as_str()) {
        ("POST", "/v1/devices") => {
            let key = ed25519_dalek::SigningKey::from_bytes(&[31; 32]);
            let mut request = crate::common::enroll_request_with_key(
                &key,
                uuid::Uuid::from_u128(31),
                "nobody",
                "not the password",
            );
            request["device_name"] = json!("hostile laptop");
            request
        }
        ("POST", "/v1/events") => json!({ "events": [world.first_event_value()] }),
        ("POST", "/v1/checkpoint") => {
            json!({ "from_size": 1, "hashes": [world.pending.sha256] })
        }
        ("POST", "/v1/enrollments") => json!({ "device_ids": [world.device_id] }),
        ("POST", "/v1/photos/missing") => json!({ "sha256": [world.complete.sha256] }),
        ("POST", "/v1/devices/{device_id}/wipe-confirmation") => json!({
            "confirmed_at": "2026-01-01T00:00:00Z",
            "signature": base64::engine::general_purpose::STANDARD.encode([7u8; 64]),
        }),
        _ => json!({}),
    }
}

/// The array a batch limit applies to, and an element of it.
pub fn batch_array(operation: &Operation, world: &World) -> Option<(&'static str, Value)> {
    match (operation.method.as_str(), operation.template.as_str()) {
        ("POST", "/v1/events") => Some(("events", world.first_event_value())),
        ("POST", "/v1/checkpoint") => Some(("hashes", json!(world.pending.sha256))),
        ("POST", "/v1/enrollments") => Some(("device_ids", json!(world.device_id))),
        ("POST", "/v1/photos/missing") => Some(("sha256", json!(world.complete.sha256))),
        _ => None,
    }
}
