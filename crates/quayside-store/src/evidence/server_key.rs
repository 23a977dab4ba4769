//! The server key this device pinned at sign-in, kept as a setting: enrollments count only
//! under it, and a case's evidence names it.

use crate::error::Result;
use crate::store::Store;

/// The setting that holds the server's public key (hex) this device pinned at sign-in.
pub const SERVER_KEY_SETTING: &str = "sync.server_key";

impl Store {
    /// The server key (hex) this device pinned, if any.
    pub fn server_key(&self) -> Result<Option<String>> {
        Ok(self.setting(SERVER_KEY_SETTING)?.filter(|k| !k.is_empty()))
    }

    /// Pin the server key (hex); an empty key forgets it (signing in to another server).
    pub fn pin_server_key(&self, hex_key: &str) -> Result<()> {
        self.set_setting(SERVER_KEY_SETTING, hex_key)
    }
}
