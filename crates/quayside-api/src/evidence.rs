//! The log's own check, and evidence beyond it: what the sync server signed for this device (receipts,
//! checkpoints, revocations) and what it found wrong, for the verification screen; and the
//! case-file bundle, which carries a case's events, photos and the server's proofs to anyone who
//! needs to check them offline (`quayside-check --bundle`).

use std::collections::BTreeMap;
use std::io::Cursor;

use quayside_evidence::{
    annotations_svg, write_bundle, BundleInput, BundlePhoto, BundleProof, BundleRendering,
};
use quayside_i18n::Message;
use quayside_protocol::statement::server_key;
use quayside_protocol::SignedStatement;
use quayside_store::{StatementKind, StoredStatement, VerifyReport};
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::args::{CaseArgs, NoArgs};
use crate::error::{sync_error, ApiError, ErrorCode};
use crate::files::{file_safe, ExportedFile};
use crate::Api;

/// What the server has proven of this device's log, as the verification screen shows it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ServerEvidence {
    /// The server key this device pinned (hex); None before the first sync with a signing server.
    pub server_key: Option<String>,
    /// The last checkpoint of the server's log this device checked, if any.
    pub checkpoint: Option<CheckpointSeen>,
    /// Events of this store the server has not yet proven to hold (not synced, or just synced).
    #[ts(type = "number")]
    pub unproven_events: u64,
    pub receipts: u32,
    pub revoked_devices: Vec<RevokedDevice>,
    /// What syncs found wrong with the server's log (truncated, rewritten, another key) and
    /// restores an admin declared.
    pub alerts: Vec<Alert>,
    /// Statements kept here whose server signature no longer verifies (the store was edited), as
    /// keyed messages (`finding.statement_unverified`).
    pub problems: Vec<Message>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct CheckpointSeen {
    #[ts(type = "number")]
    pub size: u64,
    pub received_at: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct RevokedDevice {
    pub device_id: String,
    #[ts(type = "number")]
    pub last_valid_seq: u64,
    pub revoked_at: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct Alert {
    pub at: String,
    pub kind: String,
    /// What was found and what to do, keyed by kind (`alert.*`), for the reader's language.
    pub text: Message,
    /// The finding in English as the sync recorded it, with its numbers and keys: for logs.
    pub message: String,
}

/// The words of an alert of `kind`. Kinds are the sync client's `ALERT_*`; one this version does
/// not know (kept by a newer one) shows its English as recorded.
fn alert_text(kind: &str, message: &str) -> Message {
    let key = match kind {
        quayside_sync::ALERT_LOG_INCONSISTENT => "alert.log_inconsistent",
        quayside_sync::ALERT_SERVER_KEY_CHANGED => "alert.server_key_changed",
        quayside_sync::ALERT_BAD_STATEMENT => "alert.bad_statement",
        quayside_sync::ALERT_SERVER_CHANGED => "alert.server_changed",
        quayside_sync::ALERT_NEW_EPOCH => "alert.new_epoch",
        quayside_sync::ALERT_EPOCH_MISMATCH => "alert.epoch_mismatch",
        quayside_sync::ALERT_DEVICE_KEY_MISMATCH => "alert.device_key_mismatch",
        _ => return Message::new("alert.other").text("detail", message),
    };
    Message::new(key)
}

/// The label key of a kind of server statement.
fn statement_key(kind: StatementKind) -> &'static str {
    match kind {
        StatementKind::Receipt => "statement.receipt",
        StatementKind::Checkpoint => "statement.checkpoint",
        StatementKind::Revocation => "statement.revocation",
    }
}

fn signed(s: &StoredStatement) -> Result<SignedStatement, String> {
    SignedStatement::from_parts(&s.statement, &s.signature)
}

/// Why a kept statement does not verify with the key it was kept under, if it does not. The
/// verifier's own words are technical, so they go as they are, in a keyed frame.
fn statement_problem(s: &StoredStatement) -> Option<Message> {
    let checked = server_key(&s.server_key).and_then(|key| signed(s)?.verify(&key));
    checked.err().map(|e| {
        Message::new("finding.statement_unverified")
            .label("kind", statement_key(s.kind))
            .text("at", s.received_at.as_str())
            .text("id", s.id.to_string())
            .text("detail", e)
    })
}

impl Api {
    /// Every event signature and device chain of this store, checked again.
    pub(crate) fn verify_log(&self, _: NoArgs) -> Result<VerifyReport, ApiError> {
        Ok(self.store().verify_log()?)
    }

    pub(crate) fn server_evidence(&self, _: NoArgs) -> Result<ServerEvidence, ApiError> {
        let store = self.store();
        let epoch = quayside_sync::server_epoch(&store).map_err(sync_error)?;
        let checkpoint = store.last_checkpoint(&epoch)?;
        let receipts = store.receipts()?;
        let revocations = store.revocation_statements()?;
        let mut problems: Vec<(String, Message)> = receipts
            .iter()
            .chain(&revocations)
            .chain(checkpoint.iter())
            .filter_map(|s| Some((s.received_at.clone(), statement_problem(s)?)))
            .collect();
        problems.sort_by(|a, b| a.0.cmp(&b.0));
        let problems = problems.into_iter().map(|(_, p)| p).collect();
        let unproven = quayside_sync::events_unproven(&store).map_err(sync_error)?;
        Ok(ServerEvidence {
            server_key: store.server_key()?,
            checkpoint: checkpoint.map(|c| CheckpointSeen {
                size: c.size.unwrap_or(0),
                received_at: c.received_at,
            }),
            unproven_events: unproven,
            receipts: receipts.len() as u32,
            revoked_devices: store
                .revocations()?
                .into_iter()
                .map(|r| RevokedDevice {
                    device_id: r.device_id.to_string(),
                    last_valid_seq: r.last_valid_seq,
                    revoked_at: r.revoked_at,
                })
                .collect(),
            alerts: store
                .log_alerts()?
                .into_iter()
                .map(|a| Alert {
                    text: alert_text(&a.kind, &a.message),
                    at: a.at,
                    kind: a.kind,
                    message: a.message,
                })
                .collect(),
            problems,
        })
    }

    /// Write the case's bundle to the exports folder. Refused while a photo or document of the
    /// case is not on this device (another device took it and it has not been downloaded yet).
    pub(crate) fn export_case_bundle(&self, args: CaseArgs) -> Result<ExportedFile, ApiError> {
        let (evidence, case, key, device, now) = {
            let store = self.store();
            let (case, _) = store.case(args.case_id)?;
            (
                store.case_evidence(args.case_id)?,
                case,
                store.device().key.clone(),
                store.device().id,
                store.now(),
            )
        };
        let mut photos = Vec::new();
        let mut renderings = Vec::new();
        for photo in &case.photos {
            let bytes = self.vault().read_original(&photo.sha256).map_err(|e| {
                ApiError::new(
                    ErrorCode::Refused,
                    quayside_i18n::Message::new("error.photo_not_here")
                        .text("file", &photo.file_name)
                        .text("detail", e.to_string()),
                )
            })?;
            // Drawn at the original's upright size; a format without a readable size (HEIC)
            // keeps its marks in the events only.
            if let (false, Some((width, height))) =
                (photo.annotations.is_empty(), upright_size(&bytes, photo))
            {
                renderings.push(BundleRendering {
                    photo: photo.sha256.clone(),
                    svg: annotations_svg(&photo.sha256, width, height, &photo.annotations),
                });
            }
            photos.push(BundlePhoto {
                sha256: photo.sha256.clone(),
                bytes,
            });
        }
        let mut documents = Vec::new();
        for document in &case.documents {
            let bytes = self.vault().read_original(&document.sha256).map_err(|e| {
                ApiError::new(
                    ErrorCode::Refused,
                    quayside_i18n::Message::new("error.document_not_here")
                        .text("file", &document.file_name)
                        .text("detail", e.to_string()),
                )
            })?;
            documents.push(BundlePhoto {
                sha256: document.sha256.clone(),
                bytes,
            });
        }
        // Each event's newest proof, and the checkpoints those proofs need.
        let mut statements: BTreeMap<i64, SignedStatement> = BTreeMap::new();
        let mut proofs = Vec::new();
        for event in &evidence.events {
            // The newest proof against a checkpoint of the server this device now syncs with.
            let pinned = evidence.server_key.as_deref();
            let Some(proof) = event
                .proofs
                .iter()
                .find(|p| Some(p.checkpoint.server_key.as_str()) == pinned)
            else {
                continue;
            };
            let checkpoint = &proof.checkpoint;
            statements.insert(checkpoint.id, signed(checkpoint).map_err(corrupt)?);
            proofs.push(BundleProof {
                event_id: event.id,
                hash: event.hash.clone(),
                epoch: checkpoint.epoch.clone(),
                size: checkpoint.size.unwrap_or(0),
                index: proof.leaf_index,
                path: proof.path.clone(),
            });
        }
        for s in evidence.receipts.iter().chain(&evidence.revocations) {
            statements.insert(s.id, signed(s).map_err(corrupt)?);
        }
        let mut statements: Vec<SignedStatement> = statements.into_values().collect();
        // The server's word for each device's key, so an examiner need not take the bundle's.
        for e in &evidence.enrollments {
            statements
                .push(SignedStatement::from_parts(&e.statement, &e.signature).map_err(corrupt)?);
        }
        // Only what the pinned server key signed: statements kept from a server this device used
        // before would fail the examiner's check against this one's key.
        if let Some(key) = evidence.server_key.as_deref().map(server_key) {
            let key = key.map_err(corrupt)?;
            statements.retain(|s| s.verify(&key).is_ok());
        }
        let device_keys = evidence
            .devices
            .iter()
            .map(|d| {
                let key: [u8; 32] = hex::decode(&d.public_key)
                    .ok()
                    .and_then(|k| k.try_into().ok())
                    .ok_or_else(|| corrupt(format!("the key of device {}", d.device_id)))?;
                Ok((d.device_id, key))
            })
            .collect::<Result<Vec<(Uuid, [u8; 32])>, ApiError>>()?;
        let mut out = Cursor::new(Vec::new());
        write_bundle(
            BundleInput {
                case_id: args.case_id,
                case_number: case.case_number.clone(),
                exported_at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                exported_by: device,
                key: &key,
                events: evidence
                    .events
                    .iter()
                    .map(|e| (e.bytes.clone(), e.signature.clone()))
                    .collect(),
                device_keys,
                photos,
                documents,
                renderings,
                statements,
                proofs,
                server_key: evidence.server_key,
            },
            &mut out,
        )
        .map_err(corrupt)?;
        self.write_export(
            &format!("{} evidence", file_safe(&case.case_number)),
            "zip",
            &out.into_inner(),
        )
    }
}

fn corrupt(e: impl std::fmt::Display) -> ApiError {
    ApiError::new(
        ErrorCode::Internal,
        quayside_i18n::Message::new("error.bundle_failed").text("detail", e.to_string()),
    )
}

/// An original's size in pixels as shown upright: EXIF orientations 5 to 8 turn it a quarter.
fn upright_size(bytes: &[u8], photo: &quayside_domain::photo::Photo) -> Option<(u32, u32)> {
    let (width, height) = quayside_photos::pixel_size(bytes)?;
    Some(match photo.exif.orientation {
        Some(5..=8) => (height, width),
        _ => (width, height),
    })
}
