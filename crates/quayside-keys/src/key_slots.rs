//! `keys.json`: the data key, wrapped once per person under their passphrase (argon2id, then
//! XChaCha20-Poly1305) and once under the recovery key, plus the count of wrong passphrases so a
//! restart does not reset the delay. It holds person ids, never names.
//!
//! Unlocking tries the passphrase against every slot: a passphrase belongs to one person only
//! (`add_person` refuses one that opens another slot), so it says who is unlocking.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::private_file;
use crate::recovery::RecoveryKey;
use crate::DataKey;

pub const KEYS_FILE: &str = "keys.json";
const FORMAT: u32 = 1;
const MIN_PASSPHRASE_CHARS: usize = 8;
/// Wrong passphrases before the first delay: a typo or two in gloves costs nothing.
const FREE_FAILURES: u32 = 3;
const MAX_DELAY: Duration = Duration::from_secs(300);

/// The argon2id cost of one passphrase check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KdfCost {
    /// 64 MiB, 3 passes, 1 lane: about 0.16 s on a 2-core machine (release build), once per unlock.
    /// RFC 9106's second recommendation for memory-constrained use is 64 MiB and 3 passes;
    /// the memory is what makes a stolen `keys.json` expensive to guess on GPUs.
    Interactive,
    /// Tests only: the smallest cost argon2 allows.
    Minimal,
}

impl KdfCost {
    fn params(self) -> KdfParams {
        match self {
            KdfCost::Interactive => KdfParams {
                m_kib: 64 * 1024,
                t: 3,
                p: 1,
            },
            KdfCost::Minimal => KdfParams {
                m_kib: 8,
                t: 1,
                p: 1,
            },
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("That passphrase does not unlock this device")]
    WrongPassphrase { retry_in: Duration },
    #[error("Too many wrong passphrases: try again in {} seconds", .retry_in.as_secs().max(1))]
    Throttled { retry_in: Duration },
    #[error("That recovery key does not unlock this device")]
    WrongRecoveryKey,
    #[error("Choose a passphrase of at least {min} characters (this one has {chars}): a few words are easier to type than symbols")]
    PassphraseTooShort { chars: usize, min: usize },
    #[error("A passphrase of spaces alone is not allowed")]
    PassphraseBlank,
    #[error("'{0}' is not in a recovery key: it has only digits and the letters A to Z without I, L, O and U")]
    RecoveryKeyCharacter(char),
    #[error("A recovery key has {expected} characters in eight groups of five; this has {chars}")]
    RecoveryKeyLength { chars: usize, expected: usize },
    #[error("This recovery key has a typing mistake: check each group against the written copy")]
    RecoveryKeyTypo,
    #[error("Another person of this device already uses that passphrase: choose another one")]
    PassphraseInUse,
    #[error("{0} can already unlock this device")]
    PersonExists(Uuid),
    #[error("{path}: {reason}")]
    File { path: PathBuf, reason: String },
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct KdfParams {
    m_kib: u32,
    t: u32,
    p: u32,
}

/// The data key sealed under a key derived from a secret.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Wrapped {
    #[serde(with = "hex::serde")]
    salt: Vec<u8>,
    /// Absent for the recovery key: it has 160 random bits and needs no stretching.
    kdf: Option<KdfParams>,
    #[serde(with = "hex::serde")]
    nonce: Vec<u8>,
    #[serde(with = "hex::serde")]
    sealed: Vec<u8>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Slot {
    person: Uuid,
    wrapped: Wrapped,
}

/// The data key wrapped under a random secret kept in the operating system's keyring (Secret
/// Service, Keychain, Credential Manager) under `entry`, for one person who chose to unlock with
/// their system login instead of typing. The entry names no one: a random id.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct KeyringSlot {
    pub person: Uuid,
    pub entry: Uuid,
    wrapped: Wrapped,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct KeysFile {
    format: u32,
    slots: Vec<Slot>,
    /// At most one: the system keyring belongs to whoever is logged in to the system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    keyring: Option<KeyringSlot>,
    recovery: Wrapped,
    failures: u32,
    /// Milliseconds since the epoch of the last wrong passphrase.
    last_failure_ms: Option<u64>,
}

pub struct KeySlots {
    path: PathBuf,
    file: KeysFile,
}

impl KeySlots {
    pub fn exists(dir: &Path) -> bool {
        dir.join(KEYS_FILE).is_file()
    }

    /// A new data key, wrapped for the first person and the recovery key, written to `dir`.
    pub fn create(
        dir: &Path,
        person: Uuid,
        passphrase: &str,
        cost: KdfCost,
    ) -> Result<(KeySlots, DataKey, RecoveryKey), KeyError> {
        check_strength(passphrase)?;
        let path = dir.join(KEYS_FILE);
        if path.exists() {
            return Err(file_error(&path, "this device is set up already"));
        }
        private_file::make_dir(dir).map_err(|e| file_error(dir, &e.to_string()))?;
        let key = DataKey::generate();
        let recovery = RecoveryKey::generate();
        let file = KeysFile {
            format: FORMAT,
            slots: vec![Slot {
                person,
                wrapped: wrap_with_passphrase(&key, person, passphrase, cost)?,
            }],
            recovery: wrap(
                &key,
                &recovery.wrapping_key(),
                RECOVERY_CONTEXT,
                None,
                vec![],
            )?,
            keyring: None,
            failures: 0,
            last_failure_ms: None,
        };
        let slots = KeySlots { path, file };
        slots.save()?;
        Ok((slots, key, recovery))
    }

    pub fn load(dir: &Path) -> Result<KeySlots, KeyError> {
        let path = dir.join(KEYS_FILE);
        let bytes = std::fs::read(&path).map_err(|e| file_error(&path, &e.to_string()))?;
        let file: KeysFile = serde_json::from_slice(&bytes).map_err(|e| {
            file_error(
                &path,
                &format!("it is not a keys file this version reads ({e})"),
            )
        })?;
        if file.format != FORMAT {
            return Err(file_error(
                &path,
                &format!(
                    "it has format {} and this version reads {FORMAT}",
                    file.format
                ),
            ));
        }
        Ok(KeySlots { path, file })
    }

    /// Who can unlock this device.
    pub fn people(&self) -> Vec<Uuid> {
        self.file.slots.iter().map(|s| s.person).collect()
    }

    pub fn failures(&self) -> u32 {
        self.file.failures
    }

    /// How long until the next passphrase is accepted.
    pub fn retry_in(&self, now: SystemTime) -> Duration {
        let Some(last) = self.file.last_failure_ms else {
            return Duration::ZERO;
        };
        let next = UNIX_EPOCH + Duration::from_millis(last) + delay_after(self.file.failures);
        next.duration_since(now).unwrap_or(Duration::ZERO)
    }

    /// The person whose passphrase this is, and the data key. A wrong one counts towards the delay.
    pub fn unlock(
        &mut self,
        passphrase: &str,
        now: SystemTime,
    ) -> Result<(Uuid, DataKey), KeyError> {
        let wait = self.retry_in(now);
        if !wait.is_zero() {
            return Err(KeyError::Throttled { retry_in: wait });
        }
        if let Some(found) = self.try_passphrase(passphrase) {
            if self.file.failures > 0 {
                self.file.failures = 0;
                self.file.last_failure_ms = None;
                self.save()?;
            }
            return Ok(found);
        }
        self.file.failures = self.file.failures.saturating_add(1);
        self.file.last_failure_ms = Some(
            now.duration_since(UNIX_EPOCH)
                .unwrap_or_default()
                .as_millis() as u64,
        );
        self.save()?;
        Err(KeyError::WrongPassphrase {
            retry_in: self.retry_in(now),
        })
    }

    /// The data key from the recovery key (as written down: case, spaces and dashes do not matter).
    pub fn unlock_with_recovery(&mut self, text: &str) -> Result<DataKey, KeyError> {
        let recovery = RecoveryKey::parse(text)?;
        let key = unwrap(
            &self.file.recovery,
            &recovery.wrapping_key(),
            RECOVERY_CONTEXT,
        )
        .ok_or(KeyError::WrongRecoveryKey)?;
        self.file.failures = 0;
        self.file.last_failure_ms = None;
        self.save()?;
        Ok(key)
    }

    /// The data key from a passphrase, writing nothing (a checker reading a copy of the folder;
    /// the copy's holder can try passphrases offline anyway: argon2's cost is what stops them).
    pub fn check_passphrase(&self, passphrase: &str) -> Result<(Uuid, DataKey), KeyError> {
        self.try_passphrase(passphrase)
            .ok_or(KeyError::WrongPassphrase {
                retry_in: Duration::ZERO,
            })
    }

    /// The data key from the recovery key, writing nothing.
    pub fn check_recovery_key(&self, text: &str) -> Result<DataKey, KeyError> {
        let recovery = RecoveryKey::parse(text)?;
        unwrap(
            &self.file.recovery,
            &recovery.wrapping_key(),
            RECOVERY_CONTEXT,
        )
        .ok_or(KeyError::WrongRecoveryKey)
    }

    /// A new recovery key in place of the old one, which stops working (the written copy was lost,
    /// or never seen: a set-up cut short before it was shown).
    pub fn new_recovery_key(&mut self, key: &DataKey) -> Result<RecoveryKey, KeyError> {
        let recovery = RecoveryKey::generate();
        self.file.recovery = wrap(
            key,
            &recovery.wrapping_key(),
            RECOVERY_CONTEXT,
            None,
            vec![],
        )?;
        self.save()?;
        Ok(recovery)
    }

    /// The person who unlocks with the system keyring, and the keyring entry holding its secret.
    pub fn keyring(&self) -> Option<&KeyringSlot> {
        self.file.keyring.as_ref()
    }

    /// Let `person` unlock with `secret`, which the caller keeps in the system keyring under the
    /// answer's entry. Replaces whoever did before (their entry is the caller's to delete).
    pub fn set_keyring(
        &mut self,
        key: &DataKey,
        person: Uuid,
        secret: &[u8; 32],
    ) -> Result<KeyringSlot, KeyError> {
        let entry = Uuid::from_bytes(random::<16>());
        let slot = KeyringSlot {
            person,
            entry,
            wrapped: wrap(key, secret, &keyring_context(person, entry), None, vec![])?,
        };
        self.file.keyring = Some(slot.clone());
        self.save()?;
        Ok(slot)
    }

    /// Nobody unlocks with the system keyring any more.
    pub fn clear_keyring(&mut self) -> Result<(), KeyError> {
        if self.file.keyring.take().is_some() {
            self.save()?;
        }
        Ok(())
    }

    /// The person and the data key from the keyring's secret; None when it is not the one.
    pub fn unlock_with_keyring(&self, secret: &[u8; 32]) -> Option<(Uuid, DataKey)> {
        let slot = self.file.keyring.as_ref()?;
        let key = unwrap(
            &slot.wrapped,
            secret,
            &keyring_context(slot.person, slot.entry),
        )?;
        Some((slot.person, key))
    }

    /// Give `person` a passphrase: a new slot, or a new passphrase for their slot.
    pub fn set_passphrase(
        &mut self,
        key: &DataKey,
        person: Uuid,
        passphrase: &str,
        cost: KdfCost,
    ) -> Result<(), KeyError> {
        check_strength(passphrase)?;
        if let Some((owner, _)) = self.try_passphrase(passphrase) {
            if owner != person {
                return Err(KeyError::PassphraseInUse);
            }
        }
        let wrapped = wrap_with_passphrase(key, person, passphrase, cost)?;
        match self.file.slots.iter_mut().find(|s| s.person == person) {
            Some(slot) => slot.wrapped = wrapped,
            None => self.file.slots.push(Slot { person, wrapped }),
        }
        self.save()
    }

    /// Another person of this device.
    pub fn add_person(
        &mut self,
        key: &DataKey,
        person: Uuid,
        passphrase: &str,
        cost: KdfCost,
    ) -> Result<(), KeyError> {
        if self.file.slots.iter().any(|s| s.person == person) {
            return Err(KeyError::PersonExists(person));
        }
        self.set_passphrase(key, person, passphrase, cost)
    }

    /// Destroy every wrapping of the data key: nothing in `dir` can be read any more. The file
    /// is overwritten with zeros before it is removed, so the wrapped keys are not left in its
    /// blocks for an undelete tool (best effort: flash storage may keep old copies).
    pub fn destroy(dir: &Path) -> Result<(), KeyError> {
        let path = dir.join(KEYS_FILE);
        let len = match std::fs::metadata(&path) {
            Ok(m) => m.len(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(file_error(&path, &e.to_string())),
        };
        private_file::overwrite_and_remove(&path, len)
            .map_err(|e| file_error(&path, &e.to_string()))
    }

    fn try_passphrase(&self, passphrase: &str) -> Option<(Uuid, DataKey)> {
        self.file.slots.iter().find_map(|slot| {
            let params = slot.wrapped.kdf?;
            let wrapping = stretch(passphrase, &slot.wrapped.salt, params).ok()?;
            unwrap(&slot.wrapped, &wrapping, &slot_context(slot.person)).map(|k| (slot.person, k))
        })
    }

    fn save(&self) -> Result<(), KeyError> {
        let json = serde_json::to_vec_pretty(&self.file).expect("keys serialise");
        private_file::write_atomic(&self.path, &json)
            .map_err(|e| file_error(&self.path, &e.to_string()))
    }
}

const RECOVERY_CONTEXT: &[u8] = b"quayside keys v1 recovery";

fn keyring_context(person: Uuid, entry: Uuid) -> Vec<u8> {
    format!("quayside keys v1 keyring {person} {entry}").into_bytes()
}

fn slot_context(person: Uuid) -> Vec<u8> {
    format!("quayside keys v1 person {person}").into_bytes()
}

/// No delay for the first few, then 2, 4, 8 ... seconds up to five minutes. Never a wipe: a
/// thief gains nothing from waiting, an inspector loses nothing from a mistyped glove.
fn delay_after(failures: u32) -> Duration {
    if failures < FREE_FAILURES {
        return Duration::ZERO;
    }
    let exponent = (failures - FREE_FAILURES + 1).min(16);
    Duration::from_secs(1u64 << exponent).min(MAX_DELAY)
}

/// A passphrase long enough and not blank (what a new slot asks before any work).
pub fn check_strength(passphrase: &str) -> Result<(), KeyError> {
    let chars = passphrase.chars().count();
    if chars < MIN_PASSPHRASE_CHARS {
        return Err(KeyError::PassphraseTooShort {
            chars,
            min: MIN_PASSPHRASE_CHARS,
        });
    }
    if passphrase.trim().is_empty() {
        return Err(KeyError::PassphraseBlank);
    }
    Ok(())
}

fn stretch(
    passphrase: &str,
    salt: &[u8],
    params: KdfParams,
) -> Result<Zeroizing<[u8; 32]>, KeyError> {
    let argon = Argon2::new(
        Algorithm::Argon2id,
        Version::V0x13,
        Params::new(params.m_kib, params.t, params.p, Some(32))
            .map_err(|e| file_error(Path::new(KEYS_FILE), &format!("bad key parameters: {e}")))?,
    );
    let mut out = Zeroizing::new([0u8; 32]);
    argon
        .hash_password_into(passphrase.as_bytes(), salt, out.as_mut())
        .map_err(|e| file_error(Path::new(KEYS_FILE), &format!("cannot derive the key: {e}")))?;
    Ok(out)
}

fn wrap_with_passphrase(
    key: &DataKey,
    person: Uuid,
    passphrase: &str,
    cost: KdfCost,
) -> Result<Wrapped, KeyError> {
    let salt = random::<16>().to_vec();
    let params = cost.params();
    let wrapping = stretch(passphrase, &salt, params)?;
    wrap(key, &wrapping, &slot_context(person), Some(params), salt)
}

fn wrap(
    key: &DataKey,
    wrapping: &[u8; 32],
    context: &[u8],
    kdf: Option<KdfParams>,
    salt: Vec<u8>,
) -> Result<Wrapped, KeyError> {
    let nonce = random::<24>();
    let sealed = XChaCha20Poly1305::new(wrapping.into())
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: key.as_bytes(),
                aad: context,
            },
        )
        .expect("sealing 32 bytes in memory");
    Ok(Wrapped {
        salt,
        kdf,
        nonce: nonce.to_vec(),
        sealed,
    })
}

fn unwrap(wrapped: &Wrapped, wrapping: &[u8; 32], context: &[u8]) -> Option<DataKey> {
    if wrapped.nonce.len() != 24 {
        return None;
    }
    let plain = Zeroizing::new(
        XChaCha20Poly1305::new(wrapping.into())
            .decrypt(
                XNonce::from_slice(&wrapped.nonce),
                Payload {
                    msg: &wrapped.sealed,
                    aad: context,
                },
            )
            .ok()?,
    );
    let bytes: [u8; 32] = plain.as_slice().try_into().ok()?;
    Some(DataKey::from_bytes(bytes))
}

pub(crate) fn random<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).expect("the operating system has a random source");
    bytes
}

fn file_error(path: &Path, reason: &str) -> KeyError {
    KeyError::File {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PASS: &str = "harbour crane seven";

    fn set_up() -> (tempfile::TempDir, KeySlots, DataKey, RecoveryKey, Uuid) {
        let dir = tempfile::tempdir().unwrap();
        let person = Uuid::new_v4();
        let (slots, key, recovery) =
            KeySlots::create(dir.path(), person, PASS, KdfCost::Minimal).unwrap();
        (dir, slots, key, recovery, person)
    }

    #[test]
    fn the_passphrase_and_the_recovery_key_each_give_the_data_key_back_after_a_reload() {
        let (dir, _, key, recovery, person) = set_up();
        let mut slots = KeySlots::load(dir.path()).unwrap();
        let (who, unlocked) = slots.unlock(PASS, SystemTime::now()).unwrap();
        assert_eq!((who, &unlocked), (person, &key));
        let written = recovery.display_text().to_lowercase().replace('-', " ");
        assert_eq!(slots.unlock_with_recovery(&written).unwrap(), key);
        let text = std::fs::read_to_string(dir.path().join(KEYS_FILE)).unwrap();
        assert!(!text.contains(&hex::encode(key.as_bytes())));
    }

    #[test]
    fn a_new_recovery_key_works_and_the_old_one_stops_working() {
        let (dir, mut slots, key, old, _) = set_up();
        let new = slots.new_recovery_key(&key).unwrap();
        assert_ne!(new.display_text(), old.display_text());
        let mut reloaded = KeySlots::load(dir.path()).unwrap();
        assert_eq!(
            reloaded.unlock_with_recovery(&new.display_text()).unwrap(),
            key
        );
        assert!(matches!(
            reloaded.check_recovery_key(&old.display_text()),
            Err(KeyError::WrongRecoveryKey)
        ));
        // The passphrase is untouched.
        assert_eq!(reloaded.check_passphrase(PASS).unwrap().1, key);
    }

    #[test]
    fn a_keyring_secret_unlocks_its_person_until_it_is_cleared() {
        let (dir, mut slots, key, _, person) = set_up();
        assert!(slots.keyring().is_none());
        let secret = random::<32>();
        let slot = slots.set_keyring(&key, person, &secret).unwrap();
        let mut reloaded = KeySlots::load(dir.path()).unwrap();
        assert_eq!(reloaded.keyring().unwrap().entry, slot.entry);
        assert_eq!(
            reloaded.unlock_with_keyring(&secret),
            Some((person, key.clone()))
        );
        assert!(reloaded.unlock_with_keyring(&random::<32>()).is_none());
        let text = std::fs::read_to_string(dir.path().join(KEYS_FILE)).unwrap();
        assert!(!text.contains(&hex::encode(secret)));
        reloaded.clear_keyring().unwrap();
        let reloaded = KeySlots::load(dir.path()).unwrap();
        assert!(reloaded.unlock_with_keyring(&secret).is_none());
        // The passphrase still opens it.
        assert_eq!(reloaded.check_passphrase(PASS).unwrap().1, key);
    }

    #[test]
    fn wrong_passphrases_grow_a_delay_that_survives_a_reload_and_never_wipe() {
        let (dir, mut slots, key, _, _) = set_up();
        let t0 = UNIX_EPOCH + Duration::from_secs(1_800_000_000);
        for _ in 0..FREE_FAILURES - 1 {
            assert!(
                matches!(slots.unlock("not it at all", t0), Err(KeyError::WrongPassphrase { retry_in }) if retry_in.is_zero())
            );
        }
        assert!(
            matches!(slots.unlock("not it at all", t0), Err(KeyError::WrongPassphrase { retry_in }) if retry_in == Duration::from_secs(2))
        );
        let mut reloaded = KeySlots::load(dir.path()).unwrap();
        assert!(matches!(
            reloaded.unlock(PASS, t0),
            Err(KeyError::Throttled { .. })
        ));
        let later = t0 + Duration::from_secs(3);
        assert!(
            matches!(reloaded.unlock("still wrong!", later), Err(KeyError::WrongPassphrase { retry_in }) if retry_in == Duration::from_secs(4))
        );
        let much_later = later + Duration::from_secs(5);
        assert_eq!(reloaded.unlock(PASS, much_later).unwrap().1, key);
        assert_eq!(reloaded.failures(), 0);
        assert_eq!(delay_after(40), MAX_DELAY);
    }

    #[test]
    fn each_person_unlocks_as_themselves_and_may_not_share_a_passphrase() {
        let (_dir, mut slots, key, _, first) = set_up();
        let second = Uuid::new_v4();
        assert!(matches!(
            slots.add_person(&key, second, PASS, KdfCost::Minimal),
            Err(KeyError::PassphraseInUse)
        ));
        assert!(matches!(
            slots.add_person(&key, second, "short", KdfCost::Minimal),
            Err(KeyError::PassphraseTooShort { .. })
        ));
        slots
            .add_person(&key, second, "quay number two", KdfCost::Minimal)
            .unwrap();
        assert_eq!(
            slots
                .unlock("quay number two", SystemTime::now())
                .unwrap()
                .0,
            second
        );
        assert_eq!(slots.unlock(PASS, SystemTime::now()).unwrap().0, first);
        assert_eq!(slots.people(), vec![first, second]);
    }

    #[test]
    fn a_new_passphrase_replaces_the_old_one() {
        let (_dir, mut slots, key, _, person) = set_up();
        slots
            .set_passphrase(&key, person, "brand new words", KdfCost::Minimal)
            .unwrap();
        assert!(slots.unlock(PASS, SystemTime::now()).is_err());
        assert_eq!(
            slots
                .unlock("brand new words", SystemTime::now())
                .unwrap()
                .0,
            person
        );
    }

    #[test]
    fn a_mistyped_recovery_key_is_told_apart_from_a_wrong_one() {
        let (_dir, mut slots, _, recovery, _) = set_up();
        let mut text: Vec<char> = recovery.display_text().chars().collect();
        text[0] = if text[0] == 'A' { 'B' } else { 'A' };
        let typo: String = text.into_iter().collect();
        assert!(matches!(
            slots.unlock_with_recovery(&typo),
            Err(KeyError::RecoveryKeyTypo)
        ));
        let other = RecoveryKey::generate().display_text();
        assert!(matches!(
            slots.unlock_with_recovery(&other),
            Err(KeyError::WrongRecoveryKey)
        ));
    }

    #[test]
    fn destroying_the_keys_leaves_nothing_to_unlock() {
        let (dir, _, _, _, _) = set_up();
        KeySlots::destroy(dir.path()).unwrap();
        assert!(!KeySlots::exists(dir.path()));
        KeySlots::destroy(dir.path()).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn the_keys_file_is_the_owners_alone() {
        use std::os::unix::fs::PermissionsExt;
        let (dir, _, _, _, _) = set_up();
        let mode = std::fs::metadata(dir.path().join(KEYS_FILE))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
