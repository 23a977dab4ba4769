//! Hybrid logical clock: physical milliseconds in the high bits, a counter in the low 16.
//! Packed into one integer so SQLite and sorting see it as a plain number.

use serde::{Deserialize, Serialize};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(transparent)]
pub struct Hlc(pub u64);

const COUNTER_BITS: u32 = 16;
const COUNTER_MASK: u64 = (1 << COUNTER_BITS) - 1;

impl Hlc {
    pub fn new(millis: u64, counter: u16) -> Self {
        Hlc((millis << COUNTER_BITS) | counter as u64)
    }

    pub fn millis(self) -> u64 {
        self.0 >> COUNTER_BITS
    }

    pub fn counter(self) -> u16 {
        (self.0 & COUNTER_MASK) as u16
    }

    /// The next timestamp for a local event: never below `self`, following the wall clock when it
    /// is ahead. A wall clock that went backwards only makes the counter advance.
    pub fn tick(self, wall_millis: u64) -> Hlc {
        if wall_millis > self.millis() {
            Hlc::new(wall_millis, 0)
        } else if self.counter() == u16::MAX {
            Hlc::new(self.millis() + 1, 0)
        } else {
            Hlc(self.0 + 1)
        }
    }

    /// Merge a timestamp seen on a received event, so later local events order after it.
    pub fn observe(self, seen: Hlc) -> Hlc {
        self.max(seen)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_the_wall_clock_when_it_moves_forward() {
        let t = Hlc::new(1_000, 7).tick(2_000);
        assert_eq!((t.millis(), t.counter()), (2_000, 0));
    }

    #[test]
    fn never_goes_back_when_the_wall_clock_does() {
        let a = Hlc::new(5_000, 3);
        let b = a.tick(1_000);
        assert!(b > a);
        assert_eq!((b.millis(), b.counter()), (5_000, 4));
    }

    #[test]
    fn counter_overflow_carries_into_milliseconds() {
        let a = Hlc::new(5_000, u16::MAX);
        let b = a.tick(5_000);
        assert!(b > a);
        assert_eq!((b.millis(), b.counter()), (5_001, 0));
    }

    #[test]
    fn observing_a_later_remote_stamp_moves_past_it() {
        let local = Hlc::new(1_000, 0);
        let merged = local.observe(Hlc::new(9_000, 2));
        assert!(merged.tick(1_000) > Hlc::new(9_000, 2));
    }
}
