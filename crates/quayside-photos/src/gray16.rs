//! 16-bit grayscale (an X-ray scanner's export) to something a person can see. Such images use a
//! few thousand of the 65,536 levels, so taking the high byte, as 8-bit conversion does, leaves a
//! black picture: the levels actually used are stretched over black to white instead (the
//! window: from the 0.5th to the 99.5th percentile, so a few dead or saturated pixels do not
//! decide it). Rows are box-averaged on the way in (`boxes`), so memory stays small.

use image::RgbImage;

use crate::boxes::Boxes;

/// Share of the pixels left out at each end when the window is chosen.
const CLIP: f64 = 0.005;

/// The levels from black to white: `low` and below are black, `high` and above white.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub low: u16,
    pub high: u16,
}

impl Window {
    /// A window a person chose: black at `low`, white at `high`, which must be above it.
    pub fn new(low: u16, high: u16) -> Option<Window> {
        (low < high).then_some(Window { low, high })
    }

    /// The window over the levels used, from a histogram of all 65,536 levels.
    pub fn of(histogram: &[u64]) -> Window {
        let total: u64 = histogram.iter().sum();
        let clip = (total as f64 * CLIP) as u64;
        let level_at = |wanted: u64, levels: &mut dyn Iterator<Item = usize>| {
            let mut seen = 0;
            for level in levels {
                seen += histogram[level];
                if seen > wanted {
                    return level as u16;
                }
            }
            0
        };
        let low = level_at(clip, &mut (0..histogram.len()));
        let high = level_at(clip, &mut (0..histogram.len()).rev());
        Window {
            low,
            high: high.max(low.saturating_add(1)),
        }
    }

    /// The 8-bit shade of `level`.
    pub fn shade(self, level: u16) -> u8 {
        let (low, high) = (self.low as u32, self.high as u32);
        let level = (level as u32).clamp(low, high);
        (((level - low) * 255 + (high - low) / 2) / (high - low)) as u8
    }
}

/// Averages boxes of 16-bit gray rows (`boxes`) and counts every level on the way, for the window.
pub(crate) struct Gray16Reducer {
    boxes: Boxes<1>,
    histogram: Vec<u64>,
}

impl Gray16Reducer {
    pub(crate) fn new(w: u32, h: u32, tw: u32, th: u32) -> Self {
        Gray16Reducer {
            boxes: Boxes::new(w, h, tw, th),
            histogram: vec![0; 65536],
        }
    }

    /// One row of levels.
    pub(crate) fn push_row(&mut self, levels: impl Iterator<Item = u16>) {
        let histogram = &mut self.histogram;
        self.boxes
            .push_row(levels.inspect(|&level| histogram[level as usize] += 1));
    }

    /// The reduced image's levels themselves, to be shaded through any window later.
    pub(crate) fn finish_levels(self) -> Levels {
        let width = self.boxes.out_width as u32;
        let (data, height) = self.boxes.finish();
        Levels {
            width,
            height,
            auto: Window::of(&self.histogram),
            data,
        }
    }
}

/// A reduced 16-bit gray image and the window its levels suggest.
pub(crate) struct Levels {
    pub width: u32,
    pub height: u32,
    pub auto: Window,
    data: Vec<u16>,
}

impl Levels {
    /// The image in gray shades through `window`.
    pub(crate) fn shade(&self, window: Window) -> RgbImage {
        let rgb = self
            .data
            .iter()
            .flat_map(|&level| [window.shade(level); 3])
            .collect();
        RgbImage::from_raw(self.width, self.height, rgb).expect("rows are whole by construction")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_spans_the_levels_used_and_ignores_a_few_outliers() {
        let mut histogram = vec![0u64; 65536];
        // A 12-bit detector: levels 400 to 3,600, with one dead and one saturated pixel.
        histogram[400..=3600].fill(10);
        histogram[0] = 1;
        histogram[65535] = 1;
        let window = Window::of(&histogram);
        assert!((400..420).contains(&window.low), "{window:?}");
        assert!((3580..=3600).contains(&window.high), "{window:?}");
        assert_eq!(window.shade(0), 0);
        assert_eq!(window.shade(65535), 255);
        assert_eq!(window.shade((window.low + window.high) / 2), 128);
    }

    #[test]
    fn one_level_only_is_still_a_window() {
        let mut histogram = vec![0u64; 65536];
        histogram[1000] = 50;
        let window = Window::of(&histogram);
        assert_eq!(
            window,
            Window {
                low: 1000,
                high: 1001
            }
        );
        assert_eq!(window.shade(1000), 0);
    }

    #[test]
    fn boxes_are_averaged_and_shaded_through_the_window() {
        // 4 x 2 levels, boxes of 2 x 2: left box 100 on average, right box 300.
        let mut reducer = Gray16Reducer::new(4, 2, 2, 1);
        reducer.push_row([50u16, 150, 250, 350].into_iter());
        reducer.push_row([50u16, 150, 250, 350].into_iter());
        let levels = reducer.finish_levels();
        let image = levels.shade(levels.auto);
        assert_eq!((image.width(), image.height()), (2, 1));
        assert!(image.get_pixel(0, 0)[0] < image.get_pixel(1, 0)[0]);
    }
}
