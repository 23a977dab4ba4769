//! The language a person reads the app in, and the catalogue files the UI formats with. The
//! catalogues are `quayside-i18n`'s Fluent files; the UI gets them whole and formats every text,
//! so Rust and the UI share one catalogue and one message syntax.
//!
//! The same language says how the person types values: their decimal mark and date order, and,
//! kept as the `-u-ca-buddhist` extension of their language tag, whether they count years in the
//! Buddhist era. Typed values are read with these conventions; what is stored is canonical.
//!
//! Each person's language is in the encrypted store. The lock screen is shown before the store
//! opens, so the language of the last person is also kept in `language` in the data folder: a
//! language tag and nothing else.

use quayside_domain::input::{fold_width, InputConventions};
use quayside_domain::values::parse_date;
use quayside_i18n::{Catalogue, Locale};
use quayside_keys::private_file;
use quayside_store::CaseFilter;
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
    /// Whether the person types years in the Buddhist era (2569 for 2026). Left out, their
    /// choice stays as it was.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub buddhist_era: Option<bool>,
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
        let kept = person
            .language
            .as_deref()
            .and_then(InputConventions::from_tag)
            .is_some_and(|c| c.buddhist_era);
        let conventions = InputConventions {
            locale: args.locale,
            buddhist_era: args.buddhist_era.unwrap_or(kept),
        };
        self.store()
            .set_person_language(person.id, &conventions.tag())?;
        self.remember_device_language(args.locale);
        Ok(Done { ok: true })
    }

    /// How the signed-in person types values. Someone who chose no language types as the screens
    /// they read are shown (the last language used here), else as in English.
    pub(crate) fn conventions(&self) -> Result<InputConventions, ApiError> {
        let person = self.person()?;
        Ok(person
            .language
            .as_deref()
            .and_then(InputConventions::from_tag)
            .or_else(|| self.language(Some(&person)).map(InputConventions::new))
            .unwrap_or_default())
    }

    /// A case filter as the person typed it, in the form the store reads: days in their order
    /// and era, full-width characters folded. A day that cannot be read goes on as typed, for the
    /// store to refuse with its own message.
    pub(crate) fn typed_filter(&self, filter: CaseFilter) -> Result<CaseFilter, ApiError> {
        let typed = self.conventions()?;
        let day = |text: Option<String>| {
            text.map(|t| parse_date(&t, typed).map_or(t, |day| day.format("%Y-%m-%d").to_string()))
        };
        let plain = |text: Option<String>| text.map(|t| fold_width(&t));
        Ok(CaseFilter {
            opened_from: day(filter.opened_from),
            opened_to: day(filter.opened_to),
            search: plain(filter.search),
            port: plain(filter.port),
            country: plain(filter.country),
            ..filter
        })
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
