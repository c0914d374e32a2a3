//! The app's state, created once at the top: the registry (behind an async lock, because every
//! edit awaits IndexedDB) and a plain-data view of it that components read through signals.
//!
//! Actions lock the registry, let it apply and store the edit, and only then update the view,
//! so whatever the UI shows as saved is in IndexedDB. Nothing here decides business rules; the
//! registry and the validators do.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use futures::lock::Mutex;
use leptos::prelude::*;

use crate::files;
use crate::model::{
    DocumentId, Partner, PartnerActivity, PartnerFinance, PartnerPortal, PartnerProfile,
    PartnerStatus, ReviewStatus, VerificationDocument, WorkspaceSettings,
};
use crate::registry::{Companion, FieldConflict, PathStep, Registry, UnreadableDocument};
use crate::report::{visible_alerts, Alert, AlertInput, AlertMark};
use crate::search::engine::{SearchDoc, SearchIndex};
use crate::search::stored::{self, IndexedPartners};
use crate::store::Store;
use crate::ui::words::registry_error;
use crate::web::files as web_files;
use crate::web::session::{self as web_session, StoredSession};
use crate::web::sync_socket::{self, PumpConfig, SyncHandle, SyncReport};
use crate::web::{
    new_actor_id, new_document_id, new_row_id, now_ms, IndexedDbStore, DATABASE_NAME,
};

mod device;
mod import;
mod team;

pub use team::{request_kind, request_kinds, InviteInfo, NewInvite, Refused, TeamUser};

type SharedRegistry = Rc<Mutex<Registry<IndexedDbStore>>>;

/// Documents loaded per step of the start-up cache check.
const CHECK_BATCH: usize = 50;

/// What the UI renders: plain data copied out of the registry after each stored change.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RegistryView {
    pub partners: BTreeMap<DocumentId, Partner>,
    pub unreadable: Vec<UnreadableDocument>,
    /// Fields changed concurrently on two devices, per partner (only partners that have some).
    pub conflicts: BTreeMap<DocumentId, Vec<FieldConflict>>,
    /// The workspace's settings (required data, expiry warnings).
    pub settings: WorkspaceSettings,
    /// Each partner's finance (invoices, payments, purchase orders), by partner id.
    pub finances: BTreeMap<DocumentId, PartnerFinance>,
    /// Each partner's activity (interactions, reminders), by partner id.
    pub activities: BTreeMap<DocumentId, PartnerActivity>,
    /// Each partner's portal (its contacts' proposals, the company's requests), by partner id.
    pub portals: BTreeMap<DocumentId, PartnerPortal>,
}

impl RegistryView {
    /// A fresh copy of everything the registry holds.
    pub fn from_registry(registry: &Registry<IndexedDbStore>) -> Self {
        Self {
            partners: registry
                .partners()
                .map(|(id, partner)| (id, partner.clone()))
                .collect(),
            unreadable: registry.unreadable().to_vec(),
            conflicts: registry
                .partners()
                .map(|(id, _)| (id, registry.conflicts(&id)))
                .filter(|(_, conflicts)| !conflicts.is_empty())
                .collect(),
            settings: registry.settings().clone(),
            finances: BTreeMap::new(),
            activities: BTreeMap::new(),
            portals: BTreeMap::new(),
        }
        .with_companions(registry)
    }

    fn with_companions(mut self, registry: &Registry<IndexedDbStore>) -> Self {
        for (_, companion) in registry.companions() {
            self.put_companion(companion);
        }
        self
    }

    /// Keeps a companion document's value under its partner.
    fn put_companion(&mut self, companion: &Companion) {
        match companion {
            Companion::Finance(finance) => {
                if let Ok(partner) = finance.partner_id.parse() {
                    self.finances.insert(partner, finance.clone());
                }
            }
            Companion::Activity(activity) => {
                if let Ok(partner) = activity.partner_id.parse() {
                    // Its notes are shown through the partner (`profile.notes`), and one that
                    // holds notes alone is, for the view, no activity: at 100,000 partners with
                    // notes, copying them all here cost the cold start more than it showed.
                    if activity.interactions.is_empty() && activity.reminders.is_empty() {
                        self.activities.remove(&partner);
                    } else {
                        self.activities.insert(
                            partner,
                            PartnerActivity {
                                schema_version: activity.schema_version,
                                partner_id: activity.partner_id.clone(),
                                interactions: activity.interactions.clone(),
                                reminders: activity.reminders.clone(),
                                notes: String::new(),
                            },
                        );
                    }
                }
            }
            Companion::Portal(portal) => {
                if let Ok(partner) = portal.partner.parse() {
                    self.portals.insert(partner, portal.clone());
                }
            }
            // Shown through the partner: the registry puts its accounts into
            // `profile.bank_accounts` (the partner is refreshed with it).
            Companion::Banking(_) => {}
        }
    }

    /// Where an id leads after merges: the surviving record (or the id itself).
    pub fn resolve(&self, id: &DocumentId) -> DocumentId {
        let mut current = *id;
        // Bounded, in case two devices merged two records into each other concurrently.
        for _ in 0..16 {
            match self
                .partners
                .get(&current)
                .and_then(|partner| partner.merged_into.as_ref())
                .and_then(|next| next.parse().ok())
            {
                Some(next) if next != current => current = next,
                _ => break,
            }
        }
        current
    }

    /// The suppliers that list `client` (or a record merged into it) among their clients, by
    /// display name; merged-away suppliers are shown as their survivor.
    pub fn suppliers_of(&self, client: &DocumentId) -> Vec<DocumentId> {
        let client = self.resolve(client);
        let mut found: Vec<DocumentId> = self
            .partners
            .iter()
            .filter(|(_, partner)| {
                partner.merged_into.is_none()
                    && partner.clients.keys().any(|key| {
                        key.parse()
                            .is_ok_and(|linked: DocumentId| self.resolve(&linked) == client)
                    })
            })
            .map(|(id, _)| *id)
            .collect();
        found.dedup();
        self.sorted(found.into_iter())
    }

    /// The clients `supplier` supplies, by display name; ids that are not open are skipped.
    pub fn clients_of(&self, supplier: &DocumentId) -> Vec<DocumentId> {
        let Some(partner) = self.partners.get(supplier) else {
            return Vec::new();
        };
        let mut ids: Vec<DocumentId> = partner
            .clients
            .keys()
            .filter_map(|text| text.parse().ok())
            .map(|id| self.resolve(&id))
            .filter(|id| self.partners.contains_key(id))
            .collect();
        ids.sort();
        ids.dedup();
        self.sorted(ids.into_iter())
    }

    fn sorted(&self, ids: impl Iterator<Item = DocumentId>) -> Vec<DocumentId> {
        let mut named: Vec<(String, DocumentId)> = ids
            .map(|id| {
                (
                    self.partners
                        .get(&id)
                        .map(|p| p.display_name().to_lowercase())
                        .unwrap_or_default(),
                    id,
                )
            })
            .collect();
        named.sort();
        named.into_iter().map(|(_, id)| id).collect()
    }

    /// Likely duplicates of `profile` among the open, unmerged partners (never `exclude`),
    /// best first, as (id, legal name, reasons; `words::duplicate_reasons` words them).
    pub fn likely_duplicates(
        &self,
        profile: &PartnerProfile,
        exclude: Option<&DocumentId>,
        limit: usize,
    ) -> Vec<(String, String, Vec<crate::dedupe::DuplicateReason>)> {
        let ids: Vec<(String, &PartnerProfile)> = self
            .partners
            .iter()
            .filter(|(_, partner)| partner.merged_into.is_none())
            .map(|(id, partner)| (id.to_string(), &partner.profile))
            .collect();
        let exclude = exclude.map(DocumentId::to_string);
        crate::dedupe::find_duplicates(
            profile,
            ids.iter().map(|(id, profile)| (id.as_str(), *profile)),
            exclude.as_deref(),
            limit,
        )
        .into_iter()
        .map(|found| (found.id, found.legal_name, found.reasons))
        .collect()
    }

    pub fn name_of(&self, id: &DocumentId) -> String {
        self.partners
            .get(id)
            .map(|partner| partner.display_name().to_owned())
            .unwrap_or_else(|| format!("unknown partner {id}"))
    }
}

/// The search index over the partners on this device, kept next to the view and updated with
/// it one partner at a time (never rebuilt for an edit). `version` changes after each update,
/// so searches re-run. It is read from the device at start-up and written back in the
/// background (see `search::stored`).
#[derive(Clone, Copy)]
pub struct SearchState {
    index: StoredValue<SearchIndex, LocalStorage>,
    /// Which partner documents the index reflects, for the stored copy's start-up check.
    indexed: StoredValue<IndexedPartners, LocalStorage>,
    pub version: RwSignal<u64>,
    /// False until the index is read (or built) at start-up: until then a search may miss.
    pub ready: RwSignal<bool>,
    /// Changed since the stored copy was written.
    dirty: StoredValue<bool, LocalStorage>,
}

impl SearchState {
    fn new() -> Self {
        Self {
            index: StoredValue::new_local(SearchIndex::new()),
            indexed: StoredValue::new_local(IndexedPartners::default()),
            version: RwSignal::new(0),
            ready: RwSignal::new(false),
            dirty: StoredValue::new_local(false),
        }
    }

    /// Indexes (or removes) one partner, as of its document's `fingerprint`; merged-away
    /// records are not searchable.
    fn index_partner(&self, id: &DocumentId, partner: Option<&Partner>, fingerprint: Option<u64>) {
        let key = id.to_string();
        self.index.update_value(|index| match partner {
            Some(partner) if partner.merged_into.is_none() => {
                index.upsert(SearchDoc::from_profile(&key, &partner.profile))
            }
            _ => index.remove(&key),
        });
        self.indexed.update_value(|indexed| match fingerprint {
            Some(fingerprint) => indexed.set(*id, fingerprint),
            None => indexed.remove(id),
        });
        self.dirty.set_value(true);
    }

    fn bump(&self) {
        self.version.update(|version| *version += 1);
    }

    /// Reads the index, re-running the caller when it changes.
    pub fn with<R>(&self, read: impl FnOnce(&SearchIndex) -> R) -> R {
        self.version.track();
        self.index.with_value(read)
    }

    /// Reads the stored index, checks it against the partners' fingerprints and indexes again
    /// only what changed since it was written (everything, the first time), in batches so the
    /// page stays responsive.
    async fn load(&self, shared: &SharedRegistry, view: RwSignal<RegistryView>) {
        let (bytes, fingerprints) = {
            let registry = shared.lock().await;
            let bytes = registry.store().load(&stored::index_key()).await;
            let fingerprints: Vec<(DocumentId, u64)> = registry.partner_fingerprints().collect();
            (bytes, fingerprints)
        };
        // No await from here to `install`, so no change is indexed into the index replaced.
        let (index, indexed) = match bytes {
            Ok(Some(bytes)) => stored::decode(&bytes).unwrap_or_else(|error| {
                web_sys::console::warn_1(&format!("search index rebuilt: {error}").into());
                Default::default()
            }),
            Ok(None) => Default::default(),
            Err(error) => {
                web_sys::console::warn_1(&format!("search index rebuilt: {error}").into());
                Default::default()
            }
        };
        let changes = indexed.changes(fingerprints.iter().copied());
        self.index.set_value(index);
        self.indexed.set_value(indexed);
        for id in &changes.removed {
            self.index_partner(id, None, None);
        }
        let fingerprints: BTreeMap<DocumentId, u64> = fingerprints.into_iter().collect();
        for batch in changes.reindex.chunks(INDEX_BATCH) {
            view.with_untracked(|view| {
                for id in batch {
                    self.index_partner(id, view.partners.get(id), fingerprints.get(id).copied());
                }
            });
            if changes.reindex.len() > INDEX_BATCH {
                sync_socket::sleep(0).await;
            }
        }
        self.dirty
            .set_value(!changes.reindex.is_empty() || !changes.removed.is_empty());
        self.ready.set(true);
        self.bump();
    }

    /// Writes the index back when it changed: at once when start-up had to index partners
    /// again (so the next start does not), then every few seconds after changes. The snapshot
    /// is tens of megabytes at 100,000 partners, so it is not written per edit; what a crash
    /// leaves out is re-indexed by the start-up check.
    fn save_periodically(&self, shared: SharedRegistry) {
        let search = *self;
        leptos::task::spawn_local(async move {
            let mut first = true;
            loop {
                if !first {
                    sync_socket::sleep(INDEX_SAVE_EVERY_MS).await;
                }
                first = false;
                if !search.dirty.get_value() || !search.ready.get_untracked() {
                    continue;
                }
                let bytes = search.index.with_value(|index| {
                    search
                        .indexed
                        .with_value(|indexed| stored::encode(index, indexed))
                });
                search.dirty.set_value(false);
                let registry = shared.lock().await;
                if let Err(error) = registry.store().save(&stored::index_key(), &bytes).await {
                    search.dirty.set_value(true);
                    web_sys::console::warn_1(&format!("search index not saved: {error}").into());
                }
            }
        });
    }
}

/// Partners indexed between two yields to the page when the index is built at start-up.
const INDEX_BATCH: usize = 2_000;

/// How often a changed search index is written back.
const INDEX_SAVE_EVERY_MS: i32 = 10_000;

/// Whether the registry has been opened from IndexedDB yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadState {
    Opening,
    Ready,
    Failed(String),
}

/// Copyable handles to the app state, provided as context by `App`.
#[derive(Clone, Copy)]
pub struct AppState {
    pub view: RwSignal<RegistryView>,
    pub load_state: RwSignal<LoadState>,
    /// The signed-in session kept on this device, if any.
    pub session: RwSignal<Option<StoredSession>>,
    /// The latest sync status; `None` when not signed in.
    pub sync_report: RwSignal<Option<SyncReport>>,
    /// Attached files on this device that the server does not have yet.
    pub files_waiting: RwSignal<usize>,
    /// The search index over `view.partners`.
    pub search: SearchState,
    /// What the person did with alerts on this device (done, snoozed), by alert id.
    pub alert_marks: RwSignal<BTreeMap<String, AlertMark>>,
    /// The alerts to show now, computed on the device from the records and the settings'
    /// rules, so they appear offline; soonest first.
    pub alerts: Memo<Vec<Alert>>,
    /// Partners the signed-in user registered on this device (see `team.rs`).
    pub created_here: RwSignal<BTreeSet<String>>,
    /// The server no longer accepts this device's session (revoked, deactivated, expired).
    pub session_ended: RwSignal<bool>,
    /// The translations, kept here so that tasks and event handlers, which run outside any
    /// component, can word their messages in the person's language.
    pub i18n: leptos_fluent::I18n,
    registry: StoredValue<Option<SharedRegistry>, LocalStorage>,
    sync: StoredValue<Option<SyncHandle>, LocalStorage>,
}

impl AppState {
    /// Creates the state and starts opening the registry from IndexedDB.
    pub fn start() -> Self {
        let view = RwSignal::new(RegistryView::default());
        let alert_marks = RwSignal::new(crate::web::preferences::alert_marks());
        let search = SearchState::new();
        let alerts = Memo::new(move |_| {
            // Computed once the first rows are shown and the search index is ready: with
            // 100,000 partners it is a pass over all of them, not worth delaying the list for.
            if !search.ready.get() {
                return Vec::new();
            }
            let today = crate::model::day_of(now_ms());
            let all = view.with(|view| {
                let ids: Vec<(String, DocumentId)> = view
                    .partners
                    .keys()
                    .map(|id| (id.to_string(), *id))
                    .collect();
                crate::report::alerts(
                    ids.iter().filter_map(|(text, id)| {
                        Some(AlertInput {
                            partner_id: text,
                            partner: view.partners.get(id)?,
                            finance: view.finances.get(id),
                            activity: view.activities.get(id),
                        })
                    }),
                    &view.settings.alert_rules,
                    &view.settings,
                    today,
                )
            });
            alert_marks.with(|marks| visible_alerts(all, marks, today))
        });
        let state = Self {
            view,
            alert_marks,
            alerts,
            load_state: RwSignal::new(LoadState::Opening),
            session: RwSignal::new(web_session::stored_session()),
            sync_report: RwSignal::new(None),
            files_waiting: RwSignal::new(0),
            search,
            created_here: RwSignal::new(crate::web::preferences::created_partners()),
            session_ended: RwSignal::new(false),
            i18n: expect_context::<leptos_fluent::I18n>(),
            registry: StoredValue::new_local(None),
            sync: StoredValue::new_local(None),
        };
        leptos::task::spawn_local(async move {
            let opened = async {
                let store = IndexedDbStore::open(DATABASE_NAME)
                    .await
                    .map_err(|error| registry_error(state.i18n, &error.into()))?;
                Registry::open(store, new_actor_id(), new_document_id())
                    .await
                    .map_err(|error| registry_error(state.i18n, &error))
            };
            match opened.await {
                Ok(mut registry) => {
                    registry
                        .set_attribution(state.signed_in_name(), Some(crate::web::device_label()));
                    state.view.set(RegistryView::from_registry(&registry));
                    let shared = Rc::new(Mutex::new(registry));
                    state.registry.set_value(Some(shared.clone()));
                    state.load_state.set(LoadState::Ready);
                    // The first rows render before the search index is read.
                    sync_socket::sleep(0).await;
                    state.search.load(&shared, state.view).await;
                    state.search.save_periodically(shared);
                    if let Some(session) = state.session.get_untracked() {
                        state.start_sync(&session, Vec::new());
                        state.refresh_session();
                    }
                    state.check_cache();
                }
                Err(error) => state.load_state.set(LoadState::Failed(error)),
            }
        });
        state
    }

    /// Compares the start-up cache with the stored documents, in the background, and loads the
    /// documents it was behind on, a batch at a time so the UI stays responsive and the
    /// registry lock is released between batches.
    fn check_cache(&self) {
        let Ok(shared) = self.registry() else {
            return;
        };
        let state = *self;
        leptos::task::spawn_local(async move {
            let stale = match shared.lock().await.stale_documents().await {
                Ok(stale) => stale,
                Err(error) => {
                    web_sys::console::error_1(&format!("cache check: {error}").into());
                    return;
                }
            };
            for batch in stale.chunks(CHECK_BATCH) {
                let mut registry = shared.lock().await;
                let loaded = async {
                    let changed = registry.ensure_loaded(batch).await?;
                    registry.flush_cache().await?;
                    Ok::<_, crate::registry::RegistryError>(changed)
                };
                match loaded.await {
                    Ok(changed) => {
                        copy_into_view(state.view, state.search, &registry, &changed);
                        if !changed.is_empty() {
                            state
                                .view
                                .update(|view| view.unreadable = registry.unreadable().to_vec());
                        }
                        // A crash may have come between a change and its cache entry; if the
                        // change was not sent either, it goes now.
                        state.offer(batch.to_vec());
                    }
                    Err(error) => {
                        // Shown with the other unreadable records: the list stays readable.
                        state.view.update(|view| {
                            view.unreadable.push(UnreadableDocument {
                                id: registry.workspace_id().to_string(),
                                reason: registry_error(state.i18n, &error),
                            })
                        });
                        return;
                    }
                }
                drop(registry);
                sync_socket::sleep(0).await;
            }
        });
    }

    /// Loads a partner's document (its page is open), refreshing the view with its conflicts
    /// and with its value if the cache was behind.
    pub fn open_partner(&self, id: DocumentId) {
        let Ok(shared) = self.registry() else {
            return;
        };
        let state = *self;
        leptos::task::spawn_local(async move {
            let mut registry = shared.lock().await;
            if registry.is_loaded(&id) {
                return;
            }
            let loaded = async {
                registry.ensure_loaded(&[id]).await?;
                // A value corrected or a document found damaged is remembered for next time.
                registry.flush_cache().await
            };
            match loaded.await {
                Ok(()) => {
                    copy_into_view(state.view, state.search, &registry, &[id]);
                    state
                        .view
                        .update(|view| view.unreadable = registry.unreadable().to_vec());
                }
                Err(error) => web_sys::console::error_1(&error.to_string().into()),
            }
        });
    }

    fn registry(&self) -> Result<SharedRegistry, String> {
        self.registry
            .get_value()
            .ok_or_else(|| "the registry is still opening; try again in a moment".to_owned())
    }

    /// Starts syncing with the server for this session.
    /// `fetch_first` are documents to ask the server for on every connection (a document
    /// whose refused local changes were discarded).
    fn start_sync(&self, session: &StoredSession, fetch_first: Vec<DocumentId>) {
        let (Ok(shared), Ok(workspace_id)) =
            (self.registry(), session.workspace_id.parse::<DocumentId>())
        else {
            return;
        };
        let config = PumpConfig {
            token: session.token.clone(),
            peer_id: session.peer_id.clone(),
            workspace_id,
            fetch_first,
            refused: {
                let (session, created) = (self.session, self.created_here);
                Box::new(move |registry: &Registry<IndexedDbStore>| {
                    team::refused_ids(
                        registry,
                        session.get_untracked().as_ref(),
                        &created.get_untracked(),
                    )
                })
            },
        };
        let report = self.sync_report;
        let view = self.view;
        let search = self.search;
        let state = *self;
        let handle = sync_socket::start(
            shared,
            config,
            move |latest| {
                // Each report may follow a reconnect: files queued while offline go up now.
                if matches!(latest.link, sync_socket::LinkState::UpToDate { .. })
                    && report.with_untracked(|old| {
                        !matches!(
                            old.map(|old| old.link),
                            Some(sync_socket::LinkState::UpToDate { .. })
                        )
                    })
                {
                    state.upload_files();
                    // A role or assignment may have changed while this device was away.
                    state.refresh_session();
                }
                report.set(Some(latest));
            },
            move |registry, changed| {
                copy_into_view(view, search, registry, &changed);
                // Files named by records that just arrived are fetched now, while online, so
                // the documents can be opened offline later.
                let wanted: Vec<String> = changed
                    .iter()
                    .filter_map(|id| registry.partner(id))
                    .flat_map(|partner| partner.documents.values())
                    .filter_map(|document| document.file.as_ref())
                    .map(|file| file.sha256.clone())
                    .collect();
                if !wanted.is_empty() {
                    state.prefetch_files(wanted);
                }
            },
        );
        self.sync.set_value(Some(handle));
    }

    /// Uploads the files queued on this device, in the background, when signed in.
    pub fn upload_files(&self) {
        let (Ok(shared), Some(session)) = (self.registry(), self.session.get_untracked()) else {
            return;
        };
        let files_waiting = self.files_waiting;
        leptos::task::spawn_local(async move {
            // The registry lock is held only to reach the store; uploads of a few files are
            // short, and holding it keeps an erase (sign-out) from racing the upload.
            let registry = shared.lock().await;
            let waiting = web_files::upload_pending(registry.store(), &session.token).await;
            files_waiting.set(waiting);
        });
    }

    /// Downloads the files this device lacks among `sha256s` (best effort, in the background).
    fn prefetch_files(&self, sha256s: Vec<String>) {
        let state = *self;
        leptos::task::spawn_local(async move {
            for sha256 in sha256s {
                // Errors are shown where the file is displayed; here it is only a head start.
                let _ = state.file_bytes(sha256).await;
            }
        });
    }

    /// The bytes of an attached file: from this device, else downloaded from the server and
    /// kept for offline use.
    pub async fn file_bytes(&self, sha256: String) -> Result<Vec<u8>, String> {
        let shared = self.registry()?;
        let token = self.session.get_untracked().map(|session| session.token);
        let registry = shared.lock().await;
        web_files::fetch_file(registry.store(), &sha256, token.as_deref()).await
    }

    /// Applies one change to the settings (checked by `change`, which may refuse it with a
    /// sentence), on the settings as they are now, so concurrent edits elsewhere are kept.
    pub async fn change_settings(
        &self,
        change: impl FnOnce(&mut WorkspaceSettings) -> Result<(), String>,
    ) -> Result<(), String> {
        let shared = self.registry()?;
        let mut registry = shared.lock().await;
        registry
            .change_settings(now_ms(), change)
            .await
            .map_err(|error| registry_error(self.i18n, &error))?;
        let workspace = registry.workspace_id();
        self.view
            .update(|view| view.settings = registry.settings().clone());
        self.offer(vec![workspace]);
        Ok(())
    }

    /// Merges term `from` into `into` (or deletes it, `None`), rewriting the partners that use
    /// it, then the settings.
    pub async fn merge_terms(
        &self,
        list: crate::model::TermList,
        from: String,
        into: Option<String>,
    ) -> Result<(), String> {
        let shared = self.registry()?;
        let mut registry = shared.lock().await;
        let mut changed = registry
            .merge_terms(list, &from, into.as_deref(), now_ms())
            .await
            .map_err(|error| registry_error(self.i18n, &error))?;
        changed.push(registry.workspace_id());
        self.refresh(&registry, &changed);
        Ok(())
    }

    /// Keeps a picked or photographed file on this device (queued for upload), then adds the
    /// verification document that names it to the partner.
    pub async fn add_document(
        &self,
        id: DocumentId,
        mut document: VerificationDocument,
        file: Option<(Vec<u8>, String, String)>,
    ) -> Result<(), String> {
        if let Some((bytes, media_type, name)) = file {
            document.file = Some(self.keep_file(bytes, media_type, name).await?);
        }
        let shared = self.registry()?;
        let mut registry = shared.lock().await;
        registry
            .put_document(&id, new_row_id(), document, now_ms())
            .await
            .map_err(|error| registry_error(self.i18n, &error))?;
        self.refresh(&registry, &[id]);
        Ok(())
    }

    /// Keeps a picked or photographed file on this device, content-addressed and queued for
    /// upload (started now when signed in), and returns the reference a record stores.
    pub async fn keep_file(
        &self,
        bytes: Vec<u8>,
        media_type: String,
        name: String,
    ) -> Result<crate::model::FileRef, String> {
        let shared = self.registry()?;
        let registry = shared.lock().await;
        let file = files::save_new_file(registry.store(), &bytes, &media_type, &name)
            .await
            .map_err(|error| error.to_string())?;
        drop(registry);
        self.upload_files();
        Ok(file)
    }

    pub async fn review_document(
        &self,
        id: DocumentId,
        row: String,
        status: ReviewStatus,
    ) -> Result<(), String> {
        let by = self.user_name();
        let shared = self.registry()?;
        let mut registry = shared.lock().await;
        registry
            .review_document(&id, &row, status, &by, now_ms())
            .await
            .map_err(|error| registry_error(self.i18n, &error))?;
        self.refresh(&registry, &[id]);
        Ok(())
    }

    pub async fn remove_document(&self, id: DocumentId, row: String) -> Result<(), String> {
        let shared = self.registry()?;
        let mut registry = shared.lock().await;
        registry
            .remove_document(&id, &row, now_ms())
            .await
            .map_err(|error| registry_error(self.i18n, &error))?;
        self.refresh(&registry, &[id]);
        Ok(())
    }

    /// The signed-in user's name (or email), if any: the author of this session's changes.
    fn signed_in_name(&self) -> Option<String> {
        self.session.get_untracked().map(|session| {
            if session.user.name.is_empty() {
                session.user.email
            } else {
                session.user.name
            }
        })
    }

    /// Who this device acts as, for "verified by": the signed-in user, else "this device".
    pub fn user_name(&self) -> String {
        self.session
            .get_untracked()
            .map(|session| {
                if session.user.name.is_empty() {
                    session.user.email
                } else {
                    session.user.name
                }
            })
            .unwrap_or_else(|| "this device (not signed in)".to_owned())
    }

    /// Offers stored local changes to the server, if syncing.
    fn offer(&self, ids: Vec<DocumentId>) {
        self.sync.with_value(|sync| {
            if let Some(sync) = sync {
                sync.local_change(ids);
            }
        });
    }

    /// Signs in, keeps the session on this device and starts syncing.
    pub async fn sign_in(&self, email: &str, password: &str) -> Result<(), String> {
        let session = web_session::sign_in(email, password)
            .await
            .map_err(|error| crate::ui::words::server_error(self.i18n, &error))?;
        self.adopt_session(session).await;
        Ok(())
    }

    /// Uses a session just obtained (sign-in, accepted invitation): attribution and sync.
    async fn adopt_session(&self, session: StoredSession) {
        self.session.set(Some(session.clone()));
        self.session_ended.set(false);
        if let Ok(shared) = self.registry() {
            shared
                .lock()
                .await
                .set_attribution(self.signed_in_name(), Some(crate::web::device_label()));
        }
        self.start_sync(&session, Vec::new());
    }

    /// Stops syncing and starts again, asking for `fetch_first` on connecting.
    fn restart_sync(&self, fetch_first: Vec<DocumentId>) {
        self.sync.with_value(|sync| {
            if let Some(sync) = sync {
                sync.stop();
            }
        });
        if let Some(session) = self.session.get_untracked() {
            self.start_sync(&session, fetch_first);
        }
    }

    /// How many local changes might be lost by signing out: `None` when every change is known
    /// to be on the server, otherwise a sentence for the confirmation.
    pub fn unsynced_warning(&self) -> Option<String> {
        use leptos_fluent::tr;
        let i18n = self.i18n;
        let files = self.files_waiting.get_untracked();
        match self.sync_report.get_untracked() {
            _ if files > 0 => Some(tr!(i18n, "state-unsynced-files", { "count" => files as i64 })),
            Some(report) if report.confirmed && report.progress.pending_changes == 0 => None,
            Some(report) if report.confirmed => Some(tr!(i18n, "state-unsynced-changes", {
                "count" => report.progress.pending_changes as i64
            })),
            _ => Some(tr!(i18n, "state-unconfirmed")),
        }
    }

    /// Signs out: revokes the session, stops syncing and erases this device's copy of the
    /// registry. Refuses while changes may be unsynced unless `discard_unsynced` is set.
    pub async fn sign_out(&self, discard_unsynced: bool) -> Result<(), String> {
        if let (Some(warning), false) = (self.unsynced_warning(), discard_unsynced) {
            return Err(warning);
        }
        let Some(session) = self.session.get_untracked() else {
            return Ok(());
        };
        self.sync.with_value(|sync| {
            if let Some(sync) = sync {
                sync.stop();
            }
        });
        web_session::sign_out(&session).await;
        if let Ok(shared) = self.registry() {
            shared
                .lock()
                .await
                .erase_all()
                .await
                .map_err(|error| registry_error(self.i18n, &error))?;
        }
        self.session.set(None);
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
        Ok(())
    }

    /// After a stored local change: copies the partners into the view and offers the changed
    /// documents to the server.
    fn refresh(&self, registry: &Registry<IndexedDbStore>, ids: &[DocumentId]) {
        // A partner's save may also write its banking and activity documents (bank accounts,
        // notes) and the workspace listing them: offer those too (unchanged ones cost nothing).
        let mut ids = ids.to_vec();
        for id in ids.clone() {
            for related in registry.assembly_documents(&id) {
                if !ids.contains(&related) {
                    ids.push(related);
                }
            }
        }
        copy_into_view(self.view, self.search, registry, &ids);
        self.offer(ids);
    }

    /// Registers a partner; resolves once it is stored in IndexedDB.
    pub async fn create_partner(&self, profile: PartnerProfile) -> Result<DocumentId, String> {
        let shared = self.registry()?;
        let mut registry = shared.lock().await;
        let id = new_document_id();
        registry
            .create_partner(id, profile, now_ms())
            .await
            .map_err(|error| registry_error(self.i18n, &error))?;
        // The partner first, then the index that names it, so other devices can fetch it.
        self.refresh(&registry, &[id, registry.workspace_id()]);
        self.remember_created(id);
        Ok(id)
    }

    pub async fn update_profile(
        &self,
        id: DocumentId,
        profile: PartnerProfile,
    ) -> Result<(), String> {
        let shared = self.registry()?;
        let mut registry = shared.lock().await;
        registry
            .update_profile(&id, profile, now_ms())
            .await
            .map_err(|error| registry_error(self.i18n, &error))?;
        self.refresh(&registry, &[id]);
        Ok(())
    }

    pub async fn set_status(&self, id: DocumentId, status: PartnerStatus) -> Result<(), String> {
        let shared = self.registry()?;
        let mut registry = shared.lock().await;
        registry
            .set_status(&id, status, now_ms())
            .await
            .map_err(|error| registry_error(self.i18n, &error))?;
        self.refresh(&registry, &[id]);
        Ok(())
    }

    /// Keeps one of the concurrent values of a field.
    pub async fn resolve_conflict(
        &self,
        id: DocumentId,
        path: Vec<PathStep>,
        value: automerge::ScalarValue,
    ) -> Result<(), String> {
        let shared = self.registry()?;
        let mut registry = shared.lock().await;
        registry
            .resolve_conflict(&id, &path, value, now_ms())
            .await
            .map_err(|error| registry_error(self.i18n, &error))?;
        self.refresh(&registry, &[id]);
        Ok(())
    }

    /// Merges `merged` into `survivor`, keeping the chosen values where they differ.
    pub async fn merge_partners(
        &self,
        survivor: DocumentId,
        merged: DocumentId,
        choices: BTreeMap<String, crate::registry::MergeSide>,
    ) -> Result<(), String> {
        let shared = self.registry()?;
        let mut registry = shared.lock().await;
        let changed = registry
            .merge_partners(&survivor, &merged, &choices, now_ms())
            .await
            .map_err(|error| registry_error(self.i18n, &error))?;
        self.refresh(&registry, &changed);
        Ok(())
    }

    /// The history of a partner's record, newest first.
    pub async fn partner_history(
        &self,
        id: DocumentId,
    ) -> Result<Vec<crate::registry::history::HistoryEntry>, String> {
        let shared = self.registry()?;
        let mut registry = shared.lock().await;
        registry
            .partner_history(&id)
            .await
            .map_err(|error| registry_error(self.i18n, &error))
    }

    /// The record as it was just after change `hash` (its document is loaded: the history was
    /// read from it).
    pub fn partner_after_change(&self, id: DocumentId, hash: &str) -> Result<Partner, String> {
        let shared = self.registry()?;
        let mut registry = shared
            .try_lock()
            .ok_or("the registry is busy; try again in a moment")?;
        registry
            .partner_around_change(&id, hash, false)
            .map_err(|error| registry_error(self.i18n, &error))
    }

    /// Puts a field back to its value from before change `hash`, as a new change.
    pub async fn restore_field(
        &self,
        id: DocumentId,
        hash: String,
        path: String,
    ) -> Result<(), String> {
        let shared = self.registry()?;
        let mut registry = shared.lock().await;
        registry
            .restore_field(&id, &hash, &path, now_ms())
            .await
            .map_err(|error| registry_error(self.i18n, &error))?;
        self.refresh(&registry, &[id]);
        Ok(())
    }

    /// Applies a change to a partner's finance (created on first use) and stores it.
    pub async fn edit_finance(
        &self,
        partner: DocumentId,
        message: &str,
        edit: impl FnOnce(&mut PartnerFinance) -> Result<(), String>,
    ) -> Result<(), String> {
        let shared = self.registry()?;
        let mut registry = shared.lock().await;
        let changed = registry
            .edit_finance(&partner, message, now_ms(), |finance| {
                edit(finance).map_err(crate::registry::RegistryError::InvalidChange)
            })
            .await
            .map_err(|error| registry_error(self.i18n, &error))?;
        self.refresh(&registry, &changed);
        Ok(())
    }

    /// Applies a change to a partner's activity (created on first use) and stores it.
    pub async fn edit_activity(
        &self,
        partner: DocumentId,
        message: &str,
        edit: impl FnOnce(&mut PartnerActivity) -> Result<(), String>,
    ) -> Result<(), String> {
        let shared = self.registry()?;
        let mut registry = shared.lock().await;
        let changed = registry
            .edit_activity(&partner, message, now_ms(), |activity| {
                edit(activity).map_err(crate::registry::RegistryError::InvalidChange)
            })
            .await
            .map_err(|error| registry_error(self.i18n, &error))?;
        self.refresh(&registry, &changed);
        Ok(())
    }

    pub async fn link(&self, supplier: DocumentId, client: DocumentId) -> Result<(), String> {
        let shared = self.registry()?;
        let mut registry = shared.lock().await;
        registry
            .link(&supplier, &client, now_ms())
            .await
            .map_err(|error| registry_error(self.i18n, &error))?;
        self.refresh(&registry, &[supplier]);
        Ok(())
    }

    pub async fn unlink(&self, supplier: DocumentId, client: DocumentId) -> Result<(), String> {
        let shared = self.registry()?;
        let mut registry = shared.lock().await;
        registry
            .unlink(&supplier, &client, now_ms())
            .await
            .map_err(|error| registry_error(self.i18n, &error))?;
        self.refresh(&registry, &[supplier]);
        Ok(())
    }

    /// Stores an import planned by `report::exchange::plan_import`, one stored change per
    /// partner, and returns how many partners changed. The plan was fully validated first, so
    /// only a storage failure can stop it midway: the partners before the failing one then stay
    /// imported (each partner's rows are one change, so none is half imported) and the message
    /// says how many and which partner failed.
    pub async fn import_finance(
        &self,
        plan: crate::report::exchange::ImportPlan,
    ) -> Result<usize, String> {
        let total = plan.per_partner.len();
        let mut stored = 0;
        for (partner, changes) in plan.per_partner {
            let id: DocumentId = partner
                .parse()
                .map_err(|_| format!("{partner:?} is not a partner id"))?;
            let name = self.view.with_untracked(|view| view.name_of(&id));
            self.edit_finance(id, "import", move |finance| {
                crate::report::exchange::apply_plan(finance, &changes);
                Ok(())
            })
            .await
            .map_err(|error| {
                let i18n = self.i18n;
                leptos_fluent::tr!(i18n, "state-import-stopped", {
                    "stored" => stored as i64,
                    "total" => total as i64,
                    "name" => name,
                    "error" => error
                })
            })?;
            stored += 1;
        }
        Ok(stored)
    }
}

/// Copies some documents' partners and conflicts from the registry into the view, so a change
/// costs the documents it touched rather than a copy of the whole registry.
fn copy_into_view(
    view: RwSignal<RegistryView>,
    search: SearchState,
    registry: &Registry<IndexedDbStore>,
    ids: &[DocumentId],
) {
    for id in ids.iter().filter(|id| registry.companion(id).is_none()) {
        search.index_partner(id, registry.partner(id), registry.partner_fingerprint(id));
    }
    search.bump();
    view.update(|view| {
        if ids.contains(&registry.workspace_id()) {
            view.settings = registry.settings().clone();
        }
        for id in ids {
            if let Some(companion) = registry.companion(id) {
                view.put_companion(companion);
                continue;
            }
            match registry.partner(id) {
                Some(partner) => view.partners.insert(*id, partner.clone()),
                None => view.partners.remove(id),
            };
            let conflicts = registry.conflicts(id);
            if conflicts.is_empty() {
                view.conflicts.remove(id);
            } else {
                view.conflicts.insert(*id, conflicts);
            }
        }
    });
}

/// The app state provided by `App`.
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
