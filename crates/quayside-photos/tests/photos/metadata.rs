//! What the camera recorded, read from EXIF at import; nothing invented when there is none.

use quayside_photos::{PhotoExif, Vault};
use quayside_testkit::fixtures::*;

#[test]
fn exif_falls_back_to_date_time_and_reads_north_east() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path(), file_key()).unwrap();
    let spec = ExifSpec {
        make: Some("Apple"),
        model: Some("iPhone 14 Pro"),
        date_time: Some("2023:11:02 17:05:59"),
        latitude: Some((51, 54, 1234, "N")),
        longitude: Some((4, 28, 4560, "E")),
        ..ExifSpec::default()
    };
    let imported = vault
        .import("rotterdam.jpg", &camera_jpeg(64, 48, 90, &spec, 2))
        .unwrap();
    assert_eq!(
        imported.exif,
        PhotoExif {
            captured_at: Some("2023-11-02 17:05:59".into()),
            camera: Some("Apple iPhone 14 Pro".into()),
            latitude: Some(51.0 + 54.0 / 60.0 + 12.34 / 3600.0),
            longitude: Some(4.0 + 28.0 / 60.0 + 45.6 / 3600.0),
            orientation: None,
        }
    );
    // No EXIF at all: nothing invented.
    let plain = vault.import("plain.jpg", &plain_jpeg(32, 32)).unwrap();
    assert_eq!(plain.exif, PhotoExif::default());
}

/// The facts every fixture in `tests/fixtures/exif/` holds (`make.py` writes them).
fn santos() -> PhotoExif {
    PhotoExif {
        captured_at: Some("2024-03-15 09:41:07".into()),
        camera: Some("Canon EOS R5".into()),
        latitude: Some(-(23.0 + 57.0 / 60.0 + 38.4 / 3600.0)),
        longitude: Some(-(46.0 + 19.0 / 60.0 + 30.0 / 3600.0)),
        orientation: Some(6),
    }
}

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/exif")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if (a - b).abs() < 1e-6)
}

#[test]
fn exif_as_exiftool_pillow_and_piexif_write_it_is_read_whole_without_a_note() {
    // piexif ends its sub-directories with a pointer that is not zero, which a strict reader
    // refuses whole.
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path(), file_key()).unwrap();
    let expected = santos();
    for writer in ["exiftool.jpg", "pillow.jpg", "piexif.jpg"] {
        let imported = vault.import(writer, &fixture(writer)).unwrap();
        let exif = &imported.exif;
        assert_eq!(exif.captured_at, expected.captured_at, "{writer}");
        assert_eq!(exif.camera, expected.camera, "{writer}");
        assert_eq!(exif.orientation, expected.orientation, "{writer}");
        assert!(
            close(exif.latitude, expected.latitude),
            "{writer}: {exif:?}"
        );
        assert!(
            close(exif.longitude, expected.longitude),
            "{writer}: {exif:?}"
        );
        assert_eq!(crate::notes_text(&imported), "", "{writer}");
    }
}

#[test]
fn a_directory_without_its_next_ifd_pointer_keeps_every_field_and_the_thumbnail_stands_upright() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path(), file_key()).unwrap();
    let imported = vault
        .import("no-next-ifd.jpg", &fixture("no-next-ifd.jpg"))
        .unwrap();
    let (exif, expected) = (&imported.exif, santos());
    assert_eq!(
        (&exif.captured_at, &exif.camera, exif.orientation),
        (
            &expected.captured_at,
            &expected.camera,
            expected.orientation
        )
    );
    assert!(close(exif.latitude, expected.latitude), "{exif:?}");
    assert!(close(exif.longitude, expected.longitude), "{exif:?}");
    // Nothing was lost (the missing pointer leads to the embedded thumbnail's directory at most):
    // nothing to tell.
    assert_eq!(crate::notes_text(&imported), "");
    // 64 x 48 as stored, orientation 6: the thumbnail is upright, 48 x 64.
    let thumb = vault.thumbnail(&imported.sha256, 256).unwrap().unwrap();
    let img = image::load_from_memory_with_format(&thumb, image::ImageFormat::Jpeg).unwrap();
    assert_eq!((img.width(), img.height()), (48, 64));
}

#[test]
fn an_entry_pointing_past_the_end_loses_only_itself_and_the_person_is_told() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path(), file_key()).unwrap();
    let imported = vault
        .import("bad-model.jpg", &fixture("no-next-ifd-bad-model.jpg"))
        .unwrap();
    let exif = &imported.exif;
    // The model is lost; the make stands alone as the camera, the rest is whole.
    assert_eq!(exif.camera.as_deref(), Some("Canon"));
    assert_eq!(exif.captured_at, santos().captured_at);
    assert_eq!(exif.orientation, Some(6));
    assert!(close(exif.latitude, santos().latitude), "{exif:?}");
    assert_eq!(crate::note_keys(&imported), ["notice.import_exif_partial"]);
}
