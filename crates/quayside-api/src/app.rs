//! The app around the cases: who is signed in (and their usual port), what the app is, the form
//! the UI renders and the live check of a value as it is typed.

use quayside_domain::fields::{describe_valid, parse_field, Field};
use serde::Deserialize;
use ts_rs::TS;

use crate::args::{NoArgs, PortArgs};
use crate::error::ApiError;
use crate::reference::reference_data;
use crate::settings::DEFAULT_PORT;
use crate::types::{AppInfo, FieldCheck, ReferenceData, UserProfile};
use crate::Api;

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct CheckFieldArgs {
    pub field: Field,
    pub text: String,
}

impl Api {
    pub(crate) fn app_info(&self, _: NoArgs) -> Result<AppInfo, ApiError> {
        let person = self.person()?;
        let store = self.store();
        Ok(AppInfo {
            version: env!("CARGO_PKG_VERSION").to_string(),
            device_id: store.device().id,
            device_short_id: store.device().short_id.clone(),
            database: store.path().display().to_string(),
            schema_version: quayside_store::Store::schema_version() as u32,
            user: serde_json::from_value(serde_json::Value::String(person.role))
                .ok()
                .map(|role| UserProfile {
                    name: person.name,
                    role,
                }),
            default_port: store.setting(DEFAULT_PORT)?,
        })
    }

    pub(crate) fn set_default_port(&self, args: PortArgs) -> Result<AppInfo, ApiError> {
        let port = parse_field(Field::Port, &args.port, self.now(), self.conventions()?)
            .map_err(|e| ApiError::invalid(Field::Port, e.text))?
            .expect("port is required, so never empty here");
        self.store().set_setting(DEFAULT_PORT, &port)?;
        self.app_info(NoArgs {})
    }

    pub(crate) fn reference_data(&self, _: NoArgs) -> Result<ReferenceData, ApiError> {
        Ok(reference_data())
    }

    pub(crate) fn check_field(&self, args: CheckFieldArgs) -> Result<FieldCheck, ApiError> {
        let checked = parse_field(args.field, &args.text, self.now(), self.conventions()?);
        Ok(match checked {
            Ok(value) => FieldCheck {
                valid: true,
                text: value.as_deref().and_then(|v| describe_valid(args.field, v)),
                value,
            },
            Err(e) => FieldCheck {
                valid: false,
                value: None,
                text: Some(e.text),
            },
        })
    }
}
