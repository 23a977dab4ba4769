//! Event signatures under one rule: ZIP-215's, for a single check and for a batch alike, so the
//! server, every client and the offline checker always agree on which events are signed (plain
//! Ed25519 leaves edge cases open, where a batch may accept what a single check refuses).
//!
//! A batch checks many signatures in one equation, the terms of one key coalesced, so a device's
//! run of events costs a fraction of checking each; if the batch fails, each is checked alone to
//! name the ones that do not verify. The randomness a batch needs comes from the caller (the
//! domain has no I/O): the operating system's, never a predictable one.

use ed25519_zebra::{batch, Signature, VerificationKey, VerificationKeyBytes};
use rand_core_06::{CryptoRng, RngCore};

/// One signature to check: the signed bytes, the signature, the signer's public key.
pub struct Signed<'a> {
    pub message: &'a [u8],
    pub signature: &'a [u8; 64],
    pub key: &'a [u8; 32],
}

/// Whether `signature` over `message` verifies with `key`, under ZIP-215.
pub fn verifies(message: &[u8], signature: &[u8; 64], key: &[u8; 32]) -> bool {
    VerificationKey::try_from(VerificationKeyBytes::from(*key))
        .and_then(|key| key.verify(&Signature::from_bytes(signature), message))
        .is_ok()
}

/// Whether each signature verifies, in order: one batch, then one by one only if it fails.
pub fn verify_all(items: &[Signed<'_>], rng: impl RngCore + CryptoRng) -> Vec<bool> {
    if items.is_empty() {
        return Vec::new();
    }
    let mut verifier = batch::Verifier::new();
    for item in items {
        verifier.queue((
            VerificationKeyBytes::from(*item.key),
            Signature::from_bytes(item.signature),
            &item.message,
        ));
    }
    if verifier.verify(rng).is_ok() {
        return vec![true; items.len()];
    }
    items
        .iter()
        .map(|i| verifies(i.message, i.signature, i.key))
        .collect()
}

/// [`verify_all`] spread over the machine's cores, a batch each (one batch under 128 items).
pub fn verify_on_all_cores<R: RngCore + CryptoRng>(
    items: &[Signed<'_>],
    rng: impl Fn() -> R + Sync,
) -> Vec<bool> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = cores.min(items.len() / 64).max(1);
    if threads == 1 {
        return verify_all(items, rng());
    }
    let rng = &rng;
    std::thread::scope(|scope| {
        let running: Vec<_> = items
            .chunks(items.len().div_ceil(threads))
            .map(|chunk| scope.spawn(move || verify_all(chunk, rng())))
            .collect();
        running
            .into_iter()
            .flat_map(|thread| thread.join().expect("a signature thread panicked"))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use ed25519_dalek::{Signer, SigningKey};

    use super::*;

    struct Owned(Vec<u8>, [u8; 64], [u8; 32]);

    fn signed(key: u8, n: usize) -> Vec<Owned> {
        let signer = SigningKey::from_bytes(&[key; 32]);
        (0..n)
            .map(|i| {
                let message = format!("event {i} of device {key}").into_bytes();
                let signature = signer.sign(&message).to_bytes();
                Owned(message, signature, signer.verifying_key().to_bytes())
            })
            .collect()
    }

    fn refs(items: &[Owned]) -> Vec<Signed<'_>> {
        items
            .iter()
            .map(|Owned(m, s, k)| Signed {
                message: m,
                signature: s,
                key: k,
            })
            .collect()
    }

    fn check(items: &[Owned]) -> Vec<bool> {
        verify_all(&refs(items), rand_core_06::OsRng)
    }

    #[test]
    fn a_batch_of_good_signatures_from_several_keys_verifies() {
        let mut items = signed(1, 40);
        items.extend(signed(2, 3));
        assert_eq!(check(&items), vec![true; 43]);
        assert_eq!(check(&[]), Vec::<bool>::new());
    }

    #[test]
    fn a_forged_event_in_the_middle_of_a_run_is_named_alone() {
        let mut items = signed(3, 30);
        items[17].0[0] ^= 1;
        let other = signed(4, 1).remove(0);
        items[5].1 = other.1;
        let results = check(&items);
        let bad: Vec<usize> = (0..30).filter(|i| !results[*i]).collect();
        assert_eq!(bad, vec![5, 17]);
    }

    #[test]
    fn spread_over_cores_the_answers_keep_their_order() {
        let mut items = signed(7, 700);
        items[650].0[3] ^= 4;
        items[10].0[3] ^= 4;
        let results = verify_on_all_cores(&refs(&items), || rand_core_06::OsRng);
        let bad: Vec<usize> = (0..700).filter(|i| !results[*i]).collect();
        assert_eq!(bad, vec![10, 650]);
    }

    #[test]
    fn single_and_batch_checks_agree_on_edge_cases() {
        let good = signed(5, 1).remove(0);
        // s not reduced below the group order: refused by both.
        let mut unreduced = Owned(good.0.clone(), good.1, good.2);
        unreduced.1[63] |= 0xf0;
        // A small-order key with an identity R and s = 0: ZIP-215 accepts it for any message
        // (so enrollment refuses such keys: a device's key must be one a signer could hold).
        let mut identity = [0u8; 32];
        identity[0] = 1;
        let mut signature = [0u8; 64];
        signature[0] = 1;
        let weak = Owned(b"anything".to_vec(), signature, identity);
        for item in [good, unreduced, weak] {
            let alone = verifies(&item.0, &item.1, &item.2);
            assert_eq!(check(std::slice::from_ref(&item)), vec![alone]);
            let mut with_others = signed(6, 3);
            with_others.push(item);
            assert_eq!(check(&with_others), vec![true, true, true, alone]);
        }
    }
}
