//! `quayside-check`: verify evidence without the app and without the network.
//! - `--data-dir DIR`: a data folder (read-only): every event signature and device chain, replays,
//!   revoked devices, approvals, and every photo original against its hash.
//! - `--bundle FILE [--server-key HEX]`: a case-file bundle exported by the app, including the
//!   server's signed checkpoints and each event's place in the server's log.
//!
//! Each failure is printed on a line of its own, naming the case, event, device or photo.
//! Exit 0 when all is intact, 1 when something failed, 2 when it cannot be checked at all.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{ArgGroup, Parser};
use quayside_api::check_photos;
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
}

fn count(n: u32, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

fn main() -> ExitCode {
    let args = Args::parse();
    match (&args.data_dir, &args.bundle) {
        (Some(dir), _) => check_folder(dir),
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

fn check_folder(dir: &std::path::Path) -> ExitCode {
    if !dir.join(quayside_store::DATABASE_FILE).is_file() {
        eprintln!("quayside-check: no case database in {}", dir.display());
        return ExitCode::from(2);
    }
    // Read-only: a copy or a read-only mount can be checked, without the device key, and nothing in
    // the folder is created, migrated or cleaned up.
    let report = (|| {
        let store = StoreReader::open(dir)?;
        // MERGE: the unlocked session's file key
        let vault =
            Vault::open_read_only(dir, quayside_api::placeholder_file_key()).map_err(|e| {
                StoreError::Unavailable {
                    path: dir.join("vault"),
                    reason: e.to_string(),
                }
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
    for line in &log.damage {
        println!("{line}");
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
            p.what
        );
    }
    for p in &vault.problems {
        println!(
            "photo {} of case {} (SHA-256 {}): {}",
            p.file_name, p.case_number, p.sha256, p.problem
        );
    }
    for p in &vault.not_fetched {
        println!(
            "not fetched yet (not a failure): photo {} of case {} (SHA-256 {}): {}",
            p.file_name, p.case_number, p.sha256, p.problem
        );
    }
    for r in &log.refused {
        println!(
            "refused at sync (not in the log): event {}: {} (received {})",
            r.event_id.as_deref().unwrap_or("?"),
            r.reason,
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
