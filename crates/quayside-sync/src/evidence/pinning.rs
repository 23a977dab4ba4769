//! The server's key: pinned the first time it is seen, and every later answer must come from it. A
//! server with another key may not be the one this device signed in to, so nothing is sent to it
//! or taken from it.

use ed25519_dalek::VerifyingKey;
use quayside_protocol::SyncState;
use quayside_store::Store;

use super::alert::ALERT_SERVER_KEY_CHANGED;
use crate::error::SyncError;

/// The pinned server key, checked against what the server says now. None for a server that signs
/// nothing (an older one, and none pinned). A key seen for the first time is pinned.
pub(crate) fn check_server_key(
    store: &Store,
    state: &SyncState,
) -> Result<Option<(VerifyingKey, String)>, SyncError> {
    let seen = state.server_key.trim().to_ascii_lowercase();
    let key = match store.server_key()? {
        None if seen.is_empty() => return Ok(None),
        None => {
            let key = parse_key(&seen)?;
            store.pin_server_key(&seen)?;
            key
        }
        Some(expected) if expected == seen => parse_key(&seen)?,
        Some(expected) => {
            let error = key_changed(&seen, &expected);
            store.record_log_alert(ALERT_SERVER_KEY_CHANGED, &error.to_string())?;
            return Err(error);
        }
    };
    Ok(Some((key, seen)))
}

fn parse_key(hex_key: &str) -> Result<VerifyingKey, SyncError> {
    quayside_protocol::statement::server_key(hex_key)
        .map_err(|e| SyncError::Protocol(format!("the server's key: {e}")))
}

pub use crate::tls::fingerprint;

/// The error for a server whose key is not the pinned one (`seen` empty: it signs nothing now).
pub(crate) fn key_changed(seen: &str, expected: &str) -> SyncError {
    let seen = if seen.is_empty() {
        "none: it no longer signs".to_string()
    } else {
        fingerprint(seen)
    };
    SyncError::ServerKeyChanged(format!(
        "The sync server now signs with another key (fingerprint {seen}; this device expects {}). \
         It may not be the server this device signed in to. Nothing was sent or taken: ask an \
         admin to check the server's key.",
        fingerprint(expected)
    ))
}

/// The notice for a sign-in to another address whose server signs with another key than the
/// pinned one (`seen` empty: it signs nothing).
pub(crate) fn server_changed(
    before: Option<&str>,
    expected: &str,
    now: &str,
    seen: &str,
) -> String {
    let seen = if seen.is_empty() {
        "none: it signs nothing".to_string()
    } else {
        fingerprint(seen)
    };
    format!(
        "This device moved to the sync server at {now} (key {seen}) from the one at {} (key {}). \
         Receipts, proofs and enrollments from the earlier server stay as they were; from now on \
         the new key is pinned. If {now} is the same server under another address, its key \
         changed: ask an admin to check the server's key.",
        before.unwrap_or("an earlier sign-in"),
        fingerprint(expected),
    )
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{hex_of, server, state, store};
    use super::*;

    #[test]
    fn the_first_key_seen_is_pinned_and_another_is_refused_with_both_fingerprints() {
        let (_dir, store) = store();
        assert!(check_server_key(&store, &state("", 0)).unwrap().is_none());
        let first = hex_of(&server(1));
        let (_, hex_key) = check_server_key(&store, &state(&first.to_uppercase(), 0))
            .unwrap()
            .unwrap();
        assert_eq!(hex_key, first);
        assert_eq!(store.server_key().unwrap(), Some(first.clone()));
        assert!(check_server_key(&store, &state(&first, 0)).is_ok());

        let other = hex_of(&server(2));
        let err = check_server_key(&store, &state(&other, 0)).unwrap_err();
        let message = err.to_string();
        assert!(matches!(err, SyncError::ServerKeyChanged(_)));
        assert!(message.contains(&fingerprint(&other)), "{message}");
        assert!(message.contains(&fingerprint(&first)), "{message}");
        assert!(message.contains("ask an admin"), "{message}");
        // A server that stops signing is refused too.
        let err = check_server_key(&store, &state("", 0)).unwrap_err();
        assert!(err.to_string().contains("no longer signs"), "{err}");
        let alerts = store.log_alerts().unwrap();
        assert_eq!(alerts.len(), 2);
        assert!(alerts.iter().all(|a| a.kind == ALERT_SERVER_KEY_CHANGED));
        assert_eq!(store.server_key().unwrap(), Some(first), "still pinned");
    }

    #[test]
    fn fingerprints_are_sixteen_digits_in_fours() {
        assert_eq!(
            fingerprint(&"0123456789abcdef".repeat(4)),
            "0123 4567 89ab cdef"
        );
    }
}
