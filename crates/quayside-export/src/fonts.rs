//! The fonts the PDF is set in, bundled into the binary so an export never depends on the fonts of
//! the machine it runs on (see fonts/LICENSE).

use krilla::text::Font;

use crate::ExportError;

static SANS: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
static SANS_BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");
static MONO: &[u8] = include_bytes!("../fonts/DejaVuSansMono.ttf");

/// Which of the bundled faces a run of text is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Face {
    Regular,
    Bold,
    /// For hashes and identifiers: every character the same width, so a hash reads as one token.
    Mono,
}

/// One face: krilla's handle (for drawing) and its parsed tables (for measuring).
struct Loaded {
    font: Font,
    metrics: ttf_parser::Face<'static>,
    units_per_em: f32,
}

impl Loaded {
    fn new(name: &'static str, data: &'static [u8]) -> Result<Loaded, ExportError> {
        let font = Font::new(data.into(), 0).ok_or(ExportError::Font(name))?;
        let metrics = ttf_parser::Face::parse(data, 0).map_err(|_| ExportError::Font(name))?;
        let units_per_em = f32::from(metrics.units_per_em());
        Ok(Loaded {
            font,
            metrics,
            units_per_em,
        })
    }
}

pub(crate) struct Fonts {
    regular: Loaded,
    bold: Loaded,
    mono: Loaded,
}

impl Fonts {
    pub(crate) fn load() -> Result<Fonts, ExportError> {
        Ok(Fonts {
            regular: Loaded::new("DejaVuSans.ttf", SANS)?,
            bold: Loaded::new("DejaVuSans-Bold.ttf", SANS_BOLD)?,
            mono: Loaded::new("DejaVuSansMono.ttf", MONO)?,
        })
    }

    fn get(&self, face: Face) -> &Loaded {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
            Face::Mono => &self.mono,
        }
    }

    pub(crate) fn font(&self, face: Face) -> Font {
        self.get(face).font.clone()
    }

    /// Advance width of one character in points. A character the font lacks (Chinese, in DejaVu) is
    /// drawn as the font's .notdef box, so it is measured as that box.
    pub(crate) fn char_width(&self, face: Face, size: f32, c: char) -> f32 {
        let loaded = self.get(face);
        let glyph = loaded
            .metrics
            .glyph_index(c)
            .unwrap_or(ttf_parser::GlyphId(0));
        let advance = loaded.metrics.glyph_hor_advance(glyph).unwrap_or(0);
        f32::from(advance) * size / loaded.units_per_em
    }

    pub(crate) fn has_glyph(&self, face: Face, c: char) -> bool {
        self.get(face).metrics.glyph_index(c).is_some()
    }

    /// Width of a run of text in points: the sum of the advances. Shaping may kern a pair closer,
    /// never meaningfully wider, so a line measured to fit does fit.
    pub(crate) fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        text.chars().map(|c| self.char_width(face, size, c)).sum()
    }
}
