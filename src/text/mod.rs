//! Text folding shared by duplicate detection now and by search later: [`fold`] turns what a
//! user typed into a lower-case, accent-free, punctuation-free form, and [`name_key`] also drops
//! the legal form ("S.L.", "GmbH", "Ltd", …) so that two spellings of one company compare equal.
//!
//! The accent mapping is a hand-written table of the Latin ranges our users type (Latin-1
//! Supplement, Latin Extended-A, Latin Extended Additional and a few Latin Extended-B letters),
//! about 450 bytes in the wasm bundle. `unicode-normalization` or `deunicode` would do it
//! generally, but their tables cost tens to hundreds of kilobytes of wasm for scripts whose
//! letters we leave alone anyway: other scripts are only lower-cased, never transliterated.

pub mod labels;
pub mod locale;

/// Base letters of U+00C0..=U+00FF. `*` marks a letter that folds to two letters (see
/// [`expand`]), a space marks a symbol (× and ÷) that separates words.
const LATIN_1: &[u8; 64] = b"aaaaaa*ceeeeiiiidnooooo ouuuuy**aaaaaa*ceeeeiiiidnooooo ouuuuy*y";

/// Base letters of U+0100..=U+017F (Latin Extended-A: Central European, Baltic, Turkish,
/// Maltese, Welsh, …); `*` marks ĳ and œ.
const LATIN_EXTENDED_A: &[u8; 128] = b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkkllllllllllnnnnnnnnnoooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// Base letters of U+1E00..=U+1EFF (Latin Extended Additional: Vietnamese, and letters with dots
/// below used in transliterations); `*` marks ẞ and ỻ.
const LATIN_EXTENDED_ADDITIONAL: &[u8; 256] = b"aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwyasss*daaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy**vvyy";

/// Punctuation and symbol blocks outside Latin, as inclusive code point ranges; a character in
/// them that is not a letter or digit separates words. Everything else outside Latin is kept,
/// because combining vowel signs and viramas of Indic or Thai text are not alphanumeric either
/// and must not split a word.
const SEPARATOR_RANGES: &[(u32, u32)] = &[
    (0x037E, 0x037E),   // Greek question mark
    (0x0387, 0x0387),   // Greek ano teleia
    (0x055A, 0x055F),   // Armenian punctuation
    (0x0589, 0x058A),   // Armenian full stop and hyphen
    (0x05BE, 0x05BE),   // Hebrew maqaf
    (0x05C0, 0x05C0),   // Hebrew paseq
    (0x05C3, 0x05C3),   // Hebrew sof pasuq
    (0x05F3, 0x05F4),   // Hebrew geresh and gershayim
    (0x060C, 0x060D),   // Arabic commas
    (0x061B, 0x061F),   // Arabic semicolon, question mark
    (0x066A, 0x066D),   // Arabic percent, separators, star
    (0x06D4, 0x06D4),   // Arabic full stop
    (0x0964, 0x0965),   // Devanagari danda
    (0x0E4F, 0x0E4F),   // Thai fongman
    (0x0E5A, 0x0E5B),   // Thai angkhankhu, khomut
    (0x2000, 0x2BFF),   // general punctuation, currency, arrows, maths, box drawing, dingbats
    (0x2E00, 0x2E7F),   // supplemental punctuation
    (0x3000, 0x303F),   // CJK symbols and punctuation
    (0xFE10, 0xFE1F),   // vertical forms
    (0xFE30, 0xFE6F),   // CJK compatibility and small forms
    (0xFF5F, 0xFF65),   // half-width CJK punctuation
    (0x1F000, 0x1FAFF), // emoji and pictographs
];

/// What one lower-case character becomes.
enum Folded {
    Keep(char),
    Two(&'static str),
    /// Separates words, like a space.
    Space,
    /// Vanishes without separating: apostrophes, combining accents, zero-width characters.
    Drop,
}

/// Lower case, accents removed, punctuation turned into single spaces, no leading or trailing
/// space. "Construcciones García, S.L." becomes "construcciones garcia s l". Other scripts are
/// only lower-cased: "ΑΘΗΝΑ Ltd" becomes "αθηνα ltd".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space_pending = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let mut buffer = [0; 4];
        let piece = match fold_char(c) {
            Folded::Keep(letter) => &*letter.encode_utf8(&mut buffer),
            Folded::Two(letters) => letters,
            Folded::Space => {
                space_pending = true;
                continue;
            }
            Folded::Drop => continue,
        };
        if space_pending && !out.is_empty() {
            out.push(' ');
        }
        space_pending = false;
        out.push_str(piece);
    }
    out
}

/// Folds one character that is already lower case.
fn fold_char(c: char) -> Folded {
    let code = c as u32;
    match code {
        0..=0x7F if c.is_ascii_alphanumeric() => Folded::Keep(c),
        // People drop apostrophes when they type a name ("McDonalds", "LOreal"), so an
        // apostrophe joins instead of separating.
        0x27 | 0x60 => Folded::Drop,
        0..=0x9F => Folded::Space,
        // Ordinal indicators ("1ª") and superscript digits are letters and digits in disguise.
        0xAA => Folded::Keep('a'),
        0xBA => Folded::Keep('o'),
        0xB2 => Folded::Keep('2'),
        0xB3 => Folded::Keep('3'),
        0xB9 => Folded::Keep('1'),
        // The acute accent typed alone as an apostrophe, and the Catalan middle dot of "l·l",
        // which sits inside a word.
        0xB4 | 0xB7 => Folded::Drop,
        0xA0..=0xBF => Folded::Space,
        0xC0..=0xFF => from_table(LATIN_1[(code - 0xC0) as usize], c),
        0x100..=0x17F => from_table(LATIN_EXTENDED_A[(code - 0x100) as usize], c),
        // The Latin Extended-B letters in everyday use: Vietnamese ơ ư, Romanian ș ț.
        0x1A0 | 0x1A1 => Folded::Keep('o'),
        0x1AF | 0x1B0 => Folded::Keep('u'),
        0x218 | 0x219 => Folded::Keep('s'),
        0x21A | 0x21B => Folded::Keep('t'),
        // Spacing modifier letters (ʼ ʻ ˆ ˜) are typed as apostrophes or loose accents, and
        // combining marks are the accents of decomposed text, e.g. pasted from macOS.
        0x2B0..=0x36F => Folded::Drop,
        // Final sigma folds like sigma, so "ΟΔΟΣ" and "οδος" agree.
        0x3C2 => Folded::Keep('σ'),
        0x1E00..=0x1EFF => from_table(LATIN_EXTENDED_ADDITIONAL[(code - 0x1E00) as usize], c),
        // Typographic apostrophes and primes, as for the ASCII apostrophe above.
        0x2018 | 0x2019 | 0x201B | 0x2032 => Folded::Drop,
        // Zero-width spaces and joiners, direction marks, variation selectors, byte order mark.
        0x200B..=0x200F | 0x2060..=0x2064 | 0xFE00..=0xFE0F | 0xFEFF => Folded::Drop,
        // Ligatures of text copied out of PDFs.
        0xFB00 => Folded::Two("ff"),
        0xFB01 => Folded::Two("fi"),
        0xFB02 => Folded::Two("fl"),
        0xFB03 => Folded::Two("ffi"),
        0xFB04 => Folded::Two("ffl"),
        0xFB05 | 0xFB06 => Folded::Two("st"),
        // Full-width ASCII, typed with East Asian input methods.
        0xFF01..=0xFF5E => match char::from_u32(code - 0xFEE0) {
            Some(ascii) => fold_char(ascii.to_ascii_lowercase()),
            None => Folded::Space,
        },
        _ if c.is_whitespace() || c.is_control() => Folded::Space,
        _ if !c.is_alphanumeric()
            && SEPARATOR_RANGES
                .iter()
                .any(|&(first, last)| (first..=last).contains(&code)) =>
        {
            Folded::Space
        }
        _ => Folded::Keep(c),
    }
}

fn from_table(byte: u8, c: char) -> Folded {
    match byte {
        b' ' => Folded::Space,
        b'*' => expand(c),
        letter => Folded::Keep(char::from(letter)),
    }
}

/// The letters that fold to two letters.
fn expand(c: char) -> Folded {
    match c {
        'æ' | 'Æ' => Folded::Two("ae"),
        'þ' | 'Þ' => Folded::Two("th"),
        'ß' | 'ẞ' => Folded::Two("ss"),
        'ĳ' | 'Ĳ' => Folded::Two("ij"),
        'œ' | 'Œ' => Folded::Two("oe"),
        'ỻ' | 'Ỻ' => Folded::Two("ll"),
        _ => Folded::Space,
    }
}

/// Legal forms, folded and with initials joined (see [`name_key`]), removed from the end of a
/// name. Several can follow each other ("Oy … Ab", "GmbH & Co. KG", "Unipessoal Lda"), so they
/// are removed repeatedly. One line per region, forms separated by `|`.
const SUFFIX_FORMS: &[&str] = &[
    // Spain
    "sl|slu|sll|slne|sa|sau|s coop|scoop|sc|cb|y cia|cia",
    // Germany, Austria, Switzerland
    "gmbh|gmbh co kg|kg|ag|ek|ug|ug haftungsbeschrankt|sagl",
    // English
    "ltd|limited|plc|llp|llc|inc|incorporated|corp|corporation|co|and co|company",
    // France, Belgium, Italy
    "sarl|sas|eurl|snc|srl|spa|cie|et cie",
    // Netherlands, Nordics, Baltics
    "bv|nv|vof|oy|oyj|ab|as|asa|aps|ou|sia|uab",
    // Central and Eastern Europe
    "sp zoo|sro|spol sro|kft|zrt|doo",
    // Portugal, Americas
    "lda|unipessoal|eirl|ltda|eireli|me|s de rl|sa de cv|s de rl de cv",
];

/// Legal forms that are also written before the name ("SIA Baltic", "AB Volvo", "Oy Fazer").
const PREFIX_FORMS: &[&str] = &["ab|as|oy|ou|sia|uab"];

/// The name reduced to what identifies the company: folded, initials joined ("S. L." and
/// "I.B.M." become "sl" and "ibm"), legal forms dropped from both ends. "Construcciones García,
/// S.L." and "CONSTRUCCIONES GARCIA SL" both become "construcciones garcia". A name that is only
/// a legal form keeps it rather than becoming empty.
pub fn name_key(name: &str) -> String {
    split_legal_form(name).0
}

/// The name key (see [`name_key`]) and the legal forms it dropped, folded and joined without
/// spaces in the order written ("Frutas Fernández, S.L.U." → ("frutas fernandez", "slu");
/// "GmbH & Co. KG" → "gmbhcokg"): what tells "… S.L." from "… S.A." when both share a key.
pub fn split_legal_form(name: &str) -> (String, String) {
    let folded = fold(name);
    let mut words = join_initials(folded.split(' ').filter(|word| !word.is_empty()));
    let mut suffix: Vec<String> = Vec::new();
    while let Some(length) = longest_form(&words, SUFFIX_FORMS, true) {
        let dropped = words.split_off(words.len() - length);
        suffix.splice(0..0, dropped);
    }
    let mut prefix: Vec<String> = Vec::new();
    while let Some(length) = longest_form(&words, PREFIX_FORMS, false) {
        prefix.extend(words.drain(..length));
    }
    (words.join(" "), prefix.into_iter().chain(suffix).collect())
}

/// Runs of one-character words become one word: "s a u" → "sau", "a b c logistica" →
/// "abc logistica", so dotted and undotted abbreviations compare equal.
fn join_initials<'a>(words: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut joined: Vec<String> = Vec::new();
    let mut in_run = false;
    for word in words {
        let single = word.chars().nth(1).is_none();
        match joined.last_mut() {
            Some(last) if single && in_run => last.push_str(word),
            _ => joined.push(word.to_owned()),
        }
        in_run = single;
    }
    joined
}

/// The word count of the longest form that ends (or starts) `words`, leaving at least one word.
fn longest_form(words: &[String], forms: &[&str], at_end: bool) -> Option<usize> {
    forms
        .iter()
        .flat_map(|line| line.split('|'))
        .filter_map(|form| {
            let count = form.split(' ').count();
            if count >= words.len() {
                return None;
            }
            let edge = if at_end {
                &words[words.len() - count..]
            } else {
                &words[..count]
            };
            edge.iter()
                .zip(form.split(' '))
                .all(|(word, form_word)| word == form_word)
                .then_some(count)
        })
        .max()
}
