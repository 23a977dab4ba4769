//! What every test module uses: the testkit's API harness (calls made exactly as the UI makes
//! them, through `Api::dispatch`), and the two small images these tests attach.

pub use quayside_testkit::api::*;
use quayside_testkit::fixtures::{gradient_jpeg, rgb_png};

/// A small real JPEG; each seed gives other bytes.
pub fn jpeg(seed: u8) -> Vec<u8> {
    gradient_jpeg(96, 64, seed)
}

/// A small real PNG.
pub fn png() -> Vec<u8> {
    rgb_png(40, 30)
}
