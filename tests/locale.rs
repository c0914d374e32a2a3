//! Numbers, amounts and dates as each interface language writes them (`text::locale`), and the
//! core's words the interface reads back to translate (missing data, refusals).
#![cfg(not(target_arch = "wasm32"))]

use partnero::model::{
    missing_item, parse_iso_date, refusal, refusal_of, DocumentKind, Grant, MissingItem, Refusal,
    Role,
};
use partnero::text::locale::{
    format_date_time, format_day, format_decimal, format_integer, format_iso_date, format_money,
    Locale,
};

const NBSP: char = '\u{a0}';

#[test]
fn whole_numbers_group_thousands_the_way_each_language_does() {
    let cases: [(i64, [&str; 3]); 7] = [
        (0, ["0", "0", "0"]),
        (999, ["999", "999", "999"]),
        // Spanish leaves four digits ungrouped (CLDR's minimum grouping of two).
        (1_000, ["1,000", "1000", "1\u{a0}000"]),
        (12_345, ["12,345", "12.345", "12\u{a0}345"]),
        (1_234_567, ["1,234,567", "1.234.567", "1\u{a0}234\u{a0}567"]),
        (-98_765, ["-98,765", "-98.765", "-98\u{a0}765"]),
        (
            i64::MIN,
            [
                "-9,223,372,036,854,775,808",
                "-9.223.372.036.854.775.808",
                "",
            ],
        ),
    ];
    for (value, expected) in cases {
        for (locale, want) in Locale::ALL.into_iter().zip(expected) {
            if want.is_empty() {
                continue;
            }
            assert_eq!(format_integer(locale, value), want, "{value} in {locale:?}");
        }
    }
}

#[test]
fn amounts_keep_their_currency_decimals_and_code() {
    let cases = [
        (
            123_456,
            "EUR",
            ["1,234.56 EUR", "1234,56 EUR", "1\u{a0}234,56 EUR"],
        ),
        (5, "EUR", ["0.05 EUR", "0,05 EUR", "0,05 EUR"]),
        (
            -1_234_500,
            "USD",
            ["-12,345.00 USD", "-12.345,00 USD", "-12\u{a0}345,00 USD"],
        ),
        (1_234, "JPY", ["1,234 JPY", "1234 JPY", "1\u{a0}234 JPY"]),
        (
            1_234_567,
            "BHD",
            ["1,234.567 BHD", "1234,567 BHD", "1\u{a0}234,567 BHD"],
        ),
        // An unknown code still shows, with two decimals.
        (100, "XYZ", ["1.00 XYZ", "1,00 XYZ", "1,00 XYZ"]),
    ];
    for (minor, currency, expected) in cases {
        for (locale, want) in Locale::ALL.into_iter().zip(expected) {
            assert_eq!(
                format_money(locale, minor, currency),
                want,
                "{minor} {currency}"
            );
        }
    }
    assert_eq!(format_money(Locale::English, 100, ""), "1.00");
}

#[test]
fn decimals_round_and_use_the_language_separator() {
    assert_eq!(format_decimal(Locale::English, 1234.5, 2), "1,234.50");
    assert_eq!(format_decimal(Locale::Spanish, 1234.5, 1), "1234,5");
    assert_eq!(format_decimal(Locale::Spanish, 12345.678, 2), "12.345,68");
    assert_eq!(format_decimal(Locale::Esperanto, 0.25, 0), "0");
    assert_eq!(
        format_decimal(Locale::English, -0.001, 2),
        "0.00",
        "no minus zero"
    );
    assert_eq!(format_decimal(Locale::English, -2.5, 1), "-2.5");
    assert!(format_decimal(Locale::Esperanto, 1e6, 0).contains(NBSP));
}

#[test]
fn dates_name_the_month_in_each_language() {
    let day = parse_iso_date("2026-11-27").unwrap();
    assert_eq!(format_day(Locale::English, day), "27 Nov 2026");
    assert_eq!(format_day(Locale::Spanish, day), "27 nov 2026");
    assert_eq!(format_day(Locale::Esperanto, day), "27 nov 2026");
    let august = parse_iso_date("2025-08-03").unwrap();
    assert_eq!(format_day(Locale::Esperanto, august), "3 aŭg 2025");
    assert_eq!(format_day(Locale::Spanish, august), "3 ago 2025");
    assert_eq!(
        format_iso_date(Locale::Spanish, "2024-02-29"),
        "29 feb 2024"
    );
    // What is not a date shows as it was stored.
    assert_eq!(format_iso_date(Locale::Spanish, "2024-02-30"), "2024-02-30");
    assert_eq!(format_iso_date(Locale::English, "soon"), "soon");
    assert_eq!(
        format_date_time(Locale::Spanish, (2026, 1, 5), (9, 7)),
        "5 ene 2026 09:07"
    );
}

#[test]
fn a_language_tag_picks_its_locale_and_anything_else_is_english() {
    assert_eq!(Locale::from_code("es"), Locale::Spanish);
    assert_eq!(Locale::from_code("es-MX"), Locale::Spanish);
    assert_eq!(Locale::from_code("EO"), Locale::Esperanto);
    assert_eq!(Locale::from_code("fr"), Locale::English);
    assert_eq!(Locale::from_code(""), Locale::English);
    for locale in Locale::ALL {
        assert_eq!(Locale::from_code(locale.code()), locale);
    }
}

#[test]
fn every_missing_item_the_core_writes_reads_back() {
    for (words, code) in [
        ("tax id", "tax-id"),
        ("email", "email"),
        ("phone", "phone"),
        ("address", "address"),
        ("contact", "contact"),
        ("bank account", "bank-account"),
    ] {
        assert_eq!(missing_item(words), Some(MissingItem::Data(code)));
    }
    for kind in DocumentKind::ALL {
        let words = format!("{} (valid)", kind.label().to_lowercase());
        assert_eq!(missing_item(&words), Some(MissingItem::Document(kind)));
    }
    assert_eq!(missing_item("a unicorn"), None);
    assert_eq!(missing_item("unicorn (valid)"), None);
}

#[test]
fn refusals_as_data_say_in_english_what_they_always_said() {
    assert_eq!(refusal_of(Grant::Write, Some(Role::Viewer)), None);
    assert_eq!(
        refusal_of(Grant::Read, Some(Role::Viewer)),
        Some(Refusal::ViewerReadsOnly)
    );
    assert_eq!(refusal_of(Grant::Read, None), Some(Refusal::SignedOut));
    assert_eq!(
        refusal(Grant::Read, Some(Role::Sales)).as_deref(),
        Some("Sales reps change only the partners assigned to them or registered by them")
    );
    assert_eq!(
        refusal(Grant::None, Some(Role::Manager)).as_deref(),
        Some("Not allowed for the Manager role")
    );
}
