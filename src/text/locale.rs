//! How the interface writes numbers, amounts and dates in each of its languages (issue 8), and
//! the [`Labelled`] trait through which the interface translates the core's enums.
//!
//! Pure functions of a [`Locale`], so the rules are tested natively; the interface picks the
//! locale from the language the person chose (`ui::i18n::locale`). The separators follow the
//! Unicode CLDR data for each language: English `1,234.56`; Spanish `1234,56` and `12.345,67`
//! (CLDR's minimum grouping of two: a four-digit number is not grouped); Esperanto
//! `12 345,67` with a no-break space. Amounts keep the ISO currency code after the number in
//! every language, as invoices and bank statements write them. Hand-written rather than ICU4X:
//! ICU's data for three locales would add hundreds of kilobytes to the wasm bundle for a few
//! separators and twelve month names.

use crate::report::dates::civil_of_day;
use crate::validate::formats::currency_minor_units;

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Locale {
    English,
    Spanish,
    Esperanto,
}

impl Locale {
    /// Every locale, in the order the language picker lists them.
    pub const ALL: [Locale; 3] = [Locale::English, Locale::Spanish, Locale::Esperanto];

    /// The locale of a language tag ("es", "es-MX", "eo"); English for anything else.
    pub fn from_code(code: &str) -> Locale {
        let primary = code.split(['-', '_']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "es" => Locale::Spanish,
            "eo" => Locale::Esperanto,
            _ => Locale::English,
        }
    }

    /// The language tag, as in `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Locale::English => "en",
            Locale::Spanish => "es",
            Locale::Esperanto => "eo",
        }
    }

    fn decimal_separator(self) -> char {
        match self {
            Locale::English => '.',
            Locale::Spanish | Locale::Esperanto => ',',
        }
    }

    fn group_separator(self) -> char {
        match self {
            Locale::English => ',',
            Locale::Spanish => '.',
            Locale::Esperanto => '\u{a0}',
        }
    }

    /// Fewest digits a whole part needs before it is grouped at all (CLDR's
    /// `minimumGroupingDigits` + 3).
    fn grouping_from(self) -> usize {
        match self {
            Locale::Spanish => 5,
            Locale::English | Locale::Esperanto => 4,
        }
    }

    fn month_abbreviations(self) -> [&'static str; 12] {
        match self {
            Locale::English => [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ],
            Locale::Spanish => [
                "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic",
            ],
            Locale::Esperanto => [
                "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aŭg", "sep", "okt", "nov", "dec",
            ],
        }
    }
}

/// A whole number with the locale's thousands separator: 1234567 is `1,234,567` in English,
/// `1.234.567` in Spanish and `1 234 567` in Esperanto.
pub fn format_integer(locale: Locale, value: i64) -> String {
    let sign = if value < 0 { "-" } else { "" };
    format!("{sign}{}", group(locale, &value.unsigned_abs().to_string()))
}

/// A number with exactly `decimals` decimals, rounded half away from zero: 1234.5 with 2
/// decimals is `1,234.50` in English and `1234,50` in Spanish.
pub fn format_decimal(locale: Locale, value: f64, decimals: usize) -> String {
    let plain = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = plain.split_once('.').unwrap_or((plain.as_str(), ""));
    let negative = value < 0.0 && plain.chars().any(|c| c.is_ascii_digit() && c != '0');
    join(locale, negative, whole, fraction)
}

/// An amount in minor units with its currency's decimals and code: 123456 EUR is
/// `1,234.56 EUR` in English, `1234,56 EUR` in Spanish and `1 234,56 EUR` in Esperanto; 1234
/// JPY is `1,234 JPY`. Unknown currency codes are written with two decimals.
pub fn format_money(locale: Locale, minor: i64, currency: &str) -> String {
    let decimals = usize::from(currency_minor_units(currency).unwrap_or(2));
    let digits = format!("{:0>width$}", minor.unsigned_abs(), width = decimals + 1);
    let (whole, fraction) = digits.split_at(digits.len() - decimals);
    let number = join(locale, minor < 0, whole, fraction);
    if currency.is_empty() {
        number
    } else {
        format!("{number} {currency}")
    }
}

/// A day number (days since 1970-01-01) as a date: `27 Nov 2026`, `27 nov 2026`,
/// `27 nov 2026` (with the month names of each language).
pub fn format_day(locale: Locale, day: i64) -> String {
    let (year, month, day_of_month) = civil_of_day(day);
    let month_name = locale.month_abbreviations()[(month - 1) as usize];
    format!("{day_of_month} {month_name} {year}")
}

/// An ISO date (`YYYY-MM-DD`) as [`format_day`] writes it; anything that is not an ISO date is
/// returned as it is, so a malformed stored value still shows.
pub fn format_iso_date(locale: Locale, iso: &str) -> String {
    match crate::model::parse_iso_date(iso.trim()) {
        Some(day) => format_day(locale, day),
        None => iso.to_owned(),
    }
}

/// A local date and time of day: `27 Nov 2026 14:05` (24-hour clock in all three languages).
pub fn format_date_time(
    locale: Locale,
    (year, month, day): (i64, u32, u32),
    (hours, minutes): (u32, u32),
) -> String {
    let month_name = locale.month_abbreviations()[(month.clamp(1, 12) - 1) as usize];
    format!("{day} {month_name} {year} {hours:02}:{minutes:02}")
}

fn join(locale: Locale, negative: bool, whole: &str, fraction: &str) -> String {
    let sign = if negative { "-" } else { "" };
    let whole = group(locale, whole);
    if fraction.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}{}{fraction}", locale.decimal_separator())
    }
}

/// Inserts the group separator every three digits from the right, once the number is long
/// enough for the locale to group it.
fn group(locale: Locale, digits: &str) -> String {
    if digits.len() < locale.grouping_from() {
        return digits.to_owned();
    }
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 * 2);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            grouped.push(locale.group_separator());
        }
        grouped.push(digit);
    }
    grouped
}

/// A core enum the interface names in the person's language. Its name in English is `label()`;
/// in the interface it is the Fluent message `label-<SET>-<code>` in `locales/*/labels.ftl`,
/// which `tests/i18n.rs` checks exists for every value of every implementing type.
pub trait Labelled: Copy + 'static {
    /// The family of the message keys, e.g. `partner-kind`.
    const SET: &'static str;
    /// Every value, for the check that each has a message.
    const VALUES: &'static [Self];
    /// The stable code of the value, e.g. `client`.
    fn label_code(self) -> &'static str;
    /// The English name, as the core has always written it.
    fn english(self) -> &'static str;

    /// The Fluent message key naming this value.
    fn label_key(self) -> String {
        format!("label-{}-{}", Self::SET, self.label_code())
    }
}
