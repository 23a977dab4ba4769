//! What the server signs with its own key, for clients to keep as proof: a receipt for each
//! accepted push, a checkpoint of its log (Merkle root and size), and the revocation of a device.
//! A statement travels as its JSON bytes, embedded verbatim, and a signature over a domain-separated
//! message, so a signature on one kind can never pass for another or for an event.

use base64::Engine;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use utoipa::ToSchema;
use uuid::Uuid;

/// Prefix of every message the server signs.
const CONTEXT: &[u8] = b"quayside server statement v1\n";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Statement {
    Receipt(Receipt),
    Checkpoint(Checkpoint),
    Revocation(Revocation),
    Enrollment(Enrollment),
    ControlList(ControlListPublished),
}

/// The server took a device's chain up to `acked_seq`, whose event hashes to `head_hash`.
/// Since each event names the hash of the one before, this covers the whole chain up to there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Receipt {
    pub epoch: String,
    pub device_id: Uuid,
    pub acked_seq: u64,
    pub head_hash: String,
    /// Events of this push newly taken into the log.
    pub accepted: u64,
    pub received_at: String,
}

/// The server's log at a moment: `size` events whose Merkle tree has root `root` (hex).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Checkpoint {
    pub epoch: String,
    pub size: u64,
    pub root: String,
    pub issued_at: String,
}

/// A device was revoked (lost, stolen): its events up to `last_valid_seq` (what the server held
/// when it was revoked) stay valid; any later one is refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Revocation {
    pub device_id: Uuid,
    pub last_valid_seq: u64,
    pub revoked_at: String,
}

/// The server vouches that `public_key` (hex) is the key of device `device_id`, enrolled by
/// `username` at `enrolled_at`: a device key in a bundle is anchored by this, not by the bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Enrollment {
    pub device_id: Uuid,
    pub public_key: String,
    pub username: String,
    pub enrolled_at: String,
}

/// An admin published this control list: the server's signature covers every entry, so a device
/// takes a list only from the server it enrolled with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ControlListPublished {
    /// The list whole (`version`, `published`, `entries`; see docs/domain.md, "Control lists").
    #[schema(value_type = Object)]
    pub list: quayside_domain::control_list::ControlList,
    pub published_at: String,
}

/// A statement as signed: its JSON bytes verbatim and the server's ed25519 signature (base64).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SignedStatement {
    #[schema(value_type = Object)]
    pub statement: Box<RawValue>,
    pub signature: String,
}

impl PartialEq for SignedStatement {
    fn eq(&self, other: &Self) -> bool {
        self.statement.get() == other.statement.get() && self.signature == other.signature
    }
}

fn message(bytes: &[u8]) -> Vec<u8> {
    [CONTEXT, bytes].concat()
}

impl SignedStatement {
    pub fn sign(statement: &Statement, key: &SigningKey) -> SignedStatement {
        let text = serde_json::to_string(statement).expect("statements always serialize");
        let signature = key.sign(&message(text.as_bytes()));
        SignedStatement {
            statement: RawValue::from_string(text).expect("serde_json output is JSON"),
            signature: base64::engine::general_purpose::STANDARD.encode(signature.to_bytes()),
        }
    }

    /// The statement, when the signature is the server's over exactly these bytes.
    pub fn verify(&self, server_key: &VerifyingKey) -> Result<Statement, String> {
        let signature = base64::engine::general_purpose::STANDARD
            .decode(&self.signature)
            .ok()
            .and_then(|s| <[u8; 64]>::try_from(s).ok())
            .ok_or("the signature is not 64 bytes of base64")?;
        server_key
            .verify(
                &message(self.statement.get().as_bytes()),
                &Signature::from_bytes(&signature),
            )
            .map_err(|_| "the server's signature does not verify".to_string())?;
        serde_json::from_str(self.statement.get())
            .map_err(|e| format!("the statement cannot be read: {e}"))
    }

    /// Rebuild from stored parts (the statement's bytes and the base64 signature).
    pub fn from_parts(statement: &str, signature: &str) -> Result<SignedStatement, String> {
        Ok(SignedStatement {
            statement: RawValue::from_string(statement.to_string())
                .map_err(|e| format!("the statement is not JSON: {e}"))?,
            signature: signature.to_string(),
        })
    }
}

/// A server public key from its 64 hex digits.
pub fn server_key(hex_key: &str) -> Result<VerifyingKey, String> {
    hex::decode(hex_key)
        .ok()
        .and_then(|b| <[u8; 32]>::try_from(b).ok())
        .and_then(|b| VerifyingKey::from_bytes(&b).ok())
        .ok_or_else(|| format!("{hex_key:?} is not an ed25519 public key in hex"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u8) -> SigningKey {
        SigningKey::from_bytes(&[n; 32])
    }

    fn checkpoint() -> Statement {
        Statement::Checkpoint(Checkpoint {
            epoch: "e1".into(),
            size: 12,
            root: "ab".repeat(32),
            issued_at: "2026-12-01T10:00:00Z".into(),
        })
    }

    #[test]
    fn a_statement_verifies_with_the_server_key_only_and_as_signed() {
        let signed = SignedStatement::sign(&checkpoint(), &key(1));
        assert_eq!(signed.verify(&key(1).verifying_key()), Ok(checkpoint()));
        assert!(signed.verify(&key(2).verifying_key()).is_err());
        let tampered = SignedStatement::from_parts(
            &signed.statement.get().replace("12", "11"),
            &signed.signature,
        )
        .unwrap();
        assert!(tampered.verify(&key(1).verifying_key()).is_err());
        let text = serde_json::to_string(&signed).unwrap();
        let back: SignedStatement = serde_json::from_str(&text).unwrap();
        assert_eq!(back, signed);
    }

    #[test]
    fn an_event_signature_cannot_pass_for_a_statement() {
        let text = serde_json::to_string(&checkpoint()).unwrap();
        // Signed without the context prefix, as a device signs an event body.
        let raw = key(1).sign(text.as_bytes());
        let forged = SignedStatement::from_parts(
            &text,
            &base64::engine::general_purpose::STANDARD.encode(raw.to_bytes()),
        )
        .unwrap();
        assert!(forged.verify(&key(1).verifying_key()).is_err());
    }
}
