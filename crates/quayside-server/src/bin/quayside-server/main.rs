//! The `quayside-server` command line: admin commands on the data folder or the `--database`
//! (users, devices, the quarantine, a new epoch after a restore, the server's public key, a check
//! of the whole log) and `serve`. `args` is the command line's shape; `new_user` checks a user to
//! add.

mod args;
mod new_user;

use std::io;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;
use quayside_server::auth::role_name;
use quayside_server::config::{check_plain_http, ServeOptions, TlsFiles};
use quayside_server::server_key::ServerKey;
use quayside_server::storage::postgres::redact;
use quayside_server::{audit, listen, now_text, open_backend, published, router_over, AppState};

use crate::args::{
    Cli, Command, ControlListCommand, DeviceCommand, QuarantineCommand, UserCommand,
};
use crate::new_user::new_user;

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_writer(io::stderr)
        .with_ansi(io::IsTerminal::is_terminal(&io::stderr()))
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    // `verify` keeps exit 1 for "problems found"; that it cannot run at all is 2.
    let cannot_run = match cli.command {
        Command::Verify => ExitCode::from(2),
        _ => ExitCode::FAILURE,
    };
    match runtime.block_on(run(cli)) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            cannot_run
        }
    }
}

async fn run(cli: Cli) -> Result<ExitCode, String> {
    // Read before anything else: a mistyped fault must stop the server, not be ignored.
    #[cfg(feature = "test-support")]
    let fault = quayside_server::test_support::fault::Fault::from_env()?;
    if let Command::Key = cli.command {
        // The key is a file in the data folder: no database needed.
        let key = ServerKey::load_or_create(&cli.data_dir)?;
        println!("{}", key.public_hex());
        return Ok(ExitCode::SUCCESS);
    }
    let (store, blobs) = open_backend(cli.database.as_deref(), &cli.data_dir).await?;
    let text = |e: quayside_server::storage::StoreError| e.to_string();
    match cli.command {
        Command::User { command } => match command {
            UserCommand::Add {
                name,
                role,
                ports,
                personal_data,
            } => {
                let user = new_user(name, role.into(), ports, personal_data)?;
                let username = user.username.clone();
                store.add_user(user).await.map_err(text)?;
                println!("added user {username}");
            }
            UserCommand::List => {
                for user in store.users().await.map_err(text)? {
                    let revoked = user
                        .revoked_at
                        .map(|at| format!("\trevoked {at}"))
                        .unwrap_or_default();
                    let personal = if user.personal_data {
                        "\tpersonal data"
                    } else {
                        ""
                    };
                    println!(
                        "{}\t{}\t{}{personal}{revoked}",
                        user.username,
                        role_name(user.role),
                        user.ports.join(",")
                    );
                }
            }
            UserCommand::Revoke { name } => {
                store.revoke_user(&name, &now_text()).await.map_err(text)?;
                println!("revoked user {name}");
            }
        },
        Command::Device { command } => match command {
            DeviceCommand::List => {
                let people = store.device_people().await.map_err(text)?;
                for device in store.devices().await.map_err(text)? {
                    let also = people
                        .get(&device.id)
                        .map(|names| format!("\talso {}", names.join(",")))
                        .unwrap_or_default();
                    let revoked = device
                        .revoked_at
                        .map(|at| format!("\trevoked {at}"))
                        .unwrap_or_default();
                    let wiped = device
                        .wipe_confirmed_at
                        .map(|at| format!("\twipe confirmed {at}"))
                        .unwrap_or_default();
                    println!(
                        "{}\t{}\t{}{also}\tenrolled {}\tseq {}{revoked}{wiped}",
                        device.id,
                        device.name,
                        device.username,
                        device.enrolled_at,
                        device.head_seq
                    );
                }
            }
            DeviceCommand::Revoke { device_id } => {
                store
                    .revoke_device(device_id, &now_text())
                    .await
                    .map_err(text)?;
                println!("revoked device {device_id}");
            }
        },
        Command::Quarantine {
            command: Some(QuarantineCommand::Prune),
        } => {
            let pruned = store.prune_junk().await.map_err(text)?;
            for q in &pruned {
                let line = serde_json::json!({
                    "id": q.id, "pushed_by": q.pushed_by, "batch_index": q.index,
                    "received_at": q.received_at, "sha256": q.hash, "bytes": q.body_bytes,
                    "reason": q.reason,
                });
                println!("{line}");
            }
            eprintln!(
                "removed {} unsigned entries from the quarantine; signed events stay",
                pruned.len()
            );
        }
        Command::Quarantine { command: None } => {
            let events = store.quarantine().await.map_err(text)?;
            if events.is_empty() {
                println!("the quarantine is empty");
            }
            for q in events {
                let event = q.event_id.map(|id| id.to_string()).unwrap_or("?".into());
                let seq = q.device_seq.map(|s| s.to_string()).unwrap_or("?".into());
                let kept = if q.verified {
                    "signed"
                } else {
                    "unsigned, hash and size only"
                };
                println!(
                    "#{}\t{}\tpushed by {}\tevent {event}\tseq {seq}\t{kept}\t{}",
                    q.id, q.received_at, q.pushed_by, q.reason
                );
            }
        }
        Command::ControlList { command } => {
            match command {
                ControlListCommand::Publish { file } => {
                    let text = read_list(&file)?;
                    let key = ServerKey::load_or_create(&cli.data_dir)?;
                    let version = quayside_server::publish_list::publish_control_list(
                        store.as_ref(),
                        &key,
                        &text,
                        &now_text(),
                    )
                    .await?;
                    println!("published control list version {version}: devices take it at their next sync");
                }
                ControlListCommand::List => {
                    for list in store.control_lists(0, usize::MAX).await.map_err(text)? {
                        println!("{}\t{}", list.version, list.published_at);
                    }
                }
            }
        }
        Command::NewEpoch => {
            let epoch = store.new_epoch().await.map_err(text)?;
            println!("new epoch {epoch}: every client pulls again from the start");
        }
        Command::Key => unreachable!("answered before the backend is opened"),
        Command::Verify => {
            let report = audit::verify(store.as_ref(), &blobs).await?;
            for line in &report.problems {
                println!("{line}");
            }
            for line in &report.waiting {
                println!("{line}");
            }
            println!("{}", report.summary());
            if !report.problems.is_empty() {
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::Serve {
            listen,
            tls_cert,
            tls_key,
            insecure_http,
            checkpoint_every,
            token_idle_days,
            token_idle_seconds,
            max_connections,
            unauthenticated_per_minute,
            upload_quota_bytes,
        } => {
            let tls = match (tls_cert, tls_key) {
                (Some(cert), Some(key)) => Some(TlsFiles { cert, key }),
                _ => None,
            };
            check_plain_http(listen, tls.is_some(), insecure_http)?;
            if tls.is_none() && !listen.ip().is_loopback() {
                tracing::warn!(
                    "--insecure-http: serving plain HTTP on {listen}; passwords and tokens cross \
                     the network in clear unless a TLS proxy in front of this server ends TLS"
                );
            }
            // Before listening: a key others may read stops the server here, with the fix.
            let key = ServerKey::load_or_create(&cli.data_dir)?;
            tracing::info!("data folder {}", cli.data_dir.display());
            tracing::info!("server public key {}", key.public_hex());
            match cli.database.as_deref().map(str::trim) {
                Some(url) if !url.is_empty() => tracing::info!("database {}", redact(url)),
                _ => {}
            }
            let mut state = AppState::new(store, Arc::new(blobs), Arc::new(key));
            state.token_idle_lifetime = std::time::Duration::from_secs(
                token_idle_seconds.unwrap_or(u64::from(token_idle_days) * 86_400),
            );
            state.unauthenticated_per_minute = unauthenticated_per_minute;
            if let Some(bytes) = upload_quota_bytes {
                state.upload_quota_bytes = bytes;
            }
            #[cfg(feature = "test-support")]
            let state = {
                use quayside_server::test_support::fault::Fault;
                if fault != Fault::None {
                    tracing::warn!("test-only fault injection is armed: {fault:?}");
                }
                state.with_fault(fault)
            };
            tokio::spawn(quayside_server::blobs::sweep_forever(state.blobs.clone()));
            if checkpoint_every > 0 {
                tokio::spawn(published::publish(
                    state.clone(),
                    published::path(&cli.data_dir),
                    std::time::Duration::from_secs(checkpoint_every),
                ));
            }
            let app = router_over(state);
            listen::serve(
                app,
                ServeOptions {
                    listen,
                    tls,
                    max_connections,
                },
            )
            .await
            .map_err(|e| e.to_string())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A list file, read up to one byte past the largest list taken, so a huge file is not read whole.
fn read_list(path: &std::path::Path) -> Result<String, String> {
    use std::io::Read;
    let limit = quayside_domain::control_list::MAX_LIST_BYTES as u64 + 1;
    let mut text = String::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(limit).read_to_string(&mut text))
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(text)
}
