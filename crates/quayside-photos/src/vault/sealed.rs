//! What the vault keeps on disk is sealed with the device's file key (`quayside-keys`): originals,
//! thumbnails, files being written and the key check. Each file is sealed under a context naming
//! its role and its hash, so a sealed file copied or renamed over another does not open. Names
//! stay the SHA-256 of the plaintext original: evidence checks and sync see the same hashes.
//!
//! This module holds the contexts, the streaming read of a stored file's plaintext, the key check
//! and the one-time conversion of a vault an older version wrote in plaintext.

use std::fs::{self, File};
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;

use quayside_keys::{is_sealed, OpenReader, SealError, SealWriter, SEAL_MAGIC};

use super::durable::{
    create_private_file, remove_file_even_read_only, rename_over, set_read_only, sync_dir,
};
use super::Vault;
use crate::{is_sha256, PhotoError};

/// The file that proves which key the vault is sealed with: `vault/key-check`.
pub(super) const KEY_CHECK_FILE: &str = "key-check";
const KEY_CHECK_CONTEXT: &[u8] = b"quayside vault key-check";
const KEY_CHECK_TEXT: &[u8] = b"quayside photo vault, sealed with this file key";

/// The context an original (and an altered copy set aside from its name) is sealed under.
pub(super) fn original_context(sha256: &str) -> Vec<u8> {
    format!("quayside vault original {sha256}").into_bytes()
}

/// The context of the cached thumbnail `{sha256}-{max_side}`.
pub(super) fn thumbnail_context(sha256: &str, max_side: u32) -> Vec<u8> {
    format!("quayside vault thumbnail {sha256}-{max_side}").into_bytes()
}

/// Why a stored file's plaintext could not be had.
#[derive(Debug)]
pub(super) enum ReadFailure {
    /// The file system failed (not there, a folder in its place, a disk error).
    Io(io::Error),
    /// The file was read but its seal does not hold: altered, cut short, sealed under another name
    /// or key, or not sealed at all where only sealed files belong.
    Broken,
}

/// Stream the plaintext of the sealed file at `path` into `sink`; the plaintext's size. An
/// unsealed file is read as it is only when `legacy` allows it (a read-only look at a vault an
/// older version wrote); otherwise it is `Broken`.
pub(super) fn read_plain(
    vault: &Vault,
    path: &Path,
    context: &[u8],
    mut sink: impl FnMut(&[u8]),
) -> Result<u64, ReadFailure> {
    let mut file = File::open(path).map_err(ReadFailure::Io)?;
    let mut buf = vec![0u8; 256 * 1024];
    let mut size = 0u64;
    let mut pump = |reader: &mut dyn Read| -> Result<u64, ReadFailure> {
        loop {
            match reader.read(&mut buf) {
                Ok(0) => return Ok(size),
                Ok(n) => {
                    sink(&buf[..n]);
                    size += n as u64;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) if is_seal_failure(&e) => return Err(ReadFailure::Broken),
                Err(e) => return Err(ReadFailure::Io(e)),
            }
        }
    };
    match OpenReader::new(&vault.key, context, &mut file) {
        Ok(mut reader) => pump(&mut reader),
        Err(SealError::NotSealed) if vault.read_only => {
            file.seek(SeekFrom::Start(0)).map_err(ReadFailure::Io)?;
            pump(&mut file)
        }
        Err(SealError::Io(e)) => Err(ReadFailure::Io(e)),
        Err(_) => Err(ReadFailure::Broken),
    }
}

/// The whole plaintext of a sealed file.
pub(super) fn read_all(vault: &Vault, path: &Path, context: &[u8]) -> Result<Vec<u8>, ReadFailure> {
    let mut out = Vec::new();
    read_plain(vault, path, context, |chunk| out.extend_from_slice(chunk))?;
    Ok(out)
}

fn is_seal_failure(e: &io::Error) -> bool {
    e.get_ref()
        .and_then(|inner| inner.downcast_ref::<SealError>())
        .is_some_and(|s| !matches!(s, SealError::Io(_)))
}

impl Vault {
    /// Refuse a key the vault was not sealed with, before anything is read or written; true if
    /// the vault has its key check, written once every file in it is sealed. Without one (a new
    /// vault, one an older version wrote, or a conversion cut short) the first sealed original
    /// found must open with the key.
    pub(super) fn verify_key(&self) -> Result<bool, PhotoError> {
        let wrong_key = || PhotoError::WrongKey {
            path: self.originals.clone(),
        };
        let path = self.originals.join(KEY_CHECK_FILE);
        match fs::read(&path) {
            Ok(bytes) => {
                return match quayside_keys::open(&self.key, KEY_CHECK_CONTEXT, &bytes) {
                    Ok(plain) if plain == KEY_CHECK_TEXT => Ok(true),
                    _ => Err(wrong_key()),
                };
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(PhotoError::storage("read", &path, e)),
        }
        // Without a key check: a wrong key opens none of the sealed originals; one damaged
        // original among good ones is the integrity check's finding, not a wrong key.
        let mut sealed = 0;
        for sha256 in self.stored()? {
            let original = self.original_path(&sha256);
            if !starts_sealed(&original).unwrap_or(false) {
                continue;
            }
            sealed += 1;
            let context = original_context(&sha256);
            let opens = File::open(&original).and_then(|mut file| {
                OpenReader::new(&self.key, &context, &mut file)
                    .map_err(io::Error::from)
                    .and_then(|mut r| r.read(&mut [0u8; 1]))
            });
            if opens.is_ok() {
                return Ok(false);
            }
        }
        if sealed > 0 {
            return Err(wrong_key());
        }
        Ok(false)
    }

    /// Write `vault/key-check`: from now on, opening with another key is refused at once.
    pub(super) fn write_key_check(&self) -> Result<(), PhotoError> {
        let path = self.originals.join(KEY_CHECK_FILE);
        let tmp = self.write_tmp(KEY_CHECK_CONTEXT, KEY_CHECK_TEXT, true)?;
        rename_over(&tmp, &path).map_err(|e| {
            let _ = fs::remove_file(&tmp);
            PhotoError::storage("save the key check", &path, e)
        })?;
        sync_dir(&self.originals)
            .map_err(|e| PhotoError::storage("flush the folder", &self.originals, e))
    }

    /// Seal, in place, every file an older version left in plaintext: originals and the altered
    /// copies set aside are sealed (a temporary sealed copy is written to tmp/, flushed and renamed
    /// over the plaintext one); plaintext thumbnails, a cache, are removed. A crash at any point
    /// leaves each file either plaintext or sealed, never lost, and the next open finishes the job.
    /// Files already sealed are left as they are. The number of files sealed.
    pub(super) fn seal_plaintext_files(&self) -> Result<usize, PhotoError> {
        let mut sealed = 0;
        for sha256 in self.stored()? {
            let path = self.original_path(&sha256);
            if self.seal_in_place(&path, &original_context(&sha256))? {
                sealed += 1;
            }
        }
        let altered = self.originals.join("altered");
        if let Ok(entries) = fs::read_dir(&altered) {
            for entry in entries {
                let entry =
                    entry.map_err(|e| PhotoError::storage("list the folder", &altered, e))?;
                let name = entry.file_name().to_string_lossy().into_owned();
                // `{sha256}-{nanos}`: sealed under the context of the original it was found as.
                let Some(sha256) = name.get(..64).filter(|s| is_sha256(s)) else {
                    continue;
                };
                if entry.file_type().is_ok_and(|t| t.is_file())
                    && self.seal_in_place(&entry.path(), &original_context(sha256))?
                {
                    sealed += 1;
                }
            }
        }
        if let Ok(entries) = fs::read_dir(&self.thumbs) {
            for entry in entries.flatten() {
                let path = entry.path();
                if entry.file_type().is_ok_and(|t| t.is_file()) && !starts_sealed(&path)? {
                    remove_file_even_read_only(&path)
                        .map_err(|e| PhotoError::storage("remove the thumbnail", &path, e))?;
                }
            }
        }
        Ok(sealed)
    }

    /// Seal the file at `path` if it is plaintext; true if it was. The plaintext is read from the
    /// one handle whose first bytes were checked, so a file another process sealed meanwhile is
    /// never sealed twice.
    fn seal_in_place(&self, path: &Path, context: &[u8]) -> Result<bool, PhotoError> {
        let cannot = |e| PhotoError::storage("seal the stored file", path, e);
        let mut attempts = 0;
        loop {
            attempts += 1;
            let mut plain = match File::open(path) {
                Ok(f) => f,
                Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
                Err(e) => return Err(cannot(e)),
            };
            let mut head = [0u8; SEAL_MAGIC.len()];
            let n = read_up_to(&mut plain, &mut head).map_err(cannot)?;
            if is_sealed(&head[..n]) {
                return Ok(false);
            }
            plain.seek(SeekFrom::Start(0)).map_err(cannot)?;
            let tmp = self.tmp_path();
            let written = (|| -> io::Result<()> {
                let file = create_private_file(&tmp)?;
                let mut writer = SealWriter::new(&self.key, context, file)?;
                io::copy(&mut plain, &mut writer)?;
                writer.finish()?.sync_all()?;
                set_read_only(&tmp)
            })();
            if let Err(e) = written {
                let _ = remove_file_even_read_only(&tmp);
                return Err(PhotoError::storage("write", &tmp, e));
            }
            match rename_over(&tmp, path) {
                Ok(()) => break,
                // Another process opening the vault emptied tmp/ under us: write again.
                Err(e) if e.kind() == io::ErrorKind::NotFound && attempts < 3 => continue,
                Err(e) => {
                    let _ = remove_file_even_read_only(&tmp);
                    return Err(cannot(e));
                }
            }
        }
        let dir = path.parent().expect("a stored file lives in a folder");
        sync_dir(dir).map_err(|e| PhotoError::storage("flush the folder", dir, e))?;
        Ok(true)
    }
}

/// True if the file at `path` starts like a sealed file.
fn starts_sealed(path: &Path) -> Result<bool, PhotoError> {
    let mut head = [0u8; SEAL_MAGIC.len()];
    let mut file = File::open(path).map_err(|e| PhotoError::storage("read", path, e))?;
    let n = read_up_to(&mut file, &mut head).map_err(|e| PhotoError::storage("read", path, e))?;
    Ok(is_sealed(&head[..n]))
}

fn read_up_to(reader: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}
