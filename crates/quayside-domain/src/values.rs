//! Measured and free values people type: weights, quantities, money, dates and times, text.
//!
//! Each parser reads the text with the typing person's [`InputConventions`] (their decimal mark,
//! date order and era; full-width characters folded) and returns the canonical text to store (and
//! the value where one is needed) or an [`Invalid`] saying what is wrong and how to fix it. The
//! canonical text is the same whoever typed the value.

use std::ops::RangeInclusive;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use quayside_i18n::{Locale, Message};

use crate::identifiers::parse_currency;
use crate::input::{plain_value, InputConventions};
use crate::Invalid;

/// Units a weight may be typed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeightUnit {
    Kg,
    G,
    T,
    Lb,
}

impl WeightUnit {
    /// The unit's words in the languages Quayside speaks. "ton" is not one: a short ton is not a
    /// tonne, and the Spanish, Chinese and Thai words all mean the metric tonne.
    fn from_word(word: &str) -> Option<Self> {
        match word {
            "kg"
            | "kgs"
            | "kilo"
            | "kilos"
            | "kilogram"
            | "kilograms"
            | "kilogramo"
            | "kilogramos"
            | "公斤"
            | "千克"
            | "กก"
            | "กิโล"
            | "กิโลกรัม" => Some(Self::Kg),
            "g" | "gram" | "grams" | "gramo" | "gramos" | "克" | "กรัม" => Some(Self::G),
            "t" | "tonne" | "tonnes" | "tonelada" | "toneladas" | "吨" | "ตัน" => {
                Some(Self::T)
            }
            "lb" | "lbs" | "libra" | "libras" | "磅" => Some(Self::Lb),
            _ => None,
        }
    }

    fn symbol(self) -> &'static str {
        match self {
            Self::Kg => "kg",
            Self::G => "g",
            Self::T => "t",
            Self::Lb => "lb",
        }
    }

    fn kg_per_unit(self) -> f64 {
        match self {
            Self::Kg => 1.0,
            Self::G => 0.001,
            Self::T => 1000.0,
            Self::Lb => 0.453_592_37, // exact, by the 1959 international agreement
        }
    }
}

/// A weight in kilograms.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weight {
    pub kg: f64,
}

/// Above this no single consignment weighs; a larger figure is a typo or a wrong unit.
const MAX_PLAUSIBLE_KG: f64 = 1e9;

/// A non-negative decimal number as typed, normalised: no leading zeros in the integer part, no
/// trailing zeros in the fraction.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Decimal {
    int: String,
    frac: String,
}

impl Decimal {
    fn new(int: &str, frac: &str) -> Self {
        let int = int.trim_start_matches('0');
        Decimal {
            int: if int.is_empty() { "0" } else { int }.to_string(),
            frac: frac.trim_end_matches('0').to_string(),
        }
    }

    fn text(&self) -> String {
        if self.frac.is_empty() {
            self.int.clone()
        } else {
            format!("{}.{}", self.int, self.frac)
        }
    }

    fn value(&self) -> f64 {
        // Only digits and one dot, so this cannot fail.
        self.text().parse().unwrap_or(f64::NAN)
    }

    /// With commas between thousands: "1,250.5".
    fn grouped(&self) -> String {
        let digits = self.int.as_bytes();
        let mut out = String::new();
        for (i, &digit) in digits.iter().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(char::from(digit));
        }
        if !self.frac.is_empty() {
            out.push('.');
            out.push_str(&self.frac);
        }
        out
    }
}

enum NumberProblem {
    Negative,
    NotANumber,
    /// Written with a decimal comma and dots between thousands (1.250,5) where the decimal mark
    /// is a point: its value read that way, to name in the message.
    DecimalComma(Decimal),
    /// Read one way where a dot groups thousands and another where it is the decimal mark.
    Ambiguous {
        thousands: Decimal,
        decimal: Decimal,
    },
}

/// A decimal mark and the mark between groups of thousands.
#[derive(Debug, Clone, Copy)]
struct Marks {
    decimal: char,
    group: char,
}

/// 1,250.5: English, Chinese, Thai, and the Spanish of Mexico.
const POINT: Marks = Marks {
    decimal: '.',
    group: ',',
};
/// 1.250,5: the Spanish of Spain.
const COMMA: Marks = Marks {
    decimal: ',',
    group: '.',
};

/// Reads `text` exactly as `marks` write numbers: digits, optionally in groups of three after a
/// first group of one to three digits (not starting with 0), then at most one decimal mark and
/// digits.
fn read_with(text: &str, marks: Marks) -> Option<Decimal> {
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let (int_part, frac) = text.split_once(marks.decimal).unwrap_or((text, ""));
    if !digits(frac) {
        return None;
    }
    let int = if int_part.contains(marks.group) {
        let mut groups = int_part.split(marks.group);
        let first = groups.next().unwrap_or_default();
        let first_ok = (1..=3).contains(&first.len()) && !first.starts_with('0') && digits(first);
        if !first_ok || !groups.all(|g| g.len() == 3 && digits(g)) {
            return None;
        }
        int_part.replace(marks.group, "")
    } else if digits(int_part) {
        int_part.to_string()
    } else {
        return None;
    };
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    Some(Decimal::new(&int, frac))
}

/// Reads a number as the person writes it.
///
/// One optional leading `+`; a leading minus is reported as negative.
///
/// English, Chinese and Thai: `.` is the decimal point and `,` groups thousands ("1,250",
/// "12,000.50"); a comma that cannot group thousands, with no `.`, is a decimal comma as much of
/// Europe writes it ("1,5" is 1.5). So "1,250" is 1250, never 1.25. "1.250,5" is refused, naming
/// the value it would have with a decimal comma.
///
/// Spanish: Spain writes "1.250,5" and Mexico "1,250.5", and either may group with spaces
/// ("1 250,5"); a number is read whichever way makes sense of it. A single mark followed by
/// exactly three digits ("1.250", "1,250") reads as 1250 one way and 1.25 the other, so it is
/// refused rather than guessed. This includes stored text such as "1.125 kg": read as Spanish it
/// would become 1125 kg.
///
/// Anything else ("1,25,0", "1 250" outside Spanish) is refused.
fn parse_decimal(text: &str, typed: InputConventions) -> Result<Decimal, NumberProblem> {
    let text = text.trim();
    if text.starts_with('-') || text.starts_with('\u{2212}') {
        return Err(NumberProblem::Negative);
    }
    let text = text.strip_prefix('+').unwrap_or(text);
    if typed.decimal_comma() {
        let spaced = |decimal| Marks {
            decimal,
            group: ' ',
        };
        let mut readings = Vec::new();
        for marks in [COMMA, POINT, spaced(','), spaced('.')] {
            if let Some(reading) = read_with(text, marks) {
                if !readings.contains(&reading) {
                    readings.push(reading);
                }
            }
        }
        return match readings.as_slice() {
            [] => Err(NumberProblem::NotANumber),
            [only] => Ok(only.clone()),
            [a, b, ..] => {
                let (thousands, decimal) = if a.value() > b.value() {
                    (a, b)
                } else {
                    (b, a)
                };
                Err(NumberProblem::Ambiguous {
                    thousands: thousands.clone(),
                    decimal: decimal.clone(),
                })
            }
        };
    }
    if let Some(reading) = read_with(text, POINT) {
        return Ok(reading);
    }
    if !text.contains('.') {
        if let Some(reading) = read_with(text, COMMA) {
            return Ok(reading);
        }
    }
    Err(match read_with(text, COMMA) {
        Some(reading) => NumberProblem::DecimalComma(reading),
        None => NumberProblem::NotANumber,
    })
}

/// What is wrong with `number`: `example` is a canonical example ("1250.5 kg"), shown as the
/// person writes it; `negative` is the key of the field's own message for a minus sign.
fn number_invalid(
    problem: NumberProblem,
    number: &str,
    example: &str,
    typed: InputConventions,
    negative: &str,
) -> Invalid {
    // Numbers here are shown as written, so they travel as text: a reader's number format must
    // not regroup what the message is about.
    let about = |key: &str| Message::new(key).text("number", number);
    Invalid::new(match problem {
        NumberProblem::Negative => Message::new(negative),
        NumberProblem::NotANumber if typed.decimal_comma() => {
            about("invalid.number_comma").text("example", typed.example(example))
        }
        NumberProblem::NotANumber => about("invalid.number_point").text("example", example),
        NumberProblem::DecimalComma(value) => {
            let (plain, grouped) = (value.text(), value.grouped());
            if grouped == plain {
                about("invalid.number_decimal_comma").text("plain", plain)
            } else {
                about("invalid.number_decimal_comma_grouped")
                    .text("plain", plain)
                    .text("grouped", grouped)
            }
        }
        NumberProblem::Ambiguous { thousands, decimal } => about("invalid.number_two_ways")
            .text("thousands", thousands.text())
            .text("decimal", typed.example(&decimal.text())),
    })
}

/// Splits "1250 kg" / "1250kg" into the number and the word after it, at the first letter.
fn split_number_unit(input: &str) -> (&str, &str) {
    let at = input.find(char::is_alphabetic).unwrap_or(input.len());
    let unit = input[at..].trim();
    // A trailing dot after an abbreviation ("pcs.", "kg.", "กก.") is formatting, not content.
    let unit = unit.strip_suffix('.').unwrap_or(unit);
    (input[..at].trim(), unit)
}

/// Parses a weight ("1,250.5kg", "1.2 t", "300 lb"; "18.000,5 kg" in Spanish): returns it in kg
/// and the canonical text ("1250.5 kg", "1.2 t"). The unit is required.
pub fn parse_weight(input: &str, typed: InputConventions) -> Result<(Weight, String), Invalid> {
    let input = plain_value(input);
    let input = input.trim();
    if input.is_empty() {
        return Err(Invalid::new(Message::new("invalid.weight_empty")));
    }
    let (number, unit_word) = split_number_unit(input);
    if unit_word.is_empty() {
        return Err(Invalid::new(Message::new("invalid.weight_no_unit")));
    }
    if number.is_empty() {
        return Err(Invalid::new(Message::new("invalid.weight_no_number")));
    }
    let unit = WeightUnit::from_word(&unit_word.to_lowercase())
        .ok_or_else(|| Invalid::new(Message::new("invalid.weight_unit").text("unit", unit_word)))?;
    let decimal = parse_decimal(number, typed).map_err(|problem| {
        number_invalid(
            problem,
            number,
            "1250.5 kg",
            typed,
            "invalid.weight_negative",
        )
    })?;
    let kg = decimal.value() * unit.kg_per_unit();
    let canonical = format!("{} {}", decimal.text(), unit.symbol());
    if kg > MAX_PLAUSIBLE_KG {
        return Err(Invalid::new(
            Message::new("invalid.weight_implausible").text("weight", canonical),
        ));
    }
    Ok((Weight { kg }, canonical))
}

/// Parses a count with its unit word ("1200 pcs", "40 Cartons") into "1200 pcs", "40 cartons".
pub fn parse_quantity(input: &str, typed: InputConventions) -> Result<String, Invalid> {
    let input = plain_value(input);
    let input = input.trim();
    if input.is_empty() {
        return Err(Invalid::new(Message::new("invalid.quantity_empty")));
    }
    let (number, unit) = split_number_unit(input);
    if unit.is_empty() {
        return Err(Invalid::new(Message::new("invalid.quantity_no_unit")));
    }
    if number.is_empty() {
        return Err(Invalid::new(Message::new("invalid.quantity_no_number")));
    }
    if !unit.chars().all(char::is_alphabetic) || unit.chars().count() > 20 {
        return Err(Invalid::new(
            Message::new("invalid.quantity_unit").text("unit", unit),
        ));
    }
    let decimal = parse_decimal(number, typed).map_err(|problem| {
        number_invalid(
            problem,
            number,
            "1200 pcs",
            typed,
            "invalid.quantity_negative",
        )
    })?;
    Ok(format!("{} {}", decimal.text(), unit.to_lowercase()))
}

/// Parses an amount with its currency, either order ("12000 USD", "usd 12,000.50"; "12.000,50
/// EUR" in Spanish) into "12000.50 USD": always two decimals.
pub fn parse_money(input: &str, typed: InputConventions) -> Result<String, Invalid> {
    let input = plain_value(input);
    let input = input.trim();
    if input.is_empty() {
        return Err(Invalid::new(Message::new("invalid.money_empty")));
    }
    if input.contains(['$', '€', '£', '¥', '฿', '₹', '₩']) {
        return Err(Invalid::new(Message::new("invalid.money_symbol")));
    }
    let (amount, currency) = if input.starts_with(char::is_alphabetic) {
        let at = input
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(input.len());
        (input[at..].trim(), &input[..at])
    } else {
        let at = input.find(char::is_alphabetic).unwrap_or(input.len());
        (input[..at].trim(), input[at..].trim())
    };
    if currency.is_empty() {
        return Err(Invalid::new(Message::new("invalid.money_no_currency")));
    }
    if amount.is_empty() {
        return Err(Invalid::new(Message::new("invalid.money_no_amount")));
    }
    let currency = parse_currency(currency)?;
    let decimal = parse_decimal(amount, typed).map_err(|problem| {
        number_invalid(
            problem,
            amount,
            "12000.50 USD",
            typed,
            "invalid.money_negative",
        )
    })?;
    if decimal.frac.len() > 2 {
        return Err(Invalid::new(
            Message::new("invalid.money_cents")
                .text("amount", amount)
                .text("example", typed.example(&format!("12000.50 {currency}"))),
        ));
    }
    Ok(format!("{}.{:0<2} {currency}", decimal.int, decimal.frac))
}

/// Most decimals of a mass share: handheld analysers report to 4 (0.0001 % is 1 ppm).
const MASS_PERCENT_DECIMALS: usize = 4;

/// What analysers write for an element they did not detect (below the limit of detection).
const NOT_DETECTED: &[&str] = &["<lod", "< lod", "nd", "n.d.", "n/d", "bdl", "<dl", "-"];

/// Whether an analyser's cell says the element was not detected ("<LOD", "ND").
pub fn not_detected(text: &str) -> bool {
    NOT_DETECTED.contains(&text.trim().to_lowercase().as_str())
}

/// Parses a mass share in percent ("38.2", "38,2 %" in Spanish, "0.0150") into "38.2": 0 to 100,
/// at most four decimals, read with the person's decimal mark. An optional `%` is dropped.
pub fn parse_mass_percent(input: &str, typed: InputConventions) -> Result<String, Invalid> {
    let input = plain_value(input);
    let number = input.trim();
    let number = number.strip_suffix('%').unwrap_or(number).trim();
    let decimal = concentration(number, typed, "38.25")?;
    if decimal.frac.len() > MASS_PERCENT_DECIMALS {
        return Err(Invalid::new(
            Message::new("invalid.mass_percent_decimals")
                .text("number", number)
                .text("example", typed.example("38.2512")),
        ));
    }
    if decimal.value() > 100.0 {
        return Err(Invalid::new(
            Message::new("invalid.mass_percent_over").text("number", number),
        ));
    }
    Ok(decimal.text())
}

/// A concentration's number as an analyser writes it: refused when it says the element was not
/// detected, or is not a positive number (`example` shows one).
fn concentration(number: &str, typed: InputConventions, example: &str) -> Result<Decimal, Invalid> {
    if not_detected(number) {
        return Err(Invalid::new(
            Message::new("invalid.mass_percent_not_detected").text("text", number),
        ));
    }
    parse_decimal(number, typed).map_err(|problem| {
        number_invalid(
            problem,
            number,
            example,
            typed,
            "invalid.mass_percent_negative",
        )
    })
}

/// Parses a concentration in parts per million, as analysers report traces and geochemical modes,
/// into mass % (1 % = 10,000 ppm), rounded to the four decimals a mass % keeps (1 ppm).
pub fn parse_ppm_as_mass_percent(input: &str, typed: InputConventions) -> Result<String, Invalid> {
    let input = plain_value(input);
    let number = input.trim();
    let number = number.strip_suffix("ppm").unwrap_or(number).trim();
    let decimal = concentration(number, typed, "382500")?;
    let percent = decimal.value() / 10_000.0;
    if percent > 100.0 {
        return Err(Invalid::new(
            Message::new("invalid.mass_percent_over").text("number", number),
        ));
    }
    let text = format!("{percent:.4}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    Ok(text.to_string())
}

/// The months by their label keys, January first: named in the reader's language.
const MONTH_KEYS: [&str; 12] = [
    "month.january",
    "month.february",
    "month.march",
    "month.april",
    "month.may",
    "month.june",
    "month.july",
    "month.august",
    "month.september",
    "month.october",
    "month.november",
    "month.december",
];

/// Earlier than this is a typo in this application (cases are recent).
fn earliest_plausible() -> NaiveDate {
    NaiveDate::from_ymd_opt(1990, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// Buddhist-era years minus this are years of the Common Era.
const BUDDHIST_ERA_OFFSET: u32 = 543;

/// Years that can only be of the Buddhist era here: as years of the Common Era they are
/// centuries ahead, as Buddhist-era years they are 1957 to 2156. Years of each era that a case
/// can have never overlap, so reading a year by its era is not a guess.
const BUDDHIST_ERA_YEARS: RangeInclusive<u32> = 2500..=2699;

/// The order a date was typed in, to show it back that way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateOrder {
    /// 2026-12-06, 2026/12/6, 2026.12.6
    YearFirst,
    /// 6/12/2026 (Spanish, Thai)
    DayFirst,
    /// 2026年12月6日
    Ideographic,
}

impl DateOrder {
    fn pattern(self) -> &'static str {
        match self {
            DateOrder::YearFirst => "YYYY-MM-DD",
            DateOrder::DayFirst => "DD/MM/YYYY",
            DateOrder::Ideographic => "YYYY年MM月DD日",
        }
    }

    fn show(self, year: u32, month: u32, day: u32) -> String {
        match self {
            DateOrder::YearFirst => format!("{year:04}-{month:02}-{day:02}"),
            DateOrder::DayFirst => format!("{day:02}/{month:02}/{year:04}"),
            DateOrder::Ideographic => format!("{year}年{month}月{day}日"),
        }
    }
}

/// The year of the examples in messages, in the era the person counts in.
fn example_year(typed: InputConventions) -> u32 {
    if typed.buddhist_era {
        2026 + BUDDHIST_ERA_OFFSET
    } else {
        2026
    }
}

/// A year shown in a message: text, as typed, never grouped like a quantity ("2,569").
fn year_text(year: u32) -> String {
    year.to_string()
}

fn datetime_format_error(input: &str, typed: InputConventions) -> Invalid {
    let key = match typed.locale {
        Locale::Es | Locale::Th => "invalid.date_form_day_first",
        Locale::ZhCn => "invalid.date_form_ideographic",
        Locale::En | Locale::Pseudo => "invalid.date_form",
    };
    Invalid::new(
        Message::new(key)
            .text("text", input)
            .text("year", year_text(example_year(typed))),
    )
}

fn empty_date(typed: InputConventions) -> Invalid {
    let key = if typed.day_first() {
        "invalid.date_empty_day_first"
    } else {
        "invalid.date_empty"
    };
    Invalid::new(Message::new(key).text("year", year_text(example_year(typed))))
}

/// A date typed with the day or the month first where both orders circulate: never read, but the
/// message names what each reading would be, so the person picks.
fn order_error(date_text: &str, first: u32, second: u32, year: u32) -> Invalid {
    let date = |month, day| NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day);
    let iso = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    let month_key = |d: NaiveDate| MONTH_KEYS[d.month0() as usize];
    let about = |key: &str| Message::new(key).text("text", date_text);
    Invalid::new(match (date(second, first), date(first, second)) {
        (Some(day_first), Some(month_first)) if day_first != month_first => {
            about("invalid.date_order_both")
                .text("day_first", iso(day_first))
                .number("day_first_day", day_first.day())
                .label("day_first_month", month_key(day_first))
                .text("month_first", iso(month_first))
                .number("month_first_day", month_first.day())
                .label("month_first_month", month_key(month_first))
        }
        (Some(only), _) | (None, Some(only)) => {
            about("invalid.date_order").text("example", iso(only))
        }
        (None, None) => about("invalid.date_order").text("example", "2026-11-28"),
    })
}

/// Splits `text` on `separator` into numbers whose digit counts lie in `widths`, or `None`.
fn numeric_fields(text: &str, separator: char, widths: &[(usize, usize)]) -> Option<Vec<u32>> {
    let parts: Vec<&str> = text.split(separator).collect();
    if parts.len() != widths.len() {
        return None;
    }
    parts
        .iter()
        .zip(widths)
        .map(|(part, &(min, max))| {
            let ok = (min..=max).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
            if ok {
                part.parse().ok()
            } else {
                None
            }
        })
        .collect()
}

/// `2026年12月6日`, spaces allowed around the numbers, `号` for `日` as people say it: the
/// year, month and day text and what follows (the time).
fn split_ideographic_date(text: &str) -> Option<([&str; 3], &str)> {
    let (year, rest) = text.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let (day, rest) = rest.split_once(['日', '号'])?;
    Some(([year.trim(), month.trim(), day.trim()], rest))
}

/// A date as typed: its text, its numbers (the year in the era it was typed in) and their order.
struct TypedDate<'t> {
    text: &'t str,
    year: u32,
    month: u32,
    day: u32,
    order: DateOrder,
}

/// Splits the date at the start of `text` (plain characters, trimmed) from the rest (the time).
fn split_date(text: &str, typed: InputConventions) -> Result<(TypedDate<'_>, &str), Invalid> {
    let format_error = || datetime_format_error(text, typed);
    if text.contains('年') {
        let (parts, rest) = split_ideographic_date(text).ok_or_else(format_error)?;
        let ymd = numeric_fields(&parts.join("-"), '-', &[(4, 4), (1, 2), (1, 2)])
            .ok_or_else(format_error)?;
        let date = TypedDate {
            text: &text[..text.len() - rest.len()],
            year: ymd[0],
            month: ymd[1],
            day: ymd[2],
            order: DateOrder::Ideographic,
        };
        return Ok((date, rest));
    }
    let end = text
        .find(|c: char| c == 'T' || c == 't' || c.is_whitespace())
        .unwrap_or(text.len());
    let (date_text, rest) = text.split_at(end);
    let rest = rest.strip_prefix(['T', 't']).unwrap_or(rest);
    let separator = date_text
        .chars()
        .find(|c| !c.is_ascii_digit())
        .filter(|c| matches!(c, '-' | '/' | '.'))
        .ok_or_else(format_error)?;
    let lengths: Vec<usize> = date_text.split(separator).map(str::len).collect();
    let numbers = |widths| numeric_fields(date_text, separator, widths).ok_or_else(format_error);
    let date = |year, month, day, order| TypedDate {
        text: date_text,
        year,
        month,
        day,
        order,
    };
    let date = match lengths.as_slice() {
        [4, _, _] => {
            let ymd = numbers(&[(4, 4), (1, 2), (1, 2)])?;
            date(ymd[0], ymd[1], ymd[2], DateOrder::YearFirst)
        }
        [1..=2, 1..=2, 4] => {
            let dmy = numbers(&[(1, 2), (1, 2), (4, 4)])?;
            if !typed.day_first() {
                return Err(order_error(date_text, dmy[0], dmy[1], dmy[2]));
            }
            date(dmy[2], dmy[1], dmy[0], DateOrder::DayFirst)
        }
        [1..=2, 1..=2, 2] if typed.day_first() => {
            let dmy = numbers(&[(1, 2), (1, 2), (2, 2)])?;
            return Err(Invalid::new(
                Message::new("invalid.date_two_digit_year")
                    .text("text", date_text)
                    .text(
                        "example",
                        format!(
                            "{}{separator}{}{separator}{}",
                            dmy[0],
                            dmy[1],
                            example_year(typed)
                        ),
                    ),
            ));
        }
        _ => return Err(format_error()),
    };
    Ok((date, rest))
}

/// The date at the start of `text` (plain characters, trimmed), in the Common Era and checked
/// against the calendar, and the rest (the time, trimmed).
fn read_date(text: &str, typed: InputConventions) -> Result<(NaiveDate, &str), Invalid> {
    let (typed_date, rest) = split_date(text, typed)?;
    let TypedDate {
        year, month, day, ..
    } = typed_date;
    // Messages about the calendar show the year as typed; the date is of the Common Era.
    let common_era = if BUDDHIST_ERA_YEARS.contains(&year) {
        let common_era = year - BUDDHIST_ERA_OFFSET;
        if typed.buddhist_era {
            common_era
        } else if typed.locale == Locale::Th {
            return Err(Invalid::new(
                Message::new("invalid.date_buddhist_era")
                    .text("year", year_text(year))
                    .text("common_era", year_text(common_era))
                    .text(
                        "example",
                        typed_date
                            .text
                            .replacen(&year.to_string(), &common_era.to_string(), 1),
                    ),
            ));
        } else {
            year
        }
    } else {
        year
    };
    if !(1..=12).contains(&month) {
        return Err(Invalid::new(
            Message::new("invalid.date_month")
                .number("month", month)
                .text("pattern", typed_date.order.pattern()),
        ));
    }
    let calendar_year =
        i32::try_from(common_era).map_err(|_| datetime_format_error(text, typed))?;
    let days_in_month = (28..=31)
        .rev()
        .find(|&d| NaiveDate::from_ymd_opt(calendar_year, month, d).is_some())
        .unwrap_or(28);
    let date = NaiveDate::from_ymd_opt(calendar_year, month, day).ok_or_else(|| {
        Invalid::new(
            Message::new("invalid.date_day")
                .text("date", typed_date.order.show(year, month, day))
                .label("month", MONTH_KEYS[month as usize - 1])
                .text("year", year_text(year))
                .number("days", days_in_month),
        )
    })?;
    Ok((date, rest.trim()))
}

/// The time after a date: `14:05` or `14:05:30` (seconds are dropped), `14时05分` or `14点5分` as
/// Chinese writes it, and in Thai `14.05` and a closing `น.`. `None` when it is none of these.
fn read_time(text: &str, typed: InputConventions) -> Option<(u32, u32, Option<u32>)> {
    let mut text = text.trim();
    if typed.locale == Locale::Th {
        text = text
            .strip_suffix("น.")
            .or_else(|| text.strip_suffix('น'))
            .unwrap_or(text)
            .trim_end();
    }
    let fields = |text: &str, separator, width: (usize, usize)| {
        numeric_fields(text, separator, &[(1, 2), width, width])
            .or_else(|| numeric_fields(text, separator, &[(1, 2), width]))
    };
    let hms = if text.contains(['时', '点']) {
        let colons = text.replace(['时', '点', '分'], ":").replace('秒', "");
        fields(colons.trim_end_matches(':'), ':', (1, 2))?
    } else if typed.locale == Locale::Th && !text.contains(':') {
        fields(text, '.', (2, 2))?
    } else {
        fields(text, ':', (2, 2))?
    };
    Some((hms[0], hms[1], hms.get(2).copied()))
}

/// Parses a date, or a date and time, as the person writes it: year first everywhere
/// ("2026-12-06", "2026/12/6", "2026年12月6日"), day first in Spanish and Thai ("6/12/2026"), with
/// a time after it ("14:05", "T14:05:30"). Years of the Buddhist era are read as such when the
/// person counts in it. Returns "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" (seconds dropped). Refuses
/// values later than `now + tolerance` (a date alone counts as its start of day) and before 1990.
pub fn parse_datetime(
    input: &str,
    now: NaiveDateTime,
    tolerance: Duration,
    typed: InputConventions,
) -> Result<String, Invalid> {
    let plain = plain_value(input);
    let text = plain.trim();
    if text.is_empty() {
        return Err(empty_date(typed));
    }
    let (date, time_text) = read_date(text, typed)?;

    let (value, canonical) = if time_text.is_empty() {
        (
            date.and_time(NaiveTime::MIN),
            date.format("%Y-%m-%d").to_string(),
        )
    } else {
        let (hour, minute, second) =
            read_time(time_text, typed).ok_or_else(|| datetime_format_error(text, typed))?;
        if hour > 23 {
            return Err(Invalid::new(
                Message::new("invalid.time_hour").number("hour", hour),
            ));
        }
        if minute > 59 {
            return Err(Invalid::new(
                Message::new("invalid.time_minute").number("minute", minute),
            ));
        }
        if let Some(second) = second.filter(|&s| s > 59) {
            return Err(Invalid::new(
                Message::new("invalid.time_second").number("second", second),
            ));
        }
        // Seconds are dropped; compare what is stored.
        let value = date
            .and_hms_opt(hour, minute, 0)
            .ok_or_else(|| datetime_format_error(text, typed))?;
        (value, value.format("%Y-%m-%d %H:%M").to_string())
    };

    if date < earliest_plausible() {
        return Err(Invalid::new(
            Message::new("invalid.date_too_early").text("date", canonical),
        ));
    }
    // A tolerance too large to add means no upper limit.
    if let Some(limit) = now.checked_add_signed(tolerance) {
        if value > limit {
            // The limit itself is not shown: it is in UTC plus a margin for time zones, which
            // would read as an arbitrary time to a person typing local time.
            return Err(Invalid::new(
                Message::new("invalid.date_future").text("date", canonical),
            ));
        }
    }
    Ok(canonical)
}

/// Parses a day alone, written as [`parse_datetime`] reads it, with no limit on how early or late
/// it is: for searching.
pub fn parse_date(input: &str, typed: InputConventions) -> Result<NaiveDate, Invalid> {
    let plain = plain_value(input);
    let text = plain.trim();
    if text.is_empty() {
        return Err(empty_date(typed));
    }
    let (date, time_text) = read_date(text, typed)?;
    if !time_text.is_empty() {
        let day = text[..text.len() - time_text.len()]
            .trim_end_matches(|c: char| c == 'T' || c == 't' || c.is_whitespace());
        return Err(Invalid::new(
            Message::new("invalid.date_not_a_day")
                .text("text", text)
                .text("day", day),
        ));
    }
    Ok(date)
}

/// Years a stored day (a licence's expiry) may lie in: outside them a year was mistyped.
pub const DAY_YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// Parses a day, past or future, into its canonical form (YYYY-MM-DD).
pub fn parse_any_date(input: &str, typed: InputConventions) -> Result<String, Invalid> {
    let date = parse_date(input, typed)?;
    if !DAY_YEARS.contains(&date.year()) {
        return Err(Invalid::new(
            Message::new("invalid.date_year_range")
                .text("year", date.year().to_string())
                .text("from", DAY_YEARS.start().to_string())
                .text("to", DAY_YEARS.end().to_string()),
        ));
    }
    Ok(date.format("%Y-%m-%d").to_string())
}

/// The earliest year of birth taken: anyone earlier would be over 120 at any case.
const EARLIEST_BIRTH_YEAR: i32 = 1900;

/// Parses a year of birth ("1975"; "2518" in the Buddhist era, for who counts in it) into the
/// year of the Common Era. Buddhist-era years of birth (2443 and later) are centuries after any
/// Common-Era year of birth, so the era is read from the year itself and a stored year reads back
/// to itself whatever the conventions.
pub fn parse_birth_year(
    input: &str,
    now: NaiveDateTime,
    typed: InputConventions,
) -> Result<String, Invalid> {
    let plain = plain_value(input);
    let text = plain.trim();
    let this_year = now.year();
    let range = || {
        let (from, to) = if typed.buddhist_era {
            let offset = BUDDHIST_ERA_OFFSET as i32;
            (EARLIEST_BIRTH_YEAR + offset, this_year + offset)
        } else {
            (EARLIEST_BIRTH_YEAR, this_year)
        };
        Invalid::new(
            Message::new("invalid.birth_year_range")
                .text("text", text)
                .text("from", year_text(from as u32))
                .text("to", year_text(to as u32)),
        )
    };
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Invalid::new(
            Message::new("invalid.birth_year_shape")
                .text("text", text)
                .text(
                    "example",
                    year_text(
                        1975 + if typed.buddhist_era {
                            BUDDHIST_ERA_OFFSET
                        } else {
                            0
                        },
                    ),
                ),
        ));
    }
    let typed_year: i32 = text.parse().map_err(|_| range())?;
    let buddhist_from = EARLIEST_BIRTH_YEAR + BUDDHIST_ERA_OFFSET as i32;
    let year = if typed.buddhist_era && typed_year >= buddhist_from {
        typed_year - BUDDHIST_ERA_OFFSET as i32
    } else {
        typed_year
    };
    if !(EARLIEST_BIRTH_YEAR..=this_year).contains(&year) {
        return Err(range());
    }
    Ok(year.to_string())
}

/// Trims free text and checks it: no control characters except line breaks and tabs, at most
/// `max_chars` characters. Windows line breaks (CR LF), as pasted, become plain line breaks.
pub fn parse_text(input: &str, max_chars: usize) -> Result<String, Invalid> {
    let text = input.trim().replace("\r\n", "\n");
    if let Some((index, c)) = text
        .chars()
        .enumerate()
        .find(|&(_, c)| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(Invalid::new(
            Message::new("invalid.text_control")
                .text("code", format!("U+{:04X}", u32::from(c)))
                .number("position", (index + 1) as f64),
        ));
    }
    let length = text.chars().count();
    if length > max_chars {
        return Err(Invalid::new(
            Message::new("invalid.text_too_long")
                .number("length", length as f64)
                .number("max", max_chars as f64)
                .number("over", (length - max_chars) as f64),
        ));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Today's English conventions: what every value typed before per-language input meant.
    const EN: InputConventions = InputConventions::STORED;

    /// The refusal in English, checked: its key is in the catalogue with every argument it uses.
    fn err<T: std::fmt::Debug>(result: Result<T, Invalid>) -> String {
        let invalid = result.expect_err("should be refused");
        quayside_i18n::Catalogue::english()
            .format_checked(&invalid.text)
            .unwrap_or_else(|problem| panic!("{problem}"))
    }

    #[test]
    fn parts_per_million_are_read_as_mass_percent() {
        assert_eq!(parse_ppm_as_mass_percent("382500", EN).unwrap(), "38.25");
        assert_eq!(parse_ppm_as_mass_percent("1 ppm", EN).unwrap(), "0.0001");
        assert_eq!(parse_ppm_as_mass_percent("12.5", EN).unwrap(), "0.0013");
        assert_eq!(parse_ppm_as_mass_percent("1000000", EN).unwrap(), "100");
        assert_eq!(parse_ppm_as_mass_percent("0", EN).unwrap(), "0");
        assert!(err(parse_ppm_as_mass_percent("1000001", EN)).contains("100"));
        assert!(parse_ppm_as_mass_percent("-5", EN).is_err());
        assert!(parse_ppm_as_mass_percent("<LOD", EN).is_err());
        assert!(parse_ppm_as_mass_percent("abc", EN).is_err());
    }

    fn weight(input: &str) -> (f64, String) {
        let (w, text) = parse_weight(input, EN).unwrap();
        (w.kg, text)
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9 * b.abs().max(1.0)
    }

    // --- weights ---

    #[test]
    fn parses_weights_in_each_unit() {
        let cases = [
            ("1250 kg", 1250.0, "1250 kg"),
            ("1,250.5kg", 1250.5, "1250.5 kg"),
            ("1.2 t", 1200.0, "1.2 t"),
            ("800 g", 0.8, "800 g"),
            ("300 lb", 136.077_711, "300 lb"),
            ("12 KG", 12.0, "12 kg"),
            ("2 lbs", 0.907_184_74, "2 lb"),
            ("5 Tonnes", 5000.0, "5 t"),
            ("3 kgs.", 3.0, "3 kg"),
        ];
        for (typed, kg, text) in cases {
            let (got_kg, got_text) = weight(typed);
            assert!(close(got_kg, kg), "{typed}: {got_kg} != {kg}");
            assert_eq!(got_text, text, "{typed}");
        }
    }

    #[test]
    fn normalises_the_number() {
        assert_eq!(weight("1250.0 kg").1, "1250 kg");
        assert_eq!(weight("1250.50 kg").1, "1250.5 kg");
        assert_eq!(weight("0012 kg").1, "12 kg");
        assert_eq!(weight(".5 kg").1, "0.5 kg");
        assert_eq!(weight("5. kg").1, "5 kg");
        assert_eq!(weight("+5 kg").1, "5 kg");
        assert_eq!(weight("0 kg").1, "0 kg");
        assert_eq!(weight("1,250,000 g").1, "1250000 g");
    }

    #[test]
    fn comma_is_thousands_only_before_three_digits() {
        let (kg, text) = weight("1,250 kg");
        assert!(close(kg, 1250.0));
        assert_eq!(text, "1250 kg");
        let (kg, text) = weight("1,5 kg");
        assert!(close(kg, 1.5));
        assert_eq!(text, "1.5 kg");
        assert_eq!(weight("1,25 kg").1, "1.25 kg");
        assert_eq!(weight("0,5 t").1, "0.5 t");
    }

    #[test]
    fn refuses_ambiguous_or_malformed_numbers() {
        for typed in [
            "1.250,5 kg",
            "1,25,0 kg",
            "1,2500,000 kg",
            "1 250 kg",
            "1..5 kg",
            ". kg",
            "1,250,5 kg",
            "1234,567.5 kg",
        ] {
            let message = err(parse_weight(typed, EN));
            assert!(message.contains("is not a number"), "{typed}: {message}");
        }
    }

    #[test]
    fn weight_needs_a_unit() {
        assert_eq!(
            err(parse_weight("1250", EN)),
            "Give a unit: kg, g, t or lb, e.g. 1250 kg"
        );
        assert!(err(parse_weight("kg", EN)).contains("number before the unit"));
        assert!(err(parse_weight("  ", EN)).contains("Enter the weight"));
    }

    #[test]
    fn refuses_unknown_weight_units() {
        let message = err(parse_weight("12 oz", EN));
        assert!(
            message.contains("'oz'") && message.contains("kg, g, t or lb"),
            "{message}"
        );
        assert!(err(parse_weight("12 ton", EN)).contains("'ton'"));
        assert!(err(parse_weight("12 kg net", EN)).contains("'kg net'"));
    }

    #[test]
    fn refuses_negative_weight() {
        assert!(err(parse_weight("-5 kg", EN)).starts_with("Weight cannot be negative"));
        assert!(err(parse_weight("\u{2212}5 kg", EN)).starts_with("Weight cannot be negative"));
    }

    #[test]
    fn refuses_implausible_weight() {
        assert!(parse_weight("1000000 t", EN).is_ok());
        let message = err(parse_weight("1000001 t", EN));
        assert!(
            message.contains("implausible") && message.contains("1000001 t"),
            "{message}"
        );
        assert!(err(parse_weight("99999999999999999999 kg", EN)).contains("implausible"));
    }

    // --- quantities ---

    #[test]
    fn parses_quantities() {
        assert_eq!(parse_quantity("1200 pcs", EN).unwrap(), "1200 pcs");
        assert_eq!(parse_quantity("40 Cartons", EN).unwrap(), "40 cartons");
        assert_eq!(parse_quantity("3pallets", EN).unwrap(), "3 pallets");
        assert_eq!(parse_quantity(" 24 bottles ", EN).unwrap(), "24 bottles");
        assert_eq!(parse_quantity("1,200 pcs.", EN).unwrap(), "1200 pcs");
        assert_eq!(parse_quantity("2.50 litres", EN).unwrap(), "2.5 litres");
        assert_eq!(parse_quantity("0 pcs", EN).unwrap(), "0 pcs");
    }

    #[test]
    fn quantity_needs_a_unit_and_a_number() {
        assert!(err(parse_quantity("1200", EN)).contains("Give a unit after the number"));
        assert!(err(parse_quantity("pcs", EN)).contains("number before the unit"));
        assert!(err(parse_quantity("", EN)).contains("Enter the quantity"));
    }

    #[test]
    fn quantity_unit_is_one_short_word() {
        assert!(err(parse_quantity("40 cartons of shoes", EN)).contains("one word"));
        assert!(err(parse_quantity("2 m3", EN)).contains("'m3'"));
        assert!(parse_quantity(&format!("1 {}", "a".repeat(20)), EN).is_ok());
        assert!(err(parse_quantity(&format!("1 {}", "a".repeat(21)), EN)).contains("up to 20"));
    }

    #[test]
    fn refuses_negative_or_malformed_quantity() {
        assert!(err(parse_quantity("-3 pallets", EN)).contains("cannot be negative"));
        assert!(err(parse_quantity("3/4 pallets", EN)).contains("'3/4' is not a number"));
    }

    // --- money ---

    #[test]
    fn parses_money_either_way_round() {
        assert_eq!(parse_money("12000 USD", EN).unwrap(), "12000.00 USD");
        assert_eq!(parse_money("usd 12,000.50", EN).unwrap(), "12000.50 USD");
        assert_eq!(parse_money("12000.5 eur", EN).unwrap(), "12000.50 EUR");
        assert_eq!(parse_money("THB1500", EN).unwrap(), "1500.00 THB");
        assert_eq!(parse_money("0.05 USD", EN).unwrap(), "0.05 USD");
        assert_eq!(parse_money("12,5 EUR", EN).unwrap(), "12.50 EUR");
        assert_eq!(parse_money("7.500 USD", EN).unwrap(), "7.50 USD");
        assert_eq!(parse_money("0 USD", EN).unwrap(), "0.00 USD");
    }

    #[test]
    fn money_needs_a_currency_code() {
        assert!(err(parse_money("12000", EN)).contains("three-letter code"));
        assert!(err(parse_money("$12000", EN)).contains("not a symbol"));
        assert!(err(parse_money("12000 €", EN)).contains("not a symbol"));
        assert!(err(parse_money("12000 dollars", EN)).contains("'dollars'"));
        assert!(err(parse_money("USD", EN)).contains("Give the amount"));
        assert!(err(parse_money(" ", EN)).contains("Enter the amount"));
    }

    #[test]
    fn refuses_negative_malformed_or_sub_cent_amounts() {
        assert!(err(parse_money("-5 USD", EN)).contains("cannot be negative"));
        assert!(err(parse_money("USD -5", EN)).contains("cannot be negative"));
        assert!(err(parse_money("12.3.4 USD", EN)).contains("is not a number"));
        let message = err(parse_money("12000.505 USD", EN));
        assert!(message.contains("more than two decimals"), "{message}");
    }

    // --- dates and times ---

    fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 28)
            .unwrap()
            .and_hms_opt(14, 5, 0)
            .unwrap()
    }

    fn dt(input: &str) -> Result<String, Invalid> {
        parse_datetime(input, now(), Duration::zero(), EN)
    }

    #[test]
    fn parses_dates_and_times() {
        assert_eq!(dt("2026-11-28").unwrap(), "2026-11-28");
        assert_eq!(dt("2026-11-28 14:05").unwrap(), "2026-11-28 14:05");
        assert_eq!(dt("2026-11-28T14:05").unwrap(), "2026-11-28 14:05");
        assert_eq!(dt("2026-11-28 14:05:30").unwrap(), "2026-11-28 14:05");
        assert_eq!(dt(" 2026-1-5  9:30 ").unwrap(), "2026-01-05 09:30");
        assert_eq!(dt("2026-11-28\u{a0}14:05").unwrap(), "2026-11-28 14:05");
        assert_eq!(dt("2024-02-29").unwrap(), "2024-02-29");
        assert_eq!(dt("1990-01-01").unwrap(), "1990-01-01");
    }

    #[test]
    fn refuses_the_future_beyond_tolerance() {
        let message = err(dt("2026-11-28 14:06"));
        assert_eq!(
            message,
            "2026-11-28 14:06 is in the future: check the date and time"
        );
        assert!(err(dt("2026-11-29")).contains("in the future"));
        let ten_minutes = Duration::minutes(10);
        assert!(parse_datetime("2026-11-28 14:15", now(), ten_minutes, EN).is_ok());
        let message = err(parse_datetime("2026-11-28 14:16", now(), ten_minutes, EN));
        assert!(
            message.contains("2026-11-28 14:16 is in the future"),
            "{message}"
        );
    }

    #[test]
    fn date_alone_counts_as_start_of_day() {
        let just_after_midnight = NaiveDate::from_ymd_opt(2026, 11, 28)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap();
        assert!(parse_datetime("2026-11-28", just_after_midnight, Duration::zero(), EN).is_ok());
        let before_midnight = just_after_midnight - Duration::seconds(1);
        assert!(parse_datetime("2026-11-28", before_midnight, Duration::zero(), EN).is_err());
    }

    #[test]
    fn huge_tolerance_means_no_limit() {
        assert!(parse_datetime("2099-01-01", now(), Duration::MAX, EN).is_ok());
    }

    #[test]
    fn refuses_implausibly_old_dates() {
        let message = err(dt("1989-12-31 23:59"));
        assert!(
            message.contains("before 1990") && message.contains("1989-12-31 23:59"),
            "{message}"
        );
    }

    #[test]
    fn refuses_impossible_calendar_dates() {
        assert_eq!(
            err(dt("2026-02-30")),
            "2026-02-30 is not a date: February 2026 has 28 days"
        );
        assert!(err(dt("2024-02-30")).contains("February 2024 has 29 days"));
        assert!(err(dt("2026-04-31")).contains("April 2026 has 30 days"));
        assert!(err(dt("2026-04-00")).contains("is not a date"));
        assert!(err(dt("2026-13-01")).contains("Month 13 does not exist"));
        assert!(err(dt("2026-00-01")).contains("Month 0 does not exist"));
    }

    #[test]
    fn refuses_impossible_times() {
        assert!(err(dt("2026-11-28 24:00")).contains("Hour 24"));
        assert!(err(dt("2026-11-28 12:60")).contains("Minute 60"));
        assert!(err(dt("2026-11-28 12:00:60")).contains("Second 60"));
    }

    #[test]
    fn refuses_other_formats() {
        for typed in [
            "28/11/2026",
            "28-11-2026",
            "2026-11",
            "2026-11-28 14",
            "2026-11-28 14h05",
            "26-11-28",
            "2026-11-28 14:5",
            "yesterday",
        ] {
            let message = err(dt(typed));
            assert!(message.contains("YYYY-MM-DD"), "{typed}: {message}");
        }
        assert!(err(dt("")).contains("Enter the date"));
    }

    // --- per language ---

    const ES: InputConventions = InputConventions::new(Locale::Es);
    const ZH: InputConventions = InputConventions::new(Locale::ZhCn);
    const TH: InputConventions = InputConventions::new(Locale::Th);
    const TH_BE: InputConventions = InputConventions {
        locale: Locale::Th,
        buddhist_era: true,
    };

    #[test]
    fn weights_as_each_language_writes_them() {
        let cases = [
            (EN, "1,250.5 kg", "1250.5 kg"),
            (EN, "1,250 kg", "1250 kg"),
            (EN, "1.250 kg", "1.25 kg"),
            (EN, "1,5 kg", "1.5 kg"),
            // A first group never starts with 0, so this comma is a decimal one.
            (EN, "0,125 kg", "0.125 kg"),
            (ZH, "1,250.5 kg", "1250.5 kg"),
            (ZH, "１２５０ｋｇ", "1250 kg"),
            (ZH, "１，２５０．５　ｋｇ", "1250.5 kg"),
            (ZH, "1250。5公斤", "1250.5 kg"),
            (ZH, "800 克", "800 g"),
            (ZH, "3 吨", "3 t"),
            (TH, "1,250.5 กก.", "1250.5 kg"),
            (TH, "๑๒๕๐ กิโลกรัม", "1250 kg"),
            (TH, "2 ตัน", "2 t"),
            (ES, "18.000,5 kg", "18000.5 kg"),
            (ES, "1.250.000 g", "1250000 g"),
            (ES, "1250,5 kg", "1250.5 kg"),
            (ES, "1,5 kg", "1.5 kg"),
            (ES, "0,125 kg", "0.125 kg"),
            (ES, "18 000,5 kg", "18000.5 kg"),
            (ES, "2 toneladas", "2 t"),
            (ES, "500 gramos", "500 g"),
            // Mexico writes the decimal point, and the stored text has it.
            (ES, "1,250.5 kg", "1250.5 kg"),
            (ES, "1,250,000 g", "1250000 g"),
            (ES, "1.5 kg", "1.5 kg"),
            (ES, "1250.5 kg", "1250.5 kg"),
            (ES, "0.125 kg", "0.125 kg"),
        ];
        for (typed, input, canonical) in cases {
            let got = parse_weight(input, typed).map(|(_, text)| text);
            assert_eq!(got.as_deref(), Ok(canonical), "{:?} {input}", typed.locale);
        }
        let (weight, _) = parse_weight("18.000,5 kg", ES).unwrap();
        assert!(close(weight.kg, 18000.5));
    }

    #[test]
    fn spanish_refuses_a_number_that_reads_two_ways() {
        for (input, message) in [
            ("1.250 kg", "'1.250' could be 1250 or 1,25: write 1250 without a thousands mark, or 1,25 with a decimal comma"),
            ("1,250 kg", "'1,250' could be 1250 or 1,25"),
            ("18.000 kg", "'18.000' could be 18000 or 18"),
            // Stored text, had Spanish read it as thousands, would have become 1125 kg.
            ("1.125 kg", "'1.125' could be 1125 or 1,125"),
        ] {
            let got = err(parse_weight(input, ES));
            assert!(got.starts_with(message), "{input}: {got}");
        }
        assert!(err(parse_quantity("1.200 pcs", ES)).contains("could be 1200 or 1,2"));
        assert!(err(parse_money("7.500 USD", ES)).contains("could be 7500 or 7,5"));
        // The same text in the other languages has one reading.
        assert_eq!(parse_weight("1.250 kg", ZH).unwrap().1, "1.25 kg");
        assert_eq!(parse_weight("1,250 kg", TH).unwrap().1, "1250 kg");
    }

    #[test]
    fn a_decimal_comma_with_thousands_dots_is_named_where_the_point_is_the_mark() {
        for typed in [EN, ZH, TH] {
            assert_eq!(
                err(parse_weight("1.250,5 kg", typed)),
                "'1.250,5' is not a number: here the decimal mark is a point and a comma groups \
                 thousands, so for 1250.5 write 1250.5 or 1,250.5"
            );
            assert!(err(parse_weight("1.250.000 g", typed)).contains("write 1250000 or 1,250,000"));
        }
    }

    #[test]
    fn malformed_numbers_give_the_example_as_the_person_writes_it() {
        assert_eq!(
            err(parse_weight("1,25,0 kg", ES)),
            "'1,25,0' is not a number: write digits with at most one decimal comma, e.g. 1250,5 kg"
        );
        assert!(err(parse_weight("1,25,0 kg", EN)).ends_with("decimal point, e.g. 1250.5 kg"));
        assert!(err(parse_quantity("3/4 cajas", ES)).contains("e.g. 1200 pcs"));
        assert!(err(parse_weight("1 250 kg", EN)).contains("is not a number"));
    }

    #[test]
    fn quantities_and_money_as_each_language_writes_them() {
        assert_eq!(
            parse_quantity("1.200,5 litros", ES).unwrap(),
            "1200.5 litros"
        );
        assert_eq!(parse_quantity("４０　箱", ZH).unwrap(), "40 箱");
        assert_eq!(parse_quantity("1,200 pcs", TH).unwrap(), "1200 pcs");
        let money = [
            (ES, "12.000,50 EUR", "12000.50 EUR"),
            (ES, "EUR 12,5", "12.50 EUR"),
            (ES, "MXN 1,250.00", "1250.00 MXN"),
            (ES, "12000.50 USD", "12000.50 USD"),
            (ZH, "１２０００ ＵＳＤ", "12000.00 USD"),
            (ZH, "ＣＮＹ１２，０００．５", "12000.50 CNY"),
            (TH, "THB 1,500.25", "1500.25 THB"),
        ];
        for (typed, input, canonical) in money {
            assert_eq!(
                parse_money(input, typed).as_deref(),
                Ok(canonical),
                "{input}"
            );
        }
        let message = err(parse_money("12,5055 EUR", ES));
        assert!(
            message.contains("round it to cents, e.g. 12000,50 EUR"),
            "{message}"
        );
        assert!(err(parse_money("￥12000", ZH)).contains("not a symbol"));
    }

    fn typed_dt(typed: InputConventions, input: &str) -> Result<String, Invalid> {
        let now = NaiveDate::from_ymd_opt(2026, 12, 31)
            .unwrap()
            .and_hms_opt(23, 0, 0)
            .unwrap();
        parse_datetime(input, now, Duration::zero(), typed)
    }

    #[test]
    fn dates_as_each_language_writes_them() {
        let cases = [
            (EN, "2026/12/6", "2026-12-06"),
            (EN, "2026-12-06", "2026-12-06"),
            (EN, "2026.12.6 9:05", "2026-12-06 09:05"),
            (EN, "2026年12月6日", "2026-12-06"),
            (EN, "２０２６年１２月６日", "2026-12-06"),
            (ZH, "2026年12月6日 14:05", "2026-12-06 14:05"),
            (ZH, "2026 年 12 月 6 日14:05", "2026-12-06 14:05"),
            (ZH, "2026年12月6号", "2026-12-06"),
            (ZH, "2026年12月6日14时05分", "2026-12-06 14:05"),
            (ZH, "2026年12月6日 14点5分30秒", "2026-12-06 14:05"),
            (ZH, "２０２６／１２／６　１４：０５", "2026-12-06 14:05"),
            (ES, "6/12/2026", "2026-12-06"),
            (ES, "06-12-2026 14:05", "2026-12-06 14:05"),
            (ES, "6.12.2026", "2026-12-06"),
            (ES, "2026-12-06T14:05", "2026-12-06 14:05"),
            (TH, "6/12/2026", "2026-12-06"),
            (TH, "6/12/2026 14.05 น.", "2026-12-06 14:05"),
            (TH, "6/12/2026 14:05น.", "2026-12-06 14:05"),
            (TH_BE, "6/12/2569", "2026-12-06"),
            (TH_BE, "๖/๑๒/๒๕๖๙ ๑๔.๐๕", "2026-12-06 14:05"),
            (TH_BE, "2569-12-06", "2026-12-06"),
            (TH_BE, "2569年12月6日", "2026-12-06"),
            // A year of the Common Era cannot be a Buddhist-era one a case has: read as typed.
            (TH_BE, "2026-12-06", "2026-12-06"),
            (TH_BE, "6/12/2026", "2026-12-06"),
        ];
        for (typed, input, canonical) in cases {
            assert_eq!(
                typed_dt(typed, input).as_deref(),
                Ok(canonical),
                "{:?} {input}",
                typed.locale
            );
        }
    }

    #[test]
    fn day_or_month_first_is_never_guessed_where_both_circulate() {
        for typed in [EN, ZH] {
            let message = err(typed_dt(typed, "6/12/2026"));
            assert_eq!(
                message,
                "'6/12/2026' does not start with the year: write dates year first, as \
                 YYYY-MM-DD, so the day and the month cannot be mixed up: e.g. 2026-12-06 for \
                 6 December, or 2026-06-12 for June 12"
            );
            assert!(err(typed_dt(typed, "28/11/2026")).ends_with("e.g. 2026-11-28"));
            assert!(err(typed_dt(typed, "11-28-2026")).ends_with("e.g. 2026-11-28"));
        }
    }

    #[test]
    fn a_buddhist_era_year_is_named_where_years_are_read_as_common_era() {
        assert_eq!(
            err(typed_dt(TH, "6/12/2569")),
            "2569 looks like a Buddhist-era year (2569 BE is 2026), but years are read here as \
             years of the Common Era: write 2026, e.g. 6/12/2026"
        );
        assert!(err(typed_dt(TH, "2569年12月6日")).ends_with("e.g. 2026年12月6日"));
        // Outside Thai, such a year is simply far in the future.
        assert!(err(typed_dt(EN, "2569-12-06")).contains("is in the future"));
        // Read as Buddhist era, the usual limits apply to the date it stands for.
        assert!(err(typed_dt(TH_BE, "31/12/2532")).contains("1989-12-31 is before 1990"));
        assert!(err(typed_dt(TH_BE, "1/1/2570")).contains("2027-01-01 is in the future"));
    }

    #[test]
    fn date_mistakes_are_shown_as_they_were_typed() {
        assert_eq!(
            err(typed_dt(ES, "30/2/2026")),
            "30/02/2026 is not a date: February 2026 has 28 days"
        );
        assert_eq!(
            err(typed_dt(TH_BE, "30/2/2569")),
            "30/02/2569 is not a date: February 2569 has 28 days"
        );
        assert!(err(typed_dt(ZH, "2026年2月30日")).starts_with("2026年2月30日 is not a date"));
        assert_eq!(
            err(typed_dt(ES, "6/13/2026")),
            "Month 13 does not exist: months go from 01 to 12 (DD/MM/YYYY)"
        );
        assert_eq!(
            err(typed_dt(ES, "6/12/26")),
            "'6/12/26' has a two-digit year: write all four digits, e.g. 6/12/2026"
        );
        assert!(err(typed_dt(TH_BE, "6/12/69")).ends_with("e.g. 6/12/2569"));
        assert_eq!(
            err(typed_dt(ES, "ayer")),
            "'ayer' is not in the form DD/MM/YYYY or YYYY-MM-DD, with HH:MM after it for a time: \
             e.g. 28/11/2026 or 28/11/2026 14:05"
        );
        assert!(err(typed_dt(ZH, "2026年12月")).contains("YYYY年MM月DD日"));
        assert!(err(typed_dt(ZH, "2026年12月6日 下午2点")).contains("YYYY年MM月DD日"));
        assert!(err(typed_dt(ES, "")).contains("DD/MM/YYYY, e.g. 28/11/2026"));
        assert!(err(typed_dt(TH, "6/12/2026 25.00")).contains("Hour 25"));
        // The Thai time forms are Thai only.
        assert!(err(typed_dt(EN, "2026-12-06 14.05")).contains("YYYY-MM-DD"));
    }

    #[test]
    fn a_day_for_searching_has_no_time_and_no_limits() {
        let day = |typed, input| parse_date(input, typed);
        let december_6 = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        assert_eq!(day(ES, "6/12/2026"), Ok(december_6));
        assert_eq!(day(TH_BE, "6/12/2569"), Ok(december_6));
        assert_eq!(day(ZH, "２０２６年１２月６日"), Ok(december_6));
        assert_eq!(
            day(EN, "2099-01-01"),
            Ok(NaiveDate::from_ymd_opt(2099, 1, 1).unwrap())
        );
        assert!(err(day(ES, "6/12/2026 14:05")).contains("give the day alone, e.g. 6/12/2026"));
        assert!(err(day(EN, "2026-12-06T14:05")).ends_with("e.g. 2026-12-06"));
        assert!(err(day(EN, "6/12/2026")).contains("YYYY-MM-DD"));
    }

    // --- text ---

    #[test]
    fn trims_text_and_keeps_line_breaks_and_tabs() {
        assert_eq!(parse_text("  hello  ", 10).unwrap(), "hello");
        assert_eq!(parse_text("a\n\tb  c", 10).unwrap(), "a\n\tb  c");
        assert_eq!(parse_text("a\r\nb", 10).unwrap(), "a\nb");
        assert_eq!(parse_text("   ", 10).unwrap(), "");
    }

    #[test]
    fn refuses_control_characters() {
        let message = err(parse_text("ab\u{7}c", 10));
        assert!(
            message.contains("U+0007") && message.contains("position 3"),
            "{message}"
        );
        assert!(err(parse_text("a\rb", 10)).contains("U+000D"));
        assert!(err(parse_text("a\u{1b}b", 10)).contains("U+001B"));
    }

    #[test]
    fn limits_length_in_characters_not_bytes() {
        assert_eq!(parse_text("ééééé", 5).unwrap(), "ééééé");
        let message = err(parse_text("éééééé", 5));
        assert!(
            message.contains("6 characters") && message.contains("at most 5"),
            "{message}"
        );
    }

    // --- years of birth ---

    #[test]
    fn a_year_of_birth_is_four_digits_up_to_this_year_in_either_era() {
        let now = NaiveDate::from_ymd_opt(2026, 12, 6)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        assert_eq!(parse_birth_year("1975", now, EN).unwrap(), "1975");
        assert_eq!(parse_birth_year(" １９７５ ", now, EN).unwrap(), "1975");
        // A Thai inspector counting in the Buddhist era types 2518 or Thai digits; a year of the
        // Common Era they type, or that was stored, still reads as itself.
        assert_eq!(parse_birth_year("2518", now, TH_BE).unwrap(), "1975");
        assert_eq!(parse_birth_year("๒๕๑๘", now, TH_BE).unwrap(), "1975");
        assert_eq!(parse_birth_year("1975", now, TH_BE).unwrap(), "1975");
        assert_eq!(parse_birth_year("2026", now, EN).unwrap(), "2026");

        let future = err(parse_birth_year("2027", now, EN));
        assert!(future.contains("from 1900 to 2026"), "{future}");
        let be_future = err(parse_birth_year("2570", now, TH_BE));
        assert!(be_future.contains("from 2443 to 2569"), "{be_future}");
        // 2518 typed by someone counting in the Common Era is not silently converted.
        assert!(err(parse_birth_year("2518", now, EN)).contains("from 1900 to 2026"));
        assert!(err(parse_birth_year("1899", now, EN)).contains("1899"));
        let shape = err(parse_birth_year("75", now, EN));
        assert!(
            shape.contains("four digits") && shape.contains("'75'"),
            "{shape}"
        );
        assert!(err(parse_birth_year("12/3/1975", now, EN)).contains("type the year alone"));
    }
}
