//! The interface's language (issue 8): English, Spanish and Esperanto, as Fluent messages in
//! `locales/<lang>/main.ftl`, compiled into the app by leptos-fluent (the maintained Fluent
//! integration for Leptos). The language follows the browser until the person picks one on the
//! account page; the choice is kept in localStorage and `<html lang>` follows it.
//!
//! Components translate with leptos-fluent's `move_tr!` (reactive: the text changes with the
//! language), or its `tr!` with variables inside a reactive closure, each given the message's
//! key. `tests/i18n.rs` checks that every key used exists in all three languages with the same
//! variables.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_bundle::FluentValue;
use leptos::prelude::*;
use leptos_fluent::{leptos_fluent, I18n};

use crate::text::locale::{self, Labelled, Locale};
use crate::validate::FieldError;

/// Provides the translations to everything below it.
#[component]
pub fn I18nProvider(children: Children) -> impl IntoView {
    leptos_fluent! {
        children: children(),
        locales: "./locales",
        default_language: "en",
        sync_html_tag_lang: true,
        initial_language_from_local_storage: true,
        initial_language_from_navigator: true,
        set_language_to_local_storage: true,
        local_storage_key: "partnero-language",
        // No Unicode isolation marks around values: all three languages are left-to-right,
        // and the marks would end up in copied text and in what tests and tools read.
        customise: |bundle| bundle.set_use_isolating(false),
    }
}

/// The language picker (account page): each language by its own name.
#[component]
pub fn LanguageSelect() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let choose = move |event: leptos::ev::Event| {
        let code = event_target_value(&event);
        let chosen = (i18n.languages.iter()).find(|language| language.id == code);
        if let Some(language) = chosen {
            i18n.language.set(language);
        }
    };
    view! {
        <label for="language">{leptos_fluent::move_tr!("account-language")}</label>
        <select id="language" on:change=choose aria-describedby="language-help">
            {i18n.languages.iter().map(|language| {
                let code = language.id;
                let selected = move || i18n.language.get().id == language.id;
                view! { <option value=code selected=selected>{language.name}</option> }
            }).collect_view()}
        </select>
        <p class="muted" id="language-help">{leptos_fluent::move_tr!("account-language-help")}</p>
    }
}

/// The locale of the chosen language, for numbers, amounts and dates (reactive: read it inside
/// the closure that renders, so the text follows a change of language).
pub fn locale(i18n: I18n) -> Locale {
    Locale::from_code(i18n.language.get().id.to_string().as_str())
}

/// A core enum's name in the chosen language (message `label-<set>-<code>`, `labels.ftl`).
pub fn label<T: Labelled>(i18n: I18n, value: T) -> String {
    i18n.tr(&value.label_key())
}

/// A Fluent message with variables, for keys that come from the core (validation errors,
/// import problems). Whole numbers are passed as numbers so plural selectors work.
pub fn message(i18n: I18n, key: &str, args: &[(&'static str, String)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue> = args
        .iter()
        .map(|(name, value)| {
            // Only plain integers become numbers: "01234" (a postal code) stays text.
            let value = match value.parse::<i64>() {
                Ok(number) if number.to_string() == *value => FluentValue::from(number),
                _ => FluentValue::from(value.clone()),
            };
            (Cow::Borrowed(*name), value)
        })
        .collect();
    i18n.tr_with_args(key, &args)
}

/// A validation error in the chosen language; errors without a translation show their English
/// message. An argument whose value is `@key` is a nested message (the problem inside
/// "Contact 1: email: …"): the `@` arguments are resolved from last to first, each with all the
/// arguments as resolved so far, then the outer message (the contract of `FieldError`).
pub fn field_error(i18n: I18n, error: &FieldError) -> String {
    if error.key.is_empty() {
        return error.message.clone();
    }
    let mut args = error.args.clone();
    for index in (0..args.len()).rev() {
        if let Some(key) = args[index].1.strip_prefix('@') {
            let resolved = message(i18n, key, &args);
            args[index].1 = resolved;
        }
    }
    message(i18n, error.key, &args)
}

/// An amount in minor units with its currency, as the chosen language writes it.
pub fn money(i18n: I18n, minor: i64, currency: &str) -> String {
    locale::format_money(self::locale(i18n), minor, currency)
}

/// A whole number with the chosen language's thousands separator.
pub fn integer(i18n: I18n, value: i64) -> String {
    locale::format_integer(self::locale(i18n), value)
}

/// An ISO date (`YYYY-MM-DD`) as the chosen language writes it.
pub fn date(i18n: I18n, iso: &str) -> String {
    locale::format_iso_date(self::locale(i18n), iso)
}

/// A day number as the chosen language writes it.
pub fn day(i18n: I18n, day: i64) -> String {
    locale::format_day(self::locale(i18n), day)
}

/// A moment (milliseconds since the epoch) in the device's time zone, as the chosen language
/// writes it: "27 Nov 2026 14:05".
pub fn moment(i18n: I18n, at_ms: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at_ms as f64));
    locale::format_date_time(
        self::locale(i18n),
        (
            i64::from(date.get_full_year()),
            date.get_month() + 1,
            date.get_date(),
        ),
        (date.get_hours(), date.get_minutes()),
    )
}

/// A verification state's name ("Verified", "Pending review", …) in the chosen language.
pub fn verification_label(i18n: I18n, state: &crate::model::VerificationState) -> String {
    i18n.tr(&crate::text::labels::verification_key(state.code()))
}
