//! The font files: every one the export reads is in the repository's `fonts/` and shipped by the
//! app as a resource, with the licences beside them.

use quayside_export::FONT_FILES;
use quayside_testkit::fonts::dir;

#[test]
fn the_app_ships_every_font_file_with_its_licences() {
    let config: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../src-tauri/tauri.conf.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let resources = config["bundle"]["resources"].as_object().unwrap();
    for name in FONT_FILES.iter().chain(&["OFL.txt", "LICENSE-DejaVu.txt"]) {
        assert!(dir().join(name).is_file(), "fonts/{name} is missing");
        assert_eq!(
            resources[&format!("../fonts/{name}")],
            format!("fonts/{name}"),
            "src-tauri/tauri.conf.json does not ship fonts/{name} as a resource"
        );
    }
    let licence = std::fs::read_to_string(dir().join("OFL.txt")).unwrap();
    assert!(licence.contains("SIL OPEN FONT LICENSE Version 1.1"));
}
