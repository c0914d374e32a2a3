//! Likely duplicates of a partner while it is being entered, so the form can say "this looks
//! like Construcciones García (same tax id)" before a second record of one company exists.
//!
//! Two kinds of evidence. Strong: the same tax id, email or phone; each is close to proof on its
//! own. Weak: a similar name, which counts only above [`NAME_THRESHOLD`] and only when both
//! partners are in the same country, because "Iberia Supplies" in Spain and in Portugal are
//! usually two companies; when a country is unknown the name still counts, scored lower. The
//! reasons of one candidate combine like independent pieces of evidence (a noisy-or), so two
//! strong reasons rank above one and a name match adds to a phone match.

use crate::model::PartnerProfile;
use crate::text::name_key;

/// Name similarity from which a name alone makes a partner a likely duplicate. Chosen with the
/// tables in `tests/dedupe.rs`: one typo in a long name, word order, accents, case and legal
/// forms score 0.9 or more; different companies sharing a word ("Construcciones García" and
/// "Construcciones López", "Transportes Martín" and "Transportes Martínez") score below 0.8.
pub const NAME_THRESHOLD: f64 = 0.88;

/// How much a name match counts when either partner's country is unknown.
pub const UNKNOWN_COUNTRY_FACTOR: f64 = 0.9;

/// Weight of each strong reason on its own. A tax id identifies a legal person; an email or a
/// phone can be shared by companies of one group or one accountant, so they weigh a bit less.
const TAX_ID_WEIGHT: f64 = 0.99;
const EMAIL_WEIGHT: f64 = 0.98;
const PHONE_WEIGHT: f64 = 0.97;

/// Tax numbers shorter than this count as unfilled: no real one is, and placeholders such as
/// "-", "0" or "n/a" must not make every partner without a tax id a duplicate of every other.
const MIN_TAX_NUMBER_LEN: usize = 4;

/// Phones with fewer digits than this are extensions or typing in progress, not numbers.
const MIN_PHONE_DIGITS: usize = 7;

/// How many trailing digits two phones must share: nine covers the subscriber number of most
/// European plans, so "+34 600 111 222", "0034 600111222" and "600 111 222" agree.
const PHONE_SUFFIX_DIGITS: usize = 9;

/// Words that join or introduce names and say nothing about which company it is; dropped before
/// comparing names, so "Smith & Jones" matches "Smith and Jones" and "Construcciones de García"
/// matches "Construcciones García".
const CONNECTORS: &[&str] = &[
    "and", "und", "y", "e", "i", "et", "the", "of", "de", "del", "der", "la", "el", "le", "les",
    "di", "da", "do", "dos", "das", "van", "von",
];

/// One existing partner that looks like the one being entered.
#[derive(Debug, Clone, PartialEq)]
pub struct DuplicateCandidate {
    /// Document id of the existing partner.
    pub id: String,
    pub legal_name: String,
    pub reasons: Vec<DuplicateReason>,
    /// Confidence in 0..=1; candidates are sorted by it.
    pub score: f64,
}

/// Why a partner looks like a duplicate.
#[derive(Debug, Clone, PartialEq)]
pub enum DuplicateReason {
    SameTaxId,
    /// The shared email, lower case.
    SameEmail(String),
    /// The shared phone as typed on the partner being entered.
    SamePhone(String),
    /// The best similarity between the two partners' legal and trade names, in 0..=1.
    SimilarName {
        score: f64,
    },
}

impl DuplicateReason {
    /// A short phrase for the form: "same tax id", "same email ana@x.es",
    /// "same phone +34 600 111 222", "similar name (87 %)".
    pub fn describe(&self) -> String {
        match self {
            DuplicateReason::SameTaxId => "same tax id".into(),
            DuplicateReason::SameEmail(email) => format!("same email {email}"),
            DuplicateReason::SamePhone(phone) => format!("same phone {phone}"),
            DuplicateReason::SimilarName { .. } => {
                format!("similar name ({} %)", self.percent())
            }
        }
    }

    /// How similar the names are, in whole percent rounded down, so only identical names read
    /// "100 %"; 100 for the other reasons.
    pub fn percent(&self) -> u32 {
        match self {
            DuplicateReason::SimilarName { score } => (score * 100.0 + 1e-9).floor() as u32,
            _ => 100,
        }
    }

    fn weight(&self) -> f64 {
        match self {
            DuplicateReason::SameTaxId => TAX_ID_WEIGHT,
            DuplicateReason::SameEmail(_) => EMAIL_WEIGHT,
            DuplicateReason::SamePhone(_) => PHONE_WEIGHT,
            DuplicateReason::SimilarName { score } => *score,
        }
    }
}

/// The existing partners that look like `candidate`, best first, at most `limit`.
///
/// `candidate` is the profile being entered, possibly partial: only its filled fields are
/// compared. `existing` are (document id, profile) of the registry; `exclude` is the id of the
/// partner being edited, which is never its own duplicate.
pub fn find_duplicates<'a>(
    candidate: &PartnerProfile,
    existing: impl IntoIterator<Item = (&'a str, &'a PartnerProfile)>,
    exclude: Option<&str>,
    limit: usize,
) -> Vec<DuplicateCandidate> {
    // The candidate's side of every comparison is prepared once, not once per partner.
    let mine = Prepared::new(candidate);
    let mut found: Vec<DuplicateCandidate> = existing
        .into_iter()
        .filter(|(id, _)| Some(*id) != exclude)
        .filter_map(|(id, profile)| {
            let reasons = mine.reasons(&Prepared::new(profile));
            if reasons.is_empty() {
                return None;
            }
            let unlikely: f64 = reasons.iter().map(|reason| 1.0 - reason.weight()).product();
            Some(DuplicateCandidate {
                id: id.to_owned(),
                legal_name: profile.legal_name.clone(),
                score: (1.0 - unlikely).clamp(0.0, 1.0),
                reasons,
            })
        })
        .collect();
    // Ties by id, so the order does not depend on the order of the registry.
    found.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
    found.truncate(limit);
    found
}

/// How alike two company names are, in 0..=1, compared on their [`name_key`]s: accents, case,
/// punctuation and legal forms do not count ("Construcciones García S.L." and "CONSTRUCCIONES
/// GARCIA SL" score 1.0), word order counts a little ("García Construcciones" about 0.95), a
/// typo in a long word a little more, a different word a lot.
pub fn name_similarity(a: &str, b: &str) -> f64 {
    key_similarity(&NameKey::new(a), &NameKey::new(b))
}

/// A name prepared for comparison: its key's significant words.
struct NameKey {
    words: Vec<String>,
}

impl NameKey {
    fn new(name: &str) -> Self {
        let key = name_key(name);
        let all: Vec<&str> = key.split(' ').filter(|word| !word.is_empty()).collect();
        let significant: Vec<&str> = all
            .iter()
            .copied()
            .filter(|word| !CONNECTORS.contains(word))
            .collect();
        // A name made only of connectors ("De La") is still a name.
        let words = if significant.is_empty() {
            all
        } else {
            significant
        };
        Self {
            words: words.into_iter().map(str::to_owned).collect(),
        }
    }

    fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Mostly a soft word overlap, which ignores word order and tolerates typos inside words but
/// not different words; plus a fifth of Jaro-Winkler over the whole names, which rewards the
/// same order. Jaro-Winkler alone would not do: its weight on a shared prefix makes
/// "construcciones garcia" and "construcciones lopez" look alike.
fn key_similarity(a: &NameKey, b: &NameKey) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    // Equal up to spaces: "Construcciones García" typed as "ConstruccionesGarcia".
    if a.words.concat() == b.words.concat() {
        return 1.0;
    }
    let overlap = (word_overlap(&a.words, &b.words) + word_overlap(&b.words, &a.words)) / 2.0;
    let whole = strsim::jaro_winkler(&a.words.join(" "), &b.words.join(" "));
    0.8 * overlap + 0.2 * whole
}

/// How well the words of `from` are found in `to`, each word weighted by its length so that a
/// long distinctive word counts more than a short one.
fn word_overlap(from: &[String], to: &[String]) -> f64 {
    let mut total = 0.0;
    let mut found = 0.0;
    for word in from {
        let weight = word.chars().count() as f64;
        let best = to
            .iter()
            .map(|other| word_similarity(word, other))
            .fold(0.0, f64::max);
        total += weight;
        found += weight * best;
    }
    if total == 0.0 {
        0.0
    } else {
        found / total
    }
}

/// Two words are the same word with a typo when they are at most one edit apart (two for words
/// of nine letters or more, a swap of neighbours counting as one edit); short words and words
/// with digits must match exactly, as "Hotel 2000" and "Hotel 2001" are different hotels.
fn word_similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    if a.chars().chain(b.chars()).any(|c| c.is_numeric()) {
        return 0.0;
    }
    let longest = a.chars().count().max(b.chars().count());
    let allowed = match longest {
        0..=3 => 0,
        4..=8 => 1,
        _ => 2,
    };
    let distance = strsim::osa_distance(a, b);
    if distance > allowed {
        0.0
    } else {
        1.0 - distance as f64 / longest as f64
    }
}

/// One profile's fields in the form they are compared in.
struct Prepared {
    country: String,
    tax: Option<(String, String)>,
    emails: Vec<String>,
    /// (digits, as typed)
    phones: Vec<(String, String)>,
    names: Vec<NameKey>,
}

impl Prepared {
    fn new(profile: &PartnerProfile) -> Self {
        let tax_country = profile.tax_id.country.trim().to_ascii_uppercase();
        let tax_number = normalize_tax_number(&profile.tax_id.number);
        let country = if tax_country.is_empty() {
            profile
                .addresses
                .iter()
                .map(|address| address.country.trim().to_ascii_uppercase())
                .find(|country| !country.is_empty())
                .unwrap_or_default()
        } else {
            tax_country.clone()
        };
        let mut emails: Vec<String> = profile
            .emails
            .iter()
            .chain(profile.contacts.iter().map(|contact| &contact.email))
            .map(|email| email.trim().to_lowercase())
            .filter(|email| !email.is_empty())
            .collect();
        emails.sort();
        emails.dedup();
        let mut phones: Vec<(String, String)> = profile
            .phones
            .iter()
            .chain(profile.contacts.iter().map(|contact| &contact.phone))
            .map(|phone| {
                let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
                (digits, phone.trim().to_owned())
            })
            .filter(|(digits, _)| digits.len() >= MIN_PHONE_DIGITS)
            .collect();
        phones.sort();
        phones.dedup_by(|a, b| a.0 == b.0);
        let names = [&profile.legal_name, &profile.trade_name]
            .into_iter()
            .map(|name| NameKey::new(name))
            .filter(|key| !key.is_empty())
            .collect();
        Self {
            country,
            tax: (tax_number.len() >= MIN_TAX_NUMBER_LEN).then_some((tax_country, tax_number)),
            emails,
            phones,
            names,
        }
    }

    /// Why `other` looks like this profile, strong reasons first.
    fn reasons(&self, other: &Prepared) -> Vec<DuplicateReason> {
        let mut reasons = Vec::new();
        if let (Some(mine), Some(theirs)) = (&self.tax, &other.tax) {
            if same_tax_id(mine, theirs) {
                reasons.push(DuplicateReason::SameTaxId);
            }
        }
        for email in &self.emails {
            if other.emails.contains(email) {
                reasons.push(DuplicateReason::SameEmail(email.clone()));
            }
        }
        for (digits, typed) in &self.phones {
            if other
                .phones
                .iter()
                .any(|(their_digits, _)| same_phone(digits, their_digits))
            {
                reasons.push(DuplicateReason::SamePhone(typed.clone()));
            }
        }
        let countries_known = !self.country.is_empty() && !other.country.is_empty();
        if !countries_known || self.country == other.country {
            let best = self
                .names
                .iter()
                .flat_map(|mine| {
                    other
                        .names
                        .iter()
                        .map(|theirs| key_similarity(mine, theirs))
                })
                .fold(0.0, f64::max);
            if best >= NAME_THRESHOLD {
                let score = if countries_known {
                    best
                } else {
                    best * UNKNOWN_COUNTRY_FACTOR
                };
                reasons.push(DuplicateReason::SimilarName { score });
            }
        }
        reasons
    }
}

/// Letters and digits only, upper case: "b-12.345.678" and "B12345678" agree.
fn normalize_tax_number(number: &str) -> String {
    number
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Same country (when both are filled) and same number, where a number may carry its country as
/// a VAT prefix ("ESB12345678" is "B12345678" in Spain; Greece's VAT prefix is "EL").
fn same_tax_id(
    (country_a, number_a): &(String, String),
    (country_b, number_b): &(String, String),
) -> bool {
    if !country_a.is_empty() && !country_b.is_empty() && country_a != country_b {
        return false;
    }
    let country = if country_a.is_empty() {
        country_b
    } else {
        country_a
    };
    let prefix = if country == "GR" {
        "EL"
    } else {
        country.as_str()
    };
    strip_vat_prefix(number_a, prefix) == strip_vat_prefix(number_b, prefix)
}

fn strip_vat_prefix<'a>(number: &'a str, prefix: &str) -> &'a str {
    match number.strip_prefix(prefix) {
        Some(rest) if !prefix.is_empty() && rest.len() >= MIN_TAX_NUMBER_LEN => rest,
        _ => number,
    }
}

/// The same number when the last digits agree: the last nine when both have that many, so
/// country prefixes ("+34", "0034") and a trunk "0" do not matter, else all of the shorter.
fn same_phone(a: &str, b: &str) -> bool {
    let shared = a.len().min(b.len()).min(PHONE_SUFFIX_DIGITS);
    a[a.len() - shared..] == b[b.len() - shared..]
}
