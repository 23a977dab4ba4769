//! What the sync client keeps between runs besides `settings`: events of this device the server set
//! aside (with its reason), and the originals the server confirmed it holds. Not evidence: not in
//! the log.

use quayside_i18n::Message;
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::clock::rfc3339;
use crate::columns::from_text;
use crate::error::Result;
use crate::refusals::refusal_message;
use crate::store::Store;

/// An event of this device that the server keeps in quarantine instead of its log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SyncRefusal {
    pub event_id: Uuid,
    #[ts(type = "number")]
    pub device_seq: i64,
    /// Why, keyed (`refusal.*`) from the server's code, for the reader's language.
    pub reason: Message,
    /// The server's English reason, for logs.
    pub reason_english: String,
    pub refused_at: String,
}

impl Store {
    /// Keep the server's refusal of one of this device's events: its code (`RefusalCode`'s name),
    /// worded for the person, and its English reason.
    pub fn record_sync_refusal(
        &self,
        event_id: Uuid,
        device_seq: u64,
        code: &str,
        reason: &str,
    ) -> Result<()> {
        self.conn.execute(
            "INSERT INTO sync_refused (event_id, device_seq, reason, refused_at, code) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (event_id) DO UPDATE SET reason = excluded.reason, code = excluded.code",
            params![
                event_id.to_string(),
                i64::try_from(device_seq).unwrap_or(i64::MAX),
                reason,
                rfc3339(self.clock.now()),
                code
            ],
        )?;
        Ok(())
    }

    pub fn sync_refusals(&self) -> Result<Vec<SyncRefusal>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT event_id, device_seq, reason, refused_at, code FROM sync_refused ORDER BY device_seq",
        )?;
        let rows = stmt.query_map([], |r| {
            let reason: String = r.get(2)?;
            let code: Option<String> = r.get(4)?;
            Ok(SyncRefusal {
                event_id: from_text(r.get(0)?)?,
                device_seq: r.get(1)?,
                reason: refusal_message(code.as_deref(), &reason),
                reason_english: reason,
                refused_at: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn mark_photo_uploaded(&self, sha256: &str) -> Result<()> {
        self.conn.execute(
            "INSERT OR IGNORE INTO photo_uploads (sha256, uploaded_at) VALUES (?1, ?2)",
            params![sha256, rfc3339(self.clock.now())],
        )?;
        Ok(())
    }

    /// Another server, or the same one restored from a backup: what the old one confirmed says
    /// nothing about this one.
    pub fn forget_photo_uploads(&self) -> Result<()> {
        self.conn.execute("DELETE FROM photo_uploads", [])?;
        Ok(())
    }

    /// Hashes referenced by some case (photo originals and documents, which travel alike) that
    /// the server has not confirmed yet, each once.
    pub fn photos_not_uploaded(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT sha256 FROM (SELECT sha256 FROM case_photos
                                 UNION SELECT sha256 FROM case_documents)
             WHERE sha256 NOT IN (SELECT sha256 FROM photo_uploads) ORDER BY sha256",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every hash some case references, photo or document, each once: what the vault should
    /// hold.
    pub fn referenced_photos(&self) -> Result<Vec<(String, u64)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT sha256, MAX(size) FROM (SELECT sha256, size FROM case_photos
                                            UNION ALL SELECT sha256, size FROM case_documents)
             GROUP BY sha256 ORDER BY sha256",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)?.max(0) as u64)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// This device's last sequence number: its events the server has not acknowledged are the
    /// ones after the acknowledged sequence.
    pub fn last_device_seq(&self) -> Result<u64> {
        Ok(self.device_head()?.0)
    }
}
