//! Several writers and several server processes at once: the pull cursor never skips or repeats an
//! event while pushes hold their transactions open for random times, and clients sent to either of
//! two server processes on one database converge. Runs on SQLite and, with
//! `QUAYSIDE_TEST_DATABASE_URL`, on PostgreSQL.

use std::collections::HashSet;
use std::time::Duration;

use quayside_domain::event::Role;
use quayside_domain::fields::Field;
use quayside_protocol::PullResponse;
use rand::{Rng, SeedableRng};
use uuid::Uuid;

use quayside_testkit::replica::{assert_converged, Replica};

use crate::common::{event_id, own_ids, Device, Server, PASSWORD};

const WRITERS: usize = 6;
const READERS: usize = 3;
const ROUNDS: usize = 8;

#[test]
fn readers_pulling_all_the_time_get_every_event_once_from_concurrent_slow_writers() {
    let server = Server::start();
    for w in 0..WRITERS {
        server.add_user(&format!("w{w}"), "inspector", "NLRTM");
    }
    for r in 0..READERS {
        server.add_user(&format!("r{r}"), "supervisor", "NLRTM");
    }
    let data = server.data.clone();
    drop(server);
    // Every push sleeps up to 40 ms inside its transaction, after writing, before committing.
    let server = Server::start_with(data, &[], &[("QUAYSIDE_SERVER_FAULT", "delay-in-push=40")]);
    let writers: Vec<Device> = (0..WRITERS)
        .map(|w| Device::enroll(&server, &format!("w{w}"), Role::Inspector))
        .collect();
    let readers: Vec<Device> = (0..READERS)
        .map(|r| Device::enroll(&server, &format!("r{r}"), Role::Supervisor))
        .collect();
    let done = std::sync::atomic::AtomicUsize::new(0);

    let (written, pulled) = std::thread::scope(|scope| {
        let writing: Vec<_> = writers
            .into_iter()
            .enumerate()
            .map(|(w, mut device)| {
                let (server, done) = (&server, &done);
                scope.spawn(move || {
                    let mut rng = rand::rngs::StdRng::seed_from_u64(w as u64);
                    let case = device.open_case("NLRTM");
                    let mut acked = 0;
                    for round in 0..ROUNDS {
                        for _ in 0..rng.random_range(1..4) {
                            device.edit(case, &format!("w{w} r{round} {}", rng.random::<u16>()));
                        }
                        acked = device.push(server, acked).acked_seq;
                        std::thread::sleep(Duration::from_millis(rng.random_range(0..20)));
                    }
                    done.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    own_ids(&device)
                })
            })
            .collect();
        let reading: Vec<_> = readers
            .into_iter()
            .map(|reader| {
                let (server, done) = (&server, &done);
                scope.spawn(move || {
                    let mut seen = Vec::new();
                    let mut cursor = String::new();
                    let deadline = std::time::Instant::now() + Duration::from_secs(30);
                    loop {
                        assert!(
                            std::time::Instant::now() < deadline,
                            "a reader never caught up: {} events seen",
                            seen.len()
                        );
                        let finished = done.load(std::sync::atomic::Ordering::SeqCst) == WRITERS;
                        let page: PullResponse = reader.pull(server, &cursor, 7).parse();
                        seen.extend(page.events.iter().map(event_id));
                        cursor = page.cursor;
                        // Stop after a pull that began once every writer had finished and saw all.
                        if finished && !page.more {
                            return seen;
                        }
                    }
                })
            })
            .collect();
        let written: Vec<Uuid> = writing
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect();
        let pulled: Vec<Vec<Uuid>> = reading.into_iter().map(|h| h.join().unwrap()).collect();
        (written, pulled)
    });

    let all: HashSet<Uuid> = written.iter().copied().collect();
    assert!(written.len() > WRITERS * ROUNDS, "{} events", written.len());
    for (r, seen) in pulled.iter().enumerate() {
        let unique: HashSet<Uuid> = seen.iter().copied().collect();
        assert_eq!(unique.len(), seen.len(), "reader {r} got an event twice");
        let missing = all.difference(&unique).count();
        assert_eq!(
            missing,
            0,
            "reader {r} missed {missing} of {} events",
            all.len()
        );
        assert_eq!(unique, all, "reader {r}");
    }
}

#[test]
fn clients_sent_to_either_of_two_server_processes_on_one_database_converge() {
    let first = Server::start();
    first.add_user("ines", "inspector", "NLRTM");
    first.add_user("ivan", "inspector", "NLRTM");
    first.add_user("sara", "supervisor", "NLRTM");
    let second = Server::start_with(first.data.clone(), &[], &[]);
    let urls = [first.url.clone(), second.url.clone()];
    let replicas = [
        Replica::signed_in(&urls[0], "ines", PASSWORD, Role::Inspector),
        Replica::signed_in(&urls[1], "ivan", PASSWORD, Role::Inspector),
        Replica::signed_in(&urls[0], "sara", PASSWORD, Role::Supervisor),
    ];
    let mut rng = rand::rngs::StdRng::seed_from_u64(4);
    let shared = replicas[0].open_case("NLRTM");
    let mut cases = vec![shared];
    for step in 0..60 {
        let r = &replicas[rng.random_range(0..replicas.len())];
        match rng.random_range(0..4) {
            0 => cases.push(r.open_case("NLRTM")),
            1 | 2 => {
                let case = cases[rng.random_range(0..cases.len())];
                // Only edit cases this replica has received.
                if r.store().case(case).is_ok() {
                    r.set(case, Field::CaseNotes, &format!("step {step}"));
                }
            }
            _ => {
                let url = &urls[rng.random_range(0..2)];
                r.store().set_setting("sync.server", url).unwrap();
                r.sync().unwrap();
            }
        }
    }
    for _ in 0..2 {
        for r in &replicas {
            let url = &urls[rng.random_range(0..2)];
            r.store().set_setting("sync.server", url).unwrap();
            r.sync().unwrap();
        }
    }
    assert_converged(&[&replicas[0], &replicas[1], &replicas[2]]);
    assert!(
        replicas[0]
            .store()
            .list_cases(&Default::default())
            .unwrap()
            .len()
            >= 2
    );
}
