//! `ui/src/bindings.ts` is the generated TypeScript, committed: this fails when it is stale, and
//! with QUAYSIDE_WRITE_BINDINGS=1 writes it instead.

#[test]
fn bindings_are_current() {
    let generated = quayside_api::typescript_bindings();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/bindings.ts");
    if std::env::var_os("QUAYSIDE_WRITE_BINDINGS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "ui/src/bindings.ts is stale: run `QUAYSIDE_WRITE_BINDINGS=1 cargo test -p quayside-api bindings` and commit it"
    );
}
