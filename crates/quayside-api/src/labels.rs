//! The label catalogue for the UI: every key with its text, fetched once when the app starts.
//! Everything else the API sends names its labels by key; the UI looks them up here.

use std::collections::BTreeMap;

use quayside_domain::labels::ENGLISH;

use crate::args::NoArgs;
use crate::error::ApiError;
use crate::Api;

/// Label key -> text in the app's language (English until there are others).
pub type Labels = BTreeMap<String, String>;

pub fn labels() -> Labels {
    ENGLISH
        .iter()
        .map(|(key, text)| (key.to_string(), text.to_string()))
        .collect()
}

impl Api {
    pub(crate) fn labels(&self, _: NoArgs) -> Result<Labels, ApiError> {
        Ok(labels())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::reference_data;

    #[test]
    fn every_key_the_form_names_has_a_text() {
        let labels = labels();
        for section in reference_data().sections {
            assert!(labels.contains_key(&section.label_key));
            if let Some(item) = &section.item_key {
                assert!(labels.contains_key(item), "{item}");
            }
            for field in section.fields {
                assert!(labels.contains_key(&field.label_key));
                for option in field.options {
                    assert!(labels.contains_key(option.key), "{}", option.key);
                }
            }
        }
        assert_eq!(labels["section.route"], "Route legs");
    }
}
