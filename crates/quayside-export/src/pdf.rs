//! The case file as a PDF: every section, photo, review line and timeline entry of a case, and
//! on the last page a manifest of every signed event and photo original with its SHA-256, so the
//! paper can be checked against the data it was made from.

use krilla::image::Image;
use krilla::metadata::{DateTime, Metadata};
use quayside_domain::case::{CaseFile, Item};
use quayside_domain::event::Payload;
use quayside_domain::fields::{Field, FieldKind, Section};
use quayside_domain::flags::Flag;
use quayside_domain::labels::{english, english_or_key};
use quayside_domain::photo::{is_sha256, Photo};
use quayside_domain::reference::label_of;
use quayside_domain::timeline::{Change, TimelineEntry};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::fonts::{Face, Fonts};
use crate::layout::{
    render, Color, Column, Layout, Op, Style, ACCENT, ALERT, HAIRLINE, INK, LEFT, MM, MUTED,
    PAGE_HEIGHT, RIGHT, SHADE, WIDTH,
};
use crate::ExportError;

/// Everything the case-file PDF shows. The caller reads it from the store and the vault; this
/// crate only lays it out.
#[derive(Debug, Clone)]
pub struct CaseDocument<'a> {
    pub case: &'a CaseFile,
    pub flags: &'a [Flag],
    pub timeline: &'a [TimelineEntry],
    /// One per `case.photos` entry, in the same order.
    pub photos: Vec<PhotoPage>,
    /// Every signed event of the case, in timeline order.
    pub events: Vec<EventDigest>,
    /// Label/value lines describing the review state (may be empty).
    pub review: Vec<(String, String)>,
    /// Custody lines; when empty the PDF says "No custody events recorded."
    pub custody: Vec<String>,
    /// RFC 3339; this crate has no clock.
    pub generated_at: String,
    pub generated_by: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PhotoPage {
    pub sha256: String,
    pub file_name: String,
    pub caption: Option<String>,
    pub excluded: Option<String>,
    pub size: u64,
    pub media_type: String,
    pub attached_at: String,
    pub attached_by: String,
    /// A JPEG rendition (thumbnail) to embed, when one exists. Embedded as it is (no re-encoding).
    pub jpeg: Option<Vec<u8>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EventDigest {
    pub event_id: Uuid,
    pub device_id: Uuid,
    pub device_seq: u64,
    /// Lowercase hex SHA-256 of the signed event body (the exact bytes the signature covers).
    pub sha256: String,
}

/// The manifest of a case file, as text. Its SHA-256 ([`manifest_sha256`]) is printed on the
/// PDF's last page, so anyone holding the data can recompute it and compare.
///
/// The text is a sequence of lines, each ending in a line feed (U+000A), the last one included:
///
/// 1. `case <case id> <case number>`
/// 2. one line per signed event of the case, in timeline order (the order of
///    [`CaseDocument::events`]): `event <event id> <device id>:<device seq> <sha256>`
/// 3. one line per photo of the case, in the order the photos were attached (the order of
///    [`CaseDocument::photos`]), excluded photos included: `photo <sha256> <file name>`
///
/// Fields are separated by one space (U+0020). Ids are UUIDs in lowercase hyphenated form
/// (`0190f5b2-...`), the device sequence a decimal number without leading zeros, and every
/// `<sha256>` 64 lowercase hex digits: of the event's signed body bytes for an event, of the
/// original file's bytes for a photo. Control characters (Unicode category Cc) in the case
/// number and file names are replaced by U+FFFD, so each entry stays on its own line.
///
/// Example, with one event and one photo:
///
/// ```text
/// case 0190f5b2-1c4e-7d7a-9b1e-3f5a2c4d6e8f NLRTM-2026-K7F3QA-0001
/// event 0190f5b2-1c4e-7d7a-9b1e-3f5a2c4d6e8f 0190f5b1-0000-7000-8000-000000000001:1 3a7bd3e2...
/// photo 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 container-door.jpg
/// ```
pub fn manifest(doc: &CaseDocument) -> String {
    let mut text = format!("case {} {}\n", doc.case.id, one_line(&doc.case.case_number));
    for e in &doc.events {
        text.push_str(&format!(
            "event {} {}:{} {}\n",
            e.event_id, e.device_id, e.device_seq, e.sha256
        ));
    }
    for p in &doc.photos {
        text.push_str(&format!("photo {} {}\n", p.sha256, one_line(&p.file_name)));
    }
    text
}

/// Lowercase hex SHA-256 of the UTF-8 bytes of [`manifest`]`(doc)`: what the PDF prints as
/// "Manifest SHA-256". To check a printed case file: rebuild the manifest text from the data as
/// [`manifest`] describes, hash it (`sha256sum`), and compare.
pub fn manifest_sha256(doc: &CaseDocument) -> String {
    hex::encode(Sha256::digest(manifest(doc).as_bytes()))
}

fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect()
}

const TITLE: Style = Style::new(Face::Bold, 19.0, ACCENT);
const SUBTITLE: Style = Style::new(Face::Bold, 13.0, INK);
const HEADING: Style = Style::new(Face::Bold, 12.0, ACCENT);
const SUBHEADING: Style = Style::new(Face::Bold, 9.5, INK);
const LABEL: Style = Style::new(Face::Regular, 8.5, MUTED);
const VALUE: Style = Style::new(Face::Regular, 9.5, INK);
const NOTE: Style = Style::new(Face::Regular, 9.0, MUTED);
/// 64 hex digits at this size take 308 pt: one line in the value column (329 pt).
const HASH: Style = Style::new(Face::Mono, 8.0, INK);
const SMALL_MONO: Style = Style::new(Face::Mono, 7.5, MUTED);
const SMALL: Style = Style::new(Face::Regular, 7.5, MUTED);
const RUNNING: Style = Style::new(Face::Bold, 8.5, ACCENT);

/// The label column of label/value rows, and the value column to its right.
const LABEL_WIDTH: f32 = 50.0 * MM;
const VALUE_X: f32 = LEFT + LABEL_WIDTH + 4.0 * MM;
const VALUE_WIDTH: f32 = RIGHT - VALUE_X;
/// Items of a list section and photo details are indented under their heading.
const INDENT: f32 = 4.0 * MM;
/// Thumbnails are scaled to fit this box, keeping their proportions.
const THUMB_WIDTH: f32 = 80.0 * MM;
const THUMB_HEIGHT: f32 = 65.0 * MM;
/// The timeline's time column (date above time), and the entry beside it.
const TIME_WIDTH: f32 = 27.0 * MM;
const ENTRY_X: f32 = LEFT + TIME_WIDTH + 3.0 * MM;
const ENTRY_WIDTH: f32 = RIGHT - ENTRY_X;

/// Render the case file. Fails only on inputs that do not belong together (photo pages that do
/// not match the case's photos, an event hash that is not a SHA-256) or if the PDF writer fails.
pub fn case_file_pdf(doc: &CaseDocument) -> Result<Vec<u8>, ExportError> {
    check(doc)?;
    let fonts = Fonts::load()?;
    let mut w = Writer {
        layout: Layout::new(&fonts),
        headings: 0,
    };
    w.title_block(doc);
    w.flags(doc.flags);
    w.conflicts(doc.case);
    for section in Section::ALL {
        w.section(doc.case, section);
    }
    w.photos(doc);
    w.review(&doc.review);
    w.custody(&doc.custody);
    w.timeline(doc.timeline);
    w.manifest(doc);
    let (pages, bookmarks) = w.layout.finish();

    let case_number = one_line(&doc.case.case_number);
    let footer = format!(
        "Generated {} by {}",
        time(&doc.generated_at),
        doc.generated_by
    );
    let decorate = |page: usize, total: usize| running(&fonts, &case_number, &footer, page, total);
    render(&fonts, pages, bookmarks, metadata(doc), decorate)
}

fn check(doc: &CaseDocument) -> Result<(), ExportError> {
    let photos = &doc.case.photos;
    if photos.len() != doc.photos.len() {
        return Err(ExportError::PhotoCount {
            photos: photos.len(),
            pages: doc.photos.len(),
        });
    }
    for (i, (photo, page)) in photos.iter().zip(&doc.photos).enumerate() {
        if photo.sha256 != page.sha256 {
            return Err(ExportError::PhotoMismatch {
                position: i + 1,
                expected: photo.sha256.clone(),
                given: page.sha256.clone(),
            });
        }
    }
    if let Some(e) = doc.events.iter().find(|e| !is_sha256(&e.sha256)) {
        return Err(ExportError::EventHash {
            event_id: e.event_id,
            value: e.sha256.clone(),
        });
    }
    Ok(())
}

/// The running header (title and case number) and footer (generation, page N of M).
fn running(fonts: &Fonts, case_number: &str, footer: &str, page: usize, total: usize) -> Vec<Op> {
    let header_baseline = 13.0 * MM;
    let header_rule = 15.5 * MM;
    let footer_rule = PAGE_HEIGHT - 16.0 * MM;
    let footer_baseline = PAGE_HEIGHT - 12.0 * MM;
    let number_width = fonts.width(RUNNING.face, RUNNING.size, case_number);
    let page_text = format!("Page {page} of {total}");
    let page_width = fonts.width(SMALL.face, SMALL.size, &page_text);
    let footer = fit(fonts, footer, SMALL, WIDTH - page_width - 10.0 * MM);
    let text = |x: f32, baseline: f32, style: Style, text: String| Op::Text {
        x,
        baseline,
        style,
        text,
    };
    let line = |y: f32, width: f32, color: Color| Op::Line {
        x1: LEFT,
        y1: y,
        x2: RIGHT,
        y2: y,
        width,
        color,
    };
    vec![
        text(
            LEFT,
            header_baseline,
            RUNNING,
            "Quayside case file".to_string(),
        ),
        text(
            RIGHT - number_width,
            header_baseline,
            RUNNING.with_color(INK),
            case_number.to_string(),
        ),
        line(header_rule, 0.7, ACCENT),
        line(footer_rule, 0.4, HAIRLINE),
        text(LEFT, footer_baseline, SMALL, footer),
        text(RIGHT - page_width, footer_baseline, SMALL, page_text),
    ]
}

/// `text` cut to `width` with an ellipsis if it is wider.
fn fit(fonts: &Fonts, text: &str, style: Style, width: f32) -> String {
    let text = one_line(text);
    if fonts.width(style.face, style.size, &text) <= width {
        return text;
    }
    let mut out = String::new();
    let mut used = fonts.width(style.face, style.size, "…");
    for c in text.chars() {
        used += fonts.char_width(style.face, style.size, c);
        if used > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

fn metadata(doc: &CaseDocument) -> Metadata {
    let mut metadata = Metadata::new()
        .title(format!("Case file {}", one_line(&doc.case.case_number)))
        .creator("Quayside".to_string())
        .authors(vec![doc.generated_by.clone()])
        .language("en".to_string());
    if let Some(date) = pdf_date(&doc.generated_at) {
        metadata = metadata.creation_date(date);
    }
    metadata
}

/// "2026-11-28T12:00:05.123Z" or "...+01:00" as a PDF date; None for anything else.
fn pdf_date(rfc3339: &str) -> Option<DateTime> {
    let n = |range: std::ops::Range<usize>| rfc3339.get(range)?.parse::<u16>().ok();
    let (year, month, day) = (n(0..4)?, n(5..7)?, n(8..10)?);
    let (hour, minute, second) = (n(11..13)?, n(14..16)?, n(17..19)?);
    let zone = rfc3339
        .get(19..)?
        .trim_start_matches(|c: char| c == '.' || c.is_ascii_digit());
    let mut date = DateTime::new(year)
        .month(month as u8)
        .day(day as u8)
        .hour(hour as u8)
        .minute(minute as u8)
        .second(second as u8);
    match zone.as_bytes() {
        b"Z" => date = date.utc_offset_hour(0).utc_offset_minute(0),
        [sign @ (b'+' | b'-'), ..] if zone.len() == 6 => {
            let hours: i8 = zone.get(1..3)?.parse().ok()?;
            let minutes: u8 = zone.get(4..6)?.parse().ok()?;
            let hours = if *sign == b'-' { -hours } else { hours };
            date = date.utc_offset_hour(hours).utc_offset_minute(minutes);
        }
        _ => return None,
    }
    Some(date)
}

/// An RFC 3339 time as people read it: "2026-11-28 12:00:05 UTC". Anything else as it is.
fn time(rfc3339: &str) -> String {
    let (Some(date), Some(clock), Some(rest)) =
        (rfc3339.get(..10), rfc3339.get(11..19), rfc3339.get(19..))
    else {
        return rfc3339.to_string();
    };
    if rfc3339.as_bytes()[10] != b'T' {
        return rfc3339.to_string();
    }
    let zone = rest.trim_start_matches(|c: char| c == '.' || c.is_ascii_digit());
    match zone {
        "Z" => format!("{date} {clock} UTC"),
        "" => format!("{date} {clock}"),
        z if z.starts_with(['+', '-']) => format!("{date} {clock} {z}"),
        _ => rfc3339.to_string(),
    }
}

fn section_title(section: Section) -> String {
    english_or_key(&section.label_key())
}

fn field_label(field: Field) -> String {
    english_or_key(&field.label_key())
}

/// "Seal 2": what the timeline and the screen call an item.
fn numbered(section: Section, n: usize) -> String {
    let name = section
        .item_key()
        .map_or_else(|| section_title(section), |k| english_or_key(&k));
    format!("{name} {n}")
}

/// A stored value as people read it: a code shows its label from the reference lists (the code
/// itself if the list does not know it); everything else is already canonical text.
pub fn display_value(field: Field, value: &str) -> String {
    match field.kind() {
        FieldKind::Code(list) => label_of(list, value).unwrap_or(value).to_string(),
        FieldKind::Codes(list) => value
            .split_whitespace()
            .map(|code| label_of(list, code).unwrap_or(code))
            .collect::<Vec<_>>()
            .join(", "),
        _ => value.to_string(),
    }
}

/// "Goods found 2": an item's place among the items of its section, as the timeline names it.
fn item_label(case: &CaseFile, id: Uuid) -> String {
    let Some(item) = case.items.iter().find(|i| i.id == id) else {
        return format!("Item {id}");
    };
    let position = case
        .items
        .iter()
        .filter(|i| i.section == item.section)
        .position(|i| i.id == id)
        .unwrap_or(0);
    numbered(item.section, position + 1)
}

fn change_line(change: &Change) -> String {
    let label = change.english_label();
    match (&change.from, &change.to) {
        (Some(from), Some(to)) => format!("{label}: {from} → {to}"),
        (None, Some(to)) => format!("{label}: {to}"),
        (Some(from), None) => format!("{label}: {from} → (cleared)"),
        (None, None) => label,
    }
}

/// The catalogue's label of an event kind; a kind it does not know (from a newer version) as words.
fn kind_label(kind: &str) -> String {
    if let Some(known) = english(&Payload::kind_key(kind)) {
        return known.to_string();
    }
    let spaced = kind.replace('_', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "Event".to_string(),
    }
}

/// An author's role by its label ("Inspector"); a role this version does not know as stored.
fn role_label(role: &str) -> String {
    english(&format!("role.{role}")).map_or_else(|| role.to_string(), str::to_string)
}

fn byte_size(bytes: u64) -> String {
    let digits = bytes.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let unit = if bytes == 1 { "byte" } else { "bytes" };
    if bytes < 1000 {
        return format!("{grouped} {unit}");
    }
    let (value, suffix) = if bytes < 1_000_000 {
        (bytes as f64 / 1e3, "kB")
    } else if bytes < 1_000_000_000 {
        (bytes as f64 / 1e6, "MB")
    } else {
        (bytes as f64 / 1e9, "GB")
    };
    format!("{grouped} {unit} ({value:.1} {suffix})")
}

struct Writer<'f> {
    layout: Layout<'f>,
    headings: usize,
}

impl Writer<'_> {
    /// A numbered section heading with a rule, kept with the lines that follow it.
    fn heading(&mut self, title: &str) {
        self.headings += 1;
        self.layout.space(7.0 * MM);
        self.layout
            .keep(HEADING.line_height() + 4.0 + 3.0 * VALUE.line_height());
        let text = format!("{}. {title}", self.headings);
        self.layout.bookmark(&text);
        self.layout.paragraph(LEFT, WIDTH, HEADING, &text);
        self.layout.space(1.0);
        self.layout.rule(LEFT, RIGHT, 0.6, HAIRLINE);
        self.layout.space(3.5);
    }

    fn subheading(&mut self, indent: f32, text: &str, style: Style) {
        self.layout.space(2.5);
        self.layout
            .keep(style.line_height() + 2.0 * VALUE.line_height());
        self.layout
            .paragraph(LEFT + indent, WIDTH - indent, style, text);
        self.layout.space(1.5);
    }

    fn field(&mut self, indent: f32, label: &str, value: &str, style: Style) {
        self.layout
            .row(&self::field_columns(indent, label, value, style));
        self.layout.space(1.8);
    }

    fn field_height(&self, indent: f32, label: &str, value: &str, style: Style) -> f32 {
        self.layout
            .row_height(&field_columns(indent, label, value, style))
            + 1.8
    }

    fn note(&mut self, indent: f32, text: &str) {
        self.layout
            .paragraph(LEFT + indent, WIDTH - indent, NOTE, text);
        self.layout.space(1.5);
    }

    fn bullet(&mut self, text: &str, style: Style) {
        self.layout.row(&[
            Column {
                x: LEFT + 1.0 * MM,
                width: 4.0 * MM,
                style,
                text: "•",
            },
            Column {
                x: LEFT + 5.0 * MM,
                width: WIDTH - 5.0 * MM,
                style,
                text,
            },
        ]);
        self.layout.space(1.5);
    }

    fn title_block(&mut self, doc: &CaseDocument) {
        let case = doc.case;
        self.layout.bookmark("Summary");
        self.layout
            .paragraph(LEFT, WIDTH, TITLE, "Seizure case file");
        self.layout.space(1.0);
        self.layout
            .paragraph(LEFT, WIDTH, SUBTITLE, &one_line(&case.case_number));
        self.layout.space(3.0);
        self.layout.rule(LEFT, RIGHT, 1.0, ACCENT);
        self.layout.space(4.0);
        let status = match &case.status_reason {
            Some(reason) => format!("{} ({reason})", capitalised(case.status.as_str())),
            None => capitalised(case.status.as_str()),
        };
        let excluded = case.photos.iter().filter(|p| p.excluded.is_some()).count();
        let photos = match excluded {
            0 => case.photos.len().to_string(),
            n => format!("{} ({n} excluded)", case.photos.len()),
        };
        let rows = [
            ("Case number", one_line(&case.case_number)),
            (
                "Port of inspection",
                case.value(Field::Port)
                    .unwrap_or("not recorded")
                    .to_string(),
            ),
            ("Opened at", time(&case.opened_at)),
            ("Opened by", case.opened_by.clone()),
            ("Status", status),
            ("Last change", time(&case.updated_at)),
            ("Signed events", doc.events.len().to_string()),
            ("Photos", photos),
            ("Case id", case.id.to_string()),
            ("Generated at", time(&doc.generated_at)),
            ("Generated by", doc.generated_by.clone()),
        ];
        for (label, value) in rows {
            self.field(0.0, label, &value, VALUE);
        }
        self.layout.space(3.0);
        self.note(
            0.0,
            "This file was generated from the case's signed event log. The manifest on the last \
             page lists every signed event and every photo original with its SHA-256, and the \
             SHA-256 of the manifest itself, so this paper can be checked against the data.",
        );
    }

    fn flags(&mut self, flags: &[Flag]) {
        self.heading("Discrepancy flags");
        if flags.is_empty() {
            self.note(0.0, "No discrepancy flags raised.");
        }
        for flag in flags {
            let label = english_or_key(&flag.code.label_key());
            self.bullet(
                &format!("{label}: {}", flag.message),
                VALUE.with_color(ALERT),
            );
        }
    }

    fn conflicts(&mut self, case: &CaseFile) {
        self.heading("Unsettled conflicts");
        if case.conflicts.is_empty() {
            self.note(
                0.0,
                "No unsettled conflicts: every field has a single value.",
            );
            return;
        }
        self.note(
            0.0,
            "These fields were edited on different devices without either edit seeing the other. \
             Every value is kept; the case shows the last one until someone settles the field.",
        );
        for conflict in &case.conflicts {
            let title = match conflict.item {
                Some(item) => format!(
                    "{} · {}",
                    item_label(case, item),
                    field_label(conflict.field)
                ),
                None => field_label(conflict.field),
            };
            self.subheading(0.0, &title, SUBHEADING);
            let last = conflict.values.len().saturating_sub(1);
            for (i, rival) in conflict.values.iter().enumerate() {
                let label = if i == last {
                    format!("Value {} (shown)", i + 1)
                } else {
                    format!("Value {}", i + 1)
                };
                let value = match &rival.value {
                    Some(v) => display_value(conflict.field, v),
                    None => "(cleared)".to_string(),
                };
                let text = format!("{value}\nby {} at {}", rival.author, time(&rival.at));
                self.field(INDENT, &label, &text, VALUE);
            }
        }
    }

    fn section(&mut self, case: &CaseFile, section: Section) {
        self.heading(&section_title(section));
        if !section.is_list() {
            let fields: Vec<Field> = Field::ALL
                .iter()
                .copied()
                .filter(|f| f.section() == section && case.value(*f).is_some())
                .collect();
            if fields.is_empty() {
                self.note(0.0, "Nothing recorded.");
            }
            for field in fields {
                let value = case.value(field).unwrap_or_default();
                self.field(
                    0.0,
                    &field_label(field),
                    &display_value(field, value),
                    VALUE,
                );
                if case.conflict(None, field).is_some() {
                    self.field(0.0, "", "In conflict: see Unsettled conflicts", NOTE);
                }
            }
            return;
        }
        let items: Vec<&Item> = case.items.iter().filter(|i| i.section == section).collect();
        if items.is_empty() {
            self.note(0.0, "Nothing recorded.");
        }
        for (n, item) in items.into_iter().enumerate() {
            let title = numbered(section, n + 1);
            match &item.withdrawn {
                Some(reason) => self.subheading(
                    0.0,
                    &format!("{title} (withdrawn: {reason})"),
                    SUBHEADING.with_color(ALERT),
                ),
                None => self.subheading(0.0, &title, SUBHEADING),
            }
            let fields: Vec<(Field, &str)> = Field::ALL
                .iter()
                .copied()
                .filter(|f| f.section() == section)
                .filter_map(|f| item.value(f).map(|v| (f, v)))
                .collect();
            if fields.is_empty() {
                self.note(INDENT, "No details recorded.");
            }
            for (field, value) in fields {
                self.field(
                    INDENT,
                    &field_label(field),
                    &display_value(field, value),
                    VALUE,
                );
                if case.conflict(Some(item.id), field).is_some() {
                    self.field(INDENT, "", "In conflict: see Unsettled conflicts", NOTE);
                }
            }
        }
    }

    fn photos(&mut self, doc: &CaseDocument) {
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

    fn review(&mut self, review: &[(String, String)]) {
        self.heading("Review");
        if review.is_empty() {
            self.note(0.0, "No review recorded.");
        }
        for (label, value) in review {
            self.field(0.0, label, value, VALUE);
        }
    }

    fn custody(&mut self, custody: &[String]) {
        self.heading("Chain of custody");
        if custody.is_empty() {
            self.note(0.0, "No custody events recorded.");
        }
        for line in custody {
            self.bullet(line, VALUE);
        }
    }

    fn timeline(&mut self, timeline: &[TimelineEntry]) {
        self.heading("Timeline");
        if timeline.is_empty() {
            self.note(0.0, "No events.");
            return;
        }
        self.note(
            0.0,
            &format!(
                "{} events, in the order the case file folds them. Times are each device's own \
                 clock.",
                timeline.len()
            ),
        );
        self.layout.space(2.0);
        for (n, entry) in timeline.iter().enumerate() {
            let when = time(&entry.wall_time);
            let who = format!(
                "{}. {} · {} ({})",
                n + 1,
                kind_label(&entry.kind),
                entry.author,
                role_label(&entry.role)
            );
            let mut lines: Vec<(String, Style)> = entry
                .changes
                .iter()
                .map(|c| (change_line(c), VALUE))
                .collect();
            if let Some(reason) = &entry.refused {
                lines.push((format!("Refused: {reason}"), VALUE.with_color(ALERT)));
            }
            let head = [
                Column {
                    x: LEFT,
                    width: TIME_WIDTH,
                    style: LABEL,
                    text: &when,
                },
                Column {
                    x: ENTRY_X,
                    width: ENTRY_WIDTH,
                    style: SUBHEADING,
                    text: &who,
                },
            ];
            // The entry's heading, and its first change, stay on one page.
            let first = lines.first().map_or(0.0, |(text, style)| {
                self.layout.row_height(&[entry_column(text, *style)])
            });
            self.layout.keep(self.layout.row_height(&head) + first);
            let (page, top) = (self.layout.page_index(), self.layout.y());
            self.layout.row(&[entry_column(&who, SUBHEADING)]);
            for (text, style) in &lines {
                self.layout.row(&[entry_column(text, *style)]);
            }
            // The time sits beside the entry's first lines, on the page where the entry starts.
            let mut baseline = top + SUBHEADING.line_height() - 0.3 * SUBHEADING.size;
            for line in self.layout.wrap(&when, LABEL, TIME_WIDTH) {
                let text = Op::Text {
                    x: LEFT,
                    baseline,
                    style: LABEL,
                    text: line,
                };
                self.layout.push_on(page, text);
                baseline += LABEL.line_height();
            }
            if self.layout.page_index() == page {
                let below_time = top + self.layout.row_height(&head) - self.layout.y();
                if below_time > 0.0 {
                    self.layout.space(below_time);
                }
            }
            self.layout.space(2.0);
            self.layout.rule(ENTRY_X, RIGHT, 0.3, HAIRLINE);
            self.layout.space(3.0);
        }
    }

    /// Entry `n` of the manifest: its number beside the first line, the second line under it,
    /// kept on one page.
    fn manifest_entry(&mut self, n: usize, first: (&str, Style), second: (&str, Style)) {
        fn line<'t>(number: &'t str, (text, style): (&'t str, Style)) -> [Column<'t>; 2] {
            let number_width = 11.0 * MM;
            [
                Column {
                    x: LEFT,
                    width: number_width,
                    style: LABEL,
                    text: number,
                },
                Column {
                    x: LEFT + number_width,
                    width: WIDTH - number_width,
                    style,
                    text,
                },
            ]
        }
        let number = format!("{}.", n + 1);
        let rows = [line(&number, first), line("", second)];
        self.layout
            .keep(rows.iter().map(|r| self.layout.row_height(r)).sum());
        for row in &rows {
            self.layout.row(row);
        }
        self.layout.space(2.5);
    }

    fn manifest(&mut self, doc: &CaseDocument) {
        if !self.layout.at_page_top() {
            self.layout.new_page();
        }
        self.heading("Manifest");
        self.note(
            0.0,
            "Every signed event of the case (in timeline order) and every photo original, each \
             with the SHA-256 of its exact bytes. The manifest text is: a line \"case <case id> \
             <case number>\", then one line \"event <event id> <device id>:<device seq> \
             <sha256>\" per event, then one line \"photo <sha256> <file name>\" per photo, each \
             line ending in a line feed. Its SHA-256 is printed at the end.",
        );
        self.subheading(
            0.0,
            &format!("Signed events ({})", doc.events.len()),
            SUBHEADING,
        );
        for (n, event) in doc.events.iter().enumerate() {
            let id = format!(
                "event {}  device {}:{}",
                event.event_id, event.device_id, event.device_seq
            );
            self.manifest_entry(n, (&id, SMALL_MONO), (&event.sha256, HASH));
        }
        if doc.events.is_empty() {
            self.note(0.0, "No signed events were given.");
        }
        self.subheading(
            0.0,
            &format!("Photo originals ({})", doc.photos.len()),
            SUBHEADING,
        );
        if doc.photos.is_empty() {
            self.note(0.0, "No photographs attached.");
        }
        for (n, photo) in doc.photos.iter().enumerate() {
            self.manifest_entry(n, (&photo.sha256, HASH), (&photo.file_name, VALUE));
        }

        // The manifest's own hash, boxed, at the very end.
        let hash = manifest_sha256(doc);
        let label = "Manifest SHA-256:";
        let strong = Style::new(Face::Bold, 9.5, INK);
        let mono = Style::new(Face::Mono, 8.5, INK);
        let label_width = self.layout.text_width(label, strong) + 3.0 * MM;
        let pad = 3.0 * MM;
        let columns = [
            Column {
                x: LEFT + pad,
                width: label_width,
                style: strong,
                text: label,
            },
            Column {
                x: LEFT + pad + label_width,
                width: WIDTH - 2.0 * pad - label_width,
                style: mono,
                text: &hash,
            },
        ];
        let height = self.layout.row_height(&columns) + 2.0 * pad;
        self.layout.space(5.0 * MM);
        self.layout.keep(height);
        self.layout
            .rect(LEFT, 0.0, WIDTH, height, Some(SHADE), Some(ACCENT));
        self.layout.down(pad);
        self.layout.row(&columns);
        self.layout.down(pad);
    }
}

fn field_columns<'t>(indent: f32, label: &'t str, value: &'t str, style: Style) -> [Column<'t>; 2] {
    [
        Column {
            x: LEFT + indent,
            width: LABEL_WIDTH - indent,
            style: LABEL,
            text: label,
        },
        Column {
            x: VALUE_X,
            width: VALUE_WIDTH,
            style,
            text: value,
        },
    ]
}

fn entry_column(text: &str, style: Style) -> Column<'_> {
    Column {
        x: ENTRY_X,
        width: ENTRY_WIDTH,
        style,
        text,
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_dates_and_clock_times() {
        assert_eq!(time("2026-11-28T12:00:05.123Z"), "2026-11-28 12:00:05 UTC");
        assert_eq!(
            time("2026-11-28T12:00:05+01:00"),
            "2026-11-28 12:00:05 +01:00"
        );
        assert_eq!(time("yesterday"), "yesterday");
        assert_eq!(time("2026-11-28 12:00:05"), "2026-11-28 12:00:05");
        assert!(pdf_date("2026-11-28T12:00:05Z").is_some());
        assert!(pdf_date("2026-11-28T12:00:05-05:30").is_some());
        assert!(pdf_date("soon").is_none());
    }

    #[test]
    fn sizes_show_bytes_and_a_readable_unit() {
        assert_eq!(byte_size(1), "1 byte");
        assert_eq!(byte_size(999), "999 bytes");
        assert_eq!(byte_size(2_345_678), "2,345,678 bytes (2.3 MB)");
    }

    #[test]
    fn codes_show_their_labels_and_unknown_codes_themselves() {
        assert_eq!(display_value(Field::OutcomeCode, "O4"), "Seized");
        assert_eq!(display_value(Field::OutcomeCode, "O99"), "O99");
        assert_eq!(
            display_value(Field::DetectionMethods, "D1 D8"),
            format!(
                "{}, Radiation portal",
                label_of(quayside_domain::reference::DETECTION, "D1").unwrap()
            )
        );
        assert_eq!(display_value(Field::VesselName, "MSC ANNA"), "MSC ANNA");
    }

    #[test]
    fn event_kinds_read_as_words() {
        assert_eq!(kind_label("field_set"), "Field edited");
        assert_eq!(kind_label("custody_transferred"), "Custody transferred");
        assert_eq!(kind_label("photo_rotated"), "Photo rotated");
        assert_eq!(role_label("inspector"), "Inspector");
    }
}
