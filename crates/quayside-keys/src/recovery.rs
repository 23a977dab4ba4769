//! The recovery key: 160 random bits shown once at set-up as eight groups of five Crockford
//! base32 characters, the last 40 bits a checksum so a mistyped key is told apart from a wrong one.

use hkdf::Hkdf;
use sha2::{Digest, Sha256};
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::key_slots::{random, KeyError};

const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const SECRET_BYTES: usize = 20;
const CHECK_BYTES: usize = 5;
const CHARS: usize = (SECRET_BYTES + CHECK_BYTES) * 8 / 5;

#[derive(Zeroize, ZeroizeOnDrop)]
pub struct RecoveryKey([u8; SECRET_BYTES]);

impl RecoveryKey {
    pub(crate) fn generate() -> RecoveryKey {
        RecoveryKey(random())
    }

    /// `ABCDE-FGHJK-...`: what the person writes down.
    pub fn display_text(&self) -> String {
        let mut bytes = Zeroizing::new(self.0.to_vec());
        bytes.extend_from_slice(&check(&self.0));
        let mut out = String::with_capacity(CHARS + 7);
        let mut acc: u64 = 0;
        let mut bits = 0;
        let mut written = 0;
        for &byte in bytes.iter() {
            acc = (acc << 8) | u64::from(byte);
            bits += 8;
            while bits >= 5 {
                bits -= 5;
                if written > 0 && written % 5 == 0 {
                    out.push('-');
                }
                out.push(CROCKFORD[((acc >> bits) & 31) as usize] as char);
                written += 1;
            }
        }
        out
    }

    /// Read a key as typed: case, spaces and dashes do not matter; O reads as 0, I and L as 1.
    pub(crate) fn parse(text: &str) -> Result<RecoveryKey, KeyError> {
        let mut values = Vec::with_capacity(CHARS);
        for c in text.chars().filter(|c| !c.is_whitespace() && *c != '-') {
            let c = match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                c => c,
            };
            let value = CROCKFORD
                .iter()
                .position(|&d| d as char == c)
                .ok_or(KeyError::RecoveryKeyCharacter(c))?;
            values.push(value as u64);
        }
        if values.len() != CHARS {
            return Err(KeyError::RecoveryKeyLength {
                chars: values.len(),
                expected: CHARS,
            });
        }
        let mut bytes = Zeroizing::new(Vec::with_capacity(SECRET_BYTES + CHECK_BYTES));
        let (mut acc, mut bits) = (0u64, 0);
        for value in values {
            acc = (acc << 5) | value;
            bits += 5;
            if bits >= 8 {
                bits -= 8;
                bytes.push((acc >> bits) as u8);
            }
        }
        let secret: [u8; SECRET_BYTES] = bytes[..SECRET_BYTES].try_into().expect("length checked");
        if bytes[SECRET_BYTES..] != check(&secret) {
            return Err(KeyError::RecoveryKeyTypo);
        }
        Ok(RecoveryKey(secret))
    }

    /// The key that wraps the data key. 160 random bits need no stretching, only a label.
    pub(crate) fn wrapping_key(&self) -> Zeroizing<[u8; 32]> {
        let mut out = Zeroizing::new([0u8; 32]);
        Hkdf::<Sha256>::new(None, &self.0)
            .expand(b"quayside recovery key v1", out.as_mut())
            .expect("32 bytes is a valid HKDF-SHA256 length");
        out
    }
}

fn check(secret: &[u8; SECRET_BYTES]) -> [u8; CHECK_BYTES] {
    let digest = Sha256::digest(secret);
    digest[..CHECK_BYTES]
        .try_into()
        .expect("a digest is longer")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_reads_back_from_its_text_however_it_is_typed() {
        let key = RecoveryKey::generate();
        let text = key.display_text();
        assert_eq!(text.len(), CHARS + 7);
        assert_eq!(text.split('-').count(), 8);
        let typed = text
            .to_lowercase()
            .replace('-', " ")
            .replace('0', "o")
            .replace('1', "l");
        assert_eq!(RecoveryKey::parse(&typed).unwrap().0, key.0);
        assert!(matches!(
            RecoveryKey::parse("ABC"),
            Err(KeyError::RecoveryKeyLength { chars: 3, .. })
        ));
        assert!(matches!(
            RecoveryKey::parse(&text.replace('-', "U")),
            Err(KeyError::RecoveryKeyCharacter('U'))
        ));
    }
}
