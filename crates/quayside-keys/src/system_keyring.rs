//! The operating system's keyring (Secret Service on Linux, the Keychain on macOS, Credential
//! Manager on Windows), where a person may keep the secret of their keyring slot so the app opens
//! after their system login without typing. Entries are under the service `Quayside`, each named
//! by a random id: the keyring learns no name. Nothing here is needed to open a device: without a
//! keyring (no session bus, no Secret Service) the passphrase does everything.

use uuid::Uuid;
use zeroize::Zeroizing;

const SERVICE: &str = "Quayside";

#[derive(Debug, thiserror::Error)]
pub enum KeyringError {
    /// No keyring on this system, or it refused (locked and the prompt cancelled).
    #[error("the system keyring cannot be used: {0}")]
    Unavailable(String),
    /// The keyring holds no secret under this entry (another system user, or it was removed).
    #[error("the system keyring holds no key of this device")]
    Missing,
}

fn entry(id: Uuid) -> Result<keyring::Entry, KeyringError> {
    keyring::Entry::new(SERVICE, &id.to_string())
        .map_err(|e| KeyringError::Unavailable(e.to_string()))
}

fn failure(e: keyring::Error) -> KeyringError {
    match e {
        keyring::Error::NoEntry => KeyringError::Missing,
        other => KeyringError::Unavailable(other.to_string()),
    }
}

/// Whether this system has a keyring the app can use: asking for an entry nobody made answers
/// "no such entry" from a working keyring, an error from a missing one.
pub fn available() -> bool {
    match entry(Uuid::nil()).and_then(|e| e.get_secret().map_err(failure)) {
        Ok(_) | Err(KeyringError::Missing) => true,
        Err(KeyringError::Unavailable(_)) => false,
    }
}

pub fn store(id: Uuid, secret: &[u8; 32]) -> Result<(), KeyringError> {
    entry(id)?.set_secret(secret).map_err(failure)
}

pub fn read(id: Uuid) -> Result<Zeroizing<[u8; 32]>, KeyringError> {
    let bytes = Zeroizing::new(entry(id)?.get_secret().map_err(failure)?);
    let mut secret = Zeroizing::new([0u8; 32]);
    if bytes.len() != 32 {
        return Err(KeyringError::Missing);
    }
    secret.copy_from_slice(&bytes);
    Ok(secret)
}

/// Remove the entry; one already gone is fine.
pub fn delete(id: Uuid) -> Result<(), KeyringError> {
    match entry(id)?.delete_credential().map_err(failure) {
        Ok(()) | Err(KeyringError::Missing) => Ok(()),
        Err(e) => Err(e),
    }
}

/// A fresh secret for a keyring slot.
pub fn new_secret() -> Zeroizing<[u8; 32]> {
    Zeroizing::new(crate::key_slots::random::<32>())
}
