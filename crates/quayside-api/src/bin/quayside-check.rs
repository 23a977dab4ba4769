//! `quayside-check --data-dir DIR`: verify a data folder without the app: every event signature
//! and device chain, and every photo original against its hash. Exit 0 when all is intact,
//! 1 when something failed (each failure is named), 2 when the folder cannot be checked.

use std::path::PathBuf;
use std::process::ExitCode;

use quayside_api::check_photos;
use quayside_photos::Vault;
use quayside_store::{StoreError, StoreReader};

const USAGE: &str = "usage: quayside-check --data-dir DIR";

fn data_dir() -> Result<PathBuf, String> {
    let mut args = std::env::args().skip(1);
    match (args.next().as_deref(), args.next(), args.next()) {
        (Some("--data-dir"), Some(dir), None) => Ok(PathBuf::from(dir)),
        _ => Err(USAGE.to_string()),
    }
}

fn count(n: u32, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

fn main() -> ExitCode {
    let dir = match data_dir() {
        Ok(dir) => dir,
        Err(usage) => {
            eprintln!("{usage}");
            return ExitCode::from(2);
        }
    };
    if !dir.join(quayside_store::DATABASE_FILE).is_file() {
        eprintln!("quayside-check: no case database in {}", dir.display());
        return ExitCode::from(2);
    }
    // Read-only: a copy or a read-only mount can be checked, without the device key, and nothing in
    // the folder is created, migrated or cleaned up.
    let report = (|| {
        let store = StoreReader::open(&dir)?;
        let vault = Vault::open_read_only(&dir).map_err(|e| StoreError::Unavailable {
            path: dir.join("vault"),
            reason: e.to_string(),
        })?;
        Ok::<_, StoreError>((
            store.verify_log()?,
            check_photos(&store.photo_refs()?, &vault),
        ))
    })();
    let (log, vault) = match report {
        Ok(reports) => reports,
        Err(e) => {
            eprintln!("quayside-check: {e}");
            return ExitCode::from(2);
        }
    };
    for p in &log.problems {
        println!(
            "event {} (device {}, sequence {}): {}",
            p.event_id, p.device_id, p.device_seq, p.what
        );
    }
    for p in &vault.problems {
        println!(
            "photo {} of case {} (SHA-256 {}): {}",
            p.file_name, p.case_number, p.sha256, p.problem
        );
    }
    let failed = log.problems.len() + vault.problems.len();
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
