//! The history of one partner record, read from its Automerge change log: who changed which
//! field, when and from which device; the record as it was at a past moment; and an earlier
//! value of one field put back.
//!
//! Design:
//! - Attribution travels in the commit message (see [`stamp`] / [`parse_message`]): the action
//!   on the first line, then optional `by:` and `device:` trailer lines. The message is the only
//!   free-form, synced, per-change metadata Automerge keeps, so no separate log document can
//!   drift from the changes it describes. Changes written without trailers (older clients) just
//!   have no author or device. A change staff applied from a partner contact's proposal (see
//!   `registry::portal`) names the contact in `by:` and the staff member in an
//!   `approved-by:` trailer ([`stamp_approved`], [`approved_by`]): the contact wrote the
//!   value, the staff member let it in.
//! - The fields a change touched come from `AutoCommit::diff(deps, [hash])`: the patches that
//!   turn the document as its author saw it into the document with exactly that change applied.
//!   This works for concurrent changes too (their deps are their own view), needs no replaying
//!   of hydrated values, and costs one diff per change — fine for a record's few hundred.
//! - Patch paths are made readable relative to the partner root: map keys as they are, rows of
//!   keyed lists (addresses, contacts, bank accounts) by their row id instead of their index
//!   (an index means nothing once rows are inserted elsewhere), and lists of plain values
//!   (emails, phones) as the whole list. Everything inside an object the change created is
//!   reported as that object, so "added an address" is one field, not six.
//! - Pure: no IO, clock or randomness; time comes from the changes themselves.

use std::collections::{BTreeSet, HashMap, HashSet};

use automerge::{AutoCommit, ChangeHash, ObjId, Prop, ReadDoc, Value};
use automerge::{Patch, PatchAction};

use crate::model::{ChangeRefusal, Partner};

/// Top-level fields every edit rewrites; listing them would make every entry look alike.
const NOISE_FIELDS: [&str; 2] = ["updated_at_ms", "schema_version"];

const BY_TRAILER: &str = "by: ";
const DEVICE_TRAILER: &str = "device: ";
const APPROVED_BY_TRAILER: &str = "approved-by: ";

/// What a change's commit message says: the action and, when the writer recorded them, the
/// person and device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub action: String,
    pub by: Option<String>,
    pub device: Option<String>,
}

/// One change of the record, for the History section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    /// Hex of the change hash; also what [`partner_at`] needs (parsed back) to show the record
    /// right after this change.
    pub hash: String,
    /// The change's time (Automerge stores seconds) in milliseconds.
    pub at_ms: i64,
    /// Hex of the Automerge actor id, i.e. the device's writer identity.
    pub actor: String,
    pub attribution: Attribution,
    /// The staff member who approved the change, when it came from a partner contact's
    /// proposal (then `attribution.by` is the contact).
    pub approved_by: Option<String>,
    /// Changed field paths, dotted, relative to the partner root; sorted and deduplicated.
    pub fields: Vec<String>,
}

/// Splits a commit message into the action and its `by:` / `device:` trailers. Trailers are
/// read only from the end of the message, so an action that itself contains a line starting
/// with "by: " is not mistaken for attribution unless it is trailing. An `approved-by:`
/// trailer is taken off the action too; [`approved_by`] reads it.
pub fn parse_message(message: &str) -> Attribution {
    parse_trailers(message).0
}

/// The staff member an `approved-by:` trailer names, if the message has one.
pub fn approved_by(message: &str) -> Option<String> {
    parse_trailers(message).1
}

/// The attribution and the approver of a message (see [`parse_message`]). The approver is not
/// a field of [`Attribution`] so that code building attributions keeps compiling.
fn parse_trailers(message: &str) -> (Attribution, Option<String>) {
    let mut lines: Vec<&str> = message.split('\n').collect();
    let mut by = None;
    let mut device = None;
    let mut approved = None;
    // At most one of each trailer, in any order, taken from the tail.
    while lines.len() > 1 {
        let last = lines[lines.len() - 1];
        let found = [
            (&mut by, BY_TRAILER),
            (&mut device, DEVICE_TRAILER),
            (&mut approved, APPROVED_BY_TRAILER),
        ]
        .into_iter()
        .find_map(|(slot, prefix)| {
            let value = last.strip_prefix(prefix).filter(|_| slot.is_none())?;
            *slot = Some(value.trim().to_string());
            Some(())
        });
        if found.is_none() {
            break;
        }
        lines.pop();
    }
    let present = |value: Option<String>| value.filter(|value| !value.is_empty());
    (
        Attribution {
            action: lines.join("\n"),
            by: present(by),
            device: present(device),
        },
        present(approved),
    )
}

/// Writes a commit message that [`parse_message`] reads back. Newlines inside the person or
/// device would split a trailer, so they become spaces.
pub fn stamp(action: &str, by: Option<&str>, device: Option<&str>) -> String {
    stamp_approved(action, by, None, device)
}

/// [`stamp`] with an `approved-by:` trailer when `approved_by` is given: for a change written
/// by `by` (a partner contact) and let in by `approved_by` (a staff member).
pub fn stamp_approved(
    action: &str,
    by: Option<&str>,
    approved_by: Option<&str>,
    device: Option<&str>,
) -> String {
    let one_line = |value: &str| value.replace(['\r', '\n'], " ");
    let mut message = action.to_string();
    for (prefix, value) in [
        (BY_TRAILER, by),
        (APPROVED_BY_TRAILER, approved_by),
        (DEVICE_TRAILER, device),
    ] {
        if let Some(value) = value {
            message.push('\n');
            message.push_str(prefix);
            message.push_str(&one_line(value));
        }
    }
    message
}

/// What [`history`] needs of a change, copied out so the document can be diffed meanwhile.
struct OwnedMeta {
    hash: ChangeHash,
    deps: Vec<ChangeHash>,
    timestamp: i64,
    actor: String,
    message: Option<String>,
}

/// Every change of the document, newest first. Ties in time (Automerge keeps whole seconds)
/// are broken by causal depth, so of two edits in one second the later one comes first, then
/// by hash, so every device shows the same order.
pub fn history(doc: &mut AutoCommit) -> Vec<HistoryEntry> {
    let metas: Vec<OwnedMeta> = doc
        .get_changes_meta(&[])
        .into_iter()
        .map(|meta| OwnedMeta {
            hash: meta.hash,
            deps: meta.deps.clone(),
            timestamp: meta.timestamp,
            actor: meta.actor.to_hex_string(),
            message: meta.message.as_deref().map(str::to_string),
        })
        .collect();
    let depths = causal_depths(metas.iter().map(|meta| (meta.hash, meta.deps.as_slice())));

    let mut entries = Vec::new();
    for OwnedMeta {
        hash,
        deps,
        timestamp,
        actor,
        message,
    } in metas
    {
        let patches = doc.diff(&deps, &[hash]);
        if patches.is_empty() {
            // An empty commit touched nothing; there is nothing to show.
            continue;
        }
        let fields = changed_fields(doc, &patches, &deps, &[hash]);
        let (attribution, approved_by) = parse_trailers(message.as_deref().unwrap_or(""));
        entries.push((
            depths.get(&hash).copied().unwrap_or(0),
            HistoryEntry {
                hash: hash.to_string(),
                at_ms: timestamp.saturating_mul(1000),
                actor,
                attribution,
                approved_by,
                fields,
            },
        ));
    }
    entries.sort_by(|(depth_a, a), (depth_b, b)| {
        b.at_ms
            .cmp(&a.at_ms)
            .then(depth_b.cmp(depth_a))
            .then(b.hash.cmp(&a.hash))
    });
    entries.into_iter().map(|(_, entry)| entry).collect()
}

/// The entries that touched `field` (a dotted path or a prefix of one, matched segment by
/// segment so `profile.address` does not match `profile.addresses`) and were made by `person`
/// (exactly the `by` trailer). `None` filters nothing.
pub fn filter(
    entries: &[HistoryEntry],
    field: Option<&str>,
    person: Option<&str>,
) -> Vec<HistoryEntry> {
    entries
        .iter()
        .filter(|entry| match field {
            None => true,
            Some(field) => entry.fields.iter().any(|path| path_has_prefix(path, field)),
        })
        .filter(|entry| match person {
            None => true,
            Some(person) => entry.attribution.by.as_deref() == Some(person),
        })
        .cloned()
        .collect()
}

/// The record as it was at `heads` (e.g. `[hash]` of an entry, or [`heads_at`] a moment).
/// Takes `&AutoCommit`, so it forks the underlying document, which only needs a shared borrow.
pub fn partner_at(doc: &AutoCommit, heads: &[ChangeHash]) -> Result<Partner, String> {
    // `AutoCommit::fork_at` wants `&mut` only to close an open transaction; a clone closes
    // nothing of the caller's and keeps this function's borrow shared.
    let mut copy = doc.clone();
    let past = copy
        .fork_at(heads)
        .map_err(|error| format!("no such moment in this record's history: {error}"))?;
    autosurgeon::hydrate(&past).map_err(|error| format!("the record did not read back: {error}"))
}

/// The heads of the document made of every change with a time at or before `at_ms`. A change
/// whose clock was behind one of its dependencies is left out with it rather than producing
/// heads the document cannot fork at (a change is only there with all it depends on).
pub fn heads_at(doc: &mut AutoCommit, at_ms: i64) -> Vec<ChangeHash> {
    let metas: Vec<(ChangeHash, Vec<ChangeHash>, i64)> = doc
        .get_changes_meta(&[])
        .into_iter()
        .map(|meta| (meta.hash, meta.deps.clone(), meta.timestamp))
        .collect();
    let depths = causal_depths(metas.iter().map(|(hash, deps, _)| (*hash, deps.as_slice())));
    let mut ordered: Vec<&(ChangeHash, Vec<ChangeHash>, i64)> = metas.iter().collect();
    // Dependencies first, whatever order the change log came in.
    ordered.sort_by_key(|(hash, ..)| depths.get(hash).copied().unwrap_or(0));
    let mut included: HashSet<ChangeHash> = HashSet::new();
    for (hash, deps, timestamp) in ordered {
        if timestamp.saturating_mul(1000) <= at_ms && deps.iter().all(|dep| included.contains(dep))
        {
            included.insert(*hash);
        }
    }
    let depended_on: HashSet<ChangeHash> = metas
        .iter()
        .filter(|(hash, ..)| included.contains(hash))
        .flat_map(|(_, deps, _)| deps.iter().copied())
        .collect();
    let mut heads: Vec<ChangeHash> = included
        .into_iter()
        .filter(|hash| !depended_on.contains(hash))
        .collect();
    heads.sort();
    heads
}

/// `current` with the value of `field` (a path as in [`HistoryEntry::fields`]) taken from
/// `past`, for "restore this earlier value". A field (or row) that did not exist in `past` is
/// removed; one that exists only in `past` is added back. The caller commits the result like
/// any other edit, so the restore is itself a new, attributed change, and nothing is rewritten.
/// The `updated_at_ms` of `current` is left for the caller to set.
pub fn restore_field(
    current: &Partner,
    past: &Partner,
    field: &str,
) -> Result<Partner, ChangeRefusal> {
    let segments: Vec<&str> = field.split('.').filter(|s| !s.is_empty()).collect();
    let Some((last, parents)) = segments.split_last() else {
        return Err(ChangeRefusal::NoFieldGiven);
    };
    let cannot = |error: serde_json::Error| ChangeRefusal::FieldCannotBeRestored {
        field: field.to_owned(),
        detail: error.to_string(),
    };
    let mut now = serde_json::to_value(current).map_err(cannot)?;
    let then = serde_json::to_value(past).map_err(cannot)?;
    let old_value = lookup(&then, &segments).cloned();
    let parent = parents
        .iter()
        .try_fold(&mut now, |value, segment| child_mut(value, segment))
        .ok_or_else(|| ChangeRefusal::FieldNotInRecord {
            field: field.to_owned(),
        })?;
    match parent {
        serde_json::Value::Object(map) => match old_value {
            Some(value) => {
                map.insert((*last).to_string(), value);
            }
            None => {
                map.remove(*last);
            }
        },
        serde_json::Value::Array(rows) => {
            let position = rows.iter().position(|row| row_id(row) == Some(*last));
            match (position, old_value) {
                (Some(index), Some(value)) => rows[index] = value,
                (Some(index), None) => {
                    rows.remove(index);
                }
                (None, Some(value)) => rows.push(value),
                (None, None) => {}
            }
        }
        _ => {
            return Err(ChangeRefusal::FieldNotRestorable {
                field: field.to_owned(),
            })
        }
    }
    serde_json::from_value(now).map_err(cannot)
}

fn row_id(row: &serde_json::Value) -> Option<&str> {
    row.get("id").and_then(serde_json::Value::as_str)
}

fn lookup<'a>(value: &'a serde_json::Value, segments: &[&str]) -> Option<&'a serde_json::Value> {
    segments
        .iter()
        .try_fold(value, |value, segment| match value {
            serde_json::Value::Object(map) => map.get(*segment),
            serde_json::Value::Array(rows) => rows.iter().find(|row| row_id(row) == Some(*segment)),
            _ => None,
        })
}

fn child_mut<'a>(
    value: &'a mut serde_json::Value,
    segment: &str,
) -> Option<&'a mut serde_json::Value> {
    match value {
        serde_json::Value::Object(map) => map.get_mut(segment),
        serde_json::Value::Array(rows) => rows.iter_mut().find(|row| row_id(row) == Some(segment)),
        _ => None,
    }
}

fn path_has_prefix(path: &str, prefix: &str) -> bool {
    let prefix = prefix.trim_end_matches('.');
    path == prefix
        || path
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with('.'))
        || prefix.is_empty()
}

/// Length of the longest dependency chain below each change: a total order of depth that
/// every device computes alike, with every change deeper than all it depends on.
fn causal_depths<'a>(
    changes: impl Iterator<Item = (ChangeHash, &'a [ChangeHash])>,
) -> HashMap<ChangeHash, usize> {
    let deps: HashMap<ChangeHash, &[ChangeHash]> = changes.collect();
    let mut depths: HashMap<ChangeHash, usize> = HashMap::new();
    for start in deps.keys() {
        // Iterative, so a long history cannot overflow the stack.
        let mut stack = vec![*start];
        while let Some(hash) = stack.pop() {
            if depths.contains_key(&hash) {
                continue;
            }
            let parents = deps.get(&hash).copied().unwrap_or(&[]);
            let missing: Vec<ChangeHash> = parents
                .iter()
                .filter(|dep| deps.contains_key(dep) && !depths.contains_key(dep))
                .copied()
                .collect();
            if missing.is_empty() {
                let depth = parents
                    .iter()
                    .filter_map(|dep| depths.get(dep))
                    .map(|depth| depth + 1)
                    .max()
                    .unwrap_or(0);
                depths.insert(hash, depth);
            } else {
                stack.push(hash);
                stack.extend(missing);
            }
        }
    }
    depths
}

/// The readable field paths the patches of one change touched.
fn changed_fields(
    doc: &AutoCommit,
    patches: &[Patch],
    before: &[ChangeHash],
    after: &[ChangeHash],
) -> Vec<String> {
    // Objects this change created: everything inside them is reported as the object itself.
    let created: HashSet<ObjId> = patches
        .iter()
        .flat_map(|patch| created_objects(&patch.action))
        .collect();
    let mut fields = BTreeSet::new();
    for patch in patches {
        for path in patch_fields(doc, patch, &created, before, after) {
            if !path.is_empty() && !NOISE_FIELDS.contains(&path.as_str()) {
                fields.insert(path);
            }
        }
    }
    fields.into_iter().collect()
}

fn created_objects(action: &PatchAction) -> Vec<ObjId> {
    match action {
        PatchAction::PutMap {
            value: (Value::Object(_), id),
            ..
        }
        | PatchAction::PutSeq {
            value: (Value::Object(_), id),
            ..
        } => vec![id.clone()],
        PatchAction::Insert { values, .. } => values
            .iter()
            .filter(|(value, ..)| matches!(value, Value::Object(_)))
            .map(|(_, id, _)| id.clone())
            .collect(),
        _ => Vec::new(),
    }
}

/// Field paths of one patch; usually one, several when list rows came or went.
fn patch_fields(
    doc: &AutoCommit,
    patch: &Patch,
    created: &HashSet<ObjId>,
    before: &[ChangeHash],
    after: &[ChangeHash],
) -> Vec<String> {
    let mut segments: Vec<String> = Vec::new();
    for (index, (_, prop)) in patch.path.iter().enumerate() {
        let child = patch
            .path
            .get(index + 1)
            .map(|(obj, _)| obj)
            .unwrap_or(&patch.obj);
        match prop {
            Prop::Map(key) => segments.push(key.clone()),
            Prop::Seq(_) => match row_id_at(doc, child, after) {
                Some(id) => segments.push(id),
                // A row without an id has no name that outlives its position: report the list.
                None => return vec![segments.join(".")],
            },
        }
        if created.contains(child) {
            return vec![segments.join(".")];
        }
    }
    let base = segments.join(".");
    let join = |tail: &str| {
        if base.is_empty() {
            tail.to_string()
        } else {
            format!("{base}.{tail}")
        }
    };
    match &patch.action {
        PatchAction::PutMap { key, .. } | PatchAction::DeleteMap { key } => vec![join(key)],
        PatchAction::Conflict {
            prop: Prop::Map(key),
        }
        | PatchAction::Increment {
            prop: Prop::Map(key),
            ..
        } => vec![join(key)],
        PatchAction::PutSeq { .. }
        | PatchAction::Insert { .. }
        | PatchAction::DeleteSeq { .. }
        | PatchAction::Conflict { .. }
        | PatchAction::Increment { .. } => {
            // Rows of a keyed list are named by id: those that came or went. Index-based
            // patches cannot say which row they mean once several are applied in sequence,
            // so compare the row ids before and after instead.
            match (
                row_ids_at(doc, &patch.obj, before),
                row_ids_at(doc, &patch.obj, after),
            ) {
                (Some(old), Some(new)) => {
                    let old: BTreeSet<String> = old.into_iter().collect();
                    let new: BTreeSet<String> = new.into_iter().collect();
                    let changed: Vec<String> =
                        old.symmetric_difference(&new).map(|id| join(id)).collect();
                    if changed.is_empty() {
                        vec![base]
                    } else {
                        changed
                    }
                }
                _ => vec![base],
            }
        }
        // Text edits and marks: the text field as a whole.
        PatchAction::SpliceText { .. } | PatchAction::Mark { .. } => vec![base],
    }
}

/// The `id` of a keyed row object at `heads`, if it is one.
fn row_id_at(doc: &AutoCommit, row: &ObjId, heads: &[ChangeHash]) -> Option<String> {
    match doc.get_at(row, "id", heads) {
        Ok(Some((value, _))) => value.as_str().map(str::to_string),
        _ => None,
    }
}

/// The row ids of a list at `heads`, or `None` when its elements are not keyed rows. A list
/// that does not exist yet at `heads` has no rows.
fn row_ids_at(doc: &AutoCommit, list: &ObjId, heads: &[ChangeHash]) -> Option<Vec<String>> {
    let length = doc.length_at(list, heads);
    let mut ids = Vec::with_capacity(length);
    for index in 0..length {
        match doc.get_at(list, index, heads) {
            Ok(Some((Value::Object(_), row))) => ids.push(row_id_at(doc, &row, heads)?),
            _ => return None,
        }
    }
    Some(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn approval_trailers_round_trip_and_old_messages_still_parse() {
        /// (message, action, by, approved by, device)
        type Case<'a> = (
            String,
            &'a str,
            Option<&'a str>,
            Option<&'a str>,
            Option<&'a str>,
        );
        let cases: &[Case] = &[
            (
                stamp_approved(
                    "accept bank_accounts",
                    Some("Eva"),
                    Some("Ana"),
                    Some("Mac"),
                ),
                "accept bank_accounts",
                Some("Eva"),
                Some("Ana"),
                Some("Mac"),
            ),
            (
                stamp_approved("accept phones", Some("Eva"), Some("Ana\nB"), None),
                "accept phones",
                Some("Eva"),
                Some("Ana B"),
                None,
            ),
            (
                stamp("edit profile", Some("Ana"), Some("Mac")),
                "edit profile",
                Some("Ana"),
                None,
                Some("Mac"),
            ),
            // Written before approvals existed, and trailers in another order.
            ("old change".into(), "old change", None, None, None),
            (
                "x\ndevice: d\napproved-by: s\nby: p".into(),
                "x",
                Some("p"),
                Some("s"),
                Some("d"),
            ),
            // Only a trailer-looking line is the action, not an approver.
            ("approved-by: s".into(), "approved-by: s", None, None, None),
        ];
        for (message, action, by, approver, device) in cases {
            let attribution = parse_message(message);
            assert_eq!(attribution.action, *action, "{message:?}");
            assert_eq!(attribution.by.as_deref(), *by, "{message:?}");
            assert_eq!(attribution.device.as_deref(), *device, "{message:?}");
            assert_eq!(approved_by(message).as_deref(), *approver, "{message:?}");
        }
    }
}
