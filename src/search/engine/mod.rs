//! The search engine of the partner list: a rep types three letters of a half-remembered
//! name, with a typo and without accents, and the right partner is first, with 100,000
//! partners on a phone. Pure and single-threaded; it runs natively and as wasm32.
//!
//! Design, chosen for small memory and cheap edits rather than the last microsecond:
//!
//! - **Slots.** Each partner lives in an integer slot (`u32`), reused through a free list, so
//!   postings are four bytes: `slot << 4 | field`. A slot keeps the partner's id and its field
//!   values, each after a control character naming its field, in one string: one allocation
//!   a partner, the text both highlights and `remove` read. Ids map to slots through an
//!   open-addressing table of slot numbers (see `slots.rs`).
//! - **Dictionary.** Folded terms to their postings, sorted by posting, in a sorted arena with
//!   single postings inline and a pending buffer merged in batches (see `dict.rs`): about 20
//!   bytes a term where a `BTreeMap<Box<str>, Vec<u32>>` took ~75 (70 → 38 MB at 100,000
//!   partners, queries no slower). It is range-scanned for prefixes and walked for typos (see
//!   `fuzzy.rs`); inserts and removals cost `O(log n)` plus amortised merging, so `upsert` and
//!   `remove` touch only the partner's own terms: `remove` re-derives them from the stored
//!   text instead of keeping a term list.
//!   Identifiers (tax ids, phones, postal codes) have their own map, searched as prefixes
//!   from three characters and at most `MAX_IDENT_TERMS` terms a word: they are nearly one
//!   term per partner, and without this one keystroke ("b", "6") would expand 100,000 terms.
//!   A phone also keeps its last nine national digits reversed, behind a mark, so a typed
//!   ending ("…88 34", four digits or more) is a prefix lookup too: one more term a phone,
//!   about 2 MB at 100,000 partners.
//! - **Query.** Each word is matched as a prefix, within an edit budget scaled to its length
//!   (see `terms::max_typos`). For each word a slot keeps its best field score (field weight
//!   × match quality: exact > prefix > typo); a slot must match every word (AND, each word any
//!   field), and its score is the sum. Words that are legal forms ("sl", "gmbh") are optional,
//!   since names are indexed without them. Queries mixing digits and words ("B-1234",
//!   "612 34") are also tried joined, as one identifier prefix, and an identifier typed after
//!   its country code ("ES B-1234") also without the code, as tax ids are indexed.
//! - **Top hits.** Scores accumulate in dense per-slot arrays (about 9 bytes a slot, freed
//!   after the query); the best `limit` are selected (ties: a short-name prior, then the
//!   name's first letters, an id hash and the id, so results never depend on insertion order)
//!   and only they are highlighted (see `highlight.rs`).
//! - **Snapshot.** `to_bytes` / `from_bytes` store the index as a few raw little-endian
//!   arrays, so the app reopens 100,000 partners from IndexedDB instead of re-indexing them
//!   (see `snapshot.rs`).

mod dict;
mod fuzzy;
mod highlight;
mod slots;
mod snapshot;
mod terms;

pub use snapshot::SnapshotError;

use crate::model::PartnerProfile;

use dict::Dict;
use slots::{IdTable, Slot};
use terms::{field_terms, is_suffix_term, parse_query, suffix_term, QueryWord, MIN_PHONE_SUFFIX};

/// What the engine indexes of one partner: display texts, one list per field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchDoc {
    pub id: String,
    pub name: String,
    pub trade_name: String,
    pub tax_id: String,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub cities: Vec<String>,
    pub postal_codes: Vec<String>,
    pub contacts: Vec<String>,
    pub notes: String,
    pub custom: Vec<String>,
}

impl SearchDoc {
    /// The searchable text of a partner: its contacts' emails and phones count as the
    /// partner's, custom values are searched whatever their field.
    pub fn from_profile(id: &str, profile: &PartnerProfile) -> Self {
        let contacts = &profile.contacts;
        SearchDoc {
            id: id.to_owned(),
            name: profile.legal_name.clone(),
            trade_name: profile.trade_name.clone(),
            tax_id: profile.tax_id.number.clone(),
            emails: (profile.emails.iter())
                .chain(contacts.iter().map(|contact| &contact.email))
                .filter(|email| !email.trim().is_empty())
                .cloned()
                .collect(),
            phones: (profile.phones.iter())
                .chain(contacts.iter().map(|contact| &contact.phone))
                .filter(|phone| !phone.trim().is_empty())
                .cloned()
                .collect(),
            cities: profile
                .addresses
                .iter()
                .map(|address| address.city.clone())
                .collect(),
            postal_codes: profile
                .addresses
                .iter()
                .map(|address| address.postal_code.clone())
                .collect(),
            contacts: contacts
                .iter()
                .map(|contact| contact.name.clone())
                .collect(),
            notes: profile.notes.clone(),
            custom: profile.custom.values().cloned().collect(),
        }
    }

    /// Every value with its field, in field order.
    fn values(&self) -> impl Iterator<Item = (SearchField, &str)> {
        fn one(field: SearchField, value: &str) -> impl Iterator<Item = (SearchField, &str)> {
            std::iter::once((field, value))
        }
        fn many(
            field: SearchField,
            values: &[String],
        ) -> impl Iterator<Item = (SearchField, &str)> {
            values.iter().map(move |value| (field, value.as_str()))
        }
        one(SearchField::Name, &self.name)
            .chain(one(SearchField::TradeName, &self.trade_name))
            .chain(one(SearchField::TaxId, &self.tax_id))
            .chain(many(SearchField::Email, &self.emails))
            .chain(many(SearchField::Phone, &self.phones))
            .chain(many(SearchField::City, &self.cities))
            .chain(many(SearchField::PostalCode, &self.postal_codes))
            .chain(many(SearchField::Contact, &self.contacts))
            .chain(one(SearchField::Notes, &self.notes))
            .chain(many(SearchField::Custom, &self.custom))
    }
}

/// Where in a partner a query word matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SearchField {
    Name,
    TradeName,
    TaxId,
    Email,
    Phone,
    City,
    PostalCode,
    Contact,
    Notes,
    Custom,
}

impl SearchField {
    const ALL: [SearchField; 10] = [
        SearchField::Name,
        SearchField::TradeName,
        SearchField::TaxId,
        SearchField::Email,
        SearchField::Phone,
        SearchField::City,
        SearchField::PostalCode,
        SearchField::Contact,
        SearchField::Notes,
        SearchField::Custom,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SearchField::Name => "Name",
            SearchField::TradeName => "Trade name",
            SearchField::TaxId => "Tax id",
            SearchField::Email => "Email",
            SearchField::Phone => "Phone",
            SearchField::City => "City",
            SearchField::PostalCode => "Postal code",
            SearchField::Contact => "Contact",
            SearchField::Notes => "Notes",
            SearchField::Custom => "Custom field",
        }
    }

    /// How much a match in this field counts: what identifies a partner first, then what
    /// reaches it, then where it is and who works there, then free text.
    pub const fn weight(self) -> f32 {
        match self {
            SearchField::Name => 1.0,
            SearchField::TradeName => 0.95,
            SearchField::TaxId => 0.8,
            SearchField::Email | SearchField::Phone => 0.75,
            SearchField::Contact => 0.55,
            SearchField::City | SearchField::PostalCode => 0.5,
            SearchField::Notes | SearchField::Custom => 0.3,
        }
    }

    fn code(self) -> u8 {
        self as u8
    }

    fn from_code(code: u8) -> Self {
        Self::ALL[usize::from(code) % Self::ALL.len()]
    }
}

/// Field weights by code, read in the posting loop.
const WEIGHTS: [f32; 16] = {
    let mut weights = [0.0; 16];
    let mut index = 0;
    while index < SearchField::ALL.len() {
        weights[index] = SearchField::ALL[index].weight();
        index += 1;
    }
    weights
};

/// One field value of a hit, with the byte ranges of `text` to highlight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMatch {
    pub field: SearchField,
    pub text: String,
    pub ranges: Vec<(usize, usize)>,
}

/// One result: the partner's id, its score (higher is better) and why it matched.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    pub id: String,
    pub score: f32,
    pub matches: Vec<FieldMatch>,
}

impl Slot {
    /// The slot's distinct (term, field) pairs, as indexed.
    fn terms(&self) -> Vec<(String, SearchField)> {
        let mut terms = Vec::new();
        for (field, value) in self.values() {
            field_terms(field, value, &mut terms);
        }
        terms.sort_unstable();
        terms.dedup();
        terms
    }
}

const FIELD_BITS: u32 = 4;

fn posting(slot: u32, field: SearchField) -> u32 {
    slot << FIELD_BITS | u32::from(field.code())
}

/// The partner search index; see the module header.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    slots: Vec<Option<Slot>>,
    /// Words in each slot's name, for the tie-breaking prior (see [`name_prior`]).
    name_words: Vec<u8>,
    /// Each slot's tie key (see [`tie_key`]).
    tie_keys: Vec<u64>,
    free: Vec<u32>,
    ids: IdTable,
    /// Words of names, emails, cities, contacts, notes and custom values.
    terms: Dict,
    /// Tax ids, phones and postal codes: one distinct term per partner or two, kept apart so
    /// that a one-letter word does not expand into every tax id starting with "b".
    idents: Dict,
}

/// Identifier prefixes shorter than this match only whole identifiers: "34" would otherwise
/// prefix every Spanish phone.
const MIN_IDENT_PREFIX: usize = 3;

/// At most this many identifiers a query word expands to, in dictionary order: "+34 6"
/// prefixes most Spanish mobiles, and ten of them are as good as any. Keeps the worst
/// keystroke within budget.
const MAX_IDENT_TERMS: usize = 4_000;

impl SearchIndex {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a partner, or replaces the one with the same id.
    pub fn upsert(&mut self, doc: SearchDoc) {
        self.remove(&doc.id);
        let doc_name_key = crate::text::name_key(&doc.name);
        let number = match self.free.pop() {
            Some(number) => number,
            None => {
                // Four bits of each posting hold the field and the dictionary keeps the top
                // bit, so 2^27 slots at most.
                assert!(
                    self.slots.len() < 1 << (31 - FIELD_BITS),
                    "search index is full"
                );
                self.slots.push(None);
                self.name_words.push(0);
                self.tie_keys.push(0);
                (self.slots.len() - 1) as u32
            }
        };
        let slot = Slot::new(&doc.id, doc.values());
        let terms = slot.terms();
        let name_words = terms
            .iter()
            .filter(|(_, field)| *field == SearchField::Name)
            .count();
        self.name_words[number as usize] = name_words.min(255) as u8;
        self.tie_keys[number as usize] = tie_key(&doc_name_key, slot.id());
        for (term, field) in terms {
            self.map_mut(field).insert(&term, posting(number, field));
        }
        self.slots[number as usize] = Some(slot);
        let slots = &self.slots;
        self.ids
            .insert(&doc.id, number, |number| slot_id(slots, number));
    }

    /// Removes a partner; nothing happens when it is not indexed.
    pub fn remove(&mut self, id: &str) {
        let slots = &self.slots;
        let Some(number) = self.ids.remove(id, |number| slot_id(slots, number)) else {
            return;
        };
        let Some(slot) = self.slots[number as usize].take() else {
            return;
        };
        for (term, field) in slot.terms() {
            self.map_mut(field).remove(&term, posting(number, field));
        }
        self.free.push(number);
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.len() == 0
    }

    pub fn contains(&self, id: &str) -> bool {
        let slots = &self.slots;
        self.ids.get(id, |number| slot_id(slots, number)).is_some()
    }

    /// Best `limit` hits, best first; an empty query returns nothing.
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        self.search_filtered(query, limit, &|_| true)
    }

    /// Same, keeping only ids for which `keep` is true (filters: kind, status, category…),
    /// still the best `limit` of those.
    pub fn search_filtered(
        &self,
        query: &str,
        limit: usize,
        keep: &dyn Fn(&str) -> bool,
    ) -> Vec<SearchHit> {
        let query_text = query;
        let query = parse_query(query);
        if limit == 0 || query.words.is_empty() {
            return Vec::new();
        }
        let mut scores = Scores::new(self.slots.len());
        // "612 34 56" is one number, not three: its words alone would each match thousands of
        // identifiers ("34" prefixes every Spanish phone) and only slow the query down.
        let number_only = query.joined.is_some()
            && query
                .words
                .iter()
                .all(|word| word.chars.iter().all(char::is_ascii_digit));
        let required: Vec<&QueryWord> = query
            .words
            .iter()
            .filter(|word| !word.optional && !number_only)
            .collect();
        let mut candidates: Vec<u32> = Vec::new();
        for (index, word) in required.iter().enumerate() {
            self.match_word(&word.text, &word.chars, word.max_typos, &mut scores);
            candidates.clear();
            for &slot in &scores.touched {
                let slot = slot as usize;
                if usize::from(scores.matched[slot]) == index {
                    scores.matched[slot] += 1;
                    scores.total[slot] += scores.word[slot];
                    candidates.push(slot as u32);
                }
            }
            scores.reset_word();
            if candidates.is_empty() {
                break;
            }
        }
        let all = required.len().max(1) as u8;
        // Single letters are initials of a dotted form ("s.l.u."): as prefixes they would
        // reward every name with a word starting "s". Whole forms are compared below.
        for word in (query.words.iter()).filter(|word| word.optional && word.chars.len() > 1) {
            self.match_word(&word.text, &word.chars, word.max_typos, &mut scores);
            for &slot in &scores.touched {
                let slot = slot as usize;
                if scores.matched[slot] == all {
                    scores.total[slot] += OPTIONAL_SHARE * scores.word[slot];
                }
            }
            scores.reset_word();
        }
        for whole in query.joined.iter().chain(&query.bare) {
            // The identifier read as one word (or without its country code) stands for all of
            // them.
            let chars: Vec<char> = whole.chars().collect();
            self.match_word(whole, &chars, 0, &mut scores);
            for &slot in &scores.touched {
                let slot = slot as usize;
                let score = scores.word[slot] * f32::from(all);
                if scores.matched[slot] != all {
                    scores.matched[slot] = all;
                    scores.total[slot] = score;
                    candidates.push(slot as u32);
                } else if score > scores.total[slot] {
                    scores.total[slot] = score;
                }
            }
            scores.reset_word();
        }
        let ranked: Vec<(f32, u32)> = candidates
            .into_iter()
            .map(|slot| {
                let prior = name_prior(self.name_words[slot as usize]);
                (scores.total[slot as usize] + prior, slot)
            })
            .collect();
        drop(scores);
        let required_words = query.words.iter().filter(|word| !word.optional).count();
        let chosen = if required_words >= 2 || required_words < query.words.len() {
            self.rerank_names(query_text, ranked, limit, keep)
        } else {
            self.best(ranked, limit, keep)
        };
        chosen
            .into_iter()
            .map(|(score, number)| {
                let slot = self.slot(number);
                SearchHit {
                    id: slot.id().to_owned(),
                    score,
                    matches: highlight::field_matches(slot.values(), &query),
                }
            })
            .collect()
    }

    /// A query that reads like a whole name ("Frutas Fernández S.L."): among the best
    /// [`RERANK`] hits, the partner whose name has exactly that key comes first, and of those
    /// the one with the same legal form. The index holds names without their forms (so that
    /// "garcia" finds every García), so this is decided on the few top hits from their stored
    /// names rather than for every candidate.
    fn rerank_names(
        &self,
        query: &str,
        ranked: Vec<(f32, u32)>,
        limit: usize,
        keep: &dyn Fn(&str) -> bool,
    ) -> Vec<(f32, u32)> {
        let (query_key, query_form) = crate::text::split_legal_form(query);
        let mut chosen = self.best(ranked, limit.max(RERANK), keep);
        if query_key.is_empty() {
            chosen.truncate(limit);
            return chosen;
        }
        for (score, number) in &mut chosen {
            let Some(name) = self.slots[*number as usize].as_ref().and_then(|slot| {
                slot.values()
                    .find(|(field, _)| *field == SearchField::Name)
                    .map(|(_, name)| name)
            }) else {
                continue;
            };
            let (key, form) = crate::text::split_legal_form(name);
            if key == query_key {
                *score += EXACT_NAME_BONUS;
                if !query_form.is_empty() && form == query_form {
                    *score += SAME_FORM_BONUS;
                }
            }
        }
        chosen.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then_with(|| self.tie_keys[a.1 as usize].cmp(&self.tie_keys[b.1 as usize]))
                .then_with(|| slot_id(&self.slots, a.1).cmp(slot_id(&self.slots, b.1)))
        });
        chosen.truncate(limit);
        chosen
    }

    /// Approximate heap bytes used, for the benchmark's memory column: allocations' payloads
    /// plus a B-tree entry's share of its node, allocator overhead not counted.
    pub fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        let terms = self.terms.heap_bytes() + self.idents.heap_bytes();
        let ids = self.ids.heap_bytes();
        let slots: usize = self.slots.iter().flatten().map(Slot::heap_bytes).sum();
        terms
            + ids
            + slots
            + self.slots.capacity() * size_of::<Option<Slot>>()
            + self.free.capacity() * size_of::<u32>()
            + self.name_words.capacity()
            + self.tie_keys.capacity() * size_of::<u64>()
    }

    fn map_mut(&mut self, field: SearchField) -> &mut Dict {
        if is_ident(field) {
            &mut self.idents
        } else {
            &mut self.terms
        }
    }

    fn slot(&self, number: u32) -> &Slot {
        self.slots[number as usize]
            .as_ref()
            .expect("postings point at live slots")
    }

    /// Scores every slot that has a term within `max_typos` of `word` as a prefix: the best
    /// field score of the word per slot, in `scores.word`.
    fn match_word(&self, word: &str, chars: &[char], max_typos: u8, scores: &mut Scores) {
        let query_len = chars.len();
        let mut visit = |term: &str, postings: &[u32], distance: u8| {
            let term_len = term.chars().count();
            let coverage = query_len as f32 / term_len.max(query_len) as f32;
            let quality = match distance {
                // A phone's ending: below any start of an identifier, above a typo.
                _ if is_suffix_term(term) => 0.6,
                0 if term_len == query_len => 1.0,
                0 => 0.7 + 0.2 * coverage,
                1 => 0.45 + 0.1 * coverage,
                _ => 0.3 + 0.05 * coverage,
            };
            for &entry in postings {
                let slot = (entry >> FIELD_BITS) as usize;
                let score = WEIGHTS[(entry & 15) as usize] * quality;
                let best = &mut scores.word[slot];
                if *best == 0.0 {
                    scores.touched.push(slot as u32);
                }
                if score > *best {
                    *best = score;
                }
            }
        };
        if max_typos == 0 {
            for (term, postings) in self.terms.prefixed(word) {
                visit(term, postings, 0);
            }
        } else {
            fuzzy::walk(&self.terms, chars, max_typos, &mut visit);
        }
        if query_len >= MIN_IDENT_PREFIX {
            for (term, postings) in self.idents.prefixed(word).take(MAX_IDENT_TERMS) {
                visit(term, postings, 0);
            }
        } else if let Some(postings) = self.idents.get(word) {
            visit(word, postings, 0);
        }
        if query_len >= MIN_PHONE_SUFFIX && word.bytes().all(|b| b.is_ascii_digit()) {
            // The end of a phone ("…88 34"): its last digits are indexed reversed.
            let suffix = suffix_term(word);
            for (term, postings) in self.idents.prefixed(&suffix).take(MAX_IDENT_TERMS) {
                visit(term, postings, 0);
            }
        }
    }

    /// The best `limit` of `ranked` that `keep` accepts, best first: score, then id.
    fn best(
        &self,
        mut ranked: Vec<(f32, u32)>,
        limit: usize,
        keep: &dyn Fn(&str) -> bool,
    ) -> Vec<(f32, u32)> {
        // Ties compare precomputed keys first: a query like "34" ties tens of thousands of
        // phones, and comparing their ids would chase a pointer per comparison.
        let order = |a: &(f32, u32), b: &(f32, u32)| {
            b.0.total_cmp(&a.0)
                .then_with(|| self.tie_keys[a.1 as usize].cmp(&self.tie_keys[b.1 as usize]))
                .then_with(|| slot_id(&self.slots, a.1).cmp(slot_id(&self.slots, b.1)))
        };
        let mut chosen = Vec::with_capacity(limit.min(ranked.len()));
        let mut rest: &mut [(f32, u32)] = &mut ranked;
        // Take the best few at a time, so a filter that rejects most hits does not sort them all.
        while chosen.len() < limit && !rest.is_empty() {
            let batch = (2 * (limit - chosen.len())).max(16).min(rest.len());
            if batch < rest.len() {
                rest.select_nth_unstable_by(batch - 1, order);
            }
            let (head, tail) = rest.split_at_mut(batch);
            head.sort_unstable_by(order);
            for &hit in head.iter() {
                // Postings always name live slots, except after removing a partner restored
                // from a snapshot whose texts were altered (say, a flipped byte that a crafted
                // checksum let through): its old terms' postings outlive it. Skipping them here
                // keeps such an index answering instead of panicking.
                let Some(slot) = &self.slots[hit.1 as usize] else {
                    continue;
                };
                if chosen.len() < limit && keep(slot.id()) {
                    chosen.push(hit);
                }
            }
            rest = tail;
        }
        chosen
    }
}

/// Whether a field's terms go to `idents` rather than `terms`.
fn is_ident(field: SearchField) -> bool {
    matches!(
        field,
        SearchField::TaxId | SearchField::Phone | SearchField::PostalCode
    )
}

/// The id of a live slot, for the id table.
fn slot_id(slots: &[Option<Slot>], number: u32) -> &str {
    slots[number as usize].as_ref().map_or("", Slot::id)
}

/// How many top hits a whole-name query re-ranks (see `rerank_names`): more than the
/// partners that commonly share a name's words, few enough to cost microseconds.
const RERANK: usize = 64;

/// Added when a hit's name has exactly the query's key: more than the optional words of a
/// legal form can add (at most a few tenths), less than one more matched word (up to 1).
const EXACT_NAME_BONUS: f32 = 0.3;

/// Added on top for the same legal form as typed ("S.L." rather than "S.A.").
const SAME_FORM_BONUS: f32 = 0.15;

/// How much a matched optional word (a legal form) adds, relative to a required one: enough
/// to order "garcia sa" by who is a "Sa…", too little to outrank a better match of the name.
const OPTIONAL_SHARE: f32 = 0.1;

/// A small bonus for short names, so among equal matches "Ruiz" comes before "Transportes
/// Ruiz Hermanos": the shorter name is more likely the one meant. Under 0.02, less than any
/// difference between match qualities.
fn name_prior(words: u8) -> f32 {
    0.02 / f32::from(words.max(1))
}

/// Orders equal scores by name, then id, without touching either at query time: the first
/// five bytes of the folded name and a 24-bit hash of the id. Equal keys fall back to the id
/// itself, so the order depends only on the partners, never on how they were inserted.
fn tie_key(name_key: &str, id: &str) -> u64 {
    let mut key = 0u64;
    for index in 0..5 {
        key = key << 8 | u64::from(name_key.as_bytes().get(index).copied().unwrap_or(0));
    }
    // FNV-1a.
    let hash = id.bytes().fold(0x811c_9dc5u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    });
    key << 24 | u64::from(hash >> 8)
}

/// Per-query score arrays, one entry per slot.
struct Scores {
    /// The current word's best score per slot; 0 means not matched.
    word: Vec<f32>,
    /// Slots with a non-zero `word`, to reset it without a full sweep.
    touched: Vec<u32>,
    /// How many required words each slot matched, in order.
    matched: Vec<u8>,
    total: Vec<f32>,
}

impl Scores {
    fn new(slots: usize) -> Self {
        Scores {
            word: vec![0.0; slots],
            touched: Vec::new(),
            matched: vec![0; slots],
            total: vec![0.0; slots],
        }
    }

    fn reset_word(&mut self) {
        for &slot in &self.touched {
            self.word[slot as usize] = 0.0;
        }
        self.touched.clear();
    }
}
