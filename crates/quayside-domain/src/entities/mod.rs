//! Entities: the companies, persons, numbers, containers, vessels, transport documents,
//! addresses, phones and emails a case names, each under a normalised key (`keys.rs`), so the
//! same one in another case is found. Exact keys link cases; near keys are suggested
//! (`similar.rs`) and a person confirms or rejects the link (`EntityLink`, an event of the case).

pub mod keys;
pub mod similar;

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::case::{CaseFile, Item};
use crate::document::DocumentType;
use crate::fields::{Field, Section};

/// What an entity is. Its label is `entity.<kind>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Company,
    /// A natural person, by name and year of birth (a name alone is too common to link by).
    Person,
    /// A party's registration, tax or identity number.
    PartyNumber,
    Container,
    /// A vessel, by IMO number (names are reused and renamed).
    Vessel,
    /// A bill of lading or air waybill, by its number.
    TransportDocument,
    Address,
    Phone,
    Email,
}

impl EntityKind {
    pub const ALL: [EntityKind; 9] = [
        EntityKind::Company,
        EntityKind::Person,
        EntityKind::PartyNumber,
        EntityKind::Container,
        EntityKind::Vessel,
        EntityKind::TransportDocument,
        EntityKind::Address,
        EntityKind::Phone,
        EntityKind::Email,
    ];

    /// `entity.<kind>` in the label catalogue.
    pub fn label_key(self) -> String {
        crate::labels::key("entity", &self)
    }

    /// The name kept in the store and sent in events.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Company => "company",
            EntityKind::Person => "person",
            EntityKind::PartyNumber => "party_number",
            EntityKind::Container => "container",
            EntityKind::Vessel => "vessel",
            EntityKind::TransportDocument => "transport_document",
            EntityKind::Address => "address",
            EntityKind::Phone => "phone",
            EntityKind::Email => "email",
        }
    }

    pub fn parse(text: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// Names a person, or what reaches one (a number, address, phone, email): personal data,
    /// kept out of statistics and shared exports as the parties' fields are.
    pub fn is_personal(self) -> bool {
        !matches!(
            self,
            EntityKind::Container | EntityKind::Vessel | EntityKind::TransportDocument
        )
    }

    /// Written freely enough that a key a few letters away may be the same one: such keys are
    /// suggested. Numbers either match or they do not.
    pub fn has_near_matches(self) -> bool {
        matches!(
            self,
            EntityKind::Company | EntityKind::Person | EntityKind::Address
        )
    }
}

/// One entity named in a case: its key, the text it was read from, and where.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Entity {
    pub kind: EntityKind,
    pub key: String,
    /// The value as recorded (a name, a number as typed).
    pub shown: String,
    /// The entry it was read from (a party, a unit); None for a field of the case.
    pub item: Option<Uuid>,
    pub field: Field,
}

/// A person's decision that an entity of this case is, or is not, the same as another key of
/// its kind (a near match, or a key seen in another case). The latest decision on a pair, in
/// any case, holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EntityLink {
    pub kind: EntityKind,
    pub key: String,
    pub other: String,
    pub same: bool,
    pub by: String,
    pub at: String,
    pub event_id: Uuid,
    /// The deciding event's clock: across cases, the later decision on a pair holds.
    #[ts(type = "number")]
    pub hlc: u64,
}

/// The longest key an entity link may name, in characters: the longest field's text is 4000.
pub const MAX_KEY_CHARS: usize = 4000;

/// Every entity the case names, from live entries only (a withdrawn entry was recorded in
/// error), each key once per place it was read from.
pub fn entities_of(case: &CaseFile) -> Vec<Entity> {
    let mut out = Vec::new();
    let mut add = |kind, key: Option<String>, shown: &str, item: Option<Uuid>, field| {
        if let Some(key) = key {
            out.push(Entity {
                kind,
                key,
                shown: shown.to_string(),
                item,
                field,
            });
        }
    };
    let case_fields: [(Field, EntityKind, KeyOf); 3] = [
        (Field::ContainerNumber, EntityKind::Container, keys::number),
        (Field::ImoNumber, EntityKind::Vessel, keys::number),
        (
            Field::TransportDocument,
            EntityKind::TransportDocument,
            keys::document,
        ),
    ];
    for (field, kind, read) in case_fields {
        if let Some(text) = case.value(field) {
            add(kind, read(text), text, None, field);
        }
    }
    for document in case.documents.iter().filter(|d| d.excluded.is_none()) {
        if let (DocumentType::BillOfLading, Some(number)) =
            (document.document_type, document.number.as_deref())
        {
            add(
                EntityKind::TransportDocument,
                keys::document(number),
                number,
                None,
                Field::TransportDocument,
            );
        }
    }
    for item in case.items.iter().filter(|i| i.withdrawn.is_none()) {
        match item.section {
            Section::Units if item.value(Field::UnitKind) == Some("container") => {
                if let Some(number) = item.value(Field::UnitNumber) {
                    add(
                        EntityKind::Container,
                        keys::number(number),
                        number,
                        Some(item.id),
                        Field::UnitNumber,
                    );
                }
            }
            Section::Parties => party(item, &mut add),
            _ => {}
        }
    }
    out.sort();
    out.dedup();
    out
}

/// How a value is read into a key (`keys.rs`).
type KeyOf = fn(&str) -> Option<String>;

fn party(item: &Item, add: &mut impl FnMut(EntityKind, Option<String>, &str, Option<Uuid>, Field)) {
    let id = Some(item.id);
    if let Some(name) = item.value(Field::PartyName) {
        match item.value(Field::PartyKind) {
            Some("person") => {
                if let Some(year) = item.value(Field::PartyBirthYear) {
                    add(
                        EntityKind::Person,
                        keys::person(name, year),
                        name,
                        id,
                        Field::PartyName,
                    );
                }
            }
            // A party of no stated kind is read as a company: most parties of a shipment are.
            _ => add(
                EntityKind::Company,
                keys::company(name),
                name,
                id,
                Field::PartyName,
            ),
        }
    }
    let readers: [(Field, EntityKind, KeyOf); 4] = [
        (
            Field::PartyIdentifier,
            EntityKind::PartyNumber,
            keys::number,
        ),
        (Field::PartyAddress, EntityKind::Address, keys::address),
        (Field::PartyPhone, EntityKind::Phone, keys::phone),
        (Field::PartyEmail, EntityKind::Email, keys::email),
    ];
    for (field, kind, read) in readers {
        if let Some(text) = item.value(field) {
            add(kind, read(text), text, id, field);
        }
    }
}
