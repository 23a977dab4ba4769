//! The data key and the keys derived from it. Each derived key has its own HKDF label, so the
//! database key never doubles as the file key. All of them are wiped from memory when dropped.

use hkdf::Hkdf;
use sha2::Sha256;
use zeroize::{Zeroize, ZeroizeOnDrop};

/// 32 random bytes: the root of every key this device uses at rest.
#[derive(Clone, Zeroize, ZeroizeOnDrop, PartialEq, Eq)]
pub struct DataKey([u8; 32]);

impl DataKey {
    /// A fresh key from the operating system's random source.
    pub fn generate() -> DataKey {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).expect("the operating system has a random source");
        DataKey(bytes)
    }

    pub fn from_bytes(bytes: [u8; 32]) -> DataKey {
        DataKey(bytes)
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    fn derive(&self, label: &[u8]) -> [u8; 32] {
        let mut out = [0u8; 32];
        Hkdf::<Sha256>::new(None, &self.0)
            .expand(label, &mut out)
            .expect("32 bytes is a valid HKDF-SHA256 length");
        out
    }

    /// The key SQLCipher opens the store with.
    pub fn database_key(&self) -> DatabaseKey {
        DatabaseKey(self.derive(b"quayside database key v1"))
    }

    /// The key files in the data folder are sealed with.
    pub fn file_key(&self) -> FileKey {
        FileKey(self.derive(b"quayside file key v1"))
    }
}

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(..)")
    }
}

/// A raw 256-bit SQLCipher key: given as `x'..'`, so SQLCipher skips its own (slow) key derivation.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct DatabaseKey([u8; 32]);

impl DatabaseKey {
    /// The value for `PRAGMA key`: `x'<64 hex digits>'` (a raw key, no passphrase derivation).
    pub fn pragma_value(&self) -> String {
        format!("x'{}'", hex::encode(self.0))
    }
}

impl std::fmt::Debug for DatabaseKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DatabaseKey(..)")
    }
}

/// The key that seals files (photos, thumbnails, the signing key, exports in progress).
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct FileKey(pub(crate) [u8; 32]);

impl FileKey {
    pub fn from_bytes(bytes: [u8; 32]) -> FileKey {
        FileKey(bytes)
    }
}

impl std::fmt::Debug for FileKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FileKey(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_keys_differ_from_each_other_and_between_data_keys() {
        let a = DataKey::generate();
        let b = DataKey::generate();
        assert_ne!(a.as_bytes(), b.as_bytes());
        assert_ne!(a.database_key().0, a.file_key().0);
        assert_ne!(a.file_key().0, b.file_key().0);
        assert_eq!(
            a.file_key().0,
            a.clone().file_key().0,
            "derivation is deterministic"
        );
        let pragma = a.database_key().pragma_value();
        assert!(pragma.starts_with("x'") && pragma.ends_with('\'') && pragma.len() == 67);
    }

    #[test]
    fn debug_output_shows_no_key_bytes() {
        let key = DataKey::from_bytes([0xc7; 32]);
        assert!(!format!("{key:?}{:?}{:?}", key.file_key(), key.database_key()).contains("c7"));
    }
}
