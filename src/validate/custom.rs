//! Checking the value of one company-defined custom field, by the field's type.
//!
//! Values are stored in one canonical form per type, so lists, filters and exports compare like
//! with like: numbers with `.` as the decimal separator, dates as `YYYY-MM-DD`, yes/no as `yes`
//! or `no`, a choice spelt as the settings spell it, and emails, phones, IBANs and web addresses
//! as [`super::formats`] normalises them.

use crate::model::{parse_iso_date, CustomFieldDef, CustomFieldType};

use super::{formats, Problem};

/// Checks what was typed into custom field `def` and returns the value to store: empty when
/// nothing was typed (and the field is not required), the canonical form otherwise. The error is
/// a whole sentence naming the field by its label ("Supplier code: enter a number"), ready to
/// show next to the input. `home_country` (ISO code, may be empty) is where a phone number
/// without a `+country` prefix is dialled.
pub fn check_custom_value(
    def: &CustomFieldDef,
    raw: &str,
    home_country: &str,
) -> Result<String, String> {
    check_custom(def, raw, home_country).map_err(String::from)
}

/// [`check_custom_value`] with the error also as a Fluent message (`validate-custom-*`, the
/// field's label in the argument `label`), for a [`super::FieldError`].
pub fn check_custom(
    def: &CustomFieldDef,
    raw: &str,
    home_country: &str,
) -> Result<String, Problem> {
    let label = def.label.trim();
    let text = raw.trim();
    let args = || vec![("label", label.to_owned())];
    if text.is_empty() {
        return if def.required {
            Err(Problem::new(
                "validate-custom-required",
                args(),
                format!("{label} is required"),
            ))
        } else {
            Ok(String::new())
        };
    }
    let problem =
        |key: &'static str, what: &str| Problem::new(key, args(), format!("{label}: {what}"));
    // A problem of the value's format, framed by the label.
    let framed = |problem: Problem| {
        let mut all = args();
        all.push(("problem", format!("@{}", problem.key)));
        all.extend(problem.args);
        Problem::new(
            "validate-custom-value",
            all,
            format!("{label}: {}", problem.message),
        )
    };
    match def.field_type {
        CustomFieldType::Text => Ok(text.to_owned()),
        CustomFieldType::Number => canonical_number(text)
            .ok_or_else(|| problem("validate-custom-number", "enter a number")),
        CustomFieldType::Date => match parse_iso_date(text) {
            Some(_) => Ok(text.to_owned()),
            None => Err(problem(
                "validate-custom-date",
                "enter a date as YYYY-MM-DD",
            )),
        },
        CustomFieldType::YesNo => match text.to_lowercase().as_str() {
            "yes" | "y" | "true" | "sí" | "si" | "1" => Ok("yes".into()),
            "no" | "n" | "false" | "0" => Ok("no".into()),
            _ => Err(problem("validate-custom-yes-no", "answer yes or no")),
        },
        CustomFieldType::Choice => def
            .choices
            .iter()
            .find(|choice| choice.trim().to_lowercase() == text.to_lowercase())
            .map(|choice| choice.trim().to_owned())
            .ok_or_else(|| {
                if def.choices.is_empty() {
                    problem(
                        "validate-custom-no-choices",
                        "this field has no choices yet (see Settings)",
                    )
                } else {
                    let choices = def.choices.join(", ");
                    let mut all = args();
                    all.push(("choices", choices.clone()));
                    Problem::new(
                        "validate-custom-choose",
                        all,
                        format!("{label}: choose one of {choices}"),
                    )
                }
            }),
        CustomFieldType::Email => formats::check_email(text).map_err(framed),
        CustomFieldType::Phone => formats::check_phone(text, home_country).map_err(framed),
        CustomFieldType::Iban => formats::check_iban(text).map_err(framed),
        CustomFieldType::Url => formats::check_url(text).map_err(framed),
    }
}

/// A decimal number with an optional sign and one optional decimal separator, `.` or `,`
/// (both are common in the company's countries), returned with `.`. Thousands separators are
/// refused rather than guessed: "1.234" would be a thousand in Spain and one in the UK.
fn canonical_number(text: &str) -> Option<String> {
    let (sign, body) = match text.as_bytes().first() {
        Some(b'-') => ("-", &text[1..]),
        Some(b'+') => ("", &text[1..]),
        _ => ("", text),
    };
    let (whole, fraction) = match body.split_once(['.', ',']) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (body, None),
    };
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|byte| byte.is_ascii_digit());
    if !digits(whole) || fraction.is_some_and(|fraction| !digits(fraction)) {
        return None;
    }
    Some(match fraction {
        Some(fraction) => format!("{sign}{whole}.{fraction}"),
        None => format!("{sign}{whole}"),
    })
}
