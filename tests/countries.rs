//! Country names in the interface (`locales/*/countries.ftl`): every country of the core
//! (`validate::formats::countries`) has its message `country-<code>` in English, Spanish and
//! Esperanto; English is exactly the core's name; the files define nothing else (no country
//! the core does not know); no name is empty.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::PathBuf;

use partnero::validate::formats::countries;

const LANGUAGES: [&str; 3] = ["en", "es", "eo"];

/// The messages of one language's `countries.ftl`: `key = text` lines, `#` comments and blank
/// lines skipped.
fn messages(language: &str) -> BTreeMap<String, String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(language)
        .join("countries.ftl");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let mut messages = BTreeMap::new();
    for (number, line) in text.lines().enumerate() {
        let place = format!("{}:{}", path.display(), number + 1);
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let (key, value) = line
            .split_once('=')
            .unwrap_or_else(|| panic!("{place}: expected `key = text`, got {line:?}"));
        let key = key.trim().to_owned();
        assert!(
            messages
                .insert(key.clone(), value.trim().to_owned())
                .is_none(),
            "{place}: {key} is defined twice"
        );
    }
    messages
}

fn key(code: &str) -> String {
    format!("country-{}", code.to_ascii_lowercase())
}

#[test]
fn every_country_has_its_name_in_every_language() {
    let codes: Vec<&str> = countries().map(|(code, _)| code).collect();
    assert!(codes.len() > 240, "only {} countries?", codes.len());
    for language in LANGUAGES {
        let messages = messages(language);
        let missing: Vec<String> = codes
            .iter()
            .map(|code| key(code))
            .filter(|key| !messages.contains_key(key))
            .collect();
        assert!(missing.is_empty(), "{language} lacks {missing:?}");
        let empty: Vec<&String> = messages
            .iter()
            .filter(|(_, text)| text.is_empty())
            .map(|(key, _)| key)
            .collect();
        assert!(empty.is_empty(), "{language} has empty messages {empty:?}");
    }
}

#[test]
fn english_is_the_core_name() {
    let english = messages("en");
    let wrong: Vec<String> = countries()
        .filter(|(code, name)| english.get(&key(code)).map(String::as_str) != Some(*name))
        .map(|(code, name)| {
            format!(
                "{code}: {:?}, the core says {name:?}",
                english.get(&key(code))
            )
        })
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn no_file_names_a_country_the_core_does_not_know() {
    let known: Vec<String> = countries().map(|(code, _)| key(code)).collect();
    for language in LANGUAGES {
        let unknown: Vec<String> = messages(language)
            .into_keys()
            .filter(|key| !known.contains(key))
            .collect();
        assert!(unknown.is_empty(), "{language} defines {unknown:?}");
    }
}
