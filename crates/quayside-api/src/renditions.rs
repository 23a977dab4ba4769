//! Sizes of the photo renditions the API makes (gallery thumbnails use the vault's own size).
//! Here rather than beside either user, so the PDF's size follows the viewer's.

/// Longest side of the viewer's preview, in pixels.
pub(crate) const PREVIEW_SIDE: u32 = 1600;

/// Side of the photo renditions embedded in the PDF: sharp in print, small in the file.
pub(crate) const PDF_PHOTO_SIDE: u32 = PREVIEW_SIDE / 2;
