//! Opening the app with the system login: one person may keep a key to this device in the
//! operating system's keyring (opt-in, after typing their passphrase), so the app opens after they
//! log in to the system without typing. Only at start: once the app has been unlocked, a lock
//! (idle, on demand, to switch person) asks for a passphrase again, so walking away from an open
//! system session still locks Quayside. Anyone who can use that system login can open the app as
//! that person: it is for a device one person uses, and is off by default.

use std::sync::OnceLock;

use quayside_i18n::Message;
use quayside_keys::system_keyring;
use serde::Deserialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::args::NoArgs;
use crate::error::{ApiError, ErrorCode};
use crate::session::{key_error, LockState};
use crate::Api;

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SystemLoginArgs {
    /// On: the signed-in person's passphrase, typed again (someone at an unlocked laptop must not
    /// make it open without one). Off: not needed.
    pub enabled: bool,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub passphrase: Option<String>,
}

/// What the lock state says of the system login.
pub(crate) struct SystemLoginState {
    pub available: bool,
    pub unlock: bool,
    pub yours: bool,
}

/// Whether the system has a keyring: asked once a run (a D-Bus round trip, and a system without
/// one answers the same all day).
fn available() -> bool {
    static AVAILABLE: OnceLock<bool> = OnceLock::new();
    *AVAILABLE.get_or_init(system_keyring::available)
}

fn keyring_error(e: system_keyring::KeyringError) -> ApiError {
    let key = match e {
        system_keyring::KeyringError::Unavailable(_) => "error.system_login_unavailable",
        system_keyring::KeyringError::Missing => "error.system_login_missing",
    };
    ApiError::new(ErrorCode::StorageUnavailable, Message::new(key))
}

impl Api {
    /// The keyring is probed only where its answer is shown: to someone unlocked (Device
    /// settings), or at a lock screen that could offer it.
    pub(crate) fn system_login_state(&self, person: Option<Uuid>) -> SystemLoginState {
        let chosen = self
            .session()
            .slots_mut()
            .and_then(|s| s.keyring().map(|k| k.person));
        let at_start = chosen.is_some() && self.opened.get().is_none();
        let available = (person.is_some() || at_start) && available();
        SystemLoginState {
            available,
            unlock: at_start && available,
            yours: chosen.is_some() && chosen == person,
        }
    }

    /// Open with the key the system keyring holds for this device (the lock screen's button).
    pub(crate) fn unlock_with_system_login(&self, _: NoArgs) -> Result<LockState, ApiError> {
        if self.opened.get().is_some() {
            return Err(ApiError::new(
                ErrorCode::NotAllowed,
                Message::new("error.system_login_after_start"),
            ));
        }
        let entry = {
            let mut session = self.session();
            let slots = session.slots_mut().ok_or_else(|| {
                ApiError::new(ErrorCode::NotAllowed, Message::new("error.not_set_up"))
            })?;
            slots.keyring().map(|k| k.entry).ok_or_else(|| {
                ApiError::new(
                    ErrorCode::NotAllowed,
                    Message::new("error.system_login_off"),
                )
            })?
        };
        let secret = system_keyring::read(entry).map_err(keyring_error)?;
        let (person, key) = {
            let mut session = self.session();
            let slots = session.slots_mut().expect("checked above");
            slots
                .unlock_with_keyring(&secret)
                .ok_or_else(|| keyring_error(system_keyring::KeyringError::Missing))?
        };
        self.open_store(&key)?;
        self.sign_in_person(person)?;
        self.lock_state(NoArgs {})
    }

    /// Turn opening with the system login on or off for the signed-in person. On replaces whoever
    /// had it before; off removes the key from the keyring as well.
    pub(crate) fn set_system_login(&self, args: SystemLoginArgs) -> Result<LockState, ApiError> {
        let person = self.person()?;
        if !args.enabled {
            self.forget_system_login();
            let mut session = self.session();
            if let Some(slots) = session.slots_mut() {
                slots.clear_keyring().map_err(key_error)?;
            }
            drop(session);
            return self.lock_state(NoArgs {});
        }
        if !available() {
            return Err(keyring_error(system_keyring::KeyringError::Unavailable(
                String::new(),
            )));
        }
        let key = self.confirm_passphrase(person.id, &args.passphrase.unwrap_or_default())?;
        self.forget_system_login();
        let secret = system_keyring::new_secret();
        let slot = {
            let mut session = self.session();
            let slots = session.slots_mut().expect("unlocked, so set up");
            slots
                .set_keyring(&key, person.id, &secret)
                .map_err(key_error)?
        };
        if let Err(e) = system_keyring::store(slot.entry, &secret) {
            // Not kept: the slot would wrap the key under a secret nobody holds.
            let mut session = self.session();
            if let Some(slots) = session.slots_mut() {
                slots.clear_keyring().map_err(key_error)?;
            }
            return Err(keyring_error(e));
        }
        self.lock_state(NoArgs {})
    }

    /// Remove this device's key from the system keyring, if it put one there (best effort: a
    /// wipe goes on without a keyring; the key left there wraps nothing once keys.json is gone).
    pub(crate) fn forget_system_login(&self) {
        let entry = self
            .session()
            .slots_mut()
            .and_then(|s| s.keyring().map(|k| k.entry));
        if let Some(entry) = entry {
            let _ = system_keyring::delete(entry);
        }
    }
}
