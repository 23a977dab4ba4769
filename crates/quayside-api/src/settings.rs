//! Keys of the settings this API keeps in the store: the user of older versions, the usual port,
//! the idle lock.
//! One list, because several handlers read or write the same keys.

pub(crate) const USER_NAME: &str = "user_name";
pub(crate) const USER_ROLE: &str = "user_role";
pub(crate) const DEFAULT_PORT: &str = "default_port";
/// Minutes without use after which the app locks itself.
pub(crate) const IDLE_LOCK_MINUTES: &str = "idle_lock_minutes";
