//! VAT numbers of the EU member states other than Spain (see `spain`), with their check-digit
//! algorithms as python-stdnum documents them.
//!
//! Canonical form: the national part without the two-letter prefix and without separators, e.g.
//! DE `136695976`, FR `40303265045`. Exceptions: Austria keeps its leading `U` (`U13585627`);
//! Belgian 9-digit numbers get their leading 0 (`0403019261`); Greek 8-digit numbers are padded
//! to 9; Dutch numbers are padded to nine digits before the `B` (`004495445B01`); Swedish
//! organisation numbers typed without the `01` suffix get it (`556012579001`). Ireland keeps its
//! letters as typed (`6433435F`, `8D79739I`).

use super::{
    all_digits, check_error, digit_char, digits, format_error, invalid, is_date, luhn_check_digit,
    luhn_sum, mod_11_10_check_digit, mod_97, two_digits, weighted_sum, without_prefix, TaxIdError,
    Valid,
};

const VAT: &str = "VAT";

/// A number of exactly `lengths` digits after the `prefixes`, or the format error.
fn digits_only<'a>(
    number: &'a str,
    prefixes: &[&str],
    lengths: &[usize],
    message: &str,
) -> Result<&'a str, TaxIdError> {
    let number = without_prefix(number, prefixes);
    if all_digits(number) && lengths.contains(&number.len()) {
        Ok(number)
    } else {
        Err(format_error(message))
    }
}

/// Compares the last digit of `number` with `expected`.
fn last_digit_is(number: &str, expected: u32, kind: &'static str) -> Result<(), TaxIdError> {
    if number.ends_with(digit_char(expected)) {
        Ok(())
    } else {
        Err(check_error(kind, digit_char(expected)))
    }
}

pub(super) fn austria(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str = "an Austrian VAT number (UID) is U and 8 digits, e.g. ATU13585627";
    let number = without_prefix(number, &["AT"]);
    let body = number.strip_prefix('U').unwrap_or(number);
    if !all_digits(body) || body.len() != 8 {
        return Err(format_error(FORMAT));
    }
    let values = digits(body);
    // A Luhn variant: the seven digits' Luhn sum plus 4 and the check digit make a multiple of 10.
    let expected = (16 - luhn_sum(&values[..7], false) % 10) % 10;
    last_digit_is(body, expected, "Austrian VAT check digit")?;
    Ok(Valid::new(format!("U{body}"), VAT))
}

pub(super) fn belgium(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str = "a Belgian VAT number (enterprise number) has 10 digits starting with 0 \
         or 1, e.g. BE0403019261";
    let number = digits_only(number, &["BE"], &[9, 10], FORMAT)?;
    // Before 2007 the numbers had nine digits; the tenth is a leading zero.
    let number = if number.len() == 9 {
        format!("0{number}")
    } else {
        number.to_owned()
    };
    if !number.starts_with(['0', '1']) {
        return Err(format_error(FORMAT));
    }
    let base: u64 = number[..8].parse().unwrap_or(0);
    let expected = 97 - base % 97;
    if number[8..] != format!("{expected:02}") {
        return Err(check_error(
            "Belgian VAT check digits",
            format!("{expected:02}"),
        ));
    }
    Ok(Valid::new(number, VAT))
}

pub(super) fn bulgaria(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str = "a Bulgarian VAT number has 9 digits (legal entities) or 10 digits \
         (persons), e.g. BG175074752";
    const KIND: &str = "Bulgarian VAT check digit";
    let number = digits_only(number, &["BG"], &[9, 10], FORMAT)?;
    let values = digits(number);
    if values.len() == 9 {
        let mut check = weighted_sum(&values[..8], &[1, 2, 3, 4, 5, 6, 7, 8]) % 11;
        if check == 10 {
            check = weighted_sum(&values[..8], &[3, 4, 5, 6, 7, 8, 9, 10]) % 11;
        }
        last_digit_is(number, check % 10, KIND)?;
        return Ok(Valid::new(number, VAT));
    }
    // Ten digits: a person's EGN, a foreigner's personal number (LNCh) or another taxpayer;
    // each has its own check digit and the number is valid if any of them matches.
    let last = values[9];
    let egn = {
        let month = two_digits(&values, 2);
        let (year, month) = match month {
            41..=52 => (2000, month - 40),
            21..=32 => (1800, month - 20),
            _ => (1900, month),
        };
        let year = year + two_digits(&values, 0);
        let check = weighted_sum(&values, &[2, 4, 8, 5, 10, 9, 7, 3, 6]) % 11 % 10;
        is_date(year, month, two_digits(&values, 4)) && check == last
    };
    let foreigner = weighted_sum(&values, &[21, 19, 17, 13, 11, 9, 7, 3, 1]) % 10 == last;
    let other = {
        let remainder = weighted_sum(&values, &[4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11;
        (11 - remainder) % 11 == last
    };
    if egn || foreigner || other {
        Ok(Valid::new(number, VAT))
    } else {
        Err(TaxIdError::CheckDigit {
            kind: KIND,
            expected: None,
        })
    }
}

pub(super) fn cyprus(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str = "a Cypriot VAT number has 8 digits and a check letter, e.g. CY10259033P";
    let number = without_prefix(number, &["CY"]);
    if number.len() != 9 || !number.is_ascii() || !all_digits(&number[..8]) {
        return Err(format_error(FORMAT));
    }
    if number.starts_with("12") {
        return Err(invalid("Cypriot VAT number", "no number starts with 12"));
    }
    // Digits in even places are recoded through this table; odd places count as they are.
    const RECODE: [u32; 10] = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];
    let sum: u32 = digits(&number[..8])
        .iter()
        .enumerate()
        .map(|(index, &digit)| {
            if index % 2 == 0 {
                RECODE[digit as usize]
            } else {
                digit
            }
        })
        .sum();
    let expected = char::from(b'A' + (sum % 26) as u8);
    if !number.ends_with(expected) {
        return Err(check_error("Cypriot VAT check letter", expected));
    }
    Ok(Valid::new(number, VAT))
}

pub(super) fn czechia(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str = "a Czech VAT number (DIČ) has 8 digits (legal entities) or 9 to 10 \
         digits (persons, their birth number), e.g. CZ25123891";
    const KIND: &str = "Czech VAT check digit";
    let number = digits_only(number, &["CZ"], &[8, 9, 10], FORMAT)?;
    let values = digits(number);
    match values.len() {
        8 => {
            if values[0] == 9 {
                return Err(invalid(
                    "Czech VAT number",
                    "no 8-digit number starts with 9",
                ));
            }
            let remainder = weighted_sum(&values, &[8, 7, 6, 5, 4, 3, 2]) % 11;
            let check = match (11 - remainder) % 11 {
                0 => 1,
                check => check % 10,
            };
            last_digit_is(number, check, KIND)?;
        }
        9 if values[0] == 6 => {
            // Persons without a birth number: the check skips the leading 6.
            let remainder = weighted_sum(&values[1..8], &[8, 7, 6, 5, 4, 3, 2]) % 11;
            let check = (8 - ((10 - remainder) % 11) as i32).rem_euclid(10) as u32;
            last_digit_is(number, check, KIND)?;
        }
        _ => birth_number(
            number,
            "Czech birth number",
            "Czech birth number check digit",
        )?,
    }
    Ok(Valid::new(number, VAT))
}

/// The Czech and Slovak birth number (rodné číslo): YYMMDD plus a serial, where women have 50
/// added to the month and 20 more is added when a day's serials run out. Nine-digit numbers were
/// issued until 1953 and have no check digit; ten-digit ones are divisible by 11 (or end in 0
/// when the first nine leave a remainder of 10).
fn birth_number(
    number: &str,
    kind: &'static str,
    check_kind: &'static str,
) -> Result<(), TaxIdError> {
    let values = digits(number);
    let mut year = 1900 + two_digits(&values, 0);
    let month = two_digits(&values, 2) % 50 % 20;
    let day = two_digits(&values, 4);
    if values.len() == 9 {
        if year >= 1980 {
            year -= 100;
        }
        if year > 1953 {
            return Err(invalid(kind, "9-digit numbers were only issued until 1953"));
        }
    } else if year < 1954 {
        year += 100;
    }
    if !is_date(year, month, day) {
        return Err(invalid(kind, "the birth date in it does not exist"));
    }
    if values.len() == 10 {
        let first_nine: u64 = number[..9].parse().unwrap_or(0);
        let check = (first_nine % 11 % 10) as u32;
        last_digit_is(number, check, check_kind)?;
    }
    Ok(())
}

pub(super) fn germany(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str =
        "a German VAT number (USt-IdNr.) has 9 digits not starting with 0, e.g. DE136695976";
    let number = digits_only(number, &["DE"], &[9], FORMAT)?;
    if number.starts_with('0') {
        return Err(format_error(FORMAT));
    }
    let check = mod_11_10_check_digit(&digits(&number[..8]));
    last_digit_is(number, check, "German VAT check digit")?;
    Ok(Valid::new(number, VAT))
}

pub(super) fn denmark(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str =
        "a Danish VAT number (CVR) has 8 digits not starting with 0, e.g. DK13585628";
    let number = digits_only(number, &["DK"], &[8], FORMAT)?;
    if number.starts_with('0') {
        return Err(format_error(FORMAT));
    }
    let values = digits(number);
    if weighted_sum(&values, &[2, 7, 6, 5, 4, 3, 2, 1]) % 11 != 0 {
        let check = (11 - weighted_sum(&values[..7], &[2, 7, 6, 5, 4, 3, 2]) % 11) % 11;
        return Err(TaxIdError::CheckDigit {
            kind: "Danish VAT check digit",
            expected: (check < 10).then(|| digit_char(check).to_string()),
        });
    }
    Ok(Valid::new(number, VAT))
}

pub(super) fn estonia(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str = "an Estonian VAT number (KMKR) has 9 digits, e.g. EE100931558";
    let number = digits_only(number, &["EE"], &[9], FORMAT)?;
    let values = digits(number);
    let check = (10 - weighted_sum(&values[..8], &[3, 7, 1, 3, 7, 1, 3, 7]) % 10) % 10;
    last_digit_is(number, check, "Estonian VAT check digit")?;
    Ok(Valid::new(number, VAT))
}

/// Greece: the VAT prefix is `EL` although the country code is `GR`; both are accepted.
pub(super) fn greece(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str = "a Greek VAT number (ΑΦΜ) has 9 digits, e.g. EL094259216";
    let number = digits_only(number, &["EL", "GR"], &[8, 9], FORMAT)?;
    let number = format!("{number:0>9}");
    let values = digits(&number);
    let check = weighted_sum(&values[..8], &[256, 128, 64, 32, 16, 8, 4, 2]) % 11 % 10;
    last_digit_is(&number, check, "Greek VAT check digit")?;
    Ok(Valid::new(number, VAT))
}

pub(super) fn finland(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str =
        "a Finnish VAT number (ALV) has 8 digits, the Business ID without its hyphen, e.g. \
         FI20774740";
    let number = digits_only(number, &["FI"], &[8], FORMAT)?;
    let values = digits(number);
    if weighted_sum(&values, &[7, 9, 10, 5, 8, 4, 2, 1]) % 11 != 0 {
        let check = (11 - weighted_sum(&values[..7], &[7, 9, 10, 5, 8, 4, 2]) % 11) % 11;
        return Err(TaxIdError::CheckDigit {
            kind: "Finnish VAT check digit",
            expected: (check < 10).then(|| digit_char(check).to_string()),
        });
    }
    Ok(Valid::new(number, VAT))
}

pub(super) fn france(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str = "a French VAT number (n° TVA) has a 2-character key and the 9-digit \
         SIREN, e.g. FR40303265045";
    // The key letters skip I and O.
    const KEY_ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    // The key itself may be "FR", so the prefix is only removed from a 13-character number.
    let number = match number.strip_prefix("FR") {
        Some(rest) if rest.len() == 11 => rest,
        _ => number,
    };
    if number.len() != 11 || !number.is_ascii() || !all_digits(&number[2..]) {
        return Err(format_error(FORMAT));
    }
    let key: Vec<usize> = number[..2]
        .chars()
        .filter_map(|character| KEY_ALPHABET.find(character))
        .collect();
    if key.len() != 2 {
        return Err(format_error(FORMAT));
    }
    let siren = &number[2..];
    // Monaco's numbers are valid TVA but not SIREN (they start with 000).
    if !siren.starts_with("000") {
        let check = luhn_check_digit(&digits(&siren[..8]));
        last_digit_is(siren, check, "SIREN check digit")?;
    }
    let siren_value: u64 = siren.parse().unwrap_or(0);
    if all_digits(&number[..2]) {
        let expected = (siren_value * 100 + 12) % 97;
        if number[..2] != format!("{expected:02}") {
            return Err(check_error("French VAT key", format!("{expected:02}")));
        }
    } else {
        // New-style keys with a letter encode a number differently depending on whether the
        // first character is a digit.
        let check = if key[0] < 10 {
            key[0] * 24 + key[1] - 10
        } else {
            key[0] * 34 + key[1] - 100
        } as u64;
        if (siren_value + 1 + check / 11) % 11 != check % 11 {
            return Err(TaxIdError::CheckDigit {
                kind: "French VAT key",
                expected: None,
            });
        }
    }
    Ok(Valid::new(number, VAT))
}

pub(super) fn croatia(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str = "a Croatian VAT number (OIB) has 11 digits, e.g. HR33392005961";
    let number = digits_only(number, &["HR"], &[11], FORMAT)?;
    let check = mod_11_10_check_digit(&digits(&number[..10]));
    last_digit_is(number, check, "Croatian VAT (OIB) check digit")?;
    Ok(Valid::new(number, VAT))
}

pub(super) fn hungary(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str = "a Hungarian VAT number (ANUM) has 8 digits, e.g. HU12892312";
    let number = digits_only(number, &["HU"], &[8], FORMAT)?;
    let values = digits(number);
    let check = (10 - weighted_sum(&values[..7], &[9, 7, 3, 1, 9, 7, 3]) % 10) % 10;
    last_digit_is(number, check, "Hungarian VAT check digit")?;
    Ok(Valid::new(number, VAT))
}

pub(super) fn ireland(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str = "an Irish VAT number has 7 digits and 1 or 2 letters (e.g. IE6433435F or \
         IE3628739UA), or in the old style a digit, a letter, 5 digits and a letter (e.g. \
         IE8D79739I)";
    // Check letters: W stands for 0 (and for no second letter), then A = 1 … V = 22.
    const ALPHABET: &str = "WABCDEFGHIJKLMNOPQRSTUV";
    let number = without_prefix(number, &["IE"]);
    let bytes = number.as_bytes();
    if !number.is_ascii() || !matches!(number.len(), 8 | 9) {
        return Err(format_error(FORMAT));
    }
    let check_letter = char::from(bytes[7]);
    let sum = if all_digits(&number[..7]) {
        let second = match number[8..].chars().next() {
            None => 0,
            Some(letter) => ALPHABET.find(letter).ok_or_else(|| format_error(FORMAT))?,
        };
        weighted_sum(&digits(&number[..7]), &[8, 7, 6, 5, 4, 3, 2]) + 9 * second as u32
    } else if number.len() == 8
        && bytes[0].is_ascii_digit()
        && (bytes[1].is_ascii_uppercase() || matches!(bytes[1], b'+' | b'*'))
        && all_digits(&number[2..7])
    {
        // Old style: the first digit moves behind the five others and a 0 goes in front.
        let reordered = format!("0{}{}", &number[2..7], &number[..1]);
        weighted_sum(&digits(&reordered), &[8, 7, 6, 5, 4, 3, 2])
    } else {
        return Err(format_error(FORMAT));
    };
    if !check_letter.is_ascii_uppercase() {
        return Err(format_error(FORMAT));
    }
    let expected = ALPHABET.as_bytes()[(sum % 23) as usize] as char;
    if check_letter != expected {
        return Err(check_error("Irish VAT check letter", expected));
    }
    Ok(Valid::new(number, VAT))
}

pub(super) fn italy(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str = "an Italian VAT number (partita IVA) has 11 digits, e.g. IT00743110157";
    const KIND: &str = "Italian VAT number";
    let number = digits_only(number, &["IT"], &[11], FORMAT)?;
    if number[..7] == *"0000000" {
        return Err(invalid(KIND, "the company number in it is all zeros"));
    }
    // Digits 8 to 10 name the issuing office: 001–100 are provinces, 120 and 121 special cases,
    // 888 and 999 are used for numbers issued centrally.
    let office: u32 = number[7..10].parse().unwrap_or(0);
    if !matches!(office, 1..=100 | 120 | 121 | 888 | 999) {
        return Err(invalid(KIND, format!("{office:03} is not an office code")));
    }
    let check = luhn_check_digit(&digits(&number[..10]));
    last_digit_is(number, check, "Italian VAT check digit")?;
    Ok(Valid::new(number, VAT))
}

pub(super) fn lithuania(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str = "a Lithuanian VAT number (PVM) has 9 digits with 1 in 8th place, or 12 \
         digits with 1 in 11th place, e.g. LT119511515";
    let number = digits_only(number, &["LT"], &[9, 12], FORMAT)?;
    let values = digits(number);
    let marker = values.len() - 2;
    if values[marker] != 1 {
        return Err(format_error(FORMAT));
    }
    let payload = &values[..values.len() - 1];
    let weights = |shift: usize| -> Vec<u32> {
        (0..payload.len())
            .map(|index| 1 + ((index + shift) % 9) as u32)
            .collect()
    };
    let mut check = weighted_sum(payload, &weights(0)) % 11;
    if check == 10 {
        check = weighted_sum(payload, &weights(2)) % 11;
    }
    last_digit_is(number, check % 10, "Lithuanian VAT check digit")?;
    Ok(Valid::new(number, VAT))
}

pub(super) fn luxembourg(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str = "a Luxembourg VAT number has 8 digits, e.g. LU15027442";
    let number = digits_only(number, &["LU"], &[8], FORMAT)?;
    let base: u32 = number[..6].parse().unwrap_or(0);
    let expected = format!("{:02}", base % 89);
    if number[6..] != expected {
        return Err(check_error("Luxembourg VAT check digits", expected));
    }
    Ok(Valid::new(number, VAT))
}

pub(super) fn latvia(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str = "a Latvian VAT number (PVN) has 11 digits, e.g. LV40003521600";
    const KIND: &str = "Latvian VAT check digit";
    let number = digits_only(number, &["LV"], &[11], FORMAT)?;
    let values = digits(number);
    if values[0] > 3 {
        // Legal entities: the weighted sum leaves 3 modulo 11 (the check digit has weight 1).
        let sum = weighted_sum(&values[..10], &[9, 1, 4, 8, 3, 10, 2, 5, 7, 6]);
        let check = (3 + 11 - sum % 11) % 11;
        if values[10] != check {
            return Err(TaxIdError::CheckDigit {
                kind: KIND,
                expected: (check < 10).then(|| digit_char(check).to_string()),
            });
        }
    } else {
        // Persons: their personal code, DDMMYY, then the century (0 = 1800s, 1 = 1900s, …).
        let year = 1800 + values[6] * 100 + two_digits(&values, 4);
        if !is_date(year, two_digits(&values, 2), two_digits(&values, 0)) {
            return Err(invalid(
                "Latvian personal code",
                "the birth date in it does not exist",
            ));
        }
        let sum = weighted_sum(&values[..10], &[10, 5, 8, 4, 2, 1, 6, 3, 7, 9]);
        last_digit_is(number, (1 + sum) % 11 % 10, KIND)?;
    }
    Ok(Valid::new(number, VAT))
}

pub(super) fn malta(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str = "a Maltese VAT number has 8 digits not starting with 0, e.g. MT11679112";
    let number = digits_only(number, &["MT"], &[8], FORMAT)?;
    if number.starts_with('0') {
        return Err(format_error(FORMAT));
    }
    let values = digits(number);
    // The last two digits have weights 10 and 1, so they act as one two-digit check number that
    // brings the sum to a multiple of 37 (more than one value can do that).
    if weighted_sum(&values, &[3, 4, 6, 7, 8, 9, 10, 1]) % 37 != 0 {
        return Err(TaxIdError::CheckDigit {
            kind: "Maltese VAT check digits",
            expected: None,
        });
    }
    Ok(Valid::new(number, VAT))
}

/// The Netherlands: nine digits, `B` and a two-digit branch number. Until 2020 the nine digits
/// were the RSIN or the owner's BSN (eleven-test); sole proprietors now get a
/// btw-identificatienummer whose whole text, `NL` included, is 1 modulo 97.
pub(super) fn netherlands(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str = "a Dutch VAT number has 9 digits, B and 2 digits, e.g. NL004495445B01";
    let number = without_prefix(number, &["NL"]);
    let Some((base, branch)) = number.split_once('B') else {
        return Err(format_error(FORMAT));
    };
    if !all_digits(base) || base.len() > 9 || !all_digits(branch) || branch.len() != 2 {
        return Err(format_error(FORMAT));
    }
    if branch == "00" || base.bytes().all(|byte| byte == b'0') {
        return Err(format_error(FORMAT));
    }
    let canonical = format!("{base:0>9}B{branch}");
    let values = digits(&format!("{base:0>9}"));
    let eleven_test =
        (weighted_sum(&values[..8], &[9, 8, 7, 6, 5, 4, 3, 2]) + 11 * 9 - values[8]) % 11 == 0;
    let mod_97_test = mod_97(&format!("NL{canonical}")) == Some(1);
    if !(eleven_test || mod_97_test) {
        return Err(TaxIdError::CheckDigit {
            kind: "Dutch VAT check digit",
            expected: None,
        });
    }
    Ok(Valid::new(canonical, VAT))
}

pub(super) fn poland(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str = "a Polish VAT number (NIP) has 10 digits, e.g. PL8567346215";
    let number = digits_only(number, &["PL"], &[10], FORMAT)?;
    let values = digits(number);
    let check = weighted_sum(&values[..9], &[6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11;
    if check == 10 {
        // No number is issued whose check would be 10.
        return Err(TaxIdError::CheckDigit {
            kind: "Polish VAT check digit",
            expected: None,
        });
    }
    last_digit_is(number, check, "Polish VAT check digit")?;
    Ok(Valid::new(number, VAT))
}

pub(super) fn portugal(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str =
        "a Portuguese VAT number (NIF) has 9 digits not starting with 0, e.g. PT501964843";
    let number = digits_only(number, &["PT"], &[9], FORMAT)?;
    if number.starts_with('0') {
        return Err(format_error(FORMAT));
    }
    let values = digits(number);
    let check = (11 - weighted_sum(&values[..8], &[9, 8, 7, 6, 5, 4, 3, 2]) % 11) % 11 % 10;
    last_digit_is(number, check, "Portuguese VAT check digit")?;
    Ok(Valid::new(number, VAT))
}

/// Romania: companies use their CUI (2 to 10 digits), persons their 13-digit CNP.
pub(super) fn romania(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str = "a Romanian VAT number has 2 to 10 digits (CUI, e.g. RO18547290) or 13 \
         digits (a person's CNP)";
    let number = without_prefix(number, &["RO"]);
    if !all_digits(number) || !matches!(number.len(), 2..=10 | 13) {
        return Err(format_error(FORMAT));
    }
    if number.len() == 13 {
        return romanian_cnp(number);
    }
    if number.starts_with('0') {
        return Err(format_error(FORMAT));
    }
    let values = digits(&format!("{number:0>10}"));
    let sum = weighted_sum(&values[..9], &[7, 5, 3, 2, 1, 7, 5, 3, 2]);
    last_digit_is(number, sum * 10 % 11 % 10, "Romanian VAT (CUI) check digit")?;
    Ok(Valid::new(number, VAT))
}

/// The Romanian personal numeric code: sex and century, YYMMDD, county, serial, check digit.
fn romanian_cnp(number: &str) -> Result<Valid, TaxIdError> {
    const KIND: &str = "Romanian personal code (CNP)";
    let values = digits(number);
    let century = match values[0] {
        1 | 2 => 1900,
        3 | 4 => 1800,
        5 | 6 => 2000,
        // 7 and 8 are residents and 9 other foreigners; their century is not encoded.
        7..=9 => 1900,
        _ => return Err(invalid(KIND, "it cannot start with 0")),
    };
    let year = century + two_digits(&values, 1);
    if !is_date(year, two_digits(&values, 3), two_digits(&values, 5)) {
        return Err(invalid(KIND, "the birth date in it does not exist"));
    }
    let sum = weighted_sum(&values[..12], &[2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9]) % 11;
    let check = if sum == 10 { 1 } else { sum };
    last_digit_is(number, check, "Romanian CNP check digit")?;
    Ok(Valid::new(number, VAT))
}

pub(super) fn sweden(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str = "a Swedish VAT number has 12 digits, the 10-digit organisation number \
         and 01, e.g. SE556012579001";
    let number = digits_only(number, &["SE"], &[10, 12], FORMAT)?;
    // A bare organisation number is the same registration; the VAT number appends 01.
    let number = if number.len() == 10 {
        format!("{number}01")
    } else {
        number.to_owned()
    };
    if !number.ends_with("01") {
        return Err(format_error(FORMAT));
    }
    let check = luhn_check_digit(&digits(&number[..9]));
    last_digit_is(&number[..10], check, "Swedish VAT check digit")?;
    Ok(Valid::new(number, VAT))
}

pub(super) fn slovenia(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str =
        "a Slovenian VAT number (ID za DDV) has 8 digits not starting with 0, e.g. SI50223054";
    const KIND: &str = "Slovenian VAT check digit";
    let number = digits_only(number, &["SI"], &[8], FORMAT)?;
    if number.starts_with('0') {
        return Err(format_error(FORMAT));
    }
    let values = digits(number);
    let check = 11 - weighted_sum(&values[..7], &[8, 7, 6, 5, 4, 3, 2]) % 11;
    match check {
        // A remainder of 0 would need check digit 11: such numbers are not issued.
        11 => Err(TaxIdError::CheckDigit {
            kind: KIND,
            expected: None,
        }),
        _ => {
            last_digit_is(number, check % 10, KIND)?;
            Ok(Valid::new(number, VAT))
        }
    }
}

pub(super) fn slovakia(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str = "a Slovak VAT number (IČ DPH) has 10 digits, e.g. SK2022749619";
    let number = digits_only(number, &["SK"], &[10], FORMAT)?;
    let values = digits(number);
    let value: u64 = number.parse().unwrap_or(0);
    let company = values[0] != 0 && matches!(values[2], 2 | 3 | 4 | 7 | 8 | 9) && value % 11 == 0;
    // Persons may register with their birth number, shared with the Czech Republic.
    if !company
        && birth_number(
            number,
            "Slovak birth number",
            "Slovak birth number check digit",
        )
        .is_err()
    {
        return Err(TaxIdError::CheckDigit {
            kind: "Slovak VAT check digit",
            expected: None,
        });
    }
    Ok(Valid::new(number, VAT))
}
