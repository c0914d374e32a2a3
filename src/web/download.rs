//! Getting reports off the screen: text made on the device (CSV exports) saved as a file
//! through a Blob, an object URL and a temporary `<a download>` clicked once (no server round
//! trip, so exports work offline); and printing with every chart's table shown.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// How long the object URL stays valid after the click. Revoking it at once can cancel the
/// download in some browsers (the save starts asynchronously), so it is released a moment later.
const REVOKE_AFTER_MS: i32 = 10_000;

/// Offers `text` as a download named `file_name` of type `media_type` (say `text/csv`).
pub fn download_text(file_name: &str, media_type: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::new();
    // A byte-order mark first for CSV: spreadsheet programs otherwise read UTF-8 partner names
    // as a legacy code page.
    let body = if media_type.starts_with("text/csv") {
        format!("\u{feff}{text}")
    } else {
        text.to_owned()
    };
    parts.push(&JsValue::from_str(&body));
    download_parts(file_name, media_type, &parts)
}

/// Offers `bytes` as a download named `file_name` (a backup).
pub fn download_bytes(file_name: &str, media_type: &str, bytes: &[u8]) -> Result<(), String> {
    let parts = js_sys::Array::new();
    parts.push(&js_sys::Uint8Array::from(bytes));
    download_parts(file_name, media_type, &parts)
}

fn download_parts(file_name: &str, media_type: &str, parts: &js_sys::Array) -> Result<(), String> {
    let window = web_sys::window().ok_or("no browser window")?;
    let document = window.document().ok_or("no document")?;
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let blob = web_sys::Blob::new_with_buffer_source_sequence_and_options(parts, &options)
        .map_err(describe)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(describe)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(describe)?
        .dyn_into()
        .map_err(|_| "the document did not create a link".to_owned())?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let body = document.body().ok_or("the document has no body")?;
    body.append_child(&anchor).map_err(describe)?;
    anchor.click();
    anchor.remove();
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            revoke.unchecked_ref(),
            REVOKE_AFTER_MS,
        )
        .map_err(describe)?;
    Ok(())
}

/// Opens the browser's print dialog (the reports have a print style sheet) with the closed
/// "Show as table" toggles (`details.chart-table`) opened, so paper carries the numbers in full;
/// the ones opened here are closed again once the dialog returns.
pub fn print_page() -> Result<(), String> {
    let window = web_sys::window().ok_or("no browser window")?;
    let document = window.document().ok_or("no document")?;
    let closed = document
        .query_selector_all("details.chart-table:not([open])")
        .map_err(describe)?;
    let opened: Vec<web_sys::Element> = (0..closed.length())
        .filter_map(|index| closed.get(index))
        .filter_map(|node| node.dyn_into::<web_sys::Element>().ok())
        .collect();
    for details in &opened {
        let _ = details.set_attribute("open", "");
    }
    // Closed again on `afterprint` rather than when print() returns: Safari returns at once,
    // before the page is laid out for paper.
    let restore = Closure::once_into_js({
        let window = window.clone();
        move || {
            for details in &opened {
                let _ = details.remove_attribute("open");
            }
            window.set_onafterprint(None);
        }
    });
    window.set_onafterprint(Some(restore.unchecked_ref()));
    window.print().map_err(describe)
}

fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .unwrap_or_else(|| format!("{error:?}"))
}
