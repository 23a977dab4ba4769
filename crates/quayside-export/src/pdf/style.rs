//! The text styles and the column geometry every part of the case file shares.

use crate::fonts::Face;
use crate::layout::{Style, ACCENT, INK, LEFT, MM, MUTED, RIGHT};

pub(super) const TITLE: Style = Style::new(Face::Bold, 19.0, ACCENT);
pub(super) const SUBTITLE: Style = Style::new(Face::Bold, 13.0, INK);
pub(super) const HEADING: Style = Style::new(Face::Bold, 12.0, ACCENT);
pub(super) const SUBHEADING: Style = Style::new(Face::Bold, 9.5, INK);
pub(super) const LABEL: Style = Style::new(Face::Regular, 8.5, MUTED);
pub(super) const VALUE: Style = Style::new(Face::Regular, 9.5, INK);
pub(super) const NOTE: Style = Style::new(Face::Regular, 9.0, MUTED);
/// 64 hex digits at this size take 308 pt: one line in the value column (329 pt).
pub(super) const HASH: Style = Style::new(Face::Mono, 8.0, INK);
pub(super) const SMALL_MONO: Style = Style::new(Face::Mono, 7.5, MUTED);
pub(super) const SMALL: Style = Style::new(Face::Regular, 7.5, MUTED);
pub(super) const RUNNING: Style = Style::new(Face::Bold, 8.5, ACCENT);

/// The label column of label/value rows, and the value column to its right.
pub(super) const LABEL_WIDTH: f32 = 50.0 * MM;
pub(super) const VALUE_X: f32 = LEFT + LABEL_WIDTH + 4.0 * MM;
pub(super) const VALUE_WIDTH: f32 = RIGHT - VALUE_X;
/// Items of a list section and photo details are indented under their heading.
pub(super) const INDENT: f32 = 4.0 * MM;
/// Thumbnails are scaled to fit this box, keeping their proportions.
pub(super) const THUMB_WIDTH: f32 = 80.0 * MM;
pub(super) const THUMB_HEIGHT: f32 = 65.0 * MM;
/// The timeline's time column (date above time), and the entry beside it.
pub(super) const TIME_WIDTH: f32 = 27.0 * MM;
pub(super) const ENTRY_X: f32 = LEFT + TIME_WIDTH + 3.0 * MM;
pub(super) const ENTRY_WIDTH: f32 = RIGHT - ENTRY_X;
