//! Hostile requests: a small recipe (what to damage, and how) that proptest generates and
//! shrinks, and `build`, which turns it into the HTTP request and what the answer must be.

use axum::body::Body;
use axum::http::{header, HeaderValue, Method, Request};
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use ed25519_dalek::{Signer, SigningKey};
use proptest::prelude::*;
use quayside_protocol::{MAX_BATCH_EVENTS, MAX_BODY_BYTES, PHOTO_CHUNK_BYTES};
use serde_json::{json, Value};
use uuid::Uuid;

use super::catalogue::{batch_array, example, BodyKind, Operation};
use super::world::World;
use crate::common::gzip;

/// Who sends it.
#[derive(Debug, Clone)]
pub enum Caller {
    Inspector,
    OtherPort,
    Admin,
    Nobody,
    /// Any Authorization header at all, raw bytes.
    Garbage(Vec<u8>),
    RevokedDevice,
    RevokedUser,
}

#[derive(Debug, Clone)]
pub enum Attack {
    /// A secured route without a valid token; `Caller` says what is sent instead.
    Unauthenticated,
    Malformed(Vec<u8>),
    /// The plausible body cut at this fraction (per mille).
    Truncated(u16),
    WrongShape(Value),
    /// The plausible body with the value at `path` (a field, or one in its first array element)
    /// replaced, or removed when None.
    WrongField {
        path: u8,
        value: Option<Value>,
    },
    /// The batch array over `MAX_BATCH_EVENTS` by `extra`; its elements valid or garbage.
    HugeArray {
        extra: u16,
        garbage: bool,
    },
    InvalidUtf8 {
        at: u16,
        bytes: Vec<u8>,
    },
    /// Over the route's limit by `extra` bytes; Content-Length true, absent or lying.
    Oversized {
        extra: u32,
        length: Length,
    },
    WrongContentType(&'static str),
    /// A well-formed push of events that must not be taken: forged, broken or replayed.
    Forged(Vec<Forgery>),
    /// The path parameter (or, on a path without one, a suffix) replaced by this text.
    PathParam(String),
    Query {
        param: &'static str,
        value: String,
        garbage: bool,
    },
    WrongMethod(Method),
    Range(String),
    Upload(Upload),
    Enroll(Enroll),
    /// A push sent with a Content-Encoding (the push route reads gzip).
    Encoded(Encoding),
}

#[derive(Debug, Clone)]
pub enum Encoding {
    /// The plausible body gzipped: read as the plain one is.
    Gzip,
    /// The plausible body gzipped, cut at this fraction (per mille).
    GzipCut(u16),
    /// Bytes that are not gzip, labelled gzip.
    NotGzip(Vec<u8>),
    /// The plausible body padded with spaces to 16 MiB, gzipped to a few KB: over the limit
    /// once inflated.
    Bomb,
    /// The plausible body in zstd; cut at this fraction (per mille); bytes that are not zstd,
    /// labelled zstd; the 16 MiB padded body in zstd.
    Zstd,
    ZstdCut(u16),
    NotZstd(Vec<u8>),
    ZstdBomb,
    /// An encoding the server does not read.
    Other(&'static str),
}

#[derive(Debug, Clone, Copy)]
pub enum Length {
    True,
    Absent,
    Huge,
    Small,
}

#[derive(Debug, Clone)]
pub enum Forgery {
    SignatureNotBase64(String),
    SignatureLength(u8),
    /// A body of Ann's device signed by another key.
    OtherKey(u64),
    /// Any JSON, signed by Ann's own key: not an event.
    NotAnEvent(Value),
    /// An event naming another device, signed by Ann's key.
    OtherDevice(u64),
    /// Ann's accepted event with one hex digit of its id changed, its signature kept.
    Altered(u8),
    Replay,
}

#[derive(Debug, Clone)]
pub enum Upload {
    /// The photo not uploaded yet, at an offset where its upload does not stand.
    WrongOffset(u64),
    /// From 0, longer than the photo.
    PastSize(u16),
    /// From 0, exactly the photo's size, other bytes.
    WrongBytes(u8),
    /// A hash no accepted event references.
    Unreferenced(u8),
    /// Chunks sent for the photo already complete.
    AlreadyComplete(Vec<u8>),
}

#[derive(Debug, Clone)]
pub enum Enroll {
    PublicKey(String),
    Proof(String),
    /// A valid signature over the message of another user name.
    ProofForOtherUser,
    DeviceName(String),
    /// Key and proof fine; the password wrong, for Ann or a user nobody made.
    WrongPassword(&'static str),
    /// Key and proof fine; a user name longer than any account's (this many characters).
    LongUsername(usize),
    /// Ben's right password, enrolling Ann's device id (another user's) or his own with another key.
    Hijack {
        own_device: bool,
    },
    /// Rex's right password (Rex was revoked).
    RevokedUser,
    /// Ann's right password for her revoked device.
    RevokedDevice,
}

/// What the answer must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// A client error: 4xx with an ErrorBody.
    Refused,
    /// Exactly this status, with an ErrorBody.
    Status(u16),
    /// Not a server error; what may change depends on the answer.
    NoServerError,
}

#[derive(Debug, Clone)]
pub struct Recipe {
    pub operation: usize,
    pub caller: Caller,
    pub attack: Attack,
}

pub struct Built {
    pub request: Request<Body>,
    pub expect: Expect,
}

// ---------------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------------

fn authenticated() -> impl Strategy<Value = Caller> {
    prop_oneof![
        6 => Just(Caller::Inspector),
        1 => Just(Caller::OtherPort),
        1 => Just(Caller::Admin),
    ]
}

fn unauthenticated() -> impl Strategy<Value = Caller> {
    prop_oneof![
        Just(Caller::Nobody),
        Just(Caller::RevokedDevice),
        Just(Caller::RevokedUser),
        proptest::collection::vec(any::<u8>(), 0..80).prop_map(Caller::Garbage),
        "(Bearer|bearer|Basic|Bearer  )[ -~]{0,60}".prop_map(|s| Caller::Garbage(s.into_bytes())),
    ]
}

pub fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        Just(json!(u64::MAX)),
        ".{0,16}".prop_map(Value::String),
        "[0-9a-f]{64}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 5, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            proptest::collection::btree_map(
                prop_oneof![
                    "[a-z_]{1,10}",
                    proptest::sample::select(vec![
                        "events",
                        "hashes",
                        "from_size",
                        "device_ids",
                        "sha256",
                        "username",
                        "password",
                        "public_key",
                        "proof",
                        "device_id",
                        "device_name",
                        "body",
                        "signature",
                    ])
                    .prop_map(String::from),
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn malformed() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..200),
        "[\\[\\]{}:,\"0-9a-z \\\\]{0,60}".prop_map(String::into_bytes),
        proptest::sample::select(vec![
            "",
            "{",
            "}",
            "[",
            "{\"events\":",
            "{\"events\":[{]}",
            "nul",
            "tru",
            "{\"a\" 1}",
            "{'events': []}",
            "{\"events\":[],}",
            "\u{feff}{}",
            "{\"sha256\":[\"\\ud800\"]}",
            "1e999999",
            "{\"from_size\":-0.0e}",
            "/* */ {}",
            "{\"events\":[]}{}",
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
        (1usize..3000).prop_map(|depth| "[".repeat(depth).into_bytes()),
        (1usize..3000)
            .prop_map(|depth| format!("{}1{}", "[".repeat(depth), "]".repeat(depth)).into_bytes()),
    ]
}

fn hostile_path_text() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(vec![
            "..",
            "../..",
            "../../../etc/passwd",
            "..%2F..%2Fserver.sqlite3",
            "%2e%2e%2f%2e%2e%2f",
            "%2E%2E",
            "/etc/passwd",
            "%2Fetc%2Fpasswd",
            "%00",
            "a%00b",
            "%ff%fe",
            "%C0%AE%C0%AE%2F",
            "photos",
            "uploads",
            ".",
            "~",
            "%20",
            "*",
            "C:%5Cwindows",
            "\\..\\..",
        ])
        .prop_map(String::from),
        // Almost a hash: upper case, one short, one long, a non-hex digit, a suffix.
        "[0-9A-F]{64}",
        "[0-9a-f]{63}",
        "[0-9a-f]{65}",
        "[0-9a-f]{63}[g-z]",
        "[0-9a-f]{64}(/\\.\\.|%2F\\.\\.|\\.lock|\\.tmp|/upload/x)",
        "[a-zA-Z0-9._~%-]{0,40}",
        (1000usize..20_000).prop_map(|n| "a".repeat(n)),
    ]
}

fn query_attack() -> impl Strategy<Value = Attack> {
    let number = prop_oneof![
        Just("-1".to_string()),
        Just("-0".to_string()),
        Just("abc".to_string()),
        Just("".to_string()),
        Just("1.5".to_string()),
        Just("1e3".to_string()),
        Just("18446744073709551616".to_string()),
        Just("99999999999999999999999999".to_string()),
        Just("%00".to_string()),
        Just("%ff".to_string()),
        Just("0x10".to_string()),
        "[0-9]{1,3}[a-z]{1,3}",
    ];
    prop_oneof![
        number.clone().prop_map(|value| Attack::Query {
            param: "limit",
            value,
            garbage: true
        }),
        Just(Attack::Query {
            param: "limit",
            value: "0".into(),
            garbage: true
        }),
        number.prop_map(|value| Attack::Query {
            param: "offset",
            value,
            garbage: true
        }),
        cursor().prop_map(|value| Attack::Query {
            param: "cursor",
            value,
            garbage: true
        }),
        ("[a-z]{1,8}", "[ -~]{0,20}").prop_map(|(param, value)| Attack::Query {
            param: "unknown",
            value: format!("x&{param}={}", urlencode(&value)),
            garbage: false
        }),
        (1usize..20_000).prop_map(|n| Attack::Query {
            param: "cursor",
            value: "A".repeat(n),
            garbage: true
        }),
    ]
}

/// Cursors no server gave out: garbage, and well-formed ones of another epoch or past the end.
fn cursor() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z0-9_-]{1,40}".prop_filter("not base64url of a cursor", |c| {
            URL_SAFE_NO_PAD
                .decode(c)
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
                .is_none_or(|t| !t.contains(':'))
        }),
        "[!-~]{1,20}".prop_map(|c| urlencode(&c)),
        proptest::collection::vec(any::<u8>(), 1..40).prop_map(|b| URL_SAFE_NO_PAD.encode(b)),
        ("[a-f0-9]{1,16}", any::<u64>())
            .prop_map(|(epoch, seq)| URL_SAFE_NO_PAD.encode(format!("other{epoch}:{seq}"))),
        Just("CURRENT:-1".to_string()),
        Just("CURRENT:1000000".to_string()),
        Just("CURRENT:1:m-not-the-event".to_string()),
        Just("CURRENT:2:x-abc".to_string()),
        Just("CURRENT:18446744073709551615".to_string()),
        Just("CURRENT:1:x-18446744073709551615:m-x".to_string()),
    ]
}

fn forgery() -> impl Strategy<Value = Forgery> {
    prop_oneof![
        "[ -~]{0,100}".prop_map(Forgery::SignatureNotBase64),
        (0u8..100)
            .prop_filter("not 64", |n| *n != 64)
            .prop_map(Forgery::SignatureLength),
        any::<u64>().prop_map(Forgery::OtherKey),
        json_value().prop_map(Forgery::NotAnEvent),
        any::<u64>().prop_map(Forgery::OtherDevice),
        any::<u8>().prop_map(Forgery::Altered),
        Just(Forgery::Replay),
    ]
}

fn upload() -> impl Strategy<Value = Upload> {
    prop_oneof![
        (1u64..u64::MAX).prop_map(Upload::WrongOffset),
        (1u16..2000).prop_map(Upload::PastSize),
        any::<u8>().prop_map(Upload::WrongBytes),
        any::<u8>().prop_map(Upload::Unreferenced),
        proptest::collection::vec(any::<u8>(), 0..100).prop_map(Upload::AlreadyComplete),
    ]
}

fn enroll() -> impl Strategy<Value = Enroll> {
    prop_oneof![
        prop_oneof![
            "[0-9a-fA-F]{0,70}",
            "[ -~]{0,80}",
            Just("00".repeat(32)),
            Just("ff".repeat(32)),
        ]
        .prop_map(Enroll::PublicKey),
        prop_oneof!["[A-Za-z0-9+/=]{0,100}", "[ -~]{0,100}"].prop_map(Enroll::Proof),
        Just(Enroll::ProofForOtherUser),
        prop_oneof![
            Just(String::new()),
            Just("   ".to_string()),
            (201usize..3000).prop_map(|n| "x".repeat(n)),
            (201usize..400).prop_map(|n| "é".repeat(n)),
        ]
        .prop_map(Enroll::DeviceName),
        proptest::sample::select(vec!["ann", "nobody", " ann ", "ANN"])
            .prop_map(Enroll::WrongPassword),
        prop_oneof![65usize..100, 10_000usize..1_000_000].prop_map(Enroll::LongUsername),
        any::<bool>().prop_map(|own_device| Enroll::Hijack { own_device }),
        Just(Enroll::RevokedUser),
        Just(Enroll::RevokedDevice),
    ]
}

/// Attacks that fit `operation`, weighted so every kind is tried often.
fn attack_for(operation: &Operation) -> BoxedStrategy<(Caller, Attack)> {
    let mut choices: Vec<(u32, BoxedStrategy<(Caller, Attack)>)> = Vec::new();
    // A sign-out with a valid token revokes it, as designed (story::revocation tests that): here it
    // would end the world's tokens, so its damaged requests come with tokens that do not work.
    let callers: BoxedStrategy<Caller> = if operation.is(&Method::POST, "/v1/sign-out") {
        unauthenticated().boxed()
    } else {
        authenticated().boxed()
    };
    let mut add = |weight: u32, attack: BoxedStrategy<Attack>| {
        choices.push((weight, (callers.clone(), attack).boxed()));
    };
    let wrong: Vec<Method> = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"]
        .iter()
        .map(|m| m.parse().unwrap())
        .filter(|m| !operation.path_methods.contains(m))
        .collect();
    add(
        2,
        proptest::sample::select(wrong)
            .prop_map(Attack::WrongMethod)
            .boxed(),
    );
    add(3, hostile_path_text().prop_map(Attack::PathParam).boxed());
    add(2, query_attack().boxed());
    add(1, json_value().prop_map(Attack::WrongShape).boxed());
    add(
        1,
        (
            0u32..4096,
            prop_oneof![
                Just(Length::True),
                Just(Length::Absent),
                Just(Length::Huge),
                Just(Length::Small)
            ],
        )
            .prop_map(|(extra, length)| Attack::Oversized {
                extra: extra + 1,
                length,
            })
            .boxed(),
    );
    if operation.body == BodyKind::Json {
        add(3, malformed().prop_map(Attack::Malformed).boxed());
        add(2, (0u16..1000).prop_map(Attack::Truncated).boxed());
        add(
            3,
            (any::<u8>(), proptest::option::of(json_value()))
                .prop_map(|(path, value)| Attack::WrongField { path, value })
                .boxed(),
        );
        add(
            1,
            (1u16..200, any::<bool>())
                .prop_map(|(extra, garbage)| Attack::HugeArray { extra, garbage })
                .boxed(),
        );
        add(
            2,
            (
                any::<u16>(),
                proptest::sample::select(vec![
                    vec![0xff],
                    vec![0xc3, 0x28],
                    vec![0xed, 0xa0, 0x80],
                    vec![0xf8, 0x88, 0x80, 0x80, 0x80],
                    vec![0x80],
                    vec![0xc0, 0xaf],
                ]),
            )
                .prop_map(|(at, bytes)| Attack::InvalidUtf8 { at, bytes })
                .boxed(),
        );
        add(
            1,
            proptest::sample::select(vec![
                "text/plain",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/jsonx",
                "json",
                "",
                "application/octet-stream",
            ])
            .prop_map(Attack::WrongContentType)
            .boxed(),
        );
    }
    if operation.is(&Method::POST, "/v1/events") {
        add(
            6,
            proptest::collection::vec(forgery(), 1..5)
                .prop_map(Attack::Forged)
                .boxed(),
        );
    }
    if operation.is(&Method::POST, "/v1/events") {
        let encoding = prop_oneof![
            Just(Encoding::Gzip),
            (0u16..1000).prop_map(Encoding::GzipCut),
            malformed().prop_map(Encoding::NotGzip),
            Just(Encoding::Bomb),
            Just(Encoding::Zstd),
            (0u16..1000).prop_map(Encoding::ZstdCut),
            malformed().prop_map(Encoding::NotZstd),
            Just(Encoding::ZstdBomb),
            proptest::sample::select(vec![
                "br",
                "deflate",
                "compress",
                "gzip, br",
                "x-gzip",
                "zstd, gzip"
            ])
            .prop_map(Encoding::Other),
        ];
        add(4, encoding.prop_map(Attack::Encoded).boxed());
    }
    if operation.is(&Method::POST, "/v1/devices") {
        add(5, enroll().prop_map(Attack::Enroll).boxed());
    }
    if operation.is(&Method::PUT, "/v1/photos/{sha256}") {
        add(5, upload().prop_map(Attack::Upload).boxed());
    }
    if operation.is(&Method::GET, "/v1/photos/{sha256}") {
        add(
            2,
            prop_oneof![
                "[ -~]{0,30}",
                "bytes=[0-9]{0,25}-[0-9]{0,25}",
                Just("bytes=-5".to_string()),
                Just("bytes=5-1".to_string())
            ]
            .prop_map(Attack::Range)
            .boxed(),
        );
    }
    if operation.secured {
        choices.push((
            4,
            (unauthenticated(), Just(Attack::Unauthenticated)).boxed(),
        ));
    }
    proptest::strategy::Union::new_weighted(choices).boxed()
}

pub fn recipe(operations: &[Operation]) -> impl Strategy<Value = Recipe> {
    let per_operation: Vec<BoxedStrategy<Recipe>> = operations
        .iter()
        .enumerate()
        .map(|(index, operation)| {
            attack_for(operation)
                .prop_map(move |(caller, attack)| Recipe {
                    operation: index,
                    caller,
                    attack,
                })
                .boxed()
        })
        .collect();
    proptest::strategy::Union::new(per_operation)
}

// ---------------------------------------------------------------------------------------------
// Building the request
// ---------------------------------------------------------------------------------------------

fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Text as it may stand in a URI path: what a URI cannot hold raw is percent-encoded.
fn path_safe(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'!'..=b'~'
                if !matches!(
                    b,
                    b'?' | b'#' | b'"' | b'<' | b'>' | b'\\' | b'^' | b'`' | b'{' | b'|' | b'}'
                ) =>
            {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn fill(template: &str, value: &str) -> String {
    match (template.find('{'), template.find('}')) {
        (Some(start), Some(end)) => {
            format!("{}{}{}", &template[..start], value, &template[end + 1..])
        }
        _ => template.to_string(),
    }
}

fn token(caller: &Caller, world: &World) -> Option<Vec<u8>> {
    let bearer = |t: &str| Some(format!("Bearer {t}").into_bytes());
    match caller {
        Caller::Inspector => bearer(&world.tokens.inspector),
        Caller::OtherPort => bearer(&world.tokens.other_port),
        Caller::Admin => bearer(&world.tokens.admin),
        Caller::RevokedDevice => bearer(&world.tokens.revoked_device),
        Caller::RevokedUser => bearer(&world.tokens.revoked_user),
        Caller::Nobody => None,
        Caller::Garbage(bytes) => Some(bytes.clone()),
    }
}

/// A wire event as text: the body embedded verbatim, as a device sends it.
fn wire(body: &str, signature: &str) -> String {
    format!("{{\"body\":{body},\"signature\":{}}}", json!(signature))
}

fn signed(body: &Value, key: &SigningKey) -> String {
    let text = serde_json::to_string(body).unwrap();
    let signature = STANDARD.encode(key.sign(text.as_bytes()).to_bytes());
    wire(&text, &signature)
}

fn forged(forgery: &Forgery, world: &World) -> String {
    let first = world.first_event_value();
    let first_body = serde_json::to_string(&first["body"]).unwrap();
    let event_like = |device: Uuid, seq: u64| {
        let mut body = first["body"].clone();
        body["id"] = json!(Uuid::now_v7());
        body["device_id"] = json!(device);
        body["device_seq"] = json!(seq);
        body
    };
    match forgery {
        Forgery::SignatureNotBase64(text) => wire(&first_body, text),
        Forgery::SignatureLength(n) => wire(&first_body, &STANDARD.encode(vec![7u8; *n as usize])),
        Forgery::OtherKey(seed) => {
            let mut secret = [1u8; 32];
            secret[..8].copy_from_slice(&seed.to_le_bytes());
            signed(
                &event_like(world.device_id, 4 + seed % 3),
                &SigningKey::from_bytes(&secret),
            )
        }
        Forgery::NotAnEvent(value) => signed(value, &world.device_key),
        Forgery::OtherDevice(seed) => signed(
            &event_like(Uuid::from_u64_pair(*seed, 2), 1),
            &world.device_key,
        ),
        Forgery::Altered(at) => {
            // Ann's event as she signed it, one hex digit of its id changed.
            let text = world.first_event();
            let id_at = text.find("\"id\":\"").unwrap() + 6 + (*at as usize % 8);
            let mut bytes = text.as_bytes().to_vec();
            bytes[id_at] = if bytes[id_at] == b'0' { b'1' } else { b'0' };
            String::from_utf8(bytes).unwrap()
        }
        Forgery::Replay => world.first_event().to_string(),
    }
}

fn upload_request(attack: &Upload, world: &World) -> (String, u64, Vec<u8>) {
    let pending = &world.pending;
    match attack {
        Upload::WrongOffset(offset) => (pending.sha256.clone(), *offset, vec![1; 8]),
        Upload::PastSize(extra) => (
            pending.sha256.clone(),
            0,
            vec![2; pending.bytes.len() + *extra as usize],
        ),
        Upload::WrongBytes(b) => {
            let mut bytes = pending.bytes.clone();
            let at = *b as usize % bytes.len();
            bytes[at] ^= 1;
            (pending.sha256.clone(), 0, bytes)
        }
        Upload::Unreferenced(b) => (hex::encode([*b; 32]), 0, vec![3; 8]),
        Upload::AlreadyComplete(bytes) => (world.complete.sha256.clone(), 0, bytes.clone()),
    }
}

fn enroll_body(attack: &Enroll, world: &World) -> Value {
    let fresh = SigningKey::from_bytes(&[41; 32]);
    let valid = |key: &SigningKey, device: Uuid, user: &str, password: &str| {
        crate::common::enroll_request_with_key(key, device, user, password)
    };
    let mut body = valid(&fresh, Uuid::from_u128(41), "nobody", "not the password");
    match attack {
        Enroll::PublicKey(key) => body["public_key"] = json!(key),
        Enroll::Proof(proof) => body["proof"] = json!(proof),
        Enroll::ProofForOtherUser => {
            body = valid(&fresh, Uuid::from_u128(41), "ben", "x");
            body["username"] = json!("ann");
        }
        Enroll::DeviceName(name) => body["device_name"] = json!(name),
        Enroll::LongUsername(n) => {
            body = valid(&fresh, Uuid::from_u128(44), &"u".repeat(*n), "x");
            body["device_name"] = json!("hostile laptop");
        }
        Enroll::WrongPassword(user) => {
            body = valid(&fresh, Uuid::from_u128(42), user, "wrong password")
        }
        Enroll::Hijack { own_device: false } => {
            body = valid(&fresh, world.device_id, "ben", crate::common::PASSWORD)
        }
        Enroll::Hijack { own_device: true } => {
            body = valid(
                &fresh,
                world.other_device_id,
                "ben",
                crate::common::PASSWORD,
            )
        }
        Enroll::RevokedUser => {
            body = valid(&fresh, Uuid::from_u128(43), "rex", crate::common::PASSWORD)
        }
        Enroll::RevokedDevice => {
            let (id, key) = &world.revoked_device;
            body = valid(key, *id, "ann", crate::common::PASSWORD)
        }
    }
    body
}

/// Replace the value at `path` (counting the plausible body's fields, then those of the first
/// element of each array) with `value`, or remove it.
fn damage_field(body: &mut Value, path: u8, value: Option<Value>) {
    let mut slots: Vec<Vec<String>> = Vec::new();
    if let Value::Object(map) = &*body {
        for (key, inner) in map {
            slots.push(vec![key.clone()]);
            if let Some(Value::Object(first)) = inner.as_array().and_then(|a| a.first()) {
                slots.extend(
                    first
                        .keys()
                        .map(|k| vec![key.clone(), "0".into(), k.clone()]),
                );
            }
            if inner.is_array() {
                slots.push(vec![key.clone(), "0".into()]);
            }
        }
    }
    let Some(slot) = slots.get(path as usize % slots.len().max(1)) else {
        *body = value.unwrap_or(Value::Null);
        return;
    };
    let pointer = format!("/{}", slot.join("/"));
    let (parent, last) = pointer.rsplit_once('/').unwrap();
    let parent = if parent.is_empty() {
        &mut *body
    } else {
        body.pointer_mut(parent).unwrap()
    };
    match (parent, value) {
        (Value::Object(map), Some(v)) => {
            map.insert(last.to_string(), v);
        }
        (Value::Object(map), None) => {
            map.remove(last);
        }
        (Value::Array(items), Some(v)) => items[0] = v,
        (Value::Array(items), None) => {
            items.remove(0);
        }
        _ => {}
    }
}

/// The request a recipe describes, and what its answer must be.
pub fn build(recipe: &Recipe, operation: &Operation, world: &World) -> Built {
    let mut method = operation.method.clone();
    // The complete photo: a chunk for it is answered without writing, so a damaged body or
    // query cannot become a real upload. The upload attacks aim at the pending one.
    let mut path = if operation.template.contains("{device_id}") {
        // An enrolled device that is not revoked: a wipe confirmation for it is refused even
        // when signed, so no damaged one can be recorded.
        fill(&operation.template, &world.device_id.to_string())
    } else {
        fill(&operation.template, &world.complete.sha256)
    };
    let mut query = String::new();
    let plausible = example(operation, world);
    let mut body: Vec<u8> = match operation.body {
        BodyKind::Bytes => vec![9; world.pending.bytes.len() + 1],
        _ => serde_json::to_vec(&plausible).unwrap(),
    };
    if operation.method == Method::PUT && operation.body == BodyKind::Bytes {
        query = "offset=0".into();
    }
    let mut content_type = match operation.body {
        BodyKind::Bytes => "application/octet-stream",
        _ => "application/json",
    };
    let mut extra_headers: Vec<(header::HeaderName, String)> = Vec::new();
    let mut content_length: Option<String> = None;
    let is_json = operation.body == BodyKind::Json;
    let expect = match &recipe.attack {
        Attack::Unauthenticated => Expect::Status(401),
        Attack::Malformed(bytes) => {
            body = bytes.clone();
            if is_json {
                Expect::Refused
            } else {
                Expect::NoServerError
            }
        }
        Attack::Truncated(per_mille) => {
            let at = body.len() * *per_mille as usize / 1000;
            body.truncate(at.min(body.len().saturating_sub(1)));
            if is_json {
                Expect::Refused
            } else {
                Expect::NoServerError
            }
        }
        Attack::WrongShape(value) => {
            body = serde_json::to_vec(value).unwrap();
            Expect::NoServerError
        }
        Attack::WrongField { path, value } => {
            let mut damaged = plausible.clone();
            damage_field(&mut damaged, *path, value.clone());
            body = serde_json::to_vec(&damaged).unwrap();
            Expect::NoServerError
        }
        Attack::HugeArray { extra, garbage } => match batch_array(operation, world) {
            Some((field, element)) => {
                let element = if *garbage {
                    json!({"x": [1, "y"]})
                } else {
                    element
                };
                let mut damaged = plausible.clone();
                damaged[field] = Value::Array(vec![element; MAX_BATCH_EVENTS + *extra as usize]);
                body = serde_json::to_vec(&damaged).unwrap();
                Expect::Refused
            }
            None => Expect::NoServerError,
        },
        Attack::InvalidUtf8 { at, bytes } => {
            // Inside the first string value, so only its bytes are wrong.
            let quotes: Vec<usize> = body
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b'"')
                .map(|(i, _)| i)
                .collect();
            let at = match quotes.get(2) {
                Some(q) => q + 1,
                None => *at as usize % (body.len() + 1),
            };
            body.splice(at..at, bytes.iter().copied());
            if is_json {
                Expect::Refused
            } else {
                Expect::NoServerError
            }
        }
        Attack::Oversized { extra, length } => {
            let limit = if operation.body == BodyKind::Bytes {
                PHOTO_CHUNK_BYTES + 64 * 1024
            } else {
                MAX_BODY_BYTES
            };
            body = vec![b' '; limit + *extra as usize];
            content_length = match length {
                Length::True => Some(body.len().to_string()),
                Length::Absent => None,
                Length::Huge => Some(u64::MAX.to_string()),
                Length::Small => Some("10".into()),
            };
            match length {
                // A Content-Length that understates the body: the body is cut at it, not refused.
                Length::Small => Expect::NoServerError,
                _ => Expect::Status(413),
            }
        }
        Attack::WrongContentType(kind) => {
            content_type = kind;
            Expect::Status(415)
        }
        Attack::Forged(forgeries) => {
            let events: Vec<String> = forgeries.iter().map(|f| forged(f, world)).collect();
            body = format!("{{\"events\":[{}]}}", events.join(",")).into_bytes();
            Expect::NoServerError
        }
        Attack::PathParam(text) => {
            let place = |text: &str| {
                if operation.template.contains('{') {
                    fill(&operation.template, text)
                } else {
                    format!("{}/{text}", operation.template)
                }
            };
            path = place(&path_safe(text));
            if axum::http::Uri::try_from(path.as_str()).is_err() {
                path = place(&urlencode(text));
            }
            Expect::Refused
        }
        Attack::Query {
            param,
            value,
            garbage,
        } => {
            let value = value.replace("CURRENT", &world.epoch);
            let value = if value.contains(':') {
                URL_SAFE_NO_PAD.encode(value)
            } else {
                value
            };
            query = if *param == "unknown" {
                value
            } else {
                format!("{param}={value}")
            };
            if *garbage && operation.query.iter().any(|q| q == param) {
                Expect::Refused
            } else {
                Expect::NoServerError
            }
        }
        Attack::WrongMethod(wrong) => {
            method = wrong.clone();
            Expect::Status(405)
        }
        Attack::Range(range) => {
            extra_headers.push((header::RANGE, range.clone()));
            Expect::NoServerError
        }
        Attack::Upload(upload) => {
            let (sha, offset, chunk) = upload_request(upload, world);
            path = fill(&operation.template, &sha);
            query = format!("offset={offset}");
            body = chunk;
            match upload {
                Upload::AlreadyComplete(_) => Expect::NoServerError,
                _ => Expect::Refused,
            }
        }
        Attack::Enroll(enroll) => {
            body = serde_json::to_vec(&enroll_body(enroll, world)).unwrap();
            Expect::Refused
        }
        Attack::Encoded(encoding) => {
            let name = match encoding {
                Encoding::Other(name) => name,
                Encoding::Zstd
                | Encoding::ZstdCut(_)
                | Encoding::NotZstd(_)
                | Encoding::ZstdBomb => "zstd",
                _ => "gzip",
            };
            extra_headers.push((header::CONTENT_ENCODING, name.to_string()));
            match encoding {
                Encoding::Gzip => {
                    body = gzip(&body);
                    Expect::NoServerError
                }
                Encoding::GzipCut(per_mille) => {
                    body = gzip(&body);
                    let at = body.len() * *per_mille as usize / 1000;
                    body.truncate(at.min(body.len() - 1));
                    Expect::Refused
                }
                Encoding::NotGzip(bytes) => {
                    body = bytes.clone();
                    Expect::Refused
                }
                Encoding::Bomb => {
                    body.resize(16 << 20, b' ');
                    body = gzip(&body);
                    Expect::Status(413)
                }
                Encoding::Zstd => {
                    body = zstd::bulk::compress(&body, 3).unwrap();
                    Expect::NoServerError
                }
                Encoding::ZstdCut(per_mille) => {
                    body = zstd::bulk::compress(&body, 3).unwrap();
                    let at = body.len() * *per_mille as usize / 1000;
                    body.truncate(at.min(body.len() - 1));
                    Expect::Refused
                }
                Encoding::NotZstd(bytes) => {
                    body = bytes.clone();
                    Expect::Refused
                }
                Encoding::ZstdBomb => {
                    body.resize(16 << 20, b' ');
                    body = zstd::bulk::compress(&body, 3).unwrap();
                    Expect::Status(413)
                }
                Encoding::Other(_) => Expect::Status(415),
            }
        }
    };
    let uri = if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    };
    let mut request = Request::builder().method(method).uri(uri.as_str());
    if !content_type.is_empty() {
        request = request.header(header::CONTENT_TYPE, content_type);
    }
    let caller = &recipe.caller;
    if let Some(value) = token(caller, world).and_then(|t| HeaderValue::from_bytes(&t).ok()) {
        request = request.header(header::AUTHORIZATION, value);
    }
    if let Some(length) = content_length {
        request = request.header(header::CONTENT_LENGTH, length);
    }
    for (name, value) in extra_headers {
        if let Ok(value) = HeaderValue::from_str(&value) {
            request = request.header(name, value);
        }
    }
    let request = request
        .body(Body::from(body))
        .unwrap_or_else(|e| panic!("the test built a request http refuses ({uri}): {e}"));
    Built { request, expect }
}
