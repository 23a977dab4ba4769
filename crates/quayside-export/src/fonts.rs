//! The fonts a PDF is set in, and which of them sets each run of text.
//!
//! The caller reads the font files and passes their bytes ([`PdfFonts::load`]): the app ships
//! them beside itself, tests read the repository's `fonts/` (fonts/README.md says where each file
//! comes from and its licence). So this crate does no I/O, and an export never depends on the
//! fonts of the machine it runs on.
//!
//! Text is split into runs by script, and each run is set in the first font of its face's chain
//! that has every glyph of it: DejaVu (Latin, Greek, Cyrillic, ...), then Noto Sans Thai, then
//! Noto Sans CJK SC. The PDF embeds each font subset to the glyphs used.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::fmt::Display;
use std::sync::Arc;

use krilla::text::{Font, GlyphId, KrillaGlyph};
use unicode_script::{Script, UnicodeScript};
use unicode_segmentation::UnicodeSegmentation;

use crate::ExportError;

const SANS: &str = "DejaVuSans.ttf";
const SANS_BOLD: &str = "DejaVuSans-Bold.ttf";
const MONO: &str = "DejaVuSansMono.ttf";
const THAI: &str = "NotoSansThai-Regular.ttf";
const THAI_BOLD: &str = "NotoSansThai-Bold.ttf";
const CJK: &str = "NotoSansCJK-Regular.ttc";
/// The face of the CJK collection with the Simplified Chinese forms of shared characters.
const CJK_FAMILY: &str = "Noto Sans CJK SC";

/// The files [`PdfFonts::load`] reads, by their names in the fonts folder.
pub const FONT_FILES: [&str; 6] = [SANS, SANS_BOLD, MONO, THAI, THAI_BOLD, CJK];

/// Which face a style asks for; each has its chain of fonts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Face {
    Regular,
    Bold,
    /// For hashes and identifiers: every character the same width, so a hash reads as one token.
    Mono,
}

/// One of the loaded fonts, in the order of [`FONT_FILES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    Sans,
    SansBold,
    Mono,
    Thai,
    ThaiBold,
    Cjk,
}

impl Face {
    fn chain(self) -> [Slot; 3] {
        match self {
            Face::Regular => [Slot::Sans, Slot::Thai, Slot::Cjk],
            Face::Bold => [Slot::SansBold, Slot::ThaiBold, Slot::Cjk],
            Face::Mono => [Slot::Mono, Slot::Thai, Slot::Cjk],
        }
    }
}

/// One font file, checked: its bytes, the face in it that is used, and krilla's handle.
struct FontFile {
    data: Arc<Vec<u8>>,
    index: u32,
    font: Font,
}

/// The fonts of the PDF exports, read once by the caller and used for any number of exports.
pub struct PdfFonts {
    files: Vec<FontFile>,
}

impl PdfFonts {
    /// Load every file of [`FONT_FILES`], each read by `read` from its name. Fails naming the
    /// first file that cannot be read or is not the font it should be.
    pub fn load<E: Display>(
        mut read: impl FnMut(&str) -> Result<Vec<u8>, E>,
    ) -> Result<PdfFonts, ExportError> {
        let mut files = Vec::with_capacity(FONT_FILES.len());
        for name in FONT_FILES {
            let broken = |reason: String| ExportError::Font {
                file: name.to_string(),
                reason,
            };
            let data = Arc::new(read(name).map_err(|e| broken(e.to_string()))?);
            let index = if name == CJK {
                face_of_family(&data, CJK_FAMILY)
                    .ok_or_else(|| broken(format!("it holds no \"{CJK_FAMILY}\" face")))?
            } else {
                0
            };
            ttf_parser::Face::parse(&data, index)
                .map_err(|e| broken(format!("it is not a font file ({e})")))?;
            let font = Font::new(data.clone().into(), index)
                .ok_or_else(|| broken("the PDF writer cannot use it".to_string()))?;
            files.push(FontFile { data, index, font });
        }
        Ok(PdfFonts { files })
    }

    /// The characters of `text` that no font of the regular face has: what a PDF would print
    /// as an empty box, followed by their code points.
    pub fn missing_glyphs(&self, text: &str) -> Vec<char> {
        let fonts = Fonts::new(self);
        text.chars()
            .filter(|c| !c.is_control() && !fonts.covers(Face::Regular, *c))
            .collect()
    }
}

/// The index of the face of a collection (or single font) whose family is `family`.
fn face_of_family(data: &[u8], family: &str) -> Option<u32> {
    let count = ttf_parser::fonts_in_collection(data).unwrap_or(1);
    (0..count).find(|&index| {
        ttf_parser::Face::parse(data, index).is_ok_and(|face| {
            face.names().into_iter().any(|name| {
                name.name_id == ttf_parser::name_id::FAMILY
                    && name.to_string().as_deref() == Some(family)
            })
        })
    })
}

/// A piece of a line set in one font.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Run<'t> {
    pub slot: Slot,
    pub text: &'t str,
}

/// One export's view of the fonts: the parsed tables for measuring, borrowed from [`PdfFonts`].
pub(crate) struct Fonts<'a> {
    set: &'a PdfFonts,
    /// Each font's units per em, and the advance of its .notdef box.
    scales: Vec<(f32, u16)>,
    metrics: Vec<ttf_parser::Face<'a>>,
    /// Each font's shaper, made when first used: making one parses the font's layout tables,
    /// which for the CJK font takes longer than shaping a page.
    shapers: Vec<OnceCell<rustybuzz::Face<'a>>>,
    /// Each character's script and advances, looked up once: lines are measured whole, many
    /// times over while they are wrapped, and the cmap and script tables are searches.
    known: RefCell<HashMap<char, CharInfo>>,
}

#[derive(Clone, Copy)]
struct CharInfo {
    script: Script,
    /// In font units, in each font in [`Slot`] order; None where the font lacks the character.
    advances: [Option<u16>; 6],
}

impl<'a> Fonts<'a> {
    pub(crate) fn new(set: &'a PdfFonts) -> Fonts<'a> {
        let metrics: Vec<ttf_parser::Face<'a>> = set
            .files
            .iter()
            .map(|file| {
                ttf_parser::Face::parse(&file.data, file.index)
                    .expect("PdfFonts::load parsed every file")
            })
            .collect();
        let scales = metrics
            .iter()
            .map(|face| {
                let notdef = face.glyph_hor_advance(ttf_parser::GlyphId(0));
                (f32::from(face.units_per_em()), notdef.unwrap_or(0))
            })
            .collect();
        Fonts {
            set,
            scales,
            shapers: set.files.iter().map(|_| OnceCell::new()).collect(),
            metrics,
            known: RefCell::new(HashMap::new()),
        }
    }

    fn info(&self, c: char) -> CharInfo {
        if let Some(info) = self.known.borrow().get(&c) {
            return *info;
        }
        let mut advances = [None; 6];
        for (advance, face) in advances.iter_mut().zip(&self.metrics) {
            *advance = face
                .glyph_index(c)
                .map(|glyph| face.glyph_hor_advance(glyph).unwrap_or(0));
        }
        let info = CharInfo {
            script: c.script(),
            advances,
        };
        self.known.borrow_mut().insert(c, info);
        info
    }

    pub(crate) fn font(&self, slot: Slot) -> Font {
        self.set.files[slot as usize].font.clone()
    }

    /// Whether a bold run in this font must be emboldened by drawing: there is no bold CJK file,
    /// which would add another 20 MB to the install.
    pub(crate) fn synthetic_bold(face: Face, slot: Slot) -> bool {
        face == Face::Bold && slot == Slot::Cjk
    }

    fn has(&self, slot: Slot, c: char) -> bool {
        self.info(c).advances[slot as usize].is_some()
    }

    /// Whether any font of the face's chain has `c`.
    pub(crate) fn covers(&self, face: Face, c: char) -> bool {
        face.chain().iter().any(|slot| self.has(*slot, c))
    }

    /// The runs `text` is set in: split where the script changes (spaces, digits and punctuation
    /// belong to the run they follow), each in the first font of the chain that has all its
    /// characters. When none has them all (Thai with digits: the Thai font has no digits), the
    /// run is set in the font that has most of them, and what it lacks in the first font that
    /// has it. Neighbours in one font are joined.
    pub(crate) fn runs<'t>(&self, face: Face, text: &'t str) -> Vec<Run<'t>> {
        let chain = face.chain();
        let mut runs: Vec<Run<'t>> = Vec::new();
        let mut push = |slot: Slot, piece: &'t str| match runs.last_mut() {
            Some(last) if last.slot == slot => {
                let start = last.text.as_ptr() as usize - text.as_ptr() as usize;
                last.text = &text[start..start + last.text.len() + piece.len()];
            }
            _ => runs.push(Run { slot, text: piece }),
        };
        for piece in self.script_runs(text) {
            let has_all = |slot: Slot, s: &str| s.chars().all(|c| self.has(slot, c));
            if let Some(slot) = chain.iter().find(|slot| has_all(**slot, piece)) {
                push(*slot, piece);
                continue;
            }
            let covered = |slot: &Slot| piece.chars().filter(|c| self.has(*slot, *c)).count();
            let mut most = chain[0];
            for slot in &chain[1..] {
                if covered(slot) > covered(&most) {
                    most = *slot;
                }
            }
            for cluster in piece.graphemes(true) {
                let slot = std::iter::once(most)
                    .chain(chain)
                    .find(|slot| has_all(*slot, cluster))
                    .unwrap_or(most);
                push(slot, cluster);
            }
        }
        runs
    }

    /// Advance width of one character in a font, in points; a character the font lacks is
    /// drawn as its .notdef box, so it is measured as that box.
    fn advance(&self, slot: Slot, size: f32, c: char) -> f32 {
        let (units_per_em, notdef) = self.scales[slot as usize];
        let advance = self.info(c).advances[slot as usize].unwrap_or(notdef);
        f32::from(advance) * size / units_per_em
    }

    /// The glyphs of a run as the shaper places them (as krilla's `draw_text` would, with the
    /// shaper made once), and their advance in points.
    pub(crate) fn shape(&self, run: &Run, size: f32) -> (Vec<KrillaGlyph>, f32) {
        let slot = run.slot as usize;
        let face = self.shapers[slot].get_or_init(|| {
            let file = &self.set.files[slot];
            rustybuzz::Face::from_slice(&file.data, file.index)
                .expect("PdfFonts::load parsed every file")
        });
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(run.text);
        buffer.guess_segment_properties();
        let backwards = matches!(
            buffer.direction(),
            rustybuzz::Direction::RightToLeft | rustybuzz::Direction::BottomToTop
        );
        let output = rustybuzz::shape(face, &[], buffer);
        let units_per_em = self.scales[slot].0;
        let infos = output.glyph_infos();
        let positions = output.glyph_positions();
        let mut glyphs = Vec::with_capacity(infos.len());
        for (i, (info, position)) in infos.iter().zip(positions).enumerate() {
            // The text a glyph stands for runs to the next cluster's start, in reading order.
            let start = info.cluster as usize;
            let next = |j: usize| infos.get(j).map(|g| g.cluster as usize);
            let mut end = None;
            let mut j = i;
            loop {
                j = if backwards {
                    match j.checked_sub(1) {
                        Some(k) => k,
                        None => break,
                    }
                } else {
                    j + 1
                };
                match next(j) {
                    Some(cluster) if cluster == start => continue,
                    found => {
                        end = found;
                        break;
                    }
                }
            }
            glyphs.push(KrillaGlyph::new(
                GlyphId::new(info.glyph_id),
                position.x_advance as f32 / units_per_em,
                position.x_offset as f32 / units_per_em,
                position.y_offset as f32 / units_per_em,
                position.y_advance as f32 / units_per_em,
                start..end.unwrap_or(run.text.len()),
                None,
            ));
        }
        let advance = glyphs.iter().map(|g| g.x_advance).sum::<f32>() * size;
        (glyphs, advance)
    }

    pub(crate) fn run_width(&self, run: &Run, size: f32) -> f32 {
        run.text
            .chars()
            .map(|c| self.advance(run.slot, size, c))
            .sum()
    }

    /// `text` cut where the script changes; characters of no script of their own (spaces, digits,
    /// punctuation, combining marks) stay with the run before them, or the first one at the start.
    fn script_runs<'t>(&self, text: &'t str) -> Vec<&'t str> {
        let mut runs = Vec::new();
        let mut start = 0;
        let mut current: Option<Script> = None;
        for (i, c) in text.char_indices() {
            let script = self.info(c).script;
            if matches!(script, Script::Common | Script::Inherited | Script::Unknown) {
                continue;
            }
            match current {
                Some(s) if s != script => {
                    runs.push(&text[start..i]);
                    start = i;
                    current = Some(script);
                }
                Some(_) => {}
                None => current = Some(script),
            }
        }
        if start < text.len() {
            runs.push(&text[start..]);
        }
        runs
    }

    /// Width of a line in points: the advances of its runs. Shaping may kern a pair closer, never
    /// meaningfully wider, so a line measured to fit does fit.
    pub(crate) fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        self.runs(face, text)
            .iter()
            .map(|run| self.run_width(run, size))
            .sum()
    }
}

/// Characters set in Chinese or Japanese, between any two of which a line may break.
pub(crate) fn is_ideographic(c: char) -> bool {
    matches!(
        c.script(),
        Script::Han | Script::Hiragana | Script::Katakana | Script::Bopomofo
    )
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The repository's fonts, as the app ships them.
    pub(crate) fn repo_fonts() -> PdfFonts {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fonts");
        PdfFonts::load(|name| std::fs::read(dir.join(name))).unwrap_or_else(|e| {
            panic!("{e}; fetch the fonts first: source scripts/deps.sh && install_fonts")
        })
    }

    fn slots<'t>(fonts: &Fonts, face: Face, text: &'t str) -> Vec<(Slot, &'t str)> {
        fonts
            .runs(face, text)
            .into_iter()
            .map(|r| (r.slot, r.text))
            .collect()
    }

    #[test]
    fn each_script_is_set_in_the_first_font_that_has_it() {
        let set = repo_fonts();
        let fonts = Fonts::new(&set);
        assert_eq!(
            slots(&fonts, Face::Regular, "Ñandú Trading Co."),
            vec![(Slot::Sans, "Ñandú Trading Co.")]
        );
        assert_eq!(
            slots(&fonts, Face::Regular, "王伟 (Wang Wei)"),
            vec![(Slot::Cjk, "王伟 ("), (Slot::Sans, "Wang Wei)")]
        );
        assert_eq!(
            slots(&fonts, Face::Bold, "บริษัท แหลมฉบัง โลจิสติกส์ จำกัด, 深圳华鑫"),
            vec![
                (Slot::ThaiBold, "บริษัท แหลมฉบัง โลจิสติกส์ จำกัด"),
                (Slot::SansBold, ","),
                (Slot::ThaiBold, " "),
                (Slot::Cjk, "深圳华鑫")
            ]
        );
        // The Thai font has no digits or Latin punctuation: they are set in the first that has.
        assert_eq!(
            slots(&fonts, Face::Regular, "ชลบุรี 20230, ไทย"),
            vec![
                (Slot::Thai, "ชลบุรี "),
                (Slot::Sans, "20230,"),
                (Slot::Thai, " ไทย")
            ]
        );
        // Digits alone, and a hash, stay in the face's own font.
        assert_eq!(
            slots(&fonts, Face::Mono, "2026 ab12"),
            vec![(Slot::Mono, "2026 ab12")]
        );
        assert_eq!(slots(&fonts, Face::Regular, ""), vec![]);
    }

    #[test]
    fn a_run_with_a_character_only_a_later_font_has_moves_to_it_whole() {
        let set = repo_fonts();
        let fonts = Fonts::new(&set);
        // The full-width comma is of no script, and only the CJK font has it.
        assert_eq!(
            slots(&fonts, Face::Regular, "深圳，Shenzhen"),
            vec![(Slot::Cjk, "深圳，"), (Slot::Sans, "Shenzhen")]
        );
        assert_eq!(
            slots(&fonts, Face::Regular, "Lot，A"),
            vec![(Slot::Cjk, "Lot，A")]
        );
    }

    #[test]
    fn the_collection_face_is_simplified_chinese_and_nothing_common_is_missing() {
        let set = repo_fonts();
        let cjk = &set.files[Slot::Cjk as usize];
        let face = ttf_parser::Face::parse(&cjk.data, cjk.index).unwrap();
        assert!(face
            .names()
            .into_iter()
            .any(|n| n.to_string().as_deref() == Some(CJK_FAMILY)));
        assert!(set
            .missing_glyphs("深圳华鑫贸易有限公司 บริษัท แหลมฉบัง โลจิสติกส์ จำกัด Ñandú Çağlar Ωμέγα Москва №5 → 50 €")
            .is_empty());
        // Egyptian hieroglyphs are in none of the fonts.
        assert_eq!(set.missing_glyphs("A\u{13000}"), vec!['\u{13000}']);
    }

    #[test]
    fn a_missing_or_wrong_file_is_named() {
        let err = PdfFonts::load(|name| {
            if name == CJK {
                Err("no such file")
            } else {
                Ok(std::fs::read(
                    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                        .join("../../fonts")
                        .join(name),
                )
                .unwrap())
            }
        })
        .err()
        .unwrap();
        assert_eq!(
            err,
            ExportError::Font {
                file: CJK.to_string(),
                reason: "no such file".to_string()
            }
        );
        let err = PdfFonts::load(|_| Ok::<_, String>(b"not a font".to_vec()))
            .err()
            .unwrap();
        assert!(err.to_string().contains(SANS), "{err}");
    }
}
