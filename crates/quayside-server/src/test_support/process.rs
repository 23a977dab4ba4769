//! A server process started by a test or benchmark: its first line says where it listens.

use std::io::{BufRead, BufReader};
use std::process::Child;

/// The URL a just-spawned `serve` (stdout piped) prints as its first line, `listening on URL`.
/// Reading it is also how the caller knows the server is ready.
pub fn listening_url(child: &mut Child) -> String {
    let stdout = child.stdout.take().expect("the server's stdout is piped");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("the server's first line");
    line.trim()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .to_string()
}
