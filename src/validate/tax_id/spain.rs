//! Spanish tax ids: the NIF of persons (DNI number plus check letter, and the K, L and M NIFs),
//! the NIE of foreigners and the CIF of legal entities. A Spanish VAT number is the NIF with the
//! `ES` prefix, so the same rule serves both.
//!
//! Canonical form: the nine characters without separators or `ES` prefix, e.g. `12345678Z`,
//! `X2482300W`, `B58378431`, `M1234567L`.

use super::{all_digits, digit_char, digits, format_error, Valid};
use super::{check_error, TaxIdError};

/// The check letter of a DNI/NIE number is this table indexed by the number modulo 23.
const DNI_LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";
/// CIF control letters, indexed by the control digit.
const CIF_LETTERS: &[u8; 10] = b"JABCDEFGHI";

const DNI_FORMAT: &str = "a Spanish NIF (DNI) has 8 digits and a check letter, e.g. 12345678Z";
const NIE_FORMAT: &str = "a Spanish NIE has X, Y or Z, 7 digits and a check letter, e.g. X2482300W";
const KLM_FORMAT: &str = "a Spanish NIF for persons without DNI has K, L or M, 7 digits and a \
     check letter, e.g. M1234567L";
const CIF_FORMAT: &str =
    "a Spanish CIF has a letter, 7 digits and a control character, e.g. B12345674";
const GENERAL_FORMAT: &str = "a Spanish tax id is a NIF (8 digits and a letter, e.g. 12345678Z), \
     a NIE (X, Y or Z, 7 digits and a letter) or a CIF (a letter, 7 digits and a control \
     character, e.g. B12345674)";

/// How the control character of a CIF must be written, decided by the entity letter.
enum CifControl {
    Letter,
    Digit,
    Either,
}

pub(super) fn check(number: &str) -> Result<Valid, TaxIdError> {
    let number = super::without_prefix(number, &["ES"]);
    let first = number.chars().next().unwrap_or(' ');
    match first {
        '0'..='9' => dni(number),
        'X' | 'Y' | 'Z' => nie(number),
        'K' | 'L' | 'M' => klm(number),
        'A'..='H' | 'J' | 'N' | 'P'..='S' | 'U'..='W' => cif(number),
        _ => Err(format_error(GENERAL_FORMAT)),
    }
}

fn dni_letter(value: u32) -> char {
    char::from(DNI_LETTERS[(value % 23) as usize])
}

/// Splits `number` into a body of `body_len` digits after `skip` leading characters and a final
/// letter, or `None` when it is not shaped that way.
fn body_and_letter(number: &str, skip: usize, body_len: usize) -> Option<(&str, char)> {
    if number.len() != skip + body_len + 1 || !number.is_ascii() {
        return None;
    }
    let body = &number[skip..skip + body_len];
    let last = number[skip + body_len..].chars().next()?;
    (all_digits(body) && last.is_ascii_uppercase()).then_some((body, last))
}

fn number_value(body: &str) -> u32 {
    digits(body)
        .iter()
        .fold(0, |value, digit| value * 10 + digit)
}

fn dni(number: &str) -> Result<Valid, TaxIdError> {
    let (body, letter) = body_and_letter(number, 0, 8).ok_or_else(|| format_error(DNI_FORMAT))?;
    let expected = dni_letter(number_value(body));
    if letter != expected {
        return Err(check_error("NIF check letter", expected));
    }
    Ok(Valid::new(number, "NIF"))
}

fn nie(number: &str) -> Result<Valid, TaxIdError> {
    let (body, letter) = body_and_letter(number, 1, 7).ok_or_else(|| format_error(NIE_FORMAT))?;
    // X, Y and Z stand for a leading 0, 1 and 2 of an eight-digit number.
    let lead = match number.as_bytes()[0] {
        b'X' => 0,
        b'Y' => 1,
        _ => 2,
    };
    let expected = dni_letter(lead * 10_000_000 + number_value(body));
    if letter != expected {
        return Err(check_error("NIE check letter", expected));
    }
    Ok(Valid::new(number, "NIE"))
}

/// K (minors), L (Spaniards abroad) and M (foreigners without NIE) NIFs use the DNI letter over
/// their seven digits.
fn klm(number: &str) -> Result<Valid, TaxIdError> {
    let (body, letter) = body_and_letter(number, 1, 7).ok_or_else(|| format_error(KLM_FORMAT))?;
    let expected = dni_letter(number_value(body));
    if letter != expected {
        return Err(check_error("NIF check letter", expected));
    }
    Ok(Valid::new(number, "NIF"))
}

fn cif(number: &str) -> Result<Valid, TaxIdError> {
    if number.len() != 9 || !number.is_ascii() || !all_digits(&number[1..8]) {
        return Err(format_error(CIF_FORMAT));
    }
    let control = number.as_bytes()[8];
    if !control.is_ascii_alphanumeric() {
        return Err(format_error(CIF_FORMAT));
    }
    let body = digits(&number[1..8]);
    // Digits in odd places (1st, 3rd, …) are doubled and their digits added, as in Luhn; the
    // control digit brings the total to a multiple of ten.
    let sum: u32 = body
        .iter()
        .enumerate()
        .map(|(index, &digit)| {
            if index % 2 == 0 {
                let doubled = digit * 2;
                doubled / 10 + doubled % 10
            } else {
                digit
            }
        })
        .sum();
    let control_digit = (10 - sum % 10) % 10;
    let control_letter = char::from(CIF_LETTERS[control_digit as usize]);
    let entity = number.as_bytes()[0];
    // Which form the control takes depends on the entity: public bodies, churches, foreign
    // entities and non-resident ones (province code 00) write a letter; companies (A, B),
    // cooperatives… (E) and owners' associations (H) a digit; the other types may use either.
    let kind = if number.as_bytes()[1..3] == *b"00" || b"PQRSNW".contains(&entity) {
        CifControl::Letter
    } else if b"ABEH".contains(&entity) {
        CifControl::Digit
    } else {
        CifControl::Either
    };
    let control = char::from(control);
    let digit = digit_char(control_digit);
    let (ok, expected) = match kind {
        CifControl::Letter => (control == control_letter, control_letter.to_string()),
        CifControl::Digit => (control == digit, digit.to_string()),
        CifControl::Either => (
            control == digit || control == control_letter,
            format!("{digit} or {control_letter}"),
        ),
    };
    if !ok {
        return Err(check_error("CIF control character", expected));
    }
    Ok(Valid::new(number, "CIF"))
}
