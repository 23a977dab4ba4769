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
