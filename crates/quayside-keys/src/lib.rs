//! Keys at rest. One random data key protects everything a device holds: the store's database
//! key and the file key are derived from it (HKDF-SHA256, one label each), and files in the data
//! folder are sealed with the file key (`seal`). `KeySlots` keeps the data key itself, wrapped once per person's
//! passphrase and once by the recovery key shown at set-up, and for one person who chooses it under
//! a secret kept in the system keyring (`system_keyring`); `private_file` writes owner-only files.

mod data_key;
mod key_slots;
pub mod private_file;
mod recovery;
mod seal;
pub mod system_keyring;

pub use data_key::{DataKey, DatabaseKey, FileKey};
pub use key_slots::{check_strength, KdfCost, KeyError, KeySlots, KeyringSlot, KEYS_FILE};
pub use recovery::RecoveryKey;
pub use seal::{is_sealed, open, seal, OpenReader, SealError, SealWriter, SEAL_MAGIC};
