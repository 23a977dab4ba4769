//! The pull cursor: opaque to clients, it is base64url of the log's epoch, the last log sequence
//! the server examined for that caller (returned or filtered out), so a pull never re-scans and never
//! skips, and the id of the event at that place. The epoch makes a cursor from before a declared
//! restore detectable; the id catches a restore nobody declared, once the log has grown back past
//! the cursor (another event then stands at that place).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub epoch: String,
    pub seq: u64,
    /// Id of the event at `seq`; None at the start of the log (and in cursors of older servers).
    pub mark: Option<String>,
}

const MARK: &str = ":m-";

impl Cursor {
    pub fn encode(&self) -> String {
        let mark = self
            .mark
            .as_ref()
            .map(|m| format!("{MARK}{m}"))
            .unwrap_or_default();
        URL_SAFE_NO_PAD.encode(format!("{}:{}{mark}", self.epoch, self.seq))
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
        let (text, mark) = match text.rsplit_once(MARK) {
            Some((rest, mark)) if !mark.is_empty() => (rest, Some(mark.to_string())),
            Some(_) => return Err(unreadable()),
            None => (text.as_str(), None),
        };
        let (epoch, seq) = text.rsplit_once(':').ok_or_else(unreadable)?;
        let seq = seq.parse().map_err(|_| unreadable())?;
        if epoch.is_empty() {
            return Err(unreadable());
        }
        Ok(Cursor {
            epoch: epoch.to_string(),
            seq,
            mark,
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
            mark: Some("0193-abc".into()),
        };
        assert_eq!(Cursor::decode(&cursor.encode()), Ok(cursor));
        let unmarked = Cursor {
            epoch: "0f3a".into(),
            seq: 0,
            mark: None,
        };
        assert_eq!(Cursor::decode(&unmarked.encode()), Ok(unmarked));
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
