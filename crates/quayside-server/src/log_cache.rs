//! The log's Merkle tree (RFC 6962, `quayside_protocol::merkle`), which checkpoints sign and
//! proofs are cut from. Each process keeps its own in memory and extends it from the store before
//! each answer, in the log's stable order (`ServerStore::log_hashes`), so every process builds the
//! same tree over the same prefix.
//!
//! This is derived data, not shared state: it holds nothing the store does not, any process can
//! throw it away and rebuild it, and it is rebuilt from scratch when the log's epoch changes (a
//! restore), the event at its end is no longer the one it was built on (a restore nobody
//! declared), or the log holds another number of events up to that end than the tree has leaves
//! (a row deleted in the middle). So "all server state is behind ServerStore" still holds.
//!
//! Counting the log is a scan of its rows, so it is done at most every `COUNT_EVERY` per process,
//! not before every answer: a deletion in the middle is noticed within that time.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use quayside_protocol::merkle::{unhex32, Leaf, LogTree};

use crate::storage::{LogPlace, Result, ServerStore, StoreError};

/// Hashes read from the store per query while catching up.
const PAGE: usize = 10_000;

/// How often the log's rows are counted against the tree.
const COUNT_EVERY: Duration = Duration::from_secs(5);

#[derive(Default)]
pub struct LogCache {
    /// When the rows were last counted against the tree (None: not yet).
    counted: Option<Instant>,
    /// How often to count them (`COUNT_EVERY`; zero in tests).
    count_every: Duration,
    epoch: String,
    tree: LogTree,
    /// Where each body hash is in the tree.
    index: HashMap<Leaf, u64>,
    /// The place in the store's order of the last leaf.
    position: LogPlace,
}

impl LogCache {
    pub fn new() -> LogCache {
        LogCache {
            count_every: COUNT_EVERY,
            ..LogCache::default()
        }
    }

    /// Forget the tree, keeping when and how often to count (a rebuilt tree needs no count).
    fn reset(&mut self) {
        *self = LogCache {
            counted: self.counted,
            count_every: self.count_every,
            ..LogCache::default()
        };
    }

    pub fn epoch(&self) -> &str {
        &self.epoch
    }

    pub fn tree(&self) -> &LogTree {
        &self.tree
    }

    /// Where the event with this body hash is in the tree, if it is there.
    pub fn index_of(&self, leaf: &Leaf) -> Option<u64> {
        self.index.get(leaf).copied()
    }

    /// Bring the tree up to the log as the store gives it now.
    pub async fn catch_up(&mut self, store: &dyn ServerStore) -> Result<()> {
        let due = self
            .counted
            .is_none_or(|at| at.elapsed() >= self.count_every);
        if due && !self.tree.is_empty() {
            self.counted = Some(Instant::now());
            let rows = store.log_count(self.position).await?;
            if rows != self.tree.len() {
                tracing::info!(
                    "the log holds {rows} events up to the tree's end, the tree {}: a row was \
                     removed or added in the middle; rebuilding its Merkle tree",
                    self.tree.len()
                );
                self.reset();
            }
        }
        loop {
            let page = store.log_hashes(self.position, PAGE).await?;
            if self.position == LogPlace::default() {
                self.epoch = page.epoch.clone();
            }
            let last_leaf = self
                .tree
                .len()
                .checked_sub(1)
                .and_then(|i| self.tree.leaf(i));
            let still_there = match last_leaf {
                None => true,
                Some(leaf) => page.at_after.as_deref() == Some(hex::encode(leaf).as_str()),
            };
            if page.epoch != self.epoch || !still_there {
                tracing::info!(
                    "the log was replaced (epoch {}, was {}): rebuilding its Merkle tree",
                    page.epoch,
                    self.epoch
                );
                self.reset();
                continue;
            }
            let count = page.hashes.len();
            for hash in page.hashes {
                let leaf = unhex32(&hash).map_err(|e| {
                    StoreError::Backend(format!("the log holds a bad event hash: {e}"))
                })?;
                self.index.insert(leaf, self.tree.len());
                self.tree.push(leaf);
            }
            self.position = page.last;
            if count < PAGE {
                return Ok(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::SqliteStore;

    fn insert(raw: &rusqlite::Connection, tag: &str, leaves: &[Leaf]) {
        for (i, leaf) in leaves.iter().enumerate() {
            raw.execute(
                "INSERT INTO events (id, device_id, device_seq, case_id, body, signature, hash,
                                     received_at)
                 VALUES (?1, 'd', (SELECT coalesce(max(device_seq), 0) + 1 FROM events), 'c',
                         x'00', zeroblob(64), ?2, 'now')",
                rusqlite::params![format!("{tag}{i}"), hex::encode(leaf)],
            )
            .unwrap();
        }
    }

    fn tree_of(leaves: &[Leaf]) -> LogTree {
        let mut tree = LogTree::new();
        for leaf in leaves {
            tree.push(*leaf);
        }
        tree
    }

    #[tokio::test]
    async fn the_tree_follows_the_log_and_is_rebuilt_when_the_log_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("s.sqlite3");
        let store = SqliteStore::open(&file).unwrap();
        let raw = rusqlite::Connection::open(&file).unwrap();
        raw.execute_batch(
            "INSERT INTO users (username, password_hash, role, ports, created_at)
               VALUES ('u', 'h', 'inspector', '[]', 'now');
             INSERT INTO devices (id, public_key, name, username, token_hash, enrolled_at)
               VALUES ('d', zeroblob(32), 'n', 'u', 't', 'now');",
        )
        .unwrap();
        let leaves: Vec<Leaf> = (0..5u8).map(|n| [n; 32]).collect();
        insert(&raw, "a", &leaves[..3]);
        // Counts once an hour, so the test cannot race the interval on a slow machine.
        let mut cache = LogCache {
            count_every: Duration::from_secs(3600),
            ..LogCache::default()
        };
        cache.catch_up(&store).await.unwrap();
        assert_eq!(cache.tree().root(), tree_of(&leaves[..3]).root());
        assert_eq!(cache.epoch(), store.epoch().await.unwrap());
        insert(&raw, "b", &leaves[3..]);
        cache.catch_up(&store).await.unwrap();
        assert_eq!(cache.tree().root(), tree_of(&leaves).root());
        assert_eq!(cache.index_of(&leaves[4]), Some(4));

        // A restore nobody declared: other events where the tree's end was.
        let others: Vec<Leaf> = (0..7u8).map(|n| [100 + n; 32]).collect();
        raw.execute_batch("DROP TRIGGER events_are_never_deleted; DELETE FROM events;")
            .unwrap();
        insert(&raw, "c", &others);
        cache.catch_up(&store).await.unwrap();
        assert_eq!(cache.tree().root(), tree_of(&others).root());
        assert_eq!(cache.index_of(&leaves[0]), None);

        // A row deleted in the middle: the end is still there, the count is not.
        let mut counting = LogCache {
            count_every: Duration::ZERO,
            ..LogCache::default()
        };
        counting.catch_up(&store).await.unwrap();
        assert_eq!(counting.tree().root(), tree_of(&others).root());
        raw.execute("DELETE FROM events WHERE id = 'c3'", [])
            .unwrap();
        let mut left = others.clone();
        left.remove(3);
        counting.catch_up(&store).await.unwrap();
        assert_eq!(counting.tree().root(), tree_of(&left).root());
        assert_eq!(counting.index_of(&others[3]), None);
        cache.catch_up(&store).await.unwrap();
        assert_eq!(cache.tree().len(), 7, "counted at most every few seconds");
        let mut cache = counting;

        // A declared one: a new epoch, the tree made again over the same log.
        let epoch = store.new_epoch().await.unwrap();
        cache.catch_up(&store).await.unwrap();
        assert_eq!(cache.epoch(), epoch);
        assert_eq!(cache.tree().len(), 6);
    }
}
