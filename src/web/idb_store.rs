//! The [`Store`] over IndexedDB: one object store of binary values under array keys, the layout
//! automerge-repo's IndexedDB adapter uses (`[document id, "incremental" | "snapshot", hash]`).
//!
//! Every call is its own transaction; a write resolves only once its transaction committed, so
//! "saved" in the UI means on disk.

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use indexed_db_futures::KeyRange;
use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

use crate::store::{StorageKey, Store, StoreError};

/// The IndexedDB database Partnero keeps its documents in.
pub const DATABASE_NAME: &str = "partnero";
const OBJECT_STORE: &str = "documents";
const VERSION: u8 = 1;

/// A [`Store`] over one IndexedDB database.
pub struct IndexedDbStore {
    db: Database,
}

fn failed(action: impl Into<String>, error: impl std::fmt::Debug) -> StoreError {
    StoreError {
        action: action.into(),
        reason: format!("{error:?}"),
    }
}

fn js_key(key: &[String]) -> JsValue {
    key.iter()
        .map(|part| JsValue::from_str(part))
        .collect::<Array>()
        .into()
}

/// The key range of every key that starts with `prefix`: from the prefix itself up to the prefix
/// followed by an empty array, because IndexedDB orders every array after every string.
fn prefix_range(prefix: &[String]) -> KeyRange<JsValue> {
    let upper: Array = prefix.iter().map(|part| JsValue::from_str(part)).collect();
    upper.push(&Array::new());
    KeyRange::Bound(js_key(prefix), false, upper.into(), false)
}

fn key_from_js(value: &JsValue) -> Result<StorageKey, StoreError> {
    let array: &Array = value
        .dyn_ref::<Array>()
        .ok_or_else(|| failed("read a key", value))?;
    array
        .iter()
        .map(|part| {
            part.as_string()
                .ok_or_else(|| failed("read a key part", &part))
        })
        .collect()
}

fn bytes_from_js(value: &JsValue) -> Result<Vec<u8>, StoreError> {
    if !value.is_instance_of::<Uint8Array>() {
        return Err(failed("read a value", "stored value is not a Uint8Array"));
    }
    Ok(Uint8Array::new(value).to_vec())
}

impl IndexedDbStore {
    /// Opens (and on first use creates) the named database.
    pub async fn open(name: &str) -> Result<Self, StoreError> {
        let db = Database::open(name)
            .with_version(VERSION)
            .with_on_upgrade_needed(|_event, db| {
                if !db
                    .object_store_names()
                    .any(|existing| existing == OBJECT_STORE)
                {
                    db.create_object_store(OBJECT_STORE).build()?;
                }
                Ok(())
            })
            .await
            .map_err(|error| failed(format!("open the IndexedDB database {name}"), error))?;
        Ok(Self { db })
    }

    /// Deletes a whole database (tests start from an empty one).
    pub async fn delete(name: &str) -> Result<(), StoreError> {
        Database::delete_by_name(name)
            .map_err(|error| failed(format!("delete database {name}"), error))?
            .await
            .map_err(|error| failed(format!("delete database {name}"), error))
    }

    async fn write(
        &self,
        action: String,
        operation: impl FnOnce(
            &indexed_db_futures::object_store::ObjectStore,
        ) -> indexed_db_futures::Result<()>,
    ) -> Result<(), StoreError> {
        let transaction = self
            .db
            .transaction(OBJECT_STORE)
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(|error| failed(&action, error))?;
        let store = transaction
            .object_store(OBJECT_STORE)
            .map_err(|error| failed(&action, error))?;
        operation(&store).map_err(|error| failed(&action, error))?;
        transaction
            .commit()
            .await
            .map_err(|error| failed(&action, error))
    }
}

impl Store for IndexedDbStore {
    async fn load(&self, key: &[String]) -> Result<Option<Vec<u8>>, StoreError> {
        let action = format!("load {}", key.join("/"));
        let transaction = self
            .db
            .transaction(OBJECT_STORE)
            .build()
            .map_err(|error| failed(&action, error))?;
        let store = transaction
            .object_store(OBJECT_STORE)
            .map_err(|error| failed(&action, error))?;
        let value: Option<JsValue> = store
            .get(js_key(key))
            .primitive()
            .map_err(|error| failed(&action, error))?
            .await
            .map_err(|error| failed(&action, error))?;
        value.as_ref().map(bytes_from_js).transpose()
    }

    async fn save(&self, key: &[String], data: &[u8]) -> Result<(), StoreError> {
        let value: JsValue = Uint8Array::from(data).into();
        let key_value = js_key(key);
        self.write(format!("save {}", key.join("/")), |store| {
            store.put(value).with_key(key_value).primitive()?;
            Ok(())
        })
        .await
    }

    async fn remove(&self, key: &[String]) -> Result<(), StoreError> {
        let key_value = js_key(key);
        self.write(format!("remove {}", key.join("/")), |store| {
            store.delete(key_value).primitive()?;
            Ok(())
        })
        .await
    }

    async fn load_range(
        &self,
        prefix: &[String],
    ) -> Result<Vec<(StorageKey, Vec<u8>)>, StoreError> {
        let action = format!("load range {}", prefix.join("/"));
        let transaction = self
            .db
            .transaction(OBJECT_STORE)
            .build()
            .map_err(|error| failed(&action, error))?;
        let store = transaction
            .object_store(OBJECT_STORE)
            .map_err(|error| failed(&action, error))?;
        // Keys and values from one read transaction, both in key order, so they pair up.
        let keys_request = store
            .get_all_keys::<JsValue>()
            .with_query::<JsValue, _>(prefix_range(prefix))
            .primitive()
            .map_err(|error| failed(&action, error))?;
        let values_request = store
            .get_all::<JsValue>()
            .with_query::<JsValue, _>(prefix_range(prefix))
            .primitive()
            .map_err(|error| failed(&action, error))?;
        let keys: Vec<JsValue> = keys_request
            .await
            .map_err(|error| failed(&action, error))?
            .collect::<Result<_, _>>()
            .map_err(|error| failed(&action, error))?;
        let values: Vec<JsValue> = values_request
            .await
            .map_err(|error| failed(&action, error))?
            .collect::<Result<_, _>>()
            .map_err(|error| failed(&action, error))?;
        if keys.len() != values.len() {
            return Err(failed(
                &action,
                "keys and values of one range differ in count",
            ));
        }
        keys.iter()
            .zip(&values)
            .map(|(key, value)| Ok((key_from_js(key)?, bytes_from_js(value)?)))
            .collect()
    }

    async fn load_keys(&self, prefix: &[String]) -> Result<Vec<StorageKey>, StoreError> {
        let action = format!("list keys {}", prefix.join("/"));
        let transaction = self
            .db
            .transaction(OBJECT_STORE)
            .build()
            .map_err(|error| failed(&action, error))?;
        let store = transaction
            .object_store(OBJECT_STORE)
            .map_err(|error| failed(&action, error))?;
        let keys: Vec<JsValue> = store
            .get_all_keys::<JsValue>()
            .with_query::<JsValue, _>(prefix_range(prefix))
            .primitive()
            .map_err(|error| failed(&action, error))?
            .await
            .map_err(|error| failed(&action, error))?
            .collect::<Result<_, _>>()
            .map_err(|error| failed(&action, error))?;
        keys.iter().map(key_from_js).collect()
    }

    async fn remove_range(&self, prefix: &[String]) -> Result<(), StoreError> {
        let range = prefix_range(prefix);
        self.write(format!("remove range {}", prefix.join("/")), |store| {
            store.delete::<JsValue, _>(range).primitive()?;
            Ok(())
        })
        .await
    }
}
