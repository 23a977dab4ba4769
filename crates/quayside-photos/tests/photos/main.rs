//! The photo vault's tests, one module per source module, on real files in temporary folders
//! with images made in code (`quayside_testkit::fixtures`).

mod codes;
mod decode;
mod media;
mod metadata;
mod structure;
mod thumbnail;
mod vault;
mod xray;

use std::fs;
use std::path::{Path, PathBuf};

use quayside_i18n::{Catalogue, Locale};
use quayside_photos::{Imported, Limits, PhotoError, Vault};
use quayside_testkit::fixtures::file_key;

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

/// Everything under vault/ and thumbs/ (the folders themselves, and the key check, are made at
/// open).
fn written(data_dir: &Path) -> Vec<PathBuf> {
    let key_check = data_dir.join("vault").join("key-check");
    let mut out: Vec<PathBuf> = files_under(&data_dir.join("vault"))
        .into_iter()
        .filter(|p| *p != key_check)
        .collect();
    out.extend(files_under(&data_dir.join("thumbs")));
    out
}

/// Import `bytes` as `file` into a fresh vault with `limits`: it must be refused, by a message
/// naming the file, with nothing written.
fn refused(limits: Limits, file: &str, bytes: &[u8]) -> PhotoError {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open_with_limits(dir.path(), limits, file_key()).unwrap();
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

/// The context the vault seals the original of `sha256` under (and thumbnails, below): tests read
/// and plant sealed files as the vault, or an older version of it, would.
fn original_context(sha256: &str) -> Vec<u8> {
    format!("quayside vault original {sha256}").into_bytes()
}

fn thumbnail_context(sha256: &str, side: u32) -> Vec<u8> {
    format!("quayside vault thumbnail {sha256}-{side}").into_bytes()
}

/// The plaintext of the stored original at `path`.
fn unseal_original(path: &Path, sha256: &str) -> Vec<u8> {
    let sealed = fs::read(path).unwrap();
    assert!(
        quayside_keys::is_sealed(&sealed),
        "{} is sealed",
        path.display()
    );
    quayside_keys::open(&file_key(), &original_context(sha256), &sealed).unwrap()
}

/// `plain` sealed as the original of `sha256` (whatever it hashes to).
fn seal_original(sha256: &str, plain: &[u8]) -> Vec<u8> {
    quayside_keys::seal(&file_key(), &original_context(sha256), plain)
}

/// The plaintext of the cached thumbnail at `path`.
fn unseal_thumbnail(path: &Path, sha256: &str, side: u32) -> Vec<u8> {
    let sealed = fs::read(path).unwrap();
    quayside_keys::open(&file_key(), &thumbnail_context(sha256, side), &sealed).unwrap()
}

fn seal_thumbnail(sha256: &str, side: u32, plain: &[u8]) -> Vec<u8> {
    quayside_keys::seal(&file_key(), &thumbnail_context(sha256, side), plain)
}

/// Undo the vault's read-only mark on an original, so a test can tamper with it.
fn make_writable(path: &Path) {
    let mut perms = fs::metadata(path).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    fs::set_permissions(path, perms).unwrap();
}

/// The keys of an import's notes, in order.
fn note_keys(imported: &Imported) -> Vec<&str> {
    imported.notes.iter().map(|n| n.key.as_str()).collect()
}

/// An import's notes in English, each checked in every language (key present, arguments as the
/// message takes them), joined for assertions on their words.
fn notes_text(imported: &Imported) -> String {
    for locale in [Locale::En, Locale::ZhCn, Locale::Th, Locale::Es] {
        for note in &imported.notes {
            if let Err(e) = Catalogue::get(locale).format_checked(note) {
                panic!("{locale:?}: {e}");
            }
        }
    }
    let english = Catalogue::english();
    let words: Vec<String> = imported.notes.iter().map(|n| english.format(n)).collect();
    words.join("; ")
}
