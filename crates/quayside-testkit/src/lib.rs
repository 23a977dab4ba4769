//! What the tests of several crates share, kept once: image fixtures, signed-event chains written
//! by a test device key, the API harness, replicas (a device with its own store and vault), case
//! files built in memory and the fonts of the PDF exports.
//!
//! Dev-only: a crate takes it as a dev-dependency for its integration tests and benches. It
//! depends on the domain, store, photos, api and sync crates, so their own `#[cfg(test)]` unit
//! modules cannot use it (they would see a second copy of their own types) and keep local helpers.

pub mod api;
pub mod case_file;
pub mod clock;
pub mod events;
pub mod fixtures;
pub mod fonts;
pub mod replica;
