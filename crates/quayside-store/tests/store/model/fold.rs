//! The model: a plain fold of an event set, written from the documented rules and sharing no
//! code with the store's projection or the domain's `CaseFile::apply`.
//!
//! Per case, events are taken in `(hlc, device_id, device_seq)` order. A field keeps every
//! accepted edit; its value is the last one's, and its open conflict is the set of edits no later
//! edit of the field names in `deps` (when there are two or more of them).

use std::collections::{BTreeMap, BTreeSet};

use quayside_domain::event::{CaseStatus, EventBody, Payload, Role};
use quayside_domain::fields::{Field, Section};
use quayside_domain::review::ReviewState;
use uuid::Uuid;

/// A field of the case (`None`) or of an item.
pub type Key = (Option<Uuid>, Field);

#[derive(Debug, Clone)]
pub struct Edit {
    pub id: Uuid,
    pub value: Option<String>,
    pub deps: Vec<Uuid>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ModelItem {
    pub id: Uuid,
    pub section: Section,
    pub withdrawn: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ModelPhoto {
    pub sha256: String,
    pub file_name: String,
    pub caption: Option<String>,
    pub excluded: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Step {
    Submitted,
    Returned,
    Approved,
}

#[derive(Debug, Clone)]
pub struct ModelCase {
    pub id: Uuid,
    pub case_number: String,
    pub opened_by: String,
    /// The last accepted event, its wall time, and how many were accepted.
    pub head: Uuid,
    pub updated_at: String,
    pub event_count: u32,
    pub status: CaseStatus,
    pub status_reason: Option<String>,
    pub items: Vec<ModelItem>,
    pub photos: Vec<ModelPhoto>,
    /// Accepted handovers of evidence items, in fold order.
    pub custody: Vec<Uuid>,
    /// Accepted edits per field, in fold order (the opening counts as an edit of the port).
    pub edits: BTreeMap<Key, Vec<Edit>>,
    /// Accepted events that change the file (not review steps), in fold order.
    changes: Vec<(Uuid, String)>,
    covered: BTreeSet<Uuid>,
    /// The latest review step, with its wall time and how many changes came before it, and who
    /// last submitted the case.
    last_step: Option<(Uuid, Step, String, usize)>,
    pub submitted_by: Option<String>,
    /// Every held event of the case in fold order (the timeline), and those the fold refused.
    pub timeline: Vec<Uuid>,
    pub refused: BTreeSet<Uuid>,
}

impl ModelCase {
    pub fn value(&self, key: &Key) -> Option<&str> {
        self.edits.get(key)?.last()?.value.as_deref()
    }

    pub fn winner(&self, key: &Key) -> Option<&Edit> {
        self.edits.get(key)?.last()
    }

    /// Edits of the field that no later edit of it names: what the next edit must name.
    pub fn heads(&self, key: &Key) -> Vec<&Edit> {
        let Some(edits) = self.edits.get(key) else {
            return Vec::new();
        };
        edits
            .iter()
            .enumerate()
            .filter(|(i, e)| {
                !edits[i + 1..]
                    .iter()
                    .any(|later| later.deps.contains(&e.id))
            })
            .map(|(_, e)| e)
            .collect()
    }

    pub fn conflicts(&self) -> BTreeMap<Key, Vec<(Option<String>, Uuid)>> {
        self.edits
            .keys()
            .filter_map(|key| {
                let heads = self.heads(key);
                (heads.len() > 1).then(|| {
                    let values = heads.iter().map(|e| (e.value.clone(), e.id)).collect();
                    (*key, values)
                })
            })
            .collect()
    }

    /// Fields whose one current edit emptied them.
    pub fn cleared(&self) -> BTreeMap<Key, Uuid> {
        self.edits
            .keys()
            .filter_map(|key| match self.heads(key)[..] {
                [only] if only.value.is_none() => Some((*key, only.id)),
                _ => None,
            })
            .collect()
    }

    pub fn uncovered(&self) -> Vec<Uuid> {
        let covered = &self.covered;
        (self.changes.iter())
            .map(|(id, _)| *id)
            .filter(|id| !covered.contains(id))
            .collect()
    }

    /// When the case joined the review queue: its submission; or, after an approval, the
    /// approval if it missed an earlier change, else the first change after it.
    pub fn queued_at(&self) -> Option<&str> {
        let (_, kind, at, changes_before) = self.last_step.as_ref()?;
        match kind {
            Step::Submitted => Some(at),
            Step::Returned => None,
            Step::Approved => {
                let uncovered = |(id, _): &&(Uuid, String)| !self.covered.contains(id);
                let (before, after) = self.changes.split_at(*changes_before);
                if before.iter().any(|c| uncovered(&c)) {
                    Some(at)
                } else {
                    after.iter().find(uncovered).map(|(_, wall)| wall.as_str())
                }
            }
        }
    }

    /// The last review step decides, except that an approval with any change it did not cover
    /// (before or after it) is reopened.
    pub fn review_state(&self) -> ReviewState {
        match self.last_step {
            None => ReviewState::NotSubmitted,
            Some((_, Step::Submitted, ..)) => ReviewState::Submitted,
            Some((_, Step::Returned, ..)) => ReviewState::Returned,
            Some((_, Step::Approved, ..)) if self.uncovered().is_empty() => ReviewState::Approved,
            Some((_, Step::Approved, ..)) => ReviewState::Reopened,
        }
    }

    pub fn last_step(&self) -> Option<Uuid> {
        self.last_step.as_ref().map(|(id, ..)| *id)
    }

    /// Whether every word is the start of a word of the case number, a current value (of
    /// withdrawn items too) or the status reason, and every Chinese word part of one of them:
    /// what the list's search finds.
    pub fn found_by(&self, words: &str) -> bool {
        let mut text = vec![self.case_number.as_str()];
        text.extend(self.edits.keys().filter_map(|key| self.value(key)));
        text.extend(self.status_reason.as_deref());
        let tokens: Vec<String> = (text.iter())
            .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
            .map(str::to_lowercase)
            .collect();
        (words.split(' ')).all(|w| {
            if w.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)) {
                text.iter().any(|t| t.contains(w))
            } else {
                tokens.iter().any(|t| t.starts_with(&w.to_lowercase()))
            }
        })
    }

    pub fn item(&self, id: Uuid) -> Option<&ModelItem> {
        self.items.iter().find(|i| i.id == id)
    }

    fn in_section(&self, id: Uuid, section: Section) -> bool {
        self.item(id).is_some_and(|i| i.section == section)
    }

    /// Whether this payload, by this role, would be accepted now.
    pub fn accepts(&self, payload: &Payload, role: Role) -> bool {
        let mut probe = self.clone();
        let event = EventBody {
            id: Uuid::nil(),
            case_id: self.id,
            device_id: Uuid::nil(),
            device_seq: 0,
            author: quayside_domain::event::Author {
                name: String::new(),
                role,
            },
            hlc: Default::default(),
            wall_time: String::new(),
            deps: Vec::new(),
            prev_hash: String::new(),
            payload: payload.clone(),
            reason: None,
        };
        probe.accept(&event)
    }

    fn photo(&mut self, sha256: &str) -> Option<&mut ModelPhoto> {
        self.photos.iter_mut().find(|p| p.sha256 == sha256)
    }

    /// Whether the event is accepted, and if so its effect.
    fn accept(&mut self, e: &EventBody) -> bool {
        match &e.payload {
            Payload::CaseOpened { .. } => return false,
            Payload::FieldSet { item, field, value } => {
                let fits = match item {
                    None => !field.section().is_list(),
                    Some(id) => self.in_section(*id, field.section()),
                };
                if !fits {
                    return false;
                }
                let edit = Edit {
                    id: e.id,
                    value: value.clone(),
                    deps: e.deps.clone(),
                };
                self.edits.entry((*item, *field)).or_default().push(edit);
            }
            Payload::ItemAdded { section, item } => {
                if !section.is_list() || self.item(*item).is_some() {
                    return false;
                }
                self.items.push(ModelItem {
                    id: *item,
                    section: *section,
                    withdrawn: None,
                });
            }
            Payload::ItemMoved {
                section,
                item,
                after,
            } => {
                let after_fits = after.is_none_or(|a| a != *item && self.in_section(a, *section));
                if !self.in_section(*item, *section) || !after_fits {
                    return false;
                }
                let moving = self.items.remove(self.position(*item));
                let at = match after {
                    Some(a) => self.position(*a) + 1,
                    None => (self.items.iter())
                        .position(|i| i.section == *section)
                        .unwrap_or(self.items.len()),
                };
                self.items.insert(at, moving);
            }
            Payload::ItemWithdrawn {
                section,
                item,
                reason,
            } => {
                if !self.in_section(*item, *section) {
                    return false;
                }
                let at = self.position(*item);
                self.items[at].withdrawn = Some(reason.clone());
            }
            // Only a withdrawn item is restored; it is live again where it stands.
            Payload::ItemRestored { section, item } => {
                if !self.in_section(*item, *section) {
                    return false;
                }
                let at = self.position(*item);
                if self.items[at].withdrawn.take().is_none() {
                    return false;
                }
            }
            Payload::PhotoAttached {
                sha256,
                file_name,
                caption,
                ..
            } => {
                if self.photo(sha256).is_some() {
                    return false;
                }
                self.photos.push(ModelPhoto {
                    sha256: sha256.clone(),
                    file_name: file_name.clone(),
                    caption: caption.clone(),
                    excluded: None,
                });
            }
            Payload::PhotoCaptionSet { sha256, caption } => match self.photo(sha256) {
                Some(photo) => photo.caption = caption.clone(),
                None => return false,
            },
            Payload::PhotoExcluded { sha256, reason } => match self.photo(sha256) {
                Some(photo) => photo.excluded = Some(reason.clone()),
                None => return false,
            },
            // Only a live evidence item changes hands.
            Payload::CustodyTransferred { item, .. } => {
                match self.item(*item) {
                    Some(i) if i.section == Section::Evidence && i.withdrawn.is_none() => {}
                    _ => return false,
                }
                self.custody.push(e.id);
            }
            Payload::StatusSet { status, reason } => {
                self.status = *status;
                self.status_reason = reason.clone();
            }
            Payload::ReviewSubmitted { .. } => {
                self.step(e, Step::Submitted);
                self.submitted_by = Some(e.author.name.clone());
            }
            Payload::ReviewReturned { .. } | Payload::ReviewApproved { .. }
                if !matches!(e.author.role, Role::Supervisor | Role::Admin) =>
            {
                return false;
            }
            Payload::ReviewReturned { .. } => self.step(e, Step::Returned),
            Payload::ReviewApproved { covers, .. } => {
                self.covered.extend(covers);
                self.step(e, Step::Approved);
            }
            other => panic!("the model does not generate {}", other.kind()),
        }
        if !e.payload.is_review_step() {
            self.changes.push((e.id, e.wall_time.clone()));
        }
        true
    }

    fn step(&mut self, e: &EventBody, kind: Step) {
        let before = self.changes.len();
        self.last_step = Some((e.id, kind, e.wall_time.clone(), before));
    }

    fn position(&self, id: Uuid) -> usize {
        self.items.iter().position(|i| i.id == id).expect("checked")
    }
}

/// Fold an event set (any order, no duplicates) into the cases it opens.
pub fn fold<'a>(events: impl IntoIterator<Item = &'a EventBody>) -> BTreeMap<Uuid, ModelCase> {
    let mut by_case: BTreeMap<Uuid, Vec<&EventBody>> = BTreeMap::new();
    for e in events {
        by_case.entry(e.case_id).or_default().push(e);
    }
    let mut cases = BTreeMap::new();
    for (id, mut events) in by_case {
        events.sort_by_key(|e| (e.hlc, e.device_id, e.device_seq));
        let mut case: Option<ModelCase> = None;
        let mut before_opening = Vec::new();
        for e in events {
            let Some(c) = case.as_mut() else {
                match &e.payload {
                    Payload::CaseOpened {
                        case_number, port, ..
                    } => case = Some(opened(e, case_number, port, &before_opening)),
                    _ => before_opening.push(e.id),
                }
                continue;
            };
            c.timeline.push(e.id);
            if c.accept(e) {
                c.head = e.id;
                c.updated_at = e.wall_time.clone();
                c.event_count += 1;
            } else {
                c.refused.insert(e.id);
            }
        }
        if let Some(case) = case {
            cases.insert(id, case);
        }
    }
    cases
}

fn opened(e: &EventBody, case_number: &str, port: &str, earlier: &[Uuid]) -> ModelCase {
    let port_edit = Edit {
        id: e.id,
        value: Some(port.to_string()),
        deps: Vec::new(),
    };
    let mut timeline = earlier.to_vec();
    timeline.push(e.id);
    ModelCase {
        id: e.case_id,
        case_number: case_number.to_string(),
        opened_by: e.author.name.clone(),
        head: e.id,
        updated_at: e.wall_time.clone(),
        event_count: 1,
        status: CaseStatus::Open,
        status_reason: None,
        items: Vec::new(),
        photos: Vec::new(),
        custody: Vec::new(),
        edits: BTreeMap::from([((None, Field::Port), vec![port_edit])]),
        changes: vec![(e.id, e.wall_time.clone())],
        covered: BTreeSet::new(),
        last_step: None,
        submitted_by: None,
        timeline,
        refused: earlier.iter().copied().collect(),
    }
}
