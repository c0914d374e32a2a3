//! Tax ids of the Americas: United States EIN, Mexican RFC, Argentine CUIT, Brazilian CNPJ and
//! CPF, Chilean RUT and Colombian NIT.
//!
//! Canonical forms, all without separators or country prefix: US `042103594`; MX the 12 or 13
//! characters (`MAB9307148T4`, `GODE561231GR8`); AR the 11 digits (`20267565393`); BR the 14
//! characters of a CNPJ (`16727230000197`) or the 11 digits of a CPF (`39053344705`); CL the body
//! and check character (`760864285`, `K` upper case); CO the body and check digit
//! (`8909039388`).

use super::{
    all_digits, check_error, digit_char, digits, format_error, invalid, is_date, weighted_sum,
    without_prefix, TaxIdError, Valid,
};

/// EIN prefixes the IRS assigns (its page "How EINs are assigned and valid EIN prefixes", as
/// python-stdnum's `us/ein.dat` records it). An EIN has no check digit, so the prefix is the
/// only thing besides the length that can be checked.
const EIN_PREFIXES: &[u32] = &[
    1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 14, 15, 16, 20, 21, 22, 23, 24, 25, 26, 27, 30, 31, 32, 33,
    34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 50, 51, 52, 53, 54, 55, 56, 57, 58,
    59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 71, 72, 73, 74, 75, 76, 77, 80, 81, 82, 83, 84, 85, 86,
    87, 88, 90, 91, 92, 93, 94, 95, 98, 99,
];

pub(super) fn united_states(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str = "a US EIN has 9 digits, written NN-NNNNNNN, e.g. 04-2103594";
    let number = without_prefix(number, &["US"]);
    if !all_digits(number) || number.len() != 9 {
        return Err(format_error(FORMAT));
    }
    let prefix: u32 = number[..2].parse().unwrap_or(0);
    if !EIN_PREFIXES.contains(&prefix) {
        return Err(invalid(
            "US EIN",
            format!("the IRS does not assign the prefix {prefix:02}"),
        ));
    }
    Ok(Valid::new(number, "EIN"))
}

/// Characters of an RFC in the order the check digit counts them (value = position).
const RFC_ALPHABET: &str = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ";

/// Four-letter beginnings the SAT never issues to persons because they spell rude words (it
/// replaces the last letter with X instead); the list python-stdnum takes from the SAT.
const RFC_AVOIDED_WORDS: &[&str] = &[
    "BUEI", "BUEY", "CACA", "CACO", "CAGA", "CAGO", "CAKA", "CAKO", "COGE", "COJA", "COJE", "COJI",
    "COJO", "CULO", "FETO", "GUEY", "JOTO", "KACA", "KACO", "KAGA", "KAGO", "KAKA", "KOGE", "KOJO",
    "KULO", "MAME", "MAMO", "MEAR", "MEAS", "MEON", "MION", "MOCO", "MULA", "PEDA", "PEDO", "PENE",
    "PUTA", "PUTO", "QULO", "RATA", "RUIN",
];

/// Generic RFCs the SAT prescribes for the general public and for foreigners; they do not follow
/// the check-digit rule.
const RFC_GENERIC: &[&str] = &["XAXX010101000", "XEXX010101000"];

/// Mexico: the RFC of persons (4 letters from the name, birth date YYMMDD, 3-character
/// homoclave) or of companies (3 letters, date of incorporation, homoclave). The last homoclave
/// character is a check digit over the rest.
pub(super) fn mexico(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str = "a Mexican RFC has 3 letters (companies) or 4 letters (persons), a date \
         YYMMDD and 3 characters, e.g. MAB9307148T4 or GODE561231GR8";
    const KIND: &str = "Mexican RFC";
    let chars: Vec<char> = number.chars().collect();
    // A person's RFC may itself start with MX, so the prefix only goes from a number that is
    // too long without it.
    let chars = if matches!(chars.len(), 14 | 15) && number.starts_with("MX") {
        chars[2..].to_vec()
    } else {
        chars
    };
    let canonical: String = chars.iter().collect();
    if RFC_GENERIC.contains(&canonical.as_str()) {
        return Ok(Valid::new(canonical, "RFC"));
    }
    let letters = match chars.len() {
        13 => 4,
        12 => 3,
        _ => return Err(format_error(FORMAT)),
    };
    let is_letter = |c: &char| c.is_ascii_uppercase() || matches!(c, '&' | 'Ñ');
    let date: String = chars[letters..letters + 6].iter().collect();
    let homoclave = &chars[letters + 6..];
    if !chars[..letters].iter().all(is_letter)
        || !all_digits(&date)
        || !homoclave
            .iter()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
    {
        return Err(format_error(FORMAT));
    }
    if letters == 4 {
        let start: String = chars[..4].iter().collect();
        if RFC_AVOIDED_WORDS.contains(&start.as_str()) {
            return Err(invalid(
                KIND,
                format!("the SAT never issues an RFC starting with {start}"),
            ));
        }
    }
    let date = digits(&date);
    // The century is not written; 00 could be 2000, a leap year, so 29 February is allowed.
    if !is_date(
        2000 + date[0] * 10 + date[1],
        date[2] * 10 + date[3],
        date[4] * 10 + date[5],
    ) {
        return Err(invalid(KIND, "the date in it does not exist"));
    }
    // The homoclave's first two characters come from the SAT's table, which has no 0 and whose
    // first character never goes past V; the third is the check digit, 0–9 or A.
    let first_ok = matches!(homoclave[0], '1'..='9' | 'A'..='V');
    let second_ok = matches!(homoclave[1], '1'..='9' | 'A'..='Z');
    if !first_ok || !second_ok {
        return Err(invalid(
            KIND,
            "the homoclave (last 3 characters) cannot exist",
        ));
    }
    // The check digit weighs the 12 characters before it 13 down to 2; a company's 11 are padded
    // with a leading space.
    let mut payload: Vec<char> = chars[..chars.len() - 1].to_vec();
    if payload.len() == 11 {
        payload.insert(0, ' ');
    }
    let sum: u32 = payload
        .iter()
        .zip((2..=13).rev())
        .map(|(c, weight)| RFC_ALPHABET.chars().position(|a| a == *c).unwrap_or(0) as u32 * weight)
        .sum();
    let expected = match (11 - sum % 11) % 11 {
        10 => 'A',
        value => digit_char(value),
    };
    if chars[chars.len() - 1] != expected {
        return Err(check_error("RFC check digit", expected));
    }
    Ok(Valid::new(canonical, "RFC"))
}

/// Argentina: the CUIT (CUIL for employees), 2-digit type, 8-digit document number, check digit.
pub(super) fn argentina(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str = "an Argentine CUIT has 11 digits, written NN-NNNNNNNN-N, e.g. \
         20-26756539-3";
    let number = without_prefix(number, &["AR"]);
    if !all_digits(number) || number.len() != 11 {
        return Err(format_error(FORMAT));
    }
    // 20, 23, 24, 27 persons; 30, 33, 34 companies; 50, 51, 55 special cases.
    if !matches!(
        &number[..2],
        "20" | "23" | "24" | "27" | "30" | "33" | "34" | "50" | "51" | "55"
    ) {
        return Err(invalid(
            "Argentine CUIT",
            format!("{} is not a CUIT type", &number[..2]),
        ));
    }
    let values = digits(number);
    let remainder = weighted_sum(&values[..10], &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11;
    // 11 − remainder, where 11 becomes 0 and 10 becomes 9.
    let check = match 11 - remainder {
        11 => 0,
        10 => 9,
        check => check,
    };
    if values[10] != check {
        return Err(check_error("CUIT check digit", digit_char(check)));
    }
    Ok(Valid::new(number, "CUIT"))
}

/// Brazil: a 14-character CNPJ (companies) or an 11-digit CPF (persons).
pub(super) fn brazil(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str = "a Brazilian CNPJ has 14 characters (e.g. 16.727.230/0001-97) and a CPF \
         11 digits (e.g. 390.533.447-05)";
    // An alphanumeric CNPJ may start with BR, so the prefix only goes from a number that is too
    // long without it.
    let number = match number.strip_prefix("BR") {
        Some(rest) if matches!(rest.len(), 11 | 14) => rest,
        _ => number,
    };
    if !number.is_ascii() {
        return Err(format_error(FORMAT));
    }
    match number.len() {
        14 => cnpj(number, FORMAT),
        11 if all_digits(number) => cpf(number),
        _ => Err(format_error(FORMAT)),
    }
}

/// 11 − (sum modulo 11), where 10 and 11 become 0: the rule of both Brazilian check digits.
fn brazil_check_digit(sum: u32) -> u32 {
    match 11 - sum % 11 {
        10 | 11 => 0,
        check => check,
    }
}

/// The CNPJ: 8-character root, 4-character branch, 2 check digits. Since July 2026 the root and
/// branch may hold letters; each character counts as its ASCII code minus 48 (so digits keep
/// their value and A is 17).
fn cnpj(number: &str, format: &str) -> Result<Valid, TaxIdError> {
    let bytes = number.as_bytes();
    if !bytes[..12]
        .iter()
        .all(|byte| byte.is_ascii_digit() || byte.is_ascii_uppercase())
        || !all_digits(&number[12..])
    {
        return Err(format_error(format));
    }
    if bytes.iter().all(|&byte| byte == bytes[0]) {
        return Err(invalid("Brazilian CNPJ", "all its digits are the same"));
    }
    let values: Vec<u32> = bytes.iter().map(|&byte| u32::from(byte - b'0')).collect();
    let first = brazil_check_digit(weighted_sum(
        &values[..12],
        &[5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2],
    ));
    let second = brazil_check_digit(weighted_sum(
        &[&values[..12], &[first][..]].concat(),
        &[6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2],
    ));
    let expected = format!("{first}{second}");
    if number[12..] != expected {
        return Err(check_error("CNPJ check digits", expected));
    }
    Ok(Valid::new(number, "CNPJ"))
}

fn cpf(number: &str) -> Result<Valid, TaxIdError> {
    let values = digits(number);
    // 000.000.000-00, 111.111.111-11 … pass the arithmetic but are placeholders, not CPFs.
    if values.iter().all(|&digit| digit == values[0]) {
        return Err(invalid("Brazilian CPF", "all its digits are the same"));
    }
    let first = brazil_check_digit(weighted_sum(&values[..9], &[10, 9, 8, 7, 6, 5, 4, 3, 2]));
    let second = brazil_check_digit(weighted_sum(
        &[&values[..9], &[first][..]].concat(),
        &[11, 10, 9, 8, 7, 6, 5, 4, 3, 2],
    ));
    let expected = format!("{first}{second}");
    if number[9..] != expected {
        return Err(check_error("CPF check digits", expected));
    }
    Ok(Valid::new(number, "CPF"))
}

/// Chile: the RUT (RUN for persons), a 7- or 8-digit body and a check character 0–9 or K.
pub(super) fn chile(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str =
        "a Chilean RUT has 7 or 8 digits and a check digit or K, e.g. 76.086.428-5";
    let number = without_prefix(number, &["CL"]);
    if !number.is_ascii() || !matches!(number.len(), 8 | 9) {
        return Err(format_error(FORMAT));
    }
    let (body, check) = number.split_at(number.len() - 1);
    if !all_digits(body) || !(all_digits(check) || check == "K") {
        return Err(format_error(FORMAT));
    }
    // Weights 2, 3, 4, 5, 6, 7, 2, 3 … from the right.
    let sum: u32 = digits(body)
        .iter()
        .rev()
        .zip([2, 3, 4, 5, 6, 7].iter().cycle())
        .map(|(digit, weight)| digit * weight)
        .sum();
    let expected = match 11 - sum % 11 {
        11 => '0',
        10 => 'K',
        value => digit_char(value),
    };
    if !check.starts_with(expected) {
        return Err(check_error("RUT check digit", expected));
    }
    Ok(Valid::new(number, "RUT"))
}

/// Colombia: the NIT, a body of up to 15 digits and a check digit computed with prime weights.
pub(super) fn colombia(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str = "a Colombian NIT has 7 to 15 digits and a check digit, e.g. 890.903.938-8";
    const WEIGHTS: [u32; 15] = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];
    let number = without_prefix(number, &["CO"]);
    if !all_digits(number) || !(8..=16).contains(&number.len()) {
        return Err(format_error(FORMAT));
    }
    let values = digits(number);
    let (body, check) = values.split_at(values.len() - 1);
    let body_reversed: Vec<u32> = body.iter().rev().copied().collect();
    let remainder = weighted_sum(&body_reversed, &WEIGHTS) % 11;
    let expected = if remainder < 2 {
        remainder
    } else {
        11 - remainder
    };
    if check[0] != expected {
        return Err(check_error("NIT check digit", digit_char(expected)));
    }
    Ok(Valid::new(number, "NIT"))
}
