//! Sync on its own thread: soon after a local edit, every few minutes while all is well, and after
//! a failure again with growing waits (with jitter, so a fleet coming back online does not knock at
//! once) without waiting for a new edit. A person can start it by hand at any time.

use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use quayside_i18n::Message;
use quayside_photos::Vault;
use quayside_protocol::ErrorCode;
use quayside_store::Store;
use rand::Rng;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::run::{sync_once, Progress, SyncReport};
use crate::SyncError;

/// How the app words a failed sync for a person: a keyed message, shown in their language.
pub type DescribeError = fn(SyncError) -> Message;

/// How often and how soon; the app uses the defaults, tests shorten them.
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    /// Between syncs while all is well.
    pub interval: Duration,
    /// After a local edit: edits in a burst go together.
    pub after_edit: Duration,
    /// First wait after a failure; doubled each time up to `max_backoff`.
    pub backoff: Duration,
    pub max_backoff: Duration,
}

impl Default for Timing {
    fn default() -> Timing {
        Timing {
            interval: Duration::from_secs(120),
            after_edit: Duration::from_secs(3),
            backoff: Duration::from_secs(2),
            max_backoff: Duration::from_secs(300),
        }
    }
}

/// What the loop is doing, for the status bar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LoopState {
    pub syncing: bool,
    pub progress: Option<Progress>,
    /// The last sync failed: why, as a keyed message (`error.*`), and whether it retries by itself.
    pub last_error: Option<Message>,
    pub last_error_code: Option<ErrorCode>,
    /// The server could not be reached on the last attempt.
    pub offline: bool,
    /// The server said this device was revoked: it syncs no more, and the app wipes its keys.
    pub revoked: bool,
    /// A sign-out whose token the server has not revoked yet (it could not be reached); retried.
    pub revocation_pending: bool,
    pub retries_by_itself: bool,
    /// Failures in a row.
    pub attempts: u32,
    /// Seconds until the next automatic attempt, when one is planned.
    pub next_attempt_in_s: Option<u64>,
    pub last_report: Option<SyncReport>,
}

struct Shared {
    state: Mutex<Inner>,
    wake: Condvar,
}

struct Inner {
    view: LoopState,
    due: Option<Instant>,
    stop: bool,
}

pub struct SyncLoop {
    shared: Arc<Shared>,
    timing: Timing,
    thread: Option<thread::JoinHandle<()>>,
}

impl SyncLoop {
    /// Start the loop; it tries once right away (a signed-out device just waits to be told).
    pub fn spawn(
        store: Arc<Mutex<Store>>,
        vault: Arc<Vault>,
        timing: Timing,
        describe: DescribeError,
    ) -> SyncLoop {
        let shared = Arc::new(Shared {
            state: Mutex::new(Inner {
                view: LoopState {
                    syncing: false,
                    progress: None,
                    last_error: None,
                    last_error_code: None,
                    offline: false,
                    revoked: false,
                    revocation_pending: false,
                    retries_by_itself: true,
                    attempts: 0,
                    next_attempt_in_s: None,
                    last_report: None,
                },
                due: Some(Instant::now()),
                stop: false,
            }),
            wake: Condvar::new(),
        });
        let worker = Arc::clone(&shared);
        let thread = thread::Builder::new()
            .name("sync".into())
            .spawn(move || run(&worker, &store, &vault, timing, describe))
            .expect("a thread can be started");
        SyncLoop {
            shared,
            timing,
            thread: Some(thread),
        }
    }

    /// A local edit was saved: sync soon, together with the edits that follow it.
    pub fn nudge(&self) {
        self.schedule(Instant::now() + self.timing.after_edit);
    }

    /// Sync now (the person asked, or just signed in).
    pub fn sync_now(&self) {
        self.schedule(Instant::now());
    }

    fn schedule(&self, at: Instant) {
        let mut inner = lock(&self.shared.state);
        if inner.due.is_none_or(|due| at < due) {
            inner.due = Some(at);
        }
        self.shared.wake.notify_all();
    }

    pub fn state(&self) -> LoopState {
        let inner = lock(&self.shared.state);
        let mut view = inner.view.clone();
        view.next_attempt_in_s = inner
            .due
            .map(|due| due.saturating_duration_since(Instant::now()).as_secs());
        view
    }
}

impl Drop for SyncLoop {
    fn drop(&mut self) {
        lock(&self.shared.state).stop = true;
        self.shared.wake.notify_all();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn run(
    shared: &Shared,
    store: &Mutex<Store>,
    vault: &Vault,
    timing: Timing,
    describe: DescribeError,
) {
    loop {
        {
            let mut inner = lock(&shared.state);
            loop {
                if inner.stop {
                    return;
                }
                let now = Instant::now();
                match inner.due {
                    Some(due) if due <= now => break,
                    Some(due) => {
                        inner = shared
                            .wake
                            .wait_timeout(inner, due - now)
                            .unwrap_or_else(|p| p.into_inner())
                            .0
                    }
                    None => inner = shared.wake.wait(inner).unwrap_or_else(|p| p.into_inner()),
                }
            }
            inner.due = None;
            inner.view.syncing = true;
            inner.view.progress = None;
        }
        let result = sync_once(store, vault, &mut |p| {
            lock(&shared.state).view.progress = Some(p);
        });
        let (revoked, revocation_pending) = {
            let store = lock(store);
            (
                crate::config::revoked(&store),
                crate::config::revocation_pending(&store).unwrap_or(false),
            )
        };
        let mut inner = lock(&shared.state);
        let view = &mut inner.view;
        view.syncing = false;
        view.revoked = revoked;
        view.revocation_pending = revocation_pending;
        view.progress = None;
        let next = match result {
            Ok(report) => {
                view.last_report = Some(report);
                view.last_error = None;
                view.last_error_code = None;
                view.offline = false;
                view.retries_by_itself = true;
                view.attempts = 0;
                Some(timing.interval)
            }
            Err(crate::SyncError::NotSignedIn) => {
                view.last_error = None;
                view.offline = false;
                // A sign-out the server has not heard of yet is tried again by itself.
                let pending = crate::config::revocation_pending(&lock(store)).unwrap_or(false);
                pending.then(|| backoff(timing, view.attempts.max(1)))
            }
            Err(e) => {
                view.attempts += 1;
                view.offline = matches!(e, crate::SyncError::Offline { .. });
                view.last_error_code = e.code();
                let retries = e.retries();
                view.retries_by_itself = retries;
                view.last_error = Some(describe(e));
                // What a person must fix is tried again on the normal interval, not hammered; a
                // sync that fails on its push still pulls, so the device keeps receiving.
                Some(if retries {
                    backoff(timing, view.attempts)
                } else {
                    timing.interval
                })
            }
        };
        // A nudge that came in during the sync keeps its (earlier) time.
        if let Some(next) = next {
            let at = Instant::now() + next;
            if inner.due.is_none_or(|due| at < due) {
                inner.due = Some(at);
            }
        }
    }
}

/// 2 s, 4 s, 8 s, ... up to the cap, each with ±20 % jitter.
pub fn backoff(timing: Timing, attempts: u32) -> Duration {
    let doubled = timing
        .backoff
        .saturating_mul(1u32 << attempts.saturating_sub(1).min(20));
    let base = doubled.min(timing.max_backoff);
    base.mul_f64(rand::rng().random_range(0.8..1.2))
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap_with_jitter() {
        let timing = Timing::default();
        for (attempt, expected) in [(1, 2.0), (2, 4.0), (3, 8.0), (9, 300.0), (40, 300.0)] {
            let wait = backoff(timing, attempt).as_secs_f64();
            assert!(
                (expected * 0.8..=expected * 1.2).contains(&wait),
                "attempt {attempt}: {wait}"
            );
        }
    }
}
