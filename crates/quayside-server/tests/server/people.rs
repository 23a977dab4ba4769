//! Several people on one device: another account signs in on an enrolled device, and each event
//! is judged by the account its author names.

use quayside_domain::event::{Author, Role};
use quayside_protocol::{Account, EnrollmentsRequest, EnrollmentsResponse, RefusalCode};
use serde_json::json;

use crate::common::*;

/// `device` records a case at `port` under the author `name`, `role`.
fn open_as(device: &mut Device, name: &str, role: Role, port: &str) {
    device.author = Author {
        name: name.into(),
        role,
    };
    device.open_case(port);
}

/// How many enrollments the server vouches for to `asker` when asked for `device`'s.
fn vouched(server: &Server, asker: &Device, device: &Device) -> usize {
    server
        .post_json(
            "/v1/enrollments",
            Some(&asker.token),
            &EnrollmentsRequest {
                device_ids: vec![device.id()],
            },
        )
        .parse::<EnrollmentsResponse>()
        .enrollments
        .len()
}

fn sign_in_on(server: &Server, device: &Device, username: &str, password: &str) -> Reply {
    server.post_json(
        "/v1/devices/people",
        Some(&device.token),
        &json!({ "username": username, "password": password }),
    )
}

#[test]
fn a_supervisor_signs_in_on_an_inspectors_device_and_writes_under_their_own_account() {
    let server = Server::start();
    server.add_user("ann", "inspector", "NLRTM");
    server.add_user("lee", "supervisor", "THLCH");
    server.add_user("tom", "inspector", "THLCH");
    let mut laptop = Device::enroll(&server, "ann", Role::Inspector);
    let tom = Device::enroll(&server, "tom", Role::Inspector);

    // Tom's case at Laem Chabang, which ann's laptop may not see yet.
    let mut tom = tom;
    tom.open_case("THLCH");
    assert_eq!(tom.push(&server, 0).accepted, 1);
    let (seen, _) = laptop.pull_all(&server, 100);
    assert!(seen.is_empty(), "another port's case reached the laptop");
    let asked = vouched(&server, &tom, &laptop);
    assert_eq!(asked, 0, "a device of another port is vouched for");

    sign_in_on(&server, &laptop, "lee", "not his password").error(401, "bad_credentials");
    sign_in_on(&server, &laptop, "nobody", PASSWORD).error(401, "bad_credentials");
    let lee: Account = sign_in_on(&server, &laptop, "lee", PASSWORD).parse();
    assert_eq!((lee.username.as_str(), lee.role), ("lee", Role::Supervisor));
    assert_eq!(lee.ports, ["THLCH"]);
    let listed = server.cli(&["device", "list"], "");
    let line = text(&listed.stdout)
        .lines()
        .find(|l| l.starts_with(&laptop.id().to_string()))
        .map(str::to_string);
    assert!(
        line.unwrap().contains("\tann\talso lee\t"),
        "{}",
        text(&listed.stdout)
    );
    // Again, or the device's own user: nothing changes.
    sign_in_on(&server, &laptop, "lee", PASSWORD).parse::<Account>();
    sign_in_on(&server, &laptop, "ann", PASSWORD).parse::<Account>();

    // The laptop now pulls Laem Chabang's cases too, and tom's device may check its events.
    let (seen, _) = laptop.pull_all(&server, 100);
    assert_eq!(seen.len(), 1);
    let asked = vouched(&server, &tom, &laptop);
    assert_eq!(asked, 1);

    // Lee, as a supervisor of Laem Chabang, opens a case there from ann's laptop.
    open_as(&mut laptop, "lee", Role::Supervisor, "THLCH");
    // Ann may not claim lee's role, nor work his port.
    open_as(&mut laptop, "ann", Role::Supervisor, "NLRTM");
    open_as(&mut laptop, "ann", Role::Inspector, "THLCH");
    // A name typed on the device before it was enrolled is ann's, as the device's user.
    open_as(&mut laptop, "Ann Visser", Role::Inspector, "NLRTM");
    let pushed = laptop.push(&server, 0);
    let codes: Vec<RefusalCode> = pushed.quarantined.iter().map(|r| r.code).collect();
    assert_eq!(pushed.accepted, 2, "{:?}", pushed.quarantined);
    assert_eq!(
        codes,
        [RefusalCode::RoleClaimed, RefusalCode::PortNotWorked]
    );

    // Lee's account is revoked: his events from the laptop are set aside; ann works on.
    let revoked = server.cli(&["user", "revoke", "lee"], "");
    assert!(revoked.status.success(), "{}", text(&revoked.stderr));
    open_as(&mut laptop, "lee", Role::Supervisor, "THLCH");
    open_as(&mut laptop, "ann", Role::Inspector, "NLRTM");
    let pushed = laptop.push(&server, 4);
    assert_eq!(pushed.accepted, 1, "{:?}", pushed.quarantined);
    assert_eq!(pushed.quarantined[0].code, RefusalCode::AuthorRevoked);
    assert!(pushed.quarantined[0].reason.contains("lee"));
    // And the laptop no longer pulls his port's cases (tom's; its own are never sent back).
    let (seen, _) = laptop.pull_all(&server, 100);
    assert!(
        seen.is_empty(),
        "the laptop pulls {seen:?} after lee's revocation"
    );
}

#[test]
fn guesses_at_a_password_on_a_device_hold_up_that_device_only() {
    let server = Server::start();
    server.add_user("ann", "inspector", "NLRTM");
    server.add_user("lee", "supervisor", "NLRTM");
    let laptop = Device::enroll(&server, "ann", Role::Inspector);
    for _ in 0..5 {
        sign_in_on(&server, &laptop, "lee", "a guess").error(401, "bad_credentials");
    }
    let held = sign_in_on(&server, &laptop, "lee", PASSWORD);
    assert!(held.error(429, "too_many_attempts").contains("wait"));
    assert!(held.header("retry-after").is_some());
    // Lee's own device, and lee on another laptop, are not held up by them.
    Device::enroll(&server, "lee", Role::Supervisor);
    let other = Device::enroll(&server, "ann", Role::Inspector);
    sign_in_on(&server, &other, "lee", PASSWORD).parse::<Account>();
    // A body that is not the request says what is wrong, without a failure counted.
    let long = "x".repeat(65);
    sign_in_on(&server, &other, &long, PASSWORD).error(400, "invalid_request");
    let missing = server.post_json("/v1/devices/people", Some(&other.token), &json!({}));
    assert!(missing.error(400, "invalid_request").contains("username"));
    let anonymous = server.post_json(
        "/v1/devices/people",
        None,
        &json!({ "username": "lee", "password": PASSWORD }),
    );
    anonymous.error(401, "unauthorized");
}
