//! The server's own ed25519 key, which signs receipts, checkpoints and revocations
//! (`quayside_protocol::statement`). It is `server.key` in the data folder: the 32-byte secret,
//! readable by the server's user only. Every process of one deployment shares the data folder (as
//! it shares the photos there), so they all sign with one key, whichever backend they use.
//!
//! Clients keep the first public key they see and refuse a server that signs with another, so the
//! file is made once and never replaced: a file that is not a key, or that others may read, stops
//! the server instead of being overwritten.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use ed25519_dalek::{SigningKey, VerifyingKey};
use quayside_protocol::{SignedStatement, Statement};

/// The key's file in the data folder.
pub const KEY_FILE: &str = "server.key";

/// The server's signing key. Deliberately not `Debug`: the secret is never printed.
pub struct ServerKey {
    key: SigningKey,
}

impl ServerKey {
    /// The key in `dir`, made on first use. Two processes starting at once get one key: each
    /// writes its candidate to a file of its own and links it into place, which only one link
    /// can do (the others read the winner's file), so no process ever reads a half-written key.
    pub fn load_or_create(dir: &Path) -> Result<ServerKey, String> {
        let path = dir.join(KEY_FILE);
        match fs::symlink_metadata(&path) {
            Ok(_) => return ServerKey::load(&path),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(format!(
                    "cannot read the server key {}: {e}",
                    path.display()
                ))
            }
        }
        let cannot_make =
            |e: io::Error| format!("cannot make the server key {}: {e}", path.display());
        fs::create_dir_all(dir).map_err(cannot_make)?;
        let candidate = candidate_path(dir).map_err(cannot_make)?;
        let made = write_candidate(&candidate).and_then(|()| fs::hard_link(&candidate, &path));
        let _ = fs::remove_file(&candidate);
        match made {
            Ok(()) => sync_dir(dir).map_err(cannot_make)?,
            // Another process made it first: use theirs.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(cannot_make(e)),
        }
        ServerKey::load(&path)
    }

    /// The key in `path`, refused when it is not 32 bytes or when group or others may use it.
    pub fn load(path: &Path) -> Result<ServerKey, String> {
        let shown = path.display();
        let meta =
            fs::metadata(path).map_err(|e| format!("cannot read the server key {shown}: {e}"))?;
        if !meta.is_file() {
            return Err(format!(
                "the server key {shown} is not a file: move it away and restore the key file \
                 from a backup"
            ));
        }
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(format!(
                "the server key {shown} may be used by other users (mode {mode:o}): make it \
                 readable by the server's user only with `chmod 600 {shown}`, then start again"
            ));
        }
        let mut bytes = Vec::with_capacity(32);
        File::open(path)
            .and_then(|f| f.take(33).read_to_end(&mut bytes))
            .map_err(|e| format!("cannot read the server key {shown}: {e}"))?;
        let secret: [u8; 32] = bytes.try_into().map_err(|bytes: Vec<u8>| {
            format!(
                "the server key {shown} is {} bytes, not the 32 bytes of an ed25519 key: restore \
                 it from a backup (a new key would make every enrolled client refuse this server)",
                if bytes.len() > 32 {
                    "more than 32".to_string()
                } else {
                    bytes.len().to_string()
                }
            )
        })?;
        Ok(ServerKey {
            key: SigningKey::from_bytes(&secret),
        })
    }

    pub fn verifying_key(&self) -> VerifyingKey {
        self.key.verifying_key()
    }

    /// The public key as 64 hex digits, as clients and auditors are given it.
    pub fn public_hex(&self) -> String {
        hex::encode(self.key.verifying_key().as_bytes())
    }

    pub fn sign(&self, statement: &Statement) -> SignedStatement {
        SignedStatement::sign(statement, &self.key)
    }

    /// A key that lives only in memory (tests and benchmarks that need no file).
    pub fn ephemeral() -> io::Result<ServerKey> {
        Ok(ServerKey {
            key: SigningKey::from_bytes(&random_secret()?),
        })
    }
}

fn random_secret() -> io::Result<[u8; 32]> {
    let mut secret = [0u8; 32];
    getrandom::fill(&mut secret).map_err(|e| io::Error::other(e.to_string()))?;
    Ok(secret)
}

fn candidate_path(dir: &Path) -> io::Result<PathBuf> {
    let mut tag = [0u8; 8];
    getrandom::fill(&mut tag).map_err(|e| io::Error::other(e.to_string()))?;
    Ok(dir.join(format!("{KEY_FILE}.{}.new", hex::encode(tag))))
}

/// A fresh secret in a new file only the server's user may read, synced to disk.
fn write_candidate(path: &Path) -> io::Result<()> {
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(&random_secret()?)?;
    file.sync_all()
}

fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_key_is_made_kept_and_shared_by_processes_starting_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let keys: Vec<String> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..8)
                .map(|_| s.spawn(|| ServerKey::load_or_create(dir.path()).unwrap().public_hex()))
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert!(keys.iter().all(|k| *k == keys[0]), "{keys:?}");
        let path = dir.path().join(KEY_FILE);
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert_eq!(fs::read(&path).unwrap().len(), 32);
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers, [KEY_FILE], "no candidate files left behind");
        assert_eq!(
            ServerKey::load_or_create(dir.path()).unwrap().public_hex(),
            keys[0]
        );
    }

    #[test]
    fn a_key_others_may_read_or_of_the_wrong_size_is_refused_with_the_fix() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(KEY_FILE);
        ServerKey::load_or_create(dir.path()).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        let refused = ServerKey::load_or_create(dir.path()).err().unwrap();
        assert!(refused.contains("chmod 600"), "{refused}");
        assert!(refused.contains("644"), "{refused}");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        ServerKey::load_or_create(dir.path()).unwrap();

        fs::write(&path, [1u8; 31]).unwrap();
        let short = ServerKey::load_or_create(dir.path()).err().unwrap();
        assert!(short.contains("31 bytes"), "{short}");
        fs::write(&path, [1u8; 64]).unwrap();
        let long = ServerKey::load_or_create(dir.path()).err().unwrap();
        assert!(long.contains("more than 32 bytes"), "{long}");
        assert_eq!(
            fs::read(&path).unwrap().len(),
            64,
            "a bad key is never replaced"
        );
    }
}
