//! A case-file bundle: everything needed to show, on a machine with no access to the server or the
//! app's data, that a case's record is what its devices signed and what the server received.
//!
//! The archive (zip, entries stored uncompressed, each with its CRC):
//! - `manifest.json`: the case, who exported it and when, the device keys, every event (id, device,
//!   number, SHA-256) and every photo (SHA-256, size); `manifest.sig`: the exporting device's
//!   signature over it (base64), so an event or photo taken out of the bundle is named.
//! - `events/<device>/<number>-<event id>.json`: each event as signed (`body`, `signature`), one
//!   entry each, so damage to one names that event.
//! - `photos/<sha256>`: each original.
//! - `renderings/<photo sha256>.svg`: an annotated photo's marks drawn over its original (a view of
//!   the signed events, listed in the manifest with its SHA-256).
//! - `server/statements.jsonl`: the server's signed checkpoints, receipts, revocations and the
//!   enrollment of each device's key; `server/proofs.jsonl`: where each event is in a checkpoint's
//!   Merkle tree. The manifest gives the SHA-256 of both.
//! - `README.txt`: how to check it.

mod bundle;
mod check;
mod rendering;
mod report;

pub use bundle::{
    write_bundle, BundleInput, BundlePhoto, BundleProof, BundleRendering, MANIFEST_CONTEXT,
};
pub use check::verify_bundle;
pub use rendering::annotations_svg;
pub use report::{BundleReport, KeySource};

/// Why a bundle could not be written or read at all (as opposed to what failed inside it).
#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("the bundle is not a readable zip archive: {0}")]
    Archive(String),
}
