//! Replication between stores on real SQLite files: devices that edit offline exchange their
//! events in any order, any number of times, and end with the same log and the same projection.

use std::path::Path;

use chrono::Duration;
use quayside_domain::event::{Payload, SignedEvent};
use quayside_domain::fields::{Field, Section};
use quayside_store::{IngestReport, Store, StoreError};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use tempfile::TempDir;
use uuid::Uuid;

use crate::common::*;

fn event_set(store: &Store) -> Vec<Wire> {
    let mut events = wire(&store.export_events().unwrap());
    events.sort();
    events
}

/// A copy of a closed data folder: database and device key.
fn copy_dir(from: &Path) -> TempDir {
    let to = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.path().join(entry.file_name())).unwrap();
    }
    to
}

/// What a push sends, read a few events at a time as a client pages through it.
fn push_all(store: &Store, mut after: u64) -> Vec<SignedEvent> {
    let mut all = Vec::new();
    loop {
        let page = store.outgoing(after, 3).unwrap();
        let Some(last) = page.last() else { return all };
        for (i, event) in page.iter().enumerate() {
            assert_eq!(event.body.device_id, store.device().id, "only own events");
            assert_eq!(event.body.device_seq, after + 1 + i as u64, "in sequence");
        }
        after = last.body.device_seq;
        all.extend(page);
    }
}

fn assert_clean(store: &Store) {
    let report = store.verify_log().unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
}

/// Two data folders (closed) after A opened a case, sent it to B, and both edited offline:
/// different fields, the same fields, items on both sides, and a case B opened on its own.
struct Offline {
    a: TempDir,
    b: TempDir,
    case: Uuid,
    b_case: Uuid,
    /// A's last sequence that B already holds.
    a_sent: u64,
    /// B's event that sets a field on an item B added while offline.
    b_goods_weight: Uuid,
}

fn offline_edits() -> Offline {
    let (a_dir, b_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (clock_a, clock_b) = (
        TestClock::at(noon()),
        TestClock::at(noon() + Duration::milliseconds(500)),
    );
    let (mut a, mut b) = (open(a_dir.path(), &clock_a), open(b_dir.path(), &clock_b));
    introduce(&mut a, &b);
    introduce(&mut b, &a);

    let case = a.open_case(&inspector(), "NLRTM").unwrap().id;
    set(&mut a, case, None, Field::VesselName, "MSC ANNA");
    let seal = add(&mut a, case, Section::Seals);
    set(&mut a, case, Some(seal), Field::SealNumber, "S100");
    let report = b.ingest(&wire(&a.outgoing(0, 100).unwrap())).unwrap();
    assert_eq!((report.inserted, report.duplicates), (4, 0));
    assert_eq!(b.projection_dump().unwrap(), a.projection_dump().unwrap());
    let a_sent = a.device_head().unwrap().0;

    // Offline. Each side's clock moves a second per edit, so their edits interleave in HLC order.
    let tick = |c: &TestClock| c.advance(Duration::seconds(1));
    tick(&clock_a);
    set(&mut a, case, None, Field::ContainerNumber, "CSQU3054383");
    tick(&clock_b);
    set(&mut b, case, None, Field::ContainerNumber, "MSCU1234566");
    tick(&clock_a);
    set(&mut a, case, None, Field::VesselName, "MSC ANNA II");
    tick(&clock_b);
    set(
        &mut b,
        case,
        None,
        Field::DeclaredDescription,
        "Ceramic tiles",
    );
    set(&mut b, case, Some(seal), Field::SealNumber, "S200");
    tick(&clock_b);
    let goods = add(&mut b, case, Section::GoodsFound);
    set(&mut b, case, Some(goods), Field::GoodsHsCode, "6907.21");
    set(&mut b, case, Some(goods), Field::GoodsWeight, "1250 kg");
    let b_goods_weight =
        b.case(case).unwrap().0.items.last().unwrap().fields[&Field::GoodsWeight].event_id;
    let more = add(&mut b, case, Section::GoodsFound);
    b.append(
        &inspector(),
        case,
        Payload::ItemMoved {
            section: Section::GoodsFound,
            item: more,
            after: None,
        },
    )
    .unwrap();
    tick(&clock_a);
    let party = add(&mut a, case, Section::Parties);
    set(&mut a, case, Some(party), Field::PartyName, "Jan Jansen");
    a.append(
        &inspector(),
        case,
        Payload::ItemWithdrawn {
            section: Section::Seals,
            item: seal,
            reason: "entered twice".into(),
        },
    )
    .unwrap();
    tick(&clock_b);
    let b_case = b.open_case(&inspector(), "NLRTM").unwrap().id;
    set(&mut b, b_case, None, Field::VesselName, "EVER GIVEN");
    Offline {
        a: a_dir,
        b: b_dir,
        case,
        b_case,
        a_sent,
        b_goods_weight,
    }
}

/// Open copies of both folders with the same clocks as before, so every run starts alike.
fn reopen(o: &Offline) -> (TempDir, Store, TempDir, Store) {
    let (a_dir, b_dir) = (copy_dir(o.a.path()), copy_dir(o.b.path()));
    let clock = TestClock::at(noon() + Duration::hours(1));
    let a = open(a_dir.path(), &clock);
    let b = open(b_dir.path(), &clock);
    (a_dir, a, b_dir, b)
}

fn no_refusals(store: &Store, cases: &[Uuid]) {
    for case in cases {
        for entry in store.timeline(*case).unwrap() {
            assert_eq!(entry.refused, None, "{} {}", entry.kind, entry.event_id);
        }
    }
}

/// Deliver A's new events to B and B's to A in the batches `plan` makes of them (a batch is
/// applied to the side it is addressed to), then check that both ended the same.
fn exchange(
    o: &Offline,
    plan: impl Fn(Vec<SignedEvent>, Vec<SignedEvent>) -> Vec<(bool, Vec<SignedEvent>)>,
) -> (Vec<String>, Vec<Wire>) {
    let (_a_dir, mut a, _b_dir, mut b) = reopen(o);
    let (a_out, b_out) = (push_all(&a, o.a_sent), push_all(&b, 0));
    assert_eq!((a_out.len(), b_out.len()), (5, 10));
    for (to_b, batch) in plan(a_out.clone(), b_out.clone()) {
        let report = if to_b {
            b.ingest(&wire(&batch))
        } else {
            a.ingest(&wire(&batch))
        };
        assert!(report.unwrap().quarantined.is_empty());
    }
    let dump = a.projection_dump().unwrap();
    assert_eq!(dump, b.projection_dump().unwrap(), "same projection");
    assert_eq!(event_set(&a), event_set(&b), "same events");
    assert_eq!(a.event_count().unwrap(), 4 + 5 + 10);
    no_refusals(&a, &[o.case, o.b_case]);
    assert_clean(&a);
    assert_clean(&b);

    // The same batch again changes nothing.
    let again = b.ingest(&wire(&a_out)).unwrap();
    assert_eq!(
        again,
        IngestReport {
            inserted: 0,
            duplicates: a_out.len(),
            quarantined: vec![]
        }
    );
    assert_eq!(b.projection_dump().unwrap(), dump);
    assert_eq!(b.event_count().unwrap(), 4 + 5 + 10);
    (dump, event_set(&a))
}

#[test]
fn two_devices_that_edited_offline_converge_in_any_delivery_order() {
    let o = offline_edits();
    let in_order = exchange(&o, |a, b| vec![(true, a), (false, b)]);
    let mut results = vec![
        (
            "reversed",
            exchange(&o, |mut a, mut b| {
                a.reverse();
                b.reverse();
                vec![(false, b), (true, a)]
            }),
        ),
        (
            "one at a time, newest first",
            exchange(&o, |a, b| {
                let a = a.into_iter().rev().map(|e| (true, vec![e]));
                let b = b.into_iter().rev().map(|e| (false, vec![e]));
                b.chain(a).collect()
            }),
        ),
        (
            "delivered twice",
            exchange(&o, |a, b| {
                vec![(true, a.clone()), (false, b.clone()), (false, b), (true, a)]
            }),
        ),
    ];
    // Shuffled, cut into batches of random sizes, the two directions interleaved, some events
    // delivered again (also inside one batch).
    for seed in 1..=6u64 {
        let result = exchange(&o, |a, b| {
            let mut rng = StdRng::seed_from_u64(seed);
            let mut batches = Vec::new();
            for (to_b, mut events) in [(true, a), (false, b)] {
                let extra: Vec<_> = (0..3)
                    .map(|_| events[rng.random_range(0..events.len())].clone())
                    .collect();
                events.extend(extra);
                events.shuffle(&mut rng);
                while !events.is_empty() {
                    let n = rng.random_range(1..=events.len().min(5));
                    batches.push((to_b, events.drain(..n).collect::<Vec<_>>()));
                }
            }
            batches.shuffle(&mut rng);
            batches
        });
        results.push(("shuffled", result));
    }
    for (name, result) in results {
        assert!(result == in_order, "{name}: differs from delivery in order");
    }
}

#[test]
fn own_events_coming_back_in_a_full_pull_are_duplicates() {
    let o = offline_edits();
    let (_a_dir, mut a, _b_dir, mut b) = reopen(&o);
    // Each takes everything the other holds, its own events included.
    let report = a.ingest(&wire(&b.export_events().unwrap())).unwrap();
    assert_eq!(
        (report.inserted, report.duplicates, report.quarantined.len()),
        (10, 4, 0)
    );
    let report = b.ingest(&wire(&a.export_events().unwrap())).unwrap();
    assert_eq!(
        (report.inserted, report.duplicates, report.quarantined.len()),
        (5, 14, 0)
    );
    assert_eq!(a.projection_dump().unwrap(), b.projection_dump().unwrap());
    assert_eq!(event_set(&a), event_set(&b));
    assert_clean(&a);
    assert_clean(&b);
}

#[test]
fn an_event_that_needs_one_not_yet_arrived_is_refused_until_it_arrives() {
    let o = offline_edits();
    let (_a_dir, mut a, _b_dir, b) = reopen(&o);
    let b_out = b.outgoing(0, usize::MAX).unwrap();
    let (weight, rest): (Vec<_>, Vec<_>) = b_out
        .into_iter()
        .partition(|e| e.body.id == o.b_goods_weight);

    // The weight of goods whose item_added has not arrived: kept, shown as refused, not folded.
    assert_eq!(a.ingest(&wire(&weight)).unwrap().inserted, 1);
    let refused: Vec<_> = a
        .timeline(o.case)
        .unwrap()
        .into_iter()
        .filter_map(|e| e.refused.map(|r| (e.event_id, r)))
        .collect();
    assert_eq!(refused.len(), 1, "{refused:?}");
    assert_eq!(refused[0].0, o.b_goods_weight);
    assert!(refused[0].1.contains("Goods found"), "{}", refused[0].1);
    assert!(a
        .case(o.case)
        .unwrap()
        .0
        .items
        .iter()
        .all(|i| i.section != Section::GoodsFound));

    // The rest arrives: the case is refolded and the weight is in.
    a.ingest(&wire(&rest)).unwrap();
    no_refusals(&a, &[o.case, o.b_case]);
    let (case, _) = a.case(o.case).unwrap();
    let goods: Vec<_> = case.live_items(Section::GoodsFound).collect();
    assert_eq!(goods.len(), 2);
    assert_eq!(
        goods[1].value(Field::GoodsWeight),
        Some("1250 kg"),
        "moved item is first"
    );
    let mut b = b;
    b.ingest(&wire(&push_all(&a, o.a_sent))).unwrap();
    assert_eq!(a.projection_dump().unwrap(), b.projection_dump().unwrap());
}

#[test]
fn a_fresh_replica_rebuilds_the_same_projection_from_everything() {
    let o = offline_edits();
    let (_a_dir, mut a, _b_dir, mut b) = reopen(&o);
    b.ingest(&wire(&push_all(&a, o.a_sent))).unwrap();
    a.ingest(&wire(&push_all(&b, 0))).unwrap();
    let expected = a.projection_dump().unwrap();

    let c_dir = tempfile::tempdir().unwrap();
    let mut c = open(c_dir.path(), &TestClock::at(noon()));
    introduce(&mut c, &a);
    introduce(&mut c, &b);
    let mut all = a.export_events().unwrap();
    all.extend(b.export_events().unwrap());
    all.shuffle(&mut StdRng::seed_from_u64(42));
    let report = c.ingest(&wire(&all)).unwrap();
    assert_eq!(
        (report.inserted, report.duplicates, report.quarantined.len()),
        (19, 19, 0)
    );
    assert_eq!(c.projection_dump().unwrap(), expected);
    assert_eq!(event_set(&c), event_set(&a));
    assert!(
        c.outgoing(0, usize::MAX).unwrap().is_empty(),
        "C wrote nothing of its own"
    );

    for store in [&mut a, &mut b, &mut c] {
        assert_eq!(store.rebuild_projection().unwrap(), 2);
        assert_eq!(store.projection_dump().unwrap(), expected);
        assert_clean(store);
    }
}

#[test]
fn bad_events_are_quarantined_with_the_reason_and_the_rest_is_taken_in() {
    let clock = TestClock::at(noon());
    let (a_dir, b_dir, d_dir) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let (mut a, mut b, mut d) = (
        open(a_dir.path(), &clock),
        open(b_dir.path(), &clock),
        open(d_dir.path(), &clock),
    );
    introduce(&mut a, &b);
    introduce(&mut b, &a);
    let case = a.open_case(&inspector(), "NLRTM").unwrap().id;
    b.ingest(&wire(&a.outgoing(0, 10).unwrap())).unwrap();
    set(&mut b, case, None, Field::VesselName, "MSC ANNA");
    set(&mut b, case, None, Field::DeclaredDescription, "Tiles");

    // B's and A's data folders are copied; each copy then signs as the same device.
    drop((a, b));
    let (a2_dir, b2_dir) = (copy_dir(a_dir.path()), copy_dir(b_dir.path()));
    let (mut a, mut b) = (open(a_dir.path(), &clock), open(b_dir.path(), &clock));
    let (mut a2, mut b2) = (open(a2_dir.path(), &clock), open(b2_dir.path(), &clock));
    set(&mut b, case, None, Field::VesselName, "MSC ANNA II");
    set(&mut b2, case, None, Field::VesselName, "NOT THE SAME");
    set(&mut b2, case, None, Field::ContainerNumber, "CSQU3054383");
    set(&mut a2, case, None, Field::VesselName, "FROM THE COPY OF A");
    let b_events = b.outgoing(0, 10).unwrap();
    let b2_events = b2.outgoing(2, 10).unwrap();
    let a2_event = a2.outgoing(1, 10).unwrap().remove(0);
    let own = a.outgoing(0, 10).unwrap().remove(0);
    let d_case = d.open_case(&inspector(), "DEHAM").unwrap();
    let stranger = d.outgoing(0, 10).unwrap().remove(0);
    assert_eq!(d_case.id, stranger.body.case_id);

    let mut flipped = b_events[1].clone();
    let at = flipped
        .bytes
        .windows(5)
        .position(|w| w == b"Tiles")
        .unwrap();
    flipped.bytes[at] ^= 0x20; // "tiles": still a readable body, no longer what was signed
    let batch = vec![
        (b_events[0].bytes.clone(), b_events[0].signature),
        (flipped.bytes.clone(), flipped.signature),
        (stranger.bytes.clone(), stranger.signature),
        (b_events[1].bytes.clone(), b_events[1].signature),
        (b_events[2].bytes.clone(), b_events[2].signature),
        (b2_events[0].bytes.clone(), b2_events[0].signature),
        (b2_events[1].bytes.clone(), b2_events[1].signature),
        (b"{\"id\": 12".to_vec(), [7; 64]),
        (a2_event.bytes.clone(), a2_event.signature),
        (own.bytes.clone(), own.signature),
    ];
    let report = a.ingest(&batch).unwrap();
    assert_eq!((report.inserted, report.duplicates), (3, 1), "{report:?}");
    let expect = [
        (flipped.body.id.to_string(), "signature does not verify"),
        (stranger.body.id.to_string(), "unknown device"),
        (b2_events[0].body.id.to_string(), "fork: device"),
        (
            b2_events[1].body.id.to_string(),
            "fork: it does not follow the held sequence 3",
        ),
        ("?".to_string(), "body cannot be read"),
        (a2_event.body.id.to_string(), "signed as this device"),
    ];
    assert_eq!(report.quarantined.len(), expect.len(), "{report:?}");
    for ((id, reason), (want_id, want)) in report.quarantined.iter().zip(&expect) {
        assert_eq!(id, want_id);
        assert!(reason.contains(want), "{reason:?} should say {want:?}");
    }
    assert!(
        report.quarantined[2]
            .1
            .contains(&b_events[2].body.id.to_string()),
        "names the held event"
    );
    let (file, _) = a.case(case).unwrap();
    assert_eq!(file.value(Field::VesselName), Some("MSC ANNA II"));
    assert_eq!(file.value(Field::DeclaredDescription), Some("Tiles"));
    assert_eq!(file.value(Field::ContainerNumber), None);
    assert!(a
        .list_cases(&Default::default())
        .unwrap()
        .iter()
        .all(|c| c.id != d_case.id));
    assert_clean(&a);
    // Verification lists them as refused at sync, each with its reason, apart from the log.
    let refused = a.verify_log().unwrap().refused;
    assert_eq!(refused.len(), expect.len());
    assert!(refused.iter().any(|r| r.event_id.as_deref()
        == Some(&*b2_events[0].body.id.to_string())
        && r.reason_english.contains("fork")
        && r.reason.key == "refusal.fork"));

    // Kept, exactly as received, once: a retried delivery reports them again and stores nothing new.
    let quarantined = |store: &Store| -> Vec<(Vec<u8>, Vec<u8>, String)> {
        let conn = rusqlite::Connection::open(store.path()).unwrap();
        let mut stmt = conn
            .prepare("SELECT body, signature, reason FROM quarantine ORDER BY seq")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let held = quarantined(&a);
    assert_eq!(held.len(), 6);
    assert_eq!(
        (held[0].0.as_slice(), held[0].1.as_slice()),
        (flipped.bytes.as_slice(), flipped.signature.as_slice())
    );
    let dump = a.projection_dump().unwrap();
    let again = a.ingest(&batch).unwrap();
    assert_eq!(
        (again.inserted, again.duplicates, again.quarantined),
        (0, 4, report.quarantined)
    );
    assert_eq!(quarantined(&a), held);
    assert_eq!(a.projection_dump().unwrap(), dump);

    // A fork seen the other way round: the copy's later event arrives first, so the original's
    // event at the sequence before it is the one that does not chain.
    let c_dir = tempfile::tempdir().unwrap();
    let mut c = open(c_dir.path(), &clock);
    introduce(&mut c, &a);
    introduce(&mut c, &b);
    let mut first = wire(&a.outgoing(0, 10).unwrap());
    first.extend(wire(&b_events[..2]));
    first.extend(wire(&b2_events[1..]));
    assert_eq!(c.ingest(&first).unwrap().inserted, 4);
    let report = c
        .ingest(&wire(&[b_events[2].clone(), b2_events[0].clone()]))
        .unwrap();
    assert_eq!(report.inserted, 1);
    assert_eq!(report.quarantined.len(), 1);
    assert_eq!(report.quarantined[0].0, b_events[2].body.id.to_string());
    assert!(
        report.quarantined[0].1.contains("sequence 4 of device"),
        "{:?}",
        report.quarantined
    );
    assert_clean(&c);
}

#[test]
fn after_events_from_a_clock_far_ahead_local_events_order_after_them() {
    let (a_dir, b_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let clock_a = TestClock::at(noon());
    let clock_b = TestClock::at(noon() + Duration::days(30));
    let (mut a, mut b) = (open(a_dir.path(), &clock_a), open(b_dir.path(), &clock_b));
    introduce(&mut a, &b);
    introduce(&mut b, &a);
    let case = a.open_case(&inspector(), "NLRTM").unwrap().id;
    b.ingest(&wire(&a.outgoing(0, 10).unwrap())).unwrap();
    for i in 0..3 {
        set(
            &mut b,
            case,
            None,
            Field::VesselName,
            &format!("FROM B {i}"),
        );
    }
    let b_events = b.outgoing(0, 10).unwrap();
    let newest = b_events.iter().map(|e| e.body.hlc).max().unwrap();
    a.ingest(&wire(&b_events)).unwrap();
    assert_eq!(
        a.case(case).unwrap().0.value(Field::VesselName),
        Some("FROM B 2")
    );

    set(&mut a, case, None, Field::VesselName, "FROM A");
    let (_, hlc) = a.device_head().unwrap();
    assert!(hlc > newest, "{hlc:?} after {newest:?}");
    assert_eq!(
        a.case(case).unwrap().0.value(Field::VesselName),
        Some("FROM A")
    );

    // The merged clock is persisted: it holds across a restart too.
    drop(a);
    let mut a = open(a_dir.path(), &clock_a);
    set(&mut a, case, None, Field::DeclaredDescription, "Tiles");
    assert!(a.device_head().unwrap().1 > hlc);
    b.ingest(&wire(&a.outgoing(1, 10).unwrap())).unwrap();
    assert_eq!(a.projection_dump().unwrap(), b.projection_dump().unwrap());
    assert_eq!(
        b.case(case).unwrap().0.value(Field::VesselName),
        Some("FROM A")
    );
    assert_clean(&a);
    assert_clean(&b);
}

#[test]
fn device_keys_are_registered_once_and_never_replaced() {
    let clock = TestClock::at(noon());
    let (a_dir, b_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut a, b) = (open(a_dir.path(), &clock), open(b_dir.path(), &clock));
    let (b_id, b_key) = (b.device().id, b.device().key.verifying_key().to_bytes());
    let a_key = a.device().key.verifying_key().to_bytes();
    a.add_device_key(b_id, b_key).unwrap();
    a.add_device_key(b_id, b_key).unwrap();
    let own = a.device().id;
    a.add_device_key(own, a_key).unwrap();

    for (id, key) in [(b_id, a_key), (own, b_key)] {
        let err = a.add_device_key(id, key).unwrap_err();
        assert!(matches!(err, StoreError::Refused(_)), "{err}");
        assert!(
            err.to_string()
                .contains("already registered with another key"),
            "{err}"
        );
    }
    let conn = rusqlite::Connection::open(a.path()).unwrap();
    let short: String = conn
        .query_row(
            "SELECT short_id FROM devices WHERE id = ?1",
            [b_id.to_string()],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        short,
        b.device().short_id,
        "short id computed as for the local device"
    );
    let count: i64 = conn
        .query_row("SELECT count(*) FROM devices", [], |r| r.get(0))
        .unwrap();
    assert_eq!(count, 2);
}

/// Two devices edit the same field offline, one of them a party's name: both see the conflict with
/// the same winner; the personal conflict stays out of `cases.state`; an edit on either settles it.
#[test]
fn concurrent_edits_show_as_a_conflict_on_both_replicas_and_an_edit_settles_it() {
    let clock = TestClock::at(noon());
    let (da, db) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut a = open(da.path(), &clock);
    let mut b = open(db.path(), &clock);
    introduce(&mut a, &b);
    introduce(&mut b, &a);
    let case = a.open_case(&inspector(), "NLRTM").unwrap().id;
    let party = add(&mut a, case, Section::Parties);
    set(&mut a, case, None, Field::VesselName, "MSC ANNA");
    b.ingest(&wire(&a.export_events().unwrap())).unwrap();

    let a_sent = a.event_count().unwrap();
    let b_sent = b.outgoing(0, 1000).unwrap().len() as u64;
    clock.advance(Duration::seconds(5));
    set(&mut a, case, None, Field::VesselName, "MSC ANNA II");
    set(&mut a, case, Some(party), Field::PartyName, "Jan Jansen");
    clock.advance(Duration::seconds(5));
    set(&mut b, case, None, Field::VesselName, "MSC ANA");
    set(&mut b, case, Some(party), Field::PartyName, "Johan Janssen");

    let a_new: Vec<_> = a
        .export_events()
        .unwrap()
        .into_iter()
        .skip(a_sent as usize)
        .collect();
    b.ingest(&wire(&a_new)).unwrap();
    a.ingest(&wire(&b.outgoing(b_sent, 1000).unwrap())).unwrap();
    assert_eq!(a.projection_dump().unwrap(), b.projection_dump().unwrap());

    let (file, _) = a.case(case).unwrap();
    assert_eq!(
        file.value(Field::VesselName),
        Some("MSC ANA"),
        "B's edit is later"
    );
    let vessel = file.conflict(None, Field::VesselName).unwrap();
    assert_eq!(vessel.values.len(), 2);
    let name = file.conflict(Some(party), Field::PartyName).unwrap();
    let names: Vec<_> = name
        .values
        .iter()
        .map(|r| r.value.clone().unwrap())
        .collect();
    assert_eq!(names, ["Jan Jansen", "Johan Janssen"]);
    let state: String = raw(da.path())
        .query_row("SELECT state FROM cases", [], |r| r.get(0))
        .unwrap();
    assert!(
        !state.contains("Jan Jansen") && !state.contains("Johan"),
        "{state}"
    );
    assert!(
        state.contains("MSC ANNA II"),
        "non-personal conflicts stay in the state"
    );

    // A settles the vessel name, keeping its own value; once B has it, both agree.
    let before = a.export_events().unwrap().len();
    set(&mut a, case, None, Field::VesselName, "MSC ANNA II");
    let settle: Vec<_> = a
        .export_events()
        .unwrap()
        .into_iter()
        .skip(before)
        .collect();
    b.ingest(&wire(&settle)).unwrap();
    for store in [&a, &b] {
        let (file, _) = store.case(case).unwrap();
        assert!(file.conflict(None, Field::VesselName).is_none());
        assert!(file.conflict(Some(party), Field::PartyName).is_some());
        assert_eq!(file.value(Field::VesselName), Some("MSC ANNA II"));
    }
    assert_eq!(a.projection_dump().unwrap(), b.projection_dump().unwrap());
}

#[test]
fn a_change_reason_ends_with_a_review_step_made_on_another_device() {
    let clock = TestClock::at(noon());
    let (a_dir, b_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut a, mut b) = (open(a_dir.path(), &clock), open(b_dir.path(), &clock));
    introduce(&mut a, &b);
    introduce(&mut b, &a);
    let case = a.open_case(&inspector(), "NLRTM").unwrap().id;
    a.append(
        &inspector(),
        case,
        Payload::ReviewSubmitted {
            comment: None,
            acknowledged: vec![],
        },
    )
    .unwrap();
    a.set_change_reason(case, Some("seal re-read")).unwrap();
    set(&mut a, case, None, Field::VesselName, "MSC ANNA");
    b.ingest(&wire(&push_all(&a, 0))).unwrap();

    // The supervisor returns it on their device; once that arrives, the reason no longer holds.
    clock.advance(Duration::minutes(5));
    let supervisor = quayside_domain::event::Author {
        name: "Sam Supervisor".into(),
        role: quayside_domain::event::Role::Supervisor,
    };
    b.append(
        &supervisor,
        case,
        Payload::ReviewReturned {
            comment: "add the IMO".into(),
            sections: vec![],
        },
    )
    .unwrap();
    a.ingest(&wire(&push_all(&b, 0))).unwrap();
    assert_eq!(a.change_reason(case).unwrap(), None);
    a.append(
        &inspector(),
        case,
        Payload::ReviewSubmitted {
            comment: None,
            acknowledged: vec![],
        },
    )
    .unwrap();
    let err = a
        .append_field_edit(&inspector(), case, None, Field::Voyage, Some("1W".into()))
        .unwrap_err();
    assert!(matches!(err, StoreError::ReasonRequired(_)), "{err:?}");
}

#[test]
fn a_large_batch_checked_on_every_core_keeps_its_order_and_its_verdicts() {
    let clock = TestClock::at(noon());
    let dirs: Vec<TempDir> = (0..4).map(|_| tempfile::tempdir().unwrap()).collect();
    let mut a = open(dirs[0].path(), &clock);
    let (mut b, mut c) = (open(dirs[1].path(), &clock), open(dirs[2].path(), &clock));
    let mut stranger = open(dirs[3].path(), &clock);
    introduce(&mut a, &b);
    introduce(&mut a, &c);
    for _ in 0..150 {
        b.open_case(&inspector(), "NLRTM").unwrap();
        c.open_case(&inspector(), "DEHAM").unwrap();
    }
    stranger.open_case(&inspector(), "BEANR").unwrap();
    // Two devices' events interleaved, with a stranger's event and an unreadable body among them.
    let (b_events, c_events) = (b.outgoing(0, 150).unwrap(), c.outgoing(0, 150).unwrap());
    let mut events: Vec<SignedEvent> = Vec::new();
    for (x, y) in b_events.iter().zip(&c_events) {
        events.push(x.clone());
        events.push(y.clone());
    }
    events.insert(200, stranger.outgoing(0, 1).unwrap().remove(0));
    let mut batch = wire(&events);
    batch.insert(100, (b"{\"id\": 1".to_vec(), [3; 64]));
    // Signatures altered across the batch, so every thread of the check meets one.
    let altered = [7, 160, 301];
    for &i in &altered {
        batch[i].1[10] ^= 1;
    }
    let id_at = |i: usize| -> String {
        let body: serde_json::Value = serde_json::from_slice(&batch[i].0).unwrap();
        body["id"].as_str().unwrap().to_string()
    };
    let expected: Vec<(String, &str)> = vec![
        (id_at(7), "signature does not verify"),
        ("?".to_string(), "body cannot be read"),
        (id_at(160), "signature does not verify"),
        (id_at(201), "unknown device"),
        (id_at(301), "signature does not verify"),
    ];
    assert_eq!(batch.len(), 302);
    let report = a.ingest(&batch).unwrap();
    assert_eq!(report.inserted, 297, "{report:?}");
    assert_eq!(report.quarantined.len(), expected.len(), "{report:?}");
    for ((id, reason), (want_id, want)) in report.quarantined.iter().zip(&expected) {
        assert_eq!(id, want_id, "in batch order");
        assert!(reason.contains(want), "{reason:?} should say {want:?}");
    }
    assert_eq!(a.count_cases(&Default::default()).unwrap(), 297);
    assert_eq!(
        a.ingest(&batch).unwrap().duplicates,
        297,
        "a second pass holds them all"
    );
}

#[test]
fn an_entry_restored_on_two_devices_at_once_is_restored_once_and_both_agree() {
    let (a_dir, b_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (clock_a, clock_b) = (
        TestClock::at(noon()),
        TestClock::at(noon() + Duration::milliseconds(500)),
    );
    let (mut a, mut b) = (open(a_dir.path(), &clock_a), open(b_dir.path(), &clock_b));
    introduce(&mut a, &b);
    introduce(&mut b, &a);
    let case = a.open_case(&inspector(), "NLRTM").unwrap().id;
    let seal = add(&mut a, case, Section::Seals);
    set(&mut a, case, Some(seal), Field::SealNumber, "S100");
    a.append(
        &inspector(),
        case,
        Payload::ItemWithdrawn {
            section: Section::Seals,
            item: seal,
            reason: "entered twice".into(),
        },
    )
    .unwrap();
    b.ingest(&wire(&a.outgoing(0, 100).unwrap())).unwrap();
    let a_sent = a.device_head().unwrap().0;

    // Offline, both take the withdrawal back.
    let restore = Payload::ItemRestored {
        section: Section::Seals,
        item: seal,
    };
    clock_a.advance(Duration::seconds(1));
    a.append(&inspector(), case, restore.clone()).unwrap();
    clock_b.advance(Duration::seconds(1));
    b.append(&inspector(), case, restore).unwrap();

    let to_a = a.ingest(&wire(&push_all(&b, 0))).unwrap();
    let to_b = b.ingest(&wire(&push_all(&a, a_sent))).unwrap();
    assert!(to_a.quarantined.is_empty() && to_b.quarantined.is_empty());
    assert_eq!(a.projection_dump().unwrap(), b.projection_dump().unwrap());
    let (folded, _) = a.case(case).unwrap();
    let live: Vec<_> = folded.live_items(Section::Seals).collect();
    assert_eq!(live.len(), 1, "restored, once");
    assert_eq!(live[0].value(Field::SealNumber), Some("S100"));
    // The later restore found nothing withdrawn: kept and shown, not folded.
    let refused: Vec<_> = (a.timeline(case).unwrap().into_iter())
        .filter_map(|e| e.refused.map(|r| (e.kind, r)))
        .collect();
    assert_eq!(refused.len(), 1, "{refused:?}");
    assert_eq!(refused[0].0, "item_restored");
    assert!(refused[0].1.contains("not withdrawn"), "{}", refused[0].1);
    assert_clean(&a);
    assert_clean(&b);
}
