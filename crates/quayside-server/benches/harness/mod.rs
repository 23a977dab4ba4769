//! What both benchmarks need: the release server binary started on a free port, its admin
//! commands (a fresh PostgreSQL database comes from
//! `quayside_server::test_support::database`).

use quayside_server::test_support::process::listening_url;
use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Stdio};

pub const BIN: &str = env!("CARGO_BIN_EXE_quayside-server");
pub const PASSWORD: &str = "benchmark password";

/// Run an admin command (`backend`: extra arguments such as `--database URL`), the password on stdin.
pub fn admin(dir: &Path, backend: &[String], args: &[&str]) {
    let mut child = Command::new(BIN)
        .arg("--data-dir")
        .arg(dir)
        .args(backend)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{PASSWORD}").unwrap();
    assert!(child.wait().unwrap().success());
}

/// Start `serve` on a free loopback port with the global `backend` options and `serve`'s own
/// `options`; the process and its URL.
pub fn serve(dir: &Path, backend: &[String], options: &[&str]) -> (Child, String) {
    let mut child = Command::new(BIN)
        .arg("--data-dir")
        .arg(dir)
        .args(backend)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .args(options)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let url = listening_url(&mut child);
    (child, url)
}
