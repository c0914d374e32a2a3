//! Phone numbers to E.164 ("+34612345678"), the one form that dials from anywhere and
//! compares equal however it was typed.

use super::codes::{country_label, country_label_args};
use crate::validate::Problem;

/// Numbering plan of one calling code: the countries that dial it, an adjective for messages,
/// the calling code, the shortest and longest national significant number (without trunk
/// prefix), and the trunk prefixes dialled before it at home (`,`-separated, `""` for none).
/// Italy has no trunk prefix: its leading 0 is part of the number, also after +39. Last, the
/// Fluent message that says "a Spanish number" in the interface's language.
type Plan = (
    &'static str,
    &'static str,
    u16,
    u8,
    u8,
    &'static str,
    &'static str,
);

/// Lengths from the national numbering plans published to the ITU, covering landlines and
/// mobiles; short service numbers are not covered.
const PLANS: &[Plan] = &[
    ("ES", "Spanish", 34, 9, 9, "", "validate-phone-plan-es"),
    ("PT", "Portuguese", 351, 9, 9, "", "validate-phone-plan-pt"),
    ("FR", "French", 33, 9, 9, "0", "validate-phone-plan-fr"),
    ("DE", "German", 49, 6, 13, "0", "validate-phone-plan-de"),
    ("IT", "Italian", 39, 6, 11, "", "validate-phone-plan-it"),
    ("GB", "British", 44, 9, 10, "0", "validate-phone-plan-gb"),
    ("IE", "Irish", 353, 7, 10, "0", "validate-phone-plan-ie"),
    ("NL", "Dutch", 31, 9, 9, "0", "validate-phone-plan-nl"),
    ("BE", "Belgian", 32, 8, 9, "0", "validate-phone-plan-be"),
    ("LU", "Luxembourg", 352, 4, 11, "", "validate-phone-plan-lu"),
    ("AT", "Austrian", 43, 4, 13, "0", "validate-phone-plan-at"),
    ("CH", "Swiss", 41, 9, 9, "0", "validate-phone-plan-ch"),
    ("NO", "Norwegian", 47, 8, 8, "", "validate-phone-plan-no"),
    ("SE", "Swedish", 46, 7, 10, "0", "validate-phone-plan-se"),
    ("DK", "Danish", 45, 8, 8, "", "validate-phone-plan-dk"),
    ("FI", "Finnish", 358, 5, 12, "0", "validate-phone-plan-fi"),
    ("PL", "Polish", 48, 9, 9, "", "validate-phone-plan-pl"),
    ("CZ", "Czech", 420, 9, 9, "", "validate-phone-plan-cz"),
    ("SK", "Slovak", 421, 9, 9, "0", "validate-phone-plan-sk"),
    ("HU", "Hungarian", 36, 8, 9, "06", "validate-phone-plan-hu"),
    ("RO", "Romanian", 40, 9, 9, "0", "validate-phone-plan-ro"),
    ("BG", "Bulgarian", 359, 6, 9, "0", "validate-phone-plan-bg"),
    ("GR", "Greek", 30, 10, 10, "", "validate-phone-plan-gr"),
    ("HR", "Croatian", 385, 8, 9, "0", "validate-phone-plan-hr"),
    ("SI", "Slovenian", 386, 8, 8, "0", "validate-phone-plan-si"),
    ("EE", "Estonian", 372, 7, 8, "", "validate-phone-plan-ee"),
    ("LV", "Latvian", 371, 8, 8, "", "validate-phone-plan-lv"),
    // Lithuania moved its trunk prefix from 8 to 0 in 2025; both are still written.
    (
        "LT",
        "Lithuanian",
        370,
        8,
        8,
        "0,8",
        "validate-phone-plan-lt",
    ),
    ("CY", "Cypriot", 357, 8, 8, "", "validate-phone-plan-cy"),
    ("MT", "Maltese", 356, 8, 8, "", "validate-phone-plan-mt"),
    // The North American Numbering Plan: the US, Canada and the Caribbean share +1.
    (
        "USCAPRVIGUASMPUMAGAIBBBSBMDMDOGDJMKNKYLCMSSXTCTTVCVG",
        "North American",
        1,
        10,
        10,
        "1",
        "validate-phone-plan-nanp",
    ),
    ("MX", "Mexican", 52, 10, 10, "", "validate-phone-plan-mx"),
    // Argentine mobiles carry a 9 after +54, one digit more than landlines.
    ("AR", "Argentine", 54, 10, 11, "0", "validate-phone-plan-ar"),
    ("BR", "Brazilian", 55, 10, 11, "0", "validate-phone-plan-br"),
    ("CL", "Chilean", 56, 9, 9, "", "validate-phone-plan-cl"),
    ("CO", "Colombian", 57, 10, 10, "", "validate-phone-plan-co"),
];

/// E.164 limits for calling codes without a plan above: at most 15 digits in all, and in
/// practice no number is shorter than 8.
const MIN_INTERNATIONAL_DIGITS: usize = 8;
const MAX_INTERNATIONAL_DIGITS: usize = 15;

fn plan_for_country(country: &str) -> Option<&'static Plan> {
    PLANS.iter().find(|plan| {
        plan.0
            .as_bytes()
            .chunks(2)
            .any(|code| code == country.as_bytes())
    })
}

/// Calling codes are a prefix code (no code starts another), so at most one plan matches.
fn plan_for_digits(digits: &str) -> Option<(&'static Plan, usize)> {
    PLANS.iter().find_map(|plan| {
        let code = plan.2.to_string();
        digits.starts_with(&code).then_some((plan, code.len()))
    })
}

/// Turns a phone number into E.164. Accepts spaces, dots, hyphens, slashes and parentheses,
/// and a leading + or 00 for international numbers; "+44 (0)20 …" drops the "(0)". A number
/// without either is national to `default_country` (ISO code), whose trunk prefix is removed.
pub fn normalize_phone(raw: &str, default_country: &str) -> Result<String, String> {
    check_phone(raw, default_country).map_err(String::from)
}

/// [`normalize_phone`] with the problem also as a Fluent message (`validate-phone-*`).
pub fn check_phone(raw: &str, default_country: &str) -> Result<String, Problem> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(Problem::fixed(
            "validate-phone-empty",
            "the phone number is empty",
        ));
    }
    let (plus, body) = match text.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    if let Some(character) = body.chars().find(|&c| {
        !(c.is_ascii_digit() || c.is_whitespace() || matches!(c, '.' | '-' | '/' | '(' | ')'))
    }) {
        return Err(Problem::new(
            "validate-phone-characters",
            vec![("character", format!("{character:?}"))],
            format!(
                "a phone number has only digits, spaces, dots, hyphens, parentheses and a \
                 leading + (found {character:?})"
            ),
        ));
    }
    let digits_of = |text: &str| -> String { text.chars().filter(char::is_ascii_digit).collect() };
    let typed = digits_of(body);
    if typed.is_empty() {
        return Err(Problem::fixed(
            "validate-phone-no-digits",
            "a phone number needs digits",
        ));
    }
    let international = plus || typed.starts_with("00");
    if !international {
        return national(&typed, default_country);
    }
    // A "(0)" in an international number is the trunk prefix dialled only at home.
    let mut digits = digits_of(&body.replacen("(0)", "", 1));
    if !plus {
        digits.drain(..2);
    }
    match plan_for_digits(&digits) {
        Some((plan, code_length)) => {
            let mut rest = &digits[code_length..];
            // "+44 020 …" is a common slip; no number after such a code starts with 0.
            if plan.5.split(',').any(|prefix| prefix == "0") {
                rest = rest.strip_prefix('0').unwrap_or(rest);
            }
            check_plan(plan, rest)
        }
        None if digits.starts_with('0') => Err(Problem::fixed(
            "validate-phone-code-zero",
            "the country calling code after + cannot start with 0",
        )),
        None if !(MIN_INTERNATIONAL_DIGITS..=MAX_INTERNATIONAL_DIGITS).contains(&digits.len()) => {
            Err(Problem::new(
                "validate-phone-international-length",
                vec![
                    ("min", MIN_INTERNATIONAL_DIGITS.to_string()),
                    ("max", MAX_INTERNATIONAL_DIGITS.to_string()),
                    ("got", digits.len().to_string()),
                ],
                format!(
                    "an international number has {MIN_INTERNATIONAL_DIGITS} to \
                     {MAX_INTERNATIONAL_DIGITS} digits counting the country code (got {})",
                    digits.len()
                ),
            ))
        }
        None => Ok(format!("+{digits}")),
    }
}

fn national(digits: &str, default_country: &str) -> Result<String, Problem> {
    let country = default_country.trim().to_ascii_uppercase();
    let Some(plan) = plan_for_country(&country) else {
        return Err(if country.is_empty() {
            Problem::fixed(
                "validate-phone-prefix-needed",
                "start the number with + and the country calling code, like +34 for Spain",
            )
        } else {
            let label = country_label(&country);
            Problem::new(
                "validate-phone-prefix-needed-country",
                country_label_args(&country),
                format!(
                    "start the number with + and the country calling code (numbers from \
                     {label} are not recognised without it)"
                ),
            )
        });
    };
    let (_, _, _, min, max, trunks, _) = *plan;
    let fits = |digits: &str| (usize::from(min)..=usize::from(max)).contains(&digits.len());
    // Strip the trunk prefix, unless only the number as typed fits the plan and the prefix is
    // not 0 (no planned number starts with 0): a Lithuanian 8-digit number starting with 8,
    // typed without its trunk prefix, must keep that 8.
    let stripped = trunks
        .split(',')
        .filter(|prefix| !prefix.is_empty())
        .find_map(|prefix| Some((prefix, digits.strip_prefix(prefix)?)));
    let rest = match stripped {
        Some((prefix, stripped)) if prefix.starts_with('0') || fits(stripped) || !fits(digits) => {
            stripped
        }
        _ => digits,
    };
    check_plan(plan, rest)
}

fn check_plan(plan: &Plan, national: &str) -> Result<String, Problem> {
    let &(_, adjective, code, min, max, _, plan_key) = plan;
    let length = national.len();
    if length < usize::from(min) || length > usize::from(max) {
        let article = if adjective.starts_with(['A', 'E', 'I', 'O', 'U']) {
            "an"
        } else {
            "a"
        };
        let (key, expected, mut args) = if min == max {
            (
                "validate-phone-length",
                format!("{min} digits"),
                vec![("digits", min.to_string())],
            )
        } else {
            (
                "validate-phone-length-range",
                format!("{min} to {max} digits"),
                vec![("min", min.to_string()), ("max", max.to_string())],
            )
        };
        args.extend([
            ("plan", format!("@{plan_key}")),
            ("code", code.to_string()),
            ("got", length.to_string()),
        ]);
        return Err(Problem::new(
            key,
            args,
            format!("{article} {adjective} number has {expected} after +{code} (got {length})"),
        ));
    }
    // NANP area codes and exchanges never start with 0 or 1.
    if code == 1 {
        let bytes = national.as_bytes();
        if bytes[0] < b'2' || bytes[3] < b'2' {
            return Err(Problem::fixed(
                "validate-phone-nanp",
                "in a North American number the area code and the next three digits start with \
                 2 to 9",
            ));
        }
    }
    Ok(format!("+{code}{national}"))
}
