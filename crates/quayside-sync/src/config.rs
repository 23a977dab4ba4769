//! Signing in and out: which server this device syncs to, its token and account, and the
//! certificates it trusts for that server. Kept in the store's `settings` (not evidence).

use std::sync::{Arc, Mutex};

use base64::Engine;
use ed25519_dalek::Signer;
use quayside_protocol::{
    enrollment_message, wipe_confirmation_message, Account, EnrollRequest, EnrollResponse,
    ErrorCode, PersonRequest, WipeConfirmation,
};
use quayside_store::Store;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::SyncError;
use crate::evidence::{
    key_changed, server_changed, ALERT_SERVER_CHANGED, ALERT_SERVER_KEY_CHANGED,
};
use crate::http::{server_address, Http, Remote, Transport, Trust};
use crate::settings::{
    lock, setting, ACCOUNT, ACKED, CA_FILE, CURSOR, EPOCH, PENDING_REVOCATION, REVOKED, SERVER,
    SUMMARY_CURSOR, TLS_KEY, TOKEN,
};

/// The certificates this device trusts for the sync server.
pub fn trust(store: &Store) -> Result<Trust, SyncError> {
    let dir = store.path().parent().unwrap_or(store.path());
    let path = dir.join(CA_FILE);
    match trust_file(&path)? {
        None => Ok(Trust::System),
        Some(pem) => trust_of(&path, &pem),
    }
}

/// The trust file's text, None when there is none.
fn trust_file(path: &std::path::Path) -> Result<Option<Vec<u8>>, SyncError> {
    match std::fs::read(path) {
        Ok(pem) => Ok(Some(pem)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(SyncError::Setup(format!(
            "{} cannot be read ({e}): fix its permissions or remove it to trust the system's certificates",
            path.display()
        ))),
    }
}

fn trust_of(path: &std::path::Path, pem: &[u8]) -> Result<Trust, SyncError> {
    let certs: Vec<_> = ureq::tls::parse_pem(pem)
        .filter_map(|item| match item {
            Ok(ureq::tls::PemItem::Certificate(cert)) => Some(cert.to_owned()),
            _ => None,
        })
        .collect();
    if certs.is_empty() {
        return Err(SyncError::Setup(format!(
            "{} holds no PEM certificate: put the CA certificate of the sync server there, or remove the file",
            path.display()
        )));
    }
    Ok(Trust::Only(certs))
}

/// A device signed in to a server.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub server: String,
    pub token: String,
    pub account: Account,
}

pub fn signed_in(store: &Store) -> Result<Option<SignedIn>, SyncError> {
    let (Some(server), Some(token), Some(account)) = (
        setting(store, SERVER)?,
        setting(store, TOKEN)?,
        setting(store, ACCOUNT)?,
    ) else {
        return Ok(None);
    };
    let account = serde_json::from_str(&account).map_err(|e| SyncError::Protocol(e.to_string()))?;
    Ok(Some(SignedIn {
        server,
        token,
        account,
    }))
}

/// The server address last used, kept after signing out so the form can offer it again.
pub fn last_server(store: &Store) -> Result<Option<String>, SyncError> {
    setting(store, SERVER)
}

pub(crate) fn save_account(store: &Store, account: &Account) -> Result<(), SyncError> {
    let json = serde_json::to_string(account).expect("accounts always serialize");
    store.set_setting(ACCOUNT, &json)?;
    Ok(())
}

/// Enroll this device with the server using a person's credentials, and keep the token and the
/// server's key (pinned: a later sync refuses a server that signs with another). Network first,
/// then one local write: a failed sign-in changes nothing here.
///
/// `server` without a scheme means `https://`; plain `http://` is refused but on loopback. Over
/// HTTPS the server's TLS key is pinned too (`sync.tls_key`); signing in again to the same address
/// must present the same key while it is pinned (signing out lets the next sign-in pin anew).
pub fn sign_in(
    store: &Mutex<Store>,
    server: &str,
    username: &str,
    password: &str,
    device_name: &str,
) -> Result<Account, SyncError> {
    let base = server_address(server)?;
    let (trust, pinned) = {
        let store = lock(store);
        let pinned = match setting(&store, SERVER)? {
            Some(known) if known == base => setting(&store, TLS_KEY)?,
            _ => None,
        };
        (trust(&store)?, pinned)
    };
    let transport = Arc::new(Http::pinned(&trust, pinned));
    sign_in_over(store, transport, &base, username, password, device_name)
}

/// The same over another transport.
pub fn sign_in_over(
    store: &Mutex<Store>,
    transport: Arc<dyn Transport>,
    server: &str,
    username: &str,
    password: &str,
    device_name: &str,
) -> Result<Account, SyncError> {
    let request = {
        let store = lock(store);
        let device = store.device();
        let proof = device
            .key
            .sign(&enrollment_message(username, device.id))
            .to_bytes();
        EnrollRequest {
            proof: base64::engine::general_purpose::STANDARD.encode(proof),
            username: username.trim().to_string(),
            password: password.to_string(),
            device_id: device.id,
            public_key: hex::encode(device.key.verifying_key().to_bytes()),
            device_name: device_name.trim().to_string(),
        }
    };
    let server = server_address(server)?;
    let remote = Remote::over(&server, None, transport.clone());
    let response: EnrollResponse = match remote.post("/devices", &request) {
        Ok(response) => response,
        Err(e @ SyncError::Revoked(_)) => {
            lock(store).set_setting(REVOKED, "1")?;
            return Err(e);
        }
        Err(e) => return Err(e),
    };
    let store = lock(store);
    let seen = response.server_key.trim().to_ascii_lowercase();
    let previous_server = setting(&store, SERVER)?;
    if previous_server.as_deref() != Some(remote.base()) {
        // Another address: its log, epoch, acknowledgements and key are not the old one's. Moving
        // to another server is no tampering, but an address can be spelt many ways (a name, its
        // IP, another port of one proxy), so a key other than the pinned one is kept as a notice
        // naming both addresses and keys, before it is pinned.
        if let Some(expected) = store.server_key()?.filter(|k| *k != seen) {
            store.record_log_alert(
                ALERT_SERVER_CHANGED,
                &server_changed(previous_server.as_deref(), &expected, remote.base(), &seen),
            )?;
        }
        for key in [EPOCH, CURSOR, ACKED] {
            store.set_setting(key, "")?;
        }
        store.forget_photo_uploads()?;
        store.pin_server_key(&seen)?;
    } else {
        match store.server_key()? {
            None => store.pin_server_key(&seen)?,
            Some(expected) if expected == seen => {}
            // The same address, another key: signing in again must not be a way around the pin.
            Some(expected) => {
                let error = key_changed(&seen, &expected);
                store.record_log_alert(ALERT_SERVER_KEY_CHANGED, &error.to_string())?;
                return Err(error);
            }
        }
    }
    store.set_setting(SERVER, remote.base())?;
    store.set_setting(TOKEN, &response.token)?;
    store.set_setting(TLS_KEY, &transport.tls_key().unwrap_or_default())?;
    save_account(&store, &response.account)?;
    // Enrolling again replaced this device's earlier token on that server: nothing to revoke.
    if pending(&store)?.is_some_and(|p| p.server == remote.base()) {
        store.set_setting(PENDING_REVOCATION, "")?;
    }
    Ok(response.account)
}

/// Another person signs in on this enrolled device with their own account
/// (`POST /v1/devices/people`): the server checks the password and from then on judges events
/// naming their user name as author by their account. The device's token, server and pins stay.
/// The store's lock is not held while the server is asked.
pub fn sign_in_person(
    store: &Mutex<Store>,
    username: &str,
    password: &str,
) -> Result<Account, SyncError> {
    let remote = signed_in_remote(store)?;
    let request = PersonRequest {
        username: username.trim().to_string(),
        password: password.to_string(),
    };
    match remote.post("/devices/people", &request) {
        Err(e @ SyncError::Revoked(_)) => {
            lock(store).set_setting(REVOKED, "1")?;
            Err(e)
        }
        answer => answer,
    }
}

/// The server this device is signed in to, with its token, over the pinned TLS key: for a
/// request besides a sync. Not signed in: `NotSignedIn`.
pub(crate) fn signed_in_remote(store: &Mutex<Store>) -> Result<Remote, SyncError> {
    let (signed_in, trust, tls_key) = {
        let store = lock(store);
        (
            signed_in(&store)?,
            trust(&store)?,
            setting(&store, TLS_KEY)?,
        )
    };
    let Some(SignedIn { server, token, .. }) = signed_in else {
        return Err(SyncError::NotSignedIn);
    };
    // Signed in before plain HTTP was refused off loopback: no token goes there in clear.
    let server = server_address(&server)?;
    let transport = Arc::new(Http::pinned(&trust, tls_key));
    Ok(Remote::over(&server, Some(token), transport))
}

/// A signed-out token the server has not revoked yet (it could not be reached), kept only to
/// revoke it: never used to sync. The TLS key is the one pinned when it was signed out.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct PendingRevocation {
    server: String,
    token: String,
    tls_key: Option<String>,
}

fn pending(store: &Store) -> Result<Option<PendingRevocation>, SyncError> {
    Ok(setting(store, PENDING_REVOCATION)?.and_then(|json| serde_json::from_str(&json).ok()))
}

/// Sign out: forget the token, the account and the TLS pin here at once, and ask the server to
/// revoke the token (`POST /v1/sign-out`). True when the server revoked it (or no longer knew it);
/// false when it could not be reached: the revocation stays pending ([`revocation_pending`]) and
/// each later sync tries it again first. Events and photos stay; they wait for the next sign-in.
/// The store's lock is not held while the server is asked.
pub fn sign_out(store: &Mutex<Store>) -> Result<bool, SyncError> {
    let trust = {
        let store = lock(store);
        let signed_in = signed_in(&store)?;
        let tls_key = setting(&store, TLS_KEY)?;
        store.set_setting(TOKEN, "")?;
        store.set_setting(ACCOUNT, "")?;
        store.set_setting(TLS_KEY, "")?;
        // Other ports' summaries were the account's to read, not the device's to keep.
        store.forget_port_summaries()?;
        store.set_setting(SUMMARY_CURSOR, "")?;
        match signed_in {
            Some(SignedIn { server, token, .. }) => {
                let pending = PendingRevocation {
                    server,
                    token,
                    tls_key,
                };
                let json = serde_json::to_string(&pending).expect("plain strings serialize");
                store.set_setting(PENDING_REVOCATION, &json)?;
            }
            None if pending(&store)?.is_none() => return Ok(true),
            None => {}
        }
        trust(&store)
    };
    match trust {
        Ok(trust) => retry_revocation(store, &trust),
        // The trust file is broken: the revocation waits until it is fixed.
        Err(_) => Ok(false),
    }
}

/// Ask the server to revoke a signed-out token, if one is pending. True when none is pending any
/// more. A server that no longer knows the token (revoked, replaced by a new enrollment) counts as
/// done; anything else (offline, a TLS key other than the pinned one) leaves it pending.
pub(crate) fn retry_revocation(store: &Mutex<Store>, trust: &Trust) -> Result<bool, SyncError> {
    let Some(waiting) = pending(&lock(store))? else {
        return Ok(true);
    };
    let transport = Arc::new(Http::pinned(trust, waiting.tls_key.clone()));
    let remote = Remote::over(&waiting.server, Some(waiting.token.clone()), transport);
    let done = match remote.post_empty("/sign-out") {
        Ok(()) => true,
        Err(SyncError::Rejected {
            code: ErrorCode::Unauthorized,
            ..
        })
        | Err(SyncError::Revoked(_)) => true,
        Err(_) => false,
    };
    if done {
        let store = lock(store);
        // Only the revocation just made: a sign-out meanwhile keeps its own.
        if pending(&store)?.is_some_and(|p| p.token == waiting.token) {
            store.set_setting(PENDING_REVOCATION, "")?;
        }
    }
    Ok(done)
}

/// A sign-out whose token the server has not revoked yet (it could not be reached).
pub fn revocation_pending(store: &Store) -> Result<bool, SyncError> {
    Ok(pending(store)?.is_some())
}

/// The server said this device was revoked: it syncs no more, and the app destroys its keys
/// (then confirms it with [`confirm_wipe`]).
pub fn revoked(store: &Store) -> bool {
    matches!(setting(store, REVOKED), Ok(Some(v)) if v == "1")
}

/// A wipe confirmation signed while the device's key still exists, with what it takes to send it
/// after the keys are gone: the server's address, its pinned TLS key and the trust file's text.
/// The app keeps it (outside what it destroys) until [`confirm_wipe`] succeeds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreparedWipe {
    pub server: String,
    pub device_id: Uuid,
    pub tls_key: Option<String>,
    /// `server-ca.pem` as it was, when there was one.
    pub ca_pem: Option<String>,
    pub confirmation: WipeConfirmation,
}

/// Sign this device's wipe confirmation, before its keys are destroyed. Setup error when the
/// device knows no server.
pub fn prepare_wipe(store: &Store, confirmed_at: &str) -> Result<PreparedWipe, SyncError> {
    let server = setting(store, SERVER)?
        .or_else(|| pending(store).ok().flatten().map(|p| p.server))
        .ok_or_else(|| {
            SyncError::Setup("This device knows no sync server to confirm its wipe to.".into())
        })?;
    let tls_key =
        setting(store, TLS_KEY)?.or_else(|| pending(store).ok().flatten().and_then(|p| p.tls_key));
    let dir = store.path().parent().unwrap_or(store.path());
    let ca_pem =
        trust_file(&dir.join(CA_FILE))?.map(|pem| String::from_utf8_lossy(&pem).into_owned());
    let device = store.device();
    let signature = device
        .key
        .sign(&wipe_confirmation_message(device.id, confirmed_at))
        .to_bytes();
    Ok(PreparedWipe {
        server,
        device_id: device.id,
        tls_key,
        ca_pem,
        confirmation: WipeConfirmation {
            confirmed_at: confirmed_at.to_string(),
            signature: base64::engine::general_purpose::STANDARD.encode(signature),
        },
    })
}

/// Tell the server this revoked device destroyed its keys
/// (`POST /v1/devices/{id}/wipe-confirmation`, authenticated by the device's signature). Needs no
/// store: the keys are gone by now.
pub fn confirm_wipe(prepared: &PreparedWipe) -> Result<(), SyncError> {
    let trust = match &prepared.ca_pem {
        Some(pem) => trust_of(std::path::Path::new(CA_FILE), pem.as_bytes())?,
        None => Trust::System,
    };
    confirm_wipe_over(
        prepared,
        Arc::new(Http::pinned(&trust, prepared.tls_key.clone())),
    )
}

/// The same over another transport.
pub fn confirm_wipe_over(
    prepared: &PreparedWipe,
    transport: Arc<dyn Transport>,
) -> Result<(), SyncError> {
    let remote = Remote::over(&server_address(&prepared.server)?, None, transport);
    let body = serde_json::to_vec(&prepared.confirmation).expect("strings serialize");
    remote.post_bytes_empty(
        &format!("/devices/{}/wipe-confirmation", prepared.device_id),
        &body,
    )
}
