//! What the pure core receives as arguments: the current time and random bytes, read here from
//! the browser; plus a few small facts about it (User Timing marks, a device label).

use automerge::ActorId;

use crate::model::DocumentId;

/// Milliseconds since the Unix epoch, from the browser's clock.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Bytes from the browser's cryptographic random source (crypto.getRandomValues).
fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    // getrandom's wasm_js backend is crypto.getRandomValues; it only fails when the browser
    // has no Web Crypto at all, where Partnero cannot work anyway.
    getrandom::fill(&mut bytes).expect("the browser provides crypto.getRandomValues");
    bytes
}

pub fn new_document_id() -> DocumentId {
    DocumentId::from_random_bytes(random_bytes())
}

/// A fresh actor id for this session; see `Registry::actor` for why one per session.
pub fn new_actor_id() -> ActorId {
    ActorId::from(random_bytes::<16>())
}

/// A short random id for a new address, contact or bank-account row.
pub fn new_row_id() -> String {
    random_bytes::<8>()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// Records a User Timing mark (`performance.mark`) once per page load: the cold-start benchmark
/// (`.ci/cold-start-bench`) reads `partnero:first-rows` and `partnero:first-search` from the
/// real app. A mark costs microseconds and is visible in the browser's performance panel.
pub fn mark_once(name: &str) {
    let Some(performance) = web_sys::window().and_then(|window| window.performance()) else {
        return;
    };
    if performance.get_entries_by_name(name).length() == 0 {
        let _ = performance.mark(name);
    }
}

/// A short name for this device as the browser describes itself ("Chrome on Android"), for
/// the history of a record ("from which device"). Only the browser and the system are kept:
/// enough to tell a person's phone from their laptop, nothing that identifies the device.
pub fn device_label() -> String {
    let agent = web_sys::window()
        .and_then(|window| window.navigator().user_agent().ok())
        .unwrap_or_default();
    let browser = [
        ("Edg/", "Edge"),
        ("Firefox/", "Firefox"),
        ("OPR/", "Opera"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    ]
    .into_iter()
    .find(|(mark, _)| agent.contains(mark))
    .map_or("a browser", |(_, name)| name);
    let system = [
        ("Android", "Android"),
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Windows", "Windows"),
        ("Mac OS", "macOS"),
        ("CrOS", "ChromeOS"),
        ("Linux", "Linux"),
    ]
    .into_iter()
    .find(|(mark, _)| agent.contains(mark))
    .map_or("an unknown system", |(_, name)| name);
    format!("{browser} on {system}")
}
