//! Checkpoints published at intervals: while the server runs, every `--checkpoint-every` seconds
//! that the log grew, a signed checkpoint is appended to `checkpoints.jsonl` in the data folder
//! (one `SignedStatement` a line, synced to disk) and written to the log. An operator or auditor
//! keeps the file (or the log lines) elsewhere; any later log must be consistent with each of them
//! (`POST /v1/checkpoint` with `from_size` gives the proof).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use quayside_protocol::{SignedStatement, Statement};

use crate::routes::checkpoint::current;
use crate::AppState;

/// The file the checkpoints go to, in the data folder.
pub const FILE: &str = "checkpoints.jsonl";

pub fn path(data_dir: &Path) -> PathBuf {
    data_dir.join(FILE)
}

/// Run until the process ends: one checkpoint every `every` in which the log changed.
pub async fn publish(state: AppState, file: PathBuf, every: Duration) {
    let mut published = None;
    let mut timer = tokio::time::interval(every);
    loop {
        timer.tick().await;
        match publish_once(&state, &file, &published).await {
            Ok(Some(mark)) => published = Some(mark),
            Ok(None) => {}
            Err(e) => tracing::error!("checkpoint not published to {}: {e}", file.display()),
        }
    }
}

/// Publish a checkpoint unless the log (its epoch and root, not only its size: a log cut and
/// grown back to the same size is another log) is the one published last; what it published.
async fn publish_once(
    state: &AppState,
    file: &Path,
    last: &Option<(String, String)>,
) -> Result<Option<(String, String)>, String> {
    let checkpoint = {
        let mut log = state.log.lock().await;
        log.catch_up(state.store.as_ref())
            .await
            .map_err(|e| e.to_string())?;
        let mark = (log.epoch().to_string(), log.tree().root());
        if last.as_ref() == Some(&mark) {
            return Ok(None);
        }
        current(log.epoch(), log.tree())
    };
    let mark = (checkpoint.epoch.clone(), checkpoint.root.clone());
    let signed: SignedStatement = state.key.sign(&Statement::Checkpoint(checkpoint));
    let mut line = serde_json::to_vec(&signed).map_err(|e| e.to_string())?;
    line.push(b'\n');
    let file = file.to_path_buf();
    // One write of the whole line to a file opened for appending: several processes sharing the
    // data folder add whole lines.
    tokio::task::spawn_blocking(move || -> std::io::Result<()> {
        let mut out = crate::private::file_options()
            .create(true)
            .append(true)
            .open(&file)?;
        out.write_all(&line)?;
        out.sync_data()
    })
    .await
    .map_err(|e| e.to_string())?
    .map_err(|e| e.to_string())?;
    tracing::info!("checkpoint published: {}", signed.statement.get());
    Ok(Some(mark))
}
