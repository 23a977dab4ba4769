//! Keys of the settings this API keeps in the store: who uses the device and their usual port.
//! One list, because several handlers read or write the same keys.

pub(crate) const USER_NAME: &str = "user_name";
pub(crate) const USER_ROLE: &str = "user_role";
pub(crate) const DEFAULT_PORT: &str = "default_port";
