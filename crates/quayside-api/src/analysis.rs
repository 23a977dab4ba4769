//! Search and statistics for supervisors and analysts: how many cases a list filter selects, and
//! statistics of them. Both take the list's own `CaseFilter`, so the numbers match the list.

use quayside_store::{CaseFilter, Statistics};
use serde::Serialize;
use ts_rs::TS;

use crate::error::ApiError;
use crate::Api;

/// How many cases a filter selects, all pages together.
#[derive(Debug, Serialize, TS)]
pub struct CaseCount {
    #[ts(type = "number")]
    pub total: u64,
}

impl Api {
    pub(crate) fn count_cases(&self, filter: CaseFilter) -> Result<CaseCount, ApiError> {
        let filter = self.typed_filter(filter)?;
        Ok(CaseCount {
            total: self.store().count_cases(&filter)?,
        })
    }

    /// Over every case the list's filter selects, the search included: `total_cases` is the count.
    pub(crate) fn statistics(&self, filter: CaseFilter) -> Result<Statistics, ApiError> {
        let filter = self.typed_filter(filter)?;
        Ok(self.store().statistics(&filter)?)
    }
}
