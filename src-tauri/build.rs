//! Tauri's build step: generates the app's context (config, capabilities, icons) at compile time.
//! The app's own commands are declared here, so each is refused unless a capability grants it.
fn main() {
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(
        tauri_build::AppManifest::new().commands(&[
            "api",
            "save_export",
            "show_in_folder",
            "pick_photos",
            "attach_picked_photo",
            "pick_documents",
            "attach_picked_document",
        ]),
    ))
    .expect("the app's Tauri context builds");
}
