//! Exports: the case file as a PDF, the case list as CSV or XLSX, and statistics for partner
//! agencies. Files go to the exports folder, written whole or not at all, never over an older one.

use std::path::PathBuf;

use quayside_domain::case::CaseFile;
use quayside_domain::event::{body_hash, Payload};
use quayside_domain::fields::Field;
use quayside_domain::flags::FlagCode;
use quayside_domain::labels::{notice, table};
use quayside_domain::reference::ROUTE_ROLES;
use quayside_domain::review::ReviewDecision;
use quayside_domain::state::CaseState;
use quayside_domain::timeline::{self as t, LabelPart};
use quayside_export::{
    display_time, display_value, CaseDocument, Cell, EventDigest, ExportError, PdfFonts, PhotoPage,
    Sheet,
};
use quayside_i18n::{Catalogue, Locale, Message};
use quayside_store::{Bucket, CaseFilter, CaseSummary, Statistics};
use serde::Deserialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::args::CaseArgs;
use crate::case_sheet::{case_sheet, partner_sheet};
use crate::error::{ApiError, ErrorCode};
use crate::files::{file_safe, ExportedFile};
use crate::renditions::PDF_PHOTO_SIDE;
use crate::Api;

#[derive(Debug, Clone, Copy, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TableFormat {
    Csv,
    Xlsx,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ExportCasesArgs {
    pub filter: CaseFilter,
    pub format: TableFormat,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ExportStatisticsArgs {
    pub filter: CaseFilter,
}

fn failed(e: impl std::fmt::Display) -> ApiError {
    ApiError::internal(e)
}

/// A message in the reader's language. Debug builds (the tests) refuse a missing key or variable
/// instead of printing it bare.
fn say(words: &Catalogue, message: Message) -> String {
    if cfg!(debug_assertions) {
        if let Err(problem) = words.format_checked(&message) {
            panic!("{} {problem}", words.locale().tag());
        }
    }
    words.format(&message)
}

fn review_lines(words: &Catalogue, case: &CaseFile) -> Vec<(String, String)> {
    let label = |key: &str| words.text_or_key(key);
    let review = &case.review;
    let mut lines = vec![(label(t::REVIEW), label(&review.state.label_key()))];
    // Each decision under its event kind's label: "Review approved: Sam at ...".
    let decision = |kind: &str, d: &ReviewDecision| {
        let message = match &d.comment {
            Some(c) => Message::new("pdf.decision_comment").text("comment", c.clone()),
            None => Message::new("pdf.decision"),
        };
        let text = say(
            words,
            message
                .text("by", d.by.clone())
                .text("at", display_time(&d.at)),
        );
        (label(&Payload::kind_key(kind)), text)
    };
    lines.extend(
        review
            .submitted
            .as_ref()
            .map(|d| decision("review_submitted", d)),
    );
    lines.extend(
        review
            .returned
            .as_ref()
            .map(|d| decision("review_returned", d)),
    );
    lines.extend(
        review
            .approved
            .as_ref()
            .map(|d| decision("review_approved", d)),
    );
    for c in &review.section_comments {
        lines.push((
            say(
                words,
                Message::new("pdf.section_comment").label("section", c.section.label_key()),
            ),
            c.comment.clone(),
        ));
    }
    let changed = review.changed_since_approval().len();
    if changed > 0 {
        lines.push((
            label("pdf.changed_since_approval"),
            say(
                words,
                Message::new("pdf.changed_events").number("count", changed as f64),
            ),
        ));
    }
    lines
}

/// Each sample's and evidence item's chain, in the order the goods moved, then any break in it.
fn custody_lines(words: &Catalogue, case: &CaseFile) -> Vec<String> {
    use quayside_domain::custody::{breaks, chain, seal_number, CUSTODY_SECTIONS};
    let mut lines = Vec::new();
    for section in CUSTODY_SECTIONS {
        for (n, item) in case
            .items
            .iter()
            .filter(|i| i.section == section)
            .enumerate()
        {
            let mut head = LabelPart::item(section, n + 1).text(words);
            if let Some(number) = seal_number(item) {
                head = say(
                    words,
                    Message::new("pdf.custody_item_number")
                        .text("item", head)
                        .text("number", number),
                );
            }
            if let Some(reason) = &item.withdrawn {
                head = say(
                    words,
                    Message::new("pdf.custody_item_withdrawn")
                        .text("item", head)
                        .text("reason", reason.clone()),
                );
            }
            lines.push(head);
            for r in chain(case, item.id) {
                let handover = say(
                    words,
                    Message::new("pdf.custody_handover")
                        .text("at", r.at.clone())
                        .text("from", r.from.clone())
                        .text("to", r.to.clone())
                        .text("place", r.place.clone())
                        .text("condition", r.condition.clone())
                        .text("recorder", r.recorded_by.clone())
                        .text("device", r.device_id.to_string())
                        .text("event", r.event_id.to_string()),
                );
                // Indented under its item.
                lines.push(format!("  {handover}"));
            }
        }
    }
    lines.extend(breaks(case).into_iter().map(|b| {
        say(
            words,
            Message::new("pdf.flag")
                .label("flag", FlagCode::CustodyBreak.label_key())
                .text("details", words.format(&b.text)),
        )
    }));
    lines
}

/// A sheet of counts per bucket; `name` and `key_header` are catalogue keys.
fn bucket_sheet(
    words: &Catalogue,
    name: &str,
    key_header: &str,
    buckets: &[Bucket],
    show: impl Fn(&str) -> String,
) -> Sheet {
    let label = |key: &str| words.text_or_key(key);
    Sheet {
        name: label(name),
        headers: vec![
            label(key_header),
            label(table::CASES),
            label(table::SEIZED_KG),
        ],
        rows: buckets
            .iter()
            .map(|b| {
                vec![
                    Cell::Text(show(&b.key)),
                    Cell::Number(b.cases as f64),
                    Cell::Number(b.seized_kg),
                ]
            })
            .collect(),
    }
}

/// Aggregates only: codes, countries, dates and counts. No party data and no free text (a note or
/// a description may name a person), so the workbook can go to partner agencies as it is.
pub(crate) fn shared_statistics(words: &Catalogue, stats: &Statistics) -> Vec<Sheet> {
    let label = |key: &str| words.text_or_key(key);
    let totals = Sheet {
        name: label(table::SHEET_TOTALS),
        headers: vec![label(table::CASES), label(table::SEIZED_KG)],
        rows: vec![vec![
            Cell::Number(stats.total_cases as f64),
            Cell::Number(stats.total_seized_kg),
        ]],
    };
    // "" is the bucket of cases with no value; of cases with no flag, for flags.
    let plain = |k: &str| {
        if k.is_empty() {
            words.text_or_key(table::NOT_RECORDED)
        } else {
            k.to_string()
        }
    };
    let flag = |k: &str| {
        if k.is_empty() {
            words.text_or_key(table::NO_FLAG)
        } else {
            words.text_or_key(&format!("flag.{k}"))
        }
    };
    vec![
        totals,
        field_bucket_sheet(
            words,
            table::SHEET_BY_CONCEALMENT,
            Field::ConcealmentMethod,
            &stats.by_concealment,
        ),
        field_bucket_sheet(
            words,
            table::SHEET_BY_MATERIAL,
            Field::GoodsMaterial,
            &stats.by_material,
        ),
        field_bucket_sheet(
            words,
            table::SHEET_BY_OUTCOME,
            Field::OutcomeCode,
            &stats.by_outcome,
        ),
        field_bucket_sheet(
            words,
            table::SHEET_BY_DETECTION,
            Field::DetectionMethods,
            &stats.by_detection,
        ),
        bucket_sheet(
            words,
            table::SHEET_BY_FLAG,
            table::FLAGS,
            &stats.by_flag,
            flag,
        ),
        bucket_sheet(
            words,
            table::SHEET_BY_MONTH,
            table::MONTH,
            &stats.by_month,
            plain,
        ),
        bucket_sheet(
            words,
            table::SHEET_BY_WEEK,
            table::ISO_WEEK,
            &stats.by_week,
            plain,
        ),
        Sheet {
            name: label(table::SHEET_ROUTES),
            // The legs a route is summed by, under their route-role labels.
            headers: ["origin", "transshipment", "destination"]
                .iter()
                .map(|role| route_role(words, role))
                .chain([label(table::CASES), label(table::SEIZED_KG)])
                .collect(),
            rows: stats
                .routes
                .iter()
                .map(|r| {
                    vec![
                        Cell::Text(r.origin.clone()),
                        Cell::Text(r.transshipment.clone()),
                        Cell::Text(r.destination.clone()),
                        Cell::Number(r.cases as f64),
                        Cell::Number(r.seized_kg),
                    ]
                })
                .collect(),
        },
    ]
}

/// A sheet of counts per code of `field`, headed by the field's label, codes shown by theirs.
fn field_bucket_sheet(words: &Catalogue, name: &str, field: Field, buckets: &[Bucket]) -> Sheet {
    bucket_sheet(words, name, &field.label_key(), buckets, |k| {
        if k.is_empty() {
            words.text_or_key(table::NOT_RECORDED)
        } else {
            display_value(words, field, k)
        }
    })
}

fn route_role(words: &Catalogue, code: &str) -> String {
    let entry = ROUTE_ROLES.iter().find(|e| e.code == code);
    words.text_or_key(entry.expect("a route role of the code list").key)
}

/// The fonts of a PDF, read from the folder the app ships them in for each export (20 MB, so not
/// kept in memory between exports).
fn pdf_fonts(dir: Option<&PathBuf>) -> Result<PdfFonts, ApiError> {
    let damaged = |what: String| {
        ApiError::new(
            ErrorCode::Internal,
            Message::new("error.pdf_fonts").text("detail", what),
        )
    };
    let dir = dir.ok_or_else(|| damaged("the app gave no fonts folder".to_string()))?;
    PdfFonts::load(|name| std::fs::read(dir.join(name))).map_err(|e| match e {
        ExportError::Font { file, reason } => damaged(format!(
            "the font {} could not be read ({reason})",
            dir.join(file).display()
        )),
        other => damaged(other.to_string()),
    })
}

/// A case of a list, with its case file.
type ListedCase = (CaseSummary, CaseFile);

fn sheet_bytes(
    sheet: quayside_export::Sheet,
    format: TableFormat,
) -> Result<(Vec<u8>, &'static str), ApiError> {
    Ok(match format {
        TableFormat::Csv => (quayside_export::csv(&sheet).map_err(failed)?, "csv"),
        TableFormat::Xlsx => (quayside_export::xlsx(&[sheet]).map_err(failed)?, "xlsx"),
    })
}

impl Api {
    /// The signed-in person's catalogue: what they export is in their language (English when
    /// nobody chose one).
    fn export_words(&self) -> Result<&'static Catalogue, ApiError> {
        let person = self.person()?;
        Ok(Catalogue::get(
            self.language(Some(&person)).unwrap_or(Locale::En),
        ))
    }

    pub(crate) fn export_case_pdf(&self, args: CaseArgs) -> Result<ExportedFile, ApiError> {
        let generated_by = self.author()?.name;
        let words = self.export_words()?;
        let fonts = pdf_fonts(self.fonts.get())?;
        let (case, flags, timeline, events, now) = {
            let store = self.store();
            let (case, flags) = store.case(args.case_id)?;
            let timeline = store.timeline(args.case_id)?;
            let events = store
                .case_events(args.case_id)?
                .iter()
                .map(|e| -> Result<EventDigest, ApiError> {
                    Ok(EventDigest {
                        event_id: e.id.parse::<Uuid>().map_err(failed)?,
                        device_id: e.device_id.parse::<Uuid>().map_err(failed)?,
                        device_seq: e.device_seq as u64,
                        sha256: body_hash(&e.bytes),
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            (case, flags, timeline, events, store.now())
        };
        let photos = case
            .photos
            .iter()
            .map(|p| PhotoPage {
                sha256: p.sha256.clone(),
                file_name: p.file_name.clone(),
                caption: p.caption.clone(),
                excluded: p.excluded.clone(),
                size: p.size,
                media_type: p.media_type.clone(),
                attached_at: p.attached_at.clone(),
                attached_by: p.attached_by.clone(),
                // A photo not on this device yet (or not decodable) is listed by its hash alone.
                jpeg: self
                    .vault()
                    .thumbnail(&p.sha256, PDF_PHOTO_SIDE)
                    .ok()
                    .flatten(),
            })
            .collect();
        let doc = CaseDocument {
            words,
            case: &case,
            flags: &flags,
            timeline: &timeline,
            photos,
            events,
            review: review_lines(words, &case),
            custody: custody_lines(words, &case),
            generated_at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            generated_by,
        };
        let pdf = quayside_export::case_file_pdf(&doc, &fonts).map_err(failed)?;
        self.write_export(&file_safe(&case.case_number), "pdf", &pdf)
    }

    pub(crate) fn export_cases(&self, args: ExportCasesArgs) -> Result<ExportedFile, ApiError> {
        let (cases, now) = self.filtered_cases(args.filter)?;
        let sheet = case_sheet(self.export_words()?, &cases);
        let stem = format!("cases {}", now.format("%Y-%m-%d %H%M%S"));
        let (bytes, ext) = sheet_bytes(sheet, args.format)?;
        self.write_export(&file_safe(&stem), ext, &bytes)
    }

    /// The cases of the list that may leave the agency, as the partner sheet: marked shareable and
    /// approved (or closed) by a supervisor. None of them is no file but a message saying why.
    pub(crate) fn export_partner_cases(
        &self,
        args: ExportCasesArgs,
    ) -> Result<ExportedFile, ApiError> {
        let (cases, now) = self.filtered_cases(args.filter)?;
        let listed = cases.len();
        let shareable: Vec<_> = cases
            .into_iter()
            .filter(|(summary, case)| {
                case.value(Field::Shareable) == Some("yes")
                    && matches!(summary.state, CaseState::Approved | CaseState::Closed)
            })
            .collect();
        if shareable.is_empty() {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                Message::new("error.nothing_to_share").number("listed", listed as f64),
            ));
        }
        let sheet = partner_sheet(self.export_words()?, &shareable);
        let stem = format!("partner cases {}", now.format("%Y-%m-%d %H%M%S"));
        let (bytes, ext) = sheet_bytes(sheet, args.format)?;
        let mut file = self.write_export(&file_safe(&stem), ext, &bytes)?;
        file.notice_key = notice::EXPORT_PARTNER.to_string();
        Ok(file)
    }

    /// The whole filtered list, whatever page the screen shows, each case with its file.
    fn filtered_cases(
        &self,
        filter: CaseFilter,
    ) -> Result<(Vec<ListedCase>, chrono::DateTime<chrono::Utc>), ApiError> {
        let filter = CaseFilter {
            limit: None,
            offset: 0,
            ..self.typed_filter(filter)?
        };
        let store = self.store();
        let cases = store
            .list_cases(&filter)?
            .into_iter()
            .map(|summary| {
                let (case, _) = store.case(summary.id)?;
                Ok((summary, case))
            })
            .collect::<Result<Vec<_>, ApiError>>()?;
        Ok((cases, store.now()))
    }

    pub(crate) fn export_statistics(
        &self,
        args: ExportStatisticsArgs,
    ) -> Result<ExportedFile, ApiError> {
        if args
            .filter
            .search
            .as_deref()
            .is_some_and(|s| !s.trim().is_empty())
        {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                quayside_i18n::Message::new("error.export_search"),
            ));
        }
        let filter = self.typed_filter(args.filter)?;
        let words = self.export_words()?;
        let (stats, now) = {
            let store = self.store();
            (store.statistics(&filter)?, store.now())
        };
        let bytes = quayside_export::xlsx(&shared_statistics(words, &stats)).map_err(failed)?;
        let stem = format!("statistics shared {}", now.format("%Y-%m-%d %H%M%S"));
        self.write_export(&file_safe(&stem), "xlsx", &bytes)
    }
}
