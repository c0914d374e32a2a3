//! ISO code lists: countries (ISO 3166-1 alpha-2) with English names, and currencies
//! (ISO 4217) with their minor units.
//!
//! The lists are single strings of fixed-width records rather than arrays of structs: each
//! array entry would cost a pointer and a length on top of the text, and the browser bundle
//! downloads every byte. Lookups scan linearly; with at most 249 short records that is cheaper
//! than the code a map would add.

/// Every assigned ISO 3166-1 alpha-2 code, two letters each, in alphabetical order.
const COUNTRY_CODES: &str = concat!(
    "ADAEAFAGAIALAMAOAQARASATAUAWAXAZ",
    "BABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZ",
    "CACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZ",
    "DEDJDKDMDODZ",
    "ECEEEGEHERESET",
    "FIFJFKFMFOFR",
    "GAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGY",
    "HKHMHNHRHTHU",
    "IDIEILIMINIOIQIRISIT",
    "JEJMJOJP",
    "KEKGKHKIKMKNKPKRKWKYKZ",
    "LALBLCLILKLRLSLTLULVLY",
    "MAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZ",
    "NANCNENFNGNINLNONPNRNUNZ",
    "OM",
    "PAPEPFPGPHPKPLPMPNPRPSPTPWPY",
    "QA",
    "RERORSRURW",
    "SASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZ",
    "TCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZ",
    "UAUGUMUSUYUZ",
    "VAVCVEVGVIVNVU",
    "WFWS",
    "YEYT",
    "ZAZMZW",
);

/// English short names, `|`-separated, in the order of [`COUNTRY_CODES`]. They are the everyday
/// forms people pick from a list ("South Korea", "Czechia"), not the formal ISO ones
/// ("Korea, Republic of").
const COUNTRY_NAMES: &str = concat!(
    "Andorra|United Arab Emirates|Afghanistan|Antigua and Barbuda|Anguilla|Albania|Armenia|",
    "Angola|Antarctica|Argentina|American Samoa|Austria|Australia|Aruba|Åland Islands|",
    "Azerbaijan|",
    "Bosnia and Herzegovina|Barbados|Bangladesh|Belgium|Burkina Faso|Bulgaria|Bahrain|",
    "Burundi|Benin|Saint Barthélemy|Bermuda|Brunei|Bolivia|Caribbean Netherlands|Brazil|",
    "Bahamas|Bhutan|Bouvet Island|Botswana|Belarus|Belize|",
    "Canada|Cocos (Keeling) Islands|Democratic Republic of the Congo|",
    "Central African Republic|Congo|Switzerland|Côte d'Ivoire|Cook Islands|Chile|Cameroon|",
    "China|Colombia|Costa Rica|Cuba|Cape Verde|Curaçao|Christmas Island|Cyprus|Czechia|",
    "Germany|Djibouti|Denmark|Dominica|Dominican Republic|Algeria|",
    "Ecuador|Estonia|Egypt|Western Sahara|Eritrea|Spain|Ethiopia|",
    "Finland|Fiji|Falkland Islands|Micronesia|Faroe Islands|France|",
    "Gabon|United Kingdom|Grenada|Georgia|French Guiana|Guernsey|Ghana|Gibraltar|Greenland|",
    "Gambia|Guinea|Guadeloupe|Equatorial Guinea|Greece|",
    "South Georgia and the South Sandwich Islands|Guatemala|Guam|Guinea-Bissau|Guyana|",
    "Hong Kong|Heard Island and McDonald Islands|Honduras|Croatia|Haiti|Hungary|",
    "Indonesia|Ireland|Israel|Isle of Man|India|British Indian Ocean Territory|Iraq|Iran|",
    "Iceland|Italy|",
    "Jersey|Jamaica|Jordan|Japan|",
    "Kenya|Kyrgyzstan|Cambodia|Kiribati|Comoros|Saint Kitts and Nevis|North Korea|",
    "South Korea|Kuwait|Cayman Islands|Kazakhstan|",
    "Laos|Lebanon|Saint Lucia|Liechtenstein|Sri Lanka|Liberia|Lesotho|Lithuania|Luxembourg|",
    "Latvia|Libya|",
    "Morocco|Monaco|Moldova|Montenegro|Saint Martin|Madagascar|Marshall Islands|",
    "North Macedonia|Mali|Myanmar|Mongolia|Macao|Northern Mariana Islands|Martinique|",
    "Mauritania|Montserrat|Malta|Mauritius|Maldives|Malawi|Mexico|Malaysia|Mozambique|",
    "Namibia|New Caledonia|Niger|Norfolk Island|Nigeria|Nicaragua|Netherlands|Norway|Nepal|",
    "Nauru|Niue|New Zealand|",
    "Oman|",
    "Panama|Peru|French Polynesia|Papua New Guinea|Philippines|Pakistan|Poland|",
    "Saint Pierre and Miquelon|Pitcairn Islands|Puerto Rico|Palestine|Portugal|Palau|",
    "Paraguay|",
    "Qatar|",
    "Réunion|Romania|Serbia|Russia|Rwanda|",
    "Saudi Arabia|Solomon Islands|Seychelles|Sudan|Sweden|Singapore|Saint Helena|Slovenia|",
    "Svalbard and Jan Mayen|Slovakia|Sierra Leone|San Marino|Senegal|Somalia|Suriname|",
    "South Sudan|São Tomé and Príncipe|El Salvador|Sint Maarten|Syria|Eswatini|",
    "Turks and Caicos Islands|Chad|French Southern Territories|Togo|Thailand|Tajikistan|",
    "Tokelau|Timor-Leste|Turkmenistan|Tunisia|Tonga|Türkiye|Trinidad and Tobago|Tuvalu|",
    "Taiwan|Tanzania|",
    "Ukraine|Uganda|United States Minor Outlying Islands|United States|Uruguay|Uzbekistan|",
    "Vatican City|Saint Vincent and the Grenadines|Venezuela|British Virgin Islands|",
    "U.S. Virgin Islands|Vietnam|Vanuatu|",
    "Wallis and Futuna|Samoa|",
    "Yemen|Mayotte|",
    "South Africa|Zambia|Zimbabwe",
);

/// Active ISO 4217 alphabetic codes, each followed by its number of minor units (decimals).
/// Left out on purpose: codes without a minor unit (precious metals, bond-market units, XDR,
/// XTS, XXX), which are not money a partner is invoiced in, and withdrawn codes such as HRK.
/// ANG is kept while XCG replaces it, so records made before the switch stay valid.
const CURRENCIES: &str = concat!(
    "AED2AFN2ALL2AMD2ANG2AOA2ARS2AUD2AWG2AZN2",
    "BAM2BBD2BDT2BGN2BHD3BIF0BMD2BND2BOB2BOV2BRL2BSD2BTN2BWP2BYN2BZD2",
    "CAD2CDF2CHE2CHF2CHW2CLF4CLP0CNY2COP2COU2CRC2CUC2CUP2CVE2CZK2",
    "DJF0DKK2DOP2DZD2",
    "EGP2ERN2ETB2EUR2",
    "FJD2FKP2",
    "GBP2GEL2GHS2GIP2GMD2GNF0GTQ2GYD2",
    "HKD2HNL2HTG2HUF2",
    "IDR2ILS2INR2IQD3IRR2ISK0",
    "JMD2JOD3JPY0",
    "KES2KGS2KHR2KMF0KPW2KRW0KWD3KYD2KZT2",
    "LAK2LBP2LKR2LRD2LSL2LYD3",
    "MAD2MDL2MGA2MKD2MMK2MNT2MOP2MRU2MUR2MVR2MWK2MXN2MXV2MYR2MZN2",
    "NAD2NGN2NIO2NOK2NPR2NZD2",
    "OMR3",
    "PAB2PEN2PGK2PHP2PKR2PLN2PYG0",
    "QAR2",
    "RON2RSD2RUB2RWF0",
    "SAR2SBD2SCR2SDG2SEK2SGD2SHP2SLE2SOS2SRD2SSP2STN2SVC2SYP2SZL2",
    "THB2TJS2TMT2TND3TOP2TRY2TTD2TWD2TZS2",
    "UAH2UGX0USD2USN2UYI0UYU2UYW4UZS2",
    "VED2VES2VND0VUV0",
    "WST2",
    "XAF0XCD2XCG2XOF0XPF0",
    "YER2",
    "ZAR2ZMW2ZWG2",
);

/// Position of `code` among the fixed-width records of `table`, comparing the first
/// `code.len()` bytes of each record.
fn record_index(table: &'static str, width: usize, code: &str) -> Option<usize> {
    table
        .as_bytes()
        .chunks(width)
        .position(|record| &record[..code.len()] == code.as_bytes())
}

/// Whether `code` is an assigned ISO 3166-1 alpha-2 code. Exact: upper case, no spaces.
pub fn is_country(code: &str) -> bool {
    code.len() == 2 && record_index(COUNTRY_CODES, 2, code).is_some()
}

/// English short name of an ISO 3166-1 alpha-2 code ("ES" -> "Spain").
pub fn country_name(code: &str) -> Option<&'static str> {
    if code.len() != 2 {
        return None;
    }
    let index = record_index(COUNTRY_CODES, 2, code)?;
    COUNTRY_NAMES.split('|').nth(index)
}

/// Every country as (code, English name), in code order, e.g. to fill a drop-down.
pub fn countries() -> impl Iterator<Item = (&'static str, &'static str)> {
    (0..COUNTRY_CODES.len())
        .step_by(2)
        .map(|start| &COUNTRY_CODES[start..start + 2])
        .zip(COUNTRY_NAMES.split('|'))
}

/// Whether `code` is an active ISO 4217 currency code. Exact: upper case, no spaces.
pub fn is_currency(code: &str) -> bool {
    currency_minor_units(code).is_some()
}

/// Number of decimals of an ISO 4217 currency: EUR 2, JPY 0, KWD 3, CLF 4.
pub fn currency_minor_units(code: &str) -> Option<u8> {
    if code.len() != 3 {
        return None;
    }
    let index = record_index(CURRENCIES, 4, code)?;
    Some(CURRENCIES.as_bytes()[index * 4 + 3] - b'0')
}

/// "Spain (ES)" for a known code, or the code quoted when it is not a country, so messages
/// can name the country either way.
pub(super) fn country_label(code: &str) -> String {
    match country_name(code) {
        Some(_) => format!("{} ({code})", country_in_sentence(code)),
        None => format!("{code:?}"),
    }
}

/// The message that names a country as [`country_label`] does ("the Netherlands (NL)"), from
/// the arguments `country_name` (the name) and `country_code`.
const COUNTRY_LABEL_KEY: &str = "validate-country-label";

/// The arguments of a message whose `country` is [`country_label`]: for a known code, `country`
/// is the nested message `@validate-country-label` and `country_name` the nested
/// `@country-<code>` (`locales/*/countries.ftl`), so the interface names the country in its
/// language; an unknown code travels as the quoted code.
pub(super) fn country_label_args(code: &str) -> Vec<(&'static str, String)> {
    match country_name(code) {
        Some(_) => vec![
            ("country", format!("@{COUNTRY_LABEL_KEY}")),
            (
                "country_name",
                format!("@country-{}", code.to_ascii_lowercase()),
            ),
            ("country_code", code.to_owned()),
        ],
        None => vec![("country", format!("{code:?}"))],
    }
}

/// The country's name as it reads inside a sentence: "Spain", but "the United Kingdom" and
/// "the Netherlands". Unknown codes are returned as given.
pub(super) fn country_in_sentence(code: &str) -> String {
    const WITH_THE: &[&str] = &[
        "Bahamas",
        "Caribbean Netherlands",
        "Central African Republic",
        "Comoros",
        "Democratic Republic of the Congo",
        "Dominican Republic",
        "Gambia",
        "Maldives",
        "Netherlands",
        "Philippines",
        "Seychelles",
    ];
    match country_name(code) {
        Some(name)
            if name.starts_with("United ")
                || name.ends_with(" Islands")
                || WITH_THE.contains(&name) =>
        {
            format!("the {name}")
        }
        Some(name) => name.to_owned(),
        None => code.to_owned(),
    }
}
