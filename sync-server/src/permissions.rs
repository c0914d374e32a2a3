//! Who may read and write which document, as the server enforces it through samod's share
//! policy. The rule itself is `partnero::model::grant` (shared with the app, so the two never
//! disagree); this file only supplies its inputs, fast enough to be asked for every
//! document × connection pair (the 200-client benchmark): all of it is in memory behind a
//! `std::sync::Mutex` that is never held across an `.await`, loaded from the database at start
//! and updated by the API handlers as they change the database.
//!
//! - **Who is asking**: sync peer id → user id, registered by `connection.rs` while a
//!   connection is open (the transport already refuses a peer id other than the session's).
//! - **Their subject**: role, portal partner, assigned partners, sections denied to the role.
//!   A disabled user has none, so every grant is `None`.
//! - **What a document is**: the team workspace, its settings document (named in it), the
//!   partners its index lists, their finance,
//!   banking, activity and portal documents (ids derived from the partner's), and portal workspaces.
//!   The index is re-read (keys only, never hydrated: it may list 100,000 partners) whenever
//!   the workspace document changes. Anything else is *unlisted*, and its creator is the first
//!   user allowed to create partners who asked for it: that is how a sales rep keeps writing
//!   the partners they register once the index lists them.
//!
//! Every change bumps a `watch` version; each share-policy stream re-evaluates on a bump, and
//! samod applies a changed decision to the live connection (an identical one is ignored).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use automerge::ReadDoc;
use futures::{FutureExt, Stream, StreamExt};
use partnero::model::{grant, DocumentClass, DocumentId, Grant, Role, Section, Subject};
use partnero::registry::{companion_id, CompanionKind};
use rusqlite::{params, OptionalExtension};
use samod::ShareConfig;
use tokio::sync::watch;

use crate::database::{Database, DatabaseError};

/// How long a first refusal of an unlisted document waits for the workspace index to catch
/// up: a client that just received a new index entry may ask for the partner before the
/// server's own re-read of the index has finished.
const UNLISTED_GRACE: Duration = Duration::from_millis(500);

/// The id of a partner's portal document (derived from the partner's, like its finance and
/// activity documents).
pub fn portal_document_id(partner: &DocumentId) -> DocumentId {
    companion_id(partner, CompanionKind::Portal)
}

/// The partner ids the team workspace lists, by map.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listing {
    pub partners: Vec<DocumentId>,
    pub finance: Vec<DocumentId>,
    pub banking: Vec<DocumentId>,
    pub activity: Vec<DocumentId>,
    pub portals: Vec<DocumentId>,
    /// The team's settings document (`Workspace::settings_document`), once the server named it.
    pub settings: Option<DocumentId>,
}

/// Reads the keys of the workspace's index maps without hydrating the workspace. Keys that
/// are not document ids are skipped (they name nothing the server could protect).
pub fn read_listing(doc: &automerge::Automerge) -> Listing {
    let keys = |name: &str| -> Vec<DocumentId> {
        match doc.get(automerge::ROOT, name) {
            Ok(Some((automerge::Value::Object(_), map))) => {
                doc.keys(&map).filter_map(|key| key.parse().ok()).collect()
            }
            _ => Vec::new(),
        }
    };
    Listing {
        partners: keys("partners"),
        finance: keys("finance"),
        banking: keys("banking"),
        activity: keys("activity"),
        portals: keys("portals"),
        settings: match doc.get(automerge::ROOT, "settings_document") {
            Ok(Some((automerge::Value::Scalar(id), _))) => {
                id.as_str().and_then(|text| text.parse().ok())
            }
            _ => None,
        },
    }
}

/// What each listed document is.
#[derive(Debug, Default)]
struct DocumentIndex {
    workspace: Option<DocumentId>,
    /// The settings document: only administrators write it.
    settings: Option<DocumentId>,
    partners: HashSet<DocumentId>,
    /// Companion documents (finance, banking, activity, portal) of every listed partner. Derived for
    /// every partner, not only those the finance / activity / portals maps list, so a document
    /// a device creates before it is listed is already the partner's (a sales rep not assigned
    /// to the partner cannot write its finance document by being the first to send it).
    companions: HashMap<DocumentId, DocumentClass>,
    /// Portal workspace document → its portal contact.
    portal_workspaces: HashMap<DocumentId, i64>,
}

impl DocumentIndex {
    fn classify(
        &self,
        document: &DocumentId,
        creators: &HashMap<DocumentId, i64>,
    ) -> DocumentClass {
        if self.workspace.as_ref() == Some(document) {
            DocumentClass::Workspace
        } else if self.settings.as_ref() == Some(document) {
            DocumentClass::Settings
        } else if self.partners.contains(document) {
            DocumentClass::Partner(*document)
        } else if let Some(class) = self.companions.get(document) {
            *class
        } else if let Some(user) = self.portal_workspaces.get(document) {
            DocumentClass::PortalWorkspace(*user)
        } else {
            DocumentClass::Unlisted {
                creator: creators.get(document).copied(),
            }
        }
    }

    fn set_listing(&mut self, listing: &Listing) {
        let partners: HashSet<DocumentId> = listing.partners.iter().copied().collect();
        let all: BTreeSet<DocumentId> = listing
            .partners
            .iter()
            .chain(&listing.finance)
            .chain(&listing.banking)
            .chain(&listing.activity)
            .chain(&listing.portals)
            .copied()
            .collect();
        let mut companions = HashMap::with_capacity(all.len() * 4);
        for partner in all {
            companions.insert(
                companion_id(&partner, CompanionKind::Finance),
                DocumentClass::Finance(partner),
            );
            companions.insert(
                companion_id(&partner, CompanionKind::Banking),
                DocumentClass::Banking(partner),
            );
            companions.insert(
                companion_id(&partner, CompanionKind::Activity),
                DocumentClass::Activity(partner),
            );
            companions.insert(portal_document_id(&partner), DocumentClass::Portal(partner));
        }
        self.partners = partners;
        self.companions = companions;
        self.settings = listing.settings;
    }
}

/// A user as permissions see them.
#[derive(Debug, Clone)]
struct Member {
    role: Role,
    portal_partner: Option<DocumentId>,
    assigned: BTreeSet<DocumentId>,
}

#[derive(Default)]
struct State {
    /// Peer id → (user id, open connections with that peer id).
    peers: HashMap<String, (i64, usize)>,
    /// Active (not disabled) users.
    members: HashMap<i64, Member>,
    /// The subject of each active user, rebuilt when their member entry or the denials change.
    subjects: HashMap<i64, Subject>,
    denials: BTreeMap<Role, BTreeSet<Section>>,
    creators: HashMap<DocumentId, i64>,
    index: DocumentIndex,
}

impl State {
    fn rebuild_subject(&mut self, user: i64) {
        match self.members.get(&user) {
            Some(member) => {
                let subject = Subject {
                    user_id: user,
                    role: Some(member.role),
                    portal_partner: member.portal_partner,
                    assigned: member.assigned.clone(),
                    denied: self.denials.get(&member.role).cloned().unwrap_or_default(),
                };
                self.subjects.insert(user, subject);
            }
            None => {
                self.subjects.remove(&user);
            }
        }
    }

    fn grant(&self, user: i64, document: &DocumentId) -> Grant {
        let Some(subject) = self.subjects.get(&user) else {
            return Grant::None;
        };
        let class = self.index.classify(document, &self.creators);
        grant(subject, &class, self.partner_creator(&class))
    }

    fn partner_creator(&self, class: &DocumentClass) -> Option<i64> {
        match class {
            DocumentClass::Partner(partner)
            | DocumentClass::Finance(partner)
            | DocumentClass::Banking(partner)
            | DocumentClass::Activity(partner)
            | DocumentClass::Portal(partner) => self.creators.get(partner).copied(),
            _ => None,
        }
    }
}

/// The shared permission state (cheap to clone).
#[derive(Clone)]
pub struct Permissions {
    inner: Arc<Inner>,
}

struct Inner {
    state: Mutex<State>,
    version: watch::Sender<u64>,
    database: Database,
}

/// What a user's session shows about their access.
#[derive(Debug, Clone)]
pub struct Access {
    pub role: Role,
    pub portal_partner: Option<DocumentId>,
    pub assigned: Vec<DocumentId>,
    pub denied: Vec<Section>,
    pub portal_workspace: Option<DocumentId>,
}

fn share_config(grant: Grant) -> ShareConfig {
    match grant {
        Grant::None => ShareConfig::none(),
        Grant::Read => ShareConfig::read_only().with_announce(false),
        Grant::Write => ShareConfig::read_write().with_announce(false),
    }
}

/// samod's document id as the model's (both are 16 bytes).
fn model_id(document: &samod::DocumentId) -> Option<DocumentId> {
    let bytes: [u8; 16] = document.as_bytes().try_into().ok()?;
    Some(DocumentId::from_random_bytes(bytes))
}

impl Permissions {
    /// Loads users, assignments, creators, denials and portal workspaces from the database.
    /// The workspace index is set separately ([`Permissions::set_listing`]).
    pub async fn load(database: Database) -> Result<Self, DatabaseError> {
        let stored = database
            .run("load permissions", |connection| {
                let parse = |text: String| text.parse::<DocumentId>().ok();
                let mut members = HashMap::new();
                let mut statement = connection
                    .prepare("SELECT id, role, portal_partner FROM users WHERE disabled = 0")?;
                for row in statement.query_map([], |row| {
                    Ok((
                        row.get::<_, i64>(0)?,
                        row.get::<_, String>(1)?,
                        row.get::<_, Option<String>>(2)?,
                    ))
                })? {
                    let (id, role, portal_partner) = row?;
                    let Ok(role) = role.parse::<Role>() else {
                        tracing::error!(
                            user = id,
                            role,
                            "a user has an unknown role; they get no access"
                        );
                        continue;
                    };
                    members.insert(
                        id,
                        Member {
                            role,
                            portal_partner: portal_partner.and_then(parse),
                            assigned: BTreeSet::new(),
                        },
                    );
                }
                let mut statement =
                    connection.prepare("SELECT user_id, partner FROM assignments")?;
                for row in
                    statement.query_map([], |row| Ok((row.get::<_, i64>(0)?, row.get(1)?)))?
                {
                    let (user, partner) = row?;
                    if let (Some(member), Some(partner)) = (members.get_mut(&user), parse(partner))
                    {
                        member.assigned.insert(partner);
                    }
                }
                let mut creators = HashMap::new();
                let mut statement =
                    connection.prepare("SELECT document, user_id FROM document_creators")?;
                for row in
                    statement.query_map([], |row| Ok((row.get(0)?, row.get::<_, i64>(1)?)))?
                {
                    let (document, user) = row?;
                    if let Some(document) = parse(document) {
                        creators.insert(document, user);
                    }
                }
                let mut denials: BTreeMap<Role, BTreeSet<Section>> = BTreeMap::new();
                let mut statement = connection.prepare("SELECT role, section FROM role_denials")?;
                for row in statement.query_map([], |row| {
                    Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
                })? {
                    let (role, section) = row?;
                    if let (Ok(role), Ok(section)) = (role.parse(), section.parse()) {
                        denials.entry(role).or_default().insert(section);
                    }
                }
                let mut portal_workspaces = HashMap::new();
                let mut statement =
                    connection.prepare("SELECT user_id, document FROM portal_workspaces")?;
                for row in
                    statement.query_map([], |row| Ok((row.get::<_, i64>(0)?, row.get(1)?)))?
                {
                    let (user, document) = row?;
                    if let Some(document) = parse(document) {
                        portal_workspaces.insert(document, user);
                    }
                }
                Ok((members, creators, denials, portal_workspaces))
            })
            .await?;
        let (members, creators, denials, portal_workspaces) = stored;
        let mut state = State {
            members,
            creators,
            denials,
            index: DocumentIndex {
                portal_workspaces,
                ..DocumentIndex::default()
            },
            ..State::default()
        };
        let users: Vec<i64> = state.members.keys().copied().collect();
        for user in users {
            state.rebuild_subject(user);
        }
        let (version, _) = watch::channel(0);
        Ok(Self {
            inner: Arc::new(Inner {
                state: Mutex::new(state),
                version,
                database,
            }),
        })
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // Every update below is a few map operations that cannot panic half-way in a way that
        // matters more than losing the server, so a poisoned lock is reused.
        self.inner
            .state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Makes every share-policy stream re-evaluate.
    fn bump(&self) {
        self.inner.version.send_modify(|version| *version += 1);
    }

    /// A sync connection of `user` with `peer` opened.
    pub fn register_peer(&self, peer: &str, user: i64) {
        let mut state = self.state();
        let entry = state.peers.entry(peer.to_owned()).or_insert((user, 0));
        *entry = (user, entry.1 + 1);
    }

    /// A sync connection with `peer` closed.
    pub fn unregister_peer(&self, peer: &str) {
        let mut state = self.state();
        if let Some(entry) = state.peers.get_mut(peer) {
            entry.1 = entry.1.saturating_sub(1);
            if entry.1 == 0 {
                state.peers.remove(peer);
            }
        }
    }

    /// The grant of `user` on `document`, for the API (change feed, invites). Records nothing.
    pub fn grant_for_user(&self, user: i64, document: &DocumentId) -> Grant {
        self.state().grant(user, document)
    }

    /// The decision for a sync peer; records the peer's user as the creator of an unlisted
    /// document nobody asked for before, when their role may create partners. The second
    /// value says whether the document is unlisted.
    fn decide(&self, document: Option<DocumentId>, peer: &str) -> (Grant, bool) {
        let Some(document) = document else {
            return (Grant::None, false);
        };
        let mut state = self.state();
        let Some(&(user, _)) = state.peers.get(peer) else {
            return (Grant::None, false);
        };
        let Some(role) = state.subjects.get(&user).and_then(|subject| subject.role) else {
            return (Grant::None, false);
        };
        let class = state.index.classify(&document, &state.creators);
        let unlisted = matches!(class, DocumentClass::Unlisted { .. });
        if matches!(class, DocumentClass::Unlisted { creator: None }) && role.may_create_partners()
        {
            state.creators.insert(document, user);
            drop(state);
            self.store_creator(document, user);
            return (self.state().grant(user, &document), true);
        }
        (state.grant(user, &document), unlisted)
    }

    /// Writes a creator to the database in the background (the share policy cannot wait).
    fn store_creator(&self, document: DocumentId, user: i64) {
        let database = self.inner.database.clone();
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            tracing::error!(%document, "no runtime to record a document's creator");
            return;
        };
        runtime.spawn(async move {
            let stored = database
                .run("record a document's creator", move |connection| {
                    connection.execute(
                        "INSERT OR IGNORE INTO document_creators (document, user_id) VALUES (?1, ?2)",
                        params![document.to_string(), user],
                    )
                })
                .await;
            if let Err(error) = stored {
                tracing::error!(%error, %document, "could not record a document's creator");
            }
        });
    }

    /// samod's share policy: the current decision for `peer` on `document`, then a new one
    /// after every permission change.
    pub fn share(
        &self,
        document: samod::DocumentId,
        peer: samod::PeerId,
    ) -> impl Stream<Item = ShareConfig> + Send + 'static {
        let this = self.clone();
        let document = model_id(&document);
        let peer = peer.into_string();
        let receiver = self.inner.version.subscribe();
        futures::stream::unfold((receiver, true), move |(mut receiver, first)| {
            let this = this.clone();
            let peer = peer.clone();
            async move {
                if !first {
                    receiver.changed().await.ok()?;
                }
                let (mut decision, unlisted) = this.decide(document, &peer);
                if first && unlisted && decision == Grant::None {
                    let _ = tokio::time::timeout(UNLISTED_GRACE, receiver.changed()).await;
                    decision = this.decide(document, &peer).0;
                }
                Some((share_config(decision), (receiver, false)))
            }
        })
    }

    /// A user's access for the session API; `None` for a disabled user.
    pub fn access(&self, user: i64) -> Option<Access> {
        let state = self.state();
        let subject = state.subjects.get(&user)?;
        Some(Access {
            role: subject.role?,
            portal_partner: subject.portal_partner,
            assigned: subject.assigned.iter().copied().collect(),
            denied: subject.denied.iter().copied().collect(),
            portal_workspace: state
                .index
                .portal_workspaces
                .iter()
                .find(|(_, owner)| **owner == user)
                .map(|(document, _)| *document),
        })
    }

    /// Sections denied per role.
    pub fn denials(&self) -> BTreeMap<Role, BTreeSet<Section>> {
        self.state().denials.clone()
    }

    /// Replaces the sections denied per role (already stored).
    pub fn set_denials(&self, denials: BTreeMap<Role, BTreeSet<Section>>) {
        let mut state = self.state();
        state.denials = denials;
        let users: Vec<i64> = state.members.keys().copied().collect();
        for user in users {
            state.rebuild_subject(user);
        }
        drop(state);
        self.bump();
    }

    /// Records a portal contact's workspace document (already stored).
    pub fn set_portal_workspace(&self, user: i64, document: DocumentId) {
        self.state().index.portal_workspaces.insert(document, user);
        self.bump();
    }

    /// Sets the team workspace's document id (known once the repo has created it).
    pub fn set_workspace(&self, workspace: DocumentId) {
        self.state().index.workspace = Some(workspace);
        self.bump();
    }

    /// Reads a user's role, portal partner, state and assignments from the database again,
    /// after the API changed them.
    pub async fn reload_user(&self, user: i64) -> Result<(), DatabaseError> {
        let stored = self
            .inner
            .database
            .run("read a user's access", move |connection| {
                let row: Option<(String, Option<String>, bool)> = connection
                    .query_row(
                        "SELECT role, portal_partner, disabled FROM users WHERE id = ?1",
                        [user],
                        |row| Ok((row.get(0)?, row.get(1)?, row.get::<_, i64>(2)? != 0)),
                    )
                    .optional()?;
                let assigned = connection
                    .prepare("SELECT partner FROM assignments WHERE user_id = ?1")?
                    .query_map([user], |row| row.get::<_, String>(0))?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                Ok((row, assigned))
            })
            .await?;
        let (row, assigned) = stored;
        let member = row.and_then(|(role, portal_partner, disabled)| {
            let role = role.parse::<Role>().ok().filter(|_| !disabled)?;
            Some(Member {
                role,
                portal_partner: portal_partner.and_then(|text| text.parse().ok()),
                assigned: assigned
                    .iter()
                    .filter_map(|text| text.parse().ok())
                    .collect(),
            })
        });
        let mut state = self.state();
        match member {
            Some(member) => state.members.insert(user, member),
            None => state.members.remove(&user),
        };
        state.rebuild_subject(user);
        drop(state);
        self.bump();
        Ok(())
    }

    /// Loads a user the server has not heard of yet: one added by the `user add` sub-command
    /// while the server runs (another process, straight into the database).
    pub async fn ensure_loaded(&self, user: i64) -> Result<(), DatabaseError> {
        if self.state().members.contains_key(&user) {
            return Ok(());
        }
        self.reload_user(user).await
    }

    /// Whether the team workspace lists `partner`.
    pub fn is_listed_partner(&self, partner: &DocumentId) -> bool {
        self.state().index.partners.contains(partner)
    }

    /// The creator recorded for a document, if any.
    pub fn creator(&self, document: &DocumentId) -> Option<i64> {
        self.state().creators.get(document).copied()
    }

    /// Replaces the index with what the workspace lists now.
    pub fn set_listing(&self, listing: &Listing) {
        // Built outside the lock: deriving three companion ids per partner takes a while at
        // 100,000 partners, and the share policy must not wait for it.
        let mut fresh = DocumentIndex::default();
        fresh.set_listing(listing);
        let mut state = self.state();
        state.index.partners = fresh.partners;
        state.index.companions = fresh.companions;
        state.index.settings = fresh.settings;
        drop(state);
        self.bump();
    }

    /// Re-reads the index from the workspace document now.
    pub async fn refresh_listing(&self, workspace: &samod::DocHandle) {
        let handle = workspace.clone();
        // `with_document` blocks until the document is free, so it runs on the blocking pool.
        match tokio::task::spawn_blocking(move || handle.with_document(|doc| read_listing(doc)))
            .await
        {
            Ok(listing) => self.set_listing(&listing),
            Err(error) => tracing::error!(%error, "could not read the workspace index"),
        }
    }

    /// Keeps the index up to date: re-reads it after every change of the workspace document
    /// (a burst of changes is read once).
    pub fn watch_workspace(&self, workspace: samod::DocHandle) {
        let this = self.clone();
        let mut changes = Box::pin(workspace.changes());
        tokio::spawn(async move {
            while changes.next().await.is_some() {
                while let Some(Some(_)) = changes.next().now_or_never() {}
                this.refresh_listing(&workspace).await;
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use automerge::transaction::Transactable;

    use super::*;

    fn id(seed: u8) -> DocumentId {
        DocumentId::from_random_bytes([seed; 16])
    }

    #[test]
    fn the_listing_is_read_from_the_index_keys_and_classifies_companions() {
        let mut doc = automerge::AutoCommit::new();
        let partners = doc
            .put_object(automerge::ROOT, "partners", automerge::ObjType::Map)
            .unwrap();
        doc.put_object(&partners, id(1).to_string(), automerge::ObjType::Map)
            .unwrap();
        doc.put_object(&partners, "not an id", automerge::ObjType::Map)
            .unwrap();
        let finance = doc
            .put_object(automerge::ROOT, "finance", automerge::ObjType::Map)
            .unwrap();
        doc.put_object(&finance, id(2).to_string(), automerge::ObjType::Map)
            .unwrap();
        let listing = read_listing(doc.document());
        assert_eq!(listing.partners, vec![id(1)]);
        assert_eq!(listing.finance, vec![id(2)]);
        let mut index = DocumentIndex {
            workspace: Some(id(9)),
            ..DocumentIndex::default()
        };
        index.set_listing(&listing);
        let creators = HashMap::new();
        assert_eq!(index.classify(&id(9), &creators), DocumentClass::Workspace);
        assert_eq!(
            index.classify(&id(1), &creators),
            DocumentClass::Partner(id(1))
        );
        assert_eq!(
            index.classify(&companion_id(&id(2), CompanionKind::Finance), &creators),
            DocumentClass::Finance(id(2))
        );
        assert_eq!(
            index.classify(&portal_document_id(&id(1)), &creators),
            DocumentClass::Portal(id(1))
        );
        // Derived for every listed partner, listed in `banking` or not.
        assert_eq!(
            index.classify(&companion_id(&id(1), CompanionKind::Banking), &creators),
            DocumentClass::Banking(id(1))
        );
        assert_eq!(
            index.classify(&id(3), &creators),
            DocumentClass::Unlisted { creator: None }
        );
    }
}
