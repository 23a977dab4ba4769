//! The page frame: the running header (title, case number) and footer (generation, page N of M) on
//! every page, and the document's metadata.

use krilla::metadata::{DateTime, Metadata};
use quayside_i18n::{Catalogue, Message};
use unicode_segmentation::UnicodeSegmentation;

use super::document::CaseDocument;
use super::style::{RUNNING, SMALL};
use super::words::{one_line, say};
use crate::fonts::Fonts;
use crate::layout::{Color, Op, Style, ACCENT, HAIRLINE, INK, LEFT, MM, PAGE_HEIGHT, RIGHT, WIDTH};

/// The running header (title and case number) and footer (generation, page N of M).
pub(super) fn running(
    fonts: &Fonts,
    words: &Catalogue,
    case_number: &str,
    footer: &str,
    page: usize,
    total: usize,
) -> Vec<Op> {
    let header_baseline = 13.0 * MM;
    let header_rule = 15.5 * MM;
    let footer_rule = PAGE_HEIGHT - 16.0 * MM;
    let footer_baseline = PAGE_HEIGHT - 12.0 * MM;
    let number_width = fonts.width(RUNNING.face, RUNNING.size, case_number);
    let page_text = say(
        words,
        Message::new("pdf.page")
            .number("page", page as f64)
            .number("total", total as f64),
    );
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
            words.text_or_key("pdf.running_title"),
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

/// `text` cut to `width` with an ellipsis if it is wider (never between a letter and its marks).
pub(super) fn fit(fonts: &Fonts, text: &str, style: Style, width: f32) -> String {
    let text = one_line(text);
    let measure = |line: &str| fonts.width(style.face, style.size, line);
    if measure(&text) <= width {
        return text;
    }
    let mut out = String::new();
    for cluster in text.graphemes(true) {
        if measure(&format!("{out}{cluster}…")) > width {
            break;
        }
        out.push_str(cluster);
    }
    out.push('…');
    out
}

pub(super) fn metadata(doc: &CaseDocument) -> Metadata {
    let mut metadata = Metadata::new()
        .title(say(
            doc.words,
            Message::new("pdf.metadata_title").text("number", one_line(&doc.case.case_number)),
        ))
        .creator("Quayside".to_string())
        .authors(vec![doc.generated_by.clone()])
        .language(doc.words.locale().tag().to_string());
    if let Some(date) = pdf_date(&doc.generated_at) {
        metadata = metadata.creation_date(date);
    }
    metadata
}

/// "2026-11-28T12:00:05.123Z" or "...+01:00" as a PDF date; None for anything else.
pub(super) fn pdf_date(rfc3339: &str) -> Option<DateTime> {
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

#[cfg(test)]
mod tests {
    use super::super::words::time;
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
}
