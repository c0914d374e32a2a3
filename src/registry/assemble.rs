//! A partner as the registry shows it: its partner document plus the bank accounts of its
//! banking document and the internal notes of its activity document (issue 7).
//!
//! Bank accounts and internal notes used to be fields of the partner record. They now live in
//! companion documents so that a role can be denied them (the server grants per document), but
//! everything built on [`Registry::partner`] (the partner page, search, validation, duplicates,
//! the portal's comparison, reports) still reads them in `profile.bank_accounts` and
//! `profile.notes`. Hence one assembled value per partner, kept next to the documents' own
//! values and recomputed whenever one of the three documents changes.
//!
//! - **Reading.** A held banking document's accounts replace the partner document's. A held
//!   activity document's notes replace the partner document's when they are not empty or the
//!   partner document's are. Partner documents written by earlier versions still carry both;
//!   they are read until the first save moves them.
//! - **Writing** ([`Registry::save_assembled`]). The partner document is written without bank
//!   accounts and notes (emptying them is the migration), the accounts into the banking
//!   document and the notes into the activity document, each only when it differs from what
//!   that document holds: a user who edits only the name never writes a companion (which the
//!   server might refuse them). Companions are written first, so a failure part-way leaves the
//!   new values shown rather than lost.
//! - **In memory** a partner's record holds it as shown, assembled in place: the companions'
//!   accounts and notes are copied into the value, never the whole partner (at 100,000
//!   partners with notes, cloning each to assemble it took the cold start over its target).
//!   The partner document's own accounts and notes, where an earlier version left them, are
//!   kept aside in [`OwnParts`] so the value can be assembled again when a companion changes.
//! - The cache keeps each document's own value; start-up moves the companions' parts into the
//!   cached partners.

use std::collections::BTreeMap;

use automerge::{AutoCommit, ChangeHash};

use super::companion::{companion_id, Companion, CompanionKind};
use super::{document, history, Registry, RegistryError};
use crate::model::{
    BankAccount, ChangeRefusal, DocumentId, Partner, PartnerActivity, PartnerBanking,
};
use crate::store::Store;

/// The bank accounts and notes a partner document holds itself (written before they moved to
/// its companions), kept aside while the record's value shows the companions'.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct OwnParts {
    bank_accounts: Vec<BankAccount>,
    notes: String,
}

impl OwnParts {
    /// Moves a partner document's own accounts and notes out of `raw`; `None` when it has none
    /// (every partner written since they moved).
    pub(super) fn take_from(raw: &mut Partner) -> Option<OwnParts> {
        if raw.profile.bank_accounts.is_empty() && raw.profile.notes.is_empty() {
            return None;
        }
        Some(OwnParts {
            bank_accounts: std::mem::take(&mut raw.profile.bank_accounts),
            notes: std::mem::take(&mut raw.profile.notes),
        })
    }
}

/// The partner as shown: `raw` (its document's value) with the companions' bank accounts and
/// notes, when held (see the module header).
pub fn assemble(
    raw: &Partner,
    banking: Option<&PartnerBanking>,
    activity: Option<&PartnerActivity>,
) -> Partner {
    let mut partner = raw.clone();
    let own = OwnParts::take_from(&mut partner);
    show_bank_accounts(&mut partner, own.as_ref(), banking);
    show_notes(&mut partner, own.as_ref(), activity);
    partner
}

/// Puts the bank accounts to show into `shown`: the banking document's when held, else the
/// partner document's own. Returns whether they changed.
fn show_bank_accounts(
    shown: &mut Partner,
    own: Option<&OwnParts>,
    banking: Option<&PartnerBanking>,
) -> bool {
    let accounts: &[BankAccount] = match (banking, own) {
        (Some(banking), _) => &banking.bank_accounts,
        (None, Some(own)) => &own.bank_accounts,
        (None, None) => &[],
    };
    if shown.profile.bank_accounts == accounts {
        return false;
    }
    shown.profile.bank_accounts = accounts.to_vec();
    true
}

/// Puts the notes to show into `shown`: the activity document's when held and not empty (or
/// when the partner document has none of its own), else the partner document's own. Returns
/// whether they changed.
fn show_notes(
    shown: &mut Partner,
    own: Option<&OwnParts>,
    activity: Option<&PartnerActivity>,
) -> bool {
    let own_notes = own.map_or("", |own| own.notes.as_str());
    let notes = match activity {
        Some(activity) if !activity.notes.is_empty() || own_notes.is_empty() => &activity.notes,
        _ => own_notes,
    };
    if shown.profile.notes == notes {
        return false;
    }
    shown.profile.notes = notes.to_owned();
    true
}

/// Mixes a companion's fingerprint into a partner's, so that the search index (which checks
/// partners by fingerprint) indexes a partner again when its bank accounts or notes changed.
pub(super) fn mix_fingerprint(base: u64, companion: u64) -> u64 {
    base ^ companion
        .rotate_left(17)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// A partner document's own value from the value shown and its own parts (for the cache and
/// for deciding what a save writes).
pub(super) fn own_value_of(shown: &Partner, own: Option<&OwnParts>) -> Partner {
    let mut value = shown.clone();
    value.profile.bank_accounts = own.map(|own| own.bank_accounts.clone()).unwrap_or_default();
    value.profile.notes = own.map(|own| own.notes.clone()).unwrap_or_default();
    value
}

impl<S: Store> Registry<S> {
    /// Assembles the value of `partner` again from its own parts and the companions held, in
    /// place. Returns whether the value [`Registry::partner`] shows changed.
    pub(super) fn reassemble(&mut self, partner: &DocumentId) -> bool {
        let Some(record) = self.partners.get_mut(partner) else {
            self.own_parts.remove(partner);
            return false;
        };
        let own = self.own_parts.get(partner);
        let banking = match (self
            .companions
            .get(&companion_id(partner, CompanionKind::Banking)))
        .map(|record| &record.value)
        {
            Some(Companion::Banking(banking)) => Some(banking),
            _ => None,
        };
        let activity = match (self
            .companions
            .get(&companion_id(partner, CompanionKind::Activity)))
        .map(|record| &record.value)
        {
            Some(Companion::Activity(activity)) => Some(activity),
            _ => None,
        };
        let banking_changed = show_bank_accounts(&mut record.value, own, banking);
        show_notes(&mut record.value, own, activity) || banking_changed
    }

    /// Takes a partner record whose value was just read from its document (its own value) and
    /// makes it the value as shown: its own accounts and notes go aside, the companions' in.
    /// Returns whether the value shown differs from what the document says.
    pub(super) fn adopt_own_value(&mut self, partner: &DocumentId) -> bool {
        let own = (self.partners.get_mut(partner))
            .and_then(|record| OwnParts::take_from(&mut record.value));
        match own {
            Some(own) => self.own_parts.insert(*partner, own),
            None => self.own_parts.remove(partner),
        };
        self.reassemble(partner)
    }

    /// Makes a freshly loaded partner value (its document's own) the value as shown, without
    /// touching the registry: for comparing it with what is shown. Returns its own parts.
    pub(super) fn shown_from_own(
        &self,
        partner: &DocumentId,
        value: &mut Partner,
    ) -> Option<OwnParts> {
        let own = OwnParts::take_from(value);
        let banking = self.banking(partner);
        let activity = self.activity(partner);
        show_bank_accounts(value, own.as_ref(), banking);
        show_notes(value, own.as_ref(), activity);
        own
    }

    /// The partner a held banking or activity document belongs to.
    pub(super) fn assembled_partner_of(&self, id: &DocumentId) -> Option<DocumentId> {
        match self.companions.get(id).map(|record| &record.value)? {
            Companion::Banking(banking) => banking.partner_id.parse().ok(),
            Companion::Activity(activity) => activity.partner_id.parse().ok(),
            Companion::Finance(_) | Companion::Portal(_) => None,
        }
    }

    /// At start-up: moves every held banking and activity document's part into its partner's
    /// value (cached partners hold their documents' own values). One pass over the companions,
    /// copying only the accounts and notes.
    pub(super) fn assemble_all(&mut self) {
        for (id, record) in self.partners.iter_mut() {
            if let Some(own) = OwnParts::take_from(&mut record.value) {
                self.own_parts.insert(*id, own);
            }
        }
        for record in self.companions.values() {
            let partner_id = match &record.value {
                Companion::Banking(banking) => &banking.partner_id,
                Companion::Activity(activity) => &activity.partner_id,
                Companion::Finance(_) | Companion::Portal(_) => continue,
            };
            let Ok(partner) = partner_id.parse::<DocumentId>() else {
                continue;
            };
            let Some(shown) = self.partners.get_mut(&partner) else {
                continue;
            };
            let own = self.own_parts.get(&partner);
            match &record.value {
                Companion::Banking(banking) => {
                    show_bank_accounts(&mut shown.value, own, Some(banking));
                }
                Companion::Activity(activity) => {
                    show_notes(&mut shown.value, own, Some(activity));
                }
                Companion::Finance(_) | Companion::Portal(_) => {}
            }
        }
    }

    /// For ids that changed (partners or companions), the partners whose shown value changed.
    pub(super) fn reassemble_for(&mut self, ids: &[DocumentId]) -> Vec<DocumentId> {
        let mut changed = Vec::new();
        for id in ids {
            let partner = if self.partners.contains_key(id) {
                *id
            } else if let Some(partner) = self.assembled_partner_of(id) {
                partner
            } else {
                self.own_parts.remove(id);
                continue;
            };
            if self.reassemble(&partner) && !changed.contains(&partner) {
                changed.push(partner);
            }
        }
        changed
    }

    /// The documents that hold part of a partner as shown, besides its own: its banking and
    /// activity documents when held, and the workspace that lists them. The app offers them to
    /// the server after saving a partner (a save may write them).
    pub fn assembly_documents(&self, partner: &DocumentId) -> Vec<DocumentId> {
        let held: Vec<DocumentId> = [CompanionKind::Banking, CompanionKind::Activity]
            .into_iter()
            .map(|kind| companion_id(partner, kind))
            .filter(|id| self.companions.contains_key(id))
            .collect();
        if held.is_empty() {
            return held;
        }
        held.into_iter().chain([self.workspace_id]).collect()
    }

    /// A partner's fingerprint mixed with those of its banking and activity documents, for the
    /// stored search index (see [`mix_fingerprint`]).
    pub(super) fn assembled_fingerprint(&self, partner: &DocumentId, base: u64) -> u64 {
        [CompanionKind::Banking, CompanionKind::Activity]
            .into_iter()
            .filter_map(|kind| self.companions.get(&companion_id(partner, kind)))
            .fold(base, |fingerprint, record| {
                mix_fingerprint(fingerprint, record.fingerprint())
            })
    }

    /// Every partner's fingerprint mixed with its companions' (see
    /// [`Registry::assembled_fingerprint`]), computed from the held companions once.
    pub(super) fn companion_fingerprints(&self) -> BTreeMap<DocumentId, u64> {
        let mut mixed: BTreeMap<DocumentId, u64> = BTreeMap::new();
        for (id, record) in &self.companions {
            if let Some(partner) = self.assembled_partner_of(id) {
                // `mix_fingerprint(0, c)` is the term XORed into the partner's fingerprint.
                let entry = mixed.entry(partner).or_insert(0);
                *entry ^= mix_fingerprint(0, record.fingerprint());
            }
        }
        mixed
    }

    /// Writes `partner` (an assembled value, edited) as the partner document without bank
    /// accounts and notes, plus the banking and activity documents where they differ (see the
    /// module header). `message` is the whole commit message. Returns the documents written.
    pub(super) async fn save_assembled(
        &mut self,
        id: &DocumentId,
        message: &str,
        now_ms: i64,
        partner: Partner,
    ) -> Result<Vec<DocumentId>, RegistryError> {
        let mut changed = Vec::new();
        let accounts = partner.profile.bank_accounts.clone();
        let write_banking = match self.banking(id) {
            Some(banking) => banking.bank_accounts != accounts,
            None => !accounts.is_empty(),
        };
        if write_banking {
            let written = self
                .edit_companion_with_message(id, CompanionKind::Banking, message, now_ms, |value| {
                    match value {
                        Companion::Banking(banking) => {
                            banking.bank_accounts = accounts;
                            Ok(())
                        }
                        _ => Err(RegistryError::Document(
                            "a banking document holds something else".into(),
                        )),
                    }
                })
                .await?;
            changed.extend(written);
        }
        let notes = partner.profile.notes.clone();
        let write_notes = match self.activity(id) {
            Some(activity) => activity.notes != notes,
            None => !notes.is_empty(),
        };
        if write_notes {
            let written = self
                .edit_companion_with_message(
                    id,
                    CompanionKind::Activity,
                    message,
                    now_ms,
                    |value| match value {
                        Companion::Activity(activity) => {
                            activity.notes = notes;
                            Ok(())
                        }
                        _ => Err(RegistryError::Document(
                            "an activity document holds something else".into(),
                        )),
                    },
                )
                .await?;
            for doc in written {
                if !changed.contains(&doc) {
                    changed.push(doc);
                }
            }
        }
        let record = self
            .partners
            .get(id)
            .ok_or(RegistryError::PartnerNotFound(*id))?;
        let Some(stored) = &record.stored else {
            return Err(RegistryError::PartnerNotFound(*id));
        };
        let current = own_value_of(&record.value, self.own_parts.get(id));
        let mut own = partner;
        own.profile.bank_accounts.clear();
        own.profile.notes.clear();
        // Not for `updated_at_ms` alone: a change of bank accounts or notes only is not the
        // partner document's (its history would list an empty change, and a user allowed
        // only the companion would be refused the partner write).
        let mut same = own.clone();
        same.updated_at_ms = current.updated_at_ms;
        if same != current {
            let mut stored = stored.clone();
            document::write_value(&mut stored.doc, &own, message, now_ms)?;
            self.store_edited(id, stored).await?;
            changed.insert(0, *id);
        } else {
            self.reassemble(id);
        }
        Ok(changed)
    }

    /// The partner as shown, as it was just before change `hash` (`before`) or just after it,
    /// where `hash` is a change of its partner, banking or activity document. For a change of
    /// the partner document, the partner document at that moment with today's bank accounts
    /// and notes (when their documents are held); for a companion's change, today's partner
    /// with that document's accounts or notes at that moment. `raw` leaves the partner
    /// document's value as it was (for restoring a field from a change made before the move).
    pub(super) fn shown_around_change(
        &mut self,
        id: &DocumentId,
        hash: &str,
        before: bool,
        raw: bool,
    ) -> Result<Partner, RegistryError> {
        let change_hash: ChangeHash = hash.parse().map_err(|_| ChangeRefusal::NotAChange {
            hash: hash.to_owned(),
        })?;
        let heads_in = |doc: &mut AutoCommit| -> Option<Vec<ChangeHash>> {
            let change = doc.get_change_by_hash(&change_hash)?;
            Some(if before {
                change.deps().to_vec()
            } else {
                vec![change_hash]
            })
        };
        let current = self
            .partner(id)
            .cloned()
            .ok_or(RegistryError::PartnerNotFound(*id))?;
        if let Some(stored) = self
            .partners
            .get_mut(id)
            .and_then(|record| record.stored.as_mut())
        {
            if let Some(heads) = heads_in(&mut stored.doc) {
                let past =
                    history::partner_at(&stored.doc, &heads).map_err(RegistryError::Document)?;
                return Ok(if raw {
                    past
                } else {
                    assemble(&past, self.banking(id), self.activity(id))
                });
            }
        }
        for kind in [CompanionKind::Banking, CompanionKind::Activity] {
            let companion = companion_id(id, kind);
            let Some(stored) = self
                .companions
                .get_mut(&companion)
                .and_then(|record| record.stored.as_mut())
            else {
                continue;
            };
            let Some(heads) = heads_in(&mut stored.doc) else {
                continue;
            };
            let past = stored
                .doc
                .clone()
                .fork_at(&heads)
                .map_err(|error| RegistryError::Document(error.to_string()))?;
            let value = Companion::hydrate_kind(kind, &past).map_err(RegistryError::Document)?;
            let mut shown = current;
            match value {
                Companion::Banking(banking) => shown.profile.bank_accounts = banking.bank_accounts,
                Companion::Activity(activity) => shown.profile.notes = activity.notes,
                Companion::Finance(_) | Companion::Portal(_) => {}
            }
            return Ok(shown);
        }
        Err(ChangeRefusal::ChangeNotInRecord {
            hash: hash.to_owned(),
        }
        .into())
    }

    /// The history of a partner's banking and activity documents as entries of the partner's:
    /// bank-account changes under `profile.bank_accounts…`, notes under `profile.notes`; other
    /// activity (interactions, reminders) and the companions' creation are left out.
    pub(super) fn companion_history(&self, id: &DocumentId) -> Vec<history::HistoryEntry> {
        let mut entries = Vec::new();
        for kind in [CompanionKind::Banking, CompanionKind::Activity] {
            let Some(stored) = self
                .companions
                .get(&companion_id(id, kind))
                .and_then(|record| record.stored.as_ref())
            else {
                continue;
            };
            let (field, shown) = match kind {
                CompanionKind::Banking => ("bank_accounts", "profile.bank_accounts"),
                _ => ("notes", "profile.notes"),
            };
            for mut entry in history::history(&mut stored.doc.clone()) {
                entry.fields = (entry.fields.iter())
                    .filter_map(|path| {
                        let rest = path.strip_prefix(field)?;
                        (rest.is_empty() || rest.starts_with('.')).then(|| format!("{shown}{rest}"))
                    })
                    .collect();
                // The deterministic first change (time 0) only creates the empty document.
                if !entry.fields.is_empty() && entry.at_ms != 0 {
                    entries.push(entry);
                }
            }
        }
        entries
    }
}
