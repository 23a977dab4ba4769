//! Who may use the app now: first-run set-up, unlock with a passphrase or the recovery key, lock
//! (on demand, on switching person, after an idle time), and wiping the device. Every command
//! passes `Api::gate` first: only the commands in `OPEN_WHEN_LOCKED` run before a person has
//! unlocked, so a found laptop answers nothing but the lock screen's questions.
//!
//! The first unlock opens the encrypted store and the sealed vault for the rest of the process;
//! locking signs the person out but keeps them open, so sync goes on and no draft is lost.

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use quayside_domain::event::Role;
use quayside_i18n::{Locale, Message};
use quayside_keys::{DataKey, KeyError, KeySlots};
use quayside_photos::Vault;
use quayside_store::{DatabaseFile, Person, Store, DATABASE_FILE};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::args::{Done, NoArgs};
use crate::awake_time;
use crate::error::{photo_error, ApiError, ErrorCode};
use crate::settings::{IDLE_LOCK_MINUTES, USER_NAME, USER_ROLE};
use crate::types::DisplayChoice;
use crate::{Api, Opened};

/// Commands a locked app answers: the lock screen's, and the catalogue it is worded from.
const OPEN_WHEN_LOCKED: &[&str] = &[
    "lock_state",
    "set_up",
    "unlock",
    "recover",
    "unlock_with_system_login",
    "lock",
    "catalogue",
];
/// Commands the UI polls on its own: they do not count as the person being active.
const PASSIVE: &[&str] = &["sync_status", "lock_state"];

pub const DEFAULT_IDLE_LOCK_MINUTES: u32 = 10;
const MAX_IDLE_LOCK_MINUTES: u32 = 240;
const MAX_NAME_CHARS: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LockPhase {
    /// No data yet: set the device up (first person, passphrase, recovery key).
    New,
    /// Data from a version before encryption: set a passphrase, and it is encrypted.
    EncryptExisting,
    /// Someone must unlock.
    Locked,
    Unlocked,
    /// The data is encrypted but its keys are gone (wiped, or the keys file was lost): it can
    /// only be set up afresh and pulled again from the server.
    Unreadable,
}

/// What the lock screen shows.
#[derive(Debug, Clone, Serialize, TS)]
pub struct LockState {
    pub phase: LockPhase,
    /// The signed-in person's name, when unlocked.
    pub person: Option<String>,
    /// How many people can unlock this device (the lock screen says "switch person" when > 1).
    pub people: u32,
    /// The device is signed in to a sync server: a person added now signs in with their account
    /// there (user name and password), which gives their name and role.
    pub people_from_server: bool,
    /// The signed-in person's account on the sync server, once they have one; on a device signed
    /// in to a server, someone without one is offered to sign in with theirs.
    pub person_account: Option<String>,
    /// This system has a keyring the app can keep a key in (Secret Service, Keychain, ...).
    pub system_login_available: bool,
    /// The lock screen may open with the system login: someone chose it, and the app has not been
    /// unlocked since it started (a lock after that asks for a passphrase).
    pub system_login_unlock: bool,
    /// The signed-in person is the one who opens the app with their system login.
    pub system_login_yours: bool,
    /// The signed-in person set the device up: the recovery key is theirs (it sets a new
    /// passphrase for them), so only they may make a new one.
    pub holds_recovery: bool,
    /// Wrong passphrases were typed: the next try is accepted in this many seconds.
    pub retry_in_seconds: Option<u32>,
    /// The idle-lock setting, in minutes.
    pub idle_lock_minutes: u32,
    /// The idle time in force, in seconds: the setting, or the app's `--idle-lock-seconds`.
    pub idle_lock_seconds: u32,
    /// Why the app locked or what happened to the data (idle time, revoked, wiped), as a keyed
    /// message (`notice.*`).
    pub notice: Option<Message>,
    /// The language to show: the signed-in person's, else the last used here; none chosen yet
    /// when absent (the UI follows the system's).
    pub language: Option<Locale>,
    /// Whether the signed-in person counts years in the Buddhist era (they type and read 2569).
    pub buddhist_era: bool,
    /// How the app is drawn: the signed-in person's choice, else the last one used here.
    pub display: DisplayChoice,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SetUpArgs {
    /// How the first person's name appears in case files.
    pub name: String,
    pub passphrase: String,
    /// The language they chose on the first screen (the system's, unless they changed it).
    #[serde(default)]
    pub language: Option<Locale>,
}

#[derive(Debug, Serialize, TS)]
pub struct SetUpResult {
    /// Shown once: the only way back in besides re-enrolling when every passphrase is forgotten.
    pub recovery_key: String,
    pub state: LockState,
}

/// A recovery key made in place of the one shown at set-up.
#[derive(Debug, Serialize, TS)]
pub struct NewRecoveryKey {
    /// Shown once, as at set-up: the old one no longer works.
    pub recovery_key: String,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct UnlockArgs {
    pub passphrase: String,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RecoverArgs {
    pub recovery_key: String,
    /// The new passphrase of the person who set the device up.
    pub new_passphrase: String,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct AddPersonArgs {
    /// How they appear in case files; on a device signed in to a server, their user name there.
    pub name: String,
    /// What unlocks this device for them.
    pub passphrase: String,
    /// Their password on the sync server: required once this device is signed in to one, whose
    /// account then gives their name and role.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub server_password: Option<String>,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct LinkAccountArgs {
    /// The signed-in person's user name on the sync server this device is signed in to.
    pub username: String,
    pub password: String,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct IdleLockArgs {
    pub minutes: u32,
}

/// The lock's state, behind the `Api`'s mutex.
pub(crate) struct Session {
    phase_at_open: LockPhase,
    slots: Option<KeySlots>,
    person: Option<Uuid>,
    /// On `awake_time`'s clock: suspended time counts, setting the system clock does not.
    last_activity: Option<Duration>,
    notice: Option<Message>,
    wiped: bool,
}

impl Session {
    /// Read what the data folder holds, without a key: which screen comes first.
    pub(crate) fn load(dir: &Path) -> Result<Session, ApiError> {
        let slots = if KeySlots::exists(dir) {
            Some(KeySlots::load(dir).map_err(key_error)?)
        } else {
            None
        };
        let phase_at_open = match (&slots, quayside_store::database_file(dir)?) {
            (Some(_), _) => LockPhase::Locked,
            (None, DatabaseFile::Missing) => LockPhase::New,
            (None, DatabaseFile::Plaintext) => LockPhase::EncryptExisting,
            (None, DatabaseFile::Encrypted) => LockPhase::Unreadable,
        };
        let notice = (phase_at_open == LockPhase::Unreadable).then(|| {
            Message::new("notice.unreadable_data")
                .text("path", dir.join(DATABASE_FILE).display().to_string())
        });
        Ok(Session {
            phase_at_open,
            slots,
            person: None,
            last_activity: None,
            notice,
            wiped: false,
        })
    }

    /// The key slots, once the device is set up and not wiped.
    pub(crate) fn slots_mut(&mut self) -> Option<&mut KeySlots> {
        self.slots.as_mut()
    }

    fn phase(&self) -> LockPhase {
        if self.wiped {
            LockPhase::Unreadable
        } else if self.person.is_some() {
            LockPhase::Unlocked
        } else if self.slots.is_some() {
            LockPhase::Locked
        } else {
            self.phase_at_open
        }
    }
}

fn unavailable(path: &Path, e: std::io::Error) -> ApiError {
    ApiError::new(
        ErrorCode::StorageUnavailable,
        Message::new("error.store_unreadable")
            .text("path", path.display().to_string())
            .text("detail", e.to_string()),
    )
}

pub(crate) fn key_error(e: KeyError) -> ApiError {
    use ErrorCode::{InvalidInput, StorageUnavailable, WrongPassphrase};
    let (code, text) = match e {
        KeyError::WrongPassphrase { .. } => {
            (WrongPassphrase, Message::new("error.wrong_passphrase"))
        }
        KeyError::Throttled { retry_in } => (
            WrongPassphrase,
            Message::new("error.passphrase_throttled")
                .number("seconds", retry_in.as_secs().max(1) as f64),
        ),
        KeyError::WrongRecoveryKey => (WrongPassphrase, Message::new("error.wrong_recovery_key")),
        KeyError::PassphraseTooShort { chars, min } => (
            InvalidInput,
            Message::new("error.passphrase_too_short")
                .number("length", chars as f64)
                .number("min", min as f64),
        ),
        KeyError::PassphraseBlank => (InvalidInput, Message::new("error.passphrase_blank")),
        KeyError::RecoveryKeyCharacter(c) => (
            InvalidInput,
            Message::new("error.recovery_key_character").text("character", c.to_string()),
        ),
        KeyError::RecoveryKeyLength { chars, expected } => (
            InvalidInput,
            Message::new("error.recovery_key_length")
                .number("length", chars as f64)
                .number("expected", expected as f64),
        ),
        KeyError::RecoveryKeyTypo => (InvalidInput, Message::new("error.recovery_key_typo")),
        KeyError::PassphraseInUse => (InvalidInput, Message::new("error.passphrase_in_use")),
        KeyError::PersonExists(id) => (
            InvalidInput,
            Message::new("error.person_exists").text("id", id.to_string()),
        ),
        KeyError::File { path, reason } => (
            StorageUnavailable,
            Message::new("error.key_file")
                .text("path", path.display().to_string())
                .text("detail", reason),
        ),
    };
    ApiError::new(code, text)
}

/// Refused because nobody is signed in: the notice of why, if the app locked itself.
fn locked(notice: Option<&Message>) -> ApiError {
    ApiError::new(
        ErrorCode::Locked,
        notice
            .cloned()
            .unwrap_or_else(|| Message::new("error.locked")),
    )
}

fn check_name(name: &str) -> Result<String, ApiError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            Message::new("error.name_length").number("max", MAX_NAME_CHARS as f64),
        ));
    }
    Ok(name.to_string())
}

/// A person with no server account: an inspector until a server says otherwise.
fn local_inspector(id: Uuid, name: String) -> Person {
    Person {
        id,
        name,
        role: role_name(Role::Inspector),
        account: None,
        language: None,
    }
}

fn role_name(role: Role) -> String {
    serde_json::to_value(role)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

impl Api {
    /// Lock after `seconds` without use whatever the setting says (the app's
    /// `--idle-lock-seconds`, for demonstrations and the end-to-end tests). Only the first call counts.
    pub fn set_idle_lock_seconds(&self, seconds: u32) {
        let _ = self
            .idle_override
            .set(seconds.clamp(1, MAX_IDLE_LOCK_MINUTES * 60));
    }

    pub(crate) fn session(&self) -> std::sync::MutexGuard<'_, Session> {
        self.session.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Let `command` through only while someone is unlocked; lock first if they were idle
    /// longer than the setting allows.
    pub(crate) fn gate(&self, command: &str) -> Result<(), ApiError> {
        if OPEN_WHEN_LOCKED.contains(&command) {
            return Ok(());
        }
        self.wipe_if_revoked()?;
        let mut session = self.session();
        if session.person.is_none() || session.wiped {
            return Err(locked(session.notice.as_ref()));
        }
        let now = awake_time::now();
        let idle = Duration::from_secs(u64::from(self.idle_lock_seconds()?));
        if session.last_activity.is_some_and(|last| now - last >= idle) {
            session.person = None;
            session.notice = Some(Message::new("notice.locked_idle"));
            return Err(locked(session.notice.as_ref()));
        }
        if !PASSIVE.contains(&command) {
            session.last_activity = Some(now);
        }
        Ok(())
    }

    fn idle_lock_seconds(&self) -> Result<u32, ApiError> {
        Ok(match self.idle_override.get() {
            Some(seconds) => *seconds,
            None => self.idle_lock_minutes()? * 60,
        })
    }

    fn idle_lock_minutes(&self) -> Result<u32, ApiError> {
        Ok(self
            .store()
            .setting(IDLE_LOCK_MINUTES)?
            .and_then(|m| m.parse().ok())
            .unwrap_or(DEFAULT_IDLE_LOCK_MINUTES))
    }

    /// The signed-in person, as the store has them.
    pub(crate) fn person(&self) -> Result<Person, ApiError> {
        let id = self.session().person.ok_or_else(|| locked(None))?;
        self.store().person(id)?.ok_or_else(|| {
            ApiError::new(ErrorCode::Internal, Message::new("error.person_not_stored"))
        })
    }

    pub(crate) fn lock_state(&self, _: NoArgs) -> Result<LockState, ApiError> {
        self.wipe_if_revoked()?;
        let (phase, person, notice) = {
            let session = self.session();
            (session.phase(), session.person, session.notice.clone())
        };
        let retry_in_seconds = match phase {
            LockPhase::Locked => self
                .session()
                .slots
                .as_ref()
                .map(|s| s.retry_in(SystemTime::now()))
                .filter(|d| !d.is_zero())
                .map(|d| d.as_secs_f64().ceil() as u32),
            _ => None,
        };
        let opened = self.opened.get().is_some() && phase != LockPhase::Unreadable;
        let person = match person {
            Some(id) if opened => self.store().person(id)?,
            _ => None,
        };
        let login = self.system_login_state(person.as_ref().map(|p| p.id));
        let holds_recovery = match &person {
            Some(person) => self.set_the_device_up(person.id)?,
            None => false,
        };
        Ok(LockState {
            phase,
            language: self.language(person.as_ref()),
            display: self.display(person.as_ref().map(|p| p.id))?,
            buddhist_era: person
                .as_ref()
                .and_then(|p| p.language.as_deref())
                .and_then(quayside_domain::input::InputConventions::from_tag)
                .is_some_and(|c| c.buddhist_era),
            person_account: person.as_ref().and_then(|p| p.account.clone()),
            person: person.map(|p| p.name),
            people: self
                .session()
                .slots
                .as_ref()
                .map_or(0, |s| s.people().len() as u32),
            holds_recovery,
            system_login_available: login.available,
            system_login_unlock: login.unlock,
            system_login_yours: login.yours,
            people_from_server: opened
                && phase == LockPhase::Unlocked
                && quayside_sync::signed_in(&self.store())
                    .ok()
                    .flatten()
                    .is_some(),
            retry_in_seconds,
            idle_lock_minutes: if opened {
                self.idle_lock_minutes()?
            } else {
                DEFAULT_IDLE_LOCK_MINUTES
            },
            idle_lock_seconds: if opened {
                self.idle_lock_seconds()?
            } else {
                DEFAULT_IDLE_LOCK_MINUTES * 60
            },
            notice,
        })
    }

    pub(crate) fn set_up(&self, args: SetUpArgs) -> Result<SetUpResult, ApiError> {
        let name = check_name(&args.name)?;
        let phase = self.session().phase();
        match phase {
            LockPhase::New | LockPhase::EncryptExisting => {}
            LockPhase::Unreadable => self.clear_unreadable_data()?,
            LockPhase::Locked | LockPhase::Unlocked => {
                return Err(ApiError::new(
                    ErrorCode::NotAllowed,
                    Message::new("error.already_set_up"),
                ))
            }
        }
        let id = Uuid::new_v4();
        let (slots, key, recovery) =
            KeySlots::create(&self.data_dir, id, &args.passphrase, self.kdf).map_err(key_error)?;
        let recovery_key = recovery.display_text();
        self.open_store(&key)?;
        {
            let store = self.store();
            // A store from before people: its user's role stands if a server gave it.
            let signed_in = quayside_sync::signed_in(&store)
                .ok()
                .flatten()
                .map(|s| s.account.username.clone());
            let role = match (&signed_in, store.setting(USER_ROLE)?) {
                (Some(_), Some(role)) => role,
                _ => role_name(Role::Inspector),
            };
            store.add_person(&Person {
                id,
                name,
                role,
                account: signed_in,
                language: None,
            })?;
        }
        {
            let mut session = self.session();
            session.slots = Some(slots);
            session.person = Some(id);
            session.last_activity = Some(awake_time::now());
            session.notice = None;
        }
        if let Some(locale) = args.language {
            self.store().set_person_language(id, locale.tag())?;
            self.remember_device_language(locale);
        }
        Ok(SetUpResult {
            recovery_key,
            state: self.lock_state(NoArgs {})?,
        })
    }

    pub(crate) fn unlock(&self, args: UnlockArgs) -> Result<LockState, ApiError> {
        let (person, key) = {
            let mut session = self.session();
            if session.wiped {
                return Err(locked(session.notice.as_ref()));
            }
            let slots = session.slots.as_mut().ok_or_else(|| {
                ApiError::new(ErrorCode::NotAllowed, Message::new("error.not_set_up"))
            })?;
            slots
                .unlock(&args.passphrase, SystemTime::now())
                .map_err(key_error)?
        };
        self.open_store(&key)?;
        self.sign_in_person(person)?;
        self.lock_state(NoArgs {})
    }

    pub(crate) fn recover(&self, args: RecoverArgs) -> Result<LockState, ApiError> {
        let key = {
            let mut session = self.session();
            let slots = session.slots.as_mut().ok_or_else(|| {
                ApiError::new(ErrorCode::NotAllowed, Message::new("error.not_set_up"))
            })?;
            slots
                .unlock_with_recovery(&args.recovery_key)
                .map_err(key_error)?
        };
        self.open_store(&key)?;
        let first = self.store().people()?.into_iter().next().ok_or_else(|| {
            ApiError::new(ErrorCode::Internal, Message::new("error.nobody_set_up"))
        })?;
        {
            let mut session = self.session();
            let slots = session.slots.as_mut().expect("checked above");
            slots
                .set_passphrase(&key, first.id, &args.new_passphrase, self.kdf)
                .map_err(key_error)?;
        }
        self.sign_in_person(first.id)?;
        self.lock_state(NoArgs {})
    }

    /// The person is using the screens (typing in a form that calls nothing yet): the idle
    /// time starts again. The gate has done it; nothing else to do.
    pub(crate) fn still_here(&self, _: NoArgs) -> Result<Done, ApiError> {
        Ok(Done { ok: true })
    }

    pub(crate) fn lock(&self, _: NoArgs) -> Result<LockState, ApiError> {
        {
            let mut session = self.session();
            session.person = None;
            session.notice = None;
        }
        self.lock_state(NoArgs {})
    }

    /// Another person of this device, with a passphrase of their own. Without a server they are
    /// inspectors under the name typed; on a device signed in to one they sign in with their
    /// account there, whose user name and role they then write under (a supervisor's role needs
    /// the server's word).
    pub(crate) fn add_person(&self, args: AddPersonArgs) -> Result<LockState, ApiError> {
        let name = check_name(&args.name)?;
        let enrolled = quayside_sync::signed_in(&self.store())
            .ok()
            .flatten()
            .is_some();
        // A slot's passphrase is checked before the server is asked: nothing is linked for a
        // person who cannot be added.
        quayside_keys::check_strength(&args.passphrase).map_err(key_error)?;
        let person = if enrolled {
            let Some(password) = args.server_password.filter(|p| !p.is_empty()) else {
                return Err(ApiError::new(
                    ErrorCode::InvalidInput,
                    Message::new("error.person_needs_account"),
                ));
            };
            let account = self.server_account(&name, &password, None)?;
            Person {
                id: Uuid::new_v4(),
                name: account.username.clone(),
                role: role_name(account.role),
                account: Some(account.username),
                language: None,
            }
        } else {
            local_inspector(Uuid::new_v4(), name)
        };
        let key = self.data_key()?;
        {
            let mut session = self.session();
            let slots = session.slots.as_mut().expect("unlocked, so set up");
            slots
                .add_person(&key, person.id, &args.passphrase, self.kdf)
                .map_err(key_error)?;
        }
        self.store().add_person(&person)?;
        self.lock_state(NoArgs {})
    }

    /// The signed-in person, added before this device was signed in to a server, signs in with
    /// their own account there: the server checks it, and from now on they record under the
    /// account's user name and role (events already recorded keep the name they were signed with).
    pub(crate) fn link_account(&self, args: LinkAccountArgs) -> Result<LockState, ApiError> {
        let person = self.person()?;
        if person.account.is_some() {
            return Err(ApiError::new(
                ErrorCode::NotAllowed,
                Message::new("error.account_linked_already"),
            ));
        }
        let username = check_name(&args.username)?;
        if args.password.is_empty() {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                Message::new("error.sign_in_empty"),
            ));
        }
        let account = self.server_account(&username, &args.password, Some(person.id))?;
        self.store().set_person_from_account(
            person.id,
            &account.username,
            &role_name(account.role),
        )?;
        self.lock_state(NoArgs {})
    }

    /// `username`'s account, its password checked by the server this device is signed in to, for
    /// a person of this device (`person`, or someone new): one account is one person here.
    fn server_account(
        &self,
        username: &str,
        password: &str,
        person: Option<Uuid>,
    ) -> Result<quayside_protocol::Account, ApiError> {
        let taken = self.store().people()?.iter().any(|p| {
            Some(p.id) != person && (p.account.as_deref() == Some(username) || p.name == username)
        });
        if taken {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                Message::new("error.account_on_device").text("name", username.to_string()),
            ));
        }
        quayside_sync::sign_in_person(self.shared_store(), username, password)
            .map_err(crate::error::sync_error)
    }

    /// The data key, if `passphrase` is the signed-in person's own: asked again before a change
    /// someone at an unlocked laptop must not make (a new recovery key, the system login).
    pub(crate) fn confirm_passphrase(
        &self,
        person: Uuid,
        passphrase: &str,
    ) -> Result<DataKey, ApiError> {
        let mut session = self.session();
        let slots = session.slots.as_mut().expect("unlocked, so set up");
        match slots.check_passphrase(passphrase) {
            Ok((owner, key)) if owner == person => Ok(key),
            _ => Err(key_error(KeyError::WrongPassphrase {
                retry_in: Duration::ZERO,
            })),
        }
    }

    /// Whether `person` set this device up (the recovery key resets their passphrase).
    fn set_the_device_up(&self, person: Uuid) -> Result<bool, ApiError> {
        Ok(self.store().people()?.first().map(|p| p.id) == Some(person))
    }

    /// A new recovery key for the person who set the device up, who types their passphrase again
    /// (someone at an unlocked laptop must not walk away with a way in). The old key stops working.
    pub(crate) fn new_recovery_key(&self, args: UnlockArgs) -> Result<NewRecoveryKey, ApiError> {
        let person = self.person()?;
        if !self.set_the_device_up(person.id)? {
            return Err(ApiError::new(
                ErrorCode::NotAllowed,
                Message::new("error.recovery_key_not_yours"),
            ));
        }
        let key = self.confirm_passphrase(person.id, &args.passphrase)?;
        let mut session = self.session();
        let slots = session.slots.as_mut().expect("unlocked, so set up");
        let recovery = slots.new_recovery_key(&key).map_err(key_error)?;
        Ok(NewRecoveryKey {
            recovery_key: recovery.display_text(),
        })
    }

    pub(crate) fn set_idle_lock(&self, args: IdleLockArgs) -> Result<LockState, ApiError> {
        if args.minutes == 0 || args.minutes > MAX_IDLE_LOCK_MINUTES {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                Message::new("error.idle_time").number("max", MAX_IDLE_LOCK_MINUTES),
            ));
        }
        self.store()
            .set_setting(IDLE_LOCK_MINUTES, &args.minutes.to_string())?;
        self.lock_state(NoArgs {})
    }

    /// Destroy this device's keys: the data folder becomes unreadable. Sync stops first.
    pub(crate) fn wipe_device(&self, _: NoArgs) -> Result<LockState, ApiError> {
        // Its token dies with it: signed out on the server first, when it can be reached.
        let _ = quayside_sync::sign_out(self.shared_store());
        self.wipe(Message::new("notice.wiped"))?;
        self.lock_state(NoArgs {})
    }

    /// The server said this device is revoked (the sync loop recorded it): destroy the keys, tell
    /// the server it is done (signed with the device key, so signed before the keys go), and tell
    /// the person why. Checked before every command, so nothing more is read once it is known.
    fn wipe_if_revoked(&self) -> Result<(), ApiError> {
        let Some(opened) = self.opened.get() else {
            return Ok(());
        };
        if self.session().wiped {
            return Ok(());
        }
        let prepared = {
            let store = opened.store.lock().unwrap_or_else(|p| p.into_inner());
            if !quayside_sync::revoked(&store) {
                return Ok(());
            }
            let now = store
                .now()
                .to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
            quayside_sync::prepare_wipe(&store, &now).ok()
        };
        self.wipe(Message::new("notice.revoked_wiped"))?;
        if let Some(prepared) = prepared {
            // Best effort, off the caller's thread: a few tries while the app stays open.
            std::thread::spawn(move || {
                for wait in [0, 2, 10, 30, 120] {
                    std::thread::sleep(Duration::from_secs(wait));
                    if quayside_sync::confirm_wipe(&prepared).is_ok() {
                        break;
                    }
                }
            });
        }
        Ok(())
    }

    pub(crate) fn wipe(&self, notice: Message) -> Result<(), ApiError> {
        if let Some(opened) = self.opened.get() {
            drop(opened.sync.lock().unwrap_or_else(|p| p.into_inner()).take());
        }
        self.forget_system_login();
        KeySlots::destroy(&self.data_dir).map_err(key_error)?;
        let mut session = self.session();
        session.wiped = true;
        session.person = None;
        session.slots = None;
        session.notice = Some(notice);
        Ok(())
    }

    /// The data key again, for adding a slot or sealing an export: kept only inside the open
    /// store's keys.
    pub(crate) fn data_key(&self) -> Result<DataKey, ApiError> {
        self.opened
            .get()
            .map(|o| o.data_key.clone())
            .ok_or_else(|| locked(None))
    }

    pub(crate) fn sign_in_person(&self, id: Uuid) -> Result<(), ApiError> {
        let known = self.store().person(id)?.is_some();
        if !known {
            // The set-up was cut between its key slot and its person: take the old user's name.
            let name = self
                .store()
                .setting(USER_NAME)?
                .unwrap_or_else(|| "Inspector".to_string());
            self.store().add_person(&local_inspector(id, name))?;
        }
        if let Some(locale) = self.language(self.store().person(id)?.as_ref()) {
            self.remember_device_language(locale);
        }
        self.remember_device_display(self.display(Some(id))?);
        let mut session = self.session();
        session.person = Some(id);
        session.last_activity = Some(awake_time::now());
        session.notice = None;
        Ok(())
    }

    /// Open the store and vault with `key` on the first unlock (finishing an interrupted
    /// encryption of older data first); later unlocks find them open.
    pub(crate) fn open_store(&self, key: &DataKey) -> Result<(), ApiError> {
        if self.opened.get().is_some() {
            return Ok(());
        }
        quayside_store::encrypt_in_place(&self.data_dir, key)?;
        let clock = self
            .clock
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take()
            .unwrap_or_else(|| Box::new(quayside_store::SystemClock));
        let store = Store::open_encrypted(&self.data_dir, key, clock)?;
        let vault = Vault::open(&self.data_dir, key.file_key())
            .map_err(|e| photo_error(ErrorCode::StorageUnavailable, e))?;
        let opened = Opened {
            store: Arc::new(Mutex::new(store)),
            vault: Arc::new(vault),
            sync: Mutex::new(None),
            data_key: key.clone(),
        };
        if self.opened.set(opened).is_ok() {
            // No Save dialog outlives the process: what is left in exports/ a crash left.
            self.clear_waiting_exports();
            if let Some(timing) = self.sync_timing.get() {
                self.opened.get().expect("just set").start_sync(*timing);
            }
        }
        Ok(())
    }

    /// Set up afresh over data whose keys are gone: nobody can read it, but it is moved aside,
    /// not deleted, in case its keys file turns up again (a restored backup).
    fn clear_unreadable_data(&self) -> Result<(), ApiError> {
        let aside = self.data_dir.join(format!(
            "unreadable-{}",
            chrono::Utc::now().format("%Y%m%dT%H%M%S")
        ));
        quayside_keys::private_file::make_dir(&aside).map_err(|e| unavailable(&aside, e))?;
        for name in [
            DATABASE_FILE,
            "quayside.sqlite3-wal",
            "quayside.sqlite3-shm",
            "device.key",
            "vault",
            "thumbs",
        ] {
            let path = self.data_dir.join(name);
            match std::fs::rename(&path, aside.join(name)) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(unavailable(&path, e)),
            }
        }
        Ok(())
    }
}

#[cfg(feature = "test-support")]
impl Api {
    /// Tests only, never in the app: give the signed-in person `role`, as a sign-in to a server
    /// account with that role would.
    pub fn test_grant_role(&self, role: Role) -> Result<(), ApiError> {
        let person = self.person()?;
        self.store()
            .set_person_account(person.id, &person.name, &role_name(role))?;
        Ok(())
    }
}
