//! Where this device syncs to and how far it got, kept in the store's `settings` (not evidence).

use base64::Engine;
use ed25519_dalek::Signer;
use quayside_protocol::{enrollment_message, Account, EnrollRequest, EnrollResponse};
use quayside_store::Store;

use crate::error::SyncError;
use crate::http::{Http, Remote, Transport, Trust};

const SERVER: &str = "sync.server";
const TOKEN: &str = "sync.token";
const ACCOUNT: &str = "sync.account";
pub(crate) const EPOCH: &str = "sync.epoch";
pub(crate) const CURSOR: &str = "sync.cursor";
pub(crate) const ACKED: &str = "sync.acked_seq";
pub(crate) const LAST_SYNCED: &str = "sync.last_synced_at";
/// "EPOCH SEQ": every event of the log up to local sequence SEQ that the server should hold has a
/// proof against a checkpoint of EPOCH, so the search for events without one starts after it.
pub(crate) const PROVEN_THROUGH: &str = "sync.proven_through";

/// The epoch a signed checkpoint named when it disagreed with the epoch its sync was told: kept
/// until a checkpoint agrees, so a second disagreement in a row is an alert and the first is not.
pub(crate) const EPOCH_CHANGED: &str = "sync.epoch_changed";

/// A PEM file of CA certificates in the data folder: when present, the server's certificate must
/// chain to one of them (an organisation's own CA), instead of the operating system's store.
pub const CA_FILE: &str = "server-ca.pem";

/// The certificates this device trusts for the sync server.
pub fn trust(store: &Store) -> Result<Trust, SyncError> {
    let dir = store.path().parent().unwrap_or(store.path());
    let path = dir.join(CA_FILE);
    let pem = match std::fs::read(&path) {
        Ok(pem) => pem,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Trust::System),
        Err(e) => {
            return Err(SyncError::Setup(format!(
                "{} cannot be read ({e}): fix its permissions or remove it to trust the system's certificates",
                path.display()
            )))
        }
    };
    let certs: Vec<_> = ureq::tls::parse_pem(&pem)
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

pub fn setting(store: &Store, key: &str) -> Result<Option<String>, SyncError> {
    Ok(store.setting(key)?.filter(|v| !v.is_empty()))
}

pub(crate) fn save_account(store: &Store, account: &Account) -> Result<(), SyncError> {
    let json = serde_json::to_string(account).expect("accounts always serialize");
    store.set_setting(ACCOUNT, &json)?;
    Ok(())
}

/// Enroll this device with the server using a person's credentials, and keep the token and the
/// server's key (pinned: a later sync refuses a server that signs with another). Network first,
/// then one local write: a failed sign-in changes nothing here.
pub fn sign_in(
    store: &std::sync::Mutex<Store>,
    server: &str,
    username: &str,
    password: &str,
    device_name: &str,
) -> Result<Account, SyncError> {
    let trust = trust(&lock(store))?;
    let transport = std::sync::Arc::new(Http::new(&trust));
    sign_in_over(store, transport, server, username, password, device_name)
}

/// The same over another transport.
pub fn sign_in_over(
    store: &std::sync::Mutex<Store>,
    transport: std::sync::Arc<dyn Transport>,
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
    let remote = Remote::over(server, None, transport);
    let response: EnrollResponse = remote.post("/devices", &request)?;
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
                crate::evidence::ALERT_SERVER_CHANGED,
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
                let error = crate::evidence::key_changed(&seen, &expected);
                store.record_log_alert(
                    crate::evidence::ALERT_SERVER_KEY_CHANGED,
                    &error.to_string(),
                )?;
                return Err(error);
            }
        }
    }
    store.set_setting(SERVER, remote.base())?;
    store.set_setting(TOKEN, &response.token)?;
    save_account(&store, &response.account)?;
    Ok(response.account)
}

/// The notice for a sign-in to another address whose server signs with another key than the
/// pinned one (`seen` empty: it signs nothing).
fn server_changed(before: Option<&str>, expected: &str, now: &str, seen: &str) -> String {
    let seen = if seen.is_empty() {
        "none: it signs nothing".to_string()
    } else {
        crate::evidence::fingerprint(seen)
    };
    format!(
        "This device moved to the sync server at {now} (key {seen}) from the one at {} (key {}). \
         Receipts, proofs and enrollments from the earlier server stay as they were; from now on \
         the new key is pinned. If {now} is the same server under another address, its key \
         changed: ask an admin to check the server's key.",
        before.unwrap_or("an earlier sign-in"),
        crate::evidence::fingerprint(expected),
    )
}

/// Forget the token. Events and photos stay; they wait for the next sign-in.
pub fn sign_out(store: &Store) -> Result<(), SyncError> {
    store.set_setting(TOKEN, "")?;
    store.set_setting(ACCOUNT, "")?;
    Ok(())
}

pub(crate) fn lock(store: &std::sync::Mutex<Store>) -> std::sync::MutexGuard<'_, Store> {
    // Transactions roll back on panic, so a poisoned store is still consistent.
    store.lock().unwrap_or_else(|p| p.into_inner())
}
