//! Document ids as automerge-repo writes them: 16 random bytes, bs58check-encoded, and written
//! `automerge:<id>` as a URL. The random bytes come in from the caller so this stays pure.

use std::fmt;
use std::str::FromStr;

/// The id of one Automerge document. Always 16 bytes; the string form is bs58check.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocumentId([u8; 16]);

/// Why a string is not a document id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentIdError {
    #[error("document id {0:?} is not valid bs58check")]
    NotBs58Check(String),
    #[error("document id {0:?} does not hold 16 bytes")]
    WrongLength(String),
}

impl DocumentId {
    /// Builds an id from 16 bytes the caller drew from a random source.
    pub fn from_random_bytes(bytes: [u8; 16]) -> Self {
        Self(bytes)
    }

    /// The raw 16 bytes.
    pub fn as_bytes(&self) -> &[u8; 16] {
        &self.0
    }

    /// The `automerge:<id>` URL form used by automerge-repo clients.
    pub fn to_url(&self) -> String {
        format!("automerge:{self}")
    }
}

impl fmt::Display for DocumentId {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&bs58::encode(self.0).with_check().into_string())
    }
}

impl fmt::Debug for DocumentId {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "DocumentId({self})")
    }
}

impl FromStr for DocumentId {
    type Err = DocumentIdError;

    /// Accepts both the bare bs58check id and the `automerge:` URL form.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bare = text.strip_prefix("automerge:").unwrap_or(text);
        let bytes = bs58::decode(bare)
            .with_check(None)
            .into_vec()
            .map_err(|_| DocumentIdError::NotBs58Check(text.to_owned()))?;
        let array: [u8; 16] = bytes
            .try_into()
            .map_err(|_| DocumentIdError::WrongLength(text.to_owned()))?;
        Ok(Self(array))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_both_string_forms() {
        let id = DocumentId::from_random_bytes([7; 16]);
        assert_eq!(id.to_string().parse::<DocumentId>(), Ok(id));
        assert_eq!(id.to_url().parse::<DocumentId>(), Ok(id));
    }

    #[test]
    fn rejects_a_changed_character_and_a_wrong_length() {
        let text = DocumentId::from_random_bytes([7; 16]).to_string();
        let mut changed: Vec<char> = text.chars().collect();
        changed[3] = if changed[3] == 'a' { 'b' } else { 'a' };
        let changed: String = changed.into_iter().collect();
        assert!(matches!(
            changed.parse::<DocumentId>(),
            Err(DocumentIdError::NotBs58Check(_))
        ));
        let short = bs58::encode([1u8; 8]).with_check().into_string();
        assert!(matches!(
            short.parse::<DocumentId>(),
            Err(DocumentIdError::WrongLength(_))
        ));
    }
}
