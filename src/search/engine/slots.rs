//! Compact per-partner storage: a slot's id and field values in one allocation, and the id →
//! slot lookup as an open-addressing table of slot numbers (the ids themselves live in the
//! slots), about 5 bytes a partner instead of a `BTreeMap` entry's ~40 plus a second copy of
//! the id.

use super::SearchField;

/// First of the sixteen control characters that mark a value's start and field in a slot:
/// `MARK + code`. They never appear in what a user typed, and stray ones are replaced by
/// spaces when a document is stored.
const MARK: u32 = 0x10;

fn is_mark(c: char) -> bool {
    (MARK..MARK + 16).contains(&(c as u32))
}

/// One indexed partner: its id's byte length as a char, the id, then each non-empty field
/// value after its field's mark. One allocation of 16 bytes' handle a partner.
#[derive(Debug, Clone)]
pub(super) struct Slot(Box<str>);

impl Slot {
    pub fn new<'a>(id: &str, values: impl Iterator<Item = (SearchField, &'a str)>) -> Self {
        // Lengths from 0xD800 skip the surrogates; ids are far shorter than a megabyte.
        let length = id.len() as u32;
        let length = if length < 0xD800 {
            length
        } else {
            length + 0x800
        };
        let length = char::from_u32(length).expect("search ids are under a megabyte");
        let mut data = String::with_capacity(id.len() + 4);
        data.push(length);
        data.push_str(id);
        for (field, value) in values {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            data.push(char::from_u32(MARK + u32::from(field.code())).unwrap_or(' '));
            data.extend(value.chars().map(|c| if is_mark(c) { ' ' } else { c }));
        }
        Slot(data.into_boxed_str())
    }

    /// Where the id ends in the data.
    fn id_end(&self) -> usize {
        let length = self.0.chars().next().map_or(0, u32::from);
        let length = if length < 0xD800 {
            length
        } else {
            length - 0x800
        };
        let start = self.0.chars().next().map_or(0, char::len_utf8);
        start + length as usize
    }

    pub fn id(&self) -> &str {
        let start = self.0.chars().next().map_or(0, char::len_utf8);
        &self.0[start..self.id_end()]
    }

    /// The non-empty field values, in field order.
    pub fn values(&self) -> impl Iterator<Item = (SearchField, &str)> + '_ {
        let mut rest = &self.0[self.id_end()..];
        std::iter::from_fn(move || {
            let mark = rest.chars().next()?;
            let body = &rest[mark.len_utf8()..];
            let end = body.find(is_mark).unwrap_or(body.len());
            rest = &body[end..];
            let code = (mark as u32 - MARK) as u8;
            Some((SearchField::from_code(code), &body[..end]))
        })
    }

    pub fn heap_bytes(&self) -> usize {
        self.0.len()
    }

    /// The slot's whole data, as a snapshot stores it.
    pub fn data(&self) -> &str {
        &self.0
    }

    /// A slot from a snapshot's data, checked as far as `id` and `values` rely on it: a length
    /// char, an id ending on a character boundary within the data, then a mark (values after
    /// it split at marks whatever they hold).
    pub fn from_data(data: &str) -> Result<Self, &'static str> {
        let slot = Slot(data.into());
        if data.is_empty() {
            return Err("a slot is empty");
        }
        let end = slot.id_end();
        if end > data.len() || !data.is_char_boundary(end) {
            return Err("a slot's id is out of range");
        }
        if data[end..].chars().next().is_some_and(|c| !is_mark(c)) {
            return Err("a slot's values do not start with a field mark");
        }
        Ok(slot)
    }
}

const EMPTY: u32 = u32::MAX;

/// Slot numbers by id hash, linear probing, at most 7/8 full.
#[derive(Debug, Clone, Default)]
pub(super) struct IdTable {
    table: Vec<u32>,
    len: usize,
}

impl IdTable {
    pub fn len(&self) -> usize {
        self.len
    }

    /// The slot whose id (read through `id_of`) is `id`.
    pub fn get<'s>(&self, id: &str, id_of: impl Fn(u32) -> &'s str) -> Option<u32> {
        self.position(id, id_of).map(|at| self.table[at])
    }

    /// Adds a slot whose id is not in the table yet.
    pub fn insert<'s>(&mut self, id: &str, number: u32, id_of: impl Fn(u32) -> &'s str) {
        if (self.len + 1) * 8 > self.table.len() * 7 {
            let size = (self.table.len() * 2).max(16);
            let old = std::mem::replace(&mut self.table, vec![EMPTY; size]);
            for number in old.into_iter().filter(|&number| number != EMPTY) {
                let at = self.free_position(id_of(number));
                self.table[at] = number;
            }
        }
        let at = self.free_position(id);
        self.table[at] = number;
        self.len += 1;
    }

    /// Removes the slot whose id is `id`, returning it.
    pub fn remove<'s>(&mut self, id: &str, id_of: impl Fn(u32) -> &'s str) -> Option<u32> {
        let mask = self.table.len().wrapping_sub(1);
        let mut hole = self.position(id, &id_of)?;
        let number = self.table[hole];
        self.len -= 1;
        // Backward-shift deletion: move up every later entry of the run that may fill the hole.
        let mut at = hole;
        loop {
            at = (at + 1) & mask;
            let next = self.table[at];
            if next == EMPTY {
                break;
            }
            let home = hash(id_of(next)) & mask;
            // `next` may move to `hole` when its home is not cyclically in (hole, at].
            if (at.wrapping_sub(home) & mask) >= (at.wrapping_sub(hole) & mask) {
                self.table[hole] = next;
                hole = at;
            }
        }
        self.table[hole] = EMPTY;
        Some(number)
    }

    pub fn heap_bytes(&self) -> usize {
        self.table.capacity() * std::mem::size_of::<u32>()
    }

    /// The table of `numbers`, whose ids `id_of` reads, sized as inserting them one by one
    /// would have grown it; `Err` when two share an id. Compares full 64-bit hashes before
    /// ids, so probing stays in two flat arrays instead of chasing every neighbour's id.
    pub fn rebuild<'s>(
        numbers: impl ExactSizeIterator<Item = u32>,
        id_of: impl Fn(u32) -> &'s str,
    ) -> Result<Self, &'static str> {
        let len = numbers.len();
        if len == 0 {
            return Ok(IdTable::default());
        }
        let mut size = 16;
        while len * 8 > size * 7 {
            size *= 2;
        }
        let mask = size - 1;
        let mut table = vec![EMPTY; size];
        let mut hashes = vec![0u64; size];
        for number in numbers {
            let id = id_of(number);
            let full = full_hash(id);
            let mut at = fold(full) & mask;
            while table[at] != EMPTY {
                if hashes[at] == full && id_of(table[at]) == id {
                    return Err("two slots have the same id");
                }
                at = (at + 1) & mask;
            }
            table[at] = number;
            hashes[at] = full;
        }
        Ok(IdTable { table, len })
    }

    fn position<'s>(&self, id: &str, id_of: impl Fn(u32) -> &'s str) -> Option<usize> {
        if self.table.is_empty() {
            return None;
        }
        let mask = self.table.len() - 1;
        let mut at = hash(id) & mask;
        loop {
            match self.table[at] {
                EMPTY => return None,
                number if id_of(number) == id => return Some(at),
                _ => at = (at + 1) & mask,
            }
        }
    }

    fn free_position(&self, id: &str) -> usize {
        let mask = self.table.len() - 1;
        let mut at = hash(id) & mask;
        while self.table[at] != EMPTY {
            at = (at + 1) & mask;
        }
        at
    }
}

/// FNV-1a, 64 bits folded to the table's width.
fn hash(id: &str) -> usize {
    fold(full_hash(id))
}

/// FNV-1a, 64 bits.
fn full_hash(id: &str) -> u64 {
    id.bytes().fold(0xcbf2_9ce4_8422_2325u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A 64-bit hash folded to `usize`, high bits into the low ones the mask keeps.
fn fold(hash: u64) -> usize {
    (hash ^ hash >> 29) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slot_keeps_id_and_values() {
        let slot = Slot::new(
            "partner-1",
            [
                (SearchField::Name, " García \u{11}SL "),
                (SearchField::TaxId, ""),
                (SearchField::Custom, "x"),
            ]
            .into_iter(),
        );
        assert_eq!(slot.id(), "partner-1");
        let values: Vec<_> = slot.values().collect();
        assert_eq!(
            values,
            [
                (SearchField::Name, "García  SL"),
                (SearchField::Custom, "x")
            ]
        );
        let long = "é".repeat(40_000);
        let slot = Slot::new(&long, std::iter::once((SearchField::Notes, "n")));
        assert_eq!(slot.id(), long);
        assert_eq!(slot.values().count(), 1);
        assert_eq!(Slot::new("", std::iter::empty()).id(), "");
    }

    #[test]
    fn id_table_agrees_with_a_map() {
        let ids: Vec<String> = (0..3_000).map(|n| format!("id-{}", n * 7 % 1000)).collect();
        let mut table = IdTable::default();
        let mut map = std::collections::BTreeMap::new();
        let id_of = |number: u32| ids[number as usize].as_str();
        for (number, id) in ids.iter().enumerate() {
            let number = number as u32;
            if number % 3 == 2 {
                assert_eq!(table.remove(id, id_of), map.remove(id.as_str()));
            } else if !map.contains_key(id.as_str()) {
                table.insert(id, number, id_of);
                map.insert(id.as_str(), number);
            }
            assert_eq!(table.len(), map.len());
        }
        for n in 0..1000 {
            let id = format!("id-{n}");
            assert_eq!(table.get(&id, id_of), map.get(id.as_str()).copied(), "{id}");
        }
    }
}
