//! Password checks, a few at a time on threads of their own. argon2 takes 19 MiB a check: run on
//! the shared blocking pool with a fresh buffer each, a flood of sign-ins grew the server by that
//! much a request, and it stayed grown. Here as many workers as cores check passwords, each in one
//! buffer it keeps; a sign-in waits at most `WAIT` for one, and is otherwise answered busy.

use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{oneshot, Semaphore};

use crate::auth::verify_password;

/// How long a sign-in waits for a worker before it is answered busy.
pub const WAIT: Duration = Duration::from_secs(2);

struct Job {
    password: String,
    stored: Option<String>,
    answer: oneshot::Sender<bool>,
}

/// The workers and the count of checks waiting for one.
pub struct PasswordChecks {
    free: Arc<Semaphore>,
    jobs: mpsc::Sender<Job>,
}

/// Every worker was busy for `WAIT`.
#[derive(Debug)]
pub struct Busy;

impl PasswordChecks {
    /// Start `workers` threads (at least one).
    pub fn start(workers: usize) -> PasswordChecks {
        let workers = workers.max(1);
        let (jobs, queue) = mpsc::channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        for n in 0..workers {
            let queue = queue.clone();
            std::thread::Builder::new()
                .name(format!("password-check-{n}"))
                .spawn(move || {
                    // argon2's memory, allocated at the first check and kept for the next.
                    let mut memory = Vec::new();
                    loop {
                        // The lock is held only to take a job, not while checking it.
                        let job = match queue.lock() {
                            Ok(queue) => queue.recv(),
                            Err(_) => return,
                        };
                        let Ok(job) = job else { return };
                        let matches =
                            verify_password(&job.password, job.stored.as_deref(), &mut memory);
                        let _ = job.answer.send(matches);
                    }
                })
                .expect("a thread can be started");
        }
        PasswordChecks {
            free: Arc::new(Semaphore::new(workers)),
            jobs,
        }
    }

    /// Whether `password` matches `stored` (None: an unknown user, checked against a dummy so the
    /// time does not tell). Busy when no worker was free within `WAIT`.
    pub async fn verify(&self, password: String, stored: Option<String>) -> Result<bool, Busy> {
        let _turn = tokio::time::timeout(WAIT, self.free.clone().acquire_owned())
            .await
            .map_err(|_| Busy)?
            .map_err(|_| Busy)?;
        let (answer, matches) = oneshot::channel();
        self.jobs
            .send(Job {
                password,
                stored,
                answer,
            })
            .map_err(|_| Busy)?;
        matches.await.map_err(|_| Busy)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn checks_are_answered_and_a_queue_past_the_wait_is_busy() {
        let checks = Arc::new(PasswordChecks::start(1));
        let hash = crate::auth::hash_password("correct horse battery").unwrap();
        assert!(checks
            .verify("correct horse battery".into(), Some(hash.clone()))
            .await
            .unwrap());
        assert!(!checks.verify("wrong".into(), Some(hash)).await.unwrap());
        assert!(!checks.verify("wrong".into(), None).await.unwrap());
        // Hold the only worker's turn past the wait: the next check is busy, not queued forever.
        let held = checks.free.clone().acquire_owned().await.unwrap();
        let started = std::time::Instant::now();
        assert!(checks.verify("x".into(), None).await.is_err());
        assert!(started.elapsed() >= WAIT);
        drop(held);
        assert!(checks.verify("x".into(), None).await.is_ok());
    }
}
