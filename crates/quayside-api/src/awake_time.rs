//! Time for the idle lock, counting the time the machine slept. Rust's `Instant` stops while a
//! Linux or macOS machine is suspended: a laptop closed unlocked for an hour would open unlocked,
//! its idle time as short as before the lid came down. Monotonic all the same, so setting the
//! system clock neither locks nor extends a session.

use std::time::Duration;

/// Time since boot, suspended time included.
pub(crate) fn now() -> Duration {
    platform::now()
}

#[cfg(any(
    target_os = "linux",
    target_os = "android",
    target_os = "macos",
    target_os = "ios"
))]
mod platform {
    use std::time::Duration;

    /// Linux's `CLOCK_BOOTTIME` counts suspend; on Apple systems `CLOCK_MONOTONIC` does.
    #[cfg(any(target_os = "linux", target_os = "android"))]
    const CLOCK: libc::clockid_t = libc::CLOCK_BOOTTIME;
    #[cfg(any(target_os = "macos", target_os = "ios"))]
    const CLOCK: libc::clockid_t = libc::CLOCK_MONOTONIC;

    pub(super) fn now() -> Duration {
        let mut ts = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `ts` is a valid timespec for the call to fill; the clock id is one the
        // platform defines, so the call cannot fail.
        let rc = unsafe { libc::clock_gettime(CLOCK, &mut ts) };
        assert_eq!(rc, 0, "clock_gettime of a clock the platform defines");
        Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
    }
}

/// Windows' `Instant` (the performance counter) keeps counting while the machine sleeps.
#[cfg(not(any(
    target_os = "linux",
    target_os = "android",
    target_os = "macos",
    target_os = "ios"
)))]
mod platform {
    use std::sync::LazyLock;
    use std::time::{Duration, Instant};

    static START: LazyLock<Instant> = LazyLock::new(Instant::now);

    pub(super) fn now() -> Duration {
        START.elapsed()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_never_goes_back_and_moves_with_real_time() {
        let a = now();
        std::thread::sleep(Duration::from_millis(20));
        let b = now();
        assert!(b >= a + Duration::from_millis(20), "{a:?} then {b:?}");
    }

    /// `/proc/uptime` is the kernel's boot time, suspend included: the clock is that one, not
    /// the monotonic clock `Instant` reads (which agrees only on a machine that never slept).
    #[cfg(target_os = "linux")]
    #[test]
    fn on_linux_it_is_the_time_since_boot_with_suspend_counted() {
        let uptime = std::fs::read_to_string("/proc/uptime").unwrap();
        let seconds: f64 = uptime.split_whitespace().next().unwrap().parse().unwrap();
        let ours = now().as_secs_f64();
        assert!(
            (ours - seconds).abs() < 1.0,
            "{ours} against /proc/uptime {seconds}"
        );
    }
}
