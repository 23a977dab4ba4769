//! The language a person reads the app in, and the catalogue files the UI formats with. The
//! catalogues are `quayside-i18n`'s Fluent files; the UI gets them whole and formats every text,
//! so Rust and the UI share one catalogue and one message syntax.
//!
//! Each person's language is in the encrypted store. The lock screen is shown before the store
//! opens, so the language of the last person is also kept in `language` in the data folder: a
//! language tag and nothing else.

use quayside_i18n::{Catalogue, Locale};
use quayside_keys::private_file;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::args::Done;
use crate::error::ApiError;
use crate::Api;

/// The file holding the last language chosen or unlocked in, for the next lock screen.
const DEVICE_LANGUAGE_FILE: &str = "language";

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct CatalogueArgs {
    pub locale: Locale,
}

/// A language's catalogue files, and English's, which fill any gap.
#[derive(Debug, Serialize, TS)]
pub struct CatalogueFiles {
    pub locale: Locale,
    /// The BCP 47 tag dates and numbers are formatted with.
    pub tag: String,
    pub files: Vec<String>,
    pub english: Vec<String>,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SetLanguageArgs {
    pub locale: Locale,
}

impl Api {
    pub(crate) fn catalogue(&self, args: CatalogueArgs) -> Result<CatalogueFiles, ApiError> {
        let files = |locale| Catalogue::sources(locale).map(str::to_string).to_vec();
        Ok(CatalogueFiles {
            locale: args.locale,
            tag: args.locale.tag().to_string(),
            files: files(args.locale),
            english: files(Locale::En),
        })
    }

    /// The signed-in person's language, and the lock screen's from now on.
    pub(crate) fn set_language(&self, args: SetLanguageArgs) -> Result<Done, ApiError> {
        let person = self.person()?;
        self.store()
            .set_person_language(person.id, args.locale.tag())?;
        self.remember_device_language(args.locale);
        Ok(Done { ok: true })
    }

    /// The language to show: the signed-in person's if they chose one, else the last one used on
    /// this device; `None` when nobody chose (the UI then follows the system).
    pub(crate) fn language(&self, person: Option<&quayside_store::Person>) -> Option<Locale> {
        person
            .and_then(|p| p.language.as_deref())
            .and_then(Locale::from_tag)
            .or_else(|| {
                std::fs::read_to_string(self.data_dir.join(DEVICE_LANGUAGE_FILE))
                    .ok()
                    .and_then(|tag| Locale::from_tag(&tag))
            })
    }

    /// Keeps the language for the next lock screen. Best effort: a lock screen in another
    /// language is no loss.
    pub(crate) fn remember_device_language(&self, locale: Locale) {
        let path = self.data_dir.join(DEVICE_LANGUAGE_FILE);
        if let Err(error) = private_file::write_atomic(&path, locale.tag().as_bytes()) {
            eprintln!("could not keep the lock screen's language: {error}");
        }
    }
}
