//! What a scenario does: its operations, and the payload each change makes on a device's view.

use quayside_domain::event::{Author, CaseStatus, Payload};
use quayside_domain::fields::{Field, Section};
use quayside_domain::photo::Exif;
use uuid::Uuid;

use super::fold::{Key, ModelCase, ModelItem};

/// A field and the values edits pick from (few, so that edits collide).
type Choices = (Field, &'static [&'static str]);

/// Fields of the case itself. Clearing the port is left out: the app refuses it.
const CASE_FIELDS: &[Choices] = &[
    (Field::Port, &["NLRTM", "BEANR", "DEHAM"]),
    (Field::VesselName, &["MSC ANNA", "EVER GIVEN"]),
    (Field::ContainerNumber, &["CSQU3054383", "MSCU1234566"]),
    (
        Field::DeclaredDescription,
        &["Ceramic tiles", "Tungsten wire"],
    ),
    (Field::DeclaredWeight, &["1250 kg", "980 kg"]),
    (Field::CaseNotes, &["Seal broken", "Rescanned 重新扫描"]),
    (Field::DetectionMethods, &["D1", "D5"]),
    (Field::OutcomeCode, &["O1", "O4"]),
];

/// List sections and the fields of their items (party names are personal data, kept apart).
const SECTIONS: &[(Section, &[Choices])] = &[
    (Section::Seals, &[(Field::SealNumber, &["S100", "S200"])]),
    (
        Section::GoodsFound,
        &[
            (Field::GoodsWeight, &["1250 kg", "40 kg"]),
            (Field::GoodsHsCode, &["6907.21", "2805.30"]),
        ],
    ),
    (
        Section::Parties,
        &[
            (Field::PartyName, &["Jan Jansen", "Ana Silva"]),
            (Field::PartyCountry, &["NL", "BR"]),
        ],
    ),
    (Section::Route, &[(Field::LegLocode, &["NLRTM", "CNSHA"])]),
    (
        Section::Evidence,
        &[(Field::EvidenceNumber, &["BAG-1", "BAG-2"])],
    ),
];

/// Photos by content hash: the same photo attached on two devices is one photo.
const PHOTOS: [&str; 3] = ["a", "b", "c"];
const CAPTIONS: [&str; 2] = ["Rear doors", "Hidden compartment"];

const STATUSES: [CaseStatus; 3] = [CaseStatus::Open, CaseStatus::Closed, CaseStatus::Withdrawn];

/// What one scenario does. Indices pick among what the device holds at that moment (modulo its
/// length), so every sequence is valid and shrinks to a shorter valid one.
#[derive(Debug, Clone)]
pub struct Scenario {
    pub devices: usize,
    /// Each device's clock, in milliseconds from the others'.
    pub skews: Vec<i64>,
    pub ops: Vec<Op>,
    /// Shuffles the final exchange.
    pub final_order: u64,
}

#[derive(Debug, Clone)]
pub enum Op {
    /// The device opens a case (device 0 is the supervisor, the others inspectors).
    Open { device: usize, wait: i16 },
    /// The device changes the `case`-th case it holds (in the order cases were opened), after
    /// doing `reason` with its change reason. Its clock moves `wait` ms first.
    Write {
        device: usize,
        wait: i16,
        case: usize,
        reason: Reason,
        change: Change,
    },
    /// `from` sends the events it holds to another device: all of them, or the picked ones
    /// (indices into its log, repeats included) in that order, as one batch.
    Send {
        from: usize,
        to: usize,
        picks: Option<Vec<usize>>,
    },
    /// Rebuild the device's projection from its log: nothing may change.
    Rebuild { device: usize },
    /// Close the device's store and open it again.
    Reopen { device: usize },
}

/// What the person does with the reason for changing a case in review before the change.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reason {
    Give,
    /// Leave the one given earlier, which a review step since (synced too) has ended.
    Keep,
    Forget,
}

#[derive(Debug, Clone)]
pub enum Change {
    Set {
        field: usize,
        value: Option<usize>,
    },
    AddItem {
        section: usize,
    },
    SetItem {
        item: usize,
        field: usize,
        value: Option<usize>,
    },
    Move {
        item: usize,
        after: Option<usize>,
    },
    Withdraw {
        item: usize,
    },
    /// Restore the n-th withdrawn item; with none withdrawn, the n-th item (refused).
    Restore {
        item: usize,
    },
    Status {
        status: usize,
    },
    Attach {
        photo: usize,
    },
    Caption {
        photo: usize,
        caption: Option<usize>,
    },
    Exclude {
        photo: usize,
    },
    /// Hand an evidence item (the n-th, withdrawn ones too: refused) to the device's user.
    Transfer {
        item: usize,
    },
    Submit,
    /// Approve covering every change the supervisor's view shows but the last `unseen`.
    Approve {
        unseen: usize,
    },
    Return,
}

/// The payload a change makes on the model's case, and the `deps` the store must give it.
pub fn plan(case: &ModelCase, author: &Author, change: &Change) -> Option<(Payload, Vec<Uuid>)> {
    let head = vec![case.head];
    let field_deps = |key: &Key| {
        let mut deps = head.clone();
        deps.extend(
            case.heads(key)
                .iter()
                .map(|e| e.id)
                .filter(|id| *id != case.head),
        );
        deps
    };
    let pick =
        |values: &[&str], value: Option<usize>| value.map(|v| values[v % values.len()].to_string());
    let nth = |i: usize| case.items.get(i % case.items.len().max(1));
    Some(match *change {
        Change::Set { field, value } => {
            let (field, values) = CASE_FIELDS[field % CASE_FIELDS.len()];
            let value = match field {
                Field::Port => Some(pick(values, Some(value.unwrap_or(0))).unwrap()),
                _ => pick(values, value),
            };
            let deps = field_deps(&(None, field));
            let payload = Payload::FieldSet {
                item: None,
                field,
                value,
            };
            (payload, deps)
        }
        Change::AddItem { section } => {
            let section = SECTIONS[section % SECTIONS.len()].0;
            let item = Uuid::now_v7();
            (Payload::ItemAdded { section, item }, head)
        }
        Change::SetItem { item, field, value } => {
            let item = nth(item)?;
            let fields = SECTIONS.iter().find(|(s, _)| *s == item.section)?.1;
            let (field, values) = fields[field % fields.len()];
            let key = (Some(item.id), field);
            let payload = Payload::FieldSet {
                item: Some(item.id),
                field,
                value: pick(values, value),
            };
            (payload, field_deps(&key))
        }
        Change::Move { item, after } => {
            let item = nth(item)?;
            let others: Vec<&ModelItem> = (case.items.iter())
                .filter(|i| i.section == item.section && i.id != item.id)
                .collect();
            let after = match after {
                Some(a) if !others.is_empty() => Some(others[a % others.len()].id),
                _ => None,
            };
            let payload = Payload::ItemMoved {
                section: item.section,
                item: item.id,
                after,
            };
            (payload, head)
        }
        Change::Withdraw { item } => {
            let item = nth(item)?;
            let payload = Payload::ItemWithdrawn {
                section: item.section,
                item: item.id,
                reason: "entered twice".into(),
            };
            (payload, head)
        }
        Change::Restore { item } => {
            let withdrawn: Vec<&ModelItem> = (case.items.iter())
                .filter(|i| i.withdrawn.is_some())
                .collect();
            let item = match withdrawn.len() {
                0 => nth(item)?,
                n => withdrawn[item % n],
            };
            let payload = Payload::ItemRestored {
                section: item.section,
                item: item.id,
            };
            (payload, head)
        }
        Change::Status { status } => {
            let status = STATUSES[status % STATUSES.len()];
            let reason = (status != CaseStatus::Open).then(|| "done".to_string());
            (Payload::StatusSet { status, reason }, head)
        }
        Change::Attach { photo } => {
            let n = photo % PHOTOS.len();
            let payload = Payload::PhotoAttached {
                sha256: PHOTOS[n].repeat(64),
                size: 1000 + n as u64,
                media_type: "image/jpeg".into(),
                file_name: format!("IMG_{n}.jpg"),
                caption: None,
                exif: Exif::default(),
                captured: None,
            };
            (payload, head)
        }
        Change::Caption { photo, caption } => {
            let photo = case.photos.get(photo % case.photos.len().max(1))?;
            let payload = Payload::PhotoCaptionSet {
                sha256: photo.sha256.clone(),
                caption: caption.map(|c| CAPTIONS[c % CAPTIONS.len()].to_string()),
            };
            (payload, head)
        }
        Change::Exclude { photo } => {
            let photo = case.photos.get(photo % case.photos.len().max(1))?;
            let payload = Payload::PhotoExcluded {
                sha256: photo.sha256.clone(),
                reason: "blurred".into(),
            };
            (payload, head)
        }
        Change::Transfer { item } => {
            let evidence: Vec<&ModelItem> = (case.items.iter())
                .filter(|i| i.section == Section::Evidence)
                .collect();
            let item = evidence.get(item % evidence.len().max(1))?;
            let payload = Payload::CustodyTransferred {
                item: item.id,
                from: "Evidence room".into(),
                to: author.name.clone(),
                place: "NLRTM shed 3".into(),
                at: "2026-11-28T12:00:00Z".into(),
                condition: "sealed".into(),
            };
            (payload, head)
        }
        Change::Submit => (
            Payload::ReviewSubmitted {
                comment: None,
                acknowledged: vec![],
            },
            head,
        ),
        Change::Approve { unseen } => {
            let mut covers = case.uncovered();
            covers.truncate(covers.len().saturating_sub(unseen));
            let payload = Payload::ReviewApproved {
                covers,
                comment: None,
            };
            (payload, head)
        }
        Change::Return => {
            let payload = Payload::ReviewReturned {
                comment: "Weights missing".into(),
                sections: vec![],
            };
            (payload, head)
        }
    })
}
