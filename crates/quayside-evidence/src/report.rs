//! What checking a bundle found: counts, what is not proven or not anchored, every problem, and
//! the text an examiner reads.

use std::fmt;

use serde::Serialize;

#[derive(Debug, Clone, Default, Serialize)]
pub struct BundleReport {
    pub case_id: String,
    pub case_number: String,
    pub events: u64,
    pub devices: u64,
    pub photos: u64,
    /// Shipping documents, checked against their hashes like photos.
    pub documents: u64,
    /// Annotated photos drawn with their marks, checked against the manifest.
    pub renderings: u64,
    /// Events whose place in a checkpoint of the server's log is proven.
    pub proven: u64,
    /// Events no checkpoint proves the server holds (recorded offline and not yet synced when the
    /// bundle was made, or synced after its last checkpoint): signed by their device, but not
    /// proven beyond it. Each says whether a server receipt covers it.
    pub unproven: Vec<String>,
    /// The server key the statements were checked against.
    pub server_key: Option<String>,
    /// Where that key came from.
    pub server_key_from: KeySource,
    /// Devices whose key no server enrollment in the bundle vouches for: their signatures hold,
    /// but only the bundle says whose key it is.
    pub unanchored: Vec<String>,
    pub problems: Vec<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KeySource {
    /// No key: nothing in the bundle can be checked against a server.
    #[default]
    None,
    /// The key the bundle names: it proves only that the bundle agrees with itself.
    Bundle,
    /// A key the examiner gave (`--server-key`), obtained from the server's operator.
    Given,
}

impl BundleReport {
    pub fn verified(&self) -> bool {
        self.problems.is_empty()
    }
}

impl fmt::Display for BundleReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for p in &self.problems {
            writeln!(f, "{p}")?;
        }
        if self.verified() {
            write!(
                f,
                "verified: case {}, {} events from {} devices, {} photos, {} documents",
                self.case_number, self.events, self.devices, self.photos, self.documents
            )?;
            if self.renderings > 0 {
                write!(f, ", {} annotated photo renderings", self.renderings)?;
            }
        } else {
            write!(
                f,
                "FAILED: {} problems in case {} ({} events, {} photos, {} documents)",
                self.problems.len(),
                self.case_number,
                self.events,
                self.photos,
                self.documents
            )?;
        }
        match (&self.server_key, self.server_key_from) {
            (Some(key), KeySource::Given) => write!(
                f,
                "\n{} of {} events proven in the server's log (server key {key}, as given)",
                self.proven, self.events
            )?,
            (Some(key), _) => write!(
                f,
                "\n{} of {} events proven in the server's log, by the server key the bundle itself \
                 names ({key}): NOT ANCHORED. Check that key with the server's operator and run \
                 again with --server-key",
                self.proven, self.events
            )?,
            (None, _) => write!(
                f,
                "\nno server key: nothing in the bundle shows a server received any of it"
            )?,
        }
        for line in &self.unproven {
            write!(f, "\nnot proven in the server's log: {line}")?;
        }
        for device in &self.unanchored {
            write!(
                f,
                "\nnot anchored: no enrollment signed by the server vouches for the key of device \
                 {device}; only the bundle says it is that device's"
            )?;
        }
        Ok(())
    }
}
