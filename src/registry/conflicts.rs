//! Same-field conflicts: when two devices change one field concurrently, Automerge keeps both
//! values and picks one deterministically. Partnero does not let that pass silently: the
//! partner page lists every such field with all its values, and the user's choice is written as
//! a new change that supersedes both (so the conflict disappears on every device).
//!
//! The walk is generic over the document tree, so it covers every scalar field of a partner,
//! including those inside addresses, contacts and bank accounts.

use automerge::{AutoCommit, ObjId, ObjType, ReadDoc, ScalarValue, Value, ROOT};

/// One step of the path to a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathStep {
    Key(String),
    Index(usize),
}

/// A field that holds more than one concurrent value.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldConflict {
    /// Where the field is, from the document root.
    pub path: Vec<PathStep>,
    /// A short human name, e.g. "Legal name" or "Contact 2: email".
    pub label: String,
    /// The concurrent values, the one currently shown first.
    pub values: Vec<ScalarValue>,
}

impl FieldConflict {
    /// A stable text key for the UI, e.g. `profile.contacts.1.email`.
    pub fn key(&self) -> String {
        self.path
            .iter()
            .map(|step| match step {
                PathStep::Key(key) => key.clone(),
                PathStep::Index(index) => index.to_string(),
            })
            .collect::<Vec<_>>()
            .join(".")
    }
}

/// How a value reads in the conflict list.
pub fn display_value(value: &ScalarValue) -> String {
    match value {
        ScalarValue::Str(text) if text.is_empty() => "(empty)".into(),
        ScalarValue::Str(text) => text.to_string(),
        ScalarValue::Null => "(none)".into(),
        other => other.to_string(),
    }
}

/// Every field of the document holding concurrent values.
pub fn find_conflicts(doc: &AutoCommit) -> Vec<FieldConflict> {
    let mut found = Vec::new();
    walk(doc, &ROOT, ObjType::Map, &mut Vec::new(), &mut found);
    found
}

fn walk(
    doc: &AutoCommit,
    object: &ObjId,
    kind: ObjType,
    path: &mut Vec<PathStep>,
    found: &mut Vec<FieldConflict>,
) {
    let props: Vec<PathStep> = match kind {
        ObjType::Map | ObjType::Table => doc.keys(object).map(PathStep::Key).collect(),
        ObjType::List => (0..doc.length(object)).map(PathStep::Index).collect(),
        ObjType::Text => return,
    };
    for step in props {
        let values = match &step {
            PathStep::Key(key) => doc.get_all(object, key.as_str()),
            PathStep::Index(index) => doc.get_all(object, *index),
        };
        let Ok(values) = values else { continue };
        path.push(step);
        let scalars: Vec<ScalarValue> = values
            .iter()
            .filter_map(|(value, _)| match value {
                Value::Scalar(scalar) => Some(scalar.clone().into_owned()),
                Value::Object(_) => None,
            })
            .collect();
        if values.len() > 1 && scalars.len() == values.len() && !is_bookkeeping(path) {
            let mut distinct: Vec<ScalarValue> = Vec::new();
            for value in scalars {
                if !distinct.contains(&value) {
                    distinct.push(value);
                }
            }
            if distinct.len() > 1 {
                found.push(FieldConflict {
                    label: label_for(path),
                    path: path.clone(),
                    values: distinct,
                });
            }
        }
        // Descend into the value currently shown (the winner) if it is an object.
        if let Some((Value::Object(child_kind), child)) =
            values.last().map(|(value, id)| (value.clone(), id.clone()))
        {
            walk(doc, &child, child_kind, path, found);
        }
        path.pop();
    }
}

/// Timestamps and the schema version are written by every edit; a concurrent difference there
/// is expected and not the user's business.
fn is_bookkeeping(path: &[PathStep]) -> bool {
    matches!(path.last(), Some(PathStep::Key(key)) if key == "schema_version" || key.ends_with("_at_ms"))
}

/// "Legal name", "Address 1: city", "Payment terms: days", …
fn label_for(path: &[PathStep]) -> String {
    let words = |key: &str| {
        let text = key.replace('_', " ");
        let mut chars = text.chars();
        chars
            .next()
            .map(|first| first.to_uppercase().collect::<String>() + chars.as_str())
            .unwrap_or_default()
    };
    let mut parts: Vec<String> = Vec::new();
    let mut iter = path.iter().peekable();
    while let Some(step) = iter.next() {
        match (step, iter.peek()) {
            (PathStep::Key(key), _) if key == "profile" => {}
            (PathStep::Key(list), Some(PathStep::Index(index))) => {
                let singular = match list.as_str() {
                    "addresses" => "Address".to_owned(),
                    "contacts" => "Contact".to_owned(),
                    "bank_accounts" => "Bank account".to_owned(),
                    other => words(other),
                };
                parts.push(format!("{singular} {}", index + 1));
                iter.next();
            }
            (PathStep::Key(key), _) => parts.push(words(key)),
            (PathStep::Index(index), _) => parts.push(format!("item {}", index + 1)),
        }
    }
    match parts.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{}: {}", rest.join(": "), last.to_lowercase()),
        None => String::new(),
    }
}

/// Writes `value` at `path` as a new change, superseding every concurrent value.
pub fn choose_value(
    doc: &mut AutoCommit,
    path: &[PathStep],
    value: ScalarValue,
) -> Result<(), String> {
    use automerge::transaction::Transactable;
    let Some((last, parents)) = path.split_last() else {
        return Err("empty path".into());
    };
    let mut object = ROOT;
    for step in parents {
        let next = match step {
            PathStep::Key(key) => doc.get(&object, key.as_str()),
            PathStep::Index(index) => doc.get(&object, *index),
        }
        .map_err(|error| error.to_string())?;
        match next {
            Some((Value::Object(_), id)) => object = id,
            _ => return Err("the field no longer exists".into()),
        }
    }
    let written = match last {
        PathStep::Key(key) => doc.put(&object, key.as_str(), value),
        PathStep::Index(index) => doc.put(&object, *index, value),
    };
    written.map_err(|error| error.to_string())
}
