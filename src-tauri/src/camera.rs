//! The camera in the web view. On Linux WebKitGTK keeps `getUserMedia` off unless its media
//! stream setting is on, and asks the embedding app for each permission: the app's own page may
//! use a camera (and a microphone) and the position (for a photo's place, when the platform has
//! one: GeoClue on Linux); anything else is refused. `QUAYSIDE_MOCK_CAMERA=1`
//! (debug builds, and the benchmarks' build with the `mock-camera` feature) gives WebKit's mock
//! capture devices, for the end-to-end tests and the capture benchmark on machines without a camera. Windows and macOS web views ask the person themselves.

/// Turn the camera on for `window`'s web view.
#[cfg(target_os = "linux")]
pub fn allow(window: &tauri::WebviewWindow) {
    let mock = (cfg!(debug_assertions) || cfg!(feature = "mock-camera"))
        && std::env::var_os("QUAYSIDE_MOCK_CAMERA").is_some();
    let done = window.with_webview(move |webview| {
        use webkit2gtk::glib::prelude::*;
        use webkit2gtk::{
            GeolocationPermissionRequest, PermissionRequestExt, SettingsExt,
            UserMediaPermissionRequest, WebViewExt,
        };
        let view = webview.inner();
        if let Some(settings) = WebViewExt::settings(&view) {
            settings.set_enable_media_stream(true);
            settings.set_enable_mock_capture_devices(mock);
        }
        view.connect_permission_request(|_, request| {
            if request.is::<UserMediaPermissionRequest>()
                || request.is::<GeolocationPermissionRequest>()
            {
                request.allow();
            } else {
                request.deny();
            }
            true
        });
    });
    if let Err(e) = done {
        eprintln!("quayside: the camera cannot be turned on: {e}");
    }
}

#[cfg(not(target_os = "linux"))]
pub fn allow(_window: &tauri::WebviewWindow) {}
