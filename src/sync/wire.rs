//! The automerge-repo wire protocol: CBOR maps with a `type` field, as the JavaScript
//! automerge-repo and samod write them. Only what a client needs is modelled; anything else
//! decodes to [`Message::Other`] so a newer server cannot break an older client.

use minicbor::data::Type;
use minicbor::{Decoder, Encoder};

use crate::model::DocumentId;

/// The protocol version both ends must agree on.
pub const PROTOCOL_VERSION: &str = "1";

/// One protocol message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// Client -> server, first message of a connection.
    Join {
        sender_id: String,
        supported_protocol_versions: Vec<String>,
        storage_id: Option<String>,
        is_ephemeral: bool,
    },
    /// Server -> client, the answer to `join`.
    Peer {
        sender_id: String,
        target_id: String,
        selected_protocol_version: String,
        storage_id: Option<String>,
    },
    /// "Please sync this document, I do not have it yet".
    Request {
        sender_id: String,
        target_id: String,
        document_id: DocumentId,
        data: Vec<u8>,
    },
    /// One automerge sync message for one document.
    Sync {
        sender_id: String,
        target_id: String,
        document_id: DocumentId,
        data: Vec<u8>,
    },
    /// The sender does not have (or may not share) the document.
    DocUnavailable {
        sender_id: String,
        target_id: String,
        document_id: DocumentId,
    },
    /// A protocol error; the sender closes the connection after it.
    Error { message: String },
    /// Any other message type (ephemeral, remote heads, leave, …), ignored by this client.
    Other { message_type: String },
}

/// Why bytes are not a protocol message; the text names the field at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("malformed sync message: {0}")]
pub struct DecodeError(pub String);

impl From<minicbor::decode::Error> for DecodeError {
    fn from(error: minicbor::decode::Error) -> Self {
        DecodeError(format!("not valid CBOR ({error})"))
    }
}

#[derive(Default)]
struct Fields {
    message_type: Option<String>,
    sender_id: Option<String>,
    target_id: Option<String>,
    document_id: Option<String>,
    data: Option<Vec<u8>>,
    message: Option<String>,
    selected_protocol_version: Option<String>,
    supported_protocol_versions: Option<Vec<String>>,
    storage_id: Option<String>,
    is_ephemeral: bool,
}

impl Fields {
    fn take(value: Option<String>, name: &str) -> Result<String, DecodeError> {
        value.ok_or_else(|| DecodeError(format!("field {name:?} is missing")))
    }

    fn document(&mut self) -> Result<DocumentId, DecodeError> {
        let text = Self::take(self.document_id.take(), "documentId")?;
        text.parse()
            .map_err(|error| DecodeError(format!("field \"documentId\": {error}")))
    }
}

impl Message {
    /// Decodes one message; never panics on arbitrary bytes.
    pub fn decode(bytes: &[u8]) -> Result<Self, DecodeError> {
        let mut decoder = Decoder::new(bytes);
        let length = decoder.map()?.ok_or_else(|| {
            DecodeError("indefinite-length maps are not used by the protocol".into())
        })?;
        let mut fields = Fields::default();
        for _ in 0..length {
            let key = decoder.str()?.to_owned();
            match key.as_str() {
                "type" => fields.message_type = Some(decoder.str()?.to_owned()),
                "senderId" => fields.sender_id = Some(decoder.str()?.to_owned()),
                "targetId" => fields.target_id = Some(decoder.str()?.to_owned()),
                "message" => fields.message = Some(decoder.str()?.to_owned()),
                "selectedProtocolVersion" => {
                    fields.selected_protocol_version = Some(decoder.str()?.to_owned())
                }
                "documentId" => fields.document_id = Some(decoder.str()?.to_owned()),
                "data" => fields.data = Some(decoder.bytes()?.to_vec()),
                "supportedProtocolVersions" => {
                    let count = decoder.array()?.ok_or_else(|| {
                        DecodeError("supportedProtocolVersions has no length".into())
                    })?;
                    let mut versions = Vec::new();
                    for _ in 0..count {
                        versions.push(decoder.str()?.to_owned());
                    }
                    fields.supported_protocol_versions = Some(versions);
                }
                "peerMetadata" | "metadata" => decode_metadata(&mut decoder, &mut fields)?,
                _ => decoder.skip()?,
            }
        }
        if decoder.position() != bytes.len() {
            return Err(DecodeError("trailing bytes after the message".into()));
        }
        let message_type = Fields::take(fields.message_type.take(), "type")?;
        let sender = |fields: &mut Fields| Fields::take(fields.sender_id.take(), "senderId");
        let target = |fields: &mut Fields| Fields::take(fields.target_id.take(), "targetId");
        let data = |fields: &mut Fields| {
            fields
                .data
                .take()
                .ok_or_else(|| DecodeError("field \"data\" is missing".into()))
        };
        Ok(match message_type.as_str() {
            "join" => Message::Join {
                sender_id: sender(&mut fields)?,
                supported_protocol_versions: fields.supported_protocol_versions.take().ok_or_else(
                    || DecodeError("field \"supportedProtocolVersions\" is missing".into()),
                )?,
                storage_id: fields.storage_id.take(),
                is_ephemeral: fields.is_ephemeral,
            },
            "peer" => Message::Peer {
                sender_id: sender(&mut fields)?,
                target_id: target(&mut fields)?,
                selected_protocol_version: Fields::take(
                    fields.selected_protocol_version.take(),
                    "selectedProtocolVersion",
                )?,
                storage_id: fields.storage_id.take(),
            },
            "request" => Message::Request {
                sender_id: sender(&mut fields)?,
                target_id: target(&mut fields)?,
                document_id: fields.document()?,
                data: data(&mut fields)?,
            },
            "sync" => Message::Sync {
                sender_id: sender(&mut fields)?,
                target_id: target(&mut fields)?,
                document_id: fields.document()?,
                data: data(&mut fields)?,
            },
            "doc-unavailable" => Message::DocUnavailable {
                sender_id: sender(&mut fields)?,
                target_id: target(&mut fields)?,
                document_id: fields.document()?,
            },
            "error" => Message::Error {
                message: Fields::take(fields.message.take(), "message")?,
            },
            other => Message::Other {
                message_type: other.to_owned(),
            },
        })
    }

    /// Encodes the message as the CBOR map other implementations expect.
    pub fn encode(&self) -> Vec<u8> {
        let mut encoder = Encoder::new(Vec::new());
        // Writing into a Vec cannot fail, so the results are infallible in practice.
        let _ = self.encode_into(&mut encoder);
        encoder.into_writer()
    }

    fn encode_into(
        &self,
        encoder: &mut Encoder<Vec<u8>>,
    ) -> Result<(), minicbor::encode::Error<std::convert::Infallible>> {
        match self {
            Message::Join {
                sender_id,
                supported_protocol_versions,
                storage_id,
                is_ephemeral,
            } => {
                encoder.map(4)?;
                encoder.str("type")?.str("join")?;
                encoder.str("senderId")?.str(sender_id)?;
                encoder
                    .str("supportedProtocolVersions")?
                    .array(supported_protocol_versions.len() as u64)?;
                for version in supported_protocol_versions {
                    encoder.str(version)?;
                }
                encoder.str("peerMetadata")?;
                encode_metadata(encoder, storage_id.as_deref(), *is_ephemeral)?;
            }
            Message::Peer {
                sender_id,
                target_id,
                selected_protocol_version,
                storage_id,
            } => {
                encoder.map(5)?;
                encoder.str("type")?.str("peer")?;
                encoder.str("senderId")?.str(sender_id)?;
                encoder.str("targetId")?.str(target_id)?;
                encoder
                    .str("selectedProtocolVersion")?
                    .str(selected_protocol_version)?;
                encoder.str("peerMetadata")?;
                encode_metadata(encoder, storage_id.as_deref(), false)?;
            }
            Message::Request {
                sender_id,
                target_id,
                document_id,
                data,
            }
            | Message::Sync {
                sender_id,
                target_id,
                document_id,
                data,
            } => {
                let message_type = if matches!(self, Message::Request { .. }) {
                    "request"
                } else {
                    "sync"
                };
                encoder.map(5)?;
                encoder.str("type")?.str(message_type)?;
                encoder.str("senderId")?.str(sender_id)?;
                encoder.str("targetId")?.str(target_id)?;
                encoder.str("documentId")?.str(&document_id.to_string())?;
                encoder.str("data")?.bytes(data)?;
            }
            Message::DocUnavailable {
                sender_id,
                target_id,
                document_id,
            } => {
                encoder.map(4)?;
                encoder.str("type")?.str("doc-unavailable")?;
                encoder.str("senderId")?.str(sender_id)?;
                encoder.str("targetId")?.str(target_id)?;
                encoder.str("documentId")?.str(&document_id.to_string())?;
            }
            Message::Error { message } => {
                encoder.map(2)?;
                encoder.str("type")?.str("error")?;
                encoder.str("message")?.str(message)?;
            }
            Message::Other { message_type } => {
                encoder.map(1)?;
                encoder.str("type")?.str(message_type)?;
            }
        }
        Ok(())
    }
}

fn decode_metadata(decoder: &mut Decoder<'_>, fields: &mut Fields) -> Result<(), DecodeError> {
    if decoder.datatype()? != Type::Map {
        decoder.skip()?;
        return Ok(());
    }
    let length = decoder
        .map()?
        .ok_or_else(|| DecodeError("peerMetadata has no length".into()))?;
    for _ in 0..length {
        match decoder.str()? {
            // JS peers may encode a missing storage id as `undefined`.
            "storageId" if matches!(decoder.datatype()?, Type::String) => {
                fields.storage_id = Some(decoder.str()?.to_owned())
            }
            "isEphemeral" if matches!(decoder.datatype()?, Type::Bool) => {
                fields.is_ephemeral = decoder.bool()?
            }
            _ => decoder.skip()?,
        }
    }
    Ok(())
}

fn encode_metadata(
    encoder: &mut Encoder<Vec<u8>>,
    storage_id: Option<&str>,
    is_ephemeral: bool,
) -> Result<(), minicbor::encode::Error<std::convert::Infallible>> {
    encoder.map(if storage_id.is_some() { 2 } else { 1 })?;
    if let Some(storage_id) = storage_id {
        encoder.str("storageId")?.str(storage_id)?;
    }
    encoder.str("isEphemeral")?.bool(is_ephemeral)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> DocumentId {
        DocumentId::from_random_bytes([5; 16])
    }

    #[test]
    fn every_message_round_trips() {
        let messages = [
            Message::Join {
                sender_id: "alice".into(),
                supported_protocol_versions: vec!["1".into()],
                storage_id: None,
                is_ephemeral: true,
            },
            Message::Join {
                sender_id: "alice".into(),
                supported_protocol_versions: vec!["1".into()],
                storage_id: Some("s1".into()),
                is_ephemeral: false,
            },
            Message::Peer {
                sender_id: "server".into(),
                target_id: "alice".into(),
                selected_protocol_version: "1".into(),
                storage_id: Some("s2".into()),
            },
            Message::Request {
                sender_id: "a".into(),
                target_id: "b".into(),
                document_id: doc(),
                data: vec![1, 2, 3],
            },
            Message::Sync {
                sender_id: "a".into(),
                target_id: "b".into(),
                document_id: doc(),
                data: vec![],
            },
            Message::DocUnavailable {
                sender_id: "a".into(),
                target_id: "b".into(),
                document_id: doc(),
            },
            Message::Error {
                message: "bad".into(),
            },
            Message::Other {
                message_type: "ephemeral".into(),
            },
        ];
        for message in messages {
            assert_eq!(
                Message::decode(&message.encode()),
                Ok(message.clone()),
                "{message:?}"
            );
        }
    }

    fn check_error(bytes: &[u8], expected: &str) {
        let error = Message::decode(bytes).expect_err("must not decode");
        assert!(
            error.to_string().contains(expected),
            "{error} should mention {expected:?}"
        );
    }

    #[test]
    fn malformed_messages_name_what_is_wrong() {
        check_error(b"", "CBOR");
        check_error(b"\xff\x00garbage", "CBOR");
        check_error(&[0x80], "CBOR"); // an array, not a map
        let mut no_type = Encoder::new(Vec::new());
        no_type
            .map(1)
            .unwrap()
            .str("senderId")
            .unwrap()
            .str("x")
            .unwrap();
        check_error(&no_type.into_writer(), "\"type\"");
        let mut sync_without_data = Encoder::new(Vec::new());
        sync_without_data.map(4).unwrap();
        sync_without_data.str("type").unwrap().str("sync").unwrap();
        sync_without_data.str("senderId").unwrap().str("a").unwrap();
        sync_without_data.str("targetId").unwrap().str("b").unwrap();
        sync_without_data
            .str("documentId")
            .unwrap()
            .str(&doc().to_string())
            .unwrap();
        check_error(&sync_without_data.into_writer(), "\"data\"");
        let mut bad_id = Encoder::new(Vec::new());
        bad_id.map(5).unwrap();
        bad_id.str("type").unwrap().str("sync").unwrap();
        bad_id.str("senderId").unwrap().str("a").unwrap();
        bad_id.str("targetId").unwrap().str("b").unwrap();
        bad_id.str("documentId").unwrap().str("not-an-id").unwrap();
        bad_id.str("data").unwrap().bytes(&[]).unwrap();
        check_error(&bad_id.into_writer(), "documentId");
        let mut trailing = Message::Error {
            message: "x".into(),
        }
        .encode();
        trailing.push(0);
        check_error(&trailing, "trailing");
    }

    #[test]
    fn unknown_fields_and_undefined_storage_ids_are_tolerated() {
        let mut encoder = Encoder::new(Vec::new());
        encoder.map(5).unwrap();
        encoder.str("type").unwrap().str("peer").unwrap();
        encoder.str("senderId").unwrap().str("server").unwrap();
        encoder.str("targetId").unwrap().str("me").unwrap();
        encoder
            .str("selectedProtocolVersion")
            .unwrap()
            .str("1")
            .unwrap();
        encoder.str("peerMetadata").unwrap().map(2).unwrap();
        encoder.str("storageId").unwrap().undefined().unwrap();
        encoder.str("future").unwrap().u8(1).unwrap();
        assert_eq!(
            Message::decode(&encoder.into_writer()),
            Ok(Message::Peer {
                sender_id: "server".into(),
                target_id: "me".into(),
                selected_protocol_version: "1".into(),
                storage_id: None
            })
        );
    }
}
