//! The command table: each command's name, argument type, result type and handler. It is the
//! single list: it drives dispatch and the TypeScript command map, so the two cannot drift apart.
//! Handlers live in the modules named after what they do; this module only routes to them.

use quayside_domain::control_list::ControlList;
use quayside_i18n::Message;
use quayside_store::{
    CaseFilter, CaseSummary, EntityGraph, EntityMatches, LinkStep, QueueFilter, Statistics,
    TimelineEntry, VerifyReport,
};
use serde::de::DeserializeOwned;
use ts_rs::TS;

use crate::analyser::{AnalyserColumns, AnalyserColumnsArgs, ImportReadingsArgs, ReadingsImport};
use crate::analysis::CaseCount;
use crate::annotations::AnnotatePhotoArgs;
use crate::app::CheckFieldArgs;
use crate::args::{CaseArgs, Done, NoArgs, PortArgs};
use crate::bag_labels::{BagLabelArgs, BagLabelFound};
use crate::cases::{
    AddItemArgs, DraftArgs, FieldTextArgs, MoveItemArgs, PlaceItemArgs, RestoreItemArgs,
    SetStatusArgs, WithdrawItemArgs,
};
use crate::custody::{CustodyArgs, EvidenceFromGoodsArgs};
use crate::documents::{AttachDocumentArgs, AttachedDocument, ExcludeDocumentArgs};
use crate::entities::{EntityGraphArgs, EntityLinkArgs, SeenElsewhere, ShortestLinkArgs};
use crate::error::{ApiError, ErrorCode};
use crate::evidence::ServerEvidence;
use crate::export::{ExportCasesArgs, ExportStatisticsArgs};
use crate::files::ExportedFile;
use crate::language::{CatalogueArgs, CatalogueFiles, SetLanguageArgs};
use crate::photos::{
    AttachPhotoArgs, AttachResult, ExcludePhotoArgs, PhotoCaptionArgs, PhotoImage, PhotoImageArgs,
    ReadCodesArgs, VaultReport, WindowArgs, WindowedImage,
};
use crate::review::{
    ApproveArgs, ChangeReasonArgs, CloseArgs, ReturnArgs, ReviewQueue, SubmitArgs,
};
use crate::session::{
    AddPersonArgs, IdleLockArgs, LinkAccountArgs, LockState, NewRecoveryKey, RecoverArgs,
    SetUpArgs, SetUpResult, UnlockArgs,
};
use crate::sync::{SignInArgs, SyncStatus};
use crate::system_login::SystemLoginArgs;
use crate::types::{AppInfo, CaseView, DisplayChoice, FieldCheck, ReferenceData};
use crate::Api;

/// The handler: the `Api` method named like the command, unless the entry names another.
macro_rules! handler {
    ($name:ident) => {
        Api::$name
    };
    ($name:ident, $handler:ident) => {
        Api::$handler
    };
}

/// Call the handler with the bytes beside the arguments when its entry says `bytes`; any other
/// command refuses bytes, so a file cannot be sent where nothing reads it.
macro_rules! call_handler {
    ($api:ident, $command:ident, $args:ident, $bytes:ident, $handler:expr) => {{
        no_bytes($command, $bytes)?;
        $handler($api, $args)
    }};
    ($api:ident, $command:ident, $args:ident, $bytes:ident, $handler:expr, bytes) => {
        $handler($api, $args, $bytes)
    };
}

macro_rules! commands {
    ($( $name:ident ( $args:ty $(, $bytes:ident)? ) -> $result:ty $(= $handler:ident)? ; )*) => {
        pub(crate) fn dispatch(api: &Api, command: &str, args: serde_json::Value, bytes: &[u8]) -> Result<serde_json::Value, ApiError> {
            match command {
                $( stringify!($name) => {
                    let args: $args = parse_args(command, args)?;
                    let result: $result = call_handler!(api, command, args, bytes, handler!($name $(, $handler)?) $(, $bytes)?)?;
                    Ok(serde_json::to_value(result).expect("results always serialize"))
                } )*
                other => Err(ApiError::new(ErrorCode::InvalidRequest, Message::new("error.no_such_command").text("command", other))),
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
    lock_state(NoArgs) -> LockState;
    set_up(SetUpArgs) -> SetUpResult;
    unlock(UnlockArgs) -> LockState;
    recover(RecoverArgs) -> LockState;
    lock(NoArgs) -> LockState;
    still_here(NoArgs) -> Done;
    add_person(AddPersonArgs) -> LockState;
    new_recovery_key(UnlockArgs) -> NewRecoveryKey;
    link_account(LinkAccountArgs) -> LockState;
    unlock_with_system_login(NoArgs) -> LockState;
    set_system_login(SystemLoginArgs) -> LockState;
    set_idle_lock(IdleLockArgs) -> LockState;
    wipe_device(NoArgs) -> LockState;
    app_info(NoArgs) -> AppInfo;
    set_default_port(PortArgs) -> AppInfo;
    reference_data(NoArgs) -> ReferenceData;
    catalogue(CatalogueArgs) -> CatalogueFiles;
    set_language(SetLanguageArgs) -> Done;
    set_display(DisplayChoice) -> LockState;
    check_field(CheckFieldArgs) -> FieldCheck;
    list_cases(CaseFilter) -> Vec<CaseSummary>;
    count_cases(CaseFilter) -> CaseCount;
    statistics(CaseFilter) -> Statistics;
    open_case(PortArgs) -> CaseView;
    get_case(CaseArgs) -> CaseView;
    set_field(FieldTextArgs) -> CaseView;
    add_item(AddItemArgs) -> CaseView;
    withdraw_item(WithdrawItemArgs) -> CaseView;
    move_item(MoveItemArgs) -> CaseView;
    place_item(PlaceItemArgs) -> CaseView;
    restore_item(RestoreItemArgs) -> CaseView;
    apply_control_list(CaseArgs) -> CaseView;
    control_list(NoArgs) -> ControlList;
    attach_photo(AttachPhotoArgs, bytes) -> AttachResult = attach_sent_photo;
    analyser_columns(AnalyserColumnsArgs, bytes) -> AnalyserColumns;
    import_readings(ImportReadingsArgs, bytes) -> ReadingsImport;
    read_codes(ReadCodesArgs, bytes) -> Vec<String>;
    photo_image(PhotoImageArgs) -> PhotoImage;
    photo_windowed(WindowArgs) -> Option<WindowedImage>;
    set_photo_caption(PhotoCaptionArgs) -> CaseView;
    annotate_photo(AnnotatePhotoArgs) -> CaseView;
    exclude_photo(ExcludePhotoArgs) -> CaseView;
    attach_document(AttachDocumentArgs, bytes) -> AttachedDocument = attach_sent_document;
    exclude_document(ExcludeDocumentArgs) -> CaseView;
    check_vault(NoArgs) -> VaultReport;
    set_status(SetStatusArgs) -> CaseView;
    timeline(CaseArgs) -> Vec<TimelineEntry>;
    save_draft(FieldTextArgs) -> Done;
    discard_draft(DraftArgs) -> Done;
    verify_log(NoArgs) -> VerifyReport;
    server_evidence(NoArgs) -> ServerEvidence;
    export_case_bundle(CaseArgs) -> ExportedFile;
    sync_status(NoArgs) -> SyncStatus;
    sign_in(SignInArgs) -> SyncStatus;
    sign_out(NoArgs) -> SyncStatus;
    sync_now(NoArgs) -> SyncStatus;
    submit_case(SubmitArgs) -> CaseView;
    approve_case(ApproveArgs) -> CaseView;
    close_case(CloseArgs) -> CaseView;
    return_case(ReturnArgs) -> CaseView;
    set_change_reason(ChangeReasonArgs) -> CaseView;
    review_queue(QueueFilter) -> ReviewQueue;
    export_case_pdf(CaseArgs) -> ExportedFile;
    export_cases(ExportCasesArgs) -> ExportedFile;
    export_partner_cases(ExportCasesArgs) -> ExportedFile;
    export_statistics(ExportStatisticsArgs) -> ExportedFile;
    evidence_from_goods(EvidenceFromGoodsArgs) -> CaseView;
    record_custody(CustodyArgs) -> CaseView;
    find_bag_label(BagLabelArgs) -> BagLabelFound;
    case_entities(CaseArgs) -> Vec<EntityMatches>;
    set_entity_link(EntityLinkArgs) -> CaseView;
    entity_graph(EntityGraphArgs) -> EntityGraph;
    shortest_link(ShortestLinkArgs) -> Option<Vec<LinkStep>>;
    seen_at_other_ports(CaseArgs) -> SeenElsewhere;
}

/// A command whose entry does not say `bytes` takes none.
fn no_bytes(command: &str, bytes: &[u8]) -> Result<(), ApiError> {
    if bytes.is_empty() {
        return Ok(());
    }
    Err(ApiError::new(
        ErrorCode::InvalidRequest,
        Message::new("error.takes_no_file").text("command", command),
    ))
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
            Message::new("error.bad_arguments")
                .text("command", command)
                .text("detail", e.to_string()),
        )
    })
}
