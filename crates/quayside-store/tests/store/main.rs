//! The store's integration tests, on real SQLite files in temporary folders: one module per source
//! module, the model check (`model`; alone: `cargo test -p quayside-store --test store model::`,
//! with `QUAYSIDE_LONG=1` for ten times the cases), and the helpers they share (`common`).

mod common;
mod device;
mod drafts;
mod encryption;
mod entities;
mod evidence;
mod filters;
mod log;
mod migrate;
mod model;
mod open;
mod people;
mod projection;
mod queries;
mod reader;
mod replicate;
mod review;
mod search;
mod stats;
mod verify;
