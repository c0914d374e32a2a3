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
}

fn main() {}
