//! Tidy rules that keep the architecture visible: the pure core touches no IO, clock or
//! randomness, and every Rust file opens with a `//!` header saying what it is for.

use std::path::{Path, PathBuf};

const PURE_MODULES: &[&str] = &[
    "model", "validate", "search", "store", "registry", "text", "dedupe", "files", "report",
];

/// Words whose presence in a pure module means IO, a clock or randomness crept in.
const FORBIDDEN_IN_PURE: &[&str] = &[
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "leptos",
    "tokio",
    "std::time",
    "SystemTime",
    "Instant::now",
    "chrono",
    "getrandom",
    "rand::",
    "thread_rng",
    "ActorId::random",
    "AutoCommit::new()",
    "std::fs",
    "std::net",
    "gloo",
    "indexed_db",
];

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in
        std::fs::read_dir(dir).unwrap_or_else(|error| panic!("read {}: {error}", dir.display()))
    {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            if !matches!(
                name.as_str(),
                "target" | "dist" | "node_modules" | ".git" | "data" | "vendor"
            ) {
                rust_files(&path, found);
            }
        } else if name.ends_with(".rs") {
            found.push(path);
        }
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn pure_modules_touch_no_io_clock_or_randomness() {
    let mut offences = Vec::new();
    for module in PURE_MODULES {
        let mut files = Vec::new();
        rust_files(&root().join("src").join(module), &mut files);
        assert!(!files.is_empty(), "module {module} has no files");
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for (number, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or_default();
                // `AutoCommit::new()` draws a random actor id; the registry must always chain
                // `.with_actor(...)` to it with the actor passed in.
                for word in FORBIDDEN_IN_PURE {
                    let allowed = *word == "AutoCommit::new()" && code.contains(".with_actor(");
                    if code.contains(word) && !allowed {
                        offences.push(format!(
                            "{}:{}: {word}: {}",
                            file.display(),
                            number + 1,
                            line.trim()
                        ));
                    }
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "pure modules must stay pure:\n{}",
        offences.join("\n")
    );
}

#[test]
fn every_rust_file_starts_with_a_module_header() {
    let mut files = Vec::new();
    for dir in ["src", "tests", "sync-server"] {
        rust_files(&root().join(dir), &mut files);
    }
    let missing: Vec<String> = files
        .iter()
        .filter(|file| !std::fs::read_to_string(file).unwrap().starts_with("//!"))
        .map(|file| file.display().to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "files without a //! header:\n{}",
        missing.join("\n")
    );
}
