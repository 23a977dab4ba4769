//! Tauri's build step: generates the app's context (config, capabilities, icons) at compile time.
fn main() {
    tauri_build::build()
}
