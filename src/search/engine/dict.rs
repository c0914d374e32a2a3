//! The term dictionary: folded terms to their postings, sorted, in about 20 bytes a term.
//!
//! Most terms belong to one partner (tax ids, phones, invented names), so a `BTreeMap<Box<str>,
//! Vec<u32>>` spent ~75 bytes on each: a node share, a boxed key, a `Vec` header and a
//! four-posting allocation for one posting. Here instead:
//!
//! - **Sorted arena.** The terms are concatenated in order in one `String`, with their end
//!   offsets in a `Vec<u32>`: four bytes of overhead a term, binary-searched and range-scanned
//!   like the map (byte order, as `str`'s `Ord`).
//! - **Inline postings.** Each term has one `u32` head: its only posting when it has one (a
//!   posting is under 2^31), or, with the top bit set, the index of a `Vec<u32>` in `lists`.
//!   Either way the postings read as a `&[u32]`.
//! - **Pending buffer.** New terms go to a small sorted `BTreeMap` (same heads), merged into the
//!   arena once it holds a thirty-second of it (at least 256): an arena rebuild is `O(n)`, so an
//!   insert costs `O(log n)` plus amortised `O(1)` copying, and `upsert` stays incremental.
//!   Postings of terms already in the arena are edited in place; a term whose last posting goes
//!   is marked dead and dropped at the next merge. Scans merge the arena and the buffer in order.
//!
//! A front-coded block structure would halve the text again but makes every scan decode; the
//! plain arena keeps scans as fast as the map's (faster: one contiguous string).

use std::collections::BTreeMap;
use std::mem::size_of;
use std::ops::Bound;

/// Marks a head that indexes `lists`.
const LIST: u32 = 1 << 31;
/// The head of a term whose postings are all gone.
const DEAD: u32 = u32::MAX;
/// Fewest pending terms that trigger a merge.
const MIN_PENDING: usize = 256;

/// Sorted terms with their postings; see the module header.
#[derive(Debug, Clone, Default)]
pub(super) struct Dict {
    /// Arena terms, concatenated in order.
    text: String,
    /// End of each arena term in `text`.
    ends: Vec<u32>,
    /// Head of each arena term.
    heads: Vec<u32>,
    /// Arena terms marked `DEAD`.
    dead: usize,
    /// Terms not yet merged into the arena.
    pending: BTreeMap<Box<str>, u32>,
    /// Posting lists of terms with two postings or more, sorted.
    lists: Vec<Vec<u32>>,
    /// Unused indices of `lists`.
    free_lists: Vec<u32>,
}

impl Dict {
    /// Adds `posting` to `term`'s postings (kept sorted and distinct). Postings must be < 2^31.
    pub fn insert(&mut self, term: &str, posting: u32) {
        debug_assert!(posting < LIST);
        if let Ok(at) = self.find(term) {
            let mut head = self.heads[at];
            if head == DEAD {
                self.dead -= 1;
                self.heads[at] = posting;
            } else {
                Self::add(&mut self.lists, &mut self.free_lists, &mut head, posting);
                self.heads[at] = head;
            }
            return;
        }
        if let Some(head) = self.pending.get_mut(term) {
            Self::add(&mut self.lists, &mut self.free_lists, head, posting);
            return;
        }
        self.pending.insert(term.into(), posting);
        self.maybe_merge();
    }

    /// Removes `posting` from `term`'s postings, if there.
    pub fn remove(&mut self, term: &str, posting: u32) {
        if let Ok(at) = self.find(term) {
            let mut head = self.heads[at];
            if Self::take(&mut self.lists, &mut self.free_lists, &mut head, posting) {
                self.heads[at] = head;
                if head == DEAD {
                    self.dead += 1;
                    self.maybe_merge();
                }
            }
            return;
        }
        if let Some(head) = self.pending.get_mut(term) {
            if Self::take(&mut self.lists, &mut self.free_lists, head, posting) && *head == DEAD {
                self.pending.remove(term);
            }
        }
    }

    /// The postings of exactly `term`.
    pub fn get(&self, term: &str) -> Option<&[u32]> {
        let head = match self.find(term) {
            Ok(at) => &self.heads[at],
            Err(_) => self.pending.get(term)?,
        };
        self.postings(head)
    }

    /// Live terms in `[lower, upper)` (`upper` `None`: unbounded), in order, with postings.
    pub fn range<'a>(
        &'a self,
        lower: &str,
        upper: Option<&'a str>,
    ) -> impl Iterator<Item = (&'a str, &'a [u32])> + 'a {
        let start = self.find(lower).unwrap_or_else(|at| at);
        let upper_bound = match upper {
            Some(upper) => Bound::Excluded(upper),
            None => Bound::Unbounded,
        };
        let arena = (start..self.ends.len())
            .map(move |at| (self.term(at), &self.heads[at]))
            .take_while(move |(term, _)| upper.is_none_or(|upper| *term < upper))
            .filter_map(|(term, head)| Some((term, self.postings(head)?)));
        let empty = upper.is_some_and(|upper| lower >= upper);
        let pending = (!empty)
            .then(|| {
                self.pending
                    .range::<str, _>((Bound::Included(lower), upper_bound))
            })
            .into_iter()
            .flatten()
            .filter_map(|(term, head)| Some((&**term, self.postings(head)?)));
        Merge {
            a: arena.peekable(),
            b: pending.peekable(),
        }
    }

    /// Live terms starting with `prefix`, in order.
    pub fn prefixed<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = (&'a str, &'a [u32])> {
        self.range(prefix, None)
            .take_while(move |(term, _)| term.starts_with(prefix))
    }

    /// Approximate heap bytes: buffers' capacities, and a B-tree entry's share of its node for
    /// pending terms.
    pub fn heap_bytes(&self) -> usize {
        const NODE_SHARE: usize = 8;
        let pending: usize = self
            .pending
            .keys()
            .map(|term| size_of::<Box<str>>() + size_of::<u32>() + NODE_SHARE + term.len())
            .sum();
        let lists: usize = self
            .lists
            .iter()
            .map(|list| list.capacity() * size_of::<u32>())
            .sum();
        self.text.capacity()
            + (self.ends.capacity() + self.heads.capacity()) * size_of::<u32>()
            + pending
            + lists
            + self.lists.capacity() * size_of::<Vec<u32>>()
            + self.free_lists.capacity() * size_of::<u32>()
    }

    fn term(&self, at: usize) -> &str {
        let start = if at == 0 {
            0
        } else {
            self.ends[at - 1] as usize
        };
        &self.text[start..self.ends[at] as usize]
    }

    fn find(&self, term: &str) -> Result<usize, usize> {
        let (mut low, mut high) = (0, self.ends.len());
        while low < high {
            let middle = (low + high) / 2;
            match self.term(middle).cmp(term) {
                std::cmp::Ordering::Less => low = middle + 1,
                std::cmp::Ordering::Greater => high = middle,
                std::cmp::Ordering::Equal => return Ok(middle),
            }
        }
        Err(low)
    }

    fn postings<'a>(&'a self, head: &'a u32) -> Option<&'a [u32]> {
        match *head {
            DEAD => None,
            head if head & LIST != 0 => Some(&self.lists[(head & !LIST) as usize]),
            _ => Some(std::slice::from_ref(head)),
        }
    }

    /// Adds `posting` to a live head.
    fn add(lists: &mut Vec<Vec<u32>>, free: &mut Vec<u32>, head: &mut u32, posting: u32) {
        if *head & LIST == 0 {
            let only = *head;
            if only == posting {
                return;
            }
            let list = if only < posting {
                vec![only, posting]
            } else {
                vec![posting, only]
            };
            let index = match free.pop() {
                Some(index) => {
                    lists[index as usize] = list;
                    index
                }
                None => {
                    assert!(lists.len() < (LIST - 1) as usize, "too many posting lists");
                    lists.push(list);
                    (lists.len() - 1) as u32
                }
            };
            *head = LIST | index;
            return;
        }
        let postings = &mut lists[(*head & !LIST) as usize];
        // Grow by a quarter rather than double: long lists are most of the postings, and a
        // doubled one would be a quarter empty on average.
        if postings.len() == postings.capacity() {
            postings.reserve_exact(postings.len() / 4 + 1);
        }
        // New slots are the highest, so most inserts append.
        match postings.last() {
            Some(&last) if last > posting => {
                if let Err(at) = postings.binary_search(&posting) {
                    postings.insert(at, posting);
                }
            }
            Some(&last) if last == posting => {}
            _ => postings.push(posting),
        }
    }

    /// Removes `posting` from a head; true when it was there. The head becomes `DEAD` when it
    /// loses its last posting.
    fn take(lists: &mut [Vec<u32>], free: &mut Vec<u32>, head: &mut u32, posting: u32) -> bool {
        if *head == DEAD {
            return false;
        }
        if *head & LIST == 0 {
            if *head != posting {
                return false;
            }
            *head = DEAD;
            return true;
        }
        let index = *head & !LIST;
        let postings = &mut lists[index as usize];
        let Ok(at) = postings.binary_search(&posting) else {
            return false;
        };
        postings.remove(at);
        if postings.len() == 1 {
            *head = postings[0];
            lists[index as usize] = Vec::new();
            free.push(index);
        }
        true
    }

    /// Merges the pending terms into the arena, dropping dead ones, once they are worth it.
    fn maybe_merge(&mut self) {
        let threshold = (self.ends.len() / 32).max(MIN_PENDING);
        if self.pending.len() + self.dead < threshold {
            return;
        }
        let pending = std::mem::take(&mut self.pending);
        let live = self.ends.len() - self.dead + pending.len();
        let mut text =
            String::with_capacity(self.text.len() + pending.keys().map(|t| t.len()).sum::<usize>());
        let mut ends = Vec::with_capacity(live);
        let mut heads = Vec::with_capacity(live);
        let old = (0..self.ends.len())
            .map(|at| (self.term(at), self.heads[at]))
            .filter(|&(_, head)| head != DEAD);
        let new = pending.iter().map(|(term, &head)| (&**term, head));
        let mut merged = Merge {
            a: old.peekable(),
            b: new.peekable(),
        };
        for (term, head) in &mut merged {
            text.push_str(term);
            ends.push(u32::try_from(text.len()).expect("term arena under 4 GB"));
            heads.push(head);
        }
        self.text = text;
        self.ends = ends;
        self.heads = heads;
        self.dead = 0;
    }
}

/// A dictionary as flat arrays, for a snapshot (see `snapshot.rs`): pending terms folded into
/// the arena, dead terms dropped and posting lists numbered in term order, so a snapshot has
/// one canonical form and decoding can check it in one pass.
#[derive(Debug, Default)]
pub(super) struct DictParts {
    pub text: String,
    pub ends: Vec<u32>,
    /// Each term's only posting, or `LIST | n` for the `n`-th list, `n` counting up in term
    /// order.
    pub heads: Vec<u32>,
    /// End of each list in `postings`.
    pub list_ends: Vec<u32>,
    pub postings: Vec<u32>,
}

impl Dict {
    /// The live terms as flat arrays; see [`DictParts`].
    pub fn to_parts(&self) -> DictParts {
        let mut parts = DictParts {
            text: String::with_capacity(self.text.len()),
            ends: Vec::with_capacity(self.ends.len() + self.pending.len()),
            heads: Vec::with_capacity(self.ends.len() + self.pending.len()),
            ..DictParts::default()
        };
        for (term, postings) in self.range("", None) {
            parts.text.push_str(term);
            parts
                .ends
                .push(u32::try_from(parts.text.len()).expect("term arena under 4 GB"));
            match postings {
                [only] => parts.heads.push(*only),
                _ => {
                    parts.heads.push(LIST | parts.list_ends.len() as u32);
                    parts.postings.extend_from_slice(postings);
                    parts
                        .list_ends
                        .push(u32::try_from(parts.postings.len()).expect("postings under 4 G"));
                }
            }
        }
        parts
    }

    /// A dictionary from a snapshot's arrays, checking everything that lookups, scans and edits
    /// rely on: terms on character boundaries and strictly increasing (binary search), heads
    /// numbering their lists in order (so no two terms share one), lists of two postings or
    /// more, strictly increasing, and every posting accepted by `valid` (a live slot, a field
    /// of this dictionary). One pass over each array.
    pub fn from_parts(parts: DictParts, valid: impl Fn(u32) -> bool) -> Result<Dict, &'static str> {
        let DictParts {
            text,
            ends,
            heads,
            list_ends,
            postings,
        } = parts;
        if ends.len() != heads.len() {
            return Err("term offsets and heads differ in length");
        }
        let mut previous: Option<&str> = None;
        let mut start = 0;
        for &end in &ends {
            let end = end as usize;
            if end < start || end > text.len() || !text.is_char_boundary(end) {
                return Err("a term offset is out of range");
            }
            let term = &text[start..end];
            if previous.is_some_and(|previous| previous >= term) {
                return Err("terms are out of order");
            }
            previous = Some(term);
            start = end;
        }
        if start != text.len() {
            return Err("the term text has trailing bytes");
        }
        let mut next_list = 0u32;
        for &head in &heads {
            if head & LIST != 0 {
                if head != LIST | next_list {
                    return Err("a term's head does not name the next posting list");
                }
                next_list += 1;
            } else if !valid(head) {
                return Err("a posting names a missing slot or a wrong field");
            }
        }
        if next_list as usize != list_ends.len() {
            return Err("posting lists are not all used");
        }
        let mut lists = Vec::with_capacity(list_ends.len());
        let mut start = 0;
        for &end in &list_ends {
            let end = end as usize;
            if end > postings.len() || end < start + 2 {
                return Err("a posting list is out of range or too short");
            }
            let list = &postings[start..end];
            if !list.windows(2).all(|pair| pair[0] < pair[1]) {
                return Err("a posting list is out of order");
            }
            if !list.iter().all(|&posting| valid(posting)) {
                return Err("a posting names a missing slot or a wrong field");
            }
            lists.push(list.to_vec());
            start = end;
        }
        if start != postings.len() {
            return Err("postings have trailing entries");
        }
        Ok(Dict {
            text,
            ends,
            heads,
            dead: 0,
            pending: BTreeMap::new(),
            lists,
            free_lists: Vec::new(),
        })
    }
}

/// Two sorted streams of distinct terms, merged in order (the two never share a term).
struct Merge<A: Iterator, B: Iterator> {
    a: std::iter::Peekable<A>,
    b: std::iter::Peekable<B>,
}

impl<'a, T, A, B> Iterator for Merge<A, B>
where
    A: Iterator<Item = (&'a str, T)>,
    B: Iterator<Item = (&'a str, T)>,
{
    type Item = (&'a str, T);

    fn next(&mut self) -> Option<Self::Item> {
        match (self.a.peek(), self.b.peek()) {
            (Some((a, _)), Some((b, _))) if b < a => self.b.next(),
            (Some(_), _) => self.a.next(),
            (None, _) => self.b.next(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_a_map_through_merges_and_removals() {
        let mut dict = Dict::default();
        let mut map: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        let mut state = 12345u32;
        let mut next = || {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            state >> 8
        };
        for round in 0..6_000 {
            let term = format!("t{}", next() % 700);
            let posting = next() % 5;
            if round % 3 == 2 {
                dict.remove(&term, posting);
                if let Some(list) = map.get_mut(&term) {
                    list.retain(|&p| p != posting);
                    if list.is_empty() {
                        map.remove(&term);
                    }
                }
            } else {
                dict.insert(&term, posting);
                let list = map.entry(term).or_default();
                if let Err(at) = list.binary_search(&posting) {
                    list.insert(at, posting);
                }
            }
            if round % 500 == 0 || round == 5_999 {
                let all: Vec<(String, Vec<u32>)> = dict
                    .range("", None)
                    .map(|(term, postings)| (term.to_owned(), postings.to_vec()))
                    .collect();
                let expected: Vec<(String, Vec<u32>)> = map.clone().into_iter().collect();
                assert_eq!(all, expected, "round {round}");
                let prefixed: Vec<&str> = dict.prefixed("t1").map(|(term, _)| term).collect();
                let expected: Vec<&str> = map
                    .keys()
                    .filter(|term| term.starts_with("t1"))
                    .map(String::as_str)
                    .collect();
                assert_eq!(prefixed, expected);
                let bounded = dict.range("t2", Some("t3")).count();
                assert_eq!(
                    bounded,
                    map.range::<str, _>((Bound::Included("t2"), Bound::Excluded("t3")))
                        .count()
                );
                for (term, postings) in &map {
                    assert_eq!(dict.get(term), Some(postings.as_slice()));
                }
                assert_eq!(dict.get("t"), None);
            }
        }
        assert!(!dict.ends.is_empty(), "the test exercises merges");
    }
}
