//! One sync: ask where the server stands, push this device's events, upload the originals the
//! server lacks, pull what others wrote, fetch the originals this device lacks. Each step is safe to
//! repeat, so a sync cut anywhere is finished by the next one. The store's lock is taken for each
//! local step only, never across a network call, so editing goes on while a sync runs.

use std::sync::{Arc, Mutex};

use ed25519_dalek::VerifyingKey;

use quayside_domain::event::Role;
use quayside_i18n::Message;
use quayside_photos::Vault;
use quayside_protocol::{
    ErrorCode, PhotoMissing, PhotoQuery, PullResponse, PushResponse, SignedStatement, SyncState,
    UploadStatus, WireEvent, MAX_BATCH_EVENTS, MAX_BODY_BYTES, PHOTO_CHUNK_BYTES,
};
use quayside_store::Store;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::config;
use crate::error::SyncError;
use crate::evidence;
use crate::http::{server_address, Http, Remote, Transport};
use crate::settings::{
    lock, setting, ACKED, CURSOR, EPOCH, LAST_SYNCED, REVOKED, SUMMARY_CURSOR, TLS_KEY,
};
use crate::summaries;

/// Events per push request; the body also stays under half the server's limit.
const PUSH_BATCH: usize = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Connecting,
    Pushing,
    UploadingPhotos,
    Pulling,
    DownloadingPhotos,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Progress {
    pub phase: Phase,
    #[ts(type = "number")]
    pub done: u64,
    /// 0 when not known in advance (pulling).
    #[ts(type = "number")]
    pub total: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct SyncReport {
    pub pushed: usize,
    pub duplicates: usize,
    /// Events of this device the server set aside in quarantine during this sync.
    pub quarantined: usize,
    pub pulled: usize,
    pub photos_uploaded: usize,
    pub photos_downloaded: usize,
    /// Other ports' case summaries taken in (an analyst's device).
    #[ts(type = "number")]
    pub summaries: u64,
    /// Originals that could not be exchanged this time, and why (retried next time), as keyed
    /// messages naming the photo by the start of its hash.
    pub photo_problems: Vec<Message>,
    /// Bytes of push request bodies (events only, no photos).
    #[ts(type = "number")]
    pub event_bytes_sent: u64,
    /// Bytes of pull response bodies (events only, no photos).
    #[ts(type = "number")]
    pub event_bytes_received: u64,
    #[ts(type = "number")]
    pub bytes_sent: u64,
    #[ts(type = "number")]
    pub bytes_received: u64,
}

/// Why one original was not exchanged, keyed, naming the photo by the start of its hash. A lower
/// layer's own words, when it gives any, go as a `detail` argument, as they are.
fn photo_problem(key: &'static str, sha: &str) -> Message {
    Message::new(key).text("photo", sha.get(..12).unwrap_or(sha))
}

/// The protocol's name of an error code (`not_found`), the same in every language.
fn wire_code(code: ErrorCode) -> String {
    serde_json::to_value(code)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| format!("{code:?}"))
}

/// Sync with the server this device is signed in to, over HTTP.
pub fn sync_once(
    store: &Mutex<Store>,
    vault: &Vault,
    progress: &mut dyn FnMut(Progress),
) -> Result<SyncReport, SyncError> {
    // A sign-out the server did not hear of is told first, signed in or not.
    let trust = config::trust(&lock(store));
    if let Ok(trust) = trust {
        config::retry_revocation(store, &trust)?;
    }
    // Not signed in says so first, whatever the trust file holds.
    config::signed_in(&lock(store))?.ok_or(SyncError::NotSignedIn)?;
    let (trust, pinned) = {
        let store = lock(store);
        (config::trust(&store)?, setting(&store, TLS_KEY)?)
    };
    sync_over(
        store,
        vault,
        Arc::new(Http::pinned(&trust, pinned)),
        progress,
    )
}

/// The same over another transport (the simulation test's, which loses requests on purpose).
pub fn sync_over(
    store: &Mutex<Store>,
    vault: &Vault,
    transport: Arc<dyn Transport>,
    progress: &mut dyn FnMut(Progress),
) -> Result<SyncReport, SyncError> {
    let signed_in = config::signed_in(&lock(store))?.ok_or(SyncError::NotSignedIn)?;
    if config::revoked(&lock(store)) {
        return Err(SyncError::Revoked(
            "The sync server said this device was revoked. It no longer syncs.".into(),
        ));
    }
    // Signed in before plain HTTP was refused off loopback: say so rather than send the token.
    let server = server_address(&signed_in.server)?;
    let remote = Remote::over(&server, Some(signed_in.token), transport.clone());
    let mut report = SyncReport::default();
    let result = Sync {
        store,
        vault,
        remote: &remote,
        progress,
        report: &mut report,
        key: None,
        epoch: String::new(),
        acked: 0,
    }
    .run();
    (report.bytes_sent, report.bytes_received) = remote.bytes();
    match &result {
        Err(SyncError::Revoked(_)) => lock(store).set_setting(REVOKED, "1")?,
        Ok(()) => {
            // Signed in before TLS keys were pinned: pin the key of this first good sync.
            let store = lock(store);
            if let (None, Some(key)) = (setting(&store, TLS_KEY)?, transport.tls_key()) {
                store.set_setting(TLS_KEY, &key)?;
            }
        }
        Err(_) => {}
    }
    result.map(|()| report)
}

struct Sync<'a> {
    store: &'a Mutex<Store>,
    vault: &'a Vault,
    remote: &'a Remote,
    progress: &'a mut dyn FnMut(Progress),
    report: &'a mut SyncReport,
    /// The pinned server key (and its hex), once checked; None for a server that signs nothing.
    key: Option<(VerifyingKey, String)>,
    /// The server log's epoch in this sync.
    epoch: String,
    /// How far the server holds this device's events, as it said or as the last push answered.
    acked: u64,
}

impl Sync<'_> {
    fn run(&mut self) -> Result<(), SyncError> {
        self.tell(Phase::Connecting, 0, 0);
        let state: SyncState = self.remote.get("/sync")?;
        self.remote
            .set_compression(state.accepts_gzip, state.accepts_zstd);
        let previous = setting(&lock(self.store), EPOCH)?;
        let restored = previous
            .as_deref()
            .is_some_and(|p| p != state.epoch.as_str());
        // The epoch in SyncState is not signed: a declared restore is believed only when the
        // server's signed checkpoint names the new epoch too.
        let signed_checkpoint: Option<SignedStatement> =
            if restored && !state.server_key.trim().is_empty() {
                Some(self.remote.get("/checkpoint")?)
            } else {
                None
            };
        let (blocked, lost) = {
            let store = lock(self.store);
            // Before anything is sent or taken: a server with another key may not be ours.
            self.key = evidence::check_server_key(&store, &state)?;
            config::save_account(&store, &state.account)?;
            if let (Some((key, _)), Some(signed)) = (&self.key, &signed_checkpoint) {
                let checkpoint = evidence::checkpoint_statement(&store, key, signed)?;
                evidence::check_signed_epoch(&store, &state.epoch, &checkpoint.epoch)?;
            }
            if previous.as_deref() != Some(state.epoch.as_str()) {
                if restored {
                    evidence::record_new_epoch(&store, &state.epoch)?;
                }
                // A new server log (first sync, or one restored from a backup): read it all again,
                // and offer every original again, since the server may lack some.
                store.set_setting(CURSOR, "")?;
                store.set_setting(SUMMARY_CURSOR, "")?;
                store.set_setting(EPOCH, &state.epoch)?;
                store.forget_photo_uploads()?;
            }
            let lost = match &self.key {
                Some(key) => {
                    evidence::take_revocations(&store, key, &state)?;
                    evidence::lost_acknowledged(&store, &state)?
                }
                None => None,
            };
            (chain_problem(&store, &state)?, lost)
        };
        // Before events come in: a case opened elsewhere under a newer list is judged by it.
        if let Some(key) = &self.key {
            evidence::take_control_lists(self.remote, self.store, key, &state)?;
        }
        self.epoch = state.epoch.clone();
        self.acked = state.device_seq;
        // A chain the server cannot take (a clone, a restored folder, a fork) must not stop this
        // device from receiving everyone else's events: pull anyway, then report it. A server that
        // lost events it acknowledged gets nothing until someone looks at it, but is still read.
        let pushed = match (&lost, blocked) {
            (Some(_), _) => {
                // What waits to be sent is counted from what the server holds now.
                lock(self.store).set_setting(ACKED, &state.device_seq.to_string())?;
                Ok(())
            }
            (None, Some(problem)) => Err(problem),
            (None, None) => self.push(state.device_seq),
        };
        if let Err(e) = &pushed {
            if !matches!(e, SyncError::Setup(_)) {
                return pushed;
            }
        }
        if lost.is_none() {
            self.upload_photos()?;
        }
        self.pull()?;
        if state.account.role == Role::Analyst {
            self.report.summaries = summaries::pull_summaries(self.remote, self.store)?;
        }
        let proved = match &self.key {
            Some(key) => evidence::prove(self.remote, self.store, key, &self.epoch, self.acked),
            None => Ok(()),
        };
        let anchored = match &self.key {
            Some(key) => evidence::anchor_device_keys(self.remote, self.store, key),
            None => Ok(()),
        };
        self.download_photos()?;
        if let Some(lost) = lost {
            // The checkpoint's finding is the more precise one when it has one.
            return Err(match proved {
                Err(e @ SyncError::LogInconsistent(_)) => e,
                _ => lost,
            });
        }
        proved?;
        anchored?;
        pushed?;
        let store = lock(self.store);
        let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        store.set_setting(LAST_SYNCED, &now)?;
        Ok(())
    }

    fn tell(&mut self, phase: Phase, done: u64, total: u64) {
        (self.progress)(Progress { phase, done, total });
    }

    /// Send this device's events after what the server holds, in sequence order, in batches.
    fn push(&mut self, server_holds: u64) -> Result<(), SyncError> {
        let mut acked = server_holds;
        lock(self.store).set_setting(ACKED, &acked.to_string())?;
        let last = lock(self.store).last_device_seq()?;
        let total = last.saturating_sub(acked);
        loop {
            self.tell(Phase::Pushing, total - last.saturating_sub(acked), total);
            let events = lock(self.store).outgoing(acked, PUSH_BATCH)?;
            if events.is_empty() {
                return Ok(());
            }
            let mut wire = Vec::with_capacity(events.len());
            let mut size = 0;
            for event in &events {
                let w = WireEvent::new(&event.bytes, &event.signature)
                    .map_err(|e| SyncError::Protocol(format!("event {}: {e}", event.body.id)))?;
                size += w.body.get().len() + 100;
                if !wire.is_empty() && (size > MAX_BODY_BYTES / 2 || wire.len() >= MAX_BATCH_EVENTS)
                {
                    break;
                }
                wire.push(w);
            }
            let sent = wire.len();
            let body = serde_json::to_vec(&quayside_protocol::PushRequest { events: wire })
                .map_err(|e| SyncError::Protocol(e.to_string()))?;
            self.report.event_bytes_sent += body.len() as u64;
            let response: PushResponse = self.remote.post_bytes_compressed("/events", &body)?;
            {
                let store = lock(self.store);
                for refusal in &response.quarantined {
                    let Some(index) = events.get(refusal.index).filter(|_| refusal.index < sent)
                    else {
                        continue;
                    };
                    store.record_sync_refusal(
                        index.body.id,
                        index.body.device_seq,
                        refusal.code.as_str(),
                        &refusal.reason,
                    )?;
                }
                store.set_setting(ACKED, &response.acked_seq.to_string())?;
                self.acked = response.acked_seq;
                if let Some(key) = &self.key {
                    evidence::take_receipt(&store, key, &self.epoch, &response)?;
                }
            }
            self.report.pushed += response.accepted;
            self.report.duplicates += response.duplicates;
            self.report.quarantined += response.quarantined.len();
            if response.acked_seq <= acked {
                // The event after what the server holds was refused outside the chain (a fork, an
                // altered event): nothing after it can be taken. Kept locally and shown.
                let why = response.quarantined.first().or(response.deferred.first());
                return Err(SyncError::ChainRefused {
                    from_seq: acked + 1,
                    code: why.map(|r| r.code).unwrap_or_default(),
                    reason: why.map_or_else(|| "no reason given".into(), |r| r.reason.clone()),
                });
            }
            acked = response.acked_seq;
        }
    }

    /// Upload the originals the server lacks, in chunks, resuming where the server stands.
    fn upload_photos(&mut self) -> Result<(), SyncError> {
        let pending: Vec<String> = lock(self.store)
            .photos_not_uploaded()?
            .into_iter()
            .filter(|sha| self.vault.original_path(sha).exists())
            .collect();
        if pending.is_empty() {
            return Ok(());
        }
        let total = pending.len() as u64;
        for (n, batch) in pending.chunks(500).enumerate() {
            let PhotoMissing { missing } = self.remote.post(
                "/photos/missing",
                &PhotoQuery {
                    sha256: batch.to_vec(),
                },
            )?;
            for (i, sha) in batch.iter().enumerate() {
                self.tell(Phase::UploadingPhotos, (n * 500 + i) as u64, total);
                if missing.contains(sha) {
                    match self.upload(sha) {
                        Ok(()) => self.report.photos_uploaded += 1,
                        // Refused for this photo only (its event in quarantine, say): the rest go on.
                        Err(SyncError::Rejected { code, .. }) => {
                            self.report.photo_problems.push(
                                photo_problem("error.photo_upload_refused", sha)
                                    .text("code", wire_code(code)),
                            );
                            continue;
                        }
                        Err(SyncError::Photo(e)) => {
                            self.report.photo_problems.push(
                                photo_problem("error.photo_upload_unreadable", sha)
                                    .text("detail", e.to_string()),
                            );
                            continue;
                        }
                        Err(SyncError::Setup(message)) => {
                            self.report.photo_problems.push(
                                photo_problem("error.photo_upload_failed", sha)
                                    .text("detail", message),
                            );
                            continue;
                        }
                        Err(other) => return Err(other),
                    }
                }
                lock(self.store).mark_photo_uploaded(sha)?;
            }
        }
        Ok(())
    }

    fn upload(&mut self, sha: &str) -> Result<(), SyncError> {
        let bytes = self.vault.read_original(sha)?;
        let mut status: UploadStatus = self.remote.get(&format!("/photos/{sha}/upload"))?;
        let mut mismatches = 0;
        while !status.complete {
            let from = usize::try_from(status.received)
                .unwrap_or(usize::MAX)
                .min(bytes.len());
            if from == bytes.len() {
                // The server expects more bytes than the original has (an event named another
                // size): sending empty chunks would never end.
                return Err(SyncError::Setup(format!(
                    "the server expects more than the {} bytes of photo {sha}",
                    bytes.len()
                )));
            }
            let to = (from + PHOTO_CHUNK_BYTES).min(bytes.len());
            match self
                .remote
                .put_bytes(&format!("/photos/{sha}?offset={from}"), &bytes[from..to])
            {
                Ok(next) => status = next,
                // Another attempt moved on (or was cut) meanwhile: ask where it stands.
                Err(SyncError::Rejected {
                    code: ErrorCode::OffsetMismatch,
                    ..
                }) if mismatches < 3 => {
                    mismatches += 1;
                    status = self.remote.get(&format!("/photos/{sha}/upload"))?;
                }
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Take in everything others wrote since the cursor; a cursor of another epoch starts over.
    fn pull(&mut self) -> Result<(), SyncError> {
        let mut restarted = false;
        loop {
            let cursor = setting(&lock(self.store), CURSOR)?.unwrap_or_default();
            self.tell(Phase::Pulling, self.report.pulled as u64, 0);
            let before = self.remote.bytes().1;
            let page: PullResponse = match self
                .remote
                .get(&format!("/events?cursor={cursor}&limit={MAX_BATCH_EVENTS}"))
            {
                Ok(page) => page,
                Err(SyncError::Rejected {
                    code: ErrorCode::StaleCursor,
                    ..
                }) if !restarted => {
                    // The server's log was restored: read it again from the start, and offer
                    // every original again on the next sync, since the restored server may lack some.
                    restarted = true;
                    let store = lock(self.store);
                    store.set_setting(CURSOR, "")?;
                    store.forget_photo_uploads()?;
                    continue;
                }
                Err(e) => return Err(e),
            };
            self.report.event_bytes_received += self.remote.bytes().1 - before;
            let mut events = Vec::with_capacity(page.events.len());
            for event in &page.events {
                events.push(event.parts().map_err(SyncError::Protocol)?);
            }
            let mut store = lock(self.store);
            for device in &page.devices {
                let key: [u8; 32] = hex::decode(&device.public_key)
                    .ok()
                    .and_then(|k| k.try_into().ok())
                    .ok_or_else(|| {
                        SyncError::Protocol(format!("key of device {}", device.device_id))
                    })?;
                // A second key for a known device is refused by the store; its events then fail
                // to verify and go to the local quarantine, named. Any other failure stops here,
                // before the cursor moves.
                match store.add_device_key(device.device_id, key) {
                    Ok(()) | Err(quayside_store::StoreError::Refused(_)) => {}
                    Err(e) => return Err(e.into()),
                }
            }
            let ingested = store.ingest(&events)?;
            store.set_setting(CURSOR, &page.cursor)?;
            drop(store);
            self.report.pulled += ingested.inserted;
            if !page.more {
                return Ok(());
            }
        }
    }

    /// Fetch originals referenced by cases here but not in the vault yet.
    fn download_photos(&mut self) -> Result<(), SyncError> {
        let wanted: Vec<(String, u64)> = lock(self.store)
            .referenced_photos()?
            .into_iter()
            .filter(|(sha, _)| !self.vault.original_path(sha).exists())
            .collect();
        let total = wanted.len() as u64;
        for (i, (sha, size)) in wanted.iter().enumerate() {
            self.tell(Phase::DownloadingPhotos, i as u64, total);
            match self.remote.get_bytes(&format!("/photos/{sha}"), *size) {
                Ok(bytes) => match self.vault.store_received(sha, &bytes) {
                    Ok(_) => {
                        self.report.photos_downloaded += 1;
                        // Came from the server, so the server has it.
                        lock(self.store).mark_photo_uploaded(sha)?;
                    }
                    Err(e) => self.report.photo_problems.push(
                        photo_problem("error.photo_download_bad", sha)
                            .text("detail", e.to_string()),
                    ),
                },
                // Not uploaded yet by the device that took it: next time.
                Err(SyncError::Rejected {
                    code: ErrorCode::NotFound,
                    ..
                }) => self
                    .report
                    .photo_problems
                    .push(photo_problem("error.photo_not_uploaded_yet", sha)),
                Err(SyncError::Rejected { code, .. }) => self.report.photo_problems.push(
                    photo_problem("error.photo_download_refused", sha)
                        .text("code", wire_code(code)),
                ),
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }
}

/// Whether this device's log disagrees with what the server holds of its chain, and how.
fn chain_problem(store: &Store, state: &SyncState) -> Result<Option<SyncError>, SyncError> {
    let last = store.last_device_seq()?;
    if state.device_seq > last {
        return Ok(Some(SyncError::Setup(format!(
            "The server holds {} events of this device but this device has only {last}: its data \
             folder was restored from an older copy. Nothing was sent; ask an admin, since new \
             events here would fork this device's chain.",
            state.device_seq
        ))));
    }
    let own_at_head = match state.device_seq {
        0 => None,
        seq => store.outgoing(seq - 1, 1)?.first().map(|e| e.hash()),
    };
    if own_at_head.is_some_and(|hash| hash != state.device_head_hash) {
        return Ok(Some(SyncError::Setup(format!(
            "This device's event {0} is not the one the server holds as its event {0}: the data \
             folder was copied to another machine or restored, and the chain forked. Nothing was \
             sent; ask an admin.",
            state.device_seq
        ))));
    }
    Ok(None)
}
