//! Case summaries for analysts: every port's cases, without personal entities unless the account
//! is allowed them, following the log like a pull; nobody else reads them.

use quayside_domain::event::Role;
use quayside_domain::fields::Field;
use serde_json::{json, Value};

use crate::common::*;
use crate::entities::company_case;

/// Every summary an account's device reads from the start, page by page, and the last cursor.
fn all_summaries(server: &Server, device: &Device, limit: u32) -> (Vec<Value>, String) {
    let mut cursor = String::new();
    let mut out = Vec::new();
    loop {
        let reply = server.get(
            &format!("/v1/summaries?limit={limit}&cursor={cursor}"),
            Some(&device.token),
        );
        assert_eq!(reply.status, 200, "{}", text(&reply.body));
        let page = reply.json();
        out.extend(page["summaries"].as_array().unwrap().iter().cloned());
        cursor = page["cursor"].as_str().unwrap().to_string();
        if !page["more"].as_bool().unwrap() {
            return (out, cursor);
        }
    }
}

fn add_analyst(server: &Server, name: &str, personal_data: bool) {
    let mut args = vec!["user", "add", name, "--role", "analyst"];
    if personal_data {
        args.push("--personal-data");
    }
    let output = server.cli(&args, &format!("{PASSWORD}\n"));
    assert!(output.status.success(), "{}", text(&output.stderr));
}

#[test]
fn an_analyst_reads_every_ports_cases_without_personal_entities_and_an_inspector_cannot() {
    let server = Server::start();
    server.add_user("som", "inspector", "THLCH");
    server.add_user("wei", "inspector", "CNSZX");
    add_analyst(&server, "lin", false);
    add_analyst(&server, "ros", true);
    let mut som = Device::enroll(&server, "som", Role::Inspector);
    let mut wei = Device::enroll(&server, "wei", Role::Inspector);
    let lin = Device::enroll(&server, "lin", Role::Analyst);
    let ros = Device::enroll(&server, "ros", Role::Analyst);

    let (thai, party) = company_case(&server, &mut som, "THLCH", "Huaxin Trading Co., Ltd.");
    let sent = som.store.outgoing(0, 10_000).unwrap().len() as u64;
    som.store
        .append_field_edit(
            &som.author,
            thai,
            Some(party),
            Field::PartyPhone,
            Some("+66 2 123 4567".into()),
        )
        .unwrap();
    som.store
        .append_field_edit(
            &som.author,
            thai,
            None,
            Field::ContainerNumber,
            Some("CSQU3054383".into()),
        )
        .unwrap();
    assert_eq!(som.push(&server, sent).accepted, 2);
    let (chinese, _) = company_case(&server, &mut wei, "CNSZX", "深圳市华鑫贸易有限公司");

    let (summaries, _) = all_summaries(&server, &lin, 1000);
    let ids: Vec<&str> = summaries
        .iter()
        .map(|s| s["case_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [thai.to_string(), chinese.to_string()]);
    let thai_summary = &summaries[0];
    assert_eq!(thai_summary["port"], "THLCH");
    assert_eq!(thai_summary["state"], "draft");
    // A party's name and numbers are personal data, as in statistics and shared exports: lin
    // links cases by their containers, vessels and transport documents.
    assert_eq!(
        thai_summary["entities"],
        json!([{"kind": "container", "key": "CSQU3054383", "shown": "CSQU3054383"}])
    );
    assert_eq!(summaries[1]["entities"], json!([]));
    // Nothing personal anywhere in what lin reads: no party's name or phone, as key or value.
    let body = text(&server.get("/v1/summaries", Some(&lin.token)).body);
    for personal in ["4567", "phone", "huaxin", "Huaxin", "华鑫"] {
        assert!(!body.contains(personal), "{personal} in {body}");
    }

    // An analyst allowed personal data reads the parties too.
    let (summaries, _) = all_summaries(&server, &ros, 1000);
    let kinds: Vec<&str> = summaries[0]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["company", "container", "phone"]);
    assert_eq!(summaries[1]["entities"][0]["key"], "深圳市华鑫贸易");

    // Pages of one event each come to the same cases, each as it is now (the Thai case's events
    // are five pages, all of them its latest summary).
    let (paged, cursor) = all_summaries(&server, &lin, 1);
    let mut paged_ids: Vec<String> = paged
        .iter()
        .map(|s| s["case_id"].as_str().unwrap().to_string())
        .collect();
    paged_ids.dedup();
    assert_eq!(paged_ids, [thai.to_string(), chinese.to_string()]);
    assert!(paged[..5].iter().all(|s| s == &paged[0]), "{paged:?}");
    // From the last cursor: nothing new, until a case changes, which comes again.
    let page = server
        .get(&format!("/v1/summaries?cursor={cursor}"), Some(&lin.token))
        .json();
    assert_eq!(page["summaries"], json!([]));
    let sent = wei.store.outgoing(0, 10_000).unwrap().len() as u64;
    wei.store
        .append_field_edit(
            &wei.author,
            chinese,
            None,
            Field::DeclaredDescription,
            Some("solder paste".into()),
        )
        .unwrap();
    assert_eq!(wei.push(&server, sent).accepted, 1);
    let page = server
        .get(&format!("/v1/summaries?cursor={cursor}"), Some(&lin.token))
        .json();
    assert_eq!(page["summaries"][0]["case_id"], chinese.to_string());
    assert_eq!(page["summaries"][0]["declared_description"], "solder paste");

    // Inspectors read their own ports' cases whole, and no summaries.
    let error = server
        .get("/v1/summaries", Some(&som.token))
        .error(403, "forbidden");
    assert!(error.contains("analyst"), "{error}");
    // Nor does an analyst pull other ports' events: they see no port's cases whole.
    let pulled = server.get("/v1/events", Some(&lin.token)).json();
    assert_eq!(pulled["events"], json!([]));
}

#[test]
fn a_summary_page_refuses_a_bad_limit_a_foreign_cursor_and_no_token() {
    let server = Server::start();
    add_analyst(&server, "lin", false);
    let lin = Device::enroll(&server, "lin", Role::Analyst);
    for limit in ["0", "1001", "x"] {
        server
            .get(&format!("/v1/summaries?limit={limit}"), Some(&lin.token))
            .error(400, "invalid_request");
    }
    server
        .get("/v1/summaries?cursor=bm90LW91cnM", Some(&lin.token))
        .error(409, "stale_cursor");
    assert_eq!(server.get("/v1/summaries", None).status, 401);
}

#[test]
fn personal_data_is_only_for_analysts() {
    let server = Server::start();
    let output = server.cli(
        &[
            "user",
            "add",
            "som",
            "--role",
            "inspector",
            "--ports",
            "THLCH",
            "--personal-data",
        ],
        &format!("{PASSWORD}\n"),
    );
    assert!(!output.status.success());
    assert!(
        text(&output.stderr).contains("analyst"),
        "{}",
        text(&output.stderr)
    );
    add_analyst(&server, "ros", true);
    let listed = server.cli(&["user", "list"], "");
    assert!(
        text(&listed.stdout).contains("ros\tanalyst\t\tpersonal data"),
        "{}",
        text(&listed.stdout)
    );
}

#[test]
fn an_analysts_app_sees_its_cases_in_other_ports_cases_and_forgets_them_at_sign_out() {
    let server = Server::start();
    server.add_user("wei", "inspector", "CNSZX");
    // The app signs in as ines: here an analyst who also works Rotterdam.
    let output = server.cli(
        &[
            "user", "add", "ines", "--role", "analyst", "--ports", "NLRTM",
        ],
        &format!("{PASSWORD}\n"),
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let mut wei = Device::enroll(&server, "wei", Role::Inspector);
    let (chinese, _) = company_case(&server, &mut wei, "CNSZX", "深圳市华鑫贸易有限公司");
    let sent = wei.store.outgoing(0, 10_000).unwrap().len() as u64;
    wei.store
        .append_field_edit(
            &wei.author,
            chinese,
            None,
            Field::ContainerNumber,
            Some("CSQU3054383".into()),
        )
        .unwrap();
    assert_eq!(wei.push(&server, sent).accepted, 1);

    let (_dir, api) = app();
    let case = app_record_case(&api);
    api.dispatch(
        "set_field",
        json!({"case_id": case, "field": "container_number", "text": "CSQU 305438 3"}),
    )
    .unwrap();
    app_sign_in(&api, &server.url, PASSWORD).unwrap();
    let status = api.dispatch("sync_now", json!({})).unwrap();
    assert_eq!(status["last_error"], Value::Null, "{status}");

    let entities = api
        .dispatch("case_entities", json!({"case_id": case}))
        .unwrap();
    let container = entities
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "container")
        .unwrap();
    assert_eq!(container["case_count"], 1);
    let seen = &container["cases"][0];
    assert_eq!(seen["case_id"], chinese.to_string());
    assert_eq!(seen["port"], "CNSZX");
    assert_eq!(seen["summary"], true);
    // The server counts the same case at another port: it is listed already, so not counted again.
    let elsewhere = api
        .dispatch("seen_at_other_ports", json!({"case_id": case}))
        .unwrap();
    let container = elsewhere["counts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "container")
        .unwrap();
    assert_eq!(container["other_ports"], 0, "{elsewhere}");

    // Signed out, the summaries go with the account.
    api.dispatch("sign_out", json!({})).unwrap();
    let entities = api
        .dispatch("case_entities", json!({"case_id": case}))
        .unwrap();
    let container = entities
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "container")
        .unwrap();
    assert_eq!(container["case_count"], 0);
}
