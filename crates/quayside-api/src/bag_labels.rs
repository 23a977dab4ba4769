//! A bag label scanned (into the case list's search, by a handheld scanner or typed): the case
//! and entry it names, when this device holds them.

use quayside_domain::bag_labels::BagLabel;
use quayside_domain::fields::Section;
use quayside_i18n::Message;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::error::{ApiError, ErrorCode};
use crate::Api;

/// Longest text read as a label: a case number and an entry with room to spare.
const MAX_LABEL_CHARS: usize = 200;

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct BagLabelArgs {
    /// What the scanner typed.
    pub text: String,
}

/// The case and entry a label names.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BagLabelFound {
    pub case_id: Uuid,
    pub item: Uuid,
    pub section: Section,
}

impl Api {
    pub(crate) fn find_bag_label(&self, args: BagLabelArgs) -> Result<BagLabelFound, ApiError> {
        let text: String = args.text.chars().take(MAX_LABEL_CHARS + 1).collect();
        let label = if text.chars().count() > MAX_LABEL_CHARS {
            Err(quayside_domain::bag_labels::BagLabelError::Malformed)
        } else {
            BagLabel::read(&text)
        }
        .map_err(|e| {
            ApiError::new(
                ErrorCode::InvalidInput,
                Message::new("error.bag_label_unreadable").text("detail", e.to_string()),
            )
        })?;
        let not_here = || {
            ApiError::new(
                ErrorCode::NotFound,
                Message::new("error.bag_label_not_here").text("case", label.case_number.clone()),
            )
        };
        let store = self.store();
        let case_id = store
            .case_numbered(&label.case_number)?
            .ok_or_else(not_here)?;
        let (case, _) = store.case(case_id)?;
        let item = case
            .items
            .iter()
            .find(|i| i.section == label.section && label.names(i.id))
            .ok_or_else(not_here)?;
        Ok(BagLabelFound {
            case_id,
            item: item.id,
            section: item.section,
        })
    }
}
