//! Fluent helpers shared by the tests that render the core's messages the way the interface
//! does (`tests/validate_messages.rs`, `tests/import_messages.rs`): reading a language's `.ftl`
//! files, the variables each message uses, a bundle, and formatting with `@key` arguments
//! resolved last to first (the contract of `validate::FieldError`).
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

pub const LANGUAGES: [&str; 3] = ["en", "es", "eo"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The given files of one language, one after the other.
pub fn ftl(language: &str, files: &[&str]) -> String {
    files
        .iter()
        .map(|file| {
            let path = root().join("locales").join(language).join(file);
            std::fs::read_to_string(&path)
                .unwrap_or_else(|error| panic!("{}: {error}", path.display()))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The variables of each message of a language's files (`key = text`, continuation lines
/// indented, `#` comments).
pub fn variables(language: &str, files: &[&str]) -> BTreeMap<String, BTreeSet<String>> {
    let mut texts: BTreeMap<String, String> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in ftl(language, files).lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with(' ') {
            let key = current
                .as_ref()
                .expect("a continuation line without a message");
            texts.get_mut(key).unwrap().push_str(line);
            continue;
        }
        let (key, text) = line
            .split_once('=')
            .unwrap_or_else(|| panic!("{language}: expected `key = text`, got {line:?}"));
        let key = key.trim().to_owned();
        assert!(
            texts.insert(key.clone(), text.to_owned()).is_none(),
            "{language}: {key} is defined twice"
        );
        current = Some(key);
    }
    texts
        .into_iter()
        .map(|(key, text)| {
            let mut names = BTreeSet::new();
            let mut rest = text.as_str();
            while let Some(start) = rest.find('$') {
                rest = &rest[start + 1..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'))
                    .collect();
                names.insert(name);
            }
            (key, names)
        })
        .collect()
}

pub fn bundle(language: &str, files: &[&str]) -> FluentBundle<FluentResource> {
    let resource = FluentResource::try_new(ftl(language, files))
        .unwrap_or_else(|(_, errors)| panic!("{language}: {errors:?}"));
    let mut bundle = FluentBundle::new(vec![language.parse().unwrap()]);
    bundle.set_use_isolating(false);
    bundle.add_resource(resource).unwrap();
    bundle
}

/// Formats one message; whole numbers written canonically are numbers, everything else text
/// (as `ui::i18n::message` does).
pub fn format(
    bundle: &FluentBundle<FluentResource>,
    key: &str,
    args: &[(&str, String)],
) -> Result<String, String> {
    let message = bundle
        .get_message(key)
        .ok_or_else(|| format!("no message {key}"))?;
    let pattern = message
        .value()
        .ok_or_else(|| format!("{key} has no value"))?;
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value.parse::<i64>() {
            Ok(number) if number.to_string() == *value => {
                fluent_args.set(*name, FluentValue::from(number))
            }
            _ => fluent_args.set(*name, FluentValue::from(value.clone())),
        }
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    if errors.is_empty() {
        Ok(text.into_owned())
    } else {
        Err(format!("{key}: {errors:?}"))
    }
}

/// Formats an error as the interface does: the `@key` arguments from the last to the first,
/// each with the arguments as resolved so far, then the error's own message.
pub fn render(
    bundle: &FluentBundle<FluentResource>,
    key: &str,
    args: &[(&'static str, String)],
) -> Result<String, String> {
    let mut resolved: Vec<(&str, String)> = args.to_vec();
    for index in (0..resolved.len()).rev() {
        if let Some(inner) = resolved[index].1.strip_prefix('@') {
            let text = format(bundle, inner, &resolved)?;
            resolved[index].1 = text;
        }
    }
    format(bundle, key, &resolved)
}

/// One error to check: its English message, key and arguments, and where it came from.
pub struct Sample {
    pub origin: String,
    pub message: String,
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

/// The messages a sample nests (its `@key` arguments).
pub fn referenced(sample: &Sample) -> Vec<&str> {
    sample
        .args
        .iter()
        .filter_map(|(_, value)| value.strip_prefix('@'))
        .collect()
}

/// Checks every sample in every language against the messages of `files`: it has a key, no
/// argument twice, every message it uses (its own and the ones it nests) exists and uses only
/// the arguments it gives, it renders without errors, the English equals the core's message,
/// and no text is empty or still holds a nested reference (`unresolved`). Returns the problems
/// found and every key the samples used.
pub fn check_samples<'a>(
    samples: impl IntoIterator<Item = &'a Sample>,
    files: &[&str],
    unresolved: impl Fn(&str) -> bool,
) -> (Vec<String>, BTreeSet<String>) {
    let bundles: Vec<_> = LANGUAGES
        .iter()
        .map(|language| {
            (
                *language,
                bundle(language, files),
                variables(language, files),
            )
        })
        .collect();
    let mut problems = Vec::new();
    let mut covered = BTreeSet::new();
    for sample in samples {
        let place = format!("{} {:?}", sample.origin, sample.message);
        if sample.key.is_empty() {
            problems.push(format!("{place}: no key"));
            continue;
        }
        covered.insert(sample.key.to_owned());
        covered.extend(referenced(sample).into_iter().map(str::to_owned));
        let names: BTreeSet<&str> = sample.args.iter().map(|(name, _)| *name).collect();
        if names.len() != sample.args.len() {
            problems.push(format!("{place}: an argument twice in {:?}", sample.args));
        }
        for (language, bundle, variables) in &bundles {
            for key in std::iter::once(sample.key).chain(referenced(sample)) {
                match variables.get(key) {
                    None => problems.push(format!("{place}: {language} has no {key}")),
                    Some(used) => {
                        let missing: Vec<&String> = used
                            .iter()
                            .filter(|name| !names.contains(name.as_str()))
                            .collect();
                        if !missing.is_empty() {
                            problems.push(format!(
                                "{place}: {language} {key} uses {missing:?}, not given"
                            ));
                        }
                    }
                }
            }
            match render(bundle, sample.key, &sample.args) {
                Err(error) => problems.push(format!("{place}: {language}: {error}")),
                Ok(text) if *language == "en" && text != sample.message => {
                    problems.push(format!("{place}: English renders {text:?}"))
                }
                Ok(text) if unresolved(&text) || text.trim().is_empty() => {
                    problems.push(format!("{place}: {language} renders {text:?}"))
                }
                Ok(_) => {}
            }
        }
    }
    (problems, covered)
}
