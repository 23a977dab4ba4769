//! A message as it travels: a key and its arguments, put into words where it is shown.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A keyed message with its arguments, as Rust hands it to the UI (errors, validation) so it is
/// shown in the reader's language; `Catalogue::format` puts it into words (English for logs).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Message {
    pub key: String,
    pub args: BTreeMap<String, Arg>,
}

/// One argument of a message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Arg {
    /// Shown as given: a value the person typed, a code, a name.
    Text(String),
    /// A number, for plural rules ("1 recorded change", "106 recorded changes").
    Number(f64),
    /// A catalogue key whose text, in the reader's language, is the argument ("Seal number").
    Label(String),
    /// Words that come as data in several languages (a published control list's entry names), by
    /// language tag: shown in the reader's language, else in English.
    Words(BTreeMap<String, String>),
}

impl Message {
    pub fn new(key: impl Into<String>) -> Message {
        Message {
            key: key.into(),
            args: BTreeMap::new(),
        }
    }

    /// Adds a text argument.
    pub fn text(mut self, name: &str, value: impl Into<String>) -> Message {
        self.args.insert(name.to_string(), Arg::Text(value.into()));
        self
    }

    /// Adds words given in several languages, by language tag (`en` required).
    pub fn words(mut self, name: &str, by_tag: BTreeMap<String, String>) -> Message {
        self.args.insert(name.to_string(), Arg::Words(by_tag));
        self
    }

    /// Adds a number argument.
    pub fn number(mut self, name: &str, value: impl Into<f64>) -> Message {
        self.args
            .insert(name.to_string(), Arg::Number(value.into()));
        self
    }

    /// Adds an argument shown as the text of a catalogue key.
    pub fn label(mut self, name: &str, key: impl Into<String>) -> Message {
        self.args.insert(name.to_string(), Arg::Label(key.into()));
        self
    }
}
