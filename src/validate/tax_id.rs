//! Tax identification numbers: normalise what a user typed and check it against the published
//! rules of its country (format, embedded dates, check digits), as a pure function.
//!
//! [`check_tax_id`] takes the ISO 3166 alpha-2 country and the raw text, and returns either the
//! canonical form to store or a [`TaxIdError`] whose `Display` is a sentence for the user naming
//! the identifier and what is wrong with it. The algorithms follow the ones python-stdnum
//! documents (re-implemented here, not copied), with the stricter official rules where the brief
//! asks for them (the Spanish CIF control character).
//!
//! Normalisation is the same everywhere: spaces, dots, hyphens (and the dashes phones substitute
//! for them) and slashes are dropped, letters are upper-cased, and a leading country prefix such
//! as `ES`, `EL` (Greek VAT) or `GB` is removed. The canonical form is the national number without
//! separators and without that prefix; the per-country files document the exceptions (Swiss
//! numbers keep `CHE`, Austrian ones keep `U`, Dutch ones are padded to nine digits).
//!
//! Files: `spain` (NIF, NIE, CIF), `eu` (the VAT numbers of the other 26 member states),
//! `europe` (United Kingdom, Switzerland, Norway), `americas` (US, MX, AR, BR, CL, CO).

mod americas;
mod eu;
mod europe;
mod spain;

use std::fmt;

/// Why a tax id was refused. `Display` gives the sentence to show next to the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaxIdError {
    /// Nothing but separators was typed.
    Empty,
    /// We have no rule for this country (the upper-cased code as given): the caller may accept the
    /// number as typed.
    UnknownCountry(String),
    /// The shape is wrong (length, letters where digits belong, …). `expected` is a whole sentence
    /// describing the right shape with an example, e.g. "a Spanish CIF has a letter, 7 digits and
    /// a control character, e.g. B12345674".
    Format { expected: String },
    /// The shape is right but the check digit (or letter) does not match the rest of the number.
    /// `kind` names it, e.g. "NIF check letter"; `expected` is the character(s) the rest of the
    /// number calls for, when there is exactly one answer.
    CheckDigit {
        kind: &'static str,
        expected: Option<String>,
    },
    /// The shape is right but a part of the number cannot exist (an impossible birth date, an
    /// unassigned prefix, …). `kind` names the identifier, `reason` says which part is wrong.
    Invalid { kind: &'static str, reason: String },
}

impl fmt::Display for TaxIdError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TaxIdError::Empty => formatter.write_str("the tax id is empty"),
            TaxIdError::UnknownCountry(country) if country.is_empty() => {
                formatter.write_str("choose the country that issued the tax id")
            }
            TaxIdError::UnknownCountry(country) => {
                write!(
                    formatter,
                    "there is no tax id rule for the country {country}"
                )
            }
            TaxIdError::Format { expected } => formatter.write_str(expected),
            TaxIdError::CheckDigit { kind, expected } => {
                // Kinds are nouns like "CPF check digits": the verb follows the number.
                let verb = if kind.ends_with('s') { "are" } else { "is" };
                write!(formatter, "the {kind} {verb} wrong")?;
                if let Some(expected) = expected {
                    write!(formatter, " (expected {expected})")?;
                }
                Ok(())
            }
            TaxIdError::Invalid { kind, reason } => {
                write!(formatter, "this is not a valid {kind}: {reason}")
            }
        }
    }
}

impl std::error::Error for TaxIdError {}

impl TaxIdError {
    /// The Fluent message (`locales/*/validate.ftl`) that says what `Display` says, and its
    /// arguments. Check digits and impossible parts are keyed by their structure, with the
    /// identifier's name translated through an `@validate-tax-name-*` argument (see
    /// [`FieldError`](super::FieldError)); every country's shape description has its own
    /// message (`validate-tax-format-*`, found by the description's start), and one without
    /// travels as the English argument `expected`.
    pub fn key_args(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            TaxIdError::Empty => ("validate-tax-id-empty", Vec::new()),
            TaxIdError::UnknownCountry(country) if country.is_empty() => {
                ("validate-tax-id-no-country", Vec::new())
            }
            TaxIdError::UnknownCountry(country) => (
                "validate-tax-id-unknown-country",
                vec![("country", country.clone())],
            ),
            TaxIdError::Format { expected } => match format_key(expected) {
                Some(key) => (key, Vec::new()),
                None => (
                    "validate-tax-id-format",
                    vec![("expected", expected.clone())],
                ),
            },
            TaxIdError::CheckDigit { kind, expected } => {
                let (name, part) = split_kind(kind);
                let mut args = vec![("part", part.to_owned()), ("name", name_arg(name))];
                let key = match expected.as_deref().map(|text| text.split_once(" or ")) {
                    None => "validate-tax-id-check",
                    Some(None) => {
                        args.extend(expected.clone().map(|text| ("expected", text)));
                        "validate-tax-id-check-expected"
                    }
                    Some(Some((first, second))) => {
                        args.push(("expected", first.to_owned()));
                        args.push(("alternative", second.to_owned()));
                        "validate-tax-id-check-either"
                    }
                };
                (key, args)
            }
            TaxIdError::Invalid { kind, reason } => invalid_key_args(kind, reason),
        }
    }

    /// The error as a [`Problem`](super::Problem): `Display`'s sentence and [`Self::key_args`].
    pub fn problem(&self) -> super::Problem {
        let (key, args) = self.key_args();
        super::Problem::new(key, args, self.to_string())
    }
}

/// The Fluent message of a shape description, by the description's start: a description is a
/// constant of its country's rule, and `tests/validate_messages.rs` renders each one.
fn format_key(expected: &str) -> Option<&'static str> {
    const KEYS: &[(&str, &str)] = &[
        ("a Spanish NIF (DNI) ", "validate-tax-format-es-dni"),
        ("a Spanish NIE ", "validate-tax-format-es-nie"),
        (
            "a Spanish NIF for persons without DNI ",
            "validate-tax-format-es-klm",
        ),
        ("a Spanish CIF ", "validate-tax-format-es-cif"),
        ("a Spanish tax id is ", "validate-tax-format-es"),
        ("a US EIN ", "validate-tax-format-us"),
        ("a Mexican RFC ", "validate-tax-format-mx"),
        ("an Argentine CUIT ", "validate-tax-format-ar"),
        ("a Brazilian CNPJ ", "validate-tax-format-br"),
        ("a Chilean RUT ", "validate-tax-format-cl"),
        ("a Colombian NIT ", "validate-tax-format-co"),
        ("an Austrian VAT number ", "validate-tax-format-at"),
        ("a Belgian VAT number ", "validate-tax-format-be"),
        ("a Bulgarian VAT number ", "validate-tax-format-bg"),
        ("a Cypriot VAT number ", "validate-tax-format-cy"),
        ("a Czech VAT number ", "validate-tax-format-cz"),
        ("a German VAT number ", "validate-tax-format-de"),
        ("a Danish VAT number ", "validate-tax-format-dk"),
        ("an Estonian VAT number ", "validate-tax-format-ee"),
        ("a Greek VAT number ", "validate-tax-format-gr"),
        ("a Finnish VAT number ", "validate-tax-format-fi"),
        ("a French VAT number ", "validate-tax-format-fr"),
        ("a Croatian VAT number ", "validate-tax-format-hr"),
        ("a Hungarian VAT number ", "validate-tax-format-hu"),
        ("an Irish VAT number ", "validate-tax-format-ie"),
        ("an Italian VAT number ", "validate-tax-format-it"),
        ("a Lithuanian VAT number ", "validate-tax-format-lt"),
        ("a Luxembourg VAT number ", "validate-tax-format-lu"),
        ("a Latvian VAT number ", "validate-tax-format-lv"),
        ("a Maltese VAT number ", "validate-tax-format-mt"),
        ("a Dutch VAT number ", "validate-tax-format-nl"),
        ("a Polish VAT number ", "validate-tax-format-pl"),
        ("a Portuguese VAT number ", "validate-tax-format-pt"),
        ("a Romanian VAT number ", "validate-tax-format-ro"),
        ("a Swedish VAT number ", "validate-tax-format-se"),
        ("a Slovenian VAT number ", "validate-tax-format-si"),
        ("a Slovak VAT number ", "validate-tax-format-sk"),
        ("a UK VAT number ", "validate-tax-format-gb"),
        ("a Swiss UID ", "validate-tax-format-ch"),
        ("a Norwegian organisation number ", "validate-tax-format-no"),
    ];
    KEYS.iter()
        .find(|(start, _)| expected.starts_with(start))
        .map(|&(_, key)| key)
}

/// A check digit's kind as the identifier's name and which part is wrong, e.g. "German VAT
/// check digit" -> ("German VAT", "digit").
fn split_kind(kind: &str) -> (&str, &'static str) {
    const PARTS: &[(&str, &str)] = &[
        (" check digit (the first digit)", "first-digit"),
        (" check digits", "digits"),
        (" check digit", "digit"),
        (" check letter", "letter"),
        (" control character", "control"),
        (" key", "key"),
    ];
    PARTS
        .iter()
        .find_map(|&(suffix, part)| Some((kind.strip_suffix(suffix)?, part)))
        .unwrap_or((kind, "digit"))
}

/// An identifier's name as an argument: `@` and its Fluent message when the name has words to
/// translate ("German VAT"), the name itself when it is an acronym ("NIF").
fn name_arg(name: &str) -> String {
    const NAMES: &[(&str, &str)] = &[
        ("Austrian VAT", "validate-tax-name-at"),
        ("Belgian VAT", "validate-tax-name-be"),
        ("Bulgarian VAT", "validate-tax-name-bg"),
        ("Cypriot VAT", "validate-tax-name-cy"),
        ("Czech VAT", "validate-tax-name-cz"),
        ("Czech birth number", "validate-tax-name-cz-birth"),
        ("German VAT", "validate-tax-name-de"),
        ("Danish VAT", "validate-tax-name-dk"),
        ("Estonian VAT", "validate-tax-name-ee"),
        ("Greek VAT", "validate-tax-name-gr"),
        ("Finnish VAT", "validate-tax-name-fi"),
        ("French VAT", "validate-tax-name-fr"),
        ("Croatian VAT (OIB)", "validate-tax-name-hr"),
        ("Hungarian VAT", "validate-tax-name-hu"),
        ("Irish VAT", "validate-tax-name-ie"),
        ("Italian VAT", "validate-tax-name-it"),
        ("Lithuanian VAT", "validate-tax-name-lt"),
        ("Luxembourg VAT", "validate-tax-name-lu"),
        ("Latvian VAT", "validate-tax-name-lv"),
        ("Maltese VAT", "validate-tax-name-mt"),
        ("Dutch VAT", "validate-tax-name-nl"),
        ("Polish VAT", "validate-tax-name-pl"),
        ("Portuguese VAT", "validate-tax-name-pt"),
        ("Romanian VAT (CUI)", "validate-tax-name-ro"),
        ("Romanian CNP", "validate-tax-name-ro-cnp"),
        ("Swedish VAT", "validate-tax-name-se"),
        ("Slovenian VAT", "validate-tax-name-si"),
        ("Slovak VAT", "validate-tax-name-sk"),
        ("Slovak birth number", "validate-tax-name-sk-birth"),
        ("UK VAT", "validate-tax-name-gb"),
        ("Swiss UID", "validate-tax-name-ch"),
        ("Norwegian organisation number", "validate-tax-name-no"),
    ];
    match NAMES.iter().find(|(english, _)| *english == name) {
        Some((_, key)) => format!("@{key}"),
        None => name.to_owned(),
    }
}

/// The Fluent message of an impossible part: one whole sentence per identifier and reason, with
/// the variable part of the reason as its argument; `validate-tax-id-invalid` with both in
/// English for a reason without one.
fn invalid_key_args(kind: &str, reason: &str) -> (&'static str, Vec<(&'static str, String)>) {
    const FIXED: &[(&str, &str, &str)] = &[
        (
            "Mexican RFC",
            "the date in it does not exist",
            "validate-tax-invalid-mx-date",
        ),
        (
            "Mexican RFC",
            "the homoclave (last 3 characters) cannot exist",
            "validate-tax-invalid-mx-homoclave",
        ),
        (
            "Brazilian CNPJ",
            "all its digits are the same",
            "validate-tax-invalid-br-cnpj-same",
        ),
        (
            "Brazilian CPF",
            "all its digits are the same",
            "validate-tax-invalid-br-cpf-same",
        ),
        (
            "Cypriot VAT number",
            "no number starts with 12",
            "validate-tax-invalid-cy-12",
        ),
        (
            "Czech VAT number",
            "no 8-digit number starts with 9",
            "validate-tax-invalid-cz-9",
        ),
        (
            "Czech birth number",
            "9-digit numbers were only issued until 1953",
            "validate-tax-invalid-cz-birth-1953",
        ),
        (
            "Slovak birth number",
            "9-digit numbers were only issued until 1953",
            "validate-tax-invalid-sk-birth-1953",
        ),
        (
            "Czech birth number",
            "the birth date in it does not exist",
            "validate-tax-invalid-cz-birth-date",
        ),
        (
            "Slovak birth number",
            "the birth date in it does not exist",
            "validate-tax-invalid-sk-birth-date",
        ),
        (
            "Latvian personal code",
            "the birth date in it does not exist",
            "validate-tax-invalid-lv-date",
        ),
        (
            "Romanian personal code (CNP)",
            "the birth date in it does not exist",
            "validate-tax-invalid-ro-date",
        ),
        (
            "Romanian personal code (CNP)",
            "it cannot start with 0",
            "validate-tax-invalid-ro-zero",
        ),
        (
            "Italian VAT number",
            "the company number in it is all zeros",
            "validate-tax-invalid-it-zeros",
        ),
        (
            "UK VAT number",
            "GD numbers go from 000 to 499 and HA numbers from 500 to 999",
            "validate-tax-invalid-gb-gd-ha",
        ),
    ];
    // Reasons with a variable part: identifier, the text around the part, the message and the
    // part's argument.
    const VARIABLE: &[(&str, &str, &str, &str, &str)] = &[
        (
            "US EIN",
            "the IRS does not assign the prefix ",
            "",
            "validate-tax-invalid-us-prefix",
            "prefix",
        ),
        (
            "Mexican RFC",
            "the SAT never issues an RFC starting with ",
            "",
            "validate-tax-invalid-mx-start",
            "start",
        ),
        (
            "Argentine CUIT",
            "",
            " is not a CUIT type",
            "validate-tax-invalid-ar-type",
            "type",
        ),
        (
            "Italian VAT number",
            "",
            " is not an office code",
            "validate-tax-invalid-it-office",
            "office",
        ),
    ];
    if let Some(&(_, _, key)) = FIXED
        .iter()
        .find(|&&(name, text, _)| name == kind && text == reason)
    {
        return (key, Vec::new());
    }
    for &(name, before, after, key, arg) in VARIABLE {
        let part = reason
            .strip_prefix(before)
            .and_then(|rest| rest.strip_suffix(after));
        if let (true, Some(part)) = (name == kind, part) {
            return (key, vec![(arg, part.to_owned())]);
        }
    }
    (
        "validate-tax-id-invalid",
        vec![("name", kind.to_owned()), ("reason", reason.to_owned())],
    )
}

/// Normalises and checks a tax id for `country` (ISO 3166 alpha-2, any case; `EL`, the prefix
/// Greek VAT numbers use, is accepted for Greece). Ok is the canonical form to store; Err says
/// what is wrong in a sentence for the user.
pub fn check_tax_id(country: &str, raw: &str) -> Result<String, TaxIdError> {
    checked(country, raw).map(|valid| valid.canonical)
}

/// Which kind of identifier a number is (e.g. "NIF", "NIE", "CIF", "VAT", "EIN", "RFC", "CUIT",
/// "CNPJ", "CPF", "RUT", "NIT", "UTR", "UID", "Orgnr"), for display next to the canonical form.
/// `None` when the country has no rule or the number does not pass its check.
pub fn tax_id_kind(country: &str, canonical: &str) -> Option<&'static str> {
    checked(country, canonical).ok().map(|valid| valid.kind)
}

/// Every country [`check_tax_id`] has a rule for, as upper-case ISO 3166 alpha-2 codes in
/// alphabetical order (Greece is `GR`).
pub fn supported_countries() -> &'static [&'static str] {
    &[
        "AR", "AT", "BE", "BG", "BR", "CH", "CL", "CO", "CY", "CZ", "DE", "DK", "EE", "ES", "FI",
        "FR", "GB", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "MX", "NL", "NO", "PL",
        "PT", "RO", "SE", "SI", "SK", "US",
    ]
}

/// A number that passed its country's rule.
struct Valid {
    canonical: String,
    kind: &'static str,
}

impl Valid {
    fn new(canonical: impl Into<String>, kind: &'static str) -> Self {
        Valid {
            canonical: canonical.into(),
            kind,
        }
    }
}

/// One country's rule: takes the compacted number (separators gone, upper case, country prefix
/// possibly still there) and returns the canonical form and its kind.
type Rule = fn(&str) -> Result<Valid, TaxIdError>;

fn checked(country: &str, raw: &str) -> Result<Valid, TaxIdError> {
    let country = country.trim().to_uppercase();
    let number = compact(raw);
    if number.is_empty() {
        return Err(TaxIdError::Empty);
    }
    let rule = rule_for(&country).ok_or(TaxIdError::UnknownCountry(country))?;
    rule(&number)
}

fn rule_for(country: &str) -> Option<Rule> {
    let rule: Rule = match country {
        "ES" => spain::check,
        "AT" => eu::austria,
        "BE" => eu::belgium,
        "BG" => eu::bulgaria,
        "CY" => eu::cyprus,
        "CZ" => eu::czechia,
        "DE" => eu::germany,
        "DK" => eu::denmark,
        "EE" => eu::estonia,
        "GR" | "EL" => eu::greece,
        "FI" => eu::finland,
        "FR" => eu::france,
        "HR" => eu::croatia,
        "HU" => eu::hungary,
        "IE" => eu::ireland,
        "IT" => eu::italy,
        "LT" => eu::lithuania,
        "LU" => eu::luxembourg,
        "LV" => eu::latvia,
        "MT" => eu::malta,
        "NL" => eu::netherlands,
        "PL" => eu::poland,
        "PT" => eu::portugal,
        "RO" => eu::romania,
        "SE" => eu::sweden,
        "SI" => eu::slovenia,
        "SK" => eu::slovakia,
        "GB" => europe::united_kingdom,
        "CH" => europe::switzerland,
        "NO" => europe::norway,
        "US" => americas::united_states,
        "MX" => americas::mexico,
        "AR" => americas::argentina,
        "BR" => americas::brazil,
        "CL" => americas::chile,
        "CO" => americas::colombia,
        _ => return None,
    };
    Some(rule)
}

/// Drops the separators people type or paste (whitespace, dots, hyphens and the dashes phones
/// autocorrect them into, slashes) and upper-cases the rest. Other punctuation stays, so a stray
/// comma is reported as a format error instead of silently disappearing.
fn compact(raw: &str) -> String {
    raw.chars()
        .filter(|c| {
            !(c.is_whitespace()
                || matches!(c, '.' | '-' | '/' | '\u{2010}'..='\u{2015}' | '\u{2212}'))
        })
        .flat_map(char::to_uppercase)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Helpers shared by the country rules.

fn format_error(expected: &str) -> TaxIdError {
    TaxIdError::Format {
        expected: expected.to_owned(),
    }
}

fn check_error(kind: &'static str, expected: impl Into<String>) -> TaxIdError {
    TaxIdError::CheckDigit {
        kind,
        expected: Some(expected.into()),
    }
}

fn invalid(kind: &'static str, reason: impl Into<String>) -> TaxIdError {
    TaxIdError::Invalid {
        kind,
        reason: reason.into(),
    }
}

/// Removes the first of `prefixes` the number starts with, as long as something is left.
fn without_prefix<'a>(number: &'a str, prefixes: &[&str]) -> &'a str {
    prefixes
        .iter()
        .find_map(|prefix| number.strip_prefix(prefix).filter(|rest| !rest.is_empty()))
        .unwrap_or(number)
}

fn all_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|byte| byte.is_ascii_digit())
}

/// The digit values of an all-digit string (callers check [`all_digits`] first).
fn digits(text: &str) -> Vec<u32> {
    text.bytes().map(|byte| u32::from(byte - b'0')).collect()
}

fn digit_char(value: u32) -> char {
    char::from_digit(value, 10).unwrap_or('?')
}

/// Sum of `digits` times `weights`, pairwise (the shorter one decides the length).
fn weighted_sum(digits: &[u32], weights: &[u32]) -> u32 {
    digits
        .iter()
        .zip(weights)
        .map(|(digit, weight)| digit * weight)
        .sum()
}

/// The Luhn sum of `digits`, doubling every second digit counting from the right. With
/// `check_follows`, the digits are a payload whose check digit is still to be appended, so the
/// rightmost one is doubled.
fn luhn_sum(digits: &[u32], check_follows: bool) -> u32 {
    let first_doubled = usize::from(!check_follows);
    digits
        .iter()
        .rev()
        .enumerate()
        .map(|(index, &digit)| {
            if index % 2 == first_doubled {
                let doubled = digit * 2;
                doubled / 10 + doubled % 10
            } else {
                digit
            }
        })
        .sum()
}

/// The Luhn check digit to append to `payload`.
fn luhn_check_digit(payload: &[u32]) -> u32 {
    (10 - luhn_sum(payload, true) % 10) % 10
}

/// The ISO 7064 MOD 11,10 check digit to append to `payload` (German and Croatian numbers).
fn mod_11_10_check_digit(payload: &[u32]) -> u32 {
    let mut product = 10;
    for digit in payload {
        let mut sum = (digit + product) % 10;
        if sum == 0 {
            sum = 10;
        }
        product = (2 * sum) % 11;
    }
    (11 - product) % 10
}

/// The remainder modulo 97 of an alphanumeric string read as a number, letters counting as two
/// digits (A = 10 … Z = 35), as in ISO 7064 MOD 97-10. `None` for any other character.
fn mod_97(text: &str) -> Option<u32> {
    let mut remainder = 0;
    for character in text.chars() {
        let value = character.to_digit(36)?;
        remainder = if value < 10 {
            (remainder * 10 + value) % 97
        } else {
            (remainder * 100 + value) % 97
        };
    }
    Some(remainder)
}

/// Whether the calendar has this day (proleptic Gregorian).
fn is_date(year: u32, month: u32, day: u32) -> bool {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// Two decimal digits at `at` as a number.
fn two_digits(digits: &[u32], at: usize) -> u32 {
    digits[at] * 10 + digits[at + 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_matches_the_textbook_example() {
        // 7992739871 + check digit 3 is the example in ISO/IEC 7812-1 and most descriptions.
        assert_eq!(luhn_check_digit(&digits("7992739871")), 3);
        assert_eq!(luhn_sum(&digits("79927398713"), false) % 10, 0);
    }

    #[test]
    fn mod_97_reads_letters_as_two_digits() {
        // "NL" = 23 21, so "NL1" is 23211.
        assert_eq!(mod_97("NL1"), Some(23211 % 97));
        assert_eq!(mod_97("N-1"), None);
    }

    #[test]
    fn dates_know_leap_years() {
        assert!(is_date(2000, 2, 29));
        assert!(!is_date(1900, 2, 29));
        assert!(!is_date(2023, 13, 1));
        assert!(!is_date(2023, 4, 31));
    }

    #[test]
    fn compact_drops_separators_and_upper_cases() {
        assert_eq!(compact(" es b-58.378/431 "), "ESB58378431");
        assert_eq!(compact("12\u{2013}34"), "1234");
        assert_eq!(compact("ñ"), "Ñ");
    }
}
