//! The server's log as a Merkle tree (RFC 6962, SHA-256): one leaf per event, in log order, whose
//! data is the event's body hash. A signed checkpoint names the tree's size and root; a consistency
//! proof shows a later tree extends an earlier one (nothing truncated or rewritten), an inclusion
//! proof shows an event is at a place in it. A batch inclusion proof shows many events at once,
//! sending each subtree hash once instead of once per event. Proof hashes travel as hex.

use std::collections::HashMap;

use ct_merkle::mem_backed_tree::MemoryBackedTree;
use ct_merkle::{ConsistencyProof, InclusionProof, RootHash};
use sha2_merkle::{Digest, Sha256};

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

    /// Hashes of the subtrees needed, beside the leaves at `indices`, to recompute the root: each
    /// subtree holding none of them, once, in the order [`verify_batch_inclusion`] reads them.
    /// Following RFC 6962's split (left: the largest power of two below the size), a subtree
    /// holding no index is one hash, an asked leaf is none, any other subtree is its left half
    /// then its right half. Duplicates in `indices` count once; each index must be below `len`.
    /// Empty when `indices` is.
    pub fn batch_inclusion(&self, indices: &[u64]) -> Vec<String> {
        let mut sorted = indices.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        let mut nodes = Vec::new();
        if !sorted.is_empty() {
            self.emit((0, self.len(), 0), &sorted, &mut HashMap::new(), &mut nodes);
        }
        nodes
    }

    /// The nodes of [`LogTree::batch_inclusion`] under the subtree `[lo, hi)` at `depth`, which
    /// holds every index of `asked` (sorted, not empty). A subtree with no asked leaf at depth
    /// `d + 1` is the sibling, at that height, of every asked leaf on its other side: element
    /// `len - 1 - d` of any such leaf's audit path, which is bottom-up. Paths are kept in
    /// `paths`, so each leaf's is made once: O(k log n) for k leaves.
    fn emit(
        &self,
        (lo, hi, depth): (u64, u64, usize),
        asked: &[u64],
        paths: &mut HashMap<u64, Vec<String>>,
        nodes: &mut Vec<String>,
    ) {
        if hi - lo == 1 {
            return;
        }
        let mid = lo + split(hi - lo);
        let (left, right) = asked.split_at(asked.partition_point(|&i| i < mid));
        for (side, other, from, to) in [(left, right, lo, mid), (right, left, mid, hi)] {
            if side.is_empty() {
                let path = paths
                    .entry(other[0])
                    .or_insert_with(|| self.inclusion(other[0]));
                nodes.push(path[path.len() - 1 - depth].clone());
            } else {
                self.emit((from, to, depth + 1), side, paths, nodes);
            }
        }
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

/// The largest power of two below `n` (n > 1): where RFC 6962 splits a tree of `n` leaves.
fn split(n: u64) -> u64 {
    1 << (63 - (n - 1).leading_zeros())
}

fn leaf_hash(leaf: &Leaf) -> Leaf {
    Sha256::new_with_prefix([0x00])
        .chain_update(leaf)
        .finalize()
        .into()
}

fn node_hash(left: &Leaf, right: &Leaf) -> Leaf {
    Sha256::new_with_prefix([0x01])
        .chain_update(left)
        .chain_update(right)
        .finalize()
        .into()
}

/// Check that each `(index, leaf)` is in the tree of `size` leaves whose root is `hex_root`, with
/// `nodes` from [`LogTree::batch_inclusion`] (read in that order), and give each leaf's own audit
/// path (hex, bottom-up, what [`LogTree::inclusion`] gives), in the order of `leaves`.
pub fn verify_batch_inclusion(
    hex_root: &str,
    size: u64,
    leaves: &[(u64, Leaf)],
    nodes: &[String],
) -> Result<Vec<Vec<String>>, String> {
    let root = root(hex_root, size)?;
    if leaves.is_empty() {
        return Err("a batch inclusion proof needs at least one event".into());
    }
    // Positions in `leaves`, by index.
    let mut order: Vec<usize> = (0..leaves.len()).collect();
    order.sort_unstable_by_key(|&p| leaves[p].0);
    for pair in order.windows(2) {
        if leaves[pair[0]].0 == leaves[pair[1]].0 {
            return Err(format!("index {} is named twice", leaves[pair[0]].0));
        }
    }
    let last = leaves[order[order.len() - 1]].0;
    if last >= size {
        return Err(format!("index {last} is not in a log of {size} events"));
    }
    let mut nodes = nodes.iter();
    let mut paths = vec![Vec::new(); leaves.len()];
    let computed = recompute(0, size, &order, leaves, &mut nodes, &mut paths)?;
    if nodes.len() > 0 {
        return Err(format!(
            "the batch inclusion proof has {} hashes more than it needs",
            nodes.len()
        ));
    }
    if computed[..] != root.as_bytes()[..] {
        return Err("the batch inclusion proof does not lead to the checkpoint's root".into());
    }
    Ok(paths
        .into_iter()
        .map(|path| path.iter().map(hex::encode).collect())
        .collect())
}

/// The hash of the subtree `[lo, hi)`, from the leaves at `order` (positions in `leaves`, by index,
/// every one inside it) and the proof's next nodes, appending each sibling met to the audit path
/// of every leaf under it.
fn recompute(
    lo: u64,
    hi: u64,
    order: &[usize],
    leaves: &[(u64, Leaf)],
    nodes: &mut std::slice::Iter<String>,
    paths: &mut [Vec<Leaf>],
) -> Result<Leaf, String> {
    if order.is_empty() {
        let node = nodes
            .next()
            .ok_or("the batch inclusion proof has too few hashes")?;
        return unhex32(node);
    }
    if hi - lo == 1 {
        return Ok(leaf_hash(&leaves[order[0]].1));
    }
    let mid = lo + split(hi - lo);
    let (left, right) = order.split_at(order.partition_point(|&p| leaves[p].0 < mid));
    let l = recompute(lo, mid, left, leaves, nodes, paths)?;
    let r = recompute(mid, hi, right, leaves, nodes, paths)?;
    for &p in left {
        paths[p].push(r);
    }
    for &p in right {
        paths[p].push(l);
    }
    Ok(node_hash(&l, &r))
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

    /// A leaf distinct for each index.
    fn leaf_at(i: u64) -> Leaf {
        let mut leaf = [0xab; 32];
        leaf[..8].copy_from_slice(&i.to_le_bytes());
        leaf
    }

    fn tree_of(n: u64) -> LogTree {
        let mut t = LogTree::new();
        (0..n).for_each(|i| t.push(leaf_at(i)));
        t
    }

    /// The hash of leaves `[lo, hi)` computed from scratch, by RFC 6962's definition.
    fn mth(lo: u64, hi: u64) -> Leaf {
        if hi - lo == 1 {
            return leaf_hash(&leaf_at(lo));
        }
        let mid = lo + split(hi - lo);
        node_hash(&mth(lo, mid), &mth(mid, hi))
    }

    /// The batch proof by its definition, with every subtree hashed from scratch.
    fn reference(lo: u64, hi: u64, asked: &[u64], out: &mut Vec<String>) {
        if !asked.iter().any(|&i| (lo..hi).contains(&i)) {
            out.push(hex::encode(mth(lo, hi)));
        } else if hi - lo > 1 {
            let mid = lo + split(hi - lo);
            reference(lo, mid, asked, out);
            reference(mid, hi, asked, out);
        }
    }

    fn check_batch(n: u64, asked: &[u64]) -> Result<(), String> {
        let t = tree_of(n);
        let nodes = t.batch_inclusion(asked);
        let mut expected = Vec::new();
        reference(0, n, asked, &mut expected);
        if nodes != expected {
            return Err(format!(
                "nodes differ from the definition: {nodes:?} {expected:?}"
            ));
        }
        let leaves: Vec<(u64, Leaf)> = asked.iter().map(|&i| (i, leaf_at(i))).collect();
        let paths = verify_batch_inclusion(&t.root(), n, &leaves, &nodes)?;
        for (&i, path) in asked.iter().zip(&paths) {
            if *path != t.inclusion(i) {
                return Err(format!("path of {i} is not ct-merkle's"));
            }
            verify_inclusion(&t.root(), n, &leaf_at(i), i, path)?;
        }
        let fails = |what: &str, leaves: &[(u64, Leaf)], nodes: &[String], size: u64| {
            match verify_batch_inclusion(&t.root(), size, leaves, nodes) {
                Ok(_) => Err(format!("{what} verified")),
                Err(_) => Ok(()),
            }
        };
        if let Some(first) = nodes.first() {
            let mut flipped = nodes.clone();
            let mut bytes = unhex32(first).unwrap();
            bytes[31] ^= 1;
            flipped[0] = hex::encode(bytes);
            fails("a flipped node", &leaves, &flipped, n)?;
            fails("a missing node", &leaves, &nodes[1..], n)?;
        }
        let mut extra = nodes.clone();
        extra.push(hex::encode([7; 32]));
        fails("an extra node", &leaves, &extra, n)?;
        let mut wrong = leaves.clone();
        wrong[0].1[20] ^= 1;
        fails("a wrong leaf", &wrong, &nodes, n)?;
        if let Some(other) = (0..n).find(|i| !asked.contains(i)) {
            let mut moved = leaves.clone();
            moved[0].0 = other;
            fails("a wrong index", &moved, &nodes, n)?;
        }
        // The size is the signed checkpoint's word, not the proof's: where another size keeps
        // the shape around the asked leaves, the same hashes lead to the same root, as they do
        // for a single path. So: never weaker than ct-merkle's single proofs at that size, and
        // failing when the last leaf, whose shape any other size changes, is asked.
        for size in [n - 1, n + 1] {
            if verify_batch_inclusion(&t.root(), size, &leaves, &nodes).is_ok() {
                for (&(i, leaf), path) in leaves.iter().zip(&paths) {
                    if verify_inclusion(&t.root(), size, &leaf, i, path).is_err() {
                        return Err(format!("size {size} verified, ct-merkle refuses {i}"));
                    }
                }
                if asked.contains(&(n - 1)) {
                    return Err(format!("size {size} verified with the last leaf asked"));
                }
            }
        }
        let mut twice = leaves.clone();
        twice.push(leaves[0]);
        fails("a leaf named twice", &twice, &nodes, n)?;
        Ok(())
    }

    #[test]
    fn batch_proofs_follow_the_definition_and_give_ct_merkles_paths_for_small_trees() {
        for n in 1..=33u64 {
            assert_eq!(hex::encode(mth(0, n)), tree_of(n).root(), "root of {n}");
            for i in 0..n {
                check_batch(n, &[i]).unwrap_or_else(|e| panic!("{n} [{i}]: {e}"));
                for j in i + 1..n {
                    check_batch(n, &[j, i]).unwrap_or_else(|e| panic!("{n} [{j}, {i}]: {e}"));
                }
            }
            check_batch(n, &(0..n).collect::<Vec<_>>()).unwrap();
        }
    }

    #[test]
    fn a_contiguous_run_costs_far_fewer_hashes_than_a_path_each() {
        let t = tree_of(25_000);
        let run: Vec<u64> = (10_000..10_500).collect();
        let batch = t.batch_inclusion(&run).len();
        let paths: usize = run.iter().map(|&i| t.inclusion(i).len()).sum();
        assert!(batch <= 2 * 15, "{batch} hashes");
        assert!(paths > 7_000, "{paths} hashes");
        check_batch(25_000, &run).unwrap();
    }

    #[test]
    fn hostile_batch_proofs_are_errors_not_panics() {
        let t = tree_of(5);
        let leaves = [(1, leaf_at(1))];
        let nodes = t.batch_inclusion(&[1]);
        let err = verify_batch_inclusion(&t.root(), 5, &[], &nodes).unwrap_err();
        assert!(err.contains("at least one"), "{err}");
        assert!(t.batch_inclusion(&[]).is_empty());
        assert!(verify_batch_inclusion(&t.root(), u64::MAX, &leaves, &nodes).is_err());
        // A huge claimed size reads the nodes it is given and stops: too few.
        let err = verify_batch_inclusion(&t.root(), u64::MAX / 2, &leaves, &nodes).unwrap_err();
        assert!(err.contains("too few"), "{err}");
        let err = verify_batch_inclusion(&t.root(), 5, &[(5, leaf_at(5))], &nodes).unwrap_err();
        assert!(err.contains("not in a log of 5"), "{err}");
        let err =
            verify_batch_inclusion(&t.root(), 5, &leaves, &vec!["zz".to_string(); 3]).unwrap_err();
        assert!(err.contains("not a SHA-256"), "{err}");
        let mut extra = nodes.clone();
        extra.push(nodes[0].clone());
        let err = verify_batch_inclusion(&t.root(), 5, &leaves, &extra).unwrap_err();
        assert!(err.contains("1 hashes more"), "{err}");
        let err =
            verify_batch_inclusion(&t.root(), 5, &[leaves[0], leaves[0]], &nodes).unwrap_err();
        assert!(err.contains("index 1 is named twice"), "{err}");
        let err = verify_batch_inclusion(&tree_of(4).root(), 5, &leaves, &nodes).unwrap_err();
        assert!(
            err.contains("does not lead to the checkpoint's root"),
            "{err}"
        );
    }

    mod generated {
        use proptest::prelude::*;
        use proptest::test_runner::{Config, RngSeed};

        fn indices() -> impl Strategy<Value = (u64, Vec<u64>)> {
            (1..300u64).prop_flat_map(|n| {
                let asked = prop_oneof![
                    (0..n).prop_map(|i| vec![i]),
                    Just((0..n).collect::<Vec<_>>()),
                    (0..n, 1..=n).prop_map(move |(s, len)| (s..(s + len).min(n)).collect()),
                    // Nearly contiguous: a run with holes.
                    (0..n, proptest::collection::vec(any::<bool>(), 1..120)).prop_map(
                        move |(s, keep)| {
                            let v: Vec<u64> = (s..n)
                                .zip(keep)
                                .filter_map(|(i, k)| k.then_some(i))
                                .collect();
                            if v.is_empty() {
                                vec![s]
                            } else {
                                v
                            }
                        }
                    ),
                    proptest::sample::subsequence((0..n).collect::<Vec<_>>(), 1..=n as usize),
                ];
                (Just(n), asked.prop_shuffle())
            })
        }

        proptest! {
            #![proptest_config(Config {
                cases: 400,
                failure_persistence: None,
                rng_seed: RngSeed::Fixed(6962),
                max_shrink_time: 30_000,
                ..Config::default()
            })]
            #[test]
            fn batch_proofs_verify_and_give_every_path_and_tampering_fails((n, asked) in indices()) {
                super::check_batch(n, &asked).map_err(TestCaseError::fail)?;
            }
        }
    }
}
