//! Box averaging of rows as they are decoded: k x k boxes, k the largest whole factor that keeps
//! the result at least the target size, so a thumbnail never needs the whole image in memory and
//! the final resize to the exact size works on a small image. Samples of any width up to 16 bits,
//! `C` to a pixel (3 for RGB, 1 for gray).

pub(crate) struct Boxes<const C: usize> {
    k: usize,
    width: usize,
    pub(crate) out_width: usize,
    sums: Vec<u64>,
    rows_in_band: usize,
    out: Vec<u16>,
}

impl<const C: usize> Boxes<C> {
    /// Boxes for an image `w` x `h` reduced to at least `tw` x `th`.
    pub(crate) fn new(w: u32, h: u32, tw: u32, th: u32) -> Self {
        let k = (w / tw.max(1)).min(h / th.max(1)).max(1) as usize;
        let out_width = (w as usize).div_ceil(k);
        let out_height = (h as usize).div_ceil(k);
        Boxes {
            k,
            width: w as usize,
            out_width,
            sums: vec![0; out_width * C],
            rows_in_band: 0,
            out: Vec::with_capacity(out_width * out_height * C),
        }
    }

    /// One row of samples, `C` to a pixel, `width` pixels.
    pub(crate) fn push_row(&mut self, samples: impl Iterator<Item = u16>) {
        for (i, sample) in samples.take(self.width * C).enumerate() {
            self.sums[(i / C / self.k) * C + i % C] += sample as u64;
        }
        self.rows_in_band += 1;
        if self.rows_in_band == self.k {
            self.emit();
        }
    }

    fn emit(&mut self) {
        for ox in 0..self.out_width {
            let cols = self.k.min(self.width - ox * self.k);
            let n = (cols * self.rows_in_band) as u64;
            for c in 0..C {
                let s = &mut self.sums[ox * C + c];
                self.out.push(((*s + n / 2) / n) as u16);
                *s = 0;
            }
        }
        self.rows_in_band = 0;
    }

    /// The averaged samples, row after row, and the number of rows.
    pub(crate) fn finish(mut self) -> (Vec<u16>, u32) {
        if self.rows_in_band > 0 {
            self.emit();
        }
        let height = self.out.len() / (self.out_width * C);
        (self.out, height as u32)
    }
}
