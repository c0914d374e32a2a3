//! The partner portal as the registry runs it: a partner's contact proposes changes to the
//! record and answers the company's requests, staff decide each proposed field, and an
//! accepted field goes into the record.
//!
//! - **Contacts write only the portal document** ([`Registry::propose_changes`],
//!   [`Registry::answer_request`]): never the partner record, never the workspace. The server
//!   refuses anything else from them (`model::access`); the portal document may not exist yet
//!   on their device, and is then created with the first change every device and the server
//!   write (`companion.rs`), and not listed: the server lists it when staff invite a contact.
//! - **An accepted field is one change of the record**, written by the staff member's session
//!   but stamped with the contact as its author and the staff member as its approver
//!   (`history::stamp_approved`): the history shows who supplied the value and who let it in.
//!   The record is written before the decision, so a failure in between leaves the field
//!   undecided and deciding again does no harm (the value is already there).
//! - **Unlisted portal documents are kept.** A portal document this device wrote before the
//!   server listed it (staff asking before inviting anyone) is found again at start-up from
//!   the cache, so its changes are still sent; other unlisted documents are dropped there.
//! - Proposed values are checked with the registration form's rules when proposed and again
//!   when applied (the record may have changed meanwhile).

use std::collections::BTreeMap;

use super::cache::{CachedEntries, CachedValue};
use super::companion::{companion_id, Companion, CompanionKind};
use super::history;
use super::{Record, Registry, RegistryError};
use crate::model::{
    apply_field, field_json, proposed_fields, ChangeRefusal, DataRequest, Decision, DocumentId,
    FileRef, PartnerPortal, PartnerProfile, Proposal, RequestKind,
};
use crate::store::Store;

fn refused(refusal: ChangeRefusal) -> RegistryError {
    RegistryError::Refused(refusal)
}

impl<S: Store> Registry<S> {
    /// Takes the cached portal documents of partners this registry holds out of `cached` (the
    /// start-up cache's entries not claimed yet), whether the workspace lists them or not.
    pub(super) fn keep_cached_portals(&mut self, cached: &mut CachedEntries) {
        let portals: Vec<DocumentId> = cached
            .iter()
            .filter_map(|(id, entry)| {
                let CachedValue::Portal(portal) = &entry.value else {
                    return None;
                };
                let partner: DocumentId = portal.partner.parse().ok()?;
                let ours = companion_id(&partner, CompanionKind::Portal) == *id
                    && self.partners.contains_key(&partner)
                    && !self.companions.contains_key(id);
                ours.then_some(*id)
            })
            .collect();
        for id in portals {
            if let Some(entry) = cached.remove(&id) {
                if let CachedValue::Portal(portal) = entry.value {
                    self.companions.insert(
                        id,
                        Record::from_cache(
                            Companion::Portal(portal),
                            entry.fingerprint,
                            entry.unsent,
                        ),
                    );
                }
            }
        }
    }

    /// A partner's portal document (proposals and requests), if it has one on this device.
    pub fn portal(&self, partner: &DocumentId) -> Option<&PartnerPortal> {
        match &self
            .companions
            .get(&companion_id(partner, CompanionKind::Portal))?
            .value
        {
            Companion::Portal(portal) => Some(portal),
            _ => None,
        }
    }

    /// Applies `edit` to a partner's portal document, creating it on first use. Returns the
    /// documents changed: the portal document, or nothing when `edit` changed nothing.
    async fn edit_portal(
        &mut self,
        partner: &DocumentId,
        message: &str,
        now_ms: i64,
        edit: impl FnOnce(&mut PartnerPortal) -> Result<(), RegistryError>,
    ) -> Result<Vec<DocumentId>, RegistryError> {
        self.edit_companion(
            partner,
            CompanionKind::Portal,
            message,
            now_ms,
            |value| match value {
                Companion::Portal(portal) => edit(portal),
                _ => Err(RegistryError::Document(
                    "a portal document holds something else".into(),
                )),
            },
        )
        .await
    }

    /// A contact proposes the record `edited` (the record as they see it, with their
    /// corrections): the proposable fields that differ from the record are stored as a new
    /// proposal `proposal_id` in the portal document, each in canonical form and with the
    /// value the contact saw. Returns the proposal's id, or `None` when nothing differs (and
    /// nothing is written). A field the form's rules refuse is refused, named.
    pub async fn propose_changes(
        &mut self,
        partner: &DocumentId,
        edited: &PartnerProfile,
        author: &str,
        author_email: &str,
        proposal_id: String,
        now_ms: i64,
    ) -> Result<Option<String>, RegistryError> {
        let current = self
            .partner(partner)
            .ok_or(RegistryError::PartnerNotFound(*partner))?
            .profile
            .clone();
        let mut fields = BTreeMap::new();
        for (field, json) in proposed_fields(&current, edited) {
            // The form's validation messages, in English (`model::portal` words them so).
            let applied =
                apply_field(&current, &field, &json).map_err(RegistryError::InvalidChange)?;
            // Canonical form can make a "change" vanish (an IBAN typed with spaces).
            let canonical = field_json(&applied, &field);
            if canonical != field_json(&current, &field) {
                fields.insert(field, canonical);
            }
        }
        if fields.is_empty() {
            return Ok(None);
        }
        if author.trim().is_empty() {
            return Err(refused(ChangeRefusal::ProposalNeedsAuthor));
        }
        let base = (fields.keys())
            .map(|field| (field.clone(), field_json(&current, field)))
            .collect();
        let proposal = Proposal {
            id: proposal_id.clone(),
            author: author.trim().to_owned(),
            author_email: author_email.trim().to_owned(),
            created_at_ms: now_ms,
            fields,
            base,
            decisions: Default::default(),
        };
        self.edit_portal(partner, "propose changes", now_ms, |portal| {
            if portal.proposals.contains_key(&proposal.id) {
                return Err(refused(ChangeRefusal::ProposalExists {
                    id: proposal.id.clone(),
                }));
            }
            portal.proposals.insert(proposal.id.clone(), proposal);
            Ok(())
        })
        .await?;
        Ok(Some(proposal_id))
    }

    /// Staff accept or reject one field of a proposal. Accepting writes the field into the
    /// record as one change naming the contact as author and this session's user as approver;
    /// the decision (by this session's user) is recorded in the portal document either way.
    /// A field not in the proposal, or decided already, is refused. Returns the documents
    /// changed.
    pub async fn decide_field(
        &mut self,
        partner: &DocumentId,
        proposal_id: &str,
        field: &str,
        accept: bool,
        now_ms: i64,
    ) -> Result<Vec<DocumentId>, RegistryError> {
        let portal_id = companion_id(partner, CompanionKind::Portal);
        self.ensure_loaded(&[*partner, portal_id]).await?;
        let proposal = self
            .portal(partner)
            .and_then(|portal| portal.proposals.get(proposal_id))
            .ok_or_else(|| {
                refused(ChangeRefusal::NoSuchProposal {
                    id: proposal_id.to_owned(),
                })
            })?
            .clone();
        let json = proposal.fields.get(field).cloned().ok_or_else(|| {
            refused(ChangeRefusal::NotProposed {
                proposal: proposal_id.to_owned(),
                field: field.to_owned(),
            })
        })?;
        let already = |decision: &Decision| {
            refused(ChangeRefusal::AlreadyDecided {
                proposal: proposal_id.to_owned(),
                field: field.to_owned(),
                accepted: decision.accepted,
                by: decision.by.clone(),
            })
        };
        if let Some(decision) = proposal.decisions.get(field) {
            return Err(already(decision));
        }
        let mut changed = Vec::new();
        if accept {
            let message = history::stamp_approved(
                &format!("accept proposed {field}"),
                Some(&proposal.author),
                self.by.as_deref(),
                self.device.as_deref(),
            );
            let field_name = field.to_owned();
            // Bank accounts go to the banking document (see `assemble.rs`), still named
            // after the contact and the approver.
            let written = self
                .edit_partner_with_message(partner, &message, now_ms, move |record| {
                    record.profile = apply_field(&record.profile, &field_name, &json)
                        .map_err(RegistryError::InvalidChange)?;
                    Ok(())
                })
                .await?;
            changed.push(*partner);
            changed.extend(written.into_iter().filter(|id| id != partner));
        }
        let decision = Decision {
            accepted: accept,
            by: self.by.clone().unwrap_or_default(),
            at_ms: now_ms,
        };
        let verb = if accept { "accept" } else { "reject" };
        changed.extend(
            self.edit_portal(
                partner,
                &format!("{verb} proposed {field}"),
                now_ms,
                |portal| {
                    let proposal = portal.proposals.get_mut(proposal_id).ok_or_else(|| {
                        refused(ChangeRefusal::NoSuchProposal {
                            id: proposal_id.to_owned(),
                        })
                    })?;
                    if let Some(decision) = proposal.decisions.get(field) {
                        return Err(already(decision));
                    }
                    proposal.decisions.insert(field.to_owned(), decision);
                    Ok(())
                },
            )
            .await?,
        );
        Ok(changed)
    }

    /// Staff ask a partner's contacts for something: request `request_id`, asked by this
    /// session's user.
    pub async fn add_request(
        &mut self,
        partner: &DocumentId,
        text: &str,
        kind: RequestKind,
        request_id: String,
        now_ms: i64,
    ) -> Result<Vec<DocumentId>, RegistryError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(refused(ChangeRefusal::RequestNeedsText));
        }
        let request = DataRequest {
            id: request_id,
            text: text.to_owned(),
            kind,
            asked_by: self.by.clone().unwrap_or_default(),
            asked_at_ms: now_ms,
            answer: String::new(),
            file: None,
            answered_by: String::new(),
            answered_at_ms: None,
            closed: false,
        };
        self.edit_portal(partner, "ask partner", now_ms, |portal| {
            if portal.requests.contains_key(&request.id) {
                return Err(refused(ChangeRefusal::RequestExists {
                    id: request.id.clone(),
                }));
            }
            portal.requests.insert(request.id.clone(), request);
            Ok(())
        })
        .await
    }

    /// A contact answers a request, in text, with a file, or both; answering again replaces
    /// the answer. A closed request takes no answer.
    pub async fn answer_request(
        &mut self,
        partner: &DocumentId,
        request_id: &str,
        answer: &str,
        file: Option<FileRef>,
        now_ms: i64,
    ) -> Result<Vec<DocumentId>, RegistryError> {
        let answer = answer.trim().to_owned();
        if answer.is_empty() && file.is_none() {
            return Err(refused(ChangeRefusal::AnswerNeedsContent));
        }
        let by = self.by.clone().unwrap_or_default();
        self.edit_portal(partner, "answer request", now_ms, |portal| {
            let request = portal.requests.get_mut(request_id).ok_or_else(|| {
                refused(ChangeRefusal::NoSuchRequest {
                    id: request_id.to_owned(),
                })
            })?;
            if request.closed {
                return Err(refused(ChangeRefusal::RequestClosed {
                    id: request_id.to_owned(),
                }));
            }
            request.answer = answer;
            request.file = file;
            request.answered_by = by;
            request.answered_at_ms = Some(now_ms);
            Ok(())
        })
        .await
    }

    /// Staff close a request (answered, or no longer needed). Closing a closed one changes
    /// nothing.
    pub async fn close_request(
        &mut self,
        partner: &DocumentId,
        request_id: &str,
        now_ms: i64,
    ) -> Result<Vec<DocumentId>, RegistryError> {
        self.edit_portal(partner, "close request", now_ms, |portal| {
            let request = portal.requests.get_mut(request_id).ok_or_else(|| {
                refused(ChangeRefusal::NoSuchRequest {
                    id: request_id.to_owned(),
                })
            })?;
            request.closed = true;
            Ok(())
        })
        .await
    }
}
