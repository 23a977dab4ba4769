//! The app around the cases: who uses this device (and their usual port), what the app is, the
//! form the UI renders and the live check of a value as it is typed.

use quayside_domain::event::Role;
use quayside_domain::fields::{describe_valid, parse_field, Field};
use serde::Deserialize;
use ts_rs::TS;

use crate::args::{NoArgs, PortArgs};
use crate::error::{ApiError, ErrorCode};
use crate::reference::reference_data;
use crate::settings::{DEFAULT_PORT, USER_NAME, USER_ROLE};
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
        let store = self.store();
        let user = match (store.setting(USER_NAME)?, store.setting(USER_ROLE)?) {
            (Some(name), Some(role)) => serde_json::from_value(serde_json::Value::String(role))
                .ok()
                .map(|role| UserProfile { name, role }),
            _ => None,
        };
        Ok(AppInfo {
            version: env!("CARGO_PKG_VERSION").to_string(),
            device_id: store.device().id,
            device_short_id: store.device().short_id.clone(),
            database: store.path().display().to_string(),
            schema_version: quayside_store::Store::schema_version() as u32,
            user,
            default_port: store.setting(DEFAULT_PORT)?,
        })
    }

    pub(crate) fn set_user(&self, profile: UserProfile) -> Result<AppInfo, ApiError> {
        if profile.role == Role::Other {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                "Choose a role: inspector, supervisor or admin",
            ));
        }
        let name = profile.name.trim();
        if name.is_empty() || name.chars().count() > 100 {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                "Give your name as it should appear in case files (1 to 100 characters)",
            ));
        }
        {
            let store = self.store();
            store.set_setting(USER_NAME, name)?;
            let role = serde_json::to_value(profile.role).expect("roles serialize");
            store.set_setting(USER_ROLE, role.as_str().unwrap_or_default())?;
        }
        self.app_info(NoArgs {})
    }

    pub(crate) fn set_default_port(&self, args: PortArgs) -> Result<AppInfo, ApiError> {
        let port = parse_field(Field::Port, &args.port, self.now())
            .map_err(|e| ApiError::invalid(Field::Port, e.message))?
            .expect("port is required, so never empty here");
        self.store().set_setting(DEFAULT_PORT, &port)?;
        self.app_info(NoArgs {})
    }

    pub(crate) fn reference_data(&self, _: NoArgs) -> Result<ReferenceData, ApiError> {
        Ok(reference_data())
    }

    pub(crate) fn check_field(&self, args: CheckFieldArgs) -> Result<FieldCheck, ApiError> {
        Ok(match parse_field(args.field, &args.text, self.now()) {
            Ok(value) => FieldCheck {
                valid: true,
                message: value.as_deref().and_then(|v| describe_valid(args.field, v)),
                value,
            },
            Err(e) => FieldCheck {
                valid: false,
                value: None,
                message: Some(e.message),
            },
        })
    }
}
