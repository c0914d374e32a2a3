//! What gets indexed and what gets searched: the terms of one field value, and a typed query
//! split into words with their typo budgets.
//!
//! Names go through [`name_key`] so legal forms ("S.L.", "GmbH") never reach the index; other
//! text goes through [`fold`] (case and accents). Identifiers are indexed as one canonical term
//! each, because a rep types them with whatever separators the paper had: tax ids and postal
//! codes as their folded alphanumerics ("B-1234.5678" → "b12345678"), phones as digits only.

use crate::text::{fold, name_key};

use super::SearchField;

/// Longest query word considered, in characters: edit distances are kept in `u8`, and nobody
/// types 64 letters into a search box on a phone.
const MAX_WORD_CHARS: usize = 64;

/// At most this many query words count; a `u8` per slot counts the words it matched.
const MAX_WORDS: usize = 16;

/// Appends the index terms of one field value to `out`.
pub(super) fn field_terms(field: SearchField, value: &str, out: &mut Vec<(String, SearchField)>) {
    match field {
        SearchField::Name | SearchField::TradeName => words(&name_key(value), field, out),
        SearchField::TaxId | SearchField::PostalCode => {
            let compact = compact(value);
            if !compact.is_empty() {
                out.push((compact, field));
            }
        }
        SearchField::Phone => {
            let (digits, national) = phone_digits(value);
            if national > 0 && national < digits.len() {
                out.push((digits[national..].to_owned(), field));
            }
            let tail = &digits[national..];
            if tail.len() >= MIN_PHONE_SUFFIX {
                out.push((
                    suffix_term(&tail[tail.len().saturating_sub(MAX_PHONE_SUFFIX)..]),
                    field,
                ));
            }
            if !digits.is_empty() {
                out.push((digits, field));
            }
        }
        _ => words(&fold(value), field, out),
    }
}

fn words(folded: &str, field: SearchField, out: &mut Vec<(String, SearchField)>) {
    out.extend(
        folded
            .split(' ')
            .filter(|word| !word.is_empty())
            .map(|word| (word.to_owned(), field)),
    );
}

/// Fewest trailing digits of a phone searched as its end ("…88 34"), and most kept for it.
pub(super) const MIN_PHONE_SUFFIX: usize = 4;
pub(super) const MAX_PHONE_SUFFIX: usize = 9;

/// Marks a reversed phone ending in the identifier map; `fold` never yields it, so no typed
/// word and no other identifier can start with it.
const SUFFIX_MARK: char = '~';

/// The identifier term of a phone's last digits, or the lookup prefix of a typed ending:
/// reversed, so that an ending becomes a prefix ("588834" → "~438885"). A third term a phone
/// (about 11 bytes in the arena plus 8 of offsets and head), instead of nine for every suffix.
pub(super) fn suffix_term(digits: &str) -> String {
    std::iter::once(SUFFIX_MARK)
        .chain(digits.chars().rev())
        .collect()
}

/// Whether an identifier term is a reversed phone ending (see [`suffix_term`]).
pub(super) fn is_suffix_term(term: &str) -> bool {
    term.starts_with(SUFFIX_MARK)
}

/// The folded alphanumerics of an identifier, separators removed.
pub(super) fn compact(value: &str) -> String {
    fold(value).replace(' ', "")
}

/// Digits of a phone, and where its national number starts among them (0 when the number has
/// no calling code). A phone gets two terms: the full number (calling code included, a leading
/// "00" dropped) and the national number. A rep types either "612 34…" or "+34 612…", from
/// the start of one of them, so both are indexed as prefixes; infix fragments ("…45 67") would
/// need every suffix indexed, about nine terms a phone instead of two.
pub(super) fn phone_digits(value: &str) -> (String, usize) {
    let plus = value.trim_start().starts_with('+');
    let mut digits: String = value.chars().filter(char::is_ascii_digit).collect();
    let international = plus || digits.starts_with("00");
    if !plus && international {
        digits.drain(..2);
    }
    let national = if international {
        calling_code_len(&digits)
    } else {
        0
    };
    (digits, national)
}

/// Length of the ITU calling code at the start of `digits`. Calling codes are a prefix code:
/// 1 and 7 are the only one-digit codes, the two-digit ones are listed, every other is three
/// digits. Thirty bytes of table instead of a numbering-plan library.
fn calling_code_len(digits: &str) -> usize {
    const TWO_DIGITS: &[&str] = &[
        "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46",
        "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63",
        "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98",
    ];
    let length = match digits.as_bytes().first() {
        Some(b'1' | b'7') => 1,
        _ if TWO_DIGITS.iter().any(|code| digits.starts_with(code)) => 2,
        _ => 3,
    };
    length.min(digits.len())
}

/// One word of a query.
#[derive(Debug, Clone)]
pub(super) struct QueryWord {
    pub text: String,
    pub chars: Vec<char>,
    /// Edits tolerated: none for 1–3 letters (three letters with a typo match half the
    /// dictionary), 1 for 4–7, 2 for 8 or more; none in words with digits, because a tax id or
    /// phone one digit off is another partner's.
    pub max_typos: u8,
    /// A legal form typed after the name ("garcia sl"): names are indexed without legal forms,
    /// so such a word only adds to the score when something matches it.
    pub optional: bool,
}

/// A parsed query: its words, and for queries that mix digits and several words, the words
/// joined ("b 1234", "612 34 56" → "b1234", "6123456"), searched as one identifier prefix.
/// An identifier typed after its country code ("ES B-1234", "esb1234", "PL 511…") is also
/// searched without it, as `bare`: tax ids are indexed without the code; so is a phone typed
/// with its trunk "0" ("0150 228"), as national numbers are indexed without it.
#[derive(Debug, Clone, Default)]
pub(super) struct Query {
    pub words: Vec<QueryWord>,
    pub joined: Option<String>,
    pub bare: Option<String>,
}

pub(super) fn max_typos(chars: &[char]) -> u8 {
    if chars.iter().any(char::is_ascii_digit) {
        return 0;
    }
    match chars.len() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

pub(super) fn parse_query(query: &str) -> Query {
    let folded = fold(query);
    let mut words: Vec<QueryWord> = folded
        .split(' ')
        .filter(|word| !word.is_empty())
        .take(MAX_WORDS)
        .map(|word| {
            let chars: Vec<char> = word.chars().take(MAX_WORD_CHARS).collect();
            QueryWord {
                text: chars.iter().collect(),
                max_typos: max_typos(&chars),
                chars,
                optional: false,
            }
        })
        .collect();
    mark_legal_forms(&mut words);
    if words.iter().all(|word| word.optional) {
        // "sl" alone, or "sa" while typing "sanchez": then the words are what is searched.
        words.iter_mut().for_each(|word| word.optional = false);
    }
    let joined = (words.len() > 1 && folded.chars().any(|c| c.is_ascii_digit())).then(|| {
        let joined: String = words.iter().map(|word| word.text.as_str()).collect();
        // "0034 612…" dials out of the country: the number is indexed without the "00".
        let first = &words[0].text;
        let dial_out = first.len() >= 4
            && first.starts_with("00")
            && joined.bytes().all(|b| b.is_ascii_digit());
        if dial_out {
            joined[2..].to_owned()
        } else {
            joined
        }
    });
    let single = match words.as_slice() {
        [word] => Some(word.text.as_str()),
        _ => None,
    };
    let whole = joined.as_deref().or(single);
    let bare = whole
        .and_then(|whole| strip_country(whole).or_else(|| strip_trunk(whole)))
        .map(str::to_owned);
    Query {
        words,
        joined,
        bare,
    }
}

/// A phone without its trunk prefix ("0150228" → "150228"), digits only and not dialling out.
fn strip_trunk(number: &str) -> Option<&str> {
    let national = number.strip_prefix('0')?;
    let looks_like_phone = national.len() >= 3
        && !national.starts_with('0')
        && national.bytes().all(|b| b.is_ascii_digit());
    looks_like_phone.then_some(national)
}

/// An identifier without a leading two-letter country code ("esb1234" → "b1234", "el0945"
/// → "0945"): only when the rest looks like an identifier, at least three characters with a
/// digit among them and only ASCII letters and digits, so "garcia" or "ab12" stay whole.
fn strip_country(identifier: &str) -> Option<&str> {
    let bytes = identifier.as_bytes();
    let rest = identifier.get(2..)?;
    let looks_like_id = bytes[..2].iter().all(u8::is_ascii_alphabetic)
        && rest.len() >= 3
        && rest.bytes().all(|b| b.is_ascii_alphanumeric())
        && rest.bytes().any(|b| b.is_ascii_digit());
    looks_like_id.then_some(rest)
}

/// Most words of a legal form as typed ("S. de R.L. de C.V." is seven).
const MAX_FORM_WORDS: usize = 8;

/// Marks the words that are legal forms, asking [`name_key`] itself so the list of forms stays
/// in one place: a form is what it strips after a name. Every run of consecutive words is
/// tested, so forms of several words ("S. Coop.", "Sp. z o.o.", "GmbH & Co. KG") are found
/// whole; as `name_key` joins initials, a run never starts or ends inside a run of single
/// letters ("s l" is tested as "sl", never "s" alone).
fn mark_legal_forms(words: &mut [QueryWord]) {
    let is_form = |words: &[QueryWord]| {
        let text: Vec<&str> = words.iter().map(|word| word.text.as_str()).collect();
        name_key(&format!("zz {}", text.join(" "))) == "zz"
    };
    let single = |word: &QueryWord| word.chars.len() == 1;
    // A run may start or end at `at` unless `at` splits two single letters.
    let edge = |words: &[QueryWord], at: usize| {
        at == 0 || at == words.len() || !(single(&words[at - 1]) && single(&words[at]))
    };
    let mut optional = vec![false; words.len()];
    for start in (0..words.len()).filter(|&at| edge(words, at)) {
        let last = words.len().min(start + MAX_FORM_WORDS);
        for end in (start + 1..=last).filter(|&at| edge(words, at)) {
            if is_form(&words[start..end]) {
                optional[start..end]
                    .iter_mut()
                    .for_each(|flag| *flag = true);
            }
        }
    }
    for (word, flag) in words.iter_mut().zip(optional) {
        word.optional = flag;
    }
}
