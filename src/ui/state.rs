//! The app's state, created once at the top: the registry (behind an async lock, because every
//! edit awaits IndexedDB) and a plain-data view of it that components read through signals.
//!
//! Actions lock the registry, let it apply and store the edit, and only then update the view,
//! so whatever the UI shows as saved is in IndexedDB. Nothing here decides business rules; the
//! registry and the validators do.

use std::collections::BTreeMap;
use std::rc::Rc;

use futures::lock::Mutex;
use leptos::prelude::*;

use crate::model::{DocumentId, Partner, PartnerProfile, PartnerStatus};
use crate::registry::{Registry, UnreadableDocument};
use crate::web::{new_actor_id, new_document_id, now_ms, IndexedDbStore, DATABASE_NAME};

type SharedRegistry = Rc<Mutex<Registry<IndexedDbStore>>>;

/// What the UI renders: plain data copied out of the registry after each stored change.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RegistryView {
    pub partners: BTreeMap<DocumentId, Partner>,
    pub unreadable: Vec<UnreadableDocument>,
}

impl RegistryView {
    /// The suppliers that list `client` among their clients, by display name.
    pub fn suppliers_of(&self, client: &DocumentId) -> Vec<DocumentId> {
        let key = client.to_string();
        self.sorted(
            self.partners
                .iter()
                .filter(|(_, partner)| partner.clients.contains_key(&key))
                .map(|(id, _)| *id),
        )
    }

    /// The clients `supplier` supplies, by display name; ids that are not open are skipped.
    pub fn clients_of(&self, supplier: &DocumentId) -> Vec<DocumentId> {
        let Some(partner) = self.partners.get(supplier) else {
            return Vec::new();
        };
        self.sorted(
            partner
                .clients
                .keys()
                .filter_map(|text| text.parse().ok())
                .filter(|id| self.partners.contains_key(id)),
        )
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

    pub fn name_of(&self, id: &DocumentId) -> String {
        self.partners
            .get(id)
            .map(|partner| partner.display_name().to_owned())
            .unwrap_or_else(|| format!("unknown partner {id}"))
    }
}

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
    registry: StoredValue<Option<SharedRegistry>, LocalStorage>,
}

impl AppState {
    /// Creates the state and starts opening the registry from IndexedDB.
    pub fn start() -> Self {
        let state = Self {
            view: RwSignal::new(RegistryView::default()),
            load_state: RwSignal::new(LoadState::Opening),
            registry: StoredValue::new_local(None),
        };
        leptos::task::spawn_local(async move {
            let opened = async {
                let store = IndexedDbStore::open(DATABASE_NAME)
                    .await
                    .map_err(|error| error.to_string())?;
                Registry::open(store, new_actor_id(), new_document_id())
                    .await
                    .map_err(|error| error.to_string())
            };
            match opened.await {
                Ok(registry) => {
                    state.view.set(RegistryView {
                        partners: registry
                            .partners()
                            .map(|(id, partner)| (id, partner.clone()))
                            .collect(),
                        unreadable: registry.unreadable().to_vec(),
                    });
                    state
                        .registry
                        .set_value(Some(Rc::new(Mutex::new(registry))));
                    state.load_state.set(LoadState::Ready);
                }
                Err(error) => state.load_state.set(LoadState::Failed(error)),
            }
        });
        state
    }

    fn registry(&self) -> Result<SharedRegistry, String> {
        self.registry
            .get_value()
            .ok_or_else(|| "the registry is still opening; try again in a moment".to_owned())
    }

    /// Copies the stored state of some partners into the view.
    fn refresh(&self, registry: &Registry<IndexedDbStore>, ids: &[DocumentId]) {
        self.view.update(|view| {
            for id in ids {
                match registry.partner(id) {
                    Some(partner) => view.partners.insert(*id, partner.clone()),
                    None => view.partners.remove(id),
                };
            }
        });
    }

    /// Registers a partner; resolves once it is stored in IndexedDB.
    pub async fn create_partner(&self, profile: PartnerProfile) -> Result<DocumentId, String> {
        let shared = self.registry()?;
        let mut registry = shared.lock().await;
        let id = new_document_id();
        registry
            .create_partner(id, profile, now_ms())
            .await
            .map_err(|error| error.to_string())?;
        self.refresh(&registry, &[id]);
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
            .map_err(|error| error.to_string())?;
        self.refresh(&registry, &[id]);
        Ok(())
    }

    pub async fn set_status(&self, id: DocumentId, status: PartnerStatus) -> Result<(), String> {
        let shared = self.registry()?;
        let mut registry = shared.lock().await;
        registry
            .set_status(&id, status, now_ms())
            .await
            .map_err(|error| error.to_string())?;
        self.refresh(&registry, &[id]);
        Ok(())
    }

    pub async fn link(&self, supplier: DocumentId, client: DocumentId) -> Result<(), String> {
        let shared = self.registry()?;
        let mut registry = shared.lock().await;
        registry
            .link(&supplier, &client, now_ms())
            .await
            .map_err(|error| error.to_string())?;
        self.refresh(&registry, &[supplier]);
        Ok(())
    }

    pub async fn unlink(&self, supplier: DocumentId, client: DocumentId) -> Result<(), String> {
        let shared = self.registry()?;
        let mut registry = shared.lock().await;
        registry
            .unlink(&supplier, &client, now_ms())
            .await
            .map_err(|error| error.to_string())?;
        self.refresh(&registry, &[supplier]);
        Ok(())
    }
}

/// The app state provided by `App`.
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
