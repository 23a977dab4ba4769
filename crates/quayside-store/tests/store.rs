//! Store tests on real SQLite files in temporary directories.

mod common;

use chrono::{Duration, Utc};
use quayside_domain::event::{CaseStatus, Payload};
use quayside_domain::fields::{Field, Section};
use quayside_domain::flags::FlagCode;
use quayside_store::{CaseFilter, CaseSort, Store, StoreError};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use uuid::Uuid;

use common::*;

fn raw(dir: &std::path::Path) -> rusqlite::Connection {
    rusqlite::Connection::open(dir.join(quayside_store::DATABASE_FILE)).unwrap()
}

#[test]
fn the_event_log_refuses_updates_and_deletes() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    store.open_case(&inspector(), "NLRTM").unwrap();
    let conn = raw(dir.path());
    let update = conn
        .execute("UPDATE events SET kind = 'x'", [])
        .unwrap_err();
    assert!(update.to_string().contains("append-only"), "{update}");
    let delete = conn.execute("DELETE FROM events", []).unwrap_err();
    assert!(delete.to_string().contains("append-only"), "{delete}");
    assert_eq!(store.event_count().unwrap(), 1);
}

#[test]
fn case_numbers_are_sequential_per_port_and_name_the_device() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let short = store.device().short_id.clone();
    let a = store.open_case(&inspector(), "NLRTM").unwrap();
    let b = store.open_case(&inspector(), "NLRTM").unwrap();
    let c = store.open_case(&inspector(), "THLCH").unwrap();
    let year = Utc::now().format("%Y");
    assert_eq!(a.case_number, format!("NLRTM-{year}-{short}-0001"));
    assert_eq!(b.case_number, format!("NLRTM-{year}-{short}-0002"));
    assert_eq!(c.case_number, format!("THLCH-{year}-{short}-0001"));
    drop(store);
    let mut store = Store::open(dir.path()).unwrap();
    let d = store.open_case(&inspector(), "NLRTM").unwrap();
    assert_eq!(
        d.case_number,
        format!("NLRTM-{year}-{short}-0003"),
        "counter survives a reopen"
    );
}

#[test]
fn clock_and_device_sequence_never_go_back_across_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let clock = TestClock::at(noon());
    let mut store = Store::open_with_clock(dir.path(), Box::new(clock.clone())).unwrap();
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    for i in 0..5 {
        set(&mut store, case, None, Field::VesselName, &format!("V{i}"));
    }
    let (seq_before, hlc_before) = store.device_head().unwrap();
    assert_eq!(seq_before, 6);
    drop(store);

    // The machine restarts with its clock set back by a day.
    clock.set(noon() - Duration::days(1));
    let mut store = Store::open_with_clock(dir.path(), Box::new(clock.clone())).unwrap();
    set(&mut store, case, None, Field::VesselName, "after restart");
    let (seq_after, hlc_after) = store.device_head().unwrap();
    assert_eq!(seq_after, seq_before + 1, "dense sequence");
    assert!(
        hlc_after > hlc_before,
        "HLC moved forward although the wall clock went back"
    );

    // Stored order follows the HLC, so the edit made after the restart is the last one folded.
    let (case_file, _) = store.case(case).unwrap();
    assert_eq!(case_file.value(Field::VesselName), Some("after restart"));
    let report = store.verify_log().unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
}

#[test]
fn a_refused_write_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    let before = (
        store.event_count().unwrap(),
        store.device_head().unwrap(),
        store.projection_dump().unwrap(),
    );

    // A field of a list section written to an item that does not exist: the fold refuses it
    // after the event row was inserted, inside the same transaction.
    let err = store
        .append(
            &inspector(),
            case,
            Payload::FieldSet {
                item: Some(Uuid::now_v7()),
                field: Field::SealNumber,
                value: Some("X".into()),
            },
        )
        .unwrap_err();
    assert!(matches!(err, StoreError::Refused(_)), "{err:?}");
    let err = store
        .append(
            &inspector(),
            Uuid::now_v7(),
            Payload::StatusSet {
                status: CaseStatus::Closed,
                reason: None,
            },
        )
        .unwrap_err();
    assert!(matches!(err, StoreError::CaseNotFound(_)), "{err:?}");

    let after = (
        store.event_count().unwrap(),
        store.device_head().unwrap(),
        store.projection_dump().unwrap(),
    );
    assert_eq!(before, after);
    // The next good write takes the next sequence number: no hole where the refused one was.
    set(&mut store, case, None, Field::VesselName, "OK");
    assert_eq!(store.device_head().unwrap().0, before.1 .0 + 1);
    assert!(store.verify_log().unwrap().problems.is_empty());
}

#[test]
fn a_field_edit_depends_on_the_event_it_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    set(&mut store, case, None, Field::VesselName, "A");
    let first = store
        .case(case)
        .unwrap()
        .0
        .field_event(None, Field::VesselName)
        .unwrap();
    set(&mut store, case, None, Field::Voyage, "001W");
    let head = store.case(case).unwrap().0.head;
    set(&mut store, case, None, Field::VesselName, "B");
    let events = store.case_events(case).unwrap();
    let last: quayside_domain::event::EventBody =
        serde_json::from_slice(&events.last().unwrap().bytes).unwrap();
    assert_eq!(last.deps, vec![head, first]);
}

/// Random but reproducible cases: items added and withdrawn, fields set and cleared, status moves.
fn generate(store: &mut Store, rng: &mut StdRng, cases: usize) {
    let ports = ["NLRTM", "THLCH", "MXZLO", "DEHAM"];
    let hs = ["2805.30", "3810.10", "8101.94", "6907.21", "8543.70"];
    for _ in 0..cases {
        let case = store
            .open_case(&inspector(), ports[rng.random_range(0..ports.len())])
            .unwrap()
            .id;
        let mut items: Vec<(Section, Uuid)> = Vec::new();
        for _ in 0..rng.random_range(5..40) {
            match rng.random_range(0..11) {
                0..=2 => {
                    let section = [
                        Section::GoodsFound,
                        Section::DeclaredLines,
                        Section::Route,
                        Section::Seals,
                        Section::Parties,
                    ][rng.random_range(0..5)];
                    items.push((section, add(store, case, section)));
                }
                3..=5 if !items.is_empty() => {
                    let (section, item) = items[rng.random_range(0..items.len())];
                    let (field, value) = match section {
                        Section::GoodsFound if rng.random_bool(0.5) => (
                            Field::GoodsHsCode,
                            hs[rng.random_range(0..hs.len())].to_string(),
                        ),
                        Section::GoodsFound => (
                            Field::GoodsWeight,
                            format!("{} kg", rng.random_range(1..2000)),
                        ),
                        Section::DeclaredLines => (
                            Field::LineWeight,
                            format!("{} kg", rng.random_range(1..2000)),
                        ),
                        Section::Route => (
                            Field::LegLocode,
                            ports[rng.random_range(0..ports.len())].to_string(),
                        ),
                        Section::Parties => (
                            Field::PartyName,
                            format!("Person {}", rng.random_range(0..999)),
                        ),
                        _ => (
                            Field::SealNumber,
                            format!("S{}", rng.random_range(0..99999)),
                        ),
                    };
                    set(store, case, Some(item), field, &value);
                }
                6 if !items.is_empty() => {
                    let (section, item) = items[rng.random_range(0..items.len())];
                    let _ = store.append(
                        &inspector(),
                        case,
                        Payload::ItemWithdrawn {
                            section,
                            item,
                            reason: "entered by mistake".into(),
                        },
                    );
                }
                10 if items.len() >= 2 => {
                    let (section, item) = items[rng.random_range(0..items.len())];
                    let after = items
                        .iter()
                        .filter(|(s, i)| *s == section && *i != item)
                        .map(|(_, i)| *i)
                        .next();
                    let _ = store.append(
                        &inspector(),
                        case,
                        Payload::ItemMoved {
                            section,
                            item,
                            after,
                        },
                    );
                }
                7 => set(
                    store,
                    case,
                    None,
                    Field::DeclaredOrigin,
                    ["TH", "MX", "CN"][rng.random_range(0..3)],
                ),
                8 => {
                    store
                        .append(
                            &inspector(),
                            case,
                            Payload::FieldSet {
                                item: None,
                                field: Field::DeclaredHsCode,
                                value: None,
                            },
                        )
                        .unwrap();
                }
                _ => set(
                    store,
                    case,
                    None,
                    Field::DeclaredHsCode,
                    hs[rng.random_range(0..hs.len())],
                ),
            }
        }
        if rng.random_bool(0.3) {
            store
                .append(
                    &inspector(),
                    case,
                    Payload::StatusSet {
                        status: CaseStatus::Closed,
                        reason: None,
                    },
                )
                .unwrap();
        }
    }
}

#[test]
fn rebuilding_the_projection_from_the_log_gives_exactly_the_stored_one() {
    for seed in [1u64, 2, 3] {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        generate(&mut store, &mut StdRng::seed_from_u64(seed), 25);
        let live = store.projection_dump().unwrap();
        assert!(
            live.len() > 25 * 5,
            "generated enough rows ({})",
            live.len()
        );
        assert_eq!(store.rebuild_projection().unwrap(), 25);
        let rebuilt = store.projection_dump().unwrap();
        assert_eq!(live, rebuilt, "seed {seed}");
        // Some generated cases raise flags, so flags are part of what was compared.
        let flagged = store
            .list_cases(&CaseFilter {
                flagged_only: true,
                ..Default::default()
            })
            .unwrap();
        assert!(!flagged.is_empty(), "seed {seed} raised no flag at all");
    }
}

#[test]
fn the_list_filters_by_status_and_sorts() {
    let dir = tempfile::tempdir().unwrap();
    let clock = TestClock::at(noon());
    let mut store = Store::open_with_clock(dir.path(), Box::new(clock.clone())).unwrap();
    let a = store.open_case(&inspector(), "THLCH").unwrap().id;
    clock.advance(Duration::minutes(1));
    let b = store.open_case(&inspector(), "NLRTM").unwrap().id;
    clock.advance(Duration::minutes(1));
    set(&mut store, a, None, Field::DeclaredHsCode, "3810.10");
    let goods = add(&mut store, a, Section::GoodsFound);
    set(&mut store, a, Some(goods), Field::GoodsHsCode, "2805.30");
    clock.advance(Duration::minutes(1));
    store
        .append(
            &inspector(),
            b,
            Payload::StatusSet {
                status: CaseStatus::Closed,
                reason: None,
            },
        )
        .unwrap();

    let all = store.list_cases(&CaseFilter::default()).unwrap();
    assert_eq!(
        all.iter().map(|c| c.id).collect::<Vec<_>>(),
        vec![a, b],
        "oldest update first"
    );
    let by_port = store
        .list_cases(&CaseFilter {
            sort: CaseSort::Port,
            descending: true,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(by_port[0].port, "THLCH");
    let closed = store
        .list_cases(&CaseFilter {
            status: Some(CaseStatus::Closed),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(closed.iter().map(|c| c.id).collect::<Vec<_>>(), vec![b]);
    let flagged = store
        .list_cases(&CaseFilter {
            flagged_only: true,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(flagged.len(), 1);
    assert!(flagged[0].flags.contains(&FlagCode::ControlledUndeclared));
    assert!(flagged[0].flags.contains(&FlagCode::HsHeadingMismatch));
}

#[test]
fn verification_names_a_flipped_byte_and_a_missing_event() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    for v in ["A", "B", "C"] {
        set(&mut store, case, None, Field::VesselName, v);
    }
    let clean = store.verify_log().unwrap();
    assert_eq!(
        (clean.events, clean.devices, clean.problems.len()),
        (4, 1, 0)
    );

    // Someone with the file and sqlite3 drops the guard and edits the bytes of event 2.
    let conn = raw(dir.path());
    conn.execute_batch(
        "DROP TRIGGER events_are_never_updated; DROP TRIGGER events_are_never_deleted;",
    )
    .unwrap();
    let target: String = conn
        .query_row("SELECT id FROM events WHERE device_seq = 2", [], |r| {
            r.get(0)
        })
        .unwrap();
    conn.execute(
        "UPDATE events SET body = CAST(replace(CAST(body AS TEXT), '\"A\"', '\"X\"') AS BLOB) WHERE id = ?1",
        [&target],
    )
    .unwrap();
    let report = store.verify_log().unwrap();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.event_id == target && p.what.contains("signature")),
        "{report:?}"
    );

    // And deletes event 3: the chain has a gap at 3.
    conn.execute("DELETE FROM events WHERE device_seq = 3", [])
        .unwrap();
    let report = store.verify_log().unwrap();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.device_seq == 4 && p.what.contains("number 3 is missing")),
        "{report:?}"
    );
}

#[test]
fn verification_names_events_signed_after_the_device_was_revoked() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    for v in ["A", "B"] {
        set(&mut store, case, None, Field::VesselName, v);
    }
    // The server revoked this device when it held its first two events (a lost laptop that
    // was found again, say): the third is not evidence, the first two stay valid.
    let device = store.device().id;
    store
        .add_revocation(device, 2, "2026-12-01T09:00:00Z", None)
        .unwrap();
    let report = store.verify_log().unwrap();
    assert_eq!(report.problems.len(), 1, "{report:?}");
    let p = &report.problems[0];
    assert_eq!(p.device_seq, 3);
    assert!(
        p.what.contains("revoked on 2026-12-01T09:00:00Z") && p.what.contains("up to number 2"),
        "{p:?}"
    );
}

#[test]
fn a_file_that_is_not_a_database_is_refused_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join(quayside_store::DATABASE_FILE),
        b"this is not sqlite, just text",
    )
    .unwrap();
    let err = Store::open(dir.path()).err().expect("garbage is refused");
    let text = err.to_string();
    assert!(matches!(err, StoreError::Unavailable { .. }), "{err:?}");
    assert!(
        text.contains(quayside_store::DATABASE_FILE) && text.contains("not a case database"),
        "{text}"
    );
}

#[test]
fn a_locked_database_reports_busy_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    let other = raw(dir.path());
    other.execute_batch("BEGIN EXCLUSIVE;").unwrap();
    let err = store
        .append(
            &inspector(),
            case,
            Payload::FieldSet {
                item: None,
                field: Field::Voyage,
                value: Some("1".into()),
            },
        )
        .unwrap_err();
    assert!(matches!(err, StoreError::Busy), "{err:?}");
    other.execute_batch("ROLLBACK;").unwrap();
    assert_eq!(store.event_count().unwrap(), 1);
    set(&mut store, case, None, Field::Voyage, "1");
    assert_eq!(store.event_count().unwrap(), 2);
}

#[test]
fn the_device_key_is_private_and_its_loss_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let key_path = dir.path().join(quayside_store::DEVICE_KEY_FILE);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key_path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let id = store.device().id;
    drop(store);
    assert_eq!(
        Store::open(dir.path()).unwrap().device().id,
        id,
        "same device after reopen"
    );
    std::fs::remove_file(&key_path).unwrap();
    let err = Store::open(dir.path()).err().unwrap();
    assert!(matches!(err, StoreError::DeviceKey { .. }), "{err:?}");
    assert!(err.to_string().contains("restore"), "{err}");
}

#[test]
fn drafts_survive_a_reopen_until_discarded() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    store
        .save_draft(case, None, Field::ContainerNumber, "CSQU305438")
        .unwrap();
    store
        .save_draft(case, None, Field::ContainerNumber, "CSQU3054384")
        .unwrap();
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let drafts = store.drafts(case).unwrap();
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].text, "CSQU3054384");
    store
        .discard_draft(case, None, Field::ContainerNumber)
        .unwrap();
    assert!(store.drafts(case).unwrap().is_empty());
    assert!(matches!(
        store.save_draft(Uuid::now_v7(), None, Field::Voyage, "x"),
        Err(StoreError::CaseNotFound(_))
    ));
}

#[test]
fn verification_names_row_columns_edited_behind_the_signature() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    set(&mut store, case, None, Field::VesselName, "A");
    set(&mut store, case, None, Field::VesselName, "B");
    let conn = raw(dir.path());
    conn.execute_batch("DROP TRIGGER events_are_never_updated;")
        .unwrap();
    // Reordering by editing the unsigned clock column would change which value wins.
    conn.execute(
        "UPDATE events SET hlc = hlc + 1000000000 WHERE device_seq = 2",
        [],
    )
    .unwrap();
    let report = store.verify_log().unwrap();
    assert_eq!(report.problems.len(), 1, "{report:?}");
    assert_eq!(report.problems[0].device_seq, 2);
    assert!(report.problems[0].what.contains("clock"), "{report:?}");
}

#[test]
fn an_unreadable_event_is_shown_in_the_timeline_and_does_not_stop_a_rebuild() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    set(&mut store, case, None, Field::VesselName, "A");
    let other = store.open_case(&inspector(), "THLCH").unwrap().id;
    raw(dir.path())
        .execute(
            "INSERT INTO events (id, case_id, device_id, device_seq, hlc, kind, body, signature, hash, received_at)
             VALUES (?1, ?2, ?3, 1, 1, 'field_set', x'7b7b7b', zeroblob(64), '', '2026-11-28T12:00:00Z')",
            [Uuid::now_v7().to_string(), case.to_string(), Uuid::new_v4().to_string()],
        )
        .unwrap();
    assert_eq!(store.rebuild_projection().unwrap(), 2);
    let timeline = store.timeline(case).unwrap();
    let bad = timeline
        .iter()
        .find(|e| e.kind == "undecodable")
        .expect("shown, not dropped");
    assert!(bad.refused.as_deref().unwrap().contains("cannot be read"));
    assert_eq!(
        store.case(case).unwrap().0.value(Field::VesselName),
        Some("A")
    );
    assert!(store.case(other).is_ok());
}

#[test]
fn a_key_without_its_database_is_set_aside_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let old_key = std::fs::read(dir.path().join(quayside_store::DEVICE_KEY_FILE)).unwrap();
    drop(store);
    std::fs::remove_file(dir.path().join(quayside_store::DATABASE_FILE)).unwrap();
    let store = Store::open(dir.path()).unwrap();
    let new_key = std::fs::read(dir.path().join(quayside_store::DEVICE_KEY_FILE)).unwrap();
    assert_ne!(old_key, new_key, "a new device gets a new key");
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with("device.key.orphaned-"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(std::fs::read(dir.path().join(&kept[0])).unwrap(), old_key);
    drop(store);
}

#[test]
fn personal_data_of_parties_is_kept_out_of_the_case_state() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    let party = add(&mut store, case, Section::Parties);
    set(&mut store, case, Some(party), Field::PartyRole, "consignee");
    set(
        &mut store,
        case,
        Some(party),
        Field::PartyName,
        "Jan Jansen",
    );
    set(
        &mut store,
        case,
        Some(party),
        Field::PartyIdentifier,
        "NL-ID-123456",
    );

    let state: String = raw(dir.path())
        .query_row(
            "SELECT state FROM cases WHERE id = ?1",
            [case.to_string()],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        !state.contains("Jan Jansen") && !state.contains("NL-ID-123456"),
        "{state}"
    );
    assert!(state.contains("consignee"), "the role is not personal");

    let (file, _) = store.case(case).unwrap();
    let item = file.items.iter().find(|i| i.id == party).unwrap();
    assert_eq!(
        item.value(Field::PartyName),
        Some("Jan Jansen"),
        "the app still sees it"
    );

    // Editing another field keeps the personal values (the write path reads them back in).
    set(&mut store, case, Some(party), Field::PartyCountry, "NL");
    let (file, _) = store.case(case).unwrap();
    assert_eq!(
        file.items[0].value(Field::PartyIdentifier),
        Some("NL-ID-123456")
    );
    let before = store.projection_dump().unwrap();
    store.rebuild_projection().unwrap();
    assert_eq!(before, store.projection_dump().unwrap());
}

#[test]
fn photo_references_are_projected_and_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    let sha = "0f".repeat(32);
    store
        .append(
            &inspector(),
            case,
            Payload::PhotoAttached {
                sha256: sha.clone(),
                size: 2048,
                media_type: "image/jpeg".into(),
                file_name: "seal.jpg".into(),
                caption: Some("Seal, broken".into()),
                exif: Default::default(),
            },
        )
        .unwrap();
    store
        .append(
            &inspector(),
            case,
            Payload::PhotoExcluded {
                sha256: sha.clone(),
                reason: "blurred".into(),
            },
        )
        .unwrap();
    let refs = store.photo_refs().unwrap();
    assert_eq!(refs.len(), 1, "excluded photos are still referenced");
    assert_eq!(
        (
            refs[0].sha256.as_str(),
            refs[0].size,
            refs[0].file_name.as_str()
        ),
        (sha.as_str(), 2048, "seal.jpg")
    );
    let before = store.projection_dump().unwrap();
    store.rebuild_projection().unwrap();
    assert_eq!(before, store.projection_dump().unwrap());
}

#[test]
fn an_older_database_is_migrated_and_its_projection_rebuilt_from_the_log() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    let party = add(&mut store, case, Section::Parties);
    set(
        &mut store,
        case,
        Some(party),
        Field::PartyName,
        "Jan Jansen",
    );
    let expected = store.projection_dump().unwrap();
    drop(store);

    // Make the file look like schema 1: the later tables do not exist yet.
    raw(dir.path())
        .execute_batch(
            "DROP TABLE case_personal; DROP TABLE case_photos; DROP TABLE quarantine;
             DROP TABLE case_personal_conflicts; DROP TABLE sync_refused; DROP TABLE photo_uploads;
             DROP TABLE case_search;
             DROP TABLE case_facets; DROP INDEX cases_by_updated; DROP INDEX cases_by_opened;
             DROP INDEX cases_by_number; DROP INDEX cases_by_port; DROP INDEX cases_by_port_number;
             DROP INDEX cases_by_status_sorted; DROP INDEX cases_by_flags;
             DROP INDEX cases_by_container; DROP INDEX cases_by_outcome; DROP INDEX cases_by_seized;
             DROP INDEX cases_for_statistics; ALTER TABLE cases DROP COLUMN outcome;
             ALTER TABLE cases DROP COLUMN seized_kg; ALTER TABLE cases DROP COLUMN route_origin;
             ALTER TABLE cases DROP COLUMN route_transshipment;
             ALTER TABLE cases DROP COLUMN route_destination;
             DROP INDEX cases_review_queue; DROP TABLE change_reasons;
             ALTER TABLE cases DROP COLUMN review_state; ALTER TABLE cases DROP COLUMN review_queued_at;
             ALTER TABLE cases DROP COLUMN submitted_by;
             DROP TABLE event_proofs; DROP TABLE revocations; DROP TABLE log_alerts;
             DROP TABLE server_statements; DROP TABLE enrollments;
             PRAGMA user_version = 1;",
        )
        .unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.projection_dump().unwrap(), expected);
    let (file, _) = store.case(case).unwrap();
    assert_eq!(file.items[0].value(Field::PartyName), Some("Jan Jansen"));
}

#[test]
fn a_timeline_stored_with_english_labels_is_rebuilt_with_keyed_ones() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    set(&mut store, case, None, Field::VesselName, "MSC ANNA");
    let expected = store.timeline(case).unwrap();
    drop(store);
    // Schema 9 kept each change's label as English text.
    raw(dir.path())
        .execute_batch(
            r#"UPDATE timeline SET changes = '[{"label":"Vessel name","from":null,"to":"MSC ANNA"}]';
               PRAGMA user_version = 9;"#,
        )
        .unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.timeline(case).unwrap(), expected);
}

#[test]
fn a_database_from_a_newer_version_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    raw(dir.path())
        .execute_batch("PRAGMA user_version = 99;")
        .unwrap();
    let err = Store::open(dir.path()).err().unwrap();
    assert!(err.to_string().contains("newer Quayside"), "{err}");
}

#[test]
fn a_reader_checks_a_copy_without_its_key_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    set(&mut store, case, None, Field::VesselName, "A");
    drop(store);
    // A copy handed to someone else: database only, no device key.
    let copy = tempfile::tempdir().unwrap();
    std::fs::copy(
        dir.path().join(quayside_store::DATABASE_FILE),
        copy.path().join(quayside_store::DATABASE_FILE),
    )
    .unwrap();
    let before: Vec<_> = std::fs::read_dir(copy.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    let reader = quayside_store::StoreReader::open(copy.path()).unwrap();
    let report = reader.verify_log().unwrap();
    assert_eq!((report.events, report.problems.len()), (2, 0));
    drop(reader);
    let after: Vec<_> = std::fs::read_dir(copy.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(before, after, "no key, journal or other file was made");

    let empty = tempfile::tempdir().unwrap();
    let err = quayside_store::StoreReader::open(empty.path())
        .err()
        .unwrap();
    assert!(err.to_string().contains("no case database"), "{err}");
}

#[test]
fn search_finds_a_case_by_any_of_its_words_and_no_typed_text_breaks_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let wanted = store.open_case(&inspector(), "NLRTM").unwrap().id;
    set(
        &mut store,
        wanted,
        None,
        Field::ContainerNumber,
        "CSQU3054383",
    );
    set(
        &mut store,
        wanted,
        None,
        Field::DeclaredDescription,
        "Solder paste in tins",
    );
    let seal = add(&mut store, wanted, Section::Seals);
    set(
        &mut store,
        wanted,
        Some(seal),
        Field::SealNumber,
        "ML-778812",
    );
    let party = add(&mut store, wanted, Section::Parties);
    set(
        &mut store,
        wanted,
        Some(party),
        Field::PartyName,
        "Jürgen Müller",
    );
    let other = store.open_case(&inspector(), "NLRTM").unwrap().id;
    set(
        &mut store,
        other,
        None,
        Field::DeclaredDescription,
        "Ceramic tiles",
    );

    let find = |store: &Store, text: &str| -> Vec<Uuid> {
        let filter = CaseFilter {
            search: Some(text.into()),
            ..Default::default()
        };
        store
            .list_cases(&filter)
            .unwrap_or_else(|e| panic!("{text:?}: {e}"))
            .into_iter()
            .map(|c| c.id)
            .collect()
    };
    for text in [
        "ML-778812",
        "778812",
        "ml 7788",
        "csqu305",
        "solder TINS",
        "jurgen",
        "Müller",
    ] {
        assert_eq!(find(&store, text), [wanted], "{text:?}");
    }
    assert_eq!(find(&store, "ceramic"), [other]);
    assert!(
        find(&store, "solder ceramic").is_empty(),
        "every word must match"
    );
    let mut both = find(&store, "");
    both.sort();
    let mut all = vec![wanted, other];
    all.sort();
    assert_eq!(both, all, "no search text: every case");
    // FTS5 syntax typed by a person is only text: never an error, never an operator.
    for hostile in [
        "\"",
        "'",
        "\"CSQU",
        "CSQU\"",
        "AND",
        "OR",
        "NOT solder",
        "solder OR ceramic",
        "NEAR(solder tins)",
        "*",
        "solder*",
        "-solder",
        "^solder",
        "body:solder",
        "(",
        ")",
        "{",
        "[]",
        ";--",
        "\u{0}",
        "💥",
    ] {
        let found = find(&store, hostile);
        let words: Vec<&str> = hostile
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            assert!(found.is_empty(), "{hostile:?} names no word: {found:?}");
        }
    }
    assert_eq!(find(&store, "\"CSQU"), [wanted]);
    assert!(
        find(&store, "solder OR ceramic").is_empty(),
        "OR is a word here, not an operator"
    );
    assert_eq!(
        find(&store, "NEAR(solder tins)").len(),
        0,
        "NEAR is a word too"
    );

    // A withdrawn seal is still findable; the index follows edits and rebuilds identically.
    set(
        &mut store,
        other,
        None,
        Field::DeclaredDescription,
        "Ceramic tiles with solder",
    );
    assert_eq!(find(&store, "solder").len(), 2);
    let before = store.projection_dump().unwrap();
    store.rebuild_projection().unwrap();
    assert_eq!(before, store.projection_dump().unwrap());
}

fn supervisor(name: &str) -> quayside_domain::event::Author {
    quayside_domain::event::Author {
        name: name.into(),
        role: quayside_domain::event::Role::Supervisor,
    }
}

fn approve(store: &mut Store, case: Uuid, by: &str) {
    let covers = store
        .case_events(case)
        .unwrap()
        .iter()
        .map(|e| e.id.parse().unwrap())
        .collect();
    store
        .append(
            &supervisor(by),
            case,
            Payload::ReviewApproved {
                covers,
                comment: None,
            },
        )
        .unwrap();
}

#[test]
fn a_submitted_case_is_changed_only_with_a_reason_which_each_event_carries() {
    use quayside_domain::review::ReviewState;
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    set(&mut store, case, None, Field::VesselName, "MSC ANNA");
    store
        .append(
            &inspector(),
            case,
            Payload::ReviewSubmitted { comment: None },
        )
        .unwrap();

    let before = store.event_count().unwrap();
    let err = store
        .append_field_edit(&inspector(), case, None, Field::Voyage, Some("1W".into()))
        .unwrap_err();
    assert!(
        matches!(err, StoreError::ReasonRequired(ReviewState::Submitted)),
        "{err:?}"
    );
    assert!(err.to_string().contains("say why"), "{err}");
    assert_eq!(store.event_count().unwrap(), before, "nothing written");

    store
        .set_change_reason(case, Some("voyage read from the manifest"))
        .unwrap();
    set(&mut store, case, None, Field::Voyage, "1W");
    let timeline = store.timeline(case).unwrap();
    let last = timeline.last().unwrap();
    assert!(
        last.changes
            .iter()
            .any(|c| c.english_label() == "Reason for the change"
                && c.to.as_deref() == Some("voyage read from the manifest")),
        "{last:?}"
    );
    let events = store.case_events(case).unwrap();
    let body: quayside_domain::event::EventBody =
        serde_json::from_slice(&events.last().unwrap().bytes).unwrap();
    assert_eq!(
        body.reason.as_deref(),
        Some("voyage read from the manifest"),
        "signed in the event"
    );

    // A decision ends the reason: the approved case asks again, and a change reopens review.
    approve(&mut store, case, "Sam Supervisor");
    assert_eq!(store.change_reason(case).unwrap(), None);
    let err = store
        .append_field_edit(&inspector(), case, None, Field::Voyage, Some("2W".into()))
        .unwrap_err();
    assert!(err.to_string().contains("approved"), "{err}");
    store
        .set_change_reason(case, Some("second voyage"))
        .unwrap();
    set(&mut store, case, None, Field::Voyage, "2W");
    let (file, _) = store.case(case).unwrap();
    assert_eq!(file.review.state, ReviewState::Reopened);
    assert_eq!(file.review.changed_since_approval().len(), 1);
}

#[test]
fn the_review_queue_is_oldest_first_filtered_by_port_and_inspector_and_rebuilt_alike() {
    use quayside_domain::review::ReviewState;
    use quayside_store::QueueFilter;
    let dir = tempfile::tempdir().unwrap();
    let clock = TestClock::at(noon());
    let mut store = Store::open_with_clock(dir.path(), Box::new(clock.clone())).unwrap();
    let ivan = quayside_domain::event::Author {
        name: "Ivan Inspector".into(),
        role: quayside_domain::event::Role::Inspector,
    };
    let submit = |store: &mut Store, who: &quayside_domain::event::Author, port: &str| {
        let case = store.open_case(who, port).unwrap().id;
        clock.advance(Duration::minutes(10));
        store
            .append(who, case, Payload::ReviewSubmitted { comment: None })
            .unwrap();
        case
    };
    let a = submit(&mut store, &ivan, "NLRTM");
    let b = submit(&mut store, &inspector(), "BEANR");
    let c = submit(&mut store, &inspector(), "NLRTM");
    let not_submitted = store.open_case(&inspector(), "NLRTM").unwrap().id;

    let ids = |q: Vec<quayside_store::QueuedCase>| q.into_iter().map(|c| c.id).collect::<Vec<_>>();
    assert_eq!(
        ids(store.review_queue(&QueueFilter::default()).unwrap()),
        [a, b, c]
    );
    let port = QueueFilter {
        port: Some("NLRTM".into()),
        ..Default::default()
    };
    assert_eq!(ids(store.review_queue(&port).unwrap()), [a, c]);
    let ines = QueueFilter {
        inspector: Some("Ines Inspector".into()),
        ..Default::default()
    };
    assert_eq!(ids(store.review_queue(&ines).unwrap()), [b, c]);
    assert_eq!(
        store.queue_inspectors().unwrap(),
        ["Ines Inspector", "Ivan Inspector"]
    );

    // Approving takes a case out; a change after approval brings it back, at the end.
    approve(&mut store, a, "Sam Supervisor");
    assert_eq!(
        ids(store.review_queue(&QueueFilter::default()).unwrap()),
        [b, c]
    );
    clock.advance(Duration::minutes(10));
    store.set_change_reason(a, Some("seal re-read")).unwrap();
    set(&mut store, a, None, Field::VesselName, "X");
    let queue = store.review_queue(&QueueFilter::default()).unwrap();
    assert_eq!(ids(queue.clone()), [b, c, a]);
    assert_eq!(queue[2].review_state, ReviewState::Reopened);
    assert!(!ids(queue).contains(&not_submitted));

    let live = store.projection_dump().unwrap();
    store.rebuild_projection().unwrap();
    assert_eq!(store.projection_dump().unwrap(), live);
}

#[test]
fn a_change_reason_needs_a_case_that_exists() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let err = store
        .set_change_reason(Uuid::now_v7(), Some("why"))
        .unwrap_err();
    assert!(matches!(err, StoreError::CaseNotFound(_)), "{err:?}");
}

#[test]
fn values_that_are_not_codes_never_reach_statistics_as_text() {
    // Values arrive by sync without being parsed again: free text written by a newer version or a
    // damaged device must count as "other", not appear in shared statistics.
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    let raw = |store: &mut Store, item, field, value: &str| {
        store
            .append(
                &inspector(),
                case,
                Payload::FieldSet {
                    item,
                    field,
                    value: Some(value.into()),
                },
            )
            .unwrap();
    };
    let goods = add(&mut store, case, Section::GoodsFound);
    raw(
        &mut store,
        Some(goods),
        Field::GoodsMaterial,
        "Jan Jansen's gallium",
    );
    raw(&mut store, None, Field::OutcomeCode, "handed to Jan Jansen");
    raw(&mut store, None, Field::DeclaredOrigin, "Jansen land");
    raw(&mut store, None, Field::DetectionMethods, "D1 Jansen");
    let stats = store.statistics(&CaseFilter::default()).unwrap();
    let text = serde_json::to_string(&stats).unwrap();
    assert!(!text.contains("Jansen"), "{text}");
    assert_eq!(stats.by_material[0].key, "other");
    assert_eq!(stats.by_outcome[0].key, "other");
    let detection: Vec<&str> = stats.by_detection.iter().map(|b| b.key.as_str()).collect();
    assert_eq!(detection, ["D1", "other"]);
    assert!(
        stats.routes.iter().all(|r| r.origin.is_empty()),
        "{:?}",
        stats.routes
    );
}

#[test]
fn a_rebuild_cut_short_after_a_migration_is_done_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    set(&mut store, case, None, Field::VesselName, "MSC ANNA");
    let expected = store.projection_dump().unwrap();
    drop(store);
    // As if the app died after migrating, before its rebuild committed: the marker is there and
    // the projection is wrong.
    let conn = raw(dir.path());
    conn.execute_batch(
        "INSERT INTO settings (key, value) VALUES ('projection_stale', '1');
         DELETE FROM case_search; UPDATE cases SET review_state = 'approved';",
    )
    .unwrap();
    drop(conn);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.projection_dump().unwrap(), expected);
    assert_eq!(store.setting("projection_stale").unwrap(), None);
}
