//! Photos as the case file holds them: a reference to the original by content hash, what EXIF
//! said, a caption, and whether the photo was excluded. The bytes live in the vault, never here.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the camera recorded, as read at import. Shown to people; never used to order events.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
pub struct Exif {
    pub captured_at: Option<String>,
    pub camera: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub orientation: Option<u16>,
}

/// A photo taken with the camera inside Quayside, as the app recorded it when it took it (not read
/// from the file): so a captured photo is told from an imported one. The signed event carries it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
pub struct Capture {
    /// The device it was taken on (its id, and the short id people see on its screen) and that
    /// device's clock then.
    pub device: String,
    pub device_short_id: String,
    pub captured_at: String,
    /// The camera as the platform names it ("Integrated Camera", "Rear camera").
    pub camera: Option<String>,
    /// Where, when the platform gave a position.
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// Its place in a sequence taken one after another (door, seals, cargo, finding), from 1.
    pub shot: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Photo {
    /// Hex SHA-256 of the original bytes: the photo's identity within the case and its vault name.
    pub sha256: String,
    pub size: u64,
    pub media_type: String,
    pub file_name: String,
    pub caption: Option<String>,
    pub exif: Exif,
    /// Taken with the camera in Quayside; None: imported from a file.
    #[serde(default)]
    pub captured: Option<Capture>,
    pub attached_at: String,
    pub attached_by: String,
    /// Set when excluded: the photo stays in the file, marked, with the reason.
    pub excluded: Option<String>,
    /// Drawn over it, in the order first drawn.
    #[serde(default)]
    pub annotations: Vec<crate::annotation::Annotation>,
}

/// Hex SHA-256: 64 lowercase hex digits. Anything else is refused before it names a file.
pub fn is_sha256(text: &str) -> bool {
    text.len() == 64
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_64_lowercase_hex() {
        assert!(is_sha256(&"0123456789abcdef".repeat(4)));
        assert!(!is_sha256(&"0123456789ABCDEF".repeat(4)));
        assert!(!is_sha256(&format!("../{}", "a".repeat(61))));
        assert!(!is_sha256("abc"));
    }
}
