//! Tax ids of European countries outside the EU: the United Kingdom (VAT number and UTR),
//! Switzerland (UID) and Norway (organisation number).
//!
//! Canonical forms: GB VAT without the `GB`/`XI` prefix (`980780684`, `GD001`); GB UTR as its 10
//! digits; CH `CHE` and 9 digits (`CHE100155212`) with any MWST/TVA/IVA/TPV suffix dropped;
//! NO the 9 digits (`988077917`) with any `MVA` suffix dropped. The suffixes only say the
//! organisation is registered for VAT, and dropping them keeps one stored form per organisation.

use super::{
    all_digits, check_error, digit_char, digits, format_error, invalid, weighted_sum,
    without_prefix, TaxIdError, Valid,
};

/// United Kingdom: VAT numbers (9 digits, or 12 for a branch; GD/HA for government departments
/// and health authorities) and the 10-digit Unique Taxpayer Reference (UTR).
pub(super) fn united_kingdom(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str = "a UK VAT number has 9 digits (12 with a branch), e.g. GB980780684, or \
         GD/HA and 3 digits; a UTR has 10 digits";
    const KIND: &str = "UK VAT number";
    // XI marks Northern Ireland traders under the Windsor Framework; the number is the same.
    let number = without_prefix(number, &["GB", "XI"]);
    if !number.is_ascii() {
        return Err(format_error(FORMAT));
    }
    let (letters, rest) = number.split_at(number.len().min(2));
    if matches!(letters, "GD" | "HA") {
        // Government departments (GD000–GD499) and health authorities (HA500–HA999) have no
        // check digit; their 11-character form GD8888nnnCC has one (nnn modulo 97).
        let (unit, check) = match rest.len() {
            3 => (rest, None),
            9 if rest.starts_with("8888") => (&rest[4..7], Some(&rest[7..])),
            _ => return Err(format_error(FORMAT)),
        };
        if !all_digits(rest) {
            return Err(format_error(FORMAT));
        }
        let unit: u32 = unit.parse().unwrap_or(0);
        if (letters == "GD") != (unit < 500) {
            return Err(invalid(
                KIND,
                "GD numbers go from 000 to 499 and HA numbers from 500 to 999",
            ));
        }
        if let Some(check) = check {
            let expected = format!("{:02}", unit % 97);
            if check != expected {
                return Err(check_error("UK VAT check digits", expected));
            }
        }
        return Ok(Valid::new(number, "VAT"));
    }
    if !all_digits(number) {
        return Err(format_error(FORMAT));
    }
    match number.len() {
        9 | 12 => {
            // Weights 8 … 2 on the first seven digits; the next two are the check number. The
            // sum is 0 modulo 97 for the original series and 42 for the newer "9755" series (55
            // is added before taking the remainder). Numbers below 100 0000 00 are only issued
            // in the original series. The optional last three digits are a branch and carry no
            // check.
            let values = digits(&number[..9]);
            let remainder = weighted_sum(&values, &[8, 7, 6, 5, 4, 3, 2, 10, 1]) % 97;
            let new_series = values[0] > 0;
            if !(remainder == 0 || (new_series && remainder == 42)) {
                return Err(TaxIdError::CheckDigit {
                    kind: "UK VAT check digits",
                    expected: None,
                });
            }
            Ok(Valid::new(number, "VAT"))
        }
        10 => {
            // UTR: the first digit checks the other nine.
            let values = digits(number);
            let sum = weighted_sum(&values[1..], &[6, 7, 8, 9, 10, 5, 4, 3, 2]);
            let expected = char::from(b"21987654321"[(sum % 11) as usize]);
            if !number.starts_with(expected) {
                return Err(check_error("UTR check digit (the first digit)", expected));
            }
            Ok(Valid::new(number, "UTR"))
        }
        _ => Err(format_error(FORMAT)),
    }
}

/// Switzerland: the enterprise identification number (UID), `CHE` and 9 digits; the VAT number
/// is the same with MWST, TVA, IVA or TPV after it.
pub(super) fn switzerland(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str = "a Swiss UID is CHE and 9 digits, e.g. CHE-100.155.212";
    let number = ["MWST", "TVA", "IVA", "TPV"]
        .iter()
        .find_map(|suffix| number.strip_suffix(suffix))
        .unwrap_or(number);
    let body = number.strip_prefix("CHE").unwrap_or(number);
    if !all_digits(body) || body.len() != 9 {
        return Err(format_error(FORMAT));
    }
    let values = digits(body);
    let check = (11 - weighted_sum(&values[..8], &[5, 4, 3, 2, 7, 6, 5, 4]) % 11) % 11;
    if check == 10 {
        // A check of 10 is never issued.
        return Err(TaxIdError::CheckDigit {
            kind: "Swiss UID check digit",
            expected: None,
        });
    }
    if values[8] != check {
        return Err(check_error("Swiss UID check digit", digit_char(check)));
    }
    Ok(Valid::new(format!("CHE{body}"), "UID"))
}

/// Norway: the organisation number (organisasjonsnummer), 9 digits; the VAT number is the same
/// with MVA after it.
pub(super) fn norway(number: &str) -> Result<Valid, TaxIdError> {
    const FORMAT: &str =
        "a Norwegian organisation number has 9 digits, e.g. 988 077 917 (or NO988077917MVA)";
    let number = without_prefix(number, &["NO"]);
    let number = number.strip_suffix("MVA").unwrap_or(number);
    if !all_digits(number) || number.len() != 9 {
        return Err(format_error(FORMAT));
    }
    let values = digits(number);
    let check = (11 - weighted_sum(&values[..8], &[3, 2, 7, 6, 5, 4, 3, 2]) % 11) % 11;
    if check == 10 {
        return Err(TaxIdError::CheckDigit {
            kind: "Norwegian organisation number check digit",
            expected: None,
        });
    }
    if values[8] != check {
        return Err(check_error(
            "Norwegian organisation number check digit",
            digit_char(check),
        ));
    }
    Ok(Valid::new(number, "Orgnr"))
}
