//! A photo's annotations drawn as SVG over the original in the bundle (`../photos/<sha256>`), for
//! an examiner to open in any browser. A view made from the signed events by the exporting device,
//! listed in its signed manifest; the events remain the record.

use std::fmt::Write;

use quayside_domain::annotation::{drawing, Annotation, Mark};

/// `width` x `height`: the original's size in pixels as it is shown upright.
pub fn annotations_svg(
    photo_sha256: &str,
    width: u32,
    height: u32,
    annotations: &[Annotation],
) -> Vec<u8> {
    let (w, h) = (width as f32, height as f32);
    let line = w.min(h) * drawing::LINE;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" \
         width=\"{width}\" height=\"{height}\">\n\
         <image href=\"../photos/{photo_sha256}\" x=\"0\" y=\"0\" width=\"{width}\" \
         height=\"{height}\"/>\n"
    );
    for annotation in annotations {
        let id = annotation.id;
        match &annotation.mark {
            Mark::Text { at, text } => {
                let size = w.min(h) * drawing::TEXT;
                let (x, y) = drawing::at(*at, w, h);
                let _ = writeln!(
                    svg,
                    "<text id=\"a-{id}\" x=\"{x:.1}\" y=\"{:.1}\" font-size=\"{size:.1}\" \
                     font-family=\"sans-serif\" font-weight=\"bold\" fill=\"#ffd400\" \
                     stroke=\"#000\" stroke-width=\"{line:.1}\" paint-order=\"stroke\">{}</text>",
                    y + size,
                    escaped(text)
                );
            }
            mark => {
                let _ = writeln!(svg, "<g id=\"a-{id}\" fill=\"none\" stroke-linecap=\"round\" stroke-linejoin=\"round\">");
                for (colour, width) in [("#000", line * 2.2), ("#ffd400", line)] {
                    for points in drawing::strokes(mark, w, h) {
                        let points: Vec<String> = points
                            .iter()
                            .map(|(x, y)| format!("{x:.1},{y:.1}"))
                            .collect();
                        let _ = writeln!(
                            svg,
                            "<polyline points=\"{}\" stroke=\"{colour}\" stroke-width=\"{width:.1}\"/>",
                            points.join(" ")
                        );
                    }
                }
                svg.push_str("</g>\n");
            }
        }
    }
    svg.push_str("</svg>\n");
    svg.into_bytes()
}

/// Text as SVG character data: what a person typed never becomes markup.
fn escaped(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '&' => "&amp;".to_string(),
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '"' => "&quot;".to_string(),
            c => c.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use quayside_domain::annotation::Point;
    use uuid::Uuid;

    use super::*;

    fn annotation(mark: Mark) -> Annotation {
        Annotation {
            id: Uuid::nil(),
            mark,
            set_at: "2026-12-08T10:00:00Z".into(),
            set_by: "Ines".into(),
        }
    }

    #[test]
    fn marks_are_drawn_over_the_original_at_its_size_and_text_stays_text() {
        let svg = annotations_svg(
            &"ab".repeat(32),
            4000,
            3000,
            &[
                annotation(Mark::Box {
                    from: Point { x: 0, y: 0 },
                    to: Point { x: 5000, y: 5000 },
                }),
                annotation(Mark::Text {
                    at: Point { x: 100, y: 100 },
                    text: "<script>alert(1)</script> & 锑".into(),
                }),
            ],
        );
        let svg = String::from_utf8(svg).unwrap();
        assert!(svg.contains("viewBox=\"0 0 4000 3000\""));
        assert!(svg.contains(&format!("href=\"../photos/{}\"", "ab".repeat(32))));
        assert!(svg.contains("points=\"0.0,0.0 2000.0,0.0 2000.0,1500.0 0.0,1500.0 0.0,0.0\""));
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; 锑"));
        assert!(!svg.contains("<script"));
    }
}
