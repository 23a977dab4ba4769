//! The seizure case as a pure model: no I/O, no clock of its own (callers pass `now`).
//! `clippy.toml` forbids clocks, fresh ids, files and sockets here; the unit tests may use them.
#![cfg_attr(
    test,
    allow(
        clippy::disallowed_methods,
        reason = "tests make fresh ids and may read the clock; the library may not"
    )
)]

pub mod annotation;
pub mod bag_labels;
pub mod case;
pub mod control_list;
pub mod cores;
pub mod custody;
pub mod document;
pub mod entities;
pub mod event;
pub mod fields;
pub mod flags;
pub mod hlc;
pub mod identifiers;
pub mod input;
pub mod integrity;
mod invalid;
pub mod labels;
pub mod photo;
pub mod reference;
pub mod review;
pub mod signatures;
pub mod state;
pub mod timeline;
pub mod unit_numbers;
pub mod values;

pub use invalid::Invalid;

#[cfg(test)]
mod tests;
