//! This device's identity: an id, a short id for case numbers, and the ed25519 key that signs.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use ed25519_dalek::SigningKey;
use quayside_keys::FileKey;
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::error::{Result, StoreError};

pub struct Device {
    pub id: Uuid,
    pub short_id: String,
    pub key: SigningKey,
}

/// What a sealed key file is: a sealed file copied under another name does not open.
const KEY_CONTEXT: &[u8] = b"quayside device signing key";

const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Six Crockford base32 characters of the public key's hash: short enough to read out, and with 30
/// bits two devices of one port almost never share it.
pub fn short_id(public_key: &[u8; 32]) -> String {
    let hash = Sha256::digest(public_key);
    let bits = u32::from_be_bytes([hash[0], hash[1], hash[2], hash[3]]) >> 2;
    (0..6)
        .rev()
        .map(|i| CROCKFORD[((bits >> (i * 5)) & 31) as usize] as char)
        .collect()
}

/// Load this device, making it (key file and rows) on first run.
/// With `file_key`, the key file is sealed: a plaintext one (from a version before encryption)
/// is read once and written back sealed.
pub(crate) fn load_or_create(
    conn: &mut Connection,
    key_path: &Path,
    now: &str,
    file_key: Option<&FileKey>,
) -> Result<Device> {
    let existing: Option<(String, Vec<u8>, String)> = conn
        .query_row(
            "SELECT d.id, d.public_key, d.short_id FROM local_device l JOIN devices d ON d.id = l.device_id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    match existing {
        Some((id, public_key, short_id)) => {
            let key = read_key(key_path, file_key)?;
            if key.verifying_key().as_bytes().as_slice() != public_key.as_slice() {
                return Err(key_error(
                    key_path,
                    "it does not match this store's device: restore the right key file",
                ));
            }
            Ok(Device {
                id: parse_uuid(&id)?,
                short_id,
                key,
            })
        }
        None => {
            let mut seed = [0u8; 32];
            getrandom::fill(&mut seed).map_err(|e| key_error(key_path, &e.to_string()))?;
            let key = SigningKey::from_bytes(&seed);
            let device = Device {
                id: Uuid::new_v4(),
                short_id: short_id(key.verifying_key().as_bytes()),
                key,
            };
            set_aside_orphaned_key(key_path, now)?;
            write_key(key_path, &device.key, file_key)?;
            let tx = conn.transaction()?;
            tx.execute(
                "INSERT INTO devices (id, short_id, public_key, added_at) VALUES (?1, ?2, ?3, ?4)",
                params![
                    device.id.to_string(),
                    device.short_id,
                    device.key.verifying_key().as_bytes().as_slice(),
                    now
                ],
            )?;
            tx.execute(
                "INSERT INTO local_device (singleton, device_id, last_seq, last_hash, hlc) VALUES (1, ?1, 0, '', 0)",
                [device.id.to_string()],
            )?;
            tx.commit()?;
            Ok(device)
        }
    }
}

/// A key file with no device in the database (the database was lost or replaced) is kept under
/// another name, never overwritten: it may still be needed to restore the old database.
fn set_aside_orphaned_key(path: &Path, now: &str) -> Result<()> {
    if !path.exists() {
        return Ok(());
    }
    let stamp: String = now.chars().filter(char::is_ascii_digit).collect();
    let aside = path.with_file_name(format!("device.key.orphaned-{stamp}"));
    fs::rename(path, &aside)
        .map_err(|e| key_error(path, &format!("cannot set the old key aside: {e}")))
}

fn read_key(path: &Path, file_key: Option<&FileKey>) -> Result<SigningKey> {
    tighten_permissions(path)?;
    let bytes = Zeroizing::new(fs::read(path).map_err(|e| {
        key_error(
            path,
            &format!("{e}: this device can no longer sign; restore the key file from a backup"),
        )
    })?);
    let bytes = match file_key {
        Some(file_key) if quayside_keys::is_sealed(&bytes) => Zeroizing::new(
            quayside_keys::open(file_key, KEY_CONTEXT, &bytes)
                .map_err(|e| key_error(path, &e.to_string()))?,
        ),
        Some(_) => {
            // Plaintext from before encryption: seal it now.
            let seed: [u8; 32] = bytes.as_slice().try_into().map_err(|_| {
                key_error(
                    path,
                    "it is not 32 bytes long: restore the key file from a backup",
                )
            })?;
            let key = SigningKey::from_bytes(&seed);
            write_key(path, &key, file_key)?;
            return Ok(key);
        }
        None => bytes,
    };
    let seed: [u8; 32] = bytes.as_slice().try_into().map_err(|_| {
        key_error(
            path,
            "it is not 32 bytes long: restore the key file from a backup",
        )
    })?;
    Ok(SigningKey::from_bytes(&seed))
}

/// A key file others may read (copied by hand, restored from a backup, unpacked from an archive)
/// is made the owner's alone again: the inspector cannot be expected to fix permissions.
#[cfg(unix)]
fn tighten_permissions(path: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let Ok(metadata) = fs::metadata(path) else {
        // Missing: read_key says so, with what to do.
        return Ok(());
    };
    if metadata.permissions().mode() & 0o077 != 0 {
        fs::set_permissions(path, fs::Permissions::from_mode(0o600)).map_err(|e| {
            key_error(
                path,
                &format!("others may read it and it cannot be made private ({e}): make the file readable by its owner only"),
            )
        })?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn tighten_permissions(_: &Path) -> Result<()> {
    Ok(())
}

/// Write the key readable by its owner only: temporary file, fsync, rename.
fn write_key(path: &Path, key: &SigningKey, file_key: Option<&FileKey>) -> Result<()> {
    let bytes = Zeroizing::new(match file_key {
        Some(file_key) => quayside_keys::seal(file_key, KEY_CONTEXT, &key.to_bytes()),
        None => key.to_bytes().to_vec(),
    });
    let tmp = path.with_extension("key.tmp");
    let write = || -> std::io::Result<()> {
        let mut options = fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&tmp)?;
        file.write_all(&bytes)?;
        file.sync_all()?;
        fs::rename(&tmp, path)
    };
    write().map_err(|e| key_error(path, &e.to_string()))
}

fn key_error(path: &Path, reason: &str) -> StoreError {
    StoreError::DeviceKey {
        path: PathBuf::from(path),
        reason: reason.to_string(),
    }
}

pub(crate) fn parse_uuid(text: &str) -> Result<Uuid> {
    Uuid::parse_str(text)
        .map_err(|e| StoreError::Refused(format!("bad id {text:?} in the store: {e}")))
}

pub(crate) fn public_key(conn: &Connection, device_id: &str) -> Result<Option<[u8; 32]>> {
    let key: Option<Vec<u8>> = conn
        .query_row(
            "SELECT public_key FROM devices WHERE id = ?1",
            [device_id],
            |r| r.get(0),
        )
        .optional()?;
    Ok(key.and_then(|k| k.try_into().ok()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_ids_are_six_unambiguous_characters_and_differ_by_key() {
        let a = short_id(&[1; 32]);
        let b = short_id(&[2; 32]);
        assert_eq!(a.len(), 6);
        assert!(a.chars().all(|c| CROCKFORD.contains(&(c as u8))));
        assert!(!a.contains(['I', 'L', 'O', 'U']));
        assert_ne!(a, b);
        assert_eq!(a, short_id(&[1; 32]));
    }
}
