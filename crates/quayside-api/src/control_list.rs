//! Control lists: the list a case is judged by, the newest one this device holds, and moving an
//! open case onto it.

use quayside_domain::control_list::ControlList;
use quayside_i18n::Message;
use serde::Serialize;
use ts_rs::TS;

use crate::args::{CaseArgs, NoArgs};
use crate::error::{ApiError, ErrorCode};
use crate::types::CaseView;
use crate::Api;

/// Which control list a case is judged by, and whether a newer one is held.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CaseControlList {
    pub version: u32,
    /// The newest version this device holds: higher than `version` when the case may be moved
    /// onto a newer list.
    pub newest: u32,
}

impl Api {
    /// The newest control list this device holds, whole: for the reference screen.
    pub(crate) fn control_list(&self, _: NoArgs) -> Result<ControlList, ApiError> {
        Ok(self.store().newest_control_list()?.as_ref().clone())
    }

    /// Judge an open case by the newest list held from now on (an event, so it is signed and
    /// synced). A closed case keeps the list it was closed under.
    pub(crate) fn apply_control_list(&self, args: CaseArgs) -> Result<CaseView, ApiError> {
        self.change_case(args.case_id, |store, _, author| {
            match store.apply_newest_control_list(author, args.case_id)? {
                Some(_) => Ok(()),
                None => Err(ApiError::new(
                    ErrorCode::Refused,
                    Message::new("error.control_list_current")
                        .number("version", store.control_list_version()?),
                )),
            }
        })
    }
}
