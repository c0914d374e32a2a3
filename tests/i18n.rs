//! The translations (issue 8, `src/ui/i18n.rs`): Spanish and Esperanto define exactly the keys
//! English defines, each with the same variables and the same plural shape; every key the
//! interface uses (`tr!` and `move_tr!` in src/ui) exists; no key is defined and never used.
//! The names of the core's enums (`label-*`, `src/text/labels.rs`) are checked against the
//! core's values instead of the source. A missing or misspelt key would otherwise show the key
//! itself to the person.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const LANGUAGES: [&str; 3] = ["en", "es", "eo"];

/// One Fluent message: its variables and whether it selects on a number (plurals).
#[derive(Debug, PartialEq, Eq)]
struct Message {
    variables: BTreeSet<String>,
    selects: bool,
    text: String,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The messages of one language, from every `.ftl` file of its folder. Fluent's syntax for the
/// messages we write: `key = text`, continuation lines indented, `#` comments.
fn messages(language: &str) -> BTreeMap<String, Message> {
    messages_in(&root().join("locales").join(language))
}

fn messages_in(folder: &Path) -> BTreeMap<String, Message> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap_or_else(|error| panic!("{}: {error}", folder.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "ftl"))
        .collect();
    files.sort();
    let mut messages: BTreeMap<String, Message> = BTreeMap::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let mut current: Option<String> = None;
        for (number, line) in text.lines().enumerate() {
            let place = format!("{}:{}", file.display(), number + 1);
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            if line.starts_with(' ') {
                let key = current
                    .as_ref()
                    .unwrap_or_else(|| panic!("{place}: continuation without a message"));
                let message = messages.get_mut(key).unwrap();
                message.text.push('\n');
                message.text.push_str(line);
                continue;
            }
            let (key, value) = line
                .split_once('=')
                .unwrap_or_else(|| panic!("{place}: expected `key = text`, got {line:?}"));
            let key = key.trim().to_owned();
            assert!(
                !key.is_empty()
                    && key.chars().all(|c| c.is_ascii_lowercase()
                        || c.is_ascii_digit()
                        || c == '-'
                        || c == '_'),
                "{place}: key {key:?} is not lower-case-with-dashes"
            );
            let message = Message {
                variables: BTreeSet::new(),
                selects: false,
                text: value.trim().to_owned(),
            };
            assert!(
                messages.insert(key.clone(), message).is_none(),
                "{place}: {key} is defined twice"
            );
            current = Some(key);
        }
    }
    for message in messages.values_mut() {
        message.selects = message.text.contains("->");
        let mut rest = message.text.as_str();
        while let Some(start) = rest.find("{ $").or_else(|| rest.find("{$")) {
            let after = rest[start..].trim_start_matches('{').trim_start();
            let name: String = after[1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect();
            message.variables.insert(name);
            rest = &rest[start + 2..];
        }
        assert!(
            !message.text.is_empty(),
            "a message has no text: {message:?}"
        );
    }
    messages
}

/// Every key the interface asks for, with where: the first argument of `tr!(` and `move_tr!(`.
fn used_keys() -> BTreeMap<String, String> {
    fn walk(dir: &Path, found: &mut BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|extension| extension == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                // `tr!("key"…`, `move_tr!("key"…`, and `tr!(i18n, "key"…` (translations passed
                // explicitly, for tasks and event handlers).
                let mut rest = text.as_str();
                while let Some(start) = rest.find("tr!(") {
                    let mut after = rest[start + 4..].trim_start();
                    if let Some((name, tail)) = after.split_once(',') {
                        if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                            after = tail.trim_start();
                        }
                    }
                    if let Some(quoted) = after.strip_prefix('"') {
                        let key: String = quoted.chars().take_while(|c| *c != '"').collect();
                        found
                            .entry(key)
                            .or_insert_with(|| path.display().to_string());
                    }
                    rest = &rest[start + 4..];
                }
            }
        }
    }
    let mut found = BTreeMap::new();
    walk(&root().join("src/ui"), &mut found);
    found
}

/// What is wrong with a translation against English: untranslated keys, keys English does not
/// have, and messages whose variables or plural shape differ.
fn problems(english: &BTreeMap<String, Message>, other: &BTreeMap<String, Message>) -> Vec<String> {
    let mut found = Vec::new();
    for (key, message) in english {
        match other.get(key) {
            None => found.push(format!("untranslated: {key}")),
            Some(translated) if translated.variables != message.variables => found.push(format!(
                "{key}: variables {:?}, English has {:?}",
                translated.variables, message.variables
            )),
            Some(translated) if translated.selects != message.selects => {
                found.push(format!("{key}: plural shape differs from English"))
            }
            Some(_) => {}
        }
    }
    for key in other.keys().filter(|key| !english.contains_key(*key)) {
        found.push(format!("unknown to English: {key}"));
    }
    found
}

#[test]
fn every_language_defines_the_same_messages_with_the_same_variables() {
    let english = messages("en");
    assert!(
        english.len() > 50,
        "English defines {} messages",
        english.len()
    );
    for language in &LANGUAGES[1..] {
        let found = problems(&english, &messages(language));
        assert!(found.is_empty(), "{language}: {found:#?}");
    }
}

#[test]
fn every_key_the_interface_uses_exists_and_every_message_is_used() {
    let english = messages("en");
    let used = used_keys();
    assert!(!used.is_empty(), "the interface uses no translations?");
    let unknown: Vec<String> = used
        .iter()
        .filter(|(key, _)| !english.contains_key(*key))
        .map(|(key, file)| format!("{key} ({file})"))
        .collect();
    assert!(unknown.is_empty(), "keys used but not defined: {unknown:?}");
    // Keys the interface builds from the core's values are checked against the core instead:
    // enum names below, validation messages in tests/validate_messages.rs, country names, the
    // server's refusals and the registry's errors below.
    let unused: Vec<&String> = english
        .keys()
        .filter(|key| !key.starts_with("label-") && !key.starts_with("validate-"))
        .filter(|key| !key.starts_with("country-") && !key.starts_with("server-"))
        .filter(|key| !key.starts_with("registry-"))
        .filter(|key| !used.contains_key(*key))
        .collect();
    assert!(
        unused.is_empty(),
        "messages defined but never used: {unused:?}"
    );
}

#[test]
fn the_checker_finds_untranslated_and_mismatched_messages() {
    // The checker itself, on made-up files, so the tests above are not vacuous.
    let dir = tempfile::tempdir().unwrap();
    for (language, text) in [
        ("en", "a-key = A\nb-key = B { $n }\nc-key = { $count ->\n    [one] one\n   *[other] many\n    }\nd-key = D { $x }\n"),
        ("es", "a-key = A\nc-key = muchos\nd-key = D { $y }\nz-key = Z\n"),
    ] {
        std::fs::create_dir_all(dir.path().join(language)).unwrap();
        std::fs::write(dir.path().join(language).join("main.ftl"), text).unwrap();
    }
    let english = messages_in(&dir.path().join("en"));
    assert_eq!(
        english["c-key"].variables,
        BTreeSet::from(["count".to_owned()])
    );
    assert!(english["c-key"].selects);
    let found = problems(&english, &messages_in(&dir.path().join("es")));
    assert_eq!(
        found,
        vec![
            "untranslated: b-key".to_owned(),
            "c-key: variables {}, English has {\"count\"}".to_owned(),
            "d-key: variables {\"y\"}, English has {\"x\"}".to_owned(),
            "unknown to English: z-key".to_owned(),
        ]
    );
}

#[test]
fn every_value_of_every_named_enum_has_its_message_and_english_matches_the_core() {
    let english = messages("en");
    let expected = partnero::text::labels::all_label_messages();
    assert!(expected.len() > 80, "only {} labels?", expected.len());
    let mut wrong = Vec::new();
    for (key, text) in &expected {
        match english.get(key) {
            None => wrong.push(format!("missing: {key}")),
            Some(message) if message.text != *text => {
                wrong.push(format!("{key}: {:?}, the core says {text:?}", message.text))
            }
            Some(_) => {}
        }
    }
    let known: BTreeSet<&String> = expected.iter().map(|(key, _)| key).collect();
    for key in english.keys().filter(|key| key.starts_with("label-")) {
        if !known.contains(key) {
            wrong.push(format!("no enum value has the message {key}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The message naming a country (`locales/*/countries.ftl`).
fn country_key(code: &str) -> String {
    format!("country-{}", code.to_ascii_lowercase())
}

#[test]
fn every_country_has_its_name_in_every_language_and_english_is_the_cores() {
    use partnero::validate::formats::countries;
    let known: BTreeMap<String, &str> = countries()
        .map(|(code, name)| (country_key(code), name))
        .collect();
    assert!(known.len() > 240, "only {} countries?", known.len());
    for language in LANGUAGES {
        let messages = messages(language);
        let missing: Vec<&String> = known
            .keys()
            .filter(|key| !messages.contains_key(*key))
            .collect();
        assert!(missing.is_empty(), "{language} lacks {missing:?}");
        let unknown: Vec<&String> = (messages.keys())
            .filter(|key| key.starts_with("country-") && !known.contains_key(*key))
            .collect();
        assert!(
            unknown.is_empty(),
            "{language} names no country of the core: {unknown:?}"
        );
    }
    let english = messages("en");
    let wrong: Vec<String> = (known.iter())
        .filter(|(key, name)| english[*key].text != **name)
        .map(|(key, name)| format!("{key}: {:?}, the core says {name:?}", english[key].text))
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn every_refusal_of_the_server_has_its_words_in_every_language() {
    use partnero::model::ServerError;
    let examples = ServerError::examples();
    let keys: BTreeSet<&str> = examples.iter().map(ServerError::key).collect();
    for language in LANGUAGES {
        let defined = messages(language);
        let mut wrong = Vec::new();
        for error in &examples {
            let given: BTreeSet<String> = error
                .args()
                .into_iter()
                .map(|(name, _)| name.to_owned())
                .collect();
            match defined.get(error.key()) {
                None => wrong.push(format!("missing: {}", error.key())),
                // A message may leave a variable out (the byte count, when it says megabytes),
                // never use one the core does not give.
                Some(message) if !message.variables.is_subset(&given) => wrong.push(format!(
                    "{}: uses {:?}, the core gives {given:?}",
                    error.key(),
                    message.variables
                )),
                Some(_) => {}
            }
        }
        for key in defined.keys().filter(|key| key.starts_with("server-")) {
            if !keys.contains(key.as_str()) {
                wrong.push(format!("no refusal has the message {key}"));
            }
        }
        assert!(wrong.is_empty(), "{language}: {wrong:#?}");
    }
    // The answer the server sends reads back as the same refusal.
    for error in examples {
        let body = error.to_json().to_string();
        assert_eq!(ServerError::from_answer(400, &body), error, "{body}");
    }
    // An answer without a refusal (a proxy's page, an older server) keeps what it says.
    assert_eq!(
        ServerError::from_answer(502, "<html>Bad gateway</html>"),
        ServerError::UnexpectedAnswer {
            status: 502,
            detail: String::new()
        }
    );
    assert_eq!(
        ServerError::from_answer(409, r#"{"error": "busy"}"#).english(),
        "the server answered 409: busy"
    );
}

#[test]
fn every_refusal_of_the_registry_has_its_words_in_every_language() {
    use partnero::model::ChangeRefusal;
    use partnero::registry::RegistryError;
    // Every refusal of the core, and every other registry error (storage, unreadable
    // documents…), as the interface words them (`ui::words::registry_error`).
    let errors: Vec<RegistryError> = (ChangeRefusal::examples().into_iter())
        .map(RegistryError::Refused)
        .chain(RegistryError::examples())
        .collect();
    let keys: BTreeSet<&str> = errors.iter().filter_map(RegistryError::key).collect();
    assert!(keys.len() > 35, "only {} registry messages?", keys.len());
    for language in LANGUAGES {
        let defined = messages(language);
        let mut wrong = Vec::new();
        for error in &errors {
            let key = error
                .key()
                .expect("only a sentence of the interface has no key");
            let given: BTreeSet<String> = (error.args().into_iter())
                .map(|(name, _)| name.to_owned())
                .collect();
            match defined.get(key) {
                None => wrong.push(format!("missing: {key}")),
                // A message may leave a variable out (a full device needs no technical
                // detail), never use one the core does not give.
                Some(message) if !message.variables.is_subset(&given) => wrong.push(format!(
                    "{key}: uses {:?}, the core gives {given:?}",
                    message.variables
                )),
                Some(_) => {}
            }
        }
        for key in defined.keys().filter(|key| key.starts_with("registry-")) {
            if !keys.contains(key.as_str()) {
                wrong.push(format!("no registry error has the message {key}"));
            }
        }
        assert!(wrong.is_empty(), "{language}: {wrong:#?}");
    }
    // The registry's English is the refusal's, as it always read (logs, tests, the console).
    for refusal in ChangeRefusal::examples() {
        assert_eq!(
            RegistryError::Refused(refusal.clone()).to_string(),
            refusal.english()
        );
    }
    // A full device is told so; other storage failures keep what the browser said.
    let full = &RegistryError::examples()[1];
    assert_eq!(full.key(), Some("registry-storage-full"));
    assert_eq!(
        RegistryError::examples()[0].key(),
        Some("registry-storage-failed")
    );
    // Every message renders with Fluent in every language, its select on the decision too.
    for language in LANGUAGES {
        let path = root().join("locales").join(language).join("registry.ftl");
        let resource =
            fluent_bundle::FluentResource::try_new(std::fs::read_to_string(&path).unwrap())
                .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
        let mut bundle = fluent_bundle::FluentBundle::new(vec![language.parse().unwrap()]);
        bundle.set_use_isolating(false);
        bundle.add_resource(resource).unwrap();
        for error in &errors {
            let key = error.key().unwrap();
            let mut args = fluent_bundle::FluentArgs::new();
            for (name, value) in error.args() {
                args.set(name, value.english());
            }
            let pattern = bundle.get_message(key).unwrap().value().unwrap();
            let mut problems = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&args), &mut problems);
            assert!(problems.is_empty(), "{language} {key}: {problems:?}");
            assert!(!text.contains('{'), "{language} {key}: {text}");
            // The examples: accepted by Ana Staff, rejected by someone unnamed.
            match (language, key) {
                ("es", "registry-already-decided") => assert!(text.contains("aceptado"), "{text}"),
                ("es", "registry-already-decided-anonymous") => {
                    assert!(text.contains("rechazado"), "{text}")
                }
                _ => {}
            }
        }
    }
    // A sentence the interface wrote itself (already translated) is shown as it is.
    let own = RegistryError::InvalidChange("importe no válido".into());
    assert_eq!(
        (own.key(), own.to_string()),
        (None, "importe no válido".into())
    );
}
