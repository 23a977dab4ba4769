//! Thumbnails: upright by the EXIF orientation, never enlarged, cached and remade at will, and
//! only ever drawn from the true original.

use std::fs;

use quayside_photos::{PhotoError, Vault};
use quayside_testkit::fixtures::*;

use crate::{
    make_writable, note_keys, notes_text, seal_original, seal_thumbnail, unseal_original,
    unseal_thumbnail,
};

#[test]
fn thumbnail_of_a_camera_photo_held_upright_is_portrait() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path(), file_key()).unwrap();
    // 4000 x 3000 as stored; orientation 6 says the camera was turned: shown 3000 x 4000.
    let bytes = camera_jpeg(4000, 3000, 90, &ExifSpec::santos(), 5);
    let sha = vault.import("container.jpg", &bytes).unwrap().sha256;
    // Import made the gallery's thumbnail from its validation decode.
    let cached = dir.path().join("thumbs").join(format!("{sha}-256.jpg"));
    assert_eq!(quayside_photos::GALLERY_THUMBNAIL_SIDE, 256);
    let from_import = unseal_thumbnail(&cached, &sha, 256);
    fs::remove_file(&cached).unwrap();

    let thumb = vault
        .thumbnail(&sha, 256)
        .unwrap()
        .expect("a JPEG has a thumbnail");
    assert_eq!(thumb, from_import, "the same thumbnail either way");

    assert!(thumb.starts_with(&[0xFF, 0xD8, 0xFF]));
    let img = image::load_from_memory_with_format(&thumb, image::ImageFormat::Jpeg).unwrap();
    assert_eq!(
        (img.width(), img.height()),
        (192, 256),
        "portrait, longest side as asked"
    );
    // Cached, and served from the cache; the original is untouched.
    assert_eq!(unseal_thumbnail(&cached, &sha, 256), thumb);
    assert_eq!(vault.thumbnail(&sha, 256).unwrap().unwrap(), thumb);
    assert_eq!(unseal_original(&vault.original_path(&sha), &sha), bytes);
    // Thumbnails may be deleted at any time, the folder too.
    fs::remove_dir_all(dir.path().join("thumbs")).unwrap();
    assert_eq!(vault.thumbnail(&sha, 256).unwrap().unwrap(), thumb);
    // A cache file cut short by a crash is not served.
    let sealed = fs::read(&cached).unwrap();
    fs::write(&cached, &sealed[..sealed.len() / 2]).unwrap();
    assert_eq!(vault.thumbnail(&sha, 256).unwrap().unwrap(), thumb);
}

#[test]
fn thumbnail_pixels_follow_the_orientation() {
    // Left half red, right half blue, stored landscape with orientation 6 (rotate 90° clockwise):
    // upright, the red half is on top.
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path(), file_key()).unwrap();
    let img = image::RgbImage::from_fn(400, 300, |x, _| {
        if x < 200 {
            image::Rgb([220, 20, 20])
        } else {
            image::Rgb([20, 20, 220])
        }
    });
    let spec = ExifSpec {
        orientation: Some(6),
        ..ExifSpec::default()
    };
    let sha = vault
        .import("o6.jpg", &with_exif(&encode_jpeg(&img, 90), &spec))
        .unwrap()
        .sha256;

    let thumb = vault.thumbnail(&sha, 100).unwrap().unwrap();
    let t = image::load_from_memory(&thumb).unwrap().to_rgb8();
    assert_eq!(t.dimensions(), (75, 100));
    let top = t.get_pixel(37, 10).0;
    let bottom = t.get_pixel(37, 90).0;
    assert!(top[0] > 150 && top[2] < 100, "top is red: {top:?}");
    assert!(
        bottom[2] > 150 && bottom[0] < 100,
        "bottom is blue: {bottom:?}"
    );
}

#[test]
fn thumbnails_of_png_and_small_images() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path(), file_key()).unwrap();
    let png = vault
        .import("diagram.png", &png_rgba(1000, 400))
        .unwrap()
        .sha256;
    let t = vault.thumbnail(&png, 256).unwrap().unwrap();
    let t = image::load_from_memory(&t).unwrap().to_rgb8();
    assert_eq!(t.dimensions(), (256, 102));
    // Transparent pixels (the right half) are shown over white.
    let right = t.get_pixel(240, 50).0;
    assert!(right.iter().all(|&c| c > 235), "{right:?}");

    // Never enlarged.
    let small = vault
        .import("small.jpg", &plain_jpeg(120, 80))
        .unwrap()
        .sha256;
    let t = vault.thumbnail(&small, 256).unwrap().unwrap();
    let t = image::load_from_memory(&t).unwrap();
    assert_eq!((t.width(), t.height()), (120, 80));
}

#[test]
fn thumbnail_size_must_be_sensible() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path(), file_key()).unwrap();
    let sha = vault.import("a.jpg", &plain_jpeg(40, 30)).unwrap().sha256;
    for side in [0, quayside_photos::MAX_THUMBNAIL_SIDE + 1] {
        let err = vault.thumbnail(&sha, side).unwrap_err();
        assert!(
            matches!(err, PhotoError::InvalidThumbnailSize { .. }),
            "{err}"
        );
    }
}

#[test]
fn a_thumbnail_is_made_only_from_the_true_original() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path(), file_key()).unwrap();
    let thumbs = dir.path().join("thumbs");
    let bytes = camera_jpeg(640, 480, 90, &ExifSpec::default(), 21);
    let sha = vault.import("seal.jpg", &bytes).unwrap().sha256;
    let true_256 = vault.thumbnail(&sha, 256).unwrap().unwrap();

    // Another valid JPEG (a different picture) put under the original's name, sealed with the
    // device's key (as an older, unsealed vault's altered file is once sealed).
    let imposter = camera_jpeg(640, 480, 90, &ExifSpec::default(), 22);
    let path = vault.original_path(&sha);
    make_writable(&path);
    fs::write(&path, seal_original(&sha, &imposter)).unwrap();

    // A size not cached at import: it must not be drawn from the imposter.
    let err = vault.thumbnail(&sha, 1600).unwrap_err();
    assert!(matches!(err, PhotoError::Altered { .. }), "{err}");
    assert!(!thumbs.join(format!("{sha}-1600.jpg")).exists());

    // Thumbnails drawn from the imposter may linger in the cache (made by an older version).
    let other = tempfile::tempdir().unwrap();
    let other_vault = Vault::open(other.path(), file_key()).unwrap();
    let imposter_sha = other_vault.import("x.jpg", &imposter).unwrap().sha256;
    let imposter_256 = other_vault.thumbnail(&imposter_sha, 256).unwrap().unwrap();
    assert!(imposter_256 != true_256);
    fs::write(
        thumbs.join(format!("{sha}-256.jpg")),
        seal_thumbnail(&sha, 256, &imposter_256),
    )
    .unwrap();
    fs::write(
        thumbs.join(format!("{sha}-1600.jpg")),
        seal_thumbnail(&sha, 1600, &imposter_256),
    )
    .unwrap();

    // Importing the true bytes again sets the imposter aside and drops every thumbnail of it.
    let again = vault.import("seal.jpg", &bytes).unwrap();
    assert_eq!(note_keys(&again), ["notice.import_altered_set_aside"]);
    assert!(notes_text(&again).contains("altered copy"));
    // (assert! rather than assert_eq!: a failure would print two JPEGs byte by byte)
    assert!(
        unseal_thumbnail(&thumbs.join(format!("{sha}-256.jpg")), &sha, 256) == true_256,
        "the gallery thumbnail is remade from the true image"
    );
    assert!(vault.thumbnail(&sha, 256).unwrap().unwrap() == true_256);
    let fresh = tempfile::tempdir().unwrap();
    let fresh_vault = Vault::open(fresh.path(), file_key()).unwrap();
    fresh_vault.import("seal.jpg", &bytes).unwrap();
    assert!(
        vault.thumbnail(&sha, 1600).unwrap().unwrap()
            == fresh_vault.thumbnail(&sha, 1600).unwrap().unwrap(),
        "other sizes are made afresh from the true image"
    );
}

#[test]
fn a_cached_thumbnail_is_not_served_without_its_original() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path(), file_key()).unwrap();
    let sha = vault.import("c.jpg", &plain_jpeg(40, 30)).unwrap().sha256;
    assert!(vault.thumbnail(&sha, 256).unwrap().is_some());
    fs::remove_file(vault.original_path(&sha)).unwrap();
    assert!(dir
        .path()
        .join("thumbs")
        .join(format!("{sha}-256.jpg"))
        .exists());

    let err = vault.thumbnail(&sha, 256).unwrap_err();
    assert!(matches!(err, PhotoError::Missing { .. }), "{err}");
}
