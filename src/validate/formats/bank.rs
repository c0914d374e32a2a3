//! Bank identifiers: IBAN (ISO 13616) and BIC (ISO 9362).
//!
//! The mod-97 check and each country's account format come from `iban_validate`, which
//! follows the SWIFT IBAN registry. It does not expose the registry's lengths and reports a
//! mistyped length as a bad checksum, so `IBAN_LENGTHS` is checked first to tell the user
//! the length that country expects.

use iban::{Iban, IbanLike, ParseBaseIbanError, ParseIbanError};

use super::codes::{country_label, country_label_args, is_country};
use crate::validate::Problem;

/// Total IBAN length per country of the IBAN registry, as code + two digits. The same set of
/// countries as `iban_validate`; the tests check every registry example against it.
const IBAN_LENGTHS: &str = concat!(
    "AD24AE23AL28AT20AZ28BA20BE16BG22BH22BI27BR29BY28CH21CR22CY28CZ24DE22DJ27DK18DO28",
    "EE20EG29ES24FI18FK18FO18FR27GB22GE22GI23GL18GR27GT28HR21HU28IE22IL23IQ23IS26IT27",
    "JO30KW30KZ20LB28LC32LI21LT20LU20LV21LY25MC27MD24ME22MK19MN20MR27MT31MU30NI28NL18",
    "NO15OM23PL28PS29PT25QA29RO24RS22RU33SA24SC31SD18SE24SI19SK24SM27SO23ST25SV28TL23",
    "TN24TR26UA29VA22VG24XK20YE30",
);

fn iban_length(country: &str) -> Option<usize> {
    IBAN_LENGTHS
        .as_bytes()
        .chunks(4)
        .find(|record| &record[..2] == country.as_bytes())
        .map(|record| usize::from((record[2] - b'0') * 10 + (record[3] - b'0')))
}

/// Upper case without any whitespace: how people type and print both codes.
fn compact_upper(raw: &str) -> String {
    raw.chars()
        .filter(|character| !character.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase()
}

/// Checks an IBAN and returns it in electronic form: upper case, no spaces
/// ("es91 2100 0418 4502 0005 1332" -> "ES9121000418450200051332").
pub fn normalize_iban(raw: &str) -> Result<String, String> {
    check_iban(raw).map_err(String::from)
}

/// [`normalize_iban`] with the problem also as a Fluent message (`validate-iban-*`).
pub fn check_iban(raw: &str) -> Result<String, Problem> {
    let mut iban = compact_upper(raw);
    // Invoices often print "IBAN ES91 …" and people paste the label along; no country has the
    // code "IB", so an IBAN itself never starts with these letters.
    if let Some(rest) = iban.strip_prefix("IBAN") {
        iban = rest.trim_start_matches(':').to_owned();
    }
    if iban.is_empty() {
        return Err(Problem::fixed("validate-iban-empty", "the IBAN is empty"));
    }
    if let Some(character) = iban.chars().find(|c| !c.is_ascii_alphanumeric()) {
        return Err(Problem::new(
            "validate-iban-characters",
            vec![("character", format!("{character:?}"))],
            format!("an IBAN has only letters and digits (found {character:?})"),
        ));
    }
    let bytes = iban.as_bytes();
    if bytes.len() < 4 || !bytes[..2].iter().all(u8::is_ascii_alphabetic) {
        return Err(Problem::fixed(
            "validate-iban-country",
            "an IBAN starts with a two-letter country code, like ES",
        ));
    }
    if !bytes[2..4].iter().all(u8::is_ascii_digit) {
        return Err(Problem::fixed(
            "validate-iban-check-position",
            "an IBAN has two check digits after the country code",
        ));
    }
    let country = &iban[..2];
    let label = country_label(country);
    let not_used = || {
        Problem::new(
            "validate-iban-not-used",
            country_label_args(country),
            format!("{label} does not use IBANs (it is not in the IBAN registry)"),
        )
    };
    let Some(expected) = iban_length(country) else {
        return Err(not_used());
    };
    if iban.len() != expected {
        return Err(Problem::new(
            "validate-iban-length",
            country_label_args(country)
                .into_iter()
                .chain([
                    ("length", expected.to_string()),
                    ("got", iban.len().to_string()),
                ])
                .collect(),
            format!(
                "an IBAN from {label} has {expected} characters (got {})",
                iban.len()
            ),
        ));
    }
    match iban.parse::<Iban>() {
        Ok(parsed) => Ok(parsed.electronic_str().to_owned()),
        Err(ParseIbanError::InvalidBaseIban {
            source: ParseBaseIbanError::InvalidChecksum,
        }) => Err(Problem::fixed(
            "validate-iban-checksum",
            "the IBAN check digits do not match: a character is probably mistyped",
        )),
        Err(ParseIbanError::InvalidBban(_)) => Err(Problem::new(
            "validate-iban-account",
            country_label_args(country),
            format!("the account number does not follow the IBAN format of {label}"),
        )),
        Err(ParseIbanError::UnknownCountry(_)) => Err(not_used()),
        Err(_) => Err(Problem::fixed(
            "validate-iban-invalid",
            "this is not a valid IBAN",
        )),
    }
}

/// The paper form of an IBAN for display: groups of four ("ES91 2100 0418 4502 0005 1332").
pub fn format_iban(canonical: &str) -> String {
    let characters: Vec<char> = canonical
        .chars()
        .filter(|character| !character.is_whitespace())
        .collect();
    characters
        .chunks(4)
        .map(|group| group.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Checks a BIC (SWIFT code) and returns it upper case without spaces. An 8-character BIC
/// stays 8 characters: adding "XXX" would change what the user typed for no gain.
pub fn normalize_bic(raw: &str) -> Result<String, String> {
    check_bic(raw).map_err(String::from)
}

/// [`normalize_bic`] with the problem also as a Fluent message (`validate-bic-*`).
pub fn check_bic(raw: &str) -> Result<String, Problem> {
    let bic = compact_upper(raw);
    if bic.is_empty() {
        return Err(Problem::fixed("validate-bic-empty", "the BIC is empty"));
    }
    if let Some(character) = bic.chars().find(|c| !c.is_ascii_alphanumeric()) {
        return Err(Problem::new(
            "validate-bic-characters",
            vec![("character", format!("{character:?}"))],
            format!("a BIC has only letters and digits (found {character:?})"),
        ));
    }
    if bic.len() != 8 && bic.len() != 11 {
        return Err(Problem::new(
            "validate-bic-length",
            vec![("got", bic.len().to_string())],
            format!("a BIC has 8 or 11 characters (got {})", bic.len()),
        ));
    }
    let bank = &bic[..4];
    if !bank.bytes().all(|byte| byte.is_ascii_alphabetic()) {
        return Err(Problem::new(
            "validate-bic-bank",
            vec![("bank", bank.to_owned())],
            format!("a BIC starts with four letters for the bank (got {bank})"),
        ));
    }
    let country = &bic[4..6];
    // SWIFT uses XK for Kosovo, which ISO 3166 has not assigned.
    if !is_country(country) && country != "XK" {
        return Err(Problem::new(
            "validate-bic-country",
            vec![("country", country.to_owned())],
            format!("characters 5 and 6 of a BIC are a country code, and {country} is not one"),
        ));
    }
    Ok(bic)
}
