//! The `Store` handle: the open connection, this device, the clock and the database's path, and
//! the names of the files a data folder holds. Opening is in `lib.rs`; every other module adds
//! the methods of its own tables to this type.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::clock::Clock;
use crate::device::Device;

pub const DATABASE_FILE: &str = "quayside.sqlite3";
pub const DEVICE_KEY_FILE: &str = "device.key";

pub struct Store {
    pub(crate) conn: Connection,
    pub(crate) device: Device,
    pub(crate) clock: Box<dyn Clock>,
    pub(crate) path: PathBuf,
}

impl Store {
    /// The time as this store sees it (tests move it).
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    pub fn device(&self) -> &Device {
        &self.device
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}
