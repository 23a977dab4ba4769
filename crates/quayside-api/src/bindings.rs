//! The TypeScript the UI imports: every type that crosses IPC, and the command map.
//! `ui/src/bindings.ts` is this output, committed; a test fails when it is stale.

use quayside_domain::annotation::{Annotation, Mark, Point};
use quayside_domain::case::{CaseFile, Change, ClearedField, Conflict, FieldValue, Item, Rival};
use quayside_domain::event::{CaseStatus, Role};
use quayside_domain::fields::{Field, Section};
use quayside_domain::flags::{Flag, FlagCode};
use quayside_domain::photo::{Capture, Exif, Photo};
use quayside_domain::reference::{CodeEntry, WatchEntry};
use quayside_domain::timeline::{ChangeValue, LabelPart};
use quayside_store::{
    CaseFilter, CaseSort, CaseSummary, Draft, Problem, SyncRefusal, TimelineEntry, VerifyReport,
};
use quayside_sync::{LoopState, Phase, Progress, SyncReport};
use ts_rs::{Config, TS};

use crate::args::Done;
use crate::cases::Direction;
use crate::commands;
use crate::error::{ApiError, ErrorCode};
use crate::photos::{
    AttachResult, AttachStatus, CaptureArgs, ImageSize, PhotoImage, PickedPhoto, ReadCodesArgs,
    VaultProblem, VaultReport, WindowArgs, WindowedImage,
};
use crate::sync::SyncStatus;
use crate::types::{
    AppInfo, CaseView, FieldCheck, FieldInfo, Input, ReferenceData, SectionInfo, UserProfile,
};

macro_rules! decls {
    ($cfg:expr; $($ty:ty),* $(,)?) => { vec![ $( <$ty as TS>::decl($cfg) ),* ] };
}

pub fn typescript_bindings() -> String {
    let cfg = Config::new();
    let mut decls = decls![&cfg;
        Section, Field, CaseStatus, Photo, Exif, Capture, Annotation, Mark, Point, CaptureArgs, WindowArgs, WindowedImage, ReadCodesArgs, Role, FieldValue, Item, CaseFile, Change, ChangeValue, LabelPart, Flag, FlagCode,
        CodeEntry, WatchEntry, Draft, CaseFilter, CaseSort, CaseSummary, TimelineEntry, Problem,
        VerifyReport, ApiError, ErrorCode, UserProfile, AppInfo, CaseView, FieldCheck, Input,
        FieldInfo, SectionInfo, ReferenceData, Done, Direction, AttachResult, AttachStatus, ImageSize, PhotoImage, PickedPhoto, VaultReport, VaultProblem,
        Conflict, Rival, ClearedField, SyncStatus, LoopState, Phase, Progress, SyncReport, SyncRefusal,
        quayside_protocol::Account, quayside_protocol::ErrorCode,
        quayside_domain::review::Review, quayside_domain::review::ReviewState,
        quayside_domain::review::ReviewDecision, quayside_domain::event::SectionComment,
        quayside_domain::review::FlagAcknowledgement, quayside_domain::state::CaseState,
        quayside_store::QueuedCase, crate::review::ReviewQueue, crate::files::ExportedFile,
        crate::export::TableFormat, quayside_domain::custody::CustodyRecord,
        crate::bag_labels::BagLabelArgs, crate::bag_labels::BagLabelFound,
        crate::analysis::CaseCount, quayside_store::Statistics, quayside_store::Bucket,
        quayside_store::RouteCount, crate::evidence::ServerEvidence,
        crate::evidence::CheckpointSeen, quayside_store::RefusedEvent, crate::evidence::RevokedDevice, crate::evidence::Alert,
        crate::session::LockPhase, crate::session::LockState, crate::session::SetUpResult,
        crate::session::NewRecoveryKey, crate::system_login::SystemLoginArgs,
        quayside_i18n::Locale, quayside_i18n::Message, quayside_i18n::Arg, crate::language::CatalogueFiles,
        crate::types::DisplayChoice, crate::types::Theme, crate::types::Density,
        crate::analyser::ColumnRole, crate::analyser::ColumnMeaning, crate::analyser::AnalyserColumns,
        crate::analyser::ReadingsImport, crate::analyser::Concentration,
        quayside_domain::control_list::ControlList,
        quayside_domain::control_list::ControlEntry, quayside_domain::control_list::ListRef,
        quayside_domain::flags::SuggestedOutcome, crate::control_list::CaseControlList,
        quayside_domain::document::Document, quayside_domain::document::DocumentType,
        crate::documents::AttachedDocument,
        quayside_domain::entities::EntityKind, quayside_domain::entities::EntityLink,
        quayside_store::EntityMatches, quayside_store::SeenIn, quayside_store::NearKey,
        quayside_store::EntityGraph, quayside_store::GraphCase, quayside_store::GraphEntity,
        quayside_store::GraphEdge, quayside_store::GraphLink, quayside_store::LinkStep,
        crate::entities::SeenElsewhere, crate::entities::EntityCount,
    ];
    decls.extend(commands::declarations(&cfg));
    decls.sort();
    decls.dedup();
    let mut out = String::from(
        "// Generated from the Rust types by quayside-api. Do not edit by hand:\n\
         // run `QUAYSIDE_WRITE_BINDINGS=1 cargo test -p quayside-api bindings` after changing them.\n\n",
    );
    for decl in decls {
        out.push_str("export ");
        out.push_str(&decl);
        out.push_str("\n\n");
    }
    out.push_str(&commands::command_map(&cfg));
    out
}
