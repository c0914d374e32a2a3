//! The wasm half of the search benchmark (`bash .ci/search-bench`): Partnero's search engine
//! compiled to WebAssembly, plus the benchmark's data, so the page (`tests/search_bench/page.js`)
//! indexes the very same records in Partnero, MiniSearch and FlexSearch.
//!
//! Built with `cargo build --release --target wasm32-unknown-unknown --example
//! search_bench_wasm` (the app's release profile, as shipped) and `wasm-bindgen --target web`.
//! The data is generated here rather than in JavaScript because the generator is Rust
//! (`partnero::search::generate`), and Partnero's index is built from the same `PartnerProfile`s
//! the app holds, through `SearchDoc::from_profile`, the way the app builds it. The JavaScript
//! engines get the JSON of those `SearchDoc`s, so every engine sees the same text per field.
//!
//! It also seeds the app's own IndexedDB registry for the cold-start benchmark
//! (`bash .ci/cold-start-bench`, [`bench::seed_registry`]): the runner serves this module and the
//! built app from one origin, so the app then starts on the partners stored here.
//!
//! Natively this is an empty program, so `cargo test` and clippy on the workspace build it.

#[cfg(target_arch = "wasm32")]
mod bench {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::RefCell;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use partnero::model::PartnerProfile;
    use partnero::search::generate::{generate_partners, query_set};
    use partnero::search::{SearchDoc, SearchIndex};
    use serde_json::json;
    use wasm_bindgen::prelude::wasm_bindgen;

    /// The allocator with a count of live heap bytes, so the page can measure what building the
    /// index keeps allocated. The wasm linear memory's growth cannot tell: it never shrinks, and
    /// the index reuses the memory the JSON for the JavaScript engines was built in.
    struct Counting;

    static LIVE_BYTES: AtomicUsize = AtomicUsize::new(0);

    // SAFETY: every call is forwarded unchanged to the system allocator; only a counter is
    // updated beside it.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let pointer = System.alloc(layout);
            if !pointer.is_null() {
                LIVE_BYTES.fetch_add(layout.size(), Ordering::Relaxed);
            }
            pointer
        }

        unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
            System.dealloc(pointer, layout);
            LIVE_BYTES.fetch_sub(layout.size(), Ordering::Relaxed);
        }

        unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let moved = System.realloc(pointer, layout, new_size);
            if !moved.is_null() {
                LIVE_BYTES.fetch_sub(layout.size(), Ordering::Relaxed);
                LIVE_BYTES.fetch_add(new_size, Ordering::Relaxed);
            }
            moved
        }
    }

    #[global_allocator]
    static ALLOCATOR: Counting = Counting;

    /// Bytes currently allocated on the Rust heap (payloads, without the allocator's overhead).
    #[wasm_bindgen]
    pub fn live_heap_bytes() -> f64 {
        LIVE_BYTES.load(Ordering::Relaxed) as f64
    }

    /// The generated registry and the index built from it; one benchmark per page load.
    #[derive(Default)]
    struct State {
        partners: Vec<(String, PartnerProfile)>,
        index: Option<SearchIndex>,
    }

    thread_local! {
        static STATE: RefCell<State> = RefCell::new(State::default());
    }

    /// Generates `count` partners and `queries` queries from `seed`, keeps the partners for
    /// [`build_index`], and returns `{records, queries}` as JSON for the JavaScript engines.
    #[wasm_bindgen]
    pub fn generate(seed: u32, count: u32, queries: u32) -> String {
        let partners = generate_partners(u64::from(seed), count as usize);
        let queries = query_set(&partners, u64::from(seed), queries as usize);
        let records: Vec<_> = partners
            .iter()
            .map(|(id, profile)| {
                // Lists become one space-separated string per field: both JavaScript engines
                // tokenize strings, and neither indexes arrays of them out of the box.
                let doc = SearchDoc::from_profile(id, profile);
                json!({
                    "id": doc.id,
                    "name": doc.name,
                    "trade_name": doc.trade_name,
                    "tax_id": doc.tax_id,
                    "emails": doc.emails.join(" "),
                    "phones": doc.phones.join(" "),
                    "cities": doc.cities.join(" "),
                    "postal_codes": doc.postal_codes.join(" "),
                    "contacts": doc.contacts.join(" "),
                    "notes": doc.notes,
                })
            })
            .collect();
        let queries: Vec<_> = queries
            .iter()
            .map(|query| {
                json!({
                    "text": query.text,
                    "kind": query.kind.label(),
                    "expected": query.expected,
                })
            })
            .collect();
        STATE.with(|state| {
            *state.borrow_mut() = State {
                partners,
                index: None,
            }
        });
        json!({ "records": records, "queries": queries }).to_string()
    }

    /// Builds Partnero's index of the generated partners, as the app does (a `SearchDoc` per
    /// profile, one `upsert` each); returns how many partners it holds.
    #[wasm_bindgen]
    pub fn build_index() -> u32 {
        STATE.with(|state| {
            let mut state = state.borrow_mut();
            let mut index = SearchIndex::new();
            for (id, profile) in &state.partners {
                index.upsert(SearchDoc::from_profile(id, profile));
            }
            let len = index.len() as u32;
            state.index = Some(index);
            len
        })
    }

    /// The index's own estimate of its heap use (see `SearchIndex::heap_bytes`).
    #[wasm_bindgen]
    pub fn heap_bytes() -> f64 {
        STATE.with(|state| {
            state
                .borrow()
                .index
                .as_ref()
                .map_or(0, SearchIndex::heap_bytes) as f64
        })
    }

    /// The ids of the best `limit` partners for `query`, best first.
    #[wasm_bindgen]
    pub fn search(query: &str, limit: u32) -> Vec<String> {
        STATE.with(|state| {
            state
                .borrow()
                .index
                .as_ref()
                .map_or_else(Vec::new, |index| {
                    index
                        .search(query, limit as usize)
                        .into_iter()
                        .map(|hit| hit.id)
                        .collect()
                })
        })
    }

    /// Drops the index and the partners (the wasm memory stays reserved, as it always does).
    #[wasm_bindgen]
    pub fn free_all() {
        STATE.with(|state| *state.borrow_mut() = State::default());
    }

    /// Partners per `create_partners` call when seeding: each call keeps its chunk's Automerge
    /// documents alive until they are written, so chunks bound the seeding page's memory.
    const SEED_CHUNK: usize = 5_000;

    /// Milliseconds from the page's clock (`performance.now()`).
    fn now() -> f64 {
        web_sys::window()
            .and_then(|window| window.performance())
            .map_or(0.0, |performance| performance.now())
    }

    /// Leaves a progress line in `window.benchProgress`, which the runner prints while it waits.
    fn progress(line: &str) {
        let _ = js_sys::Reflect::set(&js_sys::global(), &"benchProgress".into(), &line.into());
    }

    /// The most common four-letter start of a word in the partners' names: a query that matches
    /// many partners, as a user's first few keystrokes do. Words of the name key only: legal
    /// forms ("GmbH", "S.L."), the commonest words of all, never reach the search index.
    fn common_prefix(partners: &[(String, PartnerProfile)]) -> String {
        let mut counts = std::collections::HashMap::<String, usize>::new();
        for (id, profile) in partners {
            let name = partnero::text::name_key(&SearchDoc::from_profile(id, profile).name);
            for word in name.split_whitespace() {
                let prefix: String = word.chars().take(4).collect();
                if prefix.chars().count() == 4 && prefix.chars().all(char::is_alphabetic) {
                    *counts.entry(prefix.to_lowercase()).or_default() += 1;
                }
            }
        }
        // Ties broken by the text, so the same seed always gives the same query.
        counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
            .map_or_else(|| "sa".to_owned(), |(prefix, _)| prefix)
    }

    /// Stores `count` generated partners (from `seed`) in the app's own IndexedDB database,
    /// through the app's `Registry` and its bulk `create_partners`, so the next start of the app
    /// on this origin finds them. Resolves to JSON `{generate_ms, store_ms, total_ms, stored,
    /// query}` (`query`: see [`common_prefix`]); rejects with the error's text.
    #[wasm_bindgen]
    pub async fn seed_registry(count: usize, seed: u64) -> Result<String, String> {
        use partnero::model::DocumentId;
        use partnero::registry::Registry;
        use partnero::web::{new_actor_id, new_document_id, now_ms, IndexedDbStore, DATABASE_NAME};

        let start = now();
        progress(&format!("generating {count} partners (seed {seed})"));
        // All at once: a partner's id and record depend on its position in one generated run.
        let mut partners = generate_partners(seed, count);
        let query = common_prefix(&partners);
        let generated = now();
        // Exactly what the app does at start-up (src/ui/state.rs).
        let store = IndexedDbStore::open(DATABASE_NAME)
            .await
            .map_err(|error| format!("opening IndexedDB {DATABASE_NAME}: {error}"))?;
        let mut registry = Registry::open(store, new_actor_id(), new_document_id())
            .await
            .map_err(|error| format!("opening the registry: {error}"))?;
        let mut stored = 0;
        while !partners.is_empty() {
            let rest = partners.split_off(partners.len().min(SEED_CHUNK));
            let chunk = std::mem::replace(&mut partners, rest)
                .into_iter()
                .map(|(id, profile)| {
                    id.parse::<DocumentId>()
                        .map(|id| (id, profile))
                        .map_err(|error| format!("generated id {id}: {error}"))
                })
                .collect::<Result<Vec<_>, _>>()?;
            stored += chunk.len();
            registry
                .create_partners(chunk, now_ms())
                .await
                .map_err(|error| format!("storing partners up to {stored}: {error}"))?;
            progress(&format!(
                "stored {stored} of {count} partners ({:.0} ms)",
                now() - start
            ));
        }
        let end = now();
        Ok(json!({
            "generate_ms": generated - start,
            "store_ms": end - generated,
            "total_ms": end - start,
            "stored": stored,
            "query": query,
        })
        .to_string())
    }
}

fn main() {}
