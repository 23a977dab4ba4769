//! Two inspectors and a supervisor edit offline and sync in every order: every replica ends with
//! the same projection; concurrent edits of one field show as a conflict everywhere, and an edit
//! that saw both sides settles it everywhere.

use quayside_domain::event::Role;
use quayside_domain::fields::Field;

use quayside_testkit::replica::{assert_converged, sync_all, Replica};

use crate::common::{Server, PASSWORD};

fn team(server: &Server) -> [Replica; 3] {
    [
        Replica::signed_in(&server.url, "ines", PASSWORD, Role::Inspector),
        Replica::signed_in(&server.url, "ivan", PASSWORD, Role::Inspector),
        Replica::signed_in(&server.url, "sara", PASSWORD, Role::Supervisor),
    ]
}

fn start_with_team() -> Server {
    let server = Server::start();
    server.add_user("ines", "inspector", "NLRTM");
    server.add_user("ivan", "inspector", "NLRTM,BEANR");
    server.add_user("sara", "supervisor", "NLRTM");
    server
}

#[test]
fn three_replicas_editing_offline_converge_in_every_sync_order() {
    let orders = [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
    ];
    let server = start_with_team();
    for order in orders {
        let replicas = team(&server);
        let [ines, ivan, sara] = &replicas;
        // A case everyone has, then everyone offline.
        let shared = ines.open_case("NLRTM");
        ines.set(shared, Field::VesselName, "MSC ANNA");
        sync_all(&[ines, ivan, sara]);
        assert_eq!(
            sara.value(shared, Field::VesselName).as_deref(),
            Some("MSC ANNA")
        );

        ines.set(shared, Field::ContainerNumber, "CSQU3054383");
        ivan.set(shared, Field::VesselName, "MSC ANNA II");
        sara.set(shared, Field::VesselName, "MSC ANA");
        sara.set(shared, Field::DeclaredDescription, "solder paste");
        let own = ivan.open_case("NLRTM");
        ivan.set(own, Field::DeclaredDescription, "ceramic tiles");
        let elsewhere = ivan.open_case("BEANR");
        ivan.set(elsewhere, Field::DeclaredDescription, "bottled water");

        for i in order {
            replicas[i].sync().unwrap();
        }
        for i in order {
            replicas[i].sync().unwrap();
        }
        // Ines sees NLRTM only: compare the cases of that port.
        let (ines_cases, sara_cases) = (cases(ines), cases(sara));
        assert_eq!(ines_cases, sara_cases, "order {order:?}");
        assert!(
            !ines_cases.contains(&elsewhere.to_string()),
            "BEANR is not Ines's port"
        );
        assert!(
            ivan.store().case(elsewhere).is_ok(),
            "Ivan keeps his BEANR case"
        );
        assert!(
            sara.store().case(elsewhere).is_err(),
            "not Sara's port either"
        );
        assert_converged(&[ines, sara]);
        for r in &replicas {
            assert_eq!(
                r.value(shared, Field::ContainerNumber).as_deref(),
                Some("CSQU3054383")
            );
            let (file, _) = r.store().case(shared).unwrap();
            let conflict = file
                .conflict(None, Field::VesselName)
                .expect("conflict everywhere");
            assert_eq!(conflict.values.len(), 2, "order {order:?}");
        }
        let winner: Vec<_> = replicas
            .iter()
            .map(|r| r.value(shared, Field::VesselName))
            .collect();
        assert!(
            winner.iter().all(|w| w == &winner[0]),
            "one winner: {winner:?}"
        );
    }
}

fn cases(r: &Replica) -> Vec<String> {
    let mut ids: Vec<String> = r
        .store()
        .list_cases(&Default::default())
        .unwrap()
        .into_iter()
        .filter(|c| c.port == "NLRTM")
        .map(|c| c.id.to_string())
        .collect();
    ids.sort();
    ids
}

#[test]
fn a_conflict_shows_on_every_replica_and_its_settlement_converges() {
    let server = start_with_team();
    let replicas = team(&server);
    let [ines, ivan, sara] = &replicas;
    let case = ines.open_case("NLRTM");
    sync_all(&[ines, ivan, sara]);

    ines.set(case, Field::DeclaredWeight, "1250 kg");
    ivan.set(case, Field::DeclaredWeight, "1520 kg");
    sync_all(&[ines, ivan, sara]);
    for r in &replicas {
        let (file, _) = r.store().case(case).unwrap();
        let values: Vec<_> = file
            .conflict(None, Field::DeclaredWeight)
            .unwrap_or_else(|| panic!("{} sees no conflict", r.author.name))
            .values
            .iter()
            .map(|v| v.value.clone().unwrap())
            .collect();
        assert_eq!(values.len(), 2);
        assert!(values.contains(&"1250 kg".to_string()) && values.contains(&"1520 kg".to_string()));
    }
    assert_converged(&[ines, ivan, sara]);

    // The supervisor weighs again and keeps Ines's figure.
    sara.set(case, Field::DeclaredWeight, "1250 kg");
    sync_all(&[sara, ines, ivan]);
    for r in &replicas {
        let (file, _) = r.store().case(case).unwrap();
        assert!(
            file.conflicts.is_empty(),
            "{} still sees a conflict",
            r.author.name
        );
        assert_eq!(
            r.value(case, Field::DeclaredWeight).as_deref(),
            Some("1250 kg")
        );
    }
    assert_converged(&[ines, ivan, sara]);
}

#[test]
fn a_case_at_a_port_the_user_does_not_work_is_refused_with_the_reason_and_reaches_nobody() {
    let server = start_with_team();
    let ines = Replica::signed_in(&server.url, "ines", PASSWORD, Role::Inspector);
    let ivan = Replica::signed_in(&server.url, "ivan", PASSWORD, Role::Inspector);
    // Ines works NLRTM only; a case she opens at BEANR (Ivan's other port) is not hers to open.
    let stray = ines.open_case("BEANR");
    ines.set(stray, Field::VesselName, "MSC ANNA");
    let report = ines.sync().unwrap();
    assert_eq!(report.quarantined, 2, "{report:?}");
    let refused = ines.store().sync_refusals().unwrap();
    assert!(
        refused[0].reason_english.contains("port BEANR"),
        "{refused:?}"
    );
    // The server's code, worded on this device in the person's language.
    assert_eq!(refused[0].reason.key, "refusal.port_not_worked");
    assert_eq!(refused[1].reason.key, "refusal.case_unknown");
    let thai = quayside_i18n::Catalogue::get(quayside_i18n::Locale::Th)
        .format_checked(&refused[0].reason)
        .unwrap();
    assert!(thai.contains("ท่า"), "{thai}");
    assert_eq!(
        quayside_sync::events_waiting(&ines.store()).unwrap(),
        0,
        "not sent again"
    );
    ivan.sync().unwrap();
    assert!(ivan.store().case(stray).is_err(), "never served");
}
