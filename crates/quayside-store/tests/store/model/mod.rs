//! Model check: devices (real stores on real SQLite files) edit cases offline and exchange their
//! events in random batches, orders and repeats; after every step, the store that changed is
//! compared, through its public queries, with a plain fold (`fold.rs`) of exactly the events it
//! holds. Now and then, and at the end, its projection is rebuilt from the log and must not change;
//! after a full exchange every store holds the same projection.
//!
//! `QUAYSIDE_LONG=1` runs ten times the cases; `QUAYSIDE_MODEL_SEED` repeats a run (the seed is
//! printed).

mod compare;
mod fold;
mod ops;
mod world;

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestRunner};

use fold::ModelCase;
use ops::{Change, Op, Reason, Scenario};
use quayside_domain::fields::Field;
use quayside_domain::review::ReviewState;
use world::{Totals, World};

/// How far the device's clock moves before it writes: not at all (so stamps tie), a little, a
/// lot, or back (its clock was corrected).
fn wait() -> impl Strategy<Value = i16> {
    prop_oneof![3 => Just(0i16), 3 => 0..50i16, 3 => 0..3000i16, 1 => -2000..0i16]
}

fn value() -> impl Strategy<Value = Option<usize>> {
    // None clears the field.
    option::weighted(0.85, 0..3usize)
}

fn reason() -> impl Strategy<Value = Reason> {
    prop_oneof![6 => Just(Reason::Give), 3 => Just(Reason::Keep), 1 => Just(Reason::Forget)]
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        6 => (0..8usize, value()).prop_map(|(field, value)| Change::Set { field, value }),
        // Parties more often: their names are personal data, kept apart by the store.
        3 => prop_oneof![Just(2usize), 0..5usize].prop_map(|section| Change::AddItem { section }),
        6 => (0..4usize, 0..2usize, value())
            .prop_map(|(item, field, value)| Change::SetItem { item, field, value }),
        1 => (0..4usize, option::of(0..4usize)).prop_map(|(item, after)| Change::Move { item, after }),
        1 => (0..4usize).prop_map(|item| Change::Withdraw { item }),
        1 => (0..4usize).prop_map(|item| Change::Restore { item }),
        1 => (0..3usize).prop_map(|status| Change::Status { status }),
        1 => (0..3usize).prop_map(|photo| Change::Attach { photo }),
        1 => (0..3usize, option::of(0..2usize))
            .prop_map(|(photo, caption)| Change::Caption { photo, caption }),
        1 => (0..3usize).prop_map(|photo| Change::Exclude { photo }),
        1 => (0..3usize).prop_map(|item| Change::Transfer { item }),
        1 => Just(Change::Submit),
        2 => prop_oneof![3 => Just(0usize), 1 => 1..3usize]
            .prop_map(|unseen| Change::Approve { unseen }),
        1 => Just(Change::Return),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        2 => (0..4usize, wait()).prop_map(|(device, wait)| Op::Open { device, wait }),
        10 => (0..4usize, wait(), 0..4usize, reason(), change()).prop_map(
            |(device, wait, case, reason, change)| Op::Write { device, wait, case, reason, change }
        ),
        5 => (0..4usize, 0..3usize, option::weighted(0.7, vec(0..64usize, 1..10)))
            .prop_map(|(from, to, picks)| Op::Send { from, to, picks }),
        1 => (0..4usize).prop_map(|device| Op::Rebuild { device }),
        1 => (0..4usize).prop_map(|device| Op::Reopen { device }),
    ]
}

fn scenario() -> impl Strategy<Value = Scenario> {
    (
        2..=4usize,
        vec(prop_oneof![Just(0i64), -3000..3000i64], 4),
        vec(op(), 1..50),
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

#[test]
fn every_store_projects_what_a_plain_fold_of_its_events_gives() {
    let cases = if long() { 1280 } else { 128 };
    let seed = std::env::var("QUAYSIDE_MODEL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        // The same cases at every run of the normal suite, new ones in long mode.
        .unwrap_or_else(|| if long() { rand::random::<u64>() } else { 2026 });
    let config = Config {
        cases,
        failure_persistence: None,
        rng_seed: RngSeed::Fixed(seed),
        // A failing case shrinks for half a minute at most, then is reported as it stands.
        max_shrink_time: 30_000,
        ..Config::default()
    };
    let started = Instant::now();
    let mut runner = TestRunner::new(config);
    let totals = Totals::default();
    // Every scenario run, shrinking included.
    let runs = AtomicU64::new(0);
    let result = runner.run(&scenario(), |scenario| {
        runs.fetch_add(1, Ordering::Relaxed);
        World::run(&scenario, &totals);
        Ok(())
    });
    eprintln!(
        "model: {cases} cases {}, {} scenarios run, shrinking included (seed {seed}, \
         QUAYSIDE_MODEL_SEED repeats it): {} in {:.1} s",
        if result.is_ok() {
            "passed"
        } else {
            "asked, one failed"
        },
        runs.load(Ordering::Relaxed),
        totals,
        started.elapsed().as_secs_f64()
    );
    if let Err(e) = result {
        panic!("{e}\nseed {seed}");
    }
}

// Fixed scenarios through the same checks, each sure to reach a state the random ones reach
// only sometimes. Sections: 0 seals, 1 goods found, 2 parties; the first field of parties is the
// name. Cases count in opening order: 0 is the one every device starts with.

fn write(device: usize, case: usize, change: Change) -> Op {
    let (wait, reason) = (10, Reason::Give);
    Op::Write {
        device,
        wait,
        case,
        reason,
        change,
    }
}

/// `from` sends `to` (of `n` devices) everything it holds, or the picked events of its log.
fn send(from: usize, to: usize, n: usize, picks: Option<Vec<usize>>) -> Op {
    let to = (to + n - from - 1) % n;
    Op::Send { from, to, picks }
}

fn fixed(devices: usize, ops: Vec<Op>) -> (Vec<ModelCase>, Totals) {
    let scenario = Scenario {
        devices,
        skews: vec![0; 4],
        ops,
        final_order: 1,
    };
    let totals = Totals::default();
    let cases = World::run(&scenario, &totals);
    (cases, totals)
}

#[test]
fn concurrent_party_names_are_one_personal_conflict_on_every_store() {
    let name = |value| Change::SetItem {
        item: 0,
        field: 0,
        value: Some(value),
    };
    let (cases, _) = fixed(
        2,
        vec![
            write(0, 0, Change::AddItem { section: 2 }),
            send(0, 1, 2, None),
            write(0, 0, name(0)),
            write(1, 0, name(1)),
        ],
    );
    let item = cases[0].items[0].id;
    let conflict = &cases[0].conflicts()[&(Some(item), Field::PartyName)];
    let values: Vec<_> = conflict.iter().map(|(v, _)| v.as_deref()).collect();
    assert_eq!(values.len(), 2, "{values:?}");
    assert!(values.contains(&Some("Jan Jansen")) && values.contains(&Some("Ana Silva")));
}

#[test]
fn events_that_arrive_before_their_case_and_item_wait_and_then_fold() {
    // Device 1's log: [the shared case opened, its own case opened, a seal added, its number].
    let (cases, totals) = fixed(
        2,
        vec![
            Op::Open {
                device: 1,
                wait: 10,
            },
            write(1, 1, Change::AddItem { section: 0 }),
            write(
                1,
                1,
                Change::SetItem {
                    item: 0,
                    field: 0,
                    value: Some(1),
                },
            ),
            send(1, 0, 2, Some(vec![3])),
            send(1, 0, 2, Some(vec![1, 3, 1])),
            send(1, 0, 2, Some(vec![2])),
        ],
    );
    assert!(
        totals.unopened.load(Ordering::Relaxed) > 0,
        "held before its case"
    );
    assert!(
        totals.refused_in_fold.load(Ordering::Relaxed) > 0,
        "held before its item"
    );
    let own = &cases[1];
    assert_eq!(
        own.value(&(Some(own.items[0].id), Field::SealNumber)),
        Some("S200")
    );
}

#[test]
fn an_approval_that_did_not_see_a_change_leaves_the_case_reopened() {
    let vessel = || Change::Set {
        field: 1,
        value: Some(0),
    };
    let (cases, totals) = fixed(
        2,
        vec![
            write(1, 0, Change::Submit),
            send(1, 0, 2, None),
            // Refused: a submitted case changes only with a reason.
            Op::Write {
                device: 1,
                wait: 10,
                case: 0,
                reason: Reason::Forget,
                change: vessel(),
            },
            write(1, 0, vessel()),
            write(0, 0, Change::Approve { unseen: 0 }),
        ],
    );
    assert_eq!(totals.refusals.load(Ordering::Relaxed), 1);
    assert_eq!(cases[0].review_state(), ReviewState::Reopened);
    assert_eq!(cases[0].uncovered().len(), 1, "the vessel name");
}

#[test]
fn edits_stamped_alike_on_two_devices_fold_in_device_order_on_every_store() {
    // Both clocks read noon: each edit's HLC is noon with counter 1.
    let status = |device| Op::Write {
        device,
        wait: 0,
        case: 0,
        reason: Reason::Keep,
        change: Change::Status { status: device },
    };
    let (_, totals) = fixed(3, vec![status(1), status(2), send(1, 0, 3, None)]);
    assert!(totals.ties.load(Ordering::Relaxed) > 0);
}
