//! How values sit in SQLite columns: an enum, id or code as its serde name (`to_text`,
//! `from_text`), a structure as JSON (`from_json`), a count as a saturating `i64`. A leaf: every
//! module that reads or writes rows uses these, so none of them needs another's.

/// A value stored as its serde name (an id, a status, a field code) read back as its type.
pub(crate) fn from_text<T: serde::de::DeserializeOwned>(text: String) -> rusqlite::Result<T> {
    serde_json::from_value(serde_json::Value::String(text))
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

/// The serde name of a value (a field, a role, a flag code); empty when it is not a plain name.
pub(crate) fn to_text<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// A JSON column read back as its type.
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(text: &str) -> rusqlite::Result<T> {
    serde_json::from_str(text).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

/// A count or sequence as SQLite's `i64`, the largest one for what does not fit.
pub(crate) fn to_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
