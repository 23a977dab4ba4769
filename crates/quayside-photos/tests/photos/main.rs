//! The photo vault's tests, one module per source module, on real files in temporary folders
//! with images made in code (`quayside_testkit::fixtures`).

mod decode;
mod media;
mod metadata;
mod structure;
mod thumbnail;
mod vault;

use std::fs;
use std::path::{Path, PathBuf};

use quayside_photos::{Limits, PhotoError, Vault};

/// Just under the pixel limit: 10954 x 10954 = 119 990 116 pixels.
const NEAR_LIMIT: u32 = 10954;

/// Every file under `dir`, in subfolders too.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// Everything under vault/ and thumbs/ (the folders themselves are made at open).
fn written(data_dir: &Path) -> Vec<PathBuf> {
    let mut out = files_under(&data_dir.join("vault"));
    out.extend(files_under(&data_dir.join("thumbs")));
    out
}

/// Import `bytes` as `file` into a fresh vault with `limits`: it must be refused, by a message
/// naming the file, with nothing written.
fn refused(limits: Limits, file: &str, bytes: &[u8]) -> PhotoError {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open_with_limits(dir.path(), limits).unwrap();
    let err = vault.import(file, bytes).expect_err("must be refused");
    assert!(
        written(dir.path()).is_empty(),
        "nothing written for {file}: {err}"
    );
    assert!(
        err.to_string().contains(file),
        "message names the file: {err}"
    );
    err
}

/// Undo the vault's read-only mark on an original, so a test can tamper with it.
fn make_writable(path: &Path) {
    let mut perms = fs::metadata(path).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    fs::set_permissions(path, perms).unwrap();
}
