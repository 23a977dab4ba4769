//! The network and the server fail: a server killed mid-push and mid-upload, a response lost after
//! the server committed. The retry completes; nothing is stored twice and nothing is lost.

use std::sync::Arc;
use std::time::Duration;

use tempfile::TempDir;

use quayside_domain::event::Role;
use quayside_domain::fields::Field;
use quayside_sync::SyncError;

use quayside_testkit::fixtures::noise_png;
use quayside_testkit::replica::{assert_converged, Replica};

use crate::common::{Server, PASSWORD};

fn setup() -> (Arc<TempDir>, Server) {
    let server = Server::start();
    server.add_user("ines", "inspector", "NLRTM");
    server.add_user("ivan", "inspector", "NLRTM");
    (server.data.clone(), server)
}

fn restart(data: &Arc<TempDir>, fault: Option<&str>) -> Server {
    let env: Vec<(&str, &str)> = fault
        .map(|f| ("QUAYSIDE_SERVER_FAULT", f))
        .into_iter()
        .collect();
    Server::start_with(data.clone(), &[], &env)
}

/// Ivan pulls everything cold: each of Ines's events arrives once, none is missing.
fn assert_cold_pull_has_each_event_once(server: &Server, ines: &Replica) {
    let ivan = Replica::signed_in(&server.url, "ivan", PASSWORD, Role::Inspector);
    let report = ivan.sync().unwrap();
    assert_eq!(
        report.pulled as u64,
        ines.event_count(),
        "every event, once"
    );
    assert_eq!(ivan.event_count(), ines.event_count());
    assert_converged(&[ines, &ivan]);
}

#[test]
fn a_response_lost_after_the_server_committed_is_retried_without_duplicates() {
    let (data, server) = setup();
    let ines = Replica::signed_in(&server.url, "ines", PASSWORD, Role::Inspector);
    drop(server);
    let case = ines.open_case("NLRTM");
    for i in 0..20 {
        ines.set(case, Field::CaseNotes, &format!("note {i}"));
    }
    // The server commits the push, then dies before it answers.
    let faulty = restart(&data, Some("crash-after-push-commit"));
    relocate(&ines, &faulty.url);
    let err = ines.sync().unwrap_err();
    assert!(matches!(err, SyncError::Offline { .. }), "{err}");
    assert!(!faulty.wait_for_exit().success(), "the fault point aborts");

    let server = restart(&data, None);
    relocate(&ines, &server.url);
    let report = ines.sync().unwrap();
    assert_eq!(
        report.pushed, 0,
        "the server already held them all: {report:?}"
    );
    assert_eq!(
        quayside_sync::events_waiting(&ines.store()).unwrap(),
        0,
        "acknowledged"
    );
    assert_cold_pull_has_each_event_once(&server, &ines);
}

#[test]
fn a_server_killed_during_a_large_push_loses_nothing_and_stores_nothing_twice() {
    let (data, server) = setup();
    let ines = Replica::signed_in(&server.url, "ines", PASSWORD, Role::Inspector);
    for _ in 0..40 {
        let case = ines.open_case("NLRTM");
        for i in 0..50 {
            ines.set(case, Field::CaseNotes, &format!("note {i}"));
        }
    }
    // Kill -9 while the push is under way (whether or not a batch has committed by then).
    let killer = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(150));
        drop(server);
    });
    let first = ines.sync();
    killer.join().unwrap();
    assert!(
        first.is_err(),
        "the sync cannot finish against a killed server"
    );

    let server = restart(&data, None);
    relocate(&ines, &server.url);
    let report = ines.sync().unwrap();
    assert!(report.pushed > 0 || report.duplicates > 0, "{report:?}");
    assert_eq!(quayside_sync::events_waiting(&ines.store()).unwrap(), 0);
    assert_cold_pull_has_each_event_once(&server, &ines);
}

#[test]
fn an_upload_cut_by_a_server_crash_resumes_and_the_photo_arrives_intact() {
    let (data, server) = setup();
    let ines = Replica::signed_in(&server.url, "ines", PASSWORD, Role::Inspector);
    drop(server);
    let case = ines.open_case("NLRTM");
    let photo = noise_png(1000, 7); // about 3 MB: three chunks and a bit
    let sha = ines.attach(case, "hold.png", &photo);

    let faulty = restart(
        &data,
        Some(&format!("crash-after-upload-bytes={}", 1024 * 1024 + 1)),
    );
    relocate(&ines, &faulty.url);
    assert!(ines.sync().is_err());
    assert!(!faulty.wait_for_exit().success());
    let partial = ines.store().photos_not_uploaded().unwrap();
    assert_eq!(
        partial,
        std::slice::from_ref(&sha),
        "not confirmed, so it is sent again"
    );

    let server = restart(&data, None);
    // Another device that syncs before the upload is finished is told, in its person's words,
    // that the photo is not on the server yet.
    let ivan = Replica::signed_in(&server.url, "ivan", PASSWORD, Role::Inspector);
    let early = ivan.sync().unwrap();
    assert_eq!(early.photos_downloaded, 0, "{early:?}");
    let [problem] = early.photo_problems.as_slice() else {
        panic!("{early:?}")
    };
    assert_eq!(problem.key, "error.photo_not_uploaded_yet");
    let thai = quayside_i18n::Catalogue::get(quayside_i18n::Locale::Th)
        .format_checked(problem)
        .unwrap();
    assert!(
        thai.contains(&sha[..12]) && thai.contains("ยังไม่อยู่บนเซิร์ฟเวอร์"),
        "{thai}"
    );

    relocate(&ines, &server.url);
    let report = ines.sync().unwrap();
    assert_eq!(report.photos_uploaded, 1, "{report:?}");
    assert!(
        report.bytes_sent < photo.len() as u64,
        "resumed, not restarted: {report:?}"
    );
    assert!(ines.store().photos_not_uploaded().unwrap().is_empty());

    let report = ivan.sync().unwrap();
    assert_eq!(report.photos_downloaded, 1, "{report:?}");
    assert_eq!(ivan.vault.read_original(&sha).unwrap(), photo);
    assert_eq!(ivan.vault.check(&sha), quayside_photos::Integrity::Intact);
}

/// Point a replica at a server restarted on another port, keeping its token and cursor.
fn relocate(replica: &Replica, url: &str) {
    replica.store().set_setting("sync.server", url).unwrap();
}
