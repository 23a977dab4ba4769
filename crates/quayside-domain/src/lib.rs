//! The seizure case as a pure model: no I/O, no clock of its own (callers pass `now`).

pub mod case;
pub mod cores;
pub mod custody;
pub mod event;
pub mod fields;
pub mod flags;
pub mod hlc;
pub mod identifiers;
pub mod integrity;
mod invalid;
pub mod labels;
pub mod photo;
pub mod reference;
pub mod review;
pub mod timeline;
pub mod values;

pub use invalid::Invalid;

#[cfg(test)]
mod tests;
