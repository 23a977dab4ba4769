//! The message catalogues: every text a person reads, under a stable key, in each language
//! Quayside speaks. The catalogues are Fluent files (`locales/<tag>/<area>.ftl`), compiled in, and
//! the same files are handed to the UI, which formats them with Fluent's JavaScript library: one
//! catalogue and one message syntax for both sides.
//!
//! In code a key is written with dots (`section.route`, `lock.unlock`); a catalogue writes it with
//! hyphens (`section-route`), because Fluent ids allow no dots. Key segments hold no hyphen, so the
//! mapping goes both ways.
//!
//! English is the reference: every other language is checked against it key by key and argument
//! by argument (tests), and a key a catalogue lacks falls back to English, then to the key itself.

mod catalogue;
mod locale;
mod message;

pub use catalogue::{fluent_id, key_of_id, Catalogue, FILES};
pub use locale::Locale;
pub use message::{Arg, Message};
