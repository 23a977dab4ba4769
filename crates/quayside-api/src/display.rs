//! How each person has the app drawn: theme, density and zoom. The UI applies them; this module
//! keeps them, per person in the encrypted store. The lock screen is shown before the store
//! opens, so the last person's choice is also kept in `display` in the data folder (a theme, a
//! density and a zoom, nothing else): someone who needs high contrast or 200% to read needs it
//! to type their passphrase too.

use quayside_i18n::Message;
use quayside_keys::private_file;
use quayside_store::PersonDisplay;
use uuid::Uuid;

use crate::error::{ApiError, ErrorCode};
use crate::session::LockState;
use crate::types::{Density, DisplayChoice, Theme};
use crate::Api;

/// The file holding the last display used, for the next lock screen.
const DEVICE_DISPLAY_FILE: &str = "display";
const MIN_ZOOM_PERCENT: u32 = 50;
const MAX_ZOOM_PERCENT: u32 = 300;

/// A stored word as a choice; a word this version does not know follows the system.
fn parsed<T: serde::de::DeserializeOwned>(word: Option<String>) -> Option<T> {
    word.and_then(|w| serde_json::from_value(w.into()).ok())
}

fn from_stored(stored: PersonDisplay) -> DisplayChoice {
    DisplayChoice {
        theme: parsed(stored.theme),
        density: parsed(stored.density),
        zoom_percent: stored
            .zoom_percent
            .unwrap_or(100)
            .clamp(MIN_ZOOM_PERCENT, MAX_ZOOM_PERCENT),
    }
}

fn word<T: serde::Serialize>(value: Option<T>) -> Option<String> {
    value.and_then(|v| serde_json::to_value(v).ok()?.as_str().map(str::to_string))
}

fn to_stored(choice: DisplayChoice) -> PersonDisplay {
    PersonDisplay {
        theme: word::<Theme>(choice.theme),
        density: word::<Density>(choice.density),
        zoom_percent: (choice.zoom_percent != 100).then_some(choice.zoom_percent),
    }
}

impl Api {
    /// The signed-in person's theme, density and zoom; the lock screen's from now on.
    pub(crate) fn set_display(&self, choice: DisplayChoice) -> Result<LockState, ApiError> {
        if !(MIN_ZOOM_PERCENT..=MAX_ZOOM_PERCENT).contains(&choice.zoom_percent) {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                Message::new("error.zoom_range")
                    .text("min", MIN_ZOOM_PERCENT.to_string())
                    .text("max", MAX_ZOOM_PERCENT.to_string())
                    .text("asked", choice.zoom_percent.to_string()),
            ));
        }
        let person = self.person()?;
        self.store()
            .set_person_display(person.id, &to_stored(choice))?;
        self.remember_device_display(choice);
        self.lock_state(crate::args::NoArgs {})
    }

    /// A person's display; nobody's (locked) is the last one used here, else the system's.
    pub(crate) fn display(&self, person: Option<Uuid>) -> Result<DisplayChoice, ApiError> {
        if let Some(id) = person {
            return Ok(self
                .store()
                .person_display(id)?
                .map(from_stored)
                .unwrap_or_default());
        }
        Ok(
            std::fs::read_to_string(self.data_dir.join(DEVICE_DISPLAY_FILE))
                .ok()
                .and_then(|text| serde_json::from_str::<DisplayChoice>(&text).ok())
                .map(|c| DisplayChoice {
                    zoom_percent: c.zoom_percent.clamp(MIN_ZOOM_PERCENT, MAX_ZOOM_PERCENT),
                    ..c
                })
                .unwrap_or_default(),
        )
    }

    /// Keeps the display for the next lock screen. Best effort: a lock screen drawn the system's
    /// way is no loss.
    pub(crate) fn remember_device_display(&self, choice: DisplayChoice) {
        let path = self.data_dir.join(DEVICE_DISPLAY_FILE);
        let bytes = serde_json::to_vec(&choice).expect("a display choice always serializes");
        if let Err(error) = private_file::write_atomic(&path, &bytes) {
            eprintln!("could not keep the lock screen's display: {error}");
        }
    }
}
