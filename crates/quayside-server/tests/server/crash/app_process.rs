//! The app's store process for the crash test: the same `Api` calls the desktop app makes, in a
//! child process that the test kills. Before each command it prints `begin ...`; once the command
//! returned Ok (the app has told the person it is saved) it prints `ack ...` and flushes.

use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use quayside_domain::fields::Field;
use quayside_store::SystemClock;
use quayside_sync::Timing;
use quayside_testkit::api::{open_locked, passphrase, try_call, FIRST_PERSON};
use quayside_testkit::fixtures::noise_png;
use serde_json::json;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::common::PASSWORD;

const DATA_DIR: &str = "QUAYSIDE_CRASH_CHILD";
const RUN: &str = "QUAYSIDE_CRASH_RUN";
/// Set: the app's background sync loop runs too, as in the desktop app, beside the commands.
const SYNC_LOOP: &str = "QUAYSIDE_CRASH_SYNC_LOOP";
/// A server's address: a device not signed in signs in there first, as `fred` (port BEANR).
const SIGN_IN: &str = "QUAYSIDE_CRASH_SIGN_IN";

/// The field drafts are typed into: a container number that does not parse yet.
pub const DRAFT_FIELD: Field = Field::ContainerNumber;

/// A child never outlives this, whatever happens to the test that started it.
const LIFETIME: Duration = Duration::from_secs(20);

#[test]
#[ignore = "the app's store process of crash::app; it runs only as that test's child"]
fn store_process() {
    let Some(dir) = std::env::var_os(DATA_DIR) else {
        return;
    };
    let run = std::env::var(RUN).unwrap().parse().unwrap();
    let sign_in = std::env::var(SIGN_IN).ok();
    work(
        Path::new(&dir),
        run,
        std::env::var_os(SYNC_LOOP).is_some(),
        sign_in.as_deref(),
    );
}

/// This test binary again, running only `store_process`, on `dir`. Through `/proc/self/exe` on
/// Linux: the same program even when a build has replaced the file meanwhile.
pub fn spawn(dir: &Path, run: u64, sync_loop: bool, sign_in: Option<&str>) -> Child {
    let this = Path::new("/proc/self/exe");
    let program = if this.exists() {
        this.to_path_buf()
    } else {
        std::env::current_exe().unwrap()
    };
    let mut command = Command::new(program);
    if sync_loop {
        command.env(SYNC_LOOP, "1");
    }
    if let Some(url) = sign_in {
        command.env(SIGN_IN, url);
    }
    command
        .args([
            "crash::app_process::store_process",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(DATA_DIR, dir)
        .env(RUN, run.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap()
}

/// A command of the store process, as its `begin` line names it.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    Open,
    User,
    SignIn,
    Case,
    Set {
        case: Uuid,
        field: Field,
        value: String,
    },
    /// Text not valid yet, kept as the field's draft (the form saves it as the person types).
    Draft {
        case: Uuid,
        text: String,
    },
    Photo {
        case: Uuid,
        sha256: String,
    },
    Sync,
}

impl Step {
    /// Events this step appends to the device's own chain when it succeeds.
    pub fn events(&self) -> u64 {
        match self {
            Step::Case | Step::Set { .. } | Step::Photo { .. } => 1,
            Step::Open | Step::User | Step::SignIn | Step::Draft { .. } | Step::Sync => 0,
        }
    }

    fn line(&self) -> String {
        match self {
            Step::Open => "open".into(),
            Step::User => "user".into(),
            Step::SignIn => "sign_in".into(),
            Step::Case => "case".into(),
            Step::Set { case, field, value } => {
                format!("set {case} {} {value}", field_name(*field))
            }
            Step::Draft { case, text } => format!("draft {case} {text}"),
            Step::Photo { case, sha256 } => format!("photo {case} {sha256}"),
            Step::Sync => "sync".into(),
        }
    }

    pub fn parse(line: &str) -> Step {
        let words: Vec<&str> = line.splitn(4, ' ').collect();
        if let ["draft", case, ..] = words[..] {
            return Step::Draft {
                case: case.parse().unwrap(),
                text: line.splitn(3, ' ').nth(2).unwrap().into(),
            };
        }
        match words[..] {
            ["open"] => Step::Open,
            ["user"] => Step::User,
            ["sign_in"] => Step::SignIn,
            ["case"] => Step::Case,
            ["sync"] => Step::Sync,
            ["set", case, field, value] => Step::Set {
                case: case.parse().unwrap(),
                field: serde_json::from_value(json!(field)).unwrap(),
                value: value.into(),
            },
            ["photo", case, sha256] => Step::Photo {
                case: case.parse().unwrap(),
                sha256: sha256.into(),
            },
            _ => panic!("not a step: {line:?}"),
        }
    }
}

fn field_name(field: Field) -> String {
    serde_json::to_value(field)
        .unwrap()
        .as_str()
        .unwrap()
        .to_string()
}

/// Marks the lines meant for the test: libtest writes on the same stdout, without a newline
/// before the test's own output.
pub const MARK: &str = "@@ ";

fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    writeln!(out, "\n{MARK}{line}").unwrap();
    out.flush().unwrap();
}

/// Run `step`: `begin`, the call, then `ack` with what the answer says, or `fail` and exit.
fn perform(step: &Step, call: impl FnOnce() -> Result<String, String>) -> String {
    say(&format!("begin {}", step.line()));
    match call() {
        Ok(answer) => {
            say(format!("ack {answer}").trim_end());
            answer
        }
        Err(message) => {
            say(&format!("fail {} {message}", step.line()));
            std::process::exit(3);
        }
    }
}

/// Open the app and edit until killed: cases, field values that say which run and step wrote
/// them, a photo now and then, and a sync every few steps when signed in (with the sync loop on,
/// `sync_now` only wakes it, as in the app).
fn work(dir: &Path, run: u64, sync_loop: bool, sign_in: Option<&str>) {
    let started = Instant::now();
    let mut api = None;
    perform(&Step::Open, || {
        api = Some(open_locked(dir, Box::new(SystemClock)));
        Ok(String::new())
    });
    let api = api.unwrap();
    // Set up on the first run, unlocked on later ones (a cut set-up leaves either state).
    let phase = try_call(&api, "lock_state", json!({})).unwrap()["phase"].clone();
    perform(&Step::User, || {
        let secret = passphrase(FIRST_PERSON);
        let answer = if phase == "locked" {
            try_call(&api, "unlock", json!({ "passphrase": secret }))
        } else {
            try_call(
                &api,
                "set_up",
                json!({ "name": FIRST_PERSON, "passphrase": secret }),
            )
        };
        answer.map(|_| String::new())
    });
    if sync_loop {
        api.start_sync(Timing {
            interval: Duration::from_millis(200),
            after_edit: Duration::from_millis(20),
            backoff: Duration::from_millis(50),
            max_backoff: Duration::from_millis(200),
        });
    }
    let mut account = try_call(&api, "sync_status", json!({})).unwrap()["account"].clone();
    if let (Some(url), true) = (sign_in, account.is_null()) {
        perform(&Step::SignIn, || {
            let args = json!({"server": url, "username": "fred", "password": PASSWORD, "device_name": "crash laptop"});
            account = try_call(&api, "sign_in", args)?["account"].clone();
            Ok(String::new())
        });
    }
    let signed_in = !account.is_null();
    // The account's port, as the app offers it; NLRTM before signing in.
    let port = account["ports"][0].as_str().unwrap_or("NLRTM").to_string();
    let mut case: Option<Uuid> = None;
    for n in 0u64.. {
        if started.elapsed() > LIFETIME {
            std::process::exit(0);
        }
        let step = match case {
            Some(case) if n % 7 != 6 => {
                if signed_in && n % 5 == 4 {
                    Step::Sync
                } else if n % 11 == 10 {
                    let bytes = noise_png(16, run * 100_000 + n);
                    Step::Photo {
                        case,
                        sha256: hex::encode(Sha256::digest(&bytes)),
                    }
                } else if n % 4 == 3 {
                    Step::Draft {
                        case,
                        text: format!("CSQU {run} {n}"),
                    }
                } else if n % 2 == 0 {
                    Step::Set {
                        case,
                        field: Field::CaseNotes,
                        value: format!("run {run} note {n}"),
                    }
                } else {
                    Step::Set {
                        case,
                        field: Field::VesselName,
                        value: format!("RUN {run} STEP {n}"),
                    }
                }
            }
            _ => Step::Case,
        };
        let answer = perform(&step, || match &step {
            Step::Case => try_call(&api, "open_case", json!({"port": port}))
                .map(|view| view["case"]["id"].as_str().unwrap().to_string()),
            Step::Set { case, field, value } => try_call(
                &api,
                "set_field",
                json!({"case_id": case, "field": field, "text": value}),
            )
            .map(|_| String::new()),
            Step::Draft { case, text } => try_call(
                &api,
                "save_draft",
                json!({"case_id": case, "field": DRAFT_FIELD, "text": text}),
            )
            .map(|_| String::new()),
            Step::Photo { case, .. } => {
                let bytes = noise_png(16, run * 100_000 + n);
                api.attach_photo(*case, &format!("hold {n}.png"), &bytes)
                    .map(|a| a.sha256)
                    .map_err(|e| e.message)
            }
            Step::Sync => try_call(&api, "sync_now", json!({})).map(|s| {
                format!(
                    "{} {} {}",
                    s["events_waiting"],
                    s["photos_waiting"],
                    s["last_error"]["message"].as_str().unwrap_or("-")
                )
            }),
            Step::Open | Step::User | Step::SignIn => unreachable!(),
        });
        if step == Step::Case {
            case = Some(answer.parse().unwrap());
        }
    }
}
