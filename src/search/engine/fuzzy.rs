//! Typo-tolerant prefix matching: the edit distance between a query word and the closest
//! *prefix* of a term (optimal string alignment: insertions, deletions, substitutions and
//! swaps of two neighbours, the usual thumb slips), and a walk of the sorted term dictionary
//! that shares one distance row per common prefix, like a trie, and skips every term under a
//! prefix as soon as no continuation can come within the budget.
//!
//! Hand-written rather than `strsim::osa_distance` because the walk needs the rows themselves
//! (to reuse them across terms and to prune on their minimum) and the distance to the best
//! prefix, which no string-similarity crate offers; a Levenshtein-automaton crate (`fst`,
//! `levenshtein_automata`) would need an immutable FST rebuilt on every edit.
//!
//! Typos in the first letter are not searched: it is the letter people get right, and fixing
//! it cuts the walk to one branch of the dictionary.

use super::dict::Dict;

/// Distance rows of a query word against successive characters of a term, one row per depth.
struct Rows<'q> {
    query: &'q [char],
    width: usize,
    /// Row `d` (depth `d` term characters) at `d * width`.
    cells: Vec<u8>,
    /// The term characters of the current path, `path[d]` leading to row `d + 1`.
    path: Vec<char>,
    /// `best[d]`: least last-column value over rows `0..=d`, the distance from the whole query
    /// to the best prefix of the path so far.
    best: Vec<u8>,
}

impl<'q> Rows<'q> {
    fn new(query: &'q [char]) -> Self {
        let width = query.len() + 1;
        Rows {
            query,
            width,
            cells: (0..width).map(|j| j.min(255) as u8).collect(),
            path: Vec::new(),
            best: vec![query.len().min(255) as u8],
        }
    }

    fn depth(&self) -> usize {
        self.path.len()
    }

    fn truncate(&mut self, depth: usize) {
        self.path.truncate(depth);
        self.cells.truncate((depth + 1) * self.width);
        self.best.truncate(depth + 1);
    }

    /// Appends the row for one more term character; returns the row's minimum.
    fn push(&mut self, c: char) -> u8 {
        let width = self.width;
        let depth = self.depth();
        let start = depth * width;
        self.cells.resize(start + 2 * width, 0);
        let (before, new) = self.cells.split_at_mut(start + width);
        let prev = &before[start..];
        let prev2 = (depth >= 1).then(|| &before[start - width..start]);
        let last_char = self.path.last().copied();
        new[0] = (depth + 1).min(255) as u8;
        let mut least = new[0];
        for j in 1..width {
            let cost = u8::from(self.query[j - 1] != c);
            let mut value = (prev[j].saturating_add(1))
                .min(new[j - 1].saturating_add(1))
                .min(prev[j - 1].saturating_add(cost));
            if let (Some(prev2), Some(last)) = (prev2, last_char) {
                if j >= 2 && c == self.query[j - 2] && last == self.query[j - 1] {
                    value = value.min(prev2[j - 2].saturating_add(1));
                }
            }
            new[j] = value;
            least = least.min(value);
        }
        let last_column = new[width - 1];
        self.best.push(self.best[depth].min(last_column));
        self.path.push(c);
        least
    }

    fn best(&self) -> u8 {
        self.best[self.depth()]
    }
}

/// The distance from `query` to the closest prefix of `term`, and that prefix's length in
/// characters (the longest among equally close ones), or `None` when it is over `max` or,
/// with a typo, the first letters differ (see the module header).
pub(super) fn prefix_distance(query: &[char], term: &[char], max: u8) -> Option<(u8, usize)> {
    if query.is_empty() || term.first() != query.first() {
        return None;
    }
    let mut rows = Rows::new(query);
    let mut found: Option<(u8, usize)> = None;
    for (index, &c) in term.iter().enumerate() {
        let least = rows.push(c);
        let last = rows.cells[rows.cells.len() - 1];
        if last <= max && found.is_none_or(|(distance, _)| last <= distance) {
            found = Some((last, index + 1));
        }
        if least > max {
            break;
        }
    }
    found
}

/// Calls `visit(term, postings, distance)` for every term of `dict` whose closest prefix is
/// within `max` edits of `query` and that starts with the query's first letter, in term order.
pub(super) fn walk(dict: &Dict, query: &[char], max: u8, mut visit: impl FnMut(&str, &[u32], u8)) {
    let Some(&first) = query.first() else {
        return;
    };
    let upper = successor(&first.to_string());
    let mut rows = Rows::new(query);
    let mut term_chars: Vec<char> = Vec::new();
    let mut lower = first.to_string();
    'seek: loop {
        let mut terms = dict.range(&lower, upper.as_deref()).peekable();
        while let Some((term, value)) = terms.next() {
            term_chars.clear();
            term_chars.extend(term.chars());
            let common = rows
                .path
                .iter()
                .zip(&term_chars)
                .take_while(|(a, b)| a == b)
                .count();
            rows.truncate(common);
            let mut pruned = false;
            for &c in &term_chars[common..] {
                if rows.push(c) > max {
                    pruned = true;
                    break;
                }
            }
            let distance = rows.best();
            if distance <= max {
                visit(term, value, distance);
            }
            if !pruned {
                continue;
            }
            // No continuation of this path comes closer: every term under it is at `distance`.
            let prefix: String = rows.path.iter().collect();
            if distance <= max {
                while let Some((next, value)) = terms.next_if(|(next, _)| next.starts_with(&prefix))
                {
                    visit(next, value, distance);
                }
            } else {
                match successor(&prefix) {
                    Some(next) => {
                        lower = next;
                        continue 'seek;
                    }
                    None => break 'seek,
                }
            }
        }
        break;
    }
}

/// The least string greater than every string starting with `prefix`, if any.
fn successor(prefix: &str) -> Option<String> {
    let mut chars: Vec<char> = prefix.chars().collect();
    while let Some(last) = chars.pop() {
        let mut code = last as u32 + 1;
        if (0xD800..0xE000).contains(&code) {
            code = 0xE000;
        }
        if let Some(next) = char::from_u32(code) {
            chars.push(next);
            return Some(chars.into_iter().collect());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(text: &str) -> Vec<char> {
        text.chars().collect()
    }

    #[test]
    fn prefix_distance_finds_the_closest_prefix() {
        assert_eq!(
            prefix_distance(&chars("gar"), &chars("garcia"), 0),
            Some((0, 3))
        );
        assert_eq!(
            prefix_distance(&chars("garsia"), &chars("garcia"), 1),
            Some((1, 6))
        );
        assert_eq!(
            prefix_distance(&chars("gracia"), &chars("garcia"), 1),
            Some((1, 6))
        );
        assert_eq!(
            prefix_distance(&chars("garcai"), &chars("garcias"), 1),
            Some((1, 6))
        );
        assert_eq!(
            prefix_distance(&chars("construcion"), &chars("construcciones"), 2),
            Some((1, 12))
        );
        assert_eq!(prefix_distance(&chars("harcia"), &chars("garcia"), 2), None);
        assert_eq!(prefix_distance(&chars("gxxxia"), &chars("garcia"), 2), None);
    }

    #[test]
    fn walk_agrees_with_prefix_distance() {
        let words = [
            "garcia", "garcias", "gardenia", "garza", "gracia", "gar", "ga", "g", "gxrcia",
            "garcía", "h", "hola", "garciaz", "gzzzzz", "gb",
        ];
        let mut dict = Dict::default();
        for word in words {
            dict.insert(word, 0);
        }
        let mut sorted = words.to_vec();
        sorted.sort_unstable();
        for query in ["garcia", "garsia", "gar", "gracia", "garcai", "gardenai"] {
            let query = chars(query);
            for max in 0..=2 {
                let mut walked = Vec::new();
                walk(&dict, &query, max, |term, _, distance| {
                    walked.push((term.to_owned(), distance))
                });
                let expected: Vec<(String, u8)> = sorted
                    .iter()
                    .filter_map(|term| {
                        prefix_distance(&query, &chars(term), max)
                            .map(|(distance, _)| (term.to_string(), distance))
                    })
                    .collect();
                assert_eq!(walked, expected, "{query:?} within {max}");
            }
        }
    }

    #[test]
    fn successor_skips_a_subtree() {
        assert_eq!(successor("gaz").as_deref(), Some("ga{"));
        assert_eq!(successor(""), None);
    }
}
