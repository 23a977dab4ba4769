//! Folders and files only the server's own account may open: the data folder, the photo and
//! upload folders 0700, photos, uploads and the database 0600 (a stored photo then read-only,
//! 0400). On other platforms than Unix nothing is set here: the data folder's ACL, inherited from
//! the folder the operator put it in (the service account's own), is what protects it.

use std::fs::{self, OpenOptions};
use std::io;
use std::path::Path;

/// Make `dir` and any missing parents, owner-only on Unix; an existing `dir` is tightened too.
pub fn create_dir_all(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
        if fs::metadata(dir)?.permissions().mode() & 0o777 != 0o700 {
            fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
        }
        Ok(())
    }
    #[cfg(not(unix))]
    {
        fs::create_dir_all(dir)
    }
}

/// Open options whose newly created file only its owner may read and write (0600 on Unix).
pub fn file_options() -> OpenOptions {
    #[allow(unused_mut)]
    let mut options = OpenOptions::new();
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
}

/// Make an existing file (a database SQLite created) owner-only: 0600 on Unix.
pub fn restrict_file(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(0o600))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        Ok(())
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    #[test]
    fn the_data_folder_its_folders_and_the_database_are_owner_only() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("data");
        let (_store, _blobs) = crate::open_data_dir(&dir).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        for folder in [dir.clone(), dir.join("photos"), dir.join("uploads")] {
            assert_eq!(mode(&folder), 0o700, "{}", folder.display());
        }
        assert_eq!(mode(&dir.join(crate::config::DATABASE_FILE)), 0o600);
        let file = dir.join("uploads").join("x");
        file_options()
            .create(true)
            .append(true)
            .open(&file)
            .unwrap();
        assert_eq!(mode(&file), 0o600);
    }
}
