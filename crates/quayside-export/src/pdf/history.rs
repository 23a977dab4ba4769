//! The appendix of changes: who changed the case, when and on which device, grouped per person and
//! per session (one person's consecutive events on one device, none more than
//! [`SESSION_GAP_SECONDS`] after the one before), with how many changes each made and to what.
//! Every change with its values before and after is in the evidence bundle, which the appendix
//! says; a prosecutor reads the case first and this after.

use quayside_domain::event::Payload;
use quayside_domain::fields::Field;
use quayside_domain::timeline::{LabelPart, TimelineEntry};
use quayside_i18n::{Catalogue, Message};
use uuid::Uuid;

use super::style::{ENTRY_WIDTH, ENTRY_X, LABEL, SUBHEADING, TIME_WIDTH, VALUE};
use super::words::time;
use super::writer::Writer;
use crate::layout::{Column, ALERT, LEFT};

/// A pause longer than this starts a new session.
pub(super) const SESSION_GAP_SECONDS: i64 = 30 * 60;

/// One person's run of events on one device.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Session<'a> {
    pub(super) author: &'a str,
    pub(super) role: &'a str,
    pub(super) device: Uuid,
    pub(super) entries: Vec<&'a TimelineEntry>,
}

/// The timeline's events as sessions, grouped per person in the order each first appears; each
/// person's sessions in the order of the timeline.
pub(super) fn sessions(timeline: &[TimelineEntry]) -> Vec<Vec<Session<'_>>> {
    let mut people: Vec<Vec<Session>> = Vec::new();
    let mut last: Option<(usize, i64)> = None;
    for entry in timeline {
        let at = seconds(&entry.wall_time);
        let person = people
            .iter()
            .position(|p| p[0].author == entry.author)
            .unwrap_or_else(|| {
                people.push(Vec::new());
                people.len() - 1
            });
        let continues = match (last, at) {
            (Some((p, then)), Some(now)) => {
                let session = people[p].last().expect("a session");
                p == person
                    && session.device == entry.device_id
                    && (now - then).abs() <= SESSION_GAP_SECONDS
            }
            _ => false,
        };
        if continues {
            let session = people[person].last_mut().expect("a session");
            session.entries.push(entry);
        } else {
            people[person].push(Session {
                author: &entry.author,
                role: &entry.role,
                device: entry.device_id,
                entries: vec![entry],
            });
        }
        last = at.map(|at| (person, at));
    }
    people
}

/// Seconds since 1970 of an RFC 3339 time, its offset applied; None for anything else.
fn seconds(rfc3339: &str) -> Option<i64> {
    let n = |range: std::ops::Range<usize>| rfc3339.get(range)?.parse::<i64>().ok();
    let (year, month, day) = (n(0..4)?, n(5..7)?, n(8..10)?);
    let (hour, minute, second) = (n(11..13)?, n(14..16)?, n(17..19)?);
    let zone = rfc3339
        .get(19..)?
        .trim_start_matches(|c: char| c == '.' || c.is_ascii_digit());
    let offset = match zone.as_bytes() {
        b"Z" => 0,
        [sign @ (b'+' | b'-'), ..] if zone.len() == 6 => {
            let minutes =
                zone.get(1..3)?.parse::<i64>().ok()? * 60 + zone.get(4..6)?.parse::<i64>().ok()?;
            if *sign == b'-' {
                -minutes * 60
            } else {
                minutes * 60
            }
        }
        _ => return None,
    };
    // Days from the civil date (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + hour * 3600 + minute * 60 + second - offset)
}

/// What a session changed, each once, in the order first changed: fields by their labels, other
/// events by their kinds' labels.
fn changed(words: &Catalogue, session: &Session) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for entry in &session.entries {
        // A field's label is the last field key of the change's label (a conflict's mark may
        // follow it).
        let fields: Vec<String> = if entry.kind == "field_set" {
            entry
                .changes
                .iter()
                .filter_map(|c| {
                    c.label.iter().rev().find_map(|part| match part {
                        LabelPart::Key(key) if Field::ALL.iter().any(|f| f.label_key() == *key) => {
                            Some(words.text_or_key(key))
                        }
                        _ => None,
                    })
                })
                .collect()
        } else {
            Vec::new()
        };
        let here = if fields.is_empty() {
            vec![kind_label(words, &entry.kind)]
        } else {
            fields
        };
        for name in here {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names
}

impl Writer<'_> {
    pub(super) fn history(&mut self, timeline: &[TimelineEntry]) {
        self.heading(&self.text("pdf.appendix"));
        if timeline.is_empty() {
            self.note(0.0, &self.text("pdf.no_events"));
            return;
        }
        let note = self.say(
            Message::new("pdf.appendix_note")
                .number("count", timeline.len() as f64)
                .number("minutes", (SESSION_GAP_SECONDS / 60) as f64),
        );
        self.note(0.0, &note);
        for person in sessions(timeline) {
            let first = &person[0];
            let who = self.say(
                Message::new("pdf.session_person")
                    .text("author", first.author.to_string())
                    .text("role", role_label(self.words, first.role))
                    .number("sessions", person.len() as f64),
            );
            self.subheading(0.0, &who, SUBHEADING);
            for session in &person {
                self.session(session);
            }
        }
    }

    fn session(&mut self, session: &Session) {
        let (from, to) = (
            &session.entries[0].wall_time,
            &session.entries[session.entries.len() - 1].wall_time,
        );
        let when = if from == to {
            time(from)
        } else {
            let (from, to) = (time(from), time(to));
            // "2026-11-28 08:00:00 to 08:29:06 UTC" when both are of one day and zone.
            let (from, to) = match (from.split_once(' '), to.split_once(' ')) {
                (Some((day, rest)), Some((other_day, other_rest)))
                    if day == other_day
                        && rest.split_once(' ').map(|r| r.1)
                            == other_rest.split_once(' ').map(|r| r.1) =>
                {
                    let clock = rest.split_once(' ').map_or(rest, |r| r.0);
                    (format!("{day} {clock}"), other_rest.to_string())
                }
                _ => (from, to),
            };
            self.say(
                Message::new("pdf.session_when")
                    .text("from", from)
                    .text("to", to),
            )
        };
        let changes: usize = session.entries.iter().map(|e| e.changes.len().max(1)).sum();
        let device = session.device.simple().to_string();
        let mut text = self.say(
            Message::new("pdf.session_line")
                .number("count", changes as f64)
                .text("device", device[..8].to_string())
                .text(
                    "what",
                    changed(self.words, session).join(&self.text("pdf.list_separator")),
                ),
        );
        let refused = session
            .entries
            .iter()
            .filter(|e| e.refused.is_some())
            .count();
        let refused_line = (refused > 0)
            .then(|| self.say(Message::new("pdf.session_refused").number("count", refused as f64)));
        if let Some(line) = &refused_line {
            text = format!("{text}\n{line}");
        }
        let row = [
            Column {
                x: LEFT,
                width: TIME_WIDTH,
                style: LABEL,
                text: &when,
            },
            Column {
                x: ENTRY_X,
                width: ENTRY_WIDTH,
                style: if refused_line.is_some() {
                    VALUE.with_color(ALERT)
                } else {
                    VALUE
                },
                text: &text,
            },
        ];
        self.layout
            .keep(self.layout.row_height(&row).min(3.0 * VALUE.line_height()));
        self.layout.row(&row);
        self.layout.space(2.5);
    }
}

/// The catalogue's label of an event kind; a kind it does not know (from a newer version) as words.
fn kind_label(words: &Catalogue, kind: &str) -> String {
    if let Some(known) = words.text(&Payload::kind_key(kind)) {
        return known;
    }
    let spaced = kind.replace('_', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => words.text_or_key("event.unknown"),
    }
}

/// An author's role by its label ("Inspector"); a role this version does not know as stored.
fn role_label(words: &Catalogue, role: &str) -> String {
    words
        .text(&format!("role.{role}"))
        .unwrap_or_else(|| role.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_kinds_read_as_words() {
        let en = Catalogue::english();
        assert_eq!(kind_label(en, "field_set"), "Field edited");
        assert_eq!(kind_label(en, "custody_transferred"), "Custody transferred");
        assert_eq!(kind_label(en, "photo_rotated"), "Photo rotated");
        assert_eq!(role_label(en, "inspector"), "Inspector");
        let zh = Catalogue::get(quayside_i18n::Locale::ZhCn);
        assert_eq!(kind_label(zh, "field_set"), "字段已修改");
        assert_eq!(role_label(zh, "inspector"), "查验关员");
    }

    fn entry(author: &str, device: Uuid, at: &str) -> TimelineEntry {
        TimelineEntry {
            event_id: Uuid::now_v7(),
            wall_time: at.to_string(),
            author: author.to_string(),
            role: "inspector".to_string(),
            device_id: device,
            device_seq: 1,
            kind: "field_set".to_string(),
            changes: Vec::new(),
            refused: None,
        }
    }

    #[test]
    fn a_session_is_one_persons_run_on_one_device_without_a_long_pause() {
        let (phone, tablet) = (Uuid::now_v7(), Uuid::now_v7());
        let timeline = [
            entry("Ana", phone, "2026-11-28T08:00:00Z"),
            entry("Ana", phone, "2026-11-28T08:29:00Z"),
            // Thirty minutes after the last: the same session.
            entry("Ana", phone, "2026-11-28T08:59:00Z"),
            // Thirty-one: a new one.
            entry("Ana", phone, "2026-11-28T09:30:00Z"),
            // Another device: a new one.
            entry("Ana", tablet, "2026-11-28T09:31:00Z"),
            // Someone else in between cuts Ana's run.
            entry("Bo", tablet, "2026-11-28T09:32:00Z"),
            entry("Ana", tablet, "2026-11-28T09:33:00Z"),
        ];
        let people = sessions(&timeline);
        assert_eq!(people.len(), 2);
        let count = |p: &Vec<Session>| p.iter().map(|s| s.entries.len()).collect::<Vec<_>>();
        assert_eq!(people[0][0].author, "Ana");
        assert_eq!(count(&people[0]), vec![3, 1, 1, 1]);
        assert_eq!(people[0][2].device, tablet);
        assert_eq!(people[1][0].author, "Bo");
        assert_eq!(count(&people[1]), vec![1]);
    }

    #[test]
    fn times_count_from_1970_with_their_offset() {
        assert_eq!(seconds("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(seconds("2026-11-28T12:00:05.123Z"), Some(1_795_867_205));
        assert_eq!(
            seconds("2026-11-28T13:00:05+01:00"),
            seconds("2026-11-28T12:00:05Z")
        );
        assert_eq!(seconds("yesterday"), None);
    }
}
