//! Postal codes: per-country formats, returned in the form the national post prints.

use super::codes::country_in_sentence;
use crate::validate::Problem;

/// Country, accepted formats (`|`-separated), an example for messages (two alternatives joined
/// by " or ") and the Fluent message of the country's name as messages write it. In a format
/// `#` is a digit, `@` a letter, `*` a letter or digit; spaces and hyphens are where the
/// canonical form puts them, and letters are literal. Input is compared without spaces and hyphens, so
/// "28 013", "1000 001" and "lv1050" all match; a literal prefix such as "LV-" may be left out.
const FORMATS: &[(&str, &str, &str, &str)] = &[
    ("ES", "#####", "28013", "validate-postal-country-es"),
    ("PT", "####-###", "1000-001", "validate-postal-country-pt"),
    ("FR", "#####", "75008", "validate-postal-country-fr"),
    ("DE", "#####", "10115", "validate-postal-country-de"),
    ("IT", "#####", "00184", "validate-postal-country-it"),
    // Outward code (area and district), a space, inward code (sector and unit).
    (
        "GB",
        "@# #@@|@## #@@|@@# #@@|@@## #@@|@#@ #@@|@@#@ #@@",
        "SW1A 1AA",
        "validate-postal-country-gb",
    ),
    // Eircode: routing key, a space, unique identifier.
    (
        "IE",
        "@## ****|@#@ ****",
        "A65 F4E2",
        "validate-postal-country-ie",
    ),
    ("NL", "#### @@", "1012 AB", "validate-postal-country-nl"),
    ("BE", "####", "1000", "validate-postal-country-be"),
    ("LU", "####", "2449", "validate-postal-country-lu"),
    ("AT", "####", "1010", "validate-postal-country-at"),
    ("CH", "####", "8001", "validate-postal-country-ch"),
    ("NO", "####", "0150", "validate-postal-country-no"),
    ("SE", "### ##", "114 55", "validate-postal-country-se"),
    ("DK", "####", "1050", "validate-postal-country-dk"),
    ("FI", "#####", "00100", "validate-postal-country-fi"),
    ("PL", "##-###", "00-950", "validate-postal-country-pl"),
    ("CZ", "### ##", "110 00", "validate-postal-country-cz"),
    ("SK", "### ##", "811 01", "validate-postal-country-sk"),
    ("HU", "####", "1051", "validate-postal-country-hu"),
    ("RO", "######", "010011", "validate-postal-country-ro"),
    ("BG", "####", "1000", "validate-postal-country-bg"),
    ("GR", "### ##", "105 57", "validate-postal-country-gr"),
    ("HR", "#####", "10000", "validate-postal-country-hr"),
    ("SI", "####", "1000", "validate-postal-country-si"),
    ("EE", "#####", "10111", "validate-postal-country-ee"),
    ("LV", "LV-####", "LV-1050", "validate-postal-country-lv"),
    ("LT", "LT-#####", "LT-01100", "validate-postal-country-lt"),
    ("CY", "####", "1010", "validate-postal-country-cy"),
    ("MT", "@@@ ####", "VLT 1117", "validate-postal-country-mt"),
    (
        "US",
        "#####|#####-####",
        "20500 or 20500-0003",
        "validate-postal-country-us",
    ),
    ("CA", "@#@ #@#", "K1A 0B1", "validate-postal-country-ca"),
    ("MX", "#####", "06600", "validate-postal-country-mx"),
    // Argentina: the 8-character CPA, or the older 4-digit code still widely used.
    (
        "AR",
        "@####@@@|####",
        "C1425DKF or 1425",
        "validate-postal-country-ar",
    ),
    ("BR", "#####-###", "01310-100", "validate-postal-country-br"),
    ("CL", "#######", "8320000", "validate-postal-country-cl"),
    ("CO", "######", "110111", "validate-postal-country-co"),
];

/// Longest postal code accepted for a country without a known format.
const MAX_OTHER_LENGTH: usize = 12;

/// Matches `compact` (upper case, no spaces or hyphens) against one format and renders the
/// canonical form.
fn render(compact: &str, format: &str) -> Option<String> {
    let prefix: String = format
        .chars()
        .take_while(|c| c.is_ascii_uppercase())
        .collect();
    let input: Vec<char> = if compact.starts_with(&prefix) {
        compact.chars().collect()
    } else {
        prefix.chars().chain(compact.chars()).collect()
    };
    let slots: Vec<char> = format.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    let matches = input.len() == slots.len()
        && input.iter().zip(&slots).all(|(&got, &slot)| match slot {
            '#' => got.is_ascii_digit(),
            '@' => got.is_ascii_uppercase(),
            '*' => got.is_ascii_uppercase() || got.is_ascii_digit(),
            literal => got == literal,
        });
    if !matches {
        return None;
    }
    let mut input = input.into_iter();
    Some(
        format
            .chars()
            .map(|slot| match slot {
                ' ' | '-' => slot,
                _ => input.next().unwrap_or_default(),
            })
            .collect(),
    )
}

/// Checks a postal code against the format of `country` (ISO code) and returns the canonical
/// form ("28 013" -> "28013", "sw1a1aa" -> "SW1A 1AA"). For countries without a known format
/// any text of up to 12 characters is accepted, trimmed and with single spaces.
pub fn normalize_postal_code(country: &str, raw: &str) -> Result<String, String> {
    check_postal_code(country, raw).map_err(String::from)
}

/// [`normalize_postal_code`] with the problem also as a Fluent message (`validate-postal-*`).
pub fn check_postal_code(country: &str, raw: &str) -> Result<String, Problem> {
    let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return Err(Problem::fixed(
            "validate-postal-empty",
            "the postal code is empty",
        ));
    }
    let country = country.trim().to_ascii_uppercase();
    let Some(&(_, formats, example, country_key)) = FORMATS.iter().find(|entry| entry.0 == country)
    else {
        let length = text.chars().count();
        if length > MAX_OTHER_LENGTH {
            return Err(Problem::new(
                "validate-postal-too-long",
                vec![
                    ("max", MAX_OTHER_LENGTH.to_string()),
                    ("got", length.to_string()),
                ],
                format!("a postal code has at most {MAX_OTHER_LENGTH} characters (got {length})"),
            ));
        }
        return Ok(text);
    };
    let mut compact: String = text
        .to_uppercase()
        .chars()
        .filter(|c| !matches!(c, ' ' | '-'))
        .collect();
    // "CH-8001", "SE-114 55", "L-2449": the country prefix of old cross-border mail.
    if formats.starts_with('#') {
        let letters = compact.len()
            - compact
                .trim_start_matches(|c: char| c.is_ascii_uppercase())
                .len();
        let prefix = &compact[..letters];
        if prefix == country || (country == "LU" && prefix == "L") {
            compact.drain(..letters);
        }
    }
    let name = country_in_sentence(&country);
    let canonical = formats
        .split('|')
        .find_map(|format| render(&compact, format))
        .ok_or_else(|| {
            let message = format!("a postal code in {name} looks like {example}");
            let mut args = vec![("country", format!("@{country_key}"))];
            match example.split_once(" or ") {
                Some((first, second)) => {
                    args.extend([
                        ("example", first.to_owned()),
                        ("alternative", second.to_owned()),
                    ]);
                    Problem::new("validate-postal-shape-either", args, message)
                }
                None => {
                    args.push(("example", example.to_owned()));
                    Problem::new("validate-postal-shape", args, message)
                }
            }
        })?;
    check_country_rules(&country, &canonical, &name, country_key)?;
    Ok(canonical)
}

/// Rules beyond the shape of the code.
fn check_country_rules(
    country: &str,
    code: &str,
    name: &str,
    country_key: &str,
) -> Result<(), Problem> {
    let bytes = code.as_bytes();
    match country {
        // The first two digits are the province, 01 (Álava) to 52 (Melilla).
        "ES" => {
            let province = &code[..2];
            if !("01"..="52").contains(&province) {
                return Err(Problem::new(
                    "validate-postal-es-province",
                    vec![("province", province.to_owned())],
                    format!(
                        "postal codes in Spain start with a province number from 01 to 52 \
                         (got {province})"
                    ),
                ));
            }
        }
        "NL" => {
            if bytes[0] == b'0' {
                return Err(Problem::fixed(
                    "validate-postal-nl-start",
                    "postal codes in the Netherlands start at 1000",
                ));
            }
            // PostNL does not hand out these letter pairs.
            if matches!(&code[5..], "SA" | "SD" | "SS") {
                let letters = &code[5..];
                return Err(Problem::new(
                    "validate-postal-nl-letters",
                    vec![("letters", letters.to_owned())],
                    format!("{letters} is not used as the letters of a Dutch postal code"),
                ));
            }
        }
        "BE" | "AT" | "CH" | "HU" if bytes[0] == b'0' => {
            return Err(Problem::new(
                "validate-postal-start-1000",
                vec![("country", format!("@{country_key}"))],
                format!("postal codes in {name} start at 1000"),
            ));
        }
        // Canada Post avoids letters that read like digits, and W and Z as first letters.
        "CA" => {
            if code.contains(['D', 'F', 'I', 'O', 'Q', 'U']) {
                return Err(Problem::fixed(
                    "validate-postal-ca-letters",
                    "Canadian postal codes never use the letters D, F, I, O, Q or U",
                ));
            }
            if matches!(bytes[0], b'W' | b'Z') {
                return Err(Problem::fixed(
                    "validate-postal-ca-start",
                    "Canadian postal codes never start with W or Z",
                ));
            }
        }
        // The unit letters of the inward code skip letters that look like digits or others.
        "GB" => {
            let unit = &code[code.len() - 2..];
            if unit.contains(['C', 'I', 'K', 'M', 'O', 'V']) {
                return Err(Problem::new(
                    "validate-postal-gb-unit",
                    vec![("unit", unit.to_owned())],
                    format!(
                        "the last two letters of a UK postcode never include C, I, K, M, O or V \
                         (got {unit})"
                    ),
                ));
            }
        }
        // Eircodes use digits and the letters A C D E F H K N P R T V W X Y only; routing
        // keys are a letter and two digits, except D6W in Dublin.
        "IE" => {
            let routing_key = &code[..3];
            if routing_key.as_bytes()[2].is_ascii_alphabetic() && routing_key != "D6W" {
                return Err(Problem::new(
                    "validate-postal-ie-routing",
                    vec![("routing", routing_key.to_owned())],
                    format!("{routing_key} is not an Eircode routing key"),
                ));
            }
            if let Some(letter) = code
                .chars()
                .find(|c| c.is_ascii_uppercase() && !"ACDEFHKNPRTVWXY".contains(*c))
            {
                return Err(Problem::new(
                    "validate-postal-ie-letter",
                    vec![("letter", letter.to_string())],
                    format!("Eircodes never use the letter {letter}"),
                ));
            }
        }
        _ => {}
    }
    Ok(())
}
