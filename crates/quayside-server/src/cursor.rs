//! The pull cursor: opaque to clients, it is base64url of the log's epoch and the last log sequence
//! the server examined for that caller (returned or filtered out), so a pull never re-scans and never
//! skips. The epoch makes a cursor from before a restore detectable.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub epoch: String,
    pub seq: u64,
}

impl Cursor {
    pub fn encode(&self) -> String {
        URL_SAFE_NO_PAD.encode(format!("{}:{}", self.epoch, self.seq))
    }

    /// Parse a cursor a client sent back, or say why it is not one of ours.
    pub fn decode(text: &str) -> Result<Cursor, String> {
        let unreadable = || {
            format!(
                "cursor {text:?} is not one this server gave out: send the cursor of the last pull \
                 unchanged, or none to pull from the start"
            )
        };
        let bytes = URL_SAFE_NO_PAD
            .decode(text.trim_end_matches('='))
            .map_err(|_| unreadable())?;
        let text = String::from_utf8(bytes).map_err(|_| unreadable())?;
        let (epoch, seq) = text.rsplit_once(':').ok_or_else(unreadable)?;
        let seq = seq.parse().map_err(|_| unreadable())?;
        if epoch.is_empty() {
            return Err(unreadable());
        }
        Ok(Cursor {
            epoch: epoch.to_string(),
            seq,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_round_trips_and_garbage_is_refused() {
        let cursor = Cursor {
            epoch: "0f3a".into(),
            seq: 42,
        };
        assert_eq!(Cursor::decode(&cursor.encode()), Ok(cursor));
        for bad in [
            "",
            "!!!",
            "bm8tc2VwYXJhdG9y",
            &URL_SAFE_NO_PAD.encode("e:x"),
        ] {
            assert!(Cursor::decode(bad)
                .unwrap_err()
                .contains("not one this server gave out"));
        }
    }
}
