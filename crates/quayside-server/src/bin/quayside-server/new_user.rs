//! A user to add, from the command's arguments and a password on standard input: the name, ports
//! and password checked, the password hashed.

use std::io::{self, BufRead};

use quayside_domain::event::Role;
use quayside_domain::identifiers::parse_locode;
use quayside_server::auth::{hash_password, MAX_USERNAME_CHARS, MIN_PASSWORD_CHARS};
use quayside_server::now_text;
use quayside_server::storage::NewUser;

pub fn new_user(
    name: String,
    role: Role,
    ports: Vec<String>,
    personal_data: bool,
) -> Result<NewUser, String> {
    let username = name.trim().to_string();
    if username.is_empty()
        || username.chars().count() > MAX_USERNAME_CHARS
        || username
            .chars()
            .any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(format!(
            "{name:?} is not a user name: use 1 to 64 characters without spaces"
        ));
    }
    let ports = ports
        .iter()
        .filter(|p| !p.trim().is_empty())
        .map(|p| parse_locode(p).map_err(|e| format!("--ports {p}: {e}")))
        .collect::<Result<Vec<_>, _>>()?;
    if personal_data && role != Role::Analyst {
        return Err(
            "--personal-data is for an analyst's summaries: an inspector or supervisor sees their \
             ports' cases whole, an admin every case"
                .into(),
        );
    }
    if ports.is_empty() && !matches!(role, Role::Admin | Role::Analyst) {
        return Err(
            "an inspector or supervisor works at least one port: add --ports NLRTM (comma-separate several)"
                .into(),
        );
    }
    let password = read_password()?;
    let password_hash =
        hash_password(&password).map_err(|e| format!("cannot hash the password: {e}"))?;
    Ok(NewUser {
        username,
        password_hash,
        role,
        ports,
        now: now_text(),
        personal_data,
    })
}

/// One line of standard input, without its line ending.
fn read_password() -> Result<String, String> {
    let mut line = String::new();
    io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| format!("cannot read the password from standard input: {e}"))?;
    let password = line.trim_end_matches(['\n', '\r']).to_string();
    let length = password.chars().count();
    if length < MIN_PASSWORD_CHARS {
        return Err(format!(
            "the password is {length} characters long; it must have at least {MIN_PASSWORD_CHARS} \
             (a few words make one easy to remember): give it on standard input, one line"
        ));
    }
    Ok(password)
}
