//! Case handlers: open a case, fill its fields and lists, drafts of unsaved input, its status and
//! timeline, and the case list.

use quayside_domain::event::{CaseStatus, Payload};
use quayside_domain::fields::{parse_field, parse_field_of, Field, FieldKind, Section};
use quayside_domain::reference as r;
use quayside_domain::state::CaseState;
use quayside_domain::unit_numbers::parse_unit_number;
use quayside_i18n::Message;
use quayside_store::{CaseFilter, CaseSummary, TimelineEntry};
use serde::Deserialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::args::{CaseArgs, Done, PortArgs};
use crate::error::{ApiError, ErrorCode};
use crate::guards::{closed, entry, live_item, reason_text, withdrawn_item};
use crate::types::CaseView;
use crate::Api;

const MAX_DRAFT_CHARS: usize = 8000;

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

/// An entry to take back from withdrawal.
#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RestoreItemArgs {
    pub case_id: Uuid,
    pub item: Uuid,
}

/// Where to put an entry back: right after `after`, an entry of its list (withdrawn ones count),
/// or first when None.
#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PlaceItemArgs {
    pub case_id: Uuid,
    pub item: Uuid,
    pub after: Option<Uuid>,
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

impl Api {
    pub(crate) fn list_cases(&self, filter: CaseFilter) -> Result<Vec<CaseSummary>, ApiError> {
        let filter = self.typed_filter(filter)?;
        Ok(self.store().list_cases(&filter)?)
    }

    pub(crate) fn open_case(&self, args: PortArgs) -> Result<CaseView, ApiError> {
        let author = self.author()?;
        let port = parse_field(Field::Port, &args.port, self.now(), self.conventions()?)
            .map_err(|e| ApiError::invalid(Field::Port, e.text))?
            .expect("port is required, so never empty here");
        let case = self.store().open_case(&author, &port)?;
        self.nudge();
        self.view(case.id)
    }

    pub(crate) fn get_case(&self, args: CaseArgs) -> Result<CaseView, ApiError> {
        self.view(args.case_id)
    }

    pub(crate) fn set_field(&self, args: FieldTextArgs) -> Result<CaseView, ApiError> {
        let (now, typed) = (self.now(), self.conventions()?);
        self.change_case(args.case_id, |store, case, author| {
            let section = args.field.section();
            let entry = match (args.item, section.is_list()) {
                (Some(id), true) => Some(live_item(case, id, Some(section))?),
                _ => None,
            };
            // Read beside its entry: a unit's number is checked by the unit's kind.
            let value = parse_field_of(args.field, &args.text, now, typed, entry)
                .map_err(|e| ApiError::invalid(args.field, e.text))?;
            let current = match (args.item, section.is_list()) {
                (None, false) => case.value(args.field),
                (Some(_), true) => entry.and_then(|e| e.value(args.field)),
                (None, true) => {
                    return Err(ApiError::new(
                        ErrorCode::InvalidRequest,
                        Message::new("error.field_needs_item")
                            .label("field", args.field.label_key()),
                    ))
                }
                (Some(_), false) => {
                    return Err(ApiError::new(
                        ErrorCode::InvalidRequest,
                        Message::new("error.section_has_no_items")
                            .label("section", section.label_key()),
                    ))
                }
            };
            // A link to another entry holds only an entry of this case that stands.
            if let (FieldKind::ItemOf(target), Some(id)) = (args.field.kind(), value.as_deref()) {
                let linked = case.live_items(target).any(|i| i.id.to_string() == id);
                if !linked {
                    return Err(ApiError::invalid(
                        args.field,
                        Message::new("invalid.item_not_in_case")
                            .label("item", target.item_key().unwrap_or_default()),
                    ));
                }
            }
            // A unit's kind changes only to one its number is valid for: a number is never left
            // standing unchecked under a kind it was not read by.
            if let (Field::UnitKind, Some(kind), Some(unit)) = (args.field, value.as_deref(), entry)
            {
                if let Some(number) = unit.value(Field::UnitNumber) {
                    if parse_unit_number(Some(kind), number).as_deref() != Ok(number) {
                        let label = r::UNIT_KINDS.iter().find(|e| e.code == kind);
                        return Err(ApiError::invalid(
                            args.field,
                            Message::new("invalid.unit_number_other_kind")
                                .text("number", number)
                                .label("kind", label.map_or(kind, |e| e.key)),
                        ));
                    }
                }
            }
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

    pub(crate) fn add_item(&self, args: AddItemArgs) -> Result<CaseView, ApiError> {
        if !args.section.is_list() {
            return Err(ApiError::new(
                ErrorCode::InvalidRequest,
                Message::new("error.not_a_list").label("section", args.section.label_key()),
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

    pub(crate) fn withdraw_item(&self, args: WithdrawItemArgs) -> Result<CaseView, ApiError> {
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

    /// Take a withdrawal back, as the same step withdrawing is (a withdrawn or closed case
    /// refuses it; a case in review asks why): the entry is live again where it stood.
    pub(crate) fn restore_item(&self, args: RestoreItemArgs) -> Result<CaseView, ApiError> {
        self.change_case(args.case_id, |store, case, author| {
            let section = withdrawn_item(case, args.item)?.section;
            store.append(
                author,
                args.case_id,
                Payload::ItemRestored {
                    section,
                    item: args.item,
                },
            )?;
            Ok(())
        })
    }

    /// Put an entry right after another of its list, or first: how a move is undone, so the
    /// entry is back exactly where it stood, withdrawn entries around it included. Where it
    /// already stands, nothing is recorded.
    pub(crate) fn place_item(&self, args: PlaceItemArgs) -> Result<CaseView, ApiError> {
        self.change_case(args.case_id, |store, case, author| {
            let section = live_item(case, args.item, None)?.section;
            if let Some(after) = args.after {
                if after == args.item {
                    return Err(ApiError::new(
                        ErrorCode::InvalidRequest,
                        Message::new("error.entry_after_itself"),
                    ));
                }
                entry(case, after, Some(section))?;
            }
            let list: Vec<Uuid> = (case.items.iter())
                .filter(|i| i.section == section)
                .map(|i| i.id)
                .collect();
            let at = list
                .iter()
                .position(|id| *id == args.item)
                .expect("an entry of this section");
            if at.checked_sub(1).map(|i| list[i]) == args.after {
                return Ok(());
            }
            store.append(
                author,
                args.case_id,
                Payload::ItemMoved {
                    section,
                    item: args.item,
                    after: args.after,
                },
            )?;
            Ok(())
        })
    }

    /// Move an entry one place up or down among the live entries of its list. At either end it
    /// stays where it is and nothing is recorded.
    pub(crate) fn move_item(&self, args: MoveItemArgs) -> Result<CaseView, ApiError> {
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

    /// Status changes are allowed on a withdrawn case: that is how it is reopened. Closing is a
    /// step of its own (`close_case`), and a closed case stays closed.
    pub(crate) fn set_status(&self, args: SetStatusArgs) -> Result<CaseView, ApiError> {
        let author = self.author()?;
        if args.status == CaseStatus::Closed {
            return Err(ApiError::new(
                ErrorCode::Refused,
                Message::new("error.close_is_a_step"),
            ));
        }
        let reason = match (&args.reason, args.status) {
            (_, CaseStatus::Withdrawn) => Some(reason_text(args.reason.as_deref().unwrap_or(""))?),
            (Some(r), _) if !r.trim().is_empty() => Some(reason_text(r)?),
            _ => None,
        };
        {
            let mut store = self.store();
            let (case, _) = store.case(args.case_id)?;
            if case.state() == CaseState::Closed {
                return Err(closed());
            }
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

    pub(crate) fn timeline(&self, args: CaseArgs) -> Result<Vec<TimelineEntry>, ApiError> {
        Ok(self.store().timeline(args.case_id)?)
    }

    pub(crate) fn save_draft(&self, args: FieldTextArgs) -> Result<Done, ApiError> {
        if args.text.chars().count() > MAX_DRAFT_CHARS {
            return Err(ApiError::invalid(
                args.field,
                Message::new("error.draft_too_long").number("max", MAX_DRAFT_CHARS as f64),
            ));
        }
        self.store()
            .save_draft(args.case_id, args.item, args.field, &args.text)?;
        Ok(Done { ok: true })
    }

    pub(crate) fn discard_draft(&self, args: DraftArgs) -> Result<Done, ApiError> {
        self.store()
            .discard_draft(args.case_id, args.item, args.field)?;
        Ok(Done { ok: true })
    }
}
