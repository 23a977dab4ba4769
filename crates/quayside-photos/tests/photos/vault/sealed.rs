//! The sealed vault on real files: what is on disk shows nothing of the photos, a wrong key is
//! refused before anything is read, a vault an older version wrote in plaintext is sealed in place
//! (and a conversion killed at any point loses nothing), and folders and files are private.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use quayside_photos::{Integrity, PhotoError, Vault};
use quayside_testkit::fixtures::*;
use sha2::{Digest, Sha256};

use crate::{files_under, unseal_original};

/// A JPEG carrying `marker` in a comment segment right after its start marker.
fn jpeg_with_comment(marker: &[u8]) -> Vec<u8> {
    let jpeg = camera_jpeg(400, 300, 90, &ExifSpec::santos(), 9);
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xFE]);
    out.extend_from_slice(&((marker.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(marker);
    out.extend_from_slice(&jpeg[2..]);
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn nothing_on_disk_shows_a_photo_and_reads_give_the_plaintext_back() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path(), file_key()).unwrap();
    let marker = b"PLANTED-MARKER Wang Wei E12345678";
    let jpeg = jpeg_with_comment(marker);
    let png = png_rgba(120, 80);

    let a = vault.import("a.jpg", &jpeg).unwrap();
    assert_eq!(
        a.sha256,
        hex::encode(Sha256::digest(&jpeg)),
        "named by plaintext"
    );
    let b = vault.import("b.png", &png).unwrap();
    let thumb = vault.thumbnail(&a.sha256, 128).unwrap().unwrap();
    let png_thumb = vault.thumbnail(&b.sha256, 256).unwrap().unwrap();
    let received = plain_jpeg(64, 48);
    let received_sha = hex::encode(Sha256::digest(&received));
    assert!(vault.store_received(&received_sha, &received).unwrap());

    // Reads give the plaintext back.
    assert_eq!(vault.read_original(&a.sha256).unwrap(), jpeg);
    assert_eq!(vault.read_original(&b.sha256).unwrap(), png);
    assert_eq!(vault.read_original(&received_sha).unwrap(), received);
    assert_eq!(vault.check(&a.sha256), Integrity::Intact);

    // On disk: every file sealed, and no piece of any photo, thumbnail or the marker anywhere.
    let files = files_under(dir.path());
    assert!(files.len() >= 6, "{files:?}");
    let pieces: Vec<&[u8]> = vec![
        marker,
        &jpeg[200..232],
        &png[40..72],
        &received[100..132],
        &thumb[100..132],
        &png_thumb[100..132],
    ];
    for file in &files {
        let bytes = fs::read(file).unwrap();
        assert!(
            quayside_keys::is_sealed(&bytes),
            "{} is sealed",
            file.display()
        );
        for piece in &pieces {
            assert!(!contains(&bytes, piece), "plaintext in {}", file.display());
        }
    }
}

#[test]
fn a_wrong_key_is_refused_before_anything_is_read_or_changed() {
    let dir = tempfile::tempdir().unwrap();
    let sha = Vault::open(dir.path(), file_key())
        .unwrap()
        .import("a.jpg", &plain_jpeg(40, 30))
        .unwrap()
        .sha256;
    fs::write(
        dir.path().join("vault").join("tmp").join("1-2-3.part"),
        b"x",
    )
    .unwrap();
    let before = files_under(dir.path());

    for err in [
        Vault::open(dir.path(), other_file_key()).unwrap_err(),
        Vault::open_read_only(dir.path(), other_file_key()).unwrap_err(),
    ] {
        assert!(matches!(err, PhotoError::WrongKey { .. }), "{err}");
        assert!(err.to_string().contains("another key"), "{err}");
    }
    assert_eq!(files_under(dir.path()), before, "nothing touched");

    // Without its key check (deleted), the sealed originals still tell a wrong key.
    fs::remove_file(dir.path().join("vault").join("key-check")).unwrap();
    let err = Vault::open(dir.path(), other_file_key()).unwrap_err();
    assert!(matches!(err, PhotoError::WrongKey { .. }), "{err}");
    let vault = Vault::open(dir.path(), file_key()).unwrap();
    assert_eq!(vault.check(&sha), Integrity::Intact);
    assert!(dir.path().join("vault").join("key-check").exists());
}

/// A vault as the unsealed version left it: plaintext originals (read-only), a plaintext
/// thumbnail, an altered copy set aside, an original altered in place, a crashed write in tmp/.
struct Legacy {
    originals: Vec<(String, Vec<u8>)>,
    altered_in_place: (String, Vec<u8>),
    set_aside: PathBuf,
}

fn legacy_vault(data: &Path, count: usize, side: u32) -> Legacy {
    let vault = data.join("vault");
    let mut originals = Vec::new();
    for seed in 0..count as u64 {
        let bytes = camera_jpeg(side, side * 3 / 4, 90, &ExifSpec::santos(), 100 + seed);
        let sha = hex::encode(Sha256::digest(&bytes));
        let fan = vault.join(&sha[..2]);
        fs::create_dir_all(&fan).unwrap();
        fs::write(fan.join(&sha), &bytes).unwrap();
        make_read_only(&fan.join(&sha));
        originals.push((sha, bytes));
    }
    let true_bytes = plain_jpeg(50, 40);
    let sha = hex::encode(Sha256::digest(&true_bytes));
    let altered = true_bytes[..300].to_vec();
    fs::create_dir_all(vault.join(&sha[..2])).unwrap();
    fs::write(vault.join(&sha[..2]).join(&sha), &altered).unwrap();
    let thumbs = data.join("thumbs");
    fs::create_dir_all(&thumbs).unwrap();
    fs::write(
        thumbs.join(format!("{}-256.jpg", originals[0].0)),
        plain_jpeg(20, 15),
    )
    .unwrap();
    fs::create_dir_all(vault.join("altered")).unwrap();
    let set_aside = vault
        .join("altered")
        .join(format!("{}-123", originals[0].0));
    fs::write(&set_aside, b"an altered copy kept for examination").unwrap();
    fs::create_dir_all(vault.join("tmp")).unwrap();
    fs::write(vault.join("tmp").join("9-9-9.part"), &originals[0].1[..50]).unwrap();
    Legacy {
        originals,
        altered_in_place: (sha, altered),
        set_aside,
    }
}

fn make_read_only(path: &Path) {
    let mut perms = fs::metadata(path).unwrap().permissions();
    perms.set_readonly(true);
    fs::set_permissions(path, perms).unwrap();
}

/// Everything the legacy vault held reads back as it was, sealed, and nothing is left in
/// plaintext.
fn assert_sealed_and_whole(data: &Path, legacy: &Legacy) {
    let vault = Vault::open(data, file_key()).unwrap();
    for (sha, bytes) in &legacy.originals {
        assert_eq!(vault.check(sha), Integrity::Intact);
        assert_eq!(&vault.read_original(sha).unwrap(), bytes);
        assert_eq!(&unseal_original(&vault.original_path(sha), sha), bytes);
    }
    let (sha, altered) = &legacy.altered_in_place;
    assert_eq!(
        vault.check(sha),
        Integrity::Altered {
            actual_sha256: hex::encode(Sha256::digest(altered)),
            actual_size: altered.len() as u64
        },
        "an altered original stays altered, sealed as it was"
    );
    let kept = &legacy.originals[0].0;
    assert_eq!(
        unseal_original(&legacy.set_aside, kept),
        b"an altered copy kept for examination"
    );
    for file in files_under(data) {
        let bytes = fs::read(&file).unwrap();
        assert!(
            quayside_keys::is_sealed(&bytes),
            "{} sealed",
            file.display()
        );
    }
    assert_eq!(
        fs::read_dir(data.join("vault").join("tmp"))
            .unwrap()
            .count(),
        0
    );
}

#[test]
fn a_plaintext_vault_is_sealed_in_place_at_open_once() {
    let dir = tempfile::tempdir().unwrap();
    let legacy = legacy_vault(dir.path(), 3, 320);

    // A read-only look reads the plaintext vault as it is, and changes nothing.
    let before = files_under(dir.path());
    let look = Vault::open_read_only(dir.path(), file_key()).unwrap();
    let (sha, bytes) = &legacy.originals[1];
    assert_eq!(look.check(sha), Integrity::Intact);
    assert_eq!(&look.read_original(sha).unwrap(), bytes);
    assert_eq!(files_under(dir.path()), before);

    assert_sealed_and_whole(dir.path(), &legacy);
    assert!(
        !dir.path()
            .join("thumbs")
            .join(format!("{}-256.jpg", legacy.originals[0].0))
            .exists(),
        "a plaintext thumbnail is dropped (a cache, remade sealed on demand)"
    );

    // Opening again changes nothing: the conversion is done once.
    let snapshot: Vec<(PathBuf, Vec<u8>)> = files_under(dir.path())
        .into_iter()
        .map(|p| (p.clone(), fs::read(&p).unwrap()))
        .collect();
    assert_sealed_and_whole(dir.path(), &legacy);
    for (path, bytes) in snapshot {
        assert_eq!(fs::read(&path).unwrap(), bytes, "{}", path.display());
    }
}

#[test]
fn a_conversion_cut_short_is_finished_at_the_next_open() {
    let dir = tempfile::tempdir().unwrap();
    let legacy = legacy_vault(dir.path(), 4, 200);
    // As a crash leaves it: one original sealed already, another's sealed copy half written in
    // tmp/, the others plaintext, and no key check yet.
    let (sha, bytes) = &legacy.originals[1];
    let path = dir.path().join("vault").join(&sha[..2]).join(sha);
    fs::remove_file(&path).unwrap();
    fs::write(&path, crate::seal_original(sha, bytes)).unwrap();
    let (sha2, bytes2) = &legacy.originals[2];
    let half = crate::seal_original(sha2, bytes2);
    fs::write(
        dir.path().join("vault").join("tmp").join("7-7-7.part"),
        &half[..half.len() / 2],
    )
    .unwrap();
    assert!(!dir.path().join("vault").join("key-check").exists());

    assert_sealed_and_whole(dir.path(), &legacy);
    assert!(dir.path().join("vault").join("key-check").exists());
}

/// Run by `a_conversion_killed_at_any_point_loses_nothing` in a child process: open (and so
/// convert) the vault it names. Does nothing when run on its own.
#[test]
#[ignore = "a child process of another test"]
fn convert_in_a_child_process() {
    if let Some(dir) = std::env::var_os("QUAYSIDE_CONVERT_DIR") {
        Vault::open(Path::new(&dir), file_key()).unwrap();
    }
}

#[test]
fn a_conversion_killed_at_any_point_loses_nothing() {
    let exe = std::env::current_exe().unwrap();
    for (round, delay_ms) in [0u64, 5, 15, 30, 60, 120].into_iter().enumerate() {
        let dir = tempfile::tempdir().unwrap();
        let legacy = legacy_vault(dir.path(), 12, 640 + round as u32 * 8);
        let mut child = std::process::Command::new(&exe)
            .args([
                "--exact",
                "vault::sealed::convert_in_a_child_process",
                "--ignored",
                "--test-threads=1",
            ])
            .env("QUAYSIDE_CONVERT_DIR", dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        assert_sealed_and_whole(dir.path(), &legacy);
    }
}

#[cfg(unix)]
#[test]
fn folders_are_owner_only_and_files_are_not_readable_by_others() {
    use std::os::unix::fs::PermissionsExt;

    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let vault = Vault::open(&data, file_key()).unwrap();
    let bytes = camera_jpeg(320, 240, 90, &ExifSpec::santos(), 4);
    let sha = vault.import("a.jpg", &bytes).unwrap().sha256;
    vault.thumbnail(&sha, 64).unwrap();
    // An altered copy set aside makes vault/altered/.
    let path = vault.original_path(&sha);
    crate::make_writable(&path);
    fs::write(&path, b"not the original").unwrap();
    vault.import("a.jpg", &bytes).unwrap();

    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let vault_dir = data.join("vault");
    for folder in [
        data.clone(),
        vault_dir.clone(),
        vault_dir.join(&sha[..2]),
        vault_dir.join("tmp"),
        vault_dir.join("altered"),
        data.join("thumbs"),
    ] {
        assert_eq!(mode(&folder), 0o700, "{}", folder.display());
    }
    for file in files_under(&data) {
        let m = mode(&file);
        assert!(m == 0o600 || m == 0o400, "{} is {m:o}", file.display());
    }
    assert_eq!(mode(&path), 0o400, "an original is read-only");
    assert_eq!(mode(&vault_dir.join("key-check")), 0o600);

    // A folder an older version left open to others is tightened at open.
    fs::set_permissions(&vault_dir, fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(&data, fs::Permissions::from_mode(0o755)).unwrap();
    Vault::open(&data, file_key()).unwrap();
    assert_eq!(mode(&vault_dir), 0o700);
    assert_eq!(mode(&data), 0o700);
}
