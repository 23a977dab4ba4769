//! The photographs: each photo's thumbnail (or a note why there is none) with its details.

use krilla::image::Image;
use quayside_domain::photo::Photo;

use super::document::{CaseDocument, PhotoPage};
use super::style::{HASH, INDENT, NOTE, SUBHEADING, THUMB_HEIGHT, THUMB_WIDTH, VALUE};
use super::words::{byte_size, time};
use super::writer::Writer;
use crate::layout::{Column, Layout, Style, ALERT, HAIRLINE, LEFT, MM, SHADE};

impl Writer<'_> {
    pub(super) fn photos(&mut self, doc: &CaseDocument) {
        self.heading("Photographs");
        if doc.photos.is_empty() {
            self.note(0.0, "No photographs attached.");
            return;
        }
        let total = doc.photos.len();
        for (i, (page, photo)) in doc.photos.iter().zip(&doc.case.photos).enumerate() {
            self.photo(i + 1, total, page, photo);
        }
    }

    fn photo(&mut self, number: usize, total: usize, page: &PhotoPage, photo: &Photo) {
        let thumbnail = page
            .jpeg
            .as_ref()
            .map(|jpeg| Image::from_jpeg(jpeg.clone().into(), true));
        let (image, missing) = match thumbnail {
            Some(Ok(image)) => (Some(image), None),
            Some(Err(e)) => (
                None,
                Some(format!(
                    "The thumbnail could not be read ({e}). The original is identified by its \
                     SHA-256 below."
                )),
            ),
            None => (
                None,
                Some(format!(
                    "No thumbnail for this {} file. The original is identified by its SHA-256 \
                     below.",
                    page.media_type
                )),
            ),
        };
        let (width, height) = match &image {
            Some(image) => {
                let (w, h) = image.size();
                let scale = (THUMB_WIDTH / w.max(1) as f32).min(THUMB_HEIGHT / h.max(1) as f32);
                (w as f32 * scale, h as f32 * scale)
            }
            None => {
                let note = [Column {
                    x: 0.0,
                    width: THUMB_WIDTH - 6.0 * MM,
                    style: NOTE,
                    text: missing.as_deref().unwrap_or_default(),
                }];
                let text_height = self.layout.row_height(&note);
                (THUMB_WIDTH, (text_height + 6.0 * MM).max(16.0 * MM))
            }
        };

        let mut rows: Vec<(&str, String, Style)> = Vec::new();
        rows.push(("File name", page.file_name.clone(), VALUE));
        rows.push((
            "Caption",
            page.caption.clone().unwrap_or_else(|| "No caption".into()),
            if page.caption.is_some() { VALUE } else { NOTE },
        ));
        if let Some(reason) = &page.excluded {
            rows.push(("Excluded", reason.clone(), VALUE.with_color(ALERT)));
        }
        rows.push(("Media type", page.media_type.clone(), VALUE));
        rows.push(("Size", byte_size(page.size), VALUE));
        if let Some(at) = &photo.exif.captured_at {
            rows.push(("Taken at (camera clock)", at.clone(), VALUE));
        }
        if let Some(camera) = &photo.exif.camera {
            rows.push(("Camera", camera.clone(), VALUE));
        }
        if let (Some(lat), Some(lon)) = (photo.exif.latitude, photo.exif.longitude) {
            rows.push(("Position (camera)", format!("{lat:.6}, {lon:.6}"), VALUE));
        }
        rows.push(("Attached at", time(&page.attached_at), VALUE));
        rows.push(("Attached by", page.attached_by.clone(), VALUE));
        rows.push(("SHA-256", page.sha256.clone(), HASH));

        // Keep a photo, its heading and its details on one page when they fit on one.
        let block = SUBHEADING.line_height()
            + 9.0
            + height
            + 3.0 * MM
            + rows
                .iter()
                .map(|(l, v, s)| self.field_height(INDENT, l, v, *s))
                .sum::<f32>();
        self.layout.space(3.0 * MM);
        if block <= Layout::page_room() {
            self.layout.keep(block);
        }
        let title = format!("Photo {number} of {total} · {}", page.file_name);
        match &page.excluded {
            Some(_) => self.subheading(
                0.0,
                &format!("{title} (excluded)"),
                SUBHEADING.with_color(ALERT),
            ),
            None => self.subheading(0.0, &title, SUBHEADING),
        }
        self.layout.space(1.5);
        match image {
            Some(image) => self.layout.image(LEFT + INDENT, width, height, image),
            None => {
                self.layout.keep(height);
                let top = self.layout.y();
                self.layout.rect(
                    LEFT + INDENT,
                    0.0,
                    width,
                    height,
                    Some(SHADE),
                    Some(HAIRLINE),
                );
                self.layout.down(3.0 * MM);
                self.layout.paragraph(
                    LEFT + INDENT + 3.0 * MM,
                    width - 6.0 * MM,
                    NOTE,
                    missing.as_deref().unwrap_or_default(),
                );
                let below = top + height - self.layout.y();
                if below > 0.0 {
                    self.layout.down(below);
                }
            }
        }
        self.layout.space(3.0 * MM);
        for (label, value, style) in rows {
            self.field(INDENT, label, &value, style);
        }
    }
}
