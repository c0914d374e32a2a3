//! Contact and bank data formats: IBAN, BIC, email, website, phone, postal code and the ISO
//! country and currency lists, from published examples and the mistakes people make.

use partnero::validate::formats::*;

/// One example IBAN per country, as printed in the SWIFT IBAN registry.
const REGISTRY_IBANS: &[&str] = &[
    "AD12 0001 2030 2003 5910 0100",
    "AE07 0331 2345 6789 0123 456",
    "AL47 2121 1009 0000 0002 3569 8741",
    "AT61 1904 3002 3457 3201",
    "AZ21 NABZ 0000 0000 1370 1000 1944",
    "BA39 1290 0794 0102 8494",
    "BE68 5390 0754 7034",
    "BG80 BNBG 9661 1020 3456 78",
    "BH67 BMAG 0000 1299 1234 56",
    "BI42 1000 0100 0100 0033 2045 181",
    "BR18 0036 0305 0000 1000 9795 493C 1",
    "BY13 NBRB 3600 9000 0000 2Z00 AB00",
    "CH93 0076 2011 6238 5295 7",
    "CR05 0152 0200 1026 2840 66",
    "CY17 0020 0128 0000 0012 0052 7600",
    "CZ65 0800 0000 1920 0014 5399",
    "DE89 3704 0044 0532 0130 00",
    "DJ21 0001 0000 0001 5400 0100 186",
    "DK50 0040 0440 1162 43",
    "DO28 BAGR 0000 0001 2124 5361 1324",
    "EE38 2200 2210 2014 5685",
    "EG380019000500000000263180002",
    "ES91 2100 0418 4502 0005 1332",
    "FI21 1234 5600 0007 85",
    "FK88 SC12 3456 7890 12",
    "FO62 6460 0001 6316 34",
    "FR14 2004 1010 0505 0001 3M02 606",
    "GB29 NWBK 6016 1331 9268 19",
    "GE29 NB00 0000 0101 9049 17",
    "GI75 NWBK 0000 0000 7099 453",
    "GL89 6471 0001 0002 06",
    "GR16 0110 1250 0000 0001 2300 695",
    "GT82 TRAJ 0102 0000 0012 1002 9690",
    "HR12 1001 0051 8630 0016 0",
    "HU42 1177 3016 1111 1018 0000 0000",
    "IE29 AIBK 9311 5212 3456 78",
    "IL62 0108 0000 0009 9999 999",
    "IQ98 NBIQ 8501 2345 6789 012",
    "IS14 0159 2600 7654 5510 7303 39",
    "IT60 X054 2811 1010 0000 0123 456",
    "JO94 CBJO 0010 0000 0000 0131 0003 02",
    "KW81 CBKU 0000 0000 0000 1234 5601 01",
    "KZ86 125K ZT50 0410 0100",
    "LB62 0999 0000 0001 0019 0122 9114",
    "LC55 HEMM 0001 0001 0012 0012 0002 3015",
    "LI21 0881 0000 2324 013A A",
    "LT12 1000 0111 0100 1000",
    "LU28 0019 4006 4475 0000",
    "LV80 BANK 0000 4351 9500 1",
    "LY83 0020 4800 0020 1001 2036 1",
    "MC58 1122 2000 0101 2345 6789 030",
    "MD24 AG00 0225 1000 1310 4168",
    "ME25 5050 0001 2345 6789 51",
    "MK07 2501 2000 0058 984",
    "MN12 1234 1234 5678 9123",
    "MR13 0002 0001 0100 0012 3456 753",
    "MT84 MALT 0110 0001 2345 MTLC AST0 01S",
    "MU17 BOMM 0101 1010 3030 0200 000M UR",
    "NI45 BAPR 0000 0013 0000 0355 8124",
    "NL91 ABNA 0417 1643 00",
    "NO93 8601 1117 947",
    "OM81 0180 0000 0129 9123 456",
    "PL61 1090 1014 0000 0712 1981 2874",
    "PS92 PALS 0000 0000 0400 1234 5670 2",
    "PT50 0002 0123 1234 5678 9015 4",
    "QA58 DOHB 0000 1234 5678 90AB CDEF G",
    "RO49 AAAA 1B31 0075 9384 0000",
    "RS35 2600 0560 1001 6113 79",
    "RU03 0445 2522 5408 1781 0538 0913 1041 9",
    "SA03 8000 0000 6080 1016 7519",
    "SC18 SSCB 1101 0000 0000 0000 1497 USD",
    "SD21 2901 0501 2340 01",
    "SE45 5000 0000 0583 9825 7466",
    "SI56 2633 0001 2039 086",
    "SK31 1200 0000 1987 4263 7541",
    "SM86 U032 2509 8000 0000 0270 100",
    "SO21 1000 0010 0100 0100 141",
    "ST32 0002 0001 0192 1942 1011 2",
    "SV62 CENR 0000 0000 0000 0070 0025",
    "TL38 0080 0123 4567 8910 157",
    "TN59 1000 6035 1835 9847 8831",
    "TR33 0006 1005 1978 6457 8413 26",
    "UA21 3223 1300 0002 6007 2335 6600 1",
    "VA59 0011 2300 0012 3456 78",
    "VG96 VPVG 0000 0123 4567 8901",
    "XK05 1212 0123 4567 8906",
    "YE15 CBYE 0001 0188 6123 4567 8912 34",
];

/// Further published examples (ECBS and bank documentation).
const PUBLISHED_IBANS: &[(&str, &str)] = &[
    ("GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432"),
    ("DE89 3704 0044 0532 0130 00", "DE89370400440532013000"),
    ("ES91 2100 0418 4502 0005 1332", "ES9121000418450200051332"),
    ("es91 2100 0418 4502 0005 1332", "ES9121000418450200051332"),
    (
        "  FR14 2004 1010 0505 0001 3M02 606 ",
        "FR1420041010050500013M02606",
    ),
    ("IBAN: NL91 ABNA 0417 1643 00", "NL91ABNA0417164300"),
    ("IBAN BE68 5390 0754 7034", "BE68539007547034"),
    ("CH93\t0076 2011 6238 5295 7", "CH9300762011623852957"),
];

/// ISO 7064 mod 97-10 check digits for `country` and `bban`, to build IBANs whose checksum is
/// right but whose account part is not.
fn with_check_digits(country: &str, bban: &str) -> String {
    let rearranged = format!("{bban}{country}00");
    let remainder = rearranged.chars().fold(0u32, |remainder, character| {
        let value = character.to_digit(36).unwrap();
        if value < 10 {
            (remainder * 10 + value) % 97
        } else {
            (remainder * 100 + value) % 97
        }
    });
    format!("{country}{:02}{bban}", 98 - remainder)
}

fn assert_err_contains(result: Result<String, String>, needle: &str, input: &str) {
    match result {
        Ok(value) => {
            panic!("{input:?} was accepted as {value:?}; expected an error with {needle:?}")
        }
        Err(message) => assert!(
            message.contains(needle),
            "{input:?}: message {message:?} does not contain {needle:?}"
        ),
    }
}

#[test]
fn every_registry_example_iban_is_accepted_and_formats_back() {
    for &printed in REGISTRY_IBANS {
        let electronic: String = printed.split_whitespace().collect();
        assert_eq!(normalize_iban(printed), Ok(electronic.clone()), "{printed}");
        assert_eq!(
            normalize_iban(&electronic),
            Ok(electronic.clone()),
            "{printed}"
        );
        // The registry prints Egypt's example without spaces; all others in groups of four.
        if printed.contains(' ') {
            assert_eq!(format_iban(&electronic), printed);
        }
        let formatted = format_iban(&electronic);
        let groups: Vec<&str> = formatted.split(' ').collect();
        assert!(groups[..groups.len() - 1]
            .iter()
            .all(|group| group.len() == 4));
        assert_eq!(groups.concat(), electronic);
    }
}

#[test]
fn published_ibans_are_accepted_in_any_spacing_and_case() {
    for &(typed, canonical) in PUBLISHED_IBANS {
        assert_eq!(normalize_iban(typed), Ok(canonical.to_owned()), "{typed:?}");
    }
    assert_eq!(
        format_iban("GB82WEST12345698765432"),
        "GB82 WEST 1234 5698 7654 32"
    );
    assert_eq!(format_iban("NO9386011117947"), "NO93 8601 1117 947");
    assert_eq!(format_iban("ES91 2100 0418"), "ES91 2100 0418");
}

#[test]
fn wrong_ibans_say_what_is_wrong() {
    let germany_with_letter = with_check_digits("DE", "37040044053201300A");
    let cases: &[(&str, &str)] = &[
        ("", "empty"),
        ("   ", "empty"),
        (
            "ES91 2100 0418 4502 0005 133",
            "an IBAN from Spain (ES) has 24 characters (got 23)",
        ),
        (
            "DE89 3704 0044 0532 0130 000",
            "an IBAN from Germany (DE) has 22 characters (got 23)",
        ),
        ("GB82 WEST 1234 5698 7654 33", "check digits do not match"),
        ("GB28 WEST 1234 5698 7654 32", "check digits do not match"),
        (
            "ES91-2100-0418-4502-0005-1332",
            "only letters and digits (found '-')",
        ),
        ("9121 0004 1845 0200 0513 32", "two-letter country code"),
        ("E", "two-letter country code"),
        ("ESAB 2100 0418 4502 0005 1332", "two check digits"),
        (
            "AO06 0055 0000 9209 3133 1015 2",
            "Angola (AO) does not use IBANs",
        ),
        ("ZZ12 3456 7890", "\"ZZ\" does not use IBANs"),
        (
            &germany_with_letter,
            "the account number does not follow the IBAN format of Germany (DE)",
        ),
    ];
    for &(input, needle) in cases {
        assert_err_contains(normalize_iban(input), needle, input);
    }
}

/// Mod 97 catches every single-character substitution; this checks that nothing between the
/// user and the checksum (trimming, case folding, the length table) lets one through.
#[test]
fn changing_any_single_character_of_a_valid_iban_is_rejected() {
    let mut checked = 0;
    let published = PUBLISHED_IBANS.iter().map(|&(_, canonical)| canonical);
    for valid in REGISTRY_IBANS.iter().copied().chain(published) {
        let electronic: Vec<u8> = valid.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
        for position in 2..electronic.len() {
            let original = electronic[position];
            let alternatives: Vec<u8> = if original.is_ascii_digit() {
                (b'0'..=b'9').collect()
            } else {
                (b'A'..=b'Z').collect()
            };
            for replacement in alternatives.into_iter().filter(|&r| r != original) {
                let mut changed = electronic.clone();
                changed[position] = replacement;
                let changed = String::from_utf8(changed).unwrap();
                assert_err_contains(normalize_iban(&changed), "check digits", &changed);
                checked += 1;
            }
        }
    }
    assert!(checked > 20_000, "only {checked} variants checked");
}

#[test]
fn bics_of_8_and_11_characters_are_accepted() {
    let cases = [
        ("DEUTDEFF", "DEUTDEFF"),
        ("DEUTDEFF500", "DEUTDEFF500"),
        (" deut de ff ", "DEUTDEFF"),
        ("NWBKGB2L", "NWBKGB2L"),
        ("BSCHESMMXXX", "BSCHESMMXXX"),
        ("CAIXESBBXXX", "CAIXESBBXXX"),
        ("RZBAATWW", "RZBAATWW"),
        ("BNBGBGSD", "BNBGBGSD"),
        // Kosovo: SWIFT uses XK although ISO 3166 has not assigned it.
        ("RBKOXKPR", "RBKOXKPR"),
    ];
    for (typed, canonical) in cases {
        assert_eq!(normalize_bic(typed), Ok(canonical.to_owned()), "{typed:?}");
    }
}

#[test]
fn wrong_bics_say_what_is_wrong() {
    let cases = [
        ("", "empty"),
        ("DEUTDEF", "8 or 11 characters (got 7)"),
        ("DEUTDEFF5", "8 or 11 characters (got 9)"),
        ("DEUTDEFF50000", "8 or 11 characters (got 13)"),
        ("DEU1DEFF", "four letters for the bank (got DEU1)"),
        ("DEUTZZFF", "ZZ is not one"),
        ("DEUT-DEFF", "only letters and digits (found '-')"),
    ];
    for (input, needle) in cases {
        assert_err_contains(normalize_bic(input), needle, input);
    }
}

#[test]
fn emails_are_trimmed_and_their_domain_lower_cased() {
    let cases = [
        ("  Jane.Doe@Example.COM ", "Jane.Doe@example.com"),
        ("info@acme.co.uk", "info@acme.co.uk"),
        (
            "user+invoices@sub.example.org",
            "user+invoices@sub.example.org",
        ),
        ("o'brien@example.ie", "o'brien@example.ie"),
        ("facturas@empresa.es", "facturas@empresa.es"),
        ("josé@correo.ÉXAMPLE.es", "josé@correo.éxample.es"),
    ];
    for (typed, canonical) in cases {
        assert_eq!(
            normalize_email(typed),
            Ok(canonical.to_owned()),
            "{typed:?}"
        );
    }
}

#[test]
fn wrong_emails_say_what_is_wrong() {
    let long_local = format!("{}@example.com", "a".repeat(65));
    let cases: &[(&str, &str)] = &[
        ("", "empty"),
        ("plainaddress", "needs an @"),
        ("@example.com", "a name before the @"),
        ("user@", "a domain after the @"),
        ("user@localhost", "needs a dot"),
        ("user@exa mple.com", "no spaces"),
        (
            "John Smith <john@example.com>",
            "without a name or angle brackets",
        ),
        ("user@example..com", "two dots in a row"),
        ("user@.example.com", "two dots in a row"),
        ("user@[192.168.0.1]", "not an IP address"),
        ("a@b@example.com", "not allowed"),
        ("user@-example.com", "not allowed"),
        ("user@exa_mple.com", "not allowed"),
        (&long_local, "longer than 64"),
    ];
    for &(input, needle) in cases {
        assert_err_contains(normalize_email(input), needle, input);
    }
}

#[test]
fn websites_get_a_scheme_and_a_lower_case_host() {
    let cases = [
        ("example.com", "https://example.com"),
        ("  www.acme.es ", "https://www.acme.es"),
        ("https://example.com/", "https://example.com"),
        ("HTTP://Example.COM/Path?q=1", "http://example.com/Path?q=1"),
        ("www.acme.es:8080/shop", "https://www.acme.es:8080/shop"),
        (
            "https://sub.example.co.uk/a/b#contact",
            "https://sub.example.co.uk/a/b#contact",
        ),
        ("example.com?lang=es", "https://example.com?lang=es"),
        ("//example.com/x", "https://example.com/x"),
        ("https://bücher.de", "https://bücher.de"),
        ("https://xn--bcher-kva.de", "https://xn--bcher-kva.de"),
        ("https://my-shop.example", "https://my-shop.example"),
    ];
    for (typed, canonical) in cases {
        assert_eq!(normalize_url(typed), Ok(canonical.to_owned()), "{typed:?}");
    }
}

#[test]
fn wrong_websites_say_what_is_wrong() {
    let long = format!("https://example.com/{}", "a".repeat(2100));
    let cases: &[(&str, &str)] = &[
        ("", "empty"),
        ("ftp://example.com", "are accepted (got ftp://)"),
        ("mailto:info@example.com", "are accepted (got mailto:)"),
        ("localhost:3000", "needs a dot"),
        ("https://intranet/", "needs a dot"),
        ("https://exa mple.com", "no spaces"),
        ("https://user:secret@example.com", "user name"),
        ("https://example..com", "two dots in a row"),
        ("https://example.com./", "two dots in a row"),
        ("https://-example.com", "hyphen"),
        ("https://192.168.1.1/admin", "not a number"),
        ("https://example.com:99999", "port"),
        ("https://example.com:", "port"),
        ("https://exa_mple.com", "'_'"),
        ("https://", "no domain"),
        (&long, "at most 2048"),
    ];
    for &(input, needle) in cases {
        assert_err_contains(normalize_url(input), needle, input);
    }
}

#[test]
fn phones_of_every_planned_country_become_e164() {
    let cases = [
        ("612 34 56 78", "ES", "+34612345678"),
        ("91 123 45 67", "es", "+34911234567"),
        ("+34 612-345-678", "FR", "+34612345678"),
        ("0034 91 123 45 67", "", "+34911234567"),
        ("912 345 678", "PT", "+351912345678"),
        ("01 23 45 67 89", "FR", "+33123456789"),
        ("+33 (0)1 23 45 67 89", "", "+33123456789"),
        ("030 1234567", "DE", "+49301234567"),
        ("030/123 45 67", "DE", "+49301234567"),
        ("+49 (0)30 1234 567", "ES", "+49301234567"),
        ("06 1234 5678", "IT", "+390612345678"),
        ("+39 06 1234 5678", "", "+390612345678"),
        ("312 345 6789", "IT", "+393123456789"),
        ("020 7946 0958", "GB", "+442079460958"),
        ("+44 (0)20 7946 0958", "", "+442079460958"),
        ("+44 020 7946 0958", "", "+442079460958"),
        ("07700 900123", "GB", "+447700900123"),
        ("01 234 5678", "IE", "+35312345678"),
        ("087 123 4567", "IE", "+353871234567"),
        ("020 123 4567", "NL", "+31201234567"),
        ("06-12345678", "NL", "+31612345678"),
        ("02 123 45 67", "BE", "+3221234567"),
        ("0470 12 34 56", "BE", "+32470123456"),
        ("621 123 456", "LU", "+352621123456"),
        ("01 234 5678", "AT", "+4312345678"),
        ("0664 1234567", "AT", "+436641234567"),
        ("044 668 18 00", "CH", "+41446681800"),
        ("22 12 34 56", "NO", "+4722123456"),
        ("08-123 456 78", "SE", "+46812345678"),
        ("32 12 34 56", "DK", "+4532123456"),
        ("09 1234 5678", "FI", "+358912345678"),
        ("22 123 45 67", "PL", "+48221234567"),
        ("212 345 678", "CZ", "+420212345678"),
        ("02 1234 5678", "SK", "+421212345678"),
        ("06 1 234 5678", "HU", "+3612345678"),
        ("06 30 123 4567", "HU", "+36301234567"),
        ("021 123 4567", "RO", "+40211234567"),
        ("02 123 4567", "BG", "+35921234567"),
        ("210 123 4567", "GR", "+302101234567"),
        ("01 234 5678", "HR", "+38512345678"),
        ("01 234 56 78", "SI", "+38612345678"),
        ("512 3456", "EE", "+3725123456"),
        ("2123 4567", "LV", "+37121234567"),
        ("8 612 34567", "LT", "+37061234567"),
        ("0 612 34567", "LT", "+37061234567"),
        ("8 800 12345", "LT", "+37080012345"),
        ("800 12345", "LT", "+37080012345"),
        ("+370 612 34567", "", "+37061234567"),
        ("22 123456", "CY", "+35722123456"),
        ("2123 4567", "MT", "+35621234567"),
        ("(212) 555-0123", "US", "+12125550123"),
        ("1-212-555-0123", "US", "+12125550123"),
        ("416.555.0199", "CA", "+14165550199"),
        ("+1 416 555 0199", "", "+14165550199"),
        ("787 555 0123", "PR", "+17875550123"),
        ("55 1234 5678", "MX", "+525512345678"),
        ("011 4123-4567", "AR", "+541141234567"),
        ("+54 9 11 4123 4567", "", "+5491141234567"),
        ("(11) 91234-5678", "BR", "+5511912345678"),
        ("0 11 3123 4567", "BR", "+551131234567"),
        ("9 6123 4567", "CL", "+56961234567"),
        ("601 234 5678", "CO", "+576012345678"),
        ("310 123 4567", "CO", "+573101234567"),
        // Calling codes without a plan here: only the E.164 length is checked.
        ("+81 3 1234 5678", "ES", "+81312345678"),
        ("00 81 3-1234-5678", "", "+81312345678"),
        ("+86 10 1234 5678", "", "+861012345678"),
    ];
    for (typed, country, e164) in cases {
        assert_eq!(
            normalize_phone(typed, country),
            Ok(e164.to_owned()),
            "{typed:?} in {country:?}"
        );
    }
}

#[test]
fn wrong_phones_say_what_is_wrong() {
    let cases = [
        ("", "ES", "empty"),
        ("---", "ES", "needs digits"),
        (
            "612 34 56 7",
            "ES",
            "a Spanish number has 9 digits after +34 (got 8)",
        ),
        (
            "+34 612 34 56 789",
            "",
            "a Spanish number has 9 digits after +34 (got 10)",
        ),
        (
            "0301",
            "DE",
            "a German number has 6 to 13 digits after +49 (got 3)",
        ),
        (
            "061",
            "IT",
            "an Italian number has 6 to 11 digits after +39 (got 3)",
        ),
        (
            "020 7946 09",
            "GB",
            "a British number has 9 to 10 digits after +44 (got 8)",
        ),
        (
            "555-0123",
            "US",
            "a North American number has 10 digits after +1 (got 7)",
        ),
        ("(012) 555-0123", "US", "area code"),
        ("(212) 155-0123", "US", "area code"),
        (
            "12 34 56",
            "HU",
            "a Hungarian number has 8 to 9 digits after +36 (got 6)",
        ),
        ("612 345 678", "", "start the number with +"),
        (
            "612 345 678",
            "JP",
            "numbers from Japan (JP) are not recognised",
        ),
        ("+81 12", "", "8 to 15 digits"),
        ("+81 1234 5678 9012 34", "", "8 to 15 digits"),
        ("+0 123 456 789", "", "cannot start with 0"),
        ("612-ABC", "ES", "(found 'A')"),
        ("+34 +612 345 678", "", "(found '+')"),
        ("612 345 678 ext. 12", "ES", "(found 'e')"),
    ];
    for (input, country, needle) in cases {
        assert_err_contains(normalize_phone(input, country), needle, input);
    }
}

#[test]
fn postal_codes_of_every_formatted_country_are_canonical() {
    let cases = [
        ("ES", "28013", "28013"),
        ("ES", " 28 013 ", "28013"),
        ("ES", "es-08001", "08001"),
        ("ES", "52001", "52001"),
        ("PT", "1000001", "1000-001"),
        ("PT", "4000-322", "4000-322"),
        ("FR", "75008", "75008"),
        ("DE", "10115", "10115"),
        ("IT", "00184", "00184"),
        ("GB", "sw1a1aa", "SW1A 1AA"),
        ("GB", "M1 1AE", "M1 1AE"),
        ("GB", "B33 8TH", "B33 8TH"),
        ("GB", "CR2 6XH", "CR2 6XH"),
        ("GB", "DN55  1PT", "DN55 1PT"),
        ("GB", "W1A 0AX", "W1A 0AX"),
        ("GB", "EC1A 1BB", "EC1A 1BB"),
        ("IE", "a65f4e2", "A65 F4E2"),
        ("IE", "D02 X285", "D02 X285"),
        ("IE", "D6W 1234", "D6W 1234"),
        ("NL", "1012ab", "1012 AB"),
        ("NL", "9999 ZZ", "9999 ZZ"),
        ("BE", "1000", "1000"),
        ("LU", "L-2449", "2449"),
        ("LU", "1611", "1611"),
        ("AT", "1010", "1010"),
        ("CH", "CH-8001", "8001"),
        ("NO", "0150", "0150"),
        ("SE", "11455", "114 55"),
        ("SE", "SE-114 55", "114 55"),
        ("DK", "1050", "1050"),
        ("FI", "00100", "00100"),
        ("PL", "00950", "00-950"),
        ("PL", "00-950", "00-950"),
        ("CZ", "11000", "110 00"),
        ("SK", "811 01", "811 01"),
        ("HU", "1051", "1051"),
        ("RO", "010011", "010011"),
        ("BG", "1000", "1000"),
        ("GR", "10557", "105 57"),
        ("HR", "10000", "10000"),
        ("SI", "1000", "1000"),
        ("EE", "10111", "10111"),
        ("LV", "1050", "LV-1050"),
        ("LV", "lv-1050", "LV-1050"),
        ("LT", "01100", "LT-01100"),
        ("LT", "LT 01100", "LT-01100"),
        ("CY", "1010", "1010"),
        ("MT", "vlt1117", "VLT 1117"),
        ("US", "20500", "20500"),
        ("US", "20500-0003", "20500-0003"),
        ("US", "205000003", "20500-0003"),
        ("CA", "k1a0b1", "K1A 0B1"),
        ("CA", "M5V 3L9", "M5V 3L9"),
        ("MX", "06600", "06600"),
        ("AR", "C1425DKF", "C1425DKF"),
        ("AR", "1425", "1425"),
        ("BR", "01310100", "01310-100"),
        ("BR", "01310-100", "01310-100"),
        ("CL", "8320000", "8320000"),
        ("CO", "110111", "110111"),
        ("co", "110111", "110111"),
        // No known format: trimmed, single spaces, up to 12 characters.
        ("JP", " 100-0001 ", "100-0001"),
        ("AU", "2000", "2000"),
        ("ZZ", "A   B", "A B"),
    ];
    for (country, typed, canonical) in cases {
        assert_eq!(
            normalize_postal_code(country, typed),
            Ok(canonical.to_owned()),
            "{typed:?} in {country}"
        );
    }
}

#[test]
fn wrong_postal_codes_say_what_is_wrong() {
    let cases = [
        ("ES", "", "empty"),
        ("ES", "2801", "a postal code in Spain looks like 28013"),
        ("ES", "280133", "a postal code in Spain looks like 28013"),
        ("ES", "53001", "province number from 01 to 52 (got 53)"),
        ("ES", "00123", "province number from 01 to 52 (got 00)"),
        (
            "PT",
            "1000-00",
            "a postal code in Portugal looks like 1000-001",
        ),
        ("DE", "D-10115", "a postal code in Germany looks like 10115"),
        (
            "GB",
            "SW1A 1AAA",
            "a postal code in the United Kingdom looks like SW1A 1AA",
        ),
        (
            "GB",
            "SW1A 1AC",
            "never include C, I, K, M, O or V (got AC)",
        ),
        ("IE", "A65 F4B2", "Eircodes never use the letter B"),
        ("IE", "A6B F4E2", "A6B is not an Eircode routing key"),
        ("NL", "0123 AB", "start at 1000"),
        ("NL", "1234 SS", "SS is not used"),
        (
            "NL",
            "1234",
            "a postal code in the Netherlands looks like 1012 AB",
        ),
        ("BE", "0999", "postal codes in Belgium start at 1000"),
        ("SE", "1145", "a postal code in Sweden looks like 114 55"),
        (
            "LV",
            "LT-1050",
            "a postal code in Latvia looks like LV-1050",
        ),
        (
            "MT",
            "VL 1117",
            "a postal code in Malta looks like VLT 1117",
        ),
        ("US", "2050", "looks like 20500 or 20500-0003"),
        ("CA", "W1A 0B1", "never start with W or Z"),
        ("CA", "K1D 0B1", "never use the letters D, F, I, O, Q or U"),
        ("AR", "C142DKF", "looks like C1425DKF or 1425"),
        ("BR", "0131-100", "looks like 01310-100"),
        ("JP", "1234567890123", "at most 12 characters (got 13)"),
    ];
    for (country, input, needle) in cases {
        assert_err_contains(normalize_postal_code(country, input), needle, input);
    }
}

#[test]
fn all_249_iso_countries_are_known_with_names() {
    let all: Vec<(&str, &str)> = countries().collect();
    assert_eq!(all.len(), 249);
    for window in all.windows(2) {
        assert!(window[0].0 < window[1].0, "{window:?} not in code order");
    }
    for &(code, name) in &all {
        assert!(is_country(code), "{code}");
        assert_eq!(country_name(code), Some(name));
        assert!(!name.is_empty() && !name.contains('|'), "{code}: {name:?}");
    }
    let spot_checks = [
        ("AD", "Andorra"),
        ("AX", "Åland Islands"),
        ("CI", "Côte d'Ivoire"),
        ("CZ", "Czechia"),
        ("DE", "Germany"),
        ("ES", "Spain"),
        ("GB", "United Kingdom"),
        ("KR", "South Korea"),
        ("MX", "Mexico"),
        ("NL", "Netherlands"),
        ("PT", "Portugal"),
        ("SE", "Sweden"),
        ("TR", "Türkiye"),
        ("US", "United States"),
        ("ZW", "Zimbabwe"),
    ];
    for (code, name) in spot_checks {
        assert_eq!(country_name(code), Some(name), "{code}");
    }
    for code in ["", "E", "es", "EU", "UK", "XK", "ZZ", "ESP", "É"] {
        assert!(!is_country(code), "{code:?}");
        assert_eq!(country_name(code), None, "{code:?}");
    }
}

#[test]
fn every_country_with_a_phone_or_postal_format_has_a_name() {
    let listed = [
        "ES", "PT", "FR", "DE", "IT", "GB", "IE", "NL", "BE", "LU", "AT", "CH", "NO", "SE", "DK",
        "FI", "PL", "CZ", "SK", "HU", "RO", "BG", "GR", "HR", "SI", "EE", "LV", "LT", "CY", "MT",
        "US", "CA", "MX", "AR", "BR", "CL", "CO",
    ];
    for code in listed {
        assert!(country_name(code).is_some(), "{code}");
    }
}

#[test]
fn currencies_know_their_minor_units() {
    let cases = [
        ("EUR", 2),
        ("USD", 2),
        ("GBP", 2),
        ("CHF", 2),
        ("JPY", 0),
        ("KRW", 0),
        ("ISK", 0),
        ("CLP", 0),
        ("CLF", 4),
        ("UYW", 4),
        ("KWD", 3),
        ("BHD", 3),
        ("TND", 3),
        ("XOF", 0),
        ("VND", 0),
        ("MXN", 2),
        ("BRL", 2),
        ("ARS", 2),
        ("COP", 2),
        ("PLN", 2),
        ("ZWG", 2),
    ];
    for (code, units) in cases {
        assert!(is_currency(code), "{code}");
        assert_eq!(currency_minor_units(code), Some(units), "{code}");
    }
    for code in [
        "", "EU", "EURO", "eur", "XXX", "XAU", "XTS", "HRK", "ABC", "€",
    ] {
        assert!(!is_currency(code), "{code:?}");
        assert_eq!(currency_minor_units(code), None, "{code:?}");
    }
}
