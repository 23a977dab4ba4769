//! Fault injection, for crash tests that drive the real binary; only in builds with the
//! `test-support` feature (a release build neither reads the variable nor has the fault points).
//!
//! `QUAYSIDE_SERVER_FAULT` is read once at startup:
//! - `crash-after-push-commit`: abort the process right after a push transaction commits, before
//!   the response is sent (the client sees a dropped connection; the events must be held).
//! - `crash-after-upload-bytes=N`: abort once N bytes of photo chunks have been written durably to
//!   partial uploads by this process (the upload must resume from what was written).
//! - `delay-in-push=MAXMS`: every push waits a random 0 to MAXMS milliseconds INSIDE its
//!   transaction, after writing and before committing (both backends), so a test can hold
//!   transactions open while others commit (the pull cursor must skip nothing).
//!
//! For the crashes `std::process::abort` is used, not `exit`: no destructor, flush or shutdown hook runs, as in a crash.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

pub const FAULT_ENV: &str = "QUAYSIDE_SERVER_FAULT";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Fault {
    #[default]
    None,
    CrashAfterPushCommit,
    CrashAfterUploadBytes(u64),
    /// Most milliseconds a push waits inside its transaction.
    DelayInPush(u64),
}

impl Fault {
    /// The fault named in the environment, or why its value is not one.
    pub fn from_env() -> Result<Fault, String> {
        match std::env::var(FAULT_ENV) {
            Ok(text) => Fault::parse(&text),
            Err(_) => Ok(Fault::None),
        }
    }

    pub fn parse(text: &str) -> Result<Fault, String> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(Fault::None);
        }
        if text == "crash-after-push-commit" {
            return Ok(Fault::CrashAfterPushCommit);
        }
        if let Some(n) = text.strip_prefix("crash-after-upload-bytes=") {
            return n
                .parse()
                .map(Fault::CrashAfterUploadBytes)
                .map_err(|_| format!("{FAULT_ENV}={text}: N must be a whole number of bytes"));
        }
        if let Some(n) = text.strip_prefix("delay-in-push=") {
            return n
                .parse()
                .map(Fault::DelayInPush)
                .map_err(|_| format!("{FAULT_ENV}={text}: MAXMS must be a whole number of ms"));
        }
        Err(format!(
            "{FAULT_ENV}={text} is not a known fault: use crash-after-push-commit, \
             crash-after-upload-bytes=N or delay-in-push=MAXMS (test-only; unset it otherwise)"
        ))
    }
}

/// The armed fault of this process and what it has counted so far.
#[derive(Debug, Default)]
pub struct Faults {
    fault: Fault,
    uploaded: AtomicU64,
}

impl Faults {
    pub fn new(fault: Fault) -> Faults {
        Faults {
            fault,
            uploaded: AtomicU64::new(0),
        }
    }

    pub fn after_push_commit(&self) {
        if self.fault == Fault::CrashAfterPushCommit {
            eprintln!("{FAULT_ENV}: aborting after a push commit");
            std::process::abort();
        }
    }

    /// How long this push waits inside its transaction before committing: a random 0 to MAXMS ms
    /// under `delay-in-push=MAXMS`, else zero.
    pub fn delay_in_push(&self) -> Duration {
        match self.fault {
            Fault::DelayInPush(max) => {
                let mut bytes = [0u8; 8];
                // Randomness only spreads the delays; without it every push waits the longest.
                let random = match getrandom::fill(&mut bytes) {
                    Ok(()) => u64::from_le_bytes(bytes),
                    Err(_) => u64::MAX,
                };
                Duration::from_millis(random % (max.saturating_add(1)))
            }
            _ => Duration::ZERO,
        }
    }

    /// Call after `bytes` of a chunk are durably written to a partial upload.
    pub fn after_upload_bytes(&self, bytes: u64) {
        if let Fault::CrashAfterUploadBytes(limit) = self.fault {
            let total = self.uploaded.fetch_add(bytes, Ordering::SeqCst) + bytes;
            if total >= limit {
                eprintln!("{FAULT_ENV}: aborting after {total} uploaded bytes");
                std::process::abort();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faults_parse_and_unknown_ones_are_named() {
        assert_eq!(Fault::parse(""), Ok(Fault::None));
        assert_eq!(
            Fault::parse("crash-after-push-commit"),
            Ok(Fault::CrashAfterPushCommit)
        );
        assert_eq!(
            Fault::parse("crash-after-upload-bytes=1500"),
            Ok(Fault::CrashAfterUploadBytes(1500))
        );
        assert!(Fault::parse("crash-after-upload-bytes=x")
            .unwrap_err()
            .contains("whole number"));
        assert_eq!(Fault::parse("delay-in-push=40"), Ok(Fault::DelayInPush(40)));
        assert!(Fault::parse("delay-in-push=soon")
            .unwrap_err()
            .contains("whole number"));
        let faults = Faults::new(Fault::DelayInPush(40));
        assert!((0..50).all(|_| faults.delay_in_push() <= Duration::from_millis(40)));
        assert_eq!(Faults::new(Fault::None).delay_in_push(), Duration::ZERO);
        assert!(Fault::parse("crash-now")
            .unwrap_err()
            .contains("not a known fault"));
    }
}
