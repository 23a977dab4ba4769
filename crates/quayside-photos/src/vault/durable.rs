//! Low-level file operations that make a write last and keep it private, each hiding how Unix and
//! Windows differ: folders and files only their owner may open, flushing files and folders,
//! marking a file read-only, and renaming or removing one that is. The only module of the vault
//! that knows those differences.
//!
//! On Unix the vault's folders are made 0700 and its files 0600 (originals 0400). On Windows the
//! data folder lives in the person's own application data folder, whose ACL already admits only
//! that account (and administrators); the vault relies on that and sets no ACL of its own.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::Path;

/// Make `dir` and any missing parents; on Unix each folder made, and `dir` itself, is owner-only
/// (0700).
pub(super) fn create_private_dir_all(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
        // An existing folder (made by an older version, or by hand) is tightened too.
        let mode = fs::metadata(dir)?.permissions().mode() & 0o777;
        if mode != 0o700 {
            fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
        }
        Ok(())
    }
    #[cfg(not(unix))]
    {
        fs::create_dir_all(dir)
    }
}

/// Create a new file that only its owner may read and write (0600 on Unix); fails if it exists.
pub(super) fn create_private_file(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// Flush a stored original to disk. Windows cannot flush a file opened read-only, and the
/// original is read-only; there, the writer's flush before its rename is what there is.
#[cfg(unix)]
pub(super) fn sync_file(path: &Path) -> io::Result<()> {
    fs::File::open(path)?.sync_all()
}

#[cfg(not(unix))]
pub(super) fn sync_file(_path: &Path) -> io::Result<()> {
    Ok(())
}

/// Make a rename in `dir` durable. Windows has no directory fsync; NTFS journals the rename.
#[cfg(unix)]
pub(super) fn sync_dir(dir: &Path) -> io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
pub(super) fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

/// Read-only for its owner, nothing for anyone else (0400 on Unix).
#[cfg(unix)]
pub(super) fn set_read_only(path: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(0o400))
}

#[cfg(not(unix))]
pub(super) fn set_read_only(path: &Path) -> io::Result<()> {
    let mut perms = fs::metadata(path)?.permissions();
    perms.set_readonly(true);
    fs::set_permissions(path, perms)
}

/// Unix may remove a read-only file; Windows first needs the flag cleared.
pub(super) fn remove_file_even_read_only(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            #[allow(clippy::permissions_set_readonly_false)]
            if let Ok(meta) = fs::metadata(path) {
                let mut perms = meta.permissions();
                perms.set_readonly(false);
                fs::set_permissions(path, perms)?;
            }
            fs::remove_file(path)
        }
        other => other,
    }
}

/// Rename, replacing `to`. On Windows a read-only target blocks the rename, so it goes first.
pub(super) fn rename_over(from: &Path, to: &Path) -> io::Result<()> {
    #[cfg(windows)]
    if to.exists() {
        remove_file_even_read_only(to)?;
    }
    fs::rename(from, to)
}
