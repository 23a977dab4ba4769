//! Why an event was set aside, as a person reads it: a stable code (the server's `RefusalCode`
//! name, or one of this store's own ingest checks) mapped to a keyed message (`refusal.*`) worded
//! in the reader's language. The English reason is kept beside it for logs and the command-line
//! check, and shown as it is when the code is unknown (an older row, a newer server).

use quayside_i18n::Message;

/// The key that words `code`, if this version knows it. Keys are written whole, one per code, so
/// the catalogue's checks find them.
pub fn refusal_key(code: &str) -> Option<&'static str> {
    Some(match code {
        // The server's codes (`quayside_protocol::RefusalCode`).
        "malformed" => "refusal.malformed",
        "not_an_event" => "refusal.not_an_event",
        "other_device" => "refusal.other_device",
        "undecodable" => "refusal.undecodable",
        "bad_signature" => "refusal.bad_signature",
        "id_reused" => "refusal.id_reused",
        "fork" => "refusal.fork",
        "not_in_chain" => "refusal.not_in_chain",
        "follows_gap" => "refusal.follows_gap",
        "chain_broken" => "refusal.chain_broken",
        "clock_broken" => "refusal.clock_broken",
        "role_claimed" => "refusal.role_claimed",
        "not_supervisor" => "refusal.not_supervisor",
        "case_opened_twice" => "refusal.case_opened_twice",
        "case_unknown" => "refusal.case_unknown",
        "port_not_worked" => "refusal.port_not_worked",
        "bad_photo_hash" => "refusal.bad_photo_hash",
        "blob_of_another_port" => "refusal.blob_of_another_port",
        "author_revoked" => "refusal.author_revoked",
        // This store's own checks of what it receives.
        "unknown_device" => "refusal.unknown_device",
        "revoked" => "refusal.revoked",
        "out_of_range" => "refusal.out_of_range",
        "own_copy" => "refusal.own_copy",
        _ => return None,
    })
}

/// Why an event was set aside, for the reader: the code's words, or the English reason as it was
/// given when there is no code this version knows.
pub fn refusal_message(code: Option<&str>, reason: &str) -> Message {
    match code.and_then(refusal_key) {
        Some(key) => Message::new(key),
        None => Message::new("refusal.unknown").text("detail", reason),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quayside_i18n::{Catalogue, Locale};

    #[test]
    fn every_code_is_worded_in_every_language_and_an_unknown_one_keeps_its_reason() {
        let codes = [
            "malformed",
            "not_an_event",
            "other_device",
            "undecodable",
            "bad_signature",
            "id_reused",
            "fork",
            "not_in_chain",
            "follows_gap",
            "chain_broken",
            "clock_broken",
            "role_claimed",
            "not_supervisor",
            "case_opened_twice",
            "case_unknown",
            "port_not_worked",
            "bad_photo_hash",
            "blob_of_another_port",
            "author_revoked",
            "unknown_device",
            "revoked",
            "out_of_range",
            "own_copy",
        ];
        for code in codes {
            let message = refusal_message(Some(code), "ignored");
            assert_ne!(message.key, "refusal.unknown", "{code}");
            for locale in Locale::TRANSLATED {
                Catalogue::get(locale)
                    .format_checked(&message)
                    .unwrap_or_else(|e| panic!("{locale:?} {code}: {e}"));
            }
        }
        for code in [None, Some("moon_phase"), Some("unknown")] {
            let message = refusal_message(code, "fork: sequence 3 is held");
            assert_eq!(message.key, "refusal.unknown");
            let chinese = Catalogue::get(Locale::ZhCn).format(&message);
            assert!(chinese.contains("fork: sequence 3 is held"), "{chinese}");
        }
    }
}
