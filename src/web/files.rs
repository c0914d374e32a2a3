//! Moves attached files between this device's store and the sync server: uploads what is
//! queued, downloads what a record names but this device lacks. The decisions (what is queued,
//! whether bytes match their name) are in `crate::files`; this only speaks HTTP.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::files::{self, FileError};
use crate::store::Store;

fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .unwrap_or_else(|| format!("{error:?}"))
}

async fn request(
    method: &str,
    sha256: &str,
    token: &str,
    body: Option<(&[u8], &str)>,
) -> Result<web_sys::Response, String> {
    let window = web_sys::window().ok_or("no window")?;
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    let headers = web_sys::Headers::new().map_err(describe)?;
    headers
        .set("Authorization", &format!("Bearer {token}"))
        .map_err(describe)?;
    if let Some((bytes, media_type)) = body {
        headers.set("Content-Type", media_type).map_err(describe)?;
        init.set_body(&js_sys::Uint8Array::from(bytes).into());
    }
    init.set_headers(&headers);
    let request = web_sys::Request::new_with_str_and_init(&format!("/api/files/{sha256}"), &init)
        .map_err(describe)?;
    let response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|_| "the server cannot be reached".to_owned())?;
    response.dyn_into().map_err(describe)
}

/// Uploads every queued file; returns how many are still waiting (offline, or refused).
pub async fn upload_pending<S: Store>(store: &S, token: &str) -> usize {
    let Ok(pending) = files::pending_uploads(store).await else {
        return 0;
    };
    let mut waiting = 0;
    for (sha256, media_type) in pending {
        let uploaded = match files::load_file(store, &sha256).await {
            Ok(Some(bytes)) => {
                match request("PUT", &sha256, token, Some((&bytes, &media_type))).await {
                    Ok(response) if matches!(response.status(), 200 | 201) => true,
                    Ok(response) => {
                        web_sys::console::warn_1(
                            &format!("file {sha256}: the server answered {}", response.status())
                                .into(),
                        );
                        false
                    }
                    Err(_) => false,
                }
            }
            // Nothing to upload any more (erased or damaged): drop it from the queue rather
            // than retrying forever; the record shows the file as missing.
            Ok(None) | Err(FileError::Damaged(_)) => true,
            Err(_) => false,
        };
        if uploaded {
            let _ = files::mark_uploaded(store, &sha256).await;
        } else {
            waiting += 1;
        }
    }
    waiting
}

/// The file's bytes, from this device or else from the server (kept for offline use).
pub async fn fetch_file<S: Store>(
    store: &S,
    sha256: &str,
    token: Option<&str>,
) -> Result<Vec<u8>, String> {
    match files::load_file(store, sha256).await {
        Ok(Some(bytes)) => return Ok(bytes),
        Ok(None) => {}
        Err(error) => return Err(error.to_string()),
    }
    let token = token.ok_or("the file is not on this device yet; sign in to download it")?;
    let response = request("GET", sha256, token, None).await?;
    if response.status() != 200 {
        return Err(format!(
            "the file is not on this device and the server answered {}",
            response.status()
        ));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(describe)?)
        .await
        .map_err(describe)?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    files::save_downloaded(store, sha256, &bytes)
        .await
        .map_err(|error| error.to_string())?;
    Ok(bytes)
}

/// A `blob:` URL showing `bytes`, for an `<img>` or a link; revoke it when done.
pub fn object_url(bytes: &[u8], media_type: &str) -> Option<String> {
    let parts = js_sys::Array::new();
    parts.push(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// Reads a picked (or photographed) file's bytes.
pub async fn read_picked(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(describe)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The first file picked in the file input an event came from, if any.
pub fn picked_file(event: &web_sys::Event) -> Option<web_sys::File> {
    use wasm_bindgen::JsCast;
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|input| input.files())
        .and_then(|files| files.get(0))
}
