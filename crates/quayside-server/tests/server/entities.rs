//! Seen at other ports: the server indexes the entities each case names as it takes events in,
//! and answers a device how many cases at ports its people do not work name an entity, a count
//! only; the index follows edits and withdrawals, and limits hold.

use quayside_domain::event::{Payload, Role};
use quayside_domain::fields::{Field, Section};
use serde_json::json;
use uuid::Uuid;

use crate::common::*;

/// A case at `port` naming `company`, pushed from `device`.
pub(crate) fn company_case(
    server: &Server,
    device: &mut Device,
    port: &str,
    company: &str,
) -> (Uuid, Uuid) {
    let sent = device.store.outgoing(0, 10_000).unwrap().len();
    let case = device.open_case(port);
    let party = Uuid::now_v7();
    device.append(
        case,
        Payload::ItemAdded {
            section: Section::Parties,
            item: party,
        },
    );
    device
        .store
        .append_field_edit(
            &device.author,
            case,
            Some(party),
            Field::PartyName,
            Some(company.into()),
        )
        .unwrap();
    let response = device.push(server, sent as u64);
    assert_eq!(response.accepted, 3, "{response:?}");
    (case, party)
}

fn seen(server: &Server, device: &Device, entities: serde_json::Value) -> Reply {
    server.post_json(
        "/v1/entities/seen",
        Some(&device.token),
        &json!({ "entities": entities }),
    )
}

fn counts(reply: Reply) -> Vec<u64> {
    reply.json()["counts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["other_ports"].as_u64().unwrap())
        .collect()
}

#[test]
fn a_device_learns_how_many_cases_at_other_ports_name_a_company_and_nothing_more() {
    let server = Server::start();
    server.add_user("som", "inspector", "THLCH");
    server.add_user("wei", "inspector", "CNSZX");
    server.add_user("ana", "inspector", "MXZLO");
    server.add_user("root", "admin", "CNSZX");
    let mut som = Device::enroll(&server, "som", Role::Inspector);
    let mut wei = Device::enroll(&server, "wei", Role::Inspector);
    let mut ana = Device::enroll(&server, "ana", Role::Inspector);
    let root = Device::enroll(&server, "root", Role::Admin);

    // Spelt three ways at two other ports; once at Laem Chabang, which som sees anyway.
    company_case(&server, &mut wei, "CNSZX", "深圳市華鑫貿易有限公司");
    let (wei_case, wei_party) = company_case(&server, &mut wei, "CNSZX", "深圳市华鑫贸易有限公司");
    company_case(&server, &mut ana, "MXZLO", "深圳市华鑫贸易 有限公司");
    company_case(&server, &mut som, "THLCH", "深圳市华鑫贸易有限公司");

    let asked = json!([
        { "kind": "company", "key": "深圳市华鑫贸易" },
        { "kind": "company", "key": "nobody at all" },
    ]);
    let reply = seen(&server, &som, asked.clone());
    assert_eq!(reply.status, 200, "{}", text(&reply.body));
    assert_eq!(
        reply.json()["counts"][0],
        json!({ "kind": "company", "key": "深圳市华鑫贸易", "other_ports": 3 })
    );
    assert_eq!(counts(reply), [3, 0]);
    // The answer holds counts only: no case id, port or name of another case.
    let body = text(&seen(&server, &som, asked.clone()).body);
    assert!(
        !body.contains(&wei_case.to_string()) && !body.contains("CNSZX"),
        "{body}"
    );
    // From Shenzhen: the Mexican case and the Thai one.
    assert_eq!(counts(seen(&server, &wei, asked.clone())), [2, 0]);
    // An admin sees every port: nothing is at another.
    assert_eq!(counts(seen(&server, &root, asked.clone())), [0, 0]);

    // The index follows the log: the party withdrawn, the case names the company no more.
    wei.append(
        wei_case,
        Payload::ItemWithdrawn {
            section: Section::Parties,
            item: wei_party,
            reason: "recorded in the wrong case".into(),
        },
    );
    let last = wei.store.outgoing(0, 10_000).unwrap().len() as u64 - 1;
    assert_eq!(wei.push(&server, last).accepted, 1);
    assert_eq!(counts(seen(&server, &som, asked)), [2, 0]);
}

#[test]
fn asking_about_too_many_entities_or_unreadable_keys_is_refused_with_what_to_do() {
    let server = Server::start();
    server.add_user("som", "inspector", "THLCH");
    let som = Device::enroll(&server, "som", Role::Inspector);
    let many: Vec<_> = (0..201)
        .map(|n| json!({ "kind": "phone", "key": format!("+6621{n:06}") }))
        .collect();
    let error = seen(&server, &som, json!(many)).error(400, "invalid_request");
    assert!(error.contains("at most 200"), "{error}");
    let error = seen(&server, &som, json!([{ "kind": "company", "key": "" }]))
        .error(400, "invalid_request");
    assert!(error.contains("1 to 4000"), "{error}");
    let long = "x".repeat(4001);
    seen(&server, &som, json!([{ "kind": "company", "key": long }])).error(400, "invalid_request");
    seen(&server, &som, json!([{ "kind": "ship", "key": "abc" }])).error(400, "invalid_request");
    seen(
        &server,
        &som,
        json!([{ "kind": "email", "key": "a\u{0}b@c.d" }]),
    )
    .error(400, "invalid_request");
    let reply = server.post_json("/v1/entities/seen", None, &json!({ "entities": [] }));
    assert_eq!(reply.status, 401);
    let oversized = vec![b' '; 1024 * 1024 + 1];
    let reply = server.post("/v1/entities/seen", Some(&som.token), oversized);
    assert_eq!(reply.status, 413);
}

#[test]
fn a_log_held_before_the_index_and_summaries_existed_is_indexed_when_the_server_is_upgraded() {
    let server = Server::start();
    server.add_user("som", "inspector", "THLCH");
    server.add_user("wei", "inspector", "CNSZX");
    let som = Device::enroll(&server, "som", Role::Inspector);
    let mut wei = Device::enroll(&server, "wei", Role::Inspector);
    company_case(&server, &mut wei, "CNSZX", "Huaxin Trading Co., Ltd.");
    let asked = json!([{ "kind": "company", "key": "huaxin trading" }]);
    assert_eq!(counts(seen(&server, &som, asked.clone())), [1]);

    // Back to the schema before the index, as a server of the previous version left it.
    let data = server.data.clone();
    drop(server);
    if on_postgres() {
        let url = std::fs::read_to_string(data.path().join("test-database-url")).unwrap();
        let done = std::process::Command::new("psql")
            .args([url.as_str(), "-v", "ON_ERROR_STOP=1", "-c"])
            .arg(
                "DROP TABLE case_entities; DROP TABLE case_summaries;
                 ALTER TABLE users DROP COLUMN personal_data;
                 DELETE FROM schema_migrations WHERE version >= 9",
            )
            .output()
            .unwrap();
        assert!(done.status.success(), "{}", text(&done.stderr));
    } else {
        let db = rusqlite::Connection::open(data.path().join("server.sqlite3")).unwrap();
        db.execute_batch(
            "DROP TABLE case_entities; DROP TABLE case_summaries;
             ALTER TABLE users DROP COLUMN personal_data; PRAGMA user_version = 8;",
        )
        .unwrap();
    }
    let server = Server::start_with(data, &[], &[]);
    assert_eq!(counts(seen(&server, &som, asked)), [1]);
    // The users table was remade for analysts: the enrolled devices still sync, an analyst can
    // be added, and reads the summary of the case held before.
    assert_eq!(server.get("/v1/sync", Some(&som.token)).status, 200);
    let output = server.cli(
        &["user", "add", "lin", "--role", "analyst"],
        &format!("{PASSWORD}\n"),
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let lin = Device::enroll(&server, "lin", Role::Analyst);
    let page = server.get("/v1/summaries", Some(&lin.token)).json();
    assert_eq!(page["summaries"][0]["port"], "CNSZX");
}

#[test]
fn the_app_asks_for_a_cases_entities_and_shows_nothing_when_not_signed_in() {
    let server = Server::start();
    server.add_user("ines", "inspector", "NLRTM");
    server.add_user("wei", "inspector", "CNSZX");
    let mut wei = Device::enroll(&server, "wei", Role::Inspector);
    company_case(&server, &mut wei, "CNSZX", "Huaxin Trading Co., Ltd.");

    let (_dir, api) = app();
    let case = app_record_case(&api);
    let add = api
        .dispatch("add_item", json!({"case_id": case, "section": "parties"}))
        .unwrap();
    let party = add["case"]["items"][0]["id"].clone();
    api.dispatch(
        "set_field",
        json!({"case_id": case, "item": party, "field": "party_name", "text": "HUAXIN TRADING LIMITED"}),
    )
    .unwrap();
    let alone = api
        .dispatch("seen_at_other_ports", json!({"case_id": case}))
        .unwrap();
    assert_eq!(alone, json!({"signed_in": false, "counts": []}));

    app_sign_in(&api, &server.url, PASSWORD).unwrap();
    let seen = api
        .dispatch("seen_at_other_ports", json!({"case_id": case}))
        .unwrap();
    assert_eq!(seen["signed_in"], true);
    assert_eq!(
        seen["counts"],
        json!([{"kind": "company", "key": "huaxin trading", "other_ports": 1}])
    );
}
