//! Publishing a control list (`quayside-server control-list publish FILE`): the file is checked as
//! a device will check it, signed with the server key as a `Statement::ControlList`, and kept;
//! devices fetch it at their next sync and open new cases under it.

use quayside_domain::control_list::{ControlList, MAX_LIST_BYTES};
use quayside_protocol::{ControlListPublished, Statement};

use crate::server_key::ServerKey;
use crate::storage::{PublishedList, ServerStore};

/// Check, sign and keep the list in `text`; its version. Refused, saying why, when the list is
/// malformed, its version is not above the built-in one and every one published, or too large.
pub async fn publish_control_list(
    store: &dyn ServerStore,
    key: &ServerKey,
    text: &str,
    now: &str,
) -> Result<u32, String> {
    if text.len() > MAX_LIST_BYTES {
        return Err(format!(
            "the list is {} bytes; at most {MAX_LIST_BYTES} are taken",
            text.len()
        ));
    }
    let list = ControlList::parse(text).map_err(|e| format!("not published: {e}"))?;
    let built_in = ControlList::built_in().version;
    if list.version <= built_in {
        return Err(format!(
            "not published: version {built_in} is built into the app; give the list version {} \
             or higher",
            built_in + 1
        ));
    }
    let version = list.version;
    let signed = key.sign(&Statement::ControlList(ControlListPublished {
        list,
        published_at: now.to_string(),
    }));
    store
        .publish_control_list(PublishedList {
            version,
            statement: signed.statement.get().to_string(),
            signature: signed.signature,
            published_at: now.to_string(),
        })
        .await
        .map_err(|e| format!("not published: {e}"))?;
    Ok(version)
}
