//! Low-level file operations that make a write last, each hiding how Unix and Windows differ:
//! flushing files and folders, marking a file read-only, and renaming or removing one that is.
//! The only module of the vault that knows those differences.

use std::fs;
use std::io;
use std::path::Path;

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

#[cfg(unix)]
pub(super) fn set_read_only(path: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(0o444))
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
