//! Tidy: repository-wide rules that no compiler or linter checks, in the style of rust-analyzer's
//! tidy test. The rules are in `tests/tidy.rs` and run with `cargo test` (this crate is a default
//! member of the workspace); this library is empty on purpose.
