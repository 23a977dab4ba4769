//! Annotations: arrows, boxes, freehand lines and text drawn over a photo, kept as vector data in
//! signed events. The original is never touched. Each annotation has an id; setting it again
//! replaces it (an edit is a new event, like a field) and setting nothing removes it.
//!
//! Points are in the photo as it is shown upright (its EXIF orientation applied), in ten-thousandths
//! of its width and height from the top left: integers, so the signed bytes are the same in every
//! language that writes them, and the same on a thumbnail and on the full original.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

/// The far edge: x = SCALE is the right edge, y = SCALE the bottom.
pub const SCALE: u16 = 10_000;
/// A freehand line is at most this many points (a finger drawing for a few seconds).
pub const MAX_POINTS: usize = 500;
pub const MAX_TEXT_CHARS: usize = 200;
/// Annotations on one photo at a time: enough to point at everything, few enough to read.
pub const MAX_PER_PHOTO: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Point {
    pub x: u16,
    pub y: u16,
}

/// What is drawn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "shape", rename_all = "snake_case")]
pub enum Mark {
    /// From the tail to the head, which points at something.
    Arrow {
        from: Point,
        to: Point,
    },
    /// A rectangle between two opposite corners.
    Box {
        from: Point,
        to: Point,
    },
    Freehand {
        points: Vec<Point>,
    },
    /// Text whose first line starts at `at` (its top left).
    Text {
        at: Point,
        text: String,
    },
}

/// An annotation as the case holds it: the mark, and who last set it when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Annotation {
    pub id: Uuid,
    pub mark: Mark,
    pub set_at: String,
    pub set_by: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MarkError {
    #[error("a point lies off the photo (each coordinate is 0 to {SCALE})")]
    OffPhoto,
    #[error("a freehand line needs 2 to {MAX_POINTS} points")]
    Points,
    #[error("annotation text must be 1 to {MAX_TEXT_CHARS} characters on one line")]
    Text,
    #[error("an arrow or a box needs two different points")]
    Degenerate,
}

impl Point {
    fn on_photo(self) -> bool {
        self.x <= SCALE && self.y <= SCALE
    }
}

/// Every shape's label key, for the catalogue's completeness test.
pub const SHAPE_KEYS: &[&str] = &[
    "annotation.arrow",
    "annotation.box",
    "annotation.freehand",
    "annotation.text",
];

impl Mark {
    /// `annotation.<shape>` in the label catalogue.
    pub fn label_key(&self) -> &'static str {
        match self {
            Mark::Arrow { .. } => "annotation.arrow",
            Mark::Box { .. } => "annotation.box",
            Mark::Freehand { .. } => "annotation.freehand",
            Mark::Text { .. } => "annotation.text",
        }
    }

    pub fn points(&self) -> Vec<Point> {
        match self {
            Mark::Arrow { from, to } | Mark::Box { from, to } => vec![*from, *to],
            Mark::Freehand { points } => points.clone(),
            Mark::Text { at, .. } => vec![*at],
        }
    }

    /// Whether a mark can be drawn: on the photo, with something to draw.
    pub fn check(&self) -> Result<(), MarkError> {
        if !self.points().iter().all(|p| p.on_photo()) {
            return Err(MarkError::OffPhoto);
        }
        match self {
            Mark::Arrow { from, to } | Mark::Box { from, to } if from == to => {
                Err(MarkError::Degenerate)
            }
            Mark::Freehand { points } if !(2..=MAX_POINTS).contains(&points.len()) => {
                Err(MarkError::Points)
            }
            Mark::Text { text, .. }
                if text.trim().is_empty()
                    || text.chars().count() > MAX_TEXT_CHARS
                    || text.chars().any(char::is_control) =>
            {
                Err(MarkError::Text)
            }
            _ => Ok(()),
        }
    }
}

/// How every drawing of the marks looks (viewer, PDF, bundle): the same shares of the photo at
/// every size, so a mark drawn on a thumbnail covers what it covers on the original.
pub mod drawing {
    use super::{Mark, Point, SCALE};

    /// An arrowhead's length, as a share of the photo's shorter side.
    pub const HEAD: f32 = 0.05;
    /// The half-angle of an arrowhead (radians).
    pub const HEAD_ANGLE: f32 = std::f32::consts::PI / 7.0;
    /// A line's width, as a share of the shorter side.
    pub const LINE: f32 = 0.008;
    /// Text's height, as a share of the shorter side.
    pub const TEXT: f32 = 0.045;

    /// A point in a drawing `width` x `height` (any unit, y down).
    pub fn at(p: Point, width: f32, height: f32) -> (f32, f32) {
        (
            f32::from(p.x) / f32::from(SCALE) * width,
            f32::from(p.y) / f32::from(SCALE) * height,
        )
    }

    /// The lines that draw a mark: an arrow's shaft and head, a box closed, a freehand line as
    /// drawn. Text has none (it is set at [`at`] of its point).
    pub fn strokes(mark: &Mark, width: f32, height: f32) -> Vec<Vec<(f32, f32)>> {
        let at = |p: Point| at(p, width, height);
        match mark {
            Mark::Arrow { from, to } => {
                let ((x1, y1), (x2, y2)) = (at(*from), at(*to));
                let angle = (y2 - y1).atan2(x2 - x1);
                let head = width.min(height) * HEAD;
                let wing = |turn: f32| {
                    (
                        x2 - head * (angle + turn).cos(),
                        y2 - head * (angle + turn).sin(),
                    )
                };
                vec![
                    vec![(x1, y1), (x2, y2)],
                    vec![wing(HEAD_ANGLE), (x2, y2), wing(-HEAD_ANGLE)],
                ]
            }
            Mark::Box { from, to } => {
                let ((x1, y1), (x2, y2)) = (at(*from), at(*to));
                vec![vec![(x1, y1), (x2, y1), (x2, y2), (x1, y2), (x1, y1)]]
            }
            Mark::Freehand { points } => vec![points.iter().map(|p| at(*p)).collect()],
            Mark::Text { .. } => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(x: u16, y: u16) -> Point {
        Point { x, y }
    }

    #[test]
    fn marks_on_the_photo_with_something_to_draw_pass() {
        let good = [
            Mark::Arrow {
                from: p(0, 0),
                to: p(SCALE, SCALE),
            },
            Mark::Box {
                from: p(100, 200),
                to: p(300, 400),
            },
            Mark::Freehand {
                points: vec![p(1, 1), p(2, 2)],
            },
            Mark::Text {
                at: p(5000, 5000),
                text: "锑 hidden here · ซ่อน".into(),
            },
        ];
        for mark in good {
            assert_eq!(mark.check(), Ok(()), "{mark:?}");
        }
    }

    #[test]
    fn marks_off_the_photo_or_with_nothing_to_draw_are_refused() {
        let cases = [
            (
                Mark::Arrow {
                    from: p(0, 0),
                    to: p(SCALE + 1, 5),
                },
                MarkError::OffPhoto,
            ),
            (
                Mark::Box {
                    from: p(7, 7),
                    to: p(7, 7),
                },
                MarkError::Degenerate,
            ),
            (
                Mark::Freehand {
                    points: vec![p(1, 1)],
                },
                MarkError::Points,
            ),
            (
                Mark::Freehand {
                    points: vec![p(1, 1); MAX_POINTS + 1],
                },
                MarkError::Points,
            ),
            (
                Mark::Text {
                    at: p(1, 1),
                    text: "  ".into(),
                },
                MarkError::Text,
            ),
            (
                Mark::Text {
                    at: p(1, 1),
                    text: "x".repeat(MAX_TEXT_CHARS + 1),
                },
                MarkError::Text,
            ),
            (
                Mark::Text {
                    at: p(1, 1),
                    text: "two\nlines".into(),
                },
                MarkError::Text,
            ),
        ];
        for (mark, error) in cases {
            assert_eq!(mark.check(), Err(error), "{mark:?}");
        }
    }

    #[test]
    fn an_arrow_is_a_shaft_and_a_head_at_its_tip_and_a_box_is_closed() {
        let arrow = Mark::Arrow {
            from: p(0, 5000),
            to: p(SCALE, 5000),
        };
        let lines = drawing::strokes(&arrow, 200.0, 100.0);
        assert_eq!(lines[0], vec![(0.0, 50.0), (200.0, 50.0)]);
        let head = &lines[1];
        assert_eq!(head[1], (200.0, 50.0));
        assert!(head[0].0 < 200.0 && head[0].1 < 50.0 && head[2].1 > 50.0);
        let wing = ((head[0].0 - 200.0).powi(2) + (head[0].1 - 50.0).powi(2)).sqrt();
        assert!((wing - 100.0 * drawing::HEAD).abs() < 1e-3);
        let square = drawing::strokes(
            &Mark::Box {
                from: p(0, 0),
                to: p(5000, SCALE),
            },
            200.0,
            100.0,
        );
        assert_eq!(square[0].first(), square[0].last());
        assert!(square[0].contains(&(100.0, 100.0)));
    }

    #[test]
    fn a_mark_is_signed_as_tagged_integers() {
        let mark = Mark::Arrow {
            from: p(1, 2),
            to: p(3, 4),
        };
        assert_eq!(
            serde_json::to_string(&mark).unwrap(),
            r#"{"shape":"arrow","from":{"x":1,"y":2},"to":{"x":3,"y":4}}"#
        );
    }
}
