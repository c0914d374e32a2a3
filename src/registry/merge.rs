//! Merging two records of the same partner into one.
//!
//! The survivor keeps, field by field, the value the user chose where the two records differ;
//! rows (addresses, contacts, bank accounts), emails, phones, verification documents and links
//! of both are kept. The merged-away record is not deleted: it is archived and points to the
//! survivor (`merged_into`), so its history stays readable and links to it (including ones
//! made offline on another device before the merge arrived) still lead to the survivor.
//! Suppliers that list the merged-away partner as a client are relinked to the survivor.

use std::collections::BTreeMap;

use super::{Registry, RegistryError};
use crate::model::{ChangeRefusal, ClientLink, DocumentId, PartnerProfile, PartnerStatus};
use crate::store::Store;

/// Which record's value to keep for a field that differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MergeSide {
    Survivor,
    Merged,
}

/// A single-valued field of the profile that the user chooses between when merging.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeField {
    /// Stable name, e.g. `legal_name`.
    pub field: &'static str,
    pub label: &'static str,
    pub survivor: String,
    pub merged: String,
}

/// The single-valued fields, with how to read one for display and how to copy it over.
type Getter = fn(&PartnerProfile) -> String;
type Copier = fn(&mut PartnerProfile, &PartnerProfile);
const FIELDS: [(&str, &str, Getter, Copier); 9] = [
    (
        "kind",
        "Kind",
        |p| p.kind.label().to_owned(),
        |to, from| to.kind = from.kind,
    ),
    (
        "legal_name",
        "Legal name",
        |p| p.legal_name.clone(),
        |to, from| to.legal_name = from.legal_name.clone(),
    ),
    (
        "trade_name",
        "Trade name",
        |p| p.trade_name.clone(),
        |to, from| to.trade_name = from.trade_name.clone(),
    ),
    (
        "tax_id",
        "Tax id",
        |p| {
            format!("{} {}", p.tax_id.country, p.tax_id.number)
                .trim()
                .to_owned()
        },
        |to, from| to.tax_id = from.tax_id.clone(),
    ),
    (
        "website",
        "Website",
        |p| p.website.clone(),
        |to, from| to.website = from.website.clone(),
    ),
    (
        "payment_terms",
        "Payment terms",
        |p| match p.payment_terms.days {
            Some(days) => format!("{days} days · {}", p.payment_terms.method.label()),
            None => p.payment_terms.method.label().to_owned(),
        },
        |to, from| to.payment_terms = from.payment_terms,
    ),
    (
        "industry",
        "Industry",
        |p| p.industry.clone(),
        |to, from| to.industry = from.industry.clone(),
    ),
    (
        "region",
        "Region / territory",
        |p| p.region.clone(),
        |to, from| to.region = from.region.clone(),
    ),
    (
        "notes",
        "Internal notes",
        |p| p.notes.clone(),
        |to, from| to.notes = from.notes.clone(),
    ),
];

/// The single-valued fields on which two records disagree (both filled and different), for
/// the user to choose. A field filled on one side only is taken from that side without asking.
pub fn differing_fields(survivor: &PartnerProfile, merged: &PartnerProfile) -> Vec<MergeField> {
    FIELDS
        .iter()
        .filter_map(|(field, label, get, _)| {
            let (a, b) = (get(survivor), get(merged));
            (!a.is_empty() && !b.is_empty() && a != b).then_some(MergeField {
                field,
                label,
                survivor: a,
                merged: b,
            })
        })
        .collect()
}

/// The survivor's profile after the merge: chosen values for differing fields, values filled
/// on one side only, and every row, email and phone of both (identical ones once).
pub fn merge_profiles(
    survivor: &PartnerProfile,
    merged: &PartnerProfile,
    choices: &BTreeMap<String, MergeSide>,
) -> PartnerProfile {
    let mut result = survivor.clone();
    for (field, _, get, copy) in FIELDS.iter() {
        let take_merged = match choices.get(*field) {
            Some(side) => *side == MergeSide::Merged,
            // Unchosen: keep the survivor's, unless only the merged record has a value.
            None => get(survivor).is_empty() && !get(merged).is_empty(),
        };
        if take_merged {
            copy(&mut result, merged);
        }
    }
    // Notes of both are kept when the user did not pick one side explicitly.
    if !choices.contains_key("notes")
        && !survivor.notes.is_empty()
        && !merged.notes.is_empty()
        && survivor.notes != merged.notes
    {
        result.notes = format!("{}\n\n{}", survivor.notes, merged.notes);
    }
    for address in &merged.addresses {
        if !result
            .addresses
            .iter()
            .any(|a| a.id == address.id || same_address(a, address))
        {
            result.addresses.push(address.clone());
        }
    }
    for contact in &merged.contacts {
        if !result
            .contacts
            .iter()
            .any(|c| c.id == contact.id || (c.name == contact.name && c.email == contact.email))
        {
            result.contacts.push(contact.clone());
        }
    }
    for account in &merged.bank_accounts {
        if !result
            .bank_accounts
            .iter()
            .any(|b| b.id == account.id || b.iban == account.iban)
        {
            result.bank_accounts.push(account.clone());
        }
    }
    for (field, value) in &merged.custom {
        if !value.is_empty() {
            result
                .custom
                .entry(field.clone())
                .or_insert_with(|| value.clone());
        }
    }
    for (category, on) in &merged.categories {
        result.categories.entry(category.clone()).or_insert(*on);
    }
    for (tag, on) in &merged.tags {
        result.tags.entry(tag.clone()).or_insert(*on);
    }
    if result.industry_id.is_empty() {
        result.industry_id = merged.industry_id.clone();
    }
    if result.region_id.is_empty() {
        result.region_id = merged.region_id.clone();
    }
    for email in &merged.emails {
        if !result.emails.contains(email) {
            result.emails.push(email.clone());
        }
    }
    for phone in &merged.phones {
        if !result.phones.contains(phone) {
            result.phones.push(phone.clone());
        }
    }
    result
}

fn same_address(a: &crate::model::Address, b: &crate::model::Address) -> bool {
    a.street == b.street
        && a.city == b.city
        && a.postal_code == b.postal_code
        && a.country == b.country
}

impl<S: Store> Registry<S> {
    /// Merges `merged` into `survivor` with the user's `choices` for differing fields. Returns
    /// every partner document it changed (to offer to the server).
    pub async fn merge_partners(
        &mut self,
        survivor: &DocumentId,
        merged: &DocumentId,
        choices: &BTreeMap<String, MergeSide>,
        now_ms: i64,
    ) -> Result<Vec<DocumentId>, RegistryError> {
        if survivor == merged {
            return Err(ChangeRefusal::PartnerMergedIntoItself.into());
        }
        let kept = self
            .partner(survivor)
            .ok_or(RegistryError::PartnerNotFound(*survivor))?
            .clone();
        let gone = self
            .partner(merged)
            .ok_or(RegistryError::PartnerNotFound(*merged))?
            .clone();
        if gone.merged_into.is_some() {
            return Err(ChangeRefusal::AlreadyMerged {
                name: gone.display_name().to_owned(),
            }
            .into());
        }
        let profile = merge_profiles(&kept.profile, &gone.profile, choices);
        let survivor_key = survivor.to_string();
        let merged_key = merged.to_string();
        let mut changed = vec![*survivor];
        let written = self
            .edit_partner(survivor, "merge partner", now_ms, |partner| {
                partner.profile = profile;
                for (client, link) in &gone.clients {
                    if *client != survivor_key {
                        partner.clients.entry(client.clone()).or_insert(*link);
                    }
                }
                for (row, document) in &gone.documents {
                    let mut key = row.clone();
                    while partner.documents.contains_key(&key) {
                        key.push_str("-merged");
                    }
                    partner.documents.insert(key, document.clone());
                }
                Ok(())
            })
            .await?;
        // Its banking and activity documents (and the workspace listing them), when the
        // bank accounts or notes changed.
        changed.extend(written.into_iter().filter(|id| id != survivor));
        // Suppliers of the merged-away client now supply the survivor.
        let suppliers = self.suppliers_of(merged);
        for supplier in suppliers {
            if supplier == *merged {
                continue;
            }
            self.edit_partner(&supplier, "relink merged client", now_ms, |partner| {
                let link = partner.clients.remove(&merged_key);
                if supplier != *survivor {
                    partner
                        .clients
                        .entry(survivor_key.clone())
                        .or_insert(link.unwrap_or(ClientLink {
                            linked_at_ms: now_ms,
                        }));
                }
                Ok(())
            })
            .await?;
            if !changed.contains(&supplier) {
                changed.push(supplier);
            }
        }
        self.edit_partner(merged, "merged into another partner", now_ms, |partner| {
            partner.status = PartnerStatus::Archived;
            partner.merged_into = Some(survivor_key.clone());
            Ok(())
        })
        .await?;
        changed.push(*merged);
        Ok(changed)
    }

    /// Where a partner id leads after merges: the final survivor (or the id itself).
    pub fn resolve_merged(&self, id: &DocumentId) -> DocumentId {
        let mut current = *id;
        // Bounded, in case two devices merged two records into each other concurrently.
        for _ in 0..16 {
            match self
                .partner(&current)
                .and_then(|partner| partner.merged_into.as_ref())
                .and_then(|next| next.parse().ok())
            {
                Some(next) if next != current => current = next,
                _ => break,
            }
        }
        current
    }
}
