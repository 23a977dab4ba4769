//! Argument and result types shared by commands of several modules. Types used by one module's
//! commands only live in that module.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct NoArgs {}

#[derive(Debug, Serialize, TS)]
pub struct Done {
    pub ok: bool,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PortArgs {
    pub port: String,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct CaseArgs {
    pub case_id: Uuid,
}
