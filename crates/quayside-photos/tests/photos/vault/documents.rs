//! Shipping documents in the vault: stored by hash like originals, refused (with nothing written)
//! when empty, too large, not a PDF or image by their content, or a PDF cut short.

use quayside_photos::{DocumentMedia, Integrity, Limits, PhotoError, Vault};
use quayside_testkit::fixtures::*;
use sha2::{Digest, Sha256};

use crate::written;

fn refused(limits: Limits, file: &str, bytes: &[u8]) -> PhotoError {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open_with_limits(dir.path(), limits, file_key()).unwrap();
    let err = vault
        .import_document(file, bytes)
        .expect_err("must be refused");
    assert!(written(dir.path()).is_empty(), "nothing written: {err}");
    assert!(err.to_string().contains(file), "names the file: {err}");
    assert!(err.to_string().contains("Nothing was stored"), "{err}");
    err
}

#[test]
fn a_pdf_is_stored_under_its_hash_and_read_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path(), file_key()).unwrap();
    let pdf = small_pdf("Bill of lading MSCU1234567");
    let imported = vault.import_document("bl.pdf", &pdf).unwrap();
    assert_eq!(imported.sha256, hex::encode(Sha256::digest(&pdf)));
    assert_eq!(imported.media_type, DocumentMedia::Pdf);
    assert_eq!(imported.size, pdf.len() as u64);
    assert!(!imported.already_stored);
    assert_eq!(vault.read_original(&imported.sha256).unwrap(), pdf);
    assert_eq!(vault.check(&imported.sha256), Integrity::Intact);
    assert_eq!(vault.stored().unwrap(), vec![imported.sha256.clone()]);
    // No thumbnail is made for a document.
    assert_eq!(written(dir.path()).len(), 1);
    let again = vault.import_document("copy.pdf", &pdf).unwrap();
    assert!(again.already_stored);
}

#[test]
fn scans_are_taken_as_jpeg_png_or_tiff_by_their_content() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path(), file_key()).unwrap();
    let scan = vault
        .import_document("invoice.pdf", &plain_jpeg(20, 30))
        .unwrap();
    assert_eq!(
        scan.media_type,
        DocumentMedia::Jpeg,
        "the name is not trusted"
    );
    let png = vault.import_document("list", &png_rgba(8, 8)).unwrap();
    assert_eq!(png.media_type, DocumentMedia::Png);
    let tiff = vault
        .import_document("licence.tif", b"II*\0\x08\0\0\0\0\0")
        .unwrap();
    assert_eq!(tiff.media_type, DocumentMedia::Tiff);
}

#[test]
fn an_empty_file_is_refused() {
    let err = refused(Limits::default(), "empty.pdf", b"");
    assert!(matches!(err, PhotoError::DocumentEmpty { .. }), "{err}");
}

#[test]
fn a_file_that_is_no_pdf_or_image_is_refused_whatever_its_name() {
    let err = refused(Limits::default(), "invoice.pdf", b"PK\x03\x04 a zip file");
    assert!(matches!(err, PhotoError::NotADocument { .. }), "{err}");
    assert!(err.to_string().contains("whatever its name says"), "{err}");
}

#[test]
fn a_pdf_cut_short_is_refused() {
    let pdf = small_pdf("Packing list");
    let err = refused(Limits::default(), "list.pdf", &pdf[..pdf.len() - 20]);
    assert!(matches!(err, PhotoError::DocumentCutShort { .. }), "{err}");
}

#[test]
fn a_file_over_the_document_limit_is_refused_and_one_at_it_stored() {
    let pdf = small_pdf("Certificate of origin");
    let limits = Limits {
        max_document_bytes: pdf.len() as u64 - 1,
        ..Limits::default()
    };
    let err = refused(limits, "origin.pdf", &pdf);
    assert!(
        matches!(err, PhotoError::DocumentTooLarge { size, limit, .. }
            if size == pdf.len() as u64 && limit == size - 1),
        "{err}"
    );
    assert_eq!(quayside_photos::MAX_DOCUMENT_BYTES, 25 * 1024 * 1024);
    let dir = tempfile::tempdir().unwrap();
    let limits = Limits {
        max_document_bytes: pdf.len() as u64,
        ..Limits::default()
    };
    let vault = Vault::open_with_limits(dir.path(), limits, file_key()).unwrap();
    vault.import_document("origin.pdf", &pdf).unwrap();
}

#[test]
fn a_read_only_vault_refuses_documents() {
    let dir = tempfile::tempdir().unwrap();
    Vault::open(dir.path(), file_key()).unwrap();
    let vault = Vault::open_read_only(dir.path(), file_key()).unwrap();
    let err = vault
        .import_document("bl.pdf", &small_pdf("x"))
        .unwrap_err();
    assert!(matches!(err, PhotoError::ReadOnly { .. }), "{err}");
}
