//! One client's sync WebSocket, between axum and samod.
//!
//! The socket is authenticated before the upgrade (see `server.rs`) and handed to samod bound to
//! the session's peer id, so a client cannot sync as anyone else. Two pumps sit in between:
//!
//! - Reading: only binary frames up to the message limit reach samod. A bigger message closes
//!   the connection with code 1009 and the limit in the reason; a text frame closes it with
//!   1003. samod itself closes a connection whose message does not decode, with a logged reason.
//! - Writing: an outgoing `sync` message is held back until every head it announces is
//!   committed to the database ([`DurableChanges`]), so a change the client sees acknowledged
//!   survives a crash (samod would otherwise reply before its storage write finished).
//!   If that does not happen in time the connection is closed instead of acknowledging.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::ws::{CloseFrame, Message as WsMessage, WebSocket};
use futures::{SinkExt, StreamExt};
use minicbor::Decoder;
use samod::{AcceptorHandle, Transport};
use tokio::sync::{broadcast, mpsc};

use crate::accounts::Session;
use crate::database::{Database, DurableChanges};
use crate::permissions::Permissions;

/// How long an acknowledgement may wait for its changes to be committed.
const DURABILITY_TIMEOUT: Duration = Duration::from_secs(10);

/// WebSocket close codes used here (RFC 6455 section 7.4.1, plus an application code).
pub mod close_code {
    pub const UNSUPPORTED_DATA: u16 = 1003;
    pub const MESSAGE_TOO_BIG: u16 = 1009;
    pub const INTERNAL_ERROR: u16 = 1011;
    pub const SESSION_REVOKED: u16 = 4001;
}

/// What every connection shares.
#[derive(Clone)]
pub struct SyncContext {
    pub acceptor: AcceptorHandle,
    pub database: Database,
    pub durable: Arc<DurableChanges>,
    pub max_message_bytes: usize,
    /// Sessions revoked (sign-out, deactivation, "revoke sessions"); their live connections
    /// close.
    pub revocations: broadcast::Sender<i64>,
    /// Who may read and write what; the connection registers its peer id here.
    pub permissions: Permissions,
}

type Incoming = Result<Vec<u8>, std::io::Error>;

/// Runs one authenticated connection until either side closes it.
pub async fn serve(socket: WebSocket, session: Session, context: SyncContext) {
    let (mut ws_sink, mut ws_stream) = socket.split();
    let (to_samod, from_client) = futures::channel::mpsc::unbounded::<Incoming>();
    let (to_client, mut from_samod) = futures::channel::mpsc::channel::<Vec<u8>>(64);
    let (close_tx, mut close_rx) = mpsc::unbounded_channel::<(u16, String)>();

    let transport = Transport::new(from_client, to_client)
        .with_expected_peer_id(session.peer_id.clone().into());
    // Registered before samod sees the connection: the share policy is asked about the
    // first document this peer names, and must know whose peer it is by then.
    context
        .permissions
        .register_peer(&session.peer_id, session.user.id);
    if context.acceptor.accept(transport).is_err() {
        tracing::warn!("sync repo is stopping; refusing connection");
        context.permissions.unregister_peer(&session.peer_id);
        return;
    }
    tracing::info!(user = session.user.id, peer = %session.peer_id, "sync connection opened");

    let limit = context.max_message_bytes;
    let reader_close = close_tx.clone();
    let reader = async move {
        while let Some(frame) = ws_stream.next().await {
            match frame {
                Ok(WsMessage::Binary(bytes)) if bytes.len() > limit => {
                    let reason = format!(
                        "message of {} bytes exceeds the limit of {limit} bytes",
                        bytes.len()
                    );
                    let _ = reader_close.send((close_code::MESSAGE_TOO_BIG, reason));
                    break;
                }
                Ok(WsMessage::Binary(bytes)) => {
                    if to_samod.unbounded_send(Ok(bytes.to_vec())).is_err() {
                        break;
                    }
                }
                Ok(WsMessage::Text(_)) => {
                    let _ = reader_close.send((
                        close_code::UNSUPPORTED_DATA,
                        "text frames are not part of the sync protocol".into(),
                    ));
                    break;
                }
                Ok(WsMessage::Close(_)) => break,
                Ok(WsMessage::Ping(_) | WsMessage::Pong(_)) => {}
                Err(error) => {
                    let text = error.to_string();
                    if text.contains("too long")
                        || text.contains("Space limit")
                        || text.contains("capacity")
                    {
                        let _ = reader_close.send((
                            close_code::MESSAGE_TOO_BIG,
                            format!("message exceeds the limit of {limit} bytes"),
                        ));
                    } else {
                        tracing::debug!(%error, "sync socket read failed");
                    }
                    break;
                }
            }
        }
        // Ending samod's stream tells it the client is gone.
        drop(to_samod);
    };

    let permissions = context.permissions.clone();
    let mut revocations = context.revocations.subscribe();
    let session_id = session.id;
    let writer = async move {
        let close = loop {
            // Biased towards close requests: when the reader refuses a frame it asks for a
            // close and then ends samod's stream, so both become ready together; the close
            // frame with its reason must win over "samod has nothing more to send".
            tokio::select! {
                biased;
                requested = close_rx.recv() => break requested,
                outgoing = from_samod.next() => {
                    let Some(bytes) = outgoing else { break close_rx.try_recv().ok() };
                    if let Some((document, heads)) = announced_heads(&bytes) {
                        let durable = context.durable.wait_until_durable(&context.database, &document, &heads, DURABILITY_TIMEOUT).await;
                        if !durable {
                            tracing::error!(%document, "changes were not committed in time; closing instead of acknowledging");
                            break Some((close_code::INTERNAL_ERROR, "the server could not store changes; reconnect to retry".to_owned()));
                        }
                    }
                    if ws_sink.send(WsMessage::Binary(bytes.into())).await.is_err() {
                        break None;
                    }
                }
                revoked = revocations.recv() => {
                    let revoked = match revoked {
                        Ok(id) => id == session_id,
                        // Notices were missed (a burst of revocations): ask the database.
                        Err(broadcast::error::RecvError::Lagged(_)) => !context
                            .database
                            .session_is_live(session_id, crate::server::now_seconds())
                            .await
                            .unwrap_or(true),
                        Err(broadcast::error::RecvError::Closed) => false,
                    };
                    if revoked {
                        break Some((close_code::SESSION_REVOKED, "signed out".to_owned()));
                    }
                }
            }
        };
        if let Some((code, reason)) = close {
            tracing::info!(code, %reason, "closing sync connection");
            let _ = ws_sink
                .send(WsMessage::Close(Some(CloseFrame {
                    code,
                    reason: reason.into(),
                })))
                .await;
        }
        let _ = ws_sink.close().await;
    };

    // When the reader stops, the writer still gets to send a close frame the reader asked for
    // (or notices that nothing more will come); when the writer stops, the connection is over.
    tokio::pin!(reader, writer);
    tokio::select! {
        () = &mut reader => {
            drop(close_tx);
            let _ = tokio::time::timeout(Duration::from_secs(5), writer).await;
        }
        () = &mut writer => {}
    }
    permissions.unregister_peer(&session.peer_id);
    tracing::info!(user = session.user.id, peer = %session.peer_id, "sync connection closed");
}

/// For an outgoing `sync` or `request` message: the document id and the heads its automerge
/// sync message announces. Anything else (handshake, errors, ephemeral) passes unchecked.
fn announced_heads(bytes: &[u8]) -> Option<(String, Vec<automerge::ChangeHash>)> {
    let mut decoder = Decoder::new(bytes);
    let length = decoder.map().ok()??;
    let (mut message_type, mut document, mut data) = (None, None, None);
    for _ in 0..length {
        match decoder.str().ok()? {
            "type" => message_type = Some(decoder.str().ok()?.to_owned()),
            "documentId" => document = Some(decoder.str().ok()?.to_owned()),
            "data" => data = Some(decoder.bytes().ok()?.to_vec()),
            _ => decoder.skip().ok()?,
        }
    }
    if !matches!(message_type.as_deref(), Some("sync" | "request")) {
        return None;
    }
    let message = automerge::sync::Message::decode(&data?).ok()?;
    Some((document?, message.heads))
}
