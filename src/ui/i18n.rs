//! The interface's language (issue 8): English, Spanish and Esperanto, as Fluent messages in
//! `locales/<lang>/main.ftl`, compiled into the app by leptos-fluent (the maintained Fluent
//! integration for Leptos). The language follows the browser until the person picks one on the
//! account page; the choice is kept in localStorage and `<html lang>` follows it.
//!
//! Components translate with leptos-fluent's `move_tr!` (reactive: the text changes with the
//! language), or its `tr!` with variables inside a reactive closure, each given the message's
//! key. `tests/i18n.rs` checks that every key used exists in all three languages with the same
//! variables.

use leptos::prelude::*;
use leptos_fluent::{leptos_fluent, I18n};

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
