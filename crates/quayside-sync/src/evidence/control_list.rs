//! Control lists the server published: fetched when the server has a newer one than this device,
//! verified with the pinned key, checked as the domain reads a list, and kept. New cases are opened
//! under the newest list held; cases opened before keep theirs.

use std::sync::Mutex;

use ed25519_dalek::VerifyingKey;
use quayside_protocol::{ControlListsPage, Statement, SyncState};
use quayside_store::{ReceivedList, Store};

use super::statement::{bad_statement, verified};
use crate::error::SyncError;
use crate::http::Remote;
use crate::settings::lock;

/// Fetch, verify and keep every list newer than the newest held. A list the pinned key did not
/// sign, or that is not a list this app can judge by, stops the sync with an alert and is not kept.
pub(crate) fn take_control_lists(
    remote: &Remote,
    store: &Mutex<Store>,
    (key, _): &(VerifyingKey, String),
    state: &SyncState,
) -> Result<u32, SyncError> {
    let mut held = lock(store).control_list_version()?;
    let mut taken = 0;
    while state.control_list_version > held {
        let page: ControlListsPage = remote.get(&format!("/control-lists?after={held}"))?;
        if page.lists.is_empty() {
            break;
        }
        let store = lock(store);
        for signed in &page.lists {
            let Statement::ControlList(published) =
                verified(&store, key, signed, "a control list")?
            else {
                return Err(bad_statement(
                    &store,
                    "another statement in the place of a control list",
                ));
            };
            if published.list.version <= held {
                return Err(bad_statement(
                    &store,
                    &format!(
                        "control list {} after version {held}, which it was asked for",
                        published.list.version
                    ),
                ));
            }
            if let Err(why) = published.list.check() {
                return Err(bad_statement(
                    &store,
                    &format!("a control list that cannot be used ({why})"),
                ));
            }
            held = published.list.version;
            store.keep_control_list(&ReceivedList {
                list: published.list,
                statement: signed.statement.get().to_string(),
                signature: signed.signature.clone(),
            })?;
            taken += 1;
        }
    }
    Ok(taken)
}
