//! Keys at rest. One random data key protects everything a device holds: the store's database
//! key and the file key are derived from it (HKDF-SHA256, one label each), and files in the data
//! folder are sealed with the file key (`seal`). How the data key itself is kept (wrapped by a
//! passphrase, a recovery key or the OS keyring) lives beside it.

mod data_key;
mod seal;

pub use data_key::{DataKey, DatabaseKey, FileKey};
pub use seal::{is_sealed, open, seal, OpenReader, SealError, SealWriter, SEAL_MAGIC};
