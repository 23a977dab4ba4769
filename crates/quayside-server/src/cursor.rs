//! The pull cursor: opaque to clients, it is base64url of the log's epoch, the last log position
//! the server examined for that caller (returned or filtered out), so a pull never re-scans and never
//! skips, and the id of the event at that place. On SQLite the position is the log sequence; on
//! PostgreSQL it is (transaction id, sequence) of that event (docs/sync.md), and the
//! transaction id is 0 and left out of the text on SQLite, so SQLite cursors keep their form. The epoch makes a cursor from before a declared
//! restore detectable; the id catches a restore nobody declared, once the log has grown back past
//! the cursor (another event then stands at that place).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub epoch: String,
    /// Transaction id (PostgreSQL `xid8`) of the event at `seq`; 0 on SQLite and at the start.
    pub xid: u64,
    pub seq: u64,
    /// Id of the event at `seq`; None at the start of the log (and in cursors of older servers).
    pub mark: Option<String>,
}

const MARK: &str = ":m-";
const XID: &str = ":x-";

impl Cursor {
    pub fn encode(&self) -> String {
        let mark = self
            .mark
            .as_ref()
            .map(|m| format!("{MARK}{m}"))
            .unwrap_or_default();
        let xid = match self.xid {
            0 => String::new(),
            xid => format!("{XID}{xid}"),
        };
        URL_SAFE_NO_PAD.encode(format!("{}:{}{xid}{mark}", self.epoch, self.seq))
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
        let (text, xid) = match text.rsplit_once(XID) {
            Some((rest, xid)) => (rest, xid.parse().map_err(|_| unreadable())?),
            None => (text, 0),
        };
        let (epoch, seq) = text.rsplit_once(':').ok_or_else(unreadable)?;
        let seq = seq.parse().map_err(|_| unreadable())?;
        if epoch.is_empty() {
            return Err(unreadable());
        }
        Ok(Cursor {
            epoch: epoch.to_string(),
            xid,
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
            xid: 0,
            seq: 42,
            mark: Some("0193-abc".into()),
        };
        assert_eq!(Cursor::decode(&cursor.encode()), Ok(cursor));
        let unmarked = Cursor {
            epoch: "0f3a".into(),
            xid: 0,
            seq: 0,
            mark: None,
        };
        assert_eq!(Cursor::decode(&unmarked.encode()), Ok(unmarked));
        for bad in [
            "",
            "!!!",
            "bm8tc2VwYXJhdG9y",
            &URL_SAFE_NO_PAD.encode("e:x"),
            &URL_SAFE_NO_PAD.encode("e:4:x-y:m-0193"),
            &URL_SAFE_NO_PAD.encode("e:4:x-"),
        ] {
            assert!(Cursor::decode(bad)
                .unwrap_err()
                .contains("not one this server gave out"));
        }
    }

    #[test]
    fn a_postgres_cursor_carries_the_transaction_id_and_sqlite_cursors_keep_their_form() {
        let pg = Cursor {
            epoch: "0f3a".into(),
            xid: 7_301_112,
            seq: 42,
            mark: Some("0193-abc".into()),
        };
        assert_eq!(Cursor::decode(&pg.encode()), Ok(pg.clone()));
        let unmarked = Cursor { mark: None, ..pg };
        assert_eq!(Cursor::decode(&unmarked.encode()), Ok(unmarked));
        // A cursor given before the transaction id existed (and every SQLite cursor) reads as 0.
        let old = URL_SAFE_NO_PAD.encode("0f3a:42:m-0193-abc");
        let decoded = Cursor::decode(&old).unwrap();
        assert_eq!((decoded.xid, decoded.seq), (0, 42));
        assert_eq!(decoded.mark.as_deref(), Some("0193-abc"));
        assert_eq!(decoded.encode(), old);
    }
}
