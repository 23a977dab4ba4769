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

/// Failed sign-ins of one user name from one client, within `FAILURE_WINDOW`, after which that
/// client waits before its next try: `FIRST_DELAY`, doubled at each further failure, at most
/// `MAX_DELAY`. Other clients, and a device already enrolled to the account, are not held up.
pub const MAX_FAILURES: usize = 5;
/// Long enough for the doubling to reach `MAX_DELAY` and stay there: about a hundred guesses a
/// day from one client.
pub const FAILURE_WINDOW: Duration = Duration::from_secs(24 * 60 * 60);
pub const FIRST_DELAY: Duration = Duration::from_secs(30);
pub const MAX_DELAY: Duration = Duration::from_secs(15 * 60);
/// Failures kept per user name and client: enough to reach `MAX_DELAY`, so one client cannot
/// grow the table without bound.
pub const MAX_KEPT_FAILURES: usize = 16;
/// A device's token expires after this long unused (`serve --token-idle-days`); each use
/// renews it, so a device that syncs keeps working and a lost one's token dies on its own.
pub const TOKEN_IDLE_LIFETIME: Duration = Duration::from_secs(90 * 24 * 60 * 60);

/// Shortest password `user add` takes.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// Longest user name `user add` takes.
pub const MAX_USERNAME_CHARS: usize = 64;

/// The enrolled device a request comes from, its user, and the other people working on it.
#[derive(Debug, Clone)]
pub struct Caller {
    pub device_id: Uuid,
    pub public_key: [u8; 32],
    pub head_seq: u64,
    pub head_hash: String,
    /// The user who enrolled the device: whose token it is.
    pub account: Account,
    /// The other accounts that signed in on the device to work there; a revoked one with when.
    pub people: Vec<(Account, Option<String>)>,
    /// SHA-256 (hex) of the bearer token this request came with (what `POST /v1/sign-out` revokes).
    pub token_hash: String,
}

impl Caller {
    /// The device's own user is an admin (admin routes answer only them).
    pub fn is_admin(&self) -> bool {
        self.account.role == Role::Admin
    }

    /// The accounts of everyone working on the device, revoked ones left out.
    fn active(&self) -> impl Iterator<Item = &Account> {
        std::iter::once(&self.account).chain(
            self.people
                .iter()
                .filter(|(_, revoked)| revoked.is_none())
                .map(|(account, _)| account),
        )
    }

    fn sees_every_port(&self) -> bool {
        self.active().any(|a| a.role == Role::Admin)
    }

    /// Ports whose cases this device sees: every one its people work; None: all (an admin).
    pub fn visible_ports(&self) -> Option<Vec<String>> {
        if self.sees_every_port() {
            return None;
        }
        let mut ports: Vec<String> = self.active().flat_map(|a| a.ports.clone()).collect();
        ports.sort();
        ports.dedup();
        Some(ports)
    }

    pub fn sees_any(&self, ports: &[String]) -> bool {
        self.sees_every_port()
            || self
                .active()
                .any(|a| ports.iter().any(|p| a.ports.contains(p)))
    }

    /// Whose rights judge each event this device pushes.
    pub fn rights(&self) -> crate::push::DeviceRights {
        fn of(account: &Account) -> crate::push::Rights {
            crate::push::Rights {
                role: account.role,
                ports: (account.role != Role::Admin).then(|| account.ports.clone()),
            }
        }
        crate::push::DeviceRights {
            user: of(&self.account),
            people: self
                .people
                .iter()
                .map(|(account, revoked)| {
                    let rights = match revoked {
                        None => Ok(of(account)),
                        Some(at) => Err(at.clone()),
                    };
                    (account.username.clone(), rights)
                })
                .collect(),
        }
    }
}

/// The client's network address, when the request came over a socket (an in-process test's has
/// none). Behind a reverse proxy this is the proxy's.
pub struct ClientAddress(pub Option<std::net::IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddress(
            parts
                .extensions
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|info| info.0.ip().to_canonical()),
        ))
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
        let now_ms = crate::unix_ms();
        let lifetime = state.token_idle_lifetime.as_millis() as i64;
        if let Some(used) = holder.token_used_ms {
            if now_ms - used > lifetime {
                return Err(ApiError::unauthorized(format!(
                    "this device's sign-in expired: it was not used for {}; sign in again",
                    idle_text(state.token_idle_lifetime)
                )));
            }
        }
        // Renewed at most every hundredth of the lifetime (an hour at most): not a write a request.
        let stale = lifetime.div_euclid(100).clamp(1, 3_600_000);
        if holder
            .token_used_ms
            .is_none_or(|used| now_ms - used >= stale)
        {
            state.store.touch_token(&hash, now_ms).await?;
        }
        Ok(Caller {
            device_id: holder.device.id,
            public_key: holder.device.public_key,
            head_seq: holder.device.head_seq,
            head_hash: holder.device.head_hash.clone(),
            account: holder.user.account(),
            people: holder
                .people
                .iter()
                .map(|person| (person.account(), person.revoked_at.clone()))
                .collect(),
            token_hash: hash,
        })
    }
}

/// A lifetime as an operator set it: whole days, else seconds.
fn idle_text(lifetime: Duration) -> String {
    let seconds = lifetime.as_secs();
    if seconds >= 86_400 && seconds.is_multiple_of(86_400) {
        format!("{} days", seconds / 86_400)
    } else {
        format!("{seconds} seconds")
    }
}

/// A role as people and the protocol write it.
pub fn role_name(role: Role) -> &'static str {
    match role {
        Role::Inspector => "inspector",
        Role::Supervisor => "supervisor",
        Role::Admin => "admin",
        Role::Analyst => "analyst",
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

/// How long a client waits before its next sign-in for a user name, given its failed sign-ins
/// for it (unix ms, ascending): none below `MAX_FAILURES` within the window; then `FIRST_DELAY`
/// after the latest, doubling with each failure past the fifth, up to `MAX_DELAY`.
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
    let doublings = (recent.len() - MAX_FAILURES).min(16) as u32;
    let delay = FIRST_DELAY.saturating_mul(1 << doublings).min(MAX_DELAY);
    let until = recent[recent.len() - 1] + delay.as_millis() as i64;
    (until > now_ms).then(|| Duration::from_millis((until - now_ms).max(1000) as u64))
}

/// Who a failed sign-in is counted against: a device already enrolled to the account by its own
/// id (so no one else's failures hold it up), anyone else by their network address; an IPv6
/// address by its /64, which one machine can have whole.
pub fn failure_client(enrolled_device: Option<Uuid>, address: Option<std::net::IpAddr>) -> String {
    match (enrolled_device, address.map(client_network)) {
        (Some(device), _) => format!("device {device}"),
        (None, Some(network @ std::net::IpAddr::V6(_))) => format!("{network}/64"),
        (None, Some(v4)) => v4.to_string(),
        (None, None) => "unknown".to_string(),
    }
}

/// The network a client is counted by: an IPv4 address as it is, an IPv6 address by its /64,
/// which one machine can have whole.
pub fn client_network(address: std::net::IpAddr) -> std::net::IpAddr {
    match address {
        std::net::IpAddr::V6(v6) => {
            std::net::IpAddr::V6((u128::from(v6) & !((1u128 << 64) - 1)).into())
        }
        v4 => v4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_failures_make_a_client_wait_and_each_further_one_doubles_the_wait() {
        let second = 1_000;
        let minute = 60 * second;
        let now = 100 * minute;
        let four: Vec<i64> = (0..4).map(|i| now - (4 - i) * second).collect();
        assert_eq!(lockout(&four, now), None);
        let mut failures = four.clone();
        failures.push(now);
        assert_eq!(lockout(&failures, now), Some(FIRST_DELAY));
        assert_eq!(
            lockout(&failures, now + 30 * second),
            None,
            "the wait is over"
        );
        // Each failure after the wait doubles the next one: 60 s, 120 s, ... at most 15 minutes.
        let mut at = now;
        for expected in [60, 120, 240, 480, 900, 900] {
            at += lockout(&failures, at).map_or(0, |d| d.as_millis() as i64);
            failures.push(at);
            assert_eq!(
                lockout(&failures, at),
                Some(Duration::from_secs(expected)),
                "after {} failures",
                failures.len()
            );
        }
        // Failures older than the window count no more.
        let old: Vec<i64> = (0..5).map(|i| now - 25 * 60 * minute + i).collect();
        assert_eq!(lockout(&old, now), None);
    }

    #[test]
    fn an_enrolled_device_is_counted_by_its_id_anyone_else_by_address() {
        let device = Uuid::from_u128(7);
        let address: std::net::IpAddr = "192.0.2.7".parse().unwrap();
        assert_eq!(
            failure_client(Some(device), Some(address)),
            format!("device {device}")
        );
        assert_eq!(failure_client(None, Some(address)), "192.0.2.7");
        let a: std::net::IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: std::net::IpAddr = "2001:db8:1:2:bbbb::9".parse().unwrap();
        assert_eq!(failure_client(None, Some(a)), "2001:db8:1:2::/64");
        assert_eq!(failure_client(None, Some(a)), failure_client(None, Some(b)));
        assert_eq!(failure_client(None, None), "unknown");
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
