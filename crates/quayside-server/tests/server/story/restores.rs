//! A device's data folder copied or restored: a clone that forks the chain is refused but still
//! receives everyone else's events; a folder older than what the server holds sends nothing.

use quayside_domain::fields::Field;
use quayside_sync::SyncError;

use super::replicas::ines_and_ivan;

#[test]
fn a_cloned_device_that_forks_its_chain_is_refused_but_still_receives() {
    let (_server, ines, ivan) = ines_and_ivan();
    let case = ines.open_case("NLRTM");
    ines.sync().unwrap();
    let clone = ines.copy();
    ines.set(case, Field::VesselName, "MSC ANNA");
    ines.sync().unwrap();
    // The clone writes its own event 2: another event at a place the server already holds.
    clone.set(case, Field::VesselName, "MSC ANA");
    let theirs = ivan.open_case("NLRTM");
    ivan.sync().unwrap();

    let err = clone.sync().unwrap_err();
    assert!(matches!(err, SyncError::Setup(_)), "{err:?}");
    assert!(err.to_string().contains("chain forked"), "{err}");
    assert!(
        clone.store().case(theirs).is_ok(),
        "pulled despite the refused push"
    );
    assert_eq!(
        quayside_sync::events_waiting(&clone.store()).unwrap(),
        1,
        "its own event is kept, not sent"
    );
    // The original device goes on as before.
    ines.set(case, Field::VesselName, "MSC ANNA II");
    assert_eq!(ines.sync().unwrap().pushed, 1);
}

#[test]
fn a_data_folder_older_than_the_server_knows_sends_nothing_and_says_why() {
    let (_server, ines, _ivan) = ines_and_ivan();
    let old = ines.copy();
    let case = ines.open_case("NLRTM");
    ines.set(case, Field::VesselName, "MSC ANNA");
    ines.sync().unwrap();
    old.open_case("NLRTM");
    let err = old.sync().unwrap_err();
    assert!(
        err.to_string().contains("restored from an older copy"),
        "{err}"
    );
    assert_eq!(quayside_sync::events_waiting(&old.store()).unwrap(), 1);
}
