//! Where the store reads the time, and the one text form it writes times in.

use chrono::{DateTime, Utc};

/// Where the store reads the time. Tests pass a clock they can move, backwards too.
pub trait Clock: Send {
    fn now(&self) -> DateTime<Utc>;
}

pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

pub(crate) fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}
