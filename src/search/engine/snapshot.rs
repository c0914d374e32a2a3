//! A compact binary snapshot of the [`SearchIndex`], so the app keeps the index in IndexedDB
//! and reopens it at start-up instead of re-indexing every partner (about 5 s at 100,000).
//!
//! The format is hand-written: the index is a few flat arrays (the term arenas, their offsets
//! and heads, posting lists, per-slot keys) and the slots' strings, and a generic serde format
//! would decode those element by element, a tag or varint per number. Here each array is a
//! count and its raw little-endian bytes, which decode in one tight loop, the part that matters
//! in wasm32.
//!
//! Layout, every number little-endian, `[T]` a `u32` count then the items:
//!
//! ```text
//! "PSIX"  version: u32 = 1  body length: u64  checksum of the body: u64
//! body:
//!   slot lengths: [u32]        (one a slot; FREE_SLOT for a free one)
//!   slot text:    [u8]         (UTF-8, the live slots' data concatenated)
//!   name words:   [u8]         (one a slot)
//!   tie keys:     [u64]        (one a slot)
//!   free slots:   [u32]        (the free list, in order, so new partners get the same slots)
//!   terms, then idents, each:
//!     text: [u8]  ends: [u32]  heads: [u32]  list ends: [u32]  postings: [u32]
//! ```
//!
//! Written in one canonical form: pending terms folded into the arena, dead terms dropped,
//! posting lists numbered in term order (see `dict::DictParts`). The id table is not stored but
//! rebuilt from the slots: hashing 100,000 ids takes a few milliseconds, about what checking a
//! stored table would cost, and a rebuilt table cannot disagree with the slots.
//!
//! Decoding trusts nothing. The checksum catches the usual damage (a truncated or partly
//! overwritten record) and says so, for about a quarter of the decoding time; then every
//! structure is checked in one pass over its array (offsets in range and on character
//! boundaries, terms sorted, heads and postings naming live slots, the free list being exactly
//! the free slots, ids distinct), so even a snapshot with a forged checksum gives an `Err` or
//! an index that cannot panic. What cannot be checked cheaply is that the slots' texts are the
//! ones the postings were derived from; an index whose texts were altered answers queries all
//! the same, and `search` skips the postings such texts leave behind when their partner is
//! removed.

use super::dict::{Dict, DictParts};
use super::slots::{IdTable, Slot};
use super::{is_ident, SearchField, SearchIndex, FIELD_BITS};

const MAGIC: &[u8; 4] = b"PSIX";
const VERSION: u32 = 1;
/// Magic, version, body length and checksum.
const HEADER: usize = 4 + 4 + 8 + 8;
/// The length of a free slot.
const FREE_SLOT: u32 = u32::MAX;
/// Most slots an index can have (see `SearchIndex::upsert`).
const MAX_SLOTS: usize = 1 << (31 - FIELD_BITS);

/// Why a snapshot could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct SnapshotError(pub String);

fn truncated() -> SnapshotError {
    SnapshotError("the search index snapshot is truncated".into())
}

fn corrupt(what: &str) -> SnapshotError {
    SnapshotError(format!("the search index snapshot is corrupt: {what}"))
}

impl SearchIndex {
    /// The index as a snapshot for [`SearchIndex::from_bytes`]; see `snapshot.rs` for the
    /// format.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut slot_lengths = Vec::with_capacity(self.slots.len());
        let mut slot_text = String::new();
        for slot in &self.slots {
            match slot {
                Some(slot) => {
                    slot_text.push_str(slot.data());
                    slot_lengths.push(count(slot.data().len()));
                }
                None => slot_lengths.push(FREE_SLOT),
            }
        }
        let terms = self.terms.to_parts();
        let idents = self.idents.to_parts();
        let mut body = Writer(Vec::with_capacity(
            slot_text.len()
                + self.slots.len() * 13
                + self.free.len() * 4
                + dict_size(&terms)
                + dict_size(&idents)
                + 64,
        ));
        body.u32s(&slot_lengths);
        body.bytes(slot_text.as_bytes());
        body.bytes(&self.name_words);
        body.u64s(&self.tie_keys);
        body.u32s(&self.free);
        for dict in [&terms, &idents] {
            body.bytes(dict.text.as_bytes());
            body.u32s(&dict.ends);
            body.u32s(&dict.heads);
            body.u32s(&dict.list_ends);
            body.u32s(&dict.postings);
        }
        let body = body.0;
        let mut bytes = Vec::with_capacity(HEADER + body.len());
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&VERSION.to_le_bytes());
        bytes.extend_from_slice(&(body.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&checksum(&body).to_le_bytes());
        bytes.extend_from_slice(&body);
        bytes
    }

    /// Reopens a snapshot of [`SearchIndex::to_bytes`]: an index that answers and edits exactly
    /// like the one saved, or an error saying what is wrong with the bytes (never a panic).
    pub fn from_bytes(bytes: &[u8]) -> Result<SearchIndex, SnapshotError> {
        if bytes.len() < 4 || &bytes[..4] != MAGIC {
            return Err(SnapshotError(
                "the data is not a search index snapshot".into(),
            ));
        }
        let mut header = Reader(&bytes[4..]);
        let version = header.u32()?;
        if version != VERSION {
            return Err(SnapshotError(format!(
                "the search index snapshot has an unknown version {version}"
            )));
        }
        let length = header.u64()?;
        let sum = header.u64()?;
        let body = header.0;
        if (body.len() as u64) < length {
            return Err(truncated());
        }
        if body.len() as u64 > length {
            return Err(corrupt("it has trailing bytes"));
        }
        if checksum(body) != sum {
            return Err(corrupt("its checksum does not match"));
        }
        decode_body(body)
    }
}

/// The body after the header, checked structure by structure.
fn decode_body(body: &[u8]) -> Result<SearchIndex, SnapshotError> {
    let mut reader = Reader(body);
    let slot_lengths = reader.u32s()?;
    let slot_text = reader.str()?;
    if slot_lengths.len() > MAX_SLOTS {
        return Err(corrupt("too many slots"));
    }
    let mut slots = Vec::with_capacity(slot_lengths.len());
    let mut start = 0usize;
    for &length in &slot_lengths {
        if length == FREE_SLOT {
            slots.push(None);
            continue;
        }
        let data = (start.checked_add(length as usize))
            .and_then(|end| slot_text.get(start..end))
            .ok_or_else(|| corrupt("a slot is out of range"))?;
        slots.push(Some(Slot::from_data(data).map_err(corrupt)?));
        start += data.len();
    }
    if start != slot_text.len() {
        return Err(corrupt("the slot text has trailing bytes"));
    }
    let name_words = reader.bytes()?.to_vec();
    let tie_keys = reader.u64s()?;
    let free = reader.u32s()?;
    if name_words.len() != slots.len() || tie_keys.len() != slots.len() {
        return Err(corrupt("per-slot arrays differ in length"));
    }
    // The free list must be exactly the free slots, each once: `upsert` fills what it pops.
    let mut listed = vec![false; slots.len()];
    for &number in &free {
        let number = number as usize;
        if slots.get(number).is_none_or(Option::is_some) || listed[number] {
            return Err(corrupt("the free list names a live or repeated slot"));
        }
        listed[number] = true;
    }
    let live: Vec<bool> = slots.iter().map(Option::is_some).collect();
    if live.iter().filter(|&&live| !live).count() != free.len() {
        return Err(corrupt("a free slot is missing from the free list"));
    }
    let numbers = (0..slots.len() as u32).filter(|&number| live[number as usize]);
    let numbers: Vec<u32> = numbers.collect();
    let ids = IdTable::rebuild(numbers.into_iter(), |number| {
        slots[number as usize].as_ref().map_or("", Slot::id)
    })
    .map_err(corrupt)?;
    let terms = read_dict(&mut reader, &live, false)?;
    let idents = read_dict(&mut reader, &live, true)?;
    if !reader.0.is_empty() {
        return Err(corrupt("the body has trailing bytes"));
    }
    Ok(SearchIndex {
        slots,
        name_words,
        tie_keys,
        free,
        ids,
        terms,
        idents,
    })
}

/// One dictionary, whose postings must name live slots and, as `upsert` files them, fields of
/// identifiers in `idents` and the others in `terms`.
fn read_dict(reader: &mut Reader, live: &[bool], idents: bool) -> Result<Dict, SnapshotError> {
    let fields: u32 = SearchField::ALL
        .iter()
        .filter(|&&field| is_ident(field) == idents)
        .map(|&field| 1 << field.code())
        .sum();
    let parts = DictParts {
        text: reader.str()?.to_owned(),
        ends: reader.u32s()?,
        heads: reader.u32s()?,
        list_ends: reader.u32s()?,
        postings: reader.u32s()?,
    };
    let valid = |posting: u32| {
        let field = posting & ((1 << FIELD_BITS) - 1);
        fields >> field & 1 == 1 && live.get((posting >> FIELD_BITS) as usize) == Some(&true)
    };
    Dict::from_parts(parts, valid).map_err(corrupt)
}

/// Bytes a dictionary takes in the body, to size the buffer once.
fn dict_size(parts: &DictParts) -> usize {
    5 * 4
        + parts.text.len()
        + 4 * (parts.ends.len() + parts.heads.len() + parts.list_ends.len() + parts.postings.len())
}

/// A count as stored: `u32`, which an index in wasm32 memory never exceeds.
fn count(length: usize) -> u32 {
    u32::try_from(length).expect("search index arrays are under 4 G items")
}

struct Writer(Vec<u8>);

impl Writer {
    fn bytes(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(&count(bytes.len()).to_le_bytes());
        self.0.extend_from_slice(bytes);
    }

    fn u32s(&mut self, values: &[u32]) {
        self.0.extend_from_slice(&count(values.len()).to_le_bytes());
        self.0.reserve(values.len() * 4);
        for value in values {
            self.0.extend_from_slice(&value.to_le_bytes());
        }
    }

    fn u64s(&mut self, values: &[u64]) {
        self.0.extend_from_slice(&count(values.len()).to_le_bytes());
        self.0.reserve(values.len() * 8);
        for value in values {
            self.0.extend_from_slice(&value.to_le_bytes());
        }
    }
}

/// The unread rest of the bytes; every read checks the length first.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, length: usize) -> Result<&'a [u8], SnapshotError> {
        if self.0.len() < length {
            return Err(truncated());
        }
        let (taken, rest) = self.0.split_at(length);
        self.0 = rest;
        Ok(taken)
    }

    fn u32(&mut self) -> Result<u32, SnapshotError> {
        let bytes = self.take(4)?;
        Ok(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
    }

    fn u64(&mut self) -> Result<u64, SnapshotError> {
        let mut word = [0; 8];
        word.copy_from_slice(self.take(8)?);
        Ok(u64::from_le_bytes(word))
    }

    /// A counted array of `size`-byte items, as bytes.
    fn array(&mut self, size: usize) -> Result<&'a [u8], SnapshotError> {
        let items = self.u32()? as usize;
        let length = items.checked_mul(size).ok_or_else(truncated)?;
        self.take(length)
    }

    fn bytes(&mut self) -> Result<&'a [u8], SnapshotError> {
        self.array(1)
    }

    fn str(&mut self) -> Result<&'a str, SnapshotError> {
        std::str::from_utf8(self.bytes()?).map_err(|_| corrupt("a text is not UTF-8"))
    }

    fn u32s(&mut self) -> Result<Vec<u32>, SnapshotError> {
        let bytes = self.array(4)?;
        Ok(bytes
            .chunks_exact(4)
            .map(|word| u32::from_le_bytes([word[0], word[1], word[2], word[3]]))
            .collect())
    }

    fn u64s(&mut self) -> Result<Vec<u64>, SnapshotError> {
        let bytes = self.array(8)?;
        Ok(bytes
            .chunks_exact(8)
            .map(|word| {
                let mut bytes = [0; 8];
                bytes.copy_from_slice(word);
                u64::from_le_bytes(bytes)
            })
            .collect())
    }
}

/// A 64-bit checksum of the body: four independent multiply–rotate lanes over 8-byte words, so
/// it runs at memory speed (also in wasm32, which has 64-bit multiplies). Each step is a
/// bijection of the lane, so any one changed word always changes the sum; it guards against
/// damage, not forgery.
fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    fn step(lane: u64, word: u64) -> u64 {
        ((lane ^ word).wrapping_mul(K)).rotate_left(29)
    }
    fn word(bytes: &[u8]) -> u64 {
        let mut word = [0; 8];
        word[..bytes.len()].copy_from_slice(bytes);
        u64::from_le_bytes(word)
    }
    let mut lanes = [1u64, 2, 3, 4];
    let mut blocks = bytes.chunks_exact(32);
    for block in &mut blocks {
        for (lane, bytes) in lanes.iter_mut().zip(block.chunks_exact(8)) {
            *lane = step(*lane, word(bytes));
        }
    }
    for (lane, bytes) in lanes.iter_mut().zip(blocks.remainder().chunks(8)) {
        *lane = step(*lane, word(bytes));
    }
    // The length tells apart bodies that differ only in trailing zero bytes.
    lanes
        .iter()
        .fold(bytes.len() as u64, |sum, &lane| step(sum, lane))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::engine::SearchDoc;

    fn doc(id: &str, name: &str, phone: &str, notes: &str) -> SearchDoc {
        SearchDoc {
            id: id.into(),
            name: name.into(),
            phones: vec![phone.into()],
            cities: vec!["Málaga".into()],
            notes: notes.into(),
            ..SearchDoc::default()
        }
    }

    fn sample() -> SearchIndex {
        let mut index = SearchIndex::new();
        for n in 0..400 {
            index.upsert(doc(
                &format!("p{n}"),
                &format!("Empresa {} Núñez {n}", ["García", "López", "Pérez"][n % 3]),
                &format!("+34 612 {n:03} {:03}", n * 7 % 1000),
                if n % 5 == 0 { "entrega lunes" } else { "" },
            ));
        }
        for n in (0..400).step_by(7) {
            index.remove(&format!("p{n}"));
        }
        index
    }

    const QUERIES: &[&str] = &[
        "garc", "lopez 12", "nunez", "612", "malaga", "perz", "lunes",
    ];

    /// The body of a snapshot, bypassing the checksum: what a forged snapshot can reach.
    fn body(bytes: &[u8]) -> &[u8] {
        &bytes[HEADER..]
    }

    /// An index decoded from a damaged body must answer and edit without panicking.
    fn exercise(mut index: SearchIndex) {
        for query in QUERIES {
            index.search(query, 10);
        }
        for n in 0..40 {
            index.remove(&format!("p{n}"));
        }
        index.upsert(doc("new", "García Nueva", "+34 600 000 000", ""));
        for query in QUERIES {
            index.search(query, 10);
        }
    }

    #[test]
    fn structural_checks_catch_damage_behind_a_valid_checksum() {
        let bytes = sample().to_bytes();
        let body = body(&bytes);
        assert!(decode_body(body).is_ok());
        for length in (0..body.len()).step_by(13) {
            assert!(decode_body(&body[..length]).is_err(), "cut at {length}");
        }
        let mut state = 7u32;
        let mut errors = 0;
        for _ in 0..1_000 {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let at = (state >> 4) as usize % body.len();
            let mut damaged = body.to_vec();
            damaged[at] ^= 1 << (state >> 28 & 7);
            match decode_body(&damaged) {
                Ok(index) => exercise(index),
                Err(_) => errors += 1,
            }
        }
        assert!(errors > 300, "most flips are caught: {errors}");
    }

    #[test]
    fn altered_texts_leave_an_index_that_does_not_panic() {
        let mut bytes = sample().to_bytes();
        // Rename every "García" in the slot texts: the postings of "garcia" outlive the removed
        // partners, whose texts now say "Garcíb".
        let text = "Garc\u{ed}a".as_bytes();
        let mut at = HEADER;
        while let Some(found) = bytes[at..].windows(text.len()).position(|w| w == text) {
            bytes[at + found + text.len() - 1] = b'b';
            at += found + text.len();
        }
        let index = decode_body(body(&bytes)).expect("structurally sound");
        exercise(index);
    }
}
