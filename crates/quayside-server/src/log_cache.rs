//! The log's Merkle tree (RFC 6962, `quayside_protocol::merkle`), which checkpoints sign and
//! proofs are cut from. Each process keeps its own in memory and extends it from the store before
//! each answer, in the log's stable order (`ServerStore::log_hashes`), so every process builds the
//! same tree over the same prefix.
//!
//! This is derived data, not shared state: it holds nothing the store does not, any process can
//! throw it away and rebuild it, and it is rebuilt from scratch when the log's epoch changes (a
//! restore) or the event at its end is no longer the one it was built on (a restore nobody
//! declared). So "all server state is behind ServerStore" still holds.

use std::collections::HashMap;

use quayside_protocol::merkle::{unhex32, Leaf, LogTree};

use crate::storage::{LogPlace, Result, ServerStore, StoreError};

/// Hashes read from the store per query while catching up.
const PAGE: usize = 10_000;

#[derive(Default)]
pub struct LogCache {
    epoch: String,
    tree: LogTree,
    /// Where each body hash is in the tree.
    index: HashMap<Leaf, u64>,
    /// The place in the store's order of the last leaf.
    position: LogPlace,
}

impl LogCache {
    pub fn new() -> LogCache {
        LogCache::default()
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
                *self = LogCache::new();
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
