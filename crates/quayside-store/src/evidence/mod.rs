//! Evidence from the sync server (`docs/evidence.md`): what it signed (receipts, checkpoints of its
//! log, revocations of devices, enrollments), where each event is in its log (inclusion proofs), the
//! revoked devices, and what a sync found wrong with the log. All of it kept as received and
//! append-only, one table per module:
//!
//! - `statements`: signed receipts, checkpoints and revocations (`server_statements`);
//! - `proofs`: inclusion proofs against checkpoints (`event_proofs`), and events still lacking one;
//! - `revocations`: revoked devices (`revocations`);
//! - `enrollments`: the server's enrollments of device keys (`enrollments`);
//! - `alerts`: what a sync found wrong (`log_alerts`);
//! - `server_key`: the pinned server key (a setting);
//! - `case_evidence`: all of the above for one case, as a bundle needs it (reads only).
//!
//! The store does not read or verify statements: it keeps their JSON text and signature verbatim.
//! The sync client (`quayside-sync`) verifies each one with the pinned server key before it
//! records it, and verifies each proof against its checkpoint before it saves it.

mod alerts;
mod case_evidence;
mod enrollments;
mod proofs;
mod revocations;
mod server_key;
mod statements;

pub use alerts::LogAlert;
pub use case_evidence::{CaseEvidence, EvidenceDevice, EvidenceEvent};
pub use enrollments::EnrollmentStatement;
pub use proofs::{EventProof, NewProof, UnprovenEvent};
pub(crate) use revocations::revocation;
pub use revocations::Revoked;
pub use server_key::SERVER_KEY_SETTING;
pub use statements::{NewStatement, StatementKind, StoredStatement};
