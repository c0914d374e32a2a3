//! The device's own services, asked for only when the user acts: the position of a visit being
//! logged (geolocation, with the browser's consent prompt), the clipboard for a filled message
//! template, and system notifications for alerts (through the service worker, so they show on
//! phones too, where page notifications are not allowed).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::model::GeoPosition;

fn navigator() -> Result<web_sys::Navigator, String> {
    web_sys::window()
        .map(|window| window.navigator())
        .ok_or_else(|| "no browser window".to_owned())
}

/// The device's position, once. The browser asks the user the first time; a refusal or no fix
/// within 15 s is an error with the browser's reason.
pub async fn current_position() -> Result<GeoPosition, String> {
    let geolocation = navigator()?
        .geolocation()
        .map_err(|_| "this browser cannot tell the position".to_owned())?;
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let options = web_sys::PositionOptions::new();
        options.set_timeout(15_000);
        options.set_maximum_age(60_000);
        let reject_now = reject.clone();
        let failed = Closure::once_into_js(move |error: web_sys::PositionError| {
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&error.message()));
        });
        if geolocation
            .get_current_position_with_error_callback_and_options(
                &resolve,
                Some(failed.unchecked_ref()),
                &options,
            )
            .is_err()
        {
            let _ = reject_now.call1(&JsValue::NULL, &"it could not be requested".into());
        }
    });
    let position: web_sys::Position = JsFuture::from(promise)
        .await
        .map_err(|error| {
            format!(
                "the position is not available ({})",
                error.as_string().unwrap_or_else(|| "refused".into())
            )
        })?
        .unchecked_into();
    let coordinates = position.coords();
    // Degrees × 10⁷ as integers: documents hold no floats (see `GeoPosition`).
    Ok(GeoPosition {
        latitude_e7: (coordinates.latitude() * 1e7).round() as i64,
        longitude_e7: (coordinates.longitude() * 1e7).round() as i64,
        accuracy_m: coordinates.accuracy().round().clamp(0.0, u32::MAX as f64) as u32,
    })
}

/// Puts text on the clipboard.
pub async fn copy_text(text: &str) -> Result<(), String> {
    JsFuture::from(navigator()?.clipboard().write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| "the browser did not allow copying".to_owned())
}

/// Whether system notifications are allowed ("granted"), refused ("denied") or not asked yet
/// ("default"), or not supported at all (`None`).
pub fn notification_permission() -> Option<String> {
    let supported = web_sys::window()
        .and_then(|window| js_sys::Reflect::has(&window, &"Notification".into()).ok())
        .unwrap_or(false);
    supported.then(|| match web_sys::Notification::permission() {
        web_sys::NotificationPermission::Granted => "granted".to_owned(),
        web_sys::NotificationPermission::Denied => "denied".to_owned(),
        _ => "default".to_owned(),
    })
}

/// Asks the user to allow notifications; returns the answer as [`notification_permission`].
pub async fn request_notifications() -> Result<String, String> {
    let promise = web_sys::Notification::request_permission()
        .map_err(|_| "this browser cannot show notifications".to_owned())?;
    let answer = JsFuture::from(promise)
        .await
        .map_err(|_| "the browser did not answer".to_owned())?;
    Ok(answer.as_string().unwrap_or_else(|| "default".into()))
}

/// Shows one system notification through the service worker. `tag` replaces an earlier
/// notification about the same alert instead of stacking a second one.
pub async fn notify(title: &str, body: &str, tag: &str) -> Result<(), String> {
    let container = navigator()?.service_worker();
    let ready = container
        .ready()
        .map_err(|_| "no service worker to show notifications".to_owned())?;
    let registration: web_sys::ServiceWorkerRegistration = JsFuture::from(ready)
        .await
        .map_err(|_| "the service worker is not ready".to_owned())?
        .unchecked_into();
    let options = web_sys::NotificationOptions::new();
    options.set_body(body);
    options.set_tag(tag);
    let shown = registration
        .show_notification_with_options(title, &options)
        .map_err(|_| "the notification was refused".to_owned())?;
    JsFuture::from(shown)
        .await
        .map(|_| ())
        .map_err(|_| "the notification was refused".to_owned())
}

/// Whether the device has a share sheet (`navigator.share`, mostly phones).
pub fn can_share() -> bool {
    navigator()
        .ok()
        .and_then(|navigator| js_sys::Reflect::get(&navigator, &"share".into()).ok())
        .is_some_and(|share| share.is_function())
}

/// Opens the device's share sheet with a message (mail, chat apps…). Called through
/// `Reflect` because web-sys marks `ShareData` unstable.
pub async fn share(title: &str, text: &str) -> Result<(), String> {
    let navigator = navigator()?;
    let share = js_sys::Reflect::get(&navigator, &"share".into())
        .ok()
        .and_then(|share| share.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| "this device has no share sheet".to_owned())?;
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"text".into(), &text.into());
    let promise: js_sys::Promise = share
        .call1(&navigator, &data)
        .map_err(|_| "the share sheet could not be opened".to_owned())?
        .unchecked_into();
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| "sharing was cancelled".to_owned())
}
