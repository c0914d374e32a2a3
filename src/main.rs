//! Entry point of the browser app that Trunk builds: install the panic hook and mount the UI.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(partnero::ui::App);
}

/// The app only exists in the browser; natively this binary explains where to look instead.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("partnero is a browser app: build it with `trunk build` and serve it with the sync server (see README.md)");
}
