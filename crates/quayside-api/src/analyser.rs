//! Importing a handheld analyser's export: a CSV with one row per reading and one column per
//! element (Olympus/Evident Vanta, Thermo Niton, Bruker S1 Titan). `analyser_columns` reads the
//! header and says what each column is taken to mean, with a few rows to check it by; the person
//! confirms or changes that, and `import_readings` adds one reading per element detected in each
//! row, every event of the import in one store transaction (`docs/domain.md`, "Analyser readings").

use quayside_domain::event::Payload;
use quayside_domain::fields::{parse_field, Field, Section};
use quayside_domain::input::InputConventions;
use quayside_domain::reference::ELEMENTS;
use quayside_domain::values::{not_detected, parse_mass_percent, parse_ppm_as_mass_percent};
use quayside_i18n::Message;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::error::{ApiError, ErrorCode};
use crate::types::CaseView;
use crate::Api;

/// Larger than any analyser's export of a day's readings: a file this size is something else.
const MAX_CSV_BYTES: usize = 8 * 1024 * 1024;
/// Rows shown under the columns, to check the meanings by.
const PREVIEW_ROWS: usize = 5;

/// What a column of the export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ColumnRole {
    ReadingId,
    /// The reading's date and time; several columns (a date and a time) are read together, in
    /// the file's order.
    Time,
    InstrumentSerial,
    InstrumentModel,
    InstrumentMake,
    /// The mass % of `element`.
    Element,
    /// The uncertainty (±, mass %) of `element`'s reading.
    Uncertainty,
}

/// The unit the export's concentrations are in: mass % (alloy modes) or parts per million
/// (geochemical and soil modes, and traces). Readings are kept in mass % either way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Concentration {
    #[default]
    Percent,
    Ppm,
}

/// One column's meaning: the column by its place (from 0), what it holds and, for an element or
/// its uncertainty, the element's symbol. A column with no meaning is not read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ColumnMeaning {
    pub column: u32,
    pub role: ColumnRole,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub element: Option<String>,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct AnalyserColumnsArgs {
    pub case_id: Uuid,
    pub file_name: String,
}

/// The export's columns as read: each header, the meanings recognised, and the first rows.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AnalyserColumns {
    pub headers: Vec<String>,
    pub meanings: Vec<ColumnMeaning>,
    pub preview: Vec<Vec<String>>,
    /// Rows of readings in the file.
    pub rows: u32,
    /// The unit the headers say the concentrations are in (`ppm` in an element's header), else
    /// mass %: offered to the person, who confirms or changes it.
    pub concentration: Concentration,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ImportReadingsArgs {
    pub case_id: Uuid,
    pub file_name: String,
    /// The sample the readings were taken on: an entry of the case's samples.
    pub sample: Uuid,
    pub meanings: Vec<ColumnMeaning>,
    /// Typed by the person when the file does not say (Vanta exports name no make).
    #[serde(default)]
    #[ts(optional = nullable)]
    pub instrument_make: Option<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub instrument_model: Option<String>,
    /// The person agreed to import the good rows and leave out the bad ones named before.
    #[serde(default)]
    pub skip_bad_rows: bool,
    /// The unit of the concentrations; mass % when not given.
    #[serde(default)]
    pub concentration: Concentration,
}

/// What an import did. With bad rows and no consent to skip them, nothing is written and the
/// rows are named, so the person can correct the file or agree to leave them out.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ReadingsImport {
    pub written: bool,
    /// Rows whose readings were added.
    pub rows_imported: u32,
    pub readings_added: u32,
    /// Values the analyser did not detect ("<LOD", "ND"): no reading is added for them.
    pub not_detected: u32,
    /// Each bad row by its line in the file: "line 7: Ga is 'abc', not a number ...".
    pub bad_rows: Vec<Message>,
    pub case: CaseView,
}

impl Api {
    pub(crate) fn analyser_columns(
        &self,
        args: AnalyserColumnsArgs,
        bytes: &[u8],
    ) -> Result<AnalyserColumns, ApiError> {
        self.view(args.case_id)?;
        let table = Table::read(&args.file_name, bytes)?;
        let concentration = if table
            .headers
            .iter()
            .any(|h| h.to_lowercase().contains("ppm"))
        {
            Concentration::Ppm
        } else {
            Concentration::Percent
        };
        Ok(AnalyserColumns {
            concentration,
            meanings: recognise(&table.headers),
            preview: table
                .rows
                .iter()
                .take(PREVIEW_ROWS)
                .map(|r| r.1.clone())
                .collect(),
            rows: table.rows.len() as u32,
            headers: table.headers,
        })
    }

    pub(crate) fn import_readings(
        &self,
        args: ImportReadingsArgs,
        bytes: &[u8],
    ) -> Result<ReadingsImport, ApiError> {
        let table = Table::read(&args.file_name, bytes)?;
        check_meanings(&args.meanings, table.headers.len())?;
        let typed = self.conventions()?;
        let numbers = ValuesAs {
            numbers: table.number_conventions(typed),
            concentration: args.concentration,
        };
        let now = self.now();
        let short = |field: Field, text: Option<&str>| -> Result<Option<String>, ()> {
            match text {
                Some(text) => parse_field(field, text, now, typed).map_err(|_| ()),
                None => Ok(None),
            }
        };
        let Ok(make) = short(
            Field::ReadingInstrumentMake,
            args.instrument_make.as_deref(),
        ) else {
            return Err(ApiError::invalid(
                Field::ReadingInstrumentMake,
                Message::new("analyser.bad_instrument"),
            ));
        };
        let Ok(model) = short(
            Field::ReadingInstrumentModel,
            args.instrument_model.as_deref(),
        ) else {
            return Err(ApiError::invalid(
                Field::ReadingInstrumentModel,
                Message::new("analyser.bad_instrument"),
            ));
        };

        let mut rows = Vec::new();
        let mut bad_rows = Vec::new();
        let mut not_detected_count = 0;
        for (line, cells) in &table.rows {
            match read_row(
                &table.headers,
                &args.meanings,
                cells,
                *line,
                numbers,
                now,
                typed,
            ) {
                Ok(row) => {
                    not_detected_count += row.not_detected;
                    if !row.elements.is_empty() {
                        rows.push(row);
                    }
                }
                Err(message) => bad_rows.push(message),
            }
        }

        let mut result = ReadingsImport {
            written: false,
            rows_imported: 0,
            readings_added: 0,
            not_detected: not_detected_count,
            bad_rows,
            case: self.view(args.case_id)?,
        };
        // Bad rows are left out only with the person's word: a reading silently missing from an
        // import is a reading nobody knows is missing.
        if !result.bad_rows.is_empty() && !args.skip_bad_rows {
            return Ok(result);
        }
        let sample = args.sample.to_string();
        let mut payloads = Vec::new();
        for row in &rows {
            for element in &row.elements {
                let item = Uuid::now_v7();
                payloads.push(Payload::ItemAdded {
                    section: Section::Readings,
                    item,
                });
                let fields = [
                    (Field::ReadingSample, Some(sample.clone())),
                    (Field::ReadingId, row.reading_id.clone()),
                    (Field::ReadingTakenAt, row.taken_at.clone()),
                    (
                        Field::ReadingInstrumentMake,
                        row.make.clone().or_else(|| make.clone()),
                    ),
                    (
                        Field::ReadingInstrumentModel,
                        row.model.clone().or_else(|| model.clone()),
                    ),
                    (Field::ReadingInstrumentSerial, row.serial.clone()),
                    (Field::ReadingElement, Some(element.symbol.clone())),
                    (Field::ReadingMassPercent, Some(element.percent.clone())),
                    (Field::ReadingUncertainty, element.uncertainty.clone()),
                ];
                for (field, value) in fields {
                    if let Some(value) = value {
                        payloads.push(Payload::FieldSet {
                            item: Some(item),
                            field,
                            value: Some(value),
                        });
                    }
                }
                result.readings_added += 1;
            }
        }
        result.rows_imported = rows.len() as u32;
        result.case = self.change_case(args.case_id, |store, case, author| {
            // The readings name their sample: it must be one of this case's, and standing.
            if !case
                .live_items(Section::Samples)
                .any(|i| i.id == args.sample)
            {
                return Err(ApiError::invalid(
                    Field::ReadingSample,
                    Message::new("invalid.item_not_in_case")
                        .label("item", Section::Samples.item_key().unwrap_or_default()),
                ));
            }
            store.append_all(author, args.case_id, payloads)?;
            Ok(())
        })?;
        result.written = result.readings_added > 0;
        Ok(result)
    }
}

/// The export, read: its header and each row with the line it starts on.
struct Table {
    headers: Vec<String>,
    rows: Vec<(u64, Vec<String>)>,
    delimiter: u8,
}

impl Table {
    fn read(file_name: &str, bytes: &[u8]) -> Result<Table, ApiError> {
        let unreadable = |reason: String| {
            ApiError::new(
                ErrorCode::InvalidInput,
                Message::new("analyser.unreadable")
                    .text("file", file_name)
                    .text("reason", reason),
            )
        };
        if bytes.len() > MAX_CSV_BYTES {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                Message::new("analyser.too_large")
                    .text("file", file_name)
                    .number("limit", (MAX_CSV_BYTES / (1024 * 1024)) as f64),
            ));
        }
        let text = std::str::from_utf8(bytes)
            .map_err(|_| unreadable("not UTF-8 text".into()))?
            .trim_start_matches('\u{feff}');
        let delimiter = sniff_delimiter(text);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(true)
            .from_reader(text.as_bytes());
        let headers: Vec<String> = reader
            .headers()
            .map_err(|e| unreadable(e.to_string()))?
            .iter()
            .map(|h| h.trim().to_string())
            .collect();
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| unreadable(e.to_string()))?;
            if record.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let line = record.position().map_or(0, |p| p.line());
            rows.push((line, record.iter().map(|c| c.trim().to_string()).collect()));
        }
        if headers.iter().all(String::is_empty) || rows.is_empty() {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                Message::new("analyser.empty").text("file", file_name),
            ));
        }
        Ok(Table {
            headers,
            rows,
            delimiter,
        })
    }

    /// How numbers in the file are written. Separated by commas, a number cannot hold a decimal
    /// comma, so it has a point whoever reads it (and "0.125" must not read as 125 in Spanish);
    /// separated by semicolons or tabs, it is written as the person's computer writes numbers.
    fn number_conventions(&self, typed: InputConventions) -> InputConventions {
        if self.delimiter == b',' {
            InputConventions::STORED
        } else {
            typed
        }
    }
}

/// The separator the header line uses most: a comma, a semicolon or a tab.
fn sniff_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| header.bytes().filter(|b| b == d).count())
        .unwrap_or(b',')
}

/// What a header names, as the analysers write them: "Reading No", "Time", "Instrument Serial",
/// "Ga" and "Ga +/-" (Vanta), "Ga Err" (Niton, Bruker), "Ga 2σ", "Gallium".
fn recognise(headers: &[String]) -> Vec<ColumnMeaning> {
    let mut taken = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for (column, header) in headers.iter().enumerate() {
        let Some((role, element)) = meaning_of(header) else {
            continue;
        };
        // The first column of a meaning wins; a second "Ga" is left for the person to say.
        if role != ColumnRole::Time && !taken.insert((role, element.clone())) {
            continue;
        }
        out.push(ColumnMeaning {
            column: column as u32,
            role,
            element,
        });
    }
    out
}

fn meaning_of(header: &str) -> Option<(ColumnRole, Option<String>)> {
    let plain = header
        .to_lowercase()
        .replace(['(', ')', '[', ']', '%'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let role = match plain.as_str() {
        "reading no" | "reading no." | "reading #" | "reading" | "reading number"
        | "reading id" | "index" | "test #" | "test no" | "test no." | "test number" => {
            Some(ColumnRole::ReadingId)
        }
        "time" | "date" | "date/time" | "date time" | "datetime" | "timestamp" | "date & time" => {
            Some(ColumnRole::Time)
        }
        "instrument serial"
        | "instrument serial no"
        | "instrument serial number"
        | "serial"
        | "serial no"
        | "serial number"
        | "instrument s/n"
        | "s/n"
        | "sn#"
        | "instrument sn" => Some(ColumnRole::InstrumentSerial),
        "model" | "instrument model" | "instrument" => Some(ColumnRole::InstrumentModel),
        "make" | "manufacturer" | "instrument make" => Some(ColumnRole::InstrumentMake),
        _ => None,
    };
    if let Some(role) = role {
        return Some((role, None));
    }
    let (first, rest) = plain.split_once(' ').unwrap_or((&plain, ""));
    // The unit in a header ("Ga ppm") is the file's, chosen once for all its columns.
    let rest = rest
        .split(' ')
        .filter(|w| *w != "ppm")
        .collect::<Vec<_>>()
        .join(" ");
    let rest = rest.as_str();
    let element = ELEMENTS
        .iter()
        .find(|e| e.code.eq_ignore_ascii_case(first) || e.label().eq_ignore_ascii_case(first))?;
    let role = match rest {
        "" | "concentration" | "conc" | "conc." | "mass" => ColumnRole::Element,
        "+/-" | "±" | "err" | "error" | "2σ" | "3σ" | "2 sigma" | "3 sigma" | "unc"
        | "uncertainty" | "sd" | "+/- 2σ" | "+/- 3σ" | "error 2σ" | "error 3σ" => {
            ColumnRole::Uncertainty
        }
        _ => return None,
    };
    Some((role, Some(element.code.to_string())))
}

/// The meanings must name columns of the file, known elements, and each element once.
fn check_meanings(meanings: &[ColumnMeaning], columns: usize) -> Result<(), ApiError> {
    let refused = |message: Message| Err(ApiError::new(ErrorCode::InvalidInput, message));
    let mut elements = std::collections::BTreeSet::new();
    for meaning in meanings {
        if meaning.column as usize >= columns {
            return refused(
                Message::new("analyser.column_missing")
                    .number("column", f64::from(meaning.column + 1))
                    .number("count", columns as f64),
            );
        }
        if matches!(meaning.role, ColumnRole::Element | ColumnRole::Uncertainty) {
            let symbol = meaning.element.as_deref().unwrap_or_default();
            let Some(entry) = ELEMENTS.iter().find(|e| e.code == symbol) else {
                return refused(Message::new("analyser.unknown_element").text("element", symbol));
            };
            if meaning.role == ColumnRole::Element && !elements.insert(entry.code) {
                return refused(Message::new("analyser.element_twice").label("element", entry.key));
            }
        }
    }
    if elements.is_empty() {
        return refused(Message::new("analyser.no_element_column"));
    }
    Ok(())
}

/// One element's reading in a row, canonical.
struct ElementReading {
    symbol: String,
    percent: String,
    uncertainty: Option<String>,
}

/// A row, read: what it says of the reading, and one entry per element detected.
struct Row {
    reading_id: Option<String>,
    taken_at: Option<String>,
    serial: Option<String>,
    make: Option<String>,
    model: Option<String>,
    elements: Vec<ElementReading>,
    not_detected: u32,
}

/// How the file's values are written: its number conventions and the unit of its concentrations.
#[derive(Clone, Copy)]
struct ValuesAs {
    numbers: InputConventions,
    concentration: Concentration,
}

impl ValuesAs {
    fn mass_percent(self, text: &str) -> Result<String, quayside_domain::Invalid> {
        match self.concentration {
            Concentration::Percent => parse_mass_percent(text, self.numbers),
            Concentration::Ppm => parse_ppm_as_mass_percent(text, self.numbers),
        }
    }
}

/// Read one row, or say what is wrong with it, by its line.
fn read_row(
    headers: &[String],
    meanings: &[ColumnMeaning],
    cells: &[String],
    line: u64,
    numbers: ValuesAs,
    now: chrono::NaiveDateTime,
    typed: InputConventions,
) -> Result<Row, Message> {
    let cell = |column: u32| cells.get(column as usize).map_or("", String::as_str);
    let header = |column: u32| headers.get(column as usize).cloned().unwrap_or_default();
    let bad = |key: &str, column: u32, text: &str| {
        Message::new(key)
            .number("line", line as f64)
            .text("column", header(column))
            .text("text", text)
    };
    let of = |role: ColumnRole| meanings.iter().filter(move |m| m.role == role);
    let text = |role: ColumnRole, field: Field| -> Result<Option<String>, Message> {
        let Some(meaning) = of(role).next() else {
            return Ok(None);
        };
        let value = cell(meaning.column);
        parse_field(field, value, now, typed)
            .map_err(|_| bad("analyser.bad_text", meaning.column, value))
    };

    let time_cells: Vec<&str> = of(ColumnRole::Time)
        .map(|m| cell(m.column))
        .filter(|c| !c.is_empty())
        .collect();
    let taken_at = if time_cells.is_empty() {
        None
    } else {
        let joined = time_cells.join(" ");
        let column = of(ColumnRole::Time).next().map_or(0, |m| m.column);
        Some(
            parse_field(Field::ReadingTakenAt, &joined, now, typed)
                .map_err(|_| bad("analyser.bad_time", column, &joined))?
                .unwrap_or_default(),
        )
    };

    let mut elements = Vec::new();
    let mut not_detected_count = 0;
    for meaning in of(ColumnRole::Element) {
        let symbol = meaning.element.clone().unwrap_or_default();
        let value = cell(meaning.column);
        if value.is_empty() || not_detected(value) {
            not_detected_count += u32::from(!value.is_empty());
            continue;
        }
        let percent = numbers
            .mass_percent(value)
            .map_err(|_| bad("analyser.bad_number", meaning.column, value))?;
        let uncertainty = match of(ColumnRole::Uncertainty)
            .find(|u| u.element.as_deref() == Some(symbol.as_str()))
        {
            Some(u) if !cell(u.column).is_empty() && !not_detected(cell(u.column)) => Some(
                numbers
                    .mass_percent(cell(u.column))
                    .map_err(|_| bad("analyser.bad_number", u.column, cell(u.column)))?,
            ),
            _ => None,
        };
        elements.push(ElementReading {
            symbol,
            percent,
            uncertainty,
        });
    }
    Ok(Row {
        reading_id: text(ColumnRole::ReadingId, Field::ReadingId)?,
        taken_at,
        serial: text(ColumnRole::InstrumentSerial, Field::ReadingInstrumentSerial)?,
        make: text(ColumnRole::InstrumentMake, Field::ReadingInstrumentMake)?,
        model: text(ColumnRole::InstrumentModel, Field::ReadingInstrumentModel)?,
        elements,
        not_detected: not_detected_count,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_of_each_analyser_are_recognised() {
        let headers: Vec<String> = [
            "Reading No",
            "Time",
            "Instrument Serial",
            "Ga",
            "Ga +/-",
            "Sn Err",
            "Gallium",
            "Duration",
            "Pb (%)",
        ]
        .map(String::from)
        .to_vec();
        let meanings = recognise(&headers);
        let role = |column: u32| {
            meanings
                .iter()
                .find(|m| m.column == column)
                .map(|m| (m.role, m.element.as_deref()))
        };
        assert_eq!(role(0), Some((ColumnRole::ReadingId, None)));
        assert_eq!(role(1), Some((ColumnRole::Time, None)));
        assert_eq!(role(2), Some((ColumnRole::InstrumentSerial, None)));
        assert_eq!(role(3), Some((ColumnRole::Element, Some("Ga"))));
        assert_eq!(role(4), Some((ColumnRole::Uncertainty, Some("Ga"))));
        assert_eq!(role(5), Some((ColumnRole::Uncertainty, Some("Sn"))));
        // A second gallium column is the person's to place.
        assert_eq!(role(6), None);
        assert_eq!(role(7), None);
        assert_eq!(role(8), Some((ColumnRole::Element, Some("Pb"))));
    }

    #[test]
    fn the_separator_is_the_headers_own() {
        assert_eq!(sniff_delimiter("Reading;Ga;Ge\n1;0,5;1"), b';');
        assert_eq!(sniff_delimiter("Reading,Ga,Ge\n1;2"), b',');
        assert_eq!(sniff_delimiter("Reading\tGa\n"), b'\t');
    }
}
