//! A small page layout engine over krilla: a cursor moving down A4 pages, text wrapped by the
//! measured widths of its glyphs (at spaces and between Chinese characters; a word wider than its
//! column is broken between characters), each line drawn as runs in the fonts that have their
//! glyphs, and a page break wherever the next line or block does not fit.
//!
//! Layout only records what to draw on each page; `render` draws it once the number of pages is
//! known, so every page can carry "Page N of M" in its running header and footer.

use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::image::Image;
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Stroke};
use krilla::surface::Surface;
use krilla::Document;

use unicode_segmentation::UnicodeSegmentation;

use crate::fonts::{is_ideographic, Face, Fonts};
use crate::ExportError;

/// Points per millimetre (PDF user space is in points, 1/72 inch).
pub(crate) const MM: f32 = 72.0 / 25.4;
pub(crate) const PAGE_WIDTH: f32 = 210.0 * MM;
pub(crate) const PAGE_HEIGHT: f32 = 297.0 * MM;
/// Left and right edges of the text block.
pub(crate) const LEFT: f32 = 20.0 * MM;
pub(crate) const RIGHT: f32 = PAGE_WIDTH - 20.0 * MM;
pub(crate) const WIDTH: f32 = RIGHT - LEFT;
/// The body runs between the running header and the footer.
const BODY_TOP: f32 = 24.0 * MM;
const BODY_BOTTOM: f32 = PAGE_HEIGHT - 21.0 * MM;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Color(pub u8, pub u8, pub u8);

pub(crate) const INK: Color = Color(0x1a, 0x1a, 0x1a);
pub(crate) const MUTED: Color = Color(0x5c, 0x61, 0x67);
pub(crate) const ACCENT: Color = Color(0x1c, 0x3d, 0x63);
pub(crate) const ALERT: Color = Color(0xa1, 0x1f, 0x1f);
pub(crate) const HAIRLINE: Color = Color(0xb9, 0xbe, 0xc5);
pub(crate) const SHADE: Color = Color(0xee, 0xf1, 0xf4);

#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    pub face: Face,
    pub size: f32,
    pub color: Color,
}

impl Style {
    pub(crate) const fn new(face: Face, size: f32, color: Color) -> Style {
        Style { face, size, color }
    }

    pub(crate) fn line_height(self) -> f32 {
        self.size * 1.34
    }

    pub(crate) fn with_color(self, color: Color) -> Style {
        Style { color, ..self }
    }
}

/// Something to draw, in page coordinates: points from the top-left corner, y growing downwards.
pub(crate) enum Op {
    Text {
        x: f32,
        baseline: f32,
        style: Style,
        text: String,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        color: Color,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Color>,
        stroke: Option<Color>,
    },
    Image {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        image: Image,
    },
    /// Connected line segments, with round ends and joins (an annotation's stroke).
    Polyline {
        points: Vec<(f32, f32)>,
        width: f32,
        color: Color,
    },
}

/// One column of a row: text set at `x` and wrapped to `width`.
pub(crate) struct Column<'t> {
    pub x: f32,
    pub width: f32,
    pub style: Style,
    pub text: &'t str,
}

/// An entry of the PDF's outline (the viewer's bookmarks): a title and where it starts.
pub(crate) struct Bookmark {
    pub title: String,
    pub page: usize,
    pub y: f32,
}

pub(crate) struct Layout<'f> {
    fonts: &'f Fonts<'f>,
    pages: Vec<Vec<Op>>,
    bookmarks: Vec<Bookmark>,
    /// Top of the next line, on the last page.
    y: f32,
    /// Headings laid out but not yet followed by a line of their own content.
    held: Option<Held>,
}

/// Where held headings start: if the page ends before their first line of content, they move
/// to the next page with it, so a heading is never the last thing on a page.
struct Held {
    page: usize,
    ops: usize,
    bookmarks: usize,
    y: f32,
    /// The headings are complete: the next line of text laid out is their content.
    armed: bool,
}

impl Op {
    fn shift(&mut self, dy: f32) {
        match self {
            Op::Text { baseline, .. } => *baseline += dy,
            Op::Line { y1, y2, .. } => {
                *y1 += dy;
                *y2 += dy;
            }
            Op::Rect { y, .. } | Op::Image { y, .. } => *y += dy,
            Op::Polyline { points, .. } => points.iter_mut().for_each(|(_, y)| *y += dy),
        }
    }
}

impl<'f> Layout<'f> {
    pub(crate) fn new(fonts: &'f Fonts<'f>) -> Layout<'f> {
        Layout {
            fonts,
            pages: vec![Vec::new()],
            bookmarks: Vec::new(),
            y: BODY_TOP,
            held: None,
        }
    }

    /// Start holding what follows (a heading) with the first line of content after it; a
    /// subheading under a held heading joins the hold.
    pub(crate) fn hold(&mut self) {
        match &mut self.held {
            Some(held) => held.armed = false,
            None => {
                self.held = Some(Held {
                    page: self.page_index(),
                    ops: self.pages[self.page_index()].len(),
                    bookmarks: self.bookmarks.len(),
                    y: self.y,
                    armed: false,
                })
            }
        }
    }

    /// The held headings are complete: the next line of text is their content.
    pub(crate) fn arm(&mut self) {
        if let Some(held) = &mut self.held {
            held.armed = true;
        }
    }

    /// A page break: held headings on the page that ends go over with the cursor.
    fn break_page(&mut self) {
        let before = self.y.min(BODY_BOTTOM);
        let held = self.held.take();
        self.new_page();
        let Some(held) = held else { return };
        let page = self.page_index();
        if held.page + 1 != page || held.y <= BODY_TOP {
            return;
        }
        let dy = BODY_TOP - held.y;
        let mut moved: Vec<Op> = self.pages[held.page].drain(held.ops..).collect();
        for op in &mut moved {
            op.shift(dy);
        }
        for bookmark in &mut self.bookmarks[held.bookmarks..] {
            bookmark.page = page;
            bookmark.y += dy;
        }
        self.pages[page] = moved;
        self.y = BODY_TOP + (before - held.y);
        self.held = Some(Held {
            page,
            ops: 0,
            y: BODY_TOP,
            ..held
        });
    }

    /// A line of content was laid out: armed headings are no longer held.
    fn laid_out(&mut self) {
        if self.held.as_ref().is_some_and(|h| h.armed) {
            self.held = None;
        }
    }

    pub(crate) fn y(&self) -> f32 {
        self.y
    }

    pub(crate) fn at_page_top(&self) -> bool {
        self.y <= BODY_TOP
    }

    pub(crate) fn new_page(&mut self) {
        self.held = None;
        self.pages.push(Vec::new());
        self.y = BODY_TOP;
    }

    /// The tallest block that fits on an empty page.
    pub(crate) fn page_room() -> f32 {
        BODY_BOTTOM - BODY_TOP
    }

    /// Keep the next `height` points together: start a new page unless they fit below the cursor.
    /// A block taller than a page starts on a new page and breaks where it must.
    pub(crate) fn keep(&mut self, height: f32) {
        if self.y + height > BODY_BOTTOM && !self.at_page_top() {
            self.break_page();
        }
    }

    /// Move the cursor down; space running off the page ends it (and is not carried over).
    pub(crate) fn space(&mut self, height: f32) {
        if self.at_page_top() {
            return;
        }
        self.y += height;
        if self.y >= BODY_BOTTOM {
            self.break_page();
        }
    }

    /// Index of the page the cursor is on.
    pub(crate) fn page_index(&self) -> usize {
        self.pages.len() - 1
    }

    /// Move the cursor down inside a block already kept on this page (padding in a box).
    pub(crate) fn down(&mut self, height: f32) {
        self.y += height;
    }

    pub(crate) fn push(&mut self, op: Op) {
        self.pages.last_mut().expect("a layout has a page").push(op);
    }

    /// Wrap `text` to `width`: at spaces where it can, between characters where a word is wider
    /// than the column. Line feeds start a new line; other control characters are dropped.
    pub(crate) fn wrap(&self, text: &str, style: Style, width: f32) -> Vec<String> {
        wrap(self.fonts, text, style, width)
    }

    pub(crate) fn text_width(&self, text: &str, style: Style) -> f32 {
        self.fonts.width(style.face, style.size, text)
    }

    /// Height of a row of columns set side by side.
    pub(crate) fn row_height(&self, columns: &[Column]) -> f32 {
        let (lines, line_height, _) = self.wrap_row(columns);
        lines.iter().map(Vec::len).max().unwrap_or(0) as f32 * line_height
    }

    fn wrap_row(&self, columns: &[Column]) -> (Vec<Vec<String>>, f32, f32) {
        let lines: Vec<Vec<String>> = columns
            .iter()
            .map(|c| self.wrap(c.text, c.style, c.width))
            .collect();
        let largest = columns.iter().map(|c| c.style.size).fold(0.0, f32::max);
        let line_height = columns
            .iter()
            .map(|c| c.style.line_height())
            .fold(0.0, f32::max);
        (lines, line_height, largest)
    }

    /// Set columns side by side, line by line, so their first lines share a baseline. A page
    /// break may fall between any two lines.
    pub(crate) fn row(&mut self, columns: &[Column]) {
        let (lines, line_height, largest) = self.wrap_row(columns);
        let count = lines.iter().map(Vec::len).max().unwrap_or(0);
        for i in 0..count {
            self.keep(line_height);
            let baseline = self.y + line_height - 0.3 * largest;
            for (column, lines) in columns.iter().zip(&lines) {
                if let Some(line) = lines.get(i).filter(|l| !l.is_empty()) {
                    self.push(Op::Text {
                        x: column.x,
                        baseline,
                        style: column.style,
                        text: line.clone(),
                    });
                }
            }
            self.y += line_height;
            self.laid_out();
        }
    }

    pub(crate) fn paragraph(&mut self, x: f32, width: f32, style: Style, text: &str) {
        self.row(&[Column {
            x,
            width,
            style,
            text,
        }]);
    }

    /// A horizontal line across `x1..x2` at the cursor.
    pub(crate) fn rule(&mut self, x1: f32, x2: f32, width: f32, color: Color) {
        let y = self.y;
        self.push(Op::Line {
            x1,
            y1: y,
            x2,
            y2: y,
            width,
            color,
        });
    }

    /// A filled or outlined box whose top is `dy` below the cursor (the cursor does not move).
    pub(crate) fn rect(
        &mut self,
        x: f32,
        dy: f32,
        w: f32,
        h: f32,
        fill: Option<Color>,
        stroke: Option<Color>,
    ) {
        let y = self.y + dy;
        self.push(Op::Rect {
            x,
            y,
            w,
            h,
            fill,
            stroke,
        });
    }

    /// An image `w` x `h` points with its top-left corner at `x` and the cursor; moves below it.
    pub(crate) fn image(&mut self, x: f32, w: f32, h: f32, image: Image) {
        self.keep(h);
        let y = self.y;
        self.push(Op::Image { x, y, w, h, image });
        self.push(Op::Rect {
            x,
            y,
            w,
            h,
            fill: None,
            stroke: Some(HAIRLINE),
        });
        self.y += h;
        self.laid_out();
    }

    /// Mark the cursor's place as the start of `title` in the outline.
    pub(crate) fn bookmark(&mut self, title: &str) {
        self.bookmarks.push(Bookmark {
            title: title.to_string(),
            page: self.page_index(),
            y: self.y,
        });
    }

    pub(crate) fn finish(self) -> (Vec<Vec<Op>>, Vec<Bookmark>) {
        (self.pages, self.bookmarks)
    }
}

pub(crate) fn wrap(fonts: &Fonts, text: &str, style: Style, width: f32) -> Vec<String> {
    let clean = text.replace("\r\n", "\n").replace('\r', "\n");
    let measure = |line: &str| fonts.width(style.face, style.size, line);
    let mut out = Vec::new();
    for paragraph in clean.split('\n') {
        let paragraph: String = paragraph
            .chars()
            .map(|c| if c == '\t' { ' ' } else { c })
            .filter(|c| !c.is_control())
            .collect();
        let paragraph = legible(fonts, style.face, paragraph);
        let mut line = String::new();
        let mut any = false;
        // Whole lines are measured, since a run's font depends on its neighbours.
        for (spaced, piece) in pieces(&paragraph) {
            any = true;
            if !line.is_empty() {
                let joined = if spaced {
                    format!("{line} {piece}")
                } else {
                    format!("{line}{piece}")
                };
                if measure(&joined) <= width {
                    line = joined;
                    continue;
                }
                out.push(std::mem::take(&mut line));
            }
            if measure(piece) <= width {
                line.push_str(piece);
                continue;
            }
            // A token wider than the column (a long number, a URL): break it between characters,
            // never between a letter and its marks (a Thai vowel or tone mark stays on its consonant).
            for cluster in piece.graphemes(true) {
                if !line.is_empty() && measure(&format!("{line}{cluster}")) > width {
                    out.push(std::mem::take(&mut line));
                }
                line.push_str(cluster);
            }
        }
        if any {
            out.push(line);
        } else {
            out.push(String::new());
        }
    }
    out
}

/// The pieces a line may break between, each with whether a space comes before it: the words
/// between spaces, and inside a word each Chinese or Japanese character (Chinese is written
/// without spaces), except that closing punctuation stays on the line before it and opening
/// punctuation with what follows.
fn pieces(paragraph: &str) -> Vec<(bool, &str)> {
    const NO_LINE_START: &str = "、。，．：；？！）］｝〕〉》」』】〙〗…‥・ー々,.:;?!)]}%";
    const NO_LINE_END: &str = "（［｛〔〈《「『【〘〖([{";
    let mut out = Vec::new();
    for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
        let mut start = 0;
        let mut previous: Option<char> = None;
        for (i, cluster) in word.grapheme_indices(true) {
            let first = cluster.chars().next().expect("a cluster has a character");
            if let Some(before) = previous {
                let breaks = (is_ideographic(before) || is_ideographic(first))
                    && !NO_LINE_START.contains(first)
                    && !NO_LINE_END.contains(before);
                if breaks {
                    out.push((start == 0, &word[start..i]));
                    start = i;
                }
            }
            previous = cluster.chars().last();
        }
        out.push((start == 0, &word[start..]));
    }
    out
}

/// Characters none of the fonts has (emoji, scripts beyond Latin, Greek, Cyrillic, Thai and
/// Chinese) print as an empty box; so that such a name can still be read off the paper, their
/// code points follow.
fn legible(fonts: &Fonts, face: Face, text: String) -> String {
    let missing: Vec<String> = text
        .chars()
        .filter(|c| !c.is_whitespace() && !fonts.covers(face, *c))
        .map(|c| format!("U+{:04X}", c as u32))
        .collect();
    if missing.is_empty() {
        return text;
    }
    format!("{text} (not in the PDF's fonts: {})", missing.join(" "))
}

/// Draw every page, with the running header and footer `decorate` gives for page `n` of `total`.
pub(crate) fn render(
    fonts: &Fonts,
    pages: Vec<Vec<Op>>,
    bookmarks: Vec<Bookmark>,
    metadata: Metadata,
    decorate: impl Fn(usize, usize) -> Vec<Op>,
) -> Result<Vec<u8>, ExportError> {
    let mut document = Document::new();
    let total = pages.len();
    let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).expect("A4 is a valid size");
    for (index, ops) in pages.into_iter().enumerate() {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for op in ops.iter().chain(&decorate(index + 1, total)) {
            draw(&mut surface, fonts, op);
        }
        surface.finish();
        page.finish();
    }
    let mut outline = Outline::new();
    for mark in bookmarks {
        let destination = XyzDestination::new(mark.page, Point::from_xy(LEFT, mark.y));
        outline.push_child(OutlineNode::new(mark.title, destination));
    }
    document.set_outline(outline);
    document.set_metadata(metadata);
    document
        .finish()
        .map_err(|e| ExportError::Pdf(format!("{e:?}")))
}

fn paint(color: Color) -> rgb::Color {
    rgb::Color::new(color.0, color.1, color.2)
}

fn draw(surface: &mut Surface, fonts: &Fonts, op: &Op) {
    match op {
        Op::Text {
            x,
            baseline,
            style,
            text,
        } => {
            let paint = paint(style.color);
            surface.set_fill(Some(Fill {
                paint: paint.into(),
                opacity: NormalizedF32::ONE,
                rule: FillRule::default(),
            }));
            let mut x = *x;
            for run in fonts.runs(style.face, text) {
                // Bold without a bold font: the outline drawn around the filled glyphs.
                let stroke = Fonts::synthetic_bold(style.face, run.slot).then(|| Stroke {
                    paint: paint.into(),
                    width: style.size * 0.035,
                    line_join: LineJoin::Round,
                    ..Stroke::default()
                });
                surface.set_stroke(stroke);
                let (glyphs, advance) = fonts.shape(&run, style.size);
                surface.draw_glyphs(
                    Point::from_xy(x, *baseline),
                    &glyphs,
                    fonts.font(run.slot),
                    run.text,
                    style.size,
                    false,
                );
                x += advance;
            }
        }
        Op::Line {
            x1,
            y1,
            x2,
            y2,
            width,
            color,
        } => {
            let mut path = PathBuilder::new();
            path.move_to(*x1, *y1);
            path.line_to(*x2, *y2);
            if let Some(path) = path.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: paint(*color).into(),
                    width: *width,
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
            }
        }
        Op::Rect {
            x,
            y,
            w,
            h,
            fill,
            stroke,
        } => {
            let mut path = PathBuilder::new();
            if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                path.push_rect(rect);
            }
            if let Some(path) = path.finish() {
                surface.set_fill(fill.map(|c| Fill {
                    paint: paint(c).into(),
                    opacity: NormalizedF32::ONE,
                    rule: FillRule::default(),
                }));
                surface.set_stroke(stroke.map(|c| Stroke {
                    paint: paint(c).into(),
                    width: 0.5,
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
            }
        }
        Op::Polyline {
            points,
            width,
            color,
        } => {
            let mut path = PathBuilder::new();
            for (i, (x, y)) in points.iter().enumerate() {
                if i == 0 {
                    path.move_to(*x, *y);
                } else {
                    path.line_to(*x, *y);
                }
            }
            if let Some(path) = path.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: paint(*color).into(),
                    width: *width,
                    line_cap: LineCap::Round,
                    line_join: LineJoin::Round,
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
            }
        }
        Op::Image { x, y, w, h, image } => {
            if let Some(size) = Size::from_wh(*w, *h) {
                surface.push_transform(&Transform::from_translate(*x, *y));
                surface.draw_image(image.clone(), size);
                surface.pop();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::tests::repo_fonts;

    const BODY: Style = Style::new(Face::Regular, 10.0, INK);

    #[test]
    fn words_wrap_at_spaces_within_the_width() {
        let set = repo_fonts();
        let fonts = Fonts::new(&set);
        let text = "The container held forty drums of tungsten powder declared as ceramic tiles. "
            .repeat(8);
        let lines = wrap(&fonts, &text, BODY, 200.0);
        assert!(lines.len() > 5, "{lines:?}");
        for line in &lines {
            assert!(fonts.width(Face::Regular, 10.0, line) <= 200.0, "{line}");
            assert!(!line.starts_with(' ') && !line.ends_with(' '));
        }
        assert_eq!(lines.join(" "), text.trim_end());
    }

    #[test]
    fn a_token_wider_than_the_column_is_broken_between_characters() {
        let set = repo_fonts();
        let fonts = Fonts::new(&set);
        let token = "X".repeat(300);
        let lines = wrap(&fonts, &format!("before {token} after"), BODY, 150.0);
        assert!(lines.len() >= 4, "{lines:?}");
        for line in &lines {
            assert!(fonts.width(Face::Regular, 10.0, line) <= 150.0, "{line}");
        }
        assert_eq!(lines.concat().matches('X').count(), 300);
        assert_eq!(lines[0], "before");
    }

    #[test]
    fn line_feeds_start_new_lines_and_blank_lines_are_kept() {
        let set = repo_fonts();
        let fonts = Fonts::new(&set);
        let lines = wrap(&fonts, "one\r\n\ntwo\tthree\u{7}", BODY, 400.0);
        assert_eq!(lines, vec!["one", "", "two three"]);
    }

    #[test]
    fn chinese_breaks_between_characters_but_not_before_closing_punctuation() {
        let set = repo_fonts();
        let fonts = Fonts::new(&set);
        let text = "灰色金属粉末，装在四十个密封桶中，藏在瓷砖托盘后面。".repeat(3);
        let lines = wrap(&fonts, &text, BODY, 120.0);
        assert!(lines.len() > 3, "{lines:?}");
        for line in &lines {
            assert!(fonts.width(Face::Regular, 10.0, line) <= 120.0, "{line}");
            assert!(!line.starts_with(['，', '。']), "{line}");
        }
        assert_eq!(lines.concat(), text);
        // Between words of other scripts a line still breaks at spaces only.
        assert_eq!(
            wrap(&fonts, "深圳华鑫贸易有限公司 Shenzhen", BODY, 400.0),
            vec!["深圳华鑫贸易有限公司 Shenzhen"]
        );
    }

    #[test]
    fn thai_marks_stay_on_their_consonant_when_a_word_is_broken() {
        let set = repo_fonts();
        let fonts = Fonts::new(&set);
        let word = "โลจิสติกส์".repeat(12);
        let lines = wrap(&fonts, &word, BODY, 60.0);
        assert!(lines.len() > 2, "{lines:?}");
        assert_eq!(lines.concat(), word);
        for line in &lines {
            let first = line.chars().next().unwrap();
            assert!(!('\u{0E31}'..='\u{0E3A}').contains(&first) && first != '\u{0E4C}');
        }
    }

    #[test]
    fn characters_no_font_has_are_measured_as_a_box_and_named() {
        let set = repo_fonts();
        let fonts = Fonts::new(&set);
        assert!(fonts.width(Face::Regular, 10.0, "\u{13000}") > 0.0);
        assert_eq!(
            wrap(&fonts, "王伟 \u{13000} Ñandú", BODY, 400.0),
            vec!["王伟 \u{13000} Ñandú (not in the PDF's fonts: U+13000)"]
        );
        assert_eq!(
            wrap(&fonts, "王伟 Çağlar Öztürk แหลมฉบัง", BODY, 400.0),
            vec!["王伟 Çağlar Öztürk แหลมฉบัง"]
        );
    }
}
