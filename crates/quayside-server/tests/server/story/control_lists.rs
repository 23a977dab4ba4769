//! A control list an admin publishes on the server reaches devices by sync: checked against the
//! server key they pinned, kept, and used for the cases opened after it, while a case closed under
//! the list before keeps its flags.

use quayside_domain::control_list::ControlList;
use quayside_domain::event::{Payload, Role};
use quayside_domain::fields::Field;
use quayside_domain::flags::FlagCode;
use quayside_testkit::replica::Replica;
use uuid::Uuid;

use crate::common::{text, Server, PASSWORD};

/// Samarium-cobalt magnets (8505.11), which the built-in list does not name, added to the rare
/// earths' entry as version `version`.
fn list_with_magnets(version: u32) -> String {
    let mut list = ControlList::built_in().clone();
    list.version = version;
    list.published = "2026-12-07".into();
    let entry = list
        .entries
        .iter_mut()
        .find(|e| e.material == "rare_earth")
        .unwrap();
    entry.lines.push("850511".into());
    serde_json::to_string_pretty(&list).unwrap()
}

fn publish(server: &Server, list: &str) -> std::process::Output {
    let file = server.dir().join("list.json");
    std::fs::write(&file, list).unwrap();
    server.cli(&["control-list", "publish", file.to_str().unwrap()], "")
}

fn flags(replica: &Replica, case: Uuid) -> Vec<FlagCode> {
    let (_, flags) = replica.store().case(case).unwrap();
    flags.into_iter().map(|f| f.code).collect()
}

/// Declared as magnets: under the built-in list nothing is controlled.
fn magnets_case(replica: &Replica) -> Uuid {
    let case = replica.open_case("NLRTM");
    replica.set(case, Field::DeclaredHsCode, "8505.11");
    replica.set(case, Field::DeclaredDescription, "Samarium-cobalt magnets");
    case
}

#[test]
fn a_published_list_reaches_a_device_and_judges_new_cases_not_closed_ones() {
    let server = Server::start();
    server.add_user("ines", "inspector", "NLRTM");
    server.add_user("sam", "supervisor", "NLRTM");
    let ines = Replica::signed_in(&server.url, "ines", PASSWORD, Role::Inspector);
    let sam = Replica::signed_in(&server.url, "sam", PASSWORD, Role::Supervisor);

    // A case decided and closed under the built-in list.
    let closed = magnets_case(&ines);
    ines.store()
        .append(
            &ines.author,
            closed,
            Payload::ReviewSubmitted {
                comment: None,
                acknowledged: vec![],
            },
        )
        .unwrap();
    ines.sync().unwrap();
    sam.sync().unwrap();
    let covers = sam
        .store()
        .case_events(closed)
        .unwrap()
        .into_iter()
        .map(|e| e.id.parse().unwrap())
        .collect();
    for payload in [
        Payload::ReviewApproved {
            covers,
            comment: None,
        },
        Payload::CaseClosed { note: None },
    ] {
        sam.store().append(&sam.author, closed, payload).unwrap();
    }
    sam.sync().unwrap();
    ines.sync().unwrap();
    assert!(flags(&ines, closed).is_empty());

    // Refused as published: the built-in version, and a malformed list, with the reason.
    let refused = publish(&server, &list_with_magnets(1));
    assert!(!refused.status.success());
    assert!(
        text(&refused.stderr).contains("version 1 is built into the app"),
        "{}",
        text(&refused.stderr)
    );
    let broken = publish(&server, &list_with_magnets(2).replace("850511", "8505.11"));
    assert!(
        text(&broken.stderr).contains("\"8505.11\" is not a tariff line"),
        "{}",
        text(&broken.stderr)
    );

    let published = publish(&server, &list_with_magnets(2));
    assert!(published.status.success(), "{}", text(&published.stderr));
    let again = publish(&server, &list_with_magnets(2));
    assert!(
        text(&again.stderr).contains("not above the newest published, 2"),
        "{}",
        text(&again.stderr)
    );

    // Not yet synced: the device judges by what it holds.
    assert_eq!(ines.store().control_list_version().unwrap(), 1);
    ines.sync().unwrap();
    assert_eq!(ines.store().control_list_version().unwrap(), 2);

    let new = magnets_case(&ines);
    assert_eq!(flags(&ines, new), vec![FlagCode::ControlledWithoutLicence]);
    assert_eq!(
        ines.store()
            .case(new)
            .unwrap()
            .0
            .control_list
            .map(|l| l.version),
        Some(2),
        "the case's events name the list it was opened under"
    );
    assert!(
        flags(&ines, closed).is_empty(),
        "a closed case keeps the list it was decided under"
    );

    // The other device takes the case with the list it names, and the list itself at its sync.
    ines.set(new, Field::ExportLicenceNumber, "EL-2026-0417");
    ines.sync().unwrap();
    sam.sync().unwrap();
    assert_eq!(sam.store().control_list_version().unwrap(), 2);
    assert!(flags(&sam, new).is_empty());
    ines.set(new, Field::ExportLicenceValidUntil, "2026-01-31");
    ines.sync().unwrap();
    sam.sync().unwrap();
    assert_eq!(flags(&sam, new), vec![FlagCode::ControlledWithoutLicence]);
    assert!(flags(&sam, closed).is_empty());

    let listed = server.cli(&["control-list", "list"], "");
    assert!(listed.status.success(), "{}", text(&listed.stderr));
    assert!(
        text(&listed.stdout).starts_with("2\t"),
        "{}",
        text(&listed.stdout)
    );
}

#[test]
fn a_list_the_server_key_did_not_sign_is_not_taken() {
    let server = Server::start();
    server.add_user("ines", "inspector", "NLRTM");
    let ines = Replica::signed_in(&server.url, "ines", PASSWORD, Role::Inspector);
    ines.sync().unwrap();
    let published = publish(&server, &list_with_magnets(2));
    assert!(published.status.success(), "{}", text(&published.stderr));
    // The list's row changed on the server after it was signed (an operator's edit, a bad
    // restore): the signature no longer covers it.
    // On PostgreSQL the row is out of this test's reach; the SQLite run covers the check.
    if crate::common::on_postgres() {
        return;
    }
    let db = server.dir().join("server.sqlite3");
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute(
            "UPDATE control_lists SET statement = replace(statement, '850511', '850519')",
            [],
        )
        .unwrap();
        let err = ines.sync().unwrap_err();
        assert!(format!("{err}").contains("control list"), "{err}");
        assert_eq!(ines.store().control_list_version().unwrap(), 1);
        let case = magnets_case(&ines);
        assert!(flags(&ines, case).is_empty());
    }
}

#[test]
fn the_route_pages_lists_and_refuses_what_it_cannot_read() {
    let server = Server::start();
    server.add_user("ines", "inspector", "NLRTM");
    let device = crate::common::Device::enroll(&server, "ines", Role::Inspector);
    let token = Some(device.token.as_str());
    server
        .get("/v1/control-lists", None)
        .error(401, "unauthorized");
    let bad = server.get("/v1/control-lists?after=two", token);
    assert!(bad.error(400, "invalid_request").contains("a list version"));
    let none = server.get("/v1/control-lists", token).json();
    assert_eq!(none["lists"], serde_json::json!([]));
    assert_eq!(
        server.get("/v1/sync", token).json()["control_list_version"],
        0
    );

    for version in 2..=11 {
        let published = publish(&server, &list_with_magnets(version));
        assert!(published.status.success(), "{}", text(&published.stderr));
    }
    assert_eq!(
        server.get("/v1/sync", token).json()["control_list_version"],
        11
    );
    let first = server.get("/v1/control-lists?after=1", token).json();
    let lists = first["lists"].as_array().unwrap();
    assert_eq!(lists.len(), quayside_protocol::CONTROL_LISTS_PER_PAGE);
    let rest = server.get("/v1/control-lists?after=9", token).json();
    assert_eq!(rest["lists"].as_array().unwrap().len(), 2);
    let statement: serde_json::Value =
        serde_json::from_str(rest["lists"][1]["statement"].to_string().as_str()).unwrap();
    assert_eq!(statement["kind"], "control_list");
    assert_eq!(statement["list"]["version"], 11);

    // A device that never synced takes all ten, a page at a time.
    let ines = Replica::signed_in(&server.url, "ines", PASSWORD, Role::Inspector);
    ines.sync().unwrap();
    assert_eq!(ines.store().control_list_version().unwrap(), 11);
}
