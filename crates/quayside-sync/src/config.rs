//! Signing in and out: which server this device syncs to, its token and account, and the
//! certificates it trusts for that server. Kept in the store's `settings` (not evidence).

use base64::Engine;
use ed25519_dalek::Signer;
use quayside_protocol::{enrollment_message, Account, EnrollRequest, EnrollResponse};
use quayside_store::Store;

use crate::error::SyncError;
use crate::evidence::{
    key_changed, server_changed, ALERT_SERVER_CHANGED, ALERT_SERVER_KEY_CHANGED,
};
use crate::http::{Http, Remote, Transport, Trust};
use crate::settings::{lock, setting, ACCOUNT, ACKED, CA_FILE, CURSOR, EPOCH, SERVER, TOKEN};

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
    save_account(&store, &response.account)?;
    Ok(response.account)
}

/// Forget the token. Events and photos stay; they wait for the next sign-in.
pub fn sign_out(store: &Store) -> Result<(), SyncError> {
    store.set_setting(TOKEN, "")?;
    store.set_setting(ACCOUNT, "")?;
    Ok(())
}
