//! Why a hit matched: for each field value of a chosen hit, the byte ranges of the original
//! text that the query words matched. Only the few hits returned are highlighted, so this
//! re-reads their text instead of keeping positions in the index.
//!
//! The original text is folded character by character with [`fold`] so each folded letter
//! remembers which original bytes it came from; "García" highlights "Garc" for "garc", accent
//! included, and multibyte text yields ranges on character boundaries.

use crate::text::fold;

use super::fuzzy::prefix_distance;
use super::terms::{compact, phone_digits, Query, MAX_PHONE_SUFFIX, MIN_PHONE_SUFFIX};
use super::{FieldMatch, SearchField};

/// One word of the original text: its folded characters, and for each the end byte of the
/// original character it came from.
struct Token {
    start: usize,
    chars: Vec<char>,
    ends: Vec<usize>,
}

/// How one original character folds.
enum Piece {
    Letters(String),
    Separator,
    Dropped,
}

fn fold_piece(c: char) -> Piece {
    if c.is_ascii_alphanumeric() {
        return Piece::Letters(c.to_ascii_lowercase().to_string());
    }
    if c == '\'' || c == '`' {
        return Piece::Dropped;
    }
    if c.is_ascii() {
        return Piece::Separator;
    }
    // Between two letters, a separator folds to a space and a dropped mark to nothing; this
    // asks `fold` itself so the two can never disagree.
    let folded = fold(&format!("a{c}a"));
    match folded.as_str() {
        "a a" => Piece::Separator,
        "aa" => Piece::Dropped,
        _ => Piece::Letters(folded[1..folded.len() - 1].to_owned()),
    }
}

/// The tokens of `text` in order, each folded letter mapped back to its original bytes.
fn tokens(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut current: Option<Token> = None;
    for (start, c) in text.char_indices() {
        let end = start + c.len_utf8();
        match fold_piece(c) {
            Piece::Letters(letters) => {
                let token = current.get_or_insert_with(|| Token {
                    start,
                    chars: Vec::new(),
                    ends: Vec::new(),
                });
                for letter in letters.chars() {
                    token.chars.push(letter);
                    token.ends.push(end);
                }
            }
            Piece::Separator => tokens.extend(current.take()),
            Piece::Dropped => {}
        }
    }
    tokens.extend(current);
    tokens
}

/// The fields of a stored document that the query matched, with the ranges to highlight.
pub(super) fn field_matches<'a>(
    values: impl Iterator<Item = (SearchField, &'a str)>,
    query: &Query,
) -> Vec<FieldMatch> {
    let mut matches = Vec::new();
    for (field, value) in values {
        let mut ranges = match field {
            SearchField::TaxId | SearchField::PostalCode => identifier_ranges(value, query),
            SearchField::Phone => phone_ranges(value, query),
            _ => word_ranges(value, query),
        };
        if ranges.is_empty() {
            continue;
        }
        ranges.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
        for (start, end) in ranges {
            match merged.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ => merged.push((start, end)),
            }
        }
        matches.push(FieldMatch {
            field,
            text: value.to_owned(),
            ranges: merged,
        });
    }
    matches
}

fn word_ranges(value: &str, query: &Query) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    for token in tokens(value) {
        let longest = query
            .words
            .iter()
            .filter_map(|word| prefix_distance(&word.chars, &token.chars, word.max_typos))
            .map(|(_, length)| length)
            .max();
        if let Some(length) = longest.filter(|&length| length > 0) {
            ranges.push((token.start, token.ends[length - 1]));
        }
    }
    ranges
}

/// The query's words and joined form that can prefix an identifier: the joined form alone
/// when it matches, since "612 34" means one number, not "612" and "34" anywhere.
fn needles(query: &Query, matches: impl Fn(&str) -> bool) -> Vec<&str> {
    let whole = (query.joined.iter().chain(&query.bare))
        .map(String::as_str)
        .find(|whole| matches(whole));
    match whole {
        Some(whole) => vec![whole],
        None => query.words.iter().map(|word| word.text.as_str()).collect(),
    }
}

fn identifier_ranges(value: &str, query: &Query) -> Vec<(usize, usize)> {
    let canonical = compact(value);
    let longest = needles(query, |needle| canonical.starts_with(needle))
        .into_iter()
        .filter(|needle| canonical.starts_with(needle))
        .map(str::len)
        .max();
    let Some(length) = longest else {
        return Vec::new();
    };
    // Map the first `length` folded alphanumerics back onto the original.
    let mut seen = 0;
    let mut start = None;
    for token in tokens(value) {
        start.get_or_insert(token.start);
        for (index, c) in token.chars.iter().enumerate() {
            seen += c.len_utf8();
            if seen >= length {
                return vec![(start.unwrap_or(0), token.ends[index])];
            }
        }
    }
    Vec::new()
}

fn phone_ranges(value: &str, query: &Query) -> Vec<(usize, usize)> {
    let (digits, national) = phone_digits(value);
    // Byte offset in `value` of every digit counted by `phone_digits`: a leading "00" it
    // dropped is skipped here too.
    let mut positions: Vec<usize> = value
        .char_indices()
        .filter(|(_, c)| c.is_ascii_digit())
        .map(|(at, _)| at)
        .collect();
    let dropped = positions.len() - digits.len();
    positions.drain(..dropped);
    let is_number = |needle: &str| !needle.is_empty() && needle.bytes().all(|b| b.is_ascii_digit());
    // An ending is found as the index finds it: four digits or more, within the last nine.
    let ends = |needle: &str| {
        (MIN_PHONE_SUFFIX..=MAX_PHONE_SUFFIX.min(digits.len() - national)).contains(&needle.len())
            && digits.ends_with(needle)
    };
    let starts = |needle: &str| {
        is_number(needle)
            && ([0, national]
                .iter()
                .any(|&from| digits[from..].starts_with(needle))
                || ends(needle))
    };
    let mut ranges = Vec::new();
    for needle in needles(query, starts) {
        if !is_number(needle) {
            continue;
        }
        for from in [0, national] {
            if digits[from..].starts_with(needle) {
                let last = positions[from + needle.len() - 1];
                ranges.push((positions[from], last + 1));
            }
        }
        if ends(needle) {
            let first = positions[digits.len() - needle.len()];
            ranges.push((first, positions[digits.len() - 1] + 1));
        }
    }
    ranges
}
