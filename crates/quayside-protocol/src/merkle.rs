//! The server's log as a Merkle tree (RFC 6962, SHA-256): one leaf per event, in log order, whose
//! data is the event's body hash. A signed checkpoint names the tree's size and root; a consistency
//! proof shows a later tree extends an earlier one (nothing truncated or rewritten), an inclusion
//! proof shows an event is at a place in it. Proof hashes travel as hex.

use ct_merkle::mem_backed_tree::MemoryBackedTree;
use ct_merkle::{ConsistencyProof, InclusionProof, RootHash};
use sha2_merkle::Sha256;

/// A 32-byte event body hash.
pub type Leaf = [u8; 32];

/// The whole log in memory: 32 bytes a leaf and 64 of tree nodes, so a million events take ~100 MB.
#[derive(Debug, Clone, Default)]
pub struct LogTree {
    tree: MemoryBackedTree<Sha256, Leaf>,
}

impl LogTree {
    pub fn new() -> LogTree {
        LogTree::default()
    }

    pub fn push(&mut self, leaf: Leaf) {
        self.tree.push(leaf);
    }

    pub fn len(&self) -> u64 {
        self.tree.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tree.is_empty()
    }

    pub fn leaf(&self, index: u64) -> Option<&Leaf> {
        self.tree.get(usize::try_from(index).ok()?)
    }

    /// Hex root of the tree as it stands (that of the empty tree when it has no leaves).
    pub fn root(&self) -> String {
        hex::encode(self.tree.root().as_bytes())
    }

    /// Sibling hashes proving the leaf at `index` is in the tree as it stands.
    pub fn inclusion(&self, index: u64) -> Vec<String> {
        let proof = self.tree.prove_inclusion(index as usize);
        chunks(proof.as_bytes())
    }

    /// Hashes proving the tree as it stands extends its first `old_size` leaves. Empty when there is
    /// nothing to prove (an empty old tree, or the same size).
    pub fn consistency(&self, old_size: u64) -> Vec<String> {
        if old_size == 0 || old_size >= self.len() {
            return Vec::new();
        }
        let proof = self
            .tree
            .prove_consistency((self.len() - old_size) as usize);
        chunks(proof.as_bytes())
    }
}

fn chunks(bytes: &[u8]) -> Vec<String> {
    bytes.chunks(32).map(hex::encode).collect()
}

fn unhex_all(hashes: &[String]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(hashes.len() * 32);
    for h in hashes {
        out.extend(unhex32(h)?);
    }
    Ok(out)
}

/// A 64-digit hex hash as 32 bytes.
pub fn unhex32(text: &str) -> Result<Leaf, String> {
    hex::decode(text)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| format!("{text:?} is not a SHA-256 in hex"))
}

/// The largest tree ct-merkle's proof functions take without panicking.
const MAX_SIZE: u64 = u64::MAX / 2;

fn root(hex_root: &str, size: u64) -> Result<RootHash<Sha256>, String> {
    if size > MAX_SIZE {
        return Err(format!("a log of {size} events is beyond any real log"));
    }
    let bytes = unhex32(hex_root)?;
    Ok(RootHash::new(bytes.into(), size))
}

/// Check that `leaf` is at `index` in the tree of `size` leaves whose root is `hex_root`.
pub fn verify_inclusion(
    hex_root: &str,
    size: u64,
    leaf: &Leaf,
    index: u64,
    path: &[String],
) -> Result<(), String> {
    if index >= size {
        return Err(format!("index {index} is not in a log of {size} events"));
    }
    let proof = InclusionProof::<Sha256>::try_from_bytes(unhex_all(path)?)
        .map_err(|e| format!("the inclusion proof is malformed: {e}"))?;
    root(hex_root, size)?
        .verify_inclusion(leaf, index, &proof)
        .map_err(|e| format!("the inclusion proof does not lead to the checkpoint's root: {e}"))
}

/// Why a later checkpoint does not extend an earlier one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Inconsistency {
    #[error("the log shrank from {old} to {new} events: it was truncated or rolled back")]
    Shrank { old: u64, new: u64 },
    #[error("the log of {new} events does not extend the one of {old} events seen before: {why}")]
    Rewritten { old: u64, new: u64, why: String },
}

/// Check that the tree (`new_root`, `new_size`) extends the tree (`old_root`, `old_size`).
pub fn verify_consistency(
    old_root: &str,
    old_size: u64,
    new_root: &str,
    new_size: u64,
    path: &[String],
) -> Result<(), Inconsistency> {
    let rewritten = |why: String| Inconsistency::Rewritten {
        old: old_size,
        new: new_size,
        why,
    };
    if new_size < old_size {
        return Err(Inconsistency::Shrank {
            old: old_size,
            new: new_size,
        });
    }
    if old_size == 0 {
        return Ok(());
    }
    if old_size == new_size {
        return if old_root == new_root && path.is_empty() {
            Ok(())
        } else {
            Err(rewritten("same size, another root".into()))
        };
    }
    let old = root(old_root, old_size).map_err(&rewritten)?;
    let new = root(new_root, new_size).map_err(&rewritten)?;
    let proof = ConsistencyProof::<Sha256>::try_from_bytes(unhex_all(path).map_err(&rewritten)?)
        .map_err(|e| rewritten(format!("the proof is malformed: {e}")))?;
    new.verify_consistency(&old, &proof)
        .map_err(|e| rewritten(format!("the consistency proof fails: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaf(n: u8) -> Leaf {
        [n; 32]
    }

    fn tree(n: u8) -> LogTree {
        let mut t = LogTree::new();
        for i in 0..n {
            t.push(leaf(i));
        }
        t
    }

    #[test]
    fn every_prefix_is_consistent_with_every_longer_tree_and_every_leaf_is_included() {
        for new in 1..=17u8 {
            let t = tree(new);
            for old in 0..=new {
                let o = tree(old);
                let path = t.consistency(old as u64);
                verify_consistency(&o.root(), old as u64, &t.root(), new as u64, &path)
                    .unwrap_or_else(|e| panic!("{old} -> {new}: {e}"));
            }
            for i in 0..new {
                let path = t.inclusion(i as u64);
                verify_inclusion(&t.root(), new as u64, &leaf(i), i as u64, &path).unwrap();
                assert!(
                    verify_inclusion(&t.root(), new as u64, &leaf(i + 1), i as u64, &path).is_err()
                );
            }
        }
    }

    #[test]
    fn a_truncated_or_rewritten_log_is_named() {
        let long = tree(10);
        let short = tree(7);
        assert_eq!(
            verify_consistency(&long.root(), 10, &short.root(), 7, &[]),
            Err(Inconsistency::Shrank { old: 10, new: 7 })
        );
        // The same 12 events but the 4th changed: the old root is no prefix of the new tree.
        let mut rewritten = LogTree::new();
        for i in 0..12u8 {
            rewritten.push(if i == 3 { leaf(99) } else { leaf(i) });
        }
        let path = rewritten.consistency(10);
        let err = verify_consistency(&long.root(), 10, &rewritten.root(), 12, &path).unwrap_err();
        assert!(matches!(err, Inconsistency::Rewritten { .. }), "{err}");
        // Same size, another root.
        let err =
            verify_consistency(&long.root(), 10, &rewritten_at(10).root(), 10, &[]).unwrap_err();
        assert!(err.to_string().contains("another root"), "{err}");
    }

    fn rewritten_at(n: u8) -> LogTree {
        let mut t = LogTree::new();
        for i in 0..n {
            t.push(if i == 0 { leaf(200) } else { leaf(i) });
        }
        t
    }

    #[test]
    fn malformed_proofs_are_errors_not_panics() {
        let t = tree(5);
        assert!(verify_inclusion(&t.root(), 5, &leaf(1), 1, &["zz".into()]).is_err());
        assert!(verify_inclusion(&t.root(), 5, &leaf(1), 9, &t.inclusion(1)).is_err());
        assert!(verify_consistency(&tree(3).root(), 3, &t.root(), 5, &[]).is_err());
        assert!(verify_consistency("nothex", 3, &t.root(), 5, &t.consistency(3)).is_err());
        // Sizes and indexes from a hostile server or bundle: refused, never a panic.
        let path = t.inclusion(1);
        assert!(verify_inclusion(&t.root(), u64::MAX, &leaf(1), u64::MAX - 1, &path).is_err());
        assert!(verify_inclusion(
            &t.root(),
            u64::MAX / 2 + 5,
            &leaf(1),
            u64::MAX / 2 + 1,
            &path
        )
        .is_err());
        assert!(verify_consistency(&t.root(), 5, &t.root(), u64::MAX, &path).is_err());
        assert!(verify_consistency(&t.root(), u64::MAX - 1, &t.root(), u64::MAX, &path).is_err());
    }
}
