//! Command handlers. The `commands!` table is the single list: it drives dispatch and the
//! TypeScript command map, so the two cannot drift apart.

use quayside_domain::case::{CaseFile, Item};
use quayside_domain::event::{Author, CaseStatus, Payload, Role};
use quayside_domain::fields::{describe_valid, parse_field, Field, Section};
use quayside_store::{CaseFilter, CaseSummary, QueueFilter, Store, TimelineEntry, VerifyReport};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::custody::{CustodyArgs, EvidenceFromGoodsArgs};
use crate::error::{ApiError, ErrorCode};
use crate::export::{ExportCasesArgs, ExportStatisticsArgs, ExportedFile};
use crate::photos::{ExcludePhotoArgs, PhotoCaptionArgs, PhotoImage, PhotoImageArgs, VaultReport};
use crate::reference::reference_data;
use crate::review::{ApproveArgs, ChangeReasonArgs, ReturnArgs, ReviewQueue, SubmitArgs};
use crate::sync::{SignInArgs, SyncStatus};
use crate::types::{AppInfo, CaseView, FieldCheck, ReferenceData, UserProfile};
use crate::Api;

macro_rules! commands {
    ($( $name:ident ( $args:ty ) -> $result:ty ; )*) => {
        pub(crate) fn dispatch(api: &Api, command: &str, args: serde_json::Value) -> Result<serde_json::Value, ApiError> {
            match command {
                $( stringify!($name) => {
                    let args: $args = parse_args(command, args)?;
                    let result: $result = api.$name(args)?;
                    Ok(serde_json::to_value(result).expect("results always serialize"))
                } )*
                other => Err(ApiError::new(ErrorCode::InvalidRequest, format!("there is no command {other:?}"))),
            }
        }

        /// `export type Commands = { name: { args: A; result: R } ... }` for the UI's typed `call`.
        pub(crate) fn command_map(cfg: &ts_rs::Config) -> String {
            let mut out = String::from("export type Commands = {\n");
            $( out.push_str(&format!(
                "  {}: {{ args: {}; result: {} }};\n",
                stringify!($name), <$args as TS>::name(cfg), <$result as TS>::name(cfg)
            )); )*
            out.push_str("};\n");
            out
        }

        pub(crate) fn declarations(cfg: &ts_rs::Config) -> Vec<String> {
            vec![ $( <$args as TS>::decl(cfg) ),* ]
        }
    };
}

commands! {
    app_info(NoArgs) -> AppInfo;
    set_user(UserProfile) -> AppInfo;
    set_default_port(PortArgs) -> AppInfo;
    reference_data(NoArgs) -> ReferenceData;
    labels(NoArgs) -> crate::labels::Labels;
    check_field(CheckFieldArgs) -> FieldCheck;
    list_cases(CaseFilter) -> Vec<CaseSummary>;
    count_cases(CaseFilter) -> crate::analysis::CaseCount;
    statistics(CaseFilter) -> quayside_store::Statistics;
    open_case(PortArgs) -> CaseView;
    get_case(CaseArgs) -> CaseView;
    set_field(FieldTextArgs) -> CaseView;
    add_item(AddItemArgs) -> CaseView;
    withdraw_item(WithdrawItemArgs) -> CaseView;
    move_item(MoveItemArgs) -> CaseView;
    photo_image(PhotoImageArgs) -> PhotoImage;
    set_photo_caption(PhotoCaptionArgs) -> CaseView;
    exclude_photo(ExcludePhotoArgs) -> CaseView;
    check_vault(NoArgs) -> VaultReport;
    set_status(SetStatusArgs) -> CaseView;
    timeline(CaseArgs) -> Vec<TimelineEntry>;
    save_draft(FieldTextArgs) -> Done;
    discard_draft(DraftArgs) -> Done;
    verify_log(NoArgs) -> VerifyReport;
    server_evidence(NoArgs) -> crate::evidence::ServerEvidence;
    export_case_bundle(CaseArgs) -> ExportedFile;
    sync_status(NoArgs) -> SyncStatus;
    sign_in(SignInArgs) -> SyncStatus;
    sign_out(NoArgs) -> SyncStatus;
    sync_now(NoArgs) -> SyncStatus;
    submit_case(SubmitArgs) -> CaseView;
    approve_case(ApproveArgs) -> CaseView;
    return_case(ReturnArgs) -> CaseView;
    set_change_reason(ChangeReasonArgs) -> CaseView;
    review_queue(QueueFilter) -> ReviewQueue;
    export_case_pdf(CaseArgs) -> ExportedFile;
    export_cases(ExportCasesArgs) -> ExportedFile;
    export_statistics(ExportStatisticsArgs) -> ExportedFile;
    evidence_from_goods(EvidenceFromGoodsArgs) -> CaseView;
    record_custody(CustodyArgs) -> CaseView;
}

fn parse_args<T: DeserializeOwned>(command: &str, args: serde_json::Value) -> Result<T, ApiError> {
    // A command without arguments may be called with nothing at all.
    let args = if args.is_null() {
        serde_json::json!({})
    } else {
        args
    };
    serde_json::from_value(args).map_err(|e| {
        ApiError::new(
            ErrorCode::InvalidRequest,
            format!("bad arguments for {command}: {e}"),
        )
    })
}

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

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct CheckFieldArgs {
    pub field: Field,
    pub text: String,
}

/// A field and the text typed into it: what is saved, or kept as a draft.
#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct FieldTextArgs {
    pub case_id: Uuid,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub item: Option<Uuid>,
    pub field: Field,
    pub text: String,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct AddItemArgs {
    pub case_id: Uuid,
    pub section: Section,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct WithdrawItemArgs {
    pub case_id: Uuid,
    pub item: Uuid,
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct MoveItemArgs {
    pub case_id: Uuid,
    pub item: Uuid,
    pub direction: Direction,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SetStatusArgs {
    pub case_id: Uuid,
    pub status: CaseStatus,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub reason: Option<String>,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct DraftArgs {
    pub case_id: Uuid,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub item: Option<Uuid>,
    pub field: Field,
}

const USER_NAME: &str = "user_name";
pub(crate) const USER_ROLE: &str = "user_role";
const DEFAULT_PORT: &str = "default_port";
const MAX_REASON_CHARS: usize = 1000;
const MAX_DRAFT_CHARS: usize = 8000;

/// An entry of the case that has not been withdrawn (and is in `section`, when given).
fn live_item(case: &CaseFile, id: Uuid, section: Option<Section>) -> Result<&Item, ApiError> {
    let item = case
        .items
        .iter()
        .find(|i| i.id == id && section.is_none_or(|s| s == i.section))
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotFound,
                format!("no such entry ({id}) in this case"),
            )
        })?;
    if item.withdrawn.is_some() {
        return Err(ApiError::new(
            ErrorCode::Refused,
            "This entry was withdrawn: it can no longer be changed",
        ));
    }
    Ok(item)
}

/// Refuse edits to a withdrawn case: it stays as it was when withdrawn, until reopened.
pub(crate) fn editable(case: &CaseFile) -> Result<(), ApiError> {
    if case.status == CaseStatus::Withdrawn {
        return Err(ApiError::new(
            ErrorCode::Refused,
            "This case was withdrawn: set its status back to open to edit it",
        ));
    }
    Ok(())
}

pub(crate) fn reason_text(reason: &str) -> Result<String, ApiError> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            "Give a reason: it is kept in the case file",
        ));
    }
    if reason.chars().count() > MAX_REASON_CHARS {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            format!("The reason is too long: at most {MAX_REASON_CHARS} characters"),
        ));
    }
    Ok(reason.to_string())
}

impl Api {
    fn now(&self) -> chrono::NaiveDateTime {
        self.store().now().naive_utc()
    }

    pub(crate) fn author(&self) -> Result<Author, ApiError> {
        let store = self.store();
        match (store.setting(USER_NAME)?, store.setting(USER_ROLE)?) {
            (Some(name), Some(role)) => Ok(Author {
                name,
                role: serde_json::from_value(serde_json::Value::String(role)).map_err(|_| {
                    ApiError::new(
                        ErrorCode::NoUser,
                        "The stored role is unknown: set the user again",
                    )
                })?,
            }),
            _ => Err(ApiError::new(
                ErrorCode::NoUser,
                "Say who is using this device before recording anything",
            )),
        }
    }

    pub(crate) fn view(&self, case_id: Uuid) -> Result<CaseView, ApiError> {
        let store = self.store();
        let (case, flags) = store.case(case_id)?;
        Ok(CaseView {
            case,
            flags,
            drafts: store.drafts(case_id)?,
            change_reason: store.change_reason(case_id)?,
        })
    }

    fn app_info(&self, _: NoArgs) -> Result<AppInfo, ApiError> {
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

    fn set_user(&self, profile: UserProfile) -> Result<AppInfo, ApiError> {
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

    fn set_default_port(&self, args: PortArgs) -> Result<AppInfo, ApiError> {
        let port = parse_field(Field::Port, &args.port, self.now())
            .map_err(|e| ApiError::invalid(Field::Port, e.message))?
            .expect("port is required, so never empty here");
        self.store().set_setting(DEFAULT_PORT, &port)?;
        self.app_info(NoArgs {})
    }

    fn reference_data(&self, _: NoArgs) -> Result<crate::types::ReferenceData, ApiError> {
        Ok(reference_data())
    }

    fn check_field(&self, args: CheckFieldArgs) -> Result<FieldCheck, ApiError> {
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

    fn list_cases(&self, filter: CaseFilter) -> Result<Vec<CaseSummary>, ApiError> {
        Ok(self.store().list_cases(&filter)?)
    }

    fn open_case(&self, args: PortArgs) -> Result<CaseView, ApiError> {
        let author = self.author()?;
        let port = parse_field(Field::Port, &args.port, self.now())
            .map_err(|e| ApiError::invalid(Field::Port, e.message))?
            .expect("port is required, so never empty here");
        let case = self.store().open_case(&author, &port)?;
        self.nudge();
        self.view(case.id)
    }

    fn get_case(&self, args: CaseArgs) -> Result<CaseView, ApiError> {
        self.view(args.case_id)
    }

    /// Run a change against a case that may still be edited, then answer with the case as it is now.
    pub(crate) fn change_case(
        &self,
        case_id: Uuid,
        change: impl FnOnce(&mut Store, &CaseFile, &Author) -> Result<(), ApiError>,
    ) -> Result<CaseView, ApiError> {
        let author = self.author()?;
        {
            let mut store = self.store();
            let (case, _) = store.case(case_id)?;
            editable(&case)?;
            change(&mut store, &case, &author)?;
        }
        self.nudge();
        self.view(case_id)
    }

    fn set_field(&self, args: FieldTextArgs) -> Result<CaseView, ApiError> {
        let value = parse_field(args.field, &args.text, self.now())
            .map_err(|e| ApiError::invalid(args.field, e.message))?;
        self.change_case(args.case_id, |store, case, author| {
            let section = args.field.section();
            let current = match (args.item, section.is_list()) {
                (None, false) => case.value(args.field),
                (Some(id), true) => live_item(case, id, Some(section))?.value(args.field),
                (None, true) => {
                    return Err(ApiError::new(
                        ErrorCode::InvalidRequest,
                        format!("{} needs an item", args.field.label()),
                    ))
                }
                (Some(_), false) => {
                    return Err(ApiError::new(
                        ErrorCode::InvalidRequest,
                        format!("{} has no items", section.label()),
                    ))
                }
            };
            // Saving the value already there records nothing: the log holds changes only. In a
            // conflict it settles the conflict, so it is recorded.
            if current != value.as_deref() || case.conflict(args.item, args.field).is_some() {
                store.append_field_edit(author, args.case_id, args.item, args.field, value)?;
            } else {
                store.discard_draft(args.case_id, args.item, args.field)?;
            }
            Ok(())
        })
    }

    fn add_item(&self, args: AddItemArgs) -> Result<CaseView, ApiError> {
        if !args.section.is_list() {
            return Err(ApiError::new(
                ErrorCode::InvalidRequest,
                format!("{} is not a list", args.section.label()),
            ));
        }
        self.change_case(args.case_id, |store, _, author| {
            let item = Uuid::now_v7();
            store.append(
                author,
                args.case_id,
                Payload::ItemAdded {
                    section: args.section,
                    item,
                },
            )?;
            Ok(())
        })
    }

    fn withdraw_item(&self, args: WithdrawItemArgs) -> Result<CaseView, ApiError> {
        let reason = reason_text(&args.reason)?;
        self.change_case(args.case_id, |store, case, author| {
            let section = live_item(case, args.item, None)?.section;
            store.append(
                author,
                args.case_id,
                Payload::ItemWithdrawn {
                    section,
                    item: args.item,
                    reason,
                },
            )?;
            Ok(())
        })
    }

    /// Move an entry one place up or down among the live entries of its list. At either end it
    /// stays where it is and nothing is recorded.
    fn move_item(&self, args: MoveItemArgs) -> Result<CaseView, ApiError> {
        self.change_case(args.case_id, |store, case, author| {
            let section = live_item(case, args.item, None)?.section;
            let order: Vec<Uuid> = case.live_items(section).map(|i| i.id).collect();
            let at = order
                .iter()
                .position(|id| *id == args.item)
                .expect("a live item of this section");
            let after = match args.direction {
                Direction::Up if at == 0 => return Ok(()),
                Direction::Up => at.checked_sub(2).map(|i| order[i]),
                Direction::Down if at + 1 == order.len() => return Ok(()),
                Direction::Down => Some(order[at + 1]),
            };
            store.append(
                author,
                args.case_id,
                Payload::ItemMoved {
                    section,
                    item: args.item,
                    after,
                },
            )?;
            Ok(())
        })
    }

    /// Status changes are allowed on a withdrawn case: that is how it is reopened.
    fn set_status(&self, args: SetStatusArgs) -> Result<CaseView, ApiError> {
        let author = self.author()?;
        let reason = match (&args.reason, args.status) {
            (_, CaseStatus::Withdrawn) => Some(reason_text(args.reason.as_deref().unwrap_or(""))?),
            (Some(r), _) if !r.trim().is_empty() => Some(reason_text(r)?),
            _ => None,
        };
        {
            let mut store = self.store();
            let (case, _) = store.case(args.case_id)?;
            if case.status != args.status {
                store.append(
                    &author,
                    args.case_id,
                    Payload::StatusSet {
                        status: args.status,
                        reason,
                    },
                )?;
            }
        }
        self.view(args.case_id)
    }
    fn timeline(&self, args: CaseArgs) -> Result<Vec<TimelineEntry>, ApiError> {
        Ok(self.store().timeline(args.case_id)?)
    }

    fn save_draft(&self, args: FieldTextArgs) -> Result<Done, ApiError> {
        if args.text.chars().count() > MAX_DRAFT_CHARS {
            return Err(ApiError::invalid(
                args.field,
                format!("Too long: at most {MAX_DRAFT_CHARS} characters"),
            ));
        }
        self.store()
            .save_draft(args.case_id, args.item, args.field, &args.text)?;
        Ok(Done { ok: true })
    }

    fn discard_draft(&self, args: DraftArgs) -> Result<Done, ApiError> {
        self.store()
            .discard_draft(args.case_id, args.item, args.field)?;
        Ok(Done { ok: true })
    }

    fn check_vault(&self, _: NoArgs) -> Result<VaultReport, ApiError> {
        self.vault_report()
    }

    fn verify_log(&self, _: NoArgs) -> Result<VerifyReport, ApiError> {
        Ok(self.store().verify_log()?)
    }
}
