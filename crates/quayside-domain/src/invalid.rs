//! The one validation error of the domain: a message a person can act on.

use std::fmt;

use quayside_i18n::{Catalogue, Message};

/// Why a value was refused, worded for the person who typed it: what is wrong and how to fix it.
/// It travels as a key and arguments (`invalid.*` in `validation.ftl`), so it is put into words
/// in the reader's language where it is shown; `Display` is the English, for logs and tests.
#[derive(Debug, Clone, PartialEq)]
pub struct Invalid {
    pub text: Message,
}

impl Invalid {
    pub fn new(text: Message) -> Self {
        Self { text }
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Catalogue::english().format(&self.text))
    }
}

impl std::error::Error for Invalid {}
