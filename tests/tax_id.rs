//! Native tests of the tax-id validators: published valid and invalid numbers for every
//! identifier type, formatting variants that must reach the same canonical form, every single
//! digit substitution of every valid number, and the messages users see.
//!
//! "stdnum xx/yyy" in a comment means the example is from the docstring of python-stdnum's
//! `stdnum/xx/yyy.py`; "computed" means we built it with the published algorithm because no
//! published example of that variant was at hand.

use partnero::validate::tax_id::{check_tax_id, supported_countries, tax_id_kind, TaxIdError};

/// A valid number: country, as typed, canonical form, kind.
type Valid = (&'static str, &'static str, &'static str, &'static str);

const VALID: &[Valid] = &[
    // Spain.
    ("ES", "54362315K", "54362315K", "NIF"),  // stdnum es/dni
    ("ES", "54362315-k", "54362315K", "NIF"), // same, as typed with a hyphen
    ("ES", "12345678Z", "12345678Z", "NIF"),  // the AEAT's specimen DNI
    ("ES", "ES 12.345.678-Z", "12345678Z", "NIF"),
    ("ES", "x-2482300w", "X2482300W", "NIE"), // stdnum es/nie
    ("ES", "Y1234567X", "Y1234567X", "NIE"),  // computed
    ("ES", "M-1234567-L", "M1234567L", "NIF"), // stdnum es/nif
    ("ES", "J99216582", "J99216582", "CIF"),  // stdnum es/cif
    ("ES", "J9921658B", "J9921658B", "CIF"),  // same, J may write its control as a letter
    ("ES", "ES B-58378431", "B58378431", "CIF"), // stdnum es/nif
    ("ES", "esb58378431", "B58378431", "CIF"),
    ("ES", "B12345674", "B12345674", "CIF"), // the usual specimen CIF
    ("ES", "Q2818002D", "Q2818002D", "CIF"), // computed: Q (public body) takes a letter
    ("ES", "N0032484H", "N0032484H", "CIF"), // computed: province 00 takes a letter
    // Austria.
    ("AT", "AT U13585627", "U13585627", "VAT"), // stdnum at/uid
    ("AT", "u 1358 5627", "U13585627", "VAT"),
    // Belgium.
    ("BE", "BE403019261", "0403019261", "VAT"), // stdnum be/vat (old 9-digit form)
    ("BE", "BE 0403.019.261", "0403019261", "VAT"),
    // Bulgaria.
    ("BG", "BG 175 074 752", "175074752", "VAT"), // stdnum bg/vat
    ("BG", "8032056031", "8032056031", "VAT"),    // stdnum bg/egn (a person's EGN)
    ("BG", "7111 042 925", "7111042925", "VAT"),  // stdnum bg/pnf (a foreigner's number)
    ("BG", "962283037", "962283037", "VAT"),      // computed
    // Cyprus.
    ("CY", "CY-10259033P", "10259033P", "VAT"), // stdnum cy/vat
    // Czech Republic.
    ("CZ", "CZ 25123891", "25123891", "VAT"), // stdnum cz/dic (legal entity)
    ("CZ", "710319/2745", "7103192745", "VAT"), // stdnum cz/rc (birth number)
    ("CZ", "640903926", "640903926", "VAT"),  // stdnum cz/dic (special case)
    ("CZ", "991231123", "991231123", "VAT"),  // stdnum cz/rc (9-digit, before 1954)
    ("CZ", "46505334", "46505334", "VAT"),    // computed
    // Germany.
    ("DE", "DE 136 695 976", "136695976", "VAT"), // stdnum de/vat
    // Denmark.
    ("DK", "DK 13 58 56 28", "13585628", "VAT"), // stdnum dk/cvr
    // Estonia.
    ("EE", "EE 100 931 558", "100931558", "VAT"), // stdnum ee/kmkr
    ("EE", "100594102", "100594102", "VAT"),      // stdnum ee/kmkr
    // Greece: VAT prefix EL, country code GR.
    ("GR", "EL 094259216 ", "094259216", "VAT"), // stdnum gr/vat
    ("GR", "GR094259216", "094259216", "VAT"),
    ("EL", "el094259216", "094259216", "VAT"),
    // Finland.
    ("FI", "FI 2077474-0", "20774740", "VAT"), // stdnum fi/alv
    // France.
    ("FR", "Fr 40 303 265 045", "40303265045", "VAT"), // stdnum fr/tva
    ("FR", "23334175221", "23334175221", "VAT"),       // stdnum fr/tva
    ("FR", "K7399859412", "K7399859412", "VAT"),       // stdnum fr/tva (new style)
    ("FR", "4Z123456782", "4Z123456782", "VAT"),       // stdnum fr/tva (new style)
    // Croatia.
    ("HR", "HR 33392005961", "33392005961", "VAT"), // stdnum hr/oib
    // Hungary.
    ("HU", "HU-12892312", "12892312", "VAT"), // stdnum hu/anum
    // Ireland.
    ("IE", "IE 6433435F", "6433435F", "VAT"), // stdnum ie/vat
    ("IE", "IE 6433435OA", "6433435OA", "VAT"), // stdnum ie/vat (2013 style)
    ("IE", "8D79739I", "8D79739I", "VAT"),    // stdnum ie/vat (old style)
    // Italy.
    ("IT", "IT 00743110157", "00743110157", "VAT"), // stdnum it/iva
    // Lithuania.
    ("LT", "119511515", "119511515", "VAT"), // stdnum lt/pvm
    ("LT", "LT 100001919017", "100001919017", "VAT"), // stdnum lt/pvm
    ("LT", "100004801610", "100004801610", "VAT"), // stdnum lt/pvm (second weights)
    ("LT", "100043915013", "100043915013", "VAT"), // computed
    // Luxembourg.
    ("LU", "LU 150 274 42", "15027442", "VAT"), // stdnum lu/tva
    // Latvia.
    ("LV", "LV 4000 3521 600", "40003521600", "VAT"), // stdnum lv/pvn
    ("LV", "161175-19997", "16117519997", "VAT"),     // stdnum lv/pvn (personal code)
    // Malta.
    ("MT", "MT 1167-9112", "11679112", "VAT"), // stdnum mt/vat
    // Netherlands.
    ("NL", "004495445B01", "004495445B01", "VAT"), // stdnum nl/btw (RSIN, eleven-test)
    ("NL", "NL4495445B01", "004495445B01", "VAT"), // stdnum nl/btw (short form)
    ("NL", "NL002455799B11", "002455799B11", "VAT"), // stdnum nl/btw (2020 btw-id, mod 97)
    // Poland.
    ("PL", "PL 8567346215", "8567346215", "VAT"), // stdnum pl/nip
    ("PL", "856-734-62-15", "8567346215", "VAT"),
    // Portugal.
    ("PT", "PT 501 964 843", "501964843", "VAT"), // stdnum pt/nif
    // Romania.
    ("RO", "RO 185 472 90", "18547290", "VAT"), // stdnum ro/cf (CUI)
    ("RO", "1630615123457", "1630615123457", "VAT"), // stdnum ro/cnp
    ("RO", "12345674", "12345674", "VAT"),      // computed
    // Sweden.
    ("SE", "SE 123456789701", "123456789701", "VAT"), // stdnum se/vat
    ("SE", "556012-5790", "556012579001", "VAT"),     // Volvo's organisation number
    // Slovenia.
    ("SI", "SI 5022 3054", "50223054", "VAT"), // stdnum si/ddv
    // Slovakia.
    ("SK", "SK 202 274 96 19", "2022749619", "VAT"), // stdnum sk/dph
    // United Kingdom.
    ("GB", "GB 980 7806 84", "980780684", "VAT"), // stdnum gb/vat
    ("GB", "XI 980 7806 84", "980780684", "VAT"),
    ("GB", "GB 980 7806 84 001", "980780684001", "VAT"), // with a branch
    ("GB", "GD001", "GD001", "VAT"),                     // government department
    ("GB", "HA500", "HA500", "VAT"),                     // health authority
    ("GB", "1955839661", "1955839661", "UTR"),           // stdnum gb/utr
    ("GB", "55555 55555", "5555555555", "UTR"),          // computed
    ("GB", "999 9999 73", "999999973", "VAT"),           // computed (original series)
    // Switzerland.
    ("CH", "CHE-100.155.212", "CHE100155212", "UID"), // stdnum ch/uid
    ("CH", "che 100 155 212 mwst", "CHE100155212", "UID"),
    ("CH", "CHE-100.155.212 TVA", "CHE100155212", "UID"),
    // Norway.
    ("NO", "988 077 917", "988077917", "Orgnr"), // stdnum no/orgnr
    ("NO", "NO 988077917 MVA", "988077917", "Orgnr"), // stdnum no/mva
    // United States.
    ("US", "04-2103594", "042103594", "EIN"), // stdnum us/ein
    ("US", "042103594", "042103594", "EIN"),
    // Mexico.
    ("MX", "GODE 561231 GR8", "GODE561231GR8", "RFC"), // stdnum mx/rfc (person)
    ("MX", "MAB-930714-8T4", "MAB9307148T4", "RFC"),   // stdnum mx/rfc (company)
    ("MX", "XAXX010101000", "XAXX010101000", "RFC"),   // SAT's generic RFC
    // Argentina.
    ("AR", "20-26756539-3", "20267565393", "CUIT"), // stdnum ar/cuit
    ("AR", "20-05536168-2", "20055361682", "CUIT"), // stdnum ar/cuit
    // Brazil.
    ("BR", "16.727.230/0001-97", "16727230000197", "CNPJ"), // stdnum br/cnpj
    ("BR", "12.ABC.345/01DE-35", "12ABC34501DE35", "CNPJ"), // Receita Federal's alphanumeric example
    ("BR", "390.533.447-05", "39053344705", "CPF"),         // stdnum br/cpf
    ("BR", "529.982.247-25", "52998224725", "CPF"),         // computed
    // Chile.
    ("CL", "76086428-5", "760864285", "RUT"), // stdnum cl/rut
    ("CL", "12.531.909-2", "125319092", "RUT"), // stdnum cl/rut
    // Colombia.
    ("CO", "213.123.432-1", "2131234321", "NIT"), // stdnum co/nit
    ("CO", "890.903.938-8", "8909039388", "NIT"), // Bancolombia's published NIT
];

/// What kind of error an invalid number must give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Format,
    Check,
    Invalid,
}

/// An invalid number: country, as typed, the kind of error.
const INVALID: &[(&str, &str, Expect)] = &[
    // Spain.
    ("ES", "54362315Z", Expect::Check), // stdnum es/dni says K
    ("ES", "1234567Z", Expect::Format), // seven digits
    ("ES", "X2482300A", Expect::Check), // stdnum es/nie says W
    ("ES", "X248230W", Expect::Format),
    ("ES", "M1234567K", Expect::Check),
    ("ES", "J99216583", Expect::Check),
    ("ES", "B5837843A", Expect::Check), // B takes a digit (1), not the letter A
    ("ES", "Q28180024", Expect::Check), // Q takes a letter (D), not the digit 4
    ("ES", "N00324848", Expect::Check), // province 00 takes a letter (H)
    ("ES", "I1234567A", Expect::Format),
    ("ES", "B1234567", Expect::Format),
    ("ES", "12345678ZZ", Expect::Format),
    // Austria.
    ("AT", "U13585626", Expect::Check),
    ("AT", "U1358562", Expect::Format),
    // Belgium.
    ("BE", "0403019262", Expect::Check),
    ("BE", "2403019261", Expect::Format), // must start with 0 or 1
    // Bulgaria.
    ("BG", "175074751", Expect::Check),
    ("BG", "1750747", Expect::Format),
    ("BG", "8032056032", Expect::Check),
    // Cyprus.
    ("CY", "10259033Z", Expect::Check),
    ("CY", "12000000C", Expect::Invalid), // no number starts with 12
    ("CY", "1025903P", Expect::Format),
    // Czech Republic.
    ("CZ", "25123890", Expect::Check),     // stdnum cz/dic
    ("CZ", "7103192746", Expect::Check),   // stdnum cz/rc
    ("CZ", "1103492745", Expect::Invalid), // stdnum cz/rc: invalid date
    ("CZ", "590312123", Expect::Invalid),  // stdnum cz/rc: 9 digits in 1959
    ("CZ", "95123891", Expect::Invalid),   // 8 digits never start with 9
    // Germany.
    ("DE", "136695978", Expect::Check),
    ("DE", "036695976", Expect::Format),
    // Denmark.
    ("DK", "13585627", Expect::Check),
    // Estonia.
    ("EE", "100594103", Expect::Check), // stdnum ee/kmkr
    // Greece.
    ("GR", "EL094259217", Expect::Check),
    ("GR", "0942592161", Expect::Format),
    // Finland.
    ("FI", "20774741", Expect::Check),
    // France.
    ("FR", "84 323 140 391", Expect::Check), // stdnum fr/tva
    ("FR", "IO334175221", Expect::Format),   // stdnum fr/tva: no I or O in the key
    ("FR", "40303265046", Expect::Check),    // SIREN check digit
    ("FR", "K7399859413", Expect::Check),
    // Croatia.
    ("HR", "33392005962", Expect::Check),
    // Hungary.
    ("HU", "12892313", Expect::Check),
    // Ireland.
    ("IE", "6433435E", Expect::Check),
    ("IE", "8D79739J", Expect::Check),
    ("IE", "643343F", Expect::Format),
    // Italy.
    ("IT", "00743110158", Expect::Check),
    ("IT", "00743112007", Expect::Invalid), // office 200 does not exist
    ("IT", "00000001017", Expect::Invalid), // company number all zeros
    // Lithuania.
    ("LT", "100001919018", Expect::Check), // stdnum lt/pvm
    ("LT", "119511525", Expect::Format),   // no 1 in 8th place
    // Luxembourg.
    ("LU", "15027443", Expect::Check),
    // Latvia.
    ("LV", "40003521601", Expect::Check),    // stdnum lv/pvn
    ("LV", "161375-19997", Expect::Invalid), // stdnum lv/pvn: invalid date
    // Malta.
    ("MT", "11679113", Expect::Check),
    // Netherlands.
    ("NL", "123456789B90", Expect::Check), // stdnum nl/btw
    ("NL", "004495445B00", Expect::Format),
    ("NL", "004495445C01", Expect::Format),
    // Poland.
    ("PL", "8567346216", Expect::Check),
    // Portugal.
    ("PT", "501964842", Expect::Check),
    ("PT", "001964843", Expect::Format),
    // Romania.
    ("RO", "18547291", Expect::Check),
    ("RO", "1630615123458", Expect::Check),   // stdnum ro/cnp
    ("RO", "1632215123457", Expect::Invalid), // stdnum ro/cnp: invalid date
    ("RO", "12345678901", Expect::Format),
    // Sweden.
    ("SE", "123456789101", Expect::Check),
    ("SE", "123456789702", Expect::Format),
    // Slovenia.
    ("SI", "50223055", Expect::Check),
    // Slovakia.
    ("SK", "2022749618", Expect::Check), // stdnum sk/dph
    // United Kingdom.
    ("GB", "802311781", Expect::Check), // stdnum gb/vat
    ("GB", "GD500", Expect::Invalid),   // GD numbers stop at 499
    ("GB", "1955839662", Expect::Check),
    ("GB", "98078068", Expect::Format),
    // Switzerland.
    ("CH", "CHE-100.155.213", Expect::Check), // stdnum ch/uid
    ("CH", "CHE-100.155.21", Expect::Format),
    // Norway.
    ("NO", "988077918", Expect::Check),
    // United States.
    ("US", "07-2103594", Expect::Invalid), // 07 is not an IRS prefix
    ("US", "4-2103594", Expect::Format),
    // Mexico.
    ("MX", "VACE-460910-SX6", Expect::Check), // stdnum mx/rfc: wrong check digit
    ("MX", "GODE561331GR8", Expect::Invalid), // month 13
    ("MX", "GODE561231GR", Expect::Format),
    // Argentina.
    ("AR", "20267565392", Expect::Check),   // stdnum ar/cuit
    ("AR", "2026756A393", Expect::Format),  // stdnum ar/cuit
    ("AR", "21267565393", Expect::Invalid), // 21 is not a CUIT type
    // Brazil.
    ("BR", "16.727.230/0001-98", Expect::Check),
    ("BR", "231.002.999-00", Expect::Check), // stdnum br/cpf
    ("BR", "111.111.111-11", Expect::Invalid),
    ("BR", "00.000.000/0000-00", Expect::Invalid),
    ("BR", "1234567890", Expect::Format),
    // Chile.
    ("CL", "76086428-4", Expect::Check),
    ("CL", "76086428-X", Expect::Format),
    // Colombia.
    ("CO", "2131234325", Expect::Check),
    ("CO", "1234", Expect::Format),
];

/// Valid numbers that some single-digit changes turn into other valid numbers, because their
/// algorithm maps two remainders to the same check digit or accepts two remainders. They are
/// still checked as valid; the exhaustive substitution test only skips them.
/// Each of these identifier types also has a computed example above that does pass the test.
const SUBSTITUTION_EXCEPTIONS: &[(&str, &str, &str)] = &[
    (
        "BG",
        "175074752",
        "a remainder of 10 falls back to other weights; 0 and 10 both give 0",
    ),
    (
        "BG",
        "8032056031",
        "ten digits pass if any of three algorithms (EGN, LNCh, other) does",
    ),
    (
        "BG",
        "7111042925",
        "ten digits pass if any of three algorithms (EGN, LNCh, other) does",
    ),
    (
        "CZ",
        "25123891",
        "check values 0 and 1 both give check digit 1",
    ),
    (
        "CZ",
        "640903926",
        "another first digit makes a 9-digit birth number, which has no check",
    ),
    (
        "FR",
        "4Z123456782",
        "a new-style key's first character moves both sides of the check",
    ),
    (
        "LT",
        "100001919017",
        "a remainder of 10 falls back to other weights; 0 and 10 give 0",
    ),
    (
        "LT",
        "100004801610",
        "a remainder of 10 falls back to other weights; 0 and 10 give 0",
    ),
    (
        "RO",
        "18547290",
        "remainders 0 and 10 both give check digit 0",
    ),
    (
        "GB",
        "980780684",
        "remainders 0 (original series) and 42 (9755 series) both pass",
    ),
    ("GB", "980780684001", "the 3 branch digits carry no check"),
    (
        "GB",
        "1955839661",
        "remainders 1 and 10 both give check digit 1",
    ),
    (
        "BR",
        "39053344705",
        "with a first check digit of 0 the second one weighs digit 1 by 11",
    ),
    (
        "CO",
        "2131234321",
        "remainders 1 and 10 both give check digit 1",
    ),
    // The Netherlands accept either of two algorithms, so no number is safe from this.
    (
        "NL",
        "004495445B01",
        "the eleven-test skips the branch; mod 97 may pass instead",
    ),
    (
        "NL",
        "002455799B11",
        "a number failing the 2020 mod-97 test may pass the eleven-test",
    ),
];

/// Identifier types with no valid example that passes the substitution test, and why.
const NOT_SUBSTITUTION_SAFE: &[(&str, &str, &str)] = &[
    ("US", "EIN", "an EIN has no check digit"),
    (
        "NL",
        "VAT",
        "either the RSIN/BSN eleven-test or the 2020 mod-97 test may pass",
    ),
];

/// Valid numbers with no check digit at all, where no substitution can be caught.
const NO_CHECK_DIGIT: &[(&str, &str, &str)] = &[
    // An EIN is two prefix digits the IRS assigns and seven serial digits; nothing checks them.
    ("US", "042103594", "EIN has no check digit"),
    // Birth numbers issued before 1954 had nine digits and no check digit.
    (
        "CZ",
        "991231123",
        "9-digit birth numbers have no check digit",
    ),
    // Government departments and health authorities have no check digit in their short form.
    ("GB", "GD001", "GD numbers have no check digit"),
    ("GB", "HA500", "HA numbers have no check digit"),
    // The SAT's generic RFC for the general public is exempt from the check digit.
    ("MX", "XAXX010101000", "the generic RFC has no check digit"),
];

fn describe(result: &Result<String, TaxIdError>) -> String {
    match result {
        Ok(canonical) => format!("Ok({canonical})"),
        Err(error) => format!("Err({error:?}: {error})"),
    }
}

#[test]
fn published_valid_numbers_normalise_to_their_canonical_form() {
    let mut failures = Vec::new();
    for &(country, typed, canonical, kind) in VALID {
        let result = check_tax_id(country, typed);
        if result.as_deref() != Ok(canonical) {
            failures.push(format!(
                "{country} {typed:?}: expected Ok({canonical}), got {}",
                describe(&result)
            ));
            continue;
        }
        // The canonical form is a fixed point and knows its kind.
        let again = check_tax_id(country, canonical);
        if again.as_deref() != Ok(canonical) {
            failures.push(format!(
                "{country} {canonical:?} is not a fixed point: {}",
                describe(&again)
            ));
        }
        if tax_id_kind(country, canonical) != Some(kind) {
            failures.push(format!(
                "{country} {canonical:?}: kind {:?}, expected {kind}",
                tax_id_kind(country, canonical)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn published_invalid_numbers_are_refused_for_the_right_reason() {
    let mut failures = Vec::new();
    for &(country, typed, expect) in INVALID {
        let result = check_tax_id(country, typed);
        let got = match &result {
            Err(TaxIdError::Format { .. }) => Some(Expect::Format),
            Err(TaxIdError::CheckDigit { .. }) => Some(Expect::Check),
            Err(TaxIdError::Invalid { .. }) => Some(Expect::Invalid),
            _ => None,
        };
        if got != Some(expect) {
            failures.push(format!(
                "{country} {typed:?}: expected {expect:?}, got {}",
                describe(&result)
            ));
        }
        // Every refusal is a sentence that names what kind of number it is about.
        if let Err(error) = &result {
            let message = error.to_string();
            if message.len() < 20 {
                failures.push(format!("{country} {typed:?}: message too terse: {message}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every valid number, with any one of its digits replaced by any other digit, must be refused:
/// that is what a check digit is for, and it is the typo users make.
#[test]
fn every_single_digit_substitution_is_caught() {
    let mut failures = Vec::new();
    let mut tried = 0;
    for &(country, _, canonical, _) in VALID {
        let skipped = NO_CHECK_DIGIT
            .iter()
            .chain(SUBSTITUTION_EXCEPTIONS)
            .any(|&(c, number, _)| c == country && number == canonical);
        if skipped {
            continue;
        }
        let characters: Vec<char> = canonical.chars().collect();
        for (position, original) in characters.iter().enumerate() {
            if !original.is_ascii_digit() {
                continue;
            }
            for replacement in '0'..='9' {
                if replacement == *original {
                    continue;
                }
                let mut mutated = characters.clone();
                mutated[position] = replacement;
                let mutated: String = mutated.into_iter().collect();
                tried += 1;
                if let Ok(accepted) = check_tax_id(country, &mutated) {
                    failures.push(format!(
                        "{country} {canonical}: {mutated} was accepted as {accepted}"
                    ));
                }
            }
        }
    }
    assert!(tried > 5_000, "only {tried} substitutions tried");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every identifier type with a check digit has at least one example that goes through the
/// exhaustive substitution test unexcused.
#[test]
fn every_identifier_type_is_substitution_tested() {
    for &(country, _, _, kind) in VALID {
        let tested = VALID.iter().any(|&(c, _, canonical, k)| {
            c == country
                && k == kind
                && !NO_CHECK_DIGIT
                    .iter()
                    .chain(SUBSTITUTION_EXCEPTIONS)
                    .any(|&(c, number, _)| c == country && number == canonical)
        });
        let excused = NOT_SUBSTITUTION_SAFE
            .iter()
            .any(|&(c, k, _)| c == country && k == kind);
        assert!(
            tested != excused,
            "{country} {kind}: tested {tested}, excused {excused}"
        );
    }
}

#[test]
fn the_exceptions_are_valid_numbers_of_the_table() {
    for &(country, number, reason) in NO_CHECK_DIGIT.iter().chain(SUBSTITUTION_EXCEPTIONS) {
        assert!(
            VALID
                .iter()
                .any(|&(c, _, canonical, _)| c == country && canonical == number),
            "{country} {number} ({reason}) is not in VALID"
        );
    }
}

#[test]
fn every_supported_country_has_valid_and_invalid_examples() {
    for country in supported_countries() {
        assert!(
            VALID.iter().any(|(c, ..)| c == country),
            "{country}: no valid example"
        );
        assert!(
            INVALID.iter().any(|(c, ..)| c == country),
            "{country}: no invalid example"
        );
    }
    let mut sorted = supported_countries().to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(
        sorted,
        supported_countries(),
        "sorted and without duplicates"
    );
    // The 27 EU member states (Greece as GR) are all there.
    for country in [
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
        "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    ] {
        assert!(supported_countries().contains(&country), "{country}");
    }
}

#[test]
fn a_wrong_nif_check_letter_says_so_and_names_the_right_one() {
    let error = check_tax_id("ES", "12345678A").unwrap_err();
    assert_eq!(
        error,
        TaxIdError::CheckDigit {
            kind: "NIF check letter",
            expected: Some("Z".into()),
        }
    );
    assert_eq!(
        error.to_string(),
        "the NIF check letter is wrong (expected Z)"
    );
}

#[test]
fn messages_name_the_identifier_and_what_is_wrong() {
    let message = |country: &str, raw: &str| check_tax_id(country, raw).unwrap_err().to_string();
    assert_eq!(
        message("es", "B1234567"),
        "a Spanish CIF has a letter, 7 digits and a control character, e.g. B12345674"
    );
    assert_eq!(
        message("ES", "X2482300A"),
        "the NIE check letter is wrong (expected W)"
    );
    assert_eq!(
        message("ES", "B5837843A"),
        "the CIF control character is wrong (expected 1)"
    );
    assert_eq!(
        message("ES", "J99216583"),
        "the CIF control character is wrong (expected 2 or B)"
    );
    assert_eq!(
        message("BR", "390.533.447-06"),
        "the CPF check digits are wrong (expected 05)"
    );
    assert_eq!(
        message("DE", "136695978"),
        "the German VAT check digit is wrong (expected 6)"
    );
    assert!(message("US", "07-2103594").contains("US EIN"));
    assert!(message("MX", "GODE561331GR8").contains("RFC"));
    assert!(message("CH", "CHE-100.155.213").contains("UID"));
    assert_eq!(message("ES", " - . / "), "the tax id is empty");
    assert_eq!(
        message("ZZ", "123"),
        "there is no tax id rule for the country ZZ"
    );
}

#[test]
fn unknown_countries_and_empty_input_are_told_apart() {
    assert_eq!(
        check_tax_id("jp", "1234567890123"),
        Err(TaxIdError::UnknownCountry("JP".into()))
    );
    assert_eq!(check_tax_id("ES", "   "), Err(TaxIdError::Empty));
    assert_eq!(tax_id_kind("JP", "1234567890123"), None);
    assert_eq!(tax_id_kind("ES", "12345678A"), None);
}

#[test]
fn country_codes_are_case_insensitive() {
    assert_eq!(
        check_tax_id(" es ", "12345678z").as_deref(),
        Ok("12345678Z")
    );
    assert_eq!(
        check_tax_id("gr", "EL094259216").as_deref(),
        Ok("094259216")
    );
}
