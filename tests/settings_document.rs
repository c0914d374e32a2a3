//! The team's settings document (src/registry/settings.rs): once the workspace names one, the
//! registry's settings come from it and are written only to it (the workspace document is left
//! alone, so the server can let only administrators write settings); a workspace naming none
//! keeps its settings as before; a change from another device arrives and is reported as a
//! change of the workspace (the view refreshes the settings then); reopening from the start-up
//! cache keeps them.

use automerge::{ActorId, AutoCommit};
use futures::executor::block_on;
use partnero::model::*;
use partnero::registry::{new_settings_document, Registry};
use partnero::store::MemoryStore;
use partnero::sync::SyncDocuments;
use partnero::validate::{validate_partner, PartnerDraft};

const NOW_MS: i64 = 1_780_000_000_000;

fn actor(byte: u8) -> ActorId {
    ActorId::from([byte; 16])
}

fn id(byte: u8) -> DocumentId {
    DocumentId::from_random_bytes([byte; 16])
}

/// The settings document as the server creates it, with the settings it copied.
fn server_settings(expiry_warning_days: u32) -> AutoCommit {
    let settings = WorkspaceSettings {
        expiry_warning_days,
        ..WorkspaceSettings::default()
    };
    AutoCommit::load(&new_settings_document(&settings, actor(60)).unwrap().save()).unwrap()
}

/// A signed-in registry whose team workspace (`id(1)`) the server has just named settings
/// document `id(2)` in, delivered the way sync delivers documents; returns the settings
/// document's id.
async fn signed_in(registry: &mut Registry<&MemoryStore>, settings: &AutoCommit) -> DocumentId {
    let workspace = registry.workspace_id();
    let settings_id = id(2);
    registry.set_team_workspace(workspace);
    let mut server = registry.document(&workspace).unwrap().clone();
    server.set_actor(actor(50));
    automerge::transaction::Transactable::put(
        &mut server,
        automerge::ROOT,
        "settings_document",
        settings_id.to_string(),
    )
    .unwrap();
    server.commit();
    registry
        .document_mut(&workspace)
        .unwrap()
        .merge(&mut server)
        .unwrap();
    let outcome = registry
        .store_remote_change(&workspace, NOW_MS)
        .await
        .unwrap();
    assert_eq!(outcome.fetch, [settings_id], "fetched once named");
    registry
        .document_mut(&settings_id)
        .unwrap()
        .merge(&mut settings.clone())
        .unwrap();
    let outcome = registry
        .store_remote_change(&settings_id, NOW_MS)
        .await
        .unwrap();
    assert_eq!(
        outcome.changed,
        [workspace],
        "the view refreshes the settings"
    );
    settings_id
}

fn workspace_heads(registry: &Registry<&MemoryStore>) -> Vec<automerge::ChangeHash> {
    registry
        .document(&registry.workspace_id())
        .unwrap()
        .clone()
        .get_heads()
}

#[test]
fn settings_come_from_the_settings_document_and_are_written_only_there() {
    block_on(async {
        let store = MemoryStore::new();
        let mut registry = Registry::open(&store, actor(1), id(1)).await.unwrap();
        let settings_id = signed_in(&mut registry, &server_settings(45)).await;
        assert_eq!(registry.settings().expiry_warning_days, 45);
        assert!(registry.document_ids().contains(&settings_id));

        let before = workspace_heads(&registry);
        let mut settings = registry.settings().clone();
        settings.expiry_warning_days = 60;
        registry.update_settings(settings, NOW_MS).await.unwrap();
        assert_eq!(registry.settings().expiry_warning_days, 60);
        assert_eq!(
            workspace_heads(&registry),
            before,
            "the workspace is not written"
        );
        let stored: WorkspaceSettings =
            autosurgeon::hydrate(registry.document(&settings_id).unwrap()).unwrap();
        assert_eq!(stored.expiry_warning_days, 60);
        assert!(registry.has_unsent_changes(&settings_id));
        // The workspace's own map is left as the server copied it (older app versions).
        let own: Workspace =
            autosurgeon::hydrate(registry.document(&registry.workspace_id()).unwrap()).unwrap();
        assert_eq!(own.settings, WorkspaceSettings::default());

        // Registering a partner writes the index, never the settings shown into the workspace.
        let profile = validate_partner(&PartnerDraft {
            kind: "client".into(),
            legal_name: "Acme S.L.".into(),
            ..PartnerDraft::default()
        })
        .expect("valid draft");
        registry
            .create_partner(id(10), profile, NOW_MS + 1)
            .await
            .unwrap();
        let own: Workspace =
            autosurgeon::hydrate(registry.document(&registry.workspace_id()).unwrap()).unwrap();
        assert_eq!(own.settings, WorkspaceSettings::default());
        assert!(own.partners.contains_key(&id(10).to_string()));
        assert_eq!(registry.settings().expiry_warning_days, 60);

        // A term change (classification.rs) goes through the same path.
        let before = workspace_heads(&registry);
        registry
            .change_settings(NOW_MS + 2, |settings| {
                settings.expiry_warning_days = 15;
                Ok(())
            })
            .await
            .unwrap();
        assert_eq!(workspace_heads(&registry), before);
        assert_eq!(registry.settings().expiry_warning_days, 15);

        // Reopened from the start-up cache, the settings are still the document's.
        drop(registry);
        let reopened = Registry::open(&store, actor(3), id(9)).await.unwrap();
        assert_eq!(reopened.settings().expiry_warning_days, 15);
        assert!(reopened.document(&settings_id).is_some(), "loaded to sync");
    });
}

#[test]
fn without_a_settings_document_the_workspace_keeps_the_settings() {
    block_on(async {
        let store = MemoryStore::new();
        let mut registry = Registry::open(&store, actor(1), id(1)).await.unwrap();
        let before = workspace_heads(&registry);
        let mut settings = registry.settings().clone();
        settings.expiry_warning_days = 60;
        registry.update_settings(settings, NOW_MS).await.unwrap();
        assert_ne!(workspace_heads(&registry), before);
        let own: Workspace =
            autosurgeon::hydrate(registry.document(&registry.workspace_id()).unwrap()).unwrap();
        assert_eq!(own.settings.expiry_warning_days, 60);
        assert_eq!(own.settings_document, None);
        drop(registry);
        let reopened = Registry::open(&store, actor(2), id(9)).await.unwrap();
        assert_eq!(reopened.settings().expiry_warning_days, 60);
    });
}

#[test]
fn an_administrators_change_on_another_device_arrives() {
    block_on(async {
        let (store_a, store_b) = (MemoryStore::new(), MemoryStore::new());
        let created = server_settings(31);
        let mut a = Registry::open(&store_a, actor(1), id(1)).await.unwrap();
        let settings_id = signed_in(&mut a, &created).await;
        // Device B holds the same team workspace.
        let mut b = Registry::open(&store_b, actor(2), id(1)).await.unwrap();
        b.set_team_workspace(id(1));
        let mut workspace = a.document(&id(1)).unwrap().clone();
        b.document_mut(&id(1))
            .unwrap()
            .merge(&mut workspace)
            .unwrap();
        let outcome = b.store_remote_change(&id(1), NOW_MS).await.unwrap();
        assert_eq!(outcome.fetch, [settings_id]);
        assert!(!b.waiting_for().contains(&settings_id), "not a partner");
        b.document_mut(&settings_id)
            .unwrap()
            .merge(&mut created.clone())
            .unwrap();
        b.store_remote_change(&settings_id, NOW_MS).await.unwrap();
        assert_eq!(b.settings().expiry_warning_days, 31);

        let mut settings = a.settings().clone();
        settings.expiry_warning_days = 90;
        a.update_settings(settings, NOW_MS + 1).await.unwrap();
        let mut changed = a.document(&settings_id).unwrap().clone();
        b.document_mut(&settings_id)
            .unwrap()
            .merge(&mut changed)
            .unwrap();
        let outcome = b
            .store_remote_change(&settings_id, NOW_MS + 2)
            .await
            .unwrap();
        assert_eq!(outcome.changed, [id(1)]);
        assert_eq!(b.settings().expiry_warning_days, 90);

        // The session writes the cache in batches; then a restart shows the settings at once.
        b.flush_cache().await.unwrap();
        drop(b);
        let reopened = Registry::open(&store_b, actor(4), id(9)).await.unwrap();
        assert_eq!(reopened.settings().expiry_warning_days, 90);
    });
}
