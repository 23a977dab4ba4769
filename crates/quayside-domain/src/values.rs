//! Measured and free values people type: weights, quantities, money, dates and times, text.
//!
//! Each parser returns the canonical text to store (and the value where one is needed) or an
//! [`Invalid`] saying what is wrong and how to fix it.

use chrono::{Duration, NaiveDate, NaiveDateTime};

use crate::identifiers::parse_currency;
use crate::invalid::EnglishInvalid as Invalid;

/// Units a weight may be typed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeightUnit {
    Kg,
    G,
    T,
    Lb,
}

impl WeightUnit {
    fn from_word(word: &str) -> Option<Self> {
        match word {
            "kg" | "kgs" | "kilo" | "kilos" | "kilogram" | "kilograms" => Some(Self::Kg),
            "g" | "gram" | "grams" => Some(Self::G),
            "t" | "tonne" | "tonnes" => Some(Self::T),
            "lb" | "lbs" => Some(Self::Lb),
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
struct Decimal {
    int: String,
    frac: String,
}

impl Decimal {
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
}

enum NumberProblem {
    Negative,
    NotANumber,
}

/// Reads a number as people write it.
///
/// Rules: one optional leading `+`; a leading minus is reported as negative. A `.` is the decimal
/// point. A `,` is a thousands separator when it splits the integer part into groups of exactly
/// three digits ("1,250", "12,000.50"); a single `,` not followed by exactly three digits, with no
/// `.`, is a decimal comma as written in much of Europe ("1,5" is 1.5). So "1,250" is 1250, never
/// 1.25. Anything else ("1.250,5", "1,25,0", "1 250") is refused rather than guessed.
fn parse_decimal(text: &str) -> Result<Decimal, NumberProblem> {
    let text = text.trim();
    if text.starts_with('-') || text.starts_with('\u{2212}') {
        return Err(NumberProblem::Negative);
    }
    let text = text.strip_prefix('+').unwrap_or(text);
    let (int_part, frac) = match text.split_once('.') {
        Some((int_part, frac)) => (ungroup(int_part)?, frac.to_string()),
        None => match text.split_once(',') {
            Some((int_part, frac)) if !frac.contains(',') && frac.len() != 3 => {
                (int_part.to_string(), frac.to_string())
            }
            _ => (ungroup(text)?, String::new()),
        },
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(&int_part) || !all_digits(&frac) || (int_part.is_empty() && frac.is_empty()) {
        return Err(NumberProblem::NotANumber);
    }
    let int = int_part.trim_start_matches('0');
    Ok(Decimal {
        int: if int.is_empty() {
            "0".to_string()
        } else {
            int.to_string()
        },
        frac: frac.trim_end_matches('0').to_string(),
    })
}

/// Removes thousands commas, which must split the digits into a 1-3 digit group then groups of 3.
fn ungroup(int_part: &str) -> Result<String, NumberProblem> {
    if !int_part.contains(',') {
        return Ok(int_part.to_string());
    }
    let mut groups = int_part.split(',');
    let first = groups.next().unwrap_or_default();
    if first.is_empty() || first.len() > 3 || groups.clone().any(|g| g.len() != 3) {
        return Err(NumberProblem::NotANumber);
    }
    Ok(int_part.replace(',', ""))
}

/// Splits "1250 kg" / "1250kg" into the number and the word after it, at the first letter.
fn split_number_unit(input: &str) -> (&str, &str) {
    let at = input.find(char::is_alphabetic).unwrap_or(input.len());
    let unit = input[at..].trim();
    // A trailing dot after an abbreviation ("pcs.", "kg.") is formatting, not content.
    let unit = unit.strip_suffix('.').unwrap_or(unit);
    (input[..at].trim(), unit)
}

fn not_a_number(number: &str, example: &str) -> Invalid {
    Invalid::new(format!(
        "'{number}' is not a number: write digits with at most one decimal point, e.g. {example}"
    ))
}

/// Parses a weight ("1,250.5kg", "1.2 t", "300 lb"): returns it in kg and the canonical text
/// ("1250.5 kg", "1.2 t"). The unit is required.
pub fn parse_weight(input: &str) -> Result<(Weight, String), Invalid> {
    let input = input.trim();
    if input.is_empty() {
        return Err(Invalid::new("Enter the weight with its unit, e.g. 1250 kg"));
    }
    let (number, unit_word) = split_number_unit(input);
    if unit_word.is_empty() {
        return Err(Invalid::new("Give a unit: kg, g, t or lb, e.g. 1250 kg"));
    }
    if number.is_empty() {
        return Err(Invalid::new(
            "Give the number before the unit, e.g. 1250 kg",
        ));
    }
    let unit = WeightUnit::from_word(&unit_word.to_lowercase()).ok_or_else(|| {
        Invalid::new(format!(
            "'{unit_word}' is not a weight unit: use kg, g, t or lb, e.g. 1250 kg"
        ))
    })?;
    let decimal = parse_decimal(number).map_err(|problem| match problem {
        NumberProblem::Negative => {
            Invalid::new("Weight cannot be negative: give the weight without a minus sign")
        }
        NumberProblem::NotANumber => not_a_number(number, "1250.5 kg"),
    })?;
    let kg = decimal.value() * unit.kg_per_unit();
    let canonical = format!("{} {}", decimal.text(), unit.symbol());
    if kg > MAX_PLAUSIBLE_KG {
        return Err(Invalid::new(format!(
            "{canonical} is more than a million tonnes, which is implausible for one \
             consignment: check the number and the unit"
        )));
    }
    Ok((Weight { kg }, canonical))
}

/// Parses a count with its unit word ("1200 pcs", "40 Cartons") into "1200 pcs", "40 cartons".
pub fn parse_quantity(input: &str) -> Result<String, Invalid> {
    let input = input.trim();
    if input.is_empty() {
        return Err(Invalid::new(
            "Enter the quantity with its unit, e.g. 1200 pcs or 40 cartons",
        ));
    }
    let (number, unit) = split_number_unit(input);
    if unit.is_empty() {
        return Err(Invalid::new(
            "Give a unit after the number, e.g. 1200 pcs or 40 cartons",
        ));
    }
    if number.is_empty() {
        return Err(Invalid::new(
            "Give the number before the unit, e.g. 1200 pcs or 40 cartons",
        ));
    }
    if !unit.chars().all(char::is_alphabetic) || unit.chars().count() > 20 {
        return Err(Invalid::new(format!(
            "The unit must be one word of up to 20 letters, e.g. pcs or cartons, but '{unit}' \
             is not: put other details in the description"
        )));
    }
    let decimal = parse_decimal(number).map_err(|problem| match problem {
        NumberProblem::Negative => {
            Invalid::new("A quantity cannot be negative: give the count without a minus sign")
        }
        NumberProblem::NotANumber => not_a_number(number, "1200 pcs"),
    })?;
    Ok(format!("{} {}", decimal.text(), unit.to_lowercase()))
}

/// Parses an amount with its currency, either order ("12000 USD", "usd 12,000.50") into
/// "12000.50 USD": always two decimals.
pub fn parse_money(input: &str) -> Result<String, Invalid> {
    let input = input.trim();
    if input.is_empty() {
        return Err(Invalid::new(
            "Enter the amount with its currency code, e.g. 12000 USD",
        ));
    }
    if input.contains(['$', '€', '£', '¥', '฿', '₹']) {
        return Err(Invalid::new(
            "Give the currency as a three-letter code, not a symbol, e.g. 12000 USD",
        ));
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
        return Err(Invalid::new(
            "Give the currency as a three-letter code, e.g. 12000 USD",
        ));
    }
    if amount.is_empty() {
        return Err(Invalid::new("Give the amount as well, e.g. 12000 USD"));
    }
    let currency = parse_currency(currency)?;
    let decimal = parse_decimal(amount).map_err(|problem| match problem {
        NumberProblem::Negative => {
            Invalid::new("The amount cannot be negative: give it without a minus sign")
        }
        NumberProblem::NotANumber => not_a_number(amount, "12000.50 USD"),
    })?;
    if decimal.frac.len() > 2 {
        return Err(Invalid::new(format!(
            "{amount} has more than two decimals: round it to cents, e.g. 12000.50 {currency}"
        )));
    }
    Ok(format!("{}.{:0<2} {currency}", decimal.int, decimal.frac))
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Earlier than this is a typo in this application (cases are recent).
fn earliest_plausible() -> NaiveDate {
    NaiveDate::from_ymd_opt(1990, 1, 1).unwrap_or(NaiveDate::MIN)
}

fn datetime_format_error(input: &str) -> Invalid {
    Invalid::new(format!(
        "'{input}' is not in the form YYYY-MM-DD, with HH:MM after it for a time: e.g. \
         2026-11-28 or 2026-11-28 14:05"
    ))
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

/// Parses a date ("2026-11-28") or date and time ("2026-11-28 14:05", "2026-11-28T14:05:30").
/// Returns "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" (seconds dropped). Refuses values later than
/// `now + tolerance` (a date alone counts as its start of day) and before 1990.
pub fn parse_datetime(
    input: &str,
    now: NaiveDateTime,
    tolerance: Duration,
) -> Result<String, Invalid> {
    let text = input.trim();
    if text.is_empty() {
        return Err(Invalid::new(
            "Enter the date as YYYY-MM-DD, e.g. 2026-11-28",
        ));
    }
    let separator = text
        .char_indices()
        .find(|&(_, c)| c == 'T' || c == 't' || c.is_whitespace());
    let (date_text, time_text) = match separator {
        Some((at, c)) => (&text[..at], Some(text[at + c.len_utf8()..].trim())),
        None => (text, None),
    };
    let ymd = numeric_fields(date_text, '-', &[(4, 4), (1, 2), (1, 2)])
        .ok_or_else(|| datetime_format_error(text))?;
    let (year, month, day) = (ymd[0] as i32, ymd[1], ymd[2]);
    if !(1..=12).contains(&month) {
        return Err(Invalid::new(format!(
            "Month {month} does not exist: months go from 01 to 12 (YYYY-MM-DD)"
        )));
    }
    let days_in_month = (28..=31)
        .rev()
        .find(|&d| NaiveDate::from_ymd_opt(year, month, d).is_some())
        .unwrap_or(28);
    let date = NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        Invalid::new(format!(
            "{year:04}-{month:02}-{day:02} is not a date: {} {year} has {days_in_month} days",
            MONTH_NAMES[month as usize - 1]
        ))
    })?;

    let (value, canonical) = match time_text {
        None => (
            date.and_time(chrono::NaiveTime::MIN),
            date.format("%Y-%m-%d").to_string(),
        ),
        Some(time_text) => {
            let hms = numeric_fields(time_text, ':', &[(1, 2), (2, 2), (2, 2)])
                .or_else(|| numeric_fields(time_text, ':', &[(1, 2), (2, 2)]))
                .ok_or_else(|| datetime_format_error(text))?;
            let (hour, minute) = (hms[0], hms[1]);
            if hour > 23 {
                return Err(Invalid::new(format!(
                    "Hour {hour} does not exist: hours go from 00 to 23 (HH:MM)"
                )));
            }
            if minute > 59 {
                return Err(Invalid::new(format!(
                    "Minute {minute} does not exist: minutes go from 00 to 59 (HH:MM)"
                )));
            }
            if hms.get(2).is_some_and(|&second| second > 59) {
                return Err(Invalid::new(format!(
                    "Second {} does not exist: seconds go from 00 to 59",
                    hms[2]
                )));
            }
            // Seconds are dropped; compare what is stored.
            let value = date
                .and_hms_opt(hour, minute, 0)
                .ok_or_else(|| datetime_format_error(text))?;
            (value, value.format("%Y-%m-%d %H:%M").to_string())
        }
    };

    if date < earliest_plausible() {
        return Err(Invalid::new(format!(
            "{canonical} is before 1990, which is implausible here: check the year"
        )));
    }
    // A tolerance too large to add means no upper limit.
    if let Some(limit) = now.checked_add_signed(tolerance) {
        if value > limit {
            // The limit itself is not shown: it is in UTC plus a margin for time zones, which
            // would read as an arbitrary time to a person typing local time.
            return Err(Invalid::new(format!(
                "{canonical} is in the future: check the date and time"
            )));
        }
    }
    Ok(canonical)
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
        return Err(Invalid::new(format!(
            "The text has an invisible control character (U+{:04X}) at position {}: remove it, \
             e.g. by retyping that part (only line breaks and tabs are allowed)",
            u32::from(c),
            index + 1
        )));
    }
    let length = text.chars().count();
    if length > max_chars {
        return Err(Invalid::new(format!(
            "The text is {length} characters long but at most {max_chars} are allowed: shorten it \
             by {}",
            length - max_chars
        )));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err<T: std::fmt::Debug>(result: Result<T, Invalid>) -> String {
        result.expect_err("should be refused").message
    }

    fn weight(input: &str) -> (f64, String) {
        let (w, text) = parse_weight(input).unwrap();
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
            let message = err(parse_weight(typed));
            assert!(message.contains("is not a number"), "{typed}: {message}");
        }
    }

    #[test]
    fn weight_needs_a_unit() {
        assert_eq!(
            err(parse_weight("1250")),
            "Give a unit: kg, g, t or lb, e.g. 1250 kg"
        );
        assert!(err(parse_weight("kg")).contains("number before the unit"));
        assert!(err(parse_weight("  ")).contains("Enter the weight"));
    }

    #[test]
    fn refuses_unknown_weight_units() {
        let message = err(parse_weight("12 oz"));
        assert!(
            message.contains("'oz'") && message.contains("kg, g, t or lb"),
            "{message}"
        );
        assert!(err(parse_weight("12 ton")).contains("'ton'"));
        assert!(err(parse_weight("12 kg net")).contains("'kg net'"));
    }

    #[test]
    fn refuses_negative_weight() {
        assert!(err(parse_weight("-5 kg")).starts_with("Weight cannot be negative"));
        assert!(err(parse_weight("\u{2212}5 kg")).starts_with("Weight cannot be negative"));
    }

    #[test]
    fn refuses_implausible_weight() {
        assert!(parse_weight("1000000 t").is_ok());
        let message = err(parse_weight("1000001 t"));
        assert!(
            message.contains("implausible") && message.contains("1000001 t"),
            "{message}"
        );
        assert!(err(parse_weight("99999999999999999999 kg")).contains("implausible"));
    }

    // --- quantities ---

    #[test]
    fn parses_quantities() {
        assert_eq!(parse_quantity("1200 pcs").unwrap(), "1200 pcs");
        assert_eq!(parse_quantity("40 Cartons").unwrap(), "40 cartons");
        assert_eq!(parse_quantity("3pallets").unwrap(), "3 pallets");
        assert_eq!(parse_quantity(" 24 bottles ").unwrap(), "24 bottles");
        assert_eq!(parse_quantity("1,200 pcs.").unwrap(), "1200 pcs");
        assert_eq!(parse_quantity("2.50 litres").unwrap(), "2.5 litres");
        assert_eq!(parse_quantity("0 pcs").unwrap(), "0 pcs");
    }

    #[test]
    fn quantity_needs_a_unit_and_a_number() {
        assert!(err(parse_quantity("1200")).contains("Give a unit after the number"));
        assert!(err(parse_quantity("pcs")).contains("number before the unit"));
        assert!(err(parse_quantity("")).contains("Enter the quantity"));
    }

    #[test]
    fn quantity_unit_is_one_short_word() {
        assert!(err(parse_quantity("40 cartons of shoes")).contains("one word"));
        assert!(err(parse_quantity("2 m3")).contains("'m3'"));
        assert!(parse_quantity(&format!("1 {}", "a".repeat(20))).is_ok());
        assert!(err(parse_quantity(&format!("1 {}", "a".repeat(21)))).contains("up to 20"));
    }

    #[test]
    fn refuses_negative_or_malformed_quantity() {
        assert!(err(parse_quantity("-3 pallets")).contains("cannot be negative"));
        assert!(err(parse_quantity("3/4 pallets")).contains("'3/4' is not a number"));
    }

    // --- money ---

    #[test]
    fn parses_money_either_way_round() {
        assert_eq!(parse_money("12000 USD").unwrap(), "12000.00 USD");
        assert_eq!(parse_money("usd 12,000.50").unwrap(), "12000.50 USD");
        assert_eq!(parse_money("12000.5 eur").unwrap(), "12000.50 EUR");
        assert_eq!(parse_money("THB1500").unwrap(), "1500.00 THB");
        assert_eq!(parse_money("0.05 USD").unwrap(), "0.05 USD");
        assert_eq!(parse_money("12,5 EUR").unwrap(), "12.50 EUR");
        assert_eq!(parse_money("7.500 USD").unwrap(), "7.50 USD");
        assert_eq!(parse_money("0 USD").unwrap(), "0.00 USD");
    }

    #[test]
    fn money_needs_a_currency_code() {
        assert!(err(parse_money("12000")).contains("three-letter code"));
        assert!(err(parse_money("$12000")).contains("not a symbol"));
        assert!(err(parse_money("12000 €")).contains("not a symbol"));
        assert!(err(parse_money("12000 dollars")).contains("'dollars'"));
        assert!(err(parse_money("USD")).contains("Give the amount"));
        assert!(err(parse_money(" ")).contains("Enter the amount"));
    }

    #[test]
    fn refuses_negative_malformed_or_sub_cent_amounts() {
        assert!(err(parse_money("-5 USD")).contains("cannot be negative"));
        assert!(err(parse_money("USD -5")).contains("cannot be negative"));
        assert!(err(parse_money("12.3.4 USD")).contains("is not a number"));
        let message = err(parse_money("12000.505 USD"));
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
        parse_datetime(input, now(), Duration::zero())
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
        assert!(parse_datetime("2026-11-28 14:15", now(), ten_minutes).is_ok());
        let message = err(parse_datetime("2026-11-28 14:16", now(), ten_minutes));
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
        assert!(parse_datetime("2026-11-28", just_after_midnight, Duration::zero()).is_ok());
        let before_midnight = just_after_midnight - Duration::seconds(1);
        assert!(parse_datetime("2026-11-28", before_midnight, Duration::zero()).is_err());
    }

    #[test]
    fn huge_tolerance_means_no_limit() {
        assert!(parse_datetime("2099-01-01", now(), Duration::MAX).is_ok());
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
}
