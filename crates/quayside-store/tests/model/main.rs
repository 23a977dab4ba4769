//! Model check: devices (real stores on real SQLite files) edit cases offline and exchange their
//! events in random batches, orders and repeats; after every step, the store that changed is
//! compared, through its public queries, with a plain fold (`fold.rs`) of exactly the events it
//! holds. Now and then, and at the end, its projection is rebuilt from the log and must not change;
//! after a full exchange every store holds the same projection.
//!
//! `QUAYSIDE_LONG=1` runs ten times the cases; `QUAYSIDE_MODEL_SEED` repeats a run (the seed is
//! printed).

#[path = "../common/mod.rs"]
mod common;
mod fold;
mod world;

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestRunner};

use world::{Change, Op, Scenario, World};

fn wait() -> impl Strategy<Value = u16> {
    prop_oneof![Just(0u16), 0..50u16, 0..3000u16]
}

fn value() -> impl Strategy<Value = Option<usize>> {
    // None clears the field.
    option::weighted(0.85, 0..3usize)
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        6 => (0..8usize, value()).prop_map(|(field, value)| Change::Set { field, value }),
        2 => (0..4usize).prop_map(|section| Change::AddItem { section }),
        5 => (0..4usize, 0..2usize, value())
            .prop_map(|(item, field, value)| Change::SetItem { item, field, value }),
        1 => (0..4usize, option::of(0..4usize)).prop_map(|(item, after)| Change::Move { item, after }),
        1 => (0..4usize).prop_map(|item| Change::Withdraw { item }),
        1 => (0..3usize).prop_map(|status| Change::Status { status }),
        1 => Just(Change::Submit),
        1 => (0..3usize).prop_map(|unseen| Change::Approve { unseen }),
        1 => Just(Change::Return),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        1 => (0..4usize, wait()).prop_map(|(device, wait)| Op::Open { device, wait }),
        10 => (0..4usize, wait(), 0..4usize, prop::bool::weighted(0.7), change()).prop_map(
            |(device, wait, case, reason, change)| Op::Write { device, wait, case, reason, change }
        ),
        4 => (0..4usize, 0..3usize, option::weighted(0.7, vec(0..64usize, 1..10)))
            .prop_map(|(from, to, picks)| Op::Send { from, to, picks }),
        1 => (0..4usize).prop_map(|device| Op::Rebuild { device }),
    ]
}

fn scenario() -> impl Strategy<Value = Scenario> {
    (
        2..=4usize,
        vec(-3000..3000i64, 4),
        vec(op(), 1..40),
        any::<u64>(),
    )
        .prop_map(|(devices, skews, ops, final_order)| Scenario {
            devices,
            skews,
            ops,
            final_order,
        })
}

fn long() -> bool {
    std::env::var("QUAYSIDE_LONG").is_ok_and(|v| v == "1")
}

/// Run scenarios; `RUNS` counts every scenario executed (shrinking included).
static RUNS: AtomicU64 = AtomicU64::new(0);

#[test]
fn every_store_projects_what_a_plain_fold_of_its_events_gives() {
    let cases = if long() { 640 } else { 64 };
    let seed = std::env::var("QUAYSIDE_MODEL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(rand::random::<u64>);
    let config = Config {
        cases,
        failure_persistence: None,
        rng_seed: RngSeed::Fixed(seed),
        ..Config::default()
    };
    let started = Instant::now();
    let mut runner = TestRunner::new(config);
    let totals = world::Totals::default();
    let result = runner.run(&scenario(), |scenario| {
        RUNS.fetch_add(1, Ordering::Relaxed);
        World::run(&scenario, &totals);
        Ok(())
    });
    eprintln!(
        "model: {cases} cases passed of {} run (seed {seed}, QUAYSIDE_MODEL_SEED repeats it): \
         {} in {:.1} s",
        RUNS.load(Ordering::Relaxed),
        totals,
        started.elapsed().as_secs_f64()
    );
    if let Err(e) = result {
        panic!("{e}\nseed {seed}");
    }
}
