//! Migrations: an older database is brought up to date and its projection rebuilt, a newer one
//! refused.

use quayside_domain::fields::{Field, Section};
use quayside_store::Store;

use crate::common::*;

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
             DROP INDEX cases_by_case_state_sorted; DROP INDEX cases_case_state_queue;
             ALTER TABLE cases DROP COLUMN case_state;
             ALTER TABLE cases DROP COLUMN review_state; ALTER TABLE cases DROP COLUMN review_queued_at;
             ALTER TABLE cases DROP COLUMN submitted_by;
             DROP TABLE event_proofs; DROP TABLE revocations; DROP TABLE log_alerts;
             DROP TABLE server_statements; DROP TABLE enrollments; DROP TABLE people;
             DROP TABLE case_search_trigram_terms; DROP TABLE case_search_trigram;
             DROP TABLE case_documents; DROP TABLE case_entities;
             DROP TABLE case_entity_links; DROP TABLE port_summary_entities; DROP TABLE port_summaries; PRAGMA user_version = 1;",
        )
        .unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.projection_dump().unwrap(), expected);
    let (file, _) = store.case(case).unwrap();
    assert_eq!(file.items[0].value(Field::PartyName), Some("Jan Jansen"));
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
               DROP TABLE people;
               DROP TABLE case_search_trigram_terms; DROP TABLE case_search_trigram;
               DROP INDEX cases_by_case_state_sorted; DROP INDEX cases_case_state_queue;
               ALTER TABLE cases DROP COLUMN case_state;
               ALTER TABLE quarantine DROP COLUMN code; ALTER TABLE sync_refused DROP COLUMN code;
               DROP TABLE case_documents; DROP TABLE case_entities;
             DROP TABLE case_entity_links; DROP TABLE port_summary_entities; DROP TABLE port_summaries; PRAGMA user_version = 9;"#,
        )
        .unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.timeline(case).unwrap(), expected);
}

/// Schema 15 had no `case_state`: after the migration the rebuild fills it from the log, so a case
/// closed by a status change (before closing was a step) lists as closed and leaves the queue.
#[test]
fn a_store_from_before_the_case_state_gets_each_case_state_from_its_log() {
    use quayside_domain::event::{CaseStatus, Payload};
    use quayside_domain::state::CaseState;
    use quayside_store::{CaseFilter, QueueFilter};
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let draft = store.open_case(&inspector(), "NLRTM").unwrap().id;
    let submitted = store.open_case(&inspector(), "NLRTM").unwrap().id;
    let closed = store.open_case(&inspector(), "NLRTM").unwrap().id;
    for case in [submitted, closed] {
        store
            .append(
                &inspector(),
                case,
                Payload::ReviewSubmitted {
                    comment: None,
                    acknowledged: vec![],
                },
            )
            .unwrap();
    }
    store.set_change_reason(closed, Some("finished")).unwrap();
    store
        .append(
            &inspector(),
            closed,
            Payload::StatusSet {
                status: CaseStatus::Closed,
                reason: None,
            },
        )
        .unwrap();
    let expected = store.projection_dump().unwrap();
    drop(store);
    raw(dir.path())
        .execute_batch(
            "DROP INDEX cases_by_case_state_sorted; DROP INDEX cases_case_state_queue;
             ALTER TABLE cases DROP COLUMN case_state;
             ALTER TABLE quarantine DROP COLUMN code; ALTER TABLE sync_refused DROP COLUMN code;
             DROP TABLE case_documents; DROP TABLE case_entities;
             DROP TABLE case_entity_links; DROP TABLE port_summary_entities; DROP TABLE port_summaries; PRAGMA user_version = 15;",
        )
        .unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.projection_dump().unwrap(), expected);
    let state = |id| {
        store
            .list_cases(&CaseFilter::default())
            .unwrap()
            .into_iter()
            .find(|c| c.id == id)
            .unwrap()
            .state
    };
    assert_eq!(state(draft), CaseState::Draft);
    assert_eq!(state(submitted), CaseState::Submitted);
    assert_eq!(state(closed), CaseState::Closed);
    let queue = store.review_queue(&QueueFilter::default()).unwrap();
    assert_eq!(
        queue.iter().map(|c| c.id).collect::<Vec<_>>(),
        vec![submitted],
        "a closed case is not waiting for anyone"
    );
}

#[test]
fn a_timeline_stored_with_english_values_is_rebuilt_with_keyed_ones() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let case = store.open_case(&inspector(), "NLRTM").unwrap().id;
    set(&mut store, case, None, Field::OutcomeCode, "O4");
    let expected = store.timeline(case).unwrap();
    drop(store);
    // Schema 16, before keyed values, kept each side of a change as English text (and had no
    // refusal codes, which came after).
    raw(dir.path())
        .execute_batch(
            r#"UPDATE timeline SET changes = '[{"label":[{"key":"field.outcome_code"}],"from":null,"to":"O4"}]';
               ALTER TABLE quarantine DROP COLUMN code; ALTER TABLE sync_refused DROP COLUMN code;
               DROP TABLE case_documents; DROP TABLE case_entities;
             DROP TABLE case_entity_links; DROP TABLE port_summary_entities; DROP TABLE port_summaries; PRAGMA user_version = 16;"#,
        )
        .unwrap();
    let store = Store::open(dir.path()).unwrap();
    let timeline = store.timeline(case).unwrap();
    assert_eq!(timeline, expected);
    let to = timeline.last().unwrap().changes[0].to.clone().unwrap();
    assert_eq!(to.english(), "Seized");
}

#[test]
fn a_refusal_kept_before_codes_is_shown_with_its_english_reason_and_a_coded_one_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let (old, new) = (uuid::Uuid::now_v7(), uuid::Uuid::now_v7());
    // A row as a store before migration 0018 kept it: a reason and no code.
    raw(dir.path())
        .execute(
            "INSERT INTO sync_refused (event_id, device_seq, reason, refused_at)
             VALUES (?1, 2, 'case c1 is at port BEANR, which this user does not work', '2026-12-01T10:00:00Z')",
            [old.to_string()],
        )
        .unwrap();
    store
        .record_sync_refusal(new, 3, "port_not_worked", "case c2 is at port BEANR")
        .unwrap();
    let refused = store.sync_refusals().unwrap();
    assert_eq!(refused.len(), 2);
    assert_eq!(refused[0].reason.key, "refusal.unknown");
    let spanish = quayside_i18n::Catalogue::get(quayside_i18n::Locale::Es);
    assert_eq!(
        spanish.format(&refused[0].reason),
        "case c1 is at port BEANR, which this user does not work"
    );
    assert_eq!(refused[1].reason.key, "refusal.port_not_worked");
    assert!(spanish
        .format(&refused[1].reason)
        .starts_with("el caso está en un puerto en el que su cuenta no trabaja"));
    assert_eq!(refused[1].reason_english, "case c2 is at port BEANR");
}

#[test]
fn flags_stored_under_the_old_rules_are_derived_again_from_the_log() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let case = store.open_case(&inspector(), "THLCH").unwrap().id;
    set(&mut store, case, None, Field::DeclaredOrigin, "TH");
    for (place, role, basis) in [
        ("CNSHA", "origin", "established"),
        ("THLCH", "transshipment", "declared"),
    ] {
        let leg = add(&mut store, case, Section::Route);
        set(&mut store, case, Some(leg), Field::LegLocode, place);
        set(&mut store, case, Some(leg), Field::LegRole, role);
        set(&mut store, case, Some(leg), Field::LegBasis, basis);
    }
    let expected = store.projection_dump().unwrap();
    drop(store);
    // Schema 18 asked only whether TH is on some leg: it is, so nothing was flagged.
    raw(dir.path())
        .execute_batch(
            "UPDATE cases SET flags = ''; DELETE FROM case_flags;
             DROP TABLE case_documents; DROP TABLE case_entities;
             DROP TABLE case_entity_links; DROP TABLE port_summary_entities; DROP TABLE port_summaries; PRAGMA user_version = 18;",
        )
        .unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.projection_dump().unwrap(), expected);
    let flagged = store
        .list_cases(&quayside_store::CaseFilter {
            flagged_only: true,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        flagged[0].flags,
        [quayside_domain::flags::FlagCode::OriginRelabelled]
    );
}
