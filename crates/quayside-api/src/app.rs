//! The app around the cases: who is signed in (and their usual port), what the app is, the form
//! the UI renders and the live check of a value as it is typed.

use quayside_domain::fields::{describe_valid, parse_field, parse_field_of, Field};
use serde::Deserialize;
use ts_rs::TS;
use uuid::Uuid;

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
    /// The case and entry the value is typed in, for a field checked by another of its entry's
    /// fields (a unit's number, by the unit's kind).
    #[serde(default)]
    #[ts(optional = nullable)]
    pub case_id: Option<Uuid>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub item: Option<Uuid>,
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
        let (now, typed) = (self.now(), self.conventions()?);
        let case = match args.case_id {
            Some(id) => Some(self.store().case(id)?.0),
            None => None,
        };
        let entry = case
            .as_ref()
            .zip(args.item)
            .and_then(|(case, id)| case.items.iter().find(|i| i.id == id));
        let checked = parse_field_of(args.field, &args.text, now, typed, entry);
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
