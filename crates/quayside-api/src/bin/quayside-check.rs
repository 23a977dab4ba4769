//! `quayside-check`: verify evidence without the app and without the network.
//! - `--data-dir DIR`: a data folder (read-only): every event signature and device chain, replays,
//!   revoked devices, approvals, and every photo original against its hash.
//! - `--bundle FILE [--server-key HEX]`: a case-file bundle exported by the app, including the
//!   server's signed checkpoints and each event's place in the server's log.
//!
//!
//! An encrypted data folder is opened with a passphrase or the recovery key, read from a file
//! (`--passphrase-file`, `--recovery-key-file`) or from `QUAYSIDE_PASSPHRASE`, never from the
//! command line, where other users of the machine could read it.
//!
//! Each failure is printed on a line of its own, naming the case, event, device or photo.
//! Exit 0 when all is intact, 1 when something failed, 2 when it cannot be checked at all.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{ArgGroup, Parser};
use quayside_api::check_photos;
use quayside_keys::{DataKey, KeySlots};
use quayside_photos::Vault;
use quayside_store::{StoreError, StoreReader};

#[derive(Parser)]
#[command(
    name = "quayside-check",
    about = "Verify a Quayside data folder or case-file bundle"
)]
#[command(group(ArgGroup::new("what").required(true).args(["data_dir", "bundle"])))]
struct Args {
    /// A data folder of the app (or a copy of one).
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// A case-file bundle (.zip) exported by the app.
    #[arg(long)]
    bundle: Option<PathBuf>,
    /// The sync server's public key (hex, from `quayside-server key`): check the server's
    /// signatures in a bundle against it instead of the key the bundle names.
    #[arg(long, requires = "bundle")]
    server_key: Option<String>,
    /// A file holding the passphrase of a person of an encrypted data folder (first line).
    #[arg(long, requires = "data_dir", conflicts_with = "recovery_key_file")]
    passphrase_file: Option<PathBuf>,
    /// A file holding the data folder's recovery key, as written down at set-up.
    #[arg(long, requires = "data_dir")]
    recovery_key_file: Option<PathBuf>,
}

/// How the data key is unlocked, if the folder is encrypted.
enum Secret {
    Passphrase(String),
    RecoveryKey(String),
}

fn secret(args: &Args) -> Result<Option<Secret>, String> {
    let read = |path: &PathBuf| {
        std::fs::read_to_string(path)
            .map(|text| text.lines().next().unwrap_or_default().to_string())
            .map_err(|e| format!("{}: {e}", path.display()))
    };
    Ok(match (&args.passphrase_file, &args.recovery_key_file) {
        (Some(path), _) => Some(Secret::Passphrase(read(path)?)),
        (None, Some(path)) => Some(Secret::RecoveryKey(read(path)?)),
        (None, None) => std::env::var("QUAYSIDE_PASSPHRASE")
            .ok()
            .map(Secret::Passphrase),
    })
}

/// The data key of an encrypted folder; `None` for a plaintext one.
fn data_key(dir: &std::path::Path, secret: Option<Secret>) -> Result<Option<DataKey>, String> {
    if !KeySlots::exists(dir) {
        return Ok(None);
    }
    let slots = KeySlots::load(dir).map_err(|e| e.to_string())?;
    match secret {
        None => Err(format!(
            "{} is encrypted: give a passphrase (--passphrase-file, or QUAYSIDE_PASSPHRASE) or the recovery key (--recovery-key-file)",
            dir.display()
        )),
        Some(Secret::Passphrase(p)) => slots
            .check_passphrase(&p)
            .map(|(_, key)| Some(key))
            .map_err(|e| e.to_string()),
        Some(Secret::RecoveryKey(r)) => slots
            .check_recovery_key(&r)
            .map(Some)
            .map_err(|e| e.to_string()),
    }
}

fn count(n: u32, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

fn main() -> ExitCode {
    let args = Args::parse();
    match (&args.data_dir, &args.bundle) {
        (Some(dir), _) => match secret(&args).and_then(|s| data_key(dir, s)) {
            Ok(key) => check_folder(dir, key.as_ref()),
            Err(e) => {
                eprintln!("quayside-check: {e}");
                ExitCode::from(2)
            }
        },
        (None, Some(file)) => check_bundle(file, args.server_key.as_deref()),
        (None, None) => unreachable!("clap requires one"),
    }
}

fn check_bundle(file: &std::path::Path, server_key: Option<&str>) -> ExitCode {
    let server_key = match server_key.map(quayside_protocol::statement::server_key) {
        None => None,
        Some(Ok(key)) => Some(key),
        Some(Err(e)) => {
            eprintln!("quayside-check: --server-key: {e}");
            return ExitCode::from(2);
        }
    };
    let opened = std::fs::File::open(file).map(std::io::BufReader::new);
    let report = opened
        .map_err(quayside_evidence::BundleError::from)
        .and_then(|reader| quayside_evidence::verify_bundle(reader, server_key));
    match report {
        Ok(report) => {
            println!("{report}");
            if report.verified() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(e) => {
            eprintln!("quayside-check: {}: {e}", file.display());
            ExitCode::from(2)
        }
    }
}

fn check_folder(dir: &std::path::Path, key: Option<&DataKey>) -> ExitCode {
    if !dir.join(quayside_store::DATABASE_FILE).is_file() {
        eprintln!("quayside-check: no case database in {}", dir.display());
        return ExitCode::from(2);
    }
    // Read-only: a copy or a read-only mount can be checked, without the device key, and nothing in
    // the folder is created, migrated or cleaned up.
    let report = (|| {
        let store = match key {
            Some(key) => StoreReader::open_encrypted(dir, key)?,
            None => StoreReader::open(dir)?,
        };
        // Photos are sealed with the file key; a plaintext folder's vault opens with any key.
        let file_key = key.map_or_else(
            || quayside_keys::DataKey::generate().file_key(),
            DataKey::file_key,
        );
        let vault = Vault::open_read_only(dir, file_key).map_err(|e| StoreError::Unavailable {
            path: dir.join("vault"),
            reason: e.to_string(),
        })?;
        let log = store.verify_log()?;
        // A damaged page may hold the photo list: the damage is the finding then.
        let photos = match store.photo_refs() {
            Ok(refs) => check_photos(&refs, &vault),
            Err(_) if !log.damage.is_empty() => quayside_api::VaultReport::default(),
            Err(e) => return Err(e),
        };
        Ok::<_, StoreError>((log, photos))
    })();
    let (log, vault) = match report {
        Ok(reports) => reports,
        Err(e) => {
            eprintln!("quayside-check: {e}");
            return ExitCode::from(2);
        }
    };
    // A tool for whoever checks a data folder: it reports in English, like logs.
    let english = quayside_i18n::Catalogue::english();
    for line in &log.damage {
        println!("{}", english.format(line));
    }
    for p in &log.problems {
        println!(
            "event {} (device {}, sequence {}{}): {}",
            p.event_id,
            p.device_id,
            p.device_seq,
            p.case
                .as_deref()
                .map(|c| format!(", case {c}"))
                .unwrap_or_default(),
            english.format(&p.what)
        );
    }
    for p in &vault.problems {
        println!(
            "photo {} of case {} (SHA-256 {}): {}",
            p.file_name,
            p.case_number,
            p.sha256,
            english.format(&p.problem)
        );
    }
    for p in &vault.not_fetched {
        println!(
            "not fetched yet (not a failure): photo {} of case {} (SHA-256 {}): {}",
            p.file_name,
            p.case_number,
            p.sha256,
            english.format(&p.problem)
        );
    }
    for r in &log.refused {
        println!(
            "refused at sync (not in the log): event {}: {} (received {})",
            r.event_id.as_deref().unwrap_or("?"),
            r.reason_english,
            r.received_at
        );
    }
    let failed = log.damage.len() + log.problems.len() + vault.problems.len();
    if failed == 0 {
        println!(
            "verified: {}, from {}; {}",
            count(log.events, "event"),
            count(log.devices, "device"),
            count(vault.photos_checked, "photo")
        );
        ExitCode::SUCCESS
    } else {
        println!(
            "FAILED: {failed} problems in {} events and {} photos",
            log.events, vault.photos_checked
        );
        ExitCode::from(1)
    }
}
