//! The photographs: each photo's thumbnail (or a note why there is none) with its annotations
//! drawn over it, and its details.

use krilla::image::Image;
use quayside_domain::photo::Photo;
use quayside_i18n::Message;

use super::document::{CaseDocument, PhotoPage};
use super::style::{HASH, INDENT, NOTE, SUBHEADING, THUMB_HEIGHT, THUMB_WIDTH, VALUE};
use super::words::{byte_size, time};
use super::writer::Writer;
use crate::layout::{Column, Layout, Style, ALERT, HAIRLINE, LEFT, MM, SHADE};

impl Writer<'_> {
    pub(super) fn photos(&mut self, doc: &CaseDocument) {
        self.heading(&self.text("pdf.photographs"));
        if doc.photos.is_empty() {
            self.note(0.0, &self.text("pdf.no_photos"));
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
        let (image, missing) =
            match thumbnail {
                Some(Ok(image)) => (Some(image), None),
                Some(Err(e)) => (
                    None,
                    Some(self.say(
                        Message::new("pdf.thumbnail_unreadable").text("reason", e.to_string()),
                    )),
                ),
                None => (
                    None,
                    Some(self.say(
                        Message::new("pdf.no_thumbnail").text("type", page.media_type.clone()),
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

        let mut rows: Vec<(String, String, Style)> = Vec::new();
        let mut row = |key: &str, value: String, style: Style| {
            rows.push((self.text(key), value, style));
        };
        row("pdf.file_name", page.file_name.clone(), VALUE);
        match &page.caption {
            Some(caption) => row("pdf.caption", caption.clone(), VALUE),
            None => row("pdf.caption", self.text("pdf.no_caption"), NOTE),
        }
        if let Some(reason) = &page.excluded {
            row("pdf.excluded", reason.clone(), VALUE.with_color(ALERT));
        }
        row("pdf.media_type", page.media_type.clone(), VALUE);
        row("pdf.size", byte_size(self.words, page.size), VALUE);
        if let Some(at) = &photo.exif.captured_at {
            row("pdf.taken_at", at.clone(), VALUE);
        }
        if let Some(camera) = &photo.exif.camera {
            row("pdf.camera", camera.clone(), VALUE);
        }
        if let (Some(lat), Some(lon)) = (photo.exif.latitude, photo.exif.longitude) {
            row("pdf.position", format!("{lat:.6}, {lon:.6}"), VALUE);
        }
        if !photo.annotations.is_empty() {
            row(
                "pdf.annotations",
                self.annotation_lines(&photo.annotations),
                VALUE,
            );
        }
        row("pdf.attached_at", time(&page.attached_at), VALUE);
        row("pdf.attached_by", page.attached_by.clone(), VALUE);
        // A hash's name, the same in every language.
        rows.push(("SHA-256".to_string(), page.sha256.clone(), HASH));

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
        let title = self.say(
            Message::new("pdf.photo_title")
                .number("number", number as f64)
                .number("total", total as f64)
                .text("file", page.file_name.clone()),
        );
        match &page.excluded {
            Some(_) => {
                let title = self.say(Message::new("pdf.photo_excluded").text("title", title));
                self.subheading(0.0, &title, SUBHEADING.with_color(ALERT))
            }
            None => self.subheading(0.0, &title, SUBHEADING),
        }
        self.layout.space(1.5);
        match image {
            Some(image) => {
                self.layout.keep(height);
                let top = self.layout.y();
                self.layout.image(LEFT + INDENT, width, height, image);
                // Drawn after the image's frame, over it, as the viewer draws them.
                self.draw_annotations((LEFT + INDENT, top, width, height), &photo.annotations);
            }
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
            self.field(INDENT, &label, &value, style);
        }
    }
}
