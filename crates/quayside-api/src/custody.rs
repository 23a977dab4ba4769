//! Evidence and its chain of custody: evidence items made from goods found, and handovers of
//! evidence items and samples recorded on the receiving person's device.

use quayside_domain::custody::{self, parse_handover_time};
use quayside_domain::event::Payload;
use quayside_domain::fields::{Field, Section};
use quayside_domain::values::parse_text;
use quayside_i18n::Message;
use serde::Deserialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::error::{ApiError, ErrorCode};
use crate::types::CaseView;
use crate::Api;

const MAX_NAME_CHARS: usize = 200;

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct EvidenceFromGoodsArgs {
    pub case_id: Uuid,
    /// A live goods-found entry: its description and quantity start the evidence item.
    pub goods: Uuid,
}

/// A handover, as the receiving person records it on their own device.
#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct CustodyArgs {
    pub case_id: Uuid,
    /// A live entry of the evidence or samples section.
    pub item: Uuid,
    pub from: String,
    pub to: String,
    pub place: String,
    /// When the goods changed hands, e.g. "2026-11-28 14:30".
    pub at: String,
    pub condition: String,
}

/// Required text of a handover, trimmed: what is wrong says which box to fill (`label`, the
/// key of the box's name). Its length is checked here for that reason; the text checks that
/// remain (control characters) say where in the text.
fn required(label: &str, text: &str) -> Result<String, ApiError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            Message::new("error.handover_required").label("box", label),
        ));
    }
    let length = text.chars().count();
    if length > MAX_NAME_CHARS {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            Message::new("error.handover_too_long")
                .label("box", label)
                .number("length", length as f64)
                .number("max", MAX_NAME_CHARS as f64),
        ));
    }
    parse_text(text, MAX_NAME_CHARS).map_err(ApiError::from)
}

impl Api {
    pub(crate) fn evidence_from_goods(
        &self,
        args: EvidenceFromGoodsArgs,
    ) -> Result<CaseView, ApiError> {
        self.change_case(args.case_id, |store, case, author| {
            let goods = case
                .live_items(Section::GoodsFound)
                .find(|i| i.id == args.goods)
                .ok_or_else(|| {
                    ApiError::new(ErrorCode::NotFound, Message::new("error.no_such_goods"))
                })?;
            let description = goods.value(Field::GoodsDescription).map(str::to_string);
            let quantity = goods.value(Field::GoodsQuantity).map(str::to_string);
            let item = Uuid::now_v7();
            store.append(
                author,
                args.case_id,
                Payload::ItemAdded {
                    section: Section::Evidence,
                    item,
                },
            )?;
            for (field, value) in [
                (Field::EvidenceDescription, description),
                (Field::EvidenceQuantity, quantity),
            ] {
                if value.is_some() {
                    store.append_field_edit(author, args.case_id, Some(item), field, value)?;
                }
            }
            Ok(())
        })
    }

    pub(crate) fn record_custody(&self, args: CustodyArgs) -> Result<CaseView, ApiError> {
        let from = required("handover.from", &args.from)?;
        let to = required("handover.to", &args.to)?;
        let place = required("handover.place", &args.place)?;
        let condition = required("handover.condition", &args.condition)?;
        let typed = self.conventions()?;
        // The form's time is this device's local time: compared with it, not with UTC.
        let local_now = self
            .store()
            .now()
            .with_timezone(&chrono::Local)
            .naive_local();
        let at = parse_handover_time(&args.at, local_now, typed).map_err(ApiError::from)?;
        self.change_case(args.case_id, |store, case, author| {
            // Evidence items and samples change hands, while they stand.
            if !custody::CUSTODY_SECTIONS
                .iter()
                .any(|s| case.live_items(*s).any(|i| i.id == args.item))
            {
                return Err(ApiError::new(
                    ErrorCode::NotFound,
                    Message::new("error.no_such_custody_item"),
                ));
            }
            store.append(
                author,
                args.case_id,
                Payload::CustodyTransferred {
                    item: args.item,
                    from,
                    to,
                    place,
                    at,
                    condition,
                },
            )?;
            Ok(())
        })
    }
}
