//! The WebSocket pump: asks the change feed what changed since the last complete sync, connects
//! to `/sync` with the session token, feeds every message to the sans-IO session
//! (`sync::session`), sends what it returns, polls the feed while connected, and reconnects with
//! exponential backoff and jitter when the connection drops. Everything it decides comes from the core; it
//! only moves bytes and reports status.

use std::collections::BTreeSet;
use std::rc::Rc;

use futures::channel::mpsc::{unbounded, UnboundedReceiver, UnboundedSender};
use futures::lock::Mutex;
use futures::{FutureExt, StreamExt};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::platform::now_ms;
use super::session as session_api;
use super::IndexedDbStore;
use crate::model::DocumentId;
use crate::registry::Registry;
use crate::sync::client::SyncDocuments;
use crate::sync::session::FeedPosition;
use crate::sync::{session, SyncClient, SyncProgress};

/// Where the connection to the server stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkState {
    Connecting,
    /// Connected and exchanging documents.
    Syncing,
    /// Connected, and the server has everything this device has.
    UpToDate {
        since_ms: i64,
    },
    /// Not connected; the next attempt is scheduled.
    Offline,
}

/// A status report after every event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyncReport {
    pub link: LinkState,
    pub progress: SyncProgress,
    /// Whether `progress` is known: only after the server answered in this session.
    pub confirmed: bool,
}

enum PumpEvent {
    Opened,
    Message(Vec<u8>),
    Closed,
    LocalChange(Vec<DocumentId>),
    /// Time to ask the change feed again.
    Poll,
    /// Time to report the progress skipped while messages came in quickly (see
    /// [`PROGRESS_EVERY_MS`]).
    Settle,
    Stop,
}

/// How often, at most, progress is worked out while messages or local changes stream in.
/// Working it out visits every document, so doing it after each of the thousands of messages
/// of a first sync (or of the full exchange after a server restore) made that sync quadratic;
/// a report skipped meanwhile follows once the stream pauses.
const PROGRESS_EVERY_MS: i64 = 250;

/// Handle to a running pump.
#[derive(Clone)]
pub struct SyncHandle {
    events: UnboundedSender<PumpEvent>,
}

impl SyncHandle {
    /// Documents changed on this device (already stored): offer them to the server.
    pub fn local_change(&self, ids: Vec<DocumentId>) {
        let _ = self.events.unbounded_send(PumpEvent::LocalChange(ids));
    }

    /// Stops syncing and closes the connection.
    pub fn stop(&self) {
        let _ = self.events.unbounded_send(PumpEvent::Stop);
    }
}

/// Finds the documents whose local changes the server refuses from this user.
pub type RefusedDocuments = Box<dyn Fn(&Registry<IndexedDbStore>) -> BTreeSet<DocumentId>>;

/// The progress to report. Refused documents are looked up only when something is both
/// pending and still syncing: finding them walks every document, which a download of
/// thousands of documents (nothing pending) should not pay for on every message.
fn progress_now(
    client: &mut SyncClient,
    registry: &mut Registry<IndexedDbStore>,
    refused: &RefusedDocuments,
) -> SyncProgress {
    let plain = client.progress(registry);
    if plain.pending_changes == 0 || plain.documents_syncing == 0 {
        return plain;
    }
    let refused = refused(registry);
    if refused.is_empty() {
        return plain;
    }
    client.progress_except(registry, |id| refused.contains(id))
}

/// What the pump needs to know about the session.
pub struct PumpConfig {
    pub token: String,
    pub peer_id: String,
    pub workspace_id: DocumentId,
    /// Documents to ask the server for on every connection, whatever the change feed says
    /// (one whose refused local changes were just discarded).
    pub fetch_first: Vec<DocumentId>,
    /// The documents whose local changes the server refuses from this user (they do not keep
    /// the status at "syncing"; the app names them and offers to discard them).
    pub refused: RefusedDocuments,
}

/// Starts the pump; `report` is called after every event, and `changed` with the registry and
/// the documents that changed on the server's side (while the pump holds the registry).
pub fn start(
    registry: Rc<Mutex<Registry<IndexedDbStore>>>,
    config: PumpConfig,
    report: impl Fn(SyncReport) + 'static,
    changed: impl Fn(&Registry<IndexedDbStore>, Vec<DocumentId>) + 'static,
) -> SyncHandle {
    let (sender, receiver) = unbounded();
    let handle = SyncHandle {
        events: sender.clone(),
    };
    wasm_bindgen_futures::spawn_local(run(registry, config, sender, receiver, report, changed));
    handle
}

fn socket_url(token: &str) -> Option<String> {
    let location = web_sys::window()?.location();
    let scheme = if location.protocol().ok()? == "https:" {
        "wss"
    } else {
        "ws"
    };
    Some(format!(
        "{scheme}://{}/sync?token={token}",
        location.host().ok()?
    ))
}

/// Resolves after `ms` milliseconds (setTimeout).
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Exponential backoff from 0.5 s up to 5 s, each delay scaled by a random 50–100 % so that
/// many devices coming back at once do not reconnect in lockstep.
fn backoff_ms(attempt: u32) -> i32 {
    let base = 500.0 * 2f64.powi(attempt.min(4) as i32);
    (base.min(5_000.0) * (0.5 + js_sys::Math::random() * 0.5)) as i32
}

/// Sends `Poll` every few seconds while the pump lives, so changes made by others to documents
/// this connection has not touched are found through the change feed.
async fn ticker(sender: UnboundedSender<PumpEvent>) {
    loop {
        sleep(POLL_INTERVAL_MS).await;
        if sender.unbounded_send(PumpEvent::Poll).is_err() {
            return;
        }
    }
}

/// How often a connected device asks the change feed what others changed.
const POLL_INTERVAL_MS: i32 = 5_000;

/// Reports offline, then waits for the backoff delay of this attempt and counts it; `false`
/// when the pump was asked to stop meanwhile.
async fn go_offline(
    receiver: &mut UnboundedReceiver<PumpEvent>,
    attempt: &mut u32,
    registry: &Rc<Mutex<Registry<IndexedDbStore>>>,
    client: &mut SyncClient,
    report: &impl Fn(SyncReport),
) -> bool {
    let progress = client.progress(&mut *registry.lock().await);
    report(SyncReport {
        link: LinkState::Offline,
        progress,
        confirmed: true,
    });
    let mut delay = Box::pin(sleep(backoff_ms(*attempt)).fuse());
    *attempt += 1;
    loop {
        futures::select! {
            () = delay => return true,
            event = receiver.next() => match event {
                Some(PumpEvent::Stop) | None => return false,
                // Offered once the next handshake syncs; counted meanwhile.
                Some(PumpEvent::LocalChange(_)) => {
                    let progress = client.progress(&mut *registry.lock().await);
                    report(SyncReport { link: LinkState::Offline, progress, confirmed: true });
                }
                Some(_) => {}
            },
        }
    }
}

/// Tells the interface about the documents received since it was last told, once each.
fn show(
    registry: &Registry<IndexedDbStore>,
    unshown: &mut Vec<DocumentId>,
    changed: &impl Fn(&Registry<IndexedDbStore>, Vec<DocumentId>),
) {
    if unshown.is_empty() {
        return;
    }
    let mut ids = std::mem::take(unshown);
    ids.sort();
    ids.dedup();
    changed(registry, ids);
}

fn parse_ids(documents: &[String]) -> Vec<DocumentId> {
    documents
        .iter()
        .filter_map(|text| text.parse().ok())
        .collect()
}

async fn run(
    registry: Rc<Mutex<Registry<IndexedDbStore>>>,
    config: PumpConfig,
    sender: UnboundedSender<PumpEvent>,
    mut receiver: UnboundedReceiver<PumpEvent>,
    report: impl Fn(SyncReport),
    changed: impl Fn(&Registry<IndexedDbStore>, Vec<DocumentId>),
) {
    let mut client = SyncClient::new(config.peer_id.clone());
    // The heads shared with the server are restored here, so the count of unsent changes is
    // meaningful from the start, offline too.
    {
        let mut registry = registry.lock().await;
        if let Err(error) = session::restore(&mut client, &mut registry, config.workspace_id).await
        {
            web_sys::console::error_1(&format!("sync: {error}").into());
        }
    }
    let mut saved = registry
        .lock()
        .await
        .sync_position()
        .await
        .unwrap_or_default();
    let Some(url) = socket_url(&config.token) else {
        return;
    };
    wasm_bindgen_futures::spawn_local(ticker(sender.clone()));
    let mut attempt = 0u32;
    loop {
        let progress = {
            let mut registry = registry.lock().await;
            progress_now(&mut client, &mut registry, &config.refused)
        };
        report(SyncReport {
            link: LinkState::Connecting,
            progress,
            confirmed: true,
        });
        // Ask what changed on the server since the last complete sync; only that, and this
        // device's own changes, are exchanged on the handshake.
        let feed = match session_api::changes_since(&config.token, saved.cursor).await {
            Ok(feed) => feed,
            Err(_) => {
                if !go_offline(&mut receiver, &mut attempt, &registry, &mut client, &report).await {
                    return;
                }
                continue;
            }
        };
        // A server restored from a backup may have lost what this device sent after the
        // backup: every document is exchanged, and automerge sends what the server lacks.
        let mut listed = if saved.server_was_restored(&feed.epoch) {
            web_sys::console::warn_1(
                &"sync: the server was restored from a backup; exchanging every document".into(),
            );
            SyncDocuments::document_ids(&*registry.lock().await)
        } else {
            parse_ids(&feed.documents)
        };
        listed.extend(config.fetch_first.iter().copied());
        {
            // The handshake exchanges what the feed lists, so those documents are loaded now.
            let mut registry = registry.lock().await;
            match registry.ensure_loaded(&listed).await {
                Ok(loaded) if !loaded.is_empty() => changed(&registry, loaded),
                Ok(_) => {}
                Err(error) => web_sys::console::error_1(&format!("sync: {error}").into()),
            }
        }
        client.select(listed.into_iter().collect());
        let mut target_position = Some(FeedPosition {
            cursor: feed.cursor,
            epoch: feed.epoch.clone(),
        });

        let socket = match web_sys::WebSocket::new(&url) {
            Ok(socket) => socket,
            Err(_) => return,
        };
        socket.set_binary_type(web_sys::BinaryType::Arraybuffer);
        let opened = {
            let sender = sender.clone();
            Closure::<dyn FnMut()>::new(move || {
                let _ = sender.unbounded_send(PumpEvent::Opened);
            })
        };
        let message = {
            let sender = sender.clone();
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                if let Ok(buffer) = event.data().dyn_into::<js_sys::ArrayBuffer>() {
                    let _ = sender.unbounded_send(PumpEvent::Message(
                        js_sys::Uint8Array::new(&buffer).to_vec(),
                    ));
                }
            })
        };
        let closed = {
            let sender = sender.clone();
            Closure::<dyn FnMut()>::new(move || {
                let _ = sender.unbounded_send(PumpEvent::Closed);
            })
        };
        socket.set_onopen(Some(opened.as_ref().unchecked_ref()));
        socket.set_onmessage(Some(message.as_ref().unchecked_ref()));
        socket.set_onclose(Some(closed.as_ref().unchecked_ref()));

        let send_all = |messages: Vec<Vec<u8>>| {
            for bytes in messages {
                let _ = socket.send_with_u8_array(&bytes);
            }
        };
        let mut confirmed = false;
        let mut up_to_date_since: Option<i64> = None;
        let mut last_progress_ms = 0i64;
        let mut settle_pending = false;
        // Documents received but not yet shown: the interface is told in batches, at most
        // every [`PROGRESS_EVERY_MS`], since each telling recomputes what derives from the whole
        // list (a first sync of 5,000 partners spent most of its time there).
        let mut unshown: Vec<DocumentId> = Vec::new();
        while let Some(event) = receiver.next().await {
            if let PumpEvent::Poll = event {
                // Fetched without holding the registry, which the UI may need meanwhile.
                if !confirmed || target_position.is_some() {
                    continue;
                }
                if let Ok(feed) = session_api::changes_since(&config.token, saved.cursor).await {
                    if feed.cursor != saved.cursor {
                        let ids = parse_ids(&feed.documents);
                        let mut registry = registry.lock().await;
                        match session::remote_changes(&mut client, &mut registry, &ids).await {
                            Ok((messages, loaded)) => {
                                send_all(messages);
                                if !loaded.is_empty() {
                                    changed(&registry, loaded);
                                }
                                target_position = Some(FeedPosition {
                                    cursor: feed.cursor,
                                    epoch: feed.epoch.clone(),
                                });
                            }
                            Err(error) => {
                                web_sys::console::error_1(&format!("sync: {error}").into())
                            }
                        }
                    }
                }
                continue;
            }
            let streaming = matches!(event, PumpEvent::Message(_) | PumpEvent::LocalChange(_));
            let mut registry_guard = registry.lock().await;
            let registry = &mut *registry_guard;
            match event {
                PumpEvent::Opened => {
                    attempt = 0;
                    send_all(session::connected(
                        &mut client,
                        registry,
                        config.workspace_id,
                    ));
                }
                PumpEvent::Message(bytes) => {
                    match session::received(&mut client, registry, &bytes, now_ms()).await {
                        Ok(step) => {
                            confirmed = true;
                            send_all(step.send);
                            unshown.extend(step.changed);
                            if step.server_error.is_some() {
                                socket.close().ok();
                            }
                        }
                        Err(error) => {
                            web_sys::console::error_1(
                                &format!("sync: {error}; reconnecting").into(),
                            );
                            socket.close().ok();
                        }
                    }
                }
                PumpEvent::LocalChange(ids) => {
                    send_all(session::local_changes(&mut client, registry, &ids))
                }
                PumpEvent::Closed => {
                    show(registry, &mut unshown, &changed);
                    client.disconnected();
                    drop(registry_guard);
                    break;
                }
                PumpEvent::Stop => {
                    show(registry, &mut unshown, &changed);
                    socket.set_onclose(None);
                    socket.close().ok();
                    return;
                }
                PumpEvent::Poll => {}
                PumpEvent::Settle => settle_pending = false,
            }
            if streaming && now_ms() - last_progress_ms < PROGRESS_EVERY_MS {
                if !settle_pending {
                    settle_pending = true;
                    let sender = sender.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        sleep(PROGRESS_EVERY_MS as i32).await;
                        let _ = sender.unbounded_send(PumpEvent::Settle);
                    });
                }
                continue;
            }
            last_progress_ms = now_ms();
            show(registry, &mut unshown, &changed);
            let progress = progress_now(&mut client, registry, &config.refused);
            let link = if !confirmed {
                up_to_date_since = None;
                LinkState::Connecting
            } else if progress.documents_syncing == 0 && registry.uses_team_workspace() {
                // Everything the feed listed is in: the next reconnect starts from here.
                if let Err(error) = session::idle(registry).await {
                    web_sys::console::error_1(&format!("sync: {error}").into());
                }
                if let Some(position) = target_position.take() {
                    if registry.save_sync_position(&position).await.is_ok() {
                        saved = position;
                    }
                }
                LinkState::UpToDate {
                    since_ms: *up_to_date_since.get_or_insert_with(now_ms),
                }
            } else {
                up_to_date_since = None;
                LinkState::Syncing
            };
            report(SyncReport {
                link,
                progress,
                confirmed: true,
            });
        }
        drop((opened, message, closed));
        if !go_offline(&mut receiver, &mut attempt, &registry, &mut client, &report).await {
            return;
        }
    }
}
