//! Pure checkers and normalisers for contact and bank data: IBAN, BIC, email, website,
//! phone, postal code, and the ISO country and currency code lists they rely on.
//!
//! Each `normalize_*` function takes what a user typed and returns the canonical form to store,
//! or a human sentence saying what is wrong; its `check_*` twin returns that sentence as a
//! [`crate::validate::Problem`], which is also a Fluent message (`locales/*/validate.ftl`). The
//! sentence does not name the form field: the caller prefixes it ("Bank account 1: ") and knows
//! which input to put it next to. Everything here is a plain function of its arguments, and the
//! tables are compact strings because the module ships in the browser bundle.

mod bank;
mod codes;
mod contact;
mod phone;
mod postal;

pub use bank::{check_bic, check_iban, format_iban, normalize_bic, normalize_iban};
pub use codes::{countries, country_name, currency_minor_units, is_country, is_currency};
pub use contact::{check_email, check_url, normalize_email, normalize_url};
pub use phone::{check_phone, normalize_phone};
pub use postal::{check_postal_code, normalize_postal_code};
