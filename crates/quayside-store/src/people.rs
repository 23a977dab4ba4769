//! The `people` table: who uses this device, by the id of their key slot, and how each has the app
//! drawn. Not evidence (events carry their author's name and role as written then); the signed-in
//! person authors new events.

use rusqlite::{params, OptionalExtension};
use uuid::Uuid;

use crate::error::Result;
use crate::store::Store;

/// A person of this device. `role` is the serde name of the domain's `Role`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: Uuid,
    pub name: String,
    pub role: String,
    /// The sync server's user name, once this person signed in there.
    pub account: Option<String>,
    /// The language they chose (a BCP 47 tag), if they chose one.
    pub language: Option<String>,
}

impl Store {
    pub fn add_person(&self, person: &Person) -> Result<()> {
        self.conn.execute(
            "INSERT INTO people (id, name, role, account, language, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                person.id.to_string(),
                person.name,
                person.role,
                person.account,
                person.language,
                crate::clock::rfc3339(self.now())
            ],
        )?;
        Ok(())
    }

    pub fn person(&self, id: Uuid) -> Result<Option<Person>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, name, role, account, language FROM people WHERE id = ?1",
                [id.to_string()],
                read_person,
            )
            .optional()?)
    }

    /// Everyone, oldest first (the first is the person who set the device up).
    pub fn people(&self) -> Result<Vec<Person>> {
        let mut statement = self.conn.prepare(
            "SELECT id, name, role, account, language FROM people ORDER BY created_at, id",
        )?;
        let rows = statement.query_map([], read_person)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The account's word on a person: its user name and role, from a sign-in.
    pub fn set_person_account(&self, id: Uuid, account: &str, role: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE people SET account = ?2, role = ?3 WHERE id = ?1",
            params![id.to_string(), account, role],
        )?;
        Ok(())
    }
}

impl Store {
    /// A person of this device signed in with their own server account: from now on they are the
    /// account (its user name as their name, its role).
    pub fn set_person_from_account(&self, id: Uuid, username: &str, role: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE people SET name = ?2, account = ?2, role = ?3 WHERE id = ?1",
            params![id.to_string(), username, role],
        )?;
        Ok(())
    }

    /// The language a person reads the app in.
    pub fn set_person_language(&self, id: Uuid, language: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE people SET language = ?2 WHERE id = ?1",
            params![id.to_string(), language],
        )?;
        Ok(())
    }
}

/// How a person has the app drawn. The store keeps the words; the API says which are valid.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonDisplay {
    /// `light`, `contrast` or `dark`; none while they follow the system.
    pub theme: Option<String>,
    /// `compact` or `touch`; none while they follow the pointer the device has.
    pub density: Option<String>,
    /// Zoom in percent; none for 100.
    pub zoom_percent: Option<u32>,
}

impl Store {
    /// A person's display choices; `None` for someone not on this device.
    pub fn person_display(&self, id: Uuid) -> Result<Option<PersonDisplay>> {
        Ok(self
            .conn
            .query_row(
                "SELECT theme, density, zoom_percent FROM people WHERE id = ?1",
                [id.to_string()],
                |row| {
                    Ok(PersonDisplay {
                        theme: row.get(0)?,
                        density: row.get(1)?,
                        zoom_percent: row.get(2)?,
                    })
                },
            )
            .optional()?)
    }

    pub fn set_person_display(&self, id: Uuid, display: &PersonDisplay) -> Result<()> {
        self.conn.execute(
            "UPDATE people SET theme = ?2, density = ?3, zoom_percent = ?4 WHERE id = ?1",
            params![
                id.to_string(),
                display.theme,
                display.density,
                display.zoom_percent
            ],
        )?;
        Ok(())
    }
}

fn read_person(row: &rusqlite::Row<'_>) -> rusqlite::Result<Person> {
    let id: String = row.get(0)?;
    Ok(Person {
        id: Uuid::parse_str(&id).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })?,
        name: row.get(1)?,
        role: row.get(2)?,
        account: row.get(3)?,
        language: row.get(4)?,
    })
}
