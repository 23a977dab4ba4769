//! What the camera recorded: capture time, camera, GPS position, orientation. A photo without
//! EXIF has none of it; EXIF never refuses an import. EXIF is read leniently, as cameras and
//! editing tools write it: a directory cut short (no "next IFD" pointer after its last entry, as
//! some writers leave it), an entry pointing past the end, a broken sub-directory, each loses what
//! it holds and no more, and the import says so when a field was lost.

use std::io::Cursor;

use exif::{Exif, In, Tag, Value};

/// The case model's EXIF record: what import reads is what the `photo_attached` event carries.
pub use quayside_domain::photo::Exif as PhotoExif;

/// What was read of a photo's EXIF, and whether some of it could not be.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct ExifReading {
    pub fields: PhotoExif,
    /// EXIF is there but part of it did not parse: what did is kept.
    pub partial: bool,
}

/// Faults in how directories are chained that lose no field: a directory's entries were all read,
/// only the pointer after them is missing (some writers end the segment there) or, in a
/// sub-directory, not zero (piexif writes one). What follows IFD0 is the embedded thumbnail's
/// directory, which is not used.
const HARMLESS: &[&str] = &["Truncated next IFD offset", "Unexpected next IFD"];

fn loses_a_field(error: &exif::Error) -> bool {
    !matches!(error, exif::Error::InvalidFormat(what) if HARMLESS.contains(what))
}

/// Every field that reads, and whether any did not. `present`: the bytes are EXIF for sure (a
/// JPEG's APP1 "Exif" segment), so none of it reading is EXIF unreadable, not EXIF absent.
fn lenient(
    present: bool,
    read_with: impl FnOnce(exif::Reader) -> Result<Exif, exif::Error>,
) -> ExifReading {
    let mut reader = exif::Reader::new();
    reader.continue_on_error(true);
    let mut partial = false;
    let result = read_with(reader).or_else(|e| {
        e.distill_partial_result(|errors| {
            partial = errors.iter().any(loses_a_field);
        })
    });
    match result {
        Ok(e) => ExifReading {
            fields: read(&e),
            partial,
        },
        Err(_) => ExifReading {
            fields: PhotoExif::default(),
            partial: present,
        },
    }
}

/// EXIF from raw TIFF-structured data (what a JPEG's APP1 "Exif" segment holds after its header).
pub(crate) fn from_tiff(raw: &[u8]) -> ExifReading {
    lenient(true, |reader| reader.read_raw(raw.to_vec()))
}

/// EXIF from any container kamadak-exif knows (JPEG, PNG eXIf, HEIF). A container it cannot
/// find EXIF in, or cannot read at all, has none as far as this can tell.
pub(crate) fn from_container(bytes: &[u8]) -> ExifReading {
    lenient(false, |reader| {
        reader.read_from_container(&mut Cursor::new(bytes))
    })
}

fn read(e: &Exif) -> PhotoExif {
    let captured_at = date_time(e, Tag::DateTimeOriginal).or_else(|| date_time(e, Tag::DateTime));
    let camera = camera_name(
        ascii(e, Tag::Make).as_deref(),
        ascii(e, Tag::Model).as_deref(),
    );
    let (latitude, longitude) = match (
        coordinate(e, Tag::GPSLatitude, Tag::GPSLatitudeRef, b'N', b'S', 90.0),
        coordinate(
            e,
            Tag::GPSLongitude,
            Tag::GPSLongitudeRef,
            b'E',
            b'W',
            180.0,
        ),
    ) {
        // Half a position is no position.
        (Some(lat), Some(lon)) => (Some(lat), Some(lon)),
        _ => (None, None),
    };
    let orientation = e
        .get_field(Tag::Orientation, In::PRIMARY)
        .and_then(|f| f.value.get_uint(0))
        .filter(|o| (1..=8).contains(o))
        .map(|o| o as u16);
    PhotoExif {
        captured_at,
        camera,
        latitude,
        longitude,
        orientation,
    }
}

fn ascii(e: &Exif, tag: Tag) -> Option<String> {
    match &e.get_field(tag, In::PRIMARY)?.value {
        Value::Ascii(parts) => {
            let raw = parts.first()?;
            let text = String::from_utf8_lossy(raw);
            let text = text.trim_matches(|c: char| c == '\0' || c.is_whitespace());
            (!text.is_empty()).then(|| text.to_string())
        }
        _ => None,
    }
}

fn date_time(e: &Exif, tag: Tag) -> Option<String> {
    let field = e.get_field(tag, In::PRIMARY)?;
    let Value::Ascii(parts) = &field.value else {
        return None;
    };
    let d = exif::DateTime::from_ascii(parts.first()?).ok()?;
    // Cameras with an unset clock write zeros; that is no time at all.
    let plausible = (1..=12).contains(&d.month)
        && (1..=31).contains(&d.day)
        && d.hour < 24
        && d.minute < 60
        && d.second < 61
        && d.year > 0;
    plausible.then(|| {
        format!(
            "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
            d.year, d.month, d.day, d.hour, d.minute, d.second
        )
    })
}

pub(crate) fn camera_name(make: Option<&str>, model: Option<&str>) -> Option<String> {
    let make = make.map(str::trim).filter(|s| !s.is_empty());
    let model = model.map(str::trim).filter(|s| !s.is_empty());
    match (make, model) {
        (Some(make), Some(model)) => {
            if model.to_lowercase().starts_with(&make.to_lowercase()) {
                Some(model.to_string())
            } else {
                Some(format!("{make} {model}"))
            }
        }
        (Some(one), None) | (None, Some(one)) => Some(one.to_string()),
        (None, None) => None,
    }
}

/// Degrees, minutes, seconds and a hemisphere reference, as signed decimal degrees.
fn coordinate(e: &Exif, tag: Tag, ref_tag: Tag, plus: u8, minus: u8, max: f64) -> Option<f64> {
    let Value::Rational(dms) = &e.get_field(tag, In::PRIMARY)?.value else {
        return None;
    };
    let part = |i: usize| -> Option<f64> {
        match dms.get(i) {
            Some(r) if r.denom != 0 => Some(r.num as f64 / r.denom as f64),
            Some(_) => None,
            None => Some(0.0),
        }
    };
    let degrees = part(0)? + part(1)? / 60.0 + part(2)? / 3600.0;
    if dms.is_empty() || !degrees.is_finite() || degrees > max {
        return None;
    }
    let hemisphere = ascii(e, ref_tag)?.bytes().next()?.to_ascii_uppercase();
    if hemisphere == plus {
        Some(degrees)
    } else if hemisphere == minus {
        Some(-degrees)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camera_name_reads_once() {
        assert_eq!(
            camera_name(Some("Canon"), Some("Canon EOS R5")).as_deref(),
            Some("Canon EOS R5")
        );
        assert_eq!(
            camera_name(Some(" Apple "), Some("iPhone 14 Pro ")).as_deref(),
            Some("Apple iPhone 14 Pro")
        );
        assert_eq!(
            camera_name(Some("NIKON"), Some("nikon D850")).as_deref(),
            Some("nikon D850")
        );
        assert_eq!(camera_name(None, Some("GR III")).as_deref(), Some("GR III"));
        assert_eq!(camera_name(Some("  "), None), None);
    }

    #[test]
    fn garbage_where_exif_should_be_is_unreadable_and_no_exif_is_none() {
        // Bytes that are not TIFF where EXIF should be: there, and unreadable.
        assert_eq!(from_tiff(b"not tiff at all").fields, PhotoExif::default());
        assert!(from_tiff(b"not tiff at all").partial);
        // A JPEG without EXIF has none, which is nothing to note.
        assert_eq!(from_container(b"\xFF\xD8\xFF\xD9"), ExifReading::default());
    }
}
