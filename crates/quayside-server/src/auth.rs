//! Who is calling, and the secrets that say so. A request carries the bearer token of an enrolled
//! device; storage resolves its SHA-256 to the device and its user (the token itself is never
//! stored). Passwords are argon2 hashes. Failed sign-ins are counted in storage, so the lockout
//! holds across server processes.

use std::sync::LazyLock;
use std::time::Duration;

use argon2::password_hash::{Output, PasswordHash, PasswordHasher, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use quayside_domain::event::Role;
use quayside_protocol::Account;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::error::ApiError;
use crate::AppState;

/// Failed sign-ins of one user name within `FAILURE_WINDOW` that lock it out.
pub const MAX_FAILURES: usize = 5;
pub const FAILURE_WINDOW: Duration = Duration::from_secs(15 * 60);
/// Shortest password `user add` takes.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// Longest user name `user add` takes.
pub const MAX_USERNAME_CHARS: usize = 64;

/// The enrolled device a request comes from, and its user.
#[derive(Debug, Clone)]
pub struct Caller {
    pub device_id: Uuid,
    pub public_key: [u8; 32],
    pub head_seq: u64,
    pub head_hash: String,
    pub account: Account,
    /// SHA-256 (hex) of the bearer token this request came with (what `POST /v1/sign-out` revokes).
    pub token_hash: String,
}

impl Caller {
    pub fn is_admin(&self) -> bool {
        self.account.role == Role::Admin
    }

    /// Review decisions (approve, return) are a supervisor's; an admin may make them too.
    pub fn may_review(&self) -> bool {
        matches!(self.account.role, Role::Supervisor | Role::Admin)
    }

    /// Ports whose cases this caller sees; None: all (admins).
    pub fn visible_ports(&self) -> Option<Vec<String>> {
        (!self.is_admin()).then(|| self.account.ports.clone())
    }

    pub fn sees_any(&self, ports: &[String]) -> bool {
        self.is_admin() || ports.iter().any(|p| self.account.ports.contains(p))
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Caller, ApiError> {
        let header = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        let Some(token) = header.strip_prefix("Bearer ").map(str::trim) else {
            return Err(ApiError::unauthorized(
                "no bearer token: enroll this device (POST /v1/devices) and send its token as \
                 Authorization: Bearer TOKEN",
            ));
        };
        let hash = token_hash(token);
        let holder = state.store.token_holder(&hash).await?;
        let Some(holder) = holder else {
            return Err(ApiError::unauthorized(
                "unknown token: it was signed out, replaced by a newer enrollment of this device \
                 or never issued; enroll the device again",
            ));
        };
        if let Some(at) = &holder.user.revoked_at {
            return Err(ApiError::unauthorized(format!(
                "user {} was revoked on {at}: an admin must give this device to an active user, \
                 who enrolls it again",
                holder.user.username
            )));
        }
        if let Some(at) = &holder.device.revoked_at {
            return Err(ApiError::device_revoked(format!(
                "device {} was revoked on {at}: it can no longer sync; ask an admin",
                holder.device.id
            )));
        }
        Ok(Caller {
            device_id: holder.device.id,
            public_key: holder.device.public_key,
            head_seq: holder.device.head_seq,
            head_hash: holder.device.head_hash.clone(),
            account: holder.user.account(),
            token_hash: hash,
        })
    }
}

/// A role as people and the protocol write it.
pub fn role_name(role: Role) -> &'static str {
    match role {
        Role::Inspector => "inspector",
        Role::Supervisor => "supervisor",
        Role::Admin => "admin",
        Role::Other => "user of an unknown role",
    }
}

/// A new bearer token (32 random bytes, base64url) and the hash storage keeps of it.
pub fn new_token() -> std::io::Result<(String, String)> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| std::io::Error::other(e.to_string()))?;
    let token = URL_SAFE_NO_PAD.encode(bytes);
    let hash = token_hash(&token);
    Ok((token, hash))
}

pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

pub fn hash_password(password: &str) -> Result<String, String> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| e.to_string())?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| e.to_string())?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

/// Check a password; with no stored hash (unknown user) the same work is done against a dummy,
/// so the answer time does not tell whether a user name exists. argon2 works in `memory`, a buffer
/// the caller keeps: its 19 MiB allocated afresh each check stays with the allocator once freed
/// (glibc raises its mmap threshold past it), so a server grew by that much a check.
pub fn verify_password(password: &str, stored: Option<&str>, memory: &mut Vec<Block>) -> bool {
    static DUMMY: LazyLock<String> =
        LazyLock::new(|| hash_password("not a password anyone has").unwrap_or_default());
    let (hash, real) = match stored {
        Some(hash) => (hash, true),
        None => (DUMMY.as_str(), false),
    };
    matches_in(password, hash, memory).unwrap_or(false) && real
}

fn matches_in(password: &str, hash: &str, memory: &mut Vec<Block>) -> Option<bool> {
    let parsed = PasswordHash::new(hash).ok()?;
    let expected = parsed.hash?;
    let algorithm = Algorithm::try_from(parsed.algorithm).ok()?;
    let version = match parsed.version {
        Some(v) => Version::try_from(v).ok()?,
        None => Version::default(),
    };
    let params = Params::try_from(&parsed).ok()?;
    let mut salt = [0u8; 64];
    let salt = parsed.salt?.decode_b64(&mut salt).ok()?;
    if memory.len() != params.block_count() {
        memory.resize(params.block_count(), Block::default());
    }
    let mut out = vec![0u8; expected.len()];
    Argon2::new(algorithm, version, params)
        .hash_password_into_with_memory(password.as_bytes(), salt, &mut out, &mut memory[..])
        .ok()?;
    // Output compares in constant time.
    Some(Output::new(&out).ok()? == expected)
}

/// How long a user name stays locked, given its failed sign-ins (unix ms, ascending) within the
/// window: locked while `MAX_FAILURES` of them lie within the last `FAILURE_WINDOW`.
pub fn lockout(failures_ms: &[i64], now_ms: i64) -> Option<Duration> {
    let window = FAILURE_WINDOW.as_millis() as i64;
    let recent: Vec<i64> = failures_ms
        .iter()
        .copied()
        .filter(|t| *t > now_ms - window)
        .collect();
    if recent.len() < MAX_FAILURES {
        return None;
    }
    // Unlocked when the oldest failure that still makes up the count leaves the window.
    let until = recent[recent.len() - MAX_FAILURES] + window;
    Some(Duration::from_millis((until - now_ms).max(1000) as u64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_failures_within_the_window_lock_until_the_oldest_leaves_it() {
        let minute = 60_000;
        let now = 100 * minute;
        let four: Vec<i64> = (0..4).map(|i| now - (4 - i) * minute).collect();
        assert_eq!(lockout(&four, now), None);
        let mut five = four.clone();
        five.push(now);
        let wait = lockout(&five, now).unwrap();
        assert_eq!(wait, Duration::from_millis((11 * minute) as u64));
        assert_eq!(lockout(&five, now + 11 * minute + 1), None);
        let old: Vec<i64> = (0..5).map(|i| now - 20 * minute + i).collect();
        assert_eq!(lockout(&old, now), None);
    }

    #[test]
    fn passwords_verify_against_their_hash_only() {
        let mut memory = Vec::new();
        let hash = hash_password("correct horse battery").unwrap();
        assert!(verify_password(
            "correct horse battery",
            Some(&hash),
            &mut memory
        ));
        assert!(!verify_password(
            "correct horse batterz",
            Some(&hash),
            &mut memory
        ));
        assert!(!verify_password(
            "not a password anyone has",
            None,
            &mut memory
        ));
        assert!(!verify_password(
            "correct horse battery",
            Some("$argon2id$v=19$junk"),
            &mut memory
        ));
        // One buffer for every check at the default cost.
        assert_eq!(memory.len(), Params::default().block_count());

        // A hash made at other costs (argon2i, 1 MiB, 2 passes) checks too, in a buffer its size.
        let params = Params::new(1024, 2, 1, None).unwrap();
        let other = Argon2::new(Algorithm::Argon2i, Version::V0x13, params.clone())
            .hash_password(b"tide table", &SaltString::encode_b64(&[7; 16]).unwrap())
            .unwrap()
            .to_string();
        assert!(verify_password("tide table", Some(&other), &mut memory));
        assert!(!verify_password("tide tablE", Some(&other), &mut memory));
        assert_eq!(memory.len(), params.block_count());
    }

    #[test]
    fn tokens_are_random_and_stored_as_their_hash() {
        let (a, hash_a) = new_token().unwrap();
        let (b, _) = new_token().unwrap();
        assert_ne!(a, b);
        assert_eq!(URL_SAFE_NO_PAD.decode(&a).unwrap().len(), 32);
        assert_eq!(hash_a, token_hash(&a));
        assert_ne!(hash_a, a);
    }
}
